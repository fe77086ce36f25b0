//! Reading state: read marks, scroll positions, bookmarks on sentences, and
//! small settings (the last article open). Everything is keyed by content
//! hash, so re-importing an article or a feed refresh keeps its state, and
//! the state of the built-in articles is kept the same way.

use super::{Library, Result, now};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

/// One article's reading state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    pub read: bool,
    /// The first line shown in the reader (a line of the wrapped text).
    pub scroll: u64,
}

/// A bookmarked sentence: byte offsets into the article body and the
/// sentence's text, so a changed segmentation can find it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    #[serde(with = "hex_hash")]
    pub content_hash: [u8; 32],
    pub start: u64,
    pub end: u64,
    pub text: String,
    pub created_at: i64,
}

/// Everything a person would lose by switching machines, as `state export`
/// writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateExport {
    /// The format of this document; `state import` refuses newer ones.
    pub version: u32,
    pub reading: Vec<ReadingEntry>,
    pub bookmarks: Vec<Bookmark>,
    pub settings: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingEntry {
    #[serde(with = "hex_hash")]
    pub content_hash: [u8; 32],
    #[serde(flatten)]
    pub reading: Reading,
}

pub const STATE_EXPORT_VERSION: u32 = 1;

impl Library {
    pub fn reading(&self, content_hash: &[u8; 32]) -> Result<Reading> {
        Ok(self
            .connection()
            .query_row(
                "SELECT read, scroll FROM reading WHERE content_hash = ?1",
                [&content_hash[..]],
                |row| {
                    Ok(Reading {
                        read: row.get(0)?,
                        scroll: row.get::<_, i64>(1)?.try_into().unwrap_or(0),
                    })
                },
            )
            .optional()?
            .unwrap_or_default())
    }

    pub fn set_reading(&mut self, content_hash: &[u8; 32], reading: &Reading) -> Result<()> {
        self.write(|transaction| {
            transaction.execute(
                "INSERT INTO reading (content_hash, read, scroll, updated_at) VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT(content_hash) DO UPDATE SET read = excluded.read, \
                 scroll = excluded.scroll, updated_at = excluded.updated_at",
                params![
                    &content_hash[..],
                    reading.read,
                    i64::try_from(reading.scroll).unwrap_or(i64::MAX),
                    now()
                ],
            )?;
            Ok(())
        })
    }

    /// Adds the bookmark, or removes it when one starts at the same place;
    /// returns whether the sentence is bookmarked afterwards.
    pub fn toggle_bookmark(&mut self, bookmark: &Bookmark) -> Result<bool> {
        self.write(|transaction| {
            let removed = transaction.execute(
                "DELETE FROM bookmarks WHERE content_hash = ?1 AND start = ?2",
                params![&bookmark.content_hash[..], bookmark.start as i64],
            )?;
            if removed > 0 {
                return Ok(false);
            }
            insert_bookmark(transaction, bookmark)?;
            Ok(true)
        })
    }

    /// Every bookmark, oldest first.
    pub fn bookmarks(&self) -> Result<Vec<Bookmark>> {
        let mut statement = self.connection().prepare(
            "SELECT content_hash, start, end, text, created_at FROM bookmarks \
             ORDER BY created_at, rowid",
        )?;
        let rows = statement.query_map([], |row| {
            let hash: Vec<u8> = row.get(0)?;
            Ok(Bookmark {
                content_hash: hash.try_into().unwrap_or([0; 32]),
                start: row.get::<_, i64>(1)?.try_into().unwrap_or(0),
                end: row.get::<_, i64>(2)?.try_into().unwrap_or(0),
                text: row.get(3)?,
                created_at: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .connection()
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|transaction| {
            transaction.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) \
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?;
            Ok(())
        })
    }

    /// The whole reading state, for `state export`.
    pub fn export_state(&self) -> Result<StateExport> {
        let mut statement = self
            .connection()
            .prepare("SELECT content_hash, read, scroll FROM reading ORDER BY content_hash")?;
        let reading = statement
            .query_map([], |row| {
                let hash: Vec<u8> = row.get(0)?;
                Ok(ReadingEntry {
                    content_hash: hash.try_into().unwrap_or([0; 32]),
                    reading: Reading {
                        read: row.get(1)?,
                        scroll: row.get::<_, i64>(2)?.try_into().unwrap_or(0),
                    },
                })
            })?
            .collect::<std::result::Result<_, _>>()?;
        let mut statement = self
            .connection()
            .prepare("SELECT key, value FROM settings ORDER BY key")?;
        let settings = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(StateExport {
            version: STATE_EXPORT_VERSION,
            reading,
            bookmarks: self.bookmarks()?,
            settings,
        })
    }

    /// Merges an exported state in one transaction: read marks only ever
    /// turn on, scroll positions and settings take the imported value,
    /// bookmarks are added. Returns how many entries changed.
    pub fn import_state(&mut self, state: &StateExport) -> Result<usize> {
        self.write(|transaction| {
            let mut changed = 0;
            for entry in &state.reading {
                changed += transaction.execute(
                    "INSERT INTO reading (content_hash, read, scroll, updated_at) \
                     VALUES (?1, ?2, ?3, ?4) ON CONFLICT(content_hash) DO UPDATE SET \
                     read = max(read, excluded.read), scroll = excluded.scroll, \
                     updated_at = excluded.updated_at",
                    params![
                        &entry.content_hash[..],
                        entry.reading.read,
                        i64::try_from(entry.reading.scroll).unwrap_or(i64::MAX),
                        now()
                    ],
                )?;
            }
            for bookmark in &state.bookmarks {
                changed += insert_bookmark(transaction, bookmark)?;
            }
            for (key, value) in &state.settings {
                changed += transaction.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2) \
                     ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    params![key, value],
                )?;
            }
            Ok(changed)
        })
    }
}

fn insert_bookmark(transaction: &rusqlite::Connection, bookmark: &Bookmark) -> Result<usize> {
    Ok(transaction.execute(
        "INSERT OR IGNORE INTO bookmarks (content_hash, start, end, text, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            &bookmark.content_hash[..],
            i64::try_from(bookmark.start).unwrap_or(i64::MAX),
            i64::try_from(bookmark.end).unwrap_or(i64::MAX),
            bookmark.text,
            bookmark.created_at
        ],
    )?)
}

/// Content hashes as 64 hex digits in the exported JSON.
mod hex_hash {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(hash: &[u8; 32], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::super::hex(hash))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[u8; 32], D::Error> {
        let text = String::deserialize(deserializer)?;
        super::super::unhex(&text)
            .ok_or_else(|| serde::de::Error::custom("expected 64 hexadecimal digits"))
    }
}
