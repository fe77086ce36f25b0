//! The search overlay (`/`): a query line and the best matching sentences,
//! updated as the user types. Matching runs on a [`LatestWorker`], so the
//! screen keeps answering keys; partial results arrive best first. The
//! worker also builds the index at the first `/` (seconds on a big corpus):
//! the overlay says "indexing…" meanwhile and keeps what is typed.
//!
//! Closed, the overlay is kept by the app: `/` again shows the last query and
//! its results with the query selected, as a browser's find box does, so
//! typing starts a new search and `→`/`End` go on editing the old one.

use super::action::Action;
use super::keymap::Mode;
use super::layer::{Context, EventState, Input, Layer, LayerContext};
use super::text::{clean, truncate, width};
use super::theme::Theme;
use super::widgets::input::typed_char;
use super::widgets::rounded;
use super::widgets::scroll::keep_in_view;
use crate::model::Corpus;
use crate::search::{Hit, Matcher, NucleoMatcher, Prepared, Query, SearchIndex, Searcher, Update};
use crate::worker::{JobContext, LatestWorker};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// Rows per result: title and outlet, then the sentence.
const RESULT_ROWS: usize = 2;

pub struct SearchLayer {
    corpus: Arc<Corpus>,
    /// Filled by the worker; shared with the app so it is built once per corpus.
    shared_index: Arc<OnceLock<Arc<SearchIndex>>>,
    /// The index once taken from `shared_index` (at a poll, like results).
    index: Option<Arc<SearchIndex>>,
    matcher: Arc<dyn Matcher>,
    worker: Option<LatestWorker<String, Update>>,
    input: String,
    /// The input is shown selected (the overlay was reopened): a typed
    /// character replaces it, a delete clears it.
    input_selected: bool,
    /// The query the shown hits answer, and whether they are complete.
    shown: Update,
    selected: usize,
    offset: usize,
    /// Results that fit in the box at the last size seen.
    page: usize,
    /// Matched byte offsets of the visible results, for `shown.query`.
    positions: HashMap<u32, Vec<usize>>,
}

impl SearchLayer {
    /// A search over `corpus`, whose index `index` holds once built.
    pub fn new(corpus: Arc<Corpus>, index: Arc<OnceLock<Arc<SearchIndex>>>) -> SearchLayer {
        let matcher: Arc<dyn Matcher> = Arc::new(NucleoMatcher);
        let worker = {
            let corpus = Arc::clone(&corpus);
            let index = Arc::clone(&index);
            let matcher = Arc::clone(&matcher);
            let mut searcher: Option<Searcher> = None;
            LatestWorker::spawn(
                "crossread-search",
                move |query: String, context: &JobContext<Update>| {
                    let searcher = searcher.get_or_insert_with(|| {
                        let index = index.get_or_init(|| Arc::new(SearchIndex::build(&corpus)));
                        Searcher::new(Arc::clone(index), Arc::clone(&matcher))
                    });
                    searcher.run(&query, |update| context.emit(update));
                },
            )
            .ok()
        };
        // Read before the worker starts: the index it builds is taken by
        // `poll`, so the overlay shows "indexing…" until a frame does.
        let built = index.get().cloned();
        if let Some(worker) = &worker
            && built.is_none()
        {
            // Start indexing now; what is typed meanwhile replaces this query.
            worker.submit(String::new());
        }
        SearchLayer {
            corpus,
            index: built,
            shared_index: index,
            matcher,
            worker,
            input: String::new(),
            input_selected: false,
            shown: Update {
                query: String::new(),
                hits: Vec::new(),
                matched: 0,
                examined: 0,
                candidates: 0,
                complete: true,
            },
            selected: 0,
            offset: 0,
            page: 1,
            positions: HashMap::new(),
        }
    }

    /// True while the shown results do not yet answer the typed query.
    pub fn searching(&self) -> bool {
        self.shown.query != self.input || !self.shown.complete
    }

    /// True until the worker has built the index.
    pub fn indexing(&self) -> bool {
        self.index.is_none()
    }

    fn changed(&mut self) {
        match &self.worker {
            Some(worker) => {
                worker.submit(self.input.clone());
            }
            // No thread could be started: search on this one rather than not at all.
            None => {
                let index = self
                    .shared_index
                    .get_or_init(|| Arc::new(SearchIndex::build(&self.corpus)));
                self.index = Some(Arc::clone(index));
                let mut searcher = Searcher::new(Arc::clone(index), Arc::clone(&self.matcher));
                let mut last = None;
                searcher.run(&self.input, |update| {
                    last = Some(update);
                    true
                });
                if let Some(update) = last {
                    self.apply(update);
                }
            }
        }
    }

