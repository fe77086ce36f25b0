//! Entities: people, organisations and places, found by rules over the text
//! (capitalised sequences, titles before names, organisation suffixes,
//! "X said") and by gazetteers of places and organisations, then linked to a
//! canonical name within the article and, by [`link_corpus`], across the corpus.

mod combine;
mod dateline;
mod fold;
pub mod gazetteer;
pub mod index;
mod link;
mod short_forms;
mod tokens;

pub use fold::name_key;
pub use index::{EntityIndexEntry, EntityMention, article_entities, entity_index};
pub use link::link_corpus;

use crate::lexicon as words;
use crate::model::{Block, BlockKind, Entity, EntityType, Names, Sentence};
use std::collections::{BTreeSet, HashMap};
use tokens::{Token, tokenize};

/// A mention before linking: its canonical is settled once the whole article is seen.
#[derive(Debug, Clone)]
struct Candidate {
    start: usize,
    end: usize,
    kind: EntityType,
    canonical: Option<String>,
    cue: Cue,
}

/// What a mention was found by, which settles who wins when the rules and
/// the tagger disagree (see [`combine`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// A gazetteer name.
    Gazetteer,
    /// A rule with a cue in the text: a title, a verb of saying, an
    /// organisation or place suffix.
    Strong,
    /// A rule with no cue: a run of capitalised words, a lone acronym, a word
    /// after "in", a surname linked to a full name.
    Weak,
    /// The statistical tagger.
    Tagger,
}

/// A capitalised word the rules could not classify alone; linked in a second pass
/// to a full name of the same article ("Budanov" after "Kyrylo Budanov").
#[derive(Debug, Clone, Copy)]
struct Single {
    start: usize,
    end: usize,
}

/// Finds the entity mentions of one article.
pub fn detect(body: &str, blocks: &[Block], sentences: &[Sentence]) -> Vec<Entity> {
    let hits = gazetteer::scan(body);
    let mut candidates = Vec::new();
    let mut singles = Vec::new();
    let mut hit_cursor = 0;
    let mut title_lines = Vec::new();
    for block in blocks {
        if block.end > body.len() {
            continue;
        }
        let tokens = tokenize(body, block.start, block.end);
        let block_hits: Vec<gazetteer::Hit> = {
            while hit_cursor < hits.len() && hits[hit_cursor].start < block.start {
                hit_cursor += 1;
            }
            hits[hit_cursor..]
                .iter()
                .take_while(|hit| hit.end <= block.end)
                .copied()
                .collect()
        };
        if block.kind == BlockKind::Boilerplate {
            // Page furniture (share lines, credits, bylines) names nobody in the story.
            continue;
        }
        candidates.extend(dateline::places(body, block).into_iter().flatten());
        match headline_mode(body, block, &tokens) {
            Headline::AllCaps => {}
            Headline::TitleCase => {
                // Results rows and schedules have figures or brackets;
                // headings of an article rarely do.
                title_lines.push(combine::TitleLine {
                    start: block.start,
                    end: block.end,
                    heading: !body[block.start..block.end]
                        .contains(|c: char| c.is_ascii_digit() || c == '('),
                });
                candidates.extend(block_hits.iter().map(hit_candidate));
            }
            Headline::Prose => {
                let mut context = BlockContext {
                    body,
                    tokens: &tokens,
                    hits: &block_hits,
                    candidates: &mut candidates,
                    singles: &mut singles,
                };
                context.scan_runs();
            }
        }
    }
    let names = crate::ner::names(body, sentences, &hits);
    let mut candidates = combine::combine(body, candidates, &names, &title_lines);
    // "Ilse Mardon KC": a barrister's rank follows the name, whoever found it.
    for candidate in &mut candidates {
        if candidate.kind == EntityType::Person
            && let Some(text) = body.get(candidate.start..candidate.end)
            && (text.ends_with(" KC") || text.ends_with(" QC"))
            && text.split_whitespace().count() >= 3
        {
            candidate.end -= " KC".len();
            candidate.canonical = None;
        }
    }
    link_article(body, candidates, &singles)
}

fn hit_candidate(hit: &gazetteer::Hit) -> Candidate {
    let entry = gazetteer::entry(hit.entry);
    Candidate {
        start: hit.start,
        end: hit.end,
        kind: entry.kind,
        canonical: Some(entry.canonical.to_string()),
        cue: Cue::Gazetteer,
    }
}

enum Headline {
    /// An all-capitals line: capitalisation says nothing, nothing is taken.
    AllCaps,
    /// A title-cased heading: only gazetteer names are taken.
    TitleCase,
    Prose,
}

fn headline_mode(body: &str, block: &Block, tokens: &[Token]) -> Headline {
    let words: Vec<&str> = tokens
        .iter()
        .map(|token| &body[token.start..token.end])
        .filter(|word| word.chars().any(char::is_alphabetic))
        .collect();
    let upper = words
        .iter()
        .filter(|word| word.len() > 1 && !word.chars().any(char::is_lowercase))
        .count();
    if words.len() >= 3 && upper * 10 >= words.len() * 6 {
        return Headline::AllCaps;
    }
    if matches!(block.kind, BlockKind::Title | BlockKind::Heading) {
        return Headline::TitleCase;
    }
    let text = body[block.start..block.end].trim_end();
    let terminated = text.ends_with(['.', '!', '?', '"', '”', '’', '\'', ':', ';', ')']);
    let long: Vec<&&str> = words.iter().filter(|word| word.len() >= 4).collect();
    let capitalised = long
        .iter()
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .count();
    if !terminated && words.len() <= 20 && !long.is_empty() && capitalised * 10 >= long.len() * 6 {
        Headline::TitleCase
    } else {
        Headline::Prose
    }
}

