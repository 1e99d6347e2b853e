//! User text as a person reads it, for comparing and matching.
//!
//! People type "Schulden", "schulden " and "schúlden" and mean one goal; an
//! editor may store "ö" as one character or as "o" plus a combining mark.
//! Wherever voorwie compares or matches what a user wrote (goal labels
//! across raters and over time, answers against option ids and labels,
//! names of practice cases), it compares the [`key`] of both sides, made
//! once on the way in. What is shown stays as the user wrote it.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The form in which two texts that read the same are equal: compatibility
/// decomposition (NFKD) without accents, lower case, and runs of white
/// space as one space, trimmed.
pub fn key(text: &str) -> String {
    if text.is_ascii() {
        // The common case, without the Unicode tables: NFKD leaves ASCII as
        // it is and it has no combining marks, so only case and spaces.
        let mut out = String::with_capacity(text.len());
        for word in text.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
        return out;
    }
    unicode_key(text)
}

/// [`key`] through the Unicode tables, for text that is not all ASCII.
fn unicode_key(text: &str) -> String {
    let folded: String = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// [`key`] for an answer: also `_` reads as a space, so "weet niet" is the
/// option `weet_niet`.
pub fn answer_key(text: &str) -> String {
    key(&text.replace('_', " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_that_read_the_same_have_one_key() {
        assert_eq!(key("  Schulden   Stabiliseren "), "schulden stabiliseren");
        assert_eq!(key("Róbin "), "robin");
        // A decomposed ö (o + U+0308) and a composed one.
        assert_eq!(key("Coo\u{308}peratie"), key("Coöperatie"));
        assert_eq!(key("Coöperatie"), "cooperatie");
        assert_eq!(key("JA"), "ja");
        assert_eq!(answer_key(" Weet niet"), answer_key("weet_niet"));
        assert_ne!(key("ja"), key("nee"));
    }

    /// The ASCII shortcut gives what the Unicode tables give, for every
    /// ASCII character (the vertical tab is white space to both).
    #[test]
    fn the_ascii_shortcut_reads_like_the_unicode_path() {
        let all: String = (0u8..128).map(char::from).collect();
        for text in [all.as_str(), " A\u{b}b\tC  d_E \r\n", "Weet NIET", ""] {
            assert_eq!(key(text), unicode_key(text), "{text:?}");
        }
        assert_eq!(key("a\u{b}B"), "a b");
    }
}
