//! Document structure: titles, headings, paragraphs, list items, boilerplate,
//! found as spans into the body without rewriting it.
//!
//! Plain text comes in two shapes that need different line handling:
//! one paragraph per line (most web copy pasted into a file), and hard-wrapped
//! text (wire copy, e-mail: fixed-width lines, a paragraph starts with an
//! indent, a blank line or after a short line). [`blocks`] decides which shape
//! a body has from its line lengths, then joins lines accordingly. Every rule
//! is about the shape of the text, never about particular words of an outlet,
//! except the small vocabulary of site navigation in [`is_navigation`].

mod furniture;

pub use furniture::is_furniture;

use crate::load::Format;
use crate::model::{Block, BlockKind};

/// Splits `body` into ordered, non-overlapping blocks.
pub fn blocks(body: &str, format: Format) -> Vec<Block> {
    let lines = lines(body);
    let (units, wrapped) = match format {
        Format::Markdown => (markdown_units(body, &lines), true),
        Format::Text | Format::Html => text_units(body, &lines),
    };
    classify(body, units, wrapped)
}

/// A page's headline repeated in its text, as scraped pages do, is the
/// title (or, when a title is already there, furniture), never a claim.
pub fn mark_repeated_title(body: &str, blocks: &mut [Block], title: &str) {
    let wanted = words_lower(title);
    if wanted.is_empty() {
        return;
    }
    let has_title = blocks.iter().any(|block| block.kind == BlockKind::Title);
    if let Some(block) = blocks
        .iter_mut()
        .find(|block| words_lower(body.get(block.start..block.end).unwrap_or("")) == wanted)
    {
        block.kind = if has_title && block.kind != BlockKind::Title {
            BlockKind::Boilerplate
        } else {
            BlockKind::Title
        };
    }
}

/// Final kinds for blocks found in markup (HTML): a leading headline becomes
/// the title, and the text rules for navigation, link-list sections, title
/// fragments and sign-offs apply as they do to plain text.
pub fn refine(body: &str, blocks: &[Block]) -> Vec<Block> {
    let units = blocks
        .iter()
        .filter(|block| block.start < block.end && body.get(block.start..block.end).is_some())
        .map(|block| Unit {
            shape: match block.kind {
                BlockKind::Title | BlockKind::Heading => Shape::MarkedHeading,
                BlockKind::ListItem => Shape::Item,
                BlockKind::Paragraph | BlockKind::Boilerplate => Shape::Text,
            },
            start: block.start,
            end: block.end,
            lines: body[block.start..block.end].lines().count(),
        })
        .collect();
    classify(body, units, false)
}

/// Whether `block` is laid out in columns (a table of figures) and must keep
/// its line breaks instead of being reflowed.
pub fn preformatted(body: &str, block: &Block) -> bool {
    let text = body.get(block.start..block.end).unwrap_or("");
    let mut rows = 0;
    for line in text.lines() {
        if !line.trim().is_empty() {
            let line = line.trim();
            if !is_table_row(line) && !is_figure_row(line) {
                return false;
            }
            rows += 1;
        }
    }
    rows > 0
}

/// One line of the body; `start..end` excludes the newline, `text_*` the
/// surrounding whitespace.
#[derive(Debug, Clone, Copy)]
struct Line {
    text_start: usize,
    text_end: usize,
    /// Leading spaces (tabs are already expanded by the loader).
    indent: usize,
    /// Length of the trimmed text in characters.
    width: usize,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.text_start == self.text_end
    }

    fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.text_start..self.text_end]
    }
}

fn lines(body: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for raw in body.split('\n') {
        let start = offset;
        offset += raw.len() + 1;
        let trimmed_start = raw.trim_start();
        let text = trimmed_start.trim_end();
        let text_start = start + (raw.len() - trimmed_start.len());
        lines.push(Line {
            text_start,
            text_end: text_start + text.len(),
            indent: raw.len() - trimmed_start.len(),
            width: if text.is_ascii() {
                text.len()
            } else {
                text.chars().count()
            },
        });
    }
    lines
}

/// What a group of lines is before the kinds are decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Running text: one line, or several lines joined.
    Text,
    /// A list item (its span excludes the marker).
    Item,
    /// A markdown `#` heading or setext heading (span excludes the marks).
    MarkedHeading,
    /// Rows of figures in columns.
    Table,
}

