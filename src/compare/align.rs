//! Alignment: groups retrieved sentences from different sources that report
//! the same fact or position.
//!
//! Similarity of two sentences is the cosine of their content words (stems,
//! stopwords out, weighted by rarity in the corpus, the topic's own vocabulary
//! discounted because every retrieved sentence shares it), plus agreement on
//! canonical entities, numbers and the claim's speaker, and the best match
//! between their clauses (a sentence often reports several facts, and two
//! sources may share just one). Capitals stand for their countries ("Kyiv"
//! for "Ukraine") and shared denials count.
//!
//! Rows are a correlation clustering of the sentences: a pair from different
//! sources on one row is worth its similarity (corrected for hubness, so a
//! generic sentence does not collect everyone's counterpart) minus a
//! threshold. Greedy additive contraction builds the rows, then single
//! sentences move to the row where they add most, under a cap on sentences
//! per source and a floor on a row's mean similarity; a sentence left
//! without a real counterpart in its row stands alone. Past `MAX_ALIGNED`
//! sentences only the most relevant are aligned. Every ordering decision
//! uses the sentences' own identity (article id, offset), never the order
//! sources were given in, so the result is the same for any permutation of
//! the sources.

use crate::compare::text::{Normalizer, Token};
use crate::model::Corpus;
use crate::topics::{CorpusIndex, Hit, Topic, sentence_entities};
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};

/// At most this many retrieved sentences, the most relevant, are aligned.
pub const MAX_ALIGNED: usize = 600;
/// At most this many sentences of one source share a row.
pub const MAX_PER_SOURCE: usize = 3;
/// Similarity above which two sentences from different sources are better
/// on one row than apart. Low on purpose: a row gathers what sources say on
/// one point of the topic, and every pair in it counts, so one chance pair
/// cannot carry a row against the rest.
const AGREEMENT_THRESHOLD: f32 = 0.07;
/// Every sentence of a shared row has a counterpart in it at least this
/// similar.
const LINK_THRESHOLD: f32 = 0.1;
/// Rows merge only while their sentences stay this similar on average.
const MIN_COHESION: f32 = 0.1;
/// How much a sentence's hubness (closeness to its usual neighbours above
/// the topic's average) is taken off its similarities.
const HUB_CORRECTION: f32 = 0.5;
/// A sentence moves to another row only if it fits there this much better.
const MOVE_MARGIN: f32 = 0.02;
/// Refinement passes are cheap but need not run to the last tiny move.
const REFINE_PASSES: usize = 10;
/// How many nearest cross-source neighbours measure a sentence's hubness.
const HUB_NEIGHBOURS: usize = 3;
/// Weight of the topic's own words in the content vector.
const TOPIC_WORD_WEIGHT: f32 = 0.35;
/// Length of the word prefix that links derivations, and its weight.
const PREFIX_CHARS: usize = 6;
const PREFIX_WEIGHT: f32 = 0.5;
/// Weight of a shared topic group, per unit of its weight and rarity.
const GROUP_WEIGHT: f32 = 0.5;
const ENTITY_WEIGHT: f32 = 0.15;
const SPEAKER_WEIGHT: f32 = 0.1;
/// How much the best-matching pair of clauses counts against the whole
/// sentences.
const CLAUSE_WEIGHT: f32 = 0.6;

/// The sentences of one row, with its cohesion and relevance.
#[derive(Debug, Clone)]
pub struct Group {
    pub members: Vec<Hit>,
    pub score: f32,
    pub relevance: f32,
}

struct Features {
    whole: Vector,
    clauses: Vec<Vector>,
    entities: HashSet<String>,
    speaker: Option<String>,
}

/// Groups `hits` into rows, most widely carried first.
pub fn align(corpus: &Corpus, index: &CorpusIndex, topic: &Topic, hits: &[Hit]) -> Vec<Group> {
    align_at_most(corpus, index, topic, hits, MAX_ALIGNED)
}

