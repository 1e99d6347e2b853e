//! Reading files and parsing YAML: the only place that parses YAML.
//!
//! Everything voorwie reads goes through here, with the same limits: files
//! over [`MAX_FILE_BYTES`] are refused before parsing, and the parser runs
//! with a budget (nesting depth, number of nodes and aliases) so that an
//! alias bomb or a deeply nested file is rejected quickly in bounded memory.
//! Duplicate keys are an error, not "last one wins". JSON answers files are
//! read with the same parser (JSON is YAML), so they get the same limits and
//! the same messages. What is read (a bank, a session, a draft) is decided
//! by the layers above: `bank::load`, `session::load` and `session::draft`.
//!
//! Parse errors are rendered in Dutch as `file:line:column: message`, with
//! the offending lines of the file underneath.

use std::borrow::Cow;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_saphyr::{Error as YamlError, Localizer, Location, MessageFormatter, Spanned};

use crate::base::error::{Error, Result};
use crate::base::located::{Located, Pos};

/// The largest file voorwie reads (1 MiB). A bank is about 40 KiB and a
/// session a few KiB; anything near this size is not what the user meant.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Reads a text file of at most [`MAX_FILE_BYTES`], without ever reading more
/// than that from it (it may be a device or a pipe that never ends).
pub fn read_text(path: &Path) -> Result<String> {
    let name = path.display().to_string();
    let read_err = |source| Error::Read {
        file: name.clone(),
        cause: source,
    };
    let file = File::open(path).map_err(read_err)?;
    let meta = file.metadata().map_err(read_err)?;
    if meta.is_dir() {
        return Err(read_err(std::io::Error::from(
            std::io::ErrorKind::IsADirectory,
        )));
    }
    if meta.is_file() && meta.len() > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            file: name,
            size: meta.len(),
            max: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            file: name,
            size: bytes.len() as u64,
            max: MAX_FILE_BYTES,
        });
    }
    String::from_utf8(bytes)
        .map_err(|_| read_err(std::io::Error::from(std::io::ErrorKind::InvalidData)))
}

thread_local! {
    /// Set while reading JSON (see [`without_places`]): serde-saphyr's
    /// `Spanned` only understands YAML, so [`Located`] values are then read
    /// plainly.
    static PLAIN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `read` with every [`Located`] value read plainly, without a place:
/// for the embedded bank, which is JSON.
pub(crate) fn without_places<R>(read: impl FnOnce() -> R) -> R {
    PLAIN.with(|plain| {
        plain.set(true);
        let result = read();
        plain.set(false);
        result
    })
}

/// A string as a YAML scalar (quoted where needed), for hand-built files.
pub fn yaml_scalar(s: &str) -> String {
    serde_saphyr::to_string(&s)
        .map(|t| t.trim_end().to_owned())
        .unwrap_or_else(|_| format!("{s:?}"))
}

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 32,
            max_nodes: 100_000,
            max_events: 250_000,
            max_documents: 1,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_total_scalar_bytes: 2 * MAX_FILE_BYTES as usize,
            max_recorded_anchor_events: 50_000,
            max_recorded_anchor_bytes: 2 * MAX_FILE_BYTES as usize,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 50_000,
            max_replay_stack_depth: 16,
            max_alias_expansions_per_anchor: 100,
        },
    }
}

/// Parses YAML (or JSON) text into `T`, within the budget; `name` is used
/// in messages.
pub(crate) fn parse<T: DeserializeOwned>(text: &str, name: &str) -> Result<T> {
    serde_saphyr::from_str_with_options(text, options())
        .map_err(|e| Error::Syntax(render(&e, name)))
}

/// `file:line:column: message` followed by the snippet serde-saphyr draws
/// (which strips terminal control characters from the file's text).
fn render(err: &YamlError, name: &str) -> String {
    let formatter = DutchFormatter;
    let message = formatter.format_message(err.without_snippet());
    let message = neutralise(&message);
    let place = match err.location() {
        Some(loc) if loc != Location::UNKNOWN => format!("{name}:{}:{}", loc.line(), loc.column()),
        _ => name.to_owned(),
    };
    let rendered = err.render_with_formatter(&formatter);
    // The rendered form starts with its own "line X column Y: message" line;
    // keep only the snippet below it.
    // Its "--> <input>:line:col" line repeats the place we already give.
    let snippet: Vec<&str> = rendered
        .lines()
        .skip(1)
        .filter(|l| !l.trim_start().starts_with("-->"))
        .collect();
    if snippet.iter().any(|l| l.contains('|')) {
        format!("{place}: {message}\n{}", snippet.join("\n"))
    } else {
        format!("{place}: {message}")
    }
}

