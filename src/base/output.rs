//! Writing results: to stdout, or atomically to an owner-only file.
//!
//! Exports hold case information, so files are created with mode 0600 (via
//! `tempfile`; on Windows with an owner-only access list, see
//! [`crate::base::platform::restrict_to_owner`]) and only appear under their name once complete (write to a
//! temporary file in the same directory, then rename). An existing file is
//! never replaced unless the user said `--force`. A closed pipe on stdout
//! (`voorwie kaart | head`) is not an error.
//!
//! Not everything `-o` names is a file to replace (see [`target`]): a
//! symbolic link is followed and its target written (the link stays); a
//! FIFO or a character device (`/dev/null`, `/dev/stdout`, a terminal) is
//! written through, as a shell redirection would; a block device, a socket
//! or a link to nothing is refused. A special file is never replaced by a
//! regular one, `--force` or not.

use std::io::{self, Write};
use std::path::Path;

use crate::base::error::{Error, Result};

/// Where `-o` output goes.
#[derive(Debug)]
pub(crate) enum Target {
    /// A regular file (new, or existing and `--force` given), written
    /// atomically: for a symbolic link, the file it points to.
    File(std::path::PathBuf),
    /// A FIFO or character device, opened and written through.
    Through(std::path::PathBuf),
}

/// What writing to `path` means; see the module documentation.
pub(crate) fn target(path: &Path, force: bool) -> Result<Target> {
    let name = path.display().to_string();
    let err = |cause| Error::Write {
        file: name.clone(),
        cause,
    };
    let refuse = |why: String| Error::NotAFile {
        file: name.clone(),
        why,
    };
    let link = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(Target::File(path.to_path_buf()));
        }
        Err(e) => return Err(err(e)),
        Ok(meta) => meta.file_type().is_symlink(),
    };
    // Follow a link to what it names.
    let (real, meta) = if link {
        let real = match std::fs::canonicalize(path) {
            Ok(real) => real,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let to = std::fs::read_link(path)
                    .map(|t| t.display().to_string())
                    .unwrap_or_default();
                return Err(refuse(crate::base::say::say!(
                    "het is een symbolische koppeling naar '{to}', en dat bestaat niet",
                    "it is a symbolic link to '{to}', which does not exist"
                )));
            }
            Err(e) => return Err(err(e)),
        };
        let meta = std::fs::metadata(&real).map_err(err)?;
        (real, meta)
    } else {
        (path.to_path_buf(), std::fs::metadata(path).map_err(err)?)
    };
    if meta.is_dir() {
        return Err(err(io::Error::from(io::ErrorKind::IsADirectory)));
    }
    if meta.is_file() {
        return if force {
            Ok(Target::File(real))
        } else {
            Err(Error::Exists(name))
        };
    }
    special(real, &meta).map_err(refuse)
}

/// A file that is neither regular nor a folder.
#[cfg(unix)]
fn special(path: std::path::PathBuf, meta: &std::fs::Metadata) -> Result<Target, String> {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_fifo() || kind.is_char_device() {
        Ok(Target::Through(path))
    } else if kind.is_block_device() {
        Err(crate::base::say::pick(
            "het is een schijf (een blokapparaat)",
            "it is a disk (a block device)",
        )
        .to_owned())
    } else if kind.is_socket() {
        Err(crate::base::say::pick("het is een socket", "it is a socket").to_owned())
    } else {
        Err(
            crate::base::say::pick("het is geen gewoon bestand", "it is not an ordinary file")
                .to_owned(),
        )
    }
}

/// A file that is neither regular nor a folder: on Windows a device such
/// as `NUL` or `CON`, written through.
#[cfg(not(unix))]
fn special(path: std::path::PathBuf, _meta: &std::fs::Metadata) -> Result<Target, String> {
    Ok(Target::Through(path))
}

/// Opens a special file to write through it (no create, no truncate).
fn open_through(path: &Path, name: &str) -> Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|cause| Error::Write {
            file: name.to_owned(),
            cause,
        })
}

/// Writes `text` to `path`, or to stdout when there is none.
pub(crate) fn emit(text: &str, path: Option<&Path>, force: bool) -> Result<()> {
    match path {
        Some(p) => write_file(p, text.as_bytes(), force),
        None => to_stdout(text),
    }
}

/// Writes bytes (an `.xlsx`) to `path`, or to stdout when there is none.
pub(crate) fn emit_bytes(bytes: &[u8], path: Option<&Path>, force: bool) -> Result<()> {
    match path {
        Some(p) => write_file(p, bytes, force),
        None => {
            let mut out = io::stdout().lock();
            match out.write_all(bytes).and_then(|()| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::Write {
                    file: "stdout".to_owned(),
                    cause: e,
                }),
                _ => Ok(()),
            }
        }
    }
}

