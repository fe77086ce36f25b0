//! The config file, `config.toml`: where it is, reading it safely, and its
//! TOML with the position of everything in it, so a front end that finds a
//! value it cannot use names the file, line and column.
//!
//! The file holds user topics (`[[topic]]`), a theme (`theme = "light"` or
//! a `[theme]` table of styles) and key bindings (`[keys.MODE]`). This
//! module checks the shape; what a theme name, a style or a key means is the
//! terminal reader's to say. The file is only ever read.

use crate::topics::TopicSpec;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The environment variable that moves the config directory.
pub const DIR_VARIABLE: &str = "CROSSREAD_CONFIG_DIR";
/// A config file is a few kilobytes; past this it is not one.
const MAX_BYTES: u64 = 1 << 20;

static DIR_FLAG: OnceLock<PathBuf> = OnceLock::new();

/// Moves the config directory for the rest of the process (`--config-dir`).
pub fn set_dir(dir: PathBuf) {
    let _ = DIR_FLAG.set(dir);
}

/// `--config-dir`, else `CROSSREAD_CONFIG_DIR` (when not empty), else the
/// platform's config directory for crossread.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = DIR_FLAG.get() {
        return Some(dir.clone());
    }
    match std::env::var_os(DIR_VARIABLE) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "crossread")
            .map(|dirs| dirs.config_dir().to_path_buf()),
    }
}

/// `config.toml` in [`config_dir`].
pub fn config_path() -> Option<PathBuf> {
    config_dir().map(|dir| dir.join("config.toml"))
}

/// A config file that cannot be used, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{}:{line}:{column}: {}{excerpt}",
    crate::sanitize::for_terminal(&path.display().to_string()),
    crate::sanitize::for_terminal(message)
)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// What was expected there, and what was found.
    pub message: String,
    /// The line quoted with a caret under the column (controls shown
    /// escaped), or empty.
    excerpt: String,
}

/// The file's text, for turning byte spans into lines and columns.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    text: String,
}

impl Source {
    /// The error `message` at byte `span` of the file.
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> ConfigError {
        let at = span.start.min(self.text.len());
        let at = (0..=at)
            .rev()
            .find(|&i| self.text.is_char_boundary(i))
            .unwrap_or(0);
        let line_start = self.text[..at].rfind('\n').map_or(0, |n| n + 1);
        let line_end = self.text[at..]
            .find('\n')
            .map_or(self.text.len(), |n| at + n);
        let line = self.text[..at].matches('\n').count() + 1;
        let before = &self.text[line_start..at];
        let column = before.chars().count() + 1;
        let shown_before = visible(before);
        let excerpt = format!(
            "\n  {line:>4} | {}\n       | {}^",
            visible(&self.text[line_start..line_end]),
            " ".repeat(shown_before.chars().count())
        );
        ConfigError {
            path: self.path.clone(),
            line,
            column,
            message: message.into(),
            excerpt,
        }
    }
}

/// `text` with control and invisible format characters written out
/// (`\u{1b}`), so quoting a hostile file cannot drive the terminal.
pub fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            let invisible = c.is_control()
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}');
            if invisible {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// `theme = "NAME"`, or a `[theme]` table: `name = "NAME"` and styles.
#[derive(Debug, Clone, Default)]
pub struct ThemeConfig {
    pub name: Option<Spanned<String>>,
    /// (style name, style text) overrides, in file order of the table.
    pub styles: Vec<(Spanned<String>, Spanned<String>)>,
}

/// One `action = ["key", ...]` of a `[keys.MODE]` table.
#[derive(Debug, Clone)]
pub struct KeyEntry {
    pub mode: Spanned<String>,
    pub action: Spanned<String>,
    /// Each a key or a space-separated sequence ("g g").
    pub keys: Vec<Spanned<String>>,
}

/// What a config file says, every value with its place in the file.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub topics: Vec<TopicSpec>,
    pub theme: ThemeConfig,
    pub keys: Vec<KeyEntry>,
}

