//! The question bank: questions, answer options with anchors, weights, rules
//! and the five-step continuum, exactly as a content expert writes them in
//! `data/bank.yaml`.
//!
//! The model is plain data. Field names are English in code and Dutch in the
//! YAML (`#[serde(rename)]`), so the file stays in the language of the people
//! who edit it. Anything that `controleer` must report with a place is
//! [`Located`]; anything it must report as *missing* is an `Option`, so that
//! loading does not stop at the first omission.
//!
//! Beside the model: [`load`] reads the embedded bank or a bank file, and
//! [`check`] says whether a bank adds up (`voorwie controleer`), with the
//! texts that still lack a translation. The bank builds on `base` only.

pub mod check;
pub mod load;
pub(crate) mod text_fields;
pub(crate) mod translations;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::base::located::Located;
use crate::base::text::Text;

/// The embedded default bank, as shipped in `data/bank.yaml`.
pub const DEFAULT_BANK_YAML: &str = include_str!("../../data/bank.yaml");

/// The name under which the embedded bank is reported in messages.
pub(crate) const DEFAULT_BANK_NAME: &str = "data/bank.yaml (ingebouwd)";

/// Ids of the five continuum steps, in order. They are part of the
/// command-line contract (JSON `advies.stap`) and never change.
pub(crate) const STEP_IDS: [&str; 5] = [
    "segregatie",
    "connectie",
    "coordinatie",
    "cooperatie",
    "integratie",
];

/// Ids of the three levels of the instrument, in order.
pub(crate) const LEVEL_IDS: [&str; 3] = ["gezin", "professionals", "organisatie"];

/// The level whose answers describe what is *possible*, never what is needed.
pub(crate) const ORGANISATION_LEVEL: &str = "organisatie";

/// Reserved answer id: the user does not know.
pub(crate) const DONT_KNOW: &str = "weet_niet";

/// Reserved answer id: the user skipped the question.
pub(crate) const SKIPPED: &str = "overgeslagen";

/// Ids of the directions; part of the JSON contract (`richting`). The first
/// four were there from the start; the others extend the list.
pub(crate) const DIRECTION_IDS: [&str; 7] = [
    "opschalen",
    "afschalen",
    "passend",
    "eerst_afstemmen",
    "lichter_dan_overwogen",
    "verbeter_afstemming",
    "onbekend",
];

/// Ids of the sentences the outcome needs from [`Bank::texts`]; `voorwie
/// controleer` reports every one that is missing.
pub(crate) const TEXT_IDS: [&str; 44] = [
    "hoger_niet_beter",
    "nu_niemand",
    "nu_onbekend",
    "nu_een",
    "een_professional",
    "starten",
    "starten_uitleg",
    "nu_onbekend_actie",
    "mogelijk_ja",
    "mogelijk_later",
    "mogelijk_altijd",
    "mogelijk_onbekend",
    "mogelijk_onbekend_actie",
    "kloof",
    "kloof_eerst",
    "kloof_later",
    "kloof_later_neerleggen",
    "kloof_neerleggen_onbekend",
    "zekerheid_alles_bekend",
    "zekerheid_vast_een",
    "zekerheid_vast_meer",
    "zekerheid_zwaarder_een",
    "zekerheid_zwaarder_meer",
    "zekerheid_doelen",
    "bereik",
    "te_weinig",
    "geen_doelen",
    "reden_basis",
    "reden_basis_onbekend",
    "reden_zwaarder",
    "reden_zwaarder_meer",
    "reden_lichter",
    "reden_grens_hoog",
    "reden_grens_laag",
    "reden_gezin",
    "reden_licht",
    "afschalen_titel",
    "afschalen_behaald",
    "afschalen_niet_behaald",
    "afschalen_overig",
    "afschalen_naar",
    "afschalen_overname",
    "afschalen_signaal",
    "nog_niet_afschalen",
];

/// The current step values an option's `huidig` may hold besides step ids.
pub(crate) const NOW_NOBODY: &str = "niemand";
/// One professional works alone: no collaboration at issue.
pub(crate) const NOW_SINGLE: &str = "een";
/// In conditions (`nu: [onbekend]`) and in `is` lists: weet ik niet,
/// skipped, or not answered.
pub(crate) const UNKNOWN: &str = "onbekend";
/// In `maximaal` and `eerst`: the current step of the goal.
pub(crate) const NOW: &str = "nu";

