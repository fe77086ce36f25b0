//! How each source stands behind a fact (stated flatly, hedged, credited
//! to unnamed sources or to a named one), and which sources are silent on
//! the facts most others carry.

use super::claim_of;
use crate::facts::{Facts, SentenceRef};
use crate::lexicon::ANONYMOUS_SPEAKERS;
use crate::model::{ClaimKind, Corpus};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stance {
    /// Stated as fact, credited to no one.
    Flat,
    /// Qualified ("reportedly", "could", "is said to").
    Hedged,
    /// Credited to people the text does not name ("officials said").
    Anonymous,
    /// Credited to a named person or body.
    Named(String),
}

impl Stance {
    pub fn as_str(&self) -> &'static str {
        match self {
            Stance::Flat => "flat",
            Stance::Hedged => "hedged",
            Stance::Anonymous => "anonymous",
            Stance::Named(_) => "named",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Shift {
    pub fact: usize,
    /// Each source's sentence and stance, in article order.
    pub versions: Vec<(SentenceRef, Stance)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Silence {
    pub fact: usize,
    /// Sources (originals) that carry the fact.
    pub carried_by: Vec<usize>,
    /// Sources (originals) that say nothing of it.
    pub silent: Vec<usize>,
}

fn hedged(text: &str) -> bool {
    crate::claims::hedges_statement(text)
        || text.contains("is said to")
        || text.contains("are said to")
}

pub(super) fn stance_of(corpus: &Corpus, sentence: SentenceRef) -> Stance {
    let article = &corpus.articles[sentence.article];
    let claim = claim_of(article, sentence.sentence);
    if let Some(speaker) = claim.and_then(|c| c.speaker.as_deref()) {
        let last = speaker.rsplit(' ').next().unwrap_or(speaker).to_lowercase();
        let anonymous =
            ANONYMOUS_SPEAKERS.contains(&last.as_str()) || !speaker.starts_with(char::is_uppercase);
        return if anonymous {
            Stance::Anonymous
        } else {
            Stance::Named(speaker.to_string())
        };
    }
    let text = article
        .sentences
        .get(sentence.sentence)
        .map_or("", |s| article.sentence_text(s));
    let hedged_claim = claim.is_some_and(|c| c.kinds.contains(ClaimKind::Hedged));
    if hedged_claim || hedged(text) {
        Stance::Hedged
    } else {
        Stance::Flat
    }
}

/// Facts whose sources stand behind them differently: at least one states
/// or credits it while another hedges it or credits unnamed sources, or one
/// states flatly what another credits to a named source.
pub(super) fn shifts(corpus: &Corpus, facts: &Facts) -> Vec<Shift> {
    let mut out = Vec::new();
    for (index, fact) in facts.facts.iter().enumerate() {
        let versions: Vec<(SentenceRef, Stance)> = fact
            .members
            .iter()
            .map(|&m| (m, stance_of(corpus, m)))
            .collect();
        let mut kinds: Vec<&str> = versions.iter().map(|(_, s)| s.as_str()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        if kinds.len() >= 2 {
            out.push(Shift {
                fact: index,
                versions,
            });
        }
    }
    out
}

/// For every fact at least half the sources (and at least two) carry, the
/// sources that do not.
pub(super) fn silences(corpus: &Corpus, facts: &Facts, sources: usize) -> Vec<Silence> {
    let originals: Vec<usize> = (0..corpus.articles.len())
        .filter(|&a| !facts.copies.is_copy(a))
        .collect();
    let needed = sources.div_ceil(2).max(2);
    facts
        .facts
        .iter()
        .enumerate()
        .filter(|(_, fact)| fact.members.len() >= needed && fact.members.len() < sources)
        .map(|(index, fact)| {
            let carried_by: Vec<usize> = fact.members.iter().map(|m| m.article).collect();
            Silence {
                fact: index,
                silent: originals
                    .iter()
                    .copied()
                    .filter(|a| !carried_by.contains(a))
                    .collect(),
                carried_by,
            }
        })
        .collect()
}
