//! The line being typed in an open question, by grapheme cluster.
//!
//! A user-perceived character can be several code points (an emoji with a
//! skin tone, an `ö` typed as `o` plus a combining diaeresis) and take two
//! columns on screen (most emoji, CJK). Editing and drawing both go by
//! grapheme cluster and display width, so that Backspace takes away what the
//! user sees as one character and the screen always shows what will be
//! saved.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The text of an open answer and the place of the cursor in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Editor {
    text: String,
    /// A byte offset in `text`, always on a grapheme boundary.
    cursor: usize,
}

/// The typed text laid out on the screen: rows of at most the given width,
/// and where the cursor stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Layout {
    pub rows: Vec<String>,
    /// Row and column (in display cells) of the cursor.
    pub cursor: (usize, usize),
}

impl Editor {
    /// An editor holding `text`, the cursor at its end.
    pub(crate) fn new(text: &str) -> Self {
        let text = clean(text);
        Editor {
            cursor: text.len(),
            text,
        }
    }

    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Inserts typed or pasted text at the cursor. Line breaks and tabs
    /// become spaces (an answer is one line); other control characters are
    /// dropped, so nothing typed can move the cursor of the terminal.
    pub(crate) fn insert(&mut self, typed: &str) {
        let typed = clean(typed);
        self.text.insert_str(self.cursor, &typed);
        self.cursor += typed.len();
        // A combining mark typed after a letter joins it: keep the cursor
        // on a boundary.
        self.cursor = self.boundary_at_or_after(self.cursor);
    }

    /// Removes the grapheme cluster before the cursor (Backspace).
    pub(crate) fn backspace(&mut self) {
        if let Some(start) = self.previous() {
            self.text.replace_range(start..self.cursor, "");
            self.cursor = start;
        }
    }

    /// Removes the grapheme cluster after the cursor (Delete).
    pub(crate) fn delete(&mut self) {
        if let Some(end) = self.next() {
            self.text.replace_range(self.cursor..end, "");
        }
    }

    pub(crate) fn left(&mut self) {
        if let Some(p) = self.previous() {
            self.cursor = p;
        }
    }

    pub(crate) fn right(&mut self) {
        if let Some(n) = self.next() {
            self.cursor = n;
        }
    }

    pub(crate) fn home(&mut self) {
        self.cursor = 0;
    }

    pub(crate) fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Removes everything before the cursor (Ctrl-U).
    pub(crate) fn clear_before(&mut self) {
        self.text.replace_range(..self.cursor, "");
        self.cursor = 0;
    }

