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

/// The app drawn on a test terminal of that size; shared by the TUI's tests.
pub(crate) fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
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

/// Waits for the workers (compare, picker counts, search) as the event loop
/// does: a frame at a time while the app says it is busy.
fn settle(app: &mut App) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while app.busy() {
        assert!(
            std::time::Instant::now() < deadline,
            "the workers did not finish"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        app.prepare(app.areas.screen);
    }
}

fn compare_view(width: u16, height: u16) -> App {
    let mut app = sized(width, height);
    type_keys(&mut app, "c");
    settle(&mut app);
    app
}

fn compare(app: &App) -> &super::compare::CompareState {
    app.compare.as_ref().expect("compare state")
}

fn comparison(app: &App) -> &crate::compare::Comparison {
    compare(app).comparison().expect("the comparison arrived")
}

fn screen_text(app: &mut App, width: u16, height: u16) -> String {
    format!("{}", draw(app, width, height).backend())
}

#[test]
fn c_opens_the_compare_view_on_the_default_topic_and_esc_returns() {
    let mut app = compare_view(160, 45);
    assert_eq!(app.view, super::app::View::Compare);
    assert_eq!(comparison(&app).topic_id, "security-guarantees");
    assert!(!comparison(&app).rows.is_empty());
    type_keys(&mut app, "\x1b");
    assert_eq!(app.view, super::app::View::Browse);
    assert_eq!(app.focus, Focus::Reader);
    // `c` toggles, like `p` and `?` do.
    type_keys(&mut app, "c");
    assert_eq!(app.view, super::app::View::Compare);
    type_keys(&mut app, "c");
    assert_eq!(app.view, super::app::View::Browse);
}

/// Keys are applied without a prepare, so the worker's result cannot be
/// taken in between and the "comparing" state is there to look at.
fn press_only(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = if c == '\x1b' {
            KeyCode::Esc
        } else {
            KeyCode::Char(c)
        };
        app.handle_key(&key(code));
    }
}

