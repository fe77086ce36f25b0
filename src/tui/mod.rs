//! The terminal reader. Draws what the engine computed; holds no text logic.
//!
//! - [`action`]: the `Action` enum, everything the reader can be asked to do.
//! - [`keymap`]: the one key table (keys, status hints, help lines) per mode.
//! - [`app`]: state and the single `apply(Action)`; [`ui`]: rendering from state.
//! - [`layer`]: overlays that see keys first (help, warnings; search later).
//! - [`search`]: the `/` search overlay over [`crate::search`].
//! - [`compare`]: the compare view's columns; [`picker`]: the topic picker layer;
//!   [`sources`]: the source chooser layer (which sources are shown);
//!   [`jobs`]: their engine work (index, comparison, coverage) off the UI thread.
//! - [`reader`]: wrap-once-per-width layout and visible-slice drawing.
//! - [`decorate`]: styled byte ranges and gutter marks over the body.
//! - [`highlight`]: entity colours, claim marks, legend, claim jumps.
//! - [`terminal`]: raw mode, alternate screen, restore on every exit, signals.
//! - [`text`]: the last guard against control characters reaching a cell.

pub mod action;
pub mod app;
pub mod compare;
pub mod decorate;
pub mod highlight;
pub mod jobs;
pub mod keymap;
pub mod layer;
pub mod panel;
pub mod picker;
pub mod reader;
pub mod search;
pub mod sources;
pub mod terminal;
pub mod text;
pub mod ui;

use crate::model::Corpus;
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
pub fn run(paths: Vec<PathBuf>, dirs: Option<crate::store::Dirs>) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; for scripts use `crossread list`, `show` or `analyze`"
        );
    }
    let label = match paths.as_slice() {
        [] => "the built-in articles".to_string(),
        [one] => one.display().to_string(),
        [first, rest @ ..] => format!("{} and {} more", first.display(), rest.len()),
    };
    let (sender, loaded) = mpsc::channel();
    std::thread::Builder::new()
        .name("crossread-load".into())
        .spawn(move || {
            let _ = sender.send(crate::library::open_corpus(&paths, dirs.as_ref()));
        })?;
    let signals = terminal::Signals::register()?;
    terminal::install_panic_hook();
    let guard = terminal::Guard;
    terminal::enter()?;
    let mut term = ratatui::Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    term.clear()?;
    let mut app = App::loading(label);
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
    loaded: &mpsc::Receiver<Result<Corpus, crate::analysis::CorpusError>>,
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
            Ok(Ok(corpus)) => {
                app.loaded(corpus);
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
            term.draw(|frame| ui::render(app, frame))?;
            dirty = false;
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
