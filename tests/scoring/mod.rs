//! Scoring against the hand annotations in tests/annotations/, shared by the
//! quality tests of the built-in corpus, Reuters and the stories.
//!
//! Annotations are keyed by text: an entity by its surface forms, a claim or
//! non-claim by a snippet of its sentence (quotes and apostrophes normalised).
//! Scoring:
//! - entities: distinct (article, surface form) pairs; precision, recall, F1;
//!   type accuracy over the matched pairs; linking = annotated entities whose
//!   found variants all share one canonical name. A surface annotated with
//!   type "unscored" counts neither as found nor as missed.
//! - claims: recall = annotated claims inside a found claim; non-claims rejected
//!   = annotated non-claims inside no found claim; speakers right = recalled
//!   claims whose speaker matches (case-insensitive; one may be the other with
//!   leading modifiers, "U.S. officials" / "Senior U.S. officials"; or the found
//!   speaker is a variant of the annotated speaker's entity).
//! - across sources (`CrossSource`): for each annotated entity, the pairs of
//!   articles that both mention it, linked when the two share an output
//!   entity (type and canonical); and the annotated entities that share an
//!   output entity with a different annotated entity (wrongly merged).

#![allow(dead_code)]

use crossread::model::{Article, ClaimKind, Corpus, EntityType, Origin};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
pub struct Annotation {
    /// Built-in article id, or the file name (with or without `.txt`).
    pub article: String,
    pub entities: Vec<GoldEntity>,
    pub claims: Vec<GoldClaim>,
    pub non_claims: Vec<GoldNonClaim>,
    #[serde(default)]
    pub unscored: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct GoldEntity {
    pub canonical: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub variants: Vec<String>,
}

impl GoldEntity {
    fn scored(&self) -> bool {
        self.kind != "unscored"
    }
}

#[derive(Debug, Deserialize)]
pub struct GoldClaim {
    pub text: String,
    pub kinds: Vec<String>,
    pub speaker: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct GoldNonClaim {
    pub text: String,
    pub why: String,
}

pub fn normalise(text: &str) -> String {
    text.replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn load_annotations(dir: &Path) -> Vec<Annotation> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        // The story's cross-source facts and insights sit beside the
        // per-article files in formats of their own.
        .filter(|path| {
            path.file_name()
                .is_none_or(|name| name != "facts.toml" && name != "insights.toml")
        })
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

pub fn annotations_dir(part: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/annotations")
        .join(part)
}

#[derive(Debug, Default)]
pub struct Scores {
    pub entity_true: usize,
    pub entity_found: usize,
    pub entity_gold: usize,
    pub type_right: usize,
    pub linked: usize,
    pub linkable: usize,
    pub claims_gold: usize,
    pub claims_recalled: usize,
    pub kinds_exact: usize,
    pub non_claims: usize,
    pub non_claims_rejected: usize,
    pub speakers_right: usize,
    /// Recalled claims both annotated and found hedged, found hedged,
    /// annotated hedged: the stance the insights' shifts stand on.
    pub hedged_right: usize,
    pub hedged_found: usize,
    pub hedged_gold: usize,
    pub misses: Vec<String>,
}

impl Scores {
    pub fn precision(&self) -> f64 {
        ratio(self.entity_true, self.entity_found)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.entity_true, self.entity_gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn type_accuracy(&self) -> f64 {
        ratio(self.type_right, self.entity_true)
    }
    pub fn claim_recall(&self) -> f64 {
        ratio(self.claims_recalled, self.claims_gold)
    }
    pub fn non_claims_rejected(&self) -> f64 {
        ratio(self.non_claims_rejected, self.non_claims)
    }
    pub fn speakers(&self) -> f64 {
        ratio(self.speakers_right, self.claims_recalled)
    }
    pub fn hedged_precision(&self) -> f64 {
        ratio(self.hedged_right, self.hedged_found)
    }
    pub fn hedged_recall(&self) -> f64 {
        ratio(self.hedged_right, self.hedged_gold)
    }
    pub fn add(&mut self, other: Scores) {
        self.entity_true += other.entity_true;
        self.entity_found += other.entity_found;
        self.entity_gold += other.entity_gold;
        self.type_right += other.type_right;
        self.linked += other.linked;
        self.linkable += other.linkable;
        self.claims_gold += other.claims_gold;
        self.claims_recalled += other.claims_recalled;
        self.kinds_exact += other.kinds_exact;
        self.non_claims += other.non_claims;
        self.non_claims_rejected += other.non_claims_rejected;
        self.speakers_right += other.speakers_right;
        self.hedged_right += other.hedged_right;
        self.hedged_found += other.hedged_found;
        self.hedged_gold += other.hedged_gold;
        self.misses.extend(other.misses);
    }
    pub fn report(&self, name: &str) -> String {
        format!(
            "{name}: entities P {:.3} R {:.3} F1 {:.3} ({} found, {} annotated), type accuracy {:.3}, \
             linking {:.3} ({}/{}); claims recall {:.3} ({}/{}), kinds exact {:.3}, \
             non-claims rejected {:.3} ({}/{}), speakers right {:.3} ({}/{}), \
             hedged P {:.3} ({}/{}) R {:.3} ({}/{})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.entity_found,
            self.entity_gold,
            self.type_accuracy(),
            ratio(self.linked, self.linkable),
            self.linked,
            self.linkable,
            self.claim_recall(),
            self.claims_recalled,
            self.claims_gold,
            ratio(self.kinds_exact, self.claims_recalled),
            self.non_claims_rejected(),
            self.non_claims_rejected,
            self.non_claims,
            self.speakers(),
            self.speakers_right,
            self.claims_recalled,
            self.hedged_precision(),
            self.hedged_right,
            self.hedged_found,
            self.hedged_recall(),
            self.hedged_right,
            self.hedged_gold,
        )
    }
}

pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Whether a found speaker is the annotated one by name alone (see the
/// module notes); for annotations without entity lists.
pub fn names_match(gold: &str, found: &str) -> bool {
    let (gold, found) = (
        normalise(gold).to_lowercase(),
        normalise(found).to_lowercase(),
    );
    gold == found || gold.ends_with(&format!(" {found}")) || found.ends_with(&format!(" {gold}"))
}

/// The annotated speaker is matched by the found one directly, or through
/// the annotated entity of that name: its canonical or any of its variants.
fn speaker_matches(gold: Option<&str>, found: Option<&str>, entities: &[GoldEntity]) -> bool {
    match (gold, found) {
        (None, None) => true,
        (Some(gold), Some(found)) => {
            names_match(gold, found)
                || entities
                    .iter()
                    .filter(|entity| normalise(&entity.canonical) == normalise(gold))
                    .flat_map(|entity| entity.variants.iter().chain([&entity.canonical]))
                    .any(|name| names_match(name, found))
        }
        _ => false,
    }
}

fn type_name(kind: EntityType) -> &'static str {
    kind.as_str()
}

/// Output entities (type, canonical) an annotated entity was found as.
type Outputs = BTreeSet<(EntityType, String)>;

/// Output entities (type, canonical) by normalised surface form.
fn output_entities(article: &Article) -> BTreeMap<String, Outputs> {
    let mut map: BTreeMap<String, Outputs> = BTreeMap::new();
    for entity in &article.entities {
        map.entry(normalise(entity.text(&article.body)))
            .or_default()
            .insert((entity.kind, entity.canonical.to_string()));
    }
    map
}

pub fn score(article: &Article, gold: &Annotation) -> Scores {
    let mut scores = Scores::default();
    let id = &article.id;
    // Entities: distinct surface forms with the type found most often.
    let mut found: BTreeMap<String, BTreeMap<&'static str, usize>> = BTreeMap::new();
    for entity in &article.entities {
        *found
            .entry(normalise(entity.text(&article.body)))
            .or_default()
            .entry(type_name(entity.kind))
            .or_default() += 1;
    }
    let canonical_of = output_entities(article);
    let mut gold_surfaces: BTreeMap<String, &str> = BTreeMap::new();
    let mut unscored_surfaces: BTreeSet<String> = BTreeSet::new();
    for entity in &gold.entities {
        if !entity.scored() {
            unscored_surfaces.extend(entity.variants.iter().map(|variant| normalise(variant)));
            continue;
        }
        for variant in &entity.variants {
            gold_surfaces.insert(normalise(variant), entity.kind.as_str());
        }
        let canonicals: BTreeSet<&String> = entity
            .variants
            .iter()
            .filter_map(|variant| canonical_of.get(&normalise(variant)))
            .flatten()
            .map(|(_, canonical)| canonical)
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
    found.retain(|surface, _| {
        !unscored_surfaces.contains(surface) || gold_surfaces.contains_key(surface)
    });
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
    let body = normalise(&article.body);
    let found_claims: Vec<(String, &crossread::model::Claim)> = article
        .claims
        .iter()
        .map(|claim| (normalise(article.text(claim.start, claim.end)), claim))
        .collect();
    let unscored: Vec<String> = gold.unscored.iter().map(|text| normalise(text)).collect();
    for text in &unscored {
        assert!(
            body.contains(text),
            "{id}: unscored snippet not in the text: {text}"
        );
    }
    for claim in &gold.claims {
        let snippet = normalise(&claim.text);
        assert!(
            body.contains(&snippet),
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
        let found_kinds: BTreeSet<Option<ClaimKind>> = found.kinds.iter().map(Some).collect();
        if gold_kinds == found_kinds {
            scores.kinds_exact += 1;
        }
        let hedged = Some(ClaimKind::Hedged);
        let (gold_hedged, found_hedged) =
            (gold_kinds.contains(&hedged), found_kinds.contains(&hedged));
        scores.hedged_gold += usize::from(gold_hedged);
        scores.hedged_found += usize::from(found_hedged);
        scores.hedged_right += usize::from(gold_hedged && found_hedged);
        if gold_hedged != found_hedged {
            scores.misses.push(format!(
                "{id}: hedged {found_hedged}, annotated {gold_hedged}: {snippet}"
            ));
        }
        if speaker_matches(
            claim.speaker.as_deref(),
            found.speaker.as_deref(),
            &gold.entities,
        ) {
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
            body.contains(&snippet),
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
    scores
}

/// The corpus article an annotation is about: by id or by file name.
pub fn find_article<'a>(corpus: &'a Corpus, gold: &Annotation) -> &'a Article {
    corpus
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
        .unwrap_or_else(|| panic!("annotated article {} is not in the corpus", gold.article))
}

pub fn verbose() -> bool {
    std::env::var_os("QUALITY_VERBOSE").is_some()
}

pub fn evaluate(corpus: &Corpus, annotations: &[Annotation], name: &str) -> Scores {
    let mut scores = Scores::default();
    for gold in annotations {
        scores.add(score(find_article(corpus, gold), gold));
    }
    println!("{}", scores.report(name));
    if verbose() {
        for miss in &scores.misses {
            println!("  {miss}");
        }
    }
    scores
}

/// Linking of one annotated entity across the articles of one corpus.
#[derive(Debug, Default)]
pub struct CrossSource {
    pub pairs: usize,
    pub pairs_linked: usize,
    /// Annotated entities sharing an output entity with another annotated one.
    pub wrongly_merged: BTreeSet<String>,
    pub misses: Vec<String>,
}

impl CrossSource {
    pub fn linking(&self) -> f64 {
        ratio(self.pairs_linked, self.pairs)
    }
    pub fn add(&mut self, other: CrossSource) {
        self.pairs += other.pairs;
        self.pairs_linked += other.pairs_linked;
        self.wrongly_merged.extend(other.wrongly_merged);
        self.misses.extend(other.misses);
    }
    pub fn report(&self, name: &str) -> String {
        format!(
            "{name}: cross-source pairs linked {:.3} ({}/{}), wrongly merged {} {:?}",
            self.linking(),
            self.pairs_linked,
            self.pairs,
            self.wrongly_merged.len(),
            self.wrongly_merged,
        )
    }
}

/// Pairs of articles of one corpus that mention the same annotated entity,
/// and whether crossread gave both one output entity.
pub fn cross_source(corpus: &Corpus, annotations: &[Annotation]) -> CrossSource {
    let mut result = CrossSource::default();
    // Annotated canonical → article → output entities of its found variants.
    let mut mentions: BTreeMap<&str, Vec<(&str, Outputs)>> = BTreeMap::new();
    // Output entity → annotated canonicals found under it.
    let mut owners: BTreeMap<(EntityType, String), BTreeSet<&str>> = BTreeMap::new();
    for gold in annotations {
        let article = find_article(corpus, gold);
        let outputs = output_entities(article);
        for entity in gold.entities.iter().filter(|entity| entity.scored()) {
            let found: BTreeSet<(EntityType, String)> = entity
                .variants
                .iter()
                .filter_map(|variant| outputs.get(&normalise(variant)))
                .flatten()
                .cloned()
                .collect();
            for output in &found {
                owners
                    .entry(output.clone())
                    .or_default()
                    .insert(entity.canonical.as_str());
            }
            mentions
                .entry(entity.canonical.as_str())
                .or_default()
                .push((article.id.as_str(), found));
        }
    }
    for (canonical, articles) in &mentions {
        for (i, (first, first_found)) in articles.iter().enumerate() {
            for (second, second_found) in &articles[i + 1..] {
                result.pairs += 1;
                if first_found.intersection(second_found).next().is_some() {
                    result.pairs_linked += 1;
                } else {
                    let names = |found: &BTreeSet<(EntityType, String)>| {
                        found
                            .iter()
                            .map(|(_, name)| name.clone())
                            .collect::<Vec<_>>()
                    };
                    result.misses.push(format!(
                        "{canonical}: {first} {:?} apart from {second} {:?}",
                        names(first_found),
                        names(second_found)
                    ));
                }
            }
        }
    }
    for ((_, output), canonicals) in &owners {
        if canonicals.len() > 1 {
            result
                .wrongly_merged
                .extend(canonicals.iter().map(|name| name.to_string()));
            result
                .misses
                .push(format!("merged as {output}: {canonicals:?}"));
        }
    }
    result
}
