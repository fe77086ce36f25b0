//! The hand annotations of cross-source insights are checked here before
//! anything is scored against them, so that a typo in a snippet cannot turn
//! into a silent miss: tests/annotations/stories/*/insights.toml (the three
//! stories of ../shared/datasets/stories), tests/expectations/insights.toml
//! (the built-in corpus, assets/*.txt) and the invented pairs of
//! tests/expectations/insights_synthetic.toml.
//!
//! Every `text` must occur exactly once in its file's body (front matter
//! excluded; runs of whitespace count as one space), every `quoted` must occur
//! in the body, every `fact` must name a `what` of the story's facts.toml,
//! and each quote version's class must follow from the words themselves.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

const STORIES: [&str; 3] = [
    "myanmar-earthquake-2025",
    "bankman-fried-verdict-2023",
    "uk-election-2024",
];
const KINDS: [&str; 7] = [
    "number", "date", "place", "actor", "negation", "speaker", "update",
];
const CLASSES: [&str; 3] = ["verbatim", "trimmed", "altered"];
const STANCES: [&str; 4] = ["flat", "hedged", "anonymous", "named"];
/// The non-discrepancies the synthetic cases must cover, each at least
/// `MIN_CASES` times; a `none` case names its family as the first word of
/// `why`, before a colon.
const NONE_FAMILIES: [&str; 7] = [
    "rounding",
    "units",
    "range",
    "paraphrase",
    "scope",
    "measure",
    "occasion",
];
const MIN_CASES: usize = 4;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Insights {
    #[serde(default)]
    discrepancy: Vec<Discrepancy>,
    #[serde(default)]
    agreement: Vec<Agreement>,
    #[serde(default)]
    quote: Vec<Quote>,
    #[serde(default)]
    shift: Vec<Shift>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Discrepancy {
    fact: String,
    /// A cross-file fact that facts.toml misses: `fact` names it afresh.
    #[serde(default)]
    missed: bool,
    kind: String,
    what: String,
    sides: Vec<Side>,
    #[serde(default)]
    maybe: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Agreement {
    fact: String,
    #[serde(default)]
    missed: bool,
    why: String,
    sides: Vec<Side>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Side {
    file: String,
    text: String,
    value: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Quote {
    what: String,
    versions: Vec<QuoteVersion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteVersion {
    file: String,
    text: String,
    quoted: String,
    class: String,
    speaker: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Shift {
    fact: String,
    #[serde(default)]
    missed: bool,
    versions: Vec<ShiftVersion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShiftVersion {
    file: String,
    text: String,
    stance: String,
}

#[derive(Deserialize)]
struct Facts {
    fact: Vec<Fact>,
}

#[derive(Deserialize)]
struct Fact {
    what: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Synthetic {
    case: Vec<Case>,
    quote_case: Vec<QuoteCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    a: String,
    b: String,
    a_date: Option<String>,
    b_date: Option<String>,
    expect: String,
    why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteCase {
    a: String,
    b: String,
    expect: String,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn stories_dir() -> PathBuf {
    root().join("../shared/datasets/stories")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse<T: for<'de> Deserialize<'de>>(path: &Path) -> T {
    toml::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The body of a story file (after its `---` front matter) or of a built-in
/// article (which has none), whitespace squashed.
fn body(text: &str) -> String {
    let Some(rest) = text.strip_prefix("---\n") else {
        return squash(text);
    };
    match rest.find("\n---\n") {
        Some(end) => squash(&rest[end + 5..]),
        None => panic!("front matter without its closing ---"),
    }
}

/// The words of a quotation as the classes compare them: case, punctuation
/// and the typographic form of apostrophes do not make a version altered.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words inside the first pair of quotation marks, straight or curly.
fn quoted(sentence: &str) -> Option<&str> {
    let (open, mark) = sentence
        .char_indices()
        .find(|&(_, c)| c == '"' || c == '“')?;
    let close = if mark == '“' { '”' } else { '"' };
    let rest = &sentence[open + mark.len_utf8()..];
    rest.find(close).map(|end| &rest[..end])
}

fn class_of(version: &[String], fullest: &[String]) -> &'static str {
    if version == fullest {
        "verbatim"
    } else if !version.is_empty() && fullest.windows(version.len()).any(|w| w == version) {
        "trimmed"
    } else {
        "altered"
    }
}

/// The words of the longest version; on a tie, of the one listed first.
fn fullest(versions: &[QuoteVersion]) -> Vec<String> {
    let mut best = Vec::new();
    for version in versions {
        let w = words(&version.quoted);
        if w.len() > best.len() {
            best = w;
        }
    }
    best
}

struct Checker<'a> {
    name: String,
    bodies: BTreeMap<String, String>,
    facts: HashSet<String>,
    errors: &'a mut Vec<String>,
}

impl Checker<'_> {
    fn fail(&mut self, message: String) {
        self.errors.push(format!("{}: {message}", self.name));
    }

    fn text(&mut self, file: &str, text: &str) {
        let Some(body) = self.bodies.get(file) else {
            self.fail(format!("no file {file:?}"));
            return;
        };
        let wanted = squash(text);
        let count = body.matches(&wanted).count();
        if count != 1 {
            self.fail(format!("{file}: {text:?} occurs {count} times"));
        }
    }

    fn fact(&mut self, fact: &str, missed: bool) {
        match (missed, self.facts.contains(fact)) {
            (false, false) => self.fail(format!("{fact:?} names no fact of facts.toml")),
            (true, true) => self.fail(format!("{fact:?} is marked missed but facts.toml has it")),
            _ => {}
        }
    }

    fn files<'f>(&mut self, what: &str, files: impl Iterator<Item = &'f str>, least: usize) {
        let distinct: BTreeSet<&str> = files.collect();
        if distinct.len() < least {
            self.fail(format!("{what:?}: only {} distinct files", distinct.len()));
        }
    }

    fn insights(&mut self, insights: &Insights) {
        for d in &insights.discrepancy {
            self.fact(&d.fact, d.missed);
            if !KINDS.contains(&d.kind.as_str()) {
                self.fail(format!("{:?}: unknown kind {:?}", d.what, d.kind));
            }
            self.files(&d.what, d.sides.iter().map(|s| s.file.as_str()), 2);
            let values: BTreeSet<&str> = d.sides.iter().map(|s| s.value.as_str()).collect();
            if values.len() < 2 {
                self.fail(format!("{:?}: every side gives one value", d.what));
            }
            for side in &d.sides {
                self.text(&side.file, &side.text);
            }
        }
        for a in &insights.agreement {
            self.fact(&a.fact, a.missed);
            self.files(&a.why, a.sides.iter().map(|s| s.file.as_str()), 2);
            for side in &a.sides {
                self.text(&side.file, &side.text);
            }
        }
        for q in &insights.quote {
            self.files(&q.what, q.versions.iter().map(|v| v.file.as_str()), 2);
            let fullest = fullest(&q.versions);
            for v in &q.versions {
                self.text(&v.file, &v.text);
                let in_body = self
                    .bodies
                    .get(&v.file)
                    .is_some_and(|body| body.contains(&squash(&v.quoted)));
                if !in_body {
                    self.fail(format!(
                        "{}: quoted {:?} is not in the body",
                        v.file, v.quoted
                    ));
                }
                if v.speaker.trim() != v.speaker {
                    self.fail(format!(
                        "{}: speaker {:?} has stray spaces",
                        v.file, v.speaker
                    ));
                }
                if !CLASSES.contains(&v.class.as_str()) {
                    self.fail(format!("{}: unknown class {:?}", v.file, v.class));
                }
                let found = class_of(&words(&v.quoted), &fullest);
                if found != v.class {
                    self.fail(format!(
                        "{:?} in {}: class {:?}, but the words make it {found:?}",
                        q.what, v.file, v.class
                    ));
                }
            }
        }
        for s in &insights.shift {
            self.fact(&s.fact, s.missed);
            self.files(&s.fact, s.versions.iter().map(|v| v.file.as_str()), 2);
            let stances: BTreeSet<&str> = s.versions.iter().map(|v| v.stance.as_str()).collect();
            if stances.len() < 2 {
                self.fail(format!("{:?}: one stance only, no shift", s.fact));
            }
            for v in &s.versions {
                if !STANCES.contains(&v.stance.as_str()) {
                    self.fail(format!("{}: unknown stance {:?}", v.file, v.stance));
                }
                self.text(&v.file, &v.text);
            }
        }
    }
}

fn bodies_in(dir: &Path) -> BTreeMap<String, String> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .filter_map(|path| {
            let stem = path.file_stem()?.to_string_lossy().into_owned();
            Some((stem, body(&read(&path))))
        })
        .collect()
}

fn check(name: &str, annotations: &Path, facts: &Path, texts: &Path, errors: &mut Vec<String>) {
    let insights: Insights = parse(annotations);
    let facts: Facts = parse(facts);
    let mut checker = Checker {
        name: name.to_string(),
        bodies: bodies_in(texts),
        facts: facts.fact.into_iter().map(|f| f.what).collect(),
        errors,
    };
    checker.insights(&insights);
    println!(
        "{name}: {} discrepancies ({} maybe), {} agreements, {} quotes, {} shifts",
        insights.discrepancy.len(),
        insights.discrepancy.iter().filter(|d| d.maybe).count(),
        insights.agreement.len(),
        insights.quote.len(),
        insights.shift.len()
    );
}

#[test]
fn story_insight_annotations_point_at_their_texts() {
    if !stories_dir().is_dir() {
        println!(
            "story_insight_annotations_point_at_their_texts: SKIPPED — {} is absent, the story annotations are not checked",
            stories_dir().display()
        );
        return;
    }
    let mut errors = Vec::new();
    for story in STORIES {
        let dir = root().join("tests/annotations/stories").join(story);
        check(
            story,
            &dir.join("insights.toml"),
            &dir.join("facts.toml"),
            &stories_dir().join(story),
            &mut errors,
        );
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn built_in_insight_annotations_point_at_their_texts() {
    let mut errors = Vec::new();
    check(
        "built-in corpus",
        &root().join("tests/expectations/insights.toml"),
        &root().join("tests/expectations/facts.toml"),
        &root().join("assets"),
        &mut errors,
    );
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn synthetic_cases_cover_every_kind_and_every_agreement() {
    let synthetic: Synthetic = parse(&root().join("tests/expectations/insights_synthetic.toml"));
    let mut errors = Vec::new();
    let mut expected: BTreeMap<&str, usize> = BTreeMap::new();
    let mut families: BTreeMap<&str, usize> = BTreeMap::new();
    for case in &synthetic.case {
        expected
            .entry(case.expect.as_str())
            .and_modify(|n| *n += 1)
            .or_insert(1);
        if case.expect == "none" {
            let family = case.why.split(':').next().unwrap_or_default().trim();
            if !NONE_FAMILIES.contains(&family) {
                errors.push(format!("{:?}: `why` names no family before ':'", case.a));
            }
            families.entry(family).and_modify(|n| *n += 1).or_insert(1);
        } else if !KINDS.contains(&case.expect.as_str()) {
            errors.push(format!("{:?}: unknown expect {:?}", case.a, case.expect));
        }
        if case.expect == "update" {
            match (&case.a_date, &case.b_date) {
                (Some(a), Some(b)) if a < b => {}
                _ => errors.push(format!(
                    "{:?}: an update needs a_date before b_date",
                    case.a
                )),
            }
        }
        if case.a == case.b {
            errors.push(format!("{:?}: a and b are the same sentence", case.a));
        }
    }
    for kind in KINDS.iter().chain(["none"].iter()) {
        let n = expected.get(kind).copied().unwrap_or(0);
        if n < MIN_CASES {
            errors.push(format!("{kind}: {n} cases, fewer than {MIN_CASES}"));
        }
    }
    for family in NONE_FAMILIES {
        let n = families.get(family).copied().unwrap_or(0);
        if n < MIN_CASES {
            errors.push(format!(
                "none ({family}): {n} cases, fewer than {MIN_CASES}"
            ));
        }
    }
    if synthetic.case.len() < 40 {
        errors.push(format!("{} cases, fewer than 40", synthetic.case.len()));
    }
    if synthetic.quote_case.len() < 12 {
        errors.push(format!(
            "{} quote cases, fewer than 12",
            synthetic.quote_case.len()
        ));
    }
    for case in &synthetic.quote_case {
        let (Some(a), Some(b)) = (quoted(&case.a), quoted(&case.b)) else {
            errors.push(format!("{:?} / {:?}: no quotation in both", case.a, case.b));
            continue;
        };
        let (a, b) = (words(a), words(b));
        let fullest = if a.len() >= b.len() { &a } else { &b };
        let shorter = if a.len() >= b.len() { &b } else { &a };
        let found = class_of(shorter, fullest);
        if found != case.expect {
            errors.push(format!(
                "{:?} / {:?}: expect {:?}, but the words make it {found:?}",
                case.a, case.b, case.expect
            ));
        }
    }
    let classes: BTreeSet<&str> = synthetic
        .quote_case
        .iter()
        .map(|c| c.expect.as_str())
        .collect();
    for class in CLASSES {
        if !classes.contains(class) {
            errors.push(format!("no quote case of class {class}"));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// The invented pairs must not borrow from the texts crossread is measured
/// on: no run of five words of a case may occur in a story, the built-in
/// corpus or a seed article.
#[test]
fn synthetic_cases_share_no_wording_with_the_data() {
    let synthetic: Synthetic = parse(&root().join("tests/expectations/insights_synthetic.toml"));
    let mut texts: Vec<String> = bodies_in(&root().join("assets")).into_values().collect();
    let seeds = root().join("../shared/seeds");
    if seeds.is_dir() {
        texts.extend(bodies_in(&seeds).into_values());
    }
    if stories_dir().is_dir() {
        for story in STORIES {
            texts.extend(bodies_in(&stories_dir().join(story)).into_values());
        }
    } else {
        println!(
            "synthetic_cases_share_no_wording_with_the_data: {} is absent, checked against the built-in corpus only",
            stories_dir().display()
        );
    }
    let runs: HashSet<Vec<String>> = texts
        .iter()
        .flat_map(|text| {
            let w = words(text);
            w.windows(5).map(<[String]>::to_vec).collect::<Vec<_>>()
        })
        .collect();
    let sentences = synthetic
        .case
        .iter()
        .flat_map(|c| [&c.a, &c.b])
        .chain(synthetic.quote_case.iter().flat_map(|c| [&c.a, &c.b]));
    let borrowed: Vec<&String> = sentences
        .filter(|s| words(s).windows(5).any(|w| runs.contains(w)))
        .collect();
    assert!(borrowed.is_empty(), "borrowed wording: {borrowed:?}");
}
