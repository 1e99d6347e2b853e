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
//! Parse errors are rendered as `file:line:column: message`, the fix on the
//! next line and the offending lines of the file underneath, in the
//! language of messages (the words are in `base::parse_errors`).

use std::fs::File;
use std::io::Read;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_saphyr::{Error as YamlError, Location, Spanned};

use crate::base::error::{Error, Result};
use crate::base::located::{Located, Pos};
use crate::base::parse_errors;

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
    crate::base::encoding::decode(bytes, &name).map_err(Error::Syntax)
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
        // YAML 1.2 booleans only: `yes`, `no`, `on`, `off`, `y` and `n` are
        // words, as a person reads them, never silently true or false.
        strict_booleans: true,
        // `07` stays "07", not the number 7.
        leading_zero_numbers_as_strings: true,
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
    if let Some((line, column)) = crate::base::encoding::json_comment(text) {
        return Err(Error::Syntax(crate::base::encoding::json_comment_message(
            name, line, column,
        )));
    }
    serde_saphyr::from_str_with_options(text, options())
        .map_err(|e| Error::Syntax(render(&e, text, name)))
}

/// `file:line:column: message`, the fix on the next line, and the lines
/// of the file at that place (see `base::parse_errors`).
fn render(err: &YamlError, text: &str, name: &str) -> String {
    let (message, fix) = parse_errors::explain(err);
    let (message, fix) = (neutralise(&message), neutralise(&fix));
    let known = err.location().filter(|loc| *loc != Location::UNKNOWN);
    let Some(loc) = known else {
        return format!("{name}: {message}\n    → {fix}");
    };
    let (line, column) = parse_errors::place(
        text,
        usize::try_from(loc.line()).unwrap_or(usize::MAX),
        usize::try_from(loc.column()).unwrap_or(usize::MAX),
        parse_errors::is_about_a_tab(err),
    );
    let mut out = format!("{name}:{line}:{column}: {message}\n    → {fix}");
    if let Some(snippet) = parse_errors::snippet(text, line, column) {
        out.push('\n');
        out.push_str(&snippet);
    }
    out
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
