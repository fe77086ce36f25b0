//! The one key table. Key handling, the `?` help overlay and the status-bar
//! hints all read it, so they cannot disagree.
//!
//! Lookup order for a key: the layer on top (if any) consults its own mode
//! and keeps what it does not bind to itself from the panes; otherwise the
//! focused pane's mode, then [`Mode::Navigation`], then [`Mode::Global`].

use super::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

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
}

impl Mode {
    /// The order the help overlay lists the modes in.
    pub const HELP_ORDER: [Mode; 11] = [
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
    ];

    /// A layer of this mode takes what is typed as text: of the keys it does
    /// not bind itself, only those with Ctrl get past it.
    pub fn takes_text(self) -> bool {
        // SearchKept is always followed by Search, which takes the text.
        matches!(self, Mode::Search | Mode::Picker | Mode::Sources)
    }

    pub fn title(self) -> &'static str {
        match self {
            Mode::Global => "Anywhere",
            Mode::Navigation => "Moving",
            Mode::List => "Article list",
            Mode::Reader => "Reader",
            Mode::Pager => "Help and warnings",
            Mode::Search => "Search (/)",
            Mode::SearchKept => "Search reopened (the last query, selected)",
            Mode::Panel => "Entities and claims panel (p)",
            Mode::Compare => "Compare view",
            Mode::Picker => "Topic picker",
            Mode::Sources => "Source chooser (s)",
        }
    }
}

/// One key: a code plus the modifiers that must be held (Shift is ignored
/// for characters, since the character already says it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

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

    fn matches(&self, event: &KeyEvent) -> bool {
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        let (code, mods) = match event.code {
            // Terminals report Ctrl-letter inconsistently in case.
            KeyCode::Char(c) if event.modifiers.contains(KeyModifiers::CONTROL) => {
                (KeyCode::Char(c.to_ascii_lowercase()), event.modifiers)
            }
            KeyCode::BackTab => (KeyCode::BackTab, KeyModifiers::NONE),
            code => (code, event.modifiers),
        };
        code == self.code && (mods & relevant) == (self.modifiers & relevant)
    }

    /// How the key is written in help and hints.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "S-Tab".to_string(),
            KeyCode::Backspace => "Bksp".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else if self.modifiers.contains(KeyModifiers::ALT) {
            format!("Alt-{base}")
        } else {
            base
        }
    }
}

/// One row of the table: keys, the action, and the words shown for it.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// A word or two for the status bar; `None` keeps the row out of it.
    pub hint: Option<&'static str>,
    /// The line in the help overlay.
    pub help: &'static str,
}

const fn bind(
    keys: &'static [Key],
    action: Action,
    hint: Option<&'static str>,
    help: &'static str,
) -> Binding {
    Binding {
        keys,
        action,
        hint,
        help,
    }
}

use KeyCode::{BackTab, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Tab, Up};

const GLOBAL: &[Binding] = &[
    bind(
        &[Key::char('/')],
        Action::Search,
        Some("search"),
        "Search every sentence of every article",
    ),
    bind(
        &[Key::char('q'), Key::ctrl('c')],
        Action::Quit,
        Some("quit"),
        "Quit crossread",
    ),
    bind(
        &[Key::char('?'), Key::plain(KeyCode::F(1))],
        Action::Help,
        Some("help"),
        "Show or hide this help",
    ),
    bind(
        &[Key::plain(Tab)],
        Action::FocusNext,
        Some("switch pane"),
        "Focus the next pane",
    ),
    bind(
        &[Key::plain(BackTab)],
        Action::FocusPrev,
        None,
        "Focus the previous pane",
    ),
    bind(
        &[Key::char('c')],
        Action::Compare,
        Some("compare"),
        "Compare a topic side by side across sources",
    ),
    bind(
        &[Key::char('t')],
        Action::PickTopic,
        Some("topic"),
        "Pick the topic to compare",
    ),
    bind(
        &[Key::char('b')],
        Action::ToggleBoilerplate,
        None,
        "Dim or hide boilerplate (navigation, repeated headlines)",
    ),
    bind(
        &[Key::char('w')],
        Action::Warnings,
        None,
        "List files that could not be loaded cleanly",
    ),
    bind(
        &[Key::ctrl('z')],
        Action::Suspend,
        None,
        "Suspend to the shell (resume with fg)",
    ),
];

