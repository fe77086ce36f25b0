//! The command line: `crossread` (the reader) and its scriptable subcommands.
//!
//! Exit codes: 0 success; 1 the command could not do its work (no readable
//! article, unknown id, ...); 2 the command line itself is wrong (clap).
//! With `--json`, stdout carries nothing but the JSON document; warnings and
//! errors go to stderr.

mod analyze;
mod claims;
mod entities;
mod list;
mod show;

use crate::analysis::open_corpus;
use crate::model::Corpus;
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
    /// The corpus entity index: canonical name, type, variants, mentions per article.
    Entities(entities::EntitiesArgs),
    /// The claims of the corpus, with kinds and speakers; filter by speaker, kind, article.
    Claims(claims::ClaimsArgs),
}

/// Loads the corpus named on the command line, printing load warnings to stderr.
pub fn load(paths: &[PathBuf]) -> anyhow::Result<Corpus> {
    let corpus = open_corpus(paths)?;
    for warning in &corpus.warnings {
        eprintln!("crossread: warning: {warning}");
    }
    Ok(corpus)
}

/// Writes `value` as JSON to stdout followed by a newline.
pub fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    serde_json::to_writer(&mut out, value)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// Parses the process arguments and runs the chosen front end.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A reader that stops early (`| head`) is not an error.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("crossread: error: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let Some(command) = cli.command else {
        // The reader loads in the background so its screen comes up at once.
        return crate::tui::run(cli.corpus).map(|()| ExitCode::SUCCESS);
    };
    let corpus = load(&cli.corpus)?;
    match command {
        Command::List(args) => list::run(&args, &corpus),
        Command::Show(args) => show::run(&args, &corpus),
        Command::Analyze(args) => analyze::run(&args, &corpus),
        Command::Entities(args) => entities::run(&args, &corpus),
        Command::Claims(args) => claims::run(&args, &corpus),
    }
}
