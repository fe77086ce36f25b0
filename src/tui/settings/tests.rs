use super::*;
use crate::tui::action::Action;

fn write(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

fn load_text(text: &str) -> Result<Settings, ConfigError> {
    let (_dir, path) = write(text);
    load(Some(&path), None)
}

#[test]
fn the_default_config_parses_back_to_the_defaults() {
    let settings = load_text(&default_config()).expect("the default config is valid");
    assert_eq!(settings.theme, Theme::dark());
    assert_eq!(settings.keymap, Keymap::default());
    let text = default_config();
    for (name, _) in Theme::STYLES {
        assert!(text.contains(&format!("\n{name} = ")), "{name} listed");
    }
    for mode in Mode::ALL {
        for binding in Keymap::default().bindings(mode) {
            assert!(
                text.contains(&format!("\n{} = [", binding.action.name())),
                "{} listed",
                binding.action.name()
            );
        }
    }
}

#[test]
fn keys_themes_and_styles_are_applied() {
    let settings = load_text(
        "theme = { name = \"light\", person = \"red bold\" }\n\
         [keys.global]\nwarnings = \"W\"\n[keys.navigation]\ntop = [\"g g\", \"home\"]\n",
    )
    .expect("valid");
    assert_eq!(settings.theme.border, Theme::light().border);
    assert_eq!(
        settings.theme.person,
        parse_style("red bold").expect("a style")
    );
    assert_eq!(settings.keymap.label(Mode::Global, Action::Warnings), "W");
    assert_eq!(settings.keymap.label(Mode::Navigation, Action::Top), "gg");
    assert!(settings.topics.is_some());
}

#[test]
fn the_flag_beats_the_file() {
    let (_dir, path) = write("theme = \"light\"\n");
    let settings = load(Some(&path), Some("monochrome")).expect("valid");
    assert_eq!(settings.theme, Theme::monochrome());
}

/// Every kind of config error names its line and column and what was expected.
#[test]
fn each_kind_of_error_says_where_and_what_was_expected() {
    let cases: [(&str, (usize, usize), &str); 8] = [
        ("[keys\n", (1, 6), "valid TOML"),
        ("\n\nfont = \"x\"\n", (3, 1), "one of topic, theme, keys"),
        (
            "[keys.lists]\nopen = \"x\"\n",
            (1, 7),
            "a mode in [keys.MODE]: one of global",
        ),
        (
            "[keys.list]\njump = \"x\"\n",
            (2, 1),
            "an action of [keys.list]: one of open",
        ),
        ("[keys.list]\nopen = \"ctrl-\"\n", (2, 8), "a key"),
        ("[theme]\nperson = \"purplish\"\n", (2, 10), "a colour"),
        (
            "[keys.navigation]\ndown = \"k\"\n",
            (2, 8),
            "each key at most once in [keys.navigation]",
        ),
        (
            "theme = \"sepia\"\n",
            (1, 9),
            "a theme: one of dark, light, monochrome",
        ),
    ];
    for (text, (line, column), expected) in cases {
        let error = load_text(text).expect_err(text);
        assert_eq!(
            (error.line, error.column),
            (line, column),
            "{text:?}: {error}"
        );
        assert!(error.message.contains(expected), "{text:?}: {error}");
        assert!(
            error
                .to_string()
                .contains(&format!("config.toml:{line}:{column}: ")),
            "{error}"
        );
    }
}
