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
use scoring::{CrossSource, Scores, annotations_dir, cross_source, load_annotations, score};
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
        let paths: Vec<PathBuf> = annotations
            .iter()
            .map(|gold| {
                stories_dir()
                    .join(story)
                    .join(format!("{}.txt", gold.article))
            })
            .collect();
        let corpus = analyze_report(load_paths(&paths));
        let mut story_scores = Scores::default();
        for gold in &annotations {
            story_scores.add(score(scoring::find_article(&corpus, gold), gold));
        }
        let story_linking = cross_source(&corpus, &annotations);
        println!("{}", story_scores.report(story));
        println!("{}", story_linking.report(story));
        if scoring::verbose() {
            for miss in story_scores.misses.iter().chain(&story_linking.misses) {
                println!("  {miss}");
            }
        }
        scores.add(story_scores);
        linking.add(story_linking);
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
