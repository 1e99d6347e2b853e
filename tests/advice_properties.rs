//! Properties of the advice over generated answer sets (the default bank):
//! monotone scales, organisation never changing the need, one party at most
//! connectie unless safety, an honest range for every open question, and no
//! contradictory output.

mod common;

use common::{cases, default_bank, valid_session};
use proptest::prelude::*;
use voorwie::advice::{self, Action, Direction, Now, Outcome, Reason, RuleEffect};
use voorwie::bank::{Bank, Kind};
use voorwie::session::load::parse_session;
use voorwie::session::resolve::resolve;
use voorwie::session::responses::{Response, Responses};

fn scored(text: &str) -> (Responses, Outcome) {
    let b = default_bank();
    let session = parse_session(text, "prop.json").unwrap();
    let (r, _) = resolve(b, &session, "prop.json")
        .unwrap_or_else(|p| panic!("a valid session was refused: {p}\n{text}"));
    let o = advice::score(b, &r);
    (r, o)
}

fn set(r: &mut Responses, b: &Bank, q: &str, goal: usize, resp: Response) {
    if b.question(q).is_some_and(|x| x.per_goal) {
        r.goals[goal].responses.insert(q.to_owned(), resp);
    } else {
        r.case.insert(q.to_owned(), resp);
    }
}

