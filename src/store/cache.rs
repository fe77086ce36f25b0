//! The analysis cache: a disposable SQLite file in the cache directory that
//! keeps each article's analysis (structure, sentences, entities, claims)
//! before corpus linking, so a restart over a large library does not
//! re-analyse what has not changed.
//!
//! The key is blake3 over the analyser's build fingerprint, the format and
//! the text as imported, so a new crossread, another format or a changed
//! text never meets an old entry. Nothing read back is trusted: a value
//! that does not decode, or whose offsets do not fit its body, is a miss and
//! is recomputed. A damaged cache file is deleted and started again; losing
//! it costs only time.

use crate::model::{
    Article, Block, BlockKind, Claim, ClaimKinds, Entity, EntityType, Names, Origin, Sentence,
};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};

pub const CACHE_FILE: &str = "analysis.db";
/// The analyser's identity: a hash of the sources and assets it was built
/// from (computed by `scripts/build.rs`).
pub const ANALYSER: &str = env!("CROSSREAD_ANALYSER");
const CACHE_APPLICATION_ID: i32 = 0x4352_6163;
/// 2: entities keep no text and share their names ([`Names`]); the bytes
/// are laid out as in 1, but an entry of 1 is rebuilt, never read.
const FORMAT_VERSION: u8 = 2;

pub struct AnalysisCache {
    connection: Connection,
    path: PathBuf,
    /// Entries of other analysers were deleted by this process already.
    pruned: bool,
}

/// The layout of the cache's tables (`PRAGMA user_version`).
const CACHE_SCHEMA: i64 = 2;

impl AnalysisCache {
    /// Opens (or creates) the cache in `dir`; a file that is not a cache of
    /// ours is deleted and started again. `None` when the directory cannot be
    /// used: the caller just analyses without a cache.
    pub fn open(dir: &Path) -> Option<AnalysisCache> {
        super::private_dir(dir).ok()?;
        let path = dir.join(CACHE_FILE);
        match Self::try_open(&path) {
            Ok(cache) => Some(cache),
            Err(_) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ =
                        std::fs::remove_file(PathBuf::from(format!("{}{suffix}", path.display())));
                }
                Self::try_open(&path).ok()
            }
        }
    }

    fn try_open(path: &Path) -> rusqlite::Result<AnalysisCache> {
        let connection = Connection::open(path)?;
        connection.busy_timeout(super::BUSY_TIMEOUT)?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        // A lost cache write costs a re-analysis, never data.
        connection.pragma_update(None, "synchronous", "NORMAL")?;
        let id: i32 = connection.pragma_query_value(None, "application_id", |row| row.get(0))?;
        let tables: i64 = connection.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |row| row.get(0),
        )?;
        if id != CACHE_APPLICATION_ID && !(id == 0 && tables == 0) {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_NOTADB),
                Some("not an analysis cache".into()),
            ));
        }
        let schema: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if schema != CACHE_SCHEMA {
            // A cache of another layout is dropped whole: it only saves time.
            connection
                .execute_batch("DROP TABLE IF EXISTS analyses; DROP TABLE IF EXISTS links;")?;
        }
        connection.execute_batch(
            "CREATE TABLE IF NOT EXISTS analyses (
                 key BLOB PRIMARY KEY, analyser TEXT NOT NULL, value BLOB NOT NULL);
             CREATE TABLE IF NOT EXISTS links (key BLOB PRIMARY KEY, value BLOB NOT NULL);",
        )?;
        connection.pragma_update(None, "application_id", CACHE_APPLICATION_ID)?;
        connection.pragma_update(None, "user_version", CACHE_SCHEMA)?;
        // One row read checks the file is readable; a damage further in
        // shows as misses, and as a failed write, which deletes the file.
        connection
            .query_row("SELECT key FROM analyses LIMIT 1", [], |_| Ok(()))
            .optional()?;
        Ok(AnalysisCache {
            connection,
            path: path.to_path_buf(),
            pruned: false,
        })
    }

    /// The cached analysis for this text, if there is a sound one.
    pub fn get(&self, key: &[u8; 32], origin: &Origin) -> Option<Article> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT value FROM analyses WHERE key = ?1")
            .ok()?;
        let value: Vec<u8> = statement
            .query_row([&key[..]], |row| row.get(0))
            .optional()
            .ok()??;
        decode(&value, origin.clone())
    }

    /// Stores analyses in one transaction, first deleting those of other
    /// analysers (an old crossread's): they can never be read again. A
    /// failure only costs time later; a damaged file is deleted.
    pub fn put_all(&mut self, entries: &[([u8; 32], &Article)]) {
        if entries.is_empty() {
            return;
        }
        let outcome = (|| -> rusqlite::Result<()> {
            let transaction = self.connection.transaction()?;
            if !self.pruned {
                transaction.execute("DELETE FROM analyses WHERE analyser != ?1", [ANALYSER])?;
            }
            {
                let mut insert = transaction.prepare_cached(
                    "INSERT OR REPLACE INTO analyses (key, analyser, value) VALUES (?1, ?2, ?3)",
                )?;
                for (key, article) in entries {
                    insert.execute(params![&key[..], ANALYSER, encode(article)])?;
                }
            }
            transaction.commit()
        })();
        match outcome {
            Ok(()) => self.pruned = true,
            Err(error)
                if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) =>
            {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(PathBuf::from(format!(
                        "{}{suffix}",
                        self.path.display()
                    )));
                }
            }
            Err(_) => {}
        }
    }
}

