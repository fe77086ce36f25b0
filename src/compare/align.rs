//! Alignment: groups retrieved sentences from different sources that report
//! the same fact or position.
//!
//! Similarity of two sentences is the cosine of their content words (stems,
//! stopwords out, weighted by rarity in the corpus, the topic's own vocabulary
//! discounted because every retrieved sentence shares it), plus agreement on
//! canonical entities, numbers and the claim's speaker. Groups grow greedily
//! from the most distinctive pair down (similarity corrected for hubness, so
//! a generic sentence does not collect everyone's best counterpart), under
//! average linkage and a cap on sentences per source. Every ordering decision uses the sentences' own
//! identity (article id, offset), never the order sources were given in, so
//! the result is the same for any permutation of the sources.

use crate::compare::text::{Normalizer, Token};
use crate::model::Corpus;
use crate::topics::{CorpusIndex, Hit, Topic, sentence_entities};
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// At most this many sentences of one source share a row.
pub const MAX_PER_SOURCE: usize = 3;
/// Two sentences this similar may share a row.
pub const LINK_THRESHOLD: f32 = 0.15;
/// Two groups merge only if their sentences are this similar on average.
pub const MERGE_THRESHOLD: f32 = 0.10;
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
const NUMBER_WEIGHT: f32 = 0.05;
const SPEAKER_WEIGHT: f32 = 0.1;

/// The sentences of one row, with its cohesion and relevance.
#[derive(Debug, Clone)]
pub struct Group {
    pub members: Vec<Hit>,
    pub score: f32,
    pub relevance: f32,
}

struct Features {
    /// (feature id, weight), sorted by id.
    vector: Vec<(u32, f32)>,
    /// Euclidean length and sum of the weights.
    norm: f32,
    total: f32,
    entities: HashSet<String>,
    numbers: HashSet<String>,
    speaker: Option<String>,
}

