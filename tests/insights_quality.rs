//! Insights measured against hand annotations written before any insights
//! code existed: tests/annotations/stories/*/insights.toml for the three
//! real stories of ../shared/datasets/stories (each its own corpus, as a
//! user would open it; `uk-election-2024` held out and reported apart),
//! tests/expectations/insights.toml for the built-in corpus, and the
//! invented pairs of tests/expectations/insights_synthetic.toml.
//!
//! Discrepancies, per finding (what a reader sees flagged):
//! - precision: findings that are an annotated discrepancy side for side
//!   (every side the engine gives is an annotated sentence with its
//!   annotated value, qualifiers such as "at least" or "exceeding" and
//!   units aside ("7.9" is "7.9 magnitude"), or the source's annotated
//!   value repeated in another sentence; sides in different groups carry
//!   different values, one measure in two units ("10km", "6.2 miles")
//!   being one value; an extra side the annotation
//!   does not hold, such as another city's toll, makes the finding wrong),
//!   of the same kind, or number against update (reported apart as kind
//!   errors) ÷ findings; a finding that is a `maybe` discrepancy counts
//!   neither way;
//! - recall: annotated discrepancies (not `maybe`) with a right finding.
//!
//! Shifts: found shifts that an annotated shift holds two sentences of with
//! different stances, and the stances of the sentences annotated.
//!
//! Quote provenance: of the annotated versions the engine finds in a
//! quotation of two or more sources, those whose class is the annotated one.
//!
//! `QUALITY_VERBOSE=1 cargo test --release --test insights_quality -- --nocapture`
//! lists every wrong and missed finding, except the held-out story's.

mod located;

use crossread::analysis::{analyze_report, open_corpus};
use crossread::facts::{Facts, SentenceRef};
use crossread::insights::{self, Discrepancy, DiscrepancyKind, Insights, numbers};
use crossread::load::{Document, Format, LoadReport, load_paths};
use crossread::model::{Corpus, Origin};
use crossread::topics::CorpusIndex;
use located::{locate, squash};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const TUNED: [&str; 2] = ["bankman-fried-verdict-2023", "myanmar-earthquake-2025"];
const HELD_OUT: [&str; 1] = ["uk-election-2024"];

// The floors.
const PRECISION_FLOOR: f64 = 0.85;
const RECALL_FLOOR: f64 = 0.60;
const QUOTE_CLASS_FLOOR: f64 = 0.90;

#[derive(Deserialize, Default)]
struct Annotation {
    #[serde(default)]
    discrepancy: Vec<AnnotatedDiscrepancy>,
    #[serde(default)]
    quote: Vec<AnnotatedQuote>,
    #[serde(default)]
    shift: Vec<AnnotatedShift>,
}

#[derive(Deserialize)]
struct AnnotatedShift {
    versions: Vec<AnnotatedStance>,
}

#[derive(Deserialize)]
struct AnnotatedStance {
    file: String,
    text: String,
    stance: String,
}

#[derive(Deserialize)]
struct AnnotatedDiscrepancy {
    kind: String,
    what: String,
    #[serde(default)]
    maybe: bool,
    sides: Vec<AnnotatedSide>,
}

#[derive(Deserialize)]
struct AnnotatedSide {
    file: String,
    text: String,
    value: String,
}

#[derive(Deserialize)]
struct AnnotatedQuote {
    versions: Vec<AnnotatedVersion>,
}

#[derive(Deserialize)]
struct AnnotatedVersion {
    file: String,
    text: String,
    class: String,
}

fn read<T: for<'de> Deserialize<'de>>(path: &Path) -> T {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

fn verbose() -> bool {
    std::env::var_os("QUALITY_VERBOSE").is_some()
}

/// A value as compared between annotated sides: qualifiers dropped,
/// spelled numbers as digits, so "at least 144" and "144" are one side.
fn value_key(value: &str) -> String {
    const QUALIFIERS: &[&str] = &[
        "at",
        "least",
        "more",
        "than",
        "over",
        "about",
        "nearly",
        "almost",
        "around",
        "some",
        "up",
        "to",
        "as",
        "many",
        "much",
        "just",
        "a",
        "an",
        "the",
        "of",
        "exceeding",
    ];
    const SPELLED: &[(&str, &str)] = &[
        ("one", "1"),
        ("two", "2"),
        ("three", "3"),
        ("four", "4"),
        ("five", "5"),
        ("six", "6"),
        ("seven", "7"),
        ("eight", "8"),
        ("nine", "9"),
        ("ten", "10"),
        ("twelve", "12"),
        ("twenty", "20"),
    ];
    value
        .to_lowercase()
        .replace(',', "")
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty() && !QUALIFIERS.contains(w))
        .map(|w| {
            SPELLED
                .iter()
                .find(|(word, _)| *word == w)
                .map_or(w.to_string(), |(_, digits)| digits.to_string())
        })
        .collect::<String>()
}

