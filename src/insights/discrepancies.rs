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
use super::{
    Discrepancy, DiscrepancyKind, Side, article_day, contemporary, day_number, published_before,
};
use crate::facts::{Fact, Facts, SentenceRef};
use crate::lexicon::{CONDITIONS, DUTY_BEFORE_TO, UNASSERTED};
use crate::lexicon::{
    FUNCTION_WORDS, GENERIC_COUNT_HEADS, LATER_CUES, LENGTH_NOUNS, MEASURE_FAMILIES,
    NEGATING_VERBS, NEGATORS, OPPOSITE_VERBS, PROJECTION_CUES, WHOLE_SCOPE,
};
use crate::load::single_line;
use crate::model::Corpus;
use std::collections::BTreeMap;

/// Sentences with more figures than this are lists or tables: which figure
/// answers which is too uncertain to call a contradiction.
const MAX_FIGURES: usize = 5;

pub(super) struct Member<'a> {
    pub(super) sentence: SentenceRef,
    pub(super) article: &'a crate::model::Article,
    pub(super) text: &'a str,
    /// Byte offset of `text` in the article body.
    pub(super) base: usize,
    pub(super) figures: Figures,
}

impl<'a> Member<'a> {
    /// The sentence `sentence` of `corpus`, its figures read.
    pub(super) fn of(corpus: &'a Corpus, sentence: SentenceRef) -> Option<Self> {
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
    }

    /// The member's words at `start..end`, byte offsets into the body.
    pub(super) fn words_at(&self, start: usize, end: usize) -> &str {
        self.text
            .get(start.saturating_sub(self.base)..end.saturating_sub(self.base))
            .unwrap_or("")
    }

    /// This member as a side of a dispute, its value the words at
    /// `start..end` (body offsets).
    pub(super) fn side(&self, group: usize, start: usize, end: usize) -> Side {
        Side {
            group,
            sentence: self.sentence,
            start,
            end,
            value: self.words_at(start, end).to_string(),
        }
    }
}

pub(super) fn find(corpus: &Corpus, facts: &Facts) -> Vec<Discrepancy> {
    let mut out: Vec<Discrepancy> = facts
        .facts
        .iter()
        .enumerate()
        .flat_map(|(index, fact)| in_fact(corpus, index, fact))
        .collect();
    let across = across_facts(corpus, facts);
    // A dispute inside one fact that a wider one holds says the same again.
    let sentences =
        |d: &Discrepancy| -> Vec<SentenceRef> { d.sides.iter().map(|s| s.sentence).collect() };
    out.retain(|d| {
        !across.iter().any(|wide| {
            let label = |x: &Discrepancy| x.what.split(':').next().map(str::to_string);
            label(wide) == label(d) && sentences(d).iter().all(|s| sentences(wide).contains(s))
        })
    });
    out.extend(across);
    let (things, claimed) = super::things::across(corpus, facts);
    out.retain(|d| !claimed.judges(d));
    out.extend(things);
    out
}

/// The discrepancies between the sentences of one fact read as reports of
/// one story: the fact's own rules, and measures of one thing, which take
/// the place of the figure rules on the figures they read.
pub(super) fn between(corpus: &Corpus, index: usize, fact: &Fact) -> Vec<Discrepancy> {
    let mut out = in_fact(corpus, index, fact);
    let (things, claimed) = super::things::among(corpus, index, &fact.members);
    out.retain(|d| !claimed.judges(d));
    out.extend(things);
    out
}

/// Figures of one measure need this much in common besides the measure to
/// be read as reports of one thing when no fact holds them together.
const ACROSS_COSINE: f32 = 0.2;

/// A word around figures in more sentences than this says nothing of which
/// figure answers which.
const MAX_CONTEXT_POSTING: usize = 48;

/// Whether a measure is specific enough to align figures outside a fact: a
/// toll, a magnitude, a distance from a named place, an amount of money.
fn specific(key: &MeasureKey) -> bool {
    match key {
        MeasureKey::Family(_) => true,
        MeasureKey::Listed(base, _) => specific(base),
        MeasureKey::Unit(unit, anchor) => {
            unit == "magnitude"
                || unit.starts_with("money:")
                || (unit == "measure:length" && anchor.is_some())
        }
    }
}

/// Disputes between figures of one measure that the facts did not put on
/// one row: sentences of different sources with a figure of a specific
/// measure, words around the figure in common, the same scope and enough
/// shared evidence ([`Facts::evidence`]), joined into groups.
fn across_facts(corpus: &Corpus, facts: &Facts) -> Vec<Discrepancy> {
    let mut members: Vec<Member> = Vec::new();
    for (index, article) in corpus.articles.iter().enumerate() {
        if facts.copies.is_copy(index) {
            continue;
        }
        for at in 0..article.sentences.len() {
            let sentence = SentenceRef {
                article: index,
                sentence: at,
            };
            if facts.node_of.contains_key(&sentence)
                && let Some(member) = Member::of(corpus, sentence)
            {
                members.push(member);
            }
        }
    }
    let mut out = Vec::new();
    for (key, values) in keyed_figures(&members) {
        if !specific(&key) {
            continue;
        }
        let mut by_word: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (at, (_, quantity)) in values.iter().enumerate() {
            for word in &quantity.context {
                let list = by_word.entry(word.as_str()).or_default();
                if list.last() != Some(&at) {
                    list.push(at);
                }
            }
        }
        let mut parent: Vec<usize> = (0..values.len()).collect();
        let mut cosines: Vec<f32> = Vec::new();
        for list in by_word.values().filter(|l| l.len() <= MAX_CONTEXT_POSTING) {
            for (i, &x) in list.iter().enumerate() {
                for &y in &list[i + 1..] {
                    let (mx, qx) = values[x];
                    let (my, qy) = values[y];
                    let (a, b) = (&members[mx], &members[my]);
                    if a.sentence.article == b.sentence.article
                        || root(&mut parent, x) == root(&mut parent, y)
                        || !facts.same_story(a.sentence, b.sentence)
                        || !same_scope((a, qx), (b, qy))
                    {
                        continue;
                    }
                    let Some((evidence, _)) = facts.evidence(a.sentence, b.sentence) else {
                        continue;
                    };
                    if evidence.cosine >= ACROSS_COSINE {
                        cosines.push(evidence.cosine);
                        let (rx, ry) = (root(&mut parent, x), root(&mut parent, y));
                        parent[rx.max(ry)] = rx.min(ry);
                    }
                }
            }
        }
        let mut components: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for at in 0..values.len() {
            let r = root(&mut parent, at);
            components.entry(r).or_default().push(at);
        }
        let agreement = if cosines.is_empty() {
            0.0
        } else {
            cosines.iter().sum::<f32>() / cosines.len() as f32
        };
        for component in components.into_values().filter(|c| c.len() >= 2) {
            // One figure per source: its first.
            let mut seen = Vec::new();
            let chosen: Vec<(usize, &Quantity)> = component
                .into_iter()
                .map(|at| values[at])
                .filter(|(m, _)| {
                    let article = members[*m].sentence.article;
                    let first = !seen.contains(&article);
                    seen.push(article);
                    first
                })
                .collect();
            let Some(&(first, quantity)) = chosen.first() else {
                continue;
            };
            let id = format!(
                "across-{}-{}",
                corpus.articles[members[first].sentence.article].id, quantity.start
            );
            let fact = facts.facts_of(members[first].sentence).first().copied();
            out.extend(dispute(
                corpus, fact, &id, agreement, &members, &key, chosen,
            ));
        }
    }
    out.extend(directions_across(facts, &members));
    out.extend(dates_across(facts, &members));
    out
}

/// How alike two sentences of one story are, when alike enough to be
/// compared outside a fact.
fn cosine(facts: &Facts, a: &Member, b: &Member) -> Option<f32> {
    if !facts.same_story(a.sentence, b.sentence) {
        return None;
    }
    facts
        .evidence(a.sentence, b.sentence)
        .map(|(evidence, _)| evidence.cosine)
        .filter(|&c| c >= ACROSS_COSINE)
}

