//! Who a sentence credits: the speaker at a verb of saying, "according to",
//! "per", an inverted "said X" with the speaker's title, a speaker noun with
//! its modifiers ("a rescue worker", "Putin's spokesman"), or a pronoun.

use super::{Word, lower_in, lowercase};
use crate::lexicon::{
    self, AGENCY_HEADS, DOCUMENT_NOUNS, FINDING_SPEAKERS, INSTITUTION_NOUNS, LY_NOUNS,
    PREPOSITIONS, SPEAKER_MODIFIERS, SPEAKER_PHRASE_STOPS, STATEMENT_NOUNS, STRONG_REPORTING_VERBS,
    STUDY_NOUNS, STUDY_VERBS, WEAK_REPORTING_VERBS,
};
use crate::model::{Entity, EntityType};
use std::collections::HashMap;
use std::sync::Arc;

/// "47-year-old", "61-year-old": an age standing for the person.
fn is_age(word: &str) -> bool {
    word.strip_suffix("-year-old")
        .is_some_and(|age| !age.is_empty() && age.chars().all(|c| c.is_ascii_digit()))
}

/// Words that open a noun phrase naming a speaker by what they are.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "two", "three", "some", "many", "several", "other", "another", "most",
    "few", "these", "those", "this", "that",
];

/// Verbs that say quoted words by naming something with them.
const NAMING_VERBS: &[&str] = &[
    "called",
    "calls",
    "described",
    "describes",
    "dubbed",
    "branded",
    "labelled",
    "labeled",
    "hailed",
];

const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "who", "which"];

/// One or more spaces or a line break, nothing else: two words of one name.
fn is_space(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(char::is_whitespace) && gap.matches('\n').count() <= 1
}

/// Whether `noun` heads the organisation name `name`: its last word, or the
/// word before "of" or "for" ("Union of Quarry Workers"), legal forms after
/// it aside ("Harwell Bank Ltd"). "Eastvale Mining Union Corp" is a
/// corporation, not a union.
fn heads_name(name: &str, noun: &str) -> bool {
    const LEGAL_FORMS: &[&str] = &[
        "ltd", "ltd.", "limited", "plc", "ag", "sa", "nv", "n.v.", "spa", "gmbh", "bhd",
    ];
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    words.iter().enumerate().any(|(at, word)| {
        word == noun
            && words[at + 1..].first().is_none_or(|next| {
                matches!(next.as_str(), "of" | "for")
                    || words[at + 1..]
                        .iter()
                        .all(|rest| LEGAL_FORMS.contains(&rest.as_str()))
            })
    })
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Who a sentence attributes its content to, found at the verb of saying.
pub(super) enum Attribution {
    None,
    /// A verb of saying or "according to" without a resolvable speaker.
    Anonymous,
    Speaker(Arc<str>),
    /// "he said", "she told": the person last speaking or named.
    Pronoun,
    /// "they said": the group or organisation last speaking.
    Plural,
    /// "a statement said": whoever spoke last, who issued it.
    Issuer,
    /// "the agency quoted her as saying": a person as a pronoun is, never
    /// the one doing the quoting.
    QuotedPronoun,
}

pub(super) struct Context<'a> {
    pub(super) body: &'a str,
    pub(super) entities: &'a [Entity],
    pub(super) sentence_start: usize,
    /// The organisation or group that spoke last, for "the company said".
    pub(super) speaking: Option<&'a str>,
}

