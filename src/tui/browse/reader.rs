//! The reader pane: an article laid out once per (article, width, toggles)
//! into visual lines that point back into `Article::body`, and a renderer
//! that draws only the lines in view. Hard-wrapped source lines are
//! reflowed: a block's words are re-wrapped with single spaces between them.

use super::decorate::{Decorations, StyledRange, Toggles, block_style};
use super::list::pane_block;
use super::{Browse, Focus};
use crate::model::{Article, BlockKind};
use crate::tui::layer::Shared;
use crate::tui::text::{clean, cluster_bounds, width};
use crate::tui::theme::Theme;
use crate::tui::widgets::inner;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use textwrap::core::Fragment;
use unicode_segmentation::UnicodeSegmentation;

/// Columns left of the text: one for a gutter mark, one blank.
pub const GUTTER: u16 = 2;

/// A word of the body (or a piece of a word too wide for a line).
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    width: usize,
    space_after: bool,
}

impl Fragment for Token {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        if self.space_after { 1.0 } else { 0.0 }
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

#[derive(Debug, Clone)]
enum Content {
    Blank,
    /// Text that is not in the body (the title when the body has none, the outlet line).
    Extra(String, Style),
    /// `tokens[first..last]` of block `block`.
    Body {
        first: usize,
        last: usize,
        block: usize,
    },
}

#[derive(Debug, Clone)]
struct VisualLine {
    prefix: &'static str,
    content: Content,
}

/// What a layout depends on; a layout is rebuilt only when this changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutKey {
    pub article: usize,
    pub width: u16,
    pub toggles: Toggles,
}

/// An article wrapped to one width.
#[derive(Debug)]
pub struct Layout {
    pub key: LayoutKey,
    tokens: Vec<Token>,
    lines: Vec<VisualLine>,
    /// (body offset, line) of every body line, in order: offset → line lookups.
    anchors: Vec<(usize, usize)>,
    decorations: Decorations,
    /// (line, symbol, style), sorted by line.
    gutter: Vec<(usize, char, Style)>,
}

/// The title was derived from the first block (no curated one), so showing
/// it above that block would print the same words twice.
fn title_opens_body(article: &Article) -> bool {
    let title = article.title.trim_end_matches(['…', '.']).trim();
    !title.is_empty()
        && article
            .blocks
            .iter()
            .find(|block| block.kind != BlockKind::Boilerplate)
            .and_then(|block| article.body.get(block.start..block.end))
            .is_some_and(|text| text.trim_start().starts_with(title))
}

fn bullet_prefix(text: &str) -> bool {
    matches!(text, "-" | "*" | "•" | "–" | "—" | "+" | "·" | "▪" | "◦")
}

impl Layout {
    /// Wraps `article` for a reader whose inner width (gutter included) is `key.width`.
    pub fn build(article: &Article, key: LayoutKey, theme: &Theme) -> Layout {
        let text_width = usize::from(key.width.saturating_sub(GUTTER)).max(1);
        let mut layout = Layout {
            key,
            tokens: Vec::new(),
            lines: Vec::new(),
            anchors: Vec::new(),
            decorations: Decorations::of(article, &key.toggles, theme),
            gutter: Vec::new(),
        };
        let has_title = article.blocks.iter().any(|b| b.kind == BlockKind::Title);
        if !has_title {
            if !title_opens_body(article) {
                layout.push_extra(
                    &article.title,
                    block_style(BlockKind::Title, theme),
                    text_width,
                );
            }
            layout.push_outlet(article, text_width, theme);
        }
        let mut previous: Option<BlockKind> = None;
        let mut outlet_shown = !has_title;
        for (index, block) in article.blocks.iter().enumerate() {
            if key.toggles.hide_boilerplate && block.kind == BlockKind::Boilerplate {
                continue;
            }
            let Some(text) = article.body.get(block.start..block.end) else {
                continue;
            };
            if text.trim().is_empty() {
                continue;
            }
            let tight = previous == Some(BlockKind::ListItem) && block.kind == BlockKind::ListItem;
            if previous.is_some() && !tight {
                layout.push_blank();
            }
            layout.push_block(text, block.start, index, block.kind, text_width);
            if block.kind == BlockKind::Title && !outlet_shown {
                layout.push_outlet(article, text_width, theme);
                outlet_shown = true;
                previous = None;
                continue;
            }
            previous = Some(block.kind);
        }
        layout.place_gutter();
        layout
    }

