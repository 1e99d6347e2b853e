//! The interview as a state machine: which question comes now, and what a
//! reply does to the session. No terminal, no clock, no file system: the
//! terminal session drives it through a [`super::Prompter`], the browser
//! edition step by step, one reply per click.
//!
//! The steps are computed from the session as it stands, so they always
//! agree with the bank: a question whose `toon_als` no longer holds
//! disappears, a new goal brings its questions, and going back is one step
//! back in that list.

use super::prompt::{Prompt, Reply};
use crate::bank::{Bank, Condition, DONT_KNOW, Kind, Phase, Question, SKIPPED};
use crate::base::located::Located;
use crate::base::sanitize;
use crate::base::text::Lang;
use crate::base::ui::{Ui, fill, ui};
use crate::session::condition;
use crate::session::draft::Depth;
use crate::session::resolve;
use crate::session::responses::Responses;
use crate::session::{Answer, Goal, Session, goal_key};

/// At most this many goals; practitioners work with a handful at a time.
pub(crate) const MAX_GOALS: usize = 6;

/// One thing the interview asks.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Moment,
    Start,
    Goals,
    Order(String),
    Question { id: String, goal: Option<usize> },
}

enum Move {
    Next,
    Back,
}

/// The parts of a session, each with its own count in the position line.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    /// The moment and the start question.
    Begin,
    /// Entering the goals and putting them in order.
    Goals,
    /// The questions for one goal.
    Goal(usize),
    /// The questions about the case as a whole, on one level.
    Level(String),
}

/// Where a step is within itself: most steps are one prompt, the goals and
/// the priority orders are a few in a row.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Sub {
    /// The step's own prompt.
    Ask,
    /// The goals entered so far, with continue/add/rename/remove.
    GoalsMenu,
    /// Typing goal labels; `first_time` when there were none yet;
    /// `retype` the goal taken back with Back, standing in the field.
    EnterGoals { first_time: bool, retype: String },
    /// Which goal to rename (or remove).
    PickGoal { rename: bool },
    /// The new label of this goal.
    Rename(usize),
    /// The goals put in order so far.
    Order(Vec<usize>),
    /// A multiple choice that was refused, with what was ticked.
    Refused(Vec<usize>),
}

/// How a prompt is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// One of the items.
    One,
    /// Any number of the items.
    Many,
    /// A short text.
    Text,
}

/// An answer to a prompt, of the [`Ask`] kind it asked for (another kind is
/// ignored, and the prompt stays).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    One(usize),
    Many(Vec<usize>),
    Text(String),
}

/// A session being answered, one reply at a time: [`Flow::current`] is the
/// prompt to show, [`Flow::reply`] what the user did, [`Flow::messages`]
/// what to tell them before the next prompt.
pub struct Flow<'a> {
    bank: &'a Bank,
    depth: Depth,
    session: Session,
    lang: Lang,
    /// The place of `step` in the steps.
    pos: usize,
    /// `None` when every step is answered.
    step: Option<Step>,
    sub: Sub,
    messages: Vec<String>,
    changed: bool,
    moves: u64,
}

impl<'a> Flow<'a> {
    /// Starts (or resumes, at the first unanswered step) a session.
    pub fn new(bank: &'a Bank, depth: Depth, session: Session, lang: Lang) -> Self {
        let mut flow = Flow {
            bank,
            depth,
            session,
            lang,
            pos: 0,
            step: None,
            sub: Sub::Ask,
            messages: Vec::new(),
            changed: false,
            moves: 0,
        };
        let first = flow.first_unanswered();
        flow.enter(first);
        flow
    }

    /// The session as answered so far.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The session, when done.
    pub fn into_session(self) -> Session {
        self.session
    }

    /// The language asked in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Asks in another language from the next prompt on.
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    /// Whether every step is answered.
    pub fn done(&self) -> bool {
        self.step.is_none()
    }

    /// What to tell the user before the next prompt (a help text, why an
    /// answer was refused), taken once.
    pub fn messages(&mut self) -> Vec<String> {
        std::mem::take(&mut self.messages)
    }

    /// Whether the session changed since the last call (to save it).
    pub fn take_changed(&mut self) -> bool {
        std::mem::take(&mut self.changed)
    }

    /// How many times the interview went to another step (or started the
    /// same one over); a front-end tells of a failed save when it changes.
    pub fn moves(&self) -> u64 {
        self.moves
    }

