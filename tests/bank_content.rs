//! The bank in the practitioner's language (issue 13): a question is asked
//! only when it can apply, the parties and options a professional needs
//! exist, every question has "meer informatie", and no output of the
//! practice cases or of generated sessions doubles a word, repeats an action
//! point or breaks plural agreement.

mod common;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use assert_cmd::Command;
use proptest::prelude::*;
use voorwie::advice;
use voorwie::bank::{Bank, Kind, load};
use voorwie::base::error::Result;
use voorwie::base::text::Lang;
use voorwie::interview::{Depth, Interview, Prompt, Prompter, Reply};
use voorwie::render::{Format, Style, renderer};
use voorwie::session::Session;
use voorwie::session::load::parse_session;
use voorwie::session::resolve::resolve;
use voorwie::views::report;

/// Answers the interview by question id (option ids), the way a
/// professional with a known case would; records which questions were
/// asked. The moment and the goals are set up front.
struct ByQuestion<'b> {
    bank: &'b Bank,
    moment: &'static str,
    goals: Vec<&'static str>,
    answers: BTreeMap<&'static str, Vec<&'static str>>,
    /// Question ids in the order asked (per goal, a question appears once
    /// per goal).
    asked: Vec<String>,
}

impl<'b> ByQuestion<'b> {
    fn new(bank: &'b Bank, moment: &'static str, goals: &[&'static str]) -> Self {
        ByQuestion {
            bank,
            moment,
            goals: goals.to_vec(),
            answers: BTreeMap::new(),
            asked: Vec::new(),
        }
    }

    fn on(mut self, id: &'static str, options: &[&'static str]) -> Self {
        self.answers.insert(id, options.to_vec());
        self
    }

    fn question_id(&self, prompt: &Prompt) -> Option<String> {
        std::iter::once(&self.bank.start_question)
            .chain(&self.bank.questions)
            .find(|q| q.text.get(Lang::Nl).trim() == prompt.title.trim())
            .map(|q| q.id.value.clone())
    }

    fn indices(&self, id: &str) -> Option<Vec<usize>> {
        let q = std::iter::once(&self.bank.start_question)
            .chain(&self.bank.questions)
            .find(|q| q.id.value == id)?;
        let wanted = self.answers.get(id)?;
        Some(
            wanted
                .iter()
                .map(|o| {
                    q.options
                        .iter()
                        .position(|x| x.id.value == *o)
                        .unwrap_or_else(|| panic!("test setup: {id} has no option {o}"))
                })
                .collect(),
        )
    }

    fn count(&self, id: &str) -> usize {
        self.asked.iter().filter(|a| *a == id).count()
    }
}

impl Prompter for ByQuestion<'_> {
    fn show(&mut self, _text: &str) -> Result<()> {
        Ok(())
    }

    fn choose(&mut self, prompt: &Prompt) -> Result<Reply<usize>> {
        assert!(self.asked.len() < 400, "the interview keeps asking");
        if let Some(i) = self
            .bank
            .moments
            .iter()
            .position(|m| m.id.value == self.moment)
            .filter(|_| prompt.items.len() == self.bank.moments.len() && self.asked.is_empty())
        {
            self.asked.push("moment".into());
            return Ok(Reply::Answer(i));
        }
        let id = self.question_id(prompt).unwrap_or_default();
        let pick = self.indices(&id).map_or(0, |v| v[0]);
        self.asked.push(id);
        Ok(Reply::Answer(pick))
    }

    fn choose_many(&mut self, prompt: &Prompt) -> Result<Reply<Vec<usize>>> {
        let id = self.question_id(prompt).unwrap_or_default();
        let pick = self.indices(&id).unwrap_or_else(|| vec![0]);
        self.asked.push(id);
        Ok(Reply::Answer(pick))
    }

    fn text(&mut self, prompt: &Prompt) -> Result<Reply<String>> {
        if let Some(id) = self.question_id(prompt) {
            self.asked.push(id);
            return Ok(Reply::Answer("een notitie".into()));
        }
        // The goal entry: one goal per prompt, then an empty line.
        let next = if self.goals.is_empty() {
            String::new()
        } else {
            self.goals.remove(0).to_owned()
        };
        Ok(Reply::Answer(next))
    }
}

fn interview(script: &mut ByQuestion) -> Session {
    let saved = RefCell::new(0);
    let bank = script.bank;
    Interview::new(bank, Depth::Full, Session::new(), |_| {
        *saved.borrow_mut() += 1;
        Ok(())
    })
    .run(script)
    .unwrap()
}

