use super::*;
use crate::analysis::article_from_text;
use crate::topics::{TopicSet, retrieve};

fn corpus(bodies: &[(&str, &str)]) -> Corpus {
    Corpus {
        articles: bodies
            .iter()
            .map(|(id, body)| article_from_text(id, body))
            .collect(),
        warnings: Vec::new(),
    }
}

/// The rows of `topic` as sets of sentence texts.
fn rows(corpus: &Corpus, topic: &Topic) -> Vec<Vec<String>> {
    let index = CorpusIndex::build(corpus);
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    let hits = retrieve(corpus, &index, topic, &all);
    align(corpus, &index, topic, &hits)
        .into_iter()
        .map(|group| {
            group
                .members
                .iter()
                .map(|hit| {
                    let article = &corpus.articles[hit.article];
                    article
                        .sentence_text(&article.sentences[hit.sentence])
                        .to_string()
                })
                .collect()
        })
        .collect()
}

fn same_row(rows: &[Vec<String>], a: &str, b: &str) -> bool {
    rows.iter()
        .any(|row| row.iter().any(|s| s.contains(a)) && row.iter().any(|s| s.contains(b)))
}

#[test]
fn clauses_split_at_punctuation_and_opening_words() {
    let text =
        "The exact terms remain secret, though officials in Lisbon say the dam plan is ready.";
    let tokens = Normalizer::default().tokens(text, 0);
    let pieces: Vec<String> = clauses(text, &tokens)
        .into_iter()
        .map(|range| text[tokens[range.start].start..tokens[range.end - 1].end].to_string())
        .collect();
    assert_eq!(
        pieces,
        vec![
            "The exact terms remain secret",
            "though officials in Lisbon say the dam plan is ready"
        ]
    );
}

#[test]
fn a_short_piece_joins_its_neighbour_clause() {
    let text = "Grain, wheat and barley prices rose sharply this week.";
    let tokens = Normalizer::default().tokens(text, 0);
    assert_eq!(clauses(text, &tokens), vec![0..tokens.len()]);
}

#[test]
fn a_capital_stands_for_its_country() {
    assert_eq!(capital_country_stems("lisbon"), vec!["portug".to_string()]);
    assert_eq!(
        capital_country_stems("washington"),
        vec!["unit".to_string(), "state".to_string()]
    );
    assert!(capital_country_stems("tariff").is_empty());
}

/// Similarity of the first sentences of articles `a` and `b` on `topic`.
fn first_sentences_similarity(corpus: &Corpus, topic: &Topic, a: usize, b: usize) -> f32 {
    let index = CorpusIndex::build(corpus);
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    let hit = |article| Hit {
        article,
        sentence: 0,
        score: 0.0,
    };
    pair_similarity(corpus, &index, topic, &all, hit(a), hit(b))
}

#[test]
fn one_shared_clause_makes_long_sentences_similar() {
    let corpus = corpus(&[
        (
            "a",
            "The cost of the river dam remains undisclosed, though engineers expect the turbines to be delivered by barge in the spring after the floods recede.",
        ),
        (
            "b",
            "While the cost of the new dam remains undisclosed, the ministry praised the design of its spillway and the speed of the concrete pours.",
        ),
    ]);
    let topic = TopicSet::builtin().resolve("dam");
    let index = CorpusIndex::build(&corpus);
    let hits: Vec<Hit> = (0..2)
        .map(|article| Hit {
            article,
            sentence: 0,
            score: 0.0,
        })
        .collect();
    let features = features(&corpus, &index, &topic, &hits);
    let (cosine, overlap) = features[0].whole.compare(&features[1].whole);
    let whole_sentences = (cosine + overlap) / 2.0;
    let similarity = similarity(&features[0], &features[1]);
    assert!(
        similarity > whole_sentences + 0.05,
        "{similarity} vs {whole_sentences}"
    );
}

#[test]
fn a_capital_counts_as_its_country() {
    let corpus = corpus(&[
        ("a", "Lisbon will not accept the new fishing quotas."),
        ("b", "Oslo will not accept the new fishing quotas."),
        ("c", "Portugal will not accept the new fishing quotas."),
    ]);
    let topic = TopicSet::builtin().resolve("fishing quotas");
    let capital = first_sentences_similarity(&corpus, &topic, 0, 2);
    let other_capital = first_sentences_similarity(&corpus, &topic, 1, 2);
    assert!(capital > other_capital, "{capital} vs {other_capital}");
}

