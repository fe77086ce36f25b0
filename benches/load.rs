//! Loading + structure + sentences over the Reuters-21578 corpus (~17 MB of
//! hard-wrapped wire copy in ~17k files), the engine's hot path when a user
//! opens a large folder. Target: 20 MB/s or better on one core.
//!
//! Time is the benchmark thread's CPU time (from /proc/thread-self/schedstat,
//! wall time where that is missing): the machine it runs on is shared, and
//! "on one core" is about the work done, not about waiting for a core.
//!
//! The corpus is generated into `target/reuters` by
//! `../shared/tools/reuters-to-corpus` when missing; without `../shared` (a
//! user's clone) the benchmark says so and measures nothing.

mod common;

use common::CpuTime;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crossread::load::{self, Document};
use crossread::{sentences, structure};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const CORPUS: &str = "target/reuters";
const TOOL: &str = "../shared/tools/reuters-to-corpus";

fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(CORPUS);
    if dir.is_dir() {
        return Some(dir);
    }
    if !Path::new(TOOL).exists() {
        eprintln!("skipping the Reuters benchmark: {TOOL} not found (it needs ../shared)");
        return None;
    }
    let status = Command::new(TOOL).arg(CORPUS).status().ok()?;
    if !status.success() {
        eprintln!("skipping the Reuters benchmark: {TOOL} failed ({status})");
        return None;
    }
    Some(dir)
}

/// Structure and sentences of one document, as `analysis` computes them.
fn analyse(document: &Document) -> usize {
    let blocks = match &document.markup_blocks {
        Some(blocks) => blocks.clone(),
        None => structure::blocks(&document.body, document.format),
    };
    sentences::split(&document.body, &blocks).len()
}

fn bench(c: &mut Criterion<CpuTime>) {
    let Some(dir) = corpus() else {
        return;
    };
    let paths = vec![dir];
    let documents = load::load_paths(&paths).documents;
    let bytes: u64 = std::fs::read_dir(&paths[0])
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|entry| entry.metadata().ok())
                .map(|metadata| metadata.len())
                .sum()
        })
        .unwrap_or(0);
    let body_bytes: u64 = documents.iter().map(|d| d.body.len() as u64).sum();

    let mut group = c.benchmark_group("reuters");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("load+structure+sentences", |b| {
        b.iter(|| {
            let report = load::load_paths(&paths);
            report.documents.iter().map(analyse).sum::<usize>()
        })
    });
    group.throughput(Throughput::Bytes(body_bytes));
    group.bench_function("structure+sentences (in memory)", |b| {
        b.iter(|| documents.iter().map(analyse).sum::<usize>())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = bench
}
criterion_main!(benches);
