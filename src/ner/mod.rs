//! Statistical name tagger: an averaged perceptron over CoNLL-style tokens,
//! decoded with Viterbi over BIO tags (PER, ORG, LOC, MISC; MISC is not
//! output). Trained by `scripts/train_ner.sh` on CoNLL-2003; the weights are
//! embedded from `assets/ner/model.bin` and parsed once per process.

mod features;
pub mod model;
mod tokens;
#[cfg(any(test, feature = "train"))]
pub mod train;

use crate::entities::gazetteer::Hit;
use crate::model::{EntityType, Sentence};
use features::{Gazetteer, WINDOW, Window, Words};
use model::{Model, ModelError, Scratch};
use std::sync::OnceLock;

/// The trained weights, as `scripts/train_ner.sh` wrote them.
pub const MODEL: &[u8] = include_bytes!("../../assets/ner/model.bin");

/// The embedded model, parsed on first use.
pub fn embedded() -> Result<&'static Model, &'static ModelError> {
    static PARSED: OnceLock<Result<Model, ModelError>> = OnceLock::new();
    PARSED.get_or_init(|| Model::parse(MODEL)).as_ref()
}

/// A name the tagger found: byte offsets into the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// One of its capitalised words is written in lower case elsewhere in the
    /// document ("Key Developments" over a text about key developments).
    pub common: bool,
    /// One of its words is capitalised inside a sentence of prose elsewhere.
    pub in_prose: bool,
}

/// The names in `sentences` of `body`; `hits` are the gazetteer hits of the
/// whole body. Without a usable model (a build with a mismatched asset, which
/// a test rules out) nothing is found and the rules work alone.
///
/// The body is read twice, a window of a sentence at a time: once for what
/// the whole document says of each word, once to tag. Only the words' flags
/// are kept for the whole document, so memory stays that of one window
/// (a short body also keeps its tokens between the passes, [`CACHE_BYTES`]).
pub fn names(body: &str, sentences: &[Sentence], hits: &[Hit]) -> Vec<Name> {
    names_with(body, sentences, hits, body.len() <= CACHE_BYTES)
}

/// [`names`], keeping the first pass's tokens for the second if `cache`.
fn names_with(body: &str, sentences: &[Sentence], hits: &[Hit], cache: bool) -> Vec<Name> {
    let Ok(model) = embedded() else {
        return Vec::new();
    };
    let mut tokens = Vec::new();
    let mut window = Window::default();
    let mut words = Words::default();
    // With `cache`, the first pass's tokens (and where each window ends)
    // serve the second, instead of cutting the body again.
    let (mut cached, mut ends) = (Vec::new(), Vec::new());
    windows(body, sentences, &mut tokens, |tokens| {
        words.note(body, tokens, &mut window);
        if cache {
            cached.extend_from_slice(tokens);
            ends.push(cached.len());
        }
    });
    let mut gazetteer = Gazetteer::new(hits);
    let mut scratch = Scratch::default();
    let mut found = Vec::new();
    let mut names = Vec::new();
    let mut tag = |tokens: &[(usize, usize)]| {
        window.read(body, tokens, &mut gazetteer, &words);
        found.clear();
        model.tag(&window, &mut scratch, &mut found);
        names.extend(found.iter().filter_map(|&(from, to, kind)| {
            let mut from = from;
            // A sentence's first word that the document also writes in lower
            // case is capitalised by its place: alone it is no name
            // ("Already, ..."), and it is no part of a person's ("Later
            // Petrenko met ..."; a place's may be: "New York").
            if from == 0 && window.common_word(from) {
                if to - from == 1 {
                    return None;
                }
                if kind == EntityType::Person {
                    from += 1;
                }
            }
            Some(Name {
                start: tokens[from].0,
                end: tokens[to - 1].1,
                kind,
                common: (from..to).any(|index| window.common_word(index)),
                in_prose: (from..to).any(|index| window.named_in_prose(index)),
            })
        }));
    };
    if cache {
        let mut start = 0;
        for &end in &ends {
            tag(&cached[start..end]);
            start = end;
        }
    } else {
        windows(body, sentences, &mut tokens, tag);
    }
    names
}

