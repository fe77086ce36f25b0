//! The compare view's rows as a grid: each cell's sentences wrapped once
//! per column width with the engine's word marks styled, and drawn in the
//! columns on screen.

use super::CompareView;
use crate::compare::{Cell, MarkKind, Row};
use crate::model::Article;
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::layer::Shared;
use crate::tui::text::{clean, truncate, width};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The style of a word the engine marked (or did not).
pub fn style_of(mark: Option<MarkKind>, theme: &Theme) -> Style {
    match mark {
        None => Style::new(),
        Some(MarkKind::Differs) => theme.differs,
        Some(MarkKind::Number) => theme.number,
        Some(MarkKind::Entity) => theme.diff_entity,
    }
}

/// One aligned row as laid out for the columns on screen.
pub struct GridRow {
    /// First visual line of the row (its label line).
    pub top: usize,
    /// Label line plus the tallest cell.
    pub height: usize,
    /// Wrapped lines per shown column.
    cells: Vec<Vec<Line<'static>>>,
}

/// What a grid depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridKey {
    pub generation: u64,
    pub shown: Vec<usize>,
    pub text_width: usize,
}

pub struct Grid {
    pub key: GridKey,
    pub rows: Vec<GridRow>,
    pub lines: usize,
}

impl Grid {
    /// The shown rows of `view` wrapped for the sources and width of `key`.
    pub fn build(view: &CompareView, key: GridKey, theme: &Theme) -> Grid {
        let corpus = &view.engine.corpus;
        let rows = view.shown_rows();
        let mut grid_rows = Vec::with_capacity(rows.len());
        let mut top = 0;
        // Rows a sentence also stands on, as positions among the shown rows.
        let also = |article: usize, sentence: usize, here: usize| -> Vec<usize> {
            let Some(computed) = &view.computed else {
                return Vec::new();
            };
            computed
                .sentence_rows
                .get(&(article, sentence))
                .into_iter()
                .flatten()
                .filter(|&&r| r != here)
                .filter_map(|r| view.rows.binary_search(r).ok())
                .collect()
        };
        for (position, row) in rows.into_iter().enumerate() {
            let here = view.rows.get(position).copied().unwrap_or(usize::MAX);
            let cells: Vec<Vec<Line<'static>>> = key
                .shown
                .iter()
                .map(
                    |&source| match (row.cell(source), corpus.articles.get(source)) {
                        (Some(cell), Some(article)) => {
                            let flagged: Vec<(usize, usize)> = view
                                .flag(row)
                                .into_iter()
                                .flat_map(|flag| &flag.spans)
                                .filter(|(a, _, _)| *a == source)
                                .map(|&(_, start, end)| (start, end))
                                .collect();
                            let mut lines =
                                wrap_cell(article, cell, &flagged, key.text_width, theme);
                            let others: Vec<String> = cell
                                .sentences
                                .iter()
                                .flat_map(|&s| also(source, s, here))
                                .map(|r| (r + 1).to_string())
                                .collect();
                            if !others.is_empty() {
                                // One sentence, two facts: say where else it stands.
                                let note = format!("↔ also on row {}", others.join(", "));
                                let note = truncate(&note, key.text_width).into_owned();
                                lines.push(Line::styled(note, theme.dim));
                            }
                            lines
                        }
                        _ => Vec::new(),
                    },
                )
                .collect();
            let height = 1 + cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            grid_rows.push(GridRow { top, height, cells });
            top += height;
        }
        Grid {
            key,
            rows: grid_rows,
            lines: top,
        }
    }
}

/// Width of each of `fit` columns sharing `total` columns with 1-wide gaps.
pub fn column_width(total: u16, fit: usize) -> u16 {
    let fit = u16::try_from(fit.max(1)).unwrap_or(u16::MAX);
    total.saturating_sub(fit - 1) / fit
}

pub fn column_rects(inner: Rect, fit: usize) -> Vec<Rect> {
    let each = column_width(inner.width, fit);
    (0..fit)
        .map(|i| {
            let i = u16::try_from(i).unwrap_or(u16::MAX);
            Rect {
                x: inner.x.saturating_add(i.saturating_mul(each + 1)),
                width: each,
                ..inner
            }
        })
        .collect()
}

