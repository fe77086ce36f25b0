//! Page furniture: the lines of a web page that belong to the page, not the
//! story (share and newsletter lines, bylines, photo credits, player labels).

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
    // `contains` first: its vectorised search is twice as fast as
    // `match_indices`, and almost no line holds a cue at all.
    PAGE_LINE_CUES.iter().any(|cue| {
        lower.contains(cue)
            && lower.match_indices(cue).any(|(at, _)| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + cue.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric())
            })
    })
}
