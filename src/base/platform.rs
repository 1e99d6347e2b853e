//! What differs between Windows and the Unix-likes, in one place.
//!
//! The rest of voorwie is the same everywhere. Only these things are not:
//!
//! - **The console.** On Windows [`prepare_console`] switches the console to
//!   UTF-8 (code page 65001) and turns on escape sequences (for colour and
//!   the moving cursor of the prompts); [`restore_console`] puts the code
//!   pages back when voorwie ends. [`can_draw`] says whether boxes and
//!   symbols can be shown, or plain ASCII is safer. On Unix all three leave
//!   the terminal alone.
//! - **The double-clicked window.** A program started from Explorer gets a
//!   console window of its own, which closes the moment the program ends:
//!   the summary would vanish. [`pause_if_own_console`] waits for Enter then
//!   (and says so), but not in a terminal that was there before voorwie.
//! - **The terminal mode** that the interrupt handler puts back after Ctrl-C
//!   ([`save_terminal_mode`], [`restore_terminal_mode`]): termios on Unix,
//!   the console input mode on Windows.
//! - **Owner-only files.** On Unix the files voorwie writes are created with
//!   mode 0600 (by `tempfile`) and the drafts directory gets 0700. Windows
//!   has no modes; [`restrict_to_owner`] gives the file or directory an
//!   access-control list with one entry, full access for the current user,
//!   that inherits nothing from the folder around it.

use std::path::Path;

use crate::base::text::Lang;

/// Whether a console program should wait for Enter before it ends.
///
/// `processes` is the number of processes attached to the console (what
/// `GetConsoleProcessList` counts): 1 means voorwie is alone in a window
/// that Windows made for it (a double-click in Explorer, a shortcut), and
/// that window closes as soon as voorwie ends. In a terminal the shell is
/// attached too, so the count is at least 2. 0 means there is no console at
/// all. Only a console voorwie can read Enter from is worth waiting on.
pub(crate) fn should_pause(processes: u32, stdin_is_console: bool) -> bool {
    processes == 1 && stdin_is_console
}

/// The line that asks for Enter before a double-clicked window closes.
pub(crate) fn pause_message(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Druk op Enter om dit venster te sluiten.",
        Lang::En => "Press Enter to close this window.",
    }
}

/// When voorwie has a console window to itself (started by a double-click),
/// says so and waits for Enter, so that the result stays readable. Does
/// nothing in a terminal, with redirected input, and on Unix.
pub fn pause_if_own_console(lang: Lang) {
    // Once: the Ctrl-C handler and the end of `main` may both get here.
    static PAUSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if PAUSED.swap(true, std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    if should_pause(imp::console_process_count(), imp::stdin_is_console()) {
        crate::tell_part!("\n{} ", pause_message(lang));
        let mut line = String::new();
        let _ = std::io::stdin().read_line(&mut line);
    }
}

/// Prepares the console for voorwie: on Windows UTF-8 in and out, and
/// escape sequences on. Call once, early; see [`restore_console`].
pub fn prepare_console() {
    imp::prepare_console();
}

/// Puts back what [`prepare_console`] changed (the code pages of the
/// console, which the shell shares). Safe to call more than once.
pub fn restore_console() {
    imp::restore_console();
}

/// Whether box-drawing characters, blocks and symbols show on this
/// terminal. False on Windows where the console is not UTF-8 or uses a
/// raster font; voorwie then draws with plain ASCII.
pub fn can_draw() -> bool {
    imp::can_draw()
}

/// The mark in front of a chosen answer: `✔`, or `√` in the classic
/// Windows console, whose fonts (Consolas, Lucida Console, the raster
/// fonts) have no `✔` but all have `√`.
pub fn check_mark() -> &'static str {
    if imp::classic_console() { "√" } else { "✔" }
}

