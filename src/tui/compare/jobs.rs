//! Engine work the compare view and the topic picker run off the UI thread.
//! On a corpus of thousands of articles the corpus index, the facts, a
//! comparison and the per-topic coverage each take seconds; the screen must
//! keep answering keys meanwhile. The index, the facts (with the topics
//! found from them), the insights and the coverage table are built once
//! per corpus (by whichever worker needs them first) and shared.

use crate::compare::text::Normalizer;
use crate::compare::{Comparison, busiest_topic, compare, coverage_of_all};
use crate::facts::{Facts, found};
use crate::insights::Insights;
use crate::model::Corpus;
use crate::topics::{CorpusIndex, Topic, TopicSet};
use crate::worker::{JobContext, LatestWorker};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// Sentences on each topic per corpus article, `[topic][article]`, for the
/// topics known when it was built.
pub type CoverageTable = Arc<Vec<Vec<usize>>>;

/// What the compare view asks its worker for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// This topic (an index into the engine's topics).
    Topic(usize),
    /// The topic with the most rows two or more sources carry, as the view
    /// opens on.
    Busiest,
}

/// A finished comparison of one topic across every article of the corpus.
pub struct Computed {
    /// What was asked for.
    pub want: Want,
    /// Index into the engine's topics.
    pub topic: usize,
    pub comparison: Comparison,
    /// Sentences on the topic per corpus article; a syndicated copy shows
    /// under the source it copies, so it counts none of its own.
    pub coverage: Vec<usize>,
    /// The sentences (article, sentence) that stand on more than one row,
    /// with those rows (indices into the comparison's rows).
    pub sentence_rows: std::collections::HashMap<(usize, usize), Vec<usize>>,
    /// The rows whose fact has a discrepancy, by fact id.
    pub flags: std::collections::HashMap<String, Flag>,
}

/// What a row's sources disagree on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flag {
    /// The discrepancies' kinds ("number", "date"), each once.
    pub kinds: Vec<&'static str>,
    /// Where each side gives its value: (article, start, end) in the body.
    pub spans: Vec<(usize, usize, usize)>,
}

/// Every fact with a discrepancy, by id.
fn flags_of(insights: &Insights, facts: &Facts) -> std::collections::HashMap<String, Flag> {
    let mut flags: std::collections::HashMap<String, Flag> = std::collections::HashMap::new();
    for discrepancy in &insights.discrepancies {
        let Some(fact) = discrepancy.fact.and_then(|f| facts.facts.get(f)) else {
            continue;
        };
        let flag = flags.entry(fact.id.clone()).or_default();
        let kind = discrepancy.kind.as_str();
        if !flag.kinds.contains(&kind) {
            flag.kinds.push(kind);
        }
        flag.spans.extend(
            discrepancy
                .sides
                .iter()
                .map(|side| (side.sentence.article, side.start, side.end)),
        );
    }
    flags
}

/// The corpus and topics, plus what is derived from them once.
pub struct TopicEngine {
    pub corpus: Arc<Corpus>,
    /// Built-in and config topics, then the found ones once the facts are
    /// known, then phrases the user typed; only ever appended to, so an
    /// index stays the same topic.
    topics: Mutex<Vec<Arc<Topic>>>,
    index: OnceLock<CorpusIndex>,
    facts: OnceLock<Facts>,
    found: OnceLock<()>,
    insights: OnceLock<Arc<Insights>>,
    coverage: OnceLock<CoverageTable>,
}

impl TopicEngine {
    pub fn new(corpus: Arc<Corpus>, topics: TopicSet) -> Arc<TopicEngine> {
        Arc::new(TopicEngine {
            corpus,
            topics: Mutex::new(topics.topics.into_iter().map(Arc::new).collect()),
            index: OnceLock::new(),
            facts: OnceLock::new(),
            found: OnceLock::new(),
            insights: OnceLock::new(),
            coverage: OnceLock::new(),
        })
    }