/// Replaces control characters so a message can never drive the terminal.
fn neutralise(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        if PLAIN.with(std::cell::Cell::get) {
            return T::deserialize(deserializer).map(Located::new);
        }
        let spanned = Spanned::<T>::deserialize(deserializer)?;
        let loc = spanned.referenced;
        let pos = if loc == Location::UNKNOWN {
            Pos::UNKNOWN
        } else {
            Pos {
                line: u32::try_from(loc.line()).unwrap_or(u32::MAX),
                column: u32::try_from(loc.column()).unwrap_or(u32::MAX),
            }
        };
        Ok(Located::at(spanned.value, pos))
    }
}

/// Dutch wording for the parse errors a person editing a file can meet.
struct DutchFormatter;

impl MessageFormatter for DutchFormatter {
    fn localizer(&self) -> &dyn Localizer {
        &DutchLocalizer
    }

    fn format_message<'a>(&self, err: &'a YamlError) -> Cow<'a, str> {
        use serde_saphyr::Error as E;
        let text = match err {
            E::SerdeUnknownField {
                field, expected, ..
            } => format!(
                "onbekend veld '{field}'. Toegestaan zijn: {}",
                expected.join(", ")
            ),
            E::SerdeMissingField { field, .. } => {
                format!("het verplichte veld '{field}' ontbreekt")
            }
            E::SerdeInvalidType {
                unexpected,
                expected,
                ..
            } => format!(
                "hier staat {}, maar er hoort {} te staan",
                dutch_kind(unexpected),
                dutch_kind(expected)
            ),
            E::SerdeInvalidValue {
                unexpected,
                expected,
                ..
            } => format!(
                "ongeldige waarde {}; verwacht {}",
                dutch_kind(unexpected),
                dutch_kind(expected)
            ),
            E::SerdeUnknownVariant {
                variant, expected, ..
            } => format!(
                "onbekende waarde '{variant}'. Kies uit: {}",
                expected.join(", ")
            ),
            E::DuplicateMappingKey { key, .. } => match key {
                Some(k) => format!(
                    "'{k}' staat hier voor de tweede keer; elke sleutel mag maar één keer voorkomen"
                ),
                None => "deze sleutel staat er twee keer; elke sleutel mag maar één keer voorkomen"
                    .to_owned(),
            },
            E::InvalidScalar { ty, .. } => {
                format!("hier hoort {} te staan", dutch_kind(ty))
            }
            E::Unexpected { expected, .. } => {
                format!("hier hoort {} te staan", dutch_kind(expected))
            }
            E::NullIntoString { .. } => {
                "hier hoort een tekst te staan, maar de waarde is leeg".to_owned()
            }
            E::Eof { .. } => "het bestand houdt onverwacht op".to_owned(),
            E::MultipleDocuments { .. } => {
                "het bestand bevat meer dan één YAML-document (---); gebruik er één".to_owned()
            }
            E::InvalidUtf8Input => "het bestand is geen geldige UTF-8-tekst".to_owned(),
            E::Budget { breach, .. } => format!(
                "het bestand is te groot of te complex om veilig te lezen ({}); \
                 is dit een geldig voorwie-bestand?",
                dutch_breach(&format!("{breach:?}"))
            ),
            E::AliasReplayLimitExceeded { .. }
            | E::AliasExpansionLimitExceeded { .. }
            | E::AliasReplayStackDepthExceeded { .. }
            | E::AliasReplayCounterOverflow { .. } => {
                "te veel verwijzingen naar ankers (&/*): dit lijkt op een 'billion laughs'-bestand \
                 en wordt niet gelezen"
                    .to_owned()
            }
            E::UnknownAnchor { .. } => {
                "verwijzing (*) naar een anker (&) dat niet bestaat".to_owned()
            }
            // An error at an alias use: describe the error itself.
            E::AliasError { error, .. } => {
                return Cow::Owned(self.format_message(error).into_owned());
            }
            E::ExternalMessage { msg, .. } => format!("ongeldige YAML: {}", dutch_scan(msg)),
            E::Message { msg, .. } => dutch_kind(msg),
            other => serde_saphyr::UserMessageFormatter
                .format_message(other)
                .into_owned(),
        };
        Cow::Owned(text)
    }
}

/// Location wording in Dutch for the snippet lines.
struct DutchLocalizer;

