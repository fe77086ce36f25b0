//! The personal library's logic above the store: importing files, feeds and
//! standard input (each item reported as added, duplicate or refused),
//! refreshing followed feeds, OPML, and turning kept articles back into a
//! corpus (through the analysis cache).

pub mod feed;
pub mod fetch;
pub mod minhash;
pub mod opml;
pub mod reading;
pub mod refresh;
pub mod url;

use crate::load::{self, Format};
use crate::model::{Article, LoadWarning, Origin};
use crate::sanitize::for_terminal;
use crate::store::articles::{NewArticle, Outcome, Provenance, ProvenanceKind};
use crate::store::cache::{self, AnalysisCache};
use crate::store::{Library, StoreError};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What became of one file or feed item offered to the library.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportLine {
    /// The file (sanitised for display), with `#N` for a feed's Nth item.
    pub input: String,
    pub status: ImportStatus,
    /// The article's id in the library (added or the kept duplicate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Why it was a duplicate, was refused, or which article it copies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// For a syndicated copy: the original's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    Added,
    Duplicate,
    Refused,
}

impl ImportLine {
    pub(crate) fn refused(input: String, reason: impl Into<String>) -> ImportLine {
        ImportLine {
            input,
            status: ImportStatus::Refused,
            id: None,
            reason: Some(reason.into()),
            copy_of: None,
        }
    }

    pub(crate) fn from_outcome(input: String, outcome: Outcome) -> ImportLine {
        match outcome {
            Outcome::Added { slug, copy_of } => ImportLine {
                input,
                status: ImportStatus::Added,
                id: Some(slug),
                reason: copy_of
                    .as_ref()
                    .map(|(_, similarity)| format!("near-identical copy ({similarity:.2})")),
                copy_of: copy_of.map(|(slug, _)| slug),
            },
            Outcome::Duplicate { slug, by } => ImportLine {
                input,
                status: ImportStatus::Duplicate,
                id: Some(slug),
                reason: Some(by.as_str().to_string()),
                copy_of: None,
            },
        }
    }
}

/// A file the import reads: an article in a known format, or a feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum ImportKind {
    #[default]
    Sniff,
    Article(Format),
    Feed,
}

fn import_kind(path: &Path) -> Option<ImportKind> {
    if let Some(format) = Format::from_path(path) {
        return Some(ImportKind::Article(format));
    }
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    matches!(
        extension.as_str(),
        "xml" | "rss" | "atom" | "rdf" | "json" | "feed"
    )
    .then_some(ImportKind::Feed)
}

/// The ids no library article may take: the built-in corpus's.
pub(crate) fn reserved_ids() -> Vec<String> {
    load::builtin()
        .into_iter()
        .map(|document| document.id)
        .collect()
}

/// Offers an article to the library, unless it is one of the built-in
/// articles (shown beside the library already).
pub(crate) fn offer(
    library: &mut Library,
    input: String,
    article: &NewArticle,
    reserved: &[&str],
) -> Result<ImportLine, StoreError> {
    static BUILTIN: std::sync::OnceLock<Vec<([u8; 32], String)>> = std::sync::OnceLock::new();
    let builtin = BUILTIN.get_or_init(|| {
        load::builtin()
            .into_iter()
            .map(|document| (minhash::content_hash(&document.body), document.id))
            .collect()
    });
    let hash = minhash::content_hash(&article.body);
    if let Some((_, id)) = builtin.iter().find(|(builtin, _)| *builtin == hash) {
        return Ok(ImportLine {
            input,
            status: ImportStatus::Duplicate,
            id: Some(id.clone()),
            reason: Some("same text as a built-in article".into()),
            copy_of: None,
        });
    }
    Ok(ImportLine::from_outcome(
        input,
        library.add(article, reserved)?,
    ))
}

