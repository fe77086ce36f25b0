//! The command line's contract, checked on the real binary: JSON shapes and
//! offsets, exit codes, warnings on stderr, bad files, closed pipes.

use serde_json::Value;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn crossread(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crossread"))
        // Commands that only read never create it: no library, as on a fresh machine.
        .env(
            "CROSSREAD_DATA_DIR",
            std::env::temp_dir().join("crossread-tests-no-library"),
        )
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout_json(output: &Output) -> Value {
    // The whole of stdout must be one JSON document, nothing else.
    serde_json::from_slice(&output.stdout).expect("stdout is pure JSON")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

fn usize_of(value: &Value, key: &str) -> usize {
    value[key].as_u64().expect("an offset") as usize
}

/// Every promise of the `analyze --json` contract, for every article.
fn check_contract(analysis: &Value) -> usize {
    let articles = analysis["articles"].as_array().expect("articles");
    for article in articles {
        let id = article["id"].as_str().expect("id");
        let mut expected = vec![
            "blocks",
            "body",
            "claims",
            "date",
            "entities",
            "id",
            "sentences",
            "source",
            "title",
        ];
        if article.get("url").is_some() {
            expected.push("url");
            expected.sort_unstable();
        }
        assert_eq!(keys(article), expected, "{id}");
        assert!(!article["title"].as_str().expect("title").is_empty());
        let body = article["body"].as_str().expect("body");
        assert!(
            !body.chars().any(crossread::sanitize::is_forbidden),
            "{id}: body is sanitised"
        );
        let blocks = article["blocks"].as_array().expect("blocks");
        let mut previous_end = 0;
        let mut spans = Vec::new();
        for block in blocks {
            assert_eq!(keys(block), vec!["end", "kind", "start"]);
            let kind = block["kind"].as_str().expect("kind");
            assert!(
                ["title", "heading", "paragraph", "list_item", "boilerplate"].contains(&kind),
                "{id}: kind {kind}"
            );
            let (start, end) = (usize_of(block, "start"), usize_of(block, "end"));
            assert!(
                previous_end <= start && start < end && end <= body.len(),
                "{id}: block order"
            );
            assert!(
                body.get(start..end).is_some(),
                "{id}: block on char boundaries"
            );
            previous_end = end;
            spans.push((start, end));
        }
        let mut previous_end = 0;
        for sentence in article["sentences"].as_array().expect("sentences") {
            assert_eq!(keys(sentence), vec!["end", "start"]);
            let (start, end) = (usize_of(sentence, "start"), usize_of(sentence, "end"));
            assert!(previous_end <= start && start < end, "{id}: sentence order");
            let text = body.get(start..end).expect("sentence on char boundaries");
            assert_eq!(text, text.trim(), "{id}: sentences are trimmed");
            assert!(
                spans.iter().any(|&(s, e)| s <= start && end <= e),
                "{id}: sentence {text:?} inside a block"
            );
            previous_end = end;
        }
        for item in article["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .chain(article["claims"].as_array().expect("claims"))
        {
            let (start, end) = (usize_of(item, "start"), usize_of(item, "end"));
            assert_eq!(
                body.get(start..end),
                item["text"].as_str(),
                "{id}: text == body[start..end]"
            );
        }
    }
    articles.len()
}

#[test]
fn analyze_json_keeps_the_contract_on_the_built_in_corpus() {
    let output = crossread(&["analyze", "--json"]);
    assert!(output.status.success());
    assert_eq!(stderr(&output), "");
    let analysis = stdout_json(&output);
    assert_eq!(keys(&analysis), vec!["articles"]);
    assert_eq!(check_contract(&analysis), 5);
}

#[test]
fn list_json_shape_and_stable_ids() {
    let output = crossread(&["list", "--json"]);
    assert!(output.status.success());
    let listing = stdout_json(&output);
    let articles = listing["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 5);
    for article in articles {
        assert_eq!(
            keys(article),
            vec!["date", "id", "sentences", "source", "title"]
        );
        assert!(article["sentences"].as_u64().expect("count") > 0);
    }
    let ids: Vec<&str> = articles.iter().filter_map(|a| a["id"].as_str()).collect();
    assert!(ids.contains(&"rubio-tremendous-progress"));
    let outlet = articles
        .iter()
        .find(|a| a["id"] == "rubio-tremendous-progress")
        .map(|a| a["source"].clone());
    assert_eq!(outlet, Some(Value::from("PPL News")));
}

#[test]
fn show_prints_one_article_as_json_or_wrapped_text() {
    let json = crossread(&["show", "peace-deal-closer-than-ever", "--json"]);
    assert!(json.status.success());
    let article = stdout_json(&json);
    assert_eq!(article["id"], "peace-deal-closer-than-ever");
    check_contract(&serde_json::json!({ "articles": [article] }));

    let text = crossread(&["show", "peace-deal-closer-than-ever"]);
    assert!(text.status.success());
    let text = String::from_utf8(text.stdout).expect("utf-8");
    assert!(
        text.lines().all(|line| unicode_width(line) <= 80),
        "wrapped to 80 when piped"
    );
    assert!(text.contains("  • War fatigue on all sides after prolonged fighting"));
    assert!(text.contains("What Happens Next\n-----------------"));
}

fn unicode_width(line: &str) -> usize {
    line.chars().count()
}

#[test]
fn exit_codes_mean_something() {
    let unknown = crossread(&["show", "no-such-article"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(unknown.stdout.is_empty());
    assert!(stderr(&unknown).contains("no-such-article"));

    let usage = crossread(&["list", "--no-such-flag"]);
    assert_eq!(usage.status.code(), Some(2));

    let help = crossread(&["--help"]);
    assert!(help.status.success());
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    for word in ["--corpus", "list", "show", "analyze"] {
        assert!(help.contains(word), "--help mentions {word}");
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write");
}

#[test]
fn bad_files_warn_one_line_each_and_the_rest_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(
        root,
        "good.txt",
        b"Officials met in Berlin on Monday. They talked.\n",
    );
    write(
        root,
        "report.txt",
        b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\n",
    );
    write(root, "empty.txt", b"");
    write(root, "nul.txt", b"text\0with\0nul bytes");
    write(
        root,
        "latin1.txt",
        b"Caf\xE9 owners said prices rose. Nobody was surprised.\n",
    );
    write(
        root,
        "bom.txt",
        b"\xEF\xBB\xBFThe BOM is gone. Good.\r\nSecond line here.\r\n",
    );
    let huge = "word ".repeat(400_000) + ".";
    write(root, "huge.txt", huge.as_bytes());
    write(
        root,
        "nested/deeper/page.html",
        b"<html><body><nav>Home</nav><article><h1>Page &#x1b;[31mtitle</h1><p>Para &#x202e;one.</p></article></body></html>",
    );
    write(
        root,
        "notes.md",
        b"---\ntitle: Front matter title\nsource: Daily Planet\ndate: 2025-12-15\n---\n# Heading\n\nText.\n",
    );
    write(root, "picture.png", b"\x89PNG\r\n\x1a\n");
    write(root, "empty-folder/readme.pdf", b"%PDF-1.4");
    let explicit = root.join("explicit.pdf");
    std::fs::write(&explicit, b"%PDF-1.4").expect("write");
    let missing = root.join("missing.txt");

    let output = crossread(&[
        "--corpus",
        root.to_str().expect("path"),
        "--corpus",
        explicit.to_str().expect("path"),
        "--corpus",
        missing.to_str().expect("path"),
        "analyze",
        "--json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let analysis = stdout_json(&output);
    check_contract(&analysis);
    let ids: Vec<&str> = analysis["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    // Sorted walk: file names in byte order, folders where they fall.
    assert_eq!(ids, vec!["bom", "good", "huge", "latin1", "page", "notes"]);

    let errors = stderr(&output);
    let lines: Vec<&str> = errors.lines().collect();
    let expect = [
        ("empty.txt", "empty"),
        ("nul.txt", "binary"),
        ("report.txt", "PDF"),
        ("latin1.txt", "invalid UTF-8"),
        ("explicit.pdf", "unsupported"),
        ("missing.txt", "no such file"),
    ];
    for (file, reason) in expect {
        assert_eq!(
            lines.iter().filter(|line| line.contains(file)).count(),
            1,
            "one line for {file}: {errors}"
        );
        assert!(
            lines
                .iter()
                .any(|line| line.contains(file) && line.contains(reason)),
            "{file}: {reason}: {errors}"
        );
    }
    assert_eq!(
        lines.len(),
        expect.len(),
        "nothing else on stderr: {errors}"
    );

    let articles = analysis["articles"].as_array().expect("articles");
    let page = articles.iter().find(|a| a["id"] == "page").expect("page");
    assert_eq!(page["title"], "Page title");
    let notes = articles.iter().find(|a| a["id"] == "notes").expect("notes");
    assert_eq!(notes["title"], "Front matter title");
    assert_eq!(notes["source"], "Daily Planet");
    assert_eq!(notes["date"], "2025-12-15");
    let bom = articles.iter().find(|a| a["id"] == "bom").expect("bom");
    assert_eq!(bom["body"], "The BOM is gone. Good.\nSecond line here.\n");
}

#[test]
fn nothing_readable_is_an_error_with_reasons() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "only.txt", b"");
    let output = crossread(&[
        "--corpus",
        dir.path().to_str().expect("path"),
        "list",
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let errors = stderr(&output);
    assert!(errors.contains("no readable article"), "{errors}");
    assert!(errors.contains("only.txt: empty file"), "{errors}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paragraph = "Officials said the talks would go on. ".repeat(2_000);
    for n in 0..20 {
        write(dir.path(), &format!("a{n}.txt"), paragraph.as_bytes());
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_crossread"))
        // Commands that only read never create it: no library, as on a fresh machine.
        .env(
            "CROSSREAD_DATA_DIR",
            std::env::temp_dir().join("crossread-tests-no-library"),
        )
        .args([
            "--corpus",
            dir.path().to_str().expect("path"),
            "analyze",
            "--json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut head = [0u8; 10];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut head)
        .expect("first bytes");
    // Dropping the read end closes the pipe while the binary still writes.
    let output = child.wait_with_output().expect("wait");
    assert_eq!(&head, b"{\"articles");
    assert!(output.status.success());
    assert_eq!(stderr(&output), "");
}
