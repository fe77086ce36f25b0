use crate::compare::coverage_of_all;
use crate::config::config_path;
use crate::facts::{Facts, found};
use crate::model::Corpus;
use crate::sanitize::for_terminal;
use crate::topics::{CorpusIndex, TopicOrigin, TopicSet};
use serde::Serialize;
use std::fmt::Write as _;
use std::process::ExitCode;

/// Sources named on a topic's line of the plain listing; the rest are counted.
const TOP_SOURCES: usize = 3;

#[derive(Debug, clap::Args)]
pub struct TopicsArgs {
    /// Print JSON: {"sources":[ids],"topics":[{"id","label","origin","empty","sentences":
    /// [{"article","count"}],"total"}]}; origin is "built-in", "config" or "found", and
    /// topics with nothing in the corpus come last.
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
    /// No sentence of the corpus is on the topic.
    empty: bool,
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
    let topic_refs: Vec<&crate::topics::Topic> = set.topics.iter().collect();
    let table = coverage_of_all(corpus, &index, &facts, &topic_refs, &all);
    let mut topics: Vec<ListedTopic> = set
        .topics
        .iter()
        .zip(table)
        .map(|(topic, counts)| {
            let total: usize = counts.iter().sum();
            ListedTopic {
                id: &topic.id,
                label: &topic.label,
                origin: topic.origin,
                empty: total == 0,
                total,
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
    // Stable: the configured order stays within each part.
    topics.sort_by_key(|topic| topic.empty);
    let listing = Listing {
        sources: corpus.articles.iter().map(|a| a.id.as_str()).collect(),
        topics,
    };
    if args.json {
        super::print_json(&listing)?;
    } else {
        super::output::print(plain(&listing))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One line per topic, however many sources: its totals, its label, and the
/// sources with the most sentences on it, the rest counted.
fn plain(listing: &Listing) -> String {
    let id_width = listing
        .topics
        .iter()
        .map(|t| t.id.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    let all = listing.sources.len();
    let sources_width = format!("{}/{}", grouped(all), grouped(all)).len().max(7);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:id_width$}  {:>9}  {:>sources_width$}  LABEL: TOP SOURCES (sentences)",
        "TOPIC", "SENTENCES", "SOURCES"
    );
    for topic in &listing.topics {
        let with = topic.sentences.iter().filter(|s| s.count > 0).count();
        let mut top: Vec<&SourceCount> = topic.sentences.iter().filter(|s| s.count > 0).collect();
        // Stable: equal counts keep the corpus order.
        top.sort_by_key(|s| std::cmp::Reverse(s.count));
        let mut named: Vec<String> = top
            .iter()
            .take(TOP_SOURCES)
            .map(|s| format!("{} ({})", for_terminal(s.article), grouped(s.count)))
            .collect();
        if with > TOP_SOURCES {
            named.push(format!("+{} more", grouped(with - TOP_SOURCES)));
        }
        let sources = if topic.empty {
            "nothing in the corpus (empty)".to_string()
        } else {
            named.join(", ")
        };
        // Config topics and file names are outside text: shown, never obeyed.
        let _ = writeln!(
            out,
            "{:id_width$}  {:>9}  {:>sources_width$}  {}: {}",
            for_terminal(topic.id),
            grouped(topic.total),
            format!("{}/{}", grouped(with), grouped(all)),
            for_terminal(topic.label),
            sources
        );
    }
    out
}

/// 1994 as "1,994".
pub(super) fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{ListedTopic, Listing, SourceCount, grouped, plain};
    use crate::topics::TopicOrigin;

    fn topic<'a>(id: &'a str, counts: &[(&'a str, usize)]) -> ListedTopic<'a> {
        let total = counts.iter().map(|(_, n)| n).sum();
        ListedTopic {
            id,
            label: "A label",
            origin: TopicOrigin::Builtin,
            empty: total == 0,
            total,
            sentences: counts
                .iter()
                .map(|&(article, count)| SourceCount { article, count })
                .collect(),
        }
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1994), "1,994");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn a_topic_line_names_its_top_sources_and_counts_the_rest() {
        let listing = Listing {
            sources: vec!["a", "b", "c", "d", "e"],
            topics: vec![
                topic("gas", &[("a", 1), ("b", 4), ("c", 0), ("d", 4), ("e", 2)]),
                topic("quiet", &[("a", 0), ("b", 0), ("c", 0), ("d", 0), ("e", 0)]),
            ],
        };
        let text = plain(&listing);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(
            lines[1].ends_with("A label: b (4), d (4), e (2), +1 more"),
            "{text}"
        );
        assert!(lines[1].contains("  4/5  "), "{text}");
        assert!(
            lines[2].ends_with("nothing in the corpus (empty)"),
            "{text}"
        );
    }
}
