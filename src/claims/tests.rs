//! Claim rules on invented sentences.

use super::detect;
use crate::entities;
use crate::load::Format;
use crate::model::{Claim, ClaimKind};
use crate::{sentences, structure};

fn claims(text: &str) -> Vec<Claim> {
    let blocks = structure::blocks(text, Format::Text);
    let sentences = sentences::split(text, &blocks);
    let found = entities::detect(text, &blocks, &sentences);
    detect(text, &blocks, &sentences, &found)
}

fn claim<'a>(all: &'a [Claim], snippet: &str) -> Option<&'a Claim> {
    all.iter().find(|claim| claim.text.contains(snippet))
}

#[test]
fn speakers_come_from_verbs_of_saying() {
    let text = "Port officials said 40 ships were waiting.\n\
                “We cannot clear them this week,” harbour master Lena Vasquez said.\n\
                “The cranes are broken,” she said.\n\
                According to shipping sources, rates may rise.";
    let all = claims(text);
    let first = claim(&all, "Port officials").expect("claim");
    assert_eq!(first.speaker.as_deref(), Some("Port officials"));
    assert!(
        first.kinds.contains(&ClaimKind::Statistic) && first.kinds.contains(&ClaimKind::Attributed)
    );
    let quote = claim(&all, "cannot clear").expect("claim");
    assert_eq!(quote.speaker.as_deref(), Some("Lena Vasquez"));
    assert!(quote.kinds.contains(&ClaimKind::Quote));
    assert_eq!(
        claim(&all, "cranes").and_then(|c| c.speaker.as_deref()),
        Some("Lena Vasquez")
    );
    let sourced = claim(&all, "According to").expect("claim");
    assert_eq!(sourced.speaker.as_deref(), Some("shipping sources"));
    assert!(sourced.kinds.contains(&ClaimKind::Hedged));
}

#[test]
fn questions_headings_and_commentary_are_not_claims() {
    let text = "Why Ports Matter Now\n\
                Will the strike spread to other harbours?\n\
                Q: What happens to perishable cargo?\n\
                This standoff is a stark reminder of how fragile and vital the supply chain remains.\n\
                The union represents 12,000 dock workers.";
    let all = claims(text);
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(
        all[0].kinds.contains(&ClaimKind::Statistic)
            && all[0].kinds.contains(&ClaimKind::Assertion)
    );
}

#[test]
fn years_and_article_numbers_are_not_statistics() {
    let all = claims("The treaty was signed in 1994 under Article 5 of the charter.");
    let only = all.first().expect("an assertion");
    assert!(!only.kinds.contains(&ClaimKind::Statistic), "{only:?}");
}
