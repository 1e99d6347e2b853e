//! The views: what voorwie shows, as plain data in words, ready to be laid
//! out.
//!
//! A view is built from the bank, a session and its advice, in the user's
//! language, and holds words and numbers only: the result of a session
//! ([`report`]), the pocket card ([`card`]), the continuum ([`continuum`]),
//! the practice cases ([`examples`]), sessions side by side ([`compare`]),
//! the overview for organisatie & beleid ([`overview`]) and the slides of
//! presenter mode (`slides`). The JSON export is most views as they are.
//!
//! Views never import a renderer: the renderers ([`render`](super::render))
//! import the views and arrange their words as text, Markdown, JSON or
//! HTML.

pub mod card;
pub mod compare;
pub mod continuum;
pub mod examples;
pub mod overview;
pub mod report;
pub(crate) mod slides;
