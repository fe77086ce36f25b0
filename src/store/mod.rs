//! The personal library on disk: one SQLite database in the data directory
//! (articles, their provenance, feeds, reading state, bookmarks) and a
//! separate, disposable analysis cache in the cache directory.
//!
//! Two windows at once: every process opens the same database in WAL mode and
//! writes through short `BEGIN IMMEDIATE` transactions, waiting up to
//! [`BUSY_TIMEOUT`] for the other writer. Readers never wait on a writer (WAL),
//! and a read-only command opens the file read-only and creates nothing.
//! `synchronous = FULL`: a committed transaction survives a crash or power
//! loss, which `OFF` (newsboat's old default) does not.
//!
//! A file that is not ours (random bytes, truncated, another program's SQLite
//! database) is never replaced silently: it is renamed to
//! `NAME.corrupt-TIMESTAMP` beside itself and the caller is told.

pub mod articles;
pub mod cache;
pub mod feeds;
mod schema;
pub mod state;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a writer waits for the other window's transaction.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// `PRAGMA application_id` of crossread's files ("CRrd"), so a foreign SQLite
/// database is told apart from ours.
const LIBRARY_APPLICATION_ID: i32 = 0x4352_7264;

pub const LIBRARY_FILE: &str = "library.db";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{}: {source}", crate::sanitize::for_terminal(path))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", crate::sanitize::for_terminal(.0))]
    Refused(String),
    #[error(
        "{} was written by a newer crossread (schema {found}, this one knows {known}); \
         it is left untouched",
        crate::sanitize::for_terminal(path)
    )]
    NewerSchema {
        path: String,
        found: i64,
        known: i64,
    },
}

impl StoreError {
    /// The disk or the database is full: nothing was written.
    pub fn is_full(&self) -> bool {
        match self {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(error, _)) => {
                error.code == rusqlite::ErrorCode::DiskFull
            }
            StoreError::Io { source, .. } => source.kind() == std::io::ErrorKind::StorageFull,
            _ => false,
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Where crossread keeps its files: `--data-dir` / `CROSSREAD_DATA_DIR` and
/// `--cache-dir` / `CROSSREAD_CACHE_DIR` override the platform's directories.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirs {
    pub data: PathBuf,
    pub cache: PathBuf,
}

impl Dirs {
    /// Flags first, then the environment, then the platform's directories.
    pub fn resolve(data: Option<PathBuf>, cache: Option<PathBuf>) -> Option<Dirs> {
        let from_env = |name: &str| {
            std::env::var_os(name)
                .filter(|value| !value.is_empty())
                .map(PathBuf::from)
        };
        let platform = directories::ProjectDirs::from("", "", "crossread");
        let data = data
            .or_else(|| from_env("CROSSREAD_DATA_DIR"))
            .or_else(|| platform.as_ref().map(|dirs| dirs.data_dir().to_path_buf()))?;
        let cache = cache
            .or_else(|| from_env("CROSSREAD_CACHE_DIR"))
            .or_else(|| platform.as_ref().map(|dirs| dirs.cache_dir().to_path_buf()))?;
        Some(Dirs { data, cache })
    }

    pub fn library_file(&self) -> PathBuf {
        self.data.join(LIBRARY_FILE)
    }
}

/// Whether a command may change the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Never creates, migrates or locks anything; a missing library is empty.
    ReadOnly,
    ReadWrite,
}

/// The open library database.
pub struct Library {
    connection: Connection,
    path: PathBuf,
    /// Writes since the open batch transaction began, when one is open.
    batch: Option<usize>,
    /// Set when a damaged file was moved aside while opening.
    pub moved_aside: Option<PathBuf>,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library").field("path", &self.path).finish()
    }
}

