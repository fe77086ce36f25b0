//! Makes article text safe to put on a terminal.
//!
//! Article text is untrusted: a page or a file can carry escape sequences that
//! recolour, retitle or clear the terminal, bidi controls that reorder what is
//! shown, and invisible characters that hide text or break search. None of them
//! survive [`sanitize`]; escape sequences go whole, parameters included, so no
//! `[31m` is left behind. The result keeps newlines and is idempotent.

/// Removes what must never reach a terminal, keeping newlines.
///
/// CR and CRLF become LF, a tab becomes a space (the loader expands tabs to
/// their columns first), and U+2028/U+2029 and NEL become LF.
pub fn sanitize(text: &str) -> String {
    if is_clean(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\t' => out.push(' '),
            '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    out
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
        // Zero-width space/joiners, LRM/RLM, bidi embeddings and overrides,
        // word joiner, invisible operators, bidi isolates, deprecated format
        // characters.
        | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
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

/// After ESC: the rest of the sequence, whatever its kind.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        // OSC, DCS, SOS, PM, APC: a string up to its terminator.
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // Other sequences: intermediates, then one final character.
        Some(_) => {
            while chars
                .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
                .is_some()
            {}
            chars.next_if(|c| ('\u{30}'..='\u{7e}').contains(c));
        }
        None => {}
    }
}

/// A control sequence: parameters, intermediates, one final character.
fn skip_csi(chars: &mut Chars<'_>) {
    while chars
        .next_if(|c| ('\u{30}'..='\u{3f}').contains(c))
        .is_some()
    {}
    while chars
        .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
        .is_some()
    {}
    chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// A command string, ended by BEL, ST (ESC \ or U+009C) or, so that a stray
/// opener cannot swallow an article, by the end of its line.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.peek().copied() {
        match c {
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                chars.next_if_eq(&'\\');
                return;
            }
            '\n' | '\r' => return,
            _ => {
                chars.next();
            }
        }
    }
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
    fn unterminated_strings_stop_at_the_line_end() {
        assert_eq!(sanitize("a\u{1b}]0;title\nnext line"), "a\nnext line");
    }

    #[test]
    fn controls_bidi_and_invisibles_are_removed() {
        assert_eq!(sanitize("a\u{0}b\u{7}c\u{7f}d\u{85}e"), "abcd\ne");
        assert_eq!(
            sanitize("pay\u{202e}gnp.exe\u{2066}x\u{2069}"),
            "paygnp.exex"
        );
        assert_eq!(
            sanitize("in\u{200b}vis\u{200d}i\u{2060}ble\u{feff}\u{ad}"),
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

        #[test]
        fn plain_prose_is_unchanged(text in "[A-Za-z0-9 .,;:!?'\"()\u{2014}\u{201c}\u{201d}\u{2019}\u{e9}\n-]{0,200}") {
            prop_assert_eq!(sanitize(&text), text);
        }
    }
}
