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
    serde_json::from_str(&cli_text(args)).expect("JSON from voorwie")
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

// ---- Chromium's own commands, beside WebDriver's ----

/// A command chromedriver knows beyond WebDriver, posted to
/// `/session/{id}/{path}`: a DevTools call (`goog/cdp/execute`).
#[derive(Debug)]
struct Chromium {
    path: &'static str,
    body: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Chromium {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// A DevTools (CDP) command in the page's browser; its result.
async fn cdp(c: &Client, cmd: &str, params: Value) -> Value {
    c.issue_cmd(Chromium {
        path: "goog/cdp/execute",
        body: json!({ "cmd": cmd, "params": params }),
    })
    .await
    .unwrap_or_else(|e| panic!("{cmd}: {e}"))
}

/// The viewport as a desktop (1280 × 800) or a phone (375 × 740) has it.
async fn viewport(c: &Client, width: u32, height: u32) {
    cdp(
        c,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
    )
    .await;
}

/// Where screenshots go, when asked for (`VOORWIE_SHOTS=dir`).
fn shots() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("VOORWIE_SHOTS")?);
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir)
}

/// A screenshot of the whole page (not only the viewport) as `name.png`,
/// when `VOORWIE_SHOTS` says where.
async fn shot(c: &Client, name: &str) {
    let Some(dir) = shots() else { return };
    let size = js(
        c,
        "return [window.innerWidth, Math.max(document.documentElement.scrollHeight, window.innerHeight)];",
    )
    .await;
    let png = cdp(
        c,
        "Page.captureScreenshot",
        json!({ "format": "png", "captureBeyondViewport": true,
                "clip": { "x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1 } }),
    )
    .await;
    let bytes = decode64(&png["data"]);
    std::fs::write(dir.join(format!("{name}.png")), bytes).unwrap();
}

fn decode64(data: &Value) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(data.as_str().expect("base64 data"))
        .expect("valid base64")
}

/// The text of the result as the page draws it (inside its shadow root).
async fn report_text(c: &Client) -> String {
    js(
        c,
        "return document.getElementById('r-report').shadowRoot.textContent;",
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

fn cli_text(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_voorwie"))
        .args(args)
        .output()
        .expect("voorwie runs");
    assert!(
        out.status.success(),
        "voorwie {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 from voorwie")
}

/// What the clipboard holds, read in the page.
async fn clipboard(c: &Client) -> Value {
    c.execute_async(
        "const done = arguments[0];
         navigator.clipboard.readText().then(done, (e) => done({ refused: String(e) }));",
        vec![],
    )
    .await
    .unwrap()
}

/// A practice case's result, from the start page.
async fn practice_result(c: &Client, name: &str) {
    js(
        c,
        &format!(
            "document.getElementById('nav-home').click(); document.getElementById('case-select').value = {}; document.getElementById('case-result').click(); return null;",
            json!(name)
        ),
    )
    .await;
    assert!(visible(c, "view-result").await, "{name}: no result");
}

/// The first practice case with at least two goals (the goals table).
async fn case_with_goals(c: &Client) -> String {
    let names = js(
        c,
        "return [...document.querySelectorAll('#case-select option')].map(o => o.value);",
    )
    .await;
    let names: Vec<String> = serde_json::from_value(names).unwrap();
    for name in names {
        let json = cli(&["voorbeeld", &name, "--format", "json"]);
        if json["doelen"].as_array().is_some_and(|d| d.len() >= 2) {
            return name;
        }
    }
    panic!("no practice case has two goals");
}

/// Presses Tab until `id` has the focus.
async fn tab_to(c: &Client, id: &str) {
    let mut tabs = 0;
    while focused_id(c).await != id {
        keys(c, &Key::Tab.to_string()).await;
        tabs += 1;
        assert!(tabs < 30, "Tab never reaches #{id}");
    }
}

#[test]
fn copying_puts_the_cli_tekst_summary_on_the_clipboard_or_shows_it_selected() {
    in_browser(copy);
}

#[test]
fn printing_hides_the_controls_shows_the_summary_and_makes_a_pdf() {
    in_browser(print);
}

#[test]
fn a_screen_reader_finds_names_headings_the_question_and_the_focus() {
    in_browser(screen_reader);
}

#[test]
fn a_question_skipped_with_the_keyboard_is_listed_as_the_cli_lists_it() {
    in_browser(skipping);
}

#[test]
fn at_phone_width_nothing_is_wider_than_the_screen_and_the_goals_are_a_list() {
    in_browser(phone);
}

async fn copy(driver_path: PathBuf) {
    let driver = start_driver(&driver_path);
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver, profile.path(), profile.path()).await;
    open(&c).await;
    cdp(
        &c,
        "Browser.grantPermissions",
        json!({ "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
    )
    .await;
    let name = case_with_goals(&c).await;
    for lang in ["nl", "en"] {
        c.find(Locator::Id(&format!("lang-{lang}")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        practice_result(&c, &name).await;
        // A different text on the clipboard first: the copy must replace it.
        c.execute_async(
            "const done = arguments[0]; navigator.clipboard.writeText('iets anders').then(() => done(null));",
            vec![],
        )
        .await
        .unwrap();
        c.find(Locator::Id("r-copy"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        c.wait()
            .at_most(Duration::from_secs(5))
            .for_element(Locator::Css("#r-messages:not(:empty)"))
            .await
            .expect("the copy says what it did");
        let expected = cli_text(&["voorbeeld", &name, "--format", "tekst", "--taal", lang]);
        assert_eq!(
            clipboard(&c).await,
            json!(expected),
            "{name} ({lang}): the clipboard does not hold the CLI's tekst summary"
        );
        assert!(
            !visible(&c, "r-copy-box").await,
            "the copy-by-hand box shows although the copy worked"
        );
    }

    // Refused: writing to the clipboard fails; the text is shown, selected,
    // with the focus on it, to copy by hand.
    cdp(
        &c,
        "Browser.setPermission",
        json!({ "permission": { "name": "clipboard-write" }, "setting": "denied" }),
    )
    .await;
    c.find(Locator::Id("r-copy"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .at_most(Duration::from_secs(5))
        .for_element(Locator::Css("#r-copy-box:not(.hidden)"))
        .await
        .expect("a refused copy shows the text to copy by hand");
    shot(&c, "desktop-copy-refused").await;
    let expected = cli_text(&["voorbeeld", &name, "--format", "tekst", "--taal", "en"]);
    let area = js(
        &c,
        "const a = document.getElementById('r-copy-text');
         return { value: a.value, start: a.selectionStart, end: a.selectionEnd,
                  focused: document.activeElement === a,
                  message: document.getElementById('r-messages').textContent };",
    )
    .await;
    assert_eq!(area["value"], json!(expected), "the text to copy by hand");
    assert_eq!(
        area["start"],
        json!(0),
        "the text is selected from its start"
    );
    assert_eq!(
        area["end"].as_u64(),
        Some(expected.encode_utf16().count() as u64),
        "the whole text is selected"
    );
    assert_eq!(area["focused"], json!(true), "the focus is on the text");
    assert!(
        area["message"]
            .as_str()
            .is_some_and(|m| m.contains("Ctrl+C")),
        "the message says how to copy: {}",
        area["message"]
    );
    c.close().await.unwrap();
}

/// Whether the element (by CSS selector, `>>>` entering the report's
/// shadow root) takes space on the page as it is drawn now.
async fn drawn(c: &Client, selector: &str) -> bool {
    let script = format!(
        "const [outer, inner] = {}.split(' >>> ');
         let e = document.querySelector(outer);
         if (e && inner) e = e.shadowRoot.querySelector(inner);
         if (!e) return null;
         const r = e.getBoundingClientRect();
         return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';",
        json!(selector)
    );
    match js(c, &script).await {
        Value::Bool(b) => b,
        other => panic!("{selector}: not on the page ({other})"),
    }
}

async fn print(driver_path: PathBuf) {
    let driver = start_driver(&driver_path);
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver, profile.path(), profile.path()).await;
    open(&c).await;
    let name = case_with_goals(&c).await;
    practice_result(&c, &name).await;
    let controls = [
        "header.top",
        "#privacy",
        "#r-title",
        "#r-back",
        "#r-print",
        "#r-copy",
        "#r-override-box",
        "#r-json",
    ];
    let summary = [
        "#r-report",
        "#r-report >>> h1",
        "#r-report >>> table.goals",
        "#r-report >>> svg.continuum",
        "#r-report >>> footer",
    ];
    for sel in controls.iter().chain(&summary) {
        if *sel != "#r-json" {
            assert!(drawn(&c, sel).await, "{sel} is not on the screen");
        }
    }
    cdp(
        &c,
        "Emulation.setEmulatedMedia",
        json!({ "media": "print" }),
    )
    .await;
    for sel in controls {
        assert!(!drawn(&c, sel).await, "{sel} is printed");
    }
    for sel in summary {
        assert!(drawn(&c, sel).await, "{sel} is not printed");
    }
    // The goals stay a table on paper: a row's cells side by side.
    let side_by_side = js(
        &c,
        "const cells = [...document.getElementById('r-report').shadowRoot.querySelectorAll('table.goals tr:nth-child(2) td')];
         return cells.length > 2 && cells[1].getBoundingClientRect().left > cells[0].getBoundingClientRect().left;",
    )
    .await;
    assert_eq!(
        side_by_side,
        json!(true),
        "the goals are not a table on paper"
    );

    let pdf = cdp(
        &c,
        "Page.printToPDF",
        json!({ "printBackground": true, "preferCSSPageSize": true }),
    )
    .await;
    let bytes = decode64(&pdf["data"]);
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    assert!(
        bytes.len() > 20_000,
        "the PDF is nearly empty: {} bytes",
        bytes.len()
    );
    assert!(
        bytes.trim_ascii_end().ends_with(b"%%EOF"),
        "the PDF is not whole"
    );
    if let Some(dir) = shots() {
        std::fs::write(dir.join("print.pdf"), &bytes).unwrap();
    }
    cdp(&c, "Emulation.setEmulatedMedia", json!({ "media": "" })).await;
    assert!(
        drawn(&c, "header.top").await,
        "the screen is a screen again"
    );
    c.close().await.unwrap();
}

/// The accessibility tree as a screen reader gets it (CDP
/// `Accessibility.getFullAXTree`), the nodes that are not ignored, in
/// document order, each with its role, name, description, heading level
/// and the roles and names of its ancestors.
#[derive(Debug)]
struct AxNode {
    role: String,
    name: String,
    description: String,
    level: Option<u64>,
    ancestors: Vec<(String, String)>,
}

async fn ax_tree(c: &Client) -> Vec<AxNode> {
    let tree = cdp(c, "Accessibility.getFullAXTree", json!({})).await;
    let nodes = tree["nodes"].as_array().expect("AX nodes").clone();
    let by_id: std::collections::HashMap<&str, &Value> = nodes
        .iter()
        .map(|n| (n["nodeId"].as_str().unwrap_or_default(), n))
        .collect();
    let text = |v: &Value| v["value"].as_str().unwrap_or_default().trim().to_owned();
    let mut out = Vec::new();
    // Depth first from the root, keeping the (role, name) of the ancestors.
    let mut stack: Vec<(&Value, Vec<(String, String)>)> = nodes
        .iter()
        .filter(|n| n.get("parentId").is_none())
        .map(|n| (n, Vec::new()))
        .collect();
    while let Some((node, ancestors)) = stack.pop() {
        let ignored = node["ignored"].as_bool().unwrap_or(false);
        let role = text(&node["role"]);
        let name = text(&node["name"]);
        let mut below = ancestors.clone();
        if !ignored {
            let level = node["properties"]
                .as_array()
                .and_then(|p| p.iter().find(|p| p["name"] == "level"))
                .and_then(|p| p["value"]["value"].as_u64());
            out.push(AxNode {
                role: role.clone(),
                name: name.clone(),
                description: text(&node["description"]),
                level,
                ancestors,
            });
            below.push((role, name));
        }
        let children = node["childIds"].as_array().cloned().unwrap_or_default();
        for child in children.iter().rev() {
            if let Some(n) = child.as_str().and_then(|id| by_id.get(id)) {
                stack.push((n, below.clone()));
            }
        }
    }
    out
}

/// Every control has a name, and the headings go h1, then h2, … without a
/// level skipped.
fn check_names_and_headings(tree: &[AxNode], screen: &str) {
    let controls = [
        "radio",
        "checkbox",
        "textbox",
        "button",
        "combobox",
        "listbox",
        "spinbutton",
    ];
    for n in tree.iter().filter(|n| controls.contains(&n.role.as_str())) {
        assert!(
            !n.name.is_empty(),
            "{screen}: a {} without an accessible name",
            n.role
        );
    }
    let headings: Vec<(u64, &str)> = tree
        .iter()
        .filter(|n| n.role == "heading")
        .map(|n| (n.level.unwrap_or(0), n.name.as_str()))
        .collect();
    assert!(headings.len() >= 2, "{screen}: headings {headings:?}");
    assert_eq!(
        headings[0].0, 1,
        "{screen}: the first heading is not h1: {headings:?}"
    );
    assert_eq!(
        headings.iter().filter(|h| h.0 == 1).count(),
        1,
        "{screen}: more than one h1: {headings:?}"
    );
    for pair in headings.windows(2) {
        assert!(
            pair[1].0 <= pair[0].0 + 1,
            "{screen}: a heading level skipped: {pair:?} in {headings:?}"
        );
    }
    for h in &headings {
        assert!(!h.1.is_empty(), "{screen}: an empty heading: {headings:?}");
    }
}

/// The question on the screen, as a screen reader finds it: the choices
/// are in a group named by the question, each named by its own words with
/// its anchor text as the description (a text field is named by the
/// question); the question is a heading.
async fn check_question(c: &Client) {
    let s = screen(c).await;
    let p = &s["prompt"];
    let title = p["title"].as_str().unwrap().trim().to_owned();
    let tree = ax_tree(c).await;
    check_names_and_headings(&tree, &format!("question {title:?}"));
    assert!(
        tree.iter()
            .any(|n| n.role == "heading" && n.level == Some(2) && n.name == title),
        "the question {title:?} is not a heading (h2)"
    );
    let role = match s["ask"].as_str().unwrap() {
        "one" => "radio",
        "many" => "checkbox",
        _ => "textbox",
    };
    let fields: Vec<&AxNode> = tree.iter().filter(|n| n.role == role).collect();
    if role == "textbox" {
        assert_eq!(fields.len(), 1, "one text field");
        assert_eq!(
            fields[0].name, title,
            "the text field is named by the question"
        );
        return;
    }
    let items = p["items"].as_array().unwrap();
    assert_eq!(fields.len(), items.len(), "{title}: one {role} per choice");
    for (i, (f, item)) in fields.iter().zip(items).enumerate() {
        assert_eq!(
            f.name,
            item.as_str().unwrap().trim(),
            "{title}: choice {i} is named by its own words"
        );
        let note = p["notes"][i].as_str().unwrap_or_default().trim();
        assert_eq!(f.description, note, "{title}: choice {i}'s description");
        assert!(
            f.ancestors.iter().any(|(r, n)| r == "group" && *n == title),
            "{title}: choice {i} is not in a group labelled by the question: {:?}",
            f.ancestors
        );
    }
}

/// After an answer the focus is on the next question: its heading or its
/// first (or chosen) control.
async fn check_focus(c: &Client) {
    let focus = js(
        c,
        "const a = document.activeElement;
         const first = document.querySelector('#q-choices input:checked') || document.querySelector('#q-choices input');
         return a.id === 'q-legend' || a === first;",
    )
    .await;
    assert_eq!(
        focus,
        json!(true),
        "after an answer the focus is on #{} (not the next question)",
        focused_id(c).await
    );
}

async fn screen_reader(driver_path: PathBuf) {
    let driver = start_driver(&driver_path);
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver, profile.path(), profile.path()).await;
    open(&c).await;
    check_names_and_headings(&ax_tree(&c).await, "the start page");
    tab_to(&c, "new-full").await;
    keys(&c, &Key::Enter.to_string()).await;
    check_focus(&c).await;
    // Questions of every kind: choices, ticks and text (the goals).
    let mut kinds = std::collections::BTreeSet::new();
    let mut answered = 0;
    while kinds.len() < 3 {
        assert!(answered < 60, "kinds of question seen: {kinds:?}");
        assert!(visible(&c, "view-question").await, "a question is shown");
        kinds.insert(screen(&c).await["ask"].as_str().unwrap().to_owned());
        check_question(&c).await;
        answer_with_keys(&c, answered).await;
        answered += 1;
        check_focus(&c).await;
    }
    // The result page, with the report's own headings below the page's h1.
    let name = case_with_goals(&c).await;
    practice_result(&c, &name).await;
    assert_eq!(
        focused_id(&c).await,
        "r-title",
        "the result takes the focus"
    );
    check_names_and_headings(&ax_tree(&c).await, "the result");
    // The pocket card and the continuum too.
    for (id, screen) in [("nav-card", "the card"), ("nav-continuum", "the continuum")] {
        c.find(Locator::Id(id))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        check_names_and_headings(&ax_tree(&c).await, screen);
    }
    c.close().await.unwrap();
}

async fn skipping(driver_path: PathBuf) {
    let driver = start_driver(&driver_path);
    let profile = tempfile::tempdir().unwrap();
    let downloads = tempfile::tempdir().unwrap();
    let c = browser(&driver, profile.path(), downloads.path()).await;
    open(&c).await;
    tab_to(&c, "new-quick").await;
    keys(&c, &Key::Enter.to_string()).await;
    let mut answered = 0;
    let mut skipped = Vec::new();
    let mut last_skip = 0;
    while !visible(&c, "view-result").await {
        assert!(answered < 100, "the session does not end");
        let s = screen(&c).await;
        // Skip two choice questions, from the fourth question on, not one
        // after the other, with the keyboard: Tab to "Overslaan", Enter.
        let choice = s["ask"] == "one" && s["prompt"]["can_skip"] == json!(true);
        if choice && answered >= 3 && skipped.len() < 2 && answered >= last_skip + 3 {
            last_skip = answered;
            skipped.push(s["prompt"]["title"].as_str().unwrap().to_owned());
            tab_to(&c, "q-skip").await;
            keys(&c, &Key::Enter.to_string()).await;
            let after = screen(&c).await;
            assert_ne!(
                after["prompt"]["title"], s["prompt"]["title"],
                "Overslaan did not go on"
            );
        } else {
            answer_with_keys(&c, answered).await;
        }
        answered += 1;
    }
    assert_eq!(skipped.len(), 2, "two questions skipped");
    let shown = page_json(&js(&c, "return document.getElementById('r-json').textContent;").await);

    tab_to(&c, "r-save-session").await;
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
    let file = file.to_str().unwrap();
    let from_cli = cli(&["start", "--antwoorden", file, "--format", "json"]);
    assert_eq!(
        from_cli, shown,
        "the CLI's result for the saved file differs"
    );
    let listed: Vec<String> =
        serde_json::from_value(from_cli["overgeslagen_vragen"].clone()).unwrap();
    assert_eq!(
        listed.len(),
        2,
        "the CLI lists the two skipped questions: {listed:?} (skipped {skipped:?})"
    );
    assert_eq!(from_cli["overgeslagen"], json!(2), "two skipped");
    // The page's summary lists them as the CLI's tekst does.
    let tekst = cli_text(&["start", "--antwoorden", file, "--format", "tekst"]);
    let line = format!("Overgeslagen vragen: {}", listed.join("; "));
    // (The tekst is wrapped: compared word for word.)
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words(&tekst).contains(&line),
        "the CLI's tekst lacks {line:?}:\n{tekst}"
    );
    assert!(
        words(&report_text(&c).await).contains(&line),
        "the page's result lacks {line:?}"
    );
    // And the copied summary is the CLI's tekst for this session.
    cdp(
        &c,
        "Browser.grantPermissions",
        json!({ "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
    )
    .await;
    tab_to(&c, "r-copy").await;
    keys(&c, &Key::Enter.to_string()).await;
    c.wait()
        .at_most(Duration::from_secs(5))
        .for_element(Locator::Css("#r-messages:not(:empty)"))
        .await
        .expect("the copy says what it did");
    assert_eq!(
        clipboard(&c).await,
        json!(tekst),
        "the copied summary is not the CLI's tekst for the saved session"
    );
    c.close().await.unwrap();
}

/// Nothing on the page is wider than the screen (no sideways scrolling).
async fn fits(c: &Client, what: &str) {
    let size = js(
        c,
        "return [document.documentElement.scrollWidth, window.innerWidth];",
    )
    .await;
    assert!(
        size[0].as_u64() <= size[1].as_u64(),
        "{what}: {} px wide on a {} px screen",
        size[0],
        size[1]
    );
}

/// Whether the goals' first row has its cells stacked (a list) rather than
/// side by side (a table).
async fn goals_stacked(c: &Client) -> bool {
    js(
        c,
        "const cells = [...document.getElementById('r-report').shadowRoot.querySelectorAll('table.goals tr:nth-child(2) td')];
         const at = cells.map((e) => e.getBoundingClientRect());
         return at[2].top >= at[1].bottom - 1 && at[3].top >= at[2].bottom - 1;",
    )
    .await
        == json!(true)
}

async fn phone(driver_path: PathBuf) {
    let driver = start_driver(&driver_path);
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver, profile.path(), profile.path()).await;
    open(&c).await;
    let name = case_with_goals(&c).await;
    for (width, height, label) in [(1280, 800, "desktop"), (375, 740, "phone")] {
        viewport(&c, width, height).await;
        c.find(Locator::Id("nav-home"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        fits(&c, &format!("{label}: the start page")).await;
        shot(&c, &format!("{label}-start")).await;
        // Questions: the first ones of a practice session (choices with
        // anchors, the goals' text field, …).
        js(
            &c,
            &format!(
                "document.getElementById('case-select').value = {}; document.getElementById('case-practice').click(); return null;",
                json!(name)
            ),
        )
        .await;
        let mut shot_of = Vec::new();
        for n in 0..8 {
            if !visible(&c, "view-question").await {
                break;
            }
            js(
                &c,
                "document.getElementById('q-info-box').open = true; return null;",
            )
            .await;
            fits(&c, &format!("{label}: question {n}")).await;
            // A choice question with anchors, and the goals' text field.
            let ask = screen(&c).await["ask"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            if !shot_of.contains(&ask) {
                shot(&c, &format!("{label}-question-{ask}")).await;
                shot_of.push(ask);
            }
            answer_with_keys(&c, n).await;
        }
        practice_result(&c, &name).await;
        fits(&c, &format!("{label}: the result")).await;
        assert_eq!(
            goals_stacked(&c).await,
            label == "phone",
            "{label}: the goals should be {}",
            if label == "phone" {
                "a list"
            } else {
                "a table"
            }
        );
        // The continuum picture stays readable: on a phone it keeps its
        // width and scrolls sideways in its own box.
        let picture = js(
            &c,
            "const svg = document.getElementById('r-report').shadowRoot.querySelector('svg.continuum');
             const box = svg.parentElement;
             return [svg.getBoundingClientRect().width, box.clientWidth, getComputedStyle(box).overflowX];",
        )
        .await;
        let (svg_w, box_w) = (picture[0].as_f64().unwrap(), picture[1].as_f64().unwrap());
        if label == "phone" {
            assert!(
                svg_w >= 600.0 && picture[2] == json!("auto"),
                "phone: the continuum is drawn {svg_w} px wide in a box {picture}"
            );
        } else {
            assert!(
                (svg_w - box_w).abs() < 2.0,
                "desktop: the continuum is not as wide as the text: {picture}"
            );
        }
        shot(&c, &format!("{label}-result")).await;
        for id in ["nav-card", "nav-continuum"] {
            c.find(Locator::Id(id))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
            fits(&c, &format!("{label}: {id}")).await;
        }
        shot(&c, &format!("{label}-continuum")).await;
        // Forget the practice session again.
        js(&c, "if (current) forget(current); return null;").await;
    }
    c.close().await.unwrap();
}
