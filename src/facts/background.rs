//! How rare a word is in news at large: sentence frequencies of word stems
//! over a general newswire corpus (`assets/facts/background.tsv`, built by
//! `scripts/build_background.sh`). A word every sentence of the corpus at
//! hand shares may still be rare in the world ("earthquake" in a folder on
//! one quake), and a word rare in a small folder may be common everywhere
//! ("people"); the facts engine weighs words by both.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../assets/facts/background.tsv");

pub struct Background {
    sentences: f32,
    frequency: HashMap<Box<str>, u32>,
}

impl Background {
    /// The shipped table, parsed once per process.
    pub fn builtin() -> &'static Background {
        static ONCE: OnceLock<Background> = OnceLock::new();
        ONCE.get_or_init(|| Background::parse(TABLE))
    }

    fn parse(table: &str) -> Background {
        let mut lines = table.lines();
        let sentences = lines
            .next()
            .and_then(|header| header.rsplit('\t').next())
            .and_then(|total| total.parse::<f32>().ok())
            .filter(|total| *total >= 1.0)
            .unwrap_or(1.0);
        let frequency = lines
            .filter_map(|line| {
                let (stem, count) = line.split_once('\t')?;
                Some((stem.into(), count.parse().ok()?))
            })
            .collect();
        Background {
            sentences,
            frequency,
        }
    }

    /// Inverse sentence frequency of `stem` in the background, from 0 (in
    /// every sentence) to its maximum for a stem the table does not hold.
    pub fn idf(&self, stem: &str) -> f32 {
        let count = self.frequency.get(stem).copied().unwrap_or(0) as f32;
        ((self.sentences + 1.0) / (count + 1.0)).ln()
    }

    /// The idf of a stem the table does not hold.
    pub fn max_idf(&self) -> f32 {
        (self.sentences + 1.0).ln()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_weigh_less_than_rare_ones() {
        let background = Background::builtin();
        assert!(background.sentences > 10_000.0);
        assert!(background.idf("year") < background.idf("earthquak"));
        assert_eq!(background.idf("zzqxv"), background.max_idf());
    }

    #[test]
    fn a_damaged_table_reads_as_empty_not_as_a_panic() {
        let background = Background::parse("garbage\nno tab here\nword\tNaN\n");
        assert_eq!(background.idf("word"), background.max_idf());
    }
}
