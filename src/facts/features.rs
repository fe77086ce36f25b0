//! What two sentences must share to report the same fact: content words
//! weighted by their rarity both in news at large ([`Background`]) and in
//! the corpus at hand, numbers, canonical entities, word families, the
//! claim's speaker and runs of quoted words; and the first senses of its
//! rare words ([`Synonyms`]), so another report's different word for the
//! same thing can count.

use super::background::Background;
use super::synonyms::Synonyms;
use crate::compare::concepts::Concepts;
use crate::compare::text::Token;
use crate::model::{Article, BlockKind, Corpus};
use crate::topics::{CorpusIndex, sentence_entities};
use std::collections::HashMap;

/// A sentence needs this many content words or numbers to report a fact
/// anyone can match ("Read more." reports nothing).
const MIN_CONTENT_TOKENS: usize = 3;
/// Consecutive quoted words that make one quotation feature.
const SHINGLE: usize = 3;
/// A quotation shares at least this many words with another before it can
/// count as the same quote.
const MIN_QUOTE_WORDS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Number,
    Entity,
    Family,
    Quote,
    Speaker,
}

/// One sentence that can take part in a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Node {
    pub article: usize,
    pub sentence: usize,
}

/// A sentence's features: `(feature, weight)` sorted by feature, distinct.
#[derive(Debug, Default)]
pub(crate) struct Features {
    pub weights: Vec<(u32, f32)>,
    pub total: f32,
    pub speaker: Option<u32>,
    /// `(concept, word feature, weight)` of its rare words' first senses
    /// ([`Synonyms`]), sorted: another sentence's different word for one
    /// of them counts as shared.
    pub concepts: Vec<(u32, u32, f32)>,
    /// The country or other place that opens the sentence as the doer of
    /// its act ("Russia has agreed …"), as an entity feature.
    pub acting_place: Option<u32>,
}

/// The features of every node, with what each feature is.
pub(crate) struct FeatureTable {
    pub nodes: Vec<Node>,
    pub features: Vec<Features>,
    pub kinds: Vec<Kind>,
    /// In how many nodes each feature occurs.
    pub frequency: Vec<u32>,
    /// The text of each feature (a stem, a number, a canonical name...), as
    /// found topics label themselves with it.
    pub names: Vec<Box<str>>,
    /// For each node's article, what marks its story: the names it gives
    /// that are rare in news at large, sorted. Two sentences report one fact
    /// only if their articles share one: two earnings reports of different
    /// companies ("Shr 34 cts vs 39 cts") say nothing about each other.
    pub story: HashMap<usize, Vec<u32>>,
    /// Whether each feature is specific to some story: a name, a figure, a
    /// quotation or a word rare in news at large.
    pub specific: Vec<bool>,
}

/// A word lends its sense to the match only when it is this rare in news at
/// large (about one sentence in 400): common words have many senses and
/// stock synonyms, and matching them joined different statements made in
/// the same stock phrases.
const SYNONYM_IDF: f32 = 6.0;

/// A name is a story mark when one of its words is rarer in the background
/// than this (about one sentence in 700).
const STORY_MARK_IDF: f32 = 6.5;

/// Whether a sentence can carry a fact: not page furniture, and with enough
/// words of its own.
pub(crate) fn takes_part(article: &Article, sentence: usize, tokens: &[Token]) -> bool {
    let Some(s) = article.sentences.get(sentence) else {
        return false;
    };
    let furniture = article
        .blocks
        .get(s.block)
        .is_some_and(|block| block.kind == BlockKind::Boilerplate);
    let content = tokens
        .iter()
        .filter(|t| !t.is_stopword && (t.is_number || t.stem.chars().count() > 1))
        .count();
    // A question asks rather than reports, and a line ending in a colon
    // only announces what follows ("Expected next steps include:").
    let text = article
        .sentence_text(s)
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')'));
    let reports = !text.ends_with(['?', ':']);
    !furniture && reports && content >= MIN_CONTENT_TOKENS
}

