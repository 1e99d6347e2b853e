//! Plain text. Two layouts from the same views:
//! - for pasting into a case file (files, pipes, `--format tekst`): lists, at
//!   most 80 columns, no colour, readable without the tool;
//! - for a screen (an interactive terminal): the same sections, with tables
//!   (comfy-table), the continuum drawn as five cells, and colour when the
//!   terminal and `NO_COLOR` allow it.

use super::goals_heading;
use comfy_table::{Cell, ContentArrangement, Table, presets};
use console::Style as Paint;

use super::{Renderer, Style};
use crate::base::plain_text::{dutch_date, lower_start, wrap};
use crate::base::ui::{Ui, fill};
use crate::views::card::Card;
use crate::views::compare::Comparison;
use crate::views::continuum::ContinuumView;
use crate::views::examples::ExampleList;
use crate::views::overview::Overview;
use crate::views::report::{ActionView, AdviceView, GoalView, NowView, ReasonView, Report};

pub struct TextRenderer {
    style: Style,
    ui: &'static Ui,
}

/// Width of the label column in "Label:  value" lines.
const LABEL_WIDTH: usize = 13;

impl TextRenderer {
    /// A text renderer in the language of `ui`.
    pub fn with(style: Style, ui: &'static Ui) -> Self {
        TextRenderer {
            style: Style {
                width: style.width.clamp(30, 200),
                ..style
            },
            ui,
        }
    }

    fn paint(&self) -> Paint {
        Paint::new().force_styling(self.style.color)
    }

    fn wrap(&self, text: &str, first: &str, rest: &str) -> String {
        wrap(text, self.style.width, first, rest)
    }

    fn heading(&self, out: &mut String, title: &str) {
        out.push('\n');
        let t = title.to_uppercase();
        out.push_str(&self.paint().bold().apply_to(t).to_string());
        out.push('\n');
    }

    fn field(&self, out: &mut String, label: &str, value: &str) {
        let first = format!("{:<LABEL_WIDTH$}", format!("{label}: "));
        // A label wider than the column: continue under the label's start,
        // indented a little, rather than under a column that is not there.
        let rest = if first.chars().count() > LABEL_WIDTH {
            2
        } else {
            LABEL_WIDTH
        };
        out.push_str(&self.wrap(value, &first, &" ".repeat(rest)));
        out.push('\n');
    }

    fn bullet(&self, out: &mut String, text: &str, indent: usize) {
        let pad = " ".repeat(indent);
        out.push_str(&self.wrap(text, &format!("{pad}- "), &format!("{pad}  ")));
        out.push('\n');
    }

    fn paragraph(&self, out: &mut String, text: &str) {
        out.push_str(&self.wrap(text, "", ""));
        out.push('\n');
    }

    /// Tables only on a screen wide enough for them; lists otherwise.
    fn tables(&self) -> bool {
        self.style.screen && self.style.width >= 70
    }

    fn table(&self) -> Table {
        let mut t = Table::new();
        t.load_style(if self.style.unicode {
            presets::UTF8_FULL_CONDENSED
        } else {
            presets::ASCII_FULL_CONDENSED
        });
        t.set_content_arrangement(ContentArrangement::Dynamic);
        t.set_width(u16::try_from(self.style.width).unwrap_or(80));
        // Without the `tty` feature (the browser edition) there is no
        // styling to switch.
        #[cfg(not(target_arch = "wasm32"))]
        if !self.style.color {
            t.force_no_tty();
        } else {
            t.enforce_styling();
        }
        t
    }

    fn action_text(&self, a: &ActionView) -> String {
        let mentions_goal = a.doelen.iter().all(|g| a.tekst.contains(g.as_str()));
        if a.doelen.is_empty() || mentions_goal {
            a.tekst.clone()
        } else {
            let goals: Vec<String> = a.doelen.iter().map(|g| format!("'{g}'")).collect();
            format!("{} ({})", a.tekst, goals.join(", "))
        }
    }

