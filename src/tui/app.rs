//! The reader's state and everything that changes it. Rendering lives in
//! [`super::ui`] and only reads this; [`App::prepare`] is the one place
//! that fits state to the screen size (layout cache, scroll limits).

use super::action::Action;
use super::compare::CompareState;
use super::decorate::Toggles;
use super::keymap::{self, Mode};
use super::layer::{EventState, Layer, LayerContext, Pager};
use super::panel::PanelLayer;
use super::picker::TopicPicker;
use super::reader::{Layout, LayoutKey};
use super::search::SearchLayer;
use super::sources::SourceChooser;
use crate::model::{Article, Corpus};
use crate::search::SearchIndex;
use ratatui::crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use std::collections::VecDeque;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

/// Smallest screen the panes are drawn on; below it the screen says so.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// Narrower than this, only the focused pane is shown.
pub const TWO_PANE_WIDTH: u16 = 60;
/// Beside a side pane (the panel), the list is shown only when the reader
/// keeps at least this many columns; below it the reader is shown alone.
const READER_BESIDE_SIDE: u16 = 60;
/// Rows per article in the list: title, outlet, counts, a blank.
pub const ITEM_HEIGHT: u16 = 4;
/// Longest reader line in columns: wider text is tiring to read, so a wide
/// reader pane keeps a margin on the right instead.
pub const MAX_MEASURE: u16 = 100;
/// Lines the mouse wheel scrolls the reader by.
const WHEEL_LINES: usize = 3;

/// Which pane keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
}

/// The whole-screen view. A new view (compare, ...) is a new variant here,
/// a branch in [`super::ui::render`] and a keymap [`Mode`] for its keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The article list beside the reader pane.
    Browse,
    /// One topic side by side across sources ([`super::compare`]).
    Compare,
}

#[derive(Debug, Clone)]
pub enum LoadState {
    /// The corpus is being read in the background.
    Loading {
        label: String,
        started: Instant,
    },
    Ready,
}

/// What the reader pane shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReaderState {
    /// Index into the corpus.
    pub article: usize,
    /// First visual line in view.
    pub scroll: usize,
    /// Byte range of the body shown highlighted.
    pub highlight: Option<(usize, usize)>,
    /// A body offset to bring into view at the next [`App::prepare`].
    pub reveal: Option<usize>,
}

/// Where things are on the current screen (set by [`App::prepare`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub screen: Rect,
    pub too_small: bool,
    pub main: Rect,
    pub status: Rect,
    /// Outer (bordered) rectangles; empty when the pane is not shown.
    pub list: Rect,
    pub reader: Rect,
}

impl Areas {
    /// `side` is the width a docked layer takes on the right of the panes
    /// (0 for none); it is ignored when too little would be left beside it.
    pub fn compute(screen: Rect, focus: Focus, side: u16) -> Areas {
        let mut areas = Areas {
            screen,
            ..Areas::default()
        };
        if screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT {
            areas.too_small = true;
            return areas;
        }
        areas.main = Rect {
            height: screen.height - 1,
            ..screen
        };
        areas.status = Rect {
            y: screen.bottom() - 1,
            height: 1,
            ..screen
        };
        let main = areas.main;
        let beside = main.width.saturating_sub(side);
        if side > 0 && beside >= MIN_WIDTH {
            // Reading beside the panel: the reader stays, the list goes first.
            let mut list_width = (beside * 3 / 10).clamp(24, 44);
            if beside >= list_width + READER_BESIDE_SIDE {
                areas.list = Rect {
                    width: list_width,
                    ..main
                };
            } else {
                list_width = 0;
            }
            areas.reader = Rect {
                x: main.x + list_width,
                width: beside - list_width,
                ..main
            };
        } else if screen.width >= TWO_PANE_WIDTH {
            let list_width = (screen.width * 3 / 10).clamp(24, 44);
            areas.list = Rect {
                width: list_width,
                ..main
            };
            areas.reader = Rect {
                x: main.x + list_width,
                width: main.width - list_width,
                ..main
            };
        } else {
            match focus {
                Focus::List => areas.list = main,
                Focus::Reader => areas.reader = main,
            }
        }
        areas
    }

