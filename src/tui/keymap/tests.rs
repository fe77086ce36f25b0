use super::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

fn press(code: KeyCode, modifiers: KeyModifiers) -> Key {
    Key::of(&KeyEvent::new(code, modifiers))
}

fn one(modes: &[Mode], key: Key) -> Option<Action> {
    Keymap::default().action(modes, key)
}

#[test]
fn shift_is_ignored_for_characters() {
    let key = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(one(&[Mode::Navigation], key), Some(Action::Bottom));
    let key = press(KeyCode::Char('?'), KeyModifiers::SHIFT);
    assert_eq!(one(&[Mode::Global], key), Some(Action::Help));
}

#[test]
fn control_must_match() {
    let key = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(one(&[Mode::Global], key), Some(Action::Quit));
    let key = press(KeyCode::Char('C'), KeyModifiers::CONTROL);
    assert_eq!(one(&[Mode::Global], key), Some(Action::Quit));
    let key = press(KeyCode::Char('c'), KeyModifiers::NONE);
    assert_eq!(one(&[Mode::Global], key), Some(Action::Compare));
    let key = press(KeyCode::Char('j'), KeyModifiers::CONTROL);
    assert_eq!(one(&[Mode::Navigation], key), None);
}

#[test]
fn earlier_modes_win() {
    let key = Key::char('q');
    assert_eq!(
        one(&[Mode::Pager, Mode::Global], key),
        Some(Action::CloseLayer)
    );
    assert_eq!(one(&[Mode::Global], key), Some(Action::Quit));
}

#[test]
fn digits_say_which_source() {
    assert_eq!(
        one(&[Mode::Compare], Key::char('3')),
        Some(Action::ToggleSource { source: 2 })
    );
    assert_eq!(one(&[Mode::Compare], Key::char('0')), None);
}

#[test]
fn sequences_wait_for_their_last_key() {
    let keymap = Keymap::default()
        .with_overrides(&[(Mode::Navigation, "top", vec![vec![Key::char('g'); 2]], ())])
        .expect("valid");
    let g = Key::char('g');
    assert_eq!(keymap.lookup(&[Mode::Navigation], &[g]), Lookup::Prefix);
    assert_eq!(
        keymap.lookup(&[Mode::Navigation], &[g, g]),
        Lookup::Action(Action::Top)
    );
    assert_eq!(keymap.label(Mode::Navigation, Action::Top), "gg");
}

#[test]
fn overrides_check_names_and_clashes_after_all_are_applied() {
    let swap = Keymap::default().with_overrides(&[
        (Mode::Navigation, "down", vec![vec![Key::char('k')]], 1),
        (Mode::Navigation, "up", vec![vec![Key::char('j')]], 2),
    ]);
    let swapped = swap.expect("a swap is no clash");
    assert_eq!(
        swapped.action(&[Mode::Navigation], Key::char('j')),
        Some(Action::Up)
    );
    let clash = Keymap::default()
        .with_overrides(&[(Mode::Navigation, "down", vec![vec![Key::char('k')]], 7)])
        .expect_err("k is up's");
    assert_eq!(clash.at, 7);
    assert!(
        clash.message.contains("\"k\" is also bound to up"),
        "{clash:?}"
    );
    let prefix = Keymap::default()
        .with_overrides(&[(
            Mode::Navigation,
            "top",
            vec![vec![Key::char('j'), Key::char('j')]],
            3,
        )])
        .expect_err("j starts jj");
    assert!(prefix.message.contains("down"), "{prefix:?}");
    let unknown = Keymap::default()
        .with_overrides(&[(Mode::List, "jump", vec![vec![Key::char('x')]], 4)])
        .expect_err("no such action");
    assert!(unknown.message.contains("one of open"), "{unknown:?}");
}

