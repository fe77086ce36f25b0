//! The terminal reader. Draws what the engine computed; holds no text logic.
//!
//! - [`app`]: routes keys and actions, holds the views, layers and corpus.
//! - [`layer`]: the two shapes on screen, [`layer::View`] and
//!   [`layer::Layer`], and the context they read.
//! - [`browse`]: the list and reader view; [`compare`]: the compare view,
//!   its topic picker and source chooser; [`insights`]: the insights view
//!   and the reader's corroboration marks; [`search`]: the `/` overlay.
//! - [`widgets`]: scroll offset, text input, pager, centred box, plurals.
//! - [`keymap`]: the key table and lookup; [`action`]: what keys ask for.
//! - [`theme`]: every style; [`settings`]: keys and theme from the config.
//! - [`screen`]: the whole screen; [`terminal`]: raw mode, restore, signals;
//!   [`text`]: the last guard against control characters reaching a cell.

mod action;
mod app;
mod browse;
mod compare;
mod insights;
mod keymap;
mod layer;
mod screen;
mod search;
pub mod settings;
mod terminal;
mod text;
mod theme;
mod widgets;

pub use layer::Settings;

use crate::library::reading::ReadingState;
use crate::model::Corpus;
use crate::sanitize::for_terminal;
use app::App;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

/// How long the loop waits for input before checking signals and the loader.
const IDLE_POLL: Duration = Duration::from_millis(100);
/// The same while a layer waits for results: one frame at 60 Hz.
const BUSY_POLL: Duration = Duration::from_millis(16);

/// Runs the reader on the corpus at `paths` (the built-in one when empty).
/// The screen comes up at once; the corpus loads on a background thread.
pub fn run(
    paths: Vec<PathBuf>,
    dirs: Option<crate::store::Dirs>,
    settings: Settings,
) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; for scripts use `crossread list`, `show` or `analyze`"
        );
    }
    let label = match paths.as_slice() {
        [] => "the built-in articles".to_string(),
        [one] => for_terminal(&one.display().to_string()),
        [first, rest @ ..] => format!(
            "{} and {} more",
            for_terminal(&first.display().to_string()),
            rest.len()
        ),
    };
    // Refreshing feeds makes sense only when the reader shows the library.
    let library = dirs.clone().filter(|_| paths.is_empty());
    let (sender, loaded) = mpsc::channel();
    let progress = std::sync::Arc::new(crate::load::Progress::default());
    let shared = std::sync::Arc::clone(&progress);
    std::thread::Builder::new()
        .name("crossread-load".into())
        .spawn(move || {
            // The reading state is read here too: the library is opened off
            // the UI thread, and the list shows unread marks from its first frame.
            // The state is read on a thread of its own: on two cores it costs
            // the first frame nothing beside the corpus.
            let outcome = std::thread::scope(|scope| {
                let reading = scope.spawn(|| ReadingState::open(dirs.as_ref()));
                let corpus = crate::library::open_corpus_with(&paths, dirs.as_ref(), &shared);
                let reading = reading.join().unwrap_or_else(|_| ReadingState::in_memory());
                corpus.map(|corpus| (corpus, reading))
            });
            let _ = sender.send(outcome);
        })?;
    let signals = terminal::Signals::register()?;
    terminal::install_panic_hook();
    let guard = terminal::Guard;
    terminal::enter()?;
    let mut term = ratatui::Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    term.clear()?;
    let mut app = App::loading_with(label, progress, settings);
    app.library = library;
    let outcome = event_loop(&mut term, &mut app, &signals, &loaded);
    drop(guard);
    if let Some(signal) = signals.terminated() {
        terminal::die_of(signal);
    }
    outcome?;
    for warning in &app.corpus.warnings {
        eprintln!("crossread: warning: {warning}");
    }
    Ok(())
}

