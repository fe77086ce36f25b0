//! The prepared index: every sentence of a corpus folded and lower-cased once,
//! in a few contiguous buffers, so a keystroke only matches.

use super::fold::{Folded, fold};
use crate::model::{BlockKind, ClaimKind, Corpus};
use std::collections::HashMap;
use std::sync::Arc;

pub(crate) const FLAG_TITLE: u8 = 1;
pub(crate) const FLAG_QUOTE: u8 = 2;

/// Marks an entry whose original text is ASCII: folded char n is original byte n.
pub(crate) const IDENTITY_MAP: usize = usize::MAX;

/// What search keeps of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleInfo {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    pub(crate) title_folded: Folded,
    pub(crate) source_folded: Folded,
}

/// One searchable sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub article: u32,
    /// Index into the article's `sentences`.
    pub sentence: u32,
    /// Byte offsets of the sentence in the article body.
    pub start: usize,
    pub end: usize,
    /// Spans in [`SearchIndex`]'s buffers: `(offset, length)`.
    pub original: (usize, usize),
    pub folded: (usize, usize),
    pub lower: (usize, usize),
    /// Offset of this entry's char map in `maps`, or [`IDENTITY_MAP`].
    pub map: usize,
    /// Number of folded chars (the length of the char map).
    pub chars: usize,
    pub flags: u8,
    /// Span in `entry_speakers`.
    pub speakers: (usize, usize),
}

/// All sentences of a corpus, prepared for matching.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchIndex {
    pub(crate) articles: Vec<ArticleInfo>,
    pub(crate) entries: Vec<Entry>,
    pub(crate) original: String,
    pub(crate) folded: String,
    pub(crate) lower: String,
    pub(crate) maps: Vec<u32>,
    pub(crate) entry_speakers: Vec<u32>,
    /// Speaker names, folded (case kept and lower-cased).
    pub(crate) speakers: Vec<Folded>,
}

/// One sentence of the index, as a front end shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryView<'a> {
    pub article_index: usize,
    pub article: &'a ArticleInfo,
    pub sentence_index: usize,
    pub start: usize,
    pub end: usize,
    /// The sentence as it is in the body.
    pub text: &'a str,
}

fn span(buffer: &str, (offset, length): (usize, usize)) -> &str {
    buffer.get(offset..offset + length).unwrap_or("")
}

impl SearchIndex {
    /// Prepares every non-blank sentence of `corpus`, in article order.
    pub fn build(corpus: &Corpus) -> SearchIndex {
        let mut index = SearchIndex::default();
        let mut speaker_ids: HashMap<Arc<str>, u32> = HashMap::new();
        for (article_index, article) in corpus.articles.iter().enumerate() {
            let article_number = u32::try_from(article_index).unwrap_or(u32::MAX);
            index.articles.push(ArticleInfo {
                id: article.id.clone(),
                title: article.title.clone(),
                source: article.source.clone(),
                title_folded: fold(&article.title),
                source_folded: fold(article.source.as_deref().unwrap_or("")),
            });
            let mut flags = vec![0u8; article.sentences.len()];
            let mut speakers: Vec<Vec<u32>> = vec![Vec::new(); article.sentences.len()];
            for claim in &article.claims {
                let first = article.sentences.partition_point(|s| s.end <= claim.start);
                let speaker = claim.speaker.as_ref().map(|name| {
                    let next = u32::try_from(speaker_ids.len()).unwrap_or(u32::MAX);
                    *speaker_ids.entry(name.clone()).or_insert_with(|| {
                        index.speakers.push(fold(name));
                        next
                    })
                });
                for number in first..article.sentences.len() {
                    if article.sentences[number].start >= claim.end.max(claim.start + 1) {
                        break;
                    }
                    if claim.kinds.contains(ClaimKind::Quote) {
                        flags[number] |= FLAG_QUOTE;
                    }
                    if let Some(id) = speaker
                        && !speakers[number].contains(&id)
                    {
                        speakers[number].push(id);
                    }
                }
            }
            for (number, sentence) in article.sentences.iter().enumerate() {
                let text = article.sentence_text(sentence);
                if text.trim().is_empty() {
                    continue;
                }
                let mut entry_flags = flags[number];
                if article
                    .blocks
                    .get(sentence.block)
                    .is_some_and(|block| block.kind == BlockKind::Title)
                {
                    entry_flags |= FLAG_TITLE;
                }
                index.push_entry(
                    article_number,
                    u32::try_from(number).unwrap_or(u32::MAX),
                    (sentence.start, sentence.end),
                    text,
                    entry_flags,
                    &speakers[number],
                );
            }
        }
        index
    }

