//! Keeping the answers of an interactive session: its draft, what of it is
//! on disk, and what happens when saving fails.
//!
//! The [`Keeper`] saves the session to its draft after every change and
//! remembers how many answers the draft on disk holds. When a save fails
//! (a full disk, a data folder that is not writable), the interview calls
//! [`Keeper::failed`] before the next question: it says what is and is not
//! kept, and offers to keep the draft in another folder, to show the
//! answers so the user can keep them, or to go on. Whatever stops the
//! session then ([`Keeper::paused`], or the interrupt handler, whose
//! farewell the keeper keeps up to date) says exactly what was kept, and
//! prints what was not as an answers file: nothing typed is lost.

use std::path::PathBuf;

use crate::app::terminal;
use crate::base::error::{Error, Kept, Result};
use crate::base::text::Lang;
use crate::base::ui::{self, Ui};
use crate::interview::{Prompt, Prompter, Reply};
use crate::session::Session;
use crate::session::draft::{Draft, Drafts};
use crate::session::load::session_to_yaml;

/// The draft of a running session and what of it is on disk.
pub(crate) struct Keeper {
    /// `None` when there is no place for drafts at all.
    draft: Option<Draft>,
    /// Answers in the draft on disk, after the last save that worked.
    saved: Option<usize>,
    /// Why the last save failed; `None` when it worked.
    error: Option<String>,
    lang: Lang,
    depth: crate::interview::Depth,
    /// The session as last handed to [`Keeper::save`]: what the user has
    /// answered so far.
    last: Session,
    /// The folder the user chose for the draft after saving failed.
    moved: Option<PathBuf>,
}

/// What the user has given: answers, goals and the moment, each counted
/// as one answer.
fn answer_count(session: &Session) -> usize {
    crate::session::draft::answer_count(session)
        + session.goals.len()
        + usize::from(session.moment.is_some())
}

impl Keeper {
    /// A keeper for `draft`; `on_disk` when the draft (resumed) is on disk
    /// already.
    pub(crate) fn new(
        draft: Option<Draft>,
        on_disk: Option<&Session>,
        depth: crate::interview::Depth,
        lang: Lang,
    ) -> Keeper {
        let saved = on_disk.map(answer_count);
        let last = on_disk.cloned().unwrap_or_default();
        if saved.is_some() {
            terminal::mark_kept();
        }
        Keeper {
            draft,
            saved,
            error: None,
            lang,
            depth,
            last,
            moved: None,
        }
    }

