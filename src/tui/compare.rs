//! The compare view: one topic side by side across sources. The engine
//! ([`crate::compare`]) decides rows, cells and word marks; this module only
//! lays them out in columns (wrapped once per width) and keeps the selection.

use super::text::{clean, truncate, width};
use crate::compare::{Cell, Comparison, MarkKind, compare};
use crate::model::{Article, Corpus};
use crate::topics::{CorpusIndex, TopicSet, config_path, coverage};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

/// Narrowest column a source gets before the view pages sideways instead.
pub const MIN_COLUMN: u16 = 28;
/// The topic shown when the view first opens.
const DEFAULT_TOPIC: &str = "security-guarantees";

pub fn style_of(mark: Option<MarkKind>) -> Style {
    match mark {
        None => Style::new(),
        Some(MarkKind::Differs) => Style::new().fg(Color::Yellow),
        Some(MarkKind::Number) => Style::new()
            .fg(Color::LightRed)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        Some(MarkKind::Entity) => Style::new()
            .fg(Color::LightCyan)
            .add_modifier(Modifier::BOLD),
    }
}

/// One aligned row as laid out for the columns on screen.
struct GridRow {
    /// First visual line of the row (its label line).
    top: usize,
    /// Label line plus the tallest cell.
    height: usize,
    /// Wrapped lines per shown column.
    cells: Vec<Vec<Line<'static>>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct GridKey {
    generation: u64,
    shown: Vec<usize>,
    text_width: usize,
}

struct Grid {
    key: GridKey,
    rows: Vec<GridRow>,
    lines: usize,
}

pub struct CompareState {
    pub topics: TopicSet,
    index: CorpusIndex,
    /// Index into `topics.topics`.
    pub topic: usize,
    /// Per corpus article: left out of the comparison.
    pub hidden: Vec<bool>,
    pub comparison: Comparison,
    /// Sentences on the topic per corpus article (hidden ones included).
    pub coverage: Vec<usize>,
    /// Selected row.
    pub row: usize,
    /// Selected position in [`CompareState::visible`].
    pub column: usize,
    /// First position of `visible` shown on screen.
    pub first: usize,
    /// First visual line of the grid in view.
    pub scroll: usize,
    /// Bring the selected row into view at the next prepare.
    reveal: bool,
    generation: u64,
    /// Columns that fit at the last size seen.
    pub fit: usize,
    /// Where the grid body is (set by prepare).
    pub body: Rect,
    grid: Option<Grid>,
}

impl CompareState {
    pub fn new(corpus: &Corpus) -> CompareState {
        let (topics, _) = TopicSet::load(config_path().as_deref());
        CompareState::with_topics(corpus, topics)
    }

    pub fn with_topics(corpus: &Corpus, topics: TopicSet) -> CompareState {
        let index = CorpusIndex::build(corpus);
        let topic = topics
            .topics
            .iter()
            .position(|t| t.id == DEFAULT_TOPIC)
            .unwrap_or(0);
        let mut state = CompareState {
            topics,
            index,
            topic,
            hidden: vec![false; corpus.articles.len()],
            comparison: Comparison {
                topic_id: String::new(),
                topic_label: String::new(),
                sources: Vec::new(),
                rows: Vec::new(),
            },
            coverage: Vec::new(),
            row: 0,
            column: 0,
            first: 0,
            scroll: 0,
            reveal: false,
            generation: 0,
            fit: 2,
            body: Rect::default(),
            grid: None,
        };
        state.recompute(corpus);
        state
    }

    /// Article indices of the sources in the comparison, in corpus order.
    pub fn visible(&self) -> Vec<usize> {
        (0..self.hidden.len())
            .filter(|&a| !self.hidden[a])
            .collect()
    }

    /// Sentences per topic per article, for the topic picker.
    pub fn topic_coverage(&self, corpus: &Corpus) -> Vec<Vec<usize>> {
        let all: Vec<usize> = (0..corpus.articles.len()).collect();
        self.topics
            .topics
            .iter()
            .map(|topic| coverage(corpus, &self.index, topic, &all))
            .collect()
    }

