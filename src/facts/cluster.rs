//! Which pairs of sentences match, and the clusters every pair of which
//! matches.
//!
//! Candidates come from an inverted index over each sentence's rarest
//! features, so a corpus of a hundred thousand sentences never compares all
//! pairs. A pair matches on positive evidence only: enough rare content in
//! common, relative to both sentences (a cosine over weighted features) and
//! in absolute terms, at least two content features, and no two different
//! named speakers, unless they share a quotation. Clusters grow from the
//! best pairs down and two merge only when every cross pair matches and no
//! source would appear twice (complete linkage), so a chain of near matches
//! never makes a row.

use super::features::{FeatureTable, Kind};
use std::collections::{HashMap, HashSet};

/// Features of a sentence used to find its candidates.
const KEYS_PER_SENTENCE: usize = 6;
/// A feature more sentences share than this says little about any pair and
/// would make its candidate list quadratic.
const MAX_POSTING: usize = 400;
/// Cosine of the weighted features two sentences must reach.
pub(crate) const MATCH_COSINE: f32 = 0.4;
/// Shared weight, in rare words' worth, below which a pair is chance.
pub(crate) const MATCH_SHARED: f32 = 6.0;
/// A shared quotation is strong evidence: it lowers the cosine needed.
const QUOTE_COSINE: f32 = 0.2;
const QUOTE_SHINGLES: usize = 2;
/// Two sentences whose articles share no story mark match only when they
/// are this close (a rewrite of the same sentence).
const UNMARKED_COSINE: f32 = 0.6;
/// Content features (words, numbers, names) two sentences must share.
const MIN_SHARED_CONTENT: usize = 2;

/// How two sentences compare.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Evidence {
    pub cosine: f32,
    pub shared: f32,
    pub content: usize,
    pub quote: usize,
    /// Shared features specific to a story (names, figures, rare words).
    pub specific: usize,
}

/// What two nodes share.
pub(crate) fn evidence(table: &FeatureTable, a: usize, b: usize) -> Evidence {
    let (fa, fb) = (&table.features[a], &table.features[b]);
    let (mut i, mut j) = (0, 0);
    let mut evidence = Evidence::default();
    while i < fa.weights.len() && j < fb.weights.len() {
        let (ia, wa) = fa.weights[i];
        let (ib, wb) = fb.weights[j];
        match ia.cmp(&ib) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                evidence.shared += wa.min(wb);
                if table.specific[ia as usize] {
                    evidence.specific += 1;
                }
                match table.kinds[ia as usize] {
                    Kind::Word | Kind::Number | Kind::Entity => evidence.content += 1,
                    Kind::Quote => evidence.quote += 1,
                    Kind::Family | Kind::Speaker => {}
                }
                i += 1;
                j += 1;
            }
        }
    }
    let norm = (fa.total * fb.total).sqrt();
    if norm > 0.0 {
        evidence.cosine = evidence.shared / norm;
    }
    evidence
}

/// What two nodes share, when it is enough to report the same thing.
pub(crate) fn matches(table: &FeatureTable, a: usize, b: usize) -> Option<Evidence> {
    let evidence = evidence(table, a, b);
    let quoted = evidence.quote >= QUOTE_SHINGLES && evidence.cosine >= QUOTE_COSINE;
    let speakers_differ = match (table.features[a].speaker, table.features[b].speaker) {
        (Some(x), Some(y)) => x != y,
        _ => false,
    };
    let plain = !speakers_differ
        && evidence.cosine >= MATCH_COSINE
        && evidence.shared >= MATCH_SHARED
        && evidence.content >= MIN_SHARED_CONTENT;
    (quoted || plain).then_some(evidence)
}

/// Every matching pair of nodes from different sources, as
/// `(score, a, b)` with `a < b`, best first.
pub(crate) fn matching_pairs(table: &FeatureTable, source: &[u32]) -> Vec<(f32, u32, u32)> {
    let n = table.nodes.len();
    let mut postings: HashMap<u32, Vec<u32>> = HashMap::new();
    let mut keys_of: Vec<Vec<u32>> = Vec::with_capacity(n);
    for features in &table.features {
        let mut keys: Vec<(u32, f32)> = features
            .weights
            .iter()
            .copied()
            .filter(|(id, _)| {
                (table.frequency[*id as usize] as usize) <= MAX_POSTING
                    && table.frequency[*id as usize] >= 2
            })
            .collect();
        keys.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        keys.truncate(KEYS_PER_SENTENCE);
        keys_of.push(keys.iter().map(|(id, _)| *id).collect());
    }
    for (node, keys) in keys_of.iter().enumerate() {
        for &key in keys {
            postings.entry(key).or_default().push(node as u32);
        }
    }
    let mut pairs = Vec::new();
    let mut seen: HashSet<u32> = HashSet::new();
    for (a, keys) in keys_of.iter().enumerate() {
        seen.clear();
        for key in keys {
            for &b in postings.get(key).map_or(&[][..], |p| &p[..]) {
                if (b as usize) <= a || source[a] == source[b as usize] || !seen.insert(b) {
                    continue;
                }
                let Some(evidence) = matches(table, a, b as usize) else {
                    continue;
                };
                let rewrite = evidence.cosine >= UNMARKED_COSINE && evidence.specific >= 1;
                if rewrite || same_story(table, a, b as usize) {
                    pairs.push((evidence.cosine, a as u32, b));
                }
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    pairs
}

/// Whether the articles of two nodes share a story mark.
fn same_story(table: &FeatureTable, a: usize, b: usize) -> bool {
    let marks = |node: usize| {
        table
            .story
            .get(&table.nodes[node].article)
            .map_or(&[][..], |m| &m[..])
    };
    let (x, y) = (marks(a), marks(b));
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Clusters in which every pair matches and every source appears at most
/// once; nodes without a match stay out. Deterministic in the node order.
pub(crate) fn complete_linkage(
    node_count: usize,
    source: &[u32],
    pairs: &[(f32, u32, u32)],
) -> Vec<Vec<u32>> {
    let matched: HashSet<(u32, u32)> = pairs.iter().map(|&(_, a, b)| (a, b)).collect();
    let is_match = |a: u32, b: u32| matched.contains(&(a.min(b), a.max(b)));
    let mut cluster_of: Vec<u32> = (0..node_count as u32).collect();
    let mut members: HashMap<u32, Vec<u32>> = HashMap::new();
    for &(_, a, b) in pairs {
        let (ca, cb) = (cluster_of[a as usize], cluster_of[b as usize]);
        if ca == cb {
            continue;
        }
        let left = members.get(&ca).cloned().unwrap_or_else(|| vec![ca]);
        let right = members.get(&cb).cloned().unwrap_or_else(|| vec![cb]);
        let sources_meet = left.iter().any(|&x| {
            right
                .iter()
                .any(|&y| source[x as usize] == source[y as usize])
        });
        if sources_meet || !left.iter().all(|&x| right.iter().all(|&y| is_match(x, y))) {
            continue;
        }
        let (keep, gone) = if ca < cb { (ca, cb) } else { (cb, ca) };
        let mut joined = left;
        joined.extend(right);
        joined.sort_unstable();
        for &node in &joined {
            cluster_of[node as usize] = keep;
        }
        members.remove(&gone);
        members.insert(keep, joined);
    }
    let mut clusters: Vec<Vec<u32>> = members.into_values().filter(|m| m.len() > 1).collect();
    clusters.sort_unstable();
    clusters
}
