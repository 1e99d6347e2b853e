//! The faces of voorwie: what the commands do, given a [`Config`], and how
//! they meet the user.
//!
//! [`run`] carries out one command: `voorwie start`, `kaart`, `continuum`,
//! `voorbeeld`, `vergelijk`, `overzicht` and `controleer`. Around it sit the
//! things that touch the terminal and the desktop: the prompters that ask
//! the interview's questions (`terminal` with crossterm, `line` for a
//! terminal without cursor control), presenter mode (`presenter`) and the
//! clipboard ([`clipboard`]). The command line itself is parsed by the
//! binary (`src/cli.rs`) into a [`config::Config`]; the library never sees
//! clap.
//!
//! Data (the summary, the card, JSON) goes to stdout or `-o`; prompts,
//! warnings and messages go to stderr.

pub mod clipboard;
pub mod config;
pub(crate) mod line;
pub(crate) mod presenter;
pub(crate) mod terminal;

use std::io::{IsTerminal, Read};
use std::path::Path;

use crate::advice;
use crate::app::config::{ColorChoice, Command, Config};
use crate::app::line::LinePrompter;
use crate::app::terminal::TerminalPrompter;
use crate::bank::load::{bank_file, default_bank_in, default_bank_source};
use crate::bank::{self, Bank, DEFAULT_BANK_NAME};
use crate::base::error::{Error, Kept, Result};
use crate::base::output;
use crate::base::problem::Problems;
use crate::base::text::Lang;
use crate::base::ui;
use crate::base::yaml::MAX_FILE_BYTES;
use crate::interview::{self, Depth, Interview, Prompt, Prompter, Reply};
use crate::render::{Format, Style, renderer};
use crate::session::draft::{self, Draft, Drafts};
use crate::session::load::{parse_session, session_file, session_to_yaml};
use crate::session::resolve::{prune, resolve};
use crate::session::{BankRef, Rater, Session};
use crate::views::report;
use crate::views::{card, compare, continuum, examples};

