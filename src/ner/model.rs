//! The tagger's weights (one flat table of quantised weights, one row per
//! feature) and Viterbi decoding over BIO tags with a first-order transition.
//!
//! File layout, little-endian: magic `CRNER`, format version (u8), feature
//! version (u32), tag count (u8), feature count n (u32), transitions
//! ((TAGS+1)·TAGS i16, the last row from the sentence start), n sorted feature
//! keys (u32), n·TAGS weights (i8). Emission and transition weights share one
//! scale, so scores add up without converting.

use super::features::{FEATURE_VERSION, Window};
use crate::model::EntityType;
use std::ops::Add;

const MAGIC: &[u8; 5] = b"CRNER";
const FORMAT_VERSION: u8 = 1;

/// O, then B-/I- of PER, ORG, LOC, MISC.
pub const TAGS: usize = 9;
/// Index of the sentence-start row in a transition table.
pub const START: usize = TAGS;

/// The kind of a B-/I- tag: 0 PER, 1 ORG, 2 LOC, 3 MISC.
fn kind_of(tag: usize) -> Option<usize> {
    (tag > 0).then(|| (tag - 1) / 2)
}

fn inside(tag: usize) -> bool {
    tag > 0 && (tag - 1) % 2 == 1
}

/// BIO: an I- tag only continues its own kind.
pub fn allowed(previous: usize, tag: usize) -> bool {
    !inside(tag) || (previous != START && kind_of(previous) == kind_of(tag))
}

/// The tag of a CoNLL label ("B-PER", "I-LOC", "O").
pub fn tag_of_label(label: &str, previous: usize) -> usize {
    let kind = match label.get(2..) {
        Some("PER") => 0,
        Some("ORG") => 1,
        Some("LOC") => 2,
        Some("MISC") => 3,
        _ => return 0,
    };
    let begin = 1 + 2 * kind;
    // CoNLL's IOB1 starts a name with I- unless it follows one of its kind.
    if label.starts_with("I-") && allowed(previous, begin + 1) {
        begin + 1
    } else {
        begin
    }
}

/// A score both the trainer's floats and the shipped integers can decode.
pub trait Score: Copy + PartialOrd + Add<Output = Self> {
    const LOW: Self;
}

impl Score for i32 {
    const LOW: i32 = i32::MIN / 2;
}

impl Score for f32 {
    const LOW: f32 = -1e30;
}

/// The best tag sequence for `emissions` (TAGS per token) under `transitions`
/// ((TAGS+1)·TAGS), written into `tags`. `scratch` is reused between calls.
pub fn viterbi<T: Score>(
    emissions: &[T],
    transitions: &[T],
    scratch: &mut Vec<(T, u8)>,
    tags: &mut Vec<u8>,
) {
    let length = emissions.len() / TAGS;
    tags.clear();
    if length == 0 {
        return;
    }
    scratch.clear();
    scratch.resize(length * TAGS, (T::LOW, 0));
    for tag in 0..TAGS {
        if allowed(START, tag) {
            scratch[tag] = (transitions[START * TAGS + tag] + emissions[tag], 0);
        }
    }
    // An I- tag only follows its B- or I- (`allowed`), so it has two
    // candidates, in the order the full scan would meet them; O and B- tags
    // follow anything. Rows as arrays: no bounds checks inside.
    let transitions: &[T; (TAGS + 1) * TAGS] = transitions
        .try_into()
        .expect("a transition table is (TAGS+1)·TAGS");
    for position in 1..length {
        let (done, rest) = scratch.split_at_mut(position * TAGS);
        let before: &[(T, u8); TAGS] = done[(position - 1) * TAGS..]
            .try_into()
            .expect("one row per position");
        let now: &mut [(T, u8); TAGS] = (&mut rest[..TAGS])
            .try_into()
            .expect("one row per position");
        let emitted: &[T; TAGS] = emissions[position * TAGS..(position + 1) * TAGS]
            .try_into()
            .expect("TAGS emissions per token");
        for tag in 0..TAGS {
            let mut best = (T::LOW, 0u8);
            let mut consider = |previous: usize| {
                let score = before[previous].0 + transitions[previous * TAGS + tag];
                if score > best.0 {
                    best = (score, previous as u8);
                }
            };
            if inside(tag) {
                consider(tag - 1);
                consider(tag);
            } else {
                (0..TAGS).for_each(&mut consider);
            }
            now[tag] = (best.0 + emitted[tag], best.1);
        }
    }
    let last = &scratch[(length - 1) * TAGS..];
    let mut tag = 0;
    for candidate in 1..TAGS {
        if last[candidate].0 > last[tag].0 {
            tag = candidate;
        }
    }
    tags.resize(length, 0);
    for position in (0..length).rev() {
        tags[position] = tag as u8;
        tag = scratch[position * TAGS + tag].1 as usize;
    }
}

