//! The compare view: one topic side by side across sources. The engine
//! ([`crate::compare`]) decides rows, cells and word marks; this module only
//! lays them out in columns (wrapped once per width) and keeps the selection.
//!
//! The comparison always covers every article of the corpus and is computed
//! on a worker ([`super::jobs`]); hiding a source only changes what is shown,
//! so a row's "3 of 5" stays a fact about the comparison.

use super::jobs::{Computed, TopicEngine};
use super::text::{clean, truncate, width};
use crate::compare::{Cell, Comparison, MarkKind, Row};
use crate::model::{Article, Corpus};
use crate::topics::{TopicSet, config_path};
use crate::worker::LatestWorker;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};
use std::sync::Arc;

/// Narrowest column a source gets before the view pages sideways instead.
pub const MIN_COLUMN: u16 = 28;
/// The topic shown when the view first opens.
const DEFAULT_TOPIC: &str = "security-guarantees";
/// Most lines the coverage header takes; the rows need the screen more.
const MAX_HEADER_LINES: usize = 6;
/// "Coverage " and the indent of the header's next lines.
const HEADER_LEAD: usize = 9;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct HeaderKey {
    generation: u64,
    width: usize,
    max_lines: usize,
}

/// One source in the coverage header.
struct HeaderItem {
    spans: Vec<Span<'static>>,
    width: usize,
    /// Sources the item stands for (a summary item stands for several).
    sources: usize,
}

pub struct CompareState {
    engine: Arc<TopicEngine>,
    /// None when no thread could be started: the view then computes inline.
    worker: Option<LatestWorker<usize, Computed>>,
    /// Index into the topics: the topic shown, or being compared.
    pub topic: usize,
    /// Per corpus article: left out of the view.
    pub hidden: Vec<bool>,
    /// The comparison of `topic`; None while it is being computed.
    computed: Option<Computed>,
    /// Indices into the comparison's rows that a shown source carries.
    rows: Vec<usize>,
    /// Articles with a column: shown sources that carry at least one row.
    columns: Vec<usize>,
    /// Selected position in `rows`.
    pub row: usize,
    /// Selected position in `columns`.
    pub column: usize,
    /// First position of `columns` shown on screen.
    pub first: usize,
    /// First visual line of the grid in view.
    pub scroll: usize,
    /// Bring the selected row into view at the next prepare.
    reveal: bool,
    /// Said in the bottom border after a jump that found no row, until the
    /// next key that acts on the view.
    pub notice: Option<&'static str>,
    /// Changes whenever the rows or columns do (grid and header caches).
    generation: u64,
    /// Columns that fit at the last size seen.
    pub fit: usize,
    /// Where the grid body is (set by prepare).
    pub body: Rect,
    grid: Option<Grid>,
    header: Option<(HeaderKey, Vec<Line<'static>>)>,
}

impl CompareState {
    pub fn new(corpus: Arc<Corpus>) -> CompareState {
        let (topics, _) = TopicSet::load(config_path().as_deref());
        CompareState::with_topics(corpus, topics)
    }

    /// Starts comparing the default topic in the background.
    pub fn with_topics(corpus: Arc<Corpus>, topics: TopicSet) -> CompareState {
        let topic = topics
            .topics
            .iter()
            .position(|t| t.id == DEFAULT_TOPIC)
            .unwrap_or(0);
        let hidden = vec![false; corpus.articles.len()];
        let engine = TopicEngine::new(corpus, topics);
        let worker = TopicEngine::compare_worker(&engine);
        let mut state = CompareState {
            engine,
            worker,
            topic,
            hidden,
            computed: None,
            rows: Vec::new(),
            columns: Vec::new(),
            row: 0,
            column: 0,
            first: 0,
            scroll: 0,
            reveal: false,
            notice: None,
            generation: 0,
            fit: 2,
            body: Rect::default(),
            grid: None,
            header: None,
        };
        state.request();
        state
    }

    /// Shared with the topic picker, so the corpus index is built once.
    pub fn engine(&self) -> &Arc<TopicEngine> {
        &self.engine
    }

    pub fn topics(&self) -> &TopicSet {
        &self.engine.topics
    }

    /// The comparison on screen; None while it is being computed.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.computed.as_ref().map(|c| &c.comparison)
    }

