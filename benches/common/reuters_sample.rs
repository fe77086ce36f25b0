//! The 50-article Reuters sample the compare and insights benchmarks share,
//! written once into `target/reuters-compare` by
//! `../shared/tools/reuters-to-corpus --limit 50`; without `../shared` the
//! benchmark says so and is skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

const CORPUS: &str = "target/reuters-compare";
const TOOL: &str = "../shared/tools/reuters-to-corpus";
pub const SOURCES: usize = 50;

/// The sample's folder, written when missing; None (with a message naming
/// `benchmark`) when it cannot be.
pub fn reuters_sample(benchmark: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(CORPUS);
    if dir.is_dir() {
        return Some(dir);
    }
    if !Path::new(TOOL).exists() {
        eprintln!("skipping the {benchmark} benchmark: {TOOL} not found (it needs ../shared)");
        return None;
    }
    let status = Command::new(TOOL)
        .arg(CORPUS)
        .args(["--limit", &SOURCES.to_string()])
        .status()
        .ok()?;
    if !status.success() {
        eprintln!("skipping the {benchmark} benchmark: {TOOL} failed ({status})");
        return None;
    }
    Some(dir)
}