/// A whole question bank.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    pub id: Located<String>,
    #[serde(rename = "versie")]
    pub version: Located<String>,
    #[serde(rename = "naam")]
    pub name: Text,
    #[serde(rename = "beschrijving", default)]
    pub description: Option<Text>,
    #[serde(rename = "bronnen", default)]
    pub sources: Vec<Source>,
    #[serde(rename = "niveaus")]
    pub levels: Vec<Level>,
    #[serde(rename = "momenten")]
    pub moments: Vec<Moment>,
    /// Domains (jeugd, volwassenen, werk & inkomen) that decide which
    /// example forms fit a goal.
    #[serde(rename = "domeinen", default)]
    pub domains: Vec<Domain>,
    #[serde(rename = "continuum_uitleg", default)]
    pub continuum_intro: Option<Text>,
    pub continuum: Located<Vec<Step>>,
    #[serde(rename = "richtingen")]
    pub directions: Vec<Direction>,
    /// The fixed sentences of the outcome, by id (see [`TEXT_IDS`]): content,
    /// so a content expert can change them.
    #[serde(rename = "teksten", default)]
    pub texts: IndexMap<Located<String>, Text>,
    /// The reflection prompts shown under every outcome.
    #[serde(rename = "reflectie", default)]
    pub reflection: Vec<Text>,
    #[serde(rename = "startvraag")]
    pub start_question: Question,
    #[serde(rename = "vragen")]
    pub questions: Vec<Question>,
    pub scoring: Scoring,
    /// Question id → position in [`Bank::all_questions`]; built by
    /// [`Bank::index_questions`] after loading, because scoring looks
    /// questions up by id many times per session.
    #[serde(skip)]
    index: rustc_hash::FxHashMap<String, usize>,
}

/// A source document that questions cite in `bron`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Located<String>,
    #[serde(rename = "titel")]
    pub title: Text,
    /// A short citation for one line of a summary ("Heek & Nooteboom
    /// (2023), Voor wie doen we wat?").
    #[serde(rename = "kort", default)]
    pub short: Option<Text>,
}

/// One of the three levels (gezin, professionals, organisatie en beleid).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: Located<String>,
    #[serde(rename = "naam")]
    pub name: Text,
    #[serde(rename = "uitleg", default)]
    pub explanation: Option<Text>,
}

/// A key moment at which the tool is used (nieuwe aanmelding, evaluatie, ...).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Moment {
    pub id: Located<String>,
    #[serde(rename = "naam")]
    pub name: Text,
    #[serde(rename = "uitleg", default)]
    pub explanation: Option<Text>,
}

/// A domain of work (jeugd en gezin, volwassenen, werk en inkomen): when it
/// applies to a goal, the example forms tagged with it are shown.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub id: Located<String>,
    #[serde(rename = "naam")]
    pub name: Text,
    /// All must hold (per goal).
    #[serde(rename = "als", default)]
    pub when: Vec<Condition>,
}

/// An example form of a continuum step, with where it fits. A form without
/// domains or moments fits everywhere.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    #[serde(rename = "tekst")]
    pub text: Text,
    /// Shown only when one of these domains applies to the goal.
    #[serde(rename = "domeinen", default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<Located<String>>,
    /// Shown only at these moments.
    #[serde(rename = "momenten", default, skip_serializing_if = "Vec::is_empty")]
    pub moments: Vec<Located<String>>,
}

/// One step of the continuum of integrated working.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: Located<String>,
    #[serde(rename = "naam")]
    pub name: Text,
    #[serde(rename = "volledige_naam", default)]
    pub full_name: Option<Text>,
    #[serde(rename = "intensiteit")]
    pub intensity: Text,
    /// One line, for the pocket card and the table.
    #[serde(rename = "kort")]
    pub short: Text,
    #[serde(rename = "uitleg")]
    pub explanation: Text,
    #[serde(rename = "vormen")]
    pub forms: Vec<Form>,
    #[serde(rename = "voorbeelden", default)]
    pub examples: Vec<Text>,
    /// How this step differs from its neighbours.
    #[serde(rename = "verschil", default)]
    pub difference: Option<Text>,
    #[serde(rename = "bron", default)]
    pub source: Option<Located<String>>,
}

