//! Entity and claim quality of the built-in corpus and the annotated Reuters
//! files against the hand annotations in tests/annotations/ (scoring in
//! tests/scoring/mod.rs).
//!
//! `QUALITY_VERBOSE=1 cargo test --test quality -- --nocapture` lists every miss.

mod scoring;

use crossread::analysis::analyze_report;
use crossread::load::{LoadReport, builtin, load_paths};
use scoring::{Scores, annotations_dir, evaluate, load_annotations, names_match, normalise, ratio};
use serde::Deserialize;
use std::path::{Path, PathBuf};

fn assert_floors(scores: &Scores, name: &str) {
    let report = scores.report(name);
    assert!(scores.f1() >= 0.93, "entity F1 below 0.93: {report}");
    assert!(
        ratio(scores.type_right, scores.entity_true) >= 0.95,
        "type accuracy below 0.95: {report}"
    );
    assert!(
        ratio(scores.claims_recalled, scores.claims_gold) >= 0.9,
        "claim recall below 0.9: {report}"
    );
    assert!(
        ratio(scores.non_claims_rejected, scores.non_claims) >= 0.9,
        "non-claims below 0.9: {report}"
    );
    assert!(
        ratio(scores.speakers_right, scores.claims_recalled) >= 0.85,
        "speakers below 0.85: {report}"
    );
}

#[test]
fn seed_articles_meet_the_quality_floors() {
    let corpus = analyze_report(LoadReport {
        documents: builtin(),
        warnings: Vec::new(),
    });
    let annotations = load_annotations(&annotations_dir("seeds"));
    assert_eq!(annotations.len(), 5, "every built-in article is annotated");
    let scores = evaluate(&corpus, &annotations, "seeds");
    assert_floors(&scores, "seeds");
    // The built-in corpus holds the higher floors of issue 9.
    let report = scores.report("seeds");
    assert!(scores.f1() >= 0.97, "seeds entity F1 below 0.97: {report}");
    assert!(
        scores.speakers() >= 0.90,
        "seeds speakers below 0.90: {report}"
    );
    // Hedged claims (session 12: precision 0.800 -> 0.903, recall 1.000):
    // the stance attribution and hedging shifts are read from.
    assert!(
        scores.hedged_precision() >= 0.90 && scores.hedged_recall() >= 0.95,
        "seeds hedged claims fell: {report}"
    );
}

/// The generated Reuters corpus (`../shared/tools/reuters-to-corpus`), made on
/// first use under target/; None when ../shared is absent (a user's clone).
fn reuters_dir() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tool = root.join("../shared/tools/reuters-to-corpus");
    let out = root.join("target/reuters");
    if out.join("reuters-000001.txt").exists() {
        return Some(out);
    }
    if !tool.exists() {
        return None;
    }
    let status = std::process::Command::new(&tool).arg(&out).status().ok()?;
    status.success().then_some(out)
}

#[test]
fn reuters_articles_meet_the_quality_floors() {
    let Some(dir) = reuters_dir() else {
        eprintln!(
            "skipped: ../shared/tools/reuters-to-corpus is absent, Reuters annotations not scored"
        );
        return;
    };
    let annotations = load_annotations(&annotations_dir("reuters"));
    assert!(
        annotations.len() >= 10,
        "at least ten Reuters articles are annotated"
    );
    let paths: Vec<PathBuf> = annotations
        .iter()
        .map(|gold| dir.join(&gold.article))
        .collect();
    let corpus = analyze_report(load_paths(&paths));
    let scores = evaluate(&corpus, &annotations, "reuters");
    assert_floors(&scores, "reuters");
}

#[derive(Deserialize)]
struct SpeakerSample {
    claims: Vec<SampledClaim>,
}

#[derive(Deserialize)]
struct SampledClaim {
    article: String,
    text: String,
    speaker: Option<String>,
}

