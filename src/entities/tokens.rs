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
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = 0;
    let mut gap_start = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let word_start = chars[i].0;
        let mut j = i + 1;
        loop {
            if j < chars.len() && chars[j].1.is_alphanumeric() {
                j += 1;
            } else if j + 1 < chars.len()
                && inner_joiner(chars[j].1)
                && chars[j + 1].1.is_alphanumeric()
            {
                j += 2;
            } else {
                break;
            }
        }
        let mut word_end = chars.get(j).map_or(text.len(), |c| c.0);
        let word = &text[word_start..word_end];
        if chars.get(j).is_some_and(|c| c.1 == '.') {
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
