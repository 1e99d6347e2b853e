//! The real binary in a pseudo-terminal: the screens of a session at 80×24
//! (read through a terminal emulator, as the user sees them), the keys,
//! pastes, Ctrl-C, and the numbered-lines mode of a dumb terminal.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::{Any, ControlCode, Eof, Expect, Session};

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

// ---------------------------------------------------------------------------
// The screen as the user sees it: a terminal emulator (vt100) follows the
// bytes, and the tests read its rows, at 80×24 unless said otherwise.

/// The questions of the built-in bank, read from `data/bank.yaml`.
struct BankQuestion {
    title: String,
    labels: Vec<String>,
    exclusive: Vec<String>,
}

fn bank_questions() -> Vec<BankQuestion> {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/bank.yaml"))
        .expect("data/bank.yaml");
    let bank: serde_json::Value = serde_saphyr::from_str(&text).expect("the bank reads");
    let nl = |v: &serde_json::Value| v["nl"].as_str().unwrap_or_default().trim().to_owned();
    let mut questions: Vec<&serde_json::Value> = vec![&bank["startvraag"]];
    questions.extend(bank["vragen"].as_array().expect("vragen"));
    let mut out: Vec<BankQuestion> = questions
        .into_iter()
        .map(|q| {
            let options = q["opties"].as_array().cloned().unwrap_or_default();
            BankQuestion {
                title: nl(&q["tekst"])
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                labels: options.iter().map(|o| nl(&o["label"])).collect(),
                exclusive: options
                    .iter()
                    .filter(|o| o["exclusief"].as_bool() == Some(true))
                    .map(|o| nl(&o["label"]))
                    .collect(),
            }
        })
        .collect();
    out.push(BankQuestion {
        title: "Op welk moment gebruik je dit hulpmiddel?".to_owned(),
        labels: bank["momenten"]
            .as_array()
            .expect("momenten")
            .iter()
            .map(|m| nl(&m["naam"]))
            .collect(),
        exclusive: Vec::new(),
    });
    assert!(out.len() > 30, "read only {} questions", out.len());
    out
}

/// voorwie in a pseudo-terminal, with the screen it draws.
struct Term {
    pty: Pty,
    vt: vt100::Parser,
    raw: Vec<u8>,
    closed: bool,
    cols: u16,
}

impl Term {
    fn start(dir: &Path, args: &[&str]) -> Term {
        Self::start_with(dir, args, &[("NO_COLOR", Some("1"))], 80, 24)
    }

