//! Replays every input kept in `fuzz/regressions/TARGET/` (crashes and
//! hangs the fuzzers found, once fixed, and seeds) through the same code the
//! fuzz targets run, on stable: CI replays, it never fuzzes.

#[path = "../fuzz/src/targets.rs"]
mod targets;

#[test]
fn every_kept_fuzz_input_runs_clean() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;
    for target in targets::TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let data = std::fs::read(entry.path()).expect("a kept input");
            targets::run(target, &data);
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no input under {}", root.display());
}