/// Runs one command.
pub fn run(config: &Config) -> Result<()> {
    if config.format == Format::Csv && !matches!(config.command, Command::Overview { .. }) {
        return Err(Error::Usage(ui::ui(config.lang).ov_csv_only.to_owned()));
    }
    match &config.command {
        Command::Overview { paths } => {
            let bank = load_bank(config)?;
            let tally = if config.format == Format::Csv {
                let mut sink = output::Sink::open(config.output.as_deref(), config.force)?;
                let tally = match crate::views::overview::run(&bank, paths, Some(&mut sink)) {
                    // `voorwie overzicht … --format csv | head`: done.
                    Err(Error::Write { cause, .. })
                        if cause.kind() == std::io::ErrorKind::BrokenPipe =>
                    {
                        return Ok(());
                    }
                    other => other?,
                };
                sink.finish()?;
                tally
            } else {
                crate::views::overview::run(&bank, paths, None)?
            };
            let view = crate::views::overview::describe(&bank, &tally, config.lang);
            for f in view.niet_gelezen_bestanden.iter().filter(|_| !config.quiet) {
                if f.fout.starts_with(&f.bestand) {
                    eprintln!("voorwie: overgeslagen: {}", f.fout);
                } else {
                    eprintln!("voorwie: overgeslagen: {}: {}", f.bestand, f.fout);
                }
            }
            if !config.quiet && view.niet_gelezen > view.niet_gelezen_bestanden.len() {
                eprintln!(
                    "voorwie: en nog {} bestand(en) overgeslagen",
                    view.niet_gelezen - view.niet_gelezen_bestanden.len()
                );
            }
            if config.format == Format::Csv {
                return Ok(());
            }
            emit(config, |r| r.overview(&view))
        }
        Command::Check { bank } => check(config, bank.as_deref()),
        Command::Compare { files, timeline } => {
            let bank = load_bank(config)?;
            let mut sessions = Vec::new();
            for path in files {
                let file = path.display().to_string();
                let session = session_file(path)?;
                let (responses, warnings) =
                    resolve(&bank, &session, &file).map_err(Error::Invalid)?;
                warn(config, &warnings);
                let outcome = advice::score(&bank, &responses);
                sessions.push(compare::Scored {
                    file,
                    session,
                    responses,
                    outcome,
                });
            }
            let mode = if *timeline {
                compare::Mode::Timeline
            } else {
                compare::guess_mode(&sessions)
            };
            let view = compare::compare(&bank, sessions, mode, config.lang);
            emit(config, |r| r.comparison(&view))
        }
        Command::Start {
            answers,
            depth,
            resume,
            case,
            rater,
            role,
        } => {
            let bank = load_bank(config)?;
            match answers {
                Some(path) => start_from_file(config, &bank, path),
                None => {
                    let rater = (rater.is_some() || role.is_some()).then(|| Rater {
                        label: rater.clone().unwrap_or_default(),
                        role: role.clone(),
                    });
                    let start = Start {
                        depth: *depth,
                        resume: *resume,
                        case: case.as_deref(),
                        rater,
                    };
                    start_interactive(config, &bank, &start)
                }
            }
        }
        Command::Card => {
            let bank = load_bank(config)?;
            let view = card::build(&bank, config.lang);
            emit(config, |r| r.card(&view))
        }
        Command::Continuum { step } => {
            let bank = load_bank(config)?;
            let view = continuum::build(&bank, step.as_deref(), config.lang)?;
            emit(config, |r| r.continuum(&view))
        }
        Command::Example {
            name,
            stepwise,
            template,
        } => {
            let bank = load_bank(config)?;
            match name {
                None => {
                    let list = examples::list(&bank, config.lang)?;
                    emit(config, |r| r.examples(&list))
                }
                Some(name) => {
                    let ex = examples::find(name)?;
                    if *template {
                        let text = examples::template(&bank, ex, config.lang)?;
                        return output::emit(&text, config.output.as_deref(), config.force);
                    }
                    let session = ex.session_in(config.lang)?;
                    if *stepwise {
                        return present(config, &bank, ex.name, &session, &ex.file());
                    }
                    show_result(config, &bank, &session, &ex.file())
                }
            }
        }
    }
}

/// The bank of `--bank`, checked, or the embedded default.
fn load_bank(config: &Config) -> Result<Bank> {
    match &config.bank {
        None => default_bank_in(config.lang),
        Some(path) => {
            let bank = bank_file(path)?;
            let problems = bank::check::check(&bank, &path.display().to_string());
            if problems.has_errors() {
                return Err(Error::Invalid(problems));
            }
            warn(config, &problems);
            Ok(bank)
        }
    }
}

/// Prints warnings to stderr.
fn warn(config: &Config, problems: &Problems) {
    if !config.quiet && !problems.list.is_empty() {
        eprintln!("{problems}");
    }
}

fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

fn color_wanted(config: &Config, terminal: bool) -> bool {
    match config.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            terminal
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && !crate::base::platform::terminal_is_dumb()
        }
    }
}

/// Screen layout on a terminal, paste layout for files and pipes.
fn style(config: &Config) -> Style {
    let terminal = config.output.is_none() && stdout_is_terminal();
    if !terminal {
        return Style {
            color: config.color == ColorChoice::Always,
            long: config.long,
            ..Style::paste()
        };
    }
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let (_, cols) = console::Term::stdout().size();
    Style {
        width: usize::from(cols).clamp(30, 100),
        color: color_wanted(config, true),
        unicode: !dumb && crate::base::platform::can_draw(),
        screen: true,
        long: config.long,
    }
}

fn emit(config: &Config, render: impl Fn(&dyn crate::render::Renderer) -> String) -> Result<()> {
    let r = renderer(config.format, style(config), config.lang);
    output::emit(&render(r.as_ref()), config.output.as_deref(), config.force)
}

/// Today's date in the local time zone, as YYYY-MM-DD.
fn today() -> String {
    crate::base::clock::now().date().to_string()
}

