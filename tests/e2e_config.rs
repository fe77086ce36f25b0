//! The config file as the real binary reads it: each kind of error stops
//! the reader with the file, line and column and exit status 2, leaving the
//! file as it was; `config --path` and `config --default`; and `NO_COLOR`
//! keeping every colour out of the bytes written to a real terminal (tmux).

mod common;

use common::{Options, Session};
use std::path::Path;
use std::process::{Command, Output};

fn crossread() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_crossread"))
}

/// `crossread ARGS` with its config in `dir`, no terminal attached.
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(crossread())
        .arg("--config-dir")
        .arg(dir)
        .args(args)
        .env_remove("CROSSREAD_CONFIG_DIR")
        .env_remove("NO_COLOR")
        .output()
        .expect("run crossread")
}

#[test]
fn each_kind_of_config_error_names_its_place_exits_2_and_leaves_the_file() {
    let cases: [(&[u8], &str); 9] = [
        (b"[keys\n", "config.toml:1:6: valid TOML"),
        (
            b"\n\nfont = \"x\"\n",
            "config.toml:3:1: one of topic, theme, keys",
        ),
        (
            b"[keys.lists]\nopen = \"x\"\n",
            "config.toml:1:7: a mode in [keys.MODE]",
        ),
        (
            b"[keys.list]\njump = \"x\"\n",
            "config.toml:2:1: an action of [keys.list]",
        ),
        (b"[keys.list]\nopen = \"ctrl-\"\n", "config.toml:2:8: a key"),
        (
            b"[theme]\nperson = \"purplish\"\n",
            "config.toml:2:10: a colour",
        ),
        (
            b"[keys.navigation]\ndown = \"k\"\n",
            "config.toml:2:8: each key at most once",
        ),
        (
            b"theme = \"sepia\"\n",
            "config.toml:1:9: a theme: one of dark, light, monochrome",
        ),
        (b"theme = \"\xff\"\n", "config.toml:1:10: UTF-8 text"),
    ];
    for (text, expected) in cases {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).expect("write config");
        let out = run(dir.path(), &[]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{expected}: {stderr}");
        assert!(stderr.contains(expected), "wanted {expected:?} in {stderr}");
        assert_eq!(
            stderr.lines().filter(|l| l.contains("error")).count(),
            1,
            "{stderr}"
        );
        assert_eq!(
            std::fs::read(&path).expect("read back"),
            text,
            "the file is unchanged"
        );
    }
}

#[test]
fn a_hostile_config_is_quoted_without_its_escapes() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("config.toml"), b"\x1b]0;owned\x07 = 1\n").expect("write");
    let out = run(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        !out.stderr.contains(&0x1b),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("\\u{1b}"));
}

#[test]
fn config_path_follows_the_flag_and_the_variable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(dir.path(), &["config", "--path"]);
    assert!(out.status.success());
    let expected = format!("{}\n", dir.path().join("config.toml").display());
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    let out = Command::new(crossread())
        .args(["config", "--path"])
        .env("CROSSREAD_CONFIG_DIR", dir.path())
        .output()
        .expect("run crossread");
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    let out = run(dir.path(), &["config"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "config needs --path or --default"
    );
}

#[test]
fn the_default_config_is_a_valid_config() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(dir.path(), &["config", "--default"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("[keys.compare]") && text.contains("person = "),
        "{text}"
    );
    std::fs::write(dir.path().join("config.toml"), &text).expect("write");
    // Without a terminal the reader stops after reading its config: a
    // valid one gets that far.
    let out = run(dir.path(), &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("needs a terminal"), "{stderr}");
}

/// The SGR parameters of `bytes` that set a colour (30-38, 40-48, 90-97,
/// 100-107); 39 and 49, back to the terminal's own, are no colour.
fn colour_codes(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut found = Vec::new();
    for sequence in text.split('\u{1b}').skip(1) {
        let Some(params) = sequence.strip_prefix('[') else {
            continue;
        };
        let end = params.find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':'));
        let Some(end) = end.filter(|&end| params[end..].starts_with('m')) else {
            continue;
        };
        for param in params[..end].split([';', ':']) {
            let colour = matches!(
                param.parse::<u32>(),
                Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
            );
            if colour {
                found.push(format!("ESC[{}m", &params[..end]));
            }
        }
    }
    found
}

/// What the reader writes to a 100x30 terminal while it opens an article
/// and the compare view, with `env`.
fn bytes_written(env: &[(&str, &str)]) -> Vec<u8> {
    let options = Options { env, paused: true };
    let tui = Session::start_with(crossread(), &[], 100, 30, options);
    tui.record();
    tui.go();
    tui.wait_for_text("Articles 1/");
    tui.send(&["Enter"]);
    tui.wait_for_text("% ╯");
    tui.send(&["c"]);
    tui.wait_for_text("row 1/");
    tui.send(&["C-c"]);
    assert_eq!(tui.exit_status(), 0);
    tui.recorded()
}

#[test]
fn no_color_writes_no_colour_to_the_terminal() {
    if !common::tmux_available("no_color_writes_no_colour_to_the_terminal") {
        return;
    }
    let plain = bytes_written(&[("NO_COLOR", "1")]);
    assert!(plain.len() > 1000, "the screens were recorded");
    assert_eq!(colour_codes(&plain), Vec::<String>::new());
    assert!(
        plain.windows(4).any(|w| w == b"\x1b[1m"),
        "bold is still used"
    );
    // The same screens in the default theme do have colour, so the check
    // above can fail.
    let coloured = bytes_written(&[]);
    assert!(!colour_codes(&coloured).is_empty());
}
