//! Scoring: a pure function from a bank and checked answers to an
//! [`Outcome`]. No I/O, no prompts, no prose. The model is explained for
//! content experts in `docs/advies.md`; in short, per goal:
//!
//! 1. The kind of question (the answer to `scoring.basis`) sets a base step
//!    and bounds.
//! 2. The weights of the other answers add up to points: the goal's own, and
//!    the case-wide ones (the family) kept within `scoring.gezin`. The points
//!    shift the step (`scoring.verschuiving`), within the bounds.
//! 3. Rules set floors (`minimaal`) and caps (`maximaal`); a floor with
//!    `voorrang` wins over every cap.
//! 4. Rules about the need set the direction and what to do first (`eerst`).
//!
//! An open question (weet ik niet, skipped, or an unanswered core question)
//! is never a fact: the answers are completed in the lightest and the
//! heaviest way the open questions allow, rules included, and the lightest
//! is the suggestion, with the range beside it.
//!
//! The case takes the heaviest goal; the organisatie & beleid answers only
//! say what is possible. When the need is heavier, that is a [`Gap`].

pub mod outcome;

pub use outcome::*;

use std::cmp::Ordering;

use crate::bank::{Bank, Kind, NOW, NOW_NOBODY, NOW_SINGLE, Phase, Question, Rule, tier_weight};
use crate::session::condition::{self, Context};
use crate::session::responses::{Response, Responses};

/// Scores checked answers against a bank.
pub fn score(bank: &Bank, responses: &Responses) -> Outcome {
    let case_now = case_now(bank, responses);
    let considered = considered(bank, responses);
    let need_qs = need_questions(bank);

    let goals: Vec<GoalOutcome> = (0..responses.goals.len())
        .map(|g| goal_outcome(bank, responses, g, case_now, considered, &need_qs))
        .collect();

    let order_family = responses.order(bank, "gezin");
    let order_care = responses.order(bank, "hulpverlening");
    let order_family_given = order_given(bank, responses, "gezin");
    let order_care_given = order_given(bank, responses, "hulpverlening");
    let orders_differ = order_family_given && order_care_given && order_family != order_care;

    // The heaviest goal sets the case; on a tie, the family's first.
    let driving_goal = order_family.iter().copied().max_by(|&a, &b| {
        goals[a]
            .advice
            .need
            .cmp(&goals[b].advice.need)
            // `max_by` keeps the last maximum; prefer the earlier one.
            .then(Ordering::Greater)
    });

    let (answered, core) = core_counts(bank, responses);
    let mut case = case_advice(bank, responses, &goals, driving_goal, answered, core);
    let mut signals = Vec::new();
    let mut actions = case_actions(bank, responses);

    // Rules for the case as a whole.
    let ctx = Context {
        need: Some(case.need),
        now: Some(case_now),
        considered,
    };
    let mut case_rule_direction = None;
    for rule in bank.scoring.rules.iter().filter(|r| r.for_case()) {
        if !rule
            .when
            .iter()
            .all(|c| condition::holds(bank, c, responses, None, ctx))
        {
            continue;
        }
        signals.push(rule.id.value.clone());
        if case_rule_direction.is_none() {
            case_rule_direction = rule_direction(rule);
            if case_rule_direction.is_some() {
                case.reasons.insert(
                    0,
                    Reason::Rule {
                        rule: rule.id.value.clone(),
                        effect: RuleEffect::Direction,
                    },
                );
            }
        }
        if let Some(first) = first_step(bank, rule, case_now)
            && first < case.step
        {
            case.step = first;
            case.reasons.insert(
                0,
                Reason::Rule {
                    rule: rule.id.value.clone(),
                    effect: RuleEffect::First { to: first },
                },
            );
        }
        if rule.then.action.is_some() {
            actions.push(Action::Rule {
                rule: rule.id.value.clone(),
            });
        }
    }

    // A goal's "eerst afstemmen" carries over to the case, but never beside
    // a team the family is already in.
    let case_in_team = matches!(case_now, Now::Step(s) if s >= COOPERATION);
    let goal_rule_direction = driving_goal
        .and_then(|g| rule_set(&goals[g]).then_some(goals[g].direction))
        .or_else(|| {
            goals
                .iter()
                .any(|g| g.direction == Direction::AlignFirst)
                .then_some(Direction::AlignFirst)
        })
        .filter(|d| !(case_in_team && *d == Direction::AlignFirst));
    let direction = case_rule_direction
        .or(goal_rule_direction)
        .unwrap_or_else(|| {
            if goals.is_empty() {
                return Direction::Unknown;
            }
            let light = structural_direction(case_now, case.step, considered);
            let heavy_step = case.fits.1.max(case.step);
            let heavy = structural_direction(case_now, heavy_step, considered);
            if light == heavy || case.fits.1 == case.fits.0 {
                light
            } else {
                Direction::Unknown
            }
        });

    if considered.is_some_and(|c| c > case.step) {
        signals.push("lichter_dan_overwogen".to_owned());
    }
    if case_now == Now::Unknown {
        signals.push("nu_onbekend".to_owned());
        actions.push(Action::FindOutNow);
    }
    if case.certainty.too_few {
        signals.push("te_weinig".to_owned());
    }

    let (possible, gap) = possible_and_gap(bank, responses, &goals, case.need);
    match possible {
        Possible::Unknown | Possible::AtMost(_)
            if gap.is_none() && case.need >= COORDINATION && !goals.is_empty() =>
        {
            signals.push("mogelijk_onbekend".to_owned());
            actions.push(Action::FindOutPossible { need: case.need });
        }
        _ => {}
    }
    if gap.is_some() {
        signals.push("kloof".to_owned());
    }

    let scale_down =
        is_moment(bank, responses, "afschalen").then(|| scale_down(bank, responses, &goals));
    if scale_down
        .as_ref()
        .is_some_and(|s| !s.stuck_open.is_empty())
    {
        signals.push("nog_niet_afschalen".to_owned());
    }
    let (dont_know, skipped) = count_unknown(responses);

    Outcome {
        goals,
        case,
        driving_goal,
        current: case_now,
        direction,
        signals,
        considered,
        possible,
        gap,
        actions,
        order_family,
        order_care,
        order_family_given,
        order_care_given,
        orders_differ,
        dont_know,
        skipped,
        scale_down,
        override_: responses.override_.clone(),
    }
}