#[derive(Debug, Clone, Copy)]
struct Unit {
    shape: Shape,
    start: usize,
    end: usize,
    /// Number of lines joined.
    lines: usize,
}

/// The width hard-wrapped text was filled to, if the body looks hard-wrapped:
/// the long lines all end near one column and that column is narrow.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|line| !line.is_blank())
        .map(|line| line.width + line.indent)
        .collect();
    if widths.len() < 4 {
        return None;
    }
    widths.sort_unstable();
    let width = widths[widths.len() * 9 / 10];
    // Narrower "wrapping" is a column of short lines (figures, lists).
    if !(45..=100).contains(&width) {
        return None;
    }
    let near = widths
        .iter()
        .filter(|&&w| w * 4 >= width * 3 && w <= width + 8)
        .count();
    (near * 2 >= widths.len()).then_some(width)
}

fn text_units(body: &str, lines: &[Line]) -> (Vec<Unit>, bool) {
    let wrap = wrap_width(lines);
    let margin = margin(lines);
    let rows = table_rows(body, lines);
    let mut units: Vec<Unit> = Vec::new();
    // The paragraph being built from wrapped lines, and its last line.
    let mut open: Option<(Unit, Line)> = None;
    let mut marker_pending = false;
    for (line, &row) in lines.iter().zip(&rows) {
        if line.is_blank() {
            flush(&mut open, &mut units);
            continue;
        }
        let text = line.text(body);
        if is_bare_marker(text) {
            flush(&mut open, &mut units);
            marker_pending = true;
            continue;
        }
        if std::mem::take(&mut marker_pending) {
            flush(&mut open, &mut units);
            units.push(single(Shape::Item, line.text_start, line.text_end));
            continue;
        }
        if let Some(marker) = list_marker_len(text) {
            flush(&mut open, &mut units);
            let start = line.text_start + marker;
            open = Some((single(Shape::Item, start, line.text_end), *line));
            continue;
        }
        if row {
            match &mut open {
                Some((unit, last)) if unit.shape == Shape::Table => {
                    unit.end = line.text_end;
                    unit.lines += 1;
                    *last = *line;
                }
                _ => {
                    flush(&mut open, &mut units);
                    open = Some((single(Shape::Table, line.text_start, line.text_end), *line));
                }
            }
            continue;
        }
        let joins = match (&open, wrap) {
            (Some((unit, last)), _)
                if unit.shape == Shape::Text && mid_sentence(body, last, text) =>
            {
                true
            }
            (Some((unit, last)), Some(width)) => continues(body, (unit, last), line, width, margin),
            _ => false,
        };
        if joins && let Some((unit, last)) = &mut open {
            unit.end = line.text_end;
            unit.lines += 1;
            // An item keeps its marker line: continuations are indented past it.
            if unit.shape != Shape::Item {
                *last = *line;
            }
            continue;
        }
        flush(&mut open, &mut units);
        open = Some((single(Shape::Text, line.text_start, line.text_end), *line));
    }
    flush(&mut open, &mut units);
    (units, wrap.is_some())
}

/// A line break inside a sentence: the line before ends without punctuation
/// and the next line starts in lowercase, or it ends with an abbreviated
/// title before a name ("... Senior Gen.¶Ana Ruiz said"). No heading or
/// paragraph ends so.
fn mid_sentence(body: &str, last: &Line, next: &str) -> bool {
    let before = last.text(body);
    let title_before_name = before
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|word| word.ends_with('.') && crate::lexicon::TITLES.contains(&word))
        && next.chars().next().is_some_and(char::is_uppercase);
    title_before_name
        || (!ends_with_punctuation(before)
            && before
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            && next.chars().next().is_some_and(char::is_lowercase))
}

/// Which lines are rows of a table: cells apart in columns, or short lines of
/// figures next to other such lines (an earnings table: "Net 1.1 mln vs 829,000").
fn table_rows(body: &str, lines: &[Line]) -> Vec<bool> {
    let columns: Vec<bool> = lines.iter().map(|l| is_table_row(l.text(body))).collect();
    let figures: Vec<bool> = lines
        .iter()
        .map(|line| is_figure_row(line.text(body)))
        .collect();
    (0..lines.len())
        .map(|i| {
            let row = |j: usize| columns[j] || figures[j];
            columns[i]
                || (figures[i] && ((i > 0 && row(i - 1)) || (i + 1 < lines.len() && row(i + 1))))
        })
        .collect()
}

