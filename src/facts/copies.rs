//! Syndicated copies: articles that carry the same text as another (a wire
//! story on many sites) count as one source. The first article of a group,
//! by id, is its original; the others mirror its sentences.

use crate::model::Corpus;
use crate::topics::CorpusIndex;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Share of the longer article's sentences the two must have in common.
const COPY_SHARE: f64 = 0.8;
/// A sentence that many originals carry is boilerplate ("Reporting by…"),
/// not evidence of a copy.
const MAX_ORIGINALS_PER_SENTENCE: usize = 32;

#[derive(Debug, Clone, Default)]
pub struct Copies {
    /// For every article, the article it copies (itself for an original).
    original: Vec<usize>,
    /// For every copy, its sentences that mirror one of the original's:
    /// `(copy sentence, original sentence)`, sorted.
    mirrors: HashMap<usize, Vec<(usize, usize)>>,
}

impl Copies {
    pub fn find(corpus: &Corpus, index: &CorpusIndex, order: &[usize]) -> Copies {
        let n = corpus.articles.len();
        let mut original: Vec<usize> = (0..n).collect();
        let mut mirrors = HashMap::new();
        let mut carried_by: HashMap<u64, Vec<(usize, usize)>> = HashMap::new();
        let mut sentence_count: HashMap<usize, usize> = HashMap::new();
        for &article in order {
            let hashes = sentence_hashes(index, article);
            let mut shared: HashMap<usize, usize> = HashMap::new();
            for (_, hash) in &hashes {
                if let Some(carriers) = carried_by.get(hash)
                    && carriers.len() <= MAX_ORIGINALS_PER_SENTENCE
                {
                    let mut counted: Vec<usize> = carriers.iter().map(|(a, _)| *a).collect();
                    counted.dedup();
                    for carrier in counted {
                        *shared.entry(carrier).or_default() += 1;
                    }
                }
            }
            let best = shared
                .iter()
                .filter(|(candidate, count)| {
                    let theirs = sentence_count.get(candidate).copied().unwrap_or(usize::MAX);
                    let longer = hashes.len().max(theirs);
                    **count as f64 >= COPY_SHARE * longer as f64
                })
                .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))
                .map(|(candidate, _)| *candidate);
            match best {
                Some(of) => {
                    original[article] = of;
                    let mut mirrored: Vec<(usize, usize)> = hashes
                        .iter()
                        .filter_map(|(sentence, hash)| {
                            let carriers = carried_by.get(hash)?;
                            let (_, theirs) = carriers.iter().find(|(a, _)| *a == of)?;
                            Some((*sentence, *theirs))
                        })
                        .collect();
                    mirrored.sort_unstable();
                    mirrored.dedup_by_key(|(mine, _)| *mine);
                    mirrors.insert(article, mirrored);
                }
                None if !hashes.is_empty() => {
                    sentence_count.insert(article, hashes.len());
                    for (sentence, hash) in hashes {
                        let carriers = carried_by.entry(hash).or_default();
                        if !carriers.iter().any(|(a, _)| *a == article) {
                            carriers.push((article, sentence));
                        }
                    }
                }
                None => {}
            }
        }
        Copies { original, mirrors }
    }

    /// The article `article` copies, or itself.
    pub fn original_of(&self, article: usize) -> usize {
        self.original.get(article).copied().unwrap_or(article)
    }

    pub fn is_copy(&self, article: usize) -> bool {
        self.original_of(article) != article
    }

    /// Every original that has copies, with its copies in article order.
    pub fn groups(&self) -> std::collections::BTreeMap<usize, Vec<usize>> {
        let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for (article, &original) in self.original.iter().enumerate() {
            if original != article {
                groups.entry(original).or_default().push(article);
            }
        }
        groups
    }

    /// The original's sentence a copy's sentence mirrors.
    pub fn mirrored(&self, article: usize, sentence: usize) -> Option<usize> {
        let mirrored = self.mirrors.get(&article)?;
        let at = mirrored
            .binary_search_by_key(&sentence, |(mine, _)| *mine)
            .ok()?;
        Some(mirrored[at].1)
    }

    /// The copy's sentence that mirrors the original's `sentence`.
    pub fn mirror_in(&self, copy: usize, sentence: usize) -> Option<usize> {
        self.mirrors
            .get(&copy)?
            .iter()
            .find(|(_, theirs)| *theirs == sentence)
            .map(|(mine, _)| *mine)
    }
}

/// A hash of each sentence's words, case and punctuation aside; sentences
/// with fewer than three words are left out (datelines, "Photo: AP").
fn sentence_hashes(index: &CorpusIndex, article: usize) -> Vec<(usize, u64)> {
    let mut hashes: Vec<(usize, u64)> = index.sentences[article]
        .iter()
        .enumerate()
        .filter(|(_, s)| s.tokens.len() >= 3)
        .map(|(at, s)| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            for token in &s.tokens {
                token.norm.hash(&mut hasher);
            }
            (at, hasher.finish())
        })
        .collect();
    hashes.sort_by_key(|(_, hash)| *hash);
    hashes.dedup_by_key(|(_, hash)| *hash);
    hashes.sort_unstable();
    hashes
}
