//! Files that are not UTF-8, and JSON with comments: what people save from
//! Notepad and PowerShell.
//!
//! voorwie reads UTF-8 (with or without a byte-order mark). What else it
//! meets, and what it does:
//!
//! - UTF-16 with a byte-order mark (PowerShell 5 `>` and `Out-File`,
//!   Notepad's "Unicode"): read. The mark says exactly how to read it, so
//!   nothing is guessed.
//! - UTF-16 without a mark, UTF-32: refused, naming the encoding it looks
//!   like and how to save the file as UTF-8.
//! - Windows-1252 / Latin-1 (Notepad's "ANSI"): refused, naming the line
//!   and column of the first byte that is not UTF-8, the character it
//!   would be in Windows-1252, and how to save as UTF-8. Reading it anyway
//!   would be a guess: the same bytes are other letters in other code
//!   pages.
//! - Anything else that is not text (a zip, a picture): refused as such.
//!
//! A JSON file with `//` or `/* */` comments gets a message about the
//! comments, at the place of the first one.

use crate::base::say::{pick, say};

/// The text of a file read as `bytes` (public for the property tests), or a message (with the place and
/// the fix) that says why it is not text voorwie can read.
pub fn decode(bytes: Vec<u8>, name: &str) -> Result<String, String> {
    // Byte-order marks first: they are exact.
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(refuse(name, None, "UTF-32"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes, name);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes, name);
    }
    let bad_at = match std::str::from_utf8(&bytes) {
        Ok(text) if !text.contains('\0') => None,
        Ok(_) => Some(bytes.iter().position(|b| *b == 0).unwrap_or(0)),
        Err(e) => Some(e.valid_up_to()),
    };
    let Some(at) = bad_at else {
        return String::from_utf8(bytes).map_err(|_| String::new());
    };
    if let Some(order) = utf16_without_mark(&bytes) {
        return Err(refuse(name, None, &order));
    }
    if looks_binary(&bytes) {
        return Err(say!(
            "'{name}' is geen tekstbestand (het lijkt een programma, archief of afbeelding)\n    → \
             geef een antwoordenbestand of vragenbank: platte tekst in YAML of JSON",
            "'{name}' is not a text file (it looks like a program, archive or picture)\n    → \
             give an answers file or question bank: plain text in YAML or JSON"
        ));
    }
    Err(refuse(name, Some((&bytes, at)), &ansi()))
}

fn ansi() -> String {
    pick(
        "Windows-1252 (Latin-1, in Kladblok 'ANSI')",
        "Windows-1252 (Latin-1, 'ANSI' in Notepad)",
    )
    .to_owned()
}

/// The message for a file in another encoding; `bad` is the file and the
/// index of its first byte that is not UTF-8.
fn refuse(name: &str, bad: Option<(&[u8], usize)>, encoding: &str) -> String {
    let fix = pick(
        "open het in Kladblok en kies Bestand → Opslaan als → Codering: UTF-8; of in PowerShell: \
         Get-Content BESTAND | Set-Content -Encoding utf8 NIEUW-BESTAND",
        "open it in Notepad and choose File → Save as → Encoding: UTF-8; or in PowerShell: \
         Get-Content FILE | Set-Content -Encoding utf8 NEW-FILE",
    );
    match bad {
        None => say!(
            "'{name}' is geen UTF-8-tekst: het lijkt {encoding}\n    → {fix}",
            "'{name}' is not UTF-8 text: it looks like {encoding}\n    → {fix}"
        ),
        Some((bytes, at)) => {
            let before = String::from_utf8_lossy(&bytes[..at]);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let byte = bytes[at];
            let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes[at..=at]);
            let shown: String = decoded.chars().filter(|c| !c.is_control()).collect();
            let letter = if shown.is_empty() {
                String::new()
            } else {
                say!(
                    " (in Windows-1252 een '{shown}')",
                    " (in Windows-1252 a '{shown}')"
                )
            };
            say!(
                "{name}:{line}:{column}: dit is geen UTF-8-tekst: hier staat byte 0x{byte:02X}{letter}; \
                 het bestand lijkt {encoding}\n    → {fix}",
                "{name}:{line}:{column}: this is not UTF-8 text: here is byte 0x{byte:02X}{letter}; \
                 the file looks like {encoding}\n    → {fix}"
            )
        }
    }
}

