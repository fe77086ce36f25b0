//! Side-by-side comparison of one topic across sources: the facts that
//! touch the topic ([`crate::facts`], found once per corpus, retrieved
//! through [`crate::topics`]), one per row, with a word-level diff inside
//! each row ([`diff`]).
//!
//! Pure engine code: the TUI, `compare --json` and `--markdown` all render the
//! [`Comparison`] built here.

pub mod concepts;
pub mod diff;
pub mod text;

use crate::facts::{Facts, SentenceRef, single_id};
use crate::model::Corpus;
use crate::topics::{CorpusIndex, Topic, TopicOrigin, retrieve};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

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

/// One source's sentence on one row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Index into `Corpus::articles`.
    pub article: usize,
    /// Indices into the article's sentences, in text order (one: a fact
    /// holds one sentence per source).
    pub sentences: Vec<usize>,
    /// Sorted, non-overlapping; empty for a row only this source carries.
    pub marks: Vec<Mark>,
}

/// One fact: the sentences of the compared sources that report it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The fact's id, stable within the corpus and the same whatever topic
    /// shows the row.
    pub fact: String,
    /// One cell per source that carries the fact, in `Comparison::sources`
    /// order; the other compared sources are silent on it
    /// ([`Comparison::silent`]).
    pub cells: Vec<Cell>,
    /// How closely the fact's sentences agree, 0..1; 0 for a row one
    /// source has alone.
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
    /// Article indices of the compared sources, in the order asked for; a
    /// syndicated copy of another compared article is not a source of its
    /// own but listed in `copies`.
    pub sources: Vec<usize>,
    /// For each source, the compared articles that are copies of it (or of
    /// what it copies), parallel to `sources`.
    pub copies: Vec<Vec<usize>>,
    /// Facts carried by the most sources first.
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

    /// The compared sources that say nothing of `row`, in `sources` order.
    pub fn silent<'a>(&'a self, row: &'a Row) -> impl Iterator<Item = usize> + 'a {
        self.sources
            .iter()
            .copied()
            .filter(|&source| row.cell(source).is_none())
    }

    /// The sentences `(article, sentence)` that stand on more than one row
    /// (they report two facts), with those rows' indices.
    pub fn shared_sentences(&self) -> HashMap<(usize, usize), Vec<usize>> {
        let mut rows_of: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        for (at, row) in self.rows.iter().enumerate() {
            for cell in &row.cells {
                for &sentence in &cell.sentences {
                    rows_of
                        .entry((cell.article, sentence))
                        .or_default()
                        .push(at);
                }
            }
        }
        rows_of.retain(|_, rows| rows.len() > 1);
        rows_of
    }

    /// Rows two or more sources carry.
    pub fn shared_rows(&self) -> usize {
        self.rows.iter().filter(|row| row.cells.len() > 1).count()
    }
}

/// Compares `topic` across `sources` (article indices; duplicates and
/// unknown indices are ignored).
pub fn compare(
    corpus: &Corpus,
    index: &CorpusIndex,
    facts: &Facts,
    topic: &Topic,
    sources: &[usize],
) -> Comparison {
    let mut comparison = unmarked(corpus, index, facts, topic, sources);
    for row in &mut comparison.rows {
        if row.cells.len() > 1 {
            diff::mark_differences(corpus, index, &mut row.cells);
        }
    }
    comparison
}

