//! Property tests: whatever a file holds, loading, checking, scoring and
//! rendering never panic. The case counts are set per test (see
//! `ProptestConfig::with_cases`); together they run 6,000 cases.

use proptest::prelude::*;
use serde_json::{Map, Value};
use voorwie::bank::Bank;
use voorwie::bank::load;
use voorwie::base::text::Lang;
use voorwie::render::{Format, Style, renderer};
use voorwie::session::load::parse_session;
use voorwie::session::resolve::resolve;
use voorwie::views::{card, report};
use voorwie::{advice, bank};

mod common;

use common::{cases, default_bank, valid_session};

/// Loads, checks, scores and renders a session text: the whole path of
/// `voorwie start --antwoorden`, with every format.
fn through_everything(bank: &Bank, text: &str) {
    let Ok(session) = parse_session(text, "fuzz.yaml") else {
        return;
    };
    let Ok((responses, _)) = resolve(bank, &session, "fuzz.yaml") else {
        return;
    };
    let outcome = advice::score(bank, &responses);
    let r = report::build(&report::Input {
        bank,
        session: &session,
        responses: &responses,
        outcome: &outcome,
        lang: Lang::Nl,
        today: "2026-01-01",
    });
    for format in [Format::Text, Format::Markdown, Format::Json, Format::Html] {
        for lang in [Lang::Nl, Lang::En] {
            let text = renderer(format, Style::paste(), lang).report(&r);
            assert!(!text.contains('\x1b'));
            if format == Format::Html {
                // Whatever a file says, it cannot open an element.
                assert!(!text.contains("<script") && !text.contains("<img"));
            }
        }
    }
    let screen = Style {
        width: 40,
        color: true,
        unicode: true,
        screen: true,
        long: true,
    };
    let _ = renderer(Format::Text, screen, Lang::Nl).report(&r);
}