// ---------------------------------------------------------------------------
// Questions asked only when they can apply.

#[test]
fn a_first_registration_without_other_parties_skips_what_cannot_apply() {
    let bank = load::default_bank().unwrap();
    let mut s = ByQuestion::new(&bank, "nieuwe_aanmelding", &["Schulden", "School"])
        .on("huishouden", &["met_kinderen"])
        .on("andere_partijen", &["nee"])
        .on("iedereen_betrokken", &["ja"]);
    let session = interview(&mut s);
    assert_eq!(session.goals.len(), 2);
    // "Wanneer en hoe moeten we die professionals betrekken?" after "Nee".
    assert_eq!(s.count("betrekken"), 0, "{:?}", s.asked);
    // Getting stuck and having reached a goal are not questions at a first
    // registration.
    assert_eq!(s.count("doel_vastlopen"), 0, "{:?}", s.asked);
    assert_eq!(s.count("doel_behaald"), 0, "{:?}", s.asked);
    // A family with children is asked about every member.
    assert_eq!(s.count("hulpvraag_ieder"), 1);
    assert_eq!(s.count("harmonisch"), 1);
}

#[test]
fn other_parties_needed_asks_how_to_involve_them() {
    let bank = load::default_bank().unwrap();
    let mut s = ByQuestion::new(&bank, "nieuwe_aanmelding", &["Schulden"])
        .on("andere_partijen", &["ja"])
        .on("iedereen_betrokken", &["ja"]);
    interview(&mut s);
    assert_eq!(s.count("betrekken"), 1, "{:?}", s.asked);
}

#[test]
fn scaling_down_asks_per_goal_whether_it_was_why_the_family_got_stuck() {
    let bank = load::default_bank().unwrap();
    let mut s = ByQuestion::new(&bank, "afschalen", &["Veiligheid", "School", "Opvoeding"]);
    interview(&mut s);
    assert_eq!(s.count("doel_vastlopen"), 3, "{:?}", s.asked);
    assert_eq!(s.count("doel_behaald"), 3, "{:?}", s.asked);
    // Handing over is what scaling down is about.
    assert_eq!(s.count("betrekken"), 1, "{:?}", s.asked);
}

#[test]
fn a_one_person_household_gets_no_questions_about_family_members() {
    let bank = load::default_bank().unwrap();
    let mut s = ByQuestion::new(&bank, "casuistiekbespreking", &["Schulden", "Werk"])
        .on("huishouden", &["alleen"]);
    interview(&mut s);
    for id in ["hulpvraag_ieder", "op_de_hoogte", "harmonisch"] {
        assert_eq!(s.count(id), 0, "{id} asked of one person: {:?}", s.asked);
    }
    // The rest of the interview is still there.
    for id in ["leefgebieden", "betrokken", "intensief_mogelijk"] {
        assert_eq!(s.count(id), 1, "{id} not asked: {:?}", s.asked);
    }
}

// ---------------------------------------------------------------------------
// Parties, options and help a professional needs.

