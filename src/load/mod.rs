//! Reading articles: the built-in corpus embedded in the binary, and a user's
//! files and folders (`.txt`, `.md`, `.html`/`.htm`). Loading never fails as a
//! whole because of one bad file; each problem becomes a [`LoadWarning`] that
//! names the file and the reason.

mod html;
mod text;

pub(crate) use text::single_line;

use crate::model::{Block, LoadWarning, Origin};
use crate::sanitize::{for_terminal, sanitize_counted};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// How the body was written, which decides how structure is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Markdown,
    /// Structure came from the markup; see [`Document::markup_blocks`].
    Html,
}

impl Format {
    /// The format of a file name's extension, if crossread reads it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// The name the library stores.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        [Format::Text, Format::Markdown, Format::Html]
            .into_iter()
            .find(|format| format.as_str() == name)
    }
}

/// A loaded, sanitised, not yet analysed article.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    /// Curated (built-in metadata) or front-matter title; derived later if absent.
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub origin: Origin,
    pub body: String,
    pub format: Format,
    /// Blocks known from markup (HTML), as spans into `body`.
    pub markup_blocks: Option<Vec<Block>>,
}

#[derive(Debug, Default)]
pub struct LoadReport {
    pub documents: Vec<Document>,
    pub warnings: Vec<LoadWarning>,
}

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The most article text one load reads, all files together. An analysed
/// corpus keeps under 3x its text in memory (2.5x on dense prose, 2.7x on
/// real news), and analysing one article takes under 6x that article's
/// text for a moment, up to 16x when the whole file is one paragraph
/// (`cargo bench --bench memory`; docs/RELIABILITY.md, case 13b): this
/// keeps a load under about 1.5 GiB plus the one article being analysed. The files past it are
/// refused, each with a warning naming it and the total.
pub const MAX_CORPUS_BYTES: u64 = 512 * 1024 * 1024;

/// Folders nested deeper than this are not entered (and loops end here too).
const MAX_DEPTH: usize = 64;

struct BuiltinFile {
    file_name: &'static str,
    text: &'static str,
}

macro_rules! builtin_files {
    ($($name:literal),* $(,)?) => {
        &[$(BuiltinFile { file_name: $name, text: include_str!(concat!("../../assets/", $name)) }),*]
    };
}

const BUILTIN_FILES: &[BuiltinFile] = builtin_files![
    "000_33348fb1fae32549.txt",
    "001_609237cab26fb9ed.txt",
    "002_7358a9f9fc5349fe.txt",
    "003_d33db7595d9a87b9.txt",
    "004_622f453118fedc3c.txt",
];

/// The built-in corpus's metadata (ids, curated titles, outlets).
const BUILTIN_METADATA: &str = include_str!("../../assets/corpus.toml");

#[derive(Debug, serde::Deserialize)]
struct BuiltinMetadata {
    article: Vec<BuiltinEntry>,
}

#[derive(Debug, serde::Deserialize)]
struct BuiltinEntry {
    file: String,
    id: String,
    title: String,
    source: Option<String>,
    date: Option<String>,
    url: Option<String>,
}

fn builtin_metadata() -> Result<BTreeMap<String, BuiltinEntry>, toml::de::Error> {
    let metadata: BuiltinMetadata = toml::from_str(BUILTIN_METADATA)?;
    Ok(metadata
        .article
        .into_iter()
        .map(|entry| (entry.file.clone(), entry))
        .collect())
}

/// The articles shipped inside the binary.
pub fn builtin() -> Vec<Document> {
    // The metadata is checked by a unit test; should it ever fail to parse,
    // the articles still load under ids derived from their file names.
    let mut metadata = builtin_metadata().unwrap_or_default();
    BUILTIN_FILES
        .iter()
        .map(|file| {
            let entry = metadata.remove(file.file_name);
            let (body, _strays) = prepare(file.text.to_string());
            Document {
                id: entry
                    .as_ref()
                    .map_or_else(|| slug(file.file_name), |e| e.id.clone()),
                title: entry.as_ref().map(|e| e.title.clone()),
                source: entry.as_ref().and_then(|e| e.source.clone()),
                date: entry.as_ref().and_then(|e| e.date.clone()),
                url: entry.as_ref().and_then(|e| e.url.clone()),
                origin: Origin::Builtin(file.file_name),
                body,
                format: Format::Text,
                markup_blocks: None,
            }
        })
        .collect()
}

/// How far a load has got, for a front end to show while it waits: files
/// read of the total, and the one being read. Shared with the loading
/// thread; every field is updated as the load goes.
#[derive(Debug, Default)]
pub struct Progress {
    pub read: std::sync::atomic::AtomicUsize,
    pub total: std::sync::atomic::AtomicUsize,
    pub current: std::sync::Mutex<String>,
}

