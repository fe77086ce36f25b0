//! HTML pages into a body and the blocks their markup gives.
//!
//! The page is parsed by `scraper` (html5ever, the browser algorithm), so
//! character references are decoded before the sanitiser sees the text: an
//! `&#27;[31m` arriving through markup is removed like a raw escape. Only the
//! article is kept: the `<article>` (else `<main>`, else `<body>`), without
//! scripts, styles, navigation, page header and footer, asides, forms, and
//! elements whose role, class or id names such furniture.

use super::text::single_line;
use crate::model::{Block, BlockKind};
use crate::sanitize::sanitize;
use scraper::{ElementRef, Html, Node, Selector};

/// What a page yields: the body, its blocks, and the page's own metadata.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub body: String,
    pub blocks: Vec<Block>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// Elements whose whole subtree is never article text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "textarea",
    "input",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "math",
    "video",
    "audio",
    "picture",
    "img",
    "dialog",
    "menu",
    "head",
    "label",
    "figcaption",
];

/// Class or id words that name page furniture rather than content.
const FURNITURE: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "sidebar",
    "share",
    "sharing",
    "social",
    "related",
    "comments",
    "comment",
    "newsletter",
    "subscribe",
    "subscription",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "cookie",
    "cookies",
    "breadcrumb",
    "breadcrumbs",
    "banner",
    "popup",
    "modal",
    "paywall",
    "masthead",
    "toolbar",
    "pagination",
    "skip",
];

/// Roles of landmark elements that are not the article.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alert",
    "menu",
    "menubar",
    "toolbar",
];

/// Deepest element nesting a page may have. Real articles stay under a few
/// hundred levels; the HTML parser's cost grows with the square of the depth,
/// so a hostile page nested far deeper is refused instead of parsed.
const MAX_NESTING: usize = 1000;

pub(crate) fn extract(source: &str) -> Result<Page, String> {
    let depth = nesting_depth(source);
    if depth > MAX_NESTING {
        return Err(format!(
            "HTML nested too deeply (over {MAX_NESTING} levels), not parsed"
        ));
    }
    let html = Html::parse_document(source);
    let mut page = Page {
        source: meta(&html, &["og:site_name", "application-name", "publisher"]),
        date: meta(
            &html,
            &[
                "article:published_time",
                "date",
                "pubdate",
                "dc.date",
                "publish-date",
            ],
        )
        .or_else(|| first_attr(&html, "time[datetime]", "datetime")),
        url: first_attr(&html, "link[rel=canonical]", "href").or_else(|| meta(&html, &["og:url"])),
        ..Page::default()
    };
    let root = content_root(&html);
    let mut builder = Builder::default();
    // An explicit stack instead of recursion: hostile pages nest deeply.
    let mut stack = vec![(*root, false)];
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            Node::Element(element) => {
                let name = element.name();
                if closing {
                    builder.close(name);
                    continue;
                }
                if node.id() != root.id() && is_furniture(name, element) {
                    // A page header is furniture; an article's own header
                    // holds its headline.
                    let in_article = name == "header"
                        && node.ancestors().any(|ancestor| {
                            ancestor
                                .value()
                                .as_element()
                                .is_some_and(|element| element.name() == "article")
                        });
                    if !in_article {
                        continue;
                    }
                }
                builder.open(name);
                stack.push((node, true));
                for child in node.children().rev() {
                    stack.push((child, false));
                }
            }
            Node::Text(text) if !closing => builder.text(text),
            _ => {
                if !closing {
                    for child in node.children().rev() {
                        stack.push((child, false));
                    }
                }
            }
        }
    }
    builder.flush();
    page.title = builder
        .first_h1
        .take()
        .or_else(|| meta_title(&html, page.source.as_deref()));
    page.body = builder.body;
    page.blocks = builder.blocks;
    Ok(page)
}

