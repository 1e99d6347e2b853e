//! The advice: [`score`], a pure function from a bank and checked answers
//! to an [`Outcome`]. No I/O, no prompts, no prose.
//!
//! Per goal:
//! 1. The weights of the chosen options add up to points: the goal's own
//!    answers plus the case answers on the gezin and professionals levels
//!    (organisatie & beleid never count toward the need), plus `telling`
//!    tiers and `combinaties` such as breadth.
//! 2. A "weet ik niet" or skipped answer adds a range, not a zero: the points
//!    could lie anywhere between its lightest and heaviest option.
//! 3. The step is the highest threshold the lowest possible points reach.
//!    When the answers fit two steps (unknowns leave room for a heavier one,
//!    or the points are within `grensmarge` of a threshold), the lighter step
//!    is suggested and the reason says so: zo licht als mogelijk, zo zwaar
//!    als nodig.
//! 4. Rules about answers set floors (`minimaal`) and caps (`maximaal`); a
//!    floor wins over a cap, because a floor is about safety.
//! 5. Rules about the need itself (`nodig_vanaf`) then set the direction,
//!    what to do first (`eerst`) and action points.
//!
//! The case suggestion is that of the goal with the heaviest need. The
//! organisatie & beleid answers only say what is possible; when the need is
//! heavier, that is a [`Gap`].

pub mod outcome;

pub use outcome::*;

use crate::bank::{Bank, Kind, Question, Rule, tier_weight};
use crate::session::condition;
use crate::session::responses::{Response, Responses};

/// Scores checked answers against a bank.
pub fn score(bank: &Bank, responses: &Responses) -> Outcome {
    let current = current_step(bank, responses);
    let case_parts = contributions(bank, responses, None);

    let goals: Vec<GoalOutcome> = (0..responses.goals.len())
        .map(|g| goal_outcome(bank, responses, Some(g), current, &case_parts))
        .collect();

    let order_family = responses.order(bank, "gezin");
    let order_care = responses.order(bank, "hulpverlening");
    let orders_differ = order_given(bank, responses, "gezin")
        && order_given(bank, responses, "hulpverlening")
        && order_family != order_care;

    // The heaviest goal sets the case; on a tie, the family's first.
    let driving_goal = order_family.iter().copied().max_by(|&a, &b| {
        goals[a]
            .advice
            .need
            .cmp(&goals[b].advice.need)
            .then(goals[a].advice.now.cmp(&goals[b].advice.now))
            // `max_by` keeps the last maximum; prefer the earlier one.
            .then(std::cmp::Ordering::Greater)
    });
    let (case, case_direction) = match driving_goal {
        Some(g) => {
            let mut advice = goals[g].advice.clone();
            advice.certainty = case_certainty(bank, responses, &case_parts);
            let direction = if goals.iter().any(|o| o.direction == Direction::AlignFirst) {
                Direction::AlignFirst
            } else {
                direction_between(current, advice.now)
            };
            (advice, direction)
        }
        None => {
            let o = goal_outcome(bank, responses, None, current, &case_parts);
            (o.advice, o.direction)
        }
    };

    let (possible, gap) = gap(bank, responses, &goals, case.need);
    let actions = case_actions(bank, responses);
    let (dont_know, skipped) = count_unknown(responses);

    Outcome {
        goals,
        case,
        driving_goal,
        current,
        direction: case_direction,
        possible,
        gap,
        actions,
        order_family,
        order_care,
        orders_differ,
        dont_know,
        skipped,
        override_: responses.override_.clone(),
    }
}

/// The questions that count toward the need of a goal (or, with `None`, of
/// the case without goals): options with weights, not organisational, asked.
fn need_questions<'a>(
    bank: &'a Bank,
    responses: &'a Responses,
    goal: Option<usize>,
) -> impl Iterator<Item = &'a Question> {
    bank.all_questions().filter(move |q| {
        q.kind.value.has_options()
            && !q.is_organisational()
            && (!q.per_goal || goal.is_some())
            && condition::shown(bank, q, responses, goal)
    })
}

/// What one question (or combination) adds to a goal's points.
struct Contribution {
    /// Points from the known answer (0 for an unknown one).
    points: i32,
    /// Extra points an unknown answer could add at its lightest/heaviest.
    low: i32,
    high: i32,
    /// The full weight range of the question, for certainty.
    span: i32,
    known: bool,
    reasons: Vec<Reason>,
}