impl AnalysisCache {
    /// Applies the corpus linking stored for this exact corpus (same
    /// articles, same analyses, same order); false when there is none or it
    /// does not fit, and the caller links afresh.
    pub fn apply_links(&self, key: &[u8; 32], articles: &mut [Article]) -> bool {
        let value: Option<Vec<u8>> = self
            .connection
            .query_row(
                "SELECT value FROM links WHERE key = ?1",
                [&key[..]],
                |row| row.get(0),
            )
            .optional()
            .ok()
            .flatten();
        let Some(value) = value else {
            return false;
        };
        let Some(links) = decode_links(&value, articles) else {
            return false;
        };
        for (article, (entities, claims)) in articles.iter_mut().zip(links) {
            article.entities = entities;
            article.claims = claims;
        }
        true
    }

    /// Keeps the linking of this corpus, replacing that of any other: only
    /// the corpus opened last is worth a quick start.
    pub fn put_links(&mut self, key: &[u8; 32], articles: &[Article]) {
        let Ok(transaction) = self.connection.transaction() else {
            return;
        };
        if transaction.execute("DELETE FROM links", []).is_err()
            || transaction
                .execute(
                    "INSERT INTO links (key, value) VALUES (?1, ?2)",
                    params![&key[..], encode_links(articles)],
                )
                .is_err()
        {
            return;
        }
        let _ = transaction.commit();
    }
}

/// An article's entities and claims after corpus linking, which may add
/// mentions (a short form found again), retype or rename them.
type ArticleLinks = (Vec<Entity>, Vec<Claim>);

fn encode_links(articles: &[Article]) -> Vec<u8> {
    let mut out = Writer(Vec::new());
    out.0.push(FORMAT_VERSION);
    out.number(articles.len());
    for article in articles {
        out.entities(&article.entities);
        out.claims(&article.claims);
    }
    out.0
}

/// The stored linking, if it has one entry per article and every span fits
/// that article's body.
fn decode_links(bytes: &[u8], articles: &[Article]) -> Option<Vec<ArticleLinks>> {
    // One set of names for the corpus, as linking leaves it.
    let mut input = Reader {
        bytes,
        at: 0,
        names: Names::default(),
    };
    if input.byte()? != FORMAT_VERSION || input.count()? != articles.len() {
        return None;
    }
    let mut out = Vec::with_capacity(articles.len());
    for article in articles {
        let entities = input.entities(&article.body)?;
        let claims = input.claims(&article.body)?;
        out.push((entities, claims));
    }
    (input.at == bytes.len()).then_some(out)
}

/// The cache key of a text as imported (see `articles::raw_hash`).
pub fn key(raw_hash: &[u8; 32]) -> [u8; 32] {
    let mut hasher = blake3::Hasher::new();
    hasher.update(ANALYSER.as_bytes());
    hasher.update(&[0]);
    hasher.update(raw_hash);
    *hasher.finalize().as_bytes()
}

fn encode(article: &Article) -> Vec<u8> {
    let mut out = Writer(Vec::with_capacity(article.body.len() * 2));
    out.0.push(FORMAT_VERSION);
    out.string(&article.id);
    out.string(&article.title);
    out.option(article.source.as_deref());
    out.option(article.date.as_deref());
    out.option(article.url.as_deref());
    out.string(&article.body);
    out.number(article.blocks.len());
    for block in &article.blocks {
        out.0.push(block_kind_code(block.kind));
        out.number(block.start);
        out.number(block.end);
    }
    out.number(article.sentences.len());
    for sentence in &article.sentences {
        out.number(sentence.start);
        out.number(sentence.end);
        out.number(sentence.block);
    }
    out.entities(&article.entities);
    out.claims(&article.claims);
    out.0
}

