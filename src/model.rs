//! The engine's data types and the JSON contract of `analyze --json`.
//!
//! Every position is a byte offset into [`Article::body`]; every `text` field
//! equals `body[start..end]`. Front ends never re-derive spans: they read these.

use rustc_hash::FxHashSet;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Arc;

/// Where an article came from; never serialised, used for messages and reloads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// One of the articles embedded in the binary, by its asset file name.
    Builtin(&'static str),
    /// A file the user pointed crossread at.
    File(PathBuf),
    /// An article kept in the library, by its id there.
    Library(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Title,
    Heading,
    Paragraph,
    ListItem,
    Boilerplate,
}

impl BlockKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem => "list_item",
            BlockKind::Boilerplate => "boilerplate",
        }
    }
}

/// A structural unit of the body. Blocks are ordered and never overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

/// A sentence; sentences never cross a block boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index into [`Article::blocks`] of the block holding this sentence.
    #[serde(skip)]
    pub block: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    Person,
    Organization,
    Place,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Place => "place",
        }
    }
}

/// One mention of a person, organisation or place. Its text is the
/// article's `body[start..end]` ([`Entity::text`]), not a copy, and its
/// canonical name is shared by every mention of that name ([`Names`]): a
/// corpus keeps a name once, not once per mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// The name that links this mention's variants across the corpus.
    pub canonical: Arc<str>,
}

impl Entity {
    /// The mention as written: its span of `body`, the body of its article.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        body.get(self.start..self.end).unwrap_or("")
    }
}

/// One shared copy of each name: canonical names and speakers repeat across
/// mentions and claims, so each distinct one is allocated once.
#[derive(Debug, Default)]
pub struct Names(FxHashSet<Arc<str>>);

impl Names {
    pub fn get(&mut self, name: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(name) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(name);
        self.0.insert(Arc::clone(&shared));
        shared
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Quote,
    Attributed,
    Statistic,
    Hedged,
    Assertion,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 5] = [
        ClaimKind::Quote,
        ClaimKind::Attributed,
        ClaimKind::Statistic,
        ClaimKind::Hedged,
        ClaimKind::Assertion,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Quote => "quote",
            ClaimKind::Attributed => "attributed",
            ClaimKind::Statistic => "statistic",
            ClaimKind::Hedged => "hedged",
            ClaimKind::Assertion => "assertion",
        }
    }

    pub fn parse(name: &str) -> Option<ClaimKind> {
        ClaimKind::ALL
            .into_iter()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(name))
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A claim's kinds as one byte, a bit per [`ClaimKind`]; they iterate (and
/// serialise) in the order of [`ClaimKind::ALL`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct ClaimKinds(u8);

impl ClaimKinds {
    pub fn insert(&mut self, kind: ClaimKind) {
        self.0 |= kind.bit();
    }

    pub fn contains(self, kind: ClaimKind) -> bool {
        self.0 & kind.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = ClaimKind> {
        ClaimKind::ALL
            .into_iter()
            .filter(move |kind| self.contains(*kind))
    }

    /// The set as one byte (bit `i` is `ClaimKind::ALL[i]`), as the
    /// analysis cache stores it.
    pub fn bits(self) -> u8 {
        self.0
    }

    /// The set of a byte from [`ClaimKinds::bits`]; `None` when it has a
    /// bit no kind owns.
    pub fn from_bits(bits: u8) -> Option<ClaimKinds> {
        (bits >> ClaimKind::ALL.len() == 0).then_some(ClaimKinds(bits))
    }
}

impl FromIterator<ClaimKind> for ClaimKinds {
    fn from_iter<I: IntoIterator<Item = ClaimKind>>(kinds: I) -> Self {
        let mut set = ClaimKinds::default();
        for kind in kinds {
            set.insert(kind);
        }
        set
    }
}

impl Serialize for ClaimKinds {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// A sentence-level claim. Its text is the article's `body[start..end]`
/// ([`Article::text`]), not a copy: a corpus keeps its text once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub start: usize,
    pub end: usize,
    pub kinds: ClaimKinds,
    /// Canonical entity or group the claim is attributed to, shared like
    /// an entity's canonical name.
    pub speaker: Option<Arc<str>>,
}

/// A fully analysed article: the unit every front end works with.
#[derive(Debug, Clone)]
pub struct Article {
    /// Stable, readable slug; unique within a corpus.
    pub id: String,
    pub title: String,
    /// The outlet, when metadata or the text reveals one.
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub origin: Origin,
    /// Sanitised article text; all offsets point into it.
    pub body: String,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
}

/// An entity as JSON shows it: with its text, which the entity itself does
/// not keep.
#[derive(Serialize)]
struct EntityJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: EntityType,
    canonical: &'a str,
}

