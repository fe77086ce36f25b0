/// mimalloc: the corpus is built on the loader thread, and glibc's allocator
/// grows a thread's arena one protected page range at a time, which made a
/// large library's first frame in the reader three times slower than the
/// same load in `crossread list` on the main thread.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    crossread::cli::main()
}
