//! Sentence segmentation for news text.

use crate::model::{Block, Sentence};

/// Splits every block of `body` into sentences.
pub fn split(body: &str, blocks: &[Block]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let text = &body[block.start..block.end];
        let mut start = 0;
        for (at, _) in text.match_indices(". ") {
            sentences.push(Sentence {
                start: block.start + start,
                end: block.start + at + 1,
                block: index,
            });
            start = at + 2;
        }
        if start < text.len() {
            sentences.push(Sentence {
                start: block.start + start,
                end: block.end,
                block: index,
            });
        }
    }
    sentences
}
