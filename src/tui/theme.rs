//! Every colour and modifier the reader draws with, by role. Drawing code
//! asks for `theme.border` or `theme.person`, never for a colour, so a theme
//! (and a user's `[theme]` overrides) restyles every screen at once.
//!
//! Three themes: `dark` (the default), `light`, and `monochrome`, which uses
//! no colour at all (picked when `NO_COLOR` is set): there entity types stay
//! apart by bold, underline and italics, and claims by their gutter marks.

use ratatui::style::{Color, Modifier, Style};
use std::str::FromStr;

/// Declares the theme's styles once: the struct, the names the config file
/// uses for them, and what each is for (the commented default config).
macro_rules! styles {
    ($($field:ident: $about:literal,)*) => {
        /// One style per role on screen.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Theme {
            $(pub $field: Style,)*
        }

        impl Theme {
            /// (config name, what it styles) of every style, in file order.
            pub const STYLES: &[(&str, &str)] = &[$((stringify!($field), $about),)*];

            /// The style the config file calls `name`.
            pub fn style_mut(&mut self, name: &str) -> Option<&mut Style> {
                match name {
                    $(stringify!($field) => Some(&mut self.$field),)*
                    _ => None,
                }
            }

            /// The style the config file calls `name`, read only.
            pub fn style(&self, name: &str) -> Option<Style> {
                match name {
                    $(stringify!($field) => Some(self.$field),)*
                    _ => None,
                }
            }
        }
    };
}

styles! {
    border: "borders of the focused pane and of overlays",
    border_dim: "borders of a pane without focus",
    title: "titles, headings and the selected row's rule",
    accent: "selection markers, cursors and progress text",
    key: "key names in help and hints, source numbers",
    dim: "secondary text: counts, rules, tips",
    strong: "article titles in the list",
    selected: "the selected item of a list",
    selected_line: "the selected row of the panel",
    outlet: "outlet names",
    byline: "the outlet and date line above an article",
    warning: "warnings and the too-small notice",
    count: "sentence counts and claim labels",
    silent: "a source with nothing on the topic",
    hidden: "the word hidden beside a hidden source",
    shown_mark: "the [x] of a shown source",
    status_bar: "the status bar's background",
    highlight: "a sentence opened from search or compare",
    matched: "characters a search matched",
    heading: "headings inside an article",
    boilerplate: "boilerplate lines (navigation, repeated headlines)",
    bullet: "list bullets in the reader",
    person: "entities: people",
    organization: "entities: organisations",
    place: "entities: places",
    quote: "claim gutter mark: a quote",
    statistic: "claim gutter mark: a figure",
    hedged: "claim gutter mark: a hedged claim",
    attributed: "claim gutter mark: an attributed claim",
    assertion: "claim gutter mark: a plain assertion",
    quoted_text: "the text of a quote",
    hedged_text: "the text of a hedged claim",
    figure: "the figures of a statistic",
    differs: "compare: wording that differs between sources",
    number: "compare: a number that differs",
    diff_entity: "compare: a name that differs",
    column_head: "compare: a source's column heading",
}

const fn fg(color: Color) -> Style {
    Style::new().fg(color)
}

const fn fg_mod(color: Color, modifier: Modifier) -> Style {
    Style::new().fg(color).add_modifier(modifier)
}

const fn with(modifier: Modifier) -> Style {
    Style::new().add_modifier(modifier)
}

const NONE: Style = Style::new();
const BOLD: Modifier = Modifier::BOLD;
const ITALIC: Modifier = Modifier::ITALIC;
const UNDERLINED: Modifier = Modifier::UNDERLINED;
const REVERSED: Modifier = Modifier::REVERSED;
const DIM: Modifier = Modifier::DIM;

/// The names `--theme` and `theme = "..."` accept.
pub const THEMES: [&str; 3] = ["dark", "light", "monochrome"];