fn read_answers(path: &Path) -> Result<Session> {
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .lock()
            .take(MAX_FILE_BYTES + 1)
            .read_to_string(&mut text)
            .map_err(|source| Error::Read {
                file: "stdin".to_owned(),
                cause: source,
            })?;
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(Error::TooLarge {
                file: "stdin".to_owned(),
                size: text.len() as u64,
                max: MAX_FILE_BYTES,
            });
        }
        return parse_session(&text, "stdin");
    }
    session_file(path)
}

fn start_from_file(config: &Config, bank: &Bank, path: &Path) -> Result<()> {
    let session = read_answers(path)?;
    let name = if path == Path::new("-") {
        "stdin".to_owned()
    } else {
        path.display().to_string()
    };
    // One report for the output and the clipboard: warnings are printed once.
    let report = report_for(config, bank, &session, &name)?;
    emit(config, |r| r.report(&report))?;
    if config.clipboard {
        copy_summary(config, &report);
    }
    Ok(())
}

/// `--klembord`: the paste-ready summary (tekst, 80 columns) on the
/// clipboard. Without a clipboard this is a warning, not a failure: the
/// summary is on stdout or in the `-o` file already.
fn copy_summary(config: &Config, report: &report::Report) {
    let summary = renderer(Format::Text, Style::paste(), config.lang).report(report);
    match crate::app::clipboard::copy(&summary) {
        Ok(()) if !config.quiet => {
            eprintln!("voorwie: de samenvatting (tekst) staat op het klembord.");
        }
        Ok(()) => {}
        Err(why) => eprintln!(
            "voorwie: kopiëren naar het klembord lukte niet: {why}.\n  De samenvatting staat {}; kopieer die met de hand, of schrijf haar weg met --format tekst -o samenvatting.txt.",
            match &config.output {
                Some(p) => format!("in '{}'", p.display()),
                None => "hierboven (stdout)".to_owned(),
            }
        ),
    }
}

/// Checks and scores a session and describes the result. Warnings (such as
/// answers from an older bank version) are printed to stderr.
fn report_for(
    config: &Config,
    bank: &Bank,
    session: &Session,
    file: &str,
) -> Result<report::Report> {
    let (responses, warnings) = resolve(bank, session, file).map_err(Error::Invalid)?;
    warn(config, &warnings);
    let outcome = advice::score(bank, &responses);
    Ok(report::build(&report::Input {
        bank,
        session,
        responses: &responses,
        outcome: &outcome,
        lang: config.lang,
        today: &today(),
    }))
}

/// Scores a session and writes its summary in the chosen format.
fn show_result(config: &Config, bank: &Bank, session: &Session, file: &str) -> Result<()> {
    let report = report_for(config, bank, session, file)?;
    emit(config, |r| r.report(&report))
}

/// How an interactive session starts.
struct Start<'a> {
    depth: Depth,
    resume: bool,
    /// A practice case to start from.
    case: Option<&'a str>,
    rater: Option<Rater>,
}