impl Progress {
    /// (files read, files in all, the file being read), as shown.
    pub fn snapshot(&self) -> (usize, usize, String) {
        use std::sync::atomic::Ordering::Relaxed;
        let current = self
            .current
            .lock()
            .map(|name| name.clone())
            .unwrap_or_default();
        (self.read.load(Relaxed), self.total.load(Relaxed), current)
    }
}

/// Reads every supported file under `paths` (files or folders, recursively),
/// in a deterministic order: the paths as given, each folder sorted by name.
pub fn load_paths(paths: &[PathBuf]) -> LoadReport {
    load_paths_with(paths, &Progress::default())
}

/// [`load_paths`], telling `progress` how far it got.
pub fn load_paths_with(paths: &[PathBuf], progress: &Progress) -> LoadReport {
    load_within(paths, progress, MAX_CORPUS_BYTES)
}

/// [`load_paths_with`], reading at most `limit` bytes of files in all.
fn load_within(paths: &[PathBuf], progress: &Progress, limit: u64) -> LoadReport {
    use std::sync::atomic::Ordering::Relaxed;
    let mut report = LoadReport::default();
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        collect(path, Format::from_path, &mut files, &mut report.warnings);
    }
    progress.total.store(files.len(), Relaxed);
    let mut ids = Ids::default();
    let mut budget = Budget::new(limit);
    for (path, format) in files {
        if let Ok(mut current) = progress.current.lock() {
            *current = for_terminal(&path.display().to_string());
        }
        let loaded = load_file(&path, format, &mut seen, &mut budget);
        progress.read.fetch_add(1, Relaxed);
        match loaded {
            Ok(None) => {}
            Ok(Some((mut document, notes))) => {
                document.id = unique(slug(&file_stem(&path)), &mut ids);
                report
                    .warnings
                    .extend(notes.into_iter().map(|reason| warning(&path, reason)));
                report.documents.push(document);
            }
            Err(reason) => report.warnings.push(warning(&path, reason)),
        }
    }
    report
}

fn warning(path: &Path, reason: impl Into<String>) -> LoadWarning {
    LoadWarning {
        path: for_terminal(&path.display().to_string()),
        reason: reason.into(),
    }
}

/// Lists the readable files a path names, warning about the ones it cannot.
/// `kind` says which files a folder walk takes, and as what.
pub fn collect<K>(
    path: &Path,
    kind: fn(&Path) -> Option<K>,
    files: &mut Vec<(PathBuf, K)>,
    warnings: &mut Vec<LoadWarning>,
) where
    K: Default,
{
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) => {
            warnings.push(warning(path, io_reason(&error)));
            return;
        }
    };
    if metadata.is_dir() {
        let before = files.len();
        let mut visited = crate::fsio::Visited::default();
        walk(path, kind, 0, &mut visited, files, warnings);
        if files.len() == before {
            warnings.push(warning(
                path,
                "no readable article here (looked for .txt, .md, .html, .htm)",
            ));
        }
    } else if !metadata.is_file() {
        warnings.push(warning(path, "not a regular file"));
    } else {
        match kind(path) {
            Some(format) => files.push((path.to_path_buf(), format)),
            // A file named on purpose without an extension is read as text.
            None if path.extension().is_none() => files.push((path.to_path_buf(), K::default())),
            None => warnings.push(warning(
                path,
                "unsupported file type (crossread reads .txt, .md, .html, .htm)",
            )),
        }
    }
}

/// Adds a folder's supported files, sorted by name, recursing into subfolders.
/// Hidden entries are skipped, as are unsupported extensions (silently: a
/// folder of clippings often holds images and the like).
fn walk<K>(
    dir: &Path,
    kind: fn(&Path) -> Option<K>,
    depth: usize,
    visited: &mut crate::fsio::Visited,
    files: &mut Vec<(PathBuf, K)>,
    warnings: &mut Vec<LoadWarning>,
) {
    if depth > MAX_DEPTH {
        warnings.push(warning(dir, "folders nested too deeply; not entered"));
        return;
    }
    if let Ok(metadata) = std::fs::metadata(dir)
        && !visited.first_visit(&metadata)
    {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            warnings.push(warning(dir, io_reason(&error)));
            return;
        }
    };
    let mut children: Vec<(PathBuf, Option<std::fs::FileType>)> = entries
        .filter_map(Result::ok)
        .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
        .map(|entry| (entry.path(), entry.file_type().ok()))
        .collect();
    children.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, entry_type) in children {
        // The entry's own type needs no system call; only links are followed.
        let (is_dir, is_file) = match entry_type {
            Some(kind) if !kind.is_symlink() => (kind.is_dir(), kind.is_file()),
            _ => match std::fs::metadata(&path) {
                Ok(metadata) => (metadata.is_dir(), metadata.is_file()),
                Err(error) => {
                    if kind(&path).is_some() {
                        warnings.push(warning(&path, io_reason(&error)));
                    }
                    continue;
                }
            },
        };
        if is_dir {
            walk(&path, kind, depth + 1, visited, files, warnings);
        } else if is_file && let Some(format) = kind(&path) {
            files.push((path, format));
        }
    }
}

fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file or folder".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::InvalidInput => error.to_string(),
        _ => format!("cannot read: {error}"),
    }
}

/// Identifies a file however it was reached (named, inside a named folder,
/// through a link), so that it is read once.
#[cfg(unix)]
type FileKey = (u64, u64);

#[cfg(unix)]
fn file_key(_path: &Path, metadata: &std::fs::Metadata) -> FileKey {
    use std::os::unix::fs::MetadataExt;
    (metadata.dev(), metadata.ino())
}

#[cfg(not(unix))]
type FileKey = PathBuf;

#[cfg(not(unix))]
fn file_key(path: &Path, _metadata: &std::fs::Metadata) -> FileKey {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

type Loaded = Option<(Document, Vec<String>)>;

/// Reads one file into a document (`None` when it was read already); the
/// notes are caveats for warnings.
fn load_file(
    path: &Path,
    format: Format,
    seen: &mut HashSet<FileKey>,
    budget: &mut Budget,
) -> Result<Loaded, String> {
    let Some(bytes) = read_file(path, seen, budget)? else {
        return Ok(None);
    };
    let mut decoded = text::decode(&bytes)?;
    let (document, strays) = parse(decoded.text, format, Origin::File(path.to_path_buf()))?;
    if document.body.trim().is_empty() {
        return Err("no article text in this file".to_string());
    }
    if strays > 0 {
        decoded.notes.push(stray_note(strays));
    }
    Ok(Some((document, decoded.notes)))
}

/// Files already read in one load or import, however they were reached,
/// and how much of the corpus budget they took.
#[derive(Debug, Default)]
pub struct SeenFiles(HashSet<FileKey>, Budget);

/// Reads a file's bytes within the size limit; `None` when it was read already.
pub fn read_file_once(path: &Path, seen: &mut SeenFiles) -> Result<Option<Vec<u8>>, String> {
    read_file(path, &mut seen.0, &mut seen.1)
}

/// How much of [`MAX_CORPUS_BYTES`] the files read so far took.
#[derive(Debug)]
pub struct Budget {
    used: u64,
    limit: u64,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget::new(MAX_CORPUS_BYTES)
    }
}

impl Budget {
    pub fn new(limit: u64) -> Budget {
        Budget { used: 0, limit }
    }

    /// Takes `size` bytes of the budget, or says why the file is refused.
    fn take(&mut self, size: u64) -> Result<(), String> {
        let mib = |bytes: u64| bytes.div_ceil(1024 * 1024);
        if self.used.saturating_add(size) > self.limit {
            return Err(format!(
                "not read: {} MiB more would take the corpus past its budget of {} MiB of text \
                 ({} MiB read already; crossread keeps about 3x the text in memory)",
                mib(size),
                mib(self.limit),
                mib(self.used)
            ));
        }
        self.used += size;
        Ok(())
    }
}

