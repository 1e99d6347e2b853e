//! The command line: subcommands, options and their Dutch help texts. This
//! is the only place that knows clap; it produces a plain [`Config`].
//!
//! clap writes its help and errors in English. Everything a user reads is
//! Dutch here: the help templates, the usage lines, the `-h`/`-V` flags,
//! default and possible values (written into the help texts), and the
//! errors ([`dutch_error`]).

use std::ffi::OsString;

use std::path::PathBuf;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Args, CommandFactory, Parser, Subcommand, ValueEnum};
use voorwie::app::config::{ColorChoice, Command, Config};
use voorwie::base::text::Lang;
use voorwie::interview::Depth;
use voorwie::render::Format;

/// `voorwie --version`: the program and the embedded bank it carries.
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (vragenbank ",
    env!("VOORWIE_BANK_ID"),
    " ",
    env!("VOORWIE_BANK_VERSION"),
    ")"
);

const ABOUT: &str =
    "Reflectiechecklist 'Voor wie doen we wat?': hoe intensief werk je samen rond een gezin?";

const LONG_ABOUT: &str = "\
Reflectiechecklist 'Voor wie doen we wat?' voor professionals in jeugdhulp en
sociaal domein. Reflectievragen op drie niveaus (gezin, professionals,
organisatie en beleid) leiden per hulpvraag tot een suggestie op het continuüm
segregatie → connectie → coördinatie → coöperatie → integratie.

Zonder opdracht start de interactieve sessie. Er zijn geen namen nodig.";

/// Exit codes, in the help of `voorwie` and `voorwie start`.
macro_rules! exit_codes {
    () => {
        "Exitcodes:
  0    gelukt
  1    fout: een bestand, de vragenbank of het schrijven
  2    verkeerd gebruik: een onbekende optie, waarde of opdracht
  130  onderbroken (Ctrl-C, terminal dicht); het concept is bewaard"
    };
}

const AFTER_HELP: &str = concat!(
    "\
Voorbeelden:
  voorwie                                     interactieve sessie
  voorwie start --snel                        alleen de korte screening
  voorwie start --antwoorden sessie.yaml      samenvatting uit een antwoordenbestand
  voorwie kaart --format html -o kaart.html   de zakkaart om te printen
  voorwie continuum coordinatie               één stap van het continuüm in detail
  voorwie voorbeeld robin                     een praktijkvoorbeeld bekijken
  voorwie controleer mijn-bank.yaml           een vragenbank controleren

Meer hulp bij een opdracht: voorwie OPDRACHT --help.
Meldingen gaan naar stderr, uitvoer naar stdout.

",
    exit_codes!()
);

const TOP_TEMPLATE: &str = "\
voorwie {version}
{about-with-newline}
Gebruik: {usage}

Opdrachten:
{subcommands}

Opties:
{options}{after-help}";

const SUB_TEMPLATE: &str = "\
{about-with-newline}
Gebruik: {usage}

Opties:
{options}{after-help}";

const SUB_ARGS_TEMPLATE: &str = "\
{about-with-newline}
Gebruik: {usage}

Argumenten:
{positionals}

Opties:
{options}{after-help}";

#[derive(Debug, Parser)]
#[command(
    name = "voorwie",
    version = VERSION,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = AFTER_HELP,
    help_template = TOP_TEMPLATE,
    override_usage = "voorwie [OPTIES]\n       voorwie OPDRACHT [OPTIES]",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,

    #[command(flatten)]
    start: StartArgs,

    #[command(flatten)]
    common: Common,

    /// Toon de versie (met de versie van de ingebouwde vragenbank)
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Debug, Args)]
struct Common {
    /// Een andere vragenbank (YAML) in plaats van de ingebouwde; wordt eerst gecontroleerd
    #[arg(long, global = true, value_name = "BESTAND")]
    bank: Option<PathBuf>,

