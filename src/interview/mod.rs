//! The interactive session: moment, start question, goals and their
//! priority, the per-goal questions, the three levels.
//!
//! What is asked and what a reply does is [`Flow`], a state machine with no
//! terminal, clock or file system, shared by the terminal session and the
//! browser edition. [`Interview`] drives it through a [`Prompter`], so tests
//! drive it with a script; the prompters for a real terminal belong to the
//! app. After every change the session is handed to `on_change` (autosave).

mod flow;
pub mod prompt;

pub use crate::session::draft::Depth;
pub use flow::{Ask, Flow, Input};
pub use prompt::{Prompt, Prompter, Reply};

use crate::advice::Outcome;
use crate::bank::Bank;
use crate::base::error::{Error, Result};
use crate::base::located::Located;
use crate::base::sanitize;
use crate::base::text::Lang;
use crate::base::ui::{Ui, fill, ui};
use crate::session::{Override, Session};

/// Called after every change of the session (autosave).
type OnChange<'a> = Box<dyn FnMut(&Session) -> Result<()> + 'a>;

/// Called before the next question when an autosave failed, with the
/// prompter, so the app can say what is kept and offer another place.
type OnSaveFailed<'a> = Box<dyn FnMut(&mut dyn Prompter, &Session, &Error) -> Result<()> + 'a>;

/// A session being answered at a terminal (or by a test script).
pub struct Interview<'a> {
    bank: &'a Bank,
    depth: Depth,
    session: Session,
    lang: Lang,
    on_change: OnChange<'a>,
    /// A failed autosave, to tell the user before the next question; once
    /// per run of failures.
    failure: Option<Error>,
    autosave_failed: bool,
    on_save_failed: Option<OnSaveFailed<'a>>,
}

impl<'a> Interview<'a> {
    /// Starts (or resumes) a session. `on_change` is called after every
    /// change, with the session as it is then; if it fails, the user is told
    /// once and the session goes on.
    pub fn new(
        bank: &'a Bank,
        depth: Depth,
        session: Session,
        on_change: impl FnMut(&Session) -> Result<()> + 'a,
    ) -> Self {
        Interview {
            bank,
            depth,
            session,
            lang: Lang::Nl,
            on_change: Box::new(on_change),
            failure: None,
            autosave_failed: false,
            on_save_failed: None,
        }
    }

    /// What to do when an autosave fails (by default: a warning).
    pub fn when_saving_fails(
        mut self,
        hook: impl FnMut(&mut dyn Prompter, &Session, &Error) -> Result<()> + 'a,
    ) -> Self {
        self.on_save_failed = Some(Box::new(hook));
        self
    }

    /// Asks in `lang` (Dutch unless told otherwise).
    pub fn in_language(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    fn ui(&self) -> &'static Ui {
        ui(self.lang)
    }

    fn changed(&mut self, session: &Session) {
        match (self.on_change)(session) {
            Ok(()) => self.autosave_failed = false,
            Err(e) if !self.autosave_failed => {
                self.autosave_failed = true;
                self.failure = Some(e);
            }
            Err(_) => {}
        }
    }

    /// Tells the user about a failed autosave, if there was one.
    fn report_failure(&mut self, p: &mut dyn Prompter, session: &Session) -> Result<()> {
        let Some(e) = self.failure.take() else {
            return Ok(());
        };
        match self.on_save_failed.as_mut() {
            Some(hook) => hook(p, session, &e),
            None => p.show(&fill(
                self.ui().autosave_failed,
                &[("error", &e.to_string())],
            )),
        }
    }

    /// Asks every unanswered step, starting at the first one, and returns
    /// the answered session.
    pub fn run(mut self, p: &mut dyn Prompter) -> Result<Session> {
        let session = std::mem::take(&mut self.session);
        // A practice case fills in the moment and goals; only answers mean
        // that this session was started before.
        let resuming = crate::session::draft::answer_count(&session) > 0;
        // Save at once when there is something to keep (a practice case's
        // moment and goals, or earlier answers), so that even an
        // interruption at the first question leaves a draft to resume. A
        // blank session gets its draft with the first answer: stopping before
        // that leaves no empty draft behind.
        if !session.is_blank() {
            self.changed(&session);
        }
        self.intro(p, resuming)?;
        let mut flow = Flow::new(self.bank, self.depth, session, self.lang);
        let mut moves = None;
        loop {
            if moves != Some(flow.moves()) {
                moves = Some(flow.moves());
                self.report_failure(p, flow.session())?;
            }
            for message in flow.messages() {
                p.show(&message)?;
            }
            let Some((ask, prompt)) = flow.current() else {
                break;
            };
            let reply = match ask {
                Ask::One => p.choose(&prompt)?.map(Input::One),
                Ask::Many => p.choose_many(&prompt)?.map(Input::Many),
                Ask::Text => p.text(&prompt)?.map(Input::Text),
            };
            flow.reply(reply);
            if flow.take_changed() {
                self.changed(flow.session());
            }
        }
        self.report_failure(p, flow.session())?;
        Ok(flow.into_session())
    }

