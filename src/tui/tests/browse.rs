//! The browse view: the list, the reader, help, warnings, sizes, hostile text.

use super::*;
use crate::tui::browse::Focus;
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

#[test]
fn moving_in_the_list_previews_and_enter_focuses_the_reader() {
    let mut app = sized(100, 30);
    keys(&mut app, "jj");
    assert_eq!(app.browse.selected, 2);
    assert_eq!(app.browse.reader.article, 2);
    assert_eq!(app.browse.focus, Focus::List);
    keys(&mut app, "<enter>");
    assert_eq!(app.browse.focus, Focus::Reader);
    keys(&mut app, "jjj");
    assert_eq!(app.browse.reader.scroll, 3);
    assert_eq!(
        app.browse.selected, 2,
        "j in the reader scrolls, it does not move the list"
    );
    keys(&mut app, "<esc>");
    assert_eq!(app.browse.focus, Focus::List);
}

#[test]
fn list_movement_saturates_at_both_ends() {
    let mut app = sized(100, 30);
    keys(&mut app, "kkk");
    assert_eq!(app.browse.selected, 0);
    keys(&mut app, "G");
    assert_eq!(app.browse.selected, app.corpus.articles.len() - 1);
    keys(&mut app, "jj");
    assert_eq!(app.browse.selected, app.corpus.articles.len() - 1);
    keys(&mut app, "g");
    assert_eq!(app.browse.selected, 0);
}

#[test]
fn reader_scroll_stops_at_the_end_and_pages() {
    let mut app = sized(100, 30);
    keys(&mut app, "<enter>G");
    assert!(app.browse.reader_at_end());
    let end = app.browse.reader.scroll;
    assert!(end > 0, "the first article is longer than one screen");
    keys(&mut app, "jjj<space>");
    assert_eq!(app.browse.reader.scroll, end);
    keys(&mut app, "g");
    assert_eq!(app.browse.reader.scroll, 0);
    keys(&mut app, "<pagedown>");
    app.prepare(app.areas.screen);
    // One page is the pane's inner height less one line of overlap.
    assert_eq!(app.browse.reader.scroll, 26);
}

#[test]
fn tab_switches_focus_and_narrow_screens_show_the_focused_pane() {
    let mut app = sized(50, 20);
    assert!(!app.browse.panes.list.is_empty());
    assert!(app.browse.panes.reader.is_empty());
    keys(&mut app, "<tab>");
    assert_eq!(app.browse.focus, Focus::Reader);
    assert!(app.browse.panes.list.is_empty());
    assert!(!app.browse.panes.reader.is_empty());
    keys(&mut app, "<tab>");
    assert_eq!(app.browse.focus, Focus::List);
}

#[test]
fn help_takes_keys_first_and_closes() {
    let mut app = sized(100, 30);
    keys(&mut app, "?");
    assert_eq!(app.layers().len(), 1);
    keys(&mut app, "jjq");
    assert_eq!(app.layers().len(), 0, "q closes help");
    assert!(!app.should_quit, "q in help must not quit");
    assert_eq!(app.browse.selected, 0, "keys in help do not reach the list");
    keys(&mut app, "?<esc>");
    assert_eq!(app.layers().len(), 0);
    keys(&mut app, "q");
    assert!(app.should_quit);
}

#[test]
fn ctrl_c_quits_even_under_a_layer() {
    let mut app = sized(100, 30);
    keys(&mut app, "?");
    app.handle_key(&KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(app.should_quit);
}

#[test]
fn ctrl_z_asks_the_loop_to_suspend() {
    let mut app = sized(100, 30);
    app.handle_key(&KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert!(app.suspend_requested);
}

#[test]
fn open_at_selects_highlights_and_reveals() {
    let mut app = sized(100, 30);
    let last = app.corpus.articles.len() - 1;
    let sentence = *app.corpus.articles[last]
        .sentences
        .last()
        .expect("the article has sentences");
    keys(&mut app, "?");
    app.dispatch(Action::OpenAt {
        article: last,
        start: sentence.start,
        end: sentence.end,
    });
    app.prepare(app.areas.screen);
    assert_eq!(app.browse.selected, last);
    assert_eq!(app.browse.focus, Focus::Reader);
    assert!(app.layers().is_empty());
    assert_eq!(
        app.browse.reader.highlight,
        Some((sentence.start, sentence.end))
    );
    assert!(
        app.browse.reader.scroll > 0,
        "the last sentence is below the first screen"
    );
    let terminal = draw(&mut app, 100, 30);
    let highlighted = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .filter(|cell| Some(cell.bg) == crate::tui::theme::Theme::dark().highlight.bg)
        .count();
    assert!(highlighted > 10, "the sentence is drawn highlighted");
}

#[test]
fn open_at_ignores_positions_that_do_not_exist() {
    let mut app = sized(100, 30);
    app.dispatch(Action::OpenAt {
        article: 999,
        start: 0,
        end: 5,
    });
    assert_eq!(app.browse.selected, 0);
    app.dispatch(Action::OpenAt {
        article: 1,
        start: usize::MAX - 1,
        end: usize::MAX,
    });
    app.prepare(app.areas.screen);
    draw(&mut app, 100, 30);
    assert_eq!(app.browse.selected, 1);
}

#[test]
fn resizing_keeps_the_reading_position() {
    let mut app = sized(100, 30);
    keys(&mut app, "jjjj<enter>");
    for _ in 0..20 {
        keys(&mut app, "j");
    }
    let layout = app.browse.layout().expect("laid out");
    let top = layout
        .offset_of(app.browse.reader.scroll)
        .expect("a body line");
    app.prepare(Rect::new(0, 0, 120, 30));
    let layout = app.browse.layout().expect("laid out again");
    // The pane less the corroboration marks' gutter, below the measure cap.
    assert_eq!(layout.key.width, 75, "below the measure cap");
    assert_eq!(layout.line_of(top), Some(app.browse.reader.scroll));
}

#[test]
fn mouse_click_selects_and_wheel_scrolls_the_pane_under_it() {
    let mut app = sized(100, 30);
    let list = crate::tui::widgets::inner(app.browse.panes.list);
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: list.x + 3,
        row: list.y + crate::tui::browse::ITEM_HEIGHT * 2 + 1,
        modifiers: KeyModifiers::NONE,
    };
    app.handle_mouse(&click);
    assert_eq!(app.browse.selected, 2);
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: app.browse.panes.reader.x + 5,
        row: app.browse.panes.reader.y + 5,
        modifiers: KeyModifiers::NONE,
    };
    app.handle_mouse(&wheel);
    app.prepare(app.areas.screen);
    assert_eq!(app.browse.reader.scroll, 3);
    assert_eq!(
        app.browse.selected, 2,
        "the wheel over the reader leaves the list alone"
    );
    let wheel_list = MouseEvent {
        column: list.x + 1,
        row: list.y + 1,
        ..wheel
    };
    app.handle_mouse(&wheel_list);
    assert_eq!(app.browse.selected, 3);
}