/// Imports files and folders (recursively). Every item gets a line; a
/// failure to write the library stops the import with an error, and what
/// was added before it stays.
pub fn import_paths(
    library: &mut Library,
    paths: &[PathBuf],
) -> Result<Vec<ImportLine>, StoreError> {
    let reserved = reserved_ids();
    let reserved: Vec<&str> = reserved.iter().map(String::as_str).collect();
    let mut files = Vec::new();
    let mut warnings: Vec<LoadWarning> = Vec::new();
    for path in paths {
        load::collect(path, import_kind, &mut files, &mut warnings);
    }
    let mut lines: Vec<ImportLine> = warnings
        .into_iter()
        .map(|warning| ImportLine::refused(warning.path, warning.reason))
        .collect();
    let mut seen = load::SeenFiles::default();
    library.begin_batch()?;
    for (path, kind) in files {
        let input = for_terminal(&path.display().to_string());
        let bytes = match load::read_file_once(&path, &mut seen) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => continue,
            Err(reason) => {
                lines.push(ImportLine::refused(input, reason));
                continue;
            }
        };
        let provenance = Provenance {
            kind: ProvenanceKind::File,
            location: path.display().to_string(),
            feed_id: None,
            guid: None,
        };
        let stem = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        import_bytes(
            library, &bytes, kind, &input, &stem, provenance, &reserved, &mut lines,
        )?;
    }
    library.end_batch()?;
    Ok(lines)
}

/// Imports one document read from standard input (an article or a feed).
pub fn import_stdin(library: &mut Library, bytes: &[u8]) -> Result<Vec<ImportLine>, StoreError> {
    let reserved = reserved_ids();
    let reserved: Vec<&str> = reserved.iter().map(String::as_str).collect();
    let provenance = Provenance {
        kind: ProvenanceKind::Stdin,
        location: "-".into(),
        feed_id: None,
        guid: None,
    };
    let mut lines = Vec::new();
    import_bytes(
        library,
        bytes,
        ImportKind::Sniff,
        "stdin",
        "stdin",
        provenance,
        &reserved,
        &mut lines,
    )?;
    Ok(lines)
}

#[allow(clippy::too_many_arguments)]
fn import_bytes(
    library: &mut Library,
    bytes: &[u8],
    kind: ImportKind,
    input: &str,
    stem: &str,
    provenance: Provenance,
    reserved: &[&str],
    lines: &mut Vec<ImportLine>,
) -> Result<(), StoreError> {
    let (text, _notes) = match load::decode(bytes) {
        Ok(decoded) => decoded,
        Err(reason) => {
            lines.push(ImportLine::refused(input.to_string(), reason));
            return Ok(());
        }
    };
    let is_feed = match kind {
        ImportKind::Feed => true,
        ImportKind::Sniff | ImportKind::Article(Format::Text) => feed::looks_like_feed(&text),
        ImportKind::Article(_) => false,
    };
    if !is_feed {
        let format = match kind {
            ImportKind::Article(format) => format,
            _ => sniff_format(&text),
        };
        let line = match new_article(text, format, stem, provenance) {
            Ok(article) => offer(library, input.to_string(), &article, reserved)?,
            Err(reason) => ImportLine::refused(input.to_string(), reason),
        };
        lines.push(line);
        return Ok(());
    }
    let parsed = match feed::parse(text.as_bytes()) {
        Ok(parsed) => parsed,
        Err(reason) => {
            lines.push(ImportLine::refused(input.to_string(), reason));
            return Ok(());
        }
    };
    for (number, reason) in &parsed.broken {
        lines.push(ImportLine::refused(
            format!("{input}#{number}"),
            reason.clone(),
        ));
    }
    for item in &parsed.items {
        let item_input = format!("{input}#{}", item.number);
        let provenance = Provenance {
            guid: Some(item.guid.clone()),
            ..provenance.clone()
        };
        let line = match article_from_item(item, parsed.title.as_deref(), None, provenance) {
            Ok(article) => offer(library, item_input, &article, reserved)?,
            Err(reason) => ImportLine::refused(item_input, reason),
        };
        lines.push(line);
    }
    Ok(())
}

