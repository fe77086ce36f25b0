//! State, key-sequence and whole-screen tests of the reader, one file per
//! view, and the helpers they share: keys in one notation, drawing, styled
//! snapshots, waiting for workers.

mod browse;
mod chooser;
mod compare;
mod hardening;
mod insights;
mod keys;
mod library;
mod search;
mod themes;

use super::action::Action;
use super::app::App;
use super::keymap::Key;
use super::layer::{Context, Input, Layer, LayerContext, Settings, Shared};
use super::screen;
use crate::analysis::open_corpus;
use crate::model::{Article, Block, BlockKind, Corpus, LoadWarning, Origin};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Style;

pub(crate) fn builtin_corpus() -> Corpus {
    open_corpus(&[]).expect("the built-in corpus loads")
}

pub(crate) fn builtin() -> App {
    App::new(builtin_corpus())
}

/// The built-in corpus on a screen of that size.
pub(crate) fn sized(width: u16, height: u16) -> App {
    with_settings(Settings::default(), width, height)
}

/// The built-in corpus read with `settings` on a screen of that size.
pub(crate) fn with_settings(settings: Settings, width: u16, height: u16) -> App {
    let mut app = App::with_settings(builtin_corpus(), settings);
    app.prepare(Rect::new(0, 0, width, height));
    app
}

/// The key events of `notation`, helix's way: characters are keys, `<name>`
/// a named or modified key (`<enter>`, `<esc>`, `<tab>`, `<s-tab>`,
/// `<space>`, `<bs>`, `<c-n>`, `<a-x>`, `<lt>` for `<`), whitespace only
/// separates: "jj<enter> <c-n> <esc>".
pub(crate) fn key_events(notation: &str) -> Vec<KeyEvent> {
    let mut events = Vec::new();
    let mut chars = notation.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let rest: String = chars.clone().collect();
        let named = (c == '<')
            .then(|| rest.find('>').map(|end| rest[..end].to_string()))
            .flatten()
            .filter(|name| !name.is_empty() && !name.contains(char::is_whitespace));
        let key = match named {
            Some(name) => {
                for _ in 0..=name.len() {
                    chars.next();
                }
                let name = match name.as_str() {
                    "lt" => "<",
                    "gt" => ">",
                    "bs" => "backspace",
                    other => other,
                };
                Key::parse(name).unwrap_or_else(|error| panic!("<{name}>: {error}"))
            }
            None => Key::char(c),
        };
        events.push(KeyEvent::new(key.code, key.modifiers));
    }
    events
}

/// Presses `notation`'s keys (see [`key_events`]), preparing the screen
/// after each as the event loop does.
pub(crate) fn keys(app: &mut App, notation: &str) {
    for event in key_events(notation) {
        app.handle_key(&event);
        app.prepare(app.areas.screen);
    }
}

/// Types `text` as is, one key per character (a query with spaces); `\n`
/// is Enter, `\t` Tab, `\x1b` Esc.
pub(crate) fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE));
        app.prepare(app.areas.screen);
    }
}

/// The app drawn on a test terminal of that size.
pub(crate) fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    app.prepare(Rect::new(0, 0, width, height));
    terminal
        .draw(|frame| screen::render(app, frame))
        .expect("draw");
    terminal
}

