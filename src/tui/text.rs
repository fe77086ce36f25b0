//! Last line of defence between article text and the terminal. The engine
//! sanitises bodies already, but a single stray control character written
//! to a cell would move the cursor and corrupt the screen, so everything
//! drawn passes through [`clean`].
//!
//! Clusters of several code points (flags, skin tones, conjuncts) left
//! glyphs of earlier frames on screen after a scroll (RELIABILITY.md, case
//! 14), for two reasons, both fixed here:
//! - terminals measure a cluster either whole (kitty, wezterm) or code
//!   point by code point (xterm, VTE, tmux): a skin-toned emoji is 2
//!   columns or 4, a heart with VS16 2 or 1. `clean` draws such a cluster
//!   without the presentation marks the two ways disagree on (the body
//!   keeps them), so [`width`] is right on every terminal;
//! - a terminal of the second kind keeps `क्ष` or a flag in two cells, where
//!   ratatui keeps one wide cell and never rewrites the second, so blanking
//!   the line later left half the glyph. [`one_code_point_per_cell`] lays
//!   every frame out the terminal's way before ratatui diffs it.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Characters that must never reach a cell: C0/C1 controls and the
/// invisible format characters that reorder or hide text.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}')
}

/// `text` with every unsafe character replaced: whitespace controls by a
/// space, the rest by U+FFFD so the reader sees something was there.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        if !text.chars().any(is_unsafe) {
            return Cow::Borrowed(text);
        }
    } else if !text.chars().any(is_unsafe) && !has_disputed_cluster(text) {
        return Cow::Borrowed(text);
    }
    let safe = safe_chars(text);
    if !has_disputed_cluster(&safe) {
        return Cow::Owned(safe);
    }
    Cow::Owned(safe.graphemes(true).map(settled).collect())
}

fn safe_chars(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            )
        })
        .map(|c| match c {
            '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => ' ',
            c if is_unsafe(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Columns of a cluster counted one code point at a time, as terminals
/// that do not join clusters draw it.
fn codepoint_width(cluster: &str) -> usize {
    cluster.chars().map(|c| c.width().unwrap_or(0)).sum()
}

fn disputed(cluster: &str) -> bool {
    cluster.chars().nth(1).is_some() && UnicodeWidthStr::width(cluster) != codepoint_width(cluster)
}

fn has_disputed_cluster(text: &str) -> bool {
    text.graphemes(true).any(disputed)
}

/// Emoji and text presentation selectors and skin-tone modifiers: what
/// makes terminals disagree on an emoji's width.
fn is_presentation_mark(c: char) -> bool {
    matches!(c, '\u{FE0E}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}')
}

/// `cluster` in a form every terminal draws as wide as [`width`] says:
/// itself when both ways of measuring agree, else without its presentation
/// marks, else its first character.
fn settled(cluster: &str) -> Cow<'_, str> {
    if !disputed(cluster) {
        return Cow::Borrowed(cluster);
    }
    let mut chars = cluster.chars();
    let first = chars.next().unwrap_or(' ');
    let bare: String = std::iter::once(first)
        .chain(chars.filter(|c| !is_presentation_mark(*c)))
        .collect();
    if bare.graphemes(true).all(|part| !disputed(part)) {
        Cow::Owned(bare)
    } else {
        Cow::Owned(first.to_string())
    }
}

/// Rewrites each cell holding a cluster of several code points that take
/// columns as one cell per such code point with its marks (`क्ष` as `क्`
/// and `ष`, a flag as its two letters), as terminals store them, so the diff
/// of the next frame rewrites every cell the terminal holds. A cluster the
/// two ways of measuring disagree on (text that did not pass [`clean`]) is
/// settled first, its spare columns blanked.
pub fn one_code_point_per_cell(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let cell = &buf[(x, y)];
            let symbol = cell.symbol();
            // Most cells hold one ASCII character: nothing to measure.
            if symbol.len() == 1 {
                x += 1;
                continue;
            }
            let reserved = u16::try_from(width(symbol)).unwrap_or(1).max(1);
            if !(disputed(symbol) || columns_taken(symbol) > 1) {
                x = x.saturating_add(reserved);
                continue;
            }
            let style = cell.style();
            let settled = settled(symbol).into_owned();
            let end = x.saturating_add(reserved).min(area.right());
            let mut at = x;
            for piece in pieces(&settled) {
                let piece_width = u16::try_from(width(&piece)).unwrap_or(1).max(1);
                if at.saturating_add(piece_width) > end {
                    break;
                }
                buf[(at, y)].set_symbol(&piece).set_style(style);
                for hidden in at + 1..at + piece_width {
                    buf[(hidden, y)].reset();
                }
                at += piece_width;
            }
            for spare in at..end {
                buf[(spare, y)].set_symbol(" ").set_style(style);
            }
            x = end.max(x + 1);
        }
    }
}

