//! Everything the reader can be asked to do. Keys map to actions through
//! [`super::keymap`]; layers and views also queue actions for the app, so a
//! pane never calls another pane directly.

/// One thing the user (or a layer on the user's behalf) asks the reader to do.
///
/// To add an action: add a variant here and its name to [`Action::name`],
/// one row to a table in [`super::keymap`], and one arm where it acts (the
/// view's `apply`, or [`super::app::App::apply`] for what switches views).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave crossread, restoring the terminal.
    Quit,
    /// Suspend to the shell (like Ctrl-Z in any program); `fg` resumes.
    Suspend,
    /// Show or hide the key reference.
    Help,
    /// List the files that could not be loaded, or loaded with a caveat.
    Warnings,
    /// Move focus to the next pane.
    FocusNext,
    /// Move focus to the previous pane.
    FocusPrev,
    /// Focus the article list.
    FocusList,
    /// Move up one item (list) or scroll up one line (reader).
    Up,
    /// Move down one item (list) or scroll down one line (reader).
    Down,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// Half a page up.
    HalfPageUp,
    /// Half a page down.
    HalfPageDown,
    /// Jump to the first item / the top of the article.
    Top,
    /// Jump to the last item / the end of the article.
    Bottom,
    /// Open the selected article in the reader and focus it.
    Open,
    /// Dim boilerplate lines (navigation, repeated headlines) or hide them.
    ToggleBoilerplate,
    /// Bookmark the sentence in view (the highlighted one, else the first
    /// on screen), or remove its bookmark.
    ToggleBookmark,
    /// List every bookmark, in any article; Enter goes back to it.
    Bookmarks,
    /// Remove the bookmark on `start..end` of article `article` (from the
    /// bookmarks list).
    RemoveBookmark {
        article: usize,
        start: usize,
        end: usize,
    },
    /// Mark the selected article read or unread.
    ToggleRead,
    /// Cycle the article list: all, unread only, grouped by outlet, newest first.
    CycleListOrder,
    /// Fetch every followed feed in the background and reload the library.
    Refresh,
    /// Open the search overlay: find a sentence in any article as you type.
    Search,
    /// Show or hide entity colours.
    ToggleEntities,
    /// Show or hide claim marks.
    ToggleClaims,
    /// Show the entities-and-claims side panel of the reader's article.
    Panel,
    /// Jump to the next claim of the article.
    NextClaim,
    /// Jump to the previous claim of the article.
    PrevClaim,
    /// Close the topmost layer (help, warnings, later search...).
    CloseLayer,
    /// Open article `article` (index into the corpus) scrolled to byte
    /// `start` of its body, with `start..end` highlighted. Search and compare
    /// queue this when the user picks a sentence.
    OpenAt {
        article: usize,
        start: usize,
        end: usize,
    },
    /// Open a compare cell's sentence in the reader: like `OpenAt`, and
    /// going back from the reader returns to the compare view.
    ReadCell {
        article: usize,
        start: usize,
        end: usize,
    },
    /// The reader's article changed or it jumped within it: layers that
    /// follow the reader (the panel) are told, the others close.
    ReaderMoved {
        article: usize,
    },
    /// Open the compare view (one topic side by side across sources).
    Compare,
    /// Open the topic picker (and the compare view under it).
    PickTopic,
    /// Show topic `topic` (an index into the compare view's topics); the
    /// topic picker queues this.
    SetTopic {
        topic: usize,
    },
    /// Leave the compare view for the reader.
    CloseCompare,
    /// Open the compare view on the fact of the reader's claim (the
    /// highlighted one, else the first on screen).
    CompareClaim,
    /// Open the insights view: discrepancies, shifts, silences, quotations.
    Insights,
    /// In the insights view: show the next kind of finding only (all,
    /// number, date, ..., quote, all again).
    CycleInsightKind,
    /// Leave the insights view for the reader.
    CloseInsights,
    /// Select the cell of the source on the left / right.
    ColumnLeft,
    ColumnRight,
    /// Page the source columns left / right by a screenful.
    ColumnsPageLeft,
    ColumnsPageRight,
    /// Next / previous row whose wording differs between its sources.
    NextDiffers,
    PrevDiffers,
    /// Next / previous row only one source has.
    NextOnly,
    PrevOnly,
    /// Show or hide source `source` (0-based; the key `1` is source 0).
    ToggleSource {
        source: usize,
    },
    /// Open the source chooser over the compare view: every compared
    /// source, filterable, each shown or hidden.
    Sources,
    /// Show every source again.
    ShowAllSources,
    /// Hide every source but `source` (0-based).
    ShowOnlySource {
        source: usize,
    },
    /// Select source `source`'s column in the compare view (paged into
    /// view), on a row it carries; nothing when it has no column.
    GoToSource {
        source: usize,
    },
    /// In the source chooser: hide or show the highlighted source, or show
    /// it alone (the chooser queues the matching action with its number).
    ToggleHighlighted,
    ShowOnlyHighlighted,
    /// In a text field (search, topic picker): delete the last character,
    /// the last word, or everything typed.
    DeleteChar,
    DeleteWord,
    ClearInput,
    /// In a reopened search, whose previous query is shown selected (typing
    /// replaces it): keep the query and type after it instead.
    KeepQuery,
}

