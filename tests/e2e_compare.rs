//! The compare view in a real terminal (tmux): open it, change the topic,
//! hide a source, jump between rows, quit cleanly; the source chooser on a
//! folder with more sources than the digit keys reach.

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
    // The typed words are offered first as a topic of their own; Down
    // picks the listed topic they match.
    tui.send(&["t", "e", "r", "r", "i", "t", "Down", "Enter"]);
    tui.wait_for("the territory topic", |screen| {
        screen.contains("Compare: ")
            && !screen.contains("sentences per source")
            && screen.to_lowercase().contains("territor")
    });
    tui.send(&["2"]);
    tui.wait_for_text("hidden");
    // Every territory fact is one source's, so jump to the next of those.
    tui.send(&["}"]);
    tui.wait_for("a jump past the first row", |screen| {
        screen.contains("row ") && !screen.contains("row 1/")
    });
    tui.send(&["Escape"]);
    tui.wait_for_text("Articles 1/5");
    tui.send(&["q"]);
    assert_eq!(tui.exit_status(), 0);
    tui.assert_restored();
}

/// Twelve invented articles from invented outlets, so there are sources the
/// digit keys cannot reach; the eleventh is the only "Lakeside Gazette".
fn twelve_sources(dir: &Path) {
    let outlets = [
        "Harbour Times",
        "Valley Courier",
        "Coastal Wire",
        "Metro Ledger",
    ];
    for i in 0..12 {
        let outlet = if i == 10 {
            "Lakeside Gazette"
        } else {
            outlets[i % outlets.len()]
        };
        let text = format!(
            "---\ntitle: Talks report {n}\nsource: {outlet}\n---\n\
             Negotiators discussed a security guarantee for the country on day {n}.\n\n\
             The proposed security arrangement would include {troops} peacekeepers.\n",
            n = i + 1,
            troops = 1000 + i * 100,
        );
        std::fs::write(dir.join(format!("story-{:02}.txt", i + 1)), text).expect("write article");
    }
}

#[test]
fn the_source_chooser_reaches_a_source_past_nine() {
    if !common::tmux_available("the_source_chooser_reaches_a_source_past_nine") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    twelve_sources(dir.path());
    let corpus = dir.path().display().to_string();
    let tui = Session::start(
        Path::new(env!("CARGO_BIN_EXE_crossread")),
        &["--corpus", &corpus],
        120,
        40,
    );
    tui.wait_for_text("Articles 1/12");
    tui.send(&["c"]);
    tui.wait_for_text("row 1/");
    tui.send(&["s"]);
    // The status bar is drawn last: waiting for both never reads a frame
    // caught halfway.
    tui.wait_for("the chooser and its hints", |screen| {
        screen.contains("12 of 12 shown") && screen.contains("Space hide/show")
    });
    // Letters filter; only the one outlet is left.
    tui.send(&["-l", "lakeside"]);
    tui.wait_for("only the one outlet", |screen| {
        screen.contains("· 1 match,") && screen.contains("11 Lakeside Gazette")
    });
    tui.send(&["Space"]);
    let screen = tui.wait_for("the source hidden in the list and the header", |screen| {
        screen.contains("11 of 12 shown")
            && screen.contains("11 Lakeside Gazette 2 sentences hidden")
            && screen.contains("[ ]")
    });
    let row = screen
        .lines()
        .find(|line| line.contains("11 Lakeside Gazette") && line.contains(" ["))
        .expect("the source's row");
    // The view beneath says so in its coverage header.
    assert!(screen.contains("Lakeside Gazette [11] hidden"), "{screen}");
    assert!(row.contains("[ ]") && row.contains("hidden"), "{row}");
    tui.send(&["Enter"]);
    tui.wait_for("the compare view again, a source hidden", |screen| {
        !screen.contains("╭ Sources ")
            && screen.contains("Enter read")
            && screen.contains("1 hidden")
    });
    // Ctrl-o shows only it; Ctrl-a all again.
    tui.send(&["s"]);
    tui.wait_for_text("11 of 12 shown");
    tui.send(&["-l", "lakeside"]);
    tui.wait_for_text("· 1 match,");
    tui.send(&["C-o"]);
    // At the box's edge: "11 of 12 shown" holds "1 of 12 shown".
    tui.wait_for_text("│1 of 12 shown");
    tui.send(&["C-a"]);
    tui.wait_for_text("12 of 12 shown");
    // Enter goes to its column, paged into view (four fit at 120 columns).
    tui.send(&["Enter"]);
    tui.wait_for("the compare view paged to the source", |screen| {
        !screen.contains("╭ Sources ") && screen.contains("sources 8–11 of 12")
    });
    tui.send(&["Escape"]);
    tui.wait_for_text("Articles ");
    tui.send(&["q"]);
    assert_eq!(tui.exit_status(), 0);
    tui.assert_restored();
}