/// The step index of coordinatie: from here on, whether the need is
/// possible is worth asking.
const COORDINATION: usize = 2;

/// The step index of cooperatie: from here on, a team is in place.
const COOPERATION: usize = 3;

/// Whether a goal's direction was set by a rule (eerst afstemmen, verbeter
/// afstemming) rather than by comparing positions.
fn rule_set(g: &GoalOutcome) -> bool {
    matches!(
        g.direction,
        Direction::AlignFirst | Direction::ImproveTeamAlignment
    )
}

fn is_moment(bank: &Bank, responses: &Responses, id: &str) -> bool {
    responses
        .moment
        .and_then(|m| bank.moments.get(m))
        .is_some_and(|m| m.id == id)
}

// ---------------------------------------------------------------------------
// Which questions count
// ---------------------------------------------------------------------------

/// The questions whose answers can change a need: weighted options, a
/// count, a factor of a combination, the kind of question, or the subject of
/// a rule that sets a floor or cap. Organisation and policy never count.
fn need_questions(bank: &Bank) -> Vec<&Question> {
    let mut in_rules: Vec<&str> = Vec::new();
    for rule in &bank.scoring.rules {
        if rule.then.minimum.is_some() || rule.then.maximum.is_some() {
            for c in &rule.when {
                collect_questions(c, &mut in_rules);
            }
        }
    }
    bank.all_questions()
        .filter(|q| q.kind.value.has_options() && !q.is_organisational())
        .filter(|q| {
            q.options.iter().any(|o| o.weight() != 0)
                || !q.tiers.is_empty()
                || q.id == bank.scoring.base.value.as_str()
                || in_rules.contains(&q.id.value.as_str())
                || bank
                    .scoring
                    .combinations
                    .iter()
                    .any(|c| c.multiply.iter().any(|m| m.value == q.id.value))
        })
        .collect()
}

fn collect_questions<'a>(c: &'a crate::bank::Condition, out: &mut Vec<&'a str>) {
    if let Some(q) = &c.question {
        out.push(&q.value);
    }
    for sub in c.any_of.iter().flatten() {
        collect_questions(sub, out);
    }
}

/// The open need questions for a goal: asked (shown), and answered with
/// weet ik niet or skipped, or not answered at all while being a core
/// (screening) question.
fn open_questions<'a>(
    bank: &Bank,
    responses: &Responses,
    goal: usize,
    need_qs: &[&'a Question],
) -> Vec<&'a Question> {
    need_qs
        .iter()
        .copied()
        .filter(|q| condition::shown(bank, q, responses, Some(goal)))
        .filter(|q| match responses.get(&q.id.value, Some(goal)) {
            Some(r) => !r.is_known(),
            None => q.phase() == Phase::Screening,
        })
        .collect()
}

/// Core questions (screening questions with options that are asked)
/// answered, and how many there are: case questions once, per-goal ones
/// for every goal.
fn core_counts(bank: &Bank, responses: &Responses) -> (usize, usize) {
    let (mut answered, mut total) = (0, 0);
    for q in bank
        .all_questions()
        .filter(|q| q.kind.value.has_options() && q.phase() == Phase::Screening)
    {
        let goals: Vec<Option<usize>> = if q.per_goal {
            (0..responses.goals.len()).map(Some).collect()
        } else {
            vec![None]
        };
        for g in goals {
            if !condition::shown(bank, q, responses, g) {
                continue;
            }
            total += 1;
            if responses
                .get(&q.id.value, g)
                .is_some_and(Response::is_known)
            {
                answered += 1;
            }
        }
    }
    (answered, total)
}

fn goal_core_counts(bank: &Bank, responses: &Responses, goal: usize) -> (usize, usize) {
    let (mut answered, mut total) = (0, 0);
    for q in bank
        .questions
        .iter()
        .filter(|q| q.per_goal && q.kind.value.has_options() && q.phase() == Phase::Screening)
    {
        if !condition::shown(bank, q, responses, Some(goal)) {
            continue;
        }
        total += 1;
        if responses
            .get(&q.id.value, Some(goal))
            .is_some_and(Response::is_known)
        {
            answered += 1;
        }
    }
    (answered, total)
}

// ---------------------------------------------------------------------------
// Positions: now, considered
// ---------------------------------------------------------------------------

fn now_of(bank: &Bank, q: &Question, r: Option<&Response>) -> Option<Now> {
    match r? {
        Response::Option(i) => {
            let c = q.options.get(*i)?.current.as_ref()?;
            Some(match c.value.as_str() {
                NOW_NOBODY => Now::Nobody,
                NOW_SINGLE => Now::Single,
                step => Now::Step(bank.step_index(step)?),
            })
        }
        Response::DontKnow | Response::Skipped => Some(Now::Unknown),
        _ => None,
    }
}

