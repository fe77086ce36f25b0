//! Facts and `compare` over 50 Reuters articles (50 sources): the corpus'
//! facts (target: under 100 ms), found topics, and one topic's comparison
//! (retrieval through the facts and the word diff; target: under 100 ms).
//! The whole process over all 17,053 files is `scripts/bench_facts.sh`.
//!
//! The corpus is generated into `target/reuters-compare` by
//! `../shared/tools/reuters-to-corpus --limit 50` when missing; without
//! `../shared` (a user's clone) the benchmark says so and measures nothing.

use criterion::{Criterion, criterion_group, criterion_main};
use crossread::analysis::open_corpus;
use crossread::compare::compare;
use crossread::compare::text::Normalizer;
use crossread::facts::Facts;
use crossread::topics::{CorpusIndex, Topic, TopicOrigin, TopicSet, TopicSpec};
use std::time::Duration;

#[path = "common/reuters_sample.rs"]
mod sample;
use sample::{SOURCES, reuters_sample};

/// A broad topic wire copy of 1987 is full of, with a low threshold, so
/// alignment and the diff have hundreds of sentences to work on.
fn trade_topic() -> Topic {
    let spec: TopicSpec = toml::from_str(
        r#"
        id = "prices-and-trade"
        label = "Prices and trade"
        terms = { price = 2.0, company = 1.5, shares = 1.5, bank = 1.5, rate = 1.5, profit = 1.5, sales = 1.5, billion = 1.5, mln = 1.5, pct = 1.5, year = 1.5, trade = 2.0, export = 2.0, import = 2.0, tariff = 3.0, market = 1.5, deficit = 2.0, surplus = 2.0, crop = 1.5, output = 1.5, production = 1.5, tonnes = 1.5, dollar = 1.5 }
        phrases = { "trade deficit" = 3.0, "world market" = 3.0, "oil prices" = 3.0 }
        threshold = 1.5
        "#,
    )
    .expect("benchmark topic parses");
    Topic::compile(&spec, TopicOrigin::Config, &Normalizer::default())
}

fn bench(c: &mut Criterion) {
    let Some(dir) = reuters_sample("compare") else {
        return;
    };
    let corpus = match open_corpus(&[dir]) {
        Ok(corpus) => corpus,
        Err(error) => {
            eprintln!("skipping the compare benchmark: {error}");
            return;
        }
    };
    let sources: Vec<usize> = (0..corpus.articles.len().min(SOURCES)).collect();
    let index = CorpusIndex::build(&corpus);
    let facts = Facts::build(&corpus, &index);
    let trade = trade_topic();
    let talks = TopicSet::builtin().resolve("ceasefire-and-talks");
    for topic in [&trade, &talks] {
        let comparison = compare(&corpus, &index, &facts, topic, &sources);
        let sentences: usize = comparison.coverage().iter().sum();
        eprintln!(
            "{}: {} sources, {} sentences retrieved, {} rows",
            topic.id,
            sources.len(),
            sentences,
            comparison.rows.len()
        );
    }

    let mut group = c.benchmark_group("facts");
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("facts, 50 sources", |b| {
        b.iter(|| Facts::build(&corpus, &index))
    });
    group.bench_function("found topics, 50 sources", |b| {
        b.iter(|| crossread::facts::found::topics(&corpus, &index, &facts))
    });
    group.finish();

    let mut group = c.benchmark_group("compare");
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("one topic, 50 sources (prices-and-trade)", |b| {
        b.iter(|| compare(&corpus, &index, &facts, &trade, &sources))
    });
    group.bench_function("one topic, 50 sources (ceasefire-and-talks)", |b| {
        b.iter(|| compare(&corpus, &index, &facts, &talks, &sources))
    });
    group.bench_function(
        "index + facts + one topic, 50 sources (prices-and-trade)",
        |b| {
            b.iter(|| {
                let index = CorpusIndex::build(&corpus);
                let facts = Facts::build(&corpus, &index);
                compare(&corpus, &index, &facts, &trade, &sources)
            })
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