fn question<'a>(bank: &'a Bank, id: &str) -> &'a voorwie::bank::Question {
    bank.questions
        .iter()
        .find(|q| q.id.value == id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

fn label(o: &voorwie::bank::AnswerOption) -> String {
    o.label
        .as_ref()
        .map_or(o.id.value.clone(), |l| l.get(Lang::Nl).to_owned())
}

fn option_ids(bank: &Bank, id: &str) -> BTreeSet<String> {
    question(bank, id)
        .options
        .iter()
        .map(|o| o.id.value.clone())
        .collect()
}

#[test]
fn distinct_organisations_are_distinct_parties_in_both_party_questions() {
    let bank = load::default_bank().unwrap();
    for id in ["doel_partijen", "betrokken"] {
        let got = option_ids(&bank, id);
        for party in [
            "jgz",
            "huisarts",
            "onderwijs",
            "leerplicht",
            "volwassenen_ggz",
            "verslavingszorg",
            "uwv",
            "werkgever",
            "schuldhulp",
            "maatschappelijk_werk",
            "veilig_thuis",
            "jeugdbescherming",
            "politie",
            "integraal_team",
        ] {
            assert!(got.contains(party), "{id} lacks {party}: {got:?}");
        }
        // No option lumps organisations with a slash.
        for o in &question(&bank, id).options {
            let label = label(o);
            assert!(!label.contains(" / "), "{id}: lumped option '{label}'");
        }
        // Long lists are grouped so they can be scanned.
        let q = question(&bank, id);
        assert!(q.groups.len() >= 3, "{id} is not grouped");
    }
}

#[test]
fn one_professional_is_a_possible_way_of_working_now() {
    let bank = load::default_bank().unwrap();
    let got = option_ids(&bank, "doel_samenwerking");
    assert!(got.contains("een"), "{got:?}");
    assert!(got.contains("geen_hulp"), "{got:?}");
}

#[test]
fn barriers_can_be_none_or_several() {
    let bank = load::default_bank().unwrap();
    let q = question(&bank, "belemmering");
    assert_eq!(q.kind.value, Kind::Multi);
    let geen = q
        .options
        .iter()
        .find(|o| o.id.value == "geen")
        .expect("'geen belemmering' exists");
    assert!(geen.exclusive, "'geen' cannot be combined with a barrier");
}

#[test]
fn every_question_has_meer_informatie_in_both_languages() {
    let bank = load::default_bank().unwrap();
    for q in std::iter::once(&bank.start_question).chain(&bank.questions) {
        let info = q
            .info
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no info", q.id.value));
        for lang in [Lang::Nl, Lang::En] {
            assert!(
                info.get(lang).trim().len() > 20,
                "{}: info in {lang:?} is too short",
                q.id.value
            );
        }
    }
}

#[test]
fn the_safety_scale_runs_from_none_to_acute_and_names_the_meldcode() {
    let bank = load::default_bank().unwrap();
    let q = question(&bank, "doel_veiligheid");
    let ids: Vec<&str> = q.options.iter().map(|o| o.id.value.as_str()).collect();
    assert_eq!(ids, ["geen", "zorgen", "ernstig", "maatregel", "acuut"]);
    // The label of a situation without acute danger does not say 'acuut'.
    for o in &q.options[..4] {
        assert!(!label(o).to_lowercase().contains("acu"), "{}", o.id.value);
    }
}

// ---------------------------------------------------------------------------
// Words: the outputs of the practice cases and of generated sessions.

/// Everything in `text` a reader would stumble on, as messages.
fn stumbles(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || "|*-_#>".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    for pair in words.windows(2) {
        let clean = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        };
        let (a, b) = (clean(pair[0]), clean(pair[1]));
        // A doubled word, unless it is a number or punctuation separates
        // the two ("ja, ja" is not a typo either).
        if !a.is_empty()
            && a == b
            && !a.chars().all(|c| c.is_ascii_digit())
            && !pair[0].ends_with([',', '.', ':', ';', ')', '?', '!'])
            // A quoted goal label is the user's own words.
            && !pair[1].starts_with(['\'', '"', '‘', '“', '('])
        {
            found.push(format!("doubled word '{} {}'", pair[0], pair[1]));
        }
    }
    for bad in [
        "Zoek uit: Zoek",
        "Zoek uit: zoek",
        "Leg het neer bij: Leg",
        "Find out: Find",
        "Take to: Take",
    ] {
        if text.contains(bad) {
            found.push(format!("label repeats its verb: '{bad}'"));
        }
    }
    // Plural agreement: "'A' en 'B' is ..." / "'A' and 'B' is/has ...".
    for line in text.lines() {
        for (and, verbs) in [
            ("' en '", [" is behaald", " is niet"]),
            ("' and '", [" has been", " is not"]),
        ] {
            if let Some(pos) = line.find(and) {
                let rest = &line[pos + and.len()..];
                if let Some(end) = rest.find('\'') {
                    let after = &rest[end + 1..];
                    for v in verbs {
                        if after.starts_with(v) {
                            found.push(format!("plural with singular verb: {line}"));
                        }
                    }
                }
            }
        }
    }
    found
}

/// Action points said twice: the same text, or near-identical words (most
/// of the longer words of one are in the other) from two different sources
/// (`(source, text)`; one template filled in for two goals with different
/// steps is two points, not a repetition).
fn repeated_actions(actions: &[(String, String)]) -> Vec<String> {
    let words = |t: &str| -> BTreeSet<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let mut found = Vec::new();
    for (i, (sa, a)) in actions.iter().enumerate() {
        for (sb, b) in &actions[i + 1..] {
            let (wa, wb) = (words(a), words(b));
            let shared = wa.intersection(&wb).count();
            let smaller = wa.len().min(wb.len()).max(1);
            let near = sa != sb && smaller >= 3 && shared * 10 >= smaller * 8;
            if a.to_lowercase() == b.to_lowercase() || near {
                found.push(format!("said twice: '{a}' / '{b}'"));
            }
        }
    }
    found
}

