//! Presenter mode in a real pseudo-terminal, read back through a terminal
//! emulator (vt100): every practice case is walked at 80×24 and at 120×35,
//! and every line of every slide must appear on some screen, under the top
//! line that says where the room is and above the controls. Home, End and a
//! typed slide number jump; a key past the last slide does not end it.

use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::process::unix::WaitStatus;

type Pty = expectrl::session::OsSession;

const CASES: &[&str] = &[
    "peuter-slaap",
    "schoolverzuim",
    "afschalen",
    "robin",
    "monique",
    "aanmelding-ist",
    "lara",
    "beter-thuis",
];

const CONTROLS: &str = "Enter of → verder";
const END: &str = "Einde · Home of ← terug";

/// The slides as written to a pipe: per slide, its lines without the top
/// line and the controls, blank lines left out.
fn piped_slides(case: &str) -> Vec<Vec<String>> {
    let out = assert_cmd::Command::cargo_bin("voorwie")
        .unwrap()
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["voorbeeld", case, "--stapsgewijs"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let mut slides = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut first = true;
    for line in text.lines() {
        if line.starts_with(CONTROLS) {
            slides.push(std::mem::take(&mut current));
            first = true;
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        if first {
            // The top line: where we are and the counter.
            first = false;
            continue;
        }
        current.push(line.trim_end().to_owned());
    }
    slides
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

/// voorwie in a pty of `cols` × `rows`, read through a terminal emulator.
/// Taken by every [`Screen`] while it lives.
static TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());

struct Screen {
    pty: Pty,
    term: vt100::Parser,
    _turn: std::sync::MutexGuard<'static, ()>,
}

impl Screen {
    fn spawn(case: &str, cols: u16, rows: u16) -> Screen {
        // One terminal at a time: parallel pty sessions starve each other
        // on a small machine.
        let turn = TURN
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // The size is set before voorwie starts, so its first screen
        // already fits.
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(format!(
                "stty cols {cols} rows {rows} && exec \"$0\" voorbeeld {case} --stapsgewijs"
            ))
            .arg(assert_cmd::cargo::cargo_bin("voorwie"))
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1")
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
        let mut pty = Session::spawn(cmd).expect("spawn voorwie in a pty");
        // The pty starts at its own default size; set ours on it too, so
        // that a slow start cannot leave voorwie drawing for 80×24 (a
        // resize makes it lay the slide out again).
        pty.get_process_mut()
            .set_window_size(cols, rows)
            .expect("set the window size");
        Screen {
            pty,
            term: vt100::Parser::new(nz(rows), nz(cols), 0),
            _turn: turn,
        }
    }

    fn rows(&self) -> Vec<String> {
        let (_, cols) = self.term.screen().size();
        let cols = cols.get();
        self.term
            .screen()
            .rows(0, cols)
            // The pipe draws in ASCII; the terminal may draw in Unicode.
            .map(|r| r.trim_end().replace('═', "=").replace('◀', "<"))
            .collect()
    }

    /// Reads until `done` holds for the screen and nothing more comes.
    fn wait(&mut self, what: &str, done: impl Fn(&[String]) -> bool) -> Vec<String> {
        let start = Instant::now();
        let mut buf = [0u8; 8192];
        let mut quiet_since = Instant::now();
        loop {
            match self.pty.try_read(&mut buf) {
                Ok(0) => {}
                Ok(n) => {
                    self.term.process(&buf[..n]);
                    quiet_since = Instant::now();
                    continue;
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(_) => {}
            }
            let rows = self.rows();
            if done(&rows) && quiet_since.elapsed() > Duration::from_millis(60) {
                return rows;
            }
            assert!(
                // Generous: on a loaded two-core CI machine a screen can
                // take a while; this waits for a state, it does not time it.
                start.elapsed() < Duration::from_secs(90),
                "waiting for {what}; the screen shows:\n{}",
                rows.join("\n")
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn send(&mut self, keys: &str) {
        self.pty.write_all(keys.as_bytes()).unwrap();
        self.pty.flush().unwrap();
    }
}

/// "12/35" or "12/35 · scherm 2/3" at the end of the top line.
fn counter(top: &str) -> Option<(usize, usize, usize, usize)> {
    let tail = top.rsplit("  ").next()?.trim();
    let (slide, part) = match tail.split_once(" · scherm ") {
        Some((s, p)) => (s, Some(p)),
        None => (tail, None),
    };
    let (n, total) = slide.split_once('/')?;
    let (k, m) = match part {
        Some(p) => {
            let (k, m) = p.split_once('/')?;
            (k.parse().ok()?, m.parse().ok()?)
        }
        None => (1, 1),
    };
    Some((n.parse().ok()?, total.parse().ok()?, k, m))
}

fn at(n: usize, k: usize) -> impl Fn(&[String]) -> bool {
    move |rows: &[String]| {
        rows.first()
            .and_then(|t| counter(t))
            .is_some_and(|(a, _, b, _)| a == n && b == k)
            && rows.last().is_some_and(|l| !l.is_empty())
    }
}

fn walk(case: &str, cols: u16, rows: u16) {
    let expected = piped_slides(case);
    let total = expected.len();
    assert!(total > 10, "{case}: {total} slides");
    let mut s = Screen::spawn(case, cols, rows);
    for (i, want) in expected.iter().enumerate() {
        let n = i + 1;
        let mut seen: Vec<String> = Vec::new();
        let mut k = 1;
        loop {
            let screen = s.wait(&format!("{case} slide {n} screen {k}"), at(n, k));
            let (_, all, _, parts) = counter(&screen[0]).unwrap();
            assert_eq!(all, total, "{case}: the counter counts every slide");
            let footer = screen.last().unwrap();
            let last = n == total && k == parts;
            assert!(
                footer.starts_with(if last { END } else { CONTROLS }),
                "{case} {n}: the bottom row holds the controls: {footer:?}"
            );
            for line in &screen {
                assert!(
                    line.chars().count() < usize::from(cols),
                    "{case} {n}: wider than the screen: {line}"
                );
            }
            // Everything between the top line and the controls; the
            // heading is repeated on every screen of a slide.
            let body: Vec<String> = screen[1..screen.len() - 1]
                .iter()
                .filter(|l| !l.is_empty())
                .cloned()
                .collect();
            if k == 1 {
                seen.extend(body);
            } else {
                let heading = want
                    .iter()
                    .position(|l| l.starts_with('='))
                    .map_or(0, |p| p + 1);
                assert_eq!(body[..heading], want[..heading], "{case} {n}: heading");
                seen.extend(body[heading..].iter().cloned());
            }
            if k == parts {
                break;
            }
            k += 1;
            s.send("\r");
        }
        assert_eq!(
            &seen, want,
            "{case} at {cols}×{rows}: slide {n} lost or changed lines"
        );
        if n < total {
            s.send("\r");
        }
    }
    // Past the last slide: it stays, and says how to stop.
    s.send("\r \x1b[C");
    let screen = s.wait("the end", |r| r.last().is_some_and(|l| l.starts_with(END)));
    assert_eq!(counter(&screen[0]).unwrap().0, total);
    std::thread::sleep(Duration::from_millis(150));
    assert!(
        s.pty.get_process().is_alive().unwrap(),
        "{case}: a key past the last slide ended the presentation"
    );
    // Home, End and a typed number.
    s.send("\x1b[H");
    s.wait("Home", at(1, 1));
    s.send("\x1b[F");
    s.wait("End", at(total, 1));
    s.send("7");
    s.wait("the number typed", |r| {
        r.last().is_some_and(|l| l.starts_with("Naar dia: 7"))
    });
    s.send("\r");
    s.wait("slide 7", at(7, 1));
    s.send("q");
    let end = Instant::now();
    let code = loop {
        let mut buf = [0u8; 4096];
        if let Ok(n) = s.pty.try_read(&mut buf) {
            s.term.process(&buf[..n]);
        }
        match s.pty.get_process().status().expect("the process") {
            WaitStatus::StillAlive => {}
            done => break done,
        }
        assert!(end.elapsed() < Duration::from_secs(10), "q did not stop");
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(matches!(code, WaitStatus::Exited(_, 0)), "{code:?}");
    // What it wrote last, before it ended.
    let drained = Instant::now();
    let mut buf = [0u8; 4096];
    while drained.elapsed() < Duration::from_secs(2) {
        match s.pty.try_read(&mut buf) {
            Ok(0) => break,
            Ok(n) => s.term.process(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                if !s.term.screen().alternate_screen() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(_) => break,
        }
    }
    assert!(
        !s.term.screen().alternate_screen(),
        "{case}: the terminal is back on its main screen"
    );
}

#[test]
fn every_practice_case_walks_at_80x24_without_a_line_lost() {
    for case in CASES {
        walk(case, 80, 24);
    }
}

#[test]
fn every_practice_case_walks_at_120x35_without_a_line_lost() {
    for case in CASES {
        walk(case, 120, 35);
    }
}

#[test]
fn a_resize_lays_the_slide_out_again() {
    let slides = piped_slides("aanmelding-ist");
    let outcome = slides
        .iter()
        .position(|l| l.first().is_some_and(|h| h == "Advies voor de casus"))
        .expect("an outcome slide")
        + 1;
    let mut s = Screen::spawn("aanmelding-ist", 80, 24);
    s.wait("the first slide", at(1, 1));
    s.send(&format!("{outcome}\r"));
    let one = s.wait("the outcome", at(outcome, 1));
    assert_eq!(counter(&one[0]).unwrap().3, 1, "fits on one 80×24 screen");
    // A smaller window: the slide goes on on a second screen.
    s.pty.get_process_mut().set_window_size(80, 14).unwrap();
    s.term.set_size(nz(14), nz(80));
    let small = s.wait("the outcome at 80×14", |r| {
        r.len() == 14
            && counter(&r[0]).is_some_and(|(n, _, _, m)| n == outcome && m == 2)
            && r.last().is_some_and(|l| l.starts_with(CONTROLS))
    });
    assert!(
        small[1..13].iter().any(|l| l.contains("advies")),
        "{small:#?}"
    );
    s.send("\r");
    s.wait("its second screen", at(outcome, 2));
    // Larger again: one screen, and still the same slide.
    s.pty.get_process_mut().set_window_size(120, 35).unwrap();
    s.term.set_size(nz(35), nz(120));
    s.wait("the outcome at 120×35", |r| {
        r.len() == 35 && counter(&r[0]).is_some_and(|(n, _, k, m)| n == outcome && k == 1 && m == 1)
    });
    s.send("q");
}
