//! Insights: what the facts say across sources. For every fact, who
//! reports it (corroboration) and who is silent; where the sources of one
//! fact disagree on a checkable detail (discrepancies); where one states
//! flatly what another hedges or credits (shifts); and how one quotation
//! travels from outlet to outlet (quote provenance).
//!
//! Everything stands on the fact clusters ([`crate::facts`]), which are
//! built to be precise: a wrong row would become a false contradiction
//! here. Each rule below asks for positive evidence before it reports, and
//! says how sure it is.

mod actors;
mod discrepancies;
pub mod numbers;
mod quotes;
mod stance;
#[cfg(test)]
mod tests;
mod things;

use crate::facts::{Facts, SentenceRef};
use crate::model::{Article, Claim, Corpus};
use serde::Serialize;
use std::collections::HashMap;

pub use quotes::{QuoteClass, QuoteGroup, QuoteVersion};
pub use stance::{Shift, Silence, Stance};

/// What a discrepancy disagrees on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscrepancyKind {
    Number,
    Date,
    Place,
    Actor,
    Negation,
    Speaker,
    /// A figure that moved over time, as the articles' dates show.
    Update,
}

impl DiscrepancyKind {
    pub const ALL: [DiscrepancyKind; 7] = [
        DiscrepancyKind::Number,
        DiscrepancyKind::Date,
        DiscrepancyKind::Place,
        DiscrepancyKind::Actor,
        DiscrepancyKind::Negation,
        DiscrepancyKind::Speaker,
        DiscrepancyKind::Update,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DiscrepancyKind::Number => "number",
            DiscrepancyKind::Date => "date",
            DiscrepancyKind::Place => "place",
            DiscrepancyKind::Actor => "actor",
            DiscrepancyKind::Negation => "negation",
            DiscrepancyKind::Speaker => "speaker",
            DiscrepancyKind::Update => "update",
        }
    }

    pub fn parse(name: &str) -> Option<DiscrepancyKind> {
        DiscrepancyKind::ALL
            .into_iter()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(name))
    }
}

/// One source's version in a finding: its sentence, and the exact words
/// that carry the detail.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub sentence: SentenceRef,
    /// Byte span in the article body of what is compared (the figure, the
    /// date, the denial), inside the sentence.
    pub start: usize,
    pub end: usize,
    /// The value as this source gives it.
    pub value: String,
    /// Sides of one group agree with each other and disagree with every
    /// other group.
    pub group: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Discrepancy {
    /// Stable within a corpus: the fact's id and the kind.
    pub id: String,
    pub kind: DiscrepancyKind,
    /// What is disputed, in words ("killed: 23 · 144").
    pub what: String,
    /// How sure the engine is that this is a real disagreement, 0..1.
    pub confidence: f32,
    /// Index into `Facts::facts`, when it stands on one fact (a quote's
    /// speaker may span facts).
    pub fact: Option<usize>,
    pub sides: Vec<Side>,
}

/// How widely a sentence's report is carried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corroboration {
    /// Sources (originals, copies counted once) that report it, itself
    /// included, in article order.
    pub sources: Vec<usize>,
    /// Sources in the corpus.
    pub of: usize,
    /// Another source disagrees on a detail of it.
    pub contradicted: bool,
    /// The fact it stands on, if any source besides its own carries it.
    pub fact: Option<usize>,
}

/// Every finding of a corpus.
pub struct Insights {
    /// Sources of the corpus: articles, copies counted once.
    pub sources: usize,
    pub discrepancies: Vec<Discrepancy>,
    pub shifts: Vec<Shift>,
    pub silences: Vec<Silence>,
    pub quotes: Vec<QuoteGroup>,
    /// The discrepancies touching each sentence.
    by_sentence: HashMap<SentenceRef, Vec<usize>>,
}

impl Insights {
    pub fn build(corpus: &Corpus, facts: &Facts) -> Insights {
        let sources = (0..corpus.articles.len())
            .filter(|&a| !facts.copies.is_copy(a))
            .count();
        let quotes = quotes::groups(corpus, facts);
        let mut discrepancies = discrepancies::find(corpus, facts);
        // A quotation's rival credits the facts already hold are not told twice.
        let told: Vec<Vec<SentenceRef>> = discrepancies
            .iter()
            .filter(|d| d.kind == DiscrepancyKind::Speaker)
            .map(|d| d.sides.iter().map(|s| s.sentence).collect())
            .collect();
        discrepancies.extend(
            quotes::speaker_discrepancies(corpus, facts, &quotes)
                .into_iter()
                .filter(|d| {
                    !told
                        .iter()
                        .any(|t| d.sides.iter().filter(|s| t.contains(&s.sentence)).count() >= 2)
                }),
        );
        discrepancies.sort_by(|a, b| {
            b.confidence
                .total_cmp(&a.confidence)
                .then_with(|| a.id.cmp(&b.id))
        });
        let mut by_sentence: HashMap<SentenceRef, Vec<usize>> = HashMap::new();
        for (at, discrepancy) in discrepancies.iter().enumerate() {
            for side in &discrepancy.sides {
                let list = by_sentence.entry(side.sentence).or_default();
                if !list.contains(&at) {
                    list.push(at);
                }
            }
        }
        Insights {
            sources,
            shifts: stance::shifts(corpus, facts),
            silences: stance::silences(corpus, facts, sources),
            discrepancies,
            quotes,
            by_sentence,
        }
    }

