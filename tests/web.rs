//! The browser edition (`dist/voorwie.html`, built by `scripts/web.sh`) in a
//! real browser: headless Chromium driven over WebDriver (chromedriver,
//! through the `fantoccini` client). A whole session with the keyboard,
//! with a reload halfway; the saved session file gives the CLI the same
//! result as the page showed; every practice case gives the CLI's result;
//! the page makes no network request.
//!
//! Skipped, with a message saying why, when the page or chromedriver is not
//! there, unless `VOORWIE_WEB_TESTS=verplicht` (as `.ci/run` sets it): then
//! their absence fails.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// One browser at a time: the machine may have two cores.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn page() -> PathBuf {
    std::env::var_os("VOORWIE_HTML").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("dist/voorwie.html"),
        PathBuf::from,
    )
}

fn chromedriver() -> Option<PathBuf> {
    ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// The page and the driver, or why the test cannot run (then it is skipped,
/// or fails where the tests are required).
fn ready() -> Option<PathBuf> {
    let page = page();
    let why = if !page.exists() {
        format!("{} is not built (scripts/web.sh)", page.display())
    } else if chromedriver().is_none() {
        "chromedriver is not installed (apt-get install chromium-driver)".to_owned()
    } else {
        return Some(chromedriver().unwrap_or_default());
    };
    if std::env::var("VOORWIE_WEB_TESTS").is_ok_and(|v| v == "verplicht") {
        panic!("browser tests required, but {why}");
    }
    eprintln!("SKIPPED: the browser tests do not run: {why}");
    None
}

struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_driver(path: &Path) -> Driver {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let child = Command::new(path)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not listen");
        std::thread::sleep(Duration::from_millis(100));
    }
    Driver { child, port }
}

/// A headless Chromium with its own profile and download folder.
async fn browser(driver: &Driver, profile: &Path, downloads: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".to_owned(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                     format!("--user-data-dir={}", profile.display())],
            "prefs": {
                "download.default_directory": downloads.display().to_string(),
                "download.prompt_for_download": false,
            },
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a WebDriver session")
}

fn url() -> String {
    format!("file://{}", page().canonicalize().unwrap().display())
}

async fn open(c: &Client) {
    c.goto(&url()).await.unwrap();
    wait_ready(c).await;
}

async fn wait_ready(c: &Client) {
    c.wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("body[data-ready]"))
        .await
        .expect("the page starts");
}

async fn js(c: &Client, script: &str) -> Value {
    c.execute(script, vec![]).await.unwrap()
}

/// The page's current screen (what the library said to show).
async fn screen(c: &Client) -> Value {
    js(c, "return shown;").await
}

async fn visible(c: &Client, id: &str) -> bool {
    js(
        c,
        &format!("return !document.getElementById('{id}').classList.contains('hidden');"),
    )
    .await
        == json!(true)
}

/// Sends keys to whatever has the focus.
async fn keys(c: &Client, text: &str) {
    let active = c.active_element().await.unwrap();
    active.send_keys(text).await.unwrap();
}