const NAVIGATION: &[Binding] = &[
    bind(
        &[Key::char('j'), Key::plain(Down)],
        Action::Down,
        Some("move"),
        "Down one article / one line",
    ),
    bind(
        &[Key::char('k'), Key::plain(Up)],
        Action::Up,
        None,
        "Up one article / one line",
    ),
    bind(
        &[Key::plain(PageDown), Key::char(' '), Key::ctrl('f')],
        Action::PageDown,
        None,
        "Down one page",
    ),
    bind(
        &[Key::plain(PageUp), Key::ctrl('b')],
        Action::PageUp,
        None,
        "Up one page",
    ),
    bind(
        &[Key::ctrl('d')],
        Action::HalfPageDown,
        None,
        "Down half a page",
    ),
    bind(
        &[Key::ctrl('u')],
        Action::HalfPageUp,
        None,
        "Up half a page",
    ),
    bind(
        &[Key::char('g'), Key::plain(Home)],
        Action::Top,
        None,
        "First article / top of the article",
    ),
    bind(
        &[Key::char('G'), Key::plain(End)],
        Action::Bottom,
        None,
        "Last article / end of the article",
    ),
];

const LIST: &[Binding] = &[bind(
    &[
        Key::plain(Enter),
        Key::char('l'),
        Key::plain(KeyCode::Right),
    ],
    Action::Open,
    Some("read"),
    "Read the selected article",
)];

const READER: &[Binding] = &[
    bind(
        &[Key::plain(Esc), Key::char('h'), Key::plain(Left)],
        Action::FocusList,
        Some("back"),
        "Back to the article list, or to the compare view the article was opened from",
    ),
    bind(
        &[Key::char('n')],
        Action::NextClaim,
        Some("claim"),
        "Next claim (gutter: “ quote, # figure, ~ hedged, » attributed, · assertion)",
    ),
    bind(&[Key::char('N')], Action::PrevClaim, None, "Previous claim"),
    bind(
        &[Key::char('e')],
        Action::ToggleEntities,
        None,
        "Show or hide entities (magenta person, blue organisation, green place)",
    ),
    bind(
        &[Key::char('m')],
        Action::ToggleClaims,
        None,
        "Show or hide claim marks",
    ),
    bind(
        &[Key::char('p')],
        Action::Panel,
        Some("panel"),
        "Side panel: the article's entities and claims, and where each entity is named",
    ),
];

const PANEL: &[Binding] = &[
    bind(
        &[Key::char('p'), Key::char('q')],
        Action::CloseLayer,
        Some("close"),
        "Close the panel",
    ),
    bind(
        &[
            Key::plain(Enter),
            Key::char('l'),
            Key::plain(KeyCode::Right),
        ],
        Action::Open,
        Some("open"),
        "Claim: jump to it · entity: list its mentions in every article · mention: open it",
    ),
    bind(
        &[Key::char('n')],
        Action::NextClaim,
        Some("next claim"),
        "Select the next claim (or mention) and jump the reader to it",
    ),
    bind(
        &[Key::char('N')],
        Action::PrevClaim,
        None,
        "Select the previous claim (or mention) and jump to it",
    ),
    bind(
        &[
            Key::plain(Esc),
            Key::plain(KeyCode::Backspace),
            Key::char('h'),
            Key::plain(Left),
        ],
        Action::FocusList,
        Some("back"),
        "Back from an entity's mentions to the article's list; closes the panel there",
    ),
    bind(
        &[Key::char('j'), Key::plain(Down)],
        Action::Down,
        Some("move"),
        "Next row",
    ),
    bind(
        &[Key::char('k'), Key::plain(Up)],
        Action::Up,
        None,
        "Previous row",
    ),
    bind(
        &[Key::plain(PageDown), Key::char(' ')],
        Action::PageDown,
        None,
        "Down one page",
    ),
    bind(&[Key::plain(PageUp)], Action::PageUp, None, "Up one page"),
    bind(
        &[Key::ctrl('d')],
        Action::HalfPageDown,
        None,
        "Scroll the reader beside the panel down half a page",
    ),
    bind(
        &[Key::ctrl('u')],
        Action::HalfPageUp,
        None,
        "Scroll the reader up half a page",
    ),
    bind(
        &[Key::char('g'), Key::plain(Home)],
        Action::Top,
        None,
        "First row",
    ),
    bind(
        &[Key::char('G'), Key::plain(End)],
        Action::Bottom,
        None,
        "Last row",
    ),
];

