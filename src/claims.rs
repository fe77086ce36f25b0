//! Claims: sentence-level records of what an article states, with their kinds
//! (direct quote, attributed, statistic, hedged, bare assertion) and speaker.
//!
//! The rules are English reporting conventions: verbs of saying and their
//! subjects ("officials said", "said Smith", "according to"), hedging words,
//! number patterns. Headings, boilerplate, questions, fragments and editorial
//! commentary (evaluation with nothing checkable in it) are not claims.

use crate::entities::{MONTHS, name_key};
use crate::model::{Block, BlockKind, Claim, ClaimKind, Corpus, Entity, EntityType, Sentence};

const ATTRIBUTION_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "announced",
    "announces",
    "announce",
    "confirmed",
    "confirms",
    "confirm",
    "stated",
    "states",
    "added",
    "adds",
    "noted",
    "notes",
    "note",
    "warned",
    "warns",
    "warn",
    "reported",
    "reports",
    "report",
    "acknowledged",
    "acknowledges",
    "insisted",
    "insists",
    "insist",
    "emphasized",
    "emphasised",
    "emphasizes",
    "stressed",
    "stresses",
    "stress",
    "described",
    "describes",
    "characterized",
    "characterised",
    "cited",
    "cites",
    "claimed",
    "claims",
    "claim",
    "indicated",
    "indicates",
    "reiterated",
    "reiterates",
    "argued",
    "argues",
    "argue",
    "explained",
    "explains",
    "declared",
    "declares",
    "assessed",
    "admitted",
    "admits",
    "denied",
    "denies",
    "deny",
    "disclosed",
    "discloses",
    "revealed",
    "reveals",
    "alleged",
    "alleges",
    "asserted",
    "asserts",
    "maintained",
    "maintains",
    "wrote",
    "writes",
    "urged",
    "urges",
    "signaled",
    "signalled",
    "signals",
    "cautioned",
    "cautions",
    "caution",
    "suggested",
    "suggest",
    "suggests",
    "predicted",
    "predicts",
    "estimated",
    "estimates",
    "estimate",
    "expects",
    "expect",
    "believes",
    "believe",
    "forecast",
    "forecasts",
    "projected",
    "projects",
    "testified",
    "replied",
    "responded",
    "conceded",
    "concedes",
    "recalled",
    "quoted",
    "articulated",
    "pledged",
    "promised",
    "vowed",
    "threatened",
    "demanded",
    "dismissed",
    "rejected",
    "welcomed",
    "hailed",
    "praised",
    "criticized",
    "criticised",
    "condemned",
    "echoed",
    "expressed",
    "highlighted",
    "highlights",
    "stating",
    "saying",
    "indicating",
];

/// Verbs that are attribution only with an explicit speaker as subject.
const WEAK_ATTRIBUTION: &[&str] = &[
    "reports",
    "report",
    "claims",
    "claim",
    "states",
    "note",
    "notes",
    "estimates",
    "estimate",
    "forecast",
    "forecasts",
    "projects",
    "rejected",
    "welcomed",
    "dismissed",
    "demanded",
    "hailed",
    "praised",
    "criticized",
    "criticised",
    "condemned",
    "pledged",
    "promised",
    "vowed",
    "threatened",
    "expects",
    "expect",
    "believes",
    "believe",
    "suggest",
    "suggests",
    "suggested",
    "stress",
    "caution",
    "echoed",
    "expressed",
    "highlighted",
    "highlights",
    "signals",
    "signaled",
    "signalled",
    "indicates",
    "indicating",
    "reflects",
    "cites",
    "cited",
    "described",
    "describes",
];

const PREPOSITIONS: &[&str] = &[
    "by", "of", "to", "from", "in", "with", "for", "on", "at", "against", "into", "over", "about",
    "between", "than", "toward", "towards", "without",
];

