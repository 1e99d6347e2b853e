//! Presenter mode on a screen: `voorwie voorbeeld NAAM --stapsgewijs` in
//! front of a room.
//!
//! The slides are made by [`crate::views::slides`] and drawn by
//! [`crate::render::slide_text`]; here they are shown one at a time, moving
//! on with Enter (or a presentation clicker's arrow or PageDown) and back
//! with the left arrow. Without a terminal all slides are written one after
//! another.

use console::Key;

use crate::base::error::Result;
use crate::base::output;
use crate::base::text::Lang;
use crate::render::{Style, slide_text};
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

/// One slide per screen until the last one is passed or the presenter
/// stops (q or Esc).
pub(crate) fn show(slides: &[Slide], style: Style, lang: Lang) -> Result<()> {
    let total = slides.len();
    let term = console::Term::stdout();
    let mut i = 0;
    loop {
        let _ = term.clear_screen();
        output::to_stdout(&slide_text(&slides[i], style, lang, i + 1, total))?;
        match term.read_key() {
            Ok(Key::Enter | Key::Char(' ') | Key::ArrowRight | Key::ArrowDown | Key::PageDown) => {
                if i + 1 == total {
                    return Ok(());
                }
                i += 1;
            }
            Ok(Key::ArrowLeft | Key::ArrowUp | Key::PageUp | Key::Backspace) => {
                i = i.saturating_sub(1)
            }
            Ok(Key::Char('q') | Key::Escape) => return Ok(()),
            Ok(_) => {}
            Err(_) => return Ok(()),
        }
    }
}