/// Groups `hits` into rows, most widely carried first.
pub fn align(corpus: &Corpus, index: &CorpusIndex, topic: &Topic, hits: &[Hit]) -> Vec<Group> {
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

    let features = features(corpus, index, topic, &hits);
    let n = hits.len();
    let mut similar: HashMap<(usize, usize), f32> = HashMap::new();
    let mut candidates = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            if hits[i].article == hits[j].article {
                continue;
            }
            let sim = similarity(&features[i], &features[j]);
            if sim > 0.0 {
                similar.insert((i, j), sim);
            }
        }
    }
    // Hub correction (cross-domain similarity local scaling): a generic
    // sentence ("what are these guarantees?") is fairly similar to everything
    // and would otherwise pull the best counterparts of many sentences into
    // its row. Candidate links are ranked by how much more similar a pair is
    // than each side is to its usual near neighbours; the raw similarity
    // still has to clear the link threshold.
    let mut near: Vec<Vec<f32>> = vec![Vec::new(); n];
    for (&(i, j), &sim) in &similar {
        near[i].push(sim);
        near[j].push(sim);
    }
    let hub: Vec<f32> = near
        .iter_mut()
        .map(|sims| {
            sims.sort_unstable_by(|a, b| b.total_cmp(a));
            sims.iter().take(HUB_NEIGHBOURS).sum::<f32>() / HUB_NEIGHBOURS as f32
        })
        .collect();
    for (&(i, j), &sim) in &similar {
        if sim >= LINK_THRESHOLD {
            candidates.push((sim - (hub[i] + hub[j]) / 2.0, i, j));
        }
    }
    // Indices follow the sentences' identity order, so ties break the same way
    // whatever order the sources came in.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));

    let sim_of = |a: usize, b: usize| -> f32 {
        let pair = if a < b { (a, b) } else { (b, a) };
        similar.get(&pair).copied().unwrap_or(0.0)
    };
    // Average linkage kept incrementally: for every pair of live groups, the
    // sum of their cross-source similarities and how many pairs it covers, so
    // a merge decision costs O(1) and a merge O(groups).
    let mut link_sum = vec![0.0f32; n * n];
    let mut link_pairs = vec![0u32; n * n];
    for a in 0..n {
        for b in 0..n {
            if a != b && hits[a].article != hits[b].article {
                link_sum[a * n + b] = sim_of(a, b);
                link_pairs[a * n + b] = 1;
            }
        }
    }
    let mut group_of: Vec<usize> = (0..n).collect();
    let mut groups: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut per_source: Vec<HashMap<usize, usize>> = hits
        .iter()
        .map(|h| HashMap::from([(h.article, 1)]))
        .collect();
    for (_, i, j) in candidates {
        let (gi, gj) = (group_of[i], group_of[j]);
        if gi == gj {
            continue;
        }
        let over_cap = per_source[gj].iter().any(|(source, count)| {
            per_source[gi].get(source).unwrap_or(&0) + count > MAX_PER_SOURCE
        });
        let pairs = link_pairs[gi * n + gj];
        if over_cap || pairs == 0 || link_sum[gi * n + gj] / (pairs as f32) < MERGE_THRESHOLD {
            continue;
        }
        let (keep, gone) = (gi.min(gj), gi.max(gj));
        let moved = std::mem::take(&mut groups[gone]);
        for &member in &moved {
            group_of[member] = keep;
        }
        groups[keep].extend(moved);
        groups[keep].sort_unstable();
        let gone_sources = std::mem::take(&mut per_source[gone]);
        for (source, count) in gone_sources {
            *per_source[keep].entry(source).or_default() += count;
        }
        for h in 0..n {
            if h == keep || h == gone || groups[h].is_empty() {
                continue;
            }
            link_sum[keep * n + h] += link_sum[gone * n + h];
            link_pairs[keep * n + h] += link_pairs[gone * n + h];
            link_sum[h * n + keep] = link_sum[keep * n + h];
            link_pairs[h * n + keep] = link_pairs[keep * n + h];
        }
    }

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
    result.sort_by(|(a, first_a), (b, first_b)| {
        source_count(b)
            .cmp(&source_count(a))
            .then_with(|| b.relevance.total_cmp(&a.relevance))
            .then_with(|| b.score.partial_cmp(&a.score).unwrap_or(Ordering::Equal))
            .then(first_a.cmp(first_b))
    });
    result.into_iter().map(|(group, _)| group).collect()
}

fn source_count(group: &Group) -> usize {
    let sources: HashSet<usize> = group.members.iter().map(|m| m.article).collect();
    sources.len()
}

const CONCEPTS: &str = include_str!("../../assets/concepts.toml");
/// Weight of a shared word family ("rejected" / "refuses").
const CONCEPT_WEIGHT: f32 = 1.5;

