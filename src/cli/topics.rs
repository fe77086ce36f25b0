use crate::compare::coverage;
use crate::config::config_path;
use crate::facts::{Facts, found};
use crate::model::Corpus;
use crate::sanitize::for_terminal;
use crate::topics::{CorpusIndex, TopicOrigin, TopicSet};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct TopicsArgs {
    /// Print JSON: {"sources":[ids],"topics":[{"id","label","origin","sentences":[{"article","count"}],"total"}]}.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct SourceCount<'a> {
    article: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct ListedTopic<'a> {
    id: &'a str,
    label: &'a str,
    origin: TopicOrigin,
    sentences: Vec<SourceCount<'a>>,
    total: usize,
}

#[derive(Serialize)]
struct Listing<'a> {
    sources: Vec<&'a str>,
    topics: Vec<ListedTopic<'a>>,
}

/// The built-in topics plus the user's config topics; a broken config is
/// reported on stderr and skipped.
pub(super) fn topic_set() -> TopicSet {
    let path = config_path();
    let (set, warning) = TopicSet::load(path.as_deref());
    if let Some(warning) = warning {
        eprintln!("crossread: warning: {warning}");
    }
    set
}

pub fn run(args: &TopicsArgs, corpus: &Corpus) -> anyhow::Result<ExitCode> {
    let mut set = topic_set();
    let index = CorpusIndex::build(corpus);
    let facts = Facts::build(corpus, &index);
    set.add_found(found::topics(corpus, &index, &facts));
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    let topics: Vec<ListedTopic> = set
        .topics
        .iter()
        .map(|topic| {
            let counts = coverage(corpus, &index, &facts, topic, &all);
            ListedTopic {
                id: &topic.id,
                label: &topic.label,
                origin: topic.origin,
                total: counts.iter().sum(),
                sentences: corpus
                    .articles
                    .iter()
                    .zip(counts)
                    .map(|(article, count)| SourceCount {
                        article: &article.id,
                        count,
                    })
                    .collect(),
            }
        })
        .collect();
    let listing = Listing {
        sources: corpus.articles.iter().map(|a| a.id.as_str()).collect(),
        topics,
    };
    if args.json {
        super::print_json(&listing)?;
        return Ok(ExitCode::SUCCESS);
    }
    let id_width = listing
        .topics
        .iter()
        .map(|t| t.id.len())
        .max()
        .unwrap_or(5)
        .max(5);
    let mut out = super::output::stdout();
    writeln!(
        out,
        "{:id_width$}  {:>5}  per source ({})",
        "TOPIC",
        "TOTAL",
        listing.sources.join(", ")
    )?;
    for topic in &listing.topics {
        let counts: Vec<String> = topic
            .sentences
            .iter()
            .map(|s| s.count.to_string())
            .collect();
        // Config topics are the user's text: shown, never obeyed.
        writeln!(
            out,
            "{:id_width$}  {:>5}  {}  {}",
            for_terminal(topic.id),
            topic.total,
            counts.join(" "),
            for_terminal(topic.label)
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
