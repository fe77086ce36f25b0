//! Articles in the library: adding one (with its duplicate checks), listing,
//! removing, and reading them back for a corpus.

use super::{Library, Result, now};
use crate::library::minhash::{self, Signature};
use rusqlite::{OptionalExtension, params};

/// Where an imported article came from. One article may have several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    pub kind: ProvenanceKind,
    /// The file's path, or the feed's address.
    pub location: String,
    pub feed_id: Option<i64>,
    /// The feed item's id (RSS `guid`, Atom `id`, JSON Feed `id`).
    pub guid: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProvenanceKind {
    File,
    Feed,
    Stdin,
}

impl ProvenanceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProvenanceKind::File => "file",
            ProvenanceKind::Feed => "feed",
            ProvenanceKind::Stdin => "stdin",
        }
    }
}

/// An article about to be added: the text as imported plus what identifies it.
#[derive(Debug, Clone)]
pub struct NewArticle {
    /// The decoded text as it arrived, re-parsed on every open so that a
    /// better loader improves old imports too.
    pub raw: String,
    /// `text`, `markdown` or `html` (see `load::Format::as_str`).
    pub format: &'static str,
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// The parsed body: what the content hash and the shingles are taken of.
    pub body: String,
    /// The readable id to start from (a file stem or a title).
    pub slug_hint: String,
    pub provenance: Provenance,
}

/// What happened to an article offered to the library.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Added {
        slug: String,
        /// A near-identical article already kept (a syndicated copy): its
        /// slug and the estimated similarity.
        copy_of: Option<(String, f64)>,
    },
    /// Already kept; the new provenance was recorded on the kept article.
    Duplicate { slug: String, by: DuplicateBy },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateBy {
    /// The same text (after normalising whitespace and case).
    Content,
    /// The same canonical address.
    Url,
    /// The same item of the same feed.
    Guid,
}

impl DuplicateBy {
    pub fn as_str(self) -> &'static str {
        match self {
            DuplicateBy::Content => "same text",
            DuplicateBy::Url => "same address",
            DuplicateBy::Guid => "same feed item",
        }
    }
}

/// What the analysis cache is keyed by: the text exactly as imported, and
/// how it is read.
pub fn raw_hash(format: &str, raw: &str) -> [u8; 32] {
    let mut hasher = blake3::Hasher::new();
    hasher.update(format.as_bytes());
    hasher.update(&[0]);
    hasher.update(raw.as_bytes());
    *hasher.finalize().as_bytes()
}

/// A kept article as the reader opens it: metadata and the cache key, with
/// the text read only when the cache has no analysis of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptArticle {
    pub row: i64,
    pub slug: String,
    pub raw_hash: [u8; 32],
    pub format: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// A kept article as the library lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    pub slug: String,
    pub content_hash: [u8; 32],
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub copy_of: Option<String>,
    pub added_at: i64,
    /// Where it came from: `file:PATH`, `feed:URL`, `stdin:-`.
    pub provenance: Vec<String>,
}

impl Library {
    /// Adds an article unless it is already kept; the whole check and insert
    /// is one transaction, so two windows importing at once cannot both add it.
    pub fn add(&mut self, article: &NewArticle, reserved: &[&str]) -> Result<Outcome> {
        self.write(|transaction| add_in(transaction, article, reserved))
    }

    /// Removes articles by slug; says for each whether it was there.
    pub fn remove(&mut self, slugs: &[String]) -> Result<Vec<(String, bool)>> {
        self.write(|transaction| {
            slugs
                .iter()
                .map(|slug| {
                    let removed =
                        transaction.execute("DELETE FROM articles WHERE slug = ?1", [slug])?;
                    Ok((slug.clone(), removed > 0))
                })
                .collect()
        })
    }

