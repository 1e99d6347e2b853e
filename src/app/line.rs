//! A prompter that reads whole lines: for terminals that cannot move the
//! cursor (`TERM=dumb`), for screen readers, and for tests.
//!
//! Choices are numbered; the user types a number (or several, for multiple
//! choice) and Enter. Each option is printed once, with what it means after
//! a dash. `?` shows more information and asks again, `<` goes back, `-`
//! skips (and says so). End of input stops the session, like Ctrl-C.

use std::io::{BufRead, Write};

use crate::base::error::{Error, Result};
use crate::base::ui::{NL, Ui};
use crate::interview::{Prompt, Prompter, Reply};

pub struct LinePrompter<R, W> {
    input: R,
    output: W,
    width: usize,
    ui: &'static Ui,
}

impl<R: BufRead, W: Write> LinePrompter<R, W> {
    pub fn new(input: R, output: W, width: usize) -> Self {
        LinePrompter {
            input,
            output,
            width: width.clamp(30, 100),
            ui: &NL,
        }
    }

    /// Speaks the language of `ui`.
    pub fn with_ui(mut self, ui: &'static crate::base::ui::Ui) -> Self {
        self.ui = ui;
        self
    }

    fn write(&mut self, text: &str) -> Result<()> {
        writeln!(self.output, "{text}").map_err(Error::Terminal)
    }

    fn wrapped(&self, text: &str, first: &str, rest: &str) -> String {
        crate::base::plain_text::wrap(text, self.width, first, rest)
    }

    fn read(&mut self) -> Result<String> {
        self.output.flush().map_err(Error::Terminal)?;
        let mut line = String::new();
        match self.input.read_line(&mut line) {
            Ok(0) => Err(Error::Interrupted),
            Ok(_) => Ok(line.trim().to_owned()),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Err(Error::Interrupted),
            Err(e) => Err(Error::Terminal(e)),
        }
    }

    fn block(&mut self, prompt: &Prompt) -> Result<()> {
        self.write("")?;
        if !prompt.header.is_empty() {
            let h = self.wrapped(&prompt.header, "", "");
            self.write(&h)?;
        }
        let t = self.wrapped(&prompt.title, "", "");
        self.write(&t)?;
        for d in &prompt.details {
            let d = self.wrapped(d, "  · ", "    ");
            self.write(&d)?;
        }
        Ok(())
    }

    fn list(&mut self, prompt: &Prompt) -> Result<()> {
        for (i, item) in prompt.items.iter().enumerate() {
            if let Some(heading) = prompt.group_at(i) {
                let h = self.wrapped(&format!("{heading}:"), "  ", "  ");
                self.write(&h)?;
            }
            let text = match prompt.note(i) {
                Some(note) => format!("{item} — {note}"),
                None => item.clone(),
            };
            let line = self.wrapped(&text, &format!("  {:>2}) ", i + 1), "      ");
            self.write(&line)?;
        }
        let mut actions = Vec::new();
        if prompt.has_help() {
            actions.push(format!("? = {}", self.ui.iv_more_info.to_lowercase()));
        }
        if prompt.can_back {
            actions.push(format!("< = {}", self.ui.iv_back.to_lowercase()));
        }
        if prompt.can_skip {
            actions.push(format!("- = {}", self.ui.iv_skip.to_lowercase()));
        }
        if !actions.is_empty() {
            let a = self.wrapped(&actions.join(", "), "  ", "  ");
            self.write(&a)?;
        }
        Ok(())
    }

    /// The action for `<` or `-`, when allowed here. A skip is said on
    /// screen, so that it leaves a trace.
    fn action<T>(&mut self, prompt: &Prompt, input: &str) -> Result<Option<Reply<T>>> {
        Ok(match input {
            "<" if prompt.can_back => Some(Reply::Back),
            "-" if prompt.can_skip => {
                self.skipped()?;
                Some(Reply::Skip)
            }
            _ => None,
        })
    }

    fn skipped(&mut self) -> Result<()> {
        let line = format!("  – {}", self.ui.iv_skipped);
        self.write(&line)
    }

    /// `?`: the information, then the question's prompt again; nothing
    /// typed before is lost, because nothing was taken yet.
    fn info(&mut self, prompt: &Prompt) -> Result<()> {
        let text = prompt.info.as_deref().unwrap_or(self.ui.iv_no_help);
        self.write("")?;
        for (i, para) in text.split('\n').enumerate() {
            let first = if i == 0 {
                format!("{}: ", self.ui.iv_help_title)
            } else {
                String::new()
            };
            let line = self.wrapped(&format!("{first}{para}"), "  ", "  ");
            self.write(&line)?;
        }
        Ok(())
    }
}

impl<R: BufRead, W: Write> Prompter for LinePrompter<R, W> {
    fn show(&mut self, text: &str) -> Result<()> {
        self.write("")?;
        for para in text.split('\n') {
            let line = match para.strip_prefix("- ") {
                Some(rest) => self.wrapped(rest, "- ", "  "),
                None => self.wrapped(para, "", ""),
            };
            self.write(&line)?;
        }
        Ok(())
    }

