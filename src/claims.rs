//! Claims: quotes, attributed statements, figures, hedged speculation.

use crate::model::{Block, Claim, Entity, Sentence};

/// Finds the sentence-level claims of one article.
pub fn detect(
    _body: &str,
    _blocks: &[Block],
    _sentences: &[Sentence],
    _entities: &[Entity],
) -> Vec<Claim> {
    Vec::new()
}