/// Scores a Reuters sample judged for speakers only (a TOML of
/// tests/annotations/): the share of its claims whose found speaker is the
/// judged one. None when ../shared is absent.
fn speaker_sample_score(file: &str) -> Option<(usize, usize)> {
    let Some(dir) = reuters_dir() else {
        eprintln!("skipped: ../shared/tools/reuters-to-corpus is absent, {file} is not scored");
        return None;
    };
    let path = annotations_dir(file);
    let text = std::fs::read_to_string(&path).expect("the speaker sample");
    let sample: SpeakerSample = toml::from_str(&text).expect("the speaker sample parses");
    let mut files: Vec<&str> = sample.claims.iter().map(|c| c.article.as_str()).collect();
    files.sort_unstable();
    files.dedup();
    let paths: Vec<PathBuf> = files.iter().map(|file| dir.join(file)).collect();
    let corpus = analyze_report(load_paths(&paths));
    let mut right = 0;
    let mut misses = Vec::new();
    for gold in &sample.claims {
        let article = corpus
            .articles
            .iter()
            .find(|article| match &article.origin {
                crossread::model::Origin::File(path) => path
                    .file_name()
                    .is_some_and(|name| name == gold.article.as_str()),
                _ => false,
            })
            .unwrap_or_else(|| panic!("{} is not in the corpus", gold.article));
        let snippet = normalise(&gold.text);
        let found = article
            .claims
            .iter()
            .find(|claim| normalise(&article.body[claim.start..claim.end]).contains(&snippet));
        let found_speaker = found.and_then(|claim| claim.speaker.as_deref());
        let ok = match (gold.speaker.as_deref(), found_speaker) {
            (None, None) => found.is_some(),
            (Some(gold), Some(found)) => names_match(gold, found),
            _ => false,
        };
        if ok {
            right += 1;
        } else {
            misses.push(format!(
                "{}: speaker {:?}, expected {:?}{}: {snippet}",
                gold.article,
                found_speaker,
                gold.speaker,
                if found.is_none() { " (no claim)" } else { "" }
            ));
        }
    }
    let total = sample.claims.len();
    println!(
        "{file}: speakers right {:.3} ({right}/{total})",
        ratio(right, total)
    );
    if scoring::verbose() {
        for miss in &misses {
            println!("  {miss}");
        }
    }
    assert!(total >= 80, "at least 80 claims are judged in {file}");
    Some((right, total))
}

/// A second Reuters sample, judged for speakers only
/// (tests/annotations/reuters_speakers_sample.toml): real wire copy the rules
/// were not written on: 0.789 (71/90) when judged, 0.900 after session 10;
/// its floor is 0.88.
#[test]
fn reuters_speaker_sample() {
    assert_speaker_sample("reuters_speakers_sample.toml", 0.88);
}

/// A further Reuters sample drawn apart from the first and from the annotated
/// files (tests/annotations/reuters_speakers_sample2.toml), judged before the
/// session-11 rules: the held-out measure of the speaker rules, 0.833
/// (75/90) when judged, 0.933 (84/90) after session 11; its floor is that
/// figure, 0.93 (issue 9's floor for speakers is 0.90).
#[test]
fn reuters_speaker_sample2() {
    assert_speaker_sample("reuters_speakers_sample2.toml", 0.93);
}

/// Scores a speaker sample (skipped with a message where the Reuters corpus
/// cannot be made) and holds it to `floor`.
fn assert_speaker_sample(file: &str, floor: f64) {
    let Some((right, total)) = speaker_sample_score(file) else {
        return;
    };
    let share = ratio(right, total);
    assert!(
        share >= floor,
        "{file}: speakers right {share:.3}, below {floor}"
    );
}

#[derive(Deserialize)]
struct InventedSample {
    claims: Vec<InventedClaim>,
}

#[derive(Deserialize)]
struct InventedClaim {
    article: String,
    text: String,
    speaker: Option<String>,
    #[serde(default)]
    also: Vec<String>,
}

/// The share of speakers right before any session-12 rule: the honest
/// measure of how the rules of sessions 1-11 carry to styles they were not
/// written on.
const INVENTED_BEFORE: (usize, usize) = (99, 125);

/// The figure reached in session 14, 0.968 (121/125), to two places
/// (0.944 in session 12).
const INVENTED_FLOOR: f64 = 0.96;

/// Eight invented articles in modern web-news styles the wire samples lack
/// (tests/fixtures/invented_speakers/: a live blog, election night, a
/// broadcast interview, posts on social media, a press conference, a
/// courtroom, analysts and think tanks, party spokespeople), each claim's
/// speaker written down before crossread was run on them.
#[test]
fn invented_speakers() {
    assert_invented_speakers(
        "invented_speakers",
        "session 12",
        INVENTED_BEFORE,
        INVENTED_FLOOR,
    );
}

/// The share of speakers right on the second invented set when it was first
/// run, before any rule written for it.
const INVENTED2_BEFORE: (usize, usize) = (130, 152);