    fn push_entry(
        &mut self,
        article: u32,
        sentence: u32,
        (start, end): (usize, usize),
        text: &str,
        flags: u8,
        speakers: &[u32],
    ) {
        let folded = fold(text);
        let map = if text.is_ascii() {
            IDENTITY_MAP
        } else {
            let offset = self.maps.len();
            self.maps.extend_from_slice(&folded.map);
            offset
        };
        let entry = Entry {
            article,
            sentence,
            start,
            end,
            original: (self.original.len(), text.len()),
            folded: (self.folded.len(), folded.folded.len()),
            lower: (self.lower.len(), folded.lower.len()),
            map,
            chars: folded.map.len(),
            flags,
            speakers: (self.entry_speakers.len(), speakers.len()),
        };
        self.original.push_str(text);
        self.folded.push_str(&folded.folded);
        self.lower.push_str(&folded.lower);
        self.entry_speakers.extend_from_slice(speakers);
        self.entries.push(entry);
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn articles(&self) -> &[ArticleInfo] {
        &self.articles
    }

    /// The entry as a front end shows it; `None` when out of range.
    pub fn view(&self, entry: u32) -> Option<EntryView<'_>> {
        let item = self.entries.get(entry as usize)?;
        let article_index = item.article as usize;
        Some(EntryView {
            article_index,
            article: self.articles.get(article_index)?,
            sentence_index: item.sentence as usize,
            start: item.start,
            end: item.end,
            text: span(&self.original, item.original),
        })
    }

    pub(crate) fn folded_text(&self, entry: &Entry) -> &str {
        span(&self.folded, entry.folded)
    }

    pub(crate) fn lower_text(&self, entry: &Entry) -> &str {
        span(&self.lower, entry.lower)
    }

    pub(crate) fn entry_speakers(&self, entry: &Entry) -> &[u32] {
        let (offset, length) = entry.speakers;
        self.entry_speakers
            .get(offset..offset + length)
            .unwrap_or(&[])
    }

    /// The original byte offset (within the sentence) of folded char `index`.
    pub(crate) fn original_offset(&self, entry: &Entry, index: usize) -> Option<usize> {
        if entry.map == IDENTITY_MAP {
            return (index < entry.original.1).then_some(index);
        }
        if index >= entry.chars {
            return None;
        }
        self.maps.get(entry.map + index).map(|&at| at as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::open_corpus;

    #[test]
    fn every_sentence_keeps_its_original_text() {
        let corpus = open_corpus(&[]).expect("built-in corpus");
        let index = SearchIndex::build(&corpus);
        assert!(!index.is_empty());
        for number in 0..index.len() {
            let view = index.view(number as u32).expect("entry");
            let article = &corpus.articles[view.article_index];
            assert_eq!(view.text, &article.body[view.start..view.end]);
            assert_eq!(
                article.sentences[view.sentence_index].start, view.start,
                "sentence index points at the same sentence"
            );
        }
    }

    #[test]
    fn non_ascii_sentences_map_back_to_char_boundaries() {
        let corpus = open_corpus(&[]).expect("built-in corpus");
        let index = SearchIndex::build(&corpus);
        let entry = index
            .entries
            .iter()
            .find(|entry| entry.map != IDENTITY_MAP)
            .expect("the built-in articles use typographic quotes");
        let text = span(&index.original, entry.original);
        for char_index in 0..index.lower_text(entry).chars().count() {
            let at = index.original_offset(entry, char_index).expect("mapped");
            assert!(text.is_char_boundary(at));
        }
    }
}
