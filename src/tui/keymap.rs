//! The one key map. Key handling, the `?` help overlay, the status-bar
//! hints and every key named in a label read it, so a key rebound in the
//! config file shows everywhere it is used.
//!
//! Lookup order for a key: the layer on top (if any) consults its own modes
//! and keeps what it does not bind from the views; otherwise the view's
//! modes, then [`Mode::Global`]. A binding may be a sequence ("g g"): its
//! first keys wait for the rest.

mod key;
mod table;

pub use key::{Key, parse_sequence};

use super::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// A group of bindings that is active together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Works everywhere, also while a layer is open.
    Global,
    /// Movement, applied to whichever pane has focus.
    Navigation,
    /// The article list has focus.
    List,
    /// The reader pane has focus.
    Reader,
    /// A scrollable text layer (help, warnings).
    Pager,
    /// The search overlay (typing goes into the query).
    Search,
    /// The search overlay reopened with its previous query selected: typing
    /// replaces the query; these keys keep it. Looked up before [`Mode::Search`].
    SearchKept,
    /// The entities-and-claims side panel.
    Panel,
    /// The compare view.
    Compare,
    /// The topic picker.
    Picker,
    /// The source chooser over the compare view.
    Sources,
    /// The bookmarks list.
    Bookmarks,
    /// The insights view.
    Insights,
}

impl Mode {
    /// Every mode, in the order help and the config file list them.
    pub const ALL: [Mode; 13] = [
        Mode::Global,
        Mode::Navigation,
        Mode::List,
        Mode::Reader,
        Mode::Compare,
        Mode::Sources,
        Mode::Picker,
        Mode::Pager,
        Mode::Search,
        Mode::SearchKept,
        Mode::Panel,
        Mode::Bookmarks,
        Mode::Insights,
    ];

    /// A layer of this mode takes what is typed as text: of the keys it does
    /// not bind itself, only those with Ctrl get past it.
    pub fn takes_text(self) -> bool {
        // SearchKept is always followed by Search, which takes the text.
        matches!(self, Mode::Search | Mode::Picker | Mode::Sources)
    }

    /// The `[keys.NAME]` table of the config file.
    pub fn config_name(self) -> &'static str {
        match self {
            Mode::Global => "global",
            Mode::Navigation => "navigation",
            Mode::List => "list",
            Mode::Reader => "reader",
            Mode::Pager => "pager",
            Mode::Search => "search",
            Mode::SearchKept => "search_kept",
            Mode::Panel => "panel",
            Mode::Compare => "compare",
            Mode::Picker => "picker",
            Mode::Sources => "sources",
            Mode::Bookmarks => "bookmarks",
            Mode::Insights => "insights",
        }
    }

    pub fn from_config_name(name: &str) -> Option<Mode> {
        Mode::ALL
            .into_iter()
            .find(|mode| mode.config_name() == name)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One row of the map: the key sequences, the action, and the words shown for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Vec<Key>>,
    pub action: Action,
    /// A word or two for the status bar; `None` keeps the row out of it.
    pub hint: Option<&'static str>,
    /// The line in the help overlay.
    pub help: &'static str,
}

impl Binding {
    /// All keys of the row joined for help: "j ↓".
    pub fn labels(&self) -> String {
        self.keys
            .iter()
            .map(|keys| sequence_label(keys))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A sequence as help writes it: "g", "gg", "Ctrl-xCtrl-s".
pub fn sequence_label(keys: &[Key]) -> String {
    keys.iter().map(Key::label).collect()
}

/// What the keys pressed so far mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Action(Action),
    /// The start of a longer sequence: wait for the next key.
    Prefix,
    None,
}

/// A key bound twice in one mode, or a name the map does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError<P> {
    /// Where the offending entry was written (the config gives a span).
    pub at: P,
    /// Which of its keys clashes, when one does.
    pub key: Option<usize>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    modes: Vec<Vec<Binding>>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        let mut modes = vec![Vec::new(); Mode::ALL.len()];
        for mode in Mode::ALL {
            modes[mode.index()] = table::defaults(mode)
                .iter()
                .map(|row| Binding {
                    keys: row.keys.iter().map(|key| vec![*key]).collect(),
                    action: row.action,
                    hint: row.hint,
                    help: row.help,
                })
                .collect();
        }
        Keymap { modes }
    }
}