fn event_loop(
    term: &mut terminal::Term,
    app: &mut App,
    signals: &terminal::Signals,
    loaded: &mpsc::Receiver<Result<(Corpus, ReadingState), crate::analysis::CorpusError>>,
) -> anyhow::Result<()> {
    let mut dirty = true;
    loop {
        if signals.terminated().is_some() {
            return Ok(());
        }
        if signals.take_stop() {
            terminal::suspend(term, signals)?;
            dirty = true;
        }
        if signals.take_resumed() {
            terminal::reclaim(term)?;
            dirty = true;
        }
        match loaded.try_recv() {
            Ok(Ok((corpus, reading))) => {
                app.loaded_with(corpus, reading);
                app.start_insights();
                dirty = true;
            }
            Ok(Err(error)) => return Err(error.into()),
            Err(_) => {}
        }
        let loading = matches!(app.load, app::LoadState::Loading { .. });
        let busy = app.busy();
        if dirty || loading || busy {
            let size = term.size()?;
            app.prepare(ratatui::layout::Rect::new(0, 0, size.width, size.height));
            term.draw(|frame| screen::render(app, frame))?;
            dirty = false;
            // A panic with the terminal taken, for tests/e2e_pty.rs to see the
            // panic hook give the terminal back; release builds have no trigger.
            #[cfg(debug_assertions)]
            if !loading && std::env::var_os("CROSSREAD_TEST_PANIC").is_some() {
                panic!("CROSSREAD_TEST_PANIC is set: a test asked for a panic");
            }
        }
        if !event::poll(if busy { BUSY_POLL } else { IDLE_POLL })? {
            continue;
        }
        // Take every event already waiting before drawing again, so a burst
        // of wheel events or a held key costs one frame, not one each.
        loop {
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => app.handle_key(&key),
                Event::Mouse(mouse) => app.handle_mouse(&mouse),
                _ => {}
            }
            dirty = true;
            if app.should_quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        if app.should_quit {
            return Ok(());
        }
        if app.suspend_requested {
            app.suspend_requested = false;
            terminal::suspend(term, signals)?;
        }
    }
}

#[cfg(test)]
mod tests;

/// The reader as the frame benchmark (`benches/frame.rs`) drives it: the
/// one way into the reader from outside the crate besides [`run`].
pub struct BenchReader {
    app: App,
    screen: ratatui::layout::Rect,
}

impl BenchReader {
    /// `corpus` on a `width`×`height` screen, its first article open in the reader.
    pub fn new(corpus: Corpus, width: u16, height: u16) -> BenchReader {
        let mut app = App::loading(String::new(), Settings::default());
        app.loaded(corpus);
        let screen = ratatui::layout::Rect::new(0, 0, width, height);
        app.prepare(screen);
        app.handle_key(&event::KeyEvent::from(event::KeyCode::Enter));
        app.prepare(screen);
        BenchReader { app, screen }
    }

    /// Scrolls the reader to `line`; returns the article's line count.
    pub fn scroll_to(&mut self, line: usize) -> usize {
        self.app.browse.reader.scroll = line;
        self.app.prepare(self.screen);
        self.app
            .browse
            .layout()
            .map_or(0, browse::reader::Layout::line_count)
    }

    /// One frame: fit the state to the screen, then draw it.
    pub fn frame<B: ratatui::backend::Backend>(&mut self, terminal: &mut ratatui::Terminal<B>) {
        self.app.prepare(self.screen);
        let _ = terminal.draw(|frame| screen::render(&self.app, frame));
    }

    /// Draws one frame into `buffer` without the per-cell pass that
    /// [`BenchReader::frame`] ends with.
    pub fn draw(&mut self, buffer: &mut ratatui::buffer::Buffer) {
        self.app.prepare(self.screen);
        screen::draw(&self.app, self.screen, buffer);
    }

    /// The pass every frame ends with: each cluster of several code points
    /// laid out one code point per cell, as terminals store it.
    pub fn per_cell_pass(buffer: &mut ratatui::buffer::Buffer) {
        text::one_code_point_per_cell(buffer);
    }

    /// Wraps the first article for a reader `width` columns wide, as a
    /// resize does; returns its line count.
    pub fn layout(&self, width: u16) -> usize {
        let key = browse::reader::LayoutKey {
            article: 0,
            width,
            toggles: self.app.browse.toggles,
        };
        self.app.corpus.articles.first().map_or(0, |article| {
            browse::reader::Layout::build(article, key, &self.app.settings.theme).line_count()
        })
    }
}
