//! The word lists of the engine, in one place: entities, claims and the
//! compare view reason with the same verbs of saying, function words, months
//! and titles. Where two rules need different sets, the lists are separate
//! and named for the rule, with the reason beside them.
//!
//! All are English grammar and news-writing conventions; no list here names a
//! person, place or organisation (those live in the gazetteer assets).

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

mod function;
mod measures;
mod names;
mod page;
mod speech;

pub use function::*;
pub use measures::*;
pub use names::*;
pub use page::*;
pub use speech::*;

/// A word list with a hash set built on first use, for the lists looked up
/// once per word of every sentence (a linear scan of 140 verbs per word was
/// a visible share of the analysis time).
pub struct WordSet {
    list: &'static [&'static str],
    /// Fx, not SipHash: the words are the crate's own, and hashing them
    /// was most of the cost of a look-up.
    set: OnceLock<FxHashSet<String>>,
}

impl WordSet {
    pub const fn new(list: &'static [&'static str]) -> WordSet {
        WordSet {
            list,
            set: OnceLock::new(),
        }
    }

    /// `word` is in the list, ignoring ASCII case.
    pub fn contains(&self, word: &str) -> bool {
        let set = self
            .set
            .get_or_init(|| self.list.iter().map(|w| w.to_ascii_lowercase()).collect());
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            set.contains(&word.to_ascii_lowercase())
        } else {
            set.contains(word)
        }
    }
}

pub static REPORTING: WordSet = WordSet::new(REPORTING_VERBS);
pub static HEDGING: WordSet = WordSet::new(HEDGES);
pub static EDITORIAL_WORDS: WordSet = WordSet::new(EDITORIAL);
pub static SPEAKERS: WordSet = WordSet::new(SPEAKER_NOUNS);

/// `word` is in `list`, ignoring ASCII case.
pub fn contains_ignore_case(list: &[&str], word: &str) -> bool {
    list.iter().any(|item| item.eq_ignore_ascii_case(word))
}
