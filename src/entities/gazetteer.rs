//! The gazetteers shipped in `assets/gazetteer/` (see `scripts/README.md` for
//! their sources), scanned with one Aho-Corasick automaton per article.

use crate::model::EntityType;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const PLACES: &str = include_str!("../../assets/gazetteer/places.tsv");
const ORGANIZATIONS: &str = include_str!("../../assets/gazetteer/organizations.tsv");
const CAPITALS: &str = include_str!("../../assets/gazetteer/capitals.tsv");

pub struct Entry {
    pub canonical: &'static str,
    pub kind: EntityType,
}

struct Gazetteer {
    matcher: AhoCorasick,
    entries: Vec<Entry>,
}

/// A gazetteer name found in the text, on word boundaries.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let mut surfaces = Vec::new();
        let mut entries = Vec::new();
        let tables = [
            (ORGANIZATIONS, EntityType::Organization),
            (PLACES, EntityType::Place),
        ];
        for (table, kind) in tables {
            for line in table.lines().filter(|line| !line.starts_with('#')) {
                let mut fields = line.split('\t');
                let (Some(surface), Some(canonical)) = (fields.next(), fields.next()) else {
                    continue;
                };
                if surface.is_empty() {
                    continue;
                }
                surfaces.push(surface);
                entries.push(Entry { canonical, kind });
            }
        }
        // "The Netherlands" is the country "Netherlands" after a capital "The"
        // that only opens the sentence, so the span leaves it out as it does
        // a lowercase "the"; "The Hague", named only so, keeps it.
        let named: HashSet<(&str, &str)> = surfaces
            .iter()
            .zip(&entries)
            .map(|(surface, entry)| (*surface, entry.canonical))
            .collect();
        let (surfaces, entries): (Vec<&str>, Vec<Entry>) = surfaces
            .iter()
            .copied()
            .zip(entries)
            .filter(|(surface, entry)| {
                surface
                    .strip_prefix("The ")
                    .is_none_or(|rest| !named.contains(&(rest, entry.canonical)))
            })
            .unzip();
        // The tables are compile-time assets of valid patterns; building can only
        // fail on a size limit, in which case the gazetteer is simply empty.
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&surfaces)
            .unwrap_or_else(|_| {
                AhoCorasick::new(std::iter::empty::<&str>()).expect("empty automaton builds")
            });
        Gazetteer { matcher, entries }
    })
}

/// The country whose capital is `city` (a canonical place name): news names
/// a government by its capital ("Kyiv will not cede ...").
pub fn country_of_capital(city: &str) -> Option<&'static str> {
    static BY_CAPITAL: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    BY_CAPITAL
        .get_or_init(|| {
            CAPITALS
                .lines()
                .filter(|line| !line.starts_with('#'))
                .filter_map(|line| line.split_once('\t'))
                .collect()
        })
        .get(city)
        .copied()
}

/// Whether a country, continent or world region starts with `stem`: how a
/// capitalised adjective ("Ukrainian", "European") is recognised as one of place.
pub fn has_place_starting_with(stem: &str) -> bool {
    static STEMS: OnceLock<HashSet<String>> = OnceLock::new();
    STEMS
        .get_or_init(|| {
            PLACES
                .lines()
                .filter(|line| line.ends_with("\tcountry") || line.ends_with("\tarea"))
                .filter_map(|line| line.split('\t').next())
                .map(|surface| surface.chars().take(4).collect())
                .collect()
        })
        .contains(stem)
}

pub fn entry(index: usize) -> &'static Entry {
    &gazetteer().entries[index]
}

fn word_char_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

fn word_char_after(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Every gazetteer name in `text` that starts and ends on a word boundary.
/// Line breaks count as spaces, so hard-wrapped names are found too.
pub fn scan(text: &str) -> Vec<Hit> {
    let flat: Vec<u8> = text
        .bytes()
        .map(|byte| {
            if byte == b'\n' || byte == b'\r' {
                b' '
            } else {
                byte
            }
        })
        .collect();
    gazetteer()
        .matcher
        .find_iter(&flat)
        .filter(|found| {
            // Matches of ASCII patterns always fall on char boundaries.
            text.is_char_boundary(found.start())
                && text.is_char_boundary(found.end())
                && !word_char_before(text, found.start())
                && !word_char_after(text, found.end())
        })
        .map(|found| Hit {
            start: found.start(),
            end: found.end(),
            entry: found.pattern().as_usize(),
        })
        .collect()
}
