//! Output formats. One renderer per format behind one small trait, in the
//! way hyperfine's `export/` does it: the views ([`Report`], [`Card`], ...)
//! hold the words, a renderer only arranges them. Renderers import the
//! views; a view never imports a renderer.

mod html;
mod json;
mod markdown;
mod text;
pub(crate) mod xlsx;

use crate::base::text::Lang;
use crate::views::card::Card;
use crate::views::compare::Comparison;
use crate::views::continuum::ContinuumView;
use crate::views::examples::ExampleList;
use crate::views::overview::Overview;
use crate::views::report::Report;

/// The formats of `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// Plain text: the paste-ready summary, or the screen in a terminal.
    #[default]
    Text,
    Markdown,
    Json,
    /// Only for `overzicht`: one row per session-goal.
    Csv,
    /// Only for `overzicht`: a workbook, one sheet per table (`xlsx`).
    Xlsx,
    /// One self-contained, printable page with the continuum drawn in SVG.
    Html,
}

/// How text output is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// The longest line.
    pub width: usize,
    /// Use colour and bold.
    pub color: bool,
    /// Use box-drawing characters and symbols.
    pub unicode: bool,
    /// Lay out for a screen (tables) instead of for pasting (lists). The
    /// session summary is always laid out for pasting.
    pub screen: bool,
    /// The long form of the summary (`--uitgebreid`): every reason per
    /// goal, the certainty per goal, the gap in detail, the reflection.
    pub long: bool,
}

impl Style {
    /// For files, pipes and the case file: 80 columns, no colour, lists.
    pub fn paste() -> Style {
        Style {
            width: 80,
            color: false,
            unicode: false,
            screen: false,
            long: false,
        }
    }
}

/// Turns a view into text in one format.
pub trait Renderer {
    fn report(&self, report: &Report) -> String;
    fn card(&self, card: &Card) -> String;
    fn continuum(&self, view: &ContinuumView) -> String;
    fn examples(&self, list: &ExampleList) -> String;
    fn comparison(&self, c: &Comparison) -> String;
    fn overview(&self, o: &Overview) -> String;
}

/// The renderer for a format.
pub fn renderer(format: Format, style: Style, lang: Lang) -> Box<dyn Renderer> {
    let ui = crate::base::ui::ui(lang);
    match format {
        Format::Text => Box::new(text::TextRenderer::with(style, ui)),
        Format::Markdown => Box::new(markdown::MarkdownRenderer {
            ui,
            long: style.long,
        }),
        Format::Html => Box::new(html::HtmlRenderer { ui }),
        // CSV is streamed by the overview itself; everything else as JSON
        // never reaches here (the app refuses csv for other commands).
        Format::Json | Format::Csv | Format::Xlsx => Box::new(json::JsonRenderer),
    }
}

/// One presenter slide as text, whole, for a file or a pipe: short lines,
/// a clear heading, the continuum drawn vertically, and where we are.
pub(crate) fn slide_text(
    slide: &crate::views::slides::Slide,
    style: Style,
    lang: Lang,
    n: usize,
    total: usize,
) -> String {
    text::slide(slide, style, crate::base::ui::ui(lang), n, total)
}

/// One presenter slide cut into screens of at most `rows - 2` lines, each
/// line at most `style.width` (and at most 72) columns wide; the presenter
/// draws the controls on the last row.
pub(crate) fn slide_screens(
    slide: &crate::views::slides::Slide,
    style: Style,
    lang: Lang,
    n: usize,
    total: usize,
    rows: usize,
) -> Vec<Vec<String>> {
    let ui = crate::base::ui::ui(lang);
    let lines = text::slide_lines(slide, style, ui);
    text::slide_screens(&lines, style, ui, n, total, rows)
}

/// The heading above the goals: "in the family's order" only when the
/// family gave one; otherwise the goals stand in the order they were
/// entered, and the heading does not claim more.
pub(crate) fn goals_heading(
    ui: &crate::base::ui::Ui,
    r: &crate::views::report::Report,
) -> &'static str {
    if r.volgorde.gezin_gegeven {
        ui.goals_family_order
    } else {
        ui.goals
    }
}

/// How many find-out points the short summary lists; the rest stand in the
/// long form (`--uitgebreid`), with a line saying how many. They come in
/// the order of what matters, so the ones that can change the suggestion
/// are always among the first.
pub(crate) const SHORT_FIND_OUT: usize = 3;

/// How many example forms a goal shows in the short summary: the step's
/// own form and the first that fits the case (domain, moment); the long
/// form shows them all.
pub(crate) const SHORT_FORMS: usize = 2;

/// The example forms a goal shows: in the short summary none for a goal
/// whose collaboration fits ("passend": keep what works, no new form to
/// choose) and at most [`SHORT_FORMS`]; in the long form all of them.
pub(crate) fn goal_forms(g: &crate::views::report::GoalView, long: bool) -> &[String] {
    if long {
        return &g.advies.vormen;
    }
    if g.richting == "passend" {
        return &[];
    }
    &g.advies.vormen[..g.advies.vormen.len().min(SHORT_FORMS)]
}

/// In the short summary a goal whose example forms are those of an earlier
/// goal says "zoals bij doel N" instead of repeating them: the number
/// (from 1) of that earlier goal, if any.
pub(crate) fn same_forms_as(goals: &[crate::views::report::GoalView], i: usize) -> Option<usize> {
    let forms = goal_forms(&goals[i], false);
    if forms.is_empty() {
        return None;
    }
    goals[..i]
        .iter()
        .position(|g| goal_forms(g, false) == forms)
        .map(|p| p + 1)
}

/// The reasons a goal shows. The long form shows every one; the short form
/// leaves out the caveats ("grens": the most the other answers can make of
/// this kind of question; "gezin": family points count only a little) but
/// keeps the reason that decided, so the "why" ends in the suggestion it
/// supports.
pub(crate) fn goal_reasons(
    g: &crate::views::report::GoalView,
    long: bool,
) -> Vec<&crate::views::report::ReasonView> {
    let all: Vec<_> = g.redenen.iter().collect();
    if long {
        return all;
    }
    let kept: Vec<_> = all
        .iter()
        .copied()
        .filter(|r| r.soort != "grens" && r.soort != "gezin")
        .collect();
    if kept.is_empty() { all } else { kept }
}

/// The action points of one group as the summary shows them, and how many
/// were left out (only find-out points are cut, only in the short form).
pub(crate) fn actions_shown<'a>(
    r: &'a crate::views::report::Report,
    group: &str,
    long: bool,
) -> (Vec<&'a crate::views::report::ActionView>, usize) {
    let items: Vec<_> = r.actiepunten.iter().filter(|a| a.groep == group).collect();
    if long || group != "uitzoeken" || items.len() <= SHORT_FIND_OUT + 1 {
        return (items, 0);
    }
    let left = items.len() - SHORT_FIND_OUT;
    (items.into_iter().take(SHORT_FIND_OUT).collect(), left)
}

/// The goal the case follows, said only when it tells the reader
/// something: when the goals do not all have the case's step.
pub(crate) fn case_follows(r: &crate::views::report::Report) -> Option<&str> {
    let differ = r.doelen.iter().any(|g| g.advies.index != r.advies.index);
    r.bepalend_doel
        .as_deref()
        .filter(|_| differ && r.doelen.len() > 1)
}