    /// Inside a pane's border.
    pub fn inner(pane: Rect) -> Rect {
        Rect {
            x: pane.x.saturating_add(1),
            y: pane.y.saturating_add(1),
            width: pane.width.saturating_sub(2),
            height: pane.height.saturating_sub(2),
        }
    }
}

pub struct App {
    /// Shared with the workers that search and compare it.
    pub corpus: Arc<Corpus>,
    pub load: LoadState,
    pub view: View,
    pub focus: Focus,
    /// Selected article in the list.
    pub selected: usize,
    /// First article shown in the list.
    pub list_offset: usize,
    pub reader: ReaderState,
    pub toggles: Toggles,
    /// The compare view's state, kept while the reader is shown.
    pub compare: Option<CompareState>,
    pub areas: Areas,
    layout: Option<Layout>,
    layers: Vec<Box<dyn Layer>>,
    queue: VecDeque<Action>,
    pub should_quit: bool,
    pub suspend_requested: bool,
    /// Built by the search overlay's worker at the first `/`, kept for the corpus.
    search_index: Arc<OnceLock<Arc<SearchIndex>>>,
    /// The last closed resumable layer (the search overlay), shown again as
    /// it was at the next `/`.
    parked: Option<Box<dyn Layer>>,
    /// The reader was opened from the compare view and is still on that
    /// article: "back" returns there, to the same row.
    back_to_compare: bool,
}

impl App {
    /// An app whose corpus is still loading; `label` names what is read.
    pub fn loading(label: impl Into<String>) -> App {
        App::with_state(
            Corpus::default(),
            LoadState::Loading {
                label: label.into(),
                started: Instant::now(),
            },
        )
    }

    pub fn new(corpus: Corpus) -> App {
        App::with_state(corpus, LoadState::Ready)
    }

    fn with_state(corpus: Corpus, load: LoadState) -> App {
        App {
            corpus: Arc::new(corpus),
            load,
            view: View::Browse,
            focus: Focus::List,
            selected: 0,
            list_offset: 0,
            reader: ReaderState::default(),
            toggles: Toggles::default(),
            compare: None,
            areas: Areas::default(),
            layout: None,
            layers: Vec::new(),
            queue: VecDeque::new(),
            should_quit: false,
            suspend_requested: false,
            search_index: Arc::default(),
            parked: None,
            back_to_compare: false,
        }
    }

    /// The background load finished.
    pub fn loaded(&mut self, corpus: Corpus) {
        self.corpus = Arc::new(corpus);
        self.load = LoadState::Ready;
        self.selected = 0;
        self.list_offset = 0;
        self.reader = ReaderState::default();
        self.layout = None;
        self.search_index = Arc::default();
        self.parked = None;
        self.compare = None;
    }

    pub fn article(&self) -> Option<&Article> {
        self.corpus.articles.get(self.reader.article)
    }

    /// The reader's layout, when it is up to date with the reader's article.
    pub fn layout(&self) -> Option<&Layout> {
        self.layout
            .as_ref()
            .filter(|layout| layout.key.article == self.reader.article)
    }

    pub fn layers(&self) -> &[Box<dyn Layer>] {
        &self.layers
    }

    /// A layer or the compare view waits for background results and wants
    /// frames meanwhile.
    pub fn busy(&self) -> bool {
        self.layers.iter().any(|layer| layer.busy())
            || self.compare.as_ref().is_some_and(CompareState::computing)
    }

    pub fn push_layer(&mut self, layer: Box<dyn Layer>) {
        self.layers.push(layer);
    }

    /// Keymap modes in lookup order for the current state.
    pub fn modes(&self) -> Vec<Mode> {
        let mut modes: Vec<Mode> = match self.layers.last() {
            Some(layer) => layer.modes().to_vec(),
            None => match (self.view, self.focus) {
                (View::Compare, _) => vec![Mode::Compare, Mode::Navigation],
                (View::Browse, Focus::List) => vec![Mode::List, Mode::Navigation],
                (View::Browse, Focus::Reader) => vec![Mode::Reader, Mode::Navigation],
            },
        };
        // What a layer leaves goes to the global keys (see `handle_key`);
        // the hints leave out the ones a text layer types instead.
        modes.push(Mode::Global);
        modes
    }

