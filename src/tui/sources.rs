//! The source chooser: a layer over the compare view listing every compared
//! source (number, outlet or id, sentences on the topic, shown or hidden),
//! narrowed by a fuzzy query as the user types. The digit keys reach nine
//! sources; a folder of clippings has hundreds.
//!
//! The chooser never changes what is hidden itself: it queues the same
//! actions the digit keys do and is told the result through
//! [`Layer::compare_changed`], so the view and the list cannot disagree.

use super::action::Action;
use super::compare::CompareState;
use super::keymap::{self, Mode};
use super::layer::{EventState, Layer, LayerContext, TextEdit, edit_text};
use super::text::{clean, fuzzy_filter, truncate, width};
use crate::model::Corpus;
use crate::search::query::MAX_QUERY_BYTES;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

/// The chooser is this wide when the screen allows: room for the outlet,
/// the count and enough of the title to tell a source's articles apart.
const MAX_BOX_WIDTH: u16 = 110;
/// Widest outlet column; longer names are cut.
const MAX_LABEL: usize = 24;
/// Lines above the list: the query and the line saying what is listed.
const HEAD_LINES: usize = 2;

struct Entry {
    /// Index into the corpus (the source's number is this plus one).
    article: usize,
    /// The outlet, or the id when the outlet is unknown, as the view names it.
    label: String,
    title: String,
}

pub struct SourceChooser {
    entries: Vec<Entry>,
    /// Per corpus article, as last seen in the compare view.
    hidden: Vec<bool>,
    /// Sentences on the topic per corpus article; None while comparing.
    coverage: Option<Vec<usize>>,
    /// The compare view's generation the copies above were taken at.
    generation: u64,
    query: String,
    /// Indices into `entries` matching the query, in list order.
    matches: Vec<usize>,
    /// Position in `matches`.
    selected: usize,
    /// First position of `matches` on screen.
    offset: usize,
    /// Rows the list had at the last size seen (for paging).
    page: usize,
}

impl SourceChooser {
    pub fn new(corpus: &Corpus, compare: &CompareState) -> SourceChooser {
        let entries = corpus
            .articles
            .iter()
            .enumerate()
            .map(|(article, a)| Entry {
                article,
                label: clean(a.source_or_id()).into_owned(),
                title: clean(&a.title).into_owned(),
            })
            .collect();
        let mut chooser = SourceChooser {
            entries,
            hidden: Vec::new(),
            coverage: None,
            generation: 0,
            query: String::new(),
            matches: Vec::new(),
            selected: 0,
            offset: 0,
            page: 10,
        };
        chooser.take(compare);
        chooser.refilter();
        chooser
    }

    /// Copies what the view shows; true when the counts changed (the
    /// comparison arrived), which changes the order.
    fn take(&mut self, compare: &CompareState) -> bool {
        self.generation = compare.generation();
        self.hidden.clone_from(&compare.hidden);
        let coverage = compare.coverage().map(<[usize]>::to_vec);
        let changed = coverage != self.coverage;
        self.coverage = coverage;
        changed
    }

    fn count(&self, article: usize) -> Option<usize> {
        Some(self.coverage.as_ref()?.get(article).copied().unwrap_or(0))
    }

    fn is_hidden(&self, article: usize) -> bool {
        self.hidden.get(article).copied().unwrap_or(false)
    }

    /// The articles listed, top to bottom.
    fn listed(&self) -> Vec<usize> {
        self.matches
            .iter()
            .map(|&m| self.entries[m].article)
            .collect()
    }

    /// The highlighted source's article, if any is listed.
    fn highlighted(&self) -> Option<usize> {
        self.matches
            .get(self.selected)
            .map(|&m| self.entries[m].article)
    }

    /// Sources with the most to say on the topic first, then by number: with
    /// a hundred sources the ones worth a column come first. Hiding does not
    /// move a source, so toggling down the list never loses the place.
    /// With a query, the best matches first, ties in that order.
    fn refilter(&mut self) {
        let keep = self.highlighted();
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        order.sort_by_key(|&e| {
            let article = self.entries[e].article;
            (std::cmp::Reverse(self.count(article).unwrap_or(0)), article)
        });
        self.matches = fuzzy_filter(
            &self.query,
            order.into_iter().map(|e| {
                let entry = &self.entries[e];
                (
                    e,
                    format!("{} {} {}", entry.article + 1, entry.label, entry.title),
                )
            }),
        );
        self.selected = keep
            .and_then(|article| self.listed().iter().position(|&a| a == article))
            .unwrap_or(0);
        self.offset = 0;
    }

