//! Word-level normalisation shared by topic retrieval, alignment and the diff:
//! tokens with byte offsets, lowercased, possessives dropped, acronyms joined
//! ("U.S." is one token "us"), numbers normalised ("800,000" → "800000",
//! "four" → "4"), and English stems.

use crate::lexicon;
use rust_stemmers::{Algorithm, Stemmer};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text the token was read from.
    pub start: usize,
    pub end: usize,
    /// Lowercased surface form (numbers in digits), what the diff compares.
    /// Shared: a corpus of millions of tokens has a few ten thousand words.
    pub norm: Arc<str>,
    /// English stem of `norm` (numbers unchanged), what matching compares.
    pub stem: Arc<str>,
    pub is_number: bool,
    /// A function word or a reporting verb: carries no subject matter.
    pub is_stopword: bool,
}

/// Holds the stemmer so callers tokenise many sentences without rebuilding
/// it, and the words seen so far, so every token of one word shares its
/// text: the token index of a large corpus would otherwise hold two strings
/// per token.
pub struct Normalizer {
    stemmer: Stemmer,
    words: RefCell<HashSet<Arc<str>>>,
    /// What a lowercased word became the first time, so stemming runs once
    /// per distinct word rather than once per token.
    seen: RefCell<HashMap<Box<str>, Option<Word>>>,
}

/// The parts of a token that depend only on its word.
#[derive(Clone)]
struct Word {
    norm: Arc<str>,
    stem: Arc<str>,
    is_number: bool,
    is_stopword: bool,
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer {
            stemmer: Stemmer::create(Algorithm::English),
            words: RefCell::default(),
            seen: RefCell::default(),
        }
    }
}

impl Normalizer {
    /// Tokens of `text`; offsets are relative to `text` plus `base`.
    pub fn tokens(&self, text: &str, base: usize) -> Vec<Token> {
        raw_words(text)
            .into_iter()
            .filter_map(|(start, end)| self.token(&text[start..end], base + start, base + end))
            .collect()
    }

    /// Stems of a free-text phrase, stopwords kept (phrases match verbatim).
    pub fn phrase_stems(&self, text: &str) -> Vec<String> {
        self.tokens(text, 0)
            .into_iter()
            .map(|token| token.stem.to_string())
            .collect()
    }

    fn intern(&self, word: &str) -> Arc<str> {
        let mut words = self.words.borrow_mut();
        if let Some(shared) = words.get(word) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(word);
        words.insert(Arc::clone(&shared));
        shared
    }

    fn token(&self, word: &str, start: usize, end: usize) -> Option<Token> {
        let lower = word.to_lowercase();
        let cached = self.seen.borrow().get(lower.as_str()).cloned();
        let word = match cached {
            Some(word) => word,
            None => {
                let word = self.word(&lower);
                self.seen
                    .borrow_mut()
                    .insert(lower.into_boxed_str(), word.clone());
                word
            }
        }?;
        Some(Token {
            start,
            end,
            norm: word.norm,
            stem: word.stem,
            is_number: word.is_number,
            is_stopword: word.is_stopword,
        })
    }

    fn word(&self, lower: &str) -> Option<Word> {
        let lower = strip_possessive(lower);
        if let Some(number) = normalise_number(lower) {
            let number = self.intern(&number);
            return Some(Word {
                stem: Arc::clone(&number),
                norm: number,
                is_number: true,
                is_stopword: false,
            });
        }
        // Acronyms with dots ("u.s.", "e.u.") read as one word.
        let norm: String = lower.chars().filter(|c| *c != '.').collect();
        if norm.is_empty() {
            return None;
        }
        Some(Word {
            stem: self.intern(&self.stemmer.stem(&norm)),
            is_stopword: is_stopword(&norm),
            norm: self.intern(&norm),
            is_number: false,
        })
    }
}

/// Byte spans of words: alphanumeric runs that may contain an apostrophe,
/// a hyphen or (between digits) a comma or point, and dotted acronyms.
fn raw_words(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut words = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_alphanumeric() {
                j += 1;
                continue;
            }
            let prev = chars[j - 1].1;
            let next = chars.get(j + 1).map(|(_, c)| *c);
            let joins = match c {
                '\'' | '’' => prev.is_alphanumeric() && next.is_some_and(char::is_alphanumeric),
                // A figure fused to its unit ("6.4-magnitude", "12-member")
                // is the figure and the word: another outlet writes
                // "magnitude 6.4" or "12 members". Digits on both sides
                // are one figure ("10-7/16", "2023-24"), and "Article
                // 5-like" names something else than Article 5.
                '-' => {
                    let letters = prev.is_alphabetic() && next.is_some_and(char::is_alphabetic);
                    let digits = prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit());
                    let resembling = prev.is_ascii_digit() && resemblance_suffix(&chars[j + 1..]);
                    letters || digits || resembling
                }
                ',' | '.' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                _ => false,
            };
            if !joins {
                break;
            }
            j += 1;
        }
        // "U.S." / "E.U.": single letters each followed by a dot.
        if j == i + 1 && chars[i].1.is_alphabetic() {
            let mut k = i;
            while k + 1 < chars.len()
                && chars[k].1.is_alphabetic()
                && chars[k + 1].1 == '.'
                && (k == i || !chars[k - 1].1.is_alphanumeric() || chars[k - 1].1 == '.')
            {
                let next_letter = chars.get(k + 2).map(|(_, c)| *c);
                let after = chars.get(k + 3).map(|(_, c)| *c);
                if next_letter.is_some_and(char::is_alphabetic)
                    && !after.is_some_and(char::is_alphanumeric)
                {
                    k += 2;
                } else {
                    break;
                }
            }
            if k > i {
                // Include the trailing dot of the last letter when there is one.
                j = if chars.get(k + 1).is_some_and(|(_, c)| *c == '.') {
                    k + 2
                } else {
                    k + 1
                };
            }
        }
        let end = chars.get(j).map_or(text.len(), |(at, _)| *at);
        words.push((start, end));
        i = j;
    }
    words
}

