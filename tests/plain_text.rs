//! `--format tekst` is the text that goes into a case file: the same bytes
//! on a terminal as in a pipe, for every command that writes text. (Without
//! `--format`, a terminal may get a screen layout.)

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::{Eof, Expect, Session};

const ROBIN: &str = include_str!("../data/voorbeelden/robin.yaml");

fn piped(dir: &Path, args: &[&str]) -> String {
    let out = assert_cmd::Command::cargo_bin("voorwie")
        .unwrap()
        .current_dir(dir)
        .env("LANG", "C.UTF-8")
        .env("TERM", "xterm-256color")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// The same command with stdout on a 100-column terminal (stderr left out).
fn on_a_terminal(dir: &Path, args: &[&str]) -> String {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("stty cols 100 rows 40 && exec \"$0\" \"$@\" 2>/dev/null")
        .arg(assert_cmd::cargo::cargo_bin("voorwie"))
        .args(args)
        .current_dir(dir)
        .env("LANG", "C.UTF-8")
        .env("TERM", "xterm-256color")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR");
    let mut pty = Session::spawn(cmd).expect("spawn voorwie in a pty");
    pty.set_expect_timeout(Some(Duration::from_secs(20)));
    let captures = pty.expect(Eof).expect("end of output");
    let mut all = captures.before().to_vec();
    all.extend(captures.get(0).unwrap_or_default());
    // The terminal turns every newline into CR LF.
    String::from_utf8_lossy(&all).replace("\r\n", "\n")
}

#[test]
fn format_tekst_is_the_same_on_a_terminal_as_in_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("a.yaml"),
        ROBIN.replacen("versie: 1\n", "versie: 1\nbeoordelaar:\n  label: A\n", 1),
    )
    .unwrap();
    std::fs::write(
        d.join("b.yaml"),
        ROBIN
            .replacen("versie: 1\n", "versie: 1\nbeoordelaar:\n  label: B\n", 1)
            .replacen("draagkracht: last", "draagkracht: overbelast", 1),
    )
    .unwrap();
    let commands: &[&[&str]] = &[
        &["kaart"],
        &["continuum"],
        &["continuum", "coordinatie"],
        &["voorbeeld"],
        &["voorbeeld", "robin"],
        &["vergelijk", "a.yaml", "b.yaml"],
        &["overzicht", "a.yaml", "b.yaml"],
        &["start", "--antwoorden", "a.yaml"],
    ];
    for args in commands {
        let mut args = args.to_vec();
        args.extend(["--format", "tekst"]);
        let pipe = piped(d, &args);
        let term = on_a_terminal(d, &args);
        assert!(!pipe.is_empty());
        assert_eq!(
            term,
            pipe,
            "voorwie {}: the terminal differs from the pipe",
            args.join(" ")
        );
        for box_char in ['│', '┆', '─', '\x1b'] {
            assert!(
                !term.contains(box_char),
                "voorwie {}: {box_char:?} in plain text",
                args.join(" ")
            );
        }
    }
}

#[test]
fn the_continuum_at_80_columns_breaks_no_word() {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("stty cols 80 rows 40 && exec \"$0\" continuum")
        .arg(assert_cmd::cargo::cargo_bin("voorwie"))
        .env("LANG", "C.UTF-8")
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    let mut pty = Session::spawn(cmd).expect("spawn voorwie in a pty");
    pty.set_expect_timeout(Some(Duration::from_secs(20)));
    let captures = pty.expect(Eof).expect("end of output");
    let mut all = captures.before().to_vec();
    all.extend(captures.get(0).unwrap_or_default());
    let screen = String::from_utf8_lossy(&all).replace("\r\n", "\n");
    // Every word of the continuum's texts is on the screen whole.
    let whole = piped(Path::new("."), &["continuum", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&whole).unwrap();
    let screen_words: std::collections::HashSet<&str> = screen
        .split(|c: char| c.is_whitespace() || "│┆(),;:.".contains(c))
        .collect();
    for step in json["stappen"].as_array().unwrap() {
        for text in [&step["kort"], &step["naam"]] {
            for word in text
                .as_str()
                .unwrap()
                .split(|c: char| c.is_whitespace() || "(),;:.".contains(c))
                .filter(|w| !w.is_empty())
            {
                assert!(
                    screen_words.contains(word),
                    "'{word}' is broken on an 80-column screen:\n{screen}"
                );
            }
        }
    }
}
