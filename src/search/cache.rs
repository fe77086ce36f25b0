//! The on-disk index cache that makes `crossread search --corpus BIG` fast.
//!
//! Reading and segmenting a large corpus costs far more than matching it, so
//! the prepared index is stored in the user's cache dir (or
//! `$CROSSREAD_CACHE_DIR`). It is keyed by every file under the corpus paths
//! (path, size, modification and change time, inode) and by the crossread
//! binary itself, so any edit, addition, removal or new build of crossread
//! rebuilds it. The change time and inode matter: `cp -p`, `rsync -t` and
//! tar keep a file's size and mtime, but a process cannot set the ctime,
//! and a file replaced by rename has a new inode.
//!
//! The cache directory is private (see [`crate::store::private_dir`]) and a
//! cache is written under a random name created exclusively, then renamed,
//! so a link planted in the directory is never followed. A cache file is
//! trusted only after its header: nothing more is read from a file whose
//! magic and key are wrong, and none past [`MAX_CACHE_BYTES`].

use super::fold::fold;
use super::index::{ArticleInfo, Entry, IDENTITY_MAP, SearchIndex};
use crate::model::LoadWarning;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"CRSRCH01";
/// Real corpora are never this deep (loops end at the visited set).
const MAX_DEPTH: usize = 64;
/// A cache file larger than this is not one of ours (the index uses 32-bit
/// offsets into three copies of the text).
pub const MAX_CACHE_BYTES: u64 = 16 << 30;

/// An index read from the cache, with the load warnings of its corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cached {
    pub index: SearchIndex,
    pub warnings: Vec<LoadWarning>,
}

/// Where the cache for `roots` lives and the key its content must carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheSlot {
    pub file: PathBuf,
    pub key: u64,
}

/// The cache dir: `$CROSSREAD_CACHE_DIR`, else the platform's user cache dir.
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("CROSSREAD_CACHE_DIR") {
        return (!dir.is_empty()).then(|| PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "crossread").map(|dirs| dirs.cache_dir().to_path_buf())
}

/// The slot for a corpus made of `roots`, from a walk that stats every file.
pub fn slot(dir: &Path, roots: &[PathBuf]) -> CacheSlot {
    let mut names = DefaultHasher::new();
    let mut content = DefaultHasher::new();
    MAGIC.hash(&mut content);
    if let Ok(exe) = std::env::current_exe() {
        stamp(&exe, &mut content);
    }
    for root in roots {
        // `absolute` costs no system call, which matters for 17,000 file roots.
        let absolute = std::path::absolute(root).unwrap_or_else(|_| root.clone());
        absolute.hash(&mut names);
        if let Ok(metadata) = std::fs::metadata(&absolute)
            && metadata.is_file()
        {
            stamp_metadata(&metadata, &mut content);
            continue;
        }
        let mut files = Vec::new();
        walk(
            &absolute,
            0,
            &mut crate::fsio::Visited::default(),
            &mut files,
        );
        files.sort();
        for file in &files {
            stamp(file, &mut content);
        }
        files.len().hash(&mut content);
    }
    CacheSlot {
        file: dir.join(format!("search-{:016x}.idx", names.finish())),
        key: content.finish(),
    }
}

fn stamp(path: &Path, hasher: &mut DefaultHasher) {
    path.hash(hasher);
    if let Ok(metadata) = std::fs::metadata(path) {
        stamp_metadata(&metadata, hasher);
    }
}

fn stamp_metadata(metadata: &std::fs::Metadata, hasher: &mut DefaultHasher) {
    metadata.len().hash(hasher);
    if let Ok(modified) = metadata.modified() {
        modified.hash(hasher);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (
            metadata.ctime(),
            metadata.ctime_nsec(),
            metadata.dev(),
            metadata.ino(),
        )
            .hash(hasher);
    }
}

fn walk(path: &Path, depth: usize, visited: &mut crate::fsio::Visited, files: &mut Vec<PathBuf>) {
    let Ok(metadata) = std::fs::metadata(path) else {
        files.push(path.to_path_buf());
        return;
    };
    if !metadata.is_dir() {
        files.push(path.to_path_buf());
        return;
    }
    // A link to the folder itself or an ancestor would loop for ever.
    if depth >= MAX_DEPTH || !visited.first_visit(&metadata) {
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        files.push(path.to_path_buf());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() || kind.is_symlink() && path.is_dir() => {
                walk(&path, depth + 1, visited, files)
            }
            _ => files.push(path),
        }
    }
}

