//! Checking a session file against the bank: the way from what a file says
//! to [`Responses`], the only form scoring ever sees.
//!
//! A session file holds strings. [`resolve`] turns it into [`Responses`]:
//! option indices instead of ids, goal indices instead of labels, and typed
//! "weet ik niet" / "overgeslagen". Anything that does not fit the bank is a
//! [`Problem`] with the line it is on. A file made with another version of
//! the bank is read leniently: what still maps is used, and what no longer
//! exists is listed as a warning instead of refusing the whole file.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::bank::{Bank, DONT_KNOW, Kind, Question, SKIPPED};
use crate::base::located::{Located, Pos};
use crate::base::problem::{Problem, Problems};
use crate::session::condition;
use crate::session::responses::{Choice, GoalResponses, Response, Responses};
use crate::session::{Answer, Answers, FORMAT_VERSION, Override, Session, goal_key};

/// Checks `session` against `bank`. Returns the responses and any warnings,
/// or all problems when there are errors. `file` names the file in messages.
pub fn resolve(
    bank: &Bank,
    session: &Session,
    file: &str,
) -> Result<(Responses, Problems), Problems> {
    let mut problems = Problems::new(file);
    let version = session.version.value;
    if version > FORMAT_VERSION {
        problems.push(
            Problem::error(
                session.version.pos,
                format!(
                    "dit bestand heeft formaatversie {version}, gemaakt met een nieuwere versie \
                     van voorwie; deze versie leest formaatversie {FORMAT_VERSION}"
                ),
            )
            .fix("werk voorwie bij, of sla de sessie op met de versie waarmee je dit leest"),
        );
        return Err(problems);
    }
    if version == 0 {
        problems.push(
            Problem::error(session.version.pos, "formaatversie 0 bestaat niet")
                .fix(format!("zet bovenaan: versie: {FORMAT_VERSION}")),
        );
        return Err(problems);
    }

    // A file made with another bank (version) is read leniently.
    let other_bank = session
        .bank
        .as_ref()
        .filter(|b| b.id != bank.id.value || b.version != bank.version.value);
    if let Some(made_with) = other_bank {
        problems.push(Problem::warning(
            Pos::UNKNOWN,
            format!(
                "gemaakt met vragenbank '{}' versie {}, gelezen met '{}' versie {}; antwoorden \
                 op vragen die niet meer bestaan worden overgeslagen en hieronder genoemd",
                made_with.id, made_with.version, bank.id.value, bank.version.value
            ),
        ));
    }
    let mut r = Resolver {
        bank,
        problems,
        lenient: other_bank.is_some(),
        used: 0,
        dropped: 0,
    };

    let mut out = Responses {
        moment: r.moment(session),
        ..Responses::default()
    };

    // Goals first: order questions refer to them by label.
    let mut seen = HashMap::new();
    let mut accepted = Vec::with_capacity(session.goals.len());
    for goal in &session.goals {
        let label = goal.label.value.trim();
        let ok = if label.is_empty() {
            r.problems.push(
                Problem::error(goal.label.pos, "een doel heeft een leeg label")
                    .fix("geef elk doel een kort label, zonder namen"),
            );
            false
        } else if let Some(first) = seen.insert(goal_key(label), goal.label.pos) {
            r.problems.push(
                Problem::error(
                    goal.label.pos,
                    format!(
                        "het doel '{label}' staat er twee keer (eerder op regel {})",
                        first.line
                    ),
                )
                .fix("geef elk doel een eigen label"),
            );
            false
        } else {
            out.goals.push(GoalResponses {
                label: label.to_owned(),
                responses: FxHashMap::default(),
                override_: goal.override_.as_ref().and_then(|o| r.override_(o)),
            });
            true
        };
        accepted.push(ok);
    }
    let labels: Vec<String> = out.goals.iter().map(|g| goal_key(&g.label)).collect();

    out.case = r.answers(&session.answers, None, &labels);
    let kept = session.goals.iter().zip(&accepted).filter(|(_, ok)| **ok);
    for (i, (goal, _)) in kept.enumerate() {
        out.goals[i].responses = r.answers(&goal.answers, Some(&goal.label.value), &labels);
    }
    out.override_ = session.override_.as_ref().and_then(|o| r.override_(o));

    // A toelichting about a question that does not exist is a typo.
    for (id, _) in session
        .explanations
        .iter()
        .chain(session.goals.iter().flat_map(|g| g.explanations.iter()))
    {
        if bank.question(&id.value).is_none() {
            r.problems.push(
                Problem::warning(
                    id.pos,
                    format!("toelichting bij een onbekende vraag '{}'", id.value),
                )
                .fix("gebruik het id van een vraag uit de bank"),
            );
        }
    }

    // Answers to questions that are not asked at this moment (toon_als) are
    // not used: they would not exist in a session held interactively.
    r.drop_hidden(&mut out);

    if r.lenient && r.dropped > 0 {
        let (used, dropped) = (r.used, r.dropped);
        r.problems.push(Problem::warning(
            Pos::UNKNOWN,
            format!("{used} antwoord(en) gebruikt, {dropped} overgeslagen omdat ze niet meer in de bank staan"),
        ));
    }
    let mut problems = r.problems;
    problems.sort();
    if problems.has_errors() {
        Err(problems)
    } else {
        Ok((out, problems))
    }
}

