//! The app routes: keys to the top layer or the view on screen, actions to
//! whoever acts on them. It holds the shared corpus, the views, the layer
//! stack and the settings, and switches views; each view keeps its own
//! state ([`super::browse`], [`super::compare`]).

use super::action::Action;
use super::browse::bookmarks::BookmarksLayer;
use super::browse::panel::PanelLayer;
use super::browse::{Back, Browse, MIN_HEIGHT, MIN_WIDTH};
use super::compare::CompareView;
use super::compare::jobs::TopicEngine;
use super::compare::picker::TopicPicker;
use super::compare::sources::SourceChooser;
use super::insights::{InsightsJob, InsightsView};
use super::keymap::{Key, Lookup, Mode};
use super::layer::{Context, EventState, Input, Layer, LayerContext, Settings, Shared, View};
use super::search::SearchLayer;
use super::widgets::input::{TextEdit, edit_text};
use super::widgets::pager::Pager;
use crate::library::reading::ReadingState;
use crate::model::Corpus;
use crate::search::SearchIndex;
use crate::search::query::MAX_QUERY_BYTES;
use crate::topics::TopicSet;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind, MouseEvent};
use ratatui::layout::Rect;
use std::collections::VecDeque;
use std::sync::{Arc, OnceLock, mpsc};
use std::time::Instant;

/// Which view fills the screen. A new view is a new variant here (see
/// [`View`] for the other steps).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Showing {
    Browse,
    Compare,
    Insights,
}

#[derive(Debug, Clone)]
pub enum LoadState {
    /// The corpus is being read in the background.
    Loading {
        label: String,
        started: Instant,
        /// Files read of the total, and the current one (from the loader).
        progress: std::sync::Arc<crate::load::Progress>,
    },
    Ready,
}

/// Where things are on the current screen (set by [`App::prepare`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub screen: Rect,
    pub too_small: bool,
    /// The screen above the status bar, where views and layers draw.
    pub main: Rect,
    pub status: Rect,
}

impl Areas {
    fn compute(screen: Rect) -> Areas {
        if screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT {
            return Areas {
                screen,
                too_small: true,
                ..Areas::default()
            };
        }
        Areas {
            screen,
            too_small: false,
            main: Rect {
                height: screen.height - 1,
                ..screen
            },
            status: Rect {
                y: screen.bottom() - 1,
                height: 1,
                ..screen
            },
        }
    }
}

pub struct App {
    /// Shared with the workers that search and compare it.
    pub corpus: Arc<Corpus>,
    pub load: LoadState,
    pub settings: Settings,
    pub showing: Showing,
    pub browse: Browse,
    /// Built the first time the compare view opens.
    pub compare: Option<CompareView>,
    pub insights_view: InsightsView,
    /// The corpus' index, facts and topics, shared by the compare view and
    /// the insights; made on first use.
    engine: Option<Arc<TopicEngine>>,
    /// The insights of the corpus, built once on the engine's facts.
    pub insights: Option<InsightsJob>,
    pub areas: Areas,
    layers: Vec<Box<dyn Layer>>,
    /// A closed layer kept to resume at its next open (the search overlay).
    parked: Option<Box<dyn Layer>>,
    queue: VecDeque<Action>,
    /// The first keys of a sequence ("g" of "g g") waiting for the rest.
    pending: Vec<Key>,
    pub should_quit: bool,
    pub suspend_requested: bool,
    /// Built once per corpus by the first search, shared by the next ones.
    search_index: Arc<OnceLock<Arc<SearchIndex>>>,
    /// Where the library is, when the reader shows it (no `--corpus`).
    pub library: Option<crate::store::Dirs>,
    /// A feed refresh running in the background, and its last progress line.
    refreshing: Option<(mpsc::Receiver<RefreshEvent>, String)>,
    /// A sentence about the last thing done, until the next key.
    pub notice: Option<String>,
}

/// What the refresh thread reports.
enum RefreshEvent {
    Progress(String),
    /// The summary line and the reloaded corpus (or why refreshing failed).
    Done(Result<(String, Corpus), String>),
}

impl App {
    /// The app while the corpus named `label` loads in the background.
    pub fn loading(label: String, settings: Settings) -> App {
        App::loading_with(label, std::sync::Arc::default(), settings)
    }

