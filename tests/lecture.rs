//! For the lecture hall and the meeting room: practice cases, presenter
//! mode, templates, comparing raters and moments, and the overview.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const ROBIN: &str = include_str!("../data/voorbeelden/robin.yaml");

fn voorwie() -> Command {
    let mut cmd = Command::cargo_bin("voorwie").unwrap();
    // The language follows the locale; tests read Dutch.
    cmd.env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd.timeout(Duration::from_secs(60));
    cmd
}

fn json(args: &[&str]) -> Value {
    let out = voorwie()
        .args(args)
        .args(["--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

/// Robin's case with replacements (each must match once).
fn robin_with(replacements: &[(&str, &str)]) -> String {
    let mut s = ROBIN.to_owned();
    for (from, to) in replacements {
        assert!(s.contains(from), "test setup: {from:?}");
        s = s.replacen(from, to, 1);
    }
    s
}

fn rater(text: &str, label: &str, role: &str) -> String {
    text.replacen(
        "versie: 1\n",
        &format!("versie: 1\nbeoordelaar:\n  label: {label}\n  rol: {role}\n"),
        1,
    )
}

#[test]
fn the_bundled_cases_cover_all_steps_and_the_key_moments() {
    let list = json(&["voorbeeld"]);
    let cases = list["voorbeelden"].as_array().unwrap();
    assert!(cases.len() >= 6);
    let steps: std::collections::BTreeSet<&str> = cases
        .iter()
        .map(|c| c["advies"]["stap"].as_str().unwrap())
        .collect();
    assert_eq!(steps.len(), 5, "{steps:?}");
    let moments: std::collections::BTreeSet<&str> = cases
        .iter()
        .filter_map(|c| c["moment"]["id"].as_str())
        .collect();
    for m in ["nieuwe_aanmelding", "opschalen", "afschalen"] {
        assert!(moments.contains(m), "{m} missing from {moments:?}");
    }
    for name in ["robin", "monique", "lara", "aanmelding-ist"] {
        assert!(cases.iter().any(|c| c["naam"] == name), "{name}");
    }
}

#[test]
fn presenter_mode_shows_the_case_every_answer_and_the_result() {
    // Without a terminal, all slides one after another.
    let out = voorwie()
        .args(["voorbeeld", "robin", "--stapsgewijs"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let total = text.matches("Enter of → verder").count();
    assert!(total > 20, "{total} slides");
    assert!(text.contains(&format!("1/{total}")) && text.contains(&format!("{total}/{total}")));
    assert!(text.contains("Praktijkvoorbeeld robin") && text.contains("kastje naar de muur"));
    assert!(text.contains("Antwoord: Na elkaar"));
    assert!(
        text.contains("Betekent:")
            && text.contains("Effect:   het soort vraagstuk: het begint bij coördinatie")
    );
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("zegt wat mogelijk is (tot coördinatie); verandert niet wat nodig is"));
    assert!(
        text.contains("3 Coördinatie  ◀ advies") || text.contains("3 Coördinatie  < advies"),
        "{text}"
    );
    for line in text.lines() {
        assert!(
            console_width(line) <= 72,
            "too wide for the back of the room: {line}"
        );
    }
    voorwie()
        .args(["voorbeeld", "robin", "--stapsgewijs", "--format", "json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "Stapsgewijs werkt alleen met --format tekst",
        ));
}

fn console_width(s: &str) -> usize {
    s.chars().count()
}

#[test]
fn a_case_exports_as_a_template_that_loads_and_can_be_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("robin-leeg.yaml");
    let p = path.to_str().unwrap();
    voorwie()
        .args(["voorbeeld", "robin", "--sjabloon", "-o", p])
        .assert()
        .success();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let template = fs::read_to_string(&path).unwrap();
    assert!(template.contains("casusinformatie"));
    assert!(template.contains("moment: casuistiekbespreking"));
    assert!(template.contains("  - label: Grip op schulden"));
    assert!(template.contains("  # draagkracht: ruim | balans | last | overbelast | weet_niet"));
    assert!(
        !template.contains("toelichting"),
        "the answers are the students' own"
    );
    // As it is: a valid file without answers.
    voorwie()
        .args(["start", "--antwoorden", p])
        .assert()
        .success();
    // Filled in: uncomment two lines.
    let filled = template
        .replacen("  # startvraag: ja | nee | weet_niet", "  startvraag: ja", 1)
        .replacen("      # doel_afhankelijk: niet | informatie | volgtijdelijk | wederzijds | verweven | weet_niet", "      doel_afhankelijk: verweven", 1)
        .replacen("# beoordelaar: {label: A, rol: wijkteam}", "beoordelaar: {label: A, rol: wijkteam}", 1);
    assert!(
        filled.contains("beoordelaar: {label: A, rol: wijkteam}   # geen naam"),
        "uncommenting leaves a comment"
    );
    fs::write(&path, filled).unwrap();
    let v = json(&["start", "--antwoorden", p]);
    assert_eq!(v["beoordelaar"]["label"], "A");
    assert_eq!(v["doelen"].as_array().unwrap().len(), 3);
}

/// A class of 30: ten see Robin's case as in the example; ten see 'Werk
/// behouden' as fully intertwined and the family as overloaded; ten see it
/// as needing one party only. Five also name an extra goal; two spell a goal
/// differently.
fn class(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for i in 1..=30 {
        let (text, role) = match i {
            1..=10 => (ROBIN.to_owned(), "wijkteam"),
            11..=20 => (
                robin_with(&[
                    (
                        "      doel_afhankelijk: wederzijds",
                        "      doel_afhankelijk: verweven",
                    ),
                    (
                        "      doel_geprobeerd: niets\n      doel_behaald: nee\n  - label: Relatie",
                        "      doel_geprobeerd: coordinatie_onvoldoende\n      doel_behaald: nee\n  - label: Relatie",
                    ),
                    ("  draagkracht: last", "  draagkracht: overbelast"),
                ]),
                "gedragswetenschapper",
            ),
            _ => (
                robin_with(&[(
                    "      doel_partijen: [uwv, werkgever, maatschappelijk_werk]\n      doel_samenwerking: ad_hoc\n      doel_afhankelijk: wederzijds",
                    "      doel_partijen: [uwv]\n      doel_samenwerking: ad_hoc\n      doel_afhankelijk: niet",
                )]),
                "jeugdbescherming",
            ),
        };
        let mut text = rater(&text, &format!("S{i:02}"), role);
        if i % 6 == 0 {
            text.push('\n');
            text = text.replacen(
                "doelen:\n",
                "doelen:\n  - label: Extra doel\n    antwoorden: {}\n",
                1,
            );
        }
        if i == 7 || i == 23 {
            text = text.replacen(
                "  - label: Werk behouden",
                "  - label: '  werk   BEHOUDEN '",
                1,
            );
        }
        let path = dir.join(format!("s{i:02}.yaml"));
        fs::write(&path, text).unwrap();
        files.push(path.to_str().unwrap().to_owned());
    }
    files
}

#[test]
fn comparing_a_class_flags_the_disagreements() {
    let dir = tempfile::tempdir().unwrap();
    let files = class(dir.path());
    let mut args = vec!["vergelijk"];
    args.extend(files.iter().map(String::as_str));
    let v = json(&args);
    assert_eq!(v["soort"], "beoordelaars");
    assert_eq!(v["sessies"].as_array().unwrap().len(), 30);
    let goal = |label: &str| -> Value {
        v["doelen"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["label"] == label)
            .cloned()
            .unwrap_or_else(|| panic!("{label}: {v}"))
    };
    let werk = goal("Werk behouden");
    assert!(werk["spreiding"].as_u64().unwrap() >= 2, "{werk}");
    assert_eq!(werk["bespreek"], true);
    let counts: u64 = werk["verdeling"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(counts, 30, "the differently spelled labels are matched");
    let relatie = goal("Relatie ontlasten");
    assert_eq!(relatie["spreiding"], 0);
    assert_eq!(relatie["bespreek"], false);
    // The extra goal is listed, not dropped.
    let unmatched = v["ongematcht"].as_array().unwrap();
    assert_eq!(unmatched.len(), 1);
    assert_eq!(unmatched[0]["label"], "Extra doel");
    assert_eq!(unmatched[0]["in_sessies"].as_array().unwrap().len(), 5);
    // The questions that differ most, with who answered what.
    let diffs = v["verschillen"].as_array().unwrap();
    let afhankelijk = diffs
        .iter()
        .find(|d| d["vraag"] == "doel_afhankelijk" && d["doel"] == "Werk behouden")
        .expect("the dependence on 'Werk behouden' differs");
    let groups = afhankelijk["antwoorden"].as_array().unwrap();
    assert_eq!(groups.len(), 3);
    for g in groups {
        assert_eq!(g["sessies"].as_array().unwrap().len(), 10);
    }
    assert!(diffs.iter().any(|d| d["vraag"] == "draagkracht"));
    // Grouped by role.
    let roles = v["per_rol"].as_array().unwrap();
    assert_eq!(roles.len(), 3);
    assert!(
        roles
            .iter()
            .all(|r| r["sessies"].as_array().unwrap().len() == 10)
    );

    let mut args = vec!["vergelijk"];
    args.extend(files.iter().map(String::as_str));
    let text = String::from_utf8(
        voorwie()
            .args(&args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    assert!(
        text.contains("Werk behouden:") && text.contains("BESPREEK DIT"),
        "{text}"
    );
    assert!(text.contains("'Extra doel': alleen bij S06, S12, S18, S24, S30"));
    let md = String::from_utf8(
        voorwie()
            .args(&args)
            .args(["--format", "markdown"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    assert!(md.contains("**bespreek dit**"));
}

#[test]
fn comparing_one_case_over_time_shows_what_changed_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let dated = |date: &str, text: &str| {
        text.replacen("versie: 1\n", &format!("versie: 1\ndatum: \"{date}\"\n"), 1)
    };
    let january = dated("2026-01-12", ROBIN);
    let march = dated(
        "2026-03-02",
        &robin_with(&[(
            "  - label: Relatie ontlasten\n",
            "  - label: Woning behouden\n    antwoorden:\n      doel_partijen: [wonen, schuldhulp, wijkteam]\n      doel_afhankelijk: wederzijds\n  - label: Relatie ontlasten\n",
        )]),
    );
    let june = dated(
        "2026-06-15",
        &robin_with(&[
            (
                "      doel_geprobeerd: connectie_onvoldoende\n      doel_behaald: nee",
                "      doel_geprobeerd: werkt\n      doel_behaald: ja",
            ),
            (
                "  - label: Relatie ontlasten\n    antwoorden:\n      doel_partijen: [maatschappelijk_werk]\n      doel_samenwerking: een\n      doel_afhankelijk: niet\n      doel_veiligheid: geen\n      doel_geprobeerd: niets\n      doel_behaald: nee\n",
                "",
            ),
            (
                "  prioriteit_gezin: [Grip op schulden, Relatie ontlasten, Werk behouden]",
                "  prioriteit_gezin: [Grip op schulden, Werk behouden]",
            ),
            (
                "  prioriteit_hulpverlening: [Grip op schulden, Werk behouden, Relatie ontlasten]",
                "  prioriteit_hulpverlening: [Grip op schulden, Werk behouden]",
            ),
        ]),
    );
    let paths: Vec<String> = [("c.yaml", june), ("a.yaml", january), ("b.yaml", march)]
        .iter()
        .map(|(name, text)| {
            let p = dir.path().join(name);
            fs::write(&p, text).unwrap();
            p.to_str().unwrap().to_owned()
        })
        .collect();
    let mut args = vec!["vergelijk"];
    args.extend(paths.iter().map(String::as_str));
    let v = json(&args);
    assert_eq!(v["soort"], "tijdlijn");
    let dates: Vec<&str> = v["sessies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["datum"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        ["2026-01-12", "2026-03-02", "2026-06-15"],
        "in order of time"
    );
    let changes = v["tijdlijn"].as_array().unwrap();
    assert_eq!(changes.len(), 2);
    let first: Vec<&str> = changes[0]["wat"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(
        first.contains(&"nieuw doel: 'Woning behouden'"),
        "{first:?}"
    );
    let second: Vec<&str> = changes[1]["wat"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(
        second.contains(&"'Grip op schulden' is behaald"),
        "{second:?}"
    );
    assert!(
        second.contains(&"'Relatie ontlasten' wordt niet meer genoemd"),
        "{second:?}"
    );
    assert!(
        second.contains(&"'Woning behouden' wordt niet meer genoemd"),
        "{second:?}"
    );
}

#[test]
fn vergelijk_needs_two_sessions_and_valid_files() {
    voorwie()
        .args(["vergelijk", "data/voorbeelden/robin.yaml"])
        .assert()
        .code(2);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("kapot.yaml");
    fs::write(&bad, "versie: 1\nantwoorden:\n  startvraag: misschien\n").unwrap();
    voorwie()
        .args([
            "vergelijk",
            "data/voorbeelden/robin.yaml",
            bad.to_str().unwrap(),
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("kapot.yaml:3:15"));
}

/// 200 sessions with known counts, three broken files and a file that is
/// not a session.
fn population(dir: &Path) {
    let case = |name: &str| fs::read_to_string(format!("data/voorbeelden/{name}.yaml")).unwrap();
    let mut n = 0;
    let mut put = |sub: &str, text: &str| {
        let d = dir.join(sub);
        fs::create_dir_all(&d).unwrap();
        fs::write(d.join(format!("s{n:04}.yaml")), text).unwrap();
        n += 1;
    };
    for _ in 0..50 {
        put("a", &case("peuter-slaap")); // segregatie, nieuwe aanmelding
        put("a", &case("schoolverzuim")); // connectie, evaluatie
        put("b", &case("beter-thuis")); // integratie, opschalen
    }
    let gap = robin_with(&[(
        "  intensief_mogelijk: tot_coordinatie\n  belemmering: [capaciteit]",
        "  intensief_mogelijk: tot_connectie\n  belemmering: [financiering]",
    )]);
    let unknown = robin_with(&[("  draagkracht: last", "  draagkracht: weet_niet")]);
    let heavier =
        ROBIN.to_owned() + "overschrijving:\n  stap: integratie\n  reden: eigen afweging\n";
    for i in 0..50 {
        // Robin: coördinatie, casuïstiekbespreking.
        let text = match i {
            0..30 => &gap,
            30..45 => &unknown,
            _ => &heavier,
        };
        put("b/c", text);
    }
    fs::write(dir.join("a/kapot-1.yaml"), "versie: [").unwrap();
    fs::write(
        dir.join("b/kapot-2.yml"),
        "versie: 1\nantwoorden:\n  onbekend: ja\n",
    )
    .unwrap();
    fs::write(dir.join("b/c/kapot-3.json"), "{\"versie\": 3}").unwrap();
    fs::write(dir.join("a/lees-mij.txt"), "geen sessie").unwrap();
}

#[test]
fn the_overview_counts_what_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    population(dir.path());
    let root = dir.path().to_str().unwrap();
    let out = voorwie()
        .args(["overzicht", root, "--format", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(v["sessies"], 200);
    assert_eq!(v["niet_gelezen"], 3);
    for name in ["kapot-1.yaml", "kapot-2.yml", "kapot-3.json"] {
        assert!(stderr.contains(name), "{name} not reported in {stderr}");
    }
    let steps: Vec<u64> = v["stappen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["aantal"].as_u64().unwrap())
        .collect();
    assert_eq!(steps, [50, 50, 50, 0, 50]);
    let moment = |id: &str| {
        v["per_moment"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["moment"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(moment("opschalen")["stappen"][4]["aantal"], 50);
    assert_eq!(moment("casuistiekbespreking")["sessies"], 50);
    assert_eq!(v["kloof"]["sessies"], 30);
    assert_eq!(v["kloof"]["per_niveau"][0]["id"], "beleid");
    assert_eq!(v["kloof"]["per_niveau"][0]["aantal"], 30);
    let dont_know = v["weet_niet"].as_array().unwrap();
    assert_eq!(dont_know[0]["id"], "draagkracht");
    assert_eq!(dont_know[0]["aantal"], 15);
    assert_eq!(v["overschrijvingen"]["zwaarder"], 5);
    assert_eq!(v["overschrijvingen"]["totaal"], 5);
    // The most frequent action: Robin's and Beter Thuis' shared
    // "evaluate why the collaboration yields little" (50 + 50).
    assert_eq!(v["actiepunten"][0]["aantal"], 100);
    // No names, labels or notes.
    let text = String::from_utf8(out.stdout).unwrap();
    for private in ["Grip op schulden", "Robin", "kastje"] {
        assert!(
            !text.contains(private),
            "{private} leaked into the overview"
        );
    }
}

#[test]
fn the_overview_as_csv_has_one_row_per_session_goal() {
    let dir = tempfile::tempdir().unwrap();
    population(dir.path());
    let csv_path = dir.path().join("overzicht.csv");
    voorwie()
        .args([
            "overzicht",
            dir.path().join("a").to_str().unwrap(),
            "--format",
            "csv",
            "-o",
            csv_path.to_str().unwrap(),
        ])
        .assert()
        .success();
    let text = fs::read_to_string(&csv_path).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "sessie,moment,datum,rol,doel,stap,nodig,huidig,richting,zekerheid,mogelijk,kloof,weet_niet,overschrijving,overschrijving_casus"
        )
    );
    // 50 × peuter-slaap (1 goal) + 50 × schoolverzuim (2 goals).
    assert_eq!(lines.clone().count(), 150);
    assert!(
        lines.all(|l| !l.contains("Weer naar school")),
        "no goal labels"
    );
    assert_eq!(
        fs::metadata(&csv_path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    voorwie()
        .args(["kaart", "--format", "csv"])
        .assert()
        .code(2);
}

#[test]
fn the_overview_reads_nothing_quietly() {
    let dir = tempfile::tempdir().unwrap();
    voorwie()
        .args(["overzicht", dir.path().to_str().unwrap()])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("0 sessies")
                .and(predicate::str::contains("Geen sessies gevonden")),
        );
    voorwie()
        .args(["overzicht", "bestaat-niet"])
        .assert()
        .success()
        .stderr(predicate::str::contains("bestaat-niet"));
}
