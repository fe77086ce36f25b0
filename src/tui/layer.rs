//! The two shapes of things on screen, and what they may read.
//!
//! A [`View`] fills the screen (browse, compare): it owns its state and
//! answers the same five calls. A [`Layer`] is drawn over the views (help,
//! search, the panel, the pickers): the topmost sees every key first and
//! says whether it used it; what it leaves goes to the global keys only.
//! Both read the corpus, the theme and the key map through a [`Shared`];
//! layers also read the compare view through [`LayerContext`], never a copy.

use super::action::Action;
use super::compare::CompareView;
use super::insights::Found;
use super::keymap::{Keymap, Mode};
use super::theme::Theme;
use crate::model::Corpus;
use crate::topics::TopicSet;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyEvent, MouseEvent};
use ratatui::layout::Rect;

/// What the reader runs with: the theme, the key map and the topics, from
/// the config file and the command line.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub theme: Theme,
    pub keymap: Keymap,
    /// The built-in topics plus the config file's; None for the built-in
    /// ones alone (no config file).
    pub topics: Option<TopicSet>,
}

/// What every view and layer may read.
#[derive(Clone, Copy)]
pub struct Shared<'a> {
    pub corpus: &'a Corpus,
    pub settings: &'a Settings,
    /// Columns a docked layer (the panel) takes on the right of the view's area.
    pub docked: u16,
    /// The corpus' insights, once built.
    pub insights: Option<&'a Found>,
}

impl Shared<'_> {
    pub fn theme(&self) -> &Theme {
        &self.settings.theme
    }

    pub fn keymap(&self) -> &Keymap {
        &self.settings.keymap
    }
}

/// A full-screen view. To add one: a folder under `tui/` with a struct
/// implementing this, a keymap [`Mode`] for its keys, an action that opens
/// it (handled in [`super::app::App::apply`]) and a variant of
/// [`super::app::Showing`].
pub trait View {
    /// Acts on `action`, queueing any follow-up for the app; false when the
    /// view has no use for it.
    fn apply(&mut self, action: Action, shared: Shared, queue: &mut Vec<Action>) -> bool;
    /// Fits the view to `area` (the screen above the status bar).
    fn prepare(&mut self, area: Rect, shared: Shared);
    /// Takes what the view's workers finished; called before every frame.
    fn poll(&mut self) {}
    /// True while a worker's result is awaited (the loop keeps drawing).
    fn busy(&self) -> bool {
        false
    }
    fn render(&self, area: Rect, buf: &mut Buffer, shared: Shared);
    /// Keymap modes in lookup order (the app adds [`Mode::Global`]).
    fn modes(&self) -> Vec<Mode>;
    fn mouse(&mut self, _mouse: &MouseEvent, _shared: Shared, _queue: &mut Vec<Action>) {}
}

/// What a layer may read and ask for.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub shared: Shared<'a>,
    /// The compare view, when it has been opened.
    pub compare: Option<&'a CompareView>,
}

/// A [`Context`] plus the queue of actions for the app to apply after the
/// key (e.g. `OpenAt`, `CloseLayer`).
pub struct LayerContext<'a> {
    pub context: Context<'a>,
    pub queue: &'a mut Vec<Action>,
}

/// Whether a layer used a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventState {
    Consumed,
    NotConsumed,
}

/// A key as a layer sees it.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    /// What the key does in the layer's [`Layer::modes`], if anything.
    pub action: Option<Action>,
    pub key: &'a KeyEvent,
}

pub trait Layer {
    fn handle_key(&mut self, input: Input, context: &mut LayerContext) -> EventState;
    /// The text field typing goes into, for a layer that takes text: what
    /// the layer leaves of a key is typed or deleted there by the app.
    fn text(&mut self) -> Option<&mut String> {
        None
    }
    /// [`Layer::text`] changed.
    fn text_changed(&mut self, _context: Context) {}
    /// Takes what the layer's worker finished; called before each frame.
    fn poll(&mut self) {}
    /// Called before each frame with the area the layer is drawn in, so
    /// paging knows its size.
    fn prepare(&mut self, _area: Rect, _context: Context) {}
    fn render(&self, area: Rect, buf: &mut Buffer, context: Context);
    /// The keymap modes whose keys the layer takes, in lookup order.
    fn modes(&self) -> &'static [Mode];
    /// True while the layer waits for background work (search results): the
    /// loop then keeps drawing frames so they show as they arrive.
    fn busy(&self) -> bool {
        false
    }
    /// Columns the layer takes on the right of `area` as a side pane: the
    /// panes reflow into what is left instead of hiding under it. 0 for a
    /// layer drawn over the panes.
    fn docked_width(&self, _area: Rect) -> u16 {
        0
    }
    /// The reader jumped to `article` (from this layer, search or compare).
    /// True keeps the layer open, now about `article`; false closes it.
    fn follow(&mut self, _corpus: &Corpus, _article: usize) -> bool {
        false
    }
    /// True for a layer the app keeps when it closes and shows again, as it
    /// was, at the next open (the search overlay resumes its last query).
    fn resumable(&self) -> bool {
        false
    }
    /// Called when a kept layer is shown again.
    fn resume(&mut self) {}
}