/// Words that end a group speaker's modifiers ("... that officials said").
const GROUP_STOPS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "while", "that", "which", "who", "with", "of", "to",
    "by", "in", "on", "for", "as", "at", "from", "have", "has", "had", "than", "many", "some",
    "most", "all", "both", "its", "their", "his", "her", "our", "said", "says", "also", "were",
    "was", "are", "is", "be", "been", "not", "when", "after", "before", "if", "because",
];

/// Verbs of saying that attribute even without a speaker ("it was said").
const STRONG_ATTRIBUTION: &[&str] = &["said", "says", "told", "tells", "according"];

/// Nouns that carry a possessor's words ("Rubio's statement highlights").
const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "remarks",
    "comments",
    "declaration",
    "announcement",
    "letter",
    "speech",
    "testimony",
    "report",
    "pronouncement",
];

/// Openers of commentary on what was just said ("This development ...").
const ANAPHORIC_OPENERS: &[&str] = &["this", "these", "their", "such", "it", "that"];

const HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "reportedly",
    "allegedly",
    "apparently",
    "suggests",
    "suggest",
    "suggested",
    "suggesting",
    "potentially",
    "potential",
    "possibly",
    "possible",
    "likely",
    "unlikely",
    "perhaps",
    "probably",
    "appears",
    "appear",
    "seems",
    "seem",
    "believed",
    "expected",
    "speculation",
    "rumoured",
    "rumored",
    "purportedly",
    "reportedly",
    "unconfirmed",
    "estimated",
    "roughly",
    "approximately",
    "about",
    "nearly",
    "around",
    "anticipated",
];

/// Speakers whose statements are hedged by their nature ("analysts say").
const HEDGING_SPEAKERS: &[&str] = &["analysts", "analyst", "observers", "experts", "sources"];

const GROUP_NOUNS: &[&str] = &[
    "officials",
    "official",
    "sources",
    "source",
    "analysts",
    "analyst",
    "diplomats",
    "diplomat",
    "leaders",
    "observers",
    "experts",
    "expert",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "economists",
    "economist",
    "traders",
    "trader",
    "dealers",
    "dealer",
    "negotiators",
    "authorities",
    "ministers",
    "executives",
    "lawmakers",
    "legislators",
    "residents",
    "witnesses",
    "investigators",
    "researchers",
    "scientists",
    "critics",
    "aides",
    "bankers",
    "brokers",
    "spokesmen",
    "representatives",
    "members",
    "allies",
    "partners",
    "envoys",
    "people",
    "statement",
    "statements",
    "administration",
    "government",
    "nations",
    "countries",
    "governments",
    "organizations",
    "organisations",
    "intelligence",
    "groups",
    "unions",
    "companies",
    "firms",
    "banks",
    "agencies",
];

/// Definite descriptions that name the organisation last mentioned ("the company said").
const ORGANIZATION_NOUNS: &[&str] = &[
    "company",
    "firm",
    "bank",
    "group",
    "ministry",
    "agency",
    "department",
    "corporation",
    "union",
    "council",
    "commission",
    "board",
    "party",
    "association",
    "committee",
    "organization",
    "organisation",
    "exchange",
    "fund",
    "paper",
    "newspaper",
    "agency",
];

/// Modifiers kept in a group speaker ("Senior U.S. officials", "Diplomatic sources").
const GROUP_MODIFIERS: &[&str] = &[
    "senior",
    "top",
    "western",
    "diplomatic",
    "military",
    "government",
    "industry",
    "bank",
    "company",
    "intelligence",
    "security",
    "defense",
    "defence",
    "foreign",
    "administration",
    "trade",
    "oil",
    "one",
    "two",
    "three",
    "several",
    "some",
    "many",
    "other",
    "unnamed",
    "anonymous",
    "independent",
    "private",
    "local",
    "regional",
    "international",
    "european",
    "american",
    "federal",
    "state",
    "former",
    "current",
    "market",
    "financial",
    "economic",
];

const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "dozen",
    "dozens",
    "half",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "double",
    "doubled",
    "tripled",
    "percent",
    "pct",
];

