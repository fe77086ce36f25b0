//! Who did it: sources of one fact that credit its one act to different
//! doers ("the water board approved the reservoir" against "the assembly
//! approved the reservoir").
//!
//! The act is a past-tense verb both sentences share; its doer is the
//! words right before it ("Minister Orla Penhallow signed") or, in the
//! passive, the words after "by" ("was signed by the deputy minister").
//! Two doers disagree only when each is plainly someone: both named
//! (capitalised words, neither's words all inside the other's, so "Vesk"
//! and "Dario Vesk" are one person), or one role of two different owners
//! ("the teachers' union" against "the nurses' union"). A role against a
//! name ("the president" against a name) may be one person and is not
//! told; neither is a place, which news writes for its government, nor two
//! spellings the corpus links to one entity (an acronym and its expansion).

use super::{Discrepancy, DiscrepancyKind, Side, contemporary};
use crate::facts::{Fact, SentenceRef};
use crate::lexicon::{FUNCTION_WORDS, NEGATORS, REPORTING_VERBS, TITLES};
use crate::model::{Article, EntityType};

/// Words of a sentence with their byte offsets, and whether a possessive
/// apostrophe closes each ("teachers'", "union's").
fn words(text: &str) -> Vec<(usize, &str, bool)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let inner = matches!(c, '-' | '\'' | '’')
            && start.is_some()
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(at);
            continue;
        }
        if let Some(s) = start.take() {
            let possessive = matches!(c, '\'' | '’');
            out.push((s, &text[s..at], possessive));
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..], false));
    }
    out
}

/// Irregular past forms an act is often told with.
const IRREGULAR_PAST: &[&str] = &[
    "won", "took", "made", "gave", "led", "held", "built", "sent", "struck", "shot", "caught",
    "brought", "sold", "bought", "began", "chose", "wrote", "drew",
];

/// Words before a verb that are no part of its doer.
const AUXILIARY: &[&str] = &[
    "has", "have", "had", "was", "were", "is", "are", "been", "be",
];

fn is_act(word: &str) -> bool {
    let past = (word.len() > 4 && word.ends_with("ed")) || IRREGULAR_PAST.contains(&word);
    past && word.chars().all(|c| c.is_ascii_lowercase())
        && !REPORTING_VERBS.contains(&word)
        && !FUNCTION_WORDS.contains(&word)
}

/// A doer: its byte span in the sentence and its words.
#[derive(Debug, Clone)]
struct Doer {
    start: usize,
    end: usize,
    /// Lowercased, possessive marks dropped.
    words: Vec<String>,
    /// A capitalised word other than a title names it.
    named: bool,
    /// Its first word opens the sentence and is capitalised.
    first_capital: bool,
    /// Lowercased words that carry a possessive ("teachers" of "teachers'").
    owners: Vec<String>,
}

/// An act's stem, its doer, and the act's byte span in the sentence.
type Act = (String, Doer, (usize, usize));

/// The doer of each act of a sentence, by the act's stem.
fn doers(text: &str) -> Vec<Act> {
    let words = words(text);
    let mut out = Vec::new();
    for (i, &(at, word, _)) in words.iter().enumerate() {
        if !is_act(word) {
            continue;
        }
        let before = |n: usize| i.checked_sub(n).map(|j| words[j].1.to_ascii_lowercase());
        if (1..=3).any(|n| before(n).is_some_and(|w| NEGATORS.contains(&w.as_str()))) {
            continue;
        }
        let passive = before(1).is_some_and(|w| AUXILIARY[3..].contains(&w.as_str()));
        let doer = if passive {
            // The agent after "by", up to the clause's end.
            words[i + 1..]
                .iter()
                .position(|(_, w, _)| w.eq_ignore_ascii_case("by"))
                .and_then(|by| phrase_after(text, &words, i + 2 + by))
        } else {
            let mut end = i;
            while end > 0 && AUXILIARY.contains(&words[end - 1].1.to_ascii_lowercase().as_str()) {
                end -= 1;
            }
            phrase_before(text, &words, end)
        };
        if let Some(doer) = doer {
            out.push((
                super::discrepancies::stem(word),
                doer,
                (at, at + word.len()),
            ));
        }
    }
    out
}

/// Whether a word may be part of a doer's phrase.
fn in_phrase(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    word.chars().all(char::is_alphabetic)
        && !FUNCTION_WORDS.contains(&lower.as_str())
        && !lower.ends_with("ly")
}

