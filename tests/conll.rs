//! CoNLL-2003 `valid.txt`, exact-span F1 over PER/ORG/LOC (MISC left out).
//!
//! Through the whole pipeline, as a user's files go: each document is written
//! as a `.txt` file (one CoNLL sentence a line, tokens joined by single
//! spaces), the real binary runs `analyze --json --corpus DIR`, and entity
//! spans are mapped back to the gold tokens; a span whose ends are not token
//! ends counts as wrong. Second figure: the tagger alone on the gold tokens.
//!
//! `cargo test --test conll -- --nocapture` prints precision, recall and F1
//! per type. Skips with a message when ../shared is absent.

use crossread::entities::gazetteer;
use crossread::model::EntityType;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::Command;

/// Floors: the issue asks 0.85 through the pipeline; measured 0.890 (and
/// 0.914 for the tagger alone) when the tagger landed. The floors sit a
/// little under the figures so rule changes elsewhere have room.
const PIPELINE_FLOOR: f64 = 0.87;
const TAGGER_FLOOR: f64 = 0.90;

const TYPES: [&str; 3] = ["person", "organization", "place"];

struct Document {
    /// Sentences of (token, type of the name it is in, starts a name).
    sentences: Vec<Vec<(String, Option<&'static str>, bool)>>,
}

fn type_of(label: &str) -> Option<&'static str> {
    match label.get(2..) {
        Some("PER") => Some("person"),
        Some("ORG") => Some("organization"),
        Some("LOC") => Some("place"),
        _ => None,
    }
}

fn read(data: &str) -> Vec<Document> {
    let mut documents = Vec::new();
    let mut sentences: Vec<Vec<(String, Option<&'static str>, bool)>> = Vec::new();
    let mut sentence = Vec::new();
    let mut previous = "O".to_string();
    for line in data.lines().chain(std::iter::once("")) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (Some(&word), Some(&label)) = (fields.first(), fields.last()) else {
            if !sentence.is_empty() {
                sentences.push(std::mem::take(&mut sentence));
            }
            previous = "O".to_string();
            continue;
        };
        if word == "-DOCSTART-" {
            if !sentences.is_empty() {
                documents.push(Document {
                    sentences: std::mem::take(&mut sentences),
                });
            }
            continue;
        }
        // IOB1 or IOB2: a name starts at B-, or at I- after another kind.
        let starts = label.starts_with("B-") || previous.get(2..) != label.get(2..);
        sentence.push((word.to_string(), type_of(label), starts));
        previous = label.to_string();
    }
    if !sentences.is_empty() {
        documents.push(Document { sentences });
    }
    documents
}

impl Document {
    fn text(&self) -> String {
        let mut text = String::new();
        for sentence in &self.sentences {
            let words: Vec<&str> = sentence.iter().map(|(word, _, _)| word.as_str()).collect();
            text.push_str(&words.join(" "));
            text.push('\n');
        }
        text
    }

    /// Gold names as (first token, end token, type), tokens counted over the
    /// whole document.
    fn gold(&self) -> HashSet<(usize, usize, &'static str)> {
        let mut names = HashSet::new();
        let mut index = 0;
        for sentence in &self.sentences {
            let mut open: Option<(usize, &str)> = None;
            for (word_index, (_, kind, starts)) in sentence.iter().enumerate() {
                let at = index + word_index;
                let continues =
                    open.is_some_and(|(_, open_kind)| Some(open_kind) == *kind) && !starts;
                if !continues {
                    if let Some((start, open_kind)) = open.take() {
                        names.insert((start, at, open_kind));
                    }
                    open = kind.map(|kind| (at, kind));
                }
            }
            if let Some((start, kind)) = open {
                names.insert((start, index + sentence.len(), kind));
            }
            index += sentence.len();
        }
        names
    }
}

#[derive(Default)]
struct Score {
    correct: HashMap<&'static str, usize>,
    found: HashMap<&'static str, usize>,
    gold: HashMap<&'static str, usize>,
}

