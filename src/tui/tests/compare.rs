//! The compare view and its topic picker.

use super::*;
use crate::model::Article;
use crate::tui::app::Showing;
use crate::tui::browse::Focus;

#[test]
fn c_opens_the_compare_view_on_the_busiest_topic_and_esc_returns() {
    let mut app = compare_view(160, 45);
    assert_eq!(app.showing, Showing::Compare);
    // No topic has more rows that two or more sources carry.
    let most = compare(&app)
        .topics()
        .iter()
        .map(|topic| {
            let engine = compare(&app).engine();
            let at = engine
                .topics()
                .iter()
                .position(|t| t.id == topic.id)
                .expect("listed");
            engine
                .compare(super::super::compare::jobs::Want::Topic(at))
                .map_or(0, |c| c.comparison.shared_rows())
        })
        .max()
        .expect("topics");
    assert_eq!(comparison(&app).shared_rows(), most);
    assert!(!comparison(&app).rows.is_empty());
    keys(&mut app, "<esc>");
    assert_eq!(app.showing, Showing::Browse);
    assert_eq!(app.browse.focus, Focus::Reader);
    // `c` toggles, like `p` and `?` do.
    keys(&mut app, "c");
    assert_eq!(app.showing, Showing::Compare);
    keys(&mut app, "c");
    assert_eq!(app.showing, Showing::Browse);
}

#[test]
fn the_compare_view_says_it_is_comparing_and_keys_keep_working() {
    let mut app = sized(80, 24);
    press_only(&mut app, "c");
    assert!(compare(&app).computing());
    assert!(app.busy(), "the loop keeps drawing while comparing");
    let text = draw_unpolled(&mut app, 80, 24);
    assert!(text.contains("╭ Compare "), "{text}");
    assert!(
        text.contains("Finding facts across 5 sources…")
            || text.contains("Finding the topic most of the 5 sources report on…"),
        "{text}"
    );
    assert!(
        text.contains("finding facts…") || text.contains("comparing…"),
        "{text}"
    );
    for (width, height) in [(0, 0), (10, 3), (30, 8), (40, 10)] {
        draw_unpolled(&mut app, width, height);
    }
    // Moving, jumping and hiding do nothing harmful before the rows arrive.
    press_only(&mut app, "jG]}lL2");
    assert!(compare(&app).is_hidden(1));
    press_only(&mut app, "<esc>");
    assert_eq!(app.showing, Showing::Browse);
    press_only(&mut app, "c");
    settle(&mut app);
    assert!(!compare(&app).computing());
    assert!(compare(&app).is_hidden(1), "hiding survives the wait");
    assert!(!app.busy());
}

#[test]
fn q_quits_nothing_while_comparing_it_goes_back() {
    let mut app = sized(80, 24);
    press_only(&mut app, "cq");
    assert_eq!(app.showing, Showing::Browse);
    assert!(!app.should_quit);
}

#[test]
fn only_the_newest_topic_is_shown() {
    let mut app = compare_view(120, 40);
    let ids: Vec<String> = compare(&app)
        .topics()
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let territory = ids.iter().position(|id| id == "territory").expect("topic");
    let fighting = ids.iter().position(|id| id == "fighting").expect("topic");
    app.dispatch(Action::SetTopic { topic: territory });
    assert!(compare(&app).computing(), "the old rows are not shown");
    app.dispatch(Action::SetTopic { topic: fighting });
    settle(&mut app);
    assert_eq!(comparison(&app).topic_id, "fighting");
    // Later polls bring nothing else in.
    std::thread::sleep(std::time::Duration::from_millis(50));
    app.prepare(app.areas.screen);
    assert_eq!(comparison(&app).topic_id, "fighting");
    assert_eq!(compare(&app).topic, fighting);
    // Choosing the topic on screen again keeps its rows and selection.
    keys(&mut app, "G");
    let row = compare(&app).row;
    app.dispatch(Action::SetTopic { topic: fighting });
    assert!(!compare(&app).computing());
    assert_eq!(compare(&app).row, row);
}

