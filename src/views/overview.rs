//! An overview for organisatie & beleid: `voorwie overzicht DIR|FILE…`.
//!
//! Aggregates many saved sessions into an anonymous picture: how often each
//! step is suggested (per moment), how often what is needed exceeds what is
//! possible and at which level the gap lies, the most frequent action
//! points and "weet ik niet" questions, and overrides with their direction.
//! No names, labels, notes or case texts leave the sessions.
//!
//! Files are streamed: they are read in chunks of `CHUNK`, scored in
//! parallel, folded into a `Tally` keyed by bank ids (never by free text),
//! and dropped. Memory does not grow with the number of sessions. Files that
//! do not load are reported by name and skipped.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::advice::{self, Action, CertaintyLevel, Direction, Outcome};
use crate::bank::Bank;
use crate::base::error::{Error, Result};
use crate::base::sanitize;
use crate::base::text::Lang;
use crate::base::ui::{fill, ui};
use crate::session::Session;
use crate::session::load::session_file;
use crate::session::resolve::resolve;
use crate::session::responses::{Response, Responses};

/// Files scored in parallel before their rows are written (bounds memory).
pub(crate) const CHUNK: usize = 512;

/// Names of unreadable files kept for the report (the count is exact).
pub(crate) const MAX_LISTED_FAILURES: usize = 100;

/// How many of the most frequent action points and unknowns to show.
pub(crate) const TOP: usize = 10;

/// Counts, keyed by ids from the bank.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tally {
    sessions: usize,
    goals: usize,
    /// Case step per moment id ("" for none).
    steps_by_moment: HashMap<String, [usize; 5]>,
    goal_steps: [usize; 5],
    directions: HashMap<&'static str, usize>,
    gaps: usize,
    /// Gap level id ("organisatie", "beleid", or "" when unknown).
    gap_levels: HashMap<String, usize>,
    actions: HashMap<ActionKey, usize>,
    dont_know: HashMap<String, usize>,
    overrides_heavier: usize,
    overrides_lighter: usize,
    overrides_same: usize,
    failed: usize,
    failures: Vec<(String, String)>,
}

/// An action point without goal labels, so equal actions count together.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum ActionKey {
    FindOut(String),
    Option(String, usize),
    Rule(String),
    Missing(usize),
}

/// What the overview needs of one session: small, so that the heavy parsed
/// session is dropped by the worker that scored it.
struct Summary {
    moment: Option<usize>,
    date: String,
    role: String,
    current: Option<usize>,
    possible: Option<usize>,
    case: (usize, usize),
    direction: Direction,
    case_certainty: CertaintyLevel,
    case_override: Option<usize>,
    goals: Vec<GoalSummary>,
    gap_levels: Option<Vec<String>>,
    actions: Vec<ActionKey>,
    dont_know: Vec<String>,
}

struct GoalSummary {
    now: usize,
    need: usize,
    direction: Direction,
    certainty: CertaintyLevel,
    override_: Option<usize>,
}

