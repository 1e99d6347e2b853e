//! The errors the library reports. Every message is in the language of
//! messages (Dutch, or English under `--taal en`; see [`say`]), names the
//! file where there is one, and says what to do; the binary prints it once
//! and turns it into an exit code.
//!
//! [`say`]: crate::base::say

use std::io;

use crate::base::problem::Problems;
use crate::base::say::{pick, say};

/// Everything that can go wrong in voorwie.
///
/// The message is built by [`Error::message`] in the language of messages,
/// so every variant shares one `#[error]` format.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message())]
pub enum Error {
    /// A file could not be read.
    Read { file: String, cause: io::Error },

    /// A file could not be written.
    Write { file: String, cause: io::Error },

    /// A file is larger than voorwie will read.
    TooLarge { file: String, size: u64, max: u64 },

    /// The file is not valid YAML or JSON, or does not have the expected
    /// shape. The message already holds the place and a source snippet.
    Syntax(String),

    /// The file loaded but its content does not add up.
    Invalid(Problems),

    /// The user asked for something that does not exist (an unknown step, an
    /// unknown practice case) or combined options that do not go together.
    Usage(String),

    /// An output file exists and `--force` was not given.
    Exists(String),

    /// `-o` names something voorwie will not write to or replace: a block
    /// device, a socket, a link to nowhere. `why` says what it is.
    NotAFile { file: String, why: String },

    /// The interactive session needs a terminal.
    NotATerminal,

    /// The user stopped the session (Ctrl-C, or the terminal went away).
    /// Prompters report this; the session turns it into [`Error::Paused`].
    Interrupted,

    /// The session stopped; `kept` says what happened to its answers.
    /// It is said in the language of the session.
    Paused {
        kept: Kept,
        lang: crate::base::text::Lang,
    },

    /// Writing to the terminal or a prompt failed.
    Terminal(io::Error),
}

impl Error {
    /// The message for the user, in the language of messages.
    fn message(&self) -> String {
        match self {
            Error::Read { file, cause } => {
                let why = io_reason(cause);
                say!(
                    "kan '{file}' niet lezen: {why}",
                    "cannot read '{file}': {why}"
                )
            }
            Error::Write { file, cause } => {
                let why = io_reason(cause);
                say!(
                    "kan '{file}' niet schrijven: {why}",
                    "cannot write '{file}': {why}"
                )
            }
            Error::TooLarge { file, size, max } => say!(
                "'{file}' is te groot ({size} bytes). voorwie leest bestanden tot {max} bytes; \
                 is dit wel een vragenbank of antwoordenbestand?",
                "'{file}' is too large ({size} bytes). voorwie reads files of up to {max} bytes; \
                 is this really a question bank or an answers file?"
            ),
            Error::Syntax(message) | Error::Usage(message) => message.clone(),
            Error::Invalid(problems) => problems.to_string(),
            Error::Exists(file) => say!(
                "'{file}' bestaat al. Kies een andere naam of gebruik --force om het te overschrijven.",
                "'{file}' already exists. Choose another name or use --force to overwrite it."
            ),
            Error::NotAFile { file, why } => say!(
                "voorwie schrijft niet naar '{file}': {why}.\n    → Kies met -o een gewoon bestand.",
                "voorwie does not write to '{file}': {why}.\n    → Choose an ordinary file with -o."
            ),
            Error::NotATerminal => say!(
                "de sessie is interactief en heeft een terminal nodig, maar de invoer komt niet \
                 van een terminal.\n    → Start voorwie in een terminal, of geef je antwoorden \
                 mee met: voorwie start --antwoorden BESTAND",
                "the session is interactive and needs a terminal, but the input does not come \
                 from a terminal.\n    → Start voorwie in a terminal, or give your answers \
                 with: voorwie start --antwoorden FILE"
            ),
            Error::Interrupted => pick("sessie onderbroken", "session paused").to_owned(),
            Error::Paused { kept, lang } => {
                let ui = crate::base::ui::ui(*lang);
                match kept {
                    Kept::Draft => ui.paused.to_owned(),
                    Kept::Failed => ui.paused_unsaved.to_owned(),
                    Kept::Nothing => ui.paused_nothing.to_owned(),
                    Kept::Partly {
                        file,
                        saved,
                        total,
                        error,
                    } => crate::base::ui::fill(
                        ui.paused_partly,
                        &[
                            ("file", file),
                            ("saved", &saved.to_string()),
                            ("total", &total.to_string()),
                            ("error", error),
                        ],
                    ),
                }
            }
            Error::Terminal(cause) => {
                let why = io_reason(cause);
                say!(
                    "de terminal gaf een fout: {why}",
                    "the terminal gave an error: {why}"
                )
            }
        }
    }
}

/// What became of the answers of a session that stopped halfway.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kept {
    /// They are in a draft, to continue with `voorwie start --hervat`.
    Draft,
    /// There was no place to save them (no data directory for drafts).
    Failed,
    /// Nothing had been answered yet, so there was nothing to keep.
    Nothing,
    /// The draft holds `saved` of the `total` answers: saving failed after
    /// that, for `error`.
    Partly {
        file: String,
        saved: usize,
        total: usize,
        error: String,
    },
}

impl Error {
    /// Exit code: 2 for usage errors, 1 for everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Interrupted | Error::Paused { .. } => 130,
            _ => 1,
        }
    }
}

/// A reason for an I/O error, for the kinds a user can do something
/// about; the system's own text otherwise.
pub(crate) fn io_reason(err: &io::Error) -> String {
    use io::ErrorKind as K;
    let (nl, en) = match err.kind() {
        K::NotFound => (
            "het bestand of de map bestaat niet",
            "the file or folder does not exist",
        ),
        K::PermissionDenied => (
            "geen toegang (controleer de rechten)",
            "permission denied (check the access rights)",
        ),
        K::AlreadyExists => ("het bestand bestaat al", "the file already exists"),
        K::IsADirectory => (
            "dit is een map, geen bestand",
            "this is a folder, not a file",
        ),
        K::NotADirectory => (
            "een deel van het pad is geen map",
            "part of the path is not a folder",
        ),
        K::InvalidData => (
            "het bestand is geen geldige UTF-8-tekst",
            "the file is not valid UTF-8 text",
        ),
        K::StorageFull => ("de schijf is vol", "the disk is full"),
        K::ReadOnlyFilesystem => ("de schijf is alleen-lezen", "the disk is read-only"),
        K::BrokenPipe => ("de uitvoer is afgesloten", "the output was closed"),
        _ => return err.to_string(),
    };
    pick(nl, en).to_owned()
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
