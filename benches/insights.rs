//! Insights over 50 Reuters articles (50 sources; issue 14's target: under
//! 200 ms). The facts they stand on are built once in setup, as the reader
//! has them before it asks for the insights; the insights build
//! (discrepancies within and across facts, quotations, shifts, silences) is
//! what is measured, in the thread's CPU time.
//!
//! The corpus is generated into `target/reuters-compare` (the compare
//! benchmark's) by `../shared/tools/reuters-to-corpus --limit 50` when
//! missing; without `../shared` (a user's clone) the benchmark says so and
//! measures nothing.

mod common;
#[path = "common/reuters_sample.rs"]
mod sample;
use sample::reuters_sample;

use common::CpuTime;
use criterion::{Criterion, criterion_group, criterion_main};
use crossread::analysis::open_corpus;
use crossread::facts::Facts;
use crossread::insights::Insights;
use crossread::topics::CorpusIndex;
use std::hint::black_box;
use std::time::Duration;

fn bench(c: &mut Criterion<CpuTime>) {
    let Some(dir) = reuters_sample("insights") else {
        return;
    };
    let corpus = match open_corpus(&[dir]) {
        Ok(corpus) => corpus,
        Err(error) => {
            eprintln!("skipping the insights benchmark: {error}");
            return;
        }
    };
    let index = CorpusIndex::build(&corpus);
    let facts = Facts::build(&corpus, &index);
    let insights = Insights::build(&corpus, &facts);
    eprintln!(
        "{} sources, {} facts: {} discrepancies, {} shifts, {} silences, {} quotations",
        insights.sources,
        facts.facts.len(),
        insights.discrepancies.len(),
        insights.shifts.len(),
        insights.silences.len(),
        insights.quotes.len()
    );
    let mut group = c.benchmark_group("insights");
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("insights, 50 sources (facts built)", |b| {
        b.iter(|| black_box(Insights::build(&corpus, &facts)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = bench
}
criterion_main!(benches);
