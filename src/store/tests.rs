use super::articles::{DuplicateBy, NewArticle, Outcome, Provenance, ProvenanceKind};
use super::state::{Bookmark, Reading};
use super::*;

fn dirs(root: &Path) -> Dirs {
    Dirs {
        data: root.join("data"),
        cache: root.join("cache"),
    }
}

fn open(dirs: &Dirs) -> Library {
    Library::open(dirs, Access::ReadWrite)
        .expect("opens")
        .expect("read-write always gives a library")
}

fn article(body: &str, hint: &str) -> NewArticle {
    NewArticle {
        raw: body.to_string(),
        format: "text",
        title: None,
        source: None,
        date: None,
        url: None,
        body: body.to_string(),
        slug_hint: hint.to_string(),
        provenance: Provenance {
            kind: ProvenanceKind::File,
            location: format!("/clips/{hint}.txt"),
            feed_id: None,
            guid: None,
        },
    }
}

const STORY: &str = "The harbour authority said on Tuesday that the northern pier would \
    close for six weeks of repairs after storm damage, and that ferries would use the \
    southern terminal until the work is finished in the spring.";

#[test]
fn a_read_only_open_of_no_library_creates_nothing() {
    let root = tempfile::tempdir().expect("temp dir");
    let dirs = dirs(root.path());
    assert!(
        Library::open(&dirs, Access::ReadOnly)
            .expect("no error")
            .is_none()
    );
    assert!(!dirs.data.exists(), "nothing was created");
}

#[test]
fn exact_copies_addresses_and_feed_items_are_duplicates_with_their_provenance() {
    let root = tempfile::tempdir().expect("temp dir");
    let mut library = open(&dirs(root.path()));
    let first = library.add(&article(STORY, "pier"), &[]).expect("adds");
    assert_eq!(
        first,
        Outcome::Added {
            slug: "pier".into(),
            copy_of: None
        }
    );
    let spaced = STORY.replace(' ', "\n ").to_uppercase();
    let again = library
        .add(&article(&spaced, "pier-copy"), &[])
        .expect("adds");
    assert_eq!(
        again,
        Outcome::Duplicate {
            slug: "pier".into(),
            by: DuplicateBy::Content
        }
    );

    let mut linked = article("A different text about the ferry timetable.", "ferry");
    linked.url = Some("https://harbour.example/ferry?utm_source=rss".into());
    library.add(&linked, &[]).expect("adds");
    let mut same_address = article("The ferry timetable, updated later that day.", "ferry-2");
    same_address.url = Some("https://www.harbour.example/ferry#top".into());
    assert!(matches!(
        library.add(&same_address, &[]).expect("checks"),
        Outcome::Duplicate {
            by: DuplicateBy::Url,
            ..
        }
    ));

    let (feed, _) = library
        .add_feed(&feeds::NewFeed {
            url: "https://harbour.example/rss".into(),
            ..Default::default()
        })
        .expect("feed");
    let mut item = article("First version of the tide tables item.", "tides");
    item.provenance = Provenance {
        kind: ProvenanceKind::Feed,
        location: "https://harbour.example/rss".into(),
        feed_id: Some(feed),
        guid: Some("tides-1".into()),
    };
    library.add(&item, &[]).expect("adds");
    item.body = "An edited version of the tide tables item.".into();
    assert!(matches!(
        library.add(&item, &[]).expect("checks"),
        Outcome::Duplicate {
            by: DuplicateBy::Guid,
            ..
        }
    ));

    let kept = library.articles().expect("lists");
    assert_eq!(kept.len(), 3);
    assert_eq!(
        kept[0].provenance,
        ["file:/clips/pier.txt", "file:/clips/pier-copy.txt"]
    );
}

#[test]
fn the_same_article_from_two_feeds_is_one_article_with_two_provenances() {
    let root = tempfile::tempdir().expect("temp dir");
    let mut library = open(&dirs(root.path()));
    for (index, address) in ["https://a.example/rss", "https://b.example/atom"]
        .iter()
        .enumerate()
    {
        let (feed, _) = library
            .add_feed(&feeds::NewFeed {
                url: address.to_string(),
                ..Default::default()
            })
            .expect("feed");
        let mut item = article(STORY, "pier");
        item.provenance = Provenance {
            kind: ProvenanceKind::Feed,
            location: address.to_string(),
            feed_id: Some(feed),
            guid: Some(format!("item-{index}")),
        };
        library.add(&item, &[]).expect("adds");
    }
    let kept = library.articles().expect("lists");
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].provenance.len(), 2);
    let feeds = library.feeds().expect("feeds");
    assert!(feeds.iter().all(|feed| feed.articles == 1));
}