/// An upper estimate of how deeply a page's elements nest, from its tags
/// alone: start tags that may hold content open a level, and an end tag
/// closes up to the element it names, as the parser does; an end tag that
/// names no open element (`<div></x>` repeated) closes nothing. The count
/// stops past [`MAX_NESTING`], which keeps each search of the open
/// elements short and the whole scan linear.
fn nesting_depth(source: &str) -> usize {
    const FLAT: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
        "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
    ];
    let bytes = source.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut deepest = 0;
    let mut at = 0;
    let name_at = |at: usize| {
        let name_len = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        source
            .get(at..at + name_len)
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    while let Some(found) = bytes[at..].iter().position(|&b| b == b'<') {
        at += found + 1;
        match bytes.get(at) {
            Some(b'/') => {
                let name = name_at(at + 1);
                if let Some(level) = open.iter().rposition(|open| *open == name) {
                    open.truncate(level);
                }
            }
            Some(b) if b.is_ascii_alphabetic() => {
                let name = name_at(at);
                if !FLAT.contains(&name.as_str()) {
                    open.push(name);
                    deepest = deepest.max(open.len());
                    if deepest > MAX_NESTING {
                        return deepest;
                    }
                }
            }
            _ => {}
        }
    }
    deepest
}

fn is_furniture(name: &str, element: &scraper::node::Element) -> bool {
    if SKIPPED.contains(&name) || name == "header" {
        return true;
    }
    if element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
        || element.attr("style").is_some_and(|style| {
            let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
            style.contains("display:none") || style.contains("visibility:hidden")
        })
    {
        return true;
    }
    if element
        .attr("role")
        .is_some_and(|role| FURNITURE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    let names = element.attr("class").into_iter().chain(element.attr("id"));
    names
        .flat_map(|value| value.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .any(|word| FURNITURE.contains(&word.to_ascii_lowercase().as_str()))
}

/// The element holding the article: the largest `<article>`, else `<main>`,
/// else the body.
fn content_root(html: &Html) -> ElementRef<'_> {
    let text_len = |element: &ElementRef<'_>| element.text().map(str::len).sum::<usize>();
    for selector in ["article", "main, [role=main]"] {
        if let Ok(selector) = Selector::parse(selector)
            && let Some(best) = html.select(&selector).max_by_key(text_len)
            && text_len(&best) > 0
        {
            return best;
        }
    }
    Selector::parse("body")
        .ok()
        .and_then(|body| html.select(&body).next())
        .unwrap_or_else(|| html.root_element())
}

fn meta(html: &Html, names: &[&str]) -> Option<String> {
    let selector = Selector::parse("meta[content]").ok()?;
    for name in names {
        for element in html.select(&selector) {
            let key = element.attr("property").or_else(|| element.attr("name"));
            if key.is_some_and(|key| key.eq_ignore_ascii_case(name)) {
                let value = clean(element.attr("content").unwrap_or(""));
                if !value.is_empty() {
                    return Some(value);
                }
            }
        }
    }
    None
}

fn first_attr(html: &Html, selector: &str, attr: &str) -> Option<String> {
    let selector = Selector::parse(selector).ok()?;
    html.select(&selector)
        .filter_map(|element| element.attr(attr))
        .map(clean)
        .find(|value| !value.is_empty())
}

/// The page's headline when the article has no `<h1>`: `og:title`, else
/// `<title>` without a trailing " | Site" naming the outlet.
fn meta_title(html: &Html, site: Option<&str>) -> Option<String> {
    let title = meta(html, &["og:title", "twitter:title"]).or_else(|| {
        let selector = Selector::parse("title").ok()?;
        let title = clean(&html.select(&selector).next()?.text().collect::<String>());
        (!title.is_empty()).then_some(title)
    })?;
    if let Some(site) = site {
        for separator in [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: "] {
            if let Some(headline) = title
                .strip_suffix(site)
                .and_then(|t| t.strip_suffix(separator))
                && !headline.trim().is_empty()
            {
                return Some(headline.trim().to_string());
            }
        }
    }
    Some(title)
}

fn clean(text: &str) -> String {
    single_line(&sanitize(text))
}

/// Builds the body block by block while the tree is walked.
#[derive(Default)]
struct Builder {
    body: String,
    blocks: Vec<Block>,
    /// Text of the block being read, whitespace already collapsed.
    pending: String,
    /// Open elements that decide a block's kind (headings, list items).
    kinds: Vec<BlockKind>,
    /// Depth of open `<pre>` elements, where whitespace is kept.
    pre: usize,
    /// Text of the first `<h1>`: the article's headline.
    first_h1: Option<String>,
    in_h1: bool,
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "blockquote"
            | "pre"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "table"
            | "tr"
            | "figure"
            | "figcaption"
            | "address"
            | "hr"
            | "body"
            | "header"
            | "details"
            | "summary"
            | "caption"
            | "center"
    )
}

