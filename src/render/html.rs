//! HTML: one self-contained, printable page per result, card or continuum.
//!
//! Everything is inline: the CSS in a `<style>` element and the continuum
//! as SVG. There are no scripts and no external resources (no fonts, no
//! images, no links that load anything), so a page can be mailed, archived
//! in a case file or opened offline and always looks the same. Every text
//! from a file is escaped. The pages print on A4; the card prints as two A5
//! sides, front and back.

use super::goals_heading;
use std::fmt::Write as _;

use super::{Renderer, Style, text::TextRenderer};
use crate::base::plain_text::{dutch_date, lower_start};
use crate::base::ui::{Ui, fill};
use crate::views::card::{Card, CardQuestion};
use crate::views::compare::Comparison;
use crate::views::continuum::ContinuumView;
use crate::views::examples::ExampleList;
use crate::views::overview::Overview;
use crate::views::report::{ActionView, OverrideView, ReasonView, Report, StepRef};

pub struct HtmlRenderer {
    pub ui: &'static Ui,
}

/// Escapes text for HTML element content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = "
:root { --ink: #1d2a33; --muted: #5b6770; --line: #c9d1d6; --soft: #eef2f4;
        --accent: #0b6e69; --accent-soft: #d5ecea; --warn: #8a4b00; --warn-soft: #fff3e0; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif;
       color: var(--ink); margin: 2rem auto; max-width: 50rem; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; border-bottom: 2px solid var(--accent-soft); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.1rem 0 .3rem; }
p, li { margin: .25rem 0; }
.privacy, .warning { background: var(--warn-soft); color: var(--warn); border-left: 4px solid var(--warn);
           padding: .4rem .7rem; margin: .6rem 0 1rem; font-weight: 600; }
td, th, li, p, h1, h2, h3 { overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; }
table.meta { width: auto; } table.meta th { background: none; padding-left: 0; white-space: nowrap; }
table.goals { table-layout: fixed; }
table.goals th:nth-child(1) { width: 2.2em; } table.goals th:nth-child(3) { width: 17%; }
table.goals th:nth-child(4) { width: 18%; } table.goals th:nth-child(6) { width: 15%; }
table.goals td { overflow-wrap: break-word; }
.muted { color: var(--muted); }
.note { font-style: italic; color: var(--muted); }
.advice { font-size: 1.1rem; }
.advice strong { color: var(--accent); }
svg.continuum { width: 100%; height: auto; margin: .5rem 0; }
.picture { overflow-x: auto; }
ul.actions { list-style: none; padding-left: 0; }
ul.actions li::before { content: '\\2610\\00a0'; }
.step-detail { border: 1px solid var(--line); border-radius: 6px; padding: .2rem .9rem .6rem; margin: .8rem 0; }
.step-detail.focus { border: 2px solid var(--accent); }
footer { margin-top: 2rem; font-size: .85rem; color: var(--muted); border-top: 1px solid var(--line); padding-top: .5rem; }
@media screen and (max-width: 40rem) {
  table.goals, table.goals tbody, table.goals tr, table.goals td { display: block; width: auto; }
  table.goals tr:first-child { display: none; }
  table.goals tr { border: 1px solid var(--line); border-radius: 6px; padding: .3rem .7rem .4rem; margin: .6rem 0; }
  table.goals td { border: none; padding: .1rem 0; }
  table.goals td:empty { display: none; }
  table.goals td:nth-child(1), table.goals td:nth-child(2) { display: inline; font-weight: 600; }
  table.goals td:nth-child(1)::after { content: '.\\00a0'; }
  table.goals td[data-label]:not(:nth-child(2))::before { content: attr(data-label) ': '; color: var(--muted); }
  svg.continuum { width: 40rem; max-width: none; }
}
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  tr, .step-detail, svg { break-inside: avoid; }
  .privacy, .warning { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@page { size: A4; margin: 15mm; }
";

/// The pocket card: A5, front and back, two columns on the front.
const CARD_CSS: &str = "
body { max-width: 42rem; font-size: .9rem; }
.side { border: 1px dashed var(--line); padding: .8rem 1rem; margin-bottom: 1.5rem; }
.side h1 { font-size: 1.15rem; }
.side h2 { font-size: .95rem; margin: .7rem 0 .25rem; }
.cols { columns: 2; column-gap: 1.2rem; }
.cols section { break-inside: avoid; }
ul.check { list-style: none; padding-left: 0; margin: 0; }
ul.check li { padding-left: 1.1em; text-indent: -1.1em; }
ul.check li::before { content: '\\2610\\00a0'; }
.deep { color: var(--muted); }
table.steps td:first-child { white-space: nowrap; font-weight: 600; }
@media print {
  body { font-size: 7.6pt; line-height: 1.3; }
  .side h1 { font-size: 12pt; } .side h2 { font-size: 9pt; }
  .side { border: none; padding: 0; margin: 0; }
  .side.front { break-after: page; }
}
@page { size: A5; margin: 8mm; }
";

fn page(lang: &str, title: &str, extra_css: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"voorwie {version}\">\n\
         <title>{title}</title>\n<style>{CSS}{extra_css}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        version = env!("CARGO_PKG_VERSION"),
        title = esc(title),
    )
}

/// One row of the drawn continuum: a label and where it stands.
struct Row<'a> {
    label: &'a str,
    current: Option<usize>,
    /// The suggested step.
    advice: usize,
    /// The professional's own choice, when it overrides the suggestion.
    chosen: Option<usize>,
    needed: Option<usize>,
    strong: bool,
}

/// A mark on the drawn continuum: the words and how wide they are drawn.
struct Pill {
    step: usize,
    text: String,
    w: f64,
    font: f64,
}

impl Pill {
    /// A pill for `text` that fits in a step's cell, the letters smaller
    /// when the words are many.
    fn new(step: usize, text: &str, cell_w: f64) -> Pill {
        let chars = text.chars().count() as f64;
        let max_w = cell_w - 6.0;
        let font = (11.0_f64).min((max_w - 12.0) / (chars * 0.58)).max(7.0);
        let w = (chars * font * 0.58 + 16.0).clamp(30.0, max_w);
        Pill {
            step,
            text: text.to_owned(),
            w,
            font,
        }
    }
}

