//! Entity and claim highlights in the reader: decorators for the decoration
//! layer, the legend, and claim-to-claim jumps.
//!
//! Entities are coloured by type; claims get a gutter mark by kind plus a
//! subtle modifier (italic quotes, dim hedges) and their figures in bold, so a
//! quote holding a name and a number shows all three.

use super::decorate::{GutterMark, Paint, StyledRange, Toggles};
use crate::model::{Article, ClaimKind, ClaimKinds, EntityType};
use crate::tui::theme::Theme;
use ratatui::style::Style;

pub fn entity_style(kind: EntityType, theme: &Theme) -> Style {
    match kind {
        EntityType::Person => theme.person,
        EntityType::Organization => theme.organization,
        EntityType::Place => theme.place,
    }
}

/// The kind a claim's gutter mark shows: who says it before how it is said
/// (figures stay visible in bold, hedges dimmed, whatever the mark).
fn main_kind(kinds: ClaimKinds) -> ClaimKind {
    [
        ClaimKind::Quote,
        ClaimKind::Attributed,
        ClaimKind::Hedged,
        ClaimKind::Statistic,
        ClaimKind::Assertion,
    ]
    .into_iter()
    .find(|kind| kinds.contains(*kind))
    .unwrap_or(ClaimKind::Assertion)
}

/// The gutter mark of a claim kind: the symbol tells the kinds apart in
/// every theme, the colour helps where there is one.
pub fn claim_mark(kind: ClaimKind, theme: &Theme) -> (char, Style) {
    let style = match kind {
        ClaimKind::Quote => theme.quote,
        ClaimKind::Statistic => theme.statistic,
        ClaimKind::Hedged => theme.hedged,
        ClaimKind::Attributed => theme.attributed,
        ClaimKind::Assertion => theme.assertion,
    };
    (claim_symbol(kind), style)
}

/// The gutter symbol of a claim kind.
pub fn claim_symbol(kind: ClaimKind) -> char {
    match kind {
        ClaimKind::Quote => '“',
        ClaimKind::Statistic => '#',
        ClaimKind::Hedged => '~',
        ClaimKind::Attributed => '»',
        ClaimKind::Assertion => '·',
    }
}

fn claim_style(kinds: ClaimKinds, theme: &Theme) -> Style {
    let mut style = Style::new();
    if kinds.contains(ClaimKind::Quote) {
        style = style.patch(theme.quoted_text);
    }
    if kinds.contains(ClaimKind::Hedged) {
        style = style.patch(theme.hedged_text);
    }
    style
}

/// Claims: a subtle style over the sentence, bold figures, a gutter mark.
pub fn claims(article: &Article, toggles: &Toggles, theme: &Theme, paint: &mut Paint) {
    if toggles.hide_claims {
        return;
    }
    for claim in &article.claims {
        paint.ranges.push(StyledRange {
            start: claim.start,
            end: claim.end,
            style: claim_style(claim.kinds, theme),
        });
        if claim.kinds.contains(ClaimKind::Statistic) {
            let text = article.text(claim.start, claim.end);
            let mut digits: Option<usize> = None;
            for (at, c) in text
                .char_indices()
                .chain(std::iter::once((text.len(), ' ')))
            {
                let part = c.is_ascii_digit() || (digits.is_some() && matches!(c, '.' | ',' | '%'));
                match (digits, part) {
                    (None, true) if c.is_ascii_digit() => digits = Some(at),
                    (Some(start), false) => {
                        let end = text[..at].trim_end_matches(['.', ',']).len();
                        paint.ranges.push(StyledRange {
                            start: claim.start + start,
                            end: claim.start + end,
                            style: theme.figure,
                        });
                        digits = None;
                    }
                    _ => {}
                }
            }
        }
        let (symbol, style) = claim_mark(main_kind(claim.kinds), theme);
        paint.gutter.push(GutterMark {
            at: claim.start,
            symbol,
            style,
        });
    }
}

/// Entities coloured by type.
pub fn entities(article: &Article, toggles: &Toggles, theme: &Theme, paint: &mut Paint) {
    if toggles.hide_entities {
        return;
    }
    paint
        .ranges
        .extend(article.entities.iter().map(|entity| StyledRange {
            start: entity.start,
            end: entity.end,
            style: entity_style(entity.kind, theme),
        }));
}