/// How many code points of `cluster` take columns of their own.
fn columns_taken(cluster: &str) -> usize {
    cluster
        .chars()
        .filter(|c| c.width().unwrap_or(0) > 0)
        .count()
}

/// `text` as the cells a terminal that measures code points gives it: each
/// code point that takes columns, with the zero-width marks after it.
fn pieces(text: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    for c in text.chars() {
        match pieces.last_mut() {
            Some(last) if c.width().unwrap_or(0) == 0 => last.push(c),
            _ if c.width().unwrap_or(0) == 0 => {}
            _ => pieces.push(c.to_string()),
        }
    }
    pieces
}

/// Display width in terminal columns of already clean text: the one width
/// the layout and the cells use, the same on every terminal for text
/// [`clean`] returned.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// The byte offsets in `text` where a grapheme cluster starts, and its end:
/// the only places text may be cut between cells.
pub fn cluster_bounds(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.grapheme_indices(true)
        .map(|(at, _)| at)
        .chain(std::iter::once(text.len()))
}

/// `text` cut to at most `max` columns, ending in `…` when cut.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    if width(text) <= max {
        return Cow::Borrowed(text);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for cluster in text.graphemes(true) {
        let w = width(cluster);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push_str(cluster);
    }
    out.push('…');
    Cow::Owned(out)
}

/// `line` cut to at most `max` columns, its last kept span ending in `…`
/// when cut, so a reader sees that more follows instead of a word sliced
/// at the border.
pub fn truncate_line(line: &Line<'static>, max: usize) -> Line<'static> {
    if line.width() <= max {
        return line.clone();
    }
    if max == 0 {
        return Line::default();
    }
    let mut spans: Vec<Span<'static>> = Vec::new();
    // One column is kept for the ellipsis: the line is longer than `max`,
    // so some span is always cut.
    let mut budget = max.saturating_sub(1);
    for span in &line.spans {
        let w = width(&span.content);
        if w <= budget {
            spans.push(span.clone());
            budget -= w;
            continue;
        }
        let mut kept = String::new();
        for cluster in span.content.graphemes(true) {
            let cw = width(cluster);
            if cw > budget {
                break;
            }
            budget -= cw;
            kept.push_str(cluster);
        }
        kept.push('…');
        spans.push(Span::styled(kept, span.style));
        break;
    }
    let mut out = Line::from(spans);
    out.style = line.style;
    out.alignment = line.alignment;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_end_in_an_ellipsis_within_their_width() {
        let line = Line::from(vec![
            Span::raw("shift  "),
            Span::raw("The quake struck at noon"),
        ]);
        let cut = truncate_line(&line, 16);
        assert_eq!(cut.width(), 16);
        assert_eq!(cut.to_string(), "shift  The quak…");
        assert_eq!(truncate_line(&line, 7).to_string(), "shift …");
        assert_eq!(truncate_line(&line, 40).to_string(), line.to_string());
        assert_eq!(truncate_line(&line, 0).width(), 0);
    }

    #[test]
    fn controls_and_escapes_never_survive() {
        let hostile = "a\u{1b}[2Jb\u{7}c\u{9b}31md\u{202E}e\u{200B}f\tg\r\nh";
        let cleaned = clean(hostile);
        assert!(!cleaned.chars().any(is_unsafe), "{cleaned:?}");
        assert!(cleaned.contains('a') && cleaned.contains('h'));
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(clean("Zelenskyy’s “plan”"), Cow::Borrowed(_)));
    }

    #[test]
    fn clusters_terminals_measure_apart_are_drawn_without_their_marks() {
        assert_eq!(clean("ok 👍🏽 ❤️ #️⃣"), "ok 👍 ❤ #\u{20e3}");
        for text in ["नमस्ते हिन्दी", "🇺🇸 🇫🇷", "日本語", "e\u{301}te\u{301}"]
        {
            assert!(matches!(clean(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn each_code_point_that_takes_columns_gets_its_own_cell() {
        use ratatui::layout::Rect;
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf.set_string(0, 0, "क्ष🇺🇸日a", ratatui::style::Style::default());
        one_code_point_per_cell(&mut buf);
        let cells: Vec<&str> = buf.content().iter().map(|cell| cell.symbol()).collect();
        assert_eq!(cells, ["क्", "ष", "🇺", "🇸", "日", " ", "a", " "]);
    }

    #[test]
    fn truncation_respects_wide_characters() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
        assert_eq!(truncate("日本語テキスト", 5), "日本…");
        assert_eq!(truncate("abc", 0), "");
    }
}