/// The five steps as a picture: one row per goal (and one for the case),
/// marking where the professionals are now, the suggested step and, when
/// the suggestion is a first step towards more, what is needed.
fn continuum_svg(ui: &Ui, steps: &[StepRef], rows: &[Row], focus: Option<usize>) -> String {
    // Without rows (the card, the continuum page) only the steps are drawn.
    let label_w = if rows.is_empty() { 2.0 } else { 190.0 };
    let cell_w = if rows.is_empty() { 140.0 } else { 106.0 };
    let head_h = 46.0;
    let row_h = 40.0;
    let width = label_w + cell_w * 5.0 + 4.0;
    let height = if rows.is_empty() {
        head_h + 2.0
    } else {
        head_h
            + row_h * rows.len() as f64
            + 30.0
            + if rows.iter().any(|r| r.chosen.is_some()) {
                18.0
            } else {
                0.0
            }
    };
    let mut s = String::new();
    let _ = write!(
        s,
        "<div class=\"picture\"><svg class=\"continuum\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         role=\"img\" aria-labelledby=\"cont-title\" font-family=\"system-ui, sans-serif\">\
         <title id=\"cont-title\">{}</title>",
        esc(ui.continuum_heading)
    );
    // Header: the steps as an arrow of growing intensity.
    for (i, step) in steps.iter().enumerate().take(5) {
        let x = label_w + cell_w * i as f64;
        let shade = ["#eef5f4", "#d9ebe9", "#bfdcd9", "#a1cbc7", "#80b8b3"][i];
        // The step shown in depth stands out; the others step back.
        let (shade, text, stroke) = match focus {
            Some(f) if f == i => ("#0b6e69", "#ffffff", "#0b6e69"),
            Some(_) => (shade, "#5b6770", "#ffffff"),
            None => (shade, "#1d2a33", "#ffffff"),
        };
        step_arrow(
            &mut s,
            i,
            x,
            cell_w,
            head_h,
            (shade, stroke, text),
            &step.naam,
        );
    }
    for (r, row) in rows.iter().enumerate() {
        let y = head_h + row_h * r as f64;
        let cy = y + row_h / 2.0;
        if r % 2 == 0 {
            let _ = write!(
                s,
                "<rect x=\"0\" y=\"{y}\" width=\"{width}\" height=\"{row_h}\" fill=\"#f6f8f9\"/>"
            );
        }
        let weight = if row.strong { "700" } else { "400" };
        let _ = write!(
            s,
            "<text x=\"6\" y=\"{ty}\" font-size=\"12.5\" font-weight=\"{weight}\" fill=\"#1d2a33\">{label}</text>",
            ty = cy + 4.0,
            label = esc(&shorten(row.label, 28)),
        );
        for i in 0..5 {
            let cx = label_w + cell_w * i as f64 + cell_w / 2.0;
            let _ = write!(
                s,
                "<line x1=\"{a}\" y1=\"{cy}\" x2=\"{b}\" y2=\"{cy}\" stroke=\"#c9d1d6\" stroke-width=\"2\"/>\
                 <circle cx=\"{cx}\" cy=\"{cy}\" r=\"4\" fill=\"#c9d1d6\"/>",
                a = cx - cell_w / 2.0,
                b = cx + cell_w / 2.0,
            );
        }
        let x_of = |i: usize| label_w + cell_w * i as f64 + cell_w / 2.0;
        // Every step with marks gets one pill, centred on the step, with
        // all its marks in words ("nu · advies"): marks on the same step
        // never cover each other or sit between two steps.
        let lead = row.chosen.unwrap_or(row.advice);
        let pills: Vec<Pill> = (0..5)
            .filter_map(|i| {
                let mut words = Vec::new();
                if row.current == Some(i) {
                    words.push(ui.bar_now);
                }
                if row.chosen == Some(i) {
                    words.push(ui.bar_chosen);
                }
                if row.advice == i {
                    words.push(ui.bar_advice);
                }
                if row.needed.is_some_and(|n| n == i && n != row.advice) {
                    words.push(ui.bar_needed);
                }
                (!words.is_empty()).then(|| Pill::new(i, &words.join(" · "), cell_w))
            })
            .collect();
        let half = |i: usize| {
            pills
                .iter()
                .find(|p| p.step == i)
                .map_or(6.0, |p| p.w / 2.0)
        };
        // From now to the suggestion (or the professional's choice): the
        // direction of travel, ending at the pill's edge.
        if let Some(now) = row.current.filter(|&c| c != lead) {
            let (a, b) = (x_of(now), x_of(lead));
            let dir = if b > a { 1.0 } else { -1.0 };
            let end = half(lead) + 2.0;
            let _ = write!(
                s,
                "<line x1=\"{a}\" y1=\"{cy}\" x2=\"{bb}\" y2=\"{cy}\" stroke=\"#0b6e69\" stroke-width=\"3\"/>\
                 <polygon points=\"{t0},{y0} {t1},{cy} {t0},{y1}\" fill=\"#0b6e69\"/>",
                bb = b - dir * (end + 8.0),
                t0 = b - dir * (end + 9.0),
                t1 = b - dir * end,
                y0 = cy - 6.0,
                y1 = cy + 6.0,
            );
        }
        for p in &pills {
            let is = |i: Option<usize>| i == Some(p.step);
            // The lead mark (the choice, or else the suggestion) is filled;
            // a suggestion set aside by the professional is outlined; what
            // is needed is dashed; where they are now is a dark ring.
            let (fill, text, stroke, dash, weight) = if p.step == lead {
                ("#0b6e69", "#ffffff", "#0b6e69", "", "700")
            } else if p.step == row.advice {
                ("#ffffff", "#0b6e69", "#0b6e69", "", "700")
            } else if row.needed == Some(p.step) {
                (
                    "#ffffff",
                    "#0b6e69",
                    "#0b6e69",
                    " stroke-dasharray=\"5 4\"",
                    "400",
                )
            } else {
                ("#ffffff", "#1d2a33", "#1d2a33", "", "400")
            };
            // Where they are now, on a pill of another mark: a dark edge.
            let (stroke, sw) = if is(row.current) && p.step == lead {
                ("#1d2a33", 2.5)
            } else {
                (stroke, 2.0)
            };
            let _ = write!(
                s,
                "<rect x=\"{x}\" y=\"{y0}\" width=\"{w}\" height=\"24\" rx=\"12\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{sw}\"{dash}/>\
                 <text x=\"{cx}\" y=\"{ty}\" font-size=\"{fs}\" font-weight=\"{weight}\" text-anchor=\"middle\" fill=\"{text}\">{t}</text>",
                x = x_of(p.step) - p.w / 2.0,
                y0 = cy - 12.0,
                w = p.w,
                cx = x_of(p.step),
                ty = cy + 4.0,
                fs = p.font,
                t = esc(&p.text),
            );
        }
    }
    if rows.is_empty() {
        s.push_str("</svg></div>\n");
        return s;
    }
    // Legend.
    let overridden = rows.iter().any(|r| r.chosen.is_some());
    let ly = head_h + row_h * rows.len() as f64 + 18.0;
    let _ = write!(
        s,
        "<rect x=\"2\" y=\"{r}\" width=\"22\" height=\"12\" rx=\"6\" fill=\"#ffffff\" stroke=\"#1d2a33\" stroke-width=\"2\"/>\
         <text x=\"30\" y=\"{t}\" font-size=\"11\" fill=\"#5b6770\">{now}</text>\
         <rect x=\"250\" y=\"{r}\" width=\"22\" height=\"12\" rx=\"6\" fill=\"{adv_fill}\" stroke=\"#0b6e69\" stroke-width=\"2\"/>\
         <text x=\"278\" y=\"{t}\" font-size=\"11\" fill=\"#5b6770\">{adv}</text>\
         <rect x=\"480\" y=\"{r}\" width=\"22\" height=\"12\" rx=\"6\" fill=\"#ffffff\" stroke=\"#0b6e69\" stroke-dasharray=\"4 3\"/>\
         <text x=\"508\" y=\"{t}\" font-size=\"11\" fill=\"#5b6770\">{need}</text>",
        t = ly,
        r = ly - 10.0,
        now = esc(ui.legend_now),
        adv = esc(ui.legend_advice),
        adv_fill = if overridden { "#ffffff" } else { "#0b6e69" },
        need = esc(ui.legend_needed),
    );
    if overridden {
        let _ = write!(
            s,
            "<rect x=\"2\" y=\"{r}\" width=\"22\" height=\"12\" rx=\"6\" fill=\"#0b6e69\"/>\
             <text x=\"30\" y=\"{t}\" font-size=\"11\" fill=\"#5b6770\">{chosen}</text>",
            t = ly + 18.0,
            r = ly + 8.0,
            chosen = esc(ui.legend_chosen),
        );
    }
    s.push_str("</svg></div>\n");
    s
}

