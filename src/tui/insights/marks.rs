//! The reader's corroboration marks: beside each claim, how many sources
//! report it (`●●●○○`, "3/12" past [`MAX_DOTS`] sources) and `≠` when
//! another source disagrees on a detail of it, in a gutter the reader
//! keeps at its right.

use super::Found;
use crate::facts::SentenceRef;
use crate::model::Article;
use crate::tui::browse::reader::Layout;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Past this many sources, dots would crowd the line: a count instead.
pub const MAX_DOTS: usize = 8;

/// The mark of one claim's sentence.
pub fn mark(found: &Found, sentence: SentenceRef, theme: &Theme) -> Option<Line<'static>> {
    let facts = found.facts()?;
    let corroboration = found.insights.corroboration(facts, sentence);
    let (have, of) = (corroboration.sources.len(), corroboration.of);
    if of < 2 {
        return None;
    }
    let mut spans = Vec::new();
    if corroboration.contradicted {
        spans.push(Span::styled("≠", theme.warning));
    }
    if of <= MAX_DOTS {
        let have = have.min(of);
        spans.push(Span::styled("●".repeat(have), theme.accent));
        spans.push(Span::styled("○".repeat(of - have), theme.dim));
    } else {
        spans.push(Span::styled(format!("{have}/{of}"), theme.accent));
    }
    Some(Line::from(spans))
}

/// Columns the reader keeps free at its right for the marks: the widest
/// mark a corpus of `articles` can have, and a blank column before it; 0
/// when there can be no marks. It depends on the corpus alone, not on the
/// insights, so the text does not reflow (and the reading position move)
/// when the marks arrive.
pub fn gutter_width(articles: usize) -> u16 {
    let of = articles;
    if of < 2 {
        return 0;
    }
    let dots = if of <= MAX_DOTS {
        of
    } else {
        format!("{of}/{of}").len()
    };
    // "≠", the dots or count, and the blank column.
    u16::try_from(dots + 2).unwrap_or(u16::MAX)
}

/// Draws each claim's mark at the right end of a line of its sentence
/// where the text leaves room (the last such line, which is most often
/// the sentence's short last one; the reader keeps [`gutter_width`]
/// columns free for them, so every line has room).
pub fn draw(
    found: &Found,
    (index, article): (usize, &Article),
    layout: &Layout,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let area = area.intersection(buf.area);
    for claim in &article.claims {
        let Some(sentence) = article
            .sentences
            .iter()
            .position(|s| s.start <= claim.start && claim.start < s.end)
        else {
            continue;
        };
        let (Some(first), Some(last)) = (
            layout.line_of(claim.start),
            layout.line_of(claim.end.saturating_sub(1).max(claim.start)),
        ) else {
            continue;
        };
        if last < scroll || first >= scroll + usize::from(area.height) {
            continue;
        }
        let sentence = SentenceRef {
            article: index,
            sentence,
        };
        let Some(mark) = mark(found, sentence, theme) else {
            continue;
        };
        let width = u16::try_from(mark.width()).unwrap_or(u16::MAX);
        // One blank column keeps the mark off the text.
        if width + 1 > area.width {
            continue;
        }
        let x = area.right() - width;
        for line in (first.max(scroll)..=last).rev() {
            let Some(row) = line.checked_sub(scroll).and_then(|r| u16::try_from(r).ok()) else {
                continue;
            };
            if row >= area.height {
                continue;
            }
            let y = area.y + row;
            let free = (x - 1..area.right()).all(|cx| buf[(cx, y)].symbol() == " ");
            if free {
                mark.render(
                    Rect {
                        x,
                        y,
                        width,
                        height: 1,
                    },
                    buf,
                );
                break;
            }
        }
    }
}