impl Summary {
    fn of(bank: &Bank, session: &Session, responses: &Responses, outcome: &Outcome) -> Summary {
        let gap_levels = outcome.gap.as_ref().map(|gap| {
            let mut levels: Vec<String> = gap
                .sources
                .iter()
                .filter_map(|(q, o)| {
                    Some(
                        bank.question(q)?.options[*o]
                            .gap
                            .as_ref()?
                            .level
                            .value
                            .clone(),
                    )
                })
                .collect();
            levels.sort();
            levels.dedup();
            levels
        });
        let mut actions: Vec<ActionKey> = Vec::new();
        for a in outcome
            .actions
            .iter()
            .chain(outcome.goals.iter().flat_map(|g| &g.actions))
        {
            match a {
                Action::FindOut { question } => actions.push(ActionKey::FindOut(question.clone())),
                Action::Option { question, option } => {
                    actions.push(ActionKey::Option(question.clone(), *option))
                }
                Action::Rule { rule } => actions.push(ActionKey::Rule(rule.clone())),
                Action::Missing { parties } => {
                    actions.extend(parties.iter().map(|p| ActionKey::Missing(*p)))
                }
                // Follow from the positions, not from one answer: counted
                // under the directions and the gap instead.
                Action::Direction { .. } | Action::FindOutNow | Action::FindOutPossible { .. } => {}
            }
        }
        // An action counts once per session, however many goals it has.
        actions.sort();
        actions.dedup();
        let dont_know = responses
            .case
            .iter()
            .chain(responses.goals.iter().flat_map(|g| g.responses.iter()))
            .filter(|(_, r)| matches!(r, Response::DontKnow))
            .map(|(q, _)| q.clone())
            .collect();
        Summary {
            moment: responses.moment,
            date: session
                .date
                .as_deref()
                .map(sanitize::line)
                .unwrap_or_default(),
            role: session
                .rater
                .as_ref()
                .and_then(|r| r.role.as_deref())
                .map(sanitize::line)
                .unwrap_or_default(),
            current: outcome.current.step(),
            possible: outcome.possible.limit(),
            case: (outcome.case.step, outcome.case.need),
            direction: outcome.direction,
            case_certainty: outcome.case.certainty.level,
            case_override: outcome.override_.as_ref().map(|c| c.step),
            goals: outcome
                .goals
                .iter()
                .map(|g| GoalSummary {
                    now: g.advice.step,
                    need: g.advice.need,
                    direction: g.direction,
                    certainty: g.advice.certainty.level,
                    override_: g.override_.as_ref().map(|c| c.step),
                })
                .collect(),
            gap_levels,
            actions,
            dont_know,
        }
    }
}

impl Tally {
    fn add(&mut self, bank: &Bank, s: &Summary) {
        self.sessions += 1;
        self.goals += s.goals.len();
        let moment = s
            .moment
            .map_or(String::new(), |m| bank.moments[m].id.value.clone());
        self.steps_by_moment.entry(moment).or_default()[s.case.0] += 1;
        for g in &s.goals {
            self.goal_steps[g.now] += 1;
        }
        *self.directions.entry(s.direction.id()).or_default() += 1;
        if let Some(levels) = &s.gap_levels {
            self.gaps += 1;
            if levels.is_empty() {
                *self.gap_levels.entry(String::new()).or_default() += 1;
            }
            for l in levels {
                *self.gap_levels.entry(l.clone()).or_default() += 1;
            }
        }
        for k in &s.actions {
            *self.actions.entry(k.clone()).or_default() += 1;
        }
        for q in &s.dont_know {
            *self.dont_know.entry(q.clone()).or_default() += 1;
        }
        let overrides = s.case_override.map(|c| (c, s.case.0)).into_iter().chain(
            s.goals
                .iter()
                .filter_map(|g| g.override_.map(|c| (c, g.now))),
        );
        for (chosen, suggested) in overrides {
            match chosen.cmp(&suggested) {
                std::cmp::Ordering::Greater => self.overrides_heavier += 1,
                std::cmp::Ordering::Less => self.overrides_lighter += 1,
                std::cmp::Ordering::Equal => self.overrides_same += 1,
            }
        }
    }

    fn fail(&mut self, file: &Path, error: &Error) {
        self.failed += 1;
        if self.failures.len() < MAX_LISTED_FAILURES {
            let first_line = error.to_string().lines().next().unwrap_or("").to_owned();
            self.failures.push((
                sanitize::line(&file.display().to_string()),
                sanitize::line(&first_line),
            ));
        }
    }
}

