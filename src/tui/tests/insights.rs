//! The insights view, the reader's corroboration marks and the compare
//! view's flagged rows.

use super::{builtin_corpus, keys, screen_text, settle, styled};
use crate::model::Corpus;
use crate::tui::app::{App, Showing};
use crate::tui::layer::Settings;
use ratatui::layout::Rect;

/// Two invented reports of one flood that disagree on its toll.
pub(crate) fn two_tolls() -> Corpus {
    let bodies = [
        (
            "valley-a",
            "Valley Courier",
            "The flood in the northern valley killed 140 people on Monday, officials said. \
             Rescue teams searched the riverbanks through the night.",
        ),
        (
            "valley-b",
            "Plains Gazette",
            "The flood in the northern valley killed 41 people on Monday, officials said. \
             Rescue teams searched the riverbanks through the night.",
        ),
    ];
    let mut articles: Vec<_> = bodies
        .iter()
        .map(|(id, outlet, body)| {
            let mut article = crate::analysis::article_from_text(id, body);
            article.date = Some("2031-05-05".to_string());
            article.source = Some((*outlet).to_string());
            article
        })
        .collect();
    crate::entities::link_corpus(&mut articles);
    Corpus {
        articles,
        warnings: Vec::new(),
    }
}

/// `corpus` on a `width`×`height` screen with its insights built.
fn with_insights(corpus: Corpus, width: u16, height: u16) -> App {
    let mut app = App::with_settings(corpus, Settings::default());
    app.prepare(Rect::new(0, 0, width, height));
    app.start_insights();
    settle(&mut app);
    app
}

#[test]
fn the_insights_view_lists_a_number_discrepancy_and_opens_its_evidence() {
    let mut app = with_insights(two_tolls(), 100, 30);
    keys(&mut app, "i");
    assert_eq!(app.showing, Showing::Insights);
    let screen = screen_text(&mut app, 100, 30);
    assert!(screen.contains("Discrepancies (1)"), "{screen}");
    assert!(screen.contains("number"), "{screen}");
    insta::assert_snapshot!("insights_two_tolls_100x30", screen);
    keys(&mut app, "<enter>");
    assert_eq!(app.showing, Showing::Browse);
    let highlight = app
        .browse
        .reader
        .highlight
        .expect("the evidence is highlighted");
    let article = &app.corpus.articles[app.browse.reader.article];
    assert!(article.body[highlight.0..highlight.1].contains("killed"));
}

#[test]
fn going_back_from_evidence_returns_to_the_insights_view_and_its_selection() {
    let mut app = with_insights(two_tolls(), 100, 30);
    keys(&mut app, "i j");
    let selected = app.insights_view.row;
    keys(&mut app, "<enter>");
    assert_eq!(app.showing, Showing::Browse);
    keys(&mut app, "<esc>");
    assert_eq!(app.showing, Showing::Insights);
    assert_eq!(app.insights_view.row, selected);
    // Once back, the reader's own way back leads to the list again.
    keys(&mut app, "<esc>");
    assert_eq!(app.showing, Showing::Browse);
    keys(&mut app, "<esc>");
    assert_eq!(app.showing, Showing::Browse);
    assert_eq!(app.browse.focus, crate::tui::browse::Focus::List);
}

#[test]
fn the_kind_filter_cycles_and_says_when_nothing_is_of_a_kind() {
    let mut app = with_insights(two_tolls(), 100, 30);
    keys(&mut app, "i f");
    assert!(screen_text(&mut app, 100, 30).contains("kind: number"));
    assert!(screen_text(&mut app, 100, 30).contains("Discrepancies (1)"));
    keys(&mut app, "f");
    let screen = screen_text(&mut app, 100, 30);
    assert!(screen.contains("kind: date"), "{screen}");
    assert!(screen.contains("Nothing of this kind"), "{screen}");
    keys(&mut app, "<esc>");
    assert_eq!(app.showing, Showing::Browse);
}

#[test]
fn snapshot_insights_view_builtin() {
    let mut app = with_insights(builtin_corpus(), 120, 40);
    keys(&mut app, "i");
    insta::assert_snapshot!("insights_builtin_120x40", screen_text(&mut app, 120, 40));
}

#[test]
fn the_reader_marks_each_claim_with_its_corroboration() {
    let mut app = with_insights(two_tolls(), 160, 20);
    keys(&mut app, "<enter>");
    let screen = screen_text(&mut app, 160, 20);
    assert!(screen.contains("≠●●"), "{screen}");
    let terminal = super::draw(&mut app, 160, 20);
    insta::assert_snapshot!(
        "reader_corroboration_160x20",
        styled(terminal.backend().buffer())
    );
}

#[test]
fn a_narrow_reader_keeps_a_gutter_for_the_marks() {
    let mut app = with_insights(two_tolls(), 60, 20);
    keys(&mut app, "<enter>");
    let screen = screen_text(&mut app, 60, 20);
    // Both claims' marks, the disputed one flagged, though every line of
    // the text would otherwise run to the border.
    assert!(screen.contains("≠●●"), "{screen}");
    assert_eq!(screen.matches("●●").count(), 2, "{screen}");
    let terminal = super::draw(&mut app, 60, 20);
    insta::assert_snapshot!(
        "reader_corroboration_60x20",
        styled(terminal.backend().buffer())
    );
}

#[test]
fn the_compare_row_of_a_discrepancy_is_flagged_and_its_values_marked() {
    let mut app = with_insights(two_tolls(), 100, 24);
    keys(&mut app, "<enter> C");
    settle(&mut app);
    assert_eq!(app.showing, Showing::Compare, "{:?}", app.notice);
    let screen = screen_text(&mut app, 100, 24);
    assert!(screen.contains("≠ number"), "{screen}");
    let terminal = super::draw(&mut app, 100, 24);
    let buffer = terminal.backend().buffer();
    let warning = app.settings.theme.warning;
    for value in ["140", "41"] {
        let style = super::style_of(buffer, value).expect("the value is on screen");
        assert_eq!(style.fg, warning.fg, "{value}");
    }
    insta::assert_snapshot!("compare_flagged_row_100x24", styled(buffer));
}

#[test]
fn tiny_screens_do_not_panic() {
    let mut app = with_insights(two_tolls(), 40, 12);
    for notation in ["i", "f", "<enter>", "C", "i j j f f"] {
        keys(&mut app, notation);
        for (width, height) in [(40, 12), (20, 5), (1, 1)] {
            screen_text(&mut app, width, height);
        }
    }
}
