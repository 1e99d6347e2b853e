//! The prompter for an interactive terminal: each question is drawn as one
//! block at the bottom of the terminal, redrawn in place, that always fits
//! the window.
//!
//! The block holds the position line (cut to the width), the question, its
//! options each once with its anchor, and a line with the keys. A list that
//! does not fit scrolls inside the block, so the question stays in view; a
//! resized window is redrawn. `?` (or F1) opens the "meer informatie" text
//! inside the block and keeps what was ticked or typed; Tab shows the case
//! text of a practice case; `-` skips; Esc goes back. When a question is
//! answered the block makes way for a two-line trace (the question and
//! `✔ answer`, or `– overgeslagen`).
//!
//! Keys are read in raw mode with crossterm ([`keys`]); a paste stays in the
//! open question it was pasted into and never answers one. Typed text is
//! edited by grapheme cluster ([`edit`]); lists are laid out by [`list`].
//! Prompts go to stderr, so the result can go to stdout (and be
//! redirected).

mod edit;
mod keys;
mod list;

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::time::Duration;

use console::Style as Paint;
use crossterm::event::KeyCode;

use crate::base::error::{Error, Result};
use crate::base::ui::{NL, Ui, fill};
use crate::interview::{Prompt, Prompter, Reply};

use edit::Editor;
use keys::{Input, Key, Keys};
use list::{Glyphs, Options, Row, Scroll, Tone, Words};

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
            crate::tell!("\n{}", told.as_deref().unwrap_or(said));
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

/// Text typed into an open question but not yet confirmed with Enter when
/// the session was stopped: (the question, the text).
static UNFINISHED: std::sync::Mutex<Option<(String, String)>> = std::sync::Mutex::new(None);

/// Keeps half-typed text when a session stops in the middle of an answer,
/// so that it can go into the draft (see [`take_unfinished`]).
fn stash_unfinished(question: &str, text: &str) {
    if let Ok(mut u) = UNFINISHED.lock() {
        *u = Some((question.to_owned(), text.to_owned()));
    }
}

/// The text that was being typed when the session stopped, with its
/// question; taken once.
pub fn take_unfinished() -> Option<(String, String)> {
    UNFINISHED.lock().ok().and_then(|mut u| u.take())
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

/// Puts the terminal back as it was: cooked mode, no bracketed paste,
/// cursor visible.
pub fn restore_terminal() {
    let _ = crossterm::terminal::disable_raw_mode();
    crate::base::platform::restore_terminal_mode();
    if !crate::base::platform::terminal_is_dumb() {
        let mut err = io::stderr();
        if cfg!(unix) {
            let _ = err.write_all(b"\x1b[?2004l");
        }
        let _ = crossterm::execute!(err, crossterm::cursor::Show);
    }
}

/// Whether Ctrl-C was pressed (or SIGTERM/SIGHUP received).
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Asks the interview's questions on a terminal that can move the cursor.
pub struct TerminalPrompter {
    color: bool,
    ui: &'static Ui,
    keys: Keys,
    /// How many rows the cursor is below the top of the block drawn last
    /// (0 when nothing is drawn).
    drawn: usize,
}

/// What is open inside the block, under the question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Panel {
    None,
    Info,
    Case,
}

/// A question on screen, whatever its kind.
struct View {
    panel: Panel,
    /// A message for the user (a refused tick, a paste in a list), until the
    /// next key.
    message: Option<String>,
}

/// Makes the rows of the body of a block (the list, or the typed text) in
/// the rows and width it gets, and says where the cursor goes.
type Body<'a> = dyn FnMut(usize, usize) -> (Vec<Row>, Option<(usize, usize)>) + 'a;

/// The block to draw: its lines (styled) and where the cursor goes.
struct Frame {
    lines: Vec<String>,
    cursor: Option<(usize, usize)>,
}

/// How a question ended.
enum Outcome<T> {
    Answer(T),
    Back,
    Skip,
}

