//! Pieces every view and layer draws with, written once: the scrolled
//! list's offset ([`scroll`]), the text field ([`input`]), the scrollable
//! box of lines ([`pager`]), a centred box, the bordered block, plurals.

pub mod input;
pub mod pager;
pub mod scroll;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType};

/// A box of `width`×`height` (each at least `min`, capped by `area` less a
/// margin of one cell on each side) centred in `area`.
pub fn centred(area: Rect, width: u16, height: u16, min: (u16, u16)) -> Rect {
    let w = width
        .min(area.width.saturating_sub(2))
        .max(area.width.min(min.0));
    let h = height
        .min(area.height.saturating_sub(2))
        .max(area.height.min(min.1));
    Rect {
        x: area.x + area.width.saturating_sub(w) / 2,
        y: area.y + area.height.saturating_sub(h) / 2,
        width: w.min(area.width),
        height: h.min(area.height),
    }
}

/// The rounded box every pane and overlay is drawn in.
pub fn rounded(border: Style) -> Block<'static> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(border)
}

/// A rounded box titled `title` in `title_style`.
pub fn titled(title: String, border: Style, title_style: Style) -> Block<'static> {
    rounded(border).title(Span::styled(title, title_style))
}

/// Inside a one-cell border.
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// "1 sentence", "3 sentences", "2 entities".
pub fn plural(count: usize, noun: &str) -> String {
    match (count, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{count} {stem}ies"),
        _ => format!("{count} {noun}s"),
    }
}

/// How much a source has on a topic: "silent", "1 sentence", "12 sentences".
pub fn sentences(count: usize) -> String {
    match count {
        0 => "silent".to_string(),
        n => plural(n, "sentence"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(plural(1, "entity"), "1 entity");
        assert_eq!(plural(2, "entity"), "2 entities");
        assert_eq!(plural(0, "claim"), "0 claims");
        assert_eq!(sentences(0), "silent");
        assert_eq!(sentences(1), "1 sentence");
    }

    #[test]
    fn centred_boxes_stay_inside() {
        let area = Rect::new(0, 0, 80, 24);
        assert_eq!(centred(area, 40, 10, (20, 3)), Rect::new(20, 7, 40, 10));
        assert_eq!(centred(area, 200, 100, (20, 3)), Rect::new(1, 1, 78, 22));
        let tiny = Rect::new(0, 0, 4, 2);
        let boxed = centred(tiny, 40, 10, (20, 3));
        assert!(tiny.contains(boxed.as_position()) && boxed.width <= 4);
    }
}