/// Draws without taking worker results (layout only, as prepare does after polling).
fn draw_unpolled(app: &mut App, width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width, height);
    app.prepare_layout(area);
    let mut buf = Buffer::empty(area);
    ui::draw(app, area, &mut buf);
    buf.content()
        .chunks(usize::from(width).max(1))
        .map(|row| row.iter().map(|cell| cell.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_compare_view_says_it_is_comparing_and_keys_keep_working() {
    let mut app = sized(80, 24);
    press_only(&mut app, "c");
    assert!(compare(&app).computing());
    assert!(app.busy(), "the loop keeps drawing while comparing");
    let text = draw_unpolled(&mut app, 80, 24);
    assert!(text.contains("Compare: Security guarantees"), "{text}");
    assert!(
        text.contains("Comparing “Security guarantees” across 5 sources…"),
        "{text}"
    );
    assert!(text.contains("comparing…"), "{text}");
    for (width, height) in [(0, 0), (10, 3), (30, 8), (40, 10)] {
        draw_unpolled(&mut app, width, height);
    }
    // Moving, jumping and hiding do nothing harmful before the rows arrive.
    press_only(&mut app, "jG]}lL2");
    assert!(compare(&app).hidden[1]);
    press_only(&mut app, "\x1b");
    assert_eq!(app.view, super::app::View::Browse);
    press_only(&mut app, "c");
    settle(&mut app);
    assert!(!compare(&app).computing());
    assert!(compare(&app).hidden[1], "hiding survives the wait");
    assert!(!app.busy());
}

#[test]
fn q_quits_nothing_while_comparing_it_goes_back() {
    let mut app = sized(80, 24);
    press_only(&mut app, "cq");
    assert_eq!(app.view, super::app::View::Browse);
    assert!(!app.should_quit);
}

#[test]
fn only_the_newest_topic_is_shown() {
    let mut app = compare_view(120, 40);
    let ids: Vec<String> = compare(&app)
        .topics()
        .topics
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let territory = ids.iter().position(|id| id == "territory").expect("topic");
    let fighting = ids.iter().position(|id| id == "fighting").expect("topic");
    app.dispatch(super::action::Action::SetTopic { topic: territory });
    assert!(compare(&app).computing(), "the old rows are not shown");
    app.dispatch(super::action::Action::SetTopic { topic: fighting });
    settle(&mut app);
    assert_eq!(comparison(&app).topic_id, "fighting");
    // Later polls bring nothing else in.
    std::thread::sleep(std::time::Duration::from_millis(50));
    app.prepare(app.areas.screen);
    assert_eq!(comparison(&app).topic_id, "fighting");
    assert_eq!(compare(&app).topic, fighting);
    // Choosing the topic on screen again keeps its rows and selection.
    type_keys(&mut app, "G");
    let row = compare(&app).row;
    app.dispatch(super::action::Action::SetTopic { topic: fighting });
    assert!(!compare(&app).computing());
    assert_eq!(compare(&app).row, row);
}

#[test]
fn compare_jumps_land_on_the_right_rows() {
    let mut app = compare_view(160, 45);
    type_keys(&mut app, "]");
    let rows = compare(&app).shown_rows();
    let expected = (1..rows.len()).find(|&r| rows[r].cells.len() >= 2 && rows[r].differs());
    assert_eq!(Some(compare(&app).row), expected.or(Some(0)));
    type_keys(&mut app, "}");
    let rows = compare(&app).shown_rows();
    let solo = rows.iter().position(|r| r.cells.len() == 1);
    if let Some(solo) = solo {
        let here = compare(&app).row;
        assert_eq!(rows[here].cells.len(), 1);
        assert!(here >= solo);
        let previous = (0..here)
            .rev()
            .find(|&r| rows[r].cells.len() == 1)
            .unwrap_or(here);
        type_keys(&mut app, "{");
        assert_eq!(compare(&app).row, previous);
    }
    type_keys(&mut app, "G");
    assert_eq!(compare(&app).row, compare(&app).shown_rows().len() - 1);
    type_keys(&mut app, "g");
    assert_eq!(compare(&app).row, 0);
    type_keys(&mut app, "jj");
    assert_eq!(compare(&app).row, 2);
}

#[test]
fn a_jump_with_no_row_to_land_on_says_so_until_the_next_key() {
    let mut app = compare_view(160, 45);
    type_keys(&mut app, "G");
    let last = compare(&app).row;
    type_keys(&mut app, "}");
    assert_eq!(compare(&app).row, last, "the selection stays");
    assert_eq!(compare(&app).notice, Some("no one-source row below"));
    assert!(screen_text(&mut app, 160, 45).contains("no one-source row below · row"));
    type_keys(&mut app, "g");
    assert_eq!(compare(&app).notice, None);
    type_keys(&mut app, "[");
    assert_eq!(compare(&app).notice, Some("no differing row above"));
}

/// Row labels as drawn, top to bottom, read off a tall screen.
fn row_labels(app: &mut App) -> Vec<String> {
    let text = screen_text(app, 200, 400);
    text.lines()
        .filter_map(|line| {
            let line = line.trim_start_matches(['"', '│']);
            let rest = line
                .strip_prefix("━━ ")
                .or_else(|| line.strip_prefix("── "))?;
            let end = rest.find(" ━").or_else(|| rest.find(" ─"))?;
            Some(rest[..end].to_string())
        })
        .collect()
}

/// The coverage header's lines joined (they end at the legend line).
fn coverage_header(text: &str) -> String {
    text.lines()
        .skip(1)
        .take_while(|line| !line.contains("differs number entity"))
        .collect()
}

#[test]
fn hiding_a_source_keeps_row_counts_and_drops_rows_only_it_carries() {
    let mut app = compare_view(200, 400);
    let all_rows = comparison(&app).rows.clone();
    let total = comparison(&app).sources.len();
    assert_eq!(total, 5);
    let labels = row_labels(&mut app);
    assert_eq!(labels.len(), all_rows.len(), "{labels:?}");
    // Hide the source with the most rows to itself, if any has one.
    let hidden = (0..total)
        .max_by_key(|&a| {
            all_rows
                .iter()
                .filter(|r| r.cells.len() == 1 && r.cells[0].article == a)
                .count()
        })
        .expect("sources");
    type_keys(&mut app, &(hidden + 1).to_string());
    let state = compare(&app);
    assert!(state.hidden[hidden]);
    assert_eq!(
        comparison(&app).sources.len(),
        total,
        "the comparison still covers every source"
    );
    assert!(!state.columns().contains(&hidden));
    let expected: Vec<&crate::compare::Row> = all_rows
        .iter()
        .filter(|r| r.cells.iter().any(|c| c.article != hidden))
        .collect();
    assert_eq!(state.shown_rows(), expected);
    let labels = row_labels(&mut app);
    assert_eq!(labels.len(), expected.len());
    for (label, row) in labels.iter().zip(&expected) {
        let carried = row.cells.iter().any(|c| c.article == hidden);
        let numbers: Vec<String> = row
            .cells
            .iter()
            .filter(|c| c.article != hidden)
            .map(|c| (c.article + 1).to_string())
            .collect();
        let numbers = numbers.join(" ");
        let n = row.cells.len();
        let want = match (n, carried) {
            (1, _) => format!(
                "only {} {}",
                row.cells[0].article + 1,
                app.corpus.articles[row.cells[0].article].source_or_id()
            ),
            (n, false) if n == total => format!("{n} of {total}"),
            (n, true) if n == total => format!("{n} of {total} · 1 hidden"),
            (n, false) => format!("{n} of {total} · {numbers}"),
            (n, true) => format!("{n} of {total} · {numbers} · 1 hidden"),
        };
        assert_eq!(label, &want);
    }
    let text = screen_text(&mut app, 200, 60);
    let name = app.corpus.articles[hidden].source_or_id().to_string();
    let header = coverage_header(&text);
    let item = format!("{} {name} ", hidden + 1);
    let at = header.find(&item).expect("the hidden source is listed");
    assert!(header[at..].contains("hidden"), "{header}");
    // Jumps only stop on rows that are shown.
    for keys in ["]]]]", "[[", "}}}}", "{{"] {
        type_keys(&mut app, keys);
        let row = compare(&app).selected_row().expect("a row");
        assert!(row.cells.iter().any(|c| c.article != hidden));
    }
    type_keys(&mut app, &(hidden + 1).to_string());
    assert_eq!(compare(&app).shown_rows().len(), all_rows.len());
    // Hiding all but one keeps the last source.
    type_keys(&mut app, "12345");
    assert_eq!(compare(&app).visible().len(), 1);
}

#[test]
fn hiding_a_source_keeps_the_selected_row_when_it_stays() {
    let mut app = compare_view(160, 45);
    type_keys(&mut app, "jjj");
    let before = compare(&app).selected_row().cloned().expect("a row");
    let other = (0..5)
        .find(|&a| before.cells.iter().any(|c| c.article != a))
        .expect("a source to hide");
    let keep = before.cells.iter().any(|c| c.article != other);
    type_keys(&mut app, &(other + 1).to_string());
    if keep {
        assert_eq!(compare(&app).selected_row(), Some(&before));
    }
}

#[test]
fn narrow_screens_page_the_source_columns() {
    let mut app = compare_view(80, 24);
    assert_eq!(compare(&app).fit, 2);
    assert_eq!(compare(&app).shown(), vec![0, 1]);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("sources 1–2 of 5"), "{text}");
    type_keys(&mut app, "L");
    assert_eq!(compare(&app).shown(), vec![2, 3]);
    type_keys(&mut app, ">");
    assert_eq!(compare(&app).shown(), vec![3, 4]);
    type_keys(&mut app, "H");
    assert_eq!(compare(&app).shown(), vec![1, 2]);
    type_keys(&mut app, "hhh");
    assert_eq!(
        (compare(&app).column, compare(&app).shown()),
        (0, vec![0, 1])
    );
    type_keys(&mut app, "lll");
    assert_eq!(
        (compare(&app).column, compare(&app).shown()),
        (3, vec![2, 3])
    );
}

#[test]
fn moving_to_a_row_pages_the_columns_to_one_of_its_cells() {
    let mut app = compare_view(80, 24);
    let rows = compare(&app).shown_rows().len();
    for _ in 0..rows {
        let state = compare(&app);
        let row = state.selected_row().expect("a row");
        let shown = state.shown();
        assert!(
            row.cells.iter().any(|c| shown.contains(&c.article)),
            "row {} has nothing in columns {shown:?}",
            state.row
        );
        type_keys(&mut app, "j");
    }
    // Paging by hand is left alone, even onto columns without the row.
    type_keys(&mut app, "gLLL");
    assert_eq!(compare(&app).shown(), vec![3, 4]);
    // Hiding sources keeps the selected row's cells in view.
    for source in ["4", "5"] {
        type_keys(&mut app, source);
        let state = compare(&app);
        let row = state.selected_row().expect("a row");
        let shown = state.shown();
        assert!(row.cells.iter().any(|c| shown.contains(&c.article)));
    }
}

#[test]
fn enter_on_a_cell_opens_its_sentence_in_the_reader() {
    let mut app = compare_view(160, 45);
    let target = compare(&app).selected_target().expect("a cell");
    type_keys(&mut app, "\n");
    assert_eq!(app.view, super::app::View::Browse);
    assert_eq!(app.reader.article, target.0);
    assert_eq!(app.reader.highlight, Some((target.1, target.2)));
}

#[test]
fn back_from_an_article_opened_in_the_compare_view_returns_to_the_row() {
    let mut app = compare_view(160, 45);
    type_keys(&mut app, "]l");
    let row = compare(&app).row;
    assert!(row > 0, "] moved to a later row");
    let target = compare(&app).selected_target().expect("a cell");
    type_keys(&mut app, "\n");
    assert_eq!(app.view, super::app::View::Browse);
    // Reading on in the same article keeps the way back.
    type_keys(&mut app, "jjn");
    assert_eq!(app.reader.article, target.0);
    type_keys(&mut app, "\x1b");
    assert_eq!(app.view, super::app::View::Compare);
    assert_eq!(compare(&app).row, row, "the same row");
    // Out of the compare view, back goes to the list as usual.
    type_keys(&mut app, "\x1b\x1b");
    assert_eq!(app.view, super::app::View::Browse);
    assert_eq!(app.focus, Focus::List);
    // Once the list is used, back is the list again.
    type_keys(&mut app, "c\n");
    assert_eq!(app.view, super::app::View::Browse);
    type_keys(&mut app, "\tjl");
    assert_eq!(app.focus, Focus::Reader);
    type_keys(&mut app, "\x1b");
    assert_eq!(app.view, super::app::View::Browse);
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn topic_picker_filters_and_chooses() {
    let mut app = compare_view(160, 45);
    type_keys(&mut app, "t");
    assert_eq!(app.layers().len(), 1);
    settle(&mut app);
    let text = screen_text(&mut app, 160, 45);
    assert!(text.contains("territory"), "{text}");
    assert!(text.contains("sentences per source"), "{text}");
    type_keys(&mut app, "territ\n");
    assert!(app.layers().is_empty());
    settle(&mut app);
    assert_eq!(comparison(&app).topic_id, "territory");
    assert_eq!(compare(&app).row, 0);
}

#[test]
fn the_picker_lists_topics_before_its_counts_arrive() {
    let mut app = sized(100, 30);
    press_only(&mut app, "t");
    let text = draw_unpolled(&mut app, 100, 30);
    assert!(text.contains("Territory (territory)"), "{text}");
    assert!(text.contains("counting sentences per source…"), "{text}");
    assert!(app.busy());
    // Typing works meanwhile; the counts fill in later.
    press_only(&mut app, "terr");
    settle(&mut app);
    let text = screen_text(&mut app, 100, 30);
    assert!(text.contains("› terr"), "{text}");
    assert!(text.contains("sentences per source"), "{text}");
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
fn the_coverage_header_shows_whole_names_when_there_is_room() {
    let mut app = compare_view(200, 60);
    let text = screen_text(&mut app, 200, 60);
    let header = coverage_header(&text);
    for (index, article) in app.corpus.articles.iter().enumerate() {
        let item = format!("{} {}", index + 1, article.source_or_id());
        assert!(header.contains(&item), "{item} in {header}");
    }
    assert!(!header.contains('…'), "{header}");
}

#[test]
fn the_coverage_header_shortens_names_only_when_it_must() {
    let mut app = compare_view(80, 24);
    let text = screen_text(&mut app, 80, 24);
    let header_lines = text
        .lines()
        .skip(1)
        .take_while(|line| !line.contains("differs number entity"))
        .count();
    assert!(header_lines <= 4, "{text}");
    for (index, article) in app.corpus.articles.iter().enumerate() {
        let name = article.source_or_id();
        let short: String = name.chars().take(10).collect();
        assert!(
            text.contains(&format!("{} {short}", index + 1)),
            "{short} in {text}"
        );
    }
}

#[test]
fn snapshot_compare_160x45() {
    let mut app = compare_view(160, 45);
    insta::assert_snapshot!(draw(&mut app, 160, 45).backend());
}

#[test]
fn snapshot_compare_200x60() {
    let mut app = compare_view(200, 60);
    insta::assert_snapshot!(draw(&mut app, 200, 60).backend());
}

#[test]
fn snapshot_compare_80x24() {
    let mut app = compare_view(80, 24);
    type_keys(&mut app, "]");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn snapshot_compare_80x24_with_a_source_hidden() {
    let mut app = compare_view(80, 24);
    type_keys(&mut app, "2");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn snapshot_compare_comparing_80x24() {
    let mut app = sized(80, 24);
    press_only(&mut app, "c");
    insta::assert_snapshot!(draw_unpolled(&mut app, 80, 24));
}

#[test]
fn snapshot_topic_picker() {
    let mut app = compare_view(100, 30);
    type_keys(&mut app, "t");
    settle(&mut app);
    insta::assert_snapshot!(draw(&mut app, 100, 30).backend());
}

#[test]
fn snapshot_topic_picker_200x60() {
    let mut app = compare_view(200, 60);
    type_keys(&mut app, "t");
    settle(&mut app);
    insta::assert_snapshot!(draw(&mut app, 200, 60).backend());
}

#[test]
fn snapshot_topic_picker_80x24() {
    let mut app = compare_view(80, 24);
    type_keys(&mut app, "t");
    settle(&mut app);
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn the_picker_names_every_source_and_grows_on_wide_screens() {
    let mut app = compare_view(200, 60);
    type_keys(&mut app, "t");
    settle(&mut app);
    let names: Vec<String> = app
        .corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, article)| format!("{} {}", i + 1, article.source_or_id()))
        .collect();
    let mut widths = Vec::new();
    for (width, height) in [(200, 60), (120, 40), (80, 24)] {
        let text = screen_text(&mut app, width, height);
        for name in &names {
            assert!(
                text.contains(name.as_str()),
                "{name} at {width}x{height}:\n{text}"
            );
        }
        let top = text
            .lines()
            .find(|line| line.contains("╭ Topic"))
            .expect("the picker's top border");
        let corners = top.find('╭').zip(top.rfind('╮')).expect("both corners");
        let box_width = top[corners.0..corners.1].chars().count() + 1;
        assert!(box_width <= usize::from(width), "{width}: {top}");
        widths.push(box_width);
        // Every topic and its counts.
        for topic in ["Territory (territory)", "EU accession (eu-accession)"] {
            assert!(text.contains(topic), "{topic} at {width}x{height}:\n{text}");
        }
    }
    assert!(
        widths[0] > 90,
        "wider than the old cap on a wide screen: {widths:?}"
    );
    assert!(
        widths[0] >= widths[1] && widths[1] >= widths[2],
        "{widths:?}"
    );
}

/// The status bar (the last screen line).
fn status_line(app: &mut App, width: u16, height: u16) -> String {
    let text = screen_text(app, width, height);
    text.lines().last().unwrap_or_default().to_string()
}

#[test]
fn text_layers_hint_only_keys_that_work_there() {
    let mut app = compare_view(120, 40);
    let compare_status = status_line(&mut app, 120, 40);
    assert!(compare_status.contains("Esc back"), "{compare_status}");
    type_keys(&mut app, "t");
    settle(&mut app);
    let picker_status = status_line(&mut app, 120, 40);
    assert!(picker_status.contains("Enter choose"), "{picker_status}");
    assert!(picker_status.contains("Ctrl-c quit"), "{picker_status}");
    for lie in [
        "q quit",
        "? help",
        "/ search",
        "Tab",
        "t topic",
        "c compare",
    ] {
        assert!(!picker_status.contains(lie), "{lie}: {picker_status}");
    }
    // What the hints leave out is indeed typed.
    type_keys(&mut app, "q?/");
    assert!(!app.should_quit);
    assert_eq!(app.layers().len(), 1);
    assert!(screen_text(&mut app, 120, 40).contains("› q?/"));
    type_keys(&mut app, " terr");
    app.handle_key(&KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL));
    assert!(screen_text(&mut app, 120, 40).contains("› q?/ ▏"));
    app.handle_key(&key(KeyCode::Backspace));
    app.handle_key(&KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    assert!(screen_text(&mut app, 120, 40).contains("› ▏"));
    app.handle_key(&KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(app.should_quit, "Ctrl-c quits from the picker as hinted");

    let mut app = sized(120, 40);
    type_keys(&mut app, "/");
    let search_status = status_line(&mut app, 120, 40);
    assert!(search_status.contains("Esc close"), "{search_status}");
    assert!(search_status.contains("Ctrl-c quit"), "{search_status}");
    assert!(!search_status.contains("q quit"), "{search_status}");
}

#[test]
fn tab_moves_between_sources_in_the_compare_view() {
    let mut app = compare_view(80, 24);
    type_keys(&mut app, "\t\t");
    assert_eq!(compare(&app).column, 2);
    app.handle_key(&key(KeyCode::BackTab));
    assert_eq!(compare(&app).column, 1);
    let status = status_line(&mut app, 200, 40);
    assert!(!status.contains("switch pane"), "{status}");
}

/// The built-in articles, each `copies` times, then `silent` empty articles.
fn big_corpus(copies: usize, silent: usize) -> Corpus {
    let builtin = open_corpus(&[]).expect("built-in");
    let mut articles: Vec<Article> = (0..copies)
        .flat_map(|_| builtin.articles.iter().cloned())
        .collect();
    let mut empty = hostile_corpus().articles.remove(0);
    empty.body = String::new();
    empty.blocks.clear();
    empty.source = Some("Quiet Wire".into());
    articles.extend(std::iter::repeat_n(empty, silent));
    Corpus {
        articles,
        warnings: Vec::new(),
    }
}

#[test]
fn a_big_corpus_folds_silent_sources_and_counts_the_rest() {
    let mut app = App::new(big_corpus(1, 400));
    app.prepare(Rect::new(0, 0, 120, 40));
    type_keys(&mut app, "c");
    settle(&mut app);
    let text = screen_text(&mut app, 120, 40);
    let header = coverage_header(&text);
    assert!(header.contains("400 silent"), "{header}");
    assert!(!header.contains("Quiet Wire"), "{header}");
    assert!(!header.contains("more"), "{header}");
    assert_eq!(compare(&app).columns(), &[0, 1, 2, 3, 4]);

    let mut app = App::new(big_corpus(12, 0));
    app.prepare(Rect::new(0, 0, 80, 24));
    type_keys(&mut app, "c");
    settle(&mut app);
    let text = screen_text(&mut app, 80, 24);
    let header_lines = text
        .lines()
        .skip(1)
        .take_while(|line| !line.contains("differs number entity"))
        .collect::<Vec<_>>();
    assert!(header_lines.len() <= 3, "{text}");
    let last = header_lines.last().expect("a header");
    assert!(
        last.contains("more ‹s›"),
        "the chooser lists the rest: {last}"
    );
    let more: usize = last
        .split('+')
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("+N more");
    let listed = header_lines
        .iter()
        .map(|line| line.matches(" sentence").count())
        .sum::<usize>();
    assert_eq!(listed + more, 60, "{text}");
    // A hidden source is named first when not all can be.
    type_keys(&mut app, "9");
    let text = screen_text(&mut app, 80, 24);
    let first = text.lines().nth(1).expect("the header");
    assert!(
        first.contains("Coverage 9 ") && first.contains("hidden"),
        "{text}"
    );
}

#[test]
fn help_wraps_long_lines_instead_of_cutting_them() {
    let mut app = sized(60, 20);
    type_keys(&mut app, "?");
    let mut seen = String::new();
    for _ in 0..200 {
        let text = screen_text(&mut app, 60, 20);
        seen.push_str(&text);
        if !text.contains("more ↓") {
            break;
        }
        type_keys(&mut app, "j");
    }
    for mode in super::keymap::Mode::HELP_ORDER {
        for binding in super::keymap::bindings(mode) {
            let last = binding.help.split_whitespace().last().expect("words");
            assert!(seen.contains(last), "{last:?} of {:?}", binding.help);
        }
    }
}

#[test]
fn the_end_of_the_help_is_reachable() {
    let mut app = sized(100, 30);
    type_keys(&mut app, "?G");
    let text = screen_text(&mut app, 100, 30);
    let last = super::keymap::bindings(super::keymap::Mode::Panel)
        .last()
        .expect("a binding")
        .help;
    assert!(text.contains(last), "{text}");
    assert!(!text.contains("more ↓"), "{text}");
}

/// `count` small invented articles from five invented outlets: most say
/// something on security guarantees (every third a sentence more), every
/// fourth is about the weather and silent on the topic.
fn many_sources(count: usize) -> Corpus {
    use crate::analysis::analyze_document;
    use crate::load::{Document, Format};
    let outlets = [
        "Harbour Times",
        "Valley Courier",
        "Coastal Wire",
        "Metro Ledger",
        "Plains Herald",
    ];
    let articles = (0..count)
        .map(|i| {
            let outlet = outlets[i % outlets.len()];
            let mut body = if i % 4 == 3 {
                format!(
                    "Weather on day {i}\n\nRain is expected across the valley on day {i}. \
                     Farmers welcomed the forecast after a dry month."
                )
            } else {
                format!(
                    "Talks on day {i}\n\nNegotiators discussed a security guarantee for the \
                     country, officials said on day {i}. The proposed security arrangement \
                     would include {} peacekeepers and air defense support.",
                    1000 + i * 100
                )
            };
            if i % 3 == 0 && i % 4 != 3 {
                body.push_str(" Critics said the pact lacked enforceable commitments.");
            }
            analyze_document(Document {
                id: format!("story-{:02}", i + 1),
                title: Some(format!("Story {} of the {outlet}", i + 1)),
                source: Some(outlet.to_string()),
                date: None,
                url: None,
                origin: Origin::Builtin("synthetic"),
                body,
                format: Format::Text,
                markup_blocks: None,
            })
        })
        .collect();
    Corpus {
        articles,
        warnings: Vec::new(),
    }
}

fn ctrl(app: &mut App, c: char) {
    app.handle_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    app.prepare(app.areas.screen);
}

/// The compare view of [`many_sources`] with the source chooser open.
fn chooser(count: usize, width: u16, height: u16) -> App {
    let mut app = App::new(many_sources(count));
    app.prepare(Rect::new(0, 0, width, height));
    type_keys(&mut app, "c");
    settle(&mut app);
    type_keys(&mut app, "s");
    settle(&mut app);
    app
}

/// The chooser's rows as drawn: (number, shown, the rest of the line).
fn chooser_rows(text: &str) -> Vec<(usize, bool, String)> {
    text.lines()
        .filter_map(|line| {
            let at = line.find("[x]").or_else(|| line.find("[ ]"))?;
            let shown = line[at..].starts_with("[x]");
            let rest = line[at + 3..].trim_start();
            let (number, rest) = rest.split_once(' ')?;
            Some((number.parse().ok()?, shown, rest.to_string()))
        })
        .collect()
}

#[test]
fn the_source_chooser_lists_every_source_most_sentences_first() {
    let mut app = chooser(30, 120, 60);
    let coverage = comparison(&app).coverage();
    assert_eq!(coverage.len(), 30);
    assert!(coverage.iter().filter(|&&n| n == 0).count() >= 7);
    let text = screen_text(&mut app, 120, 60);
    assert!(text.contains(" Sources "), "{text}");
    assert!(text.contains("30 of 30 shown"), "{text}");
    let rows = chooser_rows(&text);
    assert_eq!(rows.len(), 30, "{text}");
    let numbers: Vec<usize> = rows.iter().map(|(n, _, _)| *n).collect();
    let mut expected: Vec<usize> = (1..=30).collect();
    expected.sort_by_key(|&n| (std::cmp::Reverse(coverage[n - 1]), n));
    assert_eq!(numbers, expected, "{text}");
    for (number, shown, rest) in &rows {
        assert!(shown);
        let name = app.corpus.articles[number - 1].source_or_id();
        assert!(rest.starts_with(name), "{rest}");
        let amount = match coverage[number - 1] {
            0 => "silent".to_string(),
            1 => "1 sentence ".to_string(),
            n => format!("{n} sentences"),
        };
        assert!(rest.contains(&amount), "{amount} in {rest}");
        assert!(rest.contains("shown"), "{rest}");
    }
    // The compare view beneath is untouched until something is toggled.
    assert!(compare(&app).hidden.iter().all(|&h| !h));
}

#[test]
fn the_source_chooser_filters_toggles_and_shows_only_or_all() {
    let mut app = chooser(30, 120, 40);
    type_keys(&mut app, "27");
    let text = screen_text(&mut app, 120, 40);
    let rows = chooser_rows(&text);
    assert_eq!(rows.first().map(|r| r.0), Some(27), "{text}");
    assert!(rows.len() < 30, "the query narrows the list: {text}");
    // Space toggles the highlighted source, not the digits typed.
    type_keys(&mut app, " ");
    assert!(compare(&app).hidden[26]);
    assert_eq!(compare(&app).visible().len(), 29);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("29 of 30 shown"), "{text}");
    let (_, shown, rest) = chooser_rows(&text).remove(0);
    assert!(!shown && rest.contains("hidden"), "{rest}");
    type_keys(&mut app, " ");
    assert!(!compare(&app).hidden[26]);
    // Ctrl-o: only the highlighted one; Space then adds another back.
    ctrl(&mut app, 'o');
    assert_eq!(compare(&app).visible(), vec![26]);
    assert_eq!(compare(&app).columns(), &[26]);
    // The last shown source cannot be hidden.
    type_keys(&mut app, " ");
    assert_eq!(compare(&app).visible(), vec![26]);
    ctrl(&mut app, 'u');
    type_keys(&mut app, "Coastal");
    let text = screen_text(&mut app, 120, 40);
    let rows = chooser_rows(&text);
    assert!(!rows.is_empty());
    for (number, _, rest) in &rows {
        assert!(rest.starts_with("Coastal Wire"), "{number} {rest}");
    }
    let first = rows[0].0;
    app.handle_key(&key(KeyCode::Down));
    app.handle_key(&key(KeyCode::Up));
    type_keys(&mut app, " ");
    assert_eq!(compare(&app).visible(), {
        let mut v = vec![first - 1, 26];
        v.sort_unstable();
        v.dedup();
        v
    });
    ctrl(&mut app, 'a');
    assert_eq!(compare(&app).visible().len(), 30);
    // Enter and Esc both go back to the view.
    type_keys(&mut app, "\n");
    assert!(app.layers().is_empty());
    assert_eq!(app.view, super::app::View::Compare);
    type_keys(&mut app, "s\x1b");
    assert!(app.layers().is_empty());
    assert_eq!(app.view, super::app::View::Compare);
}

#[test]
fn the_chooser_and_the_digit_keys_hide_the_same_sources() {
    let mut app = chooser(30, 200, 400);
    type_keys(&mut app, "\x1b");
    let all_rows = comparison(&app).rows.clone();
    // Hide source 1 (it carries a sentence the others do not) in the chooser.
    type_keys(&mut app, "s");
    type_keys(&mut app, "story 1 of");
    let text = screen_text(&mut app, 200, 60);
    assert_eq!(chooser_rows(&text).first().map(|r| r.0), Some(1), "{text}");
    type_keys(&mut app, " \n");
    assert!(compare(&app).hidden[0]);
    assert!(!compare(&app).columns().contains(&0));
    let expected: Vec<&crate::compare::Row> = all_rows
        .iter()
        .filter(|r| r.cells.iter().any(|c| c.article != 0))
        .collect();
    assert_eq!(compare(&app).shown_rows(), expected);
    for label in row_labels(&mut app) {
        assert!(!label.starts_with("only 1 "), "{label}");
        let numbers = label.split(" · ").nth(1).unwrap_or_default();
        assert!(!numbers.split(' ').any(|n| n == "1"), "{label}");
    }
    // Jumps skip what is hidden.
    for keys in ["]]]]", "[[", "}}}}", "{{"] {
        type_keys(&mut app, keys);
        let row = compare(&app).selected_row().expect("a row");
        assert!(row.cells.iter().any(|c| c.article != 0));
    }
    // The digit shows it again, and the chooser says so.
    type_keys(&mut app, "1");
    assert!(!compare(&app).hidden[0]);
    assert_eq!(compare(&app).shown_rows().len(), all_rows.len());
    type_keys(&mut app, "2s");
    let text = screen_text(&mut app, 200, 60);
    let rows = chooser_rows(&text);
    let state = |n: usize| rows.iter().find(|r| r.0 == n).map(|r| r.1);
    assert_eq!(state(1), Some(true));
    assert_eq!(state(2), Some(false), "{text}");
    // Digits typed in the chooser filter; they do not toggle.
    type_keys(&mut app, "3");
    assert!(!compare(&app).hidden[2]);
}

#[test]
fn the_chooser_pages_through_many_sources() {
    let mut app = chooser(300, 80, 24);
    let text = screen_text(&mut app, 80, 24);
    let first_page = chooser_rows(&text);
    assert!(first_page.len() >= 10, "{text}");
    app.handle_key(&key(KeyCode::PageDown));
    app.prepare(app.areas.screen);
    let text = screen_text(&mut app, 80, 24);
    let second_page = chooser_rows(&text);
    assert!(
        second_page
            .iter()
            .all(|row| !first_page.iter().any(|r| r.0 == row.0)),
        "{text}"
    );
    assert!(
        text.contains(&format!(" {}/300 ", first_page.len() + 1)),
        "{text}"
    );
    for _ in 0..40 {
        app.handle_key(&key(KeyCode::PageDown));
    }
    app.prepare(app.areas.screen);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains(" 300/300 "), "{text}");
    // Ctrl-n and Ctrl-p move one at a time.
    ctrl(&mut app, 'p');
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains(" 299/300 "), "{text}");
    ctrl(&mut app, 'n');
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains(" 300/300 "), "{text}");
    for (width, height) in [(0, 0), (10, 3), (30, 8), (40, 10), (60, 12)] {
        draw(&mut app, width, height);
    }
}

#[test]
fn the_chooser_opened_while_comparing_fills_in_its_counts() {
    let mut app = App::new(many_sources(30));
    app.prepare(Rect::new(0, 0, 120, 40));
    press_only(&mut app, "cs");
    let text = draw_unpolled(&mut app, 120, 40);
    assert!(text.contains("counting sentences…"), "{text}");
    assert!(app.busy());
    settle(&mut app);
    let text = screen_text(&mut app, 120, 40);
    assert!(!text.contains("counting"), "{text}");
    let rows = chooser_rows(&text);
    let coverage = comparison(&app).coverage();
    assert_eq!(
        rows.first().map(|r| coverage[r.0 - 1]),
        coverage.iter().max().copied()
    );
}

#[test]
fn snapshot_source_chooser_80x24() {
    let mut app = chooser(30, 80, 24);
    type_keys(&mut app, " ");
    app.handle_key(&key(KeyCode::Down));
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn snapshot_source_chooser_120x40() {
    let mut app = chooser(30, 120, 40);
    app.handle_key(&key(KeyCode::Down));
    type_keys(&mut app, " ");
    type_keys(&mut app, "valley");
    insta::assert_snapshot!(draw(&mut app, 120, 40).backend());
}

#[test]
fn the_chooser_cleans_what_it_shows() {
    let mut app = App::new(hostile_corpus());
    app.prepare(Rect::new(0, 0, 80, 24));
    type_keys(&mut app, "c");
    settle(&mut app);
    type_keys(&mut app, "s");
    settle(&mut app);
    app.handle_key(&key(KeyCode::Char('\u{1b}')));
    type_keys(&mut app, "Out");
    let terminal = draw(&mut app, 80, 24);
    let text = format!("{}", terminal.backend());
    assert!(text.contains("1 of 1 shown"), "{text}");
    assert_eq!(chooser_rows(&text).len(), 1, "{text}");
    for cell in terminal.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "{:?}",
            cell.symbol()
        );
    }
}

#[test]
fn enter_in_the_chooser_goes_to_the_source_column() {
    let mut app = chooser(30, 80, 24);
    assert_eq!(compare(&app).fit, 2);
    type_keys(&mut app, "27\n");
    assert!(app.layers().is_empty());
    let state = compare(&app);
    assert_eq!(state.columns().get(state.column), Some(&26));
    assert!(state.shown().contains(&26), "paged into view");
    let row = state.selected_row().expect("a row");
    assert!(row.cell(26).is_some(), "on a row the source carries");
    let text = screen_text(&mut app, 80, 24);
    let name = app.corpus.articles[26].source_or_id().to_string();
    assert!(text.contains(&format!("27 {name}")), "{text}");
    // A silent source has no column: Enter only closes.
    let silent = comparison(&app)
        .coverage()
        .iter()
        .position(|&n| n == 0)
        .expect("a silent source");
    let before = (compare(&app).column, compare(&app).row);
    type_keys(&mut app, "s");
    type_keys(&mut app, &format!("{} ", silent + 1));
    ctrl(&mut app, 'u');
    type_keys(&mut app, &format!("{}\n", silent + 1));
    assert!(app.layers().is_empty());
    assert_eq!((compare(&app).column, compare(&app).row), before);
}
