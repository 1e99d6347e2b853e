//! Reading the keyboard in raw mode, and telling typing from pasting.
//!
//! A terminal that knows bracketed paste hands a paste over as one piece
//! ([`Input::Paste`]). Others (Windows consoles, tmux without `-p`, some
//! remote sessions) deliver it as keys, all at once. A person types one key
//! at a time, so keys that arrive together with other keys are a paste:
//! they are marked [`Key::pasted`], and an Enter among them never confirms
//! a question.

use std::io;
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// One thing the user did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Input {
    Key(Key),
    /// A bracketed paste.
    Paste(String),
    /// The window changed size.
    Resize,
}

/// A key, and whether it came as part of a paste.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Key {
    pub code: KeyCode,
    /// Ctrl was held (and not AltGr, which Windows reports as Ctrl+Alt).
    pub ctrl: bool,
    pub pasted: bool,
}

impl Key {
    /// The character this key types, if it types one.
    pub(crate) fn typed(&self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.ctrl => Some(c),
            _ => None,
        }
    }
}

/// Reads keys and remembers whether they come in a burst.
#[derive(Debug, Default)]
pub(crate) struct Keys {
    /// More input was waiting right after the previous key.
    more_after_previous: bool,
    /// The current burst holds typed characters (it is pasted text).
    burst_has_text: bool,
}

impl Keys {
    /// Waits for the next input. Returns `Ok(None)` when `stop()` says so
    /// (a signal came in) or the terminal went away, checking a few times a
    /// second.
    pub(crate) fn next(&mut self, stop: impl Fn() -> bool) -> io::Result<Option<Input>> {
        loop {
            if stop() {
                return Ok(None);
            }
            // The window closed: stop as after a signal, with the draft kept.
            if crate::base::platform::terminal_hung_up() {
                return Ok(None);
            }
            if !event::poll(Duration::from_millis(150))? {
                continue;
            }
            let ev = event::read()?;
            let more = event::poll(Duration::ZERO)?;
            let previous = std::mem::replace(&mut self.more_after_previous, more);
            if !previous {
                self.burst_has_text = false;
            }
            match ev {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    return Ok(Some(Input::Key(self.classify(k, previous, more))));
                }
                Event::Paste(text) => return Ok(Some(Input::Paste(text))),
                Event::Resize(..) => return Ok(Some(Input::Resize)),
                _ => {}
            }
        }
    }

    /// Marks a key as pasted when it came in a burst: any character in a
    /// burst, a space once the burst held text, and Enter or Tab with more
    /// input right behind them or after pasted text.
    fn classify(&mut self, k: KeyEvent, previous: bool, more: bool) -> Key {
        let alt_gr = k
            .modifiers
            .contains(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL) && !alt_gr;
        let in_burst = previous || more;
        let pasted = match k.code {
            KeyCode::Char(' ') if !ctrl => in_burst && self.burst_has_text,
            KeyCode::Char(_) if !ctrl => {
                if in_burst {
                    self.burst_has_text = true;
                }
                in_burst
            }
            // Ctrl-J is a line feed: what a pasted line break is in raw mode.
            KeyCode::Char('j') if ctrl => more || (previous && self.burst_has_text),
            KeyCode::Enter | KeyCode::Tab => more || (previous && self.burst_has_text),
            _ => false,
        };
        Key {
            code: k.code,
            ctrl,
            pasted,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    /// Feeds keys as they would arrive: `true` where more input follows at
    /// once.
    fn feed(keys: &[(KeyCode, bool)]) -> Vec<bool> {
        let mut k = Keys::default();
        keys.iter()
            .map(|(code, more)| {
                let previous = std::mem::replace(&mut k.more_after_previous, *more);
                if !previous {
                    k.burst_has_text = false;
                }
                k.classify(key(*code), previous, *more).pasted
            })
            .collect()
    }

    #[test]
    fn enter_after_pasted_text_is_part_of_the_paste() {
        use KeyCode::{Char, Enter};
        // "ab\r" in one piece: all pasted, the Enter too.
        assert_eq!(
            feed(&[(Char('a'), true), (Char('b'), true), (Enter, false)]),
            [true, true, true]
        );
        // Typed one by one: nothing pasted.
        assert_eq!(
            feed(&[(Char('a'), false), (Char('b'), false), (Enter, false)]),
            [false, false, false]
        );
        // A line break with more behind it is never a confirmation.
        assert_eq!(feed(&[(Enter, true), (Char('x'), false)]), [true, true]);
    }

    #[test]
    fn arrows_and_space_in_one_piece_are_still_keys() {
        use KeyCode::{Char, Down, Enter};
        assert_eq!(
            feed(&[
                (Char(' '), true),
                (Down, true),
                (Char(' '), true),
                (Enter, false)
            ]),
            [false, false, false, false]
        );
    }

    #[test]
    fn altgr_types_a_character() {
        let mut k = Keys::default();
        let at = KeyEvent::new(
            KeyCode::Char('@'),
            KeyModifiers::CONTROL | KeyModifiers::ALT,
        );
        assert_eq!(k.classify(at, false, false).typed(), Some('@'));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(k.classify(ctrl_c, false, false).typed(), None);
    }
}