fn bearings_apart(a: f32, b: f32) -> f32 {
    let apart = (a - b).abs();
    apart.min(360.0 - apart)
}

/// A compass bearing and the byte span that gives it.
type Bearing = (f32, usize, usize);

/// Directions from one place that sources give differently, outside facts.
fn directions_across(facts: &Facts, members: &[Member]) -> Vec<Discrepancy> {
    let mut by_anchor: BTreeMap<String, Vec<(usize, Bearing)>> = BTreeMap::new();
    for (at, member) in members.iter().enumerate() {
        if let [(bearing, anchor, start, end)] = &directions(member)[..] {
            by_anchor
                .entry(anchor.clone())
                .or_default()
                .push((at, (*bearing, *start, *end)));
        }
    }
    let mut out = Vec::new();
    for (anchor, found) in by_anchor {
        let mut sides: Vec<(usize, Bearing)> = Vec::new();
        let mut cosines = Vec::new();
        for (i, (x, a)) in found.iter().enumerate() {
            for (y, b) in &found[i + 1..] {
                let (mx, my) = (&members[*x], &members[*y]);
                if mx.sentence.article == my.sentence.article
                    || bearings_apart(a.0, b.0) <= 45.0
                    || !contemporary(mx.article, my.article)
                {
                    continue;
                }
                if let Some(c) = cosine(facts, mx, my) {
                    cosines.push(c);
                    for entry in [(*x, *a), (*y, *b)] {
                        if !sides.iter().any(|(m, _)| *m == entry.0) {
                            sides.push(entry);
                        }
                    }
                }
            }
        }
        if sides.len() < 2 {
            continue;
        }
        let mut groups: Vec<f32> = Vec::new();
        let sides: Vec<Side> = sides
            .iter()
            .map(|(m, (bearing, start, end))| {
                let group = match groups
                    .iter()
                    .position(|g| bearings_apart(*g, *bearing) <= 45.0)
                {
                    Some(group) => group,
                    None => {
                        groups.push(*bearing);
                        groups.len() - 1
                    }
                };
                members[*m].side(group, *start, *end)
            })
            .collect();
        let agreement = cosines.iter().sum::<f32>() / cosines.len() as f32;
        let values: Vec<&str> = sides.iter().map(|s| s.value.as_str()).collect();
        let first = &members[found[0].0];
        out.push(Discrepancy {
            id: format!("across-place-{}", slug(&anchor)),
            kind: DiscrepancyKind::Place,
            what: format!("direction from {anchor}: {}", values.join(" · ")),
            confidence: (0.5 + 0.3 * agreement).min(0.85),
            fact: facts.facts_of(first.sentence).first().copied(),
            sides,
        });
    }
    out
}

/// The words around a date: what it is the date of ("sentencing", "vote").
fn date_context(member: &Member, date: &DateMention) -> Vec<String> {
    words_around(
        member.text,
        date.start - member.base,
        date.end - member.base,
        10,
    )
}

/// Two full dates of one thing that differ in the year only: the mark of
/// one date misreported, outside facts.
fn dates_across(facts: &Facts, members: &[Member]) -> Vec<Discrepancy> {
    let dated: Vec<(usize, &DateMention)> = members
        .iter()
        .enumerate()
        .filter_map(|(at, m)| match &m.figures.dates[..] {
            [one] if one.month.is_some() && (one.day.is_some() || one.year.is_some()) => {
                Some((at, one))
            }
            _ => None,
        })
        .collect();
    let mut by_month: BTreeMap<u8, Vec<(usize, &DateMention)>> = BTreeMap::new();
    for (at, date) in dated {
        by_month
            .entry(date.month.unwrap_or(0))
            .or_default()
            .push((at, date));
    }
    let mut out = Vec::new();
    for list in by_month.values() {
        for (i, (x, a)) in list.iter().enumerate() {
            for (y, b) in &list[i + 1..] {
                let (mx, my) = (&members[*x], &members[*y]);
                if mx.sentence.article == my.sentence.article
                    || a.conflicts(b) != Some(true)
                    || !contemporary(mx.article, my.article)
                {
                    continue;
                }
                let year_slip = a.day.is_some()
                    && a.day == b.day
                    && a.year.zip(b.year).is_some_and(|(p, q)| p != q);
                if !year_slip || !share_word(&date_context(mx, a), &date_context(my, b)) {
                    continue;
                }
                let Some(agreement) = cosine(facts, mx, my) else {
                    continue;
                };
                let side = |group: usize, member: &Member, date: &DateMention| {
                    member.side(group, date.start, date.end)
                };
                let sides = vec![side(0, mx, a), side(1, my, b)];
                out.push(Discrepancy {
                    id: format!("across-date-{}-{}", mx.article.id, a.start),
                    kind: DiscrepancyKind::Date,
                    what: format!("date: {} · {}", sides[0].value, sides[1].value),
                    confidence: (0.5 + 0.3 * agreement).min(0.85),
                    fact: facts.facts_of(mx.sentence).first().copied(),
                    sides,
                });
            }
        }
    }
    merge_pairs(out)
}

/// Pairwise disputes that share a sentence are one dispute: the outlet
/// with the slipped year against all that give the other, told once.
fn merge_pairs(pairs: Vec<Discrepancy>) -> Vec<Discrepancy> {
    let mut merged: Vec<Discrepancy> = Vec::new();
    for pair in pairs {
        let home = merged.iter_mut().find(|d| {
            d.sides
                .iter()
                .any(|s| pair.sides.iter().any(|p| p.sentence == s.sentence))
        });
        let Some(home) = home else {
            merged.push(pair);
            continue;
        };
        for side in pair.sides {
            if home.sides.iter().any(|s| s.sentence == side.sentence) {
                continue;
            }
            // A side joins the group that gives its value, else a new one.
            let group = home
                .sides
                .iter()
                .find(|s| s.value == side.value)
                .map(|s| s.group)
                .unwrap_or_else(|| home.sides.iter().map(|s| s.group).max().unwrap_or(0) + 1);
            home.sides.push(Side { group, ..side });
        }
        home.confidence = home.confidence.max(pair.confidence);
    }
    for discrepancy in &mut merged {
        discrepancy.sides.sort_by_key(|side| side.sentence);
        let mut values: Vec<&str> = Vec::new();
        for side in &discrepancy.sides {
            if !values.contains(&side.value.as_str()) {
                values.push(&side.value);
            }
        }
        discrepancy.what = format!("date: {}", values.join(" · "));
    }
    merged
}

fn root(parent: &mut [usize], x: usize) -> usize {
    let mut x = x;
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// The discrepancies among the sentences of one fact (`index` is its place
/// in `Facts::facts`).
pub(super) fn in_fact(corpus: &Corpus, index: usize, fact: &Fact) -> Vec<Discrepancy> {
    let mut out = Vec::new();
    {
        let members: Vec<Member> = fact
            .members
            .iter()
            .filter_map(|&sentence| Member::of(corpus, sentence))
            .collect();
        out.extend(figure_discrepancies(corpus, index, fact, &members));
        out.extend(date_discrepancies(index, fact, &members));
        out.extend(direction_discrepancies(index, fact, &members));
        out.extend(negation_discrepancies(index, fact, &members));
        out.extend(speaker_discrepancies(corpus, index, fact, &members));
        let said: Vec<super::actors::Said> = members
            .iter()
            .map(|m| super::actors::Said {
                sentence: m.sentence,
                article: m.article,
                text: m.text,
                base: m.base,
            })
            .collect();
        out.extend(super::actors::discrepancies(index, fact, &said));
        // Abstain where two sides in different groups are of different
        // subjects (a quotation's speakers are compared on their own terms).
        out.retain(|d| {
            d.kind == DiscrepancyKind::Speaker
                || !d.sides.iter().any(|x| {
                    d.sides.iter().any(|y| {
                        x.group != y.group
                            && match (
                                members.iter().find(|m| m.sentence == x.sentence),
                                members.iter().find(|m| m.sentence == y.sentence),
                            ) {
                                (Some(mx), Some(my)) => {
                                    different_subjects((mx, x), (my, y)) || untold_subjects(mx, my)
                                }
                                _ => false,
                            }
                    })
                })
        });
    }
    out
}

/// What two figures must share to count the same thing.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum MeasureKey {
    Family(usize),
    /// A unit (and a head word for plain counts: "seven counts").
    Unit(String, Option<String>),
    /// One name's figure in a list ("A 412, B 121, C 72"): compared with
    /// the same name's figure of the same measure in other sources.
    Listed(Box<MeasureKey>, String),
}

