//! Entities: people, organisations and places.

use crate::model::{Block, Entity, Sentence};

/// Finds the entity mentions of one article.
pub fn detect(_body: &str, _blocks: &[Block], _sentences: &[Sentence]) -> Vec<Entity> {
    Vec::new()
}
