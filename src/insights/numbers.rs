//! Figures and dates as news writes them, normalised so that two sources can
//! be compared on what they say rather than how: "800,000", "800k" and
//! "eight hundred thousand" are one value; "about 800" allows for rounding;
//! "3.50–3.75%" is a range; "10 km" and "6.2 miles" are one distance.

use crate::lexicon::{
    ABOUT_WORDS, AT_LEAST_WORDS, AT_MOST_WORDS, CURRENCY_SIGNS, CURRENCY_WORDS, MEASURE_FAMILIES,
    MONTHS, NEARLY_WORDS, NUMBER_NAMES, PERCENT_WORDS, SCALES, SMALL_NUMBERS, UNITS, WEEKDAYS,
};

#[derive(Debug, Clone, Copy, PartialEq)]
enum TokKind {
    Digits,
    Word,
    Mark,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: TokKind,
    /// No space between this token and the one before ("800k", "$8").
    joined: bool,
}

fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out: Vec<Tok> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut last_end = usize::MAX;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let kind = if c.is_ascii_digit() {
            // Separators inside a figure: "1,644", "7.7"; not a full stop.
            while j < chars.len() {
                let d = chars[j].1;
                let inner = matches!(d, ',' | '.')
                    && chars.get(j + 1).is_some_and(|(_, n)| n.is_ascii_digit());
                if d.is_ascii_digit() || inner {
                    j += 1;
                } else {
                    break;
                }
            }
            TokKind::Digits
        } else if c.is_alphabetic() {
            while j < chars.len() {
                let d = chars[j].1;
                let inner = matches!(d, '\'' | '’' | '.')
                    && chars.get(j + 1).is_some_and(|(_, n)| n.is_alphabetic());
                if d.is_alphabetic() || inner {
                    j += 1;
                } else {
                    break;
                }
            }
            TokKind::Word
        } else {
            TokKind::Mark
        };
        let end = chars.get(j).map_or(text.len(), |(at, _)| *at);
        out.push(Tok {
            start,
            end,
            text: &text[start..end],
            kind,
            joined: last_end == start,
        });
        last_end = end;
        i = j;
    }
    out
}

fn is(tok: Option<&Tok>, words: &[&str]) -> bool {
    tok.is_some_and(|t| words.iter().any(|w| w.eq_ignore_ascii_case(t.text)))
}

/// What a figure counts or measures, so that only like compares with like.
#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    /// A count of things, or a bare number.
    Count,
    Percent,
    /// Percentage points: not comparable with percentages.
    Points,
    Money(&'static str),
    /// A physical measure, in its dimension's base unit.
    Measure(&'static str),
    Magnitude,
    /// Minutes after midnight, with the zone as written (if any).
    Clock(Option<String>),
}

/// How the text qualifies a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Exact,
    About,
    Nearly,
    AtLeast,
    AtMost,
    /// "up to 20 years": a maximum that is itself the figure reported.
    Maximum,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte span in the text it was read from.
    pub start: usize,
    pub end: usize,
    /// The value, or a range, in the unit's base.
    pub low: f64,
    pub high: f64,
    /// Half the rounding step the writing implies ("1.5 million": 50,000).
    pub tolerance: f64,
    pub bound: Bound,
    pub unit: Unit,
    /// Index into `MEASURE_FAMILIES` of what the figure counts, when a word
    /// near it says ("144 killed", "a toll of 144").
    pub measure: Option<usize>,
    /// The word right after the figure and its unit ("seven counts": "count").
    pub head: Option<String>,
    /// Lowercased words around it, what two figures without a family are
    /// aligned by.
    pub context: Vec<String>,
    /// The unit word as written, normalised to its factor: two figures in
    /// different units (km and miles) were rounded apart, so a little slack
    /// is owed when they are compared.
    pub unit_factor: f64,
}

impl Quantity {
    /// The interval the text commits to, after rounding and qualifiers.
    pub fn interval(&self) -> (f64, f64) {
        self.interval_with(0.0)
    }

    fn interval_with(&self, slack: f64) -> (f64, f64) {
        let (low, high) = (self.low - self.tolerance, self.high + self.tolerance);
        let (low, high) = (low * (1.0 - slack), high * (1.0 + slack));
        match self.bound {
            Bound::Exact | Bound::Maximum => (low, high),
            Bound::About => (low * 0.85, high * 1.15),
            Bound::Nearly => (low * 0.9, high),
            Bound::AtLeast => (low, f64::INFINITY),
            Bound::AtMost => (0.0, high),
        }
    }

    /// Whether two figures of the same thing can both be true; None when
    /// they are not of one kind and cannot be compared at all.
    pub fn agrees(&self, other: &Quantity) -> Option<bool> {
        if self.unit != other.unit {
            return None;
        }
        if self.unit == Unit::Count {
            return self.as_reported().agrees_as_bounds(&other.as_reported());
        }
        self.agrees_as_bounds(other)
    }

    /// A count as news reports it: "at least 23 killed" is the confirmed
    /// toll, 23, and a source giving 144 reports another toll, not the
    /// same one more precisely.
    fn as_reported(&self) -> Quantity {
        let mut count = self.clone();
        if matches!(self.bound, Bound::AtLeast | Bound::AtMost) {
            count.bound = Bound::Exact;
        }
        count
    }

