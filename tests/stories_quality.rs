//! Entities, speakers and cross-source linking on real coverage: the three
//! stories of ../shared/datasets/stories, ten outlets each, against the hand
//! annotations in tests/annotations/stories/ (written before any tuning).
//! Each story is analysed as its own corpus, as a user comparing its outlets
//! would open it. `uk-election-2024` is held out: its figures are printed
//! and floored apart from the two stories the rules were tuned on.
//!
//! `QUALITY_VERBOSE=1 cargo test --test stories_quality -- --nocapture` lists
//! every miss.

mod scoring;

use crossread::analysis::analyze_report;
use crossread::load::load_paths;
use scoring::{
    Annotation, CrossSource, Scores, annotations_dir, cross_source, load_annotations, score,
};
use std::path::{Path, PathBuf};

const TUNED: [&str; 2] = ["bankman-fried-verdict-2023", "myanmar-earthquake-2025"];
const HELD_OUT: [&str; 1] = ["uk-election-2024"];

fn stories_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets/stories")
}

fn score_stories(stories: &[&str]) -> (Scores, CrossSource) {
    let mut scores = Scores::default();
    let mut linking = CrossSource::default();
    for story in stories {
        let annotations = load_annotations(&annotations_dir(&format!("stories/{story}")));
        assert_eq!(annotations.len(), 10, "{story}: every outlet is annotated");
        let (story_scores, story_linking) =
            score_story(story, &annotations, &stories_dir().join(story));
        scores.add(story_scores);
        linking.add(story_linking);
    }
    (scores, linking)
}

/// One story analysed as its own corpus: the annotated articles of `dir`.
fn score_story(story: &str, annotations: &[Annotation], dir: &Path) -> (Scores, CrossSource) {
    let paths: Vec<PathBuf> = annotations
        .iter()
        .map(|gold| dir.join(format!("{}.txt", gold.article)))
        .collect();
    let corpus = analyze_report(load_paths(&paths));
    let mut scores = Scores::default();
    for gold in annotations {
        scores.add(score(scoring::find_article(&corpus, gold), gold));
    }
    let linking = cross_source(&corpus, annotations);
    println!("{}", scores.report(story));
    println!("{}", linking.report(story));
    if scoring::verbose() {
        for miss in scores.misses.iter().chain(&linking.misses) {
            println!("  {miss}");
        }
    }
    (scores, linking)
}

struct Floors {
    f1: f64,
    speakers: f64,
    linking: f64,
    wrongly_merged: usize,
}

fn assert_floors(name: &str, scores: &Scores, linking: &CrossSource, floors: &Floors) {
    let report = format!("{}; {}", scores.report(name), linking.report(name));
    println!("{report}");
    assert!(
        scores.f1() >= floors.f1,
        "entity F1 below {}: {report}",
        floors.f1
    );
    assert!(
        scores.speakers() >= floors.speakers,
        "speakers below {}: {report}",
        floors.speakers
    );
    assert!(
        linking.linking() >= floors.linking,
        "cross-source linking below {}: {report}",
        floors.linking
    );
    assert!(
        linking.wrongly_merged.len() <= floors.wrongly_merged,
        "more than {} entities wrongly merged: {report}",
        floors.wrongly_merged
    );
}

fn stories_present(test: &str) -> bool {
    let present = stories_dir().join(HELD_OUT[0]).is_dir();
    if !present {
        eprintln!(
            "{test}: SKIPPED — {} is absent, the stories are not scored",
            stories_dir().display()
        );
    }
    present
}

/// Issue 9's floors: entity F1 0.93, speakers 0.90, cross-source pairs
/// linked 0.90 and nothing wrongly merged. The tuned stories meet them
/// (see docs/QUALITY.md).
const ISSUE_FLOORS: Floors = Floors {
    f1: 0.93,
    speakers: 0.90,
    linking: 0.90,
    wrongly_merged: 0,
};

