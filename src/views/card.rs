//! The pocket card: the whole checklist on one page.
//!
//! Practitioners asked for "a card in your bag" to glance at before a large
//! meeting. [`build`] lays the bank out as that card: the start question, the
//! per-goal questions, the three levels with their questions, and the five
//! steps in one line each. The JSON form carries question and option ids, so
//! that other tools (or a hand-written answers file) can use them.

use serde::Serialize;

use crate::bank::{Bank, Phase, Question};
use crate::base::sanitize;
use crate::base::text::Lang;
use crate::views::report::BankInfo;

#[derive(Clone, Debug, Serialize)]
pub struct Card {
    pub titel: String,
    pub bank: BankInfo,
    pub startvraag: CardQuestion,
    pub per_doel: Vec<CardQuestion>,
    pub niveaus: Vec<CardLevel>,
    pub continuum_uitleg: String,
    pub continuum: Vec<CardStep>,
    /// "Hoger is niet beter: ..." from the bank.
    pub hoger_niet_beter: String,
    pub reflectie: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CardLevel {
    pub id: String,
    pub naam: String,
    pub vragen: Vec<CardQuestion>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CardQuestion {
    pub id: String,
    pub tekst: String,
    pub kort: String,
    /// screening | verdieping
    pub fase: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub opties: Vec<CardOption>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CardOption {
    pub id: String,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anker: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CardStep {
    pub id: String,
    pub index: usize,
    pub naam: String,
    pub intensiteit: String,
    pub kort: String,
}

/// Lays out the bank as a pocket card.
pub fn build(bank: &Bank, lang: Lang) -> Card {
    let question = |q: &Question| CardQuestion {
        id: q.id.value.clone(),
        tekst: sanitize::line(q.text.get(lang)),
        kort: sanitize::line(q.short_text().get(lang)),
        fase: match q.phase() {
            Phase::Screening => "screening",
            Phase::Deepening => "verdieping",
        }
        .to_owned(),
        kind: q.kind.value.id().to_owned(),
        opties: q
            .options
            .iter()
            .map(|o| CardOption {
                id: o.id.value.clone(),
                label: o.label_in(lang),
                anker: o.anchor.as_ref().map(|a| sanitize::line(a.get(lang))),
            })
            .collect(),
    };
    Card {
        titel: sanitize::line(bank.name.get(lang)),
        bank: BankInfo {
            id: sanitize::line(&bank.id.value),
            versie: sanitize::line(&bank.version.value),
            naam: sanitize::line(bank.name.get(lang)),
        },
        startvraag: question(&bank.start_question),
        per_doel: bank
            .questions
            .iter()
            .filter(|q| q.per_goal)
            .map(question)
            .collect(),
        niveaus: bank
            .levels
            .iter()
            .map(|l| CardLevel {
                id: l.id.value.clone(),
                naam: sanitize::line(l.name.get(lang)),
                vragen: bank
                    .questions
                    .iter()
                    .filter(|q| !q.per_goal && q.level.value == l.id.value)
                    .map(question)
                    .collect(),
            })
            .collect(),
        continuum_uitleg: bank.continuum_intro.as_ref().map_or_else(
            || sanitize::line(bank.text("hoger_niet_beter", lang)),
            |t| sanitize::line(t.get(lang)),
        ),
        continuum: bank
            .steps()
            .iter()
            .enumerate()
            .map(|(index, s)| CardStep {
                id: s.id.value.clone(),
                index,
                naam: sanitize::line(s.name.get(lang)),
                intensiteit: sanitize::line(s.intensity.get(lang)),
                kort: sanitize::line(s.short.get(lang)),
            })
            .collect(),
        hoger_niet_beter: sanitize::line(bank.text("hoger_niet_beter", lang)),
        reflectie: bank
            .reflection
            .iter()
            .map(|t| sanitize::line(t.get(lang)))
            .collect(),
    }
}
