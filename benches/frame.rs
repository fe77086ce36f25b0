//! One reader frame at 200x60 on a TestBackend, on a very long article so
//! that drawing only the visible lines is what keeps it fast.
//!
//! Time is the benchmark thread's CPU time (from /proc/thread-self/schedstat,
//! wall time where that is missing): the build machine is shared, and the
//! question is how much work a frame is, not how long it waited for a core.
//!
//! Run: `cargo bench --bench frame`

mod common;

use common::CpuTime;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use crossread::analysis::open_corpus;
use crossread::model::{Article, Block, Corpus, Sentence};
use crossread::tui::BenchReader;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::hint::black_box;
use std::time::Duration;

/// The built-in articles end to end, `copies` times, as one article.
fn long_article(corpus: &Corpus, copies: usize) -> Article {
    let mut long = corpus.articles[0].clone();
    long.id = "long".into();
    long.title = "A very long article".into();
    long.body.clear();
    long.blocks.clear();
    long.sentences.clear();
    for _ in 0..copies {
        for article in &corpus.articles {
            let shift = long.body.len();
            let block_shift = long.blocks.len();
            long.body.push_str(&article.body);
            long.body.push('\n');
            long.blocks.extend(article.blocks.iter().map(|b| Block {
                start: b.start + shift,
                end: b.end + shift,
                ..*b
            }));
            long.sentences
                .extend(article.sentences.iter().map(|s| Sentence {
                    start: s.start + shift,
                    end: s.end + shift,
                    block: s.block + block_shift,
                }));
        }
    }
    long
}

fn frame(c: &mut Criterion<CpuTime>) {
    let mut corpus = open_corpus(&[]).expect("built-in corpus");
    let long = long_article(&corpus, 200);
    let bytes = long.body.len();
    corpus.articles.insert(0, long);
    let mut reader = BenchReader::new(corpus, 200, 60);
    // Into the middle of the article, with the reader focused.
    let lines = reader.scroll_to(0);
    reader.scroll_to(lines / 2);
    eprintln!("long article: {bytes} bytes, {lines} lines at 200x60");
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    // Few, long samples: the thread's CPU clock in schedstat advances in
    // scheduler ticks, so each sample must span many of them.
    let mut group = c.benchmark_group("reader");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("frame 200x60 (long article)", |b| {
        b.iter(|| black_box(&mut reader).frame(&mut terminal))
    });
    group.bench_function("layout (wrap) of the long article, once per width", |b| {
        b.iter(|| black_box(&reader).layout(130))
    });
    // The per-cell pass alone, on a fresh copy of the drawn buffer each time
    // (the copy is not timed): the reader's frame, mostly ASCII, and a screen
    // where every cell holds a cluster of several code points.
    let screen = Rect::new(0, 0, 200, 60);
    let mut drawn = Buffer::empty(screen);
    reader.draw(&mut drawn);
    group.bench_function("per-cell pass, 200x60 reader frame", |b| {
        b.iter_batched_ref(
            || drawn.clone(),
            BenchReader::per_cell_pass,
            BatchSize::SmallInput,
        )
    });
    let mut scripts = Buffer::empty(screen);
    let line = "क्षत्रिय 👨‍👩‍👧 🇳🇴 👍🏽 ❤️ नमस्ते ".repeat(12);
    for y in 0..screen.height {
        scripts.set_stringn(0, y, &line, usize::from(screen.width), Style::default());
    }
    group.bench_function(
        "per-cell pass, 200x60 of flags, emoji and Devanagari",
        |b| {
            b.iter_batched_ref(
                || scripts.clone(),
                BenchReader::per_cell_pass,
                BatchSize::SmallInput,
            )
        },
    );
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = frame
}
criterion_main!(benches);