    fn ui(&self) -> &'static Ui {
        ui::ui(self.lang)
    }

    /// Adds text that was typed but not confirmed (the session stopped in
    /// the middle of an answer) to the session's notes, with its question,
    /// and saves the draft.
    pub(crate) fn keep_unfinished(&mut self, question: &str, text: &str) {
        let mut session = self.last.clone();
        let line = ui::fill(
            self.ui().unfinished_note,
            &[("question", question), ("text", text)],
        );
        session.notes = Some(match session.notes.take() {
            Some(n) if !n.trim().is_empty() => format!("{}\n{line}", n.trim_end()),
            _ => line,
        });
        let _ = self.save(&session);
    }

    /// The draft, if there is one.
    pub(crate) fn draft(&self) -> Option<&Draft> {
        self.draft.as_ref()
    }

    /// Saves the session to the draft (the interview's autosave).
    pub(crate) fn save(&mut self, session: &Session) -> Result<()> {
        self.last = session.clone();
        let Some(draft) = self.draft.as_mut() else {
            // No place for drafts: said once at the start.
            return Ok(());
        };
        match draft.save(session) {
            Ok(()) => {
                self.saved = Some(answer_count(session));
                self.error = None;
                terminal::mark_kept();
                terminal::set_farewell(self.farewell());
                Ok(())
            }
            Err(e) => {
                self.error = Some(e.to_string());
                terminal::set_farewell(self.farewell());
                Err(e)
            }
        }
    }

    /// Whether everything answered is in the draft on disk.
    pub(crate) fn all_kept(&self, session: &Session) -> bool {
        self.draft.is_some() && self.error.is_none() && self.saved == Some(answer_count(session))
    }

    /// What became of the answers if the session stopped now.
    fn kept(&self, session: &Session) -> Kept {
        let total = answer_count(session);
        match (&self.draft, self.saved, &self.error) {
            (Some(_), Some(_), None) => Kept::Draft,
            (Some(d), Some(saved), Some(error)) => Kept::Partly {
                file: d.path().display().to_string(),
                saved,
                total,
                error: error.clone(),
            },
            _ if total == 0 => Kept::Nothing,
            _ => Kept::Failed,
        }
    }

    /// The error that ends a session stopped now, after printing (to
    /// stderr) what could not be kept.
    pub(crate) fn paused(&self) -> Error {
        let kept = self.kept(&self.last);
        if matches!(kept, Kept::Failed | Kept::Partly { .. }) {
            crate::tell!("\n{}", self.dump(&self.last));
        } else if let (Some(note), Kept::Draft) = (self.moved_note(), &kept) {
            crate::tell!("\n{note}");
        }
        Error::Paused {
            kept,
            lang: self.lang,
        }
    }

    /// What the interrupt handler says when it ends the process now, when
    /// that is more than its usual farewell: what could not be kept, or
    /// where the draft went.
    fn farewell(&self) -> Option<String> {
        let kept = self.kept(&self.last);
        let before = match &kept {
            Kept::Failed | Kept::Partly { .. } => self.dump(&self.last),
            Kept::Draft => self.moved_note()?,
            Kept::Nothing => return None,
        };
        let paused = Error::Paused {
            kept,
            lang: self.lang,
        };
        Some(format!("{before}\n\nvoorwie: {paused}"))
    }

    /// Where the draft is and how to resume it, after it was moved.
    fn moved_note(&self) -> Option<String> {
        let (dir, draft) = (self.moved.as_ref()?, self.draft.as_ref()?);
        Some(ui::fill(
            self.ui().autosave_moved,
            &[
                ("file", &draft.path().display().to_string()),
                ("dir", &dir.display().to_string()),
            ],
        ))
    }

    /// The answers that are not (all) in a draft, to show: the session
    /// as an answers file under a line that says what it is.
    pub(crate) fn unkept(&self) -> String {
        self.dump(&self.last)
    }

    /// The session as an answers file, under a line that says what it is.
    fn dump(&self, session: &Session) -> String {
        format!(
            "{}\n\n{}\n{}",
            self.ui().paused_dump,
            self.ui().session_header,
            session_to_yaml(session)
        )
    }

    /// Before the next question, after a save failed: says what is and is
    /// not kept and offers another folder, the answers to keep by hand, or
    /// going on.
    pub(crate) fn failed(
        &mut self,
        p: &mut dyn Prompter,
        session: &Session,
        error: &Error,
    ) -> Result<()> {
        let ui = self.ui();
        loop {
            let mut text = ui::fill(ui.autosave_lost, &[("error", &error.to_string())]);
            text.push('\n');
            match (&self.draft, self.saved) {
                (Some(d), Some(saved)) => text.push_str(&ui::fill(
                    ui.autosave_kept_part,
                    &[
                        ("file", &d.path().display().to_string()),
                        ("saved", &saved.to_string()),
                        ("total", &answer_count(session).to_string()),
                    ],
                )),
                _ => text.push_str(ui.autosave_kept_none),
            }
            p.show(&text)?;
            let prompt = Prompt {
                title: ui.autosave_what_now.to_owned(),
                items: vec![
                    ui.autosave_other_folder.to_owned(),
                    ui.autosave_show.to_owned(),
                    ui.autosave_go_on.to_owned(),
                ],
                default: Some(0),
                ..Prompt::default()
            };
            match p.choose(&prompt)? {
                Reply::Answer(0) => {
                    if self.move_to_folder(p, session)? {
                        return Ok(());
                    }
                }
                Reply::Answer(1) => {
                    p.show(&format!(
                        "{}\n\n{}\n{}",
                        ui.autosave_shown,
                        ui.session_header,
                        session_to_yaml(session)
                    ))?;
                    return Ok(());
                }
                _ => return Ok(()),
            }
        }
    }

    /// Asks for a folder and keeps the draft there from now on. Returns
    /// whether that worked.
    fn move_to_folder(&mut self, p: &mut dyn Prompter, session: &Session) -> Result<bool> {
        let ui = self.ui();
        let prompt = Prompt {
            title: ui.autosave_folder.to_owned(),
            can_back: true,
            ..Prompt::default()
        };
        let folder = match p.text(&prompt)? {
            Reply::Answer(t) if !t.trim().is_empty() => PathBuf::from(t.trim()),
            _ => return Ok(false),
        };
        let drafts = Drafts::at(folder.join("concepten"));
        let moved = match &self.draft {
            Some(d) => d.moved_to(&drafts),
            None => drafts.create(self.depth),
        };
        let before = self.draft.replace(moved);
        let moved_before = self.moved.replace(folder.clone());
        match self.save(session) {
            Ok(()) => {
                let file = self.draft.as_ref().map(|d| d.path().display().to_string());
                p.show(&ui::fill(
                    ui.autosave_moved,
                    &[
                        ("file", &file.unwrap_or_default()),
                        ("dir", &folder.display().to_string()),
                    ],
                ))?;
                Ok(true)
            }
            Err(e) => {
                self.draft = before;
                self.moved = moved_before;
                p.show(&ui::fill(ui.autosave_lost, &[("error", &e.to_string())]))?;
                Ok(false)
            }
        }
    }

    /// Removes the draft (the session was saved or thrown away).
    pub(crate) fn remove(&mut self) -> Result<()> {
        match self.draft.as_mut() {
            Some(d) => d.remove(),
            None => Ok(()),
        }
    }
}
