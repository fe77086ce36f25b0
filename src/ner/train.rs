//! Training: an averaged structured perceptron over the features of
//! [`super::features`], decoded by the same Viterbi as tagging. Integer
//! updates, a seeded shuffle and sorted keys make the weights a pure function
//! of the data and the seed. Built for tests and for the `train_ner` binary
//! (feature `train`), never into a user's build.

use super::features::{self, Window};
use super::model::{self, Model, START, Scratch, TAGS, tag_of_label};
use crate::entities::gazetteer;
use crate::model::EntityType;
use std::collections::HashMap;

/// One CoNLL document as the pipeline would see it: one sentence a line,
/// tokens joined by single spaces.
pub struct Sample {
    pub text: String,
    pub tokens: Vec<(usize, usize)>,
    pub sentences: Vec<(usize, usize)>,
    pub tags: Vec<u8>,
}

impl Sample {
    /// Reads the sample as the tagger reads a document; `each` gets every
    /// window with the index of its first token.
    pub fn each_window(&self, each: impl FnMut(usize, &Window)) {
        let hits = gazetteer::scan(&self.text);
        features::read_gold(&self.text, &self.tokens, &self.sentences, &hits, each);
    }
}

/// Reads CoNLL-2003 (`word ... label` a line, blank lines between sentences,
/// `-DOCSTART-` between documents) into samples.
pub fn read_conll(data: &str) -> Vec<Sample> {
    let mut samples = Vec::new();
    let mut sample = empty();
    let mut sentence_start = 0;
    let mut previous = START;
    let finish_sentence = |sample: &mut Sample, sentence_start: &mut usize| {
        if sample.tokens.len() > *sentence_start {
            sample
                .sentences
                .push((*sentence_start, sample.tokens.len()));
            sample.text.push('\n');
        }
        *sentence_start = sample.tokens.len();
    };
    for line in data.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (Some(word), Some(label)) = (fields.first(), fields.last()) else {
            finish_sentence(&mut sample, &mut sentence_start);
            previous = START;
            continue;
        };
        if *word == "-DOCSTART-" {
            finish_sentence(&mut sample, &mut sentence_start);
            if !sample.tokens.is_empty() {
                samples.push(std::mem::replace(&mut sample, empty()));
            }
            sentence_start = 0;
            previous = START;
            continue;
        }
        if sample.tokens.len() > sentence_start {
            sample.text.push(' ');
        }
        let start = sample.text.len();
        sample.text.push_str(word);
        sample.tokens.push((start, sample.text.len()));
        let tag = tag_of_label(label, previous);
        sample.tags.push(tag as u8);
        previous = tag;
    }
    finish_sentence(&mut sample, &mut sentence_start);
    if !sample.tokens.is_empty() {
        samples.push(sample);
    }
    samples
}

fn empty() -> Sample {
    Sample {
        text: String::new(),
        tokens: Vec::new(),
        sentences: Vec::new(),
        tags: Vec::new(),
    }
}

pub struct Options {
    pub epochs: usize,
    /// Features seen fewer times in training are left out of the model.
    pub min_count: u32,
    pub seed: u64,
}

/// splitmix64: a tiny fixed generator, so a seed means the same shuffle on
/// every platform and Rust version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// A sentence ready for training: per token the rows of its features.
struct Sentence {
    rows: Vec<u32>,
    offsets: Vec<usize>,
    tags: Vec<u8>,
}

struct Weights {
    current: Vec<i32>,
    /// Σ step · update, for averaging without a copy per step.
    steps: Vec<i64>,
}

impl Weights {
    fn new(size: usize) -> Weights {
        Weights {
            current: vec![0; size],
            steps: vec![0; size],
        }
    }

    fn update(&mut self, index: usize, delta: i32, step: i64) {
        self.current[index] += delta;
        self.steps[index] += i64::from(delta) * step;
    }

    fn averaged(&self, index: usize, step: i64) -> f64 {
        f64::from(self.current[index]) - self.steps[index] as f64 / step as f64
    }
}

