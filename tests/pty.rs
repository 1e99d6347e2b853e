//! The real binary in a pseudo-terminal: dialoguer's screens, Ctrl-C, and
//! the numbered-lines mode of a dumb terminal.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::{Any, ControlCode, Eof, Expect, Regex, Session};

type Pty = expectrl::session::OsSession;

fn spawn(dir: &Path, term: &str, args: &[&str]) -> Pty {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("voorwie"));
    cmd.args(args)
        .current_dir(dir)
        .env("TERM", term)
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("VOORWIE_DATA_DIR", dir.join("gegevens"));
    let mut session = Session::spawn(cmd).expect("spawn voorwie in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(15)));
    session
}

fn exit_code(session: &Pty) -> i32 {
    match session.get_process().wait().expect("wait") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("voorwie did not exit normally: {other:?}"),
    }
}

/// Everything voorwie writes until it exits.
fn rest(session: &mut Pty) -> String {
    // For `Eof` the whole remaining output is the match.
    let captures = session.expect(Eof).expect("end of output");
    let mut all = captures.before().to_vec();
    all.extend(captures.get(0).unwrap_or_default());
    String::from_utf8_lossy(&all).into_owned()
}

#[test]
fn a_whole_session_with_arrow_keys_and_enter() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = spawn(dir.path(), "xterm-256color", &["--snel"]);
    s.expect("Op welk moment").unwrap();
    s.send("\x1b[B").unwrap(); // down: casuïstiekbespreking
    s.send("\r").unwrap();
    s.expect("Zijn er doelen").unwrap();
    s.send("\r").unwrap();
    s.expect("Doel 1").unwrap();
    s.send("Rust in huis\r").unwrap();
    s.expect("Doel 2").unwrap();
    s.send("Schoolgang\r").unwrap();
    s.expect("Doel 3").unwrap();
    s.send("\r").unwrap();
    // From here on, Enter takes the first option everywhere. Every
    // question starts with a header "… Vraag n van m"; wait for it, then for
    // its prompt, then answer.
    let done = "Wil je de suggestie aanpassen";
    let mut screens = String::new();
    loop {
        let c = s
            .expect(Any::boxed(vec![
                Box::new(done),
                Box::new(Regex(r"Vraag \d+ van \d+")),
            ]))
            .unwrap();
        screens.push_str(&String::from_utf8_lossy(c.before()));
        if c.matches().any(|m| m == done.as_bytes()) {
            break;
        }
        let prompt = s.expect("Antwoord").unwrap();
        screens.push_str(&String::from_utf8_lossy(prompt.before()));
        s.send("\r").unwrap();
        assert!(screens.len() < 1_000_000, "the session does not end");
    }
    assert!(
        screens.contains("ADVIES VOOR DE CASUS"),
        "the result is shown"
    );
    assert!(
        screens.contains("Niveau van organisatie en beleid"),
        "the organisation level is asked"
    );
    s.expect("Antwoord").unwrap();
    s.send("\r").unwrap(); // no override
    s.expect("opslaan").unwrap();
    s.expect("Antwoord").unwrap();
    s.send("\r").unwrap(); // session and summary
    s.expect("Bestandsnaam").unwrap();
    s.send("sessie\r").unwrap();
    s.expect("Opgeslagen").unwrap();
    let _ = rest(&mut s);
    assert_eq!(exit_code(&s), 0);

    for file in ["sessie.yaml", "sessie.txt"] {
        let path = dir.path().join(file);
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{file} is private");
    }
    let drafts = fs::read_dir(dir.path().join("gegevens/concepten"))
        .unwrap()
        .count();
    assert_eq!(drafts, 0, "a saved session leaves no draft behind");
    let saved = fs::read_to_string(dir.path().join("sessie.yaml")).unwrap();
    assert!(saved.contains("casusinformatie") && saved.contains("Rust in huis"));
    // The saved session runs again non-interactively.
    let again = assert_cmd::Command::cargo_bin("voorwie")
        .unwrap()
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["start", "--antwoorden", "sessie.yaml"])
        .current_dir(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&again).contains("Moment:      Casuïstiekbespreking"));
}

fn drafts_in(dir: &Path) -> usize {
    fs::read_dir(dir.join("gegevens/concepten")).map_or(0, |d| d.count())
}

