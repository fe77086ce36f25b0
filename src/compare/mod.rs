//! Side-by-side comparison of one topic across sources: retrieval (see
//! [`crate::topics`]), alignment of sentences that report the same fact into
//! rows ([`align`]), and a word-level diff inside each row ([`diff`]).
//!
//! Pure engine code: the TUI, `compare --json` and `--markdown` all render the
//! [`Comparison`] built here.

pub mod align;
pub mod diff;
pub mod text;

use crate::model::Corpus;
use crate::topics::{CorpusIndex, Topic, retrieve};
use serde::Serialize;

/// How a word of a cell relates to the other cells of its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    /// Wording no other cell of the row shares.
    Differs,
    /// A number no other cell of the row gives.
    Number,
    /// An entity no other cell of the row names.
    Entity,
}

/// A differing word; byte offsets into the article body. Words without a
/// mark are shared wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub kind: MarkKind,
}

/// One source's sentences on one row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Index into `Corpus::articles`.
    pub article: usize,
    /// Indices into the article's sentences, in text order.
    pub sentences: Vec<usize>,
    /// Sorted, non-overlapping; empty for a row only this source carries.
    pub marks: Vec<Mark>,
}

/// Sentences from different sources that report the same fact or position.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// One cell per source that carries the row, in `Comparison::sources` order.
    pub cells: Vec<Cell>,
    /// How well the cells agree, 0..1 (mean similarity of their sentences
    /// across sources); 0 for a row one source has alone.
    pub score: f32,
    /// The best topic score of the row's sentences.
    pub relevance: f32,
}

impl Row {
    pub fn sources_count(&self) -> usize {
        self.cells.len()
    }

    pub fn cell(&self, article: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| c.article == article)
    }

    /// Whether some wording differs between the cells (or only one source has it).
    pub fn differs(&self) -> bool {
        self.cells.len() < 2 || self.cells.iter().any(|c| !c.marks.is_empty())
    }
}

/// A topic set side by side across sources.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub topic_id: String,
    pub topic_label: String,
    /// Article indices of the compared sources, in the order asked for.
    pub sources: Vec<usize>,
    /// Rows carried by the most sources first.
    pub rows: Vec<Row>,
}

impl Comparison {
    /// Retrieved sentences per source, in `sources` order.
    pub fn coverage(&self) -> Vec<usize> {
        self.sources
            .iter()
            .map(|source| {
                self.rows
                    .iter()
                    .filter_map(|row| row.cell(*source))
                    .map(|cell| cell.sentences.len())
                    .sum()
            })
            .collect()
    }
}

/// Compares `topic` across `sources` (article indices; duplicates and
/// unknown indices are ignored).
pub fn compare(
    corpus: &Corpus,
    index: &CorpusIndex,
    topic: &Topic,
    sources: &[usize],
) -> Comparison {
    let mut unique = Vec::new();
    for &source in sources {
        if source < corpus.articles.len() && !unique.contains(&source) {
            unique.push(source);
        }
    }
    let hits = retrieve(corpus, index, topic, &unique);
    let groups = align::align(corpus, index, topic, &hits);
    let rows = groups
        .into_iter()
        .map(|group| {
            let mut cells: Vec<Cell> = unique
                .iter()
                .filter_map(|&source| {
                    let mut sentences: Vec<usize> = group
                        .members
                        .iter()
                        .filter(|hit| hit.article == source)
                        .map(|hit| hit.sentence)
                        .collect();
                    sentences.sort_unstable();
                    (!sentences.is_empty()).then_some(Cell {
                        article: source,
                        sentences,
                        marks: Vec::new(),
                    })
                })
                .collect();
            diff::mark_differences(corpus, index, &mut cells);
            Row {
                cells,
                score: group.score,
                relevance: group.relevance,
            }
        })
        .collect();
    Comparison {
        topic_id: topic.id.clone(),
        topic_label: topic.label.clone(),
        sources: unique,
        rows,
    }
}

/// A piece of a cell's sentence for display: text and how it differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub mark: Option<MarkKind>,
}

impl Cell {
    /// Each sentence of the cell cut into shared and differing pieces; a run
    /// of differing words separated only by spaces is one piece.
    pub fn segments<'a>(&self, article: &'a crate::model::Article) -> Vec<Vec<Segment<'a>>> {
        self.sentences
            .iter()
            .filter_map(|&s| article.sentences.get(s))
            .map(|sentence| {
                let mut pieces: Vec<Segment<'a>> = Vec::new();
                let mut at = sentence.start;
                let marks = self
                    .marks
                    .iter()
                    .filter(|m| m.start >= sentence.start && m.end <= sentence.end);
                for mark in marks {
                    if mark.start < at {
                        continue;
                    }
                    let gap = article.text(at, mark.start);
                    let joins = pieces.last().is_some_and(|p| p.mark == Some(mark.kind))
                        && gap.chars().all(char::is_whitespace);
                    if joins {
                        if let Some(last) = pieces.last_mut() {
                            let start = at - last.text.len();
                            last.text = article.text(start, mark.end);
                        }
                    } else {
                        if !gap.is_empty() {
                            pieces.push(Segment {
                                text: gap,
                                mark: None,
                            });
                        }
                        pieces.push(Segment {
                            text: article.text(mark.start, mark.end),
                            mark: Some(mark.kind),
                        });
                    }
                    at = mark.end;
                }
                let rest = article.text(at, sentence.end);
                if !rest.is_empty() {
                    pieces.push(Segment {
                        text: rest,
                        mark: None,
                    });
                }
                pieces
            })
            .collect()
    }
}
