use crate::model::{Article, Corpus};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "JSON output (a stable contract; offsets are byte offsets into \"body\", \
and every \"text\" equals body[start..end]):\n\
{\"articles\":[{\"id\",\"title\",\"source\",\"date\",\"body\",\n\
  \"blocks\":[{\"kind\",\"start\",\"end\"}],\n\
  \"sentences\":[{\"start\",\"end\"}],\n\
  \"entities\":[{\"start\",\"end\",\"text\",\"type\",\"canonical\"}],\n\
  \"claims\":[{\"start\",\"end\",\"text\",\"kinds\":[...],\"speaker\"}]}]}\n\
Block kinds: title, heading, paragraph, list_item, boilerplate. Blocks are ordered and never \
overlap; sentences never cross a block.\n\
Plain output: one line per article, tab-separated: id, blocks, sentences, entities, claims."
)]
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
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = super::output::stdout();
    for article in &corpus.articles {
        writeln!(
            out,
            "{}\t{} blocks\t{} sentences\t{} entities\t{} claims",
            article.id,
            article.blocks.len(),
            article.sentences.len(),
            article.entities.len(),
            article.claims.len()
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
