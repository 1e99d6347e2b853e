//! What scoring produces: structure, never prose.
//!
//! An [`Outcome`] names questions, options, rules and steps by id or index.
//! The renderers look the words up in the bank, so the same outcome can be
//! shown in Dutch or English, as text, Markdown or JSON.
//!
//! Four positions per goal are kept apart (see `docs/advies.md`): *nu*
//! ([`Now`]), *overwogen* ([`Outcome::considered`]), *nodig*
//! ([`Advice::need`]) and *mogelijk* ([`Possible`]). An unknown position is
//! [`Now::Unknown`] or [`Possible::Unknown`], never a step.

use crate::session::responses::Choice;
pub use crate::session::responses::Now;

/// The result of scoring one session.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// One per goal, in entry order (the same order as the session).
    pub goals: Vec<GoalOutcome>,
    /// The suggestion for the case as a whole: the heaviest goal's need, and
    /// the heaviest advice over the goals.
    pub case: Advice,
    /// The goal whose need sets the case suggestion (the heaviest; on a tie,
    /// the one the family puts first). `None` when there are no goals.
    pub driving_goal: Option<usize>,
    /// How the professionals around the family work together now.
    pub current: Now,
    pub direction: Direction,
    /// Rule ids and structural signals (`lichter_dan_overwogen`,
    /// `nu_onbekend`, `mogelijk_onbekend`, `kloof`, `te_weinig`,
    /// `nog_niet_afschalen`) for the case.
    pub signals: Vec<String>,
    /// The step of the form that is being considered, if one was named.
    pub considered: Option<usize>,
    /// What organisation and policy make possible.
    pub possible: Possible,
    /// Needed versus possible, when what is possible is lighter than the
    /// need.
    pub gap: Option<Gap>,
    /// Case-level action points (per-goal ones are on the goals).
    pub actions: Vec<Action>,
    /// Goals in order of priority according to the family.
    pub order_family: Vec<usize>,
    /// Goals in order of priority according to the professionals.
    pub order_care: Vec<usize>,
    /// Whether each order was actually given (an order that was not given
    /// is entry order and must not be shown as if it were).
    pub order_family_given: bool,
    pub order_care_given: bool,
    /// Both orders were given and they differ.
    pub orders_differ: bool,
    /// Number of "weet ik niet" answers and skipped questions.
    pub dont_know: usize,
    pub skipped: usize,
    /// At the moment afschalen: the goals by whether the family got stuck on
    /// them and whether they were reached.
    pub scale_down: Option<ScaleDown>,
    /// The professional's own choice for the case, if any.
    pub override_: Option<Choice>,
}

/// The suggestion for one goal.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalOutcome {
    pub advice: Advice,
    /// How those involved in this goal work together now.
    pub current: Now,
    /// The current step was taken from the case answer, because the goal's
    /// own answer was missing and the parties it needs are involved.
    pub current_from_case: bool,
    pub direction: Direction,
    /// Rule ids that held and mattered, and structural signals.
    pub signals: Vec<String>,
    pub actions: Vec<Action>,
    /// Ids of the bank's domains that apply to this goal.
    pub domains: Vec<String>,
    /// Whether the family got stuck on this goal, when known.
    pub stuck: Option<bool>,
    /// Whether the goal has been reached, when known.
    pub reached: Option<bool>,
    pub override_: Option<Choice>,
}

/// A suggested step with everything that moved it.
#[derive(Clone, Debug, PartialEq)]
pub struct Advice {
    /// The needed step (0–4) after rules: the lightest step every open
    /// question allows.
    pub need: usize,
    /// What to do now: the need, unless a rule says to do something lighter
    /// first (eerst afstemmen).
    pub step: usize,
    /// Points from the answers that shift a step (the goal's own and, within
    /// the bank's range, the family's).
    pub points: i32,
    /// The lightest and heaviest need the answers allow, open questions
    /// included (`fits.0 == need`).
    pub fits: (usize, usize),
    pub certainty: Certainty,
    /// Why, most important first. Only what moved the outcome.
    pub reasons: Vec<Reason>,
}

/// What organisation and policy make possible.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Possible {
    /// No answer says anything (or all are open).
    Unknown,
    /// Every answer is known; this is the heaviest possible step.
    Known(usize),
    /// Some answers are known and allow at most this step; others are open.
    AtMost(usize),
}

impl Possible {
    /// The heaviest step the known answers allow.
    pub fn limit(self) -> Option<usize> {
        match self {
            Possible::Unknown => None,
            Possible::Known(s) | Possible::AtMost(s) => Some(s),
        }
    }
}

/// How sure the suggestion is, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Certainty {
    pub level: CertaintyLevel,
    /// Core questions answered, of how many were asked.
    pub answered: usize,
    pub core: usize,
    /// The suggestion rests on too few answers.
    pub too_few: bool,
    /// Open questions (unknown, skipped, or unanswered core questions) that
    /// count toward the need.
    pub open: Vec<String>,
    /// Of those, the ones that on their own could make the need heavier.
    pub heavier: Vec<String>,
}

