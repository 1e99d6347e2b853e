//! The professional's own choice (an override) leads wherever the tool's
//! suggestion is shown, with the suggestion beside it: the HTML picture,
//! the presenter's outcome and the overview's CSV.

use std::fs;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

const ROBIN: &str = include_str!("../data/voorbeelden/robin.yaml");

fn voorwie(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("voorwie").unwrap();
    cmd.current_dir(dir)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .timeout(Duration::from_secs(60));
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

/// Robin, where the professional chose coöperatie (the tool suggests
/// coördinatie).
fn chosen(dir: &Path) {
    fs::write(
        dir.join("keuze.yaml"),
        ROBIN.replacen(
            "versie: 1\n",
            "versie: 1\noverschrijving:\n  stap: cooperatie\n  reden: Het team kent dit gezin al.\n",
            1,
        ),
    )
    .unwrap();
}

#[test]
fn the_picture_shows_the_choice_filled_and_the_suggestion_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    chosen(dir.path());
    let html = stdout(voorwie(dir.path()).args([
        "start",
        "--antwoorden",
        "keuze.yaml",
        "--format",
        "html",
    ]));
    let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    // The case row: the choice on coöperatie (step 4) filled, the
    // suggestion on coördinatie (step 3) outlined.
    let pill = |word: &str| {
        let at = svg
            .find(&format!(">{word}</text>"))
            .unwrap_or_else(|| panic!("{word}: {svg}"));
        let rect = svg[..at].rfind("<rect").unwrap();
        svg[rect..at].to_owned()
    };
    assert!(
        pill("keuze").contains("fill=\"#0b6e69\""),
        "{}",
        pill("keuze")
    );
    assert!(
        pill("advies").contains("fill=\"#ffffff\""),
        "{}",
        pill("advies")
    );
    assert!(html.contains("keuze: de eigen keuze van de professional"));
    // In the headline too, before the suggestion.
    let choice = html.find("Gekozen: Coöperatie").unwrap();
    let suggestion = html.find("Suggestie: <strong>Coördinatie").unwrap();
    assert!(choice < suggestion);
}

#[test]
fn the_overview_csv_keeps_the_choice_for_the_case() {
    let dir = tempfile::tempdir().unwrap();
    chosen(dir.path());
    let csv = stdout(voorwie(dir.path()).args(["overzicht", "keuze.yaml", "--format", "csv"]));
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = header
        .iter()
        .position(|h| *h == "overschrijving_casus")
        .unwrap();
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 3, "one row per goal");
    for row in rows {
        assert_eq!(row.split(',').nth(col), Some("cooperatie"), "{row}");
    }
}

#[test]
fn the_presenter_outcome_leads_with_the_choice() {
    let dir = tempfile::tempdir().unwrap();
    let slides = stdout(voorwie(dir.path()).args(["voorbeeld", "robin", "--stapsgewijs"]));
    // Robin has no override: the suggestion, what is needed and possible,
    // and the action points each have a slide.
    for heading in [
        "Advies voor de casus",
        "Per hulpvraag",
        "Nodig versus mogelijk",
        "Actiepunten",
    ] {
        assert!(slides.contains(&format!("\n{heading}\n")), "{heading}");
    }
    assert!(slides.contains("Suggestie: Coördinatie (stap 3 van 5)"));
    assert!(slides.contains("Mogelijk:"));
    assert!(slides.contains("Nu doen:") || slides.contains("Uitzoeken:"));
}
