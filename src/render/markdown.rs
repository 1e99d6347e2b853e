//! Markdown, for wikis, e-mail and documents that render it. Text from files
//! is escaped so that it cannot break a table or turn into markup.

use super::Renderer;
use super::goals_heading;
use crate::base::plain_text::{dutch_date, lower_start};
use crate::base::ui::{Ui, fill};
use crate::views::card::Card;
use crate::views::compare::Comparison;
use crate::views::continuum::ContinuumView;
use crate::views::examples::ExampleList;
use crate::views::overview::Overview;
use crate::views::report::{ActionView, Report};

pub struct MarkdownRenderer {
    pub ui: &'static Ui,
    /// The long form of the summary (`--uitgebreid`).
    pub long: bool,
}

/// Escapes characters with a meaning in Markdown.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

fn action(a: &ActionView) -> String {
    let goals = a
        .doelen
        .iter()
        .filter(|g| !a.tekst.contains(g.as_str()))
        .map(|g| esc(g))
        .collect::<Vec<_>>();
    if goals.is_empty() {
        format!("- [ ] {}", esc(&a.tekst))
    } else {
        format!("- [ ] {} ({})", esc(&a.tekst), goals.join(", "))
    }
}

impl Renderer for MarkdownRenderer {
    fn report(&self, r: &Report) -> String {
        let ui = self.ui;
        let mut out = Vec::new();
        out.push(format!("# {}", ui.summary_title));
        out.push(String::new());
        out.push(format!("> {}", esc(&r.casusinformatie)));
        out.push(String::new());
        out.push(format!(
            "| | |\n|---|---|\n| {} | {} |",
            ui.date,
            dutch_date(&r.datum)
        ));
        if let Some(m) = &r.moment {
            out.push(format!("| {} | {} |", ui.moment, esc(&m.naam)));
        }
        if let Some(b) = &r.beoordelaar {
            let role = b
                .role
                .as_deref()
                .map_or(String::new(), |x| format!(" ({})", esc(x)));
            out.push(format!("| {} | {}{role} |", ui.rater, esc(&b.label)));
        }
        out.push(format!(
            "| {} | voorwie {}, {} {} {} |",
            ui.tool,
            r.voorwie.versie,
            ui.bank.to_lowercase(),
            esc(&r.bank.id),
            esc(&r.bank.versie)
        ));
        if !r.bron.is_empty() {
            out.push(format!("| {} | {} |", ui.source, esc(&r.bron)));
        }
        out.push(String::new());
        out.push(fill(
            ui.answered_line,
            &[
                ("n", &r.beantwoord.beantwoord.to_string()),
                ("total", &r.beantwoord.kernvragen.to_string()),
            ],
        ));
        if let Some(t) = &r.beantwoord.tekst {
            out.push(String::new());
            out.push(format!("> **{}** {}", ui.attention, esc(t)));
        }

        if let Some(c) = &r.casus {
            out.push(format!("\n## {}\n", ui.case_heading));
            for para in c.trim().split("\n\n") {
                out.push(esc(&para.split_whitespace().collect::<Vec<_>>().join(" ")));
                out.push(String::new());
            }
            if let Some(o) = &r.onderbouwing {
                out.push(format!("**{}:** {}", ui.rationale, esc(o)));
            }
        }

        let a = &r.advies;
        out.push(format!("\n## {}\n", ui.case_advice));
        if let Some(o) = &r.overschrijving {
            out.push(format!(
                "- **{}:** {} ({}: {}). **{}:** {}",
                ui.override_title,
                esc(&o.gekozen.naam),
                ui.suggestion.to_lowercase(),
                esc(&o.suggestie.naam.to_lowercase()),
                ui.override_reason,
                esc(&o.reden)
            ));
        }
        let step_of = fill(ui.step_of, &[("n", &(a.index + 1).to_string())]);
        out.push(format!(
            "- **{}:** {} ({step_of}, {})",
            ui.suggestion,
            esc(&a.naam),
            esc(&a.intensiteit)
        ));
        if a.nodig.index != a.index {
            out.push(format!(
                "- **{}:** {}",
                ui.needed,
                fill(
                    ui.first_then,
                    &[
                        ("first", &esc(&a.naam.to_lowercase())),
                        ("need", &esc(&a.nodig.naam.to_lowercase()))
                    ]
                )
            ));
        }
        out.push(format!("- **{}:** {}", ui.current, esc(&r.nu.tekst)));
        if let Some(c) = &r.overwogen_tekst {
            out.push(format!("- **{}:** {}", ui.considered, esc(c)));
        }
        out.push(format!(
            "- **{}:** {}. {}",
            ui.direction,
            esc(&r.richting_naam),
            esc(&r.richting_uitleg)
        ));
        out.push(format!(
            "- **{}:** {}. {}",
            ui.certainty,
            esc(&a.zekerheid),
            esc(&a.zekerheid_uitleg)
        ));
        match &r.kloof {
            // The short form says the gap once, here, with where it lies.
            Some(k) if !self.long && !k.niveau_namen.is_empty() => out.push(format!(
                "- **{}:** {} {}.",
                ui.possible,
                esc(&r.mogelijk.tekst),
                fill(ui.gap_level, &[("level", &esc(&k.niveau_namen.join(", ")))])
            )),
            _ => out.push(format!("- **{}:** {}", ui.possible, esc(&r.mogelijk.tekst))),
        }
        // In the short form the forms stand with each goal.
        if !a.vormen.is_empty() && (self.long || r.doelen.is_empty()) {
            out.push(format!(
                "- **{}:** {}",
                ui.forms,
                a.vormen
                    .iter()
                    .map(|f| esc(f))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        out.push(String::new());
        let cells: Vec<String> = r
            .continuum
            .iter()
            .map(|s| {
                let mut marks = Vec::new();
                if r.huidig.as_ref().is_some_and(|h| h.index == s.index) {
                    marks.push(ui.bar_now);
                }
                if a.index == s.index {
                    marks.push(ui.bar_advice);
                }
                if a.nodig.index == s.index && a.nodig.index != a.index {
                    marks.push(if r.richting == "eerst_afstemmen" {
                        ui.bar_needed_later
                    } else {
                        ui.bar_needed
                    });
                }
                let name = esc(&s.naam);
                let name = if a.index == s.index {
                    format!("**{name}**")
                } else {
                    name
                };
                if marks.is_empty() {
                    name
                } else {
                    format!("{name} ({})", marks.join(", "))
                }
            })
            .collect();
        out.push(cells.join(" → "));
        out.push(String::new());
        out.push(format!("*{}*", esc(&r.hoger_niet_beter)));

        if r.doelen.is_empty() {
            out.push(format!("\n## {}\n", ui.reasons));
            out.push(ui.no_goals.to_owned());
        } else {
            out.push(format!("\n## {}\n", goals_heading(ui, r)));
            for (i, g) in r.doelen.iter().enumerate() {
                out.push(format!("\n### {}. {}\n", i + 1, esc(&g.label)));
                if let Some(o) = &g.overschrijving {
                    out.push(format!(
                        "- {} **{}:** {}",
                        fill(
                            ui.override_line,
                            &[
                                ("chosen", &esc(&o.gekozen.naam)),
                                ("suggested", &esc(&o.suggestie.naam))
                            ]
                        ),
                        ui.override_reason,
                        esc(&o.reden)
                    ));
                }
                out.push(format!(
                    "- **{}:** {}, {}; {}: {}",
                    ui.suggestion,
                    esc(&g.advies.naam),
                    esc(&lower_start(&g.richting_naam)),
                    ui.current.to_lowercase(),
                    esc(&lower_start(&g.nu.tekst))
                ));
                if g.advies.nodig.index != g.advies.index {
                    out.push(format!(
                        "- **{}:** {}",
                        ui.needed,
                        esc(&fill(
                            ui.first_then,
                            &[
                                ("first", &g.advies.naam.to_lowercase()),
                                ("need", &g.advies.nodig.naam.to_lowercase()),
                            ],
                        ))
                    ));
                }
                let forms: Vec<String> = super::goal_forms(g, self.long)
                    .iter()
                    .map(|f| esc(f))
                    .collect();
                if !forms.is_empty() {
                    let label = if forms.len() == 1 { ui.form } else { ui.forms };
                    let text = match (!self.long)
                        .then(|| super::same_forms_as(&r.doelen, i))
                        .flatten()
                    {
                        Some(earlier) => fill(ui.forms_as_goal, &[("n", &earlier.to_string())]),
                        None => forms.join("; "),
                    };
                    out.push(format!("- **{label}:** {text}"));
                }
                let reasons: Vec<String> = super::goal_reasons(g, self.long)
                    .iter()
                    .map(|x| esc(&x.tekst))
                    .collect();
                out.push(format!("- **{}:** {}", ui.why, reasons.join(" ")));
                if self.long {
                    out.push(format!(
                        "- **{}:** {}. {}",
                        ui.certainty,
                        esc(&g.advies.zekerheid),
                        esc(&g.advies.zekerheid_uitleg)
                    ));
                }
                for w in &g.eigen_woorden {
                    out.push(format!("- **{}** {}", esc(&w.vraag), esc(&w.tekst)));
                }
            }
            if r.doelen.len() > 1 {
                out.push(String::new());
                if let Some(goal) = super::case_follows(r) {
                    out.push(esc(&fill(ui.case_follows, &[("goal", goal)])));
                    out.push(String::new());
                }
                let same_order = r.volgorde.gezin_gegeven && !r.volgorde.verschilt;
                if r.volgorde.hulpverlening_gegeven && (self.long || !same_order) {
                    out.push(format!(
                        "**{}:** {}",
                        ui.order_care,
                        r.volgorde
                            .hulpverlening
                            .iter()
                            .map(|g| esc(g))
                            .collect::<Vec<_>>()
                            .join(" → ")
                    ));
                }
                if !r.volgorde.gezin_gegeven {
                    out.push(String::new());
                    out.push(ui.order_family_missing.to_owned());
                }
                if r.volgorde.verschilt {
                    out.push(String::new());
                    out.push(format!("**{}**", ui.orders_differ));
                }
            }
        }

        if let Some(sd) = &r.afschalen {
            out.push(format!("\n## {}\n", esc(&sd.titel)));
            for l in &sd.regels {
                out.push(format!("- {}", esc(l)));
            }
            out.push(format!(
                "- **{}:** {}",
                ui.scale_down_signal,
                esc(&sd.signaal)
            ));
        }

        if let Some(k) = r.kloof.as_ref().filter(|_| self.long) {
            out.push(format!("\n## {}\n", ui.gap));
            out.push(esc(&k.tekst));
            out.push(String::new());
            if !k.niveau_namen.is_empty() {
                out.push(format!(
                    "- {}",
                    fill(ui.gap_level, &[("level", &esc(&k.niveau_namen.join(", ")))])
                ));
            }
            if !k.doelen.is_empty() {
                out.push(format!(
                    "- {}: {}",
                    ui.gap_goals,
                    k.doelen
                        .iter()
                        .map(|g| esc(g))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            for l in &k.beperkt_door {
                out.push(format!("- {}: {}", ui.gap_limited_by, esc(l)));
            }
        }

        out.push(format!("\n## {}\n", ui.actions));
        if r.actiepunten.is_empty() {
            out.push(ui.no_actions.to_owned());
        }
        for (group, title) in [
            ("doen", ui.actions_do),
            ("uitzoeken", ui.actions_find_out),
            ("neerleggen", ui.actions_take_to),
        ] {
            let (items, left) = super::actions_shown(r, group, self.long);
            if items.is_empty() {
                continue;
            }
            out.push(format!("\n**{title}**\n"));
            for x in items {
                out.push(action(x));
            }
            if left > 0 {
                out.push(String::new());
                out.push(fill(ui.actions_find_out_more, &[("n", &left.to_string())]));
            }
        }
        if !r.eigen_woorden.is_empty() {
            out.push(format!("\n## {}\n", ui.own_words));
            for w in &r.eigen_woorden {
                out.push(format!("- **{}** {}", esc(&w.vraag), esc(&w.tekst)));
            }
        }
        if let Some(n) = &r.notities {
            out.push(format!("\n## {}\n", ui.notes));
            out.push(esc(n.trim()));
        }
        if r.weet_niet + r.overgeslagen > 0 {
            out.push(String::new());
            out.push(fill(
                ui.unknown_count,
                &[
                    ("dont_know", &r.weet_niet.to_string()),
                    ("skipped", &r.overgeslagen.to_string()),
                ],
            ));
            if !r.overgeslagen_vragen.is_empty() {
                out.push(format!(
                    "**{}:** {}",
                    ui.skipped_questions,
                    esc(&r.overgeslagen_vragen.join("; "))
                ));
            }
        }
        if self.long {
            out.push(format!("\n## {}\n", ui.reflection));
            for p in &r.reflectie {
                out.push(format!("- {}", esc(p)));
            }
        }
        let mut s = out.join("\n");
        // Sections open with a blank line of their own: never two in a row
        // in the file that is pasted.
        while s.contains("\n\n\n") {
            s = s.replace("\n\n\n", "\n\n");
        }
        s.push('\n');
        s
    }

    fn card(&self, c: &Card) -> String {
        let ui = self.ui;
        let mut out = Vec::new();
        out.push(format!("# {}", fill(ui.card_title, &[("title", ui.title)])));
        out.push(String::new());
        out.push(format!("*{} {}*", esc(&c.bank.id), esc(&c.bank.versie)));
        out.push(String::new());
        out.push(format!(
            "**{}**",
            fill(ui.card_start, &[("question", &esc(&c.startvraag.tekst))])
        ));
        out.push(String::new());
        out.push(ui.card_think.to_owned());
        let item = |q: &crate::views::card::CardQuestion| {
            let mark = if q.fase == "verdieping" { " (+)" } else { "" };
            format!("- [ ] {}{mark}", esc(&q.kort))
        };
        out.push(format!("\n## {}\n", ui.card_per_goal));
        out.extend(c.per_doel.iter().map(item));
        for level in &c.niveaus {
            let name = if level.id == "organisatie" {
                fill(ui.card_forgotten, &[("level", &esc(&level.naam))])
            } else {
                esc(&level.naam)
            };
            out.push(format!("\n## {name}\n"));
            out.extend(level.vragen.iter().map(item));
        }
        out.push(format!("\n## {}\n", ui.continuum_heading));
        out.push(format!(
            "| # | {} | {} |\n|---|---|---|",
            ui.step, ui.what_it_is
        ));
        for s in &c.continuum {
            out.push(format!(
                "| {} | {} | {} |",
                s.index + 1,
                esc(&s.naam),
                esc(&s.kort)
            ));
        }
        out.push(String::new());
        out.push(format!("*{}*", esc(&c.continuum_uitleg)));
        out.push(String::new());
        out.push(format!(
            "{} — {}",
            c.reflectie.first().map_or("", String::as_str),
            ui.card_legend.replace("[+]", "(+)")
        ));
        let mut s = out.join("\n");
        s.push('\n');
        s
    }

    fn continuum(&self, v: &ContinuumView) -> String {
        let ui = self.ui;
        let mut out = Vec::new();
        if v.stap.is_some() {
            for s in &v.stappen {
                out.push(format!(
                    "# {}\n",
                    fill(
                        ui.continuum_step_title,
                        &[
                            ("n", &(s.index + 1).to_string()),
                            ("name", &esc(&s.volledige_naam)),
                            ("intensity", &esc(&s.intensiteit))
                        ]
                    )
                ));
                out.push(esc(&s.uitleg));
                out.push(format!("\n## {}\n", ui.forms));
                out.extend(s.vormen.iter().map(|f| format!("- {}", esc(f))));
                if !s.voorbeelden.is_empty() {
                    out.push(format!("\n## {}\n", ui.examples_heading));
                    out.extend(s.voorbeelden.iter().map(|f| format!("- {}", esc(f))));
                }
                if let Some(d) = &s.verschil {
                    out.push(format!("\n## {}\n", ui.difference_heading));
                    out.push(esc(d));
                }
                if let Some(b) = &s.bron {
                    out.push(format!("\n*{}: {}*", ui.source, esc(b)));
                }
            }
        } else {
            out.push(format!("# {}\n", ui.continuum_title));
            out.push(format!("*{}*\n", esc(&v.uitleg)));
            out.push(format!(
                "| {} | {} | {} | {} |\n|---|---|---|---|",
                ui.step, ui.intensity, ui.what_it_is, ui.forms
            ));
            for s in &v.stappen {
                out.push(format!(
                    "| {} {} | {} | {} | {} |",
                    s.index + 1,
                    esc(&s.naam),
                    esc(&s.intensiteit),
                    esc(&s.kort),
                    s.vormen
                        .iter()
                        .map(|f| esc(f))
                        .collect::<Vec<_>>()
                        .join("; ")
                ));
            }
        }
        let mut s = out.join("\n");
        s.push('\n');
        s
    }

    fn comparison(&self, c: &Comparison) -> String {
        let ui = self.ui;
        let mut out = Vec::new();
        let title = if c.soort == "tijdlijn" {
            ui.cmp_title_timeline
        } else {
            ui.cmp_title_raters
        };
        out.push(format!("# {title}\n"));
        out.push(format!("> {}\n", esc(&c.casusinformatie)));
        for w in &c.waarschuwingen {
            out.push(format!("**{}**\n", esc(w)));
        }
        let raters = c.sessies.iter().filter(|s| !s.referentie).count();
        let roles = c.sessies.iter().any(|s| s.rol.is_some());
        let dates = c.soort == "tijdlijn";
        let mut header = vec![ui.cmp_label.to_owned()];
        if roles {
            header.push(ui.cmp_role.to_owned());
        }
        if dates {
            header.push(ui.date.to_owned());
        }
        header.push(esc(&c.casus.label));
        header.extend(c.doelen.iter().map(|d| esc(&d.label)));
        out.push(format!("| {} |", header.join(" | ")));
        out.push(format!("|{}", "---|".repeat(header.len())));
        for (i, s) in c.sessies.iter().enumerate() {
            let mut cells = vec![esc(&s.label)];
            if roles {
                cells.push(esc(s.rol.as_deref().unwrap_or("")));
            }
            if dates {
                cells.push(s.datum.as_deref().map(dutch_date).unwrap_or_default());
            }
            for row in std::iter::once(&c.casus).chain(&c.doelen) {
                cells.push(
                    row.stappen[i]
                        .as_ref()
                        .map_or(String::new(), |x| esc(&x.naam)),
                );
            }
            out.push(format!("| {} |", cells.join(" | ")));
        }
        if !dates {
            out.push(format!("\n## {}\n", ui.cmp_spread));
            for row in std::iter::once(&c.casus).chain(&c.doelen) {
                let flag = if row.bespreek {
                    format!(" — **{}**", ui.cmp_discuss)
                } else {
                    String::new()
                };
                let line = row.spread_line(ui);
                out.push(format!("- {}{flag}", esc(&line)));
                for line in [
                    row.needed_line(ui, &c.sessies),
                    row.direction_line(ui, &c.sessies),
                ]
                .into_iter()
                .chain(row.reference_line(ui, raters))
                {
                    out.push(format!("  - {}", esc(&line)));
                }
            }
        }
        if !c.ongematcht.is_empty() {
            out.push(format!("\n## {}\n", ui.cmp_unmatched));
            for u in &c.ongematcht {
                out.push(format!(
                    "- {}",
                    esc(&fill(
                        ui.cmp_unmatched_line,
                        &[("goal", &u.label), ("who", &u.in_sessies.join(", "))]
                    ))
                ));
            }
        }
        if !dates && !c.verschillen.is_empty() {
            out.push(format!("\n## {}\n", ui.cmp_differences));
            for d in &c.verschillen {
                let title = match &d.doel {
                    Some(g) => format!(
                        "{} ({} '{}')",
                        esc(&d.tekst),
                        ui.goal.to_lowercase(),
                        esc(g)
                    ),
                    None => esc(&d.tekst),
                };
                out.push(format!("- {title}"));
                for a in &d.antwoorden {
                    out.push(format!(
                        "  - {}: {}",
                        esc(&a.antwoord),
                        esc(&a.sessies.join(", "))
                    ));
                }
            }
        }
        if !c.per_rol.is_empty() {
            out.push(format!("\n## {}\n", ui.cmp_per_role));
            for g in &c.per_rol {
                out.push(format!(
                    "- {} ({}): {}",
                    esc(&g.rol),
                    esc(&g.sessies.join(", ")),
                    esc(&g.stappen.join(", "))
                ));
            }
        }
        if !c.tijdlijn.is_empty() {
            out.push(format!("\n## {}\n", ui.cmp_changes));
            for ch in &c.tijdlijn {
                out.push(format!(
                    "- {} → {}",
                    dutch_date(&ch.van),
                    dutch_date(&ch.naar)
                ));
                for w in &ch.wat {
                    out.push(format!("  - {}", esc(w)));
                }
            }
        }
        let mut s = out.join("\n");
        s.push('\n');
        s
    }

    fn overview(&self, o: &Overview) -> String {
        let ui = self.ui;
        let mut out = vec![format!("# {}\n", ui.ov_title)];
        out.push(fill(
            ui.ov_counts,
            &[
                ("sessions", &o.sessies.to_string()),
                ("goals", &o.doelen.to_string()),
            ],
        ));
        if o.niet_gelezen > 0 {
            out.push(String::new());
            out.push(fill(ui.ov_failed, &[("n", &o.niet_gelezen.to_string())]));
        }
        out.push(format!("\n*{}*", ui.ov_anonymous));
        let table =
            |out: &mut Vec<String>, title: &str, counts: &[crate::views::overview::StepCount]| {
                out.push(format!("\n## {title}\n"));
                out.push(format!("| {} | # |\n|---|---|", ui.step));
                for c in counts {
                    out.push(format!("| {} | {} |", esc(&c.naam), c.aantal));
                }
            };
        table(&mut out, ui.ov_steps, &o.stappen);
        out.push(format!("\n## {}\n", ui.ov_per_moment));
        for m in &o.per_moment {
            let counts: Vec<String> = m
                .stappen
                .iter()
                .filter(|c| c.aantal > 0)
                .map(|c| format!("{} {}", esc(&c.naam.to_lowercase()), c.aantal))
                .collect();
            out.push(format!(
                "- {} ({}): {}",
                esc(&m.naam),
                m.sessies,
                counts.join(", ")
            ));
        }
        table(&mut out, ui.ov_goal_steps, &o.doelen_stappen);
        out.push(format!("\n## {}\n", ui.ov_gap));
        let pct = (o.kloof.sessies * 100 + o.sessies / 2) / o.sessies.max(1);
        out.push(fill(
            ui.ov_gap_line,
            &[
                ("n", &o.kloof.sessies.to_string()),
                ("total", &o.sessies.to_string()),
                ("pct", &pct.to_string()),
            ],
        ));
        out.push(String::new());
        for l in &o.kloof.per_niveau {
            out.push(format!("- {}: {}", esc(&l.tekst), l.aantal));
        }
        for (title, list) in [
            (ui.ov_actions, &o.actiepunten),
            (ui.ov_unknowns, &o.weet_niet),
        ] {
            out.push(format!("\n## {title}\n"));
            for a in list {
                out.push(format!("- {}× {}", a.aantal, esc(&a.tekst)));
            }
        }
        out.push(format!("\n## {}\n", ui.ov_overrides));
        out.push(o.overschrijvingen.line(ui));
        if !o.niet_gelezen_bestanden.is_empty() {
            out.push(format!("\n## {}\n", ui.ov_failed_title));
            for f in &o.niet_gelezen_bestanden {
                out.push(format!("- {}: {}", esc(&f.bestand), esc(&f.fout)));
            }
        }
        let mut s = out.join("\n");
        s.push('\n');
        s
    }

    fn examples(&self, list: &ExampleList) -> String {
        let ui = self.ui;
        let mut out = vec![
            format!("# {}\n", ui.examples_title),
            format!(
                "| {} | {} | {} | {} |\n|---|---|---|---|",
                ui.name, ui.moment, ui.suggestion, ui.case_heading
            ),
        ];
        for e in &list.voorbeelden {
            out.push(format!(
                "| {} | {} | {} | {} |",
                esc(&e.naam),
                e.moment.as_ref().map_or(String::new(), |m| esc(&m.naam)),
                esc(&e.advies.naam),
                esc(&e.samenvatting)
            ));
        }
        let mut s = out.join("\n");
        s.push('\n');
        s
    }
}