    /// The continuum on one line, with the current, suggested and needed
    /// step marked: the same on a screen as in a file.
    fn bar(&self, out: &mut String, r: &Report) {
        let marks = |i: usize| -> Vec<&str> {
            let mut m = Vec::new();
            if r.huidig.as_ref().is_some_and(|h| h.index == i) {
                m.push(self.ui.bar_now);
            }
            if r.advies.index == i {
                m.push(self.ui.bar_advice);
            }
            if r.advies.nodig.index == i && r.advies.nodig.index != r.advies.index {
                m.push(if r.richting == "eerst_afstemmen" {
                    self.ui.bar_needed_later
                } else {
                    self.ui.bar_needed
                });
            }
            m
        };
        let cells: Vec<String> = r
            .continuum
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let name = s.naam.to_lowercase();
                let name = if r.advies.index == i {
                    name.to_uppercase()
                } else {
                    name
                };
                let m = marks(i);
                if m.is_empty() {
                    name
                } else {
                    format!("{name} [{}]", m.join(", "))
                }
            })
            .collect();
        out.push_str(&self.wrap(&cells.join(" → "), "", "  "));
        out.push('\n');
    }

    /// "Coördinatie, opschalen (nu: connectie)", with what comes first and
    /// what is needed when they differ.
    fn step_line(&self, a: &AdviceView, direction: &str, now: &NowView) -> String {
        let ui = self.ui;
        let mut line = format!("{}, {}", a.naam, lower_start(direction));
        if a.nodig.index != a.index {
            line = format!(
                "{line} ({})",
                fill(ui.then_maybe, &[("need", &a.nodig.naam.to_lowercase())])
            );
        }
        let mut now_text = lower_start(&now.tekst);
        if now.bron.as_deref() == Some("casus") {
            now_text = format!("{now_text}, {}", ui.now_from_case);
        }
        format!("{line}; {}: {now_text}", ui.current.to_lowercase())
    }

    fn goal_block(&self, out: &mut String, n: usize, g: &GoalView, same_forms: Option<usize>) {
        let ui = self.ui;
        let step = self.step_line(&g.advies, &g.richting_naam, &g.nu);
        // The short form puts the suggestion on the goal's own line; with
        // an own choice the choice comes first, so it keeps its own lines.
        if !self.style.long && g.overschrijving.is_none() {
            out.push_str(&self.wrap(
                &format!(
                    "{n}. {} — {}: {}",
                    g.label,
                    ui.suggestion.to_lowercase(),
                    lower_start(&step)
                ),
                "",
                "   ",
            ));
            out.push('\n');
        } else {
            out.push_str(&self.wrap(&format!("{n}. {}", g.label), "", "   "));
            out.push('\n');
        }
        if let Some(o) = &g.overschrijving {
            let line = fill(
                ui.override_line,
                &[
                    ("chosen", &o.gekozen.naam),
                    ("suggested", &o.suggestie.naam),
                ],
            );
            out.push_str(&self.wrap(
                &format!("{line} {}: {}", ui.override_reason, o.reden),
                "   ",
                "   ",
            ));
            out.push('\n');
        }
        if self.style.long || g.overschrijving.is_some() {
            out.push_str(&self.wrap(&format!("{}: {step}", ui.suggestion), "   ", "   "));
            out.push('\n');
        }
        // The step's own form and the one that fits the case best come
        // first; the long form lists every example.
        let forms = super::goal_forms(g, self.style.long);
        if !forms.is_empty() {
            let label = if forms.len() == 1 { ui.form } else { ui.forms };
            let text = match same_forms {
                Some(earlier) => fill(ui.forms_as_goal, &[("n", &earlier.to_string())]),
                None => forms.join("; "),
            };
            out.push_str(&self.wrap(&format!("{label}: {text}"), "   ", "   "));
            out.push('\n');
        }
        let reasons: Vec<&ReasonView> = super::goal_reasons(g, self.style.long);
        if self.style.long {
            out.push_str(&format!("   {}:\n", ui.why));
            for r in reasons {
                self.bullet(out, &r.tekst, 3);
            }
        } else {
            let why: Vec<&str> = reasons.iter().map(|r| r.tekst.as_str()).collect();
            out.push_str(&self.wrap(&format!("{}: {}", ui.why, why.join(" ")), "   ", "   "));
            out.push('\n');
        }
        // The long form always gives the certainty; the short form when the
        // suggestion is not sure.
        if self.style.long || g.advies.zekerheid != ui.certainty_high {
            out.push_str(&self.wrap(
                &format!(
                    "{}: {}. {}",
                    ui.certainty, g.advies.zekerheid, g.advies.zekerheid_uitleg
                ),
                "   ",
                "   ",
            ));
            out.push('\n');
        }
        for w in &g.eigen_woorden {
            out.push_str(&self.wrap(&question_answer(&w.vraag, &w.tekst), "   ", "   "));
            out.push('\n');
        }
    }
}

