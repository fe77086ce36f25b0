//! The compare view in a real terminal (tmux): open it, change the topic,
//! hide a source, jump between rows, quit cleanly.

mod common;

use common::Session;
use std::path::Path;

#[test]
fn compare_view_opens_changes_topic_hides_a_source_and_jumps() {
    if !common::tmux_available("compare_view_opens_changes_topic_hides_a_source_and_jumps") {
        return;
    }
    let tui = Session::start(Path::new(env!("CARGO_BIN_EXE_crossread")), &[], 160, 45);
    tui.wait_for_text("Articles 1/5");
    tui.send(&["c"]);
    tui.wait_for_text("Compare: ");
    tui.wait_for_text("row 1/");
    tui.send(&["t"]);
    tui.wait_for_text("sentences per source");
    // Letters are typed into the filter, so the hints offer Ctrl-c to quit.
    let screen = tui.wait_for_text("Ctrl-c quit");
    assert!(!screen.contains("q quit"), "{screen}");
    tui.send(&["t", "e", "r", "r", "i", "t", "Enter"]);
    tui.wait_for("the territory topic", |screen| {
        screen.contains("Compare: ")
            && !screen.contains("sentences per source")
            && screen.to_lowercase().contains("territor")
    });
    tui.send(&["2"]);
    tui.wait_for_text("hidden");
    tui.send(&["]"]);
    tui.wait_for("a jump past the first row", |screen| {
        screen.contains("row ") && !screen.contains("row 1/")
    });
    tui.send(&["Escape"]);
    tui.wait_for_text("Articles 1/5");
    tui.send(&["q"]);
    assert_eq!(tui.exit_status(), 0);
    tui.assert_restored();
}
