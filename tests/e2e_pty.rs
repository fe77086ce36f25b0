//! The reader on a real pseudo-terminal, read back through a terminal
//! emulator (vt100): what the screen shows and the raw bytes written,
//! including the sequences that give the terminal back (leave the
//! alternate screen, show the cursor, stop mouse reports, leave raw mode)
//! after quit, a panic, SIGTERM, SIGHUP, SIGINT, and Ctrl-Z then `fg`.
//! Where no pseudo-terminal can be opened, each test says so and skips.

mod common;

use common::home::Home;
use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 24;
const COLS: u16 = 80;
/// Long enough for a debug build on a busy machine to load the built-in corpus.
const PATIENCE: Duration = Duration::from_secs(60);

const ENTER_ALTERNATE: &[u8] = b"\x1b[?1049h";
const LEAVE_ALTERNATE: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
/// Device status report 6: the terminal answers with the cursor's place.
const CURSOR_QUERY: &[u8] = b"\x1b[6n";

/// crossread on a pseudo-terminal, with everything it wrote kept.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    _home: Home,
}

impl Session {
    /// `crossread ARGS` in an isolated home, or `None` (said why) when
    /// this machine cannot open a pseudo-terminal.
    fn start(args: &[&str], env: &[(&str, &str)]) -> Option<Session> {
        let size = PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = match native_pty_system().openpty(size) {
            Ok(pair) => pair,
            Err(error) => {
                println!("skipped: cannot open a pseudo-terminal here: {error}");
                return None;
            }
        };
        let home = Home::new();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_crossread"));
        command.args(args);
        command.cwd(home.root.path());
        command.env("TERM", "xterm-256color");
        command.env("CROSSREAD_DATA_DIR", home.data());
        command.env("CROSSREAD_CACHE_DIR", home.root.path().join("cache"));
        command.env("CROSSREAD_CONFIG_DIR", home.root.path().join("config"));
        command.env_remove("NO_COLOR");
        command.env_remove("CROSSREAD_TEST_PANIC");
        // A backtrace would scroll a panic's message off the 24 rows.
        command.env("RUST_BACKTRACE", "0");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).expect("spawn crossread");
        // Only the child holds the slave now: its exit ends the reader below.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("pty writer")));
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        let answer = Arc::clone(&writer);
        std::thread::spawn(move || {
            let mut chunk = [0; 8192];
            while let Ok(n @ 1..) = reader.read(&mut chunk) {
                let mut all = sink.lock().expect("output");
                let from = all.len().saturating_sub(CURSOR_QUERY.len() - 1);
                all.extend_from_slice(&chunk[..n]);
                // Answer "where is the cursor?" as a terminal does, or
                // crossterm waits for the reply and gives up.
                for _ in all[from..]
                    .windows(CURSOR_QUERY.len())
                    .filter(|window| *window == CURSOR_QUERY)
                {
                    let mut writer = answer.lock().expect("writer");
                    let _ = writer.write_all(b"\x1b[1;1R");
                    let _ = writer.flush();
                }
            }
        });
        Some(Session {
            child,
            writer,
            master: pair.master,
            output,
            _home: home,
        })
    }

    fn bytes(&self) -> Vec<u8> {
        self.output.lock().expect("output").clone()
    }

    /// The screen as the emulator shows it after every byte so far.
    fn screen(&self) -> vt100::Parser {
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("non-zero");
        let mut parser = vt100::Parser::new(size(ROWS), size(COLS), 0);
        parser.process(&self.bytes());
        parser
    }

    /// Waits until the screen shows `text`; panics with the screen if not.
    fn wait_for(&self, text: &str) {
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            if self.screen().screen().contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "{text:?} never shown; the screen:\n{}",
            self.screen().screen().contents()
        );
    }

    /// Waits until the bytes written since `from` hold `sequence`.
    fn wait_for_bytes(&self, from: usize, sequence: &[u8]) {
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            if contains(&self.bytes()[from..], sequence) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("{:?} never written", String::from_utf8_lossy(sequence));
    }

    fn send(&mut self, bytes: &[u8]) {
        let mut writer = self.writer.lock().expect("writer");
        writer.write_all(bytes).expect("type into the pty");
        writer.flush().expect("flush the pty");
    }

    /// Sends `signal` (a name for kill(1): TERM, HUP, ...) to crossread.
    fn signal(&self, signal: &str) {
        let pid = self.child.process_id().expect("a pid").to_string();
        let status = std::process::Command::new("sh")
            .args(["-c", "kill -s \"$0\" \"$1\"", signal, &pid])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -s {signal} {pid}");
    }

    /// The process state letter from /proc (`T` when stopped).
    fn state(&self) -> Option<char> {
        let pid = self.child.process_id()?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        stat.rsplit(')').next()?.trim_start().chars().next()
    }

    fn wait_until_stopped(&self) {
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            match self.state() {
                Some('T' | 't') => return,
                None => {
                    println!("(no /proc here: the stop is seen only in the bytes)");
                    return;
                }
                _ => std::thread::sleep(Duration::from_millis(20)),
            }
        }
        panic!("crossread never stopped");
    }

    /// Waits for the exit; returns how it ended ("exit N" or the signal).
    fn wait_exit(&mut self) -> String {
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(200));
                return match status.signal() {
                    Some(signal) => signal.to_string(),
                    None => format!("exit {}", status.exit_code()),
                };
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!(
            "crossread never exited; the screen:\n{}",
            self.screen().screen().contents()
        );
    }

    /// Whether the pty is back in cooked mode (echo, line editing, signals).
    fn cooked(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        let Some(termios) = self.master.get_termios() else {
            return true;
        };
        let wanted = LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG;
        termios.local_flags.contains(wanted)
    }

    /// Checks everything that gives the terminal back, written after `from`.
    fn assert_restored(&self, from: usize) {
        let bytes = self.bytes();
        let tail = &bytes[from..];
        for (name, sequence) in [
            ("leave the alternate screen", LEAVE_ALTERNATE),
            ("show the cursor", SHOW_CURSOR),
            ("stop mouse reports", MOUSE_OFF),
        ] {
            assert!(
                contains(tail, sequence),
                "no {name} ({:?}) in {:?}",
                String::from_utf8_lossy(sequence),
                String::from_utf8_lossy(&tail[tail.len().saturating_sub(400)..])
            );
        }
        let parser = self.screen();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reports still on"
        );
        assert!(self.cooked(), "the terminal was left in raw mode");
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// The reader open on the built-in articles, its list drawn.
fn reader() -> Option<Session> {
    let session = Session::start(&[], &[])?;
    session.wait_for("Articles");
    Some(session)
}