#[test]
fn boilerplate_toggle_changes_the_layout() {
    let mut app = sized(100, 30);
    keys(&mut app, "x");
    assert!(app.browse.toggles.hide_boilerplate);
    assert!(
        app.browse
            .layout()
            .is_some_and(|l| l.key.toggles.hide_boilerplate)
    );
    keys(&mut app, "x");
    assert!(!app.browse.toggles.hide_boilerplate);
}

#[test]
fn no_size_panics() {
    let mut app = builtin();
    keys(&mut app, "jj<enter>");
    let sizes = [
        (0, 0),
        (1, 1),
        (0, 30),
        (100, 0),
        (29, 7),
        (30, 8),
        (31, 9),
        (59, 12),
        (60, 8),
        (61, 40),
        (300, 100),
        (1000, 3),
    ];
    for (width, height) in sizes {
        for extra in ["", "?", "\x1b\t", "\t"] {
            type_text(&mut app, extra);
            let terminal = draw(&mut app, width, height);
            assert_eq!(terminal.backend().buffer().area.width, width);
        }
        keys(&mut app, "<esc>");
    }
}

#[test]
fn widgets_draw_nothing_into_zero_sized_areas() {
    let mut app = sized(100, 30);
    keys(&mut app, "?");
    for area in [Rect::ZERO, Rect::new(0, 0, 0, 10), Rect::new(0, 0, 10, 0)] {
        let mut buf = Buffer::empty(area);
        screen::draw(&app, area, &mut buf);
        assert!(buf.content().is_empty());
    }
}

#[test]
fn loading_screen_then_ready() {
    let mut app = App::loading("corpus/".to_string(), Settings::default());
    keys(&mut app, "jjG<enter><tab>");
    let terminal = draw(&mut app, 80, 24);
    let text = format!("{}", terminal.backend());
    assert!(text.contains("Reading corpus/"), "{text}");
    app.loaded(open_corpus(&[]).expect("built-in"));
    let terminal = draw(&mut app, 80, 24);
    assert!(format!("{}", terminal.backend()).contains("Articles 1/5"));
}

#[test]
fn stray_control_characters_never_reach_the_screen() {
    let mut app = App::new(hostile_corpus());
    let terminal = draw(&mut app, 80, 24);
    keys(&mut app, "w");
    let with_warnings = draw(&mut app, 80, 24);
    for terminal in [terminal, with_warnings] {
        assert_no_controls(terminal.backend().buffer());
    }
}

#[test]
fn warnings_are_counted_in_the_status_line_and_listed() {
    let mut app = App::new(hostile_corpus());
    let text = format!("{}", draw(&mut app, 80, 24).backend());
    assert!(text.contains("1 warning"), "{text}");
    keys(&mut app, "w");
    let text = format!("{}", draw(&mut app, 80, 24).backend());
    assert!(text.contains("evil.txt: binary file"), "{text}");
}

#[test]
fn snapshot_main_screen_100x30() {
    let mut app = builtin();
    insta::assert_snapshot!(draw(&mut app, 100, 30).backend());
}

#[test]
fn snapshot_main_screen_narrow_60x20() {
    let mut app = builtin();
    keys(&mut app, "j<enter>");
    insta::assert_snapshot!(draw(&mut app, 60, 20).backend());
}

#[test]
fn snapshot_single_pane_reader_40x16() {
    let mut app = builtin();
    keys(&mut app, "jjj<enter>");
    insta::assert_snapshot!(draw(&mut app, 40, 16).backend());
}

#[test]
fn snapshot_help_overlay() {
    let mut app = builtin();
    keys(&mut app, "?");
    insta::assert_snapshot!(draw(&mut app, 100, 30).backend());
}

#[test]
fn snapshot_too_small() {
    let mut app = builtin();
    insta::assert_snapshot!(draw(&mut app, 24, 6).backend());
}

#[test]
fn readme_key_table_is_the_keymap() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let table = crate::tui::keymap::Keymap::default().markdown_table();
    assert!(
        readme.contains(&table),
        "README.md's key table is out of date; replace it with:\n\n{table}"
    );
}
