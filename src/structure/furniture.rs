//! Page furniture that scraped text carries as lines of its own: media-player
//! labels, breadcrumbs, photo captions and credits, bylines, "Listen to this
//! article", share, newsletter and related-story lines. Recognised by their
//! shape, the same in plain text and in HTML, so they never become titles,
//! claims or entities.

use crate::lexicon::{MONTHS, WEEKDAYS, has_page_line_cue};

/// Whether the line `text` is page furniture rather than story text.
pub fn is_furniture(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.len() > 400 {
        return false;
    }
    // Lowered once for the rules that read the line in lower case.
    let lower = text.to_lowercase();
    is_player_label(text)
        || is_breadcrumb(text)
        || is_byline(text)
        || is_credit(text, &lower)
        || is_caption(text, &lower)
        || is_related_link(text)
        || is_page_line(&lower)
        || is_time_stamp(&lower)
        || is_author_note(text, &lower)
}

/// "Published: May 14, 2027 10:15 GST | Updated: 11:02", "Last updated
/// 2 hours ago": when the page was written, not what it says.
fn is_time_stamp(lower: &str) -> bool {
    const OPENERS: &[&str] = &[
        "published",
        "updated",
        "last updated",
        "first published",
        "posted",
        "last modified",
    ];
    OPENERS.iter().any(|opener| {
        lower.strip_prefix(opener).is_some_and(|rest| {
            // "Updated: ...", "Updated 14:02", "Posted Tuesday": never
            // "Updated figures showed".
            let next = rest.split_whitespace().next().unwrap_or("");
            let dated = next.starts_with(|c: char| c.is_ascii_digit())
                || next.get(..3).is_some_and(|stem| {
                    MONTHS
                        .iter()
                        .chain(WEEKDAYS)
                        .any(|name| name[..3].eq_ignore_ascii_case(stem))
                });
            (rest.starts_with(':') || rest.starts_with(' ') && dated)
                && rest.bytes().any(|b| b.is_ascii_digit())
                && rest.split_whitespace().count() <= 16
        })
    })
}

