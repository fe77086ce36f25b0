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
    ranges
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