/// As [`align`], aligning at most `limit` sentences, the most relevant.
fn align_at_most(
    corpus: &Corpus,
    index: &CorpusIndex,
    topic: &Topic,
    hits: &[Hit],
    limit: usize,
) -> Vec<Group> {
    let mut hits: Vec<Hit> = hits
        .iter()
        .copied()
        .filter(|h| {
            corpus
                .articles
                .get(h.article)
                .is_some_and(|a| h.sentence < a.sentences.len())
        })
        .collect();
    let key = |hit: &Hit| -> (&str, usize) {
        let article = &corpus.articles[hit.article];
        (article.id.as_str(), article.sentences[hit.sentence].start)
    };
    hits.sort_by(|a, b| key(a).cmp(&key(b)).then(a.article.cmp(&b.article)));
    hits.dedup_by(|a, b| a.article == b.article && a.sentence == b.sentence);
    // Alignment is quadratic in the sentences; past a few hundred the most
    // relevant ones are aligned and the rest stand in rows of their own, so
    // a broad topic over thousands of articles still answers in time.
    let mut unaligned = Vec::new();
    if hits.len() > limit {
        let mut by_relevance: Vec<usize> = (0..hits.len()).collect();
        by_relevance.sort_by(|&a, &b| hits[b].score.total_cmp(&hits[a].score).then(a.cmp(&b)));
        let mut keep = vec![false; hits.len()];
        for &i in &by_relevance[..limit] {
            keep[i] = true;
        }
        let mut kept = Vec::with_capacity(limit);
        for (i, hit) in hits.into_iter().enumerate() {
            if keep[i] {
                kept.push(hit);
            } else {
                unaligned.push(hit);
            }
        }
        hits = kept;
    }

    let features = features(corpus, index, topic, &hits);
    let n = hits.len();
    // Dense: at most `limit` (a few hundred) sentences are aligned.
    let mut raw = vec![0.0f32; n * n];
    for i in 0..n {
        for j in i + 1..n {
            if hits[i].article != hits[j].article {
                let sim = similarity(&features[i], &features[j]);
                raw[i * n + j] = sim;
                raw[j * n + i] = sim;
            }
        }
    }
    // Hub correction (after cross-domain similarity local scaling): a generic
    // sentence ("what are these guarantees?") is fairly similar to everything
    // and would otherwise pull the counterparts of many sentences into its
    // row. A pair counts for less when its sentences are, on average, closer
    // to their usual near neighbours than sentences of this topic are, and
    // for more when they are farther; cohesion is checked on the raw
    // similarities, so faint likenesses of loners cannot add up to a row.
    let hub: Vec<f32> = (0..n)
        .map(|i| {
            let mut near: Vec<f32> = raw[i * n..(i + 1) * n].to_vec();
            near.sort_unstable_by(|a, b| b.total_cmp(a));
            near.iter().take(HUB_NEIGHBOURS).sum::<f32>() / HUB_NEIGHBOURS as f32
        })
        .collect();
    let mean_hub = hub.iter().sum::<f32>() / n.max(1) as f32;
    let mut corrected = vec![0.0f32; n * n];
    for i in 0..n {
        for j in 0..n {
            let sim = raw[i * n + j];
            if sim > 0.0 {
                corrected[i * n + j] = sim - HUB_CORRECTION * ((hub[i] + hub[j]) / 2.0 - mean_hub);
            }
        }
    }
    let corrected_of = |a: usize, b: usize| corrected[a * n + b];
    let sim_of = |a: usize, b: usize| raw[a * n + b];
    let (mut groups, mut group_of) = contract(&hits, &corrected_of, &sim_of);
    refine(&hits, &corrected_of, &sim_of, &mut groups, &mut group_of);
    drop_unlinked(&hits, &sim_of, &mut groups);

    let mut result: Vec<(Group, usize)> = groups
        .into_iter()
        .filter(|members| !members.is_empty())
        .map(|members| {
            let mut total = 0.0;
            let mut pairs = 0;
            for (x, &a) in members.iter().enumerate() {
                for &b in &members[x + 1..] {
                    if hits[a].article != hits[b].article {
                        total += sim_of(a, b);
                        pairs += 1;
                    }
                }
            }
            let score = if pairs == 0 {
                0.0
            } else {
                (total / pairs as f32).min(1.0)
            };
            let relevance = members.iter().map(|&m| hits[m].score).fold(0.0, f32::max);
            let first = members[0];
            let group = Group {
                members: members.iter().map(|&m| hits[m]).collect(),
                score,
                relevance,
            };
            (group, first)
        })
        .collect();
    let aligned = hits.len();
    result.extend(unaligned.into_iter().enumerate().map(|(i, hit)| {
        let group = Group {
            members: vec![hit],
            score: 0.0,
            relevance: hit.score,
        };
        (group, aligned + i)
    }));
    result.sort_by(|(a, first_a), (b, first_b)| {
        source_count(b)
            .cmp(&source_count(a))
            .then_with(|| b.relevance.total_cmp(&a.relevance))
            .then_with(|| b.score.partial_cmp(&a.score).unwrap_or(Ordering::Equal))
            .then(first_a.cmp(first_b))
    });
    result.into_iter().map(|(group, _)| group).collect()
}