const COMPARE: &[Binding] = &[
    bind(
        &[Key::plain(Enter)],
        Action::Open,
        Some("read"),
        "Read the selected cell's article at that sentence",
    ),
    bind(
        &[Key::char(']')],
        Action::NextDiffers,
        Some("differs"),
        "Next row whose wording differs between sources",
    ),
    bind(
        &[Key::char('[')],
        Action::PrevDiffers,
        None,
        "Previous row whose wording differs",
    ),
    bind(
        &[Key::char('}')],
        Action::NextOnly,
        Some("only one"),
        "Next row only one source has",
    ),
    bind(
        &[Key::char('{')],
        Action::PrevOnly,
        None,
        "Previous row only one source has",
    ),
    bind(
        &[Key::char('h'), Key::plain(Left), Key::plain(BackTab)],
        Action::ColumnLeft,
        None,
        "Select the source on the left",
    ),
    bind(
        &[Key::char('l'), Key::plain(KeyCode::Right), Key::plain(Tab)],
        Action::ColumnRight,
        None,
        "Select the source on the right",
    ),
    bind(
        &[Key::char('H'), Key::char('<')],
        Action::ColumnsPageLeft,
        None,
        "Page the source columns left",
    ),
    bind(
        &[Key::char('L'), Key::char('>')],
        Action::ColumnsPageRight,
        None,
        "Page the source columns right",
    ),
    bind(
        &[
            Key::char('1'),
            Key::char('2'),
            Key::char('3'),
            Key::char('4'),
            Key::char('5'),
            Key::char('6'),
            Key::char('7'),
            Key::char('8'),
            Key::char('9'),
        ],
        Action::ToggleSource { source: 0 },
        Some("hide/show"),
        "Hide or show source N",
    ),
    bind(
        &[Key::char('s')],
        Action::Sources,
        Some("sources"),
        "Choose the sources shown: every source listed, filter by typing, hide or show any",
    ),
    bind(
        &[Key::plain(Esc), Key::char('q'), Key::char('c')],
        Action::CloseCompare,
        Some("back"),
        "Back to the reader",
    ),
];

const PICKER: &[Binding] = &[
    bind(
        &[Key::plain(Enter)],
        Action::Open,
        Some("choose"),
        "Compare the highlighted topic",
    ),
    bind(
        &[Key::plain(Down), Key::ctrl('n')],
        Action::Down,
        Some("move"),
        "Next topic (type to filter)",
    ),
    bind(
        &[Key::plain(Up), Key::ctrl('p')],
        Action::Up,
        None,
        "Previous topic",
    ),
    bind(
        &[Key::plain(Esc)],
        Action::CloseLayer,
        Some("close"),
        "Close the topic picker",
    ),
    bind(
        &[Key::plain(KeyCode::Backspace)],
        Action::DeleteChar,
        None,
        "Delete the last character typed",
    ),
    bind(
        &[Key::ctrl('w')],
        Action::DeleteWord,
        None,
        "Delete the last word typed",
    ),
    bind(
        &[Key::ctrl('u')],
        Action::ClearInput,
        None,
        "Clear what was typed",
    ),
];

