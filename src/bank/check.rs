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
                (l.id.value.clone(), l.name.to_string(), qs.len(), screening)
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
                format!("{what}: onbekende stap '{}'", step.value),
                format!("kies een van: {}", STEP_IDS.join(", ")),
            );
        }
        found
    }

    fn header(&mut self) {
        let b = self.bank;
        if !valid_id(&b.id.value) {
            self.error(
                b.id.pos,
                format!("ongeldige bank-id '{}'", b.id.value),
                "gebruik kleine letters, cijfers, - en _ (bijvoorbeeld 'mijn-bank')",
            );
        }
        if b.version.value.trim().is_empty() {
            self.error(
                b.version.pos,
                "de versie is leeg",
                "geef een versie, zoals \"1.0.0\"",
            );
        }
        let mut seen = HashMap::new();
        for s in &b.sources {
            if let Some(first) = seen.insert(s.id.value.clone(), s.id.pos) {
                self.error(
                    s.id.pos,
                    format!(
                        "bron-id '{}' staat er twee keer (eerst op regel {})",
                        s.id.value, first.line
                    ),
                    "geef elke bron een eigen id",
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
                format!(
                    "het continuüm moet precies deze vijf stappen hebben, in deze volgorde: {} (nu: {})",
                    STEP_IDS.join(", "),
                    if ids.is_empty() { "geen".to_owned() } else { ids.join(", ") }
                ),
                "de ids en de volgorde liggen vast; pas alleen de teksten aan",
            );
        }
        for s in steps {
            if s.forms.is_empty() {
                self.error(
                    s.id.pos,
                    format!("stap '{}' heeft geen vormen", s.id.value),
                    "noem onder 'vormen' minstens één vorm van integraal werken",
                );
            }
            for f in &s.forms {
                if f.text.is_blank() {
                    self.error(
                        s.id.pos,
                        format!("stap '{}' heeft een vorm zonder tekst", s.id.value),
                        "vul 'tekst' in of haal de vorm weg",
                    );
                }
                for d in &f.domains {
                    if self.bank.domain(&d.value).is_none() {
                        self.error(
                            d.pos,
                            format!("stap '{}': onbekend domein '{}'", s.id.value, d.value),
                            "gebruik een id van 'domeinen'",
                        );
                    }
                }
                for m in &f.moments {
                    if self.bank.moment(&m.value).is_none() {
                        self.error(
                            m.pos,
                            format!("stap '{}': onbekend moment '{}'", s.id.value, m.value),
                            "gebruik een id van 'momenten'",
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
                    format!("stap '{}' heeft geen vorm die altijd past", s.id.value),
                    "geef minstens één vorm zonder 'domeinen' en 'momenten'",
                );
            }
            if s.examples.is_empty() {
                self.warning(
                    s.id.pos,
                    format!("stap '{}' heeft geen voorbeelden", s.id.value),
                    "voeg concrete voorbeelden toe: zonder voorbeelden zijn de stappen moeilijk te onderscheiden",
                );
            }
            if s.short.is_blank() || s.explanation.is_blank() {
                self.error(
                    s.id.pos,
                    format!("stap '{}' heeft een lege 'kort' of 'uitleg'", s.id.value),
                    "vul beide teksten in",
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
                    format!("onbekend niveau '{}'", l.id.value),
                    format!("de niveaus zijn: {}", LEVEL_IDS.join(", ")),
                );
            }
        }
        for id in LEVEL_IDS {
            if b.level(id).is_none() {
                self.error(
                    Pos::UNKNOWN,
                    format!("het niveau '{id}' ontbreekt"),
                    "alle drie de niveaus horen erin; juist organisatie en beleid wordt vaak vergeten",
                );
            }
        }
        for d in &b.directions {
            if !DIRECTION_IDS.contains(&d.id.value.as_str()) {
                self.error(
                    d.id.pos,
                    format!("onbekende richting '{}'", d.id.value),
                    format!("de richtingen zijn: {}", DIRECTION_IDS.join(", ")),
                );
            }
        }
        for id in DIRECTION_IDS {
            if b.direction(id).is_none() {
                self.error(
                    Pos::UNKNOWN,
                    format!("de richting '{id}' ontbreekt onder 'richtingen'"),
                    "geef elke richting een naam en uitleg",
                );
            }
        }
        for d in &b.directions {
            if let Some(a) = &d.action
                && a.is_blank()
            {
                self.error(
                    d.id.pos,
                    format!("richting '{}' heeft een lege actie", d.id.value),
                    "vul de actie in of haal haar weg",
                );
            }
        }
        for id in TEXT_IDS {
            if !b.texts.iter().any(|(k, _)| k.value == id) {
                self.error(
                    Pos::UNKNOWN,
                    format!("de tekst '{id}' ontbreekt onder 'teksten'"),
                    "voeg hem toe: voorwie gebruikt hem in de uitkomst",
                );
            }
        }
        for (k, t) in &b.texts {
            if !TEXT_IDS.contains(&k.value.as_str()) {
                self.warning(
                    k.pos,
                    format!("teksten: '{}' wordt nergens gebruikt", k.value),
                    format!("bekende teksten: {}", TEXT_IDS.join(", ")),
                );
            }
            if t.is_blank() {
                self.error(
                    k.pos,
                    format!("teksten: '{}' is leeg", k.value),
                    "vul de tekst in",
                );
            }
        }
        if b.reflection.is_empty() {
            self.warning(
                Pos::UNKNOWN,
                "er zijn geen reflectievragen ('reflectie')",
                "noem er minstens één, zoals 'Met wie doe ik wat, wanneer en waarom?'",
            );
        }
        let mut domains = HashMap::new();
        for d in &b.domains {
            if let Some(first) = domains.insert(d.id.value.clone(), d.id.pos) {
                self.error(
                    d.id.pos,
                    format!(
                        "domein '{}' staat er twee keer (eerst op regel {})",
                        d.id.value, first.line
                    ),
                    "geef elk domein een eigen id",
                );
            }
            for c in &d.when {
                self.condition(c, true, false, &format!("domein '{}'", d.id.value));
            }
        }
        if b.moments.is_empty() {
            self.error(
                Pos::UNKNOWN,
                "er zijn geen momenten",
                "noem minstens één moment, zoals 'nieuwe_aanmelding'",
            );
        }
        let mut seen = HashMap::new();
        for m in &b.moments {
            if !valid_id(&m.id.value) {
                self.error(
                    m.id.pos,
                    format!("ongeldig moment-id '{}'", m.id.value),
                    "gebruik kleine letters, cijfers en _",
                );
            }
            if let Some(first) = seen.insert(m.id.value.clone(), m.id.pos) {
                self.error(
                    m.id.pos,
                    format!(
                        "moment '{}' staat er twee keer (eerst op regel {})",
                        m.id.value, first.line
                    ),
                    "geef elk moment een eigen id",
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
                    format!(
                        "vraag-id '{}' staat er twee keer (eerst op regel {})",
                        q.id.value, first.line
                    ),
                    "geef elke vraag een eigen id",
                );
            }
            self.question(q);
        }
        let start = &b.start_question;
        if start.kind.value != Kind::YesNo {
            self.error(
                start.kind.pos,
                "de startvraag moet type 'janee' hebben",
                "zet type: janee",
            );
        }
        if start.per_goal || !start.show_if.is_empty() {
            self.error(
                start.id.pos,
                "de startvraag wordt altijd één keer gesteld",
                "haal 'per_doel' en 'toon_als' weg bij de startvraag",
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
                    format!("er zijn {n} volgordevragen met perspectief '{p}'"),
                    "stel de prioriteit per perspectief één keer",
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
                    format!("het niveau '{level}' heeft geen screeningsvraag"),
                    "geef minstens één vraag van dit niveau 'fase: screening', zodat het ook in --snel aan bod komt",
                );
            }
        }
    }

    fn question(&mut self, q: &Question) {
        let id = q.id.value.as_str();
        if !valid_id(id) {
            self.error(
                q.id.pos,
                format!("ongeldig vraag-id '{id}'"),
                "gebruik kleine letters, cijfers en _ (het id staat in antwoordenbestanden)",
            );
        }
        if !LEVEL_IDS.contains(&q.level.value.as_str()) {
            self.error(
                q.level.pos,
                format!("vraag '{id}': onbekend niveau '{}'", q.level.value),
                format!("kies een van: {}", LEVEL_IDS.join(", ")),
            );
        }
        if q.phase.is_none() {
            self.error(
                q.id.pos,
                format!("vraag '{id}' mist 'fase'"),
                "zet 'fase: screening' (stap 1, ook in --snel) of 'fase: verdieping' (stap 2)",
            );
        }
        if q.text.is_blank() {
            self.error(
                q.id.pos,
                format!("vraag '{id}' heeft geen tekst"),
                "vul 'tekst' in",
            );
        }
        if let Some(src) = &q.source {
            let source_id = src.value.split(':').next().unwrap_or("").trim();
            if self.bank.source(source_id).is_none() {
                self.error(
                    src.pos,
                    format!("vraag '{id}': onbekende bron '{source_id}'"),
                    "verwijs naar een id onder 'bronnen', zoals \"vwdww: Bijlage 3\"",
                );
            }
        } else {
            self.warning(
                q.id.pos,
                format!("vraag '{id}' noemt geen bron"),
                "zet in 'bron' uit welk document de vraag komt; de bank moet herleidbaar zijn",
            );
        }
        let org = q.is_organisational();
        let kind = q.kind.value;
        match kind {
            Kind::FreeText | Kind::Order => {
                if !q.options.is_empty() || !q.tiers.is_empty() {
                    self.error(
                        q.kind.pos,
                        format!(
                            "vraag '{id}' van type '{}' heeft geen opties of telling",
                            kind.id()
                        ),
                        "haal 'opties' en 'telling' weg, of kies een ander type",
                    );
                }
                if kind == Kind::Order {
                    match &q.perspective {
                        Some(p) if p.value == "gezin" || p.value == "hulpverlening" => {}
                        Some(p) => self.error(
                            p.pos,
                            format!("vraag '{id}': onbekend perspectief '{}'", p.value),
                            "kies 'gezin' of 'hulpverlening'",
                        ),
                        None => self.error(
                            q.kind.pos,
                            format!("volgordevraag '{id}' mist 'perspectief'"),
                            "zet 'perspectief: gezin' of 'perspectief: hulpverlening'",
                        ),
                    }
                    if q.per_goal {
                        self.error(
                            q.id.pos,
                            format!("volgordevraag '{id}' kan niet per doel"),
                            "haal 'per_doel' weg",
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
                        format!("ja/nee-vraag '{id}' moet precies de opties 'ja' en 'nee' hebben"),
                        "geef de opties de ids ja en nee, of kies type 'keuze'",
                    );
                }
            }
            Kind::Choice | Kind::Scale | Kind::Multi => {
                let min = if kind == Kind::Multi { 1 } else { 2 };
                if q.options.len() < min {
                    self.error(
                        q.kind.pos,
                        format!("vraag '{id}' heeft te weinig opties ({})", q.options.len()),
                        format!("geef minstens {min} opties"),
                    );
                }
            }
        }
        if !q.tiers.is_empty() && kind != Kind::Multi {
            self.error(
                q.kind.pos,
                format!("vraag '{id}': 'telling' werkt alleen bij meerkeuze"),
                "haal 'telling' weg of maak de vraag 'meerkeuze'",
            );
        }
        if org && !q.tiers.is_empty() {
            self.error(
                q.id.pos,
                format!("vraag '{id}' (organisatie en beleid) heeft een telling"),
                "organisatie en beleid bepalen wat mogelijk is, niet wat nodig is: haal 'telling' weg",
            );
        }
        self.tiers(&q.tiers, id);

        let mut option_ids: HashMap<&str, Pos> = HashMap::new();
        for o in &q.options {
            let oid = o.id.value.as_str();
            if let Some(first) = option_ids.insert(oid, o.id.pos) {
                self.error(
                    o.id.pos,
                    format!(
                        "vraag '{id}': optie '{oid}' staat er twee keer (eerst op regel {})",
                        first.line
                    ),
                    "geef elke optie een eigen id",
                );
            }
            if oid == DONT_KNOW || oid == SKIPPED {
                self.error(
                    o.id.pos,
                    format!("vraag '{id}': '{oid}' is een gereserveerd antwoord"),
                    "voorwie voegt 'weet ik niet' en 'overslaan' zelf toe; kies een ander id",
                );
            } else if !valid_id(oid) {
                self.error(
                    o.id.pos,
                    format!("vraag '{id}': ongeldig optie-id '{oid}'"),
                    "gebruik kleine letters, cijfers en _",
                );
            }
            if o.label.as_ref().is_none_or(|l| l.is_blank()) {
                self.error(
                    o.id.pos,
                    format!("vraag '{id}': optie '{oid}' heeft geen label"),
                    "geef elke optie een 'label': de tekst die de gebruiker kiest",
                );
            }
            if kind == Kind::Scale && o.anchor.as_ref().is_none_or(|a| a.is_blank()) {
                self.error(
                    o.id.pos,
                    format!("schaal '{id}': optie '{oid}' heeft geen anker"),
                    "geef elke schaaloptie een 'anker': wat betekent dit antwoord concreet? ('wat is zwaar?')",
                );
            }
            if let Some(w) = &o.weight {
                if org {
                    self.error(
                        w.pos,
                        format!("vraag '{id}' (organisatie en beleid) heeft een gewicht"),
                        "organisatie en beleid verlagen of verhogen nooit wat nodig is: gebruik 'mogelijk_tot' en 'kloof'",
                    );
                } else if !WEIGHT_RANGE.contains(&w.value) {
                    self.error(
                        w.pos,
                        format!(
                            "vraag '{id}', optie '{oid}': gewicht {} ligt buiten {}..{}",
                            w.value,
                            WEIGHT_RANGE.start(),
                            WEIGHT_RANGE.end()
                        ),
                        "kies een geheel getal binnen dat bereik",
                    );
                }
            }
            if let Some(h) = &o.current {
                if h.value != NOW_NOBODY && h.value != NOW_SINGLE {
                    self.step_ref(h, &format!("vraag '{id}', optie '{oid}', huidig"));
                }
                if org || kind == Kind::Multi {
                    self.error(
                        h.pos,
                        format!("vraag '{id}': 'huidig' hoort bij een keuzevraag over de huidige samenwerking"),
                        "zet 'huidig' alleen bij een keuzevraag van gezin of professionals",
                    );
                }
            }
            if let Some(c) = &o.considered {
                self.step_ref(c, &format!("vraag '{id}', optie '{oid}', overwogen"));
                if org || q.per_goal || kind == Kind::Multi {
                    self.error(
                        c.pos,
                        format!("vraag '{id}': 'overwogen' hoort bij een keuzevraag voor de casus"),
                        "zet 'overwogen' bij een keuzevraag van professionals, niet per doel",
                    );
                }
            }
            if o.base.is_some() || o.bounds.is_some() {
                self.base_option(q, o);
            }
            match (&o.group, q.groups.is_empty()) {
                (Some(g), _) if !q.groups.iter().any(|x| x.id == g.value.as_str()) => self.error(
                    g.pos,
                    format!("vraag '{id}', optie '{oid}': onbekende groep '{}'", g.value),
                    "gebruik een id van 'groepen' bij deze vraag",
                ),
                (None, false) => self.warning(
                    o.id.pos,
                    format!("vraag '{id}', optie '{oid}' staat in geen groep"),
                    "zet 'groep' bij elke optie, of haal 'groepen' weg",
                ),
                _ => {}
            }
            for r in &o.replaces {
                if q.options.iter().any(|x| x.id == r.value.as_str()) {
                    self.error(
                        r.pos,
                        format!("vraag '{id}', optie '{oid}': 'vervangt' noemt '{}', maar die optie bestaat nog", r.value),
                        "een oud id kan alleen vervangen worden als het niet meer bestaat",
                    );
                }
            }
            if o.exclusive && kind != Kind::Multi {
                self.warning(
                    o.id.pos,
                    format!(
                        "vraag '{id}', optie '{oid}': 'exclusief' doet alleen iets bij meerkeuze"
                    ),
                    "haal 'exclusief' weg",
                );
            }
            if let Some(m) = &o.possible_up_to {
                self.step_ref(m, &format!("vraag '{id}', optie '{oid}', mogelijk_tot"));
                if !org {
                    self.error(
                        m.pos,
                        format!(
                            "vraag '{id}': 'mogelijk_tot' hoort op het niveau organisatie en beleid"
                        ),
                        "zet deze vraag op 'niveau: organisatie' of haal 'mogelijk_tot' weg",
                    );
                }
            }
            if let Some(g) = &o.gap {
                if g.level.value != "organisatie" && g.level.value != "beleid" {
                    self.error(
                        g.level.pos,
                        format!("vraag '{id}': kloofniveau '{}' is onbekend", g.level.value),
                        "kies 'organisatie' of 'beleid'",
                    );
                }
                if !org {
                    self.error(
                        g.level.pos,
                        format!("vraag '{id}': 'kloof' hoort op het niveau organisatie en beleid"),
                        "zet deze vraag op 'niveau: organisatie'",
                    );
                }
            }
            if o.counts.is_some() && kind != Kind::Multi {
                self.warning(
                    o.id.pos,
                    format!("vraag '{id}', optie '{oid}': 'telt' doet alleen iets bij meerkeuze"),
                    "haal 'telt' weg",
                );
            }
        }
        for cond in &q.show_if {
            self.condition(cond, q.per_goal, false, &format!("vraag '{id}', toon_als"));
        }
        if kind == Kind::Scale {
            self.scale_rises(q);
        }
        let mut groups = HashMap::new();
        for g in &q.groups {
            if let Some(first) = groups.insert(g.id.value.as_str(), g.id.pos) {
                self.error(
                    g.id.pos,
                    format!(
                        "vraag '{id}': groep '{}' staat er twee keer (eerst op regel {})",
                        g.id.value, first.line
                    ),
                    "geef elke groep een eigen id",
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
                format!("schaal '{id}': optie '{b}' weegt lichter dan '{a}' ervoor"),
                "zet de opties van licht naar zwaar (gewicht, ondergrens en mogelijk_tot lopen op), of maak de vraag type 'keuze'",
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
                format!("vraag '{id}', optie '{oid}': 'basis' en 'grenzen' horen bij de vraag in scoring.basis"),
                format!("zet ze bij '{}', of maak deze vraag scoring.basis", self.bank.scoring.base.value),
            );
            return;
        }
        let owner = format!("vraag '{id}', optie '{oid}'");
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
                    format!("{owner}: 'grenzen' heeft precies twee stappen"),
                    "schrijf [lichtste, zwaarste], bijvoorbeeld [connectie, coordinatie]",
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
                format!("{owner}: de basis ligt niet binnen de grenzen"),
                "laat de grenzen de basis omvatten: lichtste ≤ basis ≤ zwaarste",
            );
        }
    }

    fn tiers(&mut self, tiers: &[Tier], owner: &str) {
        let mut last: Option<u32> = None;
        for t in tiers {
            if !WEIGHT_RANGE.contains(&t.weight.value) {
                self.error(
                    t.weight.pos,
                    format!(
                        "{owner}: gewicht {} ligt buiten {}..{}",
                        t.weight.value,
                        WEIGHT_RANGE.start(),
                        WEIGHT_RANGE.end()
                    ),
                    "kies een geheel getal binnen dat bereik",
                );
            }
            if last.is_some_and(|l| t.from <= l) {
                self.error(
                    t.weight.pos,
                    format!(
                        "{owner}: de treden moeten oplopen ('vanaf' {} na {})",
                        t.from,
                        last.unwrap_or(0)
                    ),
                    "zet de treden op volgorde van laag naar hoog",
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
                format!(
                    "{owner}: een voorwaarde heeft precies één onderwerp nodig (nu {subjects})"
                ),
                "gebruik per voorwaarde één van: vraag, moment, nodig_vanaf/nodig_tot, overwogen_vanaf, nu, een_van",
            );
        }
        if let Some(moments) = &c.moment {
            if moments.is_empty() {
                self.error(
                    pos,
                    format!("{owner}: lege lijst bij 'moment'"),
                    "noem minstens één moment",
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
                        format!("{owner}: onbekend moment '{}'", m.value),
                        format!("kies een van: {}", ids.join(", ")),
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
                        format!("{owner}: '{what}' kan alleen in een regel"),
                        "buiten een regel is de nodige of overwogen intensiteit nog niet bekend",
                    );
                }
            }
        }
        if let Some(list) = &c.now {
            if !in_rule {
                self.error(
                    pos,
                    format!("{owner}: 'nu' kan alleen in een regel"),
                    "buiten een regel is de huidige stap nog niet bekend",
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
                        format!("{owner}: onbekende waarde '{}' bij 'nu'", n.value),
                        format!(
                            "kies uit: {}, {NOW_NOBODY}, {NOW_SINGLE}, {UNKNOWN}",
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
                    format!("{owner}: lege lijst bij 'een_van'"),
                    "noem minstens twee voorwaarden",
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
                    format!("{owner}: 'is', 'niet', 'behalve' of 'aantal' zonder 'vraag'"),
                    "zet erbij over welke vraag het gaat",
                );
            }
            return;
        };
        let Some(q) = self.bank.question(&qid.value) else {
            self.error(
                qid.pos,
                format!(
                    "{owner}: verwijst naar een vraag die niet bestaat: '{}'",
                    qid.value
                ),
                "controleer het vraag-id",
            );
            return;
        };
        if q.per_goal && !per_goal {
            self.error(
                qid.pos,
                format!(
                    "{owner}: '{}' is een vraag per doel en kan hier niet gebruikt worden",
                    qid.value
                ),
                "gebruik hier alleen vragen die één keer voor de casus gesteld worden",
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
                        format!(
                            "{owner}: '{}' is geen optie van vraag '{}'",
                            o.value, qid.value
                        ),
                        format!(
                            "kies uit: {}, {DONT_KNOW}, {SKIPPED}, {UNKNOWN}",
                            ids.join(", ")
                        ),
                    );
                }
            }
        }
        if (c.count_min.is_some() || c.count_max.is_some()) && q.kind.value != Kind::Multi {
            self.error(
                qid.pos,
                format!("{owner}: 'aantal_min'/'aantal_max' werkt alleen bij een meerkeuzevraag"),
                format!("'{}' is geen meerkeuzevraag; gebruik 'is'", qid.value),
            );
        }
    }

    fn scoring(&mut self) {
        let s = &self.bank.scoring;
        match self.bank.question(&s.base.value) {
            None => self.error(
                s.base.pos,
                format!("scoring.basis: vraag '{}' bestaat niet", s.base.value),
                "noem de vraag naar het soort vraagstuk, zoals doel_afhankelijk",
            ),
            Some(q) => {
                if !q.per_goal || !q.kind.value.has_options() || q.kind.value == Kind::Multi {
                    self.error(
                        s.base.pos,
                        format!(
                            "scoring.basis: '{}' moet een keuze- of schaalvraag per doel zijn",
                            s.base.value
                        ),
                        "het soort vraagstuk wordt per doel gevraagd, met één antwoord",
                    );
                }
                for o in &q.options {
                    if o.base.is_none() || o.bounds.is_none() {
                        self.error(
                            o.id.pos,
                            format!(
                                "scoring.basis: optie '{}' van '{}' mist 'basis' of 'grenzen'",
                                o.id.value, s.base.value
                            ),
                            "geef elke optie een basisstap en [lichtste, zwaarste]",
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
                    "verschuiving: geef 'vanaf' met positieve 'stappen', of 'tot' met negatieve",
                    "bijvoorbeeld {vanaf: 3, stappen: 1} of {tot: -1, stappen: -1}",
                ),
            }
            if shift.steps.value.abs() > 4 {
                self.error(
                    shift.steps.pos,
                    "verschuiving: meer dan vier stappen bestaat niet",
                    "kies 1 tot 4 stappen",
                );
            }
        }
        if s.family.min.value > s.family.max.value {
            self.error(
                s.family.min.pos,
                "gezin: 'min' is groter dan 'max'",
                "bijvoorbeeld min: -1, max: 2",
            );
        }
        if first_up.is_some_and(|f| s.family.max.value >= f) {
            self.warning(
                s.family.max.pos,
                "gezin: met deze 'max' kan het gezin als geheel een doel op eigen kracht een stap zwaarder maken",
                "houd gezin.max onder de laagste 'vanaf' van verschuiving",
            );
        }
        if !(0.0..=1.0).contains(&s.too_few_below) {
            self.error(
                Pos::UNKNOWN,
                "te_weinig_onder ligt tussen 0 en 1",
                "bijvoorbeeld 0.5: minder dan de helft van de kernvragen beantwoord",
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
                format!("overname: vraag '{}' bestaat niet", t.value),
                "controleer het vraag-id",
            );
        }
        for combo in &s.combinations {
            if combo.multiply.len() < 2 {
                self.error(
                    combo.id.pos,
                    format!(
                        "combinatie '{}' vermenigvuldigt minder dan twee vragen",
                        combo.id.value
                    ),
                    "noem twee of meer meerkeuzevragen",
                );
            }
            for qid in &combo.multiply {
                match self.bank.question(&qid.value) {
                    None => self.error(
                        qid.pos,
                        format!(
                            "combinatie '{}': vraag '{}' bestaat niet",
                            combo.id.value, qid.value
                        ),
                        "controleer het vraag-id",
                    ),
                    Some(q) if q.kind.value != Kind::Multi => self.error(
                        qid.pos,
                        format!(
                            "combinatie '{}': '{}' is geen meerkeuzevraag",
                            combo.id.value, qid.value
                        ),
                        "een combinatie telt keuzes van meerkeuzevragen",
                    ),
                    Some(q) if q.is_organisational() => self.error(
                        qid.pos,
                        format!(
                            "combinatie '{}': '{}' is een vraag van organisatie en beleid",
                            combo.id.value, qid.value
                        ),
                        "organisatie en beleid bepalen niet wat nodig is",
                    ),
                    Some(_) => {}
                }
            }
            self.tiers(&combo.tiers, &format!("combinatie '{}'", combo.id.value));
        }
        if let Some(m) = &s.missing {
            for qid in [&m.needed, &m.involved] {
                match self.bank.question(&qid.value) {
                    None => self.error(
                        qid.pos,
                        format!("ontbrekend: vraag '{}' bestaat niet", qid.value),
                        "controleer het vraag-id",
                    ),
                    Some(q) if q.kind.value != Kind::Multi => self.error(
                        qid.pos,
                        format!("ontbrekend: '{}' is geen meerkeuzevraag", qid.value),
                        "'nodig' en 'betrokken' zijn meerkeuzevragen met dezelfde opties",
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
                    format!(
                        "regel '{rid}' staat er twee keer (eerst op regel {})",
                        first.line
                    ),
                    "geef elke regel een eigen id",
                );
            }
            let owner = format!("regel '{rid}'");
            if rule.when.is_empty() {
                self.error(
                    rule.id.pos,
                    format!("{owner} heeft geen voorwaarden ('als')"),
                    "geef minstens één voorwaarde",
                );
            }
            if let Some(scope) = &rule.scope
                && scope.value != "doel"
                && scope.value != "casus"
            {
                self.error(
                    scope.pos,
                    format!(
                        "{owner}: 'voor' is 'doel' of 'casus', niet '{}'",
                        scope.value
                    ),
                    "laat 'voor' weg (per doel) of zet 'voor: casus'",
                );
            }
            for c in &rule.when {
                self.condition(c, true, true, &owner);
            }
            let e = &rule.then;
            if e.priority && e.minimum.is_none() {
                self.error(
                    rule.id.pos,
                    format!("{owner}: 'voorrang' zonder 'minimaal'"),
                    "voorrang geldt voor een ondergrens",
                );
            }
            if rule.for_case() && (e.minimum.is_some() || e.maximum.is_some()) {
                self.error(
                    rule.id.pos,
                    format!(
                        "{owner}: een regel voor de casus kan 'minimaal'/'maximaal' niet zetten"
                    ),
                    "grenzen gelden per doel; gebruik richting, eerst of actie",
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
                    format!("{owner} doet niets ('dan' is leeg)"),
                    "geef minimaal, maximaal, richting, eerst of actie",
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
                    format!("{owner}: onbekende richting '{}'", d.value),
                    format!("kies een van: {}", DIRECTION_IDS.join(", ")),
                );
            }
            if changes_need && rule.when.iter().any(Condition::is_about_need) {
                self.error(
                    rule.id.pos,
                    format!("{owner}: 'minimaal'/'maximaal' kan niet samen met 'nodig_vanaf'/'nodig_tot'"),
                    "een regel over de nodige intensiteit kan die niet zelf veranderen; gebruik richting, eerst of actie",
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
                        format!("{owner} verandert wat nodig is op grond van '{id}' (organisatie en beleid)"),
                        "wat mogelijk is verlaagt nooit wat nodig is; de kloof toont voorwie zelf",
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
                        format!(
                            "vraag '{}' is onbereikbaar: 'toon_als' hangt af van '{}', die {} gesteld wordt",
                            q.id.value,
                            dep_id.value,
                            if j == i { "de vraag zelf is en dus niet eerder" } else { "pas later" }
                        ),
                        "laat een vraag alleen afhangen van vragen die eerder in de sessie komen",
                    );
                    continue;
                }
                let dep = flow[j];
                if q.phase() == Phase::Screening && dep.phase() == Phase::Deepening {
                    self.warning(
                        dep_id.pos,
                        format!(
                            "screeningsvraag '{}' hangt af van verdiepingsvraag '{}': met --snel wordt zij nooit gesteld",
                            q.id.value, dep_id.value
                        ),
                        "maak beide screening, of maak deze vraag ook verdieping",
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
