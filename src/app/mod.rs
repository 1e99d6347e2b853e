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
pub(crate) mod keeper;
pub(crate) mod line;
pub(crate) mod presenter;
pub(crate) mod terminal;

use crate::base::say::{pick, say};
use std::io::{IsTerminal, Read};
use std::mem::ManuallyDrop;
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
    crate::base::say::set_message_lang(config.lang);
    if matches!(config.format, Format::Csv | Format::Xlsx)
        && !matches!(config.command, Command::Overview { .. })
    {
        return Err(Error::Usage(ui::ui(config.lang).ov_csv_only.to_owned()));
    }
    match &config.command {
        Command::Overview { paths } => {
            let bank = load_bank(config)?;
            let mut rows = Vec::new();
            let tally = match config.format {
                Format::Csv => {
                    let mut sink = output::Sink::open(config.output.as_deref(), config.force)?;
                    let mut writer = csv::Writer::from_writer(&mut sink);
                    let mut write = |row| crate::views::overview::write_csv_row(&mut writer, row);
                    let tally = crate::views::overview::run(&bank, paths, Some(&mut write))
                        .and_then(|tally| {
                            writer.flush().map_err(|cause| Error::Write {
                                file: "csv".to_owned(),
                                cause,
                            })?;
                            Ok(tally)
                        });
                    drop(writer);
                    let tally = match tally {
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
                }
                Format::Xlsx => {
                    if config.output.is_none() && stdout_is_terminal() {
                        return Err(Error::Usage(
                            ui::ui(config.lang).ov_xlsx_terminal.to_owned(),
                        ));
                    }
                    let mut keep = |row| {
                        rows.push(row);
                        Ok(())
                    };
                    crate::views::overview::run(&bank, paths, Some(&mut keep))?
                }
                _ => crate::views::overview::run(&bank, paths, None)?,
            };
            let view = crate::views::overview::describe(&bank, &tally, config.lang);
            for f in view.niet_gelezen_bestanden.iter().filter(|_| !config.quiet) {
                let skipped = pick("overgeslagen", "skipped");
                if f.fout.starts_with(&f.bestand) {
                    crate::tell!("voorwie: {skipped}: {}", f.fout);
                } else {
                    crate::tell!("voorwie: {skipped}: {}: {}", f.bestand, f.fout);
                }
            }
            if !config.quiet && view.niet_gelezen > view.niet_gelezen_bestanden.len() {
                let more = view.niet_gelezen - view.niet_gelezen_bestanden.len();
                crate::tell!(
                    "voorwie: {}",
                    say!(
                        "en nog {more} bestand(en) overgeslagen",
                        "and {more} more file(s) skipped"
                    )
                );
            }
            match config.format {
                Format::Csv => Ok(()),
                Format::Xlsx => {
                    let bytes = crate::render::xlsx::overview(&view, &rows, config.lang)?;
                    output::emit_bytes(&bytes, config.output.as_deref(), config.force)
                }
                _ => emit(config, |r| r.overview(&view)),
            }
        }
        Command::Check { bank } => check(config, bank.as_deref()),
        Command::Compare {
            files,
            timeline,
            reference,
        } => {
            let bank = load_bank(config)?;
            let u = ui::ui(config.lang);
            if files.len() + usize::from(reference.is_some()) < 2 {
                return Err(Error::Usage(u.cmp_too_few.to_owned()));
            }
            let mut sessions = Vec::new();
            if let Some(name) = reference {
                // The worked answer of a practice case, beside the raters.
                let ex = examples::find(name)?;
                let session = ex.session_in(config.lang)?;
                let (responses, _) =
                    resolve(&bank, &session, &ex.file()).map_err(Error::Invalid)?;
                let outcome = advice::score(&bank, &responses);
                sessions.push(compare::Scored {
                    file: ex.file(),
                    reference: true,
                    session,
                    responses,
                    outcome,
                });
            }
            for path in files {
                let file = path.display().to_string();
                let session = session_file(path)?;
                if draft::answer_count(&session) == 0 {
                    // An empty template is not a rater.
                    return Err(Error::Syntax(ui::fill(
                        u.cmp_empty_file,
                        &[("file", &file)],
                    )));
                }
                let (responses, warnings) =
                    resolve(&bank, &session, &file).map_err(Error::Invalid)?;
                warn(config, &warnings);
                let outcome = advice::score(&bank, &responses);
                sessions.push(compare::Scored {
                    file,
                    reference: false,
                    session,
                    responses,
                    outcome,
                });
            }
            if reference.is_none()
                && !config.quiet
                && let Some(name) = compare::common_case(&sessions)
            {
                crate::tell!(
                    "voorwie: {}",
                    ui::fill(u.cmp_reference_tip, &[("name", name)])
                );
            }
            let mode = if *timeline {
                compare::Mode::Timeline
            } else {
                compare::guess_mode(&sessions)
            };
            let view = compare::compare(&bank, sessions, mode, config.lang);
            for w in view.waarschuwingen.iter().filter(|_| !config.quiet) {
                crate::tell!("voorwie: {w}");
            }
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
///
/// The bank stays until the process ends (`ManuallyDrop`): a run uses one
/// bank, and freeing its thousands of small pieces on the way out took
/// 180 000 instructions (parsing it takes 1.2 million), 6% of `voorwie
/// kaart`; the process's end gives the memory back at once.
fn load_bank(config: &Config) -> Result<ManuallyDrop<Bank>> {
    load_bank_owned(config).map(ManuallyDrop::new)
}

fn load_bank_owned(config: &Config) -> Result<Bank> {
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
        crate::tell!("{problems}");
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

/// Screen layout on a terminal, paste layout for files and pipes, and for
/// `--format tekst` asked for by name: that is the same plain text
/// everywhere, so what is copied from the screen is what a file holds.
fn style(config: &Config) -> Style {
    let plain = config.format_given && config.format == Format::Text;
    if plain {
        return Style {
            color: config.color == ColorChoice::Always,
            long: config.long,
            ..Style::paste()
        };
    }
    screen_style(config)
}

/// Screen layout on a terminal (tables, colour, the terminal's width),
/// paste layout for files and pipes.
fn screen_style(config: &Config) -> Style {
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

fn read_answers(config: &Config, path: &Path) -> Result<Session> {
    if path == Path::new("-") {
        let stdin = std::io::stdin();
        if stdin.is_terminal() && !config.quiet {
            // Not a pipe: someone is to type or paste the answers. Say so
            // rather than wait in silence.
            crate::tell!(
                "voorwie: {}",
                pick(
                    "ik lees je antwoorden van de invoer (stdin): plak of typ ze en sluit af met \
                     Ctrl-D (Windows: Ctrl-Z en dan Enter).\n  Bedoelde je een bestand? Geef de \
                     naam: voorwie start --antwoorden BESTAND",
                    "reading your answers from the input (stdin): paste or type them and end with \
                     Ctrl-D (Windows: Ctrl-Z, then Enter).\n  Did you mean a file? Give its \
                     name: voorwie start --antwoorden FILE"
                )
            );
        }
        let mut bytes = Vec::new();
        stdin
            .lock()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Read {
                file: "stdin".to_owned(),
                cause: source,
            })?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(Error::TooLarge {
                file: "stdin".to_owned(),
                size: bytes.len() as u64,
                max: MAX_FILE_BYTES,
            });
        }
        let text = crate::base::encoding::decode(bytes, "stdin").map_err(Error::Syntax)?;
        return parse_session(&text, "stdin");
    }
    session_file(path)
}

fn start_from_file(config: &Config, bank: &Bank, path: &Path) -> Result<()> {
    let session = read_answers(config, path)?;
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
    let style = Style {
        long: config.long,
        ..Style::paste()
    };
    let summary = renderer(Format::Text, style, config.lang).report(report);
    match crate::app::clipboard::copy(&summary) {
        Ok(()) if !config.quiet => {
            crate::tell!(
                "voorwie: {}",
                pick(
                    "de samenvatting (tekst) staat op het klembord.",
                    "the summary (text) is on the clipboard."
                )
            );
        }
        Ok(()) => {}
        Err(why) => {
            let place = match &config.output {
                Some(p) => say!("in '{}'", "in '{}'", p.display()),
                None => pick("hierboven (stdout)", "above (stdout)").to_owned(),
            };
            crate::tell!(
                "voorwie: {}",
                say!(
                    "kopiëren naar het klembord lukte niet: {why}.\n  De samenvatting staat {place}; kopieer die met de hand, of schrijf haar weg met --format tekst -o samenvatting.txt.",
                    "copying to the clipboard did not work: {why}.\n  The summary is {place}; copy it by hand, or write it to a file with --format tekst -o summary.txt."
                )
            );
        }
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
    let (session, draft, on_disk) = match resumed {
        // The draft being continued is on disk already.
        Some((session, draft, on_disk)) => (session, Some(draft), on_disk),
        None => {
            let mut session = Session::new();
            session.bank = Some(bank_ref(bank));
            session.date = crate::session::SessionDate::from_iso(&today());
            if let Some(name) = start.case {
                from_case(p, bank, &mut session, name, config.lang)?;
            }
            session.rater = match (&start.rater, start.case) {
                (Some(r), _) => Some(r.clone()),
                (None, Some(_)) => ask_rater(p, config.lang)?,
                (None, None) => None,
            };
            (session, drafts.as_ref().ok().map(|d| d.create(depth)), None)
        }
    };
    let depth = draft.as_ref().map_or(depth, Draft::depth);
    let keeper = std::cell::RefCell::new(keeper::Keeper::new(
        draft,
        on_disk.as_ref(),
        depth,
        config.lang,
    ));

    let result = Interview::new(bank, depth, session, |s| keeper.borrow_mut().save(s))
        .when_saving_fails(|p, s, e| keeper.borrow_mut().failed(p, s, e))
        .in_language(config.lang)
        .run(p);
    let mut session = match result {
        Ok(s) => s,
        Err(Error::Interrupted) => return Err(stopped(&mut keeper.borrow_mut())),
        Err(e) => return Err(e),
    };
    let mut keeper = keeper.into_inner();
    match result_and_save(config, bank, &mut session, p, &mut keeper) {
        // Ctrl-C at the prompts after the result: say what is kept (the
        // draft holds the whole session) and how to go on.
        Err(Error::Interrupted) => Err(stopped(&mut keeper)),
        other => other,
    }
}

/// The error that ends a session stopped by Ctrl-C (or a closed terminal),
/// saying what was kept.
fn stopped(keeper: &mut keeper::Keeper) -> Error {
    if !terminal::take_over_interruption() {
        // The signal handler is ending the process; let it.
        std::thread::sleep(std::time::Duration::from_secs(5));
    }
    terminal::restore_terminal();
    // Text typed but not yet confirmed goes into the draft's notes, so that
    // nothing the user typed is lost.
    if let Some((question, text)) = terminal::take_unfinished() {
        keeper.keep_unfinished(&question, &text);
    }
    keeper.paused()
}

/// After the interview: the result, an override, the clipboard, saving.
fn result_and_save(
    config: &Config,
    bank: &Bank,
    session: &mut Session,
    p: &mut dyn Prompter,
    keeper: &mut keeper::Keeper,
) -> Result<()> {
    let ui = ui::ui(config.lang);
    if config.output.is_none() && stdout_is_terminal() {
        output::to_stdout("\n")?;
    }
    show_result(config, bank, session, "sessie")?;

    // The professional may choose another step, with a reason.
    let (responses, _) = resolve(bank, session, "sessie").map_err(Error::Invalid)?;
    let outcome = advice::score(bank, &responses);
    if interview::choose_override(p, bank, session, &outcome, config.lang)? {
        let _ = keeper.save(session);
        p.show(ui.override_saved)?;
    }
    if config.clipboard {
        copy_summary(config, &report_for(config, bank, session, "sessie")?);
    }
    if offer_save(config, bank, session, p)? {
        keeper.remove()?;
    } else if let Some(d) = keeper.draft().filter(|_| keeper.all_kept(session)) {
        p.show(&ui::fill(
            ui.draft_kept,
            &[("file", &d.path().display().to_string())],
        ))?;
    } else {
        // Not saved, and the draft does not hold it all: show it, so
        // nothing is lost.
        p.show(&keeper.unkept())?;
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
    // Live, the slides are drawn for the screen even with --format tekst.
    let style = screen_style(config);
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
/// start a new session. With the draft comes the session it holds on disk,
/// or `None` for a copy of a draft that another session has open (nothing
/// of the copy is on disk yet).
fn choose_draft(
    p: &mut dyn Prompter,
    bank: &Bank,
    drafts: &Drafts,
    lang: Lang,
) -> Result<Option<(Session, Draft, Option<Session>)>> {
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
            discard_draft(p, bank, drafts, &listed, lang)?;
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
                || pick("onbekend", "unknown").to_owned(),
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
        return match drafts.reopen(chosen, file) {
            Ok(draft) => Ok(Some((session, draft, Some(file.session.clone())))),
            Err(draft::Taken::Failed(e)) => Err(e),
            Err(draft::Taken::InUse(who)) => {
                // Another session has it open: say so, and offer a copy.
                p.show(&ui::fill(ui.draft_in_use, &[("pid", &pid_text(ui, &who))]))?;
                let prompt = Prompt {
                    title: ui.resume_title.to_owned(),
                    items: vec![ui.draft_copy.to_owned(), ui.resume_back.to_owned()],
                    default: Some(1),
                    ..Prompt::default()
                };
                if !matches!(p.choose(&prompt)?, Reply::Answer(0)) {
                    continue;
                }
                Ok(Some((session, drafts.copy_of(file), None)))
            }
        };
    }
}

fn discard_draft(
    p: &mut dyn Prompter,
    bank: &Bank,
    drafts: &Drafts,
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
        match drafts.discard(l) {
            Ok(()) => p.show(ui.resume_discarded)?,
            Err(draft::Taken::InUse(who)) => p.show(&ui::fill(
                ui.draft_in_use_kept,
                &[("pid", &pid_text(ui, &who))],
            ))?,
            Err(draft::Taken::Failed(e)) => return Err(e),
        }
    }
    Ok(())
}

/// " (proces 1234)", or nothing when the process is not known.
fn pid_text(ui: &ui::Ui, who: &draft::InUse) -> String {
    who.pid.map_or_else(String::new, |pid| {
        ui::fill(ui.draft_in_use_pid, &[("pid", &pid.to_string())])
    })
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
            let in_use = if listed.in_use.is_some() {
                ui.draft_in_use_mark
            } else {
                ""
            };
            let item = crate::base::sanitize::line(&ui::fill(
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
            ));
            format!("{item}{in_use}")
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
                // The whole path: after a double-click nobody knows which
                // folder "here" was.
                let shown: Vec<String> = files
                    .iter()
                    .map(|f| {
                        std::path::absolute(f)
                            .map_or_else(|_| f.clone(), |a| a.display().to_string())
                    })
                    .collect();
                p.show(&ui::fill(ui.save_done, &[("files", &shown.join(", "))]))?;
                if with_session && !config.long {
                    p.show(&ui::fill(ui.save_long_hint, &[("file", &yaml)]))?;
                }
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
    let style = Style {
        long: config.long,
        ..Style::paste()
    };
    let summary = renderer(Format::Text, style, config.lang).report(&report);
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
    let (id, version) = (&s.id, &s.version);
    let mut out = say!(
        "{name}: in orde. Vragenbank '{id}' versie {version}.\n",
        "{name}: in order. Question bank '{id}' version {version}.\n"
    );
    for (_, level, n, screening) in &s.levels {
        out.push_str(&say!(
            "  {level}: {n} vragen ({screening} screening)\n",
            "  {level}: {n} questions ({screening} screening)\n"
        ));
    }
    let (per_goal, rules, steps) = (s.per_goal, s.rules, s.steps);
    out.push_str(&say!(
        "  Per doel: {per_goal} vragen. Regels: {rules}. Continuüm: {steps} stappen.\n",
        "  Per goal: {per_goal} questions. Rules: {rules}. Continuum: {steps} steps.\n"
    ));
    let untranslated = bank::translations::missing(&bank, Lang::En);
    let n = untranslated.len();
    if untranslated.is_empty() {
        out.push_str(pick(
            "  Engelse vertaling (--taal en): compleet.\n",
            "  English translation (--taal en): complete.\n",
        ));
    } else if config.lang == Lang::En {
        out.push_str(&say!(
            "  Engelse vertaling (--taal en): {n} tekst(en) zonder vertaling; in het Engels staat daar het Nederlands:\n",
            "  English translation (--taal en): {n} text(s) without a translation; in English these show the Dutch:\n"
        ));
        for path in &untranslated {
            out.push_str(&format!("    - {path}\n"));
        }
    } else {
        out.push_str(&say!(
            "  Engelse vertaling (--taal en): {n} tekst(en) zonder vertaling; toon ze met --taal en\n",
            "  English translation (--taal en): {n} text(s) without a translation; show them with --taal en\n"
        ));
    }
    output::emit(&out, config.output.as_deref(), config.force)
}
