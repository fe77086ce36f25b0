//! The query language: fzf's extended syntax plus scopes.
//!
//! Space-separated terms must all match, in any order. A term is fuzzy unless
//! an operator says otherwise: `'exact`, `^prefix`, `suffix$`, `^whole$`,
//! `!not` (an exact substring that must be absent), and `a | b` for either.
//! Scopes: `title:`, `source:`, `speaker:` narrow by the article or the claim's
//! speaker, `in:quotes` keeps quoted sentences. Smart case: a term with a
//! capital letter matches case-sensitively. `\ ` is a literal space.

use super::fold::{fold_query, lower};

/// What a term is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The sentence itself.
    Text,
    Title,
    Source,
    /// The speaker of a claim the sentence belongs to.
    Speaker,
    /// The sentence is (part of) a quote; the term has no pattern.
    Quotes,
}

impl Field {
    /// Fields decided per article rather than per sentence.
    pub fn is_article_level(self) -> bool {
        matches!(self, Field::Title | Field::Source)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Fuzzy,
    Exact,
    Prefix,
    Suffix,
    /// `^text$`: the whole field.
    Whole,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub field: Field,
    pub kind: Kind,
    pub negate: bool,
    /// Folded; lower-cased unless `case_sensitive`.
    pub pattern: String,
    pub case_sensitive: bool,
}

/// Terms of which at least one must hold (`a | b | c`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// All of these must hold.
    pub groups: Vec<Group>,
    /// The positive sentence terms in the order typed, lower-cased and joined
    /// by single spaces: when the sentence contains it verbatim, it ranks first.
    pub phrase: String,
}

/// Queries longer than this are cut (at a char boundary): a pasted article
/// should not make every keystroke scan megabytes of pattern.
pub const MAX_QUERY_BYTES: usize = 10_000;

/// At most this many terms take part; the rest of a huge paste is ignored.
pub const MAX_TERMS: usize = 64;

impl Query {
    pub fn parse(input: &str) -> Query {
        let input = truncate(input, MAX_QUERY_BYTES);
        let mut groups: Vec<Group> = Vec::new();
        let mut join_next = false;
        let mut term_count = 0;
        for piece in tokens(input).iter().flat_map(|token| split_bars(token)) {
            if piece == "|" {
                join_next = !groups.is_empty();
                continue;
            }
            let Some(term) = parse_term(piece) else {
                continue;
            };
            term_count += 1;
            if term_count > MAX_TERMS {
                break;
            }
            match groups.last_mut() {
                Some(group) if join_next => group.terms.push(term),
                _ => groups.push(Group { terms: vec![term] }),
            }
            join_next = false;
        }
        let phrase = groups
            .iter()
            .filter(|group| group.terms.len() == 1)
            .map(|group| &group.terms[0])
            .filter(|term| term.field == Field::Text && !term.negate)
            .map(|term| lower(&term.pattern))
            .collect::<Vec<String>>()
            .join(" ");
        Query { groups, phrase }
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// True when results are whole articles (only `title:`/`source:` terms).
    pub fn is_article_level(&self) -> bool {
        !self.is_empty() && self.terms().all(|term| term.field.is_article_level())
    }

    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flat_map(|group| group.terms.iter())
    }

    /// True when every sentence matching `self` also matched `previous`, so
    /// the previous survivors are enough to search: the query only grew by
    /// new AND terms or by extending its last positive term.
    pub fn narrows(&self, previous: &Query) -> bool {
        if self.groups.len() < previous.groups.len()
            || self.groups.iter().any(|group| group.terms.len() > 1)
            || previous.groups.iter().any(|group| group.terms.len() > 1)
        {
            return false;
        }
        previous
            .groups
            .iter()
            .zip(&self.groups)
            .all(|(old, new)| narrows_term(&new.terms[0], &old.terms[0]))
    }
}

