//! Makes article text safe to put on a terminal.
//!
//! Article text is untrusted: a page or a file can carry escape sequences that
//! recolour, retitle or clear the terminal, bidi controls that reorder what is
//! shown, and invisible characters that hide text or break search. None of them
//! survive [`sanitize`]; escape sequences go whole, parameters included, so no
//! `[31m` is left behind. The result keeps newlines and is idempotent.
//!
//! A sequence goes whole only when it is one (ECMA-48): a control sequence
//! with its final byte, a command string with its terminator. A stray ESC or
//! C1 character is dropped alone, never the text after it, and counted
//! ([`sanitize_counted`]) so that the loader can warn about it.

/// Removes what must never reach a terminal, keeping newlines.
///
/// CR and CRLF become LF, a tab becomes a space (the loader expands tabs to
/// their columns first), and U+2028/U+2029 and NEL become LF.
pub fn sanitize(text: &str) -> String {
    sanitize_counted(text).0
}

/// [`sanitize`], with the number of stray ESC and C1 characters dropped
/// (openers of no complete sequence, and C1 controls that open none). Many
/// of them usually mean a broken encoding: the mojibake of a closing quote
/// ends in U+009D.
pub fn sanitize_counted(text: &str) -> (String, usize) {
    if is_clean(text) {
        return (text.to_string(), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut strays = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let whole = match c {
            '\n' => {
                out.push('\n');
                true
            }
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
                true
            }
            '\t' => {
                out.push(' ');
                true
            }
            '\u{85}' | '\u{2028}' | '\u{2029}' => {
                out.push('\n');
                true
            }
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\u{80}'..='\u{9f}' => false,
            c if is_forbidden(c) => true,
            c => {
                out.push(c);
                true
            }
        };
        if !whole {
            strays += 1;
        }
    }
    (out, strays)
}

