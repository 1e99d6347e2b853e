//! Drafts: an unfinished session, saved after every answer.
//!
//! A professional who has answered fifteen questions and then closes the lid
//! must lose nothing. During `voorwie start` the session is written to a
//! draft in the user's data directory after every change, atomically and
//! owner-only; `voorwie start --hervat` lists the drafts and continues one at
//! its first unanswered question. A draft is removed once its session is
//! saved or explicitly discarded.
//!
//! The directory is `concepten/` in the data directory of `directories`
//! (on Linux `~/.local/share/voorwie/concepten`, on Windows
//! `%APPDATA%\voorwie\data\concepten`), or `$VOORWIE_DATA_DIR/concepten`
//! when that variable is set (tests use it).

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::base::error::{Error, Result};
use crate::base::output;
use crate::base::yaml;
use crate::session::Session;

/// How much of the instrument to ask: the interview asks it, the draft
/// keeps it so that a resumed session asks the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Depth {
    /// Step 1: the short screening (`--snel`).
    Quick,
    /// Step 1 and step 2: screening plus deepening.
    #[default]
    Full,
}

/// The environment variable that moves the data directory.
pub const DATA_DIR_VAR: &str = "VOORWIE_DATA_DIR";

/// The draft format version.
pub const DRAFT_VERSION: u32 = 1;

/// What a draft file holds: some bookkeeping and the session so far.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DraftFile {
    #[serde(rename = "concept")]
    pub meta: DraftMeta,
    #[serde(rename = "sessie")]
    pub session: Session,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct DraftMeta {
    #[serde(rename = "versie")]
    pub version: u32,
    /// `snel` or `volledig`.
    #[serde(rename = "diepte")]
    pub depth: String,
    /// When the session started and was last changed (local time, RFC 3339).
    #[serde(rename = "gestart")]
    pub started: String,
    #[serde(rename = "bijgewerkt")]
    pub updated: String,
}

impl DraftMeta {
    pub fn depth(&self) -> Depth {
        if self.depth == "snel" {
            Depth::Quick
        } else {
            Depth::Full
        }
    }
}

/// The directory that holds the drafts.
#[derive(Clone, Debug)]
pub struct Drafts {
    dir: PathBuf,
}

/// A draft on disk, as listed by [`Drafts::list`].
#[derive(Clone, Debug)]
pub struct Listed {
    pub path: PathBuf,
    /// The draft, or why it cannot be read.
    pub content: std::result::Result<DraftFile, String>,
}

/// A draft being written during a session.
#[derive(Debug)]
pub struct Draft {
    path: PathBuf,
    meta: DraftMeta,
}

