//! Last line of defence between article text and the terminal. The engine
//! sanitises bodies already, but a single stray control character written
//! to a cell would move the cursor and corrupt the screen, so everything
//! drawn passes through [`clean`].

use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// Characters that must never reach a cell: C0/C1 controls and the
/// invisible format characters that reorder or hide text.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}')
}

/// `text` with every unsafe character replaced: whitespace controls by a
/// space, the rest by U+FFFD so the reader sees something was there.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|c| {
                !matches!(
                    c,
                    '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
                )
            })
            .map(|c| match c {
                '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                    ' '
                }
                c if is_unsafe(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// Display width in terminal columns of already clean text.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` cut to at most `max` columns, ending in `…` when cut.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    if width(text) <= max {
        return Cow::Borrowed(text);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_escapes_never_survive() {
        let hostile = "a\u{1b}[2Jb\u{7}c\u{9b}31md\u{202E}e\u{200B}f\tg\r\nh";
        let cleaned = clean(hostile);
        assert!(!cleaned.chars().any(is_unsafe), "{cleaned:?}");
        assert!(cleaned.contains('a') && cleaned.contains('h'));
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(clean("Zelenskyy’s “plan”"), Cow::Borrowed(_)));
    }

    #[test]
    fn truncation_respects_wide_characters() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
        assert_eq!(truncate("日本語テキスト", 5), "日本…");
        assert_eq!(truncate("abc", 0), "");
    }
}
