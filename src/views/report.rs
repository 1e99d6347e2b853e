//! The result of a session in words: what every renderer formats, and
//! exactly what `--format json` prints.
//!
//! [`build`] looks up every id of an [`Outcome`] in the bank and fills in its
//! sentences (`teksten`, `richtingen`, rule reasons), so that the renderers
//! only arrange text. All text from files passes through
//! [`crate::base::sanitize`] here.
//!
//! The JSON keys are part of the command-line contract (see PRODUCT.md):
//! `advies.stap`, `advies.index`, `doelen[].label`, `doelen[].advies.stap`,
//! `redenen`, `huidig`, `richting`, and the bank id and version. The rest
//! extends it: the four positions per goal (`nu`, `overwogen`,
//! `advies.nodig`, `mogelijk`), `signalen`, how many questions were answered,
//! and the professional's own words.

use serde::Serialize;

use crate::advice::{
    Action, ActionKind, Advice, CertaintyLevel, Direction, GoalOutcome, Now, Outcome, Part,
    Possible, Reason, RuleEffect,
};
use crate::bank::{Bank, Kind};
use crate::base::plain_text::lower_start;
use crate::base::sanitize;
use crate::base::text::Lang;
use crate::base::ui::{Ui, fill, ui};
use crate::session::responses::{Choice, Response, Responses};
use crate::session::{Rater, Session};