/// Names in a tag sequence as token ranges and a kind; MISC is dropped, the
/// engine having no such type.
pub fn spans(tags: &[u8], out: &mut Vec<(usize, usize, EntityType)>) {
    let mut open: Option<(usize, usize)> = None;
    let mut close = |open: &mut Option<(usize, usize)>, end: usize| {
        if let Some((start, kind)) = open.take() {
            let kind = match kind {
                0 => Some(EntityType::Person),
                1 => Some(EntityType::Organization),
                2 => Some(EntityType::Place),
                _ => None,
            };
            if let Some(kind) = kind {
                out.push((start, end, kind));
            }
        }
    };
    for (position, &tag) in tags.iter().enumerate() {
        let tag = usize::from(tag);
        if inside(tag) && open.is_some_and(|(_, kind)| Some(kind) == kind_of(tag)) {
            continue;
        }
        close(&mut open, position);
        if let Some(kind) = kind_of(tag) {
            open = Some((position, kind));
        }
    }
    close(&mut open, tags.len());
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("not a crossread tagger model")]
    Magic,
    #[error("model format {0}, expected {FORMAT_VERSION}")]
    Format(u8),
    #[error("model trained on features version {0}, this build computes version {FEATURE_VERSION}")]
    Features(u32),
    #[error("model has {0} tags, expected {TAGS}")]
    Tags(u8),
    #[error("model file is truncated or has trailing bytes")]
    Size,
}

/// A feature's key and weights side by side: one cache line read per lookup.
#[derive(Clone, Copy)]
struct Slot {
    /// 0 for an empty slot (feature keys are never 0).
    key: u32,
    weights: [i8; TAGS],
}

pub struct Model {
    /// Open addressing with linear probing, at most 3/4 full.
    slots: Vec<Slot>,
    mask: usize,
    transitions: Vec<i32>,
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, count: usize) -> Result<&'a [u8], ModelError> {
        if self.bytes.len() < count {
            return Err(ModelError::Size);
        }
        let (head, rest) = self.bytes.split_at(count);
        self.bytes = rest;
        Ok(head)
    }

    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let bytes = self.take(4)?;
        Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }
}

/// Serialises quantised weights: `keys` sorted, `weights` TAGS per key.
pub fn write(keys: &[u32], weights: &[i8], transitions: &[i16]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + keys.len() * (4 + TAGS));
    out.extend_from_slice(MAGIC);
    out.push(FORMAT_VERSION);
    out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
    out.push(TAGS as u8);
    out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
    for weight in transitions {
        out.extend_from_slice(&weight.to_le_bytes());
    }
    for key in keys {
        out.extend_from_slice(&key.to_le_bytes());
    }
    out.extend(weights.iter().map(|&w| w as u8));
    out
}