    fn start_with(
        dir: &Path,
        args: &[&str],
        env: &[(&str, Option<&str>)],
        cols: u16,
        rows: u16,
    ) -> Term {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("voorwie"));
        cmd.args(args)
            .current_dir(dir)
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("NO_COLOR")
            .env("VOORWIE_DATA_DIR", dir.join("gegevens"));
        for (k, v) in env {
            match v {
                Some(v) => cmd.env(k, v),
                None => cmd.env_remove(k),
            };
        }
        Self::of(cmd, cols, rows)
    }

    /// Runs `cmd` in a pseudo-terminal of `cols`×`rows`.
    fn of(cmd: Command, cols: u16, rows: u16) -> Term {
        let mut pty = Session::spawn(cmd).expect("spawn voorwie in a pty");
        pty.get_process_mut()
            .set_window_size(cols, rows)
            .expect("window size");
        Term {
            pty,
            vt: vt100::Parser::new(nz(rows), nz(cols), 0),
            raw: Vec::new(),
            closed: false,
            cols,
        }
    }

    /// Reads what voorwie wrote so far; whether there was anything.
    fn pump(&mut self) -> bool {
        let mut buf = [0u8; 16384];
        let mut any = false;
        loop {
            match self.pty.try_read(&mut buf) {
                Ok(0) => {
                    self.closed = true;
                    break;
                }
                Ok(n) => {
                    self.vt.process(&buf[..n]);
                    self.raw.extend_from_slice(&buf[..n]);
                    any = true;
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                Err(_) => {
                    self.closed = true;
                    break;
                }
            }
        }
        any
    }

    fn rows(&self) -> Vec<String> {
        self.vt
            .screen()
            .rows(0, self.cols)
            .map(|r| r.trim_end().to_owned())
            .collect()
    }

    /// Waits until the screen satisfies `ok` and voorwie has stopped
    /// writing, and returns the rows.
    fn wait(&mut self, what: &str, ok: impl Fn(&[String]) -> bool) -> Vec<String> {
        let start = std::time::Instant::now();
        loop {
            self.pump();
            if ok(&self.rows()) {
                // Let the frame be finished.
                let mut quiet = std::time::Instant::now();
                while quiet.elapsed() < Duration::from_millis(60) {
                    std::thread::sleep(Duration::from_millis(10));
                    if self.pump() {
                        quiet = std::time::Instant::now();
                    }
                }
                let rows = self.rows();
                if ok(&rows) {
                    return rows;
                }
            }
            assert!(
                !self.closed && start.elapsed() < Duration::from_secs(20),
                "waiting for {what}; the screen:\n{}",
                self.rows().join("\n")
            );
            std::thread::sleep(Duration::from_millis(15));
        }
    }

    fn wait_text(&mut self, text: &str) -> Vec<String> {
        self.wait(text, |rows| rows.iter().any(|r| r.contains(text)))
    }

    fn send(&mut self, keys: &str) {
        self.pty.send(keys).expect("send keys");
    }

    /// Types `text`, waits until it shows, then presses Enter: keys that
    /// arrive together are a paste, and a paste never confirms.
    fn type_line(&mut self, text: &str) {
        self.send(text);
        if !text.is_empty() {
            let shown = format!("Antwoord: {text}");
            self.wait(&shown, |rows| rows.iter().any(|r| r.contains(&shown)));
        }
        self.send("\r");
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.pty
            .get_process_mut()
            .set_window_size(cols, rows)
            .expect("window size");
        self.vt.set_size(nz(rows), nz(cols));
        self.cols = cols;
    }

    /// Waits for the end and returns the exit code.
    fn finish(&mut self) -> i32 {
        let start = std::time::Instant::now();
        while !self.closed && start.elapsed() < Duration::from_secs(20) {
            self.pump();
            std::thread::sleep(Duration::from_millis(20));
        }
        exit_code(&self.pty)
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("not zero")
}

/// The position line of a question screen, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Position {
    /// The row it stands on.
    row: usize,
    /// "Doel 1 van 2: Rust in huis", "Casus als geheel · Niveau van het
    /// gezin", "Begin", "Doelen".
    part: String,
    k: usize,
    least: usize,
    most: usize,
    line: String,
}

/// The last row with "vraag K van M" (or "van L–M") in it.
fn position(rows: &[String]) -> Option<Position> {
    rows.iter().enumerate().rev().find_map(|(row, line)| {
        let parts: Vec<&str> = line.trim().split(" · ").collect();
        let at = parts.iter().position(|p| p.starts_with("vraag "))?;
        let words: Vec<&str> = parts[at].split(' ').collect();
        let (k, least, most) = match words.as_slice() {
            ["vraag", k, "van", m] => match m.split_once('–') {
                Some((l, m)) => (k.parse().ok()?, l.parse().ok()?, m.parse().ok()?),
                None => (k.parse().ok()?, m.parse().ok()?, m.parse().ok()?),
            },
            _ => return None,
        };
        let part = if parts[0].starts_with("Doel ") {
            parts[0].to_owned()
        } else {
            parts[..at]
                .iter()
                .filter(|p| **p != "Startvraag")
                .copied()
                .collect::<Vec<_>>()
                .join(" · ")
        };
        Some(Position {
            row,
            part,
            k,
            least,
            most,
            line: line.clone(),
        })
    })
}

/// A row without the pointer, tick box and bullet in front.
fn strip(row: &str) -> &str {
    let mut r = row.trim_start();
    for mark in ["❯", ">", "[x]", "[ ]", "·"] {
        r = r.strip_prefix(mark).unwrap_or(r).trim_start();
    }
    r
}

