//! Reading state in the reader: unread marks, where an article was left,
//! the last article open, bookmarks and their list, the list's arrangements.

use super::{builtin_corpus, draw, keys};
use crate::library::reading::ReadingState;
use crate::store::Dirs;
use crate::tui::app::App;
use crate::tui::browse::{Arrangement, Focus};
use ratatui::layout::Rect;

fn screen() -> Rect {
    Rect::new(0, 0, 100, 30)
}

fn reopened(dirs: &Dirs) -> App {
    let mut app = App::new(builtin_corpus());
    app.loaded_with(builtin_corpus(), ReadingState::open(Some(dirs)));
    app.prepare(screen());
    app
}

fn temp_dirs(root: &std::path::Path) -> Dirs {
    Dirs {
        data: root.join("data"),
        cache: root.join("cache"),
    }
}

#[test]
fn the_reader_reopens_the_last_article_where_it_was_left_and_marks_it_read() {
    let root = tempfile::tempdir().expect("temp dir");
    let dirs = temp_dirs(root.path());
    let left_at;
    {
        let mut app = reopened(&dirs);
        keys(&mut app, "jj<enter> <c-d><c-d>");
        app.prepare(screen());
        assert_eq!(app.browse.reader.article, 2);
        let layout = app.browse.layout().expect("laid out");
        left_at = layout.offset_of(app.browse.reader.scroll).expect("a line");
        assert!(
            app.browse.reading.is_read(&app.corpus.articles[2]),
            "scrolled: read"
        );
        assert!(!app.browse.reading.is_read(&app.corpus.articles[0]));
        app.browse.reading.flush();
    }
    let app = reopened(&dirs);
    assert_eq!(app.browse.selected, 2, "the last article is selected again");
    assert_eq!(app.browse.reader.article, 2);
    let layout = app.browse.layout().expect("laid out");
    assert_eq!(layout.offset_of(app.browse.reader.scroll), Some(left_at));
    assert!(app.browse.reading.is_read(&app.corpus.articles[2]));
}

#[test]
fn b_bookmarks_the_sentence_in_view_and_the_list_goes_back_to_it() {
    let root = tempfile::tempdir().expect("temp dir");
    let dirs = temp_dirs(root.path());
    let mut app = reopened(&dirs);
    keys(&mut app, "j<enter> n b");
    let (start, end) = app.browse.reader.highlight.expect("n highlights a claim");
    let article = &app.corpus.articles[1];
    assert!(app.browse.reading.is_bookmarked(article, start));
    assert_eq!(app.browse.notice, Some("bookmarked"));
    let screen_text = draw(&mut app, 100, 30).backend().to_string();
    assert!(
        screen_text.contains('★'),
        "the bookmark is marked beside its line"
    );

    keys(&mut app, "<esc>jjj<enter>");
    assert_eq!(app.browse.reader.article, 4);
    keys(&mut app, "B");
    let listed = draw(&mut app, 100, 30).backend().to_string();
    assert!(listed.contains("Bookmarks: 1 sentence"), "{listed}");
    keys(&mut app, "<enter>");
    app.prepare(screen());
    assert_eq!(app.browse.reader.article, 1);
    assert_eq!(app.browse.reader.highlight, Some((start, end)));
    assert_eq!(app.browse.focus, Focus::Reader);

    keys(&mut app, "B d <esc>");
    assert!(app.browse.reading.bookmarks().is_empty(), "d removed it");
    app.browse.reading.flush();
    let again = reopened(&dirs);
    assert!(
        again.browse.reading.bookmarks().is_empty(),
        "removed on disk too"
    );
}

