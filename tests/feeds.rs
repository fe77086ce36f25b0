//! `feed` and `refresh` against a feed server on 127.0.0.1 started by the
//! test: conditional GET, a redirect loop, a server error, a server that
//! never answers, a body larger than the limit, a page that is no feed, and
//! items that carry only a summary and link to pages the server also serves.

mod common;

use common::home::Home;
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

struct Server {
    address: String,
    /// Requests for the conditional feed that were answered 304.
    not_modified: Arc<AtomicUsize>,
}

const FULL_FEED: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Times</title>
<item><title>Tide tables change</title><link>https://harbour.example/tides</link><guid>tides</guid>
<description>The tide tables change next week, the harbour office said on Monday.</description>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;The tide tables change next week, the harbour office said on Monday, after a survey of the channel.&lt;/p&gt;</content:encoded></item>
</channel></rss>"#;

fn summary_feed(address: &str) -> String {
    format!(
        r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Port Gazette</title>
<item><title>Crane arrives</title><link>{address}/page/crane</link><guid>crane</guid><description>A crane arrived.</description></item>
<item><title>Quay widened</title><link>{address}/page/quay</link><guid>quay</guid><description>The quay.</description></item>
</channel></rss>"#
    )
}

fn page(title: &str, text: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body><nav>Home / Ports / News</nav>\
         <article><h1>{title}</h1><p>{text}</p></article></body></html>"
    )
}

fn respond(mut stream: TcpStream, address: &str, not_modified: &AtomicUsize) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let mut if_none_match = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("if-none-match:") {
            if_none_match = Some(value.trim().to_string());
        }
    }
    let send = |stream: &mut TcpStream, status: &str, headers: &str, body: &[u8]| {
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n{headers}\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body);
    };
    match path.as_str() {
        "/full.xml" if if_none_match.as_deref() == Some("\"v1\"") => {
            not_modified.fetch_add(1, Ordering::SeqCst);
            send(&mut stream, "304 Not Modified", "ETag: \"v1\"\r\n", b"");
        }
        "/full.xml" => send(
            &mut stream,
            "200 OK",
            "ETag: \"v1\"\r\nContent-Type: application/rss+xml\r\n",
            FULL_FEED.as_bytes(),
        ),
        "/summary.xml" => send(&mut stream, "200 OK", "", summary_feed(address).as_bytes()),
        "/page/crane" => send(
            &mut stream,
            "200 OK",
            "Content-Type: text/html\r\n",
            page("Crane arrives", "A new crane arrived at the container terminal on Tuesday, the port authority said.").as_bytes(),
        ),
        "/page/quay" => send(
            &mut stream,
            "200 OK",
            "Content-Type: text/html\r\n",
            page("Quay widened", "Work to widen the north quay by twelve metres will finish in June, engineers said.").as_bytes(),
        ),
        "/error.xml" => send(&mut stream, "500 Internal Server Error", "", b"oops"),
        "/not-a-feed" => send(&mut stream, "200 OK", "", page("Home", "Welcome.").as_bytes()),
        "/huge.xml" => {
            let size = 50 * 1024 * 1024;
            let head = format!("HTTP/1.1 200 OK\r\nContent-Length: {size}\r\nConnection: close\r\n\r\n");
            let _ = stream.write_all(head.as_bytes());
            let chunk = vec![b' '; 64 * 1024];
            for _ in 0..(size / chunk.len()) {
                if stream.write_all(&chunk).is_err() {
                    break;
                }
            }
        }
        "/slow.xml" => std::thread::sleep(Duration::from_secs(6)),
        redirect if redirect.starts_with("/loop/") => {
            let n: u32 = redirect[6..].parse().unwrap_or(0);
            send(
                &mut stream,
                "301 Moved Permanently",
                &format!("Location: {address}/loop/{}\r\n", n + 1),
                b"",
            );
        }
        _ => send(&mut stream, "404 Not Found", "", b""),
    }
}

fn start_server() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binds on loopback");
    let address = format!("http://{}", listener.local_addr().expect("address"));
    let not_modified = Arc::new(AtomicUsize::new(0));
    let server = Server {
        address: address.clone(),
        not_modified: Arc::clone(&not_modified),
    };
    // The server lives as long as the test process; each connection gets a
    // thread so a slow answer does not hold up the others.
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let address = address.clone();
            let not_modified = Arc::clone(&not_modified);
            std::thread::spawn(move || respond(stream, &address, &not_modified));
        }
    });
    server
}

fn report<'a>(refresh: &'a Value, url_end: &str) -> &'a Value {
    refresh["feeds"]
        .as_array()
        .expect("feeds")
        .iter()
        .find(|feed| {
            feed["url"]
                .as_str()
                .is_some_and(|url| url.ends_with(url_end))
        })
        .unwrap_or_else(|| panic!("a report for {url_end}: {refresh}"))
}

