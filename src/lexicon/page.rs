//! Page furniture: the lines of a web page that belong to the page, not the
//! story (share and newsletter lines, bylines, photo credits, player labels).

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::LazyLock;

/// Lines that belong to the page, not the story.
pub const PAGE_LINE_CUES: &[&str] = &[
    "reviewed with ai",
    "click here",
    "subscribe",
    "all rights reserved",
    "sign up",
    "read more",
    "previous post",
    "next post",
    "copyright",
    "follow us",
    "share this",
    "newsletter",
    "advertisement",
    "cookie",
    "terms of use",
    "privacy policy",
];

/// Whether a lowercased line holds one of [`PAGE_LINE_CUES`] as words of its
/// own: "subscribe to our newsletter", never "1,800 subscribers" or "fully
/// subscribed", the words of a story.
pub fn has_page_line_cue(lower: &str) -> bool {
    // One automaton finds every cue in one pass over the line (the cues are
    // ASCII, so a match is on character boundaries); almost no line holds a
    // cue at all. Overlapping matches of one cue need no care: only "share
    // this" overlaps itself, and a second one that does has a letter of the
    // first before it.
    static CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .build(PAGE_LINE_CUES)
            .expect("the page-line cues make an automaton")
    });
    CUES.find_overlapping_iter(lower).any(|found| {
        let before = lower[..found.start()].chars().next_back();
        let after = lower[found.end()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}
