//! The command line: `crossread` (the reader) and its scriptable subcommands.
//!
//! Exit codes: 0 success; 1 the command could not do its work (no readable
//! article, unknown id, ...); 2 the command line itself is wrong (clap), or
//! the config file the reader needs (its file, line and column are named).
//! With `--json`, stdout carries nothing but the JSON document; warnings and
//! errors go to stderr.

mod analyze;
mod claims;
mod compare;
mod config;
mod entities;
mod facts;
mod feed;
mod insights;
mod library;
mod list;
pub mod output;
mod search;
mod show;
mod topics;

use crate::model::Corpus;
use crate::store::Dirs;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "crossread",
    version,
    about = "Read and compare how different outlets report the same story"
)]
pub struct Cli {
    /// Read these files or folders (recursively: .txt, .md, .html, .htm)
    /// instead of the built-in corpus. Repeatable.
    #[arg(long, global = true, value_name = "PATH")]
    pub corpus: Vec<PathBuf>,

    /// Read config.toml from this folder instead of the usual one (also
    /// CROSSREAD_CONFIG_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// The reader's colours: dark (default), light or monochrome (also
    /// picked by NO_COLOR); overrides the config file's theme.
    #[arg(long, value_name = "NAME", value_parser = clap::builder::PossibleValuesParser::new(crate::tui::settings::THEMES))]
    pub theme: Option<String>,

    /// Keep the library here instead of the platform's data directory
    /// (also `CROSSREAD_DATA_DIR`).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Keep caches here instead of the platform's cache directory (also
    /// `CROSSREAD_CACHE_DIR`).
    #[arg(long, global = true, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles of the corpus.
    List(list::ListArgs),
    /// Print one article's text.
    Show(show::ShowArgs),
    /// Print the full analysis of every article (structure, sentences, entities, claims).
    Analyze(analyze::AnalyzeArgs),
    /// List the topics with how many sentences each source has on them.
    Topics(topics::TopicsArgs),
    /// Set one topic side by side across sources.
    Compare(compare::CompareArgs),
    /// Every fact of the corpus: sentences of different sources that report the same thing.
    Facts(facts::FactsArgs),
    /// On the facts: corroboration, discrepancies, attribution shifts, silences, quotations.
    Insights(insights::InsightsArgs),
    /// The corpus entity index: canonical name, type, variants, mentions per article.
    Entities(entities::EntitiesArgs),
    /// The claims of the corpus, with kinds and speakers; filter by speaker, kind, article.
    Claims(claims::ClaimsArgs),
    /// Fuzzy-search every sentence of the corpus (fzf-like query syntax).
    Search(search::SearchArgs),
    /// Where the config file is (--path), or a commented default one (--default).
    Config(config::ConfigArgs),
    /// Keep files, folders, feed files or stdin (`-`) in the library.
    Import(library::ImportArgs),
    /// Remove articles from the library.
    Remove(library::RemoveArgs),
    /// List the library with counts; show or hide the built-in articles.
    Library(library::LibraryArgs),
    /// Follow feeds: add, list, remove, OPML import and export.
    Feed(feed::FeedArgs),
    /// Fetch every followed feed and keep its new items.
    Refresh(feed::RefreshArgs),
    /// Export or import reading state (read marks, positions, bookmarks).
    State(library::StateArgs),
}

/// Loads the corpus named on the command line (without one, the built-in
/// articles and the library), printing load warnings to stderr.
pub fn load(paths: &[PathBuf], dirs: Option<&Dirs>) -> anyhow::Result<Corpus> {
    let corpus = crate::library::open_corpus(paths, dirs)?;
    for warning in &corpus.warnings {
        eprintln!("crossread: warning: {warning}");
    }
    Ok(corpus)
}

/// Writes `value` as JSON to stdout followed by a newline.
pub fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = output::stdout();
    // Into the io::Error it wraps, so a closed pipe is seen as one.
    serde_json::to_writer(&mut out, value).map_err(std::io::Error::from)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// Parses the process arguments and runs the chosen front end.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => match output::failure(&error) {
            // A reader that stops early (`| head`) is not an error.
            Some(true) => ExitCode::SUCCESS,
            Some(false) => {
                eprintln!("crossread: error: {}", output::message(&error));
                ExitCode::from(1)
            }
            None => {
                eprintln!("crossread: error: {error:#}");
                ExitCode::from(1)
            }
        },
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Some(dir) = &cli.config_dir {
        crate::config::set_dir(dir.clone());
    }
    let dirs = Dirs::resolve(cli.data_dir.clone(), cli.cache_dir.clone());
    let Some(command) = cli.command else {
        // The reader loads in the background so its screen comes up at once.
        return config::run_reader(cli.corpus, dirs, cli.theme.as_deref());
    };
    let need_dirs = || {
        dirs.clone().ok_or_else(|| {
            anyhow::anyhow!("no data directory: set --data-dir or CROSSREAD_DATA_DIR")
        })
    };
    // The process ends when the command does: freeing a large corpus one
    // allocation at a time would cost a tenth of a warm start, for nothing.
    let corpus = || load(&cli.corpus, dirs.as_ref()).map(std::mem::ManuallyDrop::new);
    match command {
        Command::List(args) => list::run(&args, &*corpus()?),
        Command::Show(args) => show::run(&args, &*corpus()?),
        Command::Analyze(args) => analyze::run(&args, &*corpus()?),
        Command::Topics(args) => topics::run(&args, &*corpus()?),
        Command::Compare(args) => compare::run(&args, &*corpus()?),
        Command::Facts(args) => facts::run(&args, &*corpus()?),
        Command::Insights(args) => insights::run(&args, &*corpus()?),
        Command::Entities(args) => entities::run(&args, &*corpus()?),
        Command::Claims(args) => claims::run(&args, &*corpus()?),
        // Search loads its corpus itself: usually from its index cache.
        Command::Search(args) => search::run(&args, &cli.corpus, dirs.as_ref()),
        Command::Config(args) => config::run(&args),
        Command::Import(args) => library::import(&args, &need_dirs()?),
        Command::Remove(args) => library::remove(&args, &need_dirs()?),
        Command::Library(args) => library::list(&args, &need_dirs()?),
        Command::Feed(args) => feed::feed(&args, &need_dirs()?),
        Command::Refresh(args) => feed::refresh(&args, &need_dirs()?),
        Command::State(args) => library::state(&args, &need_dirs()?),
    }
}
