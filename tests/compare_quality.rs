//! Topic retrieval and alignment measured against the hand-made expectations
//! in tests/expectations/compare.toml, with floors. Run with `--nocapture` to
//! see the figures recorded in docs/QUALITY.md.

use crossread::analysis::open_corpus;
use crossread::compare::align::pair_similarity;
use crossread::compare::{Comparison, compare};
use crossread::model::Corpus;
use crossread::topics::{CorpusIndex, Hit, TopicSet};
use serde::Deserialize;

const RECALL_FLOOR: f64 = 0.85;
const KEPT_OUT_FLOOR: f64 = 0.9;
const PAIRS_FLOOR: f64 = 0.75;

#[derive(Deserialize)]
struct Expectations {
    topic: Vec<TopicExpectation>,
    pair: Vec<Pair>,
}

#[derive(Deserialize)]
struct TopicExpectation {
    id: String,
    on: Vec<String>,
    maybe: Vec<String>,
}

#[derive(Deserialize)]
struct Pair {
    topic: String,
    a: String,
    b: String,
    why: String,
}

fn expectations() -> Expectations {
    let text = include_str!("expectations/compare.toml");
    toml::from_str(text).expect("tests/expectations/compare.toml parses")
}

/// (article, sentence) of every sentence whose text contains `snippet`.
fn find(corpus: &Corpus, snippet: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (a, article) in corpus.articles.iter().enumerate() {
        for (s, sentence) in article.sentences.iter().enumerate() {
            if article.sentence_text(sentence).contains(snippet) {
                found.push((a, s));
            }
        }
    }
    found
}

fn retrieved(comparison: &Comparison) -> Vec<(usize, usize)> {
    comparison
        .rows
        .iter()
        .flat_map(|row| row.cells.iter())
        .flat_map(|cell| cell.sentences.iter().map(|s| (cell.article, *s)))
        .collect()
}

fn setup() -> (Corpus, CorpusIndex, TopicSet) {
    let corpus = open_corpus(&[]).expect("built-in corpus");
    let index = CorpusIndex::build(&corpus);
    (corpus, index, TopicSet::builtin())
}

#[test]
fn every_expected_snippet_names_exactly_one_sentence() {
    let (corpus, _, _) = setup();
    let expectations = expectations();
    let snippets = expectations
        .topic
        .iter()
        .flat_map(|t| t.on.iter().chain(&t.maybe))
        .chain(expectations.pair.iter().flat_map(|p| [&p.a, &p.b]));
    for snippet in snippets {
        assert_eq!(find(&corpus, snippet).len(), 1, "snippet {snippet:?}");
    }
}

#[test]
fn topic_retrieval_meets_its_floors() {
    let (corpus, index, topics) = setup();
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    for expected in expectations().topic {
        let topic = topics.get(&expected.id).expect("topic exists");
        let got = retrieved(&compare(&corpus, &index, topic, &all));
        let on: Vec<(usize, usize)> = expected.on.iter().flat_map(|s| find(&corpus, s)).collect();
        let maybe: Vec<(usize, usize)> = expected
            .maybe
            .iter()
            .flat_map(|s| find(&corpus, s))
            .collect();
        let found = on.iter().filter(|s| got.contains(s)).count();
        let missed: Vec<&String> = expected
            .on
            .iter()
            .filter(|snippet| find(&corpus, snippet).iter().any(|s| !got.contains(s)))
            .collect();
        let mut off_total = 0;
        let mut intruders = Vec::new();
        for (a, article) in corpus.articles.iter().enumerate() {
            for (s, sentence) in article.sentences.iter().enumerate() {
                if on.contains(&(a, s)) || maybe.contains(&(a, s)) {
                    continue;
                }
                off_total += 1;
                if got.contains(&(a, s)) {
                    intruders.push(article.sentence_text(sentence).to_string());
                }
            }
        }
        let recall = found as f64 / on.len() as f64;
        let kept_out = 1.0 - intruders.len() as f64 / off_total as f64;
        println!(
            "{}: recall {recall:.3} ({found}/{}), unrelated kept out {kept_out:.3} ({}/{off_total})",
            expected.id,
            on.len(),
            off_total - intruders.len()
        );
        println!("  missed: {missed:#?}\n  intruders: {intruders:#?}");
        assert!(recall >= RECALL_FLOOR, "{} recall {recall:.3}", expected.id);
        assert!(
            kept_out >= KEPT_OUT_FLOOR,
            "{} kept out {kept_out:.3}",
            expected.id
        );
    }
}

#[test]
fn expected_pairs_share_a_row() {
    let (corpus, index, topics) = setup();
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    let pairs = expectations().pair;
    assert!(pairs.len() >= 8);
    let mut aligned = 0;
    for pair in &pairs {
        let topic = topics.get(&pair.topic).expect("topic exists");
        let comparison = compare(&corpus, &index, topic, &all);
        let (a, b) = (find(&corpus, &pair.a)[0], find(&corpus, &pair.b)[0]);
        assert_ne!(a.0, b.0, "a pair spans two sources: {}", pair.why);
        let together = comparison.rows.iter().any(|row| {
            row.cell(a.0).is_some_and(|c| c.sentences.contains(&a.1))
                && row.cell(b.0).is_some_and(|c| c.sentences.contains(&b.1))
        });
        let hit = |(article, sentence): (usize, usize)| Hit {
            article,
            sentence,
            score: 0.0,
        };
        let sim = pair_similarity(&corpus, &index, topic, hit(a), hit(b));
        if together {
            aligned += 1;
            println!("  aligned (similarity {sim:.3}): {}", pair.why);
        } else {
            let row_of = |(article, sentence): (usize, usize)| {
                comparison.rows.iter().position(|row| {
                    row.cell(article)
                        .is_some_and(|c| c.sentences.contains(&sentence))
                })
            };
            println!(
                "  NOT aligned (similarity {sim:.3}, rows {:?} and {:?}): {}",
                row_of(a),
                row_of(b),
                pair.why
            );
        }
    }
    let rate = aligned as f64 / pairs.len() as f64;
    println!("pairs aligned {rate:.3} ({aligned}/{})", pairs.len());
    assert!(rate >= PAIRS_FLOOR, "pairs aligned {rate:.3}");
}