#[test]
fn compare_jumps_land_on_the_right_rows() {
    let mut app = compare_view(160, 45);
    keys(&mut app, "]");
    let rows = compare(&app).shown_rows();
    let expected = (1..rows.len()).find(|&r| rows[r].cells.len() >= 2 && rows[r].differs());
    assert_eq!(Some(compare(&app).row), expected.or(Some(0)));
    keys(&mut app, "}");
    let rows = compare(&app).shown_rows();
    let solo = rows.iter().position(|r| r.cells.len() == 1);
    if let Some(solo) = solo {
        let here = compare(&app).row;
        assert_eq!(rows[here].cells.len(), 1);
        assert!(here >= solo);
        let previous = (0..here)
            .rev()
            .find(|&r| rows[r].cells.len() == 1)
            .unwrap_or(here);
        keys(&mut app, "{");
        assert_eq!(compare(&app).row, previous);
    }
    keys(&mut app, "G");
    assert_eq!(compare(&app).row, compare(&app).shown_rows().len() - 1);
    keys(&mut app, "g");
    assert_eq!(compare(&app).row, 0);
    keys(&mut app, "jj");
    assert_eq!(compare(&app).row, 2);
}

#[test]
fn a_jump_with_no_row_to_land_on_says_so_until_the_next_key() {
    let mut app = compare_view(160, 45);
    keys(&mut app, "G");
    let last = compare(&app).row;
    keys(&mut app, "}");
    assert_eq!(compare(&app).row, last, "the selection stays");
    assert_eq!(compare(&app).notice, Some("no one-source row below"));
    assert!(screen_text(&mut app, 160, 45).contains("no one-source row below · row"));
    keys(&mut app, "g");
    assert_eq!(compare(&app).notice, None);
    keys(&mut app, "[");
    assert_eq!(compare(&app).notice, Some("no differing row above"));
}

/// The coverage header's lines joined (they end at the legend line).
fn coverage_header(text: &str) -> String {
    text.lines()
        .skip(1)
        .take_while(|line| !line.contains("differs number entity"))
        .collect()
}

#[test]
fn hiding_a_source_keeps_row_counts_and_drops_rows_only_it_carries() {
    let mut app = compare_view(200, 400);
    let all_rows = comparison(&app).rows.clone();
    let total = comparison(&app).sources.len();
    assert_eq!(total, 5);
    let labels = row_labels(&mut app);
    assert_eq!(labels.len(), all_rows.len(), "{labels:?}");
    // Hide the source with the most rows to itself, if any has one.
    let hidden = (0..total)
        .max_by_key(|&a| {
            all_rows
                .iter()
                .filter(|r| r.cells.len() == 1 && r.cells[0].article == a)
                .count()
        })
        .expect("sources");
    type_text(&mut app, &(hidden + 1).to_string());
    let state = compare(&app);
    assert!(state.is_hidden(hidden));
    assert_eq!(
        comparison(&app).sources.len(),
        total,
        "the comparison still covers every source"
    );
    assert!(!state.columns().contains(&hidden));
    let expected: Vec<&crate::compare::Row> = all_rows
        .iter()
        .filter(|r| r.cells.iter().any(|c| c.article != hidden))
        .collect();
    assert_eq!(state.shown_rows(), expected);
    let labels = row_labels(&mut app);
    assert_eq!(labels.len(), expected.len());
    let name = |article: usize| {
        format!(
            "{} [{}]",
            app.corpus.articles[article].source_or_id(),
            article + 1
        )
    };
    for (label, row) in labels.iter().zip(&expected) {
        let carried = row.cells.iter().any(|c| c.article == hidden);
        let n = row.cells.len();
        let mut want = if n == 1 {
            format!("only {}", name(row.cells[0].article))
        } else {
            format!("{n} of {total}")
        };
        let silent: Vec<String> = comparison(&app).silent(row).map(name).collect();
        if n > 1 && !silent.is_empty() {
            want.push_str(&format!(" · silent: {}", silent.join(", ")));
        }
        if n > 1 && carried {
            want.push_str(" · 1 hidden");
        }
        assert_eq!(label, &want);
    }
    let text = screen_text(&mut app, 200, 60);
    let name = app.corpus.articles[hidden].source_or_id().to_string();
    let header = coverage_header(&text);
    let item = format!("{name} [{}]", hidden + 1);
    let at = header.find(&item).expect("the hidden source is listed");
    assert!(header[at..].contains("hidden"), "{header}");
    // Jumps only stop on rows that are shown.
    for keys in ["]]]]", "[[", "}}}}", "{{"] {
        type_text(&mut app, keys);
        let row = compare(&app).selected_row().expect("a row");
        assert!(row.cells.iter().any(|c| c.article != hidden));
    }
    type_text(&mut app, &(hidden + 1).to_string());
    assert_eq!(compare(&app).shown_rows().len(), all_rows.len());
    // Hiding all but one keeps the last source.
    keys(&mut app, "12345");
    assert_eq!(compare(&app).visible().len(), 1);
}

