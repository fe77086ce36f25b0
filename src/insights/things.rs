//! Measures of one thing across the facts: a quake's magnitude and depth,
//! a building's storeys, a sum of money by its role (lost, a fine, bail).
//!
//! The fact clusters leave such figures on rows of their own: one outlet
//! gives the magnitude in its lead, another in a line about the agency
//! that measured it, and the two sentences share little else. So figures
//! are read here by the thing they measure, from the words around each
//! (a unit, a noun of the event, a word of the money's role), and compared
//! between sources that share a mark of one story, whatever row they are
//! on. What keeps this precise:
//! - a main event is not its sequel: an aftershock's magnitude is another
//!   thing than the quake's;
//! - a figure tied to one place is not a figure tied to another;
//! - a source that gives two values of one thing takes no side (it reports
//!   both, it does not dispute either);
//! - figures inside a direct quotation, or marked as another occurrence's
//!   ("an earlier tremor", "a second blast"), are no side at all;
//! - a figure "revised to" or "downgraded to" is a later stage of the
//!   reading: an `update`, not a contradiction.
//!
//! Every figure read as a measure of a thing is this module's to judge: the
//! figure rules of [`super::discrepancies`] step aside from it.

use super::discrepancies::{
    Member, clause_of, other_occasions, recurring_template, slug, word_spans,
};
use super::numbers::{Bound, Quantity, Unit};
use super::{Discrepancy, DiscrepancyKind, Side, contemporary};
use crate::facts::{Facts, SentenceRef};
use crate::lexicon::{
    EVENT_NOUNS, LENGTH_NOUNS, MONEY_ROLES, OTHER_OCCURRENCE_CUES, PREPOSITIONS, REVISION_VERBS,
    SEQUEL_NOUNS, STOREY_WORDS,
};
use crate::model::{Corpus, EntityType};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Thing {
    /// "magnitude", "depth", "height", "storeys", or "money:" and a role.
    measure: &'static str,
    /// Of an event's sequel (an aftershock), not of the event itself.
    sequel: bool,
}

impl Thing {
    fn label(self) -> String {
        let measure = match self.measure.strip_prefix("money:") {
            Some("loss") => "money lost",
            Some(role) => role,
            None => self.measure,
        };
        if self.sequel {
            format!("aftershock {measure}")
        } else {
            measure.to_string()
        }
    }
}

/// One figure read as a measure of a thing.
struct Reading {
    /// Index into the members read.
    member: usize,
    /// The figure, its span stretched over a unit the figure rules leave
    /// out ("30-storey").
    quantity: Quantity,
    /// The figure's span as the figure rules read it.
    figure: (usize, usize),
    thing: Thing,
    /// The place named nearest the figure in its clause.
    place: Option<Arc<str>>,
    /// "revised up to 7.9": the later stage of a reading.
    revised: bool,
    /// Quoted, or of another occurrence: judged here, never a side.
    aside: bool,
}

/// The figures this module has read as measures of a thing, by sentence:
/// no other rule compares them.
#[derive(Default)]
pub(super) struct Claimed(HashMap<SentenceRef, Vec<(usize, usize)>>);

impl Claimed {
    /// Whether a figure dispute of another rule stands on a figure read
    /// here.
    pub(super) fn judges(&self, discrepancy: &Discrepancy) -> bool {
        matches!(
            discrepancy.kind,
            DiscrepancyKind::Number | DiscrepancyKind::Update
        ) && discrepancy.sides.iter().any(|side| {
            self.0.get(&side.sentence).is_some_and(|spans| {
                spans
                    .iter()
                    .any(|&(start, end)| start < side.end && side.start < end)
            })
        })
    }
}