/// The name and explanation of a direction (opschalen, afschalen, ...).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Direction {
    pub id: Located<String>,
    #[serde(rename = "naam")]
    pub name: Text,
    /// `{stap}`, `{nodig}`, `{nu}` and `{overwogen}` are filled in.
    #[serde(rename = "uitleg")]
    pub explanation: Text,
    /// An action point for every goal with this direction; `{doel}` and the
    /// fields of [`Direction::explanation`] are filled in.
    #[serde(rename = "actie", default)]
    pub action: Option<Text>,
}

/// Step 1 (short screening) or step 2 (deepening).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum Phase {
    #[serde(rename = "screening")]
    Screening,
    #[serde(rename = "verdieping")]
    Deepening,
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum Kind {
    /// Ja / nee (and weet ik niet).
    #[serde(rename = "janee")]
    YesNo,
    /// Choose one option.
    #[serde(rename = "keuze")]
    Choice,
    /// Choose one point on a scale; every option has an anchor.
    #[serde(rename = "schaal")]
    Scale,
    /// Choose several options.
    #[serde(rename = "meerkeuze")]
    Multi,
    /// Short free text.
    #[serde(rename = "tekst")]
    FreeText,
    /// Put the goals in order of priority.
    #[serde(rename = "volgorde")]
    Order,
}

impl Kind {
    /// Whether answers are option ids (and so options, weights and
    /// "weet ik niet" apply).
    pub(crate) fn has_options(self) -> bool {
        matches!(self, Kind::YesNo | Kind::Choice | Kind::Scale | Kind::Multi)
    }

    /// The YAML name of a question type (`janee`, `keuze`, ...).
    pub(crate) fn id(self) -> &'static str {
        match self {
            Kind::YesNo => "janee",
            Kind::Choice => "keuze",
            Kind::Scale => "schaal",
            Kind::Multi => "meerkeuze",
            Kind::FreeText => "tekst",
            Kind::Order => "volgorde",
        }
    }
}

/// A reflection question.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Located<String>,
    #[serde(rename = "niveau")]
    pub level: Located<String>,
    #[serde(rename = "fase", default)]
    pub phase: Option<Located<Phase>>,
    #[serde(rename = "per_doel", default)]
    pub per_goal: bool,
    #[serde(rename = "type")]
    pub kind: Located<Kind>,
    #[serde(rename = "tekst")]
    pub text: Text,
    /// A short form, for the pocket card and for reasons.
    #[serde(rename = "kort", default)]
    pub short: Option<Text>,
    /// What an answer to this question is about, as it reads inside a
    /// reason ("draagkracht en draaglast" → "Zwaarder door draagkracht en
    /// draaglast (draaglast groter)"). Without it the short form is used.
    #[serde(rename = "onderwerp", default)]
    pub subject: Option<Text>,
    /// The "meer informatie" help text.
    #[serde(rename = "info", default)]
    pub info: Option<Text>,
    /// What to find out when the answer is "weet ik niet".
    #[serde(rename = "zoek_uit", default)]
    pub find_out: Option<Text>,
    #[serde(rename = "bron", default)]
    pub source: Option<Located<String>>,
    /// Ask only when all these conditions hold.
    #[serde(rename = "toon_als", default)]
    pub show_if: Vec<Condition>,
    /// For `volgorde`: whose order this is (gezin or hulpverlening).
    #[serde(rename = "perspectief", default)]
    pub perspective: Option<Located<String>>,
    /// Headings under which the options are shown (`groep` of an option).
    #[serde(rename = "groepen", default)]
    pub groups: Vec<OptionGroup>,
    #[serde(rename = "opties", default)]
    pub options: Vec<AnswerOption>,
    /// For `meerkeuze`: points by the number of options chosen.
    #[serde(rename = "telling", default)]
    pub tiers: Vec<Tier>,
}

