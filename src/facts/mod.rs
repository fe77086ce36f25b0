//! Facts: the sentences of different sources that report the same event,
//! statement, figure or quote, found once per corpus and independent of any
//! topic. A topic's comparison is the facts that touch it, so a fact stands
//! on the same row whatever topic shows it, and insights are built on them.
//!
//! A fact holds at most one sentence per source and every pair of its
//! sentences matches on positive evidence ([`cluster`]); a sentence that
//! matches nothing is a fact of its own source. Syndicated copies count as
//! one source ([`copies`]). Everything is ordered by the articles' ids and
//! offsets, never by the order they were loaded in, so shuffling the
//! sources changes no fact.

pub mod background;
mod cluster;
pub mod copies;
mod features;
pub mod found;
mod synonyms;

pub use cluster::Evidence;
pub use copies::Copies;

use crate::model::Corpus;
use crate::topics::CorpusIndex;
use features::{FeatureTable, Node};
use serde::Serialize;
use std::collections::HashMap;

/// One sentence of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SentenceRef {
    /// Index into `Corpus::articles`.
    pub article: usize,
    /// Index into the article's sentences.
    pub sentence: usize,
}

/// Sentences of different sources that report the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// Stable within a corpus: made from its sentences' article ids and
    /// offsets.
    pub id: String,
    /// One sentence per source (originals, not copies), in article id order.
    pub members: Vec<SentenceRef>,
    /// How closely its sentences agree: the mean cosine of their weighted
    /// features over every pair, 0..1.
    pub agreement: f32,
}

/// The facts of a corpus.
pub struct Facts {
    /// Facts of two or more sources, carried by the most sources first.
    pub facts: Vec<Fact>,
    pub copies: Copies,
    /// The facts each sentence reports (most sources first).
    of_sentence: HashMap<SentenceRef, Vec<usize>>,
    pub(crate) table: FeatureTable,
    /// The node of every sentence that takes part.
    pub(crate) node_of: HashMap<SentenceRef, usize>,
}

impl Facts {
    pub fn build(corpus: &Corpus, index: &CorpusIndex) -> Facts {
        let mut order: Vec<usize> = (0..corpus.articles.len()).collect();
        order.sort_by(|&a, &b| {
            corpus.articles[a]
                .id
                .cmp(&corpus.articles[b].id)
                .then(a.cmp(&b))
        });
        let copies = Copies::find(corpus, index, &order);
        let mut nodes = Vec::new();
        let mut source = Vec::new();
        for (rank, &article) in order.iter().enumerate() {
            if copies.is_copy(article) {
                continue;
            }
            let (Some(a), Some(sentences)) =
                (corpus.articles.get(article), index.sentences.get(article))
            else {
                continue;
            };
            for (sentence, tokens) in sentences.iter().enumerate() {
                if features::takes_part(a, sentence, &tokens.tokens) {
                    nodes.push(Node { article, sentence });
                    source.push(rank as u32);
                }
            }
        }
        // Each article's lead: the first sentence of its first paragraph,
        // where an outlet reports the story's main event in its own words.
        let mut leads: Vec<u32> = Vec::new();
        for (at, node) in nodes.iter().enumerate() {
            let article = &corpus.articles[node.article];
            let in_paragraph = article
                .blocks
                .get(article.sentences[node.sentence].block)
                .is_some_and(|block| block.kind == crate::model::BlockKind::Paragraph);
            let first_of_article = leads
                .last()
                .is_none_or(|&lead| nodes[lead as usize].article != node.article);
            if in_paragraph && first_of_article {
                leads.push(at as u32);
            }
        }
        let table = features::table(corpus, index, nodes);
        let pairs = cluster::matching_pairs(&table, &source, &leads);
        let clusters = cluster::cliques(table.nodes.len(), &source, &pairs);
        let mut facts: Vec<Fact> = clusters
            .into_iter()
            .map(|members| {
                let agreement = mean_cosine(&table, &members);
                let members: Vec<SentenceRef> = members
                    .into_iter()
                    .map(|node| {
                        let node = table.nodes[node as usize];
                        SentenceRef {
                            article: node.article,
                            sentence: node.sentence,
                        }
                    })
                    .collect();
                Fact {
                    id: fact_id(corpus, &members),
                    members,
                    agreement,
                }
            })
            .collect();
        facts.sort_by(|a, b| {
            b.members
                .len()
                .cmp(&a.members.len())
                .then_with(|| key(corpus, a.members[0]).cmp(&key(corpus, b.members[0])))
        });
        let mut of_sentence: HashMap<SentenceRef, Vec<usize>> = HashMap::new();
        for (at, fact) in facts.iter().enumerate() {
            for member in &fact.members {
                of_sentence.entry(*member).or_default().push(at);
            }
        }
        let node_of = table
            .nodes
            .iter()
            .enumerate()
            .map(|(at, node)| {
                let sentence = SentenceRef {
                    article: node.article,
                    sentence: node.sentence,
                };
                (sentence, at)
            })
            .collect();
        Facts {
            facts,
            copies,
            of_sentence,
            table,
            node_of,
        }
    }