fn now() -> String {
    crate::base::clock::now()
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

impl Drafts {
    /// The drafts directory of this user (created on first write).
    pub fn locate() -> Result<Drafts> {
        let base = match std::env::var_os(DATA_DIR_VAR) {
            Some(dir) if !dir.is_empty() => PathBuf::from(dir),
            _ => directories::ProjectDirs::from("nl", "", "voorwie")
                .map(|d| d.data_dir().to_path_buf())
                .ok_or_else(|| Error::Usage(crate::base::say::say!(
                    "kan geen map vinden om concepten te bewaren (geen thuismap?); zet {DATA_DIR_VAR}",
                    "cannot find a folder to keep drafts in (no home folder?); set {DATA_DIR_VAR}"
                )))?,
        };
        Ok(Drafts {
            dir: base.join("concepten"),
        })
    }

    /// Drafts in a given directory (for tests).
    pub fn at(dir: impl Into<PathBuf>) -> Drafts {
        Drafts { dir: dir.into() }
    }

    /// The directory (for tests).
    #[cfg(test)]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// All drafts, newest first. A draft that cannot be read is listed with
    /// the reason, so it can be discarded.
    pub fn list(&self) -> Result<Vec<Listed>> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(cause) => {
                return Err(Error::Read {
                    file: self.dir.display().to_string(),
                    cause,
                });
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|x| x == "yaml")
                    && p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("concept-"))
            })
            .collect();
        // Names start with a timestamp: newest first.
        paths.sort();
        paths.reverse();
        Ok(paths
            .into_iter()
            .map(|path| {
                let content = draft_file(&path).map_err(|e| e.to_string());
                Listed { path, content }
            })
            .collect())
    }

    /// Starts a new draft (nothing is written until the first save).
    pub fn create(&self, depth: Depth) -> Draft {
        let stamp = crate::base::clock::now()
            .strftime("%Y%m%d-%H%M%S")
            .to_string();
        let path = self
            .dir
            .join(format!("concept-{stamp}-{}.yaml", std::process::id()));
        let started = now();
        Draft {
            path,
            meta: DraftMeta {
                version: DRAFT_VERSION,
                depth: match depth {
                    Depth::Quick => "snel",
                    Depth::Full => "volledig",
                }
                .to_owned(),
                updated: started.clone(),
                started,
            },
        }
    }

    /// Continues writing to an existing draft.
    pub fn reopen(&self, listed: &Listed, file: &DraftFile) -> Draft {
        Draft {
            path: listed.path.clone(),
            meta: file.meta.clone(),
        }
    }

    fn ensure_dir(&self) -> Result<()> {
        let err = |cause| Error::Write {
            file: self.dir.display().to_string(),
            cause,
        };
        fs::create_dir_all(&self.dir).map_err(err)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&self.dir, fs::Permissions::from_mode(0o700)).map_err(err)?;
        }
        crate::base::platform::restrict_to_owner(&self.dir, true).map_err(err)?;
        Ok(())
    }
}

impl Draft {
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn depth(&self) -> Depth {
        self.meta.depth()
    }

    /// Writes the session as it is now, atomically and owner-only.
    pub fn save(&mut self, session: &Session) -> Result<()> {
        if let Some(dir) = self.path.parent() {
            Drafts::at(dir).ensure_dir()?;
        }
        self.meta.updated = now();
        let file = DraftFile {
            meta: self.meta.clone(),
            session: session.clone(),
        };
        let text = draft_to_yaml(&file);
        output::write_file(&self.path, text.as_bytes(), true)
    }

    /// Removes the draft (its session was saved or discarded).
    pub fn remove(&self) -> Result<()> {
        remove(&self.path)
    }
}

/// Reads and parses a draft of an unfinished session.
fn draft_file(path: &Path) -> Result<DraftFile> {
    let text = yaml::read_text(path)?;
    yaml::parse(&text, &path.display().to_string())
}

/// Serialises a draft, with a line that it holds case information.
fn draft_to_yaml(draft: &DraftFile) -> String {
    let body =
        serde_saphyr::to_string(draft).unwrap_or_else(|e| format!("# fout bij opslaan: {e}\n"));
    format!("# voorwie-concept van een onafgemaakte sessie. Let op: bevat casusinformatie.\n{body}")
}

/// Removes a draft file; one that is already gone is fine.
pub fn remove(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(cause) => Err(Error::Write {
            file: path.display().to_string(),
            cause,
        }),
    }
}

/// How many answers a session holds (case and all goals).
pub fn answer_count(session: &Session) -> usize {
    session.answers.len() + session.goals.iter().map(|g| g.answers.len()).sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::located::Located;
    use crate::session::Answer;

    #[test]
    fn a_saved_draft_lists_with_every_answer() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::at(dir.path().join("concepten"));
        let mut draft = drafts.create(Depth::Quick);
        let mut s = Session::new();
        s.answers.insert(
            Located::new("startvraag".into()),
            Located::new(Answer::One("ja".into())),
        );
        draft.save(&s).unwrap();
        let listed = drafts.list().unwrap();
        assert_eq!(listed.len(), 1);
        let file = listed[0].content.as_ref().unwrap();
        assert_eq!(file.meta.depth(), Depth::Quick);
        assert_eq!(answer_count(&file.session), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(draft.path()).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
            let dir_mode = fs::metadata(drafts.dir()).unwrap().permissions().mode() & 0o777;
            assert_eq!(dir_mode, 0o700);
        }
        draft.remove().unwrap();
        assert!(drafts.list().unwrap().is_empty());
    }
}