/// A short line of two numbers or more, dense in digits ("Avg shrs 2,332,397
/// vs 1,428,000"); wrapped prose lines are longer or sparser.
fn is_figure_row(text: &str) -> bool {
    if text.is_empty() || text.chars().count() > 45 || ends_sentence(text) || !is_figures(text) {
        return false;
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    digits * 5 >= letters
}

/// Whether wrapped `line` continues the paragraph whose last line is `last`.
fn continues(
    body: &str,
    (unit, last): (&Unit, &Line),
    line: &Line,
    width: usize,
    margin: usize,
) -> bool {
    match unit.shape {
        Shape::Table | Shape::MarkedHeading => false,
        // A wrapped item goes on with lines indented past its marker.
        Shape::Item => line.indent > last.indent,
        // An indent opens a paragraph; a short line that ends a sentence
        // closes one. Short lines that end mid-sentence are common (a wire
        // story's first line loses its dateline), so shortness alone is not enough.
        Shape::Text => {
            let short = (last.width + last.indent) * 4 < width * 3;
            line.indent <= margin && !(short && ends_sentence(last.text(body)))
        }
    }
}

/// The indent most lines share: wrapped lines return to it, and a paragraph
/// that starts further right starts a new paragraph.
fn margin(lines: &[Line]) -> usize {
    let mut counts = [0usize; 17];
    for line in lines.iter().filter(|line| !line.is_blank()) {
        counts[line.indent.min(16)] += 1;
    }
    let mut best = 0;
    for (indent, &count) in counts.iter().enumerate() {
        if count > counts[best] {
            best = indent;
        }
    }
    best
}

fn single(shape: Shape, start: usize, end: usize) -> Unit {
    Unit {
        shape,
        start,
        end,
        lines: 1,
    }
}

fn flush(open: &mut Option<(Unit, Line)>, units: &mut Vec<Unit>) {
    if let Some((unit, _)) = open.take()
        && unit.start < unit.end
    {
        units.push(unit);
    }
}

fn markdown_units(body: &str, lines: &[Line]) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut open: Option<(Unit, Line)> = None;
    let mut fence: Option<Unit> = None;
    for (index, line) in lines.iter().enumerate() {
        let text = line.text(body);
        if let Some(code) = &mut fence {
            if text.starts_with("```") || text.starts_with("~~~") {
                if code.start < code.end {
                    units.push(*code);
                }
                fence = None;
            } else if !line.is_blank() {
                if code.start == code.end {
                    code.start = line.text_start;
                }
                code.end = line.text_end;
                code.lines += 1;
            }
            continue;
        }
        if text.starts_with("```") || text.starts_with("~~~") {
            flush(&mut open, &mut units);
            fence = Some(Unit {
                shape: Shape::Table,
                start: 0,
                end: 0,
                lines: 0,
            });
            continue;
        }
        if line.is_blank() || is_rule(text) {
            flush(&mut open, &mut units);
            continue;
        }
        if let Some(heading) = atx_heading(text) {
            flush(&mut open, &mut units);
            let start = line.text_start + heading.0;
            let end = line.text_start + heading.1;
            if start < end {
                units.push(single(Shape::MarkedHeading, start, end));
            }
            continue;
        }
        let underlined = lines
            .get(index + 1)
            .is_some_and(|next| is_setext_underline(next.text(body)));
        if underlined && open.is_none() {
            units.push(single(Shape::MarkedHeading, line.text_start, line.text_end));
            continue;
        }
        // An underline already consumed by its heading, or a thematic break.
        if is_setext_underline(text) {
            flush(&mut open, &mut units);
            continue;
        }
        let quote = text.len() - text.trim_start_matches('>').trim_start().len();
        if let Some(marker) = list_marker_len(text) {
            flush(&mut open, &mut units);
            open = Some((
                single(Shape::Item, line.text_start + marker, line.text_end),
                *line,
            ));
            continue;
        }
        match &mut open {
            Some((unit, last)) if unit.shape != Shape::MarkedHeading => {
                unit.end = line.text_end;
                unit.lines += 1;
                *last = *line;
            }
            _ => {
                flush(&mut open, &mut units);
                open = Some((
                    single(Shape::Text, line.text_start + quote, line.text_end),
                    *line,
                ));
            }
        }
    }
    if let Some(code) = fence
        && code.start < code.end
    {
        units.push(code);
    }
    flush(&mut open, &mut units);
    units
}

