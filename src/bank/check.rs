//! Checks that a bank adds up, and says where it does not.
//!
//! A content expert edits the bank in a text editor. Loading only proves the
//! YAML has the right shape; [`check`] proves the content is consistent, and
//! reports every problem at once with its place and a fix: duplicate ids,
//! references to questions or options that do not exist, a continuum that is
//! not exactly the five known steps, scales without anchors, options without
//! labels, weights out of range, missing `fase`, organisatie & beleid answers
//! that would change the need, a scale whose weights do not rise, missing
//! sentences of the outcome, and questions that can never be asked.

use std::collections::HashMap;

use super::{
    Bank, Condition, DIRECTION_IDS, DONT_KNOW, Kind, LEVEL_IDS, NOW, NOW_NOBODY, NOW_SINGLE,
    ORGANISATION_LEVEL, Phase, Question, SKIPPED, STEP_IDS, TEXT_IDS, Tier, UNKNOWN,
};
use crate::base::located::{Located, Pos};
use crate::base::problem::{Problem, Problems};
use crate::base::say::{pick, say};

/// Weights must lie in this range; larger numbers make one answer outweigh
/// the whole instrument.
pub(crate) const WEIGHT_RANGE: std::ops::RangeInclusive<i32> = -5..=10;

/// What a valid bank contains, for the summary of `voorwie controleer`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub id: String,
    pub version: String,
    /// (level id, level name, case questions, of which screening)
    pub levels: Vec<(String, String, usize, usize)>,
    pub per_goal: usize,
    pub rules: usize,
    pub steps: usize,
}

/// Checks a bank. `file` names it in the messages.
pub fn check(bank: &Bank, file: &str) -> Problems {
    let mut c = Checker {
        bank,
        problems: Problems::new(file),
    };
    c.header();
    c.continuum();
    c.levels_and_lists();
    c.questions();
    c.scoring();
    c.reachability();
    let mut problems = c.problems;
    problems.sort();
    problems
}

/// Counts for the summary of a valid bank.
pub fn summary(bank: &Bank) -> Summary {
    Summary {
        id: bank.id.value.clone(),
        version: bank.version.value.clone(),
        levels: bank
            .levels
            .iter()
            .map(|l| {
                let qs: Vec<&Question> = bank
                    .questions
                    .iter()
                    .filter(|q| !q.per_goal && q.level.value == l.id.value)
                    .collect();
                let screening = qs.iter().filter(|q| q.phase() == Phase::Screening).count();
                let name = l.name.get(crate::base::say::message_lang()).to_owned();
                (l.id.value.clone(), name, qs.len(), screening)
            })
            .collect(),
        per_goal: bank.questions.iter().filter(|q| q.per_goal).count(),
        rules: bank.scoring.rules.len(),
        steps: bank.steps().len(),
    }
}

struct Checker<'a> {
    bank: &'a Bank,
    problems: Problems,
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

impl<'a> Checker<'a> {
    fn error(&mut self, pos: Pos, message: impl Into<String>, fix: impl Into<String>) {
        self.problems.push(Problem::error(pos, message).fix(fix));
    }

    fn warning(&mut self, pos: Pos, message: impl Into<String>, fix: impl Into<String>) {
        self.problems.push(Problem::warning(pos, message).fix(fix));
    }

    fn step_ref(&mut self, step: &Located<String>, what: &str) -> Option<usize> {
        let found = self.bank.step_index(&step.value);
        if found.is_none() {
            self.error(
                step.pos,
                say!(
                    "{what}: onbekende stap '{}'",
                    "{what}: unknown step '{}'",
                    step.value
                ),
                say!("kies een van: {}", "choose one of: {}", STEP_IDS.join(", ")),
            );
        }
        found
    }

    fn header(&mut self) {
        let b = self.bank;
        if !valid_id(&b.id.value) {
            self.error(
                b.id.pos,
                say!("ongeldige bank-id '{}'", "invalid bank id '{}'", b.id.value),
                pick(
                    "gebruik kleine letters, cijfers, - en _ (bijvoorbeeld 'mijn-bank')",
                    "use lower-case letters, digits, - and _ (for example 'my-bank')",
                ),
            );
        }
        if b.version.value.trim().is_empty() {
            self.error(
                b.version.pos,
                pick("de versie is leeg", "the version is empty"),
                pick(
                    "geef een versie, zoals \"1.0.0\"",
                    "give a version, such as \"1.0.0\"",
                ),
            );
        }
        let mut seen = HashMap::new();
        for s in &b.sources {
            if let Some(first) = seen.insert(s.id.value.clone(), s.id.pos) {
                self.error(
                    s.id.pos,
                    say!(
                        "bron-id '{}' staat er twee keer (eerst op regel {})",
                        "source id '{}' is there twice (first on line {})",
                        s.id.value,
                        first.line
                    ),
                    pick("geef elke bron een eigen id", "give each source its own id"),
                );
            }
        }
    }

    fn continuum(&mut self) {
        let steps = self.bank.steps();
        let ids: Vec<&str> = steps.iter().map(|s| s.id.value.as_str()).collect();
        if ids != STEP_IDS {
            self.error(
                self.bank.continuum.pos,
                say!(
                    "het continuüm moet precies deze vijf stappen hebben, in deze volgorde: {} (nu: {})",
                    "the continuum must have exactly these five steps, in this order: {} (now: {})",
                    STEP_IDS.join(", "),
                    if ids.is_empty() {
                        pick("geen", "none").to_owned()
                    } else {
                        ids.join(", ")
                    }
                ),
                pick(
                    "de ids en de volgorde liggen vast; pas alleen de teksten aan",
                    "the ids and the order are fixed; change only the texts"
                ),
            );
        }
        for s in steps {
            if s.forms.is_empty() {
                self.error(
                    s.id.pos,
                    say!(
                        "stap '{}' heeft geen vormen",
                        "step '{}' has no forms",
                        s.id.value
                    ),
                    pick(
                        "noem onder 'vormen' minstens één vorm van integraal werken",
                        "name at least one form of integrated working under 'vormen'",
                    ),
                );
            }
            for f in &s.forms {
                if f.text.is_blank() {
                    self.error(
                        s.id.pos,
                        say!(
                            "stap '{}' heeft een vorm zonder tekst",
                            "step '{}' has a form without text",
                            s.id.value
                        ),
                        pick(
                            "vul 'tekst' in of haal de vorm weg",
                            "fill in 'tekst' or remove the form",
                        ),
                    );
                }
                for d in &f.domains {
                    if self.bank.domain(&d.value).is_none() {
                        self.error(
                            d.pos,
                            say!(
                                "stap '{}': onbekend domein '{}'",
                                "step '{}': unknown domain '{}'",
                                s.id.value,
                                d.value
                            ),
                            pick("gebruik een id van 'domeinen'", "use an id from 'domeinen'"),
                        );
                    }
                }
                for m in &f.moments {
                    if self.bank.moment(&m.value).is_none() {
                        self.error(
                            m.pos,
                            say!(
                                "stap '{}': onbekend moment '{}'",
                                "step '{}': unknown moment '{}'",
                                s.id.value,
                                m.value
                            ),
                            pick("gebruik een id van 'momenten'", "use an id from 'momenten'"),
                        );
                    }
                }
            }
            if s.forms
                .iter()
                .all(|f| !f.domains.is_empty() || !f.moments.is_empty())
                && !s.forms.is_empty()
            {
                self.warning(
                    s.id.pos,
                    say!(
                        "stap '{}' heeft geen vorm die altijd past",
                        "step '{}' has no form that always fits",
                        s.id.value
                    ),
                    pick(
                        "geef minstens één vorm zonder 'domeinen' en 'momenten'",
                        "give at least one form without 'domeinen' and 'momenten'",
                    ),
                );
            }
            if s.examples.is_empty() {
                self.warning(
                    s.id.pos,
                    say!(
                        "stap '{}' heeft geen voorbeelden",
                        "step '{}' has no examples",
                        s.id.value
                    ),
                    pick(
                        "voeg concrete voorbeelden toe: zonder voorbeelden zijn de stappen moeilijk te onderscheiden",
                        "add concrete examples: without examples the steps are hard to tell apart"
                    ),
                );
            }
            if s.short.is_blank() || s.explanation.is_blank() {
                self.error(
                    s.id.pos,
                    say!(
                        "stap '{}' heeft een lege 'kort' of 'uitleg'",
                        "step '{}' has an empty 'kort' or 'uitleg'",
                        s.id.value
                    ),
                    pick("vul beide teksten in", "fill in both texts"),
                );
            }
        }
    }