    /// Every kept article, oldest first (the order they were added in).
    pub fn articles(&self) -> Result<Vec<StoredArticle>> {
        let connection = self.connection();
        let mut provenance: std::collections::HashMap<i64, Vec<String>> = Default::default();
        let mut statement =
            connection.prepare("SELECT article_id, kind, location FROM provenance ORDER BY id")?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                format!("{}:{}", row.get::<_, String>(1)?, row.get::<_, String>(2)?),
            ))
        })?;
        for row in rows {
            let (article, place) = row?;
            provenance.entry(article).or_default().push(place);
        }
        let mut statement = connection.prepare(
            "SELECT a.id, a.slug, a.content_hash, a.title, a.source, a.date, \
             a.url, o.slug, a.added_at FROM articles a LEFT JOIN articles o ON o.id = a.copy_of \
             ORDER BY a.id",
        )?;
        let rows = statement.query_map([], |row| {
            let id: i64 = row.get(0)?;
            let hash: Vec<u8> = row.get(2)?;
            Ok((
                id,
                StoredArticle {
                    slug: row.get(1)?,
                    content_hash: hash.try_into().unwrap_or([0; 32]),
                    title: row.get(3)?,
                    source: row.get(4)?,
                    date: row.get(5)?,
                    url: row.get(6)?,
                    copy_of: row.get(7)?,
                    added_at: row.get(8)?,
                    provenance: Vec::new(),
                },
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, mut article) = row?;
            article.provenance = provenance.remove(&id).unwrap_or_default();
            out.push(article);
        }
        Ok(out)
    }

    /// Every kept article for a corpus, oldest first, without its text.
    pub fn kept(&self) -> Result<Vec<KeptArticle>> {
        let mut statement = self.connection().prepare(
            "SELECT id, slug, raw_hash, format, title, source, date, url FROM articles ORDER BY id",
        )?;
        let rows = statement.query_map([], |row| {
            let hash: Vec<u8> = row.get(2)?;
            Ok(KeptArticle {
                row: row.get(0)?,
                slug: row.get(1)?,
                raw_hash: hash.try_into().unwrap_or([0; 32]),
                format: row.get(3)?,
                title: row.get(4)?,
                source: row.get(5)?,
                date: row.get(6)?,
                url: row.get(7)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The text of a kept article as it was imported.
    pub fn raw(&self, row: i64) -> Result<String> {
        Ok(self
            .connection()
            .query_row("SELECT raw FROM articles WHERE id = ?1", [row], |row| {
                row.get(0)
            })?)
    }

    /// Whether this feed's item is kept already (no need to fetch its page).
    pub fn has_guid(&self, feed_id: i64, guid: &str) -> Result<bool> {
        Ok(self
            .connection()
            .query_row(
                "SELECT 1 FROM provenance WHERE feed_id = ?1 AND guid = ?2 LIMIT 1",
                params![feed_id, guid],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// The slug of the article with this content hash, if kept.
    pub fn slug_of(&self, content_hash: &[u8; 32]) -> Result<Option<String>> {
        Ok(self
            .connection()
            .query_row(
                "SELECT slug FROM articles WHERE content_hash = ?1",
                [&content_hash[..]],
                |row| row.get(0),
            )
            .optional()?)
    }
}

fn add_in(
    transaction: &rusqlite::Connection,
    article: &NewArticle,
    reserved: &[&str],
) -> Result<Outcome> {
    let hash = minhash::content_hash(&article.body);
    let record = |article_id: i64| -> Result<()> {
        transaction.execute(
            "INSERT OR IGNORE INTO provenance (article_id, kind, location, feed_id, guid, added_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                article_id,
                article.provenance.kind.as_str(),
                article.provenance.location,
                article.provenance.feed_id,
                article.provenance.guid,
                now()
            ],
        )?;
        Ok(())
    };
    let duplicate = |article_id: i64, slug: String, by: DuplicateBy| -> Result<Outcome> {
        record(article_id)?;
        Ok(Outcome::Duplicate { slug, by })
    };
    let by_hash = transaction
        .query_row(
            "SELECT id, slug FROM articles WHERE content_hash = ?1",
            [&hash[..]],
            |row| Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?)),
        )
        .optional()?;
    if let Some((id, slug)) = by_hash {
        return duplicate(id, slug, DuplicateBy::Content);
    }
    if let (Some(feed), Some(guid)) = (article.provenance.feed_id, &article.provenance.guid) {
        let by_guid = transaction
            .query_row(
                "SELECT a.id, a.slug FROM provenance p JOIN articles a ON a.id = p.article_id \
                 WHERE p.feed_id = ?1 AND p.guid = ?2 LIMIT 1",
                params![feed, guid],
                |row| Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?)),
            )
            .optional()?;
        if let Some((id, slug)) = by_guid {
            return duplicate(id, slug, DuplicateBy::Guid);
        }
    }
    let canonical_url = article
        .url
        .as_deref()
        .and_then(crate::library::url::canonical);
    if let Some(canonical_url) = &canonical_url {
        let by_url = transaction
            .query_row(
                "SELECT id, slug FROM articles WHERE canonical_url = ?1 LIMIT 1",
                [canonical_url],
                |row| Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?)),
            )
            .optional()?;
        if let Some((id, slug)) = by_url {
            return duplicate(id, slug, DuplicateBy::Url);
        }
    }
    let signature = minhash::signature(&article.body);
    let copy_of = nearest_copy(transaction, &signature)?;
    let slug = free_slug(transaction, &article.slug_hint, reserved)?;
    transaction.execute(
        "INSERT INTO articles (slug, content_hash, format, raw, raw_hash, title, source, date, \
         url, canonical_url, copy_of, similarity, minhash, added_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            slug,
            &hash[..],
            article.format,
            article.raw,
            &raw_hash(article.format, &article.raw)[..],
            article.title,
            article.source,
            article.date,
            article.url,
            canonical_url,
            copy_of.as_ref().map(|copy| copy.id),
            copy_of.as_ref().map(|copy| copy.similarity),
            minhash::to_bytes(&signature),
            now()
        ],
    )?;
    let id = transaction.last_insert_rowid();
    let mut insert_band = transaction.prepare_cached(
        "INSERT INTO minhash_bands (band, value, article_id) VALUES (?1, ?2, ?3)",
    )?;
    for (band, value) in minhash::bands(&signature).iter().enumerate() {
        insert_band.execute(params![band as i64, value, id])?;
    }
    record(id)?;
    Ok(Outcome::Added {
        slug,
        copy_of: copy_of.map(|copy| (copy.slug, copy.similarity)),
    })
}

