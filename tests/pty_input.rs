//! Sessions that run at once and disks that refuse: the real binary in a
//! pseudo-terminal (numbered lines, `TERM=dumb`), with a draft locked by a
//! second process, an autosave that fails mid-session, and Ctrl-C after
//! the result.

#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::{Any, ControlCode, Eof, Expect, Session};

type Pty = expectrl::session::OsSession;

fn spawn(dir: &Path, args: &[&str]) -> Pty {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("voorwie"));
    cmd.args(args)
        .current_dir(dir)
        .env("TERM", "dumb")
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("VOORWIE_DATA_DIR", dir.join("gegevens"));
    let mut session = Session::spawn(cmd).expect("spawn voorwie in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(15)));
    let _ = session.get_process_mut().set_window_size(100, 40);
    session
}

fn exit_code(session: &Pty) -> i32 {
    match session.get_process().wait().expect("wait") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("voorwie did not exit normally: {other:?}"),
    }
}

fn rest(session: &mut Pty) -> String {
    let captures = session.expect(Eof).expect("end of output");
    let mut all = captures.before().to_vec();
    all.extend(captures.get(0).unwrap_or_default());
    String::from_utf8_lossy(&all).into_owned()
}

/// Waits for the next prompt; returns what came before it, with lines
/// that the terminal width broke joined again.
fn prompt(s: &mut Pty) -> String {
    let c = s.expect("Antwoord: ").unwrap();
    joined(&String::from_utf8_lossy(c.before()))
}

fn joined(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn drafts(dir: &Path) -> Vec<std::path::PathBuf> {
    fs::read_dir(dir.join("gegevens/concepten"))
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

#[test]
fn a_draft_open_in_another_session_is_locked_and_a_stale_lock_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = spawn(dir.path(), &["start", "--snel"]);
    prompt(&mut first);
    first.send("1\n").unwrap(); // the moment: now there is a draft
    prompt(&mut first);
    assert_eq!(drafts(dir.path()).len(), 1);

    // A second session sees it in use, cannot discard it, and can go on in
    // a copy.
    let mut second = spawn(dir.path(), &["start", "--hervat"]);
    let list = prompt(&mut second);
    assert!(list.contains("in gebruik in een andere sessie"), "{list}");
    second.send("1\n").unwrap();
    let told = prompt(&mut second);
    assert!(
        told.contains("Dit concept is nu open in een andere voorwie-sessie (proces "),
        "{told}"
    );
    assert!(
        told.contains("Verder in een kopie van dit concept"),
        "{told}"
    );
    second.send("2\n").unwrap(); // back to the list
    prompt(&mut second);
    second.send("3\n").unwrap(); // throw a draft away
    prompt(&mut second);
    second.send("1\n").unwrap();
    let refused = prompt(&mut second);
    assert!(refused.contains("wordt niet weggegooid"), "{refused}");
    assert_eq!(
        drafts(dir.path()).len(),
        1,
        "the draft in use is still there"
    );
    second.send("1\n").unwrap();
    prompt(&mut second);
    second.send("1\n").unwrap(); // continue in a copy
    let question = prompt(&mut second);
    assert!(question.contains("Zijn er doelen"), "{question}");
    second.send("1\n").unwrap(); // an answer: the copy is written
    prompt(&mut second);
    second.send(ControlCode::EndOfText).unwrap();
    let _ = rest(&mut second);
    assert_eq!(drafts(dir.path()).len(), 2, "the original and the copy");

    // The first session dies without a word: its lock goes with it.
    first
        .get_process_mut()
        .kill(expectrl::process::unix::Signal::SIGKILL)
        .unwrap();
    let _ = first.get_process().wait();
    let mut third = spawn(dir.path(), &["start", "--hervat"]);
    let list = prompt(&mut third);
    assert!(!list.contains("in gebruik"), "{list}");
    third.send("2\n").unwrap(); // the original (the copy is newer)
    let question = prompt(&mut third);
    assert!(question.contains("Zijn er doelen"), "{question}");
    third.send(ControlCode::EndOfText).unwrap();
    let out = rest(&mut third);
    assert!(out.contains("Je antwoorden zijn bewaard"), "{out}");
}

/// Starts a quick session, answers the moment, and breaks the draft on
/// disk (a folder where the file was) before the next answer is saved.
fn failing_session(dir: &Path) -> Pty {
    let mut s = spawn(dir, &["start", "--snel"]);
    prompt(&mut s);
    s.send("1\n").unwrap();
    prompt(&mut s);
    let draft = drafts(dir).pop().expect("a draft after the first answer");
    fs::remove_file(&draft).unwrap();
    fs::create_dir(&draft).unwrap();
    s.send("2\n").unwrap(); // startvraag: nee; saving it fails
    s
}

#[test]
fn a_failed_autosave_is_told_before_the_next_question_and_ctrl_c_says_what_was_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = failing_session(dir.path());
    let before = prompt(&mut s);
    let warned = before
        .find("Let op: je antwoorden konden zojuist niet bewaard worden")
        .unwrap_or_else(|| panic!("no warning: {before}"));
    assert!(
        !before[..warned].contains("Doel 1"),
        "a question came first: {before}"
    );
    assert!(before.contains("bevat 1 van je 2 antwoorden"), "{before}");
    assert!(before.contains("Wat wil je doen?"), "{before}");
    s.send("3\n").unwrap(); // go on without
    let next = prompt(&mut s);
    assert!(next.contains("Doel 1"), "{next}");
    s.send(ControlCode::EndOfText).unwrap();
    let out = joined(&rest(&mut s));
    assert!(!out.contains("Je antwoorden zijn bewaard"), "{out}");
    assert!(out.contains("bevat 1 van je 2 antwoorden"), "{out}");
    assert!(out.contains("kon niet bewaard worden"), "{out}");
    // What was not kept is printed as an answers file.
    assert!(out.contains("startvraag: nee"), "{out}");
    assert_eq!(exit_code(&s), 130);
}