impl TerminalPrompter {
    pub fn new(color: bool) -> Self {
        TerminalPrompter {
            color,
            ui: &NL,
            keys: Keys::default(),
            drawn: 0,
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

    /// Columns and rows of the window.
    fn size() -> (usize, usize) {
        crossterm::terminal::size()
            .map(|(c, r)| (usize::from(c), usize::from(r)))
            .ok()
            .filter(|(c, r)| *c > 0 && *r > 0)
            .unwrap_or((80, 24))
    }

    /// The width for text outside the block (introductions, messages).
    fn cols(&self) -> usize {
        Self::size().0.clamp(30, 100)
    }

    fn wrapped(&self, text: &str, first: &str, rest: &str) -> String {
        crate::base::plain_text::wrap(text, self.cols().saturating_sub(1), first, rest)
    }

    fn glyphs() -> Glyphs {
        if crate::base::platform::can_draw() {
            Glyphs {
                pointer: "❯",
                rule: "──",
            }
        } else {
            Glyphs {
                pointer: ">",
                rule: "--",
            }
        }
    }

    /// Arrows only where the console can draw them.
    fn arrows(text: &str) -> String {
        if crate::base::platform::can_draw() {
            text.to_owned()
        } else {
            text.replace('↑', "^").replace('↓', "v")
        }
    }

    fn style(&self, tone: Tone, text: &str) -> String {
        let p = self.paint();
        match tone {
            Tone::Plain => text.to_owned(),
            Tone::Dim => p.dim().apply_to(text).to_string(),
            Tone::Current => p.cyan().bold().apply_to(text).to_string(),
            Tone::Heading => p.bold().apply_to(text).to_string(),
        }
    }

    /// Runs `ask` with the terminal in raw mode and bracketed paste on, and
    /// puts both back whatever happens.
    fn raw<T>(&mut self, ask: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        if interrupted() {
            return Err(Error::Interrupted);
        }
        crossterm::terminal::enable_raw_mode().map_err(Error::Terminal)?;
        if cfg!(unix) {
            let _ = io::stderr().write_all(b"\x1b[?2004h");
        }
        self.drawn = 0;
        let result = ask(self);
        if result.is_err() {
            let _ = self.clear();
        }
        let mut err = io::stderr();
        if cfg!(unix) {
            let _ = err.write_all(b"\x1b[?2004l");
        }
        let _ = crossterm::execute!(err, crossterm::cursor::Show);
        let _ = crossterm::terminal::disable_raw_mode();
        result
    }

    /// The next key, paste or resize; Ctrl-C and signals stop the session.
    fn input(&mut self) -> Result<Input> {
        let input = self
            .keys
            .next(interrupted)
            .map_err(Error::Terminal)?
            .ok_or(Error::Interrupted)?;
        if let Input::Key(Key {
            code: KeyCode::Char('c'),
            ctrl: true,
            ..
        }) = input
        {
            INTERRUPTED.store(true, Ordering::SeqCst);
            return Err(Error::Interrupted);
        }
        Ok(input)
    }

    /// Draws `frame` over the block drawn before.
    fn draw(&mut self, frame: &Frame) -> Result<()> {
        let mut out = String::from("\r");
        if self.drawn > 0 {
            out.push_str(&format!("\x1b[{}A", self.drawn));
        }
        out.push_str("\x1b[J");
        out.push_str(&frame.lines.join("\r\n"));
        let last = frame.lines.len().saturating_sub(1);
        match frame.cursor {
            Some((row, col)) => {
                if last > row {
                    out.push_str(&format!("\x1b[{}A", last - row));
                }
                out.push('\r');
                if col > 0 {
                    out.push_str(&format!("\x1b[{col}C"));
                }
                out.push_str("\x1b[?25h");
                self.drawn = row;
            }
            None => {
                out.push_str("\x1b[?25l");
                self.drawn = last;
            }
        }
        let mut err = io::stderr().lock();
        err.write_all(out.as_bytes())
            .and_then(|()| err.flush())
            .map_err(Error::Terminal)
    }

    /// Removes the block drawn last.
    fn clear(&mut self) -> Result<()> {
        let mut out = String::from("\r");
        if self.drawn > 0 {
            out.push_str(&format!("\x1b[{}A", self.drawn));
        }
        out.push_str("\x1b[J");
        self.drawn = 0;
        let mut err = io::stderr().lock();
        err.write_all(out.as_bytes())
            .and_then(|()| err.flush())
            .map_err(Error::Terminal)
    }

    /// After a resize the terminal may have moved the old block about:
    /// start again at the top of a clean window.
    fn resized(&mut self) -> Result<()> {
        self.drawn = 0;
        let mut err = io::stderr().lock();
        err.write_all(b"\x1b[H\x1b[J")
            .and_then(|()| err.flush())
            .map_err(Error::Terminal)
    }

    /// Replaces the block with the trace of the answer: the question, and
    /// `✔ answer` or `– overgeslagen`.
    fn trace(&mut self, prompt: &Prompt, answer: Option<&str>) -> Result<()> {
        self.clear()?;
        let width = Self::size().0.saturating_sub(1).clamp(10, 100);
        let mut lines = Vec::new();
        let title = console::truncate_str(&prompt.title, width, "…");
        lines.push(self.paint().dim().apply_to(title).to_string());
        match answer {
            Some(a) => {
                let mark = format!("{} ", crate::base::platform::check_mark());
                let text = crate::base::plain_text::wrap(a, width, &mark, "  ");
                lines.extend(
                    text.lines()
                        .map(|l| self.paint().green().apply_to(l).to_string()),
                );
            }
            None => {
                let text = format!("– {}", self.ui.iv_skipped);
                lines.push(self.paint().yellow().apply_to(text).to_string());
            }
        }
        let mut out = lines.join("\r\n");
        out.push_str("\r\n");
        let mut err = io::stderr().lock();
        err.write_all(out.as_bytes())
            .and_then(|()| err.flush())
            .map_err(Error::Terminal)
    }

    /// The keys that work here, for the last line of the block.
    fn key_line(&self, prompt: &Prompt, kind: Kind) -> String {
        let ui = self.ui;
        let mut keys = match kind {
            Kind::One => vec![ui.iv_key_pick],
            Kind::Many => vec![ui.iv_key_tick, ui.iv_key_done],
            Kind::Text => vec![ui.iv_key_done],
        };
        if prompt.has_help() {
            keys.push(if kind == Kind::Text {
                ui.iv_key_info_text
            } else {
                ui.iv_key_info
            });
        }
        if prompt.can_skip {
            match kind {
                Kind::Text if prompt.default_text.is_empty() => keys.push(ui.iv_key_skip_text),
                Kind::Text => {}
                _ => keys.push(ui.iv_key_skip),
            }
        }
        if prompt.can_back {
            keys.push(ui.iv_key_back);
        }
        if prompt.case_text.is_some() {
            keys.push(ui.iv_key_case);
        }
        Self::arrows(&keys.join(" · "))
    }

    /// Lays out the block: position line, question, details, the open
    /// panel, a message, the body (list or typed text) and the keys, in at
    /// most the height of the window. The body gets what is left, and is
    /// made by `body(rows, width)`, which returns its rows and the cursor.
    fn frame(&self, prompt: &Prompt, view: &View, keys: &str, body: &mut Body<'_>) -> Frame {
        let (cols, height) = Self::size();
        let width = cols.saturating_sub(1).clamp(10, 100);
        let wrap = |text: &str, first: &str, rest: &str| -> Vec<String> {
            crate::base::plain_text::wrap(text, width, first, rest)
                .lines()
                .map(str::to_owned)
                .collect()
        };
        let mut top: Vec<String> = Vec::new();
        if !prompt.header.is_empty() {
            let header = fit_header(&prompt.header, width);
            top.push(self.style(Tone::Dim, &header));
        }
        let title = wrap(&prompt.title, "", "");
        let details: Vec<String> = prompt
            .details
            .iter()
            .flat_map(|d| wrap(d, "  ", "  "))
            .collect();
        let message: Vec<String> = view
            .message
            .iter()
            .flat_map(|m| wrap(m, "", ""))
            .map(|l| self.paint().yellow().apply_to(l).to_string())
            .collect();
        let key_rows: Vec<String> = wrap(keys, "", "")
            .into_iter()
            .map(|l| self.style(Tone::Dim, &l))
            .collect();
        // The question always shows; its details give way on a small screen.
        let fixed_rest = top.len() + message.len() + key_rows.len() + 3;
        let room_top = height.saturating_sub(fixed_rest).max(1);
        let mut text_rows: Vec<String> = title
            .iter()
            .map(|l| self.style(Tone::Heading, l))
            .chain(details.iter().cloned())
            .collect();
        if text_rows.len() > room_top {
            text_rows.truncate(room_top);
            if let Some(last) = text_rows.last_mut() {
                *last = format!("{last} …");
            }
        }
        top.extend(text_rows);
        let fixed = top.len() + message.len() + key_rows.len();
        let mut left = height.saturating_sub(fixed);
        // The panel, leaving the body at least three rows.
        let mut panel = Vec::new();
        let panel_text = match view.panel {
            Panel::Info => Some((
                self.ui.iv_help_title,
                prompt.info.as_deref().unwrap_or(self.ui.iv_no_help),
            )),
            Panel::Case => prompt
                .case_text
                .as_deref()
                .map(|t| (self.ui.iv_case_title, t)),
            Panel::None => None,
        };
        if let Some((title, text)) = panel_text {
            panel.push(self.style(Tone::Heading, &format!("{title}:")));
            for para in text.split('\n') {
                panel.extend(wrap(para.trim(), "  ", "  "));
            }
            let room = left.saturating_sub(3).max(2);
            if panel.len() > room {
                panel.truncate(room.saturating_sub(1));
                panel.push("  …".to_owned());
            }
            left = left.saturating_sub(panel.len());
        }
        let (rows, cursor) = body(left.max(1), width);
        let spare = left.saturating_sub(rows.len());
        let mut lines = Vec::new();
        // Blank lines where there is room: between the question and the
        // answers first, then above the keys, then above the block.
        if spare >= 3 {
            lines.push(String::new());
        }
        lines.extend(top);
        lines.extend(panel);
        lines.extend(message);
        // A blank line between the question and the answers, room allowing.
        if spare >= 1 {
            lines.push(String::new());
        }
        let body_at = lines.len();
        lines.extend(rows.iter().map(|r| self.style(r.tone, &r.text)));
        if spare >= 2 {
            lines.push(String::new());
        }
        lines.extend(key_rows);
        Frame {
            lines,
            cursor: cursor.map(|(r, c)| (body_at + r, c)),
        }
    }

    fn toggle(view: &mut View, panel: Panel) {
        view.panel = if view.panel == panel {
            Panel::None
        } else {
            panel
        };
    }

    /// A list question, single or multiple choice.
    fn ask_list(&mut self, prompt: &Prompt, many: bool) -> Result<Outcome<Vec<usize>>> {
        let n = prompt.items.len();
        let mut ticked: Vec<bool> = (0..n).map(|i| prompt.checked.contains(&i)).collect();
        let mut scroll = Scroll {
            cursor: prompt.default.filter(|d| *d < n).unwrap_or(0),
            top: 0,
        };
        let mut view = View {
            panel: Panel::None,
            message: None,
        };
        let kind = if many { Kind::Many } else { Kind::One };
        let keys = self.key_line(prompt, kind);
        let words = Words {
            more_above: self.ui.iv_more_above,
            more_below: self.ui.iv_more_below,
        };
        let mut confirm_none = false;
        loop {
            let options = Options {
                labels: &prompt.items,
                notes: (0..n).map(|i| prompt.note(i)).collect(),
                groups: group_of(prompt),
                ticked: many.then_some(ticked.as_slice()),
            };
            let frame = self.frame(prompt, &view, &keys, &mut |rows, width| {
                let mut list = options.rows(&mut scroll, rows, width, Self::glyphs(), words);
                for r in &mut list {
                    r.text = Self::arrows(&r.text);
                }
                (list, None)
            });
            self.draw(&frame)?;
            let key = match self.input()? {
                Input::Resize => {
                    self.resized()?;
                    continue;
                }
                Input::Paste(_) => {
                    view.message = Some(self.ui.iv_paste_list.to_owned());
                    continue;
                }
                Input::Key(k) => k,
            };
            view.message = None;
            if key.pasted {
                view.message = Some(self.ui.iv_paste_list.to_owned());
                continue;
            }
            let again = std::mem::take(&mut confirm_none);
            match key.code {
                KeyCode::Up => scroll.cursor = scroll.cursor.saturating_sub(1),
                KeyCode::Down => scroll.cursor = (scroll.cursor + 1).min(n.saturating_sub(1)),
                KeyCode::PageUp => scroll.cursor = scroll.cursor.saturating_sub(5),
                KeyCode::PageDown => scroll.cursor = (scroll.cursor + 5).min(n.saturating_sub(1)),
                KeyCode::Home => scroll.cursor = 0,
                KeyCode::End => scroll.cursor = n.saturating_sub(1),
                KeyCode::Enter if n == 0 => {}
                KeyCode::Enter if !many => {
                    self.trace(prompt, Some(&prompt.items[scroll.cursor]))?;
                    return Ok(Outcome::Answer(vec![scroll.cursor]));
                }
                KeyCode::Enter => {
                    let chosen: Vec<usize> = (0..n).filter(|i| ticked[*i]).collect();
                    if chosen.is_empty() && !again {
                        confirm_none = true;
                        view.message = Some(self.ui.iv_none_ticked.to_owned());
                        continue;
                    }
                    let names: Vec<&str> =
                        chosen.iter().map(|i| prompt.items[*i].as_str()).collect();
                    let shown = if names.is_empty() {
                        self.ui.none_chosen.to_owned()
                    } else {
                        names.join(", ")
                    };
                    self.trace(prompt, Some(&shown))?;
                    return Ok(Outcome::Answer(chosen));
                }
                KeyCode::Char(' ') if many && !key.ctrl && n > 0 => {
                    view.message = tick(prompt, &mut ticked, scroll.cursor)
                        .map(|option| fill(self.ui.iv_exclusive, &[("option", option)]));
                }
                KeyCode::Char('?') | KeyCode::F(1) => Self::toggle(&mut view, Panel::Info),
                KeyCode::Tab if prompt.case_text.is_some() => Self::toggle(&mut view, Panel::Case),
                KeyCode::Char('-') if prompt.can_skip => {
                    self.trace(prompt, None)?;
                    return Ok(Outcome::Skip);
                }
                KeyCode::Esc | KeyCode::Char('<') if prompt.can_back => {
                    self.clear()?;
                    return Ok(Outcome::Back);
                }
                _ => {}
            }
        }
    }

    /// An open question: a line of text.
    fn ask_text(&mut self, prompt: &Prompt) -> Result<Outcome<String>> {
        let mut editor = Editor::new(&prompt.initial_text);
        let mut view = View {
            panel: Panel::None,
            message: None,
        };
        let keys = self.key_line(prompt, Kind::Text);
        let label = format!("{}: ", self.ui.iv_answer);
        let mut confirm_back = false;
        loop {
            let placeholder = (editor.is_empty() && !prompt.default_text.is_empty())
                .then(|| format!("(Enter = {})", prompt.default_text));
            let frame = self.frame(prompt, &view, &keys, &mut |rows, width| {
                let layout = editor.layout(&label, width);
                let (mut row, col) = layout.cursor;
                let mut lines: Vec<Row> = layout
                    .rows
                    .into_iter()
                    .map(|r| Row::new(r, Tone::Plain))
                    .collect();
                if let (Some(p), Some(first)) = (&placeholder, lines.first_mut()) {
                    first.text = format!("{}{}", first.text, self.style(Tone::Dim, p));
                }
                // A text longer than the room: the rows around the cursor.
                if lines.len() > rows {
                    let start = (row + 1).saturating_sub(rows);
                    lines = lines.split_off(start);
                    lines.truncate(rows);
                    row -= start;
                }
                (lines, Some((row, col)))
            });
            self.draw(&frame)?;
            let input = self.input().inspect_err(|_| {
                let typed = editor.text().trim();
                if !typed.is_empty() && typed != prompt.initial_text.trim() {
                    stash_unfinished(&prompt.title, typed);
                }
            });
            let key = match input? {
                Input::Resize => {
                    self.resized()?;
                    continue;
                }
                Input::Paste(text) => {
                    editor.insert(&text);
                    // The note is about line breaks joined; a paste of one
                    // line needs no comment.
                    if text.contains(['\n', '\r', '\t']) {
                        view.message = Some(self.ui.iv_pasted.to_owned());
                    }
                    continue;
                }
                Input::Key(k) => k,
            };
            if !key.pasted {
                view.message = None;
            }
            let again = std::mem::take(&mut confirm_back);
            match key.code {
                // A line break or Tab in a paste is part of the text.
                KeyCode::Enter | KeyCode::Tab if key.pasted => {
                    editor.insert(" ");
                    view.message = Some(self.ui.iv_pasted.to_owned());
                }
                KeyCode::Char('j') if key.ctrl => {
                    editor.insert(" ");
                    view.message = Some(self.ui.iv_pasted.to_owned());
                }
                KeyCode::Enter => {
                    let text = editor.text().trim().to_owned();
                    if text == "?" {
                        editor = Editor::new("");
                        Self::toggle(&mut view, Panel::Info);
                        continue;
                    }
                    return Ok(match text.as_str() {
                        "" if !prompt.default_text.is_empty() => {
                            self.trace(prompt, Some(&prompt.default_text))?;
                            Outcome::Answer(prompt.default_text.clone())
                        }
                        "" if prompt.can_skip => {
                            self.trace(prompt, None)?;
                            Outcome::Skip
                        }
                        "<" if prompt.can_back => {
                            self.clear()?;
                            Outcome::Back
                        }
                        "" => {
                            self.clear()?;
                            Outcome::Answer(String::new())
                        }
                        t => {
                            self.trace(prompt, Some(t))?;
                            Outcome::Answer(t.to_owned())
                        }
                    });
                }
                KeyCode::Char('?') if !key.pasted && editor.is_empty() => {
                    Self::toggle(&mut view, Panel::Info);
                }
                KeyCode::F(1) => Self::toggle(&mut view, Panel::Info),
                KeyCode::Tab if prompt.case_text.is_some() => Self::toggle(&mut view, Panel::Case),
                KeyCode::Esc if prompt.can_back => {
                    let changed = editor.text().trim() != prompt.initial_text.trim();
                    if changed && !editor.is_empty() && !again {
                        confirm_back = true;
                        view.message = Some(self.ui.iv_esc_again.to_owned());
                    } else {
                        self.clear()?;
                        return Ok(Outcome::Back);
                    }
                }
                KeyCode::Backspace => editor.backspace(),
                KeyCode::Char('h') if key.ctrl => editor.backspace(),
                KeyCode::Delete => editor.delete(),
                KeyCode::Left => editor.left(),
                KeyCode::Right => editor.right(),
                KeyCode::Home => editor.home(),
                KeyCode::End => editor.end(),
                KeyCode::Char('a') if key.ctrl => editor.home(),
                KeyCode::Char('e') if key.ctrl => editor.end(),
                KeyCode::Char('u') if key.ctrl => editor.clear_before(),
                KeyCode::Char('w') if key.ctrl => editor.delete_word(),
                _ => {
                    if let Some(c) = key.typed() {
                        editor.insert(c.encode_utf8(&mut [0; 4]));
                    }
                }
            }
        }
    }
}

/// The three kinds of question, for the line of keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    One,
    Many,
    Text,
}

/// The heading of the group each item is in.
fn group_of(prompt: &Prompt) -> Vec<Option<&str>> {
    let mut current = None;
    (0..prompt.items.len())
        .map(|i| {
            if let Some(h) = prompt.group_at(i) {
                current = Some(h);
            }
            current
        })
        .collect()
}

/// Ticks or unticks item `i`. An exclusive item does not go together with
/// others: then nothing changes and the label of the exclusive item is
/// returned, for the message.
fn tick<'a>(prompt: &'a Prompt, ticked: &mut [bool], i: usize) -> Option<&'a str> {
    if ticked[i] {
        ticked[i] = false;
        return None;
    }
    let others = (0..ticked.len()).filter(|j| ticked[*j] && *j != i);
    let blocking = if prompt.exclusive.contains(&i) {
        others.clone().next().map(|_| i)
    } else {
        others.clone().find(|j| prompt.exclusive.contains(j))
    };
    match blocking {
        Some(x) => Some(prompt.items[x].as_str()),
        None => {
            ticked[i] = true;
            None
        }
    }
}

