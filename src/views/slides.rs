//! The slides of presenter mode for a practice case: `voorwie voorbeeld
//! NAAM --stapsgewijs`.
//!
//! A trainer projects the terminal for a room. [`slides`] turns a case into
//! slides: the case text; then every answered question in the order of the
//! session, with the case's answer, a one-line why (the case's `toelichting`;
//! without one, what the chosen option means: its anchor) and what the answer does to the
//! suggestion; last the continuum and the result. Slides are plain data: the
//! text renderer draws one, and the app shows them one at a time.

use crate::bank::{Bank, Kind, Question, tier_weight};
use crate::base::sanitize;
use crate::base::text::Lang;
use crate::base::ui::{Ui, fill, ui};
use crate::session::Session;
use crate::session::condition;
use crate::session::responses::{Response, Responses};
use crate::views::report::{Report, StepRef};

/// One screen of the presentation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slide {
    /// Small line above: where in the session we are.
    pub context: String,
    pub heading: String,
    pub lines: Vec<Line>,
}

/// A line of a slide, with its role (for layout).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    Text(String),
    /// "Label: value", the label emphasised.
    Field(String, String),
    Bullet(String),
    /// The continuum with marks, drawn by the renderer.
    Continuum(Vec<(StepRef, Vec<String>)>),
    Blank,
}

/// The slides for a case.
pub fn slides(
    bank: &Bank,
    name: &str,
    session: &Session,
    responses: &Responses,
    report: &Report,
    lang: Lang,
) -> Vec<Slide> {
    let u = ui(lang);
    let mut out = Vec::new();

    // 1. The case.
    let mut lines = Vec::new();
    if let Some(m) = &report.moment {
        lines.push(Line::Field(u.moment.to_owned(), m.naam.clone()));
        lines.push(Line::Blank);
    }
    for para in report.casus.as_deref().unwrap_or("").trim().split("\n\n") {
        lines.push(Line::Text(
            para.split_whitespace().collect::<Vec<_>>().join(" "),
        ));
        lines.push(Line::Blank);
    }
    out.push(Slide {
        context: fill(u.pr_case_context, &[("name", name)]),
        heading: u.case_heading.to_owned(),
        lines,
    });

    // 2. The start question, the goals and the questions, in session order.
    let start = &bank.start_question;
    if let Some(s) = question_slide(bank, u, lang, session, responses, start, None, u.iv_start) {
        out.push(s);
    }
    if !report.doelen.is_empty() {
        let mut lines = vec![Line::Text(u.pr_goals_intro.to_owned()), Line::Blank];
        lines.push(Line::Field(
            u.pr_order_family.to_owned(),
            report.volgorde.gezin.join(" → "),
        ));
        lines.push(Line::Field(
            u.pr_order_care.to_owned(),
            report.volgorde.hulpverlening.join(" → "),
        ));
        if report.volgorde.verschilt {
            lines.push(Line::Blank);
            lines.push(Line::Text(u.orders_differ.to_owned()));
        }
        out.push(Slide {
            context: u.goals.to_owned(),
            heading: u.pr_goals_heading.to_owned(),
            lines,
        });
    }
    for &g in &responses.order(bank, "gezin") {
        let label = sanitize::line(&responses.goals[g].label);
        for q in bank.questions.iter().filter(|q| q.per_goal) {
            let context = fill(u.pr_goal_context, &[("goal", &label)]);
            if let Some(s) = question_slide(bank, u, lang, session, responses, q, Some(g), &context)
            {
                out.push(s);
            }
        }
    }
    for level in &bank.levels {
        let name = sanitize::line(level.name.get(lang));
        for q in bank.questions.iter().filter(|q| {
            !q.per_goal && q.kind.value != Kind::Order && q.level.value == level.id.value
        }) {
            if let Some(s) = question_slide(bank, u, lang, session, responses, q, None, &name) {
                out.push(s);
            }
        }
    }

    // 3. The result, over a few slides so that each fits a projected
    //    80×24 screen: the continuum and the suggestion; per goal; needed
    //    versus possible; the action points.
    out.extend(result_slides(u, report));
    out
}

