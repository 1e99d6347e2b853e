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
    /// Every prompt, as it was given.
    prompts: Vec<Prompt>,
}

impl Script {
    fn on(mut self, title: &'static str, actions: &[Do]) -> Self {
        self.rules.push((title, actions.iter().cloned().collect()));
        self
    }

    fn next(&mut self, prompt: &Prompt) -> Option<Do> {
        self.seen.push(prompt.title.clone());
        self.prompts.push(prompt.clone());
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

/// A position line "… · vraag K van M" (or "van L–M"): the part before
/// the count, and K, L, M. Inside a goal the part is the goal alone (the
/// level changes from question to question).
fn position(header: &str) -> Option<(String, usize, usize, usize)> {
    let parts: Vec<&str> = header.split(" · ").collect();
    let at = parts.iter().position(|p| p.starts_with("vraag "))?;
    let words: Vec<&str> = parts[at].split(' ').collect();
    let (k, least, most) = match words.as_slice() {
        ["vraag", k, "van", m] => match m.split_once('–') {
            Some((l, m)) => (k.parse().ok()?, l.parse().ok()?, m.parse().ok()?),
            None => (k.parse().ok()?, m.parse().ok()?, m.parse().ok()?),
        },
        _ => return None,
    };
    let part = if parts[0].starts_with("Doel ") {
        parts[0].to_owned()
    } else {
        parts[..at]
            .iter()
            .filter(|p| **p != "Startvraag")
            .copied()
            .collect::<Vec<_>>()
            .join(" · ")
    };
    Some((part, k, least, most))
}

#[test]
fn the_position_line_counts_per_part_and_goal_and_never_jumps() {
    let bank = load::default_bank().unwrap();
    // Afschalen brings the questions on getting stuck and reaching the
    // goal; a one-person household leaves three family questions out.
    let mut script = Script::default()
        .on("Op welk moment", &[Do::Pick(3)])
        .on("Doel 1", &[Do::Type("Schulden")])
        .on("Doel 2", &[Do::Type("School")])
        .on("Doel 3", &[Do::Type("Rust")])
        .on("Doel 4", &[Do::Type("")])
        .on("Loopt het gezin", &[Do::Pick(0), Do::Pick(1), Do::Pick(0)]);
    let (result, _) = run(&bank, Depth::Full, &mut script);
    result.unwrap();
    let seen: Vec<(String, usize, usize, usize)> = script
        .prompts
        .iter()
        .filter(|p| !p.header.contains("plek "))
        .filter_map(|p| position(&p.header))
        .collect();
    assert!(seen.len() > 40, "{seen:?}");
    let mut left: Vec<String> = Vec::new();
    for pair in seen.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(a.1 >= 1 && a.1 <= a.3 && a.2 <= a.3, "{a:?}");
        if a.0 == b.0 {
            assert_eq!(b.1, a.1 + 1, "one up: {a:?} → {b:?}");
            assert!(b.3 <= a.3, "the most does not grow: {a:?} → {b:?}");
            assert!(b.2 >= a.2, "the least does not shrink: {a:?} → {b:?}");
        } else {
            assert!(a.1 >= a.2, "a part ends after its questions: {a:?}");
            left.push(a.0.clone());
            assert!(!left.contains(&b.0), "{} comes back", b.0);
        }
    }
    // Three goals, each its own part, counted alike.
    let goals: Vec<&String> = left.iter().filter(|p| p.starts_with("Doel ")).collect();
    assert_eq!(goals.len(), 3, "{left:?}");
    assert!(goals.iter().all(|g| g.contains(" van 3: ")), "{goals:?}");
    // Where an answer could still leave questions out, the count says
    // "van L tot M"; the household answer settles it.
    let family: Vec<_> = seen
        .iter()
        .filter(|p| p.0 == "Casus als geheel · Niveau van het gezin")
        .collect();
    assert!(family[0].2 < family[0].3, "{family:?}");
    assert_eq!(family[1].2, family[1].3, "{family:?}");
    assert_eq!(
        family.last().unwrap().1,
        family.last().unwrap().3,
        "{family:?}"
    );
    // A goal where the family no longer gets stuck has one question less,
    // and its count said so in advance.
    let stuck: Vec<_> = seen.iter().filter(|p| p.0.contains("Schulden")).collect();
    assert!(stuck.iter().any(|p| p.2 < p.3), "{stuck:?}");
}

#[test]
fn options_come_with_their_anchors_groups_and_exclusives() {
    let bank = load::default_bank().unwrap();
    let mut script = with_goals(Script::default()).on(
        "Wie is er nodig om dit doel",
        &[Do::Help, Do::Many(vec![0, 1])],
    );
    let (result, _) = run(&bank, Depth::Full, &mut script);
    result.unwrap();
    let find = |title: &str| {
        script
            .prompts
            .iter()
            .find(|p| p.title.starts_with(title))
            .unwrap_or_else(|| panic!("{title} asked"))
            .clone()
    };
    // Every option once, its anchor as its note, never in the details.
    let scale = find("Hoe werken de professionals die nu bij dit doel");
    assert!(scale.details.is_empty(), "{:?}", scale.details);
    assert_eq!(
        scale.notes.len() + 1,
        scale.items.len(),
        "weet ik niet has none"
    );
    assert!(scale.note(0).is_some());
    assert!(scale.info.is_some() && scale.has_help());
    // Groups and the exclusive options.
    let parties = find("Wie is er nodig om dit doel");
    assert_eq!(parties.groups.len(), 5, "{:?}", parties.groups);
    assert_eq!(parties.group_at(0), Some("Dichtbij het gezin"));
    assert_eq!(
        parties.exclusive,
        vec![parties.items.len() - 1],
        "weet ik niet"
    );
    let obstacle = find("Waar zit de belemmering");
    let none = obstacle
        .items
        .iter()
        .position(|i| i == "Geen belemmering")
        .unwrap();
    assert!(
        obstacle.exclusive.contains(&none),
        "{:?}",
        obstacle.exclusive
    );
    // `?` answered by the interview when a prompter cannot show it itself,
    // and the question asked again.
    assert!(
        script
            .shown
            .iter()
            .any(|t| t.contains("ook als die nog niet betrokken"))
    );
    assert_eq!(script.count("Wie is er nodig om dit doel"), 3);
    // Every question of the bank has information.
    for p in script
        .prompts
        .iter()
        .filter(|p| !p.header.is_empty() && !p.title.starts_with("Doel "))
    {
        assert!(p.info.is_some(), "no information for {}", p.title);
    }
}

#[test]
fn an_exclusive_option_with_others_is_refused_and_the_ticks_kept() {
    let bank = load::default_bank().unwrap();
    // The line prompter lets anything through: the interview refuses.
    let mut script = with_goals(Script::default())
        .on("financieel en organisatorisch", &[Do::Pick(0)])
        .on(
            "Waar zit de belemmering",
            &[Do::Many(vec![0, 3]), Do::Many(vec![0])],
        );
    let (result, _) = run(&bank, Depth::Full, &mut script);
    let s = result.unwrap();
    assert!(
        script
            .shown
            .iter()
            .any(|t| t.contains("'Geen belemmering' gaat niet samen")),
        "{:?}",
        script.shown
    );
    let again = script
        .prompts
        .iter()
        .filter(|p| p.title.starts_with("Waar zit de belemmering"))
        .nth(1)
        .expect("asked again");
    assert_eq!(again.checked, vec![0, 3], "the ticks are kept");
    assert_eq!(
        answer(&s, "belemmering"),
        Some(Answer::Many(vec!["capaciteit".into()]))
    );
}

/// Answers whatever the flow asks as the default [`Script`] does: the first
/// item, the first tick, two goals, empty texts.
fn answer_flow(flow: &mut voorwie::interview::Flow) -> Vec<String> {
    use voorwie::interview::{Ask, Input};
    let mut titles = Vec::new();
    while let Some((ask, prompt)) = flow.current() {
        assert!(titles.len() < 100, "the flow does not end");
        let reply = match ask {
            Ask::Text if prompt.title.starts_with("Doel 1") => Input::Text("Schulden".into()),
            Ask::Text if prompt.title.starts_with("Doel 2") => Input::Text("School".into()),
            Ask::Text => Input::Text(String::new()),
            Ask::Many => Input::Many(vec![0]),
            Ask::One => Input::One(0),
        };
        titles.push(prompt.title);
        flow.reply(Reply::Answer(reply));
    }
    titles
}

/// The step-by-step face of the same interview (the browser's): a whole
/// session reply by reply, back from the end to change the last answer,
/// and the same session as the terminal loop gives for the same answers.
#[test]
fn the_flow_answers_step_by_step_and_goes_back_from_the_end() {
    use voorwie::base::text::Lang;
    use voorwie::interview::Flow;
    let bank = mini();
    let mut flow = Flow::new(&bank, Depth::Full, Session::new(), Lang::Nl);
    let titles = answer_flow(&mut flow);
    assert!(flow.done());
    assert_eq!(flow.session().goals.len(), 2);
    let by_flow = flow.session().clone();
    flow.back();
    let (_, again) = flow
        .current()
        .expect("back from the end asks the last question");
    assert_eq!(Some(&again.title), titles.last());

    let (result, _) = run(&bank, Depth::Full, &mut with_goals(Script::default()));
    let by_terminal = result.unwrap();
    assert_eq!(
        serde_json::to_value(&by_terminal).unwrap(),
        serde_json::to_value(&by_flow).unwrap(),
        "the terminal and the flow answered alike give different sessions"
    );
}
