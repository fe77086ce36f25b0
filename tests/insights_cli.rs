//! `crossread insights` as a newsroom script runs it: the JSON contract,
//! the kind filter, and offsets that point into the article bodies.

use serde_json::Value;
use std::process::{Command, Output};

fn crossread(args: &[&str], home: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crossread"))
        .env("CROSSREAD_DATA_DIR", home.join("no-library"))
        .env("XDG_CONFIG_HOME", home)
        .env("HOME", home)
        .args(args)
        .output()
        .expect("run crossread")
}

fn json(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

/// Two invented reports of one flood that give different tolls.
fn flood_corpus(dir: &std::path::Path) {
    let write = |name: &str, source: &str, toll: &str| {
        let text = format!(
            "---\ntitle: Flood in the northern valley\nsource: {source}\ndate: 2031-05-05\n---\n\
             The flood in the northern valley killed {toll} people on Monday, officials said.\n\n\
             Rescue teams from three provinces searched the riverbanks through the night.\n"
        );
        std::fs::write(dir.join(name), text).expect("write article");
    };
    write("first.txt", "First Outlet", "140");
    write("second.txt", "Second Outlet", "41");
}

#[test]
fn the_json_contract_holds_on_the_built_in_corpus() {
    let home = tempfile::tempdir().expect("temp dir");
    let insights = json(&crossread(&["insights", "--json"], home.path()));
    for key in [
        "sources",
        "clusters",
        "discrepancies",
        "shifts",
        "silences",
        "quotes",
    ] {
        assert!(insights.get(key).is_some(), "{key} missing: {insights}");
    }
    assert_eq!(insights["sources"], 5);
    let cluster = &insights["clusters"][0];
    for key in [
        "fact",
        "sources",
        "of",
        "articles",
        "contradicted",
        "sentences",
    ] {
        assert!(
            cluster.get(key).is_some(),
            "cluster.{key} missing: {cluster}"
        );
    }
}

#[test]
fn a_figure_two_sources_give_differently_is_a_discrepancy_with_exact_offsets() {
    let home = tempfile::tempdir().expect("temp dir");
    let corpus = tempfile::tempdir().expect("temp dir");
    flood_corpus(corpus.path());
    let path = corpus.path().to_str().expect("utf-8 path");
    let insights = json(&crossread(
        &["--corpus", path, "insights", "--json"],
        home.path(),
    ));
    let discrepancies = insights["discrepancies"].as_array().expect("a list");
    let number = discrepancies
        .iter()
        .find(|d| d["kind"] == "number")
        .unwrap_or_else(|| panic!("a number discrepancy: {insights}"));
    let analysis = json(&crossread(
        &["--corpus", path, "analyze", "--json"],
        home.path(),
    ));
    let body_of = |id: &str| -> String {
        analysis["articles"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["id"] == id))
            .and_then(|a| a["body"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    let mut values = Vec::new();
    for side in number["sides"].as_array().expect("sides") {
        let body = body_of(side["article"].as_str().unwrap_or_default());
        let at = |key: &str| side[key].as_u64().unwrap_or(u64::MAX) as usize;
        assert_eq!(body.get(at("start")..at("end")), side["text"].as_str());
        assert_eq!(
            body.get(at("value_start")..at("value_end")),
            side["value"].as_str()
        );
        values.push(side["value"].as_str().unwrap_or_default().to_string());
    }
    values.sort();
    assert_eq!(values, vec!["140".to_string(), "41".to_string()]);
    assert!(
        number["confidence"]
            .as_f64()
            .is_some_and(|c| c > 0.0 && c <= 1.0)
    );

    let quotes_only = json(&crossread(
        &["--corpus", path, "insights", "--json", "--kind", "quote"],
        home.path(),
    ));
    assert_eq!(
        quotes_only["discrepancies"].as_array().map(Vec::len),
        Some(0)
    );
    let numbers_only = json(&crossread(
        &["--corpus", path, "insights", "--json", "--kind", "number"],
        home.path(),
    ));
    assert_eq!(
        numbers_only["discrepancies"].as_array().map(Vec::len),
        Some(1)
    );
    assert_eq!(numbers_only["shifts"].as_array().map(Vec::len), Some(0));
}

#[test]
fn an_unknown_kind_is_refused_with_the_kinds_named() {
    let home = tempfile::tempdir().expect("temp dir");
    let output = crossread(&["insights", "--kind", "rumour"], home.path());
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("number") && message.contains("quote"),
        "{message}"
    );
}
