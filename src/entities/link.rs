//! Linking across the corpus: the same person, organisation or place named
//! differently in different articles gets one canonical name. Each rule is
//! conservative: it joins two names only when the corpus offers one reading.
//!
//! - spelling variants share a [`name_key`] ("Zelensky" / "Zelenskyy");
//! - a lone surname joins the one full name that ends with it;
//! - a nickname and its given name with the same surname ("Jeff" / "Jeffrey");
//! - a transliteration written with or without spaces ("Nay Pyi Taw");
//! - an acronym joins the one multi-word name whose initials it spells, in
//!   any article, brackets or not;
//! - short forms: "X City" and "X", "the Justice Department" and
//!   "the Department of Justice", "U.S. Justice Department" and "Justice
//!   Department", "Acme" and the one "Acme Research";
//! - a one-letter misspelling of a rare surname (six letters or more) when
//!   the first names agree, or when the misspelt surname stands alone in an
//!   article that also names the person in full.
//!
//! First, short forms of names another article spells out are found
//! (`short_forms.rs`). Claim speakers follow their entity's new canonical.

use super::fold::name_key;
use super::gazetteer;
use crate::lexicon;
use crate::model::{Article, EntityType, Names};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Arc, OnceLock};

const NICKNAMES: &str = include_str!("../../assets/names/nicknames.tsv");

/// Given name → its nicknames and the names it is a nickname of.
fn nicknames() -> &'static HashMap<&'static str, HashSet<&'static str>> {
    static MAP: OnceLock<HashMap<&'static str, HashSet<&'static str>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: HashMap<&str, HashSet<&str>> = HashMap::new();
        for line in NICKNAMES.lines().filter(|line| !line.starts_with('#')) {
            if let Some((name, nick)) = line.split_once('\t') {
                map.entry(name).or_default().insert(nick);
                map.entry(nick).or_default().insert(name);
            }
        }
        map
    })
}

/// "jeff" and "jeffrey": one is a recorded nickname of the other.
pub(crate) fn same_given_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a == b
        || nicknames()
            .get(a.as_str())
            .is_some_and(|names| names.contains(b.as_str()))
}

/// A given name or nickname of the public list ("Lena", "Tom").
pub(crate) fn is_given_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && nicknames().contains_key(word.to_lowercase().as_str())
}

/// At most one insertion, deletion or substitution apart.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => short.iter().zip(&long).filter(|(x, y)| x != y).count() <= 1,
        1 => {
            let prefix = short.iter().zip(&long).take_while(|(x, y)| x == y).count();
            short[prefix..] == long[prefix + 1..]
        }
        _ => false,
    }
}

/// One linkable name of the corpus: a type and a name key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Node {
    kind: EntityType,
    key: String,
}

struct Name {
    node: Node,
    /// Name keys of the spelling's words; a hyphenated surname stays one word.
    words: Vec<String>,
    /// The first word as written, for nicknames (keys fold "Jeff" to "jef").
    given: String,
    /// Spelling → mentions.
    spellings: BTreeMap<String, usize>,
    articles: BTreeSet<usize>,
}

impl Name {
    fn spelling(&self) -> &str {
        self.spellings
            .iter()
            .max_by_key(|(spelling, count)| (**count, spelling.len()))
            .map(|(spelling, _)| spelling.as_str())
            .unwrap_or("")
    }

    fn mentions(&self) -> usize {
        self.spellings.values().sum()
    }

    fn acronym(&self) -> Option<String> {
        let spelling = self.spelling();
        let letters: Vec<char> = spelling.chars().filter(|c| c.is_alphabetic()).collect();
        let upper = letters.iter().filter(|c| c.is_uppercase()).count();
        let plain = spelling
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '&');
        (plain && (2..=6).contains(&letters.len()) && upper >= 2 && upper + 1 >= letters.len())
            .then(|| letters.iter().flat_map(|c| c.to_lowercase()).collect())
    }

    /// Initials of every word and of the words that are not connectors, with
    /// hyphenated parts counted as words ("Bankman-Fried" gives "bf").
    fn initials(&self) -> (String, String) {
        let spelling = self.spelling();
        let parts: Vec<&str> = spelling
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|part| part.chars().any(char::is_alphabetic))
            .collect();
        let first = |part: &&str| {
            part.chars()
                .find(|c| c.is_alphabetic())
                .into_iter()
                .flat_map(char::to_lowercase)
        };
        let all = parts.iter().flat_map(first).collect();
        let significant = parts
            .iter()
            .filter(|part| !lexicon::is_function_word(part))
            .flat_map(first)
            .collect();
        (all, significant)
    }
}

