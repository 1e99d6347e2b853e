//! Answers checked against the bank: the only form scoring ever sees.
//!
//! [`resolve`](super::resolve) makes them from a session file: option
//! indices instead of ids, goal indices instead of labels, and typed
//! "weet ik niet" / "overgeslagen". They are a module of their own, below
//! the conditions and the check, because both need them.

use rustc_hash::FxHashMap;

use crate::bank::Bank;

/// One checked answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Response {
    /// The index of the chosen option.
    Option(usize),
    /// The indices of the chosen options (possibly none).
    Options(Vec<usize>),
    Text(String),
    /// Goal indices in order of priority.
    Order(Vec<usize>),
    DontKnow,
    Skipped,
}

impl Response {
    /// Whether the answer says something (not "weet ik niet", not skipped).
    pub(crate) fn is_known(&self) -> bool {
        !matches!(self, Response::DontKnow | Response::Skipped)
    }
}

/// A step chosen by the professional instead of the suggestion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub step: usize,
    pub reason: String,
}

/// The checked answers for one goal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoalResponses {
    pub label: String,
    pub responses: FxHashMap<String, Response>,
    pub override_: Option<Choice>,
}

/// All checked answers of a session.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Responses {
    /// Index into `bank.moments`.
    pub moment: Option<usize>,
    /// Answers to questions asked once for the case.
    pub case: FxHashMap<String, Response>,
    pub goals: Vec<GoalResponses>,
    pub override_: Option<Choice>,
}

impl Responses {
    /// The answer to a case question, or to a per-goal question of `goal`.
    pub fn get(&self, question: &str, goal: Option<usize>) -> Option<&Response> {
        self.case.get(question).or_else(|| {
            goal.and_then(|g| self.goals.get(g))
                .and_then(|g| g.responses.get(question))
        })
    }

    /// The goals in the order of one perspective (`gezin` or
    /// `hulpverlening`): the answered order, with goals it does not mention
    /// appended in entry order.
    pub(crate) fn order(&self, bank: &Bank, perspective: &str) -> Vec<usize> {
        let given = bank
            .order_question(perspective)
            .and_then(|q| self.case.get(&q.id.value));
        let mut order: Vec<usize> = match given {
            Some(Response::Order(list)) => list.clone(),
            _ => Vec::new(),
        };
        for i in 0..self.goals.len() {
            if !order.contains(&i) {
                order.push(i);
            }
        }
        order
    }
}

/// Where something stands now: the position *nu* of a goal or of the case.
/// It lives with the answers because conditions (`nu: [...]`) read it; the
/// advice works it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Now {
    /// Not answered, or "weet ik niet".
    Unknown,
    /// No one is involved yet.
    Nobody,
    /// One professional works alone.
    Single,
    /// Professionals work together at this step.
    Step(usize),
}

impl Now {
    /// Its place on the continuum for comparing: no one is below the first
    /// step, one professional is on it. `None` when unknown.
    pub fn rank(self) -> Option<i32> {
        match self {
            Now::Unknown => None,
            Now::Nobody => Some(-1),
            Now::Single => Some(0),
            Now::Step(i) => i32::try_from(i).ok(),
        }
    }

    /// The continuum step, when there is one (one professional counts as
    /// the first step).
    pub fn step(self) -> Option<usize> {
        match self {
            Now::Step(i) => Some(i),
            Now::Single => Some(0),
            Now::Unknown | Now::Nobody => None,
        }
    }

    /// The id used in conditions and JSON: a step id is given by the bank,
    /// the others are `onbekend`, `niemand` and `een`.
    pub fn status(self) -> &'static str {
        match self {
            Now::Unknown => "onbekend",
            Now::Nobody => "niemand",
            Now::Single => "een",
            Now::Step(_) => "stap",
        }
    }
}
