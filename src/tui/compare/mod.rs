//! The compare view: one topic side by side across sources. The engine
//! ([`crate::compare`]) decides rows, cells and word marks; this view only
//! lays them out in columns ([`grid`], wrapped once per width) under a
//! coverage header ([`header`]) and keeps the selection.
//!
//! The comparison always covers every article of the corpus and is computed
//! on a worker ([`jobs`]); hiding a source only changes what is shown, so a
//! row's "3 of 5" stays a fact about the comparison. Its layers, the topic
//! [`picker`] and the source chooser ([`sources`]), read the view through
//! their context and change it only by queueing actions.

mod grid;
mod header;
pub mod jobs;
pub mod picker;
pub mod sources;

use super::action::Action;
use super::keymap::Mode;
use super::layer::{Shared, View};
use super::text::{clean, truncate};
use super::widgets::{inner, scroll::keep_in_view, titled};
use crate::compare::{Comparison, Row};
#[cfg(test)]
use crate::model::Corpus;
#[cfg(test)]
use crate::topics::Topic;
#[cfg(test)]
use crate::topics::TopicSet;
use crate::worker::LatestWorker;
use grid::{Grid, GridKey, column_rects, column_width};
use header::{HeaderKey, MAX_HEADER_LINES};
use jobs::{Computed, TopicEngine, Want};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use std::sync::Arc;

/// Narrowest column a source gets before the view pages sideways instead.
pub const MIN_COLUMN: u16 = 28;

pub struct CompareView {
    engine: Arc<TopicEngine>,
    /// None when no thread could be started: the view then computes inline.
    worker: Option<LatestWorker<Want, Computed>>,
    /// Index into the topics: the topic shown, or being compared (until the
    /// busiest topic is known, the first).
    pub topic: usize,
    /// What was asked of the worker last.
    want: Want,
    /// The fact whose row to select once the comparison is there.
    select: Option<String>,
    /// Per corpus article: left out of the view.
    hidden: Vec<bool>,
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
    pub(super) notice: Option<&'static str>,
    /// Changes whenever the rows or columns do (grid and header caches).
    generation: u64,
    /// Columns that fit at the last size seen.
    pub fit: usize,
    /// Where the grid body is (set by prepare).
    body: Rect,
    grid: Option<Grid>,
    header: Option<(HeaderKey, Vec<Line<'static>>)>,
}

impl CompareView {
    /// Starts finding, in the background, the topic with the most rows two
    /// or more sources carry, and comparing it.
    #[cfg(test)]
    pub fn new(corpus: Arc<Corpus>, topics: TopicSet) -> CompareView {
        CompareView::with_engine(TopicEngine::new(corpus, topics))
    }

