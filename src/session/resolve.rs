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
use crate::base::say::say;
use crate::base::words::answer_key;
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
                say!(
                    "dit bestand heeft formaatversie {version}, gemaakt met een nieuwere versie \
                     van voorwie; deze versie leest formaatversie {FORMAT_VERSION}",
                    "this file has format version {version}, made with a newer version of \
                     voorwie; this version reads format version {FORMAT_VERSION}"
                ),
            )
            .fix(say!(
                "werk voorwie bij, of sla de sessie op met de versie waarmee je dit leest",
                "update voorwie, or save the session with the version you read it with"
            )),
        );
        return Err(problems);
    }
    if version == 0 {
        problems.push(
            Problem::error(
                session.version.pos,
                say!(
                    "formaatversie 0 bestaat niet",
                    "format version 0 does not exist"
                ),
            )
            .fix(say!(
                "zet bovenaan: versie: {FORMAT_VERSION}",
                "put at the top: versie: {FORMAT_VERSION}"
            )),
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
            say!(
                "gemaakt met vragenbank '{}' versie {}, gelezen met '{}' versie {}; antwoorden \
                 op vragen die niet meer bestaan worden overgeslagen en hieronder genoemd",
                "made with question bank '{}' version {}, read with '{}' version {}; answers \
                 to questions that no longer exist are skipped and listed below",
                made_with.id,
                made_with.version,
                bank.id.value,
                bank.version.value
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
                Problem::error(
                    goal.label.pos,
                    say!("een doel heeft een leeg label", "a goal has an empty label"),
                )
                .fix(say!(
                    "geef elk doel een kort label, zonder namen",
                    "give each goal a short label, without names"
                )),
            );
            false
        } else if let Some(first) = seen.insert(goal_key(label), goal.label.pos) {
            r.problems.push(
                Problem::error(
                    goal.label.pos,
                    say!(
                        "het doel '{label}' staat er twee keer (eerder op regel {})",
                        "the goal '{label}' is there twice (before on line {})",
                        first.line
                    ),
                )
                .fix(say!(
                    "geef elk doel een eigen label",
                    "give each goal its own label"
                )),
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
                    say!(
                        "toelichting bij een onbekende vraag '{}'",
                        "explanation of an unknown question '{}'",
                        id.value
                    ),
                )
                .fix(say!(
                    "gebruik het id van een vraag uit de bank",
                    "use the id of a question from the bank"
                )),
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
            say!(
                "{used} antwoord(en) gebruikt, {dropped} overgeslagen omdat ze niet meer in de bank staan",
                "{used} answer(s) used, {dropped} skipped because they are no longer in the bank"
            ),
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
                    _ => find_option(q, item).is_some(),
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
                Problem::error(
                    m.pos,
                    say!("onbekend moment '{}'", "unknown moment '{}'", m.value),
                )
                .fix(say!("kies een van: {ids}", "choose one of: {ids}")),
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
                    say!(
                        "onbekende stap '{}' in de overschrijving",
                        "unknown step '{}' in the override",
                        o.step.value
                    ),
                )
                .fix(say!(
                    "kies een van: {}",
                    "choose one of: {}",
                    crate::bank::STEP_IDS.join(", ")
                )),
            );
        }
        if o.reason.trim().is_empty() {
            self.problems.push(
                Problem::error(
                    o.step.pos,
                    say!(
                        "een overschrijving heeft een reden nodig",
                        "an override needs a reason"
                    ),
                )
                .fix(say!(
                    "vul 'reden' in: waarom kies je een andere stap dan de suggestie?",
                    "fill in 'reden': why do you choose another step than the suggestion?"
                )),
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
                let place = goal.map_or(String::new(), |g| say!(" (doel '{g}')", " (goal '{g}')"));
                self.unknown(
                    id.pos,
                    say!(
                        "onbekende vraag '{}'{place}",
                        "unknown question '{}'{place}",
                        id.value
                    ),
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
                        Problem::error(
                            id.pos,
                            say!(
                                "'{}' is een vraag per doel",
                                "'{}' is a question per goal",
                                id.value
                            ),
                        )
                        .fix(say!(
                            "zet dit antwoord onder doelen: - label: ... antwoorden:",
                            "put this answer under doelen: - label: ... antwoorden:"
                        )),
                    );
                    continue;
                }
                (Some(g), false) => {
                    self.problems.push(
                        Problem::error(
                            id.pos,
                            say!(
                                "'{}' is een vraag voor de hele casus, niet per doel ('{g}')",
                                "'{}' is a question for the whole case, not per goal ('{g}')",
                                id.value
                            ),
                        )
                        .fix(say!(
                            "zet dit antwoord onder antwoorden: bovenaan het bestand",
                            "put this answer under antwoorden: at the top of the file"
                        )),
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
            if s == SKIPPED
                || (q.kind.value != Kind::FreeText && answer_key(s) == answer_key(SKIPPED))
            {
                return Some(Response::Skipped);
            }
            if q.kind.value != Kind::FreeText && is_dont_know(s) {
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
                            say!(
                                "'{id}' vraagt om een tekst, niet om een lijst",
                                "'{id}' asks for a text, not a list"
                            ),
                        )
                        .fix(say!(
                            "schrijf het antwoord als één tekst",
                            "write the answer as one text"
                        )),
                    );
                    None
                }
            },
            Kind::YesNo | Kind::Choice | Kind::Scale => match &answer.value {
                Answer::One(s) => self.option(q, s, pos).map(Response::Option),
                Answer::Many(_) => {
                    self.problems.push(
                        Problem::error(
                            pos,
                            say!(
                                "'{id}' heeft één antwoord, geen lijst",
                                "'{id}' has one answer, not a list"
                            ),
                        )
                        .fix(say!(
                            "kies één van: {}",
                            "choose one of: {}",
                            option_ids(q)
                        )),
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
                            say!(
                                "'{}' bij '{id}' gaat niet samen met andere keuzes",
                                "'{}' in '{id}' does not go with other choices",
                                o.id.value
                            ),
                        )
                        .fix(say!(
                            "kies '{}' alleen, of laat het weg",
                            "choose '{}' alone, or leave it out",
                            o.id.value
                        )),
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
                                say!(
                                    "'{id}' noemt het doel '{item}', maar dat doel bestaat niet",
                                    "'{id}' names the goal '{item}', but that goal does not exist"
                                ),
                            )
                            .fix(say!(
                                "gebruik de labels onder doelen:",
                                "use the labels under doelen:"
                            )),
                        ),
                    }
                }
                Some(Response::Order(order))
            }
        }
    }

    /// The option a written answer means, or a problem that quotes what
    /// the file says and names the options.
    fn option(&mut self, q: &Question, written: &str, pos: Pos) -> Option<usize> {
        let found = find_option(q, written);
        if found.is_none() {
            let shown = crate::base::sanitize::line(written);
            let options = option_ids(q);
            let fix = if q.kind.value == Kind::YesNo && is_yaml11_word(written) {
                say!(
                    "schrijf het antwoord voluit: kies een van: {options} ('{shown}' leest voorwie \
                     niet als ja of nee)",
                    "write the answer in full: choose one of: {options} (voorwie does not read \
                     '{shown}' as yes or no)"
                )
            } else {
                say!("kies een van: {options}", "choose one of: {options}")
            };
            self.unknown(
                pos,
                say!(
                    "'{shown}' is geen antwoord op '{}'",
                    "'{shown}' is not an answer to '{}'",
                    q.id.value
                ),
                fix,
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
                say!(
                    "het antwoord op '{id}' wordt niet gebruikt: die vraag hoort niet bij dit moment",
                    "the answer to '{id}' is not used: that question does not belong to this moment"
                ),
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
                    say!(
                        "het antwoord op '{id}' bij doel '{}' wordt niet gebruikt: die vraag hoort niet bij dit moment",
                        "the answer to '{id}' for goal '{}' is not used: that question does not belong to this moment",
                        out.goals[g].label
                    ),
                ));
            }
        }
    }
}

