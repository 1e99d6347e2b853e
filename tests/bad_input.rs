//! Every kind of bad input gets a clear Dutch message with the file and the
//! place, exit code 1 (or 2 for usage), quickly: never a panic or a hang.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;

fn voorwie() -> Command {
    let mut cmd = Command::cargo_bin("voorwie").unwrap();
    // The language follows the locale; tests read Dutch.
    cmd.env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd.timeout(Duration::from_secs(20));
    cmd
}

fn file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

/// Runs `start --antwoorden` on `text`; expects exit 1 and all of `needles`
/// on stderr, within two seconds.
fn rejects(text: &str, needles: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "antwoorden.yaml", text);
    let started = Instant::now();
    let out = voorwie()
        .args(["start", "--antwoorden", path.to_str().unwrap()])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for n in needles {
        assert!(stderr.contains(n), "missing {n:?} in:\n{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "took {:?}",
        started.elapsed()
    );
}

const OK: &str = "versie: 1\nantwoorden:\n  startvraag: ja\n";

#[test]
fn unknown_question_and_option_ids_name_the_id_and_the_line() {
    rejects(
        "versie: 1\nantwoorden:\n  startvraag: misschien\n  brede_blikk: ja\n",
        &[
            "antwoorden.yaml:3:15: 'misschien' is geen antwoord op 'startvraag'",
            "kies een van: ja, nee, weet_niet",
            "antwoorden.yaml:4:3: onbekende vraag 'brede_blikk'",
            "bedoel je 'brede_blik'?",
        ],
    );
}

#[test]
fn wrong_answer_types() {
    rejects(
        "versie: 1\nantwoorden:\n  draagkracht: [ruim, last]\n",
        &["antwoorden.yaml:3:16: 'draagkracht' heeft één antwoord, geen lijst"],
    );
    rejects(
        "versie: 1\nantwoorden:\n  wat_gebeurt: [a, b]\n",
        &["'wat_gebeurt' vraagt om een tekst, niet om een lijst"],
    );
    rejects(
        "versie: 1\nantwoorden:\n  startvraag: {ja: nee}\n",
        &["antwoorden.yaml:3:15"],
    );
    rejects("versie: een\n", &["antwoorden.yaml:1:9", "geheel getal"]);
}

#[test]
fn questions_in_the_wrong_place() {
    rejects(
        "versie: 1\nantwoorden:\n  doel_partijen: [wijkteam]\n",
        &[
            "'doel_partijen' is een vraag per doel",
            "zet dit antwoord onder doelen",
        ],
    );
    rejects(
        "versie: 1\ndoelen:\n  - label: A\n    antwoorden:\n      draagkracht: ruim\n",
        &["antwoorden.yaml:5:7: 'draagkracht' is een vraag voor de hele casus"],
    );
}

#[test]
fn goals_priorities_moments_and_overrides() {
    rejects(
        "versie: 1\ndoelen:\n  - label: Schulden\n  - label: ' schulden '\n",
        &["antwoorden.yaml:4:12: het doel 'schulden' staat er twee keer (eerder op regel 3)"],
    );
    rejects(
        "versie: 1\ndoelen:\n  - label: ''\n",
        &["een doel heeft een leeg label"],
    );
    rejects(
        "versie: 1\nantwoorden:\n  prioriteit_gezin: [Werk]\ndoelen:\n  - label: Schulden\n",
        &["'prioriteit_gezin' noemt het doel 'Werk', maar dat doel bestaat niet"],
    );
    rejects(
        "versie: 1\nmoment: kerst\n",
        &[
            "antwoorden.yaml:2:9: onbekend moment 'kerst'",
            "kies een van: nieuwe_aanmelding",
        ],
    );
    rejects(
        "versie: 1\noverschrijving:\n  stap: fusie\n  reden: x\n",
        &["antwoorden.yaml:3:9: onbekende stap 'fusie' in de overschrijving"],
    );
    rejects(
        "versie: 1\noverschrijving:\n  stap: integratie\n  reden: ' '\n",
        &["een overschrijving heeft een reden nodig"],
    );
}

#[test]
fn versions() {
    rejects(
        "antwoorden:\n  startvraag: ja\n",
        &["antwoorden.yaml:1:1: het verplichte veld 'versie' ontbreekt"],
    );
    rejects(
        "versie: 2\n",
        &[
            "antwoorden.yaml:1:9: dit bestand heeft formaatversie 2",
            "werk voorwie bij",
        ],
    );
    rejects("versie: 0\n", &["formaatversie 0 bestaat niet"]);
}

#[test]
fn answers_from_an_older_bank_version_are_explained_and_what_maps_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        dir.path(),
        "oud.yaml",
        "versie: 1\nbank:\n  id: voorwie-standaard\n  versie: \"0.9\"\nantwoorden:\n  startvraag: ja\n  zwaarte: hoog\n  draagkracht: heel_laag\n",
    );
    voorwie()
        .args([
            "start",
            "--antwoorden",
            path.to_str().unwrap(),
            "--format",
            "json",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"advies\""))
        .stderr(
            predicate::str::contains("gemaakt met vragenbank 'voorwie-standaard' versie 0.9")
                .and(predicate::str::contains(
                    "oud.yaml:7:3: waarschuwing: onbekende vraag 'zwaarte'",
                ))
                .and(predicate::str::contains(
                    "'heel_laag' is geen antwoord op 'draagkracht'",
                ))
                .and(predicate::str::contains(
                    "1 antwoord(en) gebruikt, 2 overgeslagen",
                )),
        );
}

