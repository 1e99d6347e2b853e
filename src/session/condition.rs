//! When a condition holds: the one evaluator behind `toon_als` (which
//! questions are asked) and the `als` of scoring rules.
//!
//! A condition has one subject:
//! - `vraag`: with `is` (the answer is one of these ids; `weet_niet` and
//!   `overgeslagen` may be listed), `niet` (there is a concrete answer and it
//!   is none of these), `aantal_min` / `aantal_max` (count of options chosen,
//!   weighted by `telt`), or nothing (the question has a concrete answer);
//! - `moment`: the session is at one of these moments (true when the moment is
//!   not known, so a file without a moment hides nothing);
//! - `nodig_vanaf` / `nodig_tot`: the computed need is at least / at most this
//!   step (only in rules; evaluated after the need is known).

use crate::bank::{Bank, Condition, DONT_KNOW, Question, SKIPPED};
use crate::session::responses::{Response, Responses};

/// Whether `cond` holds for `goal` (or the case when `None`), given the need
/// when it is known.
pub fn holds(
    bank: &Bank,
    cond: &Condition,
    responses: &Responses,
    goal: Option<usize>,
    need: Option<usize>,
) -> bool {
    if let Some(moments) = &cond.moment {
        let Some(m) = responses.moment.and_then(|i| bank.moments.get(i)) else {
            return true;
        };
        if !moments.iter().any(|id| id.value == m.id.value) {
            return false;
        }
    }
    if let Some(from) = &cond.need_from {
        match (need, bank.step_index(&from.value)) {
            (Some(n), Some(f)) if n >= f => {}
            _ => return false,
        }
    }
    if let Some(to) = &cond.need_to {
        match (need, bank.step_index(&to.value)) {
            (Some(n), Some(t)) if n <= t => {}
            _ => return false,
        }
    }
    if let Some(qid) = &cond.question {
        let Some(q) = bank.question(&qid.value) else {
            return false;
        };
        return question_holds(q, cond, responses.get(&qid.value, goal));
    }
    true
}

fn question_holds(q: &Question, cond: &Condition, response: Option<&Response>) -> bool {
    let Some(response) = response else {
        return false;
    };
    let chosen_ids = |r: &Response| -> Vec<&str> {
        match r {
            Response::Option(i) => q
                .options
                .get(*i)
                .map(|o| o.id.value.as_str())
                .into_iter()
                .collect(),
            Response::Options(v) => v
                .iter()
                .filter_map(|i| q.options.get(*i).map(|o| o.id.value.as_str()))
                .collect(),
            Response::DontKnow => vec![DONT_KNOW],
            Response::Skipped => vec![SKIPPED],
            Response::Text(_) | Response::Order(_) => Vec::new(),
        }
    };
    let mut specified = false;
    if let Some(list) = &cond.is {
        specified = true;
        let ids = chosen_ids(response);
        if !ids.iter().any(|id| list.iter().any(|l| l.value == *id)) {
            return false;
        }
    }
    if let Some(list) = &cond.not {
        specified = true;
        if !response.is_known() {
            return false;
        }
        let ids = chosen_ids(response);
        if ids.iter().any(|id| list.iter().any(|l| l.value == *id)) {
            return false;
        }
    }
    if cond.count_min.is_some() || cond.count_max.is_some() {
        specified = true;
        let Response::Options(chosen) = response else {
            return false;
        };
        let count: u32 = chosen
            .iter()
            .filter_map(|i| q.options.get(*i))
            .map(|o| o.count_value())
            .sum();
        if cond.count_min.is_some_and(|m| count < m) || cond.count_max.is_some_and(|m| count > m) {
            return false;
        }
    }
    specified || response.is_known()
}

/// Whether question `q` is asked (all its `toon_als` conditions hold).
pub fn shown(bank: &Bank, q: &Question, responses: &Responses, goal: Option<usize>) -> bool {
    q.show_if
        .iter()
        .all(|c| holds(bank, c, responses, goal, None))
}