/// One cached analysis from its bytes; `None` when they are not a sound one
/// (public for the fuzz target that feeds it anything).
pub fn decode(bytes: &[u8], origin: Origin) -> Option<Article> {
    let mut input = Reader {
        bytes,
        at: 0,
        names: Names::default(),
    };
    if input.byte()? != FORMAT_VERSION {
        return None;
    }
    let id = input.string()?;
    let title = input.string()?;
    let source = input.option()?;
    let date = input.option()?;
    let url = input.option()?;
    let body = input.string()?;
    let mut blocks = Vec::new();
    for _ in 0..input.count()? {
        let kind = block_kind_from(input.byte()?)?;
        let (start, end) = input.span(&body)?;
        blocks.push(Block { kind, start, end });
    }
    let mut sentences = Vec::new();
    for _ in 0..input.count()? {
        let (start, end) = input.span(&body)?;
        let block = input.number()?;
        if block >= blocks.len() {
            return None;
        }
        sentences.push(Sentence { start, end, block });
    }
    let entities = input.entities(&body)?;
    let claims = input.claims(&body)?;
    (input.at == bytes.len()).then_some(Article {
        id,
        title,
        source,
        date,
        url,
        origin,
        body,
        blocks,
        sentences,
        entities,
        claims,
    })
}

fn block_kind_code(kind: BlockKind) -> u8 {
    match kind {
        BlockKind::Title => 0,
        BlockKind::Heading => 1,
        BlockKind::Paragraph => 2,
        BlockKind::ListItem => 3,
        BlockKind::Boilerplate => 4,
    }
}

fn block_kind_from(code: u8) -> Option<BlockKind> {
    [
        BlockKind::Title,
        BlockKind::Heading,
        BlockKind::Paragraph,
        BlockKind::ListItem,
        BlockKind::Boilerplate,
    ]
    .get(usize::from(code))
    .copied()
}

fn entity_type_code(kind: EntityType) -> u8 {
    match kind {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Place => 2,
    }
}

fn entity_type_from(code: u8) -> Option<EntityType> {
    [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Place,
    ]
    .get(usize::from(code))
    .copied()
}

struct Writer(Vec<u8>);

impl Writer {
    fn entities(&mut self, entities: &[Entity]) {
        self.number(entities.len());
        for entity in entities {
            self.number(entity.start);
            self.number(entity.end);
            self.0.push(entity_type_code(entity.kind));
            self.string(&entity.canonical);
        }
    }

    fn claims(&mut self, claims: &[Claim]) {
        self.number(claims.len());
        for claim in claims {
            self.number(claim.start);
            self.number(claim.end);
            self.0.push(claim.kinds.bits());
            self.option(claim.speaker.as_deref());
        }
    }

