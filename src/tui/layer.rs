//! Layers drawn over the panes (help, warnings; later search, topic picker).
//! The topmost layer sees every key first and says whether it used it; what
//! it leaves goes to the global keys only, never to the panes beneath.

use super::action::Action;
use super::compare::CompareState;
use super::keymap::{self, Mode};
use super::text::{clean, truncate, width};
use crate::model::Corpus;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

/// Whether a layer used a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventState {
    Consumed,
    NotConsumed,
}

/// What a layer may read and ask for while handling a key.
pub struct LayerContext<'a> {
    pub corpus: &'a Corpus,
    /// Actions for the app to apply after the key (e.g. `OpenAt`, `CloseLayer`).
    pub queue: &'a mut Vec<Action>,
}

pub trait Layer {
    fn handle_key(&mut self, key: &KeyEvent, context: &mut LayerContext) -> EventState;
    /// Takes what the layer's worker finished; called before each frame.
    fn poll(&mut self) {}
    /// Called before each frame with the area the layer is drawn in, so
    /// paging knows its size.
    fn prepare(&mut self, _area: Rect) {}
    fn render(&self, corpus: &Corpus, area: Rect, buf: &mut Buffer);
    /// The keymap modes whose hints the status bar shows while this layer is on top.
    fn modes(&self) -> &'static [Mode];
    /// True while the layer waits for background work (search results): the
    /// loop then keeps drawing frames so they show as they arrive.
    fn busy(&self) -> bool {
        false
    }
    /// Columns the layer takes on the right of `area` as a side pane: the
    /// panes reflow into what is left instead of hiding under it. 0 for a
    /// layer drawn over the panes.
    fn docked_width(&self, _area: Rect) -> u16 {
        0
    }
    /// The reader jumped to `article` (from this layer, search or compare).
    /// True keeps the layer open, now about `article`; false closes it.
    fn follow(&mut self, _corpus: &Corpus, _article: usize) -> bool {
        false
    }
    /// True for a layer the app keeps when it closes and shows again, as it
    /// was, at the next open (the search overlay resumes its last query).
    fn resumable(&self) -> bool {
        false
    }
    /// Called when a kept layer is shown again.
    fn resume(&mut self) {}
    /// Called after every batch of actions and every poll with the compare
    /// view's state, for a layer that shows it (the source chooser) to take
    /// what changed; the others ignore it.
    fn compare_changed(&mut self, _compare: &CompareState) {}
}

/// What a text-taking layer (search, topic picker) did with a key its table
/// does not bind to anything but editing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEdit {
    /// The text changed.
    Changed,
    /// The key was the layer's, nothing changed.
    Unchanged,
    /// A Ctrl key the layer does not use (Ctrl-C, Ctrl-Z): for the global keys.
    PassOn,
}

/// The character `key` types into a text field, if it types one.
pub fn typed_char(key: &KeyEvent) -> Option<char> {
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                && !c.is_control() =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// Applies `action` (the layer's lookup of `key`) or types `key` into
/// `text`, keeping it within `max_bytes`.
pub fn edit_text(
    text: &mut String,
    action: Option<Action>,
    key: &KeyEvent,
    max_bytes: usize,
) -> TextEdit {
    let before = text.len();
    match (action, typed_char(key)) {
        (Some(Action::DeleteChar), _) => {
            text.pop();
        }
        (Some(Action::DeleteWord), _) => {
            let kept = text.trim_end().rfind(' ').map_or(0, |at| at + 1);
            text.truncate(kept);
        }
        (Some(Action::ClearInput), _) => text.clear(),
        (Some(_), _) => return TextEdit::Unchanged,
        (None, Some(c)) => {
            if text.len() + c.len_utf8() <= max_bytes {
                text.push(c);
            }
        }
        (None, None) if key.modifiers.contains(KeyModifiers::CONTROL) => return TextEdit::PassOn,
        (None, None) => {}
    }
    if text.len() == before {
        TextEdit::Unchanged
    } else {
        TextEdit::Changed
    }
}

/// A scrollable box of lines: the help overlay and the warnings list.
pub struct Pager {
    title: String,
    /// The lines as built, one per entry.
    source: Vec<Line<'static>>,
    /// `source` wrapped to the box's width at the last size seen.
    lines: Vec<Line<'static>>,
    offset: usize,
    /// Rows available for lines at the last size seen (for paging).
    page: usize,
}

impl Pager {
    pub fn new(title: impl Into<String>, lines: Vec<Line<'static>>) -> Pager {
        Pager {
            title: title.into(),
            source: lines.clone(),
            lines,
            offset: 0,
            page: 10,
        }
    }

    /// The key reference, generated from the keymap table.
    pub fn help() -> Pager {
        let key_style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
        let head_style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
        let key_column = Mode::HELP_ORDER
            .iter()
            .flat_map(|mode| keymap::bindings(*mode))
            .map(|binding| width(&keymap::key_labels(binding)))
            .max()
            .unwrap_or(0);
        let mut lines = Vec::new();
        for mode in Mode::HELP_ORDER {
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(mode.title(), head_style));
            for binding in keymap::bindings(mode) {
                let keys = keymap::key_labels(binding);
                let pad = " ".repeat(key_column.saturating_sub(width(&keys)) + 2);
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(keys, key_style),
                    Span::raw(pad),
                    Span::raw(binding.help),
                ]));
            }
        }
        Pager::new("Keys", lines)
    }

    /// The corpus's load warnings, one per line.
    pub fn warnings(corpus: &Corpus) -> Pager {
        let lines = if corpus.warnings.is_empty() {
            vec![Line::raw("Every file loaded cleanly.")]
        } else {
            corpus
                .warnings
                .iter()
                .map(|warning| Line::raw(clean(&warning.to_string()).into_owned()))
                .collect()
        };
        Pager::new(format!("Load warnings ({})", corpus.warnings.len()), lines)
    }

    fn max_offset(&self) -> usize {
        self.lines.len().saturating_sub(self.page)
    }

    /// The outer box for a screen of `area`: centred, as wide as the lines
    /// need, as tall as they are once wrapped (see [`Layer::prepare`]).
    fn frame(&self, area: Rect) -> Rect {
        let content = self.source.iter().map(Line::width).max().unwrap_or(0);
        let title = width(&self.title) + 4;
        let wanted_w = u16::try_from(content.max(title) + 4).unwrap_or(u16::MAX);
        let wanted_h = u16::try_from(self.lines.len() + 2).unwrap_or(u16::MAX);
        let w = wanted_w
            .min(area.width.saturating_sub(2))
            .max(area.width.min(20));
        let h = wanted_h
            .min(area.height.saturating_sub(2))
            .max(area.height.min(3));
        Rect {
            x: area.x + (area.width.saturating_sub(w)) / 2,
            y: area.y + (area.height.saturating_sub(h)) / 2,
            width: w.min(area.width),
            height: h.min(area.height),
        }
    }
}