impl Question {
    /// The short form, or the full text when there is none.
    pub(crate) fn short_text(&self) -> &Text {
        self.short.as_ref().unwrap_or(&self.text)
    }

    pub(crate) fn phase(&self) -> Phase {
        self.phase.as_ref().map_or(Phase::Screening, |p| p.value)
    }

    pub(crate) fn option(&self, id: &str) -> Option<&AnswerOption> {
        self.option_index(id).map(|i| &self.options[i])
    }

    /// The option with this id, or the one that replaces it (`vervangt`),
    /// so that files made with an older bank still read.
    pub(crate) fn option_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id).or_else(|| {
            self.options
                .iter()
                .position(|o| o.replaces.iter().any(|r| r.value == id))
        })
    }

    /// Whether this question describes what is possible (organisatie &
    /// beleid) rather than what is needed.
    pub fn is_organisational(&self) -> bool {
        self.level.value == ORGANISATION_LEVEL
    }
}

/// A heading for options of a long list (`groepen`).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OptionGroup {
    pub id: Located<String>,
    #[serde(rename = "naam")]
    pub name: Text,
}

/// One answer option of a question.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub id: Located<String>,
    /// The heading (`groepen`) it is shown under.
    #[serde(rename = "groep", default)]
    pub group: Option<Located<String>>,
    /// Older ids that now mean this option.
    #[serde(rename = "vervangt", default)]
    pub replaces: Vec<Located<String>>,
    /// Cannot be chosen together with other options (`geen belemmering`).
    #[serde(rename = "exclusief", default)]
    pub exclusive: bool,
    #[serde(default)]
    pub label: Option<Text>,
    /// The concrete meaning of this answer ("wat is zwaar?").
    #[serde(rename = "anker", default)]
    pub anchor: Option<Text>,
    /// Points toward the needed intensity.
    #[serde(rename = "gewicht", default)]
    pub weight: Option<Located<i32>>,
    /// An action point added when this option is chosen.
    #[serde(rename = "actie", default)]
    pub action: Option<Text>,
    /// For the kind-of-question question (`scoring.basis`): the step a goal
    /// starts at.
    #[serde(rename = "basis", default)]
    pub base: Option<Located<String>>,
    /// With `basis`: the lightest and heaviest step the other answers may
    /// move the goal to.
    #[serde(rename = "grenzen", default)]
    pub bounds: Option<Located<Vec<Located<String>>>>,
    /// The current continuum step this answer stands for, or `niemand` /
    /// `een`.
    #[serde(rename = "huidig", default)]
    pub current: Option<Located<String>>,
    /// The step of a form that is being considered (`overwogen`).
    #[serde(rename = "overwogen", default)]
    pub considered: Option<Located<String>>,
    /// The heaviest step that is possible when this answer is given.
    #[serde(rename = "mogelijk_tot", default)]
    pub possible_up_to: Option<Located<String>>,
    /// Where a gap between needed and possible lies, and where to take it.
    #[serde(rename = "kloof", default)]
    pub gap: Option<GapSource>,
    /// How many this option counts for in counts and breadth (default 1).
    #[serde(rename = "telt", default)]
    pub counts: Option<u32>,
}

impl AnswerOption {
    /// What the user reads for this option: its label in `lang`, or its id
    /// when it has none, safe to print.
    pub(crate) fn label_in(&self, lang: crate::base::text::Lang) -> String {
        crate::base::sanitize::line(
            self.label
                .as_ref()
                .map_or(self.id.value.as_str(), |l| l.get(lang)),
        )
    }

    pub(crate) fn weight(&self) -> i32 {
        self.weight.as_ref().map_or(0, |w| w.value)
    }

    pub fn count_value(&self) -> u32 {
        self.counts.unwrap_or(1)
    }
}

/// Where a gap between needed and possible lies.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GapSource {
    /// `organisatie` or `beleid`.
    #[serde(rename = "niveau")]
    pub level: Located<String>,
    /// Where to take it.
    #[serde(rename = "neerleggen")]
    pub take_to: Text,
}

/// Points from a count (of options chosen, or a product of counts).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    #[serde(rename = "vanaf")]
    pub from: u32,
    #[serde(rename = "gewicht")]
    pub weight: Located<i32>,
}