/// The text of a buffer, one line per row.
pub(crate) fn text_of(buffer: &Buffer) -> String {
    buffer
        .content()
        .chunks(usize::from(buffer.area.width.max(1)))
        .map(|row| row.iter().map(|cell| cell.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

pub(crate) fn screen_text(app: &mut App, width: u16, height: u16) -> String {
    text_of(draw(app, width, height).backend().buffer())
}

/// The status bar (the last screen line).
pub(crate) fn status_line(app: &mut App, width: u16, height: u16) -> String {
    let text = screen_text(app, width, height);
    text.lines().last().unwrap_or_default().to_string()
}

/// The style of the first cell of the first occurrence of `word` on screen.
pub(crate) fn style_of(buffer: &Buffer, word: &str) -> Option<Style> {
    let width = usize::from(buffer.area.width);
    for (y, row) in buffer.content.chunks(width).enumerate() {
        let text: String = row.iter().map(|cell| cell.symbol()).collect();
        if let Some(byte) = text.find(word) {
            let x = text[..byte].chars().count();
            return Some(buffer.content[y * width + x].style());
        }
    }
    None
}

/// No cell of `buffer` holds a control character.
pub(crate) fn assert_no_controls(buffer: &Buffer) {
    for cell in buffer.content() {
        let symbol = cell.symbol();
        assert!(!symbol.chars().any(char::is_control), "{symbol:?}");
    }
}

/// A cell's style without what only says "the terminal's default".
pub(crate) fn plain_style(style: Style) -> Style {
    let reset = Style::reset();
    Style {
        fg: style.fg.filter(|colour| Some(*colour) != reset.fg),
        bg: style.bg.filter(|colour| Some(*colour) != reset.bg),
        sub_modifier: ratatui::style::Modifier::empty(),
        underline_color: None,
        ..style
    }
}

/// The letter standing for the `index`th style of a styled snapshot.
fn letter(index: usize) -> char {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    char::from(LETTERS[index % LETTERS.len()])
}

/// A snapshot that shows colour: the screen's text, then the same grid
/// with one letter per cell naming its style ('.' for none), then what
/// each letter is.
pub(crate) fn styled(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width.max(1));
    let mut styles: Vec<Style> = Vec::new();
    let mut grid = String::new();
    for row in buffer.content.chunks(width) {
        for cell in row {
            let style = plain_style(cell.style());
            if style == Style::new() {
                grid.push('.');
                continue;
            }
            let index = styles.iter().position(|s| *s == style).unwrap_or_else(|| {
                styles.push(style);
                styles.len() - 1
            });
            grid.push(letter(index));
        }
        grid.push('\n');
    }
    let legend: Vec<String> = styles
        .iter()
        .enumerate()
        .map(|(index, style)| format!("{} = {}", letter(index), super::theme::style_text(*style)))
        .collect();
    format!("{}\n\n{grid}\n{}", text_of(buffer), legend.join("\n"))
}

/// Waits for the workers (compare, picker counts, search) as the event loop
/// does: a frame at a time while the app says it is busy.
pub(crate) fn settle(app: &mut App) {
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

/// The built-in corpus's compare view, its comparison arrived.
pub(crate) fn compare_view(width: u16, height: u16) -> App {
    let mut app = sized(width, height);
    keys(&mut app, "c");
    settle(&mut app);
    app
}

pub(crate) fn compare(app: &App) -> &super::compare::CompareView {
    app.compare.as_ref().expect("compare state")
}

pub(crate) fn comparison(app: &App) -> &crate::compare::Comparison {
    compare(app).comparison().expect("the comparison arrived")
}

/// Keys are applied without a prepare, so the worker's result cannot be
/// taken in between and the "comparing" state is there to look at.
pub(crate) fn press_only(app: &mut App, notation: &str) {
    for event in key_events(notation) {
        app.handle_key(&event);
    }
}

/// Draws without taking worker results (layout only, as prepare does after polling).
pub(crate) fn draw_unpolled(app: &mut App, width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width, height);
    app.prepare_layout(area);
    let mut buf = Buffer::empty(area);
    screen::draw(app, area, &mut buf);
    text_of(&buf)
}

/// Row labels as drawn, top to bottom, read off a tall screen.
pub(crate) fn row_labels(app: &mut App) -> Vec<String> {
    let text = screen_text(app, 200, 1000);
    text.lines()
        .filter_map(|line| {
            let line = line.trim_start_matches(['"', '│']);
            let rest = line
                .strip_prefix("━━ ")
                .or_else(|| line.strip_prefix("── "))?;
            // A label too long for the line is cut with "…" before any rule.
            let end = rest
                .find(" ━")
                .or_else(|| rest.find(" ─"))
                .unwrap_or_else(|| rest.trim_end_matches(['│', ' ']).len());
            Some(rest[..end].to_string())
        })
        .collect()
}

pub(crate) fn hostile_corpus() -> Corpus {
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

/// Sends `notation`'s keys to a layer on its own, looked up in its modes
/// with the default key map, and returns the actions it queued.
pub(crate) fn send(layer: &mut dyn Layer, corpus: &Corpus, notation: &str) -> Vec<Action> {
    let settings = Settings::default();
    let mut queue = Vec::new();
    for event in key_events(notation) {
        let action = settings.keymap.action(layer.modes(), Key::of(&event));
        let mut context = LayerContext {
            context: Context {
                shared: Shared {
                    corpus,
                    settings: &settings,
                    docked: 0,
                    insights: None,
                },
                compare: None,
            },
            queue: &mut queue,
        };
        layer.handle_key(
            Input {
                action,
                key: &event,
            },
            &mut context,
        );
    }
    queue
}

#[test]
fn the_notation_reads_like_helix() {
    let events = key_events("jj<enter> <c-n> <esc><lt>G <s-tab><space>");
    let codes: Vec<(KeyCode, KeyModifiers)> =
        events.iter().map(|e| (e.code, e.modifiers)).collect();
    assert_eq!(
        codes,
        vec![
            (KeyCode::Char('j'), KeyModifiers::NONE),
            (KeyCode::Char('j'), KeyModifiers::NONE),
            (KeyCode::Enter, KeyModifiers::NONE),
            (KeyCode::Char('n'), KeyModifiers::CONTROL),
            (KeyCode::Esc, KeyModifiers::NONE),
            (KeyCode::Char('<'), KeyModifiers::NONE),
            (KeyCode::Char('G'), KeyModifiers::NONE),
            (KeyCode::BackTab, KeyModifiers::NONE),
            (KeyCode::Char(' '), KeyModifiers::NONE),
        ]
    );
}