/// Measures of one thing across a whole corpus, between sources that share
/// a mark of one story.
pub(super) fn across(corpus: &Corpus, facts: &Facts) -> (Vec<Discrepancy>, Claimed) {
    let mut members = Vec::new();
    for (index, article) in corpus.articles.iter().enumerate() {
        if facts.copies.is_copy(index) {
            continue;
        }
        for sentence in 0..article.sentences.len() {
            let sentence = SentenceRef {
                article: index,
                sentence,
            };
            if let Some(member) = Member::of(corpus, sentence)
                && !member.figures.quantities.is_empty()
            {
                members.push(member);
            }
        }
    }
    // Story marks are the article's, so any sentence that takes part in
    // facts stands for its article.
    let mut stands_for: HashMap<usize, SentenceRef> = HashMap::new();
    for &sentence in facts.node_of.keys() {
        let entry = stands_for.entry(sentence.article).or_insert(sentence);
        if sentence < *entry {
            *entry = sentence;
        }
    }
    let linked = |a: usize, b: usize| match (stands_for.get(&a), stands_for.get(&b)) {
        (Some(&x), Some(&y)) => facts.same_story(x, y),
        _ => false,
    };
    let fact_of = |sentence: SentenceRef| facts.facts_of(sentence).first().copied();
    disputes(&members, &linked, &fact_of)
}

/// Measures of one thing among the sentences of one fact (`index` its
/// place in `Facts::facts`): one story by being one fact.
pub(super) fn among(
    corpus: &Corpus,
    index: usize,
    sentences: &[SentenceRef],
) -> (Vec<Discrepancy>, Claimed) {
    let members: Vec<Member> = sentences
        .iter()
        .filter_map(|&s| Member::of(corpus, s))
        .collect();
    disputes(&members, &|_, _| true, &|_| Some(index))
}

fn disputes(
    members: &[Member],
    linked: &dyn Fn(usize, usize) -> bool,
    fact_of: &dyn Fn(SentenceRef) -> Option<usize>,
) -> (Vec<Discrepancy>, Claimed) {
    let mut quoted: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    let mut readings = Vec::new();
    for (at, member) in members.iter().enumerate() {
        let found = read(at, member);
        if found.is_empty() {
            continue;
        }
        let article = member.sentence.article;
        let quotations = quoted.entry(article).or_insert_with(|| {
            let a = member.article;
            crate::claims::quotations(&a.body, &a.blocks, &a.sentences)
                .into_iter()
                .map(|(_, start, end)| (start, end))
                .collect()
        });
        readings.extend(found.into_iter().map(|mut reading| {
            let (start, end) = reading.figure;
            reading.aside |= quotations.iter().any(|&(s, e)| s <= start && end <= e);
            reading
        }));
    }
    let mut claimed = Claimed::default();
    let mut by_thing: BTreeMap<Thing, Vec<&Reading>> = BTreeMap::new();
    for reading in &readings {
        claimed
            .0
            .entry(members[reading.member].sentence)
            .or_default()
            .push(reading.figure);
        if !reading.aside {
            by_thing.entry(reading.thing).or_default().push(reading);
        }
    }
    let mut out = Vec::new();
    for (thing, list) in by_thing {
        for story in stories(members, &list, linked) {
            out.extend(dispute(members, thing, &story, linked, fact_of));
        }
    }
    (out, claimed)
}

/// Whether no two of `readings` contradict each other.
fn consistent(readings: &[&Reading]) -> bool {
    readings.iter().enumerate().all(|(i, a)| {
        readings[i + 1..]
            .iter()
            .all(|b| a.quantity.agrees(&b.quantity) != Some(false))
    })
}

