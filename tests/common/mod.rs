//! A small tmux driver: runs the real binary in a detached tmux pane of a
//! given size on a private tmux server, types keys, reads the screen, and
//! reports how the program ended and what it left the terminal like.
//!
//! The pane runs a wrapper shell that records the terminal settings before
//! and after the program, its pid and its exit status, then stays open so
//! the final screen can still be read.

#![allow(dead_code)]

pub mod home;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long to wait for the screen to show something before failing.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// True when tmux can be used. Without tmux the end-to-end tests fail when
/// `CI` is set (CI must run them) and are skipped with a message otherwise.
pub fn tmux_available(test: &str) -> bool {
    let found = Command::new(tmux_program())
        .arg("-V")
        .output()
        .is_ok_and(|out| out.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{test}: tmux is required when CI is set (apt-get install tmux)"
        );
        say_skipped(&format!(
            "{test}: SKIPPED — tmux is not installed (apt-get install tmux)"
        ));
    }
    found
}

/// Says a test was skipped where `cargo test` shows it: straight to the
/// standard error, which the test harness does not capture (it captures
/// only `eprintln!`), so a passing run still says what did not run.
pub fn say_skipped(message: &str) {
    use std::io::Write;
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{message}");
}

/// The tmux to run: `CROSSREAD_TEST_TMUX` when set (a path to another
/// tmux, or to none, to see the tests skip), else `tmux`.
fn tmux_program() -> std::ffi::OsString {
    std::env::var_os("CROSSREAD_TEST_TMUX").unwrap_or_else(|| "tmux".into())
}

fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

pub struct Session {
    socket: String,
    name: String,
    dir: tempfile::TempDir,
}

/// How a session's program is started.
#[derive(Default)]
pub struct Options<'a> {
    /// Environment variables, on top of `TERM` and an empty config directory.
    pub env: &'a [(&'a str, &'a str)],
    /// The program waits for [`Session::go`]: time to [`Session::record`].
    pub paused: bool,
}

impl Session {
    /// Starts `program args` in a `width`x`height` pane, with a config
    /// directory of its own (empty), so a user's config cannot change it.
    pub fn start(program: &Path, args: &[&str], width: u16, height: u16) -> Session {
        Session::start_with(program, args, width, height, Options::default())
    }

