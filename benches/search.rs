//! Search speed on the Reuters corpus (about 17,000 articles, 115,000 sentences).
//!
//! Needs `../shared/tools/reuters-to-corpus` (run from the repository root);
//! the corpus is generated once into `target/reuters`. Without it the
//! benchmarks are skipped with a message.
//!
//! - `search/complete_skim/Q`: the same with fuzzy-matcher's SkimMatcherV2
//!   behind the same `Matcher` trait, for the comparison in docs/PERFORMANCE.md.
//! - `search/first_update/Q`: keystroke to the first (partial, best-first) update.
//! - `search/complete/Q`: keystroke to the complete ranked result.
//! - `search/refine/Q`: the same when the previous query was Q minus its last char.
//! - `search/cli_top20/Q`: what `crossread search` does once the index is loaded.
//! - `search/index_build`: preparing the index from an analysed corpus.
//!
//! It also writes the indexed sentences, one per line, to
//! `target/reuters-sentences.txt` for `fzf --filter`.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use crossread::analysis::open_corpus;
use crossread::search::{self, Matcher, NucleoMatcher, SearchIndex, Searcher, SkimMatcher};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

const SENTENCES: &str = "target/reuters-sentences.txt";

/// The fixed list of 1-5 character queries the targets are judged on.
const QUERIES: &[&str] = &[
    "o", "oi", "oil", "bank", "wheat", "yen", "tonne", "pct", "ussr", "gold",
];

fn reuters() -> Option<PathBuf> {
    let corpus = PathBuf::from("target/reuters");
    if corpus.is_dir() {
        return Some(corpus);
    }
    let tool = Path::new("../shared/tools/reuters-to-corpus");
    if !tool.exists() {
        eprintln!(
            "search benchmarks skipped: ../shared/tools/reuters-to-corpus not found (run from the repository root of a checkout next to ../shared)"
        );
        return None;
    }
    let status = std::process::Command::new(tool)
        .arg(&corpus)
        .status()
        .ok()?;
    (status.success() && corpus.is_dir()).then_some(corpus)
}

/// The indexed sentences, one per line with whitespace collapsed, for the
/// whole-process comparison with `fzf --filter` in docs/PERFORMANCE.md.
fn write_sentences(index: &SearchIndex) {
    let mut lines = String::new();
    for number in 0..u32::try_from(index.len()).unwrap_or(u32::MAX) {
        if let Some(view) = index.view(number) {
            let words: Vec<&str> = view.text.split_whitespace().collect();
            lines.push_str(&words.join(" "));
            lines.push('\n');
        }
    }
    if let Err(error) = std::fs::write(SENTENCES, lines) {
        eprintln!("{SENTENCES}: {error}");
    }
}

fn benches(c: &mut Criterion) {
    let Some(path) = reuters() else {
        return;
    };
    // The files one by one, so the benchmark does not depend on how the
    // loader walks folders.
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&path) {
        Ok(entries) => entries.flatten().map(|entry| entry.path()).collect(),
        Err(error) => {
            eprintln!("search benchmarks skipped: {}: {error}", path.display());
            return;
        }
    };
    files.sort();
    let corpus = match open_corpus(&files) {
        Ok(corpus) => corpus,
        Err(error) => {
            eprintln!("search benchmarks skipped: {error}");
            return;
        }
    };
    let index = Arc::new(SearchIndex::build(&corpus));
    eprintln!(
        "search benchmarks: {} articles, {} sentences",
        corpus.articles.len(),
        index.len()
    );
    write_sentences(&index);
    let matcher: Arc<dyn Matcher> = Arc::new(NucleoMatcher);
    let skim: Arc<dyn Matcher> = Arc::new(SkimMatcher::default());
    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(300));
    group.measurement_time(Duration::from_secs(2));

    for &query in QUERIES {
        group.bench_function(format!("first_update/{query}"), |b| {
            b.iter(|| {
                // A fresh searcher: the keystroke cannot reuse survivors.
                let mut searcher = Searcher::new(Arc::clone(&index), Arc::clone(&matcher));
                let mut first = None;
                searcher.run(query, |update| {
                    first = Some(update.hits.len());
                    false
                });
                black_box(first)
            })
        });
        for (name, matcher) in [("complete", &matcher), ("complete_skim", &skim)] {
            group.bench_function(format!("{name}/{query}"), |b| {
                b.iter(|| {
                    let mut searcher = Searcher::new(Arc::clone(&index), Arc::clone(matcher));
                    let mut matched = 0;
                    searcher.run(query, |update| {
                        matched = update.matched;
                        true
                    });
                    black_box(matched)
                })
            });
        }
        if query.len() > 1 {
            let shorter = &query[..query.len() - 1];
            group.bench_function(format!("refine/{query}"), |b| {
                b.iter_batched(
                    || {
                        let mut searcher = Searcher::new(Arc::clone(&index), Arc::clone(&matcher));
                        searcher.run(shorter, |_| true);
                        searcher
                    },
                    |mut searcher| {
                        let mut matched = 0;
                        searcher.run(query, |update| {
                            matched = update.matched;
                            true
                        });
                        black_box(matched)
                    },
                    BatchSize::PerIteration,
                )
            });
        }
        group.bench_function(format!("cli_top20/{query}"), |b| {
            b.iter(|| black_box(search::search(&index, matcher.as_ref(), query, 20)))
        });
    }
    group.bench_function("index_build", |b| {
        b.iter(|| black_box(SearchIndex::build(&corpus).len()))
    });
    group.finish();
}

criterion_group!(search_benches, benches);
criterion_main!(search_benches);
