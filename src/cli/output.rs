//! The one way commands write to stdout. A reader that stops early
//! (`| head`) closes the pipe: the command ends quietly with status 0. A
//! full disk (`> /dev/full`, ENOSPC) or any other failed write ends it with
//! one clear message and status 1. Either way, never a panic, which is what
//! `print!` does on a failed write.

use std::io::{self, BufWriter, StdoutLock, Write};

/// Buffered, locked stdout whose write errors are marked as the output's,
/// so [`failure`] tells them apart from errors reading the input.
pub struct Output(BufWriter<StdoutLock<'static>>);

/// The command's stdout. Flush it (or let `?` on a write end the command)
/// before returning: a write that fails in `Drop` cannot be reported.
pub fn stdout() -> Output {
    Output(BufWriter::new(io::stdout().lock()))
}

#[derive(Debug)]
struct OutputFailed(io::Error);

impl std::fmt::Display for OutputFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot write the output: {}", self.0)
    }
}

impl std::error::Error for OutputFailed {}

fn mark(error: io::Error) -> io::Error {
    io::Error::new(error.kind(), OutputFailed(error))
}

impl Write for Output {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.write(bytes).map_err(mark)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(mark)
    }
}

/// What a command's error means for the process when it came from writing
/// the output: `Some(true)` for a closed pipe (a quiet success), `Some(false)`
/// for any other failed write, `None` when it is not an output error.
pub fn failure(error: &anyhow::Error) -> Option<bool> {
    error.chain().find_map(|cause| {
        let io = cause.downcast_ref::<io::Error>()?;
        io.get_ref()?.downcast_ref::<OutputFailed>()?;
        Some(io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// The message for an output error (the cause named once).
pub fn message(error: &anyhow::Error) -> String {
    error
        .chain()
        .find_map(|cause| {
            let io = cause.downcast_ref::<io::Error>()?;
            io.get_ref()?
                .downcast_ref::<OutputFailed>()
                .map(ToString::to_string)
        })
        .unwrap_or_else(|| format!("{error:#}"))
}

/// Writes `text` to stdout now, through [`Output`]: for commands that print
/// a line at a time as they work.
pub fn print(text: impl std::fmt::Display) -> io::Result<()> {
    let mut out = stdout();
    write!(out, "{text}")?;
    out.flush()
}
