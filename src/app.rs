//! The commands: what `voorwie start`, `kaart`, `continuum`, `voorbeeld` and
//! `controleer` do, given a [`Config`].
//!
//! Data (the summary, the card, JSON) goes to stdout or `-o`; prompts,
//! warnings and messages go to stderr.

use std::io::{IsTerminal, Read};
use std::path::Path;

use crate::bank::{self, Bank, DEFAULT_BANK_NAME};
use crate::config::{ColorChoice, Command, Config};
use crate::error::{Error, Result};
use crate::interview::line::LinePrompter;
use crate::interview::terminal::{self, TerminalPrompter};
use crate::interview::{self, Depth, Interview, Prompt, Prompter, Reply};
use crate::load;
use crate::output;
use crate::problem::Problems;
use crate::render::{Format, Style, renderer};
use crate::report;
use crate::responses;
use crate::score;
use crate::session::{BankRef, Session};
use crate::text::Lang;
use crate::{card, continuum, examples, ui};

/// Runs one command.
pub fn run(config: &Config) -> Result<()> {
    match &config.command {
        Command::Check { bank } => check(config, bank.as_deref()),
        Command::Start { answers, depth } => {
            let bank = load_bank(config)?;
            match answers {
                Some(path) => start_from_file(config, &bank, path),
                None => start_interactive(config, &bank, *depth),
            }
        }
        Command::Card => {
            let bank = load_bank(config)?;
            let view = card::build(&bank, Lang::Nl);
            emit(config, |r| r.card(&view))
        }
        Command::Continuum { step } => {
            let bank = load_bank(config)?;
            let view = continuum::build(&bank, step.as_deref(), Lang::Nl)?;
            emit(config, |r| r.continuum(&view))
        }
        Command::Example { name } => {
            let bank = load_bank(config)?;
            match name {
                None => {
                    let list = examples::list(&bank, Lang::Nl)?;
                    emit(config, |r| r.examples(&list))
                }
                Some(name) => {
                    let ex = examples::find(name)?;
                    let session = ex.session()?;
                    show_result(config, &bank, &session, &ex.file())
                }
            }
        }
    }
}

/// The bank of `--bank`, checked, or the embedded default.
fn load_bank(config: &Config) -> Result<Bank> {
    match &config.bank {
        None => load::default_bank(),
        Some(path) => {
            let bank = load::bank_file(path)?;
            let problems = bank::check::check(&bank, &path.display().to_string());
            if problems.has_errors() {
                return Err(Error::Invalid(problems));
            }
            warn(&problems);
            Ok(bank)
        }
    }
}

/// Prints warnings to stderr.
fn warn(problems: &Problems) {
    if !problems.list.is_empty() {
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
                && std::env::var("TERM").is_ok_and(|t| t != "dumb")
        }
    }
}

/// Screen layout on a terminal, paste layout for files and pipes.
fn style(config: &Config) -> Style {
    let terminal = config.output.is_none() && stdout_is_terminal();
    if !terminal {
        return Style {
            color: config.color == ColorChoice::Always,
            ..Style::paste()
        };
    }
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let (_, cols) = console::Term::stdout().size();
    Style {
        width: usize::from(cols).clamp(30, 100),
        color: color_wanted(config, true),
        unicode: !dumb,
        screen: true,
    }
}

fn emit(config: &Config, render: impl Fn(&dyn crate::render::Renderer) -> String) -> Result<()> {
    let r = renderer(config.format, style(config));
    output::emit(&render(r.as_ref()), config.output.as_deref(), config.force)
}

/// Today's date in the local time zone, as YYYY-MM-DD.
fn today() -> String {
    jiff::Zoned::now().date().to_string()
}

fn read_answers(path: &Path) -> Result<Session> {
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .lock()
            .take(load::MAX_FILE_BYTES + 1)
            .read_to_string(&mut text)
            .map_err(|source| Error::Read {
                file: "stdin".to_owned(),
                cause: source,
            })?;
        if text.len() as u64 > load::MAX_FILE_BYTES {
            return Err(Error::TooLarge {
                file: "stdin".to_owned(),
                size: text.len() as u64,
                max: load::MAX_FILE_BYTES,
            });
        }
        return load::parse_session(&text, "stdin");
    }
    load::session_file(path)
}

fn start_from_file(config: &Config, bank: &Bank, path: &Path) -> Result<()> {
    let session = read_answers(path)?;
    let name = if path == Path::new("-") {
        "stdin".to_owned()
    } else {
        path.display().to_string()
    };
    show_result(config, bank, &session, &name)
}

