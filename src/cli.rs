//! The command line: subcommands, options and their Dutch help texts. This
//! is the only place that knows clap; it produces a plain [`Config`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use voorwie::config::{ColorChoice, Command, Config};
use voorwie::interview::Depth;
use voorwie::render::Format;

const ABOUT: &str =
    "Reflectiechecklist 'Voor wie doen we wat?': hoe intensief werk je samen rond een gezin?";

const LONG_ABOUT: &str = "\
Reflectiechecklist 'Voor wie doen we wat?' voor professionals in jeugdhulp en
sociaal domein. Reflectievragen op drie niveaus (gezin, professionals,
organisatie en beleid) leiden per hulpvraag tot een suggestie op het continuüm
segregatie → connectie → coördinatie → coöperatie → integratie.

Zonder subcommando start de interactieve sessie.";

const AFTER_HELP: &str = "\
Voorbeelden:
  voorwie                                  interactieve sessie
  voorwie start --snel                     alleen de korte screening
  voorwie start --antwoorden sessie.yaml   samenvatting uit een antwoordenbestand
  voorwie kaart > kaart.txt                de zakkaart als tekst
  voorwie continuum coordinatie            één stap van het continuüm in detail
  voorwie voorbeeld robin                  een praktijkvoorbeeld bekijken
  voorwie controleer mijn-bank.yaml        een vragenbank controleren

Exitcodes: 0 gelukt, 1 fout, 2 verkeerd gebruik.";

#[derive(Debug, Parser)]
#[command(
    name = "voorwie",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true,
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,

    #[command(flatten)]
    start: StartArgs,

    #[command(flatten)]
    common: Common,
}

#[derive(Debug, Args)]
struct Common {
    /// Een andere vragenbank (YAML) in plaats van de ingebouwde
    #[arg(long, global = true, value_name = "BESTAND")]
    bank: Option<PathBuf>,

    /// Uitvoerformaat
    #[arg(long, global = true, value_enum, default_value_t = FormatArg::Tekst)]
    format: FormatArg,

    /// Schrijf de uitvoer naar dit bestand (alleen voor jou leesbaar)
    #[arg(short = 'o', long = "uitvoer", global = true, value_name = "BESTAND")]
    output: Option<PathBuf>,

    /// Overschrijf een bestaand uitvoerbestand
    #[arg(long, global = true)]
    force: bool,

    /// Kleur: auto (alleen op een terminal, niet met NO_COLOR), altijd of nooit
    #[arg(long, global = true, value_enum, default_value_t = KleurArg::Auto, value_name = "WANNEER")]
    kleur: KleurArg,
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
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// De reflectiesessie (interactief, of met --antwoorden)
    #[command(
        after_help = "Voorbeelden:\n  voorwie start\n  voorwie start --snel\n  voorwie start --antwoorden sessie.yaml --format markdown -o samenvatting.md"
    )]
    Start(StartArgs),

    /// De zakkaart: alle vragen en de vijf stappen op één A4
    #[command(
        visible_alias = "card",
        after_help = "Voorbeelden:\n  voorwie kaart\n  voorwie kaart --format markdown -o kaart.md\n  voorwie kaart --format json   (met vraag- en optie-ids)"
    )]
    Kaart,

    /// De vijf stappen van het continuüm; met STAP één stap in detail
    #[command(
        after_help = "Voorbeelden:\n  voorwie continuum\n  voorwie continuum coordinatie\n  voorwie continuum 4"
    )]
    Continuum {
        /// segregatie, connectie, coordinatie, cooperatie, integratie (of 1-5)
        stap: Option<String>,
    },

    /// De praktijkvoorbeelden; met NAAM één voorbeeld met uitkomst
    #[command(
        visible_alias = "example",
        after_help = "Voorbeelden:\n  voorwie voorbeeld\n  voorwie voorbeeld robin\n  voorwie voorbeeld robin --stapsgewijs        (voor een zaal)\n  voorwie voorbeeld robin --sjabloon -o robin.yaml   (voor studenten)\n  voorwie start --casus robin --beoordelaar A --rol wijkteam"
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
        after_help = "Voorbeelden:\n  voorwie vergelijk klas/*.yaml                 (beoordelaars naast elkaar)\n  voorwie vergelijk jan.yaml maart.yaml juni.yaml   (één casus in de tijd)\n  voorwie vergelijk team/*.yaml --format markdown -o bespreking.md\n\nDoelen worden op label gekoppeld (hoofdletters en spaties tellen niet)."
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
        after_help = "Voorbeelden:\n  voorwie overzicht sessies/\n  voorwie overzicht sessies/ --format csv -o overzicht.csv   (één regel per sessie-doel)\n  voorwie overzicht team-a/ team-b/ --format markdown\n\nMappen worden doorzocht op .yaml, .yml en .json. Bestanden die niet te lezen zijn\nworden bij naam gemeld en overgeslagen."
    )]
    Overzicht {
        /// Mappen en/of sessiebestanden
        #[arg(required = true, value_name = "PAD")]
        paden: Vec<PathBuf>,
    },

    /// Controleer een vragenbank: elk probleem met bestand:regel:kolom
    #[command(
        visible_alias = "check",
        after_help = "Voorbeelden:\n  voorwie controleer            (de ingebouwde bank)\n  voorwie controleer mijn-bank.yaml"
    )]
    Controleer {
        /// De vragenbank (standaard: de ingebouwde)
        bank: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    #[value(alias = "text")]
    Tekst,
    #[value(alias = "md")]
    Markdown,
    Json,
    /// Alleen bij overzicht
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum KleurArg {
    Auto,
    #[value(alias = "always")]
    Altijd,
    #[value(alias = "never")]
    Nooit,
}

impl StartArgs {
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

impl Cli {
    /// The plain configuration the library runs.
    pub fn into_config(self) -> Config {
        let command = match self.command {
            None => self.start.into_command(),
            Some(Cmd::Start(a)) => a.into_command(),
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
        };
        Config {
            command,
            bank: self.common.bank,
            format: match self.common.format {
                FormatArg::Tekst => Format::Text,
                FormatArg::Markdown => Format::Markdown,
                FormatArg::Json => Format::Json,
                FormatArg::Csv => Format::Csv,
            },
            output: self.common.output,
            force: self.common.force,
            color: match self.common.kleur {
                KleurArg::Auto => ColorChoice::Auto,
                KleurArg::Altijd => ColorChoice::Always,
                KleurArg::Nooit => ColorChoice::Never,
            },
        }
    }
}
