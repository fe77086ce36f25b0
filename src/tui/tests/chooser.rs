//! The source chooser over the compare view.

use super::*;
use crate::model::Origin;
use crate::tui::app::Showing;

/// `count` small invented articles from five invented outlets: most say
/// something on security guarantees (every third a sentence more), every
/// fourth is about the weather and silent on the topic.
pub(super) fn many_sources(count: usize) -> Corpus {
    use crate::analysis::analyze_document;
    use crate::load::{Document, Format};
    let outlets = [
        "Harbour Times",
        "Valley Courier",
        "Coastal Wire",
        "Metro Ledger",
        "Plains Herald",
    ];
    let articles = (0..count)
        .map(|i| {
            let outlet = outlets[i % outlets.len()];
            let mut body = if i % 4 == 3 {
                format!(
                    "Weather on day {i}\n\nRain is expected across the valley on day {i}. \
                     Farmers welcomed the forecast after a dry month."
                )
            } else {
                format!(
                    "Talks on day {i}\n\nNegotiators discussed a security guarantee for the \
                     country, officials said on day {i}. The proposed security arrangement \
                     would include {} peacekeepers and air defense support.",
                    1000 + i * 100
                )
            };
            if i % 3 == 0 && i % 4 != 3 {
                body.push_str(" Critics said the pact lacked enforceable commitments.");
            }
            analyze_document(Document {
                id: format!("story-{:02}", i + 1),
                title: Some(format!("Story {} of the {outlet}", i + 1)),
                source: Some(outlet.to_string()),
                date: None,
                url: None,
                origin: Origin::Builtin("synthetic"),
                body,
                format: Format::Text,
                markup_blocks: None,
            })
        })
        .collect();
    Corpus {
        articles,
        warnings: Vec::new(),
    }
}

/// The compare view of [`many_sources`] with the source chooser open.
fn chooser(count: usize, width: u16, height: u16) -> App {
    let mut app = App::new(many_sources(count));
    app.prepare(Rect::new(0, 0, width, height));
    keys(&mut app, "c");
    settle(&mut app);
    keys(&mut app, "s");
    settle(&mut app);
    app
}

/// The chooser's rows as drawn: (number, shown, the rest of the line).
fn chooser_rows(text: &str) -> Vec<(usize, bool, String)> {
    text.lines()
        .filter_map(|line| {
            let at = line.find("[x]").or_else(|| line.find("[ ]"))?;
            let shown = line[at..].starts_with("[x]");
            let rest = line[at + 3..].trim_start();
            let (number, rest) = rest.split_once(' ')?;
            Some((number.parse().ok()?, shown, rest.to_string()))
        })
        .collect()
}

#[test]
fn the_source_chooser_lists_every_source_most_sentences_first() {
    let mut app = chooser(30, 120, 60);
    let coverage = comparison(&app).coverage();
    assert_eq!(coverage.len(), 30);
    assert!(coverage.iter().filter(|&&n| n == 0).count() >= 7);
    let text = screen_text(&mut app, 120, 60);
    assert!(text.contains(" Sources "), "{text}");
    assert!(text.contains("30 of 30 shown"), "{text}");
    let rows = chooser_rows(&text);
    assert_eq!(rows.len(), 30, "{text}");
    let numbers: Vec<usize> = rows.iter().map(|(n, _, _)| *n).collect();
    let mut expected: Vec<usize> = (1..=30).collect();
    expected.sort_by_key(|&n| (std::cmp::Reverse(coverage[n - 1]), n));
    assert_eq!(numbers, expected, "{text}");
    for (number, shown, rest) in &rows {
        assert!(shown);
        let name = app.corpus.articles[number - 1].source_or_id();
        assert!(rest.starts_with(name), "{rest}");
        let amount = match coverage[number - 1] {
            0 => "silent".to_string(),
            1 => "1 sentence ".to_string(),
            n => format!("{n} sentences"),
        };
        assert!(rest.contains(&amount), "{amount} in {rest}");
        assert!(rest.contains("shown"), "{rest}");
    }
    // The compare view beneath is untouched until something is toggled.
    assert!(compare(&app).visible().len() == app.corpus.articles.len());
}

