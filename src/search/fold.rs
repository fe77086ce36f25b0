//! Folding text for matching: accents dropped, typographic quotes, dashes and
//! spaces made plain, so "Zelenskyy" finds "Zelenskyy’s" and "Sao Paulo"
//! finds "São Paulo".
//!
//! Folding is char by char and records, for every folded char, the byte
//! offset of the original char it came from, so a match found in folded text
//! is shown on the original text. Lower-casing is 1:1 per folded char, so the
//! folded and the lower-cased text share one map.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Text folded for matching, with the way back to the original.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Folded {
    /// Folded text, case kept (for smart-case queries with capitals).
    pub folded: String,
    /// `folded`, lower-cased char by char.
    pub lower: String,
    /// For the n-th char of `folded`/`lower`: the byte offset in the original.
    pub map: Vec<u32>,
}

/// Folds one char the way every search text and query is folded.
fn fold_char(c: char, out: &mut impl FnMut(char)) {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`'
        | '\u{00B4}' => out('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => out('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => out('-'),
        c if c.is_control() || c.is_whitespace() => out(' '),
        c if c.is_ascii() => out(c),
        c => decompose_compatible(c, |part| {
            if !is_combining_mark(part) {
                out(part);
            }
        }),
    }
}

/// The one-char lower case of `c`, or `c` when lower-casing would change the
/// char count (which would break the shared map).
pub fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(single), None) => single,
        _ => c,
    }
}

/// Folds `text`; `map` offsets are relative to the start of `text`.
pub fn fold(text: &str) -> Folded {
    let mut folded = String::with_capacity(text.len());
    let mut lower = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let at = u32::try_from(at).unwrap_or(u32::MAX);
        fold_char(c, &mut |part| {
            folded.push(part);
            lower.push(lower_char(part));
            map.push(at);
        });
    }
    Folded { folded, lower, map }
}

/// Folds a query fragment (no map needed), keeping case.
pub fn fold_query(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut |part| folded.push(part));
    }
    folded
}

/// Lower-cases folded text the same way [`fold`] does.
pub fn lower(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_typographic_marks_fold_to_plain_ascii() {
        let folded = fold("Zelenskyy’s “São” — café");
        assert_eq!(folded.folded, "Zelenskyy's \"Sao\" - cafe");
        assert_eq!(folded.lower, "zelenskyy's \"sao\" - cafe");
    }

    #[test]
    fn map_points_at_the_original_char() {
        let text = "a’é b";
        let folded = fold(text);
        assert_eq!(folded.map.len(), folded.lower.chars().count());
        for (index, c) in folded.lower.chars().enumerate() {
            let original = folded.map[index] as usize;
            assert!(text.is_char_boundary(original));
            let source = text[original..].chars().next().expect("char");
            if c.is_ascii_alphabetic() {
                assert_eq!(fold(&source.to_string()).lower, c.to_string());
            }
        }
    }

    #[test]
    fn ligatures_expand_and_share_the_offset() {
        let folded = fold("ﬁne");
        assert_eq!(folded.lower, "fine");
        assert_eq!(folded.map, vec![0, 0, 3, 4]);
    }

    #[test]
    fn control_chars_become_spaces() {
        assert_eq!(fold_query("a\u{1b}b\tc"), "a b c");
    }
}
