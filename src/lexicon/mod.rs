//! The word lists of the engine, in one place: entities, claims and the
//! compare view reason with the same verbs of saying, function words, months
//! and titles. Where two rules need different sets, the lists are separate
//! and named for the rule, with the reason beside them.
//!
//! All are English grammar and news-writing conventions; no list here names a
//! person, place or organisation (those live in the gazetteer assets).

mod function;
mod names;
mod page;
mod speech;

pub use function::*;
pub use names::*;
pub use page::*;
pub use speech::*;

/// `word` is in `list`, ignoring ASCII case.
pub fn contains_ignore_case(list: &[&str], word: &str) -> bool {
    list.iter().any(|item| item.eq_ignore_ascii_case(word))
}