#[test]
fn hiding_a_source_keeps_the_selected_row_when_it_stays() {
    let mut app = compare_view(160, 45);
    keys(&mut app, "jjj");
    let before = compare(&app).selected_row().cloned().expect("a row");
    let other = (0..5)
        .find(|&a| before.cells.iter().any(|c| c.article != a))
        .expect("a source to hide");
    let keep = before.cells.iter().any(|c| c.article != other);
    type_text(&mut app, &(other + 1).to_string());
    if keep {
        assert_eq!(compare(&app).selected_row(), Some(&before));
    }
}

#[test]
fn narrow_screens_page_the_source_columns() {
    let mut app = compare_view(80, 24);
    assert_eq!(compare(&app).fit, 2);
    // The first row may have paged to its cells; page back to the start.
    keys(&mut app, "HHH");
    assert_eq!(compare(&app).shown(), vec![0, 1]);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("sources 1–2 of 5"), "{text}");
    keys(&mut app, "L");
    assert_eq!(compare(&app).shown(), vec![2, 3]);
    keys(&mut app, "<gt>");
    assert_eq!(compare(&app).shown(), vec![3, 4]);
    keys(&mut app, "H");
    assert_eq!(compare(&app).shown(), vec![1, 2]);
    keys(&mut app, "hhh");
    assert_eq!(
        (compare(&app).column, compare(&app).shown()),
        (0, vec![0, 1])
    );
    keys(&mut app, "lll");
    assert_eq!(
        (compare(&app).column, compare(&app).shown()),
        (3, vec![2, 3])
    );
}

#[test]
fn moving_to_a_row_pages_the_columns_to_one_of_its_cells() {
    let mut app = compare_view(80, 24);
    let rows = compare(&app).shown_rows().len();
    for _ in 0..rows {
        let state = compare(&app);
        let row = state.selected_row().expect("a row");
        let shown = state.shown();
        assert!(
            row.cells.iter().any(|c| shown.contains(&c.article)),
            "row {} has nothing in columns {shown:?}",
            state.row
        );
        keys(&mut app, "j");
    }
    // Paging by hand is left alone, even onto columns without the row.
    keys(&mut app, "gLLL");
    assert_eq!(compare(&app).shown(), vec![3, 4]);
    // Hiding sources keeps the selected row's cells in view.
    for source in ["4", "5"] {
        type_text(&mut app, source);
        let state = compare(&app);
        let row = state.selected_row().expect("a row");
        let shown = state.shown();
        assert!(row.cells.iter().any(|c| shown.contains(&c.article)));
    }
}

#[test]
fn enter_on_a_cell_opens_its_sentence_in_the_reader() {
    let mut app = compare_view(160, 45);
    let target = compare(&app).selected_target().expect("a cell");
    keys(&mut app, "<enter>");
    assert_eq!(app.showing, Showing::Browse);
    assert_eq!(app.browse.reader.article, target.0);
    assert_eq!(app.browse.reader.highlight, Some((target.1, target.2)));
}

