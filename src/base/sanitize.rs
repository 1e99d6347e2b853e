//! Makes text from files safe to print.
//!
//! Banks, answers files and free-text answers are written by people and can
//! contain anything. Before any of it reaches a terminal or an export, control
//! characters are removed so that a file cannot move the cursor, change
//! colours, set the window title or reorder text (bidirectional overrides).
//! Newlines are kept where text may span lines; tabs become spaces.

/// Removes control characters, keeping newlines.
pub fn multiline(text: &str) -> String {
    clean(text, true)
}

/// Removes control characters, turning newlines into spaces.
pub(crate) fn line(text: &str) -> String {
    clean(text, false)
}

fn clean(text: &str, keep_newlines: bool) -> String {
    // Almost all text is clean: copy it whole instead of char by char (this
    // was 16% of the instructions of `voorwie kaart`).
    if is_clean(text.as_bytes(), keep_newlines) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            // A Windows line end is one break, not two.
            '\r' => {}
            '\n' | '\t' => out.push(' '),
            c if is_dangerous(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether the UTF-8 text has nothing [`clean`] would change, judged on
/// bytes: ASCII controls, and the two- and three-byte forms of C1 controls
/// (U+0080–U+009F) and bidirectional controls (U+202A–U+202E,
/// U+2066–U+2069). Every other character is safe.
fn is_clean(bytes: &[u8], keep_newlines: bool) -> bool {
    // Most text has none of the bytes that can begin something to remove.
    // Looking for those 16 bytes at a time, without an early exit, lets the
    // compiler use vector instructions; only text that has one gets the
    // exact check. (The exact check alone was a tenth of the instructions
    // of `voorwie kaart`.)
    let suspect = |b: u8| {
        ((b < 0x20) & !(keep_newlines & (b == b'\n'))) | (b == 0x7f) | (b == 0xc2) | (b == 0xe2)
    };
    let any_suspect = bytes
        .chunks(16)
        .any(|chunk| chunk.iter().fold(false, |seen, &b| seen | suspect(b)));
    !any_suspect || is_clean_exactly(bytes, keep_newlines)
}

fn is_clean_exactly(bytes: &[u8], keep_newlines: bool) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' if keep_newlines => {}
            0x00..=0x1f | 0x7f => return false,
            0xc2 if matches!(bytes.get(i + 1), Some(0x80..=0x9f)) => return false,
            0xe2 => match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9)) => {
                    return false;
                }
                _ => {}
            },
            _ => {}
        }
        i += 1;
    }
    true
}

fn is_dangerous(c: char) -> bool {
    c.is_control()
        // Bidirectional embeddings, overrides and isolates.
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escape_sequences_and_bidi_overrides() {
        let hostile = "doel\x1b]0;titel\x07\x1b[31m rood\u{202E}\r\n";
        assert_eq!(line(hostile), "doel]0;titel[31m rood ");
        assert_eq!(multiline("a\nb\x1b[2J"), "a\nb[2J");
    }

    #[test]
    fn clean_text_is_kept_whole() {
        assert_eq!(
            multiline("Coördinatie → één plan\nregel 2"),
            "Coördinatie → één plan\nregel 2"
        );
        assert_eq!(line("a\nb"), "a b");
    }

    #[test]
    fn the_byte_check_agrees_with_the_char_check() {
        // Every character up to U+3000, alone and between letters.
        for cp in 0..0x3000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            for keep in [true, false] {
                let text = format!("a{c}b");
                let by_chars = text.chars().all(|c| match c {
                    '\n' => keep,
                    '\r' | '\t' => false,
                    c => !is_dangerous(c),
                });
                assert_eq!(is_clean(text.as_bytes(), keep), by_chars, "U+{cp:04X}");
                // In a longer text, at every place around the 16-byte
                // blocks of the quick check.
                for at in [0, 14, 15, 16, 17, 31, 32, 40] {
                    let long = format!("{}{c}{}", "x".repeat(at), "y".repeat(40));
                    assert_eq!(is_clean(long.as_bytes(), keep), by_chars, "U+{cp:04X}@{at}");
                }
            }
        }
    }

    #[test]
    fn control_and_bidi_characters_are_removed() {
        assert_eq!(line("a\x1b[31mb\u{202E}c\r\u{7}"), "a[31mbc");
        assert_eq!(multiline("x\ty\x7f"), "x y");
    }
}