    fn agrees_as_bounds(&self, other: &Quantity) -> Option<bool> {
        // Two lower (or two upper) bounds never contradict each other.
        let lower = |q: &Quantity| q.bound == Bound::AtLeast;
        let upper = |q: &Quantity| q.bound == Bound::AtMost;
        if (lower(self) && lower(other)) || (upper(self) && upper(other)) {
            return Some(true);
        }
        let slack = if self.unit_factor == other.unit_factor {
            0.0
        } else {
            0.03
        };
        // A maximum ("up to 20 years") is not contradicted by a figure
        // under it (a prediction, a likely sentence), only by another
        // maximum or a figure above it.
        let maximum = |q: &Quantity| q.bound == Bound::Maximum;
        if maximum(self) != maximum(other) {
            let (cap, figure) = if maximum(self) {
                (self, other)
            } else {
                (other, self)
            };
            return Some(figure.interval_with(slack).0 <= cap.interval_with(slack).1);
        }
        let (a0, a1) = self.interval_with(slack);
        let (b0, b1) = other.interval_with(slack);
        // Float noise from unit factors, never a real difference.
        let epsilon = 1e-9 * a0.abs().max(b0.abs()).max(1.0);
        Some(a0 <= b1 + epsilon && b0 <= a1 + epsilon)
    }
}

/// A date as the text gives it: any of its parts may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub weekday: Option<u8>,
}

impl DateMention {
    /// Parts given by both that differ: None when they share no part.
    pub fn conflicts(&self, other: &DateMention) -> Option<bool> {
        let parts = [
            (self.year.map(i64::from), other.year.map(i64::from)),
            (self.month.map(i64::from), other.month.map(i64::from)),
            (self.day.map(i64::from), other.day.map(i64::from)),
            (self.weekday.map(i64::from), other.weekday.map(i64::from)),
        ];
        let shared: Vec<(i64, i64)> = parts
            .iter()
            .filter_map(|(a, b)| Some(((*a)?, (*b)?)))
            .collect();
        if shared.is_empty() {
            return None;
        }
        // A day of the month needs its month to mean the same day.
        if self.day.is_some() && other.day.is_some() && self.month != other.month {
            return Some(self.month.is_some() && other.month.is_some());
        }
        Some(shared.iter().any(|(a, b)| a != b))
    }
}

/// The figures and dates of a text.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Figures {
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateMention>,
}

fn month_of(word: &str) -> Option<u8> {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    // Full names, or the abbreviations news uses ("Oct.", "Sept").
    MONTHS
        .iter()
        .position(|m| {
            let m = m.to_ascii_lowercase();
            m == lower || (lower.len() <= 4 && m.starts_with(&lower))
        })
        .map(|at| at as u8 + 1)
}

fn weekday_of(word: &str) -> Option<u8> {
    WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(word) && word.starts_with(char::is_uppercase))
        .map(|at| at as u8)
}

fn small_number(word: &str) -> Option<f64> {
    SMALL_NUMBERS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, v)| *v)
}

fn scale_of(word: &str) -> Option<f64> {
    SCALES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, v)| *v)
}

/// The value of a figure written in digits, and its rounding step.
fn digits_value(text: &str) -> Option<(f64, f64)> {
    // "72,0000": a grouping of other than three digits is a typo, not a
    // figure to set against another.
    let whole = text.split('.').next().unwrap_or(text);
    if whole.split(',').skip(1).any(|group| group.len() != 3) {
        return None;
    }
    let plain: String = text.chars().filter(|c| *c != ',').collect();
    let value: f64 = plain.parse().ok()?;
    let step = match plain.split_once('.') {
        Some((_, decimals)) => 10f64.powi(-(decimals.len() as i32)),
        None => {
            let zeros = plain.len() - plain.trim_end_matches('0').len();
            // One trailing zero is as often exact ("730 injured") as rounded.
            if zeros >= 2 && zeros < plain.len() {
                10f64.powi(zeros as i32)
            } else {
                1.0
            }
        }
    };
    Some((value, step))
}

struct Number {
    value: f64,
    /// The rounding step, in the same scale as `value`.
    step: f64,
    /// The multiplier written after digits ("bn"), 1 when none.
    scale: f64,
    /// Tokens used, from the first.
    used: usize,
    spelled: bool,
}