    fn intro(&self, p: &mut dyn Prompter, resuming: bool) -> Result<()> {
        let ui = self.ui();
        let depth = match self.depth {
            Depth::Quick => ui.iv_depth_quick,
            Depth::Full => ui.iv_depth_full,
        };
        let mut text = format!(
            "{}\n{}\n\n- {}\n- {}\n- {}",
            ui.title,
            ui.iv_intro,
            ui.privacy_intro,
            depth,
            p.controls(ui)
        );
        if resuming {
            text.push_str("\n\n");
            text.push_str(ui.iv_resuming);
        }
        p.show(&text)
    }
}

impl<T> Reply<T> {
    /// The same reply with its answer changed by `f`.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Reply<U> {
        match self {
            Reply::Answer(a) => Reply::Answer(f(a)),
            Reply::Back => Reply::Back,
            Reply::Skip => Reply::Skip,
            Reply::Help => Reply::Help,
        }
    }
}

/// The hint and a short recap of the suggestion (case and goals, with the
/// direction), shown with the override question: at 80×24 the summary
/// itself has scrolled off by then.
fn override_recap(bank: &Bank, session: &Session, outcome: &Outcome, lang: Lang) -> Vec<String> {
    let ui = ui(lang);
    let step = |i: usize| {
        bank.steps()
            .get(i)
            .map_or_else(String::new, |s| s.name.get(lang).to_string())
    };
    // As in the summary: scaling up from nobody is starting help.
    let direction = |d: crate::advice::Direction, now: crate::advice::Now| {
        if d == crate::advice::Direction::Up && now == crate::advice::Now::Nobody {
            return bank.text("starten", lang).to_lowercase();
        }
        bank.direction(d.id())
            .map_or_else(String::new, |x| x.name.get(lang).to_lowercase())
    };
    let mut out = vec![
        ui.iv_override_hint.to_owned(),
        ui.iv_override_recap.to_owned(),
        format!(
            "  {}: {}, {}",
            ui.iv_override_recap_case,
            step(outcome.case.step),
            direction(outcome.direction, outcome.current)
        ),
    ];
    for (g, go) in outcome.goals.iter().enumerate() {
        let label = session.goals.get(g).map_or("", |x| x.label.as_str());
        out.push(format!(
            "  {}. {}: {}, {}",
            g + 1,
            sanitize::line(label),
            step(go.advice.step),
            direction(go.direction, go.current)
        ));
    }
    out
}

/// After the result: the professional may choose another step than the
/// suggestion, with a reason, for the case or for one goal. Returns whether
/// anything changed.
pub(crate) fn choose_override(
    p: &mut dyn Prompter,
    bank: &Bank,
    session: &mut Session,
    outcome: &Outcome,
    lang: Lang,
) -> Result<bool> {
    let ui = ui(lang);
    let mut items = vec![ui.iv_override_no.to_owned(), ui.iv_override_case.to_owned()];
    if !session.goals.is_empty() {
        items.push(ui.iv_override_goal.to_owned());
    }
    let prompt = Prompt {
        title: ui.iv_override_title.to_owned(),
        details: override_recap(bank, session, outcome, lang),
        items,
        default: Some(0),
        ..Prompt::default()
    };
    let target = match p.choose(&prompt)? {
        Reply::Answer(1) => None,
        Reply::Answer(2) => {
            let prompt = Prompt {
                title: ui.iv_override_which_goal.to_owned(),
                items: session
                    .goals
                    .iter()
                    .map(|g| sanitize::line(&g.label.value))
                    .collect(),
                ..Prompt::default()
            };
            match p.choose(&prompt)? {
                Reply::Answer(i) if i < session.goals.len() => Some(i),
                _ => return Ok(false),
            }
        }
        _ => return Ok(false),
    };
    let suggested = match target {
        None => outcome.case.step,
        Some(g) => outcome.goals.get(g).map_or(0, |o| o.advice.step),
    };
    let steps = bank.steps();
    let prompt = Prompt {
        title: ui.iv_override_step.to_owned(),
        items: steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let name = sanitize::line(s.name.get(lang));
                if i == suggested {
                    format!("{name} ({})", ui.bar_advice)
                } else {
                    name
                }
            })
            .collect(),
        default: Some(suggested),
        ..Prompt::default()
    };
    let step = match p.choose(&prompt)? {
        Reply::Answer(i) if i < steps.len() => i,
        _ => return Ok(false),
    };
    let reason = loop {
        let prompt = Prompt {
            title: ui.iv_override_reason.to_owned(),
            ..Prompt::default()
        };
        match p.text(&prompt)? {
            Reply::Answer(t) if !t.trim().is_empty() => break sanitize::line(t.trim()),
            Reply::Answer(_) | Reply::Skip | Reply::Help => p.show(ui.iv_override_reason_needed)?,
            Reply::Back => return Ok(false),
        }
    };
    let o = Override {
        step: Located::new(steps[step].id.value.clone()),
        reason,
    };
    match target {
        None => session.override_ = Some(o),
        Some(g) => session.goals[g].override_ = Some(o),
    }
    Ok(true)
}
