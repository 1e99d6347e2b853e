//! What the user asked for, as plain data. The binary fills this from the
//! command line; the library never sees clap.

use std::path::PathBuf;

use crate::base::text::Lang;
use crate::interview::Depth;
use crate::render::Format;

/// One run of voorwie.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub command: Command,
    /// Another question bank instead of the embedded default.
    pub bank: Option<PathBuf>,
    pub format: Format,
    /// `--format` was given (not the default): `tekst` then means the same
    /// plain text on a terminal as in a pipe, without tables or colour.
    pub format_given: bool,
    /// Write the output to this file instead of stdout.
    pub output: Option<PathBuf>,
    /// Overwrite an existing output file.
    pub force: bool,
    pub color: ColorChoice,
    /// The language of everything the user reads.
    pub lang: Lang,
    /// No messages or warnings on stderr (`-q`); errors are still shown.
    pub quiet: bool,
    /// Also copy the `tekst` summary to the clipboard (`--klembord`).
    pub clipboard: bool,
    /// The long form of the summary (`--uitgebreid`).
    pub long: bool,
}

/// When to use colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set or `TERM=dumb`.
    #[default]
    Auto,
    Always,
    Never,
}

/// The subcommands.
#[derive(Clone, Debug)]
pub enum Command {
    /// The session: interactive, or from an answers file.
    Start {
        answers: Option<PathBuf>,
        depth: Depth,
        /// Continue an unfinished session (`--hervat`).
        resume: bool,
        /// Start from a practice case: its text, moment and goals (`--casus`).
        case: Option<String>,
        /// Who rates, for comparing raters (`--beoordelaar`, `--rol`).
        rater: Option<String>,
        role: Option<String>,
    },
    /// The pocket card.
    Card,
    /// The continuum, or one step in depth.
    Continuum { step: Option<String> },
    /// The practice cases, or one of them: its outcome, step by step for a
    /// room (`--stapsgewijs`), or as an answers file to fill in
    /// (`--sjabloon`).
    Example {
        name: Option<String>,
        stepwise: bool,
        template: bool,
    },
    /// Validate a bank.
    Check { bank: Option<PathBuf> },
    /// Compare saved sessions (raters of one case, or one case over time).
    Compare {
        files: Vec<PathBuf>,
        timeline: bool,
        /// A practice case whose worked answer stands beside the raters
        /// (`--uitwerking NAAM`).
        reference: Option<String>,
    },
    /// Aggregate many sessions for organisatie & beleid.
    Overview { paths: Vec<PathBuf> },
}

impl Default for Command {
    fn default() -> Self {
        Command::Start {
            answers: None,
            depth: Depth::Full,
            resume: false,
            case: None,
            rater: None,
            role: None,
        }
    }
}