#[test]
fn shared_denials_count() {
    let corpus = corpus(&[
        ("a", "Lisbon will not accept the new fishing quotas."),
        ("b", "Oslo will never accept the new fishing quotas."),
        ("c", "Oslo will accept the new fishing quotas."),
    ]);
    let topic = TopicSet::builtin().resolve("fishing quotas");
    let both_deny = first_sentences_similarity(&corpus, &topic, 0, 1);
    let one_denies = first_sentences_similarity(&corpus, &topic, 0, 2);
    assert!(both_deny > one_denies, "{both_deny} vs {one_denies}");
}

#[test]
fn sentences_that_share_one_clause_share_a_row() {
    let corpus = corpus(&[
        (
            "a",
            "The cost of the river dam remains undisclosed, though engineers expect the dam to open in spring.\n\nLocal farmers fear the dam will flood their fields.",
        ),
        (
            "b",
            "While the cost of the new dam remains undisclosed, the ministry praised the dam design.\n\nThe dam will also supply electricity to three towns.",
        ),
        (
            "c",
            "Farmers near the dam site fear their fields will flood.\n\nThe dam builders hired four hundred workers.",
        ),
    ]);
    let topic = TopicSet::builtin().resolve("dam");
    let rows = rows(&corpus, &topic);
    assert!(
        same_row(&rows, "cost of the river dam", "cost of the new dam"),
        "{rows:#?}"
    );
    assert!(
        same_row(&rows, "Local farmers fear", "Farmers near the dam site"),
        "{rows:#?}"
    );
    assert!(
        !same_row(&rows, "cost of the river dam", "four hundred workers"),
        "{rows:#?}"
    );
}

#[test]
fn a_capital_and_its_country_share_a_row() {
    let corpus = corpus(&[
        (
            "a",
            "Lisbon will not accept the new fishing quotas, officials said.\n\nThe quotas take effect in March for every fleet.",
        ),
        (
            "b",
            "Portugal will not accept the fishing quotas proposed last week.\n\nInspectors will count the catch of each fishing boat.",
        ),
    ]);
    let topic = TopicSet::builtin().resolve("fishing quotas");
    let rows = rows(&corpus, &topic);
    assert!(
        same_row(&rows, "Lisbon will not accept", "Portugal will not accept"),
        "{rows:#?}"
    );
}

#[test]
fn past_the_limit_the_most_relevant_are_aligned_and_the_rest_stand_alone() {
    let corpus = corpus(&[
        (
            "a",
            "The dam cost rose. The dam opened in May. Dam workers went on strike over dam wages.",
        ),
        (
            "b",
            "The dam cost rose sharply. The dam opened late. Dam workers struck over dam wages.",
        ),
    ]);
    let topic = TopicSet::builtin().resolve("dam");
    let index = CorpusIndex::build(&corpus);
    let hits = retrieve(&corpus, &index, &topic, &[0, 1]);
    let limit = 2;
    assert!(hits.len() > limit + 1, "{} sentences", hits.len());
    let groups = align_at_most(&corpus, &index, &topic, &hits, limit);
    let mut members: Vec<(usize, usize)> = groups
        .iter()
        .flat_map(|g| g.members.iter().map(|h| (h.article, h.sentence)))
        .collect();
    members.sort_unstable();
    let mut expected: Vec<(usize, usize)> = hits.iter().map(|h| (h.article, h.sentence)).collect();
    expected.sort_unstable();
    assert_eq!(members, expected, "every sentence is in exactly one row");
    // Hits come in identity order (article "a" before "b", then text order),
    // which breaks ties in relevance.
    let mut by_relevance: Vec<&Hit> = hits.iter().collect();
    by_relevance.sort_by(|x, y| y.score.total_cmp(&x.score));
    let most_relevant: Vec<(usize, usize)> = by_relevance[..limit]
        .iter()
        .map(|h| (h.article, h.sentence))
        .collect();
    let alone = groups.iter().filter(|g| g.members.len() == 1).count();
    assert!(alone >= hits.len() - limit);
    for group in groups.iter().filter(|g| g.members.len() > 1) {
        assert!(
            group
                .members
                .iter()
                .all(|h| most_relevant.contains(&(h.article, h.sentence))),
            "only the {limit} most relevant sentences are aligned"
        );
    }
}