// Entities are sorted and disjoint, so every lookup below starts from a
// binary search instead of the article's first entity: an article of
// 200,000 sentences took minutes when every word scanned them all.
impl Context<'_> {
    /// Entities that end at or before `at`.
    fn ending_by(&self, at: usize) -> &[Entity] {
        &self.entities[..self.entities.partition_point(|entity| entity.end <= at)]
    }

    /// The entity just before `end` (only an apostrophe-s between). Only the
    /// last entity ending by `end` can be one: an earlier one has the later
    /// one's name in between.
    fn entity_ending_at(&self, end: usize) -> Option<&Entity> {
        self.ending_by(end).last().filter(|entity| {
            self.body[entity.end..end]
                .trim_start_matches(['\'', '’', 's'])
                .trim()
                .is_empty()
                && entity.start >= self.sentence_start
        })
    }

    /// The entity just after `start` (only spaces between): the first one
    /// that starts there or later, by the same reasoning.
    fn entity_starting_at(&self, start: usize) -> Option<&Entity> {
        let first = self.entities.partition_point(|entity| entity.start < start);
        self.entities
            .get(first)
            .filter(|entity| self.body[start..entity.start].trim().is_empty())
    }

    /// The person whose name is all of `body[from..to]`, commas and spaces
    /// around it aside: a name set in apposition. A title ("Dr") or one
    /// plain noun of a role ("businessman") may stand before the name.
    fn person_spanning(&self, from: usize, to: usize) -> Option<&Entity> {
        let segment = &self.body[from..to];
        let trimmed = segment.trim_start_matches([',', ' ']);
        let start = from + (segment.len() - trimmed.len());
        let first = self.entities.partition_point(|entity| entity.start < start);
        self.entities.get(first).filter(|entity| {
            let lead: Vec<&str> = self.body[start..entity.start.min(to)]
                .split_whitespace()
                .collect();
            let role = |word: &str| {
                word.chars().all(char::is_lowercase)
                    && !lexicon::is_function_word(word)
                    && !lexicon::REPORTING.contains(word)
                    && !word.ends_with("ed")
            };
            let lead_fits = match lead.as_slice() {
                [] => true,
                [word] if role(word) => true,
                words => words
                    .iter()
                    .all(|word| lexicon::contains_ignore_case(lexicon::TITLES, word)),
            };
            entity.end == to && entity.kind == EntityType::Person && lead_fits
        })
    }

    /// "The league, the Northern Counties League, said": the organisation
    /// whose name is all of `body[from..to]` ("the" before it aside), set in
    /// apposition to a description that names nothing itself.
    fn organization_spanning(&self, from: usize, to: usize) -> Option<&Entity> {
        if self
            .ending_by(from)
            .last()
            .is_some_and(|entity| entity.end > self.sentence_start)
        {
            return None;
        }
        let segment = &self.body[from..to];
        let trimmed = segment.trim_start_matches([',', ' ']);
        let trimmed = trimmed
            .strip_prefix("the ")
            .or_else(|| trimmed.strip_prefix("The "))
            .unwrap_or(trimmed);
        let start = from + (segment.len() - trimmed.len());
        self.entity_starting_at(start).filter(|entity| {
            entity.start == start && entity.end == to && entity.kind == EntityType::Organization
        })
    }

    /// A person or organisation named within the few words before word `verb`
    /// with no clause break between: the likely subject of a verb of saying.
    /// Of two joined by "and" ("the Survey (SV) and the Institute said"), the
    /// first; an owner ("X's photographer") or a name after a preposition
    /// ("told X", "in X") is not the subject.
    fn clause_entity_before(&self, words: &[Word<'_>], verb: usize) -> Option<&Entity> {
        let from = verb.saturating_sub(6);
        let window_start = words.get(from)?.start.max(self.sentence_start);
        let verb_start = words[verb].start;
        let in_window = self.ending_by(verb_start);
        let from = in_window.partition_point(|entity| entity.start < window_start);
        let candidates: Vec<&Entity> = in_window[from..]
            .iter()
            .filter(|entity| {
                let after = &self.body[entity.end..];
                entity.start >= window_start
                    && entity.end <= verb_start
                    && entity.kind != EntityType::Place
                    && !self.body[entity.end..verb_start].contains([',', ';', '"', '“', '”', '—'])
                    && !after.starts_with(['\'', '’'])
                    && !self.governed(entity)
            })
            .collect();
        let last = *candidates.last()?;
        candidates
            .iter()
            .find(|first| {
                first.end <= last.start && self.body[first.end..last.start].contains(" and ")
            })
            .copied()
            .or(Some(last))
    }

    /// "Ana Ruiz of the Marlow Institute said", "Ana Ruiz at Acme said": the
    /// person named just before the organisation that employs them, who is
    /// the subject where the organisation is not.
    fn person_before_affiliation(&self, organization: &Entity) -> Option<&Entity> {
        let before = self.body[self.sentence_start..organization.start].trim_end();
        let before = before.strip_suffix("the").unwrap_or(before).trim_end();
        let preposition = ["of", "at", "from"]
            .into_iter()
            .find(|word| before.ends_with(&format!(" {word}")))?;
        let end = before.len() - preposition.len() + self.sentence_start;
        self.entity_ending_at(end)
            .filter(|person| person.kind == EntityType::Person && !self.governed(person))
    }

    /// An entity right after a preposition ("acceptance by Moscow", "told
    /// the agency"): not the subject of its clause.
    fn governed(&self, entity: &Entity) -> bool {
        let before = self
            .body
            .get(self.sentence_start..entity.start)
            .unwrap_or("")
            .trim_end();
        let before = before.strip_suffix("the").unwrap_or(before).trim_end();
        let last = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        // "spokesmen in Dunmore and Westbridge": the second name of a pair
        // is governed as the first is.
        if last == "and"
            && let Some(prior) = self
                .entity_ending_at(self.sentence_start + before.len() - 3)
                .filter(|prior| prior.end < entity.start)
        {
            return self.governed(prior);
        }
        lower_in(PREPOSITIONS, last) || lexicon::REPORTING.contains(last)
    }

    /// The person or organisation a sentence opens with, over titles and
    /// places ("U.S. Attorney General Jane Roe issued ..."): its subject.
    pub(super) fn sentence_subject(&self, words: &[Word<'_>]) -> Option<&Entity> {
        let limit = words.get(8).map_or(usize::MAX, |word| word.start);
        let first = self
            .entities
            .partition_point(|entity| entity.start < self.sentence_start);
        let mut candidates = self.entities[first..]
            .iter()
            .take_while(|entity| entity.start < limit)
            .filter(|entity| entity.kind != EntityType::Place);
        let opener = candidates.next()?;
        // "Rivera's running mate in Oss, Ana Ruiz, said": a name in the
        // possessive opens the sentence but owns the role; the person in
        // apposition to that role is the subject.
        let possessor = opener.start == self.sentence_start
            && self
                .body
                .get(opener.end..)
                .is_some_and(|rest| rest.starts_with("'s ") || rest.starts_with("’s "));
        let appositive = |entity: &Entity| {
            let before = &self.body[self.sentence_start..entity.start];
            entity.kind == EntityType::Person
                && before.trim_end().ends_with(',')
                && before.matches(',').count() == 1
                && !before.contains(['"', '“', '”'])
                && self.body[entity.end..].starts_with(',')
        };
        if possessor && let Some(person) = candidates.next().filter(|entity| appositive(entity)) {
            return Some(person);
        }
        Some(opener).filter(|entity| {
            let before = &self.body[self.sentence_start..entity.start];
            // "His daughter, Ana Ruiz, worries": the name set in
            // apposition to the role the sentence opens with.
            let apposition = appositive(entity)
                && before.split_whitespace().next().is_some_and(|first| {
                    lower_in(
                        &["his", "her", "their", "its", "our", "the", "a", "an"],
                        first,
                    )
                });
            apposition
                || !before.contains([',', '"', '“', '”'])
                    && before.split_whitespace().all(|word| {
                        lexicon::contains_ignore_case(lexicon::TITLES, word)
                            || lexicon::contains_ignore_case(lexicon::TITLE_MODIFIERS, word)
                            || word.eq_ignore_ascii_case("the")
                            || word.chars().next().is_some_and(char::is_uppercase)
                    })
        })
    }

    /// The organisation "the company", "the bank" or "the paper" refers to:
    /// the last one before `at` whose name fits the noun, else the last one.
    /// A name the noun heads ("the Federated Union of Quarry Workers") fits
    /// before one that only holds it ("Eastvale Mining Union Corp").
    fn last_organization_before(&self, at: usize, noun: &str) -> Option<&Entity> {
        let earlier = self.ending_by(at);
        let headed = |entity: &&Entity| {
            entity.kind == EntityType::Organization && heads_name(&entity.canonical, noun)
        };
        if !matches!(
            noun,
            "paper" | "newspaper" | "company" | "firm" | "group" | "corporation"
        ) && let Some(entity) = self
            .speaking
            .and_then(|speaking| {
                earlier
                    .iter()
                    .rfind(|e| headed(e) && &*e.canonical == speaking)
            })
            .or_else(|| earlier.iter().rfind(headed))
        {
            return Some(entity);
        }
        let media = [
            "Times", "Post", "Journal", "News", "Herald", "Tribune", "Gazette", "Press",
        ];
        let fits = |entity: &Entity| match noun {
            "paper" | "newspaper" => media.iter().any(|word| entity.canonical.contains(word)),
            "company" | "firm" | "group" | "corporation" => true,
            // "the agency said" after "the Drennland Meteorological
            // Service": public bodies are agencies whatever their name's
            // last word.
            "agency" => {
                let last = entity.canonical.rsplit(' ').next().unwrap_or("");
                entity.canonical.to_lowercase().contains(noun) || lower_in(AGENCY_HEADS, last)
            }
            _ => entity.canonical.to_lowercase().contains(noun),
        };
        let before = |entity: &&Entity| entity.kind == EntityType::Organization;
        // "X said it would supply Y. The company said": the company still
        // speaking, not the one it named last.
        if let Some(speaking) = self.speaking
            && let Some(entity) = earlier
                .iter()
                .rfind(|entity| before(entity) && &*entity.canonical == speaking && fits(entity))
        {
            return Some(entity);
        }
        if matches!(noun, "company" | "firm" | "group" | "corporation") {
            // "the company" with no company speaking is the one the story
            // is about, the one named most, not a data firm named once
            // in passing ("estimates compiled by X").
            let mut mentions: HashMap<&str, usize> = HashMap::new();
            for entity in earlier.iter().filter(before) {
                *mentions.entry(&entity.canonical).or_default() += 1;
            }
            return earlier
                .iter()
                .enumerate()
                .filter(|(_, entity)| before(entity))
                .max_by_key(|(at, entity)| (mentions[&*entity.canonical], *at))
                .map(|(_, entity)| entity);
        }
        earlier
            .iter()
            .filter(before)
            .rfind(|entity| fits(entity))
            .or_else(|| {
                (!matches!(noun, "paper" | "newspaper"))
                    .then(|| earlier.iter().rfind(before))
                    .flatten()
            })
    }

    /// "the regional water agency": an institution noun after "the" and one
    /// or two plain lowercase modifiers. Credited to an organisation named
    /// before whose name holds the noun and a modifier, else as the text
    /// names it.
    fn modified_institution(&self, words: &[Word<'_>], index: usize) -> Option<Arc<str>> {
        let the = (index.saturating_sub(3)..index.saturating_sub(1))
            .rev()
            .find(|&k| words[k].text.eq_ignore_ascii_case("the"))?;
        let modifiers = &words[the + 1..index];
        // "the Esk water board", "the Varsene health ministry": a name the
        // body belongs to may open the modifiers, whether the text tags it
        // as a name of any type or not at all (a country's name the tagger
        // took for a person's, or missed, still owns its ministry).
        let owner = modifiers.len() == 2
            && (self
                .entity_starting_at(modifiers[0].start)
                .is_some_and(|entity| {
                    entity.start == modifiers[0].start && entity.end == modifiers[0].end
                })
                || modifiers[0].text.starts_with(char::is_uppercase)
                    && modifiers[0].text.chars().all(char::is_alphabetic));
        let plain = modifiers[usize::from(owner)..].iter().all(|word| {
            word.text.chars().all(char::is_lowercase)
                && !lower_in(SPEAKER_PHRASE_STOPS, word.text)
                && !lower_in(PREPOSITIONS, word.text)
                && !lexicon::REPORTING.contains(word.text)
        });
        // "the residents' association": a plural possessive modifies too.
        let spaced = self.body[words[the].end..words[index].start]
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '\'' | '’'));
        if !plain || !spaced {
            return None;
        }
        let noun = words[index].text;
        let named = self
            .ending_by(words[the].start)
            .iter()
            .rev()
            .find(|entity| {
                let name = entity.canonical.to_lowercase();
                entity.kind == EntityType::Organization
                    && name.contains(noun)
                    && modifiers.iter().any(|word| name.contains(word.text))
            });
        Some(named.map_or_else(
            || clean(&self.body[words[the + 1].start..words[index].end]).into(),
            |entity| entity.canonical.clone(),
        ))
    }

    /// "Varnholt's council said", "Ruiz's party said": an institution noun
    /// after a name in the possessive speaks for the institution, not the
    /// name. Credited to an organisation named before whose name holds
    /// the noun and the name, else as the text names it.
    fn possessed_institution(&self, words: &[Word<'_>], index: usize) -> Option<Arc<str>> {
        let owner_word = &words[index.checked_sub(1)?];
        let possessive = owner_word.text.ends_with("'s") || owner_word.text.ends_with("’s");
        if !possessive || !words[index].text.starts_with(char::is_lowercase) {
            return None;
        }
        let owner = self
            .entity_ending_at(owner_word.end)
            .filter(|entity| entity.end > owner_word.start)?;
        if !self
            .body
            .get(owner_word.end..words[index].start)
            .is_some_and(is_space)
        {
            return None;
        }
        let noun = words[index].text;
        let owner_name = owner.canonical.to_lowercase();
        let named = self.ending_by(owner.start).iter().rev().find(|entity| {
            let name = entity.canonical.to_lowercase();
            entity.kind == EntityType::Organization
                && name.contains(noun)
                && name.contains(&owner_name)
        });
        Some(named.map_or_else(
            || clean(&self.body[owner.start..words[index].end]).into(),
            |entity| entity.canonical.clone(),
        ))
    }

    /// "the Secretary said", "the minister added": the person last named
    /// with that title before it ("Secretary of State Ana Ruiz", "Foreign
    /// Minister Ana Ruiz").
    fn titled_person_before(&self, title: &Word<'_>) -> Option<&Entity> {
        // The longest run of words a title takes ("Acting Deputy Foreign
        // Affairs Minister").
        const TITLE_WORDS: usize = 6;
        if !lexicon::contains_ignore_case(lexicon::TITLES, title.text) {
            return None;
        }
        self.ending_by(title.start)
            .iter()
            .rev()
            .take(12)
            .find(|entity| {
                // The run of title words right before the name ("Deputy
                // Foreign Minister", "Secretary of State"), read backwards.
                let mut titles = self.body[..entity.start]
                    .split_whitespace()
                    .rev()
                    .take_while(|word| word.starts_with(char::is_uppercase) || *word == "of")
                    .take(TITLE_WORDS);
                entity.kind == EntityType::Person
                    && titles.any(|word| {
                        word.trim_matches(|c: char| !c.is_alphanumeric())
                            .eq_ignore_ascii_case(title.text)
                    })
            })
    }

    /// The subject noun phrase ending at word `index`: an entity, a group
    /// ("Senior U.S. officials"), "the company", or a pronoun.
    fn subject_at(&self, words: &[Word<'_>], index: usize) -> Option<Attribution> {
        let word = &words[index];
        let lower = lowercase(word.text);
        if matches!(&*lower, "he" | "she") {
            return Some(Attribution::Pronoun);
        }
        if lower == "they" || lower == "it" {
            return Some(Attribution::Plural);
        }
        if lower_in(STATEMENT_NOUNS, &lower)
            && let Some(previous) = index.checked_sub(1).map(|p| &words[p])
            && let Some(entity) = self.entity_ending_at(previous.end)
            && (entity.end + 1 < previous.end
                // "The Harwell statement added": the name of its issuer
                // set before the noun, as "Harwell's statement" is.
                || entity.end == previous.end
                    && entity.kind != EntityType::Place
                    && self.body.get(entity.end..word.start).is_some_and(is_space))
        {
            return Some(Attribution::Speaker(entity.canonical.clone()));
        }
        let previous_word = index.checked_sub(1).map(|p| &words[p]);
        if previous_word.is_some_and(|previous| previous.text.eq_ignore_ascii_case("the"))
            && let Some(person) = self.titled_person_before(word)
        {
            return Some(Attribution::Speaker(person.canonical.clone()));
        }
        let institution = lower_in(INSTITUTION_NOUNS, &lower) || lower == "family";
        // "Sweden's Lindqvist group said": the group named after a person
        // (or after a one-word name the tagger took for an organisation).
        if institution
            && word.text.starts_with(char::is_lowercase)
            && let Some(previous) = previous_word
            && let Some(person) = self.entity_ending_at(previous.end).filter(|entity| {
                entity.end == previous.end
                    && (entity.kind == EntityType::Person
                        || entity.kind == EntityType::Organization
                            && matches!(&*lower, "group" | "family")
                            && !entity.canonical.contains(' '))
            })
            && self.body.get(person.end..word.start).is_some_and(is_space)
        {
            let surname = clean(&self.body[person.start..person.end]);
            let surname = surname.rsplit(' ').next().unwrap_or(&surname);
            return Some(Attribution::Speaker(
                format!("{surname} {}", word.text).into(),
            ));
        }
        // "the Bank added" after "the Bank of Westmark": a capitalised noun
        // standing for the institution named before, not a name of its own.
        let bare_noun = institution
            && previous_word.is_some_and(|previous| previous.text.eq_ignore_ascii_case("the"))
            && self.entity_ending_at(word.end).is_some_and(|entity| {
                entity.start == word.start && entity.canonical.eq_ignore_ascii_case(word.text)
            });
        if bare_noun
            && let Some(entity) = self
                .last_organization_before(word.start, &lower)
                .filter(|entity| entity.canonical.to_lowercase().contains(&*lower))
        {
            return Some(Attribution::Speaker(entity.canonical.clone()));
        }
        if let Some(phrase) = self.body_of_place(words, index) {
            return Some(Attribution::Speaker(phrase));
        }
        let governed = |entity: &Entity| self.governed(entity);
        if let Some(person) = self
            .entity_ending_at(word.end)
            .filter(|entity| governed(entity))
            .and_then(|entity| self.person_before_affiliation(entity))
        {
            return Some(Attribution::Speaker(person.canonical.clone()));
        }
        if let Some(entity) = self
            .entity_ending_at(word.end)
            .filter(|entity| !governed(entity))
            && entity.end + 4 > word.end
        {
            return Some(Attribution::Speaker(entity.canonical.clone()));
        }
        let previous = index.checked_sub(1).map(|p| lowercase(words[p].text));
        // "the 47-year-old said": the person just named, as a pronoun is.
        if previous.as_deref() == Some("the") && is_age(&lower) {
            return Some(Attribution::Pronoun);
        }
        if lower_in(INSTITUTION_NOUNS, &lower)
            && let Some(phrase) = self.modified_institution(words, index)
        {
            return Some(Attribution::Speaker(phrase));
        }
        if lower_in(INSTITUTION_NOUNS, &lower)
            && let Some(phrase) = self.possessed_institution(words, index)
        {
            return Some(Attribution::Speaker(phrase));
        }
        if lower_in(INSTITUTION_NOUNS, &lower) && previous.as_deref() == Some("the") {
            // With no organisation before it to stand for, "the union" is
            // credited as the text names it, as "the government" is.
            return Some(Attribution::Speaker(
                self.last_organization_before(word.start, &lower)
                    .map_or_else(
                        || Arc::from(lower.as_ref()),
                        |entity| entity.canonical.clone(),
                    ),
            ));
        }
        if lexicon::SPEAKERS.contains(&lower) {
            let mut first = index;
            let mut lowercase_modifiers = 0;
            while first > 0 {
                let candidate = &words[first - 1];
                let gap = &self.body[candidate.end..words[first].start];
                if !gap.trim().is_empty() {
                    break;
                }
                let capital = candidate.text.starts_with(char::is_uppercase)
                    && !lower_in(
                        &["the", "a", "an", "but", "and", "while", "however"],
                        candidate.text,
                    );
                // "shipping sources", "trade union leaders": up to two plain
                // noun modifiers, never a function word or verb.
                let plain = lowercase_modifiers < 2
                    && candidate.text.chars().all(char::is_lowercase)
                    && !lower_in(SPEAKER_PHRASE_STOPS, candidate.text)
                    && !lexicon::REPORTING.contains(candidate.text);
                if capital || lower_in(SPEAKER_MODIFIERS, candidate.text) {
                    first -= 1;
                } else if plain {
                    lowercase_modifiers += 1;
                    first -= 1;
                } else {
                    break;
                }
            }
            // "criticisms by the union leaders indicated": not the subject.
            let mut before = first;
            while before > 0 && lower_in(&["the", "a", "an"], words[before - 1].text) {
                before -= 1;
            }
            // "Brandt and other analysts said": of the two subjects joined
            // by "and", the first, the one named.
            if before >= 2
                && words[before - 1].text == "and"
                && let Some(named) = self
                    .entity_ending_at(words[before - 2].end)
                    .filter(|entity| entity.end == words[before - 2].end)
                    .filter(|entity| entity.kind != EntityType::Place && !self.governed(entity))
            {
                return Some(Attribution::Speaker(named.canonical.clone()));
            }
            let according = before >= 2 && words[before - 2].text.eq_ignore_ascii_case("according");
            if before > 0 && lower_in(PREPOSITIONS, words[before - 1].text) && !according {
                // "the head of the military government said": the speaker
                // is the head, named with what it heads.
                let of = lower_in(&["of", "for"], words[before - 1].text);
                if of
                    && before >= 2
                    && lexicon::SPEAKERS.contains(words[before - 2].text)
                    && let Some(Attribution::Speaker(head)) = self.subject_at(words, before - 2)
                {
                    let rest = &self.body[words[before - 1].start..word.end];
                    return Some(Attribution::Speaker(
                        format!("{head} {}", clean(rest)).into(),
                    ));
                }
                return None;
            }
            // "a statement said": the words of whoever issued it.
            if first == index && lower_in(STATEMENT_NOUNS, &lower) {
                return Some(Attribution::Issuer);
            }
            let phrase = &self.body[words[first].start..word.end];
            return Some(Attribution::Speaker(
                phrase
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .into(),
            ));
        }
        None
    }

    /// "Former employees said", "one former foreman said", "the ambassador
    /// told": a noun phrase of plain words the speaker lists do not hold,
    /// opened by a determiner or by the sentence or clause. Credited as the
    /// text names it, without the determiner.
    fn common_noun_subject(&self, words: &[Word<'_>], head: usize) -> Option<Arc<str>> {
        let plain = |word: &Word<'_>| {
            let lower = lowercase(word.text);
            word.text.chars().all(|c| c.is_alphabetic() || c == '-')
                && word.text.chars().skip(1).all(|c| !c.is_uppercase())
                && !lower_in(SPEAKER_PHRASE_STOPS, &lower)
                && !lower_in(PREPOSITIONS, &lower)
                && !lower_in(SUBJECT_PRONOUNS, &lower)
                && !lower_in(DETERMINERS, &lower)
                && !lexicon::REPORTING.contains(&lower)
                && !lexicon::is_function_word(&lower)
                && !lower.ends_with("ly")
        };
        let noun = &words[head];
        // "the announcement said": a document speaks for whoever issued it,
        // which the rules for statements decide.
        let document =
            lower_in(STATEMENT_NOUNS, noun.text) || lower_in(INSTITUTION_NOUNS, noun.text);
        if document
            || noun.text.len() < 3
            || !noun.text.starts_with(char::is_lowercase)
            || !plain(noun)
        {
            return None;
        }
        let mut first = head;
        while first > 0 && head - first < 2 {
            let candidate = &words[first - 1];
            let joined = self.body[candidate.end..words[first].start] == *" ";
            if !joined || !plain(candidate) || self.entity_ending_at(candidate.end).is_some() {
                break;
            }
            first -= 1;
        }
        let opened_by_determiner = first > 0
            && lower_in(DETERMINERS, words[first - 1].text)
            && self.body[words[first - 1].end..words[first].start] == *" ";
        let before = self.body[self.sentence_start..words[first].start].trim_end();
        let opens_clause = before.is_empty() || before.ends_with([',', '"', '”', ':', ';']);
        if !(opened_by_determiner || opens_clause) {
            return None;
        }
        Some(clean(&self.body[words[first].start..noun.end]).into())
    }

    /// The words before a verb of saying that sit between it and its subject:
    /// auxiliaries and adverbs. Returns the index of the first such word and
    /// whether one of them negates the saying or makes it hypothetical
    /// ("did not say", "would say", "never told"): then nobody is credited.
    fn auxiliaries_before(&self, words: &[Word<'_>], verb: usize) -> (usize, bool) {
        let mut j = verb;
        let mut uncredited = false;
        while j > 0 {
            let previous = words[j - 1].text.to_lowercase().replace('’', "'");
            let negation = previous.ends_with("n't")
                || matches!(
                    previous.as_str(),
                    "not" | "never" | "would" | "could" | "might" | "may" | "will" | "should"
                );
            let auxiliary = negation
                || matches!(
                    previous.as_str(),
                    "has"
                        | "have"
                        | "had"
                        | "also"
                        | "later"
                        | "then"
                        | "previously"
                        | "publicly"
                        | "repeatedly"
                        | "reportedly"
                        | "did"
                        | "does"
                        | "do"
                        | "long"
                        | "already"
                        | "still"
                        | "now"
                        | "again"
                        | "all"
                        | "both"
                        | "was"
                        | "were"
                        | "today"
                        | "yesterday"
                        | "tonight"
                        | "earlier"
                        | "separately"
                        | "once"
                )
                || (previous.ends_with("ly")
                    && previous.len() > 4
                    // "Kelly said", "her family said", "the daily said":
                    // a name or a noun, not an adverb.
                    && words[j - 1].text.starts_with(char::is_lowercase)
                    && !lexicon::SPEAKERS.contains(&previous)
                    && !lower_in(LY_NOUNS, &previous));
            if !auxiliary
                || !self.body[words[j - 1].end..words[j].start]
                    .trim()
                    .is_empty()
            {
                break;
            }
            uncredited |= negation;
            j -= 1;
        }
        (j, uncredited)
    }

    /// "an eyewitness in the town told", "a photographer at the scene said":
    /// a speaker noun followed by a short prepositional phrase before the verb.
    fn subject_before_phrase(&self, words: &[Word<'_>], verb: usize) -> Option<Attribution> {
        let verb_start = words.get(verb)?.start;
        for head in (verb.saturating_sub(6)..verb.saturating_sub(1)).rev() {
            let between = &self.body[words[head].end..verb_start];
            if between.contains([',', ';', '"', '“', '”', '—', '(']) {
                return None;
            }
            if lexicon::SPEAKERS.contains(words[head].text)
                && lower_in(PREPOSITIONS, words[head + 1].text)
            {
                let subject = self.subject_at(words, head);
                // "allies of the founder testified": whose allies is part of who.
                if words[head + 1].text == "of"
                    && let Some(Attribution::Speaker(phrase)) = &subject
                {
                    let rest = &self.body[words[head + 1].start..words[verb - 1].end];
                    return Some(Attribution::Speaker(
                        format!("{phrase} {}", clean(rest)).into(),
                    ));
                }
                return subject;
            }
        }
        None
    }

    /// "said German Chancellor Anna Vogel", "said Captain Ivo Marsh", "reported
    /// Nordwire": the speaker after the verb, over titles, their modifiers
    /// and places ("U.S. Attorney General").
    fn speaker_after(&self, words: &[Word<'_>], verb: usize) -> Option<Attribution> {
        let verb_end = words.get(verb)?.end;
        let quoted = |k: usize| self.body[verb_end..words[k].start].contains(['"', '“', '”']);
        if let Some(person) = self.person_after_role(words, verb) {
            return Some(Attribution::Speaker(person.canonical.clone()));
        }
        let mut k = verb + 1;
        while k < words.len() && k <= verb + 6 && !quoted(k) {
            let word = words[k].text;
            let around = self
                .entities
                .partition_point(|entity| entity.end <= words[k].start);
            let place = self.entities.get(around).is_some_and(|entity| {
                entity.kind == EntityType::Place
                    && entity.start <= words[k].start
                    && words[k].end <= entity.end
            });
            let title = lexicon::contains_ignore_case(lexicon::TITLES, word)
                || lexicon::contains_ignore_case(lexicon::TITLE_MODIFIERS, word)
                || word.eq_ignore_ascii_case("the");
            let demonym = word.starts_with(char::is_uppercase)
                && !place
                && self
                    .entity_starting_at(words[k].start)
                    .is_none_or(|entity| entity.start != words[k].start);
            if let Some(entity) = self.entity_starting_at(words[k].start)
                && entity.start == words[k].start
                && entity.kind != EntityType::Place
            {
                // "said Dunmore Securities analyst Ana Ruiz": the person
                // after the firm (whatever type the tagger gave its name)
                // and her role.
                let person = self.person_after_employer(words, entity);
                return Some(Attribution::Speaker(
                    person.unwrap_or(entity).canonical.clone(),
                ));
            }
            if !(title || place || (demonym && k + 1 < words.len())) {
                break;
            }
            k += 1;
        }
        // "said the official", "said a spokesman for the ministry".
        let mut k = verb + 1;
        while k < words.len() && k < verb + 5 && !quoted(k) {
            if lexicon::SPEAKERS.contains(words[k].text)
                && let Some(subject) = self.subject_at(words, k)
            {
                return Some(subject);
            }
            if !(words[k].text.starts_with(char::is_uppercase)
                || lower_in(SPEAKER_MODIFIERS, words[k].text)
                || words[k].text == "the"
                || words[k].text == "a")
            {
                break;
            }
            k += 1;
        }
        None
    }

    /// "said glacier researcher Ana Ruiz", "said party treasurer Ana Ruiz":
    /// a person named after up to three plain lowercase words (her role),
    /// with nothing but spaces between. Only asked of an inverted credit,
    /// where what follows the verb is its subject.
    fn person_after_role(&self, words: &[Word<'_>], verb: usize) -> Option<&Entity> {
        let role_words = |k: usize| &words[verb + 1..k];
        (verb + 2..words.len().min(verb + 5)).find_map(|k| {
            let person = self
                .entity_starting_at(words[k].start)
                .filter(|entity| entity.start == words[k].start)
                .filter(|entity| entity.kind == EntityType::Person)?;
            let between = role_words(k);
            let plain = between.iter().all(|word| {
                word.text.chars().all(char::is_lowercase)
                    && !lower_in(SPEAKER_PHRASE_STOPS, word.text)
                    && !lexicon::REPORTING.contains(word.text)
            });
            let spaced = self.body[words[verb].end..person.start]
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ');
            (plain && spaced).then_some(person)
        })
    }

    /// "the Westmark Embassy said", "the Westmark Finance Ministry said": a
    /// body named by a place and one or two capitalised words the names do
    /// not cover, the last an institution's noun. Credited as the text names
    /// it.
    fn body_of_place(&self, words: &[Word<'_>], index: usize) -> Option<Arc<str>> {
        let noun = &words[index];
        let lower = lowercase(noun.text);
        let institution = lower_in(INSTITUTION_NOUNS, &lower)
            || lexicon::SPEAKERS.contains(&lower)
            || lower_in(&["embassy", "consulate", "mission"], &lower);
        if !institution || !noun.text.starts_with(char::is_uppercase) {
            return None;
        }
        let covered = |word: &Word<'_>| {
            let at = self
                .entities
                .partition_point(|entity| entity.end <= word.start);
            self.entities
                .get(at)
                .is_some_and(|entity| entity.start < word.end)
        };
        let mut first = index;
        while first > index.saturating_sub(2)
            && !covered(&words[first])
            && words[first].text.starts_with(char::is_uppercase)
        {
            let Some(place) = self.entity_ending_at(words[first].start).filter(|entity| {
                entity.kind == EntityType::Place
                    && self
                        .body
                        .get(entity.end..words[first].start)
                        .is_some_and(is_space)
            }) else {
                first = first.checked_sub(1)?;
                continue;
            };
            let before = self.body[self.sentence_start..place.start].trim_end();
            let the = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|word| word.eq_ignore_ascii_case("the"));
            return the.then(|| clean(&self.body[place.start..noun.end]).into());
        }
        None
    }

    /// "Dunmore Securities analyst Ana Ruiz": a person named after an
    /// organisation and one to three plain lowercase words (her role), with
    /// nothing but spaces between.
    fn person_after_employer(&self, words: &[Word<'_>], employer: &Entity) -> Option<&Entity> {
        let role = words.partition_point(|word| word.start < employer.end);
        (role + 1..words.len().min(role + 4)).find_map(|k| {
            let person = self
                .entity_starting_at(words[k].start)
                .filter(|entity| entity.start == words[k].start)
                .filter(|entity| entity.kind == EntityType::Person)?;
            let plain = words[role..k].iter().all(|word| {
                word.text.chars().all(char::is_lowercase)
                    && !lower_in(SPEAKER_PHRASE_STOPS, word.text)
                    && !lower_in(PREPOSITIONS, word.text)
                    && !lexicon::REPORTING.contains(word.text)
            });
            let spaced = self.body[employer.end..person.start]
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '\n');
            (plain && spaced).then_some(person)
        })
    }

    /// "according to X", "per the X", "as per an X report", "according to a
    /// statement by X": the source named after the phrase.
    fn source_after(&self, words: &[Word<'_>], from: usize) -> Option<Attribution> {
        let start = words.get(from)?.start;
        let reach = (from..words.len().min(from + 6))
            .take_while(|&k| !self.body[start..words[k].start].contains([',', ';', '(', '—']))
            .last()?;
        // "according to the board": an institution by its noun, for the
        // one named before.
        let noun = (from..=reach).find(|&k| {
            lexicon::SPEAKERS.contains(words[k].text) && !lower_in(STATEMENT_NOUNS, words[k].text)
                || lower_in(INSTITUTION_NOUNS, words[k].text)
                    && k > 0
                    && (words[k - 1].text.eq_ignore_ascii_case("the")
                        // "the Dutch embassy": an adjective of its country.
                        || k > 1
                            && words[k - 2].text.eq_ignore_ascii_case("the")
                            && words[k - 1].text.starts_with(char::is_uppercase)
                            && self.entity_ending_at(words[k - 1].end).is_none())
        });
        // "according to preliminary government figures": the figures,
        // which the government's noun only modifies.
        if noun.is_some_and(|noun| {
            words
                .get(noun + 1)
                .is_some_and(|next| noun < reach && lower_in(DOCUMENT_NOUNS, next.text))
        }) {
            return self.document_after(words, from, reach);
        }
        for k in from..=reach {
            let Some(entity) = self
                .entity_starting_at(words[k].start)
                .filter(|entity| entity.start == words[k].start)
            else {
                continue;
            };
            // "according to U.S. officials": a place modifies the group.
            if entity.kind == EntityType::Place
                && let Some(noun) = noun.filter(|&noun| noun > k)
            {
                return self.subject_at(words, noun);
            }
            // "according to a Tarrow Board spokesman": the spokesman, named
            // with the body he speaks for.
            if let Some(noun) = noun.filter(|&noun| noun > k)
                && words[k..noun].iter().all(|word| word.end <= entity.end)
                && self
                    .body
                    .get(entity.end..words[noun].start)
                    .is_some_and(is_space)
                && let Some(Attribution::Speaker(phrase)) = self.subject_at(words, noun)
            {
                return Some(Attribution::Speaker(phrase));
            }
            // "a statement by X", "news agency X", "an X report": the name.
            return Some(Attribution::Speaker(entity.canonical.clone()));
        }
        noun.and_then(|noun| {
            self.subject_at(words, noun).or_else(|| {
                // "the Dutch embassy", as the text names it.
                (noun > 1 && words[noun - 2].text.eq_ignore_ascii_case("the")).then(|| {
                    Attribution::Speaker(
                        clean(&self.body[words[noun - 1].start..words[noun].end]).into(),
                    )
                })
            })
        })
        .or_else(|| self.document_after(words, from, reach))
    }

    /// "according to minutes published ...", "according to industry
    /// estimates": a document that names no one, credited as the text
    /// names it, with up to two plain words before its noun.
    fn document_after(&self, words: &[Word<'_>], from: usize, reach: usize) -> Option<Attribution> {
        let noun = (from..=reach).find(|&k| lower_in(DOCUMENT_NOUNS, words[k].text))?;
        let mut first = noun;
        while first > from
            && noun - first < 2
            && words[first - 1].text.chars().all(char::is_lowercase)
            && !lower_in(SPEAKER_PHRASE_STOPS, words[first - 1].text)
            && self
                .body
                .get(words[first - 1].end..words[first].start)
                .is_some_and(is_space)
        {
            first -= 1;
        }
        Some(Attribution::Speaker(
            clean(&self.body[words[first].start..words[noun].end]).into(),
        ))
    }

    /// "Figures from the board show ...", "Updated figures from the
    /// utility: ...": the body whose figures a sentence reports, at `from`.
    /// Only where the figures are shown or listed: "food aid from the
    /// agency" and "data from last year" credit nobody.
    fn figures_from(&self, words: &[Word<'_>], at: usize) -> bool {
        if !words[at].text.eq_ignore_ascii_case("from")
            || at == 0
            || !lower_in(
                &["figures", "data", "statistics", "numbers"],
                words[at - 1].text,
            )
        {
            return false;
        }
        let ahead = &words[at + 1..words.len().min(at + 9)];
        let shown = ahead
            .iter()
            .any(|word| lower_in(&["show", "shows", "showed", "shown"], word.text));
        let listed = ahead.last().is_some_and(|last| {
            self.body[words[at].end..last.end]
                .split([',', ';'])
                .next()
                .is_some_and(|phrase| phrase.contains(':'))
        });
        shown || listed
    }

    /// The subject a sentence opens with: a pronoun, or the person or
    /// organisation named first ([`Self::sentence_subject`]).
    fn opening_subject(&self, words: &[Word<'_>]) -> Option<Attribution> {
        match &*lowercase(words.first()?.text) {
            "he" | "she" => return Some(Attribution::Pronoun),
            "it" | "they" => return Some(Attribution::Plural),
            _ => {}
        }
        self.sentence_subject(words)
            .map(|entity| Attribution::Speaker(entity.canonical.clone()))
    }

    /// "Asked about the case, she declined to comment but said": the
    /// pronoun after a clause of a participle that opens the sentence is its
    /// subject.
    fn pronoun_after_opening_clause(
        &self,
        words: &[Word<'_>],
        until: usize,
    ) -> Option<Attribution> {
        let opener = lowercase(words.first()?.text);
        if !(opener.ends_with("ed") || opener.ends_with("ing")) {
            return None;
        }
        (1..until).find_map(|k| {
            let after_comma = self.body[words[k - 1].end..words[k].start].contains(',');
            match &*lowercase(words[k].text) {
                "he" | "she" if after_comma => Some(Attribution::Pronoun),
                "they" if after_comma => Some(Attribution::Plural),
                _ => None,
            }
        })
    }

    /// "a 20 dlr bid which the company rejected.": a verb of saying that
    /// closes an object relative clause says nothing the sentence reports.
    fn closes_object_relative(&self, words: &[Word<'_>], verb: usize) -> bool {
        verb + 1 == words.len()
            && (verb.saturating_sub(5)..verb).any(|k| {
                lower_in(&["which", "whom"], words[k].text)
                    && !self.body[words[k].end..words[verb].start]
                        .contains([',', ';', '"', '“', '”', '—'])
            })
    }

    /// "A survey by Peilmark conducted on Thursday found", "An exit poll by
    /// Ipsaro for the broadcaster had put the party on 39 seats": credited
    /// to who made the study. "..., the 38-page report found": to the study
    /// as the text names it.
    fn study_credit(&self, words: &[Word<'_>], verb: usize) -> Option<Attribution> {
        if !lower_in(STUDY_VERBS, &lowercase(words[verb].text)) {
            return None;
        }
        let (first_auxiliary, negated) = self.auxiliaries_before(words, verb);
        if negated {
            return None;
        }
        let is_study = |k: usize| lower_in(STUDY_NOUNS, &lowercase(words[k].text));
        // The study opens the sentence ("A new survey by"), or is the subject
        // just before the verb ("the study found").
        let opening = (0..first_auxiliary.min(4)).find(|&k| {
            is_study(k)
                && (0..k).all(|m| {
                    lower_in(DETERMINERS, words[m].text)
                        || words[m].text.chars().all(|c| c.is_lowercase() || c == '-')
                })
        });
        let just_before = first_auxiliary
            .checked_sub(1)
            .filter(|&k| is_study(k) && words[k].text.starts_with(char::is_lowercase));
        let noun = opening.or(just_before)?;
        if words.get(noun + 1).is_some_and(|next| next.text == "by") {
            if let Some(maker) = words
                .get(noun + 2)
                .and_then(|next| self.entity_starting_at(next.start))
                .filter(|entity| entity.kind != EntityType::Place)
            {
                return Some(Attribution::Speaker(maker.canonical.clone()));
            }
            // A maker the entity rules did not name: its capitalised words.
            let named = words[noun + 2..]
                .iter()
                .take(4)
                .take_while(|word| {
                    word.text.starts_with(char::is_uppercase) && !lower_in(DETERMINERS, word.text)
                })
                .count();
            if named > 0 {
                let (first, last) = (&words[noun + 2], &words[noun + 1 + named]);
                return Some(Attribution::Speaker(
                    clean(&self.body[first.start..last.end]).into(),
                ));
            }
        }
        if just_before != Some(noun) {
            return None;
        }
        // With its plain modifiers ("38-page report"), never its determiner.
        let mut first = noun;
        while first > 0
            && noun - first < 2
            && !lower_in(DETERMINERS, words[first - 1].text)
            && words[first - 1]
                .text
                .chars()
                .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-')
            && self.body[words[first - 1].end..words[first].start] == *" "
        {
            first -= 1;
        }
        Some(Attribution::Speaker(
            clean(&self.body[words[first].start..words[noun].end]).into(),
        ))
    }

    /// "Two people close to him said", "sources close to the talks said":
    /// the people, with whom they are close to.
    fn close_to_subject(&self, words: &[Word<'_>], before_verb: usize) -> Option<Attribution> {
        let close = (before_verb.saturating_sub(4)..before_verb).find(|&k| {
            words[k].text == "close" && words.get(k + 1).is_some_and(|w| w.text == "to")
        })?;
        let head = close.checked_sub(1)?;
        if !lexicon::SPEAKERS.contains(&lowercase(words[head].text)) {
            return None;
        }
        let Attribution::Speaker(people) = self.subject_at(words, head)? else {
            return None;
        };
        let rest = clean(&self.body[words[close].start..words[before_verb].end]);
        Some(Attribution::Speaker(format!("{people} {rest}").into()))
    }

    /// The speaker credited at the verb of saying `i`, if any.
    fn credit_at(&self, words: &[Word<'_>], i: usize) -> Option<Attribution> {
        self.study_credit(words, i)
            .or_else(|| self.verb_credit(words, i))
    }

    /// The speaker credited at the verb `i` by its subject or by what
    /// follows it, a study's credit aside.
    fn verb_credit(&self, words: &[Word<'_>], i: usize) -> Option<Attribution> {
        let lower = lowercase(words[i].text);
        // "Fifty people were reported killed", "firms that are quoted on the
        // exchange": a passive says nothing of who reported; "was quoted as
        // saying" and "was told by" keep their credit.
        let passive = i > 0
            && lower_in(
                &["is", "are", "was", "were", "be", "been", "being"],
                words[i - 1].text,
            )
            && (lower.ends_with("ed") || lower == "said" || lower == "told")
            && words
                .get(i + 1)
                .is_none_or(|next| !lower_in(&["as", "by"], next.text));
        if passive {
            return None;
        }
        if i > 0 && words[i - 1].text == "to" {
            // "Rubio was careful to underscore": the clause's named subject.
            return self
                .clause_entity_before(words, i)
                .map(|entity| Attribution::Speaker(entity.canonical.clone()));
        }
        // "the agency quoted her as saying", "quoted Ana Ruiz as saying":
        // the one quoted speaks, not the outlet quoting.
        if lower == "quoted"
            && let Some(next) = words.get(i + 1)
        {
            let as_follows = |end: usize| {
                words
                    .iter()
                    .find(|w| w.start >= end)
                    .is_some_and(|w| w.text == "as")
            };
            if matches!(next.text, "him" | "her") && as_follows(next.end) {
                return Some(Attribution::QuotedPronoun);
            }
            if let Some(person) = self
                .entity_starting_at(next.start)
                .filter(|entity| entity.kind == EntityType::Person && as_follows(entity.end))
            {
                return Some(Attribution::Speaker(person.canonical.clone()));
            }
        }
        // "the paper quoted officials as saying": the quoted are the source.
        if lower == "quoted" {
            for k in i + 1..words.len().min(i + 5) {
                if lexicon::SPEAKERS.contains(words[k].text)
                    && let Some(subject) = self.subject_at(words, k)
                {
                    return Some(subject);
                }
            }
        }
        let (j, _) = self.auxiliaries_before(words, i);
        if j > 0 {
            let gap = &self.body[words[j - 1].end..words[j].start];
            if gap.trim().is_empty() || gap.trim() == "’s" || gap.trim() == "'s" {
                // "She would not make a forecast, but said ...": a second
                // verb of the subject the sentence opened with.
                if lower_in(&["and", "but"], words[j - 1].text)
                    && let Some(subject) = self
                        .opening_subject(words)
                        .or_else(|| self.pronoun_after_opening_clause(words, j - 1))
                {
                    return Some(subject);
                }
                if let Some(subject) = self.close_to_subject(words, j - 1) {
                    return Some(subject);
                }
                if let Some(subject) = self.subject_at(words, j - 1) {
                    return Some(subject);
                }
                if let Some(subject) = self.subject_before_phrase(words, j) {
                    return Some(subject);
                }
                if lower_in(STRONG_REPORTING_VERBS, &lower)
                    && let Some(phrase) = self.common_noun_subject(words, j - 1)
                {
                    return Some(Attribution::Speaker(phrase));
                }
            } else if gap.trim_end().ends_with(',')
                && lower.ends_with("ing")
                && let Some(entity) = self.sentence_subject(words)
            {
                // "X issued a statement, saying ...": the participle's subject
                // is the main clause's.
                return Some(Attribution::Speaker(entity.canonical.clone()));
            } else if gap.trim_end().ends_with(',') && !gap.contains(['”', '"']) {
                // "Kyrylo Budanov, head of the office, announced": skip the apposition.
                let clause_start = words[..j - 1].iter().rposition(|w| {
                    let after = &self.body[w.end..];
                    after.trim_start().starts_with(',')
                });
                // "Prime Minister Ana Ruiz, campaigning in the capital,
                // Dunvale, dismissed": a person opening the sentence before
                // the appositions is their subject, whatever they name.
                if let Some(person) = self.sentence_subject(words).filter(|entity| {
                    let before = &self.body[self.sentence_start..entity.start];
                    entity.kind == EntityType::Person
                        && self.body[entity.end..].starts_with(',')
                        && before.split_whitespace().count() <= 4
                        && before
                            .split_whitespace()
                            .all(|word| word.starts_with(char::is_uppercase))
                }) {
                    return Some(Attribution::Speaker(person.canonical.clone()));
                }
                if let Some(k) = clause_start {
                    // "The outgoing mayor, Ana Ruiz, said", "The head of
                    // the Tarrow Board, Ana Ruiz, said": the role is named
                    // in the apposition, and the name is the credit.
                    let role_ends_unnamed = self
                        .entity_ending_at(words[k].end)
                        .is_none_or(|entity| self.governed(entity));
                    if role_ends_unnamed
                        && let Some(person) = self.person_spanning(words[k].end, words[j - 1].end)
                    {
                        return Some(Attribution::Speaker(person.canonical.clone()));
                    }
                    if let Some(body) = self.organization_spanning(words[k].end, words[j - 1].end) {
                        return Some(Attribution::Speaker(body.canonical.clone()));
                    }
                    if let Some(subject) = self.subject_at(words, k) {
                        return Some(subject);
                    }
                }
            }
        }
        // Inverted: "said Budanov", "said the official", "stated Mark Okafor".
        let before = self.body[self.sentence_start..words[i].start].trim_end();
        // "..., told the Courier": after a form of "tell" comes the listener.
        let listener_follows = lower.starts_with("tell") || lower == "told";
        let invertible = !listener_follows
            && (!lower_in(WEAK_REPORTING_VERBS, &lower) || lower.starts_with("report"));
        if (lower == "quoted" || (invertible && before.ends_with([',', '"', '”', '’'])))
            && let Some(subject) = self.speaker_after(words, i)
        {
            return Some(subject);
        }
        if !lower_in(WEAK_REPORTING_VERBS, &lower)
            && let Some(entity) = self.clause_entity_before(words, i)
        {
            return Some(Attribution::Speaker(entity.canonical.clone()));
        }
        None
    }

    /// "maintained a steady gaze", "declared a state of emergency": verbs of
    /// saying with an object of another sense, unless the verb is inverted
    /// after a quotation ("..., declared a spokesman").
    fn not_saying(&self, words: &[Word<'_>], i: usize) -> bool {
        let other_sense = matches!(
            words[i].text,
            "maintained" | "maintains" | "declared" | "declares"
        );
        let before = self.body[self.sentence_start..words[i].start].trim_end();
        other_sense
            && words
                .get(i + 1)
                .is_some_and(|next| matches!(next.text, "a" | "an"))
            && !before.ends_with([',', '"', '”', '’'])
    }

    /// "Ana Ruiz also reiterated her doubts ..., he added.": a credit that
    /// closes the sentence after a comma covers all of it, over any verb of
    /// saying in what it reports.
    fn closing_credit(
        &self,
        words: &[Word<'_>],
        outside: &dyn Fn(&Word<'_>) -> bool,
    ) -> Option<Attribution> {
        let saying =
            |i: usize| outside(&words[i]) && lexicon::REPORTING.contains(&lowercase(words[i].text));
        // The closing verb is among the last four words; only then is the
        // rest of the sentence looked at.
        let last = (words.len().saturating_sub(4)..words.len())
            .rev()
            .find(|&i| saying(i))?;
        if !(0..last).any(saying) {
            return None;
        }
        let sentence_end = words.last()?.end;
        let clause_start =
            self.body[self.sentence_start..words[last].start].rfind(',')? + self.sentence_start;
        // Only the subject between the comma and the verb ("he", "the
        // agency's spokesman"), or nothing ("..., said Ana Ruiz.").
        let clause: Vec<&Word<'_>> = words
            .iter()
            .filter(|word| word.start > clause_start && word.start < words[last].start)
            .collect();
        let subject_only = clause.iter().all(|word| {
            let lower = lowercase(word.text);
            !lexicon::REPORTING.contains(&lower)
                && !matches!(
                    &*lower,
                    "that" | "which" | "who" | "when" | "as" | "and" | "but" | "while" | "if"
                )
        });
        let (_, uncredited) = self.auxiliaries_before(words, last);
        if clause.len() > 4
            || !subject_only
            || uncredited
            || self.body[words[last].end..sentence_end].contains(',')
            || self.body[clause_start..words[last].start].contains(['"', '“', '”'])
        {
            return None;
        }
        self.credit_at(words, last)
    }

    pub(super) fn attribution(&self, words: &[Word<'_>], quotes: &[(usize, usize)]) -> Attribution {
        let outside = |word: &Word<'_>| {
            !quotes
                .iter()
                .any(|(s, e)| word.start >= *s && word.end <= *e)
        };
        // A plain verb of saying with its subject settles it; a source named
        // by "according to" or "per" comes before the subject of any other
        // verb ("the committee declared ..., according to the paper").
        if let Some(found) = self.closing_credit(words, &outside) {
            return found;
        }
        let mut source: Option<Attribution> = None;
        let mut other: Option<Attribution> = None;
        let mut anonymous = false;
        for (i, word) in words.iter().enumerate() {
            if !outside(word) {
                continue;
            }
            let lower = lowercase(word.text);
            let according =
                lower == "according" && words.get(i + 1).is_some_and(|w| w.text == "to");
            // "per the agency", never "$5 per share".
            let per = lower == "per"
                && (i == 0
                    || !words[i - 1].text.starts_with(|c: char| c.is_ascii_digit())
                    || self.body[words[i - 1].end..word.start].contains(','));
            if according || per || self.figures_from(words, i) {
                let from = i + if according { 2 } else { 1 };
                match self.source_after(words, from) {
                    Some(found) if source.is_none() => source = Some(found),
                    Some(_) => {}
                    None => anonymous |= according,
                }
                continue;
            }
            // "called the ruling “a dark day”": naming something in quoted
            // words is saying them; "called an election" is not.
            let naming_a_quotation =
                lower_in(NAMING_VERBS, &lower) && quotes.iter().any(|(start, _)| *start > word.end);
            // Verbs that report only in one use: "researchers found" (never
            // "police found the car"), "the chair ruled that" (never "ruled
            // the province").
            let finding = matches!(&*lower, "found" | "find" | "finds")
                && i > 0
                && lower_in(FINDING_SPEAKERS, words[i - 1].text);
            let ruling = matches!(&*lower, "ruled" | "rules")
                && words.get(i + 1).is_some_and(|next| next.text == "that");
            // "put the death toll at 37", "put the party on 38 percent": a
            // figure given, never "put the plan on hold".
            let putting = matches!(&*lower, "put" | "puts")
                && (i + 2..words.len().min(i + 8)).any(|k| {
                    matches!(words[k].text, "at" | "on")
                        && words
                            .get(k + 1)
                            .is_some_and(|w| w.text.starts_with(|c: char| c.is_ascii_digit()))
                });
            let study = self.study_credit(words, i);
            if !lexicon::REPORTING.contains(&lower)
                && study.is_none()
                && !naming_a_quotation
                && !finding
                && !ruling
                && !putting
            {
                continue;
            }
            // "the last say", "his claims": a noun, not a verb of saying.
            let noun = i > 0
                && lower_in(
                    &[
                        "the", "a", "an", "his", "her", "their", "its", "our", "this", "that",
                    ],
                    words[i - 1].text,
                );
            if noun
                || self.auxiliaries_before(words, i).1
                || self.not_saying(words, i)
                || self.closes_object_relative(words, i)
            {
                continue;
            }
            match study.or_else(|| self.verb_credit(words, i)) {
                Some(found) if lower_in(STRONG_REPORTING_VERBS, &lower) => return found,
                Some(found) if other.is_none() => other = Some(found),
                Some(_) => {}
                None => anonymous |= lower_in(STRONG_REPORTING_VERBS, &lower),
            }
        }
        match (source, other) {
            (Some(Attribution::Speaker(name)), _) => Attribution::Speaker(name),
            (_, Some(found)) => found,
            (Some(found), None) => found,
            (None, None) if anonymous => Attribution::Anonymous,
            (None, None) => Attribution::None,
        }
    }
}
