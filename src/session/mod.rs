//! The answers/session file: what `voorwie start` saves and `--antwoorden`
//! reads, and what every practice case under `data/voorbeelden/` is.
//!
//! This is the format of the command-line contract (see PRODUCT.md): `versie`,
//! optional `moment`, `antwoorden` (question id → option id, list of option
//! ids, or text), `doelen` (`{label, antwoorden}`), optional `notities`,
//! `overschrijving`, `beoordelaar` and `casus`. voorwie adds four optional
//! fields of its own: `datum` (when the session was held), `bank` (which
//! bank and version the answers belong to), `toelichting` (per question
//! a one-line why, for practice cases) and `onderbouwing` (why a practice
//! case's outcome is defensible, from the sources).
//!
//! Around the format sits everything else about a session, above the bank
//! it is read against and below the advice made from it: [`resolve`] checks
//! a session against the bank into [`responses`], `condition` says which
//! questions are asked and which rules apply, and `draft` keeps an
//! unfinished session on disk after every answer.

pub(crate) mod condition;
pub(crate) mod draft;
pub mod load;
pub mod resolve;
pub mod responses;

use std::fmt;

use indexmap::IndexMap;
use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::base::located::Located;

/// The session file format version this build writes and reads.
pub(crate) const FORMAT_VERSION: u32 = 1;

/// One session: the answers about one family at one moment.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    #[serde(rename = "versie")]
    pub version: Located<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank: Option<BankRef>,
    #[serde(rename = "datum", default, skip_serializing_if = "Option::is_none")]
    pub date: Option<SessionDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moment: Option<Located<String>>,
    #[serde(
        rename = "beoordelaar",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rater: Option<Rater>,
    #[serde(rename = "casus", default, skip_serializing_if = "Option::is_none")]
    pub case_text: Option<String>,
    /// For a practice case: why its outcome is defensible, with the source
    /// it comes from (one or two sentences).
    #[serde(
        rename = "onderbouwing",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rationale: Option<String>,
    #[serde(rename = "antwoorden", default, deserialize_with = "null_as_empty")]
    pub answers: Answers,
    #[serde(rename = "doelen", default, deserialize_with = "null_as_empty")]
    pub goals: Vec<Goal>,
    #[serde(
        rename = "overschrijving",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub override_: Option<Override>,
    #[serde(rename = "notities", default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Per question a one-line "why" for this answer (practice cases; shown
    /// in presenter mode).
    #[serde(
        rename = "toelichting",
        default,
        skip_serializing_if = "IndexMap::is_empty"
    )]
    pub explanations: Explanations,
}

impl Session {
    /// An empty session in the current format.
    pub fn new() -> Self {
        Session {
            version: Located::new(FORMAT_VERSION),
            ..Session::default()
        }
    }

    /// True when nothing has been filled in yet: no moment, case text,
    /// answers, goals, override or notes (only where and when it started).
    pub(crate) fn is_blank(&self) -> bool {
        self.moment.is_none()
            && self.case_text.is_none()
            && self.answers.is_empty()
            && self.goals.is_empty()
            && self.override_.is_none()
            && self.notes.is_none()
    }

    /// The goal with this label (compared case- and whitespace-insensitively).
    pub(crate) fn goal_index(&self, label: &str) -> Option<usize> {
        let key = goal_key(label);
        self.goals.iter().position(|g| goal_key(&g.label) == key)
    }
}

/// An empty field (`antwoorden:` with nothing under it, as in a template)
/// means: none yet.
fn null_as_empty<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// Normalises a goal label for matching, as a person reads it: case,
/// accents and spacing do not count (see [`crate::base::words::key`]).
pub(crate) fn goal_key(label: &str) -> String {
    crate::base::words::key(label)
}

/// When a session was held (`datum`), read as a date: ISO `2026-10-15`
/// or the Dutch `15-10-2026` (see `base::plain_text::parse_date`). An
/// impossible date is an error at its place. It is kept, written and
/// compared as ISO `yyyy-mm-dd`, so sorting by it is sorting by date; as a
/// `str` it is that ISO text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SessionDate(String);

impl SessionDate {
    /// A date from ISO text that voorwie made itself (today's date).
    pub fn from_iso(iso: &str) -> Option<SessionDate> {
        crate::base::plain_text::parse_date(iso)
            .ok()
            .map(SessionDate)
    }
}

impl std::ops::Deref for SessionDate {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Serialize for SessionDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SessionDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use crate::base::plain_text::{NotADate, parse_date};
        use crate::base::say::say;

        struct DateVisitor;