    /// Runs the engine for the current topic and sources; instant on
    /// corpora of a few dozen articles.
    pub fn recompute(&mut self, corpus: &Corpus) {
        let Some(topic) = self.topics.topics.get(self.topic) else {
            return;
        };
        let all: Vec<usize> = (0..corpus.articles.len()).collect();
        self.coverage = coverage(corpus, &self.index, topic, &all);
        self.comparison = compare(corpus, &self.index, topic, &self.visible());
        self.generation += 1;
        self.row = 0;
        self.scroll = 0;
        self.column = self.column.min(self.visible().len().saturating_sub(1));
        self.grid = None;
    }

    pub fn set_topic(&mut self, corpus: &Corpus, topic: usize) {
        if topic < self.topics.topics.len() {
            self.topic = topic;
            self.recompute(corpus);
        }
    }

    /// Hides or shows article `source`; the last visible source stays.
    pub fn toggle_source(&mut self, corpus: &Corpus, source: usize) {
        let Some(&hidden) = self.hidden.get(source) else {
            return;
        };
        if !hidden && self.visible().len() <= 1 {
            return;
        }
        self.hidden[source] = !hidden;
        self.recompute(corpus);
    }

    pub fn move_row(&mut self, delta: isize) {
        let last = self.comparison.rows.len().saturating_sub(1);
        self.row = self.row.saturating_add_signed(delta).min(last);
        self.reveal = true;
    }

    /// Selects the next (or previous) row after the selected one that `wanted` accepts.
    pub fn jump(&mut self, forward: bool, wanted: impl Fn(&crate::compare::Row) -> bool) {
        let rows = &self.comparison.rows;
        let found = if forward {
            (self.row + 1..rows.len()).find(|&r| wanted(&rows[r]))
        } else {
            (0..self.row.min(rows.len()))
                .rev()
                .find(|&r| wanted(&rows[r]))
        };
        if let Some(row) = found {
            self.row = row;
            self.reveal = true;
        }
    }

    /// Scrolls by `lines` and selects the row at the top of the view.
    pub fn scroll_by(&mut self, lines: isize) {
        self.scroll = self.scroll.saturating_add_signed(lines);
        if let Some(grid) = &self.grid {
            self.scroll = self.scroll.min(grid.lines.saturating_sub(1));
            self.row = grid
                .rows
                .partition_point(|r| r.top + r.height <= self.scroll)
                .min(grid.rows.len().saturating_sub(1));
        }
    }

    pub fn move_column(&mut self, delta: isize) {
        let last = self.visible().len().saturating_sub(1);
        self.column = self.column.saturating_add_signed(delta).min(last);
        if self.column < self.first {
            self.first = self.column;
        } else if self.column >= self.first + self.fit {
            self.first = self.column + 1 - self.fit;
        }
    }

    /// Pages the columns sideways by a screenful.
    pub fn page_columns(&mut self, forward: bool) {
        let count = self.visible().len();
        let fit = self.fit.max(1);
        self.first = if forward {
            (self.first + fit).min(count.saturating_sub(fit))
        } else {
            self.first.saturating_sub(fit)
        };
        self.column = self.column.clamp(self.first, self.first + fit - 1);
        self.column = self.column.min(count.saturating_sub(1));
    }

    /// The article and byte range to open for the selected cell (the first
    /// cell of the row when the selected source has none there).
    pub fn selected_target(&self, corpus: &Corpus) -> Option<(usize, usize, usize)> {
        let row = self.comparison.rows.get(self.row)?;
        let source = self.visible().get(self.column).copied();
        let cell = source
            .and_then(|s| row.cell(s))
            .or_else(|| row.cells.first())?;
        let article = corpus.articles.get(cell.article)?;
        let first = article.sentences.get(*cell.sentences.first()?)?;
        let last = article.sentences.get(*cell.sentences.last()?)?;
        Some((cell.article, first.start, last.end))
    }

    /// The shown sources: positions `first..first + fit` of `visible`.
    pub fn shown(&self) -> Vec<usize> {
        self.visible()
            .into_iter()
            .skip(self.first)
            .take(self.fit)
            .collect()
    }

