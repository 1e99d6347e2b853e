//! What scoring produces: structure, never prose.
//!
//! An [`Outcome`] names questions, options, rules and steps by id or index.
//! The renderers look the words up in the bank, so the same outcome can be
//! shown in Dutch or English, as text, Markdown or JSON.

use crate::session::responses::Choice;

/// The result of scoring one session.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// One per goal, in entry order (the same order as the session).
    pub goals: Vec<GoalOutcome>,
    /// The suggestion for the case as a whole.
    pub case: Advice,
    /// The goal whose need sets the case suggestion (the heaviest; on a tie,
    /// the one the family puts first). `None` when there are no goals.
    pub driving_goal: Option<usize>,
    /// How the professionals work together now (a step index), if known.
    pub current: Option<usize>,
    pub direction: Direction,
    /// The heaviest step the organisation & policy answers say is possible.
    pub possible: Option<usize>,
    /// Needed versus possible, when the organisation & policy answers show a
    /// gap.
    pub gap: Option<Gap>,
    /// Case-level action points (per-goal ones are on the goals).
    pub actions: Vec<Action>,
    /// Goals in order of priority according to the family.
    pub order_family: Vec<usize>,
    /// Goals in order of priority according to the professionals.
    pub order_care: Vec<usize>,
    /// Both orders were given and they differ.
    pub orders_differ: bool,
    /// Number of "weet ik niet" answers and skipped questions.
    pub dont_know: usize,
    pub skipped: usize,
    /// The professional's own choice for the case, if any.
    pub override_: Option<Choice>,
}

/// The suggestion for one goal.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalOutcome {
    pub advice: Advice,
    pub direction: Direction,
    pub actions: Vec<Action>,
    pub override_: Option<Choice>,
}

/// A suggested step with everything that moved it.
#[derive(Clone, Debug, PartialEq)]
pub struct Advice {
    /// The needed step (0–4) after rules.
    pub need: usize,
    /// What to do now: the need, unless a rule says to do something lighter
    /// first (eerst afstemmen).
    pub now: usize,
    /// Points from known answers.
    pub points: i32,
    /// Points if every unknown answer took its lightest / heaviest option.
    pub points_low: i32,
    pub points_high: i32,
    /// The lightest and heaviest step the answers fit.
    pub fits: (usize, usize),
    pub certainty: Certainty,
    /// Why, most important first.
    pub reasons: Vec<Reason>,
}

/// How sure the suggestion is, from the share of weighted answers that are
/// known.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Certainty {
    pub level: CertaintyLevel,
    /// Share of the weight range that is resolved, 0.0–1.0.
    pub share: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertaintyLevel {
    High,
    Medium,
    Low,
}

impl CertaintyLevel {
    pub(crate) fn id(self) -> &'static str {
        match self {
            CertaintyLevel::High => "hoog",
            CertaintyLevel::Medium => "middel",
            CertaintyLevel::Low => "laag",
        }
    }
}

/// The direction from the current to the suggested step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Fits,
    AlignFirst,
}

impl Direction {
    /// The id in the bank and in JSON (`richting`).
    pub(crate) fn id(self) -> &'static str {
        match self {
            Direction::Up => "opschalen",
            Direction::Down => "afschalen",
            Direction::Fits => "passend",
            Direction::AlignFirst => "eerst_afstemmen",
        }
    }

    pub(crate) fn from_id(id: &str) -> Option<Direction> {
        match id {
            "opschalen" => Some(Direction::Up),
            "afschalen" => Some(Direction::Down),
            "passend" => Some(Direction::Fits),
            "eerst_afstemmen" => Some(Direction::AlignFirst),
            _ => None,
        }
    }
}

/// One thing that moved (or bounded) a suggestion.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// The weights of the chosen option(s) of a question.
    Answer {
        question: String,
        options: Vec<usize>,
        points: i32,
    },
    /// Points for the number of options chosen (`telling`).
    Count {
        question: String,
        options: Vec<usize>,
        count: u32,
        points: i32,
    },
    /// Points for a product of counts (`combinaties`, e.g. breadth).
    Combination {
        id: String,
        factors: Vec<u32>,
        points: i32,
    },
    /// A "weet ik niet" or skipped answer that could move the points.
    Unknown {
        question: String,
        skipped: bool,
        low: i32,
        high: i32,
    },
    /// The answers fit two (or more) steps; the lighter one is suggested.
    Lighter {
        lighter: usize,
        heavier: usize,
        because: LighterBecause,
    },
    /// A rule held.
    Rule { rule: String, effect: RuleEffect },
    /// Nothing pointed to more collaboration.
    Nothing,
}

impl Reason {
    /// Points this reason added, for sorting.
    pub fn points(&self) -> i32 {
        match self {
            Reason::Answer { points, .. }
            | Reason::Count { points, .. }
            | Reason::Combination { points, .. } => *points,
            _ => 0,
        }
    }
}

/// Why the answers fit more than one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LighterBecause {
    /// The points are just over a threshold (within `grensmarge`).
    Margin,
    /// Unknown answers leave room for a heavier step.
    Unknown,
}

/// What a rule did to the suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleEffect {
    /// Raised the need to at least this step.
    Raised { from: usize, to: usize },
    /// Capped the need at this step.
    Capped { from: usize, to: usize },
    /// Its floor or cap already held.
    Confirmed,
    /// Set what to do first.
    First { to: usize },
    /// Set the direction only, or only added an action.
    Noted,
}

/// An action point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// "Zoek uit": a question answered with "weet ik niet".
    FindOut { question: String },
    /// The action text of a chosen option.
    Option { question: String, option: usize },
    /// The action text of a rule that held.
    Rule { rule: String },
    /// Parties needed for a goal but not involved (option indices of the
    /// `nodig` question).
    Missing { parties: Vec<usize> },
}

/// Needed versus possible.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    /// The needed step for the case.
    pub need: usize,
    /// The heaviest step that is possible.
    pub possible: usize,
    /// The answers that limit what is possible: (question, option).
    pub limits: Vec<(String, usize)>,
    /// Answers that say where the gap lies and where to take it.
    pub sources: Vec<(String, usize)>,
    /// Goals whose need is above what is possible.
    pub goals: Vec<usize>,
}