/// The question (case or per goal) whose options say where things stand.
fn now_question(bank: &Bank, per_goal: bool) -> Option<&Question> {
    bank.questions
        .iter()
        .find(|q| q.per_goal == per_goal && q.options.iter().any(|o| o.current.is_some()))
}

fn case_now(bank: &Bank, responses: &Responses) -> Now {
    now_question(bank, false)
        .and_then(|q| now_of(bank, q, responses.case.get(&q.id.value)))
        .unwrap_or(Now::Unknown)
}

/// Where this goal stands: its own answer; without one, the case's, when at
/// least one party the goal needs is involved; otherwise unknown.
fn goal_now(bank: &Bank, responses: &Responses, goal: usize, case_now: Now) -> (Now, bool) {
    if let Some(q) = now_question(bank, true)
        && let Some(r) = responses.get(&q.id.value, Some(goal))
    {
        return (now_of(bank, q, Some(r)).unwrap_or(Now::Unknown), false);
    }
    if case_now == Now::Unknown {
        return (Now::Unknown, false);
    }
    let Some(m) = &bank.scoring.missing else {
        return (Now::Unknown, false);
    };
    let (Some(needed_q), Some(involved_q)) = (
        bank.question(&m.needed.value),
        bank.question(&m.involved.value),
    ) else {
        return (Now::Unknown, false);
    };
    let (Some(Response::Options(needed)), Some(Response::Options(involved))) = (
        responses.get(&m.needed.value, Some(goal)),
        responses.get(&m.involved.value, Some(goal)),
    ) else {
        return (Now::Unknown, false);
    };
    let involved: Vec<&str> = involved
        .iter()
        .filter_map(|i| involved_q.options.get(*i))
        .map(|o| o.id.value.as_str())
        .collect();
    let any_involved = needed
        .iter()
        .filter_map(|i| needed_q.options.get(*i))
        .any(|o| o.count_value() > 0 && involved.contains(&o.id.value.as_str()));
    if any_involved {
        (case_now, true)
    } else {
        (Now::Unknown, false)
    }
}

