//! The YAML names of the fields of a bank that hold a text in one or more
//! languages ([`crate::base::text::Text`]). Shared by `build.rs` (which
//! writes a Dutch-only copy of the embedded bank) and
//! [`super::translations`] (which finds texts without a translation), so
//! that the two cannot drift apart.

/// Field names whose value is a text, or a list of texts.
pub const TEXT_FIELDS: [&str; 20] = [
    "reflectie",
    "onderwerp",
    "naam",
    "beschrijving",
    "continuum_uitleg",
    "titel",
    "uitleg",
    "volledige_naam",
    "intensiteit",
    "kort",
    "voorbeelden",
    "verschil",
    "tekst",
    "info",
    "zoek_uit",
    "label",
    "anker",
    "actie",
    "neerleggen",
    "reden",
];

/// Field names whose value is a map from ids to texts (`teksten`).
pub const TEXT_MAP_FIELDS: [&str; 1] = ["teksten"];
