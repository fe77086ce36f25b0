//! Engine work the compare view and the topic picker run off the UI thread.
//! On a corpus of thousands of articles the corpus index, a comparison and
//! the per-topic coverage each take seconds; the screen must keep answering
//! keys meanwhile. The index and the coverage table are built once per corpus
//! (by whichever worker needs them first) and shared.

use crate::compare::{Comparison, compare, coverage};
use crate::facts::Facts;
use crate::model::Corpus;
use crate::topics::{CorpusIndex, TopicSet};
use crate::worker::{JobContext, LatestWorker};
use std::sync::{Arc, OnceLock};

/// Sentences on each topic per corpus article, `[topic][article]`.
pub type CoverageTable = Arc<Vec<Vec<usize>>>;

/// A finished comparison of one topic across every article of the corpus.
pub struct Computed {
    /// Index into the topic set.
    pub topic: usize,
    pub comparison: Comparison,
    /// Sentences on the topic per corpus article.
    pub coverage: Vec<usize>,
}

/// The corpus and topics, plus what is derived from them once.
pub struct TopicEngine {
    pub corpus: Arc<Corpus>,
    pub topics: TopicSet,
    index: OnceLock<CorpusIndex>,
    facts: OnceLock<Facts>,
    coverage: OnceLock<CoverageTable>,
}

impl TopicEngine {
    pub fn new(corpus: Arc<Corpus>, topics: TopicSet) -> Arc<TopicEngine> {
        Arc::new(TopicEngine {
            corpus,
            topics,
            index: OnceLock::new(),
            facts: OnceLock::new(),
            coverage: OnceLock::new(),
        })
    }

    /// Built on first use; a second caller waits for the first build.
    fn index(&self) -> &CorpusIndex {
        self.index.get_or_init(|| CorpusIndex::build(&self.corpus))
    }

    /// The corpus' facts, found on first use after the index.
    fn facts(&self) -> &Facts {
        self.facts
            .get_or_init(|| Facts::build(&self.corpus, self.index()))
    }

    fn all_articles(&self) -> Vec<usize> {
        (0..self.corpus.articles.len()).collect()
    }

    /// Compares `topic` across every article; hiding a source is a matter of
    /// display, so it never needs a new comparison.
    pub fn compare(&self, topic: usize) -> Option<Computed> {
        let spec = self.topics.topics.get(topic)?;
        let all = self.all_articles();
        let index = self.index();
        // Every retrieved sentence is in exactly one row, so the rows count
        // each source's sentences without a second retrieval.
        let comparison = compare(&self.corpus, index, self.facts(), spec, &all);
        Some(Computed {
            topic,
            coverage: comparison.coverage(),
            comparison,
        })
    }

    /// Sentences per topic per article, for the picker; computed once.
    pub fn coverage_table(&self) -> CoverageTable {
        let table = self.coverage.get_or_init(|| {
            let all = self.all_articles();
            let index = self.index();
            Arc::new(
                self.topics
                    .topics
                    .iter()
                    .map(|topic| coverage(&self.corpus, index, self.facts(), topic, &all))
                    .collect(),
            )
        });
        Arc::clone(table)
    }

    /// The coverage table if some worker already built it.
    pub fn coverage_ready(&self) -> Option<CoverageTable> {
        self.coverage.get().cloned()
    }

    /// A worker comparing the topic of each request (newest wins).
    pub fn compare_worker(engine: &Arc<TopicEngine>) -> Option<LatestWorker<usize, Computed>> {
        let engine = Arc::clone(engine);
        LatestWorker::spawn(
            "crossread-compare",
            move |topic: usize, context: &JobContext<Computed>| {
                engine.facts();
                // The index and facts may have taken long; the user may have
                // moved on.
                if context.is_stale() {
                    return;
                }
                if let Some(computed) = engine.compare(topic) {
                    context.emit(computed);
                }
            },
        )
        .ok()
    }

    /// A worker building the coverage table when asked.
    pub fn coverage_worker(engine: &Arc<TopicEngine>) -> Option<LatestWorker<(), CoverageTable>> {
        let engine = Arc::clone(engine);
        LatestWorker::spawn(
            "crossread-coverage",
            move |(), context: &JobContext<CoverageTable>| {
                context.emit(engine.coverage_table());
            },
        )
        .ok()
    }
}