fn start_interactive(config: &Config, bank: &Bank, start: &Start) -> Result<()> {
    let Start { depth, resume, .. } = *start;
    if !std::io::stdin().is_terminal() {
        return Err(Error::NotATerminal);
    }
    let ui = ui::ui(config.lang);
    let drafts = Drafts::locate();
    let farewell = |kept| {
        let lang = config.lang;
        format!("voorwie: {}", Error::Paused { kept, lang })
    };
    let before_saving = match &drafts {
        Ok(_) => Kept::Nothing,
        Err(_) => Kept::Failed,
    };
    terminal::install_interrupt_handler(farewell(before_saving), farewell(Kept::Draft));
    let mut prompter = make_prompter(config);
    let p = prompter.as_mut();

    // A new session, or a draft to continue.
    let mut resumed = None;
    match &drafts {
        Ok(drafts) if resume => resumed = choose_draft(p, bank, drafts, config.lang)?,
        Ok(drafts) => {
            let waiting = drafts.list().map(|l| l.len()).unwrap_or(0);
            if waiting > 0 {
                p.show(&ui::fill(
                    ui.resume_notice,
                    &[("count", &waiting.to_string())],
                ))?;
            }
        }
        Err(e) => p.show(&ui::fill(ui.autosave_failed, &[("error", &e.to_string())]))?,
    }
    let (session, mut draft) = match resumed {
        Some((session, draft)) => {
            // The draft being continued is on disk already.
            terminal::mark_kept();
            (session, Some(draft))
        }
        None => {
            let mut session = Session::new();
            session.bank = Some(bank_ref(bank));
            session.date = Some(today());
            if let Some(name) = start.case {
                from_case(p, bank, &mut session, name, config.lang)?;
            }
            session.rater = match (&start.rater, start.case) {
                (Some(r), _) => Some(r.clone()),
                (None, Some(_)) => ask_rater(p, config.lang)?,
                (None, None) => None,
            };
            (session, drafts.as_ref().ok().map(|d| d.create(depth)))
        }
    };
    let depth = draft.as_ref().map_or(depth, Draft::depth);

    let result = Interview::new(bank, depth, session, |s| match draft.as_mut() {
        Some(d) => d.save(s).map(|()| terminal::mark_kept()),
        None => Ok(()),
    })
    .in_language(config.lang)
    .run(p);
    let mut session = match result {
        Ok(s) => s,
        Err(Error::Interrupted) => {
            if !terminal::take_over_interruption() {
                // The signal handler is ending the process; let it.
                std::thread::sleep(std::time::Duration::from_secs(5));
            }
            terminal::restore_terminal();
            let kept = match &draft {
                Some(_) if terminal::kept() => Kept::Draft,
                Some(_) => Kept::Nothing,
                None => Kept::Failed,
            };
            return Err(Error::Paused {
                lang: config.lang,
                kept,
            });
        }
        Err(e) => return Err(e),
    };

    if config.output.is_none() && stdout_is_terminal() {
        output::to_stdout("\n")?;
    }
    show_result(config, bank, &session, "sessie")?;

    // The professional may choose another step, with a reason.
    let (responses, _) = resolve(bank, &session, "sessie").map_err(Error::Invalid)?;
    let outcome = advice::score(bank, &responses);
    if interview::choose_override(p, bank, &mut session, &outcome, config.lang)? {
        if let Some(d) = draft.as_mut() {
            let _ = d.save(&session);
        }
        p.show(ui.override_saved)?;
    }
    if config.clipboard {
        copy_summary(config, &report_for(config, bank, &session, "sessie")?);
    }
    if offer_save(config, bank, &session, p)? {
        if let Some(d) = &draft {
            d.remove()?;
        }
    } else if let Some(d) = &draft {
        p.show(&ui::fill(
            ui.draft_kept,
            &[("file", &d.path().display().to_string())],
        ))?;
    }
    Ok(())
}

/// Prepares a session from a practice case: its moment, text and goal
/// labels (not its answers), and shows the case text.
fn from_case(
    p: &mut dyn Prompter,
    bank: &Bank,
    session: &mut Session,
    name: &str,
    lang: Lang,
) -> Result<()> {
    let ex = examples::find(name)?;
    let case = ex.session_in(lang)?;
    session.moment = case.moment.filter(|m| bank.moment(&m.value).is_some());
    session.case_text = case.case_text.clone();
    session.goals = case
        .goals
        .iter()
        .map(|g| crate::session::Goal {
            label: g.label.clone(),
            ..crate::session::Goal::default()
        })
        .collect();
    let ui = ui::ui(lang);
    let text = case.case_text.as_deref().unwrap_or("");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    p.show(&format!(
        "{}\n\n{text}",
        ui::fill(ui.pr_case_context, &[("name", ex.name)])
    ))
}

/// Asks for a rater label and role (both optional; no names).
fn ask_rater(p: &mut dyn Prompter, lang: Lang) -> Result<Option<Rater>> {
    let ui = ui::ui(lang);
    let ask = |p: &mut dyn Prompter, title: &str| -> Result<Option<String>> {
        let prompt = Prompt {
            title: title.to_owned(),
            details: vec![ui.rater_hint.to_owned()],
            can_skip: true,
            ..Prompt::default()
        };
        Ok(match p.text(&prompt)? {
            Reply::Answer(t) if !t.trim().is_empty() => Some(crate::base::sanitize::line(t.trim())),
            _ => None,
        })
    };
    let label = ask(p, ui.rater_label)?;
    let role = ask(p, ui.rater_role)?;
    Ok((label.is_some() || role.is_some()).then(|| Rater {
        label: label.unwrap_or_default(),
        role,
    }))
}