#[test]
fn a_syndicated_copy_is_kept_and_linked_to_its_original() {
    let root = tempfile::tempdir().expect("temp dir");
    let mut library = open(&dirs(root.path()));
    library.add(&article(STORY, "original"), &[]).expect("adds");
    let copy = format!("{STORY} Reporting by the wire desk; editing by the night team.");
    let outcome = library.add(&article(&copy, "copy"), &[]).expect("adds");
    let Outcome::Added {
        slug,
        copy_of: Some((original, similarity)),
    } = outcome
    else {
        panic!("expected a linked copy, got {outcome:?}");
    };
    assert_eq!((slug.as_str(), original.as_str()), ("copy", "original"));
    assert!(similarity >= crate::library::minhash::COPY_SIMILARITY);
    let kept = library.articles().expect("lists");
    assert_eq!(kept[1].copy_of.as_deref(), Some("original"));
}

#[test]
fn many_articles_of_one_name_get_numbered_ids_and_reserved_ids_are_skipped() {
    let root = tempfile::tempdir().expect("temp dir");
    let mut library = open(&dirs(root.path()));
    library
        .add(
            &article(
                "A report whose own name only starts like the others.",
                "index-2031-report",
            ),
            &[],
        )
        .expect("adds");
    let mut slugs = Vec::new();
    for n in 0..4 {
        let body = format!("Article number {n} of a folder of saved pages, each named index.");
        if let Outcome::Added { slug, .. } = library
            .add(&article(&body, "index"), &["index-3"])
            .expect("adds")
        {
            slugs.push(slug);
        }
    }
    assert_eq!(slugs, ["index", "index-2", "index-4", "index-5"]);
}

#[test]
fn reading_state_and_bookmarks_survive_reopening_and_export() {
    let root = tempfile::tempdir().expect("temp dir");
    let dirs = dirs(root.path());
    let hash = [7u8; 32];
    let bookmark = Bookmark {
        content_hash: hash,
        start: 10,
        end: 40,
        text: "the pier would close".into(),
        created_at: 1,
    };
    {
        let mut library = open(&dirs);
        library
            .set_reading(
                &hash,
                &Reading {
                    read: true,
                    scroll: 12,
                },
            )
            .expect("writes");
        assert!(library.toggle_bookmark(&bookmark).expect("writes"));
        library.set_setting("last_article", "pier").expect("writes");
    }
    let library = open(&dirs);
    assert_eq!(
        library.reading(&hash).expect("reads"),
        Reading {
            read: true,
            scroll: 12
        }
    );
    assert_eq!(
        library.bookmarks().expect("reads"),
        std::slice::from_ref(&bookmark)
    );
    let exported = library.export_state().expect("exports");
    let json = serde_json::to_string(&exported).expect("serialises");
    assert!(json.contains(&hex(&hash)));

    let elsewhere = tempfile::tempdir().expect("temp dir");
    let mut other = open(&super::tests::dirs(elsewhere.path()));
    let parsed: state::StateExport = serde_json::from_str(&json).expect("parses back");
    assert!(other.import_state(&parsed).expect("imports") >= 3);
    assert_eq!(other.export_state().expect("exports"), exported);
    let mut toggled = other;
    assert!(
        !toggled.toggle_bookmark(&bookmark).expect("writes"),
        "a second toggle removes it"
    );
}

#[test]
fn every_earlier_schema_migrates_with_its_data() {
    for version in 0..schema::LATEST {
        let root = tempfile::tempdir().expect("temp dir");
        let dirs = dirs(root.path());
        private_dir(&dirs.data).expect("dir");
        {
            let connection = Connection::open(dirs.library_file()).expect("opens");
            schema::migrate_to(&connection, LIBRARY_APPLICATION_ID, version).expect("old schema");
            if version >= 1 {
                connection
                    .execute(
                        "INSERT INTO articles (slug, content_hash, format, raw, raw_hash, minhash, added_at) \
                         VALUES ('old', x'00', 'text', 'Old text.', x'00', x'', 0)",
                        [],
                    )
                    .expect("old row");
            }
        }
        let library = open(&dirs);
        assert_eq!(
            schema::version(library.connection()).expect("version"),
            schema::LATEST
        );
        let slugs: Vec<String> = library
            .kept()
            .expect("reads")
            .into_iter()
            .map(|k| k.slug)
            .collect();
        assert_eq!(
            slugs.len(),
            usize::from(version >= 1),
            "from version {version}"
        );
        assert!(library.bookmarks().expect("state tables exist").is_empty());
    }
}

