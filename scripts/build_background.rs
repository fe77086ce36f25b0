//! Builds the background word rarities the facts engine weighs words by:
//! `scripts/build_background.sh` (see scripts/README.md).
//!
//! build_background CORPUS_DIR OUT: reads every article under CORPUS_DIR,
//! splits it into sentences as crossread does, and writes to OUT in how many
//! sentences each content-word stem occurs (stems seen in fewer than
//! `MIN_SENTENCES` sentences are left out: a missing stem reads as rare).
//! The same folder gives the same file, byte for byte.

use anyhow::{Context, Result, bail};
use crossread::compare::text::Normalizer;
use crossread::{load, sentences, structure};
use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::PathBuf;

const MIN_SENTENCES: u32 = 3;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, out] = args.as_slice() else {
        bail!("usage: build_background CORPUS_DIR OUT");
    };
    let report = load::load_paths(&[PathBuf::from(corpus)]);
    if report.documents.is_empty() {
        bail!("no article under {corpus}");
    }
    let normalizer = Normalizer::default();
    let mut frequency: BTreeMap<String, u32> = BTreeMap::new();
    let mut total: u64 = 0;
    for document in &report.documents {
        let blocks = structure::blocks(&document.body, document.format);
        for sentence in sentences::split(&document.body, &blocks) {
            let text = &document.body[sentence.start..sentence.end];
            let tokens = normalizer.tokens(text, 0);
            let stems: HashSet<&str> = tokens
                .iter()
                .filter(|t| !t.is_stopword && !t.is_number)
                .map(|t| &*t.stem)
                .collect();
            if stems.is_empty() {
                continue;
            }
            total += 1;
            for stem in stems {
                *frequency.entry(stem.to_string()).or_default() += 1;
            }
        }
    }
    let mut file = std::io::BufWriter::new(
        std::fs::File::create(out).with_context(|| format!("creating {out}"))?,
    );
    writeln!(file, "# crossread background\t{total}")?;
    for (stem, count) in frequency.iter().filter(|(_, c)| **c >= MIN_SENTENCES) {
        writeln!(file, "{stem}\t{count}")?;
    }
    file.flush()?;
    eprintln!(
        "{} documents, {total} sentences, {} stems kept of {}",
        report.documents.len(),
        frequency.values().filter(|c| **c >= MIN_SENTENCES).count(),
        frequency.len()
    );
    Ok(())
}