/// Reads the cache in `slot`; `None` when absent, stale or damaged.
pub fn load(slot: &CacheSlot) -> Option<Cached> {
    use std::io::Read;
    let (mut file, metadata) = crate::fsio::open_regular(&slot.file).ok()?;
    let mut header = [0u8; MAGIC.len() + 8];
    file.read_exact(&mut header).ok()?;
    if &header[..MAGIC.len()] != MAGIC || header[MAGIC.len()..] != slot.key.to_le_bytes() {
        return None;
    }
    let bytes = crate::fsio::read_limited(file, &metadata, MAX_CACHE_BYTES).ok()?;
    decode(&bytes)
}

/// A cache's body after its header; `None` when anything in it is unsound.
pub fn decode(bytes: &[u8]) -> Option<Cached> {
    let mut reader = Reader { bytes };
    let mut warnings = Vec::new();
    for _ in 0..reader.u32()? {
        warnings.push(LoadWarning {
            path: reader.string()?,
            reason: reader.string()?,
        });
    }
    let mut index = SearchIndex::default();
    for _ in 0..reader.u32()? {
        let id = reader.string()?;
        let title = reader.string()?;
        let source = match reader.u32()? {
            0 => None,
            _ => Some(reader.string()?),
        };
        index.articles.push(ArticleInfo {
            title_folded: fold(&title),
            source_folded: fold(source.as_deref().unwrap_or("")),
            id,
            title,
            source,
        });
    }
    for _ in 0..reader.u32()? {
        let mut next = || reader.u32().map(|value| value as usize);
        let article = next()? as u32;
        let sentence = next()? as u32;
        let start = next()?;
        let end = next()?;
        let original = (next()?, next()?);
        let folded = (next()?, next()?);
        let lower = (next()?, next()?);
        let map = match next()? {
            at if at == u32::MAX as usize => IDENTITY_MAP,
            at => at,
        };
        let chars = next()?;
        let flags = next()? as u8;
        let speakers = (next()?, next()?);
        index.entries.push(Entry {
            article,
            sentence,
            start,
            end,
            original,
            folded,
            lower,
            map,
            chars,
            flags,
            speakers,
        });
    }
    index.original = reader.string()?;
    index.folded = reader.string()?;
    index.lower = reader.string()?;
    index.maps = reader.u32s()?;
    index.entry_speakers = reader.u32s()?;
    for _ in 0..reader.u32()? {
        index.speakers.push(fold(&reader.string()?));
    }
    let valid = index.entries.iter().all(|entry| {
        (entry.article as usize) < index.articles.len()
            && index
                .original
                .get(entry.original.0..entry.original.0 + entry.original.1)
                .is_some()
            && index
                .folded
                .get(entry.folded.0..entry.folded.0 + entry.folded.1)
                .is_some()
            && index
                .lower
                .get(entry.lower.0..entry.lower.0 + entry.lower.1)
                .is_some()
    });
    (valid && reader.bytes.is_empty()).then_some(Cached { index, warnings })
}

