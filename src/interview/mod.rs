//! The interactive session: moment, start question, goals and their
//! priority, the per-goal questions, the three levels.
//!
//! The interview is a list of steps computed from the session as it stands,
//! so it always agrees with the bank: a question whose `toon_als` no longer
//! holds disappears, a new goal brings its questions, and going back is just
//! one step back in that list. After every change the session is handed to
//! `on_change` (autosave). The interview talks to the user only through a
//! [`Prompter`], so tests drive it with a script; the prompters for a real
//! terminal belong to the app.

pub mod prompt;

pub use crate::session::draft::Depth;
pub use prompt::{Prompt, Prompter, Reply};

use crate::advice::Outcome;
use crate::bank::{Bank, Condition, DONT_KNOW, Kind, Phase, Question, SKIPPED};
use crate::base::error::{Error, Result};
use crate::base::located::Located;
use crate::base::sanitize;
use crate::base::text::Lang;
use crate::base::ui::{Ui, fill, ui};
use crate::session::condition;
use crate::session::resolve;
use crate::session::responses::Responses;
use crate::session::{Answer, Goal, Override, Session, goal_key};

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

/// Called after every change of the session (autosave).
type OnChange<'a> = Box<dyn FnMut(&Session) -> Result<()> + 'a>;

/// Called before the next question when an autosave failed, with the
/// prompter, so the app can say what is kept and offer another place.
type OnSaveFailed<'a> = Box<dyn FnMut(&mut dyn Prompter, &Session, &Error) -> Result<()> + 'a>;

/// A session being answered.
pub struct Interview<'a> {
    bank: &'a Bank,
    depth: Depth,
    session: Session,
    lang: Lang,
    on_change: OnChange<'a>,
    /// A failed autosave, to tell the user before the next question; once
    /// per run of failures.
    failure: Option<Error>,
    autosave_failed: bool,
    on_save_failed: Option<OnSaveFailed<'a>>,
}

impl<'a> Interview<'a> {
    /// Starts (or resumes) a session. `on_change` is called after every
    /// change, with the session as it is then; if it fails, the user is told
    /// once and the session goes on.
    pub fn new(
        bank: &'a Bank,
        depth: Depth,
        session: Session,
        on_change: impl FnMut(&Session) -> Result<()> + 'a,
    ) -> Self {
        Interview {
            bank,
            depth,
            session,
            lang: Lang::Nl,
            on_change: Box::new(on_change),
            failure: None,
            autosave_failed: false,
            on_save_failed: None,
        }
    }

    /// What to do when an autosave fails (by default: a warning).
    pub fn when_saving_fails(
        mut self,
        hook: impl FnMut(&mut dyn Prompter, &Session, &Error) -> Result<()> + 'a,
    ) -> Self {
        self.on_save_failed = Some(Box::new(hook));
        self
    }

    /// Asks in `lang` (Dutch unless told otherwise).
    pub fn in_language(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    fn ui(&self) -> &'static Ui {
        ui(self.lang)
    }

    fn changed(&mut self) {
        match (self.on_change)(&self.session) {
            Ok(()) => self.autosave_failed = false,
            Err(e) if !self.autosave_failed => {
                self.autosave_failed = true;
                self.failure = Some(e);
            }
            Err(_) => {}
        }
    }

    /// Tells the user about a failed autosave, if there was one.
    fn report_failure(&mut self, p: &mut dyn Prompter) -> Result<()> {
        let Some(e) = self.failure.take() else {
            return Ok(());
        };
        match self.on_save_failed.as_mut() {
            Some(hook) => hook(p, &self.session, &e),
            None => p.show(&fill(
                self.ui().autosave_failed,
                &[("error", &e.to_string())],
            )),
        }
    }