    /// Routes a key: the top layer first, else the focused pane's keymap.
    pub fn handle_key(&mut self, key: &KeyEvent) {
        if let Some(layer) = self.layers.last_mut() {
            let mut queue = Vec::new();
            let mut context = LayerContext {
                corpus: &self.corpus,
                queue: &mut queue,
            };
            let state = layer.handle_key(key, &mut context);
            self.queue.extend(queue);
            if state == EventState::NotConsumed
                && let Some(action) = keymap::lookup(&[Mode::Global], key)
            {
                self.queue.push_back(action);
            }
        } else if let Some(action) = keymap::lookup(&self.modes(), key) {
            self.queue.push_back(action);
        }
        self.run_queue();
    }

    /// Queues an action from outside the key path (a view, a worker result).
    pub fn dispatch(&mut self, action: Action) {
        self.queue.push_back(action);
        self.run_queue();
    }

    fn run_queue(&mut self) {
        while let Some(action) = self.queue.pop_front() {
            self.apply(action);
        }
        self.tell_layers();
    }

    /// Gives the layers that show the compare view's state (the source
    /// chooser) its latest.
    fn tell_layers(&mut self) {
        if let Some(compare) = &self.compare {
            for layer in &mut self.layers {
                layer.compare_changed(compare);
            }
        }
    }

    /// The one place actions take effect.
    pub fn apply(&mut self, action: Action) {
        if self.view == View::Compare && self.layers.is_empty() && self.apply_compare(action) {
            return;
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::Suspend => self.suspend_requested = true,
            Action::Help => self.layers.push(Box::new(Pager::help())),
            Action::Warnings => self.layers.push(Box::new(Pager::warnings(&self.corpus))),
            Action::Search => {
                let layer: Box<dyn Layer> = match self.parked.take() {
                    Some(mut layer) => {
                        layer.resume();
                        layer
                    }
                    None => Box::new(SearchLayer::new(
                        Arc::clone(&self.corpus),
                        Arc::clone(&self.search_index),
                    )),
                };
                self.layers.push(layer);
            }
            Action::CloseLayer => {
                if let Some(layer) = self.layers.pop() {
                    self.park(layer);
                }
            }
            Action::FocusNext | Action::FocusPrev => {
                self.back_to_compare = false;
                self.focus = match self.focus {
                    Focus::List => Focus::Reader,
                    Focus::Reader => Focus::List,
                }
            }
            Action::FocusList => {
                if std::mem::take(&mut self.back_to_compare) && self.compare.is_some() {
                    self.view = View::Compare;
                } else {
                    self.focus = Focus::List;
                }
            }
            Action::Open => {
                if !self.corpus.articles.is_empty() {
                    self.select(self.selected);
                    self.focus = Focus::Reader;
                }
            }
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step_pages(-1, 1),
            Action::PageDown => self.step_pages(1, 1),
            Action::HalfPageUp => self.step_pages(-1, 2),
            Action::HalfPageDown => self.step_pages(1, 2),
            Action::Top => self.step(isize::MIN),
            Action::Bottom => self.step(isize::MAX),
            Action::ToggleBoilerplate => {
                self.toggles.hide_boilerplate = !self.toggles.hide_boilerplate
            }
            Action::ToggleEntities => self.toggles.hide_entities = !self.toggles.hide_entities,
            Action::ToggleClaims => self.toggles.hide_claims = !self.toggles.hide_claims,
            Action::Panel => {
                if self.article().is_some() {
                    self.layers.push(Box::new(PanelLayer::new(
                        &self.corpus,
                        self.reader.article,
                        &self.toggles,
                    )));
                }
            }
            Action::NextClaim | Action::PrevClaim => {
                let from = self.reader.highlight.map(|(start, _)| start).or_else(|| {
                    self.layout()
                        .and_then(|layout| layout.offset_of(self.reader.scroll))
                });
                let jump = self.article().and_then(|article| {
                    super::highlight::next_claim(
                        article,
                        from.unwrap_or(0),
                        action == Action::NextClaim,
                    )
                });
                if let Some((start, end)) = jump {
                    self.open_at(self.reader.article, start, end);
                }
            }
            Action::OpenAt {
                article,
                start,
                end,
            } => self.open_at(article, start, end),
            Action::Compare => {
                if self.open_compare() {
                    self.close_layers();
                }
            }
            Action::PickTopic => {
                if self.open_compare()
                    && let Some(compare) = &self.compare
                {
                    let picker = TopicPicker::new(compare.engine(), compare.topic);
                    self.close_layers();
                    self.layers.push(Box::new(picker));
                }
            }
            Action::SetTopic { topic } => {
                if self.open_compare()
                    && let Some(compare) = &mut self.compare
                {
                    compare.set_topic(topic);
                }
            }
            Action::Sources => {
                if self.view == View::Compare
                    && let Some(compare) = &self.compare
                {
                    let chooser = SourceChooser::new(&self.corpus, compare);
                    self.layers.push(Box::new(chooser));
                }
            }
            // The digit keys and the source chooser both hide and show
            // through here, so the view's rows, labels and jumps follow.
            Action::ToggleSource { source } => {
                if let Some(compare) = &mut self.compare {
                    compare.toggle_source(source);
                }
            }
            Action::ShowAllSources => {
                if let Some(compare) = &mut self.compare {
                    compare.show_all();
                }
            }
            Action::GoToSource { source } => {
                if let Some(compare) = &mut self.compare {
                    compare.go_to_source(source);
                }
            }
            Action::ShowOnlySource { source } => {
                if let Some(compare) = &mut self.compare {
                    compare.show_only(source);
                }
            }
            Action::CloseCompare => {
                self.back_to_compare = false;
                self.view = View::Browse;
                self.focus = Focus::Reader;
            }
            // Keys of the compare view do nothing elsewhere.
            Action::ColumnLeft
            | Action::ColumnRight
            | Action::ColumnsPageLeft
            | Action::ColumnsPageRight
            | Action::NextDiffers
            | Action::PrevDiffers
            | Action::NextOnly
            | Action::PrevOnly => {}
            // Text fields and the chooser's list act in their layers.
            Action::DeleteChar
            | Action::DeleteWord
            | Action::ClearInput
            | Action::KeepQuery
            | Action::ToggleHighlighted
            | Action::ShowOnlyHighlighted => {}
        }
    }