/// The longest body whose tokens [`names`] keeps between its two passes: at
/// most a token per byte, 16 bytes each, so at most 1 MiB held.
const CACHE_BYTES: usize = 64 * 1024;

/// Hands `each` the tokens of every sentence, [`WINDOW`] tokens at a time
/// (a window ends at the end of a word), in `tokens`.
fn windows(
    body: &str,
    sentences: &[Sentence],
    tokens: &mut Vec<(usize, usize)>,
    mut each: impl FnMut(&[(usize, usize)]),
) {
    for sentence in sentences {
        let mut at = sentence.start;
        while at < sentence.end {
            tokens.clear();
            at = tokens::tokenize_until(body, at, sentence.end, WINDOW, tokens);
            if !tokens.is_empty() {
                each(tokens);
            }
        }
    }
}

/// The names of text already cut into `tokens` (byte ranges into `text`) and
/// `sentences` (token index ranges), as token ranges: how the tagger is
/// measured on gold tokens.
pub fn tag_tokens(
    text: &str,
    tokens: &[(usize, usize)],
    sentences: &[(usize, usize)],
    hits: &[Hit],
) -> Vec<(usize, usize, EntityType)> {
    let Ok(model) = embedded() else {
        return Vec::new();
    };
    let mut scratch = Scratch::default();
    let mut found = Vec::new();
    features::read_gold(text, tokens, sentences, hits, |from, window| {
        let start = found.len();
        model.tag(window, &mut scratch, &mut found);
        for span in &mut found[start..] {
            span.0 += from;
            span.1 += from;
        }
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_kept_between_the_passes_tag_as_tokens_cut_twice() {
        // Invented text, with a sentence longer than a window.
        let mut text = String::from("Talks in Varnholt\n\n");
        text.push_str("Mira Olsen of Dunmore Securities met Karl Brandt in Varnholt on Monday. ");
        text.push_str("The Harwell Group said the talks with Brandt would go on. ");
        for at in 0..(WINDOW / 3 + 5) {
            text.push_str(&format!("Olsen met Brandt {at} times, "));
        }
        text.push_str("and Dunmore said so.\n");
        let blocks = crate::structure::blocks(&text, crate::load::Format::Text);
        let sentences = crate::sentences::split(&text, &blocks);
        let hits = crate::entities::gazetteer::scan(&text);
        let kept = names_with(&text, &sentences, &hits, true);
        assert!(kept.len() > WINDOW / 3, "{} names", kept.len());
        assert_eq!(kept, names_with(&text, &sentences, &hits, false));
        assert_eq!(kept, names(&text, &sentences, &hits));
    }

    fn found(text: &str) -> Vec<(&str, EntityType)> {
        let blocks = crate::structure::blocks(text, crate::load::Format::Text);
        let sentences = crate::sentences::split(text, &blocks);
        let hits = crate::entities::gazetteer::scan(text);
        names(text, &sentences, &hits)
            .iter()
            .map(|name| (&text[name.start..name.end], name.kind))
            .collect()
    }

    #[test]
    fn an_opening_word_the_text_writes_in_lower_case_is_no_name_alone() {
        // Alone the model reads the first word as the country.
        assert!(found("Turkey prices rose.").contains(&("Turkey", EntityType::Place)));
        let text = "Turkey prices rose. The turkey was cheap, Dahl said.";
        assert_eq!(found(text), [("Dahl", EntityType::Person)]);
    }

    #[test]
    fn a_sentence_longer_than_a_window_is_tagged_window_by_window() {
        // No full stop: one sentence of several windows.
        let repeats = WINDOW / 2;
        let text = "and later Okafor met Dahl in Varnholt ".repeat(repeats);
        let names = found(&text);
        let count =
            |wanted: (&str, EntityType)| names.iter().filter(|&&name| name == wanted).count();
        // Every mention is found, past the first window too; a window's edge
        // may cost a name.
        assert!(
            count(("Dahl", EntityType::Person)) + 2 >= repeats,
            "{names:?}"
        );
        assert!(
            count(("Varnholt", EntityType::Place)) + 2 >= repeats,
            "{names:?}"
        );
    }

    #[test]
    fn the_embedded_model_matches_this_build() {
        if let Err(error) = embedded() {
            panic!("assets/ner/model.bin: {error}; retrain with scripts/train_ner.sh");
        }
    }
}
