//! Search behaviour on the built-in corpus and on small made-up corpora.

use crossread::analysis::open_corpus;
use crossread::model::{Article, Block, BlockKind, Claim, ClaimKind, Corpus, Origin, Sentence};
use crossread::search::{self, NucleoMatcher, SearchIndex, SearchResult, Searcher, Update};
use crossread::worker::{JobContext, LatestWorker};
use proptest::prelude::*;
use std::sync::Arc;
use std::time::Duration;

fn builtin() -> SearchIndex {
    SearchIndex::build(&open_corpus(&[]).expect("built-in corpus"))
}

fn find(index: &SearchIndex, query: &str) -> Vec<SearchResult> {
    let results = search::search(index, &NucleoMatcher, query, 50);
    check_results(&results);
    results
}

/// Every result is internally consistent: scores descending, positions on
/// char boundaries inside the text.
fn check_results(results: &[SearchResult]) {
    for pair in results.windows(2) {
        assert!(pair[0].score >= pair[1].score, "rank order: {pair:?}");
    }
    for result in results {
        assert_eq!(result.end - result.start, result.text.len());
        for pair in result.positions.windows(2) {
            assert!(pair[0] < pair[1], "positions ascend: {result:?}");
        }
        for &at in &result.positions {
            assert!(
                at < result.text.len() && result.text.is_char_boundary(at),
                "{result:?}"
            );
        }
    }
}

fn matched(result: &SearchResult) -> String {
    result
        .positions
        .iter()
        .filter_map(|&at| result.text[at..].chars().next())
        .collect()
}

/// A made-up article: one title sentence, then one paragraph per sentence.
fn article(id: &str, title: &str, source: Option<&str>, sentences: &[&str]) -> Article {
    let mut body = String::new();
    let mut blocks = Vec::new();
    let mut spans = Vec::new();
    for (number, text) in std::iter::once(&title).chain(sentences).enumerate() {
        let start = body.len();
        body.push_str(text);
        let kind = if number == 0 {
            BlockKind::Title
        } else {
            BlockKind::Paragraph
        };
        blocks.push(Block {
            kind,
            start,
            end: body.len(),
        });
        spans.push(Sentence {
            start,
            end: body.len(),
            block: number,
        });
        body.push_str("\n\n");
    }
    Article {
        id: id.to_string(),
        title: title.to_string(),
        source: source.map(str::to_string),
        date: None,
        url: None,
        origin: Origin::Builtin("test"),
        body,
        blocks,
        sentences: spans,
        entities: Vec::new(),
        claims: Vec::new(),
    }
}

fn quote(article: &mut Article, sentence: usize, speaker: &str) {
    let span = article.sentences[sentence];
    article.claims.push(Claim {
        start: span.start,
        end: span.end,
        kinds: [ClaimKind::Quote, ClaimKind::Attributed]
            .into_iter()
            .collect(),
        speaker: Some(speaker.into()),
    });
}

fn corpus(articles: Vec<Article>) -> SearchIndex {
    SearchIndex::build(&Corpus {
        articles,
        warnings: Vec::new(),
    })
}

#[test]
fn typos_find_the_remembered_sentence_first() {
    let index = builtin();
    for (query, must_contain) in [
        ("witkof game chang", &["Witkoff", "game-changing"][..]),
        ("800000 troops", &["800,000", "troops"]),
        ("rubio tremendous", &["Rubio", "tremendous"]),
        ("tremendous rubio", &["Rubio", "tremendous"]),
    ] {
        let results = find(&index, query);
        let top = results
            .first()
            .unwrap_or_else(|| panic!("{query}: no result"));
        for word in must_contain {
            assert!(
                top.text.contains(word),
                "{query}: top result is {:?}",
                top.text
            );
        }
    }
}

#[test]
fn word_order_does_not_change_what_matches() {
    let index = builtin();
    let forward: Vec<_> = find(&index, "rubio tremendous")
        .into_iter()
        .map(|r| (r.article, r.start))
        .collect();
    let backward: Vec<_> = find(&index, "tremendous rubio")
        .into_iter()
        .map(|r| (r.article, r.start))
        .collect();
    let mut sorted_forward = forward.clone();
    let mut sorted_backward = backward.clone();
    sorted_forward.sort();
    sorted_backward.sort();
    assert!(!forward.is_empty());
    assert_eq!(sorted_forward, sorted_backward);
}

#[test]
fn negation_excludes_and_or_includes_either() {
    let index = builtin();
    let with = find(&index, "'tremendous");
    let without = find(&index, "'tremendous !rubio");
    assert!(!without.is_empty() && without.len() < with.len());
    assert!(
        without
            .iter()
            .all(|r| !r.text.to_lowercase().contains("rubio"))
    );

    let either = find(&index, "'witkoff | 'peskov");
    assert!(either.iter().any(|r| r.text.contains("Witkoff")));
    assert!(either.iter().any(|r| r.text.contains("Peskov")));
    assert!(
        either
            .iter()
            .all(|r| r.text.contains("Witkoff") || r.text.contains("Peskov"))
    );
}

