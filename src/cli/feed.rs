//! `feed add|list|remove|import|export` and `refresh`.

use super::library::{open_for_writing, store_error};
use crate::library::fetch::{Fetcher, Limits};
use crate::library::{opml, refresh};
use crate::sanitize::for_terminal;
use crate::store::feeds::NewFeed;
use crate::store::{Access, Dirs, Library};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct FeedArgs {
    #[command(subcommand)]
    pub command: FeedCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum FeedCommand {
    /// Follow a feed (RSS, Atom or JSON Feed) at an http(s) address.
    Add {
        url: String,
        #[arg(long)]
        name: Option<String>,
        /// A tag (repeatable).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
    },
    /// The followed feeds.
    List {
        /// Print JSON: {"feeds":[{"id","url","name","folder","tags","last_fetched","last_status","articles"}]}.
        #[arg(long)]
        json: bool,
    },
    /// Stop following a feed, by id or address (its articles stay).
    Remove { feed: String },
    /// Follow every feed of an OPML file, keeping its folders and tags.
    Import { file: PathBuf },
    /// Write the followed feeds as OPML to stdout.
    Export,
}

#[derive(Debug, clap::Args)]
pub struct RefreshArgs {
    /// Print JSON: {"feeds":[{"feed","url","name","status","error","added","duplicates","refused","items"}],"added","errors"}.
    #[arg(long)]
    pub json: bool,
    /// Give up on a feed or page after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,
    /// Wait at least this long between two requests to one host.
    #[arg(long, value_name = "MILLISECONDS", default_value_t = 1000)]
    pub host_delay: u64,
}

impl RefreshArgs {
    pub fn limits(&self) -> Limits {
        Limits {
            timeout: std::time::Duration::from_secs(self.timeout.max(1)),
            connect_timeout: std::time::Duration::from_secs(self.timeout.clamp(1, 10)),
            per_host_delay: std::time::Duration::from_millis(self.host_delay),
            ..Limits::default()
        }
    }
}

pub fn feed(args: &FeedArgs, dirs: &Dirs) -> anyhow::Result<ExitCode> {
    match &args.command {
        FeedCommand::Add { url, name, tags } => {
            let mut library = open_for_writing(dirs)?;
            let feed = NewFeed {
                url: url.clone(),
                name: name.clone(),
                folder: String::new(),
                tags: tags.clone(),
            };
            let (id, added) = library.add_feed(&feed).map_err(|e| store_error(dirs, e))?;
            let what = if added {
                "following"
            } else {
                "already following"
            };
            super::output::print(format_args!("{what}\t{id}\t{}\n", for_terminal(url)))?;
        }
        FeedCommand::List { json } => {
            let library =
                Library::open(dirs, Access::ReadOnly).map_err(|e| store_error(dirs, e))?;
            let feeds = match &library {
                Some(library) => library.feeds().map_err(|e| store_error(dirs, e))?,
                None => Vec::new(),
            };
            let feeds: Vec<_> = feeds
                .into_iter()
                .map(|mut feed| {
                    feed.url = for_terminal(&feed.url);
                    feed.name = feed.name.as_deref().map(for_terminal);
                    feed.last_status = feed.last_status.as_deref().map(for_terminal);
                    feed
                })
                .collect();
            if *json {
                super::print_json(&serde_json::json!({ "feeds": feeds }))?;
            } else {
                let mut out = super::output::stdout();
                for feed in &feeds {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}",
                        feed.id,
                        feed.name.as_deref().unwrap_or("-"),
                        feed.url,
                        feed.articles,
                        feed.last_status.as_deref().unwrap_or("never fetched")
                    )?;
                }
                out.flush()?;
            }
        }
        FeedCommand::Remove { feed } => {
            let mut library = open_for_writing(dirs)?;
            if !library
                .remove_feed(feed)
                .map_err(|e| store_error(dirs, e))?
            {
                eprintln!("crossread: no feed {} is followed", for_terminal(feed));
                return Ok(ExitCode::from(1));
            }
            super::output::print(format_args!("removed\t{}\n", for_terminal(feed)))?;
        }
        FeedCommand::Import { file } => {
            let text = std::fs::read_to_string(file).map_err(|error| {
                anyhow::anyhow!("{}: {error}", for_terminal(&file.display().to_string()))
            })?;
            let feeds = opml::parse(&text).map_err(|error| {
                anyhow::anyhow!("{}: {error}", for_terminal(&file.display().to_string()))
            })?;
            let mut library = open_for_writing(dirs)?;
            let mut refused = 0;
            for feed in &feeds {
                match library.add_feed(feed) {
                    Ok((id, added)) => {
                        let what = if added {
                            "following"
                        } else {
                            "already following"
                        };
                        super::output::print(format_args!(
                            "{what}\t{id}\t{}\n",
                            for_terminal(&feed.url)
                        ))?;
                    }
                    Err(crate::store::StoreError::Refused(reason)) => {
                        refused += 1;
                        eprintln!("crossread: refused: {reason}");
                    }
                    Err(error) => return Err(store_error(dirs, error)),
                }
            }
            eprintln!(
                "crossread: {} feeds in the OPML file, {refused} refused",
                feeds.len()
            );
        }
        FeedCommand::Export => {
            let library =
                Library::open(dirs, Access::ReadOnly).map_err(|e| store_error(dirs, e))?;
            let feeds = match &library {
                Some(library) => library.feeds().map_err(|e| store_error(dirs, e))?,
                None => Vec::new(),
            };
            let mut out = super::output::stdout();
            out.write_all(opml::export(&feeds).as_bytes())?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn refresh(args: &RefreshArgs, dirs: &Dirs) -> anyhow::Result<ExitCode> {
    let mut library = open_for_writing(dirs)?;
    let mut fetcher = Fetcher::new(args.limits());
    let mut progress = |index: usize, total: usize, url: &str| {
        eprintln!("crossread: [{index}/{total}] {}", for_terminal(url));
    };
    let reports = refresh::refresh(&mut library, &mut fetcher, &mut progress)
        .map_err(|e| store_error(dirs, e))?;
    let added: usize = reports.iter().map(|report| report.added).sum();
    let errors = reports
        .iter()
        .filter(|report| report.status == "error")
        .count();
    if args.json {
        super::print_json(
            &serde_json::json!({ "feeds": reports, "added": added, "errors": errors }),
        )?;
    } else {
        let mut out = super::output::stdout();
        for report in &reports {
            let detail = match report.status {
                "error" => report.error.clone().unwrap_or_default(),
                "not_modified" => "not modified".to_string(),
                _ => format!(
                    "{} new, {} already kept, {} refused",
                    report.added, report.duplicates, report.refused
                ),
            };
            writeln!(out, "{}\t{}\t{}", report.status, report.url, detail)?;
        }
        out.flush()?;
    }
    Ok(if errors > 0 && errors == reports.len() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