impl Renderer for TextRenderer {
    fn report(&self, r: &Report) -> String {
        // The summary is the same plain text on a screen as in a file or a
        // pipe: it is what goes into the case file.
        if self.style
            != (Style {
                long: self.style.long,
                ..Style::paste()
            })
        {
            return TextRenderer::with(
                Style {
                    long: self.style.long,
                    ..Style::paste()
                },
                self.ui,
            )
            .report(r);
        }
        let ui = self.ui;
        let mut out = String::new();
        out.push_str(&self.paint().bold().apply_to(ui.summary_title).to_string());
        out.push('\n');
        self.paragraph(&mut out, &r.casusinformatie);
        out.push('\n');
        // The date and the moment on one line: "30-11-2026, evaluatie".
        let date = match &r.moment {
            Some(m) => format!("{}, {}", dutch_date(&r.datum), lower_start(&m.naam)),
            None => dutch_date(&r.datum),
        };
        self.field(&mut out, ui.date, &date);
        if let Some(b) = &r.beoordelaar {
            let who = match &b.role {
                Some(role) => format!("{} ({role})", b.label),
                None => b.label.clone(),
            };
            self.field(&mut out, ui.rater, &who);
        }
        self.field(
            &mut out,
            ui.tool,
            &format!(
                "{} {}, {} {} {}",
                r.voorwie.naam,
                r.voorwie.versie,
                ui.bank.to_lowercase(),
                r.bank.id,
                r.bank.versie
            ),
        );
        if !r.bron.is_empty() {
            self.field(&mut out, ui.source, &r.bron);
        }
        self.paragraph(
            &mut out,
            &fill(
                ui.answered_line,
                &[
                    ("n", &r.beantwoord.beantwoord.to_string()),
                    ("total", &r.beantwoord.kernvragen.to_string()),
                ],
            ),
        );
        if let Some(t) = &r.beantwoord.tekst {
            out.push('\n');
            self.paragraph(&mut out, &format!("{} {t}", ui.attention));
        }

        if let Some(c) = &r.casus {
            self.heading(&mut out, ui.case_heading);
            for para in c.trim().split("\n\n") {
                self.paragraph(
                    &mut out,
                    &para.split_whitespace().collect::<Vec<_>>().join(" "),
                );
            }
            if let Some(o) = &r.onderbouwing {
                out.push('\n');
                self.field(&mut out, ui.rationale, o);
            }
        }

        self.heading(&mut out, ui.case_advice);
        if let Some(o) = &r.overschrijving {
            self.field(
                &mut out,
                ui.override_title,
                &format!(
                    "{} ({}: {}). {}: {}",
                    o.gekozen.naam,
                    ui.suggestion.to_lowercase(),
                    o.suggestie.naam.to_lowercase(),
                    ui.override_reason,
                    o.reden
                ),
            );
        }
        let a = &r.advies;
        let step_of = fill(ui.step_of, &[("n", &(a.index + 1).to_string())]);
        self.field(
            &mut out,
            ui.suggestion,
            &format!("{} ({step_of}, {})", a.naam, a.intensiteit),
        );
        if a.nodig.index != a.index {
            self.field(
                &mut out,
                ui.needed,
                &fill(
                    ui.first_then,
                    &[
                        ("first", &a.naam.to_lowercase()),
                        ("need", &a.nodig.naam.to_lowercase()),
                    ],
                ),
            );
        }
        self.field(&mut out, ui.current, &r.nu.tekst);
        if let Some(c) = &r.overwogen_tekst {
            self.field(&mut out, ui.considered, c);
        }
        self.field(
            &mut out,
            ui.direction,
            &format!("{}. {}", r.richting_naam, r.richting_uitleg),
        );
        self.field(
            &mut out,
            ui.certainty,
            &format!("{}. {}", a.zekerheid, a.zekerheid_uitleg),
        );
        match &r.kloof {
            // The short form says the gap once, here, with where it lies.
            Some(k) if !self.style.long && !k.niveau_namen.is_empty() => self.field(
                &mut out,
                ui.possible,
                &format!(
                    "{} {}.",
                    r.mogelijk.tekst,
                    fill(ui.gap_level, &[("level", &k.niveau_namen.join(", "))])
                ),
            ),
            _ => self.field(&mut out, ui.possible, &r.mogelijk.tekst),
        }
        // In the short form the forms stand with each goal.
        if !a.vormen.is_empty() && (self.style.long || r.doelen.is_empty()) {
            self.field(&mut out, ui.forms, &a.vormen.join("; "));
        }
        out.push('\n');
        self.bar(&mut out, r);
        self.paragraph(&mut out, &r.hoger_niet_beter);

        if r.doelen.is_empty() {
            self.heading(&mut out, ui.reasons);
            self.paragraph(&mut out, ui.no_goals);
        } else {
            self.heading(&mut out, goals_heading(ui, r));
            for (i, g) in r.doelen.iter().enumerate() {
                let same = (!self.style.long)
                    .then(|| super::same_forms_as(&r.doelen, i))
                    .flatten();
                self.goal_block(&mut out, i + 1, g, same);
            }
            if r.doelen.len() > 1 {
                if let Some(goal) = super::case_follows(r) {
                    self.paragraph(&mut out, &fill(ui.case_follows, &[("goal", goal)]));
                }
                // The same order twice says nothing in the short form.
                let same_order = r.volgorde.gezin_gegeven && !r.volgorde.verschilt;
                if r.volgorde.hulpverlening_gegeven && (self.style.long || !same_order) {
                    let care: Vec<String> = r
                        .volgorde
                        .hulpverlening
                        .iter()
                        .enumerate()
                        .map(|(i, g)| format!("{}. {g}", i + 1))
                        .collect();
                    self.field(&mut out, ui.order_care, &care.join(", "));
                }
                if !r.volgorde.gezin_gegeven {
                    self.paragraph(&mut out, ui.order_family_missing);
                }
                if r.volgorde.verschilt {
                    self.paragraph(&mut out, ui.orders_differ);
                }
            }
        }

        if let Some(s) = &r.afschalen {
            self.heading(&mut out, &s.titel);
            for line in &s.regels {
                self.bullet(&mut out, line, 0);
            }
            self.field(&mut out, ui.scale_down_signal, &s.signaal);
        }

        if let Some(k) = &r.kloof
            && self.style.long
        {
            self.heading(&mut out, ui.gap);
            self.paragraph(&mut out, &k.tekst);
            if !k.niveau_namen.is_empty() {
                self.paragraph(
                    &mut out,
                    &fill(ui.gap_level, &[("level", &k.niveau_namen.join(", "))]),
                );
            }
            if self.style.long {
                if !k.doelen.is_empty() {
                    self.field(&mut out, ui.gap_goals, &k.doelen.join(", "));
                }
                for limit in &k.beperkt_door {
                    self.bullet(&mut out, &format!("{}: {limit}", ui.gap_limited_by), 0);
                }
            }
        }

        self.heading(&mut out, ui.actions);
        if r.actiepunten.is_empty() {
            self.paragraph(&mut out, ui.no_actions);
        }
        for (group, title) in [
            ("doen", ui.actions_do),
            ("uitzoeken", ui.actions_find_out),
            ("neerleggen", ui.actions_take_to),
        ] {
            let (items, left) = super::actions_shown(r, group, self.style.long);
            if items.is_empty() {
                continue;
            }
            out.push_str(&format!("{title}:\n"));
            for action in items {
                self.bullet(&mut out, &self.action_text(action), 0);
            }
            if left > 0 {
                self.paragraph(
                    &mut out,
                    &fill(ui.actions_find_out_more, &[("n", &left.to_string())]),
                );
            }
        }

        if !r.eigen_woorden.is_empty() {
            self.heading(&mut out, ui.own_words);
            for w in &r.eigen_woorden {
                self.bullet(&mut out, &question_answer(&w.vraag, &w.tekst), 0);
            }
        }
        if let Some(n) = &r.notities {
            self.heading(&mut out, ui.notes);
            for para in n.trim().split("\n\n") {
                self.paragraph(
                    &mut out,
                    &para.split_whitespace().collect::<Vec<_>>().join(" "),
                );
            }
        }
        if !r.overgeslagen_vragen.is_empty() || r.weet_niet > 0 {
            out.push('\n');
            self.paragraph(
                &mut out,
                &fill(
                    ui.unknown_count,
                    &[
                        ("dont_know", &r.weet_niet.to_string()),
                        ("skipped", &r.overgeslagen.to_string()),
                    ],
                ),
            );
            if !r.overgeslagen_vragen.is_empty() {
                self.field(
                    &mut out,
                    ui.skipped_questions,
                    &r.overgeslagen_vragen.join("; "),
                );
            }
        }
        if self.style.long {
            // The case follows its decisive goal, whose reasons are printed
            // with that goal above: only what the case adds gets a section.
            let driving = r
                .bepalend_doel
                .as_ref()
                .and_then(|label| r.doelen.iter().find(|g| &g.label == label));
            let extra: Vec<&ReasonView> = r
                .redenen
                .iter()
                .filter(|x| driving.is_none_or(|g| !g.redenen.iter().any(|y| y.tekst == x.tekst)))
                .collect();
            if !extra.is_empty() && !r.doelen.is_empty() {
                self.heading(
                    &mut out,
                    &r.bepalend_doel.as_ref().map_or_else(
                        || ui.reasons.to_owned(),
                        |g| fill(ui.reasons_driven_by, &[("goal", g)]),
                    ),
                );
                for reason in extra {
                    self.bullet(&mut out, &reason.tekst, 0);
                }
            }
            self.heading(&mut out, ui.reflection);
            for prompt in &r.reflectie {
                self.bullet(&mut out, prompt, 0);
            }
        }
        out
    }