/// Number and update are one disagreement read two ways.
fn same_family(a: &str, b: &str) -> bool {
    let figure = |k: &str| k == "number" || k == "update";
    a == b || (figure(a) && figure(b))
}

#[derive(Default)]
struct Tally {
    found: usize,
    right: usize,
    kind_errors: usize,
    gold: usize,
    recalled: usize,
    quote_versions: usize,
    quote_found: usize,
    quote_right: usize,
    shifts_found: usize,
    shifts_right: usize,
    stances_judged: usize,
    stances_right: usize,
    lines: Vec<String>,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.found += other.found;
        self.right += other.right;
        self.kind_errors += other.kind_errors;
        self.gold += other.gold;
        self.recalled += other.recalled;
        self.quote_versions += other.quote_versions;
        self.quote_found += other.quote_found;
        self.quote_right += other.quote_right;
        self.shifts_found += other.shifts_found;
        self.shifts_right += other.shifts_right;
        self.stances_judged += other.stances_judged;
        self.stances_right += other.stances_right;
        self.lines.extend(other.lines);
    }

    fn precision(&self) -> f64 {
        ratio(self.right, self.found)
    }

    fn recall(&self) -> f64 {
        ratio(self.recalled, self.gold)
    }

    fn quote_class(&self) -> f64 {
        ratio(self.quote_right, self.quote_found)
    }

    fn shift_precision(&self) -> f64 {
        ratio(self.shifts_right, self.shifts_found)
    }

    fn stance_accuracy(&self) -> f64 {
        ratio(self.stances_right, self.stances_judged)
    }

    fn report(&self, name: &str) -> String {
        format!(
            "{name}: discrepancy precision {:.3} ({}/{}, {} of the right with number/update swapped), recall {:.3} ({}/{}); quote classes right {:.3} ({}/{}, {} of {} annotated versions found); \
             shifts right {:.3} ({}/{}), stances right {:.3} ({}/{} of the versions annotated)",
            self.precision(),
            self.right,
            self.found,
            self.kind_errors,
            self.recall(),
            self.recalled,
            self.gold,
            self.quote_class(),
            self.quote_right,
            self.quote_found,
            self.quote_found,
            self.quote_versions,
            self.shift_precision(),
            self.shifts_right,
            self.shifts_found,
            self.stance_accuracy(),
            self.stances_right,
            self.stances_judged,
        )
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// One source's side: its article, sentence and value key.
#[derive(Clone)]
struct Said {
    article: usize,
    sentence: Option<usize>,
    value: String,
    /// The value as annotated.
    worded: String,
}

/// One figure written two ways in one sentence ("14 miles (22 km)"), as
/// the engine's own reading of amounts and units tells.
fn same_figure(a: &str, b: &str) -> bool {
    let (a, b) = (numbers::figures(a, 0), numbers::figures(b, 0));
    match (&a.quantities[..], &b.quantities[..]) {
        ([x], [y]) => x.agrees(y) == Some(true),
        _ => false,
    }
}

/// The annotated value with its unit aside: the annotations give a
/// measure's number as the text words it ("7.9" in "reached 7.9
/// magnitude"), the engine the number with its unit.
fn same_number(annotated: &str, found: &str) -> bool {
    let (a, b) = (numbers::figures(annotated, 0), numbers::figures(found, 0));
    match (&a.quantities[..], &b.quantities[..]) {
        ([x], [y]) => {
            let bare = |q: &numbers::Quantity| q.unit == numbers::Unit::Count && q.head.is_none();
            (bare(x) || bare(y)) && x.low == y.low && x.high == y.high
        }
        _ => false,
    }
}

/// Two annotated sides give one value: the same words, qualifiers aside,
/// or one measure in two units ("10km", "6.2 miles"), as the annotations'
/// agreements read them.
fn same_annotated(a: &Said, b: &Said) -> bool {
    a.value == b.value || same_figure(&a.worded, &b.worded)
}

/// Whether the found discrepancy is the annotated one, side for side:
/// every found side is an annotated side (the same source and sentence,
/// the annotated value), sides the engine puts in different groups carry
/// different annotated values, and sides in one group the same value. A
/// side the annotation does not hold (another scope, another occasion)
/// makes the finding wrong, however right its other sides are.
fn matches_dispute(found: &Discrepancy, gold: &[Said]) -> bool {
    let mut matched: Vec<(usize, &Said)> = Vec::new();
    for side in &found.sides {
        let value = value_key(&side.value);
        let Some(annotated) = gold.iter().find(|g| {
            g.article == side.sentence.article
                && (g.value == value
                    || same_number(&g.worded, &side.value)
                    || (g.sentence == Some(side.sentence.sentence)
                        && same_figure(&g.worded, &side.value)))
        }) else {
            return false;
        };
        matched.push((side.group, annotated));
    }
    let consistent = matched.iter().all(|(group_a, a)| {
        matched
            .iter()
            .all(|(group_b, b)| (group_a == group_b) == same_annotated(a, b))
    });
    let groups = matched
        .iter()
        .map(|(group, _)| group)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    consistent && groups >= 2
}

fn score(corpus: &Corpus, annotation: &Annotation, insights: &Insights) -> Tally {
    let mut tally = Tally::default();
    let gold: Vec<(bool, &str, Vec<Said>)> = annotation
        .discrepancy
        .iter()
        .map(|d| {
            let sides = d
                .sides
                .iter()
                .map(|s| Said {
                    article: located::article_of(corpus, &s.file),
                    sentence: locate(corpus, &s.file, &s.text).map(|(_, sentence)| sentence),
                    value: value_key(&s.value),
                    worded: s.value.clone(),
                })
                .collect();
            (d.maybe, d.kind.as_str(), sides)
        })
        .collect();
    let mut recalled = vec![false; gold.len()];
    for found in &insights.discrepancies {
        let kind = found.kind.as_str();
        let mut right = None;
        let mut maybe_only = true;
        for (at, (maybe, gold_kind, gold_sides)) in gold.iter().enumerate() {
            let shared = matches_dispute(found, gold_sides);
            if !shared {
                continue;
            }
            if *maybe {
                continue;
            }
            maybe_only = false;
            if same_family(kind, gold_kind) {
                recalled[at] = true;
                right = Some(kind == *gold_kind);
            }
        }
        let touches_maybe = gold
            .iter()
            .any(|(maybe, _, g)| *maybe && matches_dispute(found, g));
        if right.is_none() && maybe_only && touches_maybe {
            continue;
        }
        tally.found += 1;
        match right {
            Some(exact) => {
                tally.right += 1;
                if !exact {
                    tally.kind_errors += 1;
                }
            }
            None => tally
                .lines
                .push(format!("  WRONG {}", describe(corpus, found))),
        }
    }
    for (at, (maybe, kind, sides)) in gold.iter().enumerate() {
        let disputes = sides.iter().any(|a| {
            sides
                .iter()
                .any(|b| a.article != b.article && a.value != b.value)
        });
        if *maybe || !disputes {
            continue;
        }
        tally.gold += 1;
        if recalled[at] {
            tally.recalled += 1;
        } else {
            tally.lines.push(format!(
                "  MISSED [{kind}] {}",
                annotation.discrepancy[at].what
            ));
        }
    }
    for quote in &annotation.quote {
        for version in &quote.versions {
            tally.quote_versions += 1;
            let Some(sentence) = locate(corpus, &version.file, &version.text) else {
                continue;
            };
            let found = insights.quotes.iter().find_map(|group| {
                group
                    .versions
                    .iter()
                    .find(|v| (v.sentence.article, v.sentence.sentence) == sentence)
            });
            if let Some(found) = found {
                tally.quote_found += 1;
                if found.class.as_str() == version.class {
                    tally.quote_right += 1;
                } else {
                    tally.lines.push(format!(
                        "  QUOTE [{}] {:?}: found {}, annotated {}",
                        version.file,
                        version.text,
                        found.class.as_str(),
                        version.class
                    ));
                }
            }
        }
    }
    score_shifts(corpus, annotation, insights, &mut tally);
    tally
}

/// Shifts: a found shift is right when an annotated shift holds two of its
/// sentences with different annotated stances; a stance is right when a
/// sentence the annotation gives a stance to has that stance.
fn score_shifts(corpus: &Corpus, annotation: &Annotation, insights: &Insights, tally: &mut Tally) {
    let gold: Vec<Vec<((usize, usize), &str)>> = annotation
        .shift
        .iter()
        .map(|shift| {
            shift
                .versions
                .iter()
                .filter_map(|v| locate(corpus, &v.file, &v.text).map(|at| (at, v.stance.as_str())))
                .collect()
        })
        .collect();
    for shift in &insights.shifts {
        tally.shifts_found += 1;
        let versions: Vec<((usize, usize), &str)> = shift
            .versions
            .iter()
            .map(|(at, stance)| ((at.article, at.sentence), stance.as_str()))
            .collect();
        for (at, stance) in &versions {
            let Some((_, annotated)) = gold.iter().flatten().find(|(g, _)| g == at) else {
                continue;
            };
            tally.stances_judged += 1;
            if annotated == stance {
                tally.stances_right += 1;
            } else {
                let article = &corpus.articles[at.0];
                tally.lines.push(format!(
                    "  STANCE [{}] {stance}, annotated {annotated}: {}",
                    article.id,
                    squash(article.sentence_text(&article.sentences[at.1]))
                ));
            }
        }
        let right = gold.iter().any(|annotated| {
            let held: std::collections::BTreeSet<&str> = versions
                .iter()
                .filter_map(|(at, _)| annotated.iter().find(|(g, _)| g == at).map(|(_, s)| *s))
                .collect();
            held.len() >= 2
        });
        if right {
            tally.shifts_right += 1;
        } else {
            let sides: Vec<String> = versions
                .iter()
                .map(|(at, stance)| format!("[{}] {stance}", corpus.articles[at.0].id))
                .collect();
            tally
                .lines
                .push(format!("  WRONG SHIFT {}", sides.join(" · ")));
        }
    }
}

fn describe(corpus: &Corpus, found: &Discrepancy) -> String {
    let sides: Vec<String> = found
        .sides
        .iter()
        .map(|s| {
            let article = &corpus.articles[s.sentence.article];
            let text = squash(article.sentence_text(&article.sentences[s.sentence.sentence]));
            if verbose() {
                format!("[{}|{}] {} «{}»", article.id, s.group, s.value, text)
            } else {
                format!("[{}|{}] {}", article.id, s.group, s.value)
            }
        })
        .collect();
    format!(
        "{} {}: {}",
        found.kind.as_str(),
        found.what,
        sides.join(" · ")
    )
}

fn insights_of(corpus: &Corpus) -> Insights {
    let index = CorpusIndex::build(corpus);
    let facts = Facts::build(corpus, &index);
    Insights::build(corpus, &facts)
}

fn stories_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets/stories")
}

