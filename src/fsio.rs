//! Opening files that may not be what their names say. A name seen as a
//! regular file during a folder walk can be a FIFO by the time it is opened
//! (or a config.toml can be one from the start); a plain `open` of a FIFO
//! blocks until a writer comes, and reading a device never ends. So a file
//! is opened without blocking and its type checked on the open handle.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

/// Opens `path` for reading without blocking and refuses anything but a
/// regular file (a FIFO, socket or device) with an `InvalidInput` error.
pub fn open_regular(path: &Path) -> io::Result<(File, Metadata)> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Reads of a regular file ignore O_NONBLOCK; only the open of a
        // FIFO or a device would have waited.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let metadata = file.metadata()?;
    if metadata.is_dir() {
        return Err(io::Error::new(io::ErrorKind::IsADirectory, "a folder"));
    }
    if !metadata.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a FIFO, socket or device); skipped",
        ));
    }
    Ok((file, metadata))
}

/// The whole of the regular file at `path`, refused (`FileTooLarge`) when it
/// holds more than `limit` bytes, also when it grows while being read; the
/// size is checked before anything is read.
pub fn read_regular(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let (file, metadata) = open_regular(path)?;
    read_limited(file, &metadata, limit)
}

/// The rest of an open regular file, within `limit` bytes.
pub fn read_limited(file: File, metadata: &Metadata, limit: u64) -> io::Result<Vec<u8>> {
    let too_large = || {
        io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!("larger than {limit} bytes"),
        )
    };
    if metadata.len() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Folders already entered in one walk, by (device, inode), so that links
/// to a folder's own ancestors end the walk instead of looping.
#[derive(Debug, Default)]
pub struct Visited(std::collections::HashSet<(u64, u64)>);

impl Visited {
    /// Whether `metadata`'s folder is new to this walk (and now recorded).
    pub fn first_visit(&mut self, metadata: &Metadata) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            self.0.insert((metadata.dev(), metadata.ino()))
        }
        #[cfg(not(unix))]
        {
            let _ = metadata;
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("config.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|status| status.success());
        if !made {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let error = read_regular(&fifo, 1024).expect_err("refused");
        assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_folders_are_refused() {
        let dev = read_regular(Path::new("/dev/zero"), 1024).expect_err("device");
        assert_eq!(dev.kind(), io::ErrorKind::InvalidInput);
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = read_regular(dir.path(), 1024).expect_err("folder");
        assert_eq!(folder.kind(), io::ErrorKind::IsADirectory);
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_reading() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("big");
        let handle = File::create(&file).expect("create");
        // Sparse: 4 GiB of size, no bytes on disk, nothing read.
        handle.set_len(4 << 30).expect("set_len");
        let error = read_regular(&file, 1 << 20).expect_err("too large");
        assert_eq!(error.kind(), io::ErrorKind::FileTooLarge);
        std::fs::write(&file, b"small").expect("write");
        assert_eq!(read_regular(&file, 1 << 20).expect("read"), b"small");
    }
}
