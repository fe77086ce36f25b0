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
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Cosine between a fact and a topic's words for the fact to join it.
const JOIN_COSINE: f32 = 0.2;
/// Words of a label.
const LABEL_WORDS: usize = 3;
/// At most this many found topics are offered, those with most facts first.
pub const MAX_FOUND: usize = 40;
/// A fact's features used to find the topics it might join.
const FACT_KEYS: usize = 8;
/// Topics a fact is measured against, those sharing most of its keys.
const MAX_CANDIDATES: usize = 24;

/// The found topics of a corpus, most facts first.
pub fn topics(corpus: &Corpus, index: &CorpusIndex, facts: &Facts) -> Vec<Topic> {
    let table = &facts.table;
    let node_of = &facts.node_of;
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
    let mut groups: Vec<Group> = Vec::new();
    let mut topics_with: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (fact, vector) in vectors.iter().enumerate() {
        let mut keys: Vec<(u32, f32)> = vector.clone();
        keys.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        keys.truncate(FACT_KEYS);
        // The topics sharing most of the fact's heaviest words; a common
        // word shared with thousands of topics says nothing of which.
        let mut shared_keys: FxHashMap<usize, usize> = FxHashMap::default();
        for group in keys
            .iter()
            .filter_map(|(id, _)| topics_with.get(id))
            .flatten()
        {
            *shared_keys.entry(*group).or_default() += 1;
        }
        let mut candidates: Vec<(usize, usize)> = shared_keys.into_iter().collect();
        candidates.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(MAX_CANDIDATES);
        let candidates: Vec<usize> = candidates.into_iter().map(|(group, _)| group).collect();
        let best = candidates
            .into_iter()
            .map(|group| (group, groups[group].cosine(vector)))
            .filter(|(_, similarity)| *similarity >= JOIN_COSINE)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let group = match best {
            Some((group, _)) => group,
            None => {
                groups.push(Group::default());
                groups.len() - 1
            }
        };
        for id in groups[group].add(fact, vector) {
            topics_with.entry(id).or_default().push(group);
        }
    }
    let mut groups: Vec<(Vec<usize>, FxHashMap<u32, f32>)> =
        groups.into_iter().map(|g| (g.facts, g.centroid)).collect();
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

/// Facts on one subject and the sum of their word vectors.
#[derive(Default)]
struct Group {
    facts: Vec<usize>,
    centroid: FxHashMap<u32, f32>,
    /// The centroid's squared norm, kept as facts join, so a cosine costs
    /// the fact's words rather than the topic's.
    norm_squared: f32,
}

impl Group {
    /// Adds a fact; returns the words the group did not have before.
    fn add(&mut self, fact: usize, vector: &[(u32, f32)]) -> Vec<u32> {
        self.facts.push(fact);
        let mut new = Vec::new();
        for &(id, weight) in vector {
            let entry = self.centroid.entry(id).or_default();
            if *entry == 0.0 {
                new.push(id);
            }
            self.norm_squared += (*entry + weight).powi(2) - entry.powi(2);
            *entry += weight;
        }
        new
    }

    fn cosine(&self, vector: &[(u32, f32)]) -> f32 {
        let dot: f32 = vector
            .iter()
            .map(|(id, w)| w * self.centroid.get(id).copied().unwrap_or(0.0))
            .sum();
        let norm: f32 = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        let centroid = self.norm_squared.max(0.0).sqrt();
        if norm == 0.0 || centroid == 0.0 {
            0.0
        } else {
            dot / (norm * centroid)
        }
    }
}

/// The topic's heaviest words and names as its sentences write them.
fn label_words(
    corpus: &Corpus,
    index: &CorpusIndex,
    facts: &Facts,
    members: &[usize],
    centroid: &FxHashMap<u32, f32>,
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