/// From most to least certain: `High < Medium < Low` in the derived order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CertaintyLevel {
    High,
    Medium,
    Low,
}

impl CertaintyLevel {
    pub fn id(self) -> &'static str {
        match self {
            CertaintyLevel::High => "hoog",
            CertaintyLevel::Medium => "middel",
            CertaintyLevel::Low => "laag",
        }
    }
}

/// The direction from where things stand now to what to do now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Fits,
    AlignFirst,
    LighterThanConsidered,
    ImproveTeamAlignment,
    Unknown,
}

impl Direction {
    /// The id in the bank and in JSON (`richting`).
    pub fn id(self) -> &'static str {
        match self {
            Direction::Up => "opschalen",
            Direction::Down => "afschalen",
            Direction::Fits => "passend",
            Direction::AlignFirst => "eerst_afstemmen",
            Direction::LighterThanConsidered => "lichter_dan_overwogen",
            Direction::ImproveTeamAlignment => "verbeter_afstemming",
            Direction::Unknown => "onbekend",
        }
    }

    pub fn from_id(id: &str) -> Option<Direction> {
        Some(match id {
            "opschalen" => Direction::Up,
            "afschalen" => Direction::Down,
            "passend" => Direction::Fits,
            "eerst_afstemmen" => Direction::AlignFirst,
            "lichter_dan_overwogen" => Direction::LighterThanConsidered,
            "verbeter_afstemming" => Direction::ImproveTeamAlignment,
            "onbekend" => Direction::Unknown,
            _ => return None,
        })
    }
}

/// One thing that moved (or bounded) a suggestion.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// The kind of question (the answer to `scoring.basis`) set the base.
    Base { option: usize, step: usize },
    /// The kind of question is open; the base is the lightest it allows.
    BaseOpen { step: usize },
    /// These answers together shifted the step by `steps` (positive:
    /// heavier).
    Shift { steps: i32, parts: Vec<Part> },
    /// The kind of question's bounds kept the step at `step` (`high`: the
    /// heaviest it allows).
    Bound { high: bool, step: usize },
    /// The family-wide answers counted for at most `max` points, and that
    /// kept the step lighter.
    FamilyCapped { max: i32 },
    /// A rule that changed the need, or set what to do first.
    Rule { rule: String, effect: RuleEffect },
    /// Nothing asked for more than this step.
    Light { step: usize },
}

/// One answer (or combination) that counted in a shift.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Chosen options of a question and the points they gave (including a
    /// `telling` for the number chosen). `open`: the question is open and
    /// was counted at its lightest.
    Answer {
        question: String,
        options: Vec<usize>,
        points: i32,
        open: bool,
    },
    /// A product of counts (`combinaties`, e.g. breadth).
    Combination {
        id: String,
        factors: Vec<u32>,
        points: i32,
    },
}

impl Part {
    pub fn points(&self) -> i32 {
        match self {
            Part::Answer { points, .. } | Part::Combination { points, .. } => *points,
        }
    }
}

/// What a rule did to the suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleEffect {
    /// Raised the need from one step to another.
    Raised { from: usize, to: usize },
    /// Capped the need from one step to another.
    Capped { from: usize, to: usize },
    /// Set what to do first: this step instead of the need.
    First { to: usize },
    /// Set the direction only.
    Direction,
}

/// An action point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// A question answered with "weet ik niet" (or open): find it out.
    FindOut { question: String },
    /// The action text of a chosen option.
    Option { question: String, option: usize },
    /// The action text of a rule that held.
    Rule { rule: String },
    /// The action of a direction (afschalen: warme overdracht; lichter dan
    /// overwogen). `step` is what to do now.
    Direction { direction: Direction, step: usize },
    /// How those involved work together now is unknown.
    FindOutNow,
    /// Whether the need is possible is unknown.
    FindOutPossible { need: usize },
    /// Parties needed for a goal but not involved (option indices of the
    /// `nodig` question).
    Missing { parties: Vec<usize> },
}

impl Action {
    /// Where an action point belongs: do now, find out, or take to the
    /// organisation.
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::FindOut { .. } | Action::FindOutNow | Action::FindOutPossible { .. } => {
                ActionKind::FindOut
            }
            _ => ActionKind::Do,
        }
    }
}

/// The three groups of action points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ActionKind {
    Do,
    FindOut,
    TakeTo,
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

/// At the moment afschalen: which goals made the family get stuck, whether
/// they were reached, and what remains.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScaleDown {
    /// The family got stuck on these and they have been reached.
    pub stuck_reached: Vec<usize>,
    /// The family got stuck on these and they have not been reached (or it
    /// is not known).
    pub stuck_open: Vec<usize>,
    /// Goals the family did not get stuck on: they remain.
    pub remaining: Vec<usize>,
    /// Goals for which it is not known whether the family got stuck on them.
    pub unclear: Vec<usize>,
    /// The answer to "who takes over": (question, option), if given.
    pub takeover: Option<(String, usize)>,
}
