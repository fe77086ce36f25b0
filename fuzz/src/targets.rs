//! What each fuzz target feeds crossread, written once: the fuzz targets
//! (`fuzz/fuzz_targets/*.rs`, libFuzzer) call these, and
//! `tests/fuzz_regressions.rs` replays every file of `fuzz/regressions/TARGET/`
//! through the same function on stable. Each must return without a panic,
//! whatever the bytes.

use crossread::load::{self, Format};
use crossread::model::Origin;

/// The target names, as directories of `fuzz/regressions/`.
pub const TARGETS: &[&str] = &[
    "loader",
    "structure",
    "analysis",
    "search",
    "cache",
    "config",
    "render",
];

/// Runs target `name` on `data`.
pub fn run(name: &str, data: &[u8]) {
    match name {
        "loader" => loader(data),
        "structure" => structure(data),
        "analysis" => analysis(data),
        "search" => search(data),
        "cache" => cache(data),
        "config" => config(data),
        "render" => render(data),
        _ => {}
    }
}

/// bytes → loader, in each format.
pub fn loader(data: &[u8]) {
    let Ok((text, _notes)) = load::decode(data) else {
        return;
    };
    for format in [Format::Text, Format::Markdown, Format::Html] {
        if let Ok(document) =
            load::document_from_text(text.clone(), format, Origin::Builtin("fuzz"))
        {
            assert!(!document.body.chars().any(crossread::sanitize::is_forbidden));
        }
    }
}

/// text → structure and sentences; every span lies on the body.
pub fn structure(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let Ok(document) = load::document_from_text(text, Format::Markdown, Origin::Builtin("fuzz"))
    else {
        return;
    };
    let blocks = crossread::structure::blocks(&document.body, Format::Markdown);
    let sentences = crossread::sentences::split(&document.body, &blocks);
    for sentence in &sentences {
        assert!(document.body.get(sentence.start..sentence.end).is_some());
    }
}

/// text → entities and claims (the whole analysis).
pub fn analysis(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    if let Ok(document) = load::document_from_text(text, Format::Text, Origin::Builtin("fuzz")) {
        let article = crossread::analysis::analyze_document(document);
        for entity in &article.entities {
            assert!(article.body.get(entity.start..entity.end).is_some());
        }
    }
}

/// query → search over the built-in articles.
pub fn search(data: &[u8]) {
    use std::sync::OnceLock;
    static INDEX: OnceLock<crossread::search::index::SearchIndex> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let corpus = crossread::analysis::open_corpus(&[]).expect("built-in corpus");
        crossread::search::index::SearchIndex::build(&corpus)
    });
    let query = String::from_utf8_lossy(data);
    crossread::search::search(
        index,
        &crossread::search::matcher::NucleoMatcher,
        &query,
        20,
    );
}

/// bytes → the search cache's body and the analysis cache's values.
pub fn cache(data: &[u8]) {
    let _ = crossread::search::cache::decode(data);
    let _ = crossread::store::cache::decode(data, Origin::Builtin("fuzz"));
}

/// text → the config parser, then the reader's settings from it.
pub fn config(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    if let Err(error) = crossread::config::from_text(std::path::Path::new("config.toml"), text) {
        let shown = error.to_string();
        assert!(!shown.contains('\u{1b}'));
    }
}

/// (text, width, height) → a frame of the reader over that text.
pub fn render(data: &[u8]) {
    let [width, height, rest @ ..] = data else {
        return;
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let Ok(document) = load::document_from_text(text, Format::Text, Origin::Builtin("fuzz")) else {
        return;
    };
    let corpus = crossread::model::Corpus {
        articles: vec![crossread::analysis::analyze_document(document)],
        warnings: Vec::new(),
    };
    let (width, height) = (u16::from(*width % 200), u16::from(*height % 80));
    let mut reader = crossread::tui::BenchReader::new(corpus, width, height);
    let backend = ratatui::backend::TestBackend::new(width, height);
    // A test backend cannot fail.
    let Ok(mut terminal) = ratatui::Terminal::new(backend);
    reader.frame(&mut terminal);
    reader.scroll_to(usize::from(height));
    reader.frame(&mut terminal);
}