/// Presenter mode: one slide per screen, advancing on Enter (or a clicker's
/// arrow/PageDown); without a terminal, all slides one after another.
fn present(config: &Config, bank: &Bank, name: &str, session: &Session, file: &str) -> Result<()> {
    let ui = ui::ui(config.lang);
    if config.format != Format::Text {
        return Err(Error::Usage(ui.pr_only_text.to_owned()));
    }
    let (responses, warnings) = resolve(bank, session, file).map_err(Error::Invalid)?;
    warn(config, &warnings);
    let report = report_for(config, bank, session, file)?;
    let slides =
        crate::views::slides::slides(bank, name, session, &responses, &report, config.lang);
    let style = style(config);
    let live = config.output.is_none() && stdout_is_terminal() && std::io::stdin().is_terminal();
    if !live {
        let all = presenter::all(&slides, style, config.lang);
        return output::emit(&all, config.output.as_deref(), config.force);
    }
    presenter::show(&slides, style, config.lang)
}

fn bank_ref(bank: &Bank) -> BankRef {
    BankRef {
        id: bank.id.value.clone(),
        version: bank.version.value.clone(),
    }
}

/// The drawn prompter on a terminal; numbered lines on a dumb one.
fn make_prompter(config: &Config) -> Box<dyn Prompter> {
    let dumb = crate::base::platform::terminal_is_dumb();
    let color = match config.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !dumb && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    if dumb {
        let (_, cols) = console::Term::stderr().size();
        Box::new(
            LinePrompter::new(
                std::io::stdin().lock(),
                std::io::stderr(),
                usize::from(cols),
            )
            .with_ui(ui::ui(config.lang)),
        )
    } else {
        Box::new(TerminalPrompter::new(color).with_ui(ui::ui(config.lang)))
    }
}

/// Lets the user pick a draft to continue, or discard drafts. `None` means:
/// start a new session.
fn choose_draft(
    p: &mut dyn Prompter,
    bank: &Bank,
    drafts: &Drafts,
    lang: Lang,
) -> Result<Option<(Session, Draft)>> {
    let ui = ui::ui(lang);
    loop {
        let listed = drafts.list()?;
        if listed.is_empty() {
            p.show(ui.resume_none)?;
            return Ok(None);
        }
        // Each draft once: a short item, its description as the note.
        let notes: Vec<String> = listed
            .iter()
            .map(|l| describe_draft(bank, l, lang))
            .collect();
        let mut items: Vec<String> = (1..=listed.len())
            .map(|i| ui::fill(ui.resume_short, &[("n", &i.to_string())]))
            .collect();
        items.push(ui.resume_new.to_owned());
        items.push(ui.resume_discard.to_owned());
        let prompt = Prompt {
            title: ui.resume_title.to_owned(),
            notes,
            items,
            default: Some(0),
            ..Prompt::default()
        };
        let choice = match p.choose(&prompt)? {
            Reply::Answer(i) => i,
            _ => continue,
        };
        if choice == listed.len() {
            return Ok(None);
        }
        if choice > listed.len() {
            discard_draft(p, bank, &listed, lang)?;
            continue;
        }
        let chosen = &listed[choice];
        let file = match &chosen.content {
            Ok(f) => f,
            Err(e) => {
                p.show(&ui::fill(ui.resume_unreadable_detail, &[("error", e)]))?;
                continue;
            }
        };
        let mut session = file.session.clone();
        let now = bank_ref(bank);
        if session.bank.as_ref() != Some(&now) {
            // Explain what changed and what no longer maps.
            let then = session.bank.as_ref().map_or_else(
                || "onbekend".to_owned(),
                |b| format!("{} {}", b.id, b.version),
            );
            let mut text = ui::fill(
                ui.resume_other_bank,
                &[
                    ("then", &then),
                    ("now", &format!("{} {}", now.id, now.version)),
                ],
            );
            let (Err(problems) | Ok((_, problems))) =
                resolve(bank, &session, &chosen.path.display().to_string());
            if !problems.list.is_empty() {
                text.push_str("\n\n");
                text.push_str(&problems.to_string());
            }
            p.show(&text)?;
            let prompt = Prompt {
                title: ui.resume_title.to_owned(),
                items: vec![
                    ui.resume_continue_mapped.to_owned(),
                    ui.resume_back.to_owned(),
                ],
                default: Some(0),
                ..Prompt::default()
            };
            if !matches!(p.choose(&prompt)?, Reply::Answer(0)) {
                continue;
            }
            prune(bank, &mut session);
            session.bank = Some(now);
        }
        return Ok(Some((session, drafts.reopen(chosen, file))));
    }
}

