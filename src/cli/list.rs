use crate::model::Corpus;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
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
    } else {
        for article in &listing.articles {
            println!(
                "{}\t{}\t{}",
                article.id,
                article.source.unwrap_or("-"),
                article.title
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