/// The weight of the highest tier reached by `count`.
pub(crate) fn tier_weight(tiers: &[Tier], count: u32) -> i32 {
    tiers
        .iter()
        .filter(|t| count >= t.from)
        .max_by_key(|t| t.from)
        .map_or(0, |t| t.weight.value)
}

/// How answers become a suggestion (see `docs/advies.md`).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// The question whose options carry `basis` and `grenzen`: the kind of
    /// question a goal is.
    #[serde(rename = "basis")]
    pub base: Located<String>,
    /// How many points shift a goal how many steps.
    #[serde(rename = "verschuiving", default)]
    pub shifts: Vec<Shift>,
    /// The points from answers about the family as a whole are kept within
    /// this range.
    #[serde(rename = "gezin")]
    pub family: FamilyRange,
    /// Below this share of core questions answered, the suggestion rests on
    /// too little.
    #[serde(rename = "te_weinig_onder", default = "default_too_few")]
    pub too_few_below: f64,
    #[serde(rename = "combinaties", default)]
    pub combinations: Vec<Combination>,
    #[serde(rename = "ontbrekend", default)]
    pub missing: Option<MissingParties>,
    /// When a goal counts as reached (afschalen, and the timeline of
    /// `vergelijk`).
    #[serde(rename = "behaald", default)]
    pub reached: Option<Condition>,
    /// When a goal was a reason the family got stuck.
    #[serde(rename = "vastgelopen", default)]
    pub stuck: Option<Condition>,
    /// The question "who takes over", for the afschalen summary.
    #[serde(rename = "overname", default)]
    pub takeover: Option<Located<String>>,
    #[serde(rename = "regels", default)]
    pub rules: Vec<Rule>,
}

fn default_too_few() -> f64 {
    0.5
}

/// From (or up to) how many points a goal shifts by `stappen` steps.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Shift {
    /// At least this many points (a shift up).
    #[serde(rename = "vanaf", default)]
    pub from: Option<Located<i32>>,
    /// At most this many points (a shift down).
    #[serde(rename = "tot", default)]
    pub to: Option<Located<i32>>,
    #[serde(rename = "stappen")]
    pub steps: Located<i32>,
}

/// The least and most points the family-wide answers add to a goal.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyRange {
    pub min: Located<i32>,
    pub max: Located<i32>,
    /// A lower `max` for goals whose professionals do not depend on each
    /// other (the goal's base at or below `tot`, usually connectie): a heavy
    /// family as a whole must not make a goal where information is enough
    /// into a coordination goal (seed 003, Hoofdstuk 3: per hulpvraag its
    /// own intensity). Without it, `max` holds for every goal.
    #[serde(rename = "licht", default)]
    pub light: Option<LightGoals>,
}

/// The family-point limit for goals that need little collaboration.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LightGoals {
    /// Goals whose base is this step or lighter (a step id).
    #[serde(rename = "tot")]
    pub up_to: Located<String>,
    /// The most points the family as a whole adds to such a goal.
    pub max: Located<i32>,
}

impl FamilyRange {
    /// The most points the family as a whole adds to a goal whose base is
    /// step `base` (an index on the continuum).
    pub(crate) fn max_for(&self, bank: &Bank, base: usize) -> i32 {
        let light = self.light.as_ref().filter(|l| {
            bank.step_index(&l.up_to.value)
                .is_some_and(|tot| base <= tot)
        });
        light.map_or(self.max.value, |l| l.max.value.min(self.max.value))
    }
}

/// Points from the product of the counts of several multi-choice questions,
/// such as breadth: family members × leefgebieden.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Combination {
    pub id: Located<String>,
    #[serde(rename = "naam")]
    pub name: Text,
    #[serde(rename = "vermenigvuldig")]
    pub multiply: Vec<Located<String>>,
    /// How the combination reads inside a reason, with each factor filled
    /// in by the id of its question ("problemen bij {problematiek_bij}
    /// gezinsleden op {leefgebieden} leefgebieden"). Without it: the name
    /// and the product.
    #[serde(rename = "onderwerp", default)]
    pub subject: Option<Text>,
    #[serde(rename = "treden")]
    pub tiers: Vec<Tier>,
}

