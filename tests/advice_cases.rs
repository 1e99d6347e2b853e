//! Acceptance cases for the advice: every answers file in `tests/advies/`
//! with what voorwie must say about it and why (`tests/advies/verwacht.yaml`),
//! each drawn from a situation the source documents describe. The first
//! seven files are the cases on which an earlier voorwie was wrong.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use voorwie::advice;
use voorwie::bank::load;
use voorwie::base::text::Lang;
use voorwie::session::load::parse_session;
use voorwie::session::resolve::resolve;
use voorwie::views::report::{self, Report};

/// One step id, or a list of acceptable ones.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOf {
    One(String),
    Many(Vec<String>),
}

impl OneOf {
    fn accepts(&self, got: &str) -> bool {
        match self {
            OneOf::One(s) => s == got,
            OneOf::Many(v) => v.iter().any(|s| s == got),
        }
    }
}

impl std::fmt::Display for OneOf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OneOf::One(s) => write!(f, "{s}"),
            OneOf::Many(v) => write!(f, "een van {}", v.join(", ")),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Position {
    advies: Option<OneOf>,
    nodig: Option<OneOf>,
    richting: Option<OneOf>,
    nu: Option<String>,
    zekerheid: Option<String>,
    mogelijk: Option<String>,
    kloof: Option<bool>,
    te_weinig: Option<bool>,
    past_bij: Option<Vec<String>>,
    #[serde(default)]
    signalen: Vec<String>,
    #[serde(default)]
    geen_signalen: Vec<String>,
    #[serde(default)]
    acties: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScaleDown {
    behaald: Vec<String>,
    niet_behaald: Vec<String>,
    overig: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    bestand: String,
    argument: String,
    #[serde(default)]
    casus: Position,
    #[serde(default)]
    doelen: BTreeMap<String, Position>,
    #[serde(default)]
    signalen: Vec<String>,
    #[serde(default)]
    acties: Vec<String>,
    /// Pieces of text no action point may contain.
    #[serde(default)]
    geen_acties: Vec<String>,
    /// Pieces of text no reason of any goal may contain.
    #[serde(default)]
    geen_redenen: Vec<String>,
    /// A piece of text the 'mogelijk' line must contain.
    mogelijk_tekst: Option<String>,
    kloof_niveaus: Option<Vec<String>>,
    afschalen: Option<ScaleDown>,
    #[serde(default)]
    vormen: Vec<String>,
    #[serde(default)]
    vormen_niet: Vec<String>,
    verschil_minstens: Option<usize>,
    niet_lichter_dan: Option<String>,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/advies")
}

fn report_of(file: &str) -> Report {
    let path = dir().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let bank = load::default_bank().unwrap();
    let session = parse_session(&text, file).unwrap_or_else(|e| panic!("{e}"));
    let (r, _) = resolve(&bank, &session, file).unwrap_or_else(|p| panic!("{p}"));
    let outcome = advice::score(&bank, &r);
    report::build(&report::Input {
        bank: &bank,
        session: &session,
        responses: &r,
        outcome: &outcome,
        lang: Lang::Nl,
        today: "2026-11-29",
    })
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(dir().join("verwacht.yaml")).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("verwacht.yaml: {e}"))
}

fn now_id(nu: &report::NowView) -> String {
    match &nu.stap {
        Some(s) if nu.status == "stap" => s.stap.clone(),
        _ => nu.status.clone(),
    }
}

struct Check<'a> {
    file: &'a str,
    failures: Vec<String>,
}

impl Check<'_> {
    fn fail(&mut self, what: String) {
        self.failures.push(format!("{}: {what}", self.file));
    }

    #[allow(clippy::too_many_arguments)]
    fn position(
        &mut self,
        who: &str,
        want: &Position,
        advice: &report::AdviceView,
        nu: &report::NowView,
        richting: &str,
        signals: &[String],
        actions: &[report::ActionView],
    ) {
        if let Some(a) = &want.advies
            && !a.accepts(&advice.stap)
        {
            self.fail(format!("{who}: advies {} (verwacht {a})", advice.stap));
        }
        if let Some(a) = &want.nodig
            && !a.accepts(&advice.nodig.stap)
        {
            self.fail(format!("{who}: nodig {} (verwacht {a})", advice.nodig.stap));
        }
        if let Some(r) = &want.richting
            && !r.accepts(richting)
        {
            self.fail(format!("{who}: richting {richting} (verwacht {r})"));
        }
        if let Some(n) = &want.nu
            && now_id(nu) != *n
        {
            self.fail(format!("{who}: nu {} (verwacht {n})", now_id(nu)));
        }
        if let Some(z) = &want.zekerheid
            && advice.zekerheid != *z
        {
            self.fail(format!(
                "{who}: zekerheid {} (verwacht {z})",
                advice.zekerheid
            ));
        }
        if let Some(p) = &want.past_bij
            && advice.past_bij != *p
        {
            self.fail(format!(
                "{who}: past_bij {:?} (verwacht {p:?})",
                advice.past_bij
            ));
        }
        if !advice.past_bij.contains(&advice.nodig.stap) {
            self.fail(format!("{who}: nodig staat niet in past_bij"));
        }
        for s in &want.signalen {
            if !signals.contains(s) {
                self.fail(format!("{who}: signaal '{s}' ontbreekt ({signals:?})"));
            }
        }
        for s in &want.geen_signalen {
            if signals.contains(s) {
                self.fail(format!("{who}: signaal '{s}' hoort er niet bij"));
            }
        }
        for a in &want.acties {
            if !actions.iter().any(|x| x.tekst.contains(a.as_str())) {
                self.fail(format!("{who}: geen actiepunt met '{a}'"));
            }
        }
    }
}