/// Checks one question screen: the position line, the question right under
/// it, each option at most once, the highlighted option and the keys in
/// view. Returns the position and the question (when it is in the bank).
fn check_screen<'b>(
    rows: &[String],
    bank: &'b [BankQuestion],
) -> (Position, Option<&'b BankQuestion>) {
    let screen = rows.join("\n");
    let pos = position(rows).unwrap_or_else(|| panic!("no position line:\n{screen}"));
    assert!(
        console_width(&pos.line) <= 80,
        "the position line fits: {}",
        pos.line
    );
    let title_row = rows[pos.row + 1].trim();
    assert!(
        !title_row.is_empty(),
        "the question under the position line:\n{screen}"
    );
    let question = bank
        .iter()
        .find(|q| !title_row.is_empty() && q.title.starts_with(title_row));
    let keys = rows
        .iter()
        .rev()
        .find(|r| !r.trim().is_empty())
        .expect("a row");
    assert!(
        rows.iter()
            .rev()
            .skip_while(|r| r.trim().is_empty())
            .take(3)
            .any(|r| r.contains("Enter")),
        "the keys at the bottom: {keys}\n{screen}"
    );
    let list = !rows.iter().any(|r| r.starts_with("Antwoord:"));
    if list {
        assert!(
            rows.iter().any(|r| r.starts_with("❯ ")),
            "the highlighted option is in view:\n{screen}"
        );
    }
    if let Some(q) = question {
        for label in &q.labels {
            let seen = rows[pos.row..]
                .iter()
                .filter(|r| {
                    let s = strip(r);
                    s == label
                        || s.starts_with(&format!("{label}:"))
                        || s.starts_with(&format!("{label} —"))
                })
                .count();
            assert!(seen <= 1, "'{label}' is shown {seen} times:\n{screen}");
        }
    }
    (pos, question)
}

/// The screen as one line of words, to find text that wraps.
fn words(rows: &[String]) -> String {
    rows.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn console_width(s: &str) -> usize {
    s.chars().count()
}

/// Checks that the position lines, in the order they were seen, never jump:
/// within a part the count goes up by one, the total only narrows, and a
/// part once left does not come back.
fn check_positions(seen: &[Position]) {
    let mut left: Vec<&str> = Vec::new();
    for pair in seen.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(a.k <= a.most && a.least <= a.most, "{a:?}");
        if a.part == b.part {
            assert_eq!(b.k, a.k + 1, "the count goes up by one: {a:?} → {b:?}");
            assert!(b.most <= a.most, "the total does not grow: {a:?} → {b:?}");
            assert!(
                b.least >= a.least,
                "the total does not shrink below what was said: {a:?} → {b:?}"
            );
        } else {
            assert!(a.k >= a.least, "a part ends after its questions: {a:?}");
            left.push(&a.part);
            assert!(
                !left.contains(&b.part.as_str()),
                "part {} comes back: {b:?}",
                b.part
            );
        }
    }
}

/// Starts a full session at 80×24: moment "Casuïstiekbespreking", start
/// question "Ja", goals `goals`. Returns at the first question after the
/// goals.
fn begin(t: &mut Term, goals: &[&str]) {
    t.wait_text("Op welk moment");
    t.send("\x1b[B");
    t.wait("Casuïstiekbespreking highlighted", |r| {
        r.iter().any(|l| l == "❯ Casuïstiekbespreking")
    });
    t.send("\r");
    t.wait_text("Zijn er doelen");
    t.send("\r");
    for (i, goal) in goals.iter().enumerate() {
        t.wait_text(&format!("Doel {} (maximaal", i + 1));
        t.type_line(goal);
    }
    t.wait_text(&format!("Doel {} (maximaal", goals.len() + 1));
    t.send("\r");
}

/// The question on screen: its position and title row, to see when the
/// next one has come.
fn current(rows: &[String]) -> Option<(String, String)> {
    let p = position(rows)?;
    Some((p.line.clone(), rows.get(p.row + 1)?.clone()))
}

/// Waits for a screen with a question other than `previous`, or the end.
fn next_question(t: &mut Term, previous: &Option<(String, String)>) -> Vec<String> {
    t.wait("the next question", |rows| {
        rows.iter()
            .any(|r| r.contains("Wil je de suggestie aanpassen"))
            || (current(rows).is_some() && current(rows) != *previous)
    })
}

