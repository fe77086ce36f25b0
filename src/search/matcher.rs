//! The fuzzy matcher behind an interface of our own, so the algorithm can be
//! swapped without touching the query engine.
//!
//! Texts and patterns arrive already folded and, for case-insensitive terms,
//! lower-cased: the matcher compares chars exactly and never re-folds.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use nucleo_matcher::{Config, Utf32Str};
use std::cell::RefCell;

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

/// nucleo-matcher's fzf-v2 algorithm (helix's picker). Unlike SkimMatcherV2
/// it reuses its score matrix between calls and reads ASCII text in place, so
/// matching a sentence allocates nothing.
#[derive(Debug, Default, Clone, Copy)]
pub struct NucleoMatcher;

/// nucleo's matcher needs `&mut` and owns a few hundred KiB of scratch space,
/// so each matching thread keeps its own, with buffers for non-ASCII text.
struct NucleoScratch {
    matcher: nucleo_matcher::Matcher,
    text: Vec<char>,
    pattern: Vec<char>,
    indices: Vec<u32>,
}

thread_local! {
    static NUCLEO: RefCell<NucleoScratch> = RefCell::new(NucleoScratch {
        matcher: nucleo_matcher::Matcher::new(nucleo_config()),
        text: Vec::new(),
        pattern: Vec::new(),
        indices: Vec::new(),
    });
}

/// Inputs are folded and lower-cased by the index and the query already;
/// nucleo must compare chars as given.
fn nucleo_config() -> Config {
    let mut config = Config::DEFAULT;
    config.ignore_case = false;
    config.normalize = false;
    config
}

/// The text as nucleo reads it: ASCII in place, anything else one `char` per
/// element (not per grapheme, as `Utf32Str::new` would) so indices stay char
/// indices.
fn utf32<'a>(text: &'a str, buffer: &'a mut Vec<char>) -> Utf32Str<'a> {
    if text.is_ascii() {
        Utf32Str::Ascii(text.as_bytes())
    } else {
        buffer.clear();
        buffer.extend(text.chars());
        Utf32Str::Unicode(buffer)
    }
}

impl Matcher for NucleoMatcher {
    fn score(&self, text: &str, pattern: &str) -> Option<i64> {
        if !is_subsequence(text.as_bytes(), pattern.as_bytes())
            || u32::try_from(text.len()).is_err()
        {
            return None;
        }
        NUCLEO.with_borrow_mut(|scratch| {
            let haystack = utf32(text, &mut scratch.text);
            let needle = utf32(pattern, &mut scratch.pattern);
            scratch.matcher.fuzzy_match(haystack, needle).map(i64::from)
        })
    }

    fn indices(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        if !is_subsequence(text.as_bytes(), pattern.as_bytes())
            || u32::try_from(text.len()).is_err()
        {
            return None;
        }
        NUCLEO.with_borrow_mut(|scratch| {
            let haystack = utf32(text, &mut scratch.text);
            let needle = utf32(pattern, &mut scratch.pattern);
            scratch.indices.clear();
            let score = scratch
                .matcher
                .fuzzy_indices(haystack, needle, &mut scratch.indices)?;
            let mut indices: Vec<usize> = scratch.indices.iter().map(|&i| i as usize).collect();
            indices.sort_unstable();
            indices.dedup();
            Some((i64::from(score), indices))
        })
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
        let matchers: [&dyn Matcher; 2] = [&SkimMatcher::default(), &NucleoMatcher];
        for matcher in matchers {
            let (_, indices) = matcher.indices("é ab", "ab").expect("match");
            assert_eq!(indices, vec![2, 3]);
        }
    }

    #[test]
    fn both_matchers_accept_the_same_texts() {
        let skim = SkimMatcher::default();
        for (text, pattern) in [
            (
                "witkoff characterized the agreement as game-changing",
                "witkof game chang",
            ),
            ("800,000 troops", "800000 tro"),
            ("abc", "abcd"),
            ("são paulo", "sp"),
            ("são paulo", "ão p"),
            ("", "a"),
            ("a", ""),
            ("Case", "case"),
        ] {
            assert_eq!(
                skim.score(text, pattern).is_some(),
                NucleoMatcher.score(text, pattern).is_some(),
                "{text} / {pattern}"
            );
        }
    }
}