/// Ids that the bank knows, so that generated files get past the first
/// check often enough to reach scoring.
fn vocabulary() -> Vec<String> {
    let b = default_bank();
    let mut words: Vec<String> = [
        "versie",
        "moment",
        "antwoorden",
        "doelen",
        "label",
        "notities",
        "overschrijving",
        "stap",
        "reden",
        "beoordelaar",
        "rol",
        "casus",
        "datum",
        "bank",
        "id",
        "weet_niet",
        "overgeslagen",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for q in b.all_questions() {
        words.push(q.id.value.clone());
        words.extend(q.options.iter().map(|o| o.id.value.clone()));
    }
    words.extend(b.moments.iter().map(|m| m.id.value.clone()));
    words.extend(b.steps().iter().map(|s| s.id.value.clone()));
    words
}

fn word() -> impl Strategy<Value = String> {
    let vocab = vocabulary();
    prop_oneof![
        3 => proptest::sample::select(vocab),
        1 => "[a-zA-Z_ ]{0,12}",
        1 => any::<String>(),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        word().prop_map(Value::String),
        any::<i64>().prop_map(Value::from),
        any::<bool>().prop_map(Value::Bool),
        Just(Value::Null),
        Just(Value::from(1)),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((word(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A session-shaped document: the right top level, anything inside.
fn session_like() -> impl Strategy<Value = Value> {
    (
        prop_oneof![Just(Value::from(1)), value()],
        proptest::option::of(value()),
        proptest::collection::vec((word(), value()), 0..12),
        proptest::collection::vec(
            (word(), proptest::collection::vec((word(), value()), 0..6)),
            0..4,
        ),
    )
        .prop_map(|(versie, moment, answers, goals)| {
            let mut top = Map::new();
            top.insert("versie".into(), versie);
            if let Some(m) = moment {
                top.insert("moment".into(), m);
            }
            top.insert(
                "antwoorden".into(),
                Value::Object(answers.into_iter().collect()),
            );
            let goals = goals
                .into_iter()
                .map(|(label, answers)| {
                    let mut g = Map::new();
                    g.insert("label".into(), Value::String(label));
                    g.insert(
                        "antwoorden".into(),
                        Value::Object(answers.into_iter().collect()),
                    );
                    Value::Object(g)
                })
                .collect();
            top.insert("doelen".into(), Value::Array(goals));
            Value::Object(top)
        })
}

proptest! {
    #![proptest_config(cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = load::parse_bank(&text, "fuzz.yaml");
        through_everything(default_bank(), &text);
    }
}

proptest! {
    #![proptest_config(cases(2000))]

    #[test]
    fn arbitrary_answer_files_never_panic(doc in session_like()) {
        // JSON is YAML: the same loader reads both.
        let json = serde_json::to_string(&doc).unwrap();
        through_everything(default_bank(), &json);
        let pretty = serde_json::to_string_pretty(&doc).unwrap();
        through_everything(default_bank(), &pretty);
    }
}

/// The default bank with random line edits.
fn mutated_bank() -> impl Strategy<Value = String> {
    let lines: Vec<String> = bank::DEFAULT_BANK_YAML.lines().map(str::to_owned).collect();
    let n = lines.len();
    let vocab = vocabulary();
    proptest::collection::vec((0..4u8, 0..n, 0..n, proptest::sample::select(vocab)), 1..6).prop_map(
        move |edits| {
            let mut out = lines.clone();
            for (kind, a, b, w) in edits {
                let (a, b) = (a % out.len().max(1), b % out.len().max(1));
                match kind {
                    0 if out.len() > 1 => {
                        out.remove(a);
                    }
                    1 => {
                        let l = out[a].clone();
                        out.insert(b, l);
                    }
                    2 => out.swap(a, b),
                    _ => {
                        // Replace the value after "key: " with a known word.
                        if let Some(i) = out[a].find(": ") {
                            out[a] = format!("{}: {w}", &out[a][..i]);
                        }
                    }
                }
            }
            out.join("\n")
        },
    )
}

proptest! {
    #![proptest_config(cases(1000))]

    #[test]
    fn mutated_banks_never_panic(text in mutated_bank()) {
        let Ok(b) = load::parse_bank(&text, "fuzz.yaml") else { return Ok(()); };
        let problems = bank::check::check(&b, "fuzz.yaml");
        let _ = problems.to_string();
        if problems.has_errors() {
            return Ok(());
        }
        let _ = bank::check::summary(&b);
        let _ = card::build(&b, Lang::Nl);
        for ex in voorwie::views::examples::EXAMPLES {
            through_everything(&b, ex.yaml);
        }
    }
}

proptest! {
    #![proptest_config(cases(1000))]

    #[test]
    fn every_valid_session_scores_within_the_rules(text in valid_session()) {
        let b = default_bank();
        let session = parse_session(&text, "fuzz.json").unwrap();
        let (r, _) = resolve(b, &session, "fuzz.json")
            .unwrap_or_else(|p| panic!("a valid session was refused: {p}\n{text}"));
        let o = advice::score(b, &r);
        prop_assert!(o.case.need < 5 && o.case.step <= o.case.need);
        prop_assert!(!o.case.reasons.is_empty());
        for g in &o.goals {
            prop_assert!(g.advice.step <= g.advice.need);
            prop_assert!(g.advice.fits.0 == g.advice.need && g.advice.fits.0 <= g.advice.fits.1);
            prop_assert!(!g.advice.reasons.is_empty());
            prop_assert!(o.case.need >= g.advice.need, "the case carries the heaviest goal");
        }
        // Organisation & policy answers never change the need.
        let mut without = session.clone();
        without.answers.retain(|id, _| b.question(&id.value).is_none_or(|q| !q.is_organisational()));
        let (r2, _) = resolve(b, &without, "fuzz.json").unwrap();
        let o2 = advice::score(b, &r2);
        prop_assert_eq!(o.case.need, o2.case.need);
        for (a, c) in o.goals.iter().zip(&o2.goals) {
            prop_assert_eq!(a.advice.need, c.advice.need);
        }
        through_everything(b, &text);
    }
}

proptest! {
    #![proptest_config(cases(1000))]

    /// Whatever bytes a file holds (any encoding, a byte-order mark or not),
    /// reading it gives text or a message with the fix, never a panic, and
    /// the text goes through everything.
    #[test]
    fn any_encoding_is_read_or_named(
        bom in prop_oneof![
            Just(Vec::new()),
            Just(vec![0xFF, 0xFE]),
            Just(vec![0xFE, 0xFF]),
            Just(vec![0xEF, 0xBB, 0xBF]),
        ],
        text in "[a-z: \\n\\-\\[\\]{}\"'#/é\u{e9}\u{308}\t]{0,120}",
        raw in proptest::collection::vec(any::<u8>(), 0..64),
        utf16 in any::<bool>(),
    ) {
        let mut bytes = bom.clone();
        if utf16 {
            bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        } else {
            bytes.extend(text.as_bytes());
        }
        bytes.extend(&raw);
        match voorwie::base::encoding::decode(bytes, "fuzz.yaml") {
            Ok(decoded) => {
                let _ = voorwie::base::encoding::json_comment(&decoded);
                through_everything(default_bank(), &decoded);
            }
            Err(message) => prop_assert!(message.contains("→"), "{message}"),
        }
        // UTF-16 with a mark is read back exactly.
        if bom == [0xFF, 0xFE] && utf16 && raw.is_empty() {
            let mut le = bom.clone();
            le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            prop_assert_eq!(voorwie::base::encoding::decode(le, "x").ok(), Some(text.clone()));
        }
    }
}

proptest! {
    #![proptest_config(cases(1000))]

    /// A date is either read as a real day, kept as ISO, or refused with
    /// its place and the fix.
    #[test]
    fn dates_are_real_days_or_refused_with_their_place(
        day in 0u32..40, month in 0u32..15, year in 1990u32..2100,
        dutch in any::<bool>(), sep in prop_oneof![Just('-'), Just('/'), Just('.')],
        junk in "[0-9a-z\\- ]{0,12}",
        use_junk in any::<bool>(),
    ) {
        let written = if use_junk {
            junk.clone()
        } else if dutch {
            format!("{day}{sep}{month}{sep}{year}")
        } else {
            format!("{year}-{month:02}-{day:02}")
        };
        let text = format!("versie: 1\ndatum: \"{written}\"\n");
        match parse_session(&text, "fuzz.yaml") {
            Ok(s) => {
                let iso = s.date.as_deref().unwrap_or_default().to_owned();
                prop_assert!(iso.parse::<jiff::civil::Date>().is_ok(), "{written} → {iso}");
                if !use_junk {
                    prop_assert_eq!(iso, format!("{year}-{month:02}-{day:02}"));
                }
            }
            Err(e) => {
                let e = e.to_string();
                prop_assert!(e.starts_with("fuzz.yaml:2:"), "{e}");
                prop_assert!(e.contains("dd-mm-jjjj"), "{e}");
            }
        }
    }
}

proptest! {
    #![proptest_config(cases(500))]

    /// Any spelling of any answer: matched to at most one option, or
    /// refused with the options; the key of a text never depends on case,
    /// accents or spacing.
    #[test]
    fn answers_in_any_spelling_match_or_are_refused(
        word in prop_oneof![
            Just("ja".to_owned()), Just("JA".to_owned()), Just(" Já ".to_owned()),
            Just("nee".to_owned()), Just("off".to_owned()), Just("YES".to_owned()),
            Just("Weet niet".to_owned()), Just("weet_niet".to_owned()),
            Just("Last".to_owned()), Just("overbelast".to_owned()),
            "[a-zA-Zé_ ]{0,12}",
        ],
        question in prop_oneof![Just("startvraag"), Just("draagkracht"), Just("brede_blik")],
    ) {
        let quoted = serde_json::to_string(&word).unwrap();
        let text = format!("versie: 1\nantwoorden:\n  startvraag: ja\n  {question}: {quoted}\n");
        let text = text.replacen("  startvraag: ja\n  startvraag:", "  startvraag:", 1);
        through_everything(default_bank(), &text);
        let key = voorwie::base::words::key(&word);
        prop_assert_eq!(voorwie::base::words::key(&word.to_uppercase()), key.clone());
        prop_assert_eq!(voorwie::base::words::key(&format!("  {word} ")), key);
    }
}
