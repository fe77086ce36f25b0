//! The pipeline that turns loaded documents into analysed articles.
//! Every front end gets its articles from here, so the TUI and `--json` agree.

use crate::load::{self, Document, LoadReport};
use crate::model::{Article, BlockKind, Corpus};
use crate::{claims, entities, sentences, structure};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("no readable article in {0}")]
    NothingReadable(String),
}

/// Structure, sentences, entities and claims of one document.
pub fn analyze_document(document: Document) -> Article {
    let blocks = match document.markup_blocks {
        Some(blocks) => blocks,
        None => structure::blocks(&document.body, document.format),
    };
    let sentences = sentences::split(&document.body, &blocks);
    let entities = entities::detect(&document.body, &blocks, &sentences);
    let claims = claims::detect(&document.body, &blocks, &sentences, &entities);
    let title = document.title.unwrap_or_else(|| {
        blocks
            .iter()
            .find(|block| block.kind != BlockKind::Boilerplate)
            .map(|block| {
                document.body[block.start..block.end]
                    .chars()
                    .take(80)
                    .collect()
            })
            .unwrap_or_else(|| document.id.clone())
    });
    Article {
        id: document.id,
        title,
        source: document.source,
        date: document.date,
        url: document.url,
        origin: document.origin,
        body: document.body,
        blocks,
        sentences,
        entities,
        claims,
    }
}

/// Analyses every document of a load report into a corpus.
pub fn analyze_report(report: LoadReport) -> Corpus {
    let mut articles: Vec<Article> = report.documents.into_iter().map(analyze_document).collect();
    entities::link_corpus(&mut articles);
    Corpus {
        articles,
        warnings: report.warnings,
    }
}

/// The corpus a front end opens: the built-in articles when `paths` is empty,
/// else the user's files. Fails only when no article at all could be read.
pub fn open_corpus(paths: &[PathBuf]) -> Result<Corpus, CorpusError> {
    let report = if paths.is_empty() {
        LoadReport {
            documents: load::builtin(),
            warnings: Vec::new(),
        }
    } else {
        load::load_paths(paths)
    };
    let corpus = analyze_report(report);
    if corpus.articles.is_empty() {
        let names: Vec<String> = paths
            .iter()
            .map(|path| path.display().to_string())
            .collect();
        return Err(CorpusError::NothingReadable(names.join(", ")));
    }
    Ok(corpus)
}