/// Reads the config file at `path`: None when there is none. Anything else
/// that keeps it from being used (unreadable, not UTF-8, too big, bad TOML,
/// an unknown key, a value of the wrong type) is an error with its place.
pub fn read(path: &Path) -> Result<Option<(Source, Config)>, ConfigError> {
    let whole = |message: String| ConfigError {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message,
        excerpt: String::new(),
    };
    // Opened without blocking: a FIFO named config.toml would otherwise
    // hang every command that reads topics, and the reader at start.
    let bytes = match crate::fsio::read_regular(path, MAX_BYTES) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) if error.kind() == std::io::ErrorKind::FileTooLarge => {
            return Err(whole("a config file under 1 MiB".to_string()));
        }
        Err(error) if error.kind() == std::io::ErrorKind::IsADirectory => {
            return Err(whole("a file, found a directory".to_string()));
        }
        Err(error) if error.kind() == std::io::ErrorKind::InvalidInput => {
            return Err(whole(
                "a regular file, found a FIFO, socket or device".to_string(),
            ));
        }
        Err(error) => return Err(whole(format!("a readable file: {error}"))),
    };
    let (text, bad_utf8) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            (
                String::from_utf8_lossy(error.as_bytes()).into_owned(),
                Some(at),
            )
        }
    };
    let source = Source {
        path: path.to_path_buf(),
        text,
    };
    if let Some(at) = bad_utf8 {
        return Err(source.error(at..at, "UTF-8 text; found a byte that is not"));
    }
    let config = parse(&source)?;
    Ok(Some((source, config)))
}

/// A config file's `text` as [`read`] would take it from `path`.
pub fn from_text(path: &Path, text: String) -> Result<(Source, Config), ConfigError> {
    let source = Source {
        path: path.to_path_buf(),
        text,
    };
    let config = parse(&source)?;
    Ok((source, config))
}

fn parse(source: &Source) -> Result<Config, ConfigError> {
    let syntax = |error: toml::de::Error| {
        let span = error.span().unwrap_or(0..0);
        source.error(span, format!("valid TOML: {}", error.message()))
    };
    let root = DeTable::parse(&source.text).map_err(syntax)?;
    let mut config = Config::default();
    for (key, value) in root.get_ref() {
        match key.get_ref().as_ref() {
            "topic" => {}
            "theme" => config.theme = theme(source, value)?,
            "keys" => config.keys = keys(source, value)?,
            other => {
                return Err(source.error(
                    key.span(),
                    format!("one of topic, theme, keys at the top level; found {other:?}"),
                ));
            }
        }
    }
    // Topics have their own shape, checked by their own type; the other
    // keys were checked above.
    #[derive(serde::Deserialize)]
    struct Topics {
        #[serde(default)]
        topic: Vec<TopicSpec>,
    }
    let topics: Topics = toml::from_str(&source.text).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        source.error(
            span,
            format!("a [[topic]] as the README describes: {}", error.message()),
        )
    })?;
    config.topics = topics.topic;
    Ok(config)
}

fn string(
    source: &Source,
    value: &Spanned<DeValue>,
    what: &str,
) -> Result<Spanned<String>, ConfigError> {
    match value.get_ref() {
        DeValue::String(text) => Ok(Spanned::new(value.span(), text.to_string())),
        _ => Err(source.error(value.span(), format!("{what} as a string in quotes"))),
    }
}

fn table<'a>(
    source: &Source,
    value: &'a Spanned<DeValue<'a>>,
    what: &str,
) -> Result<&'a DeTable<'a>, ConfigError> {
    match value.get_ref() {
        DeValue::Table(table) => Ok(table),
        _ => Err(source.error(value.span(), format!("{what} as a table"))),
    }
}

