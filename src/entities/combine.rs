//! How the rules and the statistical tagger ([`crate::ner`]) share the work.
//!
//! The rules are precise where the text gives a cue (a title, a verb of
//! saying, an organisation suffix, a gazetteer name); the tagger, trained on
//! CoNLL-2003, finds names with no cue and reads capitals in context
//! (sentence starts, coordinations, headlines, datelines, results lines).
//! So: a tagger name that touches no rule mention is taken; where they
//! overlap, a mention with a cue wins and a mention without one yields; a
//! mention without a cue that the tagger does not see as a name is dropped.
//! One exception to "a cue wins": a place from the gazetteer yields to the
//! tagger reading the same words as an organisation or person (a club named
//! after its city, a person named like a town).

use super::short_forms::known_place;
use super::{Candidate, Cue, is_demonym, is_opener, never_a_name, words};
use crate::model::EntityType;
use crate::ner::Name;
use std::cmp::Ordering;
use std::collections::HashSet;

/// A title-cased line: its span, and whether it is a heading of the article
/// (not a line of a results table or schedule).
pub(super) struct TitleLine {
    pub start: usize,
    pub end: usize,
    pub heading: bool,
}

/// Whether a tagger name is kept at all: never a document or event name
/// ("... Memorandum", "Article 5"). In a title-cased line every word is
/// capitalised, which CoNLL's mostly ALL-CAPS headlines did not teach the
/// tagger: there a name must not be a common word of the article, and in a
/// heading it must be named, capitalised, in the article's prose.
fn plausible(body: &str, name: &Name, lines: &[TitleLine]) -> bool {
    let text = &body[name.start..name.end];
    // "Eastern European": an adjective of place, CoNLL's MISC. (Alone, a
    // word that looks like one may be a city: "Milan".)
    let parts: Vec<&str> = text.split_whitespace().collect();
    if parts
        .iter()
        .any(|word| words::NON_ENTITY_HEADS.contains(word))
        || (parts.len() >= 2 && parts.last().is_some_and(|word| is_demonym(word)))
        // "Already, ...", "Meanwhile": a sentence adverb, whatever its capital.
        || (parts.len() == 1 && is_opener(text))
        || in_quoted_title(body, name.start, name.end)
    {
        return false;
    }
    let line = lines.binary_search_by(|line| {
        if line.end <= name.start {
            Ordering::Less
        } else if line.start > name.start {
            Ordering::Greater
        } else {
            Ordering::Equal
        }
    });
    match line {
        Err(_) => true,
        Ok(index) => !(name.common || (lines[index].heading && !name.in_prose)),
    }
}

/// “The Wolf of Main Street”: a name inside a quoted, title-cased phrase of
/// three words or more is part of a work's title (the rules skip the
/// phrase whole for the same reason).
fn in_quoted_title(body: &str, start: usize, end: usize) -> bool {
    // A title is short: looking further back than this would make a long
    // paragraph's names quadratic.
    const REACH: usize = 160;
    let mut from = start.saturating_sub(REACH);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let line_start = body[from..start]
        .rfind('\n')
        .map_or(from, |at| from + at + 1);
    let before = &body[line_start..start];
    let Some(open) = before.rfind(['“', '"']) else {
        return false;
    };
    if before[open..].contains(['”']) || before[..open].matches('"').count() % 2 == 1 {
        return false;
    }
    let open_end = open + before[open..].chars().next().map_or(1, char::len_utf8);
    let mut to = (end + REACH).min(body.len());
    while !body.is_char_boundary(to) {
        to -= 1;
    }
    let after = &body[end..to];
    let line_end = after.find('\n').unwrap_or(after.len());
    let Some(close) = after[..line_end].find(['”', '"']) else {
        return false;
    };
    let title = &body[line_start + open_end..end + close];
    let parts: Vec<&str> = title.split_whitespace().collect();
    parts.len() >= 3
        && parts.len() <= 10
        && parts.iter().all(|word| {
            word.chars().next().is_some_and(char::is_uppercase)
                || matches!(
                    *word,
                    "of" | "the" | "a" | "an" | "and" | "in" | "on" | "to" | "for" | "at"
                )
        })
}

