//! Makes article text safe to put on a terminal.

/// Removes what must never reach a terminal, keeping newlines.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}
