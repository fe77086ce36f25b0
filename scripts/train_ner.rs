//! Trains the name tagger: `scripts/train_ner.sh` (see scripts/README.md).
//!
//! train_ner TRAIN VALID OUT [SEED]: trains on TRAIN for each pruning level,
//! scores every epoch on VALID (exact spans, PER/ORG/LOC) and writes to OUT
//! the smallest model within 0.001 F1 of the best (a smaller table is a
//! faster tagger).

use anyhow::{Context, Result, bail};
use crossread::ner::model::Model;
use crossread::ner::train::{Options, evaluate, read_conll, train};

const EPOCHS: usize = 12;
const MIN_COUNTS: [u32; 3] = [1, 2, 3];
const TOLERANCE: f64 = 0.001;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [train_path, valid_path, out, rest @ ..] = args.as_slice() else {
        bail!("usage: train_ner TRAIN VALID OUT [SEED]");
    };
    let seed = match rest.first() {
        Some(seed) => seed.parse().context("SEED is a number")?,
        None => 1,
    };
    let read = |path: &str| -> Result<_> {
        let data = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
        Ok(read_conll(&data))
    };
    let (training, validation) = (read(train_path)?, read(valid_path)?);
    let mut trained: Vec<(f64, Vec<u8>)> = Vec::new();
    for min_count in MIN_COUNTS {
        let options = Options {
            epochs: EPOCHS,
            min_count,
            seed,
        };
        let mut failure = None;
        train(&training, &options, |epoch, bytes| {
            let model = match Model::parse(&bytes) {
                Ok(model) => model,
                Err(error) => {
                    failure = Some(error);
                    return;
                }
            };
            let counts = evaluate(&model, &validation);
            let f1 = counts.f1();
            eprintln!(
                "min count {min_count} epoch {epoch}: valid F1 {f1:.4} ({} bytes) {counts:?}",
                bytes.len()
            );
            trained.push((f1, bytes));
        });
        if let Some(error) = failure {
            bail!("trained model does not parse: {error}");
        }
    }
    let best = trained.iter().map(|(f1, _)| *f1).fold(0.0, f64::max);
    // Among equals in size, the earliest setting wins: the choice is stable.
    let Some((f1, bytes)) = trained
        .iter()
        .filter(|(f1, _)| *f1 >= best - TOLERANCE)
        .min_by_key(|(_, bytes)| bytes.len())
    else {
        bail!("no epoch trained");
    };
    std::fs::write(out, bytes).with_context(|| format!("writing {out}"))?;
    eprintln!("wrote {out}: {} bytes, valid F1 {f1:.4}", bytes.len());
    Ok(())
}