/// The position line in one row. The first part (with the goal's label)
/// is shortened first, to 24 cells, then the long parts (the level) to 12,
/// then the first part to 16; the count stays.
fn fit_header(header: &str, width: usize) -> String {
    use console::measure_text_width as w;
    let mut parts: Vec<String> = header.split(" · ").map(str::to_owned).collect();
    let over = |parts: &[String]| w(&parts.join(" · ")).saturating_sub(width);
    let shorten = |parts: &mut Vec<String>, i: usize, least: usize| {
        let by = over(parts);
        let part = &mut parts[i];
        let keep = w(part).saturating_sub(by).max(least);
        if by > 0 && keep < w(part) {
            *part = console::truncate_str(part, keep, "…").into_owned();
        }
    };
    shorten(&mut parts, 0, 24);
    for i in 1..parts.len() {
        if w(&parts[i]) > 16 {
            shorten(&mut parts, i, 12);
        }
    }
    shorten(&mut parts, 0, 16);
    console::truncate_str(&parts.join(" · "), width, "…").into_owned()
}

impl Prompter for TerminalPrompter {
    fn show(&mut self, text: &str) -> Result<()> {
        let mut out = String::from("\n");
        for para in text.split('\n') {
            if para.is_empty() {
                out.push('\n');
                continue;
            }
            let line = match para.strip_prefix("- ") {
                Some(rest) => self.wrapped(rest, "- ", "  "),
                None => self.wrapped(para, "", ""),
            };
            out.push_str(&line);
            out.push('\n');
        }
        let mut err = io::stderr().lock();
        err.write_all(out.as_bytes())
            .and_then(|()| err.flush())
            .map_err(Error::Terminal)
    }