    pub fn page_lines(&self) -> usize {
        usize::from(self.body.height).saturating_sub(1).max(1)
    }

    /// Fits the view to `area` (the whole main area): columns, paging, the
    /// wrapped grid, and the scroll that keeps the selection in view.
    pub fn prepare(&mut self, corpus: &Corpus, area: Rect) {
        let inner = inner(area);
        let count = self.visible().len();
        let fit = usize::from(inner.width.saturating_add(1) / (MIN_COLUMN + 1)).max(2);
        self.fit = fit.min(count).max(1);
        self.first = self.first.min(count.saturating_sub(self.fit));
        self.column = self.column.min(count.saturating_sub(1));
        if self.column < self.first {
            self.first = self.column;
        } else if self.column >= self.first + self.fit {
            self.first = self.column + 1 - self.fit;
        }
        let header = self.header_height(corpus, inner.width);
        self.body = Rect {
            y: inner.y + header,
            height: inner.height.saturating_sub(header),
            ..inner
        };
        let shown = self.shown();
        let text_width = usize::from(column_width(inner.width, self.fit)).saturating_sub(2);
        let key = GridKey {
            generation: self.generation,
            shown: shown.clone(),
            text_width,
        };
        if self.grid.as_ref().map(|g| &g.key) != Some(&key) {
            self.grid = Some(self.build_grid(corpus, key));
        }
        let Some(grid) = &self.grid else {
            return;
        };
        self.row = self.row.min(grid.rows.len().saturating_sub(1));
        let height = usize::from(self.body.height);
        if self.reveal
            && let Some(row) = grid.rows.get(self.row)
        {
            if row.top < self.scroll || row.height > height {
                self.scroll = row.top;
            } else if row.top + row.height > self.scroll + height {
                self.scroll = row.top + row.height - height;
            }
        }
        self.reveal = false;
        self.scroll = self.scroll.min(grid.lines.saturating_sub(height));
    }

    fn build_grid(&self, corpus: &Corpus, key: GridKey) -> Grid {
        let mut rows = Vec::with_capacity(self.comparison.rows.len());
        let mut top = 0;
        for row in &self.comparison.rows {
            let cells: Vec<Vec<Line<'static>>> = key
                .shown
                .iter()
                .map(
                    |&source| match (row.cell(source), corpus.articles.get(source)) {
                        (Some(cell), Some(article)) => wrap_cell(article, cell, key.text_width),
                        _ => Vec::new(),
                    },
                )
                .collect();
            let height = 1 + cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            rows.push(GridRow { top, height, cells });
            top += height;
        }
        Grid {
            key,
            rows,
            lines: top,
        }
    }

    /// Coverage line(s), legend line and column titles.
    fn header_height(&self, corpus: &Corpus, width: u16) -> u16 {
        let coverage = self.coverage_lines(corpus, usize::from(width)).len();
        u16::try_from(coverage)
            .unwrap_or(u16::MAX)
            .saturating_add(2)
    }

