//! Short forms of names the corpus gives in full: a lone surname ("Ortiz")
//! whose full name ("Lena Ortiz") only another article spells out, or the
//! first word of an organisation ("Acme" for "Acme Research"). One article
//! alone cannot tell such a word from any capitalised word, so the rules
//! leave it out; the corpus can, when it names exactly one entity so.

use super::fold::name_key;
use super::gazetteer;
use crate::lexicon;
use crate::model::{Article, BlockKind, Entity, EntityType};
use std::collections::HashMap;
use std::sync::Arc;

/// Name key of a short form → the entity it names, or None when the corpus
/// has several.
type ShortForms = HashMap<String, Option<(EntityType, Arc<str>)>>;

fn short_forms(articles: &[Article]) -> ShortForms {
    let mut forms: ShortForms = HashMap::new();
    let mut add = |word: &str, kind: EntityType, canonical: &Arc<str>| {
        let entry = (kind, Arc::clone(canonical));
        forms
            .entry(name_key(word))
            .and_modify(|known| {
                if known.as_ref() != Some(&entry) {
                    *known = None;
                }
            })
            .or_insert(Some(entry));
    };
    for entity in articles.iter().flat_map(|article| &article.entities) {
        let words: Vec<&str> = entity.canonical.split_whitespace().collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        if words.len() < 2 {
            continue;
        }
        match entity.kind {
            EntityType::Person => add(last, EntityType::Person, &entity.canonical),
            // "Acme Research", "Workers Party": a name and what it is; not
            // "Socialist Party", whose first word alone is an adjective
            // ("the Socialist government").
            EntityType::Organization
                if words[1..]
                    .iter()
                    .all(|word| lexicon::contains_ignore_case(lexicon::ORG_SUFFIXES, word))
                    && !adjectival(first) =>
            {
                add(first, EntityType::Organization, &entity.canonical);
            }
            _ => {}
        }
    }
    forms
}

/// "Socialist", "Conservative", "Liberal", "Democratic", "Republican".
fn adjectival(word: &str) -> bool {
    let lower = word.to_lowercase();
    ["ist", "ive", "ic", "al", "an", "ish", "ese"]
        .iter()
        .any(|ending| lower.ends_with(ending))
}

/// A capitalised word inside a sentence (a capital at its start says
/// nothing): the cheap test, before any lookup.
fn capitalised_inside(body: &str, start: usize, word: &str) -> bool {
    let before = body[..start].trim_end();
    word.chars().count() >= 3
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && !before.is_empty()
        && !before.ends_with(['.', '!', '?', '"', '“', ':', '\n'])
}

/// Not a function word, title or month, nor a name the gazetteer knows.
fn could_be_a_name(word: &str) -> bool {
    !lexicon::is_function_word(word)
        && !lexicon::contains_ignore_case(lexicon::SENTENCE_OPENERS, word)
        && !lexicon::contains_ignore_case(lexicon::TITLES, word)
        && !lexicon::contains_ignore_case(lexicon::MONTHS, word)
        && !lexicon::contains_ignore_case(lexicon::NEVER_NAMES, word)
        && gazetteer::scan(word).is_empty()
}

/// Words (letters, digits and inner hyphens) with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive(|c: char| !(c.is_alphanumeric() || c == '-'))
        .scan(0, |at, piece| {
            let start = *at;
            *at += piece.len();
            let word = piece.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '-'));
            Some((start, word))
        })
        .filter(|(_, word)| !word.is_empty())
}

/// A word the gazetteer knows whole as a place.
pub(super) fn known_place(word: &str) -> bool {
    gazetteer::scan(word).first().is_some_and(|hit| {
        hit.start == 0
            && hit.end == word.len()
            && gazetteer::entry(hit.entry).kind == EntityType::Place
    })
}

