//! Loading a question bank: the embedded default, or a file.
//!
//! The embedded bank is read on every run, from the JSON that `build.rs`
//! compiles from `data/bank.yaml`; a bank file (`--bank`, `voorwie
//! controleer`) and the YAML source itself are read with line and column,
//! through `base::yaml`. Loading only parses: [`check`](super::check) says
//! whether the content adds up.

use std::path::Path;

use crate::bank::{Bank, DEFAULT_BANK_NAME, DEFAULT_BANK_YAML};
use crate::base::error::{Error, Result};
use crate::base::text::Lang;
use crate::base::yaml;

/// Parses the embedded default bank.
///
/// This reads the JSON form that `build.rs` compiled from `data/bank.yaml`:
/// twenty times cheaper than the YAML, and the bank is needed on every run.
/// Places (line and column) are unknown in it; `default_bank_source` reads
/// the YAML when they matter.
pub fn default_bank() -> Result<Bank> {
    parse_embedded(DEFAULT_BANK_JSON)
}

/// The embedded default bank with the texts of one language: for Dutch a
/// copy without the translations, half the text to read on every run.
/// The ids of the continuum's steps in the embedded bank, for the shell
/// completions (`voorwie completions`); read only when those are written.
pub fn embedded_step_ids() -> Vec<String> {
    default_bank_in(Lang::Nl).map_or_else(
        |_| Vec::new(),
        |b| b.steps().iter().map(|s| s.id.value.clone()).collect(),
    )
}

pub(crate) fn default_bank_in(lang: Lang) -> Result<Bank> {
    match lang {
        Lang::Nl => parse_embedded(DEFAULT_BANK_JSON_NL),
        Lang::En => parse_embedded(DEFAULT_BANK_JSON),
    }
}

fn parse_embedded(json: &'static str) -> Result<Bank> {
    let mut bank: Bank = yaml::without_places(|| {
        crate::base::text::borrowing_from(json, || serde_json::from_str(json))
    })
    .map_err(|e| Error::Syntax(format!("{DEFAULT_BANK_NAME}: {e}")))?;
    bank.index_questions();
    Ok(bank)
}

/// The embedded default bank parsed from its YAML source, with the line and
/// column of everything in it (for `voorwie controleer`).
pub(crate) fn default_bank_source() -> Result<Bank> {
    parse_bank(DEFAULT_BANK_YAML, DEFAULT_BANK_NAME)
}

/// `data/bank.yaml` as JSON, made by `build.rs`.
const DEFAULT_BANK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bank.json"));

/// The same with only the Dutch texts.
const DEFAULT_BANK_JSON_NL: &str = include_str!(concat!(env!("OUT_DIR"), "/bank.nl.json"));

/// Reads and parses a bank file. This only parses; [`check`](super::check)
/// says whether the content adds up.
pub(crate) fn bank_file(path: &Path) -> Result<Bank> {
    let text = yaml::read_text(path)?;
    parse_bank(&text, &path.display().to_string())
}

/// Parses a bank from text; `name` is used in messages.
pub fn parse_bank(text: &str, name: &str) -> Result<Bank> {
    let mut bank: Bank = yaml::parse(text, name)?;
    bank.index_questions();
    Ok(bank)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_bank_parses() {
        let bank = default_bank().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(bank.continuum.value.len(), 5);
    }

    /// The JSON that build.rs compiles must be the same bank as the YAML
    /// it comes from: every field, in the same order.
    #[test]
    fn embedded_json_matches_yaml() {
        let from_json = default_bank().unwrap_or_else(|e| panic!("{e}"));
        let from_yaml = default_bank_source().unwrap_or_else(|e| panic!("{e}"));
        let a = serde_json::to_string_pretty(&from_json).unwrap();
        let b = serde_json::to_string_pretty(&from_yaml).unwrap();
        assert!(a.len() > 20_000, "the bank serialises to almost nothing");
        assert_eq!(a, b);
        assert!(from_json.question("startvraag").is_some());
    }

    /// The embedded bank lends its texts (the start-up saving of
    /// `text::borrowing_from`); a bank from a file owns them.
    #[test]
    fn the_embedded_bank_lends_its_texts() {
        for lang in [Lang::Nl, Lang::En] {
            let bank = default_bank_in(lang).unwrap();
            let lent = bank
                .questions
                .iter()
                .filter(|q| q.text.is_borrowed())
                .count();
            assert!(bank.name.is_borrowed());
            assert!(lent * 10 >= bank.questions.len() * 9, "{lent} lent");
        }
        let from_yaml = default_bank_source().unwrap();
        assert!(!from_yaml.name.is_borrowed());
        assert!(from_yaml.questions.iter().all(|q| !q.text.is_borrowed()));
    }

    /// The Dutch-only copy is the same bank, without the translations.
    #[test]
    fn the_dutch_copy_is_the_bank_without_english() {
        let full = default_bank_source().unwrap();
        let dutch = default_bank_in(Lang::Nl).unwrap();
        let mut expected = serde_json::to_value(&full).unwrap();
        fn strip(v: &mut serde_json::Value) {
            match v {
                serde_json::Value::Object(m) => {
                    if m.len() == 2 && m.contains_key("nl") && m.contains_key("en") {
                        *v = m["nl"].clone();
                        return;
                    }
                    m.values_mut().for_each(strip);
                }
                serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
                _ => {}
            }
        }
        strip(&mut expected);
        assert_eq!(serde_json::to_value(&dutch).unwrap(), expected);
        // That it has no translations left is tested with
        // `translations::missing`, in bank/translations.rs.
    }
}
