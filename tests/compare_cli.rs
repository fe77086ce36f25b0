//! `crossread topics` and `crossread compare` as a user runs them.

use serde_json::Value;
use std::process::{Command, Output};

fn crossread(args: &[&str], config_home: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crossread"))
        // Commands that only read never create it: no library, as on a fresh machine.
        .env(
            "CROSSREAD_DATA_DIR",
            std::env::temp_dir().join("crossread-tests-no-library"),
        )
        .args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .env("HOME", config_home)
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

/// Each built-in article's body by id, as `analyze --json` gives them.
fn bodies(config_home: &std::path::Path) -> std::collections::HashMap<String, String> {
    let analysis = json(&crossread(&["analyze", "--json"], config_home));
    analysis["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap_or("").to_string(),
                a["body"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn compare_json_follows_the_contract() {
    let home = tempfile::tempdir().expect("tempdir");
    let bodies = bodies(home.path());
    let value = json(&crossread(
        &["compare", "security-guarantees", "--json"],
        home.path(),
    ));
    assert_eq!(value["topic"]["id"], "security-guarantees");
    assert_eq!(value["topic"]["label"], "Security guarantees");
    assert_eq!(
        value["sources"].as_array().map(Vec::len),
        Some(bodies.len())
    );
    let rows = value["rows"].as_array().expect("rows");
    assert!(!rows.is_empty());
    let mut seen: std::collections::HashMap<(String, usize), usize> = Default::default();
    let facts: std::collections::HashSet<&str> =
        rows.iter().filter_map(|r| r["fact"].as_str()).collect();
    assert_eq!(facts.len(), rows.len(), "one fact per row");
    for row in rows {
        let cells = row["cells"].as_array().expect("cells");
        let silent = row["silent"].as_array().expect("silent");
        assert_eq!(
            cells.len() + silent.len(),
            bodies.len(),
            "every source carries or is silent"
        );
        assert_eq!(row["sources_count"].as_u64(), Some(cells.len() as u64));
        assert!(row["score"].as_f64().is_some());
        for cell in cells {
            let id = cell["article"].as_str().expect("article id");
            let body = &bodies[id];
            for sentence in cell["sentences"].as_array().expect("sentences") {
                let start = sentence["start"].as_u64().expect("start") as usize;
                let end = sentence["end"].as_u64().expect("end") as usize;
                assert_eq!(body.get(start..end), sentence["text"].as_str());
                let rows = seen.entry((id.to_string(), start)).or_default();
                *rows += 1;
                assert!(*rows <= 2, "a sentence on more rows than facts it reports");
            }
            for other in cell["also_in"].as_array().expect("also_in") {
                assert!(facts.contains(other.as_str().expect("a fact id")));
            }
        }
    }
}

#[test]
fn sources_choose_and_order_the_columns() {
    let home = tempfile::tempdir().expect("tempdir");
    let list = json(&crossread(&["list", "--json"], home.path()));
    let ids: Vec<&str> = list["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    let chosen = format!("{},{}", ids[2], ids[0]);
    let value = json(&crossread(
        &["compare", "territory", "--sources", &chosen, "--json"],
        home.path(),
    ));
    assert_eq!(value["sources"], serde_json::json!([ids[2], ids[0]]));
    for row in value["rows"].as_array().expect("rows") {
        for cell in row["cells"].as_array().expect("cells") {
            assert!([ids[0], ids[2]].contains(&cell["article"].as_str().unwrap_or("")));
        }
    }
    let unknown = crossread(
        &["compare", "territory", "--sources", "no-such-article"],
        home.path(),
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no-such-article"));
}

#[test]
fn markdown_is_a_pasteable_table() {
    let home = tempfile::tempdir().expect("tempdir");
    let output = crossread(&["compare", "territory", "--markdown"], home.path());
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    let table: Vec<&str> = text.lines().filter(|l| l.starts_with('|')).collect();
    assert!(table.len() > 2);
    let columns = table[0].matches(" | ").count();
    assert!(table[1].starts_with("|---|"));
    for line in &table[2..] {
        // Escaped pipes inside cells do not add columns.
        assert_eq!(
            line.replace("\\|", "").matches(" | ").count(),
            columns,
            "{line}"
        );
    }
    assert!(text.contains("—"), "a silent source shows a dash");
    assert!(text.contains("**"), "differing words are bold");
    let json = json(&crossread(&["compare", "territory", "--json"], home.path()));
    let several = json["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .flat_map(|row| row["cells"].as_array().expect("cells"))
        .any(|cell| cell["sentences"].as_array().is_some_and(|s| s.len() > 1));
    assert_eq!(
        text.contains("<br>"),
        several,
        "sentences of one cell are separated by line breaks"
    );
}

#[test]
fn free_text_is_an_ad_hoc_topic() {
    let home = tempfile::tempdir().expect("tempdir");
    let value = json(&crossread(
        &["compare", "prisoner exchanges", "--json"],
        home.path(),
    ));
    assert_eq!(value["topic"]["id"], "prisoner-exchanges");
    let texts: Vec<&str> = value["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .flat_map(|r| r["cells"].as_array().into_iter().flatten())
        .flat_map(|c| c["sentences"].as_array().into_iter().flatten())
        .filter_map(|s| s["text"].as_str())
        .collect();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].contains("prisoner exchanges"));
}

#[test]
fn topics_lists_counts_and_config_topics() {
    let home = tempfile::tempdir().expect("tempdir");
    let config_dir = home.path().join("crossread");
    std::fs::create_dir_all(&config_dir).expect("config dir");
    std::fs::write(
        config_dir.join("config.toml"),
        "[[topic]]\nid = \"drones\"\nlabel = \"Drone war\"\nterms = { drone = 3.0 }\n",
    )
    .expect("write config");
    let value = json(&crossread(&["topics", "--json"], home.path()));
    let topics = value["topics"].as_array().expect("topics");
    assert!(topics.len() >= 9);
    let drones = topics
        .iter()
        .find(|t| t["id"] == "drones")
        .expect("config topic listed");
    assert_eq!(drones["origin"], "config");
    assert!(drones["total"].as_u64().is_some_and(|n| n >= 1));
    let guarantees = topics
        .iter()
        .find(|t| t["id"] == "security-guarantees")
        .expect("built-in topic");
    let counts = guarantees["sentences"].as_array().expect("per source");
    assert_eq!(
        counts.len(),
        value["sources"].as_array().map_or(0, Vec::len)
    );
    assert!(
        counts
            .iter()
            .all(|c| c["count"].as_u64().is_some_and(|n| n > 0))
    );

    std::fs::write(config_dir.join("config.toml"), "[[topic]\nbroken").expect("write config");
    let output = crossread(&["topics"], home.path());
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("warning"));
}

/// A folder of `n` short invented reports, each on the built-in
/// security-guarantees topic and each a little different.
fn generated_corpus(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..n {
        let text = format!(
            "Officials of the Varnel council said on Monday that security guarantees \
             for the region had been agreed with {} delegates present.\n\n\
             Talks on a ceasefire will continue next week, report {i} added.\n",
            i % 97 + 3
        );
        std::fs::write(dir.path().join(format!("report-{i:04}.txt")), text).expect("write");
    }
    dir
}

/// `compare security-guarantees --markdown` over [`generated_corpus`]`(n)`:
/// the config home, the corpus folder and the output.
fn generated_markdown(n: usize) -> (tempfile::TempDir, tempfile::TempDir, String) {
    let home = tempfile::tempdir().expect("tempdir");
    let corpus = generated_corpus(n);
    let path = corpus.path().to_str().expect("utf-8");
    let output = crossread(
        &[
            "--corpus",
            path,
            "compare",
            "security-guarantees",
            "--markdown",
        ],
        home.path(),
    );
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    (home, corpus, text)
}

#[test]
fn topics_json_names_origins_and_lists_empty_topics_last() {
    let home = tempfile::tempdir().expect("tempdir");
    let corpus = generated_corpus(3);
    let path = corpus.path().to_str().expect("utf-8");
    let value = json(&crossread(
        &["--corpus", path, "topics", "--json"],
        home.path(),
    ));
    let topics = value["topics"].as_array().expect("topics");
    assert!(
        topics
            .iter()
            .all(|t| t["origin"] == "built-in" || t["origin"] == "found"),
        "{value}"
    );
    assert!(topics.iter().any(|t| t["origin"] == "found"), "{value}");
    let empty: Vec<bool> = topics
        .iter()
        .map(|t| t["empty"].as_bool().expect("empty flag"))
        .collect();
    assert!(empty.contains(&true) && empty.contains(&false), "{empty:?}");
    assert!(
        empty.windows(2).all(|pair| pair[0] <= pair[1]),
        "empty topics come last: {empty:?}"
    );
    for topic in topics {
        assert_eq!(topic["empty"], topic["total"] == 0, "{topic}");
    }
}

#[test]
fn topics_stays_one_short_line_per_topic_over_2000_sources() {
    let home = tempfile::tempdir().expect("tempdir");
    let corpus = generated_corpus(2000);
    let path = corpus.path().to_str().expect("utf-8");
    let topics = json(&crossread(
        &["--corpus", path, "topics", "--json"],
        home.path(),
    ));
    let count = topics["topics"].as_array().map_or(0, Vec::len);
    let output = crossread(&["--corpus", path, "topics"], home.path());
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), count + 1, "a header and one line per topic");
    for line in &lines {
        assert!(line.chars().count() <= 200, "{line}");
    }
    let guarantees = lines
        .iter()
        .find(|l| l.starts_with("security-guarantees "))
        .expect("the topic's line");
    assert!(guarantees.contains("2,000/2,000"), "{guarantees}");
    assert!(guarantees.ends_with("+1,997 more"), "{guarantees}");
}

#[test]
fn markdown_lists_each_rows_sources_past_six() {
    let (home, corpus, text) = generated_markdown(8);
    let path = corpus.path().to_str().expect("utf-8");
    assert!(
        !text.lines().any(|l| l.starts_with('|')),
        "no table: {text}"
    );
    let value = json(&crossread(
        &["--corpus", path, "compare", "security-guarantees", "--json"],
        home.path(),
    ));
    let rows = value["rows"].as_array().expect("rows");
    let sections: Vec<&str> = text.split("\n### ").skip(1).collect();
    assert_eq!(sections.len(), rows.len(), "{text}");
    for (section, row) in sections.iter().zip(rows) {
        let cells = row["cells"].as_array().expect("cells");
        let bullets = section.lines().filter(|l| l.starts_with("- ")).count();
        assert_eq!(
            bullets,
            cells.len(),
            "one bullet per source on the row: {section}"
        );
        for cell in cells {
            let id = cell["article"].as_str().expect("id");
            assert!(section.contains(&format!("- {id}: ")), "{section}");
        }
        let silent = 8 - cells.len();
        if silent > 0 {
            assert!(
                section.contains(&format!("Silent ({silent}): ")),
                "{section}"
            );
        }
    }
}

#[test]
fn markdown_over_2000_sources_grows_with_the_sentences_not_the_sources() {
    let (_home, corpus, text) = generated_markdown(2000);
    let body: usize = (0..2000)
        .map(|i| {
            std::fs::read_to_string(corpus.path().join(format!("report-{i:04}.txt")))
                .map_or(0, |t| t.len())
        })
        .sum();
    // Each sentence once with its source's name, and a short silent line
    // per row: a small multiple of the text, never a row × source grid.
    assert!(text.len() < body * 4, "{} bytes for {body}", text.len());
    assert!(text.lines().all(|l| l.chars().count() < 2_000));
    assert!(
        text.contains("more"),
        "silent sources past five are counted"
    );
}

#[test]
fn markdown_bolds_only_the_marked_words() {
    let home = tempfile::tempdir().expect("tempdir");
    let bodies = bodies(home.path());
    let value = json(&crossread(
        &["compare", "security-guarantees", "--json"],
        home.path(),
    ));
    let mut marked = std::collections::HashSet::new();
    for cell in value["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .flat_map(|r| r["cells"].as_array().into_iter().flatten())
    {
        let body = &bodies[cell["article"].as_str().expect("id")];
        for mark in cell["differences"].as_array().expect("differences") {
            let start = mark["start"].as_u64().expect("start") as usize;
            let end = mark["end"].as_u64().expect("end") as usize;
            for word in body.get(start..end).unwrap_or("").split_whitespace() {
                marked.insert(word.to_string());
            }
        }
    }
    let output = crossread(
        &["compare", "security-guarantees", "--markdown"],
        home.path(),
    );
    let text = String::from_utf8_lossy(&output.stdout);
    // The legend bolds its own examples; the rows start at the table.
    let rule = text.find("\n|---|").expect("a table");
    let table = text[rule + 1..]
        .split_once('\n')
        .map_or("", |(_, rows)| rows);
    let unescaped = table.replace("\\*", "\u{0}");
    let mut bold = 0;
    for (i, piece) in unescaped.split("**").enumerate() {
        if i % 2 == 1 {
            for word in piece.trim_matches('*').split_whitespace() {
                let word = word.replace('\u{0}', "*").replace('\\', "");
                assert!(marked.contains(&word), "{word:?} is bold but not marked");
                bold += 1;
            }
        }
    }
    assert!(bold > 0, "some words are marked");
}