/// Writes `index` into `slot` (through a temporary file, so a reader never
/// sees half a cache). Corpora too big for 32-bit offsets are not cached.
pub fn store(
    slot: &CacheSlot,
    index: &SearchIndex,
    warnings: &[LoadWarning],
) -> std::io::Result<()> {
    let too_big = std::io::Error::other("index too large to cache");
    let mut out: Vec<u8> = Vec::with_capacity(index.original.len() * 3 + index.entries.len() * 60);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&slot.key.to_le_bytes());
    let mut ok = true;
    let mut u32_out = |out: &mut Vec<u8>, value: usize| match u32::try_from(value) {
        Ok(value) => out.extend_from_slice(&value.to_le_bytes()),
        Err(_) => ok = false,
    };
    let string_out =
        |out: &mut Vec<u8>, text: &str, u32_out: &mut dyn FnMut(&mut Vec<u8>, usize)| {
            u32_out(out, text.len());
            out.extend_from_slice(text.as_bytes());
        };
    u32_out(&mut out, warnings.len());
    for warning in warnings {
        string_out(&mut out, &warning.path, &mut u32_out);
        string_out(&mut out, &warning.reason, &mut u32_out);
    }
    u32_out(&mut out, index.articles.len());
    for article in &index.articles {
        string_out(&mut out, &article.id, &mut u32_out);
        string_out(&mut out, &article.title, &mut u32_out);
        match &article.source {
            None => u32_out(&mut out, 0),
            Some(source) => {
                u32_out(&mut out, 1);
                string_out(&mut out, source, &mut u32_out);
            }
        }
    }
    u32_out(&mut out, index.entries.len());
    for entry in &index.entries {
        let map = if entry.map == IDENTITY_MAP {
            u32::MAX as usize
        } else {
            entry.map
        };
        for value in [
            entry.article as usize,
            entry.sentence as usize,
            entry.start,
            entry.end,
            entry.original.0,
            entry.original.1,
            entry.folded.0,
            entry.folded.1,
            entry.lower.0,
            entry.lower.1,
            map,
            entry.chars,
            usize::from(entry.flags),
            entry.speakers.0,
            entry.speakers.1,
        ] {
            u32_out(&mut out, value);
        }
    }
    for text in [&index.original, &index.folded, &index.lower] {
        string_out(&mut out, text, &mut u32_out);
    }
    for numbers in [&index.maps, &index.entry_speakers] {
        u32_out(&mut out, numbers.len());
        for number in numbers.iter() {
            out.extend_from_slice(&number.to_le_bytes());
        }
    }
    u32_out(&mut out, index.speakers.len());
    for speaker in &index.speakers {
        string_out(&mut out, &speaker.folded, &mut u32_out);
    }
    if !ok {
        return Err(too_big);
    }
    let dir = slot.file.parent().unwrap_or(Path::new("."));
    crate::store::private_dir(dir).map_err(std::io::Error::other)?;
    write_new(dir, &slot.file, &out)
}