#[test]
fn refresh_reports_every_feed_and_one_failing_feed_stops_no_other() {
    let server = start_server();
    let home = Home::new();
    let feeds = [
        "/full.xml",
        "/summary.xml",
        "/error.xml",
        "/loop/0",
        "/slow.xml",
        "/huge.xml",
        "/not-a-feed",
    ];
    for feed in feeds {
        let url = format!("{}{feed}", server.address);
        let output = home.run(&["feed", "add", &url, "--tag", "test"]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let listed = home.json(&["feed", "list", "--json"]);
    assert_eq!(listed["feeds"].as_array().map(Vec::len), Some(feeds.len()));
    assert_eq!(listed["feeds"][0]["tags"][0], "test");

    let started = std::time::Instant::now();
    let first = home.json(&["refresh", "--json", "--timeout", "2", "--host-delay", "0"]);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "bounded in time"
    );
    assert_eq!(report(&first, "/full.xml")["status"], "ok");
    assert_eq!(report(&first, "/full.xml")["added"], 1);
    let summary = report(&first, "/summary.xml");
    assert_eq!(summary["added"], 2, "{summary}");
    for (end, what) in [
        ("/error.xml", "500"),
        ("/loop/0", "redirects"),
        ("/slow.xml", "timed out"),
        ("/huge.xml", "larger than"),
        ("/not-a-feed", "not a readable feed"),
    ] {
        let failed = report(&first, end);
        assert_eq!(failed["status"], "error", "{failed}");
        let error = failed["error"].as_str().unwrap_or("");
        assert!(error.contains(what), "{end}: {error}");
    }
    assert_eq!(first["errors"], 5);

    // The summary-only items were replaced by their linked pages.
    let listing = home.json(&["library", "--json"]);
    let crane = listing["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .find(|a| a["title"] == "Crane arrives")
        .expect("the item is kept")["id"]
        .as_str()
        .expect("id")
        .to_string();
    let shown = home.run(&["show", &crane]);
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(
        text.contains("container terminal"),
        "the linked page's text: {text}"
    );
    assert!(
        !text.contains("Home / Ports"),
        "the page's navigation is not article text"
    );

    // The second refresh sends the ETag back and gets a 304; nothing is added twice.
    let second = home.json(&["refresh", "--json", "--timeout", "2", "--host-delay", "0"]);
    assert_eq!(report(&second, "/full.xml")["status"], "not_modified");
    assert!(server.not_modified.load(Ordering::SeqCst) >= 1);
    assert_eq!(report(&second, "/summary.xml")["added"], 0);
    assert_eq!(report(&second, "/summary.xml")["duplicates"], 2);
    let listed = home.json(&["feed", "list", "--json"]);
    let statuses: Vec<&str> = listed["feeds"]
        .as_array()
        .expect("feeds")
        .iter()
        .filter_map(|f| f["last_status"].as_str())
        .collect();
    assert!(statuses.contains(&"not modified"), "{statuses:?}");
}

#[test]
fn opml_round_trips_through_the_library_and_feeds_can_be_removed() {
    let home = Home::new();
    let opml = r#"<?xml version="1.0"?><opml version="2.0"><head/><body>
<outline text="News"><outline text="Ports" xmlUrl="https://harbour.example/rss" category="ports,local"/></outline>
<outline text="Wire" xmlUrl="https://wire.example/atom"/></body></opml>"#;
    let file: PathBuf = home.root.path().join("feeds.opml");
    std::fs::write(&file, opml).expect("write");
    let output = home.run(&["feed", "import", file.to_str().expect("utf-8")]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let again = home.run(&["feed", "import", file.to_str().expect("utf-8")]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("already following"));
    let listed = home.json(&["feed", "list", "--json"]);
    let ports = listed["feeds"]
        .as_array()
        .expect("feeds")
        .iter()
        .find(|feed| feed["url"] == "https://harbour.example/rss")
        .expect("the nested feed");
    assert_eq!(ports["folder"], "News");
    assert_eq!(ports["name"], "Ports");
    assert_eq!(ports["tags"], serde_json::json!(["local", "ports"]));
    let exported = String::from_utf8(home.run(&["feed", "export"]).stdout).expect("utf-8");
    assert!(exported.contains("<outline text=\"News\">"), "{exported}");
    assert!(exported.contains("category=\"local,ports\""), "{exported}");

    let id = ports["id"].to_string();
    assert!(home.run(&["feed", "remove", &id]).status.success());
    assert_eq!(home.run(&["feed", "remove", &id]).status.code(), Some(1));
    assert_eq!(
        home.json(&["feed", "list", "--json"])["feeds"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    let refused = home.run(&["feed", "add", "ftp://files.example/feed"]);
    assert_eq!(refused.status.code(), Some(1));
}