fn discard_draft(
    p: &mut dyn Prompter,
    bank: &Bank,
    listed: &[draft::Listed],
    lang: Lang,
) -> Result<()> {
    let ui = ui::ui(lang);
    let prompt = Prompt {
        title: ui.resume_which_discard.to_owned(),
        notes: listed
            .iter()
            .map(|l| describe_draft(bank, l, lang))
            .collect(),
        items: (1..=listed.len())
            .map(|i| ui::fill(ui.resume_short, &[("n", &i.to_string())]))
            .collect(),
        can_back: true,
        ..Prompt::default()
    };
    if let Reply::Answer(i) = p.choose(&prompt)?
        && let Some(l) = listed.get(i)
    {
        draft::remove(&l.path)?;
        p.show(ui.resume_discarded)?;
    }
    Ok(())
}

/// "23-11-2026 14:32 · Casuïstiekbespreking · 17 antwoorden · 'Schulden'".
fn describe_draft(bank: &Bank, listed: &draft::Listed, lang: Lang) -> String {
    let ui = ui::ui(lang);
    match &listed.content {
        Err(_) => ui::fill(
            ui.resume_unreadable,
            &[(
                "file",
                &listed
                    .path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            )],
        ),
        Ok(f) => {
            let s = &f.session;
            let date = f.meta.updated.get(..16).map_or_else(
                || f.meta.updated.clone(),
                |d| format!("{} {}", crate::base::plain_text::dutch_date(d), &d[11..16]),
            );
            let moment = s
                .moment
                .as_ref()
                .map(|m| {
                    bank.moment(&m.value)
                        .map_or_else(|| m.value.clone(), |x| x.name.get(lang).to_owned())
                })
                .unwrap_or_else(|| ui.resume_no_moment.to_owned());
            let goal = s.goals.first().map_or_else(String::new, |g| {
                format!(" · '{}'", crate::base::sanitize::line(&g.label.value))
            });
            crate::base::sanitize::line(&ui::fill(
                ui.resume_item,
                &[
                    ("date", &date),
                    ("moment", &moment),
                    (
                        "answers",
                        &ui::count(&ui.resume_answers, draft::answer_count(s)),
                    ),
                    ("goal", &goal),
                ],
            ))
        }
    }
}