/// Writes `bytes` to a new file of a random name in `dir`, created
/// exclusively (so a planted link is an error, never followed), then renames
/// it over `target`.
fn write_new(dir: &Path, target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::hash::BuildHasher;
    let random = std::collections::hash_map::RandomState::new().hash_one(std::process::id());
    let temporary = dir.join(format!(".search-{random:016x}.tmp"));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)?;
    let written = file.write_all(bytes);
    drop(file);
    match written.and_then(|()| std::fs::rename(&temporary, target)) {
        Ok(()) => Ok(()),
        Err(error) => {
            let _ = std::fs::remove_file(&temporary);
            Err(error)
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, count: usize) -> Option<&'a [u8]> {
        if count > self.bytes.len() {
            return None;
        }
        let (head, rest) = self.bytes.split_at(count);
        self.bytes = rest;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn string(&mut self) -> Option<String> {
        let length = self.u32()? as usize;
        String::from_utf8(self.take(length)?.to_vec()).ok()
    }

    fn u32s(&mut self) -> Option<Vec<u32>> {
        let count = self.u32()? as usize;
        let bytes = self.take(count.checked_mul(4)?)?;
        Some(
            bytes
                .chunks_exact(4)
                .map(|chunk| u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::open_corpus;

    #[test]
    fn an_index_survives_the_round_trip() {
        let dir = tempfile::tempdir().expect("tempdir");
        let corpus = open_corpus(&[]).expect("built-in corpus");
        let index = SearchIndex::build(&corpus);
        let slot = CacheSlot {
            file: dir.path().join("search.idx"),
            key: 42,
        };
        let warnings = vec![LoadWarning {
            path: "bad.txt".into(),
            reason: "binary".into(),
        }];
        store(&slot, &index, &warnings).expect("store");
        let cached = load(&slot).expect("load");
        assert_eq!(cached.index, index);
        assert_eq!(cached.warnings, warnings);
        let other = CacheSlot {
            key: 43,
            ..slot.clone()
        };
        assert!(load(&other).is_none(), "a different key is a miss");
        let bytes = std::fs::read(&slot.file).expect("read");
        std::fs::write(&slot.file, &bytes[..bytes.len() / 2]).expect("truncate");
        assert!(load(&slot).is_none(), "a damaged cache is a miss");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_in_the_cache_dir_is_never_followed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = dir.path().join("cache");
        std::fs::create_dir(&cache).expect("mkdir");
        std::fs::set_permissions(&cache, std::fs::Permissions::from_mode(0o700)).expect("chmod");
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "precious").expect("write");
        // Every name the old writer could have used, and the target itself.
        for name in [
            format!("search.tmp{}", std::process::id()),
            "search.idx".to_string(),
        ] {
            std::os::unix::fs::symlink(&victim, cache.join(name)).expect("symlink");
        }
        let corpus = open_corpus(&[]).expect("built-in corpus");
        let index = SearchIndex::build(&corpus);
        let slot = CacheSlot {
            file: cache.join("search.idx"),
            key: 7,
        };
        store(&slot, &index, &[]).expect("store");
        assert_eq!(std::fs::read_to_string(&victim).expect("read"), "precious");
        assert!(load(&slot).is_some(), "the link was replaced by the cache");
        assert!(
            !std::fs::symlink_metadata(&slot.file)
                .expect("stat")
                .file_type()
                .is_symlink()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_shared_cache_dir_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777))
            .expect("chmod");
        let corpus = open_corpus(&[]).expect("built-in corpus");
        let slot = CacheSlot {
            file: dir.path().join("search.idx"),
            key: 7,
        };
        assert!(store(&slot, &SearchIndex::build(&corpus), &[]).is_err());
        assert!(!slot.file.exists());
    }

    #[test]
    fn a_huge_or_foreign_cache_file_is_not_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let slot = CacheSlot {
            file: dir.path().join("search.idx"),
            key: 7,
        };
        // A sparse 4 GiB file: the header is zeros, so nothing more is read.
        let file = std::fs::File::create(&slot.file).expect("create");
        file.set_len(4 << 30).expect("set_len");
        assert!(load(&slot).is_none());
        #[cfg(unix)]
        {
            std::fs::remove_file(&slot.file).expect("remove");
            std::os::unix::fs::symlink("/dev/zero", &slot.file).expect("symlink");
            assert!(load(&slot).is_none(), "a device is refused");
        }
    }

    #[cfg(unix)]
    #[test]
    fn folders_linked_to_themselves_end_the_walk() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("a.txt"), "One.").expect("write");
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop1")).expect("symlink");
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop2")).expect("symlink");
        let mut files = Vec::new();
        walk(
            dir.path(),
            0,
            &mut crate::fsio::Visited::default(),
            &mut files,
        );
        assert_eq!(files, vec![dir.path().join("a.txt")]);
    }

    #[test]
    fn a_copy_that_keeps_size_and_mtime_changes_the_key() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "One.").expect("write");
        let modified = std::fs::metadata(&file)
            .and_then(|m| m.modified())
            .expect("mtime");
        let roots = vec![dir.path().to_path_buf()];
        let before = slot(dir.path(), &roots);
        // What `cp -p` does: new bytes of the same size, the old mtime.
        let other = dir.path().join("b.tmp");
        std::fs::write(&other, "Two.").expect("write");
        std::fs::File::options()
            .write(true)
            .open(&other)
            .and_then(|f| f.set_modified(modified))
            .expect("set mtime");
        std::fs::rename(&other, &file).expect("rename");
        assert_eq!(
            std::fs::metadata(&file)
                .and_then(|m| m.modified())
                .expect("mtime"),
            modified
        );
        assert_ne!(before.key, slot(dir.path(), &roots).key);
    }

    #[test]
    fn the_key_changes_when_a_file_changes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "One.").expect("write");
        let roots = vec![dir.path().to_path_buf()];
        let before = slot(dir.path(), &roots);
        assert_eq!(before, slot(dir.path(), &roots));
        std::fs::write(&file, "One. Two.").expect("write");
        let after = slot(dir.path(), &roots);
        assert_eq!(before.file, after.file);
        assert_ne!(before.key, after.key);
        std::fs::write(dir.path().join("b.txt"), "Three.").expect("write");
        assert_ne!(after.key, slot(dir.path(), &roots).key);
    }
}