/// Text from standard input has no extension to say what it is.
fn sniff_format(text: &str) -> Format {
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") {
        Format::Html
    } else {
        Format::Text
    }
}

/// An article to offer the library, from a file's (or stdin's) text.
fn new_article(
    raw: String,
    format: Format,
    stem: &str,
    provenance: Provenance,
) -> Result<NewArticle, String> {
    let document = load::document_from_text(raw.clone(), format, Origin::Builtin("import"))?;
    let slug_hint = document
        .title
        .clone()
        .filter(|_| stem.is_empty() || stem == "stdin" || stem == "index")
        .unwrap_or_else(|| stem.to_string());
    Ok(NewArticle {
        raw,
        format: format.as_str(),
        title: document.title,
        source: document.source,
        date: document.date,
        url: document.url,
        body: document.body,
        slug_hint,
        provenance,
    })
}

/// An article from a feed item: its content (HTML), or `page` (the linked
/// page, fetched by `refresh` when the feed carries only a summary), or the
/// summary. The item's title, link and date win over what the text says.
pub(crate) fn article_from_item(
    item: &feed::FeedItem,
    feed_title: Option<&str>,
    page: Option<String>,
    provenance: Provenance,
) -> Result<NewArticle, String> {
    let raw = match page {
        Some(page) => page,
        None => {
            let content = item
                .content
                .as_deref()
                .filter(|content| !content.trim().is_empty())
                .or(item.summary.as_deref())
                .ok_or("the item has no text")?;
            format!("<html><body><article>{content}</article></body></html>")
        }
    };
    let document = load::document_from_text(raw.clone(), Format::Html, Origin::Builtin("import"))?;
    let title = item.title.clone().or(document.title);
    let slug_hint = title
        .clone()
        .unwrap_or_else(|| format!("item-{}", item.number));
    Ok(NewArticle {
        raw,
        format: Format::Html.as_str(),
        title,
        source: document.source.or(feed_title.map(str::to_string)),
        date: item.date.clone().or(document.date),
        url: item.link.clone().or(document.url),
        body: document.body,
        slug_hint,
        provenance,
    })
}

/// The library's articles, analysed through the cache: a hit is decoded
/// without reading or parsing the text; a miss is read, analysed and
/// stored. Articles that no longer parse (a loader change refusing them)
/// become warnings, never a failed start. Corpus linking is left to the
/// caller: it spans the built-in articles too.
pub fn library_articles(
    library: &Library,
    cache: Option<&mut AnalysisCache>,
) -> Result<(Vec<Article>, Vec<LoadWarning>), StoreError> {
    let mut articles = Vec::new();
    let mut warnings = Vec::new();
    let mut fresh = Vec::new();
    for kept in library.kept()? {
        let key = cache::key(&kept.raw_hash);
        let origin = Origin::Library(kept.slug.clone());
        let mut article = match cache.as_deref().and_then(|cache| cache.get(&key, &origin)) {
            Some(article) => article,
            None => {
                let format = Format::from_name(&kept.format).unwrap_or_default();
                match load::document_from_text(library.raw(kept.row)?, format, origin) {
                    Ok(document) => {
                        fresh.push((key, articles.len()));
                        crate::analysis::analyze_document(document)
                    }
                    Err(reason) => {
                        warnings.push(LoadWarning {
                            path: format!("library:{}", kept.slug),
                            reason,
                        });
                        continue;
                    }
                }
            }
        };
        // The library's metadata (a feed item's title and date) wins over
        // what the text says, and may have changed since the analysis.
        article.id = kept.slug;
        article.title = kept.title.unwrap_or(article.title);
        article.source = kept.source.or(article.source);
        article.date = kept.date.or(article.date);
        article.url = kept.url.or(article.url);
        articles.push(article);
    }
    if let Some(cache) = cache {
        let entries: Vec<([u8; 32], &Article)> = fresh
            .iter()
            .map(|(key, index)| (*key, &articles[*index]))
            .collect();
        cache.put_all(&entries);
    }
    Ok((articles, warnings))
}