    /// "1 Reuters 12" per source, wrapped between items; silent sources
    /// read "silent", hidden ones are dimmed.
    fn coverage_lines(&self, corpus: &Corpus, max_width: usize) -> Vec<Line<'static>> {
        let mut lines: Vec<Line<'static>> = Vec::new();
        let mut current: Vec<Span<'static>> = vec![Span::styled(
            "Coverage ",
            Style::new().add_modifier(Modifier::BOLD),
        )];
        let mut used = 9;
        for (index, article) in corpus.articles.iter().enumerate() {
            let count = self.coverage.get(index).copied().unwrap_or(0);
            let hidden = self.hidden.get(index).copied().unwrap_or(false);
            let name = truncate(&clean(article.source_or_id()), 24).into_owned();
            let amount = match (count, hidden) {
                (_, true) => "hidden".to_string(),
                (0, false) => "silent".to_string(),
                (1, false) => "1 sentence".to_string(),
                (n, false) => format!("{n} sentences"),
            };
            let item_width = width(&index_label(index)) + width(&name) + width(&amount) + 4;
            if used + item_width > max_width && used > 9 {
                lines.push(Line::from(std::mem::take(&mut current)));
                current.push(Span::raw("         "));
                used = 9;
            }
            let (name_style, amount_style) = if hidden {
                (
                    Style::new().fg(Color::DarkGray),
                    Style::new().fg(Color::DarkGray),
                )
            } else if count == 0 {
                (
                    Style::new().fg(Color::Magenta),
                    Style::new().fg(Color::Red).add_modifier(Modifier::ITALIC),
                )
            } else {
                (Style::new().fg(Color::Magenta), Style::new())
            };
            current.push(Span::styled(
                index_label(index),
                Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            ));
            current.push(Span::raw(" "));
            current.push(Span::styled(name, name_style));
            current.push(Span::raw(" "));
            current.push(Span::styled(amount, amount_style));
            current.push(Span::raw("  "));
            used += item_width;
        }
        lines.push(Line::from(current));
        lines
    }

    pub fn render(&self, corpus: &Corpus, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let visible = self.visible();
        let shown = self.shown();
        let total_rows = self.comparison.rows.len();
        let position = if total_rows == 0 {
            "no rows".to_string()
        } else {
            format!("row {}/{}", self.row + 1, total_rows)
        };
        let title = format!(" Compare: {} ", clean(&self.comparison.topic_label));
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(Style::new().fg(Color::Cyan))
            .title(Span::styled(
                title,
                Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            ))
            .title_bottom(Line::from(format!(" {position} ")).right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        let mut y = inner.y;
        let coverage = self.coverage_lines(corpus, usize::from(inner.width));
        for line in coverage {
            if y >= self.body.y.saturating_sub(2) || y >= inner.bottom() {
                break;
            }
            line.render(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                buf,
            );
            y += 1;
        }
        if y < inner.bottom() {
            let mut legend = vec![
                Span::styled("differs", style_of(Some(MarkKind::Differs))),
                Span::raw(" "),
                Span::styled("number", style_of(Some(MarkKind::Number))),
                Span::raw(" "),
                Span::styled("entity", style_of(Some(MarkKind::Entity))),
                Span::styled("  shared wording plain", Style::new().fg(Color::DarkGray)),
            ];
            if shown.len() < visible.len() {
                let first = self.first + 1;
                let last = self.first + shown.len();
                let range = if first == last {
                    format!("{first}")
                } else {
                    format!("{first}–{last}")
                };
                legend.push(Span::styled(
                    format!("   sources {range} of {} ‹H L›", visible.len()),
                    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                ));
            }
            Line::from(legend).render(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                buf,
            );
            y += 1;
        }
        let columns = column_rects(inner, self.fit);
        if y < inner.bottom() {
            for (position, (&source, rect)) in shown.iter().zip(&columns).enumerate() {
                let Some(article) = corpus.articles.get(source) else {
                    continue;
                };
                let selected = self.first + position == self.column;
                let style = if selected {
                    Style::new()
                        .fg(Color::Cyan)
                        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
                } else {
                    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
                };
                let text = format!("{} {}", index_label(source), clean(article.source_or_id()));
                let text = truncate(&text, usize::from(rect.width.saturating_sub(1)));
                buf.set_stringn(rect.x, y, &text, usize::from(rect.width), style);
            }
        }
        self.render_grid(corpus, &columns, buf);
    }

    fn render_grid(&self, corpus: &Corpus, columns: &[Rect], buf: &mut Buffer) {
        let body = self.body.intersection(buf.area);
        let Some(grid) = &self.grid else {
            return;
        };
        if body.is_empty() {
            return;
        }
        if grid.rows.is_empty() {
            let text = "No sentence of the shown sources is on this topic — t picks another.";
            let text = truncate(text, usize::from(body.width));
            buf.set_string(body.x, body.y, text, Style::new().fg(Color::DarkGray));
            return;
        }
        let height = usize::from(body.height);
        let total = self.visible().len();
        let first_row = grid
            .rows
            .partition_point(|r| r.top + r.height <= self.scroll);
        for (index, row) in grid.rows.iter().enumerate().skip(first_row) {
            if row.top >= self.scroll + height {
                break;
            }
            let selected = index == self.row;
            let line_y = |line: usize| -> Option<u16> {
                let at = (row.top + line).checked_sub(self.scroll)?;
                (at < height).then(|| body.y + at as u16)
            };
            // A grid from before a recompute may outlive its rows for a frame.
            let Some(data) = self.comparison.rows.get(index) else {
                break;
            };
            if let Some(y) = line_y(0) {
                let label = if data.cells.len() == 1 {
                    let name = data
                        .cells
                        .first()
                        .and_then(|c| corpus.articles.get(c.article))
                        .map_or("", |a| a.source_or_id());
                    format!("only {}", clean(name))
                } else {
                    format!("{} of {}", data.cells.len(), total)
                };
                let (rule, style) = if selected {
                    (
                        "━",
                        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                    )
                } else {
                    ("─", Style::new().fg(Color::DarkGray))
                };
                let text = format!("{rule}{rule} {label} ");
                let text = truncate(&text, usize::from(body.width));
                let used = width(&text);
                buf.set_stringn(body.x, y, &text, usize::from(body.width), style);
                let rest = usize::from(body.width).saturating_sub(used);
                buf.set_stringn(
                    body.x + used as u16,
                    y,
                    rule.repeat(rest),
                    rest,
                    style.remove_modifier(Modifier::BOLD),
                );
            }
            for (position, (cell, rect)) in row.cells.iter().zip(columns).enumerate() {
                let cell_selected = selected && self.first + position == self.column;
                for line in 1..row.height {
                    let Some(y) = line_y(line) else {
                        continue;
                    };
                    if cell_selected {
                        buf.set_string(rect.x, y, "▌", Style::new().fg(Color::Cyan));
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
                            buf.set_string(text_area.x, y, "·", Style::new().fg(Color::DarkGray));
                        }
                        None => {}
                    }
                }
            }
            for rect in columns.iter().skip(1) {
                for line in 1..row.height {
                    if let Some(y) = line_y(line)
                        && rect.x > 0
                    {
                        buf.set_string(rect.x - 1, y, "│", Style::new().fg(Color::DarkGray));
                    }
                }
            }
        }
    }
}

