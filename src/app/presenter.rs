//! Presenter mode on a screen: `voorwie voorbeeld NAAM --stapsgewijs` in
//! front of a room.
//!
//! The slides are made by [`crate::views::slides`] and laid out by
//! [`crate::render::slide_screens`]; here they are shown one screen at a
//! time on the terminal's alternate screen, drawn row by row so that
//! nothing scrolls away. A slide longer than the screen goes on on the next
//! screen; after a resize everything is laid out again.
//!
//! Keys: Enter, Space, → ↓ PageDown go on (a presentation clicker sends
//! these); ← ↑ PageUp Backspace go back; Home and End go to the first and
//! the last slide; a number and Enter go to that slide. Only q, Esc or
//! Ctrl-C end the presentation: a key past the last slide stays there.
//! Without a terminal all slides are written one after another.

use std::io::Write;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::{cursor, queue, style, terminal};

use crate::base::error::{Error, Result};
use crate::base::text::Lang;
use crate::base::ui::{fill, ui};
use crate::render::{Style, slide_screens, slide_text};
use crate::views::slides::Slide;

/// All slides one after another, for a file or a pipe.
pub(crate) fn all(slides: &[Slide], style: Style, lang: Lang) -> String {
    let total = slides.len();
    let all: Vec<String> = slides
        .iter()
        .enumerate()
        .map(|(i, s)| slide_text(s, style, lang, i + 1, total))
        .collect();
    all.join("\n")
}

/// What a key means to the presenter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Input {
    Next,
    Back,
    First,
    Last,
    Digit(u8),
    /// Enter: go to the typed slide, or on.
    Enter,
    /// Backspace: erase a typed digit, or back.
    Erase,
    /// Esc: stop typing a number, or stop.
    Escape,
    Quit,
    Resize(u16, u16),
    Ignore,
}

/// The slides laid out for one terminal size, and where we are.
pub(crate) struct Deck<'a> {
    slides: &'a [Slide],
    style: Style,
    lang: Lang,
    rows: usize,
    /// Per slide, its screens; per screen, its lines.
    screens: Vec<Vec<Vec<String>>>,
    /// The slide shown (0-based) and its screen.
    pub slide: usize,
    pub screen: usize,
    /// A slide number being typed.
    pub typed: String,
}

/// What to do after a key.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum After {
    Draw,
    Stop,
}

impl<'a> Deck<'a> {
    /// The deck for a terminal of `cols` × `rows`.
    pub(crate) fn new(slides: &'a [Slide], style: Style, lang: Lang, cols: u16, rows: u16) -> Self {
        let mut deck = Deck {
            slides,
            style,
            lang,
            rows: 0,
            screens: Vec::new(),
            slide: 0,
            screen: 0,
            typed: String::new(),
        };
        deck.lay_out(cols, rows);
        deck
    }

    /// Lays the slides out again for a new size, staying on the same slide.
    fn lay_out(&mut self, cols: u16, rows: u16) {
        let style = Style {
            width: usize::from(cols).saturating_sub(1).max(1),
            ..self.style
        };
        self.rows = usize::from(rows).max(3);
        let total = self.slides.len();
        self.screens = self
            .slides
            .iter()
            .enumerate()
            .map(|(i, s)| slide_screens(s, style, self.lang, i + 1, total, self.rows))
            .collect();
        self.screen = self.screen.min(self.screens_of(self.slide) - 1);
    }

    fn screens_of(&self, slide: usize) -> usize {
        self.screens.get(slide).map_or(1, Vec::len).max(1)
    }

    fn at_end(&self) -> bool {
        self.slide + 1 >= self.slides.len() && self.screen + 1 >= self.screens_of(self.slide)
    }

    fn next(&mut self) {
        if self.screen + 1 < self.screens_of(self.slide) {
            self.screen += 1;
        } else if self.slide + 1 < self.slides.len() {
            self.slide += 1;
            self.screen = 0;
        }
        // Past the last screen: stay. The presentation ends only on purpose.
    }

    fn back(&mut self) {
        if self.screen > 0 {
            self.screen -= 1;
        } else if self.slide > 0 {
            self.slide -= 1;
            self.screen = self.screens_of(self.slide) - 1;
        }
    }

    /// Goes to slide `n` (1-based; out of range goes to the nearest end).
    fn go_to(&mut self, n: usize) {
        self.slide = n.clamp(1, self.slides.len().max(1)) - 1;
        self.screen = 0;
    }