/// How far after a distance its reference place may be named ("17 km
/// west of the country's second city, Mandalay").
const ANCHOR_BYTES: usize = 60;

fn key_of(quantity: &Quantity, member: &Member) -> Option<MeasureKey> {
    if quantity.unit == Unit::Measure("length") {
        // A distance is measured from somewhere: only distances from one
        // place compare.
        let window = member
            .article
            .entities_overlapping(quantity.end, quantity.end + ANCHOR_BYTES);
        let anchor = window
            .iter()
            .find(|e| e.kind == crate::model::EntityType::Place)
            .map(|e| e.canonical.to_string());
        let dimension = anchor.or_else(|| {
            quantity.context.iter().find_map(|word| {
                LENGTH_NOUNS
                    .iter()
                    .find(|(noun, _)| noun == word)
                    .map(|(_, measure)| measure.to_string())
            })
        });
        return Some(MeasureKey::Unit("measure:length".into(), dimension));
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
                    // A word, not an abbreviation of a table ("vs", "cts").
                    head.chars().count() >= 4
                        && head.contains(['a', 'e', 'i', 'o', 'u', 'y'])
                        && !FUNCTION_WORDS.contains(&head.as_str())
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
            if LENGTH_NOUNS.iter().any(|(_, measure)| measure == anchor) {
                anchor.clone()
            } else {
                format!("distance from {anchor}")
            }
        }
        MeasureKey::Listed(base, name) => format!("{} of {name}", label_of(base)),
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

/// Words that may stand between a name and its figure in a list
/// ("the Lantern Party won 212", "Harbour 121").
const LIST_LINKS: &[&str] = &["won", "took", "had", "has", "got", "with", "on", "at"];

/// The name a figure is given in a list: the capitalised words right
/// before it, a linking verb between at most.
fn list_name(member: &Member, quantity: &Quantity) -> Option<String> {
    let before = member
        .text
        .get(..quantity.start.saturating_sub(member.base))?;
    let words = word_spans(before);
    let mut end = words.len();
    if end > 0 && LIST_LINKS.contains(&words[end - 1].1) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && words[start - 1].1.starts_with(char::is_uppercase) {
        start -= 1;
    }
    if start == end {
        return None;
    }
    // Nothing but spaces (or a colon) between the words and the figure.
    let (last_at, last) = words[end - 1];
    let gap = &before[last_at + last.len()..];
    let linked = end < words.len();
    let tight = if linked {
        gap.trim_start().starts_with(words[end].1)
    } else {
        gap.chars().all(|c| c.is_whitespace() || c == ':')
    };
    if !tight || before[words[start].0..last_at].contains([',', ';']) {
        return None;
    }
    let name: Vec<String> = words[start..end]
        .iter()
        .map(|(_, w)| w.to_lowercase())
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
        .collect();
    (!name.is_empty()).then(|| name.join(" "))
}

/// A member's list: two or more figures of one unit, each after its own
/// name, keyed by the measure one of them gives. None when it has none.
fn list_keys<'m>(member: &'m Member) -> Option<Vec<(MeasureKey, &'m Quantity)>> {
    let named: Vec<(String, &Quantity)> = member
        .figures
        .quantities
        .iter()
        .filter_map(|q| list_name(member, q).map(|name| (name, q)))
        .collect();
    let mut names: Vec<&str> = named.iter().map(|(n, _)| n.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    if named.len() < 2
        || names.len() != named.len()
        || named.iter().any(|(_, q)| q.unit != named[0].1.unit)
    {
        return None;
    }
    let base = named.iter().find_map(|(_, q)| key_of(q, member))?;
    Some(
        named
            .into_iter()
            .map(|(name, q)| (MeasureKey::Listed(Box::new(base.clone()), name), q))
            .collect(),
    )
}

/// Each member's one figure of each measure (a member with two figures of
/// one measure says nothing certain of it, unless a list names each).
fn keyed_figures<'m>(members: &'m [Member]) -> BTreeMap<MeasureKey, Vec<(usize, &'m Quantity)>> {
    let mut by_key: BTreeMap<MeasureKey, Vec<(usize, &Quantity)>> = BTreeMap::new();
    for (at, member) in members.iter().enumerate() {
        if let Some(listed) = list_keys(member) {
            for (key, quantity) in listed {
                by_key.entry(key).or_default().push((at, quantity));
            }
            continue;
        }
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
    by_key
}

fn figure_discrepancies(
    corpus: &Corpus,
    index: usize,
    fact: &Fact,
    members: &[Member],
) -> Vec<Discrepancy> {
    keyed_figures(members)
        .into_iter()
        .filter_map(|(key, values)| {
            dispute(
                corpus,
                Some(index),
                &fact.id,
                fact.agreement,
                members,
                &key,
                values,
            )
        })
        .collect()
}

/// Where a figure's clause begins and ends: a figure speaks of the place
/// its own clause names ("killing three in the capital, and 144 across
/// the country"), not of one named in the clause before it.
const CLAUSE_BREAKS: &[&str] = &[", ", "; ", ": ", " — ", " – ", " - ", "(", ")"];

/// Body offsets of the clause of the sentence holding `quantity`.
pub(super) fn clause_of(member: &Member, quantity: &Quantity) -> (usize, usize) {
    let (from, to) = (
        quantity
            .start
            .saturating_sub(member.base)
            .min(member.text.len()),
        quantity
            .end
            .saturating_sub(member.base)
            .min(member.text.len()),
    );
    let before = member.text.get(..from).unwrap_or("");
    let after = member.text.get(to..).unwrap_or("");
    let start = CLAUSE_BREAKS
        .iter()
        .filter_map(|b| before.rfind(b).map(|at| at + b.len()))
        .max()
        .unwrap_or(0);
    let end = CLAUSE_BREAKS
        .iter()
        .filter_map(|b| after.find(b).map(|at| to + at))
        .min()
        .unwrap_or(member.text.len());
    (member.base + start, member.base + end)
}

/// Nouns of a part of a country: a toll "in the capital" or "in the city"
/// is that part's, whether or not the place is named.
const PART_NOUNS: &[&str] = &[
    "capital",
    "city",
    "town",
    "village",
    "district",
    "province",
    "county",
    "borough",
    "suburb",
    "neighbourhood",
    "neighborhood",
];

/// Prepositions that put a figure somewhere ("killed in", "across").
const LOCATIVES: &[&str] = &["in", "across", "at", "throughout", "near", "inside"];

/// What a figure is a figure of, where: the place named nearest it in its
/// clause, else a part named in words ("in the capital").
#[derive(Debug, PartialEq)]
enum Scope<'a> {
    Place(&'a str),
    Part(String),
}

fn scope_of<'a>(member: &Member<'a>, quantity: &Quantity) -> Option<Scope<'a>> {
    let (start, end) = clause_of(member, quantity);
    let distance = |e: &crate::model::Entity| {
        if e.end <= quantity.start {
            quantity.start - e.end
        } else {
            e.start.saturating_sub(quantity.end)
        }
    };
    let nearest = member
        .article
        .entities_overlapping(start, end)
        .iter()
        .filter(|e| e.kind == crate::model::EntityType::Place && e.start >= start && e.end <= end)
        .min_by_key(|e| distance(e))
        .map(|e| Scope::Place(&e.canonical));
    if nearest.is_some() {
        return nearest;
    }
    let after = member
        .text
        .get(quantity.end.saturating_sub(member.base)..end - member.base)
        .unwrap_or("");
    let words: Vec<String> = word_spans(after)
        .into_iter()
        .map(|(_, w)| w.to_lowercase())
        .collect();
    let located = words.iter().position(|w| LOCATIVES.contains(&w.as_str()))?;
    words[located + 1..(located + 5).min(words.len())]
        .iter()
        .find(|w| PART_NOUNS.contains(&w.as_str()))
        .map(|noun| Scope::Part(noun.clone()))
}

