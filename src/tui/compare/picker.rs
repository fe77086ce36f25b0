//! The topic picker: a layer listing the topics with how many sentences each
//! source has on them, narrowed by a fuzzy query as the user types. Whatever
//! is typed is also offered first as an ad-hoc topic ("compare “rate cut”").
//! The counts are computed on a worker ([`super::jobs`]); the list and the
//! query work before they arrive.

use super::jobs::{CoverageTable, TopicEngine};
use crate::model::Corpus;
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::layer::{Context, EventState, Input, Layer, LayerContext};
use crate::tui::text::{clean, truncate, width};
use crate::tui::theme::Theme;
use crate::tui::widgets::input::{fuzzy_filter, prompt_line};
use crate::tui::widgets::{centred, rounded};
use crate::worker::LatestWorker;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};
use std::sync::Arc;

/// Room for "12345 in 17000 sources" when per-source columns do not fit.
const SUMMARY_WIDTH: usize = 24;
/// The picker is at least this wide when the screen allows (it was once
/// its fixed width); it grows to show whole labels and source names.
const MIN_BOX_WIDTH: u16 = 90;
/// The source names widen the picker up to this; past it they wrap, since
/// on a wider box the eye loses the row between a label and its counts.
const MAX_EXPLAIN_WIDTH: usize = 120;
/// Lines the explanation of the count columns (the source names) may take.
const MAX_EXPLAIN_LINES: usize = 3;

/// How the columns of a picker `text_width` wide are shared.
struct Columns {
    /// One count column per source (else a summary per topic).
    per_source: bool,
    counts: usize,
    label: usize,
}

impl Columns {
    fn new(articles: usize, text_width: usize) -> Columns {
        // Four columns per source while they fit in half the width; past
        // that (a big corpus) each topic gets totals instead.
        let per_source = articles * 4 <= text_width / 2;
        let counts = if per_source {
            articles * 4
        } else {
            SUMMARY_WIDTH.min(text_width / 2)
        };
        Columns {
            per_source,
            counts,
            label: text_width.saturating_sub(counts + 3),
        }
    }
}

/// The pieces of "sentences per source: 1 name · 2 name …".
fn source_pieces(corpus: &Corpus) -> Vec<String> {
    let mut pieces = vec!["sentences per source:".to_string()];
    pieces.extend(
        corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| format!("{} {}", i + 1, clean(a.source_or_id()))),
    );
    pieces
}

/// The line naming every source, broken between sources to fit
/// `text_width`, at most [`MAX_EXPLAIN_LINES`] (the last cut with "…" when
/// more would follow). The source numbers go at the end of the last line,
/// over their count columns, so it ends within `label_width + 2`; when it
/// would not, an empty line is added for them.
fn source_lines(corpus: &Corpus, text_width: usize, label_width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for (index, piece) in source_pieces(corpus).into_iter().enumerate() {
        let separator = if index <= 1 { " " } else { " · " };
        if current.is_empty() {
            current = piece;
        } else if width(&current) + width(separator) + width(&piece) <= text_width {
            current = format!("{current}{separator}{piece}");
        } else {
            lines.push(std::mem::take(&mut current));
            current = format!("{}{piece}", separator.trim_start());
        }
    }
    lines.push(current);
    if lines.len() > MAX_EXPLAIN_LINES {
        lines.truncate(MAX_EXPLAIN_LINES);
        if let Some(last) = lines.last_mut() {
            let kept = truncate(last, text_width.saturating_sub(1));
            *last = format!("{}…", kept.trim_end_matches('…').trim_end());
        }
    }
    let mut lines: Vec<String> = lines
        .iter()
        .map(|line| truncate(line, text_width).into_owned())
        .collect();
    if lines
        .last()
        .is_some_and(|last| width(last) > label_width + 2)
    {
        lines.push(String::new());
    }
    lines
}

struct TopicEntry {
    /// Index into the compare view's topic set.
    topic: usize,
    id: String,
    label: String,
}

pub struct TopicPicker {
    engine: Arc<TopicEngine>,
    entries: Vec<TopicEntry>,
    /// Sentences per topic per article; None until the worker has them.
    counts: Option<CoverageTable>,
    /// Builds `counts` when the engine does not have them yet.
    worker: Option<LatestWorker<(), CoverageTable>>,
    query: String,
    /// Indices into `entries` matching the query, best first.
    matches: Vec<usize>,
    /// Position in the list: the typed phrase's entry (when there is a
    /// query) first, then `matches`.
    selected: usize,
}

