//! Build script: gives the analysis cache its key. `CROSSREAD_ANALYSER` is a
//! hash of every source and asset file, so any change to how articles are
//! analysed (code, word lists, gazetteers, model weights) makes old cache
//! entries misses instead of wrong answers.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let mut files = Vec::new();
    for dir in ["src", "assets"] {
        collect(&root.join(dir), &mut files);
        println!("cargo:rerun-if-changed={dir}");
    }
    files.sort();
    // FNV-1a: stable across Rust versions, unlike the std hasher's keys.
    let mut hash = Fnv(0xcbf2_9ce4_8422_2325);
    for file in &files {
        hash.write(
            file.strip_prefix(&root)
                .unwrap_or(file)
                .to_string_lossy()
                .as_bytes(),
        );
        if let Ok(bytes) = std::fs::read(file) {
            hash.write(&bytes);
        }
    }
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    println!(
        "cargo:rustc-env=CROSSREAD_ANALYSER={version}-{:016x}",
        hash.finish()
    );
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}

struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
