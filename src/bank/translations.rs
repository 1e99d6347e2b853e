//! Which texts of a bank have no translation yet, for `voorwie controleer`.
//!
//! A text in the bank is Dutch, or a map with one entry per language. This
//! walks the bank as the data it serialises to and names every text field
//! that is still a plain (Dutch-only) string, with a path a content expert
//! can find in the file: `vragen[afhankelijkheid].opties[na_elkaar].anker`.

use serde_json::Value;

use super::Bank;
use super::text_fields::{TEXT_FIELDS, TEXT_MAP_FIELDS};
use crate::base::text::Lang;

/// The paths of the texts without a translation into `lang`. Dutch is the
/// original, so nothing is ever missing in Dutch.
pub fn missing(bank: &Bank, lang: Lang) -> Vec<String> {
    let key = match lang {
        Lang::Nl => return Vec::new(),
        Lang::En => "en",
    };
    let Ok(value) = serde_json::to_value(bank) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    walk(&value, "", key, &mut out);
    out
}

fn walk(value: &Value, path: &str, lang: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let here = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                if TEXT_FIELDS.contains(&k.as_str()) {
                    check_text(v, &here, lang, out);
                } else if let (true, Value::Object(texts)) =
                    (TEXT_MAP_FIELDS.contains(&k.as_str()), v)
                {
                    for (id, text) in texts {
                        check_text(text, &format!("{here}.{id}"), lang, out);
                    }
                } else {
                    walk(v, &here, lang, out);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                // Name list items by their id where they have one.
                let name = item
                    .get("id")
                    .and_then(Value::as_str)
                    .map_or_else(|| (i + 1).to_string(), str::to_owned);
                walk(item, &format!("{path}[{name}]"), lang, out);
            }
        }
        _ => {}
    }
}

fn check_text(value: &Value, path: &str, lang: &str, out: &mut Vec<String>) {
    match value {
        Value::String(_) => out.push(path.to_owned()),
        Value::Object(map) if !map.contains_key(lang) => out.push(path.to_owned()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_text(item, &format!("{path}[{}]", i + 1), lang, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_bank_is_fully_translated() {
        let bank = crate::bank::load::default_bank().unwrap();
        assert_eq!(missing(&bank, Lang::En), Vec::<String>::new());
    }

    /// The Dutch-only copy of the embedded bank has no translations left;
    /// the full one has them all.
    #[test]
    fn the_dutch_copy_has_no_translations_left() {
        let dutch = crate::bank::load::default_bank_in(Lang::Nl).unwrap();
        assert!(missing(&dutch, Lang::En).len() > 300);
        let english = crate::bank::load::default_bank_in(Lang::En).unwrap();
        assert!(missing(&english, Lang::En).is_empty());
    }

    #[test]
    fn an_untranslated_text_is_named_by_its_path() {
        let yaml = crate::bank::DEFAULT_BANK_YAML.replacen(
            "    naam:\n      nl: Niveau van het gezin\n      en: Family level\n",
            "    naam: Niveau van het gezin\n",
            1,
        );
        assert_ne!(
            yaml,
            crate::bank::DEFAULT_BANK_YAML,
            "the test edits the bank"
        );
        let bank = crate::bank::load::parse_bank(&yaml, "x.yaml").unwrap();
        assert_eq!(missing(&bank, Lang::En), vec!["niveaus[gezin].naam"]);
        assert!(missing(&bank, Lang::Nl).is_empty());
    }
}
