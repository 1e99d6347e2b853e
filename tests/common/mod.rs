//! Shared by the property tests: the default bank, and valid sessions
//! generated from seeds.

#![allow(dead_code)]

use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::{Map, Value};
use voorwie::bank::Bank;
use voorwie::bank::load;

/// `n` cases, or `PROPTEST_CASES` when set (for longer runs).
pub fn cases(n: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(n);
    ProptestConfig::with_cases(n)
}

pub fn default_bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| load::default_bank().unwrap())
}

/// A valid session built from seeds: per question an option, several
/// options, "weet ik niet", skipped, or no answer; 0–4 goals with their own
/// answers; priority orders; sometimes an override.
pub fn valid_session() -> impl Strategy<Value = String> {
    (
        0..5usize,
        any::<u8>(),
        proptest::collection::vec(any::<u32>(), 64),
        proptest::collection::vec(proptest::collection::vec(any::<u32>(), 16), 4),
        any::<u32>(),
    )
        .prop_map(|(n_goals, moment, case_seeds, goal_seeds, misc)| {
            let b = default_bank();
            let answer = |q: &voorwie::bank::Question, seed: u32| -> Option<Value> {
                use voorwie::bank::Kind;
                let pick = seed / 8;
                match (seed % 8, q.kind.value) {
                    (0, _) => None,
                    (1, Kind::FreeText) => Some(Value::from("een notitie")),
                    (1, _) => Some(Value::from("weet_niet")),
                    (2, _) => Some(Value::from("overgeslagen")),
                    (_, Kind::FreeText) => Some(Value::from(format!("tekst {pick}"))),
                    (_, Kind::Order) => None, // set below from the goals
                    (_, Kind::Multi) => {
                        let mut chosen: Vec<&voorwie::bank::AnswerOption> = q
                            .options
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| pick >> (i % 31) & 1 == 1)
                            .map(|(_, o)| o)
                            .collect();
                        // An option that stands alone ('geen belemmering')
                        // only alone.
                        if chosen.len() > 1 {
                            chosen.retain(|o| !o.exclusive);
                        }
                        Some(Value::Array(
                            chosen
                                .into_iter()
                                .map(|o| Value::from(o.id.value.clone()))
                                .collect(),
                        ))
                    }
                    (_, _) => Some(Value::from(
                        q.options[pick as usize % q.options.len()].id.value.clone(),
                    )),
                }
            };
            let labels: Vec<String> = (0..n_goals).map(|i| format!("Doel {i}")).collect();
            let mut answers = Map::new();
            for (i, q) in b.all_questions().filter(|q| !q.per_goal).enumerate() {
                if let Some(v) = answer(q, case_seeds[i % case_seeds.len()]) {
                    answers.insert(q.id.value.clone(), v);
                }
            }
            for (k, perspective) in ["gezin", "hulpverlening"].iter().enumerate() {
                if let Some(q) = b.order_question(perspective) {
                    let mut order = labels.clone();
                    order.rotate_left((misc as usize >> k) % labels.len().max(1));
                    answers.insert(q.id.value.clone(), Value::from(order));
                }
            }
            let goals: Vec<Value> = labels
                .iter()
                .zip(&goal_seeds)
                .map(|(label, seeds)| {
                    let mut ga = Map::new();
                    for (i, q) in b.questions.iter().filter(|q| q.per_goal).enumerate() {
                        if let Some(v) = answer(q, seeds[i % seeds.len()]) {
                            ga.insert(q.id.value.clone(), v);
                        }
                    }
                    let mut g = Map::new();
                    g.insert("label".into(), Value::from(label.clone()));
                    g.insert("antwoorden".into(), Value::Object(ga));
                    Value::Object(g)
                })
                .collect();
            let mut top = Map::new();
            top.insert("versie".into(), Value::from(1));
            if moment % 6 != 0 {
                let m = &b.moments[moment as usize % b.moments.len()];
                top.insert("moment".into(), Value::from(m.id.value.clone()));
            }
            top.insert("antwoorden".into(), Value::Object(answers));
            top.insert("doelen".into(), Value::Array(goals));
            if misc % 5 == 0 {
                let mut o = Map::new();
                o.insert(
                    "stap".into(),
                    Value::from(b.steps()[misc as usize % 5].id.value.clone()),
                );
                o.insert("reden".into(), Value::from("eigen afweging"));
                top.insert("overschrijving".into(), Value::Object(o));
            }
            serde_json::to_string(&Value::Object(top)).unwrap()
        })
}
