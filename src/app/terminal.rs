//! The prompter for an interactive terminal, with dialoguer.
//!
//! Prompts go to stderr, so the result can go to stdout (and be redirected).
//! Long texts (the question, the anchors) are wrapped above the list; the
//! list items themselves are cut to the terminal width, because dialoguer
//! redraws wrapped items wrongly. Esc goes back one question. "Meer
//! informatie", "Vorige vraag" and "Overslaan" are items under every list.

use std::io;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::time::Duration;

use console::{Style as Paint, Term};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Input, MultiSelect, Select};

use crate::base::error::{Error, Result};
use crate::base::ui::{NL, Ui};
use crate::interview::{Prompt, Prompter, Reply};

/// Set by the signal handler; the interview stops at the next prompt.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Who deals with an interruption: 0 nobody yet, 1 the session (it stopped
/// by itself), 2 the signal handler (it ends the process).
static HANDLER_STATE: AtomicU8 = AtomicU8::new(0);

/// Installs a handler for Ctrl-C, SIGTERM and SIGHUP. A prompt that is
/// waiting for a key returns an interruption and the session stops by
/// itself. If it does not within a moment (the signal came while nothing was
/// being read), the handler restores the terminal mode and the cursor,
/// prints `farewell` and ends the process. Safe to call more than once.
///
/// Until [`mark_kept`] is called the handler says `farewell`; after it,
/// `farewell_kept` (the draft on disk now holds the answers).
///
/// The handler does not wait for Enter in a double-clicked window (see
/// [`crate::base::platform::pause_if_own_console`]): on Windows a prompt that is
/// reading keys does not return on Ctrl-C, and under Wine asking the console
/// anything from the handler's thread then blocks. So Ctrl-C there closes
/// the window; the draft is on disk already.
pub fn install_interrupt_handler(farewell: String, farewell_kept: String) {
    crate::base::platform::save_terminal_mode();
    let _ = ctrlc::set_handler(move || {
        INTERRUPTED.store(true, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(400));
        if HANDLER_STATE
            .compare_exchange(0, 2, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
        {
            restore_terminal();
            let said = if kept() { &farewell_kept } else { &farewell };
            let told = FAREWELL.lock().ok().and_then(|f| f.clone());
            eprintln!("\n{}", told.as_deref().unwrap_or(said));
            crate::base::platform::restore_console();
            std::process::exit(130);
        }
    });
}

/// What the handler says instead, when an autosave failed (see
/// [`set_farewell`]).
static FAREWELL: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Replaces what the interrupt handler says (after a failed autosave: what
/// was and was not kept); `None` goes back to the farewells given at
/// [`install_interrupt_handler`].
pub fn set_farewell(text: Option<String>) {
    if let Ok(mut f) = FAREWELL.lock() {
        *f = text;
    }
}

/// Whether the session's draft has been written (see [`mark_kept`]).
static KEPT: AtomicBool = AtomicBool::new(false);

/// Tells the interrupt handler that the answers are now in a draft, so that
/// its farewell says so (and not before anything was written).
pub fn mark_kept() {
    KEPT.store(true, Ordering::SeqCst);
}

/// Whether [`mark_kept`] has been called: the answers are in a draft.
pub fn kept() -> bool {
    KEPT.load(Ordering::SeqCst)
}

/// Called by the session when it stops because of an interruption, so the
/// handler does not end the process underneath it. Returns false when the
/// handler is already ending the process.
pub fn take_over_interruption() -> bool {
    match HANDLER_STATE.compare_exchange(0, 1, Ordering::SeqCst, Ordering::SeqCst) {
        Ok(_) => true,
        Err(state) => state == 1,
    }
}

/// Puts the terminal back as it was: cooked mode, cursor visible.
pub fn restore_terminal() {
    crate::base::platform::restore_terminal_mode();
    let _ = Term::stderr().show_cursor();
}

/// Whether Ctrl-C was pressed (or SIGTERM/SIGHUP received).
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

pub struct TerminalPrompter {
    term: Term,
    color: bool,
    theme: Box<dyn Theme>,
    ui: &'static Ui,
}

impl TerminalPrompter {
    pub fn new(color: bool) -> Self {
        let theme: Box<dyn Theme> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        TerminalPrompter {
            term: Term::stderr(),
            color,
            theme,
            ui: &NL,
        }
    }

    /// Speaks the language of `ui`.
    pub fn with_ui(mut self, ui: &'static crate::base::ui::Ui) -> Self {
        self.ui = ui;
        self
    }

    fn paint(&self) -> Paint {
        Paint::new().force_styling(self.color)
    }

    fn cols(&self) -> usize {
        usize::from(self.term.size().1).clamp(30, 100)
    }

    fn print(&self, text: &str) -> Result<()> {
        self.term.write_line(text).map_err(Error::Terminal)
    }

    fn wrapped(&self, text: &str, first: &str, rest: &str) -> String {
        crate::base::plain_text::wrap(text, self.cols().saturating_sub(1), first, rest)
    }

    fn block(&self, prompt: &Prompt) -> Result<()> {
        self.print("")?;
        if !prompt.header.is_empty() {
            self.print(
                &self
                    .paint()
                    .dim()
                    .apply_to(self.wrapped(&prompt.header, "", ""))
                    .to_string(),
            )?;
        }
        self.print(
            &self
                .paint()
                .bold()
                .apply_to(self.wrapped(&prompt.title, "", ""))
                .to_string(),
        )?;
        for d in &prompt.details {
            self.print(&self.wrapped(d, "  · ", "    "))?;
        }
        Ok(())
    }

    /// Items cut to one line each, then the action items.
    fn items(&self, prompt: &Prompt) -> (Vec<String>, Vec<Reply<usize>>) {
        let max = self.cols().saturating_sub(8).max(10);
        let mut items: Vec<String> = prompt
            .items
            .iter()
            .map(|i| console::truncate_str(i, max, "…").into_owned())
            .collect();
        let mut actions = Vec::new();
        if prompt.has_help {
            items.push(format!("[?] {}", self.ui.iv_more_info));
            actions.push(Reply::Help);
        }
        if prompt.can_back {
            items.push(format!("[<] {}", self.ui.iv_back));
            actions.push(Reply::Back);
        }
        if prompt.can_skip {
            items.push(format!("[-] {}", self.ui.iv_skip));
            actions.push(Reply::Skip);
        }
        (items, actions)
    }

    /// Repeats the chosen answer under the question.
    fn echo(&self, answer: &str) -> Result<()> {
        let mark = format!("{} ", crate::base::platform::check_mark());
        let line = self.wrapped(answer, &mark, "  ");
        self.print(&self.paint().green().apply_to(line).to_string())
    }

    fn page(&self) -> usize {
        usize::from(self.term.size().0).saturating_sub(6).max(5)
    }
}

/// Maps a dialoguer error: Ctrl-C or a closed terminal stops the session.
fn stop(err: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(e) = err;
    match e.kind() {
        io::ErrorKind::Interrupted | io::ErrorKind::UnexpectedEof | io::ErrorKind::NotConnected => {
            Error::Interrupted
        }
        _ if interrupted() => Error::Interrupted,
        _ => Error::Terminal(e),
    }
}

impl Prompter for TerminalPrompter {
    fn show(&mut self, text: &str) -> Result<()> {
        self.print("")?;
        for para in text.split('\n') {
            if para.is_empty() {
                self.print("")?;
            } else if let Some(rest) = para.strip_prefix("- ") {
                self.print(&self.wrapped(rest, "- ", "  "))?;
            } else {
                self.print(&self.wrapped(para, "", ""))?;
            }
        }
        Ok(())
    }

    fn choose(&mut self, prompt: &Prompt) -> Result<Reply<usize>> {
        if interrupted() {
            return Err(Error::Interrupted);
        }
        self.block(prompt)?;
        let (items, actions) = self.items(prompt);
        let n = prompt.items.len();
        loop {
            let mut select = Select::with_theme(self.theme.as_ref())
                .with_prompt(self.ui.iv_answer)
                .items(&items)
                .report(false)
                .max_length(self.page());
            if let Some(d) = prompt.default.filter(|d| *d < items.len()) {
                select = select.default(d);
            } else {
                select = select.default(0);
            }
            match select.interact_on_opt(&self.term).map_err(stop)? {
                Some(i) if i < n => {
                    self.echo(&items[i])?;
                    return Ok(Reply::Answer(i));
                }
                Some(i) => return Ok(actions[i - n].clone()),
                None if prompt.can_back => return Ok(Reply::Back),
                None => continue,
            }
        }
    }

    fn choose_many(&mut self, prompt: &Prompt) -> Result<Reply<Vec<usize>>> {
        if interrupted() {
            return Err(Error::Interrupted);
        }
        self.block(prompt)?;
        let hint = self.wrapped(self.ui.iv_multi_hint, "", "");
        self.print(&self.paint().dim().apply_to(hint).to_string())?;
        let (items, actions) = self.items(prompt);
        let n = prompt.items.len();
        let defaults: Vec<bool> = (0..items.len())
            .map(|i| prompt.checked.contains(&i))
            .collect();
        loop {
            let chosen = MultiSelect::with_theme(self.theme.as_ref())
                .with_prompt(self.ui.iv_answer)
                .items(&items)
                .report(false)
                .defaults(&defaults)
                .max_length(self.page())
                .interact_on_opt(&self.term)
                .map_err(stop)?;
            match chosen {
                None if prompt.can_back => return Ok(Reply::Back),
                None => continue,
                Some(list) => {
                    // A checked action item wins over the options.
                    if let Some(a) = list.iter().find(|i| **i >= n) {
                        return Ok(match &actions[a - n] {
                            Reply::Help => Reply::Help,
                            Reply::Back => Reply::Back,
                            _ => Reply::Skip,
                        });
                    }
                    let names: Vec<&str> = list.iter().map(|i| items[*i].as_str()).collect();
                    self.echo(&if names.is_empty() {
                        self.ui.none_chosen.to_owned()
                    } else {
                        names.join(", ")
                    })?;
                    return Ok(Reply::Answer(list));
                }
            }
        }
    }

    fn text(&mut self, prompt: &Prompt) -> Result<Reply<String>> {
        if interrupted() {
            return Err(Error::Interrupted);
        }
        self.block(prompt)?;
        let mut hint = Vec::new();
        if prompt.has_help {
            hint.push(format!("? = {}", self.ui.iv_more_info.to_lowercase()));
        }
        if prompt.can_back {
            hint.push(format!("< = {}", self.ui.iv_back.to_lowercase()));
        }
        if prompt.can_skip && prompt.default_text.is_empty() {
            hint.push(self.ui.iv_empty_skips.to_owned());
        }
        if !hint.is_empty() {
            let hint = self.wrapped(&hint.join(", "), "", "");
            self.print(&self.paint().dim().apply_to(hint).to_string())?;
        }
        let mut input = Input::<String>::with_theme(self.theme.as_ref())
            .with_prompt(self.ui.iv_answer)
            .with_initial_text(prompt.initial_text.clone())
            .report(false)
            .allow_empty(true);
        if !prompt.default_text.is_empty() {
            input = input
                .default(prompt.default_text.clone())
                .show_default(true);
        }
        let input = input.interact_text_on(&self.term).map_err(stop)?;
        if interrupted() {
            return Err(Error::Interrupted);
        }
        let shown = if input.trim().is_empty() {
            prompt.default_text.as_str()
        } else {
            input.trim()
        };
        if !shown.is_empty() && !["?", "<"].contains(&shown) {
            self.echo(shown)?;
        }
        Ok(match input.trim() {
            "?" if prompt.has_help => Reply::Help,
            "<" if prompt.can_back => Reply::Back,
            "" if prompt.can_skip => Reply::Skip,
            t => Reply::Answer(t.to_owned()),
        })
    }

    fn width(&self) -> usize {
        self.cols()
    }

    fn controls(&self, ui: &Ui) -> &'static str {
        ui.iv_controls_keys
    }
}
