//! Claims: sentence-level records of what an article states, with their kinds
//! (direct quote, attributed, statistic, hedged, bare assertion) and speaker.
//!
//! The rules are English reporting conventions: verbs of saying and their
//! subjects ("officials said", "said Smith", "according to"), hedging words,
//! number patterns. Headings, boilerplate, questions, fragments and editorial
//! commentary (evaluation with nothing checkable in it) are not claims.

mod speaker;

use crate::entities::name_key;
use crate::lexicon::{
    self, ANAPHORIC_OPENERS, HEDGING_SPEAKERS, MONTHS, NUMBER_NAMES, NUMBER_WORDS,
};
use crate::model::{
    Block, BlockKind, Claim, ClaimKind, ClaimKinds, Corpus, Entity, EntityType, Sentence,
};
use speaker::{Attribution, Context};
use std::borrow::Cow;
use std::sync::Arc;

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

/// `text.to_lowercase()`, borrowed when that changes nothing (ASCII with no
/// capital, most words): the rules lower every word of every sentence.
fn lowercase(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Owned(text.to_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

/// Byte ranges inside double quotation marks (curly or straight), in order.
/// `open` says a quotation runs in from the previous sentence: the text up
/// to the first closing mark is quoted.
fn quoted_spans(text: &str, offset: usize, open: bool) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = open.then_some(0);
    for (at, c) in text.char_indices() {
        match (open, c) {
            (None, '“' | '"') => open = Some(at + c.len_utf8()),
            (Some(start), '”' | '"') => {
                spans.push((offset + start, offset + at));
                open = None;
            }
            // A new paragraph of a quotation reopens it ("“... \n\n“...").
            (Some(_), '“') => {}
            _ => {}
        }
    }
    if let Some(start) = open {
        spans.push((offset + start, offset + text.len()));
    }
    spans
}

/// Whether a quotation is still open after `text`, given whether it was
/// open before.
fn quote_open_after(text: &str, mut open: bool) -> bool {
    for c in text.chars() {
        match c {
            '“' => open = true,
            '”' => open = false,
            '"' => open = !open,
            _ => {}
        }
    }
    open
}

/// A quotation open at the end of one paragraph runs on into the next when
/// that paragraph reopens it (news style: “... no closing mark, then “...)
/// or closes it before opening another.
fn quote_runs_into(text: &str) -> bool {
    let text = text.trim_start();
    if text.starts_with(['“', '"']) {
        return true;
    }
    let close = text.find('”');
    let reopen = text.find('“');
    close.is_some_and(|close| reopen.is_none_or(|reopen| close < reopen))
}

/// The quotations of an article: each sentence's spans inside quotation
/// marks, a quotation left open running on through its paragraph and into
/// the next one that carries it on, as [`detect`] reads them. Spans are
/// `(sentence index, start, end)`, byte offsets into `body`.
pub fn quotations(
    body: &str,
    blocks: &[Block],
    sentences: &[Sentence],
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut quote_state: Option<usize> = None;
    for (index, sentence) in sentences.iter().enumerate() {
        let (Some(raw), Some(block)) = (
            body.get(sentence.start..sentence.end),
            blocks.get(sentence.block),
        ) else {
            continue;
        };
        let first_in_block = quote_state.is_some_and(|block| block != sentence.block);
        let continues_quote = match quote_state {
            Some(block) if block == sentence.block => true,
            Some(_) => quote_runs_into(body.get(block.start..block.end).unwrap_or("")),
            None => false,
        };
        let reopened = first_in_block && continues_quote && raw.trim_start().starts_with('"');
        let open = continues_quote && !reopened;
        quote_state = quote_open_after(raw, open).then_some(sentence.block);
        for (start, end) in quoted_spans(raw, sentence.start, open) {
            out.push((index, start, end));
        }
    }
    out
}

/// Whether a sentence hedges what it states, by the rule claims are marked
/// hedged with, for sentences that are not claims.
pub fn hedges_statement(text: &str) -> bool {
    let words = words(text, 0, text.len());
    (0..words.len()).any(|at| hedges(&words, at))
}

/// Whether the word at `at` hedges what the sentence states. A hedge inside
/// a quotation counts: the speaker hedged. Not a hedge: "could" of what
/// people perceived ("sirens could be heard", "could see smoke"), and the
/// idiom "as soon as possible" / "as best as he could", which qualifies a
/// manner, not the truth of the statement.
fn hedges(words: &[Word<'_>], at: usize) -> bool {
    let word = lowercase(words[at].text);
    if !lexicon::HEDGING.contains(&word) {
        return false;
    }
    let is = |offset: usize, list: &[&str]| {
        words
            .get(at + offset)
            .is_some_and(|w| lower_in(list, w.text))
    };
    const PERCEIVED: &[&str] = &[
        "see", "seen", "hear", "heard", "feel", "felt", "smell", "smelled", "watch", "watched",
    ];
    let perceived = word == "could" && (is(1, PERCEIVED) || (is(1, &["be"]) && is(2, PERCEIVED)));
    // "as <adverb or adjective> as possible", "as best as he could".
    let as_as = (3..=4).any(|back| {
        at >= back
            && words[at - back].text.eq_ignore_ascii_case("as")
            && words[at - back + 2].text.eq_ignore_ascii_case("as")
    });
    !(perceived || as_as)
}

fn is_statistic(words: &[Word<'_>], text: &str) -> bool {
    if text.contains('%') || text.contains('$') || text.contains('£') || text.contains('€') {
        return true;
    }
    words.iter().enumerate().any(|(i, word)| {
        let lower = lowercase(word.text);
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

/// A quotation that ended without naming its speaker: its opening sentence
/// stays unattributed, the sentences running on from it take the speaker
/// who spoke before it (usually the same voice going on). A paragraph of
/// quotation right after a sentence that credits its speaker ("X said the
/// berth was smaller. ¶ “We have listened ...") is all that speaker's.
/// Who a "he" or "she" is, of the people the story spoke of last and who
/// `fits`: one who became the subject of a sentence after the last speaker
/// spoke, else the last speaker, if a person.
fn pronoun_referent(
    subject_since: &Option<Arc<str>>,
    last_speaker: &Option<(Arc<str>, bool)>,
    fits: &dyn Fn(&Arc<str>) -> bool,
) -> Option<Arc<str>> {
    subject_since.clone().filter(|name| fits(name)).or_else(|| {
        last_speaker
            .as_ref()
            .filter(|(name, person)| *person && fits(name))
            .map(|(name, _)| name.clone())
    })
}

fn settle_uncredited(
    claims: &mut [Claim],
    unsaid: &mut Vec<usize>,
    fallback: &Option<Arc<str>>,
    follows_credit: bool,
) {
    for &index in unsaid.iter().skip(usize::from(!follows_credit)) {
        if claims[index].speaker.is_none() {
            claims[index].speaker = fallback.clone();
        }
    }
    unsaid.clear();
}

/// Finds the sentence-level claims of one article.
pub fn detect(
    body: &str,
    blocks: &[Block],
    sentences: &[Sentence],
    entities: &[Entity],
) -> Vec<Claim> {
    let mut claims: Vec<Claim> = Vec::new();
    // Whether a speaker's name is a person's, asked once per claim.
    let people: std::collections::HashSet<&str> = entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .map(|e| &*e.canonical)
        .collect();
    // Who spoke last, for "he said" and quotations running over sentences.
    let mut last_speaker: Option<(Arc<str>, bool)> = None;
    // Whether a quotation is open, and in which block it was last seen.
    let mut quote_state: Option<usize> = None;
    let mut previous_quote: Option<(usize, Option<Arc<str>>)> = None;
    // Claims of the current quotation still waiting for its speaker, who may
    // be named only where the quotation ends ("“A. B. C,” said X.").
    let mut unsaid: Vec<usize> = Vec::new();
    let mut awaiting_credit = false;
    // Who spoke before the current quotation began.
    let mut run_fallback: Option<Arc<str>> = None;
    // Whether that quotation opened a paragraph right after a sentence that
    // credited the speaker who spoke before it.
    let mut run_follows_credit = false;
    // Whether the sentence before this one is a claim with a speaker.
    let mut credited_last = false;
    // A person a sentence opened with since the last speaker spoke.
    let mut subject_since: Option<Arc<str>> = None;
    // A group or organisation a sentence opened with, for "it" and "they".
    let mut group_since: Option<Arc<str>> = None;
    // The person a sentence just before, in the same paragraph, was about
    // ("Asked about bills, she paused."), for a quotation after it that
    // names nobody ("“Yes, they will rise.”").
    let mut introducer: Option<(usize, Arc<str>)> = None;
    for sentence in sentences {
        let introduced_by = introducer.take();
        let Some(block) = blocks.get(sentence.block) else {
            continue;
        };
        if sentence.end > body.len() || sentence.start >= sentence.end {
            continue;
        }
        let raw = &body[sentence.start..sentence.end];
        let credited_before = std::mem::take(&mut credited_last);
        let first_in_block = quote_state.is_some_and(|block| block != sentence.block);
        let continues_quote = match quote_state {
            Some(block) if block == sentence.block => true,
            Some(_) => quote_runs_into(&body[block.start..block.end.max(block.start)]),
            None => false,
        };
        if first_in_block && continues_quote {
            // The paragraph carries the quotation on: its sentences are the
            // same speaker's words.
            if let Some((block, _)) = previous_quote.as_mut() {
                *block = sentence.block;
            }
        }
        let quotes_in_sentence = raw.matches(['“', '”']).count() + raw.matches('"').count();
        let reopened = first_in_block && continues_quote && raw.trim_start().starts_with('"');
        quote_state = quote_open_after(raw, continues_quote && !reopened).then_some(sentence.block);
        // “...,” then a line break before "said X": the credit is still to come.
        if !continues_quote && !awaiting_credit {
            settle_uncredited(&mut claims, &mut unsaid, &run_fallback, run_follows_credit);
        }
        let awaits = awaiting_credit;
        awaiting_credit = false;
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
            || crate::structure::is_furniture(text)
            || question
            || is_heading_like(text, &words)
            || lexicon::has_page_line_cue(&lower)
        {
            continue;
        }
        let context = Context {
            body,
            entities,
            sentence_start: sentence.start,
            speaking: last_speaker
                .as_ref()
                .filter(|(_, person)| !*person)
                .map(|(name, _)| &**name),
        };
        let quotes = quoted_spans(raw, sentence.start, continues_quote && !reopened);
        // Who this sentence is about, for a "he" or "she" further on.
        let opener = context.sentence_subject(&words);
        let subject = opener
            .filter(|entity| entity.kind == EntityType::Person)
            .map(|entity| entity.canonical.clone());
        // "The regime declared ...": a group, named or by its noun.
        let group = opener
            .filter(|entity| entity.kind == EntityType::Organization)
            .map(|entity| entity.canonical.clone())
            .or_else(|| match words.as_slice() {
                [the, noun, ..]
                    if the.text == "The"
                        && (lexicon::SPEAKERS.contains(&lowercase(noun.text))
                            || lower_in(lexicon::INSTITUTION_NOUNS, noun.text))
                        && !noun.text.ends_with('s') =>
                {
                    Some(format!("the {}", noun.text).into())
                }
                _ => None,
            });
        let quoted_words = words
            .iter()
            .filter(|w| quotes.iter().any(|(s, e)| w.start >= *s && w.end <= *e))
            .count();
        let quote = (quoted_words > 0 && quotes_in_sentence > 0) || continues_quote;
        let attribution = context.attribution(&words, &quotes);
        if !quote {
            let pronoun_subject = match words.as_slice() {
                [first, ..] if matches!(first.text, "He" | "She") => true,
                // "Asked whether ..., she paused": the subject after an
                // opening participle's clause.
                [first, rest @ ..] if first.text.ends_with("ed") || first.text.ends_with("ing") => {
                    rest.iter().any(|word| {
                        matches!(word.text, "he" | "she")
                            && body[..word.start].trim_end().ends_with(',')
                    })
                }
                _ => false,
            };
            let person = if pronoun_subject {
                pronoun_referent(&subject_since, &last_speaker, &|_| true)
            } else {
                subject.clone()
            };
            introducer = person.map(|name| (sentence.block, name));
        }
        // A few quoted words with nobody saying them are a phrase being
        // discussed ("the "tremendous progress" is a testament"), not a quotation.
        let discussed_phrase = quote
            && !continues_quote
            && quoted_words <= 4
            && matches!(attribution, Attribution::None);
        let mut speaker = match attribution {
            Attribution::Speaker(ref name) => Some(name.clone()),
            // The nearest person who fits: one who became the subject of a
            // sentence after the last speaker spoke, else the last speaker,
            // else the last person named.
            Attribution::Pronoun | Attribution::QuotedPronoun => {
                let quoting = opener
                    .filter(|_| matches!(attribution, Attribution::QuotedPronoun))
                    .map(|entity| &entity.canonical);
                let fits = |name: &Arc<str>| quoting != Some(name);
                pronoun_referent(&subject_since, &last_speaker, &fits).or_else(|| {
                    let before = entities.partition_point(|e| e.end <= sentence.start);
                    entities[..before]
                        .iter()
                        .rfind(|e| e.kind == EntityType::Person && fits(&e.canonical))
                        .map(|e| e.canonical.clone())
                })
            }
            Attribution::Plural => last_speaker
                .as_ref()
                .filter(|(_, person)| !*person)
                .map(|(name, _)| name.clone())
                .or_else(|| group_since.clone()),
            Attribution::Issuer => last_speaker
                .as_ref()
                .map(|(name, _)| name.clone())
                .or_else(|| group_since.clone()),
            Attribution::None | Attribution::Anonymous => None,
        };
        let attributed = !matches!(attribution, Attribution::None);
        // A quotation running on from the previous sentence keeps its speaker.
        let follows_quote = previous_quote
            .as_ref()
            .is_some_and(|(block, _)| *block == sentence.block);
        if speaker.is_none() && quote && !attributed && (continues_quote || follows_quote) {
            // Still waiting for the credit: the sentence joins the others;
            // a quotation that never names its speaker falls back to the
            // last one (see `settle_uncredited`).
            speaker = previous_quote.as_ref().and_then(|(_, name)| name.clone());
        }
        let opens_with_quotation = raw.trim_start().starts_with(['“', '"']);
        if speaker.is_none()
            && quote
            && !attributed
            && !continues_quote
            && opens_with_quotation
            && let Some((_, name)) = introduced_by.filter(|(block, _)| *block == sentence.block)
        {
            speaker = Some(name);
        }
        if quote && unsaid.is_empty() && speaker.is_none() {
            run_fallback = last_speaker.as_ref().map(|(name, _)| name.clone());
            let opens_paragraph = block.start == sentence.start
                || body
                    .get(block.start..sentence.start)
                    .is_some_and(|gap| gap.trim().is_empty());
            run_follows_credit = credited_before
                && opens_paragraph
                && !continues_quote
                && raw.trim_start().starts_with(['“', '"']);
        }
        let statistic = is_statistic(&words, text);
        let hedged = (0..words.len()).any(|at| hedges(&words, at))
            || speaker
                .as_deref()
                .and_then(|s| s.split_whitespace().next_back())
                .is_some_and(|noun| lower_in(HEDGING_SPEAKERS, noun));
        // Commentary: evaluative wording and nothing a reader could check.
        let evaluative = words
            .iter()
            .filter(|w| lexicon::EDITORIAL_WORDS.contains(w.text))
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
            .map(|e| (&*e.canonical, e.kind == EntityType::Place))
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
        let mut kinds = ClaimKinds::default();
        if quote {
            kinds.insert(ClaimKind::Quote);
        }
        if attributed {
            kinds.insert(ClaimKind::Attributed);
        }
        if statistic {
            kinds.insert(ClaimKind::Statistic);
        }
        if hedged {
            kinds.insert(ClaimKind::Hedged);
        }
        if !quote && !attributed {
            kinds.insert(ClaimKind::Assertion);
        }
        if let Some(name) = &speaker {
            // "a bank official said ... She said": one person named by role.
            let person = people.contains(&**name)
                || name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|noun| lower_in(lexicon::PERSON_SPEAKER_NOUNS, noun));
            last_speaker = Some((name.clone(), person));
            subject_since = None;
            group_since = None;
        } else if subject.is_some() {
            subject_since = subject;
        } else if group.is_some() {
            group_since = group;
        }
        if (quote || awaits)
            && let Some(name) = &speaker
        {
            for &index in &unsaid {
                claims[index].speaker = Some(name.clone());
            }
            unsaid.clear();
        } else if quote && !attributed {
            unsaid.push(claims.len());
            awaiting_credit = raw.contains(",”") || raw.contains(",\"");
        } else {
            settle_uncredited(&mut claims, &mut unsaid, &run_fallback, run_follows_credit);
        }
        previous_quote = quote.then(|| (sentence.block, speaker.clone()));
        credited_last = speaker.is_some();
        claims.push(Claim {
            start: sentence.start,
            end: sentence.end,
            kinds,
            speaker,
        });
    }
    settle_uncredited(&mut claims, &mut unsaid, &run_fallback, run_follows_credit);
    // Kept with the article for the whole session: no room to spare.
    claims.shrink_to_fit();
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
        if self.kind.is_some_and(|kind| !claim.kinds.contains(kind)) {
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