#[test]
fn quitting_gives_the_terminal_back() {
    let Some(mut session) = reader() else { return };
    let bytes = session.bytes();
    assert!(contains(&bytes, ENTER_ALTERNATE), "never took the screen");
    assert!(!session.cooked(), "the reader runs in raw mode");
    assert!(session.screen().screen().alternate_screen());
    let from = bytes.len();
    session.send(b"q");
    assert_eq!(session.wait_exit(), "exit 0");
    session.assert_restored(from);
}

#[test]
fn a_panic_gives_the_terminal_back_and_its_message_is_readable() {
    // CROSSREAD_TEST_PANIC is honoured by debug builds only (src/tui/mod.rs),
    // and the binary under test is built in this test's profile.
    if !cfg!(debug_assertions) {
        eprintln!(
            "skipped: a release build has no panic trigger; run `cargo test` to check the panic hook"
        );
        return;
    }
    let Some(mut session) = Session::start(&[], &[("CROSSREAD_TEST_PANIC", "1")]) else {
        return;
    };
    let status = session.wait_exit();
    assert_eq!(status, "exit 101");
    session.assert_restored(0);
    let bytes = session.bytes();
    let left = bytes
        .windows(LEAVE_ALTERNATE.len())
        .rposition(|window| window == LEAVE_ALTERNATE)
        .expect("left the alternate screen");
    let after = String::from_utf8_lossy(&bytes[left..]);
    assert!(after.contains("CROSSREAD_TEST_PANIC"), "{after}");
    let screen = session.screen().screen().contents();
    assert!(
        screen.contains("CROSSREAD_TEST_PANIC"),
        "the panic message is not on the normal screen:\n{screen}\n{after:?}"
    );
}

#[test]
fn terminating_signals_give_the_terminal_back() {
    // Killed by the signal itself once the terminal is restored (strsignal's
    // name), or exit 128 + n where it cannot be re-raised.
    for (signal, number, name) in [
        ("TERM", 15, "Terminated"),
        ("HUP", 1, "Hangup"),
        ("INT", 2, "Interrupt"),
    ] {
        let Some(mut session) = reader() else { return };
        let from = session.bytes().len();
        session.signal(signal);
        let status = session.wait_exit();
        assert!(
            status == name || status == format!("exit {}", 128 + number),
            "SIG{signal}: ended with {status}"
        );
        session.assert_restored(from);
    }
}

#[test]
fn ctrl_z_then_fg_gives_the_terminal_back_then_takes_and_redraws_it() {
    for how in ["Ctrl-Z", "SIGTSTP"] {
        let Some(mut session) = reader() else { return };
        let from = session.bytes().len();
        if how == "Ctrl-Z" {
            session.send(b"\x1a");
        } else {
            session.signal("TSTP");
        }
        session.wait_until_stopped();
        session.wait_for_bytes(from, SHOW_CURSOR);
        session.assert_restored(from);

        // `fg`: the shell continues the job.
        let resumed = session.bytes().len();
        session.signal("CONT");
        session.wait_for_bytes(resumed, ENTER_ALTERNATE);
        session.wait_for("Articles");
        assert!(session.screen().screen().alternate_screen(), "{how}");
        assert!(!session.cooked(), "{how}: raw mode again");
        let from = session.bytes().len();
        session.send(b"q");
        assert_eq!(session.wait_exit(), "exit 0", "{how}");
        session.assert_restored(from);
    }
}

#[test]
fn config_path_is_shown_safely_on_a_terminal_and_exactly_when_piped() {
    let home = Home::new();
    let dir = home.root.path().join("conf\u{1b}]0;pwned\u{7}\ndir");
    let dir_text = dir.to_str().expect("UTF-8 path");
    let piped = home
        .command(&["config", "--path"])
        .env("CROSSREAD_CONFIG_DIR", &dir)
        .output()
        .expect("run");
    let mut exact = dir
        .join("config.toml")
        .into_os_string()
        .into_encoded_bytes();
    exact.push(b'\n');
    assert_eq!(piped.stdout, exact, "byte-exact when piped");

    let Some(mut session) =
        Session::start(&["config", "--path"], &[("CROSSREAD_CONFIG_DIR", dir_text)])
    else {
        return;
    };
    assert_eq!(session.wait_exit(), "exit 0");
    let shown = String::from_utf8_lossy(&session.bytes()).into_owned();
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown:?}"
    );
    assert!(shown.contains("conf^[]0;pwned^G\\ndir"), "{shown:?}");
}
