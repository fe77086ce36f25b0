use super::topics::grouped;
use crate::compare::{Cell, Comparison, MarkKind, compare};
use crate::facts::{Facts, found};
use crate::model::Corpus;
use crate::topics::CorpusIndex;
use serde::Serialize;
use std::fmt::Write as _;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// A topic id or label (see `crossread topics`), or any words as an
    /// ad-hoc topic, e.g. "prisoner exchanges".
    pub topic: String,

    /// Compare only these articles (ids, comma-separated), in this column order.
    #[arg(long, value_delimiter = ',', value_name = "ID,ID")]
    pub sources: Vec<String>,

    /// Print JSON: {"topic":{"id","label","origin"},"sources":[ids],"copies":{id:[ids]},
    /// "rows":[{"fact","cells":[{"article","sentences":[{"start","end","text"}],
    /// "differences":[{"start","end","kind"}],"also_in":[facts]}],"silent":[ids],"sources_count","score",
    /// "relevance"}]}; offsets are bytes into the article body.
    #[arg(long, conflicts_with = "markdown")]
    pub json: bool,

    /// Print Markdown: a table with one column per source (up to 6 sources), else one
    /// list per row of the sources that carry it; differing words in bold.
    #[arg(long)]
    pub markdown: bool,
}

#[derive(Serialize)]
struct JsonTopic<'a> {
    id: &'a str,
    label: &'a str,
    origin: crate::topics::TopicOrigin,
}

#[derive(Serialize)]
struct JsonSentence<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonCell<'a> {
    article: &'a str,
    sentences: Vec<JsonSentence<'a>>,
    differences: &'a [crate::compare::Mark],
    /// The other rows' facts this cell's sentence also reports.
    also_in: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    fact: &'a str,
    cells: Vec<JsonCell<'a>>,
    silent: Vec<&'a str>,
    sources_count: usize,
    score: f32,
    relevance: f32,
}

#[derive(Serialize)]
struct JsonComparison<'a> {
    topic: JsonTopic<'a>,
    sources: Vec<&'a str>,
    /// Syndicated copies each source stands for, by source id; only sources
    /// with copies.
    copies: std::collections::BTreeMap<&'a str, Vec<&'a str>>,
    rows: Vec<JsonRow<'a>>,
}

