//! The scoring principles of PRODUCT.md, one test each, on a small bank with
//! round numbers (tests/fixtures/mini-bank.yaml). Thresholds there:
//! connectie 2, coordinatie 4, cooperatie 7, integratie 10; no margin.

use voorwie::advice::{self, Action, Direction, LighterBecause, Outcome, Reason, RuleEffect};
use voorwie::bank::Bank;
use voorwie::bank::load;
use voorwie::session;
use voorwie::session::load::parse_session;
use voorwie::session::resolve::resolve;
use voorwie::session::responses::Responses;

const MINI: &str = include_str!("fixtures/mini-bank.yaml");

fn bank() -> Bank {
    load::parse_bank(MINI, "mini-bank.yaml").unwrap_or_else(|e| panic!("{e}"))
}

/// A session with the given case answers and one goal per entry of
/// `goals` (label, answers), all as YAML mapping bodies.
fn session(case: &str, goals: &[(&str, &str)]) -> String {
    let mut s = String::from("versie: 1\nmoment: nieuwe_aanmelding\nantwoorden:\n");
    for line in case.lines().filter(|l| !l.trim().is_empty()) {
        s.push_str(&format!("  {}\n", line.trim()));
    }
    s.push_str("doelen:\n");
    for (label, answers) in goals {
        s.push_str(&format!("  - label: {label}\n    antwoorden:\n"));
        for line in answers.lines().filter(|l| !l.trim().is_empty()) {
            s.push_str(&format!("      {}\n", line.trim()));
        }
    }
    s
}

fn score_with(bank: &Bank, yaml: &str) -> (Responses, Outcome) {
    let s: session::Session =
        parse_session(yaml, "test.yaml").unwrap_or_else(|e| panic!("{e}\n{yaml}"));
    let (r, _) = resolve(bank, &s, "test.yaml").unwrap_or_else(|p| panic!("{p}\n{yaml}"));
    let o = advice::score(bank, &r);
    (r, o)
}

fn score(yaml: &str) -> Outcome {
    score_with(&bank(), yaml).1
}

const CASE: &str = "startvraag: ja\nsamenwerking: contact\nafstemming: goed";

fn one_goal(goal: &str) -> Outcome {
    score(&session(CASE, &[("Doel", goal)]))
}

fn has_rule(o: &Outcome, goal: usize, rule: &str) -> Option<RuleEffect> {
    o.goals[goal].advice.reasons.iter().find_map(|r| match r {
        Reason::Rule { rule: id, effect } if id == rule => Some(*effect),
        _ => None,
    })
}

#[test]
fn more_interdependence_never_lowers_the_step() {
    let steps: Vec<usize> = ["niet", "wat", "sterk", "verweven"]
        .iter()
        .map(|a| {
            one_goal(&format!(
                "partijen: [a, b]\nafhankelijk: {a}\nveiligheid: geen"
            ))
            .goals[0]
                .advice
                .need
        })
        .collect();
    assert!(steps.windows(2).all(|w| w[0] <= w[1]), "{steps:?}");
    assert!(steps[0] < steps[3], "{steps:?}");
    // 1 (two parties) + 6 (verweven) = 7 points: cooperatie.
    assert_eq!(steps[3], 3);
}

#[test]
fn the_number_of_parties_needed_counts_toward_the_need() {
    let points = |parties: &str| {
        one_goal(&format!(
            "partijen: [{parties}]\nafhankelijk: wat\nveiligheid: geen"
        ))
        .goals[0]
            .advice
            .points
    };
    assert_eq!(points("a, b"), 2 + 1);
    assert_eq!(points("a, b, c"), 2 + 2);
    // The family's own network is not a professional party.
    assert_eq!(points("a, b, netwerk"), 2 + 1);
}

#[test]
fn breadth_multiplies_family_members_by_life_domains() {
    let breadth = |leden: &str, gebieden: &str| {
        let o = score(&session(
            &format!("{CASE}\nleden: [{leden}]\ngebieden: [{gebieden}]"),
            &[(
                "Doel",
                "partijen: [a, b]\nafhankelijk: niet\nveiligheid: geen",
            )],
        ));
        o.goals[0].advice.reasons.iter().find_map(|r| match r {
            Reason::Combination {
                factors, points, ..
            } => Some((factors.clone(), *points)),
            _ => None,
        })
    };
    assert_eq!(breadth("kind", "wonen"), None, "1 × 1 adds nothing");
    assert_eq!(breadth("ouders", "wonen, geld"), Some((vec![2, 2], 1)));
    assert_eq!(
        breadth("kind, ouders", "wonen, geld, school"),
        Some((vec![3, 3], 2))
    );
}