    /// The topic's comparison has not arrived yet.
    pub fn computing(&self) -> bool {
        self.computed.is_none()
    }

    fn topic_label(&self) -> &str {
        self.topics()
            .topics
            .get(self.topic)
            .map_or("", |t| t.label.as_str())
    }

    /// Drops what is shown and asks for the comparison of `self.topic`.
    fn request(&mut self) {
        self.computed = None;
        self.row = 0;
        self.scroll = 0;
        self.refresh(None);
        match &self.worker {
            Some(worker) => {
                worker.submit(self.topic);
            }
            None => {
                self.computed = self.engine.compare(self.topic);
                self.refresh(None);
            }
        }
    }

    /// Takes the worker's result for the topic asked for last; results for
    /// topics asked for before are dropped by the worker.
    pub fn poll(&mut self) {
        let Some(worker) = &self.worker else {
            return;
        };
        let arrived = worker
            .drain()
            .into_iter()
            .rfind(|computed| computed.topic == self.topic);
        if let Some(computed) = arrived {
            self.computed = Some(computed);
            self.row = 0;
            self.scroll = 0;
            self.refresh(None);
        }
    }

    /// Recomputes which rows and columns are shown after the comparison or
    /// the hidden sources changed, keeping row `keep` of the comparison (or
    /// the next shown one) selected.
    fn refresh(&mut self, keep: Option<usize>) {
        self.generation += 1;
        self.grid = None;
        self.rows.clear();
        self.columns.clear();
        let Some(computed) = &self.computed else {
            return;
        };
        let shown = |article: usize| !self.hidden.get(article).copied().unwrap_or(false);
        self.rows = (0..computed.comparison.rows.len())
            .filter(|&r| {
                computed.comparison.rows[r]
                    .cells
                    .iter()
                    .any(|c| shown(c.article))
            })
            .collect();
        let mut carries = vec![false; self.hidden.len()];
        for cell in computed.comparison.rows.iter().flat_map(|row| &row.cells) {
            if let Some(flag) = carries.get_mut(cell.article) {
                *flag = true;
            }
        }
        self.columns = (0..self.hidden.len())
            .filter(|&a| shown(a) && carries[a])
            .collect();
        if let Some(keep) = keep {
            self.row = self.rows.partition_point(|&r| r < keep);
            self.reveal = true;
        }
        self.row = self.row.min(self.rows.len().saturating_sub(1));
        self.column = self.column.min(self.columns.len().saturating_sub(1));
        self.follow_cells();
    }

    /// Article indices of the sources not hidden, in corpus order.
    pub fn visible(&self) -> Vec<usize> {
        (0..self.hidden.len())
            .filter(|&a| !self.hidden[a])
            .collect()
    }

    /// The comparison's rows a shown source carries, in order.
    pub fn shown_rows(&self) -> Vec<&Row> {
        self.rows
            .iter()
            .filter_map(|&r| self.comparison()?.rows.get(r))
            .collect()
    }

    /// The selected row of the comparison.
    pub fn selected_row(&self) -> Option<&Row> {
        self.comparison()?.rows.get(*self.rows.get(self.row)?)
    }

    /// Compares `topic` (an index into the topics) unless it is already
    /// shown or on its way (asking again would restart the work).
    pub fn set_topic(&mut self, topic: usize) {
        if topic >= self.topics().topics.len() || topic == self.topic {
            return;
        }
        self.topic = topic;
        self.request();
    }

    /// Hides or shows article `source`; the last visible source stays.
    pub fn toggle_source(&mut self, source: usize) {
        let Some(&hidden) = self.hidden.get(source) else {
            return;
        };
        if !hidden && self.visible().len() <= 1 {
            return;
        }
        self.hidden[source] = !hidden;
        let keep = self.rows.get(self.row).copied();
        self.refresh(keep);
    }

    /// Shows every source again.
    pub fn show_all(&mut self) {
        if self.hidden.iter().any(|&hidden| hidden) {
            self.hidden.fill(false);
            let keep = self.rows.get(self.row).copied();
            self.refresh(keep);
        }
    }

