//! Which pairs of sentences match, and the clusters every pair of which
//! matches.
//!
//! Candidates come from an inverted index over each sentence's rarest
//! features, so a corpus of a hundred thousand sentences never compares all
//! pairs. A pair matches on positive evidence only: enough rare content in
//! common, relative to both sentences (a cosine over weighted features, two
//! different rare words of one first sense counting for most of one word)
//! and in absolute terms, at least two content features, no two different
//! named speakers and no two different countries opening the sentence as
//! the doers of its act, unless they share a quotation. Clusters grow from the
//! best pairs down and two merge only when every cross pair matches and no
//! source would appear twice (complete linkage), so a chain of near matches
//! never makes a row.

use super::features::{FeatureTable, Features, Kind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Features of a sentence used to find its candidates.
const KEYS_PER_SENTENCE: usize = 6;
/// A feature more sentences share than this says little about any pair and
/// would make its candidate list quadratic.
const MAX_POSTING: usize = 64;
/// Cosine of the weighted features two sentences must reach.
pub(crate) const MATCH_COSINE: f32 = 0.3;
/// Shared weight, in rare words' worth, below which a pair is chance.
pub(crate) const MATCH_SHARED: f32 = 8.0;
/// A telling figure both give (not a year or a small count) is evidence
/// of one occasion: it lowers the cosine needed (docs/QUALITY.md: the
/// tuned stories gained five right pairs and no wrong one; at 0.15, eleven
/// right and one wrong).
const FIGURE_COSINE: f32 = 0.2;
/// A shared quotation is strong evidence: it lowers the cosine needed.
const QUOTE_COSINE: f32 = 0.2;
const QUOTE_SHINGLES: usize = 2;
/// Two sentences whose articles share no story mark match only when they
/// are this close (a rewrite of the same sentence).
const UNMARKED_COSINE: f32 = 0.6;
/// Content features (words, numbers, names) two sentences must share; a
/// pair of different words of one sense counts as one.
const MIN_SHARED_CONTENT: usize = 2;
/// A pair of different words of one sense ([`super::synonyms`]) counts for
/// less than one word both use: a first sense is the likeliest meaning, not
/// a certain one. Measured in docs/QUALITY.md: at full weight the held-out
/// story lost precision.
const SYNONYM_WEIGHT: f32 = 0.7;

/// How two sentences compare.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Evidence {
    /// Cosine of their weighted features, 0..1.
    pub cosine: f32,
    /// Weight of the features they share.
    pub shared: f32,
    /// Shared words, numbers and names.
    pub content: usize,
    /// Shared runs of quoted words.
    pub quote: usize,
    /// Shared features specific to a story (names, figures, rare words).
    pub specific: usize,
    /// Shared telling figures: not years, not small counts.
    pub figures: usize,

    /// Shared weight over the lighter sentence's: how much of the shorter
    /// report the longer one contains, 0..1.
    pub containment: f32,
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
                if table.kinds[ia as usize] == Kind::Number
                    && super::features::is_telling_figure(&table.names[ia as usize])
                {
                    evidence.figures += 1;
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
    let (synonymous, words) = synonymous(fa, fb);
    evidence.shared += synonymous * SYNONYM_WEIGHT;
    evidence.content += words;
    let norm = (fa.total * fb.total).sqrt();
    if norm > 0.0 {
        evidence.cosine = evidence.shared / norm;
        evidence.containment = evidence.shared / fa.total.min(fb.total);
    }
    evidence
}

/// The weight of the words of `a` and `b` that differ but share a first
/// sense, each word counted once, and how many such pairs there are.
fn synonymous(fa: &Features, fb: &Features) -> (f32, usize) {
    let has = |f: &Features, word: u32| f.weights.binary_search_by_key(&word, |w| w.0).is_ok();
    let (ca, cb) = (&fa.concepts, &fb.concepts);
    let (mut i, mut j) = (0, 0);
    let mut used: Vec<u32> = Vec::new();
    let (mut weight, mut words) = (0.0, 0);
    while i < ca.len() && j < cb.len() {
        match ca[i].0.cmp(&cb[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let concept = ca[i].0;
                let end_a = i + ca[i..].iter().take_while(|c| c.0 == concept).count();
                let end_b = j + cb[j..].iter().take_while(|c| c.0 == concept).count();
                for &(_, wa, a) in &ca[i..end_a] {
                    for &(_, wb, b) in &cb[j..end_b] {
                        // A word both sentences use is shared already,
                        // whatever it means.
                        let fresh = wa != wb
                            && !has(fb, wa)
                            && !has(fa, wb)
                            && !used.contains(&wa)
                            && !used.contains(&wb);
                        if fresh {
                            used.extend([wa, wb]);
                            weight += a.min(b);
                            words += 1;
                        }
                    }
                }
                i = end_a;
                j = end_b;
            }
        }
    }
    (weight, words)
}

/// What two nodes share, when it is enough to report the same thing.
pub(crate) fn matches(table: &FeatureTable, a: usize, b: usize) -> Option<Evidence> {
    let evidence = evidence(table, a, b);
    let quoted = evidence.quote >= QUOTE_SHINGLES && evidence.cosine >= QUOTE_COSINE;
    let speakers_differ = match (table.features[a].speaker, table.features[b].speaker) {
        (Some(x), Some(y)) => x != y,
        _ => false,
    };
    let places_differ = match (
        table.features[a].acting_place,
        table.features[b].acting_place,
    ) {
        (Some(x), Some(y)) => x != y,
        _ => false,
    };
    let needed = if evidence.figures >= 1 {
        FIGURE_COSINE
    } else {
        MATCH_COSINE
    };
    let plain = !speakers_differ
        && !places_differ
        && evidence.cosine >= needed
        && evidence.shared >= MATCH_SHARED
        && evidence.content >= MIN_SHARED_CONTENT;
    let rewrite = evidence.cosine >= UNMARKED_COSINE && evidence.specific >= 1;
    ((quoted || plain) && (rewrite || same_story(table, a, b))).then_some(evidence)
}

/// Every matching pair of nodes from different sources, as
/// `(score, a, b)` with `a < b`, best first.
///
/// Beside the index's candidates, the leads of two articles that share a
/// story mark are always weighed: two outlets' leads often report the
/// main event in different words that share no rare feature.
pub(crate) fn matching_pairs(
    table: &FeatureTable,
    source: &[u32],
    leads: &[u32],
) -> Vec<(f32, u32, u32)> {
    let n = table.nodes.len();
    let mut postings: HashMap<u32, Vec<u32>> = HashMap::default();
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
    let mut seen: HashSet<u32> = HashSet::default();
    for (a, keys) in keys_of.iter().enumerate() {
        seen.clear();
        for key in keys {
            for &b in postings.get(key).map_or(&[][..], |p| &p[..]) {
                if (b as usize) <= a || source[a] == source[b as usize] || !seen.insert(b) {
                    continue;
                }
                if let Some(evidence) = matches(table, a, b as usize) {
                    pairs.push((evidence.cosine, a as u32, b));
                }
            }
        }
    }
    let mut leads_of_mark: HashMap<u32, Vec<u32>> = HashMap::default();
    for &lead in leads {
        let article = table.nodes[lead as usize].article;
        for &mark in table.story.get(&article).map_or(&[][..], |m| &m[..]) {
            leads_of_mark.entry(mark).or_default().push(lead);
        }
    }
    let mut weighed: HashSet<(u32, u32)> = HashSet::default();
    for group in leads_of_mark.values() {
        // A mark every article gives says little about which leads meet.
        if group.len() > MAX_POSTING {
            continue;
        }
        for (i, &a) in group.iter().enumerate() {
            for &b in &group[i + 1..] {
                let (low, high) = (a.min(b), a.max(b));
                if source[low as usize] == source[high as usize] || !weighed.insert((low, high)) {
                    continue;
                }
                if let Some(evidence) = matches(table, low as usize, high as usize) {
                    pairs.push((evidence.cosine, low, high));
                }
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    pairs.dedup_by_key(|&mut (_, a, b)| (a, b));
    pairs
}

/// Whether the articles of two nodes share a story mark.
pub(super) fn same_story(table: &FeatureTable, a: usize, b: usize) -> bool {
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

/// A sentence reports at most this many facts (a lead often gives the
/// event, its figure and its time at once).
pub(crate) const MAX_FACTS_PER_SENTENCE: usize = 2;

/// Clusters in which every pair matches and every source appears at most
/// once, grown from the best pairs down; nodes without a match stay out. A
/// node may stand in several clusters, one per fact it reports, but never
/// in one it does not match every member of. Deterministic in the pair order.
pub(crate) fn cliques(
    node_count: usize,
    source: &[u32],
    pairs: &[(f32, u32, u32)],
) -> Vec<Vec<u32>> {
    let matched: HashSet<(u32, u32)> = pairs.iter().map(|&(_, a, b)| (a, b)).collect();
    let is_match = |a: u32, b: u32| matched.contains(&(a.min(b), a.max(b)));
    let fits = |node: u32, members: &[u32]| {
        members
            .iter()
            .all(|&m| source[m as usize] != source[node as usize] && is_match(node, m))
    };
    let mut clusters: Vec<Vec<u32>> = Vec::new();
    let mut of: Vec<Vec<usize>> = vec![Vec::new(); node_count];
    for &(_, a, b) in pairs {
        let (a, b) = (a as usize, b as usize);
        if of[a].iter().any(|&c| clusters[c].contains(&(b as u32))) {
            continue;
        }
        let mut joined = false;
        for (from, to) in [(a, b), (b, a)] {
            for at in of[from].clone() {
                if of[to].len() < MAX_FACTS_PER_SENTENCE
                    && !clusters[at].contains(&(to as u32))
                    && fits(to as u32, &clusters[at])
                {
                    clusters[at].push(to as u32);
                    of[to].push(at);
                    joined = true;
                }
            }
        }
        if !joined && of[a].len() < MAX_FACTS_PER_SENTENCE && of[b].len() < MAX_FACTS_PER_SENTENCE {
            of[a].push(clusters.len());
            of[b].push(clusters.len());
            clusters.push(vec![a as u32, b as u32]);
        }
    }
    for members in &mut clusters {
        members.sort_unstable();
    }
    clusters.sort_unstable();
    clusters.dedup();
    clusters
}
