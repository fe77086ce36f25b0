//! Each theme on the same screens, with its styles in the snapshot.

use super::*;
use crate::tui::theme::{THEMES, Theme};

fn themed(name: &str, width: u16, height: u16) -> App {
    let settings = Settings {
        theme: Theme::named(name).expect("a theme"),
        ..Settings::default()
    };
    with_settings(settings, width, height)
}

#[test]
fn each_theme_at_100x30() {
    for name in THEMES {
        let mut app = themed(name, 100, 30);
        keys(&mut app, "<enter>");
        let reader = draw(&mut app, 100, 30);
        insta::assert_snapshot!(
            format!("{name}_reader_100x30"),
            styled(reader.backend().buffer())
        );
        keys(&mut app, "c");
        settle(&mut app);
        let compare = draw(&mut app, 100, 30);
        insta::assert_snapshot!(
            format!("{name}_compare_100x30"),
            styled(compare.backend().buffer())
        );
    }
}

#[test]
fn monochrome_draws_no_colour_and_keeps_kinds_apart() {
    let mut app = themed("monochrome", 100, 30);
    keys(&mut app, "<enter>");
    let terminal = draw(&mut app, 100, 30);
    let buffer = terminal.backend().buffer();
    for cell in &buffer.content {
        let style = plain_style(cell.style());
        assert_eq!((style.fg, style.bg), (None, None), "{:?}", cell.symbol());
    }
    let person = style_of(buffer, "Kyrylo").expect("a person on screen");
    let place = style_of(buffer, "United States").expect("a place on screen");
    assert_ne!(person.add_modifier, place.add_modifier);
    let text = text_of(buffer);
    assert!(
        text.contains('“') || text.contains('·'),
        "claim marks stay in the gutter"
    );
}

#[test]
fn the_help_legend_uses_the_theme() {
    for name in THEMES {
        let theme = Theme::named(name).expect("a theme");
        let mut app = themed(name, 100, 60);
        keys(&mut app, "?");
        let terminal = draw(&mut app, 100, 60);
        let buffer = terminal.backend().buffer();
        let person = style_of(buffer, "person").expect("the legend names person");
        let person = plain_style(person);
        assert_eq!(person.fg, theme.person.fg, "{name}");
        assert_eq!(person.add_modifier, theme.person.add_modifier, "{name}");
    }
}
