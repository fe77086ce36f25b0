//! Discrepancies inside one fact: its sources report the same thing but
//! give different figures, dates, directions or a denial.
//!
//! Only like is compared with like. Two figures are compared when they
//! count the same measure ("killed" and "death toll"), or carry the same
//! unit and head word, and each source gives exactly one such figure: a
//! sentence with two tolls (a city's and a country's) is not guessed at.
//! Figures are normalised first ([`super::numbers`]), so rounding, units
//! and ranges do not make false contradictions.

use super::numbers::{self, Bound, DateMention, Figures, Quantity, Unit};
use super::{Discrepancy, DiscrepancyKind, Side, published_before};
use crate::facts::{Fact, Facts, SentenceRef};
use crate::lexicon::{DIRECTIONS, FUNCTION_WORDS, GENERIC_COUNT_HEADS, MEASURE_FAMILIES, NEGATORS};
use crate::model::Corpus;
use std::collections::BTreeMap;

/// Sentences with more figures than this are lists or tables: which figure
/// answers which is too uncertain to call a contradiction.
const MAX_FIGURES: usize = 5;

struct Member<'a> {
    sentence: SentenceRef,
    article: &'a crate::model::Article,
    text: &'a str,
    /// Byte offset of `text` in the article body.
    base: usize,
    figures: Figures,
}

pub(super) fn find(corpus: &Corpus, facts: &Facts) -> Vec<Discrepancy> {
    facts
        .facts
        .iter()
        .enumerate()
        .flat_map(|(index, fact)| in_fact(corpus, index, fact))
        .collect()
}

/// The discrepancies among the sentences of one fact (`index` is its place
/// in `Facts::facts`).
pub(super) fn in_fact(corpus: &Corpus, index: usize, fact: &Fact) -> Vec<Discrepancy> {
    let mut out = Vec::new();
    {
        let members: Vec<Member> = fact
            .members
            .iter()
            .filter_map(|&sentence| {
                let article = corpus.articles.get(sentence.article)?;
                let span = article.sentences.get(sentence.sentence)?;
                let text = article.sentence_text(span);
                Some(Member {
                    sentence,
                    article,
                    text,
                    base: span.start,
                    figures: numbers::figures(text, span.start),
                })
            })
            .collect();
        out.extend(figure_discrepancies(corpus, index, fact, &members));
        out.extend(date_discrepancies(index, fact, &members));
        out.extend(direction_discrepancies(index, fact, &members));
        out.extend(negation_discrepancies(index, fact, &members));
    }
    out
}

/// What two figures must share to count the same thing.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum MeasureKey {
    Family(usize),
    /// A unit (and a head word for plain counts: "seven counts").
    Unit(String, Option<String>),
}

/// How far after a distance its reference place may be named ("17 km
/// west of the country's second city, Mandalay").
const ANCHOR_BYTES: usize = 60;

fn key_of(quantity: &Quantity, member: &Member) -> Option<MeasureKey> {
    if quantity.unit == Unit::Measure("length") {
        // A distance is measured from somewhere: only distances from one
        // place compare.
        let window = member.article.entities_overlapping(quantity.end, quantity.end + ANCHOR_BYTES);
        let anchor = window
            .iter()
            .find(|e| e.kind == crate::model::EntityType::Place)
            .map(|e| e.canonical.clone());
        return Some(MeasureKey::Unit("measure:length".into(), anchor));
    }
    if let Some(family) = quantity.measure {
        return Some(MeasureKey::Family(family));
    }
    let unit = match &quantity.unit {
        Unit::Count => {
            // A bare count with no word for what it counts says too little.
            return quantity
                .head
                .clone()
                .filter(|head| {
                    !FUNCTION_WORDS.contains(&head.as_str())
                        && !GENERIC_COUNT_HEADS.contains(&head.as_str())
                })
                .map(|head| MeasureKey::Unit("count".into(), Some(head)));
        }
        Unit::Percent => "percent".to_string(),
        Unit::Points => "points".to_string(),
        Unit::Money(currency) => format!("money:{currency}"),
        Unit::Measure(dimension) => format!("measure:{dimension}"),
        Unit::Magnitude => "magnitude".to_string(),
        Unit::Clock(zone) => format!("clock:{}", zone.as_deref().unwrap_or("")),
    };
    Some(MeasureKey::Unit(unit, None))
}

