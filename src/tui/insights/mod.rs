//! The insights view (`i`): what the engine ([`crate::insights`]) found
//! across the corpus' sources, in four sections (discrepancies, shifts,
//! silences, quotations), one or two lines a finding, filterable by kind;
//! Enter opens a finding's evidence in the reader.
//!
//! The insights are built once per corpus on a worker ([`InsightsJob`]),
//! on the facts the compare view also uses, and read by the reader (its
//! corroboration marks, [`marks`]) and this view through [`Found`].

pub mod marks;

use super::action::Action;
use super::compare::jobs::TopicEngine;
use super::keymap::Mode;
use super::layer::{Shared, View};
use super::text::{clean, truncate, truncate_line};
use super::widgets::{inner, titled};
use crate::facts::{Facts, SentenceRef};
use crate::insights::Insights;
use crate::model::Corpus;
use crate::worker::LatestWorker;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use std::sync::Arc;

/// The corpus' insights, and the engine whose facts they stand on.
pub struct Found {
    pub engine: Arc<TopicEngine>,
    pub insights: Arc<Insights>,
}

impl Found {
    /// Always known once the insights are (they are built on them).
    pub fn facts(&self) -> Option<&Facts> {
        self.engine.known_facts()
    }
}

/// Builds the insights of one corpus off the UI thread, once.
pub struct InsightsJob {
    engine: Arc<TopicEngine>,
    /// None when no thread could be started: the insights are then built
    /// inline.
    worker: Option<LatestWorker<(), Arc<Insights>>>,
    asked: bool,
    pub found: Option<Found>,
}

impl InsightsJob {
    pub fn new(engine: Arc<TopicEngine>) -> InsightsJob {
        InsightsJob {
            engine,
            worker: None,
            asked: false,
            found: None,
        }
    }

    /// Starts the build unless it was started before.
    pub fn start(&mut self) {
        if self.asked {
            return;
        }
        self.asked = true;
        self.worker = TopicEngine::insights_worker(&self.engine);
        match &self.worker {
            Some(worker) => {
                worker.submit(());
            }
            None => self.arrived(self.engine.insights()),
        }
    }

    fn arrived(&mut self, insights: Arc<Insights>) {
        self.found = Some(Found {
            engine: Arc::clone(&self.engine),
            insights,
        });
    }

    /// Takes the worker's result once it is there.
    pub fn poll(&mut self) {
        if self.found.is_some() {
            return;
        }
        let arrived = self.worker.as_ref().and_then(|worker| worker.drain().pop());
        if let Some(insights) = arrived {
            self.arrived(insights);
            self.worker = None;
        }
    }

    /// Asked for and not arrived yet.
    pub fn waiting(&self) -> bool {
        self.asked && self.found.is_none()
    }
}

/// What the filter key cycles through; "all" first.
pub const KINDS: [&str; 11] = [
    "all", "number", "date", "place", "actor", "negation", "speaker", "update", "shift", "silence",
    "quote",
];

const SECTIONS: [&str; 4] = ["Discrepancies", "Shifts", "Silences", "Quotations"];

/// One finding as the view lists it.
struct Item {
    section: usize,
    kind: &'static str,
    lines: Vec<Line<'static>>,
    /// Where its evidence is: article, byte range of the sentence.
    target: Option<(usize, usize, usize)>,
}

/// A source as findings name it: "Outlet [3]" (the key of its column in
/// the compare view).
fn source_name(corpus: &Corpus, article: usize) -> String {
    let name = corpus
        .articles
        .get(article)
        .map_or("", |a| a.source_or_id());
    format!("{} [{}]", clean(name), article + 1)
}

fn sentence_span(corpus: &Corpus, sentence: SentenceRef) -> Option<(usize, usize, usize)> {
    let span = corpus
        .articles
        .get(sentence.article)?
        .sentences
        .get(sentence.sentence)?;
    Some((sentence.article, span.start, span.end))
}

fn sentence_text(corpus: &Corpus, sentence: SentenceRef) -> String {
    sentence_span(corpus, sentence)
        .and_then(|(article, start, end)| corpus.articles[article].body.get(start..end))
        .map(|text| clean(text).into_owned())
        .unwrap_or_default()
}

/// A fact's heading: the first of its sentences that stands on this fact
/// alone, so two facts that share a sentence (one that reports both) are not
/// listed under the same words.
fn fact_text(corpus: &Corpus, facts: &Facts, fact: usize) -> (String, Option<SentenceRef>) {
    let members = facts.facts.get(fact).map_or(&[][..], |f| &f.members[..]);
    let first = members
        .iter()
        .find(|&&member| facts.facts_of(member).len() == 1)
        .or(members.first())
        .copied();
    (
        first.map(|s| sentence_text(corpus, s)).unwrap_or_default(),
        first,
    )
}