    /// One step back, also from the end (to change the last answer).
    pub fn back(&mut self) {
        match self.step {
            None => self.enter(self.pos.saturating_sub(1)),
            Some(_) => self.reply(Reply::Back),
        }
    }

    /// Goes to step `pos` (or to the end), starting it afresh.
    fn enter(&mut self, pos: usize) {
        self.moves += 1;
        let steps = self.steps();
        self.pos = pos.min(steps.len());
        self.step = steps.get(self.pos).cloned();
        self.sub = match &self.step {
            Some(Step::Goals) if self.session.goals.is_empty() => {
                self.messages.push(self.ui().iv_goals_intro.to_owned());
                Sub::EnterGoals {
                    first_time: true,
                    retype: String::new(),
                }
            }
            Some(Step::Goals) => Sub::GoalsMenu,
            Some(Step::Order(_)) => Sub::Order(Vec::new()),
            _ => Sub::Ask,
        };
        // A question the bank does not have (cannot happen with a checked
        // bank) is passed over.
        let missing = match &self.step {
            Some(Step::Order(id) | Step::Question { id, .. }) => self.bank.question(id).is_none(),
            _ => false,
        };
        if missing {
            self.go(Move::Next);
        }
    }

    fn go(&mut self, mv: Move) {
        let pos = match mv {
            Move::Next => {
                let steps = self.steps();
                self.step
                    .as_ref()
                    .and_then(|step| steps.iter().position(|s| s == step))
                    .map_or(self.pos + 1, |i| i + 1)
            }
            Move::Back => self.pos.saturating_sub(1),
        };
        self.enter(pos);
    }

