//! The browser edition's face: the same session as the terminal's, asked
//! one reply at a time through [`Flow`], with the result drawn by the same
//! renderers. Plain Rust with strings in and out (JSON for structures), so
//! the page's thin wasm-bindgen layer (`web/`) only passes them on, and
//! native tests can call it too. No clock (the page passes today's date),
//! no files (the page reads and saves them), no clipboard, no network.

use serde_json::{Value, json};

use crate::advice;
use crate::bank::Bank;
use crate::bank::load::default_bank_in;
use crate::base::located::Located;
use crate::base::sanitize;
use crate::base::text::Lang;
use crate::interview::{Ask, Depth, Flow, Input, Prompt, Reply};
use crate::render::{Format, Style, renderer};
use crate::session::load::{parse_session, session_to_yaml};
use crate::session::resolve::resolve;
use crate::session::{BankRef, Goal, Override, Session, SessionDate};
use crate::views::{card, continuum, examples, report};

/// The embedded bank in one language, parsed once and kept for the page's
/// lifetime (a [`Flow`] borrows it).
fn bank(lang: Lang) -> Result<&'static Bank, String> {
    type Cell = std::sync::OnceLock<Result<Bank, String>>;
    static NL: Cell = Cell::new();
    static EN: Cell = Cell::new();
    let cell = match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    };
    cell.get_or_init(|| default_bank_in(lang).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(Clone::clone)
}

/// `nl` or `en` (anything else is Dutch).
fn lang_of(code: &str) -> Lang {
    if code.eq_ignore_ascii_case("en") {
        Lang::En
    } else {
        Lang::Nl
    }
}

fn depth_of(code: &str) -> Depth {
    if code == "snel" {
        Depth::Quick
    } else {
        Depth::Full
    }
}

/// One session in the page.
pub struct Browser {
    bank: &'static Bank,
    today: String,
    depth: Depth,
    flow: Flow<'static>,
}

impl Browser {
    /// A blank session in `lang` (`nl`, `en`); `today` is YYYY-MM-DD.
    pub fn new(lang: &str, today: &str) -> Result<Browser, String> {
        let lang = lang_of(lang);
        let bank = bank(lang)?;
        Ok(Browser {
            bank,
            today: today.to_owned(),
            depth: Depth::Full,
            flow: Flow::new(bank, Depth::Full, Session::new(), lang),
        })
    }

    fn lang(&self) -> Lang {
        self.flow.lang()
    }

