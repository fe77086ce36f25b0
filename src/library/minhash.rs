//! Near-duplicate detection for syndicated copies: MinHash signatures over
//! word shingles, with locality-sensitive bands so that a new article is
//! compared only with the few stored articles that share a band.

use unicode_normalization::UnicodeNormalization;

/// Words per shingle: long enough that two different reports of one event
/// rarely share many, short enough that edits leave most intact.
const SHINGLE_WORDS: usize = 5;
/// Hash functions in a signature.
pub const SIGNATURE_LEN: usize = 128;
/// Rows per band; `SIGNATURE_LEN / ROWS` bands. Four rows make two texts of
/// Jaccard similarity 0.7 share a band with probability above 0.999.
const ROWS: usize = 4;
pub const BANDS: usize = SIGNATURE_LEN / ROWS;
/// Estimated Jaccard similarity from which an article counts as a copy.
pub const COPY_SIMILARITY: f64 = 0.7;

pub type Signature = [u32; SIGNATURE_LEN];

/// The text that identifies an article's content: NFC, lower case, words
/// separated by single spaces. Whitespace and case changes keep the hash.
pub fn normalised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.nfc().flat_map(char::to_lowercase));
    }
    out
}

/// blake3 of the normalised text: the identity of an exact duplicate.
pub fn content_hash(text: &str) -> [u8; 32] {
    *blake3::hash(normalised(text).as_bytes()).as_bytes()
}

/// The MinHash signature of a text's word shingles. A text shorter than one
/// shingle is hashed as one shingle of all its words.
pub fn signature(text: &str) -> Signature {
    let normal = normalised(text);
    let words: Vec<&str> = normal
        .split(' ')
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
        .collect();
    let mut signature = [u32::MAX; SIGNATURE_LEN];
    let mut add = |shingle: &[&str]| {
        let base = fnv1a(shingle);
        for (index, slot) in signature.iter_mut().enumerate() {
            let value = mix(base ^ SEEDS[index % SEEDS.len()].wrapping_mul(index as u64 + 1));
            *slot = (*slot).min(value);
        }
    };
    if words.len() < SHINGLE_WORDS {
        add(&words);
    } else {
        words.windows(SHINGLE_WORDS).for_each(add);
    }
    signature
}

/// Estimated Jaccard similarity of the shingle sets behind two signatures.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / SIGNATURE_LEN as f64
}

/// One value per band: articles sharing a band value are candidates.
pub fn bands(signature: &Signature) -> [i64; BANDS] {
    let mut out = [0i64; BANDS];
    for (band, rows) in signature.chunks_exact(ROWS).enumerate() {
        let mut hash = 0xcbf2_9ce4_8422_2325u64;
        for value in rows {
            for byte in value.to_le_bytes() {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        out[band] = hash as i64;
    }
    out
}

pub fn to_bytes(signature: &Signature) -> Vec<u8> {
    signature
        .iter()
        .flat_map(|value| value.to_le_bytes())
        .collect()
}

/// `None` for a blob of the wrong size (a damaged row is simply not compared).
pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
    if bytes.len() != SIGNATURE_LEN * 4 {
        return None;
    }
    let mut signature = [0u32; SIGNATURE_LEN];
    for (slot, chunk) in signature.iter_mut().zip(bytes.chunks_exact(4)) {
        *slot = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    Some(signature)
}

fn fnv1a(words: &[&str]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for word in words {
        for byte in word.bytes().chain([b' ']) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// splitmix64's finaliser: a cheap, well-mixed permutation of 64-bit values.
fn mix(mut x: u64) -> u32 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    ((x ^ (x >> 31)) >> 32) as u32
}

/// Fixed odd constants, so signatures are the same on every machine and run.
const SEEDS: [u64; 8] = [
    0x9e37_79b9_7f4a_7c15,
    0xc2b2_ae3d_27d4_eb4f,
    0x1656_67b1_9e37_79f9,
    0x27d4_eb2f_1656_67c5,
    0x85eb_ca77_c2b2_ae63,
    0xff51_afd7_ed55_8ccd,
    0xc4ce_b9fe_1a85_ec53,
    0xd6e8_feb8_6659_fd93,
];

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "The harbour authority said on Tuesday that the northern pier \
        would close for six weeks of repairs after storm damage, and that ferries would \
        use the southern terminal until the work is finished in the spring.";

    #[test]
    fn whitespace_and_case_keep_the_content_hash() {
        let spaced = REPORT.replace(' ', "  \n").to_uppercase();
        assert_eq!(content_hash(REPORT), content_hash(&spaced));
        assert_ne!(
            content_hash(REPORT),
            content_hash(&REPORT.replace("six", "seven"))
        );
    }

    #[test]
    fn a_syndicated_copy_with_a_new_ending_is_similar_and_another_report_is_not() {
        let copy = format!("{REPORT} Copyright 2031 Example Wire. All rights reserved.");
        let other = "Council members voted on Tuesday to extend the library's opening \
            hours on weekends, citing a rise in visitors since the reading room reopened.";
        let base = signature(REPORT);
        assert!(similarity(&base, &signature(&copy)) >= COPY_SIMILARITY);
        assert!(similarity(&base, &signature(other)) < 0.2);
        let shared = bands(&base)
            .iter()
            .zip(bands(&signature(&copy)))
            .filter(|(a, b)| **a == *b)
            .count();
        assert!(shared > 0, "copies meet in at least one band");
    }

    #[test]
    fn signatures_round_trip_and_short_texts_hash() {
        let short = signature("Breaking news");
        assert_eq!(from_bytes(&to_bytes(&short)), Some(short));
        assert_eq!(from_bytes(&[1, 2, 3]), None);
        assert_eq!(similarity(&short, &signature("breaking   NEWS")), 1.0);
    }
}
