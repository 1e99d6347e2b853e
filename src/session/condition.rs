//! When a condition holds: the one evaluator behind `toon_als` (which
//! questions are asked), the `als` of scoring rules and the `als` of domains.
//!
//! A condition has one subject:
//! - `vraag`: with `is` (the answer is one of these ids; `weet_niet`,
//!   `overgeslagen` and `onbekend` — weet ik niet, skipped or not answered —
//!   may be listed), `niet` (there is a concrete answer and it is none of
//!   these), `behalve` (the answer is none of these; an open answer counts as
//!   none), `aantal_min` / `aantal_max` (count of options chosen, weighted by
//!   `telt`), or nothing (the question has a concrete answer);
//! - `moment`: the session is at one of these moments (true when the moment is
//!   not known, so a file without a moment hides nothing);
//! - `nodig_vanaf` / `nodig_tot`: the computed need is at least / at most this
//!   step (only in rules; evaluated after the need is known);
//! - `overwogen_vanaf`: the form being considered is at least this step;
//! - `nu`: where things stand now is one of these (step ids, `niemand`,
//!   `een`, `onbekend`);
//! - `een_van`: at least one of the conditions under it holds.
//!
//! Evaluated for the case (`goal` is `None`), a condition on a question asked
//! per goal holds with `is`, `niet` or a count when one goal's answer fits,
//! and with `behalve` when no goal's answer is one of the listed ids.

use crate::bank::{Bank, Condition, DONT_KNOW, Question, SKIPPED, UNKNOWN};
use crate::session::responses::{Now, Response, Responses};

/// What a rule condition may ask about besides the answers: the positions
/// computed while scoring. Outside scoring (which questions to ask) they are
/// all unknown, and conditions on them do not hold.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    /// The computed need (a step index).
    pub need: Option<usize>,
    /// Where things stand now.
    pub now: Option<Now>,
    /// The step of the form being considered.
    pub considered: Option<usize>,
}

/// Whether `cond` holds for `goal` (or the case when `None`).
pub fn holds(
    bank: &Bank,
    cond: &Condition,
    responses: &Responses,
    goal: Option<usize>,
    ctx: Context,
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
        match (ctx.need, bank.step_index(&from.value)) {
            (Some(n), Some(f)) if n >= f => {}
            _ => return false,
        }
    }
    if let Some(to) = &cond.need_to {
        match (ctx.need, bank.step_index(&to.value)) {
            (Some(n), Some(t)) if n <= t => {}
            _ => return false,
        }
    }
    if let Some(from) = &cond.considered_from {
        match (ctx.considered, bank.step_index(&from.value)) {
            (Some(c), Some(f)) if c >= f => {}
            _ => return false,
        }
    }
    if let Some(list) = &cond.now {
        let Some(now) = ctx.now else {
            return false;
        };
        if !list.iter().any(|id| now_is(bank, now, &id.value)) {
            return false;
        }
    }
    if let Some(any) = &cond.any_of
        && !any.iter().any(|c| holds(bank, c, responses, goal, ctx))
    {
        return false;
    }
    if let Some(qid) = &cond.question {
        let Some(q) = bank.question(&qid.value) else {
            return false;
        };
        if q.per_goal && goal.is_none() {
            return case_holds(q, cond, responses);
        }
        return question_holds(q, cond, responses.get(&qid.value, goal));
    }
    true
}

/// Whether `now` is what `id` names: a step id, `niemand`, `een` or
/// `onbekend`.
fn now_is(bank: &Bank, now: Now, id: &str) -> bool {
    match now {
        Now::Unknown => id == UNKNOWN,
        Now::Nobody => id == crate::bank::NOW_NOBODY,
        Now::Single => id == crate::bank::NOW_SINGLE,
        Now::Step(i) => bank.step_index(id) == Some(i),
    }
}

/// A condition on a per-goal question, for the case: `behalve` must hold for
/// every goal, anything else for at least one.
fn case_holds(q: &Question, cond: &Condition, responses: &Responses) -> bool {
    let id = q.id.value.as_str();
    let mut goals = responses.goals.iter().map(|g| g.responses.get(id));
    if cond.except.is_some() {
        goals.all(|r| question_holds(q, cond, r))
    } else {
        goals.any(|r| question_holds(q, cond, r))
    }
}

fn question_holds(q: &Question, cond: &Condition, response: Option<&Response>) -> bool {
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
            Response::DontKnow => vec![DONT_KNOW, UNKNOWN],
            Response::Skipped => vec![SKIPPED, UNKNOWN],
            Response::Text(_) | Response::Order(_) => Vec::new(),
        }
    };
    // An unanswered question: only `onbekend` and `behalve` can hold.
    let ids = response.map_or_else(|| vec![UNKNOWN], chosen_ids);
    let known = response.is_some_and(Response::is_known);
    let mut specified = false;
    if let Some(list) = &cond.is {
        specified = true;
        if !ids.iter().any(|id| list.iter().any(|l| l.value == *id)) {
            return false;
        }
    }
    if let Some(list) = &cond.except {
        specified = true;
        if ids.iter().any(|id| list.iter().any(|l| l.value == *id)) {
            return false;
        }
    }
    if let Some(list) = &cond.not {
        specified = true;
        if !known || ids.iter().any(|id| list.iter().any(|l| l.value == *id)) {
            return false;
        }
    }
    if cond.count_min.is_some() || cond.count_max.is_some() {
        specified = true;
        let Some(Response::Options(chosen)) = response else {
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
    specified || known
}

/// Whether question `q` is asked (all its `toon_als` conditions hold).
pub fn shown(bank: &Bank, q: &Question, responses: &Responses, goal: Option<usize>) -> bool {
    q.show_if
        .iter()
        .all(|c| holds(bank, c, responses, goal, Context::default()))
}