/// A number starting at token `at`: digits with an optional scale, or
/// spelled-out words ("eight hundred thousand", "twenty-five", "a dozen").
fn number_at(toks: &[Tok], at: usize) -> Option<Number> {
    let tok = toks.get(at)?;
    let (mut value, mut step, mut used, spelled) = if tok.kind == TokKind::Digits {
        let (value, step) = digits_value(tok.text)?;
        // "8-3/4": a whole number and a fraction, as bond coupons are written.
        let part = |i: usize| toks.get(at + i).filter(|t| t.joined);
        let fraction = match (part(1), part(2), part(3), part(4)) {
            (Some(dash), Some(top), Some(slash), Some(bottom))
                if dash.text == "-" && slash.text == "/" && top.kind == TokKind::Digits =>
            {
                let (top, bottom): (f64, f64) = (top.text.parse().ok()?, bottom.text.parse().ok()?);
                (bottom > top && bottom <= 64.0).then(|| top / bottom)
            }
            _ => None,
        };
        match fraction {
            Some(fraction) => (value + fraction, 1.0 / 64.0, 5, false),
            None => (value, step, 1, false),
        }
    } else {
        let mut total = 0.0;
        let mut current: Option<f64> = None;
        let mut used = 0;
        let mut smallest_scale: f64 = 1.0;
        while let Some(t) = toks.get(at + used) {
            if let Some(v) = small_number(t.text) {
                // "twenty-five": the units add to the tens.
                current = Some(current.unwrap_or(0.0) + v);
                used += 1;
                if toks.get(at + used).is_some_and(|t| t.text == "-")
                    && toks
                        .get(at + used + 1)
                        .is_some_and(|t| small_number(t.text).is_some())
                {
                    used += 1;
                }
            } else if t.text.eq_ignore_ascii_case("hundred") && current.is_some() {
                current = current.map(|c| c * 100.0);
                smallest_scale = 100.0;
                used += 1;
            } else if let (Some(scale), Some(c)) = (scale_of(t.text), current) {
                if scale < 1e3 || t.text.len() < 4 {
                    break;
                }
                total += c * scale;
                current = None;
                smallest_scale = scale;
                used += 1;
            } else {
                break;
            }
        }
        if used == 0 {
            return None;
        }
        let value = total + current.unwrap_or(0.0);
        let step = if smallest_scale > 1.0 {
            smallest_scale
        } else {
            1.0
        };
        (value, step, used, true)
    };
    let mut written_scale = 1.0;
    if !spelled && let Some(next) = toks.get(at + used) {
        // "800k", "2.5bn" only attached; a spelled scale may stand apart.
        let attached_or_spelled = next.joined || next.text.len() > 3;
        if let Some(scale) = scale_of(next.text).filter(|_| attached_or_spelled) {
            value *= scale;
            step *= scale;
            written_scale = scale;
            used += 1;
        }
    }
    Some(Number {
        value,
        step,
        scale: written_scale,
        used,
        spelled,
    })
}

fn unit_after(toks: &[Tok], at: usize) -> Option<(Unit, f64, usize)> {
    let tok = toks.get(at)?;
    let lower = tok.text.to_ascii_lowercase();
    if tok.text == "%" || PERCENT_WORDS.contains(&lower.as_str()) {
        return Some((Unit::Percent, 1.0, 1));
    }
    if lower == "per" && is(toks.get(at + 1), &["cent"]) {
        return Some((Unit::Percent, 1.0, 2));
    }
    if lower == "percentage" && is(toks.get(at + 1), &["point", "points"]) {
        return Some((Unit::Points, 1.0, 2));
    }
    if let Some((_, currency)) = CURRENCY_WORDS.iter().find(|(w, _)| *w == lower) {
        return Some((Unit::Money(currency), 1.0, 1));
    }
    if lower == "magnitude" {
        return Some((Unit::Magnitude, 1.0, 1));
    }
    if let Some((_, dimension, factor)) = UNITS.iter().find(|(w, _, _)| *w == lower) {
        return Some((Unit::Measure(dimension), *factor, 1));
    }
    None
}

fn clock_at(toks: &[Tok], at: usize) -> Option<(f64, usize)> {
    let hour: u32 = toks.get(at)?.text.parse().ok()?;
    let (minutes, mut used) = if toks
        .get(at + 1)
        .is_some_and(|t| t.text == ":" || t.text == ".")
        && toks
            .get(at + 2)
            .is_some_and(|t| t.kind == TokKind::Digits && t.text.len() == 2 && t.joined)
        && toks[at + 1].joined
    {
        (toks[at + 2].text.parse::<u32>().ok()?, 3)
    } else {
        (0, 1)
    };
    let meridiem = toks.get(at + used).map(|t| t.text.to_ascii_lowercase());
    let pm = match meridiem.as_deref() {
        Some("pm" | "p.m") => Some(true),
        Some("am" | "a.m") => Some(false),
        _ => None,
    };
    if pm.is_none() && used == 1 {
        return None;
    }
    if pm.is_some() {
        used += 1;
        if toks
            .get(at + used)
            .is_some_and(|t| t.text == "." && t.joined)
        {
            used += 1;
        }
    }
    if hour > 24 || minutes > 59 {
        return None;
    }
    let hour = match pm {
        Some(true) if hour < 12 => hour + 12,
        Some(false) if hour == 12 => 0,
        _ => hour,
    };
    Some((f64::from(hour * 60 + minutes), used))
}

