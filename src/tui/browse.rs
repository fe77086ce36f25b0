//! The browse view: the article list beside the reader pane.
//!
//! - [`list`]: the article list; [`reader`]: wrap-once-per-width layout and
//!   visible-slice drawing; [`decorate`] and [`highlight`]: styled ranges and
//!   gutter marks over the body; [`panel`]: the entities-and-claims layer.

pub mod decorate;
pub mod highlight;
mod list;
pub mod panel;
pub mod reader;

use super::action::Action;
use super::keymap::Mode;
use super::layer::{Shared, View};
use super::widgets::{inner, scroll::keep_in_view};
use crate::model::{Article, Corpus};
use decorate::Toggles;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use reader::{Layout, LayoutKey};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Reader,
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
    /// A body offset to bring into view at the next prepare.
    pub reveal: Option<usize>,
}

/// The panes' outer (bordered) rectangles; empty when a pane is not shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    pub list: Rect,
    pub reader: Rect,
}

impl Panes {
    /// `side` is the width a docked layer takes on the right of `main`
    /// (0 for none); it is ignored when too little would be left beside it.
    pub fn compute(main: Rect, focus: Focus, side: u16) -> Panes {
        let mut panes = Panes::default();
        let beside = main.width.saturating_sub(side);
        if side > 0 && beside >= MIN_WIDTH {
            // Reading beside the panel: the reader stays, the list goes first.
            let mut list_width = (beside * 3 / 10).clamp(24, 44);
            if beside >= list_width + READER_BESIDE_SIDE {
                panes.list = Rect {
                    width: list_width,
                    ..main
                };
            } else {
                list_width = 0;
            }
            panes.reader = Rect {
                x: main.x + list_width,
                width: beside - list_width,
                ..main
            };
        } else if main.width >= TWO_PANE_WIDTH {
            let list_width = (main.width * 3 / 10).clamp(24, 44);
            panes.list = Rect {
                width: list_width,
                ..main
            };
            panes.reader = Rect {
                x: main.x + list_width,
                width: main.width - list_width,
                ..main
            };
        } else {
            match focus {
                Focus::List => panes.list = main,
                Focus::Reader => panes.reader = main,
            }
        }
        panes
    }
}

#[derive(Debug, Default)]
pub struct Browse {
    pub focus: Focus,
    /// Selected article in the list.
    pub selected: usize,
    /// First article shown in the list.
    pub list_offset: usize,
    pub reader: ReaderState,
    pub toggles: Toggles,
    pub panes: Panes,
    layout: Option<Layout>,
    /// The reader's article was opened from the compare view: going back
    /// returns there instead of to the list.
    pub back_to_compare: bool,
}

impl Browse {
    pub fn article<'a>(&self, corpus: &'a Corpus) -> Option<&'a Article> {
        corpus.articles.get(self.reader.article)
    }

    /// The reader's layout, when it is up to date with the reader's article.
    pub fn layout(&self) -> Option<&Layout> {
        self.layout
            .as_ref()
            .filter(|layout| layout.key.article == self.reader.article)
    }

    /// Shows article `article` in the reader with `start..end` highlighted
    /// and scrolled into view, and focuses the reader. Out-of-range input
    /// is ignored (a stale search result must not crash the reader).
    pub fn open_at(
        &mut self,
        corpus: &Corpus,
        (article, start, end): (usize, usize, usize),
        queue: &mut Vec<Action>,
    ) {
        let Some(target) = corpus.articles.get(article) else {
            return;
        };
        let end = end.min(target.body.len());
        self.select(corpus, article, queue);
        self.reader.highlight = (start < end).then_some((start, end));
        self.reader.reveal = Some(start.min(end));
        self.focus = Focus::Reader;
        queue.push(Action::ReaderMoved { article });
    }

    /// Selects an article in the list and shows it in the reader.
    fn select(&mut self, corpus: &Corpus, index: usize, queue: &mut Vec<Action>) {
        let last = corpus.articles.len().saturating_sub(1);
        self.selected = index.min(last);
        if self.reader.article != self.selected {
            self.reader = ReaderState {
                article: self.selected,
                ..ReaderState::default()
            };
            self.back_to_compare = false;
            // A docked panel stays beside the list (mouse, Ctrl-d on the
            // list): it must describe the article now shown.
            queue.push(Action::ReaderMoved {
                article: self.selected,
            });
        }
    }

    fn page_size(&self) -> usize {
        match self.focus {
            Focus::List => usize::from(inner(self.panes.list).height / ITEM_HEIGHT).max(1),
            Focus::Reader => usize::from(inner(self.panes.reader).height)
                .saturating_sub(1)
                .max(1),
        }
    }

    /// Moves the focused pane by `delta` items or lines (saturating).
    fn step(&mut self, corpus: &Corpus, delta: isize, queue: &mut Vec<Action>) {
        match self.focus {
            Focus::List => {
                if !corpus.articles.is_empty() {
                    self.select(corpus, self.selected.saturating_add_signed(delta), queue);
                }
            }
            // Clamped to the article's end in `prepare`.
            Focus::Reader => self.reader.scroll = self.reader.scroll.saturating_add_signed(delta),
        }
    }

    fn step_pages(
        &mut self,
        corpus: &Corpus,
        delta: isize,
        divisor: usize,
        queue: &mut Vec<Action>,
    ) {
        let amount = isize::try_from((self.page_size() / divisor).max(1)).unwrap_or(isize::MAX);
        self.step(corpus, delta.saturating_mul(amount), queue);
    }

    /// Where `n`/`N` jump from: the highlighted claim, else the top line.
    fn jump_claim(&mut self, corpus: &Corpus, forward: bool, queue: &mut Vec<Action>) {
        let from = self.reader.highlight.map(|(start, _)| start).or_else(|| {
            self.layout()
                .and_then(|layout| layout.offset_of(self.reader.scroll))
        });
        let jump = self
            .article(corpus)
            .and_then(|article| highlight::next_claim(article, from.unwrap_or(0), forward));
        if let Some((start, end)) = jump {
            self.open_at(corpus, (self.reader.article, start, end), queue);
        }
    }

    #[cfg(test)]
    /// The last line of the reader is in view.
    pub fn reader_at_end(&self) -> bool {
        let height = usize::from(inner(self.panes.reader).height);
        self.layout()
            .is_none_or(|layout| self.reader.scroll + height >= layout.line_count())
    }

    /// The reader's layout for its pane: rebuilt only when article, width
    /// or toggles change, keeping the line at the top of the view in view.
    fn prepare_reader(&mut self, corpus: &Corpus, shared: Shared) {
        let pane = inner(self.panes.reader);
        let Some(article) = corpus.articles.get(self.reader.article) else {
            return;
        };
        if pane.is_empty() {
            return;
        }
        let key = LayoutKey {
            article: self.reader.article,
            width: pane.width.min(MAX_MEASURE + reader::GUTTER),
            toggles: self.toggles,
        };
        if self.layout.as_ref().map(|layout| layout.key) != Some(key) {
            let anchor = self
                .layout
                .as_ref()
                .filter(|layout| layout.key.article == key.article)
                .and_then(|layout| layout.offset_of(self.reader.scroll));
            let layout = Layout::build(article, key, shared.theme());
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
        let height = usize::from(pane.height);
        if let Some(at) = self.reader.reveal.take() {
            let line = layout.line_of(at).unwrap_or(0);
            self.reader.scroll = line.saturating_sub(height / 3);
        }
        let max_scroll = layout.line_count().saturating_sub(height);
        self.reader.scroll = self.reader.scroll.min(max_scroll);
    }
}