fn doer_of(text: &str, words: &[(usize, &str, bool)]) -> Option<Doer> {
    let (first, last) = (words.first()?, words.last()?);
    // A clause boundary inside the phrase ends it.
    if text[first.0..last.0].contains([',', ';', ':', '(', ')']) {
        return None;
    }
    let name =
        |(_, w, _): &&(usize, &str, bool)| w.starts_with(char::is_uppercase) && !TITLES.contains(w);
    // A sentence's first word is capitalised whatever it is: it names
    // someone only when the entities say so (see `discrepancies`).
    let named = words.iter().filter(|w| w.0 > 0).any(|w| name(&w));
    let first_capital = words.first().filter(|w| w.0 == 0).is_some_and(|w| name(&w));
    Some(Doer {
        start: first.0,
        end: last.0 + last.1.len(),
        words: words
            .iter()
            .map(|(_, w, _)| w.to_ascii_lowercase().trim_end_matches("'s").to_string())
            .collect(),
        named,
        first_capital,
        owners: words
            .iter()
            .filter(|(_, w, possessive)| *possessive || w.ends_with("'s"))
            .map(|(_, w, _)| w.to_ascii_lowercase().trim_end_matches("'s").to_string())
            .collect(),
    })
}

/// The noun phrase ending right before word `end`.
fn phrase_before(text: &str, words: &[(usize, &str, bool)], end: usize) -> Option<Doer> {
    let broken = |i: usize| text[words[i - 1].0..words[i].0].contains([',', ';', ':', '(', ')']);
    let mut start = end;
    while start > 0 && in_phrase(words[start - 1].1) && end - start < 6 {
        if start < end && broken(start) {
            break;
        }
        start -= 1;
    }
    if start == end {
        return None;
    }
    // The phrase must open its clause: "... the board approved", not
    // "... approved the plan the board drafted".
    let article = |i: usize| matches!(words[i].1.to_ascii_lowercase().as_str(), "the" | "a" | "an");
    let opens =
        start == 0 || broken(start) || (article(start - 1) && (start == 1 || broken(start - 1)));
    if !opens {
        return None;
    }
    doer_of(text, &words[start..end])
}

/// The noun phrase starting at word `from` (after "by").
fn phrase_after(text: &str, words: &[(usize, &str, bool)], from: usize) -> Option<Doer> {
    let mut from = from;
    if words
        .get(from)
        .is_some_and(|(_, w, _)| matches!(w.to_ascii_lowercase().as_str(), "the" | "a" | "an"))
    {
        from += 1;
    }
    let mut end = from;
    while end < words.len() && in_phrase(words[end].1) && end - from < 6 {
        // The phrase stops where the text between two words breaks it.
        if end > from && text[words[end - 1].0..words[end].0].contains([',', '.', ';']) {
            break;
        }
        end += 1;
    }
    if end == from {
        return None;
    }
    doer_of(text, &words[from..end])
}

/// Whether two doers are plainly two different doers.
fn different(a: &Doer, b: &Doer) -> bool {
    let inside = |x: &Doer, y: &Doer| x.words.iter().all(|w| y.words.contains(w));
    if inside(a, b) || inside(b, a) {
        return false;
    }
    match (a.named, b.named) {
        (true, true) => true,
        // One role of two owners: the same head, owners apart.
        (false, false) => {
            a.words.last() == b.words.last()
                && !a.owners.is_empty()
                && !b.owners.is_empty()
                && !a.owners.iter().any(|o| b.owners.contains(o))
        }
        _ => false,
    }
}

fn entity_in(article: &Article, start: usize, end: usize, kinds: &[EntityType]) -> bool {
    article
        .entities_overlapping(start, end)
        .iter()
        .any(|e| kinds.contains(&e.kind))
}

/// Content words of a sentence outside its doer and act, cut to five
/// letters: what the act is done to, which both sides must share.
fn rest(text: &str, doer: &Doer, act: (usize, usize)) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|(at, w, _)| {
            let outside = (*at < doer.start || *at >= doer.end) && (*at < act.0 || *at >= act.1);
            let lower = w.to_ascii_lowercase();
            outside
                && lower.len() >= 4
                && lower.chars().all(char::is_alphabetic)
                && !FUNCTION_WORDS.contains(&lower.as_str())
        })
        .map(|(_, w, _)| w.to_ascii_lowercase().chars().take(5).collect())
        .collect()
}

/// One member of a fact, as the actor rule reads it.
pub(super) struct Said<'a> {
    pub sentence: SentenceRef,
    pub article: &'a Article,
    pub text: &'a str,
    pub base: usize,
}

