//! Drafts: an unfinished session, saved after every answer.
//!
//! A professional who has answered fifteen questions and then closes the lid
//! must lose nothing. During `voorwie start` the session is written to a
//! draft in the user's data directory after every change, atomically and
//! owner-only; `voorwie start --hervat` lists the drafts and continues one at
//! its first unanswered question. A draft is removed once its session is
//! saved or explicitly discarded.
//!
//! A draft in use is locked: for `concept-….yaml` there is a `concept-….lock`,
//! which the session that writes the draft holds with an advisory lock of
//! the operating system (`File::try_lock`: `flock` on Unix, `LockFileEx` on
//! Windows) for as long as it runs. A second session that wants to resume
//! or discard the same draft finds it locked and is told so. The system
//! lets go of the lock when the process ends in any way (Ctrl-C, a closed
//! window, a crash, `kill -9`), so a lock is never stale: a draft whose
//! session is gone can be taken over at once. The lock file holds the
//! process id, for the message. Lock files live in `sloten/` beside
//! `concepten/`.
//!
//! The directory is `concepten/` in the data directory of `directories`
//! (on Linux `~/.local/share/voorwie/concepten`, on Windows
//! `%APPDATA%\voorwie\data\concepten`), or `$VOORWIE_DATA_DIR/concepten`
//! when that variable is set (tests use it).

use std::fs;
use std::io::Write;
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
    /// Another session has it open now (see [`InUse`]).
    pub in_use: Option<InUse>,
}

/// A draft that another running session holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InUse {
    /// The process id of that session, when it could be read.
    pub pid: Option<u32>,
}

/// A draft being written during a session. It holds the draft's lock from
/// its first save (a new draft) or from [`Drafts::reopen`] until it is
/// dropped.
#[derive(Debug)]
pub struct Draft {
    path: PathBuf,
    meta: DraftMeta,
    lock: Option<fs::File>,
}

/// The lock file of a draft: `sloten/concept-….lock` beside the drafts
/// directory (not in it, so that the drafts directory holds drafts only).
fn lock_path(draft: &Path) -> PathBuf {
    let drafts = draft.parent().unwrap_or(Path::new(""));
    let base = drafts.parent().unwrap_or(Path::new(""));
    let name = draft.with_extension("lock");
    base.join("sloten")
        .join(name.file_name().unwrap_or_default())
}

/// Takes the lock of a draft, or says who holds it.
fn take_lock(draft: &Path) -> std::result::Result<fs::File, Taken> {
    let path = lock_path(draft);
    if let Some(dir) = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && !d.exists())
    {
        Drafts::at(dir).ensure_dir().map_err(Taken::Failed)?;
    }
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(&path).map_err(|cause| {
        Taken::Failed(Error::Write {
            file: path.display().to_string(),
            cause,
        })
    })?;
    match file.try_lock() {
        Ok(()) => {
            // Ours now: say who holds it (best effort; on Windows a locked
            // file cannot be read by others, so the id is then unknown).
            let _ = file.set_len(0);
            let _ = (&file).write_all(std::process::id().to_string().as_bytes());
            Ok(file)
        }
        Err(fs::TryLockError::WouldBlock) => Err(Taken::InUse(InUse {
            pid: fs::read_to_string(&path)
                .ok()
                .and_then(|t| t.trim().parse().ok()),
        })),
        Err(fs::TryLockError::Error(cause)) => Err(Taken::Failed(Error::Write {
            file: path.display().to_string(),
            cause,
        })),
    }
}

/// Why a draft's lock could not be taken.
#[derive(Debug)]
pub enum Taken {
    /// Another session holds it.
    InUse(InUse),
    /// The lock file could not be made or locked.
    Failed(Error),
}

/// Whether another session holds the draft at `path` (the lock is taken
/// and let go at once).
fn held_elsewhere(path: &Path) -> Option<InUse> {
    if !lock_path(path).exists() {
        return None;
    }
    match take_lock(path) {
        Err(Taken::InUse(who)) => Some(who),
        _ => None,
    }
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
                let in_use = held_elsewhere(&path);
                Listed {
                    path,
                    content,
                    in_use,
                }
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
            lock: None,
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

    /// Continues writing to an existing draft, if no other session has it
    /// open: takes its lock.
    pub fn reopen(&self, listed: &Listed, file: &DraftFile) -> std::result::Result<Draft, Taken> {
        let lock = take_lock(&listed.path)?;
        Ok(Draft {
            path: listed.path.clone(),
            meta: file.meta.clone(),
            lock: Some(lock),
        })
    }

    /// A new draft (locked) with the answers of one that another session
    /// has open: the way to go on without waiting for it. Nothing is
    /// written until the first save.
    pub fn copy_of(&self, file: &DraftFile) -> Draft {
        let mut copy = self.create(file.meta.depth());
        copy.meta.started = file.meta.started.clone();
        copy
    }

    /// Removes a listed draft, unless another session has it open.
    pub fn discard(&self, listed: &Listed) -> std::result::Result<(), Taken> {
        let lock = take_lock(&listed.path)?;
        remove(&listed.path).map_err(Taken::Failed)?;
        drop(lock);
        let _ = fs::remove_file(lock_path(&listed.path));
        Ok(())
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
        if self.lock.is_none() {
            // A new draft: nobody else knows its name, so this cannot be
            // taken; only a disk that refuses the file can fail.
            self.lock = Some(take_lock(&self.path).map_err(|t| match t {
                Taken::Failed(e) => e,
                Taken::InUse(_) => Error::Write {
                    file: self.path.display().to_string(),
                    cause: std::io::Error::from(std::io::ErrorKind::ResourceBusy),
                },
            })?);
        }
        self.meta.updated = now();
        let file = DraftFile {
            meta: self.meta.clone(),
            session: session.clone(),
        };
        let text = draft_to_yaml(&file);
        output::write_file(&self.path, text.as_bytes(), true)
    }

    /// The same draft in another drafts directory (the user chose another
    /// folder after saving failed); it keeps its name and bookkeeping.
    pub fn moved_to(&self, drafts: &Drafts) -> Draft {
        let name = self.path.file_name().map(PathBuf::from).unwrap_or_default();
        Draft {
            path: drafts.dir.join(name),
            meta: self.meta.clone(),
            lock: None,
        }
    }

    /// Removes the draft (its session was saved or discarded) and its lock.
    pub fn remove(&mut self) -> Result<()> {
        remove(&self.path)?;
        self.lock = None;
        let _ = fs::remove_file(lock_path(&self.path));
        Ok(())
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
