//! Word families from `assets/concepts.toml`: words English news uses
//! interchangeably for one idea ("rejected" / "refuses" / "ruled out"), so
//! two reports in different words can still be seen to say the same.

use crate::compare::text::{Normalizer, Token};

const CONCEPTS: &str = include_str!("../../assets/concepts.toml");

/// Each family a list of stem sequences.
pub struct Concepts {
    pub(crate) families: Vec<Vec<Vec<String>>>,
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
        let families = toml::from_str::<File>(CONCEPTS)
            .map(|file| file.families)
            .unwrap_or_default()
            .iter()
            .map(|family| {
                family
                    .iter()
                    .map(|member| normalizer.phrase_stems(member))
                    .filter(|stems| !stems.is_empty())
                    .collect()
            })
            .collect();
        Concepts { families }
    }

    /// The families whose members occur in `tokens`.
    pub fn found(&self, tokens: &[Token]) -> Vec<usize> {
        self.families
            .iter()
            .enumerate()
            .filter(|(_, members)| {
                members.iter().any(|stems| {
                    tokens.windows(stems.len()).any(|window| {
                        window
                            .iter()
                            .zip(stems)
                            .all(|(token, stem)| *token.stem == **stem)
                    })
                })
            })
            .map(|(family, _)| family)
            .collect()
    }

    /// The other members of every family `stems` (a word's stem sequence)
    /// belongs to, as a typed phrase is widened by meaning.
    pub fn relatives(&self, stems: &[String]) -> Vec<&[String]> {
        self.families
            .iter()
            .filter(|members| members.iter().any(|m| m == stems))
            .flat_map(|members| members.iter().filter(|m| *m != stems).map(Vec::as_slice))
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
        assert!(
            relatives.iter().any(|r| r.len() == 2),
            "phrases among relatives"
        );
    }
}