/// `# Heading #` → the byte range of `Heading` within the line.
fn atx_heading(text: &str) -> Option<(usize, usize)> {
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &text[hashes..];
    if !rest.is_empty() && !rest.starts_with(' ') {
        return None;
    }
    let content = rest.trim_end().trim_end_matches('#').trim();
    if content.is_empty() {
        return Some((text.len(), text.len()));
    }
    let start = hashes + (rest.len() - rest.trim_start().len());
    Some((start, start + content.len()))
}

fn is_setext_underline(text: &str) -> bool {
    text.len() >= 2 && (text.bytes().all(|b| b == b'=') || text.bytes().all(|b| b == b'-'))
}

fn is_rule(text: &str) -> bool {
    let marks: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3 && (marks.chars().all(|c| c == '*') || marks.chars().all(|c| c == '_'))
}

/// A line holding only a list marker; its item is on the next line.
fn is_bare_marker(text: &str) -> bool {
    matches!(text, "-" | "*" | "•" | "–" | "·" | "▪" | "◦" | "‣")
        || (text.len() <= 4
            && (text.ends_with('.') || text.ends_with(')'))
            && text[..text.len() - 1].bytes().all(|b| b.is_ascii_digit())
            && text.len() > 1)
}

/// Length in bytes of a leading list marker and the space after it.
fn list_marker_len(text: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    if matches!(first, '-' | '*' | '•' | '–' | '·' | '▪' | '◦' | '‣' | '+') {
        let after = first.len_utf8();
        let rest = &text[after..];
        let spaces = rest.len() - rest.trim_start_matches(' ').len();
        // "-5 pct" or "--" are not items; "- item" is.
        return (spaces > 0 && rest.len() > spaces).then_some(after + spaces);
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &text[digits..];
        if let Some(tail) = rest.strip_prefix(['.', ')']) {
            let spaces = tail.len() - tail.trim_start_matches(' ').len();
            let body = &tail[spaces..];
            // "1. The" is an item, "1.5 mln" and "3. 4" are not.
            if spaces > 0 && body.chars().next().is_some_and(char::is_alphabetic) {
                return Some(digits + 1 + spaces);
            }
        }
    }
    None
}

/// A row of a table: cells separated by wide gaps, or a line of figures.
fn is_table_row(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut gaps = 0;
    let mut wide_gaps = 0;
    let mut run = 0;
    for &byte in bytes {
        if byte == b' ' {
            run += 1;
        } else {
            if run >= 2 {
                gaps += 1;
                if run >= 3 {
                    wide_gaps += 1;
                }
            }
            run = 0;
        }
    }
    if gaps >= 2 && wide_gaps >= 1 {
        return true;
    }
    if wide_gaps == 1 {
        let digits = bytes.iter().filter(|b| b.is_ascii_digit()).count();
        let letters = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
        return digits > 0 && digits * 2 >= letters;
    }
    false
}

/// Text ends a sentence (or introduces what follows, with a colon).
fn ends_sentence(text: &str) -> bool {
    let stripped = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    stripped
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | '…'))
}

/// Text ends like a sentence or a clause, not like a heading.
fn ends_with_punctuation(text: &str) -> bool {
    let stripped = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*', '_']);
    stripped
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | ',' | ';' | ':' | '…' | '-' | '—' | '–'))
}

/// Words in `text`, counting no further than `limit` (paragraphs are long and
/// the rules only ask about short ones).
fn words_up_to(text: &str, limit: usize) -> usize {
    text.split_whitespace().take(limit).count()
}

/// A short line without final punctuation that starts like a name or a title.
fn is_heading_like(text: &str, max_words: usize) -> bool {
    if text.len() > 480 || text.chars().count() > 120 {
        return false;
    }
    let words = words_up_to(text, max_words + 1);
    if words == 0 || words > max_words {
        return false;
    }
    if ends_with_punctuation(text) {
        return false;
    }
    let first = text.chars().find(|c| c.is_alphanumeric());
    first.is_some_and(|c| c.is_uppercase() || c.is_numeric() || !c.is_lowercase())
        && !is_figures(text)
        && (words <= 5 || is_title_cased(text))
}