    /// Handles one key.
    pub(crate) fn handle(&mut self, input: Input) -> After {
        match input {
            Input::Digit(d) => {
                if self.typed.len() < 4 {
                    self.typed.push(char::from(b'0' + d));
                }
            }
            Input::Enter if !self.typed.is_empty() => {
                let n = self.typed.parse().unwrap_or(1);
                self.typed.clear();
                self.go_to(n);
            }
            Input::Erase if !self.typed.is_empty() => {
                self.typed.pop();
            }
            Input::Escape if !self.typed.is_empty() => self.typed.clear(),
            Input::Escape | Input::Quit => return After::Stop,
            Input::Next | Input::Enter => {
                self.typed.clear();
                self.next();
            }
            Input::Back | Input::Erase => {
                self.typed.clear();
                self.back();
            }
            Input::First => {
                self.typed.clear();
                self.go_to(1);
            }
            Input::Last => {
                self.typed.clear();
                self.go_to(self.slides.len());
            }
            Input::Resize(cols, rows) => self.lay_out(cols, rows),
            Input::Ignore => {}
        }
        After::Draw
    }

    /// The screen to show: its lines from the top, and the line for the
    /// bottom row (the controls, the end, or the number being typed).
    pub(crate) fn current(&self) -> (&[String], String) {
        let u = ui(self.lang);
        let lines = self
            .screens
            .get(self.slide)
            .and_then(|s| s.get(self.screen))
            .map_or(&[][..], Vec::as_slice);
        let footer = if !self.typed.is_empty() {
            fill(u.pr_goto, &[("n", &self.typed)])
        } else if self.at_end() {
            u.pr_end.to_owned()
        } else {
            u.pr_controls.to_owned()
        };
        (lines, footer)
    }

    /// The number of rows the deck is laid out for.
    pub(crate) fn rows(&self) -> usize {
        self.rows
    }
}

/// What a key event means.
fn input(key: KeyEvent) -> Input {
    if key.kind == KeyEventKind::Release {
        return Input::Ignore;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c' | 'd') => Input::Quit,
            _ => Input::Ignore,
        };
    }
    match key.code {
        KeyCode::Enter => Input::Enter,
        KeyCode::Char(' ' | 'n') | KeyCode::Right | KeyCode::Down | KeyCode::PageDown => {
            Input::Next
        }
        KeyCode::Left | KeyCode::Up | KeyCode::PageUp | KeyCode::Char('p') => Input::Back,
        KeyCode::Backspace => Input::Erase,
        KeyCode::Home => Input::First,
        KeyCode::End => Input::Last,
        KeyCode::Char(c @ '0'..='9') => Input::Digit(c as u8 - b'0'),
        KeyCode::Char('q' | 'Q') => Input::Quit,
        KeyCode::Esc => Input::Escape,
        _ => Input::Ignore,
    }
}

/// Puts the terminal back as it was: main screen, cursor, line mode.
fn restore() {
    let mut out = std::io::stdout();
    let _ = crossterm::execute!(out, cursor::Show, terminal::LeaveAlternateScreen);
    let _ = terminal::disable_raw_mode();
}

/// Restores the terminal however the presentation ends (a return, an error
/// or a panic).
struct Screen;

impl Drop for Screen {
    fn drop(&mut self) {
        restore();
    }
}

/// Draws one screen: row by row from the top, the bottom row for the
/// controls. Nothing is written past the last row, so nothing scrolls.
fn draw(out: &mut impl Write, deck: &Deck, cols: u16) -> std::io::Result<()> {
    let width = usize::from(cols).saturating_sub(1).max(1);
    let (lines, footer) = deck.current();
    let rows = deck.rows();
    queue!(out, terminal::Clear(terminal::ClearType::All))?;
    for (row, line) in lines.iter().take(rows.saturating_sub(1)).enumerate() {
        let row = u16::try_from(row).unwrap_or(u16::MAX);
        queue!(
            out,
            cursor::MoveTo(0, row),
            style::Print(console::truncate_str(line, width, "…"))
        )?;
    }
    let footer = console::truncate_str(&footer, width, "…").into_owned();
    let paint = console::Style::new().force_styling(deck.style.color).dim();
    queue!(
        out,
        cursor::MoveTo(0, u16::try_from(rows - 1).unwrap_or(u16::MAX)),
        style::Print(paint.apply_to(footer))
    )?;
    out.flush()
}