        impl Visitor<'_> for DateVisitor {
            type Value = SessionDate;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(crate::base::say::pick("een datum", "a date"))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<SessionDate, E> {
                let shown = crate::base::sanitize::line(v);
                let message = match parse_date(v) {
                    Ok(iso) => return Ok(SessionDate(iso)),
                    Err(NotADate::NoSuchDay) => say!(
                        "'{shown}' is geen bestaande datum",
                        "'{shown}' is not a date that exists"
                    ),
                    Err(NotADate::Form) => say!(
                        "'{shown}' is geen datum die voorwie kan lezen",
                        "'{shown}' is not a date voorwie can read"
                    ),
                };
                let fix = say!(
                    "schrijf de datum als jjjj-mm-dd of dd-mm-jjjj, bijvoorbeeld 2026-10-15 of 15-10-2026",
                    "write the date as yyyy-mm-dd or dd-mm-yyyy, for example 2026-10-15 or 15-10-2026"
                );
                Err(E::custom(crate::base::parse_errors::with_fix(
                    &message, &fix,
                )))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<SessionDate, E> {
                self.visit_str(&v.to_string())
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<SessionDate, E> {
                self.visit_str(&v.to_string())
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<SessionDate, E> {
                self.visit_str(&v.to_string())
            }
        }

        deserializer.deserialize_any(DateVisitor)
    }
}

/// Which bank (and version) a session was answered with.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct BankRef {
    pub id: String,
    #[serde(rename = "versie")]
    pub version: String,
}

/// Who rated the case, for comparing raters (no names needed: a label such as
/// "A" and a role such as "wijkteam").
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Rater {
    pub label: String,
    #[serde(rename = "rol", default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// A goal (hulpvraag) with its own answers.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub label: Located<String>,
    #[serde(rename = "antwoorden", default, deserialize_with = "null_as_empty")]
    pub answers: Answers,
    #[serde(
        rename = "overschrijving",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub override_: Option<Override>,
    #[serde(
        rename = "toelichting",
        default,
        skip_serializing_if = "IndexMap::is_empty"
    )]
    pub explanations: Explanations,
}

/// One line of explanation per question id.
pub type Explanations = IndexMap<Located<String>, String, rustc_hash::FxBuildHasher>;

/// The professional's own choice of step, with the reason. The suggestion is
/// kept beside it.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    #[serde(rename = "stap")]
    pub step: Located<String>,
    #[serde(rename = "reden")]
    pub reason: String,
}

/// Answers by question id, in the order they were given.
pub type Answers = IndexMap<Located<String>, Located<Answer>, rustc_hash::FxBuildHasher>;

/// One answer as written in the file. Whether a single string is an option id
/// or free text depends on the question, so the bank decides (see
/// [`resolve`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    One(String),
    Many(Vec<String>),
}

impl Answer {
    pub fn as_one(&self) -> Option<&str> {
        match self {
            Answer::One(s) => Some(s),
            Answer::Many(_) => None,
        }
    }
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::One(s) => serializer.serialize_str(s),
            Answer::Many(list) => list.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AnswerVisitor;

        impl<'de> Visitor<'de> for AnswerVisitor {
            type Value = Answer;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(crate::base::say::pick(
                    "een antwoord-id, een lijst van antwoord-ids of een tekst",
                    "an answer id, a list of answer ids or a text",
                ))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Answer, E> {
                Ok(Answer::One(v.to_owned()))
            }

            // Only `true` and `false` arrive here (the parser reads YAML
            // 1.2 booleans, so `yes`, `no`, `on` and `off` stay words). They
            // are kept as written, never turned into ja/nee: the bank says
            // whether they are an answer.
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Answer, E> {
                Ok(Answer::One(v.to_string()))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Answer, E> {
                Ok(Answer::One(v.to_string()))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Answer, E> {
                Ok(Answer::One(v.to_string()))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Answer, E> {
                Ok(Answer::One(v.to_string()))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Answer, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<String>()? {
                    items.push(item);
                }
                Ok(Answer::Many(items))
            }
        }

        deserializer.deserialize_any(AnswerVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goal_labels_match_ignoring_case_accents_and_spacing() {
        assert_eq!(
            goal_key("  Schulden   Stabiliseren "),
            "schulden stabiliseren"
        );
        assert_eq!(goal_key("Zoon naar school"), goal_key("zóón naar  SCHOOL"));
    }
}

/// The English words of a practice case (`data/en/voorbeelden/<name>.yaml`):
/// its case text, goal labels, explanations and notes. The answers stay in
/// the Dutch case file; only what people read is translated.
///
/// Goal labels of a practice case are content and are translated here. Goal
/// labels of a user's own session are that user's words and never are.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseTranslation {
    #[serde(rename = "casus", default)]
    pub case_text: Option<String>,
    /// Dutch goal label → translated label.
    #[serde(rename = "doelen", default)]
    pub goals: IndexMap<String, String>,
    /// Question id → translated explanation (case level).
    #[serde(rename = "toelichting", default)]
    pub explanations: IndexMap<String, String>,
    /// Dutch goal label → question id → translated explanation.
    #[serde(rename = "doel_toelichting", default)]
    pub goal_explanations: IndexMap<String, IndexMap<String, String>>,
    #[serde(rename = "notities", default)]
    pub notes: Option<String>,
    #[serde(rename = "onderbouwing", default)]
    pub rationale: Option<String>,
}