struct Links {
    parent: Vec<usize>,
}

impl Links {
    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.parent[a.max(b)] = a.min(b);
        }
    }
}

fn collect_names(articles: &[Article]) -> Vec<Name> {
    let mut names: BTreeMap<Node, Name> = BTreeMap::new();
    for (index, article) in articles.iter().enumerate() {
        for entity in &article.entities {
            let node = Node {
                kind: entity.kind,
                key: name_key(&entity.canonical),
            };
            if node.key.is_empty() {
                continue;
            }
            let name = names.entry(node.clone()).or_insert_with(|| Name {
                node,
                words: entity
                    .canonical
                    .split_whitespace()
                    .map(name_key)
                    .filter(|word| !word.is_empty())
                    .collect(),
                given: entity
                    .canonical
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_string(),
                spellings: BTreeMap::new(),
                articles: BTreeSet::new(),
            });
            *name
                .spellings
                .entry(entity.canonical.to_string())
                .or_default() += 1;
            name.articles.insert(index);
        }
    }
    names.into_values().collect()
}

/// Joins `short` to the one name `candidates` offers; none when there are
/// several (an ambiguous short form stays apart).
fn join_unique(links: &mut Links, short: usize, candidates: &[usize]) {
    if let [only] = candidates {
        links.join(short, *only);
    }
}

/// The strings one deletion away from `word`, and `word` itself: two words
/// one edit apart share one of them, so an index of these finds near
/// spellings without comparing every pair of names.
fn deletions(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out: Vec<String> = (0..chars.len())
        .map(|skip| {
            chars
                .iter()
                .enumerate()
                .filter(|(at, _)| *at != skip)
                .map(|(_, c)| c)
                .collect()
        })
        .collect();
    out.push(word.to_string());
    out
}

/// Joins `short` to the one group `candidates` fall in; none when they fall
/// in several (an ambiguous short form stays apart).
fn join_one_group(links: &mut Links, short: usize, candidates: &[usize]) {
    let mut roots: Vec<usize> = candidates.iter().map(|&c| links.root(c)).collect();
    roots.sort_unstable();
    roots.dedup();
    if roots.len() == 1
        && let Some(&first) = candidates.first()
    {
        links.join(short, first);
    }
}

/// Rare surnames are long: a one-letter difference in a short one is
/// another name ("Lee" / "Lea").
const MIN_FUZZY_SURNAME: usize = 6;