/// Removes what does not fit the bank: answers to questions that no longer
/// exist or moved between case and goals, options that no longer exist, an
/// unknown moment or override step. Lets a draft from another bank version
/// go on with what still maps. Returns how many answers were removed.
pub(crate) fn prune(bank: &Bank, session: &mut Session) -> usize {
    let labels: Vec<String> = session
        .goals
        .iter()
        .map(|g| goal_key(&g.label.value))
        .collect();
    let mut removed = prune_answers(bank, &mut session.answers, false, &labels);
    for goal in &mut session.goals {
        removed += prune_answers(bank, &mut goal.answers, true, &labels);
        if goal
            .override_
            .as_ref()
            .is_some_and(|o| bank.step_index(&o.step.value).is_none())
        {
            goal.override_ = None;
        }
    }
    if session
        .moment
        .as_ref()
        .is_some_and(|m| bank.moment(&m.value).is_none())
    {
        session.moment = None;
    }
    if session
        .override_
        .as_ref()
        .is_some_and(|o| bank.step_index(&o.step.value).is_none())
    {
        session.override_ = None;
    }
    removed
}

fn prune_answers(bank: &Bank, answers: &mut Answers, per_goal: bool, labels: &[String]) -> usize {
    let before = answers.len();
    answers.retain(|id, answer| {
        let Some(q) = bank.question(&id.value) else {
            return false;
        };
        if q.per_goal != per_goal {
            return false;
        }
        let known = |item: &String| {
            item == DONT_KNOW
                || item == SKIPPED
                || match q.kind.value {
                    Kind::FreeText => true,
                    Kind::Order => labels.contains(&goal_key(item)),
                    _ => q.option(item).is_some(),
                }
        };
        match &mut answer.value {
            Answer::One(item) => known(item),
            Answer::Many(items) => {
                let had = items.len();
                items.retain(|i| known(i));
                items.len() == had || !items.is_empty()
            }
        }
    });
    before - answers.len()
}

struct Resolver<'a> {
    bank: &'a Bank,
    problems: Problems,
    lenient: bool,
    used: usize,
    dropped: usize,
}

