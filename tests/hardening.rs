//! The hostile-input cases of docs/RELIABILITY.md that need the real binary:
//! each feeds the case in and checks what the user sees (stdout, stderr,
//! status), within a time bound, so a hang fails instead of stalling.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs crossread with `args` (no library, an empty config dir unless one is
/// given), killing it after `limit`: a hang is a failure, not a stall.
fn run(args: &[&str], config_dir: &Path, stdout: Stdio, limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crossread"))
        .env(
            "CROSSREAD_DATA_DIR",
            std::env::temp_dir().join("crossread-tests-no-library"),
        )
        .env("CROSSREAD_CONFIG_DIR", config_dir)
        .env("CROSSREAD_CACHE_DIR", config_dir.join("cache"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let output = child.wait_with_output().expect("output");
            panic!(
                "crossread {args:?} still ran after {limit:?}; stderr: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

const LIMIT: Duration = Duration::from_secs(60);

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn no_escape(bytes: &[u8]) -> bool {
    !bytes.iter().any(|&b| b == 0x1b || b == 0x07 || b == 0x9b)
}

fn mkfifo(path: &Path) -> bool {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|status| status.success());
    if !made {
        eprintln!("skipped: mkfifo is not available");
    }
    made
}

/// `topics` over one small article, with the config file in `dir`.
fn topics_with_config(dir: &Path) -> Output {
    let corpus = dir.join("a.txt");
    std::fs::write(&corpus, "Officials said the talks would go on.\n").expect("write");
    run(
        &["--corpus", corpus.to_str().expect("utf-8"), "topics"],
        dir,
        Stdio::piped(),
        LIMIT,
    )
}

/// Case 2: a directory name with escape sequences, in the error.
#[test]
fn an_unreadable_folder_name_is_shown_not_obeyed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let hostile = dir.path().join("x\u{1b}]0;owned\u{7}\u{1b}[2J");
    std::fs::create_dir(&hostile).expect("mkdir");
    let output = run(
        &["--corpus", hostile.to_str().expect("utf-8"), "list"],
        dir.path(),
        Stdio::piped(),
        LIMIT,
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(no_escape(&output.stderr), "{:?}", stderr(&output));
    assert!(
        stderr(&output).contains("x^[]0;owned^G^[[2J"),
        "{}",
        stderr(&output)
    );
}

/// Case 3: a config syntax error quotes its line with controls made visible.
#[test]
fn a_config_syntax_error_quotes_its_line_safely() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("config.toml"),
        "[[topic]\nid = \"\u{1b}]0;owned\u{7}\u{1b}[2J\"\n",
    )
    .expect("write");
    let output = topics_with_config(dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(no_escape(&output.stderr), "{:?}", stderr(&output));
    assert!(
        stderr(&output).contains("topics ignored"),
        "{}",
        stderr(&output)
    );
    // Also a valid file: a label with escapes is listed, visibly.
    std::fs::write(
        dir.path().join("config.toml"),
        "[[topic]]\nid = \"t\"\nlabel = \"L\\u001b]0;owned\\u0007\"\nterms = { talks = 3.0 }\n",
    )
    .expect("write");
    let output = topics_with_config(dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(no_escape(&output.stdout));
    assert!(String::from_utf8_lossy(&output.stdout).contains("L^[]0;owned^G"));
}

/// Case 4: a newline in a file name cannot forge a second warning line.
#[test]
fn a_newline_in_a_file_name_stays_on_its_warning_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("good.txt"), "The talks went on.\n").expect("write");
    let forged = "bad\ncrossread: warning: all is well.txt";
    std::fs::write(dir.path().join(forged), b"\x00\x01\x02binary").expect("write");
    let output = run(
        &["--corpus", dir.path().to_str().expect("utf-8"), "list"],
        dir.path().join("none").as_path(),
        Stdio::piped(),
        LIMIT,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let errors = stderr(&output);
    assert_eq!(errors.lines().count(), 1, "{errors}");
    assert!(
        errors.contains("bad\\ncrossread: warning: all is well.txt"),
        "{errors}"
    );
}

/// Case 10: every command ends quietly on a closed pipe, and with one
/// message and status 1 on a full disk.
#[test]
fn output_errors_end_every_command_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paragraph =
        "Marta Quell of the Ostrava Union said the talks on gas would go on. ".repeat(150);
    for n in 0..2 {
        std::fs::write(dir.path().join(format!("a{n}.txt")), &paragraph).expect("write");
    }
    let corpus = dir.path().to_str().expect("utf-8");
    let commands: &[&[&str]] = &[
        &["compare", "gas"],
        &["compare", "gas", "--markdown"],
        &["topics"],
        &["list"],
        &["show", "a0"],
        &["analyze", "--json"],
        &["claims"],
        &["entities"],
        &["config", "--default"],
    ];
    for command in commands {
        let mut args = vec!["--corpus", corpus];
        args.extend_from_slice(command);
        if Path::new("/dev/full").exists() {
            let full = std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .expect("/dev/full");
            let output = run(&args, dir.path(), Stdio::from(full), LIMIT);
            assert_eq!(
                output.status.code(),
                Some(1),
                "{command:?}: {}",
                stderr(&output)
            );
            let errors = stderr(&output);
            assert!(
                errors.contains("cannot write the output"),
                "{command:?}: {errors}"
            );
            assert!(!errors.contains("panicked"), "{command:?}: {errors}");
        } else {
            eprintln!("skipped /dev/full: not on this system");
        }
        // A pipe whose reader is gone before the first write.
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let output = run(&args, dir.path(), Stdio::from(writer), LIMIT);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{command:?}: {}",
            stderr(&output)
        );
        assert_eq!(stderr(&output), "", "{command:?}");
    }
}