/// The session files under the given paths: what the user names is
/// followed, symbolic link or not (a file is read whatever its name); a
/// directory is walked for `.yaml`, `.yml` and `.json`, in name order,
/// hidden files and directories skipped. A symbolic link inside a
/// directory is not followed (it may loop, or count a session twice): it
/// is reported as skipped, with why.
pub(crate) fn files(
    paths: &[PathBuf],
) -> impl Iterator<Item = std::result::Result<PathBuf, (PathBuf, Error)>> + '_ {
    paths.iter().flat_map(|p| {
        let named: Box<dyn Iterator<Item = _>> = match std::fs::metadata(p) {
            Ok(meta) if !meta.is_dir() => Box::new(std::iter::once(Ok(p.clone()))),
            Ok(_) => Box::new(walk(p)),
            Err(cause) => Box::new(std::iter::once(Err((
                p.clone(),
                Error::Read {
                    file: p.display().to_string(),
                    cause,
                },
            )))),
        };
        named
    })
}

/// The session files in a directory (see [`files`]).
fn walk(p: &Path) -> impl Iterator<Item = std::result::Result<PathBuf, (PathBuf, Error)>> + '_ {
    let walk = walkdir::WalkDir::new(p)
        .follow_links(false)
        .follow_root_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    walk.filter_map(move |entry| match entry {
        Ok(e) if e.depth() > 0 && e.path_is_symlink() => {
            let to_folder = std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir());
            if !to_folder && !is_session_file(e.path()) {
                return None;
            }
            let file = sanitize::line(&e.path().display().to_string());
            Some(Err((
                e.path().to_path_buf(),
                Error::Usage(crate::base::say::say!(
                    "{file}: een symbolische koppeling in een map; voorwie volgt die niet \
                         (noem haar zelf op de opdrachtregel om haar mee te tellen)",
                    "{file}: a symbolic link inside a folder; voorwie does not follow it \
                         (name it yourself on the command line to count it)"
                )),
            )))
        }
        Ok(e) if e.file_type().is_file() && is_session_file(e.path()) => Some(Ok(e.into_path())),
        Ok(_) => None,
        Err(err) => {
            let path = err
                .path()
                .map_or_else(|| p.to_path_buf(), Path::to_path_buf);
            let cause = err.into_io_error().unwrap_or_else(|| {
                std::io::Error::other(crate::base::say::pick(
                    "een lus in symbolische koppelingen",
                    "a loop in symbolic links",
                ))
            });
            Some(Err((
                path.clone(),
                Error::Read {
                    file: path.display().to_string(),
                    cause,
                },
            )))
        }
    })
}

fn is_session_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml" | "json")
    )
}

/// One row of the CSV and of the sessions sheet of the `.xlsx`: one goal of
/// one session (or the case when a session has no goals). No labels, notes
/// or names. The field names are the CSV's column names.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Row {
    pub sessie: usize,
    pub moment: String,
    pub datum: String,
    pub rol: String,
    pub doel: usize,
    pub stap: String,
    pub nodig: String,
    pub huidig: String,
    pub richting: String,
    pub zekerheid: String,
    pub mogelijk: String,
    pub kloof: bool,
    pub weet_niet: usize,
    pub overschrijving: String,
    /// The professional's own choice for the case, on every row of the
    /// session (a session with goals has no row for the case itself).
    pub overschrijving_casus: String,
}