/// Answers the question on screen in the plainest way: the highlighted
/// option, the first option ticked, or a word typed.
fn answer_plainly(t: &mut Term, rows: &[String]) {
    let screen = rows.join("\n");
    if screen.contains("aanvinken") {
        t.send(" ");
        t.wait("a tick", |r| r.iter().any(|l| l.contains("[x]")));
        t.send("\r");
    } else if rows.iter().any(|r| r.starts_with("Antwoord:")) {
        t.type_line("iets");
    } else {
        t.send("\r");
    }
}

/// The whole session at 80×24, as a professional goes through it: every
/// screen shows the position, the question and its options, each option
/// once; the position line never jumps; `?` in a multiple choice keeps the
/// ticks; a two-line paste stays in its question; an exclusive option
/// refuses to join others and keeps the ticks.
#[test]
fn a_whole_session_at_80_by_24_keeps_the_question_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let bank = bank_questions();
    let mut t = Term::start(dir.path(), &["start"]);
    let first = t.wait_text("Op welk moment");
    // The moments, each once, their explanation with them.
    let (pos, q) = check_screen(&first, &bank);
    assert_eq!(pos.part, "Begin");
    assert!(q.is_some(), "the moment question is recognised");
    assert!(
        first
            .iter()
            .any(|r| r.contains("Bespreking van een lopende casus")),
        "the moment's explanation is shown:\n{}",
        first.join("\n")
    );
    begin(&mut t, &["Rust in huis", "Zoon naar school"]);

    let mut seen = Vec::new();
    let mut previous = None;
    let mut paste_done = false;
    let mut info_done = false;
    let mut exclusive_done = false;
    let done = loop {
        let rows = next_question(&mut t, &previous);
        let screen = rows.join("\n");
        if screen.contains("Wil je de suggestie aanpassen") {
            break rows;
        }
        let (pos, question) = check_screen(&rows, &bank);
        previous = current(&rows);
        seen.push(pos.clone());
        let title = question.map_or("", |q| q.title.as_str());

        if title.starts_with("Wat is er nodig om dit doel") && !paste_done {
            // Two lines pasted as keys (no bracketed paste), the way tmux's
            // paste-buffer and Windows consoles deliver them.
            t.send("Eerst een veiligheidsplan\rdaarna afspraken met school\r");
            let after = t.wait_text("daarna afspraken met school");
            assert_eq!(
                position(&after).map(|p| p.line),
                Some(pos.line.clone()),
                "the paste stays in its question:\n{}",
                after.join("\n")
            );
            assert!(
                after
                    .iter()
                    .any(|r| r == "Antwoord: Eerst een veiligheidsplan daarna afspraken met school"),
                "{}",
                after.join("\n")
            );
            t.send("\r");
            let next = next_question(&mut t, &previous);
            assert!(
                next.iter().any(|r| r.contains("Wie is er nodig")),
                "Enter after the paste goes on to the next question:\n{}",
                next.join("\n")
            );
            assert!(
                !next.iter().any(|r| r.contains("[x]")),
                "nothing of the paste answered the next question:\n{}",
                next.join("\n")
            );
            paste_done = true;
            continue;
        }
        if title.starts_with("Wie is er nodig om dit doel") && !info_done {
            t.send(" ");
            t.wait("one tick", |r| {
                r.iter().filter(|l| l.contains("[x]")).count() == 1
            });
            t.send("\x1b[B");
            t.send(" ");
            t.wait("two ticks", |r| {
                r.iter().filter(|l| l.contains("[x]")).count() == 2
            });
            t.send("?");
            let info = t.wait_text("Meer informatie:");
            let text = info.join("\n");
            assert!(text.contains("ook als die nog niet betrokken"), "{text}");
            assert_eq!(text.matches("[x]").count(), 2, "the ticks stay:\n{text}");
            check_screen(&info, &bank);
            t.send("?");
            t.wait("the information closed", |r| {
                !r.iter().any(|l| l.contains("Meer informatie:"))
            });
            t.send("\r");
            let trace = t.wait_text("✔ Wijkteam of sociaal team");
            assert!(
                trace.join(" ").contains("Jeugdgezondheidszorg"),
                "{}",
                trace.join("\n")
            );
            info_done = true;
            continue;
        }
        if let Some(q) = question
            && let Some(excl) = q.exclusive.first()
            && !exclusive_done
        {
            t.send(" ");
            t.wait("a tick", |r| r.iter().any(|l| l.contains("[x]")));
            let target = format!("❯ [ ] {excl}");
            for _ in 0..q.labels.len() {
                if t.rows().contains(&target) {
                    break;
                }
                let before = t.rows();
                t.send("\x1b[B");
                t.wait("the pointer moves", |r| r != before.as_slice());
            }
            t.send(" ");
            let refused = t.wait_text("gaat niet samen met andere keuzes");
            let text = refused.join("\n");
            assert_eq!(text.matches("[x]").count(), 1, "the tick stays:\n{text}");
            assert!(text.contains(&target), "{text}");
            check_screen(&refused, &bank);
            t.send("\r");
            exclusive_done = true;
            continue;
        }
        answer_plainly(&mut t, &rows);
    };
    assert!(paste_done && info_done && exclusive_done);
    assert!(
        seen.len() >= 30,
        "a whole session: {} questions",
        seen.len()
    );
    check_positions(&seen);
    for p in &seen {
        if p.part.starts_with("Doel ") {
            assert!(p.part.starts_with("Doel 1 van 2") || p.part.starts_with("Doel 2 van 2"));
        }
    }
    let screen = done.join("\n");
    assert!(
        !String::from_utf8_lossy(&t.raw).contains("\x1b[1m"),
        "NO_COLOR"
    );

    // No override; save the session and the summary.
    t.send("\r");
    t.wait_text("opslaan");
    t.send("\r");
    t.wait_text("Bestandsnaam");
    t.type_line("sessie");
    t.wait_text("Opgeslagen");
    assert_eq!(t.finish(), 0, "{screen}");
    for file in ["sessie.yaml", "sessie.txt"] {
        let path = dir.path().join(file);
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{file} is private");
    }
    assert_eq!(drafts_in(dir.path()), 0, "a saved session leaves no draft");
    let saved = fs::read_to_string(dir.path().join("sessie.yaml")).unwrap();
    for part in [
        "doel_wat: Eerst een veiligheidsplan daarna afspraken met school",
        "doel_partijen:\n    - wijkteam\n    - jgz",
        // The exclusive "Geen belemmering" was refused; the tick stayed.
        "belemmering:\n  - capaciteit\n  randvoorwaarden",
    ] {
        assert!(saved.contains(part), "{part} in {saved}");
    }
    let log = String::from_utf8_lossy(&t.raw).into_owned();
    assert!(log.contains("ADVIES VOOR DE CASUS"), "the result is shown");
}

