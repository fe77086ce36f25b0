//! Name keys that link spelling variants: accents, case, punctuation and the
//! usual transliteration differences of Slavic and Arabic names
//! ("Zelenskyy" / "Zelensky" / "Zelenskiy", "Dmitri" / "Dmitry").

use unicode_normalization::UnicodeNormalization;

/// The linking key of a name: lowercase ASCII-folded words, doubled letters
/// collapsed, word-final -iy/-yi/-ii/-ij/-i folded to -y.
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&fold_word(word));
    }
    key
}

fn fold_word(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    let mut last = None;
    for c in word.chars().flat_map(char::to_lowercase) {
        if Some(c) != last {
            folded.push(c);
        }
        last = Some(c);
    }
    for ending in ["iy", "yi", "ij", "ii"] {
        if folded.len() > ending.len() + 2 && folded.ends_with(ending) {
            folded.truncate(folded.len() - ending.len());
            folded.push('y');
            return folded;
        }
    }
    let bytes = folded.as_bytes();
    if bytes.len() > 3
        && bytes[bytes.len() - 1] == b'i'
        && !matches!(bytes[bytes.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u')
    {
        folded.pop();
        folded.push('y');
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::name_key;

    #[test]
    fn transliteration_variants_share_a_key() {
        let key = name_key("Zelenskyy");
        assert_eq!(key, "zelensky");
        for variant in [
            "Zelensky",
            "Zelenskiy",
            "Zelenskyi",
            "ZELENSKYY",
            "Zelenskii",
        ] {
            assert_eq!(name_key(variant), key, "{variant}");
        }
        assert_eq!(name_key("Dmitri Peskov"), name_key("Dmitry Peskov"));
        assert_eq!(name_key("Volodymyr  Zelenskyy"), "volodymyr zelensky");
    }

    #[test]
    fn accents_and_punctuation_fold() {
        assert_eq!(name_key("José Álvarez"), name_key("Jose Alvarez"));
        assert_eq!(name_key("U.S."), name_key("U S"));
    }

    #[test]
    fn different_names_stay_apart() {
        assert_ne!(name_key("Merz"), name_key("Mertz"));
        assert_ne!(name_key("Putin"), name_key("Peskov"));
    }
}