/// The readings of one thing, one per source, in groups of sources linked
/// to one story. A sentence giving two values of the thing ("6.2 by one
/// agency, 6.5 by another") says nothing of which is right, and a source
/// whose sentences give two values takes no side.
fn stories<'r>(
    members: &[Member],
    list: &[&'r Reading],
    linked: &dyn Fn(usize, usize) -> bool,
) -> Vec<Vec<&'r Reading>> {
    let mut by_sentence: BTreeMap<usize, Vec<&Reading>> = BTreeMap::new();
    for reading in list {
        by_sentence.entry(reading.member).or_default().push(reading);
    }
    let mut by_article: BTreeMap<usize, Vec<&Reading>> = BTreeMap::new();
    for (member, readings) in by_sentence {
        if consistent(&readings) {
            by_article
                .entry(members[member].sentence.article)
                .or_default()
                .extend(readings);
        }
    }
    let chosen: Vec<&Reading> = by_article
        .into_values()
        .filter(|readings| consistent(readings))
        .filter_map(|readings| readings.first().copied())
        .collect();
    let article = |r: &Reading| members[r.member].sentence.article;
    let mut parent: Vec<usize> = (0..chosen.len()).collect();
    for i in 0..chosen.len() {
        for j in i + 1..chosen.len() {
            if linked(article(chosen[i]), article(chosen[j])) {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<&Reading>> = BTreeMap::new();
    for (i, reading) in chosen.into_iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(reading);
    }
    groups.into_values().filter(|g| g.len() >= 2).collect()
}

fn root(parent: &mut [usize], x: usize) -> usize {
    let mut x = x;
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Two readings can be of one thing: one story, one time, places that fit
/// (two places named are two things) and no occasions told apart.
fn comparable(
    members: &[Member],
    a: &Reading,
    b: &Reading,
    linked: &dyn Fn(usize, usize) -> bool,
) -> bool {
    let (ma, mb) = (&members[a.member], &members[b.member]);
    ma.sentence.article != mb.sentence.article
        && linked(ma.sentence.article, mb.sentence.article)
        && contemporary(ma.article, mb.article)
        && match (&a.place, &b.place) {
            (Some(x), Some(y)) => x == y || names(mb, x) || names(ma, y),
            _ => true,
        }
        && !other_occasions(ma, mb)
        && !recurring_template(ma, mb)
}

fn dispute(
    members: &[Member],
    thing: Thing,
    story: &[&Reading],
    linked: &dyn Fn(usize, usize) -> bool,
    fact_of: &dyn Fn(SentenceRef) -> Option<usize>,
) -> Option<Discrepancy> {
    let mut groups: Vec<Vec<&Reading>> = Vec::new();
    for &reading in story {
        match groups.iter_mut().find(|group| {
            group
                .iter()
                .all(|other| reading.quantity.agrees(&other.quantity) == Some(true))
        }) {
            Some(group) => group.push(reading),
            None => groups.push(vec![reading]),
        }
    }
    let opposed = |x: &[&Reading], y: &[&Reading]| {
        x.iter().all(|a| {
            y.iter().all(|b| {
                a.quantity.agrees(&b.quantity) == Some(false) && comparable(members, a, b, linked)
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
    let groups: Vec<Vec<&Reading>> = groups
        .into_iter()
        .zip(disputed)
        .filter_map(|(group, disputed)| disputed.then_some(group))
        .collect();
    if groups.len() < 2 {
        return None;
    }
    let value = |r: &Reading| {
        members[r.member]
            .words_at(r.quantity.start, r.quantity.end)
            .to_string()
    };
    let mut sides: Vec<Side> = groups
        .iter()
        .enumerate()
        .flat_map(|(group, list)| {
            list.iter()
                .map(move |r| members[r.member].side(group, r.quantity.start, r.quantity.end))
        })
        .collect();
    sides.sort_by_key(|side| side.sentence);
    let kind = if groups.iter().flatten().any(|r| r.revised) {
        DiscrepancyKind::Update
    } else {
        DiscrepancyKind::Number
    };
    let approximate = groups
        .iter()
        .flatten()
        .any(|r| r.quantity.bound != Bound::Exact || r.quantity.tolerance > 0.0);
    let label = thing.label();
    let values: Vec<String> = groups.iter().map(|group| value(group[0])).collect();
    let first = members[groups[0][0].member].sentence;
    let first_article = &members[groups[0][0].member].article.id;
    Some(Discrepancy {
        id: format!(
            "thing-{first_article}-{}-{}-{}",
            groups[0][0].quantity.start,
            kind.as_str(),
            slug(&label)
        ),
        kind,
        what: format!("{label}: {}", values.join(" · ")),
        confidence: if approximate { 0.6 } else { 0.7 },
        fact: fact_of(first),
        sides,
    })
}

/// A word of a sentence, lowercased, with its byte span in the sentence.
type Word = (usize, usize, String);

fn words_of(text: &str) -> Vec<Word> {
    word_spans(text)
        .into_iter()
        .map(|(at, w)| (at, at + w.len(), w.to_lowercase()))
        .collect()
}

/// Words between a figure and its role or unit ("lost nearly $10 billion",
/// "a depth of 30 km") look this far.
const REACH_BEFORE: usize = 4;
const REACH_AFTER: usize = 3;

/// The figures of `member` read as measures of a thing.
fn read(at: usize, member: &Member) -> Vec<Reading> {
    let words = words_of(member.text);
    let mut out = Vec::new();
    for quantity in &member.figures.quantities {
        let from = quantity.start.saturating_sub(member.base);
        let to = quantity.end.saturating_sub(member.base);
        let (clause_start, clause_end) = clause_of(member, quantity);
        let (clause_start, clause_end) = (clause_start - member.base, clause_end - member.base);
        let clause_before: Vec<&Word> = words
            .iter()
            .filter(|(s, e, _)| *s >= clause_start && *e <= from)
            .collect();
        let before = &clause_before[clause_before.len().saturating_sub(REACH_BEFORE)..];
        let after: Vec<&Word> = words
            .iter()
            .filter(|(s, e, _)| *s >= to && *e <= clause_end)
            .take(REACH_AFTER)
            .collect();
        let Some((measure, end)) = measure_of(
            member,
            quantity,
            (&clause_before, before, &after),
            &words,
            to,
        ) else {
            continue;
        };
        let sequel =
            matches!(measure, "magnitude" | "depth") && nearest_event_is_sequel(&words, from);
        // "another 4.2 tremor" is another occurrence; "one agency put it at
        // 6.3 and another at 6.7" is a pronoun for a second measurer.
        let other_occurrence = before.iter().enumerate().any(|(i, (_, _, w))| {
            OTHER_OCCURRENCE_CUES.contains(&w.as_str())
                && before
                    .get(i + 1)
                    .is_none_or(|(_, _, next)| !PREPOSITIONS.contains(&next.as_str()))
        });
        let followed = before
            .windows(2)
            .any(|pair| pair[0].2 == "followed" && pair[1].2 == "by");
        let revised = clause_before
            .iter()
            .any(|(_, _, w)| REVISION_VERBS.contains(&w.as_str()))
            && before.iter().rev().take(2).any(|(_, _, w)| w == "to");
        let mut quantity = quantity.clone();
        if measure == "magnitude" {
            // "measured 5.8" and "a magnitude of 6.1" are one scale.
            quantity.unit = Unit::Magnitude;
        }
        if revised {
            // "revised up to 7.9" gives the new value, not a ceiling.
            quantity.bound = Bound::Exact;
        }
        let figure = (quantity.start, quantity.end);
        quantity.end = quantity.end.max(member.base + end);
        out.push(Reading {
            member: at,
            figure,
            thing: Thing { measure, sequel },
            place: place_of(member, &quantity),
            revised,
            aside: other_occurrence || followed,
            quantity,
        });
    }
    out
}

/// What a figure measures, and where (in the sentence) its words end.
fn measure_of(
    member: &Member,
    quantity: &Quantity,
    (clause_before, before, after): (&[&Word], &[&Word], &[&Word]),
    words: &[Word],
    to: usize,
) -> Option<(&'static str, usize)> {
    let is = |word: Option<&&Word>, list: &[&str]| {
        word.is_some_and(|(_, _, w)| list.contains(&w.as_str()))
    };
    match &quantity.unit {
        Unit::Magnitude => Some(("magnitude", to)),
        // "revised the magnitude of the quake up to 6.9": the scale named
        // earlier in the clause, the figure bare.
        Unit::Count
            if quantity.low < 10.0
                && quantity
                    .head
                    .as_deref()
                    .is_none_or(|head| EVENT_NOUNS.contains(&head))
                && clause_before.iter().any(|(_, _, w)| w == "magnitude") =>
        {
            Some(("magnitude", to))
        }
        // "The tremor measured 5.8": a reading of the scale, unnamed.
        Unit::Count
            if quantity.low < 10.0
                && quantity.low.fract() != 0.0
                && is(
                    before.last(),
                    &["measured", "measuring", "registered", "registering"],
                )
                && words
                    .iter()
                    .any(|(_, _, w)| EVENT_NOUNS.contains(&w.as_str())) =>
        {
            Some(("magnitude", to))
        }
        Unit::Measure("length") => {
            let near = before
                .iter()
                .rev()
                .take(3)
                .chain(after.iter().take(2))
                .find_map(|(_, _, w)| {
                    if w == "shallow" {
                        return Some("depth");
                    }
                    LENGTH_NOUNS
                        .iter()
                        .find(|(noun, _)| noun == w)
                        .map(|(_, measure)| *measure)
                })?;
            matches!(near, "depth" | "height" | "altitude").then_some((near, to))
        }
        Unit::Count => {
            // "30-storey" is one word to the word splitter: read the text.
            let rest = member.text.get(to..)?;
            let (hyphened, rest) = match rest.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, rest.strip_prefix(' ')?),
            };
            let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
            let lower = word.to_lowercase();
            let storey = STOREY_WORDS.contains(&lower.as_str())
                || (hyphened && matches!(lower.as_str(), "story" | "stories"));
            let whole = quantity.low >= 1.0 && quantity.low <= 300.0 && quantity.low.fract() == 0.0;
            (storey && whole).then_some(("storeys", to + 1 + word.len()))
        }
        Unit::Money(_) => {
            let role = |(_, _, w): &&Word| {
                MONEY_ROLES
                    .iter()
                    .find(|(word, _)| word == w)
                    .map(|(_, role)| *role)
            };
            let before_role = before
                .iter()
                .rev()
                .take(REACH_BEFORE)
                .enumerate()
                .find_map(|(d, w)| role(w).map(|r| (d, r)));
            let after_role = after
                .iter()
                .enumerate()
                .find_map(|(d, w)| role(w).map(|r| (d, r)));
            let role = match (before_role, after_role) {
                (Some((x, a)), Some((y, b))) => {
                    if x <= y {
                        a
                    } else {
                        b
                    }
                }
                (Some((_, a)), None) | (None, Some((_, a))) => a,
                (None, None) => return None,
            };
            let measure = MONEY_ROLES
                .iter()
                .find(|(_, r)| *r == role)
                .map(|(_, r)| match *r {
                    "loss" => "money:loss",
                    "fine" => "money:fine",
                    "bail" => "money:bail",
                    "ransom" => "money:ransom",
                    _ => "money:damages",
                })?;
            Some((measure, to))
        }
        _ => None,
    }
}

/// Whether the event noun nearest the figure is a sequel's ("an
/// aftershock measuring 6.4" in a sentence that also names the quake).
fn nearest_event_is_sequel(words: &[Word], from: usize) -> bool {
    words
        .iter()
        .filter(|(_, _, w)| EVENT_NOUNS.contains(&w.as_str()) || SEQUEL_NOUNS.contains(&w.as_str()))
        .min_by_key(|(s, e, _)| if *e <= from { from - e } else { s - from })
        .is_some_and(|(_, _, w)| SEQUEL_NOUNS.contains(&w.as_str()))
}

/// Whether the member's sentence names `place` anywhere: a quake "that
/// hit the country" and one "near the city in the country" are one quake.
fn names(member: &Member, place: &str) -> bool {
    member
        .article
        .entities_overlapping(member.base, member.base + member.text.len())
        .iter()
        .any(|e| &*e.canonical == place)
}

/// The place named nearest the figure in its own clause.
fn place_of(member: &Member, quantity: &Quantity) -> Option<Arc<str>> {
    let (start, end) = clause_of(member, quantity);
    let distance = |e: &crate::model::Entity| {
        if e.end <= quantity.start {
            quantity.start - e.end
        } else {
            e.start.saturating_sub(quantity.end)
        }
    };
    member
        .article
        .entities_overlapping(start, end)
        .iter()
        .filter(|e| e.kind == EntityType::Place && e.start >= start && e.end <= end)
        .min_by_key(|e| distance(e))
        .map(|e| e.canonical.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze_report;
    use crate::load::{Document, Format, LoadReport};
    use crate::model::Origin;

    fn corpus(texts: &[&str]) -> Corpus {
        let documents = texts
            .iter()
            .enumerate()
            .map(|(at, body)| Document {
                id: format!("s{at}"),
                title: Some(format!("s{at} report")),
                source: Some(format!("s{at}")),
                date: None,
                url: None,
                origin: Origin::Builtin("test"),
                body: body.to_string(),
                format: Format::Text,
                markup_blocks: None,
            })
            .collect();
        analyze_report(LoadReport {
            documents,
            warnings: Vec::new(),
        })
    }

    /// The findings among every sentence of every text, read as one story.
    fn found(texts: &[&str]) -> Vec<Discrepancy> {
        let corpus = corpus(texts);
        let sentences: Vec<SentenceRef> = corpus
            .articles
            .iter()
            .enumerate()
            .flat_map(|(article, a)| {
                (0..a.sentences.len()).map(move |sentence| SentenceRef { article, sentence })
            })
            .collect();
        among(&corpus, 0, &sentences).0
    }

    fn things(text: &str) -> Vec<(String, bool)> {
        let corpus = corpus(&[text]);
        let member = Member::of(
            &corpus,
            SentenceRef {
                article: 0,
                sentence: 0,
            },
        )
        .unwrap_or_else(|| unreachable!());
        read(0, &member)
            .into_iter()
            .map(|r| (r.thing.label(), r.aside))
            .collect()
    }

    #[test]
    fn a_figure_is_read_as_the_thing_it_measures() {
        assert_eq!(
            things("A 6.1 magnitude quake hit the coast."),
            vec![("magnitude".to_string(), false)]
        );
        assert_eq!(
            things("It was followed by an aftershock of magnitude 5.0."),
            vec![("aftershock magnitude".to_string(), false)]
        );
        assert_eq!(
            things("The tremor struck at a depth of 12 km."),
            vec![("depth".to_string(), false)]
        );
        assert_eq!(
            things("A 17-storey block fell."),
            vec![("storeys".to_string(), false)]
        );
        assert_eq!(
            things("Savers lost $4 billion."),
            vec![("money lost".to_string(), false)]
        );
        assert_eq!(
            things("He was freed on bail of $9,000."),
            vec![("bail".to_string(), false)]
        );
        assert_eq!(things("The firm reported revenue of $9 million."), vec![]);
        assert_eq!(
            things("Another 4.2 magnitude tremor followed."),
            vec![("magnitude".to_string(), true)]
        );
    }

    #[test]
    fn two_readings_of_one_quake_disagree_across_rows() {
        let found = found(&[
            "Officials in Orvale spoke at noon. A magnitude 6.3 quake shook the Tarn valley.",
            "The Tarn valley quake reached 6.7 magnitude, the institute said.",
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, DiscrepancyKind::Number);
        assert_eq!(found[0].sides.len(), 2);
    }

    #[test]
    fn a_source_giving_both_values_takes_no_side() {
        let found = found(&[
            "One agency put the Tarn valley quake at magnitude 6.3 and another at magnitude 6.7.",
            "A magnitude 6.7 quake shook the Tarn valley.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn quoted_figures_and_sequels_are_no_side() {
        let found = found(&[
            "“It felt like a magnitude 8 quake,” a farmer said. An aftershock of magnitude 5.1 followed.",
            "A magnitude 6.2 quake shook the Tarn valley.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_revised_reading_is_an_update() {
        let found = found(&[
            "A magnitude 6.2 quake shook the Tarn valley.",
            "The institute later revised the magnitude of the Tarn valley quake up to 6.6.",
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, DiscrepancyKind::Update);
    }

    #[test]
    fn depths_in_two_units_agree_and_bail_is_not_a_fine() {
        assert!(
            found(&[
                "The Tarn valley quake had a depth of 16 kilometres.",
                "The Tarn valley quake was a shallow 10 miles deep.",
            ])
            .is_empty()
        );
        assert!(
            found(&[
                "The skipper was freed on bail of $40,000.",
                "The skipper must pay a fine of $15,000.",
            ])
            .is_empty()
        );
    }
}