#[test]
fn no_key_is_bound_twice_in_modes_active_together() {
    let keymap = Keymap::default();
    let groups: [&[Mode]; 9] = [
        &[Mode::List, Mode::Navigation, Mode::Global],
        &[Mode::Reader, Mode::Navigation, Mode::Global],
        &[Mode::Pager],
        &[Mode::Search],
        &[Mode::SearchKept, Mode::Search],
        &[Mode::Panel],
        &[Mode::Compare, Mode::Navigation],
        &[Mode::Picker],
        &[Mode::Sources],
    ];
    for modes in groups {
        let mut seen: Vec<&Vec<Key>> = Vec::new();
        for mode in modes {
            for binding in keymap.bindings(*mode) {
                for keys in &binding.keys {
                    assert!(!seen.contains(&keys), "{keys:?} bound twice in {modes:?}");
                    seen.push(keys);
                }
            }
        }
    }
}

/// Where a key ends up with `modes` active: the first mode binding it,
/// unless a text-taking mode before that types it (no Ctrl held).
fn route(keymap: &Keymap, modes: &[Mode], keys: &[Key]) -> Option<Action> {
    for mode in modes {
        if let Some(binding) = keymap
            .bindings(*mode)
            .iter()
            .find(|b| b.keys.iter().any(|k| k == keys))
        {
            return Some(binding.action);
        }
        if mode.takes_text() && !keys[0].modifiers.contains(KeyModifiers::CONTROL) {
            return None;
        }
    }
    None
}

#[test]
fn every_hinted_key_reaches_its_action() {
    let keymap = Keymap::default();
    let stacks: [&[Mode]; 10] = [
        &[Mode::List, Mode::Navigation, Mode::Global],
        &[Mode::Reader, Mode::Navigation, Mode::Global],
        &[Mode::Compare, Mode::Navigation, Mode::Global],
        &[Mode::Pager, Mode::Global],
        &[Mode::Panel, Mode::Global],
        &[Mode::Search, Mode::Global],
        &[Mode::SearchKept, Mode::Search, Mode::Global],
        &[Mode::Picker, Mode::Global],
        &[Mode::Sources, Mode::Global],
        &[Mode::Global],
    ];
    for modes in stacks {
        for (label, hint) in keymap.hints(modes) {
            let binding = modes
                .iter()
                .flat_map(|mode| keymap.bindings(*mode))
                .find(|b| b.hint == Some(hint) && b.keys.iter().any(|k| sequence_label(k) == label))
                .expect("a hint comes from a binding");
            let keys = binding
                .keys
                .iter()
                .find(|k| sequence_label(k) == label)
                .expect("the hinted key");
            assert_eq!(
                route(&keymap, modes, keys),
                Some(binding.action),
                "{label} {hint} in {modes:?}"
            );
        }
    }
}

#[test]
fn text_layers_hint_ctrl_c_not_q() {
    let keymap = Keymap::default();
    let stacks: [&[Mode]; 4] = [
        &[Mode::Search, Mode::Global],
        &[Mode::SearchKept, Mode::Search, Mode::Global],
        &[Mode::Picker, Mode::Global],
        &[Mode::Sources, Mode::Global],
    ];
    for modes in stacks {
        let hints = keymap.hints(modes);
        assert!(hints.contains(&("Ctrl-c".to_string(), "quit")), "{hints:?}");
        for (label, _) in &hints {
            let mut chars = label.chars();
            let typed =
                chars.next().is_some_and(|c| c.is_ascii_graphic()) && chars.next().is_none();
            assert!(!typed, "{label} would be typed into the {modes:?} text");
        }
    }
}

#[test]
fn every_mode_has_help_and_hints_come_from_the_table() {
    let keymap = Keymap::default();
    for mode in Mode::ALL {
        assert!(!keymap.bindings(mode).is_empty());
        assert!(keymap.bindings(mode).iter().all(|b| !b.help.is_empty()));
        assert_eq!(Mode::from_config_name(mode.config_name()), Some(mode));
    }
    let hints = keymap.hints(&[Mode::List, Mode::Navigation, Mode::Global]);
    assert_eq!(hints.first(), Some(&("Enter".to_string(), "read")));
    assert!(hints.contains(&("q".to_string(), "quit")));
    let pager = keymap.hints(&[Mode::Pager, Mode::Global]);
    assert!(!pager.contains(&("q".to_string(), "quit")));
    assert!(!pager.contains(&("?".to_string(), "help")));
}