/// Whether the terminal cannot move the cursor, so prompts are asked line
/// by line. On Unix: `TERM` unset, empty or `dumb`. On Windows, where
/// `TERM` is normally unset: `TERM=dumb`, or a console that does not take
/// escape sequences (before Windows 10).
pub fn terminal_is_dumb() -> bool {
    let term = std::env::var("TERM").unwrap_or_default();
    if cfg!(windows) {
        term == "dumb" || !imp::escapes_enabled()
    } else {
        term.is_empty() || term == "dumb"
    }
}

/// Remembers the terminal mode from before the first prompt, for
/// [`restore_terminal_mode`]. Only the first call counts.
pub fn save_terminal_mode() {
    imp::save_terminal_mode();
}

/// Puts the terminal mode back as [`save_terminal_mode`] found it (cooked
/// mode, echo on), for when a prompt is cut off by Ctrl-C.
pub fn restore_terminal_mode() {
    imp::restore_terminal_mode();
}

/// Whether the terminal on stdin has gone away (its window closed, the
/// SSH connection dropped). crossterm then reads nothing forever and never
/// says so, so the key loop asks this between polls. On Windows a closed
/// console ends the process; there it is always false.
pub fn terminal_hung_up() -> bool {
    imp::terminal_hung_up()
}

/// Gives `path` (a file, or with `dir` a directory whose new files inherit
/// it) access for the current user only. On Unix this does nothing: files
/// are created 0600 and the drafts directory is set to 0700 where they are
/// made.
pub fn restrict_to_owner(path: &Path, dir: bool) -> std::io::Result<()> {
    imp::restrict_to_owner(path, dir)
}

#[cfg(not(windows))]
mod imp {
    use std::io::IsTerminal;
    use std::path::Path;
    #[cfg(unix)]
    use std::sync::OnceLock;

    // The browser edition (wasm32) has no terminal to put back.
    #[cfg(unix)]
    static SAVED_MODE: OnceLock<rustix::termios::Termios> = OnceLock::new();

    pub(super) fn console_process_count() -> u32 {
        0
    }

    pub(super) fn stdin_is_console() -> bool {
        std::io::stdin().is_terminal()
    }

    pub(super) fn prepare_console() {}

    pub(super) fn restore_console() {}

    pub(super) fn can_draw() -> bool {
        true
    }

    pub(super) fn classic_console() -> bool {
        false
    }

    pub(super) fn escapes_enabled() -> bool {
        true
    }

    pub(super) fn save_terminal_mode() {
        #[cfg(unix)]
        if let Ok(mode) = rustix::termios::tcgetattr(std::io::stdin()) {
            let _ = SAVED_MODE.set(mode);
        }
    }

    pub(super) fn restore_terminal_mode() {
        #[cfg(unix)]
        if let Some(mode) = SAVED_MODE.get() {
            let _ = rustix::termios::tcsetattr(
                std::io::stdin(),
                rustix::termios::OptionalActions::Now,
                mode,
            );
        }
    }

    pub(super) fn restrict_to_owner(_path: &Path, _dir: bool) -> std::io::Result<()> {
        Ok(())
    }

    pub(super) fn terminal_hung_up() -> bool {
        // The browser edition (wasm32) has no terminal.
        #[cfg(unix)]
        return hung_up(&std::io::stdin());
        #[cfg(not(unix))]
        false
    }

    /// Whether `fd` (a terminal) reports a hang-up or an error.
    #[cfg(unix)]
    pub(super) fn hung_up(fd: &impl std::os::fd::AsFd) -> bool {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let mut fds = [PollFd::new(fd, PollFlags::IN)];
        let now = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        match poll(&mut fds, Some(&now)) {
            Ok(n) if n > 0 => fds[0]
                .revents()
                .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
            _ => false,
        }
    }
}

#[cfg(windows)]
mod imp {
    use std::io;
    use std::os::windows::ffi::OsStrExt;
    use std::path::Path;
    use std::ptr::{null, null_mut};
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

