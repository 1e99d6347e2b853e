//! The result of a session in words: what every renderer formats, and
//! exactly what `--format json` prints.
//!
//! [`build`] looks up every id of an [`Outcome`] in the bank and fills in the
//! interface templates, so that the renderers only arrange text. All text
//! from files passes through [`crate::base::sanitize`] here.
//!
//! The JSON keys are part of the command-line contract (see PRODUCT.md):
//! `advies.stap`, `advies.index`, `doelen[].label`, `doelen[].advies.stap`,
//! `redenen`, `huidig`, `richting`, and the bank id and version.

use serde::Serialize;

use crate::advice::{
    Action, Advice, CertaintyLevel, Direction, GoalOutcome, LighterBecause, Outcome, Reason,
};
use crate::bank::Bank;
use crate::base::sanitize;
use crate::base::text::Lang;
use crate::base::ui::{Ui, fill, ui};
use crate::session::responses::{Choice, Responses};
use crate::session::{Rater, Session};

/// The session result, ready to render.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub voorwie: ToolInfo,
    pub bank: BankInfo,
    pub datum: String,
    pub casusinformatie: String,
    pub moment: Option<Named>,
    pub beoordelaar: Option<Rater>,
    /// The case text of a practice case.
    pub casus: Option<String>,
    pub advies: AdviceView,
    /// All five steps, lightest first, with the names of this bank.
    pub continuum: Vec<StepRef>,
    pub huidig: Option<StepRef>,
    pub richting: String,
    pub richting_naam: String,
    pub richting_uitleg: String,
    pub doelen: Vec<GoalView>,
    /// Why the case suggestion is what it is (never empty).
    pub redenen: Vec<ReasonView>,
    /// The goal that sets the case suggestion.
    pub bepalend_doel: Option<String>,
    pub kloof: Option<GapView>,
    pub actiepunten: Vec<ActionView>,
    pub volgorde: OrderView,
    pub overschrijving: Option<OverrideView>,
    pub weet_niet: usize,
    pub overgeslagen: usize,
    pub notities: Option<String>,
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

#[derive(Clone, Debug, Serialize)]
pub struct AdviceView {
    /// What to do now (a continuum id).
    pub stap: String,
    pub index: usize,
    pub naam: String,
    pub intensiteit: String,
    pub vormen: Vec<String>,
    /// The need; differs from `stap` when something lighter comes first.
    pub nodig: StepRef,
    /// The steps the answers fit, lightest first.
    pub past_bij: Vec<String>,
    pub zekerheid: String,
    pub zekerheid_aandeel: f64,
    pub punten: i32,
}