/// A string from outside (a path, a feed title, a server's message) made
/// safe for one line of a terminal or of stderr: every control, escape and
/// invisible character is shown visibly (`\n`, `^[`, `<U+202E>`) rather
/// than removed, so what it was stays readable and a newline cannot forge a
/// second message line.
pub fn for_terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{0}'..='\u{1f}' => {
                out.push('^');
                out.push(char::from(b'@' + c as u8));
            }
            '\u{7f}' => out.push_str("^?"),
            c if is_forbidden(c) => out.push_str(&format!("<U+{:04X}>", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// Whether `c` must never appear in sanitised text.
pub fn is_forbidden(c: char) -> bool {
    if c == '\n' {
        return false;
    }
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // Soft hyphen and other invisible format characters (category Cf).
        | '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}'
        | '\u{890}'..='\u{891}' | '\u{8e2}' | '\u{180e}'
        // Zero-width space, LRM/RLM, bidi embeddings and overrides, word
        // joiner, invisible operators, bidi isolates, deprecated format
        // characters. ZWNJ and ZWJ (U+200C, U+200D) stay: they are text
        // (Persian and Indic spelling, emoji sequences).
        | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
        | '\u{2028}' | '\u{2029}'
        // Hangul fillers: blank glyphs used to hide or spoof text.
        | '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}'
        | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{fffe}' | '\u{ffff}'
        | '\u{110bd}' | '\u{110cd}' | '\u{13430}'..='\u{1343f}' | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        // Tag characters: invisible ASCII look-alikes used to smuggle text.
        | '\u{e0000}'..='\u{e007f}'
    )
}

/// Fast path: printable ASCII and newlines need no work.
fn is_clean(text: &str) -> bool {
    text.bytes()
        .all(|b| (0x20..0x7f).contains(&b) || b == b'\n')
        || (!text.bytes().any(|b| b < 0x20 && b != b'\n' || b == 0x7f)
            && !text.chars().any(|c| !c.is_ascii() && is_forbidden(c)))
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Runs `scan` on a copy of `chars` and keeps its progress only when it
/// found a whole sequence, so a stray opener consumes nothing after it.
fn whole_or_nothing(chars: &mut Chars<'_>, scan: impl FnOnce(&mut Chars<'_>) -> bool) -> bool {
    let mut ahead = chars.clone();
    let whole = scan(&mut ahead);
    if whole {
        *chars = ahead;
    }
    whole
}

/// After ESC: the rest of the sequence, whatever its kind.
fn skip_escape(chars: &mut Chars<'_>) -> bool {
    whole_or_nothing(chars, |ahead| match ahead.next() {
        Some('[') => csi_body(ahead),
        // OSC, DCS, SOS, PM, APC: a string up to its terminator.
        Some(']' | 'P' | 'X' | '^' | '_') => string_body(ahead),
        // Other sequences: intermediates, then one final character.
        Some('\u{20}'..='\u{2f}') => {
            while ahead
                .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
                .is_some()
            {}
            ahead
                .next_if(|c| ('\u{30}'..='\u{7e}').contains(c))
                .is_some()
        }
        Some('\u{30}'..='\u{7e}') => true,
        _ => false,
    })
}

/// After CSI: parameters, intermediates, one final character.
fn skip_csi(chars: &mut Chars<'_>) -> bool {
    whole_or_nothing(chars, csi_body)
}

fn csi_body(ahead: &mut Chars<'_>) -> bool {
    while ahead
        .next_if(|c| ('\u{30}'..='\u{3f}').contains(c))
        .is_some()
    {}
    while ahead
        .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
        .is_some()
    {}
    ahead
        .next_if(|c| ('\u{40}'..='\u{7e}').contains(c))
        .is_some()
}

/// After a string opener: a command string and its terminator.
fn skip_string(chars: &mut Chars<'_>) -> bool {
    whole_or_nothing(chars, string_body)
}

/// What a command string may hold (ECMA-48 8.3.27: 0x08-0x0D and 0x20-0x7E,
/// less the line feed, so that one opener never reaches into the next
/// line), then BEL (as xterm takes it) or ST (ESC \ or U+009C). The scan
/// stops at the first character outside that set, so a text full of stray
/// openers is still read in linear time.
fn string_body(ahead: &mut Chars<'_>) -> bool {
    while let Some(c) = ahead.next() {
        match c {
            '\u{7}' | '\u{9c}' => return true,
            '\u{1b}' => return ahead.next_if_eq(&'\\').is_some(),
            '\u{8}' | '\u{9}' | '\u{b}' | '\u{c}' | '\u{d}' | '\u{20}'..='\u{7e}' => {}
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escape_sequences_go_whole() {
        assert_eq!(sanitize("a\u{1b}[31;1mred\u{1b}[0m b"), "ared b");
        assert_eq!(sanitize("x\u{1b}]0;evil title\u{7}y"), "xy");
        assert_eq!(
            sanitize("x\u{1b}]8;;http://e.vil\u{1b}\\link\u{1b}]8;;\u{1b}\\y"),
            "xlinky"
        );
        assert_eq!(sanitize("x\u{1b}P1$r0m\u{1b}\\y"), "xy");
        assert_eq!(sanitize("x\u{1b}(By\u{1b}7z\u{1b}"), "xyz");
        assert_eq!(sanitize("x\u{9b}2Jy\u{9d}0;t\u{9c}z"), "xyz");
    }

    #[test]
    fn an_unterminated_string_drops_its_opener_alone() {
        assert_eq!(
            sanitize_counted("a\u{1b}]0;title\nnext line"),
            ("a]0;title\nnext line".to_string(), 1)
        );
    }

    #[test]
    fn mojibake_of_a_closing_quote_keeps_the_rest_of_the_paragraph() {
        // U+201D read as Windows-1252: "\u{e2}\u{20ac}" and an undefined 0x9D.
        let text = "\u{e2}\u{20ac}\u{9c}Yes,\u{e2}\u{20ac}\u{9d} she said, and left.\nNext.";
        let (clean, strays) = sanitize_counted(text);
        assert_eq!(
            clean,
            "\u{e2}\u{20ac}Yes,\u{e2}\u{20ac} she said, and left.\nNext."
        );
        assert_eq!(strays, 2);
    }

    #[test]
    fn stray_openers_are_dropped_alone_and_counted() {
        assert_eq!(
            sanitize_counted("a\u{9b}\u{e9}b"),
            ("a\u{e9}b".to_string(), 1)
        );
        assert_eq!(
            sanitize_counted("a\u{1b}\u{e9}b"),
            ("a\u{e9}b".to_string(), 1)
        );
        assert_eq!(sanitize_counted("12\u{1b}[34"), ("12[34".to_string(), 1));
        assert_eq!(sanitize_counted("x\u{85}\u{81}y"), ("x\ny".to_string(), 1));
        assert_eq!(sanitize_counted("a\u{1b}[1mb"), ("ab".to_string(), 0));
    }

    #[test]
    fn joiners_and_variation_selectors_are_text() {
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(sanitize(family), family);
        let persian = "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}";
        assert_eq!(sanitize(persian), persian);
        let heart = "\u{2764}\u{fe0f}";
        assert_eq!(sanitize(heart), heart);
    }

    #[test]
    fn controls_bidi_and_invisibles_are_removed() {
        assert_eq!(sanitize("a\u{0}b\u{7}c\u{7f}d\u{85}e"), "abcd\ne");
        assert_eq!(
            sanitize("pay\u{202e}gnp.exe\u{2066}x\u{2069}"),
            "paygnp.exex"
        );
        assert_eq!(
            sanitize("in\u{200b}vis\u{200e}i\u{2060}ble\u{feff}\u{ad}"),
            "invisible"
        );
        assert_eq!(sanitize("tag\u{e0041}\u{e0042}s"), "tags");
    }

    #[test]
    fn line_endings_and_tabs() {
        assert_eq!(sanitize("a\r\nb\rc\td"), "a\nb\nc d");
    }

    #[test]
    fn prose_with_typography_is_unchanged() {
        let text = "\u{201c}We\u{2019}re close,\u{201d} he said \u{2014} in Kyiv, Zelenskyy\u{2019}s city. Café: 5 €.\n";
        assert_eq!(sanitize(text), text);
    }

    proptest! {
        #[test]
        fn output_never_contains_a_forbidden_char(text in any::<String>()) {
            let clean = sanitize(&text);
            prop_assert!(!clean.chars().any(is_forbidden));
        }

        #[test]
        fn escapes_and_controls_never_survive(text in "([a-z ]|\u{1b}|\\[|\\]|[0-9;]|\u{7}|\u{9b}|\u{202e}|\r|\t){0,60}") {
            let clean = sanitize(&text);
            prop_assert!(!clean.chars().any(is_forbidden));
        }

        #[test]
        fn sanitize_is_idempotent(text in any::<String>()) {
            let once = sanitize(&text);
            prop_assert_eq!(sanitize(&once), once.clone());
        }

        /// Text and whole sequences mixed: exactly the text comes out.
        #[test]
        fn only_sequences_are_removed(
            parts in proptest::collection::vec(
                prop_oneof![
                    "[^\u{0}-\u{1f}\u{7f}-\u{9f}]{0,12}".prop_map(|text| (text, true)),
                    "\u{1b}\\[[0-9;]{0,6}[A-Za-z]".prop_map(|seq| (seq, false)),
                    "\u{9b}[0-9;]{0,6}[@-~]".prop_map(|seq| (seq, false)),
                    "\u{1b}\\][0-9];[ -~]{0,10}\u{7}".prop_map(|seq| (seq, false)),
                    "[\u{80}-\u{84}\u{86}-\u{8f}\u{91}-\u{97}\u{99}\u{9a}\u{9c}]".prop_map(|c1| (c1, false)),
                ],
                0..12,
            )
        ) {
            let input: String = parts.iter().map(|(part, _)| part.as_str()).collect();
            let text: String = parts
                .iter()
                .filter(|(_, text)| *text)
                .map(|(part, _)| part.as_str())
                .collect();
            let expected: String = text.chars().filter(|&c| !is_forbidden(c)).collect();
            prop_assert_eq!(sanitize(&input), expected);
        }

        #[test]
        fn display_width_never_grows(text in any::<String>()) {
            use unicode_width::UnicodeWidthStr;
            let clean = sanitize(&text);
            let widest = |text: &str| text.split('\n').map(UnicodeWidthStr::width).max().unwrap_or(0);
            let lines = text.replace(['\r', '\u{85}', '\u{2028}', '\u{2029}'], "\n");
            let (after, before) = (widest(&clean), widest(&lines));
            prop_assert!(after <= before, "{} > {}", after, before);
        }

        #[test]
        fn plain_prose_is_unchanged(text in "[A-Za-z0-9 .,;:!?'\"()\u{2014}\u{201c}\u{201d}\u{2019}\u{e9}\n-]{0,200}") {
            prop_assert_eq!(sanitize(&text), text);
        }
    }
}
