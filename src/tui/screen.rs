//! The whole screen: the view on screen, the status bar, the layers over
//! them. A pure function of [`App`] (after [`App::prepare`]).

use super::action::Action;
use super::app::{App, LoadState};
use super::browse::{MIN_HEIGHT, MIN_WIDTH};
use super::keymap::Mode;
use super::text::{clean, truncate, width};
use super::theme::Theme;
use super::widgets::plural;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

const SPINNER: [&str; 8] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧"];

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    draw(app, area, frame.buffer_mut());
    crate::tui::text::one_code_point_per_cell(frame.buffer_mut());
}

/// Draws the whole screen into `buf` (what [`render`] does, without a Frame).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let areas = &app.areas;
    let theme = &app.settings.theme;
    if areas.too_small || area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(area, buf, theme);
        return;
    }
    let context = app.context();
    match &app.load {
        LoadState::Loading {
            label,
            started,
            progress,
        } => {
            let seconds = started.elapsed().as_secs_f32();
            loading(label, seconds, &progress.snapshot(), areas.main, buf, theme);
        }
        LoadState::Ready => app.view().render(areas.main, buf, context.shared),
    }
    status(app, areas.status, buf);
    for layer in app.layers() {
        layer.render(areas.main, buf, context);
    }
}

/// Centred lines of `style`.
fn centred_lines(lines: &[&str], area: Rect, buf: &mut Buffer, style: ratatui::style::Style) {
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (row, text) in (0u16..).zip(lines) {
        let y = top + row;
        if y >= area.bottom() {
            break;
        }
        let text = truncate(text, usize::from(area.width));
        let x = area.x + area.width.saturating_sub(width(&text) as u16) / 2;
        buf.set_string(x, y, text, style);
    }
}

fn too_small(area: Rect, buf: &mut Buffer, theme: &Theme) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let need = format!("need {MIN_WIDTH}×{MIN_HEIGHT}");
    centred_lines(&["terminal too small", &need], area, buf, theme.warning);
}

/// The loading screen: what is read, for how long, and (once the files
/// are listed) how many of them are read and which one is being read.
fn loading(
    label: &str,
    seconds: f32,
    (read, total, current): &(usize, usize, String),
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let frame = SPINNER[(seconds * 10.0) as usize % SPINNER.len()];
    let text = format!("{frame} Reading {} … {seconds:.1} s", clean(label));
    let text = truncate(&text, usize::from(area.width.saturating_sub(2)));
    let y = area.y + area.height / 2;
    let x = area.x + area.width.saturating_sub(width(&text) as u16) / 2;
    buf.set_string(x, y, text, theme.accent);
    if *total == 0 {
        return;
    }
    let counts = if read < total {
        format!("{read} of {total} files read")
    } else {
        format!("{total} files read; analysing")
    };
    let lines = [counts, clean(current).into_owned()];
    for (row, line) in (1u16..).zip(lines) {
        let line = truncate(&line, usize::from(area.width.saturating_sub(2)));
        if y + row >= area.bottom() {
            break;
        }
        let x = area.x + area.width.saturating_sub(width(&line) as u16) / 2;
        buf.set_string(x, y + row, line, theme.dim);
    }
}

/// The right end of the status bar: warnings and what is hidden.
fn status_notes(app: &App) -> Line<'static> {
    let theme = &app.settings.theme;
    let mut right: Vec<Span> = Vec::new();
    if let Some(status) = app.refresh_status() {
        right.push(Span::styled(format!(" {} ", clean(status)), theme.accent));
    }
    if let Some(notice) = app.notice.as_deref().or(app.browse.notice) {
        right.push(Span::styled(format!(" {} ", clean(notice)), theme.accent));
    }
    let warnings = app.corpus.warnings.len();
    if warnings > 0 {
        right.push(Span::styled(
            format!(" ⚠ {} ", plural(warnings, "warning")),
            theme.warning,
        ));
        let key = app.settings.keymap.label(Mode::Global, Action::Warnings);
        right.push(Span::styled(key, theme.key));
        right.push(Span::raw(" list "));
    }
    if app.browse.toggles.hide_boilerplate {
        right.push(Span::styled(" boilerplate hidden ", theme.dim));
    }
    Line::from(right)
}

fn status(app: &App, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let theme = &app.settings.theme;
    buf.set_style(area, theme.status_bar);
    let right = status_notes(app);
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
    for (key, hint) in app.settings.keymap.hints(&app.modes()) {
        let cost = width(&key) + width(hint) + 3;
        if used + cost > usize::from(left_area.width) {
            break;
        }
        used += cost;
        spans.push(Span::raw(" "));
        spans.push(Span::styled(key, theme.key));
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
