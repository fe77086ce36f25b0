//! Matching a parsed query against the index and ranking what matched.
//!
//! The score is lexicographic, packed into one number: the exact phrase
//! first, then how well each term matched (whole word, word start, inside a
//! word, scattered letters), then a title sentence before a body sentence,
//! then the fuzzy matcher's own score. Equal scores keep article order.

use super::fold::Folded;
use super::index::{Entry, FLAG_QUOTE, FLAG_TITLE, SearchIndex};
use super::matcher::Matcher;
use super::query::{Field, Kind, Query, Term};

const PHRASE: i64 = 1 << 40;
const TIER: i64 = 1 << 24;
const TITLE: i64 = 1 << 23;
const FUZZY_MAX: i64 = TITLE - 1;

/// A matching sentence: the entry number in the index and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entry: u32,
    pub score: i64,
}

/// Best first; equal scores in index (article, then sentence) order.
pub fn sort_hits(hits: &mut [Hit]) {
    hits.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
}

/// The best `limit` hits, sorted, without sorting the rest.
pub fn top_hits(hits: &[Hit], limit: usize) -> Vec<Hit> {
    let mut top = hits.to_vec();
    if limit < top.len() {
        top.select_nth_unstable_by(limit, |a, b| {
            b.score.cmp(&a.score).then(a.entry.cmp(&b.entry))
        });
        top.truncate(limit);
    }
    sort_hits(&mut top);
    top
}

#[derive(Debug, Clone, Copy, Default)]
struct TermMatch {
    fuzzy: i64,
    tier: i64,
}

/// How a term was found as a substring: 3 whole word, 2 word start,
/// 1 inside a word, 0 not as a substring (scattered letters).
fn substring_tier(text: &str, pattern: &str) -> (i64, Option<usize>) {
    let mut best = (0, None);
    for (at, _) in text.match_indices(pattern) {
        let before = text[..at].chars().next_back();
        let after = text[at + pattern.len()..].chars().next();
        let starts = before.is_none_or(|c| !c.is_alphanumeric());
        let ends = after.is_none_or(|c| !c.is_alphanumeric());
        let tier = match (starts, ends) {
            (true, true) => 3,
            (true, false) => 2,
            _ => 1,
        };
        if tier > best.0 {
            best = (tier, Some(at));
        }
        if tier == 3 {
            break;
        }
    }
    best
}

/// The text without trailing sentence punctuation, closing quotes and spaces,
/// so `troops$` finds "... 800,000 troops."
fn trim_end_punctuation(text: &str) -> &str {
    text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | ')' | ']'
            )
    })
}

/// Where an anchored or exact pattern sits in `text`, as a byte range.
fn exact_span(kind: Kind, text: &str, pattern: &str) -> Option<(usize, usize)> {
    match kind {
        Kind::Fuzzy | Kind::Exact => {
            let (tier, at) = substring_tier(text, pattern);
            let at = if tier > 0 { at } else { text.find(pattern) };
            at.map(|at| (at, at + pattern.len()))
        }
        Kind::Prefix => {
            let trimmed = text.trim_start();
            let at = text.len() - trimmed.len();
            trimmed
                .starts_with(pattern)
                .then_some((at, at + pattern.len()))
        }
        Kind::Suffix => {
            let trimmed = trim_end_punctuation(text);
            if pattern.ends_with(|c: char| !c.is_alphanumeric())
                && text.trim_end().ends_with(pattern)
            {
                let end = text.trim_end().len();
                return Some((end - pattern.len(), end));
            }
            trimmed
                .ends_with(pattern)
                .then(|| (trimmed.len() - pattern.len(), trimmed.len()))
        }
        Kind::Whole => {
            let trimmed = trim_end_punctuation(text.trim_start());
            let at = text.len() - text.trim_start().len();
            (trimmed == pattern || text.trim() == pattern).then(|| (at, at + pattern.len()))
        }
    }
}