const SOURCES: &[Binding] = &[
    bind(
        &[Key::char(' ')],
        Action::ToggleHighlighted,
        Some("hide/show"),
        "Hide or show the highlighted source",
    ),
    bind(
        &[Key::ctrl('o')],
        Action::ShowOnlyHighlighted,
        Some("only this"),
        "Show only the highlighted source (Space then adds others)",
    ),
    bind(
        &[Key::ctrl('a')],
        Action::ShowAllSources,
        Some("show all"),
        "Show every source",
    ),
    bind(
        &[Key::plain(Enter)],
        Action::Open,
        Some("go to"),
        "Back to the compare view, at the highlighted source's column (if it has one)",
    ),
    bind(
        &[Key::plain(Esc)],
        Action::CloseLayer,
        Some("done"),
        "Back to the compare view",
    ),
    bind(
        &[Key::plain(Down), Key::ctrl('n')],
        Action::Down,
        Some("move"),
        "Next source (type to filter by number, outlet or title)",
    ),
    bind(
        &[Key::plain(Up), Key::ctrl('p')],
        Action::Up,
        None,
        "Previous source",
    ),
    bind(
        &[Key::plain(PageDown)],
        Action::PageDown,
        None,
        "Down one page of sources",
    ),
    bind(
        &[Key::plain(PageUp)],
        Action::PageUp,
        None,
        "Up one page of sources",
    ),
    bind(
        &[Key::plain(KeyCode::Backspace)],
        Action::DeleteChar,
        None,
        "Delete the last character typed",
    ),
    bind(
        &[Key::ctrl('w')],
        Action::DeleteWord,
        None,
        "Delete the last word typed",
    ),
    bind(
        &[Key::ctrl('u')],
        Action::ClearInput,
        None,
        "Clear what was typed",
    ),
];

const PAGER: &[Binding] = &[
    bind(
        &[
            Key::plain(Esc),
            Key::char('q'),
            Key::char('?'),
            Key::plain(KeyCode::F(1)),
        ],
        Action::CloseLayer,
        Some("close"),
        "Close the help or warnings",
    ),
    bind(
        &[Key::char('j'), Key::plain(Down)],
        Action::Down,
        Some("scroll"),
        "Scroll down",
    ),
    bind(
        &[Key::char('k'), Key::plain(Up)],
        Action::Up,
        None,
        "Scroll up",
    ),
    bind(
        &[Key::plain(PageDown), Key::char(' ')],
        Action::PageDown,
        None,
        "Down one page",
    ),
    bind(&[Key::plain(PageUp)], Action::PageUp, None, "Up one page"),
    bind(
        &[Key::char('g'), Key::plain(Home)],
        Action::Top,
        None,
        "To the top",
    ),
    bind(
        &[Key::char('G'), Key::plain(End)],
        Action::Bottom,
        None,
        "To the end",
    ),
];

const SEARCH: &[Binding] = &[
    bind(
        &[Key::plain(Enter)],
        Action::Open,
        Some("open"),
        "Open the article at the selected sentence",
    ),
    bind(
        &[Key::plain(Down), Key::ctrl('n')],
        Action::Down,
        Some("move"),
        "Next result",
    ),
    bind(
        &[Key::plain(Up), Key::ctrl('p')],
        Action::Up,
        None,
        "Previous result",
    ),
    bind(
        &[Key::plain(PageDown)],
        Action::PageDown,
        None,
        "Down one page of results",
    ),
    bind(
        &[Key::plain(PageUp)],
        Action::PageUp,
        None,
        "Up one page of results",
    ),
    bind(
        &[Key::plain(Esc)],
        Action::CloseLayer,
        Some("close"),
        "Close search, back to where you were",
    ),
    bind(
        &[Key::plain(KeyCode::Backspace)],
        Action::DeleteChar,
        None,
        "Delete the last character typed",
    ),
    bind(
        &[Key::ctrl('w')],
        Action::DeleteWord,
        None,
        "Delete the last word typed",
    ),
    bind(
        &[Key::ctrl('u')],
        Action::ClearInput,
        None,
        "Clear what was typed",
    ),
];

const SEARCH_KEPT: &[Binding] = &[bind(
    &[Key::plain(KeyCode::Right), Key::plain(End)],
    Action::KeepQuery,
    Some("edit query"),
    "Keep the last query and type after it (typing a character replaces it)",
)];

