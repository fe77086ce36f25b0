//! Huge single articles, the hostile sizes of docs/RELIABILITY.md: one-line
//! files of 1, 5 and 25 MB and an article of 200,000 sentences, each through
//! the whole analysis (structure, sentences, entities, claims). Time should
//! grow linearly with the size; issue 13 found 20 s for the 5 MB line and
//! 7 minutes for the 200,000 sentences before they were made linear.
//!
//! `cargo bench --bench huge`. Invented text, generated here. Time is the
//! benchmark thread's CPU time (see `common::CpuTime`).

mod common;

use common::CpuTime;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crossread::analysis::analyze_document;
use crossread::load::{Format, document_from_text};
use crossread::model::Origin;
use std::hint::black_box;
use std::time::Duration;

fn one_line(bytes: usize) -> String {
    "word ".repeat(bytes / 5)
}

fn sentences(count: usize) -> String {
    let speakers = ["Marta Quell", "the Ostrava Union", "Piet Varo"];
    let mut text = String::new();
    for n in 0..count {
        text.push_str(&format!(
            "{} said the talks number {n} would go on. ",
            speakers[n % speakers.len()]
        ));
        if n % 10 == 9 {
            text.push_str("\n\n");
        }
    }
    text
}

fn bench(c: &mut Criterion<CpuTime>) {
    let mut group = c.benchmark_group("huge");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    let inputs = [
        ("one line, 1 MB", one_line(1 << 20)),
        ("one line, 5 MB", one_line(5 << 20)),
        ("one line, 25 MB", one_line(25 << 20)),
        ("200,000 sentences", sentences(200_000)),
    ];
    for (name, text) in inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let document =
                    document_from_text(text.clone(), Format::Text, Origin::Builtin("bench"))
                        .expect("a document");
                black_box(analyze_document(document).sentences.len())
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = bench
}
criterion_main!(benches);
