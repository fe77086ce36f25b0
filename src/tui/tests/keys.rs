//! Keys rebound in the config file: they work, and every label shows them.

use super::*;
use crate::tui::browse::Focus;
use crate::tui::keymap::{Keymap, Mode};

/// The built-in corpus with `[keys.MODE] action = keys` overrides.
fn rebound(overrides: &[(Mode, &str, &[&str])], width: u16, height: u16) -> App {
    let overrides: Vec<_> = overrides
        .iter()
        .map(|(mode, action, keys)| {
            let keys = keys
                .iter()
                .map(|key| crate::tui::keymap::parse_sequence(key).expect("a key"))
                .collect();
            (*mode, *action, keys, ())
        })
        .collect();
    let keymap = Keymap::default()
        .with_overrides(&overrides)
        .expect("valid overrides");
    let settings = Settings {
        keymap,
        ..Settings::default()
    };
    with_settings(settings, width, height)
}

#[test]
fn a_rebound_key_works_and_shows_in_help_and_the_status_bar() {
    let mut app = rebound(
        &[
            (Mode::List, "open", &["o"]),
            (Mode::Global, "help", &["f1", "H"]),
        ],
        100,
        30,
    );
    let status = status_line(&mut app, 100, 30);
    assert!(status.contains(" o read "), "{status}");
    assert!(!status.contains("Enter read"), "{status}");
    keys(&mut app, "j<enter>");
    assert_eq!(app.browse.focus, Focus::List, "Enter no longer opens");
    keys(&mut app, "o");
    assert_eq!(app.browse.focus, Focus::Reader);
    keys(&mut app, "<esc>H");
    let help = screen_text(&mut app, 100, 30);
    assert!(help.contains(" Keys "), "H opens the help: {help}");
    assert!(help.contains("F1 H"), "help lists the new keys: {help}");
    let list_row = help
        .lines()
        .find(|line| line.contains("Read the selected article"))
        .expect("the open row");
    assert!(list_row.contains(" o "), "{list_row}");
}

#[test]
fn sequences_wait_for_their_last_key() {
    let mut app = rebound(
        &[
            (Mode::Navigation, "bottom", &["g e"]),
            (Mode::Navigation, "top", &["g g"]),
        ],
        100,
        30,
    );
    keys(&mut app, "g");
    assert_eq!(app.browse.selected, 0, "g alone waits");
    keys(&mut app, "e");
    assert_eq!(app.browse.selected, app.corpus.articles.len() - 1);
    keys(&mut app, "gx gg");
    assert_eq!(
        app.browse.selected, 0,
        "a key that ends no sequence starts afresh"
    );
}

#[test]
fn labels_in_the_views_follow_the_table() {
    let mut app = rebound(
        &[
            (Mode::Global, "warnings", &["W"]),
            (Mode::Compare, "columns_page_left", &["alt-h"]),
            (Mode::Compare, "columns_page_right", &["alt-l"]),
            (Mode::Compare, "sources", &["S"]),
        ],
        100,
        30,
    );
    keys(&mut app, "c");
    settle(&mut app);
    let shown = screen_text(&mut app, 100, 30);
    assert!(shown.contains("‹Alt-h Alt-l›"), "{shown}");
    assert!(shown.contains("S sources"), "{shown}");
    let narrow = screen_text(&mut app, 60, 24);
    assert!(
        narrow.contains("more ‹S›"),
        "the header's pointer to the chooser: {narrow}"
    );
    keys(&mut app, "W");
    assert!(screen_text(&mut app, 100, 30).contains("Load warnings"));
}
