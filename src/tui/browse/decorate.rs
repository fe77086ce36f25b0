//! The decoration layer: what the reader paints over the article text.
//!
//! A decorator is a pure function from an article and the current
//! [`Toggles`] to styled byte ranges of `Article::body` and gutter marks.
//! The reader layers every range over the text (later decorators patch
//! earlier ones, so a quote that holds a name and a number shows all
//! three), and puts each gutter mark beside the line holding its offset.
//!
//! To add a kind of decoration (entities, claims...): write a function with
//! the [`Decorator`] signature and append it to [`DECORATORS`]; add a field
//! to [`Toggles`] if the user can switch it, and an action that flips it.

use crate::model::{Article, BlockKind};
use crate::tui::theme::Theme;
use ratatui::style::Style;

/// User switches that change what is painted (and, for boilerplate, what is laid out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Toggles {
    /// Leave boilerplate lines out of the reader instead of dimming them.
    pub hide_boilerplate: bool,
    /// Leave entity colours out.
    pub hide_entities: bool,
    /// Leave claim marks and styles out.
    pub hide_claims: bool,
}

/// A style for `body[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StyledRange {
    pub start: usize,
    pub end: usize,
    pub style: Style,
}

/// A mark in the reader's left gutter, on the line showing byte `at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GutterMark {
    pub at: usize,
    pub symbol: char,
    pub style: Style,
}

/// What the decorators write into.
#[derive(Debug, Default)]
pub struct Paint {
    pub ranges: Vec<StyledRange>,
    pub gutter: Vec<GutterMark>,
}

pub type Decorator = fn(&Article, &Toggles, &Theme, &mut Paint);

/// Applied in order; a later decorator's style patches an earlier one's.
pub const DECORATORS: &[Decorator] =
    &[blocks, super::highlight::claims, super::highlight::entities];

/// The style of each kind of block.
pub fn block_style(kind: BlockKind, theme: &Theme) -> Style {
    match kind {
        BlockKind::Title => theme.strong,
        BlockKind::Heading => theme.heading,
        BlockKind::Paragraph | BlockKind::ListItem => Style::new(),
        BlockKind::Boilerplate => theme.boilerplate,
    }
}

fn blocks(article: &Article, _toggles: &Toggles, theme: &Theme, paint: &mut Paint) {
    paint
        .ranges
        .extend(article.blocks.iter().map(|block| StyledRange {
            start: block.start,
            end: block.end,
            style: block_style(block.kind, theme),
        }));
}

/// All decorations of one article, indexed for "what overlaps these bytes".
#[derive(Debug, Default)]
pub struct Decorations {
    /// Sorted by start; ties keep decorator order.
    ranges: Vec<(usize, StyledRange)>,
    /// `max_end[i]` = the largest end among `ranges[..=i]`, so the first
    /// range that can reach past an offset is found by binary search even
    /// when long ranges (whole blocks) overlap short ones.
    max_end: Vec<usize>,
    gutter: Vec<GutterMark>,
}

impl Decorations {
    pub fn of(article: &Article, toggles: &Toggles, theme: &Theme) -> Decorations {
        let mut paint = Paint::default();
        for decorator in DECORATORS {
            decorator(article, toggles, theme, &mut paint);
        }
        Decorations::from_paint(paint)
    }

    pub fn from_paint(paint: Paint) -> Decorations {
        let mut ranges: Vec<(usize, StyledRange)> = paint
            .ranges
            .into_iter()
            .filter(|range| range.start < range.end)
            .enumerate()
            .collect();
        ranges.sort_by_key(|(order, range)| (range.start, *order));
        let mut max_end = Vec::with_capacity(ranges.len());
        let mut running = 0;
        for (_, range) in &ranges {
            running = running.max(range.end);
            max_end.push(running);
        }
        let mut gutter = paint.gutter;
        gutter.sort_by_key(|mark| mark.at);
        Decorations {
            ranges,
            max_end,
            gutter,
        }
    }

    /// The ranges overlapping `start..end`, in the order they must be applied.
    pub fn overlapping(&self, start: usize, end: usize) -> Vec<StyledRange> {
        let first = self.max_end.partition_point(|&max| max <= start);
        let mut found: Vec<(usize, StyledRange)> = self.ranges[first..]
            .iter()
            .take_while(|(_, range)| range.start < end)
            .filter(|(_, range)| range.end > start)
            .copied()
            .collect();
        found.sort_by_key(|(order, _)| *order);
        found.into_iter().map(|(_, range)| range).collect()
    }

    pub fn gutter(&self) -> &[GutterMark] {
        &self.gutter
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use ratatui::style::Modifier;

    /// Ranges told apart by their modifier.
    fn range(start: usize, end: usize, modifier: Modifier) -> StyledRange {
        StyledRange {
            start,
            end,
            style: Style::new().add_modifier(modifier),
        }
    }

    #[test]
    fn long_ranges_are_found_past_short_ones() {
        let paint = Paint {
            ranges: vec![
                range(0, 100, Modifier::BOLD),
                range(5, 8, Modifier::ITALIC),
                range(50, 60, Modifier::UNDERLINED),
            ],
            gutter: Vec::new(),
        };
        let decorations = Decorations::from_paint(paint);
        let hits = decorations.overlapping(70, 80);
        assert_eq!(hits, vec![range(0, 100, Modifier::BOLD)]);
        let hits = decorations.overlapping(6, 55);
        assert_eq!(hits.len(), 3);
        assert!(decorations.overlapping(100, 120).is_empty());
    }

    #[test]
    fn order_of_application_is_decorator_order() {
        let paint = Paint {
            ranges: vec![
                range(10, 20, Modifier::BOLD),
                range(0, 30, Modifier::ITALIC),
            ],
            gutter: Vec::new(),
        };
        let decorations = Decorations::from_paint(paint);
        assert_eq!(
            decorations.overlapping(12, 14),
            vec![
                range(10, 20, Modifier::BOLD),
                range(0, 30, Modifier::ITALIC)
            ]
        );
    }

    #[test]
    fn empty_ranges_are_dropped() {
        let paint = Paint {
            ranges: vec![range(5, 5, Modifier::BOLD)],
            gutter: Vec::new(),
        };
        assert!(Decorations::from_paint(paint).overlapping(0, 10).is_empty());
    }
}