    fn apply(&mut self, update: Update) {
        if update.query != self.shown.query {
            self.selected = 0;
            self.offset = 0;
            self.positions.clear();
        }
        self.shown = update;
        self.selected = self.selected.min(self.shown.hits.len().saturating_sub(1));
    }

    fn selected_hit(&self) -> Option<Hit> {
        self.shown.hits.get(self.selected).copied()
    }

    fn status(&self) -> String {
        let Some(index) = &self.index else {
            return format!("indexing {} articles…", self.corpus.articles.len());
        };
        if self.input.trim().is_empty() {
            return format!("{} sentences", index.len());
        }
        if !self.shown.complete && self.shown.candidates > 0 {
            let percent = self.shown.examined * 100 / self.shown.candidates;
            return format!("{} found, {percent}% searched", self.shown.matched);
        }
        if self.searching() {
            return "searching…".to_string();
        }
        match self.shown.hits.len() {
            0 => "no match".to_string(),
            count => format!("{}/{count}", self.selected + 1),
        }
    }

    fn result_lines(
        &self,
        hit: Hit,
        selected: bool,
        columns: usize,
        theme: &Theme,
    ) -> [Line<'static>; 2] {
        let Some(view) = self.index.as_ref().and_then(|index| index.view(hit.entry)) else {
            return [Line::default(), Line::default()];
        };
        let marker = if selected { "▶ " } else { "  " };
        let head_style = if selected { theme.title } else { theme.accent };
        let outlet = view.article.source.as_deref().unwrap_or("unknown outlet");
        // The outlet always stays in view; the title gives way.
        let outlet = clean(outlet);
        let outlet = truncate(&outlet, columns / 3).into_owned();
        let room = columns.saturating_sub(2 + 3 + width(&outlet));
        let head = Line::from(vec![
            Span::raw(marker),
            Span::styled(
                truncate(&clean(&view.article.title), room).into_owned(),
                head_style,
            ),
            Span::styled(" — ", theme.dim),
            Span::styled(outlet, theme.outlet),
        ]);
        let positions = self
            .positions
            .get(&hit.entry)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let base = if selected { theme.strong } else { Style::new() };
        let mark = base.patch(theme.matched);
        [
            head,
            sentence_line(view.text, positions, columns.saturating_sub(2), base, mark),
        ]
    }
}

/// The sentence on one line, starting a little before its first match when
/// the match would be out of view, matched chars in `mark`.
fn sentence_line(
    text: &str,
    positions: &[usize],
    columns: usize,
    base: Style,
    mark: Style,
) -> Line<'static> {
    let mut chars: Vec<(usize, char)> = text.char_indices().collect();
    let first = positions.first().copied().unwrap_or(0);
    let before: usize = chars
        .iter()
        .take_while(|(at, _)| *at < first)
        .map(|(_, c)| unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0))
        .sum();
    let mut spans = vec![Span::raw("  ")];
    if before + 8 > columns && columns > 10 {
        let skip = chars.iter().position(|(at, _)| *at >= first).unwrap_or(0);
        let keep = columns / 4;
        chars.drain(..skip.saturating_sub(keep));
        spans.push(Span::styled("…", base));
    }
    let mut used = spans.len() - 1;
    let mut run = String::new();
    let mut run_marked = false;
    for (at, c) in chars {
        let shown = clean(&c.to_string()).into_owned();
        let w = width(&shown);
        if used + w > columns {
            break;
        }
        used += w;
        let marked = positions.binary_search(&at).is_ok();
        if marked != run_marked && !run.is_empty() {
            let style = if run_marked { mark } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = marked;
        run.push_str(&shown);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_marked { mark } else { base }));
    }
    Line::from(spans)
}