impl Localizer for DutchLocalizer {
    fn attach_location<'a>(&self, base: Cow<'a, str>, loc: Location) -> Cow<'a, str> {
        if loc == Location::UNKNOWN {
            base
        } else {
            Cow::Owned(format!(
                "{base} (regel {}, kolom {})",
                loc.line(),
                loc.column()
            ))
        }
    }

    fn error_here(&self) -> Cow<'static, str> {
        Cow::Borrowed("hier")
    }

    fn value_used_here(&self) -> Cow<'static, str> {
        Cow::Borrowed("hier gebruikt")
    }

    fn defined_here(&self) -> Cow<'static, str> {
        Cow::Borrowed("(hier gedefinieerd)")
    }

    fn anchor_defined_here(&self) -> Cow<'static, str> {
        Cow::Borrowed("anker hier gedefinieerd")
    }
}

/// Translates the type descriptions serde uses ("a sequence", "u32", ...).
fn dutch_kind(s: &str) -> String {
    let table: &[(&str, &str)] = &[
        ("string scalar", "een enkele waarde (tekst of getal)"),
        ("scalar", "een enkele waarde (tekst of getal)"),
        ("sequence start", "een lijst"),
        ("mapping start", "een mapping (sleutel: waarde)"),
        ("a sequence", "een lijst"),
        ("sequence", "een lijst"),
        ("a map", "een mapping (sleutel: waarde)"),
        ("map", "een mapping (sleutel: waarde)"),
        ("a string", "een tekst"),
        ("string", "een tekst"),
        ("a boolean", "ja of nee"),
        ("boolean", "ja of nee"),
        ("an integer", "een geheel getal"),
        ("integer", "een geheel getal"),
        ("i32", "een geheel getal"),
        ("u32", "een geheel getal (0 of meer)"),
        ("f64", "een getal"),
        ("floating point", "een getal"),
        ("unit value", "een lege waarde"),
        ("null", "een lege waarde"),
    ];
    let trimmed = s.trim();
    for (en, nl) in table {
        if trimmed.eq_ignore_ascii_case(en) {
            return (*nl).to_owned();
        }
    }
    // Serde writes `struct X` / `enum X`; keep the rest as it is.
    if let Some(rest) = trimmed.strip_prefix("struct ") {
        return format!("een mapping ({rest})");
    }
    if let Some(rest) = trimmed.strip_prefix("enum ") {
        return format!("een keuze ({rest})");
    }
    for (en, nl) in table {
        if let Some(rest) = trimmed.strip_prefix(&format!("{en} ")) {
            return format!("{nl} {rest}");
        }
    }
    trimmed.to_owned()
}

fn dutch_breach(debug: &str) -> String {
    let lower = debug.to_lowercase();
    if lower.contains("depth") {
        "te diep genest".into()
    } else if lower.contains("alias") || lower.contains("anchor") {
        "te veel verwijzingen naar ankers".into()
    } else if lower.contains("document") {
        "meer dan één document".into()
    } else if lower.contains("scalar") {
        "te veel tekst".into()
    } else {
        "te veel elementen".into()
    }
}

/// The most common YAML syntax errors, in Dutch; anything else stays as the
/// parser wrote it.
fn dutch_scan(msg: &str) -> String {
    let table: &[(&str, &str)] = &[
        (
            "mapping values are not allowed",
            "een dubbele punt met spatie (': ') midden in een tekst; zet de tekst tussen aanhalingstekens",
        ),
        (
            "did not find expected key",
            "ongeldige inspringing of een ontbrekende sleutel",
        ),
        (
            "did not find expected node content",
            "er ontbreekt een waarde",
        ),
        (
            "found character that cannot start any token",
            "een teken dat hier niet mag staan (bijvoorbeeld een tab of een @); zet de tekst tussen aanhalingstekens",
        ),
        (
            "tabs disallowed",
            "een tab voor inspringing; gebruik spaties",
        ),
        (
            "found unexpected end of stream",
            "het bestand houdt onverwacht op (mist er een aanhalingsteken of haakje?)",
        ),
        (
            "did not find expected ',' or ']'",
            "een lijst [ ... ] is niet goed afgesloten",
        ),
        (
            "did not find expected ',' or '}'",
            "een mapping { ... } is niet goed afgesloten",
        ),
        ("invalid indentation", "ongeldige inspringing"),
    ];
    for (en, nl) in table {
        if msg.contains(en) {
            return (*nl).to_owned();
        }
    }
    msg.to_owned()
}
