//! Owning the terminal: entering raw mode and the alternate screen, and
//! leaving them on every way out — normal quit, error, panic, SIGTERM,
//! SIGHUP — plus Ctrl-Z suspend and resume.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use std::io::{Stdout, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// True while the terminal is in the reader's modes, so restoring twice
/// (panic hook, then the guard's drop) writes nothing the second time.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal into the reader's modes.
pub fn enter() -> std::io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )
}

/// Gives the terminal back as it was. Safe to call any number of times.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        // Each step is attempted even if an earlier one failed: a half
        // restored terminal is worse than a warning nobody sees.
        let _ = execute!(
            stdout(),
            DisableMouseCapture,
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = disable_raw_mode();
    }
}

/// Restores the terminal before the default panic message is printed, so the
/// message is readable and the shell usable.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Restores the terminal when dropped, whichever way `run` returns.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Signals the event loop acts on between frames.
pub struct Signals {
    /// The number of the terminating signal received (0: none).
    terminate: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    resumed: Arc<AtomicBool>,
}

impl Signals {
    pub fn register() -> std::io::Result<Signals> {
        let signals = Signals {
            terminate: Arc::new(AtomicUsize::new(0)),
            stop: Arc::new(AtomicBool::new(false)),
            resumed: Arc::new(AtomicBool::new(false)),
        };
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            let value = usize::try_from(signal).unwrap_or(usize::MAX);
            signal_hook::flag::register_usize(signal, Arc::clone(&signals.terminate), value)?;
        }
        signal_hook::flag::register(SIGTSTP, Arc::clone(&signals.stop))?;
        signal_hook::flag::register(SIGCONT, Arc::clone(&signals.resumed))?;
        spawn_watchdog(Arc::clone(&signals.terminate))?;
        Ok(signals)
    }

    /// The terminating signal received, if any.
    pub fn terminated(&self) -> Option<i32> {
        match self.terminate.load(Ordering::SeqCst) {
            0 => None,
            signal => i32::try_from(signal).ok(),
        }
    }

    /// A stop was requested from outside (`kill -TSTP`).
    pub fn take_stop(&self) -> bool {
        self.stop.swap(false, Ordering::SeqCst)
    }

    /// The process was continued after a stop it did not arrange itself.
    pub fn take_resumed(&self) -> bool {
        self.resumed.swap(false, Ordering::SeqCst)
    }
}

/// How long the event loop gets to leave on its own after a terminating
/// signal before the watchdog ends the process.
const GRACE: std::time::Duration = std::time::Duration::from_secs(1);

/// Ends the process when the event loop cannot: when the terminal is gone
/// (its window closed), crossterm's input poll can spin on end-of-file and
/// never return to the loop that checks the signal flags, which left
/// orphaned readers burning a core. The watchdog also notices a terminal
/// that vanished without a SIGHUP reaching us.
fn spawn_watchdog(terminate: Arc<AtomicUsize>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("crossread-watchdog".to_string())
        .spawn(move || {
            loop {
                std::thread::sleep(std::time::Duration::from_millis(250));
                let terminal_gone = std::fs::File::open("/dev/tty").is_err();
                if terminal_gone {
                    let hangup = usize::try_from(SIGHUP).unwrap_or(usize::MAX);
                    let _ =
                        terminate.compare_exchange(0, hangup, Ordering::SeqCst, Ordering::SeqCst);
                }
                let signal = terminate.load(Ordering::SeqCst);
                if signal != 0 {
                    std::thread::sleep(GRACE);
                    die_of(i32::try_from(signal).unwrap_or(SIGTERM));
                }
            }
        })
        .map(|_| ())
}

/// Gives the terminal back, stops the process like Ctrl-Z in a shell would,
/// and takes the terminal again once `fg` continues it; the caller repaints.
pub fn suspend(terminal: &mut Term, signals: &Signals) -> std::io::Result<()> {
    restore();
    // SIGSTOP cannot be caught, so the process really stops here; the
    // registered SIGTSTP flag would otherwise swallow a re-raised SIGTSTP.
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    signals.take_resumed();
    enter()?;
    terminal.clear()
}

/// After a SIGCONT we did not arrange (e.g. `kill -STOP` then `kill -CONT`),
/// the shell may have reset the terminal: take it again and repaint.
pub fn reclaim(terminal: &mut Term) -> std::io::Result<()> {
    restore();
    enter()?;
    terminal.clear()
}

/// Ends the process the way the signal would have, now that the terminal
/// is restored, so the parent sees the real cause (status 128 + n).
pub fn die_of(signal: i32) -> ! {
    restore();
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal);
}