/// Writes to stdout; a closed pipe ends the output quietly.
pub fn to_stdout(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Write {
            file: "stdout".to_owned(),
            cause: e,
        }),
    }
}

/// Where streamed output goes: stdout, or a file that appears under its
/// name (owner-only) only when [`Sink::finish`] is called.
pub(crate) enum Sink {
    Stdout(io::BufWriter<io::StdoutLock<'static>>),
    /// A FIFO or device named with `-o`.
    Through(io::BufWriter<std::fs::File>, String),
    File {
        path: std::path::PathBuf,
        tmp: io::BufWriter<tempfile::NamedTempFile>,
        force: bool,
    },
}

impl Sink {
    pub(crate) fn open(path: Option<&Path>, force: bool) -> Result<Sink> {
        let Some(path) = path else {
            return Ok(Sink::Stdout(io::BufWriter::new(io::stdout().lock())));
        };
        let name = path.display().to_string();
        let path = match target(path, force)? {
            Target::File(real) => real,
            Target::Through(special) => {
                let file = open_through(&special, &name)?;
                return Ok(Sink::Through(io::BufWriter::new(file), name));
            }
        };
        let path = path.as_path();
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let tmp = tempfile::Builder::new()
            .prefix(".voorwie-")
            .tempfile_in(dir)
            .map_err(|cause| Error::Write {
                file: name.clone(),
                cause,
            })?;
        crate::base::platform::restrict_to_owner(tmp.path(), false)
            .map_err(|cause| Error::Write { file: name, cause })?;
        Ok(Sink::File {
            path: path.to_path_buf(),
            tmp: io::BufWriter::new(tmp),
            force,
        })
    }

    /// Flushes, and for a file: syncs and moves it into place.
    pub(crate) fn finish(self) -> Result<()> {
        match self {
            Sink::Stdout(mut w) => match w.flush() {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::Write {
                    file: "stdout".to_owned(),
                    cause: e,
                }),
                _ => Ok(()),
            },
            Sink::Through(mut w, name) => w
                .flush()
                .map_err(|cause| Error::Write { file: name, cause }),
            Sink::File { path, tmp, force } => {
                let name = path.display().to_string();
                let err = |cause| Error::Write {
                    file: name.clone(),
                    cause,
                };
                let tmp = tmp.into_inner().map_err(|e| err(e.into_error()))?;
                tmp.as_file().sync_all().map_err(err)?;
                let persisted = if force {
                    tmp.persist(&path).map(|_| ())
                } else {
                    tmp.persist_noclobber(&path).map(|_| ())
                };
                persisted.map_err(|e| err(e.error))
            }
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::Through(w, _) => w.write(buf),
            Sink::File { tmp, .. } => tmp.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::Through(w, _) => w.flush(),
            Sink::File { tmp, .. } => tmp.flush(),
        }
    }
}

/// Writes a file atomically with owner-only permissions.
pub(crate) fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    let name = path.display().to_string();
    let err = |source| Error::Write {
        file: name.clone(),
        cause: source,
    };
    let path = match target(path, force)? {
        Target::File(real) => real,
        Target::Through(special) => {
            let mut file = open_through(&special, &name)?;
            return file
                .write_all(bytes)
                .and_then(|()| file.flush())
                .map_err(err);
        }
    };
    let path = path.as_path();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".voorwie-")
        .tempfile_in(dir)
        .map_err(err)?;
    crate::base::platform::restrict_to_owner(tmp.path(), false).map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    let persisted = if force {
        tmp.persist(path).map(|_| ())
    } else {
        tmp.persist_noclobber(path).map(|_| ())
    };
    persisted.map_err(|e| {
        if e.error.kind() == io::ErrorKind::AlreadyExists {
            Error::Exists(name.clone())
        } else {
            err(e.error)
        }
    })
}

/// `eprintln!` that does not panic: when stderr is a terminal that went
/// away (a closed window, SIGHUP) or a closed pipe, the message is dropped.
/// `eprintln!` panics then, and a panic in the signal handler's thread
/// would leave the process running without a terminal.
#[macro_export]
macro_rules! tell {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// `eprint!` that does not panic (see [`tell!`]).
#[macro_export]
macro_rules! tell_part {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let mut err = std::io::stderr();
        let _ = write!(err, $($arg)*);
        let _ = err.flush();
    }};
}
