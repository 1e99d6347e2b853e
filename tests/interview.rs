//! The interview, driven through an injected prompter: a script that answers
//! by question title, records every prompt, and stops (like Ctrl-C) when told
//! to.

use std::cell::RefCell;
use std::collections::VecDeque;

use voorwie::advice;
use voorwie::bank::Bank;
use voorwie::bank::load;
use voorwie::base::error::{Error, Result};
use voorwie::interview::{Depth, Interview, Prompt, Prompter, Reply};
use voorwie::session::resolve::resolve;
use voorwie::session::{Answer, Session};

const MINI: &str = include_str!("fixtures/mini-bank.yaml");

fn mini() -> Bank {
    load::parse_bank(MINI, "mini-bank.yaml").unwrap()
}

/// What the script does at a prompt.
#[derive(Clone, Debug)]
enum Do {
    Pick(usize),
    Many(Vec<usize>),
    Type(&'static str),
    Back,
    Skip,
    Help,
    /// Stop the session here, as Ctrl-C would.
    Stop,
}

/// Answers prompts whose title contains a key, in order of the queue per
/// key; anything else gets the first item (or an empty text).
#[derive(Default)]
struct Script {
    rules: Vec<(&'static str, VecDeque<Do>)>,
    seen: Vec<String>,
    shown: Vec<String>,
}

impl Script {
    fn on(mut self, title: &'static str, actions: &[Do]) -> Self {
        self.rules.push((title, actions.iter().cloned().collect()));
        self
    }

    fn next(&mut self, prompt: &Prompt) -> Option<Do> {
        self.seen.push(prompt.title.clone());
        assert!(
            self.seen.len() < 500,
            "the interview keeps asking: {:?}",
            &self.seen[480..]
        );
        self.rules
            .iter_mut()
            .find(|(key, queue)| prompt.title.contains(key) && !queue.is_empty())
            .and_then(|(_, q)| q.pop_front())
    }

    fn count(&self, title: &str) -> usize {
        self.seen.iter().filter(|t| t.contains(title)).count()
    }
}

impl Prompter for Script {
    fn show(&mut self, text: &str) -> Result<()> {
        self.shown.push(text.to_owned());
        Ok(())
    }

    fn choose(&mut self, prompt: &Prompt) -> Result<Reply<usize>> {
        Ok(match self.next(prompt) {
            None => Reply::Answer(0),
            Some(Do::Pick(i)) => Reply::Answer(i),
            Some(Do::Back) => Reply::Back,
            Some(Do::Skip) => Reply::Skip,
            Some(Do::Help) => Reply::Help,
            Some(Do::Stop) => return Err(Error::Interrupted),
            Some(other) => panic!("{other:?} at a single choice: {}", prompt.title),
        })
    }

    fn choose_many(&mut self, prompt: &Prompt) -> Result<Reply<Vec<usize>>> {
        Ok(match self.next(prompt) {
            None => Reply::Answer(vec![0]),
            Some(Do::Many(v)) => Reply::Answer(v),
            Some(Do::Back) => Reply::Back,
            Some(Do::Skip) => Reply::Skip,
            Some(Do::Help) => Reply::Help,
            Some(Do::Stop) => return Err(Error::Interrupted),
            Some(other) => panic!("{other:?} at a multiple choice: {}", prompt.title),
        })
    }

