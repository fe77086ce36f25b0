//! State, key-sequence and whole-screen tests of the reader on the built-in corpus.

use super::action::Action;
use super::app::{App, Focus};
use super::ui;
use crate::analysis::open_corpus;
use crate::model::{Article, Block, BlockKind, Corpus, LoadWarning, Origin};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

fn builtin() -> App {
    App::new(open_corpus(&[]).expect("the built-in corpus loads"))
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Types `keys`, one character per key; `\n` is Enter, `\t` Tab, `\x1b` Esc.
fn type_keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        app.handle_key(&key(code));
        app.prepare(app.areas.screen);
    }
}

fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    app.prepare(Rect::new(0, 0, width, height));
    terminal.draw(|frame| ui::render(app, frame)).expect("draw");
    terminal
}

fn sized(width: u16, height: u16) -> App {
    let mut app = builtin();
    app.prepare(Rect::new(0, 0, width, height));
    app
}

#[test]
fn moving_in_the_list_previews_and_enter_focuses_the_reader() {
    let mut app = sized(100, 30);
    type_keys(&mut app, "jj");
    assert_eq!(app.selected, 2);
    assert_eq!(app.reader.article, 2);
    assert_eq!(app.focus, Focus::List);
    type_keys(&mut app, "\n");
    assert_eq!(app.focus, Focus::Reader);
    type_keys(&mut app, "jjj");
    assert_eq!(app.reader.scroll, 3);
    assert_eq!(
        app.selected, 2,
        "j in the reader scrolls, it does not move the list"
    );
    type_keys(&mut app, "\x1b");
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn list_movement_saturates_at_both_ends() {
    let mut app = sized(100, 30);
    type_keys(&mut app, "kkk");
    assert_eq!(app.selected, 0);
    type_keys(&mut app, "G");
    assert_eq!(app.selected, app.corpus.articles.len() - 1);
    type_keys(&mut app, "jj");
    assert_eq!(app.selected, app.corpus.articles.len() - 1);
    type_keys(&mut app, "g");
    assert_eq!(app.selected, 0);
}

#[test]
fn reader_scroll_stops_at_the_end_and_pages() {
    let mut app = sized(100, 30);
    type_keys(&mut app, "\nG");
    assert!(app.reader_at_end());
    let end = app.reader.scroll;
    assert!(end > 0, "the first article is longer than one screen");
    type_keys(&mut app, "jjj ");
    assert_eq!(app.reader.scroll, end);
    type_keys(&mut app, "g");
    assert_eq!(app.reader.scroll, 0);
    app.handle_key(&key(KeyCode::PageDown));
    app.prepare(app.areas.screen);
    // One page is the pane's inner height less one line of overlap.
    assert_eq!(app.reader.scroll, 26);
}

#[test]
fn tab_switches_focus_and_narrow_screens_show_the_focused_pane() {
    let mut app = sized(50, 20);
    assert!(!app.areas.list.is_empty());
    assert!(app.areas.reader.is_empty());
    type_keys(&mut app, "\t");
    assert_eq!(app.focus, Focus::Reader);
    assert!(app.areas.list.is_empty());
    assert!(!app.areas.reader.is_empty());
    type_keys(&mut app, "\t");
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn help_takes_keys_first_and_closes() {
    let mut app = sized(100, 30);
    type_keys(&mut app, "?");
    assert_eq!(app.layers().len(), 1);
    type_keys(&mut app, "jjq");
    assert_eq!(app.layers().len(), 0, "q closes help");
    assert!(!app.should_quit, "q in help must not quit");
    assert_eq!(app.selected, 0, "keys in help do not reach the list");
    type_keys(&mut app, "?\x1b");
    assert_eq!(app.layers().len(), 0);
    type_keys(&mut app, "q");
    assert!(app.should_quit);
}

#[test]
fn ctrl_c_quits_even_under_a_layer() {
    let mut app = sized(100, 30);
    type_keys(&mut app, "?");
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
    type_keys(&mut app, "?");
    app.dispatch(Action::OpenAt {
        article: last,
        start: sentence.start,
        end: sentence.end,
    });
    app.prepare(app.areas.screen);
    assert_eq!(app.selected, last);
    assert_eq!(app.focus, Focus::Reader);
    assert!(app.layers().is_empty());
    assert_eq!(app.reader.highlight, Some((sentence.start, sentence.end)));
    assert!(
        app.reader.scroll > 0,
        "the last sentence is below the first screen"
    );
    let terminal = draw(&mut app, 100, 30);
    let highlighted = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .filter(|cell| cell.bg == ratatui::style::Color::Yellow)
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
    assert_eq!(app.selected, 0);
    app.dispatch(Action::OpenAt {
        article: 1,
        start: usize::MAX - 1,
        end: usize::MAX,
    });
    app.prepare(app.areas.screen);
    draw(&mut app, 100, 30);
    assert_eq!(app.selected, 1);
}

#[test]
fn resizing_keeps_the_reading_position() {
    let mut app = sized(100, 30);
    type_keys(&mut app, "jjjj\n");
    for _ in 0..20 {
        type_keys(&mut app, "j");
    }
    let layout = app.layout().expect("laid out");
    let top = layout.offset_of(app.reader.scroll).expect("a body line");
    app.prepare(Rect::new(0, 0, 120, 30));
    let layout = app.layout().expect("laid out again");
    assert_eq!(layout.key.width, 82, "below the measure cap");
    assert_eq!(layout.line_of(top), Some(app.reader.scroll));
}

#[test]
fn mouse_click_selects_and_wheel_scrolls_the_pane_under_it() {
    let mut app = sized(100, 30);
    let list = super::app::Areas::inner(app.areas.list);
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: list.x + 3,
        row: list.y + super::app::ITEM_HEIGHT * 2 + 1,
        modifiers: KeyModifiers::NONE,
    };
    app.handle_mouse(&click);
    assert_eq!(app.selected, 2);
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: app.areas.reader.x + 5,
        row: app.areas.reader.y + 5,
        modifiers: KeyModifiers::NONE,
    };
    app.handle_mouse(&wheel);
    app.prepare(app.areas.screen);
    assert_eq!(app.reader.scroll, 3);
    assert_eq!(
        app.selected, 2,
        "the wheel over the reader leaves the list alone"
    );
    let wheel_list = MouseEvent {
        column: list.x + 1,
        row: list.y + 1,
        ..wheel
    };
    app.handle_mouse(&wheel_list);
    assert_eq!(app.selected, 3);
}

