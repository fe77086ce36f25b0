//! `crossread config`: where the config file is, and a commented default.
//! Also starts the reader, which must not start on a config it cannot use.

use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct ConfigArgs {
    /// Print the config file's path (it need not exist yet).
    #[arg(long)]
    path: bool,
    /// Print a config file with every setting at its default, commented.
    #[arg(long)]
    default: bool,
}

pub fn run(args: &ConfigArgs) -> anyhow::Result<ExitCode> {
    if args.path {
        let Some(path) = crate::config::config_path() else {
            anyhow::bail!("no config directory: set --config-dir or CROSSREAD_CONFIG_DIR");
        };
        print_path(&path)?;
    } else if args.default {
        super::output::print(crate::tui::settings::default_config())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The path as its bytes when piped (scripts read it back as a path), and
/// through the sanitizer on a terminal, where a directory named with escape
/// sequences must not reach the screen.
fn print_path(path: &std::path::Path) -> std::io::Result<()> {
    use std::io::{IsTerminal, Write};
    let mut out = super::output::stdout();
    if std::io::stdout().is_terminal() {
        let shown = crate::sanitize::for_terminal(&path.to_string_lossy());
        writeln!(out, "{shown}")?;
    } else {
        out.write_all(path.as_os_str().as_encoded_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Reads the config, then runs the reader. A config error stops here with
/// its place and exit status 2, like a wrong command line.
pub fn run_reader(
    corpus: Vec<PathBuf>,
    dirs: Option<crate::store::Dirs>,
    theme: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let path = crate::config::config_path();
    match crate::tui::settings::load(path.as_deref(), theme) {
        Ok(settings) => crate::tui::run(corpus, dirs, settings).map(|()| ExitCode::SUCCESS),
        Err(error) => {
            eprintln!("crossread: error in the config file: {error}");
            Ok(ExitCode::from(2))
        }
    }
}
