//! Reading state for a front end: what was read, where each article was left,
//! the bookmarks and the last article open, loaded once at start and kept in
//! memory; every change is applied at once in memory and written to the
//! library by a background thread, in order, so a keystroke never waits on
//! the disk. Scroll positions are coalesced: only the newest position of an
//! article is written.

use super::minhash;
use crate::model::{Article, Origin};
use crate::store::state::{Bookmark, Reading};
use crate::store::{Access, Dirs, Library, StoreError};
use std::collections::HashMap;
use std::sync::mpsc::{self, Receiver, Sender};

/// The setting that remembers the article open when the reader closed.
pub const LAST_ARTICLE: &str = "last_article";

enum Change {
    Reading([u8; 32], Reading),
    Bookmark(Bookmark),
    Setting(String, String),
    /// Reply once every change sent before has been written.
    Flush(Sender<()>),
}

/// The reading state of a corpus, with its writer.
pub struct ReadingState {
    /// Content hashes of library articles, by id, as stored at import (the
    /// identity that survives a re-import, whatever the loader does since).
    stored: HashMap<String, [u8; 32]>,
    reading: HashMap<[u8; 32], Reading>,
    bookmarks: Vec<Bookmark>,
    last_article: Option<String>,
    writer: Option<Sender<Change>>,
    /// Why the state cannot be written (shown once to the user), if so.
    pub problem: Option<String>,
}

impl ReadingState {
    /// Loads the state from the library in `dirs` (creating the library if
    /// needed) and starts its writer. Without a usable library the state
    /// lives in memory only, and `problem` says why.
    pub fn open(dirs: Option<&Dirs>) -> ReadingState {
        let mut state = ReadingState::in_memory();
        let Some(dirs) = dirs else {
            state.problem = Some("no data directory: reading state is not kept".into());
            return state;
        };
        match Library::open(dirs, Access::ReadWrite) {
            Ok(Some(library)) => {
                if let Err(error) = state.fill(&library) {
                    state.problem = Some(format!("reading state could not be read: {error}"));
                }
                if let Some(aside) = &library.moved_aside {
                    state.problem = Some(format!(
                        "the library was damaged and moved to {}; a new one was started",
                        crate::sanitize::for_terminal(&aside.display().to_string())
                    ));
                }
                state.writer = spawn_writer(library).ok();
            }
            Ok(None) => {}
            Err(error) => {
                state.problem = Some(format!("reading state is not kept: {error}"));
            }
        }
        state
    }

    /// State that is never written (no library, or tests).
    pub fn in_memory() -> ReadingState {
        ReadingState {
            stored: HashMap::new(),
            reading: HashMap::new(),
            bookmarks: Vec::new(),
            last_article: None,
            writer: None,
            problem: None,
        }
    }

    fn fill(&mut self, library: &Library) -> Result<(), StoreError> {
        let exported = library.export_state()?;
        self.reading = exported
            .reading
            .into_iter()
            .map(|entry| (entry.content_hash, entry.reading))
            .collect();
        self.bookmarks = exported.bookmarks;
        self.last_article = exported.settings.get(LAST_ARTICLE).cloned();
        self.stored = library
            .articles()?
            .into_iter()
            .map(|article| (article.slug, article.content_hash))
            .collect();
        Ok(())
    }

    /// The identity reading state is kept under: the content hash stored at
    /// import for a library article, else the hash of the body.
    pub fn identity(&self, article: &Article) -> [u8; 32] {
        match &article.origin {
            Origin::Library(id) => self
                .stored
                .get(id)
                .copied()
                .unwrap_or_else(|| minhash::content_hash(&article.body)),
            _ => minhash::content_hash(&article.body),
        }
    }

    pub fn reading(&self, article: &Article) -> Reading {
        self.reading
            .get(&self.identity(article))
            .cloned()
            .unwrap_or_default()
    }

    pub fn is_read(&self, article: &Article) -> bool {
        self.reading(article).read
    }

    /// Records where the reader is in an article; `read` only ever turns on.
    pub fn set_position(&mut self, article: &Article, scroll: u64, read: bool) {
        let identity = self.identity(article);
        let entry = self.reading.entry(identity).or_default();
        let updated = Reading {
            read: entry.read || read,
            scroll,
        };
        if *entry != updated {
            *entry = updated.clone();
            self.send(Change::Reading(identity, updated));
        }
    }

    /// Marks an article read or unread (an explicit choice, so it may turn off).
    pub fn set_read(&mut self, article: &Article, read: bool) {
        let identity = self.identity(article);
        let entry = self.reading.entry(identity).or_default();
        if entry.read != read {
            entry.read = read;
            let updated = entry.clone();
            self.send(Change::Reading(identity, updated));
        }
    }

    /// Bookmarks the sentence `start..end` of an article, or removes the
    /// bookmark that starts there; returns whether it is bookmarked now.
    pub fn toggle_bookmark(&mut self, article: &Article, start: usize, end: usize) -> bool {
        let identity = self.identity(article);
        let bookmark = Bookmark {
            content_hash: identity,
            start: start as u64,
            end: end as u64,
            text: article.text(start, end).to_string(),
            created_at: crate::store::now(),
        };
        let before = self.bookmarks.len();
        self.bookmarks
            .retain(|b| !(b.content_hash == identity && b.start == start as u64));
        let now_marked = self.bookmarks.len() == before;
        if now_marked {
            self.bookmarks.push(bookmark.clone());
        }
        self.send(Change::Bookmark(bookmark));
        now_marked
    }

    /// Bookmarks in the order they were made.
    pub fn bookmarks(&self) -> &[Bookmark] {
        &self.bookmarks
    }

