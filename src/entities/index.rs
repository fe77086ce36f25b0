//! The corpus entity index: every linked entity with its variants and where it
//! is mentioned. Shared by `crossread entities` and the reader's side panel.

use crate::model::{Corpus, EntityType};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The mentions of one entity in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityMention {
    pub article: String,
    /// Index of the article in the corpus.
    #[serde(skip)]
    pub article_index: usize,
    pub count: usize,
    /// Byte offsets of each mention into the article body.
    pub offsets: Vec<(usize, usize)>,
}

/// One entity of the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityIndexEntry {
    pub canonical: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Every distinct surface form, sorted.
    pub variants: Vec<String>,
    pub mentions: Vec<EntityMention>,
}

impl EntityIndexEntry {
    pub fn total_mentions(&self) -> usize {
        self.mentions.iter().map(|mention| mention.count).sum()
    }
}

/// All entities of the corpus, most mentioned first (ties by name).
pub fn entity_index(corpus: &Corpus) -> Vec<EntityIndexEntry> {
    type Key = (Arc<str>, EntityType);
    let mut variants: BTreeMap<Key, BTreeSet<String>> = BTreeMap::new();
    let mut mentions: BTreeMap<Key, Vec<EntityMention>> = BTreeMap::new();
    for (article_index, article) in corpus.articles.iter().enumerate() {
        for entity in &article.entities {
            let key = (entity.canonical.clone(), entity.kind);
            variants.entry(key.clone()).or_default().insert(
                entity
                    .text(&article.body)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            let list = mentions.entry(key).or_default();
            match list.last_mut() {
                Some(last) if last.article_index == article_index => {
                    last.count += 1;
                    last.offsets.push((entity.start, entity.end));
                }
                _ => list.push(EntityMention {
                    article: article.id.clone(),
                    article_index,
                    count: 1,
                    offsets: vec![(entity.start, entity.end)],
                }),
            }
        }
    }
    let mut entries: Vec<EntityIndexEntry> = mentions
        .into_iter()
        .map(|((canonical, kind), mentions)| EntityIndexEntry {
            variants: variants
                .remove(&(canonical.clone(), kind))
                .map(|set| set.into_iter().collect())
                .unwrap_or_default(),
            canonical: canonical.to_string(),
            kind,
            mentions,
        })
        .collect();
    entries.sort_by(|a, b| {
        b.total_mentions()
            .cmp(&a.total_mentions())
            .then_with(|| a.canonical.cmp(&b.canonical))
    });
    entries
}

/// The entities of one article with their mention counts, most mentioned first.
pub fn article_entities(corpus: &Corpus, article_index: usize) -> Vec<(String, EntityType, usize)> {
    let Some(article) = corpus.articles.get(article_index) else {
        return Vec::new();
    };
    let mut counts: BTreeMap<(String, EntityType), usize> = BTreeMap::new();
    for entity in &article.entities {
        *counts
            .entry((entity.canonical.to_string(), entity.kind))
            .or_default() += 1;
    }
    let mut list: Vec<(String, EntityType, usize)> = counts
        .into_iter()
        .map(|((name, kind), count)| (name, kind, count))
        .collect();
    list.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    list
}