fn contains(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// A function word or sentence opener: capitalised only by its position.
fn is_opener(word: &str) -> bool {
    words::is_function_word(word) || contains(words::SENTENCE_OPENERS, word)
}

/// "Officials said", "Police said", "Figures showed": a capitalised common
/// noun before a verb of saying, not a name.
fn is_common_subject(word: &str) -> bool {
    [
        words::SPEAKER_NOUNS,
        words::INSTITUTION_NOUNS,
        words::SOURCE_NOUNS,
    ]
    .iter()
    .any(|list| words::contains_ignore_case(list, word))
}

fn never_a_name(word: &str) -> bool {
    contains(words::NEVER_NAMES, word) || (word != "May" && contains(words::MONTHS, word))
}

/// "Russian", "Ukrainian", "European": an adjective of a place, not a name.
fn is_demonym(word: &str) -> bool {
    if contains(words::IRREGULAR_DEMONYMS, word) {
        return true;
    }
    let lower = word.to_lowercase();
    let adjectival = ["ian", "ean", "ese", "ish", "an", "ic", "i"]
        .iter()
        .any(|ending| lower.ends_with(ending));
    if !adjectival || word.chars().count() < 5 {
        return false;
    }
    let stem: String = word.chars().take(4).collect();
    gazetteer::has_place_starting_with(&stem)
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct BlockContext<'a> {
    body: &'a str,
    tokens: &'a [Token],
    hits: &'a [gazetteer::Hit],
    candidates: &'a mut Vec<Candidate>,
    singles: &'a mut Vec<Single>,
}

const CONNECTORS: &[&str] = &[
    "of", "de", "von", "der", "van", "den", "bin", "al", "la", "le", "du", "da", "del", "di",
    "dos", "&",
];

impl BlockContext<'_> {
    fn word(&self, index: usize) -> &str {
        let token = &self.tokens[index];
        &self.body[token.start..token.name_end]
    }

    fn capitalised(&self, index: usize) -> bool {
        let word = self.word(index);
        word.chars().next().is_some_and(char::is_uppercase)
            && !never_a_name(word)
            && !word.chars().any(|c| c.is_ascii_digit())
    }

    /// Splits the block into maximal runs of capitalised words (with name
    /// connectors inside) and classifies each.
    fn scan_runs(&mut self) {
        let mut index = 0;
        while index < self.tokens.len() {
            if self.hyphen_compound(index) {
                index += 1;
                continue;
            }
            if !self.capitalised(index) {
                index += 1;
                continue;
            }
            let start = index;
            let mut end = index + 1;
            while end < self.tokens.len() && !self.tokens[end - 1].possessive {
                let token = &self.tokens[end];
                if self.plural_possessive_in_name(end) {
                    end += 1;
                    continue;
                }
                if !token.joined || token.initial {
                    break;
                }
                if self.capitalised(end) && !self.is_place_compound(end) {
                    end += 1;
                    continue;
                }
                let word = self.word(end);
                // "von der Leyen": connectors may chain before the next capital.
                let mut after = end + 1;
                while after < self.tokens.len()
                    && self.tokens[after].joined
                    && contains(CONNECTORS, self.word(after))
                {
                    after += 1;
                }
                let next_capitalised = after < self.tokens.len()
                    && self.tokens[after].joined
                    && self.capitalised(after);
                let connector = contains(CONNECTORS, word)
                    || (word == "and" && contains(words::ORG_HEADS, self.word(start)))
                    || (word == "the" && self.word(end - 1) == "of")
                    // "Party for Sovereignty", "Institute for Fiscal Studies".
                    || (word == "for"
                        && (self.is_org_suffix(end - 1)
                            || contains(words::ORG_HEADS, self.word(end - 1))));
                if connector && next_capitalised {
                    end = after;
                    continue;
                }
                if connector
                    && word == "of"
                    && self.tokens.get(end + 1).is_some_and(|t| t.joined)
                    && self.tokens.get(end + 2).is_some_and(|t| t.joined)
                    && self.word(end + 1) == "the"
                    && end + 2 < self.tokens.len()
                    && self.capitalised(end + 2)
                {
                    end += 2;
                    continue;
                }
                break;
            }
            self.classify(start, end);
            index = end;
        }
    }

    /// "Road Hauliers' Federation": a plural possessive inside an
    /// organisation's name, the word after it an organisation's last word.
    fn plural_possessive_in_name(&self, index: usize) -> bool {
        let (before, token) = (self.tokens[index - 1], self.tokens[index]);
        matches!(self.body.get(before.end..token.start), Some("' " | "’ "))
            && self.word(index - 1).ends_with('s')
            && self.capitalised(index - 1)
            && self.capitalised(index)
            && contains(words::ORG_SUFFIXES, self.word(index))
    }

    /// "US-Ukraine": a hyphenated pair of known names, not one name.
    fn is_place_compound(&self, index: usize) -> bool {
        let token = self.tokens[index];
        self.word(index).contains('-')
            && self
                .hits
                .iter()
                .filter(|hit| hit.start >= token.start && hit.end <= token.name_end)
                .count()
                >= 2
    }

    /// "US-Ukraine", "U.S.-Russia": gazetteer names joined by a hyphen.
    fn hyphen_compound(&mut self, index: usize) -> bool {
        let token = self.tokens[index];
        if !self.word(index).contains('-') {
            return false;
        }
        let inner: Vec<gazetteer::Hit> = self
            .hits
            .iter()
            .filter(|hit| hit.start >= token.start && hit.end <= token.name_end)
            .copied()
            .collect();
        let word = self.word(index);
        let mut offset = token.start;
        let all_known = word.split('-').all(|part| {
            let part_start = offset;
            offset += part.len() + 1;
            inner
                .iter()
                .any(|hit| hit.start <= part_start && part_start + part.len() <= hit.end)
        });
        let whole =
            inner.len() == 1 && inner[0].end - inner[0].start == token.name_end - token.start;
        if inner.is_empty() || whole || !all_known {
            return false;
        }
        self.candidates.extend(inner.iter().map(hit_candidate));
        true
    }

    fn span(&self, from: usize, to: usize) -> (usize, usize) {
        (self.tokens[from].start, self.tokens[to - 1].name_end)
    }

    fn exact_hit(&self, from: usize, to: usize) -> Option<gazetteer::Hit> {
        let (start, end) = self.span(from, to);
        self.hits
            .iter()
            .find(|hit| hit.start == start && hit.end == end)
            .copied()
    }

    /// A mention found by a cue.
    fn push(&mut self, from: usize, to: usize, kind: EntityType, canonical: Option<String>) {
        self.push_found(from, to, kind, canonical, Cue::Strong);
    }

    /// A mention found without a cue, which the tagger may overrule.
    fn push_weak(&mut self, from: usize, to: usize, kind: EntityType) {
        self.push_found(from, to, kind, None, Cue::Weak);
    }

    fn push_found(
        &mut self,
        from: usize,
        to: usize,
        kind: EntityType,
        canonical: Option<String>,
        cue: Cue,
    ) {
        let (start, end) = self.span(from, to);
        self.candidates.push(Candidate {
            start,
            end,
            kind,
            canonical,
            cue,
        });
    }

    fn is_title(&self, index: usize) -> bool {
        let word = self.word(index);
        contains(words::TITLES, word) || contains(words::TITLE_MODIFIERS, word)
    }

    fn is_org_suffix(&self, index: usize) -> bool {
        contains(words::ORG_SUFFIXES, self.word(index))
    }

    /// A word that can be part of a person's name.
    fn name_like(&self, index: usize) -> bool {
        let word = self.word(index);
        if contains(CONNECTORS, word) {
            return word != "of" && word != "&";
        }
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        // Per part of a hyphenated name: "Lee-Hart" is a name, "NATO-led" not.
        let upper = word
            .split('-')
            .map(|part| part.chars().filter(|c| c.is_uppercase()).count())
            .max()
            .unwrap_or(0);
        self.capitalised(index)
            && !self.is_title(index)
            && !self.is_org_suffix(index)
            && !is_opener(word)
            && !contains(words::NON_ENTITY_HEADS, word)
            // Acronyms are organisations, not names; initials ("J.") are fine.
            && (upper < 2 || word.contains('.') && letters <= 2)
    }

    fn classify(&mut self, mut from: usize, mut to: usize) {
        // Capitals that only start a sentence or quote say nothing.
        while from < to && (is_opener(self.word(from)) || never_a_name(self.word(from))) {
            from += 1;
        }
        while to > from && contains(CONNECTORS, self.word(to - 1)) {
            to -= 1;
        }
        if from >= to {
            return;
        }
        if let Some(hit) = self.exact_hit(from, to) {
            self.candidates.push(hit_candidate(&hit));
            return;
        }
        if self.introduced_as_body(from, to) {
            self.push(from, to, EntityType::Organization, None);
            return;
        }
        // "Officials of the Nordic Union": the speakers are no name, the body
        // after them is.
        if to - from >= 3
            && matches!(
                self.word(from),
                "Officials" | "Representatives" | "Delegates" | "Diplomats" | "Ministers"
            )
            && self.word(from + 1) == "of"
        {
            let body = if self.word(from + 2) == "the" {
                from + 3
            } else {
                from + 2
            };
            self.classify(body, to);
            return;
        }
        // "the Southern District of Nordland": a court district named by its
        // direction is the court, not the place.
        if to - from >= 4
            && matches!(
                self.word(from),
                "Northern" | "Southern" | "Eastern" | "Western" | "Central" | "Middle"
            )
            && self.word(from + 1) == "District"
            && self.word(from + 2) == "of"
        {
            self.push(from, to, EntityType::Organization, None);
            return;
        }
        // "NORDIA TODAY", "GULF DAILY": words in capitals inside running text
        // are a masthead, the paper's name, not the country in it.
        let capitals = (from..to).all(|i| {
            let word = self.word(i);
            word.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !word.chars().any(char::is_lowercase)
        });
        if capitals && to - from >= 2 {
            self.push(from, to, EntityType::Organization, None);
            return;
        }
        // “The Long Night of the Soul”: a title-cased name in quotation marks
        // is a work's title, not an entity.
        let (start, end) = self.span(from, to);
        if to - from >= 3
            && self.body[..start].ends_with(['“', '"'])
            && self.body[end..].starts_with(['”', '"'])
        {
            return;
        }
        // "Hill Township of Vale Region": two places, one inside the other.
        if let Some(of) = (from + 2..to.saturating_sub(1)).find(|&i| {
            self.word(i) == "of"
                && contains(words::PLACE_SUFFIXES, self.word(i - 1))
                && contains(words::PLACE_SUFFIXES, self.word(to - 1))
        }) {
            self.classify(from, of);
            self.classify(of + 1, to);
            return;
        }
        if let Some(head) = (from..to).find(|&i| contains(words::NON_ENTITY_HEADS, self.word(i))) {
            // "NATO Article 5": the organisation before a document name is
            // still named; a place there names the document ("Paris Agreement").
            let inner: Vec<gazetteer::Hit> = self
                .hits
                .iter()
                .filter(|hit| {
                    hit.start >= self.tokens[from].start
                        && hit.end <= self.tokens[head].start
                        && gazetteer::entry(hit.entry).kind == EntityType::Organization
                })
                .copied()
                .collect();
            self.candidates.extend(inner.iter().map(hit_candidate));
            return;
        }
        let len = to - from;
        let head_of =
            len >= 3 && contains(words::ORG_HEADS, self.word(from)) && self.word(from + 1) == "of";
        let place_head = len >= 3
            && contains(words::PLACE_HEADS, self.word(from))
            && self.word(from + 1) == "of";
        if (len >= 2 && contains(words::PLACE_SUFFIXES, self.word(to - 1))) || place_head {
            self.push(from, to, EntityType::Place, None);
            return;
        }
        // "the Socialist party": a lowercase "party" still closes the name;
        // "Nordlys media", "Nordlys news": what the name is, outside the span.
        if let Some(next) = self.tokens.get(to)
            && next.joined
            && matches!(&self.body[next.start..next.name_end], "media" | "news")
            && (from..to).all(|i| self.name_like(i))
        {
            self.push(from, to, EntityType::Organization, None);
            return;
        }
        if let Some(next) = self.tokens.get(to)
            && next.joined
            && self.body[next.start..next.name_end] == *"party"
        {
            let (start, _) = self.span(from, to);
            self.candidates.push(Candidate {
                start,
                end: next.name_end,
                kind: EntityType::Organization,
                canonical: None,
                cue: Cue::Strong,
            });
            return;
        }
        let untitled = (from..to).find(|&i| !self.is_title(i)).unwrap_or(to);
        if untitled < to && self.particle_name(untitled, to, untitled > from) {
            self.push(untitled, to, EntityType::Person, None);
            return;
        }
        if let Some((person, of)) = self.person_of_organization(from, to) {
            let after = if self.word(of + 1) == "the" {
                of + 2
            } else {
                of + 1
            };
            self.push(person, of, EntityType::Person, None);
            self.classify(after, to);
            return;
        }
        // "for" joins a run only after an organisation's word.
        let body_for = (from + 1..to).any(|i| self.word(i) == "for");
        if (len >= 2 && self.is_org_suffix(to - 1)) || head_of || body_for {
            self.push(from, to, EntityType::Organization, None);
            return;
        }
        if self.title_split(from, to) {
            return;
        }
        if len >= 2 && (from + 1..to).any(|i| self.is_org_suffix(i)) {
            self.push(from, to, EntityType::Organization, None);
            return;
        }
        while from < to && is_demonym(self.word(from)) {
            from += 1;
        }
        if from >= to {
            return;
        }
        let len = to - from;
        if let Some(hit) = self.exact_hit(from, to) {
            self.candidates.push(hit_candidate(&hit));
            return;
        }
        let inner: Vec<gazetteer::Hit> = self
            .hits
            .iter()
            .filter(|hit| {
                hit.start >= self.tokens[from].start && hit.end <= self.tokens[to - 1].name_end
            })
            .copied()
            .collect();
        // "U.S. Intelligence sources", "U.S. Carriers": an abbreviated place
        // or organisation name before one capitalised common word.
        if len == 2
            && let Some(first) = inner.first()
            && first.start == self.tokens[from].start
            && first.end == self.tokens[from].name_end
            && {
                let name = &self.body[first.start..first.end];
                name.contains('.') || !name.chars().any(char::is_lowercase)
            }
        {
            self.candidates.push(hit_candidate(first));
            return;
        }
        if !inner.is_empty() {
            // A run that is a list of known names ("Germany France") or a name
            // plus words the rules cannot place: keep only what is known.
            let covered = (from..to).all(|i| {
                let token = &self.tokens[i];
                inner
                    .iter()
                    .any(|hit| hit.start <= token.start && token.name_end <= hit.end)
                    || self.is_title(i)
            });
            let known_place_before_state = len == 2
                && self.word(to - 1) == "State"
                && inner.iter().any(|hit| {
                    hit.start == self.tokens[from].start
                        && hit.end == self.tokens[from].name_end
                        && gazetteer::entry(hit.entry).kind == EntityType::Place
                });
            if known_place_before_state {
                // "Shan State", "Kaduna State": a known place's state is a
                // place ("State" alone closes organisations too: "Islamic State").
                self.push(from, to, EntityType::Place, None);
            } else if covered {
                self.candidates.extend(inner.iter().map(hit_candidate));
            } else if len == 2
                && link::is_given_name(self.word(from))
                && (from..to).all(|i| self.name_like(i))
            {
                // "Lena Garland": a given name before a word the gazetteer
                // knows as a town is a person's name.
                self.push(from, to, EntityType::Person, None);
            } else if self.after_place_preposition(from)
                && len <= 4
                && (from..to).all(|i| self.name_like(i))
            {
                self.push(from, to, EntityType::Place, None);
            }
            return;
        }
        if len == 1 {
            self.single(from);
            return;
        }
        // "the Hang Lo index", "Kessel 300 points": a stock index, not a person.
        let index_after = {
            let after = |k: usize| self.tokens.get(k).map(|t| &self.body[t.start..t.end]);
            let numbered = after(to).is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
            let next = if numbered { after(to + 1) } else { after(to) };
            next.is_some_and(|w| {
                matches!(
                    w.trim_end_matches([',', '.']),
                    "index" | "indices" | "indexes" | "average" | "composite" | "benchmark"
                ) || (numbered && matches!(w, "points" | "index"))
            })
        };
        if index_after {
            return;
        }
        if len <= 4 && (from..to).all(|i| self.name_like(i)) {
            // "in Nay Pyi Taw", "near Kampong Som": a place, unless it owns something.
            let place = self.after_place_preposition(from) && !self.tokens[to - 1].possessive;
            if place {
                self.push_weak(from, to, EntityType::Place);
            } else if len <= 3
                && (self.credited_by_role(from)
                    || self
                        .described_by_role(to, &[words::PERSON_SPEAKER_NOUNS, words::PERSON_ROLES]))
            {
                self.push(from, to, EntityType::Person, None);
            } else if self.described_by_role(to, &[words::BODY_ROLES]) {
                self.push(from, to, EntityType::Organization, None);
            } else {
                self.push_weak(from, to, EntityType::Person);
            }
        }
    }

    /// "public broadcaster NOV", "pollster Peilmark", "a survey by
    /// Peilmark": one word after the noun of a body, or after a study's
    /// "by", is that body. (Two words may be a person: "pollster
    /// Ana Ruiz".)
    fn introduced_as_body(&self, from: usize, to: usize) -> bool {
        if to - from != 1 || !self.tokens[from].joined {
            return false;
        }
        let Some(before) = from.checked_sub(1) else {
            return false;
        };
        let role = self.word(before);
        let by_study = role == "by"
            && before > 0
            && self.tokens[before].joined
            && contains(words::STUDY_NOUNS, self.word(before - 1));
        by_study || contains(words::BODY_ROLES, role) && !matches!(role, "party" | "union" | "club")
    }

    /// "said researcher Ana Ruiz", "added party treasurer Ana Ruiz": a name
    /// after a verb of saying and the plain lowercase words of a role is
    /// the person who speaks (an organisation comes with "the" or alone).
    fn credited_by_role(&self, from: usize) -> bool {
        let mut k = from;
        while k > 0 && from - k < 3 && self.tokens[k].joined && !self.tokens[k].initial {
            let word = self.word(k - 1);
            if !word.chars().all(char::is_lowercase)
                || contains(words::SPEAKER_PHRASE_STOPS, word)
                || words::REPORTING.contains(word)
            {
                break;
            }
            k -= 1;
        }
        let verb = k.checked_sub(1).map(|i| self.word(i));
        k < from
            && self.tokens[k].joined
            && verb.is_some_and(|verb| {
                words::REPORTING.contains(verb) && !verb.starts_with("tell") && verb != "told"
            })
    }

    /// "Ana Ruiz, an economist at ...", "Ana Ruiz, the union's chief
    /// negotiator, said", "The Tarn Monitor, an independent group that
    /// ...": a name in apposition to one of `roles`, `to` the word after
    /// the name.
    fn described_by_role(&self, to: usize, roles: &[&[&str]]) -> bool {
        let Some(name_end) = to.checked_sub(1).map(|i| self.tokens[i].end) else {
            return false;
        };
        let Some(article) = self.tokens.get(to) else {
            return false;
        };
        if self.body.get(name_end..article.start) != Some(", ")
            || !matches!(self.word(to), "a" | "an" | "the")
        {
            return false;
        }
        (to + 1..(to + 4).min(self.tokens.len()))
            .take_while(|&k| {
                self.tokens[k].joined && self.word(k).chars().all(|c| c.is_lowercase() || c == '-')
            })
            .any(|k| {
                let closes = self.tokens.get(k + 1).is_none_or(|next| {
                    matches!(
                        self.word(k + 1),
                        "at" | "of" | "for" | "with" | "that" | "which" | "based"
                    ) || !next.joined
                });
                closes && roles.iter().any(|list| contains(list, self.word(k)))
            })
    }

    /// "Ana Ruiz of the Marlow Institute", "Sergeant Ana Ruiz of Keston
    /// Police": a person's name before "of" and an organisation's name after
    /// it are two names (where the person works), not one organisation. The
    /// start of the person's name and the "of" are returned when the words
    /// before it are titles and two or three name words with no organisation
    /// or place word among them, and the words after it end in an
    /// organisation suffix. Of three words opening a sentence, the first is
    /// a role capitalised by its place ("Meteorologist Ana Ruiz of …") unless
    /// it is a given name.
    fn person_of_organization(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        let of = (from + 2..to.saturating_sub(2)).find(|&i| self.word(i) == "of")?;
        let after = if self.word(of + 1) == "the" {
            of + 2
        } else {
            of + 1
        };
        let mut name_start = of;
        while name_start > from && self.name_like(name_start - 1) {
            name_start -= 1;
        }
        let person_words = |i: usize| {
            let word = self.word(i);
            !contains(words::ORG_HEADS, word)
                && !contains(words::PLACE_SUFFIXES, word)
                && !contains(words::PLACE_HEADS, word)
                && !is_demonym(word)
        };
        let titles_before = (from..name_start).all(|i| self.is_title(i));
        let organization_after = to - after >= 2
            && (self.is_org_suffix(to - 1)
                || self.is_org_suffix(after)
                || contains(words::ORG_HEADS, self.word(after)))
            && (after..to).all(|i| {
                self.capitalised(i) || contains(CONNECTORS, self.word(i)) || self.word(i) == "for"
            });
        let known_before =
            self.exact_hit(from, of).is_some() || self.exact_hit(name_start, of).is_some();
        (of - name_start >= 2
            && of - name_start <= 3
            && titles_before
            && (name_start..of).all(person_words)
            && organization_after
            && !known_before)
            .then(|| {
                let role_first = of - name_start == 3
                    && self.tokens[name_start].initial
                    && !link::is_given_name(self.word(name_start));
                (name_start + usize::from(role_first), of)
            })
    }

    /// "Anneke de la Court", "Van der Berg", "Ms van der Berg": given names
    /// (or a capital particle, or a title), lowercase particles, one last
    /// name. An organisation's word there ("Court", "Bank") is the surname,
    /// never the body: bodies join their words with "of" ("Bank of
    /// Nordland", "Banco de Nordia").
    fn particle_name(&self, from: usize, to: usize, titled: bool) -> bool {
        let lower_particle = |i: usize| {
            let word = self.word(i);
            word.starts_with(char::is_lowercase) && contains(SURNAME_PARTICLES, word)
        };
        let Some(first_particle) = (from..to).find(|&i| lower_particle(i)) else {
            return false;
        };
        let given_first = (from..first_particle).all(|i| {
            let word = self.word(i);
            self.name_like(i)
                && !contains(words::ORG_HEADS, word)
                && !contains(words::PLACE_SUFFIXES, word)
                && !contains(words::PLACE_HEADS, word)
                && !self.hits.iter().any(|hit| {
                    hit.start <= self.tokens[i].start && hit.end >= self.tokens[i].name_end
                })
        });
        let capital_particle = first_particle == from + 1
            && contains(SURNAME_PARTICLES, &self.word(from).to_lowercase());
        let given = first_particle - from;
        let particles_then_last = (first_particle..to - 1).all(lower_particle)
            && to - first_particle >= 2
            && self.capitalised(to - 1);
        particles_then_last
            && given <= 2
            && (capital_particle || (given >= 1 && given_first) || (given == 0 && titled))
    }

    /// The run starting at `from` follows "in", "near", "outside" or "capital".
    fn after_place_preposition(&self, from: usize) -> bool {
        from.checked_sub(1).is_some_and(|i| {
            matches!(self.word(i), "in" | "near" | "outside" | "capital")
                && self.tokens[from].joined
        })
    }

    /// "President Donald Trump", "U.S. Air Force General Alexus Grynkewich":
    /// the name after the last title word is a person; what precedes the title
    /// is classified on its own.
    fn title_split(&mut self, from: usize, to: usize) -> bool {
        let mut name_start = to;
        while name_start > from && self.name_like(name_start - 1) {
            name_start -= 1;
        }
        if name_start == from || name_start == to || to - name_start > 4 {
            return false;
        }
        let mut title_start = name_start;
        let mut has_title = false;
        while title_start > from {
            let word = self.word(title_start - 1);
            if contains(words::TITLES, word) {
                has_title = true;
            } else if !(contains(words::TITLE_MODIFIERS, word) || word == "of") {
                break;
            }
            title_start -= 1;
        }
        if !has_title {
            return false;
        }
        self.push(name_start, to, EntityType::Person, None);
        if title_start > from {
            self.classify(from, title_start);
        }
        true
    }

    fn single(&mut self, index: usize) {
        let token = self.tokens[index];
        let word = self.word(index);
        if is_demonym(word) || is_opener(word) {
            return;
        }
        let next = self
            .tokens
            .get(index + 1)
            .map(|t| &self.body[t.start..t.end]);
        let previous = index
            .checked_sub(1)
            .map(|i| &self.body[self.tokens[i].start..self.tokens[i].end]);
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = (2..=5).contains(&letters) && !word.chars().any(char::is_lowercase);
        let title_before = index
            .checked_sub(1)
            .is_some_and(|i| contains(words::TITLES, self.word(i)));
        let leader_after = next.is_some_and(|w| {
            matches!(
                w,
                "administration" | "campaign" | "aides" | "presidency" | "government's"
            )
        });
        let place_after = next.is_some_and(|w| {
            matches!(
                w,
                "region" | "province" | "oblast" | "county" | "district" | "valley"
            )
        });
        let place_before = previous.is_some_and(|w| {
            matches!(
                w,
                "in" | "near" | "outside" | "capital" | "town" | "city" | "village"
            )
        });
        let two_before = index
            .checked_sub(2)
            .map(|i| &self.body[self.tokens[i].start..self.tokens[i].end]);
        // "the founder of Acme", "chief executive of Acme": what one founds or runs.
        let organization_before = previous == Some("of")
            && two_before.is_some_and(|w| {
                matches!(
                    w,
                    "founder" | "co-founder" | "CEO" | "chairman" | "owner" | "executive" | "boss"
                )
            });
        // "TikTok", "YouTube": a capital after a lowercase letter inside one
        // word is a brand's spelling, not a person's.
        let camel = word
            .chars()
            .skip(1)
            .zip(word.chars().skip(2))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
            && !word.contains(['-', '\'', '’', '.']);
        let said_after = next
            .is_some_and(|w| words::REPORTING.contains(w) || contains(words::ACTOR_VERBS, w))
            && !is_common_subject(word);
        if camel || organization_before {
            // A brand's spelling or "the founder of": a cue the tagger does not overrule.
            self.push(index, index + 1, EntityType::Organization, None);
        } else if acronym && !word.contains('.') {
            // An unknown acronym is almost always an organisation.
            self.push_weak(index, index + 1, EntityType::Organization);
        } else if title_before || (leader_after && !token.initial) {
            self.push(index, index + 1, EntityType::Person, None);
        } else if place_after || (place_before && !token.initial) {
            if place_after {
                self.push(index, index + 1, EntityType::Place, None);
            } else {
                self.push_weak(index, index + 1, EntityType::Place);
            }
        } else if said_after && !token.initial {
            self.push(index, index + 1, EntityType::Person, None);
        } else {
            self.singles.push(Single {
                start: token.start,
                end: token.name_end,
            });
        }
    }
}

