//! The library's schema as a list of migrations; `PRAGMA user_version` says
//! how many have run. A migration is never edited once released: a new
//! schema is a new entry, and tests migrate a library of every earlier
//! version to the latest with its data intact.

use super::Result;
use rusqlite::Connection;

/// Each entry takes the schema from version `index` to `index + 1`.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: articles, where each came from, near-duplicate signatures, feeds.
    r"
    CREATE TABLE articles (
        id            INTEGER PRIMARY KEY,
        slug          TEXT NOT NULL UNIQUE,
        content_hash  BLOB NOT NULL UNIQUE,
        format        TEXT NOT NULL,
        raw           TEXT NOT NULL,
        raw_hash      BLOB NOT NULL,
        title         TEXT,
        source        TEXT,
        date          TEXT,
        url           TEXT,
        canonical_url TEXT,
        copy_of       INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        similarity    REAL,
        minhash       BLOB NOT NULL,
        added_at      INTEGER NOT NULL
    );
    CREATE INDEX articles_canonical_url ON articles(canonical_url);
    CREATE INDEX articles_copy_of ON articles(copy_of);
    CREATE TABLE feeds (
        id            INTEGER PRIMARY KEY,
        url           TEXT NOT NULL UNIQUE,
        name          TEXT,
        folder        TEXT NOT NULL DEFAULT '',
        etag          TEXT,
        last_modified TEXT,
        last_fetched  INTEGER,
        last_status   TEXT,
        added_at      INTEGER NOT NULL
    );
    CREATE TABLE feed_tags (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        tag     TEXT NOT NULL,
        PRIMARY KEY (feed_id, tag)
    );
    CREATE TABLE provenance (
        id         INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind       TEXT NOT NULL,
        location   TEXT NOT NULL,
        feed_id    INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
        guid       TEXT,
        added_at   INTEGER NOT NULL
    );
    CREATE UNIQUE INDEX provenance_once ON provenance(article_id, kind, location, ifnull(guid, ''));
    CREATE INDEX provenance_guid ON provenance(feed_id, guid);
    CREATE TABLE minhash_bands (
        band       INTEGER NOT NULL,
        value      INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );
    CREATE INDEX minhash_bands_lookup ON minhash_bands(band, value);
    CREATE INDEX minhash_bands_article ON minhash_bands(article_id);
    ",
    // 2: reading state and bookmarks, keyed by content hash so that a
    // re-import or a feed refresh keeps them; settings.
    r"
    CREATE TABLE reading (
        content_hash BLOB PRIMARY KEY,
        read         INTEGER NOT NULL DEFAULT 0,
        scroll       INTEGER NOT NULL DEFAULT 0,
        updated_at   INTEGER NOT NULL
    );
    CREATE TABLE bookmarks (
        content_hash BLOB NOT NULL,
        start        INTEGER NOT NULL,
        end          INTEGER NOT NULL,
        text         TEXT NOT NULL,
        created_at   INTEGER NOT NULL,
        PRIMARY KEY (content_hash, start)
    );
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    ",
];

pub(super) const LATEST: i64 = MIGRATIONS.len() as i64;

pub(super) fn version(connection: &Connection) -> Result<i64> {
    Ok(connection.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Brings the schema to [`LATEST`] inside the caller's transaction, so a
/// crash mid-migration leaves the old schema whole.
pub(super) fn migrate(connection: &Connection, application_id: i32) -> Result<()> {
    migrate_to(connection, application_id, LATEST)
}

pub(super) fn migrate_to(connection: &Connection, application_id: i32, target: i64) -> Result<()> {
    let found = version(connection)?;
    for (index, migration) in MIGRATIONS.iter().enumerate() {
        let next = index as i64 + 1;
        if next <= found || next > target {
            continue;
        }
        connection.execute_batch(migration)?;
        connection.pragma_update(None, "user_version", next)?;
    }
    if found == 0 {
        connection.pragma_update(None, "application_id", application_id)?;
    }
    Ok(())
}