proptest! {
    #![proptest_config(cases(120))]

    /// Raising the answer to a scale question (one option further along the
    /// scale) never makes a goal lighter.
    #[test]
    fn scales_are_monotone_in_the_order_options_are_shown(text in valid_session(), pick in any::<u32>()) {
        let b = default_bank();
        let (r, o) = scored(&text);
        prop_assume!(!r.goals.is_empty());
        let g = pick as usize % r.goals.len();
        for q in b.all_questions().filter(|q| q.kind.value == Kind::Scale && !q.is_organisational()) {
            let Some(Response::Option(i)) = r.get(&q.id.value, Some(g)).cloned() else { continue };
            if i + 1 >= q.options.len() {
                continue;
            }
            let mut up = r.clone();
            set(&mut up, b, &q.id.value, g, Response::Option(i + 1));
            let o2 = advice::score(b, &up);
            prop_assert!(
                o2.goals[g].advice.need >= o.goals[g].advice.need,
                "{}: {} -> {} made the need lighter", q.id.value,
                q.options[i].id.value, q.options[i + 1].id.value
            );
        }
    }

    /// For every open question, every concrete answer gives a need inside
    /// the stated range: the range holds every outcome, rules included.
    #[test]
    fn the_range_holds_every_concrete_answer(text in valid_session(), pick in any::<u32>()) {
        let b = default_bank();
        let (r, o) = scored(&text);
        prop_assume!(!r.goals.is_empty());
        let g = pick as usize % r.goals.len();
        let (lo, hi) = o.goals[g].advice.fits;
        for qid in o.goals[g].advice.certainty.open.clone() {
            let q = b.question(&qid).unwrap();
            let candidates: Vec<Response> = match q.kind.value {
                Kind::Multi => (0..q.options.len()).map(|i| Response::Options(vec![i])).collect(),
                _ => (0..q.options.len()).map(Response::Option).collect(),
            };
            for c in candidates {
                let mut filled = r.clone();
                set(&mut filled, b, &qid, g, c.clone());
                let n = advice::score(b, &filled).goals[g].advice.need;
                prop_assert!(
                    lo <= n && n <= hi,
                    "{qid} = {c:?} gives {n}, outside {lo}..={hi}"
                );
            }
        }
    }

    #[test]
    fn organisation_and_policy_never_change_the_need(text in valid_session()) {
        let b = default_bank();
        let (r, o) = scored(&text);
        let mut without = r.clone();
        without.case.retain(|id, _| b.question(id).is_none_or(|q| !q.is_organisational()));
        let o2 = advice::score(b, &without);
        prop_assert_eq!(o.case.need, o2.case.need);
        for (a, c) in o.goals.iter().zip(&o2.goals) {
            prop_assert_eq!(a.advice.need, c.advice.need);
            prop_assert_eq!(a.advice.fits, c.advice.fits);
        }
    }

    /// One party needed: at most connectie, unless safety sets a floor.
    #[test]
    fn one_party_is_at_most_connectie_unless_safety(text in valid_session()) {
        let b = default_bank();
        let (r, o) = scored(&text);
        let parties = b.question("doel_partijen").unwrap();
        let safety = b.question("doel_veiligheid").unwrap();
        for (g, go) in o.goals.iter().enumerate() {
            let Some(Response::Options(chosen)) = r.get("doel_partijen", Some(g)) else { continue };
            let count: u32 = chosen.iter().map(|i| parties.options[*i].count_value()).sum();
            let floor = match r.get("doel_veiligheid", Some(g)) {
                Some(Response::Option(i)) => ["maatregel", "acuut"].contains(&safety.options[*i].id.value.as_str()),
                // Open: its heaviest answer could set the floor.
                _ => true,
            };
            if count <= 1 && !floor {
                prop_assert!(go.advice.need <= 1, "one party, need {}", go.advice.need);
            }
        }
    }

    /// Nothing the outcome says contradicts itself.
    #[test]
    fn no_contradictory_output(text in valid_session()) {
        let b = default_bank();
        let (r, o) = scored(&text);
        let tried = b.question("doel_geprobeerd").unwrap();
        let check = |g: Option<usize>, dir: Direction, now: Now, advice: &advice::Advice, actions: &[Action]| -> Result<(), TestCaseError> {
            if dir == Direction::AlignFirst {
                prop_assert!(!matches!(now, Now::Step(s) if s >= 3), "eerst afstemmen beside a team");
                if let Some(g) = g
                    && let Some(Response::Option(i)) = r.get("doel_geprobeerd", Some(g))
                {
                    let id = tried.options[*i].id.value.as_str();
                    prop_assert!(
                        id != "coordinatie_onvoldoende" && id != "intensief_onvoldoende",
                        "eerst afstemmen after coordination failed"
                    );
                }
            }
            for a in actions {
                if let Action::Direction { direction: Direction::Down, .. } = a {
                    prop_assert_eq!(dir, Direction::Down, "schaal af only with afschalen");
                }
            }
            prop_assert!(advice.step <= advice.need);
            prop_assert!(advice.fits.0 == advice.need && advice.fits.0 <= advice.fits.1);
            for reason in &advice.reasons {
                match reason {
                    Reason::Rule { effect: RuleEffect::Raised { from, to } | RuleEffect::Capped { from, to }, .. } => {
                        prop_assert!(from != to, "a rule that did not bind is no reason");
                        prop_assert_eq!(*to, advice.need, "a binding rule set the need");
                    }
                    Reason::Rule { effect: RuleEffect::First { to }, .. } => {
                        prop_assert!(*to == advice.step && advice.step < advice.need);
                    }
                    _ => {}
                }
            }
            // Raised and capped at once would contradict each other.
            let raised = advice.reasons.iter().any(|x| matches!(x, Reason::Rule { effect: RuleEffect::Raised { .. }, .. }));
            let capped = advice.reasons.iter().any(|x| matches!(x, Reason::Rule { effect: RuleEffect::Capped { .. }, .. }));
            prop_assert!(!(raised && capped), "{:?}", advice.reasons);
            Ok(())
        };
        for (g, go) in o.goals.iter().enumerate() {
            check(Some(g), go.direction, go.current, &go.advice, &go.actions)?;
            if go.current == Now::Unknown {
                prop_assert!(
                    !matches!(go.direction, Direction::Up | Direction::Down | Direction::Fits),
                    "a direction from an unknown now"
                );
            }
        }
        check(None, o.direction, o.current, &o.case, &o.actions)?;
        if o.current == Now::Unknown && !o.goals.is_empty() {
            prop_assert!(!matches!(o.direction, Direction::Up | Direction::Down | Direction::Fits));
        }
    }
}
