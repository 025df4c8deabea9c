//! The guardian: the TUI runs as a child of a small parent process that
//! keeps the terminal's settings from before it started and puts them back
//! when the child ends without doing so itself — killed (SIGKILL, the OOM
//! killer), aborted (an allocation failure) or crashed — and says why. A
//! process cannot clean up after those; its parent can.
//!
//! The parent is the process the shell started, so its pid is the one a
//! user sends signals to: it passes the ending signals and SIGTSTP on to the
//! child, and exits with the child's status (128 plus the signal's number
//! when it was killed). The child suspends the whole job itself (see
//! `suspend` in the TUI), so the parent stops with it and the shell sees the
//! job stopped.
//!
//! `DATELINE_GUARDIAN=off` runs the TUI in one process, as before.

use std::process::Command;

/// The environment variable that marks the child (`child`) or turns the
/// guardian off (`off`).
const ENV: &str = "DATELINE_GUARDIAN";

/// What the TUI process should do.
pub enum Role {
    /// Run the TUI here: this is the guarded child, or there is no guardian.
    RunTui,
    /// The guardian ran the TUI in a child that has ended: exit with this.
    Exited(u8),
}

/// Starts the TUI as a guarded child of this process when there is a
/// terminal to guard, and waits for it; in the child (or without a
/// terminal, or when turned off), returns [`Role::RunTui`] at once.
pub fn guard() -> Role {
    if std::env::var_os(ENV).is_some() || !on_a_terminal() {
        return Role::RunTui;
    }
    let Some(saved) = Terminal::save() else {
        return Role::RunTui;
    };
    let Ok(exe) = std::env::current_exe() else {
        return Role::RunTui;
    };
    let mut child = match Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(ENV, "child")
        .spawn()
    {
        Ok(c) => c,
        // No child: the TUI runs here, unguarded, rather than not at all.
        Err(_) => return Role::RunTui,
    };
    let pid = child.id() as libc::pid_t;
    forward_signals(pid);
    // Restoring the terminal from a background process group (the shell
    // may have taken the terminal back) must not stop this process.
    // SAFETY: setting a signal's disposition to ignore.
    unsafe {
        libc::signal(libc::SIGTTOU, libc::SIG_IGN);
        libc::signal(libc::SIGTTIN, libc::SIG_IGN);
    }
    let status = loop {
        match child.wait() {
            Ok(s) => break s,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return Role::Exited(1),
        }
    };
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => Role::Exited(u8::try_from(code).unwrap_or(1)),
        (None, Some(sig)) => {
            saved.restore();
            eprintln!(
                "dateline: the TUI was ended by {}; terminal restored (your place is as last saved)",
                signal_name(sig)
            );
            Role::Exited(u8::try_from(128 + sig).unwrap_or(1))
        }
        (None, None) => Role::Exited(1),
    }
}

/// Whether standard input and output are both a terminal.
fn on_a_terminal() -> bool {
    // SAFETY: isatty only asks about a descriptor number.
    unsafe { libc::isatty(0) == 1 && libc::isatty(1) == 1 }
}

/// Passes the signals a user sends to the pid the shell shows on to the
/// child: the ones that end a session, and SIGTSTP (the child stops the
/// whole job, this process with it).
fn forward_signals(child: libc::pid_t) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let Ok(mut signals) =
        signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGTSTP])
    else {
        return;
    };
    std::thread::spawn(move || {
        for sig in signals.forever() {
            // SAFETY: kill sends a signal to our own child.
            unsafe { libc::kill(child, sig) };
        }
    });
}

/// The terminal as it was before the TUI started.
struct Terminal {
    fd: libc::c_int,
    termios: libc::termios,
}

impl Terminal {
    fn save() -> Option<Self> {
        // SAFETY: tcgetattr fills a termios for an open descriptor.
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        (unsafe { libc::tcgetattr(0, &mut termios) } == 0).then_some(Terminal { fd: 0, termios })
    }

    /// Mouse reporting off, the alternate screen left, the cursor shown,
    /// bracketed paste off, and the settings (cooked mode) put back.
    fn restore(&self) {
        const RESET: &[u8] = b"\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1015l\x1b[?1006l\
                               \x1b[?2004l\x1b[?1049l\x1b[?25h";
        // SAFETY: a write of a static buffer, and tcsetattr with the
        // settings tcgetattr gave for the same descriptor.
        unsafe {
            libc::write(1, RESET.as_ptr().cast(), RESET.len());
            libc::tcsetattr(self.fd, libc::TCSANOW, &self.termios);
        }
    }
}

/// `SIGKILL (signal 9)`, or just the number for one without a name here.
fn signal_name(sig: i32) -> String {
    let name = match sig {
        libc::SIGKILL => "SIGKILL",
        libc::SIGSEGV => "SIGSEGV",
        libc::SIGABRT => "SIGABRT",
        libc::SIGBUS => "SIGBUS",
        libc::SIGILL => "SIGILL",
        libc::SIGFPE => "SIGFPE",
        libc::SIGTERM => "SIGTERM",
        libc::SIGINT => "SIGINT",
        libc::SIGHUP => "SIGHUP",
        libc::SIGQUIT => "SIGQUIT",
        libc::SIGPIPE => "SIGPIPE",
        _ => return format!("signal {sig}"),
    };
    format!("{name} (signal {sig})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_are_named_with_their_number() {
        assert_eq!(signal_name(libc::SIGKILL), "SIGKILL (signal 9)");
        assert_eq!(signal_name(64), "signal 64");
    }
}
