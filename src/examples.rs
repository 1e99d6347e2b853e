//! The bundled practice cases: session files under `data/voorbeelden/`,
//! embedded in the binary so a trainer needs nothing but `voorwie`.
//!
//! Each case is an ordinary answers file with a `casus` text, so it runs
//! with `voorwie start --antwoorden data/voorbeelden/<naam>.yaml` too.

use serde::Serialize;

use crate::bank::Bank;
use crate::error::{Error, Result};
use crate::load;
use crate::report::{Named, StepRef};
use crate::responses;
use crate::sanitize;
use crate::score;
use crate::session::Session;
use crate::text::Lang;

/// One bundled practice case.
pub struct Example {
    /// The name to ask for it by (the file name without `.yaml`).
    pub name: &'static str,
    pub yaml: &'static str,
}

macro_rules! example {
    ($name:literal) => {
        Example {
            name: $name,
            yaml: include_str!(concat!("../data/voorbeelden/", $name, ".yaml")),
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

/// Finds a case by name (any case, with or without `.yaml`).
pub fn find(name: &str) -> Result<&'static Example> {
    let wanted = name.trim().trim_end_matches(".yaml").to_lowercase();
    EXAMPLES.iter().find(|e| e.name == wanted).ok_or_else(|| {
        let names: Vec<&str> = EXAMPLES.iter().map(|e| e.name).collect();
        Error::Usage(format!(
            "onbekend praktijkvoorbeeld '{}'. Beschikbaar: {}",
            sanitize::line(name),
            names.join(", ")
        ))
    })
}

impl Example {
    /// The file name, for messages.
    pub fn file(&self) -> String {
        format!("data/voorbeelden/{}.yaml", self.name)
    }

    pub fn session(&self) -> Result<Session> {
        load::parse_session(self.yaml, &self.file())
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
pub fn list(bank: &Bank, lang: Lang) -> Result<ExampleList> {
    let mut items = Vec::new();
    for ex in EXAMPLES {
        let session = ex.session()?;
        let (resp, _) = responses::resolve(bank, &session, &ex.file()).map_err(Error::Invalid)?;
        let outcome = score::score(bank, &resp);
        let step = &bank.steps()[outcome.case.now];
        items.push(ExampleItem {
            naam: ex.name.to_owned(),
            moment: resp.moment.map(|m| Named {
                id: bank.moments[m].id.value.clone(),
                naam: sanitize::line(bank.moments[m].name.get(lang)),
            }),
            samenvatting: first_sentence(session.case_text.as_deref().unwrap_or("")),
            advies: StepRef {
                stap: step.id.value.clone(),
                index: outcome.case.now,
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
