//! Word families from `assets/concepts.toml`: words English news uses
//! interchangeably for one idea ("rejected" / "refuses" / "ruled out"), so
//! two reports in different words can still be seen to say the same.

use crate::compare::text::{Normalizer, Token};

const CONCEPTS: &str = include_str!("../../assets/concepts.toml");

/// Each family a list of stem sequences.
pub struct Concepts {
    pub(crate) families: Vec<Vec<Vec<String>>>,
    /// Each member as written in the file, parallel to `families`.
    written: Vec<Vec<String>>,
    /// `(family, member)` of every member, by its first stem, so a sentence
    /// is scanned once rather than once per member.
    by_first: std::collections::HashMap<String, Vec<(usize, usize)>>,
}

impl Concepts {
    /// The built-in families, parsed once per process.
    pub fn builtin() -> &'static Concepts {
        static CONCEPTS_ONCE: std::sync::OnceLock<Concepts> = std::sync::OnceLock::new();
        CONCEPTS_ONCE.get_or_init(Concepts::parse)
    }

    fn parse() -> Concepts {
        #[derive(serde::Deserialize)]
        struct File {
            families: Vec<Vec<String>>,
        }
        let normalizer = Normalizer::default();
        let written: Vec<Vec<String>> = toml::from_str::<File>(CONCEPTS)
            .map(|file| file.families)
            .unwrap_or_default()
            .into_iter()
            .map(|family| {
                family
                    .into_iter()
                    .filter(|member| !normalizer.phrase_stems(member).is_empty())
                    .collect()
            })
            .collect();
        let families = written
            .iter()
            .map(|family| {
                family
                    .iter()
                    .map(|member| normalizer.phrase_stems(member))
                    .collect()
            })
            .collect::<Vec<Vec<Vec<String>>>>();
        let mut by_first: std::collections::HashMap<String, Vec<(usize, usize)>> =
            std::collections::HashMap::new();
        for (family, members) in families.iter().enumerate() {
            for (member, stems) in members.iter().enumerate() {
                by_first
                    .entry(stems[0].clone())
                    .or_default()
                    .push((family, member));
            }
        }
        Concepts {
            families,
            written,
            by_first,
        }
    }

    /// The families whose members occur in `tokens`, in family order.
    pub fn found(&self, tokens: &[Token]) -> Vec<usize> {
        let mut found = Vec::new();
        for (at, token) in tokens.iter().enumerate() {
            let Some(candidates) = self.by_first.get(&*token.stem) else {
                continue;
            };
            for &(family, member) in candidates {
                let stems = &self.families[family][member];
                let fits = tokens.len() - at >= stems.len()
                    && tokens[at..]
                        .iter()
                        .zip(stems)
                        .all(|(token, stem)| *token.stem == **stem);
                if fits {
                    found.push(family);
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The other members, as written, of every family `stems` (a word's
    /// stem sequence) belongs to, as a typed phrase is widened by meaning.
    pub fn relatives(&self, stems: &[String]) -> Vec<&str> {
        self.families
            .iter()
            .zip(&self.written)
            .filter(|(members, _)| members.iter().any(|m| m == stems))
            .flat_map(|(members, written)| {
                members
                    .iter()
                    .zip(written)
                    .filter(|(m, _)| *m != stems)
                    .map(|(_, w)| w.as_str())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_parse_and_find_their_members() {
        let concepts = Concepts::builtin();
        assert!(concepts.families.len() > 10);
        let normalizer = Normalizer::default();
        let a = concepts.found(&normalizer.tokens("Kyiv rejected the plan", 0));
        let b = concepts.found(&normalizer.tokens("Kyiv ruled out the plan", 0));
        assert!(!a.is_empty());
        assert!(a.iter().any(|f| b.contains(f)));
        let relatives = concepts.relatives(&normalizer.phrase_stems("reject"));
        assert!(relatives.contains(&"rule out"), "{relatives:?}");
        assert!(!relatives.contains(&"reject"));
    }
}
