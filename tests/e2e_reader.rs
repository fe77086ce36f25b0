//! The real binary in a real terminal (tmux): reading, navigating, help,
//! resizing, suspend/resume, and the terminal restored on every way out.

mod common;

use common::Session;
use std::path::Path;

fn crossread() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_crossread"))
}

fn kill(signal: &str, pid: u32) {
    let status = std::process::Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill {signal} {pid}");
}

#[test]
fn reads_navigates_opens_help_and_quits() {
    if !common::tmux_available("reads_navigates_opens_help_and_quits") {
        return;
    }
    // Tall enough that the help's first page reaches the article list's keys.
    let tui = Session::start(crossread(), &[], 100, 40);
    tui.wait_for("the list and the reader", |screen| {
        screen.contains("Articles 1/5") && screen.contains("Reader")
    });
    assert_eq!(tui.pane_flag("#{alternate_on}"), "1");
    tui.send(&["j", "j"]);
    tui.wait_for_text("Articles 3/5");
    tui.send(&["Enter"]);
    tui.wait_for_text("Esc back");
    tui.send(&["G"]);
    tui.wait_for_text("100%");
    tui.send(&["?"]);
    // A frame can be captured half written: wait for all of it.
    tui.wait_for("the help with the list's keys", |screen| {
        screen.contains("Quit crossread") && screen.contains("Read the selected article")
    });
    tui.send(&["Escape"]);
    tui.wait_for("help to close", |screen| !screen.contains("Quit crossread"));
    tui.send(&["q"]);
    assert_eq!(tui.exit_status(), 0);
    tui.assert_restored();
}

#[test]
fn resizing_down_to_too_small_and_back() {
    if !common::tmux_available("resizing_down_to_too_small_and_back") {
        return;
    }
    let tui = Session::start(crossread(), &[], 100, 30);
    tui.wait_for_text("Articles 1/5");
    tui.resize(20, 5);
    tui.wait_for_text("terminal too small");
    tui.resize(50, 20);
    // Narrow: only the focused pane, the list.
    let narrow = tui.wait_for_text("Articles 1/5");
    assert!(!narrow.contains("Reader"), "{narrow}");
    tui.resize(120, 40);
    tui.wait_for_text("Reader");
    tui.send(&["C-c"]);
    assert_eq!(tui.exit_status(), 0);
    tui.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    if !common::tmux_available("sigterm_restores_the_terminal") {
        return;
    }
    let tui = Session::start(crossread(), &[], 80, 24);
    tui.wait_for_text("Articles 1/5");
    kill("-TERM", tui.pid());
    assert_eq!(
        tui.exit_status(),
        128 + 15,
        "dies of SIGTERM, as the parent expects"
    );
    tui.assert_restored();
}

#[test]
fn ctrl_z_suspends_and_continuing_repaints() {
    if !common::tmux_available("ctrl_z_suspends_and_continuing_repaints") {
        return;
    }
    let tui = Session::start(crossread(), &[], 80, 24);
    tui.wait_for_text("Articles 1/5");
    let pid = tui.pid();
    tui.send(&["C-z"]);
    tui.wait_for("the reader to leave the screen", |screen| {
        !screen.contains("Articles 1/5")
    });
    assert_eq!(tui.pane_flag("#{alternate_on}"), "0");
    let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    if !state.is_empty() {
        let after_name = state.rsplit(')').next().unwrap_or("");
        assert!(
            after_name.trim_start().starts_with('T'),
            "not stopped: {state}"
        );
    }
    kill("-CONT", pid);
    tui.wait_for_text("Articles 1/5");
    assert_eq!(tui.pane_flag("#{alternate_on}"), "1");
    tui.send(&["q"]);
    assert_eq!(tui.exit_status(), 0);
    tui.assert_restored();
}

#[test]
fn a_user_corpus_loads_in_the_background_and_warnings_are_listed() {
    if !common::tmux_available("a_user_corpus_loads_in_the_background") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let story = dir.path().join("story.txt");
    std::fs::write(
        &story,
        "Storm hits coast\n\nThe storm reached the coast on Monday, officials said.\n",
    )
    .expect("write");
    let missing = dir.path().join("missing.txt");
    let (story, missing) = (story.display().to_string(), missing.display().to_string());
    let tui = Session::start(
        crossread(),
        &["--corpus", &story, "--corpus", &missing],
        100,
        30,
    );
    // A frame can be captured half written: wait for all of it.
    tui.wait_for("the article listed and the warning counted", |screen| {
        screen.contains("Articles 1/1")
            && screen.contains("Storm hits coast")
            && screen.contains("1 warning")
    });
    tui.send(&["w"]);
    tui.wait_for_text("missing.txt");
    tui.send(&["Escape"]);
    tui.wait_for("the warnings to close", |screen| {
        !screen.contains("missing.txt")
    });
    tui.send(&["q"]);
    assert_eq!(tui.exit_status(), 0);
    tui.assert_restored();
}

#[test]
fn a_corpus_with_nothing_readable_exits_with_an_error() {
    if !common::tmux_available("a_corpus_with_nothing_readable_exits_with_an_error") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.txt").display().to_string();
    let tui = Session::start(crossread(), &["--corpus", &missing], 100, 30);
    assert_eq!(tui.exit_status(), 1);
    tui.assert_restored();
    let screen = tui.screen();
    assert!(screen.contains("no readable article"), "{screen}");
}