#[test]
fn boilerplate_toggle_changes_the_layout() {
    let mut app = sized(100, 30);
    type_keys(&mut app, "b");
    assert!(app.toggles.hide_boilerplate);
    assert!(app.layout().is_some_and(|l| l.key.toggles.hide_boilerplate));
    type_keys(&mut app, "b");
    assert!(!app.toggles.hide_boilerplate);
}

#[test]
fn no_size_panics() {
    let mut app = builtin();
    type_keys(&mut app, "jj\n");
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
            type_keys(&mut app, extra);
            let terminal = draw(&mut app, width, height);
            assert_eq!(terminal.backend().buffer().area.width, width);
        }
        type_keys(&mut app, "\x1b");
    }
}

#[test]
fn widgets_draw_nothing_into_zero_sized_areas() {
    let mut app = sized(100, 30);
    type_keys(&mut app, "?");
    for area in [Rect::ZERO, Rect::new(0, 0, 0, 10), Rect::new(0, 0, 10, 0)] {
        let mut buf = Buffer::empty(area);
        ui::draw(&app, area, &mut buf);
        assert!(buf.content().is_empty());
    }
}

#[test]
fn loading_screen_then_ready() {
    let mut app = App::loading("corpus/");
    type_keys(&mut app, "jjG\n\t");
    let terminal = draw(&mut app, 80, 24);
    let text = format!("{}", terminal.backend());
    assert!(text.contains("Reading corpus/"), "{text}");
    app.loaded(open_corpus(&[]).expect("built-in"));
    let terminal = draw(&mut app, 80, 24);
    assert!(format!("{}", terminal.backend()).contains("Articles 1/5"));
}