/// Whether `rest` opens with a suffix that makes a word of resemblance
/// ("-like", "-style", "-type", "-esque").
fn resemblance_suffix(rest: &[(usize, char)]) -> bool {
    let word: String = rest
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    matches!(word.as_str(), "like" | "style" | "type" | "esque")
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

fn normalise_number(word: &str) -> Option<String> {
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let digits: String = word.chars().filter(|c| *c != ',').collect();
        if digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return Some(digits);
        }
        return None;
    }
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .iter()
        .position(|w| *w == word)
        .map(|value| value.to_string())
}

/// English function words plus the commonest verbs of saying and news filler:
/// shared by any two sentences, so they say nothing about whether two reports
/// agree.
fn is_stopword(word: &str) -> bool {
    /// Only the plainest verbs of saying, not all of
    /// [`lexicon::REPORTING_VERBS`]: the rarer ones ("warned", "denied",
    /// "conceded") say what a source did, and two reports that share them
    /// agree on it. Then honorifics, "new", "per" and the "s" of a split
    /// possessive.
    const NEWS_FILLER: &[&str] = &[
        "said",
        "says",
        "say",
        "told",
        "according",
        "stated",
        "stating",
        "noted",
        "noting",
        "added",
        "adding",
        "reportedly",
        "reported",
        "announced",
        "mr",
        "mrs",
        "ms",
        "new",
        "per",
        "s",
    ];
    lexicon::FUNCTION_WORDS.contains(&word) || NEWS_FILLER.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        Normalizer::default()
            .tokens(text, 0)
            .into_iter()
            .map(|t| t.norm.to_string())
            .collect()
    }

    #[test]
    fn every_token_of_one_word_shares_its_text() {
        let normalizer = Normalizer::default();
        let tokens = normalizer.tokens("Talks resumed; the talks ended.", 0);
        assert!(Arc::ptr_eq(&tokens[0].norm, &tokens[3].norm));
        assert!(Arc::ptr_eq(&tokens[0].stem, &tokens[3].stem));
    }

    #[test]
    fn joins_acronyms_numbers_and_drops_possessives() {
        assert_eq!(
            norms("U.S. officials said Ukraine’s 800,000 troops, four years."),
            [
                "us",
                "officials",
                "said",
                "ukraine",
                "800000",
                "troops",
                "4",
                "years"
            ]
        );
        assert_eq!(
            norms("the E.U. and NATO's role"),
            ["the", "eu", "and", "nato", "role"]
        );
        assert_eq!(norms("90% of 2.5 bn"), ["90", "of", "2.5", "bn"]);
    }

    #[test]
    fn a_figure_fused_to_its_unit_is_two_words() {
        assert_eq!(
            norms("a 6.4-magnitude aftershock"),
            ["a", "6.4", "magnitude", "aftershock"]
        );
        assert_eq!(norms("magnitude-6.4"), ["magnitude", "6.4"]);
        assert_eq!(norms("a 12-member jury"), ["a", "12", "member", "jury"]);
        assert_eq!(
            norms("a well-known co-founder"),
            ["a", "well-known", "co-founder"]
        );
        assert_eq!(
            norms("an Article 5-like pledge"),
            ["an", "article", "5-like", "pledge"]
        );
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "Über «peace» talks — U.S.-led, 24/7.";
        for token in Normalizer::default().tokens(text, 0) {
            assert!(text.get(token.start..token.end).is_some());
        }
        let tokens = Normalizer::default().tokens("x U.S. y", 10);
        assert_eq!((tokens[1].start, tokens[1].end), (12, 16));
    }

    #[test]
    fn stems_inflections_together() {
        let n = Normalizer::default();
        assert_eq!(
            n.phrase_stems("security guarantees"),
            n.phrase_stems("Security Guarantee")
        );
    }

    #[test]
    fn hostile_text_does_not_panic() {
        let n = Normalizer::default();
        for text in [
            "",
            "'''",
            "-",
            "1,",
            ".5",
            "a.",
            "A.B",
            "\u{202e}x\u{0}y",
            "’s",
        ] {
            let _ = n.tokens(text, 0);
        }
    }
}
