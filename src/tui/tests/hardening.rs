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
    drawn_and_fresh(&mut app, &mut terminal);
    keys(&mut app, "<c-u>");
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
