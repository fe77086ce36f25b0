#![no_main]

#[path = "../src/targets.rs"]
#[allow(dead_code)] // each target uses one of the shared functions
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::structure(data));
