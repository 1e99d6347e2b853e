//! The `voorwie` binary: parses the command line into a plain configuration,
//! runs it, and turns the outcome into one message and an exit code.

mod cli;

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use voorwie::base::error::Error;
use voorwie::base::say::pick;

fn main() -> ExitCode {
    // Windows: a UTF-8 console; a double-clicked window waits for Enter.
    voorwie::base::platform::prepare_console();
    let mut lang = None;
    let code = run_main(&mut lang);
    voorwie::base::platform::pause_if_own_console(lang.unwrap_or_else(cli::lang_from_env));
    voorwie::base::platform::restore_console();
    code
}

/// Everything `main` does between preparing the console and pausing;
/// sets `lang` once the command line is read.
fn run_main(lang: &mut Option<voorwie::base::text::Lang>) -> ExitCode {
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == voorwie::app::clipboard::HELPER_ARG)
    {
        // The background helper of --klembord (see voorwie::app::clipboard).
        return match voorwie::app::clipboard::serve_from_stdin() {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::FAILURE,
        };
    }
    let args = help_as_flag(std::env::args_os());
    let cli = match cli::Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // A usage error: in Dutch, exit code 2.
            eprintln!("{}", cli::dutch_error(&e, &args));
            return ExitCode::from(2);
        }
        Err(e) => {
            // Help and version: to stdout, exit code 0, quiet on a closed pipe.
            let mut text = e.render().to_string();
            if !text.ends_with('\n') {
                text.push('\n');
            }
            let _ = voorwie::base::output::to_stdout(&text);
            return ExitCode::SUCCESS;
        }
    };
    *lang = Some(cli.lang());
    voorwie::base::say::set_message_lang(cli.lang());
    if let Some(message) = cli.misplaced_option(&args) {
        eprintln!("{message}");
        return ExitCode::from(2);
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&err),
    }
}

fn run(cli: cli::Cli) -> anyhow::Result<()> {
    match cli.into_action() {
        cli::Action::Run(config) => voorwie::app::run(&config)?,
        cli::Action::Completions(shell) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cli::command(), "voorwie", &mut out);
            voorwie::base::output::to_stdout(&String::from_utf8_lossy(&out))?;
        }
        cli::Action::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(cli::command())
                .render(&mut out)
                .context(pick("de handleiding maken", "making the manual"))?;
            voorwie::base::output::to_stdout(&dutch_man(&String::from_utf8_lossy(&out)))?;
        }
    }
    Ok(())
}

/// `voorwie help` and `voorwie help kaart` mean `--help`, as in git and
/// cargo (clap's own `help` subcommand would answer in English).
fn help_as_flag(args: std::env::ArgsOs) -> Vec<std::ffi::OsString> {
    let mut args: Vec<_> = args.collect();
    if args.get(1).is_some_and(|a| a == "help" || a == "hulp") {
        args.remove(1);
        args.push("--help".into());
    }
    args
}

/// clap_mangen writes English section headings; a Dutch manual gets the
/// headings Dutch man pages use.
fn dutch_man(roff: &str) -> String {
    roff.lines()
        .map(|line| match line {
            ".SH NAME" => ".SH NAAM",
            ".SH SYNOPSIS" => ".SH SAMENVATTING",
            ".SH DESCRIPTION" => ".SH BESCHRIJVING",
            ".SH OPTIONS" => ".SH OPTIES",
            ".SH SUBCOMMANDS" => ".SH OPDRACHTEN",
            ".SH EXTRA" => ".SH VOORBEELDEN EN EXITCODES",
            ".SH VERSION" => ".SH VERSIE",
            other => other,
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Prints the error once, with its chain of causes, and picks the exit code.
fn report(err: &anyhow::Error) -> ExitCode {
    // Messages can quote file contents: never let them drive the terminal.
    let clean = |e: &dyn std::fmt::Display| voorwie::base::sanitize::multiline(&e.to_string());
    match err.downcast_ref::<Error>() {
        Some(Error::Interrupted | Error::Paused { .. }) => eprintln!("\nvoorwie: {}", clean(err)),
        Some(Error::Invalid(_) | Error::Syntax(_)) => eprintln!("voorwie: {}", clean(err)),
        _ => eprintln!("voorwie: {}{}", pick("fout: ", "error: "), clean(err)),
    }
    for cause in err.chain().skip(1) {
        eprintln!("  {}{}", pick("oorzaak: ", "cause: "), clean(cause));
    }
    let code = err.downcast_ref::<Error>().map_or(1, Error::exit_code);
    ExitCode::from(code)
}