    fn card(&self, c: &Card) -> String {
        let mut out = String::new();
        let ui = self.ui;
        let title = fill(ui.card_title, &[("title", ui.title)]);
        let version = format!("{} {}", c.bank.id, c.bank.versie);
        let gap = self
            .style
            .width
            .saturating_sub(title.chars().count() + version.chars().count())
            .max(2);
        out.push_str(&self.paint().bold().apply_to(&title).to_string());
        out.push_str(&" ".repeat(gap));
        out.push_str(&version);
        out.push('\n');
        out.push_str(&self.wrap(
            &fill(ui.card_start, &[("question", &c.startvraag.tekst)]),
            "",
            "  ",
        ));
        out.push('\n');
        out.push_str(&self.wrap(ui.card_think, "  ", "  "));
        out.push('\n');
        let check = |q: &crate::views::card::CardQuestion| {
            let mark = if q.fase == "verdieping" { "+" } else { " " };
            format!("[{mark}] {}", q.kort)
        };
        self.heading(&mut out, ui.card_per_goal);
        for q in &c.per_doel {
            out.push_str(&self.wrap(&check(q), "", "    "));
            out.push('\n');
        }
        for level in &c.niveaus {
            let name = if level.id == "organisatie" {
                fill(ui.card_forgotten, &[("level", &level.naam)])
            } else {
                level.naam.clone()
            };
            self.heading(&mut out, &name);
            for q in &level.vragen {
                out.push_str(&self.wrap(&check(q), "", "    "));
                out.push('\n');
            }
        }
        self.heading(&mut out, ui.continuum_heading);
        let name_width = c
            .continuum
            .iter()
            .map(|s| s.naam.chars().count())
            .max()
            .unwrap_or(10)
            + 4;
        for s in &c.continuum {
            let first = format!("{:<name_width$}", format!("{} {}", s.index + 1, s.naam));
            out.push_str(&self.wrap(&s.kort, &first, &" ".repeat(name_width)));
            out.push('\n');
        }
        self.paragraph(&mut out, &c.hoger_niet_beter);
        out.push('\n');
        out.push_str(&self.wrap(
            &format!(
                "{}   {}",
                c.reflectie.first().map_or("", String::as_str),
                ui.card_legend
            ),
            "",
            "",
        ));
        out.push('\n');
        out
    }