    pub fn start_with(
        program: &Path,
        args: &[&str],
        width: u16,
        height: u16,
        options: Options,
    ) -> Session {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let socket = format!("crossread-e2e-{}-{n}", std::process::id());
        let dir = tempfile::tempdir().expect("temp dir");
        let file = |name: &str| quote(&dir.path().join(name).display().to_string());
        let mut command = quote(&program.display().to_string());
        for arg in args {
            command.push(' ');
            command.push_str(&quote(arg));
        }
        // The inner shell writes its pid and then becomes the program, so
        // the pid file names the program's process.
        let inner = format!("echo $$ > {}; exec {command}", file("pid"));
        let wait = if options.paused {
            format!("while [ ! -e {} ]; do sleep 0.02; done; ", file("go"))
        } else {
            String::new()
        };
        let script = format!(
            "{wait}stty -g > {before}; sh -c {inner}; echo \"exit=$?\"; stty -g > {after}; sleep 600",
            before = file("stty-before"),
            after = file("stty-after"),
            inner = quote(&inner),
        );
        let config = dir.path().join("config");
        let mut env = vec![
            "TERM=xterm-256color".to_string(),
            format!("CROSSREAD_CONFIG_DIR={}", config.display()),
            // A library and caches of the session's own, never the user's.
            format!("CROSSREAD_DATA_DIR={}", dir.path().join("data").display()),
            format!("CROSSREAD_CACHE_DIR={}", dir.path().join("cache").display()),
        ];
        env.extend(
            options
                .env
                .iter()
                .map(|(name, value)| format!("{name}={value}")),
        );
        let session = Session {
            socket,
            name: "e2e".to_string(),
            dir,
        };
        let new_session = [
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            &session.name,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]
        .into_iter()
        .map(str::to_string)
        .chain(env.into_iter().flat_map(|var| ["-e".to_string(), var]))
        .chain([script])
        .collect::<Vec<_>>();
        let out = session.tmux(&new_session.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(out.status.success(), "tmux new-session: {out:?}");
        session.tmux(&["set-option", "-g", "status", "off"]);
        session
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new(tmux_program())
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    /// Records every byte the program writes to the pane from now on
    /// (tmux `pipe-pane`), for [`Session::recorded`].
    pub fn record(&self) {
        let target = quote(&self.path("output").display().to_string());
        let out = self.tmux(&[
            "pipe-pane",
            "-o",
            "-t",
            &self.name,
            &format!("cat >> {target}"),
        ]);
        assert!(out.status.success(), "pipe-pane: {out:?}");
    }

    /// Lets a paused program start.
    pub fn go(&self) {
        std::fs::write(self.path("go"), "").expect("write the go file");
    }

    /// The bytes recorded since [`Session::record`].
    pub fn recorded(&self) -> Vec<u8> {
        std::fs::read(self.path("output")).unwrap_or_default()
    }

    /// The text of the pane, one line per row.
    pub fn screen(&self) -> String {
        let out = self.tmux(&["capture-pane", "-p", "-t", &self.name]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Sends tmux key names ("j", "Enter", "C-c", "Escape").
    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", self.name.as_str()];
        args.extend_from_slice(keys);
        let out = self.tmux(&args);
        assert!(out.status.success(), "send-keys {keys:?}: {out:?}");
    }

    /// Waits until the screen satisfies `test`; panics with the screen if not.
    pub fn wait_for(&self, what: &str, test: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let screen = self.screen();
            if test(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen contains `text`.
    pub fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |screen| screen.contains(text))
    }

    /// A tmux format variable of the pane, e.g. `alternate_on`, `mouse_any_flag`.
    pub fn pane_flag(&self, format: &str) -> String {
        let out = self.tmux(&["display-message", "-p", "-t", &self.name, format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    pub fn resize(&self, width: u16, height: u16) {
        let out = self.tmux(&[
            "resize-window",
            "-t",
            &self.name,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
        assert!(out.status.success(), "resize-window: {out:?}");
    }

    /// The program's pid, once it has started.
    pub fn pid(&self) -> u32 {
        let path = self.path("pid");
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(pid) = std::fs::read_to_string(&path)
                .ok()
                .and_then(|text| text.trim().parse().ok())
            {
                return pid;
            }
            assert!(Instant::now() < deadline, "the program never started");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the program to end and returns its exit status as the shell
    /// saw it (128 + n when killed by signal n).
    pub fn exit_status(&self) -> i32 {
        let screen = self.wait_for("the program to exit", |screen| {
            screen.lines().any(|line| line.starts_with("exit="))
        });
        screen
            .lines()
            .find_map(|line| line.strip_prefix("exit="))
            .and_then(|code| code.trim().parse().ok())
            .expect("an exit status")
    }

    /// The terminal settings (`stty -g`) before the program and after it.
    pub fn stty_before_after(&self) -> (String, String) {
        let read = |name| {
            let path = self.path(name);
            let deadline = Instant::now() + TIMEOUT;
            loop {
                match std::fs::read_to_string(&path) {
                    Ok(text) if !text.is_empty() => return text.trim().to_string(),
                    _ => {
                        assert!(Instant::now() < deadline, "{name} was never written");
                        std::thread::sleep(Duration::from_millis(20));
                    }
                }
            }
        };
        (read("stty-before"), read("stty-after"))
    }

    /// Checks that the program left the terminal as it found it: main screen,
    /// no mouse reporting, visible cursor, same line discipline settings.
    pub fn assert_restored(&self) {
        assert_eq!(
            self.pane_flag("#{alternate_on}"),
            "0",
            "still on the alternate screen"
        );
        assert_eq!(
            self.pane_flag("#{mouse_any_flag}"),
            "0",
            "mouse reporting left on"
        );
        assert_eq!(self.pane_flag("#{cursor_flag}"), "1", "cursor left hidden");
        let (before, after) = self.stty_before_after();
        assert_eq!(before, after, "terminal settings (raw mode) not restored");
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}
