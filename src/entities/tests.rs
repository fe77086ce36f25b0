//! Entity rules on invented sentences (names the seed articles never use).

use super::detect;
use crate::load::Format;
use crate::model::{Article, Entity, EntityType};
use crate::{sentences, structure};

fn entities(text: &str) -> Vec<Entity> {
    let blocks = structure::blocks(text, Format::Text);
    let sentences = sentences::split(text, &blocks);
    detect(text, &blocks, &sentences)
}

fn found(text: &str, surface: &str) -> Option<(EntityType, String)> {
    entities(text)
        .into_iter()
        .find(|entity| entity.text == surface)
        .map(|entity| (entity.kind, entity.canonical))
}

#[test]
fn titles_possessives_and_the_stay_outside_spans() {
    let text = "Finance Minister Olaf Brandtner's plan was rejected by the Bundestag Budget Committee on Tuesday.";
    assert_eq!(
        found(text, "Olaf Brandtner").map(|f| f.0),
        Some(EntityType::Person)
    );
    assert_eq!(
        found(text, "Bundestag Budget Committee").map(|f| f.0),
        Some(EntityType::Organization)
    );
    assert!(
        entities(text)
            .iter()
            .all(|e| !e.text.contains("Minister") && e.text != "Tuesday")
    );
}

#[test]
fn surnames_link_to_the_full_name_of_the_article() {
    let text = "Kenyan opposition leader Amara Odhiambo spoke in Nairobi. Odhiambo said the vote was rigged.";
    let all = entities(text);
    let linked: Vec<&Entity> = all
        .iter()
        .filter(|e| e.canonical == "Amara Odhiambo")
        .collect();
    assert_eq!(linked.len(), 2, "{all:?}");
    assert_eq!(found(text, "Nairobi").map(|f| f.0), Some(EntityType::Place));
}

#[test]
fn organisation_suffixes_and_bracketed_acronyms() {
    let text =
        "The National Electoral Commission (NEC) said turnout was low. NEC officials blamed rain.";
    let all = entities(text);
    assert_eq!(
        all.iter()
            .filter(|e| e.canonical == "National Electoral Commission")
            .count(),
        3,
        "{all:?}"
    );
}

#[test]
fn headlines_weekdays_and_article_numbers_are_not_entities() {
    for text in [
        "MARKETS RALLY AS CENTRAL BANK HOLDS RATES",
        "Talks Resume on Border Dispute After Long Pause",
        "On Monday, the alliance invoked Article 4 again.",
    ] {
        let all = entities(text);
        assert!(
            all.iter().all(|e| e.kind != EntityType::Person),
            "{text}: {all:?}"
        );
        assert!(
            all.iter()
                .all(|e| !e.text.contains("Monday") && !e.text.contains("Article")),
            "{all:?}"
        );
    }
}

#[test]
fn abbreviations_of_countries_share_a_canonical_name() {
    let text = "The U.S. and the United States Navy met. US officials and UK envoys agreed.";
    assert_eq!(
        found(text, "U.S.").map(|f| f.1),
        Some("United States".to_string())
    );
    assert_eq!(
        found(text, "US").map(|f| f.1),
        Some("United States".to_string())
    );
    assert_eq!(
        found(text, "UK").map(|f| f.1),
        Some("United Kingdom".to_string())
    );
}

#[test]
fn transliterations_link_across_articles() {
    let make = crate::analysis::article_from_text;
    let mut articles: Vec<Article> = vec![
        make(
            "a",
            "Ukrainian President Volodymyr Zelenskiy met envoys on Friday.",
        ),
        make("b", "President Zelensky said the talks were useful."),
        make("c", "Volodymyr Zelenskyy spoke to reporters."),
    ];
    super::link_corpus(&mut articles);
    let canonicals: Vec<&str> = articles
        .iter()
        .flat_map(|article| article.entities.iter())
        .filter(|entity| entity.kind == EntityType::Person)
        .map(|entity| entity.canonical.as_str())
        .collect();
    assert_eq!(canonicals.len(), 3, "{canonicals:?}");
    assert!(
        canonicals.windows(2).all(|pair| pair[0] == pair[1]),
        "{canonicals:?}"
    );
}

#[test]
fn hostile_input_never_panics() {
    for text in [
        "",
        "’s",
        "\u{0}\u{1b}[31mX",
        "A-",
        "(ABC",
        "U.S.-",
        "Mr.",
        "of the",
        "É’s É’s",
    ] {
        entities(text);
    }
}