/// Most longer words are capitalised, as in headlines and section titles; a
/// line of running text cut by a line break is not.
fn is_title_cased(text: &str) -> bool {
    let (mut long, mut capitalised) = (0, 0);
    for word in text.split_whitespace() {
        let letters = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        if letters.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            long += 1;
            if letters.chars().next().is_some_and(char::is_uppercase) {
                capitalised += 1;
            }
        }
    }
    capitalised * 2 > long
}

/// A line of figures ("Net 1.1 mln vs 829,000") is data, not a heading: it
/// holds two numbers or more, or digits make a quarter of it.
fn is_figures(text: &str) -> bool {
    let numbers = text
        .split_whitespace()
        .filter(|word| word.bytes().any(|b| b.is_ascii_digit()))
        .take(2)
        .count();
    if numbers >= 2 {
        return true;
    }
    let (mut letters, mut digits) = (0, 0);
    for c in text.chars() {
        if c.is_alphabetic() {
            letters += 1;
        } else if c.is_numeric() {
            digits += 1;
        }
    }
    letters == 0 || digits * 3 >= letters
}

/// Site navigation and page furniture: every word belongs to that vocabulary
/// and at least one is unambiguous.
fn is_navigation(text: &str) -> bool {
    const STRONG: &[&str] = &[
        "previous",
        "next",
        "prev",
        "older",
        "newer",
        "share",
        "tweet",
        "subscribe",
        "advertisement",
        "advertising",
        "sponsored",
        "menu",
        "skip",
        "login",
        "logout",
        "newsletter",
        "comments",
        "comment",
        "print",
        "related",
        "whatsapp",
        "facebook",
        "twitter",
        "linkedin",
        "pinterest",
        "telegram",
        "reddit",
        "email",
        "cookies",
        "cookie",
        "copyright",
        "reserved",
        "home",
        "breadcrumb",
        "trending",
        "sign",
        "register",
        "download",
        "app",
    ];
    const WEAK: &[&str] = &[
        "post", "posts", "article", "articles", "story", "stories", "page", "more", "read", "this",
        "on", "to", "in", "up", "out", "us", "our", "the", "a", "all", "rights", "content", "main",
        "back", "top", "via", "by", "for", "and", "or", "of", "with", "continue", "reading",
        "follow", "link", "copy", "x", "news", "free", "now", "here", "click", "view", "see",
        "also", "latest", "up",
    ];
    if text.len() > 120 {
        return false;
    }
    let listed = |list: &[&str], word: &str| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    let mut strong = false;
    let mut words = 0;
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        words += 1;
        if listed(STRONG, word) {
            strong = true;
        } else if !listed(WEAK, word) && !word.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    strong && words <= 10
}

/// Headings that introduce link lists and credits rather than the story.
fn is_sources_heading(text: &str) -> bool {
    const NAMES: &[&str] = &[
        "sources",
        "source",
        "references",
        "related",
        "related articles",
        "related stories",
        "related posts",
        "read more",
        "see also",
        "further reading",
        "links",
        "more on this story",
        "tags",
        "share",
        "share this",
        "share this article",
        "more from",
        "you may also like",
        "recommended",
    ];
    let name = text.trim_end_matches(':').trim();
    NAMES.iter().any(|known| known.eq_ignore_ascii_case(name))
}