/// Builds the features of `nodes` (in the order given, which the caller
/// makes independent of the order articles were loaded in).
pub(crate) fn table(corpus: &Corpus, index: &CorpusIndex, nodes: Vec<Node>) -> FeatureTable {
    let background = Background::builtin();
    let concepts = Concepts::builtin();
    let synonyms = Synonyms::builtin();
    // One map per kind, so a lookup borrows the name instead of building a key.
    let mut ids: [HashMap<Box<str>, u32>; 6] = Default::default();
    let mut kinds = Vec::new();
    let mut names: Vec<Box<str>> = Vec::new();
    let mut raw: Vec<(Vec<u32>, Option<u32>)> = Vec::with_capacity(nodes.len());
    let mut acting_places: Vec<Option<u32>> = Vec::with_capacity(nodes.len());
    let mut senses: Vec<Vec<(u32, u32)>> = Vec::with_capacity(nodes.len());
    // Per distinct word: a corpus repeats its words, and undoing a word's
    // inflections costs a dozen lookups.
    let mut senses_of: rustc_hash::FxHashMap<&str, Vec<u32>> = Default::default();
    let mut intern = |kind: Kind, name: &str| -> u32 {
        let map = &mut ids[kind as usize];
        if let Some(&id) = map.get(name) {
            return id;
        }
        let id = kinds.len() as u32;
        kinds.push(kind);
        names.push(Box::from(name));
        map.insert(Box::from(name), id);
        id
    };
    for node in &nodes {
        let article = &corpus.articles[node.article];
        let tokens = &index.sentences[node.article][node.sentence].tokens;
        let mut found = Vec::new();
        let mut sensed = Vec::new();
        for token in tokens {
            if token.is_stopword {
                continue;
            }
            if token.is_number {
                found.push(intern(Kind::Number, &token.norm));
            } else if token.stem.chars().count() > 1 {
                let word = intern(Kind::Word, &token.stem);
                found.push(word);
                let of = senses_of.entry(&token.norm).or_insert_with(|| {
                    if background.idf(&token.stem) >= SYNONYM_IDF {
                        synonyms.of(&token.norm)
                    } else {
                        Vec::new()
                    }
                });
                sensed.extend(of.iter().map(|&concept| (concept, word)));
            }
        }
        sensed.sort_unstable();
        sensed.dedup();
        senses.push(sensed);
        for name in sentence_entities(article, node.sentence) {
            found.push(intern(Kind::Entity, &name.to_lowercase()));
            // A capital stands for its country's government: "Lisbon will
            // not sign" and "Portugal will not sign" report the same.
            if let Some(country) = crate::entities::gazetteer::country_of_capital(name) {
                found.push(intern(Kind::Entity, &country.to_lowercase()));
            }
        }
        acting_places.push(
            acting_place(article, node.sentence)
                .map(|name| intern(Kind::Entity, &name.to_lowercase())),
        );
        for family in concepts.found(tokens) {
            found.push(intern(Kind::Family, &family.to_string()));
        }
        let sentence = article.sentences[node.sentence];
        for shingle in quoted_shingles(&article.body, sentence.start, tokens) {
            found.push(intern(Kind::Quote, &shingle));
        }
        let speaker = article
            .claims
            .iter()
            .find(|c| c.start < sentence.end && sentence.start < c.end)
            .and_then(|c| c.speaker.as_deref())
            .map(|name| intern(Kind::Speaker, &speaker_key(name)));
        found.extend(speaker);
        found.sort_unstable();
        found.dedup();
        raw.push((found, speaker));
    }
    let mut frequency = vec![0u32; kinds.len()];
    for (found, _) in &raw {
        for &id in found {
            frequency[id as usize] += 1;
        }
    }
    let total_nodes = nodes.len() as f32;
    let corpus_idf = |count: u32| ((total_nodes + 1.0) / (count as f32 + 0.5)).ln().max(0.05);
    // Features other than words have no background frequency; they count
    // fully while rare in the corpus and fade as most sentences share them
    // (the one date every report gives).
    let rarity = |count: u32| (corpus_idf(count) / 3.0).min(1.0);
    let weight_of: Vec<f32> = (0..kinds.len())
        .map(|id| {
            let count = frequency[id];
            match kinds[id] {
                Kind::Word => (background.idf(&names[id]).max(0.0) * corpus_idf(count)).sqrt(),
                Kind::Number => number_weight(&names[id]) * rarity(count),
                Kind::Entity => 2.0 * rarity(count),
                Kind::Family => 1.0 * rarity(count),
                Kind::Quote => 2.0,
                Kind::Speaker => 1.5 * rarity(count),
            }
        })
        .collect();
    let specific: Vec<bool> = (0..kinds.len())
        .map(|id| match kinds[id] {
            Kind::Entity | Kind::Quote => true,
            // "34 cts" recurs in unrelated tables; "1,200" or "7.7" rarely.
            Kind::Number => {
                names[id].contains('.')
                    || names[id].parse::<f64>().is_ok_and(|v| v >= 100.0)
                        && number_weight(&names[id]) > 2.0
            }
            Kind::Word => background.idf(&names[id]) >= STORY_MARK_IDF,
            Kind::Family | Kind::Speaker => false,
        })
        .collect();
    let mut story: HashMap<usize, Vec<u32>> = HashMap::new();
    for (node, (found, _)) in nodes.iter().zip(&raw) {
        let marks = story.entry(node.article).or_default();
        for &id in found {
            let is_mark = kinds[id as usize] == Kind::Entity
                && names[id as usize]
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.chars().count() > 1)
                    .any(|w| background.idf(&stem(w)) >= STORY_MARK_IDF);
            if is_mark {
                marks.push(id);
            }
        }
    }
    for marks in story.values_mut() {
        marks.sort_unstable();
        marks.dedup();
    }
    let features = raw
        .into_iter()
        .zip(senses)
        .zip(acting_places)
        .map(|(((found, speaker), sensed), acting_place)| {
            let weights: Vec<(u32, f32)> = found
                .into_iter()
                .map(|id| (id, weight_of[id as usize]))
                .collect();
            let total = weights.iter().map(|(_, w)| w).sum();
            let concepts = sensed
                .into_iter()
                .map(|(concept, word)| (concept, word, weight_of[word as usize]))
                .collect();
            Features {
                weights,
                total,
                speaker,
                concepts,
                acting_place,
            }
        })
        .collect();
    FeatureTable {
        nodes,
        features,
        kinds,
        frequency,
        names,
        story,
        specific,
    }
}