    /// Shows the compare view, building its state on first use; false while
    /// there is nothing to compare.
    fn open_compare(&mut self) -> bool {
        if !matches!(self.load, LoadState::Ready) || self.corpus.articles.is_empty() {
            return false;
        }
        if self.compare.is_none() {
            self.compare = Some(CompareState::new(Arc::clone(&self.corpus)));
        }
        self.back_to_compare = false;
        self.view = View::Compare;
        true
    }

    /// Actions with a meaning of their own in the compare view; true when
    /// `action` was one.
    fn apply_compare(&mut self, action: Action) -> bool {
        let Some(compare) = &mut self.compare else {
            return false;
        };
        let page = isize::try_from(compare.page_lines()).unwrap_or(isize::MAX);
        compare.notice = None;
        let jump = |compare: &mut CompareState, forward: bool, only: bool| {
            let found = if only {
                compare.jump(forward, |row| row.cells.len() == 1)
            } else {
                compare.jump(forward, differs_between_sources)
            };
            if !found {
                compare.notice = Some(match (only, forward) {
                    (false, true) => "no differing row below",
                    (false, false) => "no differing row above",
                    (true, true) => "no one-source row below",
                    (true, false) => "no one-source row above",
                });
            }
        };
        match action {
            Action::Down => compare.move_row(1),
            Action::Up => compare.move_row(-1),
            Action::PageDown => compare.scroll_by(page),
            Action::PageUp => compare.scroll_by(-page),
            Action::HalfPageDown => compare.scroll_by(page / 2),
            Action::HalfPageUp => compare.scroll_by(-page / 2),
            Action::Top => compare.move_row(isize::MIN),
            Action::Bottom => compare.move_row(isize::MAX),
            Action::ColumnLeft => compare.move_column(-1),
            Action::ColumnRight => compare.move_column(1),
            Action::ColumnsPageLeft => compare.page_columns(false),
            Action::ColumnsPageRight => compare.page_columns(true),
            Action::NextDiffers => jump(compare, true, false),
            Action::PrevDiffers => jump(compare, false, false),
            Action::NextOnly => jump(compare, true, true),
            Action::PrevOnly => jump(compare, false, true),
            Action::Open => {
                if let Some((article, start, end)) = compare.selected_target() {
                    self.open_at(article, start, end);
                    self.back_to_compare = true;
                }
            }
            _ => return false,
        }
        true
    }

