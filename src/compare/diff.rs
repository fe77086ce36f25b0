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

/// Rows with at most this many cells diff every pair of cells.
const ALL_PAIRS_UP_TO: usize = 6;

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
        .map(|cell| cell.iter().map(|t| &*t.norm).collect())
        .collect();
    let mut shared: Vec<Vec<bool>> = words.iter().map(|w| vec![false; w.len()]).collect();
    for (a, b) in diff_pairs(corpus, cells, &words) {
        {
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
            .flat_map(|(_, t)| t.iter().filter(|t| t.is_number).map(|t| &*t.norm))
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
            let kind = if token.is_number && !other_numbers.contains(&*token.norm) {
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

/// Cell pairs to diff: all pairs in a small row; in a wide row each cell
/// against the longest cell (ties to the smaller article id, so the choice
/// does not depend on source order), which keeps the work linear.
fn diff_pairs(corpus: &Corpus, cells: &[Cell], words: &[Vec<&str>]) -> Vec<(usize, usize)> {
    if cells.len() <= ALL_PAIRS_UP_TO {
        return (0..cells.len())
            .flat_map(|a| (a + 1..cells.len()).map(move |b| (a, b)))
            .collect();
    }
    let id = |c: usize| {
        corpus
            .articles
            .get(cells[c].article)
            .map_or("", |a| a.id.as_str())
    };
    let reference = (0..cells.len())
        .min_by(|&a, &b| {
            words[b]
                .len()
                .cmp(&words[a].len())
                .then_with(|| id(a).cmp(id(b)))
        })
        .unwrap_or(0);
    (0..cells.len())
        .filter(|&c| c != reference)
        .map(|c| (reference.min(c), reference.max(c)))
        .collect()
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
