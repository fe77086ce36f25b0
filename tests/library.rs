//! The library on the real binary, in isolated data and cache directories:
//! import of every format, duplicates, the JSON shapes, state export and
//! import, damaged files, processes killed mid-write, two processes at once,
//! and a full or read-only disk.

mod common;

use common::home::Home;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn statuses(summary: &Value) -> Vec<(String, String)> {
    summary["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| {
            (
                item["input"]
                    .as_str()
                    .unwrap_or("")
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_string(),
                item["status"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn story(n: usize) -> String {
    format!(
        "Pier report {n}\n\nThe harbour authority said on day {n} that pier {n} would close for \
         {n} weeks of repairs after storm damage. Ferries will use terminal {n} instead, the \
         authority's director said in a statement on day {n}.\n"
    )
}

const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Times</title>
<item><title>Tide tables change</title><link>https://harbour.example/tides</link><guid>tides</guid>
<description>&lt;p&gt;The tide tables change next week, the harbour office said on Monday.&lt;/p&gt;</description></item>
<item><title>Broken &amp; < item</title><guid>broken</guid></item>
<item><title>Dredging starts</title><link>https://harbour.example/dredging</link><guid>dredging</guid>
<description>Dredging of the channel starts in April and lasts a month, the port said.</description></item>
</channel></rss>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2031-03-04T10:00:00Z</updated>
<entry><title>Council votes</title><id>urn:vote</id><updated>2031-03-04T10:00:00Z</updated>
<link href="https://wire.example/vote"/><content type="html">&lt;p&gt;The council voted nine to two for the new library hours.&lt;/p&gt;</content></entry>
</feed>"#;

const JSON_FEED: &str = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Desk",
 "items": [{"id": "1", "url": "https://desk.example/1", "title": "Bridge reopens",
            "content_html": "<p>The bridge reopened on Friday after a year of work, the city said.</p>"}]}"#;

#[test]
fn every_format_imports_and_each_item_is_reported() {
    let home = Home::new();
    home.write("pier.txt", &story(1));
    home.write(
        "notes.md",
        "# Ferry notes\n\nThe ferry timetable changes on Monday, the operator said.\n",
    );
    home.write(
        "page.html",
        "<html><head><title>Lock gates</title></head><body><article><h1>Lock gates</h1>\
         <p>The lock gates were replaced over the weekend, engineers said.</p></article></body></html>",
    );
    home.write("harbour.rss", RSS);
    home.write("wire.atom", ATOM);
    home.write("desk.json", JSON_FEED);
    home.write("empty.txt", "");
    home.write("fake.txt", "%PDF-1.7\n%\u{e2}\u{e3}binary");
    let summary = home.json(&[
        "import",
        "--json",
        home.root.path().join("in").to_str().expect("utf-8"),
    ]);
    let mut got = statuses(&summary);
    got.sort();
    let expected: Vec<(String, String)> = [
        ("desk.json#1", "added"),
        ("empty.txt", "refused"),
        ("fake.txt", "refused"),
        ("harbour.rss#1", "added"),
        ("harbour.rss#2", "refused"),
        ("harbour.rss#3", "added"),
        ("notes.md", "added"),
        ("page.html", "added"),
        ("pier.txt", "added"),
        ("wire.atom#1", "added"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(got, expected);
    assert_eq!(summary["added"], 7);
    assert_eq!(summary["refused"], 3);

    // Standard input, sniffed: a feed and an article.
    let mut child = home
        .command(&["import", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawns");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(story(2).as_bytes())
        .expect("writes");
    let output = child.wait_with_output().expect("waits");
    let summary: Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(
        statuses(&summary),
        [("stdin".to_string(), "added".to_string())]
    );

    let listing = home.json(&["library", "--json"]);
    assert_eq!(listing["counts"]["articles"], 8);
    let first = &listing["articles"][0];
    for field in [
        "id",
        "title",
        "source",
        "date",
        "url",
        "added",
        "copy_of",
        "provenance",
        "read",
        "hash",
    ] {
        assert!(
            first.get(field).is_some(),
            "library --json has {field}: {first}"
        );
    }
    let ids: Vec<&str> = listing["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    let listed = home.json(&["list", "--json"]);
    let in_corpus: Vec<&str> = listed["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    for id in &ids {
        assert!(in_corpus.contains(id), "{id} is in the reader's corpus");
    }
    let tides = listing["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .find(|a| a["title"] == "Tide tables change")
        .expect("the feed item keeps its title");
    assert_eq!(tides["url"], "https://harbour.example/tides");
    assert_eq!(tides["source"], "Harbour Times");
}

#[test]
fn duplicates_and_copies_are_found_on_import_and_remove_takes_ids() {
    let home = Home::new();
    home.write("a/pier.txt", &story(1));
    home.write(
        "b/pier-again.txt",
        &story(1).replace(' ', "  ").to_uppercase(),
    );
    let copy = format!(
        "{}Reporting by the wire desk; editing by the night team.\n",
        story(1)
    );
    home.write("c/pier-copy.txt", &copy);
    let summary = home.json(&[
        "import",
        "--json",
        home.root.path().join("in").to_str().expect("utf-8"),
    ]);
    let items = summary["items"].as_array().expect("items");
    assert_eq!(items[0]["status"], "added");
    assert_eq!(items[1]["status"], "duplicate");
    assert_eq!(items[1]["reason"], "same text");
    assert_eq!(items[1]["id"], items[0]["id"]);
    assert_eq!(items[2]["status"], "added");
    assert_eq!(items[2]["copy_of"], items[0]["id"]);

    let builtin = home.json(&["list", "--json"])["articles"][0]["id"]
        .as_str()
        .expect("a built-in id")
        .to_string();
    let removed = home.run(&["remove", "pier-copy", "no-such-article"]);
    assert_eq!(removed.status.code(), Some(1), "one id was unknown");
    assert!(String::from_utf8_lossy(&removed.stdout).contains("removed\tpier-copy"));
    assert_eq!(home.json(&["library", "--json"])["counts"]["articles"], 1);

    home.run(&["library", "--builtin", "hide"]);
    let ids: Vec<String> = home.json(&["list", "--json"])["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .filter_map(|a| a["id"].as_str().map(str::to_string))
        .collect();
    assert!(!ids.contains(&builtin), "built-in articles hidden: {ids:?}");
    assert_eq!(home.json(&["library", "--json"])["builtin"], "hidden");
}

#[test]
fn state_exports_and_imports_between_libraries() {
    let home = Home::new();
    let state = r#"{"version": 1,
        "reading": [{"content_hash": "0707070707070707070707070707070707070707070707070707070707070707", "read": true, "scroll": 4}],
        "bookmarks": [{"content_hash": "0707070707070707070707070707070707070707070707070707070707070707", "start": 3, "end": 9, "text": "a pier", "created_at": 5}],
        "settings": {"last_article": "pier"}}"#;
    let file = home.write("state.json", state);
    let output = home.run(&["state", "import", file.to_str().expect("utf-8")]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let exported = home.json(&["state", "export"]);
    let expected: Value = serde_json::from_str(state).expect("json");
    assert_eq!(exported, expected);

    let newer = home.write(
        "newer.json",
        &state.replace("\"version\": 1", "\"version\": 9"),
    );
    let output = home.run(&["state", "import", newer.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("newer crossread"));
}

#[test]
fn a_damaged_library_is_moved_aside_with_a_message() {
    let home = Home::new();
    std::fs::create_dir_all(home.data()).expect("dir");
    let path = home.data().join("library.db");
    let garbage: Vec<u8> = (0..4096u32).map(|n| (n * 31 % 256) as u8).collect();
    std::fs::write(&path, &garbage).expect("write");
    // A read-only command never moves or replaces anything.
    let listed = home.run(&["list", "--json"]);
    assert!(listed.status.success());
    assert!(String::from_utf8_lossy(&listed.stderr).contains("could not be read"));
    assert!(std::fs::read(&path).expect("still there") == garbage);

    let pier = home.write("pier.txt", &story(1));
    let output = home.run(&["import", pier.to_str().expect("utf-8")]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("moved to") && stderr.contains("library.db.corrupt-"),
        "{stderr}"
    );
    let aside: Vec<PathBuf> = std::fs::read_dir(home.data())
        .expect("dir")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(
        std::fs::read(&aside[0]).expect("kept") == garbage,
        "the damaged bytes are kept"
    );
    assert_eq!(home.json(&["library", "--json"])["counts"]["articles"], 1);
}

/// Every article row is whole: its bands and at least one provenance.
fn assert_consistent(data: &Path) {
    let connection = rusqlite::Connection::open(data.join("library.db")).expect("opens");
    let check: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("checks");
    assert_eq!(check, "ok");
    let broken: i64 = connection
        .query_row(
            "SELECT count(*) FROM articles a WHERE \
             (SELECT count(*) FROM minhash_bands b WHERE b.article_id = a.id) != 32 \
             OR NOT EXISTS (SELECT 1 FROM provenance p WHERE p.article_id = a.id)",
            [],
            |row| row.get(0),
        )
        .expect("counts");
    assert_eq!(broken, 0, "no article is half written");
}

#[test]
fn killed_mid_import_or_mid_state_write_leaves_old_or_new_never_a_mix() {
    let home = Home::new();
    for n in 0..300 {
        home.write(&format!("batch/{n:03}.txt"), &story(n));
    }
    let state = home.write(
        "state.json",
        r#"{"version": 1, "reading": [{"content_hash": "0101010101010101010101010101010101010101010101010101010101010101", "read": true, "scroll": 2}], "bookmarks": [], "settings": {"a": "b"}}"#,
    );
    let folder = home.root.path().join("in/batch");
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for round in 0..50 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = std::time::Duration::from_millis(seed % 120);
        let args: Vec<&str> = if round % 5 == 4 {
            vec!["state", "import", state.to_str().expect("utf-8")]
        } else {
            vec!["import", folder.to_str().expect("utf-8")]
        };
        let mut child = home
            .command(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        if home.data().join("library.db").exists() {
            assert_consistent(&home.data());
        }
    }
    // Whatever was killed, a last import completes the library.
    let output = home.run(&["import", folder.to_str().expect("utf-8")]);
    assert!(output.status.success());
    assert_consistent(&home.data());
    assert_eq!(home.json(&["library", "--json"])["counts"]["articles"], 300);
}

#[test]
fn two_processes_importing_and_writing_state_at_once_lose_nothing() {
    let home = Home::new();
    for n in 0..150 {
        home.write(&format!("left/{n:03}.txt"), &story(n));
        home.write(&format!("right/{n:03}.txt"), &story(1000 + n));
    }
    let state = home.write(
        "state.json",
        r#"{"version": 1, "reading": [{"content_hash": "0202020202020202020202020202020202020202020202020202020202020202", "read": true, "scroll": 7}], "bookmarks": [], "settings": {}}"#,
    );
    let spawn = |args: Vec<String>| {
        home.command(&args.iter().map(String::as_str).collect::<Vec<_>>())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawns")
    };
    let folder = |side: &str| home.root.path().join("in").join(side).display().to_string();
    let children = [
        spawn(vec!["import".into(), folder("left")]),
        spawn(vec!["import".into(), folder("right")]),
        spawn(vec![
            "state".into(),
            "import".into(),
            state.display().to_string(),
        ]),
    ];
    for child in children {
        let output = child.wait_with_output().expect("waits");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_consistent(&home.data());
    // The three created the library at the same moment: none took another's
    // half-made file for a damaged one.
    let aside = std::fs::read_dir(home.data())
        .expect("data dir")
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().contains(".corrupt-"))
        .count();
    assert_eq!(aside, 0);
    assert_eq!(home.json(&["library", "--json"])["counts"]["articles"], 300);
    assert_eq!(home.json(&["state", "export"])["reading"][0]["scroll"], 7);
}

/// A small tmpfs for the data directory, where the system lets this user
/// mount one (root, as in CI); `None` with the reason otherwise.
fn small_disk(home: &Home, kilobytes: u32) -> Option<PathBuf> {
    let mount = home.root.path().join("disk");
    std::fs::create_dir_all(&mount).ok()?;
    let status = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={kilobytes}k"), "tmpfs"])
        .arg(&mount)
        .stderr(Stdio::null())
        .status();
    match status {
        Ok(status) if status.success() => Some(mount),
        _ => {
            eprintln!("skipped: mounting a small tmpfs needs root (as CI has); this run cannot");
            None
        }
    }
}

fn unmount(mount: &Path) {
    let _ = Command::new("umount").arg(mount).status();
}

#[test]
fn a_full_or_read_only_disk_gives_a_clear_error_and_keeps_what_was_stored() {
    let home = Home::new();
    let Some(mount) = small_disk(&home, 640) else {
        return;
    };
    let data = mount.join("data");
    let run = |args: &[&str]| {
        home.command(args)
            .env("CROSSREAD_DATA_DIR", &data)
            .output()
            .expect("runs")
    };
    let first = home.write("first.txt", &story(1));
    assert!(
        run(&["import", first.to_str().expect("utf-8")])
            .status
            .success()
    );
    let filler: String = (0..60_000).map(|n| format!("word{n} ")).collect();
    for n in 0..8 {
        home.write(
            &format!("big/{n}.txt"),
            &format!("Big report {n}\n\n{filler}{n}\n"),
        );
    }
    let output = run(&[
        "import",
        home.root.path().join("in/big").to_str().expect("utf-8"),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("is full"), "{stderr}");
    let listing = run(&["library", "--json"]);
    let listing: Value = serde_json::from_slice(&listing.stdout).expect("json");
    let ids: Vec<&str> = listing["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    assert!(ids.contains(&"first"), "{ids:?}");

    let remounted = Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(&mount)
        .status()
        .is_ok_and(|s| s.success());
    if remounted {
        let second = home.write("second.txt", &story(2));
        let output = run(&["import", second.to_str().expect("utf-8")]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("library in") && stderr.contains("read"),
            "{stderr}"
        );
        let _ = Command::new("mount")
            .args(["-o", "remount,rw"])
            .arg(&mount)
            .status();
        assert_consistent(&data);
    }
    unmount(&mount);
}