/// Moves sentences the greedy pass left in a worse row than they could be in.
///
/// Greedy merging decides early, from one link, and a sentence often ends up
/// in the row of a third source's sentence that happened to merge first while
/// its own best counterparts sit in another row. The passes then improve the
/// grouping as a correlation clustering: every pair of sentences from
/// different sources on one row is worth its similarity minus
/// `AGREEMENT_THRESHOLD` (positive for a pair that says the same thing,
/// negative for one that does not), and each sentence moves to the row, or a
/// row of its own, where it adds most. Sums rather than averages, so a
/// sentence joins the row where most members agree with it, not the one with
/// a single close neighbour. Every move raises the total, so the passes end;
/// sentences are visited in identity order, so the result does not depend on
/// the order of the sources.
fn refine(
    hits: &[Hit],
    gain_of: &impl Fn(usize, usize) -> f32,
    sim_of: &impl Fn(usize, usize) -> f32,
    groups: &mut [Vec<usize>],
    group_of: &mut [usize],
) {
    let others = |sentence: usize, members: &[usize]| -> Vec<usize> {
        members
            .iter()
            .copied()
            .filter(|&m| m != sentence && hits[m].article != hits[sentence].article)
            .collect()
    };
    let gain = |sentence: usize, members: &[usize]| -> f32 {
        others(sentence, members)
            .iter()
            .map(|&m| gain_of(sentence, m) - AGREEMENT_THRESHOLD)
            .sum()
    };
    // Each row's similarity summed over its cross-source pairs, and their
    // count, so a move can keep the row it joins cohesive.
    let mut inner_sum = vec![0.0f32; groups.len()];
    let mut inner_pairs = vec![0usize; groups.len()];
    for (group, members) in groups.iter().enumerate() {
        for &member in members {
            for other in others(member, members) {
                if member < other {
                    inner_sum[group] += sim_of(member, other);
                    inner_pairs[group] += 1;
                }
            }
        }
    }
    for _ in 0..REFINE_PASSES {
        let mut moved_any = false;
        for sentence in 0..hits.len() {
            let current = group_of[sentence];
            let stay = gain(sentence, &groups[current]);
            let mut best: Option<(f32, usize)> = None;
            for (candidate, members) in groups.iter().enumerate() {
                if candidate == current || members.is_empty() {
                    continue;
                }
                let same_source = members
                    .iter()
                    .filter(|&&m| hits[m].article == hits[sentence].article)
                    .count();
                if same_source >= MAX_PER_SOURCE {
                    continue;
                }
                let linked = others(sentence, members);
                let joined_sum =
                    inner_sum[candidate] + linked.iter().map(|&m| sim_of(sentence, m)).sum::<f32>();
                let joined_pairs = inner_pairs[candidate] + linked.len();
                if joined_sum < MIN_COHESION * joined_pairs as f32 {
                    continue;
                }
                let candidate_gain = gain(sentence, members);
                if best.is_none_or(|(g, _)| candidate_gain > g) {
                    best = Some((candidate_gain, candidate));
                }
            }
            let target = match best {
                Some((candidate_gain, candidate))
                    if candidate_gain > stay + MOVE_MARGIN && candidate_gain > 0.0 =>
                {
                    Some(candidate)
                }
                _ if stay < 0.0 && groups[current].len() > 1 => {
                    groups.iter().position(Vec::is_empty)
                }
                _ => None,
            };
            if let Some(target) = target {
                for (group, sign) in [(current, -1.0f32), (target, 1.0)] {
                    let linked = others(sentence, &groups[group]);
                    inner_sum[group] +=
                        sign * linked.iter().map(|&m| sim_of(sentence, m)).sum::<f32>();
                    if sign > 0.0 {
                        inner_pairs[group] += linked.len();
                    } else {
                        inner_pairs[group] -= linked.len();
                    }
                }
                groups[current].retain(|&m| m != sentence);
                groups[target].push(sentence);
                groups[target].sort_unstable();
                group_of[sentence] = target;
                moved_any = true;
            }
        }
        if !moved_any {
            break;
        }
    }
}