/// The comparison as a picture: per goal (and for the case) one numbered
/// dot per rater on the step it suggests, the worked answer as a marked
/// diamond, and under each step how many raters find it needed. The
/// numbers are those of the table below the picture.
fn comparison_svg(ui: &Ui, c: &Comparison) -> String {
    let label_w = 190.0;
    let cell_w = 106.0;
    let head_h = 46.0;
    let per_line = 5usize;
    let dot = 19.0;
    let width = label_w + cell_w * 5.0 + 4.0;
    let rows: Vec<&crate::views::compare::Row> =
        std::iter::once(&c.casus).chain(&c.doelen).collect();
    // Every row as high as its fullest step.
    let heights: Vec<f64> = rows
        .iter()
        .map(|row| {
            let most = (0..5)
                .map(|i| {
                    row.stappen
                        .iter()
                        .flatten()
                        .filter(|s| s.index == i)
                        .count()
                })
                .max()
                .unwrap_or(0)
                .max(1);
            let lines = most.div_ceil(per_line) as f64;
            lines * dot + 30.0
        })
        .collect();
    let height = head_h + heights.iter().sum::<f64>() + 46.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<div class=\"picture\"><svg class=\"continuum\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         role=\"img\" aria-labelledby=\"cmp-title\" font-family=\"system-ui, sans-serif\">\
         <title id=\"cmp-title\">{}</title>",
        esc(ui.cmp_picture_title)
    );
    for (i, step) in c.continuum.iter().enumerate().take(5) {
        let x = label_w + cell_w * i as f64;
        let shade = ["#eef5f4", "#d9ebe9", "#bfdcd9", "#a1cbc7", "#80b8b3"][i];
        step_arrow(
            &mut s,
            i,
            x,
            cell_w,
            head_h,
            (shade, "#ffffff", "#1d2a33"),
            &step.naam,
        );
    }
    let mut y = head_h;
    for (r, row) in rows.iter().enumerate() {
        let h = heights[r];
        if r % 2 == 0 {
            let _ = write!(
                s,
                "<rect x=\"0\" y=\"{y}\" width=\"{width}\" height=\"{h}\" fill=\"#f6f8f9\"/>"
            );
        }
        let weight = if r == 0 { "700" } else { "400" };
        let flag = if row.bespreek { " ⚑" } else { "" };
        let _ = write!(
            s,
            "<text x=\"6\" y=\"{ty}\" font-size=\"12.5\" font-weight=\"{weight}\" fill=\"#1d2a33\">{label}{flag}</text>",
            ty = y + 20.0,
            label = esc(&shorten(&row.label, 26)),
        );
        for i in 0..5 {
            let x0 = label_w + cell_w * i as f64;
            // The sessions on this step: the reference first.
            let mut here: Vec<(usize, bool)> = row
                .stappen
                .iter()
                .enumerate()
                .filter(|(_, st)| st.as_ref().is_some_and(|st| st.index == i))
                .map(|(k, _)| (k, c.sessies[k].referentie))
                .collect();
            here.sort_by_key(|(k, reference)| (!reference, *k));
            for (j, (k, reference)) in here.iter().enumerate() {
                let cx = x0 + 14.0 + dot * (j % per_line) as f64;
                let cy = y + 14.0 + dot * (j / per_line) as f64;
                let who = esc(&c.sessies[*k].label);
                if *reference {
                    let _ = write!(
                        s,
                        "<g><title>{who}</title><polygon points=\"{cx},{a} {b},{cy} {cx},{d} {e},{cy}\" fill=\"#8a4b00\" stroke=\"#1d2a33\" stroke-width=\"1.5\"/>\
                         <text x=\"{cx}\" y=\"{ty}\" font-size=\"9\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#ffffff\">{n}</text></g>",
                        a = cy - 10.0,
                        b = cx + 10.0,
                        d = cy + 10.0,
                        e = cx - 10.0,
                        ty = cy + 3.0,
                        n = k + 1,
                    );
                } else {
                    let _ = write!(
                        s,
                        "<g><title>{who}</title><circle cx=\"{cx}\" cy=\"{cy}\" r=\"8\" fill=\"#0b6e69\"/>\
                         <text x=\"{cx}\" y=\"{ty}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#ffffff\">{n}</text></g>",
                        ty = cy + 3.0,
                        n = k + 1,
                    );
                }
            }
            let needed = row
                .nodig
                .iter()
                .zip(&c.sessies)
                .filter(|(n, s)| !s.referentie && n.as_ref().is_some_and(|n| n.index == i))
                .count();
            if needed > 0 {
                let _ = write!(
                    s,
                    "<text x=\"{tx}\" y=\"{ty}\" font-size=\"10\" fill=\"#0b6e69\">{t} {needed}</text>",
                    tx = x0 + 6.0,
                    ty = y + h - 6.0,
                    t = esc(&ui.needed.to_lowercase()),
                );
            }
        }
        y += h;
    }
    // Legend.
    let ly = y + 20.0;
    let _ = write!(
        s,
        "<circle cx=\"12\" cy=\"{c}\" r=\"7\" fill=\"#0b6e69\"/>\
         <text x=\"26\" y=\"{ly}\" font-size=\"11\" fill=\"#5b6770\">{rater}</text>\
         <polygon points=\"212,{a} 220,{c} 212,{d} 204,{c}\" fill=\"#8a4b00\"/>\
         <text x=\"226\" y=\"{ly}\" font-size=\"11\" fill=\"#5b6770\">{reference}</text>\
         <text x=\"470\" y=\"{ly}\" font-size=\"11\" fill=\"#0b6e69\">{needed}</text>\
         <text x=\"6\" y=\"{ly2}\" font-size=\"11\" fill=\"#5b6770\">⚑ {discuss}</text>",
        ly2 = ly + 16.0,
        discuss = esc(ui.cmp_discuss),
        c = ly - 4.0,
        a = ly - 12.0,
        d = ly + 4.0,
        rater = esc(ui.cmp_legend_rater),
        reference = esc(ui.cmp_legend_reference),
        needed = esc(ui.cmp_legend_needed),
    );
    s.push_str("</svg></div>\n");
    s
}