fn link_people(names: &[Name], links: &mut Links) {
    let surname = |i: usize| names[i].words.last().map(String::as_str).unwrap_or("");
    let people: Vec<usize> = (0..names.len())
        .filter(|&i| names[i].node.kind == EntityType::Person)
        .collect();
    let full: Vec<usize> = people
        .iter()
        .copied()
        .filter(|&i| names[i].words.len() >= 2)
        .collect();
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    // (first name key, surname deletion) → full names, for misspellings.
    let mut near_full: HashMap<(&str, String), Vec<usize>> = HashMap::new();
    let mut near_surname: HashMap<String, Vec<usize>> = HashMap::new();
    for &f in &full {
        by_surname.entry(surname(f)).or_default().push(f);
        if surname(f).chars().count() >= MIN_FUZZY_SURNAME {
            for variant in deletions(surname(f)) {
                near_full
                    .entry((names[f].words[0].as_str(), variant.clone()))
                    .or_default()
                    .push(f);
                near_surname.entry(variant).or_default().push(f);
            }
        }
    }
    // Two full names: one surname and given names that agree or are
    // nicknames of each other ("Jeff" / "Jeffrey").
    for group in by_surname.values() {
        for (n, &a) in group.iter().enumerate() {
            for &b in &group[n + 1..] {
                if names[a].words[0] == names[b].words[0]
                    || same_given_name(&names[a].given, &names[b].given)
                {
                    links.join(a, b);
                }
            }
        }
    }
    // The same first name and a rare surname one letter apart.
    for group in near_full.values() {
        for (n, &a) in group.iter().enumerate() {
            for &b in &group[n + 1..] {
                if one_edit(surname(a), surname(b)) {
                    links.join(a, b);
                }
            }
        }
    }
    for &lone in people.iter().filter(|&&i| names[i].words.len() == 1) {
        let word = surname(lone);
        if let Some(exact) = by_surname.get(word) {
            join_one_group(links, lone, exact);
            continue;
        }
        // A misspelt lone surname: only beside the full name it misspells.
        if word.chars().count() >= MIN_FUZZY_SURNAME {
            let mut near: Vec<usize> = deletions(word)
                .iter()
                .filter_map(|variant| near_surname.get(variant))
                .flatten()
                .copied()
                .filter(|&f| {
                    one_edit(surname(f), word)
                        && !names[f].articles.is_disjoint(&names[lone].articles)
                })
                .collect();
            near.sort_unstable();
            near.dedup();
            join_one_group(links, lone, &near);
        }
    }
}

fn link_short_forms(names: &[Name], links: &mut Links) {
    let by_node: HashMap<&Node, usize> = names
        .iter()
        .enumerate()
        .map(|(i, name)| (&name.node, i))
        .collect();
    let find = |kind: EntityType, key: String| by_node.get(&Node { kind, key }).copied();
    let mut by_own_word: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        let words = &name.words;
        match name.node.kind {
            EntityType::Place => {
                // "Nay Pyi Taw" / "Naypyitaw".
                if words.len() >= 2 {
                    let joined: String = words.concat();
                    if joined.len() >= 6
                        && let Some(j) = find(EntityType::Place, joined)
                    {
                        links.join(i, j);
                    }
                }
                // "Lagos City" / "Lagos".
                if words.len() >= 2
                    && words.last().is_some_and(|w| w == "city")
                    && let Some(j) = find(EntityType::Place, words[..words.len() - 1].join(" "))
                {
                    links.join(i, j);
                }
            }
            EntityType::Organization => {
                // "Department of Justice" / "Justice Department".
                if words.len() == 3
                    && words[1] == "of"
                    && lexicon::contains_ignore_case(lexicon::ORG_HEADS, &words[0])
                    && let Some(j) = find(
                        EntityType::Organization,
                        format!("{} {}", words[2], words[0]),
                    )
                {
                    links.join(i, j);
                }
                // "U.S. Justice Department" / "Justice Department": a place
                // before an organisation's own name.
                let spelling = name.spelling();
                if let Some(hit) = gazetteer::scan(spelling).first()
                    && hit.start == 0
                    && gazetteer::entry(hit.entry).kind == EntityType::Place
                    && let Some(j) = find(EntityType::Organization, name_key(&spelling[hit.end..]))
                {
                    if name_key(&spelling[hit.end..]).contains(' ') {
                        links.join(i, j);
                    } else {
                        // "U.S. Navy" / "Navy": one word is the short name
                        // only of the one country's organisation the corpus names.
                        by_own_word.entry(j).or_default().push(i);
                    }
                }
            }
            EntityType::Person => {}
        }
    }
    for (short, longer) in &by_own_word {
        join_unique(links, *short, longer);
    }
    link_corporate_forms(names, links);
    // "Acme" / "Acme Research": the one organisation the word begins (one
    // group: "Acme Gold" and "Acme Gold Corp" are one reading).
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, other) in names.iter().enumerate() {
        if other.node.kind == EntityType::Organization && other.words.len() >= 2 {
            by_first.entry(other.words[0].as_str()).or_default().push(j);
        }
    }
    for (i, name) in names.iter().enumerate() {
        if name.node.kind == EntityType::Organization
            && name.words.len() == 1
            && !names_a_place(name.spelling())
            && let Some(longer) = by_first.get(name.words[0].as_str())
        {
            join_one_group(links, i, longer);
        }
    }
    // "the Progressives" / "the Progressive Party": a party is named by its
    // members.
    let parties: HashMap<&str, Vec<usize>> = names
        .iter()
        .enumerate()
        .filter(|(_, name)| {
            name.node.kind == EntityType::Organization
                && name.words.len() == 2
                && name.words[1] == "party"
        })
        .fold(HashMap::new(), |mut parties, (j, name)| {
            parties.entry(name.words[0].as_str()).or_default().push(j);
            parties
        });
    for (i, name) in names.iter().enumerate() {
        let [word] = name.words.as_slice() else {
            continue;
        };
        let Some(member) = word.strip_suffix('s').filter(|stem| stem.len() >= 4) else {
            continue;
        };
        if name.node.kind == EntityType::Organization
            && let Some(party) = parties.get(member)
        {
            join_unique(links, i, party);
        }
    }
}

