//! Rendering through ratatui's TestBackend: snapshots at the sizes users
//! have, no panic at any size (down to 1×1) on any action sequence, and no
//! control character from a file ever reaching the screen buffer.

use crate::tui_common::*;
use dateline::model::Corpus;
use dateline::tui::action::{Action, Pane};
use dateline::tui::app::AppState;
use dateline::tui::theme::Theme;
use dateline::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn terminal(w: u16, h: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(w, h)).unwrap()
}

fn state(c: &Corpus, w: u16, h: u16) -> AppState {
    let mut s = AppState::new(c, w, h);
    s.theme = Theme::monochrome();
    s
}

fn draw(t: &mut Terminal<TestBackend>, s: &mut AppState, c: &Corpus) {
    t.draw(|f| dateline::tui::draw(f, s, c)).unwrap();
}

/// Follows Putin to his second article so the snapshots show highlights,
/// the followed actor and the status line.
fn busy(c: &Corpus, s: &mut AppState) {
    s.follow_actor(c, PUTIN, Some(2));
    update(s, c, Action::NextEntity);
}

#[test]
fn snapshot_120x40() {
    let c = corpus();
    let mut s = state(&c, 120, 40);
    let mut t = terminal(120, 40);
    busy(&c, &mut s);
    draw(&mut t, &mut s, &c);
    let text = screen(&t);
    assert!(
        text.contains("1 Articles") && text.contains("2 Reader") && text.contains("3 Timeline")
    );
    assert!(text.contains("Vladimir Putin 3/5"));
    insta::assert_snapshot!(text);
}

#[test]
fn snapshot_80x24() {
    let c = corpus();
    let mut s = state(&c, 80, 24);
    let mut t = terminal(80, 24);
    draw(&mut t, &mut s, &c);
    let text = screen(&t);
    assert!(
        text.contains("1 Articles") && text.contains("2 Reader") && text.contains("3 Timeline")
    );
    insta::assert_snapshot!(text);
}

#[test]
fn snapshot_40x12_single_pane() {
    let c = corpus();
    let mut s = state(&c, 40, 12);
    let mut t = terminal(40, 12);
    draw(&mut t, &mut s, &c);
    let list = screen(&t);
    assert!(list.contains("[1/3 Articles]"));
    update(&mut s, &c, Action::FocusNext);
    draw(&mut t, &mut s, &c);
    let reader = screen(&t);
    assert!(reader.contains("[2/3 Reader]"));
    update(&mut s, &c, Action::FocusNext);
    draw(&mut t, &mut s, &c);
    let timeline = screen(&t);
    assert!(timeline.contains("[3/3 Timeline]"));
    insta::assert_snapshot!(format!("{list}\n{reader}\n{timeline}"));
}

#[test]
fn an_empty_corpus_keeps_every_pane_framed_and_numbered() {
    let c = Corpus::default();
    for (w, h) in [(120, 40), (80, 24)] {
        let mut s = state(&c, w, h);
        let mut t = terminal(w, h);
        draw(&mut t, &mut s, &c);
        let text = screen(&t);
        for title in ["1 Articles", "2 Reader", "3 Timeline"] {
            assert!(text.contains(title), "{title} missing at {w}x{h}:\n{text}");
        }
        assert!(text.contains("no articles") && text.contains("no article "));
    }
}

#[test]
fn one_by_one_draws() {
    let c = corpus();
    let mut s = state(&c, 1, 1);
    let mut t = terminal(1, 1);
    draw(&mut t, &mut s, &c);
    insta::assert_snapshot!(screen(&t));
}

#[test]
fn help_overlay_lists_every_binding() {
    let c = corpus();
    let mut s = state(&c, 120, 60);
    let mut t = terminal(120, 60);
    update(&mut s, &c, Action::ToggleHelp);
    draw(&mut t, &mut s, &c);
    let text = screen(&t);
    for b in dateline::tui::bindings::BINDINGS
        .iter()
        .filter(|b| b.ctx == dateline::tui::keys::Ctx::Global)
    {
        assert!(text.contains(b.desc), "help misses {:?}", b.desc);
    }
    insta::assert_snapshot!(text);
}

#[test]
fn picker_overlay() {
    let c = corpus();
    let mut s = state(&c, 100, 30);
    let mut t = terminal(100, 30);
    update(&mut s, &c, Action::OpenPicker);
    draw(&mut t, &mut s, &c);
    let text = screen(&t);
    assert!(
        text.contains("Follow an actor (3)")
            && text.contains("Vladimir Putin")
            && text.contains("org")
    );
    insta::assert_snapshot!(text);
}

#[test]
fn timeline_shows_headings_and_strip() {
    let c = corpus();
    let mut s = state(&c, 120, 40);
    let mut t = terminal(120, 40);
    update(&mut s, &c, Action::Focus(Pane::Timeline));
    update(&mut s, &c, Action::Top);
    draw(&mut t, &mut s, &c);
    let text = screen(&t);
    assert!(text.contains("2014"));
    assert!(text.contains("Fri 25 Apr 2025"));
    assert!(text.contains("May 2025") || text.contains("Thu 8 May 2025"));
    // The 2014 event lies far from the rest: the strip covers 2025 and
    // counts it outside.
    assert!(
        text.contains("‹1 2025-04-25") && text.contains("2025-05-10"),
        "strip axis"
    );
}