impl Model {
    pub fn parse(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut reader = Reader { bytes };
        if reader.take(MAGIC.len()).map_err(|_| ModelError::Magic)? != MAGIC {
            return Err(ModelError::Magic);
        }
        let format = reader.u8()?;
        if format != FORMAT_VERSION {
            return Err(ModelError::Format(format));
        }
        let features = reader.u32()?;
        if features != FEATURE_VERSION {
            return Err(ModelError::Features(features));
        }
        let tags = reader.u8()?;
        if usize::from(tags) != TAGS {
            return Err(ModelError::Tags(tags));
        }
        let count = reader.u32()? as usize;
        let transitions = reader
            .take((TAGS + 1) * TAGS * 2)?
            .chunks_exact(2)
            .map(|pair| i32::from(i16::from_le_bytes([pair[0], pair[1]])))
            .collect();
        let keys = reader.take(count.checked_mul(4).ok_or(ModelError::Size)?)?;
        let weights = reader.take(count.checked_mul(TAGS).ok_or(ModelError::Size)?)?;
        if !reader.bytes.is_empty() {
            return Err(ModelError::Size);
        }
        let size = (count * 4 / 3 + 1).next_power_of_two().max(2);
        let mask = size - 1;
        let empty = Slot {
            key: 0,
            weights: [0; TAGS],
        };
        let mut slots = vec![empty; size];
        for (key, row) in keys.chunks_exact(4).zip(weights.chunks_exact(TAGS)) {
            let key = u32::from_le_bytes([key[0], key[1], key[2], key[3]]);
            if key == 0 {
                return Err(ModelError::Size);
            }
            let mut slot = key as usize & mask;
            while slots[slot].key != 0 {
                slot = (slot + 1) & mask;
            }
            slots[slot].key = key;
            for (weight, &byte) in slots[slot].weights.iter_mut().zip(row) {
                *weight = byte as i8;
            }
        }
        Ok(Model {
            slots,
            mask,
            transitions,
        })
    }

    fn slot(&self, key: u32) -> Option<&Slot> {
        let mut index = key as usize & self.mask;
        loop {
            let slot = &self.slots[index];
            if slot.key == key {
                return Some(slot);
            }
            if slot.key == 0 {
                return None;
            }
            index = (index + 1) & self.mask;
        }
    }

    /// Tags one window; appends its names as token ranges within it.
    pub fn tag(
        &self,
        window: &Window,
        scratch: &mut Scratch,
        out: &mut Vec<(usize, usize, EntityType)>,
    ) {
        let Scratch {
            keys,
            emissions,
            viterbi: best,
            tags,
        } = scratch;
        emissions.clear();
        emissions.resize(window.len() * TAGS, 0);
        for (index, scores) in emissions.chunks_exact_mut(TAGS).enumerate() {
            keys.clear();
            window.features(index, keys);
            // Summed in a row of registers, then stored once.
            let mut sum = [0i32; TAGS];
            for slot in keys.iter().filter_map(|&key| self.slot(key)) {
                for (score, &weight) in sum.iter_mut().zip(&slot.weights) {
                    *score += i32::from(weight);
                }
            }
            scores.copy_from_slice(&sum);
        }
        viterbi(emissions, &self.transitions, best, tags);
        spans(tags, out);
    }
}

/// The buffers of [`Model::tag`], kept from one window to the next.
#[derive(Default)]
pub struct Scratch {
    keys: Vec<u32>,
    emissions: Vec<i32>,
    viterbi: Vec<(i32, u8)>,
    tags: Vec<u8>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_keeps_bio_well_formed() {
        // The emissions alone would open with I-PER; BIO forbids it.
        let mut emissions = vec![0i32; 2 * TAGS];
        emissions[2] = 10;
        emissions[1] = 5;
        emissions[TAGS + 2] = 10;
        let transitions = vec![0i32; (TAGS + 1) * TAGS];
        let (mut scratch, mut tags) = (Vec::new(), Vec::new());
        viterbi(&emissions, &transitions, &mut scratch, &mut tags);
        assert_eq!(tags, [1, 2]);
        let mut out = Vec::new();
        spans(&tags, &mut out);
        assert_eq!(out, [(0, 2, EntityType::Person)]);
    }