/// Where one grid row lands on screen.
struct Placed<'a> {
    body: Rect,
    scroll: usize,
    row: &'a GridRow,
}

impl Placed<'_> {
    /// The screen row of the grid row's `line`, if it is in view.
    fn y(&self, line: usize) -> Option<u16> {
        let at = (self.row.top + line).checked_sub(self.scroll)?;
        (at < usize::from(self.body.height)).then(|| self.body.y + at as u16)
    }
}

impl CompareView {
    /// "3 of 5 · silent: PPL News [2], Reuters [4]" (of every compared
    /// source, hidden ones included, then who says nothing of it, named up
    /// to [`SILENT_NAMED`] and counted past that), "only PPL News [5]" for a
    /// row one source has alone, and how many of its sources are hidden.
    fn row_label(&self, row: &Row) -> String {
        let flag = self
            .flag(row)
            .map(|flag| format!("≠ {} · ", flag.kinds.join(", ")))
            .unwrap_or_default();
        format!("{flag}{}", self.coverage_label(row))
    }

    fn coverage_label(&self, row: &Row) -> String {
        let corpus = &self.engine.corpus;
        let name = |article: usize| {
            let name = corpus
                .articles
                .get(article)
                .map_or("", |a| a.source_or_id());
            format!("{} [{}]", clean(name), article + 1)
        };
        if let [only] = row.cells.as_slice() {
            return format!("only {}", name(only.article));
        }
        let total = self.comparison().map_or(0, |c| c.sources.len());
        let mut label = format!("{} of {total}", row.cells.len());
        let silent: Vec<usize> = self
            .comparison()
            .map(|c| c.silent(row).collect())
            .unwrap_or_default();
        if !silent.is_empty() {
            let mut named: Vec<String> =
                silent.iter().take(SILENT_NAMED).map(|&a| name(a)).collect();
            if silent.len() > SILENT_NAMED {
                named.push(format!("+{} more", silent.len() - SILENT_NAMED));
            }
            label.push_str(&format!(" · silent: {}", named.join(", ")));
        }
        let hidden = row
            .cells
            .iter()
            .filter(|c| self.is_hidden(c.article))
            .count();
        if hidden > 0 {
            label.push_str(&format!(" · {hidden} hidden"));
        }
        label
    }

    /// The body's one line while there is no row to show.
    fn placeholder(&self, body: Rect, buf: &mut Buffer, shared: Shared) -> bool {
        let theme = shared.theme();
        let (text, style) = if self.computing() {
            let sources = self.hidden.len();
            let text = if !self.engine.facts_ready() {
                format!("Finding facts across {sources} sources…")
            } else if self.topic_label().is_empty() {
                format!("Finding the topic most of the {sources} sources report on…")
            } else {
                format!(
                    "Comparing “{}” across {sources} sources…",
                    clean(&self.topic_label())
                )
            };
            (text, theme.accent)
        } else if self.grid.as_ref().is_some_and(|grid| grid.rows.is_empty()) {
            let key = shared.keymap().label(Mode::Global, Action::PickTopic);
            let text =
                format!("No sentence of the shown sources is on this topic — {key} picks another.");
            (text, theme.dim)
        } else {
            return false;
        };
        let text = truncate(&text, usize::from(body.width));
        buf.set_string(body.x, body.y, text, style);
        true
    }

    pub(super) fn render_grid(&self, columns: &[Rect], buf: &mut Buffer, shared: Shared) {
        let body = self.body.intersection(buf.area);
        if body.is_empty() || self.placeholder(body, buf, shared) {
            return;
        }
        let Some(grid) = &self.grid else {
            return;
        };
        let height = usize::from(body.height);
        let shown_rows = self.shown_rows();
        let first_row = grid
            .rows
            .partition_point(|r| r.top + r.height <= self.scroll);
        for (index, row) in grid.rows.iter().enumerate().skip(first_row) {
            if row.top >= self.scroll + height {
                break;
            }
            let Some(data) = shown_rows.get(index) else {
                break;
            };
            let placed = Placed {
                body,
                scroll: self.scroll,
                row,
            };
            let selected = index == self.row;
            self.draw_rule(&placed, data, selected, buf, shared.theme());
            self.draw_cells(&placed, columns, selected, buf, shared.theme());
        }
    }