fn yields(body: &str, rule: &Candidate, name: &Name) -> bool {
    let same_span = rule.start == name.start && rule.end == name.end;
    let inside = name.start <= rule.start && rule.end <= name.end;
    match rule.cue {
        Cue::Weak | Cue::Tagger => true,
        // "Air France", "Dhaka Newsroom": a place inside a longer name. An
        // abbreviation stays itself ("U.S. Treasury" names the U.S.).
        Cue::Gazetteer => {
            let text = &body[rule.start..rule.end];
            let abbreviation = text.contains('.') || !text.chars().any(char::is_lowercase);
            rule.kind == EntityType::Place && (same_span || (inside && !abbreviation))
        }
        Cue::Strong => false,
    }
}

fn overlaps(candidate: &Candidate, name: &Name) -> bool {
    candidate.start < name.end && name.start < candidate.end
}

/// "The Party for Sovereignty": a capital function word that only opens
/// the sentence stays outside a name of two words or more, as the rules
/// leave it.
fn without_opener(body: &str, name: &Name) -> Name {
    let mut trimmed = *name;
    let text = &body[name.start..name.end];
    if let Some((first, rest)) = text.split_once(' ')
        && words::is_function_word(first)
        && rest.starts_with(char::is_uppercase)
        // "The Hague", "The Times": one word after "The" is named with it.
        && rest.contains(' ')
    {
        trimmed.start += first.len() + 1;
    }
    trimmed
}

/// The rule mentions and tagger names of one article, merged; `lines` are
/// its title-cased lines in order.
pub(super) fn combine(
    body: &str,
    mut rules: Vec<Candidate>,
    names: &[Name],
    lines: &[TitleLine],
) -> Vec<Candidate> {
    let trimmed: Vec<Name> = names
        .iter()
        .map(|name| without_opener(body, name))
        .collect();
    let names: Vec<&Name> = trimmed
        .iter()
        .filter(|name| plausible(body, name, lines))
        .collect();
    rules.sort_by_key(|candidate| (candidate.start, candidate.end));
    // A mention without a cue stays only where the tagger also sees a name.
    let mut dropped: Vec<bool> = rules.iter().map(|rule| rule.cue == Cue::Weak).collect();
    let mut added = Vec::new();
    let mut cursor = 0;
    for name in &names {
        while cursor < rules.len() && rules[cursor].end <= name.start {
            cursor += 1;
        }
        let overlapping: Vec<usize> = (cursor..rules.len())
            .take_while(|&index| rules[index].start < name.end)
            .filter(|&index| overlaps(&rules[index], name))
            .collect();
        let agrees = overlapping.iter().any(|&index| {
            let rule = &rules[index];
            rule.start == name.start && rule.end == name.end && rule.kind == name.kind
        });
        if !agrees
            && overlapping
                .iter()
                .all(|&index| yields(body, &rules[index], name))
        {
            for &index in &overlapping {
                dropped[index] = true;
            }
            // "Zaw Min Tun", "Nay Pyi Daw": the tagger, unsure of a first
            // word it has never seen, starts the name one word late where the
            // rules' run of capitals ends with it.
            let start = overlapping
                .iter()
                .map(|&index| &rules[index])
                .filter(|rule| {
                    rule.cue == Cue::Weak && rule.start < name.start && rule.end == name.end
                })
                .map(|rule| rule.start)
                .min()
                .unwrap_or(name.start);
            added.push(Candidate {
                start,
                end: name.end,
                kind: name.kind,
                canonical: None,
                cue: Cue::Tagger,
            });
        } else {
            for &index in &overlapping {
                dropped[index] &= rules[index].cue != Cue::Weak;
            }
        }
    }
    let mut merged: Vec<Candidate> = rules
        .into_iter()
        .zip(dropped)
        .filter(|(_, dropped)| !dropped)
        .map(|(candidate, _)| candidate)
        .collect();
    merged.extend(added);
    // "ET", "CEO", "MP", a month in "28 Mar 2025": words the rules never
    // take for names alone stay out when only a cue-less rule or the tagger
    // reads them as one.
    merged.retain(|candidate| {
        matches!(candidate.cue, Cue::Strong | Cue::Gazetteer)
            || !never_a_name(&body[candidate.start..candidate.end])
    });
    one_type_per_name(body, &mut merged);
    organization_of_place(body, &mut merged);
    merged
}