fn score_stories(stories: &[&str]) -> Option<Tally> {
    let dir = stories_dir();
    if !dir.is_dir() {
        println!(
            "skipped: {} is absent (a user's clone has no ../shared)",
            dir.display()
        );
        return None;
    }
    let mut total = Tally::default();
    for story in stories {
        let corpus = analyze_report(load_paths(&[dir.join(story)]));
        let annotation: Annotation = read(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/annotations/stories")
                .join(story)
                .join("insights.toml"),
        );
        let tally = score(&corpus, &annotation, &insights_of(&corpus));
        println!("{}", tally.report(story));
        total.add(tally);
    }
    // The held-out story's findings stay unread: only its figures print.
    if verbose() && !stories.iter().any(|s| HELD_OUT.contains(s)) {
        for line in &total.lines {
            println!("{line}");
        }
    }
    Some(total)
}

fn floors(tally: &Tally) -> String {
    let status = |value: f64, floor: f64| if value >= floor { "met" } else { "NOT met" };
    format!(
        "floors: precision {:.2} {}, recall {:.2} {}, quote classes {:.2} {}",
        PRECISION_FLOOR,
        status(tally.precision(), PRECISION_FLOOR),
        RECALL_FLOOR,
        status(tally.recall(), RECALL_FLOOR),
        QUOTE_CLASS_FLOOR,
        status(tally.quote_class(), QUOTE_CLASS_FLOOR)
    )
}