impl TopicPicker {
    /// The topics of `engine`, `current` (an index into them) selected.
    pub fn new(engine: &Arc<TopicEngine>, current: usize) -> TopicPicker {
        let entries = engine
            .topics()
            .iter()
            .enumerate()
            .map(|(topic, spec)| TopicEntry {
                topic,
                id: spec.id.clone(),
                label: spec.label.clone(),
            })
            .collect();
        let mut counts = engine.coverage_ready();
        let worker = match counts {
            Some(_) => None,
            None => {
                let worker = TopicEngine::coverage_worker(engine);
                match &worker {
                    Some(worker) => {
                        worker.submit(());
                    }
                    // No thread could be started: count on this one.
                    None => counts = Some(engine.coverage_table()),
                }
                worker
            }
        };
        let mut picker = TopicPicker {
            engine: Arc::clone(engine),
            entries,
            counts,
            worker,
            query: String::new(),
            matches: Vec::new(),
            selected: 0,
        };
        picker.refilter();
        picker.selected = picker
            .matches
            .iter()
            .position(|&m| picker.entries[m].topic == current)
            .unwrap_or(0);
        picker
    }

    /// The typed phrase, when there is one to compare.
    fn phrase(&self) -> Option<&str> {
        let phrase = self.query.trim();
        (!phrase.is_empty()).then_some(phrase)
    }

    /// Entries before `matches` in the list: the typed phrase's.
    fn lead(&self) -> usize {
        usize::from(self.phrase().is_some())
    }

    /// The line offering the typed phrase as an ad-hoc topic.
    fn phrase_row(
        &self,
        phrase: &str,
        selected: bool,
        width: usize,
        theme: &Theme,
    ) -> Line<'static> {
        let text = truncate(
            &format!("compare “{}”", clean(phrase)),
            width.saturating_sub(2),
        )
        .into_owned();
        let style = if selected {
            theme.selected
        } else {
            ratatui::style::Style::new()
        };
        let used = 2 + crate::tui::text::width(&text);
        let hint = "  any words as a topic";
        let mut spans = vec![
            Span::styled(if selected { "▌ " } else { "  " }, theme.accent),
            Span::styled(text, style),
        ];
        if used + hint.len() <= width {
            spans.push(Span::styled(hint, theme.dim));
        }
        Line::from(spans)
    }

    fn refilter(&mut self) {
        // Equal scores keep the configured topic order.
        self.matches = fuzzy_filter(
            &self.query,
            self.entries
                .iter()
                .enumerate()
                .map(|(i, entry)| (i, format!("{} {}", entry.label, entry.id))),
        );
        self.selected = 0;
    }

    /// The box: as wide as labels and the source names want, at least
    /// [`MIN_BOX_WIDTH`], within the screen; tall enough for every topic.
    fn frame(&self, corpus: &Corpus, area: Rect) -> Rect {
        let room = area.width.saturating_sub(2);
        let articles = corpus.articles.len();
        let widest_label = self
            .entries
            .iter()
            .map(|entry| width(&entry_label(entry)))
            .max()
            .unwrap_or(0);
        let full = usize::from(room.saturating_sub(2));
        let columns = Columns::new(articles, full);
        let explain = if columns.per_source {
            width(&source_pieces(corpus).join(" · "))
        } else {
            0
        };
        // A row is marker, label, space, counts; the explanation stands
        // over the label column.
        let rows = 2 + widest_label + 1 + columns.counts + 2;
        let wanted = rows.max((explain + 1 + columns.counts + 2).min(MAX_EXPLAIN_WIDTH));
        let w = u16::try_from(wanted)
            .unwrap_or(u16::MAX)
            .clamp(MIN_BOX_WIDTH.min(room), room);
        let explain_lines = if columns.per_source {
            let text_width = usize::from(w.saturating_sub(2));
            let label = Columns::new(articles, text_width).label;
            source_lines(corpus, text_width, label).len()
        } else {
            1
        };
        let wanted = u16::try_from(self.entries.len() + 5 + explain_lines).unwrap_or(u16::MAX);
        centred(area, w, wanted, (0, 5))
    }

    /// The lines under the query that say what the count columns are.
    fn explain(
        &self,
        corpus: &Corpus,
        columns: &Columns,
        text_width: usize,
        theme: &Theme,
    ) -> Vec<Line<'static>> {
        let articles = corpus.articles.len();
        if self.counts.is_none() {
            return vec![Line::styled("counting sentences per source…", theme.dim)];
        }
        if !columns.per_source {
            let explain =
                format!("sentences on the topic, and how many of the {articles} sources have any");
            return vec![Line::styled(
                truncate(&explain, text_width).into_owned(),
                theme.dim,
            )];
        }
        // Every source named, wrapped if need be; the source numbers
        // stand over their count columns on the last line.
        let mut explain = source_lines(corpus, text_width, columns.label);
        let last = explain.pop().unwrap_or_default();
        let mut lines: Vec<Line<'static>> = explain
            .into_iter()
            .map(|line| Line::styled(line, theme.dim))
            .collect();
        let pad = " ".repeat((columns.label + 3).saturating_sub(width(&last)));
        let mut spans = vec![Span::styled(format!("{last}{pad}"), theme.dim)];
        spans.extend((1..=articles).map(|n| Span::styled(format!("{n:>4}"), theme.key)));
        lines.push(Line::from(spans));
        lines
    }

    /// One topic's row: its label, then its counts per source or in total.
    fn row(
        &self,
        entry: &TopicEntry,
        selected: bool,
        columns: &Columns,
        theme: &Theme,
    ) -> Line<'static> {
        let label = entry_label(entry);
        let label = truncate(&label, columns.label);
        let pad = " ".repeat(columns.label.saturating_sub(width(&label)));
        let style = if selected {
            theme.selected
        } else {
            ratatui::style::Style::new()
        };
        let mut spans = vec![
            Span::styled(if selected { "▌ " } else { "  " }, theme.accent),
            Span::styled(format!("{label}{pad}"), style),
            Span::raw(" "),
        ];
        let counts = self
            .counts
            .as_ref()
            .and_then(|table| table.get(entry.topic));
        match counts {
            Some(counts) if columns.per_source => {
                spans.extend(counts.iter().map(|&count| {
                    if count == 0 {
                        Span::styled("   ·", theme.dim)
                    } else {
                        Span::styled(format!("{count:>4}"), theme.count)
                    }
                }));
            }
            Some(counts) => {
                let sentences: usize = counts.iter().sum();
                let sources = counts.iter().filter(|&&count| count > 0).count();
                let text = format!("{sentences} in {sources} sources");
                let text = truncate(&text, columns.counts);
                let counts_width = columns.counts;
                spans.push(Span::styled(format!("{text:>counts_width$}"), theme.count));
            }
            None => {}
        }
        Line::from(spans)
    }
}