    /// Where a bookmark is now: the article and the sentence span, found by
    /// its offsets or, when the article was segmented differently since, by
    /// its text. `None` when the article is not in this corpus.
    pub fn locate(
        &self,
        bookmark: &Bookmark,
        articles: &[Article],
    ) -> Option<(usize, usize, usize)> {
        let index = articles
            .iter()
            .position(|article| self.identity(article) == bookmark.content_hash)?;
        let article = &articles[index];
        let (start, end) = (bookmark.start as usize, bookmark.end as usize);
        if article.body.get(start..end) == Some(bookmark.text.as_str()) {
            return Some((index, start, end));
        }
        let found = article.body.find(&bookmark.text)?;
        Some((index, found, found + bookmark.text.len()))
    }

    pub fn is_bookmarked(&self, article: &Article, start: usize) -> bool {
        let identity = self.identity(article);
        self.bookmarks
            .iter()
            .any(|b| b.content_hash == identity && b.start == start as u64)
    }

    pub fn last_article(&self) -> Option<&str> {
        self.last_article.as_deref()
    }

    pub fn set_last_article(&mut self, id: &str) {
        if self.last_article.as_deref() != Some(id) {
            self.last_article = Some(id.to_string());
            self.send(Change::Setting(LAST_ARTICLE.into(), id.to_string()));
        }
    }

    /// Waits until every change so far is on disk (on quit).
    pub fn flush(&self) {
        if let Some(writer) = &self.writer {
            let (done, wait) = mpsc::channel();
            if writer.send(Change::Flush(done)).is_ok() {
                let _ = wait.recv_timeout(std::time::Duration::from_secs(5));
            }
        }
    }

    fn send(&mut self, change: Change) {
        if let Some(writer) = &self.writer
            && writer.send(change).is_err()
        {
            self.writer = None;
            self.problem = Some("reading state could not be written".into());
        }
    }
}

fn spawn_writer(mut library: Library) -> std::io::Result<Sender<Change>> {
    let (sender, changes) = mpsc::channel();
    std::thread::Builder::new()
        .name("crossread-state".into())
        .spawn(move || write_changes(&mut library, &changes))?;
    Ok(sender)
}

/// Applies changes in order; of several positions queued for one article
/// only the newest is written.
fn write_changes(library: &mut Library, changes: &Receiver<Change>) {
    while let Ok(first) = changes.recv() {
        let mut pending = vec![first];
        pending.extend(changes.try_iter());
        let newest: HashMap<[u8; 32], usize> = pending
            .iter()
            .enumerate()
            .filter_map(|(index, change)| match change {
                Change::Reading(hash, _) => Some((*hash, index)),
                _ => None,
            })
            .collect();
        for (index, change) in pending.into_iter().enumerate() {
            // A failed write is retried by the next change to the same
            // thing; the in-memory state stays right either way.
            match change {
                Change::Reading(hash, reading) if newest.get(&hash) == Some(&index) => {
                    let _ = library.set_reading(&hash, &reading);
                }
                Change::Reading(..) => {}
                Change::Bookmark(bookmark) => {
                    let _ = library.toggle_bookmark(&bookmark);
                }
                Change::Setting(key, value) => {
                    let _ = library.set_setting(&key, &value);
                }
                Change::Flush(done) => {
                    let _ = done.send(());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::article_from_text;

    #[test]
    fn positions_read_marks_and_bookmarks_are_kept_across_a_restart() {
        let root = tempfile::tempdir().expect("temp dir");
        let dirs = Dirs {
            data: root.path().join("data"),
            cache: root.path().join("cache"),
        };
        let article = article_from_text("pier", "The pier closes. Ferries use the south terminal.");
        let second = article.sentences[1];
        {
            let mut state = ReadingState::open(Some(&dirs));
            assert!(state.problem.is_none(), "{:?}", state.problem);
            for scroll in 0..50 {
                state.set_position(&article, scroll, scroll > 3);
            }
            assert!(state.toggle_bookmark(&article, second.start, second.end));
            state.set_last_article("pier");
            state.flush();
        }
        let state = ReadingState::open(Some(&dirs));
        assert_eq!(
            state.reading(&article),
            Reading {
                read: true,
                scroll: 49
            }
        );
        assert!(state.is_bookmarked(&article, second.start));
        assert_eq!(state.last_article(), Some("pier"));
        let found = state.locate(&state.bookmarks()[0], std::slice::from_ref(&article));
        assert_eq!(found, Some((0, second.start, second.end)));
    }

    #[test]
    fn a_bookmark_is_found_by_its_text_when_offsets_moved() {
        let state = ReadingState::in_memory();
        let article = article_from_text("pier", "A new first line. The pier closes. Ferries wait.");
        let bookmark = Bookmark {
            content_hash: state.identity(&article),
            start: 0,
            end: 16,
            text: "The pier closes.".into(),
            created_at: 0,
        };
        let (_, start, end) = state
            .locate(&bookmark, std::slice::from_ref(&article))
            .expect("found by text");
        assert_eq!(&article.body[start..end], "The pier closes.");
    }

    #[test]
    fn an_explicit_unread_turns_the_mark_off_and_scrolling_never_does() {
        let mut state = ReadingState::in_memory();
        let article = article_from_text("a", "One sentence here.");
        state.set_position(&article, 5, true);
        state.set_position(&article, 0, false);
        assert!(state.is_read(&article));
        state.set_read(&article, false);
        assert!(!state.is_read(&article));
        let mut toggled = state;
        assert!(toggled.toggle_bookmark(&article, 0, 5));
        assert!(!toggled.toggle_bookmark(&article, 0, 5));
        assert!(toggled.bookmarks().is_empty());
    }
}
