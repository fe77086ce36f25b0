//! The entities-and-claims side panel in the real binary in a real terminal
//! (tmux): open it, list an entity's mentions, open the last one, and see the
//! reader there with the list still beside it; back, then close the panel.

mod common;

use common::Session;
use std::path::Path;

fn crossread() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_crossread"))
}

#[test]
fn panel_lists_an_entitys_mentions_and_opens_one() {
    if !common::tmux_available("panel_lists_an_entitys_mentions_and_opens_one") {
        return;
    }
    let tui = Session::start(crossread(), &[], 110, 30);
    tui.wait_for_text("Articles 1/5");
    tui.send(&["Enter"]);
    tui.send(&["p"]);
    // A frame can be captured half written: wait for all of it.
    tui.wait_for("the panel with its legend, groups and claims", |screen| {
        screen.contains("Entities and claims")
            && screen.contains("person")
            && screen.contains("claims (")
    });
    tui.send(&["Enter"]);
    tui.wait_for("mentions in context", |screen| {
        screen.contains("Mentions of") && screen.contains('[')
    });
    tui.send(&["G", "Enter"]);
    // The reader jumps down the article (its title line, indented by the
    // gutter, scrolls away) and the panel stays on the mentions list beside it.
    tui.wait_for("the reader at the mention, the list still open", |screen| {
        screen.contains("Mentions of") && !screen.contains("│  Russia Accepts")
    });
    tui.send(&["Escape"]);
    tui.wait_for_text("Entities and claims");
    tui.send(&["p"]);
    // The status bar is drawn in the same frame as the panes, but tmux may
    // be captured between two writes of that frame: wait for both.
    tui.wait_for("the reader without the panel, with its hints", |screen| {
        !screen.contains("Mentions of")
            && !screen.contains("Entities and claims")
            && screen.contains("p panel")
    });
    tui.send(&["q"]);
}