async fn focused_id(c: &Client) -> String {
    js(c, "return document.activeElement.id;")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn cli(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_voorwie"))
        .args(args)
        .output()
        .expect("voorwie runs");
    assert!(
        out.status.success(),
        "voorwie {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON from voorwie")
}

fn page_json(text: &Value) -> Value {
    serde_json::from_str(text.as_str().expect("the page's JSON")).expect("JSON on the page")
}

/// Answers the question on the screen with the keyboard only: the focus is
/// on the first choice (or the text field) when a question appears.
async fn answer_with_keys(c: &Client, n: usize) {
    let s = screen(c).await;
    let p = &s["prompt"];
    let title = p["title"].as_str().unwrap_or_default().to_owned();
    match s["ask"].as_str().unwrap_or_default() {
        "text" if title.starts_with("Doel") || title.starts_with("Goal") => {
            // Two goals, then an empty line: done.
            let typed = match title.split_whitespace().nth(1) {
                Some("1") => "Schulden",
                Some("2") => "School",
                _ => "",
            };
            keys(c, &format!("{typed}{}", Key::Enter)).await;
        }
        "text" => keys(c, &format!("een notitie{}", Key::Enter)).await,
        "many" => {
            // Tick the focused (first) choice with the space bar.
            keys(c, &format!(" {}", Key::Enter)).await;
        }
        _ => {
            let nothing_checked = p["default"].is_null();
            let mut k = String::new();
            if nothing_checked {
                k.push(' ');
            }
            // Vary the answers: move down a choice now and then.
            if n % 3 == 1 && p["items"].as_array().is_some_and(|i| i.len() > 2) {
                k.push_str(&Key::Down.to_string());
            }
            k.push_str(&Key::Enter.to_string());
            keys(c, &k).await;
        }
    }
}

/// Runs a browser test, one at a time, when it can run.
fn in_browser<F: std::future::Future<Output = ()>>(test: impl FnOnce(PathBuf) -> F) {
    let Some(driver_path) = ready() else { return };
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(test(driver_path));
}

#[test]
fn a_whole_session_with_the_keyboard_goes_on_after_a_reload_and_saves_what_the_cli_reads() {
    in_browser(whole_session);
}

#[test]
fn every_practice_case_gives_the_same_result_on_the_page_as_in_the_cli() {
    in_browser(practice_cases);
}

#[test]
fn the_page_makes_no_network_request_and_may_not() {
    in_browser(no_network);
}

async fn whole_session(driver_path: PathBuf) {
    let driver = start_driver(&driver_path);
    let profile = tempfile::tempdir().unwrap();
    let downloads = tempfile::tempdir().unwrap();
    let c = browser(&driver, profile.path(), downloads.path()).await;
    open(&c).await;
    assert!(
        visible(&c, "view-home").await,
        "the page opens at its start"
    );

    // Keyboard only from here: Tab to "Nieuwe sessie (volledig)", Enter.
    let mut tabs = 0;
    while focused_id(&c).await != "new-full" {
        keys(&c, &Key::Tab.to_string()).await;
        tabs += 1;
        assert!(tabs < 20, "Tab never reaches the new-session button");
    }
    keys(&c, &Key::Enter.to_string()).await;

    let mut answered = 0;
    let mut reloaded = false;
    while !visible(&c, "view-result").await {
        assert!(answered < 200, "the session does not end");
        assert!(visible(&c, "view-question").await, "a question is shown");
        let before = screen(&c).await;
        if answered == 12 && !reloaded {
            // Halfway: reload, and the page goes on at the same question.
            c.refresh().await.unwrap();
            wait_ready(&c).await;
            reloaded = true;
            let after = screen(&c).await;
            assert_eq!(
                after["prompt"]["title"], before["prompt"]["title"],
                "after a reload the page asks the same question"
            );
            assert!(
                focused_id(&c).await.starts_with('c') || focused_id(&c).await == "q-text",
                "after a reload the focus is on the answers"
            );
        }
        answer_with_keys(&c, answered).await;
        answered += 1;
        let after = screen(&c).await;
        assert!(
            after["messages"].as_array().is_none_or(|m| m.is_empty()) || after != before,
            "an answer is refused: {:?}",
            after["messages"]
        );
    }
    assert!(reloaded, "the session was too short to reload halfway");
    assert!(answered > 20, "only {answered} questions were asked");
    // Another step than the advice: refused without a reason, kept with one.
    let refused = js(
        &c,
        "document.getElementById('r-override-box').open = true;
         document.getElementById('o-step').value = '0';
         document.getElementById('o-reason').value = ' ';
         document.querySelector('#r-override button[type=submit]').click();
         return document.getElementById('r-messages').textContent;",
    )
    .await;
    assert!(
        refused.as_str().is_some_and(|m| !m.is_empty()),
        "an override without a reason is not refused"
    );
    js(
        &c,
        "document.getElementById('o-step').value = '0';
         document.getElementById('o-reason').value = 'Het gezin wil eerst zelf verder';
         document.querySelector('#r-override button[type=submit]').click();
         return null;",
    )
    .await;
    let shown = page_json(&js(&c, "return document.getElementById('r-json').textContent;").await);
    assert!(
        shown
            .to_string()
            .contains("Het gezin wil eerst zelf verder"),
        "the override is not in the result"
    );

    // Saved in the browser, listed with a date.
    let kept = js(&c, "return Object.keys(store().sessions || {}).length;").await;
    assert_eq!(kept, json!(1), "the session is kept in the browser");

    // Save the session file (keyboard: focus the button, Enter), and the CLI
    // gives the same result for it.
    js(
        &c,
        "document.getElementById('r-save-session').focus(); return null;",
    )
    .await;
    keys(&c, &Key::Enter.to_string()).await;
    let deadline = Instant::now() + Duration::from_secs(20);
    let file = loop {
        let found = std::fs::read_dir(downloads.path())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "yaml"));
        if let Some(f) = found {
            break f;
        }
        assert!(Instant::now() < deadline, "no session file was downloaded");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let from_cli = cli(&[
        "start",
        "--antwoorden",
        file.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(
        from_cli, shown,
        "the CLI's result for the saved file differs from the page's"
    );

    // The saved file opens again (the file field on the start page), with
    // the same result.
    c.find(Locator::Id("nav-home"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.find(Locator::Id("open-file"))
        .await
        .unwrap()
        .send_keys(file.to_str().unwrap())
        .await
        .unwrap();
    c.wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("#view-result:not(.hidden)"))
        .await
        .expect("the opened file shows its result");
    let reopened =
        page_json(&js(&c, "return document.getElementById('r-json').textContent;").await);
    assert_eq!(reopened, shown, "the reopened file gives another result");
    // It is kept as a second session; take it away again.
    js(&c, "forget(current); return null;").await;

    // The list on the start page, and removing it with one click.
    c.find(Locator::Id("nav-home"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let remove = c
        .find(Locator::Css("#saved li button.secondary"))
        .await
        .expect("the kept session is listed with a remove button");
    let listed = c
        .find(Locator::Css("#saved li span"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let year = &js(&c, "return today();").await.as_str().unwrap()[..4].to_owned();
    assert!(
        listed.contains(year.as_str()),
        "listed with a date: {listed}"
    );
    remove.click().await.unwrap();
    let kept = js(&c, "return Object.keys(store().sessions || {}).length;").await;
    assert_eq!(kept, json!(0), "one click removes it");
    c.close().await.unwrap();
}

async fn practice_cases(driver_path: PathBuf) {
    let driver = start_driver(&driver_path);
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver, profile.path(), profile.path()).await;
    open(&c).await;
    for (lang, code) in [("nl", "nl"), ("en", "en")] {
        c.find(Locator::Id(&format!("lang-{code}")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let names = js(
            &c,
            "return [...document.querySelectorAll('#case-select option')].map(o => o.value);",
        )
        .await;
        let names: Vec<String> = serde_json::from_value(names).unwrap();
        assert!(names.len() >= 5, "only {} practice cases", names.len());
        for name in &names {
            js(
                &c,
                &format!(
                    "document.getElementById('nav-home').click(); document.getElementById('case-select').value = {}; document.getElementById('case-result').click(); return null;",
                    json!(name)
                ),
            )
            .await;
            assert!(visible(&c, "view-result").await, "{name}: no result");
            let shown =
                page_json(&js(&c, "return document.getElementById('r-json').textContent;").await);
            let cli = cli(&["voorbeeld", name, "--format", "json", "--taal", lang]);
            assert_eq!(cli, shown, "{name} ({lang}): the page differs from the CLI");
            let report_drawn = js(
                &c,
                "return document.getElementById('r-report').shadowRoot.textContent.length;",
            )
            .await;
            assert!(
                report_drawn.as_u64().unwrap_or(0) > 200,
                "{name}: the report is not drawn"
            );
        }
    }
    c.close().await.unwrap();
}

async fn no_network(driver_path: PathBuf) {
    let driver = start_driver(&driver_path);
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver, profile.path(), profile.path()).await;
    open(&c).await;
    // Use it a little: a practice case, its result, the card, the continuum.
    for id in ["case-practice", "nav-card", "nav-continuum", "nav-home"] {
        c.find(Locator::Id(id))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }
    let entries = js(
        &c,
        "return performance.getEntriesByType('resource').map(e => e.name);",
    )
    .await;
    assert_eq!(entries, json!([]), "the page loaded resources");
    let csp = js(
        &c,
        "return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content;",
    )
    .await;
    let csp = csp.as_str().unwrap_or_default();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("connect-src 'none'"),
        "the policy does not forbid connections: {csp}"
    );
    // And a connection is refused by the browser itself.
    let outcome = c
        .execute_async(
            "const done = arguments[0]; let blocked = 'nothing';
             document.addEventListener('securitypolicyviolation', (e) => { blocked = e.effectiveDirective; });
             fetch('http://127.0.0.1:9/').then(() => done('connected'),
                 () => setTimeout(() => done('refused by ' + blocked), 200));",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        outcome == json!("refused by connect-src"),
        "a fetch was not refused by the policy: {outcome}"
    );
    let entries = js(
        &c,
        "return performance.getEntriesByType('resource').map(e => e.name);",
    )
    .await;
    assert_eq!(entries, json!([]), "the refused fetch left a request");
    c.close().await.unwrap();
}