/// Lowercased words, for comparing fragments with a title.
fn words_lower(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Kinds for `units`. In `wrapped` text a title must stand apart, followed by
/// a blank line, since any short first line would otherwise qualify.
fn classify(body: &str, units: Vec<Unit>, wrapped: bool) -> Vec<Block> {
    let content_units = units.len();
    let mut blocks: Vec<Block> = Vec::with_capacity(units.len());
    let mut title_words: Option<Vec<String>> = None;
    let mut in_sources = false;
    for (index, unit) in units.iter().enumerate() {
        let text = &body[unit.start..unit.end];
        let is_last = index + 1 == content_units;
        let heading_like = unit.lines == 1 && is_heading_like(text, 14);
        let mut kind = match unit.shape {
            Shape::Item => BlockKind::ListItem,
            Shape::Table => BlockKind::Paragraph,
            Shape::MarkedHeading => BlockKind::Heading,
            // A last line without a full stop is often a sentence cut short;
            // title-cased, it is still a heading (a pull quote, a kicker).
            Shape::Text if heading_like && (!is_last || is_title_cased(text)) => BlockKind::Heading,
            Shape::Text => BlockKind::Paragraph,
        };
        // The first line is the title when it reads like a headline and more
        // follows; headlines may be long and carry commas, not a full stop.
        let stands_apart = units
            .get(index + 1)
            .is_some_and(|next| body[unit.end..next.start].matches('\n').count() >= 2);
        let first_content = blocks
            .iter()
            .all(|block| block.kind == BlockKind::Boilerplate);
        if first_content
            && title_words.is_none()
            && !furniture::is_furniture(text)
            && !is_last
            && (!wrapped || stands_apart)
            && unit.lines == 1
            && unit.shape != Shape::Item
            && unit.shape != Shape::Table
            && words_up_to(text, 31) <= 30
            && !is_figures(text)
            && is_title_cased(text)
            && !text.trim_end().ends_with(['.', ':', ';'])
            && text
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        {
            kind = BlockKind::Title;
            title_words = Some(words_lower(text));
        }
        if kind == BlockKind::Heading || kind == BlockKind::Title {
            // Link lists and credits follow the story: a "Share this
            // article" above its first paragraph is a row of buttons, and
            // the story's paragraphs come after it.
            let story_begun = blocks
                .iter()
                .any(|block| block.kind == BlockKind::Paragraph);
            in_sources = story_begun && is_sources_heading(text);
        }
        let short = words_up_to(text, 26) <= 25;
        let boilerplate = (unit.lines <= 2 && furniture::is_furniture(text))
            || (unit.lines == 1 && is_navigation(text))
            || (in_sources && (short || kind == BlockKind::Heading))
            || (kind != BlockKind::Title && is_title_fragment(text, title_words.as_deref()))
            || (is_last && index > 0 && is_sign_off(text))
            || is_copyright(text)
            || !text.chars().any(char::is_alphanumeric);
        if boilerplate {
            kind = BlockKind::Boilerplate;
        }
        blocks.push(Block {
            kind,
            start: unit.start,
            end: unit.end,
        });
    }
    blocks
}

/// A short line repeating the start of the title (a page's leftover kicker).
fn is_title_fragment(text: &str, title: Option<&[String]>) -> bool {
    let Some(title) = title else {
        return false;
    };
    if text.len() > 120 {
        return false;
    }
    let words = words_lower(text);
    !words.is_empty()
        && words.len() <= 8
        && !ends_with_punctuation(text)
        && words.len() <= title.len()
        && title[..words.len()] == words[..]
}

/// A closing tag line such as an agency's name or an end mark.
fn is_sign_off(text: &str) -> bool {
    words_up_to(text, 3) <= 2 && text.chars().count() <= 24 && !ends_with_punctuation(text)
}

fn is_copyright(text: &str) -> bool {
    let start = text.trim_start();
    let starts = |prefix: &str| {
        start
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    (starts("©") || starts("copyright") || starts("(c) ")) && words_up_to(text, 21) <= 20
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(body: &str, format: Format) -> Vec<(BlockKind, &str)> {
        blocks(body, format)
            .into_iter()
            .map(|block| (block.kind, &body[block.start..block.end]))
            .collect()
    }

    #[test]
    fn one_paragraph_per_line_with_headings() {
        let body = "The talks went on for hours, officials said on Monday.\n\
                    Narrowing Differences on Security\n\
                    The latest round involved envoys from both sides.\n";
        assert_eq!(
            kinds(body, Format::Text),
            vec![
                (
                    BlockKind::Paragraph,
                    "The talks went on for hours, officials said on Monday."
                ),
                (BlockKind::Heading, "Narrowing Differences on Security"),
                (
                    BlockKind::Paragraph,
                    "The latest round involved envoys from both sides."
                ),
            ]
        );
    }

    #[test]
    fn dash_line_then_item_spans_the_item_text() {
        let body = "Officials cited several factors:\n-\nWar fatigue on all sides\n-\nEconomic pressure\nOfficials said more.\n";
        assert_eq!(
            kinds(body, Format::Text),
            vec![
                (BlockKind::Paragraph, "Officials cited several factors:"),
                (BlockKind::ListItem, "War fatigue on all sides"),
                (BlockKind::ListItem, "Economic pressure"),
                (BlockKind::Paragraph, "Officials said more."),
            ]
        );
    }

    #[test]
    fn inline_markers_are_items_but_negative_numbers_are_not() {
        let body = "Steps:\n- first step\n* second step\n1. third step\n-5 pct was the change.\n";
        let found = kinds(body, Format::Text);
        assert_eq!(found[1], (BlockKind::ListItem, "first step"));
        assert_eq!(found[2], (BlockKind::ListItem, "second step"));
        assert_eq!(found[3], (BlockKind::ListItem, "third step"));
        assert_eq!(found[4], (BlockKind::Paragraph, "-5 pct was the change."));
    }

    const WIRE: &str = r"Showers continued throughout the week in
the Bahia cocoa zone, alleviating the drought since early
January and improving prospects for the coming temporao,
although normal humidity levels have not been restored,
Comissaria Smith said in its weekly review.
    The dry period means the temporao will be late this year.
    Arrivals for the week ended February 22 were 155,221 bags
of 60 kilos making a cumulative total for the season of 5.93
mln against 5.81 at the same stage last year.
         Natl   Loan           Release   Call
 Wheat   2.55   2.40       IV     4.65     --
 Corn    1.35   1.92       IV     3.15   3.15
    Reserves I, II and III have matured. Level IV reflects
grain entered after Oct 6, 1981 for feedgrain.

 Reuter
";

    #[test]
    fn hard_wrapped_wire_copy_becomes_paragraphs() {
        let found = kinds(WIRE, Format::Text);
        let shown: Vec<BlockKind> = found.iter().map(|(kind, _)| *kind).collect();
        assert_eq!(
            shown,
            vec![
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Boilerplate,
            ]
        );
        assert!(found[0].1.starts_with("Showers"));
        assert!(found[0].1.ends_with("weekly review."));
        assert_eq!(
            found[1].1,
            "The dry period means the temporao will be late this year."
        );
        assert!(found[2].1.ends_with("same stage last year."));
        assert!(found[3].1.starts_with("Natl") && found[3].1.ends_with("3.15   3.15"));
        assert_eq!(found[5].1, "Reuter");
    }

    #[test]
    fn a_short_first_line_without_a_full_stop_continues_its_paragraph() {
        let body = r"Computer Terminal Systems Inc said
it has completed the sale of 200,000 shares of its common
stock, and warrants to acquire an additional one mln shares.
    The company said the warrants are exercisable for five
years at a purchase price of .125 dlrs per share.
 Reuter
";
        let found = kinds(body, Format::Text);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0].0, BlockKind::Paragraph);
        assert!(found[0].1.ends_with("one mln shares."));
        assert_eq!(found[1].0, BlockKind::Paragraph);
        assert_eq!(found[2], (BlockKind::Boilerplate, "Reuter"));
    }

    #[test]
    fn lines_of_figures_are_tables_not_titles_or_headings() {
        let body = "Shr 45 cts vs 58 cts\n    Net 1.1 mln vs 829,000\n    Sales 7.9 mln vs 9.4 mln\n    Year\n    Shr 1.22 dlrs vs 1.06 dlrs\n Reuter\n";
        let found = kinds(body, Format::Text);
        assert_eq!(
            found,
            vec![
                (
                    BlockKind::Paragraph,
                    "Shr 45 cts vs 58 cts\n    Net 1.1 mln vs 829,000\n    Sales 7.9 mln vs 9.4 mln"
                ),
                (BlockKind::Heading, "Year"),
                (BlockKind::Paragraph, "Shr 1.22 dlrs vs 1.06 dlrs"),
                (BlockKind::Boilerplate, "Reuter"),
            ]
        );
        let blocks = blocks(body, Format::Text);
        assert!(preformatted(body, &blocks[0]));
    }

    #[test]
    fn tables_are_preformatted_and_prose_is_not() {
        let body = WIRE;
        let found = blocks(body, Format::Text);
        assert!(preformatted(body, &found[3]));
        assert!(!preformatted(body, &found[0]));
    }

    #[test]
    fn page_leftovers_are_boilerplate() {
        let body = "US Hails Progress on Security Deal, Acknowledges Role\n\n\
                    US Hails\n\n\
                    The secretary said progress was made on the deal.\n\n\
                    Sources\n\n\
                    Article reviewed and edited by the desk.\n\n\
                    Previous Post Next Post\n";
        assert_eq!(
            kinds(body, Format::Text),
            vec![
                (
                    BlockKind::Title,
                    "US Hails Progress on Security Deal, Acknowledges Role"
                ),
                (BlockKind::Boilerplate, "US Hails"),
                (
                    BlockKind::Paragraph,
                    "The secretary said progress was made on the deal."
                ),
                (BlockKind::Boilerplate, "Sources"),
                (
                    BlockKind::Boilerplate,
                    "Article reviewed and edited by the desk."
                ),
                (BlockKind::Boilerplate, "Previous Post Next Post"),
            ]
        );
    }

    #[test]
    fn a_share_line_above_the_story_opens_no_link_list() {
        let body = "Minister Resigns Over Leaked Memo\n\n\
                    Share this article\n\n\
                    The transport minister resigned on Monday after a memo leaked.\n\n\
                    The prime minister said she had accepted it.\n";
        let found = kinds(body, Format::Text);
        assert_eq!(found[1], (BlockKind::Boilerplate, "Share this article"));
        assert_eq!(found[2].0, BlockKind::Paragraph);
        assert_eq!(found[3].0, BlockKind::Paragraph);
    }

    #[test]
    fn an_abbreviated_title_at_a_line_break_goes_on_to_the_name() {
        let body = "Losses will rise, said the head of the army, Senior Gen.\nAna Ruiz said on television.\nMore follows here.\n";
        let found = kinds(body, Format::Text);
        assert_eq!(found[0].0, BlockKind::Paragraph);
        assert!(found[0].1.ends_with("on television."), "{found:?}");
    }

    #[test]
    fn a_title_cased_last_line_is_a_heading() {
        let body = "The court ruled on Friday.\n\nThe verdict came after a month.\n\n‘One of the Largest Frauds in Modern History’\n";
        let found = kinds(body, Format::Text);
        assert_eq!(
            found.last(),
            Some(&(
                BlockKind::Heading,
                "‘One of the Largest Frauds in Modern History’"
            ))
        );
    }

    #[test]
    fn running_text_cut_by_a_line_break_is_not_a_heading() {
        let body = "Bank of Lincoln City said it plans to merge with U.S. Bancorp's
Oregon unit, the company said.
Shr seven cts vs 14 cts
Nine mths
Shr 1.10 dlrs vs 95 cts.
";
        let found = kinds(body, Format::Text);
        assert_eq!(found[0].0, BlockKind::Paragraph);
        assert_eq!(found[2].0, BlockKind::Paragraph);
        assert_eq!(found[3], (BlockKind::Heading, "Nine mths"));
    }

    #[test]
    fn section_names_with_navigation_words_stay_headings() {
        let body = "First paragraph of the story goes here.\nNext Steps for the Alliance\nMore text follows here.\nWhat Happens Next\nThe end of it.";
        let found = kinds(body, Format::Text);
        assert_eq!(found[1].0, BlockKind::Heading);
        assert_eq!(found[3].0, BlockKind::Heading);
    }

    #[test]
    fn markdown_headings_lists_and_paragraphs() {
        let body = "# The Title\n\nA paragraph that is\nwrapped over lines.\n\n## Section\n\n- one\n- two\n\nSetext\n------\n\nEnd.\n";
        assert_eq!(
            kinds(body, Format::Markdown),
            vec![
                (BlockKind::Title, "The Title"),
                (
                    BlockKind::Paragraph,
                    "A paragraph that is\nwrapped over lines."
                ),
                (BlockKind::Heading, "Section"),
                (BlockKind::ListItem, "one"),
                (BlockKind::ListItem, "two"),
                (BlockKind::Heading, "Setext"),
                (BlockKind::Paragraph, "End."),
            ]
        );
    }

    #[test]
    fn blocks_are_ordered_trimmed_and_inside_the_body() {
        for body in [
            WIRE,
            "",
            "\n\n",
            "  x  ",
            "-\n-\n-",
            "# \n##",
            "```\ncode",
            "a\r\nb",
        ] {
            for format in [Format::Text, Format::Markdown] {
                let found = blocks(body, format);
                let mut previous = 0;
                for block in found {
                    assert!(block.start >= previous && block.start < block.end);
                    let text = &body[block.start..block.end];
                    assert_eq!(text, text.trim());
                    previous = block.end;
                }
            }
        }
    }
}
