//! Datelines: "OSLO (Reuters) -", "BANGKOK —", "SPRINGFIELD, Ill., March 3
//! (AP) -". The place a story was filed from opens its first line in
//! capitals, where capitalisation says nothing and the gazetteer (which
//! knows "Oslo", not "OSLO") would miss it. A state or region written after
//! the city ("Ill.", "Texas") is part of the place, never an organisation.

use super::{Candidate, Cue, gazetteer};
use crate::lexicon::{MONTHS, WEEKDAYS, contains_ignore_case};
use crate::model::{Block, EntityType};

/// The dateline places at the start of `block` (the city, and the state
/// after it), when there is a dateline.
pub(super) fn places(body: &str, block: &Block) -> Option<Vec<Candidate>> {
    let text = body.get(block.start..block.end)?;
    let city_len = text
        .char_indices()
        .find(|(_, c)| !(c.is_uppercase() || *c == ' ' || *c == '.' || *c == '-'))
        .map_or(text.len(), |(at, _)| at);
    let city = text[..city_len].trim_end();
    let letters = city.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || city.split_whitespace().count() > 4 {
        return None;
    }
    let rest = &text[city.len()..];
    // The dateline ends with a dash or a bracketed agency, after an optional
    // ", Region" and ", date".
    let head = rest.split(['—', '–', '(']).next().unwrap_or(rest);
    let closed = head.len() < rest.len() || rest.trim_start().starts_with("- ");
    if !closed || head.len() > 40 || head.contains(['.', '!', '?']) && !head.contains(',') {
        return None;
    }
    let title_cased: String = city
        .split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    let known = gazetteer::scan(&title_cased)
        .into_iter()
        .find(|hit| hit.start == 0 && hit.end == title_cased.len())
        .map(|hit| gazetteer::entry(hit.entry))
        .filter(|entry| entry.kind == EntityType::Place);
    let mut found = vec![Candidate {
        start: block.start,
        end: block.start + city.len(),
        kind: EntityType::Place,
        canonical: Some(known.map_or(title_cased, |entry| entry.canonical.to_string())),
        cue: Cue::Strong,
    }];
    // "SPRINGFIELD, Ill.," / "AUSTIN, TX (AP)": the state after the city.
    if let Some(region) = head.strip_prefix(", ") {
        let region = region.split([',', '(']).next().unwrap_or("").trim();
        // "Ill.", "TX", or a country ("KYIV, Ukraine (Nordwire)", "VEL
        // HARRACH, Tarsene"): capitalised words, never a date ("Monday",
        // "March 3").
        let words: Vec<&str> = region.split_whitespace().collect();
        let is_region = !words.is_empty()
            && words.len() <= 3
            && words.iter().all(|word| {
                word.starts_with(char::is_uppercase)
                    && !contains_ignore_case(MONTHS, word.trim_end_matches('.'))
                    && !contains_ignore_case(WEEKDAYS, word)
            })
            && !region.chars().any(|c| c.is_ascii_digit());
        if is_region {
            let start = block.start + city.len() + 2;
            found.push(Candidate {
                start,
                end: start + region.len(),
                kind: EntityType::Place,
                canonical: None,
                cue: Cue::Strong,
            });
        }
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::places;
    use crate::model::{Block, BlockKind};

    fn dateline(text: &str) -> Option<(String, String)> {
        let block = Block {
            kind: BlockKind::Paragraph,
            start: 0,
            end: text.len(),
        };
        places(text, &block).and_then(|found| {
            found.into_iter().next().map(|city| {
                (
                    text[city.start..city.end].to_string(),
                    city.canonical.unwrap_or_default(),
                )
            })
        })
    }

    #[test]
    fn a_capitalised_city_before_a_dash_or_agency_is_a_place() {
        assert_eq!(
            dateline("OSLO (Nordwire) - Talks resumed on Monday."),
            Some(("OSLO".into(), "Oslo".into()))
        );
        assert_eq!(
            dateline("NAIROBI — Rain fell for a week."),
            Some(("NAIROBI".into(), "Nairobi".into()))
        );
        assert_eq!(
            dateline("SPRINGFIELD, Ill., March 3 (Nordwire) - Grain prices rose."),
            Some(("SPRINGFIELD".into(), "Springfield".into()))
        );
    }

    #[test]
    fn a_country_after_the_city_is_a_place_and_a_date_is_not() {
        let block = |text: &str| Block {
            kind: BlockKind::Paragraph,
            start: 0,
            end: text.len(),
        };
        let regions = |text: &str| -> Vec<String> {
            places(text, &block(text))
                .unwrap_or_default()
                .iter()
                .skip(1)
                .map(|found| text[found.start..found.end].to_string())
                .collect()
        };
        assert_eq!(
            regions("VEL ARDEN, Tessaly (Nordwire) - Shelling resumed."),
            ["Tessaly"]
        );
        assert_eq!(
            regions("PORT ARDEN, North Tessaly (Nordwire) - Talks resumed."),
            ["North Tessaly"]
        );
        assert!(regions("OSLO, Monday (Nordwire) - Talks resumed.").is_empty());
        assert!(regions("OSLO, March 3 (Nordwire) - Talks resumed.").is_empty());
    }

    #[test]
    fn capitals_without_a_dateline_shape_are_not_places() {
        assert_eq!(dateline("NATO leaders met in Oslo on Monday."), None);
        assert_eq!(dateline("BREAKING NEWS"), None);
        assert_eq!(dateline("The talks resumed."), None);
    }
}