/// Words after a name that make it the doer of what follows: "Russia has
/// agreed", "Norway will send", "Chile rejected".
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "is", "was", "are", "were", "could", "can", "may",
    "might", "must", "should", "did", "does",
];

/// The canonical name of the place that opens a sentence as its subject,
/// before an auxiliary or a past-tense verb: two countries doing one thing
/// are two facts, however alike the words ("Russia has agreed to accept the
/// guarantees" / "The United States has agreed to provide them"). Only
/// places: a party and its leader, or a ministry and its minister, act for
/// one another, and text alone cannot tell.
/// One key for the ways outlets write one credit: "the city's council",
/// "City council" and "the City Council" are one speaker, so two reports of
/// one statement are not kept apart as rival credits.
pub(crate) fn speaker_key(speaker: &str) -> String {
    let key = crate::entities::name_key(speaker);
    // A possessive's "s" is a word of its own once the apostrophe splits it.
    let mut words: Vec<&str> = key
        .split(' ')
        .enumerate()
        .filter(|&(at, word)| at == 0 || word != "s")
        .map(|(_, word)| word)
        .collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    words.join(" ")
}

fn acting_place(article: &Article, sentence: usize) -> Option<&str> {
    let span = article.sentences[sentence];
    let body = &article.body;
    let first = article
        .entities_overlapping(span.start, span.end)
        .iter()
        .find(|e| e.start >= span.start && e.end <= span.end)?;
    let before = body.get(span.start..first.start)?.trim();
    let opens = before.is_empty() || before.eq_ignore_ascii_case("the");
    if !opens || first.kind != crate::model::EntityType::Place {
        return None;
    }
    let next = body
        .get(first.end..span.end)?
        .split_whitespace()
        .next()?
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let acts = AUXILIARIES.contains(&next)
        || next.len() > 3 && next.ends_with("ed") && next.chars().all(|c| c.is_ascii_lowercase());
    // A capital acts for its country ("Lisbon has agreed" is Portugal).
    let place = crate::entities::gazetteer::country_of_capital(&first.canonical)
        .unwrap_or(&first.canonical);
    acts.then_some(place)
}