/// Word families from `assets/concepts.toml`: each a list of stem sequences.
pub struct Concepts {
    families: Vec<Vec<Vec<String>>>,
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
                            .all(|(token, stem)| token.stem == *stem)
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
    // A topic group (a term or phrase with its synonyms) that few of the
    // retrieved sentences use is evidence that two of them say the same
    // thing; one that most use says nothing.
    let groups: Vec<Vec<(usize, f32)>> = hits
        .iter()
        .map(|h| topic.matched_groups(tokens_of(h)))
        .collect();
    let mut group_frequency: HashMap<usize, usize> = HashMap::new();
    for matched in &groups {
        for (group, _) in matched {
            *group_frequency.entry(*group).or_default() += 1;
        }
    }
    let hit_count = hits.len().max(1) as f32;
    let mut stem_ids: HashMap<String, u32> = HashMap::new();
    let mut id_of = |key: String| -> u32 {
        let next_id = stem_ids.len() as u32;
        *stem_ids.entry(key).or_insert(next_id)
    };
    hits.iter()
        .zip(&groups)
        .map(|(hit, matched)| {
            let article = &corpus.articles[hit.article];
            let sentence = article.sentences[hit.sentence];
            let mut weights: HashMap<u32, f32> = HashMap::new();
            let mut numbers = HashSet::new();
            for token in tokens_of(hit) {
                if token.is_number {
                    numbers.insert(token.norm.clone());
                    continue;
                }
                if token.is_stopword || token.stem.chars().count() < 2 {
                    continue;
                }
                let mut weight = index.idf(&token.stem);
                if topic.uses_stem(&token.stem) {
                    weight *= TOPIC_WORD_WEIGHT;
                }
                *weights.entry(id_of(token.stem.clone())).or_default() += weight;
                // Derivations the stemmer keeps apart ("contentious",
                // "contention") still share their first letters.
                let prefix: String = token.norm.chars().take(PREFIX_CHARS).collect();
                if token.norm.chars().count() > PREFIX_CHARS {
                    *weights.entry(id_of(format!("{prefix}…"))).or_default() +=
                        weight * PREFIX_WEIGHT;
                }
            }
            for family in concepts.found(tokens_of(hit)) {
                *weights.entry(id_of(format!("~{family}"))).or_default() += CONCEPT_WEIGHT;
            }
            for (group, weight) in matched {
                let frequency = group_frequency.get(group).copied().unwrap_or(1) as f32;
                let rarity = (hit_count / frequency).ln();
                if rarity > 0.0 {
                    *weights.entry(id_of(format!("#{group}"))).or_default() +=
                        GROUP_WEIGHT * weight * rarity;
                }
            }
            let mut vector: Vec<(u32, f32)> = weights.into_iter().collect();
            vector.sort_unstable_by_key(|(id, _)| *id);
            let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            let total = vector.iter().map(|(_, w)| w).sum::<f32>();
            let speaker = article
                .claims
                .iter()
                .find(|c| c.start < sentence.end && sentence.start < c.end)
                .and_then(|c| c.speaker.as_ref())
                .map(|s| s.to_lowercase());
            Features {
                vector,
                norm,
                total,
                entities: sentence_entities(article, hit.sentence)
                    .into_iter()
                    .map(str::to_lowercase)
                    .collect(),
                numbers,
                speaker,
            }
        })
        .collect()
}

/// How similar two retrieved sentences are, as alignment sees them; for
/// diagnostics and quality reports.
pub fn pair_similarity(corpus: &Corpus, index: &CorpusIndex, topic: &Topic, a: Hit, b: Hit) -> f32 {
    let features = features(corpus, index, topic, &[a, b]);
    similarity(&features[0], &features[1])
}

fn similarity(a: &Features, b: &Features) -> f32 {
    let mut dot = 0.0;
    let mut common = 0.0;
    let (mut x, mut y) = (0, 0);
    while x < a.vector.len() && y < b.vector.len() {
        match a.vector[x].0.cmp(&b.vector[y].0) {
            Ordering::Less => x += 1,
            Ordering::Greater => y += 1,
            Ordering::Equal => {
                dot += a.vector[x].1 * b.vector[y].1;
                common += a.vector[x].1.min(b.vector[y].1);
                x += 1;
                y += 1;
            }
        }
    }
    let cosine = if a.norm > 0.0 && b.norm > 0.0 {
        dot / (a.norm * b.norm)
    } else {
        0.0
    };
    // The overlap with the shorter sentence: a terse report of a fact still
    // matches a long sentence that reports it among other things.
    let shorter = a.total.min(b.total);
    let overlap = if shorter > 0.0 { common / shorter } else { 0.0 };
    let mut sim = (cosine + overlap) / 2.0;
    if !a.entities.is_empty() && !b.entities.is_empty() {
        let shared = a.entities.intersection(&b.entities).count() as f32;
        let union = a.entities.union(&b.entities).count() as f32;
        sim += ENTITY_WEIGHT * shared / union;
    }
    let shared_numbers = a.numbers.intersection(&b.numbers).count().min(2) as f32;
    sim += NUMBER_WEIGHT * shared_numbers;
    if a.speaker.is_some() && a.speaker == b.speaker {
        sim += SPEAKER_WEIGHT;
    }
    sim
}