impl Library {
    /// Opens the library in `dirs.data`. Read-only access to a missing
    /// library gives `Ok(None)`; read-write access creates it (and the
    /// directory, private to the user).
    pub fn open(dirs: &Dirs, access: Access) -> Result<Option<Library>> {
        let path = dirs.library_file();
        match access {
            Access::ReadOnly => {
                if !path.exists() {
                    return Ok(None);
                }
                let connection = Connection::open_with_flags(
                    &path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                connection.busy_timeout(BUSY_TIMEOUT)?;
                check_ours(&connection, &path)?;
                let version = schema::version(&connection)?;
                if version > schema::LATEST {
                    return Err(StoreError::NewerSchema {
                        path: path.display().to_string(),
                        found: version,
                        known: schema::LATEST,
                    });
                }
                // An empty file, or one a crashed first start left: no library yet.
                if version == 0 {
                    return Ok(None);
                }
                Ok(Some(Library {
                    connection,
                    path,
                    batch: None,
                    moved_aside: None,
                }))
            }
            Access::ReadWrite => {
                private_dir(&dirs.data)?;
                open_read_write(&path).map(Some)
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn connection(&self) -> &Connection {
        &self.connection
    }

    /// Runs `work` atomically: all of it is stored, or none. Inside a batch
    /// it is a savepoint of the batch's transaction.
    pub(crate) fn write<T>(&mut self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        if let Some(done) = self.batch {
            let savepoint = self.connection.savepoint()?;
            let value = work(&savepoint)?;
            savepoint.commit()?;
            self.batch = Some(done + 1);
            if done + 1 >= BATCH_WRITES {
                self.connection.execute_batch("COMMIT; BEGIN IMMEDIATE")?;
                self.batch = Some(0);
            }
            return Ok(value);
        }
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&transaction)?;
        transaction.commit()?;
        Ok(value)
    }

    /// Groups many writes (an import) into transactions of [`BATCH_WRITES`],
    /// so a large import does not wait on the disk for every article. Each
    /// write stays atomic; a crash loses at most the open group, whole.
    pub fn begin_batch(&mut self) -> Result<()> {
        if self.batch.is_none() {
            self.connection.execute_batch("BEGIN IMMEDIATE")?;
            self.batch = Some(0);
        }
        Ok(())
    }

    /// Commits the open group of a batch.
    pub fn end_batch(&mut self) -> Result<()> {
        if self.batch.take().is_some() {
            self.connection.execute_batch("COMMIT")?;
        }
        Ok(())
    }
}

impl Drop for Library {
    fn drop(&mut self) {
        // A batch left open by an error keeps what earlier groups committed.
        if self.batch.take().is_some() {
            let _ = self.connection.execute_batch("ROLLBACK");
        }
    }
}

/// Writes per transaction in a batch: large enough that an import of 17,000
/// files commits a few dozen times, small enough that the other window
/// waits well under a second for its turn.
const BATCH_WRITES: usize = 256;

fn open_read_write(path: &Path) -> Result<Library> {
    create_whole(path)?;
    match try_open_read_write(path) {
        Ok(library) => Ok(library),
        Err(OpenFailure::Damaged(reason)) => {
            let aside = move_aside(path)?;
            eprintln_moved(path, &aside, &reason);
            let mut library = try_open_read_write(path).map_err(OpenFailure::into_error)?;
            library.moved_aside = Some(aside);
            Ok(library)
        }
        Err(OpenFailure::Error(error)) => Err(error),
    }
}

/// Makes a new library appear whole: built under a private temporary name and
/// linked into place, so another window opening at the same moment never
/// sees a half-written file (and never takes it for a damaged one). If that
/// window wins, its library is used and ours is thrown away.
fn create_whole(path: &Path) -> Result<()> {
    if path.exists() {
        return Ok(());
    }
    let io = |source| StoreError::Io {
        path: path.display().to_string(),
        source,
    };
    let nonce =
        blake3::hash(format!("{}-{:?}", std::process::id(), std::time::Instant::now()).as_bytes());
    let temporary = path.with_file_name(format!(".{}.new-{}", LIBRARY_FILE, &nonce.to_hex()[..16]));
    {
        let connection = Connection::open_with_flags(
            &temporary,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        let transaction = connection.unchecked_transaction()?;
        schema::migrate(&transaction, LIBRARY_APPLICATION_ID)?;
        transaction.commit()?;
        // The file must hold everything before it is linked: no WAL beside it.
        connection.pragma_update(None, "journal_mode", "DELETE")?;
    }
    let linked = std::fs::hard_link(&temporary, path);
    let _ = std::fs::remove_file(&temporary);
    match linked {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => Err(io(error)),
    }
}

/// Tells the user once, on stderr, that their file was kept aside; front ends
/// also get [`Library::moved_aside`] to show it their way.
fn eprintln_moved(path: &Path, aside: &Path, reason: &str) {
    eprintln!(
        "crossread: warning: {} is not a usable library ({}); it was moved to {} and a new \
         library was started",
        crate::sanitize::for_terminal(&path.display().to_string()),
        reason,
        crate::sanitize::for_terminal(&aside.display().to_string())
    );
}

enum OpenFailure {
    /// The file is not a database of ours: move it aside.
    Damaged(String),
    Error(StoreError),
}

impl OpenFailure {
    fn into_error(self) -> StoreError {
        match self {
            OpenFailure::Damaged(reason) => StoreError::Refused(reason),
            OpenFailure::Error(error) => error,
        }
    }
}

impl From<StoreError> for OpenFailure {
    fn from(error: StoreError) -> Self {
        match &error {
            StoreError::Sqlite(sqlite) if is_damage(sqlite) => {
                OpenFailure::Damaged(sqlite.to_string())
            }
            StoreError::Refused(reason) => OpenFailure::Damaged(reason.clone()),
            _ => OpenFailure::Error(error),
        }
    }
}

impl From<rusqlite::Error> for OpenFailure {
    fn from(error: rusqlite::Error) -> Self {
        OpenFailure::from(StoreError::from(error))
    }
}

fn is_damage(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

fn try_open_read_write(path: &Path) -> std::result::Result<Library, OpenFailure> {
    check_header(path)?;
    let connection = Connection::open(path)?;
    connection.busy_timeout(BUSY_TIMEOUT)?;
    // Before any pragma writes to it: a foreign file stays byte for byte.
    check_ours(&connection, path)?;
    // WAL lets the other window read while this one writes; FULL makes a
    // commit durable; foreign keys keep provenance and state consistent.
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "FULL")?;
    connection.pragma_update(None, "foreign_keys", true)?;
    // A large import walks the band and slug indexes for every article;
    // SQLite's default 2 MB page cache sends most of those reads to the OS.
    connection.pragma_update(None, "cache_size", -32_768)?;
    let found = schema::version(&connection)?;
    if found > schema::LATEST {
        return Err(OpenFailure::Error(StoreError::NewerSchema {
            path: path.display().to_string(),
            found,
            known: schema::LATEST,
        }));
    }
    let mut library = Library {
        connection,
        path: path.to_path_buf(),
        batch: None,
        moved_aside: None,
    };
    // Only an old or new file takes the write lock: every start of a window
    // would otherwise wait on the disk, and on the other window.
    if found < schema::LATEST {
        library.write(|connection| schema::migrate(connection, LIBRARY_APPLICATION_ID))?;
    }
    Ok(library)
}

/// Cheap checks that catch random bytes and truncation before SQLite reads
/// pages: the magic string, and a file shorter than its header says.
fn check_header(path: &Path) -> std::result::Result<(), OpenFailure> {
    use std::io::Read;
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(OpenFailure::Error(StoreError::Io {
                path: path.display().to_string(),
                source,
            }));
        }
    };
    let length = file.metadata().map(|m| m.len()).unwrap_or(0);
    if length == 0 {
        return Ok(());
    }
    let mut header = [0u8; 100];
    if length < 100 || file.read_exact(&mut header).is_err() {
        return Err(OpenFailure::Damaged("the file is truncated".into()));
    }
    if &header[..16] != b"SQLite format 3\0" {
        return Err(OpenFailure::Damaged("not an SQLite database".into()));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536,
        size => u64::from(size),
    };
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    let change_counter = &header[24..28];
    let valid_for = &header[92..96];
    // The page count is trustworthy only when written by the same change.
    if change_counter == valid_for && pages > 0 && length < pages * page_size {
        return Err(OpenFailure::Damaged(format!(
            "the file is truncated ({length} bytes of {})",
            pages * page_size
        )));
    }
    Ok(())
}

/// A database another program wrote is not ours to migrate or replace.
fn check_ours(connection: &Connection, path: &Path) -> Result<()> {
    let application_id: i32 =
        connection.pragma_query_value(None, "application_id", |row| row.get(0))?;
    if application_id == LIBRARY_APPLICATION_ID {
        return Ok(());
    }
    let tables: i64 = connection.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
        [],
        |row| row.get(0),
    )?;
    if application_id == 0 && tables == 0 {
        return Ok(());
    }
    Err(StoreError::Refused(format!(
        "{} is another program's SQLite database",
        path.display()
    )))
}

/// Renames a damaged file (and its WAL and shared-memory files) to
/// `NAME.corrupt-TIMESTAMP`, never overwriting an earlier one.
fn move_aside(path: &Path) -> Result<PathBuf> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| LIBRARY_FILE.to_string());
    let mut aside = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut n = 2;
    while aside.exists() {
        aside = path.with_file_name(format!("{name}.corrupt-{stamp}-{n}"));
        n += 1;
    }
    std::fs::rename(path, &aside).map_err(|source| StoreError::Io {
        path: path.display().to_string(),
        source,
    })?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            let _ = std::fs::rename(&side, PathBuf::from(format!("{}{suffix}", aside.display())));
        }
    }
    Ok(aside)
}