    fn text(&mut self, prompt: &Prompt) -> Result<Reply<String>> {
        Ok(match self.next(prompt) {
            None => Reply::Answer(String::new()),
            Some(Do::Type(t)) => Reply::Answer(t.to_owned()),
            Some(Do::Back) => Reply::Back,
            Some(Do::Skip) => Reply::Skip,
            Some(Do::Help) => Reply::Help,
            Some(Do::Stop) => return Err(Error::Interrupted),
            Some(other) => panic!("{other:?} at a text: {}", prompt.title),
        })
    }
}

/// Two goals, entered as "Schulden" and "School".
fn with_goals(script: Script) -> Script {
    script
        .on("Doel 1", &[Do::Type("Schulden")])
        .on("Doel 2", &[Do::Type("School")])
        .on("Doel 3", &[Do::Type("")])
}

fn run(bank: &Bank, depth: Depth, script: &mut Script) -> (Result<Session>, Vec<Session>) {
    let saved = RefCell::new(Vec::new());
    let result = Interview::new(bank, depth, Session::new(), |s| {
        saved.borrow_mut().push(s.clone());
        Ok(())
    })
    .run(script);
    (result, saved.into_inner())
}

fn answer(s: &Session, id: &str) -> Option<Answer> {
    s.answers.get(id).map(|a| a.value.clone())
}

fn goal_answer(s: &Session, goal: usize, id: &str) -> Option<Answer> {
    s.goals[goal].answers.get(id).map(|a| a.value.clone())
}

fn one(s: &str) -> Option<Answer> {
    Some(Answer::One(s.to_owned()))
}

#[test]
fn a_whole_session_answers_every_question_and_scores() {
    let bank = mini();
    let mut script = with_goals(Script::default())
        .on("Volgorde gezin", &[Do::Pick(1)])
        .on("Volgorde hulpverlening", &[Do::Pick(0)])
        .on("Hoe afhankelijk", &[Do::Pick(2), Do::Pick(1)])
        .on("Wat is mogelijk", &[Do::Pick(1)])
        .on("Wat gebeurt er", &[Do::Type("Schuldhulp loopt.")]);
    let (result, saved) = run(&bank, Depth::Full, &mut script);
    let s = result.unwrap();

    assert_eq!(
        s.moment.as_ref().map(|m| m.value.as_str()),
        Some("nieuwe_aanmelding")
    );
    assert_eq!(
        s.goals
            .iter()
            .map(|g| g.label.value.as_str())
            .collect::<Vec<_>>(),
        ["Schulden", "School"]
    );
    assert_eq!(
        answer(&s, "prio_gezin"),
        Some(Answer::Many(vec!["School".into(), "Schulden".into()]))
    );
    assert_eq!(
        answer(&s, "prio_hulp"),
        Some(Answer::Many(vec!["Schulden".into(), "School".into()]))
    );
    // Per-goal questions go in the family's order: School first.
    assert_eq!(goal_answer(&s, 1, "afhankelijk"), one("sterk"));
    assert_eq!(goal_answer(&s, 0, "afhankelijk"), one("wat"));
    assert_eq!(answer(&s, "notitie"), one("Schuldhulp loopt."));
    // `waar` is asked because `mogelijk` limits what is possible.
    assert_eq!(answer(&s, "mogelijk"), one("plan"));
    assert!(answer(&s, "waar").is_some());
    // Every step was saved as it was answered.
    assert!(saved.len() >= 15, "{}", saved.len());
    assert_eq!(saved.last().map(|x| x.answers.len()), Some(s.answers.len()));

    let (r, warnings) = resolve(&bank, &s, "sessie").unwrap();
    assert!(warnings.list.is_empty(), "{warnings}");
    let o = advice::score(&bank, &r);
    assert_eq!(o.goals.len(), 2);
    assert!(o.orders_differ);
}

#[test]
fn quick_mode_leaves_out_the_deepening() {
    let bank = mini();
    let mut script = with_goals(Script::default());
    let (result, _) = run(&bank, Depth::Quick, &mut script);
    let s = result.unwrap();
    assert!(answer(&s, "draagkracht").is_none());
    assert!(answer(&s, "notitie").is_none());
    assert_eq!(script.count("Draagkracht"), 0);
    assert!(
        answer(&s, "mogelijk").is_some(),
        "the organisation level is never left out"
    );
}

#[test]
fn back_goes_to_the_previous_question_and_keeps_the_new_answer() {
    let bank = mini();
    // At "Veiligheid?" of the first goal, go back and change "Hoe afhankelijk?".
    let mut script = with_goals(Script::default())
        .on("Veiligheid", &[Do::Back])
        .on("Hoe afhankelijk", &[Do::Pick(1), Do::Pick(3)]);
    let (result, _) = run(&bank, Depth::Full, &mut script);
    let s = result.unwrap();
    assert_eq!(goal_answer(&s, 0, "afhankelijk"), one("verweven"));
    assert_eq!(
        script.count("Hoe afhankelijk"),
        3,
        "asked twice for goal 1, once for goal 2"
    );
}

#[test]
fn skip_help_and_dont_know() {
    let bank = mini();
    let mut script = with_goals(Script::default())
        .on("Draagkracht", &[Do::Skip])
        .on(
            "Wie is nodig",
            &[Do::Help, Do::Many(vec![0, 1]), Do::Many(vec![4])],
        )
        .on("Hoe nu", &[Do::Pick(5)]);
    let (result, _) = run(&bank, Depth::Full, &mut script);
    let s = result.unwrap();
    assert_eq!(answer(&s, "draagkracht"), one("overgeslagen"));
    // Option 5 of five options is "Weet ik niet".
    assert_eq!(answer(&s, "samenwerking"), one("weet_niet"));
    assert_eq!(
        goal_answer(&s, 0, "partijen"),
        Some(Answer::Many(vec!["a".into(), "b".into()]))
    );
    // Index 4 of four options is "Weet ik niet" for a multiple choice.
    assert_eq!(goal_answer(&s, 1, "partijen"), one("weet_niet"));
    // Help showed something, then asked the same question again.
    assert_eq!(script.count("Wie is nodig"), 3);
    assert!(!script.shown.is_empty());
}

#[test]
fn dont_know_cannot_be_combined_with_other_choices() {
    let bank = mini();
    let mut script = with_goals(Script::default())
        .on("Wie is nodig", &[Do::Many(vec![0, 4]), Do::Many(vec![2])]);
    let (result, _) = run(&bank, Depth::Quick, &mut script);
    let s = result.unwrap();
    assert_eq!(
        goal_answer(&s, 0, "partijen"),
        Some(Answer::Many(vec!["c".into()]))
    );
    assert!(script.shown.iter().any(|t| t.contains("Weet ik niet")));
}

#[test]
fn questions_appear_only_when_their_condition_holds() {
    let bank = mini();
    let mut script = with_goals(Script::default()).on("Wat is mogelijk", &[Do::Pick(0)]);
    let (result, _) = run(&bank, Depth::Full, &mut script);
    let s = result.unwrap();
    assert!(answer(&s, "waar").is_none());
    assert_eq!(script.count("Waar zit het"), 0);
    // `behaald` belongs to the afschalen moment only.
    assert_eq!(script.count("Behaald"), 0);
}

#[test]
fn goal_entry_needs_a_goal_refuses_duplicates_and_allows_retyping() {
    let bank = mini();
    let mut script = Script::default()
        // An empty first goal is refused; "<" at goal 2 takes goal 1 back
        // to retype it.
        .on(
            "Doel 1",
            &[Do::Type(""), Do::Type("Schulden"), Do::Type("Werk")],
        )
        .on("Doel 2", &[Do::Type("schulden"), Do::Back, Do::Type("")]);
    let (result, _) = run(&bank, Depth::Quick, &mut script);
    let s = result.unwrap();
    let labels: Vec<&str> = s.goals.iter().map(|g| g.label.value.as_str()).collect();
    assert_eq!(labels, ["Werk"]);
    assert!(script.shown.iter().any(|t| t.contains("minstens één doel")));
    assert!(
        script.shown.iter().any(|t| t.contains("staat er al")),
        "duplicates are refused case-insensitively"
    );
}

#[test]
fn an_interrupted_session_has_saved_every_answer_given() {
    let bank = mini();
    let mut script = with_goals(Script::default())
        .on("Hoe afhankelijk", &[Do::Pick(2)])
        .on("Veiligheid", &[Do::Stop]);
    let (result, saved) = run(&bank, Depth::Full, &mut script);
    assert!(matches!(result, Err(Error::Interrupted)));
    let last = saved.last().expect("saved before stopping");
    assert_eq!(last.goals.len(), 2);
    assert_eq!(goal_answer(last, 0, "afhankelijk"), one("sterk"));
}

#[test]
fn a_blank_session_is_saved_from_its_first_answer_a_case_at_once() {
    let bank = load::default_bank().unwrap();
    // Stopped at the very first question: nothing to keep, no empty draft.
    let mut script = Script::default().on("Op welk moment", &[Do::Stop]);
    let (result, saved) = run(&bank, Depth::Quick, &mut script);
    assert!(matches!(result, Err(Error::Interrupted)));
    assert!(saved.is_empty(), "saved {} times", saved.len());
    // Answers, then stop: the draft was written from the first answer on.
    let mut script = Script::default()
        .on("Op welk moment", &[Do::Pick(1)])
        .on("Doel 1", &[Do::Stop]);
    let (_, saved) = run(&bank, Depth::Quick, &mut script);
    assert!(!saved.is_empty());
    assert!(
        saved[0].moment.is_some(),
        "the first save has the first answer"
    );
    // A session that starts from a practice case has its text and goals
    // before any question: it is saved at once.
    let mut case = Session::new();
    case.case_text = Some("Moeder en twee kinderen".into());
    let saved = RefCell::new(Vec::new());
    let mut script = Script::default().on("Op welk moment", &[Do::Stop]);
    let _ = Interview::new(&bank, Depth::Quick, case, |s| {
        saved.borrow_mut().push(s.clone());
        Ok(())
    })
    .run(&mut script);
    assert_eq!(saved.into_inner().len(), 1);
}

#[test]
fn a_resumed_session_continues_at_the_first_unanswered_question() {
    let bank = mini();
    // Stop at the first goal's safety question...
    let mut first = with_goals(Script::default()).on("Veiligheid", &[Do::Stop]);
    let (_, saved) = run(&bank, Depth::Full, &mut first);
    let draft = saved.last().cloned().unwrap();
    // ...and resume: no question already answered is asked again.
    let mut second = Script::default();
    let result = Interview::new(&bank, Depth::Full, draft.clone(), |_| Ok(())).run(&mut second);
    let s = result.unwrap();
    assert_eq!(second.seen.first().map(String::as_str), Some("Veiligheid?"));
    assert_eq!(second.count("Doel 1"), 0);
    assert_eq!(
        second.count("Hoe afhankelijk"),
        1,
        "only for the second goal"
    );
    for (id, a) in &draft.answers {
        assert_eq!(
            s.answers.get(id.value.as_str()).map(|x| &x.value),
            Some(&a.value)
        );
    }
}

#[test]
fn the_default_bank_can_be_answered_from_start_to_end() {
    let bank = load::default_bank().unwrap();
    let mut script = with_goals(Script::default());
    let (result, _) = run(&bank, Depth::Full, &mut script);
    let s = result.unwrap();
    let (r, warnings) = resolve(&bank, &s, "sessie").unwrap();
    assert!(warnings.list.is_empty(), "{warnings}");
    let o = advice::score(&bank, &r);
    assert_eq!(o.goals.len(), 2);
    // Every level's questions were asked.
    for title in [
        "brede blik",
        "Welke hulpverlening is betrokken",
        "financieel en organisatorisch",
    ] {
        assert!(script.count(title) > 0, "{title} was not asked");
    }
}

#[test]
fn the_interview_asks_in_english_when_told() {
    let bank = load::default_bank().unwrap();
    let mut script = Script::default()
        .on("Goal 1", &[Do::Type("Debts")])
        .on("Goal 2", &[Do::Type("")]);
    let saved = RefCell::new(Vec::new());
    let result = Interview::new(&bank, Depth::Quick, Session::new(), |s| {
        saved.borrow_mut().push(s.clone());
        Ok(())
    })
    .in_language(voorwie::base::text::Lang::En)
    .run(&mut script);
    let s = result.unwrap();
    assert_eq!(s.goals[0].label.value, "Debts", "the user's own words stay");
    for english in [
        "At what moment are you using this tool?",
        "professionals or organisations depend on each other?",
        "Which services are involved with the family?",
    ] {
        assert!(script.count(english) > 0, "{english} was not asked");
    }
    assert_eq!(script.count("Op welk moment"), 0, "no Dutch questions");
}