    fn push_blank(&mut self) {
        self.lines.push(VisualLine {
            prefix: "",
            content: Content::Blank,
        });
    }

    fn push_extra(&mut self, text: &str, style: Style, text_width: usize) {
        let text = clean(text);
        for line in textwrap::wrap(text.trim(), text_width) {
            self.lines.push(VisualLine {
                prefix: "",
                content: Content::Extra(line.into_owned(), style),
            });
        }
    }

    fn push_outlet(&mut self, article: &Article, text_width: usize, theme: &Theme) {
        let outlet = match (&article.source, &article.date) {
            (Some(source), Some(date)) => format!("{source} · {date}"),
            (Some(source), None) => source.clone(),
            (None, Some(date)) => date.clone(),
            (None, None) => String::new(),
        };
        if !outlet.is_empty() {
            self.push_extra(&outlet, theme.byline, text_width);
        }
        if !self.lines.is_empty() {
            self.push_blank();
        }
    }

    fn push_block(
        &mut self,
        text: &str,
        offset: usize,
        block: usize,
        kind: BlockKind,
        text_width: usize,
    ) {
        let first_token = self.tokens.len();
        let mut words = text
            .split(char::is_whitespace)
            .filter(|word| !word.is_empty())
            .map(|word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
            .peekable();
        let (first_prefix, rest_prefix) = match kind {
            BlockKind::ListItem => {
                if words.peek().is_some_and(|(_, word)| bullet_prefix(word)) {
                    words.next();
                }
                ("• ", "  ")
            }
            _ => ("", ""),
        };
        let avail = text_width.saturating_sub(width(first_prefix)).max(1);
        for (at, word) in words {
            self.push_word(word, offset + at, avail);
        }
        if self.tokens.len() == first_token {
            return;
        }
        let line_widths = [avail as f64];
        let mut next = first_token;
        let wrapped: Vec<usize> =
            textwrap::wrap_algorithms::wrap_first_fit(&self.tokens[first_token..], &line_widths)
                .iter()
                .map(|line| line.len())
                .collect();
        for (number, count) in wrapped.into_iter().enumerate() {
            let (first, last) = (next, next + count);
            next = last;
            self.anchors
                .push((self.tokens[first].start, self.lines.len()));
            self.lines.push(VisualLine {
                prefix: if number == 0 {
                    first_prefix
                } else {
                    rest_prefix
                },
                content: Content::Body { first, last, block },
            });
        }
    }

    /// Adds `word` as one token, or as pieces when it is wider than a line.
    fn push_word(&mut self, word: &str, start: usize, avail: usize) {
        let word_width = width(&clean(word));
        if word_width <= avail {
            self.tokens.push(Token {
                start,
                end: start + word.len(),
                width: word_width,
                space_after: true,
            });
            return;
        }
        let mut piece_start = 0;
        let mut piece_width = 0;
        // Cut between clusters only: a piece starting with a combining mark
        // or the second half of a flag would be measured and drawn apart
        // from its base.
        for (at, cluster) in word.grapheme_indices(true) {
            let w = width(&clean(cluster));
            if piece_width + w > avail && piece_width > 0 {
                self.tokens.push(Token {
                    start: start + piece_start,
                    end: start + at,
                    width: piece_width,
                    space_after: false,
                });
                piece_start = at;
                piece_width = 0;
            }
            piece_width += w;
        }
        self.tokens.push(Token {
            start: start + piece_start,
            end: start + word.len(),
            width: piece_width,
            space_after: true,
        });
    }

    fn place_gutter(&mut self) {
        let marks: Vec<_> = self.decorations.gutter().to_vec();
        for mark in marks {
            if let Some(line) = self.line_of(mark.at) {
                self.gutter.push((line, mark.symbol, mark.style));
            }
        }
        self.gutter.sort_by_key(|(line, _, _)| *line);
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// The visual line showing body byte `at` (the nearest one before it
    /// when `at` falls in hidden or blank text).
    pub fn line_of(&self, at: usize) -> Option<usize> {
        let index = self.anchors.partition_point(|(offset, _)| *offset <= at);
        match index {
            0 => self.anchors.first().map(|(_, line)| *line),
            n => self.anchors.get(n - 1).map(|(_, line)| *line),
        }
    }

    /// Body offset of the first body line at or after `line` (keeps the
    /// reading position across re-wraps).
    pub fn offset_of(&self, line: usize) -> Option<usize> {
        let index = self.anchors.partition_point(|(_, l)| *l < line);
        self.anchors.get(index).map(|(offset, _)| *offset)
    }
}

/// What the reader shows besides the layout itself.
/// The part of a layout on screen.
#[derive(Debug, Clone, Copy, Default)]
pub struct Viewport {
    pub scroll: usize,
    /// A byte range of the body to highlight (a sentence picked elsewhere).
    pub highlight: Option<(usize, usize)>,
}

/// Draws the lines of `layout` in view into `area` (already inside any border).
pub fn render(
    article: &Article,
    layout: &Layout,
    view: Viewport,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let highlight = view.highlight.map(|range| (range, theme.highlight));
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let visible = layout
        .lines
        .iter()
        .enumerate()
        .skip(view.scroll)
        .take(usize::from(area.height));
    let first_mark = layout
        .gutter
        .partition_point(|(line, _, _)| *line < view.scroll);
    let mut marks = layout.gutter[first_mark..].iter().peekable();
    for (row, (index, line)) in (0u16..).zip(visible) {
        let y = area.y + row;
        while let Some((mark_line, symbol, style)) = marks.peek() {
            if *mark_line > index {
                break;
            }
            if *mark_line == index && GUTTER > 0 {
                let mut tmp = [0; 4];
                buf.set_stringn(area.x, y, symbol.encode_utf8(&mut tmp), 1, *style);
            }
            marks.next();
        }
        let x = area.x + GUTTER.min(area.width);
        let right = area.right();
        let (mut x, _) = buf.set_stringn(
            x,
            y,
            line.prefix,
            usize::from(right.saturating_sub(x)),
            theme.bullet,
        );
        match &line.content {
            Content::Blank => {}
            Content::Extra(text, style) => {
                buf.set_stringn(x, y, text, usize::from(right.saturating_sub(x)), *style);
            }
            Content::Body { first, last, block } => {
                let tokens = layout.tokens.get(*first..*last).unwrap_or_default();
                let (Some(first_token), Some(last_token)) = (tokens.first(), tokens.last()) else {
                    continue;
                };
                let ranges = layout
                    .decorations
                    .overlapping(first_token.start, last_token.end);
                let base = article
                    .blocks
                    .get(*block)
                    .map(|b| block_style(b.kind, theme))
                    .unwrap_or_default();
                for (n, token) in tokens.iter().enumerate() {
                    if x >= right {
                        break;
                    }
                    x = draw_token(article, token, &ranges, highlight, base, x, y, right, buf);
                    let gap = token.space_after && n + 1 < tokens.len();
                    if gap && x < right {
                        let next_start = tokens[n + 1].start;
                        let style = gap_style(&ranges, highlight, base, token.end, next_start);
                        x = put(buf, x, y, " ", right, style);
                    }
                }
            }
        }
    }
}

/// The style of the space between two words: styled like the text around
/// it when both sides belong to the same range (an underlined quote stays
/// continuous), plain otherwise.
fn gap_style(
    ranges: &[StyledRange],
    highlight: Highlight,
    base: Style,
    before: usize,
    after: usize,
) -> Style {
    let mut style = base;
    for range in ranges {
        if range.start < before && range.end > after {
            style = style.patch(range.style);
        }
    }
    if let Some(((start, end), highlight)) = highlight
        && start < before
        && end > after
    {
        style = style.patch(highlight);
    }
    style
}

/// Writes clean `text` at (`x`, `y`), stopping before column `right`;
/// returns the column after it. Plain ASCII (most news text) skips the
/// grapheme segmentation `set_stringn` needs, which dominates a frame.
fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, right: u16, style: Style) -> u16 {
    if !text.is_ascii() {
        let max = usize::from(right.saturating_sub(x));
        return buf.set_stringn(x, y, text, max, style).0;
    }
    let mut x = x;
    for c in text.chars() {
        if x >= right {
            break;
        }
        let Some(cell) = buf.cell_mut((x, y)) else {
            break;
        };
        cell.set_char(c).set_style(style);
        x += 1;
    }
    x
}

#[allow(clippy::too_many_arguments)]
fn draw_token(
    article: &Article,
    token: &Token,
    ranges: &[StyledRange],
    highlight: Highlight,
    base: Style,
    x: u16,
    y: u16,
    right: u16,
    buf: &mut Buffer,
) -> u16 {
    // Cut the token wherever a range or the highlight begins or ends inside it.
    let mut cuts = vec![token.start, token.end];
    let inner = |at: usize| at > token.start && at < token.end;
    for range in ranges {
        cuts.extend([range.start, range.end].into_iter().filter(|at| inner(*at)));
    }
    if let Some(((start, end), _)) = highlight {
        cuts.extend([start, end].into_iter().filter(|at| inner(*at)));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let text = article.text(token.start, token.end);
    if text.is_ascii() {
        cuts.retain(|at| article.body.is_char_boundary(*at));
    } else {
        // A range ending inside a cluster (an entity before a combining
        // mark) would split it into cells of other widths than its own.
        let bounds: Vec<usize> = cluster_bounds(text).map(|at| token.start + at).collect();
        cuts.retain(|at| bounds.binary_search(at).is_ok());
    }
    let mut x = x;
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let mut style = base;
        for range in ranges {
            if range.start <= start && range.end >= end {
                style = style.patch(range.style);
            }
        }
        if let Some(((h_start, h_end), highlight)) = highlight
            && h_start <= start
            && h_end >= end
        {
            style = style.patch(highlight);
        }
        let text = clean(article.text(start, end));
        x = put(buf, x, y, &text, right, style);
        if x >= right {
            break;
        }
    }
    x
}

/// A byte range of the body drawn in the theme's highlight style.
type Highlight = Option<((usize, usize), Style)>;

/// The reader pane: its box with how far in the reader is, and the lines in view.
pub fn render_pane(browse: &Browse, area: Rect, buf: &mut Buffer, shared: Shared) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let theme = shared.theme();
    let focused = browse.focus == Focus::Reader;
    let (Some(article), Some(layout)) = (browse.article(shared.corpus), browse.layout()) else {
        pane_block(" Reader ".to_string(), focused, theme).render(area, buf);
        return;
    };
    let text = inner(area);
    let total = layout.line_count().max(1);
    let shown = (browse.reader.scroll + usize::from(text.height)).min(total);
    let percent = shown * 100 / total;
    let block = pane_block(" Reader ".to_string(), focused, theme)
        .title_bottom(Line::from(format!(" {percent}% ")).right_aligned());
    block.render(area, buf);
    let view = Viewport {
        scroll: browse.reader.scroll,
        highlight: browse.reader.highlight,
    };
    render(article, layout, view, text, buf, theme);
    if let Some(found) = shared.insights
        && !browse.toggles.hide_claims
    {
        crate::tui::insights::marks::draw(
            found,
            (browse.reader.article, article),
            layout,
            browse.reader.scroll,
            text,
            buf,
            theme,
        );
    }
    // Bookmarked sentences are marked on the pane's left border, which no
    // text or gutter mark uses.
    for start in browse.reading.bookmarked_starts(article) {
        let Some(line) = layout.line_of(start) else {
            continue;
        };
        if let Some(row) = line.checked_sub(browse.reader.scroll)
            && row < usize::from(text.height)
        {
            buf.set_stringn(area.x, text.y + row as u16, "★", 1, theme.accent);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Origin};

    fn article(body: &str, blocks: Vec<Block>) -> Article {
        Article {
            id: "t".into(),
            title: "A title".into(),
            source: Some("Outlet".into()),
            date: None,
            url: None,
            origin: Origin::Builtin("t"),
            body: body.into(),
            blocks,
            sentences: Vec::new(),
            entities: Vec::new(),
            claims: Vec::new(),
        }
    }

    fn block(kind: BlockKind, start: usize, end: usize) -> Block {
        Block { kind, start, end }
    }

    fn key(width: u16) -> LayoutKey {
        LayoutKey {
            article: 0,
            width,
            toggles: Toggles::default(),
        }
    }

    fn screen(article: &Article, width: u16, height: u16, view: Viewport) -> Vec<String> {
        let layout = Layout::build(article, key(width), &Theme::dark());
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        render(article, &layout, view, area, &mut buf, &Theme::dark());
        (0..height)
            .map(|y| {
                (0..width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn hard_wrapped_paragraphs_are_reflowed() {
        let body = "one two\nthree four\nfive";
        let a = article(body, vec![block(BlockKind::Paragraph, 0, body.len())]);
        let lines = screen(&a, 40, 4, Viewport::default());
        assert_eq!(lines[0], "  A title");
        assert_eq!(lines[1], "  Outlet");
        assert_eq!(lines[3], "  one two three four five");
    }

    #[test]
    fn list_items_get_bullets_and_hanging_indent() {
        let body = "-\nalpha beta gamma delta\n-\nepsilon";
        let a = article(
            body,
            vec![
                block(BlockKind::ListItem, 0, 24),
                block(BlockKind::ListItem, 25, body.len()),
            ],
        );
        let lines = screen(&a, 16, 7, Viewport::default());
        assert_eq!(lines[3], "  • alpha beta");
        assert_eq!(lines[4], "    gamma delta");
        assert_eq!(lines[5], "  • epsilon");
    }

    #[test]
    fn words_wider_than_the_pane_are_broken_not_lost() {
        let body = "abcdefghijklmnop";
        let a = article(body, vec![block(BlockKind::Paragraph, 0, body.len())]);
        // The title wraps to "A" / "title", then come the outlet and a blank.
        let lines = screen(
            &a,
            8,
            8,
            Viewport {
                scroll: 4,
                highlight: None,
            },
        );
        assert_eq!(&lines[..3], ["  abcdef", "  ghijkl", "  mnop"]);
    }

    #[test]
    fn offsets_map_to_lines_and_back() {
        let body = "aaa bbb ccc ddd eee fff";
        let a = article(body, vec![block(BlockKind::Paragraph, 0, body.len())]);
        let layout = Layout::build(&a, key(9), &Theme::dark());
        // Title, outlet, blank, then three lines of "aaa bbb" width 7.
        assert_eq!(layout.line_of(0), Some(3));
        assert_eq!(layout.line_of(9), Some(4));
        assert_eq!(layout.offset_of(4), Some(8));
        assert_eq!(layout.line_count(), 6);
    }

    #[test]
    fn stray_controls_do_not_reach_the_buffer() {
        let body = "safe \u{1b}[31mred\u{7} text";
        let a = article(body, vec![block(BlockKind::Paragraph, 0, body.len())]);
        let lines = screen(&a, 40, 4, Viewport::default());
        assert!(!lines.concat().chars().any(|c| c.is_control()));
    }

    #[test]
    fn highlight_and_hidden_boilerplate() {
        let body = "Home | News\nReal text here.";
        let a = article(
            body,
            vec![
                block(BlockKind::Boilerplate, 0, 11),
                block(BlockKind::Paragraph, 12, body.len()),
            ],
        );
        let hidden = Layout::build(
            &a,
            LayoutKey {
                toggles: Toggles {
                    hide_boilerplate: true,
                    ..Toggles::default()
                },
                ..key(30)
            },
            &Theme::dark(),
        );
        assert_eq!(hidden.line_count(), 4);
        let area = Rect::new(0, 0, 30, 6);
        let mut buf = Buffer::empty(area);
        let view = Viewport {
            scroll: 0,
            highlight: Some((17, 21)),
        };
        render(&a, &hidden, view, area, &mut buf, &Theme::dark());
        assert_eq!(buf[(2, 3)].symbol(), "R");
        let highlight = Theme::dark().highlight.bg;
        assert!(highlight.is_some());
        assert_eq!(buf[(7, 3)].style().bg, highlight);
        assert_ne!(buf[(2, 3)].style().bg, highlight);
    }

    #[test]
    fn zero_sized_areas_draw_nothing() {
        let body = "text";
        let a = article(body, vec![block(BlockKind::Paragraph, 0, 4)]);
        let theme = Theme::dark();
        let layout = Layout::build(&a, key(0), &theme);
        let screen = Rect::new(0, 0, 8, 8);
        let mut buf = Buffer::empty(screen);
        for area in [
            Rect::new(0, 0, 0, 0),
            Rect::new(2, 3, 5, 0),
            Rect::new(4, 1, 0, 5),
            Rect::new(9, 9, 4, 4),
        ] {
            render(&a, &layout, Viewport::default(), area, &mut buf, &theme);
        }
        assert_eq!(buf, Buffer::empty(screen), "nothing was written");
        // The same layout does draw into a real area, so the check above
        // is about the sizes, not an empty layout.
        render(&a, &layout, Viewport::default(), screen, &mut buf, &theme);
        assert_ne!(buf, Buffer::empty(screen));
    }
}
