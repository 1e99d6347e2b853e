//! The list of a choice question, laid out in the rows there are.
//!
//! Every option is shown once, with its anchor (the note) under it in
//! dimmed text. When all options with their notes fit, they are all shown;
//! otherwise the notes are left out except for the highlighted option, and
//! the list scrolls so the highlighted option stays in view, with a line
//! saying how many options are above and below. Group headings stand above
//! their first option; when the list is scrolled into a group, its heading
//! stays on top.

use crate::base::plain_text::wrap;

/// How a row is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tone {
    Plain,
    /// Notes, counts of hidden options.
    Dim,
    /// The highlighted option.
    Current,
    Heading,
}

/// One row of the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    pub text: String,
    pub tone: Tone,
}

impl Row {
    pub(crate) fn new(text: impl Into<String>, tone: Tone) -> Self {
        Row {
            text: text.into(),
            tone,
        }
    }
}

/// The options as the list shows them.
pub(crate) struct Options<'a> {
    pub labels: &'a [String],
    /// The note of each option, if any.
    pub notes: Vec<Option<&'a str>>,
    /// The heading of the group each option is in, if any.
    pub groups: Vec<Option<&'a str>>,
    /// For multiple choice: which options are ticked.
    pub ticked: Option<&'a [bool]>,
}

/// Characters that depend on what the terminal can draw.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Glyphs {
    pub pointer: &'static str,
    pub rule: &'static str,
}

/// The words for the hidden-options lines, with `{n}`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Words {
    pub more_above: &'static str,
    pub more_below: &'static str,
}

/// The highlighted option and the first one shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Scroll {
    pub cursor: usize,
    pub top: usize,
}