impl Builder {
    fn open(&mut self, name: &str) {
        match name {
            "br" => self.pending.push('\n'),
            "td" | "th" if !self.pending.trim().is_empty() => self.pending.push_str("   "),
            _ if is_block(name) => {
                self.flush();
                match name {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        self.kinds.push(BlockKind::Heading);
                        self.in_h1 = name == "h1";
                    }
                    "li" | "dt" => self.kinds.push(BlockKind::ListItem),
                    "pre" => self.pre += 1,
                    _ => {}
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        if !is_block(name) {
            return;
        }
        self.flush();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "dt" => {
                self.kinds.pop();
                self.in_h1 = false;
            }
            "pre" => self.pre = self.pre.saturating_sub(1),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            self.pending.push_str(text);
            return;
        }
        // HTML collapses runs of ASCII whitespace into one space.
        let mut space = self.pending.ends_with([' ', '\n']) || self.pending.is_empty();
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                if !space {
                    self.pending.push(' ');
                    space = true;
                }
            } else {
                self.pending.push(c);
                space = false;
            }
        }
    }

    fn flush(&mut self) {
        let raw = std::mem::take(&mut self.pending);
        let clean = sanitize(&raw);
        let clean = if self.pre > 0 {
            crate::load::text::expand_tabs(clean)
        } else {
            clean
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let text = clean.trim_matches(|c: char| c.is_whitespace());
        if text.is_empty() {
            return;
        }
        let kind = self.kinds.last().copied().unwrap_or(BlockKind::Paragraph);
        if self.in_h1 && self.first_h1.is_none() {
            self.first_h1 = Some(single_line(text));
        }
        if !self.body.is_empty() {
            self.body.push_str("\n\n");
        }
        let start = self.body.len();
        self.body.push_str(text);
        self.blocks.push(Block {
            kind,
            start,
            end: self.body.len(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(source: &str) -> Page {
        extract(source).expect("parsed")
    }

    fn blocks_of(page: &Page) -> Vec<(BlockKind, &str)> {
        page.blocks
            .iter()
            .map(|block| (block.kind, &page.body[block.start..block.end]))
            .collect()
    }

    #[test]
    fn keeps_the_article_and_drops_furniture() {
        let page = page(
            r#"<!doctype html><html><head><title>Talks resume | Daily Planet</title>
            <meta property="og:site_name" content="Daily Planet">
            <meta property="article:published_time" content="2025-12-15T10:00:00Z">
            <link rel="canonical" href="https://planet.example/talks">
            <style>p { color: red }</style><script>alert(1)</script></head>
            <body><header><a href="/">Home</a> <a href="/world">World</a></header>
            <nav>Previous Next</nav>
            <article><h1>Talks  resume   in Berlin</h1>
            <p class="lede">Envoys met on <b>Monday</b>,
               officials said.</p>
            <div class="share-buttons">Share on X</div>
            <h2>What next</h2>
            <ul><li>A ceasefire</li><li>Prisoner <i>exchanges</i></li></ul>
            <p>Line one<br>line two</p>
            </article>
            <aside>Most read</aside><footer>© Daily Planet</footer>
            <form><input value="Subscribe"></form></body></html>"#,
        );
        assert_eq!(
            blocks_of(&page),
            vec![
                (BlockKind::Heading, "Talks resume in Berlin"),
                (
                    BlockKind::Paragraph,
                    "Envoys met on Monday, officials said."
                ),
                (BlockKind::Heading, "What next"),
                (BlockKind::ListItem, "A ceasefire"),
                (BlockKind::ListItem, "Prisoner exchanges"),
                (BlockKind::Paragraph, "Line one\nline two"),
            ]
        );
        assert_eq!(page.title.as_deref(), Some("Talks resume in Berlin"));
        assert_eq!(page.source.as_deref(), Some("Daily Planet"));
        assert_eq!(page.date.as_deref(), Some("2025-12-15T10:00:00Z"));
        assert_eq!(page.url.as_deref(), Some("https://planet.example/talks"));
    }

    #[test]
    fn page_furniture_in_plain_paragraphs_is_boilerplate_as_in_text() {
        let page = page(
            r#"<html><body><article><h1>Port strike spreads</h1>
            <p>Listen to this article</p>
            <p>Home / Business / Markets</p>
            <p>0:00 / 0:00</p>
            <p>By Ana Reyes, Tom Hale and Lu Wen |</p>
            <p>Dock workers walked out on Monday, the union said.</p>
            <p>Cranes stand idle at the quay on Monday. Nordpix via Wire Images</p>
            <figure><img src="x.jpg"><figcaption>Cranes at the quay. Photo: Nordpix</figcaption></figure>
            <p>(RELATED: Strike Talks Collapse in Second Port)</p>
            </article></body></html>"#,
        );
        let blocks = crate::structure::refine(&page.body, &page.blocks);
        let kinds: Vec<(BlockKind, &str)> = blocks
            .iter()
            .map(|block| (block.kind, &page.body[block.start..block.end]))
            .collect();
        let story: Vec<&str> = kinds
            .iter()
            .filter(|(kind, _)| *kind != BlockKind::Boilerplate)
            .map(|(_, text)| *text)
            .collect();
        assert_eq!(
            story,
            vec![
                "Port strike spreads",
                "Dock workers walked out on Monday, the union said."
            ],
            "{kinds:?}"
        );
    }

    #[test]
    fn title_falls_back_to_the_page_title_without_the_site_name() {
        let page = page(
            r#"<html><head><title>Talks resume - Daily Planet</title>
            <meta name="application-name" content="Daily Planet"></head>
            <body><header><h1>Daily Planet</h1></header><p>Text.</p></body></html>"#,
        );
        assert_eq!(page.title.as_deref(), Some("Talks resume"));
        assert_eq!(blocks_of(&page), vec![(BlockKind::Paragraph, "Text.")]);
    }

    #[test]
    fn escapes_through_character_references_are_removed() {
        let page = page(
            "<p>Red &#27;[31mtext&#x1b;[0m and &#x202E;reversed&#8206; &#x200B;hidden</p>\
             <p>&#x1b;]0;owned&#7;Title</p>",
        );
        assert_eq!(
            blocks_of(&page),
            vec![
                (BlockKind::Paragraph, "Red text and reversed hidden"),
                (BlockKind::Paragraph, "Title"),
            ]
        );
    }

    #[test]
    fn deep_nesting_is_refused_and_garbage_does_not_panic() {
        let deep = "<div>".repeat(100_000) + "deep text";
        let refusal = extract(&deep).expect_err("too deep");
        assert!(refusal.contains("nested too deeply"), "{refusal}");
        // End tags of elements that are not open close nothing.
        let stray = "<div></x>".repeat(100_000) + "deep text";
        let refusal = extract(&stray).expect_err("too deep");
        assert!(refusal.contains("nested too deeply"), "{refusal}");
        let closed = "<div></div>".repeat(100_000);
        assert_eq!(nesting_depth(&closed), 1);
        let nested = "<div><span>".repeat(200) + "deep text" + &"</span></div>".repeat(200);
        let page = extract(&nested).expect("parsed");
        assert_eq!(blocks_of(&page), vec![(BlockKind::Paragraph, "deep text")]);
        let page = extract("<<<>>><p></p>&&&;<table><tr><td>1</td><td>2</td></tr></table>")
            .expect("parsed");
        assert!(
            page.blocks
                .iter()
                .all(|b| b.start < b.end && b.end <= page.body.len())
        );
    }

    #[test]
    fn table_rows_keep_their_cells_apart() {
        let page = page(
            "<table><tr><th>Crop</th><th>Price</th></tr><tr><td>Wheat</td><td>2.55</td></tr></table>",
        );
        assert_eq!(
            blocks_of(&page),
            vec![
                (BlockKind::Paragraph, "Crop   Price"),
                (BlockKind::Paragraph, "Wheat   2.55"),
            ]
        );
    }
}