/// Keeps a label on one line of the picture; the table has it in full.
fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn reason(r: &ReasonView) -> String {
    format!("<li>{}</li>", esc(&r.tekst))
}

fn action(a: &ActionView) -> String {
    let goals: Vec<String> = a
        .doelen
        .iter()
        .filter(|g| !a.tekst.contains(g.as_str()))
        .map(|g| esc(g))
        .collect();
    if goals.is_empty() {
        format!("<li>{}</li>", esc(&a.tekst))
    } else {
        format!(
            "<li>{} <span class=\"muted\">({})</span></li>",
            esc(&a.tekst),
            goals.join(", ")
        )
    }
}

/// The professional's own choice and its reason, as HTML.
fn override_parts(ui: &Ui, o: &OverrideView) -> (String, String) {
    let choice = fill(
        ui.override_line,
        &[
            ("chosen", &o.gekozen.naam),
            ("suggested", &o.suggestie.naam),
        ],
    );
    let reason = format!(
        "<strong>{}:</strong> {}",
        esc(ui.override_reason),
        esc(&o.reden)
    );
    (esc(&choice), reason)
}

fn list(items: impl IntoIterator<Item = String>) -> String {
    let mut s = String::from("<ul>\n");
    for i in items {
        s.push_str(&i);
        s.push('\n');
    }
    s.push_str("</ul>\n");
    s
}

impl HtmlRenderer {
    fn lang(&self) -> &'static str {
        self.ui.lang_code
    }

    /// A page that holds another format's text as it is, for the views that
    /// have no picture to show.
    fn text_page(&self, title: &str, text: &str) -> String {
        let body = format!("<h1>{}</h1>\n<pre>{}</pre>\n", esc(title), esc(text));
        page(self.lang(), title, "pre { white-space: pre-wrap; }", &body)
    }
}