#[test]
fn no_panic_on_any_action_at_any_size() {
    let c = corpus();
    let actions = all_actions();
    let sizes = [
        (1, 1),
        (2, 1),
        (1, 5),
        (5, 2),
        (10, 3),
        (20, 6),
        (40, 12),
        (59, 14),
        (60, 15),
        (80, 24),
        (109, 30),
        (110, 30),
        (200, 60),
    ];
    // A small deterministic pseudo-random walk through the actions at each size.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for (w, h) in sizes {
        let mut s = state(&c, w, h);
        let mut t = terminal(w, h);
        for _ in 0..400 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let a = actions[(seed % actions.len() as u64) as usize];
            let a = match a {
                Action::Resize { .. } => Action::Resize {
                    width: w,
                    height: h,
                },
                other => other,
            };
            update(&mut s, &c, a);
            if s.quit {
                s.quit = false;
            }
            draw(&mut t, &mut s, &c);
        }
    }
}

fn hostile_corpus() -> Corpus {
    let nasty = "Evil \x1b[2J clear, \x1b]52;c;aGVsbG8=\x07 clipboard, \u{9b}31m C1 CSI, bell \x07, \u{202e}reversed\u{202c} bidi, nul \0, del \x7f, tab\there.";
    let a = article(
        0,
        Spec {
            title: "Title with \x1b[31mred\x1b[0m and \u{202e}override",
            paras: vec![nasty.to_string(), format!("Putin said {nasty}")],
            published: Some((day(2025, 4, 25), dateline::model::Basis::Explicit)),
            dates: vec![("Evil", day(2025, 4, 25))],
            mentions: vec![("Putin", 0)],
            teasers: vec!["teaser \x1b[2J \u{9b}"],
            source: Some("Src \x1b]0;title\x07"),
        },
    );
    let actors = vec![dateline::model::Actor {
        id: 0,
        name: "Pu\x1b[2Jtin\u{202e}".into(),
        kind: dateline::model::ActorKind::Person,
        role: None,
        aliases: vec!["\u{9b}alias".into()],
        mention_count: 0,
    }];
    dateline::index::build(vec![a], actors, Vec::new())
}

fn assert_clean(t: &Terminal<TestBackend>, what: &str) {
    let b = t.backend().buffer();
    for cell in b.content() {
        for ch in cell.symbol().chars() {
            let u = ch as u32;
            assert!(
                !(u < 0x20
                    || (0x7f..=0x9f).contains(&u)
                    || matches!(u, 0x200b..=0x200f | 0x202a..=0x202e | 0x2060..=0x2069 | 0xfeff)),
                "{what}: control U+{u:04X} reached the buffer"
            );
        }
    }
}

#[test]
fn hostile_text_never_reaches_the_buffer() {
    let c = hostile_corpus();
    for (w, h) in [(120, 40), (80, 24), (40, 12), (13, 5)] {
        let mut s = state(&c, w, h);
        let mut t = terminal(w, h);
        let steps: Vec<Action> = vec![
            Action::Focus(Pane::List),
            Action::Focus(Pane::Reader),
            Action::NextEntity,
            Action::ToggleRaw,
            Action::Focus(Pane::Timeline),
            Action::OpenPicker,
            Action::Input('p'),
            Action::Submit,
            Action::PromptSearch,
            Action::Input('\u{1b}'),
            Action::Input('\u{9b}'),
        ];
        draw(&mut t, &mut s, &c);
        assert_clean(&t, "first frame");
        for a in steps {
            update(&mut s, &c, a);
            draw(&mut t, &mut s, &c);
            assert_clean(&t, &format!("{a:?} at {w}x{h}"));
        }
        update(&mut s, &c, Action::ToggleHelp);
        draw(&mut t, &mut s, &c);
        assert_clean(&t, "help");
    }
    // The reader shows them as visible stand-ins.
    let mut s = state(&c, 120, 40);
    let mut t = terminal(120, 40);
    update(&mut s, &c, Action::Focus(Pane::Reader));
    draw(&mut t, &mut s, &c);
    let text = screen(&t);
    assert!(text.contains("␛[2J") && text.contains("U+202E"), "{text}");
}

#[test]
fn monochrome_theme_uses_no_colours() {
    use ratatui::style::Color;
    let c = corpus();
    let mut s = state(&c, 120, 40);
    let mut t = terminal(120, 40);
    busy(&c, &mut s);
    update(&mut s, &c, Action::PromptSearch);
    for ch in "truce".chars() {
        update(&mut s, &c, Action::Input(ch));
    }
    update(&mut s, &c, Action::Submit);
    draw(&mut t, &mut s, &c);
    for cell in t.backend().buffer().content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "a colour under NO_COLOR"
        );
    }
}