/// A claim as JSON shows it: with its text, which the claim itself does not
/// keep.
#[derive(Serialize)]
struct ClaimJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kinds: ClaimKinds,
    speaker: Option<&'a str>,
}

/// By hand only to give each entity and claim its text from the body; the
/// fields are those a derive would give (the origin left out, the url when
/// known).
impl Serialize for Article {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Article", 10)?;
        out.serialize_field("id", &self.id)?;
        out.serialize_field("title", &self.title)?;
        out.serialize_field("source", &self.source)?;
        out.serialize_field("date", &self.date)?;
        if self.url.is_some() {
            out.serialize_field("url", &self.url)?;
        } else {
            out.skip_field("url")?;
        }
        out.serialize_field("body", &self.body)?;
        out.serialize_field("blocks", &self.blocks)?;
        out.serialize_field("sentences", &self.sentences)?;
        let entities: Vec<EntityJson> = self
            .entities
            .iter()
            .map(|entity| EntityJson {
                start: entity.start,
                end: entity.end,
                text: entity.text(&self.body),
                kind: entity.kind,
                canonical: &entity.canonical,
            })
            .collect();
        out.serialize_field("entities", &entities)?;
        let claims: Vec<ClaimJson> = self
            .claims
            .iter()
            .map(|claim| ClaimJson {
                start: claim.start,
                end: claim.end,
                text: self.text(claim.start, claim.end),
                kinds: claim.kinds,
                speaker: claim.speaker.as_deref(),
            })
            .collect();
        out.serialize_field("claims", &claims)?;
        out.end()
    }
}

impl Article {
    pub fn text(&self, start: usize, end: usize) -> &str {
        self.body.get(start..end).unwrap_or("")
    }

    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        self.text(sentence.start, sentence.end)
    }

    /// The entities that overlap `start..end`. Entities are in text order
    /// and never overlap, so this is two binary searches, not a scan.
    pub fn entities_overlapping(&self, start: usize, end: usize) -> &[Entity] {
        let from = self.entities.partition_point(|e| e.end <= start);
        let to = self.entities.partition_point(|e| e.start < end);
        self.entities.get(from..to.max(from)).unwrap_or(&[])
    }

    /// The outlet for display: the source, or a placeholder when unknown.
    pub fn source_label(&self) -> &str {
        self.source.as_deref().unwrap_or("unknown outlet")
    }

    /// Names the article where sources stand side by side: the outlet, else
    /// its id, because several "unknown outlet" columns cannot be told apart.
    pub fn source_or_id(&self) -> &str {
        self.source.as_deref().unwrap_or(&self.id)
    }
}

/// A file that could not be read, or was read with a caveat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadWarning {
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Both come from outside (a file name, a reason quoting a file):
        // one line, shown and never obeyed, wherever a warning is printed.
        write!(
            f,
            "{}: {}",
            crate::sanitize::for_terminal(&self.path),
            crate::sanitize::for_terminal(&self.reason)
        )
    }
}

/// The analysed articles plus what went wrong while loading them.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub warnings: Vec<LoadWarning>,
}

impl Corpus {
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|article| article.id == id)
    }

    pub fn article_index(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|article| article.id == id)
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::article_from_text;

    #[test]
    fn entities_overlapping_a_span_are_found_by_search_as_by_scan() {
        let article = article_from_text(
            "x",
            "Officials in Berlin met envoys from Washington. Later, NATO and the European Union said Kyiv and Moscow must talk.",
        );
        assert!(article.entities.len() >= 4);
        let end = article.body.len();
        for start in 0..end {
            for stop in [start, start + 1, start + 7, end] {
                let scanned: Vec<usize> = article
                    .entities
                    .iter()
                    .filter(|e| e.start < stop && start < e.end)
                    .map(|e| e.start)
                    .collect();
                let searched: Vec<usize> = article
                    .entities_overlapping(start, stop)
                    .iter()
                    .map(|e| e.start)
                    .collect();
                assert_eq!(searched, scanned, "{start}..{stop}");
            }
        }
    }
}
