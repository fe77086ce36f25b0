//! The entities-and-claims side panel (`p` in the reader): the article's
//! entities by type with mention counts and its claims with kinds and
//! speakers. Enter on a claim jumps the reader to it; Enter on an entity lists
//! its mentions in every article, and Enter there opens one.

use super::decorate::Toggles;
use super::highlight::{claim_symbol, entity_style, legend};
use crate::entities::{article_entities, entity_index};
use crate::model::{Corpus, EntityType};
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::layer::{Context, EventState, Input, Layer, LayerContext};
use crate::tui::text::{clean, truncate};
use crate::tui::theme::Theme;
use crate::tui::widgets::rounded;
use crate::tui::widgets::scroll::keep_in_view;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

/// One row of the panel; only entities, claims and mentions can be chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanelRow {
    Heading(String),
    Entity {
        name: String,
        kind: EntityType,
        count: usize,
    },
    Claim {
        start: usize,
        end: usize,
        label: String,
        text: String,
    },
    Mention {
        article: usize,
        start: usize,
        end: usize,
        label: String,
    },
}

impl PanelRow {
    fn selectable(&self) -> bool {
        !matches!(self, PanelRow::Heading(_))
    }
}

pub struct PanelLayer {
    article: usize,
    /// The article's overview, kept while a mentions list is shown.
    overview: Vec<PanelRow>,
    overview_selected: usize,
    /// The entity whose mentions are listed, if any.
    entity: Option<String>,
    rows: Vec<PanelRow>,
    selected: usize,
    offset: usize,
    page: usize,
    legend: Vec<(String, Style)>,
}

impl PanelLayer {
    pub fn new(corpus: &Corpus, article: usize, toggles: &Toggles, theme: &Theme) -> PanelLayer {
        let overview = overview(corpus, article);
        let selected = first_selectable(&overview);
        PanelLayer {
            article,
            rows: overview.clone(),
            overview,
            overview_selected: selected,
            entity: None,
            selected,
            offset: 0,
            page: 10,
            legend: legend(toggles, theme),
        }
    }

    #[cfg(test)]
    pub fn rows(&self) -> &[PanelRow] {
        &self.rows
    }

    #[cfg(test)]
    pub fn selected(&self) -> Option<&PanelRow> {
        self.rows.get(self.selected)
    }

    /// The canonical name whose mentions are listed, if the panel shows them.
    pub fn entity(&self) -> Option<&str> {
        self.entity.as_deref()
    }

    /// Moves the selection by `delta` selectable rows.
    fn step(&mut self, delta: isize) {
        let selectable: Vec<usize> = (0..self.rows.len())
            .filter(|&index| self.rows[index].selectable())
            .collect();
        let Some(position) = selectable.iter().position(|&index| index == self.selected) else {
            return;
        };
        let target = position
            .saturating_add_signed(delta)
            .min(selectable.len().saturating_sub(1));
        self.selected = selectable[target];
    }

    fn choose(&mut self, corpus: &Corpus, queue: &mut Vec<Action>) {
        match self.rows.get(self.selected).cloned() {
            Some(PanelRow::Claim { start, end, .. }) => queue.push(Action::OpenAt {
                article: self.article,
                start,
                end,
            }),
            Some(PanelRow::Mention {
                article,
                start,
                end,
                ..
            }) => queue.push(Action::OpenAt {
                article,
                start,
                end,
            }),
            Some(PanelRow::Entity { name, kind, .. }) => {
                self.overview_selected = self.selected;
                self.rows = mentions(corpus, &name, kind);
                self.entity = Some(name);
                self.selected = first_selectable(&self.rows);
                self.offset = 0;
            }
            Some(PanelRow::Heading(_)) | None => {}
        }
    }

    /// Selects the next (or previous) claim or mention and opens it: `n`
    /// walks an article's claims, or an entity's mentions, a key a step.
    fn walk(&mut self, forward: bool, corpus: &Corpus, queue: &mut Vec<Action>) {
        let target = |index: &usize| {
            matches!(
                self.rows.get(*index),
                Some(PanelRow::Claim { .. } | PanelRow::Mention { .. })
            )
        };
        let found = if forward {
            (self.selected + 1..self.rows.len()).find(target)
        } else {
            (0..self.selected).rev().find(target)
        };
        if let Some(index) = found {
            self.selected = index;
            self.choose(corpus, queue);
        }
    }

    fn back(&mut self, queue: &mut Vec<Action>) {
        if self.entity.take().is_some() {
            self.rows = self.overview.clone();
            self.selected = self.overview_selected;
            self.offset = 0;
        } else {
            queue.push(Action::CloseLayer);
        }
    }

    /// Where the panel sits: the right part of `area` (the screen above the
    /// status bar), full height, beside the reader.
    fn frame(area: Rect) -> Rect {
        let width = (area.width / 5 * 2).max(area.width.min(30)).min(area.width);
        Rect {
            x: area.x + area.width - width,
            width,
            ..area
        }
    }

