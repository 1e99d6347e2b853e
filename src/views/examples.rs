//! The bundled practice cases: session files under `data/voorbeelden/`,
//! embedded in the binary so a trainer needs nothing but `voorwie`.
//!
//! Each case is an ordinary answers file with a `casus` text, so it runs
//! with `voorwie start --antwoorden data/voorbeelden/<naam>.yaml` too.

use serde::Serialize;

use crate::advice;
use crate::bank::Bank;
use crate::base::error::{Error, Result};
use crate::base::sanitize;
use crate::base::text::Lang;
use crate::base::yaml::yaml_scalar;
use crate::session::load::{parse_case_translation, parse_session};
use crate::session::resolve::resolve;
use crate::session::{Answer, CaseTranslation, Session};
use crate::views::report::{Named, StepRef};

/// One bundled practice case.
pub struct Example {
    /// The name to ask for it by (the file name without `.yaml`).
    pub name: &'static str,
    pub yaml: &'static str,
    /// Its English words (`data/en/voorbeelden/<name>.yaml`).
    pub english: &'static str,
}

macro_rules! example {
    ($name:literal) => {
        Example {
            name: $name,
            yaml: include_str!(concat!("../../data/voorbeelden/", $name, ".yaml")),
            english: include_str!(concat!("../../data/en/voorbeelden/", $name, ".yaml")),
        }
    };
}

/// All bundled cases, light to heavy. A test checks this list against the
/// files in `data/voorbeelden/`.
pub const EXAMPLES: &[Example] = &[
    example!("peuter-slaap"),
    example!("schoolverzuim"),
    example!("afschalen"),
    example!("robin"),
    example!("monique"),
    example!("aanmelding-ist"),
    example!("lara"),
    example!("beter-thuis"),
];

/// Finds a case by name (any case, accents or spaces, with or without
/// `.yaml`).
pub(crate) fn find(name: &str) -> Result<&'static Example> {
    // As a person reads it: "Róbin ", "ROBIN.yaml" and "robin" are one case.
    let wanted = crate::base::words::key(name);
    let wanted = wanted.strip_suffix(".yaml").unwrap_or(&wanted).trim();
    EXAMPLES.iter().find(|e| e.name == wanted).ok_or_else(|| {
        let names: Vec<&str> = EXAMPLES.iter().map(|e| e.name).collect();
        let shown = sanitize::line(name);
        Error::Usage(crate::base::say::say!(
            "onbekend praktijkvoorbeeld '{shown}'. Beschikbaar: {}",
            "unknown practice case '{shown}'. Available: {}",
            names.join(", ")
        ))
    })
}

/// The bundled case whose text (in Dutch or English, whitespace collapsed)
/// is `flat_text`.
pub(crate) fn named_case(flat_text: &str) -> Option<&'static str> {
    static TEXTS: std::sync::OnceLock<Vec<(String, &'static str)>> = std::sync::OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        EXAMPLES
            .iter()
            .flat_map(|e| {
                [Lang::Nl, Lang::En]
                    .into_iter()
                    .filter_map(|l| e.session_in(l).ok())
                    .filter_map(|s| s.case_text.as_deref().map(flat))
                    .map(|t| (t, e.name))
            })
            .collect()
    });
    texts
        .iter()
        .find(|(t, _)| t == flat_text)
        .map(|(_, name)| *name)
}

impl Example {
    /// The file name, for messages.
    pub(crate) fn file(&self) -> String {
        format!("data/voorbeelden/{}.yaml", self.name)
    }

    pub fn session(&self) -> Result<Session> {
        parse_session(self.yaml, &self.file())
    }

    /// The case in a language: for English, its words are replaced by
    /// their translation (the answers stay the same).
    pub(crate) fn session_in(&self, lang: Lang) -> Result<Session> {
        let mut session = self.session()?;
        if lang == Lang::En {
            let file = format!("data/en/voorbeelden/{}.yaml", self.name);
            let tr = parse_case_translation(self.english, &file)?;
            translate(&mut session, &tr);
        }
        Ok(session)
    }
}

/// Puts a case's translated words in place: the case text, the notes, the
/// explanations, and every goal label (in the goals and in the priority
/// answers that name them). What has no translation stays Dutch.
fn translate(session: &mut Session, tr: &CaseTranslation) {
    if tr.case_text.is_some() {
        session.case_text.clone_from(&tr.case_text);
    }
    if tr.notes.is_some() {
        session.notes.clone_from(&tr.notes);
    }
    if tr.rationale.is_some() {
        session.rationale.clone_from(&tr.rationale);
    }
    for (id, text) in session.explanations.iter_mut() {
        if let Some(t) = tr.explanations.get(id.value.as_str()) {
            text.clone_from(t);
        }
    }
    let label = |l: &str| tr.goals.get(l).cloned().unwrap_or_else(|| l.to_owned());
    for goal in &mut session.goals {
        if let Some(per_goal) = tr.goal_explanations.get(goal.label.value.as_str()) {
            for (id, text) in goal.explanations.iter_mut() {
                if let Some(t) = per_goal.get(id.value.as_str()) {
                    text.clone_from(t);
                }
            }
        }
        goal.label.value = label(&goal.label.value);
    }
    for answer in session.answers.values_mut() {
        if let Answer::Many(labels) = &mut answer.value {
            for l in labels.iter_mut() {
                *l = label(l);
            }
        }
    }
}