    fn continuum(&self, v: &ContinuumView) -> String {
        let ui = self.ui;
        let mut out = String::new();
        if v.stap.is_some() {
            for s in &v.stappen {
                let title = fill(
                    ui.continuum_step_title,
                    &[
                        ("n", &(s.index + 1).to_string()),
                        ("name", &s.volledige_naam),
                        ("intensity", &s.intensiteit),
                    ],
                );
                out.push_str(&self.paint().bold().apply_to(title).to_string());
                out.push('\n');
                self.paragraph(&mut out, &s.uitleg);
                self.heading(&mut out, ui.forms);
                for f in &s.vormen {
                    self.bullet(&mut out, f, 0);
                }
                if !s.voorbeelden.is_empty() {
                    self.heading(&mut out, ui.examples_heading);
                    for e in &s.voorbeelden {
                        self.bullet(&mut out, e, 0);
                    }
                }
                if let Some(d) = &s.verschil {
                    self.heading(&mut out, ui.difference_heading);
                    self.paragraph(&mut out, d);
                }
                let around: Vec<String> = [
                    s.lichter.as_ref().map(|l| format!("{}: {l}", ui.lighter)),
                    s.zwaarder.as_ref().map(|z| format!("{}: {z}", ui.heavier)),
                ]
                .into_iter()
                .flatten()
                .collect();
                if !around.is_empty() {
                    out.push('\n');
                    self.paragraph(
                        &mut out,
                        &fill(ui.on_continuum, &[("around", &around.join("; "))]),
                    );
                }
                if let Some(b) = &s.bron {
                    out.push('\n');
                    self.paragraph(&mut out, &format!("{}: {b}", ui.source));
                }
            }
            out.push('\n');
            self.paragraph(&mut out, &v.uitleg);
            return out;
        }
        out.push_str(&self.paint().bold().apply_to(ui.continuum_title).to_string());
        out.push('\n');
        self.paragraph(&mut out, &v.uitleg);
        out.push('\n');
        // A list, on a screen too: four columns of prose in a table
        // would break words inside their cells on any laptop screen.
        for s in &v.stappen {
            let title = self.wrap(
                &format!("{} {} ({})", s.index + 1, s.naam, s.intensiteit),
                "",
                "  ",
            );
            out.push_str(&self.paint().bold().apply_to(title).to_string());
            out.push('\n');
            out.push_str(&self.wrap(&s.kort, "  ", "  "));
            out.push('\n');
            out.push_str(&self.wrap(
                &format!("{}: {}", ui.forms, s.vormen.join("; ")),
                "  ",
                "  ",
            ));
            out.push_str("\n\n");
        }
        self.paragraph(&mut out, ui.continuum_more);
        out
    }

    fn comparison(&self, c: &Comparison) -> String {
        let ui = self.ui;
        let mut out = String::new();
        let title = if c.soort == "tijdlijn" {
            ui.cmp_title_timeline
        } else {
            ui.cmp_title_raters
        };
        out.push_str(&self.paint().bold().apply_to(title).to_string());
        out.push('\n');
        self.paragraph(&mut out, &c.casusinformatie);
        for w in &c.waarschuwingen {
            out.push('\n');
            self.paragraph(&mut out, w);
        }
        out.push('\n');

        // One row per session; the case and every shared goal as columns.
        let mut t = self.table();
        let mut header = vec![ui.cmp_label.to_owned()];
        let roles = c.sessies.iter().any(|s| s.rol.is_some());
        let dates = c.soort == "tijdlijn";
        if roles {
            header.push(ui.cmp_role.to_owned());
        }
        if dates {
            header.push(ui.date.to_owned());
        }
        header.push(c.casus.label.clone());
        header.extend(c.doelen.iter().map(|d| d.label.clone()));
        // Step names need about 14 columns each; abbreviate when they would
        // be broken inside their cells.
        let abbreviate = header.len() * 14 > self.style.width;
        t.set_header(header);
        for (i, s) in c.sessies.iter().enumerate() {
            let mut cells = vec![Cell::new(&s.label)];
            if roles {
                // In full under "per rol"; here it must not squeeze the steps.
                let role = s.rol.as_deref().unwrap_or("");
                cells.push(Cell::new(console::truncate_str(role, 14, "…")));
            }
            if dates {
                cells.push(Cell::new(
                    s.datum.as_deref().map(dutch_date).unwrap_or_default(),
                ));
            }
            for row in std::iter::once(&c.casus).chain(&c.doelen) {
                let name = row.stappen[i].as_ref().map_or("", |x| x.naam.as_str());
                cells.push(Cell::new(if abbreviate {
                    short_step(name)
                } else {
                    name.to_owned()
                }));
            }
            t.add_row(cells);
        }
        out.push_str(&t.to_string());
        out.push('\n');

        let raters = c.sessies.iter().filter(|s| !s.referentie).count();
        if !dates {
            self.heading(&mut out, ui.cmp_spread);
            for row in std::iter::once(&c.casus).chain(&c.doelen) {
                let mut line = row.spread_line(ui);
                if row.bespreek {
                    line.push_str(&format!(
                        " — {}",
                        self.paint().bold().apply_to(ui.cmp_discuss.to_uppercase())
                    ));
                }
                self.bullet(&mut out, &line, 0);
                let dist: Vec<String> = row
                    .verdeling
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| **n > 0)
                    .filter_map(|(i, n)| {
                        // A counted step is some session's step: take its name.
                        let step = row.stappen.iter().flatten().find(|s| s.index == i)?;
                        Some(format!("{} {n}", step.naam.to_lowercase()))
                    })
                    .collect();
                out.push_str(&self.wrap(
                    &format!("{}: {}", ui.cmp_distribution, dist.join(", ")),
                    "  ",
                    "  ",
                ));
                out.push('\n');
                for line in [
                    row.needed_line(ui, &c.sessies),
                    row.direction_line(ui, &c.sessies),
                ]
                .into_iter()
                .chain(row.reference_line(ui, raters))
                {
                    out.push_str(&self.wrap(&line, "  ", "  "));
                    out.push('\n');
                }
            }
            if c.casus.spreiding == 0 && c.doelen.iter().all(|d| d.spreiding == 0) {
                self.paragraph(&mut out, ui.cmp_agree);
            }
        }

