//! Comparing saved sessions: `voorwie vergelijk FILE…`.
//!
//! Two uses. Several raters of one case (a team, or a class after a
//! gastcollege): each rater's suggested step per goal and for the case side
//! by side, the spread, a "bespreek dit" flag where raters are two or more
//! steps apart, the questions whose answers differ most with who answered
//! what, and the same per role. Or one case at different dates: what changed,
//! in order of time (opgeschaald, afgeschaald, goals added or reached).
//!
//! Goals are matched by label, case- and whitespace-insensitively; goals that
//! not every session has are listed, never dropped. Per goal the suggested
//! step, what is needed and the direction are compared. A rater without a
//! label is named after its file. The worked answer of a bundled practice
//! case ("de uitwerking", `--uitwerking NAAM`) can stand beside the raters
//! as a reference: it is shown and marked, but does not count in the
//! spread. Files about different cases are compared, with a warning on top.

use serde::Serialize;

use crate::advice::Outcome;
use crate::bank::{Bank, Kind};
use crate::base::sanitize;
use crate::base::text::Lang;
use crate::base::ui::{fill, ui};
use crate::session::responses::{Response, Responses};
use crate::session::{Session, goal_key};
use crate::views::report::{StepRef, answer_text};

/// Raters this many steps apart (or more) should talk about it.
pub(crate) const DISCUSS_SPREAD: usize = 2;

/// How many of the most different questions to show.
pub(crate) const TOP_QUESTIONS: usize = 10;

/// One scored session to compare.
pub(crate) struct Scored {
    /// The file it came from (for messages).
    pub file: String,
    /// The worked answer of a practice case, shown beside the raters.
    pub reference: bool,
    pub session: Session,
    pub responses: Responses,
    pub outcome: Outcome,
}

/// What to compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Several raters of one case.
    Raters,
    /// One case over time.
    Timeline,
}

/// The comparison, ready to render (and the JSON of `--format json`).
#[derive(Clone, Debug, Serialize)]
pub struct Comparison {
    /// beoordelaars | tijdlijn
    pub soort: String,
    pub casusinformatie: String,
    /// Said on top, in every format: for instance that the files are about
    /// different cases.
    pub waarschuwingen: Vec<String>,
    /// The five steps, for drawing.
    pub continuum: Vec<StepRef>,
    pub sessies: Vec<SessionRef>,
    /// The case suggestion of every session.
    pub casus: Row,
    /// Per goal that every session has.
    pub doelen: Vec<Row>,
    /// Goals that not every session has, with the sessions that have them.
    pub ongematcht: Vec<Unmatched>,
    /// The questions whose answers differ most.
    pub verschillen: Vec<QuestionDiff>,
    /// Case steps grouped by role.
    pub per_rol: Vec<RoleGroup>,
    /// For one case over time: what changed between consecutive sessions.
    pub tijdlijn: Vec<Change>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SessionRef {
    /// The rater's label, or else the file's name.
    pub label: String,
    /// The worked answer of the practice case (`--uitwerking`).
    pub referentie: bool,
    pub rol: Option<String>,
    pub datum: Option<String>,
    pub bestand: String,
}

/// One goal (or the case) across all sessions.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub label: String,
    /// Per session, in the order of `sessies`; `None` where the goal is absent.
    pub stappen: Vec<Option<StepRef>>,
    /// What is needed, per session (the suggestion can be a first step
    /// towards it).
    pub nodig: Vec<Option<StepRef>>,
    /// The direction per session, in words (opschalen, eerst afstemmen, …).
    pub richtingen: Vec<Option<String>>,
    /// Heaviest minus lightest suggested step, among the raters (the
    /// reference not counted).
    pub spreiding: usize,
    /// The same for what is needed.
    pub nodig_spreiding: usize,
    /// The raters do not all see the same direction.
    pub richting_verschilt: bool,
    /// Two or more steps apart, in the suggestion or in what is needed:
    /// talk about it.
    pub bespreek: bool,
    /// How many raters suggest each step, lightest first (the reference
    /// not counted).
    pub verdeling: Vec<usize>,
    /// The worked answer's step, when a reference is given.
    pub uitwerking: Option<StepRef>,
    /// How many raters come out where the worked answer does.
    pub als_uitwerking: usize,
}