    fn levels_and_lists(&mut self) {
        let b = self.bank;
        for l in &b.levels {
            if !LEVEL_IDS.contains(&l.id.value.as_str()) {
                self.error(
                    l.id.pos,
                    say!("onbekend niveau '{}'", "unknown level '{}'", l.id.value),
                    say!(
                        "de niveaus zijn: {}",
                        "the levels are: {}",
                        LEVEL_IDS.join(", ")
                    ),
                );
            }
        }
        for id in LEVEL_IDS {
            if b.level(id).is_none() {
                self.error(
                    Pos::UNKNOWN,
                    say!("het niveau '{id}' ontbreekt", "the level '{id}' is missing"),
                    pick(
                        "alle drie de niveaus horen erin; juist organisatie en beleid wordt vaak vergeten",
                        "all three levels belong in it; organisation and policy in particular is often forgotten"
                    ),
                );
            }
        }
        for d in &b.directions {
            if !DIRECTION_IDS.contains(&d.id.value.as_str()) {
                self.error(
                    d.id.pos,
                    say!(
                        "onbekende richting '{}'",
                        "unknown direction '{}'",
                        d.id.value
                    ),
                    say!(
                        "de richtingen zijn: {}",
                        "the directions are: {}",
                        DIRECTION_IDS.join(", ")
                    ),
                );
            }
        }
        for id in DIRECTION_IDS {
            if b.direction(id).is_none() {
                self.error(
                    Pos::UNKNOWN,
                    say!(
                        "de richting '{id}' ontbreekt onder 'richtingen'",
                        "the direction '{id}' is missing under 'richtingen'"
                    ),
                    pick(
                        "geef elke richting een naam en uitleg",
                        "give each direction a name and an explanation",
                    ),
                );
            }
        }
        for d in &b.directions {
            if let Some(a) = &d.action
                && a.is_blank()
            {
                self.error(
                    d.id.pos,
                    say!(
                        "richting '{}' heeft een lege actie",
                        "direction '{}' has an empty action",
                        d.id.value
                    ),
                    pick(
                        "vul de actie in of haal haar weg",
                        "fill in the action or remove it",
                    ),
                );
            }
        }
        for id in TEXT_IDS {
            if !b.texts.iter().any(|(k, _)| k.value == id) {
                self.error(
                    Pos::UNKNOWN,
                    say!(
                        "de tekst '{id}' ontbreekt onder 'teksten'",
                        "the text '{id}' is missing under 'teksten'"
                    ),
                    pick(
                        "voeg hem toe: voorwie gebruikt hem in de uitkomst",
                        "add it: voorwie uses it in the outcome",
                    ),
                );
            }
        }
        for (k, t) in &b.texts {
            if !TEXT_IDS.contains(&k.value.as_str()) {
                self.warning(
                    k.pos,
                    say!(
                        "teksten: '{}' wordt nergens gebruikt",
                        "teksten: '{}' is not used anywhere",
                        k.value
                    ),
                    say!(
                        "bekende teksten: {}",
                        "known texts: {}",
                        TEXT_IDS.join(", ")
                    ),
                );
            }
            if t.is_blank() {
                self.error(
                    k.pos,
                    say!("teksten: '{}' is leeg", "teksten: '{}' is empty", k.value),
                    pick("vul de tekst in", "fill in the text"),
                );
            }
        }
        if b.reflection.is_empty() {
            self.warning(
                Pos::UNKNOWN,
                pick(
                    "er zijn geen reflectievragen ('reflectie')",
                    "there are no reflection questions ('reflectie')",
                ),
                pick(
                    "noem er minstens één, zoals 'Met wie doe ik wat, wanneer en waarom?'",
                    "name at least one, such as 'Met wie doe ik wat, wanneer en waarom?'",
                ),
            );
        }
        let mut domains = HashMap::new();
        for d in &b.domains {
            if let Some(first) = domains.insert(d.id.value.clone(), d.id.pos) {
                self.error(
                    d.id.pos,
                    say!(
                        "domein '{}' staat er twee keer (eerst op regel {})",
                        "domain '{}' is there twice (first on line {})",
                        d.id.value,
                        first.line
                    ),
                    pick(
                        "geef elk domein een eigen id",
                        "give each domain its own id",
                    ),
                );
            }
            for c in &d.when {
                self.condition(
                    c,
                    true,
                    false,
                    &say!("domein '{}'", "domain '{}'", d.id.value),
                );
            }
        }
        if b.moments.is_empty() {
            self.error(
                Pos::UNKNOWN,
                pick("er zijn geen momenten", "there are no moments"),
                pick(
                    "noem minstens één moment, zoals 'nieuwe_aanmelding'",
                    "name at least one moment, such as 'nieuwe_aanmelding'",
                ),
            );
        }
        let mut seen = HashMap::new();
        for m in &b.moments {
            if !valid_id(&m.id.value) {
                self.error(
                    m.id.pos,
                    say!(
                        "ongeldig moment-id '{}'",
                        "invalid moment id '{}'",
                        m.id.value
                    ),
                    pick(
                        "gebruik kleine letters, cijfers en _",
                        "use lower-case letters, digits and _",
                    ),
                );
            }
            if let Some(first) = seen.insert(m.id.value.clone(), m.id.pos) {
                self.error(
                    m.id.pos,
                    say!(
                        "moment '{}' staat er twee keer (eerst op regel {})",
                        "moment '{}' is there twice (first on line {})",
                        m.id.value,
                        first.line
                    ),
                    pick(
                        "geef elk moment een eigen id",
                        "give each moment its own id",
                    ),
                );
            }
        }
    }

    fn questions(&mut self) {
        let b = self.bank;
        let mut seen: HashMap<&str, Pos> = HashMap::new();
        for q in b.all_questions() {
            if let Some(first) = seen.insert(&q.id.value, q.id.pos) {
                self.error(
                    q.id.pos,
                    say!(
                        "vraag-id '{}' staat er twee keer (eerst op regel {})",
                        "question id '{}' is there twice (first on line {})",
                        q.id.value,
                        first.line
                    ),
                    pick(
                        "geef elke vraag een eigen id",
                        "give each question its own id",
                    ),
                );
            }
            self.question(q);
        }
        let start = &b.start_question;
        if start.kind.value != Kind::YesNo {
            self.error(
                start.kind.pos,
                pick(
                    "de startvraag moet type 'janee' hebben",
                    "the starting question must have type 'janee'",
                ),
                pick("zet type: janee", "set type: janee"),
            );
        }
        if start.per_goal || !start.show_if.is_empty() {
            self.error(
                start.id.pos,
                pick(
                    "de startvraag wordt altijd één keer gesteld",
                    "the starting question is always asked once",
                ),
                pick(
                    "haal 'per_doel' en 'toon_als' weg bij de startvraag",
                    "remove 'per_doel' and 'toon_als' from the starting question",
                ),
            );
        }
        for p in ["gezin", "hulpverlening"] {
            let n = b
                .questions
                .iter()
                .filter(|q| {
                    q.kind.value == Kind::Order
                        && q.perspective.as_ref().is_some_and(|x| x.value == p)
                })
                .count();
            if n > 1 {
                self.error(
                    Pos::UNKNOWN,
                    say!(
                        "er zijn {n} volgordevragen met perspectief '{p}'",
                        "there are {n} order questions with perspective '{p}'"
                    ),
                    pick(
                        "stel de prioriteit per perspectief één keer",
                        "ask for the priority once per perspective",
                    ),
                );
            }
        }
        for level in LEVEL_IDS {
            let screening = b
                .questions
                .iter()
                .any(|q| !q.per_goal && q.level.value == level && q.phase() == Phase::Screening);
            if !screening && b.level(level).is_some() {
                self.error(
                    b.level(level).map_or(Pos::UNKNOWN, |l| l.id.pos),
                    say!(
                        "het niveau '{level}' heeft geen screeningsvraag",
                        "the level '{level}' has no screening question"
                    ),
                    pick(
                        "geef minstens één vraag van dit niveau 'fase: screening', zodat het ook in --snel aan bod komt",
                        "give at least one question of this level 'fase: screening', so that it also comes up with --snel"
                    ),
                );
            }
        }
    }