/// The words of a name without the corporate forms that end it ("Norvik
/// Group Inc" → "norvik"); the first word always stays.
fn without_corporate_forms(words: &[String]) -> &[String] {
    let mut end = words.len();
    while end > 1 && is_corporate_form(&words[end - 1]) {
        end -= 1;
    }
    &words[..end]
}

fn is_corporate_form(key: &str) -> bool {
    lexicon::CORPORATE_FORMS
        .iter()
        .any(|form| form.eq_ignore_ascii_case(key))
}

/// "Kestrel Gold" / "Kestrel Gold Corp", "Norvik" / "Norvik Group Inc": an
/// organisation and the same words with only corporate forms after them are
/// one company. Never when a longer name of other words begins the same
/// ("Norvik Bank" beside "Norvik" and "Norvik Group Inc": which one the short
/// name means is unknown), and never a place's name. A one-word person of
/// no full name and no given name ("Norvik said") is the company too.
fn link_corporate_forms(names: &[Name], links: &mut Links) {
    let stem = |name: &Name| without_corporate_forms(&name.words).join(" ");
    let organisations = || {
        names
            .iter()
            .enumerate()
            .filter(|(_, name)| name.node.kind == EntityType::Organization)
    };
    // Stems that begin a longer stem: "norvik" of "norvik bank".
    let mut contested: HashSet<String> = HashSet::new();
    for (_, name) in organisations() {
        let own = without_corporate_forms(&name.words);
        for end in 1..own.len() {
            contested.insert(own[..end].join(" "));
        }
    }
    let mut families: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, name) in organisations() {
        let key = stem(name);
        if !contested.contains(&key) {
            families.entry(key).or_default().push(i);
        }
    }
    let surnames: HashSet<&str> = names
        .iter()
        .filter(|name| name.node.kind == EntityType::Person && name.words.len() >= 2)
        .filter_map(|name| name.words.last().map(String::as_str))
        .collect();
    for (i, name) in names.iter().enumerate() {
        if name.node.kind == EntityType::Person
            && let [word] = name.words.as_slice()
            && !surnames.contains(word.as_str())
            && !is_given_name(&name.given)
            && let Some(family) = families.get_mut(word.as_str())
            && family.iter().any(|&j| names[j].words.len() > 1)
        {
            family.push(i);
        }
    }
    for family in families.values() {
        let has_form = family
            .iter()
            .any(|&j| names[j].words.len() > without_corporate_forms(&names[j].words).len());
        let first = &names[family[0]];
        let written: Vec<&str> = first
            .spelling()
            .split_whitespace()
            .take(without_corporate_forms(&first.words).len())
            .collect();
        if has_form && !names_a_place(&written.join(" ")) {
            for &j in &family[1..] {
                links.join(family[0], j);
            }
        }
    }
}

/// A word the gazetteer knows as a place whole ("US" before "US Justice
/// Department"): it begins the organisation's name as its country, it is
/// not the organisation's short name.
fn names_a_place(word: &str) -> bool {
    gazetteer::scan(word).first().is_some_and(|hit| {
        hit.start == 0
            && hit.end == word.len()
            && gazetteer::entry(hit.entry).kind == EntityType::Place
    })
}

