//! The default key table, one list of rows per mode, in the order help
//! shows them: `[keys] => Action, "hint": "help";` (no hint keeps a row out
//! of the status bar). A user's `[keys.MODE]` replaces the keys of a row
//! (see [`super::Keymap::with_overrides`]); the actions, hints and help stay.

use super::Mode;
use super::key::Key;
use crate::tui::action::Action;
use ratatui::crossterm::event::KeyCode::{
    BackTab, Backspace, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

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

/// Rows as the table writes them, one per line.
macro_rules! rows {
    ($([$($key:expr),+] => $action:ident $({ $($field:ident: $value:expr),* })? $(, $hint:literal)?: $help:literal;)*) => {
        &[$(DefaultBinding {
            keys: &[$($key),+],
            action: Action::$action $({ $($field: $value),* })?,
            hint: rows!(@hint $($hint)?),
            help: $help,
        }),*]
    };
    (@hint) => {
        None
    };
    (@hint $hint:literal) => {
        Some($hint)
    };
}

const fn ch(c: char) -> Key {
    Key::char(c)
}

const fn ctrl(c: char) -> Key {
    Key::ctrl(c)
}

const fn key(code: ratatui::crossterm::event::KeyCode) -> Key {
    Key::plain(code)
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

const GLOBAL: &[DefaultBinding] = rows![
    [ch('/')] => Search, "search": "Search every sentence of every article";
    [ch('q'), ctrl('c')] => Quit, "quit": "Quit crossread";
    [ch('?'), key(F(1))] => Help, "help": "Show or hide this help";
    [key(Tab)] => FocusNext, "switch pane": "Focus the next pane";
    [key(BackTab)] => FocusPrev: "Focus the previous pane";
    [ch('c')] => Compare, "compare": "Compare a topic side by side across sources (opens on the one most sources share)";
    [ch('t')] => PickTopic, "topic": "Pick the topic to compare";
    [ch('i')] => Insights, "insights": "Insights: where sources disagree, hedge, stay silent or change a quotation";
    [ch('x')] => ToggleBoilerplate: "Dim or hide boilerplate (navigation, repeated headlines)";
    [ch('B')] => Bookmarks: "List your bookmarks in every article; Enter goes back to one";
    [ch('R')] => Refresh: "Fetch every followed feed and reload the library (see `crossread feed`)";
    [ch('w')] => Warnings: "List files that could not be loaded cleanly";
    [ctrl('z')] => Suspend: "Suspend to the shell (resume with fg)";
];

const NAVIGATION: &[DefaultBinding] = rows![
    [ch('j'), key(Down)] => Down, "move": "Down one article / one line";
    [ch('k'), key(Up)] => Up: "Up one article / one line";
    [key(PageDown), ch(' '), ctrl('f')] => PageDown: "Down one page";
    [key(PageUp), ctrl('b')] => PageUp: "Up one page";
    [ctrl('d')] => HalfPageDown: "Down half a page";
    [ctrl('u')] => HalfPageUp: "Up half a page";
    [ch('g'), key(Home)] => Top: "First article / top of the article";
    [ch('G'), key(End)] => Bottom: "Last article / end of the article";
];

const LIST: &[DefaultBinding] = rows![
    [key(Enter), ch('l'), key(Right)] => Open, "read": "Read the selected article";
    [ch('u')] => ToggleRead: "Mark the selected article read or unread";
    [ch('f')] => CycleListOrder, "arrange": "Arrange the list: all, unread only, by outlet, newest first";
];

const READER: &[DefaultBinding] = rows![
    [key(Esc), ch('h'), key(Left)] => FocusList, "back": "Back to the article list, or to the compare or insights view the article was opened from";
    [ch('n')] => NextClaim, "claim": "Next claim (marked in the gutter)";
    [ch('N')] => PrevClaim: "Previous claim";
    [ch('e')] => ToggleEntities: "Show or hide entity colours";
    [ch('m')] => ToggleClaims: "Show or hide claim marks";
    [ch('p')] => Panel, "panel": "Side panel: the article's entities and claims, and where each entity is named";
    [ch('b')] => ToggleBookmark, "bookmark": "Bookmark the highlighted sentence (else the first on screen), or remove its bookmark";
    [ch('C')] => CompareClaim: "Compare the highlighted claim (else the first on screen) across sources: its fact's row in the compare view";
];

const PANEL: &[DefaultBinding] = rows![
    [ch('p'), ch('q')] => CloseLayer, "close": "Close the panel";
    [key(Enter), ch('l'), key(Right)] => Open, "open": "Claim: jump to it · entity: list its mentions in every article · mention: open it";
    [ch('n')] => NextClaim, "next claim": "Select the next claim (or mention) and jump the reader to it";
    [ch('N')] => PrevClaim: "Select the previous claim (or mention) and jump to it";
    [key(Esc), key(Backspace), ch('h'), key(Left)] => FocusList, "back": "Back from an entity's mentions to the article's list; closes the panel there";
    [ch('j'), key(Down)] => Down, "move": "Next row";
    [ch('k'), key(Up)] => Up: "Previous row";
    [key(PageDown), ch(' ')] => PageDown: "Down one page";
    [key(PageUp)] => PageUp: "Up one page";
    [ctrl('d')] => HalfPageDown: "Scroll the reader beside the panel down half a page";
    [ctrl('u')] => HalfPageUp: "Scroll the reader up half a page";
    [ch('g'), key(Home)] => Top: "First row";
    [ch('G'), key(End)] => Bottom: "Last row";
];

const COMPARE: &[DefaultBinding] = rows![
    [key(Enter)] => Open, "read": "Read the selected cell's article at that sentence";
    [ch(']')] => NextDiffers, "differs": "Next row whose wording differs between sources";
    [ch('[')] => PrevDiffers: "Previous row whose wording differs";
    [ch('}')] => NextOnly, "only one": "Next row only one source has";
    [ch('{')] => PrevOnly: "Previous row only one source has";
    [ch('h'), key(Left), key(BackTab)] => ColumnLeft: "Select the source on the left";
    [ch('l'), key(Right), key(Tab)] => ColumnRight: "Select the source on the right";
    [ch('H'), ch('<')] => ColumnsPageLeft: "Page the source columns left";
    [ch('L'), ch('>')] => ColumnsPageRight: "Page the source columns right";
    [ch('1'), ch('2'), ch('3'), ch('4'), ch('5'), ch('6'), ch('7'), ch('8'), ch('9')] => ToggleSource { source: 0 }, "hide/show": "Hide or show source N";
    [ch('s')] => Sources, "sources": "Choose the sources shown: every source listed, filter by typing, hide or show any";
    [key(Esc), ch('q'), ch('c')] => CloseCompare, "back": "Back to the reader";
];

const INSIGHTS: &[DefaultBinding] = rows![
    [key(Enter), ch('l'), key(Right)] => Open, "evidence": "Open the selected finding's evidence: the first source's sentence in the reader";
    [ch('f')] => CycleInsightKind, "kind": "Show one kind of finding: all, number, date, place, actor, negation, speaker, update, shift, silence, quote";
    [key(Esc), ch('q'), ch('i'), ch('h'), key(Left)] => CloseInsights, "back": "Back to the reader";
];

/// Moving through a text-taking layer's list: the arrows, or Ctrl-n/p
/// (letters are typed into the query).
const fn moves(next: &'static str, previous: &'static str) -> [DefaultBinding; 2] {
    const NEXT: &[Key] = &[key(Down), ctrl('n')];
    const PREVIOUS: &[Key] = &[key(Up), ctrl('p')];
    [
        bind(NEXT, Action::Down, Some("move"), next),
        bind(PREVIOUS, Action::Up, None, previous),
    ]
}

const fn pages(down: &'static str, up: &'static str) -> [DefaultBinding; 2] {
    const DOWN: &[Key] = &[key(PageDown)];
    const UP: &[Key] = &[key(PageUp)];
    [
        bind(DOWN, Action::PageDown, None, down),
        bind(UP, Action::PageUp, None, up),
    ]
}

/// The editing keys of every text field (search, topic picker, source chooser).
const TEXT_EDITING: &[DefaultBinding] = rows![
    [key(Backspace)] => DeleteChar: "Delete the last character typed";
    [ctrl('w')] => DeleteWord: "Delete the last word typed";
    [ctrl('u')] => ClearInput: "Clear what was typed";
];

const PICKER_CHOOSE: &[DefaultBinding] = rows![
    [key(Enter)] => Open, "choose": "Compare the highlighted topic (first: the words typed, as a topic)";
];

const PICKER_MOVES: [DefaultBinding; 2] = moves("Next topic (type to filter)", "Previous topic");

const PICKER_CLOSE: &[DefaultBinding] = rows![
    [key(Esc)] => CloseLayer, "close": "Close the topic picker";
];

const SOURCES: &[DefaultBinding] = rows![
    [ch(' ')] => ToggleHighlighted, "hide/show": "Hide or show the highlighted source";
    [ctrl('o')] => ShowOnlyHighlighted, "only this": "Show only the highlighted source (others can then be shown again one by one)";
    [ctrl('a')] => ShowAllSources, "show all": "Show every source";
    [key(Enter)] => Open, "go to": "Back to the compare view, at the highlighted source's column (if it has one)";
    [key(Esc)] => CloseLayer, "done": "Back to the compare view";
];

const SOURCES_MOVES: [DefaultBinding; 2] = moves(
    "Next source (type to filter by number, outlet or title)",
    "Previous source",
);

const SOURCES_PAGES: [DefaultBinding; 2] =
    pages("Down one page of sources", "Up one page of sources");

const PAGER: &[DefaultBinding] = rows![
    [key(Esc), ch('q'), ch('?'), key(F(1))] => CloseLayer, "close": "Close the help or warnings";
    [ch('j'), key(Down)] => Down, "scroll": "Scroll down";
    [ch('k'), key(Up)] => Up: "Scroll up";
    [key(PageDown), ch(' ')] => PageDown: "Down one page";
    [key(PageUp)] => PageUp: "Up one page";
    [ch('g'), key(Home)] => Top: "To the top";
    [ch('G'), key(End)] => Bottom: "To the end";
];

const SEARCH_OPEN: &[DefaultBinding] = rows![
    [key(Enter)] => Open, "open": "Open the article at the selected sentence";
];

const SEARCH_MOVES: [DefaultBinding; 2] = moves("Next result", "Previous result");

const SEARCH_PAGES: [DefaultBinding; 2] =
    pages("Down one page of results", "Up one page of results");

const SEARCH_CLOSE: &[DefaultBinding] = rows![
    [key(Esc)] => CloseLayer, "close": "Close search, back to where you were";
];

const BOOKMARKS: &[DefaultBinding] = rows![
    [key(Enter), ch('l'), key(Right)] => Open, "go to": "Open the bookmarked sentence in the reader";
    [ch('j'), key(Down)] => Down, "move": "Next bookmark";
    [ch('k'), key(Up)] => Up: "Previous bookmark";
    [ch('d')] => ToggleBookmark, "remove": "Remove the highlighted bookmark";
    [key(Esc), ch('q'), ch('B')] => CloseLayer, "close": "Close the bookmarks";
];

const SEARCH_KEPT: &[DefaultBinding] = rows![
    [key(Right), key(End)] => KeepQuery, "edit query": "Keep the last query and type after it (typing a character replaces it)";
];

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
        Mode::Bookmarks => &[BOOKMARKS],
        Mode::Insights => &[INSIGHTS],
    };
    parts.concat()
}