impl View for Browse {
    fn apply(&mut self, action: Action, shared: Shared, queue: &mut Vec<Action>) -> bool {
        let corpus = shared.corpus;
        match action {
            Action::FocusNext | Action::FocusPrev => {
                self.back_to_compare = false;
                self.focus = match self.focus {
                    Focus::List => Focus::Reader,
                    Focus::Reader => Focus::List,
                }
            }
            Action::FocusList => {
                if std::mem::take(&mut self.back_to_compare) {
                    queue.push(Action::Compare);
                } else {
                    self.focus = Focus::List;
                }
            }
            Action::Open => {
                if !corpus.articles.is_empty() {
                    self.select(corpus, self.selected, queue);
                    self.focus = Focus::Reader;
                }
            }
            Action::Up => self.step(corpus, -1, queue),
            Action::Down => self.step(corpus, 1, queue),
            Action::PageUp => self.step_pages(corpus, -1, 1, queue),
            Action::PageDown => self.step_pages(corpus, 1, 1, queue),
            Action::HalfPageUp => self.step_pages(corpus, -1, 2, queue),
            Action::HalfPageDown => self.step_pages(corpus, 1, 2, queue),
            Action::Top => self.step(corpus, isize::MIN, queue),
            Action::Bottom => self.step(corpus, isize::MAX, queue),
            Action::ToggleBoilerplate => {
                self.toggles.hide_boilerplate = !self.toggles.hide_boilerplate
            }
            Action::ToggleEntities => self.toggles.hide_entities = !self.toggles.hide_entities,
            Action::ToggleClaims => self.toggles.hide_claims = !self.toggles.hide_claims,
            Action::NextClaim | Action::PrevClaim => {
                self.jump_claim(corpus, action == Action::NextClaim, queue)
            }
            _ => return false,
        }
        true
    }

    fn prepare(&mut self, area: Rect, shared: Shared) {
        self.panes = Panes::compute(area, self.focus, shared.docked);
        if shared.corpus.articles.is_empty() {
            return;
        }
        let list_rows = usize::from(inner(self.panes.list).height / ITEM_HEIGHT);
        self.list_offset = keep_in_view(self.selected, self.list_offset, list_rows);
        self.prepare_reader(shared.corpus, shared);
    }

    fn render(&self, _area: Rect, buf: &mut Buffer, shared: Shared) {
        list::render(self, self.panes.list, buf, shared);
        reader::render_pane(self, self.panes.reader, buf, shared);
    }

    fn modes(&self) -> Vec<Mode> {
        match self.focus {
            Focus::List => vec![Mode::List, Mode::Navigation],
            Focus::Reader => vec![Mode::Reader, Mode::Navigation],
        }
    }

    fn mouse(&mut self, mouse: &MouseEvent, shared: Shared, queue: &mut Vec<Action>) {
        let corpus = shared.corpus;
        let at = Position::new(mouse.column, mouse.row);
        let in_list = self.panes.list.contains(at);
        let in_reader = self.panes.reader.contains(at);
        match mouse.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = mouse.kind == MouseEventKind::ScrollDown;
                if in_list && !corpus.articles.is_empty() {
                    let next = if down {
                        self.selected.saturating_add(1)
                    } else {
                        self.selected.saturating_sub(1)
                    };
                    self.select(corpus, next, queue);
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
                    let list = inner(self.panes.list);
                    if list.contains(at) {
                        let index = self.list_offset + usize::from((at.y - list.y) / ITEM_HEIGHT);
                        if index < corpus.articles.len() {
                            self.select(corpus, index, queue);
                        }
                    }
                } else if in_reader {
                    self.focus = Focus::Reader;
                }
            }
            _ => {}
        }
    }
}