/// The contributions to the need: with `goal` `None`, of the questions and
/// combinations asked once for the case (the same for every goal, so
/// computed once); with a goal, of those asked for that goal.
fn contributions(bank: &Bank, responses: &Responses, goal: Option<usize>) -> Vec<Contribution> {
    let per_goal = goal.is_some();
    let mut out = Vec::new();
    for q in need_questions(bank, responses, goal).filter(|q| q.per_goal == per_goal) {
        let Some(r) = responses.get(&q.id.value, goal) else {
            continue;
        };
        let (lo, hi) = weight_range(q);
        let mut c = Contribution {
            points: 0,
            low: 0,
            high: 0,
            span: hi - lo,
            known: r.is_known(),
            reasons: Vec::new(),
        };
        match r {
            Response::Option(i) => {
                c.points = q.options[*i].weight();
                if c.points != 0 {
                    c.reasons.push(Reason::Answer {
                        question: q.id.value.clone(),
                        options: vec![*i],
                        points: c.points,
                    });
                }
            }
            Response::Options(chosen) => {
                let w: i32 = chosen.iter().map(|i| q.options[*i].weight()).sum();
                if w != 0 {
                    c.reasons.push(Reason::Answer {
                        question: q.id.value.clone(),
                        options: chosen.clone(),
                        points: w,
                    });
                }
                let count = count_of(q, chosen);
                let t = tier_weight(&q.tiers, count);
                if t != 0 {
                    c.reasons.push(Reason::Count {
                        question: q.id.value.clone(),
                        options: chosen.clone(),
                        count,
                        points: t,
                    });
                }
                c.points = w + t;
            }
            Response::DontKnow | Response::Skipped => {
                c.low = lo;
                c.high = hi;
                if hi != lo {
                    c.reasons.push(Reason::Unknown {
                        question: q.id.value.clone(),
                        skipped: matches!(r, Response::Skipped),
                        low: lo,
                        high: hi,
                    });
                }
            }
            Response::Text(_) | Response::Order(_) => {}
        }
        out.push(c);
    }

    let combos = bank.scoring.combinations.iter().filter(|c| {
        let has_goal_factor = c
            .multiply
            .iter()
            .any(|m| bank.question(&m.value).is_some_and(|q| q.per_goal));
        has_goal_factor == per_goal
    });
    for combo in combos {
        // Each factor: (known count, lowest, highest, asked per goal).
        let mut factors = Vec::new();
        let mut unknown_question = None;
        let mut skipped = false;
        for qid in &combo.multiply {
            let Some(q) = bank.question(&qid.value) else {
                break;
            };
            let max: u32 = q.options.iter().map(|o| o.count_value()).sum();
            match responses.get(&qid.value, goal) {
                Some(Response::Options(chosen)) => {
                    let n = count_of(q, chosen);
                    factors.push((n, n, max, q.per_goal));
                }
                Some(r @ (Response::DontKnow | Response::Skipped)) => {
                    unknown_question.get_or_insert_with(|| qid.value.clone());
                    skipped |= matches!(r, Response::Skipped);
                    factors.push((0, 0, max, q.per_goal));
                }
                _ => break,
            }
        }
        if factors.len() != combo.multiply.len() {
            continue; // not all factors answered: the combination does not apply
        }
        let lo: u32 = factors.iter().map(|f| f.1).product();
        let hi: u32 = factors
            .iter()
            .map(|f| {
                if unknown_question.is_some() && f.0 == 0 {
                    f.2
                } else {
                    f.1
                }
            })
            .product();
        let full: u32 = factors.iter().map(|f| f.2).product();
        let w_lo = tier_weight(&combo.tiers, lo);
        let w_hi = tier_weight(&combo.tiers, hi);
        let mut c = Contribution {
            points: w_lo,
            low: 0,
            high: w_hi - w_lo,
            span: tier_weight(&combo.tiers, full) - tier_weight(&combo.tiers, 0),
            known: unknown_question.is_none(),
            reasons: Vec::new(),
        };
        match &unknown_question {
            None if w_lo != 0 => c.reasons.push(Reason::Combination {
                id: combo.id.value.clone(),
                factors: factors.iter().map(|f| f.0).collect(),
                points: w_lo,
            }),
            Some(q) if w_hi != w_lo => c.reasons.push(Reason::Unknown {
                question: q.clone(),
                skipped,
                low: 0,
                high: w_hi - w_lo,
            }),
            _ => {}
        }
        out.push(c);
    }
    out
}