fn narrows_term(new: &Term, old: &Term) -> bool {
    if new == old {
        return true;
    }
    if new.field != old.field || new.kind != old.kind || new.negate || old.negate {
        return false;
    }
    if old.case_sensitive && !new.case_sensitive {
        return false;
    }
    // A longer prefix, substring or subsequence only matches fewer texts;
    // a longer suffix or whole-field pattern does not keep that property.
    matches!(new.kind, Kind::Fuzzy | Kind::Exact | Kind::Prefix)
        && lower(&new.pattern).starts_with(&lower(&old.pattern))
}

fn truncate(input: &str, max: usize) -> &str {
    if input.len() <= max {
        return input;
    }
    let mut end = max;
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    &input[..end]
}

/// Splits on whitespace and control chars; `\ ` keeps a space inside a token.
fn tokens(input: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            skip_escape_sequence(&mut chars);
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
        } else if c == '\\' && chars.peek() == Some(&' ') {
            current.push(' ');
            chars.next();
        } else if c.is_whitespace() || c.is_control() {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

/// `a|b` is `a | b`: the bars become pieces of their own.
fn split_bars(token: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (at, _) in token.match_indices('|') {
        if at > start {
            pieces.push(&token[start..at]);
        }
        pieces.push("|");
        start = at + 1;
    }
    if start < token.len() {
        pieces.push(&token[start..]);
    }
    pieces
}

/// Drops the rest of a pasted terminal escape sequence (CSI `ESC [ ... m`,
/// OSC `ESC ] ... BEL`), so its parameters do not become search terms.
fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
        Some(']') => {
            chars.next();
            while let Some(c) = chars.next() {
                if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                    break;
                }
            }
        }
        _ => {}
    }
}