fn label_of(key: &MeasureKey) -> String {
    match key {
        MeasureKey::Family(family) => MEASURE_FAMILIES
            .get(*family)
            .and_then(|f| f.first())
            .map_or("figure", |w| w)
            .to_string(),
        MeasureKey::Unit(unit, Some(anchor)) if unit == "measure:length" => {
            format!("distance from {anchor}")
        }
        MeasureKey::Unit(_, Some(head)) => head.clone(),
        MeasureKey::Unit(unit, None) => match unit.split(':').next().unwrap_or("") {
            "percent" => "percentage".into(),
            "points" => "percentage points".into(),
            "money" => "amount".into(),
            "measure" => match unit.split(':').nth(1) {
                Some("length") => "distance".into(),
                Some("time") => "duration".into(),
                Some(other) => other.into(),
                None => "measure".into(),
            },
            "clock" => "time of day".into(),
            other => other.into(),
        },
    }
}

fn figure_discrepancies(
    corpus: &Corpus,
    index: usize,
    fact: &Fact,
    members: &[Member],
) -> Vec<Discrepancy> {
    // Each member's one figure of each measure.
    let mut by_key: BTreeMap<MeasureKey, Vec<(usize, &Quantity)>> = BTreeMap::new();
    for (at, member) in members.iter().enumerate() {
        if member.figures.quantities.len() > MAX_FIGURES {
            continue;
        }
        let mut keyed: BTreeMap<MeasureKey, Vec<&Quantity>> = BTreeMap::new();
        for quantity in &member.figures.quantities {
            if let Some(key) = key_of(quantity, member) {
                keyed.entry(key).or_default().push(quantity);
            }
        }
        for (key, quantities) in keyed {
            if let [one] = quantities[..] {
                by_key.entry(key).or_default().push((at, one));
            }
        }
    }
    let mut out = Vec::new();
    for (key, values) in by_key {
        if values.len() < 2 {
            continue;
        }
        // Sources that agree with each other form one side of the dispute.
        let mut groups: Vec<Vec<(usize, &Quantity)>> = Vec::new();
        for (at, quantity) in values {
            match groups.iter_mut().find(|group| {
                group
                    .iter()
                    .all(|(_, other)| quantity.agrees(other) == Some(true))
            }) {
                Some(group) => group.push((at, quantity)),
                None => groups.push(vec![(at, quantity)]),
            }
        }
        if groups.len() < 2 {
            continue;
        }
        // Every pair across groups must really disagree: a figure that
        // agrees with two disagreeing ones ("more than 20") is no side.
        let disputed = groups.iter().enumerate().any(|(i, a)| {
            groups[i + 1..].iter().any(|b| {
                a.iter()
                    .all(|(_, x)| b.iter().all(|(_, y)| x.agrees(y) == Some(false)))
            })
        });
        if !disputed {
            continue;
        }
        let mut sides: Vec<Side> = groups
            .iter()
            .enumerate()
            .flat_map(|(group, list)| list.iter().map(move |entry| (group, entry)))
            .map(|(group, (at, quantity))| {
                let member = &members[*at];
                Side {
                    group,
                    sentence: member.sentence,
                    start: quantity.start,
                    end: quantity.end,
                    value: member
                        .text
                        .get(quantity.start - member.base..quantity.end - member.base)
                        .unwrap_or("")
                        .to_string(),
                }
            })
            .collect();
        sides.sort_by_key(|side| side.sentence);
        let kind = if rises_over_time(corpus, &groups, members) {
            DiscrepancyKind::Update
        } else {
            DiscrepancyKind::Number
        };
        let label = label_of(&key);
        let values: Vec<String> = groups
            .iter()
            .map(|group| {
                let (at, q) = group[0];
                let member = &members[at];
                member
                    .text
                    .get(q.start - member.base..q.end - member.base)
                    .unwrap_or("")
                    .to_string()
            })
            .collect();
        let approximate = groups
            .iter()
            .flatten()
            .any(|(_, q)| q.bound != Bound::Exact || q.tolerance > 0.0);
        let mut confidence = 0.55 + 0.35 * fact.agreement.clamp(0.0, 1.0);
        if matches!(key, MeasureKey::Family(_)) {
            confidence += 0.05;
        }
        if approximate {
            confidence -= 0.1;
        }
        out.push(Discrepancy {
            id: format!("{}-{}-{}", fact.id, kind.as_str(), slug(&label)),
            kind,
            what: format!("{label}: {}", values.join(" · ")),
            confidence: confidence.clamp(0.05, 0.95),
            fact: Some(index),
            sides,
        });
    }
    out
}

