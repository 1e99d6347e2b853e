//! Files people edit by hand and what other programs do with our output
//! (issue 15): every file in `tests/invoer/`, every kind of parser error in
//! Dutch and English, answers read as a person reads them, encodings,
//! comments in JSON, dates, special files behind `-o`, links in
//! `overzicht`, formula cells in the CSV and the `.xlsx`.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

fn voorwie() -> Command {
    let mut cmd = Command::cargo_bin("voorwie").unwrap();
    cmd.env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd.timeout(Duration::from_secs(20));
    cmd
}

/// Runs voorwie; returns exit code, stdout and stderr.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = voorwie().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn invoer(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/invoer")
        .join(name)
        .display()
        .to_string()
}

fn file(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

/// `start --antwoorden` on `text` in Dutch and in English: exit 1, and
/// each language's needles on stderr, with no English text of the parser.
fn refused(text: &str, nl: &[&str], en: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "a.yaml", text);
    let path = path.to_str().unwrap();
    for (lang, needles) in [("nl", nl), ("en", en)] {
        let (code, _, err) = run(&["--taal", lang, "start", "--antwoorden", path]);
        assert_eq!(code, 1, "{lang}: {err}");
        for n in needles {
            assert!(err.contains(n), "{lang}: missing {n:?} in:\n{err}");
        }
        assert!(err.contains("    → "), "{lang}: no fix in:\n{err}");
        for english in [
            "while scanning",
            "while parsing",
            "did not find",
            "unclosed",
            "recursion limit",
            "found character",
            "invalid type:",
            "unknown field `",
        ] {
            assert!(
                !err.contains(english),
                "{lang}: parser text {english:?}:\n{err}"
            );
        }
        if lang == "en" {
            for dutch in ["hier hoort", "ongeldige", "een tab waar", " kies "] {
                assert!(!err.contains(dutch), "en: Dutch {dutch:?} in:\n{err}");
            }
        }
    }
}

// --- tests/invoer/ ---------------------------------------------------------

#[test]
fn a_tab_is_reported_on_the_line_with_the_tab_in_both_languages() {
    let path = invoer("tab-inspringing.yaml");
    let (code, _, err) = run(&["start", "--antwoorden", &path]);
    assert_eq!(code, 1);
    assert!(
        err.contains("tab-inspringing.yaml:4:1: een tab waar YAML alleen spaties toestaat"),
        "{err}"
    );
    assert!(err.contains("vervang de tab door spaties"), "{err}");
    assert!(err.contains("4 | →   draagkracht: last"), "{err}");
    let (_, _, err) = run(&["--taal", "en", "start", "--antwoorden", &path]);
    assert!(
        err.contains("tab-inspringing.yaml:4:1: a tab where YAML allows only spaces"),
        "{err}"
    );
    assert!(err.contains("replace the tab with spaces"), "{err}");
}

#[test]
fn yaml_words_are_quoted_as_written_and_never_become_ja_or_nee() {
    let path = invoer("ja-nee-woorden.yaml");
    let (code, _, err) = run(&["start", "--antwoorden", &path]);
    assert_eq!(code, 1);
    assert!(
        err.contains("ja-nee-woorden.yaml:4:16: 'off' is geen antwoord op 'draagkracht'"),
        "{err}"
    );
    assert!(
        err.contains("kies een van: ruim, balans, last, overbelast"),
        "{err}"
    );
    assert!(
        !err.contains("'nee'"),
        "a word the file does not say: {err}"
    );
    let (_, _, err) = run(&["--taal", "en", "start", "--antwoorden", &path]);
    assert!(
        err.contains("'off' is not an answer to 'draagkracht'"),
        "{err}"
    );
    assert!(err.contains("choose one of: ruim, balans"), "{err}");
}