/// The step of the form being considered (`overwogen`), if one was named.
fn considered(bank: &Bank, responses: &Responses) -> Option<usize> {
    let q = bank
        .questions
        .iter()
        .find(|q| !q.per_goal && q.options.iter().any(|o| o.considered.is_some()))?;
    if !condition::shown(bank, q, responses, None) {
        return None;
    }
    match responses.case.get(&q.id.value)? {
        Response::Option(i) => bank.step_index(&q.options.get(*i)?.considered.as_ref()?.value),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// One evaluation of a goal's need
// ---------------------------------------------------------------------------

/// Everything one evaluation of a goal found, before words.
#[derive(Clone, Debug)]
struct Eval {
    need: usize,
    step: usize,
    base: Option<usize>,
    base_step: usize,
    bounds: (usize, usize),
    goal_parts: Vec<Part>,
    family_parts: Vec<Part>,
    family_raw: i32,
    points: i32,
    shift: i32,
    /// Base plus shift, before the bounds.
    shifted: i32,
    /// After the bounds, before rules.
    bounded: usize,
    /// Floors and caps that held: (rule, step, is floor, has priority).
    limits: Vec<(usize, usize, bool, bool)>,
    /// Side-effect rules that held (indices into the bank's rules).
    held: Vec<usize>,
    direction: Option<Direction>,
    /// Where the goal stands in this evaluation, for breaking ties while
    /// completing open questions (unknown ranks highest).
    now_rank: i32,
}

/// The points and parts of the questions asked at one level (goal or case).
fn parts_of(
    bank: &Bank,
    responses: &Responses,
    goal: usize,
    per_goal: bool,
    open: &[&str],
) -> Vec<Part> {
    let mut out = Vec::new();
    for q in bank.all_questions().filter(|q| {
        q.per_goal == per_goal
            && q.kind.value.has_options()
            && !q.is_organisational()
            && q.id != bank.scoring.base.value.as_str()
    }) {
        if !condition::shown(bank, q, responses, Some(goal)) {
            continue;
        }
        let (options, points) = match responses.get(&q.id.value, Some(goal)) {
            Some(Response::Option(i)) => (vec![*i], q.options[*i].weight()),
            Some(Response::Options(chosen)) => {
                let w: i32 = chosen.iter().map(|i| q.options[*i].weight()).sum();
                (
                    chosen.clone(),
                    w + tier_weight(&q.tiers, count_of(q, chosen)),
                )
            }
            _ => continue,
        };
        if points != 0 {
            out.push(Part::Answer {
                question: q.id.value.clone(),
                options,
                points,
                open: open.contains(&q.id.value.as_str()),
            });
        }
    }
    for combo in &bank.scoring.combinations {
        let goal_factor = combo
            .multiply
            .iter()
            .any(|m| bank.question(&m.value).is_some_and(|q| q.per_goal));
        if goal_factor != per_goal {
            continue;
        }
        let mut factors = Vec::new();
        for qid in &combo.multiply {
            let Some(q) = bank.question(&qid.value) else {
                break;
            };
            match responses.get(&qid.value, Some(goal)) {
                Some(Response::Options(chosen)) => factors.push(count_of(q, chosen)),
                _ => break,
            }
        }
        if factors.len() != combo.multiply.len() {
            continue; // a factor is open or unanswered: no breadth to count
        }
        let points = tier_weight(&combo.tiers, factors.iter().product());
        if points != 0 {
            out.push(Part::Combination {
                id: combo.id.value.clone(),
                factors,
                points,
            });
        }
    }
    out
}

/// One evaluation of a goal's need. `case_now` is where the case stands;
/// the goal's own position is read from `responses` here, because a
/// completed open question (the parties it needs) can make it known.
fn evaluate(
    bank: &Bank,
    responses: &Responses,
    goal: usize,
    case_now: Now,
    considered: Option<usize>,
    open: &[&str],
) -> Eval {
    let now = goal_now(bank, responses, goal, case_now).0;
    let last = bank.steps().len().saturating_sub(1);
    // 1. The kind of question: base and bounds.
    let base_q = bank.base_question();
    let base = base_q.and_then(|q| match responses.get(&q.id.value, Some(goal)) {
        Some(Response::Option(i)) => Some(*i),
        _ => None,
    });
    let (base_step, bounds) = base
        .and_then(|i| {
            let o = &base_q?.options[i];
            let b = bank.step_index(&o.base.as_ref()?.value)?;
            let (lo, hi) = match o.bounds.as_ref().map(|v| &v.value[..]) {
                Some([lo, hi]) => (
                    bank.step_index(&lo.value).unwrap_or(0),
                    bank.step_index(&hi.value).unwrap_or(last),
                ),
                _ => (0, last),
            };
            Some((b, (lo, hi)))
        })
        .unwrap_or((0, (0, last)));

    // 2. Points and the shift.
    let goal_parts = parts_of(bank, responses, goal, true, open);
    let family_parts = parts_of(bank, responses, goal, false, open);
    let goal_points: i32 = goal_parts.iter().map(Part::points).sum();
    let family_raw: i32 = family_parts.iter().map(Part::points).sum();
    let fam = &bank.scoring.family;
    let family_max = fam.max_for(bank, base_step);
    let family = family_raw.clamp(fam.min.value, family_max.max(fam.min.value));
    let points = goal_points + family;
    let shift = bank.shift_for(points);
    let shifted = i32::try_from(base_step).unwrap_or(0) + shift;
    let bounded = usize::try_from(shifted.max(0))
        .unwrap_or(0)
        .clamp(bounds.0, bounds.1.max(bounds.0));

    // 3. Floors and caps from rules about answers.
    let ctx = Context {
        need: None,
        now: Some(now),
        considered,
    };
    let mut limits = Vec::new();
    for (i, rule) in bank.scoring.rules.iter().enumerate() {
        if rule.for_case() || rule.when.iter().any(|c| c.is_about_need()) {
            continue;
        }
        if !rule
            .when
            .iter()
            .all(|c| condition::holds(bank, c, responses, Some(goal), ctx))
        {
            continue;
        }
        if let Some(min) = rule
            .then
            .minimum
            .as_ref()
            .and_then(|m| bank.step_index(&m.value))
        {
            limits.push((i, min, true, rule.then.priority));
        }
        if let Some(max) = rule.then.maximum.as_ref().and_then(|m| {
            if m.value == NOW {
                now.step()
            } else {
                bank.step_index(&m.value)
            }
        }) {
            limits.push((i, max, false, false));
        }
    }
    let need = apply_limits(bounded, &limits, None);

    // 4. Rules with side effects: direction, what to do first, actions.
    let ctx = Context {
        need: Some(need),
        ..ctx
    };
    let mut held = Vec::new();
    let mut direction = None;
    let mut step = need;
    for (i, rule) in bank.scoring.rules.iter().enumerate() {
        if rule.for_case() {
            continue;
        }
        let side_effects = rule.then.direction.is_some()
            || rule.then.first.is_some()
            || rule.then.action.is_some();
        if !side_effects
            || !rule
                .when
                .iter()
                .all(|c| condition::holds(bank, c, responses, Some(goal), ctx))
        {
            continue;
        }
        held.push(i);
        if direction.is_none() {
            direction = rule_direction(rule);
        }
        if let Some(first) = first_step(bank, rule, now) {
            step = step.min(first);
        }
    }
    Eval {
        need,
        step,
        base,
        base_step,
        bounds,
        goal_parts,
        family_parts,
        family_raw,
        points,
        shift,
        shifted,
        bounded,
        limits,
        held,
        direction,
        now_rank: now.rank().unwrap_or(99),
    }
}

/// Applies floors, then caps, then floors with priority; `skip` leaves one
/// limit out (to see whether it binds).
fn apply_limits(start: usize, limits: &[(usize, usize, bool, bool)], skip: Option<usize>) -> usize {
    let kept = limits.iter().enumerate().filter(|(k, _)| Some(*k) != skip);
    let floor = kept
        .clone()
        .filter(|(_, l)| l.2 && !l.3)
        .map(|(_, l)| l.1)
        .max();
    let cap = kept.clone().filter(|(_, l)| !l.2).map(|(_, l)| l.1).min();
    let priority = kept.filter(|(_, l)| l.2 && l.3).map(|(_, l)| l.1).max();
    let mut need = start;
    if let Some(f) = floor {
        need = need.max(f);
    }
    if let Some(c) = cap {
        need = need.min(c);
    }
    if let Some(p) = priority {
        need = need.max(p);
    }
    need
}

fn rule_direction(rule: &Rule) -> Option<Direction> {
    rule.then
        .direction
        .as_ref()
        .and_then(|d| Direction::from_id(&d.value))
}

/// The `eerst` of a rule as a step: a step id, or `nu` (where things stand,
/// when known).
fn first_step(bank: &Bank, rule: &Rule, now: Now) -> Option<usize> {
    let first = rule.then.first.as_ref()?;
    if first.value == NOW {
        now.step()
    } else {
        bank.step_index(&first.value)
    }
}

fn structural_direction(now: Now, step: usize, considered: Option<usize>) -> Direction {
    if considered.is_some_and(|c| c > step) {
        return Direction::LighterThanConsidered;
    }
    let Some(rank) = now.rank() else {
        return Direction::Unknown;
    };
    match i32::try_from(step).unwrap_or(0).cmp(&rank) {
        Ordering::Greater => Direction::Up,
        Ordering::Less => Direction::Down,
        Ordering::Equal => Direction::Fits,
    }
}

// ---------------------------------------------------------------------------
// Completing open questions
// ---------------------------------------------------------------------------

/// The answers an open question could have had: every option; for multiple
/// choice none, each one alone, and all.
fn candidates(q: &Question) -> Vec<Response> {
    let n = q.options.len();
    match q.kind.value {
        Kind::Multi => {
            let mut c = vec![Response::Options(Vec::new())];
            c.extend((0..n).map(|i| Response::Options(vec![i])));
            c.push(Response::Options(
                (0..n).filter(|i| !q.options[*i].exclusive).collect(),
            ));
            c
        }
        _ => (0..n).map(Response::Option).collect(),
    }
}

fn set(responses: &mut Responses, q: &Question, goal: usize, r: Response) {
    if q.per_goal {
        if let Some(g) = responses.goals.get_mut(goal) {
            g.responses.insert(q.id.value.clone(), r);
        }
    } else {
        responses.case.insert(q.id.value.clone(), r);
    }
}

/// Completes the open questions so that the need is as light (or as heavy)
/// as they allow, by trying each question's answers in turn until nothing
/// changes, from two starts (every question at its first answer, and at its
/// last). Ties go to fewer points, so the reasons stay small, and to a known
/// lower position (for the lightest) or an unknown one (for the heaviest),
/// because a cap at "what works now" needs a known position.
fn complete(
    bank: &Bank,
    base: &Responses,
    goal: usize,
    open: &[&Question],
    heaviest: bool,
    case_now: Now,
    considered: Option<usize>,
) -> (Responses, Eval) {
    let open_ids: Vec<&str> = open.iter().map(|q| q.id.value.as_str()).collect();
    let key = |e: &Eval| {
        let k = (e.need as i64, i64::from(e.points), i64::from(e.now_rank));
        if heaviest { k } else { (-k.0, -k.1, -k.2) }
    };
    let mut best: Option<(Responses, Eval)> = None;
    for from_last in [false, true] {
        let mut r = base.clone();
        for q in open {
            let c = candidates(q);
            let start = if from_last { c.last() } else { c.first() };
            set(
                &mut r,
                q,
                goal,
                start.cloned().unwrap_or(Response::DontKnow),
            );
        }
        let mut cur = evaluate(bank, &r, goal, case_now, considered, &open_ids);
        for _ in 0..4 {
            let mut changed = false;
            for q in open {
                let mut pick: Option<(Response, Eval)> = None;
                for c in candidates(q) {
                    set(&mut r, q, goal, c.clone());
                    let e = evaluate(bank, &r, goal, case_now, considered, &open_ids);
                    if pick.as_ref().is_none_or(|(_, b)| key(&e) > key(b)) {
                        pick = Some((c, e));
                    }
                }
                if let Some((c, e)) = pick {
                    if key(&e) > key(&cur) {
                        changed = true;
                    }
                    set(&mut r, q, goal, c);
                    cur = e;
                }
            }
            if !changed {
                break;
            }
        }
        if best.as_ref().is_none_or(|(_, b)| key(&cur) > key(b)) {
            best = Some((r, cur));
        }
    }
    best.unwrap_or_else(|| {
        let e = evaluate(bank, base, goal, case_now, considered, &open_ids);
        (base.clone(), e)
    })
}

// ---------------------------------------------------------------------------
// A goal
// ---------------------------------------------------------------------------

fn goal_outcome(
    bank: &Bank,
    responses: &Responses,
    goal: usize,
    case_now: Now,
    considered: Option<usize>,
    need_qs: &[&Question],
) -> GoalOutcome {
    let (now, from_case) = goal_now(bank, responses, goal, case_now);
    let open = open_questions(bank, responses, goal, need_qs);
    let open_ids: Vec<&str> = open.iter().map(|q| q.id.value.as_str()).collect();

    let (light_r, light, heavy) = if open.is_empty() {
        let e = evaluate(bank, responses, goal, case_now, considered, &[]);
        (None, e.clone(), e)
    } else {
        let (lr, le) = complete(bank, responses, goal, &open, false, case_now, considered);
        let (_, he) = complete(bank, responses, goal, &open, true, case_now, considered);
        (Some(lr), le, he)
    };
    let heavy_need = heavy.need.max(light.need);

    // Which open questions could, on their own, make it heavier.
    let mut heavier = Vec::new();
    if let Some(lr) = &light_r {
        for q in &open {
            let mut r = lr.clone();
            let up = candidates(q).into_iter().any(|c| {
                set(&mut r, q, goal, c);
                evaluate(bank, &r, goal, case_now, considered, &open_ids).need > light.need
            });
            if up {
                heavier.push(q.id.value.clone());
            }
        }
    }

    let (answered, core) = goal_core_counts(bank, responses, goal);
    let too_few =
        core == 0 || (answered as f64) < bank.scoring.too_few_below * core as f64 || answered == 0;
    let certainty = Certainty {
        level: level_of(too_few, heavy_need - light.need),
        answered,
        core,
        too_few,
        open: open_ids.iter().map(|s| (*s).to_owned()).collect(),
        heavier,
    };

    let reasons = reasons_of(bank, &light, &open_ids, heavy_need > light.need);
    let mut signals: Vec<String> = Vec::new();
    let mut actions = Vec::new();
    for q in bank.questions.iter().filter(|q| q.per_goal) {
        if !condition::shown(bank, q, responses, Some(goal)) {
            continue;
        }
        match responses.get(&q.id.value, Some(goal)) {
            Some(r) => push_answer_actions(q, r, &mut actions),
            None if certainty.heavier.contains(&q.id.value) => actions.push(Action::FindOut {
                question: q.id.value.clone(),
            }),
            None => {}
        }
    }
    for (k, (rule, _, _, _)) in light.limits.iter().enumerate() {
        let mut subjects = Vec::new();
        for c in &bank.scoring.rules[*rule].when {
            collect_questions(c, &mut subjects);
        }
        if subjects.iter().any(|q| open_ids.contains(q)) {
            continue;
        }
        if apply_limits(light.bounded, &light.limits, Some(k)) != light.need {
            let id = &bank.scoring.rules[*rule].id.value;
            if !signals.contains(id) {
                signals.push(id.clone());
            }
        }
    }
    for &i in &light.held {
        let rule = &bank.scoring.rules[i];
        signals.push(rule.id.value.clone());
        if rule.then.action.is_some() {
            actions.push(Action::Rule {
                rule: rule.id.value.clone(),
            });
        }
    }

    let mut direction = light
        .direction
        .unwrap_or_else(|| structural_direction(now, light.step, considered));
    if light.direction.is_none() {
        let heavy_dir = heavy
            .direction
            .unwrap_or_else(|| structural_direction(now, heavy.step.max(light.step), considered));
        if heavy_dir != direction {
            direction = Direction::Unknown;
        }
    }
    if considered.is_some_and(|c| c > light.step) {
        signals.push("lichter_dan_overwogen".to_owned());
    }
    if now == Now::Unknown {
        signals.push("nu_onbekend".to_owned());
        actions.push(Action::FindOutNow);
    }
    if too_few {
        signals.push("te_weinig".to_owned());
    }
    // A direction the bank gives an action (opschalen, afschalen, passend,
    // lichter dan overwogen); eerst afstemmen and the team's alignment get
    // theirs from their rule, onbekend from "find out how they work now".
    if matches!(
        direction,
        Direction::Up | Direction::Down | Direction::Fits | Direction::LighterThanConsidered
    ) && bank
        .direction(direction.id())
        .is_some_and(|d| d.action.is_some())
    {
        actions.push(Action::Direction {
            direction,
            step: light.step,
        });
    }
    // The professional's own choice leads what to do: the direction's
    // action goes from where the goal stands to the chosen step, and rule
    // actions that set a direction (eerst afstemmen) give way to it.
    if let Some(choice) = responses.goals[goal].override_.as_ref()
        && choice.step != light.step
    {
        actions.retain(|a| match a {
            Action::Direction { .. } => false,
            Action::Rule { rule } => !bank
                .scoring
                .rules
                .iter()
                .any(|r| r.id == rule.as_str() && rule_direction(r).is_some()),
            _ => true,
        });
        let chosen = structural_direction(now, choice.step, None);
        if bank
            .direction(chosen.id())
            .is_some_and(|d| d.action.is_some())
        {
            actions.push(Action::Direction {
                direction: chosen,
                step: choice.step,
            });
        }
    }
    if let Some(missing) = missing_parties(bank, responses, goal) {
        actions.push(missing);
    }

    let domains = bank
        .domains
        .iter()
        .filter(|d| {
            d.when
                .iter()
                .all(|c| condition::holds(bank, c, responses, Some(goal), Context::default()))
        })
        .map(|d| d.id.value.clone())
        .collect();

    GoalOutcome {
        advice: Advice {
            need: light.need,
            step: light.step,
            points: light.points,
            fits: (light.need, heavy_need),
            certainty,
            reasons,
        },
        current: now,
        current_from_case: from_case,
        direction,
        signals,
        actions,
        domains,
        stuck: known_condition(bank, bank.scoring.stuck.as_ref(), responses, goal),
        reached: known_condition(bank, bank.scoring.reached.as_ref(), responses, goal),
        override_: responses.goals[goal].override_.clone(),
    }
}

fn level_of(too_few: bool, spread: usize) -> CertaintyLevel {
    match (too_few, spread) {
        (true, _) => CertaintyLevel::Low,
        (false, 0) => CertaintyLevel::High,
        (false, 1) => CertaintyLevel::Medium,
        _ => CertaintyLevel::Low,
    }
}

/// `Some(true/false)` when the condition's question has a concrete answer.
fn known_condition(
    bank: &Bank,
    cond: Option<&crate::bank::Condition>,
    responses: &Responses,
    goal: usize,
) -> Option<bool> {
    let cond = cond?;
    let q = cond.question.as_ref()?;
    if !responses.get(&q.value, Some(goal))?.is_known() {
        return None;
    }
    Some(condition::holds(
        bank,
        cond,
        responses,
        Some(goal),
        Context::default(),
    ))
}

/// Only what moved the outcome: the base, the shift and the answers behind
/// it, a bound that held the step back, the family cap when it mattered,
/// every floor or cap that changed the need, and what to do first.
fn reasons_of(bank: &Bank, e: &Eval, open: &[&str], can_be_heavier: bool) -> Vec<Reason> {
    let mut out = Vec::new();
    // An open kind of question was counted at its lightest to find the
    // lightest outcome: that is not the professional's answer.
    let base_open = bank
        .base_question()
        .is_some_and(|q| open.contains(&q.id.value.as_str()));
    match e.base {
        _ if base_open => out.push(Reason::BaseOpen { step: e.base_step }),
        Some(option) => out.push(Reason::Base {
            option,
            step: e.base_step,
        }),
        None => out.push(Reason::BaseOpen { step: e.base_step }),
    }
    // A shift counts when it survived the bounds (or part of it did).
    let effective = i32::try_from(e.bounded).unwrap_or(0) - i32::try_from(e.base_step).unwrap_or(0);
    if e.shift != 0 && effective != 0 && effective.signum() == e.shift.signum() {
        let mut parts: Vec<Part> = e
            .goal_parts
            .iter()
            .chain(&e.family_parts)
            .filter(|p| p.points().signum() == e.shift.signum())
            .cloned()
            .collect();
        parts.sort_by_key(|p| std::cmp::Reverse(p.points().abs()));
        out.push(Reason::Shift {
            steps: effective,
            parts,
        });
    }
    if e.shifted != i32::try_from(e.bounded).unwrap_or(0) {
        out.push(Reason::Bound {
            high: e.shifted > i32::try_from(e.bounded).unwrap_or(0),
            step: e.bounded,
        });
    }
    // The family cap mattered when the uncapped points would have shifted
    // further (within the bounds).
    let family_max = bank.scoring.family.max_for(bank, e.base_step);
    if e.family_raw > family_max {
        let uncapped = e.points - family_max + e.family_raw;
        let further = i32::try_from(e.base_step).unwrap_or(0) + bank.shift_for(uncapped);
        let further = usize::try_from(further.max(0))
            .unwrap_or(0)
            .clamp(e.bounds.0, e.bounds.1.max(e.bounds.0));
        if further > e.bounded {
            out.push(Reason::FamilyCapped { max: family_max });
        }
    }
    // A floor with priority that binds wins over every cap: the cap is not
    // told beside it, or the two would contradict each other.
    let priority_binds = e
        .limits
        .iter()
        .enumerate()
        .any(|(k, l)| l.2 && l.3 && apply_limits(e.bounded, &e.limits, Some(k)) != e.need);
    // Likewise a cap that binds is the last word over an ordinary floor.
    let cap_binds = e
        .limits
        .iter()
        .enumerate()
        .any(|(k, l)| !l.2 && apply_limits(e.bounded, &e.limits, Some(k)) != e.need);
    for (k, (rule, _, floor, priority)) in e.limits.iter().enumerate() {
        if (priority_binds && !floor) || (!priority_binds && cap_binds && *floor && !priority) {
            continue;
        }
        let without = apply_limits(e.bounded, &e.limits, Some(k));
        // A rule that only holds because an open question was counted at
        // its lightest is not a fact about this family: the range says it.
        let mut subjects = Vec::new();
        for c in &bank.scoring.rules[*rule].when {
            collect_questions(c, &mut subjects);
        }
        if without == e.need || subjects.iter().any(|q| open.contains(q)) {
            continue;
        }
        let effect = if *floor {
            RuleEffect::Raised {
                from: without,
                to: e.need,
            }
        } else {
            RuleEffect::Capped {
                from: without,
                to: e.need,
            }
        };
        out.push(Reason::Rule {
            rule: bank.scoring.rules[*rule].id.value.clone(),
            effect,
        });
    }
    for &i in &e.held {
        let rule = &bank.scoring.rules[i];
        if rule.then.first.is_some() && e.step < e.need {
            out.push(Reason::Rule {
                rule: rule.id.value.clone(),
                effect: RuleEffect::First { to: e.step },
            });
        } else if rule.then.direction.is_some() && rule_direction(rule) == e.direction {
            out.push(Reason::Rule {
                rule: rule.id.value.clone(),
                effect: RuleEffect::Direction,
            });
        }
    }
    if out.len() == 1
        && matches!(out[0], Reason::Base { .. } | Reason::BaseOpen { .. })
        && e.need <= 1
        && !can_be_heavier
    {
        out.push(Reason::Light { step: e.need });
    }
    out
}

// ---------------------------------------------------------------------------
// The case
// ---------------------------------------------------------------------------

fn case_advice(
    bank: &Bank,
    responses: &Responses,
    goals: &[GoalOutcome],
    driving: Option<usize>,
    answered: usize,
    core: usize,
) -> Advice {
    let too_few = goals.is_empty()
        || core == 0
        || (answered as f64) < bank.scoring.too_few_below * core as f64;
    let last = bank.steps().len().saturating_sub(1);
    let Some(d) = driving else {
        return Advice {
            need: 0,
            step: 0,
            points: 0,
            fits: (0, last),
            certainty: Certainty {
                level: CertaintyLevel::Low,
                answered,
                core,
                too_few: true,
                open: Vec::new(),
                heavier: Vec::new(),
            },
            reasons: vec![Reason::BaseOpen { step: 0 }],
        };
    };
    let need = goals.iter().map(|g| g.advice.need).max().unwrap_or(0);
    let step = goals.iter().map(|g| g.advice.step).max().unwrap_or(0);
    let hi = goals.iter().map(|g| g.advice.fits.1).max().unwrap_or(need);
    let mut open: Vec<String> = Vec::new();
    let mut heavier: Vec<String> = Vec::new();
    for g in goals {
        for q in &g.advice.certainty.open {
            if !open.contains(q) {
                open.push(q.clone());
            }
        }
        // Only what can make the case (not just one light goal) heavier.
        if g.advice.fits.1 > need {
            for q in &g.advice.certainty.heavier {
                if !heavier.contains(q) {
                    heavier.push(q.clone());
                }
            }
        }
    }
    let _ = responses;
    Advice {
        need,
        step,
        points: goals[d].advice.points,
        fits: (need, hi.max(need)),
        certainty: Certainty {
            level: level_of(too_few, hi.max(need) - need),
            answered,
            core,
            too_few,
            open,
            heavier,
        },
        // The driving goal's reasons; what it does first holds for the case
        // only when the case does the same.
        reasons: goals[d]
            .advice
            .reasons
            .iter()
            .filter(|r| !matches!(r, Reason::Rule { effect: RuleEffect::First { to }, .. } if *to != step))
            .cloned()
            .collect(),
    }
}

fn order_given(bank: &Bank, responses: &Responses, perspective: &str) -> bool {
    bank.order_question(perspective)
        .and_then(|q| responses.case.get(&q.id.value))
        .is_some_and(|r| matches!(r, Response::Order(list) if !list.is_empty()))
}

/// Count of chosen options, weighted by `telt`.
fn count_of(q: &Question, chosen: &[usize]) -> u32 {
    chosen
        .iter()
        .filter_map(|i| q.options.get(*i))
        .map(|o| o.count_value())
        .sum()
}

/// Who is needed for this goal but not involved.
fn missing_parties(bank: &Bank, responses: &Responses, goal: usize) -> Option<Action> {
    let m = bank.scoring.missing.as_ref()?;
    let needed_q = bank.question(&m.needed.value)?;
    let involved_q = bank.question(&m.involved.value)?;
    let Some(Response::Options(needed)) = responses.get(&m.needed.value, Some(goal)) else {
        return None;
    };
    let Some(Response::Options(involved)) = responses.get(&m.involved.value, Some(goal)) else {
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
fn possible_and_gap(
    bank: &Bank,
    responses: &Responses,
    goals: &[GoalOutcome],
    need: usize,
) -> (Possible, Option<Gap>) {
    let mut limit: Option<usize> = None;
    let mut open = false;
    // The lightest step an open question could still limit things to: what
    // is possible whatever its answer turns out to be.
    let mut worst_open: Option<usize> = None;
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
        let limiting = q.options.iter().any(|o| o.possible_up_to.is_some());
        let chosen: Vec<usize> = match responses.case.get(&q.id.value) {
            Some(Response::Option(i)) => vec![*i],
            Some(Response::Options(v)) => v.clone(),
            Some(_) | None => {
                open |= limiting;
                if let Some(w) = q
                    .options
                    .iter()
                    .filter_map(|o| o.possible_up_to.as_ref())
                    .filter_map(|s| bank.step_index(&s.value))
                    .min()
                {
                    worst_open = Some(worst_open.map_or(w, |x: usize| x.min(w)));
                }
                continue;
            }
        };
        for i in chosen {
            let option = &q.options[i];
            if let Some(step) = option
                .possible_up_to
                .as_ref()
                .and_then(|s| bank.step_index(&s.value))
            {
                limit = Some(limit.map_or(step, |p| p.min(step)));
                if step < need {
                    limits.push((q.id.value.clone(), i));
                }
            }
            if option.gap.is_some() {
                sources.push((q.id.value.clone(), i));
            }
        }
    }
    // What is possible for sure: the known limit, lowered by the worst an
    // open question could say. When even that covers the need, the need is
    // known to be possible (one professional working alone always is).
    let sure = match (limit, worst_open) {
        (Some(l), Some(w)) => Some(l.min(w)),
        (l, w) => l.or(w),
    };
    let possible = match (limit, open) {
        _ if open && sure.is_some_and(|s| need <= s) => Possible::Known(sure.unwrap_or(need)),
        (None, _) => Possible::Unknown,
        (Some(l), false) => Possible::Known(l),
        (Some(l), true) => Possible::AtMost(l),
    };
    let Some(p) = possible.limit() else {
        return (possible, None);
    };
    if need <= p {
        return (possible, None);
    }
    let goals = goals
        .iter()
        .enumerate()
        .filter(|(_, g)| g.advice.need > p)
        .map(|(i, _)| i)
        .collect();
    let gap = Gap {
        need,
        possible: p,
        limits,
        sources,
        goals,
    };
    (possible, Some(gap))
}

fn scale_down(bank: &Bank, responses: &Responses, goals: &[GoalOutcome]) -> ScaleDown {
    let mut s = ScaleDown {
        stuck_reached: Vec::new(),
        stuck_open: Vec::new(),
        remaining: Vec::new(),
        unclear: Vec::new(),
        takeover: None,
    };
    for (i, g) in goals.iter().enumerate() {
        match (g.stuck, g.reached) {
            (Some(true), Some(true)) => s.stuck_reached.push(i),
            (Some(true), _) => s.stuck_open.push(i),
            (Some(false), _) => s.remaining.push(i),
            (None, _) => s.unclear.push(i),
        }
    }
    s.takeover =
        bank.scoring
            .takeover
            .as_ref()
            .and_then(|q| match responses.case.get(&q.value)? {
                Response::Option(i) => Some((q.value.clone(), *i)),
                _ => None,
            });
    s
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