#[test]
fn draagkracht_versus_draaglast_moves_the_need_both_ways() {
    let points = |d: &str| {
        score(&session(
            &format!("{CASE}\ndraagkracht: {d}"),
            &[(
                "Doel",
                "partijen: [a, b]\nafhankelijk: wat\nveiligheid: geen",
            )],
        ))
        .goals[0]
            .advice
            .points
    };
    assert_eq!(points("balans") - points("ruim"), 1);
    assert_eq!(points("last") - points("balans"), 1);
}

#[test]
fn acute_safety_sets_a_floor_and_says_so() {
    let safe = one_goal("partijen: [a, b]\nafhankelijk: niet\nveiligheid: geen");
    assert_eq!(safe.goals[0].advice.need, 0);
    let unsafe_ = one_goal("partijen: [a, b]\nafhankelijk: niet\nveiligheid: acuut");
    assert_eq!(unsafe_.goals[0].advice.need, 2);
    // Its own point makes connectie; the floor raises it to coördinatie.
    assert_eq!(
        has_rule(&unsafe_, 0, "acuut"),
        Some(RuleEffect::Raised { from: 1, to: 2 })
    );
}

#[test]
fn caps_bound_the_need_and_a_floor_wins_over_a_cap() {
    // One party: at most connectie, however interdependent.
    let capped = one_goal("partijen: [a]\nafhankelijk: verweven\nveiligheid: geen");
    assert_eq!(capped.goals[0].advice.need, 1);
    assert_eq!(
        has_rule(&capped, 0, "een_partij"),
        Some(RuleEffect::Capped { from: 2, to: 1 })
    );
    // "No goals need different professionals" caps every goal.
    let start_no = score(&session(
        "startvraag: nee\nsamenwerking: contact",
        &[(
            "Doel",
            "partijen: [a, b, c]\nafhankelijk: verweven\nveiligheid: geen",
        )],
    ));
    assert_eq!(start_no.goals[0].advice.need, 1);
    // Safety first: the floor wins.
    let both = one_goal("partijen: [a]\nafhankelijk: niet\nveiligheid: acuut");
    assert_eq!(both.goals[0].advice.need, 2);
}

#[test]
fn the_current_step_and_the_direction() {
    let with = |samenwerking: &str, afhankelijk: &str| {
        score(&session(
            &format!("startvraag: ja\nsamenwerking: {samenwerking}\nafstemming: goed"),
            &[(
                "Doel",
                &format!("partijen: [a, b]\nafhankelijk: {afhankelijk}\nveiligheid: geen"),
            )],
        ))
    };
    let fits = with("contact", "wat"); // 3 points: connectie, as now
    assert_eq!(
        (fits.current, fits.case.now, fits.direction),
        (Some(1), 1, Direction::Fits)
    );
    let up = with("contact", "sterk"); // 5 points: coordinatie
    assert_eq!(
        (up.current, up.case.now, up.direction),
        (Some(1), 2, Direction::Up)
    );
    let down = with("team", "wat");
    assert_eq!((down.current, down.direction), (Some(3), Direction::Down));
    let none = with("geen_hulp", "wat");
    assert_eq!((none.current, none.direction), (None, Direction::Up));
}

#[test]
fn high_need_without_alignment_means_align_first() {
    let high = "partijen: [a, b, c]\nafhankelijk: verweven\nveiligheid: geen"; // 8: cooperatie
    let o = score(&session(
        "startvraag: ja\nsamenwerking: los\nafstemming: geen",
        &[("Doel", high)],
    ));
    let g = &o.goals[0];
    assert_eq!(g.advice.need, 3);
    assert_eq!(g.advice.now, 2, "first coördinatie among those involved");
    assert_eq!(g.direction, Direction::AlignFirst);
    assert_eq!(o.direction, Direction::AlignFirst);
    assert_eq!(o.case.now, 2);
    assert!(g.actions.contains(&Action::Rule {
        rule: "eerst_afstemmen".into()
    }));

    // Partners who do align: go ahead.
    let aligned = score(&session(
        "startvraag: ja\nsamenwerking: los\nafstemming: goed",
        &[("Doel", high)],
    ));
    assert_eq!((aligned.case.now, aligned.direction), (3, Direction::Up));
    // Nobody involved yet: nothing to align.
    let nobody = score(&session(
        "startvraag: ja\nsamenwerking: geen_hulp\nafstemming: geen",
        &[("Doel", high)],
    ));
    assert_eq!(nobody.direction, Direction::Up);
}

