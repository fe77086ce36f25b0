//! The article list: title, outlet and counts per article.

use super::{Browse, Focus, ITEM_HEIGHT};
use crate::model::Article;
use crate::tui::layer::Shared;
use crate::tui::text::{clean, truncate};
use crate::tui::theme::Theme;
use crate::tui::widgets::{plural, titled};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

/// A pane's box: bright when it has the focus.
pub fn pane_block(title: String, focused: bool, theme: &Theme) -> Block<'static> {
    if focused {
        titled(title, theme.border, theme.title)
    } else {
        titled(title, theme.border_dim, Style::new())
    }
}

/// "48 sentences · 12 entities · 9 claims", leaving out what is not there yet.
pub fn counts(article: &Article) -> String {
    let mut parts = vec![plural(article.sentences.len(), "sentence")];
    if !article.entities.is_empty() {
        parts.push(plural(article.entities.len(), "entity"));
    }
    if !article.claims.is_empty() {
        parts.push(plural(article.claims.len(), "claim"));
    }
    parts.join(" · ")
}

pub fn render(browse: &Browse, area: Rect, buf: &mut Buffer, shared: Shared) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let theme = shared.theme();
    let articles = &shared.corpus.articles;
    let total = articles.len();
    let title = format!(" Articles {}/{} ", (browse.selected + 1).min(total), total);
    let focused = browse.focus == Focus::List;
    let block = pane_block(title, focused, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let text_width = usize::from(inner.width.saturating_sub(2));
    let rows = usize::from(inner.height.div_ceil(ITEM_HEIGHT));
    let shown = articles
        .iter()
        .enumerate()
        .skip(browse.list_offset)
        .take(rows);
    for (row, (index, article)) in (0u16..).zip(shown) {
        let y = inner.y + row * ITEM_HEIGHT;
        let selected = index == browse.selected;
        let marker_style = if selected && focused {
            theme.accent
        } else {
            theme.border_dim
        };
        let title_style = if selected {
            theme.selected
        } else {
            theme.strong
        };
        let lines = [
            (clean(&article.title).into_owned(), title_style),
            (clean(article.source_label()).into_owned(), theme.outlet),
            (counts(article), theme.dim),
        ];
        for (line, (text, style)) in (0u16..).zip(lines) {
            let y = y + line;
            if y >= inner.bottom() {
                break;
            }
            if selected {
                buf.set_stringn(inner.x, y, "▌", 1, marker_style);
            }
            let text = truncate(&text, text_width);
            buf.set_stringn(inner.x + 2, y, &text, text_width, style);
        }
    }
}
