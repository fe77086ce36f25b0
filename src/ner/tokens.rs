//! Tokens close to CoNLL-2003's (Penn Treebank style): punctuation split from
//! words, a possessive `'s` split from its name, abbreviations and initials
//! keeping their full stop, hyphenated words whole. The tagger was trained on
//! such tokens, so a user's text must be cut the same way.

/// Abbreviations whose final full stop belongs to the word.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sgt", "Sen", "Rep", "Gov", "St", "Jr", "Sr",
    "Co", "Corp", "Inc", "Ltd", "Bros", "Adm", "Capt", "Prof", "Mt", "Ft", "Maj", "No", "vs",
    "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Calif", "Mass", "Fla", "Ill",
];

fn leading(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | '“' | '‘' | '(' | '[' | '{' | '«' | '<' | '*'
    )
}

fn trailing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | ',' | ';' | ':' | '!' | '?' | '>' | '*'
    )
}

/// Whether a word ending in `.` keeps it: "U.S.", "J.", "Corp.".
fn keeps_stop(word: &str) -> bool {
    let stem = &word[..word.len() - 1];
    if stem.is_empty() {
        return false;
    }
    let single = stem.chars().count() == 1 && stem.chars().all(char::is_alphabetic);
    single
        || (stem.contains('.') && stem.chars().any(char::is_alphabetic))
        || ABBREVIATIONS.contains(&stem)
}

/// Appends to `out` the tokens of `text[start..end]` as absolute byte ranges.
#[cfg(test)]
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    tokenize_until(text, start, end, usize::MAX, out);
}

/// Appends to `out` the tokens of `text[start..end]` as absolute byte ranges,
/// stopping after the word that brings `out` to `limit` tokens; returns
/// where it stopped (`end` once everything is read). Words are cut alone, so
/// going on from there gives the tokens reading it all at once would.
pub fn tokenize_until(
    text: &str,
    start: usize,
    end: usize,
    limit: usize,
    out: &mut Vec<(usize, usize)>,
) -> usize {
    let Some(slice) = text.get(start..end) else {
        return end;
    };
    let mut offset = 0;
    for chunk in slice.split(char::is_whitespace) {
        let chunk_start = start + offset;
        offset += chunk.len() + chunk_len_of_separator(slice, offset + chunk.len());
        if !chunk.is_empty() {
            split_chunk(chunk, chunk_start, out);
            if out.len() >= limit {
                return start + offset;
            }
        }
    }
    end
}

/// Length in bytes of the whitespace character at `at` (0 at the end).
fn chunk_len_of_separator(slice: &str, at: usize) -> usize {
    slice[at..].chars().next().map_or(0, char::len_utf8)
}

fn split_chunk(chunk: &str, base: usize, out: &mut Vec<(usize, usize)>) {
    let mut from = 0;
    let mut to = chunk.len();
    // Leading punctuation, each mark a token.
    while let Some(c) = chunk[from..to].chars().next() {
        if to - from > c.len_utf8() && leading(c) {
            out.push((base + from, base + from + c.len_utf8()));
            from += c.len_utf8();
        } else {
            break;
        }
    }
    let mut tail: Vec<(usize, usize)> = Vec::new();
    loop {
        let word = &chunk[from..to];
        let Some(last) = word.chars().next_back() else {
            break;
        };
        if word.len() == last.len_utf8() {
            break;
        }
        if trailing(last) {
            // "players'" keeps its apostrophe as a token, as CoNLL does.
            tail.push((base + to - last.len_utf8(), base + to));
            to -= last.len_utf8();
        } else if word.ends_with("...") && word.len() > 3 {
            tail.push((base + to - 3, base + to));
            to -= 3;
        } else if last == '.' && !keeps_stop(word) {
            tail.push((base + to - 1, base + to));
            to -= 1;
        } else {
            break;
        }
    }
    let word = &chunk[from..to];
    let possessive = ["'s", "’s", "'S", "’S"]
        .iter()
        .find(|suffix| word.len() > suffix.len() && word.ends_with(*suffix));
    match possessive {
        Some(suffix) => {
            let split = to - suffix.len();
            out.push((base + from, base + split));
            out.push((base + split, base + to));
        }
        None if word.len() > 3 && (word.ends_with("n't") || word.ends_with("N'T")) => {
            out.push((base + from, base + to - 3));
            out.push((base + to - 3, base + to));
        }
        None => {
            if from < to {
                out.push((base + from, base + to));
            }
        }
    }
    out.extend(tail.into_iter().rev());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize_into(text, 0, text.len(), &mut out);
        out.iter().map(|&(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn punctuation_and_possessives_split_like_the_treebank() {
        assert_eq!(
            words("Okafor's aides (in Oslo) said: \"no.\""),
            [
                "Okafor", "'s", "aides", "(", "in", "Oslo", ")", "said", ":", "\"", "no", ".", "\""
            ]
        );
    }

    #[test]
    fn abbreviations_initials_and_hyphens_stay_whole() {
        assert_eq!(
            words("J. Dahl of Acme Corp. met U.S. pro-market envoys."),
            [
                "J.",
                "Dahl",
                "of",
                "Acme",
                "Corp.",
                "met",
                "U.S.",
                "pro-market",
                "envoys",
                "."
            ]
        );
    }

    #[test]
    fn offsets_survive_multibyte_text_and_odd_spacing() {
        let text = "  Ünal’s\u{a0}“Zürich”  ";
        assert_eq!(words(text), ["Ünal", "’s", "“", "Zürich", "”"]);
        assert!(words("").is_empty());
        assert_eq!(words("'"), ["'"]);
    }

    #[test]
    fn reading_on_where_a_limit_stopped_gives_the_same_tokens() {
        let text = "  (Okafor's)  aides\u{a0}said: \"no.\" Dahl  ";
        let mut whole = Vec::new();
        tokenize_into(text, 0, text.len(), &mut whole);
        for limit in 1..=whole.len() {
            let mut pieces = Vec::new();
            let mut at = 0;
            while at < text.len() {
                let mut window = Vec::new();
                at = tokenize_until(text, at, text.len(), limit, &mut window);
                // A word cut into several tokens may take a window past it.
                assert!(window.len() < limit + 4, "{limit}: {window:?}");
                pieces.extend(window);
            }
            assert_eq!(pieces, whole, "limit {limit}");
        }
    }
}