        if !c.ongematcht.is_empty() {
            self.heading(&mut out, ui.cmp_unmatched);
            for u in &c.ongematcht {
                self.bullet(
                    &mut out,
                    &fill(
                        ui.cmp_unmatched_line,
                        &[("goal", &u.label), ("who", &u.in_sessies.join(", "))],
                    ),
                    0,
                );
            }
        }

        if !dates {
            self.heading(&mut out, ui.cmp_differences);
            if c.verschillen.is_empty() {
                self.paragraph(&mut out, ui.cmp_no_differences);
            }
            for d in &c.verschillen {
                let title = match &d.doel {
                    Some(g) => format!("{} ({} '{g}')", d.tekst, ui.goal.to_lowercase()),
                    None => d.tekst.clone(),
                };
                self.bullet(&mut out, &title, 0);
                for a in &d.antwoorden {
                    out.push_str(&self.wrap(
                        &format!("{}: {}", a.antwoord, a.sessies.join(", ")),
                        "    ",
                        "      ",
                    ));
                    out.push('\n');
                }
            }
        }

        if !c.per_rol.is_empty() {
            self.heading(&mut out, ui.cmp_per_role);
            for g in &c.per_rol {
                self.bullet(
                    &mut out,
                    &format!(
                        "{} ({}): {}",
                        g.rol,
                        g.sessies.join(", "),
                        g.stappen.join(", ")
                    ),
                    0,
                );
            }
        }