/// Whether the member's sentence speaks of `scope` anywhere.
fn mentions(member: &Member, scope: &Scope) -> bool {
    match scope {
        Scope::Place(place) => member
            .article
            .entities_overlapping(member.base, member.base + member.text.len())
            .iter()
            .any(|e| &*e.canonical == *place),
        Scope::Part(noun) => word_spans(member.text)
            .iter()
            .any(|(_, w)| w.eq_ignore_ascii_case(noun)),
    }
}

/// Two figures are of one scope when their clauses tie them to one place
/// or to none: a city's toll is no contradiction of a country's. A figure
/// tied to a place and one tied to none are one measure only when the
/// other's sentence names that place too ("144 killed", in a sentence
/// about the country, against "144 killed in the country").
fn same_scope(a: (&Member, &Quantity), b: (&Member, &Quantity)) -> bool {
    let whole = |q: &Quantity| q.context.iter().any(|w| WHOLE_SCOPE.contains(&w.as_str()));
    if whole(a.1) != whole(b.1) {
        // "210 seats nationwide" against the seats of one region.
        return false;
    }
    match (scope_of(a.0, a.1), scope_of(b.0, b.1)) {
        (Some(x), Some(y)) => x == y,
        (None, None) => true,
        (Some(scope), None) => mentions(b.0, &scope),
        (None, Some(scope)) => mentions(a.0, &scope),
    }
}

/// Two sentences that date what they report differently report two
/// occasions (this week's figure and last week's), so their figures differ
/// without contradicting each other.
pub(super) fn other_occasions(a: &Member, b: &Member) -> bool {
    let dated_apart = a
        .figures
        .dates
        .iter()
        .any(|x| b.figures.dates.iter().any(|y| x.conflicts(y) == Some(true)));
    dated_apart || periods_apart(a, b)
}

/// Whether two sentences name two periods, moments or occurrences of one
/// kind ("last week" and "this week", "opened" and "closed", "the next
/// auction" and "the last one").
fn periods_apart(a: &Member, b: &Member) -> bool {
    let (pa, pb) = (periods(a.text), periods(b.text));
    pa.iter()
        .any(|(class, x)| pb.iter().any(|(other, y)| class == other && x != y))
}

/// Whether `a`'s article also gives `b`'s sentence word for word: a source
/// that states the other's figure too takes no side against it (its own
/// figure is of something else: a city's index beside the nation's).
fn gives_too(a: &Member, b: &Member) -> bool {
    let sentence = single_line(b.text);
    !sentence.is_empty() && single_line(&a.article.body).contains(&sentence)
}

/// The noun of the period a date closes ("the first half ended November
/// 30", "nine months to September 30"), if it closes one.
fn closed_period(member: &Member, date: &DateMention) -> Option<String> {
    let before = member.text.get(..date.start.checked_sub(member.base)?)?;
    let words = word_spans(before);
    let mut k = words.len().checked_sub(1)?;
    if words[k].1.eq_ignore_ascii_case("on") {
        k = k.checked_sub(1)?;
    }
    let link = words[k].1.to_ascii_lowercase();
    if !matches!(
        link.as_str(),
        "ended" | "ending" | "ends" | "to" | "through"
    ) {
        return None;
    }
    words[k.saturating_sub(3)..k]
        .iter()
        .rev()
        .find_map(|(_, w)| {
            let w = w.to_ascii_lowercase();
            let noun = w.strip_suffix('s').unwrap_or(&w).to_string();
            PERIOD_NOUNS.contains(&noun.as_str()).then_some(noun)
        })
}

/// Nouns of the periods accounts are kept for.
const PERIOD_NOUNS: &[&str] = &["year", "half", "quarter", "month", "week", "period"];

/// Ordinals of a period ("the first quarter", "the second half").
const PERIOD_ORDINALS: &[(&str, u8)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("final", 4),
    ("1st", 1),
    ("2nd", 2),
    ("3rd", 3),
    ("4th", 4),
];

/// Periods a sentence names, as (kind, which): a quarter or half by its
/// ordinal ("first quarter", "Q3"), a week, month or year relative to the
/// article ("last week": -1, "this year": 0, "next month": 1). Figures of
/// two different periods of one kind are two occasions.
fn periods(text: &str) -> Vec<(&'static str, i8)> {
    let words: Vec<String> = word_spans(text)
        .into_iter()
        .map(|(_, w)| w.to_lowercase())
        .collect();
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let before = i.checked_sub(1).map(|p| words[p].as_str());
        let kind = match word.as_str() {
            "quarter" => Some("quarter"),
            "half" => Some("half"),
            "week" => Some("week"),
            "month" => Some("month"),
            "year" => Some("year"),
            _ => None,
        };
        if let Some(q) = word.strip_prefix('q')
            && let Ok(n @ 1..=4) = q.parse::<i8>()
        {
            out.push(("quarter", n));
            continue;
        }
        // A market's opening against its close: two moments of one day.
        match word.as_str() {
            "opened" | "opening" => out.push(("session", 0)),
            "closed" | "closing" => out.push(("session", 1)),
            _ => {}
        }
        // "The next auction" against "the last auction": two occurrences.
        if kind.is_none() {
            match before {
                Some("next" | "upcoming") => out.push(("occurrence", 1)),
                Some("last" | "previous") => out.push(("occurrence", -1)),
                _ => {}
            }
        }
        let (Some(kind), Some(before)) = (kind, before) else {
            continue;
        };
        let which = match kind {
            "quarter" | "half" => PERIOD_ORDINALS
                .iter()
                .find(|(w, _)| *w == before)
                .map(|(_, n)| *n as i8),
            _ => match before {
                "last" | "previous" | "past" => Some(-1),
                "this" | "current" => Some(0),
                "next" | "coming" => Some(1),
                _ => None,
            },
        };
        if let Some(which) = which {
            out.push((kind, which));
        }
    }
    out
}