    /// The entity `name`'s row in `rows`, else the first row that can be chosen.
    fn entity_row(rows: &[PanelRow], name: Option<&str>) -> usize {
        name.and_then(|name| {
            rows.iter()
                .position(|row| matches!(row, PanelRow::Entity { name: n, .. } if n == name))
        })
        .unwrap_or_else(|| first_selectable(rows))
    }
}

fn first_selectable(rows: &[PanelRow]) -> usize {
    rows.iter().position(PanelRow::selectable).unwrap_or(0)
}

fn overview(corpus: &Corpus, article_index: usize) -> Vec<PanelRow> {
    let mut rows = Vec::new();
    let entities = article_entities(corpus, article_index);
    for kind in [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Place,
    ] {
        let of_kind: Vec<&(String, EntityType, usize)> =
            entities.iter().filter(|entry| entry.1 == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        rows.push(PanelRow::Heading(format!(
            "{} ({})",
            kind.as_str(),
            of_kind.len()
        )));
        rows.extend(
            of_kind
                .into_iter()
                .map(|(name, kind, count)| PanelRow::Entity {
                    name: name.clone(),
                    kind: *kind,
                    count: *count,
                }),
        );
    }
    let (body, claims) = corpus
        .articles
        .get(article_index)
        .map(|article| (article.body.as_str(), article.claims.as_slice()))
        .unwrap_or_default();
    if entities.is_empty() {
        rows.push(PanelRow::Heading("no entities".to_string()));
    }
    rows.push(PanelRow::Heading(format!("claims ({})", claims.len())));
    rows.extend(claims.iter().map(|claim| {
        let marks: String = claim.kinds.iter().map(claim_symbol).collect();
        // The marks stand for the kinds; the legend above spells them out.
        let speaker = claim.speaker.as_deref().unwrap_or("unattributed");
        PanelRow::Claim {
            start: claim.start,
            end: claim.end,
            label: format!("{marks} {speaker}:"),
            text: clean(body.get(claim.start..claim.end).unwrap_or("")).into_owned(),
        }
    }));
    rows
}

/// Every mention of one entity across the corpus, grouped by article.
fn mentions(corpus: &Corpus, name: &str, kind: EntityType) -> Vec<PanelRow> {
    let index = entity_index(corpus);
    let Some(entry) = index
        .iter()
        .find(|entry| entry.canonical == name && entry.kind == kind)
    else {
        return vec![PanelRow::Heading(format!("{name}: no mentions"))];
    };
    let plural =
        |count: usize, noun: &str| format!("{count} {noun}{}", if count == 1 { "" } else { "s" });
    let mut rows = vec![PanelRow::Heading(format!(
        "{name}: {} in {}",
        plural(entry.total_mentions(), "mention"),
        plural(entry.mentions.len(), "article")
    ))];
    for mention in &entry.mentions {
        let Some(article) = corpus.articles.get(mention.article_index) else {
            continue;
        };
        rows.push(PanelRow::Heading(clean(&article.title).into_owned()));
        rows.extend(
            mention
                .offsets
                .iter()
                .map(|&(start, end)| PanelRow::Mention {
                    article: mention.article_index,
                    start,
                    end,
                    label: context(&article.body, start, end),
                }),
        );
    }
    rows
}

/// The legend's items, filled into lines no wider than `width`; entity
/// colours start the first line, claim marks a new one.
/// One row as the panel shows it, `inner` columns wide.
fn row_line(row: &PanelRow, inner: usize, theme: &Theme) -> Line<'static> {
    match row {
        PanelRow::Heading(text) => Line::styled(truncate(text, inner).into_owned(), theme.title),
        PanelRow::Entity { name, kind, count } => Line::from(vec![
            Span::raw(format!("{count:>3} ")),
            Span::styled(
                truncate(name, inner.saturating_sub(4)).into_owned(),
                entity_style(*kind, theme),
            ),
        ]),
        PanelRow::Claim { label, text, .. } => Line::from(vec![
            Span::styled(label.clone(), theme.count),
            Span::raw(" "),
            Span::raw(text.clone()),
        ]),
        PanelRow::Mention { label, .. } => Line::raw(fit_mention(label, inner)),
    }
}

fn legend_lines(items: &[(String, Style)], width: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let mut previous_entity = true;
    for (label, style) in items {
        let entity = [
            EntityType::Person,
            EntityType::Organization,
            EntityType::Place,
        ]
        .iter()
        .any(|kind| kind.as_str() == label);
        let label_width = crate::tui::text::width(label);
        let full = used > 0 && (used + label_width > width || previous_entity && !entity);
        if full {
            lines.push(Line::from(std::mem::take(&mut current)));
            used = 0;
        }
        previous_entity = entity;
        current.push(Span::styled(label.clone(), *style));
        current.push(Span::raw(" "));
        used += label_width + 1;
    }
    if !current.is_empty() {
        lines.push(Line::from(current));
    }
    lines
}

