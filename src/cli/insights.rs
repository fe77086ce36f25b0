//! `crossread insights`: on the facts of the corpus, who corroborates each
//! one, where sources disagree on a detail, how they stand behind it, who is
//! silent, and how quotations travel. The JSON shape is a contract (newsroom
//! scripts run it on a schedule): fields are only ever added.

use super::facts::JsonSentence;
use crate::facts::Facts;
use crate::insights::{Discrepancy, DiscrepancyKind, Insights, Side, Stance};
use crate::model::Corpus;
use crate::sanitize::for_terminal;
use crate::topics::CorpusIndex;
use serde::Serialize;
use std::fmt::Write as _;
use std::process::ExitCode;

/// Sections `--kind` can keep, besides the discrepancy kinds.
const SECTIONS: &[&str] = &["discrepancy", "shift", "silence", "quote"];

#[derive(Debug, clap::Args)]
pub struct InsightsArgs {
    /// Print JSON: {"sources","clusters","discrepancies","shifts","silences","quotes"};
    /// every field is described in the README.
    #[arg(long)]
    pub json: bool,

    /// Keep only one kind of finding: a discrepancy kind (number, date, place, actor,
    /// negation, speaker, update), or discrepancy, shift, silence, quote.
    #[arg(long, value_name = "K", value_parser = parse_kind)]
    pub kind: Option<String>,
}

fn parse_kind(text: &str) -> Result<String, String> {
    let lower = text.to_ascii_lowercase();
    if DiscrepancyKind::parse(&lower).is_some() || SECTIONS.contains(&lower.as_str()) {
        Ok(lower)
    } else {
        let kinds: Vec<&str> = DiscrepancyKind::ALL.iter().map(|k| k.as_str()).collect();
        Err(format!(
            "unknown kind; use one of {}, {}",
            kinds.join(", "),
            SECTIONS.join(", ")
        ))
    }
}

#[derive(Serialize)]
struct JsonClaimSentence<'a> {
    #[serde(flatten)]
    sentence: JsonSentence<'a>,
    /// The claim kinds of the sentence, empty when it makes no claim.
    kinds: Vec<&'static str>,
    speaker: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonCluster<'a> {
    fact: &'a str,
    /// Sources that report it (copies counted once), of `of`.
    sources: usize,
    of: usize,
    articles: Vec<&'a str>,
    contradicted: bool,
    discrepancies: Vec<&'a str>,
    sentences: Vec<JsonClaimSentence<'a>>,
}

#[derive(Serialize)]
struct JsonSide<'a> {
    #[serde(flatten)]
    sentence: JsonSentence<'a>,
    value: &'a str,
    value_start: usize,
    value_end: usize,
}

#[derive(Serialize)]
struct JsonDiscrepancy<'a> {
    id: &'a str,
    kind: &'static str,
    what: &'a str,
    confidence: f32,
    fact: Option<&'a str>,
    sides: Vec<JsonSide<'a>>,
}

#[derive(Serialize)]
struct JsonStanceVersion<'a> {
    #[serde(flatten)]
    sentence: JsonSentence<'a>,
    stance: &'static str,
    speaker: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonShift<'a> {
    fact: &'a str,
    versions: Vec<JsonStanceVersion<'a>>,
}

#[derive(Serialize)]
struct JsonSilence<'a> {
    fact: &'a str,
    carried_by: Vec<&'a str>,
    silent: Vec<&'a str>,
    /// One carrier's sentence, to say what the silence is about.
    example: Option<JsonSentence<'a>>,
}

#[derive(Serialize)]
struct JsonQuoteVersion<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    class: &'static str,
    speaker: Option<&'a str>,
    added: &'a [String],
    dropped: &'a [String],
    sentence: JsonSentence<'a>,
}

#[derive(Serialize)]
struct JsonQuote<'a> {
    id: &'a str,
    sources: usize,
    versions: Vec<JsonQuoteVersion<'a>>,
}

#[derive(Serialize)]
struct Listing<'a> {
    sources: usize,
    /// For the plain summary only: JSON readers count `clusters`.
    #[serde(skip)]
    facts: usize,
    #[serde(skip)]
    contradicted: usize,
    clusters: Vec<JsonCluster<'a>>,
    discrepancies: Vec<JsonDiscrepancy<'a>>,
    shifts: Vec<JsonShift<'a>>,
    silences: Vec<JsonSilence<'a>>,
    quotes: Vec<JsonQuote<'a>>,
}