    /// Every topic known so far, in index order.
    pub fn topics(&self) -> Vec<Arc<Topic>> {
        self.topics
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub fn topic(&self, topic: usize) -> Option<Arc<Topic>> {
        self.topics
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(topic)
            .cloned()
    }

    /// The index of an ad-hoc topic for `phrase` (the same index when the
    /// phrase was compared before).
    pub fn add_query(&self, phrase: &str) -> usize {
        let topic = Topic::from_query(phrase, &Normalizer::default());
        let mut topics = self.topics.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(at) = topics
            .iter()
            .position(|t| t.origin == topic.origin && t.id == topic.id)
        {
            return at;
        }
        topics.push(Arc::new(topic));
        topics.len() - 1
    }

    /// Built on first use; a second caller waits for the first build.
    fn index(&self) -> &CorpusIndex {
        self.index.get_or_init(|| CorpusIndex::build(&self.corpus))
    }

    /// The corpus' facts, found on first use after the index; the topics
    /// found from them join the topic list then.
    fn facts(&self) -> &Facts {
        let facts = self
            .facts
            .get_or_init(|| Facts::build(&self.corpus, self.index()));
        self.found.get_or_init(|| {
            let found = found::topics(&self.corpus, self.index(), facts);
            self.topics
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .extend(found.into_iter().map(Arc::new));
        });
        facts
    }

    /// The facts, if some worker already found them.
    pub fn known_facts(&self) -> Option<&Facts> {
        self.facts.get()
    }

    /// The corpus' insights, built on first use on the facts (never a
    /// second set of facts).
    pub fn insights(&self) -> Arc<Insights> {
        let facts = self.facts();
        let insights = self
            .insights
            .get_or_init(|| Arc::new(Insights::build(&self.corpus, facts)));
        Arc::clone(insights)
    }

    /// Whether the facts (and the found topics) are known yet.
    pub fn facts_ready(&self) -> bool {
        self.found.get().is_some()
    }

    fn all_articles(&self) -> Vec<usize> {
        (0..self.corpus.articles.len()).collect()
    }

    /// Compares what `want` names across every article; hiding a source is
    /// a matter of display, so it never needs a new comparison.
    pub fn compare(&self, want: Want) -> Option<Computed> {
        let facts = self.facts();
        let index = self.index();
        let all = self.all_articles();
        let topic = match want {
            Want::Topic(topic) => topic,
            Want::Busiest => {
                let topics: Vec<Topic> = self.topics().iter().map(|t| (**t).clone()).collect();
                busiest_topic(&self.corpus, index, facts, &topics, &all).unwrap_or(0)
            }
        };
        let spec = self.topic(topic)?;
        let comparison = compare(&self.corpus, index, facts, &spec, &all);
        let mut coverage = vec![0; self.corpus.articles.len()];
        for (&source, count) in comparison.sources.iter().zip(comparison.coverage()) {
            if let Some(slot) = coverage.get_mut(source) {
                *slot = count;
            }
        }
        let sentence_rows = comparison.shared_sentences();
        let flags = flags_of(&self.insights(), facts);
        Some(Computed {
            want,
            topic,
            coverage,
            comparison,
            sentence_rows,
            flags,
        })
    }

    /// Sentences per topic per article, for the picker; computed once, for
    /// the topics known by then (the found ones included).
    pub fn coverage_table(&self) -> CoverageTable {
        let table = self.coverage.get_or_init(|| {
            let all = self.all_articles();
            let facts = self.facts();
            let index = self.index();
            Arc::new(coverage_of_all(
                &self.corpus,
                index,
                facts,
                &self.topics(),
                &all,
            ))
        });
        Arc::clone(table)
    }

    /// The coverage table if some worker already built it.
    pub fn coverage_ready(&self) -> Option<CoverageTable> {
        self.coverage.get().cloned()
    }

    /// A worker comparing what each request wants (newest wins).
    pub fn compare_worker(engine: &Arc<TopicEngine>) -> Option<LatestWorker<Want, Computed>> {
        let engine = Arc::clone(engine);
        LatestWorker::spawn(
            "crossread-compare",
            move |want: Want, context: &JobContext<Computed>| {
                engine.facts();
                // The index and facts may have taken long; the user may have
                // moved on.
                if context.is_stale() {
                    return;
                }
                if let Some(computed) = engine.compare(want) {
                    context.emit(computed);
                }
            },
        )
        .ok()
    }

    /// A worker building the insights when asked.
    pub fn insights_worker(engine: &Arc<TopicEngine>) -> Option<LatestWorker<(), Arc<Insights>>> {
        let engine = Arc::clone(engine);
        LatestWorker::spawn(
            "crossread-insights",
            move |(), context: &JobContext<Arc<Insights>>| {
                context.emit(engine.insights());
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
