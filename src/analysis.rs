//! The pipeline that turns loaded documents into analysed articles.
//! Every front end gets its articles from here, so the TUI and `--json` agree.

use crate::load::{self, Document, LoadReport};
use crate::model::{Article, Block, BlockKind, Corpus, Sentence};
use crate::{claims, entities, sentences, structure};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The paths and reasons, already made safe to print ([`crate::sanitize::for_terminal`]).
    #[error("no readable article in {0}")]
    NothingReadable(String),
}

/// Structure, sentences, entities and claims of one document.
pub fn analyze_document(document: Document) -> Article {
    let mut blocks = match document.markup_blocks {
        Some(blocks) => blocks,
        None => structure::blocks(&document.body, document.format),
    };
    if let Some(title) = &document.title {
        structure::mark_repeated_title(&document.body, &mut blocks, title);
    }
    let sentences = sentences::split(&document.body, &blocks);
    let entities = entities::detect(&document.body, &blocks, &sentences);
    let claims = claims::detect(&document.body, &blocks, &sentences, &entities);
    let title = document
        .title
        .map(|title| one_line(&title))
        .filter(|title| !title.is_empty())
        .or_else(|| derived_title(&document.body, &blocks, &sentences))
        .unwrap_or_else(|| document.id.clone());
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

/// An article analysed from plain text, as unit tests across the engine
/// build their invented corpora.
#[cfg(test)]
pub(crate) fn article_from_text(id: &str, body: &str) -> Article {
    analyze_document(Document {
        id: id.to_string(),
        title: None,
        source: None,
        date: None,
        url: None,
        origin: crate::model::Origin::Builtin("test"),
        body: body.to_string(),
        format: crate::load::Format::Text,
        markup_blocks: None,
    })
}

/// Longest derived title, in characters, before it is shortened at a word.
const TITLE_CHARS: usize = 90;

/// A title for an article that has none: its headline-like first line, else
/// its first sentence, shortened at a word boundary.
fn derived_title(body: &str, blocks: &[Block], sentences: &[Sentence]) -> Option<String> {
    let headline = blocks
        .iter()
        .find(|block| block.kind == BlockKind::Title)
        .map(|block| (block.start, block.end));
    let first = sentences
        .first()
        .map(|sentence| (sentence.start, sentence.end));
    let (start, end) = headline.or(first)?;
    let text = one_line(body.get(start..end)?);
    if text.chars().count() <= TITLE_CHARS {
        return (!text.is_empty()).then_some(text);
    }
    let cut: String = text.chars().take(TITLE_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > TITLE_CHARS / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    Some(format!(
        "{}\u{2026}",
        cut.trim_end_matches([',', ';', ':', ' ', '-'])
    ))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Analyses every document of a load report into a corpus, on every core:
/// documents are independent until the corpus-wide linking.
pub fn analyze_report(report: LoadReport) -> Corpus {
    let mut articles = analyze_all(report.documents);
    entities::link_corpus(&mut articles);
    Corpus {
        articles,
        warnings: report.warnings,
    }
}

/// Documents per thread below which starting threads costs more than it saves.
const DOCUMENTS_PER_THREAD: usize = 32;

fn analyze_all(documents: Vec<Document>) -> Vec<Article> {
    crate::parallel::in_runs(documents, DOCUMENTS_PER_THREAD, |run| {
        run.into_iter().map(analyze_document).collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// The corpus a front end opens: the built-in articles when `paths` is empty,
/// else the user's files. Fails only when no article at all could be read.
pub fn open_corpus(paths: &[PathBuf]) -> Result<Corpus, CorpusError> {
    open_corpus_with(paths, &load::Progress::default())
}

/// [`open_corpus`], telling `progress` how far the reading got.
pub fn open_corpus_with(
    paths: &[PathBuf],
    progress: &load::Progress,
) -> Result<Corpus, CorpusError> {
    let report = if paths.is_empty() {
        LoadReport {
            documents: load::builtin(),
            warnings: Vec::new(),
        }
    } else {
        load::load_paths_with(paths, progress)
    };
    let corpus = analyze_report(report);
    if corpus.articles.is_empty() {
        // The reasons go into the error: the caller never gets the corpus
        // whose warnings it would otherwise print.
        let mut message: String = paths
            .iter()
            .map(|path| crate::sanitize::for_terminal(&path.display().to_string()))
            .collect::<Vec<_>>()
            .join(", ");
        for warning in &corpus.warnings {
            message.push_str(&format!("\n  {warning}"));
        }
        return Err(CorpusError::NothingReadable(message));
    }
    Ok(corpus)
}
