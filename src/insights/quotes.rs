//! Quote provenance: one direct quotation across sources. Versions are the
//! words inside quotation marks; two versions are one quotation when they
//! share runs of three words. Each is classed against the fullest version:
//! verbatim, trimmed (a contiguous part of it) or altered (words changed
//! inside the marks), with the words that differ and the speaker each
//! source credits.

use super::{Discrepancy, DiscrepancyKind, Side, claim_of};
use crate::facts::{Facts, SentenceRef};
use crate::lexicon::{ANONYMOUS_SPEAKERS, FUNCTION_WORDS};
use crate::model::{Corpus, EntityType};
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::HashMap;

/// Words a quotation needs before it is compared: shorter ones ("historic",
/// "a good deal") are phrases every outlet may use.
const MIN_WORDS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteClass {
    Verbatim,
    Trimmed,
    Altered,
}

impl QuoteClass {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteClass::Verbatim => "verbatim",
            QuoteClass::Trimmed => "trimmed",
            QuoteClass::Altered => "altered",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuoteVersion {
    pub sentence: SentenceRef,
    /// Byte span of the quoted words in the article body.
    pub start: usize,
    pub end: usize,
    pub class: QuoteClass,
    /// Who the source credits, as the claims rules read it.
    pub speaker: Option<String>,
    /// Words of this version not in the fullest, then words of the fullest
    /// (inside the part this version quotes) missing here.
    pub added: Vec<String>,
    pub dropped: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuoteGroup {
    pub id: String,
    /// The fullest version first, then the others in article order.
    pub versions: Vec<QuoteVersion>,
}

struct Candidate {
    sentence: SentenceRef,
    start: usize,
    end: usize,
    words: Vec<String>,
}

fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(['\'', '’']).replace('’', "'").to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Spans inside single curly quotation marks (‘…’), as British and
/// Commonwealth outlets quote. A closing mark must end a word and be
/// followed by no letter, so the apostrophe of "don’t" closes nothing.
fn single_quoted(text: &str, base: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut open: Option<usize> = None;
    for (i, &(at, c)) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|p| chars[p].1);
        let after = chars.get(i + 1).map(|&(_, n)| n);
        match c {
            '‘' if before.is_none_or(|b| !b.is_alphanumeric()) => open = Some(at + c.len_utf8()),
            '’' if open.is_some() && after.is_none_or(|n| !n.is_alphanumeric()) => {
                if let Some(start) = open.take() {
                    out.push((base + start, base + at));
                }
            }
            _ => {}
        }
    }
    out
}

