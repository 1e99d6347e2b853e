//! The command line: subcommands, options and their Dutch help texts. This
//! is the only place that knows clap; it produces a plain [`Config`].
//!
//! clap writes its help and errors in English. Everything a user reads is
//! Dutch here: the help templates, the usage lines, the `-h`/`-V` flags,
//! default and possible values (written into the help texts), and the
//! errors ([`usage_error`]). With `--taal en` or an English locale the
//! same help and errors are English ([`command_in`]).

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
    #[arg(
        long,
        global = true,
        value_enum,
        hide_possible_values = true,
        value_name = "FORMAAT"
    )]
    format: Option<FormatArg>,

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

    /// De uitgebreide samenvatting: alle redenen en de zekerheid per doel, alles om uit te zoeken, de kloof in detail en de reflectievragen
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

    /// De zakkaart: alle vragen en de vijf stappen, op twee A5-pagina's (voor- en achterkant)
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
        override_usage = "voorwie vergelijk BESTAND BESTAND... [OPTIES]\n       voorwie vergelijk --uitwerking NAAM BESTAND... [OPTIES]",
        after_help = "Voorbeelden:
  voorwie vergelijk klas/*.yaml                     (beoordelaars naast elkaar)
  voorwie vergelijk jan.yaml maart.yaml juni.yaml   (één casus in de tijd)
  voorwie vergelijk team/*.yaml --format markdown -o bespreking.md
  voorwie vergelijk --uitwerking robin klas/*.yaml  (met de uitwerking ernaast)
  voorwie vergelijk klas/*.yaml --format html -o klas.html   (als plaatje)

Doelen worden op label gekoppeld (hoofdletters en spaties tellen niet).
Per doel worden de suggestie, wat nodig is en de richting vergeleken.
Een beoordelaar zonder label heet naar zijn bestand. Gaan alle bestanden
over hetzelfde praktijkvoorbeeld, dan tipt voorwie --uitwerking; bestanden
over verschillende casussen krijgen een waarschuwing; een leeg sjabloon
wordt geweigerd."
    )]
    Vergelijk {
        /// Twee of meer sessiebestanden (YAML of JSON); met --uitwerking mag het er één zijn
        #[arg(required = true, num_args = 1.., value_name = "BESTAND")]
        bestanden: Vec<PathBuf>,

        /// Als tijdlijn tonen (standaard: automatisch, op grond van datums en beoordelaars)
        #[arg(long)]
        tijdlijn: bool,

        /// Zet de uitwerking van dit praktijkvoorbeeld ernaast, als referentie (telt niet mee in de spreiding)
        #[arg(long, value_name = "NAAM", conflicts_with = "tijdlijn")]
        uitwerking: Option<String>,
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
    /// The manual, in this language.
    Man(Lang),
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

/// The command definition for the shell completions: the practice cases'
/// names for `voorbeeld NAAM`, `start --casus` and `vergelijk
/// --uitwerking`, and the step ids for `continuum STAP`, as values to
/// complete. Only the completion scripts get them: a normal run reads the
/// command line as before (and explains an unknown name itself).
pub fn completion_command() -> clap::Command {
    use clap::builder::PossibleValuesParser;
    let cases: Vec<&'static str> = voorwie::views::examples::EXAMPLES
        .iter()
        .map(|e| e.name)
        .collect();
    let mut steps: Vec<clap::builder::PossibleValue> = voorwie::bank::load::embedded_step_ids()
        .into_iter()
        // clap keeps names as &'static str; this runs once, for the script.
        .map(|id| clap::builder::PossibleValue::new(&*Box::leak(id.into_boxed_str())))
        .collect();
    steps.extend(["1", "2", "3", "4", "5"].map(clap::builder::PossibleValue::new));
    let names = move |a: clap::Arg| a.value_parser(PossibleValuesParser::new(cases.clone()));
    let step_values = move |a: clap::Arg| a.value_parser(PossibleValuesParser::new(steps.clone()));
    Cli::command()
        .mut_arg("casus", names.clone())
        .mut_subcommand("start", |c| c.mut_arg("casus", names.clone()))
        .mut_subcommand("voorbeeld", |c| c.mut_arg("naam", names.clone()))
        .mut_subcommand("vergelijk", |c| c.mut_arg("uitwerking", names.clone()))
        .mut_subcommand("continuum", |c| c.mut_arg("stap", step_values))
}

/// Fish lines that complete `voorwie voorbeeld NAAM` (and its alias) with
/// the practice cases and `voorwie continuum STAP` with the step ids.
pub fn fish_positionals() -> String {
    let cases: Vec<&str> = voorwie::views::examples::EXAMPLES
        .iter()
        .map(|e| e.name)
        .collect();
    let steps = voorwie::bank::load::embedded_step_ids().join(" ");
    let mut s = String::new();
    for sub in ["voorbeeld", "example"] {
        s.push_str(&format!(
            "complete -c voorwie -n \"__fish_voorwie_using_subcommand {sub}\" -f -a \"{}\"\n",
            cases.join(" ")
        ));
    }
    s.push_str(&format!(
        "complete -c voorwie -n \"__fish_voorwie_using_subcommand continuum\" -f -a \"{steps}\"\n"
    ));
    s
}

/// The language asked for on the command line (`--taal en`, `--taal=en`),
/// before clap reads it, so that help and usage errors are in it too;
/// otherwise the locale's.
pub fn lang_from_args(args: &[OsString]) -> Lang {
    let mut it = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--taal=") {
            Some(v) => Some(v),
            None if a == "--taal" => it.next(),
            None => continue,
        };
        match value {
            Some("en") => return Lang::En,
            Some("nl") => return Lang::Nl,
            _ => {}
        }
    }
    lang_from_env()
}

/// The command definition with its help in `lang`: Dutch as written
/// above, or English.
pub fn command_in(lang: Lang) -> clap::Command {
    let cmd = Cli::command();
    if lang == Lang::Nl {
        return cmd;
    }
    english(cmd)
}

/// The English help: the same options, their help texts, the templates'
/// headings and the examples in English. The option names stay Dutch.
fn english(cmd: clap::Command) -> clap::Command {
    const TOP: &str = "\
voorwie {version}
{about-with-newline}
Usage: {usage}

Commands:
{subcommands}

Options:
{options}{after-help}";
    const SUB: &str = "\
{about-with-newline}
Usage: {usage}

Options:
{options}{after-help}";
    const SUB_ARGS: &str = "\
{about-with-newline}
Usage: {usage}

Arguments:
{positionals}

Options:
{options}{after-help}";
    const EXIT: &str = "Exit codes:
  0    success
  1    error: a file, the question bank or writing
  2    wrong use: an unknown option, value or command
  130  interrupted (Ctrl-C, terminal closed); the draft is kept";
    let args: &[(&'static str, &'static str)] = &[
        (
            "bank",
            "Another question bank (YAML) instead of the built-in one; it is checked first",
        ),
        (
            "format",
            "Output format: tekst (default; asked for by name, the same plain text on a terminal as in a file), markdown, json, html, or csv (only for overzicht)",
        ),
        (
            "output",
            "Write the output to this file (readable only by you) instead of stdout",
        ),
        ("force", "Overwrite an existing output file"),
        (
            "kleur",
            "Colour: auto (default: only on a terminal, not with NO_COLOR or TERM=dumb), altijd (always) or nooit (never)",
        ),
        (
            "taal",
            "Language: nl (default) or en; without this option voorwie follows LANG (en_* gives English)",
        ),
        (
            "quiet",
            "Quiet: no notices and warnings on stderr (errors still are)",
        ),
        (
            "uitgebreid",
            "The long summary: every reason and the certainty per goal, the gap in detail and the reflection questions",
        ),
        ("help", "Show this help"),
        (
            "version",
            "Show the version (with the version of the built-in question bank)",
        ),
        (
            "antwoorden",
            "Read the answers from a file (YAML or JSON; - is stdin) instead of asking",
        ),
        (
            "snel",
            "Only the short screening (step 1), without going deeper",
        ),
        (
            "hervat",
            "Continue an unfinished session (every answer is saved at once)",
        ),
        (
            "casus",
            "Start from a practice case: the case, the moment and the goals are ready",
        ),
        (
            "beoordelaar",
            "A label for comparing raters (not a name), for example A",
        ),
        (
            "rol",
            "Your role, for comparing per role, for example wijkteam",
        ),
        ("klembord", "Also copy the summary (tekst) to the clipboard"),
    ];
    fn translate_args(
        mut c: clap::Command,
        list: &[(&'static str, &'static str)],
    ) -> clap::Command {
        for (id, help) in list {
            if c.get_arguments().any(|a| a.get_id() == *id) {
                c = c.mut_arg(*id, |a| {
                    let name = a
                        .get_value_names()
                        .and_then(|n| n.first())
                        .map(ToString::to_string)
                        .unwrap_or_else(|| a.get_id().as_str().to_uppercase());
                    let english = match name.as_str() {
                        "BESTAND" => "FILE",
                        "FORMAAT" => "FORMAT",
                        "WANNEER" => "WHEN",
                        "TAAL" => "LANGUAGE",
                        "NAAM" => "NAME",
                        "PAD" => "PATH",
                        "ROL" => "ROLE",
                        "STAP" => "STEP",
                        _ => "",
                    };
                    let a = a.help(*help);
                    if english.is_empty() || !a.get_action().takes_values() {
                        a
                    } else {
                        a.value_name(english)
                    }
                });
            }
        }
        c
    }
    #[allow(clippy::type_complexity)]
    let subs: &[(
        &str,
        &str,
        &str,
        &str,
        &str,
        &[(&'static str, &'static str)],
    )] = &[
        (
            "start",
            SUB,
            "The reflection session (interactive, or with --antwoorden)",
            "voorwie start [OPTIONS]",
            "Examples:
  voorwie start
  voorwie start --snel
  voorwie start --hervat                       (after Ctrl-C or a closed terminal)
  voorwie start --antwoorden session.yaml --format markdown -o summary.md
  voorwie start --antwoorden session.yaml --klembord   (paste into the case file)
  voorwie start --antwoorden session.yaml --format html -o outcome.html",
            &[],
        ),
        (
            "kaart",
            SUB,
            "The pocket card: every question and the five steps, printed on two A5 pages (front and back)",
            "voorwie kaart [OPTIONS]",
            "Examples:
  voorwie kaart
  voorwie kaart --format html -o card.html     (print double-sided)
  voorwie kaart --format markdown -o card.md
  voorwie kaart --format json                  (with question and option ids)",
            &[],
        ),
        (
            "continuum",
            SUB_ARGS,
            "The five steps of the continuum; with STEP one step in depth",
            "voorwie continuum [STEP] [OPTIONS]",
            "Examples:
  voorwie continuum
  voorwie continuum coordinatie
  voorwie continuum 4
  voorwie continuum --format html -o continuum.html",
            &[(
                "stap",
                "segregatie, connectie, coordinatie, cooperatie, integratie (or 1-5)",
            )],
        ),
        (
            "voorbeeld",
            SUB_ARGS,
            "The practice cases; with NAME one case with its outcome",
            "voorwie voorbeeld [NAME] [OPTIONS]",
            "Examples:
  voorwie voorbeeld
  voorwie voorbeeld robin
  voorwie voorbeeld robin --stapsgewijs              (for a room)
  voorwie voorbeeld robin --sjabloon -o robin.yaml   (for students)
  voorwie start --casus robin --beoordelaar A --rol wijkteam

Presenting (--stapsgewijs): Enter or → next, ← back, Home/End, a number
and Enter to go to that slide, q or Esc to stop.",
            &[
                ("naam", "The name of the practice case (see the list)"),
                (
                    "stapsgewijs",
                    "Presentation: the case, then every question with its answer and why, one screen at a time",
                ),
                (
                    "sjabloon",
                    "An empty answers file for this case, to fill in yourself",
                ),
            ],
        ),
        (
            "vergelijk",
            SUB_ARGS,
            "Compare saved sessions: raters of one case, or one case over time",
            "voorwie vergelijk FILE FILE... [OPTIONS]\n       voorwie vergelijk --uitwerking NAME FILE... [OPTIONS]",
            "Examples:
  voorwie vergelijk class/*.yaml                    (raters side by side)
  voorwie vergelijk jan.yaml march.yaml june.yaml   (one case over time)
  voorwie vergelijk team/*.yaml --format markdown -o discussion.md
  voorwie vergelijk --uitwerking robin class/*.yaml (with the worked answer beside them)
  voorwie vergelijk class/*.yaml --format html -o class.html   (as a picture)

Goals are matched by label (case and spaces do not count). Per goal the
suggestion, what is needed and the direction are compared. A rater without
a label is named after its file. When all files are about the same practice
case, voorwie suggests --uitwerking; files about different cases get a
warning; an empty template is refused.",
            &[
                (
                    "bestanden",
                    "Two or more session files (YAML or JSON); with --uitwerking one is enough",
                ),
                (
                    "tijdlijn",
                    "Show as a timeline (default: automatic, from dates and raters)",
                ),
                (
                    "uitwerking",
                    "Put the worked answer of this practice case beside the raters, as a reference (not counted in the spread)",
                ),
            ],
        ),
        (
            "overzicht",
            SUB_ARGS,
            "Overview for organisation and policy across many sessions, without names",
            "voorwie overzicht PATH... [OPTIONS]",
            "Examples:
  voorwie overzicht sessions/
  voorwie overzicht sessions/ --format csv -o overview.csv   (one row per session goal)
  voorwie overzicht team-a/ team-b/ --format markdown

Folders are searched for .yaml, .yml and .json. Files that cannot be read
are reported by name and skipped (-q keeps quiet about them).",
            &[("paden", "Folders and/or session files")],
        ),
        (
            "controleer",
            SUB_ARGS,
            "Check a question bank: every problem with file:line:column",
            "voorwie controleer [BANK] [OPTIONS]",
            "Examples:
  voorwie controleer                    (the built-in bank)
  voorwie controleer my-bank.yaml
  voorwie controleer my-bank.yaml --taal en   (also missing translations)

Exit codes: 0 the bank is fine, 1 there are problems, 2 wrong use.",
            &[("bank", "The question bank (default: the built-in one)")],
        ),
        (
            "completions",
            SUB_ARGS,
            "Write a script for Tab completion in your shell",
            "voorwie completions SHELL",
            "Install:
  bash:        voorwie completions bash > ~/.local/share/bash-completion/completions/voorwie
  zsh:         voorwie completions zsh > ~/.zfunc/_voorwie
               (and in ~/.zshrc: fpath=(~/.zfunc $fpath); autoload -U compinit; compinit)
  fish:        voorwie completions fish > ~/.config/fish/completions/voorwie.fish
  powershell:  voorwie completions powershell >> $PROFILE",
            &[("shell", "bash, zsh, fish or powershell")],
        ),
        (
            "man",
            SUB,
            "Write the manual (man page, roff) to stdout",
            "voorwie man",
            "Install:
  mkdir -p ~/.local/share/man/man1
  voorwie man > ~/.local/share/man/man1/voorwie.1
  man voorwie",
            &[],
        ),
    ];
    let mut cmd = translate_args(cmd, args)
        .about("Reflection checklist 'Voor wie doen we wat?' (for whom do we do what?): how intensively do you work together around a family?")
        .long_about("\
Reflection checklist 'Voor wie doen we wat?' for professionals in youth care
and the social domain. Reflection questions on three levels (family,
professionals, organisation and policy) lead, per request for help, to a
suggestion on the continuum segregation → connection → coordination →
cooperation → integration.

Without a command the interactive session starts. No names are needed.")
        .help_template(TOP)
        .override_usage("voorwie [OPTIONS]\n       voorwie COMMAND [OPTIONS]")
        .after_help(format!(
            "Examples:
  voorwie                                     interactive session
  voorwie start --snel                        only the short screening
  voorwie start --antwoorden session.yaml     summary from an answers file
  voorwie kaart --format html -o card.html    the pocket card to print
  voorwie continuum coordinatie               one step of the continuum in detail
  voorwie voorbeeld robin                     look at a practice case
  voorwie controleer my-bank.yaml             check a question bank

More help with a command: voorwie COMMAND --help.
Notices go to stderr, output to stdout.

{EXIT}"
        ));
    for (name, template, about, usage, after, sub_args) in subs {
        let after = if *name == "start" {
            format!("{after}\n\n{EXIT}")
        } else {
            (*after).to_owned()
        };
        cmd = cmd.mut_subcommand(*name, |c| {
            let c = translate_args(c, args);
            translate_args(c, sub_args)
                .about(*about)
                .help_template(*template)
                .override_usage(*usage)
                .after_help(after)
        });
    }
    cmd
}

impl Cli {
    /// A session option before a subcommand (`voorwie --snel kaart`), as a
    /// Dutch usage error. The session's options sit at the top so that plain
    /// `voorwie --snel` works; clap then accepts them before any subcommand,
    /// where they would be ignored. The shared options (`-q`, `--taal`,
    /// `--format`, ...) may stand before or after the subcommand.
    ///
    /// Also: `vergelijk` with one file and no `--uitwerking` (clap cannot
    /// say "two files, or one with --uitwerking").
    pub fn misplaced_option(&self, args: &[OsString]) -> Option<String> {
        if let Some(Cmd::Vergelijk {
            bestanden,
            uitwerking: None,
            ..
        }) = &self.command
            && bestanden.len() < 2
        {
            return Some(match self.lang() {
                Lang::Nl => "voorwie: <BESTAND>: te weinig waarden (er zijn er minstens 2 nodig, of 1 met --uitwerking NAAM)\n\
                     Gebruik: voorwie vergelijk BESTAND BESTAND... [OPTIES]\n         voorwie vergelijk --uitwerking NAAM BESTAND... [OPTIES]\n\
                     Meer hulp: voorwie vergelijk --help"
                    .to_owned(),
                Lang::En => "voorwie: <FILE>: too few values (at least 2 needed, or 1 with --uitwerking NAME)\n\
                     Usage: voorwie vergelijk FILE FILE... [OPTIONS]\n       voorwie vergelijk --uitwerking NAME FILE... [OPTIONS]\n\
                     More help: voorwie vergelijk --help"
                    .to_owned(),
            });
        }
        self.command.as_ref()?;
        let option = self.start.first_given()?;
        let sub = typed_subcommand(args)?;
        Some(match (sub == "start", self.lang()) {
            (true, Lang::Nl) => format!(
                "voorwie: {option} hoort na de opdracht: voorwie start {option}\nMeer hulp: voorwie start --help"
            ),
            (true, Lang::En) => format!(
                "voorwie: {option} belongs after the command: voorwie start {option}\nMore help: voorwie start --help"
            ),
            (false, Lang::Nl) => format!(
                "voorwie: {option} hoort bij de sessie (voorwie start), niet bij voorwie {sub}\nMeer hulp: voorwie {sub} --help"
            ),
            (false, Lang::En) => format!(
                "voorwie: {option} belongs to the session (voorwie start), not to voorwie {sub}\nMore help: voorwie {sub} --help"
            ),
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
                uitwerking,
            }) => Command::Compare {
                files: bestanden,
                timeline: tijdlijn,
                reference: uitwerking,
            },
            Some(Cmd::Completions { shell }) => {
                return Action::Completions(match shell {
                    ShellArg::Bash => clap_complete::Shell::Bash,
                    ShellArg::Zsh => clap_complete::Shell::Zsh,
                    ShellArg::Fish => clap_complete::Shell::Fish,
                    ShellArg::Powershell => clap_complete::Shell::PowerShell,
                });
            }
            Some(Cmd::Man) => return Action::Man(lang),
        };
        Action::Run(Config {
            command,
            bank: self.common.bank,
            format_given: self.common.format.is_some(),
            format: match self.common.format.unwrap_or(FormatArg::Tekst) {
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

/// A clap error in the user's language (Dutch, or English with `--taal en`
/// or an English locale), with a hint where clap has one. clap's own
/// messages cannot be translated through its API, so they are written here.
pub fn usage_error(e: &clap::Error, args: &[OsString], lang: Lang) -> String {
    let t = |nl: &'static str, en: &'static str| if lang == Lang::En { en } else { nl };
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
                format!("{arg} {}", t("heeft een waarde nodig", "needs a value"))
            } else if valid.is_empty() {
                format!(
                    "'{value}' {} {arg}",
                    t("is geen geldige waarde voor", "is not a valid value for")
                )
            } else {
                format!(
                    "'{value}' {} {arg}; {}: {valid}",
                    t("is geen geldige waarde voor", "is not a valid value for"),
                    t("kies uit", "choose from")
                )
            }
        }
        ErrorKind::UnknownArgument => format!(
            "{} '{arg}'",
            t("onbekende optie of argument", "unknown option or argument")
        ),
        ErrorKind::InvalidSubcommand => {
            format!(
                "{} '{}'",
                t("onbekende opdracht", "unknown command"),
                get(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::ArgumentConflict => {
            let other = get(ContextKind::PriorArg);
            if other.is_empty() {
                format!(
                    "{arg} {}",
                    t(
                        "kan hier niet samen met andere opties",
                        "cannot be used with other options here"
                    )
                )
            } else {
                format!(
                    "{arg} {} {other}",
                    t("kan niet samen met", "cannot be used with")
                )
            }
        }
        ErrorKind::MissingRequiredArgument => {
            format!("{}: {arg}", t("er ontbreekt", "missing"))
        }
        ErrorKind::MissingSubcommand => {
            t("er ontbreekt een opdracht", "a command is missing").to_owned()
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let n = get(ContextKind::MinValues);
            let n = if n.is_empty() {
                t("meer", "more").to_owned()
            } else {
                n
            };
            format!(
                "{arg}: {} {n} {}",
                t(
                    "te weinig waarden (er zijn er minstens",
                    "too few values (at least"
                ),
                t("nodig)", "needed)")
            )
        }
        ErrorKind::TooManyValues => {
            format!(
                "{arg}: {} ('{value}')",
                t("te veel waarden", "too many values")
            )
        }
        ErrorKind::NoEquals => format!(
            "{arg} {}",
            t("verwacht een waarde met '='", "expects a value with '='")
        ),
        ErrorKind::ValueValidation => format!(
            "'{value}' {} {arg}",
            t("is geen geldige waarde voor", "is not a valid value for")
        ),
        ErrorKind::InvalidUtf8 => t(
            "een argument is geen geldige UTF-8-tekst",
            "an argument is not valid UTF-8 text",
        )
        .to_owned(),
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
        msg.push_str(&format!(
            "\n  tip: {} {suggestion}?",
            t("bedoel je", "did you mean")
        ));
    } else if !suggested_cmd.is_empty() {
        let options = suggested_cmd.replace(", ", t(" of ", " or "));
        msg.push_str(&format!(
            "\n  tip: {} {options}?",
            t("bedoel je", "did you mean")
        ));
    } else if e.kind() == ErrorKind::InvalidSubcommand
        && get(ContextKind::InvalidSubcommand) == "help"
    {
        msg.push_str(t(
            "\n  tip: gebruik voorwie --help",
            "\n  tip: use voorwie --help",
        ));
    }
    // The usage line clap gives (none with some errors, such as a wrong
    // value), and the help of the subcommand that was typed:
    // `voorwie vergelijk a.yaml` points to `voorwie vergelijk --help`.
    let usage = get(ContextKind::Usage);
    let usage = usage.trim_start_matches("Usage: ").trim_end();
    let help = match typed_subcommand(args) {
        Some(sub) => format!("voorwie {sub} --help"),
        None if usage.is_empty() => t(
            "voorwie --help (of voorwie OPDRACHT --help)",
            "voorwie --help (or voorwie COMMAND --help)",
        )
        .to_owned(),
        None => "voorwie --help".to_owned(),
    };
    if usage.is_empty() {
        format!("voorwie: {msg}\n{}: {help}", t("Meer hulp", "More help"))
    } else {
        // "Gebruik: " is two characters wider than clap's "Usage: ".
        let (word, indent) = t("Gebruik|\n         ", "Usage|\n       ")
            .split_once('|')
            .unwrap_or_default();
        let usage = usage.replace("\n       ", indent);
        format!(
            "voorwie: {msg}\n{word}: {usage}\n{}: {help}",
            t("Meer hulp", "More help")
        )
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
