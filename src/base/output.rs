//! Writing results: to stdout, or atomically to an owner-only file.
//!
//! Exports hold case information, so files are created with mode 0600 (via
//! `tempfile`; on Windows with an owner-only access list, see
//! [`crate::base::platform::restrict_to_owner`]) and only appear under their name once complete (write to a
//! temporary file in the same directory, then rename). An existing file is
//! never replaced unless the user said `--force`. A closed pipe on stdout
//! (`voorwie kaart | head`) is not an error.

use std::io::{self, Write};
use std::path::Path;

use crate::base::error::{Error, Result};

/// Writes `text` to `path`, or to stdout when there is none.
pub(crate) fn emit(text: &str, path: Option<&Path>, force: bool) -> Result<()> {
    match path {
        Some(p) => write_file(p, text.as_bytes(), force),
        None => to_stdout(text),
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
        if !force && path.exists() {
            return Err(Error::Exists(name));
        }
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
            Sink::File { tmp, .. } => tmp.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
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
    if !force && path.exists() {
        return Err(Error::Exists(name));
    }
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
