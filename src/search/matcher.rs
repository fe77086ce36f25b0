//! The fuzzy matcher behind an interface of our own, so the algorithm can be
//! swapped without touching the query engine.
//!
//! Texts and patterns arrive already folded and, for case-insensitive terms,
//! lower-cased: the matcher compares chars exactly and never re-folds.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub trait Matcher: Send + Sync {
    /// The score of `pattern` as a subsequence of `text`, higher is better.
    fn score(&self, text: &str, pattern: &str) -> Option<i64>;
    /// The score and the char indices (into `text`) of the matched chars.
    fn indices(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)>;
}

/// fuzzy-matcher's SkimMatcherV2 (the algorithm of skim, close to fzf's v2).
pub struct SkimMatcher {
    inner: SkimMatcherV2,
}

impl Default for SkimMatcher {
    fn default() -> Self {
        SkimMatcher {
            inner: SkimMatcherV2::default().respect_case(),
        }
    }
}

impl Matcher for SkimMatcher {
    fn score(&self, text: &str, pattern: &str) -> Option<i64> {
        if !is_subsequence(text.as_bytes(), pattern.as_bytes()) {
            return None;
        }
        self.inner.fuzzy_match(text, pattern)
    }

    fn indices(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        if !is_subsequence(text.as_bytes(), pattern.as_bytes()) {
            return None;
        }
        self.inner.fuzzy_indices(text, pattern)
    }
}

/// A quick necessary condition: the pattern's UTF-8 bytes appear in order in
/// the text's bytes (true whenever its chars do). It rejects most texts
/// without the allocations of a full match.
pub fn is_subsequence(text: &[u8], pattern: &[u8]) -> bool {
    if pattern.len() > text.len() {
        return false;
    }
    let mut rest = text;
    for &byte in pattern {
        match memchr::memchr(byte, rest) {
            Some(at) => rest = &rest[at + 1..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsequence_check_agrees_with_the_matcher() {
        let matcher = SkimMatcher::default();
        for (text, pattern) in [
            (
                "witkoff characterized the agreement as game-changing",
                "witkof game chang",
            ),
            ("800,000 troops", "800000 tro"),
            ("abc", "abcd"),
            ("são paulo", "sp"),
            ("", "a"),
        ] {
            assert_eq!(
                is_subsequence(text.as_bytes(), pattern.as_bytes()),
                matcher.inner.fuzzy_match(text, pattern).is_some(),
                "{text} / {pattern}"
            );
        }
    }

    #[test]
    fn indices_are_char_indices() {
        let matcher = SkimMatcher::default();
        let (_, indices) = matcher.indices("é ab", "ab").expect("match");
        assert_eq!(indices, vec![2, 3]);
    }
}