    /// [`App::loading`], showing how far `progress` says the load got.
    pub fn loading_with(
        label: String,
        progress: std::sync::Arc<crate::load::Progress>,
        settings: Settings,
    ) -> App {
        App::with_state(
            Corpus::default(),
            LoadState::Loading {
                label,
                started: Instant::now(),
                progress,
            },
            settings,
        )
    }

    #[cfg(test)]
    pub fn new(corpus: Corpus) -> App {
        App::with_settings(corpus, Settings::default())
    }

    #[cfg(test)]
    pub fn with_settings(corpus: Corpus, settings: Settings) -> App {
        App::with_state(corpus, LoadState::Ready, settings)
    }

    fn with_state(corpus: Corpus, load: LoadState, settings: Settings) -> App {
        App {
            corpus: Arc::new(corpus),
            load,
            settings,
            showing: Showing::Browse,
            browse: Browse::default(),
            compare: None,
            insights_view: InsightsView::default(),
            engine: None,
            insights: None,
            areas: Areas::default(),
            layers: Vec::new(),
            parked: None,
            queue: VecDeque::new(),
            pending: Vec::new(),
            should_quit: false,
            suspend_requested: false,
            search_index: Arc::default(),
            library: None,
            refreshing: None,
            notice: None,
        }
    }

    /// The background load finished (reading state kept in memory only).
    pub fn loaded(&mut self, corpus: Corpus) {
        self.loaded_with(corpus, ReadingState::in_memory());
    }

    /// The background load finished, with the reading state to show and
    /// keep: the list marks what is unread and the reader reopens the
    /// article left open last time, where it was left.
    pub fn loaded_with(&mut self, corpus: Corpus, reading: ReadingState) {
        self.corpus = Arc::new(corpus);
        self.load = LoadState::Ready;
        let toggles = self.browse.toggles;
        let arrangement = self.browse.arrangement;
        self.browse = Browse::default();
        self.browse.toggles = toggles;
        self.browse.arrangement = arrangement;
        self.browse.reading = reading;
        if let Some(problem) = &self.browse.reading.problem {
            self.notice = Some(problem.clone());
        }
        self.browse.arrange(&self.corpus);
        let mut queue = Vec::new();
        self.browse.resume(&self.corpus, &mut queue);
        self.queue.extend(queue);
        self.search_index = Arc::default();
        self.parked = None;
        self.compare = None;
        // A new corpus: what the old one's workers still send is dropped
        // with them.
        self.engine = None;
        self.insights = None;
        self.insights_view = InsightsView::default();
        if self.showing == Showing::Insights {
            self.showing = Showing::Browse;
        }
    }

    /// The corpus' engine, made on first use; None while there is no corpus.
    fn engine(&mut self) -> Option<Arc<TopicEngine>> {
        if !matches!(self.load, LoadState::Ready) || self.corpus.articles.is_empty() {
            return None;
        }
        let topics = self.settings.topics.clone();
        let corpus = &self.corpus;
        let engine = self.engine.get_or_insert_with(|| {
            TopicEngine::new(Arc::clone(corpus), topics.unwrap_or_else(TopicSet::builtin))
        });
        Some(Arc::clone(engine))
    }

    /// Starts building the insights in the background (once per corpus):
    /// the reader's corroboration marks and the insights view wait for them.
    pub fn start_insights(&mut self) {
        if self.insights.is_none()
            && let Some(engine) = self.engine()
        {
            self.insights = Some(InsightsJob::new(engine));
        }
        if let Some(job) = &mut self.insights {
            job.start();
        }
    }

    fn found(&self) -> Option<&super::insights::Found> {
        self.insights.as_ref()?.found.as_ref()
    }

    pub fn layers(&self) -> &[Box<dyn Layer>] {
        &self.layers
    }

