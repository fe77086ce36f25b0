//! Frames drawn over earlier frames (as a real terminal keeps them, through
//! ratatui's diff) must equal a fresh frame: no query text left after
//! Ctrl-U (case 15).

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
