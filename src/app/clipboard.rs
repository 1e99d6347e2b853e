//! `--klembord`: the paste-ready summary on the clipboard, for the case file.
//!
//! On Linux (X11 and XWayland) the clipboard is not a store: the program
//! that copied must stay to hand the text to whoever pastes. A command-line
//! tool exits at once, so voorwie starts a copy of itself in the background
//! ([`HELPER_ARG`]) that holds the text until something else is copied, as
//! arboard documents. On macOS and Windows the system keeps the text.
//!
//! Without a display (an SSH session, a console, CI) there is no clipboard;
//! `copy` then says so, and the caller keeps the summary on stdout or in
//! the file the user chose.

use crate::base::say::say;
use std::io::{Read, Write};

/// The hidden first argument of the background helper.
pub const HELPER_ARG: &str = "__voorwie-klembord";

/// Copies `text` to the clipboard, or explains why it cannot (in the
/// language of messages, never the clipboard library's English).
pub(crate) fn copy(text: &str) -> Result<(), String> {
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty())
        && std::env::var_os("WAYLAND_DISPLAY").is_none_or(|d| d.is_empty())
    {
        return Err(say!(
            "er is geen grafische sessie (DISPLAY en WAYLAND_DISPLAY zijn leeg), dus geen klembord",
            "there is no graphical session (DISPLAY and WAYLAND_DISPLAY are empty), so no clipboard"
        ));
    }
    // Check that a clipboard answers before promising anything.
    let mut clipboard = arboard::Clipboard::new().map_err(reason)?;
    if cfg!(target_os = "linux") {
        drop(clipboard);
        hand_to_helper(text)
    } else {
        clipboard.set_text(text.to_owned()).map_err(reason)
    }
}

/// Starts the background helper and gives it the text on its stdin.
fn hand_to_helper(text: &str) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut child = std::process::Command::new(exe)
        .arg(HELPER_ARG)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .current_dir("/")
        .spawn()
        .map_err(|e| {
            say!(
                "de hulp voor het klembord start niet: {}",
                "the clipboard helper does not start: {}",
                crate::base::error::io_reason(&e)
            )
        })?;
    let mut stdin = child.stdin.take().ok_or_else(|| {
        say!(
            "geen verbinding met de hulp voor het klembord",
            "no connection with the clipboard helper"
        )
    })?;
    stdin.write_all(text.as_bytes()).map_err(|e| {
        say!(
            "de tekst kwam niet aan bij de hulp: {}",
            "the text did not reach the helper: {}",
            crate::base::error::io_reason(&e)
        )
    })?;
    Ok(())
}

/// The background helper: reads the text from stdin and holds it on the
/// clipboard until something else is copied.
pub fn serve_from_stdin() -> Result<(), String> {
    let mut text = String::new();
    std::io::stdin()
        .take(crate::base::yaml::MAX_FILE_BYTES)
        .read_to_string(&mut text)
        .map_err(|e| e.to_string())?;
    let mut clipboard = arboard::Clipboard::new().map_err(reason)?;
    #[cfg(target_os = "linux")]
    {
        use arboard::SetExtLinux;
        clipboard.set().wait().text(text).map_err(reason)
    }
    #[cfg(not(target_os = "linux"))]
    {
        clipboard.set_text(text).map_err(reason)
    }
}

/// Why the clipboard failed, in words; arboard's own (English, about X11
/// or Wayland) text is left out.
fn reason(e: arboard::Error) -> String {
    match e {
        arboard::Error::ClipboardNotSupported => say!(
            "dit systeem of deze sessie heeft geen klembord dat voorwie kan gebruiken",
            "this system or session has no clipboard voorwie can use"
        ),
        arboard::Error::ClipboardOccupied => say!(
            "het klembord is bezet; probeer het opnieuw",
            "the clipboard is busy; try again"
        ),
        _ => say!(
            "het klembord werkt niet in deze sessie",
            "the clipboard does not work in this session"
        ),
    }
}