impl Keymap {
    /// The rows of one mode, in the order help shows them.
    pub fn bindings(&self, mode: Mode) -> &[Binding] {
        &self.modes[mode.index()]
    }

    /// Replaces the keys of rows: each override names a mode, an action of
    /// that mode's table (its snake_case name) and the key sequences, and
    /// carries `P`, where it was written. The map is checked afterwards,
    /// so swapping two keys works.
    pub fn with_overrides<P: Copy>(
        mut self,
        overrides: &[(Mode, &str, Vec<Vec<Key>>, P)],
    ) -> Result<Keymap, KeyError<P>> {
        let mut written: Vec<(Mode, Action, P)> = Vec::new();
        for (mode, name, keys, at) in overrides {
            let rows = &mut self.modes[mode.index()];
            let Some(row) = rows.iter_mut().find(|row| row.action.name() == *name) else {
                let names: Vec<&str> = rows.iter().map(|row| row.action.name()).collect();
                return Err(KeyError {
                    at: *at,
                    key: None,
                    message: format!(
                        "an action of [keys.{}]: one of {}; found {name:?}",
                        mode.config_name(),
                        names.join(", ")
                    ),
                });
            };
            row.keys.clone_from(keys);
            written.push((*mode, row.action, *at));
        }
        for (mode, action, at) in &written {
            if let Some((key, message)) = self.clash(*mode, *action) {
                return Err(KeyError {
                    at: *at,
                    key: Some(key),
                    message,
                });
            }
        }
        Ok(self)
    }

    /// Says how a key of `action`'s row in `mode` collides with another of
    /// the same mode: the same sequence, or one that starts the other.
    fn clash(&self, mode: Mode, action: Action) -> Option<(usize, String)> {
        let rows = self.bindings(mode);
        let row = rows.iter().find(|row| row.action == action)?;
        for (n, keys) in row.keys.iter().enumerate() {
            let twice = row.keys[n + 1..].contains(keys);
            let other = rows
                .iter()
                .filter(|other| other.action != action)
                .find(|other| {
                    other.keys.iter().any(|theirs| {
                        let shared = theirs.len().min(keys.len());
                        theirs[..shared] == keys[..shared]
                    })
                });
            if twice || other.is_some() {
                let with = other.map_or(action, |other| other.action).name();
                let message = format!(
                    "each key at most once in [keys.{}]: {:?} is also bound to {with}",
                    mode.config_name(),
                    sequence_label(keys)
                );
                return Some((n, message));
            }
        }
        None
    }

    /// What `keys` (pressed in order, the last just now) do in the first of
    /// `modes` that binds them.
    pub fn lookup(&self, modes: &[Mode], keys: &[Key]) -> Lookup {
        for mode in modes {
            for row in self.bindings(*mode) {
                for (n, sequence) in row.keys.iter().enumerate() {
                    if sequence.as_slice() == keys {
                        return Lookup::Action(indexed(row.action, n));
                    }
                    if sequence.len() > keys.len() && sequence.starts_with(keys) {
                        return Lookup::Prefix;
                    }
                }
            }
        }
        Lookup::None
    }

    /// The action one key does in `modes`, ignoring sequences.
    pub fn action(&self, modes: &[Mode], key: Key) -> Option<Action> {
        match self.lookup(modes, &[key]) {
            Lookup::Action(action) => Some(action),
            Lookup::Prefix | Lookup::None => None,
        }
    }

    /// The first key of `action` in `mode` as labels write it ("w", "Ctrl-a");
    /// "?" when the user bound it to nothing.
    pub fn label(&self, mode: Mode, action: Action) -> String {
        self.bindings(mode)
            .iter()
            .find(|row| row.action == action)
            .and_then(|row| row.keys.first())
            .map_or_else(|| "?".to_string(), |keys| sequence_label(keys))
    }

    /// The narrowest key of `action` in `mode`, for a label with little
    /// room (a box's border): Enter and Backspace as their symbols.
    pub fn short_label(&self, mode: Mode, action: Action) -> String {
        let short = |keys: &Vec<Key>| match keys.as_slice() {
            [key] if *key == Key::plain(KeyCode::Enter) => "⏎".to_string(),
            [key] if *key == Key::plain(KeyCode::Backspace) => "⌫".to_string(),
            keys => sequence_label(keys),
        };
        self.bindings(mode)
            .iter()
            .find(|row| row.action == action)
            .and_then(|row| {
                row.keys
                    .iter()
                    .map(short)
                    .min_by_key(|label| label.chars().count())
            })
            .unwrap_or_else(|| "?".to_string())
    }