/// Words before a number that make it a name, not a quantity ("Article 5").
const NUMBER_NAMES: &[&str] = &[
    "Article",
    "Section",
    "Chapter",
    "Resolution",
    "No",
    "No.",
    "Number",
    "Phase",
    "Level",
    "Category",
    "Form",
    "Flight",
    "Route",
    "Paragraph",
    "Rule",
    "Item",
    "Page",
    "Vol",
    "Volume",
    "Highway",
    "Class",
    "Type",
    "Stage",
    "Part",
    "Title",
    "Act",
    "War",
];

/// Writer's evaluation: a sentence built on these with nothing checkable in it
/// (no attribution, quote or figure) is commentary, not a claim.
const EDITORIAL: &[&str] = &[
    "testament",
    "reminder",
    "underscores",
    "underscore",
    "underscored",
    "signifies",
    "juncture",
    "cornerstone",
    "pivotal",
    "crucial",
    "vital",
    "essential",
    "imperative",
    "profound",
    "fraught",
    "arduous",
    "sobering",
    "noteworthy",
    "remarkable",
    "hopeful",
    "reflects",
    "reflect",
    "highlights",
    "demonstrating",
    "demonstrates",
    "represents",
    "serves",
    "signals",
    "uncertain",
    "remains",
    "caveat",
    "delineates",
    "bullet",
    "hinges",
    "should",
    "must",
    "resilience",
    "determination",
    "fragility",
    "juxtaposition",
    "consequential",
    "significant",
    "significantly",
    "critical",
    "meaningful",
    "vital",
    "evolving",
    "intricate",
    "complex",
    "enduring",
    "strength",
    "watch",
    "inevitably",
    "fundamental",
    "poised",
    "dynamics",
    "viewed",
    "echo",
    "navigating",
    "landscape",
    "architecture",
    "pathways",
    "unprecedented",
    "stark",
    "immense",
    "genuine",
    "pragmatic",
    "prerequisite",
    "formidable",
    "painstaking",
    "momentous",
    "historic",
];

/// Lines that belong to the page, not the story.
const BOILERPLATE: &[&str] = &[
    "reviewed with ai",
    "click here",
    "subscribe",
    "all rights reserved",
    "sign up",
    "read more",
    "previous post",
    "next post",
    "copyright",
    "follow us",
    "share this",
    "newsletter",
    "advertisement",
    "cookie",
    "terms of use",
    "privacy policy",
];

struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn words(body: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let text = &body[start..end];
    let mut out = Vec::new();
    let mut word_start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let inner = matches!(c, '.' | '\'' | '’' | '-' | '%' | ',' | '/')
            && word_start.is_some()
            && chars.peek().is_some_and(|(_, next)| next.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            word_start.get_or_insert(at);
        } else if let Some(begin) = word_start.take() {
            out.push(Word {
                start: start + begin,
                end: start + at,
                text: &text[begin..at],
            });
        }
    }
    if let Some(begin) = word_start {
        out.push(Word {
            start: start + begin,
            end,
            text: &text[begin..],
        });
    }
    out
}

fn lower_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|item| item.eq_ignore_ascii_case(word))
}

/// Byte ranges inside double quotation marks (curly or straight), in order.
fn quoted_spans(text: &str, offset: usize) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (at, c) in text.char_indices() {
        match (open, c) {
            (None, '“') | (None, '"') => open = Some((at + c.len_utf8(), c)),
            (Some((start, '“')), '”') | (Some((start, '"')), '"') => {
                spans.push((offset + start, offset + at));
                open = None;
            }
            _ => {}
        }
    }
    if let Some((start, _)) = open {
        spans.push((offset + start, offset + text.len()));
    }
    spans
}