    /// The decoder before its I- tags were given their two candidates: every
    /// previous tag, skipping the ones `allowed` refuses.
    fn viterbi_scanning_all(emissions: &[i32], transitions: &[i32]) -> Vec<u8> {
        let length = emissions.len() / TAGS;
        let mut scratch = vec![(i32::LOW, 0u8); length * TAGS];
        for tag in 0..TAGS {
            if allowed(START, tag) {
                scratch[tag] = (transitions[START * TAGS + tag] + emissions[tag], 0);
            }
        }
        for position in 1..length {
            for tag in 0..TAGS {
                let mut best = (i32::LOW, 0u8);
                for previous in 0..TAGS {
                    if !allowed(previous, tag) {
                        continue;
                    }
                    let score = scratch[(position - 1) * TAGS + previous].0
                        + transitions[previous * TAGS + tag];
                    if score > best.0 {
                        best = (score, previous as u8);
                    }
                }
                scratch[position * TAGS + tag] =
                    (best.0 + emissions[position * TAGS + tag], best.1);
            }
        }
        let last = &scratch[(length - 1) * TAGS..];
        let mut tag = 0;
        for candidate in 1..TAGS {
            if last[candidate].0 > last[tag].0 {
                tag = candidate;
            }
        }
        let mut tags = vec![0u8; length];
        for position in (0..length).rev() {
            tags[position] = tag as u8;
            tag = scratch[position * TAGS + tag].1 as usize;
        }
        tags
    }

    #[test]
    fn viterbi_decodes_as_the_full_scan_did() {
        // Pseudo-random scores in a small range, so ties are frequent.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 7) as i32 - 3
        };
        let (mut scratch, mut tags) = (Vec::new(), Vec::new());
        for length in [1, 2, 3, 5, 17, 40] {
            for _ in 0..50 {
                let emissions: Vec<i32> = (0..length * TAGS).map(|_| next()).collect();
                let transitions: Vec<i32> = (0..(TAGS + 1) * TAGS).map(|_| next()).collect();
                viterbi(&emissions, &transitions, &mut scratch, &mut tags);
                assert_eq!(tags, viterbi_scanning_all(&emissions, &transitions));
            }
        }
        for tag in 0..TAGS {
            let previous: Vec<usize> = (0..TAGS).filter(|&p| allowed(p, tag)).collect();
            let expected: Vec<usize> = if inside(tag) {
                vec![tag - 1, tag]
            } else {
                (0..TAGS).collect()
            };
            assert_eq!(previous, expected, "tag {tag}");
        }
    }

    #[test]
    fn misc_names_are_dropped_and_iob1_labels_read() {
        let mut out = Vec::new();
        spans(&[7, 8, 0, 5, 3], &mut out);
        assert_eq!(
            out,
            [(3, 4, EntityType::Place), (4, 5, EntityType::Organization)]
        );
        assert_eq!(tag_of_label("I-LOC", 0), 5);
        assert_eq!(tag_of_label("I-LOC", 5), 6);
        assert_eq!(tag_of_label("B-LOC", 6), 5);
        assert_eq!(tag_of_label("O", 6), 0);
    }

    #[test]
    fn a_written_model_reads_back_and_a_damaged_one_is_refused() {
        let transitions = vec![1i16; (TAGS + 1) * TAGS];
        let bytes = write(&[3, 9], &[1; 2 * TAGS], &transitions);
        let model = Model::parse(&bytes).expect("round trip");
        assert_eq!(model.slot(9).map(|slot| slot.weights), Some([1; TAGS]));
        assert!(model.slot(4).is_none());
        assert_eq!(
            Model::parse(&bytes[..bytes.len() - 1]).err(),
            Some(ModelError::Size)
        );
        let mut other = bytes.clone();
        other[6] ^= 1;
        assert!(matches!(
            Model::parse(&other).err(),
            Some(ModelError::Features(_))
        ));
        assert_eq!(Model::parse(b"nonsense").err(), Some(ModelError::Magic));
    }
}