impl Score {
    fn add(
        &mut self,
        found: &HashSet<(usize, usize, &'static str)>,
        gold: &HashSet<(usize, usize, &'static str)>,
    ) {
        for name in found {
            *self.found.entry(name.2).or_default() += 1;
            if gold.contains(name) {
                *self.correct.entry(name.2).or_default() += 1;
            }
        }
        for name in gold {
            *self.gold.entry(name.2).or_default() += 1;
        }
    }

    fn f1_of(correct: usize, found: usize, gold: usize) -> (f64, f64, f64) {
        let precision = correct as f64 / found.max(1) as f64;
        let recall = correct as f64 / gold.max(1) as f64;
        let f1 = 2.0 * correct as f64 / (found + gold).max(1) as f64;
        (precision, recall, f1)
    }

    fn report(&self, name: &str) -> f64 {
        let get = |map: &HashMap<&str, usize>, kind: &str| map.get(kind).copied().unwrap_or(0);
        for kind in TYPES {
            let (p, r, f) = Self::f1_of(
                get(&self.correct, kind),
                get(&self.found, kind),
                get(&self.gold, kind),
            );
            println!("{name} {kind:>12}: P {p:.3} R {r:.3} F1 {f:.3}");
        }
        let total = |map: &HashMap<&str, usize>| map.values().sum::<usize>();
        let (p, r, f) = Self::f1_of(total(&self.correct), total(&self.found), total(&self.gold));
        println!("{name}          all: P {p:.3} R {r:.3} F1 {f:.3}");
        f
    }
}

/// Byte ranges of the gold tokens in `body`, found in order, so a loader
/// that trims or normalises spacing does not shift them.
fn token_ranges(body: &str, document: &Document) -> Option<Vec<(usize, usize)>> {
    let mut ranges = Vec::new();
    let mut cursor = 0;
    for (word, _, _) in document.sentences.iter().flatten() {
        let start = cursor + body.get(cursor..)?.find(word.as_str())?;
        ranges.push((start, start + word.len()));
        cursor = start + word.len();
    }
    Some(ranges)
}

fn valid() -> Option<Vec<Document>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets/conll2003/valid.txt");
    match std::fs::read_to_string(&path) {
        Ok(data) => Some(read(&data)),
        Err(error) => {
            eprintln!("skipped: {} unreadable ({error})", path.display());
            None
        }
    }
}

#[test]
fn conll_valid_through_the_pipeline() {
    let Some(documents) = valid() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    for (index, document) in documents.iter().enumerate() {
        std::fs::write(
            dir.path().join(format!("doc{index:04}.txt")),
            document.text(),
        )
        .expect("writes a document");
    }
    let output = Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(["analyze", "--json", "--corpus"])
        .arg(dir.path())
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    let articles = json["articles"].as_array().expect("articles");
    assert_eq!(
        articles.len(),
        documents.len(),
        "every document is an article"
    );
    let mut score = Score::default();
    for article in articles {
        let id = article["id"].as_str().expect("id");
        let index: usize = id
            .trim_start_matches("doc")
            .parse()
            .expect("id names the document");
        let document = &documents[index];
        let body = article["body"].as_str().expect("body");
        let ranges = token_ranges(body, document).expect("every gold token is in the body");
        let starts: HashMap<usize, usize> =
            ranges.iter().enumerate().map(|(i, r)| (r.0, i)).collect();
        let ends: HashMap<usize, usize> = ranges
            .iter()
            .enumerate()
            .map(|(i, r)| (r.1, i + 1))
            .collect();
        let mut found = HashSet::new();
        for (position, entity) in article["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .enumerate()
        {
            let kind = TYPES
                .into_iter()
                .find(|kind| entity["type"] == *kind)
                .expect("a known type");
            let start = entity["start"].as_u64().expect("start") as usize;
            let end = entity["end"].as_u64().expect("end") as usize;
            match (starts.get(&start), ends.get(&end)) {
                (Some(&first), Some(&last)) => found.insert((first, last, kind)),
                // Off the token grid: wrong, and never equal to a gold name.
                _ => found.insert((usize::MAX - position, 0, kind)),
            };
        }
        score.add(&found, &document.gold());
    }
    let f1 = score.report("pipeline");
    assert!(
        f1 >= PIPELINE_FLOOR,
        "pipeline F1 {f1:.3} below {PIPELINE_FLOOR}"
    );
}

#[test]
fn conll_valid_tagger_alone_on_gold_tokens() {
    let Some(documents) = valid() else {
        return;
    };
    let mut score = Score::default();
    for document in &documents {
        let text = document.text();
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
        let mut offset = 0;
        for sentence in &document.sentences {
            let from = tokens.len();
            for (word, _, _) in sentence {
                tokens.push((offset, offset + word.len()));
                offset += word.len() + 1;
            }
            sentences.push((from, tokens.len()));
        }
        let found = crossread::ner::tag_tokens(&text, &tokens, &sentences, &gazetteer::scan(&text))
            .into_iter()
            .map(|(first, last, kind)| {
                let kind = match kind {
                    EntityType::Person => "person",
                    EntityType::Organization => "organization",
                    EntityType::Place => "place",
                };
                (first, last, kind)
            })
            .collect();
        score.add(&found, &document.gold());
    }
    let f1 = score.report("tagger");
    assert!(f1 >= TAGGER_FLOOR, "tagger F1 {f1:.3} below {TAGGER_FLOOR}");
}