#[test]
fn the_source_chooser_filters_toggles_and_shows_only_or_all() {
    let mut app = chooser(30, 120, 40);
    keys(&mut app, "27");
    let text = screen_text(&mut app, 120, 40);
    let rows = chooser_rows(&text);
    assert_eq!(rows.first().map(|r| r.0), Some(27), "{text}");
    assert!(rows.len() < 30, "the query narrows the list: {text}");
    // Space toggles the highlighted source, not the digits typed.
    keys(&mut app, "<space>");
    assert!(compare(&app).is_hidden(26));
    assert_eq!(compare(&app).visible().len(), 29);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("29 of 30 shown"), "{text}");
    let (_, shown, rest) = chooser_rows(&text).remove(0);
    assert!(!shown && rest.contains("hidden"), "{rest}");
    keys(&mut app, "<space>");
    assert!(!compare(&app).is_hidden(26));
    // Ctrl-o: only the highlighted one; Space then adds another back.
    keys(&mut app, "<c-o>");
    assert_eq!(compare(&app).visible(), vec![26]);
    assert_eq!(compare(&app).columns(), &[26]);
    // The last shown source cannot be hidden.
    keys(&mut app, "<space>");
    assert_eq!(compare(&app).visible(), vec![26]);
    keys(&mut app, "<c-u>");
    keys(&mut app, "Coastal");
    let text = screen_text(&mut app, 120, 40);
    let rows = chooser_rows(&text);
    assert!(!rows.is_empty());
    for (number, _, rest) in &rows {
        assert!(rest.starts_with("Coastal Wire"), "{number} {rest}");
    }
    let first = rows[0].0;
    press_only(&mut app, "<down>");
    press_only(&mut app, "<up>");
    keys(&mut app, "<space>");
    assert_eq!(compare(&app).visible(), {
        let mut v = vec![first - 1, 26];
        v.sort_unstable();
        v.dedup();
        v
    });
    keys(&mut app, "<c-a>");
    assert_eq!(compare(&app).visible().len(), 30);
    // Enter and Esc both go back to the view.
    keys(&mut app, "<enter>");
    assert!(app.layers().is_empty());
    assert_eq!(app.showing, Showing::Compare);
    keys(&mut app, "s<esc>");
    assert!(app.layers().is_empty());
    assert_eq!(app.showing, Showing::Compare);
}

#[test]
fn the_chooser_and_the_digit_keys_hide_the_same_sources() {
    let mut app = chooser(30, 200, 400);
    keys(&mut app, "<esc>");
    let all_rows = comparison(&app).rows.clone();
    // Hide source 1 (it carries a sentence the others do not) in the chooser.
    keys(&mut app, "s");
    type_text(&mut app, "story 1 of");
    let text = screen_text(&mut app, 200, 60);
    assert_eq!(chooser_rows(&text).first().map(|r| r.0), Some(1), "{text}");
    keys(&mut app, "<space><enter>");
    assert!(compare(&app).is_hidden(0));
    assert!(!compare(&app).columns().contains(&0));
    let expected: Vec<&crate::compare::Row> = all_rows
        .iter()
        .filter(|r| r.cells.iter().any(|c| c.article != 0))
        .collect();
    assert_eq!(compare(&app).shown_rows(), expected);
    for label in row_labels(&mut app) {
        assert!(!label.starts_with("only 1 "), "{label}");
        let numbers = label.split(" · ").nth(1).unwrap_or_default();
        assert!(!numbers.split(' ').any(|n| n == "1"), "{label}");
    }
    // Jumps skip what is hidden.
    for keys in ["]]]]", "[[", "}}}}", "{{"] {
        type_text(&mut app, keys);
        let row = compare(&app).selected_row().expect("a row");
        assert!(row.cells.iter().any(|c| c.article != 0));
    }
    // The digit shows it again, and the chooser says so.
    keys(&mut app, "1");
    assert!(!compare(&app).is_hidden(0));
    assert_eq!(compare(&app).shown_rows().len(), all_rows.len());
    keys(&mut app, "2s");
    let text = screen_text(&mut app, 200, 60);
    let rows = chooser_rows(&text);
    let state = |n: usize| rows.iter().find(|r| r.0 == n).map(|r| r.1);
    assert_eq!(state(1), Some(true));
    assert_eq!(state(2), Some(false), "{text}");
    // Digits typed in the chooser filter; they do not toggle.
    keys(&mut app, "3");
    assert!(!compare(&app).is_hidden(2));
}