    /// Status-bar hints of `modes`, in lookup order: ("Enter", "read"). Each
    /// row is advertised by its first key that reaches it: not bound by an
    /// earlier mode, and not typed into the text of an earlier text-taking
    /// layer (there "q quit" becomes "Ctrl-c quit").
    pub fn hints(&self, modes: &[Mode]) -> Vec<(String, &'static str)> {
        let mut hints = Vec::new();
        for (position, mode) in modes.iter().enumerate() {
            let earlier = &modes[..position];
            let typed_as_text = earlier.iter().any(|mode| mode.takes_text());
            for row in self.bindings(*mode) {
                let Some(hint) = row.hint else {
                    continue;
                };
                let reaching = row.keys.iter().find(|keys| {
                    let swallowed = typed_as_text
                        && !keys
                            .first()
                            .is_some_and(|key| key.modifiers.contains(KeyModifiers::CONTROL));
                    let shadowed = earlier
                        .iter()
                        .flat_map(|mode| self.bindings(*mode))
                        .any(|other| other.keys.contains(keys));
                    !swallowed && !shadowed
                });
                if let Some(keys) = reaching {
                    hints.push((sequence_label(keys), hint));
                }
            }
        }
        hints
    }

    /// The key reference as a Markdown table, for the README (a test keeps
    /// the README's copy equal to the default map's).
    pub fn markdown_table(&self) -> String {
        let mut table = String::from("| Keys | Where | What |\n|---|---|---|\n");
        for mode in Mode::ALL {
            for row in self.bindings(mode) {
                let keys: Vec<String> = row
                    .keys
                    .iter()
                    .map(|keys| format!("`{}`", sequence_label(keys)))
                    .collect();
                table.push_str(&format!(
                    "| {} | {} | {} |\n",
                    keys.join(" "),
                    self.title(mode),
                    row.help
                ));
            }
        }
        table
    }

    /// A mode's heading in help, with the key that opens it where one does.
    pub fn title(&self, mode: Mode) -> String {
        let opened_by = |action| format!(" ({})", self.label(Mode::Global, action));
        match mode {
            Mode::Global => "Anywhere".to_string(),
            Mode::Navigation => "Moving".to_string(),
            Mode::List => "Article list".to_string(),
            Mode::Reader => "Reader".to_string(),
            Mode::Pager => "Help and warnings".to_string(),
            Mode::Search => format!("Search{}", opened_by(Action::Search)),
            Mode::SearchKept => "Search reopened (the last query, selected)".to_string(),
            Mode::Panel => format!(
                "Entities and claims panel ({})",
                self.label(Mode::Reader, Action::Panel)
            ),
            Mode::Compare => "Compare view".to_string(),
            Mode::Picker => "Topic picker".to_string(),
            Mode::Sources => format!(
                "Source chooser ({})",
                self.label(Mode::Compare, Action::Sources)
            ),
            Mode::Bookmarks => format!("Bookmarks{}", opened_by(Action::Bookmarks)),
            Mode::Insights => format!("Insights view{}", opened_by(Action::Insights)),
        }
    }

    /// The commented `[keys.*]` part of the default config file.
    pub fn default_config(&self) -> String {
        let mut out = String::new();
        for mode in Mode::ALL {
            out.push_str(&format!(
                "\n# {}\n[keys.{}]\n",
                self.title(mode),
                mode.config_name()
            ));
            for row in self.bindings(mode) {
                let keys: Vec<String> = row
                    .keys
                    .iter()
                    .map(|keys| {
                        let names: Vec<String> = keys.iter().map(Key::config_name).collect();
                        format!("{:?}", names.join(" "))
                    })
                    .collect();
                out.push_str(&format!("# {}\n", row.help));
                out.push_str(&format!("{} = [{}]\n", row.action.name(), keys.join(", ")));
            }
        }
        out
    }
}

/// One row binds several keys to "source n" (the digits): the key's place
/// in the row says which source.
fn indexed(action: Action, position: usize) -> Action {
    match action {
        Action::ToggleSource { .. } => Action::ToggleSource { source: position },
        action => action,
    }
}

#[cfg(test)]
mod tests;