/// Session 15 tuned rules on this set's misses (0.855 -> 0.967): from then on
/// it guards those rules, and the first figure above is the held-out one.
const INVENTED2_FLOOR: f64 = 0.96;

/// Ten more invented articles, in styles neither the wire samples nor the
/// first set have (tests/fixtures/invented_speakers2/: a match report, an
/// earnings call, a science study, a police statement, diplomacy through
/// state media, a parliamentary debate, a product launch on a blog,
/// tributes, a council meeting, a storm bulletin), written with their
/// expected speakers in session 14 before crossread was run on them.
#[test]
fn invented_speakers2() {
    assert_invented_speakers(
        "invented_speakers2",
        "session 14",
        INVENTED2_BEFORE,
        INVENTED2_FLOOR,
    );
}

/// The share of speakers right on the third invented set when it was first
/// run, with the rules of session 15, before any rule written for it.
const INVENTED3_BEFORE: (usize, usize) = (137, 165);

/// Sessions 15 and 16 then tuned rules on this set's misses (0.830 ->
/// 0.897 -> 0.921): from then on it guards those rules, and the first
/// figure above is the held-out one.
const INVENTED3_FLOOR: f64 = 0.92;

/// Ten more invented articles (tests/fixtures/invented_speakers3/: a court
/// sentencing, a central bank's rate decision, a wire report of a conflict,
/// an interview, a product recall, a strike, a celebrity story from social
/// media, an election rally, a drug trial at a conference, a wildfire's
/// aftermath), written with their expected speakers in session 15 before
/// crossread was run on them.
#[test]
fn invented_speakers3() {
    assert_invented_speakers(
        "invented_speakers3",
        "session 15",
        INVENTED3_BEFORE,
        INVENTED3_FLOOR,
    );
}

/// Scores `tests/fixtures/{fixture}/` against its `expected.toml`: the share
/// right, against `before` (right, total, as first measured in `when`) and
/// `floor`.
fn assert_invented_speakers(fixture: &str, when: &str, before: (usize, usize), floor: f64) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(fixture);
    let text = std::fs::read_to_string(dir.join("expected.toml")).expect("expected.toml");
    let sample: InventedSample = toml::from_str(&text).expect("expected.toml parses");
    let mut files: Vec<&str> = sample.claims.iter().map(|c| c.article.as_str()).collect();
    files.sort_unstable();
    files.dedup();
    let paths: Vec<PathBuf> = files.iter().map(|file| dir.join(file)).collect();
    let corpus = analyze_report(load_paths(&paths));
    let mut right = 0;
    let mut misses = Vec::new();
    for gold in &sample.claims {
        let article = corpus
            .articles
            .iter()
            .find(|article| match &article.origin {
                crossread::model::Origin::File(path) => path
                    .file_name()
                    .is_some_and(|name| name == gold.article.as_str()),
                _ => false,
            })
            .unwrap_or_else(|| panic!("{} is not in the corpus", gold.article));
        let snippet = normalise(&gold.text);
        let found = article
            .claims
            .iter()
            .find(|claim| normalise(&article.body[claim.start..claim.end]).contains(&snippet));
        let found_speaker = found.and_then(|claim| claim.speaker.as_deref());
        let ok = match (gold.speaker.as_deref(), found_speaker) {
            (None, None) => found.is_some(),
            (Some(expected), Some(found)) => {
                names_match(expected, found)
                    || gold.also.iter().any(|name| names_match(name, found))
            }
            _ => false,
        };
        if ok {
            right += 1;
        } else {
            misses.push(format!(
                "{}: speaker {:?}, expected {:?}{}: {snippet}",
                gold.article,
                found_speaker,
                gold.speaker,
                if found.is_none() { " (no claim)" } else { "" }
            ));
        }
    }
    let total = sample.claims.len();
    let share = ratio(right, total);
    println!(
        "{fixture}: BEFORE {when} {:.3} ({}/{}), now {share:.3} ({right}/{total})",
        ratio(before.0, before.1),
        before.0,
        before.1,
    );
    if scoring::verbose() {
        for miss in &misses {
            println!("  {miss}");
        }
    }
    assert_eq!(total, before.1, "the fixture's claims are fixed");
    assert!(
        share >= floor,
        "{fixture}: speakers right {share:.3}, below {floor}"
    );
}
