//! Entity and claim quality against the hand annotations in tests/annotations/.
//!
//! Annotations are keyed by text: an entity by its surface forms, a claim or
//! non-claim by a snippet of its sentence (quotes and apostrophes normalised).
//! Scoring:
//! - entities: distinct (article, surface form) pairs; precision, recall, F1;
//!   type accuracy over the matched pairs; linking = annotated entities whose
//!   found variants all share one canonical name.
//! - claims: recall = annotated claims inside a found claim; non-claims rejected
//!   = annotated non-claims inside no found claim; speakers right = recalled
//!   claims whose speaker matches (case-insensitive; one may be the other with
//!   leading modifiers, "U.S. officials" / "Senior U.S. officials").
//!
//! `QUALITY_VERBOSE=1 cargo test --test quality -- --nocapture` lists every miss.

use crossread::analysis::analyze_report;
use crossread::load::{LoadReport, builtin, load_paths};
use crossread::model::{Article, ClaimKind, Corpus, Origin};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
struct Annotation {
    /// Built-in article id, or the Reuters file name.
    article: String,
    entities: Vec<GoldEntity>,
    claims: Vec<GoldClaim>,
    non_claims: Vec<GoldNonClaim>,
    #[serde(default)]
    unscored: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldEntity {
    canonical: String,
    #[serde(rename = "type")]
    kind: String,
    variants: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldClaim {
    text: String,
    kinds: Vec<String>,
    speaker: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GoldNonClaim {
    text: String,
    why: String,
}

fn normalise(text: &str) -> String {
    text.replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn load_annotations(dir: &Path) -> Vec<Annotation> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            toml::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
        })
        .collect()
}

#[derive(Debug, Default)]
struct Scores {
    entity_true: usize,
    entity_found: usize,
    entity_gold: usize,
    type_right: usize,
    linked: usize,
    linkable: usize,
    claims_gold: usize,
    claims_recalled: usize,
    kinds_exact: usize,
    non_claims: usize,
    non_claims_rejected: usize,
    speakers_right: usize,
    misses: Vec<String>,
}

impl Scores {
    fn precision(&self) -> f64 {
        ratio(self.entity_true, self.entity_found)
    }
    fn recall(&self) -> f64 {
        ratio(self.entity_true, self.entity_gold)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn report(&self, name: &str) -> String {
        format!(
            "{name}: entities P {:.3} R {:.3} F1 {:.3} ({} found, {} annotated), type accuracy {:.3}, \
             linking {:.3} ({}/{}); claims recall {:.3} ({}/{}), kinds exact {:.3}, \
             non-claims rejected {:.3} ({}/{}), speakers right {:.3} ({}/{})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.entity_found,
            self.entity_gold,
            ratio(self.type_right, self.entity_true),
            ratio(self.linked, self.linkable),
            self.linked,
            self.linkable,
            ratio(self.claims_recalled, self.claims_gold),
            self.claims_recalled,
            self.claims_gold,
            ratio(self.kinds_exact, self.claims_recalled),
            ratio(self.non_claims_rejected, self.non_claims),
            self.non_claims_rejected,
            self.non_claims,
            ratio(self.speakers_right, self.claims_recalled),
            self.speakers_right,
            self.claims_recalled,
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

fn speaker_matches(gold: Option<&str>, found: Option<&str>) -> bool {
    match (gold, found) {
        (None, None) => true,
        (Some(gold), Some(found)) => {
            let (gold, found) = (
                normalise(gold).to_lowercase(),
                normalise(found).to_lowercase(),
            );
            gold == found
                || gold.ends_with(&format!(" {found}"))
                || found.ends_with(&format!(" {gold}"))
        }
        _ => false,
    }
}

fn score(article: &Article, gold: &Annotation, scores: &mut Scores) {
    let id = &article.id;
    // Entities: distinct surface forms with the type found most often.
    let mut found: BTreeMap<String, BTreeMap<&'static str, usize>> = BTreeMap::new();
    let mut canonical_of: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entity in &article.entities {
        let surface = normalise(&entity.text);
        *found
            .entry(surface.clone())
            .or_default()
            .entry(entity.kind.as_str())
            .or_default() += 1;
        canonical_of
            .entry(surface)
            .or_default()
            .insert(entity.canonical.clone());
    }
    let mut gold_surfaces: BTreeMap<String, &str> = BTreeMap::new();
    for entity in &gold.entities {
        for variant in &entity.variants {
            gold_surfaces.insert(normalise(variant), entity.kind.as_str());
        }
        let canonicals: BTreeSet<&String> = entity
            .variants
            .iter()
            .filter_map(|variant| canonical_of.get(&normalise(variant)))
            .flatten()
            .collect();
        if entity.variants.len() > 1 {
            scores.linkable += 1;
            if canonicals.len() == 1 {
                scores.linked += 1;
            } else {
                scores.misses.push(format!(
                    "{id}: {} linked as {canonicals:?}",
                    entity.canonical
                ));
            }
        }
    }
    scores.entity_found += found.len();
    scores.entity_gold += gold_surfaces.len();
    for (surface, kinds) in &found {
        let kind = kinds
            .iter()
            .max_by_key(|(_, count)| **count)
            .map(|(kind, _)| *kind);
        match gold_surfaces.get(surface) {
            Some(gold_kind) => {
                scores.entity_true += 1;
                if Some(*gold_kind) == kind {
                    scores.type_right += 1;
                } else {
                    scores.misses.push(format!(
                        "{id}: {surface} typed {kind:?}, annotated {gold_kind}"
                    ));
                }
            }
            None => scores
                .misses
                .push(format!("{id}: extra entity {surface} ({kind:?})")),
        }
    }
    for surface in gold_surfaces.keys() {
        if !found.contains_key(surface) {
            scores.misses.push(format!("{id}: missed entity {surface}"));
        }
    }
    // Claims.
    let found_claims: Vec<(String, &crossread::model::Claim)> = article
        .claims
        .iter()
        .map(|claim| (normalise(&claim.text), claim))
        .collect();
    let unscored: Vec<String> = gold.unscored.iter().map(|text| normalise(text)).collect();
    for claim in &gold.claims {
        let snippet = normalise(&claim.text);
        assert!(
            normalise(&article.body).contains(&snippet),
            "{id}: annotated claim not in the text: {snippet}"
        );
        assert!(!unscored.contains(&snippet));
        scores.claims_gold += 1;
        let Some((_, found)) = found_claims
            .iter()
            .find(|(text, _)| text.contains(&snippet))
        else {
            scores.misses.push(format!("{id}: missed claim: {snippet}"));
            continue;
        };
        scores.claims_recalled += 1;
        let gold_kinds: BTreeSet<Option<ClaimKind>> = claim
            .kinds
            .iter()
            .map(|kind| ClaimKind::parse(kind))
            .collect();
        assert!(
            !gold_kinds.contains(&None),
            "{id}: unknown kind in {:?}",
            claim.kinds
        );
        let found_kinds: BTreeSet<Option<ClaimKind>> =
            found.kinds.iter().map(|kind| Some(*kind)).collect();
        if gold_kinds == found_kinds {
            scores.kinds_exact += 1;
        }
        if speaker_matches(claim.speaker.as_deref(), found.speaker.as_deref()) {
            scores.speakers_right += 1;
        } else {
            scores.misses.push(format!(
                "{id}: speaker {:?}, annotated {:?}: {snippet}",
                found.speaker, claim.speaker
            ));
        }
    }
    for non_claim in &gold.non_claims {
        let snippet = normalise(&non_claim.text);
        assert!(
            normalise(&article.body).contains(&snippet),
            "{id}: annotated non-claim not in the text: {snippet}"
        );
        scores.non_claims += 1;
        if found_claims.iter().any(|(text, _)| text.contains(&snippet)) {
            scores.misses.push(format!(
                "{id}: {} taken as a claim: {snippet}",
                non_claim.why
            ));
        } else {
            scores.non_claims_rejected += 1;
        }
    }
}

fn evaluate(corpus: &Corpus, annotations: &[Annotation], name: &str) -> Scores {
    let mut scores = Scores::default();
    for gold in annotations {
        let article = corpus
            .articles
            .iter()
            .find(|article| {
                let file = match &article.origin {
                    Origin::Builtin(name) => name.to_string(),
                    Origin::Library(id) => id.clone(),
                    Origin::File(path) => path
                        .file_name()
                        .map(|name| name.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                };
                article.id == gold.article
                    || file.trim_end_matches(".txt") == gold.article.trim_end_matches(".txt")
            })
            .unwrap_or_else(|| panic!("annotated article {} is not in the corpus", gold.article));
        score(article, gold, &mut scores);
    }
    println!("{}", scores.report(name));
    if std::env::var_os("QUALITY_VERBOSE").is_some() {
        for miss in &scores.misses {
            println!("  {miss}");
        }
    }
    scores
}

fn assert_floors(scores: &Scores, name: &str) {
    let report = scores.report(name);
    assert!(scores.f1() >= 0.93, "entity F1 below 0.93: {report}");
    assert!(
        ratio(scores.type_right, scores.entity_true) >= 0.95,
        "type accuracy below 0.95: {report}"
    );
    assert!(
        ratio(scores.claims_recalled, scores.claims_gold) >= 0.9,
        "claim recall below 0.9: {report}"
    );
    assert!(
        ratio(scores.non_claims_rejected, scores.non_claims) >= 0.9,
        "non-claims below 0.9: {report}"
    );
    assert!(
        ratio(scores.speakers_right, scores.claims_recalled) >= 0.85,
        "speakers below 0.85: {report}"
    );
}

fn annotations_dir(part: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/annotations")
        .join(part)
}

#[test]
fn seed_articles_meet_the_quality_floors() {
    let corpus = analyze_report(LoadReport {
        documents: builtin(),
        warnings: Vec::new(),
    });
    let annotations = load_annotations(&annotations_dir("seeds"));
    assert_eq!(annotations.len(), 5, "every built-in article is annotated");
    let scores = evaluate(&corpus, &annotations, "seeds");
    assert_floors(&scores, "seeds");
}

/// The generated Reuters corpus (`../shared/tools/reuters-to-corpus`), made on
/// first use under target/; None when ../shared is absent (a user's clone).
fn reuters_dir() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tool = root.join("../shared/tools/reuters-to-corpus");
    let out = root.join("target/reuters");
    if out.join("reuters-000001.txt").exists() {
        return Some(out);
    }
    if !tool.exists() {
        return None;
    }
    let status = std::process::Command::new(&tool).arg(&out).status().ok()?;
    status.success().then_some(out)
}

#[test]
fn reuters_articles_meet_the_quality_floors() {
    let Some(dir) = reuters_dir() else {
        eprintln!(
            "skipped: ../shared/tools/reuters-to-corpus is absent, Reuters annotations not scored"
        );
        return;
    };
    let annotations = load_annotations(&annotations_dir("reuters"));
    assert!(
        annotations.len() >= 10,
        "at least ten Reuters articles are annotated"
    );
    let paths: Vec<PathBuf> = annotations
        .iter()
        .map(|gold| dir.join(&gold.article))
        .collect();
    let corpus = analyze_report(load_paths(&paths));
    let scores = evaluate(&corpus, &annotations, "reuters");
    assert_floors(&scores, "reuters");
}
