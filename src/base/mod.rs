//! The ground floor: what every other part of voorwie stands on, and what
//! knows nothing of the question bank.
//!
//! Places in files ([`located`]) and the problems found there
//! ([`problem`]), texts in one or two languages ([`text`]), making file
//! contents safe to print ([`sanitize`]), the words of the interface itself
//! ([`ui`]), the language of messages and `say!` ([`say`]), the local
//! time (`clock`), wrapping, signed points and Dutch
//! dates (`plain_text`), the library's error type ([`error`]), reading files
//! and parsing YAML within limits (`yaml`) and writing results
//! ([`output`]), and user text as a person reads it ([`words`]).
//!
//! Nothing here imports from another part of the crate: the bank, the
//! session, the advice, the views, the renderers, the interview and the app
//! all build on this layer, never the other way round.

pub(crate) mod clock;
pub mod encoding;
pub mod error;
pub mod located;
pub mod output;
pub(crate) mod parse_errors;
pub(crate) mod plain_text;
pub mod platform;
pub mod problem;
pub mod sanitize;
pub mod say;
pub mod text;
pub mod ui;
pub mod words;
pub(crate) mod yaml;