/// The outcome: where the case stands on the continuum, then per goal,
/// then what is needed versus what is possible, then the action points.
/// The professional's own choice (an override) leads wherever the
/// suggestion is shown, with the suggestion beside it.
fn result_slides(u: &Ui, report: &Report) -> Vec<Slide> {
    let mut out = Vec::new();
    let advice = &report.advies;
    let chosen = report.overschrijving.as_ref().map(|o| o.gekozen.index);
    let marks = |s: &StepRef| {
        let mut m = Vec::new();
        if report.huidig.as_ref().is_some_and(|h| h.index == s.index) {
            m.push(u.bar_now.to_owned());
        }
        if chosen == Some(s.index) {
            m.push(u.bar_chosen.to_owned());
        }
        if advice.index == s.index {
            m.push(u.bar_advice.to_owned());
        }
        if advice.nodig.index == s.index && advice.nodig.index != advice.index {
            m.push(u.bar_needed.to_owned());
        }
        if report
            .mogelijk
            .stap
            .as_ref()
            .is_some_and(|p| p.index == s.index)
        {
            m.push(u.bar_possible.to_owned());
        }
        m
    };
    let mut lines = vec![
        Line::Continuum(
            report
                .continuum
                .iter()
                .map(|s| (s.clone(), marks(s)))
                .collect(),
        ),
        Line::Blank,
    ];
    if let Some(o) = &report.overschrijving {
        lines.push(Line::Field(
            u.pr_chosen.to_owned(),
            format!(
                "{} ({}: {})",
                o.gekozen.naam,
                u.suggestion.to_lowercase(),
                o.suggestie.naam.to_lowercase()
            ),
        ));
        lines.push(Line::Field(u.override_reason.to_owned(), o.reden.clone()));
    } else {
        lines.push(Line::Field(
            u.suggestion.to_owned(),
            format!(
                "{} ({})",
                advice.naam,
                fill(u.step_of, &[("n", &(advice.index + 1).to_string())])
            ),
        ));
    }
    lines.push(Line::Field(
        u.direction.to_owned(),
        report.richting_naam.clone(),
    ));
    lines.push(Line::Text(report.richting_uitleg.clone()));
    lines.push(Line::Blank);
    lines.push(Line::Text(report.hoger_niet_beter.clone()));
    out.push(Slide {
        context: u.pr_result_context.to_owned(),
        heading: u.case_advice.to_owned(),
        lines,
    });

    // Per goal: the choice (or the suggestion), its form, and what is
    // needed when the suggestion is a first step.
    if !report.doelen.is_empty() {
        let mut lines = Vec::new();
        for goal in &report.doelen {
            let step = match &goal.overschrijving {
                Some(o) => format!(
                    "{}: {} ({}: {})",
                    u.pr_chosen,
                    o.gekozen.naam,
                    u.suggestion.to_lowercase(),
                    goal.advies.naam.to_lowercase()
                ),
                None => goal.advies.naam.clone(),
            };
            let mut text = format!("{}: {step}", goal.label);
            if let Some(form) = goal.advies.vormen.first() {
                text.push_str(&format!(" ({form})"));
            }
            if goal.advies.nodig.index != goal.advies.index {
                text.push_str(&format!(
                    "; {}",
                    fill(
                        u.first_then,
                        &[
                            ("first", &goal.advies.naam.to_lowercase()),
                            ("need", &goal.advies.nodig.naam.to_lowercase()),
                        ],
                    )
                ));
            }
            lines.push(Line::Bullet(text));
        }
        out.push(Slide {
            context: u.pr_result_context.to_owned(),
            heading: u.pr_per_goal.to_owned(),
            lines,
        });
    }

    // Needed versus possible: the four positions, never conflated.
    let mut lines = vec![Line::Field(u.current.to_owned(), report.nu.tekst.clone())];
    if let Some(c) = &report.overwogen_tekst {
        lines.push(Line::Field(u.considered.to_owned(), c.clone()));
    }
    let needed = if advice.nodig.index == advice.index {
        advice.nodig.naam.clone()
    } else {
        format!(
            "{} ({})",
            advice.nodig.naam,
            fill(
                u.first_then,
                &[
                    ("first", &advice.naam.to_lowercase()),
                    ("need", &advice.nodig.naam.to_lowercase()),
                ],
            )
        )
    };
    lines.push(Line::Field(u.needed.to_owned(), needed));
    lines.push(Line::Field(
        u.possible.to_owned(),
        report.mogelijk.tekst.clone(),
    ));
    if let Some(k) = &report.kloof {
        lines.push(Line::Blank);
        lines.push(Line::Text(k.tekst.clone()));
        if !k.niveau_namen.is_empty() {
            lines.push(Line::Text(fill(
                u.gap_level,
                &[("level", &k.niveau_namen.join(", "))],
            )));
        }
    }
    out.push(Slide {
        context: u.pr_result_context.to_owned(),
        heading: u.gap.to_owned(),
        lines,
    });

    // The action points, grouped as in the summary.
    let mut lines = Vec::new();
    if report.actiepunten.is_empty() {
        lines.push(Line::Text(u.no_actions.to_owned()));
    }
    for (group, title) in [
        ("doen", u.actions_do),
        ("uitzoeken", u.actions_find_out),
        ("neerleggen", u.actions_take_to),
    ] {
        let items: Vec<_> = report
            .actiepunten
            .iter()
            .filter(|a| a.groep == group)
            .collect();
        if items.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::Blank);
        }
        lines.push(Line::Text(format!("{title}:")));
        for a in items {
            let mentions_goal = a.doelen.iter().all(|g| a.tekst.contains(g.as_str()));
            let text = if a.doelen.is_empty() || mentions_goal {
                a.tekst.clone()
            } else {
                let goals: Vec<String> = a.doelen.iter().map(|g| format!("'{g}'")).collect();
                format!("{} ({})", a.tekst, goals.join(", "))
            };
            lines.push(Line::Bullet(text));
        }
    }
    out.push(Slide {
        context: u.pr_result_context.to_owned(),
        heading: u.actions.to_owned(),
        lines,
    });
    out
}