    /// The row's label line: "── 3 of 5 · 1 4 5 ──────", bold when selected.
    fn draw_rule(
        &self,
        placed: &Placed,
        data: &Row,
        selected: bool,
        buf: &mut Buffer,
        theme: &Theme,
    ) {
        let Some(y) = placed.y(0) else {
            return;
        };
        let body = placed.body;
        let (rule, style) = if selected {
            ("━", theme.title)
        } else {
            ("─", theme.dim)
        };
        let text = format!("{rule}{rule} {} ", self.row_label(data));
        let text = truncate(&text, usize::from(body.width));
        let used = width(&text);
        buf.set_stringn(body.x, y, &text, usize::from(body.width), style);
        if let Some(flag) = self.flag(data) {
            // The flag in the warning colour, the rest of the label as it is.
            let flag_width = width(&format!("≠ {}", flag.kinds.join(", ")));
            let shown = u16::try_from(flag_width.min(used.saturating_sub(3))).unwrap_or(0);
            buf.set_style(
                Rect {
                    x: body.x + 3,
                    y,
                    width: shown.min(body.width.saturating_sub(3)),
                    height: 1,
                },
                theme.warning,
            );
        }
        let rest = usize::from(body.width).saturating_sub(used);
        buf.set_stringn(
            body.x + used as u16,
            y,
            rule.repeat(rest),
            rest,
            style.remove_modifier(Modifier::BOLD),
        );
    }

    /// The row's cells in their columns, with the separators between them.
    fn draw_cells(
        &self,
        placed: &Placed,
        columns: &[Rect],
        selected: bool,
        buf: &mut Buffer,
        theme: &Theme,
    ) {
        let row = placed.row;
        for (position, (cell, rect)) in row.cells.iter().zip(columns).enumerate() {
            let cell_selected = selected && self.first + position == self.column;
            for line in 1..row.height {
                let Some(y) = placed.y(line) else {
                    continue;
                };
                if cell_selected {
                    buf.set_string(rect.x, y, "▌", theme.accent);
                }
                let text_area = Rect {
                    x: rect.x + 2,
                    y,
                    width: rect.width.saturating_sub(2),
                    height: 1,
                };
                match cell.get(line - 1) {
                    Some(text) => text.clone().render(text_area, buf),
                    None if line == 1 && cell.is_empty() => {
                        buf.set_string(text_area.x, y, "·", theme.dim);
                    }
                    None => {}
                }
            }
        }
        for rect in columns.iter().skip(1) {
            for line in 1..row.height {
                if let Some(y) = placed.y(line)
                    && rect.x > 0
                {
                    buf.set_string(rect.x - 1, y, "│", theme.dim);
                }
            }
        }
    }
}

/// Silent sources a row's label names before counting the rest.
const SILENT_NAMED: usize = 3;

/// What starts each sentence of a cell that holds several.
const BULLET: &str = "• ";

/// A cell's sentences wrapped to `width` columns, marked words styled. When
/// a cell holds several sentences each starts on its own line under a
/// bullet, so the reader sees where one report ends and the next begins.
fn wrap_cell(
    article: &Article,
    cell: &Cell,
    flagged: &[(usize, usize)],
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let width = width.max(1);
    let bulleted = cell.sentences.len() > 1 && width > BULLET.len() + 1;
    let mut lines = Vec::new();
    let starts = cell
        .sentences
        .iter()
        .filter_map(|&s| article.sentences.get(s))
        .map(|s| s.start);
    for (sentence, start) in cell.segments(article).into_iter().zip(starts) {
        // Words as styled pieces: a mark can cover part of a word ("U.S.-backed").
        let mut words: Vec<Vec<(String, Style)>> = Vec::new();
        let mut open = false;
        let mut at = start;
        for segment in sentence {
            for (raw, disputed) in split_flagged(segment.text, at, flagged) {
                let mut style = style_of(segment.mark, theme);
                if disputed {
                    style = style.patch(theme.warning);
                }
                let text = clean(raw);
                for (n, word) in text.split(' ').enumerate() {
                    if n > 0 {
                        open = false;
                    }
                    if word.is_empty() {
                        continue;
                    }
                    match words.last_mut() {
                        Some(last) if open => last.push((word.to_string(), style)),
                        _ => words.push(vec![(word.to_string(), style)]),
                    }
                    open = true;
                }
            }
            at += segment.text.len();
        }
        if bulleted {
            let indent = BULLET.len();
            let wrapped = wrap_words(words, width - indent);
            for (n, mut line) in wrapped.into_iter().enumerate() {
                let lead = if n == 0 { BULLET } else { "  " };
                line.spans.insert(0, Span::styled(lead, theme.dim));
                lines.push(line);
            }
        } else {
            lines.extend(wrap_words(words, width));
        }
    }
    lines
}