/// The legend: one styled label per colour and mark the reader uses.
pub fn legend(toggles: &Toggles, theme: &Theme) -> Vec<(String, Style)> {
    let mut items = Vec::new();
    if !toggles.hide_entities {
        for kind in [
            EntityType::Person,
            EntityType::Organization,
            EntityType::Place,
        ] {
            items.push((kind.as_str().to_string(), entity_style(kind, theme)));
        }
    }
    if !toggles.hide_claims {
        for kind in ClaimKind::ALL {
            let (symbol, style) = claim_mark(kind, theme);
            items.push((format!("{symbol} {}", kind.as_str()), style));
        }
    }
    items
}

/// The claim after (or before) byte `from`: where `n`/`N` jump.
pub fn next_claim(article: &Article, from: usize, forward: bool) -> Option<(usize, usize)> {
    let claim = if forward {
        article.claims.iter().find(|claim| claim.start > from)
    } else {
        article.claims.iter().rev().find(|claim| claim.start < from)
    };
    claim.map(|claim| (claim.start, claim.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::open_corpus;

    use crate::tui::app::App;
    use crate::tui::tests::{draw, keys, style_of};

    /// The reader at 100x30 after `notation`.
    fn press(app: &mut App, notation: &str) {
        keys(app, notation);
        draw(app, 100, 30);
    }

    #[test]
    fn reader_shows_entity_colours_claim_marks_and_toggles_them() {
        let mut app = App::new(open_corpus(&[]).expect("built-in corpus"));
        press(&mut app, "<enter>");
        let terminal = draw(&mut app, 100, 30);
        insta::assert_snapshot!("reader_with_highlights_100x30", terminal.backend());
        let theme = Theme::dark();
        let buffer = terminal.backend().buffer();
        let budanov = style_of(buffer, "Kyrylo").expect("Kyrylo Budanov on screen");
        assert_eq!(budanov.fg, theme.person.fg);
        let place = style_of(buffer, "United States").expect("United States on screen");
        assert_eq!(place.fg, theme.place.fg);
        press(&mut app, "em");
        let plain = draw(&mut app, 100, 30);
        let budanov = style_of(plain.backend().buffer(), "Kyrylo").expect("still on screen");
        assert_ne!(budanov.fg, theme.person.fg);
        let text: String = plain
            .backend()
            .buffer()
            .content
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(
            !text.contains('“') || !text.contains('~'),
            "claim marks hidden"
        );
    }

    #[test]
    fn n_and_shift_n_jump_between_claims() {
        let mut app = App::new(open_corpus(&[]).expect("built-in corpus"));
        press(&mut app, "<enter>");
        let article = app.browse.article(&app.corpus).expect("an article").clone();
        press(&mut app, "n");
        let first = app.browse.reader.highlight.expect("a claim is highlighted");
        assert_eq!(first, (article.claims[1].start, article.claims[1].end));
        press(&mut app, "n");
        assert_eq!(
            app.browse.reader.highlight,
            Some((article.claims[2].start, article.claims[2].end))
        );
        press(&mut app, "NN");
        assert_eq!(
            app.browse.reader.highlight,
            Some((article.claims[0].start, article.claims[0].end))
        );
    }

    #[test]
    fn jumps_walk_the_claims_in_both_directions() {
        let corpus = open_corpus(&[]).expect("built-in corpus");
        let article = &corpus.articles[0];
        assert!(article.claims.len() >= 2);
        let first = next_claim(article, 0, true).expect("a first claim");
        let second = next_claim(article, first.0, true).expect("a second claim");
        assert!(second.0 > first.0);
        assert_eq!(next_claim(article, second.0, false), Some(first));
        let last = article.claims.last().map(|claim| claim.start).unwrap_or(0);
        assert_eq!(next_claim(article, last, true), None);
    }

    #[test]
    fn a_quote_with_a_name_and_a_figure_keeps_all_three() {
        let corpus = open_corpus(&[]).expect("built-in corpus");
        for article in &corpus.articles {
            let mut paint = Paint::default();
            claims(article, &Toggles::default(), &Theme::dark(), &mut paint);
            entities(article, &Toggles::default(), &Theme::dark(), &mut paint);
            assert_eq!(paint.gutter.len(), article.claims.len());
            assert!(paint.ranges.len() >= article.claims.len() + article.entities.len());
        }
        let hidden = Toggles {
            hide_entities: true,
            hide_claims: true,
            ..Toggles::default()
        };
        let mut paint = Paint::default();
        claims(&corpus.articles[0], &hidden, &Theme::dark(), &mut paint);
        entities(&corpus.articles[0], &hidden, &Theme::dark(), &mut paint);
        assert!(paint.ranges.is_empty() && paint.gutter.is_empty());
        assert!(legend(&hidden, &Theme::dark()).is_empty());
        assert_eq!(legend(&Toggles::default(), &Theme::dark()).len(), 8);
    }
}
