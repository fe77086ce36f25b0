//! The reader keeps its place across a restart, in the real binary in a
//! real terminal (tmux): an article opened, scrolled and bookmarked; quit;
//! the next start opens that article where it was, the bookmark listed.

mod common;

use common::{Options, Session};
use std::path::Path;

fn crossread() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_crossread"))
}

#[test]
fn the_next_start_opens_where_the_last_one_left_off() {
    if !common::tmux_available("the_next_start_opens_where_the_last_one_left_off") {
        return;
    }
    let home = tempfile::tempdir().expect("temp dir");
    let data = home.path().join("data").display().to_string();
    let cache = home.path().join("cache").display().to_string();
    let env = [
        ("CROSSREAD_DATA_DIR", data.as_str()),
        ("CROSSREAD_CACHE_DIR", cache.as_str()),
    ];
    let options = || Options {
        env: &env,
        ..Options::default()
    };
    let first = Session::start_with(crossread(), &[], 110, 30, options());
    first.wait_for_text("Articles 1/5");
    first.send(&["j", "j", "Enter"]);
    first.wait_for_text("Putin Agrees in Principle");
    first.send(&["C-d", "n", "b"]);
    first.wait_for("the bookmark marked", |screen| {
        screen.contains("bookmarked") && screen.contains('★')
    });
    let scrolled = first.screen();
    first.send(&["q"]);
    assert_eq!(first.exit_status(), 0);

    let second = Session::start_with(crossread(), &[], 110, 30, options());
    second.wait_for("the same article, scrolled, bookmark marked", |screen| {
        screen.contains("Articles 3/5") && screen.contains('★')
    });
    let reopened = second.screen();
    let reader_lines = |screen: &str| -> Vec<String> {
        screen
            .lines()
            .skip(1)
            .take(5)
            // The corroboration marks arrive when the insights are built,
            // which may be before or after either screen was taken.
            .map(|line| {
                let text: String = line
                    .chars()
                    .skip(30)
                    .filter(|c| !matches!(c, '●' | '○' | '≠'))
                    .collect();
                text.trim_end_matches([' ', '│']).to_string()
            })
            .collect()
    };
    assert_eq!(
        reader_lines(&reopened),
        reader_lines(&scrolled),
        "the reader shows the same lines:\n{reopened}"
    );
    second.send(&["B"]);
    second.wait_for_text("Bookmarks: 1 sentence");
    // Esc alone: tmux would read Esc and the next key as one Alt key.
    second.send(&["Escape"]);
    second.wait_for("the list closed", |screen| !screen.contains("Bookmarks:"));
    second.send(&["q"]);
    assert_eq!(second.exit_status(), 0);
}