/// A slide for one answered question; `None` when it was not answered or
/// not asked.
#[allow(clippy::too_many_arguments)]
fn question_slide(
    bank: &Bank,
    u: &Ui,
    lang: Lang,
    session: &Session,
    responses: &Responses,
    q: &Question,
    goal: Option<usize>,
    context: &str,
) -> Option<Slide> {
    if !condition::shown(bank, q, responses, goal) {
        return None;
    }
    let response = responses.get(&q.id.value, goal)?;
    let answer = crate::views::report::answer_text(bank, responses, &q.id.value, goal, lang)?;
    let mut lines = vec![Line::Field(u.pr_answer.to_owned(), answer), Line::Blank];

    // Why: the case's own explanation, or what the chosen option means.
    let explanations = match goal {
        None => &session.explanations,
        Some(g) => &session.goals.get(g)?.explanations,
    };
    // The anchor is what the option means in general, not the case's
    // reason: it gets its own label.
    let why = explanations
        .get(q.id.value.as_str())
        .map(|w| (u.why, sanitize::line(w)))
        .or_else(|| match response {
            Response::Option(i) => q.options[*i]
                .anchor
                .as_ref()
                .map(|a| (u.pr_meaning, sanitize::line(a.get(lang)))),
            _ => None,
        });
    if let Some((label, why)) = why {
        lines.push(Line::Field(label.to_owned(), why));
    }
    if let Some(effect) = effect(bank, u, lang, q, response) {
        lines.push(Line::Field(u.pr_effect.to_owned(), effect));
    }
    Some(Slide {
        context: context.to_owned(),
        heading: sanitize::line(q.text.get(lang)),
        lines,
    })
}

/// What an answer does to the suggestion, in one line.
fn effect(bank: &Bank, u: &Ui, lang: Lang, q: &Question, response: &Response) -> Option<String> {
    let step_name = |id: &str| {
        bank.step_index(id)
            .and_then(|i| bank.steps().get(i))
            .map(|s| sanitize::line(s.name.get(lang)).to_lowercase())
    };
    match response {
        Response::DontKnow => Some(u.pr_effect_unknown.to_owned()),
        Response::Skipped => None,
        Response::Option(i) => {
            let o = &q.options[*i];
            if let Some(base) = o.base.as_ref().and_then(|s| step_name(&s.value)) {
                let (lo, hi) = match o.bounds.as_ref().map(|b| &b.value[..]) {
                    Some([lo, hi]) => (
                        step_name(&lo.value).unwrap_or_default(),
                        step_name(&hi.value).unwrap_or_default(),
                    ),
                    _ => (String::new(), String::new()),
                };
                return Some(fill(
                    u.pr_effect_base,
                    &[("step", &base), ("lo", &lo), ("hi", &hi)],
                ));
            }
            if let Some(step) = o.possible_up_to.as_ref().and_then(|s| step_name(&s.value)) {
                return Some(fill(u.pr_effect_possible, &[("step", &step)]));
            }
            if let Some(step) = o.current.as_ref().and_then(|s| step_name(&s.value)) {
                return Some(fill(u.pr_effect_current, &[("step", &step)]));
            }
            match o.weight() {
                0 if q.is_organisational() => Some(u.pr_effect_possible_only.to_owned()),
                0 => None,
                w => Some(fill(
                    u.pr_effect_points,
                    &[("points", &crate::base::plain_text::signed(w))],
                )),
            }
        }
        Response::Options(chosen) => {
            let count: u32 = chosen.iter().map(|i| q.options[*i].count_value()).sum();
            let w: i32 = chosen.iter().map(|i| q.options[*i].weight()).sum::<i32>()
                + tier_weight(&q.tiers, count);
            if w != 0 {
                return Some(fill(
                    u.pr_effect_points,
                    &[("points", &crate::base::plain_text::signed(w))],
                ));
            }
            bank.scoring
                .combinations
                .iter()
                .find(|c| c.multiply.iter().any(|m| m.value == q.id.value))
                .map(|c| {
                    fill(
                        u.pr_effect_combination,
                        &[("name", &sanitize::line(c.name.get(lang)).to_lowercase())],
                    )
                })
        }
        Response::Text(_) | Response::Order(_) => None,
    }
}