impl Renderer for HtmlRenderer {
    fn report(&self, r: &Report) -> String {
        let ui = self.ui;
        let mut b = String::new();
        let _ = writeln!(b, "<header>\n<h1>{}</h1>", esc(ui.summary_title));
        let _ = writeln!(b, "<p class=\"privacy\">{}</p>", esc(&r.casusinformatie));
        b.push_str("<table class=\"meta\">\n");
        let mut meta = |k: &str, v: String| {
            let _ = writeln!(b, "<tr><th>{}</th><td>{v}</td></tr>", esc(k));
        };
        meta(ui.date, esc(&dutch_date(&r.datum)));
        if let Some(m) = &r.moment {
            meta(ui.moment, esc(&m.naam));
        }
        if let Some(x) = &r.beoordelaar {
            let role = x
                .role
                .as_deref()
                .map_or(String::new(), |role| format!(" ({})", esc(role)));
            meta(ui.rater, format!("{}{role}", esc(&x.label)));
        }
        meta(
            ui.tool,
            format!(
                "voorwie {}, {} {} {}",
                esc(&r.voorwie.versie),
                esc(&ui.bank.to_lowercase()),
                esc(&r.bank.id),
                esc(&r.bank.versie)
            ),
        );
        if !r.bron.is_empty() {
            meta(ui.source, esc(&r.bron));
        }
        b.push_str("</table>\n");
        let _ = writeln!(
            b,
            "<p class=\"muted\">{}</p>",
            esc(&fill(
                ui.answered_line,
                &[
                    ("n", &r.beantwoord.beantwoord.to_string()),
                    ("total", &r.beantwoord.kernvragen.to_string()),
                ],
            ))
        );
        if let Some(t) = &r.beantwoord.tekst {
            let _ = writeln!(
                b,
                "<p class=\"warning\"><strong>{}</strong> {}</p>",
                esc(ui.attention),
                esc(t)
            );
        }
        b.push_str("</header>\n");

        if let Some(c) = &r.casus {
            let _ = writeln!(b, "<h2>{}</h2>", esc(ui.case_heading));
            for para in c.trim().split("\n\n") {
                let para = para.split_whitespace().collect::<Vec<_>>().join(" ");
                let _ = writeln!(b, "<p>{}</p>", esc(&para));
            }
            if let Some(o) = &r.onderbouwing {
                let _ = writeln!(
                    b,
                    "<p class=\"muted\"><strong>{}:</strong> {}</p>",
                    esc(ui.rationale),
                    esc(o)
                );
            }
        }

        let a = &r.advies;
        let _ = writeln!(b, "<h2>{}</h2>", esc(ui.case_advice));
        if let Some(o) = &r.overschrijving {
            let (choice, reason) = override_parts(ui, o);
            let _ = writeln!(b, "<p class=\"advice\">{choice} {reason}</p>");
        }
        let step_of = fill(ui.step_of, &[("n", &(a.index + 1).to_string())]);
        let _ = writeln!(
            b,
            "<p class=\"advice\">{}: <strong>{}</strong> <span class=\"muted\">({}, {})</span> — {}</p>",
            esc(ui.suggestion),
            esc(&a.naam),
            esc(&step_of),
            esc(&a.intensiteit),
            esc(&lower_start(&r.richting_naam))
        );
        let mut rows = vec![Row {
            label: ui.case_heading,
            current: r.huidig.as_ref().map(|h| h.index),
            advice: a.index,
            chosen: r.overschrijving.as_ref().map(|o| o.gekozen.index),
            needed: Some(a.nodig.index),
            strong: true,
        }];
        for g in &r.doelen {
            rows.push(Row {
                label: &g.label,
                current: g.nu.stap.as_ref().map(|h| h.index),
                advice: g.advies.index,
                chosen: g.overschrijving.as_ref().map(|o| o.gekozen.index),
                needed: Some(g.advies.nodig.index),
                strong: false,
            });
        }
        b.push_str(&continuum_svg(ui, &r.continuum, &rows, None));
        let _ = writeln!(b, "<p class=\"note\">{}</p>", esc(&r.hoger_niet_beter));
        b.push_str("<table class=\"meta\">\n");
        let mut meta = |k: &str, v: String| {
            let _ = writeln!(b, "<tr><th>{}</th><td>{v}</td></tr>", esc(k));
        };
        if a.nodig.index != a.index {
            meta(
                ui.needed,
                esc(&fill(
                    ui.first_then,
                    &[
                        ("first", &a.naam.to_lowercase()),
                        ("need", &a.nodig.naam.to_lowercase()),
                    ],
                )),
            );
        }
        meta(ui.current, esc(&r.nu.tekst));
        if let Some(c) = &r.overwogen_tekst {
            meta(ui.considered, esc(c));
        }
        meta(
            ui.direction,
            format!("{}. {}", esc(&r.richting_naam), esc(&r.richting_uitleg)),
        );
        meta(
            ui.certainty,
            format!("{}. {}", esc(&a.zekerheid), esc(&a.zekerheid_uitleg)),
        );
        meta(ui.possible, esc(&r.mogelijk.tekst));
        if !a.vormen.is_empty() {
            meta(
                ui.forms,
                a.vormen
                    .iter()
                    .map(|f| esc(f))
                    .collect::<Vec<_>>()
                    .join("; "),
            );
        }
        b.push_str("</table>\n");

        if r.doelen.is_empty() {
            let _ = writeln!(
                b,
                "<h2>{}</h2>\n<p>{}</p>",
                esc(ui.reasons),
                esc(ui.no_goals)
            );
        } else {
            let _ = writeln!(b, "<h2>{}</h2>", esc(goals_heading(ui, r)));
            let _ = writeln!(
                b,
                "<table class=\"goals\">\n<tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
                esc(ui.goal),
                esc(ui.suggestion),
                esc(ui.current),
                esc(ui.form),
                esc(ui.direction)
            );
            for (i, g) in r.doelen.iter().enumerate() {
                let step = match &g.overschrijving {
                    Some(o) => format!(
                        "<strong>{}</strong> <span class=\"muted\">({}: {})</span>",
                        esc(&o.gekozen.naam),
                        esc(&ui.suggestion.to_lowercase()),
                        esc(&g.advies.naam.to_lowercase())
                    ),
                    None => format!("<strong>{}</strong>", esc(&g.advies.naam)),
                };
                let _ = writeln!(
                    b,
                    "<tr><td>{}</td><td data-label=\"{goal}\">{}</td><td data-label=\"{suggestion}\">{step}</td>\
                     <td data-label=\"{current}\">{}</td><td data-label=\"{form}\">{}</td>\
                     <td data-label=\"{direction}\">{}</td></tr>",
                    i + 1,
                    esc(&g.label),
                    esc(&g.nu.tekst),
                    esc(g.advies.vormen.first().map_or("", String::as_str)),
                    esc(&g.richting_naam),
                    goal = esc(ui.goal),
                    suggestion = esc(ui.suggestion),
                    current = esc(ui.current),
                    form = esc(ui.form),
                    direction = esc(ui.direction),
                );
            }
            b.push_str("</table>\n");
            let _ = writeln!(b, "<h2>{}</h2>", esc(ui.reasons));
            for (i, g) in r.doelen.iter().enumerate() {
                let _ = writeln!(b, "<h3>{}. {}</h3>", i + 1, esc(&g.label));
                if let Some(o) = &g.overschrijving {
                    let (choice, reason) = override_parts(ui, o);
                    let _ = writeln!(b, "<p>{choice} {reason}</p>");
                }
                b.push_str(&list(g.redenen.iter().map(reason)));
                let _ = writeln!(
                    b,
                    "<p class=\"muted\">{}: {}. {}</p>",
                    esc(ui.certainty),
                    esc(&g.advies.zekerheid),
                    esc(&g.advies.zekerheid_uitleg)
                );
                for w in &g.eigen_woorden {
                    let _ = writeln!(
                        b,
                        "<p><strong>{}</strong> {}</p>",
                        esc(&w.vraag),
                        esc(&w.tekst)
                    );
                }
            }
            if r.doelen.len() > 1 {
                if let Some(goal) = super::case_follows(r) {
                    let _ = writeln!(
                        b,
                        "<p>{}</p>",
                        esc(&fill(ui.case_follows, &[("goal", goal)]))
                    );
                }
                if r.volgorde.hulpverlening_gegeven {
                    let _ = writeln!(
                        b,
                        "<p><strong>{}:</strong> {}</p>",
                        esc(ui.order_care),
                        r.volgorde
                            .hulpverlening
                            .iter()
                            .map(|g| esc(g))
                            .collect::<Vec<_>>()
                            .join(" → ")
                    );
                }
                if !r.volgorde.gezin_gegeven {
                    let _ = writeln!(b, "<p>{}</p>", esc(ui.order_family_missing));
                }
                if r.volgorde.verschilt {
                    let _ = writeln!(b, "<p><strong>{}</strong></p>", esc(ui.orders_differ));
                }
            }
        }

        if let Some(sd) = &r.afschalen {
            let _ = writeln!(b, "<h2>{}</h2>", esc(&sd.titel));
            let mut items: Vec<String> = sd
                .regels
                .iter()
                .map(|l| format!("<li>{}</li>", esc(l)))
                .collect();
            items.push(format!(
                "<li><strong>{}:</strong> {}</li>",
                esc(ui.scale_down_signal),
                esc(&sd.signaal)
            ));
            b.push_str(&list(items));
        }

        if let Some(k) = &r.kloof {
            let _ = writeln!(b, "<h2>{}</h2>", esc(ui.gap));
            let _ = writeln!(b, "<p>{}</p>", esc(&k.tekst));
            let mut items = Vec::new();
            if !k.niveau_namen.is_empty() {
                items.push(format!(
                    "<li>{}</li>",
                    esc(&fill(
                        ui.gap_level,
                        &[("level", &k.niveau_namen.join(", "))]
                    ))
                ));
            }
            if !k.doelen.is_empty() {
                items.push(format!(
                    "<li>{}: {}</li>",
                    esc(ui.gap_goals),
                    esc(&k.doelen.join(", "))
                ));
            }
            for l in &k.beperkt_door {
                items.push(format!("<li>{}: {}</li>", esc(ui.gap_limited_by), esc(l)));
            }
            b.push_str(&list(items));
        }

        let _ = writeln!(b, "<h2>{}</h2>", esc(ui.actions));
        if r.actiepunten.is_empty() {
            let _ = writeln!(b, "<p>{}</p>", esc(ui.no_actions));
        }
        for (group, title) in [
            ("doen", ui.actions_do),
            ("uitzoeken", ui.actions_find_out),
            ("neerleggen", ui.actions_take_to),
        ] {
            let items: Vec<&ActionView> =
                r.actiepunten.iter().filter(|a| a.groep == group).collect();
            if items.is_empty() {
                continue;
            }
            let _ = writeln!(b, "<h3>{}</h3>\n<ul class=\"actions\">", esc(title));
            for x in items {
                b.push_str(&action(x));
                b.push('\n');
            }
            b.push_str("</ul>\n");
        }
        if !r.eigen_woorden.is_empty() {
            let _ = writeln!(b, "<h2>{}</h2>", esc(ui.own_words));
            for w in &r.eigen_woorden {
                let _ = writeln!(
                    b,
                    "<p><strong>{}</strong> {}</p>",
                    esc(&w.vraag),
                    esc(&w.tekst)
                );
            }
        }
        if let Some(n) = &r.notities {
            let _ = writeln!(b, "<h2>{}</h2>\n<p>{}</p>", esc(ui.notes), esc(n.trim()));
        }
        if r.weet_niet + r.overgeslagen > 0 {
            let _ = writeln!(
                b,
                "<p class=\"muted\">{}</p>",
                esc(&fill(
                    ui.unknown_count,
                    &[
                        ("dont_know", &r.weet_niet.to_string()),
                        ("skipped", &r.overgeslagen.to_string()),
                    ],
                ))
            );
            if !r.overgeslagen_vragen.is_empty() {
                let _ = writeln!(
                    b,
                    "<p class=\"muted\">{}: {}</p>",
                    esc(ui.skipped_questions),
                    esc(&r.overgeslagen_vragen.join("; "))
                );
            }
        }
        let _ = writeln!(b, "<h2>{}</h2>", esc(ui.reflection));
        b.push_str(&list(
            r.reflectie.iter().map(|p| format!("<li>{}</li>", esc(p))),
        ));
        let _ = writeln!(
            b,
            "<footer>{} · voorwie {} · {} {} {}</footer>",
            esc(&r.casusinformatie),
            esc(&r.voorwie.versie),
            esc(ui.bank),
            esc(&r.bank.id),
            esc(&r.bank.versie)
        );
        page(self.lang(), ui.summary_title, "", &b)
    }

