//! The continuum of integrated working, as shown by `voorwie continuum`.
//!
//! Practitioners could not tell coördinatie, coöperatie and integratie apart
//! from a general description; every step therefore carries its forms,
//! concrete examples and how it differs from its neighbours. `build` gives
//! all five steps, or one in depth.

use serde::Serialize;

use crate::bank::{Bank, STEP_IDS};
use crate::base::error::{Error, Result};
use crate::base::sanitize;
use crate::base::text::Lang;

#[derive(Clone, Debug, Serialize)]
pub struct ContinuumView {
    pub uitleg: String,
    pub stappen: Vec<StepView>,
    /// Set when one step is shown in depth.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stap: Option<String>,
    /// The names of all five steps, in order, also when one is shown: the
    /// HTML page draws the whole continuum with that step marked.
    #[serde(skip)]
    pub namen: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct StepView {
    pub id: String,
    pub index: usize,
    pub naam: String,
    pub volledige_naam: String,
    pub intensiteit: String,
    pub kort: String,
    pub uitleg: String,
    pub vormen: Vec<String>,
    pub voorbeelden: Vec<String>,
    pub verschil: Option<String>,
    pub bron: Option<String>,
    /// Names of the lighter and heavier neighbour, for "how it differs".
    pub lichter: Option<String>,
    pub zwaarder: Option<String>,
}

/// All steps, or only `step` (an id, a name, or a number 1–5) in depth.
pub(crate) fn build(bank: &Bank, step: Option<&str>, lang: Lang) -> Result<ContinuumView> {
    let selected = match step {
        None => None,
        Some(s) => Some(find_step(bank, s).ok_or_else(|| {
            Error::Usage(crate::base::say::say!(
                "onbekende stap '{}'. Kies een van: {} (of een nummer 1 tot en met 5)",
                "unknown step '{}'. Choose one of: {} (or a number 1 to 5)",
                sanitize::line(s),
                STEP_IDS.join(", ")
            ))
        })?),
    };
    let steps = bank.steps();
    let name = |i: usize| steps.get(i).map(|s| sanitize::line(s.name.get(lang)));
    let views = steps
        .iter()
        .enumerate()
        .filter(|(i, _)| selected.is_none_or(|s| s == *i))
        .map(|(index, s)| StepView {
            id: s.id.value.clone(),
            index,
            naam: sanitize::line(s.name.get(lang)),
            volledige_naam: sanitize::line(s.full_name.as_ref().unwrap_or(&s.name).get(lang)),
            intensiteit: sanitize::line(s.intensity.get(lang)),
            kort: sanitize::line(s.short.get(lang)),
            uitleg: sanitize::line(s.explanation.get(lang)),
            // A form for one domain says so: the continuum shows them all.
            vormen: s
                .forms
                .iter()
                .map(|f| {
                    let text = sanitize::line(f.text.get(lang));
                    let domains: Vec<String> = f
                        .domains
                        .iter()
                        .filter_map(|d| bank.domain(&d.value))
                        .map(|d| sanitize::line(d.name.get(lang)).to_lowercase())
                        .collect();
                    if domains.is_empty() {
                        text
                    } else {
                        format!("{text} ({})", domains.join(", "))
                    }
                })
                .collect(),
            voorbeelden: s
                .examples
                .iter()
                .map(|f| sanitize::line(f.get(lang)))
                .collect(),
            verschil: s.difference.as_ref().map(|d| sanitize::line(d.get(lang))),
            bron: s
                .source
                .as_ref()
                .map(|src| source_title(bank, &src.value, lang)),
            lichter: index.checked_sub(1).and_then(name),
            zwaarder: name(index + 1),
        })
        .collect();
    Ok(ContinuumView {
        uitleg: bank.continuum_intro.as_ref().map_or_else(
            || sanitize::line(bank.text("hoger_niet_beter", lang)),
            |t| sanitize::line(t.get(lang)),
        ),
        stappen: views,
        stap: selected.map(|i| STEP_IDS[i].to_owned()),
        namen: bank
            .continuum
            .iter()
            .map(|s| sanitize::line(s.name.get(lang)))
            .collect(),
    })
}

/// Finds a step by id, by name (with or without diacritics, any case), or by
/// its number 1–5.
pub(crate) fn find_step(bank: &Bank, query: &str) -> Option<usize> {
    let q = fold(query.trim());
    if let Ok(n) = q.parse::<usize>() {
        return (1..=bank.steps().len()).contains(&n).then(|| n - 1);
    }
    bank.steps().iter().position(|s| {
        fold(&s.id.value) == q || fold(s.name.get(Lang::Nl)) == q || fold(s.name.get(Lang::En)) == q
    })
}

/// Lower case without the diacritics Dutch uses (coördinatie = coordinatie).
fn fold(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'ä' | 'á' | 'à' | 'â' => 'a',
            'ë' | 'é' | 'è' | 'ê' => 'e',
            'ï' | 'í' | 'ì' | 'î' => 'i',
            'ö' | 'ó' | 'ò' | 'ô' => 'o',
            'ü' | 'ú' | 'ù' | 'û' => 'u',
            c => c,
        })
        .collect()
}

/// "titel (plek)" for a `bron` reference such as "vwdww: Bijlage 3".
pub(crate) fn source_title(bank: &Bank, reference: &str, lang: Lang) -> String {
    let (id, place) = reference.split_once(':').unwrap_or((reference, ""));
    let place = place.trim();
    match bank.source(id.trim()) {
        Some(src) if place.is_empty() => sanitize::line(src.title.get(lang)),
        Some(src) => format!(
            "{} ({})",
            sanitize::line(src.title.get(lang)),
            sanitize::line(place)
        ),
        None => sanitize::line(reference),
    }
}
