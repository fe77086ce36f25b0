//! Everything the reader can be asked to do. Keys map to actions through
//! [`super::keymap`]; layers and views also queue actions for the app, so a
//! pane never calls another pane directly.

/// One thing the user (or a layer on the user's behalf) asks the reader to do.
///
/// To add an action: add a variant here, one row to a table in
/// [`super::keymap`], and one arm to [`super::app::App::apply`].
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