/// A discrepancy among `values` (member, figure) of one measure, if two of
/// them really disagree.
fn dispute(
    corpus: &Corpus,
    fact: Option<usize>,
    id: &str,
    agreement: f32,
    members: &[Member],
    key: &MeasureKey,
    values: Vec<(usize, &Quantity)>,
) -> Option<Discrepancy> {
    if values.len() < 2 {
        return None;
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
    // Every pair across two groups must really disagree, and be figures of
    // one scope: a figure that agrees with two disagreeing ones ("more than
    // 20") is no side, and neither is a city's figure against a country's.
    let opposed = |a: &Vec<(usize, &Quantity)>, b: &Vec<(usize, &Quantity)>| {
        a.iter().all(|&(x, qx)| {
            b.iter().all(|&(y, qy)| {
                qx.agrees(qy) == Some(false)
                    && !other_occasions(&members[x], &members[y])
                    && members[x].sentence.article != members[y].sentence.article
                    && contemporary(members[x].article, members[y].article)
                    && same_scope((&members[x], qx), (&members[y], qy))
                    && one_thing(key, (&members[x], qx), (&members[y], qy))
                    // A count that grows (a toll) is an update, not a report
                    // of another week.
                    && (matches!(key, MeasureKey::Family(_))
                        || !recurring_template(&members[x], &members[y]))
                    && !gives_too(&members[x], &members[y])
                    && !gives_too(&members[y], &members[x])
            })
        })
    };
    let mut disputed = vec![false; groups.len()];
    for i in 0..groups.len() {
        for j in i + 1..groups.len() {
            if opposed(&groups[i], &groups[j]) {
                disputed[i] = true;
                disputed[j] = true;
            }
        }
    }
    let groups: Vec<Vec<(usize, &Quantity)>> = groups
        .into_iter()
        .zip(disputed)
        .filter_map(|(group, disputed)| disputed.then_some(group))
        .collect();
    if groups.len() < 2 {
        return None;
    }
    let mut sides: Vec<Side> = groups
        .iter()
        .enumerate()
        .flat_map(|(group, list)| list.iter().map(move |entry| (group, entry)))
        .map(|(group, (at, quantity))| members[*at].side(group, quantity.start, quantity.end))
        .collect();
    sides.sort_by_key(|side| side.sentence);
    let kind = if rises_over_time(corpus, &groups, members) {
        DiscrepancyKind::Update
    } else if matches!(key, MeasureKey::Unit(unit, _) if unit == "measure:time") {
        // How long something lasted is a date of the story, not a figure.
        DiscrepancyKind::Date
    } else {
        DiscrepancyKind::Number
    };
    let label = label_of(key);
    let values: Vec<String> = groups
        .iter()
        .map(|group| {
            let (at, q) = group[0];
            members[at].words_at(q.start, q.end).to_string()
        })
        .collect();
    let approximate = groups
        .iter()
        .flatten()
        .any(|(_, q)| q.bound != Bound::Exact || q.tolerance > 0.0);
    let mut confidence = 0.55 + 0.35 * agreement.clamp(0.0, 1.0);
    if matches!(key, MeasureKey::Family(_)) {
        confidence += 0.05;
    }
    if approximate {
        confidence -= 0.1;
    }
    Some(Discrepancy {
        id: format!("{id}-{}-{}", kind.as_str(), slug(&label)),
        kind,
        what: format!("{label}: {}", values.join(" · ")),
        confidence: confidence.clamp(0.05, 0.95),
        fact,
        sides,
    })
}

/// Stems of verbs of a level that moves (see `OPPOSITE_VERBS`).
const MOVEMENT_STEMS: &[&str] = &["ris", "ros", "increas"];

/// Two sentences worded alike whose figures all differ, in articles of
/// different days ("distillate demand was down 2.1 pct in the period to
/// 3.37 mln" a week before "up 2.9 pct in the period to 3.43 mln"): two
/// issues of one recurring report, not two accounts of one thing.
pub(super) fn recurring_template(a: &Member, b: &Member) -> bool {
    let apart = matches!((article_day(a.article), article_day(b.article)),
        (Some((x, _)), Some((y, _))) if x != y);
    if !apart {
        return false;
    }
    // Tokens between spaces, so that "3.37" stays one figure.
    let split = |m: &Member| -> (Vec<String>, Vec<String>) {
        m.text
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .partition(|w| w.chars().any(|c| c.is_ascii_digit()))
    };
    let ((figures_a, words_a), (figures_b, words_b)) = (split(a), split(b));
    // One figure that moves is an update; a report gives several.
    if figures_a.len() < 2 || figures_b.len() < 2 || figures_a.iter().any(|f| figures_b.contains(f))
    {
        return false;
    }
    let shared = words_a.iter().filter(|w| words_b.contains(w)).count();
    let all = words_a.len().max(words_b.len());
    all > 0 && shared * 10 >= all * TEMPLATE_TENTHS
}

/// Tenths of their words two sentences share to be one template.
const TEMPLATE_TENTHS: usize = 8;

/// Whether two figures can be of one thing: both levels or both changes
/// ("cut the surplus by 20,000 tonnes" is a change, "to 50,000 tonnes" a
/// level), and for a rate or a sum of money, which say nothing of what
/// they measure, a word around both in common ("a 16 pct stake" and "16
/// pct of the market" are two things; "control of 12 pct of the market"
/// and "16 pct of the market" one).
fn one_thing(
    key: &MeasureKey,
    (ma, qa): (&Member, &Quantity),
    (mb, qb): (&Member, &Quantity),
) -> bool {
    let change = |m: &Member, q: &Quantity| {
        word_spans(m.words_at(m.base, q.start))
            .last()
            .is_some_and(|(_, w)| w.eq_ignore_ascii_case("by"))
    };
    if change(ma, qa) != change(mb, qb) {
        return false;
    }
    // "104,000 tonnes of corn" and "120,000 tonnes of wheat" are two things.
    let of_what = |m: &Member, q: &Quantity| {
        let words = word_spans(m.words_at(q.end, m.base + m.text.len()));
        let mut rest = words.iter().map(|(_, w)| w.to_lowercase());
        (rest.next().as_deref() == Some("of"))
            .then(|| rest.find(|w| !FUNCTION_WORDS.contains(&w.as_str())))
            .flatten()
            .map(|w| stem(&w))
    };
    if !matches!(key, MeasureKey::Family(_))
        && let (Some(x), Some(y)) = (of_what(ma, qa), of_what(mb, qb))
        && x != y
    {
        return false;
    }
    let loose = matches!(key, MeasureKey::Unit(unit, None)
        if unit == "percent" || unit == "points" || unit.starts_with("money:"));
    let around =
        |m: &Member, q: &Quantity| words_around(m.text, q.start - m.base, q.end - m.base, 4);
    !loose || share_word(&around(ma, qa), &around(mb, qb))
}

/// The figure grows with the date: every source of a higher figure was
/// published after every source of a lower one, and it is a count that
/// moves with time (a toll, not a magnitude).
fn rises_over_time(
    corpus: &Corpus,
    groups: &[Vec<(usize, &Quantity)>],
    members: &[Member],
) -> bool {
    let counts = groups
        .iter()
        .flatten()
        .all(|(_, q)| matches!(q.unit, Unit::Count));
    if !counts {
        return false;
    }
    // The text may say which count came later ("has risen to 31", "now
    // stands at", against "is projected to win"), whatever the dates.
    if let [a, b] = groups {
        let stage = |group: &Vec<(usize, &Quantity)>| {
            group.iter().map(|(_, q)| stage_of(q)).max().unwrap_or(0)
        };
        if stage(a) != stage(b) {
            return true;
        }
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

/// Where a count stands in its running: -1 a projection, 1 a count said to
/// have moved on, 0 neither.
fn stage_of(quantity: &Quantity) -> i8 {
    let has = |list: &[&str]| quantity.context.iter().any(|w| list.contains(&w.as_str()));
    if has(LATER_CUES) {
        1
    } else if has(PROJECTION_CUES) {
        -1
    } else {
        0
    }
}

pub(super) fn slug(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

fn date_discrepancies(index: usize, fact: &Fact, members: &[Member]) -> Vec<Discrepancy> {
    // Only a sentence with one date says which date the fact has.
    let dated: Vec<(usize, &DateMention)> = members
        .iter()
        .enumerate()
        .filter_map(|(at, m)| match &m.figures.dates[..] {
            // A year alone dates too loosely ("1987 profits", "in 2019").
            [one] if one.month.is_some() || one.weekday.is_some() => Some((at, one)),
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
        group.iter().all(|(x, d)| {
            groups[0].iter().all(|(y, o)| {
                d.conflicts(o) == Some(true)
                    && contemporary(members[*x].article, members[*y].article)
                    && !recurring((members[*x].article, d), (members[*y].article, o))
                    && !periods_apart(&members[*x], &members[*y])
                    && !matches!(
                        (closed_period(&members[*x], d), closed_period(&members[*y], o)),
                        (Some(p), Some(q)) if p != q
                    )
                    && share_word(
                        &date_context(&members[*x], d),
                        &date_context(&members[*y], o),
                    )
            })
        })
    });
    if !disputed {
        return Vec::new();
    }
    let side = |group: usize, (at, date): &(usize, &DateMention)| {
        members[*at].side(group, date.start, date.end)
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

/// Two dates of the days just before their own articles, in articles of
/// different days, in the order the articles came out ("rose on May 4" in
/// a report of the 5th, "rose on May 6" in one of the 7th), or two
/// weekdays of articles of different days: two issues of a recurring
/// report, or days counted from different days, not two dates of one
/// event.
fn recurring(
    (a, d): (&crate::model::Article, &DateMention),
    (b, o): (&crate::model::Article, &DateMention),
) -> bool {
    let (Some((x, year_x)), Some((y, year_y))) = (article_day(a), article_day(b)) else {
        return false;
    };
    let from = |date: &DateMention, published: i64, year: i64| -> Option<i64> {
        let (month, day) = (date.month?, date.day?);
        let year = date.year.map_or(year, i64::from);
        Some(day_number(year, i64::from(month), i64::from(day)) - published)
    };
    if x == y {
        return false;
    }
    // A weekday alone counts from the day its article was written.
    if d.day.is_none() && o.day.is_none() && d.weekday.is_some() && o.weekday.is_some() {
        return true;
    }
    let (Some(p), Some(q)) = (from(d, x, year_x), from(o, y, year_y)) else {
        return false;
    };
    // Each a date of the days just before its own article, in the order
    // the articles came out.
    let recent = |offset: i64| (-RECENT_DAYS..=0).contains(&offset);
    recent(p) && recent(q) && ((x + p) - (y + q)).signum() == (x - y).signum()
}

/// How many days before its article a recurring report's date falls.
const RECENT_DAYS: i64 = 7;

/// The person or organisation a sentence opens with ("Norvale Shipping Co
/// is issuing...", "The Varn Institute said...", a place or a few words
/// of description before it), as its article names it.
fn opening_entity(
    article: &crate::model::Article,
    start: usize,
    end: usize,
) -> Option<&crate::model::Entity> {
    let entity = article
        .entities
        .iter()
        .filter(|e| e.start >= start && e.start < end && e.kind != crate::model::EntityType::Place)
        .min_by_key(|e| e.start)?;
    // A few words of description may come first ("veteran investor Mara
    // Quell"), never a clause of their own.
    let before = article.body.get(start..entity.start)?;
    let opens = word_spans(before).len() <= OPENING_WORDS && !before.contains([',', ';', ':']);
    opens.then_some(entity)
}

/// Words a sentence's subject may come after ("The", "veteran investor").
const OPENING_WORDS: usize = 3;

/// Whether an article names an entity: by its canonical name, or its words.
fn names(article: &crate::model::Article, canonical: &str, text: &str) -> bool {
    article.entities.iter().any(|e| &*e.canonical == canonical)
        || (!text.is_empty() && article.body.contains(text))
}

/// Figures of a sentence outside `start..end` (body offsets), as written.
fn other_figures<'a>(member: &Member<'a>, start: usize, end: usize) -> Vec<&'a str> {
    word_spans(member.text)
        .into_iter()
        .filter(|(at, w)| {
            let at = member.base + at;
            (at < start || at >= end) && w.chars().any(|c| c.is_ascii_digit())
        })
        .map(|(_, w)| w)
        .collect()
}

/// Whether two people or organisations are plainly two: neither's article
/// names the other.
fn two_subjects(
    (a, ea): (&crate::model::Article, &crate::model::Entity),
    (b, eb): (&crate::model::Article, &crate::model::Entity),
) -> bool {
    ea.canonical != eb.canonical
        && !names(b, &ea.canonical, ea.text(&a.body))
        && !names(a, &eb.canonical, eb.text(&b.body))
}

/// The person or organisation an article's lead opens with: what the
/// article is about.
fn lead_entity(article: &crate::model::Article) -> Option<&crate::model::Entity> {
    let lead = article.sentences.first()?;
    opening_entity(article, lead.start, lead.end)
}

/// Two sides that report on different subjects. Either the two articles'
/// leads open with a person or organisation the other article never names
/// (a notice of one issuer's bond and a notice of another's: "the payment
/// date is June 15" says nothing of the other bond), or each sentence opens
/// so and they differ in some figure besides the one disputed ("Norvale
/// Shipping Co is issuing a 100 mln bond due June 15" against "Tamsin Foods
/// Corp is issuing a 125 mln bond due June 7"). Templated reports of two
/// issuers, two filers or two firms, not two accounts of one thing. Two
/// measurers of one figure who differ in nothing else are still compared.
fn different_subjects(a: (&Member, &Side), b: (&Member, &Side)) -> bool {
    let ((ma, sa), (mb, sb)) = (a, b);
    if let (Some(la), Some(lb)) = (lead_entity(ma.article), lead_entity(mb.article))
        && two_subjects((ma.article, la), (mb.article, lb))
    {
        return true;
    }
    let opening = match (
        opening_entity(ma.article, ma.base, ma.base + ma.text.len()),
        opening_entity(mb.article, mb.base, mb.base + mb.text.len()),
    ) {
        (Some(ea), Some(eb)) => two_subjects((ma.article, ea), (mb.article, eb)),
        _ => false,
    };
    // Or each sentence names an organisation the other article never names
    // (two issuers' notices that mention each other's deals: "Norvale Corp
    // is raising 200 mln through notes, said lead manager Pell Securities"
    // against "Tamsin Corp ..., said Ardent Bank"). Not a person: one
    // source names the official it quotes, another does not.
    let unnamed = |m: &Member, other: &crate::model::Article| {
        m.article
            .entities_overlapping(m.base, m.base + m.text.len())
            .iter()
            .any(|e| {
                e.kind == crate::model::EntityType::Organization
                    && !names(other, &e.canonical, e.text(&m.article.body))
            })
    };
    let two = opening || (unnamed(ma, mb.article) && unnamed(mb, ma.article));
    if !two {
        return false;
    }
    let (fa, fb) = (
        other_figures(ma, sa.start, sa.end),
        other_figures(mb, sb.start, sb.end),
    );
    fa.iter().any(|f| !fb.contains(f)) || fb.iter().any(|f| !fa.contains(f))
}

/// Two sentences that name nobody and nowhere ("Net 1.55 billion vs 1.31
/// billion", "Sales on 3,600 steers") speak of their articles' subjects,
/// which only the titles give: when both titles were given (not taken from
/// the body), are of one template (a word in common) and open with
/// different words that neither title holds, and the articles name nothing
/// in common, they
/// are templated reports of two subjects (two companies' results, two
/// regions' markets), not two accounts of one thing.
fn untold_subjects(a: &Member, b: &Member) -> bool {
    let bare = |m: &Member| {
        m.article
            .entities_overlapping(m.base, m.base + m.text.len())
            .is_empty()
    };
    if !bare(a) || !bare(b) {
        return false;
    }
    let title_words = |m: &Member| -> Vec<String> {
        word_spans(&m.article.title)
            .into_iter()
            .map(|(_, w)| w.to_lowercase())
            .collect()
    };
    // A title taken from the body (none was given) tells nothing more.
    let given = |m: &Member| {
        let head: String = m.article.title.chars().take(30).collect();
        let head = head.trim_end_matches(['…', '.']);
        !head.is_empty() && !m.article.body.contains(head)
    };
    if !given(a) || !given(b) {
        return false;
    }
    let (ta, tb) = (title_words(a), title_words(b));
    // Titles of one template ("... quarter net"): a word in common.
    let shared = ta
        .iter()
        .any(|w| w.len() >= 3 && !FUNCTION_WORDS.contains(&w.as_str()) && tb.contains(w));
    if !shared {
        return false;
    }
    let opening = |t: &[String]| {
        t.iter()
            .find(|w| !matches!(w.as_str(), "the" | "a" | "an"))
            .cloned()
    };
    let (Some(x), Some(y)) = (opening(&ta), opening(&tb)) else {
        return false;
    };
    if ta.contains(&y) || tb.contains(&x) {
        return false;
    }
    !a.article.entities.iter().any(|e| {
        b.article
            .entities
            .iter()
            .any(|f| f.canonical == e.canonical)
    })
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
        // "west of", "the eastern edge of", "the northbound lane near".
        let Some((link_at, link)) = words[i + 1..(i + 4).min(words.len())]
            .iter()
            .find(|(_, w)| w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("near"))
        else {
            continue;
        };
        // What the direction is taken from: the first place named after
        // it ("west of the country's second city, Mandalay"), else the
        // capitalised word right after.
        let from = member.base + link_at + link.len();
        let end = (from + ANCHOR_BYTES).min(member.base + member.text.len());
        let place = member
            .article
            .entities_overlapping(from, end)
            .iter()
            .find(|e| e.kind == crate::model::EntityType::Place && e.start >= from)
            .map(|e| (e.canonical.to_string(), e.end));
        let next = words
            .iter()
            .find(|(w_at, _)| member.base + w_at >= from)
            .filter(|(_, w)| w.starts_with(char::is_uppercase))
            .map(|(w_at, w)| (w.to_string(), member.base + w_at + w.len()));
        // The side is the direction alone: the place it is taken from is
        // what both sides share, not what they dispute.
        if let Some((anchor, _)) = place.or(next) {
            out.push((
                bearing,
                anchor,
                member.base + at,
                member.base + at + word.len(),
            ));
        }
    }
    out
}

fn bearing(direction: &str) -> Option<f32> {
    let d = direction.replace('-', "");
    let d = d
        .strip_suffix("ern")
        .or_else(|| d.strip_suffix("bound"))
        .unwrap_or(&d);
    Some(match d {
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
            if a.1 != b.1
                || apart <= 45.0
                || !contemporary(members[*a_at].article, members[*b_at].article)
            {
                continue;
            }
            let side = |group: usize, at: usize, d: &(f32, String, usize, usize)| {
                members[at].side(group, d.2, d.3)
            };
            let sides = vec![side(0, *a_at, a), side(1, *b_at, b)];
            out.push(Discrepancy {
                id: format!("{}-place-{}", fact.id, out.len()),
                kind: DiscrepancyKind::Place,
                what: format!(
                    "direction from {}: {} · {}",
                    a.1, sides[0].value, sides[1].value
                ),
                confidence: (0.55 + 0.3 * fact.agreement).min(0.9),
                fact: Some(index),
                sides,
            });
        }
    }
    out.truncate(1);
    out
}

pub(super) fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (at, c) in text.char_indices() {
        // A straight quote typed for an apostrophe ("don"t") stays inside.
        let typed_apostrophe = c == '"'
            && text[..at].ends_with(['n', 'N'])
            && text[at + 1..].starts_with('t')
            && !text[at + 2..].starts_with(char::is_alphanumeric);
        let inner = (matches!(c, '-' | '\'' | '’') || typed_apostrophe) && start.is_some();
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
    "be",
    "been",
    "being",
    "yet",
    "ever",
    "so",
    "actually",
    "formally",
    "officially",
    "still",
    "to",
];

/// Helpers before a denial that make the denied word a verb ("did not agree").
const VERB_HELPERS: &[&str] = &[
    "do", "does", "did", "has", "have", "had", "will", "would", "could", "can", "should", "may",
    "might", "must", "shall", "wo", "ca",
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

/// A word lowered, its apostrophe plain however it was typed ("don’t",
/// "don"t").
fn plain(word: &str) -> std::borrow::Cow<'_, str> {
    // Borrowed when already plain: this runs on every word of every
    // sentence the negation rules read.
    if word.bytes().any(|b| b.is_ascii_uppercase() || b == b'"') || word.contains('’') {
        word.to_ascii_lowercase().replace(['’', '"'], "'").into()
    } else {
        word.into()
    }
}

/// The words before word `i` of `words` (spans of `text`) in its clause,
/// nearest first, at most `reach`: a comma, semicolon, colon, bracket, dash
/// or quotation mark ends a clause.
fn clause_before<'t>(
    text: &str,
    words: &[(usize, &'t str)],
    i: usize,
    reach: usize,
) -> Vec<&'t str> {
    let mut out = Vec::new();
    let mut k = i.min(words.len());
    while k > 0 && out.len() < reach {
        let (at, word) = words[k - 1];
        let next = words.get(k).map_or(text.len(), |(s, _)| *s);
        let gap = text.get(at + word.len()..next).unwrap_or("");
        if gap
            .chars()
            .any(|c| matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '—' | '–'))
        {
            break;
        }
        out.push(word);
        k -= 1;
    }
    out
}

/// How far back in its clause a condition or a denial governs a word.
const CLAUSE_REACH: usize = 8;

/// Whether word `i` stands in a condition ("if the strike was not
/// settled", "unless it was settled"): nothing is told of it.
fn conditional(text: &str, words: &[(usize, &str)], i: usize) -> bool {
    clause_before(text, words, i, CLAUSE_REACH)
        .iter()
        .any(|w| CONDITIONS.contains(&&*plain(w)))
}

/// Whether word `i` is told as not done, or not told at all: under a
/// condition, a denial earlier in its clause ("did not want to follow its
/// neighbour in suspending", "no new plan to help"), a refusal, or a duty,
/// wish, possibility or plan ("have to be", "wants to sell", "a contract
/// for the carmaker to build").
fn unasserted(text: &str, words: &[(usize, &str)], i: usize) -> bool {
    let before = clause_before(text, words, i, CLAUSE_REACH);
    before.iter().enumerate().any(|(k, word)| {
        let lower = plain(word);
        let to_after = |list: &[&str]| {
            lower == "to"
                && before
                    .get(k + 1)
                    .is_some_and(|p| list.contains(&&*plain(p)))
        };
        let for_then_to =
            lower == "to" && before.iter().skip(k + 1).take(3).any(|p| plain(p) == "for");
        CONDITIONS.contains(&&*lower)
            || is_negator(word)
            || lower == "no"
            // "Neither the ministry nor the treasury commented": denied.
            || lower == "nor"
            || lower == "neither"
            || NEGATING_VERBS.contains(&&*lower)
            || (UNASSERTED.contains(&&*lower) && (lower != "may" || *word == "may"))
            || to_after(DUTY_BEFORE_TO)
            || for_then_to
    })
}

/// The verb a word governs through "to" ("expected to enter"), as a stem.
fn complement(text: &str, end: usize) -> Option<String> {
    let words = word_spans(text);
    let k = words.iter().position(|(at, _)| *at >= end)?;
    if !words[k].1.eq_ignore_ascii_case("to") {
        return None;
    }
    words.get(k + 1).map(|(_, w)| stem(&w.to_ascii_lowercase()))
}

fn is_negator(word: &str) -> bool {
    let lower = plain(word);
    (NEGATORS.contains(&&*lower) && !matches!(&*lower, "no" | "nor" | "neither"))
        || lower.ends_with("n't")
}

/// The words a sentence denies, as stems, with what governs each.
fn denials(text: &str) -> Vec<Denial> {
    let words = word_spans(text);
    let mut out = Vec::new();
    for (i, (at, word)) in words.iter().enumerate() {
        let lower = plain(word);
        // "failed to agree", "declined to sign": a verb that denies the next.
        let negating_verb = NEGATING_VERBS.contains(&&*lower)
            && words
                .get(i + 1)
                .is_some_and(|(_, w)| w.eq_ignore_ascii_case("to"));
        if !is_negator(word) && !negating_verb {
            continue;
        }
        // "In the past it has not been eligible", "previously did not":
        // the denial of an earlier state says nothing of the present one.
        let clause = clause_before(text, &words, i, CLAUSE_REACH);
        let earlier = clause.iter().enumerate().any(|(k, w)| {
            let w = plain(w);
            matches!(&*w, "previously" | "formerly")
                || (w == "past" && clause.get(k + 1).is_some_and(|p| plain(p) == "the"))
        });
        if earlier {
            continue;
        }
        // "didn't": the helper is inside the word.
        let before = match lower.strip_suffix("n't") {
            Some(helper) if !helper.is_empty() => Some(helper.to_string()),
            _ => i.checked_sub(1).map(|p| words[p].1.to_ascii_lowercase()),
        };
        let governor = match before.as_deref() {
            _ if negating_verb => Governor::Verb,
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
pub(super) fn stem(word: &str) -> String {
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
        if before.iter().any(|w| is_negator(w)) || unasserted(text, &words, i) {
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

/// One quotation credited to different people by sources of one fact.
fn speaker_discrepancies(
    corpus: &Corpus,
    index: usize,
    fact: &Fact,
    members: &[Member],
) -> Vec<Discrepancy> {
    let credit = |m: &Member| {
        let speaker = super::claim_of(m.article, m.sentence.sentence)?
            .speaker
            .as_deref()?
            .to_string();
        let quoted: String =
            crate::claims::quotations(&m.article.body, &m.article.blocks, &m.article.sentences)
                .into_iter()
                .filter(|(sentence, _, _)| *sentence == m.sentence.sentence)
                .map(|(_, start, end)| m.article.text(start, end).to_string())
                .collect::<Vec<_>>()
                .join(" ");
        Some((speaker, quoted))
    };
    let credits: Vec<Option<(String, String)>> = members.iter().map(credit).collect();
    let mut out = Vec::new();
    for (i, a) in members.iter().enumerate() {
        for (j, b) in members.iter().enumerate().skip(i + 1) {
            let (Some((speaker_a, quote_a)), Some((speaker_b, quote_b))) =
                (&credits[i], &credits[j])
            else {
                continue;
            };
            // A rival named in the other version's own sentence is part of
            // its attribution, not another speaker.
            if a.sentence.article == b.sentence.article
                || super::quotes::names_speaker(b.text, speaker_a)
                || super::quotes::names_speaker(a.text, speaker_b)
                || !contemporary(a.article, b.article)
                || !super::quotes::rival_quotation(quote_a, quote_b)
                || !super::quotes::rival_credits(
                    corpus,
                    (a.sentence, speaker_a),
                    (b.sentence, speaker_b),
                )
            {
                continue;
            }
            let side = |group: usize, m: &Member, speaker: &str| Side {
                group,
                sentence: m.sentence,
                start: m.base,
                end: m.base + m.text.len(),
                value: speaker.to_string(),
            };
            out.push(Discrepancy {
                id: format!("{}-speaker-{}", fact.id, out.len()),
                kind: DiscrepancyKind::Speaker,
                what: format!("quotation credited to {speaker_a} · {speaker_b}"),
                confidence: (0.55 + 0.3 * fact.agreement).min(0.9),
                fact: Some(index),
                sides: vec![side(0, a, speaker_a), side(1, b, speaker_b)],
            });
        }
    }
    out
}

/// Content words of `text` within `reach` words of the byte range, cut to
/// five letters so that "sentenced" meets "sentencing".
fn words_around(text: &str, start: usize, end: usize, reach: usize) -> Vec<String> {
    let words = word_spans(text);
    let first = words
        .iter()
        .position(|(at, _)| *at >= start)
        .unwrap_or(words.len());
    let last = words
        .iter()
        .position(|(at, _)| *at >= end)
        .unwrap_or(words.len());
    let before = &words[first.saturating_sub(reach)..first];
    let after = &words[last..(last + reach).min(words.len())];
    before
        .iter()
        .chain(after)
        .map(|(_, w)| w.to_lowercase())
        .filter(|w| {
            w.len() >= 4
                && w.chars().all(char::is_alphabetic)
                && !FUNCTION_WORDS.contains(&w.as_str())
        })
        .map(|w| w.chars().take(5).collect())
        .collect()
}

fn share_word(a: &[String], b: &[String]) -> bool {
    a.iter().any(|w| b.contains(w))
}

/// The first word of `text` whose stem is `stem`, not denied.
fn affirmed_word(text: &str, stem_wanted: &str) -> Option<(usize, usize)> {
    let words = word_spans(text);
    words.iter().enumerate().find_map(|(i, (at, word))| {
        if stem(&word.to_ascii_lowercase()) != stem_wanted {
            return None;
        }
        let denied = words[i.saturating_sub(3)..i]
            .iter()
            .any(|(_, w)| is_negator(w))
            || unasserted(text, &words, i);
        (!denied).then(|| (*at, at + word.len()))
    })
}

fn negation_discrepancies(index: usize, fact: &Fact, members: &[Member]) -> Vec<Discrepancy> {
    let mut out = Vec::new();
    // Opposite verbs of one thing: "accepted" the offer against "rejected" it.
    for (i, a) in members.iter().enumerate() {
        for b in &members[i + 1..] {
            if a.sentence.article == b.sentence.article
                || !contemporary(a.article, b.article)
                || other_occasions(a, b)
                || recurring_template(a, b)
            {
                continue;
            }
            // A level that moves goes up one day and down the next: a rise
            // against a fall is told only by articles of one day.
            let apart = matches!((article_day(a.article), article_day(b.article)),
                (Some((x, _)), Some((y, _))) if x != y);
            for (x, y) in OPPOSITE_VERBS {
                if apart && MOVEMENT_STEMS.contains(x) {
                    continue;
                }
                for (p, q, px, qy) in [(a, b, x, y), (b, a, x, y)] {
                    let (Some(one), Some(other)) =
                        (affirmed_word(p.text, px), affirmed_word(q.text, qy))
                    else {
                        continue;
                    };
                    if affirmed_word(p.text, qy).is_some() || affirmed_word(q.text, px).is_some() {
                        continue;
                    }
                    // Of one thing: who acts and on what, on both sides.
                    let before = |m: &Member, (start, _): (usize, usize)| {
                        words_around(m.text, start, start, 4)
                    };
                    let after =
                        |m: &Member, (_, end): (usize, usize)| words_around(m.text, end, end, 4);
                    if !share_word(&before(p, one), &before(q, other))
                        || !share_word(&after(p, one), &after(q, other))
                    {
                        continue;
                    }
                    let side = |group: usize, m: &Member, (start, end): (usize, usize)| {
                        m.side(group, m.base + start, m.base + end)
                    };
                    let sides = vec![side(0, p, one), side(1, q, other)];
                    out.push(Discrepancy {
                        id: format!("{}-negation-{}", fact.id, out.len()),
                        kind: DiscrepancyKind::Negation,
                        what: format!("opposite accounts: {} · {}", sides[0].value, sides[1].value),
                        confidence: (0.45 + 0.3 * fact.agreement).min(0.8),
                        fact: Some(index),
                        sides,
                    });
                }
            }
        }
    }
    for (i, a) in members.iter().enumerate() {
        let a_words = word_spans(a.text);
        for denial in denials(a.text) {
            let (start, end) = (denial.start, denial.end);
            // A denial in a condition tells nothing; a sentence that also
            // affirms what it denies ("callable from 2031 but not callable
            // before") takes no side.
            let at = a_words.iter().position(|(w, _)| *w == start).unwrap_or(0);
            if conditional(a.text, &a_words, at) || affirms(a.text, &denial).is_some() {
                continue;
            }
            for (_, b) in members
                .iter()
                .enumerate()
                .filter(|(j, b)| *j != i && contemporary(a.article, b.article))
            {
                if denials(b.text).iter().any(|d| d.denied == denial.denied) {
                    continue;
                }
                let Some((b_start, b_end)) = affirms(b.text, &denial) else {
                    continue;
                };
                // Another act through "to" ("not expected to intervene"
                // against "expected to enter"), or nothing in common around
                // the two (other doers, other objects): not one thing.
                if let (Some(x), Some(y)) = (complement(a.text, end), complement(b.text, b_end))
                    && x != y
                {
                    continue;
                }
                if !share_word(
                    &words_around(a.text, start, end, 4),
                    &words_around(b.text, b_start, b_end, 4),
                ) {
                    continue;
                }
                let sides = vec![
                    a.side(0, a.base + start, a.base + end),
                    b.side(1, b.base + b_start, b.base + b_end),
                ];
                out.push(Discrepancy {
                    id: format!("{}-negation-{}", fact.id, out.len()),
                    kind: DiscrepancyKind::Negation,
                    what: format!(
                        "denied and affirmed: {} · {}",
                        sides[0].value, sides[1].value
                    ),
                    confidence: (0.5 + 0.3 * fact.agreement).min(0.85),
                    fact: Some(index),
                    sides,
                });
            }
        }
    }
    out
}
