//! The coverage header of the compare view: every source with how many
//! sentences it has on the topic, shortened and folded to fit a few lines.

use super::CompareView;
use super::jobs::Computed;
use crate::model::Article;
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::layer::Shared;
use crate::tui::text::{clean, truncate, width};
use crate::tui::theme::Theme;
use crate::tui::widgets::sentences;
use ratatui::text::{Line, Span};

/// Most lines the coverage header takes; the rows need the screen more.
pub const MAX_HEADER_LINES: usize = 6;
/// "Coverage " and the indent of the header's next lines.
const HEADER_LEAD: usize = 9;

/// What the header's lines depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderKey {
    pub generation: u64,
    pub width: usize,
    pub max_lines: usize,
}

/// One source in the coverage header.
struct HeaderItem {
    spans: Vec<Span<'static>>,
    width: usize,
    /// Sources the item stands for (a summary item stands for several).
    sources: usize,
}

/// How a header is laid out: shortened names, silent sources folded.
#[derive(Clone, Copy)]
struct Fit {
    name_max: usize,
    fold_silent: bool,
}

/// " +2 copies" after a source that stands for syndicated copies of its text.
pub(super) fn copies_note(copies: usize) -> String {
    match copies {
        0 => String::new(),
        1 => " +1 copy".to_string(),
        n => format!(" +{n} copies"),
    }
}

/// "12 sentences · Reuters +2 copies [1]" (or "silent · Reuters [1]"): the
/// count first, the name after a separator, the key that toggles the source
/// last in brackets, so numbers and names never run together. Names are cut
/// to `name_max`.
fn source_item(source: Source, article: &Article, name_max: usize, theme: &Theme) -> HeaderItem {
    let name = truncate(&clean(article.source_or_id()), name_max).into_owned();
    let (name_style, amount_style) = if source.hidden {
        (theme.dim, theme.dim)
    } else if source.count == 0 {
        (theme.outlet, theme.silent)
    } else {
        (theme.outlet, ratatui::style::Style::new())
    };
    let mut spans = vec![
        Span::styled(sentences(source.count), amount_style),
        Span::styled(" · ", theme.dim),
        Span::styled(name, name_style),
    ];
    if source.copies > 0 {
        spans.push(Span::styled(copies_note(source.copies), theme.dim));
    }
    spans.push(Span::styled(format!(" [{}]", source.index + 1), theme.key));
    if source.hidden {
        spans.push(Span::styled(" hidden", theme.hidden));
    }
    spans.push(Span::raw("  "));
    HeaderItem {
        width: spans.iter().map(|s| width(&s.content)).sum(),
        spans,
        sources: 1,
    }
}

/// One compared source as the header shows it.
#[derive(Clone, Copy)]
struct Source {
    /// Index into the corpus' articles.
    index: usize,
    count: usize,
    hidden: bool,
    /// Syndicated copies it stands for.
    copies: usize,
}

impl CompareView {
    /// One header item per compared source. With `fold_silent`, silent
    /// sources are folded into one leading "N sources silent" item and the rest ordered hidden
    /// first, then by sentences (hidden ones always stay, so the header
    /// says which).
    fn header_items(&self, computed: &Computed, fit: Fit, theme: &Theme) -> Vec<HeaderItem> {
        let articles = &self.engine.corpus.articles;
        let count_of = |index: usize| computed.coverage.get(index).copied().unwrap_or(0);
        let comparison = &computed.comparison;
        // A syndicated copy is not a source of its own: its original says
        // "+N copies".
        let mut order: Vec<usize> = comparison.sources.clone();
        let copies_of = |index: usize| {
            comparison
                .sources
                .iter()
                .position(|&s| s == index)
                .and_then(|at| comparison.copies.get(at))
                .map_or(0, Vec::len)
        };
        if fit.fold_silent {
            // Too many to list: hidden sources first (the header must say
            // which), then those with the most to say.
            order
                .sort_by_key(|&index| (!self.is_hidden(index), std::cmp::Reverse(count_of(index))));
        }
        let mut items = Vec::new();
        let mut silent = 0;
        for index in order {
            let Some(article) = articles.get(index) else {
                continue;
            };
            let (count, hidden) = (count_of(index), self.is_hidden(index));
            if fit.fold_silent && count == 0 && !hidden {
                silent += 1;
                continue;
            }
            let source = Source {
                index,
                count,
                hidden,
                copies: copies_of(index),
            };
            items.push(source_item(source, article, fit.name_max, theme));
        }
        if silent > 0 {
            // First, so a "+N more" at the end counts sources that have
            // something to say, not the silent majority of a big corpus.
            let text = if silent == 1 {
                "1 source silent  ".to_string()
            } else {
                format!("{silent} sources silent  ")
            };
            items.insert(
                0,
                HeaderItem {
                    width: width(&text),
                    spans: vec![Span::styled(text, theme.silent)],
                    sources: silent,
                },
            );
        }
        items
    }