fn bound_before(toks: &[Tok], at: usize) -> Bound {
    let word = |back: usize| at.checked_sub(back).and_then(|i| toks.get(i));
    let lower = |back: usize| word(back).map(|t| t.text.to_ascii_lowercase());
    let w1 = lower(1);
    let w2 = lower(2);
    let w3 = lower(3);
    let is1 = |list: &[&str]| w1.as_deref().is_some_and(|w| list.contains(&w));
    match (w3.as_deref(), w2.as_deref(), w1.as_deref()) {
        (_, Some("up"), Some("to")) => Bound::Maximum,
        (Some("maximum" | "max"), _, Some("of")) | (_, Some("maximum" | "max"), Some("of")) => {
            Bound::Maximum
        }
        (Some("as"), Some("many" | "much"), Some("as")) => Bound::Maximum,
        (_, Some("more" | "greater"), Some("than")) => Bound::AtLeast,
        (_, Some("at"), Some("least")) => Bound::AtLeast,
        (_, Some("less" | "fewer"), Some("than")) => Bound::AtMost,
        (_, Some("close"), Some("to")) => Bound::Nearly,
        (_, Some("excess" | "upwards" | "north"), Some("of")) => Bound::AtLeast,
        _ if is1(AT_LEAST_WORDS) => Bound::AtLeast,
        _ if is1(AT_MOST_WORDS) => Bound::AtMost,
        _ if is1(NEARLY_WORDS) => Bound::Nearly,
        _ if is1(ABOUT_WORDS) => Bound::About,
        _ if w1.as_deref() == Some("an") || w1.as_deref() == Some("the") => {
            if w2.as_deref().is_some_and(|w| ABOUT_WORDS.contains(&w)) {
                Bound::About
            } else {
                Bound::Exact
            }
        }
        _ => Bound::Exact,
    }
}

fn family_of(word: &str) -> Option<usize> {
    MEASURE_FAMILIES.iter().position(|f| f.contains(&word))
}

/// The noun of the whole after a part ("of the 650 seats", "of the
/// assembly's 650 seats", "of its 30 members"), `at` the token after the
/// part's figure.
fn whole_after<'a>(toks: &[Tok<'a>], at: usize) -> Option<&'a str> {
    if !is(toks.get(at), &["of"]) {
        return None;
    }
    let mut next = at + 1;
    if is(toks.get(next), &["the", "its", "their"]) {
        next += 1;
    }
    if toks.get(next).is_some_and(|t| possessive(t.text)) {
        next += 1;
    }
    toks.get(next).filter(|t| t.kind == TokKind::Digits)?;
    toks.get(next + 1)
        .filter(|t| t.kind == TokKind::Word && t.text.starts_with(char::is_lowercase))
        .map(|t| t.text)
}

/// The figure at `first` is the whole after a part: "412 of the [X's] 650".
fn part_before(toks: &[Tok], first: usize) -> bool {
    let mut at = first;
    let mut skip = |words: &dyn Fn(&str) -> bool| {
        if at > 0 && words(toks[at - 1].text) {
            at -= 1;
        }
    };
    skip(&possessive);
    skip(&|word| matches!(word, "the" | "its" | "their"));
    at >= 2 && toks[at - 1].text == "of" && toks[at - 2].kind == TokKind::Digits
}

fn possessive(word: &str) -> bool {
    without_possessive(word).is_some()
}

/// "assembly's" → "assembly".
fn without_possessive(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

fn measure_near(toks: &[Tok], from: usize, to: usize) -> Option<usize> {
    // "the number of dead from the collapse has risen to 31": what a count
    // counts may stand well before it.
    let start = from.saturating_sub(7);
    let end = (to + 4).min(toks.len());
    let mut best: Option<(usize, usize)> = None;
    for (at, tok) in toks.iter().enumerate().take(end).skip(start) {
        if tok.kind != TokKind::Word {
            continue;
        }
        if let Some(family) = family_of(&tok.text.to_ascii_lowercase()) {
            let distance = if at < from {
                from - at
            } else {
                at.saturating_sub(to)
            };
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, family));
            }
        }
    }
    best.map(|(_, family)| family)
}