#[test]
fn ctrl_c_before_any_answer_keeps_no_empty_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = spawn(dir.path(), "xterm-256color", &[]);
    s.expect("Op welk moment").unwrap();
    s.send(ControlCode::EndOfText).unwrap();
    let out = rest(&mut s);
    // On a line of its own, so that a narrow terminal does not split it.
    assert!(
        out.lines()
            .any(|l| l.trim() == "Er was nog niets beantwoord, dus er is niets bewaard."),
        "{out}"
    );
    assert!(!out.contains("bewaard. Ga verder"), "{out}");
    assert_eq!(exit_code(&s), 130);
    assert_eq!(drafts_in(dir.path()), 0, "an empty draft was left behind");
}

#[test]
fn ctrl_c_stops_cleanly_and_shows_the_cursor_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = spawn(dir.path(), "xterm-256color", &[]);
    s.expect("Op welk moment").unwrap();
    // One answer (the moment), then stop at the next question.
    s.send("\r").unwrap();
    s.expect("Vraag 2").unwrap();
    s.send(ControlCode::EndOfText).unwrap();
    let out = rest(&mut s);
    assert!(out.contains("Je antwoorden zijn bewaard"), "{out}");
    assert_eq!(drafts_in(dir.path()), 1, "the answer is in a draft");
    // The command to go on stands on a line of its own, so a narrow
    // terminal does not break it in the middle.
    assert!(
        out.lines().any(|l| l.trim() == "voorwie start --hervat"),
        "{out}"
    );
    assert_eq!(exit_code(&s), 130);
    // dialoguer hides the cursor while a list is shown; it must be back.
    let hidden = out.rfind("\x1b[?25l");
    let shown = out.rfind("\x1b[?25h");
    assert!(
        shown.is_some() && shown > hidden,
        "cursor left hidden: {out:?}"
    );
    // Only the moment was chosen: the list of drafts says so, not "0
    // antwoorden".
    let mut s = spawn(dir.path(), "xterm-256color", &["start", "--hervat"]);
    let list = s.expect("Nieuwe sessie beginnen").unwrap();
    let listed = String::from_utf8_lossy(list.before()).into_owned();
    assert!(
        listed.contains("nog geen antwoorden") && !listed.contains("0 antwoorden"),
        "{listed}"
    );
    s.send(ControlCode::EndOfText).unwrap();
    let _ = rest(&mut s);
}

#[test]
fn a_dumb_terminal_gets_numbered_questions() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = spawn(dir.path(), "dumb", &["--snel"]);
    s.get_process_mut().set_window_size(60, 30).unwrap();
    let done = "Wil je de suggestie aanpassen";
    let mut screens = String::new();
    loop {
        let c = s.expect(Any([done, "Antwoord: "])).unwrap();
        let before = String::from_utf8_lossy(c.before()).into_owned();
        screens.push_str(&before);
        if c.matches().any(|m| m == done.as_bytes()) {
            break;
        }
        let goal_entry = before
            .rfind("Doel ")
            .is_some_and(|i| before[i..].contains("zonder namen"));
        let reply = if goal_entry {
            if before.contains("Doel 1") {
                "Rust in huis\n"
            } else {
                "\n"
            }
        } else {
            "1\n"
        };
        s.send(reply).unwrap();
        assert!(screens.len() < 1_000_000, "the session does not end");
    }
    assert!(screens.contains("  1) Ja"), "numbered choices");
    assert!(
        !screens.contains("\x1b["),
        "no cursor movement on a dumb terminal"
    );
    s.expect("Antwoord: ").unwrap();
    s.send("1\n").unwrap(); // no override
    s.expect("Antwoord: ").unwrap();
    s.send("3\n").unwrap(); // do not save
    let _ = rest(&mut s);
    assert_eq!(exit_code(&s), 0);
}

/// Waits for a question with `title` and its prompt.
fn at(s: &mut Pty, title: &str) {
    s.expect(title).unwrap();
    s.expect("Antwoord").unwrap();
}

