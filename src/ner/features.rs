//! The tagger's features, shared by training and tagging so the two can never
//! disagree. Every feature is a 32-bit key made by mixing a template number
//! with hashes precomputed once per token: nothing is allocated per token, and
//! the hash is fixed (not std's randomised one) so training is reproducible.

use crate::entities::gazetteer::{self, Hit};
use crate::model::EntityType;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The keys of the per-document word map are already hashes: no need to
/// hash them again.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = feed(self.0, u64::from(byte));
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// Bumped whenever the features change: a model trained on other features is
/// refused at load time instead of tagging nonsense.
pub const FEATURE_VERSION: u32 = 4;

/// Sentences longer than this many tokens are read a window at a time, each
/// window as if it were a sentence: whatever the input (a text without a full
/// stop is one sentence), the tagger holds at most this many tokens' records.
/// No sentence of news prose comes near it; CoNLL's longest has 124 tokens.
pub const WINDOW: usize = 1024;

/// What the whole document says about each word: the only thing the tagger
/// keeps for a whole document, one entry per distinct word (not per token).
#[derive(Default)]
pub struct Words {
    /// Lower-cased word hash → `SEEN_*` flags.
    seen: HashMap<u64, u8, BuildHasherDefault<Prehashed>>,
}

/// A window of one sentence's tokens, with what the tagger knows of each
/// token before looking at its neighbours. Reused from window to window.
pub struct Window {
    infos: Vec<Info>,
    /// How the window's words are capitalised.
    mode: Mode,
}

/// The gazetteer hits of a document, read in order of the tokens.
pub struct Gazetteer<'h> {
    hits: &'h [Hit],
    next: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Prose,
    /// Most words capitalised: a headline or a list of names.
    TitleCase,
    /// ALL-CAPS headline or dateline: capitals say nothing.
    AllCaps,
}

#[derive(Clone, Copy, Default)]
struct Info {
    raw: u64,
    lower: u64,
    shape: u64,
    prefixes: [u64; 3],
    suffixes: [u64; 4],
    /// Gazetteer: 0 none, else 1 + 2·kind + (1 if inside a name, 0 at its start).
    gazetteer: u8,
    /// What other mentions of the same word in the document look like.
    document: u8,
    capitalised: bool,
    upper: bool,
}

const SEEN_LOWER: u8 = 1;
const SEEN_CAPITALISED_INSIDE: u8 = 2;
const SEEN_CAPITALISED_IN_PROSE: u8 = 4;

const BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// One multiply per value (FxHash's step): features are hashed millions of
/// times a second.
fn feed(hash: u64, value: u64) -> u64 {
    (hash.rotate_left(5) ^ value).wrapping_mul(MULTIPLIER)
}

fn feed_char(hash: u64, c: char) -> u64 {
    feed(hash, u64::from(u32::from(c)))
}

fn hash_chars(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(BASIS, feed_char)
}

/// "Xx", "X.X.", "d-d": character classes with repeats collapsed.
fn shape_hash(word: &str) -> u64 {
    let mut hash = BASIS;
    let mut previous = None;
    for c in word.chars().map(ascii_quote) {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if previous != Some(class) {
            hash = feed_char(hash, class);
            previous = Some(class);
        }
    }
    hash
}

/// CoNLL's text has ASCII quotes only: "’s" must look like "'s".
fn ascii_quote(c: char) -> char {
    match c {
        '’' | '‘' | '`' | '´' => '\'',
        '“' | '”' | '«' | '»' => '"',
        other => other,
    }
}

/// Hands `word` to `take` lower-cased, a character at a time, as the
/// features see it (typographic quotes as ASCII ones).
fn each_lower(word: &str, mut take: impl FnMut(char)) {
    for c in word.chars().map(ascii_quote) {
        if c.is_ascii() {
            take(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut take);
        }
    }
}