#[test]
fn matched_chars_are_the_query_chars() {
    let index = builtin();
    let top = find(&index, "witkof game chang").remove(0);
    let chars = matched(&top).to_lowercase();
    for c in "witkofgamechang".chars() {
        assert!(chars.contains(c), "{c} in {chars}");
    }
    let top = find(&index, "800000 tro").remove(0);
    assert_eq!(matched(&top), "800000tro");
}

#[test]
fn accents_and_typographic_quotes_are_folded() {
    let index = corpus(vec![article(
        "a",
        "Talks",
        None,
        &[
            "Zelenskyy’s office met the São Paulo delegation.",
            "Nothing here.",
        ],
    )]);
    for query in [
        "Zelenskyy",
        "zelenskyys",
        "Zelenskyy's",
        "Zelenskyy’s",
        "sao paulo",
        "São",
    ] {
        let results = find(&index, query);
        assert_eq!(results.len(), 1, "{query}: {results:?}");
    }
    let top = find(&index, "'sao\\ paulo").remove(0);
    assert_eq!(
        matched(&top),
        "São Paulo",
        "positions point into the original text"
    );
}

#[test]
fn smart_case() {
    let index = corpus(vec![article(
        "a",
        "T",
        None,
        &["the US said", "us and them"],
    )]);
    assert_eq!(find(&index, "us").len(), 2);
    let upper = find(&index, "'US");
    assert_eq!(upper.len(), 1);
    assert_eq!(upper[0].text, "the US said");
}

#[test]
fn whole_words_rank_above_word_parts_above_scattered_letters() {
    let index = corpus(vec![article(
        "a",
        "Nothing",
        None,
        &[
            "c. a. t. spread about",
            "a concatenated string",
            "categories of things",
            "the cat sat",
        ],
    )]);
    let order: Vec<String> = find(&index, "cat").into_iter().map(|r| r.text).collect();
    assert_eq!(
        order,
        vec![
            "the cat sat",
            "categories of things",
            "a concatenated string",
            "c. a. t. spread about"
        ]
    );
}

#[test]
fn the_exact_phrase_comes_first_then_titles_then_article_order() {
    let index = corpus(vec![
        article(
            "a",
            "Changing the game",
            None,
            &["The game is changing fast", "a game changing move"],
        ),
        article("b", "Other", None, &["a game changing move"]),
    ]);
    let results = find(&index, "game changing");
    let order: Vec<(&str, &str)> = results
        .iter()
        .map(|r| (r.article.as_str(), r.text.as_str()))
        .collect();
    assert_eq!(
        order[..2],
        [("a", "a game changing move"), ("b", "a game changing move")],
        "exact phrase first, ties in article order"
    );
    let titles = find(&index, "changing game");
    assert_eq!(
        titles[0].text, "Changing the game",
        "a title match beats a body match"
    );
}

#[test]
fn anchors() {
    let index = corpus(vec![article(
        "a",
        "T",
        None,
        &[
            "Troops arrived on Monday.",
            "There were 800,000 troops.",
            "No soldiers",
        ],
    )]);
    assert_eq!(find(&index, "^troops")[0].text, "Troops arrived on Monday.");
    assert_eq!(find(&index, "^troops").len(), 1);
    let suffix = find(&index, "troops$");
    assert_eq!(suffix.len(), 1);
    assert_eq!(suffix[0].text, "There were 800,000 troops.");
    assert_eq!(matched(&suffix[0]), "troops");
    assert_eq!(find(&index, "^no soldiers$").len(), 1);
}