#[test]
fn ctrl_c_keeps_every_answer_and_resume_continues_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = spawn(dir.path(), "xterm-256color", &[]);
    at(&mut s, "Op welk moment");
    s.send("\x1b[B\x1b[B\r").unwrap(); // opschalen
    at(&mut s, "Zijn er doelen");
    s.send("\r").unwrap();
    at(&mut s, "Doel 1");
    s.send("Grip op schulden\r").unwrap();
    at(&mut s, "Doel 2");
    s.send("Veilig thuis\r").unwrap();
    at(&mut s, "Doel 3");
    s.send("\r").unwrap();
    at(&mut s, "volgens het gezin");
    s.send("\x1b[B\r").unwrap(); // Veilig thuis first
    at(&mut s, "volgens de hulpverlening");
    s.send("\r").unwrap(); // Grip op schulden first
    at(&mut s, "Wat is er nodig");
    s.send("Een veiligheidsplan\r").unwrap();
    at(&mut s, "Wie is er nodig");
    s.send(ControlCode::EndOfText).unwrap();
    let out = rest(&mut s);
    assert!(out.contains("voorwie start --hervat"), "{out}");
    assert_eq!(exit_code(&s), 130);

    let mut s = spawn(dir.path(), "xterm-256color", &["start", "--hervat"]);
    let list = s.expect("Nieuwe sessie beginnen").unwrap();
    let listed = String::from_utf8_lossy(list.before())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        listed.contains("Opschalen")
            && listed.contains("4 antwoorden")
            && listed.contains("'Grip op schulden'"),
        "{listed}"
    );
    s.send("\r").unwrap();
    // It continues at the question that was being answered, for the
    // family's first goal.
    let resumed = s.expect("Wie is er nodig").unwrap();
    let screen = String::from_utf8_lossy(resumed.before()).into_owned();
    assert!(screen.contains("Doel 1 van 2: Veilig thuis"), "{screen}");
    assert!(
        !screen.contains("Op welk moment"),
        "answered questions are not asked again"
    );
    // Going back shows the earlier answer.
    s.send("\x1b").unwrap();
    s.expect("Wat is er nodig").unwrap();
    s.send(ControlCode::EndOfText).unwrap();
    let _ = rest(&mut s);

    let drafts: Vec<_> = fs::read_dir(dir.path().join("gegevens/concepten"))
        .unwrap()
        .collect();
    assert_eq!(drafts.len(), 1, "one draft, resumed in place");
    let text = fs::read_to_string(drafts[0].as_ref().unwrap().path()).unwrap();
    for part in [
        "moment: opschalen",
        "- Veilig thuis",
        "doel_wat: Een veiligheidsplan",
        "label: Grip op schulden",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
}

#[test]
fn a_killed_session_loses_at_most_the_question_being_answered() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = spawn(dir.path(), "xterm-256color", &["--snel"]);
    at(&mut s, "Op welk moment");
    s.send("\r").unwrap();
    at(&mut s, "Zijn er doelen");
    s.send("\r").unwrap();
    at(&mut s, "Doel 1");
    s.send("Rust in huis\r").unwrap();
    at(&mut s, "Doel 2");
    s.send("\r").unwrap();
    at(&mut s, "Wie is er nodig");
    s.send(" \x1b[B \r").unwrap(); // two parties
    at(&mut s, "nu bij dit doel");
    s.get_process_mut()
        .kill(expectrl::process::unix::Signal::SIGKILL)
        .unwrap();
    let text = {
        let mut found = None;
        for entry in fs::read_dir(dir.path().join("gegevens/concepten")).unwrap() {
            found = Some(fs::read_to_string(entry.unwrap().path()).unwrap());
        }
        found.expect("a draft")
    };
    assert!(text.contains("label: Rust in huis"), "{text}");
    assert!(
        text.contains("doel_partijen:\n      - wijkteam\n      - jgz"),
        "{text}"
    );
}