#[test]
fn organisation_and_policy_answers_never_change_the_need() {
    let goal = "partijen: [a, b, c]\nafhankelijk: verweven\nveiligheid: acuut";
    let base = score(&session(CASE, &[("Doel", goal)]));
    for mogelijk in ["alles", "plan", "contact", "weet_niet", "overgeslagen"] {
        for waar in ["", "waar: tijd", "waar: geld", "waar: weet_niet"] {
            let o = score(&session(
                &format!("{CASE}\nmogelijk: {mogelijk}\n{waar}"),
                &[("Doel", goal)],
            ));
            assert_eq!(
                o.goals[0].advice, base.goals[0].advice,
                "mogelijk: {mogelijk}, {waar}"
            );
            assert_eq!(o.case, base.case);
        }
    }
}

#[test]
fn a_gap_shows_needed_versus_possible_and_where_to_take_it() {
    let goal = "partijen: [a, b, c]\nafhankelijk: verweven\nveiligheid: geen"; // cooperatie
    let o = score(&session(
        &format!("{CASE}\nmogelijk: plan\nwaar: geld"),
        &[("Doel", goal)],
    ));
    let gap = o.gap.expect("a gap");
    assert_eq!((gap.need, gap.possible), (3, 2));
    assert_eq!(gap.limits, vec![("mogelijk".to_owned(), 1)]);
    assert_eq!(gap.sources, vec![("waar".to_owned(), 1)]);
    assert_eq!(gap.goals, vec![0]);
    let none = score(&session(
        &format!("{CASE}\nmogelijk: alles"),
        &[("Doel", goal)],
    ));
    assert!(none.gap.is_none());
}

#[test]
fn dont_know_is_not_zero() {
    let zero = one_goal("partijen: [a, b]\nafhankelijk: niet\nveiligheid: geen");
    let unknown = one_goal("partijen: [a, b]\nafhankelijk: weet_niet\nveiligheid: geen");
    let (z, u) = (&zero.goals[0], &unknown.goals[0]);
    // Same known points, but the range stays open...
    assert_eq!(z.advice.points, u.advice.points);
    assert_eq!(z.advice.points_high, z.advice.points);
    assert_eq!(u.advice.points_high, u.advice.points + 6);
    // ...certainty drops...
    assert!(u.advice.certainty.share < z.advice.certainty.share);
    assert_eq!(z.advice.certainty.share, 1.0);
    // ...it is named as a reason...
    assert!(u.advice.reasons.iter().any(
        |r| matches!(r, Reason::Unknown { question, high: 6, .. } if question == "afhankelijk")
    ));
    // ...and it becomes an action point: find out.
    assert!(u.actions.contains(&Action::FindOut {
        question: "afhankelijk".into()
    }));
    assert!(
        !z.actions
            .iter()
            .any(|a| matches!(a, Action::FindOut { .. }))
    );
    assert_eq!(unknown.dont_know, 1);
}

#[test]
fn answers_that_fit_two_steps_get_the_lighter_one_because_of_unknowns() {
    // 1 point known; the unknown could add 6: segregatie up to cooperatie.
    let o = one_goal("partijen: [a, b]\nafhankelijk: weet_niet\nveiligheid: geen");
    let a = &o.goals[0].advice;
    assert_eq!(a.need, 0);
    assert_eq!(a.fits, (0, 3));
    assert!(a.reasons.contains(&Reason::Lighter {
        lighter: 0,
        heavier: 3,
        because: LighterBecause::Unknown
    }));
}

#[test]
fn answers_just_over_a_threshold_fit_two_steps_and_get_the_lighter_one() {
    // 2 + 2 = 4: exactly the coordinatie threshold.
    let goal = [(
        "Doel",
        "partijen: [a, b, c]\nafhankelijk: wat\nveiligheid: geen",
    )];
    let without_margin = score(&session(CASE, &goal));
    assert_eq!(without_margin.goals[0].advice.need, 2);

    let with_margin =
        load::parse_bank(&MINI.replace("grensmarge: 0", "grensmarge: 1"), "m.yaml").unwrap();
    let (_, o) = score_with(&with_margin, &session(CASE, &goal));
    let a = &o.goals[0].advice;
    assert_eq!(a.need, 1, "within the margin: the lighter step");
    assert_eq!(a.fits, (1, 2));
    assert!(a.reasons.contains(&Reason::Lighter {
        lighter: 1,
        heavier: 2,
        because: LighterBecause::Margin
    }));
}

#[test]
fn every_answer_that_moved_the_suggestion_is_named() {
    let o = score(&session(
        &format!(
            "{CASE}\nleden: [kind, ouders]\ngebieden: [wonen, geld, school]\ndraagkracht: last"
        ),
        &[(
            "Doel",
            "partijen: [a, b]\nafhankelijk: sterk\nveiligheid: acuut",
        )],
    ));
    let reasons = &o.goals[0].advice.reasons;
    let named = |q: &str| {
        reasons.iter().any(|r| match r {
            Reason::Answer { question, .. } | Reason::Count { question, .. } => question == q,
            Reason::Combination { id, .. } => id == q,
            _ => false,
        })
    };
    for q in [
        "partijen",
        "afhankelijk",
        "veiligheid",
        "draagkracht",
        "breedte",
    ] {
        assert!(named(q), "{q} is not named in {reasons:?}");
    }
    // The points of the named answers add up to the points.
    let sum: i32 = reasons.iter().map(Reason::points).sum();
    assert_eq!(sum, o.goals[0].advice.points);
    // Most weight first.
    assert!(matches!(&reasons[0], Reason::Answer { question, .. } if question == "afhankelijk"));
}