fn link_acronyms(names: &[Name], links: &mut Links) {
    // Initials → the multi-word names they spell (all words, or the words
    // that are not connectors).
    let mut expansions: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        if name.words.len() < 2 && !name.spelling().contains('-') {
            continue;
        }
        let (all, significant) = name.initials();
        if significant.chars().count() < 2 {
            continue;
        }
        expansions.entry(significant.clone()).or_default().push(i);
        if all != significant {
            expansions.entry(all).or_default().push(i);
        }
    }
    for (i, name) in names.iter().enumerate() {
        let Some(acronym) = name.acronym() else {
            continue;
        };
        let upper: String = name
            .spelling()
            .chars()
            .filter(|c| c.is_uppercase())
            .flat_map(char::to_lowercase)
            .collect();
        let mut matches: Vec<usize> = [acronym, upper]
            .iter()
            .filter_map(|letters| expansions.get(letters))
            .flatten()
            .copied()
            .filter(|&j| j != i)
            .collect();
        matches.sort_unstable();
        matches.dedup();
        // Several expansions in one group are still one reading.
        join_one_group(links, i, &matches);
    }
}

/// How a group is named: full names before acronyms and short forms, then
/// the spelling most used.
fn rank(name: &Name) -> (bool, usize, usize, usize) {
    (
        name.acronym().is_none(),
        name.words.len().min(2),
        name.mentions(),
        name.spelling().len(),
    )
}

fn type_index(kind: EntityType) -> usize {
    match kind {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Place => 2,
    }
}

/// One name, one type across the corpus: the tagger decides each mention
/// from its neighbours, so a name it reads as a person in one article and
/// as a place in two others is retyped to the type most articles give it
/// (more articles than all the other types together), where one of the two
/// is a person. A place the gazetteer knows keeps its type; so does a name
/// each type claims in as many articles.
fn one_type_per_name(articles: &mut [Article]) {
    let mut votes: HashMap<String, [BTreeSet<usize>; 3]> = HashMap::new();
    for (index, article) in articles.iter().enumerate() {
        for entity in &article.entities {
            votes.entry(name_key(&entity.canonical)).or_default()[type_index(entity.kind)]
                .insert(index);
        }
    }
    let kinds = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Place,
    ];
    let settled: HashMap<String, EntityType> = votes
        .into_iter()
        .filter_map(|(key, by_type)| {
            let counts: Vec<usize> = by_type.iter().map(BTreeSet::len).collect();
            let total: usize = counts.iter().sum();
            let (best, &most) = counts.iter().enumerate().max_by_key(|(_, count)| **count)?;
            (most < total && most * 2 > total).then_some((key, kinds[best]))
        })
        .collect();
    if settled.is_empty() {
        return;
    }
    for article in articles.iter_mut() {
        for entity in &mut article.entities {
            // An organisation and a place of one name are often both right
            // (a club and its city); a person and either rarely are.
            if let Some(&kind) = settled.get(&name_key(&entity.canonical))
                && kind != entity.kind
                && (kind == EntityType::Person || entity.kind == EntityType::Person)
                && !names_a_place(entity.text(&article.body))
            {
                entity.kind = kind;
            }
        }
    }
}