    /// Asks every unanswered step, starting at the first one, and returns
    /// the answered session.
    pub fn run(mut self, p: &mut dyn Prompter) -> Result<Session> {
        // A practice case fills in the moment and goals; only answers mean
        // that this session was started before.
        let resuming = crate::session::draft::answer_count(&self.session) > 0;
        // Save at once when there is something to keep (a practice case's
        // moment and goals, or earlier answers), so that even an
        // interruption at the first question leaves a draft to resume. A
        // blank session gets its draft with the first answer: stopping before
        // that leaves no empty draft behind.
        if !self.session.is_blank() {
            self.changed();
        }
        self.intro(p, resuming)?;
        let mut pos = self.first_unanswered();
        loop {
            self.report_failure(p)?;
            let steps = self.steps();
            let Some(step) = steps.get(pos).cloned() else {
                break;
            };
            match self.ask(p, &steps, pos)? {
                Move::Next => {
                    let steps = self.steps();
                    pos = steps
                        .iter()
                        .position(|s| *s == step)
                        .map_or(pos + 1, |i| i + 1);
                }
                Move::Back => pos = pos.saturating_sub(1),
            }
        }
        self.report_failure(p)?;
        Ok(self.session)
    }

    fn intro(&self, p: &mut dyn Prompter, resuming: bool) -> Result<()> {
        let ui = self.ui();
        let depth = match self.depth {
            Depth::Quick => ui.iv_depth_quick,
            Depth::Full => ui.iv_depth_full,
        };
        let mut text = format!(
            "{}\n{}\n\n- {}\n- {}\n- {}",
            ui.title,
            ui.iv_intro,
            ui.privacy_intro,
            depth,
            p.controls(ui)
        );
        if resuming {
            text.push_str("\n\n");
            text.push_str(ui.iv_resuming);
        }
        p.show(&text)
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

    fn ask(&mut self, p: &mut dyn Prompter, steps: &[Step], pos: usize) -> Result<Move> {
        let header = self.position(steps, pos, None);
        match &steps[pos] {
            Step::Moment => self.ask_moment(p, &header),
            Step::Start => {
                let q = &self.bank.start_question;
                self.ask_question(p, q, None, &header, pos)
            }
            Step::Goals => self.ask_goals(p, &header),
            Step::Order(id) => {
                let Some(q) = self.bank.question(id) else {
                    return Ok(Move::Next);
                };
                self.ask_order(p, q, steps, pos)
            }
            Step::Question { id, goal } => {
                let Some(q) = self.bank.question(id) else {
                    return Ok(Move::Next);
                };
                self.ask_question(p, q, *goal, &header, pos)
            }
        }
    }

    fn ask_moment(&mut self, p: &mut dyn Prompter, header: &str) -> Result<Move> {
        let lang = self.lang;
        let moments = &self.bank.moments;
        let prompt = Prompt {
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
        };
        loop {
            match p.choose(&prompt)? {
                Reply::Answer(i) if i < moments.len() => {
                    self.session.moment = Some(Located::new(moments[i].id.value.clone()));
                    self.changed();
                    return Ok(Move::Next);
                }
                Reply::Back => return Ok(Move::Back),
                Reply::Help => p.show(self.ui().iv_moment_info)?,
                _ => {}
            }
        }
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
        self.changed();
    }

    fn ask_question(
        &mut self,
        p: &mut dyn Prompter,
        q: &Question,
        goal: Option<usize>,
        header: &str,
        pos: usize,
    ) -> Result<Move> {
        let lang = self.lang;
        let ui = self.ui();
        let mut prompt = Prompt {
            can_back: pos > 0,
            can_skip: true,
            info: Some(self.info(q)),
            ..self.prompt(header, sanitize::line(q.text.get(lang)))
        };
        let current = self.current_answer(q, goal).cloned();
        if matches!(&current, Some(Answer::One(id)) if id == SKIPPED) {
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
        // What was ticked before; kept over a refused answer.
        if q.kind.value == Kind::Multi {
            prompt.checked = match &current {
                Some(Answer::Many(ids)) => ids.iter().filter_map(|id| q.option_index(id)).collect(),
                Some(Answer::One(id)) if id == DONT_KNOW => vec![dont_know],
                _ => Vec::new(),
            };
        }
        loop {
            let mv = match q.kind.value {
                Kind::YesNo | Kind::Choice | Kind::Scale => {
                    prompt.default = match &current {
                        Some(Answer::One(id)) if id == DONT_KNOW => Some(dont_know),
                        Some(Answer::One(id)) => q.option_index(id),
                        _ => None,
                    };
                    match p.choose(&prompt)? {
                        Reply::Answer(i) if i == dont_know => {
                            self.set_answer(q, goal, Answer::One(DONT_KNOW.to_owned()));
                            Some(Move::Next)
                        }
                        Reply::Answer(i) if i < dont_know => {
                            self.set_answer(q, goal, Answer::One(q.options[i].id.value.clone()));
                            Some(Move::Next)
                        }
                        other => self.common_reply(p, q, goal, other)?,
                    }
                }
                Kind::Multi => match p.choose_many(&prompt)? {
                    Reply::Answer(chosen) if chosen.contains(&dont_know) && chosen.len() > 1 => {
                        p.show(ui.iv_dont_know_alone)?;
                        prompt.checked = chosen;
                        None
                    }
                    Reply::Answer(chosen)
                        if chosen.len() > 1
                            && let Some(&i) =
                                chosen.iter().find(|i| prompt.exclusive.contains(i)) =>
                    {
                        p.show(&fill(ui.iv_exclusive, &[("option", &prompt.items[i])]))?;
                        prompt.checked = chosen;
                        None
                    }
                    Reply::Answer(chosen) if chosen.contains(&dont_know) => {
                        self.set_answer(q, goal, Answer::One(DONT_KNOW.to_owned()));
                        Some(Move::Next)
                    }
                    Reply::Answer(mut chosen) => {
                        chosen.sort_unstable();
                        chosen.dedup();
                        let ids = chosen
                            .into_iter()
                            .filter_map(|i| q.options.get(i).map(|o| o.id.value.clone()))
                            .collect();
                        self.set_answer(q, goal, Answer::Many(ids));
                        Some(Move::Next)
                    }
                    other => self.common_reply(p, q, goal, other.map_answer())?,
                },
                Kind::FreeText => {
                    prompt.initial_text = match &current {
                        Some(Answer::One(t)) if t != SKIPPED => t.clone(),
                        _ => String::new(),
                    };
                    match p.text(&prompt)? {
                        Reply::Answer(t) if !t.trim().is_empty() => {
                            self.set_answer(q, goal, Answer::One(t.trim().to_owned()));
                            Some(Move::Next)
                        }
                        Reply::Answer(_) => self.common_reply(p, q, goal, Reply::Skip)?,
                        other => self.common_reply(p, q, goal, other.map_answer())?,
                    }
                }
                Kind::Order => Some(Move::Next),
            };
            if let Some(mv) = mv {
                return Ok(mv);
            }
        }
    }

    /// Back, skip and help, the same for every kind of question. `None`
    /// means: ask again.
    fn common_reply(
        &mut self,
        p: &mut dyn Prompter,
        q: &Question,
        goal: Option<usize>,
        reply: Reply<usize>,
    ) -> Result<Option<Move>> {
        match reply {
            Reply::Back => Ok(Some(Move::Back)),
            Reply::Skip => {
                self.set_answer(q, goal, Answer::One(SKIPPED.to_owned()));
                Ok(Some(Move::Next))
            }
            Reply::Help => {
                p.show(&format!("{}: {}", self.ui().iv_help_title, self.info(q)))?;
                Ok(None)
            }
            Reply::Answer(_) => Ok(None),
        }
    }

    fn ask_order(
        &mut self,
        p: &mut dyn Prompter,
        q: &Question,
        steps: &[Step],
        pos: usize,
    ) -> Result<Move> {
        let ui = self.ui();
        let labels: Vec<String> = self
            .session
            .goals
            .iter()
            .map(|g| g.label.value.clone())
            .collect();
        let n = labels.len();
        let mut picked: Vec<usize> = Vec::new();
        while picked.len() + 1 < n {
            let remaining: Vec<usize> = (0..n).filter(|i| !picked.contains(i)).collect();
            let place = picked.len() + 1;
            let place = fill(
                ui.iv_order_place,
                &[("k", &place.to_string()), ("n", &n.to_string())],
            );
            let prompt = Prompt {
                details: if picked.is_empty() {
                    vec![ui.iv_order_hint.to_owned()]
                } else {
                    picked
                        .iter()
                        .enumerate()
                        .map(|(k, i)| format!("{}. {}", k + 1, sanitize::line(&labels[*i])))
                        .collect()
                },
                items: remaining
                    .iter()
                    .map(|i| sanitize::line(&labels[*i]))
                    .collect(),
                can_back: true,
                can_skip: true,
                info: Some(self.info(q)),
                ..self.prompt(
                    &self.position(steps, pos, Some(&place)),
                    sanitize::line(q.text.get(self.lang)),
                )
            };
            match p.choose(&prompt)? {
                Reply::Answer(i) if i < remaining.len() => picked.push(remaining[i]),
                Reply::Back if picked.is_empty() => return Ok(Move::Back),
                Reply::Back => {
                    picked.pop();
                }
                Reply::Skip => {
                    self.set_answer(q, None, Answer::One(SKIPPED.to_owned()));
                    return Ok(Move::Next);
                }
                other => {
                    self.common_reply(p, q, None, other)?;
                }
            }
        }
        let last = (0..n).find(|i| !picked.contains(i));
        picked.extend(last);
        let order = picked.into_iter().map(|i| labels[i].clone()).collect();
        self.set_answer(q, None, Answer::Many(order));
        Ok(Move::Next)
    }

    fn ask_goals(&mut self, p: &mut dyn Prompter, header: &str) -> Result<Move> {
        let ui = self.ui();
        if self.session.goals.is_empty() {
            p.show(ui.iv_goals_intro)?;
            return self.enter_goals(p, header, true);
        }
        loop {
            let list: Vec<String> = self
                .session
                .goals
                .iter()
                .enumerate()
                .map(|(i, g)| format!("{}. {}", i + 1, sanitize::line(&g.label.value)))
                .collect();
            let mut items = vec![ui.iv_goals_continue.to_owned()];
            if self.session.goals.len() < MAX_GOALS {
                items.push(ui.iv_goals_add.to_owned());
            }
            items.push(ui.iv_goals_rename.to_owned());
            items.push(ui.iv_goals_remove.to_owned());
            let add = self.session.goals.len() < MAX_GOALS;
            let prompt = Prompt {
                details: list,
                items,
                default: Some(0),
                can_back: true,
                info: Some(ui.iv_goals_intro.to_owned()),
                ..self.prompt(header, ui.iv_goals_title.to_owned())
            };
            let choice = match p.choose(&prompt)? {
                Reply::Answer(i) => i,
                Reply::Back => return Ok(Move::Back),
                Reply::Help => {
                    p.show(ui.iv_goals_intro)?;
                    continue;
                }
                _ => continue,
            };
            let choice = if add || choice == 0 {
                choice
            } else {
                choice + 1
            };
            match choice {
                0 => return Ok(Move::Next),
                1 => {
                    self.enter_goals(p, header, false)?;
                }
                2 => self.rename_goal(p, header)?,
                _ => self.remove_goal(p, header)?,
            }
        }
    }

    /// Asks for goal labels until an empty line or [`MAX_GOALS`].
    fn enter_goals(
        &mut self,
        p: &mut dyn Prompter,
        header: &str,
        first_time: bool,
    ) -> Result<Move> {
        let ui = self.ui();
        // The goal taken back with '<', to retype: it stands in the field.
        let mut retype = String::new();
        while self.session.goals.len() < MAX_GOALS {
            let n = self.session.goals.len() + 1;
            let prompt = Prompt {
                initial_text: std::mem::take(&mut retype),
                details: if n == 1 {
                    Vec::new()
                } else {
                    vec![ui.iv_goal_done_hint.to_owned()]
                },
                // Empty means "done" here (see the hint), not "skip".
                can_back: first_time || n > 1,
                info: Some(ui.iv_goals_intro.to_owned()),
                ..self.prompt(
                    header,
                    fill(
                        ui.iv_goal_label,
                        &[("n", &n.to_string()), ("max", &MAX_GOALS.to_string())],
                    ),
                )
            };
            match p.text(&prompt)? {
                Reply::Answer(t) if !t.trim().is_empty() => {
                    let label = sanitize::line(t.trim());
                    if self.session.goal_index(&label).is_some() {
                        p.show(ui.iv_goal_duplicate)?;
                        continue;
                    }
                    self.session.goals.push(Goal {
                        label: Located::new(label),
                        ..Goal::default()
                    });
                    self.forget_orders();
                    self.changed();
                }
                Reply::Back if self.session.goals.is_empty() => return Ok(Move::Back),
                Reply::Back => {
                    // Back while entering: take the last goal out to retype it.
                    if let Some(g) = self.session.goals.pop() {
                        retype = g.label.value;
                    }
                    self.forget_orders();
                    self.changed();
                }
                Reply::Help => p.show(ui.iv_goals_intro)?,
                Reply::Answer(_) | Reply::Skip if self.session.goals.is_empty() => {
                    p.show(ui.iv_goal_needed)?;
                }
                Reply::Answer(_) | Reply::Skip => break,
            }
        }
        Ok(Move::Next)
    }

    fn pick_goal(&self, p: &mut dyn Prompter, title: &str, header: &str) -> Result<Option<usize>> {
        let prompt = Prompt {
            items: self
                .session
                .goals
                .iter()
                .map(|g| sanitize::line(&g.label.value))
                .collect(),
            can_back: true,
            ..self.prompt(header, title.to_owned())
        };
        Ok(match p.choose(&prompt)? {
            Reply::Answer(i) if i < self.session.goals.len() => Some(i),
            _ => None,
        })
    }

    fn rename_goal(&mut self, p: &mut dyn Prompter, header: &str) -> Result<()> {
        let ui = self.ui();
        let Some(g) = self.pick_goal(p, ui.iv_goals_rename, header)? else {
            return Ok(());
        };
        let old = self.session.goals[g].label.value.clone();
        let prompt = Prompt {
            initial_text: old.clone(),
            can_back: true,
            ..self.prompt(header, ui.iv_goal_new_label.to_owned())
        };
        if let Reply::Answer(t) = p.text(&prompt)? {
            let label = sanitize::line(t.trim());
            if label.is_empty() || label == old {
                return Ok(());
            }
            if self.session.goal_index(&label).is_some_and(|i| i != g) {
                p.show(ui.iv_goal_duplicate)?;
                return Ok(());
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
            self.changed();
        }
        Ok(())
    }

    fn remove_goal(&mut self, p: &mut dyn Prompter, header: &str) -> Result<()> {
        if self.session.goals.len() <= 1 {
            p.show(self.ui().iv_goal_needed)?;
            return Ok(());
        }
        if let Some(g) = self.pick_goal(p, self.ui().iv_goals_remove, header)? {
            self.session.goals.remove(g);
            self.forget_orders();
            self.changed();
        }
        Ok(())
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

impl<T> Reply<T> {
    /// The non-answer replies, for handling them the same way everywhere.
    fn map_answer(self) -> Reply<usize> {
        match self {
            Reply::Answer(_) => Reply::Answer(usize::MAX),
            Reply::Back => Reply::Back,
            Reply::Skip => Reply::Skip,
            Reply::Help => Reply::Help,
        }
    }
}

/// The hint and a short recap of the suggestion (case and goals, with the
/// direction), shown with the override question: at 80×24 the summary
/// itself has scrolled off by then.
fn override_recap(bank: &Bank, session: &Session, outcome: &Outcome, lang: Lang) -> Vec<String> {
    let ui = ui(lang);
    let step = |i: usize| {
        bank.steps()
            .get(i)
            .map_or_else(String::new, |s| s.name.get(lang).to_string())
    };
    let direction = |d: crate::advice::Direction| {
        bank.direction(d.id())
            .map_or_else(String::new, |x| x.name.get(lang).to_lowercase())
    };
    let mut out = vec![
        ui.iv_override_hint.to_owned(),
        ui.iv_override_recap.to_owned(),
        format!(
            "  {}: {}, {}",
            ui.iv_override_recap_case,
            step(outcome.case.step),
            direction(outcome.direction)
        ),
    ];
    for (g, go) in outcome.goals.iter().enumerate() {
        let label = session.goals.get(g).map_or("", |x| x.label.as_str());
        out.push(format!(
            "  {}. {}: {}, {}",
            g + 1,
            sanitize::line(label),
            step(go.advice.step),
            direction(go.direction)
        ));
    }
    out
}

/// After the result: the professional may choose another step than the
/// suggestion, with a reason, for the case or for one goal. Returns whether
/// anything changed.
pub(crate) fn choose_override(
    p: &mut dyn Prompter,
    bank: &Bank,
    session: &mut Session,
    outcome: &Outcome,
    lang: Lang,
) -> Result<bool> {
    let ui = ui(lang);
    let mut items = vec![ui.iv_override_no.to_owned(), ui.iv_override_case.to_owned()];
    if !session.goals.is_empty() {
        items.push(ui.iv_override_goal.to_owned());
    }
    let prompt = Prompt {
        title: ui.iv_override_title.to_owned(),
        details: override_recap(bank, session, outcome, lang),
        items,
        default: Some(0),
        ..Prompt::default()
    };
    let target = match p.choose(&prompt)? {
        Reply::Answer(1) => None,
        Reply::Answer(2) => {
            let prompt = Prompt {
                title: ui.iv_override_which_goal.to_owned(),
                items: session
                    .goals
                    .iter()
                    .map(|g| sanitize::line(&g.label.value))
                    .collect(),
                ..Prompt::default()
            };
            match p.choose(&prompt)? {
                Reply::Answer(i) if i < session.goals.len() => Some(i),
                _ => return Ok(false),
            }
        }
        _ => return Ok(false),
    };
    let suggested = match target {
        None => outcome.case.step,
        Some(g) => outcome.goals.get(g).map_or(0, |o| o.advice.step),
    };
    let steps = bank.steps();
    let prompt = Prompt {
        title: ui.iv_override_step.to_owned(),
        items: steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let name = sanitize::line(s.name.get(lang));
                if i == suggested {
                    format!("{name} ({})", ui.bar_advice)
                } else {
                    name
                }
            })
            .collect(),
        default: Some(suggested),
        ..Prompt::default()
    };
    let step = match p.choose(&prompt)? {
        Reply::Answer(i) if i < steps.len() => i,
        _ => return Ok(false),
    };
    let reason = loop {
        let prompt = Prompt {
            title: ui.iv_override_reason.to_owned(),
            ..Prompt::default()
        };
        match p.text(&prompt)? {
            Reply::Answer(t) if !t.trim().is_empty() => break sanitize::line(t.trim()),
            Reply::Answer(_) | Reply::Skip | Reply::Help => p.show(ui.iv_override_reason_needed)?,
            Reply::Back => return Ok(false),
        }
    };
    let o = Override {
        step: Located::new(steps[step].id.value.clone()),
        reason,
    };
    match target {
        None => session.override_ = Some(o),
        Some(g) => session.goals[g].override_ = Some(o),
    }
    Ok(true)
}
