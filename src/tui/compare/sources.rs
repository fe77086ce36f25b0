//! The source chooser: a layer over the compare view listing every compared
//! source (number, outlet or id, sentences on the topic, shown or hidden),
//! narrowed by a fuzzy query as the user types. The digit keys reach nine
//! sources; a folder of clippings has hundreds.
//!
//! The chooser never changes what is hidden itself: it queues the same
//! actions the digit keys do and reads the result from the view through its
//! context, so the view and the list cannot disagree.

use super::CompareView;
use crate::model::Corpus;
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::layer::{Context, EventState, Input, Layer, LayerContext};
use crate::tui::text::{clean, truncate, width};
use crate::tui::theme::Theme;
use crate::tui::widgets::input::{fuzzy_filter, prompt_line};
use crate::tui::widgets::scroll::keep_in_view;
use crate::tui::widgets::{centred, rounded, sentences};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

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
    /// The list was ordered with the view's counts (they arrive after the
    /// comparison, and reorder it once).
    ordered_by_counts: bool,
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
    pub fn new(corpus: &Corpus, compare: &CompareView) -> SourceChooser {
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
            ordered_by_counts: false,
            query: String::new(),
            matches: Vec::new(),
            selected: 0,
            offset: 0,
            page: 10,
        };
        chooser.refilter(Seen(Some(compare)));
        chooser
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
    fn refilter(&mut self, seen: Seen) {
        self.ordered_by_counts = seen.coverage().is_some();
        let keep = self.highlighted();
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        order.sort_by_key(|&e| {
            let article = self.entries[e].article;
            (std::cmp::Reverse(seen.count(article).unwrap_or(0)), article)
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
        centred(area, w, wanted, (0, 5))
    }

    /// "3 of 30 shown", how many have sentences on the topic (the rest are
    /// silent: no column whether shown or not), and how the list is ordered;
    /// short enough for an 80-column screen with five-digit counts.
    fn summary(&self, seen: Seen) -> String {
        let total = self.entries.len();
        let shown = (0..total).filter(|&a| !seen.is_hidden(a)).count();
        let mut text = format!("{shown} of {total} shown");
        match seen.coverage() {
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

    fn row(
        &self,
        entry: &Entry,
        selected: bool,
        columns: &RowColumns,
        seen: Seen,
        theme: &Theme,
    ) -> Line<'static> {
        let hidden = seen.is_hidden(entry.article);
        let count = seen.count(entry.article);
        let (mark, mark_style) = if hidden {
            ("[ ]", theme.dim)
        } else {
            ("[x]", theme.shown_mark)
        };
        let number = format!("{:>w$}", entry.article + 1, w = columns.number);
        let label = truncate(&entry.label, columns.label);
        let label = format!(
            "{label}{}",
            " ".repeat(columns.label.saturating_sub(width(&label)))
        );
        // A syndicated copy has no sentences of its own in the comparison:
        // its original speaks for it.
        let amount = match seen.copy_of(entry.article) {
            Some(original) => format!("copy of {}", original + 1),
            None => count.map(sentences).unwrap_or_default(),
        };
        let amount = format!("{amount:<w$}", w = columns.count);
        let state = if hidden { "hidden" } else { "shown " };
        let highlight = if selected {
            theme.selected.add_modifier
        } else {
            Modifier::empty()
        };
        let (label_style, amount_style, state_style) = if hidden {
            (theme.dim, theme.dim, theme.hidden)
        } else if count == Some(0) {
            (theme.outlet, theme.silent, Style::new())
        } else {
            (theme.outlet, Style::new(), Style::new())
        };
        let mut spans = vec![
            Span::styled(if selected { "▌ " } else { "  " }, theme.accent),
            Span::styled(mark, mark_style),
            Span::raw(" "),
            Span::styled(number, theme.key),
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
                theme.dim,
            ));
        }
        Line::from(spans)
    }
}

/// The compare view as the chooser reads it, through its context.
#[derive(Clone, Copy)]
struct Seen<'a>(Option<&'a CompareView>);

