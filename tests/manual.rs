//! The manual (`voorwie man`) and the shell completions: every command's
//! options and the environment on one page, no pointers to pages that do
//! not exist; practice-case names and step ids complete.

use std::time::Duration;

use assert_cmd::Command;

fn out(lang: &str, args: &[&str]) -> String {
    let mut cmd = Command::cargo_bin("voorwie").unwrap();
    cmd.env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .timeout(Duration::from_secs(60));
    let o = cmd
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(o).unwrap()
}

#[test]
fn the_manual_has_every_command_its_options_and_the_environment() {
    let man = out("C.UTF-8", &["man"]);
    for sub in [
        "start",
        "kaart",
        "continuum",
        "voorbeeld",
        "vergelijk",
        "overzicht",
        "controleer",
        "completions",
        "man",
    ] {
        assert!(man.contains(&format!(".SS \"voorwie {sub}\"")), "{sub}");
        assert!(
            !man.contains(&format!("voorwie\\-{sub}(1)")),
            "a page for {sub} that does not exist"
        );
    }
    for option in [
        "stapsgewijs",
        "sjabloon",
        "uitwerking",
        "tijdlijn",
        "hervat",
        "klembord",
        "casus",
    ] {
        assert!(man.contains(&format!("\\-\\-{option}")), "--{option}");
    }
    for var in [
        "VOORWIE_DATA_DIR",
        "NO_COLOR",
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "TERM",
    ] {
        assert!(man.contains(&format!("\\fB{var}\\fR")), "{var}");
    }
    assert!(man.contains(".SH OMGEVING") && man.contains(".SH OPDRACHTEN"));
    assert!(
        !man.contains("Print help"),
        "no English in the Dutch manual"
    );
    let en = out("C.UTF-8", &["man", "--taal", "en"]);
    assert!(en.contains(".SH ENVIRONMENT") && en.contains(".SH COMMANDS"));
    assert!(en.contains("Put the worked answer of this practice case beside the raters"));
}

#[test]
fn completions_offer_practice_cases_and_steps() {
    // (clap_complete's PowerShell script completes commands and options,
    // not their values.)
    for shell in ["bash", "zsh", "fish"] {
        let script = out("C.UTF-8", &["completions", shell]);
        for word in [
            "aanmelding-ist",
            "robin",
            "beter-thuis",
            "coordinatie",
            "integratie",
        ] {
            assert!(script.contains(word), "{shell}: {word}");
        }
    }
    // Normal runs still take any name, and explain an unknown one.
    let mut cmd = Command::cargo_bin("voorwie").unwrap();
    cmd.env("LANG", "C.UTF-8")
        .args(["voorbeeld", "robyn"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "onbekend praktijkvoorbeeld 'robyn'",
        ));
}
