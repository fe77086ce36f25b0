//! Rendering: a pure function of [`App`] (after [`App::prepare`]).

use super::app::{App, Areas, Focus, ITEM_HEIGHT, LoadState, MIN_HEIGHT, MIN_WIDTH, View};
use super::keymap;
use super::reader;
use super::text::{clean, truncate, width};
use crate::model::Article;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

const SPINNER: [&str; 8] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧"];

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    draw(app, area, frame.buffer_mut());
}

/// Draws the whole screen into `buf` (what [`render`] does, without a Frame).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let areas = &app.areas;
    if areas.too_small || area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(area, buf);
        return;
    }
    match &app.load {
        LoadState::Loading { label, started } => {
            loading(label, started.elapsed().as_secs_f32(), areas.main, buf)
        }
        LoadState::Ready => match app.view {
            View::Browse => {
                list(app, areas.list, buf);
                reader_pane(app, areas.reader, buf);
            }
            View::Compare => {
                if let Some(compare) = &app.compare {
                    compare.render(areas.main, buf);
                }
            }
        },
    }
    status(app, areas.status, buf);
    for layer in app.layers() {
        layer.render(&app.corpus, areas.main, buf);
    }
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let need = format!("need {MIN_WIDTH}×{MIN_HEIGHT}");
    let lines = ["terminal too small", need.as_str()];
    let top = area.y + area.height.saturating_sub(2) / 2;
    for (row, text) in (0u16..).zip(lines) {
        let y = top + row;
        if y >= area.bottom() {
            break;
        }
        let text = truncate(text, usize::from(area.width));
        let x = area.x + area.width.saturating_sub(width(&text) as u16) / 2;
        buf.set_string(x, y, text, Style::new().fg(Color::Yellow));
    }
}

fn loading(label: &str, seconds: f32, area: Rect, buf: &mut Buffer) {
    let frame = SPINNER[(seconds * 10.0) as usize % SPINNER.len()];
    let text = format!("{frame} Reading {} … {seconds:.1} s", clean(label));
    let text = truncate(&text, usize::from(area.width.saturating_sub(2)));
    let y = area.y + area.height / 2;
    let x = area.x + area.width.saturating_sub(width(&text) as u16) / 2;
    buf.set_string(x, y, text, Style::new().fg(Color::Cyan));
}

fn pane_block(title: String, focused: bool) -> Block<'static> {
    let (border, title_style) = if focused {
        (
            Style::new().fg(Color::Cyan),
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        )
    } else {
        (Style::new().fg(Color::DarkGray), Style::new())
    };
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(border)
        .title(Span::styled(title, title_style))
}

/// "48 sentences · 12 entities · 9 claims", leaving out what is not there yet.
pub fn counts(article: &Article) -> String {
    let mut parts = vec![plural(article.sentences.len(), "sentence")];
    if !article.entities.is_empty() {
        parts.push(plural(article.entities.len(), "entity"));
    }
    if !article.claims.is_empty() {
        parts.push(plural(article.claims.len(), "claim"));
    }
    parts.join(" · ")
}

fn plural(count: usize, noun: &str) -> String {
    match (count, noun) {
        (1, _) => format!("1 {noun}"),
        (_, "entity") => format!("{count} entities"),
        _ => format!("{count} {noun}s"),
    }
}

fn list(app: &App, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let total = app.corpus.articles.len();
    let title = format!(" Articles {}/{} ", (app.selected + 1).min(total), total);
    let block = pane_block(title, app.focus == Focus::List);
    let inner = block.inner(area);
    block.render(area, buf);
    let text_width = usize::from(inner.width.saturating_sub(2));
    let rows = usize::from(inner.height.div_ceil(ITEM_HEIGHT));
    for (row, (index, article)) in (0u16..).zip(
        app.corpus
            .articles
            .iter()
            .enumerate()
            .skip(app.list_offset)
            .take(rows),
    ) {
        let y = inner.y + row * ITEM_HEIGHT;
        let selected = index == app.selected;
        let marker_style = if selected && app.focus == Focus::List {
            Style::new().fg(Color::Cyan)
        } else {
            Style::new().fg(Color::DarkGray)
        };
        let title_style = if selected {
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        };
        let lines = [
            (clean(&article.title).into_owned(), title_style),
            (
                clean(article.source_label()).into_owned(),
                Style::new().fg(Color::Magenta),
            ),
            (counts(article), Style::new().fg(Color::DarkGray)),
        ];
        for (line, (text, style)) in (0u16..).zip(lines) {
            let y = y + line;
            if y >= inner.bottom() {
                break;
            }
            if selected {
                buf.set_stringn(inner.x, y, "▌", 1, marker_style);
            }
            let text = truncate(&text, text_width);
            buf.set_stringn(inner.x + 2, y, &text, text_width, style);
        }
    }
}

fn reader_pane(app: &App, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let (Some(article), Some(layout)) = (app.article(), app.layout()) else {
        pane_block(" Reader ".to_string(), app.focus == Focus::Reader).render(area, buf);
        return;
    };
    let inner = Areas::inner(area);
    let total = layout.line_count().max(1);
    let shown = (app.reader.scroll + usize::from(inner.height)).min(total);
    let percent = shown * 100 / total;
    let block = pane_block(" Reader ".to_string(), app.focus == Focus::Reader)
        .title_bottom(Line::from(format!(" {percent}% ")).right_aligned());
    block.render(area, buf);
    let view = reader::View {
        scroll: app.reader.scroll,
        highlight: app.reader.highlight,
    };
    reader::render(article, layout, view, inner, buf);
}

fn status(app: &App, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    buf.set_style(area, Style::new().bg(Color::Black));
    let key_style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
    let mut right: Vec<Span> = Vec::new();
    let warnings = app.corpus.warnings.len();
    if warnings > 0 {
        right.push(Span::styled(
            format!(" ⚠ {} ", plural(warnings, "warning")),
            Style::new().fg(Color::Yellow),
        ));
        right.push(Span::styled("w", key_style));
        right.push(Span::raw(" list "));
    }
    if app.toggles.hide_boilerplate {
        right.push(Span::styled(
            " boilerplate hidden ",
            Style::new().fg(Color::DarkGray),
        ));
    }
    let right = Line::from(right);
    let right_width = u16::try_from(right.width())
        .unwrap_or(u16::MAX)
        .min(area.width);
    let left_area = Rect {
        width: area.width - right_width,
        ..area
    };
    // Whole hints only: a hint cut in half reads as a different key.
    let mut spans = Vec::new();
    let mut used = 0;
    let modes = match app.load {
        LoadState::Loading { .. } => vec![keymap::Mode::Global],
        LoadState::Ready => app.modes(),
    };
    for (key, hint) in keymap::hints(&modes) {
        let cost = width(&key) + width(hint) + 3;
        if used + cost > usize::from(left_area.width) {
            break;
        }
        used += cost;
        spans.push(Span::raw(" "));
        spans.push(Span::styled(key, key_style));
        spans.push(Span::raw(format!(" {hint} ")));
    }
    Line::from(spans).render(left_area, buf);
    right.render(
        Rect {
            x: area.right() - right_width,
            width: right_width,
            ..area
        },
        buf,
    );
}
