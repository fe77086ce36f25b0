//! Word-level differences between the cells of one row: a word is shared
//! wording when a diff (the `similar` crate, patience algorithm) against at
//! least one other cell keeps it; other content words are marked, and numbers
//! and entities no other cell gives are marked as such.

use super::{Cell, Mark, MarkKind};
use crate::compare::text::Token;
use crate::model::Corpus;
use crate::topics::CorpusIndex;
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::HashSet;

/// Fills `marks` of every cell; cells of a one-source row stay unmarked.
pub fn mark_differences(corpus: &Corpus, index: &CorpusIndex, cells: &mut [Cell]) {
    if cells.len() < 2 {
        return;
    }
    let tokens: Vec<Vec<&Token>> = cells
        .iter()
        .map(|cell| {
            cell.sentences
                .iter()
                .filter_map(|&s| index.sentences.get(cell.article)?.get(s))
                .flat_map(|s| s.tokens.iter())
                .collect()
        })
        .collect();
    let words: Vec<Vec<&str>> = tokens
        .iter()
        .map(|cell| cell.iter().map(|t| t.norm.as_str()).collect())
        .collect();
    let mut shared: Vec<Vec<bool>> = words.iter().map(|w| vec![false; w.len()]).collect();
    for a in 0..cells.len() {
        for b in a + 1..cells.len() {
            for op in capture_diff_slices(Algorithm::Patience, &words[a], &words[b]) {
                if let DiffOp::Equal {
                    old_index,
                    new_index,
                    len,
                } = op
                {
                    shared[a][old_index..old_index + len].fill(true);
                    shared[b][new_index..new_index + len].fill(true);
                }
            }
        }
    }

    let entity_spans: Vec<Vec<(usize, usize, String)>> = cells
        .iter()
        .map(|cell| cell_entities(corpus, cell))
        .collect();
    for (c, cell) in cells.iter_mut().enumerate() {
        let other_numbers: HashSet<&str> = tokens
            .iter()
            .enumerate()
            .filter(|(o, _)| *o != c)
            .flat_map(|(_, t)| t.iter().filter(|t| t.is_number).map(|t| t.norm.as_str()))
            .collect();
        let other_entities: HashSet<&str> = entity_spans
            .iter()
            .enumerate()
            .filter(|(o, _)| *o != c)
            .flat_map(|(_, e)| e.iter().map(|(_, _, name)| name.as_str()))
            .collect();
        let mut marks = Vec::new();
        for (t, token) in tokens[c].iter().enumerate() {
            let entity = entity_spans[c]
                .iter()
                .find(|(start, end, _)| token.start >= *start && token.end <= *end);
            let kind = if token.is_number && !other_numbers.contains(token.norm.as_str()) {
                Some(MarkKind::Number)
            } else if let Some((_, _, name)) = entity
                && !other_entities.contains(name.as_str())
            {
                Some(MarkKind::Entity)
            } else if !shared[c][t] && !token.is_stopword {
                Some(MarkKind::Differs)
            } else {
                None
            };
            if let Some(kind) = kind {
                marks.push(Mark {
                    start: token.start,
                    end: token.end,
                    kind,
                });
            }
        }
        cell.marks = marks;
    }
}

fn cell_entities(corpus: &Corpus, cell: &Cell) -> Vec<(usize, usize, String)> {
    let Some(article) = corpus.articles.get(cell.article) else {
        return Vec::new();
    };
    cell.sentences
        .iter()
        .filter_map(|&s| article.sentences.get(s))
        .flat_map(|sentence| {
            article
                .entities
                .iter()
                .filter(move |e| e.start >= sentence.start && e.end <= sentence.end)
        })
        .map(|e| (e.start, e.end, e.canonical.to_lowercase()))
        .collect()
}