    /// Uitvoerformaat: tekst (standaard), markdown, json, html, of csv of xlsx (alleen bij overzicht)
    #[arg(long, global = true, value_enum, default_value_t = FormatArg::Tekst,
          hide_default_value = true, hide_possible_values = true, value_name = "FORMAAT")]
    format: FormatArg,

    /// Schrijf de uitvoer naar dit bestand (alleen voor jou leesbaar) in plaats van naar stdout
    #[arg(short = 'o', long = "uitvoer", global = true, value_name = "BESTAND")]
    output: Option<PathBuf>,

    /// Overschrijf een bestaand uitvoerbestand
    #[arg(long, global = true)]
    force: bool,

    /// Kleur: auto (standaard: alleen op een terminal, niet met NO_COLOR of TERM=dumb), altijd of nooit
    #[arg(long, global = true, value_enum, default_value_t = KleurArg::Auto, value_name = "WANNEER",
          hide_default_value = true, hide_possible_values = true)]
    kleur: KleurArg,

    /// Taal: nl (standaard) of en; zonder deze optie volgt voorwie LANG (en_* geeft Engels)
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "TAAL",
        hide_possible_values = true
    )]
    taal: Option<TaalArg>,

    /// Stil: geen meldingen en waarschuwingen op stderr (fouten wel)
    #[arg(short = 'q', long = "stil", global = true)]
    quiet: bool,

    /// De uitgebreide samenvatting: alle redenen en de zekerheid per doel, de kloof in detail en de reflectievragen
    #[arg(long, global = true)]
    uitgebreid: bool,

    /// Toon deze hulp
    #[arg(short = 'h', long = "help", global = true, action = ArgAction::Help)]
    help: Option<bool>,
}

#[derive(Debug, Args, Default)]
struct StartArgs {
    /// Lees de antwoorden uit een bestand (YAML of JSON; - is stdin) in plaats van te vragen
    #[arg(long, value_name = "BESTAND")]
    antwoorden: Option<PathBuf>,

    /// Alleen de korte screening (stap 1), zonder verdieping
    #[arg(long)]
    snel: bool,

    /// Ga verder met een onafgemaakte sessie (elk antwoord wordt meteen bewaard)
    #[arg(long, conflicts_with = "antwoorden")]
    hervat: bool,

    /// Begin met een praktijkvoorbeeld: de casus, het moment en de doelen staan klaar
    #[arg(long, value_name = "NAAM", conflicts_with_all = ["antwoorden", "hervat"])]
    casus: Option<String>,

    /// Een label voor het vergelijken van beoordelaars (geen naam), bijvoorbeeld A
    #[arg(long, value_name = "LABEL")]
    beoordelaar: Option<String>,

    /// Je rol, voor het vergelijken per rol, bijvoorbeeld wijkteam
    #[arg(long, value_name = "ROL")]
    rol: Option<String>,