#[test]
fn tuned_stories() {
    let Some(tally) = score_stories(&TUNED) else {
        return;
    };
    println!("{}", tally.report("tuned"));
    println!("{}", floors(&tally));
    assert!(
        tally.precision() >= PRECISION_FLOOR,
        "{}",
        tally.report("tuned")
    );
    // Reached in session 10, once the measures of one thing were read.
    assert!(tally.recall() >= RECALL_FLOOR, "{}", tally.report("tuned"));
    assert!(
        tally.quote_class() >= QUOTE_CLASS_FLOOR,
        "{}",
        tally.report("tuned")
    );
    // No floor in the issue; the figures reached in session 12 (shifts
    // 0.364 -> 0.480, stances 0.833 -> 0.857) as a guard.
    assert!(
        tally.shift_precision() >= 0.48 && tally.stance_accuracy() >= 0.85,
        "shifts fell: {}",
        tally.report("tuned")
    );
}

#[test]
fn held_out_story() {
    let Some(tally) = score_stories(&HELD_OUT) else {
        return;
    };
    println!("{}", tally.report("held out"));
    println!("{}", floors(&tally));
}

#[test]
fn built_in_corpus() {
    let corpus = open_corpus(&[]).expect("the built-in corpus loads");
    let annotation: Annotation =
        read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expectations/insights.toml"));
    let tally = score(&corpus, &annotation, &insights_of(&corpus));
    println!("{}", tally.report("built-in"));
    if verbose() {
        for line in &tally.lines {
            println!("{line}");
        }
    }
    assert!(
        tally.precision() >= PRECISION_FLOOR,
        "{}",
        tally.report("built-in")
    );
}