#[test]
fn the_chooser_pages_through_many_sources() {
    let mut app = chooser(300, 80, 24);
    let text = screen_text(&mut app, 80, 24);
    let first_page = chooser_rows(&text);
    assert!(first_page.len() >= 10, "{text}");
    press_only(&mut app, "<pagedown>");
    app.prepare(app.areas.screen);
    let text = screen_text(&mut app, 80, 24);
    let second_page = chooser_rows(&text);
    assert!(
        second_page
            .iter()
            .all(|row| !first_page.iter().any(|r| r.0 == row.0)),
        "{text}"
    );
    assert!(
        text.contains(&format!(" {}/300 ", first_page.len() + 1)),
        "{text}"
    );
    for _ in 0..40 {
        press_only(&mut app, "<pagedown>");
    }
    app.prepare(app.areas.screen);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains(" 300/300 "), "{text}");
    // Ctrl-n and Ctrl-p move one at a time.
    keys(&mut app, "<c-p>");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains(" 299/300 "), "{text}");
    keys(&mut app, "<c-n>");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains(" 300/300 "), "{text}");
    for (width, height) in [(0, 0), (10, 3), (30, 8), (40, 10), (60, 12)] {
        draw(&mut app, width, height);
    }
}

/// Case 16: filtering far down a long list keeps the highlighted row on
/// screen (the chooser's offset follows the selection it kept).
#[test]
fn filtering_far_down_a_long_list_keeps_the_highlight_on_screen() {
    let count = 2_000;
    let mut app = chooser(count, 80, 24);
    for _ in 0..120 {
        press_only(&mut app, "<pagedown>");
    }
    app.prepare(app.areas.screen);
    type_text(&mut app, "Story 19");
    let text = screen_text(&mut app, 80, 24);
    assert!(
        text.lines()
            .any(|line| line.contains("\u{258c} ") && line.contains("Story 19")),
        "the highlighted row is a match, on screen: {text}"
    );
    let rows = chooser_rows(&text);
    assert!(!rows.is_empty(), "{text}");
}

#[test]
fn the_chooser_opened_while_comparing_fills_in_its_counts() {
    let mut app = App::new(many_sources(30));
    app.prepare(Rect::new(0, 0, 120, 40));
    press_only(&mut app, "cs");
    let text = draw_unpolled(&mut app, 120, 40);
    assert!(text.contains("counting sentences…"), "{text}");
    assert!(app.busy());
    settle(&mut app);
    let text = screen_text(&mut app, 120, 40);
    assert!(!text.contains("counting"), "{text}");
    let rows = chooser_rows(&text);
    let coverage = comparison(&app).coverage();
    assert_eq!(
        rows.first().map(|r| coverage[r.0 - 1]),
        coverage.iter().max().copied()
    );
}

#[test]
fn snapshot_source_chooser_80x24() {
    let mut app = chooser(30, 80, 24);
    keys(&mut app, "<space>");
    press_only(&mut app, "<down>");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn snapshot_source_chooser_120x40() {
    let mut app = chooser(30, 120, 40);
    press_only(&mut app, "<down>");
    keys(&mut app, "<space>");
    keys(&mut app, "valley");
    insta::assert_snapshot!(draw(&mut app, 120, 40).backend());
}

#[test]
fn the_chooser_cleans_what_it_shows() {
    let mut app = App::new(hostile_corpus());
    app.prepare(Rect::new(0, 0, 80, 24));
    keys(&mut app, "c");
    settle(&mut app);
    keys(&mut app, "s");
    settle(&mut app);
    app.handle_key(&KeyEvent::new(KeyCode::Char('\u{1b}'), KeyModifiers::NONE));
    keys(&mut app, "Out");
    let terminal = draw(&mut app, 80, 24);
    let text = format!("{}", terminal.backend());
    assert!(text.contains("1 of 1 shown"), "{text}");
    assert_eq!(chooser_rows(&text).len(), 1, "{text}");
    assert_no_controls(terminal.backend().buffer());
}

#[test]
fn enter_in_the_chooser_goes_to_the_source_column() {
    let mut app = chooser(30, 80, 24);
    assert_eq!(compare(&app).fit, 2);
    keys(&mut app, "27<enter>");
    assert!(app.layers().is_empty());
    let state = compare(&app);
    assert_eq!(state.columns().get(state.column), Some(&26));
    assert!(state.shown().contains(&26), "paged into view");
    let row = state.selected_row().expect("a row");
    assert!(row.cell(26).is_some(), "on a row the source carries");
    let text = screen_text(&mut app, 80, 24);
    let name = app.corpus.articles[26].source_or_id().to_string();
    assert!(text.contains(&format!("[27] {name}")), "{text}");
    // A silent source has no column: Enter only closes.
    let silent = comparison(&app)
        .coverage()
        .iter()
        .position(|&n| n == 0)
        .expect("a silent source");
    let before = (compare(&app).column, compare(&app).row);
    keys(&mut app, "s");
    type_text(&mut app, &format!("{} ", silent + 1));
    keys(&mut app, "<c-u>");
    type_text(&mut app, &format!("{}\n", silent + 1));
    assert!(app.layers().is_empty());
    assert_eq!((compare(&app).column, compare(&app).row), before);
}
