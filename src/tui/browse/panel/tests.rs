use super::{PanelLayer, PanelRow as Row};
use crate::model::Corpus;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::browse::Focus;
use crate::tui::browse::decorate::Toggles;
use crate::tui::tests::{builtin_corpus as corpus, draw, send, settle, text_of};
use crate::tui::theme::Theme;
use ratatui::layout::Rect;

/// The first article read on a `width`×`height` screen, the panel open.
fn with_panel(width: u16, height: u16) -> App {
    let mut app = App::new(corpus());
    app.prepare(Rect::new(0, 0, width, height));
    hit(&mut app, "<enter>p");
    app
}

/// (article, start, end) of each mention the panel lists.
fn mention_targets(panel: &PanelLayer) -> Vec<(usize, usize, usize)> {
    panel
        .rows()
        .iter()
        .filter_map(|row| match row {
            Row::Mention {
                article,
                start,
                end,
                ..
            } => Some((*article, *start, *end)),
            _ => None,
        })
        .collect()
}

/// Presses keys without preparing the screen in between.
fn hit(app: &mut App, notation: &str) {
    for event in crate::tui::tests::key_events(notation) {
        app.handle_key(&event);
    }
}

fn panel(corpus: &Corpus, article: usize) -> PanelLayer {
    PanelLayer::new(corpus, article, &Toggles::default(), &Theme::dark())
}

/// Moves the selection down until `wanted` says yes, or fails.
fn select(panel: &mut PanelLayer, corpus: &Corpus, wanted: impl Fn(&Row) -> bool) {
    for _ in 0..panel.rows().len() {
        if panel.selected().is_some_and(&wanted) {
            return;
        }
        send(panel, corpus, "j");
    }
    panic!("no such row in {:?}", panel.rows());
}

