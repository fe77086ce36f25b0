//! From a file's bytes to a body whose offsets can be trusted: binary files
//! refused, BOM stripped, UTF-16 and invalid UTF-8 decoded, line endings
//! unified, front matter lifted off, tabs expanded, and the text sanitised.
//! Every later offset points into the string built here, so nothing after
//! this step may change the text.

use crate::sanitize::sanitize;

/// Why a file's bytes are not an article.
pub(crate) type Refusal = String;

/// The text of a file plus what was odd about it.
#[derive(Debug, Default)]
pub(crate) struct Decoded {
    pub text: String,
    /// Caveats worth a warning although the file loaded.
    pub notes: Vec<String>,
}

/// How much of a file is inspected to recognise binary content.
const SNIFF: usize = 64 * 1024;

/// Decodes a file's bytes into text, or says why it is not text.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, Refusal> {
    if bytes.is_empty() {
        return Err("empty file".to_string());
    }
    let mut decoded = Decoded::default();
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        decoded.text = utf8(rest, &mut decoded.notes)?;
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        decoded.text = utf16(rest, u16::from_le_bytes, &mut decoded.notes);
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        decoded.text = utf16(rest, u16::from_be_bytes, &mut decoded.notes);
    } else {
        decoded.text = utf8(bytes, &mut decoded.notes)?;
    }
    if decoded.text.trim().is_empty() {
        return Err("empty file (only whitespace)".to_string());
    }
    Ok(decoded)
}

fn utf8(bytes: &[u8], notes: &mut Vec<String>) -> Result<String, Refusal> {
    if let Some(kind) = binary_kind(bytes) {
        return Err(format!("binary file ({kind}), not an article"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let replaced = text.matches('\u{FFFD}').count();
            notes.push(format!(
                "invalid UTF-8: {replaced} byte sequence(s) shown as \u{FFFD}"
            ));
            Ok(text)
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, notes: &mut Vec<String>) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut bad = bytes.len() % 2;
    let text: String = char::decode_utf16(units)
        .map(|c| {
            c.unwrap_or_else(|_| {
                bad += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if bad > 0 {
        notes.push(format!("invalid UTF-16: {bad} unit(s) shown as \u{FFFD}"));
    }
    text
}

/// Names the kind of a binary file from its first bytes, if it is one.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive or office document"),
        (b"\x89PNG", "a PNG image"),
        (b"GIF8", "a GIF image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"\x7FELF", "an executable"),
        (b"\x1F\x8B", "gzip-compressed data"),
        (b"{\\rtf", "an RTF document"),
        (b"\xD0\xCF\x11\xE0", "an old office document"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    if head.contains(&0) {
        return Some("contains NUL bytes");
    }
    // Text has few control characters; escape sequences count as text here
    // because the sanitiser removes them.
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
        .count();
    (controls * 10 > head.len()).then_some("mostly control bytes")
}

/// CRLF and lone CR become LF.
pub(crate) fn unify_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Tabs become spaces up to the next multiple-of-8 column, so columns of
/// figures keep their alignment.
pub(crate) fn expand_tabs(text: String) -> String {
    if !text.contains('\t') {
        return text;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                let spaces = 8 - column % 8;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\n' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// The metadata a front matter block may give.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// Splits a leading `---` block of `key: value` lines off `text`. Text that
/// merely starts with a rule is left alone: every line of the block must be a
/// key, an indented continuation, a comment or blank.
pub(crate) fn front_matter(text: &str) -> Option<(FrontMatter, &str)> {
    let rest = text.strip_prefix("---\n")?;
    let mut meta = FrontMatter::default();
    let mut offset = 0;
    for (index, line) in rest.split_inclusive('\n').enumerate() {
        if index > 200 {
            return None;
        }
        offset += line.len();
        let line = line.trim_end();
        if line == "---" || line == "..." {
            return Some((meta, &rest[offset..]));
        }
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with([' ', '-']) {
            continue;
        }
        let (key, value) = line.split_once(':')?;
        let key = key.trim();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            return None;
        }
        let value = unquote(value.trim());
        let slot = match key.to_ascii_lowercase().as_str() {
            "title" | "headline" => &mut meta.title,
            "source" | "outlet" | "publisher" | "site" => &mut meta.source,
            "date" | "published" => &mut meta.date,
            "url" | "link" | "canonical" => &mut meta.url,
            _ => continue,
        };
        let clean = single_line(&sanitize(value));
        if slot.is_none() && !clean.is_empty() {
            *slot = Some(clean);
        }
    }
    None
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

/// Collapses all whitespace runs to single spaces (for titles and metadata).
pub(crate) fn single_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_files_are_refused_with_their_kind() {
        let pdf = decode(b"%PDF-1.7\n%\xE2\xE3\n1 0 obj").expect_err("refused");
        assert!(pdf.contains("PDF"), "{pdf}");
        let nul = decode(b"abc\0def").expect_err("refused");
        assert!(nul.contains("NUL"), "{nul}");
        assert!(decode(b"").expect_err("refused").contains("empty"));
        assert!(decode(b" \n\t\n").expect_err("refused").contains("empty"));
    }

    #[test]
    fn boms_and_utf16_are_decoded() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFHello").map(|d| d.text),
            Ok("Hello".into())
        );
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hé".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).map(|d| d.text), Ok("Hé".into()));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Hé".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).map(|d| d.text), Ok("Hé".into()));
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_note() {
        let decoded = decode(b"caf\xE9 au lait").expect("text");
        assert_eq!(decoded.text, "caf\u{FFFD} au lait");
        assert_eq!(decoded.notes.len(), 1);
        assert!(decoded.notes[0].contains("invalid UTF-8"));
    }

    #[test]
    fn newlines_and_tabs() {
        assert_eq!(unify_newlines("a\r\nb\rc\n".into()), "a\nb\nc\n");
        assert_eq!(expand_tabs("a\tb\n\tc".into()), "a       b\n        c");
    }

    #[test]
    fn front_matter_is_lifted_off() {
        let text = "---\ntitle: \"Cocoa review\"\nsource: Reuters\ndate: 1987-02-26\nurl: https://x.example/a\nauthor: someone\n---\nBody text.\n";
        let (meta, body) = front_matter(text).expect("front matter");
        assert_eq!(meta.title.as_deref(), Some("Cocoa review"));
        assert_eq!(meta.source.as_deref(), Some("Reuters"));
        assert_eq!(meta.date.as_deref(), Some("1987-02-26"));
        assert_eq!(meta.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(body, "Body text.\n");
    }

    #[test]
    fn a_leading_rule_is_not_front_matter() {
        assert!(front_matter("---\nJust a paragraph after a rule.\n---\nMore.").is_none());
        assert!(front_matter("---\ntitle: never closed\n").is_none());
        let (meta, body) = front_matter("---\ntitle: \u{1b}[31mRed\u{202e}\n---\n").expect("fm");
        assert_eq!(meta.title.as_deref(), Some("Red"));
        assert_eq!(body, "");
    }
}