    fn move_by(&mut self, delta: isize) {
        let last = self.matches.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Centred, as wide as the screen allows up to [`MAX_BOX_WIDTH`], as
    /// tall as the list wants.
    fn frame(&self, area: Rect) -> Rect {
        let w = area.width.saturating_sub(2).min(MAX_BOX_WIDTH);
        let wanted = u16::try_from(self.entries.len() + HEAD_LINES + 2).unwrap_or(u16::MAX);
        let h = wanted
            .min(area.height.saturating_sub(2))
            .max(area.height.min(5));
        Rect {
            x: area.x + area.width.saturating_sub(w) / 2,
            y: area.y + area.height.saturating_sub(h) / 2,
            width: w.min(area.width),
            height: h.min(area.height),
        }
    }

    /// "3 of 30 shown", how many have sentences on the topic (the rest are
    /// silent: no column whether shown or not), and how the list is ordered;
    /// short enough for an 80-column screen with five-digit counts.
    fn summary(&self) -> String {
        let total = self.entries.len();
        let shown = (0..total).filter(|&a| !self.is_hidden(a)).count();
        let mut text = format!("{shown} of {total} shown");
        match &self.coverage {
            None => text.push_str(" · counting sentences…"),
            Some(coverage) => {
                let speaking = coverage.iter().filter(|&&n| n > 0).count();
                text.push_str(&format!(" · {speaking} on the topic"));
                if self.query.is_empty() {
                    text.push_str(", listed first");
                }
            }
        }
        if !self.query.is_empty() {
            text.push_str(&format!(" · {} match, best first", self.matches.len()));
        }
        text
    }

    fn row(&self, entry: &Entry, selected: bool, columns: &RowColumns) -> Line<'static> {
        let hidden = self.is_hidden(entry.article);
        let dim = Style::new().fg(Color::DarkGray);
        let (mark, mark_style) = if hidden {
            ("[ ]", dim)
        } else {
            (
                "[x]",
                Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            )
        };
        let number = format!("{:>w$}", entry.article + 1, w = columns.number);
        let label = truncate(&entry.label, columns.label);
        let label = format!(
            "{label}{}",
            " ".repeat(columns.label.saturating_sub(width(&label)))
        );
        let count = self.count(entry.article);
        let amount = match count {
            None => String::new(),
            Some(0) => "silent".to_string(),
            Some(1) => "1 sentence".to_string(),
            Some(n) => format!("{n} sentences"),
        };
        let amount = format!("{amount:<w$}", w = columns.count);
        let state = if hidden { "hidden" } else { "shown " };
        let highlight = if selected {
            Modifier::REVERSED | Modifier::BOLD
        } else {
            Modifier::empty()
        };
        let (label_style, amount_style, state_style) = if hidden {
            (
                dim,
                dim,
                Style::new()
                    .fg(Color::Yellow)
                    .add_modifier(Modifier::ITALIC),
            )
        } else if count == Some(0) {
            (
                Style::new().fg(Color::Magenta),
                Style::new().fg(Color::Red).add_modifier(Modifier::ITALIC),
                Style::new(),
            )
        } else {
            (Style::new().fg(Color::Magenta), Style::new(), Style::new())
        };
        let mut spans = vec![
            Span::styled(
                if selected { "▌ " } else { "  " },
                Style::new().fg(Color::Cyan),
            ),
            Span::styled(mark, mark_style),
            Span::raw(" "),
            Span::styled(
                number,
                Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            ),
            Span::raw(" "),
            Span::styled(label, label_style.add_modifier(highlight)),
            Span::raw(" "),
            Span::styled(amount, amount_style),
            Span::raw(" "),
            Span::styled(state, state_style),
        ];
        if columns.title > 0 {
            spans.push(Span::raw("  "));
            spans.push(Span::styled(
                truncate(&entry.title, columns.title).into_owned(),
                dim,
            ));
        }
        Line::from(spans)
    }
}

/// Widths of a list row's columns in a chooser `text_width` wide.
struct RowColumns {
    number: usize,
    label: usize,
    count: usize,
    title: usize,
}

