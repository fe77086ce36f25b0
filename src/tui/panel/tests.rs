use super::{PanelLayer, Row};
use crate::analysis::open_corpus;
use crate::model::Corpus;
use crate::tui::action::Action;
use crate::tui::app::{App, Focus};
use crate::tui::decorate::Toggles;
use crate::tui::layer::{Layer, LayerContext};
use crate::tui::tests::draw;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

fn corpus() -> Corpus {
    open_corpus(&[]).expect("the built-in corpus loads")
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Sends one key to the panel and returns the actions it queued.
fn send(panel: &mut PanelLayer, corpus: &Corpus, code: KeyCode) -> Vec<Action> {
    let mut queue = Vec::new();
    let mut context = LayerContext {
        corpus,
        queue: &mut queue,
    };
    panel.handle_key(&key(code), &mut context);
    queue
}

/// Moves the selection down until `wanted` says yes, or fails.
fn select(panel: &mut PanelLayer, corpus: &Corpus, wanted: impl Fn(&Row) -> bool) {
    for _ in 0..panel.rows().len() {
        if panel.selected().is_some_and(&wanted) {
            return;
        }
        send(panel, corpus, KeyCode::Char('j'));
    }
    panic!("no such row in {:?}", panel.rows());
}

#[test]
fn overview_lists_entities_by_type_with_counts_and_every_claim() {
    let corpus = corpus();
    let panel = PanelLayer::new(&corpus, 0, &Toggles::default());
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
    let mut panel = PanelLayer::new(&corpus, 1, &Toggles::default());
    select(&mut panel, &corpus, |row| matches!(row, Row::Claim { .. }));
    let Some(Row::Claim { start, end, .. }) = panel.selected().cloned() else {
        unreachable!("select stopped on a claim");
    };
    let queued = send(&mut panel, &corpus, KeyCode::Enter);
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
    let mut panel = PanelLayer::new(&corpus, 0, &Toggles::default());
    let Some(Row::Entity { name, count, .. }) = panel.selected().cloned() else {
        panic!("the first row is an entity");
    };
    assert!(send(&mut panel, &corpus, KeyCode::Enter).is_empty());
    assert_eq!(panel.entity(), Some(name.as_str()));
    let mentions: Vec<(usize, usize, usize)> = panel
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
        .collect();
    let everywhere: usize = corpus
        .articles
        .iter()
        .map(|article| {
            article
                .entities
                .iter()
                .filter(|entity| entity.canonical == name)
                .count()
        })
        .sum();
    assert_eq!(mentions.len(), everywhere);
    assert!(mentions.len() >= count);
    let (article, start, end) = *mentions.last().expect("at least one mention");
    send(&mut panel, &corpus, KeyCode::Char('G'));
    assert_eq!(
        send(&mut panel, &corpus, KeyCode::Enter),
        vec![Action::OpenAt {
            article,
            start,
            end
        }]
    );
    // Back returns to the overview, on the same entity; back again closes.
    assert!(send(&mut panel, &corpus, KeyCode::Esc).is_empty());
    assert_eq!(panel.entity(), None);
    assert!(matches!(panel.selected(), Some(Row::Entity { name: n, .. }) if *n == name));
    assert_eq!(
        send(&mut panel, &corpus, KeyCode::Esc),
        vec![Action::CloseLayer]
    );
}

#[test]
fn p_toggles_the_panel_and_a_chosen_mention_opens_in_the_reader() {
    let mut app = App::new(corpus());
    app.prepare(Rect::new(0, 0, 100, 30));
    app.handle_key(&key(KeyCode::Enter));
    app.handle_key(&key(KeyCode::Char('p')));
    assert_eq!(app.layers().len(), 1);
    app.handle_key(&key(KeyCode::Char('p')));
    assert!(app.layers().is_empty());
    app.handle_key(&key(KeyCode::Char('p')));
    app.handle_key(&key(KeyCode::Enter));
    app.handle_key(&key(KeyCode::Char('G')));
    app.handle_key(&key(KeyCode::Enter));
    // The panel stays on the mentions list, to open the next one.
    assert_eq!(app.layers().len(), 1);
    assert_eq!(app.focus, Focus::Reader);
    let (start, end) = app.reader.highlight.expect("the mention is highlighted");
    let article = app.article().expect("an article is open");
    assert!(
        article
            .entities
            .iter()
            .any(|entity| entity.start == start && entity.end == end)
    );
}

#[test]
fn reader_with_the_panel_open_snapshot() {
    let mut app = App::new(corpus());
    app.prepare(Rect::new(0, 0, 100, 30));
    app.handle_key(&key(KeyCode::Enter));
    app.handle_key(&key(KeyCode::Char('p')));
    let terminal = draw(&mut app, 100, 30);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn tiny_and_zero_sizes_do_not_panic() {
    let mut app = App::new(corpus());
    app.handle_key(&key(KeyCode::Enter));
    app.handle_key(&key(KeyCode::Char('p')));
    app.handle_key(&key(KeyCode::Enter));
    for (width, height) in [(0, 0), (1, 1), (3, 2), (5, 4), (12, 6), (30, 3)] {
        draw(&mut app, width, height);
        app.handle_key(&key(KeyCode::Char('j')));
    }
}

#[test]
fn mentions_cover_other_articles_under_a_heading_each() {
    let corpus = corpus();
    let mut panel = PanelLayer::new(&corpus, 0, &Toggles::default());
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
    send(&mut panel, &corpus, KeyCode::Enter);
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
    app.handle_key(&key(KeyCode::Char('g')));
    let before_claims = panel_rows(app)
        .iter()
        .take_while(|row| !matches!(row, Row::Claim { .. }))
        .filter(|row| !matches!(row, Row::Heading(_)))
        .count();
    for _ in 0..before_claims + n {
        app.handle_key(&key(KeyCode::Char('j')));
    }
}

/// The rows the panel shows, read from the screen's state through a draw.
fn panel_rows(app: &App) -> Vec<Row> {
    let corpus = &app.corpus;
    PanelLayer::new(corpus, app.reader.article, &Toggles::default())
        .rows()
        .to_vec()
}

fn screen_text(app: &mut App, width: u16, height: u16) -> String {
    let terminal = draw(app, width, height);
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .chunks(usize::from(width))
        .map(|row| row.iter().map(|cell| cell.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn jumping_to_claim_after_claim_keeps_the_panel_and_its_place() {
    let mut app = App::new(corpus());
    app.prepare(Rect::new(0, 0, 80, 24));
    app.handle_key(&key(KeyCode::Enter));
    app.handle_key(&key(KeyCode::Char('p')));
    let claims = app.corpus.articles[0].claims.clone();
    assert!(claims.len() >= 3, "the first article has claims to walk");
    for (n, claim) in claims.iter().enumerate().take(3) {
        if n == 0 {
            select_claim(&mut app, 0);
        } else {
            app.handle_key(&key(KeyCode::Char('j')));
        }
        app.handle_key(&key(KeyCode::Enter));
        assert_eq!(app.layers().len(), 1, "the panel is still open");
        assert_eq!(app.reader.highlight, Some((claim.start, claim.end)));
        assert_eq!(app.reader.article, 0);
    }
    // The panel kept its place: the next Enter jumps to the fourth claim.
    app.handle_key(&key(KeyCode::Char('j')));
    app.handle_key(&key(KeyCode::Enter));
    assert_eq!(
        app.reader.highlight,
        claims.get(3).map(|claim| (claim.start, claim.end))
    );
    // The reader reflows beside the panel, so the claim is not under it.
    let shown = screen_text(&mut app, 80, 24);
    assert!(app.areas.reader.right() <= 80 - 30, "{:?}", app.areas);
    let words: Vec<&str> = claims[3].text.split_whitespace().take(3).collect();
    assert!(shown.contains(&words.join(" ")), "{shown}");
    app.handle_key(&key(KeyCode::Char('p')));
    assert!(app.layers().is_empty());
    app.prepare(Rect::new(0, 0, 80, 24));
    assert!(
        !app.areas.list.is_empty(),
        "the list is back with the panel closed"
    );
}

#[test]
fn a_mention_in_another_article_keeps_the_list_and_back_shows_that_article() {
    let mut app = App::new(corpus());
    app.prepare(Rect::new(0, 0, 120, 40));
    app.handle_key(&key(KeyCode::Enter));
    app.handle_key(&key(KeyCode::Char('p')));
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
        app.handle_key(&key(KeyCode::Char('j')));
    }
    app.handle_key(&key(KeyCode::Enter));
    app.handle_key(&key(KeyCode::Char('G')));
    app.handle_key(&key(KeyCode::Enter));
    let other = app.reader.article;
    assert_ne!(other, 0, "the last mention of {name} is in another article");
    let shown = screen_text(&mut app, 120, 40);
    assert!(shown.contains(&format!("Mentions of {name}")), "{shown}");
    // Back: the overview of the article now read, on the same entity.
    app.handle_key(&key(KeyCode::Esc));
    // Tall enough for the whole overview, whatever the entities found.
    let shown = screen_text(&mut app, 120, 200);
    assert!(shown.contains("Entities and claims"), "{shown}");
    let expected = PanelLayer::new(&app.corpus, other, &Toggles::default());
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
    app.handle_key(&key(KeyCode::Enter));
    let shown = screen_text(&mut app, 120, 40);
    assert!(shown.contains(&format!("Mentions of {name}")), "{shown}");
}

#[test]
fn the_reader_and_the_list_share_a_wide_screen_with_the_panel() {
    let mut app = App::new(corpus());
    app.handle_key(&key(KeyCode::Enter));
    app.handle_key(&key(KeyCode::Char('p')));
    for (width, height, list) in [(200, 60, true), (120, 40, false), (80, 24, false)] {
        app.prepare(Rect::new(0, 0, width, height));
        let areas = app.areas;
        assert_eq!(!areas.list.is_empty(), list, "{width}x{height}: {areas:?}");
        assert!(areas.reader.width >= 30, "{width}x{height}: {areas:?}");
        let panel_x = width - (width / 5 * 2).max(30);
        assert_eq!(areas.reader.right(), panel_x, "{width}x{height}");
    }
    // Too narrow to share: the panel is drawn over the reader instead.
    app.prepare(Rect::new(0, 0, 50, 20));
    assert_eq!(app.areas.reader.width, 50);
}

#[test]
fn reader_beside_the_panel_after_a_jump_80x24_snapshot() {
    let mut app = App::new(corpus());
    app.prepare(Rect::new(0, 0, 80, 24));
    app.handle_key(&key(KeyCode::Enter));
    app.handle_key(&key(KeyCode::Char('p')));
    select_claim(&mut app, 1);
    app.handle_key(&key(KeyCode::Enter));
    let terminal = draw(&mut app, 80, 24);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn a_search_result_opened_over_the_panel_keeps_it_on_the_new_article() {
    let mut app = App::new(corpus());
    app.prepare(Rect::new(0, 0, 120, 40));
    app.handle_key(&key(KeyCode::Enter));
    app.handle_key(&key(KeyCode::Char('p')));
    app.handle_key(&key(KeyCode::Char('/')));
    assert_eq!(app.layers().len(), 2, "search over the panel");
    for c in "800000 tro".chars() {
        app.handle_key(&key(KeyCode::Char(c)));
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.busy() {
        assert!(
            std::time::Instant::now() < deadline,
            "search did not finish"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        app.prepare(Rect::new(0, 0, 120, 40));
    }
    app.handle_key(&key(KeyCode::Enter));
    assert_eq!(app.layers().len(), 1, "the search closed, the panel stayed");
    let article = app.reader.article;
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
    let mut panel = PanelLayer::new(&corpus, 0, &Toggles::default());
    let claims = &corpus.articles[0].claims;
    assert!(claims.len() >= 2);
    let jumps: Vec<Vec<Action>> = (0..2)
        .map(|_| send(&mut panel, &corpus, KeyCode::Char('n')))
        .collect();
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
        send(&mut panel, &corpus, KeyCode::Char('N')),
        vec![Action::OpenAt {
            article: 0,
            start: claims[0].start,
            end: claims[0].end
        }]
    );
    // Before the first claim there is none: N does nothing.
    assert!(send(&mut panel, &corpus, KeyCode::Char('N')).is_empty());
    // Past the last claim, n does nothing either.
    send(&mut panel, &corpus, KeyCode::Char('G'));
    assert!(send(&mut panel, &corpus, KeyCode::Char('n')).is_empty());
    // In an entity's mentions, n opens the next mention.
    send(&mut panel, &corpus, KeyCode::Char('g'));
    send(&mut panel, &corpus, KeyCode::Enter);
    let mentions: Vec<Action> = panel
        .rows()
        .iter()
        .filter_map(|row| match row {
            Row::Mention {
                article,
                start,
                end,
                ..
            } => Some(Action::OpenAt {
                article: *article,
                start: *start,
                end: *end,
            }),
            _ => None,
        })
        .collect();
    assert!(mentions.len() >= 2, "{:?}", panel.rows());
    assert_eq!(
        send(&mut panel, &corpus, KeyCode::Char('n')),
        vec![mentions[1]]
    );
}

#[test]
fn the_reader_beside_the_panel_scrolls_and_the_panel_follows_the_list() {
    let mut app = App::new(corpus());
    app.prepare(Rect::new(0, 0, 200, 60));
    app.handle_key(&key(KeyCode::Enter));
    app.handle_key(&key(KeyCode::Char('p')));
    app.prepare(Rect::new(0, 0, 200, 60));
    app.handle_key(&KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL));
    app.prepare(Rect::new(0, 0, 200, 60));
    assert!(app.reader.scroll > 0, "Ctrl-d scrolled the reader");
    assert_eq!(app.layers().len(), 1, "the panel stays");
    app.handle_key(&KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    app.prepare(Rect::new(0, 0, 200, 60));
    assert_eq!(app.reader.scroll, 0);
    // The list beside the panel takes the wheel; the panel follows it.
    let list = app.areas.list;
    assert!(!list.is_empty(), "the list is shown at 200 columns");
    app.handle_mouse(&ratatui::crossterm::event::MouseEvent {
        kind: ratatui::crossterm::event::MouseEventKind::ScrollDown,
        column: list.x + 2,
        row: list.y + 2,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(app.reader.article, 1);
    assert_eq!(app.layers().len(), 1);
    let claims = app.corpus.articles[1].claims.len();
    let shown = screen_text(&mut app, 200, 200);
    assert!(shown.contains(&format!("claims ({claims})")), "{shown}");
}