/// Checks and scores a session and describes the result. Warnings (such as
/// answers from an older bank version) are printed to stderr.
fn report_for(bank: &Bank, session: &Session, file: &str) -> Result<report::Report> {
    let (responses, warnings) = responses::resolve(bank, session, file).map_err(Error::Invalid)?;
    warn(&warnings);
    let outcome = score::score(bank, &responses);
    Ok(report::build(&report::Input {
        bank,
        session,
        responses: &responses,
        outcome: &outcome,
        lang: Lang::Nl,
        today: &today(),
    }))
}

/// Scores a session and writes its summary in the chosen format.
fn show_result(config: &Config, bank: &Bank, session: &Session, file: &str) -> Result<()> {
    let report = report_for(bank, session, file)?;
    emit(config, |r| r.report(&report))
}

fn start_interactive(config: &Config, bank: &Bank, depth: Depth) -> Result<()> {
    if !std::io::stdin().is_terminal() {
        return Err(Error::NotATerminal);
    }
    terminal::install_interrupt_handler(ui::ui(Lang::Nl).interrupted.to_owned());
    let dumb = std::env::var("TERM").map_or(true, |t| t == "dumb");
    let color = match config.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !dumb && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let mut prompter: Box<dyn Prompter> = if dumb {
        let (_, cols) = console::Term::stderr().size();
        Box::new(LinePrompter::new(
            std::io::stdin().lock(),
            std::io::stderr(),
            usize::from(cols),
        ))
    } else {
        Box::new(TerminalPrompter::new(color))
    };
    let mut session = Session::new();
    session.bank = Some(BankRef {
        id: bank.id.value.clone(),
        version: bank.version.value.clone(),
    });
    session.date = Some(today());

    let result = Interview::new(bank, depth, session, |_| {}).run(prompter.as_mut());
    let mut session = match result {
        Ok(s) => s,
        Err(Error::Interrupted) => {
            if !terminal::take_over_interruption() {
                // The signal handler is ending the process; let it.
                std::thread::sleep(std::time::Duration::from_secs(5));
            }
            terminal::restore_terminal();
            return Err(Error::Interrupted);
        }
        Err(e) => return Err(e),
    };

    let name = if config.bank.is_some() {
        "sessie"
    } else {
        DEFAULT_BANK_NAME
    };
    show_result(config, bank, &session, name)?;

    // The professional may choose another step, with a reason.
    let (responses, _) = responses::resolve(bank, &session, name).map_err(Error::Invalid)?;
    let outcome = score::score(bank, &responses);
    if interview::choose_override(prompter.as_mut(), bank, &mut session, &outcome)? {
        prompter.show(
            "Je keuze en reden zijn vastgelegd; ze staan in de samenvatting die je opslaat.",
        )?;
    }
    offer_save(config, bank, &session, prompter.as_mut())
}

/// Offers to save the session file and the summary. A failed write asks
/// again instead of ending the session.
fn offer_save(config: &Config, bank: &Bank, session: &Session, p: &mut dyn Prompter) -> Result<()> {
    let ui = ui::ui(Lang::Nl);
    let prompt = Prompt {
        title: ui.save_title.to_owned(),
        details: vec![ui.save_what.to_owned(), ui.save_private.to_owned()],
        items: vec![
            ui.save_both.to_owned(),
            ui.save_summary.to_owned(),
            ui.save_none.to_owned(),
        ],
        default: Some(0),
        ..Prompt::default()
    };
    let with_session = match p.choose(&prompt)? {
        Reply::Answer(0) => true,
        Reply::Answer(1) => false,
        _ => return Ok(()),
    };
    let stamp = jiff::Zoned::now().strftime("%Y-%m-%d-%H%M").to_string();
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
            _ => return Ok(()),
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
                return p.show(&ui::fill(ui.save_done, &[("files", &files.join(", "))]));
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
    let ui = ui::ui(Lang::Nl);
    let report = report_for(bank, session, txt)?;
    let summary = renderer(Format::Text, Style::paste()).report(&report);
    if let Some(yaml) = yaml {
        let body = format!("{}\n{}", ui.session_header, load::session_to_yaml(session));
        output::write_file(Path::new(yaml), body.as_bytes(), config.force)?;
    }
    output::write_file(Path::new(txt), summary.as_bytes(), config.force)
}

/// `voorwie controleer [BANK]`.
fn check(config: &Config, path: Option<&Path>) -> Result<()> {
    let path = path.or(config.bank.as_deref());
    let (bank, name) = match path {
        Some(p) => (load::bank_file(p)?, p.display().to_string()),
        None => (load::default_bank()?, DEFAULT_BANK_NAME.to_owned()),
    };
    let problems = bank::check::check(&bank, &name);
    if problems.has_errors() {
        return Err(Error::Invalid(problems));
    }
    warn(&problems);
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
    output::emit(&out, config.output.as_deref(), config.force)
}