/// Decodes UTF-16 after its byte-order mark.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, name: &str) -> Result<String, String> {
    let units = bytes.chunks(2).map(|c| match c {
        [a, b] => Ok(unit([*a, *b])),
        _ => Err(()),
    });
    let units: Result<Vec<u16>, ()> = units.collect();
    let text = units.ok().and_then(|u| String::from_utf16(&u).ok());
    match text {
        Some(text) if !looks_binary(text.as_bytes()) => Ok(text),
        Some(_) => Err(say!(
            "'{name}' is geen tekstbestand\n    → geef een antwoordenbestand of vragenbank: platte tekst in YAML of JSON",
            "'{name}' is not a text file\n    → give an answers file or question bank: plain text in YAML or JSON"
        )),
        None => Err(refuse(
            name,
            None,
            pick(
                "UTF-16, maar het is beschadigd",
                "UTF-16, but it is damaged",
            ),
        )),
    }
}

/// "UTF-16 (little-endian) without a byte-order mark" when the bytes look
/// like it: mostly text with a zero byte beside every character.
fn utf16_without_mark(bytes: &[u8]) -> Option<String> {
    let sample = &bytes[..bytes.len().min(400) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    let zero_even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let order = if zero_odd * 10 >= pairs * 7 && zero_even * 10 < pairs {
        "little-endian"
    } else if zero_even * 10 >= pairs * 7 && zero_odd * 10 < pairs {
        "big-endian"
    } else {
        return None;
    };
    Some(say!(
        "UTF-16 ({order}) zonder byte-order mark",
        "UTF-16 ({order}) without a byte-order mark"
    ))
}

/// Zero bytes or many control characters: not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(4096)];
    let controls = sample
        .iter()
        .filter(|b| **b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    sample.contains(&0) || controls * 20 > sample.len().max(1)
}

/// The line and column of the first `//` or `/*` comment in a file that
/// looks like JSON (its first character is `{` or `[`), outside strings.
/// A `//` counts only at the start of a line or after a space or comma, so
/// `http://` in a YAML flow value is not one.
pub fn json_comment(text: &str) -> Option<(usize, usize)> {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if !body.starts_with(['{', '[']) {
        return None;
    }
    let (mut line, mut column) = (1, 0);
    let mut in_string = false;
    let mut escaped = false;
    let mut previous = '\n';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                '\n' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if c == '/'
            && matches!(chars.peek(), Some('/' | '*'))
            && (previous.is_whitespace() || matches!(previous, ',' | '{' | '['))
        {
            return Some((line, column));
        }
        if c == '\n' {
            line += 1;
            column = 0;
        }
        previous = c;
    }
    None
}

/// The message for a comment in JSON at `line`:`column`.
pub(crate) fn json_comment_message(name: &str, line: usize, column: usize) -> String {
    say!(
        "{name}:{line}:{column}: JSON kent geen commentaar (// of /* */)\n    → haal het \
         commentaar weg; wil je aantekeningen bij je antwoorden, schrijf het bestand dan als YAML \
         (daar begint commentaar met #) of gebruik het veld notities",
        "{name}:{line}:{column}: JSON has no comments (// or /* */)\n    → remove the comment; \
         for notes with your answers, write the file as YAML (where a comment starts with #) or \
         use the field notities"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn utf16_with_a_mark_is_read() {
        let text = "versie: 1\r\nnotities: Zoë\r\n";
        assert_eq!(decode(utf16le(text, true), "x").unwrap(), text);
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(be, "x").unwrap(), text);
    }

    #[test]
    fn other_encodings_are_named() {
        let err = decode(utf16le("versie: 1\n", false), "x.yaml").unwrap_err();
        assert!(
            err.contains("UTF-16 (little-endian) zonder byte-order mark"),
            "{err}"
        );
        // "Zoë" in Windows-1252 on line 2.
        let err = decode(b"versie: 1\nnotities: Zo\xEB\n".to_vec(), "x.yaml").unwrap_err();
        assert!(err.starts_with("x.yaml:2:13: "), "{err}");
        assert!(err.contains("0xEB (in Windows-1252 een 'ë')"), "{err}");
        assert!(err.contains("Codering: UTF-8"), "{err}");
        let err = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "x.png").unwrap_err();
        assert!(err.contains("geen tekstbestand"), "{err}");
    }

    #[test]
    fn comments_in_json_are_found_outside_strings() {
        assert_eq!(json_comment("{\n  // x\n  \"a\": 1\n}"), Some((2, 3)));
        assert_eq!(json_comment("{\"a\": 1, /* x */ \"b\": 2}"), Some((1, 10)));
        assert_eq!(json_comment("{\"a\": \"http://x // y\"}"), None);
        assert_eq!(json_comment("{a: http://x}"), None);
        assert_eq!(json_comment("versie: 1 // x"), None);
    }
}
