//! Texts that a content expert writes in the bank: Dutch, optionally with a
//! translation beside it.
//!
//! In YAML a text is either a plain string (Dutch) or a map with one entry per
//! language (`{nl: ..., en: ...}`). Keeping both forms valid means an existing
//! Dutch-only bank never has to change when translations are added.

use std::borrow::Cow;
use std::cell::Cell;
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
    // `Cow` so that the embedded default bank lends its texts instead of
    // copying them (see [`borrowing_from`]); texts from files are owned.
    nl: Cow<'static, str>,
    en: Option<Cow<'static, str>>,
}

impl Text {
    /// A Dutch-only text (used by tests and for texts built in code).
    pub fn nl(text: impl Into<String>) -> Self {
        Text {
            nl: Cow::Owned(text.into()),
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
    pub(crate) fn is_blank(&self) -> bool {
        self.nl.trim().is_empty()
    }

    /// Whether the Dutch text is lent by the embedded bank, not copied.
    #[cfg(test)]
    pub(crate) fn is_borrowed(&self) -> bool {
        matches!(self.nl, Cow::Borrowed(_))
    }
}

thread_local! {
    /// The `'static` text being parsed inside [`borrowing_from`]; empty
    /// otherwise.
    static SOURCE: Cell<&'static str> = const { Cell::new("") };
}

/// Runs `parse` so that every text read from `source` that appears in it
/// unchanged is borrowed from it rather than copied.
///
/// Every run of voorwie reads the embedded bank. Copying its few hundred
/// texts onto the heap cost about a sixth of the whole start-up time of
/// `voorwie kaart` (measured with `benches/startup.sh`: fresh heap pages,
/// not the copying itself). JSON strings without escapes come out of
/// serde_json as slices of the input, and [`text_from`] recognises those.
pub(crate) fn borrowing_from<R>(source: &'static str, parse: impl FnOnce() -> R) -> R {
    SOURCE.with(|s| s.set(source));
    let result = parse();
    SOURCE.with(|s| s.set(""));
    result
}

/// `v` as a slice of [`SOURCE`] when it is one, else a copy. Safe code: the
/// slice is taken from the source itself, and only when it starts at the
/// same address as `v`, so it is the very same text.
fn text_from(v: &str) -> Cow<'static, str> {
    let source = SOURCE.with(Cell::get);
    let start = (v.as_ptr() as usize).wrapping_sub(source.as_ptr() as usize);
    match source.get(start..start.wrapping_add(v.len())) {
        Some(lent) if !v.is_empty() && lent.as_ptr() == v.as_ptr() => Cow::Borrowed(lent),
        _ => Cow::Owned(v.to_owned()),
    }
}

/// One language's string inside a `{nl: ..., en: ...}` text.
struct Part(Cow<'static, str>);

impl<'de> Deserialize<'de> for Part {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PartVisitor;

        impl Visitor<'_> for PartVisitor {
            type Value = Part;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Part, E> {
                Ok(Part(text_from(v)))
            }
        }

        deserializer.deserialize_str(PartVisitor)
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
                f.write_str("a text per language")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text {
                    nl: text_from(v),
                    en: None,
                })
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
                        Key::Nl => nl = Some(map.next_value::<Part>()?.0),
                        Key::En => en = Some(map.next_value::<Part>()?.0),
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

    static JSON: &str = r#"["Gezin", "twee\nregels", {"nl": "Wijkteam", "en": "District team"}]"#;

    #[test]
    fn texts_of_a_static_source_are_borrowed_unless_unescaped() {
        let texts: Vec<Text> = borrowing_from(JSON, || serde_json::from_str(JSON)).unwrap();
        assert!(texts[0].is_borrowed());
        assert_eq!(texts[0].get(Lang::Nl), "Gezin");
        // An escape means serde_json had to build the string: a copy.
        assert!(!texts[1].is_borrowed());
        assert_eq!(texts[1].get(Lang::Nl), "twee\nregels");
        assert!(texts[2].is_borrowed());
        assert!(matches!(texts[2].en, Some(Cow::Borrowed("District team"))));
    }

    #[test]
    fn texts_are_copied_outside_borrowing_from() {
        let texts: Vec<Text> = serde_json::from_str(JSON).unwrap();
        assert!(texts.iter().all(|t| !t.is_borrowed()));
        // And a text from another string is never mistaken for a slice of
        // the source.
        let other = String::from(r#""Gezin""#);
        let t: Text = borrowing_from(JSON, || serde_json::from_str(&other)).unwrap();
        assert!(!t.is_borrowed());
        assert_eq!(t.get(Lang::En), "Gezin");
    }
}
