//! Finding the sentence an annotation names by a piece of its text, shared
//! by the quality tests that score against tests/annotations/stories.

use crossread::model::{Corpus, Origin};
use std::path::{Path, PathBuf};

/// `(article index, sentence index)`.
pub type Sentence = (usize, usize);

pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The article read from the file with this stem.
pub fn article_of(corpus: &Corpus, file: &str) -> usize {
    corpus
        .articles
        .iter()
        .position(|a| {
            let name = match &a.origin {
                Origin::Builtin(name) => Path::new(name).to_path_buf(),
                Origin::File(path) => path.clone(),
                Origin::Library(id) => PathBuf::from(id),
            };
            name.file_stem().is_some_and(|stem| stem == file)
        })
        .unwrap_or_else(|| panic!("no article read from {file}"))
}

/// The sentence of `file` whose text contains the snippet. A snippet names
/// at most one sentence; none when crossread made its text page furniture
/// (a repeated headline), and then its pairs can only be missed.
pub fn locate(corpus: &Corpus, file: &str, text: &str) -> Option<Sentence> {
    let article = article_of(corpus, file);
    let wanted = squash(text);
    let found: Vec<usize> = corpus.articles[article]
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| squash(corpus.articles[article].sentence_text(s)).contains(&wanted))
        .map(|(at, _)| at)
        .collect();
    assert!(
        found.len() <= 1,
        "{}: {:?} names {} sentences",
        file,
        text,
        found.len()
    );
    if found.is_empty() {
        let body = squash(&corpus.articles[article].body);
        assert!(
            body.contains(&wanted),
            "{}: {:?} is not in the text",
            file,
            text
        );
    }
    found.first().map(|&sentence| (article, sentence))
}
