//! The `voorwie` binary: parses the command line into a plain configuration,
//! runs it, and turns the outcome into one message and an exit code.

mod cli;

use std::process::ExitCode;

use clap::Parser;
use voorwie::error::Error;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with exit code 0; usage errors
            // to stderr with exit code 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&err),
    }
}

fn run(cli: cli::Cli) -> anyhow::Result<()> {
    voorwie::app::run(&cli.into_config())?;
    Ok(())
}

/// Prints the error once, with its chain of causes, and picks the exit code.
fn report(err: &anyhow::Error) -> ExitCode {
    match err.downcast_ref::<Error>() {
        Some(Error::Interrupted) => {
            eprintln!("\n{}", voorwie::ui::NL.interrupted);
            return ExitCode::from(130);
        }
        Some(Error::Invalid(_)) | Some(Error::Syntax(_)) => eprintln!("voorwie: {err}"),
        _ => eprintln!("voorwie: fout: {err}"),
    }
    for cause in err.chain().skip(1) {
        eprintln!("  oorzaak: {cause}");
    }
    let code = err.downcast_ref::<Error>().map_or(1, Error::exit_code);
    ExitCode::from(code)
}