#[test]
fn overview_lists_entities_by_type_with_counts_and_every_claim() {
    let corpus = corpus();
    let panel = panel(&corpus, 0);
    let article = &corpus.articles[0];
    let claims = panel
        .rows()
        .iter()
        .filter(|row| matches!(row, Row::Claim { .. }))
        .count();
    assert_eq!(claims, article.claims.len());
    let counted: usize = panel
        .rows()
        .iter()
        .map(|row| match row {
            Row::Entity { count, .. } => *count,
            _ => 0,
        })
        .sum();
    assert_eq!(counted, article.entities.len());
    assert!(matches!(panel.selected(), Some(Row::Entity { .. })));
    // Types come in groups: a heading precedes each.
    let headings: Vec<&str> = panel
        .rows()
        .iter()
        .filter_map(|row| match row {
            Row::Heading(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(headings.iter().any(|text| text.starts_with("person")));
    assert!(headings.iter().any(|text| text.starts_with("claims")));
}

#[test]
fn enter_on_a_claim_opens_it_in_the_reader() {
    let corpus = corpus();
    let mut panel = panel(&corpus, 1);
    select(&mut panel, &corpus, |row| matches!(row, Row::Claim { .. }));
    let Some(Row::Claim { start, end, .. }) = panel.selected().cloned() else {
        unreachable!("select stopped on a claim");
    };
    let queued = send(&mut panel, &corpus, "<enter>");
    assert_eq!(
        queued,
        vec![Action::OpenAt {
            article: 1,
            start,
            end
        }]
    );
    assert_eq!(corpus.articles[1].claims[0].start, start);
}

#[test]
fn an_entity_lists_its_mentions_in_every_article_and_opens_one() {
    let corpus = corpus();
    let mut panel = panel(&corpus, 0);
    let Some(Row::Entity { name, count, .. }) = panel.selected().cloned() else {
        panic!("the first row is an entity");
    };
    assert!(send(&mut panel, &corpus, "<enter>").is_empty());
    assert_eq!(panel.entity(), Some(name.as_str()));
    let mentions = mention_targets(&panel);
    let everywhere: usize = corpus
        .articles
        .iter()
        .map(|article| {
            article
                .entities
                .iter()
                .filter(|entity| *entity.canonical == *name)
                .count()
        })
        .sum();
    assert_eq!(mentions.len(), everywhere);
    assert!(mentions.len() >= count);
    let (article, start, end) = *mentions.last().expect("at least one mention");
    send(&mut panel, &corpus, "G");
    assert_eq!(
        send(&mut panel, &corpus, "<enter>"),
        vec![Action::OpenAt {
            article,
            start,
            end
        }]
    );
    // Back returns to the overview, on the same entity; back again closes.
    assert!(send(&mut panel, &corpus, "<esc>").is_empty());
    assert_eq!(panel.entity(), None);
    assert!(matches!(panel.selected(), Some(Row::Entity { name: n, .. }) if *n == name));
    assert_eq!(send(&mut panel, &corpus, "<esc>"), vec![Action::CloseLayer]);
}

#[test]
fn p_toggles_the_panel_and_a_chosen_mention_opens_in_the_reader() {
    let mut app = with_panel(100, 30);
    assert_eq!(app.layers().len(), 1);
    hit(&mut app, "p");
    assert!(app.layers().is_empty());
    hit(&mut app, "p");
    hit(&mut app, "<enter>");
    hit(&mut app, "G");
    hit(&mut app, "<enter>");
    // The panel stays on the mentions list, to open the next one.
    assert_eq!(app.layers().len(), 1);
    assert_eq!(app.browse.focus, Focus::Reader);
    let (start, end) = app
        .browse
        .reader
        .highlight
        .expect("the mention is highlighted");
    let article = app.browse.article(&app.corpus).expect("an article is open");
    assert!(
        article
            .entities
            .iter()
            .any(|entity| entity.start == start && entity.end == end)
    );
}

#[test]
fn reader_with_the_panel_open_snapshot() {
    let mut app = with_panel(100, 30);
    let terminal = draw(&mut app, 100, 30);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn tiny_and_zero_sizes_do_not_panic() {
    let mut app = App::new(corpus());
    hit(&mut app, "<enter>");
    hit(&mut app, "p");
    hit(&mut app, "<enter>");
    for (width, height) in [(0, 0), (1, 1), (3, 2), (5, 4), (12, 6), (30, 3)] {
        draw(&mut app, width, height);
        hit(&mut app, "j");
    }
}

#[test]
fn mentions_cover_other_articles_under_a_heading_each() {
    let corpus = corpus();
    let mut panel = panel(&corpus, 0);
    // A place of the first article that other articles name too.
    select(&mut panel, &corpus, |row| {
        matches!(
            row,
            Row::Entity {
                kind: crate::model::EntityType::Place,
                ..
            }
        )
    });
    send(&mut panel, &corpus, "<enter>");
    let articles: std::collections::BTreeSet<usize> = panel
        .rows()
        .iter()
        .filter_map(|row| match row {
            Row::Mention { article, .. } => Some(*article),
            _ => None,
        })
        .collect();
    assert!(articles.len() >= 2, "{:?}", panel.rows());
    let Some(Row::Heading(summary)) = panel.rows().first() else {
        panic!("the list starts with a summary");
    };
    assert!(
        summary.ends_with(&format!("in {} articles", articles.len())),
        "{summary}"
    );
}

/// Selects the panel's `n`th claim (0-based) by moving down from the top.
fn select_claim(app: &mut App, n: usize) {
    hit(app, "g");
    let before_claims = panel_rows(app)
        .iter()
        .take_while(|row| !matches!(row, Row::Claim { .. }))
        .filter(|row| !matches!(row, Row::Heading(_)))
        .count();
    for _ in 0..before_claims + n {
        hit(app, "j");
    }
}

/// The rows the panel shows, read from the screen's state through a draw.
fn panel_rows(app: &App) -> Vec<Row> {
    let corpus = &app.corpus;
    panel(corpus, app.browse.reader.article).rows().to_vec()
}

fn screen_text(app: &mut App, width: u16, height: u16) -> String {
    text_of(draw(app, width, height).backend().buffer())
}

#[test]
fn jumping_to_claim_after_claim_keeps_the_panel_and_its_place() {
    let mut app = with_panel(80, 24);
    let claims = app.corpus.articles[0].claims.clone();
    assert!(claims.len() >= 3, "the first article has claims to walk");
    for (n, claim) in claims.iter().enumerate().take(3) {
        if n == 0 {
            select_claim(&mut app, 0);
        } else {
            hit(&mut app, "j");
        }
        hit(&mut app, "<enter>");
        assert_eq!(app.layers().len(), 1, "the panel is still open");
        assert_eq!(app.browse.reader.highlight, Some((claim.start, claim.end)));
        assert_eq!(app.browse.reader.article, 0);
    }
    // The panel kept its place: the next Enter jumps to the fourth claim.
    hit(&mut app, "j");
    hit(&mut app, "<enter>");
    assert_eq!(
        app.browse.reader.highlight,
        claims.get(3).map(|claim| (claim.start, claim.end))
    );
    // The reader reflows beside the panel, so the claim is not under it.
    let shown = screen_text(&mut app, 80, 24);
    assert!(
        app.browse.panes.reader.right() <= 80 - 30,
        "{:?}",
        app.areas
    );
    let article = &app.corpus.articles[0];
    let words: Vec<&str> = article
        .text(claims[3].start, claims[3].end)
        .split_whitespace()
        .take(3)
        .collect();
    assert!(shown.contains(&words.join(" ")), "{shown}");
    hit(&mut app, "p");
    assert!(app.layers().is_empty());
    app.prepare(Rect::new(0, 0, 80, 24));
    assert!(
        !app.browse.panes.list.is_empty(),
        "the list is back with the panel closed"
    );
}

#[test]
fn a_mention_in_another_article_keeps_the_list_and_back_shows_that_article() {
    let mut app = with_panel(120, 40);
    // A place of the first article that other articles name too.
    let rows = panel_rows(&app);
    let (position, name) = rows
        .iter()
        .filter(|row| !matches!(row, Row::Heading(_)))
        .enumerate()
        .find_map(|(position, row)| match row {
            Row::Entity {
                name,
                kind: crate::model::EntityType::Place,
                ..
            } => Some((position, name.clone())),
            _ => None,
        })
        .expect("the first article names a place");
    for _ in 0..position {
        hit(&mut app, "j");
    }
    hit(&mut app, "<enter>");
    hit(&mut app, "G");
    hit(&mut app, "<enter>");
    let other = app.browse.reader.article;
    assert_ne!(other, 0, "the last mention of {name} is in another article");
    let shown = screen_text(&mut app, 120, 40);
    assert!(shown.contains(&format!("Mentions of {name}")), "{shown}");
    // Back: the overview of the article now read, on the same entity.
    hit(&mut app, "<esc>");
    // Tall enough for the whole overview, whatever the entities found.
    let shown = screen_text(&mut app, 120, 200);
    assert!(shown.contains("Entities and claims"), "{shown}");
    let expected = panel(&app.corpus, other);
    let claims = expected
        .rows()
        .iter()
        .find_map(|row| match row {
            Row::Heading(text) if text.starts_with("claims") => Some(text.clone()),
            _ => None,
        })
        .expect("a claims heading");
    assert!(shown.contains(&claims), "{claims} in {shown}");
    // Enter on the selected entity lists its mentions again: it is selected.
    hit(&mut app, "<enter>");
    let shown = screen_text(&mut app, 120, 40);
    assert!(shown.contains(&format!("Mentions of {name}")), "{shown}");
}

#[test]
fn the_reader_and_the_list_share_a_wide_screen_with_the_panel() {
    let mut app = App::new(corpus());
    hit(&mut app, "<enter>");
    hit(&mut app, "p");
    for (width, height, list) in [(200, 60, true), (120, 40, false), (80, 24, false)] {
        app.prepare(Rect::new(0, 0, width, height));
        let areas = app.browse.panes;
        assert_eq!(!areas.list.is_empty(), list, "{width}x{height}: {areas:?}");
        assert!(areas.reader.width >= 30, "{width}x{height}: {areas:?}");
        let panel_x = width - (width / 5 * 2).max(30);
        assert_eq!(areas.reader.right(), panel_x, "{width}x{height}");
    }
    // Too narrow to share: the panel is drawn over the reader instead.
    app.prepare(Rect::new(0, 0, 50, 20));
    assert_eq!(app.browse.panes.reader.width, 50);
}

#[test]
fn reader_beside_the_panel_after_a_jump_80x24_snapshot() {
    let mut app = with_panel(80, 24);
    select_claim(&mut app, 1);
    hit(&mut app, "<enter>");
    let terminal = draw(&mut app, 80, 24);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn a_search_result_opened_over_the_panel_keeps_it_on_the_new_article() {
    let mut app = with_panel(120, 40);
    hit(&mut app, "/");
    assert_eq!(app.layers().len(), 2, "search over the panel");
    hit(&mut app, "800000<space>tro");
    app.prepare(Rect::new(0, 0, 120, 40));
    settle(&mut app);
    hit(&mut app, "<enter>");
    assert_eq!(app.layers().len(), 1, "the search closed, the panel stayed");
    let article = app.browse.reader.article;
    assert_ne!(article, 0);
    let claims = app.corpus.articles[article].claims.len();
    // Tall enough for the whole overview, whatever the entities found.
    let shown = screen_text(&mut app, 120, 200);
    assert!(shown.contains(&format!("claims ({claims})")), "{shown}");
}

#[test]
fn a_narrow_panel_keeps_each_mention_in_view() {
    let long =
        "…the words before the name run on for a while [Some Person] and the words after it…";
    for width in [20, 28, 40, 200] {
        let fitted = super::fit_mention(long, width);
        assert!(crate::tui::text::width(&fitted) <= width, "{fitted}");
        assert!(fitted.contains("[Some Person]"), "{width}: {fitted}");
    }
    // Too narrow for the name itself: cut, never wider, never a panic.
    let fitted = super::fit_mention(long, 8);
    assert!(crate::tui::text::width(&fitted) <= 8, "{fitted}");
    assert_eq!(
        super::fit_mention("no brackets at all here", 10)
            .chars()
            .count(),
        10
    );
}

#[test]
fn n_walks_the_claims_and_the_mentions_one_key_a_step() {
    let corpus = corpus();
    let mut panel = panel(&corpus, 0);
    let claims = &corpus.articles[0].claims;
    assert!(claims.len() >= 2);
    let jumps: Vec<Vec<Action>> = (0..2).map(|_| send(&mut panel, &corpus, "n")).collect();
    for (jump, claim) in jumps.iter().zip(claims) {
        assert_eq!(
            jump,
            &vec![Action::OpenAt {
                article: 0,
                start: claim.start,
                end: claim.end
            }]
        );
    }
    assert_eq!(
        send(&mut panel, &corpus, "N"),
        vec![Action::OpenAt {
            article: 0,
            start: claims[0].start,
            end: claims[0].end
        }]
    );
    // Before the first claim there is none: N does nothing.
    assert!(send(&mut panel, &corpus, "N").is_empty());
    // Past the last claim, n does nothing either.
    send(&mut panel, &corpus, "G");
    assert!(send(&mut panel, &corpus, "n").is_empty());
    // In an entity's mentions, n opens the next mention.
    send(&mut panel, &corpus, "g");
    send(&mut panel, &corpus, "<enter>");
    let mentions: Vec<Action> = mention_targets(&panel)
        .into_iter()
        .map(|(article, start, end)| Action::OpenAt {
            article,
            start,
            end,
        })
        .collect();
    assert!(mentions.len() >= 2, "{:?}", panel.rows());
    assert_eq!(send(&mut panel, &corpus, "n"), vec![mentions[1]]);
}

#[test]
fn the_reader_beside_the_panel_scrolls_and_the_panel_follows_the_list() {
    let mut app = with_panel(200, 60);
    app.prepare(Rect::new(0, 0, 200, 60));
    hit(&mut app, "<c-d>");
    app.prepare(Rect::new(0, 0, 200, 60));
    assert!(app.browse.reader.scroll > 0, "Ctrl-d scrolled the reader");
    assert_eq!(app.layers().len(), 1, "the panel stays");
    hit(&mut app, "<c-u>");
    app.prepare(Rect::new(0, 0, 200, 60));
    assert_eq!(app.browse.reader.scroll, 0);
    // The list beside the panel takes the wheel; the panel follows it.
    let list = app.browse.panes.list;
    assert!(!list.is_empty(), "the list is shown at 200 columns");
    app.handle_mouse(&ratatui::crossterm::event::MouseEvent {
        kind: ratatui::crossterm::event::MouseEventKind::ScrollDown,
        column: list.x + 2,
        row: list.y + 2,
        modifiers: ratatui::crossterm::event::KeyModifiers::NONE,
    });
    assert_eq!(app.browse.reader.article, 1);
    assert_eq!(app.layers().len(), 1);
    let claims = app.corpus.articles[1].claims.len();
    let shown = screen_text(&mut app, 200, 200);
    assert!(shown.contains(&format!("claims ({claims})")), "{shown}");
}