pub fn run(args: &CompareArgs, corpus: &Corpus) -> anyhow::Result<ExitCode> {
    if args.topic.trim().is_empty() {
        anyhow::bail!("the topic is empty: give a topic id (see `crossread topics`) or some words");
    }
    let mut sources = Vec::new();
    for id in args
        .sources
        .iter()
        .map(|id| id.trim())
        .filter(|id| !id.is_empty())
    {
        match corpus.article_index(id) {
            Some(index) => sources.push(index),
            None => anyhow::bail!("no article with id {id:?} (see `crossread list`)"),
        }
    }
    if sources.is_empty() {
        sources = (0..corpus.articles.len()).collect();
    }
    let index = CorpusIndex::build(corpus);
    let facts = Facts::build(corpus, &index);
    let mut topics = super::topics::topic_set();
    topics.add_found(found::topics(corpus, &index, &facts));
    let topic = topics.resolve(&args.topic);
    let comparison = compare(corpus, &index, &facts, &topic, &sources);
    if args.json {
        super::print_json(&to_json(corpus, &comparison, topic.origin))?;
    } else if args.markdown {
        super::output::print(markdown(corpus, &comparison))?;
    } else {
        super::output::print(plain(corpus, &comparison))?;
    }
    if comparison.rows.is_empty() && !args.json {
        eprintln!(
            "crossread: no sentence of the chosen sources is on {:?}",
            comparison.topic_label
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn to_json<'a>(
    corpus: &'a Corpus,
    comparison: &'a Comparison,
    origin: crate::topics::TopicOrigin,
) -> JsonComparison<'a> {
    let id = |article: usize| corpus.articles[article].id.as_str();
    let shared = comparison.shared_sentences();
    JsonComparison {
        topic: JsonTopic {
            id: &comparison.topic_id,
            label: &comparison.topic_label,
            origin,
        },
        sources: comparison.sources.iter().map(|&s| id(s)).collect(),
        copies: comparison
            .sources
            .iter()
            .zip(&comparison.copies)
            .filter(|(_, copies)| !copies.is_empty())
            .map(|(&source, copies)| (id(source), copies.iter().map(|&c| id(c)).collect()))
            .collect(),
        rows: comparison
            .rows
            .iter()
            .enumerate()
            .map(|(at, row)| JsonRow {
                fact: &row.fact,
                silent: comparison.silent(row).map(id).collect(),
                cells: row
                    .cells
                    .iter()
                    .map(|cell| {
                        let article = &corpus.articles[cell.article];
                        JsonCell {
                            article: &article.id,
                            sentences: cell
                                .sentences
                                .iter()
                                .filter_map(|&s| article.sentences.get(s))
                                .map(|s| JsonSentence {
                                    start: s.start,
                                    end: s.end,
                                    text: article.sentence_text(s),
                                })
                                .collect(),
                            differences: &cell.marks,
                            also_in: cell
                                .sentences
                                .iter()
                                .filter_map(|&s| shared.get(&(cell.article, s)))
                                .flatten()
                                .filter(|&&other| other != at)
                                .map(|&other| comparison.rows[other].fact.as_str())
                                .collect(),
                        }
                    })
                    .collect(),
                sources_count: row.sources_count(),
                score: round(row.score),
                relevance: round(row.relevance),
            })
            .collect(),
    }
}

fn round(value: f32) -> f32 {
    (value * 1000.0).round() / 1000.0
}

/// Readable text: one block per row, each source's sentences under its id.
fn plain(corpus: &Corpus, comparison: &Comparison) -> String {
    let total = comparison.sources.len();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}): {} rows over {} sources",
        comparison.topic_label,
        comparison.topic_id,
        comparison.rows.len(),
        total
    );
    for (number, row) in comparison.rows.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n#{} {} of {} sources, agreement {:.2} (fact {})",
            number + 1,
            row.sources_count(),
            total,
            row.score,
            row.fact
        );
        for cell in &row.cells {
            let article = &corpus.articles[cell.article];
            let text: Vec<&str> = cell
                .sentences
                .iter()
                .filter_map(|&s| article.sentences.get(s))
                .map(|s| article.sentence_text(s))
                .collect();
            let indent = " ".repeat(article.id.chars().count() + 5);
            let _ = writeln!(
                out,
                "  [{}] {}",
                article.id,
                text.join(&format!("\n{indent}"))
            );
        }
        let silent: Vec<&str> = comparison
            .silent(row)
            .map(|s| corpus.articles[s].id.as_str())
            .collect();
        if !silent.is_empty() && row.cells.len() > 1 {
            let _ = writeln!(out, "  silent: {}", silent.join(", "));
        }
    }
    out
}

/// Most sources a Markdown table has a column each for; past it every row
/// lists only the sources that carry it.
pub const MARKDOWN_TABLE_SOURCES: usize = 6;
/// Silent sources a listed row names before counting the rest.
const SILENT_NAMED: usize = 5;

/// Markdown a person can paste into a report: a table with a column per
/// source while they fit, else one list per row.
pub fn markdown(corpus: &Corpus, comparison: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## {} (`{}`)\n",
        escape(&comparison.topic_label),
        escape(&comparison.topic_id)
    );
    if comparison.sources.len() > MARKDOWN_TABLE_SOURCES {
        markdown_lists(&mut out, corpus, comparison);
    } else {
        markdown_table(&mut out, corpus, comparison);
    }
    out
}

/// "Outlet (id)", or the id alone for an article that names no outlet, as
/// Markdown names a source.
fn source_name(corpus: &Corpus, source: usize) -> String {
    let article = &corpus.articles[source];
    match &article.source {
        Some(outlet) => format!("{} ({})", escape(outlet), escape(&article.id)),
        None => escape(&article.id),
    }
}

/// " +2 copies" after a source that stands for syndicated copies of its text.
fn copies_note(comparison: &Comparison, source: usize) -> String {
    let copies = comparison
        .sources
        .iter()
        .position(|&s| s == source)
        .and_then(|at| comparison.copies.get(at))
        .map_or(0, Vec::len);
    match copies {
        0 => String::new(),
        1 => " +1 copy".to_string(),
        n => format!(" +{} copies", grouped(n)),
    }
}

