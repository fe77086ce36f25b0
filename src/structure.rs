//! Document structure: titles, headings, paragraphs, list items, boilerplate,
//! found as spans into the body without rewriting it.

use crate::load::Format;
use crate::model::{Block, BlockKind};

/// Splits `body` into ordered, non-overlapping blocks.
pub fn blocks(body: &str, _format: Format) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = offset + (line.len() - line.trim_start().len());
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                start,
                end: start + trimmed.len(),
            });
        }
        offset += line.len();
    }
    blocks
}
