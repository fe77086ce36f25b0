use crate::model::Corpus;
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Plain output: one article per line, tab-separated: id, outlet (\"-\" when \
unknown), date (\"-\"), sentences, title.\n\
JSON output: {\"articles\":[{\"id\",\"title\",\"source\",\"date\",\"sentences\"}]}; source and \
date are null when unknown."
)]
pub struct ListArgs {
    /// Print JSON: {"articles":[{"id","title","source","date","sentences"}]}.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct ListedArticle<'a> {
    id: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    date: Option<&'a str>,
    sentences: usize,
}

#[derive(Serialize)]
struct Listing<'a> {
    articles: Vec<ListedArticle<'a>>,
}

pub fn run(args: &ListArgs, corpus: &Corpus) -> anyhow::Result<ExitCode> {
    let articles = corpus
        .articles
        .iter()
        .map(|article| ListedArticle {
            id: &article.id,
            title: &article.title,
            source: article.source.as_deref(),
            date: article.date.as_deref(),
            sentences: article.sentences.len(),
        })
        .collect();
    let listing = Listing { articles };
    if args.json {
        super::print_json(&listing)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = super::output::stdout();
    for article in &listing.articles {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            article.id,
            article.source.unwrap_or("-"),
            article.date.unwrap_or("-"),
            article.sentences,
            article.title
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