    fn card(&self, c: &Card) -> String {
        let ui = self.ui;
        let item = |q: &CardQuestion| {
            if q.fase == "verdieping" {
                format!("<li class=\"deep\">{} (+)</li>", esc(&q.kort))
            } else {
                format!("<li>{}</li>", esc(&q.kort))
            }
        };
        let title = fill(ui.card_title, &[("title", ui.title)]);
        let mut b = String::new();
        b.push_str("<div class=\"side front\">\n");
        let _ = writeln!(
            b,
            "<h1>{}</h1>\n<p class=\"muted\">{} {} · {}</p>",
            esc(&title),
            esc(&c.bank.id),
            esc(&c.bank.versie),
            esc(&ui.card_legend.replace("[+]", "(+)"))
        );
        let _ = writeln!(
            b,
            "<p><strong>{}</strong></p>\n<p>{}</p>",
            esc(&fill(ui.card_start, &[("question", &c.startvraag.tekst)])),
            esc(ui.card_think)
        );
        b.push_str("<div class=\"cols\">\n");
        let _ = writeln!(
            b,
            "<section><h2>{}</h2>\n<ul class=\"check\">",
            esc(ui.card_per_goal)
        );
        for q in &c.per_doel {
            b.push_str(&item(q));
            b.push('\n');
        }
        b.push_str("</ul></section>\n");
        for level in &c.niveaus {
            let name = if level.id == "organisatie" {
                fill(ui.card_forgotten, &[("level", &level.naam)])
            } else {
                level.naam.clone()
            };
            let _ = writeln!(b, "<section><h2>{}</h2>\n<ul class=\"check\">", esc(&name));
            for q in &level.vragen {
                b.push_str(&item(q));
                b.push('\n');
            }
            b.push_str("</ul></section>\n");
        }
        b.push_str("</div>\n</div>\n<div class=\"side back\">\n");
        let _ = writeln!(b, "<h1>{}</h1>", esc(ui.continuum_heading));
        let steps: Vec<StepRef> = c
            .continuum
            .iter()
            .map(|s| StepRef {
                stap: s.id.clone(),
                index: s.index,
                naam: s.naam.clone(),
            })
            .collect();
        b.push_str(&continuum_svg(ui, &steps, &[], None));
        let _ = writeln!(
            b,
            "<table class=\"steps\">\n<tr><th>{}</th><th>{}</th></tr>",
            esc(ui.step),
            esc(ui.what_it_is)
        );
        for s in &c.continuum {
            let _ = writeln!(
                b,
                "<tr><td>{}. {}</td><td>{}</td></tr>",
                s.index + 1,
                esc(&s.naam),
                esc(&s.kort)
            );
        }
        b.push_str("</table>\n");
        let _ = writeln!(b, "<p class=\"note\">{}</p>", esc(&c.continuum_uitleg));
        let _ = writeln!(b, "<h2>{}</h2>", esc(ui.reflection));
        b.push_str(&list(
            c.reflectie.iter().map(|p| format!("<li>{}</li>", esc(p))),
        ));
        b.push_str("</div>\n");
        page(self.lang(), &title, CARD_CSS, &b)
    }