/// The keys that go with a session but not with every question: Backspace
/// over wide and combining characters, the case text, a skip.
#[test]
fn backspace_over_wide_and_combining_characters_keeps_screen_and_answer_equal() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::start(dir.path(), &["start", "--snel"]);
    t.wait_text("Op welk moment");
    t.send("\r");
    t.wait_text("Zijn er doelen");
    t.send("\r");
    t.wait_text("Doel 1 (maximaal");
    t.send("Rust 👍🏽");
    t.wait_text("Antwoord: Rust 👍🏽");
    t.send("\x7f");
    t.wait("the emoji gone", |r| {
        r.iter().any(|l| l == "Antwoord: Rust")
    });
    t.send("zo\u{308}");
    t.wait_text("Antwoord: Rust zo\u{308}");
    t.send("\x7f");
    let rows = t.wait("the ö gone", |r| r.iter().any(|l| l == "Antwoord: Rust z"));
    // The cursor stands right after the z.
    let (row, col) = t.vt.screen().cursor_position();
    assert_eq!(rows[usize::from(row)], "Antwoord: Rust z");
    assert_eq!(col, 16);
    t.send("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}!");
    t.wait_text("!");
    t.send("\x7f\x7f");
    t.wait("both gone", |r| r.iter().any(|l| l == "Antwoord: Rust z"));
    t.send("\r");
    t.wait_text("✔ Rust z");
    t.wait_text("Doel 2 (maximaal");
    t.send("\x03");
    assert_eq!(t.finish(), 130);
    let draft = fs::read_dir(dir.path().join("gegevens/concepten"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    let text = fs::read_to_string(draft.path()).unwrap();
    assert!(
        text.contains("label: Rust z\n"),
        "what is saved is what was shown: {text}"
    );
}

#[test]
fn the_case_text_comes_back_with_tab_and_a_skip_leaves_a_trace() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::start(dir.path(), &["start", "--casus", "robin", "--snel"]);
    t.wait_text("Een label voor de vergelijking");
    t.type_line("7");
    t.wait_text("Je rol");
    t.type_line("wijkteam");
    let start = t.wait_text("Zijn er doelen");
    assert!(
        !words(&start).contains("kastje naar de muur"),
        "the case text has scrolled away:\n{}",
        start.join("\n")
    );
    assert!(
        start.iter().any(|r| r.contains("Tab: casus")),
        "{}",
        start.join("\n")
    );
    t.send("\t");
    let shown = t.wait_text("Casus:");
    assert!(
        words(&shown).contains("kastje naar de muur"),
        "{}",
        shown.join("\n")
    );
    check_screen(&shown, &bank_questions());
    t.send("\t");
    t.wait("the case text closed", |r| {
        !r.iter().any(|l| l.contains("Casus:"))
    });
    // Skip the start question: a trace stays, and the count says so.
    t.send("-");
    let next = t.wait_text("Deze doelen staan er nu");
    let screen = next.join("\n");
    assert!(
        screen.contains("– overgeslagen"),
        "the skip leaves a trace:\n{screen}"
    );
    assert!(
        next.iter().any(|r| r == "Doelen · 1 overgeslagen"),
        "the position line counts it:\n{screen}"
    );
    // Back to the skipped question: it says it was skipped.
    t.send("\x1b");
    let back = t.wait_text("Zijn er doelen");
    assert!(
        back.join("\n")
            .contains("Je hebt deze vraag eerder overgeslagen."),
        "{}",
        back.join("\n")
    );
    t.send("\x03");
    assert_eq!(t.finish(), 130);
}