/// One slide per screen until the presenter stops (q, Esc or Ctrl-C).
pub(crate) fn show(slides: &[Slide], style: Style, lang: Lang) -> Result<()> {
    let write_error = |cause: std::io::Error| Error::Write {
        file: "stdout".to_owned(),
        cause,
    };
    let (mut cols, rows) = terminal::size().unwrap_or((80, 24));
    let mut deck = Deck::new(slides, style, lang, cols, rows);
    // A closed terminal or a kill ends the process: leave the terminal as
    // it was found.
    let _ = ctrlc::set_handler(|| {
        restore();
        std::process::exit(130);
    });
    terminal::enable_raw_mode().map_err(write_error)?;
    let _screen = Screen;
    let mut out = std::io::stdout();
    crossterm::execute!(out, terminal::EnterAlternateScreen, cursor::Hide).map_err(write_error)?;
    loop {
        match draw(&mut out, &deck, cols) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => return Err(write_error(e)),
        }
        let key = match event::read() {
            Ok(Event::Key(key)) => input(key),
            Ok(Event::Resize(c, r)) => {
                cols = c;
                Input::Resize(c, r)
            }
            Ok(_) => Input::Ignore,
            // No more input (the terminal is gone): stop.
            Err(_) => return Ok(()),
        };
        if deck.handle(key) == After::Stop {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::slides::Line;

    fn slides(n: usize, body: usize) -> Vec<Slide> {
        (0..n)
            .map(|i| Slide {
                context: format!("Dia {i}"),
                heading: format!("Kop {i}"),
                lines: (0..body)
                    .map(|j| Line::Text(format!("regel {j}")))
                    .collect(),
            })
            .collect()
    }

    #[test]
    fn a_key_past_the_last_slide_stays_there_and_says_how_to_stop() {
        let s = slides(3, 2);
        let mut d = Deck::new(&s, Style::paste(), Lang::Nl, 80, 24);
        for _ in 0..10 {
            assert_eq!(d.handle(Input::Next), After::Draw);
        }
        assert_eq!(d.slide, 2);
        assert!(d.current().1.contains("q of Esc"), "{}", d.current().1);
        assert_eq!(d.handle(Input::Quit), After::Stop);
    }

    #[test]
    fn home_end_and_a_typed_number_jump() {
        let s = slides(12, 1);
        let mut d = Deck::new(&s, Style::paste(), Lang::Nl, 80, 24);
        d.handle(Input::Last);
        assert_eq!(d.slide, 11);
        d.handle(Input::First);
        assert_eq!(d.slide, 0);
        d.handle(Input::Digit(1));
        d.handle(Input::Digit(0));
        assert!(d.current().1.contains("10"));
        d.handle(Input::Enter);
        assert_eq!(d.slide, 9);
        // Esc first stops the typing, then the presentation.
        d.handle(Input::Digit(3));
        assert_eq!(d.handle(Input::Escape), After::Draw);
        assert_eq!(d.slide, 9);
        d.handle(Input::Digit(9));
        d.handle(Input::Digit(9));
        d.handle(Input::Enter);
        assert_eq!(d.slide, 11, "past the end goes to the last slide");
        assert_eq!(d.handle(Input::Escape), After::Stop);
    }

    #[test]
    fn a_long_slide_goes_on_on_the_next_screen_and_a_resize_lays_it_out_again() {
        let s = slides(2, 40);
        let mut d = Deck::new(&s, Style::paste(), Lang::Nl, 80, 24);
        let mut seen = Vec::new();
        loop {
            let (lines, _) = d.current();
            assert!(lines.len() <= 22, "{} lines", lines.len());
            seen.extend(lines.iter().filter(|l| l.starts_with("regel")).cloned());
            if d.slide == 1 {
                break;
            }
            d.handle(Input::Next);
        }
        let first: Vec<String> = (0..40).map(|j| format!("regel {j}")).collect();
        assert_eq!(&seen[..40], &first[..], "every line, in order");
        d.handle(Input::Back);
        assert_eq!(d.slide, 0, "back goes to the last screen of the slide");
        assert!(d.screen > 0);
        d.handle(Input::Resize(120, 60));
        assert_eq!((d.slide, d.screen), (0, 0), "it fits on one screen now");
    }
}
