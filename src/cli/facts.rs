//! `crossread facts`: every fact of the corpus, the engine's clusters of
//! sentences from different sources that report the same thing.

use crate::facts::{Facts, SentenceRef};
use crate::model::Corpus;
use crate::sanitize::for_terminal;
use crate::topics::CorpusIndex;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct FactsArgs {
    /// Print JSON: {"sources":n,"copies":{id:[ids]},"facts":[{"id","sources","agreement",
    /// "sentences":[{"article","start","end","text"}]}]}; offsets are bytes into the
    /// article body. Only facts of two or more sources are listed.
    #[arg(long)]
    pub json: bool,

    /// List only facts that at least this many sources carry.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_sources: usize,
}

/// One sentence as the JSON of `facts` and `insights` points to it.
#[derive(Serialize)]
pub(super) struct JsonSentence<'a> {
    pub article: &'a str,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl<'a> JsonSentence<'a> {
    pub fn of(corpus: &'a Corpus, at: SentenceRef) -> Option<JsonSentence<'a>> {
        let article = corpus.articles.get(at.article)?;
        let span = article.sentences.get(at.sentence)?;
        Some(JsonSentence {
            article: &article.id,
            start: span.start,
            end: span.end,
            text: article.sentence_text(span),
        })
    }
}

#[derive(Serialize)]
struct JsonFact<'a> {
    id: &'a str,
    sources: usize,
    agreement: f32,
    sentences: Vec<JsonSentence<'a>>,
}

#[derive(Serialize)]
struct Listing<'a> {
    /// Sources of the corpus: articles, copies counted once.
    sources: usize,
    copies: BTreeMap<&'a str, Vec<&'a str>>,
    facts: Vec<JsonFact<'a>>,
}

pub fn run(args: &FactsArgs, corpus: &Corpus) -> anyhow::Result<ExitCode> {
    let index = CorpusIndex::build(corpus);
    let facts = Facts::build(corpus, &index);
    let listing = listing(corpus, &facts, args.min_sources.max(2));
    if args.json {
        super::print_json(&listing)?;
    } else {
        super::output::print(plain(&listing))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn listing<'a>(corpus: &'a Corpus, facts: &'a Facts, min_sources: usize) -> Listing<'a> {
    let id = |article: usize| corpus.articles[article].id.as_str();
    let originals: Vec<usize> = (0..corpus.articles.len())
        .filter(|&a| !facts.copies.is_copy(a))
        .collect();
    Listing {
        sources: originals.len(),
        copies: facts
            .copies
            .groups()
            .into_iter()
            .map(|(original, copies)| (id(original), copies.into_iter().map(id).collect()))
            .collect(),
        facts: facts
            .facts
            .iter()
            .filter(|fact| fact.members.len() >= min_sources)
            .map(|fact| JsonFact {
                id: &fact.id,
                sources: fact.members.len(),
                agreement: (fact.agreement * 1000.0).round() / 1000.0,
                sentences: fact
                    .members
                    .iter()
                    .filter_map(|&m| JsonSentence::of(corpus, m))
                    .collect(),
            })
            .collect(),
    }
}

fn plain(listing: &Listing) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} facts of two or more sources, over {} sources",
        listing.facts.len(),
        listing.sources
    );
    for (original, copies) in &listing.copies {
        let _ = writeln!(
            out,
            "{} has {} syndicated copies: {}",
            for_terminal(original),
            copies.len(),
            for_terminal(&copies.join(", "))
        );
    }
    for fact in &listing.facts {
        let _ = writeln!(
            out,
            "\n{} — {} sources, agreement {:.2}",
            fact.id, fact.sources, fact.agreement
        );
        for sentence in &fact.sentences {
            let text = sentence
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let _ = writeln!(out, "  [{}] {}", for_terminal(sentence.article), text);
        }
    }
    out
}
