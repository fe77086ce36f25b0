//! The search overlay in the real binary in a real terminal (tmux): type a
//! query, move to the second result, open it, and see that sentence in the reader.

mod common;

use common::Session;
use std::path::Path;

fn crossread() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_crossread"))
}

/// The sentence `crossread search` ranks at `rank` (the overlay ranks the same way).
fn ranked_sentence(query: &str, rank: usize) -> String {
    let out = std::process::Command::new(crossread())
        .args(["search", "--json", query])
        .output()
        .expect("run crossread search");
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    json["results"][rank]["text"]
        .as_str()
        .expect("enough results")
        .to_string()
}

/// True when three consecutive words of `sentence` stand on one screen line.
fn shows(screen: &str, sentence: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    words
        .windows(3)
        .any(|window| screen.lines().any(|line| line.contains(&window.join(" "))))
}

/// The overlay's bottom border carries "selected/count".
fn overlay_status(screen: &str, text: &str) -> bool {
    screen
        .lines()
        .any(|line| line.contains("╰") && line.contains(text))
}

#[test]
fn type_move_open_shows_the_sentence_in_the_reader() {
    if !common::tmux_available("type_move_open_shows_the_sentence_in_the_reader") {
        return;
    }
    let second = ranked_sentence("rubio tremendous", 1);
    let tui = Session::start(crossread(), &[], 100, 30);
    tui.wait_for_text("Articles 1/5");
    tui.send(&["/"]);
    tui.wait_for_text("Search");
    tui.send(&["-l", "rubio tremendous"]);
    tui.wait_for("results", |screen| overlay_status(screen, " 1/"));
    tui.send(&["Down"]);
    tui.wait_for("the second result", |screen| overlay_status(screen, " 2/"));
    tui.send(&["Enter"]);
    // A frame can be captured half written: wait for all of it, the
    // status bar saying the reader has focus included.
    tui.wait_for("the focused reader at the sentence", |screen| {
        !screen.contains("╭ Search") && shows(screen, &second) && screen.contains("Esc back")
    });
    tui.send(&["/"]);
    // Reopened: the last query, selected, its results, and what typing does.
    tui.wait_for("the last query, selected, and its hint", |screen| {
        screen.contains("/ rubio tremendous  type to replace") && screen.contains("→ edit query")
    });
    tui.send(&["Escape"]);
    tui.wait_for("search to close", |screen| !screen.contains("╭ Search"));
    tui.send(&["q"]);
    assert_eq!(tui.exit_status(), 0);
    tui.assert_restored();
}
