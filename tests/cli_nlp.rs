//! `crossread entities`, `crossread claims` and the entity/claim part of
//! `analyze --json`, through the real binary on the built-in corpus.

use serde_json::Value;
use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_crossread"))
        // Commands that only read never create it: no library, as on a fresh machine.
        .env(
            "CROSSREAD_DATA_DIR",
            std::env::temp_dir().join("crossread-tests-no-library"),
        )
        .args(args)
        .output()
        .expect("the binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

fn json(args: &[&str]) -> Value {
    let (code, stdout) = run(args);
    assert_eq!(code, 0, "{args:?}");
    serde_json::from_str(&stdout).expect("stdout is only JSON")
}

#[test]
fn entity_index_links_variants_across_articles() {
    let index = json(&["entities", "--json"]);
    let entries = index["entities"].as_array().expect("entities list");
    let find = |name: &str| {
        entries
            .iter()
            .find(|entry| entry["canonical"] == name)
            .unwrap_or_else(|| panic!("{name} in the index"))
    };
    let zelenskyy = find("Volodymyr Zelenskyy");
    assert_eq!(zelenskyy["type"], "person");
    assert!(zelenskyy["mentions"].as_array().map_or(0, Vec::len) >= 4);
    let variants: Vec<&str> = zelenskyy["variants"]
        .as_array()
        .expect("variants")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(variants.contains(&"Zelenskyy") && variants.contains(&"Volodymyr Zelenskyy"));
    let united_states = find("United States");
    assert_eq!(united_states["type"], "place");
    let variants = united_states["variants"].as_array().expect("variants");
    for spelling in ["US", "U.S.", "United States"] {
        assert!(variants.iter().any(|v| v == spelling), "{spelling}");
    }
}

#[test]
fn claims_filter_by_speaker_kind_and_article() {
    let all = json(&["claims", "--json"]);
    let all = all["claims"].as_array().expect("claims").len();
    let by_speaker = json(&["claims", "--json", "--speaker", "zelensky"]);
    let by_speaker = by_speaker["claims"].as_array().expect("claims");
    assert!(!by_speaker.is_empty() && by_speaker.len() < all);
    assert!(
        by_speaker
            .iter()
            .all(|c| c["speaker"] == "Volodymyr Zelenskyy")
    );
    let stats = json(&["claims", "--json", "--kind", "statistic"]);
    let stats = stats["claims"].as_array().expect("claims");
    assert!(!stats.is_empty());
    assert!(stats.iter().all(|c| {
        c["kinds"]
            .as_array()
            .expect("kinds")
            .contains(&Value::from("statistic"))
    }));
    let one = json(&[
        "claims",
        "--json",
        "--article",
        "us-agrees-security-guarantees",
    ]);
    let one = one["claims"].as_array().expect("claims");
    assert!(
        !one.is_empty()
            && one
                .iter()
                .all(|c| c["article"] == "us-agrees-security-guarantees")
    );
}

#[test]
fn bad_filters_exit_with_usage_or_failure() {
    assert_eq!(run(&["claims", "--kind", "rumour"]).0, 2);
    assert_eq!(run(&["claims", "--article", "no-such-article"]).0, 1);
}

#[test]
fn analyze_json_spans_point_into_the_body() {
    let analysis = json(&["analyze", "--json"]);
    for article in analysis["articles"].as_array().expect("articles") {
        let body = article["body"].as_str().expect("body").as_bytes();
        let entities = article["entities"].as_array().expect("entities");
        let claims = article["claims"].as_array().expect("claims");
        assert!(
            !entities.is_empty() && !claims.is_empty(),
            "{}",
            article["id"]
        );
        for item in entities.iter().chain(claims) {
            let (start, end) = (
                item["start"].as_u64().expect("start") as usize,
                item["end"].as_u64().expect("end") as usize,
            );
            assert_eq!(
                std::str::from_utf8(&body[start..end]).expect("char boundaries"),
                item["text"].as_str().expect("text")
            );
        }
    }
}