/// The setting that hides the built-in articles once a library exists.
pub const HIDE_BUILTIN: &str = "hide_builtin";

/// The corpus a front end opens. With `paths`, exactly those files (nothing
/// is imported or cached). Without, the built-in articles (unless hidden)
/// and every library article, analysed through the cache, linked as one
/// corpus. A library that cannot be read becomes a warning: the reader
/// still opens on the built-in articles.
pub fn open_corpus(
    paths: &[PathBuf],
    dirs: Option<&crate::store::Dirs>,
) -> Result<crate::model::Corpus, crate::analysis::CorpusError> {
    open_corpus_with(paths, dirs, &load::Progress::default())
}

/// [`open_corpus`], telling `progress` how far reading the paths got.
pub fn open_corpus_with(
    paths: &[PathBuf],
    dirs: Option<&crate::store::Dirs>,
    progress: &load::Progress,
) -> Result<crate::model::Corpus, crate::analysis::CorpusError> {
    if !paths.is_empty() {
        return crate::analysis::open_corpus_with(paths, progress);
    }
    let Some(dirs) = dirs else {
        return crate::analysis::open_corpus(paths);
    };
    let mut warnings = Vec::new();
    let mut kept = Vec::new();
    let mut hide_builtin = false;
    let mut cache = None;
    match Library::open(dirs, crate::store::Access::ReadOnly) {
        Ok(None) => {}
        Ok(Some(library)) => {
            hide_builtin = library.setting(HIDE_BUILTIN).ok().flatten().as_deref() == Some("true");
            cache = AnalysisCache::open(&dirs.cache);
            match library_articles(&library, cache.as_mut()) {
                Ok((articles, problems)) => {
                    kept = articles;
                    warnings.extend(problems);
                }
                Err(error) => warnings.push(library_warning(dirs, &error)),
            }
        }
        Err(error) => warnings.push(library_warning(dirs, &error)),
    }
    // Hiding the built-in articles never leaves the reader empty.
    let mut articles: Vec<Article> = if hide_builtin && !kept.is_empty() {
        Vec::new()
    } else {
        load::builtin()
            .into_iter()
            .map(crate::analysis::analyze_document)
            .collect()
    };
    articles.extend(kept);
    link_through_cache(&mut articles, cache.as_mut());
    Ok(crate::model::Corpus { articles, warnings })
}

/// Links the corpus, or applies the linking stored for exactly this corpus:
/// linking spans every article, so it costs as much as the rest of a warm
/// start over a large library.
fn link_through_cache(articles: &mut [Article], cache: Option<&mut AnalysisCache>) {
    let Some(cache) = cache else {
        crate::entities::link_corpus(articles);
        return;
    };
    let mut hasher = blake3::Hasher::new();
    hasher.update(cache::ANALYSER.as_bytes());
    for article in articles.iter() {
        hasher.update(article.id.as_bytes());
        hasher.update(&[0]);
        hasher.update(&(article.body.len() as u64).to_le_bytes());
        hasher.update(article.body.as_bytes());
        hasher.update(&(article.entities.len() as u64).to_le_bytes());
        for entity in &article.entities {
            hasher.update(&(entity.start as u64).to_le_bytes());
        }
    }
    let key = *hasher.finalize().as_bytes();
    if !cache.apply_links(&key, articles) {
        crate::entities::link_corpus(articles);
        cache.put_links(&key, articles);
    }
}

fn library_warning(dirs: &crate::store::Dirs, error: &StoreError) -> LoadWarning {
    LoadWarning {
        path: for_terminal(&dirs.library_file().display().to_string()),
        reason: format!("the library could not be read ({error}); showing the built-in articles"),
    }
}