    /// The discrepancies a sentence is a side of (a copy's sentence
    /// answers for its original).
    pub fn discrepancies_of(&self, facts: &Facts, sentence: SentenceRef) -> &[usize] {
        let sentence = original_sentence(facts, sentence).unwrap_or(sentence);
        self.by_sentence.get(&sentence).map_or(&[], |d| &d[..])
    }

    /// Who else reports what `sentence` reports.
    pub fn corroboration(&self, facts: &Facts, sentence: SentenceRef) -> Corroboration {
        let original = facts.copies.original_of(sentence.article);
        let fact = facts.facts_of(sentence).first().copied();
        let sources = match fact {
            Some(fact) => facts.facts[fact]
                .members
                .iter()
                .map(|m| m.article)
                .collect(),
            None => vec![original],
        };
        Corroboration {
            sources,
            of: self.sources,
            contradicted: !self.discrepancies_of(facts, sentence).is_empty(),
            fact,
        }
    }
}

/// The discrepancies between two sentences of different sources, read as
/// reports of one fact (what a reader asks of two versions side by side).
pub fn discrepancies_between(corpus: &Corpus, a: SentenceRef, b: SentenceRef) -> Vec<Discrepancy> {
    let fact = crate::facts::Fact {
        id: "pair".to_string(),
        members: vec![a, b],
        agreement: 0.5,
    };
    discrepancies::between(corpus, 0, &fact)
}

/// The class of the shorter of two versions of one quotation against the
/// longer.
pub fn quote_class(a: &str, b: &str) -> QuoteClass {
    quotes::class_between(a, b)
}

/// The original's sentence for a copy's; the sentence itself for an original.
fn original_sentence(facts: &Facts, sentence: SentenceRef) -> Option<SentenceRef> {
    let original = facts.copies.original_of(sentence.article);
    if original == sentence.article {
        return Some(sentence);
    }
    facts
        .copies
        .mirrored(sentence.article, sentence.sentence)
        .map(|mirrored| SentenceRef {
            article: original,
            sentence: mirrored,
        })
}

/// The claim made by a sentence, if the claims rules found one.
pub fn claim_of(article: &Article, sentence: usize) -> Option<&Claim> {
    let span = article.sentences.get(sentence)?;
    let from = article.claims.partition_point(|c| c.start < span.start);
    article
        .claims
        .get(from)
        .filter(|c| c.start >= span.start && c.end <= span.end)
}

/// An article's date as an orderable value: (days since year 0, seconds
/// into the day if the time is given). None when it has none or it does
/// not read as ISO 8601.
pub(crate) fn article_time(article: &Article) -> Option<(i64, Option<i64>)> {
    let date = article.date.as_deref()?.trim();
    let year: i64 = date.get(0..4)?.parse().ok()?;
    let month: i64 = date.get(5..7)?.parse().ok()?;
    let day: i64 = date.get(8..10)?.parse().ok()?;
    if date.get(4..5) != Some("-") || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let days = year * 372 + month * 31 + day;
    let seconds = date.get(11..19).and_then(|time| {
        let mut parts = time.split(':').map(|p| p.parse::<i64>().ok());
        Some(parts.next()?? * 3600 + parts.next()?? * 60 + parts.next()??)
    });
    Some((days, seconds))
}

/// Coverage of one story runs over days, not months: two articles dated
/// further apart than this report different occasions (next month's
/// figures, another year's meeting), however alike their sentences are.
const SAME_STORY_DAYS: i64 = 14;

/// Whether two articles can be two reports of one occasion: their dates
/// are close, or one is unknown.
pub(crate) fn contemporary(a: &Article, b: &Article) -> bool {
    match (article_time(a), article_time(b)) {
        (Some(x), Some(y)) => (days(x.0) - days(y.0)).abs() <= SAME_STORY_DAYS,
        _ => true,
    }
}

/// Days since year 0 of the (year * 372 + month * 31 + day) key, close
/// enough to count days between dates of one season.
fn days(key: i64) -> i64 {
    let (year, rest) = (key / 372, key % 372);
    let (month, day) = (rest / 31, rest % 31);
    year * 365 + month * 30 + day
}

/// The article's date as a day number (see [`days`]), with its year.
pub(crate) fn article_day(article: &Article) -> Option<(i64, i64)> {
    let (key, _) = article_time(article)?;
    Some((days(key), key / 372))
}

/// The day number of a date (see [`days`]).
pub(crate) fn day_number(year: i64, month: i64, day: i64) -> i64 {
    days(year * 372 + month * 31 + day)
}

/// Whether `a` was published before `b`, as far as their dates tell.
pub(crate) fn published_before(a: &Article, b: &Article) -> Option<bool> {
    let (a, b) = (article_time(a)?, article_time(b)?);
    if a.0 != b.0 {
        return Some(a.0 < b.0);
    }
    match (a.1, b.1) {
        (Some(x), Some(y)) if x != y => Some(x < y),
        _ => None,
    }
}
