//! An isolated home for the real binary: its own data and cache
//! directories, and input files written under it.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

pub struct Home {
    pub root: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            root: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn data(&self) -> PathBuf {
        self.root.path().join("data")
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_crossread"));
        command
            .args(args)
            .env("CROSSREAD_DATA_DIR", self.data())
            .env("CROSSREAD_CACHE_DIR", self.root.path().join("cache"))
            .stdin(Stdio::null());
        command
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("runs")
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).expect("stdout is JSON")
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.root.path().join("in").join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
        std::fs::write(&path, text).expect("write");
        path
    }
}