#[test]
fn scopes_narrow_by_title_source_speaker_and_quotes() {
    let mut first = article(
        "kyiv",
        "Kyiv welcomes security guarantees",
        Some("Reuters"),
        &[
            "\u{201c}Not on the table forever,\u{201d} Peskov said.",
            "Guarantees were discussed.",
            "The deal is done.",
        ],
    );
    quote(&mut first, 1, "Dmitry Peskov");
    let mut second = article(
        "moscow",
        "Moscow reacts",
        Some("Kyiv Independent"),
        &[
            "\u{201c}The deal is good,\u{201d} Rubio said.",
            "Guarantees matter.",
        ],
    );
    quote(&mut second, 1, "Marco Rubio");
    let index = corpus(vec![first, second]);

    let by_title = find(&index, "title:kyiv guarantees");
    assert!(
        !by_title.is_empty() && by_title.iter().all(|r| r.article == "kyiv"),
        "{by_title:?}"
    );
    let by_source = find(&index, "source:reuters deal");
    assert_eq!(by_source.len(), 1);
    assert_eq!(by_source[0].article, "kyiv");
    let not_source = find(&index, "!source:reuters deal");
    assert!(not_source.iter().all(|r| r.article == "moscow") && !not_source.is_empty());

    let peskov = find(&index, "speaker:peskov");
    assert_eq!(peskov.len(), 1, "{peskov:?}");
    assert!(peskov[0].text.contains("forever"));
    let quotes = find(&index, "in:quotes");
    assert_eq!(quotes.len(), 2);
    let forever = find(&index, "in:quotes forever");
    assert_eq!(forever.len(), 1);
    assert!(find(&index, "in:quotes guarantees").is_empty());
    assert_eq!(find(&index, "!in:quotes deal").len(), 1);

    let articles = find(&index, "source:kyiv");
    assert_eq!(
        articles.len(),
        1,
        "article-level scopes list each article once"
    );
    assert_eq!(articles[0].article, "moscow");
}

#[test]
fn hostile_queries_are_handled() {
    let index = builtin();
    for query in [
        "",
        "   ",
        "' ^ $ ! |",
        "|||",
        "!",
        "^$",
        "\u{1b}[2J\u{7}\u{0}",
    ] {
        assert!(find(&index, query).is_empty(), "{query:?} has no term");
    }
    for query in ["in:", "title:", "$$$$", "!!!!", "'''"] {
        find(&index, query);
    }
    let sentence = find(&index, "rubio tremendous").remove(0).text;
    let pasted = format!("{sentence} ").repeat(10_000 / sentence.len() + 1);
    let pasted: String = pasted.chars().take(10_000).collect();
    let results = find(&index, &pasted);
    assert!(
        results.iter().any(|r| r.text == sentence),
        "a pasted sentence finds itself"
    );
    assert!(find(&index, &"x".repeat(10_000)).is_empty());
    let controlled = find(&index, "rubio\u{1b}[31m\ttremendous\u{7}");
    assert!(!controlled.is_empty());
}

fn run_session(searcher: &mut Searcher, query: &str) -> Vec<Update> {
    let mut updates = Vec::new();
    searcher.run(query, |update| {
        updates.push(update);
        true
    });
    updates
}

#[test]
fn a_growing_query_refilters_and_agrees_with_a_fresh_search() {
    let index = Arc::new(builtin());
    let matcher: Arc<dyn search::Matcher> = Arc::new(NucleoMatcher);
    let mut typing = Searcher::new(Arc::clone(&index), Arc::clone(&matcher));
    let mut last = Vec::new();
    for prefix in [
        "r",
        "ru",
        "rub",
        "rubi",
        "rubio",
        "rubio ",
        "rubio t",
        "rubio tre",
    ] {
        let updates = run_session(&mut typing, prefix);
        let done = updates.last().expect("an update");
        assert!(done.complete);
        let mut fresh = Searcher::new(Arc::clone(&index), Arc::clone(&matcher));
        let expected = run_session(&mut fresh, prefix).pop().expect("an update");
        assert_eq!(done.hits, expected.hits, "{prefix}");
        if prefix.len() > 1 {
            assert!(
                done.candidates <= last.len().max(done.candidates),
                "{prefix}"
            );
            assert_eq!(
                done.candidates,
                last.len(),
                "{prefix}: searched only the previous survivors"
            );
        }
        last = done.hits.clone();
    }
}

#[test]
fn the_worker_reports_only_the_newest_query() {
    let index = Arc::new(builtin());
    let mut searcher = Searcher::new(index, Arc::new(NucleoMatcher));
    let worker = LatestWorker::spawn(
        "search",
        move |query: String, context: &JobContext<Update>| {
            searcher.run(&query, |update| context.emit(update));
        },
    )
    .expect("spawn");
    worker.submit("a".to_string());
    worker.submit("rubio".to_string());
    let mut last = None;
    while let Some(update) = worker.recv_timeout(Duration::from_secs(10)) {
        assert_eq!(update.query, "rubio");
        let complete = update.complete;
        last = Some(update);
        if complete {
            break;
        }
    }
    let last = last.expect("the newest query reports");
    assert!(last.complete && !last.hits.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_query_gives_consistent_results(query in "\\PC{0,40}|[a-z '^$!|:]{0,30}") {
        let index = corpus(vec![article(
            "a",
            "Zelenskyy’s “title”",
            Some("Outlet"),
            &["Ünïcödé text — with “quotes” and ﬁ ligatures.", "plain ascii words here", "800,000 troops"],
        )]);
        let results = search::search(&index, &NucleoMatcher, &query, 10);
        check_results(&results);
    }
}
