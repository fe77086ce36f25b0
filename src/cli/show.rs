use crate::model::{Article, BlockKind, Corpus};
use crate::structure;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Plain output: the title, the outlet line, then the article with headings \
underlined, list items bulleted and boilerplate left out, wrapped to the terminal's width (80 \
columns when stdout is not a terminal). Exit status 1 when no article has this id."
)]
pub struct ShowArgs {
    /// The article's id, as `crossread list` prints it.
    pub id: String,
    /// Print the article's analysis as JSON (one element of `analyze --json`).
    #[arg(long)]
    pub json: bool,
}

/// Width of plain output written to a pipe or a file.
const PIPE_WIDTH: usize = 80;

pub fn run(args: &ShowArgs, corpus: &Corpus) -> anyhow::Result<ExitCode> {
    let Some(article) = corpus.article(&args.id) else {
        anyhow::bail!("no article with id {:?} (see `crossread list`)", args.id);
    };
    if args.json {
        super::print_json(article)?;
        return Ok(ExitCode::SUCCESS);
    }
    let stdout = std::io::stdout();
    let width = if stdout.is_terminal() {
        textwrap::termwidth().max(20)
    } else {
        PIPE_WIDTH
    };
    let mut out = super::output::stdout();
    out.write_all(render(article, width).as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The article as plain text wrapped to `width` columns.
pub fn render(article: &Article, width: usize) -> String {
    let mut text = String::new();
    text.push_str(&textwrap::fill(&article.title, width));
    text.push('\n');
    let mut byline = vec![article.source_label()];
    byline.extend(article.date.as_deref());
    byline.extend(article.url.as_deref());
    text.push_str(&textwrap::fill(&byline.join(" · "), width));
    text.push_str("\n\n");
    for block in &article.blocks {
        let raw = article.text(block.start, block.end);
        if structure::preformatted(&article.body, block) {
            for line in raw.lines() {
                text.push_str(line.trim_end());
                text.push('\n');
            }
            text.push('\n');
            continue;
        }
        // Hard-wrapped source lines are reflowed into one paragraph.
        let flowing = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        match block.kind {
            BlockKind::Boilerplate | BlockKind::Title => continue,
            BlockKind::Heading => {
                let heading = textwrap::fill(&flowing, width);
                let rule = heading
                    .lines()
                    .map(unicode_width::UnicodeWidthStr::width)
                    .max()
                    .unwrap_or(0);
                text.push_str(&heading);
                text.push('\n');
                text.push_str(&"-".repeat(rule));
            }
            BlockKind::ListItem => {
                let options = textwrap::Options::new(width)
                    .initial_indent("  • ")
                    .subsequent_indent("    ");
                text.push_str(&textwrap::fill(&flowing, options));
            }
            BlockKind::Paragraph => text.push_str(&textwrap::fill(&flowing, width)),
        }
        text.push_str("\n\n");
    }
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    text.push('\n');
    text
}