    fn question(&mut self, q: &Question) {
        let id = q.id.value.as_str();
        if !valid_id(id) {
            self.error(
                q.id.pos,
                say!("ongeldig vraag-id '{id}'", "invalid question id '{id}'"),
                pick(
                    "gebruik kleine letters, cijfers en _ (het id staat in antwoordenbestanden)",
                    "use lower-case letters, digits and _ (the id is used in answers files)",
                ),
            );
        }
        if !LEVEL_IDS.contains(&q.level.value.as_str()) {
            self.error(
                q.level.pos,
                say!(
                    "vraag '{id}': onbekend niveau '{}'",
                    "question '{id}': unknown level '{}'",
                    q.level.value
                ),
                say!(
                    "kies een van: {}",
                    "choose one of: {}",
                    LEVEL_IDS.join(", ")
                ),
            );
        }
        if q.phase.is_none() {
            self.error(
                q.id.pos,
                say!("vraag '{id}' mist 'fase'", "question '{id}' lacks 'fase'"),
                pick(
                    "zet 'fase: screening' (stap 1, ook in --snel) of 'fase: verdieping' (stap 2)",
                    "set 'fase: screening' (step 1, also with --snel) or 'fase: verdieping' (step 2)"
                ),
            );
        }
        if q.text.is_blank() {
            self.error(
                q.id.pos,
                say!(
                    "vraag '{id}' heeft geen tekst",
                    "question '{id}' has no text"
                ),
                pick("vul 'tekst' in", "fill in 'tekst'"),
            );
        }
        if let Some(src) = &q.source {
            let source_id = src.value.split(':').next().unwrap_or("").trim();
            if self.bank.source(source_id).is_none() {
                self.error(
                    src.pos,
                    say!(
                        "vraag '{id}': onbekende bron '{source_id}'",
                        "question '{id}': unknown source '{source_id}'"
                    ),
                    pick(
                        "verwijs naar een id onder 'bronnen', zoals \"vwdww: Bijlage 3\"",
                        "refer to an id under 'bronnen', such as \"vwdww: Bijlage 3\"",
                    ),
                );
            }
        } else {
            self.warning(
                q.id.pos,
                say!("vraag '{id}' noemt geen bron", "question '{id}' names no source"),
                pick(
                    "zet in 'bron' uit welk document de vraag komt; de bank moet herleidbaar zijn",
                    "put in 'bron' which document the question comes from; the bank must be traceable"
                ),
            );
        }
        let org = q.is_organisational();
        let kind = q.kind.value;
        match kind {
            Kind::FreeText | Kind::Order => {
                if !q.options.is_empty() || !q.tiers.is_empty() {
                    self.error(
                        q.kind.pos,
                        say!(
                            "vraag '{id}' van type '{}' heeft geen opties of telling",
                            "question '{id}' of type '{}' has no options or counting",
                            kind.id()
                        ),
                        pick(
                            "haal 'opties' en 'telling' weg, of kies een ander type",
                            "remove 'opties' and 'telling', or choose another type",
                        ),
                    );
                }
                if kind == Kind::Order {
                    match &q.perspective {
                        Some(p) if p.value == "gezin" || p.value == "hulpverlening" => {}
                        Some(p) => self.error(
                            p.pos,
                            say!(
                                "vraag '{id}': onbekend perspectief '{}'",
                                "question '{id}': unknown perspective '{}'",
                                p.value
                            ),
                            pick(
                                "kies 'gezin' of 'hulpverlening'",
                                "choose 'gezin' or 'hulpverlening'",
                            ),
                        ),
                        None => self.error(
                            q.kind.pos,
                            say!(
                                "volgordevraag '{id}' mist 'perspectief'",
                                "order question '{id}' lacks 'perspectief'"
                            ),
                            pick(
                                "zet 'perspectief: gezin' of 'perspectief: hulpverlening'",
                                "set 'perspectief: gezin' or 'perspectief: hulpverlening'",
                            ),
                        ),
                    }
                    if q.per_goal {
                        self.error(
                            q.id.pos,
                            say!(
                                "volgordevraag '{id}' kan niet per doel",
                                "order question '{id}' cannot be per goal"
                            ),
                            pick("haal 'per_doel' weg", "remove 'per_doel'"),
                        );
                    }
                }
            }
            Kind::YesNo => {
                let ids: Vec<&str> = q.options.iter().map(|o| o.id.value.as_str()).collect();
                let ok = ids.len() == 2 && ids.contains(&"ja") && ids.contains(&"nee");
                if !ok {
                    self.error(
                        q.kind.pos,
                        say!(
                            "ja/nee-vraag '{id}' moet precies de opties 'ja' en 'nee' hebben",
                            "yes/no question '{id}' must have exactly the options 'ja' and 'nee'"
                        ),
                        pick(
                            "geef de opties de ids ja en nee, of kies type 'keuze'",
                            "give the options the ids ja and nee, or choose type 'keuze'",
                        ),
                    );
                }
            }
            Kind::Choice | Kind::Scale | Kind::Multi => {
                let min = if kind == Kind::Multi { 1 } else { 2 };
                if q.options.len() < min {
                    self.error(
                        q.kind.pos,
                        say!(
                            "vraag '{id}' heeft te weinig opties ({})",
                            "question '{id}' has too few options ({})",
                            q.options.len()
                        ),
                        say!("geef minstens {min} opties", "give at least {min} options"),
                    );
                }
            }
        }
        if !q.tiers.is_empty() && kind != Kind::Multi {
            self.error(
                q.kind.pos,
                say!(
                    "vraag '{id}': 'telling' werkt alleen bij meerkeuze",
                    "question '{id}': 'telling' only works with meerkeuze"
                ),
                pick(
                    "haal 'telling' weg of maak de vraag 'meerkeuze'",
                    "remove 'telling' or make the question 'meerkeuze'",
                ),
            );
        }
        if org && !q.tiers.is_empty() {
            self.error(
                q.id.pos,
                say!(
                    "vraag '{id}' (organisatie en beleid) heeft een telling",
                    "question '{id}' (organisation and policy) has a counting"
                ),
                pick(
                    "organisatie en beleid bepalen wat mogelijk is, niet wat nodig is: haal 'telling' weg",
                    "organisation and policy decide what is possible, not what is needed: remove 'telling'"
                ),
            );
        }
        self.tiers(&q.tiers, id);

        let mut option_ids: HashMap<&str, Pos> = HashMap::new();
        for o in &q.options {
            let oid = o.id.value.as_str();
            if let Some(first) = option_ids.insert(oid, o.id.pos) {
                self.error(
                    o.id.pos,
                    say!(
                        "vraag '{id}': optie '{oid}' staat er twee keer (eerst op regel {})",
                        "question '{id}': option '{oid}' is there twice (first on line {})",
                        first.line
                    ),
                    pick(
                        "geef elke optie een eigen id",
                        "give each option its own id",
                    ),
                );
            }
            if oid == DONT_KNOW || oid == SKIPPED {
                self.error(
                    o.id.pos,
                    say!(
                        "vraag '{id}': '{oid}' is een gereserveerd antwoord",
                        "question '{id}': '{oid}' is a reserved answer"
                    ),
                    pick(
                        "voorwie voegt 'weet ik niet' en 'overslaan' zelf toe; kies een ander id",
                        "voorwie adds 'don't know' and 'skip' itself; choose another id",
                    ),
                );
            } else if !valid_id(oid) {
                self.error(
                    o.id.pos,
                    say!(
                        "vraag '{id}': ongeldig optie-id '{oid}'",
                        "question '{id}': invalid option id '{oid}'"
                    ),
                    pick(
                        "gebruik kleine letters, cijfers en _",
                        "use lower-case letters, digits and _",
                    ),
                );
            }
            if o.label.as_ref().is_none_or(|l| l.is_blank()) {
                self.error(
                    o.id.pos,
                    say!(
                        "vraag '{id}': optie '{oid}' heeft geen label",
                        "question '{id}': option '{oid}' has no label"
                    ),
                    pick(
                        "geef elke optie een 'label': de tekst die de gebruiker kiest",
                        "give each option a 'label': the text the user chooses",
                    ),
                );
            }
            if kind == Kind::Scale && o.anchor.as_ref().is_none_or(|a| a.is_blank()) {
                self.error(
                    o.id.pos,
                    say!(
                        "schaal '{id}': optie '{oid}' heeft geen anker",
                        "scale '{id}': option '{oid}' has no anchor"
                    ),
                    pick(
                        "geef elke schaaloptie een 'anker': wat betekent dit antwoord concreet? ('wat is zwaar?')",
                        "give each scale option an 'anker': what does this answer mean in practice? ('what is heavy?')"
                    ),
                );
            }
            if let Some(w) = &o.weight {
                if org {
                    self.error(
                        w.pos,
                        say!(
                            "vraag '{id}' (organisatie en beleid) heeft een gewicht",
                            "question '{id}' (organisation and policy) has a weight"
                        ),
                        pick(
                            "organisatie en beleid verlagen of verhogen nooit wat nodig is: gebruik 'mogelijk_tot' en 'kloof'",
                            "organisation and policy never lower or raise what is needed: use 'mogelijk_tot' and 'kloof'"
                        ),
                    );
                } else if !WEIGHT_RANGE.contains(&w.value) {
                    self.error(
                        w.pos,
                        say!(
                            "vraag '{id}', optie '{oid}': gewicht {} ligt buiten {}..{}",
                            "question '{id}', option '{oid}': weight {} lies outside {}..{}",
                            w.value,
                            WEIGHT_RANGE.start(),
                            WEIGHT_RANGE.end()
                        ),
                        pick(
                            "kies een geheel getal binnen dat bereik",
                            "choose a whole number within that range",
                        ),
                    );
                }
            }
            if let Some(h) = &o.current {
                if h.value != NOW_NOBODY && h.value != NOW_SINGLE {
                    self.step_ref(
                        h,
                        &say!(
                            "vraag '{id}', optie '{oid}', huidig",
                            "question '{id}', option '{oid}', huidig"
                        ),
                    );
                }
                if org || kind == Kind::Multi {
                    self.error(
                        h.pos,
                        say!(
                            "vraag '{id}': 'huidig' hoort bij een keuzevraag over de huidige samenwerking",
                            "question '{id}': 'huidig' belongs to a choice question about the current collaboration"
                        ),
                        pick(
                            "zet 'huidig' alleen bij een keuzevraag van gezin of professionals",
                            "put 'huidig' only on a choice question of family or professionals"
                        ),
                    );
                }
            }
            if let Some(c) = &o.considered {
                self.step_ref(
                    c,
                    &say!(
                        "vraag '{id}', optie '{oid}', overwogen",
                        "question '{id}', option '{oid}', overwogen"
                    ),
                );
                if org || q.per_goal || kind == Kind::Multi {
                    self.error(
                        c.pos,
                        say!(
                            "vraag '{id}': 'overwogen' hoort bij een keuzevraag voor de casus",
                            "question '{id}': 'overwogen' belongs to a choice question for the case"
                        ),
                        pick(
                            "zet 'overwogen' bij een keuzevraag van professionals, niet per doel",
                            "put 'overwogen' on a choice question of professionals, not per goal",
                        ),
                    );
                }
            }
            if o.base.is_some() || o.bounds.is_some() {
                self.base_option(q, o);
            }
            match (&o.group, q.groups.is_empty()) {
                (Some(g), _) if !q.groups.iter().any(|x| x.id == g.value.as_str()) => self.error(
                    g.pos,
                    say!(
                        "vraag '{id}', optie '{oid}': onbekende groep '{}'",
                        "question '{id}', option '{oid}': unknown group '{}'",
                        g.value
                    ),
                    pick(
                        "gebruik een id van 'groepen' bij deze vraag",
                        "use an id from 'groepen' of this question",
                    ),
                ),
                (None, false) => self.warning(
                    o.id.pos,
                    say!(
                        "vraag '{id}', optie '{oid}' staat in geen groep",
                        "question '{id}', option '{oid}' is in no group"
                    ),
                    pick(
                        "zet 'groep' bij elke optie, of haal 'groepen' weg",
                        "put 'groep' on every option, or remove 'groepen'",
                    ),
                ),
                _ => {}
            }
            for r in &o.replaces {
                if q.options.iter().any(|x| x.id == r.value.as_str()) {
                    self.error(
                        r.pos,
                        say!(
                            "vraag '{id}', optie '{oid}': 'vervangt' noemt '{}', maar die optie bestaat nog",
                            "question '{id}', option '{oid}': 'vervangt' names '{}', but that option still exists",
                            r.value
                        ),
                        pick(
                            "een oud id kan alleen vervangen worden als het niet meer bestaat",
                            "an old id can only be replaced when it no longer exists"
                        ),
                    );
                }
            }
            if o.exclusive && kind != Kind::Multi {
                self.warning(
                    o.id.pos,
                    say!(
                        "vraag '{id}', optie '{oid}': 'exclusief' doet alleen iets bij meerkeuze", "question '{id}', option '{oid}': 'exclusief' only does something with meerkeuze"
                    ),
                    pick("haal 'exclusief' weg", "remove 'exclusief'"),
                );
            }
            if let Some(m) = &o.possible_up_to {
                self.step_ref(
                    m,
                    &say!(
                        "vraag '{id}', optie '{oid}', mogelijk_tot",
                        "question '{id}', option '{oid}', mogelijk_tot"
                    ),
                );
                if !org {
                    self.error(
                        m.pos,
                        say!(
                            "vraag '{id}': 'mogelijk_tot' hoort op het niveau organisatie en beleid", "question '{id}': 'mogelijk_tot' belongs on the level organisation and policy"
                        ),
                        pick(
                            "zet deze vraag op 'niveau: organisatie' of haal 'mogelijk_tot' weg",
                            "set this question to 'niveau: organisatie' or remove 'mogelijk_tot'"
                        ),
                    );
                }
            }
            if let Some(g) = &o.gap {
                if g.level.value != "organisatie" && g.level.value != "beleid" {
                    self.error(
                        g.level.pos,
                        say!(
                            "vraag '{id}': kloofniveau '{}' is onbekend",
                            "question '{id}': gap level '{}' is unknown",
                            g.level.value
                        ),
                        pick(
                            "kies 'organisatie' of 'beleid'",
                            "choose 'organisatie' or 'beleid'",
                        ),
                    );
                }
                if !org {
                    self.error(
                        g.level.pos,
                        say!(
                            "vraag '{id}': 'kloof' hoort op het niveau organisatie en beleid",
                            "question '{id}': 'kloof' belongs on the level organisation and policy"
                        ),
                        pick(
                            "zet deze vraag op 'niveau: organisatie'",
                            "set this question to 'niveau: organisatie'",
                        ),
                    );
                }
            }
            if o.counts.is_some() && kind != Kind::Multi {
                self.warning(
                    o.id.pos,
                    say!(
                        "vraag '{id}', optie '{oid}': 'telt' doet alleen iets bij meerkeuze",
                        "question '{id}', option '{oid}': 'telt' only does something with meerkeuze"
                    ),
                    pick("haal 'telt' weg", "remove 'telt'"),
                );
            }
        }
        for cond in &q.show_if {
            self.condition(
                cond,
                q.per_goal,
                false,
                &say!("vraag '{id}', toon_als", "question '{id}', toon_als"),
            );
        }
        if kind == Kind::Scale {
            self.scale_rises(q);
        }
        let mut groups = HashMap::new();
        for g in &q.groups {
            if let Some(first) = groups.insert(g.id.value.as_str(), g.id.pos) {
                self.error(
                    g.id.pos,
                    say!(
                        "vraag '{id}': groep '{}' staat er twee keer (eerst op regel {})",
                        "question '{id}': group '{}' is there twice (first on line {})",
                        g.id.value,
                        first.line
                    ),
                    pick("geef elke groep een eigen id", "give each group its own id"),
                );
            }
        }
    }