/// A mention's context line within `width` columns, the bracketed mention
/// kept in view: on a narrow panel the words before it give way first.
fn fit_mention(label: &str, width: usize) -> String {
    if crate::tui::text::width(label) <= width {
        return label.to_owned();
    }
    let Some(open) = label.find('[') else {
        return truncate(label, width).into_owned();
    };
    let mention = label[open..].find(']').map_or(0, |close| {
        crate::tui::text::width(&label[open..=open + close])
    });
    let before: Vec<char> = label[..open].chars().collect();
    // Room for "…" before and after the mention too.
    let keep = (width / 3)
        .min(width.saturating_sub(mention + 2))
        .min(before.len());
    let line = if keep < before.len() {
        let kept: String = before[before.len() - keep..].iter().collect();
        format!("…{}{}", kept.trim_start_matches('…'), &label[open..])
    } else {
        label.to_owned()
    };
    truncate(&line, width).into_owned()
}

/// The mention with a few words either side, on one line.
fn context(body: &str, start: usize, end: usize) -> String {
    const SIDE: usize = 30;
    let (Some(before), Some(after)) = (body.get(..start), body.get(end..)) else {
        return String::new();
    };
    let skip = before.chars().count().saturating_sub(SIDE);
    let before: String = before.chars().skip(skip).collect();
    let after: String = after.chars().take(SIDE).collect();
    let mention = body.get(start..end).unwrap_or("");
    clean(&format!("…{before}[{mention}]{after}…"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Layer for PanelLayer {
    fn handle_key(&mut self, input: Input, context: &mut LayerContext) -> EventState {
        let page = isize::try_from(self.page.max(1)).unwrap_or(1);
        let corpus = context.context.shared.corpus;
        let queue = &mut *context.queue;
        match input.action {
            Some(Action::CloseLayer) => queue.push(Action::CloseLayer),
            Some(Action::FocusList) => self.back(queue),
            Some(Action::Open) => self.choose(corpus, queue),
            Some(Action::NextClaim) => self.walk(true, corpus, queue),
            // The reader beside the panel scrolls, to read around a claim.
            Some(action @ (Action::HalfPageDown | Action::HalfPageUp)) => queue.push(action),
            Some(Action::PrevClaim) => self.walk(false, corpus, queue),
            Some(Action::Down) => self.step(1),
            Some(Action::Up) => self.step(-1),
            Some(Action::PageDown) => self.step(page),
            Some(Action::PageUp) => self.step(-page),
            Some(Action::Top) => self.step(isize::MIN),
            Some(Action::Bottom) => self.step(isize::MAX),
            _ => return EventState::NotConsumed,
        }
        EventState::Consumed
    }

    fn prepare(&mut self, area: Rect, _context: Context) {
        let frame = PanelLayer::frame(area);
        let legend = legend_lines(&self.legend, usize::from(frame.width.saturating_sub(2))).len();
        self.page = usize::from(frame.height.saturating_sub(2))
            .saturating_sub(legend)
            .max(1);
        self.offset = keep_in_view(self.selected, self.offset, self.page);
    }

    fn render(&self, area: Rect, buf: &mut Buffer, context: Context) {
        let area = area.intersection(buf.area);
        let outer = PanelLayer::frame(area);
        if outer.width < 4 || outer.height < 3 {
            return;
        }
        let theme = context.shared.theme();
        let keymap = context.shared.keymap();
        let inner = usize::from(outer.width.saturating_sub(2));
        let title = match &self.entity {
            Some(name) => format!(" Mentions of {} ", truncate(name, inner.saturating_sub(14))),
            None => " Entities and claims ".to_string(),
        };
        let keys = format!(
            " {} open · {} back · {} close ",
            keymap.short_label(Mode::Panel, Action::Open),
            keymap.short_label(Mode::Panel, Action::FocusList),
            keymap.short_label(Mode::Panel, Action::CloseLayer),
        );
        let block = rounded(theme.border)
            .title(title)
            .title_bottom(Line::from(keys).right_aligned());
        let mut lines = legend_lines(&self.legend, inner);
        let shown = self
            .rows
            .iter()
            .enumerate()
            .skip(self.offset)
            .take(self.page);
        for (index, row) in shown {
            let line = row_line(row, inner, theme);
            lines.push(if index == self.selected {
                line.patch_style(theme.selected_line)
            } else {
                line
            });
        }
        Clear.render(outer, buf);
        Paragraph::new(lines).block(block).render(outer, buf);
    }

    fn modes(&self) -> &'static [Mode] {
        &[Mode::Panel]
    }

    fn docked_width(&self, area: Rect) -> u16 {
        PanelLayer::frame(area).width
    }

    /// A fact-checker walks an article's claims one after another, and an
    /// entity's mentions across articles: the panel stays through each jump.
    /// It always describes the reader's article; a mentions list, which is
    /// about the whole corpus, stays as it is, and going back from it shows
    /// the new article's overview on the same entity where it has one.
    fn follow(&mut self, corpus: &Corpus, article: usize) -> bool {
        if article != self.article {
            self.article = article;
            self.overview = overview(corpus, article);
            self.overview_selected = PanelLayer::entity_row(&self.overview, self.entity());
            if self.entity.is_none() {
                self.rows = self.overview.clone();
                self.selected = self.overview_selected;
                self.offset = 0;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests;