fn goal_outcome(
    bank: &Bank,
    responses: &Responses,
    goal: Option<usize>,
    current: Option<usize>,
    case_parts: &[Contribution],
) -> GoalOutcome {
    let own = match goal {
        Some(_) => contributions(bank, responses, goal),
        None => Vec::new(),
    };
    // The goal's own answers first, then the case's.
    let contributions: Vec<&Contribution> = own.iter().chain(case_parts).collect();
    let points: i32 = contributions.iter().map(|c| c.points).sum();
    let low: i32 = contributions.iter().map(|c| c.low).sum();
    let high: i32 = contributions.iter().map(|c| c.high).sum();
    let mut reasons: Vec<Reason> = contributions
        .iter()
        .flat_map(|c| c.reasons.clone())
        .collect();
    let mut actions = Vec::new();
    for q in need_questions(bank, responses, goal).filter(|q| q.per_goal) {
        if let Some(r) = responses.get(&q.id.value, goal) {
            push_answer_actions(q, r, &mut actions);
        }
    }
    let certainty = certainty_of(bank, contributions.iter().copied());

    let points_low = points + low;
    let points_high = points + high;

    // Step from points; the lighter step when the answers fit two.
    let mut need = bank.step_for_points(points_low);
    let heaviest = bank.step_for_points(points_high).max(need);
    let mut lightest = need;
    if heaviest > need {
        reasons.push(Reason::Lighter {
            lighter: need,
            heavier: heaviest,
            because: LighterBecause::Unknown,
        });
    }
    if need > 0 && points_low < bank.threshold(need).saturating_add(bank.scoring.margin) {
        reasons.push(Reason::Lighter {
            lighter: need - 1,
            heavier: need,
            because: LighterBecause::Margin,
        });
        need -= 1;
        lightest = need;
    }
    let fits = (lightest, heaviest);

    // Rules about answers: floors and caps.
    let answer_rules: Vec<&Rule> = bank
        .scoring
        .rules
        .iter()
        .filter(|r| !r.when.iter().any(|c| c.is_about_need()))
        .filter(|r| {
            r.when
                .iter()
                .all(|c| condition::holds(bank, c, responses, goal, None))
        })
        .collect();
    let floor = answer_rules
        .iter()
        .filter_map(|r| r.then.minimum.as_ref())
        .filter_map(|s| bank.step_index(&s.value))
        .max();
    let cap = answer_rules
        .iter()
        .filter_map(|r| r.then.maximum.as_ref())
        .filter_map(|s| bank.step_index(&s.value))
        .min();
    let before = need;
    if let Some(c) = cap {
        need = need.min(c);
    }
    if let Some(f) = floor {
        need = need.max(f);
    }
    let mut direction_rule = None;
    let mut first = None;
    for rule in &answer_rules {
        let effect = match (&rule.then.minimum, &rule.then.maximum) {
            (Some(min), _) if bank.step_index(&min.value) == Some(need) && need > before => {
                RuleEffect::Raised {
                    from: before,
                    to: need,
                }
            }
            (_, Some(max)) if bank.step_index(&max.value) == Some(need) && need < before => {
                RuleEffect::Capped {
                    from: before,
                    to: need,
                }
            }
            (Some(_), _) | (_, Some(_)) => RuleEffect::Confirmed,
            _ => RuleEffect::Noted,
        };
        apply_side_effects(bank, rule, &mut direction_rule, &mut first, &mut actions);
        reasons.push(Reason::Rule {
            rule: rule.id.value.clone(),
            effect,
        });
    }

    // Rules about the need: direction, first steps, actions.
    for rule in bank
        .scoring
        .rules
        .iter()
        .filter(|r| r.when.iter().any(|c| c.is_about_need()))
    {
        if !rule
            .when
            .iter()
            .all(|c| condition::holds(bank, c, responses, goal, Some(need)))
        {
            continue;
        }
        apply_side_effects(bank, rule, &mut direction_rule, &mut first, &mut actions);
        let effect = match first {
            Some(to) if rule.then.first.is_some() => RuleEffect::First { to },
            _ => RuleEffect::Noted,
        };
        reasons.push(Reason::Rule {
            rule: rule.id.value.clone(),
            effect,
        });
    }
    let now = first.map_or(need, |f| f.min(need));

    if let Some(missing) = missing_parties(bank, responses, goal) {
        actions.push(missing);
    }

    // Most weight first; rules and notes keep their order after that.
    reasons.sort_by_key(|r| std::cmp::Reverse(r.points().abs()));
    if reasons.is_empty() {
        reasons.push(Reason::Nothing);
    }

    let direction = direction_rule.unwrap_or_else(|| direction_between(current, now));
    let override_ = goal.and_then(|g| responses.goals[g].override_.clone());
    GoalOutcome {
        advice: Advice {
            need,
            now,
            points,
            points_low,
            points_high,
            fits,
            certainty,
            reasons,
        },
        direction,
        actions,
        override_,
    }
}