impl RowColumns {
    fn new(chooser: &SourceChooser, text_width: usize) -> RowColumns {
        let number = chooser.entries.len().max(1).to_string().len();
        let widest = chooser
            .entries
            .iter()
            .map(|e| width(&e.label))
            .max()
            .unwrap_or(0);
        let count = if chooser.coverage.is_some() {
            let most = chooser
                .coverage
                .iter()
                .flatten()
                .max()
                .copied()
                .unwrap_or(0);
            format!("{most} sentences").len().max("silent".len())
        } else {
            0
        };
        // Marker, mark, number, count and state with their spaces.
        let fixed = 2 + 3 + 1 + number + 1 + 1 + count + 1 + "hidden".len();
        let label = widest
            .min(MAX_LABEL)
            .min(text_width.saturating_sub(fixed))
            .max(1);
        // The title only where a useful piece of it fits.
        let rest = text_width.saturating_sub(fixed + label + 2);
        let title = if rest >= 12 { rest } else { 0 };
        RowColumns {
            number,
            label,
            count,
            title,
        }
    }
}

impl Layer for SourceChooser {
    fn handle_key(&mut self, key: &KeyEvent, context: &mut LayerContext) -> EventState {
        let page = isize::try_from(self.page.max(1)).unwrap_or(isize::MAX);
        match keymap::lookup(&[Mode::Sources], key) {
            Some(Action::CloseLayer) => context.queue.push(Action::CloseLayer),
            Some(Action::Open) => {
                context.queue.push(Action::CloseLayer);
                if let Some(source) = self.highlighted() {
                    context.queue.push(Action::GoToSource { source });
                }
            }
            Some(Action::ToggleHighlighted) => {
                if let Some(source) = self.highlighted() {
                    context.queue.push(Action::ToggleSource { source });
                }
            }
            Some(Action::ShowOnlyHighlighted) => {
                if let Some(source) = self.highlighted() {
                    context.queue.push(Action::ShowOnlySource { source });
                }
            }
            Some(Action::ShowAllSources) => context.queue.push(Action::ShowAllSources),
            Some(Action::Down) => self.move_by(1),
            Some(Action::Up) => self.move_by(-1),
            // The list moves by a page under a fixed highlight, so a page
            // down shows only sources not seen yet.
            Some(Action::PageDown) => {
                self.offset = self.offset.saturating_add_signed(page);
                self.move_by(page);
            }
            Some(Action::PageUp) => {
                self.offset = self.offset.saturating_add_signed(-page);
                self.move_by(-page);
            }
            other => match edit_text(&mut self.query, other, key, MAX_QUERY_BYTES) {
                TextEdit::Changed => self.refilter(),
                TextEdit::Unchanged => {}
                TextEdit::PassOn => return EventState::NotConsumed,
            },
        }
        EventState::Consumed
    }

    fn compare_changed(&mut self, compare: &CompareState) {
        if compare.generation() != self.generation && self.take(compare) {
            self.refilter();
        }
    }

    fn prepare(&mut self, area: Rect) {
        let inner = usize::from(self.frame(area).height.saturating_sub(2));
        self.page = inner.saturating_sub(HEAD_LINES).max(1);
        self.selected = self.selected.min(self.matches.len().saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + self.page {
            self.offset = self.selected + 1 - self.page;
        }
        self.offset = self
            .offset
            .min(self.matches.len().saturating_sub(self.page));
    }

    fn busy(&self) -> bool {
        self.coverage.is_none()
    }

    fn render(&self, _corpus: &Corpus, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.width < 10 || area.height < 4 {
            return;
        }
        let outer = self.frame(area);
        let position = match self.matches.len() {
            0 => String::new(),
            n => format!(" {}/{n} ", self.selected + 1),
        };
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(Style::new().fg(Color::Cyan))
            .title(" Sources ")
            .title_bottom(Line::from(position).right_aligned());
        let inner = block.inner(outer);
        Clear.render(outer, buf);
        block.render(outer, buf);
        let text_width = usize::from(inner.width);
        let dim = Style::new().fg(Color::DarkGray);
        let mut lines: Vec<Line> = vec![
            Line::from(vec![
                Span::styled("› ", Style::new().fg(Color::Yellow)),
                Span::raw(clean(&self.query).into_owned()),
                Span::styled("▏", Style::new().fg(Color::Cyan)),
            ]),
            Line::styled(truncate(&self.summary(), text_width).into_owned(), dim),
        ];
        if self.matches.is_empty() {
            lines.push(Line::styled("no source matches", dim));
        }
        let columns = RowColumns::new(self, text_width);
        let room = usize::from(inner.height).saturating_sub(lines.len());
        for (position, &m) in self.matches.iter().enumerate().skip(self.offset).take(room) {
            lines.push(self.row(&self.entries[m], position == self.selected, &columns));
        }
        Paragraph::new(lines).render(inner, buf);
    }

    fn modes(&self) -> &'static [Mode] {
        &[Mode::Sources]
    }
}