pub fn run(args: &InsightsArgs, corpus: &Corpus) -> anyhow::Result<ExitCode> {
    let index = CorpusIndex::build(corpus);
    let facts = Facts::build(corpus, &index);
    let insights = Insights::build(corpus, &facts);
    let listing = listing(corpus, &facts, &insights, args.kind.as_deref());
    if args.json {
        super::print_json(&listing)?;
    } else {
        super::output::print(plain(&listing))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn keeps(kind: Option<&str>, section: &str) -> bool {
    kind.is_none_or(|k| k == section)
}

fn keeps_discrepancy(kind: Option<&str>, discrepancy: &Discrepancy) -> bool {
    kind.is_none_or(|k| k == "discrepancy" || k == discrepancy.kind.as_str())
}

fn side<'a>(corpus: &'a Corpus, side: &'a Side) -> Option<JsonSide<'a>> {
    Some(JsonSide {
        sentence: JsonSentence::of(corpus, side.sentence)?,
        value: &side.value,
        value_start: side.start,
        value_end: side.end,
    })
}

fn listing<'a>(
    corpus: &'a Corpus,
    facts: &'a Facts,
    insights: &'a Insights,
    kind: Option<&str>,
) -> Listing<'a> {
    let fact_id = |fact: usize| facts.facts.get(fact).map(|f| f.id.as_str());
    let id = |article: usize| corpus.articles[article].id.as_str();
    let discrepancy_kind = kind.is_some_and(|k| !SECTIONS.contains(&k) || k == "discrepancy");
    let clusters = if kind.is_none() {
        facts
            .facts
            .iter()
            .enumerate()
            .map(|(at, fact)| {
                let discrepancies: Vec<&str> = insights
                    .discrepancies
                    .iter()
                    .filter(|d| d.fact == Some(at))
                    .map(|d| d.id.as_str())
                    .collect();
                JsonCluster {
                    fact: &fact.id,
                    sources: fact.members.len(),
                    of: insights.sources,
                    articles: fact.members.iter().map(|m| id(m.article)).collect(),
                    contradicted: !discrepancies.is_empty(),
                    discrepancies,
                    sentences: fact
                        .members
                        .iter()
                        .filter_map(|&m| {
                            let claim =
                                crate::insights::claim_of(&corpus.articles[m.article], m.sentence);
                            Some(JsonClaimSentence {
                                sentence: JsonSentence::of(corpus, m)?,
                                kinds: claim.map_or(Vec::new(), |c| {
                                    c.kinds.iter().map(|k| k.as_str()).collect()
                                }),
                                speaker: claim.and_then(|c| c.speaker.as_deref()),
                            })
                        })
                        .collect(),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    Listing {
        sources: insights.sources,
        facts: facts.facts.len(),
        contradicted: (0..facts.facts.len())
            .filter(|&at| insights.discrepancies.iter().any(|d| d.fact == Some(at)))
            .count(),
        clusters,
        discrepancies: insights
            .discrepancies
            .iter()
            .filter(|d| keeps_discrepancy(kind, d) && (kind.is_none() || discrepancy_kind))
            .map(|d| JsonDiscrepancy {
                id: &d.id,
                kind: d.kind.as_str(),
                what: &d.what,
                confidence: (d.confidence * 1000.0).round() / 1000.0,
                fact: d.fact.and_then(fact_id),
                sides: d.sides.iter().filter_map(|s| side(corpus, s)).collect(),
            })
            .collect(),
        shifts: insights
            .shifts
            .iter()
            .filter(|_| keeps(kind, "shift"))
            .filter_map(|shift| {
                Some(JsonShift {
                    fact: fact_id(shift.fact)?,
                    versions: shift
                        .versions
                        .iter()
                        .filter_map(|(at, stance)| {
                            Some(JsonStanceVersion {
                                sentence: JsonSentence::of(corpus, *at)?,
                                stance: stance.as_str(),
                                speaker: match stance {
                                    Stance::Named(name) => Some(name.as_str()),
                                    _ => None,
                                },
                            })
                        })
                        .collect(),
                })
            })
            .collect(),
        silences: insights
            .silences
            .iter()
            .filter(|_| keeps(kind, "silence"))
            .filter_map(|silence| {
                let fact = facts.facts.get(silence.fact)?;
                Some(JsonSilence {
                    fact: &fact.id,
                    carried_by: silence.carried_by.iter().map(|&a| id(a)).collect(),
                    silent: silence.silent.iter().map(|&a| id(a)).collect(),
                    example: fact
                        .members
                        .first()
                        .and_then(|&m| JsonSentence::of(corpus, m)),
                })
            })
            .collect(),
        quotes: insights
            .quotes
            .iter()
            .filter(|_| keeps(kind, "quote"))
            .map(|group| JsonQuote {
                id: &group.id,
                sources: group.versions.len(),
                versions: group
                    .versions
                    .iter()
                    .filter_map(|v| {
                        let article = corpus.articles.get(v.sentence.article)?;
                        Some(JsonQuoteVersion {
                            article: &article.id,
                            start: v.start,
                            end: v.end,
                            text: article.text(v.start, v.end),
                            class: v.class.as_str(),
                            speaker: v.speaker.as_deref(),
                            added: &v.added,
                            dropped: &v.dropped,
                            sentence: JsonSentence::of(corpus, v.sentence)?,
                        })
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn one_line(text: &str) -> String {
    for_terminal(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn plain(listing: &Listing) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} sources · {} facts of two or more sources ({} contradicted) · {} discrepancies · {} shifts · {} silences · {} quotations",
        listing.sources,
        listing.facts,
        listing.contradicted,
        listing.discrepancies.len(),
        listing.shifts.len(),
        listing.silences.len(),
        listing.quotes.len()
    );
    if !listing.discrepancies.is_empty() {
        let _ = writeln!(out, "\nDiscrepancies");
    }
    for d in &listing.discrepancies {
        let _ = writeln!(
            out,
            "\n  {} [{}, confidence {:.2}] {}",
            d.id,
            d.kind,
            d.confidence,
            one_line(d.what)
        );
        for side in &d.sides {
            let _ = writeln!(
                out,
                "    [{}] {}: {}",
                for_terminal(side.sentence.article),
                one_line(side.value),
                one_line(side.sentence.text)
            );
        }
    }
    if !listing.shifts.is_empty() {
        let _ = writeln!(out, "\nShifts");
    }
    for shift in &listing.shifts {
        let _ = writeln!(out, "\n  {}", shift.fact);
        for v in &shift.versions {
            let stance = match v.speaker {
                Some(name) => format!("named ({})", one_line(name)),
                None => v.stance.to_string(),
            };
            let _ = writeln!(
                out,
                "    [{}] {}: {}",
                for_terminal(v.sentence.article),
                stance,
                one_line(v.sentence.text)
            );
        }
    }
    if !listing.silences.is_empty() {
        let _ = writeln!(out, "\nSilences");
    }
    for s in &listing.silences {
        let _ = writeln!(
            out,
            "\n  {} — carried by {}, silent: {}",
            s.fact,
            s.carried_by.len(),
            for_terminal(&s.silent.join(", "))
        );
        if let Some(example) = &s.example {
            let _ = writeln!(
                out,
                "    [{}] {}",
                for_terminal(example.article),
                one_line(example.text)
            );
        }
    }
    if !listing.quotes.is_empty() {
        let _ = writeln!(out, "\nQuotations");
    }
    for q in &listing.quotes {
        let _ = writeln!(out, "\n  {} — {} sources", q.id, q.sources);
        for v in &q.versions {
            let mut line = format!(
                "    [{}] {} ({}): “{}”",
                for_terminal(v.article),
                v.class,
                one_line(v.speaker.unwrap_or("no speaker")),
                one_line(v.text)
            );
            if !v.added.is_empty() || !v.dropped.is_empty() {
                let _ = write!(
                    line,
                    " +[{}] −[{}]",
                    one_line(&v.added.join(" ")),
                    one_line(&v.dropped.join(" "))
                );
            }
            let _ = writeln!(out, "{line}");
        }
    }
    out
}
