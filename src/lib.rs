//! voorwie: a reflection checklist for deciding how intensively to work
//! together around a family ("Voor wie doen we wat?").
//!
//! The library holds everything but argument parsing, in layers, from the
//! ground up. Each layer uses only the layers before it in this list, and
//! the files within a layer use each other without loops
//! (`tests/layers.rs` checks both):
//!
//! 1. [`base`]: what knows nothing of the bank: places in files, problems,
//!    texts, the interface's own words, errors, reading and writing files;
//! 2. [`bank`]: the question bank, loading it and checking it;
//! 3. [`session`]: the answers file, its checked answers, conditions and
//!    drafts;
//! 4. [`advice`]: scoring, a pure function from a bank and checked answers
//!    to an outcome;
//! 5. [`views`]: what is shown, as plain data in words;
//! 6. [`render`]: one renderer per format (text, Markdown, JSON, HTML);
//! 7. [`interview`]: the interactive session, asked through a
//!    [`Prompter`](interview::Prompter);
//! 8. [`browser`]: the browser edition's face (the page in `web/` steps
//!    the interview through it);
//! 9. [`app`]: the commands and how they meet the user: the prompters,
//!    presenter mode, the clipboard (not built for the browser).
//!
//! The binary (`src/main.rs` with `src/cli.rs`) turns command-line arguments
//! into an [`app::config::Config`] and calls [`app::run`].

// The browser edition (wasm32) does not build `app`, so what only the
// commands use is unused there.
#![cfg_attr(target_arch = "wasm32", allow(dead_code))]

// The layers in the order above; each line may only use the lines before
// it. (The comments keep rustfmt from sorting them.)
pub mod base;
// 2
pub mod bank;
// 3
pub mod session;
// 4
pub mod advice;
// 5
pub mod views;
// 6
pub mod render;
// 7
pub mod interview;
// 8: the browser edition's face, beside the terminal's (app)
pub mod browser;
// 9 (not in the browser edition, which is its own face: web/)
#[cfg(not(target_arch = "wasm32"))]
pub mod app;