    fn continuum(&self, v: &ContinuumView) -> String {
        let ui = self.ui;
        let mut b = String::new();
        let _ = writeln!(b, "<h1>{}</h1>", esc(ui.continuum_title));
        let _ = writeln!(b, "<p class=\"note\">{}</p>", esc(&v.uitleg));
        let steps: Vec<StepRef> = v
            .namen
            .iter()
            .enumerate()
            .map(|(index, naam)| StepRef {
                stap: String::new(),
                index,
                naam: naam.clone(),
            })
            .collect();
        let focus = v
            .stap
            .as_ref()
            .and_then(|id| v.stappen.iter().find(|s| &s.id == id))
            .map(|s| s.index);
        if steps.len() == 5 {
            b.push_str(&continuum_svg(ui, &steps, &[], focus));
        }
        for s in &v.stappen {
            let focus = if v.stap.as_deref() == Some(s.id.as_str()) {
                " focus"
            } else {
                ""
            };
            let _ = writeln!(
                b,
                "<section class=\"step-detail{focus}\" id=\"{}\">\n<h2>{}</h2>\n<p><strong>{}</strong></p>\n<p>{}</p>",
                esc(&s.id),
                esc(&fill(
                    ui.continuum_step_title,
                    &[
                        ("n", &(s.index + 1).to_string()),
                        ("name", &s.volledige_naam),
                        ("intensity", &s.intensiteit),
                    ],
                )),
                esc(&s.kort),
                esc(&s.uitleg)
            );
            let _ = writeln!(b, "<h3>{}</h3>", esc(ui.forms));
            b.push_str(&list(
                s.vormen.iter().map(|f| format!("<li>{}</li>", esc(f))),
            ));
            if !s.voorbeelden.is_empty() {
                let _ = writeln!(b, "<h3>{}</h3>", esc(ui.examples_heading));
                b.push_str(&list(
                    s.voorbeelden.iter().map(|f| format!("<li>{}</li>", esc(f))),
                ));
            }
            if let Some(d) = &s.verschil {
                let _ = writeln!(
                    b,
                    "<h3>{}</h3>\n<p>{}</p>",
                    esc(ui.difference_heading),
                    esc(d)
                );
            }
            if let Some(src) = &s.bron {
                let _ = writeln!(b, "<p class=\"muted\">{}: {}</p>", esc(ui.source), esc(src));
            }
            b.push_str("</section>\n");
        }
        page(self.lang(), ui.continuum_title, "", &b)
    }

    fn examples(&self, list: &ExampleList) -> String {
        let text = TextRenderer::with(Style::paste(), self.ui).examples(list);
        self.text_page(self.ui.examples_title, &text)
    }

