use crate::analysis::{CorpusError, analyze_document};
use crate::load::{self, Document};
use crate::model::{Corpus, LoadWarning};
use crate::search::{self, NucleoMatcher, SearchIndex, SearchResult, cache};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Query syntax: space-separated terms must all match, each fuzzily, in any order.
  'exact   ^prefix   suffix$   !not   a | b (either)
  title:WORD  source:WORD  speaker:NAME  in:quotes   (prefix ! to exclude)
A term with a capital letter matches case-sensitively; accents and curly quotes are folded.")]
pub struct SearchArgs {
    /// The query (several words are joined with spaces).
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Print `{"query","results":[{"article","title","start","end","text","score","positions"}]}`.
    #[arg(long)]
    pub json: bool,
    /// At most this many results, best first.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Neither read nor write the on-disk index cache used with `--corpus`.
    #[arg(long)]
    pub no_cache: bool,
}

#[derive(serde::Serialize)]
struct Output<'a> {
    query: &'a str,
    results: &'a [SearchResult],
}

pub fn run(
    args: &SearchArgs,
    paths: &[PathBuf],
    dirs: Option<&crate::store::Dirs>,
) -> anyhow::Result<ExitCode> {
    let query = args.query.join(" ");
    let index = open_index(paths, args.no_cache, dirs)?;
    let results = search::search(&index, &NucleoMatcher, &query, args.limit);
    if args.json {
        super::print_json(&Output {
            query: &query,
            results: &results,
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    use std::io::Write;
    let mut out = super::output::stdout();
    for result in &results {
        let title: Vec<&str> = result.title.split_whitespace().collect();
        let text: Vec<&str> = result.text.split_whitespace().collect();
        writeln!(
            out,
            "{}  {}\n    {}",
            result.article,
            title.join(" "),
            text.join(" ")
        )?;
    }
    out.flush()?;
    if results.is_empty() {
        eprintln!("crossread: no sentence matches {query:?}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The index of the corpus on the command line: built in memory for the
/// built-in articles, else read from the cache when it is current, else
/// built (on all cores) and cached. Load warnings go to stderr either way.
fn open_index(
    paths: &[PathBuf],
    no_cache: bool,
    dirs: Option<&crate::store::Dirs>,
) -> anyhow::Result<SearchIndex> {
    if paths.is_empty() {
        return Ok(SearchIndex::build(&super::load(paths, dirs)?));
    }
    let slot = (!no_cache)
        .then(cache::cache_dir)
        .flatten()
        .map(|dir| cache::slot(&dir, paths));
    if let Some(cached) = slot.as_ref().and_then(cache::load) {
        print_warnings(&cached.warnings);
        return Ok(cached.index);
    }
    let report = load::load_paths(paths);
    print_warnings(&report.warnings);
    let corpus = Corpus {
        articles: analyze_parallel(report.documents),
        warnings: report.warnings,
    };
    if corpus.articles.is_empty() {
        let names: Vec<String> = paths
            .iter()
            .map(|path| crate::sanitize::for_terminal(&path.display().to_string()))
            .collect();
        return Err(CorpusError::NothingReadable(names.join(", ")).into());
    }
    let index = SearchIndex::build(&corpus);
    if let Some(slot) = slot
        && let Err(error) = cache::store(&slot, &index, &corpus.warnings)
    {
        eprintln!(
            "crossread: warning: could not write the search cache {}: {error}",
            crate::sanitize::for_terminal(&slot.file.display().to_string())
        );
    }
    Ok(index)
}

fn print_warnings(warnings: &[LoadWarning]) {
    for warning in warnings {
        eprintln!("crossread: warning: {warning}");
    }
}

/// Analyses documents on every core, keeping their order.
fn analyze_parallel(documents: Vec<Document>) -> Vec<crate::model::Article> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let size = documents.len().div_ceil(threads).max(1);
    let mut batches: Vec<Vec<Document>> = Vec::new();
    let mut documents = documents.into_iter().peekable();
    while documents.peek().is_some() {
        batches.push(documents.by_ref().take(size).collect());
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = batches
            .into_iter()
            .map(|batch| {
                scope.spawn(|| batch.into_iter().map(analyze_document).collect::<Vec<_>>())
            })
            .collect();
        let mut articles = Vec::new();
        for handle in handles {
            match handle.join() {
                Ok(mut batch) => articles.append(&mut batch),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        articles
    })
}