/// Words that join a surname to its particles ("van der Laan", "de la
/// Cruz", "El Amrani", "bin Salleh").
const SURNAME_PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "la", "le", "du", "da", "del", "della", "di", "dos", "das", "von",
    "el", "al", "bin", "ben", "ibn", "abu", "ter", "ten",
];

/// "Van der Laan", "de la Court": particles, then one last name.
fn particle_surname(text: &str) -> bool {
    let words: Vec<&str> = text.split(' ').collect();
    words.len() >= 2
        && words[..words.len() - 1]
            .iter()
            .all(|word| contains(SURNAME_PARTICLES, &word.to_lowercase()))
}

/// Whether the full name `full` ends with the surname `surname` and its
/// particles, whatever their case ("Marieke van der Laan", "Van der Laan").
fn ends_with_surname(full: &str, surname: &str) -> bool {
    name_key(full).ends_with(&format!(" {}", name_key(surname)))
}

/// Settles canonical names within one article and links lone surnames and
/// short company names to the full names the article gives elsewhere.
fn link_article(body: &str, mut candidates: Vec<Candidate>, singles: &[Single]) -> Vec<Entity> {
    // Surname key → full person names; first word → organisations.
    let mut people: HashMap<String, Vec<(usize, String)>> = HashMap::new();
    let mut organizations: HashMap<String, String> = HashMap::new();
    for candidate in &candidates {
        let text = clean(&body[candidate.start..candidate.end]);
        match candidate.kind {
            EntityType::Person => {
                if let Some(last) = text.split(' ').next_back() {
                    people
                        .entry(name_key(last))
                        .or_default()
                        .push((candidate.start, text.clone()));
                }
            }
            EntityType::Organization => {
                let canonical = candidate.canonical.clone().unwrap_or_else(|| text.clone());
                let mut parts = text.split(' ');
                if let Some(first) = parts.next() {
                    let rest: Vec<&str> = parts.collect();
                    if !rest.is_empty() && rest.iter().all(|w| contains(words::ORG_SUFFIXES, w)) {
                        organizations.insert(name_key(first), canonical.clone());
                    }
                    // "the Navy" after "the U.S. Navy".
                    if let Some(last) = rest.last()
                        && contains(words::ORG_SUFFIXES, last)
                    {
                        organizations.entry(name_key(last)).or_insert(canonical);
                    }
                }
            }
            EntityType::Place => {}
        }
    }
    // Each surname takes the longest full name it was seen with (the last of
    // the longest), found once per surname: looking it up per mention made
    // an article that names one person 100,000 times quadratic.
    let longest: HashMap<&str, &str> = people
        .iter()
        .filter_map(|(key, names)| {
            let (_, name) = names
                .iter()
                .max_by_key(|(_, name)| name.split(' ').count())?;
            Some((key.as_str(), name.as_str()))
        })
        .collect();
    let first_full: HashMap<&str, &str> = people
        .iter()
        .filter_map(|(key, names)| {
            let (_, name) = names
                .iter()
                .find(|(_, name)| name.contains(' ') && !particle_surname(name))?;
            Some((key.as_str(), name.as_str()))
        })
        .collect();
    let full_name = |key: &str| longest.get(key).map(|name| name.to_string());
    // "Henrik Solvang ... Solvang said ... his daughter, Ingrid Solvang":
    // where the article names two people of one surname, a lone surname is
    // the one named last before it (the first one, before either is named).
    let lone_surname = |key: &str, at: usize| {
        let full: Vec<&(usize, String)> = people
            .get(key)?
            .iter()
            .filter(|(_, name)| name.contains(' ') && !particle_surname(name))
            .collect();
        let given: BTreeSet<&str> = full
            .iter()
            .filter_map(|(_, name)| name.split(' ').next())
            .collect();
        if given.len() < 2 {
            return full_name(key);
        }
        full.iter()
            .filter(|(start, _)| *start < at)
            .max_by_key(|(start, _)| *start)
            .or_else(|| full.iter().min_by_key(|(start, _)| *start))
            .map(|(_, name)| name.clone())
    };
    // Given name → the full names it opens, for "Sir Anton" after "Sir
    // Anton Greaves": a knight or dame is named by title and given name.
    let mut by_given: HashMap<String, BTreeSet<&str>> = HashMap::new();
    for names in people.values() {
        for (_, name) in names {
            if let Some((given, _)) = name.split_once(' ') {
                by_given.entry(name_key(given)).or_default().insert(name);
            }
        }
    }
    // "Lena Garland ... Garland said": a lone word the gazetteer knows as a
    // place or organisation is the surname of a person the article names in
    // full.
    // So is "El Amrani" after "Yasmina El Amrani": a surname with its
    // particles.
    for candidate in &mut candidates {
        let text = &body[candidate.start..candidate.end];
        if candidate.kind == EntityType::Person || !text.chars().any(char::is_lowercase) {
            continue;
        }
        let full = if text.contains(char::is_whitespace) {
            let text = clean(text);
            text.rsplit(' ')
                .next()
                .filter(|_| particle_surname(&text))
                .and_then(|last| first_full.get(name_key(last).as_str()))
                .filter(|full| ends_with_surname(full, &text))
        } else {
            first_full.get(name_key(text).as_str())
        };
        if let Some(name) = full {
            candidate.kind = EntityType::Person;
            candidate.canonical = Some(name.to_string());
        }
    }
    for candidate in &mut candidates {
        if candidate.kind == EntityType::Person && candidate.canonical.is_none() {
            let text = clean(&body[candidate.start..candidate.end]);
            let knighted = body[..candidate.start].ends_with("Sir ")
                || body[..candidate.start].ends_with("Dame ");
            if knighted
                && !text.contains(' ')
                && let Some(full) = by_given.get(&name_key(&text))
                && let [only] = full.iter().collect::<Vec<_>>().as_slice()
            {
                candidate.canonical = Some(only.to_string());
                continue;
            }
            if !text.contains(' ') {
                candidate.canonical = lone_surname(&name_key(&text), candidate.start);
                continue;
            }
            let last = text.split(' ').next_back().unwrap_or(&text).to_string();
            // "Van der Laan said" after "Marieke van der Laan": a surname
            // with its particles is the person's surname alone, whatever
            // case the particle takes at the start of a sentence.
            if particle_surname(&text) {
                candidate.canonical = lone_surname(&name_key(&last), candidate.start)
                    .filter(|full| ends_with_surname(full, &text));
                continue;
            }
            let first = text.split(' ').next().unwrap_or(&text);
            candidate.canonical = full_name(&name_key(&last)).filter(|name| {
                // "Anna Vogel" and "Peter Vogel" are two people; a full name
                // only grows into a longer one with the same first name.
                !text.contains(' ') || name.split(' ').next() == Some(first)
            });
        }
    }
    for single in singles {
        let word = &body[single.start..single.end];
        let key = name_key(word);
        if let Some(name) = lone_surname(&key, single.start) {
            candidates.push(Candidate {
                start: single.start,
                end: single.end,
                kind: EntityType::Person,
                canonical: Some(name),
                cue: Cue::Weak,
            });
        } else if let Some(name) = organizations.get(&key) {
            candidates.push(Candidate {
                start: single.start,
                end: single.end,
                kind: EntityType::Organization,
                canonical: Some(name.clone()),
                cue: Cue::Weak,
            });
        }
        // Any other lone capitalised word stays unclassified: without a title,
        // a verb of saying or a full name elsewhere, guessing its type costs
        // more precision than it gains.
    }
    candidates.sort_by_key(|candidate| (candidate.start, std::cmp::Reverse(candidate.end)));
    // "General Union of Workers (UGT)": the acronym in brackets names the same
    // entity, here and wherever else the article uses it.
    let mut aliases: HashMap<String, (EntityType, String)> = HashMap::new();
    for pair in candidates.windows(2) {
        let (named, acronym) = (&pair[0], &pair[1]);
        let between = body.get(named.end..acronym.start).unwrap_or("");
        let text = &body[acronym.start..acronym.end];
        if between.trim() == "(" && !text.chars().any(char::is_lowercase) {
            let canonical = named
                .canonical
                .clone()
                .unwrap_or_else(|| clean(&body[named.start..named.end]));
            aliases.insert(text.to_string(), (named.kind, canonical));
        }
    }
    for candidate in &mut candidates {
        if let Some((kind, canonical)) = aliases.get(&body[candidate.start..candidate.end]) {
            candidate.kind = *kind;
            candidate.canonical = Some(canonical.clone());
        }
    }
    let mut entities: Vec<Entity> = Vec::with_capacity(candidates.len());
    let mut names = Names::default();
    for candidate in candidates {
        if entities
            .last()
            .is_some_and(|last| candidate.start < last.end)
        {
            continue;
        }
        let canonical = match &candidate.canonical {
            Some(name) => names.get(name),
            None => names.get(&clean(&body[candidate.start..candidate.end])),
        };
        entities.push(Entity {
            start: candidate.start,
            end: candidate.end,
            kind: candidate.kind,
            canonical,
        });
    }
    // Kept with the article for the whole session: no room to spare.
    entities.shrink_to_fit();
    entities
}

#[cfg(test)]
mod tests;
