//! Sentence segmentation for news text.
//!
//! Running text goes through `sentencex` (Wikimedia's rule-based segmenter):
//! its English tables know news abbreviations and initials ("U.S.", "Gen.",
//! "p.m.", "Corp.", "Feb. 26"), decimals, quotes that close after the full stop
//! and ellipses, and it runs at well over 100 MB/s. Structure decides the rest:
//! a heading, a title or a list item is one unit of its own, a table row is a
//! unit (figures in columns have no sentences), boilerplate has none, and no
//! sentence crosses a block.

use crate::model::{Block, BlockKind, Sentence};
use crate::structure;

/// Splits every block of `body` into sentences, trimmed of surrounding space.
pub fn split(body: &str, blocks: &[Block]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let Some(text) = body.get(block.start..block.end) else {
            continue;
        };
        let mut push = |start: usize, end: usize| {
            let piece = &text[start..end];
            let trimmed = piece.trim_start();
            let lead = piece.len() - trimmed.len();
            let trimmed = trimmed.trim_end();
            if !trimmed.is_empty() {
                let start = block.start + start + lead;
                sentences.push(Sentence {
                    start,
                    end: start + trimmed.len(),
                    block: index,
                });
            }
        };
        match block.kind {
            BlockKind::Boilerplate => {}
            BlockKind::Title | BlockKind::Heading => push(0, text.len()),
            BlockKind::Paragraph if structure::preformatted(body, block) => {
                let mut offset = 0;
                for line in text.split_inclusive('\n') {
                    push(offset, offset + line.len());
                    offset += line.len();
                }
            }
            BlockKind::Paragraph | BlockKind::ListItem => {
                for (start, end) in segment(text) {
                    push(start, end);
                }
            }
        }
    }
    sentences
}

/// Byte ranges of the sentences of running text.
fn segment(text: &str) -> Vec<(usize, usize)> {
    let boundaries = sentencex::get_sentence_boundaries("en", text);
    let mut ranges = Vec::with_capacity(boundaries.len());
    let mut covered = 0;
    for boundary in boundaries {
        // Guard against a segmenter whose offsets fall outside the text or off
        // a character boundary: the span must stay a valid slice.
        let (start, end) = (boundary.start_byte.max(covered), boundary.end_byte);
        if start < end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
        {
            ranges.push((start, end));
            covered = end;
        }
    }
    if covered < text.len() {
        ranges.push((covered, text.len()));
    }
    give_opening_quotes_forward(text, &mut ranges);
    let mut split = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        split_after_initialisms(text, start, end, &mut split);
    }
    split
}

/// `"… start," she said. "The work …`: a quotation mark after a space
/// opens the next sentence, though the segmenter ends the last one with it.
fn give_opening_quotes_forward(text: &str, ranges: &mut [(usize, usize)]) {
    for i in 1..ranges.len() {
        let (start, end) = ranges[i - 1];
        let piece = text[start..end].trim_end();
        let Some(mark) = piece
            .chars()
            .next_back()
            .filter(|c| matches!(c, '"' | '“' | '‘'))
        else {
            continue;
        };
        let mark_at = start + piece.len() - mark.len_utf8();
        let spaced = text[..mark_at].ends_with(char::is_whitespace);
        if spaced && ranges[i].0 >= mark_at {
            ranges[i - 1].1 = text[..mark_at].trim_end().len().max(start);
            ranges[i].0 = mark_at;
        }
    }
}

/// Words that begin a sentence and are never part of a name.
const STARTERS: &[&str] = &[
    "The",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "In",
    "On",
    "At",
    "A",
    "An",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "However",
    "Meanwhile",
    "Earlier",
    "Later",
    "Some",
    "Many",
    "Most",
];

/// Boundaries the segmenter misses before a word that only starts sentences:
///
/// - after an initialism ("in the U.S. The company said"): the segmenter
///   never ends a sentence there, which is right before a name ("U.S.
///   Senate") but wrong before "The";
/// - after a quotation that closes a sentence (`share." However`) when an
///   apostrophe earlier in the sentence ("Union's", "'Coalition of the
///   willing'") made the segmenter believe a single quote was still open.
///   Only where the double quotes before the point are balanced, so a
///   sentence inside a running quotation is left alone.
fn split_after_initialisms(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let mut from = 0;
    for (space, _) in piece.match_indices(' ') {
        let before = &piece[..space];
        let next = piece[space + 1..].split_whitespace().next().unwrap_or("");
        // "posted on X. Markets shrugged": the platform X, never an initial.
        let platform = before.ends_with(" X.")
            && [" on X.", " to X.", " via X.", " from X."]
                .iter()
                .any(|end| before.ends_with(end))
            && next.starts_with(char::is_uppercase);
        if platform && space > from {
            out.push((start + from, start + space));
            from = space;
            continue;
        }
        if space <= from || !STARTERS.contains(&next) {
            continue;
        }
        // The word before the space; the whitespace before it may be wider
        // than a byte (a thin space).
        let word = before.rsplit(char::is_whitespace).next().unwrap_or(before);
        let initialism = word.len() >= 4
            && word
                .as_bytes()
                .chunks(2)
                .all(|pair| pair.len() == 2 && pair[0].is_ascii_uppercase() && pair[1] == b'.');
        if initialism || closes_a_quoted_sentence(&piece[from..space]) {
            out.push((start + from, start + space));
            from = space;
        }
    }
    out.push((start + from, end));
}

