//! Name keys that link spelling variants: accents, case, punctuation and the
//! usual transliteration differences of Slavic and Arabic names
//! ("Zelenskyy" / "Zelensky" / "Zelenskiy", "Dmitri" / "Dmitry").

use unicode_normalization::UnicodeNormalization;

/// The linking key of a name: lowercase ASCII-folded words, doubled letters
/// collapsed, word-final -iy/-yi/-ii/-ij/-i folded to -y.
pub fn name_key(name: &str) -> String {
    // ASCII decomposes to itself with no marks: most names skip the copy.
    let decomposed: String;
    let plain = if name.is_ascii() {
        name
    } else {
        decomposed = name
            .nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect();
        &decomposed
    };
    let mut key = String::with_capacity(plain.len());
    for word in plain
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        fold_word(word, &mut key);
    }
    key
}

/// Appends the folded `word` to `key` (in place: a key is built for every
/// mention, and a string per word was most of its cost).
fn fold_word(word: &str, key: &mut String) {
    let start = key.len();
    let mut last = None;
    for c in word.chars().flat_map(char::to_lowercase) {
        if Some(c) != last {
            key.push(c);
        }
        last = Some(c);
    }
    let folded = key.len() - start;
    for ending in ["iy", "yi", "ij", "ii"] {
        if folded > ending.len() + 2 && key.ends_with(ending) {
            key.truncate(key.len() - ending.len());
            key.push('y');
            return;
        }
    }
    let bytes = &key.as_bytes()[start..];
    if bytes.len() > 3
        && bytes[bytes.len() - 1] == b'i'
        && !matches!(bytes[bytes.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u')
    {
        key.pop();
        key.push('y');
    }
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
