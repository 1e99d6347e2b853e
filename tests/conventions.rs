//! Command-line conventions: Dutch help and errors, completions and the
//! manual, colour, quiet mode, the clipboard fallback, HTML pages and the
//! English interface. Each test runs the real binary.

use std::fs;
use std::process::Command as StdCommand;
use std::time::Duration;

use assert_cmd::Command;

fn voorwie() -> Command {
    let mut cmd = Command::cargo_bin("voorwie").unwrap();
    // The language follows the locale; most of these tests read Dutch.
    cmd.env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color")
        .timeout(Duration::from_secs(20));
    cmd
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = voorwie().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const SUBCOMMANDS: [&str; 9] = [
    "start",
    "kaart",
    "continuum",
    "voorbeeld",
    "vergelijk",
    "overzicht",
    "controleer",
    "completions",
    "man",
];

#[test]
fn help_is_dutch_with_examples_and_exit_codes() {
    let (code, out, err) = run(&["--help"]);
    assert_eq!(code, 0, "{err}");
    for dutch in [
        "Gebruik:",
        "Opdrachten:",
        "Opties:",
        "Voorbeelden:",
        "Exitcodes:",
        "130",
    ] {
        assert!(out.contains(dutch), "--help lacks {dutch:?}:\n{out}");
    }
    for english in [
        "Usage:",
        "Options:",
        "Commands:",
        "[default",
        "possible values",
        "Print help",
    ] {
        assert!(
            !out.contains(english),
            "--help has English {english:?}:\n{out}"
        );
    }
    for sub in SUBCOMMANDS {
        assert!(out.contains(sub), "--help does not list {sub}");
        let (code, help, _) = run(&[sub, "--help"]);
        assert_eq!(code, 0);
        assert!(
            help.contains(&format!("Gebruik: voorwie {sub}")),
            "{sub} --help:\n{help}"
        );
        assert!(
            help.contains("Voorbeelden:") || help.contains("Installeren:"),
            "{sub} --help has no examples:\n{help}"
        );
        assert!(
            !help.contains("Usage:") && !help.contains("Options:"),
            "{help}"
        );
    }
    // `voorwie help kaart` as in git and cargo.
    let (code, help, _) = run(&["help", "kaart"]);
    assert_eq!(code, 0);
    assert!(help.contains("Gebruik: voorwie kaart"), "{help}");
}

#[test]
fn version_names_the_embedded_bank() {
    let (code, out, _) = run(&["--version"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("voorwie ") && out.contains("vragenbank voorwie-standaard 2.0.0"),
        "{out}"
    );
    assert!(out.ends_with('\n'));
}

#[test]
fn usage_errors_are_dutch_with_a_hint_and_exit_code_2() {
    // (arguments, part of the message, the usage line, the help to read)
    let cases: [(&[&str], &str, &str, &str); 8] = [
        (
            &["--formaat", "json"],
            "tip: bedoel je --format?",
            "Gebruik: voorwie [OPTIES]\n         voorwie OPDRACHT [OPTIES]\n",
            "voorwie --help",
        ),
        (
            // clap gives no usage with a wrong value: the help of the
            // command that was typed, found by name or alias.
            &["kaart", "--format", "pdf"],
            "'pdf' is geen geldige waarde voor --format",
            "",
            "voorwie kaart --help",
        ),
        (
            &["-q", "card", "--kleur", "soms"],
            "'soms' is geen geldige waarde voor --kleur",
            "",
            "voorwie kaart --help",
        ),
        (
            &["--format", "pdf"],
            "'pdf' is geen geldige waarde voor --format",
            "",
            "voorwie --help (of voorwie OPDRACHT --help)",
        ),
        (
            &["kart"],
            "onbekende opdracht 'kart'",
            "Gebruik: voorwie [OPTIES]",
            "voorwie --help",
        ),
        (
            &["vergelijk", "een.yaml"],
            "te weinig waarden",
            "Gebruik: voorwie vergelijk BESTAND BESTAND... [OPTIES]\n",
            "voorwie vergelijk --help",
        ),
        (
            &["start", "--antwoorden", "a.yaml", "--hervat"],
            "kan niet samen met",
            "Gebruik: voorwie start [OPTIES]\n",
            "voorwie start --help",
        ),
        (
            &["completions"],
            "er ontbreekt",
            "Gebruik: voorwie completions SHELL\n",
            "voorwie completions --help",
        ),
    ];
    for (args, needle, usage, help) in cases {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: nothing on stdout");
        assert!(err.starts_with("voorwie: "), "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(err.contains(usage), "{args:?}: {err}");
        assert!(
            err.ends_with(&format!("Meer hulp: {help}\n")),
            "{args:?}: {err}"
        );
        assert!(
            !err.contains("error:") && !err.contains("Usage"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn shared_options_may_stand_before_the_subcommand() {
    for (before, after) in [
        (&["-q", "kaart"][..], &["kaart", "-q"][..]),
        (
            &["--taal", "en", "continuum"],
            &["continuum", "--taal", "en"],
        ),
        (
            &[
                "--format",
                "json",
                "--kleur",
                "nooit",
                "continuum",
                "integratie",
            ],
            &[
                "continuum",
                "integratie",
                "--format",
                "json",
                "--kleur",
                "nooit",
            ],
        ),
    ] {
        let (code, out, err) = run(before);
        assert_eq!(code, 0, "{before:?}: {err}");
        assert_eq!(
            (out, err),
            (run(after).1, run(after).2),
            "{before:?} and {after:?} differ"
        );
    }
    let (_, out, _) = run(&["--taal", "en", "continuum"]);
    assert!(out.contains("The continuum"), "{out}");
}

#[test]
fn a_session_option_before_another_subcommand_is_a_usage_error() {
    // (arguments, the message, the help to read)
    let cases: [(&[&str], &str, &str); 3] = [
        (
            &["--snel", "kaart"],
            "--snel hoort bij de sessie (voorwie start), niet bij voorwie kaart",
            "voorwie kaart --help",
        ),
        (
            &["--antwoorden", "sessie.yaml", "card"],
            "--antwoorden hoort bij de sessie (voorwie start), niet bij voorwie kaart",
            "voorwie kaart --help",
        ),
        (
            &["--klembord", "start", "--snel"],
            "--klembord hoort na de opdracht: voorwie start --klembord",
            "voorwie start --help",
        ),
    ];
    for (args, message, help) in cases {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert_eq!(
            err,
            format!("voorwie: {message}\nMeer hulp: {help}\n"),
            "{args:?}"
        );
    }
}

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef voorwie"),
        ("fish", "complete -c voorwie"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let (code, out, err) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(out.contains(marker), "{shell}: no {marker:?}");
        assert!(
            out.contains("kaart") && out.contains("--antwoorden"),
            "{shell}"
        );
    }
    // The bash script is valid bash.
    let (_, script, _) = run(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("voorwie.bash");
    fs::write(&file, script).unwrap();
    let status = StdCommand::new("bash")
        .arg("-n")
        .arg(&file)
        .status()
        .unwrap();
    assert!(status.success(), "bash -n rejects the completion script");
}

#[test]
fn the_manual_is_roff_with_dutch_headings() {
    let (code, out, _) = run(&["man"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with(".ie") || out.starts_with(".TH"),
        "{}",
        &out[..80]
    );
    assert!(out.contains(".TH voorwie 1"));
    for heading in [
        ".SH NAAM",
        ".SH SAMENVATTING",
        ".SH OPTIES",
        ".SH OPDRACHTEN",
    ] {
        assert!(out.contains(heading), "man lacks {heading}");
    }
    assert!(!out.contains(".SH OPTIONS"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    // Piped: no colour, unless forced.
    let (_, plain, _) = run(&["kaart"]);
    assert!(!plain.contains('\x1b'));
    let (_, forced, _) = run(&["kaart", "--kleur", "altijd"]);
    assert!(forced.contains("\x1b["), "--kleur altijd gives colour");
    let (_, never, _) = run(&["kaart", "--kleur", "nooit"]);
    assert!(!never.contains('\x1b'));
    // NO_COLOR is about terminals; forcing still wins, as clig.dev says.
    let out = voorwie()
        .args(["kaart", "--kleur", "nooit"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'));
}

#[test]
fn quiet_silences_messages_but_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy("data/voorbeelden/robin.yaml", dir.path().join("robin.yaml")).unwrap();
    fs::write(dir.path().join("kapot.yaml"), "versie: [").unwrap();
    let path = dir.path().to_str().unwrap();
    let (code, out, err) = run(&["overzicht", path]);
    assert_eq!(code, 0);
    assert!(
        err.contains("overgeslagen") && err.contains("kapot.yaml"),
        "{err}"
    );
    assert!(out.contains('1'));
    let (code, out_q, err_q) = run(&["overzicht", path, "-q"]);
    assert_eq!(code, 0);
    assert!(err_q.is_empty(), "-q: {err_q}");
    assert_eq!(out, out_q, "-q does not change the data");
    // Errors still speak.
    let (code, _, err) = run(&["start", "--antwoorden", "bestaat-niet.yaml", "-q"]);
    assert_eq!(code, 1);
    assert!(err.contains("bestaat-niet.yaml"), "{err}");
}

#[test]
fn clipboard_without_a_display_falls_back_clearly() {
    let out = voorwie()
        .args([
            "start",
            "--antwoorden",
            "data/voorbeelden/robin.yaml",
            "--klembord",
        ])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "no clipboard is not a failure");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stdout.contains("Voor wie doen we wat?"),
        "the summary is still on stdout"
    );
    assert!(
        stderr.contains("klembord lukte niet") && stderr.contains("geen grafische sessie"),
        "{stderr}"
    );

    // The clipboard uses the same report: warnings about the file come once.
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("oud.yaml");
    fs::write(
        &old,
        "versie: 1\nbank: {id: voorwie-standaard, versie: \"0.9.0\"}\nantwoorden:\n  startvraag: ja\n  oude_vraag: ja\n",
    )
    .unwrap();
    let out = voorwie()
        .args(["start", "--antwoorden", old.to_str().unwrap(), "--klembord"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.matches("onbekende vraag 'oude_vraag'").count(),
        1,
        "{stderr}"
    );
}

/// What makes a page self-contained: nothing that runs, nothing loaded.
fn assert_self_contained(html: &str) {
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..40]);
    assert!(html.contains("<meta charset=\"utf-8\">"));
    let lower = html.to_lowercase();
    for forbidden in [
        "<script", "<link", "<img", "<iframe", "src=", "@import", "url(", "https://",
    ] {
        assert!(!lower.contains(forbidden), "page contains {forbidden:?}");
    }
    // The only address is the SVG namespace, which loads nothing.
    assert_eq!(
        lower.matches("http://").count(),
        lower
            .matches("xmlns=\"http://www.w3.org/2000/svg\"")
            .count()
    );
    assert_eq!(html.matches("<svg").count(), html.matches("</svg>").count());
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn html_result_card_and_continuum_are_self_contained_pages() {
    let (code, result, err) = run(&[
        "start",
        "--antwoorden",
        "data/voorbeelden/aanmelding-ist.yaml",
        "--format",
        "html",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_self_contained(&result);
    assert!(result.contains("<html lang=\"nl\">"));
    assert!(result.contains("bevat casusinformatie"), "privacy line");
    // The picture: one row for the case and one per goal, each with its
    // advice (on its own pill, or sharing one: "nu · advies").
    assert_eq!(result.matches("advies</text>").count(), 1 + 3);
    assert!(
        result.contains(">nu · advies</text>"),
        "now and advice on one step"
    );
    assert!(
        result.contains(">nodig</text>"),
        "need beyond the first step is drawn"
    );
    assert!(result.contains("Zoon weer naar school"));
    assert!(result.contains("<th>Mogelijk</th>"));

    let (_, card, _) = run(&["kaart", "--format", "html"]);
    assert_self_contained(&card);
    assert!(card.contains("size: A5") && card.contains("break-after: page"));
    assert_eq!(card.matches("class=\"side ").count(), 2, "front and back");

    let (_, cont, _) = run(&["continuum", "--format", "html"]);
    assert_self_contained(&cont);
    assert_eq!(cont.matches("class=\"step-detail").count(), 5);
    let (_, one, _) = run(&["continuum", "coordinatie", "--format", "html"]);
    assert_self_contained(&one);
    assert!(one.contains("Coördinatie"));
    // One step in depth still shows the whole continuum, with that step marked.
    assert_eq!(one.matches("<polygon").count(), 5, "five steps drawn");
    assert_eq!(
        one.matches("fill=\"#0b6e69\" stroke=\"#0b6e69\"").count(),
        1
    );
}

/// The HTML page of a session written as YAML.
fn html_of(session: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sessie.yaml");
    fs::write(&file, session).unwrap();
    let (code, html, err) = run(&[
        "start",
        "--antwoorden",
        file.to_str().unwrap(),
        "--format",
        "html",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_self_contained(&html);
    html
}

#[test]
fn html_escapes_what_a_file_says() {
    let html = html_of(
        "versie: 1\nantwoorden:\n  startvraag: ja\ndoelen:\n  - label: \"<script>alert(1)</script> & meer\"\n    antwoorden:\n      doel_afhankelijk: verweven\n",
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer"));

    // The professional's own choice, with its reason, is on the page too.
    let html = html_of(
        "versie: 1\nantwoorden:\n  startvraag: ja\noverschrijving:\n  stap: coordinatie\n  reden: \"Het <gezin> vraagt om één plan\"\n",
    );
    // It leads: it stands before the suggestion.
    let choice = html
        .find("Gekozen: Coördinatie")
        .expect("the choice is shown");
    let suggestion = html.find("Suggestie: <strong>").unwrap();
    assert!(choice < suggestion, "{html}");
    assert!(html.contains("Het &lt;gezin&gt; vraagt om één plan"));
}

#[test]
fn english_from_the_option_and_from_the_locale() {
    let (_, en, _) = run(&["continuum", "--taal", "en"]);
    assert!(
        en.contains("The continuum of integrated working") && en.contains("Coordination"),
        "{en}"
    );
    assert!(!en.contains("Coördinatie"));
    let out = voorwie()
        .arg("continuum")
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Cooperation"));
    // LC_ALL comes before LANG; --taal before both.
    let out = voorwie()
        .arg("continuum")
        .env("LANG", "en_GB.UTF-8")
        .env("LC_ALL", "nl_NL.UTF-8")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Coöperatie"));
    let out = voorwie()
        .args(["continuum", "--taal", "nl"])
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Coöperatie"));
}

#[test]
fn a_practice_case_in_english_scores_the_same() {
    let nl = run(&["voorbeeld", "lara", "--format", "json"]).1;
    let en = run(&["voorbeeld", "lara", "--format", "json", "--taal", "en"]).1;
    let nl: serde_json::Value = serde_json::from_str(&nl).unwrap();
    let en: serde_json::Value = serde_json::from_str(&en).unwrap();
    assert_eq!(nl["advies"]["stap"], en["advies"]["stap"]);
    assert_eq!(nl["richting"], en["richting"]);
    assert_eq!(en["advies"]["naam"], "Cooperation");
    assert_eq!(en["doelen"][0]["label"], "A place of his own to live");
    assert!(en["casus"].as_str().unwrap().contains("Marc (30) has"));
    assert!(
        en["onderbouwing"]
            .as_str()
            .unwrap()
            .starts_with("Zicht op integraal werken")
    );
    let (_, html, _) = run(&["voorbeeld", "lara", "--format", "html", "--taal", "en"]);
    assert!(html.contains("<html lang=\"en\">") && html.contains("<th>Possible</th>"));
}

#[test]
fn controleer_reports_missing_translations() {
    let (code, out, _) = run(&["controleer"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Engelse vertaling (--taal en): compleet."),
        "{out}"
    );
    let (code, out, _) = run(&[
        "controleer",
        "tests/fixtures/mini-bank.yaml",
        "--taal",
        "en",
    ]);
    assert_eq!(code, 0, "missing translations are not an error");
    assert!(out.contains("without a translation"), "{out}");
    assert!(out.contains("    - continuum[segregatie].naam"), "{out}");
}