    /// LEB128: offsets are small numbers, most fit in two or three bytes.
    fn number(&mut self, mut value: usize) {
        loop {
            let byte = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }

    fn string(&mut self, text: &str) {
        self.number(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }

    fn option(&mut self, text: Option<&str>) {
        match text {
            None => self.0.push(0),
            Some(text) => {
                self.0.push(1);
                self.string(text);
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// Entities' names and claims' speakers read so far, shared.
    names: Names,
}

impl<'a> Reader<'a> {
    /// A span that fits `body` on character boundaries.
    fn span(&mut self, body: &str) -> Option<(usize, usize)> {
        let start = self.number()?;
        let end = self.number()?;
        (start <= end
            && end <= body.len()
            && body.is_char_boundary(start)
            && body.is_char_boundary(end))
        .then_some((start, end))
    }

    fn entities(&mut self, body: &str) -> Option<Vec<Entity>> {
        // Exact: kept with the article for the whole session. The count is
        // bounded by the bytes left, so a damaged entry cannot ask for much.
        let count = self.count()?;
        let mut entities = Vec::with_capacity(count);
        for _ in 0..count {
            let (start, end) = self.span(body)?;
            let kind = entity_type_from(self.byte()?)?;
            let canonical = self.name()?;
            entities.push(Entity {
                start,
                end,
                kind,
                canonical,
            });
        }
        Some(entities)
    }

    fn claims(&mut self, body: &str) -> Option<Vec<Claim>> {
        // Exact: kept with the article for the whole session. The count is
        // bounded by the bytes left, so a damaged entry cannot ask for much.
        let count = self.count()?;
        let mut claims = Vec::with_capacity(count);
        for _ in 0..count {
            let (start, end) = self.span(body)?;
            let kinds = ClaimKinds::from_bits(self.byte()?)?;
            let speaker = match self.byte()? {
                0 => None,
                1 => Some(self.name()?),
                _ => return None,
            };
            claims.push(Claim {
                start,
                end,
                kinds,
                speaker,
            });
        }
        Some(claims)
    }

    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn number(&mut self) -> Option<usize> {
        let mut value = 0usize;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= usize::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    /// A length that cannot exceed what is left, so a damaged value never
    /// makes the reader allocate more than the value's own size.
    fn count(&mut self) -> Option<usize> {
        let count = self.number()?;
        (count <= self.bytes.len() - self.at).then_some(count)
    }

    fn str(&mut self) -> Option<&'a str> {
        let length = self.count()?;
        let text = std::str::from_utf8(self.bytes.get(self.at..self.at + length)?).ok()?;
        self.at += length;
        Some(text)
    }

    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }

    fn name(&mut self) -> Option<std::sync::Arc<str>> {
        let name = self.str()?;
        Some(self.names.get(name))
    }

    fn option(&mut self) -> Option<Option<String>> {
        match self.byte()? {
            0 => Some(None),
            1 => self.string().map(Some),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::article_from_text;

    fn sample() -> Article {
        article_from_text(
            "harbour",
            "Pier closes\n\nThe harbour authority said on Tuesday that the pier would close. \
             \"We have no choice,\" said Mara Olsen, the port director.\n",
        )
    }

    #[test]
    fn an_analysis_round_trips_whole() {
        let article = sample();
        let decoded = decode(&encode(&article), article.origin.clone()).expect("decodes");
        assert_eq!(decoded.body, article.body);
        assert_eq!(decoded.blocks, article.blocks);
        assert_eq!(decoded.sentences, article.sentences);
        assert_eq!(decoded.entities, article.entities);
        assert_eq!(decoded.claims, article.claims);
        assert_eq!(decoded.title, article.title);
    }

    #[test]
    fn damaged_values_are_misses_never_panics() {
        let bytes = encode(&sample());
        for cut in 0..bytes.len() {
            assert!(
                decode(&bytes[..cut], Origin::Builtin("t")).is_none(),
                "cut at {cut}"
            );
        }
        let mut flipped = bytes.clone();
        for index in 0..flipped.len() {
            flipped[index] ^= 0xff;
            let _ = decode(&flipped, Origin::Builtin("t"));
            flipped[index] ^= 0xff;
        }
        let mut wrong_version = bytes;
        wrong_version[0] = FORMAT_VERSION + 1;
        assert!(decode(&wrong_version, Origin::Builtin("t")).is_none());
    }

    #[test]
    fn a_foreign_or_damaged_cache_file_is_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache_dir = dir.path().join("cache");
        super::super::private_dir(&cache_dir).expect("private dir");
        std::fs::write(
            cache_dir.join(CACHE_FILE),
            b"not a database at all, just bytes",
        )
        .expect("write");
        let mut cache =
            AnalysisCache::open(&cache_dir).expect("a fresh cache replaces the damaged one");
        let article = sample();
        let key = key(&crate::store::articles::raw_hash("text", &article.body));
        cache.put_all(&[(key, &article)]);
        let again = AnalysisCache::open(&cache_dir).expect("opens");
        assert_eq!(
            again.get(&key, &article.origin).map(|a| a.claims),
            Some(article.claims)
        );
        assert!(again.get(&[0; 32], &article.origin).is_none());
    }

    #[test]
    fn entries_of_an_older_analyser_are_deleted_when_new_ones_are_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut cache = AnalysisCache::open(dir.path()).expect("opens");
        cache
            .connection
            .execute(
                "INSERT INTO analyses (key, analyser, value) VALUES (x'01', 'old', x'00')",
                [],
            )
            .expect("an old entry");
        let article = sample();
        cache.put_all(&[([2; 32], &article)]);
        let analysers: Vec<String> = cache
            .connection
            .prepare("SELECT analyser FROM analyses")
            .expect("prepares")
            .query_map([], |row| row.get(0))
            .expect("queries")
            .collect::<Result<_, _>>()
            .expect("reads");
        assert_eq!(analysers, [ANALYSER.to_string()]);
    }
}

#[cfg(test)]
mod link_tests {
    use super::*;

    #[test]
    fn the_linking_of_a_corpus_is_applied_back_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut cache = AnalysisCache::open(dir.path()).expect("opens");
        let fresh = crate::analysis::open_corpus(&[])
            .expect("built-in")
            .articles;
        let mut unlinked: Vec<Article> = crate::load::builtin()
            .into_iter()
            .map(crate::analysis::analyze_document)
            .collect();
        // Linking may add mentions: the overlay replaces the lists whole.
        unlinked[0].entities.truncate(3);
        let key = [9u8; 32];
        cache.put_links(&key, &fresh);
        assert!(cache.apply_links(&key, &mut unlinked), "the overlay fits");
        for (applied, linked) in unlinked.iter().zip(&fresh) {
            assert_eq!(applied.entities, linked.entities, "{}", linked.id);
            assert_eq!(applied.claims, linked.claims, "{}", linked.id);
        }
        assert!(
            !cache.apply_links(&[1u8; 32], &mut unlinked),
            "another corpus's key misses"
        );
    }
}