impl Layer for SearchLayer {
    fn handle_key(&mut self, input: Input, context: &mut LayerContext) -> EventState {
        let action = input.action;
        if self.input_selected {
            let replaces = match action {
                Some(Action::KeepQuery) => {
                    self.input_selected = false;
                    return EventState::Consumed;
                }
                Some(Action::DeleteChar | Action::DeleteWord | Action::ClearInput) => true,
                Some(_) => false,
                None => typed_char(input.key).is_some(),
            };
            if replaces {
                self.input_selected = false;
                self.input.clear();
                if action.is_some() {
                    self.changed();
                    return EventState::Consumed;
                }
            }
        }
        match action {
            Some(Action::CloseLayer) => {
                context.queue.push(Action::CloseLayer);
                return EventState::Consumed;
            }
            Some(Action::Open) => {
                if let Some(view) = self
                    .selected_hit()
                    .and_then(|hit| self.index.as_ref()?.view(hit.entry))
                {
                    context.queue.push(Action::OpenAt {
                        article: view.article_index,
                        start: view.start,
                        end: view.end,
                    });
                }
                return EventState::Consumed;
            }
            Some(Action::Down) => {
                self.selected = (self.selected + 1).min(self.shown.hits.len().saturating_sub(1))
            }
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::PageDown) => {
                self.selected =
                    (self.selected + self.page.max(1)).min(self.shown.hits.len().saturating_sub(1))
            }
            Some(Action::PageUp) => self.selected = self.selected.saturating_sub(self.page.max(1)),
            _ => return EventState::NotConsumed,
        }
        EventState::Consumed
    }

    fn text(&mut self) -> Option<&mut String> {
        Some(&mut self.input)
    }

    fn text_changed(&mut self, _context: Context) {
        self.changed();
    }

    fn poll(&mut self) {
        if self.index.is_none() {
            self.index = self.shared_index.get().cloned();
        }
        if let Some(worker) = &self.worker {
            for update in worker.drain() {
                self.apply(update);
            }
        }
    }

    fn prepare(&mut self, area: Rect, _context: Context) {
        // The box takes the whole area: a margin would only show slivers of
        // the panes beneath, which read as stray letters. Inside: two
        // borders, the query and the rule under it.
        let inner = area.height.saturating_sub(4);
        self.page = (usize::from(inner) / RESULT_ROWS).max(1);
        self.offset = keep_in_view(self.selected, self.offset, self.page);
        let visible: Vec<u32> = self
            .shown
            .hits
            .iter()
            .skip(self.offset)
            .take(self.page)
            .map(|hit| hit.entry)
            .filter(|entry| !self.positions.contains_key(entry))
            .collect();
        let Some(index) = self.index.clone() else {
            return;
        };
        if visible.is_empty() {
            return;
        }
        let query = Query::parse(&self.shown.query);
        let prepared = Prepared::new(&index, self.matcher.as_ref(), &query);
        for entry in visible {
            let positions = prepared.positions(&index, self.matcher.as_ref(), entry);
            self.positions.insert(entry, positions);
        }
    }

    fn busy(&self) -> bool {
        self.searching() || self.indexing()
    }

    fn render(&self, area: Rect, buf: &mut Buffer, context: Context) {
        let theme = context.shared.theme();
        let area = area.intersection(buf.area);
        let outer = area;
        if outer.width < 12 || outer.height < 4 {
            return;
        }
        let columns = usize::from(outer.width.saturating_sub(2));
        let status = self.status();
        let block = rounded(theme.border)
            .title(" Search ")
            .title_bottom(Line::from(format!(" {status} ")).right_aligned());
        let prompt_room = columns.saturating_sub(3);
        let input = clean(&self.input);
        // Show the end of a long query, where the user is typing.
        let mut shown_input: String = input.chars().rev().collect();
        shown_input = truncate(&shown_input, prompt_room).chars().rev().collect();
        let mut prompt = vec![Span::styled("/ ", theme.key)];
        if self.input_selected {
            // Selected like a reopened find box: what to type next says why.
            let keep = context
                .shared
                .keymap()
                .label(Mode::SearchKept, Action::KeepQuery);
            let note = format!("  type to replace · {keep} to edit");
            let used = 2 + width(&shown_input);
            prompt.push(Span::styled(shown_input, theme.selected_line));
            if used + width(&note) <= columns {
                prompt.push(Span::styled(note, theme.dim));
            }
        } else {
            prompt.push(Span::raw(shown_input));
            prompt.push(Span::styled("▏", theme.accent));
        }
        let mut lines = vec![
            Line::from(prompt),
            Line::styled("─".repeat(columns), theme.dim),
        ];
        if self.input.trim().is_empty() {
            let tip = "Type words to find (fuzzy, any order). 'exact ^start end$ !not a|b title: source: speaker: in:quotes";
            // Wrapped: on a narrow screen the filters at its end are the news.
            lines.extend(
                textwrap::wrap(tip, columns.saturating_sub(2).max(1))
                    .into_iter()
                    .map(|line| Line::styled(format!("  {line}"), theme.dim)),
            );
        }
        for (row, hit) in self
            .shown
            .hits
            .iter()
            .enumerate()
            .skip(self.offset)
            .take(self.page)
        {
            lines.extend(self.result_lines(*hit, row == self.selected, columns, theme));
        }
        Clear.render(outer, buf);
        Paragraph::new(lines).block(block).render(outer, buf);
    }

    fn modes(&self) -> &'static [Mode] {
        if self.input_selected {
            &[Mode::SearchKept, Mode::Search]
        } else {
            &[Mode::Search]
        }
    }

    fn resumable(&self) -> bool {
        true
    }

    fn resume(&mut self) {
        self.input_selected = !self.input.is_empty();
    }
}