    use windows_sys::Win32::Foundation::{
        CloseHandle, ERROR_INVALID_FUNCTION, ERROR_NOT_SUPPORTED, ERROR_SUCCESS, HANDLE,
    };
    use windows_sys::Win32::Security::Authorization::{SE_FILE_OBJECT, SetNamedSecurityInfoW};
    use windows_sys::Win32::Security::{
        ACCESS_ALLOWED_ACE, ACL, ACL_REVISION, AddAccessAllowedAceEx, CONTAINER_INHERIT_ACE,
        DACL_SECURITY_INFORMATION, GetLengthSid, GetTokenInformation, InitializeAcl,
        OBJECT_INHERIT_ACE, PROTECTED_DACL_SECURITY_INFORMATION, TOKEN_QUERY, TOKEN_USER,
        TokenUser,
    };
    use windows_sys::Win32::Storage::FileSystem::FILE_ALL_ACCESS;
    use windows_sys::Win32::System::Console::{
        CONSOLE_FONT_INFOEX, CONSOLE_MODE, ENABLE_VIRTUAL_TERMINAL_PROCESSING, GetConsoleCP,
        GetConsoleMode, GetConsoleOutputCP, GetConsoleProcessList, GetCurrentConsoleFontEx,
        GetStdHandle, STD_ERROR_HANDLE, STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, SetConsoleCP,
        SetConsoleMode, SetConsoleOutputCP,
    };
    use windows_sys::Win32::System::Threading::{GetCurrentProcess, OpenProcessToken};

    const UTF8: u32 = 65001;
    /// `TMPF_TRUETYPE` in `CONSOLE_FONT_INFOEX::FontFamily`: not a raster font.
    const TRUETYPE: u32 = 4;

    /// The code pages found at the start (0: not changed).
    static OLD_INPUT_CP: AtomicU32 = AtomicU32::new(0);
    static OLD_OUTPUT_CP: AtomicU32 = AtomicU32::new(0);
    static ESCAPES: AtomicBool = AtomicBool::new(false);
    static SAVED_MODE: OnceLock<CONSOLE_MODE> = OnceLock::new();

    fn handle(which: u32) -> HANDLE {
        // SAFETY: GetStdHandle has no preconditions.
        unsafe { GetStdHandle(which) }
    }

    fn console_mode(h: HANDLE) -> Option<CONSOLE_MODE> {
        let mut mode = 0;
        // SAFETY: `mode` is a valid out pointer; a handle that is not a
        // console makes the call fail, nothing else.
        (unsafe { GetConsoleMode(h, &mut mode) } != 0).then_some(mode)
    }

