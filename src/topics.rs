//! Topics: named sets of weighted terms, phrases, synonyms and entity hints
//! (built in from `assets/topics.toml`, added by users in their config file, or
//! made on the fly from a free-text query), and retrieval of the sentences of
//! each article that are on a topic.

use crate::compare::text::{Normalizer, Token};
use crate::model::{Article, BlockKind, Corpus, EntityType};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

const BUILTIN_TOPICS: &str = include_str!("../assets/topics.toml");

/// Score a sentence needs when a topic does not set its own threshold.
pub const DEFAULT_THRESHOLD: f32 = 3.0;

/// A topic as written in `topics.toml` or in a user's `config.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicSpec {
    pub id: String,
    pub label: String,
    /// Single words and their weights; inflections match through stemming.
    #[serde(default)]
    pub terms: BTreeMap<String, f32>,
    /// Multi-word expressions and their weights, matched as stem sequences.
    #[serde(default)]
    pub phrases: BTreeMap<String, f32>,
    /// Alternatives for a term or phrase above: each counts as its head, at
    /// the head's weight.
    #[serde(default)]
    pub synonyms: BTreeMap<String, Vec<String>>,
    /// Canonical entity names whose mention is evidence for the topic.
    #[serde(default)]
    pub entities: BTreeMap<String, f32>,
    #[serde(default)]
    pub threshold: Option<f32>,
}

#[derive(Debug, Deserialize)]
struct TopicFile {
    #[serde(default)]
    topic: Vec<TopicSpec>,
}

/// Where a topic came from, shown by `crossread topics`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicOrigin {
    #[serde(rename = "built-in")]
    Builtin,
    Config,
    /// Proposed from the corpus' own facts ([`crate::facts::found`]).
    Found,
    Query,
}

/// One pattern of a compiled topic: a stem sequence worth `weight`. Synonyms
/// share their head's `group`, so a sentence scores each group once.
#[derive(Debug, Clone)]
struct Pattern {
    stems: Vec<String>,
    /// The words as written, matched instead of the stems inside a name.
    words: Vec<String>,
    weight: f32,
    group: usize,
}

/// A topic ready for matching.
#[derive(Debug, Clone)]
pub struct Topic {
    pub id: String,
    pub label: String,
    pub origin: TopicOrigin,
    pub threshold: f32,
    patterns: Vec<Pattern>,
    /// Pattern indices by first stem.
    by_first: HashMap<String, Vec<usize>>,
    /// Lowercased canonical entity name → weight.
    entities: HashMap<String, f32>,
    /// Every stem any pattern uses.
    stems: HashSet<String>,
    /// A found topic's facts (indices into [`crate::facts::Facts::facts`]);
    /// empty for every other topic, whose facts retrieval finds.
    pub facts: Vec<usize>,
}