/// What the document-wide pass needs of a token: its lower-cased word and
/// its capitals; the rest of its record stays empty.
fn case_info(word: &str) -> Info {
    let mut lower = BASIS;
    each_lower(word, |c| lower = feed_char(lower, c));
    Info {
        lower,
        capitalised: capitalised(word),
        upper: upper(word),
        ..Info::default()
    }
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn upper(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

fn info(word: &str) -> Info {
    // One pass over the lower-cased word gives its hash, its prefixes and
    // its last four letters.
    let mut lower = BASIS;
    let mut prefixes = [0; 3];
    // The last four letters, as a ring.
    let mut ring = ['\0'; 4];
    let mut count = 0;
    each_lower(word, |c| {
        lower = feed_char(lower, c);
        if let Some(slot) = prefixes.get_mut(count) {
            *slot = lower;
        }
        ring[count % 4] = c;
        count += 1;
    });
    let mut suffixes = [0; 4];
    for (length, slot) in suffixes.iter_mut().enumerate() {
        let length = length + 1;
        if length <= count {
            *slot = hash_chars((count - length..count).map(|at| ring[at % 4]));
        }
    }
    Info {
        raw: hash_chars(word.chars().map(ascii_quote)),
        lower,
        shape: shape_hash(word),
        prefixes,
        suffixes,
        gazetteer: 0,
        document: 0,
        capitalised: capitalised(word),
        upper: upper(word),
    }
}

fn mode(infos: &[Info], text: &str, tokens: &[(usize, usize)]) -> Mode {
    let mut words = 0;
    let mut upper = 0;
    let mut capitalised = 0;
    for (info, &(start, end)) in infos.iter().zip(tokens) {
        let word = &text[start..end];
        if !word.chars().any(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if info.upper && word.len() > 1 {
            upper += 1;
        }
        if info.capitalised {
            capitalised += 1;
        }
    }
    if words > 0 && upper * 10 >= words * 6 {
        Mode::AllCaps
    } else if words >= 2 && capitalised * 10 >= words * 6 {
        Mode::TitleCase
    } else {
        Mode::Prose
    }
}

impl Words {
    /// Notes how the words of one window (`tokens`, byte ranges into `text`)
    /// are written; `scratch` lends its buffer.
    pub fn note(&mut self, text: &str, tokens: &[(usize, usize)], scratch: &mut Window) {
        let infos = &mut scratch.infos;
        infos.clear();
        infos.extend(
            tokens
                .iter()
                .map(|&(start, end)| case_info(&text[start..end])),
        );
        let mode = mode(infos, text, tokens);
        for (position, info) in infos.iter().enumerate() {
            let flag = if !info.capitalised {
                SEEN_LOWER
            } else if mode == Mode::AllCaps || info.upper || position == 0 {
                // A capital that starts a sentence or is part of ALL CAPS
                // says nothing about the word.
                0
            } else if mode == Mode::Prose {
                SEEN_CAPITALISED_IN_PROSE | SEEN_CAPITALISED_INSIDE
            } else {
                SEEN_CAPITALISED_INSIDE
            };
            *self.seen.entry(info.lower).or_default() |= flag;
        }
    }

    fn of(&self, lower: u64) -> u8 {
        self.seen.get(&lower).copied().unwrap_or(0)
    }
}

impl<'h> Gazetteer<'h> {
    /// `hits` of the whole text, in order; tokens must then be read in order.
    pub fn new(hits: &'h [Hit]) -> Gazetteer<'h> {
        Gazetteer { hits, next: 0 }
    }

    /// 0 outside a hit, else 1 + 2·kind + (1 if inside a name, 0 at its start).
    fn at(&mut self, start: usize, end: usize) -> u8 {
        while self.next < self.hits.len() && self.hits[self.next].end <= start {
            self.next += 1;
        }
        match self.hits.get(self.next) {
            Some(found) if found.start <= start && end <= found.end => {
                let kind = match gazetteer::entry(found.entry).kind {
                    EntityType::Place => 0,
                    EntityType::Organization => 1,
                    EntityType::Person => 2,
                };
                1 + 2 * kind + u8::from(found.start < start)
            }
            _ => 0,
        }
    }
}

impl Default for Window {
    fn default() -> Window {
        Window {
            infos: Vec::new(),
            mode: Mode::Prose,
        }
    }
}

impl Window {
    /// Reads one window (`tokens`, byte ranges into `text`) in full, once
    /// `words` has noted every window of the document.
    pub fn read(
        &mut self,
        text: &str,
        tokens: &[(usize, usize)],
        gazetteer: &mut Gazetteer,
        words: &Words,
    ) {
        self.infos.clear();
        self.infos.extend(tokens.iter().map(|&(start, end)| {
            let mut info = info(&text[start..end]);
            info.gazetteer = gazetteer.at(start, end);
            info.document = words.of(info.lower);
            info
        }));
        self.mode = mode(&self.infos, text, tokens);
    }

    pub fn len(&self) -> usize {
        self.infos.len()
    }

    /// A capitalised token whose word the document also writes in lower case:
    /// a common word, capitalised here by a heading or a sentence start.
    pub fn common_word(&self, index: usize) -> bool {
        let info = &self.infos[index];
        info.capitalised && info.document & SEEN_LOWER != 0
    }

    /// A token whose word the document also capitalises inside a sentence of
    /// running prose, where a capital means a name.
    pub fn named_in_prose(&self, index: usize) -> bool {
        self.infos[index].document & SEEN_CAPITALISED_IN_PROSE != 0
    }

    /// The feature keys of token `index` of the window, appended to `out`.
    pub fn features(&self, index: usize, out: &mut Vec<u32>) {
        let mode = self.mode as u64;
        let at =
            |offset: isize| -> Option<&Info> { self.infos.get(index.checked_add_signed(offset)?) };
        const OUTSIDE: u64 = 0x5eed;
        let lower = |offset| at(offset).map_or(OUTSIDE, |info| info.lower);
        let shape = |offset| at(offset).map_or(OUTSIDE, |info| info.shape);
        let gazetteer = |offset| at(offset).map_or(0xff, |info| u64::from(info.gazetteer));
        let word = &self.infos[index];
        let first = u64::from(index == 0);
        let mut push = |template: u64, values: &[u64]| {
            let hash = values
                .iter()
                .fold(feed(BASIS, template), |h, &v| feed(h, v));
            let key = (hash >> 32) as u32 ^ hash as u32;
            out.push(key.max(1));
        };
        push(0, &[]);
        push(1, &[word.raw]);
        push(2, &[word.lower]);
        push(3, &[word.shape]);
        push(4, &[word.shape, mode, first]);
        for (n, &prefix) in word.prefixes.iter().enumerate() {
            if prefix != 0 {
                push(10 + n as u64, &[prefix]);
            }
        }
        for (n, &suffix) in word.suffixes.iter().enumerate() {
            if suffix != 0 {
                push(20 + n as u64, &[suffix]);
            }
        }
        push(30, &[lower(-1)]);
        push(31, &[lower(1)]);
        push(32, &[lower(-2)]);
        push(33, &[lower(2)]);
        push(34, &[lower(-1), word.lower]);
        push(35, &[word.lower, lower(1)]);
        push(40, &[shape(-1)]);
        push(41, &[shape(1)]);
        push(42, &[shape(-1), word.shape, shape(1)]);
        push(50, &[gazetteer(0)]);
        push(51, &[gazetteer(-1), gazetteer(0), gazetteer(1)]);
        push(
            60,
            &[
                u64::from(word.document),
                u64::from(word.capitalised),
                u64::from(word.upper),
                mode,
                first,
            ],
        );
    }
}

/// Text already cut into `tokens` (byte ranges into `text`) and `sentences`
/// (token index ranges), read as the tagger reads a document: first every
/// window's words are noted, then each window is read in full and handed to
/// `each` with the index of its first token.
pub fn read_gold(
    text: &str,
    tokens: &[(usize, usize)],
    sentences: &[(usize, usize)],
    hits: &[Hit],
    mut each: impl FnMut(usize, &Window),
) {
    let windows = || {
        sentences.iter().flat_map(|&(from, to)| {
            (from..to)
                .step_by(WINDOW)
                .map(move |start| (start, to.min(start + WINDOW)))
        })
    };
    let mut window = Window::default();
    let mut words = Words::default();
    for (from, to) in windows() {
        words.note(text, &tokens[from..to], &mut window);
    }
    let mut gazetteer = Gazetteer::new(hits);
    for (from, to) in windows() {
        window.read(text, &tokens[from..to], &mut gazetteer, &words);
        each(from, &window);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The feature keys of token `index` of `text`, taken as one sentence.
    fn keys(text: &str, index: usize) -> Vec<u32> {
        let mut tokens = Vec::new();
        crate::ner::tokens::tokenize_into(text, 0, text.len(), &mut tokens);
        let sentences = [(0, tokens.len())];
        let mut out = Vec::new();
        read_gold(
            text,
            &tokens,
            &sentences,
            &gazetteer::scan(text),
            |_, window| {
                window.features(index, &mut out);
            },
        );
        out
    }

    #[test]
    fn the_same_word_in_the_same_context_has_the_same_features() {
        let text = "Later Okafor met Dahl";
        assert_eq!(keys(text, 1), keys(text, 1));
        assert_ne!(keys(text, 1), keys(text, 3));
    }

    #[test]
    fn case_and_neighbours_change_features() {
        let upper = keys("OKAFOR met Dahl", 0);
        let title = keys("Okafor met Dahl", 0);
        let shared = upper.iter().filter(|key| title.contains(key)).count();
        // The lower-cased word, its affixes and neighbours agree; raw form,
        // shape and sentence mode differ.
        assert!(shared > 5 && shared < upper.len());
    }
}