    /// Hides every source but `source`.
    pub fn show_only(&mut self, source: usize) {
        if source >= self.hidden.len() {
            return;
        }
        let changed = self
            .hidden
            .iter()
            .enumerate()
            .any(|(article, &hidden)| hidden != (article != source));
        if changed {
            for (article, hidden) in self.hidden.iter_mut().enumerate() {
                *hidden = article != source;
            }
            let keep = self.rows.get(self.row).copied();
            self.refresh(keep);
        }
    }

    /// Selects `source`'s column and pages it into view; when the selected
    /// row has nothing from it, the first shown row that does is selected.
    /// A source without a column (hidden, or silent on the topic) changes
    /// nothing.
    pub fn go_to_source(&mut self, source: usize) {
        let Some(position) = self.columns.iter().position(|&a| a == source) else {
            return;
        };
        self.column = position;
        self.keep_column_in_view();
        if self
            .selected_row()
            .is_some_and(|row| row.cell(source).is_some())
        {
            return;
        }
        if let Some(row) = self
            .shown_rows()
            .iter()
            .position(|row| row.cell(source).is_some())
        {
            self.row = row;
            self.reveal = true;
        }
    }

    /// Sentences on the topic per corpus article; None while comparing.
    pub fn coverage(&self) -> Option<&[usize]> {
        self.computed.as_ref().map(|c| c.coverage.as_slice())
    }