/// Matches one positive term against one text field.
fn match_text(matcher: &dyn Matcher, term: &Term, text: &str) -> Option<TermMatch> {
    match term.kind {
        Kind::Fuzzy => {
            let fuzzy = matcher.score(text, &term.pattern)?;
            let (tier, _) = substring_tier(text, &term.pattern);
            Some(TermMatch { fuzzy, tier })
        }
        kind => {
            let (start, end) = exact_span(kind, text, &term.pattern)?;
            let tier = if kind == Kind::Exact {
                substring_tier(text, &term.pattern).0
            } else {
                3
            };
            let length = i64::try_from(end - start).unwrap_or(i64::MAX / 32);
            Some(TermMatch {
                fuzzy: length.saturating_mul(24),
                tier,
            })
        }
    }
}

fn pick<'a>(folded: &'a Folded, term: &Term) -> &'a str {
    if term.case_sensitive {
        &folded.folded
    } else {
        &folded.lower
    }
}

/// A query made ready for one index: article-level terms decided once per
/// article, the other groups ordered so the likeliest failure comes first.
pub struct Prepared<'q> {
    query: &'q Query,
    /// `None` when the article fails; else the score its scope terms add.
    article_scores: Vec<Option<i64>>,
    /// Indices of sentence-level groups, cheapest rejection first.
    order: Vec<usize>,
    has_text: bool,
}

