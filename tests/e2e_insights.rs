//! The insights view in a real terminal (tmux), on an invented two-source
//! corpus whose sources give one flood two death tolls: the view lists the
//! discrepancy, Enter lands the reader on its evidence sentence, Esc goes
//! back to the view.

mod common;

use common::Session;
use std::path::Path;

/// Two invented outlets' reports of one invented flood.
fn two_tolls(dir: &Path) {
    let reports = [
        ("valley-courier", "Valley Courier", "140"),
        ("plains-gazette", "Plains Gazette", "41"),
    ];
    for (file, outlet, toll) in reports {
        let text = format!(
            "---\ntitle: Flood in the northern valley\nsource: {outlet}\ndate: 2031-05-05\n---\n\
             The flood in the northern valley killed {toll} people on Monday, officials said.\n\n\
             Rescue teams searched the riverbanks through the night.\n"
        );
        std::fs::write(dir.join(format!("{file}.txt")), text).expect("write article");
    }
}

#[test]
fn the_insights_view_opens_a_discrepancy_at_its_evidence() {
    if !common::tmux_available("the_insights_view_opens_a_discrepancy_at_its_evidence") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    two_tolls(dir.path());
    let corpus = dir.path().display().to_string();
    let tui = Session::start(
        Path::new(env!("CARGO_BIN_EXE_crossread")),
        &["--corpus", &corpus],
        120,
        36,
    );
    tui.wait_for_text("Articles 1/2");
    tui.send(&["i"]);
    let screen = tui.wait_for("the toll discrepancy listed", |screen| {
        screen.contains("Discrepancies (1)") && screen.contains("140") && screen.contains("41")
    });
    assert!(screen.contains("≠ number"), "{screen}");
    tui.send(&["Enter"]);
    let screen = tui.wait_for("the reader at the evidence", |screen| {
        screen.contains(" Reader ") && !screen.contains("Discrepancies (1)")
    });
    let evidence = screen
        .lines()
        .find(|line| line.contains("The flood in the northern valley killed"))
        .unwrap_or_else(|| panic!("the evidence sentence is on screen:\n{screen}"));
    assert!(
        evidence.contains("140") || evidence.contains("41"),
        "{evidence}"
    );
    // Back from the evidence is back to the findings.
    tui.send(&["Escape"]);
    tui.wait_for_text("Discrepancies (1)");
    tui.send(&["Escape"]);
    tui.wait_for("the reader again", |screen| {
        !screen.contains("Discrepancies (1)")
    });
    tui.send(&["q"]);
    assert_eq!(tui.exit_status(), 0);
    tui.assert_restored();
}
