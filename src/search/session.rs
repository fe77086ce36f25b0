//! Searching as the user types: progressive, best-first updates, and
//! re-filtering the previous survivors when the query only grew.

use super::index::SearchIndex;
use super::matcher::Matcher;
use super::query::Query;
use super::rank::{Hit, Prepared, one_per_article, sort_hits, top_hits};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Entries matched between two looks at the clock and the staleness flag.
const CHUNK: usize = 4_096;
/// Entries per thread matched before the first look at the clock.
const FIRST_CHUNK: usize = 512;
/// Later partial results at most this often.
const NEXT_UPDATE: Duration = Duration::from_millis(40);
/// How many hits a partial update carries (a screenful and then some).
pub const PARTIAL_HITS: usize = 200;

/// What a running search reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    /// The query text this update answers.
    pub query: String,
    /// Best first. Partial updates carry the best so far; the complete one all.
    pub hits: Vec<Hit>,
    /// Matches found so far.
    pub matched: usize,
    /// Entries examined so far, of `candidates`.
    pub examined: usize,
    pub candidates: usize,
    pub complete: bool,
}

/// One user's search state over one index.
pub struct Searcher {
    index: Arc<SearchIndex>,
    matcher: Arc<dyn Matcher>,
    threads: usize,
    /// The last completed query and the entries that matched it, ascending.
    previous: Option<(Query, Vec<u32>)>,
}

impl Searcher {
    pub fn new(index: Arc<SearchIndex>, matcher: Arc<dyn Matcher>) -> Searcher {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        Searcher {
            index,
            matcher,
            threads,
            previous: None,
        }
    }

    pub fn index(&self) -> &Arc<SearchIndex> {
        &self.index
    }

    /// Runs `text`, sending updates to `emit` (which returns false to stop,
    /// e.g. when a newer query arrived). The last update has `complete` set,
    /// unless the search was stopped.
    pub fn run(&mut self, text: &str, mut emit: impl FnMut(Update) -> bool) {
        let started = Instant::now();
        let query = Query::parse(text);
        if query.is_empty() {
            self.previous = None;
            emit(Update {
                query: text.to_string(),
                hits: Vec::new(),
                matched: 0,
                examined: 0,
                candidates: 0,
                complete: true,
            });
            return;
        }
        let all: Vec<u32>;
        let candidates: &[u32] = match &self.previous {
            Some((previous, survivors)) if query.narrows(previous) => survivors,
            _ => {
                all = (0..u32::try_from(self.index.len()).unwrap_or(u32::MAX)).collect();
                &all
            }
        };
        let matcher = self.matcher.as_ref();
        let prepared = Prepared::new(&self.index, matcher, &query);
        let mut hits: Vec<Hit> = Vec::new();
        // The first slice's best go out at once; later updates are spaced.
        let mut next_update = started;
        let mut examined = 0;
        // A small first slice, so the first update leaves within a frame
        // even when nearly every sentence is a candidate.
        let (head, tail) = candidates.split_at(candidates.len().min(FIRST_CHUNK * self.threads));
        let slices = std::iter::once(head).chain(tail.chunks(CHUNK * self.threads));
        for chunk in slices.filter(|slice| !slice.is_empty()) {
            hits.extend(prepared.filter_parallel(&self.index, matcher, chunk, self.threads));
            examined += chunk.len();
            if examined < candidates.len() && Instant::now() >= next_update {
                let mut best = top_hits(&hits, PARTIAL_HITS * 4);
                if query.is_article_level() {
                    best = one_per_article(&self.index, best);
                }
                best.truncate(PARTIAL_HITS);
                let partial = Update {
                    query: text.to_string(),
                    hits: best,
                    matched: hits.len(),
                    examined,
                    candidates: candidates.len(),
                    complete: false,
                };
                if !emit(partial) {
                    return;
                }
                next_update = Instant::now() + NEXT_UPDATE;
            }
        }
        let survivors: Vec<u32> = hits.iter().map(|hit| hit.entry).collect();
        let candidate_count = candidates.len();
        let mut ranked = hits;
        sort_hits(&mut ranked);
        if query.is_article_level() {
            ranked = one_per_article(&self.index, ranked);
        }
        let matched = ranked.len();
        self.previous = Some((query, survivors));
        emit(Update {
            query: text.to_string(),
            hits: ranked,
            matched,
            examined: candidate_count,
            candidates: candidate_count,
            complete: true,
        });
    }
}