/// The bindings of one mode, in the order help shows them.
pub fn bindings(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Global => GLOBAL,
        Mode::Navigation => NAVIGATION,
        Mode::List => LIST,
        Mode::Reader => READER,
        Mode::Pager => PAGER,
        Mode::Search => SEARCH,
        Mode::SearchKept => SEARCH_KEPT,
        Mode::Panel => PANEL,
        Mode::Compare => COMPARE,
        Mode::Picker => PICKER,
        Mode::Sources => SOURCES,
    }
}

/// The action `key` is bound to in the first of `modes` that binds it.
pub fn lookup(modes: &[Mode], key: &KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let action = modes.iter().find_map(|mode| {
        bindings(*mode)
            .iter()
            .find(|binding| binding.keys.iter().any(|k| k.matches(key)))
            .map(|binding| binding.action)
    })?;
    // One row binds all digit keys; the digit says which source.
    match (action, key.code) {
        (Action::ToggleSource { .. }, KeyCode::Char(c)) => {
            let digit = c.to_digit(10)? as usize;
            Some(Action::ToggleSource {
                source: digit.checked_sub(1)?,
            })
        }
        _ => Some(action),
    }
}

/// Status-bar hints of `modes`, in lookup order: ("Enter", "read"). Each
/// binding is advertised by its first key that reaches it: not bound by an
/// earlier mode, and not typed into the text of an earlier text-taking
/// layer (there "q quit" becomes "Ctrl-c quit").
pub fn hints(modes: &[Mode]) -> Vec<(String, &'static str)> {
    let mut hints = Vec::new();
    for (position, mode) in modes.iter().enumerate() {
        let earlier = &modes[..position];
        let typed_as_text = earlier.iter().any(|mode| mode.takes_text());
        for binding in bindings(*mode) {
            let Some(hint) = binding.hint else {
                continue;
            };
            let reaching = binding.keys.iter().find(|key| {
                let swallowed = typed_as_text && !key.modifiers.contains(KeyModifiers::CONTROL);
                let shadowed = earlier
                    .iter()
                    .flat_map(|mode| bindings(*mode))
                    .any(|other| other.keys.contains(key));
                !swallowed && !shadowed
            });
            if let Some(key) = reaching {
                hints.push((key.label(), hint));
            }
        }
    }
    hints
}