    fn bank(&self) -> &'static Bank {
        self.bank
    }

    fn restart(&mut self, session: Session) {
        self.flow = Flow::new(self.bank, self.depth, session, self.lang());
    }

    /// A new session, `snel` or `volledig`; from the practice case `case`
    /// (its moment, text and goals, not its answers) unless empty.
    pub fn start(&mut self, depth: &str, case: &str) -> Result<(), String> {
        self.depth = depth_of(depth);
        let bank = self.bank();
        let mut session = Session::new();
        session.bank = Some(BankRef {
            id: bank.id.value.clone(),
            version: bank.version.value.clone(),
        });
        session.date = SessionDate::from_iso(&self.today);
        if !case.is_empty() {
            let ex = examples::find(case).map_err(|e| e.to_string())?;
            let from = ex.session_in(self.lang()).map_err(|e| e.to_string())?;
            session.moment = from.moment.filter(|m| bank.moment(&m.value).is_some());
            session.case_text = from.case_text.clone();
            session.goals = from
                .goals
                .iter()
                .map(|g| Goal {
                    label: g.label.clone(),
                    ..Goal::default()
                })
                .collect();
        }
        self.restart(session);
        Ok(())
    }

    /// Opens a session file (YAML or JSON, as `voorwie start --antwoorden`
    /// reads it) and goes on at its first unanswered question. `depth` as
    /// in [`Browser::start`]. The error is the message to show.
    pub fn open(&mut self, text: &str, name: &str, depth: &str) -> Result<(), String> {
        self.depth = depth_of(depth);
        let session = parse_session(text, name).map_err(|e| e.to_string())?;
        resolve(self.bank(), &session, name).map_err(|p| p.to_string())?;
        self.restart(session);
        Ok(())
    }

    /// Opens a practice case with all its answers: its result.
    pub fn open_case(&mut self, name: &str) -> Result<(), String> {
        let ex = examples::find(name).map_err(|e| e.to_string())?;
        let session = ex.session_in(self.lang()).map_err(|e| e.to_string())?;
        self.depth = Depth::Full;
        self.restart(session);
        Ok(())
    }

    /// Asks in another language from now on (the session stays; the
    /// interview goes on at its first unanswered question).
    pub fn set_lang(&mut self, lang: &str) -> Result<(), String> {
        let lang = lang_of(lang);
        if lang != self.lang() {
            self.bank = bank(lang)?;
            let session = self.flow.session().clone();
            self.flow = Flow::new(self.bank, self.depth, session, lang);
        }
        Ok(())
    }

    /// `snel` or `volledig`.
    pub fn depth(&self) -> String {
        match self.depth {
            Depth::Quick => "snel",
            Depth::Full => "volledig",
        }
        .to_owned()
    }

    /// What to show now, as JSON: `{"messages": [...], "done": bool,
    /// "ask": "one"|"many"|"text", "prompt": {...}}`. The messages are
    /// taken: a second call has none.
    pub fn screen(&mut self) -> String {
        let messages = self.flow.messages();
        let current = self.flow.current();
        let (ask, prompt) = match &current {
            Some((ask, prompt)) => (
                match ask {
                    Ask::One => "one",
                    Ask::Many => "many",
                    Ask::Text => "text",
                },
                prompt_json(prompt),
            ),
            None => ("", Value::Null),
        };
        json!({
            "messages": messages,
            "done": current.is_none(),
            "ask": ask,
            "prompt": prompt,
            "answered": crate::session::draft::answer_count(self.flow.session()),
        })
        .to_string()
    }

    /// Chooses item `i` of the prompt.
    pub fn choose(&mut self, i: usize) {
        self.flow.reply(Reply::Answer(Input::One(i)));
    }

    /// Chooses these items of the prompt (a multiple choice).
    pub fn choose_many(&mut self, items: Vec<usize>) {
        self.flow.reply(Reply::Answer(Input::Many(items)));
    }

    /// Answers the prompt with a text.
    pub fn text(&mut self, text: &str) {
        self.flow.reply(Reply::Answer(Input::Text(text.to_owned())));
    }

    /// One question back (also from the result).
    pub fn back(&mut self) {
        self.flow.back();
    }

    /// Skips the question.
    pub fn skip(&mut self) {
        self.flow.reply(Reply::Skip);
    }

    /// Whether the session changed since the last call (to keep it).
    pub fn changed(&mut self) -> bool {
        self.flow.take_changed()
    }

    /// Whether nothing has been filled in yet.
    pub fn blank(&self) -> bool {
        self.flow.session().is_blank()
    }

    /// The session file, the YAML that `voorwie start --antwoorden` reads.
    pub fn session_yaml(&self) -> String {
        session_to_yaml(self.flow.session())
    }

    /// The result as `html` (the page `--format html` writes), `json`,
    /// `markdown` or `tekst` (the paste-ready summary).
    pub fn result(&self, format: &str) -> Result<String, String> {
        let bank = self.bank();
        let session = self.flow.session();
        let (responses, _) = resolve(bank, session, "sessie").map_err(|p| p.to_string())?;
        let outcome = advice::score(bank, &responses);
        let report = report::build(&report::Input {
            bank,
            session,
            responses: &responses,
            outcome: &outcome,
            lang: self.lang(),
            today: &self.today,
        });
        Ok(renderer(format_of(format), Style::paste(), self.lang()).report(&report))
    }

    /// What an override can choose, as JSON: `{"targets": [the case, then
    /// each goal], "steps": [names], "suggested": [step index per target],
    /// "current": [{"step": index, "reason": text} or null per target]}`.
    pub fn override_options(&self) -> String {
        let bank = self.bank();
        let lang = self.lang();
        let session = self.flow.session();
        let Ok((responses, _)) = resolve(bank, session, "sessie") else {
            return Value::Null.to_string();
        };
        let outcome = advice::score(bank, &responses);
        let steps = bank.steps();
        let index = |o: &Option<Override>| {
            o.as_ref().map(|o| {
                json!({
                    "step": steps.iter().position(|s| s.id.value == o.step.value),
                    "reason": o.reason,
                })
            })
        };
        let mut targets = vec![crate::base::ui::ui(lang).iv_override_case.to_owned()];
        let mut suggested = vec![outcome.case.step];
        let mut current = vec![index(&session.override_)];
        for (g, goal) in session.goals.iter().enumerate() {
            targets.push(sanitize::line(&goal.label.value));
            suggested.push(outcome.goals.get(g).map_or(0, |o| o.advice.step));
            current.push(index(&goal.override_));
        }
        json!({
            "targets": targets,
            "steps": steps.iter().map(|s| sanitize::line(s.name.get(lang))).collect::<Vec<_>>(),
            "suggested": suggested,
            "current": current,
        })
        .to_string()
    }

    /// Chooses step `step` instead of the suggestion, for the case (target
    /// 0) or goal `target - 1`, with a reason (required).
    pub fn set_override(&mut self, target: usize, step: usize, reason: &str) -> Result<(), String> {
        let ui = crate::base::ui::ui(self.lang());
        let reason = sanitize::line(reason.trim());
        if reason.is_empty() {
            return Err(ui.iv_override_reason_needed.to_owned());
        }
        let steps = self.bank().steps();
        let Some(step) = steps.get(step) else {
            return Err(ui.iv_override_step.to_owned());
        };
        let o = Override {
            step: Located::new(step.id.value.clone()),
            reason,
        };
        let mut session = self.flow.session().clone();
        match target {
            0 => session.override_ = Some(o),
            g => match session.goals.get_mut(g - 1) {
                Some(goal) => goal.override_ = Some(o),
                None => return Err(ui.iv_override_which_goal.to_owned()),
            },
        }
        self.restart(session);
        Ok(())
    }

    /// Takes the override away again (target as in [`Browser::set_override`]).
    pub fn clear_override(&mut self, target: usize) {
        let mut session = self.flow.session().clone();
        match target {
            0 => session.override_ = None,
            g => {
                if let Some(goal) = session.goals.get_mut(g - 1) {
                    goal.override_ = None;
                }
            }
        }
        self.restart(session);
    }

    /// The pocket card as an HTML page.
    pub fn card_html(&self) -> String {
        let view = card::build(self.bank(), self.lang());
        renderer(Format::Html, Style::paste(), self.lang()).card(&view)
    }

    /// The continuum as an HTML page.
    pub fn continuum_html(&self) -> String {
        match continuum::build(self.bank(), None, self.lang()) {
            Ok(view) => renderer(Format::Html, Style::paste(), self.lang()).continuum(&view),
            Err(e) => e.to_string(),
        }
    }

    /// The practice cases as JSON: `[{"naam", "samenvatting", "moment"}]`.
    pub fn cases(&self) -> String {
        match examples::list(self.bank(), self.lang()) {
            Ok(list) => serde_json::to_string(&list.voorbeelden).unwrap_or_default(),
            Err(_) => "[]".to_owned(),
        }
    }
}

fn format_of(code: &str) -> Format {
    match code {
        "html" => Format::Html,
        "json" => Format::Json,
        "markdown" => Format::Markdown,
        _ => Format::Text,
    }
}

fn prompt_json(p: &Prompt) -> Value {
    json!({
        "header": p.header,
        "title": p.title,
        "details": p.details,
        "items": p.items,
        "notes": p.notes,
        "groups": p.groups,
        "exclusive": p.exclusive,
        "default": p.default,
        "checked": p.checked,
        "initial_text": p.initial_text,
        "default_text": p.default_text,
        "info": p.info,
        "case_text": p.case_text,
        "can_back": p.can_back,
        "can_skip": p.can_skip,
    })
}