/// `text`, which starts at byte `at` of the body, cut where the `flagged`
/// byte ranges begin and end: (piece, inside a flagged range).
fn split_flagged<'a>(text: &'a str, at: usize, flagged: &[(usize, usize)]) -> Vec<(&'a str, bool)> {
    let end = at + text.len();
    let mut cuts: Vec<usize> = flagged
        .iter()
        .flat_map(|&(s, e)| [s, e])
        .filter(|&b| b > at && b < end)
        .map(|b| b - at)
        .filter(|&b| text.is_char_boundary(b))
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces = Vec::new();
    let mut from = 0;
    for cut in cuts.into_iter().chain(std::iter::once(text.len())) {
        if cut > from {
            let inside = flagged
                .iter()
                .any(|&(s, e)| s <= at + from && at + from < e);
            pieces.push((&text[from..cut], inside));
        }
        from = cut;
    }
    pieces
}

/// Styled words wrapped to `width` columns; a word longer than the column
/// is cut across lines.
fn wrap_words(words: Vec<Vec<(String, Style)>>, width: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for word in words {
        let w: usize = word.iter().map(|(t, _)| crate::tui::text::width(t)).sum();
        if used > 0 && used + 1 + w > width {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        if used > 0 {
            spans.push(Span::raw(" "));
            used += 1;
        }
        if w <= width {
            used += w;
            spans.extend(word.into_iter().map(|(t, style)| Span::styled(t, style)));
            continue;
        }
        for (text, style) in word {
            for c in text.chars() {
                let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if used + cw > width && used > 0 {
                    lines.push(Line::from(std::mem::take(&mut spans)));
                    used = 0;
                }
                spans.push(Span::styled(c.to_string(), style));
                used += cw;
            }
        }
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::{CompareView, Grid, GridKey};
    use crate::analysis::open_corpus;
    use crate::topics::TopicSet;
    use crate::tui::theme::Theme;
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    #[test]
    fn a_sentence_on_two_rows_says_where_else_it_stands() {
        let corpus = Arc::new(open_corpus(&[]).expect("the built-in corpus"));
        let mut view = CompareView::new(corpus, TopicSet::builtin());
        let deadline = Instant::now() + Duration::from_secs(20);
        while view.computing() {
            assert!(Instant::now() < deadline, "the comparison did not arrive");
            std::thread::sleep(Duration::from_millis(5));
            view.take_results();
        }
        let computed = view.computed.as_mut().expect("arrived");
        assert!(computed.comparison.rows.len() > 1);
        let cell = computed.comparison.rows[0].cells[0].clone();
        // The engine gives each sentence one fact today; say this one
        // carries a second, the comparison's row 1.
        computed
            .sentence_rows
            .insert((cell.article, cell.sentences[0]), vec![0, 1]);
        view.refresh(None);
        let key = GridKey {
            generation: view.generation,
            shown: vec![cell.article],
            text_width: 40,
        };
        let grid = Grid::build(&view, key, &Theme::default());
        let text = |row: usize| -> String {
            grid.rows[row].cells[0]
                .iter()
                .map(|line| line.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert!(text(0).ends_with("↔ also on row 2"), "{}", text(0));
        assert!(!text(1).contains("also on row"), "{}", text(1));
    }
}
