//! Feeds the library follows: their addresses, names, tags, OPML folders and
//! what the last fetch learnt (validators for a conditional GET, status).

use super::{Library, Result, StoreError, now};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feed {
    pub id: i64,
    pub url: String,
    pub name: Option<String>,
    /// The OPML outline folders it sits in, joined by `/` ("" at the top).
    pub folder: String,
    pub tags: Vec<String>,
    #[serde(skip)]
    pub etag: Option<String>,
    #[serde(skip)]
    pub last_modified: Option<String>,
    /// Seconds since the epoch of the last fetch, if any.
    pub last_fetched: Option<i64>,
    /// What the last fetch ended with ("ok: 3 new", "not modified", an error).
    pub last_status: Option<String>,
    /// Articles kept from this feed.
    pub articles: u64,
}

/// A feed to add.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewFeed {
    pub url: String,
    pub name: Option<String>,
    pub folder: String,
    pub tags: Vec<String>,
}

impl Library {
    /// Adds a feed, or updates the name, folder and tags of one already
    /// followed (an OPML import run twice changes nothing).
    pub fn add_feed(&mut self, feed: &NewFeed) -> Result<(i64, bool)> {
        if crate::library::url::canonical(&feed.url).is_none() {
            return Err(StoreError::Refused(format!(
                "{} is not an http(s) address",
                crate::sanitize::for_terminal(&feed.url)
            )));
        }
        self.write(|transaction| {
            let existing: Option<i64> = transaction
                .query_row("SELECT id FROM feeds WHERE url = ?1", [&feed.url], |row| {
                    row.get(0)
                })
                .optional()?;
            let (id, added) = match existing {
                Some(id) => {
                    transaction.execute(
                        "UPDATE feeds SET name = coalesce(?2, name), folder = ?3 WHERE id = ?1",
                        params![id, feed.name, feed.folder],
                    )?;
                    (id, false)
                }
                None => {
                    transaction.execute(
                        "INSERT INTO feeds (url, name, folder, added_at) VALUES (?1, ?2, ?3, ?4)",
                        params![feed.url, feed.name, feed.folder, now()],
                    )?;
                    (transaction.last_insert_rowid(), true)
                }
            };
            for tag in &feed.tags {
                transaction.execute(
                    "INSERT OR IGNORE INTO feed_tags (feed_id, tag) VALUES (?1, ?2)",
                    params![id, tag],
                )?;
            }
            Ok((id, added))
        })
    }

    /// Stops following a feed (by id or address); its articles stay.
    pub fn remove_feed(&mut self, which: &str) -> Result<bool> {
        self.write(|transaction| {
            let removed = transaction.execute(
                "DELETE FROM feeds WHERE url = ?1 OR CAST(id AS TEXT) = ?1",
                [which],
            )?;
            Ok(removed > 0)
        })
    }

    pub fn feeds(&self) -> Result<Vec<Feed>> {
        let connection = self.connection();
        let mut tags: std::collections::HashMap<i64, Vec<String>> = Default::default();
        let mut statement =
            connection.prepare("SELECT feed_id, tag FROM feed_tags ORDER BY tag")?;
        for row in statement.query_map([], |row| Ok((row.get::<_, i64>(0)?, row.get(1)?)))? {
            let (feed, tag) = row?;
            tags.entry(feed).or_default().push(tag);
        }
        let mut statement = connection.prepare(
            "SELECT f.id, f.url, f.name, f.folder, f.etag, f.last_modified, f.last_fetched, \
             f.last_status, (SELECT count(DISTINCT article_id) FROM provenance p WHERE p.feed_id = f.id) \
             FROM feeds f ORDER BY f.folder, f.id",
        )?;
        let rows = statement.query_map([], |row| {
            let id: i64 = row.get(0)?;
            Ok(Feed {
                id,
                url: row.get(1)?,
                name: row.get(2)?,
                folder: row.get(3)?,
                tags: Vec::new(),
                etag: row.get(4)?,
                last_modified: row.get(5)?,
                last_fetched: row.get(6)?,
                last_status: row.get(7)?,
                articles: row.get::<_, i64>(8)?.try_into().unwrap_or(0),
            })
        })?;
        let mut out = Vec::new();
        for row in rows {
            let mut feed = row?;
            feed.tags = tags.remove(&feed.id).unwrap_or_default();
            out.push(feed);
        }
        Ok(out)
    }

    /// Records what a fetch learnt; validators are replaced only when the
    /// server sent new ones.
    pub fn record_fetch(
        &mut self,
        feed_id: i64,
        etag: Option<&str>,
        last_modified: Option<&str>,
        status: &str,
    ) -> Result<()> {
        self.write(|transaction| {
            transaction.execute(
                "UPDATE feeds SET etag = coalesce(?2, etag), \
                 last_modified = coalesce(?3, last_modified), last_fetched = ?4, last_status = ?5 \
                 WHERE id = ?1",
                params![feed_id, etag, last_modified, now(), status],
            )?;
            Ok(())
        })
    }
}