/// A bracketed paste (what most terminals send) stays in its question too,
/// and a paste into a list is refused with a word, not taken as keys.
#[test]
fn a_bracketed_paste_stays_in_its_question() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::start(dir.path(), &["start", "--snel"]);
    t.wait_text("Op welk moment");
    t.send("\x1b[200~1\r2\r\x1b[201~");
    t.wait_text("Plakken kan alleen bij een open vraag");
    assert!(
        !t.rows().iter().any(|r| r.contains("Zijn er doelen")),
        "a paste does not choose"
    );
    t.send("\r");
    t.wait_text("Zijn er doelen");
    t.send("\r");
    t.wait_text("Doel 1 (maximaal");
    t.send("\x1b[200~Rust in huis\nen op school\n\x1b[201~");
    let rows = t.wait_text("Antwoord: Rust in huis en op school");
    assert!(
        rows.iter().any(|r| r.contains("Doel 1 (maximaal")),
        "{}",
        rows.join("\n")
    );
    t.send("\r");
    t.wait_text("✔ Rust in huis en op school");
    t.wait_text("Doel 2 (maximaal");
    t.send("\x03");
    assert_eq!(t.finish(), 130);
}

/// A window made smaller and larger again is drawn anew, within its width.
#[test]
fn a_resized_window_is_redrawn() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::start(dir.path(), &["start"]);
    t.wait_text("Op welk moment");
    t.resize(50, 16);
    let small = t.wait("the smaller screen", |rows| {
        rows.iter().any(|r| r.starts_with("Op welk moment"))
            && rows.iter().any(|r| r.starts_with("❯ Nieuwe aanmelding"))
    });
    let bank = bank_questions();
    check_screen(&small, &bank);
    assert!(small.iter().all(|r| r.chars().count() <= 50));
    t.resize(80, 24);
    let big = t.wait("the larger screen", |rows| {
        rows.iter()
            .any(|r| r.contains("Bespreking van een lopende casus met collega's"))
    });
    check_screen(&big, &bank);
    t.send("\x03");
    assert_eq!(t.finish(), 130);
}