    /// The coverage header in at most `max_lines` lines of `width` columns.
    /// Names are shown whole when everything fits; else shortened, then
    /// silent sources are folded into one item, then the rest is counted.
    pub(super) fn coverage_lines(&self, key: HeaderKey, shared: Shared) -> Vec<Line<'static>> {
        let theme = shared.theme();
        let lead = Span::styled("Coverage ", theme.strong);
        let Some(computed) = &self.computed else {
            return vec![Line::from(vec![
                lead,
                Span::styled("counting sentences per source…", theme.dim),
            ])];
        };
        // An item is at least a dozen columns: past that many sources, only
        // folding the silent ones can fit.
        let room = key.width.saturating_mul(key.max_lines) / 12;
        let many = computed.comparison.sources.len() > room;
        let attempts = [
            (usize::MAX, false),
            (24, false),
            (16, false),
            (10, false),
            (16, true),
            (10, true),
        ];
        let more = format!(
            "‹{}›",
            shared.keymap().label(Mode::Compare, Action::Sources)
        );
        let wrap = Wrap {
            width: key.width,
            max_lines: key.max_lines,
            lead,
            more: Span::styled(more, theme.accent),
        };
        let mut items = Vec::new();
        for (name_max, fold_silent) in attempts {
            if many && !fold_silent {
                continue;
            }
            items = self.header_items(
                computed,
                Fit {
                    name_max,
                    fold_silent,
                },
                theme,
            );
            if let Some(lines) = wrap.lines(&items, None) {
                return lines;
            }
        }
        let total: usize = items.iter().map(|item| item.sources).sum();
        wrap.lines(&items, Some(total)).unwrap_or_default()
    }
}

/// How header items are wrapped after "Coverage ".
struct Wrap {
    width: usize,
    max_lines: usize,
    lead: Span<'static>,
    /// The key that lists every source, shown after "+N more".
    more: Span<'static>,
}

impl Wrap {
    /// Lays `items` out, wrapping between items, in at most `max_lines`
    /// lines; None when they do not all fit. With `total` (the sources all
    /// items stand for), what does not fit is counted in a closing "+N
    /// more" instead.
    fn lines(&self, items: &[HeaderItem], total: Option<usize>) -> Option<Vec<Line<'static>>> {
        let mut lines: Vec<Line<'static>> = Vec::new();
        let mut current: Vec<Span<'static>> = vec![self.lead.clone()];
        let mut used = HEADER_LEAD;
        let mut placed = 0;
        for (position, item) in items.iter().enumerate() {
            let last_line = lines.len() + 1 >= self.max_lines;
            // On the last line keep room for the "+N more ‹s›" that may follow.
            let reserve = match (total, last_line, position + 1 < items.len()) {
                (Some(_), true, true) => 13 + width(&self.more.content),
                _ => 0,
            };
            if used + item.width + reserve > self.width && used > HEADER_LEAD {
                if last_line {
                    let total = total?;
                    // The source chooser lists them all.
                    let mut more = self.more.clone();
                    more.content = format!("+{} more {}", total - placed, more.content).into();
                    current.push(more);
                    lines.push(Line::from(current));
                    return Some(lines);
                }
                lines.push(Line::from(std::mem::take(&mut current)));
                current.push(Span::raw(" ".repeat(HEADER_LEAD)));
                used = HEADER_LEAD;
            }
            current.extend(item.spans.iter().cloned());
            used += item.width;
            placed += item.sources;
        }
        lines.push(Line::from(current));
        Some(lines)
    }
}