#[test]
fn a_timeline_is_in_date_order_with_dutch_dates_read_as_dates() {
    let (code, out, err) = run(&[
        "vergelijk",
        "--tijdlijn",
        &invoer("tijdlijn-3.yaml"),
        &invoer("tijdlijn-2.yaml"),
        &invoer("tijdlijn-1.yaml"),
    ]);
    assert_eq!(code, 0, "{err}");
    let first = out.find("01-09-2026").expect("September");
    let second = out.find("15-10-2026").expect("October");
    let third = out.find("23-11-2026").expect("November");
    assert!(first < second && second < third, "{out}");
    // What changed is told from the earlier to the later date.
    assert!(out.contains("01-09-2026 → 15-10-2026"), "{out}");
    assert!(out.contains("15-10-2026 → 23-11-2026"), "{out}");
}

#[test]
fn a_formula_in_a_session_is_text_in_the_csv() {
    let (code, out, err) = run(&["overzicht", &invoer("csv-formule.yaml"), "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let row = out.lines().nth(1).expect("a row");
    assert!(row.contains("\"'=HYPERLINK("), "{row}");
    for line in out.lines() {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell} in {line}");
        }
    }
}

#[test]
fn a_long_label_still_reads_and_scores() {
    // The print layout of this file is the HTML's business; here: it loads.
    let (code, out, err) = run(&[
        "start",
        "--antwoorden",
        &invoer("lang-label.yaml"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Kinderopvangtoeslagherstel"), "{out}");
}

// --- every kind of parser error, Dutch and English -------------------------

#[test]
fn parser_errors_in_dutch_and_english_at_the_right_line_with_a_fix() {
    refused(
        "versie: 1\nantwoorden:\n  startvraag: \"ja\n",
        &["a.yaml:3:15: een aanhalingsteken wordt niet gesloten"],
        &["a.yaml:3:15: a quote is not closed"],
    );
    refused(
        "versie: 1\nantwoorden:\n  startvraag: [a, b\n",
        &["a.yaml:3:15: een lijst die met [ begint, wordt niet met ] gesloten"],
        &["a.yaml:3:15: a list that starts with [ is not closed with ]"],
    );
    refused(
        "versie: 1\nantwoorden: {startvraag: ja\n",
        &["a.yaml:2:13: een mapping die met { begint, wordt niet met } gesloten"],
        &["a.yaml:2:13: a mapping that starts with { is not closed with }"],
    );
    refused(
        &format!(
            "versie: 1\nantwoorden:\n  startvraag: {}{}\n",
            "[".repeat(200),
            "]".repeat(200)
        ),
        &["a.yaml:3:16: hier hoort een enkele waarde"],
        &["a.yaml:3:16: a single value (text or number) belongs here"],
    );
    refused(
        "versie: 1\nversie: 1\n",
        &["a.yaml:2:1: 'versie' staat hier voor de tweede keer"],
        &["a.yaml:2:1: 'versie' is here for the second time"],
    );
    refused(
        "versie: 1\nantwoordn:\n  startvraag: ja\n",
        &[
            "a.yaml:2:1: onbekend veld 'antwoordn'",
            "bedoel je 'antwoorden'?",
        ],
        &[
            "a.yaml:2:1: unknown field 'antwoordn'",
            "did you mean 'antwoorden'?",
        ],
    );
    refused(
        "antwoorden:\n  startvraag: ja\n",
        &["het verplichte veld 'versie' ontbreekt", "voeg toe: versie"],
        &["the required field 'versie' is missing", "add: versie"],
    );
    refused(
        "versie: een\n",
        &["a.yaml:1:9:", "een geheel getal"],
        &["a.yaml:1:9:", "a whole number"],
    );
    refused(
        "versie: 1\nnotities: *nergens\n",
        &["a.yaml:2:11: verwijzing (*) naar een anker (&) dat niet bestaat"],
        &["a.yaml:2:11: reference (*) to an anchor (&) that does not exist"],
    );
    refused(
        "versie: 1\n---\nversie: 1\n",
        &["meer dan één YAML-document"],
        &["more than one YAML document"],
    );
    refused(
        "versie: 1\nnotities: \"a\\qb\"\n",
        &["a.yaml:2:", "een ongeldige \\ in een tekst"],
        &["a.yaml:2:", "an invalid \\ in a text"],
    );
    refused(
        "versie: 1\nantwoorden:\n  startvraag: ja\n draagkracht: last\n",
        &["a.yaml:4:"],
        &["a.yaml:4:"],
    );
    refused(
        "versie: 1\nnotities: @iemand\n",
        &[
            "a.yaml:2:11: een teken dat hier niet mag staan",
            "aanhalingstekens",
        ],
        &["a.yaml:2:11: a character that may not stand here", "quotes"],
    );
    refused(
        "versie: 1\nnotities: 'ja' en nee\n",
        &[
            "a.yaml:2:",
            "na het sluitende aanhalingsteken staat nog tekst",
        ],
        &["a.yaml:2:", "there is more text after the closing quote"],
    );
    refused(
        "versie: 1\nnotities: a: b\n",
        &["a.yaml:2:", "dubbele punt"],
        &["a.yaml:2:", "colon"],
    );
    refused(
        "versie: 1\ndatum: 2026-13-45\n",
        &[
            "a.yaml:2:8: '2026-13-45' is geen bestaande datum",
            "dd-mm-jjjj",
        ],
        &[
            "a.yaml:2:8: '2026-13-45' is not a date that exists",
            "dd-mm-yyyy",
        ],
    );
}

#[test]
fn bad_anchors_and_tags() {
    refused(
        "versie: 1\nnotities: !!binary zzz\n",
        &["a.yaml:2:20: een !!binary-waarde"],
        &["a.yaml:2:20: a !!binary value"],
    );
    refused(
        "versie: 1\nnotities: &x a\nbank: *x\n",
        &["a.yaml:3:7: hier hoort een mapping"],
        &["a.yaml:3:7: a mapping (key: value) belongs here"],
    );
}

// --- answers as a person reads them ----------------------------------------

fn answers_json(body: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        dir.path(),
        "a.yaml",
        format!("versie: 1\nantwoorden:\n{body}"),
    );
    run(&[
        "start",
        "--antwoorden",
        path.to_str().unwrap(),
        "--format",
        "json",
    ])
}

#[test]
fn answers_match_ids_and_labels_regardless_of_case_accents_and_spaces() {
    for body in [
        "  startvraag: Ja\n",
        "  startvraag: JA\n",
        "  startvraag: ' ja '\n",
        "  startvraag: Já\n",
        "  startvraag: ja\n  draagkracht: ' Weet niet'\n",
        "  startvraag: ja\n  draagkracht: LAST\n",
    ] {
        let (code, out, err) = answers_json(body);
        assert_eq!(code, 0, "{body:?}: {err}");
        assert!(out.contains("\"advies\""), "{out}");
    }
    // The same as the exact ids.
    let (_, exact, _) = answers_json("  startvraag: ja\n  draagkracht: last\n");
    let (_, read, _) = answers_json("  startvraag: ' JA'\n  draagkracht: Last\n");
    let advice = |s: &str| {
        let v: serde_json::Value = serde_json::from_str(s).unwrap();
        v["advies"]["stap"].clone()
    };
    assert_eq!(advice(&exact), advice(&read));
}

#[test]
fn yaml_11_words_are_refused_with_the_options() {
    for word in ["y", "on", "YES", "off", "no", "true"] {
        let (code, _, err) = answers_json(&format!("  startvraag: {word}\n"));
        assert_eq!(code, 1, "{word}: {err}");
        assert!(
            err.contains(&format!("'{word}' is geen antwoord op 'startvraag'")),
            "{word}: {err}"
        );
        assert!(err.contains("kies een van: ja, nee, weet_niet"), "{err}");
        assert!(err.contains("niet als ja of nee"), "{err}");
    }
}

#[test]
fn practice_cases_are_found_as_a_person_writes_their_name() {
    let (code, out, err) = run(&["voorbeeld", "Róbin ", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"advies\""));
    let (code, _, err) = run(&["--taal", "en", "voorbeeld", "nobody"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown practice case 'nobody'"), "{err}");
}

#[test]
fn goal_labels_are_compared_as_a_person_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    let a = file(
        dir.path(),
        "a.yaml",
        "versie: 1\nbeoordelaar: {label: A}\nantwoorden:\n  startvraag: ja\ndoelen:\n  - label: Grip op schulden\n",
    );
    let b = file(
        dir.path(),
        "b.yaml",
        "versie: 1\nbeoordelaar: {label: B}\nantwoorden:\n  startvraag: ja\ndoelen:\n  - label: ' grip op  SCHÚLDEN'\n",
    );
    let (code, out, err) = run(&[
        "vergelijk",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !out.contains("grip op  SCHÚLDEN"),
        "one goal, not two: {out}"
    );
    assert!(out.contains("Grip op schulden"), "{out}");
}

// --- encodings and comments ------------------------------------------------

const ANSWERS: &str = "versie: 1\r\nantwoorden:\r\n  startvraag: ja\r\nnotities: Zoë\r\n";

#[test]
fn utf16_with_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut le = vec![0xFF, 0xFE];
    le.extend(ANSWERS.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(ANSWERS.encode_utf16().flat_map(u16::to_be_bytes));
    for bytes in [le, be] {
        let path = file(dir.path(), "ps.yaml", bytes);
        let (code, out, err) = run(&[
            "start",
            "--antwoorden",
            path.to_str().unwrap(),
            "--format",
            "json",
        ]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("Zoë"), "{out}");
    }
}

#[test]
fn utf16_without_a_mark_and_windows_1252_are_named_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let bare: Vec<u8> = ANSWERS.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let path = file(dir.path(), "ps.yaml", bare);
    let (code, _, err) = run(&["start", "--antwoorden", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("UTF-16 (little-endian) zonder byte-order mark"),
        "{err}"
    );
    assert!(err.contains("Codering: UTF-8"), "{err}");
    let (_, _, err) = run(&[
        "--taal",
        "en",
        "start",
        "--antwoorden",
        path.to_str().unwrap(),
    ]);
    assert!(
        err.contains("UTF-16 (little-endian) without a byte-order mark"),
        "{err}"
    );
    assert!(err.contains("Encoding: UTF-8"), "{err}");

    let latin1: Vec<u8> = ANSWERS
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    let path = file(dir.path(), "kladblok.yaml", latin1);
    let (code, _, err) = run(&["start", "--antwoorden", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("kladblok.yaml:4:13: dit is geen UTF-8-tekst"),
        "{err}"
    );
    assert!(err.contains("byte 0xEB (in Windows-1252 een 'ë')"), "{err}");
    assert!(
        err.contains("Windows-1252 (Latin-1, in Kladblok 'ANSI')"),
        "{err}"
    );
    let (_, _, err) = run(&[
        "--taal",
        "en",
        "start",
        "--antwoorden",
        path.to_str().unwrap(),
    ]);
    assert!(
        err.contains("kladblok.yaml:4:13: this is not UTF-8 text"),
        "{err}"
    );
    assert!(err.contains("Save as → Encoding: UTF-8"), "{err}");
}

#[test]
fn comments_in_json_get_a_message_about_comments() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        dir.path(),
        "a.json",
        "{\n  \"versie\": 1,\n  // wat ik vond\n  \"antwoorden\": {\"startvraag\": \"ja\"}\n}\n",
    );
    let (code, _, err) = run(&["start", "--antwoorden", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("a.json:3:3: JSON kent geen commentaar"),
        "{err}"
    );
    assert!(!err.contains("onbekend veld"), "{err}");
    let (_, _, err) = run(&[
        "--taal",
        "en",
        "start",
        "--antwoorden",
        path.to_str().unwrap(),
    ]);
    assert!(err.contains("a.json:3:3: JSON has no comments"), "{err}");
}

// --- dates -----------------------------------------------------------------

#[test]
fn dates_are_read_as_dates_and_kept_as_iso() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        dir.path(),
        "a.yaml",
        "versie: 1\ndatum: 5-3-2026\nantwoorden:\n  startvraag: ja\n",
    );
    let (code, out, err) = run(&[
        "start",
        "--antwoorden",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"datum\": \"2026-03-05\""), "{out}");
    let (code, out, _) = run(&["start", "--antwoorden", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("05-03-2026"), "shown the Dutch way: {out}");
    let path = file(dir.path(), "b.yaml", "versie: 1\ndatum: 31-02-2026\n");
    let (code, _, err) = run(&["start", "--antwoorden", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("b.yaml:2:8: '31-02-2026' is geen bestaande datum"),
        "{err}"
    );
}

// --- output into special files ---------------------------------------------

#[cfg(unix)]
#[test]
fn o_writes_through_a_fifo_and_never_replaces_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pijp");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let (code, _, err) = run(&["kaart", "-o", fifo.to_str().unwrap(), "--force"]);
    assert_eq!(code, 0, "{err}");
    let read = reader.join().unwrap();
    assert!(read.contains("zakkaart"), "{read}");
    assert!(
        fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(),
        "still a FIFO"
    );
    // A character device too, without --force: nothing is replaced.
    let (code, _, err) = run(&["kaart", "-o", "/dev/null"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[cfg(unix)]
#[test]
fn o_follows_a_link_and_keeps_it_and_refuses_a_link_to_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let real = file(dir.path(), "echt.txt", "oud");
    let link = dir.path().join("koppeling.txt");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (code, _, err) = run(&["kaart", "-o", link.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("bestaat al"), "{err}");
    let (code, _, err) = run(&["kaart", "-o", link.to_str().unwrap(), "--force"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays"
    );
    assert!(
        fs::read_to_string(&real).unwrap().contains("zakkaart"),
        "written through"
    );

    let dangling = dir.path().join("los.txt");
    std::os::unix::fs::symlink(dir.path().join("nergens"), &dangling).unwrap();
    let (code, _, err) = run(&[
        "--taal",
        "en",
        "kaart",
        "-o",
        dangling.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("is a symbolic link to"), "{err}");
    assert!(
        fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

// --- links in overzicht ----------------------------------------------------

#[cfg(unix)]
#[test]
fn overzicht_follows_what_is_named_and_says_what_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("map")).unwrap();
    fs::create_dir_all(d.join("elders")).unwrap();
    fs::copy(invoer("tijdlijn-1.yaml"), d.join("elders/a.yaml")).unwrap();
    fs::copy(invoer("tijdlijn-2.yaml"), d.join("map/b.yaml")).unwrap();
    std::os::unix::fs::symlink(d.join("elders/a.yaml"), d.join("map/koppeling.yaml")).unwrap();
    std::os::unix::fs::symlink(d.join("elders/a.yaml"), d.join("genoemd.yaml")).unwrap();
    std::os::unix::fs::symlink(d.join("elders"), d.join("genoemde-map")).unwrap();

    for named in ["genoemd.yaml", "genoemde-map"] {
        let (code, out, err) = run(&[
            "overzicht",
            d.join(named).to_str().unwrap(),
            "--format",
            "json",
        ]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("\"sessies\": 1"), "{named}: {out}");
    }
    let (code, out, err) = run(&[
        "overzicht",
        d.join("map").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("\"sessies\": 1") && out.contains("\"niet_gelezen\": 1"),
        "{out}"
    );
    assert!(
        err.contains(
            "koppeling.yaml: een symbolische koppeling in een map; voorwie volgt die niet"
        ),
        "{err}"
    );
}

// --- the workbook ----------------------------------------------------------

#[test]
fn overzicht_as_xlsx_opens_with_the_right_cells() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessies");
    fs::create_dir_all(&sessions).unwrap();
    for name in ["csv-formule.yaml", "tijdlijn-1.yaml", "tijdlijn-2.yaml"] {
        fs::copy(invoer(name), sessions.join(name)).unwrap();
    }
    let out = dir.path().join("overzicht.xlsx");
    let (code, _, err) = run(&[
        "overzicht",
        sessions.to_str().unwrap(),
        "--format",
        "xlsx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.len(), 10, "{names:?}");
    assert_eq!(names[0], "Sessies");
    let rows = book.worksheet_range("Sessies").unwrap();
    let header: Vec<String> = rows
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header[..6],
        ["sessie", "moment", "datum", "rol", "doel", "stap"]
    );
    // The formula from the session file is a text cell, as written.
    let formula = rows
        .rows()
        .find(|r| r[3].to_string().contains("HYPERLINK"))
        .expect("the row with the role");
    assert!(matches!(&formula[3], Data::String(s) if s.starts_with("=HYPERLINK(")));
    let dates: Vec<String> = rows.rows().skip(1).map(|r| r[2].to_string()).collect();
    assert!(dates.contains(&"2026-10-15".to_owned()), "{dates:?}");
    assert_eq!(rows.height(), 4, "a header and three sessions");
    let steps = book.worksheet_range("Stappen").unwrap();
    assert_eq!(steps.get((0, 2)), Some(&Data::String("Aantal".into())));
    let total: f64 = steps
        .rows()
        .skip(1)
        .map(|r| match r[2] {
            Data::Float(f) => f,
            Data::Int(i) => i as f64,
            _ => 0.0,
        })
        .sum();
    assert_eq!(total, 3.0);
    let (code, _, err) = run(&["kaart", "--format", "xlsx"]);
    assert_eq!(code, 2, "{err}");
}

// --- English messages of each kind -----------------------------------------

#[test]
fn english_messages_for_errors_problems_and_controleer() {
    // A library error.
    let (_, _, err) = run(&["--taal", "en", "start", "--antwoorden", "bestaat-niet.yaml"]);
    assert!(
        err.contains("error: cannot read 'bestaat-niet.yaml': the file or folder does not exist"),
        "{err}"
    );
    // Problems in an answers file.
    let (_, err) = {
        let dir = tempfile::tempdir().unwrap();
        let path = file(
            dir.path(),
            "a.yaml",
            "versie: 1\nmoment: kerst\nantwoorden:\n  brede_blikk: ja\n",
        );
        let (c, _, e) = run(&[
            "--taal",
            "en",
            "start",
            "--antwoorden",
            path.to_str().unwrap(),
        ]);
        (c, e)
    };
    assert!(err.contains("2 error(s) and 0 warning(s)"), "{err}");
    assert!(
        err.contains("unknown moment 'kerst'") && err.contains("choose one of:"),
        "{err}"
    );
    assert!(err.contains("did you mean 'brede_blik'?"), "{err}");
    // Problems in a bank, and the summary of controleer.
    let (code, out, _) = run(&["--taal", "en", "controleer"]);
    assert_eq!(code, 0);
    assert!(out.contains(": in order. Question bank"), "{out}");
    assert!(out.contains("questions ("), "{out}");
    let dir = tempfile::tempdir().unwrap();
    let bank = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-bank.yaml"),
    )
    .unwrap()
    .replacen(
        "id: mini\nversie: \"0.1\"",
        "id: Mini Bank\nversie: \"\"",
        1,
    );
    let path = file(dir.path(), "bank.yaml", bank);
    let (code, _, err) = run(&["--taal", "en", "controleer", path.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("bank.yaml:4:5: invalid bank id 'Mini Bank'"),
        "{err}"
    );
    assert!(err.contains("the version is empty"), "{err}");
    assert!(err.contains("error(s)"), "{err}");
    let (_, _, err) = run(&["controleer", path.to_str().unwrap()]);
    assert!(err.contains("ongeldige bank-id 'Mini Bank'"), "{err}");
    // A usage error from the library.
    let (code, _, err) = run(&["--taal", "en", "continuum", "fusie"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown step 'fusie'. Choose one of:"),
        "{err}"
    );
}
