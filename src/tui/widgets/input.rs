//! The text field of the search overlay, the topic picker and the source
//! chooser: what a key types or deletes, and the prompt line it is shown in.

use crate::tui::action::Action;
use crate::tui::text::clean;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// What a text-taking layer did with a key its table binds to nothing
/// but editing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEdit {
    /// The text changed.
    Changed,
    /// The key was the layer's, nothing changed.
    Unchanged,
    /// A Ctrl key the layer does not use (Ctrl-C, Ctrl-Z): for the global keys.
    PassOn,
}

/// The character `key` types into a text field, if it types one.
pub fn typed_char(key: &KeyEvent) -> Option<char> {
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                && !c.is_control() =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// Applies `action` (the layer's lookup of `key`) or types `key` into
/// `text`, keeping it within `max_bytes`.
pub fn edit_text(
    text: &mut String,
    action: Option<Action>,
    key: &KeyEvent,
    max_bytes: usize,
) -> TextEdit {
    let before = text.len();
    match (action, typed_char(key)) {
        (Some(Action::DeleteChar), _) => {
            text.pop();
        }
        (Some(Action::DeleteWord), _) => {
            let kept = text.trim_end().rfind(' ').map_or(0, |at| at + 1);
            text.truncate(kept);
        }
        (Some(Action::ClearInput), _) => text.clear(),
        (Some(_), _) => return TextEdit::Unchanged,
        (None, Some(c)) => {
            if text.len() + c.len_utf8() <= max_bytes {
                text.push(c);
            }
        }
        (None, None) if key.modifiers.contains(KeyModifiers::CONTROL) => return TextEdit::PassOn,
        (None, None) => {}
    }
    if text.len() == before {
        TextEdit::Unchanged
    } else {
        TextEdit::Changed
    }
}

/// "› query▏": the marker, what was typed (cleaned) and the cursor.
pub fn prompt_line(
    marker: &'static str,
    marker_style: Style,
    text: &str,
    cursor: Style,
) -> Line<'static> {
    Line::from(vec![
        Span::styled(marker, marker_style),
        Span::raw(clean(text).into_owned()),
        Span::styled("▏", cursor),
    ])
}

/// The candidates (index, text) that match every word of `query`, best
/// first, through the engine's matcher ([`crate::search::Matcher`]) on
/// folded, lower-cased text, so a list filters as search ranks. Equal
/// scores keep the candidates' order; an empty query keeps them all.
pub fn fuzzy_filter(
    query: &str,
    candidates: impl IntoIterator<Item = (usize, String)>,
) -> Vec<usize> {
    use crate::search::fold::{fold_query, lower};
    use crate::search::{Matcher, NucleoMatcher};
    let words: Vec<String> = lower(&fold_query(query))
        .split_whitespace()
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        return candidates.into_iter().map(|(index, _)| index).collect();
    }
    let mut scored: Vec<(i64, usize)> = candidates
        .into_iter()
        .filter_map(|(index, text)| {
            let text = lower(&fold_query(&text));
            let scores: Option<Vec<i64>> = words
                .iter()
                .map(|word| NucleoMatcher.score(&text, word))
                .collect();
            scores.map(|scores| (scores.iter().sum(), index))
        })
        .collect();
    scored.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
    scored.into_iter().map(|(_, index)| index).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filtering_matches_every_word_folded_best_first() {
        let candidates = [
            (0, "Energy supplies (energy)".to_string()),
            (1, "Prisoner exchanges (prisoners)".to_string()),
            (2, "Café owners (cafes)".to_string()),
        ];
        assert_eq!(fuzzy_filter("", candidates.clone()), vec![0, 1, 2]);
        assert_eq!(fuzzy_filter("PRIS exch", candidates.clone()), vec![1]);
        assert_eq!(fuzzy_filter("cafe", candidates.clone()), vec![2]);
        assert!(fuzzy_filter("zzz", candidates).is_empty());
    }
}