/// The option a written answer means, read as a person reads it: its id
/// (or an id it replaces) exactly, else the one option whose id or label
/// (Dutch or English) reads the same, regardless of case, accents, spaces
/// and `_`. Two options that read the same match neither.
pub(crate) fn find_option(q: &Question, written: &str) -> Option<usize> {
    if let Some(i) = q.option_index(written) {
        return Some(i);
    }
    let want = answer_key(written);
    if want.is_empty() {
        return None;
    }
    let mut found = None;
    for (i, o) in q.options.iter().enumerate() {
        let reads_the_same = answer_key(&o.id.value) == want
            || o.replaces.iter().any(|r| answer_key(&r.value) == want)
            || o.label.as_ref().is_some_and(|l| {
                answer_key(l.get(crate::base::text::Lang::Nl)) == want
                    || answer_key(l.get(crate::base::text::Lang::En)) == want
            });
        if reads_the_same {
            if found.is_some_and(|f| f != i) {
                return None;
            }
            found = Some(i);
        }
    }
    found
}

/// `weet_niet`, or "Weet ik niet" / "Don't know" as the interface shows it.
fn is_dont_know(written: &str) -> bool {
    let key = answer_key(written);
    key == answer_key(DONT_KNOW)
        || [crate::base::text::Lang::Nl, crate::base::text::Lang::En]
            .iter()
            .any(|l| key == answer_key(crate::base::ui::ui(*l).dont_know))
}

/// The YAML 1.1 words for yes and no, which voorwie reads as words.
fn is_yaml11_word(written: &str) -> bool {
    matches!(
        written.trim().to_lowercase().as_str(),
        "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false"
    )
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
        Some((_, k)) => say!(
            "bedoel je '{k}'? Zie 'voorwie kaart --format json' voor alle vraag-ids",
            "did you mean '{k}'? See 'voorwie kaart --format json' for all question ids"
        ),
        None => say!(
            "zie 'voorwie kaart --format json' voor alle vraag-ids",
            "see 'voorwie kaart --format json' for all question ids"
        ),
    }
}