impl Row {
    /// How far apart the raters are on this goal, as one sentence, the same
    /// in every format: the suggestion, and what is needed when the raters
    /// differ on it.
    pub(crate) fn spread_line(&self, ui: &crate::base::ui::Ui) -> String {
        let raters = self.stappen.iter().flatten().next();
        let mut line = match (self.spreiding, raters) {
            (0, Some(step)) => fill(
                ui.cmp_all_same,
                &[("label", &self.label), ("step", &step.naam.to_lowercase())],
            ),
            (1, _) => fill(ui.cmp_one_apart, &[("label", &self.label)]),
            (n, _) => fill(
                ui.cmp_steps_apart,
                &[("label", &self.label), ("n", &n.to_string())],
            ),
        };
        if self.nodig_spreiding > 0 {
            line.push_str("; ");
            line.push_str(&crate::base::ui::count(
                &ui.cmp_needed_apart,
                self.nodig_spreiding,
            ));
        }
        line
    }

    /// "Nodig: integratie 3, coöperatie 1" and "Richting: opschalen 3,
    /// eerst afstemmen 1": what the raters say is needed, and where to go.
    pub(crate) fn needed_line(&self, ui: &crate::base::ui::Ui, sessions: &[SessionRef]) -> String {
        let mut counts: Vec<(usize, String, usize)> = Vec::new();
        for (n, s) in self.nodig.iter().zip(sessions) {
            let Some(n) = n.as_ref().filter(|_| !s.referentie) else {
                continue;
            };
            match counts.iter_mut().find(|c| c.0 == n.index) {
                Some(c) => c.2 += 1,
                None => counts.push((n.index, n.naam.to_lowercase(), 1)),
            }
        }
        counts.sort_by_key(|c| c.0);
        let list: Vec<String> = counts.iter().map(|(_, n, c)| format!("{n} {c}")).collect();
        format!("{}: {}", ui.needed, list.join(", "))
    }

    pub(crate) fn direction_line(
        &self,
        ui: &crate::base::ui::Ui,
        sessions: &[SessionRef],
    ) -> String {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for (d, s) in self.richtingen.iter().zip(sessions) {
            let Some(d) = d.as_ref().filter(|_| !s.referentie) else {
                continue;
            };
            let d = d.to_lowercase();
            match counts.iter_mut().find(|c| c.0 == d) {
                Some(c) => c.1 += 1,
                None => counts.push((d, 1)),
            }
        }
        let list: Vec<String> = counts.iter().map(|(d, c)| format!("{d} {c}")).collect();
        format!("{}: {}", ui.direction, list.join(", "))
    }