impl Theme {
    /// Light text on a dark terminal: the reader's look before themes.
    pub fn dark() -> Theme {
        Theme {
            border: fg(Color::Cyan),
            border_dim: fg(Color::DarkGray),
            title: fg_mod(Color::Cyan, BOLD),
            accent: fg(Color::Cyan),
            key: fg_mod(Color::Yellow, BOLD),
            dim: fg(Color::DarkGray),
            strong: with(BOLD),
            selected: with(BOLD.union(REVERSED)),
            selected_line: with(REVERSED),
            outlet: fg(Color::Magenta),
            byline: fg_mod(Color::Magenta, ITALIC),
            warning: fg(Color::Yellow),
            count: fg(Color::Yellow),
            silent: fg_mod(Color::Red, ITALIC),
            hidden: fg_mod(Color::Yellow, ITALIC),
            shown_mark: fg_mod(Color::Green, BOLD),
            status_bar: Style::new().bg(Color::Black),
            highlight: Style::new().bg(Color::Yellow).fg(Color::Black),
            matched: fg_mod(Color::Yellow, BOLD.union(UNDERLINED)),
            heading: fg_mod(Color::Cyan, BOLD),
            boilerplate: fg(Color::DarkGray),
            bullet: fg(Color::Cyan),
            person: fg(Color::LightMagenta),
            organization: fg(Color::LightBlue),
            place: fg(Color::LightGreen),
            quote: fg(Color::Yellow),
            statistic: fg(Color::LightCyan),
            hedged: fg(Color::LightRed),
            attributed: fg(Color::LightYellow),
            assertion: fg(Color::Gray),
            quoted_text: with(ITALIC),
            hedged_text: with(DIM),
            figure: with(BOLD),
            differs: fg(Color::Yellow),
            number: fg_mod(Color::LightRed, BOLD.union(UNDERLINED)),
            diff_entity: fg_mod(Color::LightCyan, BOLD),
            column_head: with(BOLD.union(UNDERLINED)),
        }
    }

    /// Dark text on a light terminal: no yellow or light colours, which
    /// vanish on white.
    pub fn light() -> Theme {
        Theme {
            border: fg(Color::Blue),
            title: fg_mod(Color::Blue, BOLD),
            accent: fg(Color::Blue),
            key: fg_mod(Color::Red, BOLD),
            outlet: fg(Color::Magenta),
            byline: fg_mod(Color::Magenta, ITALIC),
            warning: fg_mod(Color::Red, BOLD),
            count: fg(Color::Red),
            hidden: fg_mod(Color::DarkGray, ITALIC),
            status_bar: Style::new().bg(Color::Gray),
            highlight: Style::new().bg(Color::LightYellow).fg(Color::Black),
            matched: fg_mod(Color::Red, BOLD.union(UNDERLINED)),
            heading: fg_mod(Color::Blue, BOLD),
            bullet: fg(Color::Blue),
            person: fg(Color::Magenta),
            organization: fg(Color::Blue),
            place: fg(Color::Green),
            quote: fg(Color::Red),
            statistic: fg(Color::Cyan),
            hedged: fg(Color::Magenta),
            attributed: fg(Color::Blue),
            assertion: fg(Color::DarkGray),
            differs: fg_mod(Color::Red, UNDERLINED),
            number: fg_mod(Color::Magenta, BOLD.union(UNDERLINED)),
            diff_entity: fg_mod(Color::Blue, BOLD),
            ..Theme::dark()
        }
    }

    /// No colour at all: roles differ by modifiers, entity types by bold,
    /// underline and italics, claim kinds by their gutter marks.
    pub fn monochrome() -> Theme {
        Theme {
            border: NONE,
            border_dim: with(DIM),
            title: with(BOLD),
            accent: NONE,
            key: with(BOLD),
            dim: with(DIM),
            outlet: with(ITALIC),
            byline: with(ITALIC),
            warning: with(BOLD),
            count: NONE,
            silent: with(ITALIC),
            hidden: with(ITALIC.union(DIM)),
            shown_mark: with(BOLD),
            status_bar: NONE,
            highlight: with(REVERSED),
            matched: with(BOLD.union(UNDERLINED)),
            heading: with(BOLD.union(UNDERLINED)),
            boilerplate: with(DIM),
            bullet: NONE,
            person: with(BOLD),
            organization: with(UNDERLINED),
            place: with(ITALIC),
            quote: NONE,
            statistic: NONE,
            hedged: NONE,
            attributed: NONE,
            assertion: NONE,
            // Italic is a place's: a quote shows by its gutter mark alone.
            quoted_text: NONE,
            differs: with(UNDERLINED),
            number: with(BOLD.union(UNDERLINED)),
            diff_entity: with(BOLD),
            ..Theme::dark()
        }
    }

    /// The theme called `name` (one of [`THEMES`]).
    pub fn named(name: &str) -> Option<Theme> {
        match name {
            "dark" => Some(Theme::dark()),
            "light" => Some(Theme::light()),
            "monochrome" => Some(Theme::monochrome()),
            _ => None,
        }
    }
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::dark()
    }
}

/// The theme to start from: `--theme`, else the config's, else monochrome
/// when `NO_COLOR` is set to anything, else dark.
pub fn default_name(no_color: Option<&std::ffi::OsStr>) -> &'static str {
    if no_color.is_some_and(|value| !value.is_empty()) {
        "monochrome"
    } else {
        "dark"
    }
}