impl Action {
    /// The action's name in the config file's `[keys.MODE]` tables.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Suspend => "suspend",
            Action::Help => "help",
            Action::Warnings => "warnings",
            Action::FocusNext => "focus_next",
            Action::FocusPrev => "focus_prev",
            Action::FocusList => "focus_list",
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::HalfPageUp => "half_page_up",
            Action::HalfPageDown => "half_page_down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Open => "open",
            Action::ToggleBoilerplate => "toggle_boilerplate",
            Action::ToggleBookmark => "toggle_bookmark",
            Action::Bookmarks => "bookmarks",
            Action::RemoveBookmark { .. } => "remove_bookmark",
            Action::ToggleRead => "toggle_read",
            Action::CycleListOrder => "cycle_list_order",
            Action::Refresh => "refresh",
            Action::Search => "search",
            Action::ToggleEntities => "toggle_entities",
            Action::ToggleClaims => "toggle_claims",
            Action::Panel => "panel",
            Action::NextClaim => "next_claim",
            Action::PrevClaim => "prev_claim",
            Action::CloseLayer => "close_layer",
            Action::OpenAt { .. } => "open_at",
            Action::ReadCell { .. } => "read_cell",
            Action::ReaderMoved { .. } => "reader_moved",
            Action::Compare => "compare",
            Action::PickTopic => "pick_topic",
            Action::SetTopic { .. } => "set_topic",
            Action::CloseCompare => "close_compare",
            Action::CompareClaim => "compare_claim",
            Action::Insights => "insights",
            Action::CycleInsightKind => "cycle_insight_kind",
            Action::CloseInsights => "close_insights",
            Action::ColumnLeft => "column_left",
            Action::ColumnRight => "column_right",
            Action::ColumnsPageLeft => "columns_page_left",
            Action::ColumnsPageRight => "columns_page_right",
            Action::NextDiffers => "next_differs",
            Action::PrevDiffers => "prev_differs",
            Action::NextOnly => "next_only",
            Action::PrevOnly => "prev_only",
            Action::ToggleSource { .. } => "toggle_source",
            Action::Sources => "sources",
            Action::ShowAllSources => "show_all_sources",
            Action::ShowOnlySource { .. } => "show_only_source",
            Action::GoToSource { .. } => "go_to_source",
            Action::ToggleHighlighted => "toggle_highlighted",
            Action::ShowOnlyHighlighted => "show_only_highlighted",
            Action::DeleteChar => "delete_char",
            Action::DeleteWord => "delete_word",
            Action::ClearInput => "clear_input",
            Action::KeepQuery => "keep_query",
        }
    }
}
