//! voorwie: a reflection checklist for deciding how intensively to work
//! together around a family ("Voor wie doen we wat?").
//!
//! The library holds everything but argument parsing: the question bank and
//! its loading ([`bank`], [`load`]), the checked answers ([`responses`]), the
//! scoring ([`score`]), the interview ([`interview`]) and the renderers
//! ([`render`]). The binary (`src/main.rs`) turns command-line arguments into
//! a [`config::Config`] and calls [`app::run`].

pub mod advice;
pub mod app;
pub mod bank;
pub mod base;
pub mod interview;
pub mod render;
pub mod session;
pub mod views;
