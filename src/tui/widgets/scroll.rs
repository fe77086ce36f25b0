//! The one rule of every scrolled list: the selection stays in view.

/// The first row to show so row `selected` is among the `page` rows from it,
/// moving `offset` as little as possible.
pub fn keep_in_view(selected: usize, offset: usize, page: usize) -> usize {
    if page == 0 {
        offset
    } else if selected < offset {
        selected
    } else if selected >= offset + page {
        selected + 1 - page
    } else {
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offset_moves_only_as_far_as_it_must() {
        assert_eq!(keep_in_view(3, 0, 5), 0);
        assert_eq!(keep_in_view(7, 0, 5), 3);
        assert_eq!(keep_in_view(1, 4, 5), 1);
        assert_eq!(keep_in_view(2, 4, 0), 4);
    }
}