/// `line` within `width` columns: its last span (the description after a
/// key, or a whole warning) is wrapped, continuation lines indented to where
/// it starts. A line whose last span would get under 10 columns is left to
/// be cut instead.
fn wrap_last_span(line: &Line<'static>, width: usize) -> Vec<Line<'static>> {
    let Some((last, head)) = line.spans.split_last() else {
        return vec![line.clone()];
    };
    let indent: usize = head.iter().map(Span::width).sum();
    if line.width() <= width || width < indent + 10 {
        return vec![line.clone()];
    }
    textwrap::wrap(&last.content, width - indent)
        .into_iter()
        .enumerate()
        .map(|(index, piece)| {
            let mut spans = if index == 0 {
                head.to_vec()
            } else {
                vec![Span::raw(" ".repeat(indent))]
            };
            spans.push(Span::styled(piece.into_owned(), last.style));
            Line::from(spans).style(line.style)
        })
        .collect()
}

impl Layer for Pager {
    fn handle_key(&mut self, key: &KeyEvent, context: &mut LayerContext) -> EventState {
        let page = self.page.max(1);
        let offset = match keymap::lookup(&[Mode::Pager], key) {
            Some(Action::CloseLayer) => {
                context.queue.push(Action::CloseLayer);
                return EventState::Consumed;
            }
            Some(Action::Down) => self.offset.saturating_add(1),
            Some(Action::Up) => self.offset.saturating_sub(1),
            Some(Action::PageDown) => self.offset.saturating_add(page),
            Some(Action::PageUp) => self.offset.saturating_sub(page),
            Some(Action::Top) => 0,
            Some(Action::Bottom) => usize::MAX,
            _ => return EventState::NotConsumed,
        };
        self.offset = offset.min(self.max_offset());
        EventState::Consumed
    }

    fn prepare(&mut self, area: Rect) {
        let width = usize::from(self.frame(area).width.saturating_sub(2));
        self.lines = self
            .source
            .iter()
            .flat_map(|line| wrap_last_span(line, width))
            .collect();
        self.page = usize::from(self.frame(area).height.saturating_sub(2));
        self.offset = self.offset.min(self.max_offset());
    }

    fn render(&self, _corpus: &Corpus, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.width < 3 || area.height < 3 {
            return;
        }
        let outer = self.frame(area);
        let inner_h = usize::from(outer.height.saturating_sub(2));
        let offset = self.offset.min(self.max_offset());
        let more = if offset + inner_h < self.lines.len() {
            " more ↓ "
        } else {
            ""
        };
        let title = truncate(&self.title, usize::from(outer.width.saturating_sub(4)));
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(Style::new().fg(Color::Cyan))
            .title(format!(" {title} "))
            .title_bottom(Line::from(more).right_aligned());
        let visible: Vec<Line> = self
            .lines
            .iter()
            .skip(offset)
            .take(inner_h)
            .cloned()
            .collect();
        Clear.render(outer, buf);
        Paragraph::new(visible).block(block).render(outer, buf);
    }

    fn modes(&self) -> &'static [Mode] {
        &[Mode::Pager]
    }
}
