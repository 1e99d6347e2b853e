//! The small interface between the interview and whoever answers it: a
//! terminal that draws the question as one screen, a plain line-by-line
//! terminal, or a test script. A [`Prompt`] is plain data, so any front-end
//! can show it its own way.

use crate::base::error::Result;
use crate::base::ui::Ui;

/// What the user did at a prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply<T> {
    Answer(T),
    /// Go back one question.
    Back,
    /// Skip this question.
    Skip,
    /// Show the "meer informatie" text, then ask again.
    Help,
}

/// One question as the user sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prompt {
    /// Where we are, one line: "Doel 1 van 2: Rust in huis · Niveau van
    /// professionals · vraag 3 van 8". Its parts are joined with " · ", so
    /// a narrow screen can shorten the longest part and keep the count.
    pub header: String,
    /// The question itself.
    pub title: String,
    /// Lines shown under the question and before the choices (a hint, the
    /// goals entered so far, "you skipped this before").
    pub details: Vec<String>,
    /// The choices (for `choose` and `choose_many`), each shown once.
    pub items: Vec<String>,
    /// What each item means concretely (its anchor), by the index of the
    /// item; an empty string or a missing entry means none. Shown with the
    /// item, not in a list of its own.
    pub notes: Vec<String>,
    /// Headings in a long list: the index of the first item under the
    /// heading, and the heading.
    pub groups: Vec<(usize, String)>,
    /// Items that cannot be chosen together with others (`exclusief`, and
    /// "weet ik niet"), for `choose_many`.
    pub exclusive: Vec<usize>,
    /// The pre-selected item (`choose`), or pre-checked items
    /// (`choose_many`), or the pre-filled text (`text`).
    pub default: Option<usize>,
    pub checked: Vec<usize>,
    pub initial_text: String,
    /// For `text`: what an empty answer means (shown, and returned on Enter).
    pub default_text: String,
    /// The "meer informatie" text. A prompter shows it without leaving the
    /// question, so that what was ticked or typed stays; one that cannot,
    /// returns [`Reply::Help`] and the interview shows it.
    pub info: Option<String>,
    /// The text of the practice case the session started from, to show
    /// again on request.
    pub case_text: Option<String>,
    pub can_back: bool,
    pub can_skip: bool,
}

impl Prompt {
    /// Whether there is a "meer informatie" text.
    pub fn has_help(&self) -> bool {
        self.info.is_some()
    }

    /// The note (anchor) of item `i`, if it has one.
    pub fn note(&self, i: usize) -> Option<&str> {
        self.notes
            .get(i)
            .map(String::as_str)
            .filter(|n| !n.is_empty())
    }

    /// The heading shown above item `i`, if a group starts there.
    pub fn group_at(&self, i: usize) -> Option<&str> {
        self.groups
            .iter()
            .find(|(at, _)| *at == i)
            .map(|(_, h)| h.as_str())
    }
}

/// Talks to the user. Every method returns [`crate::base::error::Error::Interrupted`]
/// when the user stops (Ctrl-C, end of input).
pub trait Prompter {
    /// Shows a block of text (an introduction, a help text, a message).
    fn show(&mut self, text: &str) -> Result<()>;
    /// Choose one item.
    fn choose(&mut self, prompt: &Prompt) -> Result<Reply<usize>>;
    /// Choose any number of items.
    fn choose_many(&mut self, prompt: &Prompt) -> Result<Reply<Vec<usize>>>;
    /// Type a short text; empty means skip when skipping is allowed.
    fn text(&mut self, prompt: &Prompt) -> Result<Reply<String>>;
    /// The width to wrap text to.
    fn width(&self) -> usize {
        80
    }
    /// How to operate this prompter, for the introduction.
    fn controls(&self, ui: &Ui) -> &'static str {
        ui.iv_controls_lines
    }
}