impl<'q> Prepared<'q> {
    pub fn new(index: &SearchIndex, matcher: &dyn Matcher, query: &'q Query) -> Prepared<'q> {
        let article_groups: Vec<usize> = (0..query.groups.len())
            .filter(|&g| {
                query.groups[g]
                    .terms
                    .iter()
                    .all(|t| t.field.is_article_level())
            })
            .collect();
        let article_scores = index
            .articles
            .iter()
            .map(|article| {
                let mut total = 0i64;
                for &g in &article_groups {
                    let best = query.groups[g]
                        .terms
                        .iter()
                        .filter_map(|term| {
                            let field = match term.field {
                                Field::Title => &article.title_folded,
                                _ => &article.source_folded,
                            };
                            let text = pick(field, term);
                            let found = match_text(
                                matcher,
                                &Term {
                                    negate: false,
                                    ..term.clone()
                                },
                                text,
                            );
                            match (term.negate, found) {
                                (false, Some(found)) => Some(found.fuzzy),
                                (true, None) => Some(0),
                                _ => None,
                            }
                        })
                        .max()?;
                    total = total.saturating_add(best);
                }
                Some(total)
            })
            .collect();
        let mut order: Vec<usize> = (0..query.groups.len())
            .filter(|g| !article_groups.contains(g))
            .collect();
        // A long positive pattern rejects the most sentences; ORs and
        // negations rarely reject, so they come last.
        order.sort_by_key(|&g| {
            let group = &query.groups[g];
            let longest = group
                .terms
                .iter()
                .map(|t| t.pattern.len())
                .max()
                .unwrap_or(0);
            let weak = group.terms.len() > 1 || group.terms.iter().any(|t| t.negate);
            (weak, std::cmp::Reverse(longest))
        });
        let has_text = query.terms().any(|t| t.field == Field::Text && !t.negate);
        Prepared {
            query,
            article_scores,
            order,
            has_text,
        }
    }

    pub fn query(&self) -> &Query {
        self.query
    }

    /// The score of entry `number`, or `None` when it does not match.
    pub fn score(&self, index: &SearchIndex, matcher: &dyn Matcher, number: u32) -> Option<i64> {
        let entry = index.entries.get(number as usize)?;
        let mut total = (*self.article_scores.get(entry.article as usize)?)?;
        let mut tiers = 0i64;
        for &g in &self.order {
            let mut best: Option<TermMatch> = None;
            for term in &self.query.groups[g].terms {
                if let Some(found) = self.match_term(index, matcher, entry, term)
                    && best.is_none_or(|b| (found.tier, found.fuzzy) > (b.tier, b.fuzzy))
                {
                    best = Some(found);
                }
            }
            let best = best?;
            total = total.saturating_add(best.fuzzy);
            tiers += best.tier;
        }
        let phrase = self.has_text
            && !self.query.phrase.is_empty()
            && index.lower_text(entry).contains(&self.query.phrase);
        let title = entry.flags & FLAG_TITLE != 0;
        Some(
            i64::from(phrase) * PHRASE
                + tiers * TIER
                + i64::from(title) * TITLE
                + total.clamp(0, FUZZY_MAX),
        )
    }

    fn match_term(
        &self,
        index: &SearchIndex,
        matcher: &dyn Matcher,
        entry: &Entry,
        term: &Term,
    ) -> Option<TermMatch> {
        let found = match term.field {
            Field::Text => {
                let text = if term.case_sensitive {
                    index.folded_text(entry)
                } else {
                    index.lower_text(entry)
                };
                if term.negate {
                    exact_span(term.kind, text, &term.pattern).map(|_| TermMatch::default())
                } else {
                    return match_text(matcher, term, text);
                }
            }
            Field::Quotes => (entry.flags & FLAG_QUOTE != 0).then(TermMatch::default),
            Field::Speaker => index.entry_speakers(entry).iter().find_map(|&id| {
                let speaker = index.speakers.get(id as usize)?;
                let positive = Term {
                    negate: false,
                    ..term.clone()
                };
                match_text(matcher, &positive, pick(speaker, term))
                    .map(|found| TermMatch { tier: 0, ..found })
            }),
            // Decided per article in `new`.
            Field::Title | Field::Source => Some(TermMatch::default()),
        };
        match (term.negate, found) {
            (false, found) => found,
            (true, Some(_)) => None,
            (true, None) => Some(TermMatch::default()),
        }
    }

    /// Scores `candidates` (entry numbers, ascending) and keeps the matches,
    /// in the same order.
    pub fn filter(
        &self,
        index: &SearchIndex,
        matcher: &dyn Matcher,
        candidates: &[u32],
    ) -> Vec<Hit> {
        candidates
            .iter()
            .filter_map(|&entry| {
                self.score(index, matcher, entry)
                    .map(|score| Hit { entry, score })
            })
            .collect()
    }

    /// [`Prepared::filter`] split over `threads` threads; same order.
    pub fn filter_parallel(
        &self,
        index: &SearchIndex,
        matcher: &dyn Matcher,
        candidates: &[u32],
        threads: usize,
    ) -> Vec<Hit> {
        let threads = threads.max(1);
        if threads == 1 || candidates.len() < 2_048 {
            return self.filter(index, matcher, candidates);
        }
        let size = candidates.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = candidates
                .chunks(size)
                .skip(1)
                .map(|chunk| scope.spawn(move || self.filter(index, matcher, chunk)))
                .collect();
            let mut hits = self.filter(index, matcher, &candidates[..size.min(candidates.len())]);
            for handle in handles {
                match handle.join() {
                    Ok(mut more) => hits.append(&mut more),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            hits
        })
    }

    /// Byte offsets, within the sentence's original text, of the chars the
    /// positive sentence terms matched; sorted, each on a char boundary.
    pub fn positions(&self, index: &SearchIndex, matcher: &dyn Matcher, number: u32) -> Vec<usize> {
        let Some(entry) = index.entries.get(number as usize) else {
            return Vec::new();
        };
        let mut chars: Vec<usize> = Vec::new();
        for term in self
            .query
            .terms()
            .filter(|t| t.field == Field::Text && !t.negate)
        {
            let text = if term.case_sensitive {
                index.folded_text(entry)
            } else {
                index.lower_text(entry)
            };
            let span = match term.kind {
                Kind::Fuzzy if substring_tier(text, &term.pattern).0 == 0 => {
                    if let Some((_, indices)) = matcher.indices(text, &term.pattern) {
                        chars.extend(indices);
                    }
                    continue;
                }
                kind => exact_span(kind, text, &term.pattern),
            };
            if let Some((start, end)) = span {
                let first = text[..start].chars().count();
                let count = text[start..end].chars().count();
                chars.extend(first..first + count);
            }
        }
        let mut offsets: Vec<usize> = chars
            .into_iter()
            .filter_map(|index_in_folded| index.original_offset(entry, index_in_folded))
            .collect();
        offsets.sort_unstable();
        offsets.dedup();
        offsets
    }
}

/// Keeps the best hit of each article (article-level queries list articles).
pub fn one_per_article(index: &SearchIndex, hits: Vec<Hit>) -> Vec<Hit> {
    let mut seen = vec![false; index.articles.len()];
    hits.into_iter()
        .filter(|hit| {
            let Some(entry) = index.entries.get(hit.entry as usize) else {
                return false;
            };
            seen.get_mut(entry.article as usize)
                .is_some_and(|slot| !std::mem::replace(slot, true))
        })
        .collect()
}
