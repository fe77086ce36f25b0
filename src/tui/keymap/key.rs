//! One key: how it is matched against a terminal event, written in help,
//! and parsed from the config file ("ctrl-n", "enter", "?", "shift-tab").

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A code plus the modifiers that must be held. Shift is not kept for
/// characters (the character says it) nor for BackTab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

/// Names of keys without a character, as the config writes them and as
/// help shows them.
const NAMED: [(&str, KeyCode, &str); 15] = [
    ("enter", KeyCode::Enter, "Enter"),
    ("esc", KeyCode::Esc, "Esc"),
    ("tab", KeyCode::Tab, "Tab"),
    ("backtab", KeyCode::BackTab, "S-Tab"),
    ("backspace", KeyCode::Backspace, "Bksp"),
    ("space", KeyCode::Char(' '), "Space"),
    ("up", KeyCode::Up, "↑"),
    ("down", KeyCode::Down, "↓"),
    ("left", KeyCode::Left, "←"),
    ("right", KeyCode::Right, "→"),
    ("pageup", KeyCode::PageUp, "PgUp"),
    ("pagedown", KeyCode::PageDown, "PgDn"),
    ("home", KeyCode::Home, "Home"),
    ("end", KeyCode::End, "End"),
    ("delete", KeyCode::Delete, "Del"),
];

/// Other spellings the config accepts.
const ALIASES: [(&str, &str); 6] = [
    ("escape", "esc"),
    ("return", "enter"),
    ("pgup", "pageup"),
    ("pgdn", "pagedown"),
    ("del", "delete"),
    ("bksp", "backspace"),
];

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// The key a terminal event stands for, normalised as the table writes
    /// keys: terminals report Ctrl-letter inconsistently in case.
    pub fn of(event: &KeyEvent) -> Key {
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        let modifiers = event.modifiers & relevant;
        let code = match event.code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        Key { code, modifiers }
    }

    /// How the key is written in help and hints.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            code => NAMED
                .iter()
                .find(|(_, named, _)| *named == code)
                .map_or_else(|| format!("{code:?}"), |(_, _, label)| label.to_string()),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else if self.modifiers.contains(KeyModifiers::ALT) {
            format!("Alt-{base}")
        } else {
            base
        }
    }

    /// How the key is written in the config file (read back by [`Key::parse`]).
    pub fn config_name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("f{n}"),
            code => NAMED
                .iter()
                .find(|(_, named, _)| *named == code)
                .map_or_else(|| format!("{code:?}"), |(name, _, _)| name.to_string()),
        };
        let mut prefix = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            prefix.push_str("ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            prefix.push_str("alt-");
        }
        format!("{prefix}{base}")
    }

    /// Parses one key: "j", "?", "G", "ctrl-n", "alt-x", "enter", "f1",
    /// "shift-tab". The error says what a key looks like.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut shift = false;
        let mut rest = text;
        // "-" alone and "ctrl--" name the minus key itself.
        while let Some((head, tail)) = rest.split_once('-') {
            if head.is_empty() || tail.is_empty() {
                break;
            }
            match head.to_ascii_lowercase().as_str() {
                "ctrl" | "c" | "control" => modifiers |= KeyModifiers::CONTROL,
                "alt" | "a" | "meta" | "m" => modifiers |= KeyModifiers::ALT,
                "shift" | "s" => shift = true,
                _ => break,
            }
            rest = tail;
        }
        let code = Key::code(rest).ok_or_else(|| {
            format!(
                "a key: one character (\"j\", \"?\"), a name (enter, esc, tab, backspace, space, \
                 up, down, left, right, pageup, pagedown, home, end, delete, f1-f12), \
                 optionally after ctrl-, alt- or shift-; found {text:?}"
            )
        })?;
        let code = match (shift, code) {
            (true, KeyCode::Tab) => KeyCode::BackTab,
            (true, KeyCode::Char(c)) if c.is_ascii_lowercase() => {
                KeyCode::Char(c.to_ascii_uppercase())
            }
            (_, code) => code,
        };
        let code = match code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        Ok(Key { code, modifiers })
    }

    fn code(name: &str) -> Option<KeyCode> {
        let mut chars = name.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return (!c.is_control()).then_some(KeyCode::Char(c));
        }
        let lower = name.to_ascii_lowercase();
        let lower = ALIASES
            .iter()
            .find(|(alias, _)| *alias == lower)
            .map_or(lower.as_str(), |(_, name)| name);
        if let Some((_, code, _)) = NAMED.iter().find(|(named, _, _)| *named == lower) {
            return Some(*code);
        }
        let number: u8 = lower.strip_prefix('f')?.parse().ok()?;
        (1..=12).contains(&number).then_some(KeyCode::F(number))
    }
}

/// A sequence of keys pressed one after another ("g g"): space-separated keys.
pub fn parse_sequence(text: &str) -> Result<Vec<Key>, String> {
    let keys: Vec<Key> = text
        .split(' ')
        .filter(|part| !part.is_empty())
        .map(Key::parse)
        .collect::<Result<_, _>>()?;
    if keys.is_empty() {
        return Err(format!(
            "a key such as \"j\", \"ctrl-n\" or \"g g\"; found {text:?}"
        ));
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_names_parse_back_to_their_key() {
        for key in [
            Key::char('j'),
            Key::char('?'),
            Key::char('G'),
            Key::char(' '),
            Key::ctrl('n'),
            Key::plain(KeyCode::BackTab),
            Key::plain(KeyCode::F(1)),
            Key::plain(KeyCode::PageDown),
            Key {
                code: KeyCode::Char('x'),
                modifiers: KeyModifiers::ALT,
            },
        ] {
            assert_eq!(Key::parse(&key.config_name()), Ok(key), "{key:?}");
        }
    }

    #[test]
    fn spellings_and_sequences() {
        assert_eq!(Key::parse("Ctrl-N"), Ok(Key::ctrl('n')));
        assert_eq!(Key::parse("c-n"), Ok(Key::ctrl('n')));
        assert_eq!(Key::parse("shift-tab"), Ok(Key::plain(KeyCode::BackTab)));
        assert_eq!(Key::parse("s-g"), Ok(Key::char('G')));
        assert_eq!(Key::parse("escape"), Ok(Key::plain(KeyCode::Esc)));
        assert_eq!(Key::parse("-"), Ok(Key::char('-')));
        assert_eq!(parse_sequence("g g"), Ok(vec![Key::char('g'); 2]));
        assert!(Key::parse("ctrl-").is_err());
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("f13").is_err());
        assert!(parse_sequence("  ").is_err());
        let error = Key::parse("enterr").expect_err("not a key");
        assert!(
            error.contains("a key") && error.contains("enterr"),
            "{error}"
        );
    }

    #[test]
    fn events_normalise_like_the_table() {
        let shifted = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::of(&shifted), Key::char('G'));
        let ctrl = KeyEvent::new(KeyCode::Char('C'), KeyModifiers::CONTROL);
        assert_eq!(Key::of(&ctrl), Key::ctrl('c'));
        let backtab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::of(&backtab), Key::plain(KeyCode::BackTab));
    }
}
