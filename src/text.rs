//! Texts that a content expert writes in the bank: Dutch, optionally with a
//! translation beside it.
//!
//! In YAML a text is either a plain string (Dutch) or a map with one entry per
//! language (`{nl: ..., en: ...}`). Keeping both forms valid means an existing
//! Dutch-only bank never has to change when translations are added.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The language the user reads. Dutch is the language of the source and the
/// default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

/// A text from the bank, with its Dutch original and an optional translation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    nl: String,
    en: Option<String>,
}

impl Text {
    /// A Dutch-only text (used by tests and for texts built in code).
    pub fn nl(text: impl Into<String>) -> Self {
        Text {
            nl: text.into(),
            en: None,
        }
    }

    /// The text in `lang`, falling back to Dutch when there is no translation.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => self.en.as_deref().unwrap_or(&self.nl),
        }
    }

    /// Whether a translation exists for `lang` (Dutch always exists).
    pub fn has(&self, lang: Lang) -> bool {
        match lang {
            Lang::Nl => true,
            Lang::En => self.en.is_some(),
        }
    }

    /// True when the Dutch text is empty or only whitespace.
    pub fn is_blank(&self) -> bool {
        self.nl.trim().is_empty()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.nl)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.en {
            None => serializer.serialize_str(&self.nl),
            Some(en) => {
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("nl", &self.nl)?;
                map.serialize_entry("en", en)?;
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("een tekst, of per taal een tekst (nl: ..., en: ...)")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::nl(v))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                // The language keys as an identifier: no allocation per key
                // (the bank has hundreds of texts and is read on every run).
                #[derive(Deserialize)]
                #[serde(field_identifier, rename_all = "lowercase")]
                enum Key {
                    Nl,
                    En,
                }
                let mut nl = None;
                let mut en = None;
                while let Some(key) = map.next_key::<Key>()? {
                    match key {
                        Key::Nl => nl = Some(map.next_value::<String>()?),
                        Key::En => en = Some(map.next_value::<String>()?),
                    }
                }
                let nl = nl.ok_or_else(|| de::Error::missing_field("nl"))?;
                Ok(Text { nl, en })
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_dutch_without_translation() {
        let t = Text::nl("Gezin");
        assert_eq!(t.get(Lang::En), "Gezin");
        assert!(!t.has(Lang::En));
    }
}