/// What the tuned stories reach (entity F1 0.979, speakers 0.970, pairs
/// linked 0.977): a guard against regressions above the floors.
const TUNED_REACHED: Floors = Floors {
    f1: 0.97,
    speakers: 0.96,
    linking: 0.97,
    wrongly_merged: 0,
};

#[test]
fn tuned_stories_keep_the_figures_reached() {
    if !stories_present("tuned_stories_keep_the_figures_reached") {
        return;
    }
    let (scores, linking) = score_stories(&TUNED);
    assert_floors("tuned", &scores, &linking, &ISSUE_FLOORS);
    assert_floors("tuned", &scores, &linking, &TUNED_REACHED);
    // Hedged claims, the stance attribution and hedging shifts are read
    // from (session 12: precision 0.267 -> 0.688, recall 0.571 -> 0.786).
    assert!(
        scores.hedged_precision() >= 0.65 && scores.hedged_recall() >= 0.75,
        "tuned hedged claims fell: {}",
        scores.report("tuned")
    );
}

/// The held-out story does not reach the issue's floors yet (see
/// docs/QUALITY.md): these are the figures reached (entity F1 0.898,
/// speakers 0.753, pairs linked 0.879), a guard against regressions, not
/// the target.
const HELD_OUT_REACHED: Floors = Floors {
    f1: 0.89,
    speakers: 0.75,
    linking: 0.875,
    wrongly_merged: 0,
};

#[test]
fn held_out_story_keeps_the_figures_reached() {
    if !stories_present("held_out_story_keeps_the_figures_reached") {
        return;
    }
    let (scores, linking) = score_stories(&HELD_OUT);
    assert_floors("held out", &scores, &linking, &HELD_OUT_REACHED);
}

/// The invented web pages of tests/fixtures/invented_web/ (two stories, five
/// outlets each, page furniture included), annotated by a helper in session
/// 16 before crossread ever ran on them. Each story is its own corpus.
fn score_invented_web(story: &str) -> (Scores, CrossSource) {
    let annotations: Vec<Annotation> = load_annotations(&annotations_dir("invented_web"))
        .into_iter()
        .filter(|gold| gold.article.starts_with(&format!("{story}-")))
        .collect();
    assert_eq!(annotations.len(), 5, "{story}: every outlet is annotated");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invented_web");
    score_story(&format!("invented web {story}"), &annotations, &dir)
}

/// The invented web story of an election, tuned on from session 16.
#[test]
fn invented_web_election_keeps_the_figures_reached() {
    let (scores, linking) = score_invented_web("election");
    assert_floors(
        "invented web election",
        &scores,
        &linking,
        &INVENTED_WEB_ELECTION_REACHED,
    );
}

/// The invented web story of an air crash: held out, its misses never read
/// while tuning; only its figures are.
#[test]
fn invented_web_crash_keeps_the_figures_reached() {
    let (scores, linking) = score_invented_web("crash");
    assert_floors(
        "invented web crash",
        &scores,
        &linking,
        &INVENTED_WEB_CRASH_REACHED,
    );
}

/// First run, with the rules of session 15 and before any rule written for
/// this set: entity F1 0.850, speakers 0.858 (97/113), pairs linked 0.682
/// (101/148). Tuned on in session 16 to F1 0.929, speakers 0.929 (105/113),
/// pairs linked 0.804 (119/148): the floors guard that.
const INVENTED_WEB_ELECTION_REACHED: Floors = Floors {
    f1: 0.92,
    speakers: 0.92,
    linking: 0.80,
    wrongly_merged: 0,
};

/// First run, with the rules of session 15: entity F1 0.854, speakers 0.840
/// (110/131), pairs linked 0.808 (59/73); after session 16's rules F1 0.850,
/// speakers 0.847, pairs linked 0.808.
const INVENTED_WEB_CRASH_REACHED: Floors = Floors {
    f1: 0.85,
    speakers: 0.835,
    linking: 0.80,
    wrongly_merged: 0,
};