/// Case 9: folders linked to themselves end the search's walk.
#[cfg(unix)]
#[test]
fn search_over_a_folder_linked_to_itself_finishes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    std::fs::write(corpus.join("a.txt"), "The talks on gas went on.\n").expect("write");
    std::os::unix::fs::symlink(&corpus, corpus.join("self1")).expect("symlink");
    std::os::unix::fs::symlink(&corpus, corpus.join("self2")).expect("symlink");
    let output = run(
        &["--corpus", corpus.to_str().expect("utf-8"), "search", "gas"],
        dir.path(),
        Stdio::piped(),
        LIMIT,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let found = String::from_utf8_lossy(&output.stdout).into_owned();
    // The one file, found once: links to the folder are not a second copy.
    assert_eq!(
        found.lines().filter(|line| line.starts_with("a ")).count(),
        1,
        "{found}"
    );
}

/// Case 12: a config.toml that is a FIFO is refused, not waited on.
#[cfg(unix)]
#[test]
fn a_fifo_config_is_refused_without_hanging() {
    let dir = tempfile::tempdir().expect("tempdir");
    if !mkfifo(&dir.path().join("config.toml")) {
        return;
    }
    let output = topics_with_config(dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("FIFO"), "{}", stderr(&output));
}

/// Case 12: a corpus file that is a FIFO is skipped with a warning.
#[cfg(unix)]
#[test]
fn a_fifo_in_the_corpus_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), "The talks went on.\n").expect("write");
    if !mkfifo(&dir.path().join("b.txt")) {
        return;
    }
    let fifo = dir.path().join("b.txt");
    let output = run(
        &[
            "--corpus",
            fifo.to_str().expect("utf-8"),
            "--corpus",
            dir.path().join("a.txt").to_str().expect("utf-8"),
            "list",
        ],
        dir.path().join("none").as_path(),
        Stdio::piped(),
        LIMIT,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("b.txt: not a regular file"),
        "{}",
        stderr(&output)
    );
}
