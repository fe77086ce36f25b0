//! The terminal reader. Draws what the engine computed; holds no text logic.

use crate::model::Corpus;

pub fn run(corpus: Corpus) -> anyhow::Result<()> {
    anyhow::bail!(
        "the reader is not built yet ({} articles loaded)",
        corpus.articles.len()
    )
}