#[derive(Clone, Debug, Serialize)]
pub struct GoalView {
    pub label: String,
    pub prioriteit_gezin: usize,
    pub prioriteit_hulpverlening: usize,
    pub advies: AdviceView,
    pub richting: String,
    pub richting_naam: String,
    pub redenen: Vec<ReasonView>,
    pub actiepunten: Vec<ActionView>,
    pub overschrijving: Option<OverrideView>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ReasonView {
    pub tekst: String,
    /// antwoord | telling | combinatie | onbekend | lichter | regel | geen
    pub soort: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vraag: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub antwoorden: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regel: Option<String>,
    /// Points this reason added (positive: heavier).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub punten: Option<i32>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ActionView {
    pub tekst: String,
    /// zoek_uit | actie | regel | ontbrekend
    pub soort: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vraag: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub doelen: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct GapView {
    pub nodig: StepRef,
    pub mogelijk: StepRef,
    /// organisatie | beleid (when the answers say where the gap lies)
    pub niveaus: Vec<String>,
    /// The same levels in words.
    pub niveau_namen: Vec<String>,
    pub beperkt_door: Vec<String>,
    pub neerleggen: Vec<String>,
    pub doelen: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct OrderView {
    pub gezin: Vec<String>,
    pub hulpverlening: Vec<String>,
    pub verschilt: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct OverrideView {
    pub gekozen: StepRef,
    pub suggestie: StepRef,
    pub reden: String,
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
    };
    let goal_labels: Vec<String> = responses
        .goals
        .iter()
        .map(|g| sanitize::line(&g.label))
        .collect();

    let doelen: Vec<GoalView> = outcome
        .order_family
        .iter()
        .map(|&g| {
            let go = &outcome.goals[g];
            GoalView {
                label: goal_labels[g].clone(),
                prioriteit_gezin: position(&outcome.order_family, g),
                prioriteit_hulpverlening: position(&outcome.order_care, g),
                advies: w.advice(&go.advice),
                richting: go.direction.id().to_owned(),
                richting_naam: w.direction_name(go.direction),
                redenen: w.reasons(&go.advice),
                actiepunten: w.goal_actions(go, &goal_labels[g]),
                overschrijving: go
                    .override_
                    .as_ref()
                    .map(|c| w.override_view(c, go.advice.now)),
            }
        })
        .collect();

    let actiepunten = w.all_actions(outcome, &goal_labels);

    let direction = bank.direction(outcome.direction.id());
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
        advies: w.advice(&outcome.case),
        continuum: (0..bank.steps().len()).map(|i| w.step_ref(i)).collect(),
        huidig: outcome.current.map(|c| w.step_ref(c)),
        richting: outcome.direction.id().to_owned(),
        richting_naam: w.direction_name(outcome.direction),
        richting_uitleg: direction
            .map_or_else(String::new, |d| sanitize::line(d.explanation.get(lang))),
        redenen: w.reasons(&outcome.case),
        bepalend_doel: outcome.driving_goal.map(|g| goal_labels[g].clone()),
        kloof: outcome.gap.as_ref().map(|gap| GapView {
            nodig: w.step_ref(gap.need),
            mogelijk: w.step_ref(gap.possible),
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
            neerleggen: dedup(gap.sources.iter().filter_map(|(q, o)| {
                let opt = &bank.question(q)?.options[*o];
                Some(sanitize::line(opt.gap.as_ref()?.take_to.get(lang)))
            })),
            doelen: gap.goals.iter().map(|g| goal_labels[*g].clone()).collect(),
        }),
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
            verschilt: outcome.orders_differ,
        },
        overschrijving: outcome
            .override_
            .as_ref()
            .map(|c| w.override_view(c, outcome.case.now)),
        weet_niet: outcome.dont_know,
        overgeslagen: outcome.skipped,
        notities: session
            .notes
            .as_deref()
            .map(sanitize::multiline)
            .filter(|n| !n.trim().is_empty()),
        reflectie: w
            .ui
            .reflection_prompts
            .iter()
            .map(|s| (*s).to_owned())
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
fn quoted_list(items: &[String], and: &str) -> String {
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
}

impl Words<'_> {
    fn step_name(&self, index: usize) -> String {
        self.bank
            .steps()
            .get(index)
            .map_or_else(String::new, |s| sanitize::line(s.name.get(self.lang)))
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

    fn direction_name(&self, d: Direction) -> String {
        self.bank.direction(d.id()).map_or_else(
            || d.id().to_owned(),
            |x| sanitize::line(x.name.get(self.lang)),
        )
    }

    fn certainty(&self, level: CertaintyLevel) -> &'static str {
        match level {
            CertaintyLevel::High => self.ui.certainty_high,
            CertaintyLevel::Medium => self.ui.certainty_medium,
            CertaintyLevel::Low => self.ui.certainty_low,
        }
    }

    fn advice(&self, a: &Advice) -> AdviceView {
        let step = self.bank.steps().get(a.now);
        AdviceView {
            stap: step.map_or_else(String::new, |s| s.id.value.clone()),
            index: a.now,
            naam: self.step_name(a.now),
            intensiteit: step
                .map_or_else(String::new, |s| sanitize::line(s.intensity.get(self.lang))),
            vormen: step.map_or_else(Vec::new, |s| {
                s.forms
                    .iter()
                    .map(|f| sanitize::line(f.get(self.lang)))
                    .collect()
            }),
            nodig: self.step_ref(a.need),
            past_bij: (a.fits.0..=a.fits.1)
                .filter_map(|i| self.bank.steps().get(i).map(|s| s.id.value.clone()))
                .collect(),
            zekerheid: self.certainty(a.certainty.level).to_owned(),
            zekerheid_aandeel: (a.certainty.share * 100.0).round() / 100.0,
            punten: a.points,
        }
    }

    fn question_short(&self, id: &str) -> String {
        self.bank.question(id).map_or_else(
            || id.to_owned(),
            |q| sanitize::line(q.short_text().get(self.lang)),
        )
    }

    /// "Kort: label, label" for chosen options.
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

    fn reasons(&self, a: &Advice) -> Vec<ReasonView> {
        a.reasons.iter().map(|r| self.reason(r, a)).collect()
    }

    fn reason(&self, r: &Reason, a: &Advice) -> ReasonView {
        let mut view = ReasonView {
            tekst: String::new(),
            soort: String::new(),
            vraag: None,
            antwoorden: Vec::new(),
            regel: None,
            punten: None,
        };
        match r {
            Reason::Answer {
                question,
                options,
                points,
            } => {
                view.soort = "antwoord".into();
                view.tekst = self.answer_line(question, options).unwrap_or_default();
                view.vraag = Some(question.clone());
                view.antwoorden = self.option_ids(question, options);
                view.punten = Some(*points);
            }
            Reason::Count {
                question,
                options,
                count,
                points,
            } => {
                view.soort = "telling".into();
                let answer = self.answer_line(question, options).unwrap_or_default();
                view.tekst = fill(
                    self.ui.reason_count,
                    &[("answer", &answer), ("count", &count.to_string())],
                );
                view.vraag = Some(question.clone());
                view.antwoorden = self.option_ids(question, options);
                view.punten = Some(*points);
            }
            Reason::Combination {
                id,
                factors,
                points,
            } => {
                view.soort = "combinatie".into();
                let name = self
                    .bank
                    .scoring
                    .combinations
                    .iter()
                    .find(|c| c.id == id.as_str())
                    .map_or_else(|| id.clone(), |c| sanitize::line(c.name.get(self.lang)));
                let product: Vec<String> = factors.iter().map(u32::to_string).collect();
                view.tekst = format!("{name}: {}", product.join(" × "));
                view.punten = Some(*points);
            }
            Reason::Unknown {
                question,
                skipped,
                low,
                high,
            } => {
                view.soort = "onbekend".into();
                let answer = if *skipped {
                    self.ui.skipped
                } else {
                    self.ui.dont_know
                };
                let line = join_question(&self.question_short(question), &answer.to_lowercase());
                let template = if *low == 0 {
                    self.ui.reason_unknown_up
                } else {
                    self.ui.reason_unknown
                };
                view.tekst = fill(
                    template,
                    &[
                        ("answer", &line),
                        ("low", &crate::base::plain_text::signed(*low)),
                        ("high", &crate::base::plain_text::signed(*high)),
                    ],
                );
                view.vraag = Some(question.clone());
            }
            Reason::Lighter {
                lighter,
                heavier,
                because,
            } => {
                view.soort = "lichter".into();
                let template = match because {
                    LighterBecause::Margin => self.ui.reason_lighter_margin,
                    LighterBecause::Unknown => self.ui.reason_lighter_unknown,
                };
                view.tekst = fill(
                    template,
                    &[
                        ("lighter", &self.step_name(*lighter).to_lowercase()),
                        ("heavier", &self.step_name(*heavier).to_lowercase()),
                    ],
                );
            }
            Reason::Rule { rule, .. } => {
                view.soort = "regel".into();
                view.tekst = self
                    .bank
                    .scoring
                    .rules
                    .iter()
                    .find(|x| x.id == rule.as_str())
                    .map_or_else(|| rule.clone(), |x| sanitize::line(x.reason.get(self.lang)));
                view.regel = Some(rule.clone());
            }
            Reason::Nothing => {
                view.soort = "geen".into();
                view.tekst = fill(
                    self.ui.reason_nothing,
                    &[("step", &self.step_name(a.need).to_lowercase())],
                );
            }
        }
        view
    }

    /// The words of an action for the goals it applies to (none: the case).
    fn action(&self, a: &Action, goals: &[String]) -> Option<ActionView> {
        let doelen = goals.to_vec();
        let goal_list = quoted_list(goals, self.ui.and);
        let fill_goal = |t: &str| fill(t, &[("doel", &goal_list)]);
        let view = match a {
            Action::FindOut { question } => {
                let q = self.bank.question(question)?;
                let what = q.find_out.as_ref().unwrap_or(q.short_text()).get(self.lang);
                ActionView {
                    tekst: fill(self.ui.action_find_out, &[("what", &sanitize::line(what))]),
                    soort: "zoek_uit".into(),
                    vraag: Some(question.clone()),
                    doelen,
                }
            }
            Action::Option { question, option } => {
                let q = self.bank.question(question)?;
                let text = q.options.get(*option)?.action.as_ref()?.get(self.lang);
                ActionView {
                    tekst: sanitize::line(&fill_goal(text)),
                    soort: "actie".into(),
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
                    vraag: None,
                    doelen,
                }
            }
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
                    vraag: Some(m.needed.value.clone()),
                    doelen,
                }
            }
        };
        Some(view)
    }