fn hostile_corpus() -> Corpus {
    let body = "Head\u{1b}[2J line\nText with \u{7}bell and \u{202e}bidi and\ttab.".to_string();
    let article = Article {
        id: "bad".into(),
        title: "Title \u{1b}]0;pwned\u{7} here".into(),
        source: Some("Out\rlet".into()),
        date: None,
        url: None,
        origin: Origin::Builtin("bad"),
        blocks: vec![
            Block {
                kind: BlockKind::Heading,
                start: 0,
                end: 14,
            },
            Block {
                kind: BlockKind::Paragraph,
                start: 15,
                end: body.len(),
            },
        ],
        body,
        sentences: Vec::new(),
        entities: Vec::new(),
        claims: Vec::new(),
    };
    Corpus {
        articles: vec![article],
        warnings: vec![LoadWarning {
            path: "x/\u{1b}[31mevil.txt".into(),
            reason: "binary file".into(),
        }],
    }
}

#[test]
fn stray_control_characters_never_reach_the_screen() {
    let mut app = App::new(hostile_corpus());
    let terminal = draw(&mut app, 80, 24);
    type_keys(&mut app, "w");
    let with_warnings = draw(&mut app, 80, 24);
    for terminal in [terminal, with_warnings] {
        for cell in terminal.backend().buffer().content() {
            assert!(
                !cell.symbol().chars().any(char::is_control),
                "{:?}",
                cell.symbol()
            );
        }
    }
}

#[test]
fn warnings_are_counted_in_the_status_line_and_listed() {
    let mut app = App::new(hostile_corpus());
    let text = format!("{}", draw(&mut app, 80, 24).backend());
    assert!(text.contains("1 warning"), "{text}");
    type_keys(&mut app, "w");
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
    type_keys(&mut app, "j\n");
    insta::assert_snapshot!(draw(&mut app, 60, 20).backend());
}

#[test]
fn snapshot_single_pane_reader_40x16() {
    let mut app = builtin();
    type_keys(&mut app, "jjj\n");
    insta::assert_snapshot!(draw(&mut app, 40, 16).backend());
}

#[test]
fn snapshot_help_overlay() {
    let mut app = builtin();
    type_keys(&mut app, "?");
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
    let table = super::keymap::markdown_table();
    assert!(
        readme.contains(&table),
        "README.md's key table is out of date; replace it with:\n\n{table}"
    );
}

fn compare_view(width: u16, height: u16) -> App {
    let mut app = sized(width, height);
    type_keys(&mut app, "c");
    app
}

#[test]
fn c_opens_the_compare_view_on_the_default_topic_and_esc_returns() {
    let mut app = compare_view(160, 45);
    assert_eq!(app.view, super::app::View::Compare);
    let compare = app.compare.as_ref().expect("compare state");
    assert_eq!(compare.comparison.topic_id, "security-guarantees");
    assert!(!compare.comparison.rows.is_empty());
    type_keys(&mut app, "\x1b");
    assert_eq!(app.view, super::app::View::Browse);
    assert_eq!(app.focus, Focus::Reader);
}

#[test]
fn compare_jumps_land_on_the_right_rows() {
    let mut app = compare_view(160, 45);
    type_keys(&mut app, "]");
    let compare = app.compare.as_ref().expect("compare state");
    let rows = &compare.comparison.rows;
    let expected = (1..rows.len()).find(|&r| rows[r].cells.len() >= 2 && rows[r].differs());
    assert_eq!(Some(compare.row), expected.or(Some(0)));
    type_keys(&mut app, "}");
    let compare = app.compare.as_ref().expect("compare state");
    let rows = &compare.comparison.rows;
    let solo = rows.iter().position(|r| r.cells.len() == 1);
    if let Some(solo) = solo {
        assert_eq!(rows[compare.row].cells.len(), 1);
        assert!(compare.row >= solo);
        let here = compare.row;
        let previous = (0..here)
            .rev()
            .find(|&r| rows[r].cells.len() == 1)
            .unwrap_or(here);
        type_keys(&mut app, "{");
        assert_eq!(app.compare.as_ref().expect("compare state").row, previous);
    }
    type_keys(&mut app, "G");
    let compare = app.compare.as_ref().expect("compare state");
    assert_eq!(compare.row, compare.comparison.rows.len() - 1);
    type_keys(&mut app, "g");
    assert_eq!(app.compare.as_ref().expect("state").row, 0);
    type_keys(&mut app, "jj");
    assert_eq!(app.compare.as_ref().expect("state").row, 2);
}