impl Options<'_> {
    fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether option `i` starts a group, or is the first one shown in the
    /// middle of a group (so its heading is repeated).
    fn heading(&self, i: usize, top: usize) -> Option<&str> {
        let g = self.groups.get(i).copied().flatten()?;
        let starts = i == 0 || self.groups.get(i - 1).copied().flatten() != Some(g);
        (starts || i == top).then_some(g)
    }

    /// The rows of option `i`.
    fn block(&self, i: usize, s: Scroll, note: bool, width: usize, glyphs: Glyphs) -> Vec<Row> {
        let mut rows = Vec::new();
        if let Some(h) = self.heading(i, s.top) {
            let text = wrap(&format!("{} {h}", glyphs.rule), width, "", "   ");
            rows.extend(text.lines().map(|l| Row::new(l, Tone::Heading)));
        }
        let current = i == s.cursor;
        let pointer = if current { glyphs.pointer } else { " " };
        let prefix = match self.ticked {
            Some(t) => format!("{pointer} [{}] ", if t[i] { "x" } else { " " }),
            None => format!("{pointer} "),
        };
        let indent = " ".repeat(prefix.chars().count());
        let tone = if current { Tone::Current } else { Tone::Plain };
        let label = wrap(&self.labels[i], width, &prefix, &indent);
        rows.extend(label.lines().map(|l| Row::new(l, tone)));
        if note && let Some(n) = self.notes.get(i).copied().flatten() {
            // Further in than the label, so that it reads as belonging to
            // it without colour too.
            let indent = format!("{indent}  ");
            let text = wrap(n, width, &indent, &indent);
            rows.extend(text.lines().map(|l| Row::new(l, Tone::Dim)));
        }
        rows
    }

    /// The list in at most `height` rows of at most `width` cells. Moves
    /// `scroll.top` as little as needed to keep the cursor in view.
    pub(crate) fn rows(
        &self,
        scroll: &mut Scroll,
        height: usize,
        width: usize,
        glyphs: Glyphs,
        words: Words,
    ) -> Vec<Row> {
        let n = self.len();
        if n == 0 || height == 0 {
            return Vec::new();
        }
        scroll.cursor = scroll.cursor.min(n - 1);
        // Everything, notes included, when it fits.
        let all = Scroll {
            cursor: scroll.cursor,
            top: 0,
        };
        let full: Vec<Row> = (0..n)
            .flat_map(|i| self.block(i, all, true, width, glyphs))
            .collect();
        if full.len() <= height {
            scroll.top = 0;
            return full;
        }
        // Otherwise the note of the highlighted option only, and scroll.
        let block = |i: usize, top: usize| {
            let s = Scroll {
                cursor: scroll.cursor,
                top,
            };
            self.block(i, s, i == scroll.cursor, width, glyphs)
        };
        let fits = |top: usize, end: usize| {
            let marks = usize::from(top > 0) + usize::from(end < n);
            let rows: usize = (top..end).map(|i| block(i, top).len()).sum();
            rows + marks <= height
        };
        let cursor = scroll.cursor;
        let mut top = scroll.top.min(cursor);
        while top < cursor && !fits(top, cursor + 1) {
            top += 1;
        }
        let mut end = cursor + 1;
        while end < n && fits(top, end + 1) {
            end += 1;
        }
        while top > 0 && fits(top - 1, end) {
            top -= 1;
        }
        scroll.top = top;
        let mut rows = Vec::new();
        if top > 0 {
            let text = words.more_above.replace("{n}", &top.to_string());
            rows.push(Row::new(format!("  {text}"), Tone::Dim));
        }
        for i in top..end {
            rows.extend(block(i, top));
        }
        // A single option taller than the screen: cut it.
        let room = height - usize::from(end < n);
        rows.truncate(room);
        if end < n {
            let text = words.more_below.replace("{n}", &(n - end).to_string());
            rows.push(Row::new(format!("  {text}"), Tone::Dim));
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLYPHS: Glyphs = Glyphs {
        pointer: ">",
        rule: "--",
    };
    const WORDS: Words = Words {
        more_above: "{n} above",
        more_below: "{n} below",
    };

    fn texts(rows: &[Row]) -> Vec<&str> {
        rows.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn each_option_once_with_its_note_when_it_fits() {
        let labels = vec!["Laag".to_owned(), "Hoog".to_owned()];
        let o = Options {
            labels: &labels,
            notes: vec![Some("weinig zorgen"), None],
            groups: vec![None, None],
            ticked: None,
        };
        let mut s = Scroll::default();
        let rows = o.rows(&mut s, 10, 40, GLYPHS, WORDS);
        assert_eq!(texts(&rows), ["> Laag", "    weinig zorgen", "  Hoog"]);
        assert_eq!(rows[0].tone, Tone::Current);
        assert_eq!(rows[1].tone, Tone::Dim);
    }

    #[test]
    fn a_long_list_scrolls_and_keeps_its_heading() {
        let labels: Vec<String> = (1..=20).map(|i| format!("Optie {i}")).collect();
        let groups = (1..=20)
            .map(|i| Some(if i <= 10 { "Eerste" } else { "Tweede" }))
            .collect();
        let ticked = vec![false; 20];
        let o = Options {
            labels: &labels,
            notes: vec![Some("uitleg"); 20],
            groups,
            ticked: Some(&ticked),
        };
        let mut s = Scroll::default();
        let rows = o.rows(&mut s, 8, 40, GLYPHS, WORDS);
        assert_eq!(rows.len(), 8);
        assert_eq!(
            texts(&rows),
            [
                "-- Eerste",
                "> [ ] Optie 1",
                "        uitleg",
                "  [ ] Optie 2",
                "  [ ] Optie 3",
                "  [ ] Optie 4",
                "  [ ] Optie 5",
                "  15 below"
            ]
        );
        s.cursor = 12;
        let rows = o.rows(&mut s, 8, 40, GLYPHS, WORDS);
        assert!(rows.len() <= 8, "{rows:?}");
        let shown = texts(&rows);
        assert!(shown.contains(&"> [ ] Optie 13"), "{shown:?}");
        assert!(shown[0].ends_with("above"), "{shown:?}");
        assert_eq!(shown[1], "-- Tweede", "the heading stays: {shown:?}");
        assert!(shown.last().unwrap().ends_with("below"), "{shown:?}");
        // Each option at most once.
        for i in 1..=20 {
            let label = format!("Optie {i}");
            assert!(shown.iter().filter(|r| r.ends_with(&label)).count() <= 1);
        }
        // Moving up a little does not jump the view.
        let top = s.top;
        s.cursor -= 1;
        o.rows(&mut s, 8, 40, GLYPHS, WORDS);
        assert_eq!(s.top, top);
    }
}
