//! The browse view: the article list beside the reader pane.
//!
//! - [`list`]: the article list; [`reader`]: wrap-once-per-width layout and
//!   visible-slice drawing; [`decorate`] and [`highlight`]: styled ranges and
//!   gutter marks over the body; [`panel`]: the entities-and-claims layer.

pub mod bookmarks;
pub mod decorate;
pub mod highlight;
mod list;
pub mod panel;
pub mod reader;

use super::action::Action;
use super::keymap::Mode;
use super::layer::{Shared, View};
use super::widgets::{inner, scroll::keep_in_view};
use crate::library::reading::ReadingState;
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

/// Where going back from the reader leads: the list, or the view the
/// article was opened from (with that view's selection kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Back {
    #[default]
    List,
    Compare,
    Insights,
}

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
    /// A body offset to put at the top at the next prepare: where the
    /// article was left last time.
    pub restore: Option<usize>,
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

/// How the article list is arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Arrangement {
    /// Every article, in the corpus's order.
    #[default]
    All,
    /// Only the articles not read yet (as they were when this was chosen).
    Unread,
    /// Grouped by outlet, alphabetically; newest first within one.
    ByOutlet,
    /// Newest first; undated articles last.
    Newest,
}

impl Arrangement {
    fn next(self) -> Arrangement {
        match self {
            Arrangement::All => Arrangement::Unread,
            Arrangement::Unread => Arrangement::ByOutlet,
            Arrangement::ByOutlet => Arrangement::Newest,
            Arrangement::Newest => Arrangement::All,
        }
    }

    /// The list's title says how it is arranged.
    pub fn label(self) -> &'static str {
        match self {
            Arrangement::All => "",
            Arrangement::Unread => " unread",
            Arrangement::ByOutlet => " by outlet",
            Arrangement::Newest => " newest first",
        }
    }
}

#[derive(Debug, Default)]
pub struct Browse {
    pub focus: Focus,
    /// Selected article in the list (an index into the corpus).
    pub selected: usize,
    /// First row shown in the list (a position in `order`).
    pub list_offset: usize,
    pub arrangement: Arrangement,
    /// The corpus indices the list shows, in the order it shows them.
    pub order: Vec<usize>,
    /// Read marks, positions and bookmarks, kept in the library.
    pub reading: ReadingState,
    /// A word about the last thing done ("bookmarked"), for the status bar.
    pub notice: Option<&'static str>,
    pub reader: ReaderState,
    pub toggles: Toggles,
    pub panes: Panes,
    layout: Option<Layout>,
    /// Where the reader's article was opened from: going back returns
    /// there.
    pub back_to: Back,
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

    /// Where the selected article stands in the list, if it is shown.
    pub fn position(&self) -> Option<usize> {
        self.order.iter().position(|index| *index == self.selected)
    }

    /// Recomputes the list's order for the arrangement; the selection stays
    /// when it is still shown, else moves to the first article shown.
    pub fn arrange(&mut self, corpus: &Corpus) {
        let articles = &corpus.articles;
        let mut order: Vec<usize> = (0..articles.len()).collect();
        match self.arrangement {
            Arrangement::All => {}
            Arrangement::Unread => order.retain(|index| !self.reading.is_read(&articles[*index])),
            Arrangement::ByOutlet => order.sort_by(|a, b| {
                let (a, b) = (&articles[*a], &articles[*b]);
                a.source_label()
                    .to_lowercase()
                    .cmp(&b.source_label().to_lowercase())
                    .then_with(|| b.date.cmp(&a.date))
            }),
            // Undated articles sort as `None`, before every date: reversed, last.
            Arrangement::Newest => order.sort_by(|a, b| articles[*b].date.cmp(&articles[*a].date)),
        }
        self.order = order;
        if self.position().is_none()
            && let Some(first) = self.order.first()
        {
            self.selected = *first;
        }
        self.list_offset = 0;
    }

    /// A list never arranged yet (a new corpus) shows every article.
    fn ensure_order(&mut self, corpus: &Corpus) {
        if self.order.is_empty() && self.arrangement == Arrangement::All {
            self.arrange(corpus);
        }
    }

    /// Opens the article left open last time, where it was left.
    pub fn resume(&mut self, corpus: &Corpus, queue: &mut Vec<Action>) {
        let last = self
            .reading
            .last_article()
            .and_then(|id| corpus.article_index(id));
        if let Some(index) = last {
            // Not the reader's article yet, so `select` restores its place.
            self.reader.article = usize::MAX;
            self.select(corpus, index, queue);
        }
    }

    /// The sentence a bookmark key means: the highlighted one, else the
    /// first that starts on screen (or runs onto it).
    fn sentence_in_view(&self, article: &Article) -> Option<(usize, usize)> {
        let at = self.reader.highlight.map(|(start, _)| start).or_else(|| {
            self.layout()
                .and_then(|layout| layout.offset_of(self.reader.scroll))
        })?;
        let sentence = article
            .sentences
            .iter()
            .find(|sentence| sentence.end > at)?;
        Some((sentence.start, sentence.end))
    }