#[test]
fn every_case_file_has_an_expectation_with_an_argument() {
    let cases = cases();
    let mut files: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml") && n != "verwacht.yaml")
        .collect();
    files.sort();
    let mut named: Vec<String> = cases.iter().map(|c| c.bestand.clone()).collect();
    named.sort();
    assert_eq!(files, named, "every file in tests/advies has one entry");
    assert!(
        cases.len() >= 23,
        "at least 16 own cases plus the 7 handed ones"
    );
    for c in &cases {
        assert!(
            c.argument.split_whitespace().count() >= 8,
            "{}: give a one-line argument from the sources",
            c.bestand
        );
    }
}

#[test]
fn the_advice_cases_give_what_the_sources_argue() {
    let mut all = Vec::new();
    for case in cases() {
        let r = report_of(&case.bestand);
        let mut c = Check {
            file: &case.bestand,
            failures: Vec::new(),
        };
        let mut case_want = case.casus;
        case_want.signalen.extend(case.signalen.iter().cloned());
        case_want.acties.extend(case.acties.iter().cloned());
        c.position(
            "casus",
            &case_want,
            &r.advies,
            &r.nu,
            &r.richting,
            &r.signalen,
            &r.actiepunten,
        );
        if let Some(m) = &case_want.mogelijk {
            let got = r
                .mogelijk
                .stap
                .as_ref()
                .map_or("onbekend", |s| s.stap.as_str());
            let got = if r.mogelijk.status == "onbekend"
                || r.mogelijk.status == "deels" && r.kloof.is_none()
            {
                "onbekend"
            } else {
                got
            };
            if got != m {
                c.fail(format!("mogelijk {got} (verwacht {m})"));
            }
        }
        if let Some(k) = case_want.kloof
            && r.kloof.is_some() != k
        {
            c.fail(format!("kloof {} (verwacht {k})", r.kloof.is_some()));
        }
        if let Some(t) = case_want.te_weinig {
            if r.beantwoord.te_weinig != t {
                c.fail(format!(
                    "te_weinig {} (verwacht {t})",
                    r.beantwoord.te_weinig
                ));
            }
            if t && r.beantwoord.tekst.is_none() {
                c.fail("te weinig, maar geen tekst bovenaan".into());
            }
        }
        for (label, want) in &case.doelen {
            let Some(g) = r.doelen.iter().find(|g| g.label == *label) else {
                c.fail(format!("doel '{label}' ontbreekt"));
                continue;
            };
            c.position(
                label,
                want,
                &g.advies,
                &g.nu,
                &g.richting,
                &g.signalen,
                &g.actiepunten,
            );
        }
        for t in &case.geen_redenen {
            for g in &r.doelen {
                if let Some(x) = g.redenen.iter().find(|x| x.tekst.contains(t.as_str())) {
                    c.fail(format!(
                        "{}: reden met '{t}' hoort er niet bij: {}",
                        g.label, x.tekst
                    ));
                }
            }
        }
        for a in &case.geen_acties {
            if let Some(x) = r.actiepunten.iter().find(|x| x.tekst.contains(a.as_str())) {
                c.fail(format!(
                    "actiepunt met '{a}' hoort er niet bij: {}",
                    x.tekst
                ));
            }
        }
        if let Some(t) = &case.mogelijk_tekst
            && !r.mogelijk.tekst.contains(t.as_str())
        {
            c.fail(format!("mogelijk: '{}' (verwacht '{t}')", r.mogelijk.tekst));
        }
        if let Some(levels) = &case.kloof_niveaus {
            let got = r
                .kloof
                .as_ref()
                .map(|k| k.niveaus.clone())
                .unwrap_or_default();
            let mut a = got.clone();
            a.sort();
            let mut b = levels.clone();
            b.sort();
            if a != b {
                c.fail(format!("kloofniveaus {got:?} (verwacht {levels:?})"));
            }
        }
        if let Some(s) = &case.afschalen {
            match &r.afschalen {
                None => c.fail("geen afschalen-overzicht".into()),
                Some(a) => {
                    for (got, want, what) in [
                        (&a.behaald, &s.behaald, "behaald"),
                        (&a.niet_behaald, &s.niet_behaald, "niet behaald"),
                        (&a.overig, &s.overig, "overig"),
                    ] {
                        if got != want {
                            c.fail(format!("afschalen {what}: {got:?} (verwacht {want:?})"));
                        }
                    }
                }
            }
        }
        let shown = |form: &str| {
            r.advies
                .vormen
                .iter()
                .chain(r.doelen.iter().flat_map(|g| &g.advies.vormen))
                .any(|v| v.contains(form))
        };
        for form in &case.vormen {
            if !shown(form) {
                c.fail(format!("vorm '{form}' ontbreekt"));
            }
        }
        for form in &case.vormen_niet {
            if shown(form) {
                c.fail(format!("vorm '{form}' past niet bij deze casus"));
            }
        }
        if let Some(n) = case.verschil_minstens {
            let steps: Vec<usize> = r.doelen.iter().map(|g| g.advies.index).collect();
            let spread = steps.iter().max().unwrap_or(&0) - steps.iter().min().unwrap_or(&0);
            if spread < n {
                c.fail(format!(
                    "doelen verschillen {spread} stap(pen) (verwacht ≥ {n})"
                ));
            }
        }
        if let Some(other) = &case.niet_lichter_dan {
            let o = report_of(other);
            if r.advies.nodig.index < o.advies.nodig.index {
                c.fail(format!("lichter dan {other}"));
            }
        }
        all.extend(c.failures);
    }
    assert!(all.is_empty(), "\n{}", all.join("\n"));
}