    /// Kopieer de samenvatting (tekst) ook naar het klembord
    #[arg(long)]
    klembord: bool,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// De reflectiesessie (interactief, of met --antwoorden)
    #[command(
        help_template = SUB_TEMPLATE,
        override_usage = "voorwie start [OPTIES]",
        after_help = concat!("Voorbeelden:
  voorwie start
  voorwie start --snel
  voorwie start --hervat                       (na Ctrl-C of een gesloten terminal)
  voorwie start --antwoorden sessie.yaml --format markdown -o samenvatting.md
  voorwie start --antwoorden sessie.yaml --klembord   (plakken in het dossier)
  voorwie start --antwoorden sessie.yaml --format html -o uitkomst.html

", exit_codes!())
    )]
    Start(StartArgs),

    /// De zakkaart: alle vragen en de vijf stappen op één A4
    #[command(
        visible_alias = "card",
        help_template = SUB_TEMPLATE,
        override_usage = "voorwie kaart [OPTIES]",
        after_help = "Voorbeelden:
  voorwie kaart
  voorwie kaart --format html -o kaart.html    (dubbelzijdig printen)
  voorwie kaart --format markdown -o kaart.md
  voorwie kaart --format json                  (met vraag- en optie-ids)"
    )]
    Kaart,

    /// De vijf stappen van het continuüm; met STAP één stap in detail
    #[command(
        help_template = SUB_ARGS_TEMPLATE,
        override_usage = "voorwie continuum [STAP] [OPTIES]",
        after_help = "Voorbeelden:
  voorwie continuum
  voorwie continuum coordinatie
  voorwie continuum 4
  voorwie continuum --format html -o continuum.html"
    )]
    Continuum {
        /// segregatie, connectie, coordinatie, cooperatie, integratie (of 1-5)
        stap: Option<String>,
    },

    /// De praktijkvoorbeelden; met NAAM één voorbeeld met uitkomst
    #[command(
        visible_alias = "example",
        help_template = SUB_ARGS_TEMPLATE,
        override_usage = "voorwie voorbeeld [NAAM] [OPTIES]",
        after_help = "Voorbeelden:
  voorwie voorbeeld
  voorwie voorbeeld robin
  voorwie voorbeeld robin --stapsgewijs              (voor een zaal)
  voorwie voorbeeld robin --sjabloon -o robin.yaml   (voor studenten)
  voorwie start --casus robin --beoordelaar A --rol wijkteam"
    )]
    Voorbeeld {
        /// De naam van het voorbeeld (zie de lijst)
        naam: Option<String>,

        /// Presentatie: de casus, dan elke vraag met het antwoord en waarom, per scherm
        #[arg(long, requires = "naam", conflicts_with = "sjabloon")]
        stapsgewijs: bool,

        /// Een leeg antwoordenbestand bij deze casus, om zelf in te vullen
        #[arg(long, requires = "naam")]
        sjabloon: bool,
    },

    /// Vergelijk opgeslagen sessies: beoordelaars van één casus, of één casus in de tijd
    #[command(
        visible_alias = "compare",
        help_template = SUB_ARGS_TEMPLATE,
        override_usage = "voorwie vergelijk BESTAND BESTAND... [OPTIES]",
        after_help = "Voorbeelden:
  voorwie vergelijk klas/*.yaml                     (beoordelaars naast elkaar)
  voorwie vergelijk jan.yaml maart.yaml juni.yaml   (één casus in de tijd)
  voorwie vergelijk team/*.yaml --format markdown -o bespreking.md

Doelen worden op label gekoppeld (hoofdletters en spaties tellen niet)."
    )]
    Vergelijk {
        /// Twee of meer sessiebestanden (YAML of JSON)
        #[arg(required = true, num_args = 2.., value_name = "BESTAND")]
        bestanden: Vec<PathBuf>,

        /// Als tijdlijn tonen (standaard: automatisch, op grond van datums en beoordelaars)
        #[arg(long)]
        tijdlijn: bool,
    },

    /// Overzicht voor organisatie en beleid over veel sessies, zonder namen
    #[command(
        visible_alias = "overview",
        help_template = SUB_ARGS_TEMPLATE,
        override_usage = "voorwie overzicht PAD... [OPTIES]",
        after_help = "Voorbeelden:
  voorwie overzicht sessies/
  voorwie overzicht sessies/ --format csv -o overzicht.csv   (één regel per sessie-doel)
  voorwie overzicht sessies/ --format xlsx -o overzicht.xlsx (een werkmap voor Excel)
  voorwie overzicht team-a/ team-b/ --format markdown

Mappen worden doorzocht op .yaml, .yml en .json. Bestanden die niet te lezen
zijn worden bij naam gemeld en overgeslagen (-q zwijgt daarover)."
    )]
    Overzicht {
        /// Mappen en/of sessiebestanden
        #[arg(required = true, value_name = "PAD")]
        paden: Vec<PathBuf>,
    },

    /// Controleer een vragenbank: elk probleem met bestand:regel:kolom
    #[command(
        visible_alias = "check",
        help_template = SUB_ARGS_TEMPLATE,
        override_usage = "voorwie controleer [BANK] [OPTIES]",
        after_help = "Voorbeelden:
  voorwie controleer                    (de ingebouwde bank)
  voorwie controleer mijn-bank.yaml
  voorwie controleer mijn-bank.yaml --taal en   (ook ontbrekende vertalingen)

Exitcodes: 0 de bank is in orde, 1 er zijn problemen, 2 verkeerd gebruik."
    )]
    Controleer {
        /// De vragenbank (standaard: de ingebouwde)
        bank: Option<PathBuf>,
    },

    /// Schrijf een script voor het aanvullen met Tab in je shell
    #[command(
        help_template = SUB_ARGS_TEMPLATE,
        override_usage = "voorwie completions SHELL",
        after_help = "Installeren:
  bash:        voorwie completions bash > ~/.local/share/bash-completion/completions/voorwie
  zsh:         voorwie completions zsh > ~/.zfunc/_voorwie
               (en in ~/.zshrc: fpath=(~/.zfunc $fpath); autoload -U compinit; compinit)
  fish:        voorwie completions fish > ~/.config/fish/completions/voorwie.fish
  powershell:  voorwie completions powershell >> $PROFILE"
    )]
    Completions {
        /// bash, zsh, fish of powershell
        #[arg(value_enum, hide_possible_values = true)]
        shell: ShellArg,
    },

    /// Schrijf de handleiding (man-pagina, roff) naar stdout
    #[command(
        help_template = SUB_TEMPLATE,
        override_usage = "voorwie man",
        after_help = "Installeren:
  mkdir -p ~/.local/share/man/man1
  voorwie man > ~/.local/share/man/man1/voorwie.1
  man voorwie"
    )]
    Man,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    #[value(alias = "text")]
    Tekst,
    #[value(alias = "md")]
    Markdown,
    Json,
    Html,
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum KleurArg {
    Auto,
    #[value(alias = "always")]
    Altijd,
    #[value(alias = "never")]
    Nooit,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum TaalArg {
    Nl,
    En,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ShellArg {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

/// What the binary does: run the library, or something only the command
/// line knows about (its own completions and manual).
pub enum Action {
    Run(Config),
    Completions(clap_complete::Shell),
    Man,
}

impl StartArgs {
    /// The first of these options that was given, for a message.
    fn first_given(&self) -> Option<&'static str> {
        [
            (self.antwoorden.is_some(), "--antwoorden"),
            (self.snel, "--snel"),
            (self.hervat, "--hervat"),
            (self.casus.is_some(), "--casus"),
            (self.beoordelaar.is_some(), "--beoordelaar"),
            (self.rol.is_some(), "--rol"),
            (self.klembord, "--klembord"),
        ]
        .into_iter()
        .find_map(|(given, name)| given.then_some(name))
    }

    fn into_command(self) -> Command {
        Command::Start {
            answers: self.antwoorden,
            depth: if self.snel { Depth::Quick } else { Depth::Full },
            resume: self.hervat,
            case: self.casus,
            rater: self.beoordelaar,
            role: self.rol,
        }
    }
}

/// The command definition, for completions and the manual.
pub fn command() -> clap::Command {
    Cli::command()
}

impl Cli {
    /// A session option before a subcommand (`voorwie --snel kaart`), as a
    /// Dutch usage error. The session's options sit at the top so that plain
    /// `voorwie --snel` works; clap then accepts them before any subcommand,
    /// where they would be ignored. The shared options (`-q`, `--taal`,
    /// `--format`, ...) may stand before or after the subcommand.
    pub fn misplaced_option(&self, args: &[OsString]) -> Option<String> {
        self.command.as_ref()?;
        let option = self.start.first_given()?;
        let sub = typed_subcommand(args)?;
        Some(if sub == "start" {
            format!(
                "voorwie: {option} hoort na de opdracht: voorwie start {option}\nMeer hulp: voorwie start --help"
            )
        } else {
            format!(
                "voorwie: {option} hoort bij de sessie (voorwie start), niet bij voorwie {sub}\nMeer hulp: voorwie {sub} --help"
            )
        })
    }

    /// What to do.
    /// The language: `--taal`, or else the locale.
    pub fn lang(&self) -> Lang {
        match self.common.taal {
            Some(TaalArg::Nl) => Lang::Nl,
            Some(TaalArg::En) => Lang::En,
            None => lang_from_env(),
        }
    }

    pub fn into_action(self) -> Action {
        let lang = self.lang();
        let mut clipboard = self.start.klembord;
        let command = match self.command {
            None => self.start.into_command(),
            Some(Cmd::Start(a)) => {
                clipboard = a.klembord;
                a.into_command()
            }
            Some(Cmd::Kaart) => Command::Card,
            Some(Cmd::Continuum { stap }) => Command::Continuum { step: stap },
            Some(Cmd::Voorbeeld {
                naam,
                stapsgewijs,
                sjabloon,
            }) => Command::Example {
                name: naam,
                stepwise: stapsgewijs,
                template: sjabloon,
            },
            Some(Cmd::Controleer { bank }) => Command::Check { bank },
            Some(Cmd::Overzicht { paden }) => Command::Overview { paths: paden },
            Some(Cmd::Vergelijk {
                bestanden,
                tijdlijn,
            }) => Command::Compare {
                files: bestanden,
                timeline: tijdlijn,
            },
            Some(Cmd::Completions { shell }) => {
                return Action::Completions(match shell {
                    ShellArg::Bash => clap_complete::Shell::Bash,
                    ShellArg::Zsh => clap_complete::Shell::Zsh,
                    ShellArg::Fish => clap_complete::Shell::Fish,
                    ShellArg::Powershell => clap_complete::Shell::PowerShell,
                });
            }
            Some(Cmd::Man) => return Action::Man,
        };
        Action::Run(Config {
            command,
            bank: self.common.bank,
            format: match self.common.format {
                FormatArg::Tekst => Format::Text,
                FormatArg::Markdown => Format::Markdown,
                FormatArg::Json => Format::Json,
                FormatArg::Html => Format::Html,
                FormatArg::Csv => Format::Csv,
                FormatArg::Xlsx => Format::Xlsx,
            },
            output: self.common.output,
            force: self.common.force,
            color: match self.common.kleur {
                KleurArg::Auto => ColorChoice::Auto,
                KleurArg::Altijd => ColorChoice::Always,
                KleurArg::Nooit => ColorChoice::Never,
            },
            lang,
            quiet: self.common.quiet,
            long: self.common.uitgebreid,
            clipboard,
        })
    }
}

/// The language from the locale, as POSIX orders it: `LC_ALL`, then
/// `LC_MESSAGES`, then `LANG`. English only when it says English; Dutch
/// for everything else (including `C` and `POSIX`).
pub(crate) fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .map_or(Lang::Nl, |v| {
            if v.starts_with("en") {
                Lang::En
            } else {
                Lang::Nl
            }
        })
}

/// A clap error in Dutch, with a hint where clap has one. clap's own
/// messages are English and cannot be translated through its API.
pub fn dutch_error(e: &clap::Error, args: &[OsString]) -> String {
    let get = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let mut msg = match e.kind() {
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue);
            if value.is_empty() {
                format!("{arg} heeft een waarde nodig")
            } else if valid.is_empty() {
                format!("'{value}' is geen geldige waarde voor {arg}")
            } else {
                format!("'{value}' is geen geldige waarde voor {arg}; kies uit: {valid}")
            }
        }
        ErrorKind::UnknownArgument => format!("onbekende optie of argument '{arg}'"),
        ErrorKind::InvalidSubcommand => {
            format!(
                "onbekende opdracht '{}'",
                get(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::ArgumentConflict => {
            let other = get(ContextKind::PriorArg);
            if other.is_empty() {
                format!("{arg} kan hier niet samen met andere opties")
            } else {
                format!("{arg} kan niet samen met {other}")
            }
        }
        ErrorKind::MissingRequiredArgument => format!("er ontbreekt: {arg}"),
        ErrorKind::MissingSubcommand => "er ontbreekt een opdracht".to_owned(),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("{arg}: te weinig waarden (er zijn er minstens {} nodig)", {
                let n = get(ContextKind::MinValues);
                if n.is_empty() { "meer".to_owned() } else { n }
            })
        }
        ErrorKind::TooManyValues => format!("{arg}: te veel waarden ('{value}')"),
        ErrorKind::NoEquals => format!("{arg} verwacht een waarde met '='"),
        ErrorKind::ValueValidation => format!("'{value}' is geen geldige waarde voor {arg}"),
        ErrorKind::InvalidUtf8 => "een argument is geen geldige UTF-8-tekst".to_owned(),
        _ => {
            // Any other kind: clap's own first line, so nothing is lost.
            let text = e.to_string();
            text.lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ")
                .to_owned()
        }
    };
    let suggestion = get(ContextKind::SuggestedArg);
    let suggested_cmd = get(ContextKind::SuggestedSubcommand);
    if !suggestion.is_empty() {
        msg.push_str(&format!("\n  tip: bedoel je {suggestion}?"));
    } else if !suggested_cmd.is_empty() {
        let options = suggested_cmd.replace(", ", " of ");
        msg.push_str(&format!("\n  tip: bedoel je {options}?"));
    } else if e.kind() == ErrorKind::InvalidSubcommand
        && get(ContextKind::InvalidSubcommand) == "help"
    {
        msg.push_str("\n  tip: gebruik voorwie --help");
    }
    // The usage line clap gives (none with some errors, such as a wrong
    // value), and the help of the subcommand that was typed:
    // `voorwie vergelijk a.yaml` points to `voorwie vergelijk --help`.
    let usage = get(ContextKind::Usage);
    let usage = usage.trim_start_matches("Usage: ").trim_end();
    let help = match typed_subcommand(args) {
        Some(sub) => format!("voorwie {sub} --help"),
        None if usage.is_empty() => "voorwie --help (of voorwie OPDRACHT --help)".to_owned(),
        None => "voorwie --help".to_owned(),
    };
    if usage.is_empty() {
        format!("voorwie: {msg}\nMeer hulp: {help}")
    } else {
        // "Gebruik: " is two characters wider than clap's "Usage: ".
        let usage = usage.replace("\n       ", "\n         ");
        format!("voorwie: {msg}\nGebruik: {usage}\nMeer hulp: {help}")
    }
}

/// The subcommand typed in `args` (the program name first): the first word
/// that names one, by name or alias, as clap knows them.
fn typed_subcommand(args: &[OsString]) -> Option<String> {
    let cli = Cli::command();
    args.iter()
        .skip(1)
        .find_map(|a| cli.find_subcommand(a))
        .map(|sub| sub.get_name().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