fn voorwie() -> Command {
    let mut cmd = Command::cargo_bin("voorwie").unwrap();
    cmd.env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1");
    cmd.timeout(Duration::from_secs(60));
    cmd
}

#[test]
fn the_stumble_check_finds_what_it_looks_for() {
    // The check itself can fail.
    assert!(!stumbles("Zoek uit: Zoek eerst uit wie").is_empty());
    assert!(!stumbles("Bespreek het het gezin").is_empty());
    assert!(!stumbles("'Schulden' en 'Werk' is behaald.").is_empty());
    assert!(
        !repeated_actions(&[
            (
                "richting".into(),
                "Spreek af wie de hulp overneemt en plan een warme overdracht.".into()
            ),
            (
                "actie overname".into(),
                "Plan een warme overdracht: spreek af wie de hulp overneemt.".into()
            ),
        ])
        .is_empty()
    );
    assert!(
        repeated_actions(&[
            (
                "richting".into(),
                "Schaal af naar connectie voor 'School', met een warme overdracht.".into()
            ),
            (
                "zoek_uit".into(),
                "Ga na of er nu al iemand de regie heeft.".into()
            ),
        ])
        .is_empty()
    );
    assert!(stumbles("'Schulden' en 'Werk' zijn behaald. Stap 2, 2 doelen.").is_empty());
}

#[test]
fn the_practice_cases_read_without_stumbling_in_every_text_format() {
    let list = voorwie()
        .args(["voorbeeld", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let list: serde_json::Value = serde_json::from_slice(&list).unwrap();
    let names: Vec<String> = list["voorbeelden"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["naam"].as_str().or(c["id"].as_str()).unwrap().to_owned())
        .collect();
    assert!(names.len() >= 6, "{names:?}");
    let mut problems = Vec::new();
    for name in &names {
        for lang in ["nl", "en"] {
            let out = voorwie()
                .args(["voorbeeld", name, "--format", "json", "--taal", lang])
                .assert()
                .success()
                .get_output()
                .stdout
                .clone();
            let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
            let actions: Vec<(String, String)> = json["actiepunten"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| {
                    (
                        format!("{} {}", a["soort"], a["vraag"]),
                        a["tekst"].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            for p in repeated_actions(&actions) {
                problems.push(format!("{name} {lang}: {p}"));
            }
        }
        for lang in ["nl", "en"] {
            for format in ["tekst", "markdown"] {
                for long in [false, true] {
                    let mut cmd = voorwie();
                    cmd.args(["voorbeeld", name, "--format", format, "--taal", lang]);
                    if long {
                        cmd.arg("--uitgebreid");
                    }
                    let out = cmd.assert().success().get_output().stdout.clone();
                    let text = String::from_utf8(out).unwrap();
                    for p in stumbles(&text) {
                        problems.push(format!("{name} {lang} {format} long={long}: {p}"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

proptest! {
    #![proptest_config(common::cases(48))]

    #[test]
    fn generated_sessions_read_without_stumbling(text in common::valid_session()) {
        let bank = common::default_bank();
        let session = parse_session(&text, "sessie.yaml").unwrap();
        let (r, _) = resolve(bank, &session, "sessie.yaml").unwrap();
        let outcome = advice::score(bank, &r);
        for lang in [Lang::Nl, Lang::En] {
            let rep = report::build(&report::Input {
                bank,
                session: &session,
                responses: &r,
                outcome: &outcome,
                lang,
                today: "2026-11-29",
            });
            let actions: Vec<(String, String)> = rep
                .actiepunten
                .iter()
                .map(|a| (format!("{} {:?}", a.soort, a.vraag), a.tekst.clone()))
                .collect();
            let twice = repeated_actions(&actions);
            prop_assert!(twice.is_empty(), "{twice:?}");
            for format in [Format::Text, Format::Markdown] {
                for long in [false, true] {
                    let style = Style { long, ..Style::paste() };
                    let out = renderer(format, style, lang).report(&rep);
                    let found = stumbles(&out);
                    prop_assert!(found.is_empty(), "{found:?}\n{out}");
                }
            }
        }
    }
}