impl Row {
    /// The column names, in order.
    pub(crate) const COLUMNS: [&'static str; 15] = [
        "sessie",
        "moment",
        "datum",
        "rol",
        "doel",
        "stap",
        "nodig",
        "huidig",
        "richting",
        "zekerheid",
        "mogelijk",
        "kloof",
        "weet_niet",
        "overschrijving",
        "overschrijving_casus",
    ];
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a
/// tab or carriage return first), neutralised the usual way against CSV
/// injection: with a `'` in front, which spreadsheets show as text.
pub(crate) fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    let first = cell.trim_start_matches(' ').chars().next();
    if matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')) || cell.starts_with(['\t', '\r'])
    {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Writes one row as CSV, with formula cells neutralised.
pub(crate) fn write_csv_row<W: Write>(writer: &mut csv::Writer<W>, mut row: Row) -> Result<()> {
    for cell in [
        &mut row.moment,
        &mut row.datum,
        &mut row.rol,
        &mut row.stap,
        &mut row.nodig,
        &mut row.huidig,
        &mut row.richting,
        &mut row.zekerheid,
        &mut row.mogelijk,
        &mut row.overschrijving,
    ] {
        if let std::borrow::Cow::Owned(safe) = spreadsheet_safe(cell) {
            *cell = safe;
        }
    }
    writer.serialize(&row).map_err(csv_error)
}

/// A CSV error as a write error ("csv" as the file).
pub(crate) fn csv_error(e: csv::Error) -> Error {
    Error::Write {
        file: "csv".to_owned(),
        cause: match e.into_kind() {
            csv::ErrorKind::Io(io) => io,
            other => std::io::Error::other(format!("{other:?}")),
        },
    }
}

/// Reads, scores and tallies every session; hands each row to `rows` as it
/// goes when given (the CSV, the `.xlsx`). Unreadable files are tallied as
/// failures.
pub(crate) fn run(
    bank: &Bank,
    paths: &[PathBuf],
    mut rows: Option<&mut dyn FnMut(Row) -> Result<()>>,
) -> Result<Tally> {
    let mut tally = Tally::default();
    let mut files = files(paths);
    let mut number = 0usize;
    loop {
        let chunk: Vec<_> = files.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let scored: Vec<(PathBuf, Result<Summary>)> = chunk
            .into_par_iter()
            .map(|item| match item {
                Err((path, e)) => (path, Err(e)),
                Ok(path) => {
                    let result = summarise_file(bank, &path);
                    (path, result)
                }
            })
            .collect();
        for (path, result) in scored {
            match result {
                Err(e) => tally.fail(&path, &e),
                Ok(summary) => {
                    number += 1;
                    tally.add(bank, &summary);
                    if let Some(on_row) = rows.as_mut() {
                        for row in rows_of(bank, number, &summary) {
                            on_row(row)?;
                        }
                    }
                }
            }
        }
    }
    Ok(tally)
}

/// Reads and scores one file, and keeps only what the overview needs.
fn summarise_file(bank: &Bank, path: &Path) -> Result<Summary> {
    let session = session_file(path)?;
    let (responses, _) =
        resolve(bank, &session, &path.display().to_string()).map_err(Error::Invalid)?;
    let outcome = advice::score(bank, &responses);
    Ok(Summary::of(bank, &session, &responses, &outcome))
}

/// The rows of one session: one per goal, or one for the case when it has
/// no goals.
fn rows_of(bank: &Bank, number: usize, s: &Summary) -> Vec<Row> {
    let id = |i: usize| bank.steps()[i].id.value.clone();
    let moment = s
        .moment
        .map_or_else(String::new, |m| bank.moments[m].id.value.clone());
    let current = s.current.map_or_else(String::new, id);
    let possible = s.possible.map_or_else(String::new, id);
    let case = GoalSummary {
        now: s.case.0,
        need: s.case.1,
        direction: s.direction,
        certainty: s.case_certainty,
        override_: s.case_override,
    };
    let goals: Vec<(usize, &GoalSummary)> = if s.goals.is_empty() {
        vec![(0, &case)]
    } else {
        s.goals
            .iter()
            .enumerate()
            .map(|(i, g)| (i + 1, g))
            .collect()
    };
    goals
        .into_iter()
        .map(|(goal, g)| Row {
            sessie: number,
            moment: moment.clone(),
            datum: s.date.clone(),
            rol: s.role.clone(),
            doel: goal,
            stap: id(g.now),
            nodig: id(g.need),
            huidig: current.clone(),
            richting: g.direction.id().to_owned(),
            zekerheid: g.certainty.id().to_owned(),
            mogelijk: possible.clone(),
            kloof: s.possible.is_some_and(|p| g.need > p),
            weet_niet: s.dont_know.len(),
            overschrijving: g.override_.map_or_else(String::new, id),
            overschrijving_casus: s.case_override.map_or_else(String::new, id),
        })
        .collect()
}

/// The overview in words (and the JSON of `--format json`).
#[derive(Clone, Debug, Serialize)]
pub struct Overview {
    pub sessies: usize,
    pub doelen: usize,
    pub niet_gelezen: usize,
    pub niet_gelezen_bestanden: Vec<Failure>,
    /// Case steps over all sessions, then per moment.
    pub stappen: Vec<StepCount>,
    pub per_moment: Vec<MomentCounts>,
    pub doelen_stappen: Vec<StepCount>,
    pub richtingen: Vec<Counted>,
    pub kloof: GapCounts,
    pub actiepunten: Vec<Counted>,
    pub weet_niet: Vec<Counted>,
    pub overschrijvingen: OverrideCounts,
}

#[derive(Clone, Debug, Serialize)]
pub struct Failure {
    pub bestand: String,
    pub fout: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct StepCount {
    pub stap: String,
    pub naam: String,
    pub aantal: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct MomentCounts {
    pub moment: String,
    pub naam: String,
    pub sessies: usize,
    pub stappen: Vec<StepCount>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Counted {
    pub id: String,
    pub tekst: String,
    pub aantal: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct GapCounts {
    /// Sessions where the needed step is heavier than what is possible.
    pub sessies: usize,
    /// Per level: organisatie, beleid, onbekend.
    pub per_niveau: Vec<Counted>,
}

#[derive(Clone, Debug, Serialize)]
pub struct OverrideCounts {
    pub totaal: usize,
    pub zwaarder: usize,
    pub lichter: usize,
    pub gelijk: usize,
}

impl OverrideCounts {
    /// The counts as one sentence, the same in every format.
    pub(crate) fn line(&self, ui: &crate::base::ui::Ui) -> String {
        fill(
            ui.ov_overrides_line,
            &[
                ("total", &self.totaal.to_string()),
                ("heavier", &self.zwaarder.to_string()),
                ("lighter", &self.lichter.to_string()),
                ("same", &self.gelijk.to_string()),
            ],
        )
    }
}

/// Clean text with a capital first letter (a goal placeholder may start it).
fn capitalised(text: &str) -> String {
    let text = sanitize::line(text);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// Puts a tally into words.
pub(crate) fn describe(bank: &Bank, tally: &Tally, lang: Lang) -> Overview {
    let u = ui(lang);
    let steps = |counts: &[usize; 5]| -> Vec<StepCount> {
        bank.steps()
            .iter()
            .zip(counts)
            .map(|(s, n)| StepCount {
                stap: s.id.value.clone(),
                naam: sanitize::line(s.name.get(lang)),
                aantal: *n,
            })
            .collect()
    };
    let mut all = [0usize; 5];
    for counts in tally.steps_by_moment.values() {
        for i in 0..5 {
            all[i] += counts[i];
        }
    }
    // Moments in bank order, then sessions without a moment.
    let mut per_moment: Vec<MomentCounts> = bank
        .moments
        .iter()
        .filter_map(|m| {
            let c = tally.steps_by_moment.get(&m.id.value)?;
            Some(MomentCounts {
                moment: m.id.value.clone(),
                naam: sanitize::line(m.name.get(lang)),
                sessies: c.iter().sum(),
                stappen: steps(c),
            })
        })
        .collect();
    if let Some(c) = tally.steps_by_moment.get("") {
        per_moment.push(MomentCounts {
            moment: String::new(),
            naam: u.ov_no_moment.to_owned(),
            sessies: c.iter().sum(),
            stappen: steps(c),
        });
    }
    let top = |mut v: Vec<Counted>| {
        v.sort_by(|a, b| b.aantal.cmp(&a.aantal).then(a.id.cmp(&b.id)));
        v.truncate(TOP);
        v
    };
    let action_text = |k: &ActionKey| -> Option<(String, String)> {
        Some(match k {
            ActionKey::FindOut(q) => {
                let question = bank.question(q)?;
                let what = question
                    .find_out
                    .as_ref()
                    .unwrap_or(question.short_text())
                    .get(lang);
                (
                    format!("zoek_uit:{q}"),
                    fill(u.action_find_out, &[("what", &sanitize::line(what))]),
                )
            }
            ActionKey::Option(q, o) => {
                let text = bank
                    .question(q)?
                    .options
                    .get(*o)?
                    .action
                    .as_ref()?
                    .get(lang);
                (
                    format!("{q}:{o}"),
                    capitalised(&fill(text, &[("doel", u.ov_a_goal)])),
                )
            }
            ActionKey::Rule(r) => {
                let rule = bank.scoring.rules.iter().find(|x| x.id == r.as_str())?;
                let text = rule.then.action.as_ref()?.get(lang);
                (
                    format!("regel:{r}"),
                    capitalised(&fill(text, &[("doel", u.ov_a_goal)])),
                )
            }
            ActionKey::Missing(p) => {
                let m = bank.scoring.missing.as_ref()?;
                let party = bank.question(&m.needed.value)?.options.get(*p)?;
                (
                    format!("ontbrekend:{}", party.id.value),
                    fill(u.ov_missing, &[("party", &party.label_in(lang))]),
                )
            }
        })
    };
    let actiepunten = top(tally
        .actions
        .iter()
        .filter_map(|(k, n)| {
            action_text(k).map(|(id, tekst)| Counted {
                id,
                tekst,
                aantal: *n,
            })
        })
        .collect());
    let weet_niet = top(tally
        .dont_know
        .iter()
        .map(|(q, n)| Counted {
            id: q.clone(),
            tekst: bank
                .question(q)
                .map_or_else(|| q.clone(), |x| sanitize::line(x.short_text().get(lang))),
            aantal: *n,
        })
        .collect());
    let mut per_niveau: Vec<Counted> = ["organisatie", "beleid", ""]
        .iter()
        .filter_map(|l| {
            let n = *tally.gap_levels.get(*l)?;
            Some(Counted {
                id: if l.is_empty() {
                    "onbekend".into()
                } else {
                    (*l).to_owned()
                },
                tekst: match *l {
                    "organisatie" => u.level_organisation.to_owned(),
                    "beleid" => u.level_policy.to_owned(),
                    _ => u.ov_level_unknown.to_owned(),
                },
                aantal: n,
            })
        })
        .collect();
    per_niveau.sort_by_key(|c| std::cmp::Reverse(c.aantal));
    let mut richtingen: Vec<Counted> = ["opschalen", "afschalen", "passend", "eerst_afstemmen"]
        .iter()
        .map(|d| Counted {
            id: (*d).to_owned(),
            tekst: bank
                .direction(d)
                .map_or_else(|| (*d).to_owned(), |x| sanitize::line(x.name.get(lang))),
            aantal: tally.directions.get(d).copied().unwrap_or(0),
        })
        .collect();
    richtingen.retain(|c| c.aantal > 0);
    Overview {
        sessies: tally.sessions,
        doelen: tally.goals,
        niet_gelezen: tally.failed,
        niet_gelezen_bestanden: tally
            .failures
            .iter()
            .map(|(f, e)| Failure {
                bestand: f.clone(),
                fout: e.clone(),
            })
            .collect(),
        stappen: steps(&all),
        per_moment,
        doelen_stappen: steps(&tally.goal_steps),
        richtingen,
        kloof: GapCounts {
            sessies: tally.gaps,
            per_niveau,
        },
        actiepunten,
        weet_niet,
        overschrijvingen: OverrideCounts {
            totaal: tally.overrides_heavier + tally.overrides_lighter + tally.overrides_same,
            zwaarder: tally.overrides_heavier,
            lichter: tally.overrides_lighter,
            gelijk: tally.overrides_same,
        },
    }
}