/// The session result, ready to render.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub voorwie: ToolInfo,
    pub bank: BankInfo,
    pub datum: String,
    pub casusinformatie: String,
    /// The source of the instrument, for the case file.
    pub bron: String,
    pub moment: Option<Named>,
    pub beoordelaar: Option<Rater>,
    /// The case text of a practice case.
    pub casus: Option<String>,
    /// Why a practice case's outcome is defensible, from the sources.
    pub onderbouwing: Option<String>,
    /// How many core questions were answered, and whether that is enough.
    pub beantwoord: AnsweredView,
    pub advies: AdviceView,
    /// All five steps, lightest first, with the names of this bank.
    pub continuum: Vec<StepRef>,
    /// The current step of the case, or null when unknown or no one is
    /// involved (see `nu`).
    pub huidig: Option<StepRef>,
    pub nu: NowView,
    /// The step of the form that is being considered, if one was named.
    pub overwogen: Option<StepRef>,
    /// That form in words ("Een integraal specialistisch team (coöperatie)").
    pub overwogen_tekst: Option<String>,
    pub richting: String,
    pub richting_naam: String,
    pub richting_uitleg: String,
    pub signalen: Vec<String>,
    pub doelen: Vec<GoalView>,
    /// Why the case suggestion is what it is (never empty).
    pub redenen: Vec<ReasonView>,
    /// The goal that sets the case suggestion.
    pub bepalend_doel: Option<String>,
    pub mogelijk: PossibleView,
    pub kloof: Option<GapView>,
    pub afschalen: Option<ScaleDownView>,
    /// Action points, grouped (`groep`: doen, uitzoeken, neerleggen) and in
    /// order of what matters.
    pub actiepunten: Vec<ActionView>,
    pub volgorde: OrderView,
    pub overschrijving: Option<OverrideView>,
    /// The professional's own words for the case (free-text answers).
    pub eigen_woorden: Vec<TextAnswer>,
    pub weet_niet: usize,
    pub overgeslagen: usize,
    /// The questions that were skipped, by their short text (with the goal).
    pub overgeslagen_vragen: Vec<String>,
    pub notities: Option<String>,
    pub hoger_niet_beter: String,
    pub reflectie: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ToolInfo {
    pub naam: String,
    pub versie: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct BankInfo {
    pub id: String,
    pub versie: String,
    pub naam: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Named {
    pub id: String,
    pub naam: String,
}

/// A continuum step by id, index and name.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct StepRef {
    pub stap: String,
    pub index: usize,
    pub naam: String,
}

/// How many core questions were answered.
#[derive(Clone, Debug, Serialize)]
pub struct AnsweredView {
    pub beantwoord: usize,
    pub kernvragen: usize,
    /// The suggestion rests on too few answers.
    pub te_weinig: bool,
    /// Said at the top when it rests on too few.
    pub tekst: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AdviceView {
    /// What to do now (a continuum id).
    pub stap: String,
    pub index: usize,
    pub naam: String,
    pub intensiteit: String,
    /// Example forms of this step that fit the goal (domain and moment).
    pub vormen: Vec<String>,
    /// The need; differs from `stap` when something lighter comes first.
    pub nodig: StepRef,
    /// The steps the need can be, given every answer the open questions
    /// could get, lightest first (`nodig` is the first).
    pub past_bij: Vec<String>,
    pub zekerheid: String,
    /// Why this certainty, in words.
    pub zekerheid_uitleg: String,
    /// The range sentence, when the open questions leave room.
    pub bereik: Option<String>,
    pub punten: i32,
}

/// Where things stand now.
#[derive(Clone, Debug, Serialize)]
pub struct NowView {
    /// `stap`, `een` (one professional), `niemand` or `onbekend`.
    pub status: String,
    pub stap: Option<StepRef>,
    /// In words.
    pub tekst: String,
    /// For a goal: taken from the case answer (`casus`) or its own (`doel`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bron: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct GoalView {
    pub label: String,
    pub prioriteit_gezin: usize,
    pub prioriteit_hulpverlening: usize,
    pub advies: AdviceView,
    pub nu: NowView,
    pub richting: String,
    pub richting_naam: String,
    pub richting_uitleg: String,
    pub signalen: Vec<String>,
    pub redenen: Vec<ReasonView>,
    pub actiepunten: Vec<ActionView>,
    pub overschrijving: Option<OverrideView>,
    /// The professional's own words for this goal.
    pub eigen_woorden: Vec<TextAnswer>,
    pub domeinen: Vec<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ReasonView {
    pub tekst: String,
    /// basis | verschuiving | grens | gezin | regel | licht
    pub soort: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vraag: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub antwoorden: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regel: Option<String>,
    /// Points the answers behind this reason added (positive: heavier).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub punten: Option<i32>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ActionView {
    pub tekst: String,
    /// zoek_uit | actie | regel | richting | ontbrekend | kloof
    pub soort: String,
    /// doen | uitzoeken | neerleggen
    pub groep: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vraag: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub doelen: Vec<String>,
}

/// What organisation and policy make possible.
#[derive(Clone, Debug, Serialize)]
pub struct PossibleView {
    /// bekend | deels | onbekend
    pub status: String,
    pub stap: Option<StepRef>,
    pub tekst: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct GapView {
    pub nodig: StepRef,
    pub mogelijk: StepRef,
    pub tekst: String,
    /// organisatie | beleid (when the answers say where the gap lies)
    pub niveaus: Vec<String>,
    /// The same levels in words.
    pub niveau_namen: Vec<String>,
    pub beperkt_door: Vec<String>,
    pub neerleggen: Vec<String>,
    pub doelen: Vec<String>,
}

/// At afschalen: which goals made the family get stuck and what remains.
#[derive(Clone, Debug, Serialize)]
pub struct ScaleDownView {
    pub titel: String,
    pub behaald: Vec<String>,
    pub niet_behaald: Vec<String>,
    pub overig: Vec<String>,
    pub onduidelijk: Vec<String>,
    /// The sentences, in order, for the text renderers.
    pub regels: Vec<String>,
    pub signaal: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct OrderView {
    pub gezin: Vec<String>,
    pub hulpverlening: Vec<String>,
    /// Whether each order was given (otherwise it is entry order).
    pub gezin_gegeven: bool,
    pub hulpverlening_gegeven: bool,
    pub verschilt: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct OverrideView {
    pub gekozen: StepRef,
    pub suggestie: StepRef,
    pub reden: String,
}

/// A free-text answer: the question (short) and the professional's words.
#[derive(Clone, Debug, Serialize)]
pub struct TextAnswer {
    pub vraag: String,
    pub tekst: String,
}

/// Everything needed to describe one session.
pub struct Input<'a> {
    pub bank: &'a Bank,
    pub session: &'a Session,
    pub responses: &'a Responses,
    pub outcome: &'a Outcome,
    pub lang: Lang,
    /// ISO date (YYYY-MM-DD) to use when the session has none.
    pub today: &'a str,
}

/// Builds the report for a scored session.
pub fn build(input: &Input) -> Report {
    let Input {
        bank,
        session,
        responses,
        outcome,
        lang,
        today,
    } = *input;
    let w = Words {
        bank,
        lang,
        ui: ui(lang),
        moment: responses
            .moment
            .and_then(|m| bank.moments.get(m))
            .map(|m| m.id.value.clone()),
    };
    let goal_labels: Vec<String> = responses
        .goals
        .iter()
        .map(|g| sanitize::line(&g.label))
        .collect();
    let case_domains: Vec<String> = {
        let mut d: Vec<String> = Vec::new();
        for g in &outcome.goals {
            for x in &g.domains {
                if !d.contains(x) {
                    d.push(x.clone());
                }
            }
        }
        d
    };

    let doelen: Vec<GoalView> = outcome
        .order_family
        .iter()
        .map(|&g| {
            let go = &outcome.goals[g];
            GoalView {
                label: goal_labels[g].clone(),
                prioriteit_gezin: position(&outcome.order_family, g),
                prioriteit_hulpverlening: position(&outcome.order_care, g),
                advies: w.advice(&go.advice, &go.domains),
                nu: w.now(
                    go.current,
                    Some(go.current_from_case),
                    w.now_label(responses, if go.current_from_case { None } else { Some(g) }),
                ),
                richting: go.direction.id().to_owned(),
                richting_naam: w.direction_name(go.direction, go.current),
                richting_uitleg: w.direction_text(
                    go.direction,
                    &go.advice,
                    go.current,
                    outcome.considered,
                ),
                signalen: go.signals.clone(),
                redenen: w.reasons(&go.advice),
                actiepunten: w.goal_actions(go, &goal_labels[g], outcome),
                overschrijving: go
                    .override_
                    .as_ref()
                    .map(|c| w.override_view(c, go.advice.step)),
                eigen_woorden: w.own_words(responses, Some(g)),
                domeinen: go.domains.clone(),
            }
        })
        .collect();

    let actiepunten = w.all_actions(outcome, &goal_labels);
    let (answered, core) = (outcome.case.certainty.answered, outcome.case.certainty.core);

    Report {
        voorwie: ToolInfo {
            naam: "voorwie".to_owned(),
            versie: env!("CARGO_PKG_VERSION").to_owned(),
        },
        bank: BankInfo {
            id: sanitize::line(&bank.id.value),
            versie: sanitize::line(&bank.version.value),
            naam: sanitize::line(bank.name.get(lang)),
        },
        datum: session
            .date
            .as_deref()
            .map_or_else(|| today.to_owned(), sanitize::line),
        casusinformatie: w.ui.privacy_export.to_owned(),
        bron: bank
            .sources
            .first()
            .map(|s| sanitize::line(s.short.as_ref().unwrap_or(&s.title).get(lang)))
            .unwrap_or_default(),
        moment: responses.moment.map(|m| Named {
            id: bank.moments[m].id.value.clone(),
            naam: sanitize::line(bank.moments[m].name.get(lang)),
        }),
        beoordelaar: session.rater.as_ref().map(|r| Rater {
            label: sanitize::line(&r.label),
            role: r.role.as_deref().map(sanitize::line),
        }),
        casus: session
            .case_text
            .as_deref()
            .map(sanitize::multiline)
            .filter(|c| !c.trim().is_empty()),
        onderbouwing: session
            .rationale
            .as_deref()
            .map(sanitize::line)
            .filter(|c| !c.trim().is_empty()),
        beantwoord: AnsweredView {
            beantwoord: answered,
            kernvragen: core,
            te_weinig: outcome.case.certainty.too_few,
            tekst: outcome.case.certainty.too_few.then(|| {
                if outcome.goals.is_empty() {
                    w.text("geen_doelen", &[])
                } else {
                    w.text(
                        "te_weinig",
                        &[
                            ("beantwoord", &answered.to_string()),
                            ("totaal", &core.to_string()),
                        ],
                    )
                }
            }),
        },
        advies: {
            let mut a = w.advice(&outcome.case, &case_domains);
            // The case follows its heaviest goal; a lighter goal whose open
            // questions can still change it is named, so that "hoog" for the
            // case is not read as "everything is known".
            let less_sure: Vec<String> = outcome
                .order_family
                .iter()
                .filter(|&&g| {
                    outcome.goals[g].advice.certainty.level > outcome.case.certainty.level
                })
                .map(|&g| goal_labels[g].clone())
                .collect();
            if !less_sure.is_empty() && !outcome.case.certainty.too_few {
                a.zekerheid_uitleg.push(' ');
                a.zekerheid_uitleg.push_str(&w.text(
                    "zekerheid_doelen",
                    &[("doelen", &quoted_list(&less_sure, w.ui.and))],
                ));
            }
            a
        },
        continuum: (0..bank.steps().len()).map(|i| w.step_ref(i)).collect(),
        huidig: outcome.current.step().map(|c| w.step_ref(c)),
        nu: w.now(outcome.current, None, w.now_label(responses, None)),
        overwogen: outcome.considered.map(|c| w.step_ref(c)),
        overwogen_tekst: outcome.considered.map(|c| w.considered_text(responses, c)),
        richting: outcome.direction.id().to_owned(),
        richting_naam: w.direction_name(outcome.direction, outcome.current),
        richting_uitleg: w.direction_text(
            outcome.direction,
            &outcome.case,
            outcome.current,
            outcome.considered,
        ),
        signalen: outcome.signals.clone(),
        redenen: w.reasons(&outcome.case),
        bepalend_doel: outcome.driving_goal.map(|g| goal_labels[g].clone()),
        mogelijk: w.possible(outcome),
        kloof: outcome.gap.as_ref().map(|gap| GapView {
            nodig: w.step_ref(gap.need),
            mogelijk: w.step_ref(gap.possible),
            tekst: w.gap_text(outcome, gap),
            niveaus: dedup(gap.sources.iter().filter_map(|(q, o)| {
                let opt = &bank.question(q)?.options[*o];
                Some(sanitize::line(&opt.gap.as_ref()?.level.value))
            })),
            niveau_namen: dedup(gap.sources.iter().filter_map(|(q, o)| {
                let opt = &bank.question(q)?.options[*o];
                Some(match opt.gap.as_ref()?.level.value.as_str() {
                    "organisatie" => w.ui.level_organisation.to_owned(),
                    "beleid" => w.ui.level_policy.to_owned(),
                    other => sanitize::line(other),
                })
            })),
            beperkt_door: gap
                .limits
                .iter()
                .filter_map(|(q, o)| w.answer_line(q, &[*o]))
                .collect(),
            neerleggen: w.take_to(gap),
            doelen: gap.goals.iter().map(|g| goal_labels[*g].clone()).collect(),
        }),
        afschalen: outcome
            .scale_down
            .as_ref()
            .map(|s| w.scale_down(s, outcome, &goal_labels)),
        actiepunten,
        volgorde: OrderView {
            gezin: outcome
                .order_family
                .iter()
                .map(|g| goal_labels[*g].clone())
                .collect(),
            hulpverlening: outcome
                .order_care
                .iter()
                .map(|g| goal_labels[*g].clone())
                .collect(),
            gezin_gegeven: outcome.order_family_given,
            hulpverlening_gegeven: outcome.order_care_given,
            verschilt: outcome.orders_differ,
        },
        overschrijving: outcome
            .override_
            .as_ref()
            .map(|c| w.override_view(c, outcome.case.step)),
        eigen_woorden: w.own_words(responses, None),
        weet_niet: outcome.dont_know,
        overgeslagen: outcome.skipped,
        overgeslagen_vragen: w.skipped(responses, &goal_labels),
        notities: session
            .notes
            .as_deref()
            .map(sanitize::multiline)
            .filter(|n| !n.trim().is_empty()),
        hoger_niet_beter: w.text("hoger_niet_beter", &[]),
        reflectie: bank
            .reflection
            .iter()
            .map(|t| sanitize::line(t.get(lang)))
            .collect(),
        doelen,
    }
}

/// "Vraag? antwoord" or "Onderwerp: antwoord".
fn join_question(question: &str, answer: &str) -> String {
    if question.ends_with('?') {
        format!("{question} {answer}")
    } else {
        format!("{question}: {answer}")
    }
}

/// 'A', or 'A' en 'B', or 'A', 'B' en 'C'.
pub fn quoted_list(items: &[String], and: &str) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("'{i}'")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// 1-based position of `goal` in `order`.
fn position(order: &[usize], goal: usize) -> usize {
    order.iter().position(|&g| g == goal).map_or(0, |p| p + 1)
}

/// "a, b en c", without quotes (see [`quoted_list`] for labels).
fn plain_list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

fn dedup(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// Adds an action, or adds its goals to an identical one already listed.
fn merge_action(list: &mut Vec<ActionView>, action: ActionView) {
    if let Some(existing) = list.iter_mut().find(|a| a.tekst == action.tekst) {
        for g in action.doelen {
            if !existing.doelen.contains(&g) {
                existing.doelen.push(g);
            }
        }
    } else {
        list.push(action);
    }
}

/// Looks words up in the bank and the interface table.
struct Words<'a> {
    bank: &'a Bank,
    lang: Lang,
    ui: &'static Ui,
    moment: Option<String>,
}

impl Words<'_> {
    /// A sentence of the bank's `teksten`, filled in and safe to print.
    fn text(&self, id: &str, values: &[(&str, &str)]) -> String {
        sanitize::line(&fill(self.bank.text(id, self.lang), values))
    }

    fn step_name(&self, index: usize) -> String {
        self.bank
            .steps()
            .get(index)
            .map_or_else(String::new, |s| sanitize::line(s.name.get(self.lang)))
    }

    /// A step name inside a sentence: lower case (the ids' names start
    /// with a capital).
    fn step_lower(&self, index: usize) -> String {
        self.step_name(index).to_lowercase()
    }

    fn step_ref(&self, index: usize) -> StepRef {
        StepRef {
            stap: self
                .bank
                .steps()
                .get(index)
                .map_or_else(String::new, |s| s.id.value.clone()),
            index,
            naam: self.step_name(index),
        }
    }

    /// The direction's name; scaling up from nobody is starting help
    /// ("hulp starten"), not "opschalen". The id stays `opschalen`.
    fn direction_name(&self, d: Direction, now: Now) -> String {
        if d == Direction::Up && now == Now::Nobody {
            return self.text("starten", &[]);
        }
        self.bank.direction(d.id()).map_or_else(
            || d.id().to_owned(),
            |x| sanitize::line(x.name.get(self.lang)),
        )
    }

    fn now_words(&self, now: Now) -> String {
        match now {
            Now::Unknown => self.text("nu_onbekend", &[]),
            Now::Nobody => self.text("nu_niemand", &[]),
            Now::Single => self.text("nu_een", &[]),
            Now::Step(i) => self.step_name(i),
        }
    }

    fn direction_text(
        &self,
        d: Direction,
        advice: &Advice,
        now: Now,
        considered: Option<usize>,
    ) -> String {
        // Starting help is not "a more intensive form than now".
        if d == Direction::Up && now == Now::Nobody {
            return self.text("starten_uitleg", &[("stap", &self.step_lower(advice.step))]);
        }
        self.bank.direction(d.id()).map_or_else(String::new, |x| {
            sanitize::line(&fill(
                x.explanation.get(self.lang),
                &[
                    ("stap", &self.step_lower(advice.step)),
                    ("nodig", &self.step_lower(advice.need)),
                    ("nu", &lower_start(&self.now_words(now))),
                    (
                        "overwogen",
                        &considered.map_or_else(String::new, |c| self.step_lower(c)),
                    ),
                ],
            ))
        })
    }

    fn certainty(&self, level: CertaintyLevel) -> &'static str {
        match level {
            CertaintyLevel::High => self.ui.certainty_high,
            CertaintyLevel::Medium => self.ui.certainty_medium,
            CertaintyLevel::Low => self.ui.certainty_low,
        }
    }

    fn now(&self, now: Now, from_case: Option<bool>, label: Option<String>) -> NowView {
        let tekst = match (now, label) {
            (Now::Step(i), Some(l)) => format!("{l} ({})", self.step_lower(i)),
            _ => self.now_words(now),
        };
        NowView {
            status: now.status().to_owned(),
            stap: now.step().map(|s| self.step_ref(s)),
            tekst,
            bron: from_case.map(|c| if c { "casus" } else { "doel" }.to_owned()),
        }
    }

    /// The form on the table in words: the answer's label and its step.
    fn considered_text(&self, responses: &Responses, step: usize) -> String {
        let label = self
            .bank
            .questions
            .iter()
            .find(|q| !q.per_goal && q.options.iter().any(|o| o.considered.is_some()))
            .and_then(|q| match responses.get(&q.id.value, None)? {
                Response::Option(i) => Some(q.options.get(*i)?.label_in(self.lang)),
                _ => None,
            });
        match label {
            Some(l) => format!("{l} ({})", self.step_lower(step)),
            None => self.step_name(step),
        }
    }

    /// The label of the answer that says where things stand now, for the
    /// case (`None`) or a goal.
    fn now_label(&self, responses: &Responses, goal: Option<usize>) -> Option<String> {
        let q = self.bank.questions.iter().find(|q| {
            q.per_goal == goal.is_some() && q.options.iter().any(|o| o.current.is_some())
        })?;
        match responses.get(&q.id.value, goal)? {
            Response::Option(i) => Some(q.options.get(*i)?.label_in(self.lang)),
            _ => None,
        }
    }

    /// The example forms of a step that fit these domains at this moment.
    fn forms(&self, step: usize, domains: &[String]) -> Vec<String> {
        let Some(s) = self.bank.steps().get(step) else {
            return Vec::new();
        };
        s.forms
            .iter()
            .filter(|f| {
                f.domains.is_empty() || f.domains.iter().any(|d| domains.contains(&d.value))
            })
            .filter(|f| {
                f.moments.is_empty()
                    || self
                        .moment
                        .as_ref()
                        .is_none_or(|m| f.moments.iter().any(|x| x.value == *m))
            })
            .map(|f| sanitize::line(f.text.get(self.lang)))
            .collect()
    }

    fn advice(&self, a: &Advice, domains: &[String]) -> AdviceView {
        let step = self.bank.steps().get(a.step);
        AdviceView {
            stap: step.map_or_else(String::new, |s| s.id.value.clone()),
            index: a.step,
            naam: self.step_name(a.step),
            intensiteit: step
                .map_or_else(String::new, |s| sanitize::line(s.intensity.get(self.lang))),
            vormen: self.forms(a.step, domains),
            nodig: self.step_ref(a.need),
            past_bij: (a.fits.0..=a.fits.1.max(a.fits.0))
                .filter_map(|i| self.bank.steps().get(i).map(|s| s.id.value.clone()))
                .collect(),
            zekerheid: self.certainty(a.certainty.level).to_owned(),
            zekerheid_uitleg: self.certainty_text(a),
            bereik: (a.fits.1 > a.fits.0).then(|| {
                self.text(
                    "bereik",
                    &[
                        ("lichtst", &self.step_lower(a.fits.0)),
                        ("zwaarst", &self.step_lower(a.fits.1)),
                    ],
                )
            }),
            punten: a.points,
        }
    }

    fn certainty_text(&self, a: &Advice) -> String {
        let c = &a.certainty;
        if c.too_few {
            return self.text(
                "te_weinig",
                &[
                    ("beantwoord", &c.answered.to_string()),
                    ("totaal", &c.core.to_string()),
                ],
            );
        }
        if c.open.is_empty() {
            return self.text("zekerheid_alles_bekend", &[]);
        }
        if c.heavier.is_empty() || a.fits.1 <= a.fits.0 {
            let names: Vec<String> = c.open.iter().map(|q| self.question_short(q)).collect();
            return if c.open.len() == 1 {
                self.text(
                    "zekerheid_vast_een",
                    &[("vraag", &quoted_list(&names, self.ui.and))],
                )
            } else {
                self.text(
                    "zekerheid_vast_meer",
                    &[
                        ("n", &c.open.len().to_string()),
                        ("vragen", &quoted_list(&names, self.ui.and)),
                    ],
                )
            };
        }
        let names: Vec<String> = c
            .heavier
            .iter()
            .take(3)
            .map(|q| self.question_short(q))
            .collect();
        let mut list = quoted_list(&names, self.ui.and);
        if c.heavier.len() > 3 {
            list = fill(
                self.ui.and_more,
                &[("list", &list), ("n", &(c.heavier.len() - 3).to_string())],
            );
        }
        let id = if c.heavier.len() == 1 {
            "zekerheid_zwaarder_een"
        } else {
            "zekerheid_zwaarder_meer"
        };
        let mut s = self.text(
            id,
            &[("vragen", &list), ("stap", &self.step_lower(a.fits.1))],
        );
        // A sentence starts with a capital, also when it starts with a quote.
        if let Some(first) = s.chars().next()
            && first.is_lowercase()
        {
            s = first.to_uppercase().collect::<String>() + &s[first.len_utf8()..];
        }
        s
    }

    fn question_short(&self, id: &str) -> String {
        self.bank.question(id).map_or_else(
            || id.to_owned(),
            |q| sanitize::line(q.short_text().get(self.lang)),
        )
    }

    /// "Kort? label, label" for chosen options.
    /// An answer as it reads inside a reason: "draagkracht en draaglast
    /// (draaglast groter)".
    fn answer_in_reason(&self, question: &str, options: &[usize]) -> String {
        let Some(q) = self.bank.question(question) else {
            return question.to_owned();
        };
        let labels: Vec<String> = options
            .iter()
            .filter_map(|i| q.options.get(*i))
            .map(|o| lower_start(&o.label_in(self.lang)))
            .collect();
        let answer = if labels.is_empty() {
            self.ui.none_chosen.to_owned()
        } else {
            labels.join(", ")
        };
        let subject = q.subject.as_ref().map_or_else(
            || {
                lower_start(
                    self.question_short(question)
                        .trim_end_matches('?')
                        .trim_end(),
                )
            },
            |s| sanitize::line(s.get(self.lang)),
        );
        format!("{subject} ({answer})")
    }

    fn answer_line(&self, question: &str, options: &[usize]) -> Option<String> {
        let q = self.bank.question(question)?;
        let labels: Vec<String> = options
            .iter()
            .filter_map(|i| q.options.get(*i))
            .map(|o| o.label_in(self.lang))
            .collect();
        let answer = if labels.is_empty() {
            self.ui.none_chosen.to_owned()
        } else {
            labels.join(", ")
        };
        Some(join_question(&self.question_short(question), &answer))
    }

    /// The ids of chosen options, for JSON.
    fn option_ids(&self, question: &str, options: &[usize]) -> Vec<String> {
        self.bank.question(question).map_or_else(Vec::new, |q| {
            options
                .iter()
                .filter_map(|i| q.options.get(*i).map(|o| o.id.value.clone()))
                .collect()
        })
    }

    fn part(&self, p: &Part) -> String {
        match p {
            Part::Answer {
                question,
                options,
                open,
                ..
            } => {
                let line = self.answer_in_reason(question, options);
                if *open {
                    fill(self.ui.reason_open_part, &[("answer", &line)])
                } else {
                    line
                }
            }
            Part::Combination { id, factors, .. } => {
                let Some(c) = self
                    .bank
                    .scoring
                    .combinations
                    .iter()
                    .find(|c| c.id == id.as_str())
                else {
                    return id.clone();
                };
                let product: Vec<String> = factors.iter().map(u32::to_string).collect();
                match &c.subject {
                    Some(s) => {
                        let pairs: Vec<(&str, &str)> = c
                            .multiply
                            .iter()
                            .zip(&product)
                            .map(|(q, f)| (q.value.as_str(), f.as_str()))
                            .collect();
                        sanitize::line(&fill(s.get(self.lang), &pairs))
                    }
                    None => format!(
                        "{}: {}",
                        sanitize::line(c.name.get(self.lang)),
                        product.join(" × ")
                    ),
                }
            }
        }
    }

    /// The reasons, and when open questions leave room, the range: the
    /// suggestion is the lightest of it.
    fn reasons(&self, a: &Advice) -> Vec<ReasonView> {
        let mut out: Vec<ReasonView> = a.reasons.iter().map(|r| self.reason(r)).collect();
        if a.fits.1 > a.fits.0 {
            out.push(ReasonView {
                tekst: self.text(
                    "bereik",
                    &[
                        ("lichtst", &self.step_lower(a.fits.0)),
                        ("zwaarst", &self.step_lower(a.fits.1)),
                    ],
                ),
                soort: "bereik".into(),
                vraag: None,
                antwoorden: Vec::new(),
                regel: None,
                punten: None,
            });
        }
        out
    }

    fn reason(&self, r: &Reason) -> ReasonView {
        let mut view = ReasonView {
            tekst: String::new(),
            soort: String::new(),
            vraag: None,
            antwoorden: Vec::new(),
            regel: None,
            punten: None,
        };
        match r {
            Reason::Base { option, step } => {
                view.soort = "basis".into();
                let q = &self.bank.scoring.base.value;
                let label = self
                    .bank
                    .question(q)
                    .and_then(|x| x.options.get(*option))
                    .map(|o| o.label_in(self.lang))
                    .unwrap_or_default();
                view.tekst = self.text(
                    "reden_basis",
                    &[("antwoord", &label), ("stap", &self.step_lower(*step))],
                );
                view.vraag = Some(q.clone());
                view.antwoorden = self.option_ids(q, &[*option]);
            }
            Reason::BaseOpen { step } => {
                view.soort = "basis".into();
                view.tekst =
                    self.text("reden_basis_onbekend", &[("stap", &self.step_lower(*step))]);
                view.vraag = Some(self.bank.scoring.base.value.clone());
            }
            Reason::Shift { steps, parts } => {
                view.soort = "verschuiving".into();
                let answers: Vec<String> = parts.iter().map(|p| self.part(p)).collect();
                let answers = plain_list(&answers, self.ui.and);
                let id = match steps {
                    s if *s < 0 => "reden_lichter",
                    1 => "reden_zwaarder",
                    _ => "reden_zwaarder_meer",
                };
                view.tekst = self.text(
                    id,
                    &[("antwoorden", &answers), ("n", &steps.abs().to_string())],
                );
                view.punten = Some(parts.iter().map(Part::points).sum());
            }
            Reason::Bound { high, step } => {
                view.soort = "grens".into();
                let id = if *high {
                    "reden_grens_hoog"
                } else {
                    "reden_grens_laag"
                };
                view.tekst = self.text(id, &[("stap", &self.step_lower(*step))]);
            }
            Reason::FamilyCapped { max } => {
                view.soort = "gezin".into();
                view.tekst = self.text("reden_gezin", &[("n", &max.to_string())]);
            }
            Reason::Rule { rule, effect } => {
                view.soort = "regel".into();
                view.tekst = self
                    .bank
                    .scoring
                    .rules
                    .iter()
                    .find(|x| x.id == rule.as_str())
                    .map_or_else(|| rule.clone(), |x| sanitize::line(x.reason.get(self.lang)));
                if let RuleEffect::First { .. } = effect {
                    view.soort = "eerst".into();
                }
                view.regel = Some(rule.clone());
            }
            Reason::Light { step } => {
                view.soort = "licht".into();
                view.tekst = self.text("reden_licht", &[("stap", &self.step_lower(*step))]);
            }
        }
        view
    }

    /// The words of an action for the goals it applies to (none: the case).
    fn action(&self, a: &Action, goals: &[String]) -> Option<ActionView> {
        let doelen = goals.to_vec();
        let goal_list = quoted_list(goals, self.ui.and);
        let fill_goal = |t: &str| fill(t, &[("doel", &goal_list)]);
        let group = |k: ActionKind| match k {
            ActionKind::Do => "doen",
            ActionKind::FindOut => "uitzoeken",
            ActionKind::TakeTo => "neerleggen",
        };
        let view = match a {
            Action::FindOut { question } => {
                let q = self.bank.question(question)?;
                let what = q.find_out.as_ref().unwrap_or(q.short_text()).get(self.lang);
                ActionView {
                    tekst: sanitize::line(what),
                    soort: "zoek_uit".into(),
                    groep: group(ActionKind::FindOut).into(),
                    vraag: Some(question.clone()),
                    doelen,
                }
            }
            Action::Option { question, option } => {
                let q = self.bank.question(question)?;
                let text = q.options.get(*option)?.action.as_ref()?.get(self.lang);
                let kind = if q.is_organisational() {
                    ActionKind::FindOut
                } else {
                    ActionKind::Do
                };
                ActionView {
                    tekst: sanitize::line(&fill_goal(text)),
                    soort: "actie".into(),
                    groep: group(kind).into(),
                    vraag: Some(question.clone()),
                    doelen,
                }
            }
            Action::Rule { rule } => {
                let r = self
                    .bank
                    .scoring
                    .rules
                    .iter()
                    .find(|r| r.id == rule.as_str())?;
                let text = r.then.action.as_ref()?.get(self.lang);
                ActionView {
                    tekst: sanitize::line(&fill_goal(text)),
                    soort: "regel".into(),
                    groep: group(ActionKind::Do).into(),
                    vraag: None,
                    doelen,
                }
            }
            Action::Direction { direction, step } => {
                let text = self.direction_action(*direction, *step)?;
                ActionView {
                    tekst: sanitize::line(&fill(
                        text,
                        &[
                            ("doel", &goal_list),
                            ("stap", &self.step_lower(*step)),
                            ("overwogen", ""),
                        ],
                    )),
                    soort: "richting".into(),
                    groep: group(ActionKind::Do).into(),
                    vraag: None,
                    doelen,
                }
            }
            Action::FindOutNow => {
                let which = if goals.is_empty() {
                    String::new()
                } else {
                    fill(self.ui.for_goals, &[("goals", &goal_list)])
                };
                ActionView {
                    tekst: self.text("nu_onbekend_actie", &[("doel", &which)]),
                    soort: "zoek_uit".into(),
                    groep: group(ActionKind::FindOut).into(),
                    vraag: None,
                    doelen,
                }
            }
            Action::FindOutPossible { need } => ActionView {
                tekst: self.text(
                    "mogelijk_onbekend_actie",
                    &[("nodig", &self.step_lower(*need))],
                ),
                soort: "zoek_uit".into(),
                groep: group(ActionKind::FindOut).into(),
                vraag: None,
                doelen,
            },
            Action::Missing { parties } => {
                let m = self.bank.scoring.missing.as_ref()?;
                let q = self.bank.question(&m.needed.value)?;
                let list: Vec<String> = parties
                    .iter()
                    .filter_map(|i| q.options.get(*i))
                    .map(|o| o.label_in(self.lang))
                    .collect();
                ActionView {
                    tekst: sanitize::line(&fill(
                        m.action.get(self.lang),
                        &[("doel", &goal_list), ("lijst", &list.join(", "))],
                    )),
                    soort: "ontbrekend".into(),
                    groep: group(ActionKind::Do).into(),
                    vraag: Some(m.needed.value.clone()),
                    doelen,
                }
            }
        };
        Some(view)
    }

    /// The lichter-dan-overwogen action needs the considered step, which
    /// only the outcome knows.
    fn fill_considered(&self, mut v: ActionView, considered: Option<usize>) -> ActionView {
        if v.soort == "richting" {
            v.tekst = v.tekst.replace(
                "{overwogen}",
                &considered.map_or_else(String::new, |c| self.step_lower(c)),
            );
        }
        v
    }

    /// An action point that does not matter here or that another point
    /// already says, so that one thing is said once: "find out how they
    /// work together now" covers the "ga na" of the question about the
    /// current collaboration; the point naming the parties not yet involved
    /// covers the questions it `vervangt`; while the partners align first,
    /// nobody takes over yet; and when what is needed is known to be
    /// possible, the open questions for the organisation cannot change it.
    fn left_out(&self, a: &Action, outcome: &Outcome) -> bool {
        if let Action::FindOut { question } = a
            && self
                .bank
                .question(question)
                .is_some_and(|q| q.is_organisational())
            && outcome.gap.is_none()
            && matches!(outcome.possible, Possible::Known(p) if p >= outcome.case.need)
        {
            return true;
        }
        // While the partners align first nobody takes over yet: the
        // handover points of "who takes over" wait for that.
        if let Action::Option { question, .. } = a
            && outcome.direction == Direction::AlignFirst
            && self
                .bank
                .scoring
                .takeover
                .as_ref()
                .is_some_and(|q| q.value == *question)
        {
            return true;
        }
        // The point naming the parties not yet involved says what "involve
        // the missing parties" says, and names them.
        if let Action::Option { question, .. } = a
            && let Some(m) = &self.bank.scoring.missing
            && m.replaces.iter().any(|q| q.value == *question)
            && outcome
                .goals
                .iter()
                .flat_map(|g| &g.actions)
                .any(|x| matches!(x, Action::Missing { .. }))
        {
            return true;
        }
        let Action::FindOut { question } = a else {
            return false;
        };
        let is_now_question = self
            .bank
            .question(question)
            .is_some_and(|q| q.options.iter().any(|o| o.current.is_some()));
        is_now_question
            && outcome
                .actions
                .iter()
                .chain(outcome.goals.iter().flat_map(|g| &g.actions))
                .any(|x| *x == Action::FindOutNow)
    }

    fn goal_actions(&self, go: &GoalOutcome, label: &str, outcome: &Outcome) -> Vec<ActionView> {
        let goals = [label.to_owned()];
        let mut out = Vec::new();
        for a in go.actions.iter().filter(|a| !self.left_out(a, outcome)) {
            if let Some(v) = self.action_for(a, &goals, outcome.considered) {
                merge_action(&mut out, v);
            }
        }
        sort_actions(&mut out);
        out
    }

    fn action_for(
        &self,
        a: &Action,
        goals: &[String],
        considered: Option<usize>,
    ) -> Option<ActionView> {
        match a {
            // The considered step goes into the text before the goals do.
            Action::Direction { direction, step } => {
                let text = self.direction_action(*direction, *step)?;
                let goal_list = quoted_list(goals, self.ui.and);
                Some(ActionView {
                    tekst: sanitize::line(&fill(
                        text,
                        &[
                            ("doel", &goal_list),
                            ("stap", &self.step_lower(*step)),
                            (
                                "overwogen",
                                &considered.map_or_else(String::new, |c| self.step_lower(c)),
                            ),
                        ],
                    )),
                    soort: "richting".into(),
                    groep: "doen".into(),
                    vraag: None,
                    doelen: goals.to_vec(),
                })
            }
            _ => self
                .action(a, goals)
                .map(|v| self.fill_considered(v, considered)),
        }
    }

    /// All action points: the same action for several goals becomes one
    /// line naming those goals; then the case actions; then where to take
    /// a gap. Grouped (do, find out, take to) and in order of what matters.
    /// Two goals' actions make one action point when they are the same, or
    /// when they are the same direction whose words do not name the step
    /// ("Houd vast wat werkt voor 'A' en 'B'", whatever each one's step).
    fn same_point(&self, x: &Action, y: &Action) -> bool {
        match (x, y) {
            (
                Action::Direction {
                    direction: d1,
                    step: s1,
                },
                Action::Direction {
                    direction: d2,
                    step: s2,
                },
            ) if d1 == d2 => {
                let (t1, t2) = (
                    self.direction_action(*d1, *s1),
                    self.direction_action(*d2, *s2),
                );
                s1 == s2 || (t1 == t2 && t1.is_some_and(|t| !t.contains("{stap}")))
            }
            _ => x == y,
        }
    }

    fn all_actions(&self, outcome: &Outcome, labels: &[String]) -> Vec<ActionView> {
        let case_finds_now = outcome.actions.contains(&Action::FindOutNow);
        let mut grouped: Vec<(&Action, Vec<String>)> = Vec::new();
        for &g in &outcome.order_family {
            for a in &outcome.goals[g].actions {
                // One line for "how do they work together now" when the case
                // does not know either.
                if (case_finds_now && *a == Action::FindOutNow) || self.left_out(a, outcome) {
                    continue;
                }
                match grouped.iter_mut().find(|(x, _)| self.same_point(x, a)) {
                    Some((_, goals)) => goals.push(labels[g].clone()),
                    None => grouped.push((a, vec![labels[g].clone()])),
                }
            }
        }
        let goal_directions: Vec<Option<Direction>> = outcome
            .goals
            .iter()
            .flat_map(|g| &g.actions)
            .filter_map(|a| match a {
                Action::Rule { rule } => Some(self.rule_direction(rule)),
                _ => None,
            })
            .collect();
        // Parties that are needed but not involved: one point for all goals,
        // naming every such party once, with its goals when not all goals
        // need it.
        let mut missing: Vec<(usize, Vec<String>)> = Vec::new();
        let mut missing_goals: Vec<String> = Vec::new();
        grouped.retain(|(a, goals)| {
            let Action::Missing { parties } = a else {
                return true;
            };
            for &p in parties {
                match missing.iter_mut().find(|(x, _)| *x == p) {
                    Some((_, g)) => g.extend(goals.iter().cloned()),
                    None => missing.push((p, goals.clone())),
                }
            }
            missing_goals.extend(goals.iter().cloned());
            false
        });
        missing.sort_by_key(|(p, _)| *p);
        let mut out = Vec::new();
        for (a, goals) in grouped {
            if let Some(v) = self.action_for(a, &goals, outcome.considered) {
                merge_action(&mut out, v);
            }
        }
        if let Some(v) = self.missing_parties(&missing, missing_goals) {
            merge_action(&mut out, v);
        }
        for a in &outcome.actions {
            if self.left_out(a, outcome) {
                continue;
            }
            // A case rule that says what a goal's rule already says
            // (eerst afstemmen) is not repeated in other words.
            if let Action::Rule { rule } = a {
                let d = self.rule_direction(rule);
                if d.is_some() && goal_directions.contains(&d) {
                    continue;
                }
            }
            if let Some(v) = self.action_for(a, &[], outcome.considered) {
                merge_action(&mut out, v);
            }
        }
        if let Some(gap) = &outcome.gap {
            // Under eerst afstemmen the heavier need is for later: taking
            // the gap to the organisation waits for the evaluation.
            let later = outcome.direction == Direction::AlignFirst
                && outcome.case.step < gap.need
                && outcome.case.step <= gap.possible;
            for line in self.take_to(gap) {
                let line = if later {
                    self.text(
                        "kloof_later_neerleggen",
                        &[
                            ("nodig", &self.step_lower(gap.need)),
                            ("actie", &lower_start(&line)),
                        ],
                    )
                } else {
                    line
                };
                merge_action(
                    &mut out,
                    ActionView {
                        tekst: line,
                        soort: "kloof".into(),
                        groep: "neerleggen".into(),
                        vraag: None,
                        doelen: Vec::new(),
                    },
                );
            }
        }
        sort_actions(&mut out);
        out
    }

    /// One action point for the parties needed but not involved, over all
    /// goals: "Nodig voor 'A' en 'B', maar nog niet betrokken: UWV (voor
    /// 'B'), Schuldhulpverlening."
    fn missing_parties(
        &self,
        parties: &[(usize, Vec<String>)],
        goals: Vec<String>,
    ) -> Option<ActionView> {
        if parties.is_empty() {
            return None;
        }
        let m = self.bank.scoring.missing.as_ref()?;
        let q = self.bank.question(&m.needed.value)?;
        let goals = dedup(goals.into_iter());
        let list: Vec<String> = parties
            .iter()
            .filter_map(|(i, for_goals)| {
                let label = lower_start(&q.options.get(*i)?.label_in(self.lang));
                let for_goals = dedup(for_goals.iter().cloned());
                Some(if for_goals.len() == goals.len() {
                    label
                } else {
                    format!(
                        "{label} ({})",
                        fill(
                            self.ui.for_goals,
                            &[("goals", &quoted_list(&for_goals, self.ui.and))]
                        )
                        .trim()
                    )
                })
            })
            .collect();
        Some(ActionView {
            tekst: sanitize::line(&fill(
                m.action.get(self.lang),
                &[
                    ("doel", &quoted_list(&goals, self.ui.and)),
                    ("lijst", &list.join(", ")),
                ],
            )),
            soort: "ontbrekend".into(),
            groep: "doen".into(),
            vraag: Some(m.needed.value.clone()),
            doelen: goals,
        })
    }

    fn rule_direction(&self, rule: &str) -> Option<Direction> {
        self.bank
            .scoring
            .rules
            .iter()
            .find(|r| r.id == rule)?
            .then
            .direction
            .as_ref()
            .and_then(|d| Direction::from_id(&d.value))
    }

    /// The action text of a direction towards `step`. Scaling up to the
    /// lightest step means nobody helps yet and one professional is enough:
    /// "schaal op naar segregatie" would read as nonsense, so the bank's
    /// `een_professional` text says that instead.
    fn direction_action(&self, direction: Direction, step: usize) -> Option<&str> {
        if direction == Direction::Up && step == 0 {
            return Some(self.bank.text("een_professional", self.lang));
        }
        let d = self.bank.direction(direction.id())?;
        Some(d.action.as_ref()?.get(self.lang))
    }

    fn take_to(&self, gap: &crate::advice::Gap) -> Vec<String> {
        let lines = dedup(gap.sources.iter().filter_map(|(q, o)| {
            let opt = &self.bank.question(q)?.options[*o];
            Some(sanitize::line(opt.gap.as_ref()?.take_to.get(self.lang)))
        }));
        if lines.is_empty() {
            vec![self.text("kloof_neerleggen_onbekend", &[])]
        } else {
            lines
        }
    }

    /// Needed versus possible in words. While the partners align first the
    /// gap that matters now is the first step's: is even that possible?
    fn gap_text(&self, outcome: &Outcome, gap: &crate::advice::Gap) -> String {
        let args = [
            ("stap", self.step_lower(outcome.case.step)),
            ("nodig", self.step_lower(gap.need)),
            ("mogelijk", self.step_lower(gap.possible)),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let id = match outcome.direction {
            Direction::AlignFirst if outcome.case.step > gap.possible => "kloof_eerst",
            Direction::AlignFirst if outcome.case.step < gap.need => "kloof_later",
            _ => "kloof",
        };
        self.text(id, &args)
    }

    fn possible(&self, outcome: &Outcome) -> PossibleView {
        let need = self.step_lower(outcome.case.need);
        match (&outcome.gap, outcome.possible) {
            (Some(gap), p) => PossibleView {
                status: if matches!(p, Possible::Known(_)) {
                    "bekend"
                } else {
                    "deels"
                }
                .into(),
                stap: Some(self.step_ref(gap.possible)),
                tekst: self.gap_text(outcome, gap),
            },
            // The lightest step is always possible, but the open questions
            // can still make the need heavier than that: not a "yes".
            (None, Possible::Known(p)) if outcome.case.need == 0 && outcome.case.fits.1 > p => {
                PossibleView {
                    status: "deels".into(),
                    stap: Some(self.step_ref(p)),
                    tekst: self.text(
                        "mogelijk_onbekend",
                        &[("nodig", &self.step_lower(outcome.case.fits.1))],
                    ),
                }
            }
            (None, Possible::Known(p)) => PossibleView {
                status: "bekend".into(),
                stap: Some(self.step_ref(p)),
                // The lightest step needs nothing arranged: say so, rather
                // than "according to the answers" when none were given.
                tekst: self.text(
                    if outcome.case.need == 0 {
                        "mogelijk_altijd"
                    } else if outcome.direction == Direction::AlignFirst
                        && outcome.case.step < outcome.case.need
                    {
                        // The heavier need is for later: say what is
                        // possible first, as the gap texts do.
                        "mogelijk_later"
                    } else {
                        "mogelijk_ja"
                    },
                    &[
                        ("nodig", &need),
                        ("stap", &self.step_lower(outcome.case.step)),
                    ],
                ),
            },
            (None, Possible::AtMost(p)) => PossibleView {
                status: "deels".into(),
                stap: Some(self.step_ref(p)),
                tekst: self.text("mogelijk_onbekend", &[("nodig", &need)]),
            },
            (None, Possible::Unknown) => PossibleView {
                status: "onbekend".into(),
                stap: None,
                tekst: self.text("mogelijk_onbekend", &[("nodig", &need)]),
            },
        }
    }

    fn scale_down(
        &self,
        s: &crate::advice::ScaleDown,
        outcome: &Outcome,
        labels: &[String],
    ) -> ScaleDownView {
        let names = |v: &[usize]| -> Vec<String> { v.iter().map(|g| labels[*g].clone()).collect() };
        let mut regels = Vec::new();
        let list = |v: &[usize]| quoted_list(&names(v), self.ui.and);
        if !s.stuck_reached.is_empty() {
            regels.push(self.text("afschalen_behaald", &[("doelen", &list(&s.stuck_reached))]));
        }
        if !s.stuck_open.is_empty() {
            regels.push(self.text(
                "afschalen_niet_behaald",
                &[("doelen", &list(&s.stuck_open))],
            ));
            regels.push(self.text("nog_niet_afschalen", &[("doelen", &list(&s.stuck_open))]));
        }
        let light: Vec<usize> = s
            .stuck_reached
            .iter()
            .chain(&s.remaining)
            .copied()
            .collect();
        if !s.remaining.is_empty() {
            regels.push(self.text("afschalen_overig", &[("doelen", &list(&s.remaining))]));
        }
        for g in light {
            let go = &outcome.goals[g];
            let form = self
                .forms(go.advice.step, &go.domains)
                .into_iter()
                .next()
                .unwrap_or_default();
            regels.push(self.text(
                "afschalen_naar",
                &[
                    ("doel", &format!("'{}'", labels[g])),
                    ("stap", &self.step_lower(go.advice.step)),
                    ("vorm", &lower_start(&form)),
                ],
            ));
        }
        if let Some((q, o)) = &s.takeover
            && let Some(opt) = self.bank.question(q).and_then(|x| x.options.get(*o))
        {
            regels.push(self.text(
                "afschalen_overname",
                &[("antwoord", &lower_start(&opt.label_in(self.lang)))],
            ));
        }
        ScaleDownView {
            titel: self.text("afschalen_titel", &[]),
            behaald: names(&s.stuck_reached),
            niet_behaald: names(&s.stuck_open),
            overig: names(&s.remaining),
            onduidelijk: names(&s.unclear),
            regels,
            signaal: self.text("afschalen_signaal", &[]),
        }
    }

    /// The free-text answers (for a goal, or the case) in the professional's
    /// own words.
    fn own_words(&self, responses: &Responses, goal: Option<usize>) -> Vec<TextAnswer> {
        self.bank
            .all_questions()
            .filter(|q| q.kind.value == Kind::FreeText && q.per_goal == goal.is_some())
            .filter_map(|q| match responses.get(&q.id.value, goal)? {
                Response::Text(t) if !t.trim().is_empty() => Some(TextAnswer {
                    vraag: sanitize::line(q.short_text().get(self.lang)),
                    tekst: sanitize::multiline(t.trim()),
                }),
                _ => None,
            })
            .collect()
    }

    fn skipped(&self, responses: &Responses, labels: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        for q in self.bank.all_questions() {
            if q.per_goal {
                for (g, goal) in responses.goals.iter().enumerate() {
                    if goal.responses.get(q.id.value.as_str()) == Some(&Response::Skipped) {
                        out.push(format!(
                            "{} ('{}')",
                            self.question_short(&q.id.value),
                            labels[g]
                        ));
                    }
                }
            } else if responses.case.get(q.id.value.as_str()) == Some(&Response::Skipped) {
                out.push(self.question_short(&q.id.value));
            }
        }
        out
    }

    fn override_view(&self, c: &Choice, suggested: usize) -> OverrideView {
        OverrideView {
            gekozen: self.step_ref(c.step),
            suggestie: self.step_ref(suggested),
            reden: sanitize::line(&c.reason),
        }
    }
}

/// Do first, then find out, then take to the organisation; within a group,
/// the rule and safety actions first.
fn sort_actions(list: &mut [ActionView]) {
    let group = |a: &ActionView| match a.groep.as_str() {
        "doen" => 0,
        "uitzoeken" => 1,
        _ => 2,
    };
    let kind = |a: &ActionView| match a.soort.as_str() {
        "regel" => 0,
        "actie" if a.vraag.as_deref().is_some_and(|q| q.contains("veiligheid")) => 0,
        "richting" => 1,
        "ontbrekend" => 2,
        "actie" => 3,
        "zoek_uit" if a.vraag.is_none() => 0,
        _ => 4,
    };
    list.sort_by_key(|a| (group(a), kind(a)));
}

/// Short label of the answer given to a question, for display: option
/// labels, the text, or "weet ik niet".
pub(crate) fn answer_text(
    bank: &Bank,
    responses: &Responses,
    question: &str,
    goal: Option<usize>,
    lang: Lang,
) -> Option<String> {
    use crate::session::responses::Response as R;
    let q = bank.question(question)?;
    let u = ui(lang);
    let label = |i: &usize| q.options.get(*i).map(|o| o.label_in(lang));
    let text = match responses.get(question, goal)? {
        R::Option(i) => label(i)?,
        R::Options(v) if v.is_empty() => u.none_chosen.to_owned(),
        R::Options(v) => v.iter().filter_map(label).collect::<Vec<_>>().join(", "),
        R::Text(t) => sanitize::line(t),
        R::Order(v) => v
            .iter()
            .filter_map(|g| responses.goals.get(*g).map(|x| sanitize::line(&x.label)))
            .collect::<Vec<_>>()
            .join(" → "),
        R::DontKnow => u.dont_know.to_owned(),
        R::Skipped => u.skipped.to_owned(),
    };
    Some(text)
}