/// The figure grows with the date: every source of a higher figure was
/// published after every source of a lower one, and it is a count that
/// moves with time (a toll, not a magnitude).
fn rises_over_time(corpus: &Corpus, groups: &[Vec<(usize, &Quantity)>], members: &[Member]) -> bool {
    let counts = groups
        .iter()
        .flatten()
        .all(|(_, q)| matches!(q.unit, Unit::Count));
    if !counts {
        return false;
    }
    let mut ordered: Vec<&Vec<(usize, &Quantity)>> = groups.iter().collect();
    ordered.sort_by(|a, b| a[0].1.low.total_cmp(&b[0].1.low));
    ordered.windows(2).all(|pair| {
        pair[0].iter().all(|(x, _)| {
            pair[1].iter().all(|(y, _)| {
                let a = &corpus.articles[members[*x].sentence.article];
                let b = &corpus.articles[members[*y].sentence.article];
                published_before(a, b) == Some(true)
            })
        })
    })
}

fn slug(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect()
}

fn date_discrepancies(index: usize, fact: &Fact, members: &[Member]) -> Vec<Discrepancy> {
    // Only a sentence with one date says which date the fact has.
    let dated: Vec<(usize, &DateMention)> = members
        .iter()
        .enumerate()
        .filter_map(|(at, m)| match &m.figures.dates[..] {
            [one] => Some((at, one)),
            _ => None,
        })
        .collect();
    let mut groups: Vec<Vec<(usize, &DateMention)>> = Vec::new();
    for (at, date) in dated {
        match groups.iter_mut().find(|group| {
            group
                .iter()
                .all(|(_, other)| date.conflicts(other) != Some(true))
        }) {
            Some(group) => group.push((at, date)),
            None => groups.push(vec![(at, date)]),
        }
    }
    if groups.len() < 2 {
        return Vec::new();
    }
    let disputed = groups[1..].iter().any(|group| {
        group
            .iter()
            .all(|(_, d)| groups[0].iter().all(|(_, o)| d.conflicts(o) == Some(true)))
    });
    if !disputed {
        return Vec::new();
    }
    let side = |group: usize, (at, date): &(usize, &DateMention)| {
        let member = &members[*at];
        Side {
            group,
            sentence: member.sentence,
            start: date.start,
            end: date.end,
            value: member
                .text
                .get(date.start - member.base..date.end - member.base)
                .unwrap_or("")
                .to_string(),
        }
    };
    let mut sides: Vec<Side> = groups
        .iter()
        .enumerate()
        .flat_map(|(group, list)| list.iter().map(move |entry| side(group, entry)))
        .collect();
    sides.sort_by_key(|side| side.sentence);
    let values: Vec<String> = groups.iter().map(|g| side(0, &g[0]).value).collect();
    // A weekday alone is relative to when the article was written.
    let weekdays_only = groups
        .iter()
        .flatten()
        .all(|(_, d)| d.day.is_none() && d.year.is_none());
    let confidence = if weekdays_only { 0.45 } else { 0.6 } + 0.3 * fact.agreement.clamp(0.0, 1.0);
    vec![Discrepancy {
        id: format!("{}-date", fact.id),
        kind: DiscrepancyKind::Date,
        what: format!("date: {}", values.join(" · ")),
        confidence: confidence.min(0.95),
        fact: Some(index),
        sides,
    }]
}

/// A direction and what it is measured from ("northwest of Sagaing"), by
/// the compass bearing of the direction.
fn directions(member: &Member) -> Vec<(f32, String, usize, usize)> {
    let words: Vec<(usize, &str)> = word_spans(member.text);
    let mut out = Vec::new();
    for (i, (at, word)) in words.iter().enumerate() {
        let lower = word.to_ascii_lowercase();
        let Some(bearing) = bearing(&lower) else {
            continue;
        };
        if !DIRECTIONS.contains(&lower.as_str()) {
            continue;
        }
        let Some((_, of)) = words.get(i + 1) else {
            continue;
        };
        if !of.eq_ignore_ascii_case("of") {
            continue;
        }
        let Some((anchor_at, anchor)) = words.get(i + 2) else {
            continue;
        };
        if !anchor.starts_with(char::is_uppercase) {
            continue;
        }
        out.push((
            bearing,
            anchor.to_string(),
            member.base + at,
            member.base + anchor_at + anchor.len(),
        ));
    }
    out
}