    /// Changes whenever the comparison or the hidden sources do, so a
    /// layer showing them (the source chooser) knows when to look again.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn move_row(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.row = self.row.saturating_add_signed(delta).min(last);
        self.reveal = true;
        self.follow_cells();
    }

    /// After a row move: when none of the row's cells is in the columns on
    /// screen, the first column that has one is selected and paged to, as
    /// the row itself is scrolled to (a row of "·" shows nothing).
    fn follow_cells(&mut self) {
        let Some(row) = self.selected_row() else {
            return;
        };
        let shown = self.shown();
        if row.cells.iter().any(|c| shown.contains(&c.article)) {
            return;
        }
        if let Some(position) = self.columns.iter().position(|&a| row.cell(a).is_some()) {
            self.column = position;
            self.keep_column_in_view();
        }
    }

    fn keep_column_in_view(&mut self) {
        if self.column < self.first {
            self.first = self.column;
        } else if self.column >= self.first + self.fit {
            self.first = self.column + 1 - self.fit;
        }
    }

    /// Selects the next (or previous) shown row after the selected one that
    /// `wanted` accepts; false when there is none (the selection stays).
    pub fn jump(&mut self, forward: bool, wanted: impl Fn(&Row) -> bool) -> bool {
        let rows = self.shown_rows();
        let found = if forward {
            (self.row + 1..rows.len()).find(|&r| wanted(rows[r]))
        } else {
            (0..self.row.min(rows.len()))
                .rev()
                .find(|&r| wanted(rows[r]))
        };
        if let Some(row) = found {
            self.row = row;
            self.reveal = true;
            self.follow_cells();
        }
        found.is_some()
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
        let last = self.columns.len().saturating_sub(1);
        self.column = self.column.saturating_add_signed(delta).min(last);
        self.keep_column_in_view();
    }

    /// Pages the columns sideways by a screenful.
    pub fn page_columns(&mut self, forward: bool) {
        let count = self.columns.len();
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
    /// shown cell of the row when the selected source has none there).
    pub fn selected_target(&self) -> Option<(usize, usize, usize)> {
        let row = self.selected_row()?;
        let source = self.columns.get(self.column).copied();
        let cell = source.and_then(|s| row.cell(s)).or_else(|| {
            row.cells
                .iter()
                .find(|c| !self.hidden.get(c.article).copied().unwrap_or(true))
        })?;
        let article = self.engine.corpus.articles.get(cell.article)?;
        let first = article.sentences.get(*cell.sentences.first()?)?;
        let last = article.sentences.get(*cell.sentences.last()?)?;
        Some((cell.article, first.start, last.end))
    }

    /// Articles with a column, in corpus order.
    pub fn columns(&self) -> &[usize] {
        &self.columns
    }

    /// The sources on screen: positions `first..first + fit` of the columns.
    pub fn shown(&self) -> Vec<usize> {
        self.columns
            .iter()
            .skip(self.first)
            .take(self.fit)
            .copied()
            .collect()
    }

    pub fn page_lines(&self) -> usize {
        usize::from(self.body.height).saturating_sub(1).max(1)
    }

    /// Fits the view to `area` (the whole main area): columns, paging, the
    /// coverage header, the wrapped grid, and the scroll that keeps the
    /// selection in view. Results are taken by [`CompareState::poll`].
    pub fn prepare(&mut self, area: Rect) {
        let inner = inner(area);
        let count = self.columns.len();
        let fit = usize::from(inner.width.saturating_add(1) / (MIN_COLUMN + 1)).max(2);
        self.fit = fit.min(count).max(1);
        self.first = self.first.min(count.saturating_sub(self.fit));
        self.column = self.column.min(count.saturating_sub(1));
        self.keep_column_in_view();
        // The header may take a fifth of the height; the rows need the rest.
        let max_lines =
            (usize::from(inner.height.saturating_sub(2)) / 5).clamp(1, MAX_HEADER_LINES);
        let header_key = HeaderKey {
            generation: self.generation,
            width: usize::from(inner.width),
            max_lines,
        };
        if self.header.as_ref().map(|(key, _)| *key) != Some(header_key) {
            let lines = self.coverage_lines(header_key.width, max_lines);
            self.header = Some((header_key, lines));
        }
        let header = self.header.as_ref().map_or(1, |(_, lines)| lines.len());
        let header = u16::try_from(header).unwrap_or(u16::MAX).saturating_add(2);
        self.body = Rect {
            y: inner.y + header.min(inner.height),
            height: inner.height.saturating_sub(header),
            ..inner
        };
        let shown = self.shown();
        let text_width = usize::from(column_width(inner.width, self.fit)).saturating_sub(2);
        let key = GridKey {
            generation: self.generation,
            shown,
            text_width,
        };
        if self.grid.as_ref().map(|g| &g.key) != Some(&key) {
            self.grid = Some(self.build_grid(key));
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

    fn build_grid(&self, key: GridKey) -> Grid {
        let corpus = &self.engine.corpus;
        let rows = self.shown_rows();
        let mut grid_rows = Vec::with_capacity(rows.len());
        let mut top = 0;
        for row in rows {
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
            grid_rows.push(GridRow { top, height, cells });
            top += height;
        }
        Grid {
            key,
            rows: grid_rows,
            lines: top,
        }
    }

    /// One header item per source: "1 Reuters 12 sentences", names cut to
    /// `name_max`. With `fold_silent`, silent sources are folded into one
    /// leading "N silent" item and the rest ordered hidden first, then by
    /// sentences (hidden ones always stay, so the header says which).
    fn header_items(
        &self,
        computed: &Computed,
        name_max: usize,
        fold_silent: bool,
    ) -> Vec<HeaderItem> {
        let label_style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
        let count_of = |index: usize| computed.coverage.get(index).copied().unwrap_or(0);
        let hidden_at = |index: usize| self.hidden.get(index).copied().unwrap_or(false);
        let mut order: Vec<usize> = (0..self.engine.corpus.articles.len()).collect();
        if fold_silent {
            // Too many to list: hidden sources first (the header must say
            // which), then those with the most to say.
            order.sort_by_key(|&index| (!hidden_at(index), std::cmp::Reverse(count_of(index))));
        }
        let mut items = Vec::new();
        let mut silent = 0;
        for index in order {
            let Some(article) = self.engine.corpus.articles.get(index) else {
                continue;
            };
            let count = count_of(index);
            let hidden = hidden_at(index);
            if fold_silent && count == 0 && !hidden {
                silent += 1;
                continue;
            }
            let name = truncate(&clean(article.source_or_id()), name_max).into_owned();
            let amount = match count {
                0 => "silent".to_string(),
                1 => "1 sentence".to_string(),
                n => format!("{n} sentences"),
            };
            let (name_style, amount_style) = if hidden {
                let dim = Style::new().fg(Color::DarkGray);
                (dim, dim)
            } else if count == 0 {
                (
                    Style::new().fg(Color::Magenta),
                    Style::new().fg(Color::Red).add_modifier(Modifier::ITALIC),
                )
            } else {
                (Style::new().fg(Color::Magenta), Style::new())
            };
            let mut spans = vec![
                Span::styled(index_label(index), label_style),
                Span::raw(" "),
                Span::styled(name, name_style),
                Span::raw(" "),
                Span::styled(amount, amount_style),
            ];
            if hidden {
                spans.push(Span::styled(
                    " hidden",
                    Style::new()
                        .fg(Color::Yellow)
                        .add_modifier(Modifier::ITALIC),
                ));
            }
            spans.push(Span::raw("  "));
            items.push(HeaderItem {
                width: spans.iter().map(|s| width(&s.content)).sum(),
                spans,
                sources: 1,
            });
        }
        if silent > 0 {
            // First, so a "+N more" at the end counts sources that have
            // something to say, not the silent majority of a big corpus.
            let text = format!("{silent} silent  ");
            items.insert(
                0,
                HeaderItem {
                    width: width(&text),
                    spans: vec![Span::styled(
                        text,
                        Style::new().fg(Color::Red).add_modifier(Modifier::ITALIC),
                    )],
                    sources: silent,
                },
            );
        }
        items
    }

    /// The coverage header in at most `max_lines` lines of `width` columns.
    /// Names are shown whole when everything fits; else shortened, then
    /// silent sources are folded into one item, then the rest is counted.
    fn coverage_lines(&self, width: usize, max_lines: usize) -> Vec<Line<'static>> {
        let lead = Span::styled("Coverage ", Style::new().add_modifier(Modifier::BOLD));
        let Some(computed) = &self.computed else {
            return vec![Line::from(vec![
                lead,
                Span::styled(
                    "counting sentences per source…",
                    Style::new().fg(Color::DarkGray),
                ),
            ])];
        };
        // An item is at least a dozen columns: past that many sources, only
        // folding the silent ones can fit.
        let room = width.saturating_mul(max_lines) / 12;
        let many = self.hidden.len() > room;
        let attempts = [
            (usize::MAX, false),
            (24, false),
            (16, false),
            (10, false),
            (16, true),
            (10, true),
        ];
        let mut items = Vec::new();
        for (name_max, fold_silent) in attempts {
            if many && !fold_silent {
                continue;
            }
            items = self.header_items(computed, name_max, fold_silent);
            if let Some(lines) = wrap_items(&items, width, max_lines, None) {
                return lines;
            }
        }
        let total: usize = items.iter().map(|item| item.sources).sum();
        wrap_items(&items, width, max_lines, Some(total)).unwrap_or_default()
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let corpus = &self.engine.corpus;
        let shown = self.shown();
        let total_rows = self.rows.len();
        let position = if self.computing() {
            "comparing…".to_string()
        } else if total_rows == 0 {
            "no rows".to_string()
        } else {
            format!("row {}/{}", self.row + 1, total_rows)
        };
        let position = match self.notice {
            Some(notice) => format!("{notice} · {position}"),
            None => position,
        };
        let title = format!(" Compare: {} ", clean(self.topic_label()));
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
        for line in self.header.iter().flat_map(|(_, lines)| lines) {
            if y >= self.body.y.saturating_sub(2) || y >= inner.bottom() {
                break;
            }
            line.clone().render(
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
            if shown.len() < self.columns.len() {
                let first = self.first + 1;
                let last = self.first + shown.len();
                let range = if first == last {
                    format!("{first}")
                } else {
                    format!("{first}–{last}")
                };
                legend.push(Span::styled(
                    format!("   sources {range} of {} ‹H L›", self.columns.len()),
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
        self.render_grid(&columns, buf);
    }

    /// "3 of 5 · 1 4 5" (of every compared source, hidden ones included,
    /// then the numbers of the shown sources that carry it, so a row is
    /// placed even when its columns are paged off screen), "only 5 PPL News"
    /// for a row one source has alone, and how many of its sources are hidden.
    fn row_label(&self, row: &Row) -> String {
        let corpus = &self.engine.corpus;
        if let [only] = row.cells.as_slice() {
            let name = corpus
                .articles
                .get(only.article)
                .map_or("", |a| a.source_or_id());
            return format!("only {} {}", index_label(only.article), clean(name));
        }
        let total = self.comparison().map_or(0, |c| c.sources.len());
        let is_hidden = |article: usize| self.hidden.get(article).copied().unwrap_or(false);
        let mut label = format!("{} of {total}", row.cells.len());
        if row.cells.len() < total {
            let carriers: Vec<String> = row
                .cells
                .iter()
                .filter(|c| !is_hidden(c.article))
                .map(|c| index_label(c.article))
                .collect();
            label.push_str(&format!(" · {}", carriers.join(" ")));
        }
        let hidden = row.cells.iter().filter(|c| is_hidden(c.article)).count();
        if hidden > 0 {
            label.push_str(&format!(" · {hidden} hidden"));
        }
        label
    }

    fn render_grid(&self, columns: &[Rect], buf: &mut Buffer) {
        let body = self.body.intersection(buf.area);
        if body.is_empty() {
            return;
        }
        if self.computing() {
            let text = format!(
                "Comparing “{}” across {} sources…",
                clean(self.topic_label()),
                self.hidden.len()
            );
            let text = truncate(&text, usize::from(body.width));
            buf.set_string(body.x, body.y, text, Style::new().fg(Color::Cyan));
            return;
        }
        let Some(grid) = &self.grid else {
            return;
        };
        if grid.rows.is_empty() {
            let text = "No sentence of the shown sources is on this topic — t picks another.";
            let text = truncate(text, usize::from(body.width));
            buf.set_string(body.x, body.y, text, Style::new().fg(Color::DarkGray));
            return;
        }
        let height = usize::from(body.height);
        let shown_rows = self.shown_rows();
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
            let Some(data) = shown_rows.get(index) else {
                break;
            };
            if let Some(y) = line_y(0) {
                let label = self.row_label(data);
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

/// Lays `items` out after "Coverage ", wrapping between items, in at most
/// `max_lines` lines of `width`; None when they do not all fit. With
/// `total` (the sources all items stand for), what does not fit is counted
/// in a closing "+N more" instead.
fn wrap_items(
    items: &[HeaderItem],
    width: usize,
    max_lines: usize,
    total: Option<usize>,
) -> Option<Vec<Line<'static>>> {
    let lead = Span::styled("Coverage ", Style::new().add_modifier(Modifier::BOLD));
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut current: Vec<Span<'static>> = vec![lead];
    let mut used = HEADER_LEAD;
    let mut placed = 0;
    for (position, item) in items.iter().enumerate() {
        let last_line = lines.len() + 1 >= max_lines;
        // On the last line keep room for the "+N more ‹s›" that may follow.
        let reserve = match (total, last_line, position + 1 < items.len()) {
            (Some(_), true, true) => 16,
            _ => 0,
        };
        if used + item.width + reserve > width && used > HEADER_LEAD {
            if last_line {
                let total = total?;
                current.push(Span::styled(
                    // The source chooser lists them all.
                    format!("+{} more ‹s›", total - placed),
                    Style::new().fg(Color::Cyan),
                ));
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

/// A cell's sentences wrapped to `width` columns, marked words styled. When
/// a cell holds several sentences each starts on its own line under a
/// bullet, so the reader sees where one report ends and the next begins.
fn wrap_cell(article: &Article, cell: &Cell, width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let bulleted = cell.sentences.len() > 1 && width > BULLET.len() + 1;
    let mut lines = Vec::new();
    for sentence in cell.segments(article) {
        // Words as styled pieces: a mark can cover part of a word ("U.S.-backed").
        let mut words: Vec<Vec<(String, Option<MarkKind>)>> = Vec::new();
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
        if bulleted {
            let indent = BULLET.len();
            for (n, mut line) in wrap_words(words, width - indent).into_iter().enumerate() {
                let lead = if n == 0 { BULLET } else { "  " };
                line.spans.insert(
                    0,
                    Span::styled(lead, Style::default().add_modifier(Modifier::DIM)),
                );
                lines.push(line);
            }
        } else {
            lines.extend(wrap_words(words, width));
        }
    }
    lines
}

/// What starts each sentence of a cell that holds several.
const BULLET: &str = "• ";

/// Styled words wrapped to `width` columns; a word longer than the column
/// is cut across lines.
fn wrap_words(words: Vec<Vec<(String, Option<MarkKind>)>>, width: usize) -> Vec<Line<'static>> {
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