/// All keys of a binding joined for the help overlay: "j ↓".
pub fn key_labels(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(Key::label)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The key reference as a Markdown table, for the README (a test keeps the
/// README's copy equal to this).
pub fn markdown_table() -> String {
    let mut table = String::from("| Keys | Where | What |\n|---|---|---|\n");
    for mode in Mode::HELP_ORDER {
        for binding in bindings(mode) {
            let keys: Vec<String> = binding
                .keys
                .iter()
                .map(|key| format!("`{}`", key.label()))
                .collect();
            table.push_str(&format!(
                "| {} | {} | {} |\n",
                keys.join(" "),
                mode.title(),
                binding.help
            ));
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn shift_is_ignored_for_characters() {
        let key = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&[Mode::Navigation], &key), Some(Action::Bottom));
        let key = press(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&[Mode::Global], &key), Some(Action::Help));
    }

    #[test]
    fn control_must_match() {
        let key = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&[Mode::Global], &key), Some(Action::Quit));
        let key = press(KeyCode::Char('C'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&[Mode::Global], &key), Some(Action::Quit));
        let key = press(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(lookup(&[Mode::Global], &key), Some(Action::Compare));
        let key = press(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&[Mode::Navigation], &key), None);
    }

    #[test]
    fn earlier_modes_win() {
        let key = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            lookup(&[Mode::Pager, Mode::Global], &key),
            Some(Action::CloseLayer)
        );
        assert_eq!(lookup(&[Mode::Global], &key), Some(Action::Quit));
    }

    #[test]
    fn digits_say_which_source() {
        let key = press(KeyCode::Char('3'), KeyModifiers::NONE);
        assert_eq!(
            lookup(&[Mode::Compare], &key),
            Some(Action::ToggleSource { source: 2 })
        );
        let key = press(KeyCode::Char('0'), KeyModifiers::NONE);
        assert_eq!(lookup(&[Mode::Compare], &key), None);
    }

    #[test]
    fn releases_are_ignored() {
        let mut key = press(KeyCode::Char('q'), KeyModifiers::NONE);
        key.kind = KeyEventKind::Release;
        assert_eq!(lookup(&[Mode::Global], &key), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_modes_active_together() {
        let groups: [&[Mode]; 9] = [
            &[Mode::List, Mode::Navigation, Mode::Global],
            &[Mode::Reader, Mode::Navigation, Mode::Global],
            &[Mode::Pager],
            &[Mode::Search],
            &[Mode::SearchKept, Mode::Search],
            &[Mode::Panel],
            &[Mode::Compare, Mode::Navigation],
            &[Mode::Picker],
            &[Mode::Sources],
        ];
        for modes in groups {
            let mut seen: Vec<Key> = Vec::new();
            for mode in modes {
                for binding in bindings(*mode) {
                    for key in binding.keys {
                        assert!(!seen.contains(key), "{key:?} bound twice in {modes:?}");
                        seen.push(*key);
                    }
                }
            }
        }
    }

    /// Where a key ends up with `modes` active: the first mode binding it,
    /// unless a text-taking mode before that types it (no Ctrl held).
    fn route(modes: &[Mode], key: &Key) -> Option<Action> {
        for mode in modes {
            if let Some(binding) = bindings(*mode).iter().find(|b| b.keys.contains(key)) {
                return Some(binding.action);
            }
            if mode.takes_text() && !key.modifiers.contains(KeyModifiers::CONTROL) {
                return None;
            }
        }
        None
    }

    #[test]
    fn every_hinted_key_reaches_its_action() {
        let stacks: [&[Mode]; 10] = [
            &[Mode::List, Mode::Navigation, Mode::Global],
            &[Mode::Reader, Mode::Navigation, Mode::Global],
            &[Mode::Compare, Mode::Navigation, Mode::Global],
            &[Mode::Pager, Mode::Global],
            &[Mode::Panel, Mode::Global],
            &[Mode::Search, Mode::Global],
            &[Mode::SearchKept, Mode::Search, Mode::Global],
            &[Mode::Picker, Mode::Global],
            &[Mode::Sources, Mode::Global],
            &[Mode::Global],
        ];
        for modes in stacks {
            for (label, hint) in hints(modes) {
                let binding = modes
                    .iter()
                    .flat_map(|mode| bindings(*mode))
                    .find(|b| b.hint == Some(hint) && b.keys.iter().any(|k| k.label() == label))
                    .expect("a hint comes from a binding");
                let key = binding
                    .keys
                    .iter()
                    .find(|k| k.label() == label)
                    .expect("the hinted key");
                assert_eq!(
                    route(modes, key),
                    Some(binding.action),
                    "{label} {hint} in {modes:?}"
                );
            }
        }
    }

    #[test]
    fn text_layers_hint_ctrl_c_not_q() {
        let stacks: [&[Mode]; 4] = [
            &[Mode::Search, Mode::Global],
            &[Mode::SearchKept, Mode::Search, Mode::Global],
            &[Mode::Picker, Mode::Global],
            &[Mode::Sources, Mode::Global],
        ];
        for modes in stacks {
            let hints = hints(modes);
            assert!(hints.contains(&("Ctrl-c".to_string(), "quit")), "{hints:?}");
            for (label, _) in &hints {
                let mut chars = label.chars();
                let typed =
                    chars.next().is_some_and(|c| c.is_ascii_graphic()) && chars.next().is_none();
                assert!(!typed, "{label} would be typed into the {modes:?} text");
            }
        }
    }

    #[test]
    fn every_mode_has_help_and_hints_come_from_the_table() {
        for mode in Mode::HELP_ORDER {
            assert!(!bindings(mode).is_empty());
            assert!(bindings(mode).iter().all(|b| !b.help.is_empty()));
        }
        let hints = hints(&[Mode::List, Mode::Navigation, Mode::Global]);
        assert_eq!(hints.first(), Some(&("Enter".to_string(), "read")));
        assert!(hints.contains(&("q".to_string(), "quit")));
        let pager = super::hints(&[Mode::Pager, Mode::Global]);
        assert!(!pager.contains(&("q".to_string(), "quit")));
        assert!(!pager.contains(&("?".to_string(), "help")));
    }
}