#[test]
fn files_that_are_too_large_or_not_text() {
    let dir = tempfile::tempdir().unwrap();
    let big = file(
        dir.path(),
        "groot.yaml",
        &format!("versie: 1\nnotities: \"{}\"\n", "x".repeat(1_100_000)),
    );
    voorwie()
        .args(["start", "--antwoorden", big.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("groot.yaml' is te groot")
                .and(predicate::str::contains("1048576 bytes")),
        );

    let binary = dir.path().join("data.yaml");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01").unwrap();
    voorwie()
        .args(["start", "--antwoorden", binary.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is geen tekstbestand"));

    voorwie()
        .args(["start", "--antwoorden", dir.path().to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("dit is een map, geen bestand"));

    voorwie()
        .args(["start", "--antwoorden", "bestaat-niet.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "kan 'bestaat-niet.yaml' niet lezen: het bestand of de map bestaat niet",
        ));

    // A file that never ends is read only up to the limit.
    let started = Instant::now();
    voorwie()
        .args(["start", "--antwoorden", "/dev/zero"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("te groot"));
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn alias_bombs_are_refused_quickly() {
    // "Billion laughs": nine levels of nine aliases would be 9^9 strings.
    let mut text = String::from(
        "versie: 1\nantwoorden:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..9 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        text.push_str(&format!("  a{i}: &a{i} [{refs}]\n"));
    }
    rejects(&text, &["antwoorden.yaml:"]);
    // The same bomb where a list is allowed at every level.
    let mut bank_bomb = String::from("versie: 1\nantwoorden:\n  leefgebieden: &a0 [wonen, werk]\n");
    for i in 1..40 {
        bank_bomb.push_str(&format!("  x{i}: &a{i} [*a{}, *a{}]\n", i - 1, i - 1));
    }
    rejects(&bank_bomb, &["antwoorden.yaml:"]);
    // A bomb that fits the types: a list of a thousand answers, aliased a
    // thousand times (a million strings). The alias budget stops it.
    let items = vec!["wonen"; 1000].join(", ");
    let mut typed = format!("versie: 1\nantwoorden:\n  leefgebieden: &a [{items}]\n");
    for i in 0..1000 {
        typed.push_str(&format!("  x{i}: *a\n"));
    }
    rejects(&typed, &["antwoorden.yaml:", "te veel verwijzingen"]);
}

#[test]
fn deep_nesting_is_refused_quickly() {
    let deep = format!(
        "versie: 1\nantwoorden:\n  startvraag: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    rejects(&deep, &["antwoorden.yaml:3:"]);
    let deep_map = format!("versie: 1\nnotities: {}\n", "{a: ".repeat(50_000));
    rejects(&deep_map, &["antwoorden.yaml:2:"]);
}

#[test]
fn text_from_files_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        dir.path(),
        "vijandig.yaml",
        "versie: 1\nantwoorden:\n  startvraag: ja\ndoelen:\n  - label: \"Werk\\e]0;gehackt\\a\\e[2J\\e[31m\"\nnotities: \"Let op\\e[5m\\u202Eknipper\"\n",
    );
    for format in ["tekst", "markdown", "json"] {
        let out = voorwie()
            .args([
                "start",
                "--antwoorden",
                path.to_str().unwrap(),
                "--format",
                format,
            ])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8_lossy(&out);
        assert!(
            !text.contains('\x1b') && !text.contains('\x07') && !text.contains('\u{202E}'),
            "{format}: {text:?}"
        );
        assert!(text.contains("gehackt"), "{format}: the text itself stays");
    }
    // The same goes for messages about a file.
    let bad = file(
        dir.path(),
        "fout.yaml",
        "versie: 1\nantwoorden:\n  \"vraag\\e[31m\": ja\n",
    );
    let out = voorwie()
        .args(["start", "--antwoorden", bad.to_str().unwrap()])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(!String::from_utf8_lossy(&out.stderr).contains('\x1b'));
}

#[test]
fn a_broken_bank_file_is_reported_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let bank = file(
        dir.path(),
        "bank.yaml",
        "id: x\nversie: \"1\"\nnaam: x\nniveaus: [\n",
    );
    voorwie()
        .args(["kaart", "--bank", bank.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bank.yaml:"));
    let empty = file(dir.path(), "leeg.yaml", "");
    voorwie()
        .args(["controleer", empty.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("leeg.yaml"));
}

#[test]
fn a_valid_file_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "ok.yaml", OK);
    voorwie()
        .args(["start", "--antwoorden", path.to_str().unwrap()])
        .assert()
        .success();
}