/// "Global Daily Light of Nordland": an organisation of two words or more
/// the tagger ends before "of" and a place is one name with the place (a
/// paper, a bank, a university of a country), as the rules read such a run.
fn organization_of_place(body: &str, merged: &mut Vec<Candidate>) {
    merged.sort_by_key(|candidate| (candidate.start, candidate.end));
    let mut absorbed = vec![false; merged.len()];
    for index in 0..merged.len().saturating_sub(1) {
        let (organization, place) = (&merged[index], &merged[index + 1]);
        let joins = organization.cue == Cue::Tagger
            && organization.kind == EntityType::Organization
            && body[organization.start..organization.end].contains(' ')
            && place.kind == EntityType::Place
            && body.get(organization.end..place.start) == Some(" of ")
            && !body[place.end..]
                .trim_start_matches(' ')
                .starts_with(|c: char| c.is_uppercase());
        if joins && !absorbed[index] {
            let end = place.end;
            merged[index].end = end;
            absorbed[index + 1] = true;
        }
    }
    let mut flags = absorbed.into_iter();
    merged.retain(|_| !flags.next().unwrap_or(false));
}

/// A person the rules found by a cue (a title, a verb of saying) stays a
/// person wherever the tagger finds the name or its surname alone in the
/// article ("President Ana Ruiz" ... "Ruiz's aides"): the tagger decides each
/// mention from its neighbours and can waver.
fn one_type_per_name(body: &str, merged: &mut [Candidate]) {
    // A person by the surname, the last word of the name.
    let people = found_by_cue(body, merged, EntityType::Person, |name| {
        name.rsplit_once(' ').map(|(_, surname)| surname)
    });
    // The same for an organisation named by its suffix ("Varrow Logistics
    // said" ... "Varrow's shares"), where the tagger reads the name or its
    // first word as a person or an unknown place: never over a person found
    // by a cue, nor over a place the gazetteer knows ("Chicago" beside
    // "Chicago Bulls").
    let organizations = found_by_cue(body, merged, EntityType::Organization, |name| {
        name.split_once(' ').map(|(first, _)| first)
    });
    for candidate in merged.iter_mut() {
        let text = &body[candidate.start..candidate.end];
        if candidate.cue != Cue::Tagger {
            continue;
        }
        if people.contains(text) {
            candidate.kind = EntityType::Person;
        } else if organizations.contains(text)
            && (candidate.kind == EntityType::Person
                || candidate.kind == EntityType::Place && !known_place(text))
        {
            candidate.kind = EntityType::Organization;
        }
    }
}

/// The names of `kind` the rules found by a cue, with the short form
/// `short` takes of each.
fn found_by_cue<'a>(
    body: &'a str,
    merged: &[Candidate],
    kind: EntityType,
    short: fn(&str) -> Option<&str>,
) -> HashSet<&'a str> {
    let mut names = HashSet::new();
    for candidate in merged {
        if candidate.cue == Cue::Strong && candidate.kind == kind {
            let text = &body[candidate.start..candidate.end];
            names.insert(text);
            names.extend(short(text));
        }
    }
    names
}