/// Adds the short-form mentions of corpus entities to every article.
pub(super) fn adopt_short_forms(articles: &mut [Article]) {
    let forms = short_forms(articles);
    if forms.is_empty() {
        return;
    }
    for article in articles.iter_mut() {
        let mut found: Vec<Entity> = Vec::new();
        for block in &article.blocks {
            if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
                continue;
            }
            let Some(text) = article.body.get(block.start..block.end) else {
                continue;
            };
            for (offset, word) in words(text) {
                let start = block.start + offset;
                let end = start + word.len();
                if !capitalised_inside(&article.body, start, word) {
                    continue;
                }
                let Some(Some((kind, canonical))) = forms.get(&name_key(word)) else {
                    continue;
                };
                // Entities are sorted and disjoint: the first ending after
                // `start` is the only one that can overlap.
                let next = article
                    .entities
                    .partition_point(|entity| entity.end <= start);
                let overlapping = article
                    .entities
                    .get_mut(next)
                    .filter(|entity| entity.start < end);
                if let Some(entity) = overlapping {
                    // The tagger may read a lone surname or a company's short
                    // name as a place ("opened by Ortiz", "losses at Acme");
                    // the corpus naming that person or company in full says
                    // otherwise, unless the word is a place the gazetteer knows.
                    let same_word = entity.start == start && entity.end == end;
                    let retyped = match kind {
                        EntityType::Person => entity.kind != EntityType::Person,
                        EntityType::Organization => entity.kind == EntityType::Place,
                        EntityType::Place => false,
                    };
                    if same_word && retyped && !known_place(word) {
                        entity.kind = *kind;
                        entity.canonical = canonical.clone();
                    }
                    continue;
                }
                if could_be_a_name(word) {
                    found.push(Entity {
                        start,
                        end,
                        kind: *kind,
                        canonical: canonical.clone(),
                    });
                }
            }
        }
        if !found.is_empty() {
            article.entities.extend(found);
            article.entities.sort_by_key(|entity| entity.start);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::article_from_text;
    use crate::model::EntityType;

    #[test]
    fn a_surname_or_short_name_spelt_out_in_another_article_is_found() {
        let mut articles = vec![
            article_from_text(
                "a",
                "Judge Lena Ortiz opened the hearing for Acme Research on Monday.",
            ),
            article_from_text(
                "b",
                "The hearing was opened by Ortiz, and lawyers for Acme objected. \
                 The Socialist Party and Socialist deputies were absent.",
            ),
            article_from_text("c", "Judge Tom Vale and Judge Ana Vale sat together."),
            article_from_text("d", "The court sat with Vale on Friday."),
            article_from_text("e", "Losses grew at the fund Quorvix Research last year."),
            article_from_text(
                "f",
                "Money moved to the sister fund Quorvix late last year.",
            ),
        ];
        super::adopt_short_forms(&mut articles);
        let found = |article: usize, text: &str| {
            articles[article]
                .entities
                .iter()
                .find(|entity| entity.text(&articles[article].body) == text)
                .map(|entity| (entity.kind, entity.canonical.clone()))
        };
        assert_eq!(
            found(1, "Ortiz"),
            Some((EntityType::Person, "Lena Ortiz".into()))
        );
        assert_eq!(
            found(1, "Acme"),
            Some((EntityType::Organization, "Acme Research".into()))
        );
        assert_eq!(found(1, "Socialist"), None);
        // However the tagger typed it, the short name is the company's.
        assert_eq!(
            found(5, "Quorvix").map(|(kind, _)| kind),
            Some(EntityType::Organization)
        );
        // Two full names end with it: the lone word is credited to neither
        // judge (the tagger may still read it as a name of its own).
        assert!(
            found(3, "Vale").is_none_or(|(_, canonical)| &*canonical == "Vale"),
            "{:?}",
            found(3, "Vale")
        );
        assert!(
            articles[1]
                .entities
                .windows(2)
                .all(|pair| pair[0].end <= pair[1].start)
        );
    }
}
