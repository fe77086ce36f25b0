//! The library's commands: `import`, `remove`, `library`, `state`.

use crate::library::{self, ImportLine, ImportStatus};
use crate::sanitize::for_terminal;
use crate::store::{Access, Dirs, Library, StoreError};
use serde::Serialize;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Each file or feed item gets one line: added, duplicate (of which kept \
article, and why: same text, same address, same feed item) or refused (why). A near-identical \
copy of a kept article is added and linked to it. Exit status 1 when nothing could be imported."
)]
pub struct ImportArgs {
    /// Files or folders (recursively: .txt .md .html .htm, and RSS, Atom or
    /// JSON Feed files), or `-` for one document on standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print JSON: {"items":[{"input","status","id","reason","copy_of"}],"added","duplicates","refused"}.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    /// Library ids (as `crossread library` lists them).
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct LibraryArgs {
    /// Print JSON (see the README for the shape).
    #[arg(long)]
    pub json: bool,
    /// Show or hide the built-in articles beside the library.
    #[arg(long, value_name = "show|hide")]
    pub builtin: Option<BuiltinChoice>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum BuiltinChoice {
    Show,
    Hide,
}

#[derive(Debug, clap::Args)]
pub struct StateArgs {
    #[command(subcommand)]
    pub command: StateCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum StateCommand {
    /// Write read marks, scroll positions, bookmarks and settings as JSON to stdout.
    Export,
    /// Merge a `state export` file (or `-` for stdin) into this library.
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

/// Opens the library for writing, with a message that says where and why
/// when it cannot be.
pub(super) fn open_for_writing(dirs: &Dirs) -> anyhow::Result<Library> {
    match Library::open(dirs, Access::ReadWrite) {
        Ok(Some(library)) => Ok(library),
        Ok(None) => anyhow::bail!("the library could not be created"),
        Err(error) => Err(store_error(dirs, error)),
    }
}

pub(super) fn store_error(dirs: &Dirs, error: StoreError) -> anyhow::Error {
    let place = for_terminal(&dirs.data.display().to_string());
    if error.is_full() {
        return anyhow::anyhow!(
            "the disk holding {place} is full; nothing was changed by this write (what was stored before is intact)"
        );
    }
    anyhow::anyhow!("library in {place}: {error}")
}

#[derive(Serialize)]
struct ImportSummary<'a> {
    items: &'a [ImportLine],
    added: usize,
    duplicates: usize,
    refused: usize,
}

pub fn import(args: &ImportArgs, dirs: &Dirs) -> anyhow::Result<ExitCode> {
    let mut library = open_for_writing(dirs)?;
    let mut lines = Vec::new();
    let (stdin, paths): (Vec<&PathBuf>, Vec<&PathBuf>) =
        args.paths.iter().partition(|path| path.as_os_str() == "-");
    if !paths.is_empty() {
        let paths: Vec<PathBuf> = paths.into_iter().cloned().collect();
        lines
            .extend(library::import_paths(&mut library, &paths).map_err(|e| store_error(dirs, e))?);
    }
    if !stdin.is_empty() {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(crate::load::MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)?;
        if bytes.len() as u64 > crate::load::MAX_FILE_BYTES {
            lines.push(ImportLine::refused(
                "stdin".into(),
                format!(
                    "larger than {} MiB",
                    crate::load::MAX_FILE_BYTES / (1024 * 1024)
                ),
            ));
        } else {
            lines.extend(
                library::import_stdin(&mut library, &bytes).map_err(|e| store_error(dirs, e))?,
            );
        }
    }
    let count = |status| lines.iter().filter(|line| line.status == status).count();
    let summary = ImportSummary {
        items: &lines,
        added: count(ImportStatus::Added),
        duplicates: count(ImportStatus::Duplicate),
        refused: count(ImportStatus::Refused),
    };
    if args.json {
        super::print_json(&summary)?;
    } else {
        let mut out = super::output::stdout();
        for line in &lines {
            let status = match line.status {
                ImportStatus::Added => "added",
                ImportStatus::Duplicate => "duplicate",
                ImportStatus::Refused => "refused",
            };
            let mut detail = line.reason.clone().unwrap_or_default();
            if let Some(original) = &line.copy_of {
                detail = format!("{detail} of {original}");
            }
            writeln!(
                out,
                "{status}\t{}\t{}\t{}",
                line.id.as_deref().unwrap_or("-"),
                line.input,
                detail.trim()
            )?;
        }
        out.flush()?;
        eprintln!(
            "crossread: {} added, {} duplicate, {} refused",
            summary.added, summary.duplicates, summary.refused
        );
    }
    let imported = summary.added + summary.duplicates;
    Ok(if imported == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn remove(args: &RemoveArgs, dirs: &Dirs) -> anyhow::Result<ExitCode> {
    let mut library = open_for_writing(dirs)?;
    let outcome = library
        .remove(&args.ids)
        .map_err(|e| store_error(dirs, e))?;
    let mut missing = false;
    for (id, removed) in outcome {
        if removed {
            super::output::print(format_args!("removed\t{}\n", for_terminal(&id)))?;
        } else {
            missing = true;
            eprintln!("crossread: no article {} in the library", for_terminal(&id));
        }
    }
    Ok(if missing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[derive(Serialize)]
struct Listed {
    id: String,
    title: Option<String>,
    source: Option<String>,
    date: Option<String>,
    url: Option<String>,
    added: i64,
    copy_of: Option<String>,
    provenance: Vec<String>,
    read: bool,
    hash: String,
}

#[derive(Serialize, Default)]
struct Counts {
    articles: usize,
    copies: usize,
    read: usize,
    unread: usize,
    feeds: usize,
    bookmarks: usize,
}

#[derive(Serialize)]
struct Listing {
    path: String,
    builtin: &'static str,
    articles: Vec<Listed>,
    counts: Counts,
}

pub fn list(args: &LibraryArgs, dirs: &Dirs) -> anyhow::Result<ExitCode> {
    if let Some(choice) = args.builtin {
        let mut library = open_for_writing(dirs)?;
        let value = matches!(choice, BuiltinChoice::Hide).to_string();
        library
            .set_setting(library::HIDE_BUILTIN, &value)
            .map_err(|e| store_error(dirs, e))?;
    }
    let library = Library::open(dirs, Access::ReadOnly).map_err(|e| store_error(dirs, e))?;
    let mut listing = Listing {
        path: for_terminal(&dirs.library_file().display().to_string()),
        builtin: "shown",
        articles: Vec::new(),
        counts: Counts::default(),
    };
    if let Some(library) = &library {
        if library
            .setting(library::HIDE_BUILTIN)
            .ok()
            .flatten()
            .as_deref()
            == Some("true")
        {
            listing.builtin = "hidden";
        }
        for stored in library.articles().map_err(|e| store_error(dirs, e))? {
            let read = library
                .reading(&stored.content_hash)
                .map(|reading| reading.read)
                .unwrap_or(false);
            listing.articles.push(Listed {
                id: stored.slug,
                title: stored.title.as_deref().map(for_terminal),
                source: stored.source.as_deref().map(for_terminal),
                date: stored.date.as_deref().map(for_terminal),
                url: stored.url.as_deref().map(for_terminal),
                added: stored.added_at,
                copy_of: stored.copy_of,
                provenance: stored.provenance.iter().map(|p| for_terminal(p)).collect(),
                read,
                hash: crate::store::hex(&stored.content_hash),
            });
        }
        listing.counts.feeds = library.feeds().map(|feeds| feeds.len()).unwrap_or(0);
        listing.counts.bookmarks = library.bookmarks().map(|b| b.len()).unwrap_or(0);
    }
    listing.counts.articles = listing.articles.len();
    listing.counts.copies = listing
        .articles
        .iter()
        .filter(|a| a.copy_of.is_some())
        .count();
    listing.counts.read = listing.articles.iter().filter(|a| a.read).count();
    listing.counts.unread = listing.counts.articles - listing.counts.read;
    if args.json {
        super::print_json(&listing)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = super::output::stdout();
    for article in &listing.articles {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            article.id,
            article.source.as_deref().unwrap_or("-"),
            article.date.as_deref().unwrap_or("-"),
            if article.read { "read" } else { "unread" },
            article.title.as_deref().unwrap_or("-"),
        )?;
    }
    out.flush()?;
    let counts = &listing.counts;
    eprintln!(
        "crossread: {} articles ({} copies of others), {} unread, {} feeds, {} bookmarks in {}; built-in articles {}",
        counts.articles,
        counts.copies,
        counts.unread,
        counts.feeds,
        counts.bookmarks,
        listing.path,
        listing.builtin
    );
    Ok(ExitCode::SUCCESS)
}

pub fn state(args: &StateArgs, dirs: &Dirs) -> anyhow::Result<ExitCode> {
    match &args.command {
        StateCommand::Export => {
            let library =
                Library::open(dirs, Access::ReadOnly).map_err(|e| store_error(dirs, e))?;
            let state = match &library {
                Some(library) => library.export_state().map_err(|e| store_error(dirs, e))?,
                None => crate::store::state::StateExport {
                    version: crate::store::state::STATE_EXPORT_VERSION,
                    ..Default::default()
                },
            };
            super::print_json(&state)?;
        }
        StateCommand::Import { file } => {
            let text = if file.as_os_str() == "-" {
                let mut text = String::new();
                std::io::stdin()
                    .take(crate::load::MAX_FILE_BYTES)
                    .read_to_string(&mut text)?;
                text
            } else {
                std::fs::read_to_string(file).map_err(|error| {
                    anyhow::anyhow!("{}: {error}", for_terminal(&file.display().to_string()))
                })?
            };
            let state: crate::store::state::StateExport = serde_json::from_str(&text)
                .map_err(|error| anyhow::anyhow!("not a crossread state export: {error}"))?;
            if state.version > crate::store::state::STATE_EXPORT_VERSION {
                anyhow::bail!(
                    "this state export is of a newer crossread (version {}); nothing was imported",
                    state.version
                );
            }
            let mut library = open_for_writing(dirs)?;
            let changed = library
                .import_state(&state)
                .map_err(|e| store_error(dirs, e))?;
            eprintln!("crossread: state imported ({changed} entries changed)");
        }
    }
    Ok(ExitCode::SUCCESS)
}