#[test]
fn the_list_marks_unread_articles_and_arranges_itself() {
    let mut app = App::new(builtin_corpus());
    app.prepare(screen());
    keys(&mut app, "u");
    assert!(app.browse.reading.is_read(&app.corpus.articles[0]));
    assert_eq!(
        app.notice.as_deref().or(app.browse.notice),
        Some("marked read")
    );
    let text = draw(&mut app, 100, 30).backend().to_string();
    let first_title = text
        .lines()
        .find(|line| line.contains("Russia Accepts"))
        .expect("first article");
    assert!(!first_title.contains('•'), "read: no dot: {first_title}");
    let second = text
        .lines()
        .find(|line| line.contains("U.S. Agrees"))
        .expect("second article");
    assert!(second.contains('•'), "unread: a dot: {second}");

    keys(&mut app, "f");
    assert_eq!(app.browse.arrangement, Arrangement::Unread);
    assert_eq!(app.browse.order.len(), app.corpus.articles.len() - 1);
    assert!(!app.browse.order.contains(&0));
    let title = draw(&mut app, 100, 30).backend().to_string();
    assert!(title.contains("Articles unread 1/4"), "{title}");

    keys(&mut app, "f");
    assert_eq!(app.browse.arrangement, Arrangement::ByOutlet);
    let outlets: Vec<String> = app
        .browse
        .order
        .iter()
        .map(|index| app.corpus.articles[*index].source_label().to_lowercase())
        .collect();
    let mut sorted = outlets.clone();
    sorted.sort();
    assert_eq!(outlets, sorted);
    keys(&mut app, "G");
    assert_eq!(Some(app.browse.selected), app.browse.order.last().copied());
    keys(&mut app, "ff");
    assert_eq!(app.browse.arrangement, Arrangement::All);
    assert_eq!(
        app.browse.order,
        (0..app.corpus.articles.len()).collect::<Vec<_>>()
    );
}

#[test]
fn refresh_without_a_library_says_why() {
    let mut app = App::new(builtin_corpus());
    app.prepare(screen());
    keys(&mut app, "R");
    let notice = app.notice.clone().unwrap_or_default();
    assert!(notice.contains("--corpus"), "{notice}");
}

#[test]
fn snapshot_bookmarks_list_80x24() {
    let mut app = App::new(builtin_corpus());
    app.prepare(Rect::new(0, 0, 80, 24));
    keys(&mut app, "<enter>nb<esc>jj<enter>nnb B");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn r_refreshes_the_feeds_in_the_background_and_reloads_the_list() {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("loopback");
    let address = format!(
        "http://{}/feed.xml",
        listener.local_addr().expect("address")
    );
    let server = std::thread::spawn(move || {
        let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Wire</title>\
            <item><title>Dredging starts</title><guid>dredging</guid><link>https://harbour.example/d</link>\
            <description>&lt;p&gt;Dredging of the channel starts in April, the port said.&lt;/p&gt;</description>\
            </item></channel></rss>";
        if let Ok((mut stream, _)) = listener.accept() {
            let mut request = [0u8; 2048];
            let _ = stream.read(&mut request);
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{rss}",
                rss.len()
            );
        }
    });
    let root = tempfile::tempdir().expect("temp dir");
    let dirs = temp_dirs(root.path());
    {
        let mut library = crate::store::Library::open(&dirs, crate::store::Access::ReadWrite)
            .expect("opens")
            .expect("a library");
        library
            .add_feed(&crate::store::feeds::NewFeed {
                url: address,
                ..Default::default()
            })
            .expect("follows");
    }
    let mut app = App::new(builtin_corpus());
    app.library = Some(dirs);
    app.prepare(screen());
    keys(&mut app, "R");
    assert!(
        app.refresh_status().is_some(),
        "the status bar says it runs"
    );
    let started = std::time::Instant::now();
    while app.refresh_status().is_some() && started.elapsed() < std::time::Duration::from_secs(20) {
        std::thread::sleep(std::time::Duration::from_millis(20));
        app.prepare(screen());
    }
    server.join().expect("served");
    let notice = app.notice.clone().unwrap_or_default();
    assert!(notice.contains("1 new article from 1 feed"), "{notice}");
    assert!(
        app.corpus
            .articles
            .iter()
            .any(|a| a.title == "Dredging starts"),
        "the list reloaded with the new item"
    );
}
