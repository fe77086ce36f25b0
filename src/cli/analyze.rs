use crate::model::{Article, Corpus};
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// Print the analysis as JSON (the stable contract documented in the README).
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Analysis<'a> {
    articles: &'a [Article],
}

pub fn run(args: &AnalyzeArgs, corpus: &Corpus) -> anyhow::Result<ExitCode> {
    if args.json {
        super::print_json(&Analysis {
            articles: &corpus.articles,
        })?;
    } else {
        for article in &corpus.articles {
            println!(
                "{}\t{} blocks\t{} sentences\t{} entities\t{} claims",
                article.id,
                article.blocks.len(),
                article.sentences.len(),
                article.entities.len(),
                article.claims.len()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