fn read_file(
    path: &Path,
    seen: &mut HashSet<FileKey>,
    budget: &mut Budget,
) -> Result<Option<Vec<u8>>, String> {
    use std::io::Read;
    // The file may have become a FIFO since the walk saw it.
    let (file, metadata) = crate::fsio::open_regular(path).map_err(|error| io_reason(&error))?;
    if !seen.insert(file_key(path, &metadata)) {
        return Ok(None);
    }
    let size = metadata.len();
    if size > MAX_FILE_BYTES {
        return Err(format!(
            "too large ({} MiB; crossread reads articles up to {} MiB)",
            size / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    budget.take(size)?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    // The limit also holds for files that grow while being read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| io_reason(&error))?;
    Ok(Some(bytes))
}

/// Decodes bytes into text (BOM, UTF-16, invalid UTF-8, binary refused),
/// with caveats worth a warning.
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<String>), String> {
    text::decode(bytes).map(|decoded| (decoded.text, decoded.notes))
}

/// A document from decoded text, as a file of that format would give; the
/// id is left empty for the caller. Refuses text with no article in it.
pub fn document_from_text(raw: String, format: Format, origin: Origin) -> Result<Document, String> {
    let (document, _strays) = parse(raw, format, origin)?;
    if document.body.trim().is_empty() {
        return Err("no article text".to_string());
    }
    Ok(document)
}

/// Builds a document from decoded text: front matter, markup, normalised body.
/// The id is left empty for the caller to assign. The count is of stray
/// control characters dropped from a text or Markdown body.
fn parse(raw: String, format: Format, origin: Origin) -> Result<(Document, usize), String> {
    let raw = text::unify_newlines(raw);
    if format == Format::Html {
        let page = html::extract(&raw)?;
        let blocks = crate::structure::refine(&page.body, &page.blocks);
        let document = Document {
            id: String::new(),
            title: page.title,
            source: page.source,
            date: page.date,
            url: page.url,
            origin,
            body: page.body,
            format,
            markup_blocks: Some(blocks),
        };
        return Ok((document, 0));
    }
    let (meta, rest) = match text::front_matter(&raw) {
        Some((meta, rest)) => (meta, rest.to_string()),
        None => (text::FrontMatter::default(), raw),
    };
    let (body, strays) = prepare(rest);
    let document = Document {
        id: String::new(),
        title: meta.title,
        source: meta.source,
        date: meta.date,
        url: meta.url,
        origin,
        body,
        format,
        markup_blocks: None,
    };
    Ok((document, strays))
}

/// The body as offsets will see it: LF newlines, tabs expanded, sanitised;
/// with the number of stray control characters dropped.
fn prepare(text: String) -> (String, usize) {
    sanitize_counted(&text::expand_tabs(text::unify_newlines(text)))
}

fn stray_note(strays: usize) -> String {
    format!(
        "{strays} stray control character{} dropped (a broken encoding?)",
        if strays == 1 { "" } else { "s" }
    )
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A readable id: lowercase letters and digits joined by single hyphens.
pub fn slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "article".to_string()
    } else {
        slug.chars()
            .take(80)
            .collect::<String>()
            .trim_end_matches('-')
            .to_string()
    }
}

/// `id`, or `id-2`, `id-3`, ... when taken.
/// Ids handed out in one load, with the next number to try for each stem.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

/// `id`, or `id-2`, `id-3`, ... when taken. Each stem remembers where its
/// numbering got to, so 20,000 files of one name cost linear time.
fn unique(id: String, ids: &mut Ids) -> String {
    let mut candidate = id.clone();
    let n = ids.next.entry(id.clone()).or_insert(2);
    while ids.taken.contains(&candidate) {
        candidate = format!("{id}-{n}");
        *n += 1;
    }
    ids.taken.insert(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_metadata_covers_every_article_with_unique_ids() {
        let metadata = builtin_metadata().expect("assets/corpus.toml parses");
        assert_eq!(metadata.len(), BUILTIN_FILES.len());
        let documents = builtin();
        let ids: HashSet<&str> = documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids.len(), BUILTIN_FILES.len());
        for document in &documents {
            assert_eq!(document.id, slug(&document.id), "ids are slugs");
            assert!(document.title.is_some());
        }
    }

    #[test]
    fn builtin_bodies_are_the_asset_text() {
        for (document, file) in builtin().iter().zip(BUILTIN_FILES) {
            assert_eq!(document.body, file.text, "{}", file.file_name);
        }
    }

    #[test]
    fn files_past_the_corpus_budget_are_refused_by_name_with_the_total() {
        let dir = tempfile::tempdir().expect("tempdir");
        let paragraph = "The council met on Monday and the talks went on.\n".repeat(30_000);
        for name in ["a.txt", "b.txt", "c.txt"] {
            std::fs::write(dir.path().join(name), &paragraph).expect("write");
        }
        let size = paragraph.len() as u64;
        let report = load_within(&[dir.path().to_path_buf()], &Progress::default(), 2 * size);
        assert_eq!(report.documents.len(), 2);
        let [refused] = report.warnings.as_slice() else {
            panic!("{:?}", report.warnings);
        };
        assert!(refused.path.ends_with("c.txt"), "{refused}");
        assert!(
            refused
                .reason
                .contains("past its budget of 3 MiB of text (3 MiB read already"),
            "{refused}"
        );
    }

    #[test]
    fn slugs_are_readable_and_unique() {
        assert_eq!(
            slug("Reuters 2025-12-15 (Berlin talks)"),
            "reuters-2025-12-15-berlin-talks"
        );
        assert_eq!(slug("..."), "article");
        assert_eq!(slug("Zürich_Bericht"), "zürich-bericht");
        let mut taken = Ids::default();
        assert_eq!(unique("a".into(), &mut taken), "a");
        assert_eq!(unique("a".into(), &mut taken), "a-2");
        assert_eq!(unique("a".into(), &mut taken), "a-3");
    }

    #[test]
    fn formats_from_extensions() {
        assert_eq!(Format::from_path(Path::new("a/b.TXT")), Some(Format::Text));
        assert_eq!(Format::from_path(Path::new("b.md")), Some(Format::Markdown));
        assert_eq!(Format::from_path(Path::new("b.htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("b.pdf")), None);
    }
}