    /// What two sentences share, and whether it is enough to report the
    /// same thing; None for a sentence that takes no part in facts.
    pub fn evidence(&self, a: SentenceRef, b: SentenceRef) -> Option<(Evidence, bool)> {
        let (&x, &y) = (self.node_of.get(&a)?, self.node_of.get(&b)?);
        let evidence = cluster::evidence(&self.table, x, y);
        let matches = cluster::matches(&self.table, x, y).is_some();
        Some((evidence, matches))
    }

    /// Whether the articles of two sentences share a mark of their story
    /// (a rare name both give): without one, two sentences are about
    /// different stories however alike their words. False for a sentence
    /// that takes no part in facts.
    pub fn same_story(&self, a: SentenceRef, b: SentenceRef) -> bool {
        match (self.node_of.get(&a), self.node_of.get(&b)) {
            (Some(&x), Some(&y)) => cluster::same_story(&self.table, x, y),
            _ => false,
        }
    }

    /// The facts of two or more sources `sentence` reports (a sentence
    /// may report more than one), most widely carried first; a copy's
    /// sentence reports its original's.
    pub fn facts_of(&self, sentence: SentenceRef) -> &[usize] {
        let original = self.copies.original_of(sentence.article);
        let sentence = if original == sentence.article {
            Some(sentence)
        } else {
            self.copies
                .mirrored(sentence.article, sentence.sentence)
                .map(|mirrored| SentenceRef {
                    article: original,
                    sentence: mirrored,
                })
        };
        sentence
            .and_then(|s| self.of_sentence.get(&s))
            .map_or(&[], |facts| &facts[..])
    }

    /// The sentence of `article` (an original or a copy) on `fact`.
    pub fn sentence_in(&self, fact: usize, article: usize) -> Option<usize> {
        let original = self.copies.original_of(article);
        let member = self
            .facts
            .get(fact)?
            .members
            .iter()
            .find(|m| m.article == original)?;
        if original == article {
            Some(member.sentence)
        } else {
            self.copies.mirror_in(article, member.sentence)
        }
    }

    /// How many sources carry each fact, as the front ends show it.
    pub fn sources(&self, fact: usize) -> usize {
        self.facts.get(fact).map_or(0, |f| f.members.len())
    }
}

fn mean_cosine(table: &FeatureTable, members: &[u32]) -> f32 {
    let mut sum = 0.0;
    let mut pairs = 0;
    for (at, &a) in members.iter().enumerate() {
        for &b in &members[at + 1..] {
            sum += cluster::evidence(table, a as usize, b as usize).cosine;
            pairs += 1;
        }
    }
    if pairs == 0 {
        0.0
    } else {
        (sum / pairs as f32).clamp(0.0, 1.0)
    }
}

/// The id of the row a sentence of one source stands on alone.
pub fn single_id(corpus: &Corpus, sentence: SentenceRef) -> String {
    fact_id(corpus, &[sentence])
}

fn key(corpus: &Corpus, sentence: SentenceRef) -> (&str, usize) {
    let article = &corpus.articles[sentence.article];
    let start = article
        .sentences
        .get(sentence.sentence)
        .map_or(0, |s| s.start);
    (article.id.as_str(), start)
}

fn fact_id(corpus: &Corpus, members: &[SentenceRef]) -> String {
    let mut keys: Vec<(&str, usize)> = members.iter().map(|m| key(corpus, *m)).collect();
    keys.sort_unstable();
    let mut hasher = blake3::Hasher::new();
    for (id, start) in keys {
        hasher.update(id.as_bytes());
        hasher.update(&[0]);
        hasher.update(&(start as u64).to_le_bytes());
    }
    let hex = hasher.finalize().to_hex();
    format!("f{}", &hex[..10])
}

#[cfg(test)]
mod tests;
