//! The reader's settings from the config file ([`crate::config`]) and the
//! command line: the theme and its style overrides, the key map, the
//! topics. Every value the reader cannot use is an error naming its place;
//! nothing is skipped quietly, and the file is never written.

use super::keymap::{Key, Keymap, Mode, parse_sequence};
use super::layer::Settings;
use super::theme::{self, Theme, parse_style, style_text};
use crate::config::{Config, ConfigError, Source};
use crate::topics::TopicSet;
use std::path::Path;

pub use super::theme::THEMES;

/// The settings from the config file at `config` (if there is one) and
/// `--theme`, which wins over the file's theme; without either, `NO_COLOR`
/// picks the monochrome theme.
pub fn load(config: Option<&Path>, theme_flag: Option<&str>) -> Result<Settings, ConfigError> {
    let read = match config {
        Some(path) => crate::config::read(path)?,
        None => None,
    };
    let no_color = std::env::var_os("NO_COLOR");
    let fallback = theme::default_name(no_color.as_deref());
    match read {
        None => Ok(Settings {
            theme: named(theme_flag.unwrap_or(fallback)),
            ..Settings::default()
        }),
        Some((source, config)) => from_config(&source, config, theme_flag.unwrap_or(""), fallback),
    }
}

fn named(name: &str) -> Theme {
    Theme::named(name).unwrap_or_default()
}

/// `flag` is `--theme` ("" when not given); `fallback` the theme to use
/// when neither it nor the file names one.
fn from_config(
    source: &Source,
    config: Config,
    flag: &str,
    fallback: &str,
) -> Result<Settings, ConfigError> {
    let mut theme = match &config.theme.name {
        Some(name) => Theme::named(name.get_ref()).ok_or_else(|| {
            source.error(
                name.span(),
                format!(
                    "a theme: one of {}; found {:?}",
                    THEMES.join(", "),
                    name.get_ref()
                ),
            )
        })?,
        None => named(fallback),
    };
    if !flag.is_empty() {
        theme = named(flag);
    }
    for (name, text) in &config.theme.styles {
        let style =
            parse_style(text.get_ref()).map_err(|expected| source.error(text.span(), expected))?;
        let slot = theme.style_mut(name.get_ref()).ok_or_else(|| {
            let names: Vec<&str> = Theme::STYLES.iter().map(|(name, _)| *name).collect();
            source.error(
                name.span(),
                format!(
                    "name or a style of [theme]: one of {}; found {:?}",
                    names.join(", "),
                    name.get_ref()
                ),
            )
        })?;
        *slot = style;
    }
    Ok(Settings {
        theme,
        keymap: keymap(source, &config)?,
        topics: Some(TopicSet::with_user(config.topics)),
    })
}

fn keymap(source: &Source, config: &Config) -> Result<Keymap, ConfigError> {
    let mut overrides = Vec::new();
    for (index, entry) in config.keys.iter().enumerate() {
        let mode = Mode::from_config_name(entry.mode.get_ref()).ok_or_else(|| {
            let names: Vec<&str> = Mode::ALL.iter().map(|mode| mode.config_name()).collect();
            source.error(
                entry.mode.span(),
                format!(
                    "a mode in [keys.MODE]: one of {}; found {:?}",
                    names.join(", "),
                    entry.mode.get_ref()
                ),
            )
        })?;
        let keys: Vec<Vec<Key>> = entry
            .keys
            .iter()
            .map(|key| {
                parse_sequence(key.get_ref()).map_err(|expected| source.error(key.span(), expected))
            })
            .collect::<Result<_, _>>()?;
        overrides.push((mode, entry.action.get_ref().as_str(), keys, index));
    }
    Keymap::default()
        .with_overrides(&overrides)
        .map_err(|error| {
            let entry = &config.keys[error.at];
            let span = match error.key.and_then(|key| entry.keys.get(key)) {
                Some(key) => key.span(),
                None => entry.action.span(),
            };
            source.error(span, error.message)
        })
}

/// The config file that sets everything to what it is without one, every
/// action and style listed and commented, for `crossread config --default`.
pub fn default_config() -> String {
    let mut out = String::from(
        "# crossread's config file with every setting at its default: change what\n\
         # you want, delete the rest; `crossread config --path` says where it goes.\n\
         #\n\
         # theme: one of dark, light, monochrome (NO_COLOR picks monochrome).\n\
         # A style is a colour (a name such as cyan or light-magenta, 0-255, or\n\
         # #rrggbb), optionally \"on COLOUR\" for the background, and any of bold,\n\
         # dim, italic, underlined, reversed, crossed-out; \"plain\" for none.\n\
         # Keys: one character, or a name (enter, esc, tab, backtab, backspace,\n\
         # space, up, down, left, right, pageup, pagedown, home, end, delete,\n\
         # f1-f12), after ctrl-, alt- or shift- if held; \"g g\" is g twice.\n\
         # toggle_source's nth key shows or hides source n.\n\
         # Topics: [[topic]] tables, as the README describes.\n\n[theme]\nname = \"dark\"\n",
    );
    let theme = Theme::dark();
    for (name, about) in Theme::STYLES {
        let style = theme.style(name).unwrap_or_default();
        out.push_str(&format!("# {about}\n{name} = {:?}\n", style_text(style)));
    }
    out.push_str(&Keymap::default().default_config());
    out
}

#[cfg(test)]
mod tests;
