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
use features::Doc;
use model::{Model, ModelError};
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
pub fn names(body: &str, sentences: &[Sentence], hits: &[Hit]) -> Vec<Name> {
    let mut tokens = Vec::new();
    let mut ranges = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        let from = tokens.len();
        tokens::tokenize_into(body, sentence.start, sentence.end, &mut tokens);
        if tokens.len() > from {
            ranges.push((from, tokens.len()));
        }
    }
    let Ok(model) = embedded() else {
        return Vec::new();
    };
    let doc = Doc::new(body, &tokens, &ranges, hits);
    let mut found = Vec::new();
    model.tag(&doc, &mut found);
    found
        .into_iter()
        .filter_map(|(from, to, kind)| {
            let mut from = from;
            // A sentence's first word that the document also writes in lower
            // case is capitalised by its place: alone it is no name
            // ("Already, ..."), and it is no part of a person's ("Later
            // Petrenko met ..."; a place's may be: "New York").
            let opening = ranges.binary_search_by_key(&from, |range| range.0).is_ok();
            if opening && doc.common_word(from) {
                if to - from == 1 {
                    return None;
                }
                if kind == EntityType::Person {
                    from += 1;
                }
            }
            Some((from, to, kind))
        })
        .map(|(from, to, kind)| Name {
            start: tokens[from].0,
            end: tokens[to - 1].1,
            kind,
            common: (from..to).any(|index| doc.common_word(index)),
            in_prose: (from..to).any(|index| doc.named_in_prose(index)),
        })
        .collect()
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
    let doc = Doc::new(text, tokens, sentences, hits);
    let mut found = Vec::new();
    model.tag(&doc, &mut found);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_embedded_model_matches_this_build() {
        if let Err(error) = embedded() {
            panic!("assets/ner/model.bin: {error}; retrain with scripts/train_ner.sh");
        }
    }
}