#[derive(Deserialize)]
struct Synthetic {
    case: Vec<Case>,
    quote_case: Vec<QuoteCase>,
}

#[derive(Deserialize)]
struct Case {
    a: String,
    b: String,
    a_date: Option<String>,
    b_date: Option<String>,
    expect: String,
    why: String,
}

#[derive(Deserialize)]
struct QuoteCase {
    a: String,
    b: String,
    expect: String,
}

fn pair_corpus(a: &str, a_date: Option<&str>, b: &str, b_date: Option<&str>) -> Corpus {
    let document = |id: &str, body: &str, date: Option<&str>| Document {
        id: id.to_string(),
        title: Some(format!("{id} report")),
        source: Some(id.to_string()),
        date: date.map(str::to_string),
        url: None,
        origin: Origin::Builtin("synthetic"),
        body: body.to_string(),
        format: Format::Text,
        markup_blocks: None,
    };
    analyze_report(LoadReport {
        documents: vec![document("a", a, a_date), document("b", b, b_date)],
        warnings: Vec::new(),
    })
}

/// The words inside the outermost quotation marks of a sentence.
fn quoted(text: &str) -> &str {
    let open = text.find(['“', '"']).map_or(0, |at| {
        at + text[at..].chars().next().map_or(1, char::len_utf8)
    });
    let close = text
        .rfind(['”', '"'])
        .filter(|&at| at >= open)
        .unwrap_or(text.len());
    &text[open..close]
}

#[test]
fn synthetic_pairs() {
    let cases: Synthetic = read(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expectations/insights_synthetic.toml"),
    );
    let mut right = 0;
    let mut false_alarms = 0;
    let mut nones = 0;
    let mut by_kind: HashMap<String, (usize, usize)> = HashMap::new();
    let mut wrong = Vec::new();
    for case in &cases.case {
        let corpus = pair_corpus(
            &case.a,
            case.a_date.as_deref(),
            &case.b,
            case.b_date.as_deref(),
        );
        let first = |article: usize| SentenceRef {
            article,
            sentence: 0,
        };
        let found: Vec<DiscrepancyKind> =
            insights::discrepancies_between(&corpus, first(0), first(1))
                .into_iter()
                .map(|d| d.kind)
                .collect();
        let ok = if case.expect == "none" {
            nones += 1;
            if !found.is_empty() {
                false_alarms += 1;
            }
            found.is_empty()
        } else {
            found.len() == 1 && found[0].as_str() == case.expect
        };
        let entry = by_kind.entry(case.expect.clone()).or_default();
        entry.1 += 1;
        if ok {
            right += 1;
            entry.0 += 1;
        } else {
            wrong.push(format!(
                "  [{}] found {:?} ({}): {} / {}",
                case.expect,
                found,
                case.why,
                squash(&case.a),
                squash(&case.b)
            ));
        }
    }
    let mut kinds: Vec<_> = by_kind.into_iter().collect();
    kinds.sort();
    println!(
        "synthetic: {right}/{} right, {false_alarms} false alarms of {nones} agreeing pairs; by kind {:?}",
        cases.case.len(),
        kinds
    );
    if verbose() {
        for line in &wrong {
            println!("{line}");
        }
    }
    let mut quotes_right = 0;
    for case in &cases.quote_case {
        let class = insights::quote_class(quoted(&case.a), quoted(&case.b));
        if class.as_str() == case.expect {
            quotes_right += 1;
        } else {
            println!(
                "  QUOTE found {} expected {}: {} / {}",
                class.as_str(),
                case.expect,
                case.a,
                case.b
            );
        }
    }
    println!(
        "synthetic quotes: {quotes_right}/{}",
        cases.quote_case.len()
    );
    assert!(
        false_alarms * 10 <= nones,
        "agreeing pairs flagged: {false_alarms} of {nones}\n{}",
        wrong.join("\n")
    );
    assert!(
        quotes_right as f64 >= QUOTE_CLASS_FLOOR * cases.quote_case.len() as f64,
        "quote classes {quotes_right}/{}",
        cases.quote_case.len()
    );
}
