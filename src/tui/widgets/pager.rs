//! A scrollable box of lines: the help overlay and the warnings list.

use super::{centred, rounded};
use crate::model::Corpus;
use crate::tui::action::Action;
use crate::tui::browse::decorate::Toggles;
use crate::tui::browse::highlight::legend;
use crate::tui::keymap::{Keymap, Mode};
use crate::tui::layer::{Context, EventState, Input, Layer, LayerContext};
use crate::tui::text::{clean, truncate, width};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

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

    /// The key reference, generated from the key map; the rows that
    /// switch colours or marks show them in the theme's own styles.
    pub fn help(keymap: &Keymap, theme: &Theme) -> Pager {
        let key_column = Mode::ALL
            .iter()
            .flat_map(|mode| keymap.bindings(*mode))
            .map(|binding| width(&binding.labels()))
            .max()
            .unwrap_or(0);
        let legend = legend(&Toggles::default(), theme);
        let mut lines = Vec::new();
        for mode in Mode::ALL {
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(keymap.title(mode), theme.title));
            for binding in keymap.bindings(mode) {
                let keys = binding.labels();
                let pad = " ".repeat(key_column.saturating_sub(width(&keys)) + 2);
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(keys, theme.key),
                    Span::raw(pad),
                    Span::raw(binding.help),
                ]));
                let shown: Vec<&(String, ratatui::style::Style)> = match binding.action {
                    Action::ToggleEntities => legend.iter().take(3).collect(),
                    Action::NextClaim if mode == Mode::Reader => legend.iter().skip(3).collect(),
                    _ => continue,
                };
                let mut spans = vec![Span::raw(" ".repeat(key_column + 6))];
                for (label, style) in shown {
                    spans.push(Span::styled(label.clone(), *style));
                    spans.push(Span::raw("  "));
                }
                lines.push(Line::from(spans));
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
        centred(area, wanted_w, wanted_h, (20, 3))
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
    fn handle_key(&mut self, input: Input, context: &mut LayerContext) -> EventState {
        let page = self.page.max(1);
        let offset = match input.action {
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

    fn prepare(&mut self, area: Rect, _context: Context) {
        let width = usize::from(self.frame(area).width.saturating_sub(2));
        self.lines = self
            .source
            .iter()
            .flat_map(|line| wrap_last_span(line, width))
            .collect();
        self.page = usize::from(self.frame(area).height.saturating_sub(2));
        self.offset = self.offset.min(self.max_offset());
    }

    fn render(&self, area: Rect, buf: &mut Buffer, context: Context) {
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
        let block = rounded(context.shared.theme().border)
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