/// Trains on `samples`; after each epoch hands the averaged, quantised model
/// (the bytes [`Model::parse`] reads) to `each_epoch`.
pub fn train(samples: &[Sample], options: &Options, mut each_epoch: impl FnMut(usize, Vec<u8>)) {
    let mut counts: HashMap<u32, u32> = HashMap::new();
    let mut keys = Vec::new();
    for sample in samples {
        sample.each_window(|_, window| {
            for index in 0..window.len() {
                keys.clear();
                window.features(index, &mut keys);
                for &key in &keys {
                    *counts.entry(key).or_default() += 1;
                }
            }
        });
    }
    let mut kept: Vec<u32> = counts
        .iter()
        .filter(|&(_, &count)| count >= options.min_count)
        .map(|(&key, _)| key)
        .collect();
    kept.sort_unstable();
    let row_of: HashMap<u32, u32> = kept
        .iter()
        .enumerate()
        .map(|(row, &key)| (key, row as u32))
        .collect();
    let mut sentences = Vec::new();
    for sample in samples {
        sample.each_window(|from, window| {
            let mut sentence = Sentence {
                rows: Vec::new(),
                offsets: vec![0],
                tags: sample.tags[from..from + window.len()].to_vec(),
            };
            for index in 0..window.len() {
                keys.clear();
                window.features(index, &mut keys);
                sentence
                    .rows
                    .extend(keys.iter().filter_map(|key| row_of.get(key)));
                sentence.offsets.push(sentence.rows.len());
            }
            sentences.push(sentence);
        });
    }
    let mut emissions_weights = Weights::new(kept.len() * TAGS);
    let mut transitions = Weights::new((TAGS + 1) * TAGS);
    let mut rng = Rng(options.seed);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut step: i64 = 1;
    let (mut emissions, mut scratch, mut predicted) = (Vec::new(), Vec::new(), Vec::new());
    for epoch in 1..=options.epochs {
        rng.shuffle(&mut order);
        for &index in &order {
            let sentence = &sentences[index];
            emissions.clear();
            emissions.resize(sentence.tags.len() * TAGS, 0i32);
            for (position, scores) in emissions.chunks_exact_mut(TAGS).enumerate() {
                let rows =
                    &sentence.rows[sentence.offsets[position]..sentence.offsets[position + 1]];
                for &row in rows {
                    let weights = &emissions_weights.current[row as usize * TAGS..][..TAGS];
                    for (score, weight) in scores.iter_mut().zip(weights) {
                        *score += weight;
                    }
                }
            }
            model::viterbi(
                &emissions,
                &transitions.current,
                &mut scratch,
                &mut predicted,
            );
            let mut previous = (START, START);
            for (position, (&gold, &guess)) in sentence.tags.iter().zip(&predicted).enumerate() {
                let (gold, guess) = (usize::from(gold), usize::from(guess));
                if gold != guess {
                    let rows =
                        &sentence.rows[sentence.offsets[position]..sentence.offsets[position + 1]];
                    for &row in rows {
                        emissions_weights.update(row as usize * TAGS + gold, 1, step);
                        emissions_weights.update(row as usize * TAGS + guess, -1, step);
                    }
                }
                if (previous.0, gold) != (previous.1, guess) {
                    transitions.update(previous.0 * TAGS + gold, 1, step);
                    transitions.update(previous.1 * TAGS + guess, -1, step);
                }
                previous = (gold, guess);
            }
            step += 1;
        }
        each_epoch(
            epoch,
            quantise(&kept, &emissions_weights, &transitions, step),
        );
    }
}