/// Compares who is needed per goal with who is involved, and names who is
/// missing as an action point.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MissingParties {
    #[serde(rename = "nodig")]
    pub needed: Located<String>,
    #[serde(rename = "betrokken")]
    pub involved: Located<String>,
    /// Action text; `{doel}` and `{lijst}` are filled in.
    #[serde(rename = "actie")]
    pub action: Text,
    /// Questions whose action points this one makes superfluous ("betrek
    /// de partijen die nog ontbreken"): they are left out when it is shown.
    #[serde(rename = "vervangt", default)]
    pub replaces: Vec<Located<String>>,
}

/// A rule: when all conditions hold, its effect applies and its reason is
/// shown. Rules are evaluated per goal.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: Located<String>,
    /// `doel` (the default: evaluated per goal) or `casus` (once, for the
    /// case as a whole).
    #[serde(rename = "voor", default)]
    pub scope: Option<Located<String>>,
    #[serde(rename = "als")]
    pub when: Vec<Condition>,
    #[serde(rename = "dan")]
    pub then: Effect,
    #[serde(rename = "reden")]
    pub reason: Text,
}

impl Rule {
    /// Whether the rule is evaluated once for the case (`voor: casus`).
    pub fn for_case(&self) -> bool {
        self.scope.as_ref().is_some_and(|s| s.value == "casus")
    }
}

/// What a rule does.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    /// The need is at least this step.
    #[serde(rename = "minimaal", default)]
    pub minimum: Option<Located<String>>,
    /// This floor wins over every maximum (safety).
    #[serde(rename = "voorrang", default)]
    pub priority: bool,
    /// The need is at most this step, or `nu`: the current step.
    #[serde(rename = "maximaal", default)]
    pub maximum: Option<Located<String>>,
    /// Sets the direction (e.g. `eerst_afstemmen`).
    #[serde(rename = "richting", default)]
    pub direction: Option<Located<String>>,
    /// What to do first, before the full need is taken up: a step, or `nu`
    /// (stay where you are).
    #[serde(rename = "eerst", default)]
    pub first: Option<Located<String>>,
    /// An action point; `{doel}` is filled in.
    #[serde(rename = "actie", default)]
    pub action: Option<Text>,
}

/// One condition of a rule or of `toon_als`. Exactly one subject is set:
/// `vraag`, `moment`, `nodig_vanaf`, `nodig_tot`, `overwogen_vanaf`, `nu`
/// or `een_van`.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    #[serde(rename = "vraag", default)]
    pub question: Option<Located<String>>,
    /// The answer is one of these option ids (`weet_niet` allowed).
    #[serde(rename = "is", default)]
    pub is: Option<Vec<Located<String>>>,
    /// There is a concrete answer, and it is none of these.
    #[serde(rename = "niet", default)]
    pub not: Option<Vec<Located<String>>>,
    /// The answer is none of these; an unknown or missing answer counts as
    /// none of these.
    #[serde(rename = "behalve", default)]
    pub except: Option<Vec<Located<String>>>,
    /// At least this many options chosen (weighted by `telt`).
    #[serde(rename = "aantal_min", default)]
    pub count_min: Option<u32>,
    /// At most this many options chosen (weighted by `telt`).
    #[serde(rename = "aantal_max", default)]
    pub count_max: Option<u32>,
    #[serde(rename = "moment", default)]
    pub moment: Option<Vec<Located<String>>>,
    /// The computed need is at least this step.
    #[serde(rename = "nodig_vanaf", default)]
    pub need_from: Option<Located<String>>,
    /// The computed need is at most this step.
    #[serde(rename = "nodig_tot", default)]
    pub need_to: Option<Located<String>>,
    /// The form being considered is at least this step.
    #[serde(rename = "overwogen_vanaf", default)]
    pub considered_from: Option<Located<String>>,
    /// The current step is one of these (step ids, `niemand`, `een`,
    /// `onbekend`).
    #[serde(rename = "nu", default)]
    pub now: Option<Vec<Located<String>>>,
    /// At least one of these conditions holds.
    #[serde(rename = "een_van", default)]
    pub any_of: Option<Vec<Condition>>,
}