impl Topic {
    pub fn compile(spec: &TopicSpec, origin: TopicOrigin, normalizer: &Normalizer) -> Topic {
        let mut patterns = Vec::new();
        let mut heads: HashMap<Vec<String>, usize> = HashMap::new();
        let mut group = 0;
        for (text, weight) in spec.terms.iter().chain(&spec.phrases) {
            let (stems, words) = stems_and_words(normalizer, text);
            if stems.is_empty() || !weight.is_finite() || *weight <= 0.0 {
                continue;
            }
            heads.insert(stems.clone(), group);
            patterns.push(Pattern {
                stems,
                words,
                weight: *weight,
                group,
            });
            group += 1;
        }
        for (head, alternatives) in &spec.synonyms {
            let head_stems = normalizer.phrase_stems(head);
            let Some(&head_group) = heads.get(&head_stems) else {
                continue;
            };
            let weight = patterns
                .iter()
                .find(|p| p.group == head_group)
                .map_or(0.0, |p| p.weight);
            for alternative in alternatives {
                let (stems, words) = stems_and_words(normalizer, alternative);
                if !stems.is_empty() {
                    patterns.push(Pattern {
                        stems,
                        words,
                        weight,
                        group: head_group,
                    });
                }
            }
        }
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, pattern) in patterns.iter().enumerate() {
            by_first
                .entry(pattern.stems[0].clone())
                .or_default()
                .push(index);
        }
        let stems = patterns
            .iter()
            .flat_map(|p| p.stems.iter().cloned())
            .collect();
        Topic {
            id: spec.id.clone(),
            label: spec.label.clone(),
            origin,
            threshold: spec
                .threshold
                .filter(|t| t.is_finite() && *t > 0.0)
                .unwrap_or(DEFAULT_THRESHOLD),
            patterns,
            by_first,
            entities: spec
                .entities
                .iter()
                .map(|(name, weight)| (name.to_lowercase(), *weight))
                .collect(),
            stems,
            facts: Vec::new(),
        }
    }

    /// An ad-hoc topic from a free-text query such as "prisoner exchanges":
    /// the whole query as a phrase, or more than half of its content words.
    pub fn from_query(query: &str, normalizer: &Normalizer) -> Topic {
        let tokens = normalizer.tokens(query, 0);
        let mut content: Vec<&Token> = tokens.iter().filter(|t| !t.is_stopword).collect();
        if content.is_empty() {
            content = tokens.iter().collect();
        }
        let mut seen = HashSet::new();
        content.retain(|t| seen.insert(t.stem.clone()));
        let mut spec = TopicSpec {
            id: slug(query),
            label: query.trim().to_string(),
            terms: BTreeMap::new(),
            phrases: BTreeMap::new(),
            synonyms: BTreeMap::new(),
            entities: BTreeMap::new(),
            threshold: None,
        };
        // A phrase matches by meaning too: "job losses" finds "cut 1,200
        // positions" through the word families of each of its words.
        let concepts = crate::compare::concepts::Concepts::builtin();
        for token in &content {
            spec.terms.insert(token.norm.to_string(), 1.0);
            let relatives = concepts.relatives(std::slice::from_ref(&token.stem.to_string()));
            if !relatives.is_empty() {
                spec.synonyms.insert(
                    token.norm.to_string(),
                    relatives.into_iter().map(str::to_string).collect(),
                );
            }
        }
        let needed = content.len() / 2 + 1;
        if content.len() > 1 {
            spec.phrases.insert(query.to_string(), needed as f32);
        }
        spec.threshold = Some(needed as f32);
        Topic::compile(&spec, TopicOrigin::Query, normalizer)
    }

    /// Whether `stem` belongs to this topic's vocabulary.
    pub fn uses_stem(&self, stem: &str) -> bool {
        self.stems.contains(stem)
    }

    /// The topic score of one sentence: the weight of every distinct term or
    /// phrase group it contains plus its entity hints.
    pub fn score(&self, tokens: &[Token], canonical_entities: &[&str]) -> f32 {
        self.score_with_names(tokens, &[], canonical_entities)
    }

    /// As [`Topic::score`], with `in_name[i]` telling whether token `i` is
    /// part of the name of an organisation or a person. Inside a name a word
    /// must match as written, not by stem: "Shell Oil" is not "shelling",
    /// while "NATO" still matches the term "nato". A topic typed as a query
    /// matches names by stem too, since a name is often what was typed.
    pub fn score_with_names(
        &self,
        tokens: &[Token],
        in_name: &[bool],
        canonical_entities: &[&str],
    ) -> f32 {
        let in_name = if self.origin == TopicOrigin::Query {
            &[]
        } else {
            in_name
        };
        let mut score: f32 = self
            .groups_matched(tokens, in_name)
            .iter()
            .map(|(_, w)| w)
            .sum();
        let mut seen_entities = HashSet::new();
        for name in canonical_entities {
            let lower = name.to_lowercase();
            if let Some(weight) = self.entities.get(&lower)
                && seen_entities.insert(lower)
            {
                score += weight;
            }
        }
        score
    }

    /// The distinct term/phrase groups (a head and its synonyms) the tokens
    /// contain, with their weights.
    pub fn matched_groups(&self, tokens: &[Token]) -> Vec<(usize, f32)> {
        self.groups_matched(tokens, &[])
    }

    fn groups_matched(&self, tokens: &[Token], in_name: &[bool]) -> Vec<(usize, f32)> {
        let mut matched: HashSet<usize> = HashSet::new();
        let mut groups = Vec::new();
        for (at, token) in tokens.iter().enumerate() {
            let Some(candidates) = self.by_first.get(&*token.stem) else {
                continue;
            };
            for &index in candidates {
                let pattern = &self.patterns[index];
                let fits = pattern.stems.len() <= tokens.len() - at
                    && pattern
                        .stems
                        .iter()
                        .zip(&pattern.words)
                        .zip(tokens[at..].iter().enumerate())
                        .all(|((stem, word), (offset, token))| {
                            if in_name.get(at + offset).copied().unwrap_or(false) {
                                **word == *token.norm
                            } else {
                                **stem == *token.stem
                            }
                        });
                if fits && matched.insert(pattern.group) {
                    groups.push((pattern.group, pattern.weight));
                }
            }
        }
        groups
    }
}

