//! Reading and writing session files (YAML or JSON), through
//! `base::yaml`, with its limits and Dutch messages.

use std::path::Path;

use crate::base::error::Result;
use crate::base::yaml;
use crate::session::{CaseTranslation, Session};

/// Reads and parses an answers/session file (YAML or JSON).
pub(crate) fn session_file(path: &Path) -> Result<Session> {
    let text = yaml::read_text(path)?;
    parse_session(&text, &path.display().to_string())
}

/// Parses a session from text; `name` is used in messages.
pub fn parse_session(text: &str, name: &str) -> Result<Session> {
    yaml::parse(text, name)
}

/// Parses the translation of a practice case.
pub(crate) fn parse_case_translation(text: &str, name: &str) -> Result<CaseTranslation> {
    yaml::parse(text, name)
}

/// Serialises a session as YAML, the format `voorwie start` saves.
pub(crate) fn session_to_yaml(session: &Session) -> String {
    // Serialising plain data to a String cannot fail; keep the error path
    // anyway rather than panic.
    serde_saphyr::to_string(session).unwrap_or_else(|e| format!("# fout bij opslaan: {e}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_an_error_with_a_place() {
        let err = parse_session(
            "versie: 1\nmoment: evaluatie\nmoment: evaluatie\n",
            "x.yaml",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("x.yaml:3:"), "{err}");
        assert!(err.contains("tweede keer"), "{err}");
    }

    #[test]
    fn yaml_words_are_never_turned_into_ja_or_nee() {
        let s = parse_session(
            "versie: 1\nantwoorden:\n  a: off\n  b: yes\n  c: y\n  d: On\n  e: true\n  f: [no, NO]\n",
            "x.yaml",
        )
        .unwrap();
        let got: Vec<String> = s
            .answers
            .values()
            .map(|a| match &a.value {
                crate::session::Answer::One(s) => s.clone(),
                crate::session::Answer::Many(l) => l.join(","),
            })
            .collect();
        assert_eq!(got, ["off", "yes", "y", "On", "true", "no,NO"]);
    }
}