fn bearing(direction: &str) -> Option<f32> {
    let d = direction.replace('-', "");
    Some(match d.as_str() {
        "north" => 0.0,
        "northeast" => 45.0,
        "east" => 90.0,
        "southeast" => 135.0,
        "south" => 180.0,
        "southwest" => 225.0,
        "west" => 270.0,
        "northwest" => 315.0,
        _ => return None,
    })
}

fn direction_discrepancies(index: usize, fact: &Fact, members: &[Member]) -> Vec<Discrepancy> {
    let found: Vec<(usize, (f32, String, usize, usize))> = members
        .iter()
        .enumerate()
        .filter_map(|(at, m)| match &directions(m)[..] {
            [one] => Some((at, one.clone())),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for (i, (a_at, a)) in found.iter().enumerate() {
        for (b_at, b) in &found[i + 1..] {
            let apart = (a.0 - b.0).abs();
            let apart = apart.min(360.0 - apart);
            // Neighbouring points of the compass are one reading rounded.
            if a.1 != b.1 || apart <= 45.0 {
                continue;
            }
            let side = |group: usize, at: usize, d: &(f32, String, usize, usize)| {
                let member = &members[at];
                Side {
                    group,
                    sentence: member.sentence,
                    start: d.2,
                    end: d.3,
                    value: member
                        .text
                        .get(d.2 - member.base..d.3 - member.base)
                        .unwrap_or("")
                        .to_string(),
                }
            };
            let sides = vec![side(0, *a_at, a), side(1, *b_at, b)];
            out.push(Discrepancy {
                id: format!("{}-place-{}", fact.id, out.len()),
                kind: DiscrepancyKind::Place,
                what: format!("direction from {}: {} · {}", a.1, sides[0].value, sides[1].value),
                confidence: (0.55 + 0.3 * fact.agreement).min(0.9),
                fact: Some(index),
                sides,
            });
        }
    }
    out.truncate(1);
    out
}

fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (at, c) in text.char_indices() {
        let inner = matches!(c, '-' | '\'' | '’') && start.is_some();
        if c.is_alphanumeric() || inner {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            out.push((s, text[s..at].trim_end_matches(['-', '\'', '’'])));
        }
    }
    if let Some(s) = start {
        out.push((s, text[s..].trim_end_matches(['-', '\'', '’'])));
    }
    out
}

/// Words between a denial and what it denies ("has not yet been").
const AUXILIARIES: &[&str] = &[
    "be", "been", "being", "yet", "ever", "so", "actually", "formally", "officially",
];

/// Helpers before a denial that make the denied word a verb ("did not agree").
const VERB_HELPERS: &[&str] = &[
    "do", "does", "did", "has", "have", "had", "will", "would", "could", "can", "should",
    "may", "might", "must", "shall", "wo", "ca",
];

/// A copula before a denial: what it denies is a state ("was not clear").
const COPULAS: &[&str] = &["is", "are", "was", "were", "be", "been", "am"];

/// What governs a denial, which the affirming sentence must share: "did
/// not agree" is denied by any "agreed"; "pleaded not guilty" only by
/// "pleaded guilty", never by "found guilty".
#[derive(Debug, Clone, PartialEq)]
enum Governor {
    Verb,
    Copula,
    Word(String),
}

struct Denial {
    denied: String,
    governor: Governor,
    start: usize,
    end: usize,
}

fn is_negator(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    (NEGATORS.contains(&lower.as_str()) && !matches!(lower.as_str(), "no" | "nor" | "neither"))
        || lower.ends_with("n't")
}

/// The words a sentence denies, as stems, with what governs each.
fn denials(text: &str) -> Vec<Denial> {
    let words = word_spans(text);
    let mut out = Vec::new();
    for (i, (at, word)) in words.iter().enumerate() {
        if !is_negator(word) {
            continue;
        }
        let lower = word.to_ascii_lowercase();
        // "didn't": the helper is inside the word.
        let before = match lower.strip_suffix("n't") {
            Some(helper) if !helper.is_empty() => Some(helper.to_string()),
            _ => i
                .checked_sub(1)
                .map(|p| words[p].1.to_ascii_lowercase()),
        };
        let governor = match before.as_deref() {
            None => Governor::Verb,
            Some(w) if VERB_HELPERS.contains(&w) => Governor::Verb,
            Some(w) if COPULAS.contains(&w) => Governor::Copula,
            Some(w) if FUNCTION_WORDS.contains(&w) => continue,
            Some(w) => Governor::Word(stem(w)),
        };
        let mut j = i + 1;
        while words
            .get(j)
            .is_some_and(|(_, w)| AUXILIARIES.contains(&w.to_ascii_lowercase().as_str()))
        {
            j += 1;
        }
        if let Some((denied_at, denied)) = words.get(j) {
            let denied_lower = denied.to_ascii_lowercase();
            if denied_lower.len() > 3 && !FUNCTION_WORDS.contains(&denied_lower.as_str()) {
                out.push(Denial {
                    denied: stem(&denied_lower),
                    governor,
                    start: *at,
                    end: denied_at + denied.len(),
                });
            }
        }
    }
    out
}

/// A crude stem that lets "agreed", "agrees" and "agree" meet; the
/// insights compare words of one fact, not a whole vocabulary.
fn stem(word: &str) -> String {
    let word = word.trim_end_matches("ing");
    let word = word.trim_end_matches("ed");
    let word = word.trim_end_matches('s');
    let word = word.trim_end_matches('e');
    word.to_string()
}

/// Where `text` affirms what `denial` denies, under the same governor.
fn affirms(text: &str, denial: &Denial) -> Option<(usize, usize)> {
    let words = word_spans(text);
    for (i, (at, word)) in words.iter().enumerate() {
        let lower = word.to_ascii_lowercase();
        if lower.len() <= 3 || stem(&lower) != denial.denied {
            continue;
        }
        let before: Vec<String> = words[i.saturating_sub(3)..i]
            .iter()
            .map(|(_, w)| w.to_ascii_lowercase())
            .collect();
        if before.iter().any(|w| is_negator(w)) {
            continue;
        }
        let near: &[String] = &before[before.len().saturating_sub(2)..];
        let governed = match &denial.governor {
            Governor::Verb => true,
            Governor::Copula => near.iter().any(|w| COPULAS.contains(&w.as_str())),
            Governor::Word(governor) => near.iter().any(|w| stem(w) == *governor),
        };
        if governed {
            let start = before
                .len()
                .checked_sub(near.len())
                .and_then(|_| words.get(i - near.len()))
                .map_or(*at, |(s, _)| *s);
            return Some((start, at + word.len()));
        }
    }
    None
}

fn negation_discrepancies(index: usize, fact: &Fact, members: &[Member]) -> Vec<Discrepancy> {
    let mut out = Vec::new();
    for (i, a) in members.iter().enumerate() {
        for denial in denials(a.text) {
            let (start, end) = (denial.start, denial.end);
            for (_, b) in members.iter().enumerate().filter(|(j, _)| *j != i) {
                if denials(b.text).iter().any(|d| d.denied == denial.denied) {
                    continue;
                }
                let Some((b_start, b_end)) = affirms(b.text, &denial) else {
                    continue;
                };
                let sides = vec![
                    Side {
                        group: 0,
                        sentence: a.sentence,
                        start: a.base + start,
                        end: a.base + end,
                        value: a.text[start..end].to_string(),
                    },
                    Side {
                        group: 1,
                        sentence: b.sentence,
                        start: b.base + b_start,
                        end: b.base + b_end,
                        value: b.text[b_start..b_end].to_string(),
                    },
                ];
                out.push(Discrepancy {
                    id: format!("{}-negation-{}", fact.id, out.len()),
                    kind: DiscrepancyKind::Negation,
                    what: format!("denied and affirmed: {} · {}", sides[0].value, sides[1].value),
                    confidence: (0.5 + 0.3 * fact.agreement).min(0.85),
                    fact: Some(index),
                    sides,
                });
            }
        }
    }
    out
}
