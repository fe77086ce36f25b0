//! Words that name one thing: the first sense of each single English word in
//! WordNet 3.1 (`assets/facts/synonyms.tsv`, built by
//! `scripts/build_synonyms.py`). Two reports of one fact often say it in
//! different words ("purchases" / "buys"); a word whose most
//! frequent sense is the other's lets the match see that.
//!
//! Only first senses: a word's rarer senses join it to words it hardly ever
//! means in news, and every such link is a chance for two different facts to
//! look alike.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../assets/facts/synonyms.tsv");

pub struct Synonyms {
    concepts: HashMap<Box<str>, Box<[u32]>>,
}

impl Synonyms {
    /// The shipped table, parsed once per process.
    pub fn builtin() -> &'static Synonyms {
        static ONCE: OnceLock<Synonyms> = OnceLock::new();
        ONCE.get_or_init(|| Synonyms::parse(TABLE))
    }

    fn parse(table: &str) -> Synonyms {
        let concepts = table
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let (word, ids) = line.split_once('\t')?;
                let ids: Option<Box<[u32]>> = ids.split(',').map(|id| id.parse().ok()).collect();
                Some((Box::from(word), ids?))
            })
            .collect();
        Synonyms { concepts }
    }

    /// The concepts of a lowercased word, read through its inflections
    /// ("rulings", "decided") the way WordNet's own lookup undoes them;
    /// sorted, distinct.
    pub fn of(&self, word: &str) -> Vec<u32> {
        let mut found: Vec<u32> = Vec::new();
        if let Some(ids) = self.concepts.get(word) {
            found.extend_from_slice(ids);
        }
        let mut lemma = String::new();
        for (suffix, ending) in DETACHMENTS {
            let Some(base) = word.strip_suffix(suffix) else {
                continue;
            };
            if base.len() < 2 {
                continue;
            }
            lemma.clear();
            lemma.push_str(base);
            lemma.push_str(ending);
            if let Some(ids) = self.concepts.get(lemma.as_str()) {
                found.extend_from_slice(ids);
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// WordNet's detachment rules for nouns, verbs and adjectives: a suffix and
/// what replaces it.
const DETACHMENTS: [(&str, &str); 16] = [
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("er", ""),
    ("est", ""),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_one_first_sense_share_a_concept_through_inflections() {
        let synonyms = Synonyms::builtin();
        let shared = |a: &str, b: &str| {
            let (x, y) = (synonyms.of(a), synonyms.of(b));
            x.iter().any(|c| y.contains(c))
        };
        assert!(shared("purchases", "buys"));
        assert!(shared("quakes", "earthquake"));
        assert!(!shared("gathering", "collective"));
        assert!(synonyms.of("zzqxv").is_empty());
    }

    #[test]
    fn a_damaged_table_reads_what_it_can() {
        let synonyms = Synonyms::parse("# header\nword\t1,2\nbroken\nbad\tx\n");
        assert_eq!(synonyms.of("word"), vec![1, 2]);
        assert_eq!(synonyms.of("words"), vec![1, 2]);
        assert!(synonyms.of("bad").is_empty());
    }
}