    /// Shows article `article` in the reader with `start..end` highlighted
    /// and scrolled into view, and focuses the reader. Layers close, but for
    /// those that follow the reader (the panel). Out-of-range input is
    /// ignored (a stale search result must not crash the reader).
    pub fn open_at(&mut self, article: usize, start: usize, end: usize) {
        let Some(target) = self.corpus.articles.get(article) else {
            return;
        };
        let end = end.min(target.body.len());
        self.select(article);
        self.reader.highlight = (start < end).then_some((start, end));
        self.reader.reveal = Some(start.min(end));
        self.focus = Focus::Reader;
        self.view = View::Browse;
        self.follow_reader();
    }

    /// Tells the layers the reader's article (changed, or jumped within):
    /// those that follow it stay, the others close.
    fn follow_reader(&mut self) {
        let article = self.reader.article;
        for mut layer in std::mem::take(&mut self.layers) {
            if layer.follow(&self.corpus, article) {
                self.layers.push(layer);
            } else {
                self.park(layer);
            }
        }
    }

    fn close_layers(&mut self) {
        for layer in std::mem::take(&mut self.layers) {
            self.park(layer);
        }
    }

    /// Keeps a closed layer to show again if it can resume, else drops it.
    fn park(&mut self, layer: Box<dyn Layer>) {
        if layer.resumable() {
            self.parked = Some(layer);
        }
    }

    /// Selects an article in the list and shows it in the reader.
    fn select(&mut self, index: usize) {
        let last = self.corpus.articles.len().saturating_sub(1);
        self.selected = index.min(last);
        if self.reader.article != self.selected {
            self.reader = ReaderState {
                article: self.selected,
                ..ReaderState::default()
            };
            self.back_to_compare = false;
            // A docked panel stays beside the list (mouse, Ctrl-d on the
            // list): it must describe the article now shown.
            self.follow_reader();
        }
    }

    fn page_size(&self) -> usize {
        match self.focus {
            Focus::List => usize::from(Areas::inner(self.areas.list).height / ITEM_HEIGHT).max(1),
            Focus::Reader => usize::from(Areas::inner(self.areas.reader).height)
                .saturating_sub(1)
                .max(1),
        }
    }

    fn step_pages(&mut self, direction: isize, divisor: usize) {
        let amount = (self.page_size() / divisor).max(1);
        let amount = isize::try_from(amount).unwrap_or(isize::MAX);
        self.step(direction.saturating_mul(amount));
    }

    /// Moves the focused pane by `delta` items or lines (saturating).
    fn step(&mut self, delta: isize) {
        match self.focus {
            Focus::List => {
                if self.corpus.articles.is_empty() {
                    return;
                }
                self.select(self.selected.saturating_add_signed(delta));
            }
            Focus::Reader => {
                // Clamped to the article's end in `prepare`.
                self.reader.scroll = self.reader.scroll.saturating_add_signed(delta);
            }
        }
    }