    /// [`CompareView::new`] on an engine shared with the insights.
    pub fn with_engine(engine: Arc<TopicEngine>) -> CompareView {
        let hidden = vec![false; engine.corpus.articles.len()];
        let worker = TopicEngine::compare_worker(&engine);
        let mut state = CompareView {
            engine,
            worker,
            topic: 0,
            want: Want::Busiest,
            select: None,
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

    #[cfg(test)]
    /// Every topic known so far (found ones join once the facts are known).
    pub fn topics(&self) -> Vec<Arc<Topic>> {
        self.engine.topics()
    }

    /// The comparison on screen; None while it is being computed.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.computed.as_ref().map(|c| &c.comparison)
    }

    /// The topic's comparison has not arrived yet.
    pub fn computing(&self) -> bool {
        self.computed.is_none()
    }

    /// The label of the topic shown or being compared; empty while the
    /// busiest topic is being found.
    fn topic_label(&self) -> String {
        if self.want == Want::Busiest && self.computing() {
            return String::new();
        }
        self.engine
            .topic(self.topic)
            .map_or_else(String::new, |t| t.label.clone())
    }

    /// Drops what is shown and asks for the comparison of `self.topic`.
    fn request(&mut self) {
        self.computed = None;
        self.row = 0;
        self.scroll = 0;
        self.refresh(None);
        match &self.worker {
            Some(worker) => {
                worker.submit(self.want);
            }
            None => {
                self.computed = self.engine.compare(self.want);
                if let Some(computed) = &self.computed {
                    self.topic = computed.topic;
                }
                self.refresh(None);
                self.select_pending();
            }
        }
    }

    /// Takes the worker's result for what was asked last; results for
    /// requests made before are dropped by the worker.
    fn take_results(&mut self) {
        let Some(worker) = &self.worker else {
            return;
        };
        let arrived = worker
            .drain()
            .into_iter()
            .rfind(|computed| computed.want == self.want);
        if let Some(computed) = arrived {
            self.topic = computed.topic;
            self.computed = Some(computed);
            self.row = 0;
            self.scroll = 0;
            self.refresh(None);
            self.select_pending();
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
        let hidden = &self.hidden;
        let shown = |article: usize| !hidden.get(article).copied().unwrap_or(false);
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

    /// What the sources of `row` disagree on, if anything.
    pub fn flag(&self, row: &Row) -> Option<&jobs::Flag> {
        self.computed.as_ref()?.flags.get(&row.fact)
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
        if self.engine.topic(topic).is_none() || self.want == Want::Topic(topic) {
            return;
        }
        if topic == self.topic && !self.computing() {
            // The busiest topic on screen: asked for again by name.
            self.want = Want::Topic(topic);
            return;
        }
        self.topic = topic;
        self.want = Want::Topic(topic);
        self.request();
    }

    /// Compares `topic` and selects the row of fact `fact` (by id) in it,
    /// showing every source so the row is in view.
    pub fn select_fact(&mut self, topic: usize, fact: String) {
        self.hidden.fill(false);
        self.select = Some(fact);
        if self.topic == topic && !self.computing() {
            self.want = Want::Topic(topic);
            self.refresh(None);
            self.select_pending();
        } else {
            self.set_topic(topic);
        }
    }

    /// Selects the row asked for by [`CompareView::select_fact`].
    fn select_pending(&mut self) {
        let Some(fact) = self.select.take() else {
            return;
        };
        let at = self
            .comparison()
            .and_then(|c| c.rows.iter().position(|row| row.fact == fact));
        match at.and_then(|at| self.rows.iter().position(|&r| r == at)) {
            Some(row) => {
                self.row = row;
                self.reveal = true;
                self.follow_cells();
            }
            None => self.notice = Some("the claim's row is not in this topic"),
        }
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

    /// The compared source that `article`, a syndicated copy, shows under;
    /// None for a source of its own (or while comparing).
    pub fn copy_of(&self, article: usize) -> Option<usize> {
        let comparison = self.comparison()?;
        comparison
            .sources
            .iter()
            .zip(&comparison.copies)
            .find(|(_, copies)| copies.contains(&article))
            .map(|(&source, _)| source)
    }

    /// Sentences on the topic per corpus article; None while comparing.
    pub fn coverage(&self) -> Option<&[usize]> {
        self.computed.as_ref().map(|c| c.coverage.as_slice())
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
        self.first = keep_in_view(self.column, self.first, self.fit);
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

    #[cfg(test)]
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
    /// selection in view.
    fn fit_to(&mut self, area: Rect, shared: Shared) {
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
            let lines = self.coverage_lines(header_key, shared);
            self.header = Some((header_key, lines));
        }
        let header = self.header.as_ref().map_or(1, |(_, lines)| lines.len());
        let header = u16::try_from(header).unwrap_or(u16::MAX).saturating_add(2);
        self.body = Rect {
            y: inner.y + header.min(inner.height),
            height: inner.height.saturating_sub(header),
            ..inner
        };
        let key = GridKey {
            generation: self.generation,
            shown: self.shown(),
            text_width: usize::from(column_width(inner.width, self.fit)).saturating_sub(2),
        };
        if self.grid.as_ref().map(|g| &g.key) != Some(&key) {
            self.grid = Some(Grid::build(self, key, shared.theme()));
        }
        self.reveal_selected();
    }

    /// Scrolls the selected row into view after a move asked for it.
    fn reveal_selected(&mut self) {
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

    /// Per corpus article: left out of the view.
    pub fn is_hidden(&self, article: usize) -> bool {
        self.hidden.get(article).copied().unwrap_or(false)
    }

    /// Selects the next or previous row that differs (or that one source
    /// has alone), saying so when there is none.
    fn jump_to(&mut self, forward: bool, only: bool) {
        let found = if only {
            self.jump(forward, |row| row.cells.len() == 1)
        } else {
            self.jump(forward, differs_between_sources)
        };
        if !found {
            self.notice = Some(match (only, forward) {
                (false, true) => "no differing row below",
                (false, false) => "no differing row above",
                (true, true) => "no one-source row below",
                (true, false) => "no one-source row above",
            });
        }
    }
}

impl View for CompareView {
    fn apply(&mut self, action: Action, _shared: Shared, queue: &mut Vec<Action>) -> bool {
        let page = isize::try_from(self.page_lines()).unwrap_or(isize::MAX);
        match action {
            // The digit keys and the source chooser both hide and show
            // through here, so the view's rows, labels and jumps follow.
            Action::ToggleSource { source } => self.toggle_source(source),
            Action::ShowAllSources => self.show_all(),
            Action::GoToSource { source } => self.go_to_source(source),
            Action::ShowOnlySource { source } => self.show_only(source),
            Action::SetTopic { topic } => self.set_topic(topic),
            _ => {
                self.notice = None;
                return self.navigate(action, page, queue);
            }
        }
        true
    }

    fn prepare(&mut self, area: Rect, shared: Shared) {
        self.fit_to(area, shared);
    }

    fn poll(&mut self) {
        self.take_results();
    }

    fn busy(&self) -> bool {
        self.computing()
    }

    fn render(&self, area: Rect, buf: &mut Buffer, shared: Shared) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let theme = shared.theme();
        let label = self.topic_label();
        let title = if label.is_empty() {
            " Compare ".to_string()
        } else {
            format!(" Compare: {} ", clean(&label))
        };
        let block = titled(title, theme.border, theme.title)
            .title_bottom(Line::from(format!(" {} ", self.position())).right_aligned());
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
            self.legend(shared).render(
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
            self.column_heads(&columns, y, buf, shared);
        }
        self.render_grid(&columns, buf, shared);
    }

    fn modes(&self) -> Vec<Mode> {
        vec![Mode::Compare, Mode::Navigation]
    }
}

impl CompareView {
    /// Moves within the view; false for an action it has no use for.
    fn navigate(&mut self, action: Action, page: isize, queue: &mut Vec<Action>) -> bool {
        match action {
            Action::Down => self.move_row(1),
            Action::Up => self.move_row(-1),
            Action::PageDown => self.scroll_by(page),
            Action::PageUp => self.scroll_by(-page),
            Action::HalfPageDown => self.scroll_by(page / 2),
            Action::HalfPageUp => self.scroll_by(-page / 2),
            Action::Top => self.move_row(isize::MIN),
            Action::Bottom => self.move_row(isize::MAX),
            Action::ColumnLeft => self.move_column(-1),
            Action::ColumnRight => self.move_column(1),
            Action::ColumnsPageLeft => self.page_columns(false),
            Action::ColumnsPageRight => self.page_columns(true),
            Action::NextDiffers => self.jump_to(true, false),
            Action::PrevDiffers => self.jump_to(false, false),
            Action::NextOnly => self.jump_to(true, true),
            Action::PrevOnly => self.jump_to(false, true),
            Action::Open => {
                if let Some((article, start, end)) = self.selected_target() {
                    queue.push(Action::ReadCell {
                        article,
                        start,
                        end,
                    });
                }
            }
            _ => return false,
        }
        true
    }

    /// "row 3/40", after a notice when a jump found nothing.
    fn position(&self) -> String {
        let position = if self.computing() && !self.engine.facts_ready() {
            "finding facts…".to_string()
        } else if self.computing() {
            "comparing…".to_string()
        } else if self.rows.is_empty() {
            "no rows".to_string()
        } else {
            format!("row {}/{}", self.row + 1, self.rows.len())
        };
        match self.notice {
            Some(notice) => format!("{notice} · {position}"),
            None => position,
        }
    }

    /// What the marks mean, and which sources are on screen with the keys
    /// that page them.
    fn legend(&self, shared: Shared) -> Line<'static> {
        let theme = shared.theme();
        let mut legend = vec![
            Span::styled("differs", theme.differs),
            Span::raw(" "),
            Span::styled("number", theme.number),
            Span::raw(" "),
            Span::styled("entity", theme.diff_entity),
            Span::styled("  shared wording plain", theme.dim),
        ];
        let shown = self.shown().len();
        if shown < self.columns.len() {
            let first = self.first + 1;
            let last = self.first + shown;
            let range = if first == last {
                format!("{first}")
            } else {
                format!("{first}–{last}")
            };
            let keymap = shared.keymap();
            let left = keymap.label(Mode::Compare, Action::ColumnsPageLeft);
            let right = keymap.label(Mode::Compare, Action::ColumnsPageRight);
            legend.push(Span::styled(
                format!(
                    "   sources {range} of {} ‹{left} {right}›",
                    self.columns.len()
                ),
                theme.title,
            ));
        }
        Line::from(legend)
    }

    /// Each shown source's number and name over its column.
    fn column_heads(&self, columns: &[Rect], y: u16, buf: &mut Buffer, shared: Shared) {
        let theme = shared.theme();
        for (position, (&source, rect)) in self.shown().iter().zip(columns).enumerate() {
            let Some(article) = self.engine.corpus.articles.get(source) else {
                continue;
            };
            let style = if self.first + position == self.column {
                theme.column_head.patch(theme.accent)
            } else {
                theme.column_head
            };
            let copies = self.comparison().map_or(0, |c| {
                c.sources
                    .iter()
                    .position(|&s| s == source)
                    .and_then(|at| c.copies.get(at))
                    .map_or(0, Vec::len)
            });
            // The key first, so a cut name never loses it.
            let text = format!(
                "[{}] {}{}",
                source + 1,
                clean(article.source_or_id()),
                header::copies_note(copies)
            );
            let text = truncate(&text, usize::from(rect.width.saturating_sub(1)));
            buf.set_stringn(rect.x, y, &text, usize::from(rect.width), style);
        }
    }
}

/// A row two or more sources carry with some wording that differs.
fn differs_between_sources(row: &Row) -> bool {
    row.cells.len() >= 2 && row.differs()
}