    fn goal_actions(&self, go: &GoalOutcome, label: &str) -> Vec<ActionView> {
        let goals = [label.to_owned()];
        let mut out = Vec::new();
        for a in &go.actions {
            if let Some(v) = self.action(a, &goals) {
                merge_action(&mut out, v);
            }
        }
        out
    }

    /// All action points: the same action for several goals becomes one
    /// line naming those goals; then the case actions.
    fn all_actions(&self, outcome: &Outcome, labels: &[String]) -> Vec<ActionView> {
        let mut grouped: Vec<(&Action, Vec<String>)> = Vec::new();
        for &g in &outcome.order_family {
            for a in &outcome.goals[g].actions {
                match grouped.iter_mut().find(|(x, _)| *x == a) {
                    Some((_, goals)) => goals.push(labels[g].clone()),
                    None => grouped.push((a, vec![labels[g].clone()])),
                }
            }
        }
        let mut out = Vec::new();
        for (a, goals) in grouped {
            if let Some(v) = self.action(a, &goals) {
                merge_action(&mut out, v);
            }
        }
        for a in &outcome.actions {
            if let Some(v) = self.action(a, &[]) {
                merge_action(&mut out, v);
            }
        }
        out.sort_by_key(|a| match a.soort.as_str() {
            "regel" => 0,
            "ontbrekend" => 1,
            "actie" => 2,
            _ => 3,
        });
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
