//! RSS, Atom and JSON Feed documents into items, with feed-rs. A feed that
//! does not parse whole is taken apart item by item, so one broken item
//! costs only itself: the rest are kept and the broken ones reported by
//! their number.

use feed_rs::model::Entry;

/// One item of a feed, as the library imports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    /// 1-based position in the feed, for messages.
    pub number: usize,
    pub guid: String,
    pub title: Option<String>,
    pub link: Option<String>,
    pub date: Option<String>,
    /// The item's HTML (or text) content, when the feed carries the article.
    pub content: Option<String>,
    /// The summary, when that is all the feed carries.
    pub summary: Option<String>,
}

impl FeedItem {
    /// The feed carries only a summary (or nothing): the article is at the link.
    pub fn is_summary_only(&self) -> bool {
        self.content
            .as_deref()
            .is_none_or(|content| content.trim().is_empty())
    }
}

/// What a feed document yielded.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    pub items: Vec<FeedItem>,
    /// Items that could not be read: their number and why.
    pub broken: Vec<(usize, String)>,
}

/// Whether text looks like a feed rather than an article (for files whose
/// extension does not say, and for standard input).
pub fn looks_like_feed(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(2048)
        .collect();
    if head.starts_with('{') {
        return head.contains("jsonfeed.org/version");
    }
    head.starts_with('<')
        && (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF"))
        && !head.to_ascii_lowercase().contains("<html")
}

/// Parses a feed document; `Err` only when nothing in it is a feed at all.
pub fn parse(bytes: &[u8]) -> Result<ParsedFeed, String> {
    match feed_rs::parser::parse(bytes) {
        Ok(feed) => Ok(ParsedFeed {
            title: feed.title.map(|title| title.content),
            items: feed
                .entries
                .into_iter()
                .enumerate()
                .map(|(index, entry)| item(index + 1, entry))
                .collect(),
            broken: Vec::new(),
        }),
        Err(whole) => item_by_item(bytes).ok_or_else(|| format!("not a readable feed ({whole})")),
    }
}

fn item(number: usize, entry: Entry) -> FeedItem {
    let link = entry
        .links
        .iter()
        .find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .or(entry.links.first())
        .map(|link| link.href.clone());
    let date = entry
        .published
        .or(entry.updated)
        .map(|date| date.format("%Y-%m-%d").to_string());
    FeedItem {
        number,
        guid: entry.id,
        title: entry.title.map(|title| title.content),
        link,
        date,
        content: entry.content.and_then(|content| content.body),
        summary: entry.summary.map(|summary| summary.content),
    }
}

/// Splits a broken feed into its items and parses each inside a minimal
/// envelope of the same kind.
fn item_by_item(bytes: &[u8]) -> Option<ParsedFeed> {
    let text = String::from_utf8_lossy(bytes);
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') {
        return json_item_by_item(trimmed);
    }
    let (tag, open, close) = if text.contains("<item") {
        (
            "item",
            "<rss version=\"2.0\"><channel><title>-</title>",
            "</channel></rss>",
        )
    } else if text.contains("<entry") {
        (
            "entry",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>-</title>",
            "</feed>",
        )
    } else {
        return None;
    };
    let title = between(&text, "<title>", "</title>").map(|t| t.trim().to_string());
    let mut parsed = ParsedFeed {
        title,
        ..ParsedFeed::default()
    };
    for (index, chunk) in elements(&text, tag).into_iter().enumerate() {
        let number = index + 1;
        let Some(chunk) = chunk else {
            parsed.broken.push((number, format!("unclosed <{tag}>")));
            continue;
        };
        let document = format!("{open}{chunk}{close}");
        match feed_rs::parser::parse(document.as_bytes()) {
            Ok(feed) => match feed.entries.into_iter().next() {
                Some(entry) => parsed.items.push(item(number, entry)),
                None => parsed.broken.push((number, "empty item".into())),
            },
            Err(error) => parsed.broken.push((number, error.to_string())),
        }
    }
    (!parsed.items.is_empty() || !parsed.broken.is_empty()).then_some(parsed)
}

