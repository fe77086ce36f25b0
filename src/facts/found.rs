//! Topics found in the corpus itself: groups of facts of two or more
//! sources on one subject, each labelled with its most telling words, so any
//! folder (a central-bank decision, an election) offers its own subjects.
//!
//! Facts join topics leader-first: the most widely carried fact starts a
//! topic and each next fact joins the topic whose words it shares most, if
//! it shares enough, else starts its own. The facts' order is the corpus'
//! own (by sources, then article id), so the topics are too.

use super::Facts;
use super::features::Kind;
use crate::model::Corpus;
use crate::topics::{CorpusIndex, Topic, TopicOrigin, TopicSpec};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Cosine between a fact and a topic's words for the fact to join it.
const JOIN_COSINE: f32 = 0.2;
/// Words of a label.
const LABEL_WORDS: usize = 3;
/// At most this many found topics are offered, those with most facts first.
pub const MAX_FOUND: usize = 40;
/// A fact's features used to find the topics it might join.
const FACT_KEYS: usize = 8;

/// The found topics of a corpus, most facts first.
pub fn topics(corpus: &Corpus, index: &CorpusIndex, facts: &Facts) -> Vec<Topic> {
    let table = &facts.table;
    let node_of: HashMap<super::SentenceRef, usize> = table
        .nodes
        .iter()
        .enumerate()
        .map(|(at, node)| {
            (
                super::SentenceRef {
                    article: node.article,
                    sentence: node.sentence,
                },
                at,
            )
        })
        .collect();
    let subject = |id: u32| {
        matches!(
            table.kinds[id as usize],
            Kind::Word | Kind::Entity | Kind::Family
        )
    };
    // A fact's subject words, each weighted by how many of its sentences
    // use it, so one outlet's aside does not steer the grouping.
    let vectors: Vec<Vec<(u32, f32)>> = facts
        .facts
        .iter()
        .map(|fact| {
            let mut weights: BTreeMap<u32, f32> = BTreeMap::new();
            for member in &fact.members {
                let Some(&node) = node_of.get(member) else {
                    continue;
                };
                for &(id, weight) in &table.features[node].weights {
                    if subject(id) {
                        *weights.entry(id).or_default() += weight / fact.members.len() as f32;
                    }
                }
            }
            weights.into_iter().collect()
        })
        .collect();
    let mut groups: Vec<(Vec<usize>, HashMap<u32, f32>)> = Vec::new();
    let mut topics_with: HashMap<u32, Vec<usize>> = HashMap::new();
    for (fact, vector) in vectors.iter().enumerate() {
        let mut keys: Vec<(u32, f32)> = vector.clone();
        keys.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        keys.truncate(FACT_KEYS);
        let mut candidates: Vec<usize> = keys
            .iter()
            .filter_map(|(id, _)| topics_with.get(id))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let best = candidates
            .into_iter()
            .map(|group| (group, cosine(vector, &groups[group].1)))
            .filter(|(_, similarity)| *similarity >= JOIN_COSINE)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let group = match best {
            Some((group, _)) => group,
            None => {
                groups.push((Vec::new(), HashMap::new()));
                groups.len() - 1
            }
        };
        groups[group].0.push(fact);
        for &(id, weight) in vector {
            let entry = groups[group].1.entry(id).or_default();
            if *entry == 0.0 {
                topics_with.entry(id).or_default().push(group);
            }
            *entry += weight;
        }
    }
    groups.sort_by(|a, b| {
        let sources = |g: &[usize]| g.iter().map(|&f| facts.sources(f)).sum::<usize>();
        b.0.len()
            .cmp(&a.0.len())
            .then_with(|| sources(&b.0).cmp(&sources(&a.0)))
            .then_with(|| a.0.cmp(&b.0))
    });
    groups.truncate(MAX_FOUND);
    let mut ids = HashSet::new();
    groups
        .into_iter()
        .map(|(members, centroid)| {
            let words = label_words(corpus, index, facts, &members, &centroid);
            let label = words.join(", ");
            let mut id = format!("found-{}", crate::topics::slug(&label));
            let mut suffix = 2;
            while !ids.insert(id.clone()) {
                id = format!("found-{}-{suffix}", crate::topics::slug(&label));
                suffix += 1;
            }
            let spec = TopicSpec {
                id,
                label,
                terms: words.iter().map(|w| (w.clone(), 1.0)).collect(),
                phrases: BTreeMap::new(),
                synonyms: BTreeMap::new(),
                entities: BTreeMap::new(),
                threshold: Some(2.0f32.min(words.len() as f32)),
            };
            let mut topic = Topic::compile(&spec, TopicOrigin::Found, &Default::default());
            topic.facts = members;
            topic
        })
        .collect()
}

fn cosine(vector: &[(u32, f32)], centroid: &HashMap<u32, f32>) -> f32 {
    let dot: f32 = vector
        .iter()
        .map(|(id, w)| w * centroid.get(id).copied().unwrap_or(0.0))
        .sum();
    let norm_a: f32 = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    let norm_b: f32 = centroid.values().map(|w| w * w).sum::<f32>().sqrt();
    if norm_a == 0.0 || norm_b == 0.0 {
        0.0
    } else {
        dot / (norm_a * norm_b)
    }
}

/// The topic's heaviest words and names as its sentences write them.
fn label_words(
    corpus: &Corpus,
    index: &CorpusIndex,
    facts: &Facts,
    members: &[usize],
    centroid: &HashMap<u32, f32>,
) -> Vec<String> {
    let table = &facts.table;
    let mut ranked: Vec<(u32, f32)> = centroid
        .iter()
        .filter(|(id, _)| matches!(table.kinds[**id as usize], Kind::Word | Kind::Entity))
        .map(|(id, w)| (*id, *w))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    // Surface forms: the commonest way the topic's sentences write a stem,
    // the canonical name for an entity.
    let mut written: HashMap<&str, BTreeMap<String, usize>> = HashMap::new();
    let mut names: HashMap<String, String> = HashMap::new();
    for &fact in members {
        for member in &facts.facts[fact].members {
            let article = &corpus.articles[member.article];
            for token in &index.sentences[member.article][member.sentence].tokens {
                *written
                    .entry(&*token.stem)
                    .or_default()
                    .entry(token.norm.to_string())
                    .or_default() += 1;
            }
            for name in crate::topics::sentence_entities(article, member.sentence) {
                names.insert(name.to_lowercase(), name.to_string());
            }
        }
    }
    let mut words: Vec<String> = Vec::new();
    let mut covered: HashSet<String> = HashSet::new();
    for (id, _) in ranked {
        if words.len() == LABEL_WORDS {
            break;
        }
        let name = &*table.names[id as usize];
        let word = match table.kinds[id as usize] {
            Kind::Entity => names.get(name).cloned(),
            _ => written.get(name).and_then(|forms| {
                forms
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(form, _)| names.get(form).cloned().unwrap_or_else(|| form.clone()))
            }),
        };
        let Some(word) = word else { continue };
        // A name's own words say nothing more once the name is there.
        let lower = word.to_lowercase();
        if covered.contains(&lower) || lower.split_whitespace().all(|w| covered.contains(w)) {
            continue;
        }
        covered.insert(lower.clone());
        covered.extend(lower.split_whitespace().map(str::to_string));
        words.push(word);
    }
    if words.is_empty() {
        words.push("shared reports".to_string());
    }
    words
}