fn is_statistic(words: &[Word<'_>], text: &str) -> bool {
    if text.contains('%') || text.contains('$') || text.contains('£') || text.contains('€') {
        return true;
    }
    words.iter().enumerate().any(|(i, word)| {
        let lower = word.text.to_lowercase();
        let previous = i.checked_sub(1).map(|p| words[p].text);
        if word.text.starts_with(|c: char| c.is_ascii_digit()) {
            let digits: String = word
                .text
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let year = digits.len() == 4 && digits.starts_with(['1', '2']) && word.text.len() == 4;
            let named = previous.is_some_and(|p| NUMBER_NAMES.contains(&p));
            let date = previous.is_some_and(|p| MONTHS.contains(&p))
                || words
                    .get(i + 1)
                    .is_some_and(|next| MONTHS.contains(&next.text));
            let clock = word.text.contains('/') && word.text.len() <= 5;
            return !(year || named || date || clock);
        }
        lower_in(NUMBER_WORDS, lower.split('-').next().unwrap_or(&lower))
            && !(lower == "half" && previous.is_some_and(|p| p.eq_ignore_ascii_case("first")))
    })
}

/// Who a sentence attributes its content to, found at the verb of saying.
enum Attribution {
    None,
    /// A verb of saying or "according to" without a resolvable speaker.
    Anonymous,
    Speaker(String),
    /// "he said", "she told": the person last speaking or named.
    Pronoun,
    /// "they said": the group or organisation last speaking.
    Plural,
}

struct Context<'a> {
    body: &'a str,
    entities: &'a [Entity],
    sentence_start: usize,
}

