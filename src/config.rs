//! What the user asked for, as plain data. The binary fills this from the
//! command line; the library never sees clap.

use std::path::PathBuf;

use crate::interview::Depth;
use crate::render::Format;

/// One run of voorwie.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub command: Command,
    /// Another question bank instead of the embedded default.
    pub bank: Option<PathBuf>,
    pub format: Format,
    /// Write the output to this file instead of stdout.
    pub output: Option<PathBuf>,
    /// Overwrite an existing output file.
    pub force: bool,
    pub color: ColorChoice,
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
    },
    /// The pocket card.
    Card,
    /// The continuum, or one step in depth.
    Continuum { step: Option<String> },
    /// The practice cases, or one of them.
    Example { name: Option<String> },
    /// Validate a bank.
    Check { bank: Option<PathBuf> },
}

impl Default for Command {
    fn default() -> Self {
        Command::Start {
            answers: None,
            depth: Depth::Full,
            resume: false,
        }
    }
}