    fn choose(&mut self, prompt: &Prompt) -> Result<Reply<usize>> {
        Ok(match self.raw(|me| me.ask_list(prompt, false))? {
            Outcome::Answer(list) => Reply::Answer(list.first().copied().unwrap_or(0)),
            Outcome::Back => Reply::Back,
            Outcome::Skip => Reply::Skip,
        })
    }

    fn choose_many(&mut self, prompt: &Prompt) -> Result<Reply<Vec<usize>>> {
        Ok(match self.raw(|me| me.ask_list(prompt, true))? {
            Outcome::Answer(list) => Reply::Answer(list),
            Outcome::Back => Reply::Back,
            Outcome::Skip => Reply::Skip,
        })
    }

    fn text(&mut self, prompt: &Prompt) -> Result<Reply<String>> {
        Ok(match self.raw(|me| me.ask_text(prompt))? {
            Outcome::Answer(t) => Reply::Answer(t),
            Outcome::Back => Reply::Back,
            Outcome::Skip => Reply::Skip,
        })
    }

    fn width(&self) -> usize {
        self.cols()
    }

    fn controls(&self, ui: &Ui) -> &'static str {
        ui.iv_controls_keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_keeps_its_count_on_a_narrow_screen() {
        let h = "Doel 1 van 2: Zoon weer naar school en zijn huiswerk · Niveau van professionals · vraag 3 van 8";
        let fitted = fit_header(h, 79);
        assert!(console::measure_text_width(&fitted) <= 79, "{fitted}");
        assert!(
            fitted.starts_with("Doel 1 van 2: Zoon weer naar"),
            "{fitted}"
        );
        assert!(fitted.ends_with("vraag 3 van 8"), "{fitted}");
        let narrow = fit_header(h, 50);
        assert!(console::measure_text_width(&narrow) <= 50, "{narrow}");
        assert!(narrow.starts_with("Doel 1 van 2"), "{narrow}");
        assert!(fitted.ends_with("vraag 3 van 8"), "{fitted}");
        assert_eq!(
            fit_header("Begin · vraag 1 van 2", 60),
            "Begin · vraag 1 van 2"
        );
    }

    #[test]
    fn an_exclusive_option_keeps_the_ticks() {
        let prompt = Prompt {
            items: vec!["Tijd".into(), "Geld".into(), "Geen belemmering".into()],
            exclusive: vec![2],
            ..Prompt::default()
        };
        let mut ticked = vec![true, false, false];
        assert_eq!(tick(&prompt, &mut ticked, 2), Some("Geen belemmering"));
        assert_eq!(ticked, [true, false, false]);
        assert_eq!(tick(&prompt, &mut ticked, 1), None);
        assert_eq!(ticked, [true, true, false]);
        let mut only = vec![false, false, true];
        assert_eq!(tick(&prompt, &mut only, 0), Some("Geen belemmering"));
        assert_eq!(only, [false, false, true]);
        assert_eq!(tick(&prompt, &mut only, 2), None);
        assert_eq!(only, [false, false, false]);
    }
}