    /// "Uitwerking: coördinatie (3 van de 5 beoordelaars ook)".
    pub(crate) fn reference_line(&self, ui: &crate::base::ui::Ui, raters: usize) -> Option<String> {
        let r = self.uitwerking.as_ref()?;
        Some(fill(
            ui.cmp_reference_line,
            &[
                ("step", &r.naam.to_lowercase()),
                ("n", &self.als_uitwerking.to_string()),
                ("total", &raters.to_string()),
            ],
        ))
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Unmatched {
    pub label: String,
    pub in_sessies: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct QuestionDiff {
    pub vraag: String,
    pub tekst: String,
    pub doel: Option<String>,
    /// Each different answer with the sessions that gave it.
    pub antwoorden: Vec<AnswerGroup>,
    /// For scales: how many scale points apart the answers are.
    pub afstand: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct AnswerGroup {
    pub antwoord: String,
    pub sessies: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RoleGroup {
    pub rol: String,
    pub sessies: Vec<String>,
    /// The case steps of those sessions.
    pub stappen: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Change {
    pub van: String,
    pub naar: String,
    pub wat: Vec<String>,
}

/// Raters of one case, unless the sessions have two or more dates and at
/// most one rater label: then one case over time.
pub(crate) fn guess_mode(sessions: &[Scored]) -> Mode {
    let mut dates: Vec<&str> = sessions
        .iter()
        .filter_map(|s| s.session.date.as_deref())
        .collect();
    dates.sort_unstable();
    dates.dedup();
    let mut raters: Vec<&str> = sessions
        .iter()
        .filter_map(|s| s.session.rater.as_ref().map(|r| r.label.as_str()))
        .collect();
    raters.sort_unstable();
    raters.dedup();
    if dates.len() >= 2 && raters.len() <= 1 {
        Mode::Timeline
    } else {
        Mode::Raters
    }
}

/// Compares sessions (at least two).
pub(crate) fn compare(
    bank: &Bank,
    mut sessions: Vec<Scored>,
    mode: Mode,
    lang: Lang,
) -> Comparison {
    let u = ui(lang);
    if mode == Mode::Timeline {
        sessions.sort_by(|a, b| a.session.date.cmp(&b.session.date));
    }
    let refs: Vec<SessionRef> = sessions
        .iter()
        .enumerate()
        .map(|(i, s)| SessionRef {
            label: label_of(s, i, &sessions, u),
            referentie: s.reference,
            rol: s
                .session
                .rater
                .as_ref()
                .and_then(|r| r.role.as_deref())
                .map(sanitize::line),
            datum: s.session.date.as_deref().map(sanitize::line),
            bestand: sanitize::line(&s.file),
        })
        .collect();
    let labels: Vec<String> = refs.iter().map(|r| r.label.clone()).collect();
    let step = |i: usize| StepRef {
        stap: bank.steps()[i].id.value.clone(),
        index: i,
        naam: sanitize::line(bank.steps()[i].name.get(lang)),
    };
    let direction = |d: crate::advice::Direction| {
        bank.direction(d.id())
            .map_or_else(|| d.id().to_owned(), |x| sanitize::line(x.name.get(lang)))
    };
    let is_reference: Vec<bool> = sessions.iter().map(|s| s.reference).collect();

    let casus = row(
        u.case_heading,
        sessions
            .iter()
            .map(|s| {
                Some(Position {
                    step: s.outcome.case.step,
                    need: s.outcome.case.need,
                    direction: direction(s.outcome.direction),
                })
            })
            .collect(),
        &is_reference,
        &step,
    );

    // Goals in first-seen order, matched by key.
    let mut keys: Vec<(String, String)> = Vec::new();
    for s in &sessions {
        for g in &s.responses.goals {
            let k = goal_key(&g.label);
            if !keys.iter().any(|(key, _)| *key == k) {
                keys.push((k, sanitize::line(&g.label)));
            }
        }
    }
    let goal_index = |s: &Scored, key: &str| {
        s.responses
            .goals
            .iter()
            .position(|g| goal_key(&g.label) == key)
    };
    let mut doelen = Vec::new();
    let mut ongematcht = Vec::new();
    for (key, label) in &keys {
        let per: Vec<Option<usize>> = sessions.iter().map(|s| goal_index(s, key)).collect();
        if per.iter().all(Option::is_some) {
            let positions = sessions
                .iter()
                .zip(&per)
                .map(|(s, g)| {
                    g.map(|g| {
                        let o = &s.outcome.goals[g];
                        Position {
                            step: o.advice.step,
                            need: o.advice.need,
                            direction: direction(o.direction),
                        }
                    })
                })
                .collect();
            doelen.push(row(label, positions, &is_reference, &step));
        } else {
            ongematcht.push(Unmatched {
                label: label.clone(),
                in_sessies: per
                    .iter()
                    .zip(&labels)
                    .filter(|(g, _)| g.is_some())
                    .map(|(_, l)| l.clone())
                    .collect(),
            });
        }
    }
    let waarschuwingen = different_cases(&sessions, &labels, lang)
        .map(|w| vec![w])
        .unwrap_or_default();

    let verschillen = if mode == Mode::Raters {
        differences(bank, &sessions, &labels, &keys, lang)
    } else {
        Vec::new()
    };
    let per_rol = if mode == Mode::Raters {
        roles(&sessions, &refs, &step)
    } else {
        Vec::new()
    };
    let tijdlijn = if mode == Mode::Timeline {
        timeline(bank, &sessions, &refs, lang)
    } else {
        Vec::new()
    };

    Comparison {
        soort: match mode {
            Mode::Raters => "beoordelaars",
            Mode::Timeline => "tijdlijn",
        }
        .to_owned(),
        casusinformatie: u.privacy_export.to_owned(),
        waarschuwingen,
        continuum: (0..bank.steps().len()).map(step).collect(),
        sessies: refs,
        casus,
        doelen,
        ongematcht,
        verschillen,
        per_rol,
        tijdlijn,
    }
}

/// The rater label; without one, the file's name without its extension
/// (the whole path when two files share a name); for the worked answer of
/// a practice case, "uitwerking".
fn label_of(s: &Scored, i: usize, all: &[Scored], u: &crate::base::ui::Ui) -> String {
    if s.reference {
        return u.cmp_reference.to_owned();
    }
    if let Some(label) = s
        .session
        .rater
        .as_ref()
        .map(|r| sanitize::line(&r.label))
        .filter(|l| !l.trim().is_empty())
    {
        return label;
    }
    let stem = |f: &str| {
        std::path::Path::new(f)
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
    };
    match stem(&s.file) {
        Some(name)
            if !all
                .iter()
                .enumerate()
                .any(|(j, o)| j != i && stem(&o.file).as_deref() == Some(name.as_str())) =>
        {
            sanitize::line(&name)
        }
        Some(_) => sanitize::line(&s.file),
        None => (i + 1).to_string(),
    }
}

/// One session's place on one goal (or the case).
struct Position {
    step: usize,
    need: usize,
    direction: String,
}

fn spread(steps: impl Iterator<Item = usize> + Clone) -> usize {
    match (steps.clone().min(), steps.max()) {
        (Some(lo), Some(hi)) => hi - lo,
        _ => 0,
    }
}

fn row(
    label: &str,
    positions: Vec<Option<Position>>,
    is_reference: &[bool],
    step: &dyn Fn(usize) -> StepRef,
) -> Row {
    let raters: Vec<&Position> = positions
        .iter()
        .zip(is_reference)
        .filter(|(_, r)| !**r)
        .filter_map(|(p, _)| p.as_ref())
        .collect();
    let spreiding = spread(raters.iter().map(|p| p.step));
    let nodig_spreiding = spread(raters.iter().map(|p| p.need));
    let mut verdeling = vec![0; 5];
    for p in &raters {
        if let Some(c) = verdeling.get_mut(p.step) {
            *c += 1;
        }
    }
    let reference = positions
        .iter()
        .zip(is_reference)
        .find(|(_, r)| **r)
        .and_then(|(p, _)| p.as_ref());
    let richting_verschilt = raters.iter().any(|p| p.direction != raters[0].direction);
    Row {
        label: label.to_owned(),
        stappen: positions
            .iter()
            .map(|p| p.as_ref().map(|p| step(p.step)))
            .collect(),
        nodig: positions
            .iter()
            .map(|p| p.as_ref().map(|p| step(p.need)))
            .collect(),
        richtingen: positions
            .iter()
            .map(|p| p.as_ref().map(|p| p.direction.clone()))
            .collect(),
        spreiding,
        nodig_spreiding,
        richting_verschilt,
        bespreek: spreiding >= DISCUSS_SPREAD || nodig_spreiding >= DISCUSS_SPREAD,
        verdeling,
        uitwerking: reference.map(|p| step(p.step)),
        als_uitwerking: reference.map_or(0, |r| raters.iter().filter(|p| p.step == r.step).count()),
    }
}

/// The case a session is about, by its case text: a bundled practice
/// case's name, or the first words of the text. `None` without a text.
fn case_name(session: &Session) -> Option<(String, String)> {
    let text = session.case_text.as_deref()?;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.is_empty() {
        return None;
    }
    let name = crate::views::examples::named_case(&flat).map_or_else(
        || {
            let words: Vec<&str> = flat.split(' ').take(6).collect();
            format!("'{} …'", sanitize::line(&words.join(" ")))
        },
        str::to_owned,
    );
    Some((flat, name))
}

/// A warning when the files are about different cases (by their case
/// texts): they are not raters of one case.
fn different_cases(sessions: &[Scored], labels: &[String], lang: Lang) -> Option<String> {
    let mut groups: Vec<(String, String, Vec<String>)> = Vec::new();
    for (s, label) in sessions.iter().zip(labels) {
        let Some((text, name)) = case_name(&s.session) else {
            continue;
        };
        match groups.iter_mut().find(|g| g.0 == text) {
            Some(g) => g.2.push(label.clone()),
            None => groups.push((text, name, vec![label.clone()])),
        }
    }
    if groups.len() < 2 {
        return None;
    }
    let list: Vec<String> = groups
        .iter()
        .map(|(_, name, who)| format!("{name} ({})", who.join(", ")))
        .collect();
    Some(fill(
        ui(lang).cmp_different_cases,
        &[("cases", &list.join("; "))],
    ))
}

/// The bundled practice case all sessions are about (by their case text),
/// for a tip: its worked answer can stand beside them.
pub(crate) fn common_case(sessions: &[Scored]) -> Option<&'static str> {
    let mut names = sessions.iter().map(|s| {
        s.session.case_text.as_deref().and_then(|t| {
            crate::views::examples::named_case(&t.split_whitespace().collect::<Vec<_>>().join(" "))
        })
    });
    let first = names.next()??;
    names.all(|n| n == Some(first)).then_some(first)
}

/// The questions answered most differently, case and per matched goal.
fn differences(
    bank: &Bank,
    sessions: &[Scored],
    labels: &[String],
    keys: &[(String, String)],
    lang: Lang,
) -> Vec<QuestionDiff> {
    let mut out = Vec::new();
    let mut consider = |qid: &str, goal: Option<(&str, &str)>| {
        let Some(q) = bank.question(qid) else { return };
        if matches!(q.kind.value, Kind::FreeText | Kind::Order) {
            return;
        }
        let mut groups: Vec<AnswerGroup> = Vec::new();
        let mut positions = Vec::new();
        for (s, label) in sessions.iter().zip(labels) {
            let g = match goal {
                None => None,
                Some((key, _)) => match s
                    .responses
                    .goals
                    .iter()
                    .position(|x| goal_key(&x.label) == key)
                {
                    Some(g) => Some(g),
                    None => continue,
                },
            };
            let Some(text) = answer_text(bank, &s.responses, qid, g, lang) else {
                continue;
            };
            if let Some(Response::Option(i)) = s.responses.get(qid, g)
                && q.kind.value == Kind::Scale
            {
                positions.push(*i);
            }
            match groups.iter_mut().find(|x| x.antwoord == text) {
                Some(x) => x.sessies.push(label.clone()),
                None => groups.push(AnswerGroup {
                    antwoord: text,
                    sessies: vec![label.clone()],
                }),
            }
        }
        if groups.len() < 2 {
            return;
        }
        groups.sort_by_key(|x| std::cmp::Reverse(x.sessies.len()));
        let distance = match (positions.iter().min(), positions.iter().max()) {
            (Some(lo), Some(hi)) => hi - lo,
            _ => 0,
        };
        out.push(QuestionDiff {
            vraag: qid.to_owned(),
            tekst: sanitize::line(q.short_text().get(lang)),
            doel: goal.map(|(_, l)| l.to_owned()),
            antwoorden: groups,
            afstand: distance,
        });
    };
    for q in bank.all_questions().filter(|q| !q.per_goal) {
        consider(&q.id.value, None);
    }
    for (key, label) in keys {
        for q in bank.questions.iter().filter(|q| q.per_goal) {
            consider(&q.id.value, Some((key, label)));
        }
    }
    // Most different first: how far apart on a scale, then how many
    // different answers, then how evenly split.
    out.sort_by(|a, b| {
        b.afstand
            .cmp(&a.afstand)
            .then(b.antwoorden.len().cmp(&a.antwoorden.len()))
            .then(
                a.antwoorden[0]
                    .sessies
                    .len()
                    .cmp(&b.antwoorden[0].sessies.len()),
            )
    });
    out.truncate(TOP_QUESTIONS);
    out
}

fn roles(
    sessions: &[Scored],
    refs: &[SessionRef],
    step: &dyn Fn(usize) -> StepRef,
) -> Vec<RoleGroup> {
    let mut groups: Vec<RoleGroup> = Vec::new();
    for (s, r) in sessions.iter().zip(refs) {
        let Some(role) = r.rol.as_ref().filter(|_| !r.referentie) else {
            continue;
        };
        let name = step(s.outcome.case.step).naam;
        match groups.iter_mut().find(|g| g.rol.eq_ignore_ascii_case(role)) {
            Some(g) => {
                g.sessies.push(r.label.clone());
                g.stappen.push(name);
            }
            None => groups.push(RoleGroup {
                rol: role.clone(),
                sessies: vec![r.label.clone()],
                stappen: vec![name],
            }),
        }
    }
    groups
}

/// What changed between consecutive sessions (sorted by date).
fn timeline(bank: &Bank, sessions: &[Scored], refs: &[SessionRef], lang: Lang) -> Vec<Change> {
    let u = ui(lang);
    let name = |i: usize| sanitize::line(bank.steps()[i].name.get(lang)).to_lowercase();
    let reached = |s: &Scored, g: usize| {
        bank.scoring.reached.as_ref().is_some_and(|c| {
            crate::session::condition::holds(bank, c, &s.responses, Some(g), Default::default())
        })
    };
    let mut out = Vec::new();
    for w in 0..sessions.len().saturating_sub(1) {
        let (a, b) = (&sessions[w], &sessions[w + 1]);
        let mut wat = Vec::new();
        let (x, y) = (a.outcome.case.step, b.outcome.case.step);
        match y.cmp(&x) {
            std::cmp::Ordering::Greater => {
                wat.push(fill(u.cmp_up, &[("from", &name(x)), ("to", &name(y))]))
            }
            std::cmp::Ordering::Less => {
                wat.push(fill(u.cmp_down, &[("from", &name(x)), ("to", &name(y))]))
            }
            std::cmp::Ordering::Equal => wat.push(fill(u.cmp_same, &[("step", &name(x))])),
        }
        for (gi, g) in b.responses.goals.iter().enumerate() {
            let label = sanitize::line(&g.label);
            match a
                .responses
                .goals
                .iter()
                .position(|x| goal_key(&x.label) == goal_key(&g.label))
            {
                None => wat.push(fill(u.cmp_goal_added, &[("goal", &label)])),
                Some(ai) => {
                    let (p, q) = (
                        a.outcome.goals[ai].advice.step,
                        b.outcome.goals[gi].advice.step,
                    );
                    if p != q {
                        wat.push(fill(
                            u.cmp_goal_moved,
                            &[("goal", &label), ("from", &name(p)), ("to", &name(q))],
                        ));
                    }
                    if reached(b, gi) && !reached(a, ai) {
                        wat.push(fill(u.cmp_goal_reached, &[("goal", &label)]));
                    }
                }
            }
        }
        for g in &a.responses.goals {
            if !b
                .responses
                .goals
                .iter()
                .any(|x| goal_key(&x.label) == goal_key(&g.label))
            {
                wat.push(fill(
                    u.cmp_goal_gone,
                    &[("goal", &sanitize::line(&g.label))],
                ));
            }
        }
        let dont_know = |s: &Scored| {
            s.responses
                .case
                .values()
                .chain(s.responses.goals.iter().flat_map(|g| g.responses.values()))
                .filter(|r| matches!(r, Response::DontKnow))
                .count()
        };
        let (k, l) = (dont_know(a), dont_know(b));
        if l < k {
            wat.push(fill(u.cmp_found_out, &[("n", &(k - l).to_string())]));
        }
        out.push(Change {
            van: refs[w]
                .datum
                .clone()
                .unwrap_or_else(|| refs[w].label.clone()),
            naar: refs[w + 1]
                .datum
                .clone()
                .unwrap_or_else(|| refs[w + 1].label.clone()),
            wat,
        });
    }
    out
}