fn parse_term(token: &str) -> Option<Term> {
    let mut rest = token;
    let mut negate = false;
    if let Some(stripped) = rest.strip_prefix('!') {
        negate = true;
        rest = stripped;
    }
    let mut field = Field::Text;
    for (prefix, scoped) in [
        ("title:", Field::Title),
        ("source:", Field::Source),
        ("speaker:", Field::Speaker),
    ] {
        if rest.len() > prefix.len()
            && rest.is_char_boundary(prefix.len())
            && rest[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            field = scoped;
            rest = &rest[prefix.len()..];
            break;
        }
    }
    if field == Field::Text
        && ["in:quotes", "in:quote"]
            .iter()
            .any(|flag| rest.eq_ignore_ascii_case(flag))
    {
        return Some(Term {
            field: Field::Quotes,
            kind: Kind::Exact,
            negate,
            pattern: String::new(),
            case_sensitive: false,
        });
    }
    if !negate && let Some(stripped) = rest.strip_prefix('!') {
        negate = true;
        rest = stripped;
    }
    let mut kind = if negate { Kind::Exact } else { Kind::Fuzzy };
    if let Some(stripped) = rest.strip_prefix('\'') {
        kind = Kind::Exact;
        rest = stripped;
    } else if let Some(stripped) = rest.strip_prefix('^') {
        kind = Kind::Prefix;
        rest = stripped;
    }
    if rest.len() > 1
        && let Some(stripped) = rest.strip_suffix('$')
    {
        kind = if kind == Kind::Prefix {
            Kind::Whole
        } else {
            Kind::Suffix
        };
        rest = stripped;
    } else if rest == "$" {
        rest = "";
    }
    let folded = fold_query(rest);
    if folded.trim().is_empty() {
        return None;
    }
    let case_sensitive = folded.chars().any(char::is_uppercase);
    let pattern = if case_sensitive {
        folded
    } else {
        lower(&folded)
    };
    Some(Term {
        field,
        kind,
        negate,
        pattern,
        case_sensitive,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only(query: &str) -> Term {
        let parsed = Query::parse(query);
        assert_eq!(parsed.groups.len(), 1, "{query}: {parsed:?}");
        assert_eq!(parsed.groups[0].terms.len(), 1, "{query}: {parsed:?}");
        parsed.groups[0].terms[0].clone()
    }

    #[test]
    fn operators_set_the_kind() {
        assert_eq!(only("foo").kind, Kind::Fuzzy);
        assert_eq!(only("'foo").kind, Kind::Exact);
        assert_eq!(only("^foo").kind, Kind::Prefix);
        assert_eq!(only("foo$").kind, Kind::Suffix);
        assert_eq!(only("^foo$").kind, Kind::Whole);
        let not = only("!foo");
        assert!(not.negate);
        assert_eq!((not.kind, not.pattern.as_str()), (Kind::Exact, "foo"));
        assert_eq!(only("!^foo").kind, Kind::Prefix);
    }

    #[test]
    fn smart_case_and_folding() {
        let term = only("Zelenskyy’s");
        assert!(term.case_sensitive);
        assert_eq!(term.pattern, "Zelenskyy's");
        let term = only("sÃo");
        assert!(term.case_sensitive);
        let term = only("são");
        assert!(!term.case_sensitive);
        assert_eq!(term.pattern, "sao");
    }

    #[test]
    fn scopes_are_recognised() {
        assert_eq!(only("title:ukraine").field, Field::Title);
        assert_eq!(only("Source:reuters").field, Field::Source);
        assert_eq!(only("speaker:peskov").field, Field::Speaker);
        assert_eq!(only("in:quotes").field, Field::Quotes);
        let negated = only("!source:reuters");
        assert!(negated.negate && negated.field == Field::Source);
        assert_eq!(only("title:'deal").kind, Kind::Exact);
        // A scope without a value is just text, so typing it never empties results.
        assert_eq!(only("title:").field, Field::Text);
        assert_eq!(only("in:foo").field, Field::Text);
    }

    #[test]
    fn or_groups() {
        for text in ["a | b c", "a|b c", "a |b c", "a| b c"] {
            let query = Query::parse(text);
            assert_eq!(query.groups.len(), 2, "{text}: {query:?}");
            assert_eq!(query.groups[0].terms.len(), 2, "{text}");
            assert_eq!(query.groups[1].terms.len(), 1, "{text}");
        }
    }

    #[test]
    fn hostile_queries_parse_to_something_sensible() {
        for text in [
            "",
            "   ",
            "'",
            "^",
            "$",
            "!",
            "|",
            "' ^ $ ! | !^ '$",
            "\u{1b}[31m\u{7}",
        ] {
            let query = Query::parse(text);
            assert!(
                query
                    .terms()
                    .all(|term| !term.pattern.is_empty() || term.field == Field::Quotes),
                "{text:?}: {query:?}"
            );
        }
        assert!(Query::parse("' ^ $ ! |").is_empty());
        let paste = "word ".repeat(2_000);
        assert!(Query::parse(&paste).terms().count() <= MAX_TERMS);
        let query = Query::parse(&"é".repeat(10_000));
        assert!(
            query
                .terms()
                .all(|term| term.pattern.len() <= MAX_QUERY_BYTES)
        );
    }

    #[test]
    fn pasted_escape_sequences_are_dropped() {
        let query = Query::parse("rubio\u{1b}[31mtremendous\u{1b}]0;title\u{7}deal");
        let patterns: Vec<&str> = query.terms().map(|t| t.pattern.as_str()).collect();
        assert_eq!(patterns, ["rubio", "tremendous", "deal"]);
    }

    #[test]
    fn escaped_space_stays_in_the_term() {
        assert_eq!(only("'oil\\ price").pattern, "oil price");
    }

    #[test]
    fn phrase_joins_positive_text_terms() {
        assert_eq!(
            Query::parse("Game !x title:y changing").phrase,
            "game changing"
        );
    }

    #[test]
    fn narrowing_is_only_claimed_when_it_is_safe() {
        let narrows = |old: &str, new: &str| Query::parse(new).narrows(&Query::parse(old));
        assert!(narrows("wit", "witk"));
        assert!(narrows("wit", "wit game"));
        assert!(narrows("wit", "witK"));
        assert!(narrows("'wit", "'witk"));
        assert!(!narrows("wit", "wit | game"));
        assert!(!narrows("!wit", "!witk"));
        assert!(!narrows("title", "title:x"));
        assert!(!narrows("wit$", "witk$"));
        assert!(!narrows("witk", "wit"));
    }
}