/// "Label (id)", as the picker lists a topic.
fn entry_label(entry: &TopicEntry) -> String {
    format!("{} ({})", clean(&entry.label), clean(&entry.id))
}

impl Layer for TopicPicker {
    fn handle_key(&mut self, input: Input, context: &mut LayerContext) -> EventState {
        match input.action {
            Some(Action::CloseLayer) => context.queue.push(Action::CloseLayer),
            Some(Action::Open) => {
                let lead = self.lead();
                let topic = match self.phrase() {
                    Some(phrase) if self.selected == 0 => Some(self.engine.add_query(phrase)),
                    _ => self
                        .selected
                        .checked_sub(lead)
                        .and_then(|at| self.matches.get(at))
                        .map(|&m| self.entries[m].topic),
                };
                if let Some(topic) = topic {
                    context.queue.push(Action::CloseLayer);
                    context.queue.push(Action::SetTopic { topic });
                }
            }
            Some(Action::Down) => {
                let last = (self.matches.len() + self.lead()).saturating_sub(1);
                self.selected = (self.selected + 1).min(last)
            }
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            _ => return EventState::NotConsumed,
        }
        EventState::Consumed
    }

    fn text(&mut self) -> Option<&mut String> {
        Some(&mut self.query)
    }

    fn text_changed(&mut self, _context: Context) {
        self.refilter();
    }

    fn poll(&mut self) {
        if let Some(worker) = &self.worker
            && let Some(counts) = worker.drain().pop()
        {
            self.counts = Some(counts);
            self.worker = None;
        }
    }

    fn busy(&self) -> bool {
        self.counts.is_none()
    }

    fn render(&self, area: Rect, buf: &mut Buffer, context: Context) {
        let area = area.intersection(buf.area);
        if area.width < 10 || area.height < 4 {
            return;
        }
        let corpus = context.shared.corpus;
        let theme = context.shared.theme();
        let outer = self.frame(corpus, area);
        let block = rounded(theme.border).title(" Topic ");
        let inner = block.inner(outer);
        Clear.render(outer, buf);
        block.render(outer, buf);
        let text_width = usize::from(inner.width);
        let columns = Columns::new(corpus.articles.len(), text_width);
        let mut lines = vec![prompt_line("› ", theme.key, &self.query, theme.accent)];
        lines.extend(self.explain(corpus, &columns, text_width, theme));
        if let Some(phrase) = self.phrase() {
            lines.push(self.phrase_row(phrase, self.selected == 0, text_width, theme));
        }
        if self.matches.is_empty() {
            lines.push(Line::styled("no listed topic matches", theme.dim));
        }
        let lead = self.lead();
        let room = usize::from(inner.height).saturating_sub(lines.len());
        let selected = self.selected.checked_sub(lead);
        let skip = selected.map_or(0, |s| (s + 1).saturating_sub(room));
        for (position, &m) in self.matches.iter().enumerate().skip(skip).take(room) {
            let is_selected = selected == Some(position);
            lines.push(self.row(&self.entries[m], is_selected, &columns, theme));
        }
        Paragraph::new(lines).render(inner, buf);
    }

    fn modes(&self) -> &'static [Mode] {
        &[Mode::Picker]
    }
}
