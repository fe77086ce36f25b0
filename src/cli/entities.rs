use crate::entities::{EntityIndexEntry, entity_index};
use crate::model::Corpus;
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct EntitiesArgs {
    /// Print JSON: {"entities":[{"canonical","type","variants","mentions":[{"article","count","offsets"}]}]}.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Listing<'a> {
    entities: &'a [EntityIndexEntry],
}

/// Prints the corpus entity index, most mentioned first.
pub fn run(args: &EntitiesArgs, corpus: &Corpus) -> anyhow::Result<ExitCode> {
    quiet_on_closed_pipe(print(args, corpus))
}

/// A reader that stops early (`| head`) is not an error.
pub(super) fn quiet_on_closed_pipe(result: anyhow::Result<ExitCode>) -> anyhow::Result<ExitCode> {
    match result {
        Err(error)
            if error
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            Ok(ExitCode::SUCCESS)
        }
        other => other,
    }
}

fn print(args: &EntitiesArgs, corpus: &Corpus) -> anyhow::Result<ExitCode> {
    let index = entity_index(corpus);
    if args.json {
        super::print_json(&Listing { entities: &index })?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = super::output::stdout();
    for entry in &index {
        let per_article: Vec<String> = entry
            .mentions
            .iter()
            .map(|mention| format!("{}:{}", mention.article, mention.count))
            .collect();
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            entry.canonical,
            entry.kind.as_str(),
            entry.total_mentions(),
            entry.variants.join(" | "),
            per_article.join(" ")
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