/// Creates `dir` (mode 0700) if needed and refuses one another user owns or
/// others may write to: the library and caches are private.
pub fn private_dir(dir: &Path) -> Result<()> {
    let io = |source| StoreError::Io {
        path: dir.display().to_string(),
        source,
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
        if !dir.exists() {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(io)?;
        }
        let metadata = std::fs::metadata(dir).map_err(io)?;
        if !metadata.is_dir() {
            return Err(StoreError::Refused(format!(
                "{} is not a directory",
                dir.display()
            )));
        }
        // Another user's directory could hold links planted at our file names.
        let me = process_uid();
        if me.is_some_and(|uid| uid != metadata.uid()) {
            return Err(StoreError::Refused(format!(
                "{} belongs to another user; crossread keeps its files only in a directory you own",
                dir.display()
            )));
        }
        if metadata.permissions().mode() & 0o022 != 0 {
            return Err(StoreError::Refused(format!(
                "{} can be written by other users (mode {:o}); run `chmod 700` on it",
                dir.display(),
                metadata.permissions().mode() & 0o777
            )));
        }
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(dir).map_err(io)?;
    Ok(())
}

/// The process's user id, read from `/proc/self` (no unsafe `getuid`).
#[cfg(unix)]
fn process_uid() -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").ok().map(|m| m.uid())
}

/// Seconds since the Unix epoch, for `added_at` and similar columns.
pub(crate) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// A content hash as 64 lower-case hex digits (the id in exports and JSON).
pub fn hex(hash: &[u8; 32]) -> String {
    hash.iter().map(|byte| format!("{byte:02x}")).collect()
}

pub fn unhex(text: &str) -> Option<[u8; 32]> {
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (slot, pair) in out.iter_mut().zip(text.as_bytes().chunks_exact(2)) {
        *slot = u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests;
