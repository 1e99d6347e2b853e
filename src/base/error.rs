//! The errors the library reports. Every message is Dutch, names the file
//! where there is one, and says what to do; the binary prints it once and
//! turns it into an exit code.

use std::io;

use thiserror::Error;

use crate::base::problem::Problems;

/// Everything that can go wrong in voorwie.
#[derive(Debug, Error)]
pub enum Error {
    /// A file could not be read.
    #[error("kan '{file}' niet lezen: {}", io_reason(.cause))]
    Read { file: String, cause: io::Error },

    /// A file could not be written.
    #[error("kan '{file}' niet schrijven: {}", io_reason(.cause))]
    Write { file: String, cause: io::Error },

    /// A file is larger than voorwie will read.
    #[error(
        "'{file}' is te groot ({size} bytes). voorwie leest bestanden tot {max} bytes; \
         is dit wel een vragenbank of antwoordenbestand?"
    )]
    TooLarge { file: String, size: u64, max: u64 },

    /// The file is not valid YAML or JSON, or does not have the expected
    /// shape. The message already holds the place and a source snippet.
    #[error("{0}")]
    Syntax(String),

    /// The file loaded but its content does not add up.
    #[error("{0}")]
    Invalid(Problems),

    /// The user asked for something that does not exist (an unknown step, an
    /// unknown practice case) or combined options that do not go together.
    #[error("{0}")]
    Usage(String),

    /// An output file exists and `--force` was not given.
    #[error("'{0}' bestaat al. Kies een andere naam of gebruik --force om het te overschrijven.")]
    Exists(String),

    /// The interactive session needs a terminal.
    #[error(
        "de sessie is interactief en heeft een terminal nodig, maar de invoer komt niet \
         van een terminal.\n    → Start voorwie in een terminal, of geef je antwoorden \
         mee met: voorwie start --antwoorden BESTAND"
    )]
    NotATerminal,

    /// The user stopped the session (Ctrl-C, or the terminal went away).
    /// Prompters report this; the session turns it into [`Error::Paused`].
    #[error("sessie onderbroken")]
    Interrupted,

    /// The session stopped; `kept` says what happened to its answers.
    /// It is said in the language of the session.
    #[error("{}", { let ui = crate::base::ui::ui(*.lang); match .kept {
        Kept::Draft => ui.paused,
        Kept::Failed => ui.paused_unsaved,
        Kept::Nothing => ui.paused_nothing,
    } })]
    Paused {
        kept: Kept,
        lang: crate::base::text::Lang,
    },

    /// Writing to the terminal or a prompt failed.
    #[error("de terminal gaf een fout: {}", io_reason(.0))]
    Terminal(io::Error),
}

/// What became of the answers of a session that stopped halfway.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// They are in a draft, to continue with `voorwie start --hervat`.
    Draft,
    /// There was no place to save them (no data directory for drafts).
    Failed,
    /// Nothing had been answered yet, so there was nothing to keep.
    Nothing,
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

/// A Dutch reason for an I/O error, for the kinds a user can do something
/// about; the system's own text otherwise.
pub(crate) fn io_reason(err: &io::Error) -> String {
    use io::ErrorKind as K;
    match err.kind() {
        K::NotFound => "het bestand of de map bestaat niet".into(),
        K::PermissionDenied => "geen toegang (controleer de rechten)".into(),
        K::AlreadyExists => "het bestand bestaat al".into(),
        K::IsADirectory => "dit is een map, geen bestand".into(),
        K::NotADirectory => "een deel van het pad is geen map".into(),
        K::InvalidData => "het bestand is geen geldige UTF-8-tekst".into(),
        K::StorageFull => "de schijf is vol".into(),
        K::ReadOnlyFilesystem => "de schijf is alleen-lezen".into(),
        K::BrokenPipe => "de uitvoer is afgesloten".into(),
        _ => err.to_string(),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
