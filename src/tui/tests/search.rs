//! The search overlay.

use super::*;
use crate::tui::browse::Focus;

fn app(width: u16, height: u16) -> App {
    sized(width, height)
}

fn screen(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    draw(app, width, height)
}

fn screen_text_of(terminal: &Terminal<TestBackend>) -> String {
    text_of(terminal.backend().buffer())
}

#[test]
fn snapshot_search_overlay_100x30() {
    let mut app = app(100, 30);
    type_text(&mut app, "/rubio tremendous");
    settle(&mut app);
    keys(&mut app, "<down>");
    insta::assert_snapshot!(screen(&mut app, 100, 30).backend());
}

#[test]
fn typing_moving_and_opening_a_result() {
    let mut app = app(100, 30);
    // `q` and `?` are query text inside the overlay, not quit and help.
    type_text(&mut app, "/q?");
    assert!(!app.should_quit);
    keys(&mut app, "<bs>");
    keys(&mut app, "<bs>");
    type_text(&mut app, "800000 tro");
    settle(&mut app);
    let shown = screen_text_of(&screen(&mut app, 100, 30));
    assert!(shown.contains("800,000 troops"), "{shown}");
    type_text(&mut app, "\u{0}");
    keys(&mut app, "<c-n>");
    keys(&mut app, "<c-p>");
    keys(&mut app, "<enter>");
    assert!(app.layers().is_empty(), "Enter closes the overlay");
    assert_eq!(app.browse.focus, Focus::Reader);
    let (start, end) = app
        .browse
        .reader
        .highlight
        .expect("the sentence is highlighted");
    let article = &app.corpus.articles[app.browse.reader.article];
    assert!(article.body[start..end].contains("800,000 troops"));
    let shown = screen_text_of(&screen(&mut app, 100, 30));
    assert!(
        shown.contains("800,000 troops"),
        "the reader shows the sentence: {shown}"
    );
}

#[test]
fn escape_returns_to_where_you_were() {
    let mut app = app(100, 30);
    type_text(&mut app, "jj\n");
    let before = (
        app.browse.selected,
        app.browse.focus,
        app.browse.reader.article,
    );
    type_text(&mut app, "/guarantees");
    settle(&mut app);
    keys(&mut app, "<down>");
    keys(&mut app, "<esc>");
    assert!(app.layers().is_empty());
    assert_eq!(
        (
            app.browse.selected,
            app.browse.focus,
            app.browse.reader.article
        ),
        before
    );
}

#[test]
fn typing_while_indexing_keeps_the_query_and_runs_it_when_ready() {
    let mut app = app(100, 30);
    // Keys without a poll in between: the index cannot arrive meanwhile.
    for c in "/800000 tro".chars() {
        app.handle_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    assert!(app.busy());
    let area = Rect::new(0, 0, 100, 30);
    app.prepare_layout(area);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    screen::draw(&app, area, &mut buf);
    let waiting: String = buf.content().iter().map(|cell| cell.symbol()).collect();
    assert!(waiting.contains("indexing 5 articles…"), "{waiting}");
    assert!(waiting.contains("/ 800000 tro"), "{waiting}");
    settle(&mut app);
    let shown = screen_text_of(&screen(&mut app, 100, 30));
    assert!(shown.contains("800,000 troops"), "{shown}");
    assert!(!shown.contains("indexing"), "{shown}");
}

#[test]
fn the_index_is_built_once_per_corpus() {
    let mut app = app(100, 30);
    type_text(&mut app, "/x");
    settle(&mut app);
    keys(&mut app, "<esc>");
    // The second overlay has the index at once: nothing to wait for.
    keys(&mut app, "/");
    assert!(!app.busy());
}

/// The query line of the overlay on screen.
fn prompt(shown: &str) -> String {
    shown
        .lines()
        .find_map(|line| line.split_once("│/ ").map(|(_, rest)| rest))
        .unwrap_or_default()
        .trim_end_matches(['│', ' '])
        .to_string()
}

#[test]
fn reopening_shows_the_last_query_and_results_and_typing_replaces_it() {
    let mut app = app(100, 30);
    type_text(&mut app, "/rubio tremendous");
    settle(&mut app);
    keys(&mut app, "<down>");
    keys(&mut app, "<esc>");
    keys(&mut app, "/");
    let shown = screen_text_of(&screen(&mut app, 100, 30));
    assert_eq!(
        prompt(&shown),
        "rubio tremendous  type to replace · → to edit"
    );
    assert!(shown.contains(" 2/"), "the same result selected: {shown}");
    assert!(shown.contains("→ edit query"), "the status hint: {shown}");
    assert!(
        shown.contains("Enter open"),
        "the other hints stay: {shown}"
    );
    // Moving through the results keeps the query selected.
    keys(&mut app, "<up>");
    let shown = screen_text_of(&screen(&mut app, 100, 30));
    assert!(shown.contains(" 1/"), "{shown}");
    assert!(shown.contains("type to replace"), "{shown}");
    // A typed character starts a new query.
    type_text(&mut app, "800000 tro");
    settle(&mut app);
    let shown = screen_text_of(&screen(&mut app, 100, 30));
    assert_eq!(prompt(&shown), "800000 tro▏");
    assert!(shown.contains("800,000 troops"), "{shown}");
    assert!(!shown.contains("→ edit query"), "{shown}");
}

#[test]
fn reopened_query_is_kept_with_right_and_cleared_by_deleting() {
    let mut app = app(100, 30);
    type_text(&mut app, "/800000 tro");
    settle(&mut app);
    // Opening a result closes the overlay too; `/` brings it back.
    keys(&mut app, "<enter>");
    assert!(app.layers().is_empty());
    keys(&mut app, "/");
    keys(&mut app, "<right>");
    type_text(&mut app, "ops");
    assert_eq!(
        prompt(&screen_text_of(&screen(&mut app, 100, 30))),
        "800000 troops▏"
    );
    keys(&mut app, "<esc>");
    for key in ["<bs>", "<c-u>", "<c-w>"] {
        type_text(&mut app, "/");
        type_text(&mut app, "x");
        keys(&mut app, "<esc>");
        keys(&mut app, "/");
        keys(&mut app, key);
        settle(&mut app);
        let shown = screen_text_of(&screen(&mut app, 100, 30));
        assert_eq!(prompt(&shown), "▏", "{key} clears the selected query");
        assert!(shown.contains("Type words to find"), "{shown}");
        assert!(shown.contains("in:quotes"), "the whole tip: {shown}");
        keys(&mut app, "<esc>");
    }
    // An empty query is not selected: typing simply types.
    type_text(&mut app, "/ab");
    assert_eq!(prompt(&screen_text_of(&screen(&mut app, 100, 30))), "ab▏");
}

#[test]
fn snapshot_search_reopened_80x24() {
    let mut app = app(80, 24);
    type_text(&mut app, "/speaker:budanov");
    settle(&mut app);
    keys(&mut app, "<enter>");
    keys(&mut app, "/");
    insta::assert_snapshot!(screen(&mut app, 80, 24).backend());
}

#[test]
fn the_overlay_survives_tiny_screens_and_hostile_input() {
    let mut app = app(100, 30);
    type_text(&mut app, "/\u{1b}[31m' ^ $ ! |");
    settle(&mut app);
    for (width, height) in [(0, 0), (1, 1), (12, 4), (30, 8), (200, 60)] {
        screen(&mut app, width, height);
    }
    let paste: String = "tremendous ".repeat(1_000);
    type_text(&mut app, &paste);
    settle(&mut app);
    screen(&mut app, 80, 24);
}
