//! voorwie: a reflection checklist for deciding how intensively to work
//! together around a family ("Voor wie doen we wat?").
//!
//! The library holds everything but argument parsing: the question bank and
//! its loading ([`bank`], [`load`]), the checked answers ([`responses`]), the
//! scoring ([`score`]), the interview ([`interview`]) and the renderers
//! ([`render`]). The binary (`src/main.rs`) turns command-line arguments into
//! a [`config::Config`] and calls [`app::run`].

pub mod app;
pub mod bank;
pub mod card;
pub mod clipboard;
pub(crate) mod clock;
pub mod compare;
pub mod condition;
pub mod config;
pub mod continuum;
pub mod draft;
pub mod error;
pub mod examples;
pub mod interview;
pub mod load;
pub mod located;
pub mod output;
pub mod overview;
pub mod platform;
pub mod presenter;
pub mod problem;
pub mod render;
pub mod report;
pub mod responses;
pub mod sanitize;
pub mod score;
pub mod session;
pub mod text;
pub mod ui;