#[test]
fn there_is_always_a_reason() {
    let o = one_goal("partijen: [a, b]\nafhankelijk: niet\nveiligheid: geen");
    assert_eq!(o.goals[0].advice.need, 0);
    assert!(!o.goals[0].advice.reasons.is_empty());
}

#[test]
fn each_goal_gets_its_own_step_and_the_heaviest_sets_the_case() {
    let o = score(&session(
        &format!("{CASE}\nprio_gezin: [Licht, Zwaar]\nprio_hulp: [Zwaar, Licht]"),
        &[
            (
                "Zwaar",
                "partijen: [a, b]\nafhankelijk: sterk\nveiligheid: geen",
            ),
            (
                "Licht",
                "partijen: [a, b]\nafhankelijk: niet\nveiligheid: geen",
            ),
        ],
    ));
    assert_eq!(o.goals[0].advice.need, 2);
    assert_eq!(o.goals[1].advice.need, 0);
    assert_eq!(o.case.need, 2);
    assert_eq!(o.driving_goal, Some(0));
    assert_eq!(o.order_family, vec![1, 0]);
    assert_eq!(o.order_care, vec![0, 1]);
    assert!(o.orders_differ);
}

#[test]
fn on_a_tie_the_familys_first_goal_sets_the_case() {
    let same = "partijen: [a, b]\nafhankelijk: wat\nveiligheid: geen";
    let o = score(&session(
        &format!("{CASE}\nprio_gezin: [B, A]\nprio_hulp: [B, A]"),
        &[("A", same), ("B", same)],
    ));
    assert_eq!(o.driving_goal, Some(1));
    assert!(!o.orders_differ);
}

#[test]
fn an_override_is_kept_beside_the_suggestion() {
    let yaml = session(
        CASE,
        &[(
            "Doel",
            "partijen: [a, b]\nafhankelijk: wat\nveiligheid: geen",
        )],
    ) + "overschrijving:\n  stap: integratie\n  reden: Het gezin vraagt zelf om één team.\n";
    let o = score(&yaml);
    let chosen = o.override_.expect("override");
    assert_eq!(chosen.step, 4);
    assert_eq!(chosen.reason, "Het gezin vraagt zelf om één team.");
    assert_eq!(o.case.now, 1, "the suggestion itself is unchanged");
}

#[test]
fn a_reached_goal_means_scaling_down_at_that_moment_only() {
    let goal = "partijen: [a, b, c]\nafhankelijk: verweven\nveiligheid: geen\nbehaald: ja";
    let at_afschalen =
        score(&session(CASE, &[("Doel", goal)]).replace("nieuwe_aanmelding", "afschalen"));
    assert_eq!(at_afschalen.goals[0].advice.need, 1);
    assert!(at_afschalen.goals[0].actions.contains(&Action::Rule {
        rule: "behaald".into()
    }));
    // Not asked at a new referral, so the answer is not used.
    let b = bank();
    let s = parse_session(&session(CASE, &[("Doel", goal)]), "t.yaml").unwrap();
    let (r, warnings) = resolve(&b, &s, "t.yaml").unwrap();
    assert!(
        warnings.to_string().contains("hoort niet bij dit moment"),
        "{warnings}"
    );
    assert_eq!(advice::score(&b, &r).goals[0].advice.need, 3);
}

#[test]
fn parties_needed_but_not_involved_become_an_action() {
    let o = score(&session(
        &format!("{CASE}\nbetrokken: [a]"),
        &[(
            "Doel",
            "partijen: [a, b, netwerk]\nafhankelijk: wat\nveiligheid: geen",
        )],
    ));
    assert!(
        o.goals[0]
            .actions
            .contains(&Action::Missing { parties: vec![1] }),
        "{:?}",
        o.goals[0].actions
    );
}

#[test]
fn scoring_is_a_pure_function() {
    let b = bank();
    let yaml = session(
        CASE,
        &[(
            "Doel",
            "partijen: [a, b]\nafhankelijk: weet_niet\nveiligheid: geen",
        )],
    );
    let (r, first) = score_with(&b, &yaml);
    assert_eq!(advice::score(&b, &r), first);
    assert_eq!(advice::score(&b, &r), advice::score(&b, &r.clone()));
}
