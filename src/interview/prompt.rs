//! The small interface between the interview and whoever answers it: a
//! terminal with dialoguer, a plain line-by-line terminal, or a test script.

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
    /// Where we are: "Gezin · vraag 5 van 23".
    pub header: String,
    /// The question itself.
    pub title: String,
    /// Lines shown before the choices, such as the anchor of every option.
    pub details: Vec<String>,
    /// The choices (for `choose` and `choose_many`).
    pub items: Vec<String>,
    /// The pre-selected item (`choose`), or pre-checked items
    /// (`choose_many`), or the pre-filled text (`text`).
    pub default: Option<usize>,
    pub checked: Vec<usize>,
    pub initial_text: String,
    /// For `text`: what an empty answer means (shown, and returned on Enter).
    pub default_text: String,
    pub can_back: bool,
    pub can_skip: bool,
    pub has_help: bool,
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
