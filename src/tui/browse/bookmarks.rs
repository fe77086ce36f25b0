//! The bookmarks list (`B`): every bookmarked sentence of the corpus with
//! its article, newest last; Enter opens it in the reader, `d` removes it.

use crate::library::reading::ReadingState;
use crate::model::Corpus;
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::layer::{Context, EventState, Input, Layer, LayerContext};
use crate::tui::text::{clean, truncate};
use crate::tui::widgets::scroll::keep_in_view;
use crate::tui::widgets::{centred, inner, plural, rounded};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

/// Rows per bookmark: the article's title, the sentence, a blank.
const ROW_HEIGHT: u16 = 3;

struct Row {
    article: usize,
    start: usize,
    end: usize,
    title: String,
    text: String,
}

pub struct BookmarksLayer {
    rows: Vec<Row>,
    /// Bookmarks whose article is not in this corpus (another folder).
    elsewhere: usize,
    selected: usize,
    offset: usize,
    page: usize,
}

impl BookmarksLayer {
    /// The bookmarks of `reading` found in `corpus`, as they stand now.
    pub fn new(reading: &ReadingState, corpus: &Corpus) -> BookmarksLayer {
        let mut rows = Vec::new();
        let mut elsewhere = 0;
        for bookmark in reading.bookmarks() {
            match reading.locate(bookmark, &corpus.articles) {
                Some((article, start, end)) => rows.push(Row {
                    article,
                    start,
                    end,
                    title: corpus.articles[article].title.clone(),
                    text: corpus.articles[article].text(start, end).to_string(),
                }),
                None => elsewhere += 1,
            }
        }
        BookmarksLayer {
            rows,
            elsewhere,
            selected: 0,
            offset: 0,
            page: 1,
        }
    }

    fn frame(area: Rect) -> Rect {
        centred(area, 100, area.height.saturating_sub(4), (30, 6))
    }
}

impl Layer for BookmarksLayer {
    fn handle_key(&mut self, input: Input, context: &mut LayerContext) -> EventState {
        let last = self.rows.len().saturating_sub(1);
        match input.action {
            Some(Action::CloseLayer) => context.queue.push(Action::CloseLayer),
            Some(Action::Down) => self.selected = (self.selected + 1).min(last),
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Open) => {
                if let Some(row) = self.rows.get(self.selected) {
                    context.queue.push(Action::CloseLayer);
                    context.queue.push(Action::OpenAt {
                        article: row.article,
                        start: row.start,
                        end: row.end,
                    });
                }
            }
            Some(Action::ToggleBookmark) => {
                if self.selected < self.rows.len() {
                    let row = self.rows.remove(self.selected);
                    self.selected = self.selected.min(self.rows.len().saturating_sub(1));
                    context.queue.push(Action::RemoveBookmark {
                        article: row.article,
                        start: row.start,
                        end: row.end,
                    });
                }
            }
            _ => return EventState::NotConsumed,
        }
        EventState::Consumed
    }

    fn prepare(&mut self, area: Rect, _context: Context) {
        self.page = usize::from(inner(Self::frame(area)).height / ROW_HEIGHT).max(1);
        self.offset = keep_in_view(self.selected, self.offset, self.page);
    }

    fn render(&self, area: Rect, buf: &mut Buffer, context: Context) {
        let area = area.intersection(buf.area);
        if area.width < 3 || area.height < 3 {
            return;
        }
        let theme = context.shared.theme();
        let outer = Self::frame(area);
        let mut title = format!(" Bookmarks: {} ", plural(self.rows.len(), "sentence"));
        if self.elsewhere > 0 {
            title.push_str(&format!("({} in articles not open now) ", self.elsewhere));
        }
        Clear.render(outer, buf);
        let block = rounded(theme.border).title(title);
        let text = block.inner(outer);
        block.render(outer, buf);
        if self.rows.is_empty() {
            let help = context
                .shared
                .keymap()
                .label(Mode::Reader, Action::ToggleBookmark);
            let line = format!("No bookmarks yet: press {help} in the reader on a sentence.");
            let line = truncate(&line, usize::from(text.width));
            buf.set_stringn(text.x, text.y, &line, usize::from(text.width), theme.dim);
            return;
        }
        let width = usize::from(text.width.saturating_sub(2));
        let shown = self
            .rows
            .iter()
            .enumerate()
            .skip(self.offset)
            .take(self.page);
        for (slot, (index, row)) in (0u16..).zip(shown) {
            let y = text.y + slot * ROW_HEIGHT;
            let selected = index == self.selected;
            if selected {
                buf.set_stringn(text.x, y, "▌", 1, theme.accent);
                buf.set_stringn(text.x, y + 1, "▌", 1, theme.accent);
            }
            let title_style = if selected {
                theme.selected
            } else {
                theme.strong
            };
            let title = clean(&row.title);
            buf.set_stringn(text.x + 2, y, truncate(&title, width), width, title_style);
            if y + 1 < text.bottom() {
                let sentence = clean(&row.text);
                buf.set_stringn(
                    text.x + 2,
                    y + 1,
                    truncate(&sentence, width),
                    width,
                    theme.dim,
                );
            }
        }
    }

    fn modes(&self) -> &'static [Mode] {
        &[Mode::Bookmarks]
    }
}