/// The stems of a term or phrase and its words as written (lowercased).
fn stems_and_words(normalizer: &Normalizer, text: &str) -> (Vec<String>, Vec<String>) {
    normalizer
        .tokens(text, 0)
        .into_iter()
        .map(|token| (token.stem.to_string(), token.norm.to_string()))
        .unzip()
}

/// Makes an id from a label: lowercase words joined by hyphens.
pub(crate) fn slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "query".to_string()
    } else {
        words.join("-")
    }
}

/// The topics a front end offers: built-in ones, then the user's (a user
/// topic with a built-in id replaces it).
#[derive(Debug, Clone)]
pub struct TopicSet {
    pub topics: Vec<Topic>,
}

impl TopicSet {
    pub fn builtin() -> TopicSet {
        let specs = parse_topics(BUILTIN_TOPICS).unwrap_or_default();
        TopicSet::from_specs(specs, Vec::new())
    }

    /// Built-in topics plus `user`'s (a config file's, already read and
    /// checked by [`crate::config`]): a user topic with a built-in id
    /// replaces it.
    pub fn with_user(user: Vec<TopicSpec>) -> TopicSet {
        TopicSet::from_specs(parse_topics(BUILTIN_TOPICS).unwrap_or_default(), user)
    }

    fn from_specs(builtin: Vec<TopicSpec>, user: Vec<TopicSpec>) -> TopicSet {
        let normalizer = Normalizer::default();
        let mut topics: Vec<Topic> = builtin
            .iter()
            .map(|spec| Topic::compile(spec, TopicOrigin::Builtin, &normalizer))
            .collect();
        // By id, so that 50,000 config topics are not 50,000 scans.
        let mut at: HashMap<String, usize> = topics
            .iter()
            .enumerate()
            .map(|(index, topic)| (topic.id.clone(), index))
            .collect();
        for spec in &user {
            let topic = Topic::compile(spec, TopicOrigin::Config, &normalizer);
            match at.get(&topic.id) {
                Some(&index) => topics[index] = topic,
                None => {
                    at.insert(topic.id.clone(), topics.len());
                    topics.push(topic);
                }
            }
        }
        TopicSet { topics }
    }

    /// Built-in topics plus those of the config file at `config`, if it exists.
    /// A config that cannot be read or parsed is reported, not fatal.
    pub fn load(config: Option<&Path>) -> (TopicSet, Option<String>) {
        let builtin = parse_topics(BUILTIN_TOPICS).unwrap_or_default();
        let Some(path) = config else {
            return (TopicSet::from_specs(builtin, Vec::new()), None);
        };
        // The config module reads without blocking and quotes the file
        // safely; its error names the place.
        match crate::config::read(path) {
            Ok(None) => (TopicSet::from_specs(builtin, Vec::new()), None),
            Ok(Some((_, config))) => (TopicSet::from_specs(builtin, config.topics), None),
            Err(error) => {
                let warning = format!("topics ignored: {error}");
                (TopicSet::from_specs(builtin, Vec::new()), Some(warning))
            }
        }
    }

    /// Adds the topics found in a corpus ([`crate::facts::found`]) after
    /// the built-in and configured ones.
    pub fn add_found(&mut self, found: Vec<Topic>) {
        self.topics.extend(found);
    }