    /// A scale runs from light to heavy: its weights, the floors rules give
    /// its options and what they make possible must not go down along the
    /// options. Otherwise the last option shown can be lighter than the one
    /// before it.
    fn scale_rises(&mut self, q: &Question) {
        let id = q.id.value.as_str();
        let floor = |oid: &str| {
            self.bank
                .scoring
                .rules
                .iter()
                .filter(|r| r.when.len() == 1)
                .filter(|r| {
                    let c = &r.when[0];
                    c.question.as_ref().is_some_and(|x| x.value == id)
                        && c.is.iter().flatten().any(|x| x.value == oid)
                })
                .filter_map(|r| r.then.minimum.as_ref())
                .filter_map(|m| self.bank.step_index(&m.value))
                .max()
                .map_or(-1, |s| i64::try_from(s).unwrap_or(0))
        };
        let possible = |o: &super::AnswerOption| {
            o.possible_up_to
                .as_ref()
                .and_then(|m| self.bank.step_index(&m.value))
                .map_or(-1, |s| i64::try_from(s).unwrap_or(0))
        };
        let mut problems = Vec::new();
        for pair in q.options.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let falls = b.weight() < a.weight()
                || floor(&b.id.value) < floor(&a.id.value)
                || possible(b) < possible(a);
            if falls {
                problems.push((b.id.pos, a.id.value.clone(), b.id.value.clone()));
            }
        }
        for (pos, a, b) in problems {
            self.warning(
                pos,
                say!(
                    "schaal '{id}': optie '{b}' weegt lichter dan '{a}' ervoor",
                    "scale '{id}': option '{b}' weighs less than '{a}' before it"
                ),
                pick(
                    "zet de opties van licht naar zwaar (gewicht, ondergrens en mogelijk_tot lopen op), of maak de vraag type 'keuze'",
                    "order the options from light to heavy (weight, lower bound and mogelijk_tot rise), or make the question type 'keuze'"
                ),
            );
        }
    }

    /// `basis` and `grenzen` belong to the kind-of-question question.
    fn base_option(&mut self, q: &Question, o: &super::AnswerOption) {
        let id = q.id.value.as_str();
        let oid = o.id.value.as_str();
        if id != self.bank.scoring.base.value.as_str() {
            self.error(
                o.id.pos,
                say!(
                    "vraag '{id}', optie '{oid}': 'basis' en 'grenzen' horen bij de vraag in scoring.basis",
                    "question '{id}', option '{oid}': 'basis' and 'grenzen' belong to the question in scoring.basis"
                ),
                say!(
                    "zet ze bij '{}', of maak deze vraag scoring.basis",
                    "put them on '{}', or make this question scoring.basis",
                    self.bank.scoring.base.value
                ),
            );
            return;
        }
        let owner = say!(
            "vraag '{id}', optie '{oid}'",
            "question '{id}', option '{oid}'"
        );
        let base = o
            .base
            .as_ref()
            .and_then(|b| self.step_ref(b, &format!("{owner}, basis")));
        let bounds = match o.bounds.as_ref().map(|b| (&b.value[..], b.pos)) {
            Some(([lo, hi], _)) => {
                let lo = self.step_ref(lo, &format!("{owner}, grenzen"));
                let hi = self.step_ref(hi, &format!("{owner}, grenzen"));
                lo.zip(hi)
            }
            Some((_, pos)) => {
                self.error(
                    pos,
                    say!(
                        "{owner}: 'grenzen' heeft precies twee stappen",
                        "{owner}: 'grenzen' has exactly two steps"
                    ),
                    pick(
                        "schrijf [lichtste, zwaarste], bijvoorbeeld [connectie, coordinatie]",
                        "write [lightest, heaviest], for example [connectie, coordinatie]",
                    ),
                );
                None
            }
            None => None,
        };
        if let (Some(b), Some((lo, hi))) = (base, bounds)
            && !(lo <= b && b <= hi)
        {
            self.error(
                o.id.pos,
                say!(
                    "{owner}: de basis ligt niet binnen de grenzen",
                    "{owner}: the base does not lie within the bounds"
                ),
                pick(
                    "laat de grenzen de basis omvatten: lichtste ≤ basis ≤ zwaarste",
                    "let the bounds include the base: lightest ≤ base ≤ heaviest",
                ),
            );
        }
    }

    fn tiers(&mut self, tiers: &[Tier], owner: &str) {
        let mut last: Option<u32> = None;
        for t in tiers {
            if !WEIGHT_RANGE.contains(&t.weight.value) {
                self.error(
                    t.weight.pos,
                    say!(
                        "{owner}: gewicht {} ligt buiten {}..{}",
                        "{owner}: weight {} lies outside {}..{}",
                        t.weight.value,
                        WEIGHT_RANGE.start(),
                        WEIGHT_RANGE.end()
                    ),
                    pick(
                        "kies een geheel getal binnen dat bereik",
                        "choose a whole number within that range",
                    ),
                );
            }
            if last.is_some_and(|l| t.from <= l) {
                self.error(
                    t.weight.pos,
                    say!(
                        "{owner}: de treden moeten oplopen ('vanaf' {} na {})",
                        "{owner}: the tiers must rise ('vanaf' {} after {})",
                        t.from,
                        last.unwrap_or(0)
                    ),
                    pick(
                        "zet de treden op volgorde van laag naar hoog",
                        "put the tiers in order from low to high",
                    ),
                );
            }
            last = Some(t.from);
        }
    }

    /// Checks one condition. `per_goal`: evaluated for a goal (per-goal
    /// questions may be referenced). `in_rule`: `nodig_*`, `overwogen_vanaf`
    /// and `nu` are allowed.
    fn condition(&mut self, c: &Condition, per_goal: bool, in_rule: bool, owner: &str) {
        let subjects = [
            c.question.is_some(),
            c.moment.is_some(),
            c.need_from.is_some() || c.need_to.is_some(),
            c.considered_from.is_some(),
            c.now.is_some(),
            c.any_of.is_some(),
        ]
        .iter()
        .filter(|x| **x)
        .count();
        let pos = c
            .question
            .as_ref()
            .map(|x| x.pos)
            .or_else(|| c.need_from.as_ref().map(|x| x.pos))
            .or_else(|| c.considered_from.as_ref().map(|x| x.pos))
            .or_else(|| c.moment.as_ref().and_then(|m| m.first()).map(|x| x.pos))
            .or_else(|| c.now.as_ref().and_then(|m| m.first()).map(|x| x.pos))
            .unwrap_or(Pos::UNKNOWN);
        if subjects != 1 {
            self.error(
                pos,
                say!(
                    "{owner}: een voorwaarde heeft precies één onderwerp nodig (nu {subjects})", "{owner}: a condition needs exactly one subject (now {subjects})"
                ),
                pick(
                    "gebruik per voorwaarde één van: vraag, moment, nodig_vanaf/nodig_tot, overwogen_vanaf, nu, een_van",
                    "use one of these per condition: vraag, moment, nodig_vanaf/nodig_tot, overwogen_vanaf, nu, een_van"
                ),
            );
        }
        if let Some(moments) = &c.moment {
            if moments.is_empty() {
                self.error(
                    pos,
                    say!(
                        "{owner}: lege lijst bij 'moment'",
                        "{owner}: empty list at 'moment'"
                    ),
                    pick("noem minstens één moment", "name at least one moment"),
                );
            }
            for m in moments {
                if self.bank.moment(&m.value).is_none() {
                    let ids: Vec<&str> = self
                        .bank
                        .moments
                        .iter()
                        .map(|x| x.id.value.as_str())
                        .collect();
                    self.error(
                        m.pos,
                        say!(
                            "{owner}: onbekend moment '{}'",
                            "{owner}: unknown moment '{}'",
                            m.value
                        ),
                        say!("kies een van: {}", "choose one of: {}", ids.join(", ")),
                    );
                }
            }
        }
        for (step, what) in [
            (&c.need_from, "nodig_vanaf"),
            (&c.need_to, "nodig_tot"),
            (&c.considered_from, "overwogen_vanaf"),
        ] {
            if let Some(s) = step {
                self.step_ref(s, &format!("{owner}, {what}"));
                if !in_rule {
                    self.error(
                        s.pos,
                        say!(
                            "{owner}: '{what}' kan alleen in een regel",
                            "{owner}: '{what}' can only be used in a rule"
                        ),
                        pick(
                            "buiten een regel is de nodige of overwogen intensiteit nog niet bekend",
                            "outside a rule the needed or considered intensity is not known yet"
                        ),
                    );
                }
            }
        }
        if let Some(list) = &c.now {
            if !in_rule {
                self.error(
                    pos,
                    say!(
                        "{owner}: 'nu' kan alleen in een regel",
                        "{owner}: 'nu' can only be used in a rule"
                    ),
                    pick(
                        "buiten een regel is de huidige stap nog niet bekend",
                        "outside a rule the current step is not known yet",
                    ),
                );
            }
            for n in list {
                let known = n.value == NOW_NOBODY
                    || n.value == NOW_SINGLE
                    || n.value == UNKNOWN
                    || self.bank.step_index(&n.value).is_some();
                if !known {
                    self.error(
                        n.pos,
                        say!(
                            "{owner}: onbekende waarde '{}' bij 'nu'",
                            "{owner}: unknown value '{}' at 'nu'",
                            n.value
                        ),
                        say!(
                            "kies uit: {}, {NOW_NOBODY}, {NOW_SINGLE}, {UNKNOWN}",
                            "choose from: {}, {NOW_NOBODY}, {NOW_SINGLE}, {UNKNOWN}",
                            STEP_IDS.join(", ")
                        ),
                    );
                }
            }
        }
        if let Some(any) = &c.any_of {
            if any.is_empty() {
                self.error(
                    pos,
                    say!(
                        "{owner}: lege lijst bij 'een_van'",
                        "{owner}: empty list at 'een_van'"
                    ),
                    pick(
                        "noem minstens twee voorwaarden",
                        "name at least two conditions",
                    ),
                );
            }
            for sub in any {
                self.condition(sub, per_goal, in_rule, owner);
            }
        }
        let has_question_part = c.is.is_some()
            || c.not.is_some()
            || c.except.is_some()
            || c.count_min.is_some()
            || c.count_max.is_some();
        let Some(qid) = &c.question else {
            if has_question_part {
                self.error(
                    pos,
                    say!(
                        "{owner}: 'is', 'niet', 'behalve' of 'aantal' zonder 'vraag'",
                        "{owner}: 'is', 'niet', 'behalve' or 'aantal' without 'vraag'"
                    ),
                    pick(
                        "zet erbij over welke vraag het gaat",
                        "add which question it is about",
                    ),
                );
            }
            return;
        };
        let Some(q) = self.bank.question(&qid.value) else {
            self.error(
                qid.pos,
                say!(
                    "{owner}: verwijst naar een vraag die niet bestaat: '{}'",
                    "{owner}: refers to a question that does not exist: '{}'",
                    qid.value
                ),
                pick("controleer het vraag-id", "check the question id"),
            );
            return;
        };
        if q.per_goal && !per_goal {
            self.error(
                qid.pos,
                say!(
                    "{owner}: '{}' is een vraag per doel en kan hier niet gebruikt worden",
                    "{owner}: '{}' is a question per goal and cannot be used here",
                    qid.value
                ),
                pick(
                    "gebruik hier alleen vragen die één keer voor de casus gesteld worden",
                    "use only questions that are asked once for the case here",
                ),
            );
        }
        for list in [&c.is, &c.not, &c.except].into_iter().flatten() {
            for o in list {
                let known = q.option(&o.value).is_some()
                    || o.value == DONT_KNOW
                    || o.value == SKIPPED
                    || o.value == UNKNOWN;
                if !known {
                    let ids: Vec<&str> = q.options.iter().map(|x| x.id.value.as_str()).collect();
                    self.error(
                        o.pos,
                        say!(
                            "{owner}: '{}' is geen optie van vraag '{}'",
                            "{owner}: '{}' is not an option of question '{}'",
                            o.value,
                            qid.value
                        ),
                        say!(
                            "kies uit: {}, {DONT_KNOW}, {SKIPPED}, {UNKNOWN}",
                            "choose from: {}, {DONT_KNOW}, {SKIPPED}, {UNKNOWN}",
                            ids.join(", ")
                        ),
                    );
                }
            }
        }
        if (c.count_min.is_some() || c.count_max.is_some()) && q.kind.value != Kind::Multi {
            self.error(
                qid.pos,
                say!(
                    "{owner}: 'aantal_min'/'aantal_max' werkt alleen bij een meerkeuzevraag",
                    "{owner}: 'aantal_min'/'aantal_max' only works with a multiple-choice question"
                ),
                say!(
                    "'{}' is geen meerkeuzevraag; gebruik 'is'",
                    "'{}' is not a multiple-choice question; use 'is'",
                    qid.value
                ),
            );
        }
    }

    fn scoring(&mut self) {
        let s = &self.bank.scoring;
        match self.bank.question(&s.base.value) {
            None => self.error(
                s.base.pos,
                say!(
                    "scoring.basis: vraag '{}' bestaat niet",
                    "scoring.basis: question '{}' does not exist",
                    s.base.value
                ),
                pick(
                    "noem de vraag naar het soort vraagstuk, zoals doel_afhankelijk",
                    "name the question about the kind of problem, such as doel_afhankelijk",
                ),
            ),
            Some(q) => {
                if !q.per_goal || !q.kind.value.has_options() || q.kind.value == Kind::Multi {
                    self.error(
                        s.base.pos,
                        say!(
                            "scoring.basis: '{}' moet een keuze- of schaalvraag per doel zijn",
                            "scoring.basis: '{}' must be a choice or scale question per goal",
                            s.base.value
                        ),
                        pick(
                            "het soort vraagstuk wordt per doel gevraagd, met één antwoord",
                            "the kind of problem is asked per goal, with one answer",
                        ),
                    );
                }
                for o in &q.options {
                    if o.base.is_none() || o.bounds.is_none() {
                        self.error(
                            o.id.pos,
                            say!(
                                "scoring.basis: optie '{}' van '{}' mist 'basis' of 'grenzen'",
                                "scoring.basis: option '{}' of '{}' lacks 'basis' or 'grenzen'",
                                o.id.value,
                                s.base.value
                            ),
                            pick(
                                "geef elke optie een basisstap en [lichtste, zwaarste]",
                                "give each option a base step and [lightest, heaviest]",
                            ),
                        );
                    }
                }
            }
        }
        let mut first_up = None;
        for shift in &s.shifts {
            match (&shift.from, &shift.to) {
                (Some(f), None) if shift.steps.value > 0 => {
                    first_up = Some(first_up.map_or(f.value, |x: i32| x.min(f.value)));
                }
                (None, Some(_)) if shift.steps.value < 0 => {}
                _ => self.error(
                    shift.steps.pos,
                    pick(
                        "verschuiving: geef 'vanaf' met positieve 'stappen', of 'tot' met negatieve",
                        "verschuiving: give 'vanaf' with positive 'stappen', or 'tot' with negative ones"
                    ),
                    pick(
                        "bijvoorbeeld {vanaf: 3, stappen: 1} of {tot: -1, stappen: -1}",
                        "for example {vanaf: 3, stappen: 1} or {tot: -1, stappen: -1}"
                    ),
                ),
            }
            if shift.steps.value.abs() > 4 {
                self.error(
                    shift.steps.pos,
                    pick(
                        "verschuiving: meer dan vier stappen bestaat niet",
                        "verschuiving: more than four steps does not exist",
                    ),
                    pick("kies 1 tot 4 stappen", "choose 1 to 4 steps"),
                );
            }
        }
        if s.family.min.value > s.family.max.value {
            self.error(
                s.family.min.pos,
                pick(
                    "gezin: 'min' is groter dan 'max'",
                    "gezin: 'min' is larger than 'max'",
                ),
                pick(
                    "bijvoorbeeld min: -1, max: 2",
                    "for example min: -1, max: 2",
                ),
            );
        }
        if first_up.is_some_and(|f| s.family.max.value >= f) {
            self.warning(
                s.family.max.pos,
                pick(
                    "gezin: met deze 'max' kan het gezin als geheel een doel op eigen kracht een stap zwaarder maken",
                    "gezin: with this 'max' the family as a whole can make a goal a step heavier on its own"
                ),
                pick(
                    "houd gezin.max onder de laagste 'vanaf' van verschuiving",
                    "keep gezin.max below the lowest 'vanaf' of verschuiving"
                ),
            );
        }
        if let Some(light) = &s.family.light
            && self.bank.step_index(&light.up_to.value).is_none()
        {
            self.error(
                light.up_to.pos,
                say!(
                    "gezin.licht.tot: '{}' is geen stap van het continuüm",
                    "gezin.licht.tot: '{}' is not a step of the continuum",
                    light.up_to.value
                ),
                pick(
                    "kies een stap-id, zoals connectie",
                    "choose a step id, such as connectie",
                ),
            );
        }
        if !(0.0..=1.0).contains(&s.too_few_below) {
            self.error(
                Pos::UNKNOWN,
                pick(
                    "te_weinig_onder ligt tussen 0 en 1",
                    "te_weinig_onder lies between 0 and 1",
                ),
                pick(
                    "bijvoorbeeld 0.5: minder dan de helft van de kernvragen beantwoord",
                    "for example 0.5: fewer than half of the core questions answered",
                ),
            );
        }
        if let Some(c) = &s.stuck {
            self.condition(c, true, false, "vastgelopen");
        }
        if let Some(t) = &s.takeover
            && self.bank.question(&t.value).is_none()
        {
            self.error(
                t.pos,
                say!(
                    "overname: vraag '{}' bestaat niet",
                    "overname: question '{}' does not exist",
                    t.value
                ),
                pick("controleer het vraag-id", "check the question id"),
            );
        }
        for combo in &s.combinations {
            if combo.multiply.len() < 2 {
                self.error(
                    combo.id.pos,
                    say!(
                        "combinatie '{}' vermenigvuldigt minder dan twee vragen",
                        "combination '{}' multiplies fewer than two questions",
                        combo.id.value
                    ),
                    pick(
                        "noem twee of meer meerkeuzevragen",
                        "name two or more multiple-choice questions",
                    ),
                );
            }
            for qid in &combo.multiply {
                match self.bank.question(&qid.value) {
                    None => self.error(
                        qid.pos,
                        say!(
                            "combinatie '{}': vraag '{}' bestaat niet",
                            "combination '{}': question '{}' does not exist",
                            combo.id.value,
                            qid.value
                        ),
                        pick("controleer het vraag-id", "check the question id"),
                    ),
                    Some(q) if q.kind.value != Kind::Multi => self.error(
                        qid.pos,
                        say!(
                            "combinatie '{}': '{}' is geen meerkeuzevraag",
                            "combination '{}': '{}' is not a multiple-choice question",
                            combo.id.value,
                            qid.value
                        ),
                        pick(
                            "een combinatie telt keuzes van meerkeuzevragen",
                            "a combination counts choices of multiple-choice questions",
                        ),
                    ),
                    Some(q) if q.is_organisational() => self.error(
                        qid.pos,
                        say!(
                            "combinatie '{}': '{}' is een vraag van organisatie en beleid",
                            "combination '{}': '{}' is a question of organisation and policy",
                            combo.id.value,
                            qid.value
                        ),
                        pick(
                            "organisatie en beleid bepalen niet wat nodig is",
                            "organisation and policy do not decide what is needed",
                        ),
                    ),
                    Some(_) => {}
                }
            }
            self.tiers(
                &combo.tiers,
                &say!("combinatie '{}'", "combination '{}'", combo.id.value),
            );
        }
        if let Some(m) = &s.missing {
            for qid in [&m.needed, &m.involved] {
                match self.bank.question(&qid.value) {
                    None => self.error(
                        qid.pos,
                        say!(
                            "ontbrekend: vraag '{}' bestaat niet",
                            "ontbrekend: question '{}' does not exist",
                            qid.value
                        ),
                        pick("controleer het vraag-id", "check the question id"),
                    ),
                    Some(q) if q.kind.value != Kind::Multi => self.error(
                        qid.pos,
                        say!(
                            "ontbrekend: '{}' is geen meerkeuzevraag",
                            "ontbrekend: '{}' is not a multiple-choice question",
                            qid.value
                        ),
                        pick(
                            "'nodig' en 'betrokken' zijn meerkeuzevragen met dezelfde opties",
                            "'nodig' and 'betrokken' are multiple-choice questions with the same options"
                        ),
                    ),
                    Some(_) => {}
                }
            }
            for qid in &m.replaces {
                if self.bank.question(&qid.value).is_none() {
                    self.error(
                        qid.pos,
                        format!("ontbrekend: vraag '{}' bestaat niet", qid.value),
                        "controleer het vraag-id",
                    );
                }
            }
        }
        if let Some(c) = &s.reached {
            self.condition(c, true, false, "behaald");
        }
        let mut seen = HashMap::new();
        for rule in &s.rules {
            let rid = rule.id.value.as_str();
            if let Some(first) = seen.insert(rid, rule.id.pos) {
                self.error(
                    rule.id.pos,
                    say!(
                        "regel '{rid}' staat er twee keer (eerst op regel {})",
                        "rule '{rid}' is there twice (first on line {})",
                        first.line
                    ),
                    pick("geef elke regel een eigen id", "give each rule its own id"),
                );
            }
            let owner = say!("regel '{rid}'", "rule '{rid}'");
            if rule.when.is_empty() {
                self.error(
                    rule.id.pos,
                    say!(
                        "{owner} heeft geen voorwaarden ('als')",
                        "{owner} has no conditions ('als')"
                    ),
                    pick(
                        "geef minstens één voorwaarde",
                        "give at least one condition",
                    ),
                );
            }
            if let Some(scope) = &rule.scope
                && scope.value != "doel"
                && scope.value != "casus"
            {
                self.error(
                    scope.pos,
                    say!(
                        "{owner}: 'voor' is 'doel' of 'casus', niet '{}'",
                        "{owner}: 'voor' is 'doel' or 'casus', not '{}'",
                        scope.value
                    ),
                    pick(
                        "laat 'voor' weg (per doel) of zet 'voor: casus'",
                        "leave out 'voor' (per goal) or set 'voor: casus'",
                    ),
                );
            }
            for c in &rule.when {
                self.condition(c, true, true, &owner);
            }
            let e = &rule.then;
            if e.priority && e.minimum.is_none() {
                self.error(
                    rule.id.pos,
                    say!(
                        "{owner}: 'voorrang' zonder 'minimaal'",
                        "{owner}: 'voorrang' without 'minimaal'"
                    ),
                    pick(
                        "voorrang geldt voor een ondergrens",
                        "voorrang applies to a lower bound",
                    ),
                );
            }
            if rule.for_case() && (e.minimum.is_some() || e.maximum.is_some()) {
                self.error(
                    rule.id.pos,
                    say!(
                        "{owner}: een regel voor de casus kan 'minimaal'/'maximaal' niet zetten",
                        "{owner}: a rule for the case cannot set 'minimaal'/'maximaal'"
                    ),
                    pick(
                        "grenzen gelden per doel; gebruik richting, eerst of actie",
                        "bounds apply per goal; use richting, eerst or actie",
                    ),
                );
            }
            let changes_need = e.minimum.is_some() || e.maximum.is_some();
            if e.minimum.is_none()
                && e.maximum.is_none()
                && e.direction.is_none()
                && e.first.is_none()
                && e.action.is_none()
            {
                self.error(
                    rule.id.pos,
                    say!(
                        "{owner} doet niets ('dan' is leeg)",
                        "{owner} does nothing ('dan' is empty)"
                    ),
                    pick(
                        "geef minimaal, maximaal, richting, eerst of actie",
                        "give minimaal, maximaal, richting, eerst or actie",
                    ),
                );
            }
            if let Some(m) = &e.minimum {
                self.step_ref(m, &format!("{owner}, minimaal"));
            }
            if let Some(m) = &e.maximum
                && m.value != NOW
            {
                self.step_ref(m, &format!("{owner}, maximaal"));
            }
            if let Some(m) = &e.first
                && m.value != NOW
            {
                self.step_ref(m, &format!("{owner}, eerst"));
            }
            if let Some(d) = &e.direction
                && !DIRECTION_IDS.contains(&d.value.as_str())
            {
                self.error(
                    d.pos,
                    say!(
                        "{owner}: onbekende richting '{}'",
                        "{owner}: unknown direction '{}'",
                        d.value
                    ),
                    say!(
                        "kies een van: {}",
                        "choose one of: {}",
                        DIRECTION_IDS.join(", ")
                    ),
                );
            }
            if changes_need && rule.when.iter().any(Condition::is_about_need) {
                self.error(
                    rule.id.pos,
                    say!(
                        "{owner}: 'minimaal'/'maximaal' kan niet samen met 'nodig_vanaf'/'nodig_tot'",
                        "{owner}: 'minimaal'/'maximaal' cannot go together with 'nodig_vanaf'/'nodig_tot'"
                    ),
                    pick(
                        "een regel over de nodige intensiteit kan die niet zelf veranderen; gebruik richting, eerst of actie",
                        "a rule about the needed intensity cannot change it itself; use richting, eerst or actie"
                    ),
                );
            }
            if changes_need {
                let org_question = rule.when.iter().find_map(|c| {
                    let q = self.bank.question(&c.question.as_ref()?.value)?;
                    (q.level.value == ORGANISATION_LEVEL)
                        .then(|| c.question.as_ref().map(|x| (x.pos, x.value.clone())))
                });
                if let Some(Some((pos, id))) = org_question {
                    self.error(
                        pos,
                        say!(
                            "{owner} verandert wat nodig is op grond van '{id}' (organisatie en beleid)",
                            "{owner} changes what is needed on the basis of '{id}' (organisation and policy)"
                        ),
                        pick(
                            "wat mogelijk is verlaagt nooit wat nodig is; de kloof toont voorwie zelf",
                            "what is possible never lowers what is needed; voorwie shows the gap itself"
                        ),
                    );
                }
            }
        }
    }

    /// A question is unreachable when its `toon_als` depends on something
    /// that is not known when it is asked: a question asked later (or itself),
    /// a per-goal question from a case question, or, in --snel, a deepening
    /// question.
    fn reachability(&mut self) {
        let b = self.bank;
        // The order of the flow: start, priorities, per-goal, then the levels.
        let mut flow: Vec<&Question> = vec![&b.start_question];
        flow.extend(b.questions.iter().filter(|q| q.kind.value == Kind::Order));
        flow.extend(b.questions.iter().filter(|q| q.per_goal));
        for level in &b.levels {
            flow.extend(b.questions.iter().filter(|q| {
                !q.per_goal && q.kind.value != Kind::Order && q.level.value == level.id.value
            }));
        }
        let index: HashMap<&str, usize> = flow
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.value.as_str(), i))
            .collect();
        fn subjects(c: &Condition) -> Vec<&Condition> {
            let mut out = vec![c];
            for sub in c.any_of.iter().flatten() {
                out.extend(subjects(sub));
            }
            out
        }
        for (i, q) in flow.iter().enumerate() {
            for c in q.show_if.iter().flat_map(subjects) {
                let Some(dep_id) = &c.question else { continue };
                let Some(&j) = index.get(dep_id.value.as_str()) else {
                    continue;
                };
                if j >= i {
                    self.error(
                        dep_id.pos,
                        say!(
                            "vraag '{}' is onbereikbaar: 'toon_als' hangt af van '{}', die {} gesteld wordt", "question '{}' is unreachable: 'toon_als' depends on '{}', which is {}",
                            q.id.value,
                            dep_id.value,
                            if j == i { pick(
                                "de vraag zelf is en dus niet eerder",
                                "the question itself, so it is never asked before it"
                            ) } else { pick("pas later", "asked only later") }
                        ),
                        pick(
                            "laat een vraag alleen afhangen van vragen die eerder in de sessie komen",
                            "let a question depend only on questions that come earlier in the session"
                        ),
                    );
                    continue;
                }
                let dep = flow[j];
                if q.phase() == Phase::Screening && dep.phase() == Phase::Deepening {
                    self.warning(
                        dep_id.pos,
                        say!(
                            "screeningsvraag '{}' hangt af van verdiepingsvraag '{}': met --snel wordt zij nooit gesteld", "screening question '{}' depends on deepening question '{}': with --snel it is never asked",
                            q.id.value, dep_id.value
                        ),
                        pick(
                            "maak beide screening, of maak deze vraag ook verdieping",
                            "make both screening, or make this question deepening too"
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::load::default_bank;

    #[test]
    fn the_default_bank_has_no_problems() {
        let bank = default_bank().unwrap_or_else(|e| panic!("{e}"));
        let problems = check(&bank, "bank.yaml");
        assert!(problems.list.is_empty(), "{problems}");
    }
}
