//! OPML, the feed readers' exchange format: outlines nest into folders, an
//! outline with `xmlUrl` is a feed, and its `category` attribute carries
//! tags (comma-separated). Import keeps the nesting as the feed's folder;
//! export writes the same shape back.

use crate::store::feeds::{Feed, NewFeed};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// The feeds an OPML document lists, with their folders and tags.
pub fn parse(text: &str) -> Result<Vec<NewFeed>, String> {
    let mut reader = Reader::from_str(text);
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut feeds = Vec::new();
    let mut saw_opml = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|error| format!("not readable OPML: {error}"))?;
        match event {
            Event::Start(element) if element.name().as_ref() == "outline" => {
                let outline = Outline::read(&element)?;
                match outline.url.clone() {
                    Some(url) => {
                        feeds.push(outline.feed(url, &folders));
                        // A feed outline with children: its children are in no folder of its own.
                        folders.push(None);
                    }
                    None => folders.push(outline.label),
                }
            }
            Event::Empty(element) if element.name().as_ref() == "outline" => {
                let outline = Outline::read(&element)?;
                if let Some(url) = outline.url.clone() {
                    feeds.push(outline.feed(url, &folders));
                }
            }
            Event::Start(element) if element.name().as_ref() == "opml" => saw_opml = true,
            Event::End(element) if element.name().as_ref() == "outline" => {
                folders.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_opml {
        return Err("not an OPML document (no <opml> element)".into());
    }
    Ok(feeds)
}

struct Outline {
    label: Option<String>,
    url: Option<String>,
    tags: Vec<String>,
}

impl Outline {
    fn read(element: &BytesStart<'_>) -> Result<Outline, String> {
        let mut outline = Outline {
            label: None,
            url: None,
            tags: Vec::new(),
        };
        let mut title = None;
        for attribute in element.attributes() {
            let attribute = attribute.map_err(|error| format!("not readable OPML: {error}"))?;
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|error| format!("not readable OPML: {error}"))?
                .trim()
                .to_string();
            if value.is_empty() {
                continue;
            }
            match attribute.key.as_ref() {
                "text" => outline.label = Some(value),
                "title" => title = Some(value),
                "xmlUrl" => outline.url = Some(value),
                "category" => {
                    outline.tags = value
                        .split(',')
                        .map(|tag| tag.trim().trim_matches('/').to_string())
                        .filter(|tag| !tag.is_empty())
                        .collect();
                }
                _ => {}
            }
        }
        outline.label = outline.label.or(title);
        Ok(outline)
    }

    fn feed(&self, url: String, folders: &[Option<String>]) -> NewFeed {
        NewFeed {
            url,
            name: self.label.clone(),
            folder: folders
                .iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join("/"),
            tags: self.tags.clone(),
        }
    }
}

/// An OPML 2.0 document of the followed feeds, nested by folder.
pub fn export(feeds: &[Feed]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head><title>crossread feeds</title></head>\n  <body>\n",
    );
    let mut open: Vec<&str> = Vec::new();
    let mut sorted: Vec<&Feed> = feeds.iter().collect();
    sorted.sort_by(|a, b| a.folder.cmp(&b.folder).then(a.id.cmp(&b.id)));
    for feed in sorted {
        let path: Vec<&str> = feed
            .folder
            .split('/')
            .filter(|part| !part.is_empty())
            .collect();
        let common = open.iter().zip(&path).take_while(|(a, b)| a == b).count();
        while open.len() > common {
            open.pop();
            out.push_str(&format!("{}</outline>\n", indent(open.len())));
        }
        for part in &path[common..] {
            out.push_str(&format!(
                "{}<outline text=\"{}\">\n",
                indent(open.len()),
                escape(part)
            ));
            open.push(part);
        }
        let name = feed.name.as_deref().unwrap_or(&feed.url);
        let category = if feed.tags.is_empty() {
            String::new()
        } else {
            format!(" category=\"{}\"", escape(&feed.tags.join(",")))
        };
        out.push_str(&format!(
            "{}<outline type=\"rss\" text=\"{}\" xmlUrl=\"{}\"{category}/>\n",
            indent(open.len()),
            escape(name),
            escape(&feed.url)
        ));
    }
    while !open.is_empty() {
        open.pop();
        out.push_str(&format!("{}</outline>\n", indent(open.len())));
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

fn indent(depth: usize) -> String {
    "  ".repeat(depth + 2)
}

fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPML: &str = r#"<?xml version="1.0"?>
<opml version="2.0"><head><title>mine</title></head><body>
  <outline text="News">
    <outline text="World">
      <outline type="rss" text="Harbour Times" xmlUrl="https://harbour.example/rss" category="ports,/local"/>
    </outline>
    <outline type="rss" title="Wire &amp; Co" xmlUrl="https://wire.example/atom"/>
  </outline>
  <outline type="rss" text="Top" xmlUrl="https://top.example/feed"></outline>
</body></opml>"#;

    #[test]
    fn folders_names_and_tags_come_from_the_nesting() {
        let feeds = parse(OPML).expect("parses");
        let summary: Vec<(&str, &str, &str, Vec<String>)> = feeds
            .iter()
            .map(|f| {
                (
                    f.url.as_str(),
                    f.name.as_deref().unwrap_or(""),
                    f.folder.as_str(),
                    f.tags.clone(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    "https://harbour.example/rss",
                    "Harbour Times",
                    "News/World",
                    vec!["ports".to_string(), "local".to_string()]
                ),
                ("https://wire.example/atom", "Wire & Co", "News", vec![]),
                ("https://top.example/feed", "Top", "", vec![]),
            ]
        );
    }

    #[test]
    fn export_then_import_gives_the_same_feeds() {
        let feeds: Vec<Feed> = parse(OPML)
            .expect("parses")
            .into_iter()
            .enumerate()
            .map(|(index, feed)| Feed {
                id: index as i64,
                url: feed.url,
                name: feed.name,
                folder: feed.folder,
                tags: feed.tags,
                etag: None,
                last_modified: None,
                last_fetched: None,
                last_status: None,
                articles: 0,
            })
            .collect();
        let again = parse(&export(&feeds)).expect("our own export parses");
        let mut before: Vec<_> = feeds
            .iter()
            .map(|f| (&f.url, &f.name, &f.folder, &f.tags))
            .collect();
        let mut after: Vec<_> = again
            .iter()
            .map(|f| (&f.url, &f.name, &f.folder, &f.tags))
            .collect();
        before.sort();
        after.sort();
        assert_eq!(before, after);
    }

    #[test]
    fn what_is_not_opml_is_refused() {
        assert!(parse("<rss><channel/></rss>").is_err());
        assert!(parse("<opml><body><outline text=\"x\" xmlUrl=\"a\" </body>").is_err());
    }
}