    pub fn get(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// A topic by id or label (case-insensitive), else an ad-hoc query topic.
    pub fn resolve(&self, name: &str) -> Topic {
        let wanted = name.trim();
        self.topics
            .iter()
            .find(|t| t.id.eq_ignore_ascii_case(wanted) || t.label.eq_ignore_ascii_case(wanted))
            .cloned()
            .unwrap_or_else(|| Topic::from_query(wanted, &Normalizer::default()))
    }
}

fn parse_topics(text: &str) -> Result<Vec<TopicSpec>, toml::de::Error> {
    toml::from_str::<TopicFile>(text).map(|file| file.topic)
}

/// Tokens of every sentence of every article, computed once per corpus and
/// shared by all topics and comparisons.
pub struct CorpusIndex {
    /// `sentences[article][sentence]`.
    pub sentences: Vec<Vec<SentenceTokens>>,
    /// In how many sentences of the corpus each stem occurs.
    pub document_frequency: HashMap<Arc<str>, u32>,
    pub total_sentences: u32,
}

pub struct SentenceTokens {
    pub tokens: Vec<Token>,
    /// False for titles, headings, boilerplate and heading-like lines.
    pub is_prose: bool,
}

impl CorpusIndex {
    /// Stems every sentence, the articles shared out over the cores in
    /// contiguous runs (one normalizer each); the counts are merged after.
    pub fn build(corpus: &Corpus) -> CorpusIndex {
        let articles: Vec<&Article> = corpus.articles.iter().collect();
        let parts = crate::parallel::in_runs(articles, 1, |run| index_articles(&run));
        let mut sentences = Vec::with_capacity(corpus.articles.len());
        let mut document_frequency: HashMap<Arc<str>, u32> = HashMap::new();
        for (part, frequency) in parts {
            sentences.extend(part);
            for (stem, count) in frequency {
                *document_frequency.entry(stem).or_default() += count;
            }
        }
        let total_sentences = sentences
            .iter()
            .map(|s: &Vec<SentenceTokens>| s.len() as u32)
            .sum();
        CorpusIndex {
            sentences,
            document_frequency,
            total_sentences,
        }
    }

    /// Inverse document frequency of a stem over the corpus' sentences.
    pub fn idf(&self, stem: &str) -> f32 {
        let df = self.document_frequency.get(stem).copied().unwrap_or(0) as f32;
        ((1.0 + self.total_sentences as f32) / (1.0 + df)).ln() + 1.0
    }
}

/// The tokens of a run of articles' sentences, and in how many of them each
/// stem occurs.
type IndexPart = (Vec<Vec<SentenceTokens>>, HashMap<Arc<str>, u32>);

/// The tokens of every sentence of `articles` and in how many sentences
/// each stem occurs.
fn index_articles(articles: &[&Article]) -> IndexPart {
    let normalizer = Normalizer::default();
    let mut document_frequency: HashMap<Arc<str>, u32> = HashMap::new();
    let sentences = articles
        .iter()
        .map(|article| {
            article
                .sentences
                .iter()
                .enumerate()
                .map(|(index, sentence)| {
                    let text = article.sentence_text(sentence);
                    let tokens = normalizer.tokens(text, sentence.start);
                    let distinct: HashSet<&Arc<str>> = tokens.iter().map(|t| &t.stem).collect();
                    for stem in distinct {
                        *document_frequency.entry(Arc::clone(stem)).or_default() += 1;
                    }
                    SentenceTokens {
                        is_prose: is_prose(article, index, &tokens),
                        tokens,
                    }
                })
                .collect()
        })
        .collect();
    (sentences, document_frequency)
}

/// Whether a sentence is running text worth retrieving: not in a title,
/// heading or boilerplate block, and not a heading-like paragraph the
/// structure pass did not recognise (a whole short block without final
/// punctuation whose words are mostly capitalised, as titles are).
fn is_prose(article: &Article, index: usize, tokens: &[Token]) -> bool {
    let sentence = article.sentences[index];
    let Some(block) = article.blocks.get(sentence.block) else {
        return true;
    };
    if matches!(
        block.kind,
        BlockKind::Title | BlockKind::Heading | BlockKind::Boilerplate
    ) {
        return false;
    }
    let text = article.sentence_text(&sentence).trim_end();
    let whole_block = sentence.start <= block.start && sentence.end >= block.end;
    let ends_like_prose = text.ends_with(['.', '!', '?', '"', '”', '’', ':', ';']);
    if !whole_block || ends_like_prose || block.kind != BlockKind::Paragraph || tokens.len() > 20 {
        return true;
    }
    let content: Vec<&Token> = tokens.iter().filter(|t| !t.is_stopword).collect();
    let capitalised = content
        .iter()
        .filter(|t| {
            article
                .text(t.start, t.end)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    capitalised * 3 < content.len() * 2
}

/// One retrieved sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub article: usize,
    pub sentence: usize,
    pub score: f32,
}

/// Canonical names of the entities inside a sentence.
pub fn sentence_entities(article: &Article, index: usize) -> Vec<&str> {
    let sentence = article.sentences[index];
    article
        .entities_overlapping(sentence.start, sentence.end)
        .iter()
        .filter(|e| e.start >= sentence.start && e.end <= sentence.end)
        .map(|e| &*e.canonical)
        .collect()
}

/// The sentences of `articles` on `topic`, in article then text order.
///
/// A sentence is on the topic when its own score reaches the threshold, or
/// when it has some evidence of its own (half the threshold) and a sentence
/// of the same paragraph close by is on the topic: news refers back to what
/// it just named ("its readiness to contribute to these guarantees").
pub fn retrieve(
    corpus: &Corpus,
    index: &CorpusIndex,
    topic: &Topic,
    articles: &[usize],
) -> Vec<Hit> {
    let mut hits = Vec::new();
    for &article_index in articles {
        let (Some(article), Some(sentences)) = (
            corpus.articles.get(article_index),
            index.sentences.get(article_index),
        ) else {
            continue;
        };
        let scores: Vec<f32> = sentences
            .iter()
            .enumerate()
            .map(|(sentence_index, sentence)| {
                if sentence.is_prose {
                    let entities = sentence_entities(article, sentence_index);
                    let in_name = in_names(article, &sentence.tokens);
                    topic.score_with_names(&sentence.tokens, &in_name, &entities)
                } else {
                    0.0
                }
            })
            .collect();
        let block_of = |s: usize| article.sentences[s].block;
        for (sentence_index, &score) in scores.iter().enumerate() {
            let in_context = || {
                let from = sentence_index.saturating_sub(CONTEXT_WINDOW);
                let to = (sentence_index + CONTEXT_WINDOW).min(scores.len() - 1);
                (from..=to).any(|other| {
                    other != sentence_index
                        && block_of(other) == block_of(sentence_index)
                        && scores[other] >= topic.threshold
                })
            };
            let on_topic = score >= topic.threshold
                || (score >= topic.threshold * CONTEXT_SHARE && in_context());
            if on_topic {
                hits.push(Hit {
                    article: article_index,
                    sentence: sentence_index,
                    score,
                });
            }
        }
    }
    hits
}

/// For each token, whether it lies inside the name of an organisation or a
/// person.
fn in_names(article: &Article, tokens: &[Token]) -> Vec<bool> {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return Vec::new();
    };
    let names: Vec<(usize, usize)> = article
        .entities_overlapping(first.start, last.end)
        .iter()
        .filter(|e| matches!(e.kind, EntityType::Organization | EntityType::Person))
        .map(|e| (e.start, e.end))
        .collect();
    tokens
        .iter()
        .map(|t| {
            names
                .iter()
                .any(|&(start, end)| start <= t.start && t.end <= end)
        })
        .collect()
}

/// How far (in sentences) a paragraph's on-topic sentence lends context.
const CONTEXT_WINDOW: usize = 2;
/// The share of the threshold a sentence needs of its own to join by context.
const CONTEXT_SHARE: f32 = 0.5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::article_from_text;