#[test]
fn digits_hide_and_show_sources() {
    let mut app = compare_view(160, 45);
    let before = app
        .compare
        .as_ref()
        .expect("state")
        .comparison
        .sources
        .clone();
    assert_eq!(before.len(), app.corpus.articles.len());
    type_keys(&mut app, "2");
    let compare = app.compare.as_ref().expect("state");
    assert!(!compare.comparison.sources.contains(&1));
    assert!(compare.hidden[1]);
    let text = format!("{}", draw(&mut app, 160, 45).backend());
    assert!(text.contains("hidden"), "{text}");
    type_keys(&mut app, "2");
    assert_eq!(
        app.compare.as_ref().expect("state").comparison.sources,
        before
    );
    // Hiding all but one keeps the last source.
    type_keys(&mut app, "12345");
    assert_eq!(app.compare.as_ref().expect("state").visible().len(), 1);
}

#[test]
fn narrow_screens_page_the_source_columns() {
    let mut app = compare_view(80, 24);
    let compare = app.compare.as_ref().expect("state");
    assert_eq!(compare.fit, 2);
    assert_eq!(compare.shown(), vec![0, 1]);
    let text = format!("{}", draw(&mut app, 80, 24).backend());
    assert!(text.contains("sources 1–2 of 5"), "{text}");
    type_keys(&mut app, "L");
    assert_eq!(app.compare.as_ref().expect("state").shown(), vec![2, 3]);
    type_keys(&mut app, ">");
    assert_eq!(app.compare.as_ref().expect("state").shown(), vec![3, 4]);
    type_keys(&mut app, "H");
    assert_eq!(app.compare.as_ref().expect("state").shown(), vec![1, 2]);
    type_keys(&mut app, "hhh");
    let compare = app.compare.as_ref().expect("state");
    assert_eq!((compare.column, compare.shown()), (0, vec![0, 1]));
    type_keys(&mut app, "lll");
    let compare = app.compare.as_ref().expect("state");
    assert_eq!((compare.column, compare.shown()), (3, vec![2, 3]));
}

#[test]
fn enter_on_a_cell_opens_its_sentence_in_the_reader() {
    let mut app = compare_view(160, 45);
    let target = app
        .compare
        .as_ref()
        .expect("state")
        .selected_target(&app.corpus)
        .expect("a cell");
    type_keys(&mut app, "\n");
    assert_eq!(app.view, super::app::View::Browse);
    assert_eq!(app.reader.article, target.0);
    assert_eq!(app.reader.highlight, Some((target.1, target.2)));
}

#[test]
fn topic_picker_filters_and_chooses() {
    let mut app = compare_view(160, 45);
    type_keys(&mut app, "t");
    assert_eq!(app.layers().len(), 1);
    let text = format!("{}", draw(&mut app, 160, 45).backend());
    assert!(text.contains("territory"), "{text}");
    type_keys(&mut app, "territ\n");
    assert!(app.layers().is_empty());
    let compare = app.compare.as_ref().expect("state");
    assert_eq!(compare.comparison.topic_id, "territory");
    assert_eq!(compare.row, 0);
}

#[test]
fn compare_view_survives_every_small_size() {
    let mut app = compare_view(160, 45);
    type_keys(&mut app, "jj");
    for (w, h) in [
        (0, 0),
        (1, 1),
        (10, 3),
        (30, 8),
        (31, 9),
        (40, 10),
        (57, 12),
        (200, 60),
    ] {
        draw(&mut app, w, h);
        type_keys(&mut app, "j]}L");
        draw(&mut app, w, h);
    }
    type_keys(&mut app, "t");
    for (w, h) in [(0, 0), (30, 8), (12, 5)] {
        draw(&mut app, w, h);
    }
}

#[test]
fn snapshot_compare_160x45() {
    let mut app = compare_view(160, 45);
    insta::assert_snapshot!(draw(&mut app, 160, 45).backend());
}

#[test]
fn snapshot_compare_80x24() {
    let mut app = compare_view(80, 24);
    type_keys(&mut app, "]");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn snapshot_topic_picker() {
    let mut app = compare_view(100, 30);
    type_keys(&mut app, "t");
    insta::assert_snapshot!(draw(&mut app, 100, 30).backend());
}