    /// The sentence of the claim a claim key means: the highlighted one,
    /// else the first that ends on screen or below.
    pub fn claim_in_view(&self, corpus: &Corpus) -> Option<crate::facts::SentenceRef> {
        let article = self.article(corpus)?;
        let at = self.reader.highlight.map(|(start, _)| start).or_else(|| {
            self.layout()
                .and_then(|layout| layout.offset_of(self.reader.scroll))
        })?;
        let claim = article.claims.iter().find(|claim| claim.end > at)?;
        let sentence = article
            .sentences
            .iter()
            .position(|s| s.start <= claim.start && claim.start < s.end)?;
        Some(crate::facts::SentenceRef {
            article: self.reader.article,
            sentence,
        })
    }

    /// Selects an article in the list and shows it in the reader.
    fn select(&mut self, corpus: &Corpus, index: usize, queue: &mut Vec<Action>) {
        let last = corpus.articles.len().saturating_sub(1);
        self.selected = index.min(last);
        if self.reader.article != self.selected {
            let left_at = corpus
                .articles
                .get(self.selected)
                .map(|article| self.reading.reading(article).scroll)
                .filter(|offset| *offset > 0);
            self.reader = ReaderState {
                article: self.selected,
                restore: left_at.and_then(|offset| usize::try_from(offset).ok()),
                ..ReaderState::default()
            };
            self.back_to = Back::List;
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
                self.ensure_order(corpus);
                if let Some(position) = self.position() {
                    let last = self.order.len().saturating_sub(1);
                    let next = position.saturating_add_signed(delta).min(last);
                    self.select(corpus, self.order[next], queue);
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
        // Corroboration marks get columns of their own at the right, so a
        // narrow reader still shows them.
        let marks = if self.toggles.hide_claims {
            0
        } else {
            crate::tui::insights::marks::gutter_width(corpus.articles.len())
        };
        let key = LayoutKey {
            article: self.reader.article,
            width: pane
                .width
                .saturating_sub(marks)
                .min(MAX_MEASURE + reader::GUTTER),
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
        if let Some(at) = self.reader.restore.take() {
            self.reader.scroll = layout.line_of(at).unwrap_or(0);
        }
        if let Some(at) = self.reader.reveal.take() {
            let line = layout.line_of(at).unwrap_or(0);
            self.reader.scroll = line.saturating_sub(height / 3);
        }
        let max_scroll = layout.line_count().saturating_sub(height);
        self.reader.scroll = self.reader.scroll.min(max_scroll);
    }
}

impl Browse {
    /// Keeps where the reader is in its article: opened in the reader and
    /// scrolled (or short enough to be seen whole) counts as read.
    fn remember_position(&mut self, corpus: &Corpus) {
        if self.focus != Focus::Reader || inner(self.panes.reader).is_empty() {
            return;
        }
        let Some(article) = corpus.articles.get(self.reader.article) else {
            return;
        };
        let Some(layout) = self.layout() else {
            return;
        };
        let height = usize::from(inner(self.panes.reader).height);
        let offset = layout.offset_of(self.reader.scroll).unwrap_or(0) as u64;
        let seen = self.reader.scroll > 0 || self.reader.scroll + height >= layout.line_count();
        self.reading.set_position(article, offset, seen);
        self.reading.set_last_article(&article.id);
    }
}

impl View for Browse {
    fn apply(&mut self, action: Action, shared: Shared, queue: &mut Vec<Action>) -> bool {
        let corpus = shared.corpus;
        match action {
            Action::FocusNext | Action::FocusPrev => {
                self.back_to = Back::List;
                self.focus = match self.focus {
                    Focus::List => Focus::Reader,
                    Focus::Reader => Focus::List,
                }
            }
            Action::FocusList => match std::mem::take(&mut self.back_to) {
                Back::Compare => queue.push(Action::Compare),
                Back::Insights => queue.push(Action::Insights),
                Back::List => self.focus = Focus::List,
            },
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
            Action::ToggleBookmark => {
                let Some(article) = corpus.articles.get(self.reader.article) else {
                    return true;
                };
                if let Some((start, end)) = self.sentence_in_view(article) {
                    let marked = self.reading.toggle_bookmark(article, start, end);
                    self.notice = Some(if marked {
                        "bookmarked"
                    } else {
                        "bookmark removed"
                    });
                }
            }
            Action::RemoveBookmark {
                article,
                start,
                end,
            } => {
                if let Some(article) = corpus.articles.get(article)
                    && self.reading.is_bookmarked(article, start)
                {
                    self.reading.toggle_bookmark(article, start, end);
                    self.notice = Some("bookmark removed");
                }
            }
            Action::ToggleRead => {
                if let Some(article) = corpus.articles.get(self.selected) {
                    let read = !self.reading.is_read(article);
                    self.reading.set_read(article, read);
                    self.notice = Some(if read { "marked read" } else { "marked unread" });
                }
            }
            Action::CycleListOrder => {
                self.arrangement = self.arrangement.next();
                self.arrange(corpus);
                self.select(corpus, self.selected, queue);
            }
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
        self.ensure_order(shared.corpus);
        let list_rows = usize::from(inner(self.panes.list).height / ITEM_HEIGHT);
        let position = self.position().unwrap_or(0);
        self.list_offset = keep_in_view(position, self.list_offset, list_rows);
        self.prepare_reader(shared.corpus, shared);
        self.remember_position(shared.corpus);
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
                    let focus = std::mem::replace(&mut self.focus, Focus::List);
                    self.step(corpus, if down { 1 } else { -1 }, queue);
                    self.focus = focus;
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
                        let row = self.list_offset + usize::from((at.y - list.y) / ITEM_HEIGHT);
                        if let Some(index) = self.order.get(row) {
                            self.select(corpus, *index, queue);
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
