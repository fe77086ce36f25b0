//! Full analysis (structure, sentences, entities, claims, corpus linking) over
//! the Reuters corpus written by `../shared/tools/reuters-to-corpus`.
//!
//! `cargo bench --bench analysis` — skips with a message when ../shared is absent.
//! The corpus is generated once into target/reuters; the benchmark analyses the
//! first 1,500 articles (about 1.4 MB of text) per iteration, on one thread.
//! The `ner` group times the name tagger alone on the same text and the
//! parse of its embedded model.
//!
//! Time is the benchmark thread's CPU time (from /proc/thread-self/schedstat,
//! wall time where that is missing): the machine is shared, and "on one core"
//! is about the work done, not about waiting for a core.

mod common;

use common::CpuTime;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crossread::analysis::analyze_document;
use crossread::entities::gazetteer;
use crossread::load::load_paths;
use crossread::ner::{self, model::Model};
use crossread::{sentences, structure};
use std::hint::black_box;
use std::path::{Path, PathBuf};

const ARTICLES: usize = 1_500;

fn reuters_files() -> Option<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = root.join("target/reuters");
    if !out.join("reuters-000001.txt").exists() {
        let tool = root.join("../shared/tools/reuters-to-corpus");
        if !tool.exists() {
            return None;
        }
        let status = std::process::Command::new(&tool).arg(&out).status().ok()?;
        if !status.success() {
            return None;
        }
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&out)
        .ok()?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    files.truncate(ARTICLES);
    Some(files)
}

fn analysis(c: &mut Criterion<CpuTime>) {
    let Some(files) = reuters_files() else {
        eprintln!("skipped: ../shared/tools/reuters-to-corpus is absent");
        return;
    };
    // Loading is the engine's benchmark; here documents are read once and cloned.
    let report = load_paths(&files);
    let bytes: usize = report
        .documents
        .iter()
        .map(|document| document.body.len())
        .sum();
    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    // On the benchmark thread, one document after another: the floor is
    // about one core, and the front ends' analysis shares documents out over
    // every core (whose CPU time this thread's clock would not see).
    group.bench_function("reuters_full_analysis", |b| {
        b.iter_batched(
            || report.documents.clone(),
            |documents| {
                let mut articles: Vec<_> = documents.into_iter().map(analyze_document).collect();
                crossread::entities::link_corpus(&mut articles);
                black_box(articles)
            },
            criterion::BatchSize::LargeInput,
        );
    });
    group.finish();
}

/// The name tagger alone over the same articles (structure, sentences and
/// gazetteer hits computed beforehand), and the cost of parsing its embedded
/// model, paid once per process.
fn tagger(c: &mut Criterion<CpuTime>) {
    let Some(files) = reuters_files() else {
        eprintln!("skipped: ../shared/tools/reuters-to-corpus is absent");
        return;
    };
    let report = load_paths(&files);
    let prepared: Vec<_> = report
        .documents
        .iter()
        .map(|document| {
            let blocks = document
                .markup_blocks
                .clone()
                .unwrap_or_else(|| structure::blocks(&document.body, document.format));
            let sentences = sentences::split(&document.body, &blocks);
            let hits = gazetteer::scan(&document.body);
            (document.body.as_str(), sentences, hits)
        })
        .collect();
    let bytes: usize = prepared.iter().map(|(body, _, _)| body.len()).sum();
    let mut group = c.benchmark_group("ner");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("tag_reuters", |b| {
        b.iter(|| {
            for (body, sentences, hits) in &prepared {
                black_box(ner::names(body, sentences, hits));
            }
        });
    });
    group.throughput(Throughput::Bytes(ner::MODEL.len() as u64));
    group.bench_function("model_parse", |b| {
        b.iter(|| black_box(Model::parse(black_box(ner::MODEL)).is_ok()));
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = analysis, tagger
}
criterion_main!(benches);
