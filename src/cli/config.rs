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
        super::output::print(format_args!("{}\n", path.display()))?;
    } else if args.default {
        super::output::print(crate::tui::settings::default_config())?;
    }
    Ok(ExitCode::SUCCESS)
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