    fn shared(&self) -> Shared<'_> {
        let docked = self
            .layers
            .iter()
            .map(|layer| layer.docked_width(self.areas.main))
            .max()
            .unwrap_or(0);
        Shared {
            corpus: &self.corpus,
            settings: &self.settings,
            docked,
            insights: self.found(),
        }
    }

    /// What layers read: the shared state and the compare view.
    pub fn context(&self) -> Context<'_> {
        Context {
            shared: self.shared(),
            compare: self.compare.as_ref(),
        }
    }

    /// The view on screen.
    pub fn view(&self) -> &dyn View {
        match (self.showing, &self.compare) {
            (Showing::Compare, Some(compare)) => compare,
            (Showing::Insights, _) => &self.insights_view,
            _ => &self.browse,
        }
    }

    /// A layer or a view waits for background results and wants frames meanwhile.
    pub fn busy(&self) -> bool {
        self.refreshing.is_some()
            || self.layers.iter().any(|layer| layer.busy())
            || self.compare.as_ref().is_some_and(View::busy)
            || self.insights.as_ref().is_some_and(InsightsJob::waiting)
    }

    /// Keymap modes in lookup order for the current state.
    pub fn modes(&self) -> Vec<Mode> {
        if matches!(self.load, LoadState::Loading { .. }) {
            return vec![Mode::Global];
        }
        let mut modes = match self.layers.last() {
            Some(layer) => layer.modes().to_vec(),
            None => self.view().modes(),
        };
        // What a layer leaves goes to the global keys (see `handle_key`);
        // the hints leave out the ones a text layer types instead.
        modes.push(Mode::Global);
        modes
    }

    /// What the keys pressed so far do in `modes`; a sequence's first keys
    /// wait, a key that ends no sequence is looked up alone.
    fn lookup(&mut self, modes: &[Mode], key: Key) -> Lookup {
        self.pending.push(key);
        match self.settings.keymap.lookup(modes, &self.pending) {
            Lookup::Prefix => Lookup::Prefix,
            Lookup::None if self.pending.len() > 1 => {
                self.pending.clear();
                self.lookup(modes, key)
            }
            found => {
                self.pending.clear();
                found
            }
        }
    }

    /// Routes a key: the top layer first, else the view's keymap.
    pub fn handle_key(&mut self, event: &KeyEvent) {
        if event.kind == KeyEventKind::Release {
            return;
        }
        let key = Key::of(event);
        self.notice = None;
        self.browse.notice = None;
        if let Some(mut layer) = self.layers.pop() {
            let action = match self.lookup(layer.modes(), key) {
                Lookup::Prefix => {
                    self.layers.push(layer);
                    return;
                }
                Lookup::Action(action) => Some(action),
                Lookup::None => None,
            };
            let mut queue = Vec::new();
            let mut context = LayerContext {
                context: self.context(),
                queue: &mut queue,
            };
            let input = Input { action, key: event };
            let mut state = layer.handle_key(input, &mut context);
            if state == EventState::NotConsumed {
                state = self.type_into(layer.as_mut(), action, event);
            }
            self.layers.push(layer);
            self.queue.extend(queue);
            if state == EventState::NotConsumed
                && let Some(action) = self.settings.keymap.action(&[Mode::Global], key)
            {
                self.queue.push_back(action);
            }
        } else if let Lookup::Action(action) = self.lookup(&self.modes(), key) {
            self.queue.push_back(action);
        }
        self.run_queue();
    }

    /// Types or deletes in a text-taking layer what it left of a key. Of
    /// the keys that do neither, only Ctrl ones (Ctrl-C, Ctrl-Z) get past
    /// it to the global keys, as the status bar (which hides letter keys)
    /// says.
    fn type_into(
        &self,
        layer: &mut dyn Layer,
        action: Option<Action>,
        event: &KeyEvent,
    ) -> EventState {
        let Some(text) = layer.text() else {
            return EventState::NotConsumed;
        };
        match edit_text(text, action, event, MAX_QUERY_BYTES) {
            TextEdit::Changed => {
                layer.text_changed(self.context());
                EventState::Consumed
            }
            TextEdit::Unchanged => EventState::Consumed,
            TextEdit::PassOn => EventState::NotConsumed,
        }
    }

    pub fn handle_mouse(&mut self, mouse: &MouseEvent) {
        // Panes beside a docked layer (the panel) still take the mouse.
        let covered = self
            .layers
            .iter()
            .any(|layer| layer.docked_width(self.areas.main) == 0);
        if covered || self.showing != Showing::Browse {
            return;
        }
        let mut queue = Vec::new();
        let shared = Shared {
            corpus: &self.corpus,
            settings: &self.settings,
            docked: 0,
            insights: self.insights.as_ref().and_then(|job| job.found.as_ref()),
        };
        self.browse.mouse(mouse, shared, &mut queue);
        self.queue.extend(queue);
        self.run_queue();
    }

    #[cfg(test)]
    /// Queues an action from outside the key path (a view, a worker result).
    pub fn dispatch(&mut self, action: Action) {
        self.queue.push_back(action);
        self.run_queue();
    }

    fn run_queue(&mut self) {
        while let Some(action) = self.queue.pop_front() {
            self.apply(action);
        }
    }

    /// The one place actions take effect: what opens layers and switches
    /// views here, the rest in the view on screen.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Quit => self.should_quit = true,
            Action::Suspend => self.suspend_requested = true,
            Action::Help => {
                let help = Pager::help(&self.settings.keymap, &self.settings.theme);
                self.layers.push(Box::new(help));
            }
            Action::Warnings => self.layers.push(Box::new(Pager::warnings(&self.corpus))),
            Action::Bookmarks => {
                let list = BookmarksLayer::new(&self.browse.reading, &self.corpus);
                self.layers.push(Box::new(list));
            }
            Action::Refresh => self.refresh(),
            Action::RemoveBookmark { .. } => self.apply_to(Showing::Browse, action),
            Action::Search => self.open_search(),
            Action::CloseLayer => {
                if let Some(layer) = self.layers.pop() {
                    self.park(layer);
                }
            }
            Action::Panel => {
                if self.browse.article(&self.corpus).is_some() {
                    let panel = PanelLayer::new(
                        &self.corpus,
                        self.browse.reader.article,
                        &self.browse.toggles,
                        &self.settings.theme,
                    );
                    self.layers.push(Box::new(panel));
                }
            }
            Action::OpenAt {
                article,
                start,
                end,
            } => {
                // Evidence opened from the insights view goes back to it.
                let back = if self.showing == Showing::Insights && self.layers.is_empty() {
                    Back::Insights
                } else {
                    Back::List
                };
                self.read((article, start, end), back)
            }
            Action::ReadCell {
                article,
                start,
                end,
            } => self.read((article, start, end), Back::Compare),
            Action::ReaderMoved { article } => self.follow_reader(article),
            Action::Compare => {
                if self.open_compare() {
                    self.close_layers();
                }
            }
            Action::PickTopic => self.pick_topic(),
            Action::SetTopic { .. } => {
                if self.open_compare() {
                    self.apply_to_view(action);
                }
            }
            Action::Sources => {
                if self.showing == Showing::Compare
                    && let Some(compare) = &self.compare
                {
                    let chooser = SourceChooser::new(&self.corpus, compare);
                    self.layers.push(Box::new(chooser));
                }
            }
            Action::Insights => self.open_insights(),
            Action::CloseInsights => {
                self.browse.focus = super::browse::Focus::Reader;
                self.showing = Showing::Browse;
            }
            Action::CompareClaim => self.compare_claim(),
            Action::CloseCompare => {
                self.browse.back_to = Back::List;
                self.browse.focus = super::browse::Focus::Reader;
                self.showing = Showing::Browse;
            }
            // The boilerplate switch is global, but only the reader acts on it.
            Action::ToggleBoilerplate => self.apply_to(Showing::Browse, action),
            _ => self.apply_to_view(action),
        }
    }

    /// Starts fetching every followed feed on a thread of its own; the
    /// status bar shows each feed as it goes, and the library reloads at the end.
    fn refresh(&mut self) {
        if self.refreshing.is_some() {
            return;
        }
        let Some(dirs) = self.library.clone() else {
            self.notice = Some(
                "refresh works on the library: this reader shows the files given with --corpus"
                    .into(),
            );
            return;
        };
        let (sender, events) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("crossread-refresh".into())
            .spawn(move || {
                let outcome = refresh_library(&dirs, &sender);
                let _ = sender.send(RefreshEvent::Done(outcome));
            });
        match spawned {
            Ok(_) => self.refreshing = Some((events, "refreshing feeds…".into())),
            Err(error) => self.notice = Some(format!("could not start the refresh: {error}")),
        }
    }

    fn poll_refresh(&mut self) {
        let Some((events, status)) = &mut self.refreshing else {
            return;
        };
        let mut done = None;
        for event in events.try_iter() {
            match event {
                RefreshEvent::Progress(line) => *status = line,
                RefreshEvent::Done(outcome) => done = Some(outcome),
            }
        }
        match done {
            Some(Ok((summary, corpus))) => {
                self.refreshing = None;
                let reading = std::mem::take(&mut self.browse.reading);
                self.loaded_with(corpus, reading);
                self.notice = Some(summary);
            }
            Some(Err(error)) => {
                self.refreshing = None;
                self.notice = Some(error);
            }
            None => {}
        }
    }

    /// The refresh's line for the status bar while it runs.
    pub fn refresh_status(&self) -> Option<&str> {
        self.refreshing.as_ref().map(|(_, status)| status.as_str())
    }

    fn apply_to_view(&mut self, action: Action) {
        self.apply_to(self.showing, action);
    }

    /// Lets view `showing` act on `action` and queues what it asks for.
    fn apply_to(&mut self, showing: Showing, action: Action) {
        let mut queue = Vec::new();
        let shared = Shared {
            corpus: &self.corpus,
            settings: &self.settings,
            docked: 0,
            insights: self.insights.as_ref().and_then(|job| job.found.as_ref()),
        };
        match (showing, &mut self.compare) {
            (Showing::Compare, Some(compare)) => compare.apply(action, shared, &mut queue),
            (Showing::Insights, _) => self.insights_view.apply(action, shared, &mut queue),
            _ => self.browse.apply(action, shared, &mut queue),
        };
        self.queue.extend(queue);
    }

    fn open_search(&mut self) {
        let layer: Box<dyn Layer> = match self.parked.take() {
            Some(mut layer) => {
                layer.resume();
                layer
            }
            None => Box::new(SearchLayer::new(
                Arc::clone(&self.corpus),
                Arc::clone(&self.search_index),
            )),
        };
        self.layers.push(layer);
    }

    fn pick_topic(&mut self) {
        if self.open_compare()
            && let Some(compare) = &self.compare
        {
            let picker = TopicPicker::new(compare.engine(), compare.topic);
            self.close_layers();
            self.layers.push(Box::new(picker));
        }
    }

    /// Shows article, start, end in the reader; going back from the reader
    /// then leads to `back`.
    fn read(&mut self, at: (usize, usize, usize), back: Back) {
        if self.corpus.articles.get(at.0).is_none() {
            return;
        }
        let mut queue = Vec::new();
        self.browse.open_at(&self.corpus, at, &mut queue);
        self.browse.back_to = back;
        self.showing = Showing::Browse;
        self.queue.extend(queue);
    }

    /// Shows the compare view, building it on first use; false while there
    /// is nothing to compare.
    fn open_compare(&mut self) -> bool {
        if !matches!(self.load, LoadState::Ready) || self.corpus.articles.is_empty() {
            return false;
        }
        if self.compare.is_none()
            && let Some(engine) = self.engine()
        {
            self.compare = Some(CompareView::with_engine(engine));
        }
        self.browse.back_to = Back::List;
        self.showing = Showing::Compare;
        true
    }

    fn open_insights(&mut self) {
        if !matches!(self.load, LoadState::Ready) || self.corpus.articles.is_empty() {
            return;
        }
        self.start_insights();
        self.close_layers();
        self.showing = Showing::Insights;
    }

    /// Opens the compare view on the row of the reader's claim's fact: the
    /// found topic holding the fact (the one with most facts when several
    /// do); says so when the fact is not known or no topic holds it.
    fn compare_claim(&mut self) {
        let Some(sentence) = self.browse.claim_in_view(&self.corpus) else {
            self.notice = Some("no claim in view".into());
            return;
        };
        self.start_insights();
        let Some(found) = self.found() else {
            self.notice = Some("still finding who reports what; try again in a moment".into());
            return;
        };
        let Some(facts) = found.facts() else {
            return;
        };
        let corroboration = found.insights.corroboration(facts, sentence);
        let Some(fact) = corroboration.fact else {
            self.notice = Some("no other source reports this claim".into());
            return;
        };
        let fact_id = facts.facts.get(fact).map(|f| f.id.clone());
        let topic = found
            .engine
            .topics()
            .iter()
            .enumerate()
            .filter(|(_, topic)| topic.facts.contains(&fact))
            .max_by_key(|(_, topic)| topic.facts.len())
            .map(|(at, _)| at);
        let (Some(topic), Some(fact_id)) = (topic, fact_id) else {
            self.notice = Some("no topic holds this claim's fact".into());
            return;
        };
        if self.open_compare()
            && let Some(compare) = &mut self.compare
        {
            compare.select_fact(topic, fact_id);
            self.close_layers();
        }
    }

    /// Tells the layers the reader's article (changed, or jumped within):
    /// those that follow it stay, the others close.
    fn follow_reader(&mut self, article: usize) {
        for mut layer in std::mem::take(&mut self.layers) {
            if layer.follow(&self.corpus, article) {
                self.layers.push(layer);
            } else {
                self.park(layer);
            }
        }
    }

    fn close_layers(&mut self) {
        for layer in std::mem::take(&mut self.layers) {
            self.park(layer);
        }
    }

    /// Keeps a closed layer to show again if it can resume, else drops it.
    fn park(&mut self, layer: Box<dyn Layer>) {
        if layer.resumable() {
            self.parked = Some(layer);
        }
    }

    /// Fits the state to a screen of `screen` after taking what the
    /// workers finished.
    pub fn prepare(&mut self, screen: Rect) {
        self.poll();
        self.prepare_layout(screen);
    }

    /// Takes what the workers finished (search results, a comparison, the
    /// picker's counts), whatever is on screen: a comparison finishing behind
    /// the reader must not keep the loop drawing at frame rate.
    pub fn poll(&mut self) {
        self.poll_refresh();
        for layer in &mut self.layers {
            layer.poll();
        }
        if let Some(job) = &mut self.insights {
            job.poll();
        }
        if let Some(compare) = &mut self.compare {
            compare.poll();
        }
    }

    /// [`App::prepare`] without taking worker results (tests use it to
    /// look at a waiting state).
    pub fn prepare_layout(&mut self, screen: Rect) {
        self.areas = Areas::compute(screen);
        let main = self.areas.main;
        // The area layers are drawn in (see `screen::draw`), so their paging
        // counts the rows they really have.
        let mut layers = std::mem::take(&mut self.layers);
        for layer in &mut layers {
            layer.prepare(main, self.context());
        }
        self.layers = layers;
        if self.areas.too_small || self.corpus.articles.is_empty() {
            return;
        }
        let shared = Shared {
            corpus: &self.corpus,
            settings: &self.settings,
            docked: self
                .layers
                .iter()
                .map(|layer| layer.docked_width(main))
                .max()
                .unwrap_or(0),
            insights: self.insights.as_ref().and_then(|job| job.found.as_ref()),
        };
        match (self.showing, &mut self.compare) {
            (Showing::Compare, Some(compare)) => compare.prepare(main, shared),
            (Showing::Insights, _) => self.insights_view.prepare(main, shared),
            _ => self.browse.prepare(main, shared),
        }
    }
}