/// Each `<tag …>…</tag>` element in order; `None` for one never closed.
fn elements<'a>(text: &'a str, tag: &str) -> Vec<Option<&'a str>> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        // `<items>` or `<itemize>` are other elements.
        if !after.starts_with(['>', ' ', '\n', '\t', '\r', '/']) {
            rest = after;
            continue;
        }
        match after.find(&close) {
            Some(end) => {
                let whole = &rest[start..start + open.len() + end + close.len()];
                out.push(Some(whole));
                rest = &after[end + close.len()..];
            }
            None => {
                out.push(None);
                break;
            }
        }
    }
    out
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)?;
    Some(&text[start..start + end])
}

fn json_item_by_item(text: &str) -> Option<ParsedFeed> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let version = value.get("version")?.as_str()?.to_string();
    let title = value
        .get("title")
        .and_then(|t| t.as_str())
        .map(str::to_string);
    let items = value.get("items")?.as_array()?;
    let mut parsed = ParsedFeed {
        title: title.clone(),
        ..ParsedFeed::default()
    };
    for (index, entry) in items.iter().enumerate() {
        let number = index + 1;
        let document = serde_json::json!({
            "version": version,
            "title": title.clone().unwrap_or_else(|| "-".into()),
            "items": [entry],
        });
        match feed_rs::parser::parse(document.to_string().as_bytes()) {
            Ok(feed) => match feed.entries.into_iter().next() {
                Some(entry) => parsed.items.push(item(number, entry)),
                None => parsed.broken.push((number, "empty item".into())),
            },
            Err(error) => parsed.broken.push((number, error.to_string())),
        }
    }
    Some(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Times</title>
<item><title>Pier closes</title><link>https://harbour.example/pier</link>
<guid>pier-1</guid><pubDate>Tue, 04 Mar 2031 10:00:00 GMT</pubDate>
<description>The pier closes for repairs.</description></item>
<item><title>Ferry moves</title><link>https://harbour.example/ferry</link>
<guid>ferry-1</guid><description>Summary only.</description></item>
</channel></rss>"#;

    #[test]
    fn rss_items_come_with_guid_link_date_and_summary() {
        let feed = parse(RSS.as_bytes()).expect("parses");
        assert_eq!(feed.title.as_deref(), Some("Harbour Times"));
        assert_eq!(feed.items.len(), 2);
        let first = &feed.items[0];
        assert_eq!(first.guid, "pier-1");
        assert_eq!(first.link.as_deref(), Some("https://harbour.example/pier"));
        assert_eq!(first.date.as_deref(), Some("2031-03-04"));
        assert!(first.is_summary_only());
        assert!(feed.broken.is_empty());
    }

    #[test]
    fn a_broken_item_costs_only_itself() {
        let broken = RSS.replace(
            "<item><title>Ferry moves</title>",
            "<item><title>Bad & broken <<</title></item><item><title>Ferry moves</title>",
        );
        let feed = parse(broken.as_bytes()).expect("the good items still parse");
        let titles: Vec<_> = feed
            .items
            .iter()
            .filter_map(|i| i.title.as_deref())
            .collect();
        assert_eq!(titles, ["Pier closes", "Ferry moves"]);
        assert_eq!(feed.broken.len(), 1);
        assert_eq!(feed.broken[0].0, 2, "reported by its number");
    }

    #[test]
    fn atom_and_json_feed_parse_and_are_recognised() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id>
<updated>2031-03-04T10:00:00Z</updated>
<entry><title>Vote count</title><id>urn:vote</id><updated>2031-03-04T10:00:00Z</updated>
<link href="https://wire.example/vote"/><content type="html">&lt;p&gt;Full text of the count.&lt;/p&gt;</content></entry>
</feed>"#;
        let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Desk",
            "items": [{"id": "1", "url": "https://desk.example/1", "content_html": "<p>Hello there.</p>"},
                      {"id": 2, "content_text": 5}]}"#;
        for text in [atom, json, RSS] {
            assert!(looks_like_feed(text));
        }
        assert!(!looks_like_feed(
            "<html><body><p>An article</p></body></html>"
        ));
        let atom = parse(atom.as_bytes()).expect("atom");
        assert!(!atom.items[0].is_summary_only());
        let json = parse(json.as_bytes()).expect("json feed");
        assert_eq!(json.items.len() + json.broken.len(), 2);
        assert_eq!(
            json.items[0].link.as_deref(),
            Some("https://desk.example/1")
        );
        assert!(parse(b"just words").is_err());
    }
}