/// The list shown by `voorwie voorbeeld`.
#[derive(Clone, Debug, Serialize)]
pub struct ExampleList {
    pub voorbeelden: Vec<ExampleItem>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ExampleItem {
    pub naam: String,
    pub moment: Option<Named>,
    pub samenvatting: String,
    pub advies: StepRef,
    pub richting: String,
}

/// Lists the cases with their moment, first sentence and outcome.
pub(crate) fn list(bank: &Bank, lang: Lang) -> Result<ExampleList> {
    let mut items = Vec::new();
    for ex in EXAMPLES {
        let session = ex.session_in(lang)?;
        let (resp, _) = resolve(bank, &session, &ex.file()).map_err(Error::Invalid)?;
        let outcome = advice::score(bank, &resp);
        let step = &bank.steps()[outcome.case.step];
        items.push(ExampleItem {
            naam: ex.name.to_owned(),
            moment: resp.moment.map(|m| Named {
                id: bank.moments[m].id.value.clone(),
                naam: sanitize::line(bank.moments[m].name.get(lang)),
            }),
            samenvatting: first_sentence(session.case_text.as_deref().unwrap_or("")),
            advies: StepRef {
                stap: step.id.value.clone(),
                index: outcome.case.step,
                naam: sanitize::line(step.name.get(lang)),
            },
            richting: outcome.direction.id().to_owned(),
        });
    }
    Ok(ExampleList { voorbeelden: items })
}

/// The first sentence of a text, on one line.
fn first_sentence(text: &str) -> String {
    let flat = sanitize::line(text);
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.find(". ") {
        Some(i) => flat[..=i].to_owned(),
        None => flat,
    }
}

/// The case as an empty answers file for students: moment, case text and
/// goal labels filled in; every question as a commented line with its
/// option ids. Valid as it stands; `voorwie start --antwoorden` reads it
/// once filled in.
pub(crate) fn template(bank: &Bank, ex: &Example, lang: Lang) -> Result<String> {
    use crate::bank::{DONT_KNOW, Kind, Question};
    use std::fmt::Write;
    let session = ex.session_in(lang)?;
    let u = crate::base::ui::ui(lang);
    let mut t = String::new();
    let line = |t: &mut String, s: &str| {
        t.push_str(s);
        t.push('\n');
    };
    for l in u.tpl_header {
        line(&mut t, &crate::base::ui::fill(l, &[("name", ex.name)]));
    }
    line(
        &mut t,
        &format!("versie: {}", crate::session::FORMAT_VERSION),
    );
    if let Some(m) = &session.moment {
        line(&mut t, &format!("moment: {}", m.value));
    }
    line(&mut t, u.tpl_rater);
    if let Some(c) = &session.case_text {
        line(&mut t, "casus: |");
        for l in c.lines() {
            line(&mut t, format!("  {l}").trim_end());
        }
    }
    let question = |t: &mut String, q: &Question, indent: &str| {
        let short = sanitize::line(q.short_text().get(lang));
        let choices = match q.kind.value {
            Kind::FreeText => u.tpl_text.to_owned(),
            Kind::Order => u.tpl_order.to_owned(),
            Kind::Multi => format!(
                "[{}] ({}), {DONT_KNOW}",
                q.options
                    .iter()
                    .map(|o| o.id.value.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                u.tpl_several
            ),
            _ => format!(
                "{} | {DONT_KNOW}",
                q.options
                    .iter()
                    .map(|o| o.id.value.as_str())
                    .collect::<Vec<_>>()
                    .join(" | ")
            ),
        };
        let _ = writeln!(t, "{indent}# {short}");
        let _ = writeln!(t, "{indent}# {}: {choices}", q.id.value);
    };
    line(&mut t, "antwoorden:");
    question(&mut t, &bank.start_question, "  ");
    for level in &bank.levels {
        let _ = writeln!(t, "  # --- {} ---", sanitize::line(level.name.get(lang)));
        for q in bank
            .questions
            .iter()
            .filter(|q| !q.per_goal && q.level.value == level.id.value)
        {
            question(&mut t, q, "  ");
        }
    }
    line(&mut t, "doelen:");
    for g in &session.goals {
        let _ = writeln!(t, "  - label: {}", yaml_scalar(&g.label.value));
        line(&mut t, "    antwoorden:");
        for q in bank.questions.iter().filter(|q| q.per_goal) {
            question(&mut t, q, "      ");
        }
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every practice case has an English text for every word a reader
    /// sees: its case text, each goal label, each explanation and its notes.
    #[test]
    fn every_case_is_fully_translated() {
        for ex in EXAMPLES {
            let nl = ex.session().unwrap();
            let file = format!("data/en/voorbeelden/{}.yaml", ex.name);
            let tr = parse_case_translation(ex.english, &file).unwrap_or_else(|e| panic!("{e}"));
            assert!(tr.case_text.is_some(), "{file}: casus ontbreekt");
            assert_eq!(nl.notes.is_some(), tr.notes.is_some(), "{file}: notities");
            assert!(
                nl.rationale.is_some(),
                "{}: onderbouwing ontbreekt",
                ex.file()
            );
            assert!(tr.rationale.is_some(), "{file}: onderbouwing ontbreekt");
            for g in &nl.goals {
                assert!(
                    tr.goals.contains_key(&g.label.value),
                    "{file}: doel '{}'",
                    g.label
                );
                for id in g.explanations.keys() {
                    let per_goal = tr.goal_explanations.get(&g.label.value);
                    assert!(
                        per_goal.is_some_and(|m| m.contains_key(&id.value)),
                        "{file}: toelichting {id} bij doel '{}'",
                        g.label
                    );
                }
            }
            for id in nl.explanations.keys() {
                assert!(
                    tr.explanations.contains_key(&id.value),
                    "{file}: toelichting {id}"
                );
            }
            // Translated, the case still scores the same.
            let en = ex.session_in(Lang::En).unwrap();
            assert_ne!(en.case_text, nl.case_text, "{file}");
            assert_eq!(en.goals.len(), nl.goals.len());
        }
    }
}