/// The acts of one fact credited to different doers by two sources.
pub(super) fn discrepancies(index: usize, fact: &Fact, members: &[Said]) -> Vec<Discrepancy> {
    let found: Vec<Vec<Act>> = members
        .iter()
        .map(|m| {
            let mut found = doers(m.text);
            for (_, doer, _) in &mut found {
                doer.named |= doer.first_capital
                    && entity_in(
                        m.article,
                        m.base + doer.start,
                        m.base + doer.end,
                        &[EntityType::Person, EntityType::Organization],
                    );
            }
            found
        })
        .collect();
    let mut out = Vec::new();
    for (i, a) in members.iter().enumerate() {
        for (j, b) in members.iter().enumerate().skip(i + 1) {
            if a.sentence.article == b.sentence.article || !contemporary(a.article, b.article) {
                continue;
            }
            for (act, doer_a, act_a) in &found[i] {
                let Some((_, doer_b, act_b)) = found[j].iter().find(|(other, _, _)| other == act)
                else {
                    continue;
                };
                let place = |m: &Said, d: &Doer| {
                    entity_in(
                        m.article,
                        m.base + d.start,
                        m.base + d.end,
                        &[EntityType::Place],
                    )
                };
                let (rest_a, rest_b) = (rest(a.text, doer_a, *act_a), rest(b.text, doer_b, *act_b));
                // A sentence that names the other doer too ("A won 212
                // seats and B 121") does not say the other did not act.
                let names = |m: &Said, d: &Doer| {
                    let text = m.text.to_lowercase();
                    d.words.iter().all(|w| text.contains(w.as_str()))
                };
                // Linked across the corpus ("the NFC" and the council it
                // stands for), two spellings are one doer.
                let canonicals = |m: &Said, d: &Doer| {
                    m.article
                        .entities_overlapping(m.base + d.start, m.base + d.end)
                        .iter()
                        .filter(|e| matches!(e.kind, EntityType::Person | EntityType::Organization))
                        .map(|e| e.canonical.clone())
                        .collect::<Vec<_>>()
                };
                let one_entity = {
                    let of_b = canonicals(b, doer_b);
                    canonicals(a, doer_a).iter().any(|c| of_b.contains(c))
                };
                if !different(doer_a, doer_b)
                    || one_entity
                    || names(a, doer_b)
                    || names(b, doer_a)
                    || place(a, doer_a)
                    || place(b, doer_b)
                    || !rest_a.iter().any(|w| rest_b.contains(w))
                {
                    continue;
                }
                let side = |group: usize, m: &Said, d: &Doer| Side {
                    group,
                    sentence: m.sentence,
                    start: m.base + d.start,
                    end: m.base + d.end,
                    value: m.text[d.start..d.end].to_string(),
                };
                let sides = vec![side(0, a, doer_a), side(1, b, doer_b)];
                out.push(Discrepancy {
                    id: format!("{}-actor-{}", fact.id, out.len()),
                    kind: DiscrepancyKind::Actor,
                    what: format!(
                        "who {}: {} · {}",
                        &a.text[act_a.0..act_a.1],
                        sides[0].value,
                        sides[1].value
                    ),
                    confidence: (0.45 + 0.3 * fact.agreement).min(0.8),
                    fact: Some(index),
                    sides,
                });
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doer(text: &str, act: &str) -> Option<String> {
        doers(text)
            .into_iter()
            .find(|(stem, _, _)| *stem == super::super::discrepancies::stem(act))
            .map(|(_, d, _)| text[d.start..d.end].to_string())
    }

    #[test]
    fn the_doer_is_before_the_act_or_after_by_in_the_passive() {
        assert_eq!(
            doer("Minister Orla Penhallow signed the accord.", "signed").as_deref(),
            Some("Minister Orla Penhallow")
        );
        assert_eq!(
            doer(
                "The accord was signed for the state by Deputy Minister Dario Vesk.",
                "signed"
            )
            .as_deref(),
            Some("Deputy Minister Dario Vesk")
        );
        assert_eq!(
            doer("The walkout was called by the teachers' union.", "called").as_deref(),
            Some("teachers' union")
        );
        // Not the subject of its clause: no doer.
        assert_eq!(
            doer("Rain fell as the plan they drafted failed.", "drafted"),
            None
        );
        // Denied acts are the negation rule's.
        assert_eq!(doer("Vesk never signed the accord.", "signed"), None);
    }

    #[test]
    fn doers_differ_only_when_plainly_two() {
        let of = |text: &str, act: &str| {
            doers(text)
                .into_iter()
                .find(|(stem, _, _)| *stem == super::super::discrepancies::stem(act))
                .map(|(_, d, _)| d)
                .expect("a doer")
        };
        let vesk = of("Dario Vesk signed the accord.", "signed");
        let minister_vesk = of("Minister Dario Vesk signed the accord.", "signed");
        let penhallow = of("Orla Penhallow signed the accord.", "signed");
        let minister = of("The minister signed the accord.", "signed");
        assert!(!different(&vesk, &minister_vesk), "one person, titled once");
        assert!(different(&vesk, &penhallow));
        assert!(
            !different(&minister, &penhallow),
            "a role may be the named one"
        );
        let teachers = of("The teachers' union called the walkout.", "called");
        let nurses = of("The nurses' union called the walkout.", "called");
        let union = of("The union called the walkout.", "called");
        assert!(different(&teachers, &nurses));
        assert!(!different(&teachers, &union));
    }
}