    fn builtin_topic(toml_text: &str) -> Topic {
        let spec: TopicSpec = toml::from_str(toml_text).expect("spec parses");
        Topic::compile(&spec, TopicOrigin::Builtin, &Normalizer::default())
    }

    #[test]
    fn builtin_topics_parse_and_have_the_required_ids() {
        let specs = parse_topics(BUILTIN_TOPICS).expect("assets/topics.toml parses");
        let ids: Vec<&str> = specs.iter().map(|s| s.id.as_str()).collect();
        for id in [
            "security-guarantees",
            "territory",
            "nato-membership",
            "ceasefire-and-talks",
            "europe-role",
            "russia-position",
            "fighting",
            "eu-accession",
        ] {
            assert!(ids.contains(&id), "missing topic {id}");
        }
        let set = TopicSet::builtin();
        assert!(set.topics.iter().all(|t| !t.patterns.is_empty()));
    }

    #[test]
    fn synonyms_score_as_their_head_once() {
        let n = Normalizer::default();
        let topic = builtin_topic(
            r#"
            id = "x"
            label = "X"
            terms = { guarantee = 2.0 }
            synonyms = { guarantee = ["assurance"] }
            "#,
        );
        assert_eq!(
            topic.score(&n.tokens("Assurances were given.", 0), &[]),
            2.0
        );
        assert_eq!(
            topic.score(&n.tokens("Guarantees and assurances.", 0), &[]),
            2.0
        );
        assert_eq!(topic.score(&n.tokens("Nothing here.", 0), &[]), 0.0);
    }