/// "Hanna Keller is the Review's Benelux correspondent.": a line about the
/// author, set apart from the story, one short sentence naming a newsroom
/// job.
fn is_author_note(text: &str, lower: &str) -> bool {
    const JOBS: &[&str] = &[
        "correspondent",
        "reporter",
        "editor",
        "columnist",
        "writer",
        "contributor",
        "journalist",
    ];
    // Nearly every line fails these two searches, before any word is
    // collected.
    if lower.len() > 160 || !lower.contains(" is ") || !JOBS.iter().any(|job| lower.contains(job)) {
        return false;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    let Some(is) = words.iter().position(|word| *word == "is") else {
        return false;
    };
    let is_job = |word: &str| {
        let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        JOBS.iter()
            .any(|job| word == *job || word.strip_suffix('s') == Some(job))
    };
    // The job ends the line, or only where it is done follows ("a senior
    // reporter at the Courier"), never a clause ("a reporter who ...").
    let job_ends = words.iter().enumerate().skip(is + 2).any(|(at, word)| {
        is_job(word)
            && (at + 1 == words.len()
                || matches!(words[at + 1], "at" | "for" | "with" | "of") && words.len() - at <= 6)
    });
    words.len() <= 16
        && (2..=4).contains(&is)
        && text.starts_with(char::is_uppercase)
        && text
            .split_whitespace()
            .take(is)
            .all(|word| word.starts_with(char::is_uppercase))
        && matches!(words.get(is + 1), Some(&"a" | &"an" | &"the"))
        && job_ends
        && text.matches(['.', '!', '?']).count() <= 1
}

/// "0:00 / 0:00", "1:23", "Listen 4:05": a player's clock.
fn is_player_label(text: &str) -> bool {
    let clock = |part: &str| {
        let part = part.trim();
        part.split_once(':').is_some_and(|(minutes, seconds)| {
            (1..=2).contains(&minutes.len())
                && seconds.len() == 2
                && minutes.bytes().all(|b| b.is_ascii_digit())
                && seconds.bytes().all(|b| b.is_ascii_digit())
        })
    };
    // A clock has a colon, and the label at most four words: most lines
    // are neither, and go without collecting their words.
    if !text.as_bytes().contains(&b':') || text.split_whitespace().nth(4).is_some() {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() <= 4
        && words.iter().any(|word| clock(word))
        && words
            .iter()
            .all(|word| clock(word) || *word == "/" || word.chars().all(char::is_alphabetic))
}

/// "Home / Business / Markets", "News > World > Asia": three or more short
/// capitalised parts joined by a path separator.
fn is_breadcrumb(text: &str) -> bool {
    // Every separator holds one of these bytes ('»' ends in 0xBB, '›' in
    // 0xBA): a line without any is split by none of them.
    let bytes = text.as_bytes();
    if memchr::memchr3(b'/', b'>', b'|', bytes).is_none()
        && memchr::memchr2(0xBA, 0xBB, bytes).is_none()
    {
        return false;
    }
    for separator in [" / ", " > ", " » ", " | ", " › "] {
        let parts: Vec<&str> = text.split(separator).map(str::trim).collect();
        if parts.len() >= 3
            && parts.iter().all(|part| {
                let words = part.split_whitespace().count();
                (1..=3).contains(&words)
                    && part.chars().next().is_some_and(char::is_uppercase)
                    && !part.contains(['.', ',', '!', '?'])
                    && !part.chars().any(|c| c.is_ascii_digit())
            })
        {
            return true;
        }
    }
    false
}

/// "By Ana Reyes", "By A. Reyes, Tom Hale and Lu Wen |": a byline, the
/// writers' names after "By" and nothing else but a separator.
fn is_byline(text: &str) -> bool {
    let Some(names) = text.strip_prefix("By ") else {
        return false;
    };
    // "By Ana Reyes | Updated 14:02": a time stamp after the separator is
    // part of the byline.
    let mut parts = names.split('|');
    let names = parts.next().unwrap_or("");
    let stamped = parts.all(|part| {
        let part = part.trim();
        part.is_empty()
            || (part.split_whitespace().count() <= 6
                && (part.contains(|c: char| c.is_ascii_digit())
                    || part.starts_with("Updated")
                    || part.starts_with("Published")))
    });
    if !stamped {
        return false;
    }
    let names = names.trim_end_matches(['|', '-', '—', ' ']);
    let words: Vec<&str> = names
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 14
        && !names.contains(['!', '?', ':', ';'])
        && words.iter().all(|word| {
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            // Initials ("A.") are fine; a full stop after a word ends a sentence.
            let stop = word.ends_with('.') && word.chars().count() > 2;
            *word == "and" || *word == "&" || (capitalised && !stop)
        })
}

/// "Picture: Getty", "Photograph: A. Reyes/Wire", "Image credit: ...",
/// "Nordpix via Agency Images": a credit line.
fn is_credit(text: &str, lower: &str) -> bool {
    let labelled = [
        "picture:",
        "photo:",
        "photograph:",
        "photos:",
        "image:",
        "credit:",
        "photo credit",
        "image credit",
        "(photo",
    ]
    .iter()
    .any(|label| lower.starts_with(label));
    let via_cue = lower.contains(" via ");
    if !labelled && !via_cue {
        return false;
    }
    let words = text.split_whitespace().count();
    let via = words <= 8
        && via_cue
        && text
            .split_whitespace()
            .filter(|word| *word != "via")
            .all(|word| {
                word.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
            });
    (labelled && words <= 16) || via
}

/// A caption: sentences about a picture ending in its credit, a short
/// capitalised name after the last full stop ("... on Friday. Wirepix",
/// "... the quake. Picture: Social media", "... / Wirepix").
fn is_caption(text: &str, lower: &str) -> bool {
    if lower.as_bytes().contains(&b':')
        && [" picture: ", " photograph: ", " photo: ", " image: "]
            .iter()
            .any(|label| lower.contains(label))
    {
        return true;
    }
    let Some(at) = text.trim_end().rfind(['.', '。']) else {
        return false;
    };
    // '。' takes three bytes: the credit starts after the whole mark.
    let stop = text[at..].chars().next().map_or(1, char::len_utf8);
    let credit = text[at + stop..].trim().trim_start_matches('/').trim();
    let words: Vec<&str> = credit.split_whitespace().collect();
    // The full stop must end a sentence of some length, not an abbreviation
    // ("Dr.", "U.S.").
    let before = &text[..at];
    let last_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    // (Scripts without case count: a caption in Korean ends "... 전했습니다. / AP".)
    let sentence_end = last_word.chars().count() > 3
        && last_word
            .chars()
            .any(|c| c.is_lowercase() || (c.is_alphabetic() && !c.is_uppercase()))
        && !last_word.contains('.')
        && before.split_whitespace().nth(4).is_some();
    sentence_end
        && (1..=4).contains(&words.len())
        && !credit.ends_with(['.', '!', '?', '"', '”', ')'])
        && words.iter().all(|word| {
            word.chars().next().is_some_and(char::is_uppercase) || *word == "via" || *word == "/"
        })
}

/// "(RELATED: ...)", "(More stories on the trial.)", "(Ex-Minister Testifies
/// Against Former Boss)": a link to another story, in brackets.
fn is_related_link(text: &str) -> bool {
    let Some(inner) = text
        .strip_prefix('(')
        .and_then(|rest| rest.strip_suffix(')'))
    else {
        return false;
    };
    let lower = inner.to_lowercase();
    let cue = [
        "related",
        "more ",
        "read ",
        "see ",
        "watch",
        "also read",
        "listen",
    ]
    .iter()
    .any(|cue| lower.starts_with(cue));
    let words: Vec<&str> = inner.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .count();
    let long = words
        .iter()
        .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .count();
    cue || (words.len() >= 3 && long > 0 && capitalised * 10 >= long * 8)
}

/// "Listen to this article", "Breaking News", "Advertorial", "Read More:
/// Click Here", "Share this story", "Subscribe to our newsletter": a short
/// line that belongs to the page.
fn is_page_line(lower: &str) -> bool {
    let words = lower.split_whitespace().count();
    const LABELS: &[&str] = &[
        "listen to this article",
        "breaking news",
        "breaking",
        "advertorial",
        "advertisement",
        "sponsored content",
        "live updates",
        "watch live",
    ];
    let bare = lower.trim_end_matches(|c: char| !c.is_alphanumeric());
    LABELS.iter().any(|label| {
        bare == *label || (bare.starts_with(label) && words <= label.split(' ').count() + 3)
    }) || (words <= 20 && has_page_line_cue(lower))
}

#[cfg(test)]
mod tests {
    use super::is_furniture;
    use crate::model::BlockKind;

    #[test]
    fn player_labels_breadcrumbs_and_bylines_are_furniture() {
        assert!(is_furniture("0:00 / 0:00"));
        assert!(is_furniture("Listen 4:05"));
        assert!(is_furniture("Home / Business / Markets"));
        assert!(is_furniture("News > World > Asia Pacific"));
        assert!(is_furniture("By Ana Reyes"));
        assert!(is_furniture("By Ana Reyes, Tom Hale and Lu Wen |"));
        assert!(is_furniture("By Ana Reyes and Tom Hale | Updated 14:02"));
        assert!(!is_furniture(
            "By Ana Reyes | The minister resigned on Monday after a row"
        ));
        assert!(is_furniture("Listen to this article"));
        assert!(is_furniture(
            "Published: May 14, 2027 10:15 GST | Updated: May 14, 2027 11:02 GST"
        ));
        assert!(is_furniture("Last updated 2 hours ago"));
        assert!(!is_furniture(
            "Updated figures showed 40 people died on Tuesday."
        ));
        assert!(is_furniture(
            "Hanna Keller is the Review's Benelux correspondent."
        ));
        assert!(is_furniture(
            "Tom Hale is a senior reporter at the Courier."
        ));
        assert!(!is_furniture("Ana Ruiz is the party's deputy leader."));
        assert!(!is_furniture(
            "Ana Ruiz is a former reporter who now leads the party."
        ));
        assert!(is_furniture("Listen to this article 3 min"));
        assert!(is_furniture("Breaking News"));
    }

    #[test]
    fn a_page_cue_inside_a_longer_word_is_story_text() {
        assert!(is_furniture("Subscribe to our newsletter"));
        assert!(!is_furniture("The reseller has 1,800 subscribers."));
        assert!(!is_furniture("The bond issue was fully subscribed."));
    }

    #[test]
    fn credits_captions_and_related_links_are_furniture() {
        assert!(is_furniture("Nordpix via Agency Images"));
        assert!(is_furniture("Picture: Social media"));
        assert!(is_furniture("Photograph: Ana Reyes/Wirepix"));
        assert!(is_furniture(
            "Rescuers search the rubble of a collapsed hotel on Friday. Wirepix"
        ));
        assert!(is_furniture(
            "A crane stands over the site. Picture: Handout"
        ));
        assert!(is_furniture(
            "(RELATED: Port Strike Spreads to Second City)"
        ));
        assert!(is_furniture("(Ex-Minister Testifies Against Former Boss)"));
        assert!(is_furniture("(More port strike stories.)"));
        assert!(is_furniture("Read More: Click Here"));
        assert!(is_furniture("Sign up for our daily newsletter"));
    }

    #[test]
    fn a_caption_ending_in_an_ideographic_full_stop_is_read_whole() {
        // The credit starts after all three bytes of '。' (a fuzzer's find).
        assert!(is_furniture(
            "Rescuers search the rubble of the old hotel on Friday。 Wirepix"
        ));
        assert!(!is_furniture("S.\u{9d} ´´´´ 6>。"));
    }

    #[test]
    fn furniture_lines_of_plain_text_are_boilerplate_and_never_the_title() {
        let body = "Listen to this article\n\
                    Home / Business / Markets\n\
                    Port Strike Spreads to Second City\n\
                    By Ana Reyes |\n\
                    Dock workers walked out on Monday, the union said.\n\
                    Cranes stand idle at the quay on Monday. Nordpix via Wire Images\n\
                    The strike is the longest in a decade.";
        let blocks = crate::structure::blocks(body, crate::load::Format::Text);
        let kinds: Vec<(BlockKind, &str)> = blocks
            .iter()
            .map(|block| (block.kind, &body[block.start..block.end]))
            .collect();
        let of = |text: &str| kinds.iter().find(|(_, t)| *t == text).map(|(k, _)| *k);
        assert_eq!(
            of("Port Strike Spreads to Second City"),
            Some(BlockKind::Title),
            "{kinds:?}"
        );
        for furniture in [
            "Listen to this article",
            "Home / Business / Markets",
            "By Ana Reyes |",
            "Cranes stand idle at the quay on Monday. Nordpix via Wire Images",
        ] {
            assert_eq!(of(furniture), Some(BlockKind::Boilerplate), "{furniture}");
        }
        assert_eq!(
            of("Dock workers walked out on Monday, the union said."),
            Some(BlockKind::Paragraph)
        );
    }

    #[test]
    fn story_lines_are_not_furniture() {
        assert!(!is_furniture(
            "The port reopened at 6:30 on Monday, officials said."
        ));
        assert!(!is_furniture("By Monday the port had reopened."));
        assert!(!is_furniture("Ships waited for 3/4 of the week."));
        assert!(!is_furniture(
            "The union, which represents dock workers, said talks would resume."
        ));
        assert!(!is_furniture("(The figures were revised on Tuesday.)"));
        assert!(!is_furniture(
            "Exports rose 4% in March, the ministry said. Imports fell."
        ));
        assert!(!is_furniture("Talks in Oslo"));
    }
}