/// The modifiers a style string may name.
const MODIFIERS: [(&str, Modifier); 7] = [
    ("bold", BOLD),
    ("dim", DIM),
    ("italic", ITALIC),
    ("underlined", UNDERLINED),
    ("underline", UNDERLINED),
    ("reversed", REVERSED),
    ("crossed-out", Modifier::CROSSED_OUT),
];

/// Parses a style as the config writes it: "light-magenta bold",
/// "black on yellow", "#ff8800 italic underlined", "plain". A word that
/// is neither a colour nor a modifier is an error naming what was expected.
pub fn parse_style(text: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = text.split_whitespace().peekable();
    if words.peek().is_none() {
        return Err("an empty style (write \"plain\" for none)".to_string());
    }
    let mut seen_fg = false;
    while let Some(word) = words.next() {
        let lower = word.to_ascii_lowercase();
        if lower == "plain" {
            continue;
        }
        if let Some((_, modifier)) = MODIFIERS.iter().find(|(name, _)| *name == lower) {
            style = style.add_modifier(*modifier);
        } else if lower == "on" {
            let Some(background) = words.next() else {
                return Err("a colour after \"on\"".to_string());
            };
            style = style.bg(colour(background)?);
        } else if !seen_fg {
            style = style.fg(colour(word)?);
            seen_fg = true;
        } else {
            return Err(format!(
                "a modifier or \"on COLOUR\" after the colour, not {word:?}"
            ));
        }
    }
    Ok(style)
}

fn colour(word: &str) -> Result<Color, String> {
    Color::from_str(word).map_err(|_| {
        format!(
            "a colour (a name such as cyan or light-magenta, 0-255, or #rrggbb) \
             or one of bold, dim, italic, underlined, reversed, crossed-out; found {word:?}"
        )
    })
}

/// How a style is written in the config file (the inverse of [`parse_style`]).
pub fn style_text(style: Style) -> String {
    let mut words = Vec::new();
    if let Some(color) = style.fg {
        words.push(colour_text(color));
    }
    if let Some(color) = style.bg {
        words.push(format!("on {}", colour_text(color)));
    }
    for (name, modifier) in MODIFIERS {
        if name != "underline" && style.add_modifier.contains(modifier) {
            words.push(name.to_string());
        }
    }
    if words.is_empty() {
        "plain".to_string()
    } else {
        words.join(" ")
    }
}

fn colour_text(color: Color) -> String {
    match color {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(index) => index.to_string(),
        // "LightMagenta" → "light-magenta", which `Color::from_str` reads back.
        named => {
            let name = format!("{named:?}");
            let mut out = String::new();
            for (n, c) in name.chars().enumerate() {
                if c.is_ascii_uppercase() && n > 0 {
                    out.push('-');
                }
                out.push(c.to_ascii_lowercase());
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_round_trip_through_their_text() {
        for name in THEMES {
            let theme = Theme::named(name).expect("a theme");
            for (style_name, _) in Theme::STYLES {
                let style = theme.style(style_name).expect("a style");
                assert_eq!(
                    parse_style(&style_text(style)),
                    Ok(style),
                    "{name}.{style_name}"
                );
            }
        }
    }

    #[test]
    fn style_strings_parse_and_bad_words_say_what_was_expected() {
        assert_eq!(
            parse_style("black on yellow bold"),
            Ok(Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD))
        );
        assert_eq!(parse_style("plain"), Ok(Style::new()));
        assert_eq!(
            parse_style("#ff8800"),
            Ok(Style::new().fg(Color::Rgb(255, 136, 0)))
        );
        let error = parse_style("purplish").expect_err("not a colour");
        assert!(error.contains("a colour"), "{error}");
        assert!(parse_style("red blue").is_err());
        assert!(parse_style("red on").is_err());
        assert!(parse_style("  ").is_err());
    }

    #[test]
    fn monochrome_has_no_colour_and_keeps_entity_types_apart() {
        let theme = Theme::monochrome();
        for (name, _) in Theme::STYLES {
            let style = theme.style(name).expect("a style");
            assert_eq!((style.fg, style.bg), (None, None), "{name}");
        }
        let kinds = [theme.person, theme.organization, theme.place];
        for (n, a) in kinds.iter().enumerate() {
            assert_ne!(*a, Style::new());
            for b in &kinds[n + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn no_color_picks_monochrome_only_when_set_to_something() {
        use std::ffi::OsStr;
        assert_eq!(default_name(Some(OsStr::new("1"))), "monochrome");
        assert_eq!(default_name(Some(OsStr::new(""))), "dark");
        assert_eq!(default_name(None), "dark");
    }
}