    fn ui(&self) -> &'static Ui {
        ui(self.lang)
    }

    fn responses(&self) -> Responses {
        // The interview only writes valid answers, so this cannot fail; an
        // empty set is the safe fallback.
        resolve::resolve(self.bank, &self.session, "")
            .map(|(r, _)| r)
            .unwrap_or_default()
    }

    fn asked(&self, q: &Question) -> bool {
        self.depth == Depth::Full || q.phase() == Phase::Screening
    }

    fn steps(&self) -> Vec<Step> {
        let bank = self.bank;
        let r = self.responses();
        let mut steps = vec![Step::Moment, Step::Start, Step::Goals];
        if self.session.goals.len() > 1 {
            for q in bank
                .questions
                .iter()
                .filter(|q| q.kind.value == Kind::Order)
            {
                if self.asked(q) && condition::shown(bank, q, &r, None) {
                    steps.push(Step::Order(q.id.value.clone()));
                }
            }
        }
        for g in r.order(bank, "gezin") {
            for q in bank.questions.iter().filter(|q| q.per_goal) {
                if self.asked(q) && condition::shown(bank, q, &r, Some(g)) {
                    steps.push(Step::Question {
                        id: q.id.value.clone(),
                        goal: Some(g),
                    });
                }
            }
        }
        for level in &bank.levels {
            for q in bank.questions.iter().filter(|q| {
                !q.per_goal && q.kind.value != Kind::Order && q.level.value == level.id.value
            }) {
                if self.asked(q) && condition::shown(bank, q, &r, None) {
                    steps.push(Step::Question {
                        id: q.id.value.clone(),
                        goal: None,
                    });
                }
            }
        }
        steps
    }

    fn answered(&self, step: &Step) -> bool {
        match step {
            Step::Moment => self.session.moment.is_some(),
            Step::Start => self
                .session
                .answers
                .contains_key(self.bank.start_question.id.value.as_str()),
            Step::Goals => !self.session.goals.is_empty(),
            Step::Order(id) => self.session.answers.contains_key(id.as_str()),
            Step::Question { id, goal: None } => self.session.answers.contains_key(id.as_str()),
            Step::Question { id, goal: Some(g) } => self
                .session
                .goals
                .get(*g)
                .is_some_and(|goal| goal.answers.contains_key(id.as_str())),
        }
    }

    /// Where a resumed session continues.
    fn first_unanswered(&self) -> usize {
        let steps = self.steps();
        steps
            .iter()
            .position(|s| !self.answered(s))
            .unwrap_or(steps.len())
    }

    /// The part of the session a step belongs to, for the position line.
    fn part(&self, step: &Step) -> Part {
        match step {
            Step::Moment | Step::Start => Part::Begin,
            Step::Goals | Step::Order(_) => Part::Goals,
            Step::Question { goal: Some(g), .. } => Part::Goal(*g),
            Step::Question { id, goal: None } => Part::Level(
                self.bank
                    .question(id)
                    .map_or_else(String::new, |q| q.level.value.clone()),
            ),
        }
    }

    /// Whether `cond` is about a question that has no answer yet (for
    /// this goal, or for some goal when asked for the case) and that may
    /// still be asked: its answer can still change what `cond` says.
    fn open(&self, cond: &Condition, r: &Responses, goal: Option<usize>, depth: usize) -> bool {
        let Some(id) = &cond.question else {
            return false;
        };
        let Some(q) = self.bank.question(&id.value) else {
            return false;
        };
        let open = |goal: Option<usize>| {
            !self.answered(&Step::Question {
                id: id.value.clone(),
                goal,
            }) && self.may_be_asked(q, r, goal, depth + 1)
        };
        match (q.per_goal, goal) {
            (true, Some(g)) => open(Some(g)),
            (true, None) => (0..self.session.goals.len()).any(|g| open(Some(g))),
            (false, _) => open(None),
        }
    }

    /// Whether `q` is asked, or may still be, as far as is known now.
    fn may_be_asked(&self, q: &Question, r: &Responses, goal: Option<usize>, depth: usize) -> bool {
        // Conditions on conditions are short; a loop in the bank is not
        // followed forever.
        self.asked(q)
            && (depth > 8
                || q.show_if
                    .iter()
                    .all(|c| self.may_hold(c, r, goal, true, depth)))
    }

    /// Whether `cond` holds, or may still come to hold (`could`), or holds
    /// and will go on holding whatever is answered later (not `could`).
    fn may_hold(
        &self,
        cond: &Condition,
        r: &Responses,
        goal: Option<usize>,
        could: bool,
        depth: usize,
    ) -> bool {
        if let Some(any) = &cond.any_of {
            return any.iter().any(|c| self.may_hold(c, r, goal, could, depth));
        }
        let holds = condition::holds(self.bank, cond, r, goal, condition::Context::default());
        if could {
            holds || self.open(cond, r, goal, depth)
        } else {
            holds && !self.open(cond, r, goal, depth)
        }
    }

    /// How many questions a part has, as far as is known now: those that
    /// will be asked whatever comes, and those that may be asked (they
    /// depend on an answer not given yet). As answers come in the two meet,
    /// so the count in the position line narrows and never grows.
    fn part_size(&self, part: &Part, steps: &[Step]) -> (usize, usize) {
        let r = self.responses();
        let count = |goal: Option<usize>, could: bool| {
            self.bank
                .questions
                .iter()
                .filter(|q| match (part, goal) {
                    (Part::Goal(_), _) => q.per_goal,
                    (Part::Level(level), _) => {
                        !q.per_goal && q.kind.value != Kind::Order && q.level.value == *level
                    }
                    _ => false,
                })
                .filter(|q| {
                    self.asked(q)
                        && q.show_if
                            .iter()
                            .all(|c| self.may_hold(c, &r, goal, could, 0))
                })
                .count()
        };
        match part {
            Part::Begin => (2, 2),
            Part::Goals => {
                let n = steps.iter().filter(|s| matches!(s, Step::Order(_))).count();
                (n, n)
            }
            Part::Goal(g) => (count(Some(*g), false), count(Some(*g), true)),
            Part::Level(_) => (count(None, false), count(None, true)),
        }
    }

    /// How many questions of the whole session were skipped.
    fn skipped(&self) -> usize {
        let skipped = |a: &Located<Answer>| matches!(&a.value, Answer::One(id) if id == SKIPPED);
        self.session.answers.values().filter(|a| skipped(a)).count()
            + self
                .session
                .goals
                .iter()
                .flat_map(|g| g.answers.values())
                .filter(|a| skipped(a))
                .count()
    }

    /// The position line: the part of the session, and the question's place
    /// in that part. "Doel 2 van 3: label · Niveau van professionals ·
    /// vraag 3 van 8", "Casus als geheel · Niveau van het gezin · vraag 1
    /// van 6". Counting per part (and per goal) keeps the numbers small and
    /// steady: adding a goal does not change them. `extra` (the place in a
    /// priority order) goes after the count, before the number of skipped
    /// questions.
    fn position(&self, steps: &[Step], pos: usize, extra: Option<&str>) -> String {
        let ui = self.ui();
        let Some(step) = steps.get(pos) else {
            return String::new();
        };
        let part = self.part(step);
        let mut parts = Vec::new();
        match &part {
            Part::Begin => parts.push(ui.iv_part_begin.to_owned()),
            Part::Goals => parts.push(ui.iv_part_goals.to_owned()),
            Part::Goal(g) => {
                let label = self.session.goals.get(*g).map_or("", |x| &x.label.value);
                let order = self.responses().order(self.bank, "gezin");
                let rank = order.iter().position(|i| i == g).map_or(g + 1, |r| r + 1);
                parts.push(fill(
                    ui.iv_goal_header,
                    &[
                        ("i", &rank.to_string()),
                        ("n", &self.session.goals.len().to_string()),
                        ("label", &sanitize::line(label)),
                    ],
                ));
            }
            Part::Level(_) => parts.push(ui.iv_part_case.to_owned()),
        }
        if let Step::Question { id, .. } = step
            && let Some(level) = self
                .bank
                .question(id)
                .and_then(|q| self.bank.level(&q.level.value))
        {
            parts.push(sanitize::line(level.name.get(self.lang)));
        }
        if *step == Step::Start {
            parts.push(ui.iv_start.to_owned());
        }
        // While the goals are being entered there is nothing to count yet.
        if *step != Step::Goals {
            let in_part = |s: &&Step| self.part(s) == part && !matches!(s, Step::Goals);
            let k = steps[..pos].iter().filter(in_part).count() + 1;
            let (least, most) = self.part_size(&part, steps);
            let most = most.max(k);
            let least = least.max(k).min(most);
            parts.push(if least == most {
                fill(
                    ui.iv_progress,
                    &[("n", &k.to_string()), ("total", &most.to_string())],
                )
            } else {
                fill(
                    ui.iv_progress_range,
                    &[
                        ("n", &k.to_string()),
                        ("least", &least.to_string()),
                        ("most", &most.to_string()),
                    ],
                )
            });
        }
        parts.extend(extra.map(str::to_owned));
        let skipped = self.skipped();
        if skipped > 0 {
            parts.push(fill(ui.iv_skipped_count, &[("n", &skipped.to_string())]));
        }
        parts.join(" · ")
    }

    /// What every question prompt shares: the position, the case text.
    fn prompt(&self, header: &str, title: String) -> Prompt {
        Prompt {
            header: header.to_owned(),
            title,
            case_text: self
                .session
                .case_text
                .as_ref()
                .map(|t| sanitize::multiline(t.trim()))
                .filter(|t| !t.is_empty()),
            ..Prompt::default()
        }
    }

    /// The "meer informatie" text of a question, with its source.
    fn info(&self, q: &Question) -> String {
        let info = q.info.as_ref().map_or_else(
            || self.ui().iv_no_help.to_owned(),
            |i| sanitize::line(i.get(self.lang)),
        );
        match &q.source {
            Some(s) => format!(
                "{info}\n\n{}: {}",
                self.ui().source,
                crate::views::continuum::source_title(self.bank, &s.value, self.lang)
            ),
            None => info,
        }
    }

    /// The prompt to show now and how it is answered; `None` when the
    /// session is done.
    pub fn current(&self) -> Option<(Ask, Prompt)> {
        let step = self.step.as_ref()?;
        let steps = self.steps();
        let pos = self.pos;
        let header = || self.position(&steps, pos, None);
        let ui = self.ui();
        Some(match step {
            Step::Moment => (Ask::One, self.moment_prompt(&header())),
            Step::Start => self.question_prompt(&self.bank.start_question, None, &header()),
            Step::Question { id, goal } => {
                let q = self.bank.question(id)?;
                self.question_prompt(q, *goal, &header())
            }
            Step::Order(id) => {
                let q = self.bank.question(id)?;
                let picked = match &self.sub {
                    Sub::Order(p) => p.as_slice(),
                    _ => &[],
                };
                (Ask::One, self.order_prompt(q, &steps, picked))
            }
            Step::Goals => match &self.sub {
                Sub::EnterGoals { first_time, retype } => {
                    let n = self.session.goals.len() + 1;
                    let prompt = Prompt {
                        initial_text: retype.clone(),
                        details: if n == 1 {
                            Vec::new()
                        } else {
                            vec![ui.iv_goal_done_hint.to_owned()]
                        },
                        // Empty means "done" here (see the hint), not "skip".
                        can_back: *first_time || n > 1,
                        info: Some(ui.iv_goals_intro.to_owned()),
                        ..self.prompt(
                            &header(),
                            fill(
                                ui.iv_goal_label,
                                &[("n", &n.to_string()), ("max", &MAX_GOALS.to_string())],
                            ),
                        )
                    };
                    (Ask::Text, prompt)
                }
                Sub::PickGoal { rename } => {
                    let title = if *rename {
                        ui.iv_goals_rename
                    } else {
                        ui.iv_goals_remove
                    };
                    let prompt = Prompt {
                        items: self.goal_labels(),
                        can_back: true,
                        ..self.prompt(&header(), title.to_owned())
                    };
                    (Ask::One, prompt)
                }
                Sub::Rename(g) => {
                    let prompt = Prompt {
                        initial_text: self
                            .session
                            .goals
                            .get(*g)
                            .map_or_else(String::new, |g| g.label.value.clone()),
                        can_back: true,
                        ..self.prompt(&header(), ui.iv_goal_new_label.to_owned())
                    };
                    (Ask::Text, prompt)
                }
                _ => {
                    let details = self
                        .goal_labels()
                        .iter()
                        .enumerate()
                        .map(|(i, g)| format!("{}. {g}", i + 1))
                        .collect();
                    let mut items = vec![ui.iv_goals_continue.to_owned()];
                    if self.session.goals.len() < MAX_GOALS {
                        items.push(ui.iv_goals_add.to_owned());
                    }
                    items.push(ui.iv_goals_rename.to_owned());
                    items.push(ui.iv_goals_remove.to_owned());
                    let prompt = Prompt {
                        details,
                        items,
                        default: Some(0),
                        can_back: true,
                        info: Some(ui.iv_goals_intro.to_owned()),
                        ..self.prompt(&header(), ui.iv_goals_title.to_owned())
                    };
                    (Ask::One, prompt)
                }
            },
        })
    }

    fn goal_labels(&self) -> Vec<String> {
        self.session
            .goals
            .iter()
            .map(|g| sanitize::line(&g.label.value))
            .collect()
    }

    fn moment_prompt(&self, header: &str) -> Prompt {
        let lang = self.lang;
        let moments = &self.bank.moments;
        Prompt {
            notes: moments
                .iter()
                .map(|m| {
                    m.explanation
                        .as_ref()
                        .map_or_else(String::new, |e| sanitize::line(e.get(lang)))
                })
                .collect(),
            items: moments
                .iter()
                .map(|m| sanitize::line(m.name.get(lang)))
                .collect(),
            default: self
                .session
                .moment
                .as_ref()
                .and_then(|id| moments.iter().position(|m| m.id.value == id.value)),
            info: Some(self.ui().iv_moment_info.to_owned()),
            ..self.prompt(header, self.ui().iv_moment.to_owned())
        }
    }

    fn question_prompt(&self, q: &Question, goal: Option<usize>, header: &str) -> (Ask, Prompt) {
        let lang = self.lang;
        let ui = self.ui();
        let mut prompt = Prompt {
            can_back: self.pos > 0,
            can_skip: true,
            info: Some(self.info(q)),
            ..self.prompt(header, sanitize::line(q.text.get(lang)))
        };
        let current = self.current_answer(q, goal);
        if matches!(current, Some(Answer::One(id)) if id == SKIPPED) {
            prompt.details.push(ui.iv_skipped_before.to_owned());
        }
        let dont_know = q.options.len();
        if q.kind.value.has_options() {
            prompt.items = q.options.iter().map(|o| o.label_in(lang)).collect();
            prompt.items.push(ui.dont_know.to_owned());
            prompt.notes = q
                .options
                .iter()
                .map(|o| {
                    o.anchor
                        .as_ref()
                        .map_or_else(String::new, |a| sanitize::line(a.get(lang)))
                })
                .collect();
            let mut group = None;
            for (i, o) in q.options.iter().enumerate() {
                let id = o.group.as_ref().map(|g| g.value.as_str());
                if id.is_some() && id != group {
                    group = id;
                    if let Some(g) = q.groups.iter().find(|g| Some(g.id.value.as_str()) == id) {
                        prompt.groups.push((i, sanitize::line(g.name.get(lang))));
                    }
                }
            }
            if q.kind.value == Kind::Multi {
                prompt.exclusive = q
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.exclusive)
                    .map(|(i, _)| i)
                    .chain([dont_know])
                    .collect();
            }
        }
        let ask = match q.kind.value {
            Kind::Multi => {
                // What was ticked before; kept over a refused answer.
                prompt.checked = match (&self.sub, current) {
                    (Sub::Refused(chosen), _) => chosen.clone(),
                    (_, Some(Answer::Many(ids))) => {
                        ids.iter().filter_map(|id| q.option_index(id)).collect()
                    }
                    (_, Some(Answer::One(id))) if id == DONT_KNOW => vec![dont_know],
                    _ => Vec::new(),
                };
                Ask::Many
            }
            Kind::FreeText => {
                prompt.initial_text = match current {
                    Some(Answer::One(t)) if t != SKIPPED => t.clone(),
                    _ => String::new(),
                };
                Ask::Text
            }
            _ => {
                prompt.default = match current {
                    Some(Answer::One(id)) if id == DONT_KNOW => Some(dont_know),
                    Some(Answer::One(id)) => q.option_index(id),
                    _ => None,
                };
                Ask::One
            }
        };
        (ask, prompt)
    }

    fn order_prompt(&self, q: &Question, steps: &[Step], picked: &[usize]) -> Prompt {
        let ui = self.ui();
        let labels = self.goal_labels();
        let n = labels.len();
        let remaining: Vec<usize> = (0..n).filter(|i| !picked.contains(i)).collect();
        let place = fill(
            ui.iv_order_place,
            &[
                ("k", &(picked.len() + 1).to_string()),
                ("n", &n.to_string()),
            ],
        );
        Prompt {
            details: if picked.is_empty() {
                vec![ui.iv_order_hint.to_owned()]
            } else {
                picked
                    .iter()
                    .enumerate()
                    .map(|(k, i)| format!("{}. {}", k + 1, labels[*i]))
                    .collect()
            },
            items: remaining.iter().map(|i| labels[*i].clone()).collect(),
            can_back: true,
            can_skip: true,
            info: Some(self.info(q)),
            ..self.prompt(
                &self.position(steps, self.pos, Some(&place)),
                sanitize::line(q.text.get(self.lang)),
            )
        }
    }

    /// What the user did at the current prompt.
    pub fn reply(&mut self, reply: Reply<Input>) {
        let Some(step) = self.step.clone() else {
            return;
        };
        match step {
            Step::Moment => match reply {
                Reply::Answer(Input::One(i)) if i < self.bank.moments.len() => {
                    self.session.moment = Some(Located::new(self.bank.moments[i].id.value.clone()));
                    self.changed = true;
                    self.go(Move::Next);
                }
                Reply::Back => self.go(Move::Back),
                Reply::Help => self.messages.push(self.ui().iv_moment_info.to_owned()),
                _ => {}
            },
            Step::Start => {
                let bank = self.bank;
                self.reply_question(&bank.start_question, None, reply);
            }
            Step::Question { id, goal } => {
                let bank = self.bank;
                if let Some(q) = bank.question(&id) {
                    self.reply_question(q, goal, reply);
                }
            }
            Step::Order(id) => {
                let bank = self.bank;
                if let Some(q) = bank.question(&id) {
                    self.reply_order(q, reply);
                }
            }
            Step::Goals => self.reply_goals(reply),
        }
    }

    fn reply_question(&mut self, q: &Question, goal: Option<usize>, reply: Reply<Input>) {
        let ui = self.ui();
        let dont_know = q.options.len();
        match (q.kind.value, reply) {
            (Kind::YesNo | Kind::Choice | Kind::Scale, Reply::Answer(Input::One(i)))
                if i == dont_know =>
            {
                self.set_answer(q, goal, Answer::One(DONT_KNOW.to_owned()));
                self.go(Move::Next);
            }
            (Kind::YesNo | Kind::Choice | Kind::Scale, Reply::Answer(Input::One(i)))
                if i < dont_know =>
            {
                self.set_answer(q, goal, Answer::One(q.options[i].id.value.clone()));
                self.go(Move::Next);
            }
            (Kind::Multi, Reply::Answer(Input::Many(chosen))) => {
                let exclusive =
                    |i: &usize| *i == dont_know || q.options.get(*i).is_some_and(|o| o.exclusive);
                if chosen.contains(&dont_know) && chosen.len() > 1 {
                    self.messages.push(ui.iv_dont_know_alone.to_owned());
                    self.sub = Sub::Refused(chosen);
                } else if chosen.len() > 1
                    && let Some(&i) = chosen.iter().find(|i| exclusive(i))
                {
                    let label = q
                        .options
                        .get(i)
                        .map_or_else(|| ui.dont_know.to_owned(), |o| o.label_in(self.lang));
                    self.messages
                        .push(fill(ui.iv_exclusive, &[("option", &label)]));
                    self.sub = Sub::Refused(chosen);
                } else if chosen.contains(&dont_know) {
                    self.set_answer(q, goal, Answer::One(DONT_KNOW.to_owned()));
                    self.go(Move::Next);
                } else {
                    let mut chosen = chosen;
                    chosen.sort_unstable();
                    chosen.dedup();
                    let ids = chosen
                        .into_iter()
                        .filter_map(|i| q.options.get(i).map(|o| o.id.value.clone()))
                        .collect();
                    self.set_answer(q, goal, Answer::Many(ids));
                    self.go(Move::Next);
                }
            }
            (Kind::FreeText, Reply::Answer(Input::Text(t))) if !t.trim().is_empty() => {
                self.set_answer(q, goal, Answer::One(t.trim().to_owned()));
                self.go(Move::Next);
            }
            (Kind::FreeText, Reply::Answer(Input::Text(_))) => {
                self.common_reply(q, goal, Reply::Skip);
            }
            (Kind::Order, Reply::Answer(_)) => self.go(Move::Next),
            (_, other) => self.common_reply(q, goal, other),
        }
    }

    /// Back, skip and help, the same for every kind of question.
    fn common_reply(&mut self, q: &Question, goal: Option<usize>, reply: Reply<Input>) {
        match reply {
            Reply::Back => self.go(Move::Back),
            Reply::Skip => {
                self.set_answer(q, goal, Answer::One(SKIPPED.to_owned()));
                self.go(Move::Next);
            }
            Reply::Help => {
                let text = format!("{}: {}", self.ui().iv_help_title, self.info(q));
                self.messages.push(text);
            }
            Reply::Answer(_) => {}
        }
    }

    fn reply_order(&mut self, q: &Question, reply: Reply<Input>) {
        let mut picked = match &self.sub {
            Sub::Order(p) => p.clone(),
            _ => Vec::new(),
        };
        let n = self.session.goals.len();
        let remaining: Vec<usize> = (0..n).filter(|i| !picked.contains(i)).collect();
        match reply {
            Reply::Answer(Input::One(i)) if i < remaining.len() => picked.push(remaining[i]),
            Reply::Back if picked.is_empty() => return self.go(Move::Back),
            Reply::Back => {
                picked.pop();
            }
            Reply::Skip => {
                self.set_answer(q, None, Answer::One(SKIPPED.to_owned()));
                return self.go(Move::Next);
            }
            other => self.common_reply(q, None, other),
        }
        if picked.len() + 1 < n {
            self.sub = Sub::Order(picked);
            return;
        }
        let last = (0..n).find(|i| !picked.contains(i));
        picked.extend(last);
        let order = picked
            .into_iter()
            .map(|i| self.session.goals[i].label.value.clone())
            .collect();
        self.set_answer(q, None, Answer::Many(order));
        self.go(Move::Next);
    }

    fn reply_goals(&mut self, reply: Reply<Input>) {
        let ui = self.ui();
        match self.sub.clone() {
            Sub::EnterGoals { first_time, .. } => {
                // The goal taken back stands in the field for one prompt.
                self.sub = Sub::EnterGoals {
                    first_time,
                    retype: String::new(),
                };
                // Done entering: on to the next step the first time, else
                // back to the list of goals.
                let finish = |flow: &mut Self, mv: Move| {
                    if first_time {
                        flow.go(mv);
                    } else {
                        flow.sub = Sub::GoalsMenu;
                    }
                };
                match reply {
                    Reply::Answer(Input::Text(t)) if !t.trim().is_empty() => {
                        let label = sanitize::line(t.trim());
                        if self.session.goal_index(&label).is_some() {
                            self.messages.push(ui.iv_goal_duplicate.to_owned());
                            return;
                        }
                        self.session.goals.push(Goal {
                            label: Located::new(label),
                            ..Goal::default()
                        });
                        self.forget_orders();
                        self.changed = true;
                        if self.session.goals.len() >= MAX_GOALS {
                            finish(self, Move::Next);
                        }
                    }
                    Reply::Back if self.session.goals.is_empty() => finish(self, Move::Back),
                    Reply::Back => {
                        // Back while entering: take the last goal out to retype it.
                        if let Some(g) = self.session.goals.pop() {
                            self.sub = Sub::EnterGoals {
                                first_time,
                                retype: g.label.value,
                            };
                        }
                        self.forget_orders();
                        self.changed = true;
                    }
                    Reply::Help => self.messages.push(ui.iv_goals_intro.to_owned()),
                    Reply::Answer(Input::Text(_)) | Reply::Skip
                        if self.session.goals.is_empty() =>
                    {
                        self.messages.push(ui.iv_goal_needed.to_owned());
                    }
                    Reply::Answer(Input::Text(_)) | Reply::Skip => finish(self, Move::Next),
                    Reply::Answer(_) => {}
                }
            }
            Sub::PickGoal { rename } => {
                self.sub = Sub::GoalsMenu;
                if let Reply::Answer(Input::One(g)) = reply
                    && g < self.session.goals.len()
                {
                    if rename {
                        self.sub = Sub::Rename(g);
                    } else {
                        self.session.goals.remove(g);
                        self.forget_orders();
                        self.changed = true;
                    }
                }
            }
            Sub::Rename(g) => {
                self.sub = Sub::GoalsMenu;
                if let Reply::Answer(Input::Text(t)) = reply {
                    self.rename_goal(g, &t);
                }
            }
            _ => {
                let add = self.session.goals.len() < MAX_GOALS;
                let choice = match reply {
                    Reply::Answer(Input::One(i)) => i,
                    Reply::Back => return self.go(Move::Back),
                    Reply::Help => return self.messages.push(ui.iv_goals_intro.to_owned()),
                    _ => return,
                };
                let choice = if add || choice == 0 {
                    choice
                } else {
                    choice + 1
                };
                match choice {
                    0 => self.go(Move::Next),
                    1 => {
                        self.sub = Sub::EnterGoals {
                            first_time: false,
                            retype: String::new(),
                        }
                    }
                    2 => self.sub = Sub::PickGoal { rename: true },
                    _ if self.session.goals.len() <= 1 => {
                        self.messages.push(ui.iv_goal_needed.to_owned());
                    }
                    _ => self.sub = Sub::PickGoal { rename: false },
                }
            }
        }
    }

    fn rename_goal(&mut self, g: usize, typed: &str) {
        let Some(old) = self.session.goals.get(g).map(|x| x.label.value.clone()) else {
            return;
        };
        let label = sanitize::line(typed.trim());
        if label.is_empty() || label == old {
            return;
        }
        if self.session.goal_index(&label).is_some_and(|i| i != g) {
            self.messages.push(self.ui().iv_goal_duplicate.to_owned());
            return;
        }
        self.session.goals[g].label = Located::new(label.clone());
        // Keep the priority orders pointing at the renamed goal.
        for (_, answer) in self.session.answers.iter_mut() {
            if let Answer::Many(list) = &mut answer.value {
                for item in list.iter_mut() {
                    if goal_key(item) == goal_key(&old) {
                        *item = label.clone();
                    }
                }
            }
        }
        self.changed = true;
    }

    fn current_answer(&self, q: &Question, goal: Option<usize>) -> Option<&Answer> {
        let answers = match goal {
            None => &self.session.answers,
            Some(g) => &self.session.goals.get(g)?.answers,
        };
        answers.get(q.id.value.as_str()).map(|a| &a.value)
    }

    fn set_answer(&mut self, q: &Question, goal: Option<usize>, answer: Answer) {
        let key = Located::new(q.id.value.clone());
        let value = Located::new(answer);
        match goal {
            None => {
                self.session.answers.insert(key, value);
            }
            Some(g) => {
                if let Some(goal) = self.session.goals.get_mut(g) {
                    goal.answers.insert(key, value);
                }
            }
        }
        self.changed = true;
    }

    /// Priority orders no longer hold when the set of goals changes.
    fn forget_orders(&mut self) {
        let order_ids: Vec<String> = self
            .bank
            .questions
            .iter()
            .filter(|q| q.kind.value == Kind::Order)
            .map(|q| q.id.value.clone())
            .collect();
        for id in order_ids {
            self.session.answers.shift_remove(id.as_str());
        }
    }
}