fn is_year(tok: &Tok) -> Option<i32> {
    (tok.kind == TokKind::Digits && tok.text.len() == 4)
        .then(|| tok.text.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
}

fn day_of(tok: Option<&Tok>) -> Option<u8> {
    let tok = tok?;
    (tok.kind == TokKind::Digits && tok.text.len() <= 2)
        .then(|| tok.text.parse::<u8>().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// Dates at token `at`, with the tokens they use.
fn date_at(toks: &[Tok], at: usize) -> Option<(DateMention, usize)> {
    let tok = toks.get(at)?;
    let mut date = DateMention {
        start: tok.start,
        end: tok.end,
        year: None,
        month: None,
        day: None,
        weekday: None,
    };
    let mut used = 1;
    if let Some(weekday) = weekday_of(tok.text) {
        date.weekday = Some(weekday);
        // "Friday, March 28" / "Friday 28 March": one date.
        let mut next = at + 1;
        if toks.get(next).is_some_and(|t| t.text == ",") {
            next += 1;
        }
        if let Some((more, more_used)) = date_at(toks, next).filter(|(d, _)| d.weekday.is_none()) {
            date.year = more.year;
            date.month = more.month;
            date.day = more.day;
            date.end = more.end;
            used = next - at + more_used;
        }
        return Some((date, used));
    }
    if tok.kind == TokKind::Word
        && tok.text.starts_with(char::is_uppercase)
        && let Some(month) = month_of(tok.text)
    {
        date.month = Some(month);
        if let Some(day) = day_of(toks.get(at + 1)) {
            date.day = Some(day);
            used = 2;
            if is(toks.get(at + 2), &["st", "nd", "rd", "th"]) {
                used += 1;
            }
        }
        let mut next = at + used;
        if toks.get(next).is_some_and(|t| t.text == ",") {
            next += 1;
        }
        if let Some(year) = toks.get(next).and_then(is_year) {
            date.year = Some(year);
            used = next - at + 1;
        }
        if date.day.is_none() && date.year.is_none() {
            // A bare month name ("in March") dates too loosely to compare.
            return None;
        }
        date.end = toks[at + used - 1].end;
        return Some((date, used));
    }
    if let Some(day) = day_of(Some(tok)) {
        let mut next = at + 1;
        if is(toks.get(next), &["st", "nd", "rd", "th"]) {
            next += 1;
        }
        if is(toks.get(next), &["of"]) {
            next += 1;
        }
        let month = toks
            .get(next)
            .filter(|t| t.text.starts_with(char::is_uppercase))
            .and_then(|t| month_of(t.text))?;
        date.day = Some(day);
        date.month = Some(month);
        used = next - at + 1;
        if let Some(year) = toks.get(at + used).and_then(is_year) {
            date.year = Some(year);
            used += 1;
        }
        date.end = toks[at + used - 1].end;
        return Some((date, used));
    }
    None
}

/// Every figure and date of `text`; offsets are into `text` plus `base`.
pub fn figures(text: &str, base: usize) -> Figures {
    let toks = tokens(text);
    let mut out = Figures::default();
    let mut at = 0;
    while at < toks.len() {
        if let Some((mut date, used)) = date_at(&toks, at) {
            date.start += base;
            date.end += base;
            out.dates.push(date);
            at += used;
            continue;
        }
        if let Some(year) = is_year(&toks[at]).filter(|_| {
            is(
                at.checked_sub(1).and_then(|i| toks.get(i)),
                &["in", "since", "of", "until", "by"],
            ) && !toks
                .get(at + 1)
                .is_some_and(|t| unit_after(&toks, at + 1).is_some() || t.text == "%")
        }) {
            out.dates.push(DateMention {
                start: base + toks[at].start,
                end: base + toks[at].end,
                year: Some(year),
                month: None,
                day: None,
                weekday: None,
            });
            at += 1;
            continue;
        }
        // "1.8215/25 marks", "147.55/65 yen": the offer side of a quoted
        // price is the last digits only, not a figure of its own.
        let quote_tail = toks[at].kind == TokKind::Digits
            && toks[at].joined
            && at >= 2
            && toks[at - 1].text == "/"
            && toks[at - 1].joined
            && toks[at - 2].kind == TokKind::Digits
            && toks[at - 2].text.contains('.');
        if quote_tail {
            at += 1;
            continue;
        }
        match quantity_at(&toks, at) {
            Some((mut quantity, used)) => {
                quantity.start += base;
                quantity.end += base;
                at += used;
                at += conversion_after(&toks, at, &quantity.unit);
                out.quantities.push(quantity);
            }
            None => at += 1,
        }
    }
    out
}

/// Tokens of a conversion in brackets right after a figure ("17km (11
/// miles)", "12:50pm (06:20 GMT)"): the same figure again, not a second one.
fn conversion_after(toks: &[Tok], at: usize, unit: &Unit) -> usize {
    if toks.get(at).is_none_or(|t| t.text != "(") {
        return 0;
    }
    let Some((inner, used)) = quantity_at(toks, at + 1) else {
        return 0;
    };
    let same_kind = match (unit, &inner.unit) {
        (Unit::Measure(a), Unit::Measure(b)) => a == b,
        (Unit::Money(_), Unit::Money(_)) | (Unit::Clock(_), Unit::Clock(_)) => true,
        _ => false,
    };
    let closed = toks.get(at + 1 + used).is_some_and(|t| t.text == ")");
    if same_kind && closed { used + 2 } else { 0 }
}

fn quantity_at(toks: &[Tok], at: usize) -> Option<(Quantity, usize)> {
    let first = at;
    let mut at = at;
    let mut currency: Option<&'static str> = None;
    let mut magnitude_before = false;
    if let Some((_, c)) = CURRENCY_SIGNS
        .iter()
        .find(|(sign, _)| *sign == toks[at].text)
    {
        currency = Some(c);
        at += 1;
    } else if toks[at].text == "US" && toks.get(at + 1).is_some_and(|t| t.text == "$" && t.joined) {
        currency = Some("dollar");
        at += 2;
    }
    let previous = first.checked_sub(1).and_then(|i| toks.get(i));
    if is(previous, NUMBER_NAMES) {
        return None;
    }
    // "Magnitude-7.9": the hyphen joins the unit to its figure.
    let hyphened = previous.is_some_and(|t| t.text == "-" && t.joined)
        && toks[first].joined
        && is(
            first.checked_sub(2).and_then(|i| toks.get(i)),
            &["magnitude"],
        );
    if currency.is_none()
        && (hyphened
            || is(previous, &["magnitude"])
            || (is(previous, &["of"])
                && is(
                    first.checked_sub(2).and_then(|i| toks.get(i)),
                    &["magnitude"],
                )))
    {
        magnitude_before = true;
    }
    let tok = toks.get(at)?;
    // A year is a date, not a count ("the 2024 election"), unless it is money.
    if currency.is_none() && is_year(tok).is_some() {
        return None;
    }
    if tok.kind == TokKind::Digits
        && currency.is_none()
        && let Some((minutes, used)) = clock_at(toks, at)
    {
        let zone = toks
            .get(at + used)
            .filter(|t| {
                t.kind == TokKind::Word
                    && ((t.text.len() <= 4 && t.text.chars().all(|c| c.is_ascii_uppercase()))
                        || t.text.eq_ignore_ascii_case("local"))
            })
            .map(|t| t.text.to_ascii_uppercase());
        let used = used + usize::from(zone.is_some());
        let quantity = Quantity {
            start: toks[first].start,
            end: toks[at + used - 1].end,
            low: minutes,
            high: minutes,
            tolerance: 0.0,
            bound: bound_before(toks, first),
            unit: Unit::Clock(zone),
            measure: None,
            head: None,
            context: context(toks, first, at + used),
            unit_factor: 1.0,
        };
        return Some((quantity, used + at - first));
    }
    if is(toks.get(at), &["a"]) && is(toks.get(at + 1), &["dozen"]) {
        at += 1;
    }
    let number = number_at(toks, at)?;
    // Ordinals ("21st", "second") and single spelled words that are rarely
    // figures ("one of", "ten-year-old" is a figure, "one" alone is not).
    if is(toks.get(at + number.used), &["st", "nd", "rd", "th"]) {
        return None;
    }
    // "one" is a figure only before what it counts ("one person was
    // killed"), not in "one of", "one in Thailand" or "no one".
    if number.spelled && number.value == 1.0 {
        let counted = toks.get(at + number.used).is_some_and(|t| {
            t.kind == TokKind::Word
                && t.text.starts_with(char::is_lowercase)
                && !crate::lexicon::FUNCTION_WORDS.contains(&t.text.to_ascii_lowercase().as_str())
        });
        if !counted
            || is(
                previous,
                &["no", "any", "every", "some", "the", "this", "that"],
            )
        {
            return None;
        }
    }
    let mut end_tok = at + number.used;
    let mut low = number.value;
    let mut high = number.value;
    let mut step = number.step;
    // A range: "3.50–3.75", "between 3.5 and 3.75", "23 to 25", "730 or 732".
    let joiner = toks.get(end_tok).map(|t| t.text.to_ascii_lowercase());
    let between = is(first.checked_sub(1).and_then(|i| toks.get(i)), &["between"]);
    if let Some(joiner) = joiner.as_deref()
        && (matches!(joiner, "–" | "—" | "to" | "or")
            || (joiner == "-" && toks[end_tok].joined)
            || (joiner == "and" && between))
    {
        let mut next = end_tok + 1;
        if currency.is_some()
            && toks
                .get(next)
                .is_some_and(|t| CURRENCY_SIGNS.iter().any(|(s, _)| *s == t.text))
        {
            next += 1;
        }
        if let Some(second) = number_at(toks, next).filter(|n| n.spelled == number.spelled) {
            // "1 to 2 million": the scale written once belongs to both.
            if number.scale == 1.0
                && second.scale > 1.0
                && number.value * second.scale <= second.value
            {
                low = number.value * second.scale;
                step *= second.scale;
            }
            high = second.value;
            if low > high {
                std::mem::swap(&mut low, &mut high);
            }
            step = step.min(second.step);
            end_tok = next + second.used;
        }
    }
    let mut unit = match currency {
        Some(c) => Unit::Money(c),
        None => Unit::Count,
    };
    let mut factor = 1.0;
    // The unit, with an optional hyphen ("10-km", "7.7-magnitude").
    let mut unit_at = end_tok;
    if toks.get(unit_at).is_some_and(|t| t.text == "-" && t.joined) {
        unit_at += 1;
    }
    if let Some((found, unit_factor, used)) = unit_after(toks, unit_at) {
        match (&unit, &found) {
            (Unit::Money(_), Unit::Money(_)) | (Unit::Count, _) => {
                unit = found;
                factor = unit_factor;
                end_tok = unit_at + used;
            }
            _ => {}
        }
    } else if currency.is_some() && toks.get(end_tok).is_some_and(|t| t.text == "m" && t.joined) {
        low *= 1e6;
        high *= 1e6;
        step *= 1e6;
        end_tok += 1;
    }
    if magnitude_before && unit == Unit::Count {
        unit = Unit::Magnitude;
    }
    let mut head = None;
    if unit == Unit::Count
        && let Some(next) = toks.get(end_tok)
        && next.kind == TokKind::Word
        && next.text.starts_with(char::is_lowercase)
    {
        head = Some(singular(&next.text.to_ascii_lowercase()));
    }
    // "398 of the assembly's 650 seats": the part counts what the whole
    // counts; the whole is the size of the body, not a figure reported of
    // the event, and compares with nothing.
    let whole_noun = (unit == Unit::Count)
        .then(|| whole_after(toks, end_tok))
        .flatten();
    if let Some(noun) = whole_noun {
        head = Some(singular(&noun.to_ascii_lowercase()));
    }
    let is_whole = unit == Unit::Count && part_before(toks, first);
    if is_whole {
        head = None;
    }
    let bound = match toks.get(end_tok) {
        Some(t) if t.text == "+" => {
            end_tok += 1;
            Bound::AtLeast
        }
        _ if is(toks.get(end_tok), &["or"]) && is(toks.get(end_tok + 1), &["more"]) => {
            Bound::AtLeast
        }
        _ => bound_before(toks, first),
    };
    let tolerance = if step != 1.0 {
        step / 2.0 * factor
    } else {
        0.0
    };
    // A duration, a sum or a distance near "seats" or "killed" ("in
    // government for 14 years", "$5 million for the families of the dead")
    // is not itself a seat count or a toll.
    let measure = if is_whole {
        None
    } else if let Some(noun) = whole_noun {
        family_of(&noun.to_ascii_lowercase())
    } else {
        matches!(
            unit,
            Unit::Count | Unit::Percent | Unit::Points | Unit::Magnitude
        )
        .then(|| measure_near(toks, first, end_tok))
        .flatten()
    };
    let quantity = Quantity {
        start: toks[first].start,
        end: toks[end_tok - 1].end,
        low: low * factor,
        high: high * factor,
        tolerance,
        bound,
        unit,
        measure,
        head,
        context: context(toks, first, end_tok),
        unit_factor: factor,
    };
    Some((quantity, end_tok - first))
}

fn singular(word: &str) -> String {
    // "the assembly's": the noun, not its possessive.
    let word = without_possessive(word).unwrap_or(word);
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

/// Lowercased words within four tokens either side, numbers excluded.
fn context(toks: &[Tok], from: usize, to: usize) -> Vec<String> {
    let start = from.saturating_sub(4);
    let end = (to + 4).min(toks.len());
    toks[start..end]
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            let at = start + i;
            (at < from || at >= to) && t.kind == TokKind::Word && t.text.len() > 2
        })
        .map(|(_, t)| singular(&t.text.to_ascii_lowercase()))
        .filter(|w| !crate::lexicon::FUNCTION_WORDS.contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offer_side_of_a_quoted_price_is_no_figure() {
        let found = figures("The dollar ended at 1.8205/15 marks against 1.8260/70.", 0);
        assert!(
            found.quantities.iter().all(|q| q.low > 1.0 && q.low < 2.0),
            "{:?}",
            found.quantities
        );
        // A fraction of a coupon is still one figure.
        assert_eq!(figures("a coupon of 8-3/4 pct", 0).quantities[0].low, 8.75);
    }

    #[test]
    fn a_grouping_of_other_than_three_digits_is_no_figure() {
        assert!(
            figures("It produced 72,0000 tons of copper.", 0)
                .quantities
                .is_empty()
        );
        assert_eq!(
            figures("It produced 72,000 tons of copper.", 0)
                .quantities
                .len(),
            1
        );
    }

    fn one(text: &str) -> Quantity {
        let found = figures(text, 0).quantities;
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    fn agree(a: &str, b: &str) -> Option<bool> {
        one(a).agrees(&one(b))
    }

    #[test]
    fn one_value_in_its_written_forms() {
        for text in [
            "the plant employs 800,000 people",
            "the plant employs 800k people",
            "the plant employs eight hundred thousand people",
            "the plant employs 0.8 million people",
        ] {
            let q = one(text);
            assert!((q.low - 800_000.0).abs() < 1.0, "{text}: {q:?}");
        }
        assert_eq!(
            agree("a loss of $2.5 billion", "a loss of 2.5bn dollars"),
            Some(true)
        );
        assert_eq!(
            agree("a rise of 3.5%", "a rise of 3.5 per cent"),
            Some(true)
        );
        assert_eq!(agree("twenty-five boats sank", "25 boats sank"), Some(true));
    }

    #[test]
    fn rounding_and_qualifiers_are_not_contradictions() {
        assert_eq!(agree("about 800 workers", "812 workers"), Some(true));
        assert_eq!(agree("nearly 1,000 homes", "987 homes"), Some(true));
        assert_eq!(agree("at least 144 people", "144 people"), Some(true));
        assert_eq!(agree("more than four hours", "five hours"), Some(true));
        assert_eq!(
            agree("less than four hours", "under five hours"),
            Some(true)
        );
        assert_eq!(
            agree("1.5 million residents", "1,480,000 residents"),
            Some(true)
        );
        assert_eq!(
            agree("a depth of 10 km", "a depth of 6.2 miles"),
            Some(true)
        );
        assert_eq!(
            agree("rates of 3.50–3.75%", "between 3.5 and 3.75 percent"),
            Some(true)
        );
    }

    #[test]
    fn a_maximum_is_only_contradicted_from_above() {
        assert_eq!(
            agree("a maximum sentence of 115 years", "a ten-year sentence"),
            Some(true)
        );
        assert_eq!(
            agree("faces up to 20 years", "was given 25 years"),
            Some(false)
        );
    }

    #[test]
    fn whole_numbers_with_fractions_are_one_figure() {
        let q = one("an 8-3/4 pct coupon");
        assert!((q.low - 8.75).abs() < 1e-9, "{q:?}");
        assert_eq!(q.unit, Unit::Percent);
    }

    #[test]
    fn a_conversion_in_brackets_is_the_same_figure() {
        let found = figures(
            "It struck 17km (11 miles) west of the city at 12:50pm (06:20 GMT).",
            0,
        );
        assert_eq!(found.quantities.len(), 2, "{found:?}");
        assert!(figures("the 2024 election", 0).quantities.is_empty());
    }

    #[test]
    fn different_figures_are_contradictions() {
        for (a, b) in [
            ("144 people died", "1,644 people died"),
            ("a 30-storey tower", "a 33-storey tower"),
            ("up to 115 years", "up to 110 years"),
            ("a depth of 10 km", "a depth of 30 km"),
            ("more than 150 people", "120 people"),
            ("at least 23 people", "at least 144 people"),
        ] {
            assert_eq!(
                agree(a, b),
                Some(false),
                "{a} / {b}: {:?} {:?}",
                one(a),
                one(b)
            );
        }
    }

    #[test]
    fn unlike_figures_do_not_compare() {
        assert_eq!(agree("3.5% of voters", "3.5 percentage points"), None);
        assert_eq!(agree("$20 million", "£20 million"), None);
        assert_eq!(agree("10 km", "10 hours"), None);
    }

    #[test]
    fn magnitudes_clock_times_and_measures_are_read() {
        assert_eq!(one("a magnitude 7.7 quake").unit, Unit::Magnitude);
        assert_eq!(one("a 7.7-magnitude quake").unit, Unit::Magnitude);
        assert_eq!(one("a Magnitude-7.9 quake").unit, Unit::Magnitude);
        assert_eq!(one("a magnitude-6.4 aftershock").low, 6.4);
        assert_eq!(
            one("struck at 12:50 local time").unit,
            Unit::Clock(Some("LOCAL".into()))
        );
        assert_eq!(one("the jury left at 6 p.m.").low, 18.0 * 60.0);
        assert_eq!(
            one("more than 150 were killed").measure,
            one("the toll of 23").measure
        );
        assert_eq!(
            one("convicted on seven counts").head.as_deref(),
            Some("count")
        );
    }

    #[test]
    fn a_duration_or_a_sum_near_a_measure_word_does_not_take_its_measure() {
        assert!(one("104 seats").measure.is_some());
        assert_eq!(
            one("in government for 14 years, it lost seats").measure,
            None
        );
        assert_eq!(
            one("a fund of $5 million for families of the dead").measure,
            None
        );
        assert!(one("won 40% of the vote").measure.is_some());
    }

    #[test]
    fn a_possessive_in_a_figure_context_is_its_noun() {
        let seats = one("Of the assembly's 600 seats, most went to the left.");
        assert!(seats.context.iter().any(|w| w == "assembly"), "{seats:?}");
        assert_eq!(singular("minister’s"), "minister");
    }

    #[test]
    fn a_part_of_a_whole_counts_what_the_whole_counts() {
        let part = figures("It holds 12 of its 30 members.", 0).quantities;
        assert_eq!(part[0].head.as_deref(), Some("member"), "{part:?}");
        assert_eq!(part[1].head, None, "the whole compares with nothing");
        assert_eq!(one("It won 12 members.").head.as_deref(), Some("member"));
        let seats = figures("It won 412 of the assembly's 650 seats.", 0).quantities;
        assert_eq!(seats[0].measure, one("It won 412 seats.").measure);
        assert!(seats[0].measure.is_some());
        assert_eq!(seats[1].measure, None, "{seats:?}");
    }

    #[test]
    fn dates_are_read_and_compared_by_the_parts_both_give() {
        let a = figures("Sentencing is set for March 28, 2024.", 0).dates;
        let b = figures("He will be sentenced on 28 March 2023.", 0).dates;
        assert_eq!(a.len(), 1);
        assert_eq!(b.len(), 1);
        assert_eq!(a[0].conflicts(&b[0]), Some(true));
        let c = figures("Sentencing is on March 28.", 0).dates;
        assert_eq!(a[0].conflicts(&c[0]), Some(false));
        let friday = figures("The vote was held on Friday.", 0).dates;
        let thursday = figures("The vote was held on Thursday.", 0).dates;
        assert_eq!(friday[0].conflicts(&thursday[0]), Some(true));
        assert!(figures("It was founded in 2019.", 0).quantities.is_empty());
    }

    #[test]
    fn names_with_numbers_and_ordinals_are_not_figures() {
        assert!(
            figures("under Article 5 of the treaty", 0)
                .quantities
                .is_empty()
        );
        assert!(figures("the 21st meeting", 0).quantities.is_empty());
        assert!(figures("one of the largest", 0).quantities.is_empty());
    }
}