        if !c.tijdlijn.is_empty() {
            self.heading(&mut out, ui.cmp_changes);
            for ch in &c.tijdlijn {
                self.bullet(
                    &mut out,
                    &format!("{} → {}", dutch_date(&ch.van), dutch_date(&ch.naar)),
                    0,
                );
                for w in &ch.wat {
                    self.bullet(&mut out, w, 2);
                }
            }
        }
        out
    }

    fn overview(&self, o: &Overview) -> String {
        let ui = self.ui;
        let mut out = String::new();
        out.push_str(&self.paint().bold().apply_to(ui.ov_title).to_string());
        out.push('\n');
        self.paragraph(
            &mut out,
            &fill(
                ui.ov_counts,
                &[
                    ("sessions", &o.sessies.to_string()),
                    ("goals", &o.doelen.to_string()),
                ],
            ),
        );
        if o.niet_gelezen > 0 {
            self.paragraph(
                &mut out,
                &fill(ui.ov_failed, &[("n", &o.niet_gelezen.to_string())]),
            );
        }
        self.paragraph(&mut out, ui.ov_anonymous);
        if o.sessies == 0 {
            out.push('\n');
            self.paragraph(&mut out, ui.ov_none);
        } else {
            let bars =
                |out: &mut String, counts: &[crate::views::overview::StepCount], total: usize| {
                    let width = counts
                        .iter()
                        .map(|c| console::measure_text_width(&c.naam))
                        .max()
                        .unwrap_or(10);
                    let bar_room = self.style.width.saturating_sub(width + 20).max(10);
                    let block = if self.style.unicode { "█" } else { "#" };
                    for c in counts {
                        let pct = (c.aantal * 100 + total / 2) / total.max(1);
                        let len = c.aantal * bar_room / total.max(1);
                        out.push_str(&format!(
                            "  {:<width$} {:>6} {:>4}%  {}\n",
                            c.naam,
                            c.aantal,
                            pct,
                            block.repeat(len)
                        ));
                    }
                };
            self.heading(&mut out, ui.ov_steps);
            bars(&mut out, &o.stappen, o.sessies);
            self.heading(&mut out, ui.ov_per_moment);
            for m in &o.per_moment {
                let counts: Vec<String> = m
                    .stappen
                    .iter()
                    .filter(|c| c.aantal > 0)
                    .map(|c| format!("{} {}", c.naam.to_lowercase(), c.aantal))
                    .collect();
                self.bullet(
                    &mut out,
                    &format!("{} ({}): {}", m.naam, m.sessies, counts.join(", ")),
                    0,
                );
            }
            self.heading(&mut out, ui.ov_goal_steps);
            bars(&mut out, &o.doelen_stappen, o.doelen);
            self.heading(&mut out, ui.ov_directions);
            for d in &o.richtingen {
                self.bullet(&mut out, &format!("{}: {}", d.tekst, d.aantal), 0);
            }
            self.heading(&mut out, ui.ov_gap);
            let pct = (o.kloof.sessies * 100 + o.sessies / 2) / o.sessies.max(1);
            self.paragraph(
                &mut out,
                &fill(
                    ui.ov_gap_line,
                    &[
                        ("n", &o.kloof.sessies.to_string()),
                        ("total", &o.sessies.to_string()),
                        ("pct", &pct.to_string()),
                    ],
                ),
            );
            for l in &o.kloof.per_niveau {
                self.bullet(&mut out, &format!("{}: {}", l.tekst, l.aantal), 0);
            }
            self.heading(&mut out, ui.ov_actions);
            for a in &o.actiepunten {
                self.bullet(&mut out, &format!("{}× {}", a.aantal, a.tekst), 0);
            }
            self.heading(&mut out, ui.ov_unknowns);
            for a in &o.weet_niet {
                self.bullet(&mut out, &format!("{}× {}", a.aantal, a.tekst), 0);
            }
            self.heading(&mut out, ui.ov_overrides);
            let ov = &o.overschrijvingen;
            if ov.totaal == 0 {
                self.paragraph(&mut out, ui.ov_no_overrides);
            } else {
                self.paragraph(&mut out, &ov.line(ui));
            }
        }
        if !o.niet_gelezen_bestanden.is_empty() {
            self.heading(&mut out, ui.ov_failed_title);
            for f in &o.niet_gelezen_bestanden {
                // The message usually starts with the file already.
                let line = if f.fout.starts_with(&f.bestand) {
                    f.fout.clone()
                } else {
                    format!("{}: {}", f.bestand, f.fout)
                };
                self.bullet(&mut out, &line, 0);
            }
        }
        out
    }

    fn examples(&self, list: &ExampleList) -> String {
        let ui = self.ui;
        let mut out = String::new();
        out.push_str(&self.paint().bold().apply_to(ui.examples_title).to_string());
        out.push('\n');
        if self.tables() {
            let mut t = self.table();
            t.set_header(vec![ui.name, ui.moment, ui.suggestion, ui.case_heading]);
            for e in &list.voorbeelden {
                t.add_row(vec![
                    Cell::new(&e.naam),
                    Cell::new(e.moment.as_ref().map_or("", |m| m.naam.as_str())),
                    Cell::new(&e.advies.naam),
                    Cell::new(&e.samenvatting),
                ]);
            }
            out.push_str(&t.to_string());
            out.push('\n');
        } else {
            for e in &list.voorbeelden {
                let moment = e
                    .moment
                    .as_ref()
                    .map_or(String::new(), |m| format!(", {}", m.naam.to_lowercase()));
                out.push_str(&self.wrap(
                    &format!("{} ({}{moment})", e.naam, e.advies.naam),
                    "",
                    "  ",
                ));
                out.push('\n');
                out.push_str(&self.wrap(&e.samenvatting, "  ", "  "));
                out.push('\n');
            }
        }
        out.push('\n');
        self.paragraph(&mut out, ui.examples_more);
        out
    }
}

/// "Coördinatie" → "Coörd." for narrow table cells.
/// "Vraag? antwoord" or "Onderwerp: antwoord".
fn question_answer(question: &str, answer: &str) -> String {
    if question.ends_with('?') {
        format!("{question} {answer}")
    } else {
        format!("{question}: {answer}")
    }
}

fn short_step(name: &str) -> String {
    if name.chars().count() <= 7 {
        name.to_owned()
    } else {
        format!("{}.", name.chars().take(5).collect::<String>())
    }
}

/// A presenter slide laid out for a width: the line on top (where we are),
/// the heading with its rule, and the body. Every line is at most the
/// width wide; the presenter decides how many of them fit on a screen.
pub(crate) struct SlideLines {
    pub context: String,
    pub heading: Vec<String>,
    pub body: Vec<String>,
}

/// The presenter's longest line: short lines read better from the back of
/// a room.
pub(crate) const SLIDE_WIDTH: usize = 72;