    pub fn handle_mouse(&mut self, mouse: &MouseEvent) {
        // Panes beside a docked layer (the panel) still take the mouse.
        let covered = self
            .layers
            .iter()
            .any(|layer| layer.docked_width(self.areas.main) == 0);
        if covered || self.view == View::Compare {
            return;
        }
        let at = Position::new(mouse.column, mouse.row);
        let in_list = self.areas.list.contains(at);
        let in_reader = self.areas.reader.contains(at);
        match mouse.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = mouse.kind == MouseEventKind::ScrollDown;
                if in_list && !self.corpus.articles.is_empty() {
                    let next = if down {
                        self.selected.saturating_add(1)
                    } else {
                        self.selected.saturating_sub(1)
                    };
                    self.select(next);
                } else if in_reader {
                    self.reader.scroll = if down {
                        self.reader.scroll.saturating_add(WHEEL_LINES)
                    } else {
                        self.reader.scroll.saturating_sub(WHEEL_LINES)
                    };
                }
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if in_list {
                    self.focus = Focus::List;
                    let inner = Areas::inner(self.areas.list);
                    if inner.contains(at) {
                        let row = usize::from((at.y - inner.y) / ITEM_HEIGHT);
                        let index = self.list_offset + row;
                        if index < self.corpus.articles.len() {
                            self.select(index);
                        }
                    }
                } else if in_reader {
                    self.focus = Focus::Reader;
                }
            }
            _ => {}
        }
    }

    /// Fits the state to a screen of `screen`: pane areas, the reader's
    /// layout (rebuilt only when article, width or toggles change, keeping
    /// the reading position), pending reveals and scroll limits.
    pub fn prepare(&mut self, screen: Rect) {
        self.poll();
        self.prepare_layout(screen);
    }

    /// Takes what the workers finished (search results, a comparison, the
    /// picker's counts), whatever is on screen: a comparison finishing behind
    /// the reader must not keep the loop drawing at frame rate.
    pub fn poll(&mut self) {
        for layer in &mut self.layers {
            layer.poll();
        }
        if let Some(compare) = &mut self.compare {
            compare.poll();
        }
        self.tell_layers();
    }

    /// [`App::prepare`] without taking worker results (tests use it to
    /// look at a waiting state).
    pub fn prepare_layout(&mut self, screen: Rect) {
        let main = Areas::compute(screen, self.focus, 0).main;
        let side = self
            .layers
            .iter()
            .map(|layer| layer.docked_width(main))
            .max()
            .unwrap_or(0);
        self.areas = Areas::compute(screen, self.focus, side);
        // The area layers are drawn in (see `ui::draw`), so their paging
        // counts the rows they really have.
        for layer in &mut self.layers {
            layer.prepare(self.areas.main);
        }
        if self.areas.too_small || self.corpus.articles.is_empty() {
            return;
        }
        if self.view == View::Compare
            && let Some(compare) = &mut self.compare
        {
            compare.prepare(self.areas.main);
        }
        let list_rows = usize::from(Areas::inner(self.areas.list).height / ITEM_HEIGHT);
        if list_rows > 0 {
            if self.selected < self.list_offset {
                self.list_offset = self.selected;
            } else if self.selected >= self.list_offset + list_rows {
                self.list_offset = self.selected + 1 - list_rows;
            }
        }
        let inner = Areas::inner(self.areas.reader);
        if inner.is_empty() {
            return;
        }
        let Some(article) = self.corpus.articles.get(self.reader.article) else {
            return;
        };
        let key = LayoutKey {
            article: self.reader.article,
            width: inner.width.min(MAX_MEASURE + super::reader::GUTTER),
            toggles: self.toggles,
        };
        if self.layout.as_ref().map(|layout| layout.key) != Some(key) {
            // Keep the line at the top of the view at the top after a re-wrap.
            let anchor = self
                .layout
                .as_ref()
                .filter(|layout| layout.key.article == key.article)
                .and_then(|layout| layout.offset_of(self.reader.scroll));
            let layout = Layout::build(article, key);
            if let Some(offset) = anchor
                && self.reader.scroll > 0
            {
                self.reader.scroll = layout.line_of(offset).unwrap_or(0);
            }
            self.layout = Some(layout);
        }
        let Some(layout) = &self.layout else {
            return;
        };
        let height = usize::from(inner.height);
        if let Some(at) = self.reader.reveal.take() {
            let line = layout.line_of(at).unwrap_or(0);
            self.reader.scroll = line.saturating_sub(height / 3);
        }
        let max_scroll = layout.line_count().saturating_sub(height);
        self.reader.scroll = self.reader.scroll.min(max_scroll);
    }

    /// The last line of the reader is in view.
    pub fn reader_at_end(&self) -> bool {
        let height = usize::from(Areas::inner(self.areas.reader).height);
        self.layout()
            .is_none_or(|layout| self.reader.scroll + height >= layout.line_count())
    }
}

/// A row two or more sources carry with some wording that differs.
fn differs_between_sources(row: &crate::compare::Row) -> bool {
    row.cells.len() >= 2 && row.differs()
}