/// Refreshes the library's feeds and reloads its corpus (on the refresh thread).
fn refresh_library(
    dirs: &crate::store::Dirs,
    events: &mpsc::Sender<RefreshEvent>,
) -> Result<(String, Corpus), String> {
    use crate::library::fetch::{Fetcher, Limits};
    let mut library = match crate::store::Library::open(dirs, crate::store::Access::ReadWrite) {
        Ok(Some(library)) => library,
        Ok(None) => return Err("the library could not be opened".into()),
        Err(error) => return Err(format!("the library could not be opened: {error}")),
    };
    let mut fetcher = Fetcher::new(Limits::default());
    let mut progress = |index: usize, total: usize, url: &str| {
        let host = crate::library::url::host(url).unwrap_or_else(|| url.to_string());
        let _ = events.send(RefreshEvent::Progress(format!(
            "refreshing {index}/{total}: {}",
            crate::sanitize::for_terminal(&host)
        )));
    };
    let reports = crate::library::refresh::refresh(&mut library, &mut fetcher, &mut progress)
        .map_err(|error| format!("refresh stopped: {error}"))?;
    drop(library);
    if reports.is_empty() {
        return Err("no feeds are followed (add one with `crossread feed add URL`)".into());
    }
    let added: usize = reports.iter().map(|report| report.added).sum();
    let failed = reports
        .iter()
        .filter(|report| report.status == "error")
        .count();
    let mut summary = format!(
        "{} from {}",
        super::widgets::plural(added, "new article"),
        super::widgets::plural(reports.len(), "feed")
    );
    if failed > 0 {
        summary.push_str(&format!(" ({failed} failed: `crossread refresh` says why)"));
    }
    let corpus = crate::library::open_corpus(&[], Some(dirs))
        .map_err(|error| format!("the library could not be reloaded: {error}"))?;
    Ok((summary, corpus))
}