#[test]
fn back_from_an_article_opened_in_the_compare_view_returns_to_the_row() {
    let mut app = compare_view(160, 45);
    keys(&mut app, "]l");
    let row = compare(&app).row;
    assert!(row > 0, "] moved to a later row");
    let target = compare(&app).selected_target().expect("a cell");
    keys(&mut app, "<enter>");
    assert_eq!(app.showing, Showing::Browse);
    // Reading on in the same article keeps the way back.
    keys(&mut app, "jjn");
    assert_eq!(app.browse.reader.article, target.0);
    keys(&mut app, "<esc>");
    assert_eq!(app.showing, Showing::Compare);
    assert_eq!(compare(&app).row, row, "the same row");
    // Out of the compare view, back goes to the list as usual.
    keys(&mut app, "<esc><esc>");
    assert_eq!(app.showing, Showing::Browse);
    assert_eq!(app.browse.focus, Focus::List);
    // Once the list is used, back is the list again.
    keys(&mut app, "c<enter>");
    assert_eq!(app.showing, Showing::Browse);
    keys(&mut app, "<tab>jl");
    assert_eq!(app.browse.focus, Focus::Reader);
    keys(&mut app, "<esc>");
    assert_eq!(app.showing, Showing::Browse);
    assert_eq!(app.browse.focus, Focus::List);
}

#[test]
fn topic_picker_filters_and_chooses() {
    let mut app = compare_view(160, 45);
    keys(&mut app, "t");
    assert_eq!(app.layers().len(), 1);
    settle(&mut app);
    let text = screen_text(&mut app, 160, 45);
    assert!(text.contains("territory"), "{text}");
    assert!(text.contains("sentences per source"), "{text}");
    // The typed words come first as a topic of their own; the listed
    // topic that matches is next.
    keys(&mut app, "territ<down><enter>");
    assert!(app.layers().is_empty());
    settle(&mut app);
    assert_eq!(comparison(&app).topic_id, "territory");
    assert_eq!(compare(&app).row, 0);
}

#[test]
fn a_typed_phrase_is_offered_first_and_enter_compares_it() {
    let mut app = compare_view(120, 40);
    keys(&mut app, "t");
    settle(&mut app);
    type_text(&mut app, "prisoner exchanges");
    let text = screen_text(&mut app, 120, 40);
    let offer = text
        .lines()
        .position(|l| l.contains("▌ compare “prisoner exchanges”"))
        .expect("the phrase is offered, selected");
    let query = text
        .lines()
        .position(|l| l.contains("› prisoner exchanges"));
    assert!(query.is_some_and(|q| q < offer), "{text}");
    keys(&mut app, "<enter>");
    assert!(app.layers().is_empty());
    settle(&mut app);
    let comparison = comparison(&app);
    assert_eq!(comparison.topic_id, "prisoner-exchanges");
    assert!(!comparison.rows.is_empty());
    assert!(
        screen_text(&mut app, 120, 40).contains("Compare: prisoner exchanges"),
        "the title names the phrase"
    );
    // The same phrase again is the same topic, not a second copy of it.
    let topics = compare(&app).topics().len();
    keys(&mut app, "t");
    type_text(&mut app, "prisoner exchanges\n");
    assert_eq!(compare(&app).topics().len(), topics);
    // A phrase that matches nothing says so instead of showing old rows.
    keys(&mut app, "t");
    type_text(&mut app, "zzqx wobble\n");
    settle(&mut app);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("No sentence of the shown sources"), "{text}");
}

#[test]
fn the_picker_lists_topics_before_its_counts_arrive() {
    let mut app = sized(100, 30);
    press_only(&mut app, "t");
    let text = draw_unpolled(&mut app, 100, 30);
    assert!(text.contains("Territory (territory)"), "{text}");
    assert!(text.contains("counting sentences per source…"), "{text}");
    assert!(app.busy());
    // Typing works meanwhile; the counts fill in later.
    press_only(&mut app, "terr");
    settle(&mut app);
    let text = screen_text(&mut app, 100, 30);
    assert!(text.contains("› terr"), "{text}");
    assert!(text.contains("sentences per source"), "{text}");
}

