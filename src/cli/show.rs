use crate::model::Corpus;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The article's id, as `crossread list` prints it.
    pub id: String,
    /// Print the article's analysis as JSON (one element of `analyze --json`).
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &ShowArgs, corpus: &Corpus) -> anyhow::Result<ExitCode> {
    let Some(article) = corpus.article(&args.id) else {
        anyhow::bail!("no article with id {:?} (see `crossread list`)", args.id);
    };
    if args.json {
        super::print_json(article)?;
    } else {
        println!("{}\n", article.title);
        for block in &article.blocks {
            println!(
                "{}\n",
                textwrap::fill(article.text(block.start, block.end), 80)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