    fn choose(&mut self, prompt: &Prompt) -> Result<Reply<usize>> {
        self.block(prompt)?;
        self.list(prompt)?;
        loop {
            write!(self.output, "{}: ", self.ui.iv_answer).map_err(Error::Terminal)?;
            let input = self.read()?;
            if input == "?" {
                self.info(prompt)?;
                continue;
            }
            if let Some(a) = self.action(prompt, &input)? {
                return Ok(a);
            }
            if input.is_empty()
                && let Some(d) = prompt.default
            {
                return Ok(Reply::Answer(d));
            }
            match input.parse::<usize>() {
                Ok(n) if (1..=prompt.items.len()).contains(&n) => return Ok(Reply::Answer(n - 1)),
                _ => self.write(self.ui.iv_invalid)?,
            }
        }
    }

    fn choose_many(&mut self, prompt: &Prompt) -> Result<Reply<Vec<usize>>> {
        self.block(prompt)?;
        self.write(self.ui.iv_multi_hint_lines)?;
        self.list(prompt)?;
        loop {
            write!(self.output, "{}: ", self.ui.iv_answer).map_err(Error::Terminal)?;
            let input = self.read()?;
            if input == "?" {
                self.info(prompt)?;
                continue;
            }
            if let Some(a) = self.action(prompt, &input)? {
                return Ok(a);
            }
            let parsed: std::result::Result<Vec<usize>, _> = input
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|s| !s.is_empty())
                .map(str::parse::<usize>)
                .collect();
            match parsed {
                Ok(list) if list.iter().all(|n| (1..=prompt.items.len()).contains(n)) => {
                    return Ok(Reply::Answer(list.into_iter().map(|n| n - 1).collect()));
                }
                _ => self.write(self.ui.iv_invalid)?,
            }
        }
    }

    fn text(&mut self, prompt: &Prompt) -> Result<Reply<String>> {
        self.block(prompt)?;
        let mut hints = Vec::new();
        if prompt.has_help() {
            hints.push(format!("? = {}", self.ui.iv_more_info.to_lowercase()));
        }
        if prompt.can_back {
            hints.push(format!("< = {}", self.ui.iv_back.to_lowercase()));
        }
        if prompt.can_skip {
            hints.push(self.ui.iv_empty_skips.to_owned());
        }
        if !prompt.initial_text.is_empty() {
            hints.push(format!("{}: {}", self.ui.iv_now, prompt.initial_text));
        }
        if !prompt.default_text.is_empty() {
            hints.push(format!("Enter = {}", prompt.default_text));
        }
        if !hints.is_empty() {
            let h = self.wrapped(&hints.join(", "), "  ", "  ");
            self.write(&h)?;
        }
        loop {
            write!(self.output, "{}: ", self.ui.iv_answer).map_err(Error::Terminal)?;
            let input = self.read()?;
            return Ok(match input.as_str() {
                "?" => {
                    self.info(prompt)?;
                    continue;
                }
                "<" if prompt.can_back => Reply::Back,
                "" if !prompt.initial_text.is_empty() => Reply::Answer(prompt.initial_text.clone()),
                "" if !prompt.default_text.is_empty() => Reply::Answer(prompt.default_text.clone()),
                "" if prompt.can_skip => {
                    self.skipped()?;
                    Reply::Skip
                }
                t => Reply::Answer(t.to_owned()),
            });
        }
    }

    fn width(&self) -> usize {
        self.width
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prompt() -> Prompt {
        Prompt {
            title: "Vraag?".into(),
            items: vec!["Ja".into(), "Nee".into()],
            can_back: true,
            can_skip: true,
            info: Some("Uitleg bij de vraag.".into()),
            notes: vec!["Het is zo".into()],
            ..Prompt::default()
        }
    }

    #[test]
    fn reads_numbers_actions_and_rejects_the_rest() {
        let mut out = Vec::new();
        let mut p = LinePrompter::new(&b"7\n2\n?\n<\n-\n"[..], &mut out, 80);
        assert_eq!(p.choose(&prompt()).unwrap(), Reply::Answer(1));
        // `?` shows the information and asks again.
        assert_eq!(p.choose(&prompt()).unwrap(), Reply::Back);
        assert_eq!(p.choose(&prompt()).unwrap(), Reply::Skip);
        assert!(matches!(p.choose(&prompt()), Err(Error::Interrupted)));
        let shown = String::from_utf8(out).unwrap();
        assert!(shown.contains("Dat antwoord ken ik niet"), "{shown}");
        assert!(
            shown.contains("Meer informatie: Uitleg bij de vraag."),
            "{shown}"
        );
        assert!(
            shown.contains("– overgeslagen"),
            "a skip leaves a trace: {shown}"
        );
        // Each option once in every question shown, with its note.
        let blocks: Vec<&str> = shown.split("Vraag?").skip(1).collect();
        assert_eq!(blocks.len(), 4, "{shown}");
        for b in blocks {
            assert_eq!(b.matches("Ja").count(), 1, "{b}");
        }
        assert!(shown.contains("1) Ja — Het is zo"), "{shown}");
    }

    #[test]
    fn multiple_choice_takes_several_numbers() {
        let mut out = Vec::new();
        let mut p = LinePrompter::new(&b"1, 2\n\n"[..], &mut out, 80);
        assert_eq!(p.choose_many(&prompt()).unwrap(), Reply::Answer(vec![0, 1]));
        assert_eq!(p.choose_many(&prompt()).unwrap(), Reply::Answer(vec![]));
    }
}