/// Whether `text` ends with a full stop (or ! ?) and a closing double quote,
/// with every double quote in it paired.
fn closes_a_quoted_sentence(text: &str) -> bool {
    let ends = [".\"", "!\"", "?\"", ".\u{201d}", "!\u{201d}", "?\u{201d}"];
    if !ends.iter().any(|e| text.ends_with(e)) {
        return false;
    }
    let straight = text.matches('"').count();
    let opening = text.matches('\u{201c}').count();
    let closing = text.matches('\u{201d}').count();
    straight.is_multiple_of(2) && opening == closing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Format;

    fn sentences_of(body: &str) -> Vec<&str> {
        let blocks = structure::blocks(body, Format::Text);
        split(body, &blocks)
            .iter()
            .map(|sentence| &body[sentence.start..sentence.end])
            .collect()
    }

    #[test]
    fn a_thin_space_before_a_word_that_starts_sentences_is_not_cut_inside() {
        // Found by the `structure` fuzz target (fuzz/regressions/structure/).
        let text = "Prices rose by\u{2009}half The Index fell.";
        assert_eq!(sentences_of(text), [text]);
    }

    #[test]
    fn a_quotation_mark_opening_the_next_sentence_goes_with_it() {
        let body = "“Prices will rise,” she said. “The work begins now.\n\n“We will not stop.”";
        assert_eq!(
            sentences_of(body),
            [
                "“Prices will rise,” she said.",
                "“The work begins now.",
                "“We will not stop.”"
            ]
        );
        let straight = "\"Prices will rise,\" she said. \"The work begins now.";
        assert_eq!(
            sentences_of(straight),
            ["\"Prices will rise,\" she said.", "\"The work begins now."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let body = "U.S. officials confirmed on Monday that Gen. Grynkewich met Mr. Smith at 3 p.m. on Feb. 26 in Washington. Later they left.";
        assert_eq!(
            sentences_of(body),
            vec![
                "U.S. officials confirmed on Monday that Gen. Grynkewich met Mr. Smith at 3 p.m. on Feb. 26 in Washington.",
                "Later they left.",
            ]
        );
    }

    #[test]
    fn the_platform_x_ends_a_sentence() {
        assert_eq!(
            sentences_of("She wrote as much on X. Markets shrugged on Friday."),
            vec!["She wrote as much on X.", "Markets shrugged on Friday."]
        );
        assert_eq!(
            sentences_of("The letter was signed by X. Ruiz and others."),
            vec!["The letter was signed by X. Ruiz and others."]
        );
    }

    #[test]
    fn an_initialism_ends_a_sentence_before_a_sentence_starter() {
        let body = "Sales rose in the U.S. The company said so. U.S. Senate leaders met in the U.S. Capitol.";
        assert_eq!(
            sentences_of(body),
            vec![
                "Sales rose in the U.S.",
                "The company said so.",
                "U.S. Senate leaders met in the U.S. Capitol.",
            ]
        );
    }

    #[test]
    fn company_suffixes_decimals_and_wire_units() {
        let body = "Standard Oil Corp. said it earned 5.93 mln dlrs, up 1.5 pct. The bank said 13.5 billion dlrs in assets.";
        assert_eq!(
            sentences_of(body),
            vec![
                "Standard Oil Corp. said it earned 5.93 mln dlrs, up 1.5 pct.",
                "The bank said 13.5 billion dlrs in assets.",
            ]
        );
    }

    #[test]
    fn an_apostrophe_does_not_hide_the_end_of_a_quoted_sentence() {
        let body = "The Union's readiness was clear, stating, \"The 'coalition' is ready to do its share.\" However, a hurdle remains. She said \u{201c}We wait. However long it takes.\u{201d} Then she left.";
        assert_eq!(
            sentences_of(body),
            vec![
                "The Union's readiness was clear, stating, \"The 'coalition' is ready to do its share.\"",
                "However, a hurdle remains.",
                "She said \u{201c}We wait. However long it takes.\u{201d}",
                "Then she left.",
            ]
        );
    }

    #[test]
    fn quotes_closing_after_the_full_stop_stay_with_their_sentence() {
        let body = "He said the deal was \u{201c}closer than ever.\u{201d} Officials agreed. He said \"this is it.\" Then he left.";
        assert_eq!(
            sentences_of(body),
            vec![
                "He said the deal was \u{201c}closer than ever.\u{201d}",
                "Officials agreed.",
                "He said \"this is it.\"",
                "Then he left.",
            ]
        );
    }

    #[test]
    fn em_dashes_and_ellipses() {
        let body = "Resilience is not just survival\u{2014}it's determination. The coalition \u{2014} including the EU \u{2014} is ready. They waited... Then they left.";
        assert_eq!(
            sentences_of(body),
            vec![
                "Resilience is not just survival\u{2014}it's determination.",
                "The coalition \u{2014} including the EU \u{2014} is ready.",
                "They waited...",
                "Then they left.",
            ]
        );
    }

    #[test]
    fn headings_and_items_are_their_own_units() {
        let body = "Officials listed the factors:\n-\nWar fatigue on all sides\n-\nEconomic pressure\nWhat Happens Next\nTalks resume. Nobody knows when.";
        assert_eq!(
            sentences_of(body),
            vec![
                "Officials listed the factors:",
                "War fatigue on all sides",
                "Economic pressure",
                "What Happens Next",
                "Talks resume.",
                "Nobody knows when.",
            ]
        );
    }

    #[test]
    fn hard_wrapped_sentences_cross_lines_but_not_blocks() {
        let body = r"Arrivals for the week ended February 22 were 155,221 bags
of 60 kilos making a cumulative total for the season of 5.93
mln against 5.81 at the same stage last year. Again it seems
that cocoa delivered earlier was included in the arrivals.
    Comissaria Smith said spot bean prices rose to 340 to 350
cruzados per arroba of 15 kilos.
";
        assert_eq!(
            sentences_of(body),
            vec![
                "Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos making a cumulative total for the season of 5.93\nmln against 5.81 at the same stage last year.",
                "Again it seems\nthat cocoa delivered earlier was included in the arrivals.",
                "Comissaria Smith said spot bean prices rose to 340 to 350\ncruzados per arroba of 15 kilos.",
            ]
        );
    }

    #[test]
    fn table_rows_are_units_and_boilerplate_has_no_sentences() {
        let body = "The department reported prices as follows.\n         Natl   Loan      Call\n Wheat   2.55   2.40     4.65\n Corn    1.35   1.92     3.15\n\nPrevious Post Next Post\n";
        assert_eq!(
            sentences_of(body),
            vec![
                "The department reported prices as follows.",
                "Natl   Loan      Call",
                "Wheat   2.55   2.40     4.65",
                "Corn    1.35   1.92     3.15",
            ]
        );
    }

    /// The hard cases of the built-in articles, found by their words and not
    /// by position, so the test states what a reader must see as one unit.
    #[test]
    fn built_in_articles_keep_their_hard_sentences_whole() {
        let mut all = Vec::new();
        for document in crate::load::builtin() {
            let blocks = structure::blocks(&document.body, document.format);
            for sentence in split(&document.body, &blocks) {
                all.push(document.body[sentence.start..sentence.end].to_string());
            }
        }
        let whole = |start: &str, end: &str| {
            assert!(
                all.iter().any(|s| s.starts_with(start) && s.ends_with(end)),
                "no sentence {start:?} .. {end:?}"
            );
        };
        // A quote closing after the comma, then the attribution.
        whole(
            "\u{201c}I think we\u{2019}re closer now",
            "real momentum in the negotiations.",
        );
        // "U.S." inside and at the start of a sentence.
        whole(
            "U.S. officials confirmed on Monday",
            "as early as this weekend in the United States.",
        );
        whole(
            "U.S. Special Envoy Steve Witkoff characterized",
            "without necessitating full NATO membership.",
        );
        // Em-dashes, spaced and unspaced, inside one sentence.
        whole(
            "In Ukraine, as across nations defending",
            "to build a better future.",
        );
        whole(
            "European Commission President Ursula von der Leyen",
            "is ready to do its share.\"",
        );
        // A dateline with an em-dash, then a quote closing after the comma.
        whole(
            "WASHINGTON \u{2014} The United States says",
            "could be nearing a turning point.",
        );
        // A list item written as "-" then the item, and a heading.
        assert!(
            all.iter()
                .any(|s| s == "Accountability mechanisms for war crimes")
        );
        assert!(all.iter().any(|s| s == "Why the U.S. Sees Progress Now"));
        // FAQ lines: the question is a sentence of its own.
        assert!(
            all.iter()
                .any(|s| s == "Q: Does this mean the conflict in Ukraine is nearing an end?")
        );
        // Boilerplate is not text to analyse.
        assert!(!all.iter().any(|s| s.contains("Previous Post")));
    }

    #[test]
    fn every_sentence_lies_inside_its_block() {
        let body = "A. B. C.\n\n  ...  \n\u{201c}\u{201d}\n. . .\n?!\n\u{2014}";
        let blocks = structure::blocks(body, Format::Text);
        for sentence in split(body, &blocks) {
            let block = blocks[sentence.block];
            assert!(block.start <= sentence.start && sentence.end <= block.end);
            let text = &body[sentence.start..sentence.end];
            assert!(!text.is_empty() && text == text.trim());
        }
    }
}