/// The background's stem of one lowercased word of a name.
fn stem(word: &str) -> String {
    thread_local! {
        static STEMMER: rust_stemmers::Stemmer =
            rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    }
    STEMMER.with(|stemmer| stemmer.stem(word).into_owned())
}

/// Small counts and years recur in unrelated sentences; a figure such as
/// "1,200" or "7.7" rarely does.
fn number_weight(number: &str) -> f32 {
    if is_telling_figure(number) { 3.0 } else { 1.5 }
}

/// Whether a figure says which occasion it is of: not a year, and not a
/// small count that any story gives ("two officials", "12 months").
pub(crate) fn is_telling_figure(number: &str) -> bool {
    let value: f64 = number.parse().unwrap_or(f64::NAN);
    let is_year = number.len() == 4 && (1900.0..=2100.0).contains(&value);
    !(value.is_nan() || is_year || (value.fract() == 0.0 && value <= 12.0))
}

/// Runs of `SHINGLE` consecutive words inside quotation marks, when the
/// quotation is long enough to be recognised as a quote.
fn quoted_shingles(body: &str, start: usize, tokens: &[Token]) -> Vec<String> {
    let mut shingles = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut inside = false;
    let mut flush = |run: &mut Vec<&str>| {
        if run.len() >= MIN_QUOTE_WORDS {
            for window in run.windows(SHINGLE) {
                shingles.push(window.join(" "));
            }
        }
        run.clear();
    };
    let mut at = start;
    for token in tokens {
        let gap = body.get(at..token.start).unwrap_or("");
        for c in gap.chars() {
            match c {
                '“' | '«' => {
                    flush(&mut run);
                    inside = true;
                }
                '”' | '»' => {
                    flush(&mut run);
                    inside = false;
                }
                '"' => {
                    flush(&mut run);
                    inside = !inside;
                }
                _ => {}
            }
        }
        if inside {
            run.push(&token.stem);
        }
        at = token.end;
    }
    flush(&mut run);
    shingles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::text::Normalizer;

    #[test]
    fn quotations_make_shingles_and_short_ones_do_not() {
        let normalizer = Normalizer::default();
        let text = "She said “we will rebuild every home” and left, calling it “sad”.";
        let tokens = normalizer.tokens(text, 0);
        let shingles = quoted_shingles(text, 0, &tokens);
        assert_eq!(shingles.len(), 3, "{shingles:?}");
        assert!(shingles.iter().all(|s| !s.contains("sad")));
        let straight = "\"We will rebuild every home,\" she said.";
        let tokens = normalizer.tokens(straight, 0);
        assert_eq!(quoted_shingles(straight, 0, &tokens).len(), 3);
        assert!(
            quoted_shingles(
                "no quotes at all here",
                0,
                &normalizer.tokens("no quotes at all here", 0)
            )
            .is_empty()
        );
    }

    #[test]
    fn figures_weigh_more_than_small_counts_and_years() {
        assert!(number_weight("1200") > number_weight("3"));
        assert!(number_weight("7.7") > number_weight("2024"));
    }
}