    /// Removes the word before the cursor (Ctrl-W).
    pub(crate) fn delete_word(&mut self) {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        let start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Lays `prefix` and the text out in rows of at most `width` display
    /// cells, breaking after a space where there is one (else between
    /// grapheme clusters), and finds the cursor.
    pub(crate) fn layout(&self, prefix: &str, width: usize) -> Layout {
        let width = width.max(4);
        // Every cluster: its byte offset in the text (none for the
        // prefix), the cluster, its cells.
        let items: Vec<(Option<usize>, &str, usize)> = prefix
            .graphemes(true)
            .map(|g| (None, g, cells(g)))
            .chain(
                self.text
                    .grapheme_indices(true)
                    .map(|(i, g)| (Some(i), g, cells(g))),
            )
            .collect();
        let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
        let mut used = 0;
        for (i, (_, _, w)) in items.iter().enumerate() {
            if used + w > width && used > 0 {
                let row = rows.last_mut().expect("a row");
                // The word in progress moves down whole, when the row has a
                // space in the text to break after.
                let space = row
                    .iter()
                    .rposition(|&j| items[j].0.is_some() && items[j].1 == " ");
                let moved = match space {
                    Some(k) if k + 1 < row.len() => row.split_off(k + 1),
                    _ => Vec::new(),
                };
                used = moved.iter().map(|&j| items[j].2).sum();
                rows.push(moved);
            }
            rows.last_mut().expect("a row").push(i);
            used += w;
        }
        let place = |r: usize, upto: usize| -> usize {
            rows[r]
                .iter()
                .take_while(|&&j| j < upto)
                .map(|&j| items[j].2)
                .sum()
        };
        let at = items
            .iter()
            .position(|(off, _, _)| *off == Some(self.cursor));
        let mut cursor = match at {
            Some(j) => {
                let r = rows.iter().position(|row| row.contains(&j)).unwrap_or(0);
                (r, place(r, j))
            }
            None => {
                let r = rows.len() - 1;
                (r, place(r, items.len()))
            }
        };
        if cursor.1 >= width {
            cursor = (cursor.0 + 1, 0);
        }
        let mut rows: Vec<String> = rows
            .iter()
            .map(|row| row.iter().map(|&j| items[j].1).collect())
            .collect();
        if cursor.0 == rows.len() {
            rows.push(String::new());
        }
        Layout { rows, cursor }
    }

    fn previous(&self) -> Option<usize> {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
    }

    fn next(&self) -> Option<usize> {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map(|g| self.cursor + g.len())
    }

    fn boundary_at_or_after(&self, at: usize) -> usize {
        self.text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .chain([self.text.len()])
            .find(|i| *i >= at)
            .unwrap_or(self.text.len())
    }
}

/// The cells a grapheme cluster may take. Terminals differ on emoji
/// sequences (a thumb with a skin tone is two cells in one terminal, four in
/// another): count the widest, so that a row never wraps by surprise and
/// the block is always redrawn in place. At worst the cursor stands a cell
/// or two to the right after such an emoji.
pub(crate) fn cells(g: &str) -> usize {
    let parts: usize = g.chars().map(|c| c.width().unwrap_or(0)).sum();
    parts.max(g.width())
}

/// Line breaks and tabs as spaces, without other control characters.
fn clean(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backspace_takes_one_user_perceived_character() {
        let mut e = Editor::new("");
        e.insert("Rust 👍🏽");
        e.backspace();
        assert_eq!(e.text(), "Rust ");
        e.insert("zo\u{308}");
        assert_eq!(e.text(), "Rust zo\u{308}");
        e.backspace();
        assert_eq!(e.text(), "Rust z", "the decomposed ö goes as a whole");
        e.insert("👨‍👩‍👧x");
        e.left();
        e.left();
        e.delete();
        assert_eq!(e.text(), "Rust zx", "the family emoji is one character");
    }

    #[test]
    fn the_layout_counts_display_cells() {
        let mut e = Editor::new("ab😀cd");
        // "> " + a b 😀(2) = 6 cells; width 6 puts c on the next row.
        let l = e.layout("> ", 6);
        assert_eq!(l.rows, vec!["> ab😀".to_owned(), "cd".to_owned()]);
        assert_eq!(l.cursor, (1, 2));
        e.home();
        assert_eq!(e.layout("> ", 6).cursor, (0, 2));
        // An emoji sequence counts as wide as its widest rendering.
        let l = Editor::new("👍🏽x").layout("", 10);
        assert_eq!(l.cursor, (0, 5));
        assert_eq!(cells("o\u{308}"), 1);
        assert_eq!(cells("❤\u{fe0f}"), 2);
        // A wide character never straddles the edge.
        let l = Editor::new("abc😀").layout("", 4);
        assert_eq!(l.rows, vec!["abc".to_owned(), "😀".to_owned()]);
        // Words move down whole.
        let l = Editor::new("een twee drie").layout("> ", 10);
        assert_eq!(l.rows, vec!["> een ".to_owned(), "twee drie".to_owned()]);
        assert_eq!(l.cursor, (1, 9));
        // The cursor after a full row stands at the start of the next.
        let l = Editor::new("abcd").layout("", 4);
        assert_eq!(l.rows, vec!["abcd".to_owned(), String::new()]);
        assert_eq!(l.cursor, (1, 0));
    }

    #[test]
    fn pasted_lines_become_one_line_without_control_characters() {
        let mut e = Editor::new("");
        e.insert("eerste regel\r\ntweede\tregel\x1b[31m\n");
        assert_eq!(e.text(), "eerste regel tweede regel[31m ");
        e.delete_word();
        assert_eq!(e.text(), "eerste regel tweede ");
        e.clear_before();
        assert!(e.is_empty());
    }
}