/// One scale for all weights (the largest maps to ±127); features whose
/// weights all round to zero are left out.
fn quantise(keys: &[u32], emissions: &Weights, transitions: &Weights, step: i64) -> Vec<u8> {
    let largest = (0..emissions.current.len())
        .map(|index| emissions.averaged(index, step).abs())
        .fold(0.0, f64::max);
    let scale = if largest > 0.0 { 127.0 / largest } else { 1.0 };
    let mut kept_keys = Vec::new();
    let mut weights = Vec::new();
    for (row, &key) in keys.iter().enumerate() {
        let quantised: Vec<i8> = (0..TAGS)
            .map(|tag| (emissions.averaged(row * TAGS + tag, step) * scale).round() as i8)
            .collect();
        if quantised.iter().any(|&weight| weight != 0) {
            kept_keys.push(key);
            weights.extend(quantised);
        }
    }
    let transitions: Vec<i16> = (0..transitions.current.len())
        .map(|index| {
            (transitions.averaged(index, step) * scale)
                .round()
                .clamp(f64::from(i16::MIN), f64::from(i16::MAX)) as i16
        })
        .collect();
    model::write(&kept_keys, &weights, &transitions)
}

/// Exact-span counts per type (PER, ORG, LOC) of a model on gold samples.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub correct: [usize; 3],
    pub found: [usize; 3],
    pub gold: [usize; 3],
}

fn type_index(kind: EntityType) -> usize {
    match kind {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Place => 2,
    }
}

impl Counts {
    pub fn f1(&self) -> f64 {
        let correct: usize = self.correct.iter().sum();
        let found: usize = self.found.iter().sum();
        let gold: usize = self.gold.iter().sum();
        if found + gold == 0 {
            return 0.0;
        }
        2.0 * correct as f64 / (found + gold) as f64
    }
}

/// Scores `model` on gold tokens, every span exact, MISC left out.
pub fn evaluate(model: &Model, samples: &[Sample]) -> Counts {
    let mut counts = Counts::default();
    let mut found = Vec::new();
    let mut gold = Vec::new();
    let mut scratch = Scratch::default();
    for sample in samples {
        found.clear();
        sample.each_window(|from, window| {
            let start = found.len();
            model.tag(window, &mut scratch, &mut found);
            for span in &mut found[start..] {
                span.0 += from;
                span.1 += from;
            }
        });
        gold.clear();
        for &(from, to) in &sample.sentences {
            let start = gold.len();
            model::spans(&sample.tags[from..to], &mut gold);
            for span in &mut gold[start..] {
                span.0 += from;
                span.1 += from;
            }
        }
        for span in &found {
            counts.found[type_index(span.2)] += 1;
            if gold.contains(span) {
                counts.correct[type_index(span.2)] += 1;
            }
        }
        for span in &gold {
            counts.gold[type_index(span.2)] += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    const INVENTED: &str = "-DOCSTART- O\n\n\
        Okafor B-PER\nmet O\nDahl B-PER\nin O\nVarnholt B-LOC\n. O\n\n\
        The O\nBrenner B-ORG\nGroup I-ORG\nhired O\nLindqvist B-PER\n. O\n\n\
        -DOCSTART- O\n\n\
        Dahl B-PER\nleft O\nVarnholt B-LOC\nfor O\nthe O\nBrenner B-ORG\nGroup I-ORG\n. O\n";

    #[test]
    fn conll_reads_into_pipeline_shaped_text() {
        let samples = read_conll(INVENTED);
        assert_eq!(samples.len(), 2);
        assert_eq!(
            samples[0].text,
            "Okafor met Dahl in Varnholt .\nThe Brenner Group hired Lindqvist .\n"
        );
        assert_eq!(samples[0].sentences, [(0, 6), (6, 12)]);
        assert_eq!(samples[1].tags[5..7], [3, 4]);
    }

    #[test]
    fn the_same_data_and_seed_give_byte_identical_weights() {
        let samples = read_conll(INVENTED);
        let options = Options {
            epochs: 3,
            min_count: 1,
            seed: 7,
        };
        let run = || {
            let mut last = Vec::new();
            train(&samples, &options, |_, bytes| last = bytes);
            last
        };
        let first = run();
        assert_eq!(first, run());
        let model = Model::parse(&first).expect("trained model parses");
        let counts = evaluate(&model, &samples);
        assert!(counts.f1() > 0.99, "{counts:?}");
        let mut other = Vec::new();
        train(&samples, &Options { seed: 8, ..options }, |_, bytes| {
            other = bytes;
        });
        assert!(Model::parse(&other).is_ok());
    }
}