/// Every finding, in section order.
fn items(corpus: &Corpus, found: &Found, shared: Shared) -> Vec<Item> {
    let theme = shared.theme();
    let insights = &found.insights;
    let mut items = Vec::new();
    for d in &insights.discrepancies {
        let head = Line::from(vec![
            Span::styled("≠ ", theme.warning),
            Span::styled(d.kind.as_str(), theme.warning),
            Span::raw(format!("  {}", clean(&d.what))),
            Span::styled(format!("  {:.0}% sure", d.confidence * 100.0), theme.dim),
        ]);
        let sides: Vec<String> = d
            .sides
            .iter()
            .map(|side| {
                format!(
                    "{}: {}",
                    source_name(corpus, side.sentence.article),
                    clean(&side.value)
                )
            })
            .collect();
        items.push(Item {
            section: 0,
            kind: d.kind.as_str(),
            lines: vec![
                head,
                Line::styled(format!("  {}", sides.join(" · ")), theme.dim),
            ],
            target: d
                .sides
                .first()
                .and_then(|side| sentence_span(corpus, side.sentence)),
        });
    }
    let Some(facts) = found.facts() else {
        return items;
    };
    for shift in &insights.shifts {
        let (text, _) = fact_text(corpus, facts, shift.fact);
        let versions: Vec<String> = shift
            .versions
            .iter()
            .map(|(sentence, stance)| {
                let by = match stance {
                    crate::insights::Stance::Named(name) => format!(" ({})", clean(name)),
                    _ => String::new(),
                };
                format!(
                    "{}: {}{by}",
                    source_name(corpus, sentence.article),
                    stance.as_str()
                )
            })
            .collect();
        items.push(Item {
            section: 1,
            kind: "shift",
            lines: vec![
                Line::from(vec![Span::styled("shift  ", theme.hedged), Span::raw(text)]),
                Line::styled(format!("  {}", versions.join(" · ")), theme.dim),
            ],
            target: shift
                .versions
                .first()
                .and_then(|(sentence, _)| sentence_span(corpus, *sentence)),
        });
    }
    for silence in &insights.silences {
        let (text, first) = fact_text(corpus, facts, silence.fact);
        let silent: Vec<String> = silence
            .silent
            .iter()
            .map(|&a| source_name(corpus, a))
            .collect();
        items.push(Item {
            section: 2,
            kind: "silence",
            lines: vec![
                Line::from(vec![
                    Span::styled("silence  ", theme.silent),
                    Span::raw(text),
                ]),
                Line::styled(
                    format!(
                        "  carried by {} · silent: {}",
                        silence.carried_by.len(),
                        silent.join(", ")
                    ),
                    theme.dim,
                ),
            ],
            target: first.and_then(|s| sentence_span(corpus, s)),
        });
    }
    for group in &insights.quotes {
        let Some(first) = group.versions.first() else {
            continue;
        };
        let quoted = corpus
            .articles
            .get(first.sentence.article)
            .and_then(|a| a.body.get(first.start..first.end))
            .map(|text| clean(text).into_owned())
            .unwrap_or_default();
        let versions: Vec<String> = group
            .versions
            .iter()
            .map(|v| {
                let mut text = format!(
                    "{}: {}",
                    source_name(corpus, v.sentence.article),
                    v.class.as_str()
                );
                if let Some(speaker) = &v.speaker {
                    text.push_str(&format!(" ({})", clean(speaker)));
                }
                if !v.dropped.is_empty() {
                    text.push_str(&format!(" −{}", clean(&v.dropped.join(" "))));
                }
                if !v.added.is_empty() {
                    text.push_str(&format!(" +{}", clean(&v.added.join(" "))));
                }
                text
            })
            .collect();
        items.push(Item {
            section: 3,
            kind: "quote",
            lines: vec![
                Line::from(vec![
                    Span::styled("quote  ", theme.quote),
                    Span::styled(quoted, theme.quoted_text),
                ]),
                Line::styled(format!("  {}", versions.join(" · ")), theme.dim),
            ],
            target: sentence_span(corpus, first.sentence),
        });
    }
    items
}

#[derive(Default)]
pub struct InsightsView {
    /// Index into [`KINDS`].
    pub filter: usize,
    /// Selected position among the shown items.
    pub row: usize,
    /// First screen line of the list in view.
    scroll: usize,
    /// The findings the filter lets through.
    items: Vec<Item>,
    /// Whether `items` was built from arrived insights, and for which filter.
    built: Option<usize>,
    /// Lines the list has on screen (set by prepare).
    height: usize,
}

impl InsightsView {
    fn kind(&self) -> &'static str {
        KINDS.get(self.filter).copied().unwrap_or("all")
    }

    /// Per item, its first line in the list (section headings included).
    fn tops(&self) -> Vec<usize> {
        let mut tops = Vec::with_capacity(self.items.len());
        let mut line = 0;
        let mut section = None;
        for item in &self.items {
            if section != Some(item.section) {
                if section.is_some() {
                    line += 1;
                }
                line += 1;
                section = Some(item.section);
            }
            tops.push(line);
            line += item.lines.len();
        }
        tops
    }

    fn move_row(&mut self, delta: isize) {
        let last = self.items.len().saturating_sub(1);
        self.row = self.row.saturating_add_signed(delta).min(last);
    }

    /// The evidence of the selected finding.
    pub fn selected_target(&self) -> Option<(usize, usize, usize)> {
        self.items.get(self.row)?.target
    }
}