/// Offers to save the session file and the summary. A failed write asks
/// again instead of ending the session. Returns whether the draft is done
/// with (saved, or explicitly discarded).
fn offer_save(
    config: &Config,
    bank: &Bank,
    session: &Session,
    p: &mut dyn Prompter,
) -> Result<bool> {
    let ui = ui::ui(config.lang);
    let prompt = Prompt {
        title: ui.save_title.to_owned(),
        details: vec![ui.save_what.to_owned(), ui.save_private.to_owned()],
        items: vec![
            ui.save_both.to_owned(),
            ui.save_summary.to_owned(),
            ui.save_discard.to_owned(),
            ui.save_keep_draft.to_owned(),
        ],
        default: Some(0),
        ..Prompt::default()
    };
    let with_session = match p.choose(&prompt)? {
        Reply::Answer(0) => true,
        Reply::Answer(1) => false,
        Reply::Answer(2) => return Ok(true),
        _ => return Ok(false),
    };
    let stamp = crate::base::clock::now()
        .strftime("%Y-%m-%d-%H%M")
        .to_string();
    let default_base = format!("voorwie-{stamp}");
    loop {
        let prompt = Prompt {
            title: ui.save_name.to_owned(),
            details: vec![ui.save_no_names.to_owned()],
            default_text: default_base.clone(),
            can_back: true,
            ..Prompt::default()
        };
        let base = match p.text(&prompt)? {
            Reply::Answer(t) if !t.trim().is_empty() => t.trim().to_owned(),
            Reply::Answer(_) => default_base.clone(),
            _ => return Ok(false),
        };
        let yaml = format!("{base}.yaml");
        let txt = format!("{base}.txt");
        let mut files = vec![txt.clone()];
        if with_session {
            files.insert(0, yaml.clone());
        }
        if let Some(existing) = files.iter().find(|x| Path::new(x).exists()) {
            p.show(&ui::fill(ui.save_exists, &[("file", existing)]))?;
            continue;
        }
        match save(
            config,
            bank,
            session,
            with_session.then_some(yaml.as_str()),
            &txt,
        ) {
            Ok(()) => {
                p.show(&ui::fill(ui.save_done, &[("files", &files.join(", "))]))?;
                return Ok(true);
            }
            Err(e @ (Error::Write { .. } | Error::Exists(_))) => {
                p.show(&ui::fill(ui.save_failed, &[("error", &e.to_string())]))?;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Writes the session file (if asked) and the paste-ready summary.
fn save(
    config: &Config,
    bank: &Bank,
    session: &Session,
    yaml: Option<&str>,
    txt: &str,
) -> Result<()> {
    let ui = ui::ui(config.lang);
    let report = report_for(config, bank, session, txt)?;
    let summary = renderer(Format::Text, Style::paste(), config.lang).report(&report);
    if let Some(yaml) = yaml {
        let body = format!("{}\n{}", ui.session_header, session_to_yaml(session));
        output::write_file(Path::new(yaml), body.as_bytes(), config.force)?;
    }
    output::write_file(Path::new(txt), summary.as_bytes(), config.force)
}

/// `voorwie controleer [BANK]`.
fn check(config: &Config, path: Option<&Path>) -> Result<()> {
    let path = path.or(config.bank.as_deref());
    let (bank, name) = match path {
        Some(p) => (bank_file(p)?, p.display().to_string()),
        None => (default_bank_source()?, DEFAULT_BANK_NAME.to_owned()),
    };
    let problems = bank::check::check(&bank, &name);
    if problems.has_errors() {
        return Err(Error::Invalid(problems));
    }
    warn(config, &problems);
    let s = bank::check::summary(&bank);
    let mut out = format!(
        "{name}: in orde. Vragenbank '{}' versie {}.\n",
        s.id, s.version
    );
    for (_, level, n, screening) in &s.levels {
        out.push_str(&format!("  {level}: {n} vragen ({screening} screening)\n"));
    }
    out.push_str(&format!(
        "  Per doel: {} vragen. Regels: {}. Continuüm: {} stappen.\n",
        s.per_goal, s.rules, s.steps
    ));
    let untranslated = bank::translations::missing(&bank, Lang::En);
    if untranslated.is_empty() {
        out.push_str("  Engelse vertaling (--taal en): compleet.\n");
    } else if config.lang == Lang::En {
        out.push_str(&format!(
            "  Engelse vertaling (--taal en): {} tekst(en) zonder vertaling; in het Engels staat daar het Nederlands:\n",
            untranslated.len()
        ));
        for path in &untranslated {
            out.push_str(&format!("    - {path}\n"));
        }
    } else {
        out.push_str(&format!(
            "  Engelse vertaling (--taal en): {} tekst(en) zonder vertaling; toon ze met --taal en\n",
            untranslated.len()
        ));
    }
    output::emit(&out, config.output.as_deref(), config.force)
}
