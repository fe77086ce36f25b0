//! Cases of docs/RELIABILITY.md on screen: a frame drawn over the earlier
//! one (as a real terminal keeps it, through ratatui's diff) equals a fresh
//! frame after Ctrl-U clears a huge query (case 15); the loading screen
//! shows files read of the total and the current file (case 17).

use super::*;

/// Draws on `terminal` (which keeps its previous frame) and returns the
/// screen text, with a fresh render of the same state beside it.
fn drawn_and_fresh(app: &mut App, terminal: &mut Terminal<TestBackend>) -> (String, String) {
    let area = terminal.size().expect("size");
    let area = Rect::new(0, 0, area.width, area.height);
    app.prepare(area);
    terminal
        .draw(|frame| screen::render(app, frame))
        .expect("draw");
    let kept = text_of(terminal.backend().buffer());
    let fresh = screen_text(app, area.width, area.height);
    (kept, fresh)
}

#[test]
fn ctrl_u_after_a_huge_query_clears_the_screen_line() {
    let mut app = sized(80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    keys(&mut app, "/");
    type_text(&mut app, &"x".repeat(10_050));
    // A worker's result (search, insights) taken between the two frames
    // would make them differ for a reason other than residue.
    settle(&mut app);
    drawn_and_fresh(&mut app, &mut terminal);
    keys(&mut app, "<c-u>");
    settle(&mut app);
    let (kept, fresh) = drawn_and_fresh(&mut app, &mut terminal);
    assert_eq!(kept, fresh);
    assert!(!kept.contains("xxxx"), "{kept}");
}

#[test]
fn loading_shows_files_read_of_the_total_and_the_current_file() {
    use std::sync::atomic::Ordering::Relaxed;
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["a.txt", "b.txt", "c.txt"] {
        std::fs::write(dir.path().join(name), "The talks went on.\n").expect("write");
    }
    let progress = std::sync::Arc::new(crate::load::Progress::default());
    crate::load::load_paths_with(&[dir.path().to_path_buf()], &progress);
    let (read, total, current) = progress.snapshot();
    assert_eq!((read, total), (3, 3));
    assert!(current.ends_with("c.txt"), "{current}");

    progress.total.store(20_000, Relaxed);
    progress.read.store(123, Relaxed);
    *progress.current.lock().expect("lock") = "corpus/day-2/report.html".to_string();
    let mut app = App::loading_with("corpus/".to_string(), progress, Settings::default());
    let shown = screen_text(&mut app, 80, 24);
    assert!(shown.contains("Reading corpus/"), "{shown}");
    assert!(shown.contains("123 of 20000 files read"), "{shown}");
    assert!(shown.contains("corpus/day-2/report.html"), "{shown}");
}

/// A terminal as a user's keeps it: ratatui's crossterm backend writes its
/// bytes into a vt100 emulator, which measures clusters code point by code
/// point as xterm, VTE and tmux do, and keeps whatever earlier frames left
/// where the diff wrote nothing. (`TestBackend` cannot show residue: it has
/// no width of its own.)
struct Emulated {
    terminal: Terminal<ratatui::backend::CrosstermBackend<Wire>>,
    wire: Wire,
    parser: vt100::Parser,
}

/// The bytes the backend writes, readable from outside it.
#[derive(Clone, Default)]
struct Wire(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Wire {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Emulated {
    fn new(width: u16, height: u16) -> Emulated {
        let area = Rect::new(0, 0, width, height);
        let wire = Wire::default();
        let backend = ratatui::backend::CrosstermBackend::new(wire.clone());
        let options = ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(area),
        };
        let terminal = Terminal::with_options(backend, options).expect("terminal");
        let size = |n: u16| std::num::NonZeroU16::new(n.max(1)).expect("non-zero");
        let parser = vt100::Parser::new(size(height), size(width), 0);
        Emulated {
            terminal,
            wire,
            parser,
        }
    }

    /// Draws `app` over what is on screen; returns its rows, colours included.
    fn draw(&mut self, app: &mut App) -> Vec<String> {
        let area = self.terminal.get_frame().area();
        app.prepare(area);
        self.terminal
            .draw(|frame| screen::render(app, frame))
            .expect("draw");
        let bytes = std::mem::take(&mut *self.wire.0.borrow_mut());
        self.parser.process(&bytes);
        let screen = self.parser.screen();
        let (height, width) = screen.size();
        (0..height.get())
            .map(|row| {
                (0..width.get())
                    .filter_map(|col| screen.cell(row, col))
                    .map(|cell| {
                        let text = match cell.contents() {
                            "" => " ",
                            text => text,
                        };
                        // How the cell looks, however the bytes that made it
                        // were spelt. A blank shows only its background,
                        // reverse video and underline: its colour and bold
                        // are invisible (and ratatui rightly skips them).
                        if text == " " {
                            return format!(
                                " {:?}{}{}{}",
                                cell.bgcolor(),
                                u8::from(cell.inverse()),
                                u8::from(cell.underline()),
                                u8::from(cell.is_wide_continuation()),
                            );
                        }
                        format!(
                            "{text}{:?}{:?}{}{}{}{}{}",
                            cell.fgcolor(),
                            cell.bgcolor(),
                            u8::from(cell.bold()),
                            u8::from(cell.italic()),
                            u8::from(cell.underline()),
                            u8::from(cell.inverse()),
                            u8::from(cell.is_wide_continuation()),
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    }
}

/// An invented article of `words` (a paragraph per 12), open in the reader.
fn reader_of(words: &[&str], width: u16, height: u16) -> App {
    let paragraphs: Vec<String> = words.chunks(12).map(|chunk| chunk.join(" ")).collect();
    let text = format!("A story of many scripts\n\n{}\n", paragraphs.join("\n\n"));
    let document = crate::load::document_from_text(
        text,
        crate::load::Format::Text,
        Origin::Builtin("scripts"),
    )
    .expect("document");
    let corpus = Corpus {
        articles: vec![crate::analysis::analyze_document(document)],
        warnings: Vec::new(),
    };
    let mut app = App::new(corpus);
    app.prepare(Rect::new(0, 0, width, height));
    keys(&mut app, "<enter>");
    app
}

/// Draws `app` on one emulated terminal after each step of `steps`, and
/// checks each screen against a fresh terminal given only that frame.
fn assert_no_residue(app: &mut App, width: u16, height: u16, steps: &[&str]) {
    let mut kept = Emulated::new(width, height);
    kept.draw(app);
    for step in steps {
        keys(app, step);
        let shown = kept.draw(app);
        let fresh = Emulated::new(width, height).draw(app);
        for (row, (shown, fresh)) in shown.iter().zip(&fresh).enumerate() {
            assert_eq!(shown, fresh, "row {row} after {step:?} at {width}x{height}");
        }
    }
}

const SCRIPTS: &[&str] = &[
    "🇺🇸",
    "🇫🇷🇩🇪",
    "🇯🇵🇮🇳🇧🇷🇰🇪🇳🇿🇨🇦",
    "👍🏽",
    "👋🏿wave",
    "🧑🏽‍💻",
    "👨‍👩‍👧",
    "👨‍👩‍👧‍👦",
    "🏳️‍🌈",
    "❤️",
    "#️⃣",
    "नमस्ते",
    "क्षत्रिय",
    "हिन्दी",
    "विद्यालय",
    "日本語",
    "e\u{301}te\u{301}",
    "talks",
    "ended",
    "on",
    "Monday.",
    "The",
    "council",
];

fn scripts_article(repeat: usize) -> Vec<&'static str> {
    SCRIPTS
        .iter()
        .copied()
        .cycle()
        .take(SCRIPTS.len() * repeat)
        .collect()
}

#[test]
fn flags_skin_tones_families_and_devanagari_leave_nothing_after_scrolling() {
    let words = scripts_article(12);
    for (width, height) in [(80, 24), (40, 12), (30, 8)] {
        let mut app = reader_of(&words, width, height);
        assert_no_residue(
            &mut app,
            width,
            height,
            &["<c-d>", "j", "j", "k", "<c-d>", "<c-u>", "j", "<c-d>", "k"],
        );
    }
}

#[test]
fn each_script_alone_leaves_nothing_after_scrolling() {
    for word in SCRIPTS {
        let words: Vec<&str> = std::iter::repeat_n(*word, 200).collect();
        for (width, height) in [(80, 24), (40, 12)] {
            let mut app = reader_of(&words, width, height);
            assert_no_residue(&mut app, width, height, &["j", "<c-d>", "k", "j"]);
        }
    }
}

#[test]
fn every_cell_is_as_wide_on_every_terminal() {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let words = scripts_article(3);
    let mut app = reader_of(&words, 60, 40);
    let terminal = draw(&mut app, 60, 40);
    let shown = text_of(terminal.backend().buffer());
    for cell in terminal.backend().buffer().content() {
        let symbol = cell.symbol();
        let widths: Vec<usize> = symbol.chars().map(|c| c.width().unwrap_or(0)).collect();
        assert_eq!(symbol.width(), widths.iter().sum::<usize>(), "{symbol:?}");
        assert!(
            widths.iter().filter(|w| **w > 0).count() <= 1,
            "{symbol:?} is more than one cell's worth"
        );
    }
    // Drawn, not dropped: the base of each cluster is on screen.
    for base in ["🇺🇸", "👍", "🧑", "💻", "👨", "👩", "❤", "क्ष", "न्दी", "日"]
    {
        assert!(shown.contains(base), "{base} missing from\n{shown}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Case 14: a frame drawn over earlier ones, at any size and after any
    /// scrolls, shows what a fresh terminal shows.
    #[test]
    fn a_redrawn_screen_equals_a_fresh_one(
        picks in proptest::collection::vec(0..SCRIPTS.len(), 1..400),
        width in 4u16..120,
        height in 3u16..40,
        steps in proptest::collection::vec(0..6usize, 1..12),
    ) {
        let words: Vec<&str> = picks.iter().map(|&n| SCRIPTS[n]).collect();
        let mut app = reader_of(&words, width, height);
        let names = ["j", "k", "<c-d>", "<c-u>", "jjj", "<c-d><c-d>"];
        let steps: Vec<&str> = steps.iter().map(|&n| names[n]).collect();
        assert_no_residue(&mut app, width, height, &steps);
    }
}