fn find(parent: &mut [usize], x: usize) -> usize {
    let mut x = x;
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

pub(super) fn groups(corpus: &Corpus, facts: &Facts) -> Vec<QuoteGroup> {
    let mut candidates: Vec<Candidate> = Vec::new();
    for (index, article) in corpus.articles.iter().enumerate() {
        if facts.copies.is_copy(index) {
            continue;
        }
        let double = crate::claims::quotations(&article.body, &article.blocks, &article.sentences);
        let single = article.sentences.iter().enumerate().flat_map(|(at, span)| {
            single_quoted(article.sentence_text(span), span.start)
                .into_iter()
                .map(move |(start, end)| (at, start, end))
        });
        for (sentence, start, end) in double.into_iter().chain(single) {
            let words = words_of(article.text(start, end));
            if words.len() >= MIN_WORDS {
                candidates.push(Candidate {
                    sentence: SentenceRef {
                        article: index,
                        sentence,
                    },
                    start,
                    end,
                    words,
                });
            }
        }
    }
    let mut shingles: HashMap<[&str; 3], Vec<usize>> = HashMap::new();
    for (at, candidate) in candidates.iter().enumerate() {
        for window in candidate.words.windows(3) {
            let key = [window[0].as_str(), window[1].as_str(), window[2].as_str()];
            let list = shingles.entry(key).or_default();
            if list.last() != Some(&at) {
                list.push(at);
            }
        }
    }
    // Shared runs of three words, per pair of versions from different sources.
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for list in shingles.values() {
        // A run in dozens of quotations is a stock phrase, not a quotation.
        if list.len() > 64 {
            continue;
        }
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                if candidates[a].sentence.article != candidates[b].sentence.article {
                    *shared.entry((a, b)).or_default() += 1;
                }
            }
        }
    }
    let mut parent: Vec<usize> = (0..candidates.len()).collect();
    for (&(a, b), &count) in &shared {
        // Two runs of three words: all of a four-word version's.
        if count >= 2 {
            let (x, y) = (find(&mut parent, a), find(&mut parent, b));
            parent[x.max(y)] = x.min(y);
        }
    }
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for at in 0..candidates.len() {
        let root = find(&mut parent, at);
        members.entry(root).or_default().push(at);
    }
    let mut out: Vec<QuoteGroup> = members
        .into_values()
        .filter_map(|list| group(corpus, &candidates, list))
        .collect();
    out.sort_by(|a, b| {
        b.versions
            .len()
            .cmp(&a.versions.len())
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

fn group(corpus: &Corpus, candidates: &[Candidate], list: Vec<usize>) -> Option<QuoteGroup> {
    // One version per source: its longest (a repeat in one article is no
    // second source).
    let mut per_article: HashMap<usize, usize> = HashMap::new();
    for at in list {
        let article = candidates[at].sentence.article;
        let keep = per_article
            .get(&article)
            .is_none_or(|&other| candidates[at].words.len() > candidates[other].words.len());
        if keep {
            per_article.insert(article, at);
        }
    }
    if per_article.len() < 2 {
        return None;
    }
    let mut chosen: Vec<usize> = per_article.into_values().collect();
    chosen.sort_by_key(|&at| (candidates[at].sentence, candidates[at].start));
    let fullest = *chosen.iter().max_by(|&&a, &&b| {
        candidates[a]
            .words
            .len()
            .cmp(&candidates[b].words.len())
            .then(b.cmp(&a))
    })?;
    let reference = &candidates[fullest].words;
    let mut versions: Vec<QuoteVersion> = Vec::new();
    for &at in std::iter::once(&fullest).chain(chosen.iter().filter(|&&at| at != fullest)) {
        let candidate = &candidates[at];
        let (class, added, dropped) = classify(reference, &candidate.words);
        let article = &corpus.articles[candidate.sentence.article];
        versions.push(QuoteVersion {
            sentence: candidate.sentence,
            start: candidate.start,
            end: candidate.end,
            class,
            speaker: claim_of(article, candidate.sentence.sentence)
                .and_then(|claim| claim.speaker.as_deref().map(str::to_string)),
            added,
            dropped,
        });
    }
    let first = &versions[0];
    let id = format!(
        "quote-{}-{}",
        corpus.articles[first.sentence.article].id, first.start
    );
    Some(QuoteGroup { id, versions })
}

pub(super) fn class_between(a: &str, b: &str) -> QuoteClass {
    let (a, b) = (words_of(a), words_of(b));
    let (fullest, version) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    classify(&fullest, &version).0
}

/// How `version` relates to `fullest`, and the words that differ inside
/// the part of the fullest it quotes.
fn classify(fullest: &[String], version: &[String]) -> (QuoteClass, Vec<String>, Vec<String>) {
    if fullest == version {
        return (QuoteClass::Verbatim, Vec::new(), Vec::new());
    }
    let ops = capture_diff_slices(Algorithm::Patience, fullest, version);
    // The fullest's words before and after the version's part are what a
    // trimmed quotation leaves out: not a change.
    let inner: Vec<&DiffOp> = {
        let first = ops
            .iter()
            .position(|op| !matches!(op, DiffOp::Delete { .. }));
        let last = ops
            .iter()
            .rposition(|op| !matches!(op, DiffOp::Delete { .. }));
        match (first, last) {
            (Some(first), Some(last)) => ops[first..=last].iter().collect(),
            _ => Vec::new(),
        }
    };
    let mut added = Vec::new();
    let mut dropped = Vec::new();
    for op in inner {
        match *op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => dropped.extend_from_slice(&fullest[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => added.extend_from_slice(&version[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                dropped.extend_from_slice(&fullest[old_index..old_index + old_len]);
                added.extend_from_slice(&version[new_index..new_index + new_len]);
            }
        }
    }
    if added.is_empty() && dropped.is_empty() {
        (QuoteClass::Trimmed, added, dropped)
    } else {
        (QuoteClass::Altered, added, dropped)
    }
}

fn is_person(corpus: &Corpus, sentence: SentenceRef, speaker: &str) -> bool {
    corpus.articles[sentence.article]
        .entities
        .iter()
        .any(|e| e.kind == EntityType::Person && &*e.canonical == speaker)
}

fn is_named_entity(corpus: &Corpus, sentence: SentenceRef, speaker: &str) -> bool {
    corpus.articles[sentence.article]
        .entities
        .iter()
        .any(|e| &*e.canonical == speaker)
}

/// Two credits of one quotation that name different people: both given,
/// neither a group of nobody in particular, both a name the text tags (a
/// description such as "a farmer" or "Former employees" may be the named
/// person under another word, so it is no rival), at least one a person,
/// and neither name a part of the other ("Smith", "Jane Smith": one person).
pub(super) fn rival_credits(
    corpus: &Corpus,
    a: (SentenceRef, &str),
    b: (SentenceRef, &str),
) -> bool {
    let anonymous = |s: &str| {
        let last = s.rsplit(' ').next().unwrap_or(s).to_lowercase();
        ANONYMOUS_SPEAKERS.contains(&last.as_str())
    };
    !anonymous(a.1)
        && !anonymous(b.1)
        && is_named_entity(corpus, a.0, a.1)
        && is_named_entity(corpus, b.0, b.1)
        && (is_person(corpus, a.0, a.1) || is_person(corpus, b.0, b.1))
        && !same_person(a.1, b.1)
        && !speaks_for(corpus, a, b)
        && !speaks_for(corpus, b, a)
}

/// A person who speaks for the organisation the other version credits: the
/// person's own article names it ("the bank said" against its governor,
/// "the company said" against its chairman).
fn speaks_for(corpus: &Corpus, person: (SentenceRef, &str), body: (SentenceRef, &str)) -> bool {
    if !is_person(corpus, person.0, person.1) || is_person(corpus, body.0, body.1) {
        return false;
    }
    corpus
        .articles
        .get(person.0.article)
        .is_some_and(|article| {
            article.entities.iter().any(|e| &*e.canonical == body.1)
                || article.body.to_lowercase().contains(&body.1.to_lowercase())
        })
}

/// Whether two quotations are one: they share runs of three words, at
/// least two and half the shorter's.
pub(super) fn one_quotation(a: &str, b: &str) -> bool {
    let (a, b) = (words_of(a), words_of(b));
    if a.len() < MIN_WORDS || b.len() < MIN_WORDS {
        return false;
    }
    let runs: std::collections::HashSet<&[String]> = a.windows(3).collect();
    let shared = b.windows(3).filter(|w| runs.contains(w)).count();
    // Most of the shorter one, not a stock phrase two statements share.
    let shorter = a.len().min(b.len()) - 2;
    shared >= 2 && shared * 2 >= shorter
}

/// Content words the runs two rival versions share must hold: runs of stock
/// words ("in the framework of", "in the best interests of") join two
/// statements of two people, not one quotation.
const RIVAL_CONTENT_WORDS: usize = 3;

/// Two versions of one quotation whose shared runs carry words of their
/// own, enough to credit it to rival speakers.
pub(super) fn rival_quotation(a: &str, b: &str) -> bool {
    if !one_quotation(a, b) {
        return false;
    }
    let (a, b) = (words_of(a), words_of(b));
    let runs: std::collections::HashSet<&[String]> = a.windows(3).collect();
    let content: std::collections::HashSet<&str> = b
        .windows(3)
        .filter(|w| runs.contains(w))
        .flatten()
        .map(String::as_str)
        .filter(|w| w.chars().count() >= 4 && !FUNCTION_WORDS.contains(w))
        .collect();
    content.len() >= RIVAL_CONTENT_WORDS
}

/// Whether a sentence names a speaker itself: a rival named in the other
/// version's own sentence ("Lena Marsh, head of the panel and buyer at
/// Dorrit Mills <DMI>, said") is part of its attribution.
pub(super) fn names_speaker(sentence: &str, speaker: &str) -> bool {
    !speaker.is_empty() && sentence.to_lowercase().contains(&speaker.to_lowercase())
}

/// One name contains the other ("Smith", "Jane Smith"): the same person.
fn same_person(a: &str, b: &str) -> bool {
    let words_a: Vec<&str> = a.split_whitespace().collect();
    let words_b: Vec<&str> = b.split_whitespace().collect();
    let (short, long) = if words_a.len() <= words_b.len() {
        (words_a, words_b)
    } else {
        (words_b, words_a)
    };
    short
        .iter()
        .all(|w| long.iter().any(|l| l.eq_ignore_ascii_case(w)))
}

/// A quotation credited to different named people by different sources.
pub(super) fn speaker_discrepancies(
    corpus: &Corpus,
    facts: &Facts,
    groups: &[QuoteGroup],
) -> Vec<Discrepancy> {
    let mut out = Vec::new();
    for group in groups {
        let credited: Vec<&QuoteVersion> = group
            .versions
            .iter()
            .filter(|v| v.speaker.is_some())
            .collect();
        fn credit(v: &QuoteVersion) -> (SentenceRef, &str) {
            (v.sentence, v.speaker.as_deref().unwrap_or(""))
        }
        let quoted = |v: &QuoteVersion| corpus.articles[v.sentence.article].text(v.start, v.end);
        let sentence = |v: &QuoteVersion| {
            let article = &corpus.articles[v.sentence.article];
            article
                .sentences
                .get(v.sentence.sentence)
                .map_or("", |span| article.sentence_text(span))
        };
        // A group joins versions through chains of shared runs; a rivalry
        // is between two versions that are one quotation themselves, not
        // two statements that each share a stock phrase with a third.
        let rivals = credited.iter().enumerate().find_map(|(i, a)| {
            credited[i + 1..].iter().find_map(|b| {
                let (x, y) = (
                    &corpus.articles[a.sentence.article],
                    &corpus.articles[b.sentence.article],
                );
                (super::contemporary(x, y)
                    && rival_quotation(quoted(a), quoted(b))
                    && !names_speaker(sentence(a), credit(b).1)
                    && !names_speaker(sentence(b), credit(a).1)
                    && rival_credits(corpus, credit(a), credit(b)))
                .then_some((*a, *b))
            })
        });
        let Some((first, second)) = rivals else {
            continue;
        };
        let credited: Vec<&QuoteVersion> = credited
            .into_iter()
            .filter(|v| {
                one_quotation(quoted(v), quoted(first)) || one_quotation(quoted(v), quoted(second))
            })
            .collect();
        // One group per person, however each source writes the name.
        let mut people: Vec<&str> = Vec::new();
        let sides: Vec<Side> = credited
            .iter()
            .map(|v| {
                let speaker = v.speaker.as_deref().unwrap_or("");
                let group = match people.iter().position(|p| same_person(p, speaker)) {
                    Some(group) => group,
                    None => {
                        people.push(speaker);
                        people.len() - 1
                    }
                };
                (group, v)
            })
            .map(|(group, v)| Side {
                group,
                sentence: v.sentence,
                start: v.start,
                end: v.end,
                value: v.speaker.clone().unwrap_or_default(),
            })
            .collect();
        let mut names: Vec<String> = sides.iter().map(|s| s.value.clone()).collect();
        names.dedup();
        let fact = facts.facts_of(first.sentence).first().copied();
        out.push(Discrepancy {
            id: format!("{}-speaker", group.id),
            kind: DiscrepancyKind::Speaker,
            what: format!("quotation credited to {}", names.join(" · ")),
            confidence: 0.75,
            fact,
            sides,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        words_of(text)
    }

    #[test]
    fn versions_are_classed_against_the_fullest() {
        let full = words("We will rebuild every school that fell, and we will do it this year");
        assert_eq!(classify(&full, &full).0, QuoteClass::Verbatim);
        assert_eq!(
            classify(&full, &words("we will rebuild every school that fell")).0,
            QuoteClass::Trimmed
        );
        let (class, added, dropped) = classify(
            &full,
            &words("We will rebuild every hospital that fell, and we will do it"),
        );
        assert_eq!(class, QuoteClass::Altered);
        assert_eq!(added, vec!["hospital".to_string()]);
        assert_eq!(dropped, vec!["school".to_string()]);
    }

    #[test]
    fn single_quotation_marks_quote_and_apostrophes_do_not_close() {
        let text = "He said ‘we don’t accept the plan, not now’ and left.";
        let spans = single_quoted(text, 0);
        assert_eq!(spans.len(), 1);
        let (start, end) = spans[0];
        assert_eq!(&text[start..end], "we don’t accept the plan, not now");
        assert!(single_quoted("It’s the Smiths’ house.", 0).is_empty());
    }

    #[test]
    fn curly_apostrophes_and_case_do_not_alter_a_quote() {
        assert_eq!(words("We don’t Agree"), words("we don't agree"));
    }
}