/// Lays out a presenter slide (see [`crate::views::slides`]) for
/// `style.width` columns (at most [`SLIDE_WIDTH`]).
pub(crate) fn slide_lines(
    s: &crate::views::slides::Slide,
    style: Style,
    ui: &'static Ui,
) -> SlideLines {
    use crate::views::slides::Line;
    let width = style.width.clamp(20, SLIDE_WIDTH);
    let r = TextRenderer::with(Style { width, ..style }, ui);
    let split = |text: String| -> Vec<String> { text.lines().map(str::to_owned).collect() };
    let heading_text = wrap(&s.heading, width, "", "");
    let longest = heading_text
        .lines()
        .map(console::measure_text_width)
        .max()
        .unwrap_or(0);
    let mut heading: Vec<String> = heading_text
        .lines()
        .map(|l| r.paint().bold().apply_to(l).to_string())
        .collect();
    let rule = if style.unicode { "═" } else { "=" };
    heading.push(rule.repeat(longest.min(width)));
    let label_width = s
        .lines
        .iter()
        .filter_map(|l| match l {
            Line::Field(label, _) => Some(console::measure_text_width(label) + 2),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        .min(width / 3);
    let mut body = Vec::new();
    for line in &s.lines {
        match line {
            Line::Text(t) => body.extend(split(wrap(t, width, "", ""))),
            Line::Field(label, value) => {
                let first = format!("{:<label_width$}", format!("{label}: "));
                let wrapped = wrap(value, width, &first, &" ".repeat(label_width));
                // Emphasise the label only.
                let styled =
                    wrapped.replacen(&first, &r.paint().bold().apply_to(&first).to_string(), 1);
                body.extend(split(styled));
            }
            Line::Bullet(t) => body.extend(split(wrap(t, width, "- ", "  "))),
            Line::Continuum(steps) => {
                let name_width = steps
                    .iter()
                    .map(|(s, _)| console::measure_text_width(&s.naam))
                    .max()
                    .unwrap_or(10);
                let arrow = if style.unicode { "◀" } else { "<" };
                for (step, marks) in steps {
                    let name = format!("{} {:<name_width$}", step.index + 1, step.naam);
                    let name = if marks.iter().any(|m| m == r.ui.bar_advice) {
                        r.paint().bold().reverse().apply_to(name).to_string()
                    } else {
                        name
                    };
                    let text = if marks.is_empty() {
                        format!("  {name}").trim_end().to_owned()
                    } else {
                        format!("  {name}  {arrow} {}", marks.join(", "))
                    };
                    body.push(console::truncate_str(&text, width, "…").into_owned());
                }
            }
            Line::Blank => body.push(String::new()),
        }
    }
    // Blank lines at the end would only push the controls down.
    while body.last().is_some_and(String::is_empty) {
        body.pop();
    }
    SlideLines {
        context: s.context.clone(),
        heading,
        body,
    }
}

/// The line on top of a slide: where we are on the left, the counter on
/// the right.
fn slide_top(context: &str, counter: &str, width: usize, paint: &Paint) -> String {
    let counter_w = console::measure_text_width(counter);
    let context = console::truncate_str(context, width.saturating_sub(counter_w + 2), "…");
    let gap = width
        .saturating_sub(console::measure_text_width(&context) + counter_w)
        .max(1);
    paint
        .clone()
        .dim()
        .apply_to(format!("{context}{}{counter}", " ".repeat(gap)))
        .to_string()
}

/// A presenter slide as one block of text: the whole slide, for a file or
/// a pipe.
pub fn slide(
    s: &crate::views::slides::Slide,
    style: Style,
    ui: &'static Ui,
    n: usize,
    total: usize,
) -> String {
    let width = style.width.clamp(20, SLIDE_WIDTH);
    let paint = Paint::new().force_styling(style.color);
    let lines = slide_lines(s, Style { width, ..style }, ui);
    let mut out = slide_top(&lines.context, &format!("{n}/{total}"), width, &paint);
    out.push_str("\n\n");
    for l in &lines.heading {
        out.push_str(l);
        out.push('\n');
    }
    out.push('\n');
    for l in &lines.body {
        out.push_str(l);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&paint.dim().apply_to(ui.pr_controls).to_string());
    out.push('\n');
    out
}

/// A presenter slide cut into screens of at most `rows - 2` lines (the
/// last two rows are for a blank line and the controls, which the
/// presenter draws). A slide that fits is one screen; a longer one goes on
/// on the next screen under the same heading, and its counter says which
/// screen of how many this is. Nothing is left out at any size.
pub(crate) fn slide_screens(
    lines: &SlideLines,
    style: Style,
    ui: &'static Ui,
    n: usize,
    total: usize,
    rows: usize,
) -> Vec<Vec<String>> {
    let width = style.width.clamp(20, SLIDE_WIDTH);
    let paint = Paint::new().force_styling(style.color);
    // Top line, blank, heading and rule, blank; blank and controls below.
    let mut head = 2 + lines.heading.len() + 1;
    let mut heading: &[String] = &lines.heading;
    let mut body: Vec<String> = lines.body.clone();
    if rows < head + 3 {
        // A screen too low for the heading on every part: the heading
        // becomes the start of the text instead.
        body = lines
            .heading
            .iter()
            .cloned()
            .chain(std::iter::once(String::new()))
            .chain(lines.body.iter().cloned())
            .collect();
        heading = &[];
        head = 2;
    }
    let room = rows.saturating_sub(head + 2).max(1);
    let chunks: Vec<&[String]> = if body.is_empty() {
        vec![&[]]
    } else {
        body.chunks(room).collect()
    };
    let m = chunks.len();
    chunks
        .iter()
        .enumerate()
        .map(|(k, chunk)| {
            let counter = if m == 1 {
                format!("{n}/{total}")
            } else {
                fill(
                    ui.pr_part,
                    &[
                        ("n", &n.to_string()),
                        ("total", &total.to_string()),
                        ("k", &(k + 1).to_string()),
                        ("m", &m.to_string()),
                    ],
                )
            };
            let mut screen = vec![
                slide_top(&lines.context, &counter, width, &paint),
                String::new(),
            ];
            if !heading.is_empty() {
                screen.extend(heading.iter().cloned());
                screen.push(String::new());
            }
            // A continuation starts with the rest of the text, not with an
            // empty line.
            let skip = if k > 0 {
                chunk.iter().take_while(|l| l.is_empty()).count()
            } else {
                0
            };
            screen.extend(chunk[skip..].iter().cloned());
            screen
        })
        .collect()
}