/// Links mentions across the corpus (see the module comment), after finding
/// the short forms of names other articles spell out.
pub fn link_corpus(articles: &mut [Article]) {
    super::short_forms::adopt_short_forms(articles);
    one_type_per_name(articles);
    let names = collect_names(articles);
    let mut links = Links {
        parent: (0..names.len()).collect(),
    };
    link_people(&names, &mut links);
    link_short_forms(&names, &mut links);
    link_acronyms(&names, &mut links);
    let mut best: HashMap<usize, usize> = HashMap::new();
    for i in 0..names.len() {
        let root = links.root(i);
        let slot = best.entry(root).or_insert(i);
        if rank(&names[i]) > rank(&names[*slot]) {
            *slot = i;
        }
    }
    // One shared copy of each name across the corpus, whether renamed here
    // or not: mentions of a name in different articles were analysed apart.
    let mut shared = Names::default();
    let target: HashMap<&Node, (EntityType, Arc<str>)> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let head = &names[best[&links.root(i)]];
            (&name.node, (head.node.kind, shared.get(head.spelling())))
        })
        .collect();
    for article in articles.iter_mut() {
        let mut renamed: HashMap<Arc<str>, Arc<str>> = HashMap::new();
        for entity in &mut article.entities {
            let node = Node {
                kind: entity.kind,
                key: name_key(&entity.canonical),
            };
            let Some((kind, name)) = target.get(&node) else {
                entity.canonical = shared.get(&entity.canonical);
                continue;
            };
            entity.kind = *kind;
            if *name != entity.canonical {
                renamed.insert(entity.canonical.clone(), name.clone());
            }
            entity.canonical = name.clone();
        }
        for claim in &mut article.claims {
            if let Some(speaker) = &claim.speaker {
                claim.speaker = Some(match renamed.get(speaker) {
                    Some(name) => name.clone(),
                    None => shared.get(speaker),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{one_edit, same_given_name};

    #[test]
    fn one_edit_counts_insertions_deletions_and_substitutions() {
        assert!(one_edit("hartwell", "hartwel"));
        assert!(one_edit("hartwell", "hartwill"));
        assert!(one_edit("hartwell", "hartwelll"));
        assert!(one_edit("hartwell", "hartwell"));
        assert!(!one_edit("hartwell", "hortwill"));
        assert!(!one_edit("hartwell", "hart"));
    }

    #[test]
    fn a_name_takes_the_type_most_articles_give_it() {
        use crate::analysis::article_from_text;
        use crate::model::EntityType;
        let mut articles = vec![
            article_from_text("a", "Rescuers reached the Quorvat market on Friday."),
            article_from_text("b", "A tower collapsed near the Quorvat market."),
            article_from_text("c", "Crowds gathered in Quorvat after the quake."),
        ];
        // However the tagger read each mention, the corpus settles one type.
        for (article, kind) in
            articles
                .iter_mut()
                .zip([EntityType::Person, EntityType::Place, EntityType::Place])
        {
            let start = article.body.find("Quorvat").unwrap_or(0);
            article.entities = vec![crate::model::Entity {
                start,
                end: start + "Quorvat".len(),
                kind,
                canonical: "Quorvat".into(),
            }];
        }
        super::one_type_per_name(&mut articles);
        let kinds: Vec<EntityType> = articles
            .iter()
            .flat_map(|article| {
                article
                    .entities
                    .iter()
                    .filter(|entity| entity.text(&article.body) == "Quorvat")
            })
            .map(|entity| entity.kind)
            .collect();
        assert_eq!(kinds, [EntityType::Place; 3], "{articles:?}");
    }

    #[test]
    fn one_word_is_the_short_name_of_the_one_country_organisation_named_so() {
        use crate::analysis::article_from_text;
        use crate::model::{Entity, EntityType};
        let organisation = |article: &crate::model::Article, text: &str| {
            let start = article.body.find(text).unwrap_or(0);
            Entity {
                start,
                end: start + text.len(),
                kind: EntityType::Organization,
                canonical: text.into(),
            }
        };
        let mut articles = vec![
            article_from_text("a", "The U.S. Navy sent two carriers."),
            article_from_text("b", "The Navy said the carriers had arrived."),
        ];
        articles[0].entities = vec![organisation(&articles[0], "U.S. Navy")];
        articles[1].entities = vec![organisation(&articles[1], "Navy")];
        super::link_corpus(&mut articles);
        assert_eq!(&*articles[1].entities[0].canonical, "U.S. Navy");
        // Two countries' navies: the lone word names neither.
        let mut articles = vec![
            article_from_text("a", "The U.S. Navy and the France Navy sailed."),
            article_from_text("b", "The Navy said the carriers had arrived."),
        ];
        articles[0].entities = vec![
            organisation(&articles[0], "U.S. Navy"),
            organisation(&articles[0], "France Navy"),
        ];
        articles[1].entities = vec![organisation(&articles[1], "Navy")];
        super::link_corpus(&mut articles);
        assert_eq!(&*articles[1].entities[0].canonical, "Navy");
    }

    /// Articles of one sentence each naming one organisation, as tagged.
    fn organisations(names: &[(&str, EntityType)]) -> Vec<crate::model::Article> {
        names
            .iter()
            .enumerate()
            .map(|(at, (name, kind))| {
                let mut article = crate::analysis::article_from_text(
                    &format!("a{at}"),
                    &format!("Shares of {name} rose on Monday."),
                );
                let start = "Shares of ".len();
                article.entities = vec![crate::model::Entity {
                    start,
                    end: start + name.len(),
                    kind: *kind,
                    canonical: (*name).into(),
                }];
                article
            })
            .collect()
    }

    fn canonicals(names: &[(&str, EntityType)]) -> Vec<String> {
        let mut articles = organisations(names);
        super::link_corpus(&mut articles);
        articles
            .iter()
            .map(|article| article.entities[0].canonical.to_string())
            .collect()
    }

    use crate::model::EntityType;
    use crate::model::EntityType::{Organization as Org, Person};

    #[test]
    fn a_name_and_its_corporate_forms_are_one_company() {
        let found = canonicals(&[("Tarnell Gold", Org), ("Tarnell Gold Corp.", Org)]);
        assert_eq!(found[0], found[1], "{found:?}");
        let found = canonicals(&[
            ("Brisk", Org),
            ("Brisk Group", Org),
            ("Brisk Group Inc", Org),
        ]);
        assert!(
            found.iter().all(|name| name == "Brisk Group Inc"),
            "{found:?}"
        );
        let found = canonicals(&[("Ostrander Holdings plc", Org), ("Ostrander Holdings", Org)]);
        assert_eq!(found[0], found[1], "{found:?}");
        // The tagger read the lone word as a person: no full name or given
        // name says it is one.
        let found = canonicals(&[("Brisk", Person), ("Brisk Group Inc", Org)]);
        assert_eq!(found[0], "Brisk Group Inc", "{found:?}");
        // "Harlan" and "Harlan Gold Corp" share a reading, "Harlan Gold" and
        // "Harlan Gold Corp" too, so the short name joins them all.
        let found = canonicals(&[
            ("Harlan", Org),
            ("Harlan Gold", Org),
            ("Harlan Gold Corp", Org),
        ]);
        assert!(found.iter().all(|name| *name == found[0]), "{found:?}");
    }

    #[test]
    fn two_longer_names_keep_a_short_one_apart() {
        // Two companies of other words: neither is the other's form.
        let found = canonicals(&[("Brisk Bank", Org), ("Brisk Insurance", Org)]);
        assert_eq!(found, ["Brisk Bank", "Brisk Insurance"]);
        // "Brisk" may be the bank or the group.
        let found = canonicals(&[
            ("Brisk", Org),
            ("Brisk Group Inc", Org),
            ("Brisk Bank", Org),
        ]);
        assert_eq!(found, ["Brisk", "Brisk Group Inc", "Brisk Bank"]);
        // Only corporate forms count: "Mining" is part of the name.
        let found = canonicals(&[("Tarnell Gold", Org), ("Tarnell Gold Mining", Org)]);
        assert_eq!(found, ["Tarnell Gold", "Tarnell Gold Mining"]);
        // A person's surname is no company's short name.
        let found = canonicals(&[
            ("Lise Brisk", Person),
            ("Brisk", Person),
            ("Brisk Group Inc", Org),
        ]);
        assert_eq!(found[1], "Lise Brisk", "{found:?}");
    }

    #[test]
    fn nicknames_come_from_the_public_list() {
        assert!(same_given_name("jeff", "jeffrey"));
        assert!(same_given_name("jeffrey", "jeff"));
        assert!(same_given_name("william", "bill"));
        assert!(!same_given_name("jeff", "john"));
    }
}
