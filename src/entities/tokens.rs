//! Words of a block with the facts the entity rules need about each.

/// A word: letters and digits, with inner `.`, `'`, `’`, `-`, `&` kept ("U.S.",
/// "O'Neill", "US-Ukraine", "AT&T"), and a final `.` kept for initials and
/// abbreviations ("U.S.", "Gen.", "Corp.").
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// End of the name part: before a possessive `'s`/`’s`.
    pub name_end: usize,
    pub possessive: bool,
    /// Starts a sentence, a quotation or a clause after a colon or dash, so its
    /// capital says nothing.
    pub initial: bool,
    /// Separated from the previous word by spaces only (one line break allowed).
    pub joined: bool,
}

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sgt", "Sen", "Rep", "Gov", "St", "Jr", "Sr",
    "Co", "Corp", "Inc", "Ltd", "Bros", "Adm", "Capt", "Prof", "Mt", "Ft", "Maj",
];

fn inner_joiner(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '-' | '&')
}

/// The words of `body[start..end]`.
pub fn tokenize(body: &str, start: usize, end: usize) -> Vec<Token> {
    let text = &body[start..end];
    // Read in place, a character at a time: a block may be a whole file.
    let char_at = |at: usize| text[at..].chars().next();
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = 0;
    let mut gap_start = 0;
    while let Some(c) = char_at(i) {
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let word_start = i;
        let mut j = i + c.len_utf8();
        while let Some(c) = char_at(j) {
            if c.is_alphanumeric() {
                j += c.len_utf8();
            } else if let Some(next) =
                char_at(j + c.len_utf8()).filter(|&next| inner_joiner(c) && next.is_alphanumeric())
            {
                j += c.len_utf8() + next.len_utf8();
            } else {
                break;
            }
        }
        let mut word_end = j;
        let word = &text[word_start..word_end];
        if char_at(j) == Some('.') {
            let initials = word.split('.').all(|part| part.chars().count() == 1);
            let capital_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if (initials && word.contains('.')) || capital_initial || ABBREVIATIONS.contains(&word)
            {
                word_end += 1;
                j += 1;
            }
        }
        let word = &text[word_start..word_end];
        let possessive = word.ends_with("'s") || word.ends_with("’s");
        let name_end = if possessive {
            word_end
                - if word.ends_with("'s") {
                    2
                } else {
                    "’s".len()
                }
        } else {
            word_end
        };
        let gap = &text[gap_start..word_start];
        let previous = tokens.last();
        let previous_word = previous.map(|t| &body[t.start..t.end]);
        let sentence_break = gap
            .contains(['.', '!', '?', ':', ';', '"', '“', '‘', '(', '—', '–', '|'])
            || previous_word.is_some_and(|w| {
                w.ends_with('.')
                    && !w.trim_end_matches('.').contains('.')
                    && !ABBREVIATIONS.contains(&w.trim_end_matches('.'))
                    && w.chars().count() > 2
            });
        let newlines = gap.matches('\n').count();
        let joined = previous.is_some() && newlines <= 1 && gap.chars().all(char::is_whitespace);
        tokens.push(Token {
            start: start + word_start,
            end: start + word_end,
            name_end: start + name_end,
            possessive,
            initial: previous.is_none() || sentence_break || newlines > 1,
            joined,
        });
        gap_start = word_end;
        i = j;
    }
    tokens
}