    #[test]
    fn a_sentence_with_some_evidence_joins_by_paragraph_context() {
        let corpus = Corpus {
            articles: vec![
                article_from_text(
                    "together",
                    "Engineers finished the river dam on Monday. Its cost had doubled, officials said.",
                ),
                article_from_text(
                    "apart",
                    "Engineers finished the river dam on Monday.\n\nIts cost had doubled, officials said.",
                ),
                article_from_text("alone", "Its cost had doubled, officials said."),
            ],
            warnings: Vec::new(),
        };
        let topic = builtin_topic(
            r#"
            id = "dam"
            label = "Dam"
            terms = { dam = 3.0, cost = 1.5 }
            "#,
        );
        let index = CorpusIndex::build(&corpus);
        let hits = retrieve(&corpus, &index, &topic, &[0, 1, 2]);
        let retrieved = |article: usize| hits.iter().filter(|h| h.article == article).count();
        assert_eq!(
            retrieved(0),
            2,
            "the cost sentence follows the dam sentence"
        );
        assert_eq!(retrieved(1), 1, "another paragraph lends no context");
        assert_eq!(retrieved(2), 0, "half the threshold alone is not enough");
    }

    #[test]
    fn inside_a_name_a_word_matches_as_written_not_by_stem() {
        let corpus = Corpus {
            articles: vec![
                article_from_text("a", "Shell Oil Co said profits fell in the fourth quarter."),
                article_from_text(
                    "b",
                    "Heavy shelling hit the town overnight, residents said.",
                ),
                article_from_text(
                    "c",
                    "Officials at NATO said the alliance would meet on Monday.",
                ),
            ],
            warnings: Vec::new(),
        };
        let topic = builtin_topic(
            r#"
            id = "war"
            label = "War"
            terms = { shelling = 3.0, nato = 3.0 }
            "#,
        );
        let index = CorpusIndex::build(&corpus);
        let found: Vec<usize> = retrieve(&corpus, &index, &topic, &[0, 1, 2])
            .iter()
            .map(|hit| hit.article)
            .collect();
        assert_eq!(found, vec![1, 2]);
        let query = Topic::from_query("shell", &Normalizer::default());
        assert_eq!(retrieve(&corpus, &index, &query, &[0]).len(), 1);
    }

    #[test]
    fn query_topic_needs_most_of_its_words() {
        let n = Normalizer::default();
        let topic = Topic::from_query("prisoner exchanges", &n);
        assert_eq!(topic.id, "prisoner-exchanges");
        let on = n.tokens("Both sides discussed prisoner exchanges.", 0);
        let off = n.tokens("Control of the region in exchange for peace.", 0);
        assert!(topic.score(&on, &[]) >= topic.threshold);
        assert!(topic.score(&off, &[]) < topic.threshold);
    }

    #[test]
    fn config_topics_add_and_replace() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "theme = \"dark\"\n[[topic]]\nid = \"energy\"\nlabel = \"Energy\"\nterms = { gas = 3.0 }\n\n[[topic]]\nid = \"territory\"\nlabel = \"Land\"\nterms = { land = 3.0 }\n",
        )
        .expect("write config");
        let (set, warning) = TopicSet::load(Some(&path));
        assert_eq!(warning, None);
        assert_eq!(
            set.get("energy").map(|t| t.origin),
            Some(TopicOrigin::Config)
        );
        assert_eq!(set.get("territory").map(|t| t.label.as_str()), Some("Land"));
        assert_eq!(set.topics.iter().filter(|t| t.id == "territory").count(), 1);

        std::fs::write(&path, "[[topic]]\nid = 3\n").expect("write config");
        let (set, warning) = TopicSet::load(Some(&path));
        assert!(warning.is_some_and(|w| w.contains("topics ignored")));
        assert!(set.get("territory").is_some());

        let (set, warning) = TopicSet::load(Some(&dir.path().join("absent.toml")));
        assert_eq!(warning, None);
        assert!(set.get("fighting").is_some());
    }

    #[test]
    fn resolve_prefers_ids_and_labels() {
        let set = TopicSet::builtin();
        assert_eq!(set.resolve("Territory").id, "territory");
        assert_eq!(set.resolve("prisoner exchanges").origin, TopicOrigin::Query);
    }

    #[test]
    fn a_typed_phrase_matches_by_meaning_not_only_its_words() {
        let n = Normalizer::default();
        let topic = Topic::from_query("job losses", &n);
        let score = |text: &str| topic.score(&n.tokens(text, 0), &[]);
        assert!(score("The company will cut 1,200 positions at its plant.") >= topic.threshold);
        assert!(score("Job losses mounted across the region.") >= topic.threshold);
        assert!(score("The company will open a plant.") < topic.threshold);
    }
}
