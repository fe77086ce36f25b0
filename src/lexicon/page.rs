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
