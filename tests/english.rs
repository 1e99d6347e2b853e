//! With `--taal en` or an English locale, the help of every command and the
//! usage errors are English (the command and option names stay Dutch).

use std::time::Duration;

use assert_cmd::Command;

fn voorwie(lang: &str) -> Command {
    let mut cmd = Command::cargo_bin("voorwie").unwrap();
    cmd.env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .timeout(Duration::from_secs(60));
    cmd
}

const COMMANDS: &[&str] = &[
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

/// Words that give Dutch away in a help text.
const DUTCH: &[&str] = &[
    "Gebruik:",
    "Opties:",
    "Opdrachten:",
    "Argumenten:",
    "Voorbeelden",
    "Installeren",
    "Exitcodes",
    " het ",
    " een ",
    " niet ",
    " van ",
    "BESTAND",
    "Toon ",
];

fn assert_english(text: &str, what: &str) {
    assert!(text.contains("Usage:"), "{what}:\n{text}");
    for word in DUTCH {
        assert!(!text.contains(word), "{what}: Dutch {word:?} in:\n{text}");
    }
}

#[test]
fn the_help_of_every_command_is_english_with_taal_en_or_an_english_locale() {
    let help = |lang: &str, args: &[&str]| {
        let out = voorwie(lang)
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    assert_english(
        &help("C.UTF-8", &["--taal", "en", "--help"]),
        "voorwie --help",
    );
    assert_english(
        &help("en_GB.UTF-8", &["--help"]),
        "LANG=en_GB voorwie --help",
    );
    for sub in COMMANDS {
        assert_english(&help("C.UTF-8", &[sub, "--help", "--taal", "en"]), sub);
        assert_english(&help("en_US.UTF-8", &[sub, "--help"]), sub);
        assert_english(&help("C.UTF-8", &["help", sub, "--taal=en"]), sub);
    }
    // --taal nl wins over an English locale; Dutch stays the default.
    let nl = help("en_US.UTF-8", &["kaart", "--help", "--taal", "nl"]);
    assert!(
        nl.contains("Gebruik:") && nl.contains("twee A5-pagina's"),
        "{nl}"
    );
    let nl = help("C.UTF-8", &["--help"]);
    assert!(nl.contains("Opdrachten:"), "{nl}");
}

#[test]
fn usage_errors_are_english_with_taal_en_or_an_english_locale() {
    let error = |lang: &str, args: &[&str]| {
        let out = voorwie(lang)
            .args(args)
            .assert()
            .code(2)
            .get_output()
            .stderr
            .clone();
        String::from_utf8(out).unwrap()
    };
    let cases: &[(&[&str], &str)] = &[
        (
            &["kaart", "--bogus"],
            "unknown option or argument '--bogus'",
        ),
        (&["contnuum"], "tip: did you mean continuum?"),
        (
            &["--format", "xyz", "kaart"],
            "'xyz' is not a valid value for --format <FORMAT>; choose from",
        ),
        (&["vergelijk"], "missing: <FILE>"),
        (
            &["vergelijk", "a.yaml", "--tijdlijn", "--uitwerking", "robin"],
            "cannot be used with",
        ),
        (
            &["--snel", "kaart"],
            "--snel belongs to the session (voorwie start)",
        ),
    ];
    for (args, want) in cases {
        for (lang, extra) in [("en_US.UTF-8", None), ("C.UTF-8", Some("--taal=en"))] {
            let mut all = args.to_vec();
            all.extend(extra);
            let text = error(lang, &all);
            assert!(text.contains(want), "{all:?}: {text}");
            assert!(text.contains("More help: voorwie"), "{all:?}: {text}");
            assert!(
                !text.contains("Meer hulp") && !text.contains("Gebruik"),
                "{text}"
            );
        }
    }
    // Dutch by default.
    let nl = error("C.UTF-8", &["kaart", "--bogus"]);
    assert!(nl.contains("onbekende optie of argument '--bogus'"), "{nl}");
}