/// Greedy additive edge contraction: starting from one row per sentence,
/// repeatedly merges the two rows whose cross-source pairs add most
/// agreement (similarity minus `AGREEMENT_THRESHOLD`, summed), while that is
/// positive, the merged row's mean similarity stays above `MIN_COHESION`,
/// and no source would have more than `MAX_PER_SOURCE` sentences in the
/// row. Candidate merges wait in a max-heap; an entry whose rows have
/// changed since it was pushed is stale and skipped, so each merge costs
/// O(rows · log) rather than a scan of every pair.
fn contract(
    hits: &[Hit],
    gain_of: &impl Fn(usize, usize) -> f32,
    sim_of: &impl Fn(usize, usize) -> f32,
) -> (Vec<Vec<usize>>, Vec<usize>) {
    let n = hits.len();
    let mut weight = vec![0.0f32; n * n];
    let mut cross_sum = vec![0.0f32; n * n];
    let mut cross_pairs = vec![0u32; n * n];
    let mut heap = BinaryHeap::new();
    for a in 0..n {
        for b in 0..n {
            if a != b && hits[a].article != hits[b].article {
                weight[a * n + b] = gain_of(a, b) - AGREEMENT_THRESHOLD;
                cross_sum[a * n + b] = sim_of(a, b);
                cross_pairs[a * n + b] = 1;
                if a < b && weight[a * n + b] > 0.0 {
                    heap.push(Candidate::new(weight[a * n + b], a, b, 0, 0));
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut group_of: Vec<usize> = (0..n).collect();
    let mut version = vec![0u32; n];
    // Similarity summed over each row's own cross-source pairs, and their count.
    let mut inner_sum = vec![0.0f32; n];
    let mut inner_pairs = vec![0u32; n];
    let mut per_source: Vec<HashMap<usize, usize>> = hits
        .iter()
        .map(|h| HashMap::from([(h.article, 1)]))
        .collect();
    while let Some(candidate) = heap.pop() {
        let (keep, gone) = (candidate.a, candidate.b);
        let current = groups[keep].is_empty()
            || groups[gone].is_empty()
            || version[keep] != candidate.version_a
            || version[gone] != candidate.version_b;
        if current {
            continue;
        }
        // A refused pair is not retried until one of its rows changes, which
        // pushes a fresh candidate: caps only fill up, cohesion changes with
        // the rows.
        let over_cap = per_source[gone].iter().any(|(source, count)| {
            per_source[keep].get(source).unwrap_or(&0) + count > MAX_PER_SOURCE
        });
        // The merged row's mean similarity across sources: sums of many
        // faint likenesses must not chain unrelated stories into one row.
        let pairs = inner_pairs[keep] + inner_pairs[gone] + cross_pairs[keep * n + gone];
        let total = inner_sum[keep] + inner_sum[gone] + cross_sum[keep * n + gone];
        if over_cap || total < MIN_COHESION * pairs as f32 {
            continue;
        }
        inner_sum[keep] = total;
        inner_pairs[keep] = pairs;
        let moved = std::mem::take(&mut groups[gone]);
        for &member in &moved {
            group_of[member] = keep;
        }
        groups[keep].extend(moved);
        groups[keep].sort_unstable();
        for (source, count) in std::mem::take(&mut per_source[gone]) {
            *per_source[keep].entry(source).or_default() += count;
        }
        version[keep] += 1;
        for h in 0..n {
            if h != keep && h != gone && !groups[h].is_empty() {
                weight[keep * n + h] += weight[gone * n + h];
                weight[h * n + keep] = weight[keep * n + h];
                cross_sum[keep * n + h] += cross_sum[gone * n + h];
                cross_sum[h * n + keep] = cross_sum[keep * n + h];
                cross_pairs[keep * n + h] += cross_pairs[gone * n + h];
                cross_pairs[h * n + keep] = cross_pairs[keep * n + h];
                if weight[keep * n + h] > 0.0 {
                    let (a, b) = (keep.min(h), keep.max(h));
                    heap.push(Candidate::new(
                        weight[keep * n + h],
                        a,
                        b,
                        version[a],
                        version[b],
                    ));
                }
            }
        }
    }
    (groups, group_of)
}

/// A possible merge of rows `a` < `b`, as of their versions when pushed.
struct Candidate {
    weight: f32,
    a: usize,
    b: usize,
    version_a: u32,
    version_b: u32,
}

impl Candidate {
    fn new(weight: f32, a: usize, b: usize, version_a: u32, version_b: u32) -> Self {
        Candidate {
            weight,
            a,
            b,
            version_a,
            version_b,
        }
    }
}

impl Ord for Candidate {
    /// Heaviest first; ties by the rows' identity order, so the result does
    /// not depend on the order of the sources.
    fn cmp(&self, other: &Self) -> Ordering {
        self.weight
            .total_cmp(&other.weight)
            .then(other.a.cmp(&self.a))
            .then(other.b.cmp(&self.b))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Candidate {}

/// Gives a row of its own to every sentence that has no counterpart at least
/// `LINK_THRESHOLD` similar in its row: many faint likenesses (two wire
/// stories that both mention "mln dlrs") add up under the sums the rows are
/// built from, but a row claims that its sources report the same thing, and
/// each sentence in it must match one of the others for real.
fn drop_unlinked(
    hits: &[Hit],
    sim_of: &impl Fn(usize, usize) -> f32,
    groups: &mut Vec<Vec<usize>>,
) {
    let mut alone = Vec::new();
    for members in groups.iter_mut() {
        loop {
            let unlinked = members.iter().copied().find(|&sentence| {
                !members.iter().any(|&other| {
                    hits[other].article != hits[sentence].article
                        && sim_of(sentence, other) >= LINK_THRESHOLD
                })
            });
            match unlinked {
                Some(sentence) if members.len() > 1 => {
                    members.retain(|&m| m != sentence);
                    alone.push(vec![sentence]);
                }
                _ => break,
            }
        }
    }
    groups.extend(alone);
}

fn source_count(group: &Group) -> usize {
    let sources: HashSet<usize> = group.members.iter().map(|m| m.article).collect();
    sources.len()
}

const CONCEPTS: &str = include_str!("../../assets/concepts.toml");
/// Weight of a shared word family ("rejected" / "refuses"), per unit of its
/// rarity among the retrieved sentences.
const CONCEPT_WEIGHT: f32 = 1.0;

/// Word families from `assets/concepts.toml`: each a list of stem sequences.
pub struct Concepts {
    pub(crate) families: Vec<Vec<Vec<String>>>,
}

impl Concepts {
    /// The built-in families, parsed once per process.
    pub fn builtin() -> &'static Concepts {
        static CONCEPTS_ONCE: std::sync::OnceLock<Concepts> = std::sync::OnceLock::new();
        CONCEPTS_ONCE.get_or_init(Concepts::parse)
    }

    fn parse() -> Concepts {
        #[derive(serde::Deserialize)]
        struct File {
            families: Vec<Vec<String>>,
        }
        let normalizer = Normalizer::default();
        let families = toml::from_str::<File>(CONCEPTS)
            .map(|file| file.families)
            .unwrap_or_default()
            .iter()
            .map(|family| {
                family
                    .iter()
                    .map(|member| normalizer.phrase_stems(member))
                    .filter(|stems| !stems.is_empty())
                    .collect()
            })
            .collect();
        Concepts { families }
    }

    /// The families whose members occur in `tokens`.
    fn found(&self, tokens: &[Token]) -> Vec<usize> {
        self.families
            .iter()
            .enumerate()
            .filter(|(_, members)| {
                members.iter().any(|stems| {
                    tokens.windows(stems.len()).any(|window| {
                        window
                            .iter()
                            .zip(stems)
                            .all(|(token, stem)| *token.stem == **stem)
                    })
                })
            })
            .map(|(family, _)| family)
            .collect()
    }
}

fn features(corpus: &Corpus, index: &CorpusIndex, topic: &Topic, hits: &[Hit]) -> Vec<Features> {
    let concepts = Concepts::builtin();
    let tokens_of = |hit: &Hit| {
        index
            .sentences
            .get(hit.article)
            .and_then(|s| s.get(hit.sentence))
            .map_or(&[][..], |s| &s.tokens[..])
    };
    // A topic group (a term or phrase with its synonyms) or a word family
    // that few of the retrieved sentences use is evidence that two of them
    // say the same thing; one that most use says nothing.
    let groups: Vec<Vec<(usize, f32)>> = hits
        .iter()
        .map(|h| topic.matched_groups(tokens_of(h)))
        .collect();
    let families: Vec<Vec<usize>> = hits.iter().map(|h| concepts.found(tokens_of(h))).collect();
    let mut group_frequency: HashMap<usize, usize> = HashMap::new();
    for matched in &groups {
        for (group, _) in matched {
            *group_frequency.entry(*group).or_default() += 1;
        }
    }
    let mut family_frequency: HashMap<usize, usize> = HashMap::new();
    for found in &families {
        for family in found {
            *family_frequency.entry(*family).or_default() += 1;
        }
    }
    let hit_count = hits.len().max(1) as f32;
    let family_weight = |family: usize| -> f32 {
        let frequency = family_frequency.get(&family).copied().unwrap_or(1) as f32;
        let rarity = ((hit_count + 1.0) / (frequency + 0.5)).ln().max(0.0);
        let on_topic = concepts.families[family]
            .iter()
            .any(|stems| stems.iter().any(|stem| topic.uses_stem(stem)));
        CONCEPT_WEIGHT * rarity * if on_topic { TOPIC_WORD_WEIGHT } else { 1.0 }
    };
    let mut ids = FeatureIds::default();
    hits.iter()
        .zip(&groups)
        .map(|(hit, matched)| {
            let article = &corpus.articles[hit.article];
            let sentence = article.sentences[hit.sentence];
            let tokens = tokens_of(hit);
            let mut whole = word_weights(index, topic, tokens, &mut ids);
            for family in concepts.found(tokens) {
                *whole.entry(ids.of(format!("~{family}"))).or_default() += family_weight(family);
            }
            for (group, weight) in matched {
                let frequency = group_frequency.get(group).copied().unwrap_or(1) as f32;
                let rarity = (hit_count / frequency).ln();
                if rarity > 0.0 {
                    *whole.entry(ids.of(format!("#{group}"))).or_default() +=
                        GROUP_WEIGHT * weight * rarity;
                }
            }
            let clauses = clauses(&article.body, tokens)
                .into_iter()
                .map(|range| {
                    let mut weights = word_weights(index, topic, &tokens[range.clone()], &mut ids);
                    for family in concepts.found(&tokens[range]) {
                        *weights.entry(ids.of(format!("~{family}"))).or_default() +=
                            family_weight(family);
                    }
                    Vector::from(weights)
                })
                .collect();
            let speaker = article
                .claims
                .iter()
                .find(|c| c.start < sentence.end && sentence.start < c.end)
                .and_then(|c| c.speaker.as_ref())
                .map(|s| s.to_lowercase());
            let mut entities: HashSet<String> = HashSet::new();
            for name in sentence_entities(article, hit.sentence) {
                entities.insert(name.to_lowercase());
                if let Some(country) = crate::entities::gazetteer::country_of_capital(name) {
                    entities.insert(country.to_lowercase());
                }
            }
            Features {
                whole: Vector::from(whole),
                clauses,
                entities,
                speaker,
            }
        })
        .collect()
}

/// Dense ids for the features of one alignment run.
#[derive(Default)]
struct FeatureIds(HashMap<String, u32>);

impl FeatureIds {
    fn of(&mut self, key: String) -> u32 {
        let next = self.0.len() as u32;
        *self.0.entry(key).or_insert(next)
    }
}

/// Content words and numbers weighted by rarity in the corpus, the topic's
/// own words discounted, plus word prefixes.
fn word_weights(
    index: &CorpusIndex,
    topic: &Topic,
    tokens: &[Token],
    ids: &mut FeatureIds,
) -> HashMap<u32, f32> {
    let mut weights: HashMap<u32, f32> = HashMap::new();
    for token in tokens {
        // Two statements that both deny something agree on more than their
        // shared words show.
        if NEGATIONS.contains(&&*token.norm) {
            *weights.entry(ids.of("¬".to_string())).or_default() += NEGATION_WEIGHT;
        }
        if token.is_stopword || (!token.is_number && token.stem.chars().count() < 2) {
            continue;
        }
        let mut weight = index.idf(&token.stem);
        if topic.uses_stem(&token.stem) {
            weight *= TOPIC_WORD_WEIGHT;
        }
        *weights.entry(ids.of(token.stem.to_string())).or_default() += weight;
        // A capital stands for its country's government: "Kyiv will not
        // cede" and "Ukraine will not compromise" say the same.
        for country in capital_country_stems(&token.norm) {
            let weight = index.idf(&country);
            *weights.entry(ids.of(country)).or_default() += weight;
        }
        // Derivations the stemmer keeps apart ("contentious" / "contention",
        // "Russia" / "Russian") still share their first letters.
        if !token.is_number && token.norm.chars().count() >= PREFIX_CHARS {
            let prefix: String = token.norm.chars().take(PREFIX_CHARS).collect();
            *weights.entry(ids.of(format!("{prefix}…"))).or_default() += weight * PREFIX_WEIGHT;
        }
    }
    weights
}

/// Words that deny what their clause says.
const NEGATIONS: &[&str] = &["not", "never", "no", "cannot", "n't", "without", "nor"];
/// Weight of a shared denial.
const NEGATION_WEIGHT: f32 = 2.0;

/// The content stems of the country whose capital `word` (lowercased) names.
fn capital_country_stems(word: &str) -> Vec<String> {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Vec::new();
    };
    let name: String = first.to_uppercase().chain(chars).collect();
    let Some(country) = crate::entities::gazetteer::country_of_capital(&name) else {
        return Vec::new();
    };
    Normalizer::default()
        .tokens(country, 0)
        .into_iter()
        .filter(|t| !t.is_stopword)
        .map(|t| t.stem.to_string())
        .collect()
}

/// Words that open a clause of their own inside a sentence.
const CLAUSE_OPENERS: &[&str] = &[
    "while", "though", "although", "but", "whereas", "which", "who", "if", "because", "as",
    "after", "before", "since", "unless", "until", "without", "when", "where", "so",
];
/// Characters that end a clause.
const CLAUSE_BREAKS: &[char] = &[
    ',', ';', ':', '(', ')', '"', '\u{201c}', '\u{201d}', '\u{2014}', '\u{2013}',
];
/// A clause needs this many content words; shorter pieces join the next.
const MIN_CLAUSE_WORDS: usize = 3;

/// Token ranges of the clauses of a sentence: news sentences pack several
/// facts ("details remain undisclosed, though their acceptance suggests
/// ..."), and two sources often share one of them and nothing else.
fn clauses(body: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut words = 0;
    for (at, token) in tokens.iter().enumerate() {
        if at > start && words >= MIN_CLAUSE_WORDS {
            let gap = body.get(tokens[at - 1].end..token.start).unwrap_or("");
            if gap.contains(CLAUSE_BREAKS) || CLAUSE_OPENERS.contains(&&*token.norm) {
                ranges.push(start..at);
                start = at;
                words = 0;
            }
        }
        if !token.is_stopword {
            words += 1;
        }
    }
    if start < tokens.len() {
        match ranges.last_mut() {
            Some(last) if words < MIN_CLAUSE_WORDS => last.end = tokens.len(),
            _ => ranges.push(start..tokens.len()),
        }
    }
    ranges
}

/// A sparse weighted feature vector, sorted by feature id.
struct Vector {
    entries: Vec<(u32, f32)>,
    /// Euclidean length and sum of the weights.
    norm: f32,
    total: f32,
}

impl From<HashMap<u32, f32>> for Vector {
    fn from(weights: HashMap<u32, f32>) -> Vector {
        let mut entries: Vec<(u32, f32)> = weights.into_iter().collect();
        entries.sort_unstable_by_key(|(id, _)| *id);
        let norm = entries.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        let total = entries.iter().map(|(_, w)| w).sum::<f32>();
        Vector {
            entries,
            norm,
            total,
        }
    }
}

impl Vector {
    /// Cosine, and the weight the two share relative to the lighter one.
    fn compare(&self, other: &Vector) -> (f32, f32) {
        let mut dot = 0.0;
        let mut common = 0.0;
        let (mut x, mut y) = (0, 0);
        while x < self.entries.len() && y < other.entries.len() {
            match self.entries[x].0.cmp(&other.entries[y].0) {
                Ordering::Less => x += 1,
                Ordering::Greater => y += 1,
                Ordering::Equal => {
                    dot += self.entries[x].1 * other.entries[y].1;
                    common += self.entries[x].1.min(other.entries[y].1);
                    x += 1;
                    y += 1;
                }
            }
        }
        let cosine = if self.norm > 0.0 && other.norm > 0.0 {
            dot / (self.norm * other.norm)
        } else {
            0.0
        };
        let lighter = self.total.min(other.total);
        let overlap = if lighter > 0.0 { common / lighter } else { 0.0 };
        (cosine, overlap)
    }
}

/// How similar two retrieved sentences are, as alignment sees them (with the
/// rest of the topic's sentences in `articles` as background); for
/// diagnostics and quality reports.
pub fn pair_similarity(
    corpus: &Corpus,
    index: &CorpusIndex,
    topic: &Topic,
    articles: &[usize],
    a: Hit,
    b: Hit,
) -> f32 {
    let mut hits = crate::topics::retrieve(corpus, index, topic, articles);
    for hit in [a, b] {
        if !hits
            .iter()
            .any(|h| h.article == hit.article && h.sentence == hit.sentence)
        {
            hits.push(hit);
        }
    }
    let position = |hit: Hit| {
        hits.iter()
            .position(|h| h.article == hit.article && h.sentence == hit.sentence)
    };
    let (Some(x), Some(y)) = (position(a), position(b)) else {
        return 0.0;
    };
    let features = features(corpus, index, topic, &hits);
    similarity(&features[x], &features[y])
}

fn similarity(a: &Features, b: &Features) -> f32 {
    // The overlap with the lighter sentence: a terse report of a fact still
    // matches a long sentence that reports it among other things.
    let (cosine, overlap) = a.whole.compare(&b.whole);
    let mut sim = (cosine + overlap) / 2.0;
    let best_clause = a
        .clauses
        .iter()
        .flat_map(|x| b.clauses.iter().map(move |y| x.compare(y).0))
        .fold(0.0, f32::max);
    sim = sim.max(CLAUSE_WEIGHT * best_clause);
    if !a.entities.is_empty() && !b.entities.is_empty() {
        let shared = a.entities.intersection(&b.entities).count() as f32;
        let union = a.entities.union(&b.entities).count() as f32;
        sim += ENTITY_WEIGHT * shared / union;
    }
    if a.speaker.is_some() && a.speaker == b.speaker {
        sim += SPEAKER_WEIGHT;
    }
    sim
}

#[cfg(test)]
mod tests;