#[test]
fn a_newer_schema_is_left_untouched() {
    let root = tempfile::tempdir().expect("temp dir");
    let dirs = dirs(root.path());
    drop(open(&dirs));
    {
        let connection = Connection::open(dirs.library_file()).expect("opens");
        connection
            .pragma_update(None, "user_version", 99)
            .expect("bump");
    }
    let error = Library::open(&dirs, Access::ReadWrite).expect_err("refused");
    assert!(
        matches!(error, StoreError::NewerSchema { found: 99, .. }),
        "{error}"
    );
}

#[test]
fn damaged_or_foreign_files_are_moved_aside_never_replaced() {
    type Damage = fn(&Path);
    let cases: [(&str, Damage); 3] = [
        ("random bytes", |path| {
            std::fs::write(
                path,
                (0..5000u32)
                    .map(|n| (n * 7919 % 251) as u8)
                    .collect::<Vec<_>>(),
            )
            .expect("write")
        }),
        ("truncated", |path| {
            let bytes = std::fs::read(path).expect("read");
            std::fs::write(path, &bytes[..bytes.len() / 3]).expect("write");
        }),
        ("foreign", |path| {
            std::fs::remove_file(path).expect("remove");
            let connection = Connection::open(path).expect("foreign db");
            connection
                .execute_batch(
                    "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');",
                )
                .expect("foreign data");
        }),
    ];
    for (name, damage) in cases {
        let root = tempfile::tempdir().expect("temp dir");
        let dirs = dirs(root.path());
        {
            let mut library = open(&dirs);
            for n in 0..40 {
                library
                    .add(
                        &article(
                            &format!("{STORY} Item {n} with its own ending {n}."),
                            "item",
                        ),
                        &[],
                    )
                    .expect("adds");
            }
            library
                .connection()
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
                .expect("checkpoint");
        }
        let path = dirs.library_file();
        damage(&path);
        let damaged = std::fs::read(&path).expect("read");
        let library = open(&dirs);
        let aside = library
            .moved_aside
            .clone()
            .unwrap_or_else(|| panic!("{name}: moved aside"));
        assert!(
            aside
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("library.db.corrupt-")),
            "{name}: {aside:?}"
        );
        assert!(
            std::fs::read(&aside).expect("kept") == damaged,
            "{name}: the bytes are kept"
        );
        assert!(library.kept().expect("a new library").is_empty(), "{name}");
    }
}

#[test]
fn a_full_disk_is_a_clear_error_and_what_was_stored_stays() {
    let root = tempfile::tempdir().expect("temp dir");
    let dirs = dirs(root.path());
    let mut library = open(&dirs);
    library.add(&article(STORY, "kept"), &[]).expect("adds");
    // A page limit makes SQLite report the database full, as a full disk does.
    let pages: i64 = library
        .connection()
        .pragma_query_value(None, "page_count", |row| row.get(0))
        .expect("page count");
    library
        .connection()
        .pragma_update(None, "max_page_count", pages)
        .expect("limit");
    let huge = format!("{} {}", STORY, "more words about the pier ".repeat(20_000));
    let error = library
        .add(&article(&huge, "huge"), &[])
        .expect_err("no room");
    assert!(error.is_full(), "{error}");
    drop(library);
    let library = open(&dirs);
    let slugs: Vec<String> = library
        .kept()
        .expect("reads")
        .into_iter()
        .map(|k| k.slug)
        .collect();
    assert_eq!(slugs, ["kept"]);
}

#[test]
fn a_directory_others_can_write_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().expect("temp dir");
    let shared = root.path().join("shared");
    std::fs::create_dir(&shared).expect("dir");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let error = private_dir(&shared).expect_err("refused");
    assert!(error.to_string().contains("other users"), "{error}");
    let made = root.path().join("new/nested");
    private_dir(&made).expect("created");
    let mode = std::fs::metadata(&made).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
}

#[test]
fn a_batch_commits_in_groups_and_each_write_stays_whole() {
    let root = tempfile::tempdir().expect("temp dir");
    let dirs = dirs(root.path());
    let mut library = open(&dirs);
    library.begin_batch().expect("begins");
    for n in 0..(BATCH_WRITES + 10) {
        library
            .add(
                &article(
                    &format!("Numbered report {n} on the harbour, distinct {n}."),
                    "report",
                ),
                &[],
            )
            .expect("adds");
    }
    // Dropped without end_batch, as an error would: the open group is lost
    // whole, the committed groups stay.
    drop(library);
    let library = open(&dirs);
    let kept = library.kept().expect("reads").len();
    assert_eq!(kept, BATCH_WRITES);
    let bands: i64 = library
        .connection()
        .query_row("SELECT count(*) FROM minhash_bands", [], |row| row.get(0))
        .expect("bands");
    assert_eq!(bands as usize, kept * crate::library::minhash::BANDS);
}