impl Seen<'_> {
    /// Sentences on the topic per corpus article; None while comparing.
    fn coverage(&self) -> Option<&[usize]> {
        self.0?.coverage()
    }

    fn count(&self, article: usize) -> Option<usize> {
        Some(self.coverage()?.get(article).copied().unwrap_or(0))
    }

    fn is_hidden(&self, article: usize) -> bool {
        self.0.is_some_and(|view| view.is_hidden(article))
    }

    fn copy_of(&self, article: usize) -> Option<usize> {
        self.0?.copy_of(article)
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
    fn new(chooser: &SourceChooser, seen: Seen, text_width: usize) -> RowColumns {
        let number = chooser.entries.len().max(1).to_string().len();
        let widest = chooser
            .entries
            .iter()
            .map(|e| width(&e.label))
            .max()
            .unwrap_or(0);
        let count = match seen.coverage() {
            Some(coverage) => {
                let most = coverage.iter().max().copied().unwrap_or(0);
                let copy = if (0..coverage.len()).any(|a| seen.copy_of(a).is_some()) {
                    format!("copy of {}", chooser.entries.len()).len()
                } else {
                    0
                };
                format!("{most} sentences")
                    .len()
                    .max("silent".len())
                    .max(copy)
            }
            None => 0,
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
    fn handle_key(&mut self, input: Input, context: &mut LayerContext) -> EventState {
        let page = isize::try_from(self.page.max(1)).unwrap_or(isize::MAX);
        let queue = &mut *context.queue;
        match input.action {
            Some(Action::CloseLayer) => queue.push(Action::CloseLayer),
            Some(Action::Open) => {
                queue.push(Action::CloseLayer);
                if let Some(source) = self.highlighted() {
                    queue.push(Action::GoToSource { source });
                }
            }
            Some(Action::ToggleHighlighted) => {
                if let Some(source) = self.highlighted() {
                    queue.push(Action::ToggleSource { source });
                }
            }
            Some(Action::ShowOnlyHighlighted) => {
                if let Some(source) = self.highlighted() {
                    queue.push(Action::ShowOnlySource { source });
                }
            }
            Some(Action::ShowAllSources) => queue.push(Action::ShowAllSources),
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
            _ => return EventState::NotConsumed,
        }
        EventState::Consumed
    }

    fn text(&mut self) -> Option<&mut String> {
        Some(&mut self.query)
    }

    fn text_changed(&mut self, context: Context) {
        self.refilter(Seen(context.compare));
    }

    fn prepare(&mut self, area: Rect, context: Context) {
        let seen = Seen(context.compare);
        if !self.ordered_by_counts && seen.coverage().is_some() {
            self.refilter(seen);
        }
        let inner = usize::from(self.frame(area).height.saturating_sub(2));
        self.page = inner.saturating_sub(HEAD_LINES).max(1);
        self.selected = self.selected.min(self.matches.len().saturating_sub(1));
        self.offset = keep_in_view(self.selected, self.offset, self.page)
            .min(self.matches.len().saturating_sub(self.page));
    }

    fn busy(&self) -> bool {
        !self.ordered_by_counts
    }

    fn render(&self, area: Rect, buf: &mut Buffer, context: Context) {
        let area = area.intersection(buf.area);
        if area.width < 10 || area.height < 4 {
            return;
        }
        let theme = context.shared.theme();
        let seen = Seen(context.compare);
        let outer = self.frame(area);
        let position = match self.matches.len() {
            0 => String::new(),
            n => format!(" {}/{n} ", self.selected + 1),
        };
        let block = rounded(theme.border)
            .title(" Sources ")
            .title_bottom(Line::from(position).right_aligned());
        let inner = block.inner(outer);
        Clear.render(outer, buf);
        block.render(outer, buf);
        let text_width = usize::from(inner.width);
        let mut lines: Vec<Line> = vec![
            prompt_line("› ", theme.key, &self.query, theme.accent),
            Line::styled(
                truncate(&self.summary(seen), text_width).into_owned(),
                theme.dim,
            ),
        ];
        if self.matches.is_empty() {
            lines.push(Line::styled("no source matches", theme.dim));
        }
        let columns = RowColumns::new(self, seen, text_width);
        let room = usize::from(inner.height).saturating_sub(lines.len());
        for (position, &m) in self.matches.iter().enumerate().skip(self.offset).take(room) {
            let selected = position == self.selected;
            lines.push(self.row(&self.entries[m], selected, &columns, seen, theme));
        }
        Paragraph::new(lines).render(inner, buf);
    }

    fn modes(&self) -> &'static [Mode] {
        &[Mode::Sources]
    }
}