/// A cell's sentences with only the engine's marks emphasised, joined by
/// `separator`.
fn marked_sentences(corpus: &Corpus, cell: &Cell, separator: &str) -> String {
    let article = &corpus.articles[cell.article];
    let sentences: Vec<String> = cell
        .segments(article)
        .iter()
        .map(|pieces| {
            pieces
                .iter()
                .map(|piece| match piece.mark {
                    None => escape(piece.text),
                    Some(MarkKind::Differs) => format!("**{}**", escape(piece.text)),
                    Some(MarkKind::Number | MarkKind::Entity) => {
                        format!("***{}***", escape(piece.text))
                    }
                })
                .collect()
        })
        .collect();
    sentences.join(separator)
}

const MARKS_LEGEND: &str = "**Bold**: wording no other source in the row shares; \
     ***bold italic***: a number or name only this source gives";

fn markdown_table(out: &mut String, corpus: &Corpus, comparison: &Comparison) {
    let total = comparison.sources.len();
    let _ = writeln!(
        out,
        "Rows group sentences that report the same thing. {MARKS_LEGEND}; \
         —: the source says nothing on that row; sentences of one cell are separated by line \
         breaks.\n"
    );
    let headers: Vec<String> = comparison
        .sources
        .iter()
        .map(|&s| format!("{}{}", source_name(corpus, s), copies_note(comparison, s)))
        .collect();
    let _ = writeln!(out, "| # | Sources | {} |", headers.join(" | "));
    let _ = writeln!(out, "|---|---|{}", "---|".repeat(headers.len()));
    for (number, row) in comparison.rows.iter().enumerate() {
        let cells: Vec<String> = comparison
            .sources
            .iter()
            .map(|&source| match row.cell(source) {
                None => "—".to_string(),
                // A line break keeps the sentences of a cell apart in
                // every renderer that draws tables (GitHub, GitLab,
                // pandoc); text pasted raw still reads.
                Some(cell) => marked_sentences(corpus, cell, "<br>"),
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} of {} | {} |",
            number + 1,
            row.sources_count(),
            total,
            cells.join(" | ")
        );
    }
}

/// One section per row: a bullet per source that carries it, then the
/// silent ones, named up to [`SILENT_NAMED`] and counted past that. Its size
/// grows with the sentences, not with rows × sources.
fn markdown_lists(out: &mut String, corpus: &Corpus, comparison: &Comparison) {
    let total = comparison.sources.len();
    let _ = writeln!(
        out,
        "Rows group sentences that report the same thing; each lists the sources that \
         carry it, then the silent ones. {MARKS_LEGEND}.\n"
    );
    for (number, row) in comparison.rows.iter().enumerate() {
        let _ = writeln!(
            out,
            "### {}. {} of {} sources\n",
            number + 1,
            grouped(row.sources_count()),
            grouped(total)
        );
        for cell in &row.cells {
            let _ = writeln!(
                out,
                "- {}{}: {}",
                source_name(corpus, cell.article),
                copies_note(comparison, cell.article),
                marked_sentences(corpus, cell, " / ")
            );
        }
        let silent: Vec<usize> = comparison.silent(row).collect();
        if !silent.is_empty() {
            let mut named: Vec<String> = silent
                .iter()
                .take(SILENT_NAMED)
                .map(|&source| source_name(corpus, source))
                .collect();
            if silent.len() > SILENT_NAMED {
                named.push(format!("+{} more", grouped(silent.len() - SILENT_NAMED)));
            }
            let _ = writeln!(
                out,
                "\nSilent ({}): {}",
                grouped(silent.len()),
                named.join(", ")
            );
        }
        out.push('\n');
    }
}

/// Makes text safe inside a Markdown table cell.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '*' | '_' | '`' | '\\' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_keeps_a_table_cell_intact() {
        assert_eq!(escape("a|b*c\nd"), "a\\|b\\*c d");
        assert_eq!(escape("x\u{1b}[31m"), "x\\[31m");
    }
}