impl Condition {
    /// Whether the condition is about the computed need (and so can only be
    /// evaluated after the need is known).
    pub(crate) fn is_about_need(&self) -> bool {
        self.need_from.is_some()
            || self.need_to.is_some()
            || self.any_of.iter().flatten().any(Condition::is_about_need)
    }
}

impl Bank {
    /// The start question followed by all other questions, in bank order.
    pub fn all_questions(&self) -> impl Iterator<Item = &Question> {
        std::iter::once(&self.start_question).chain(self.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        if self.index.is_empty() {
            return self.all_questions().find(|q| q.id == id);
        }
        match *self.index.get(id)? {
            0 => Some(&self.start_question),
            i => self.questions.get(i - 1),
        }
    }

    /// Builds the id index used by [`Bank::question`]. With duplicate ids
    /// (an invalid bank) the first one wins, as in a linear search.
    pub(crate) fn index_questions(&mut self) {
        let mut index = rustc_hash::FxHashMap::default();
        for (i, q) in self.all_questions().enumerate() {
            index.entry(q.id.value.clone()).or_insert(i);
        }
        self.index = index;
    }

    pub fn steps(&self) -> &[Step] {
        &self.continuum.value
    }

    /// The index (0–4) of a continuum step id.
    pub(crate) fn step_index(&self, id: &str) -> Option<usize> {
        self.steps().iter().position(|s| s.id == id)
    }

    pub(crate) fn moment(&self, id: &str) -> Option<&Moment> {
        self.moments.iter().find(|m| m.id == id)
    }

    pub(crate) fn level(&self, id: &str) -> Option<&Level> {
        self.levels.iter().find(|l| l.id == id)
    }

    pub(crate) fn direction(&self, id: &str) -> Option<&Direction> {
        self.directions.iter().find(|d| d.id == id)
    }

    pub(crate) fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// A fixed sentence of the outcome (see [`TEXT_IDS`]) in `lang`, or the
    /// id itself when the bank lacks it (`controleer` reports that).
    pub(crate) fn text<'a>(&'a self, id: &'a str, lang: crate::base::text::Lang) -> &'a str {
        self.texts
            .iter()
            .find(|(k, _)| k.value == id)
            .map_or(id, |(_, t)| t.get(lang))
    }

    pub(crate) fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    /// How many steps `points` shift a goal: the largest shift whose `vanaf`
    /// the points reach, or the strongest shift down whose `tot` they are
    /// under; 0 otherwise.
    pub(crate) fn shift_for(&self, points: i32) -> i32 {
        let up = self
            .scoring
            .shifts
            .iter()
            .filter(|s| s.from.as_ref().is_some_and(|f| points >= f.value))
            .map(|s| s.steps.value)
            .max();
        let down = self
            .scoring
            .shifts
            .iter()
            .filter(|s| s.to.as_ref().is_some_and(|t| points <= t.value))
            .map(|s| s.steps.value)
            .min();
        up.or(down).unwrap_or(0)
    }

    /// The question whose options give the base step and bounds.
    pub(crate) fn base_question(&self) -> Option<&Question> {
        self.question(&self.scoring.base.value)
    }

    /// The `volgorde` question for a perspective (`gezin` or
    /// `hulpverlening`), if the bank has one.
    pub fn order_question(&self, perspective: &str) -> Option<&Question> {
        self.questions.iter().find(|q| {
            q.kind.value == Kind::Order
                && q.perspective
                    .as_ref()
                    .is_some_and(|p| p.value == perspective)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier(from: u32, weight: i32) -> Tier {
        Tier {
            from,
            weight: Located::new(weight),
        }
    }

    #[test]
    fn tier_weight_takes_the_highest_tier_reached() {
        let tiers = [tier(2, 1), tier(4, 3), tier(3, 2)];
        assert_eq!(tier_weight(&tiers, 1), 0);
        assert_eq!(tier_weight(&tiers, 2), 1);
        assert_eq!(tier_weight(&tiers, 3), 2);
        assert_eq!(tier_weight(&tiers, 9), 3);
    }
}