#[test]
fn after_a_failed_autosave_the_draft_can_go_to_another_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = failing_session(dir.path());
    prompt(&mut s);
    s.send("1\n").unwrap(); // another folder
    let asked = prompt(&mut s);
    assert!(asked.contains("In welke map?"), "{asked}");
    let elders = dir.path().join("elders");
    s.send(format!("{}\n", elders.display())).unwrap();
    let moved = prompt(&mut s);
    assert!(
        moved.contains("Je antwoorden worden nu bewaard in"),
        "{moved}"
    );
    let kept: Vec<_> = fs::read_dir(elders.join("concepten")).unwrap().collect();
    assert_eq!(kept.len(), 1);
    let text = fs::read_to_string(kept[0].as_ref().unwrap().path()).unwrap();
    assert!(text.contains("startvraag: nee"), "{text}");
    s.send(ControlCode::EndOfText).unwrap();
    let out = joined(&rest(&mut s));
    assert!(out.contains("Je antwoorden zijn bewaard"), "{out}");
    assert!(out.contains("VOORWIE_DATA_DIR="), "{out}");
}

#[test]
fn ctrl_c_after_the_result_says_the_draft_is_kept_and_how_to_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = spawn(dir.path(), &["start", "--snel"]);
    let done = "Wil je de suggestie aanpassen";
    loop {
        let c = s.expect(Any([done, "Antwoord: "])).unwrap();
        if c.matches().any(|m| m == done.as_bytes()) {
            break;
        }
        let before = String::from_utf8_lossy(c.before()).into_owned();
        let goal_entry = before
            .rfind("Doel ")
            .is_some_and(|i| before[i..].contains("zonder namen"));
        let reply = match (goal_entry, before.contains("Doel 1")) {
            (true, true) => "Rust in huis\n",
            (true, false) => "\n",
            _ => "1\n",
        };
        s.send(reply).unwrap();
    }
    prompt(&mut s);
    s.send(ControlCode::EndOfText).unwrap();
    let out = rest(&mut s);
    assert!(out.contains("Je antwoorden zijn bewaard"), "{out}");
    assert!(
        out.lines().any(|l| l.trim() == "voorwie start --hervat"),
        "{out}"
    );
    assert_eq!(exit_code(&s), 130);
    assert_eq!(drafts(dir.path()).len(), 1, "the draft is kept");
}

#[test]
fn answers_from_stdin_on_a_terminal_say_so_and_xlsx_is_not_for_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = spawn(
        dir.path(),
        &["start", "--antwoorden", "-", "--format", "json"],
    );
    let said = s.expect("Ctrl-D").unwrap();
    let said = joined(&String::from_utf8_lossy(said.before()));
    assert!(
        said.contains("ik lees je antwoorden van de invoer (stdin)"),
        "{said}"
    );
    s.send("versie: 1\nantwoorden:\n  startvraag: ja\n")
        .unwrap();
    s.send(ControlCode::EndOfTransmission).unwrap();
    let out = rest(&mut s);
    assert!(out.contains("\"advies\""), "{out}");
    assert_eq!(exit_code(&s), 0);

    fs::create_dir_all(dir.path().join("sessies")).unwrap();
    let mut s = spawn(
        dir.path(),
        &["--taal", "en", "overzicht", "sessies", "--format", "xlsx"],
    );
    let out = joined(&rest(&mut s));
    assert!(
        out.contains("An .xlsx file is not text for the screen"),
        "{out}"
    );
    assert!(!out.contains("PK"), "no zip on the screen: {out}");
    assert_eq!(exit_code(&s), 2);
}