#[test]
fn compare_view_survives_every_small_size() {
    let mut app = compare_view(160, 45);
    keys(&mut app, "jj");
    for (w, h) in [
        (0, 0),
        (1, 1),
        (10, 3),
        (30, 8),
        (31, 9),
        (40, 10),
        (57, 12),
        (200, 60),
    ] {
        draw(&mut app, w, h);
        keys(&mut app, "j]}L");
        draw(&mut app, w, h);
    }
    keys(&mut app, "t");
    for (w, h) in [(0, 0), (30, 8), (12, 5)] {
        draw(&mut app, w, h);
    }
}

#[test]
fn the_coverage_header_shows_whole_names_when_there_is_room() {
    let mut app = compare_view(200, 60);
    let text = screen_text(&mut app, 200, 60);
    let header = coverage_header(&text);
    for (index, article) in app.corpus.articles.iter().enumerate() {
        let item = format!(" · {} [{}]", article.source_or_id(), index + 1);
        assert!(header.contains(&item), "{item} in {header}");
    }
    assert!(!header.contains('…'), "{header}");
}

#[test]
fn the_coverage_header_shortens_names_only_when_it_must() {
    let mut app = compare_view(80, 24);
    let text = screen_text(&mut app, 80, 24);
    let header_lines = text
        .lines()
        .skip(1)
        .take_while(|line| !line.contains("differs number entity"))
        .count();
    assert!(header_lines <= 4, "{text}");
    for (index, article) in app.corpus.articles.iter().enumerate() {
        let name = article.source_or_id();
        // Cut to ten columns, the last an ellipsis.
        let short: String = name.chars().take(9).collect();
        assert!(text.contains(&format!(" · {short}")), "{short} in {text}");
        assert!(text.contains(&format!("[{}]", index + 1)), "{text}");
    }
}

#[test]
fn snapshot_compare_160x45() {
    let mut app = compare_view(160, 45);
    insta::assert_snapshot!(draw(&mut app, 160, 45).backend());
}

#[test]
fn snapshot_compare_200x60() {
    let mut app = compare_view(200, 60);
    insta::assert_snapshot!(draw(&mut app, 200, 60).backend());
}