fn theme(source: &Source, value: &Spanned<DeValue>) -> Result<ThemeConfig, ConfigError> {
    if let DeValue::String(_) = value.get_ref() {
        return Ok(ThemeConfig {
            name: Some(string(source, value, "a theme name")?),
            styles: Vec::new(),
        });
    }
    let entries = table(
        source,
        value,
        "theme = \"NAME\" or a [theme] table of styles",
    )?;
    let mut theme = ThemeConfig::default();
    for (key, value) in entries {
        let name = Spanned::new(key.span(), key.get_ref().to_string());
        if name.get_ref() == "name" {
            theme.name = Some(string(source, value, "a theme name")?);
        } else {
            let style = string(source, value, "a style such as \"cyan bold\"")?;
            theme.styles.push((name, style));
        }
    }
    Ok(theme)
}

fn keys(source: &Source, value: &Spanned<DeValue>) -> Result<Vec<KeyEntry>, ConfigError> {
    let modes = table(source, value, "[keys.MODE] tables")?;
    let mut entries = Vec::new();
    for (mode, actions) in modes {
        let mode = Spanned::new(mode.span(), mode.get_ref().to_string());
        let actions = table(
            source,
            actions,
            "a [keys.MODE] table of action = [\"key\", ...]",
        )?;
        for (action, keys) in actions {
            let action = Spanned::new(action.span(), action.get_ref().to_string());
            let keys = match keys.get_ref() {
                DeValue::String(_) => vec![string(source, keys, "a key")?],
                DeValue::Array(list) => list
                    .iter()
                    .map(|key| string(source, key, "a key such as \"ctrl-n\" or \"g g\""))
                    .collect::<Result<_, _>>()?,
                _ => {
                    return Err(source.error(
                        keys.span(),
                        "a key (\"ctrl-n\") or a list of keys ([\"j\", \"down\"])",
                    ));
                }
            };
            entries.push(KeyEntry {
                mode: mode.clone(),
                action,
                keys,
            });
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &[u8]) -> Result<Option<(Source, Config)>, ConfigError> {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).expect("write");
        read(&path)
    }

    #[test]
    fn a_missing_file_is_no_config() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(matches!(read(&dir.path().join("config.toml")), Ok(None)));
    }

    #[test]
    fn values_keep_their_place() {
        let text = "theme = \"light\"\n[keys.list]\nopen = [\"enter\", \"l\"]\ndown = \"j\"\n";
        let (source, config) = read_text(text.as_bytes()).expect("parses").expect("a file");
        assert_eq!(
            config.theme.name.as_ref().map(|n| n.get_ref().as_str()),
            Some("light")
        );
        let open = config
            .keys
            .iter()
            .find(|k| k.action.get_ref() == "open")
            .expect("open");
        assert_eq!(open.mode.get_ref(), "list");
        assert_eq!(open.keys.len(), 2);
        let error = source.error(open.keys[1].span(), "something else");
        assert_eq!((error.line, error.column), (3, 18));
    }

    #[test]
    fn errors_name_line_and_column() {
        let syntax = read_text(b"[keys\nx = 1\n").expect_err("bad TOML");
        assert_eq!(syntax.line, 1);
        assert!(syntax.message.contains("valid TOML"), "{syntax}");
        let unknown = read_text(b"\ncolour = \"red\"\n").expect_err("unknown key");
        assert_eq!((unknown.line, unknown.column), (2, 1));
        assert!(
            unknown
                .to_string()
                .contains(":2:1: one of topic, theme, keys"),
            "{unknown}"
        );
        let wrong = read_text(b"[keys.list]\nopen = 3\n").expect_err("not a key");
        assert_eq!((wrong.line, wrong.column), (2, 8));
        let topic = read_text(b"[[topic]]\nid = 3\n").expect_err("bad topic");
        assert_eq!(topic.line, 2);
    }

    #[test]
    fn hostile_files_are_quoted_safely() {
        let error = read_text(b"\x1b[31m = 1\n").expect_err("bad");
        let shown = error.to_string();
        assert!(!shown.contains('\u{1b}'), "{shown:?}");
        assert!(shown.contains("\\u{1b}"), "{shown:?}");
        let error = read_text(b"theme = \"\xff\"\n").expect_err("not UTF-8");
        assert_eq!((error.line, error.column), (1, 10));
        assert!(error.message.contains("UTF-8"));
    }
}