fn apply_side_effects(
    bank: &Bank,
    rule: &Rule,
    direction: &mut Option<Direction>,
    first: &mut Option<usize>,
    actions: &mut Vec<Action>,
) {
    if let Some(d) = rule
        .then
        .direction
        .as_ref()
        .and_then(|d| Direction::from_id(&d.value))
    {
        *direction = Some(d);
    }
    if let Some(f) = rule
        .then
        .first
        .as_ref()
        .and_then(|f| bank.step_index(&f.value))
    {
        *first = Some(first.map_or(f, |x: usize| x.min(f)));
    }
    if rule.then.action.is_some() {
        actions.push(Action::Rule {
            rule: rule.id.value.clone(),
        });
    }
}

fn direction_between(current: Option<usize>, now: usize) -> Direction {
    // No collaboration yet counts as the first step.
    let current = current.unwrap_or(0);
    match now.cmp(&current) {
        std::cmp::Ordering::Greater => Direction::Up,
        std::cmp::Ordering::Less => Direction::Down,
        std::cmp::Ordering::Equal => Direction::Fits,
    }
}

/// Count of chosen options, weighted by `telt`.
fn count_of(q: &Question, chosen: &[usize]) -> u32 {
    chosen.iter().map(|i| q.options[*i].count_value()).sum()
}

/// The lightest and heaviest points a question can add.
fn weight_range(q: &Question) -> (i32, i32) {
    match q.kind.value {
        Kind::Multi => {
            let neg: i32 = q.options.iter().map(|o| o.weight().min(0)).sum();
            let pos: i32 = q.options.iter().map(|o| o.weight().max(0)).sum();
            let all: u32 = q.options.iter().map(|o| o.count_value()).sum();
            (
                neg + tier_weight(&q.tiers, 0),
                pos + tier_weight(&q.tiers, all),
            )
        }
        _ => {
            let weights = q.options.iter().map(|o| o.weight());
            let lo = weights.clone().min().unwrap_or(0);
            let hi = weights.max().unwrap_or(0);
            (lo, hi)
        }
    }
}

/// The current step: the `huidig` of the chosen option of a case question.
fn current_step(bank: &Bank, responses: &Responses) -> Option<usize> {
    bank.questions.iter().filter(|q| !q.per_goal).find_map(|q| {
        match responses.case.get(&q.id.value) {
            Some(Response::Option(i)) => q.options[*i]
                .current
                .as_ref()
                .and_then(|c| bank.step_index(&c.value)),
            _ => None,
        }
    })
}

fn order_given(bank: &Bank, responses: &Responses, perspective: &str) -> bool {
    bank.order_question(perspective)
        .and_then(|q| responses.case.get(&q.id.value))
        .is_some_and(|r| matches!(r, Response::Order(list) if !list.is_empty()))
}

/// Certainty: the share of the weight range of asked, weighted questions
/// that a known answer resolves.
fn certainty_of<'a>(
    bank: &Bank,
    contributions: impl Iterator<Item = &'a Contribution>,
) -> Certainty {
    let (mut total, mut unknown) = (0i64, 0i64);
    for c in contributions {
        total += i64::from(c.span);
        if !c.known {
            unknown += i64::from(c.span);
        }
    }
    let share = if total == 0 {
        1.0
    } else {
        1.0 - unknown as f64 / total as f64
    };
    let levels = &bank.scoring.certainty;
    let level = if share >= levels.high {
        CertaintyLevel::High
    } else if share >= levels.medium {
        CertaintyLevel::Medium
    } else {
        CertaintyLevel::Low
    };
    Certainty { level, share }
}

/// Certainty over the whole case: case questions once, per-goal questions
/// for every goal.
fn case_certainty(bank: &Bank, responses: &Responses, case_parts: &[Contribution]) -> Certainty {
    let mut all: Vec<Contribution> = Vec::new();
    for g in 0..responses.goals.len() {
        all.extend(contributions(bank, responses, Some(g)));
    }
    certainty_of(bank, case_parts.iter().chain(&all))
}