/// With the result going to a file, the session still runs on the screen
/// and the file gets the plain summary.
#[test]
fn the_result_can_go_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("voorwie");
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("'{}' start --snel > uitslag.txt", bin.display()))
        .current_dir(dir.path())
        .env("TERM", "xterm-256color")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .env("VOORWIE_DATA_DIR", dir.path().join("gegevens"));
    let mut t = Term::of(cmd, 80, 24);
    t.wait_text("Op welk moment");
    t.send("\r");
    t.wait_text("Zijn er doelen");
    t.send("\r");
    t.wait_text("Doel 1 (maximaal");
    t.type_line("Rust in huis");
    t.wait_text("Doel 2 (maximaal");
    t.send("\r");
    let mut previous = None;
    loop {
        let rows = next_question(&mut t, &previous);
        if rows
            .iter()
            .any(|r| r.contains("Wil je de suggestie aanpassen"))
        {
            break;
        }
        previous = current(&rows);
        answer_plainly(&mut t, &rows);
    }
    t.send("\r");
    t.wait_text("opslaan");
    // Do not save (the last choice).
    t.send("\x1b[B\x1b[B\r");
    assert_eq!(t.finish(), 0);
    let out = fs::read_to_string(dir.path().join("uitslag.txt")).unwrap();
    assert!(out.contains("ADVIES VOOR DE CASUS"), "{out}");
    assert!(!out.contains('\x1b'), "plain text in the file: {out:?}");
    assert!(!out.contains("Wie is er nodig"), "no prompts in the file");
}

/// Colour on a terminal, none with NO_COLOR (the other tests run with it).
#[test]
fn the_prompt_has_colour_unless_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::start_with(dir.path(), &["start"], &[("NO_COLOR", None)], 80, 24);
    t.wait_text("Op welk moment");
    assert!(
        String::from_utf8_lossy(&t.raw).contains("\x1b[2m"),
        "the position line is dimmed"
    );
    t.send("\x03");
    assert_eq!(t.finish(), 130);
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
    s.expect("Zijn er doelen").unwrap();
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
    // The cursor is hidden while a list is shown; it must be back.
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

/// Waits for a question with `title` and the keys under it.
fn at(s: &mut Pty, title: &str) {
    s.expect(title).unwrap();
    s.expect("Enter").unwrap();
}

/// Types `text` and, once it shows, Enter: keys that arrive together are a
/// paste, and a paste does not confirm an answer.
fn line(s: &mut Pty, text: &str) {
    s.send(text).unwrap();
    s.expect(format!("Antwoord: {text}").as_str()).unwrap();
    s.send("\r").unwrap();
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
    line(&mut s, "Grip op schulden");
    at(&mut s, "Doel 2");
    line(&mut s, "Veilig thuis");
    at(&mut s, "Doel 3");
    s.send("\r").unwrap();
    at(&mut s, "volgens het gezin");
    s.send("\x1b[B\r").unwrap(); // Veilig thuis first
    at(&mut s, "volgens de hulpverlening");
    s.send("\r").unwrap(); // Grip op schulden first
    at(&mut s, "Wat is er nodig");
    line(&mut s, "Een veiligheidsplan");
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
    line(&mut s, "Rust in huis");
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
    line(&mut s, "7");
    at(&mut s, "Je rol");
    line(&mut s, "wijkteam");
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

#[test]
fn ctrl_c_while_typing_keeps_the_typed_text_in_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = spawn(dir.path(), "xterm-256color", &["start", "--snel"]);
    s.expect("Op welk moment").unwrap();
    s.send("\r").unwrap();
    s.expect("Zijn er doelen").unwrap();
    s.send("\r").unwrap(); // ja
    s.expect("Doel 1").unwrap();
    s.send("Schulden stabiel").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    s.send(ControlCode::EndOfText).unwrap();
    let out = rest(&mut s);
    assert_eq!(exit_code(&s), 130, "{out}");
    let drafts: Vec<_> = fs::read_dir(dir.path().join("gegevens/concepten"))
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(drafts.len(), 1);
    assert!(
        drafts[0].contains("Schulden stabiel") && drafts[0].contains("Niet afgemaakt antwoord"),
        "{}",
        drafts[0]
    );
}