    fn comparison(&self, c: &Comparison) -> String {
        let ui = self.ui;
        let timeline = c.soort == "tijdlijn";
        let title = if timeline {
            ui.cmp_title_timeline
        } else {
            ui.cmp_title_raters
        };
        let raters = c.sessies.iter().filter(|s| !s.referentie).count();
        let mut b = String::new();
        let _ = writeln!(b, "<h1>{}</h1>", esc(title));
        let _ = writeln!(b, "<p class=\"privacy\">{}</p>", esc(&c.casusinformatie));
        for w in &c.waarschuwingen {
            let _ = writeln!(b, "<p class=\"warning\">{}</p>", esc(w));
        }
        let _ = writeln!(b, "<h2>{}</h2>", esc(ui.cmp_picture_title));
        b.push_str(&comparison_svg(ui, c));

        // The raters, numbered as in the picture.
        let roles = c.sessies.iter().any(|s| s.rol.is_some());
        b.push_str("<table class=\"raters\">\n<tr><th>#</th>");
        let _ = write!(b, "<th>{}</th>", esc(ui.cmp_label));
        if roles {
            let _ = write!(b, "<th>{}</th>", esc(ui.cmp_role));
        }
        if timeline {
            let _ = write!(b, "<th>{}</th>", esc(ui.date));
        }
        for row in std::iter::once(&c.casus).chain(&c.doelen) {
            let _ = write!(b, "<th>{}</th>", esc(&row.label));
        }
        b.push_str("</tr>\n");
        for (i, s) in c.sessies.iter().enumerate() {
            let class = if s.referentie {
                " class=\"reference\""
            } else {
                ""
            };
            let _ = write!(b, "<tr{class}><td>{}</td><td>{}</td>", i + 1, esc(&s.label));
            if roles {
                let _ = write!(b, "<td>{}</td>", esc(s.rol.as_deref().unwrap_or("")));
            }
            if timeline {
                let _ = write!(
                    b,
                    "<td>{}</td>",
                    esc(&s.datum.as_deref().map(dutch_date).unwrap_or_default())
                );
            }
            for row in std::iter::once(&c.casus).chain(&c.doelen) {
                let step = row.stappen[i].as_ref();
                let need = row.nodig[i].as_ref();
                let mut cell = step.map_or(String::new(), |x| {
                    format!("<strong>{}</strong>", esc(&x.naam))
                });
                if let (Some(st), Some(n)) = (step, need)
                    && st.index != n.index
                {
                    let _ = write!(
                        cell,
                        "<br><span class=\"muted\">{}: {}</span>",
                        esc(&ui.needed.to_lowercase()),
                        esc(&n.naam.to_lowercase())
                    );
                }
                if let Some(d) = &row.richtingen[i] {
                    let _ = write!(
                        cell,
                        "<br><span class=\"muted\">{}</span>",
                        esc(&d.to_lowercase())
                    );
                }
                let _ = write!(b, "<td>{cell}</td>");
            }
            b.push_str("</tr>\n");
        }
        b.push_str("</table>\n");

        if !timeline {
            let _ = writeln!(b, "<h2>{}</h2>", esc(ui.cmp_spread));
            let mut items = Vec::new();
            for row in std::iter::once(&c.casus).chain(&c.doelen) {
                let flag = if row.bespreek {
                    format!(
                        " <strong class=\"discuss\">{}</strong>",
                        esc(&ui.cmp_discuss.to_uppercase())
                    )
                } else {
                    String::new()
                };
                let mut item = format!("<li>{}{flag}<ul>", esc(&row.spread_line(ui)));
                for line in [
                    row.needed_line(ui, &c.sessies),
                    row.direction_line(ui, &c.sessies),
                ]
                .into_iter()
                .chain(row.reference_line(ui, raters))
                {
                    let _ = write!(item, "<li>{}</li>", esc(&line));
                }
                item.push_str("</ul></li>");
                items.push(item);
            }
            b.push_str(&list(items));
        }
        if !c.ongematcht.is_empty() {
            let _ = writeln!(b, "<h2>{}</h2>", esc(ui.cmp_unmatched));
            b.push_str(&list(c.ongematcht.iter().map(|u| {
                format!(
                    "<li>{}</li>",
                    esc(&fill(
                        ui.cmp_unmatched_line,
                        &[("goal", &u.label), ("who", &u.in_sessies.join(", "))],
                    ))
                )
            })));
        }
        if !timeline {
            let _ = writeln!(b, "<h2>{}</h2>", esc(ui.cmp_differences));
            if c.verschillen.is_empty() {
                let _ = writeln!(b, "<p>{}</p>", esc(ui.cmp_no_differences));
            }
            b.push_str(&list(c.verschillen.iter().map(|d| {
                let title = match &d.doel {
                    Some(g) => format!("{} ({} '{g}')", d.tekst, ui.goal.to_lowercase()),
                    None => d.tekst.clone(),
                };
                let answers: String = d
                    .antwoorden
                    .iter()
                    .map(|a| {
                        format!(
                            "<li>{}: <span class=\"muted\">{}</span></li>",
                            esc(&a.antwoord),
                            esc(&a.sessies.join(", "))
                        )
                    })
                    .collect();
                format!("<li>{}<ul>{answers}</ul></li>", esc(&title))
            })));
        }
        if !c.per_rol.is_empty() {
            let _ = writeln!(b, "<h2>{}</h2>", esc(ui.cmp_per_role));
            b.push_str(&list(c.per_rol.iter().map(|g| {
                format!(
                    "<li>{} ({}): {}</li>",
                    esc(&g.rol),
                    esc(&g.sessies.join(", ")),
                    esc(&g.stappen.join(", "))
                )
            })));
        }
        if !c.tijdlijn.is_empty() {
            let _ = writeln!(b, "<h2>{}</h2>", esc(ui.cmp_changes));
            b.push_str(&list(c.tijdlijn.iter().map(|ch| {
                let what: String = ch
                    .wat
                    .iter()
                    .map(|w| format!("<li>{}</li>", esc(w)))
                    .collect();
                format!(
                    "<li>{} → {}<ul>{what}</ul></li>",
                    esc(&dutch_date(&ch.van)),
                    esc(&dutch_date(&ch.naar))
                )
            })));
        }
        let _ = writeln!(b, "<footer>{}</footer>", esc(&c.casusinformatie));
        page(
            self.lang(),
            title,
            "tr.reference td { background: var(--warn-soft); } .discuss { color: var(--warn); }\n\
             table.raters th, table.raters td { overflow-wrap: break-word; }",
            &b,
        )
    }

    fn overview(&self, o: &Overview) -> String {
        let text = TextRenderer::with(Style::paste(), self.ui).overview(o);
        self.text_page(self.ui.ov_title, &text)
    }
}

/// One step of the continuum as an arrow in the header of a picture (the
/// result and the comparison draw the same header): step `i` at `x`,
/// `cell_w` wide and `head_h` high, in (fill, stroke, text) colours.
fn step_arrow(
    s: &mut String,
    i: usize,
    x: f64,
    cell_w: f64,
    head_h: f64,
    (shade, stroke, text): (&str, &str, &str),
    name: &str,
) {
    let _ = write!(
        s,
        "<polygon points=\"{x0},4 {x1},4 {x2},{ym} {x1},{yb} {x0},{yb} {x3},{ym}\" fill=\"{shade}\" stroke=\"{stroke}\" stroke-width=\"2\"/>\
         <text x=\"{tx}\" y=\"20\" font-size=\"11\" text-anchor=\"middle\" fill=\"{text}\">{n}</text>\
         <text x=\"{tx}\" y=\"35\" font-size=\"12.5\" font-weight=\"600\" text-anchor=\"middle\" fill=\"{text}\">{name}</text>",
        x0 = x,
        x1 = x + cell_w - 10.0,
        x2 = x + cell_w,
        x3 = if i == 0 { x } else { x + 10.0 },
        ym = (head_h - 4.0) / 2.0 + 4.0,
        yb = head_h - 4.0,
        tx = x + cell_w / 2.0,
        n = i + 1,
        name = esc(name),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn long_labels_are_shortened_in_the_picture() {
        assert_eq!(shorten("kort", 28), "kort");
        let long = shorten("Een heel lang doel dat niet op één regel past", 20);
        assert!(long.ends_with('…') && long.chars().count() <= 20, "{long}");
    }
}