// Entities are sorted and disjoint, so each lookup below starts from a
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

    /// A person or organisation named within the few words before word `verb`
    /// with no clause break between: the likely subject of a verb of saying.
    fn clause_entity_before(&self, words: &[Word<'_>], verb: usize) -> Option<&Entity> {
        let from = verb.saturating_sub(6);
        let window_start = words.get(from)?.start.max(self.sentence_start);
        let verb_start = words[verb].start;
        let candidates = self.ending_by(verb_start);
        let from = candidates.partition_point(|entity| entity.start < window_start);
        candidates[from..].iter().rfind(|entity| {
            entity.start >= window_start
                && entity.end <= verb_start
                && entity.kind != EntityType::Place
                && !self.body[entity.end..verb_start].contains([',', ';', '"', '“', '”', '—'])
        })
    }

    /// The organisation "the company", "the bank" or "the paper" refers to:
    /// the last one before `at` whose name fits the noun, else the last one.
    fn last_organization_before(&self, at: usize, noun: &str) -> Option<&Entity> {
        let media = [
            "Times", "Post", "Journal", "News", "Herald", "Tribune", "Gazette", "Press",
        ];
        let fits = |entity: &Entity| match noun {
            "paper" | "newspaper" => media.iter().any(|word| entity.canonical.contains(word)),
            "company" | "firm" | "group" | "corporation" => true,
            _ => entity.canonical.to_lowercase().contains(noun),
        };
        let before = |entity: &&Entity| entity.kind == EntityType::Organization;
        let earlier = self.ending_by(at);
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

    /// The subject noun phrase ending at word `index`: an entity, a group
    /// ("Senior U.S. officials"), "the company", or a pronoun.
    fn subject_at(&self, words: &[Word<'_>], index: usize) -> Option<Attribution> {
        let word = &words[index];
        let lower = word.text.to_lowercase();
        if matches!(lower.as_str(), "he" | "she") {
            return Some(Attribution::Pronoun);
        }
        if lower == "they" || lower == "it" {
            return Some(Attribution::Plural);
        }
        if lower_in(STATEMENT_NOUNS, &lower)
            && let Some(previous) = index.checked_sub(1).map(|p| &words[p])
            && let Some(entity) = self.entity_ending_at(previous.end)
            && entity.end + 1 < previous.end
        {
            return Some(Attribution::Speaker(entity.canonical.clone()));
        }
        let governed = |entity: &Entity| {
            // "acceptance by Moscow suggests": an entity after a preposition is
            // not the subject.
            let before = self.body[self.sentence_start..entity.start].trim_end();
            let last = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            lower_in(PREPOSITIONS, last)
        };
        if let Some(entity) = self
            .entity_ending_at(word.end)
            .filter(|entity| !governed(entity))
            && entity.end + 4 > word.end
        {
            return Some(Attribution::Speaker(entity.canonical.clone()));
        }
        let previous = index.checked_sub(1).map(|p| words[p].text.to_lowercase());
        if lower_in(ORGANIZATION_NOUNS, &lower)
            && previous.as_deref() == Some("the")
            && let Some(entity) = self.last_organization_before(word.start, &lower)
        {
            return Some(Attribution::Speaker(entity.canonical.clone()));
        }
        if lower_in(GROUP_NOUNS, &lower) {
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
                    && !lower_in(GROUP_STOPS, candidate.text)
                    && !lower_in(ATTRIBUTION_VERBS, candidate.text);
                if capital || lower_in(GROUP_MODIFIERS, candidate.text) {
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
            let according = before >= 2 && words[before - 2].text.eq_ignore_ascii_case("according");
            if before > 0 && lower_in(PREPOSITIONS, words[before - 1].text) && !according {
                return None;
            }
            let phrase = &self.body[words[first].start..word.end];
            return Some(Attribution::Speaker(
                phrase.split_whitespace().collect::<Vec<_>>().join(" "),
            ));
        }
        None
    }

    fn attribution(&self, words: &[Word<'_>], quotes: &[(usize, usize)]) -> Attribution {
        let outside = |word: &Word<'_>| {
            !quotes
                .iter()
                .any(|(s, e)| word.start >= *s && word.end <= *e)
        };
        let mut found = Attribution::None;
        for (i, word) in words.iter().enumerate() {
            if !outside(word) {
                continue;
            }
            let lower = word.text.to_lowercase();
            if lower == "according" && words.get(i + 1).is_some_and(|w| w.text == "to") {
                if let Some(next) = words.get(i + 2) {
                    let group_follows = (i + 2..words.len().min(i + 6))
                        .any(|j| lower_in(GROUP_NOUNS, words[j].text));
                    if !group_follows && let Some(entity) = self.entity_starting_at(next.start) {
                        return Attribution::Speaker(entity.canonical.clone());
                    }
                    // "according to U.S. officials": the group ends at a noun.
                    for j in i + 2..words.len().min(i + 7) {
                        if lower_in(GROUP_NOUNS, words[j].text)
                            && let Some(subject) = self.subject_at(words, j)
                        {
                            return subject;
                        }
                    }
                }
                return Attribution::Anonymous;
            }
            if !lower_in(ATTRIBUTION_VERBS, &lower) {
                continue;
            }
            if i > 0 && words[i - 1].text == "to" {
                // "Rubio was careful to underscore": the clause's named subject.
                if let Some(entity) = self.clause_entity_before(words, i) {
                    return Attribution::Speaker(entity.canonical.clone());
                }
                continue;
            }
            // "the paper quoted officials as saying": the quoted are the source.
            if lower == "quoted" {
                for k in i + 1..words.len().min(i + 5) {
                    if lower_in(GROUP_NOUNS, words[k].text)
                        && let Some(subject) = self.subject_at(words, k)
                    {
                        return subject;
                    }
                }
            }
            // Subject before the verb, over auxiliaries and adverbs.
            let mut j = i;
            while j > 0 {
                let previous = words[j - 1].text.to_lowercase();
                if matches!(
                    previous.as_str(),
                    "has"
                        | "have"
                        | "had"
                        | "also"
                        | "not"
                        | "later"
                        | "then"
                        | "previously"
                        | "publicly"
                        | "repeatedly"
                        | "reportedly"
                        | "would"
                        | "will"
                        | "did"
                        | "does"
                        | "do"
                        | "long"
                        | "already"
                        | "still"
                        | "now"
                        | "again"
                        | "never"
                        | "all"
                        | "both"
                        | "was"
                        | "were"
                ) || (previous.ends_with("ly") && previous.len() > 4)
                {
                    j -= 1;
                } else {
                    break;
                }
            }
            if j > 0 {
                let gap = &self.body[words[j - 1].end..words[j].start];
                if gap.trim().is_empty() || gap.trim() == "’s" || gap.trim() == "'s" {
                    if let Some(subject) = self.subject_at(words, j - 1) {
                        return subject;
                    }
                } else if gap.trim_end().ends_with(',') && !gap.contains(['”', '"']) {
                    // "Kyrylo Budanov, head of the office, announced": skip the apposition.
                    let clause_start = words[..j - 1].iter().rposition(|w| {
                        let after = &self.body[w.end..];
                        after.trim_start().starts_with(',')
                    });
                    if let Some(k) = clause_start
                        && let Some(subject) = self.subject_at(words, k)
                    {
                        return subject;
                    }
                }
            }
            // Inverted: "said Budanov", "said the official".
            let invertible = matches!(
                lower.as_str(),
                "said" | "says" | "told" | "added" | "adds" | "noted" | "wrote" | "quoted"
            ) && (lower == "quoted"
                || self.body[self.sentence_start..word.start]
                    .trim_end()
                    .ends_with([',', '"', '”', '’']));
            if invertible && let Some(next) = words.get(i + 1) {
                let group_follows =
                    (i + 1..words.len().min(i + 5)).any(|j| lower_in(GROUP_NOUNS, words[j].text));
                if !group_follows
                    && let Some(entity) = self.entity_starting_at(next.start)
                    && entity.start == next.start
                {
                    return Attribution::Speaker(entity.canonical.clone());
                }
                let mut k = i + 1;
                while k < words.len() && k < i + 5 {
                    if lower_in(GROUP_NOUNS, words[k].text)
                        && let Some(subject) = self.subject_at(words, k)
                    {
                        return subject;
                    }
                    if !(words[k].text.starts_with(char::is_uppercase)
                        || lower_in(GROUP_MODIFIERS, words[k].text)
                        || words[k].text == "the"
                        || words[k].text == "a")
                    {
                        break;
                    }
                    k += 1;
                }
            }
            if !lower_in(WEAK_ATTRIBUTION, &lower)
                && let Some(entity) = self.clause_entity_before(words, i)
            {
                return Attribution::Speaker(entity.canonical.clone());
            }
            if matches!(found, Attribution::None) && lower_in(STRONG_ATTRIBUTION, &lower) {
                found = Attribution::Anonymous;
            }
        }
        found
    }
}

fn is_heading_like(text: &str, words: &[Word<'_>]) -> bool {
    let terminated = text
        .trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', ';', ':']);
    if terminated {
        return false;
    }
    let long: Vec<&Word<'_>> = words.iter().filter(|w| w.text.len() >= 4).collect();
    let capitalised = long
        .iter()
        .filter(|w| w.text.starts_with(char::is_uppercase))
        .count();
    words.len() <= 12 || (!long.is_empty() && capitalised * 10 >= long.len() * 6)
}

/// Finds the sentence-level claims of one article.
pub fn detect(
    body: &str,
    blocks: &[Block],
    sentences: &[Sentence],
    entities: &[Entity],
) -> Vec<Claim> {
    let mut claims: Vec<Claim> = Vec::new();
    // Who spoke last, for "he said" and quotations running over sentences.
    let mut last_speaker: Option<(String, bool)> = None;
    let mut open_quote_block: Option<usize> = None;
    let mut previous_quote: Option<(usize, Option<String>)> = None;
    let people: std::collections::HashSet<&str> = entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .map(|e| e.canonical.as_str())
        .collect();
    for sentence in sentences {
        let Some(block) = blocks.get(sentence.block) else {
            continue;
        };
        if sentence.end > body.len() || sentence.start >= sentence.end {
            continue;
        }
        let raw = &body[sentence.start..sentence.end];
        let continues_quote = open_quote_block == Some(sentence.block);
        let quotes_in_sentence = raw.matches(['“', '”']).count() + raw.matches('"').count();
        let opens = raw.matches('“').count() > raw.matches('”').count()
            || (raw.matches('"').count() % 2 == 1 && !continues_quote);
        let closes = raw.matches('”').count() > raw.matches('“').count()
            || (raw.matches('"').count() % 2 == 1 && continues_quote);
        open_quote_block = if opens && !closes {
            Some(sentence.block)
        } else if closes {
            None
        } else {
            open_quote_block.filter(|b| *b == sentence.block)
        };
        if matches!(
            block.kind,
            BlockKind::Heading | BlockKind::Title | BlockKind::Boilerplate
        ) {
            continue;
        }
        let text = raw.trim();
        let words = words(body, sentence.start, sentence.end);
        let lower = text.to_lowercase();
        let question = text
            .trim_end_matches(['"', '”', '’', '\'', ')', ' '])
            .ends_with('?')
            || lower.starts_with("q:")
            || lower.starts_with("q.");
        if words.len() < 4
            || question
            || is_heading_like(text, &words)
            || BOILERPLATE.iter().any(|cue| lower.contains(cue))
        {
            continue;
        }
        let context = Context {
            body,
            entities,
            sentence_start: sentence.start,
        };
        let quotes = quoted_spans(raw, sentence.start);
        let quoted_words = words
            .iter()
            .filter(|w| quotes.iter().any(|(s, e)| w.start >= *s && w.end <= *e))
            .count();
        let quote = (quoted_words > 0 && quotes_in_sentence > 0) || continues_quote;
        let attribution = context.attribution(&words, &quotes);
        // A few quoted words with nobody saying them are a phrase being
        // discussed ("the "tremendous progress" is a testament"), not a quotation.
        let discussed_phrase = quote
            && !continues_quote
            && quoted_words <= 4
            && matches!(attribution, Attribution::None);
        let mut speaker = match attribution {
            Attribution::Speaker(ref name) => Some(name.clone()),
            Attribution::Pronoun => last_speaker
                .as_ref()
                .filter(|(_, person)| *person)
                .map(|(name, _)| name.clone())
                .or_else(|| {
                    let before = entities.partition_point(|e| e.end <= sentence.start);
                    entities[..before]
                        .iter()
                        .rfind(|e| e.kind == EntityType::Person)
                        .map(|e| e.canonical.clone())
                }),
            Attribution::Plural => last_speaker
                .as_ref()
                .filter(|(_, person)| !*person)
                .map(|(name, _)| name.clone()),
            Attribution::None | Attribution::Anonymous => None,
        };
        let attributed = !matches!(attribution, Attribution::None);
        // A quotation running on from the previous sentence keeps its speaker.
        let follows_quote = previous_quote
            .as_ref()
            .is_some_and(|(block, _)| *block == sentence.block);
        if speaker.is_none() && quote && !attributed && (continues_quote || follows_quote) {
            speaker = previous_quote
                .as_ref()
                .and_then(|(_, name)| name.clone())
                .or_else(|| last_speaker.as_ref().map(|(name, _)| name.clone()));
        }
        let statistic = is_statistic(&words, text);
        let hedged = words.iter().any(|w| {
            let lower = w.text.to_lowercase();
            lower_in(HEDGES, &lower) && !quotes.iter().any(|(s, e)| w.start >= *s && w.end <= *e)
        }) || speaker
            .as_deref()
            .and_then(|s| s.split_whitespace().next_back())
            .is_some_and(|noun| lower_in(HEDGING_SPEAKERS, noun));
        // Commentary: evaluative wording and nothing a reader could check.
        let evaluative = words
            .iter()
            .filter(|w| lower_in(EDITORIAL, &w.text.to_lowercase()))
            .count();
        let first_person = !quote
            && words
                .iter()
                .any(|w| matches!(w.text, "we" | "We" | "our" | "Our" | "us"));
        // Names are what make a sentence checkable; evaluative wording, an
        // opener pointing back at the previous sentence ("This development ...")
        // and a quoted phrase being characterised ("... is a testament") make it
        // commentary. Hedged speculation about outcomes stays a claim.
        // People and organisations named count fully, places at most once:
        // nearly every sentence of a story names its country.
        // Entities are sorted and disjoint: the sentence's are found by a
        // binary search, not by scanning the article's for every sentence.
        let first = entities.partition_point(|e| e.start < sentence.start);
        let mut named: Vec<(&str, bool)> = entities[first..]
            .iter()
            .take_while(|e| e.start < sentence.end)
            .filter(|e| e.end <= sentence.end)
            .map(|e| (e.canonical.as_str(), e.kind == EntityType::Place))
            .collect();
        named.sort_unstable();
        named.dedup();
        let actors = named.iter().filter(|(_, place)| !place).count();
        let substance = actors + usize::from(named.iter().any(|(_, place)| *place));
        let checkable = attributed || (quote && !discussed_phrase) || statistic;
        let anaphoric = words
            .first()
            .is_some_and(|w| lower_in(ANAPHORIC_OPENERS, w.text));
        let characterised =
            discussed_phrase && (lower.contains(" is a ") || lower.contains(" is an "));
        let weight =
            evaluative as isize + isize::from(anaphoric) - substance as isize - isize::from(hedged);
        let editorial = first_person
            || characterised
            || (evaluative >= 1
                && ((named.is_empty() && evaluative as isize - isize::from(hedged) >= 1)
                    || weight >= 1));
        if !checkable && editorial {
            previous_quote = None;
            continue;
        }
        let mut kinds = Vec::new();
        if quote {
            kinds.push(ClaimKind::Quote);
        }
        if attributed {
            kinds.push(ClaimKind::Attributed);
        }
        if statistic {
            kinds.push(ClaimKind::Statistic);
        }
        if hedged {
            kinds.push(ClaimKind::Hedged);
        }
        if !quote && !attributed {
            kinds.push(ClaimKind::Assertion);
        }
        if let Some(name) = &speaker {
            let person = people.contains(name.as_str());
            last_speaker = Some((name.clone(), person));
        }
        previous_quote = quote.then(|| (sentence.block, speaker.clone()));
        claims.push(Claim {
            start: sentence.start,
            end: sentence.end,
            text: raw.to_string(),
            kinds,
            speaker,
        });
    }
    claims
}

/// What `crossread claims` and the reader filter claims by.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Matches a speaker containing this text, or with the same name key.
    pub speaker: Option<String>,
    pub kind: Option<ClaimKind>,
    pub article: Option<String>,
}

/// A claim found in the corpus, with the article it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct ClaimHit<'a> {
    pub article_index: usize,
    pub claim: &'a Claim,
}

impl ClaimFilter {
    pub fn matches(&self, article_id: &str, claim: &Claim) -> bool {
        if self.article.as_deref().is_some_and(|id| id != article_id) {
            return false;
        }
        if self.kind.is_some_and(|kind| !claim.kinds.contains(&kind)) {
            return false;
        }
        match (&self.speaker, &claim.speaker) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(wanted), Some(speaker)) => {
                speaker.to_lowercase().contains(&wanted.to_lowercase())
                    || name_key(speaker).contains(&name_key(wanted))
            }
        }
    }
}

/// Every claim of the corpus that passes `filter`, in corpus order.
pub fn find_claims<'a>(corpus: &'a Corpus, filter: &ClaimFilter) -> Vec<ClaimHit<'a>> {
    corpus
        .articles
        .iter()
        .enumerate()
        .flat_map(|(article_index, article)| {
            article
                .claims
                .iter()
                .filter(move |claim| filter.matches(&article.id, claim))
                .map(move |claim| ClaimHit {
                    article_index,
                    claim,
                })
        })
        .collect()
}

#[cfg(test)]
mod tests;