/// The comparison without the word differences, which only a reader needs.
fn unmarked(
    corpus: &Corpus,
    index: &CorpusIndex,
    facts: &Facts,
    topic: &Topic,
    sources: &[usize],
) -> Comparison {
    let (sources, copies) = collapse_copies(corpus, facts, sources);
    // Which compared source stands for each original, and where each
    // compared source sits, so a fact's cells come from its members.
    let stands_for: HashMap<usize, usize> = sources
        .iter()
        .map(|&source| (facts.copies.original_of(source), source))
        .collect();
    let position: HashMap<usize, usize> =
        sources.iter().enumerate().map(|(at, &s)| (s, at)).collect();
    let cells_of = |fact: usize| -> Vec<Cell> {
        let mut cells: Vec<Cell> = facts.facts[fact]
            .members
            .iter()
            .filter_map(|member| {
                let &source = stands_for.get(&member.article)?;
                Some(Cell {
                    article: source,
                    sentences: vec![facts.sentence_in(fact, source)?],
                    marks: Vec::new(),
                })
            })
            .collect();
        cells.sort_by_key(|cell| position.get(&cell.article).copied().unwrap_or(usize::MAX));
        cells
    };
    // A found topic is its facts; retrieval only adds what one of the
    // sources that report them says alone on the subject, so forty found
    // topics over a large corpus are not forty full retrievals.
    let searched: Vec<usize> = if topic.origin == TopicOrigin::Found {
        let mut carrying: Vec<usize> = topic
            .facts
            .iter()
            .flat_map(|&fact| &facts.facts[fact].members)
            .filter_map(|member| stands_for.get(&member.article).copied())
            .collect();
        carrying.sort_by_key(|article| position.get(article).copied().unwrap_or(usize::MAX));
        carrying.dedup();
        carrying
    } else {
        sources.clone()
    };
    let hits = retrieve(corpus, index, topic, &searched);
    let mut relevance: HashMap<usize, f32> = HashMap::new();
    let mut singles: Vec<(SentenceRef, f32)> = Vec::new();
    for &fact in &topic.facts {
        relevance.entry(fact).or_insert(0.0);
    }
    for hit in &hits {
        let sentence = SentenceRef {
            article: hit.article,
            sentence: hit.sentence,
        };
        let reported = facts.facts_of(sentence);
        if reported.is_empty() {
            singles.push((sentence, hit.score));
        } else if topic.origin != TopicOrigin::Found {
            for &fact in reported {
                let best = relevance.entry(fact).or_insert(0.0);
                *best = best.max(hit.score);
            }
        }
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut taken: Vec<(usize, f32)> = relevance.into_iter().collect();
    taken.sort_unstable_by_key(|(fact, _)| *fact);
    for (fact, score) in taken {
        let cells = cells_of(fact);
        if cells.is_empty() {
            continue;
        }
        let agreement = if cells.len() > 1 {
            facts.facts[fact].agreement
        } else {
            0.0
        };
        rows.push(Row {
            fact: facts.facts[fact].id.clone(),
            cells,
            score: agreement,
            relevance: score,
        });
    }
    for (sentence, score) in singles {
        let cell = Cell {
            article: sentence.article,
            sentences: vec![sentence.sentence],
            marks: Vec::new(),
        };
        rows.push(Row {
            fact: single_id(corpus, sentence),
            cells: vec![cell],
            score: 0.0,
            relevance: score,
        });
    }
    // The earliest of a row's sentences by article id and offset breaks
    // ties, whatever order the sources were given in.
    let first_key = |row: &Row| {
        row.cells
            .iter()
            .map(|cell| {
                let article = &corpus.articles[cell.article];
                let start = article
                    .sentences
                    .get(cell.sentences[0])
                    .map_or(0, |s| s.start);
                (article.id.as_str(), start)
            })
            .min()
    };
    rows.sort_by(|a, b| {
        b.cells
            .len()
            .cmp(&a.cells.len())
            .then(b.relevance.total_cmp(&a.relevance))
            .then_with(|| first_key(a).cmp(&first_key(b)))
    });
    Comparison {
        topic_id: topic.id.clone(),
        topic_label: topic.label.clone(),
        sources,
        copies,
        rows,
    }
}

/// The sources to compare, each copy group once (its original when it is
/// compared, else its first compared copy), with the copies each stands for.
fn collapse_copies(
    corpus: &Corpus,
    facts: &Facts,
    sources: &[usize],
) -> (Vec<usize>, Vec<Vec<usize>>) {
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut first_seen: Vec<usize> = Vec::new();
    for &source in sources {
        if source >= corpus.articles.len() {
            continue;
        }
        let original = facts.copies.original_of(source);
        let group = groups.entry(original).or_default();
        if group.contains(&source) {
            continue;
        }
        if group.is_empty() {
            first_seen.push(original);
        }
        group.push(source);
    }
    first_seen
        .into_iter()
        .map(|original| {
            let mut group = groups.remove(&original).unwrap_or_default();
            let at = group.iter().position(|&a| a == original).unwrap_or(0);
            let representative = group.remove(at);
            (representative, group)
        })
        .unzip()
}

/// How many sentences each of `articles` has on the topic's rows, in
/// `articles` order; a syndicated copy counts what its source carries.
pub fn coverage(
    corpus: &Corpus,
    index: &CorpusIndex,
    facts: &Facts,
    topic: &Topic,
    articles: &[usize],
) -> Vec<usize> {
    let comparison = unmarked(corpus, index, facts, topic, articles);
    let per_source = comparison.coverage();
    let mut count: HashMap<usize, usize> = HashMap::new();
    for ((&source, copies), &n) in comparison
        .sources
        .iter()
        .zip(&comparison.copies)
        .zip(&per_source)
    {
        count.insert(source, n);
        for &copy in copies {
            count.insert(copy, n);
        }
    }
    articles
        .iter()
        .map(|a| count.get(a).copied().unwrap_or(0))
        .collect()
}

/// [`coverage`] of every topic, `[topic][article]`, the topics shared out
/// over the cores: each is a retrieval over the whole corpus.
pub fn coverage_of_all<T: std::ops::Deref<Target = Topic> + Sync>(
    corpus: &Corpus,
    index: &CorpusIndex,
    facts: &Facts,
    topics: &[T],
    articles: &[usize],
) -> Vec<Vec<usize>> {
    let topics: Vec<&T> = topics.iter().collect();
    crate::parallel::in_runs(topics, 1, |run| {
        run.into_iter()
            .map(|topic| coverage(corpus, index, facts, topic, articles))
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// Of `topics`, the one with the most rows two or more of `sources` carry
/// (the first on a tie), as a reader's comparison opens on it.
pub fn busiest_topic(
    corpus: &Corpus,
    index: &CorpusIndex,
    facts: &Facts,
    topics: &[Topic],
    sources: &[usize],
) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (at, topic) in topics.iter().enumerate() {
        let shared = unmarked(corpus, index, facts, topic, sources).shared_rows();
        if shared > 0 && best.is_none_or(|(_, most)| shared > most) {
            best = Some((at, shared));
        }
    }
    best.map(|(at, _)| at)
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
