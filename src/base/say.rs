//! The language of the library's own messages (errors, problems in files,
//! `voorwie controleer`, drafts), and [`say!`](crate::base::say::say) to
//! write each message once in Dutch and once in English, side by side.
//!
//! The interface's words live in [`ui`](crate::base::ui) and are picked with
//! a [`Lang`] passed along. Messages are made deep down (while parsing a
//! file, in a worker thread of `voorwie overzicht`), where no `Lang` is at
//! hand; they follow the one language set at start-up instead:
//!
//! ```ignore
//! set_message_lang(config.lang);                 // once, in app::run
//! Problem::error(pos, say!("onbekende vraag '{id}'", "unknown question '{id}'"))
//! ```
//!
//! `say!` works like `format!`, with the Dutch text first. Tests that want
//! a language without changing it for the whole process (tests run side by
//! side in threads) use [`with_message_lang`].

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::base::text::Lang;

/// Whether messages are English; set once at start-up.
static ENGLISH: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// A language for this thread only (see [`with_message_lang`]).
    static HERE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the language of every message from now on (Dutch by default).
pub fn set_message_lang(lang: Lang) {
    ENGLISH.store(lang == Lang::En, Ordering::Relaxed);
}

/// The language messages are in.
pub fn message_lang() -> Lang {
    if let Some(lang) = HERE.with(Cell::get) {
        return lang;
    }
    if ENGLISH.load(Ordering::Relaxed) {
        Lang::En
    } else {
        Lang::Nl
    }
}

/// Runs `f` with messages in `lang` on this thread only.
pub fn with_message_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = HERE.with(|h| h.replace(Some(lang)));
    let result = f();
    HERE.with(|h| h.set(before));
    result
}

/// True when messages are English (for [`say!`]).
pub fn english() -> bool {
    message_lang() == Lang::En
}

/// The Dutch or the English text, for texts without placeholders.
pub fn pick(nl: &'static str, en: &'static str) -> &'static str {
    if english() { en } else { nl }
}

/// `format!` with a Dutch and an English text: `say!("nl {x}", "en {x}")`.
/// Both texts take the same arguments.
macro_rules! say {
    ($nl:literal, $en:literal $(,)?) => {
        if $crate::base::say::english() {
            format!($en)
        } else {
            format!($nl)
        }
    };
    ($nl:literal, $en:literal, $($arg:tt)+) => {
        if $crate::base::say::english() {
            format!($en, $($arg)+)
        } else {
            format!($nl, $($arg)+)
        }
    };
}
pub(crate) use say;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn say_follows_the_language_of_this_thread() {
        let n = 3;
        let nl = with_message_lang(Lang::Nl, || say!("{n} vragen", "{n} questions"));
        let en = with_message_lang(Lang::En, || say!("{n} vragen", "{n} questions"));
        assert_eq!(nl, "3 vragen");
        assert_eq!(en, "3 questions");
        assert_eq!(with_message_lang(Lang::En, || pick("ja", "yes")), "yes");
    }
}