impl Resolver<'_> {
    /// An unknown id is an error, or a warning when the file is from another
    /// bank version.
    fn unknown(&mut self, pos: Pos, message: String, fix: String) {
        self.dropped += 1;
        let p = if self.lenient {
            Problem::warning(pos, message)
        } else {
            Problem::error(pos, message).fix(fix)
        };
        self.problems.push(p);
    }

    fn moment(&mut self, session: &Session) -> Option<usize> {
        let m = session.moment.as_ref()?;
        let found = self
            .bank
            .moments
            .iter()
            .position(|x| x.id == m.value.as_str());
        if found.is_none() {
            let ids = join_ids(self.bank.moments.iter().map(|x| x.id.value.as_str()));
            self.problems.push(
                Problem::error(m.pos, format!("onbekend moment '{}'", m.value))
                    .fix(format!("kies een van: {ids}")),
            );
        }
        found
    }

    fn override_(&mut self, o: &Override) -> Option<Choice> {
        let step = self.bank.step_index(&o.step.value);
        if step.is_none() {
            self.problems.push(
                Problem::error(
                    o.step.pos,
                    format!("onbekende stap '{}' in de overschrijving", o.step.value),
                )
                .fix(format!(
                    "kies een van: {}",
                    crate::bank::STEP_IDS.join(", ")
                )),
            );
        }
        if o.reason.trim().is_empty() {
            self.problems.push(
                Problem::error(o.step.pos, "een overschrijving heeft een reden nodig")
                    .fix("vul 'reden' in: waarom kies je een andere stap dan de suggestie?"),
            );
            return None;
        }
        Some(Choice {
            step: step?,
            reason: o.reason.trim().to_owned(),
        })
    }

    fn answers(
        &mut self,
        answers: &Answers,
        goal: Option<&str>,
        labels: &[String],
    ) -> FxHashMap<String, Response> {
        let mut out = FxHashMap::default();
        for (id, answer) in answers {
            let Some(q) = self.bank.question(&id.value) else {
                let place = goal.map_or(String::new(), |g| format!(" (doel '{g}')"));
                self.unknown(
                    id.pos,
                    format!("onbekende vraag '{}'{place}", id.value),
                    suggest(
                        &id.value,
                        self.bank.all_questions().map(|q| q.id.value.as_str()),
                    ),
                );
                continue;
            };
            match (goal, q.per_goal) {
                (None, true) => {
                    self.problems.push(
                        Problem::error(id.pos, format!("'{}' is een vraag per doel", id.value))
                            .fix("zet dit antwoord onder doelen: - label: ... antwoorden:"),
                    );
                    continue;
                }
                (Some(g), false) => {
                    self.problems.push(
                        Problem::error(
                            id.pos,
                            format!(
                                "'{}' is een vraag voor de hele casus, niet per doel ('{g}')",
                                id.value
                            ),
                        )
                        .fix("zet dit antwoord onder antwoorden: bovenaan het bestand"),
                    );
                    continue;
                }
                _ => {}
            }
            if let Some(resp) = self.answer(q, answer, labels) {
                self.used += 1;
                out.insert(id.value.clone(), resp);
            }
        }
        out
    }

    fn answer(
        &mut self,
        q: &Question,
        answer: &Located<Answer>,
        labels: &[String],
    ) -> Option<Response> {
        let pos = answer.pos;
        let id = q.id.value.as_str();
        if let Answer::One(s) = &answer.value {
            if s == SKIPPED {
                return Some(Response::Skipped);
            }
            if s == DONT_KNOW && q.kind.value != Kind::FreeText {
                return Some(Response::DontKnow);
            }
        }
        match q.kind.value {
            Kind::FreeText => match &answer.value {
                Answer::One(s) => Some(Response::Text(s.clone())),
                Answer::Many(_) => {
                    self.problems.push(
                        Problem::error(
                            pos,
                            format!("'{id}' vraagt om een tekst, niet om een lijst"),
                        )
                        .fix("schrijf het antwoord als één tekst"),
                    );
                    None
                }
            },
            Kind::YesNo | Kind::Choice | Kind::Scale => match &answer.value {
                Answer::One(s) => self.option(q, s, pos).map(Response::Option),
                Answer::Many(_) => {
                    self.problems.push(
                        Problem::error(pos, format!("'{id}' heeft één antwoord, geen lijst"))
                            .fix(format!("kies één van: {}", option_ids(q))),
                    );
                    None
                }
            },
            Kind::Multi => {
                let items: Vec<&String> = match &answer.value {
                    Answer::One(s) => vec![s],
                    Answer::Many(list) => list.iter().collect(),
                };
                let mut chosen = Vec::new();
                for item in items {
                    if let Some(i) = self.option(q, item, pos)
                        && !chosen.contains(&i)
                    {
                        chosen.push(i);
                    }
                }
                chosen.sort_unstable();
                if chosen.len() > 1
                    && let Some(o) = chosen.iter().map(|i| &q.options[*i]).find(|o| o.exclusive)
                {
                    self.problems.push(
                        Problem::error(
                            pos,
                            format!(
                                "'{}' bij '{id}' gaat niet samen met andere keuzes",
                                o.id.value
                            ),
                        )
                        .fix(format!("kies '{}' alleen, of laat het weg", o.id.value)),
                    );
                    return None;
                }
                Some(Response::Options(chosen))
            }
            Kind::Order => {
                let items: Vec<&String> = match &answer.value {
                    Answer::One(s) => vec![s],
                    Answer::Many(list) => list.iter().collect(),
                };
                let mut order = Vec::new();
                for item in items {
                    match labels.iter().position(|l| *l == goal_key(item)) {
                        Some(i) if !order.contains(&i) => order.push(i),
                        Some(_) => {}
                        None => self.problems.push(
                            Problem::error(
                                pos,
                                format!(
                                    "'{id}' noemt het doel '{item}', maar dat doel bestaat niet"
                                ),
                            )
                            .fix("gebruik precies de labels onder doelen:"),
                        ),
                    }
                }
                Some(Response::Order(order))
            }
        }
    }

    fn option(&mut self, q: &Question, id: &str, pos: Pos) -> Option<usize> {
        let found = q.option_index(id);
        if found.is_none() {
            self.unknown(
                pos,
                format!("'{}' is geen antwoord op '{}'", id, q.id.value),
                format!("kies een van: {}", option_ids(q)),
            );
        }
        found
    }

    fn drop_hidden(&mut self, out: &mut Responses) {
        let hidden_case: Vec<String> = out
            .case
            .keys()
            .filter(|id| {
                self.bank
                    .question(id)
                    .is_some_and(|q| !condition::shown(self.bank, q, out, None))
            })
            .cloned()
            .collect();
        for id in hidden_case {
            out.case.remove(&id);
            self.problems.push(Problem::warning(
                Pos::UNKNOWN,
                format!("het antwoord op '{id}' wordt niet gebruikt: die vraag hoort niet bij dit moment"),
            ));
        }
        for g in 0..out.goals.len() {
            let hidden: Vec<String> = out.goals[g]
                .responses
                .keys()
                .filter(|id| {
                    self.bank
                        .question(id)
                        .is_some_and(|q| !condition::shown(self.bank, q, out, Some(g)))
                })
                .cloned()
                .collect();
            for id in hidden {
                out.goals[g].responses.remove(&id);
                self.problems.push(Problem::warning(
                    Pos::UNKNOWN,
                    format!(
                        "het antwoord op '{id}' bij doel '{}' wordt niet gebruikt: die vraag hoort niet bij dit moment",
                        out.goals[g].label
                    ),
                ));
            }
        }
    }
}

fn option_ids(q: &Question) -> String {
    let mut ids = join_ids(q.options.iter().map(|o| o.id.value.as_str()));
    if q.kind.value != Kind::FreeText {
        ids.push_str(", ");
        ids.push_str(DONT_KNOW);
    }
    ids
}

fn join_ids<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.collect::<Vec<_>>().join(", ")
}

/// "Bedoel je ...?" for the closest known id, by shared prefix.
fn suggest<'a>(unknown: &str, known: impl Iterator<Item = &'a str>) -> String {
    let best = known
        .map(|k| {
            let common = k
                .chars()
                .zip(unknown.chars())
                .take_while(|(a, b)| a == b)
                .count();
            (common, k)
        })
        .filter(|(n, _)| *n >= 3)
        .max_by_key(|(n, _)| *n);
    match best {
        Some((_, k)) => {
            format!("bedoel je '{k}'? Zie 'voorwie kaart --format json' voor alle vraag-ids")
        }
        None => "zie 'voorwie kaart --format json' voor alle vraag-ids".to_owned(),
    }
}
