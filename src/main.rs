//! The `voorwie` binary: parses the command line into a plain configuration,
//! runs it, and turns the outcome into one message and an exit code.

mod cli;

use std::process::ExitCode;

use anyhow::Context;
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
    // Help and usage errors in the user's language: known before clap reads
    // the command line.
    let asked = cli::lang_from_args(&args);
    let parsed = cli::command_in(asked)
        .try_get_matches_from(&args)
        .and_then(|m| <cli::Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // A usage error: in the user's language, exit code 2.
            voorwie::tell!("{}", cli::usage_error(&e, &args, asked));
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
        voorwie::tell!("{message}");
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
            clap_complete::generate(shell, &mut cli::completion_command(), "voorwie", &mut out);
            let mut script = String::from_utf8_lossy(&out).into_owned();
            if shell == clap_complete::Shell::Fish {
                // clap_complete's fish script completes no positional
                // values: the practice cases and the steps, by hand.
                script.push_str(&cli::fish_positionals());
            }
            voorwie::base::output::to_stdout(&script)?;
        }
        cli::Action::Man(lang) => {
            let page = manual(lang).context(pick("de handleiding maken", "making the manual"))?;
            voorwie::base::output::to_stdout(&page)?;
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

/// The whole manual on one page: the synopsis, the common options, every
/// command with its own options (there are no separate pages per command),
/// the examples and exit codes, and the environment variables.
fn manual(lang: voorwie::base::text::Lang) -> std::io::Result<String> {
    use voorwie::base::text::Lang;
    let cmd = cli::command_in(lang);
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let nl = lang == Lang::Nl;
    out.extend_from_slice(if nl {
        b".SH OPDRACHTEN\n"
    } else {
        b".SH COMMANDS\n"
    });
    for sub in cmd.get_subcommands() {
        let name = sub.get_name();
        out.extend_from_slice(format!(".SS \"voorwie {name}\"\n").as_bytes());
        if let Some(about) = sub.get_about() {
            out.extend_from_slice(format!("{}\n", roff_text(&about.to_string())).as_bytes());
        }
        let sub_man = clap_mangen::Man::new(
            sub.clone()
                .bin_name(format!("voorwie {name}"))
                .disable_help_flag(true),
        );
        let mut part = Vec::new();
        sub_man.render_synopsis_section(&mut part)?;
        sub_man.render_options_section(&mut part)?;
        sub_man.render_extra_section(&mut part)?;
        let part = String::from_utf8_lossy(&part);
        for line in part.lines() {
            // The command's sections become paragraphs under its heading.
            let line = match line {
                ".SH SYNOPSIS" | ".SH OPTIONS" | ".SH EXTRA" => ".PP",
                other => other,
            };
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
    }
    man.render_extra_section(&mut out)?;
    out.extend_from_slice(environment(nl).as_bytes());
    man.render_version_section(&mut out)?;
    let roff = String::from_utf8_lossy(&out).into_owned();
    Ok(if nl { dutch_man(&roff) } else { roff })
}

/// Text for a roff line: a leading dot or quote would be read as a request.
fn roff_text(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with('.') || l.starts_with('\'') {
                format!("\\&{l}")
            } else {
                l.replace('\\', "\\e")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The ENVIRONMENT section: the variables voorwie reads.
fn environment(nl: bool) -> String {
    let items: [(&str, &str, &str); 6] = [
        (
            "VOORWIE_DATA_DIR",
            "Map voor de concepten van onafgemaakte sessies (in VOORWIE_DATA_DIR/concepten). Standaard de gegevensmap van het systeem (Linux: ~/.local/share/voorwie, Windows: %APPDATA%\\voorwie\\data).",
            "Folder for the drafts of unfinished sessions (in VOORWIE_DATA_DIR/concepten). By default the system's data folder (Linux: ~/.local/share/voorwie, Windows: %APPDATA%\\voorwie\\data).",
        ),
        (
            "NO_COLOR",
            "Niet leeg: geen kleur (zoals --kleur nooit, tenzij --kleur altijd).",
            "Not empty: no colour (as --kleur nooit, unless --kleur altijd).",
        ),
        (
            "LANG",
            "De taal als --taal ontbreekt: en_* geeft Engels, al het andere Nederlands.",
            "The language when --taal is not given: en_* gives English, anything else Dutch.",
        ),
        (
            "LC_ALL",
            "Gaat voor LC_MESSAGES en LANG.",
            "Takes precedence over LC_MESSAGES and LANG.",
        ),
        (
            "LC_MESSAGES",
            "Gaat voor LANG.",
            "Takes precedence over LANG.",
        ),
        (
            "TERM",
            "dumb: genummerde regels in plaats van pijltjesmenu's, geen kleur en geen tekentjes die de terminal niet kan tonen.",
            "dumb: numbered lines instead of arrow-key menus, no colour and no symbols the terminal cannot show.",
        ),
    ];
    let mut s = String::from(if nl {
        ".SH OMGEVING\n"
    } else {
        ".SH ENVIRONMENT\n"
    });
    for (name, dutch, english) in items {
        s.push_str(&format!(
            ".TP\n\\fB{name}\\fR\n{}\n",
            roff_text(if nl { dutch } else { english })
        ));
    }
    s
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
        Some(Error::Interrupted | Error::Paused { .. }) => {
            voorwie::tell!("\nvoorwie: {}", clean(err))
        }
        Some(Error::Invalid(_) | Error::Syntax(_)) => voorwie::tell!("voorwie: {}", clean(err)),
        _ => voorwie::tell!("voorwie: {}{}", pick("fout: ", "error: "), clean(err)),
    }
    for cause in err.chain().skip(1) {
        voorwie::tell!("  {}{}", pick("oorzaak: ", "cause: "), clean(cause));
    }
    let code = err.downcast_ref::<Error>().map_or(1, Error::exit_code);
    ExitCode::from(code)
}

/// `log2` for glibc Linux, so that the program does not load `libm.so.6`.
///
/// The only caller is zopfli (rust_xlsxwriter → zip, which switches on
/// zopfli with its `deflate` feature), and only at a compression level above
/// 9, which voorwie never asks for. Still, one reference to `log2` made every
/// run load and relocate libm: 9 page faults and 45 000 instructions, some
/// 0.1–0.2 ms on a 2-core virtual machine (see "Starttijd" in
/// docs/ontwikkelaars.md). Defined here, the linker takes this function and
/// leaves libm out. It is the `libm` crate's port of the FreeBSD/musl `log2`.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[unsafe(no_mangle)]
extern "C" fn log2(x: f64) -> f64 {
    libm::log2(x)
}