struct Copy {
    id: i64,
    slug: String,
    similarity: f64,
}

/// The most similar kept article at or above the copy threshold, pointing
/// at the original when the match is itself a copy.
fn nearest_copy(transaction: &rusqlite::Connection, signature: &Signature) -> Result<Option<Copy>> {
    let mut candidates = std::collections::BTreeSet::new();
    // A band value shared by very many articles is boilerplate (a wire's
    // standard table); the earliest few holders are enough to find an
    // original, and the cap keeps an import linear in the library's size.
    let mut lookup = transaction.prepare_cached(
        "SELECT article_id FROM minhash_bands WHERE band = ?1 AND value = ?2 \
         ORDER BY article_id LIMIT 16",
    )?;
    for (band, value) in minhash::bands(signature).iter().enumerate() {
        let rows = lookup.query_map(params![band as i64, value], |row| row.get::<_, i64>(0))?;
        for row in rows {
            candidates.insert(row?);
        }
    }
    let mut best: Option<(i64, f64)> = None;
    let mut read = transaction
        .prepare_cached("SELECT minhash, ifnull(copy_of, id) FROM articles WHERE id = ?1")?;
    for candidate in candidates {
        let (blob, original): (Vec<u8>, i64) =
            read.query_row([candidate], |row| Ok((row.get(0)?, row.get(1)?)))?;
        let Some(other) = minhash::from_bytes(&blob) else {
            continue;
        };
        let similarity = minhash::similarity(signature, &other);
        if similarity >= minhash::COPY_SIMILARITY && best.is_none_or(|(_, s)| similarity > s) {
            best = Some((original, similarity));
        }
    }
    let Some((id, similarity)) = best else {
        return Ok(None);
    };
    let slug = transaction.query_row("SELECT slug FROM articles WHERE id = ?1", [id], |row| {
        row.get(0)
    })?;
    Ok(Some(Copy {
        id,
        slug,
        similarity,
    }))
}

/// `hint` as a slug, or `hint-N` with the next free N: one query, however
/// many articles share the name (20,000 files named `index.html`).
fn free_slug(transaction: &rusqlite::Connection, hint: &str, reserved: &[&str]) -> Result<String> {
    let base = crate::load::slug(hint);
    // A range on the slug index ('-' sorts just before '.'), not a pattern,
    // which would scan every article for every new one.
    let mut taken = transaction.prepare_cached(
        "SELECT slug FROM articles WHERE slug = ?1 OR (slug > ?1 || '-' AND slug < ?1 || '.')",
    )?;
    let mut highest: Option<u64> = None;
    let rows = taken.query_map([&base], |row| row.get::<_, String>(0))?;
    for slug in rows {
        let slug = slug?;
        let n = match slug
            .strip_prefix(&base)
            .and_then(|rest| rest.strip_prefix('-'))
        {
            // `base-2024-report` is another name, not a number of this one.
            Some(number) => match number.parse::<u64>() {
                Ok(n) => n,
                Err(_) => continue,
            },
            None => 1,
        };
        highest = Some(highest.map_or(n, |h| h.max(n)));
    }
    if reserved.contains(&base.as_str()) {
        highest = Some(highest.unwrap_or(1).max(1));
    }
    Ok(match highest {
        None => base,
        Some(n) => {
            let mut next = n + 1;
            while reserved.contains(&format!("{base}-{next}").as_str()) {
                next += 1;
            }
            format!("{base}-{next}")
        }
    })
}