fn index_label(index: usize) -> String {
    (index + 1).to_string()
}

fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// Width of each of `fit` columns sharing `total` columns with 1-wide gaps.
fn column_width(total: u16, fit: usize) -> u16 {
    let fit = u16::try_from(fit.max(1)).unwrap_or(u16::MAX);
    total.saturating_sub(fit - 1) / fit
}

fn column_rects(inner: Rect, fit: usize) -> Vec<Rect> {
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

/// A cell's sentences wrapped to `width` columns, marked words styled.
fn wrap_cell(article: &Article, cell: &Cell, width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    // Words as styled pieces: a mark can cover part of a word ("U.S.-backed").
    let mut words: Vec<Vec<(String, Option<MarkKind>)>> = Vec::new();
    for sentence in cell.segments(article) {
        let mut open = false;
        for segment in sentence {
            let text = clean(segment.text);
            for (n, word) in text.split(' ').enumerate() {
                if n > 0 {
                    open = false;
                }
                if word.is_empty() {
                    continue;
                }
                match words.last_mut() {
                    Some(last) if open => last.push((word.to_string(), segment.mark)),
                    _ => words.push(vec![(word.to_string(), segment.mark)]),
                }
                open = true;
            }
        }
    }
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for word in words {
        let w: usize = word.iter().map(|(t, _)| super::text::width(t)).sum();
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
            spans.extend(word.into_iter().map(|(t, m)| Span::styled(t, style_of(m))));
            continue;
        }
        // A word longer than the column is cut across lines.
        for (text, mark) in word {
            for c in text.chars() {
                let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if used + cw > width && used > 0 {
                    lines.push(Line::from(std::mem::take(&mut spans)));
                    used = 0;
                }
                spans.push(Span::styled(c.to_string(), style_of(mark)));
                used += cw;
            }
        }
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}