#[test]
fn sigterm_keeps_the_draft_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = spawn(dir.path(), "xterm-256color", &[]);
    at(&mut s, "Op welk moment");
    s.send("\r").unwrap();
    at(&mut s, "Zijn er doelen");
    s.get_process_mut()
        .kill(expectrl::process::unix::Signal::SIGTERM)
        .unwrap();
    let out = rest(&mut s);
    assert!(out.contains("voorwie start --hervat"), "{out}");
    assert!(out.contains("\x1b[?25h"), "cursor shown again");
    assert_eq!(exit_code(&s), 130);
    let draft = fs::read_dir(dir.path().join("gegevens/concepten"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert!(
        fs::read_to_string(draft.path())
            .unwrap()
            .contains("moment: nieuwe_aanmelding")
    );
}

#[test]
fn a_draft_from_another_bank_version_is_explained_on_resume() {
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("gegevens/concepten");
    fs::create_dir_all(&drafts).unwrap();
    fs::write(
        drafts.join("concept-20260101-120000-1.yaml"),
        "concept:\n  versie: 1\n  diepte: snel\n  gestart: \"2026-01-01T12:00:00+01:00\"\n  bijgewerkt: \"2026-01-01T12:05:00+01:00\"\nsessie:\n  versie: 1\n  bank:\n    id: voorwie-standaard\n    versie: \"0.9\"\n  moment: evaluatie\n  antwoorden:\n    startvraag: ja\n    zwaarte: hoog\n  doelen:\n  - label: Rust\n",
    )
    .unwrap();
    let mut s = spawn(dir.path(), "xterm-256color", &["start", "--hervat"]);
    let listed = s.expect("Nieuwe sessie beginnen").unwrap();
    let listed = String::from_utf8_lossy(listed.before()).into_owned();
    assert!(
        listed.contains("01-01-2026 12:05")
            && listed.contains("Evaluatie")
            && listed.contains("'Rust'"),
        "{listed}"
    );
    s.send("\r").unwrap();
    let explained = s.expect("Verder met de antwoorden die nog passen").unwrap();
    let text = String::from_utf8_lossy(explained.before())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("gemaakt met vragenbank 'voorwie-standaard 0.9'"),
        "{text}"
    );
    assert!(text.contains("onbekende vraag 'zwaarte'"), "{text}");
    s.send("\r").unwrap();
    // It goes on after the answers that still map: the start question is
    // not asked again.
    let next = s.expect("Wie is er nodig").unwrap();
    assert!(!String::from_utf8_lossy(next.before()).contains("Zijn er doelen"));
    s.send(ControlCode::EndOfText).unwrap();
    let _ = rest(&mut s);
}

#[test]
fn a_student_starts_from_a_practice_case() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = spawn(
        dir.path(),
        "xterm-256color",
        &["start", "--casus", "robin", "--snel"],
    );
    let intro = s.expect("Een label voor de vergelijking").unwrap();
    let intro = String::from_utf8_lossy(intro.before())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        intro.contains("Praktijkvoorbeeld robin") && intro.contains("kastje naar de muur"),
        "{intro}"
    );
    s.expect("Antwoord").unwrap();
    s.send("7\r").unwrap();
    at(&mut s, "Je rol");
    s.send("wijkteam\r").unwrap();
    // Moment and goals come from the case: the first question is the start question.
    let first = s.expect("Zijn er doelen").unwrap();
    let screen = String::from_utf8_lossy(first.before()).into_owned();
    assert!(!screen.contains("Op welk moment"), "{screen}");
    assert!(
        !screen.contains("gebleven was"),
        "a new session is not a resumed one"
    );
    s.send(ControlCode::EndOfText).unwrap();
    let _ = rest(&mut s);
    let draft = fs::read_dir(dir.path().join("gegevens/concepten"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    let text = fs::read_to_string(draft.path()).unwrap();
    for part in [
        "label: \"7\"",
        "rol: wijkteam",
        "moment: casuistiekbespreking",
        "- label: Grip op schulden",
        "casus: |",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
    assert!(
        !text.contains("doel_afhankelijk"),
        "the case's answers are not given away"
    );
}

/// On a terminal voorwie colours its output, unless NO_COLOR is set or the
/// user said `--kleur nooit`.
#[test]
fn colour_on_a_terminal_follows_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let card = |no_color: Option<&str>, extra: &[&str]| {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("voorwie"));
        cmd.arg("kaart")
            .args(extra)
            .current_dir(dir.path())
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("NO_COLOR");
        if let Some(v) = no_color {
            cmd.env("NO_COLOR", v);
        }
        let mut s = Session::spawn(cmd).expect("spawn voorwie in a pty");
        s.set_expect_timeout(Some(Duration::from_secs(15)));
        rest(&mut s)
    };
    let coloured = card(None, &[]);
    assert!(coloured.contains("Startvraag"), "{coloured}");
    assert!(coloured.contains("\x1b[1m"), "bold headings on a terminal");
    let plain = card(Some("1"), &[]);
    assert!(
        plain.contains("Startvraag") && !plain.contains("\x1b[1m"),
        "NO_COLOR"
    );
    let never = card(None, &["--kleur", "nooit"]);
    assert!(
        never.contains("Startvraag") && !never.contains("\x1b[1m"),
        "--kleur nooit"
    );
}
