//! The default key table, one list of rows per mode, in the order help
//! shows them. A user's `[keys.MODE]` replaces the keys of a row (see
//! [`super::Keymap::with_overrides`]); the actions, hints and help stay.

use super::Mode;
use super::key::Key;
use crate::tui::action::Action;
use ratatui::crossterm::event::KeyCode;

/// One row of the table: keys, the action, and the words shown for it.
#[derive(Debug, Clone, Copy)]
pub struct DefaultBinding {
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
) -> DefaultBinding {
    DefaultBinding {
        keys,
        action,
        hint,
        help,
    }
}

use KeyCode::{BackTab, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Tab, Up};

const GLOBAL: &[DefaultBinding] = &[
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

const NAVIGATION: &[DefaultBinding] = &[
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

const LIST: &[DefaultBinding] = &[bind(
    &[
        Key::plain(Enter),
        Key::char('l'),
        Key::plain(KeyCode::Right),
    ],
    Action::Open,
    Some("read"),
    "Read the selected article",
)];

const READER: &[DefaultBinding] = &[
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
        "Next claim (marked in the gutter)",
    ),
    bind(&[Key::char('N')], Action::PrevClaim, None, "Previous claim"),
    bind(
        &[Key::char('e')],
        Action::ToggleEntities,
        None,
        "Show or hide entity colours",
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

const PANEL: &[DefaultBinding] = &[
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

const COMPARE: &[DefaultBinding] = &[
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

/// Moving through a text-taking layer's list: the arrows, or Ctrl-n/p
/// (letters are typed into the query).
const fn moves(next: &'static str, previous: &'static str) -> [DefaultBinding; 2] {
    const NEXT: &[Key] = &[Key::plain(Down), Key::ctrl('n')];
    const PREVIOUS: &[Key] = &[Key::plain(Up), Key::ctrl('p')];
    [
        bind(NEXT, Action::Down, Some("move"), next),
        bind(PREVIOUS, Action::Up, None, previous),
    ]
}

const fn pages(down: &'static str, up: &'static str) -> [DefaultBinding; 2] {
    const DOWN: &[Key] = &[Key::plain(PageDown)];
    const UP: &[Key] = &[Key::plain(PageUp)];
    [
        bind(DOWN, Action::PageDown, None, down),
        bind(UP, Action::PageUp, None, up),
    ]
}

/// The editing keys of every text field (search, topic picker, source chooser).
const TEXT_EDITING: &[DefaultBinding] = &[
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

const PICKER_CHOOSE: &[DefaultBinding] = &[bind(
    &[Key::plain(Enter)],
    Action::Open,
    Some("choose"),
    "Compare the highlighted topic",
)];

const PICKER_MOVES: [DefaultBinding; 2] = moves("Next topic (type to filter)", "Previous topic");

const PICKER_CLOSE: &[DefaultBinding] = &[bind(
    &[Key::plain(Esc)],
    Action::CloseLayer,
    Some("close"),
    "Close the topic picker",
)];

const SOURCES: &[DefaultBinding] = &[
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
        "Show only the highlighted source (others can then be shown again one by one)",
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
];

const SOURCES_MOVES: [DefaultBinding; 2] = moves(
    "Next source (type to filter by number, outlet or title)",
    "Previous source",
);

const SOURCES_PAGES: [DefaultBinding; 2] =
    pages("Down one page of sources", "Up one page of sources");

const PAGER: &[DefaultBinding] = &[
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

const SEARCH_OPEN: &[DefaultBinding] = &[bind(
    &[Key::plain(Enter)],
    Action::Open,
    Some("open"),
    "Open the article at the selected sentence",
)];

const SEARCH_MOVES: [DefaultBinding; 2] = moves("Next result", "Previous result");

const SEARCH_PAGES: [DefaultBinding; 2] =
    pages("Down one page of results", "Up one page of results");

const SEARCH_CLOSE: &[DefaultBinding] = &[bind(
    &[Key::plain(Esc)],
    Action::CloseLayer,
    Some("close"),
    "Close search, back to where you were",
)];

const SEARCH_KEPT: &[DefaultBinding] = &[bind(
    &[Key::plain(KeyCode::Right), Key::plain(End)],
    Action::KeepQuery,
    Some("edit query"),
    "Keep the last query and type after it (typing a character replaces it)",
)];

/// The default rows of one mode, in the order help shows them.
pub fn defaults(mode: Mode) -> Vec<DefaultBinding> {
    let parts: &[&[DefaultBinding]] = match mode {
        Mode::Global => &[GLOBAL],
        Mode::Navigation => &[NAVIGATION],
        Mode::List => &[LIST],
        Mode::Reader => &[READER],
        Mode::Pager => &[PAGER],
        Mode::Search => &[
            SEARCH_OPEN,
            &SEARCH_MOVES,
            &SEARCH_PAGES,
            SEARCH_CLOSE,
            TEXT_EDITING,
        ],
        Mode::SearchKept => &[SEARCH_KEPT],
        Mode::Panel => &[PANEL],
        Mode::Compare => &[COMPARE],
        Mode::Picker => &[PICKER_CHOOSE, &PICKER_MOVES, PICKER_CLOSE, TEXT_EDITING],
        Mode::Sources => &[SOURCES, &SOURCES_MOVES, &SOURCES_PAGES, TEXT_EDITING],
    };
    parts.concat()
}
