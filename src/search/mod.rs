//! Fuzzy search over every sentence of a corpus.
//!
//! - [`query`]: the query language (fzf operators, scopes, smart case).
//! - [`fold`]: accent and punctuation folding with a map back to the original.
//! - [`matcher`]: the fuzzy matcher behind our own [`Matcher`] trait.
//! - [`index`]: the prepared index, built once per corpus.
//! - [`rank`]: matching and ranking; [`session`]: as-you-type searching.
//! - [`cache`]: the on-disk index cache the command line uses.
//!
//! Pure library code: front ends run [`Searcher`] on a worker thread.

pub mod cache;
pub mod fold;
pub mod index;
pub mod matcher;
pub mod query;
pub mod rank;
pub mod session;

pub use index::{ArticleInfo, EntryView, SearchIndex};
pub use matcher::{Matcher, NucleoMatcher, SkimMatcher};
pub use query::Query;
pub use rank::{Hit, Prepared};
pub use session::{Searcher, Update};

/// One ranked sentence, resolved for display or JSON.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SearchResult {
    /// The article's id.
    pub article: String,
    pub title: String,
    /// Byte offsets of the sentence in the article body.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub score: i64,
    /// Byte offsets, within `text`, of the matched chars.
    pub positions: Vec<usize>,
}

/// Searches the whole index for `text` (on all cores) and resolves the best
/// `limit` results.
pub fn search(
    index: &SearchIndex,
    matcher: &dyn Matcher,
    text: &str,
    limit: usize,
) -> Vec<SearchResult> {
    let query = Query::parse(text);
    if query.is_empty() || limit == 0 {
        return Vec::new();
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let prepared = Prepared::new(index, matcher, &query);
    let all: Vec<u32> = (0..u32::try_from(index.len()).unwrap_or(u32::MAX)).collect();
    let hits = prepared.filter_parallel(index, matcher, &all, threads);
    let top = if query.is_article_level() {
        let mut ranked = hits;
        rank::sort_hits(&mut ranked);
        let mut ranked = rank::one_per_article(index, ranked);
        ranked.truncate(limit);
        ranked
    } else {
        rank::top_hits(&hits, limit)
    };
    top.iter()
        .filter_map(|hit| resolve(index, matcher, &prepared, *hit))
        .collect()
}

/// Turns a hit into a result with its matched positions.
pub fn resolve(
    index: &SearchIndex,
    matcher: &dyn Matcher,
    prepared: &Prepared<'_>,
    hit: Hit,
) -> Option<SearchResult> {
    let view = index.view(hit.entry)?;
    Some(SearchResult {
        article: view.article.id.clone(),
        title: view.article.title.clone(),
        start: view.start,
        end: view.end,
        text: view.text.to_string(),
        score: hit.score,
        positions: prepared.positions(index, matcher, hit.entry),
    })
}
