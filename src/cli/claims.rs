use crate::claims::{ClaimFilter, find_claims};
use crate::model::{ClaimKind, ClaimKinds, Corpus};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ClaimsArgs {
    /// Print JSON: {"claims":[{"article","start","end","text","kinds","speaker"}]}.
    #[arg(long)]
    pub json: bool,
    /// Only claims whose speaker contains NAME (case-insensitive; spelling variants match).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Only claims of this kind: quote, attributed, statistic, hedged or assertion.
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Option<ClaimKind>,
    /// Only claims of the article with this id (see `crossread list`).
    #[arg(long, value_name = "ID")]
    pub article: Option<String>,
}

fn parse_kind(name: &str) -> Result<ClaimKind, String> {
    ClaimKind::parse(name).ok_or_else(|| {
        let names: Vec<&str> = ClaimKind::ALL.iter().map(|kind| kind.as_str()).collect();
        format!("unknown claim kind '{name}' (one of: {})", names.join(", "))
    })
}

#[derive(Serialize)]
struct ListedClaim<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    kinds: ClaimKinds,
    speaker: Option<&'a str>,
}

#[derive(Serialize)]
struct Listing<'a> {
    claims: Vec<ListedClaim<'a>>,
}

/// Prints the claims that pass the filters.
pub fn run(args: &ClaimsArgs, corpus: &Corpus) -> anyhow::Result<ExitCode> {
    super::entities::quiet_on_closed_pipe(print(args, corpus))
}

fn print(args: &ClaimsArgs, corpus: &Corpus) -> anyhow::Result<ExitCode> {
    if let Some(id) = &args.article
        && corpus.article(id).is_none()
    {
        anyhow::bail!("no article with id '{id}' (see `crossread list`)");
    }
    let filter = ClaimFilter {
        speaker: args.speaker.clone(),
        kind: args.kind,
        article: args.article.clone(),
    };
    let claims: Vec<ListedClaim<'_>> = find_claims(corpus, &filter)
        .into_iter()
        .map(|hit| ListedClaim {
            article: &corpus.articles[hit.article_index].id,
            start: hit.claim.start,
            end: hit.claim.end,
            text: corpus.articles[hit.article_index].text(hit.claim.start, hit.claim.end),
            kinds: hit.claim.kinds,
            speaker: hit.claim.speaker.as_deref(),
        })
        .collect();
    if args.json {
        super::print_json(&Listing { claims })?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = super::output::stdout();
    for claim in &claims {
        let kinds: Vec<&str> = claim.kinds.iter().map(|kind| kind.as_str()).collect();
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            claim.article,
            kinds.join(","),
            claim.speaker.unwrap_or("-"),
            claim.text.split_whitespace().collect::<Vec<_>>().join(" ")
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