    pub(super) fn console_process_count() -> u32 {
        let mut ids = [0u32; 4];
        // SAFETY: the buffer holds `ids.len()` entries; with more processes
        // the call returns the count and fills nothing.
        unsafe { GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) }
    }

    pub(super) fn stdin_is_console() -> bool {
        console_mode(handle(STD_INPUT_HANDLE)).is_some()
    }

    pub(super) fn prepare_console() {
        // SAFETY: plain calls on the process's console; they fail harmlessly
        // without one.
        unsafe {
            let (input, output) = (GetConsoleCP(), GetConsoleOutputCP());
            if output != 0 && output != UTF8 && SetConsoleOutputCP(UTF8) != 0 {
                OLD_OUTPUT_CP.store(output, Ordering::SeqCst);
            }
            if input != 0 && input != UTF8 && SetConsoleCP(UTF8) != 0 {
                OLD_INPUT_CP.store(input, Ordering::SeqCst);
            }
        }
        let mut escapes = false;
        for which in [STD_OUTPUT_HANDLE, STD_ERROR_HANDLE] {
            let h = handle(which);
            if let Some(mode) = console_mode(h) {
                // SAFETY: `h` is a console handle (GetConsoleMode worked).
                let on = mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0
                    || unsafe { SetConsoleMode(h, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) } != 0;
                escapes |= on;
            }
        }
        ESCAPES.store(escapes, Ordering::SeqCst);
    }

    pub(super) fn restore_console() {
        // SAFETY: as in prepare_console.
        unsafe {
            let output = OLD_OUTPUT_CP.swap(0, Ordering::SeqCst);
            if output != 0 {
                SetConsoleOutputCP(output);
            }
            let input = OLD_INPUT_CP.swap(0, Ordering::SeqCst);
            if input != 0 {
                SetConsoleCP(input);
            }
        }
    }

    pub(super) fn escapes_enabled() -> bool {
        ESCAPES.load(Ordering::SeqCst)
    }

    /// Windows Terminal (and terminals that say so) draw every symbol with
    /// font fallback; the classic console shows what its one font has.
    fn modern_terminal() -> bool {
        std::env::var_os("WT_SESSION").is_some_and(|v| !v.is_empty())
            || std::env::var("TERM_PROGRAM").is_ok_and(|v| !v.is_empty())
    }

    pub(super) fn classic_console() -> bool {
        !modern_terminal() && console_mode(handle(STD_ERROR_HANDLE)).is_some()
    }

    pub(super) fn can_draw() -> bool {
        // SAFETY: no preconditions.
        if unsafe { GetConsoleOutputCP() } != UTF8 {
            return false;
        }
        if modern_terminal() {
            return true;
        }
        let mut font = CONSOLE_FONT_INFOEX {
            cbSize: size_of::<CONSOLE_FONT_INFOEX>() as u32,
            ..CONSOLE_FONT_INFOEX::default()
        };
        // SAFETY: `font` is a valid out pointer with cbSize set.
        let known = unsafe { GetCurrentConsoleFontEx(handle(STD_OUTPUT_HANDLE), 0, &mut font) };
        // A raster font cannot show UTF-8 box characters; when the font is
        // unknown, trust the code page.
        known == 0 || font.FontFamily & TRUETYPE != 0
    }

    pub(super) fn save_terminal_mode() {
        if let Some(mode) = console_mode(handle(STD_INPUT_HANDLE)) {
            let _ = SAVED_MODE.set(mode);
        }
    }

    pub(super) fn restore_terminal_mode() {
        if let Some(mode) = SAVED_MODE.get() {
            // SAFETY: the handle was a console when the mode was saved; if it
            // is not now, the call fails harmlessly.
            unsafe { SetConsoleMode(handle(STD_INPUT_HANDLE), *mode) };
        }
    }

    /// The security identifier of the user running voorwie, as bytes.
    fn current_user_sid() -> io::Result<Vec<u64>> {
        let mut token: HANDLE = null_mut();
        // SAFETY: a valid out pointer; the token is closed below.
        if unsafe { OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &mut token) } == 0 {
            return Err(io::Error::last_os_error());
        }
        let mut len = 0u32;
        // SAFETY: asking for the size only (null buffer, length 0).
        unsafe { GetTokenInformation(token, TokenUser, null_mut(), 0, &mut len) };
        // u64s: TOKEN_USER holds a pointer and must be aligned for it.
        let mut buf = vec![0u64; (len as usize).div_ceil(8).max(1)];
        // SAFETY: `buf` has at least `len` bytes.
        let ok = unsafe {
            GetTokenInformation(token, TokenUser, buf.as_mut_ptr().cast(), len, &mut len)
        };
        let err = io::Error::last_os_error();
        // SAFETY: `token` came from OpenProcessToken.
        unsafe { CloseHandle(token) };
        if ok == 0 {
            return Err(err);
        }
        Ok(buf)
    }

    pub(super) fn terminal_hung_up() -> bool {
        false
    }

    pub(super) fn restrict_to_owner(path: &Path, dir: bool) -> io::Result<()> {
        let user = current_user_sid()?;
        // SAFETY: GetTokenInformation filled `user` with a TOKEN_USER whose
        // SID points into the same buffer, which lives until the end.
        let sid = unsafe { (*user.as_ptr().cast::<TOKEN_USER>()).User.Sid };
        // SAFETY: `sid` is a valid SID.
        let sid_len = unsafe { GetLengthSid(sid) } as usize;
        // One ACE: its header and mask, then the SID in place of SidStart.
        let acl_len =
            size_of::<ACL>() + size_of::<ACCESS_ALLOWED_ACE>() - size_of::<u32>() + sid_len;
        let mut acl_buf = vec![0u32; acl_len.div_ceil(4)];
        let acl = acl_buf.as_mut_ptr().cast::<ACL>();
        let inherit = if dir {
            OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE
        } else {
            0
        };
        // SAFETY: `acl` points to `acl_buf`, large enough for the header
        // and one ACE with this SID.
        unsafe {
            if InitializeAcl(acl, (acl_buf.len() * 4) as u32, ACL_REVISION) == 0
                || AddAccessAllowedAceEx(acl, ACL_REVISION, inherit, FILE_ALL_ACCESS, sid) == 0
            {
                return Err(io::Error::last_os_error());
            }
        }
        let wide: Vec<u16> = path
            .as_os_str()
            .encode_wide()
            .chain(std::iter::once(0))
            .collect();
        // SAFETY: `wide` is NUL-terminated; `acl` is a valid ACL; owner,
        // group and SACL are left as they are (null).
        let rc = unsafe {
            SetNamedSecurityInfoW(
                wide.as_ptr(),
                SE_FILE_OBJECT,
                DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                null_mut(),
                null_mut(),
                acl,
                null(),
            )
        };
        // A file system without access lists (FAT on a USB stick) cannot
        // restrict anything; the file is written as on any such stick.
        if rc == ERROR_SUCCESS || rc == ERROR_NOT_SUPPORTED || rc == ERROR_INVALID_FUNCTION {
            Ok(())
        } else {
            Err(io::Error::from_raw_os_error(rc as i32))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_window_of_its_own_waits() {
        // Double-clicked: voorwie is the only process on its console.
        assert!(should_pause(1, true));
        // In cmd, PowerShell or Windows Terminal the shell shares it.
        assert!(!should_pause(2, true));
        assert!(!should_pause(3, true));
        // No console (Unix, a service, output to a pipe from a GUI).
        assert!(!should_pause(0, true));
        // Input redirected: there is no Enter to wait for.
        assert!(!should_pause(1, false));
    }

    #[test]
    fn the_pause_says_what_to_do_in_the_language_of_the_session() {
        assert!(pause_message(Lang::Nl).contains("Enter"));
        assert!(pause_message(Lang::Nl).contains("venster"));
        assert!(pause_message(Lang::En).contains("window"));
    }

    #[test]
    fn unix_never_pauses_and_always_draws() {
        if cfg!(not(windows)) {
            assert_eq!(imp::console_process_count(), 0);
            assert!(can_draw());
            assert_eq!(check_mark(), "✔");
        }
    }

    #[cfg(windows)]
    #[test]
    fn an_owner_only_file_has_a_protected_one_entry_acl() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("geheim.txt");
        std::fs::write(&file, "x").unwrap();
        restrict_to_owner(&file, false).unwrap();
        restrict_to_owner(dir.path(), true).unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    }
}

#[cfg(all(test, unix))]
mod hang_up_tests {
    use rustix::fs::{Mode, OFlags};
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};

    #[test]
    fn a_terminal_whose_window_closed_is_seen_as_hung_up() {
        let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).unwrap();
        grantpt(&master).unwrap();
        unlockpt(&master).unwrap();
        let name = ptsname(&master, Vec::new()).unwrap();
        let slave = rustix::fs::open(
            name.as_c_str(),
            OFlags::RDWR | OFlags::NOCTTY,
            Mode::empty(),
        )
        .unwrap();
        assert!(
            !super::imp::hung_up(&slave),
            "an open terminal is not hung up"
        );
        drop(master);
        assert!(super::imp::hung_up(&slave), "the other end closed");
    }
}