/// Who is needed for this goal but not involved.
fn missing_parties(bank: &Bank, responses: &Responses, goal: Option<usize>) -> Option<Action> {
    let m = bank.scoring.missing.as_ref()?;
    let needed_q = bank.question(&m.needed.value)?;
    let involved_q = bank.question(&m.involved.value)?;
    let Some(Response::Options(needed)) = responses.get(&m.needed.value, goal) else {
        return None;
    };
    let Some(Response::Options(involved)) = responses.get(&m.involved.value, goal) else {
        return None;
    };
    // The two questions usually share their options; match by id.
    let involved_ids: Vec<&str> = involved
        .iter()
        .filter_map(|i| involved_q.options.get(*i))
        .map(|o| o.id.value.as_str())
        .collect();
    let parties: Vec<usize> = needed
        .iter()
        .copied()
        .filter(|i| {
            let o = &needed_q.options[*i];
            // Options that do not count (such as the family's own network)
            // are not parties to involve.
            o.count_value() > 0 && !involved_ids.contains(&o.id.value.as_str())
        })
        .collect();
    (!parties.is_empty()).then_some(Action::Missing { parties })
}

fn push_answer_actions(q: &Question, r: &Response, actions: &mut Vec<Action>) {
    match r {
        Response::Option(i) => {
            if q.options[*i].action.is_some() {
                actions.push(Action::Option {
                    question: q.id.value.clone(),
                    option: *i,
                });
            }
        }
        Response::Options(chosen) => {
            for i in chosen {
                if q.options[*i].action.is_some() {
                    actions.push(Action::Option {
                        question: q.id.value.clone(),
                        option: *i,
                    });
                }
            }
        }
        Response::DontKnow => actions.push(Action::FindOut {
            question: q.id.value.clone(),
        }),
        Response::Skipped | Response::Text(_) | Response::Order(_) => {}
    }
}

/// Actions from case questions on all three levels, in bank order.
fn case_actions(bank: &Bank, responses: &Responses) -> Vec<Action> {
    let mut actions = Vec::new();
    for q in bank.all_questions().filter(|q| !q.per_goal) {
        if !condition::shown(bank, q, responses, None) {
            continue;
        }
        if let Some(r) = responses.case.get(&q.id.value) {
            push_answer_actions(q, r, &mut actions);
        }
    }
    actions
}

/// What is possible, and the gap when the need is heavier.
fn gap(
    bank: &Bank,
    responses: &Responses,
    goals: &[GoalOutcome],
    need: usize,
) -> (Option<usize>, Option<Gap>) {
    let mut possible: Option<usize> = None;
    let mut limits = Vec::new();
    let mut sources = Vec::new();
    for q in bank
        .questions
        .iter()
        .filter(|q| q.is_organisational() && !q.per_goal)
    {
        if !condition::shown(bank, q, responses, None) {
            continue;
        }
        let Some(Response::Option(i)) = responses.case.get(&q.id.value) else {
            continue;
        };
        let option = &q.options[*i];
        if let Some(step) = option
            .possible_up_to
            .as_ref()
            .and_then(|s| bank.step_index(&s.value))
        {
            possible = Some(possible.map_or(step, |p| p.min(step)));
            if step < need {
                limits.push((q.id.value.clone(), *i));
            }
        }
        if option.gap.is_some() {
            sources.push((q.id.value.clone(), *i));
        }
    }
    let Some(possible) = possible else {
        return (None, None);
    };
    if need <= possible {
        return (Some(possible), None);
    }
    let goals = goals
        .iter()
        .enumerate()
        .filter(|(_, g)| g.advice.need > possible)
        .map(|(i, _)| i)
        .collect();
    let gap = Gap {
        need,
        possible,
        limits,
        sources,
        goals,
    };
    (Some(possible), Some(gap))
}

fn count_unknown(responses: &Responses) -> (usize, usize) {
    let all = responses
        .case
        .values()
        .chain(responses.goals.iter().flat_map(|g| g.responses.values()));
    let (mut dont_know, mut skipped) = (0, 0);
    for r in all {
        match r {
            Response::DontKnow => dont_know += 1,
            Response::Skipped => skipped += 1,
            _ => {}
        }
    }
    (dont_know, skipped)
}