#[test]
fn snapshot_compare_80x24() {
    let mut app = compare_view(80, 24);
    keys(&mut app, "]");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn snapshot_compare_80x24_with_a_source_hidden() {
    let mut app = compare_view(80, 24);
    keys(&mut app, "2");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn snapshot_compare_comparing_80x24() {
    let mut app = sized(80, 24);
    press_only(&mut app, "c");
    insta::assert_snapshot!(draw_unpolled(&mut app, 80, 24));
}

#[test]
fn snapshot_topic_picker() {
    let mut app = compare_view(100, 30);
    keys(&mut app, "t");
    settle(&mut app);
    insta::assert_snapshot!(draw(&mut app, 100, 30).backend());
}

#[test]
fn snapshot_topic_picker_200x60() {
    let mut app = compare_view(200, 60);
    keys(&mut app, "t");
    settle(&mut app);
    insta::assert_snapshot!(draw(&mut app, 200, 60).backend());
}

#[test]
fn snapshot_topic_picker_80x24() {
    let mut app = compare_view(80, 24);
    keys(&mut app, "t");
    settle(&mut app);
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn the_picker_names_every_source_and_grows_on_wide_screens() {
    let mut app = compare_view(200, 60);
    keys(&mut app, "t");
    settle(&mut app);
    let names: Vec<String> = app
        .corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, article)| format!("{} {}", i + 1, article.source_or_id()))
        .collect();
    let mut widths = Vec::new();
    for (width, height) in [(200, 60), (120, 40), (80, 24)] {
        let text = screen_text(&mut app, width, height);
        for name in &names {
            assert!(
                text.contains(name.as_str()),
                "{name} at {width}x{height}:\n{text}"
            );
        }
        let top = text
            .lines()
            .find(|line| line.contains("╭ Topic"))
            .expect("the picker's top border");
        let corners = top.find('╭').zip(top.rfind('╮')).expect("both corners");
        let box_width = top[corners.0..corners.1].chars().count() + 1;
        assert!(box_width <= usize::from(width), "{width}: {top}");
        widths.push(box_width);
        // Every topic and its counts.
        for topic in ["Territory (territory)", "EU accession (eu-accession)"] {
            assert!(text.contains(topic), "{topic} at {width}x{height}:\n{text}");
        }
    }
    assert!(
        widths[0] > 90,
        "wider than the old cap on a wide screen: {widths:?}"
    );
    assert!(
        widths[0] >= widths[1] && widths[1] >= widths[2],
        "{widths:?}"
    );
}

#[test]
fn text_layers_hint_only_keys_that_work_there() {
    let mut app = compare_view(120, 40);
    let compare_status = status_line(&mut app, 120, 40);
    assert!(compare_status.contains("Esc back"), "{compare_status}");
    keys(&mut app, "t");
    settle(&mut app);
    let picker_status = status_line(&mut app, 120, 40);
    assert!(picker_status.contains("Enter choose"), "{picker_status}");
    assert!(picker_status.contains("Ctrl-c quit"), "{picker_status}");
    for lie in [
        "q quit",
        "? help",
        "/ search",
        "Tab",
        "t topic",
        "c compare",
    ] {
        assert!(!picker_status.contains(lie), "{lie}: {picker_status}");
    }
    // What the hints leave out is indeed typed.
    keys(&mut app, "q?/");
    assert!(!app.should_quit);
    assert_eq!(app.layers().len(), 1);
    assert!(screen_text(&mut app, 120, 40).contains("› q?/"));
    keys(&mut app, "<space>terr");
    app.handle_key(&KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL));
    assert!(screen_text(&mut app, 120, 40).contains("› q?/ ▏"));
    press_only(&mut app, "<bs>");
    app.handle_key(&KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    assert!(screen_text(&mut app, 120, 40).contains("› ▏"));
    app.handle_key(&KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(app.should_quit, "Ctrl-c quits from the picker as hinted");

    let mut app = sized(120, 40);
    keys(&mut app, "/");
    let search_status = status_line(&mut app, 120, 40);
    assert!(search_status.contains("Esc close"), "{search_status}");
    assert!(search_status.contains("Ctrl-c quit"), "{search_status}");
    assert!(!search_status.contains("q quit"), "{search_status}");
}

#[test]
fn tab_moves_between_sources_in_the_compare_view() {
    let mut app = compare_view(80, 24);
    keys(&mut app, "HHH");
    let start = compare(&app).column;
    assert!(compare(&app).columns().len() >= start + 3, "room to move");
    keys(&mut app, "<tab><tab>");
    assert_eq!(compare(&app).column, start + 2);
    press_only(&mut app, "<s-tab>");
    assert_eq!(compare(&app).column, start + 1);
    let status = status_line(&mut app, 200, 40);
    assert!(!status.contains("switch pane"), "{status}");
}

/// The built-in articles, each `copies` times, then `silent` empty articles.
fn big_corpus(copies: usize, silent: usize) -> Corpus {
    let builtin = open_corpus(&[]).expect("built-in");
    let mut articles: Vec<Article> = (0..copies)
        .flat_map(|_| builtin.articles.iter().cloned())
        .collect();
    let mut empty = hostile_corpus().articles.remove(0);
    empty.body = String::new();
    empty.blocks.clear();
    empty.source = Some("Quiet Wire".into());
    articles.extend(std::iter::repeat_n(empty, silent));
    Corpus {
        articles,
        warnings: Vec::new(),
    }
}

#[test]
fn a_big_corpus_folds_silent_sources_and_counts_the_rest() {
    let mut app = App::new(big_corpus(1, 400));
    app.prepare(Rect::new(0, 0, 120, 40));
    keys(&mut app, "c");
    settle(&mut app);
    let text = screen_text(&mut app, 120, 40);
    let header = coverage_header(&text);
    assert!(header.contains("400 sources silent"), "{header}");
    assert!(!header.contains("Quiet Wire"), "{header}");
    assert!(!header.contains("more"), "{header}");
    assert_eq!(compare(&app).columns(), &[0, 1, 2, 3, 4]);

    let mut app = App::new(super::chooser::many_sources(60));
    app.prepare(Rect::new(0, 0, 80, 24));
    keys(&mut app, "c");
    settle(&mut app);
    let text = screen_text(&mut app, 80, 24);
    let header_lines = text
        .lines()
        .skip(1)
        .take_while(|line| !line.contains("differs number entity"))
        .collect::<Vec<_>>();
    assert!(header_lines.len() <= 3, "{text}");
    let last = header_lines.last().expect("a header");
    assert!(
        last.contains("more ‹s›"),
        "the chooser lists the rest: {last}"
    );
    let more: usize = last
        .split('+')
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("+N more");
    let listed = header_lines
        .iter()
        .map(|line| line.matches(" sentence").count())
        .sum::<usize>();
    let silent: usize = header_lines
        .iter()
        .find_map(|line| {
            let before = line.split(" sources silent").next()?;
            before.split_whitespace().last()?.parse().ok()
        })
        .unwrap_or(0);
    assert_eq!(listed + more + silent, 60, "{text}");
    // A hidden source is named first when not all can be.
    keys(&mut app, "9");
    let text = screen_text(&mut app, 80, 24);
    let first = text.lines().nth(1).expect("the header");
    assert!(first.contains("[9] hidden"), "{text}");
}

#[test]
fn help_wraps_long_lines_instead_of_cutting_them() {
    let mut app = sized(60, 20);
    keys(&mut app, "?");
    let mut seen = String::new();
    for _ in 0..200 {
        let text = screen_text(&mut app, 60, 20);
        seen.push_str(&text);
        if !text.contains("more ↓") {
            break;
        }
        keys(&mut app, "j");
    }
    let keymap = crate::tui::keymap::Keymap::default();
    for mode in crate::tui::keymap::Mode::ALL {
        for binding in keymap.bindings(mode) {
            let last = binding.help.split_whitespace().last().expect("words");
            assert!(seen.contains(last), "{last:?} of {:?}", binding.help);
        }
    }
}

#[test]
fn the_end_of_the_help_is_reachable() {
    let mut app = sized(100, 30);
    keys(&mut app, "?G");
    let text = screen_text(&mut app, 100, 30);
    let keymap = crate::tui::keymap::Keymap::default();
    let last = keymap
        .bindings(crate::tui::keymap::Mode::Panel)
        .last()
        .expect("a binding")
        .help;
    assert!(text.contains(last), "{text}");
    assert!(!text.contains("more ↓"), "{text}");
}

#[test]
fn syndicated_copies_show_as_one_source_with_a_count() {
    let mut app = App::new(big_corpus(3, 0));
    app.prepare(Rect::new(0, 0, 200, 60));
    keys(&mut app, "c");
    settle(&mut app);
    assert_eq!(comparison(&app).sources.len(), 5, "each text once");
    assert!(compare(&app).columns().iter().all(|&a| a < 5));
    let text = screen_text(&mut app, 200, 60);
    let header = coverage_header(&text);
    assert_eq!(header.matches("+2 copies").count(), 5, "{header}");
    let heads = text
        .lines()
        .find(|l| l.contains("[1] "))
        .expect("the column heads");
    assert!(heads.contains("+2 copies"), "{heads}");
    // The chooser lists every article, a copy as one.
    keys(&mut app, "s");
    let text = screen_text(&mut app, 200, 60);
    assert_eq!(text.matches("copy of ").count(), 10, "{text}");
    assert!(text.contains("copy of 1 "), "{text}");
}

#[test]
fn snapshot_topic_picker_with_a_typed_phrase_80x24() {
    let mut app = compare_view(80, 24);
    keys(&mut app, "t");
    settle(&mut app);
    type_text(&mut app, "rate cut");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}