impl View for InsightsView {
    fn apply(&mut self, action: Action, _shared: Shared, queue: &mut Vec<Action>) -> bool {
        let page = isize::try_from(self.height.max(2) / 2).unwrap_or(1);
        match action {
            Action::Down => self.move_row(1),
            Action::Up => self.move_row(-1),
            Action::PageDown => self.move_row(page),
            Action::PageUp => self.move_row(-page),
            Action::HalfPageDown => self.move_row(page / 2),
            Action::HalfPageUp => self.move_row(-page / 2),
            Action::Top => self.move_row(isize::MIN),
            Action::Bottom => self.move_row(isize::MAX),
            Action::CycleInsightKind => {
                self.filter = (self.filter + 1) % KINDS.len();
                self.row = 0;
                self.scroll = 0;
                self.built = None;
            }
            Action::Open => {
                if let Some((article, start, end)) = self.selected_target() {
                    queue.push(Action::OpenAt {
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

    fn prepare(&mut self, area: Rect, shared: Shared) {
        // Title, filter line and the bottom border.
        self.height = usize::from(inner(area).height.saturating_sub(1));
        if let Some(found) = shared.insights
            && self.built != Some(self.filter)
        {
            let kind = self.kind();
            self.items = items(shared.corpus, found, shared)
                .into_iter()
                .filter(|item| kind == "all" || item.kind == kind)
                .collect();
            self.built = Some(self.filter);
            self.row = self.row.min(self.items.len().saturating_sub(1));
        }
        let tops = self.tops();
        if let Some(&top) = tops.get(self.row) {
            let bottom = top + self.items[self.row].lines.len();
            if top < self.scroll {
                // Show the section heading with its first item.
                self.scroll = if self.row == 0 { 0 } else { top };
            } else if bottom > self.scroll + self.height {
                self.scroll = bottom.saturating_sub(self.height);
            }
        }
    }

    fn busy(&self) -> bool {
        false
    }

    fn render(&self, area: Rect, buf: &mut Buffer, shared: Shared) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let theme = shared.theme();
        let position = if shared.insights.is_none() {
            " finding insights… ".to_string()
        } else if self.items.is_empty() {
            " nothing found ".to_string()
        } else {
            format!(" {}/{} ", self.row + 1, self.items.len())
        };
        let block = titled(" Insights ".to_string(), theme.border, theme.title)
            .title_bottom(Line::from(position).right_aligned());
        let text = block.inner(area);
        block.render(area, buf);
        if text.is_empty() {
            return;
        }
        let key = shared
            .keymap()
            .label(Mode::Insights, Action::CycleInsightKind);
        let mut filter = vec![Span::styled("kind: ", theme.dim)];
        filter.push(Span::styled(self.kind(), theme.accent));
        filter.push(Span::styled(format!("  ({key} next)"), theme.dim));
        if let Some(found) = shared.insights {
            filter.push(Span::styled(
                format!("   {} sources", found.insights.sources),
                theme.dim,
            ));
        }
        Line::from(filter).render(Rect { height: 1, ..text }, buf);
        let list = Rect {
            y: text.y + 1,
            height: text.height.saturating_sub(1),
            ..text
        };
        if shared.insights.is_some() && self.items.is_empty() {
            let says = if self.filter == 0 {
                "No discrepancies, shifts, silences or shared quotations across these sources."
            } else {
                "Nothing of this kind; press the kind key for the next."
            };
            let says = truncate(says, usize::from(list.width));
            buf.set_stringn(list.x, list.y, says, usize::from(list.width), theme.dim);
            return;
        }
        let mut lines: Vec<(Line<'static>, Style)> = Vec::new();
        let mut section = None;
        for (at, item) in self.items.iter().enumerate() {
            if section != Some(item.section) {
                if section.is_some() {
                    lines.push((Line::raw(""), Style::new()));
                }
                let count = self
                    .items
                    .iter()
                    .filter(|i| i.section == item.section)
                    .count();
                let heading = format!("{} ({count})", SECTIONS[item.section]);
                lines.push((Line::styled(heading, theme.heading), Style::new()));
                section = Some(item.section);
            }
            let style = if at == self.row {
                theme.selected_line
            } else {
                Style::new()
            };
            lines.extend(item.lines.iter().map(|line| (line.clone(), style)));
        }
        for (row, (line, style)) in (0u16..).zip(lines.into_iter().skip(self.scroll)) {
            if row >= list.height {
                break;
            }
            let rect = Rect {
                y: list.y + row,
                height: 1,
                ..list
            };
            buf.set_style(rect, style);
            truncate_line(&line, usize::from(rect.width)).render(rect, buf);
        }
    }

    fn modes(&self) -> Vec<Mode> {
        vec![Mode::Insights, Mode::Navigation]
    }
}
