//! The reader over a page's blocks, through ratatui's TestBackend: runs of
//! lines that are not the article fold into one marker each, `z` / `Z` / a
//! click open them in place (dimmed, under their class tag), subheads read
//! as headings and list items as a list, a paragraph over several raw lines
//! wraps as one, the raw view styles and tags every line by its class, and
//! page warnings are marked in the list and the status bar. The page is
//! built by hand (made-up names), so nothing here depends on the parser.

use crate::tui_common::screen;
use BlockClass::*;
use dateline::config::Config;
use dateline::model::*;
use dateline::tui::action::{Action, Pane};
use dateline::tui::app::AppState;
use dateline::tui::keys::Ctx;
use dateline::tui::settings::Settings;
use dateline::tui::theme::Theme;
use dateline::tui::update::update;
use dateline_core::testing::page;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};
use std::path::Path;

const BANNER: &str = "We use cookies on this site. Accept all";
const CAPTION: &str = "Gulls over the pier at dawn. Photo: Ivo Lark";
const SHARE: &str = "Share on social media";

fn harbour(id: ArticleId) -> Article {
    page(
        id,
        &[
            ("Skip to content", Some(Furniture)),
            (BANNER, Some(Furniture)),
            ("Pier in Velmora reopens after repairs", Some(Title)),
            ("By Ada Quillfeather", Some(Byline)),
            ("", None),
            ("VELMORA, March 4 -", Some(Dateline)),
            ("The old pier reopened to walkers on Monday", Some(Body)),
            ("after two winters of repairs,", Some(Body)),
            ("the harbour board said.", Some(Body)),
            ("", None),
            ("What was rebuilt", Some(Subhead)),
            ("New oak decking", Some(List)),
            ("Railings along both sides", Some(List)),
            ("A lamp at the far end", Some(List)),
            (CAPTION, Some(Caption)),
            (
                "Walkers queued from first light to be the first across.",
                Some(Body),
            ),
            (SHARE, Some(Furniture)),
            ("Newsletter: the week in Velmora", Some(Furniture)),
            ("Ferry fares to rise in spring", Some(Teaser)),
        ],
    )
}

fn corpus(articles: Vec<Article>) -> Corpus {
    dateline::index::build(articles, Vec::new(), Vec::new())
}

fn open_reader(c: &Corpus, w: u16, h: u16, theme: Theme) -> (AppState, Terminal<TestBackend>) {
    let mut s = AppState::new(c, w, h);
    s.theme = theme;
    update(&mut s, c, Action::Activate);
    assert_eq!(s.focus, Pane::Reader);
    (s, Terminal::new(TestBackend::new(w, h)).unwrap())
}

fn draw(t: &mut Terminal<TestBackend>, s: &mut AppState, c: &Corpus) -> String {
    t.draw(|f| dateline::tui::draw(f, s, c)).unwrap();
    screen(t)
}

/// The screen row holding `text`, and the column it starts at.
fn find(t: &Terminal<TestBackend>, text: &str) -> Option<(u16, u16)> {
    let s = screen(t);
    s.lines().enumerate().find_map(|(y, l)| {
        let byte = l.find(text)?;
        Some((l[..byte].chars().count() as u16, y as u16))
    })
}

#[test]
fn hidden_runs_are_markers_that_z_opens_in_place() {
    let c = corpus(vec![harbour(0)]);
    let (mut s, mut t) = open_reader(&c, 100, 36, Theme::monochrome());
    let text = draw(&mut t, &mut s, &c);
    assert!(text.contains("⋯ 4 lines hidden · furniture, title, byline · z shows"));
    assert!(text.contains("⋯ 1 line hidden · caption"));
    assert!(text.contains("⋯ 3 lines hidden · furniture, teaser"));
    for hidden in [BANNER, CAPTION, SHARE] {
        assert!(!text.contains(hidden), "{hidden} shown before z");
    }
    insta::assert_snapshot!("collapsed", text);

    // z opens the first run on screen: its lines, under their class tags.
    update(&mut s, &c, Action::ToggleHidden);
    let text = draw(&mut t, &mut s, &c);
    assert!(text.contains("▾ 4 lines shown"));
    assert!(text.contains(&format!("furniture {BANNER}")), "{text}");
    assert!(text.contains("title     Pier in Velmora reopens"));
    assert!(text.contains("byline    By Ada Quillfeather"));
    assert!(!text.contains(CAPTION), "only the first run opens");
    insta::assert_snapshot!("first_run_open", text);
    // Dimmed when shown.
    let (x, y) = find(&t, BANNER).unwrap();
    let cell = &t.backend().buffer()[(x, y)];
    assert!(cell.modifier.contains(Modifier::DIM));

    // And z again closes it.
    update(&mut s, &c, Action::ToggleHidden);
    let text = draw(&mut t, &mut s, &c);
    assert!(!text.contains(BANNER));
    assert!(text.contains("⋯ 4 lines hidden"));
}

#[test]
fn z_opens_the_first_run_on_screen_and_keeps_its_row() {
    let c = corpus(vec![harbour(0)]);
    let (mut s, mut t) = open_reader(&c, 100, 20, Theme::monochrome());
    draw(&mut t, &mut s, &c);
    // Scroll the first marker off the top: z now opens the caption's run.
    for _ in 0..40 {
        if find(&t, "⋯ 4 lines hidden").is_none() {
            break;
        }
        update(&mut s, &c, Action::Down);
        draw(&mut t, &mut s, &c);
    }
    assert!(find(&t, "⋯ 4 lines hidden").is_none(), "scrolled past");
    let before = find(&t, "⋯ 1 line hidden").expect("the caption's marker on screen");
    update(&mut s, &c, Action::ToggleHidden);
    let text = draw(&mut t, &mut s, &c);
    assert!(text.contains(&format!("caption   {CAPTION}")), "{text}");
    assert_eq!(find(&t, "▾ 1 line shown").map(|p| p.1), Some(before.1));
    assert!(!text.contains(BANNER));
}

#[test]
fn capital_z_opens_every_run_and_closes_them_again() {
    let c = corpus(vec![harbour(0), harbour(1)]);
    let (mut s, mut t) = open_reader(&c, 100, 40, Theme::monochrome());
    update(&mut s, &c, Action::ToggleAllHidden);
    let text = draw(&mut t, &mut s, &c);
    for hidden in [BANNER, CAPTION, SHARE] {
        assert!(text.contains(hidden), "{hidden} hidden after Z:\n{text}");
    }
    assert!(text.contains("teaser    Ferry fares to rise"));
    // Every article: the other one opens shown too.
    update(&mut s, &c, Action::Focus(Pane::List));
    update(&mut s, &c, Action::Down);
    update(&mut s, &c, Action::Activate);
    let text = draw(&mut t, &mut s, &c);
    assert!(text.contains(BANNER));
    update(&mut s, &c, Action::ToggleAllHidden);
    let text = draw(&mut t, &mut s, &c);
    for hidden in [BANNER, CAPTION, SHARE] {
        assert!(!text.contains(hidden), "{hidden} shown after Z twice");
    }
}

#[test]
fn a_click_on_a_marker_toggles_that_run() {
    let c = corpus(vec![harbour(0)]);
    let (mut s, mut t) = open_reader(&c, 100, 36, Theme::monochrome());
    draw(&mut t, &mut s, &c);
    let (x, y) = find(&t, "⋯ 1 line hidden").unwrap();
    update(&mut s, &c, Action::Click { col: x, row: y });
    let text = draw(&mut t, &mut s, &c);
    assert!(text.contains(CAPTION), "{text}");
    assert!(!text.contains(BANNER), "only the clicked run opens");
    let (x, y) = find(&t, "▾ 1 line shown").unwrap();
    update(&mut s, &c, Action::Click { col: x, row: y });
    let text = draw(&mut t, &mut s, &c);
    assert!(!text.contains(CAPTION));
}

#[test]
fn subheads_are_headings_and_lists_are_lists() {
    let c = corpus(vec![harbour(0)]);
    let (mut s, mut t) = open_reader(&c, 100, 36, Theme::monochrome());
    let text = draw(&mut t, &mut s, &c);
    let rows: Vec<&str> = text.lines().collect();
    let (x, y) = find(&t, "What was rebuilt").unwrap();
    let cell = &t.backend().buffer()[(x, y)];
    assert!(
        cell.modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED),
        "a subhead is styled as a heading"
    );
    // Three bullets on three rows in a row: a list, not three paragraphs.
    let (_, first) = find(&t, "• New oak decking").unwrap();
    let y = first as usize;
    assert!(rows[y + 1].contains("• Railings along both sides"));
    assert!(rows[y + 2].contains("• A lamp at the far end"));
    // The wire place line is shown as the article has it, on its own.
    assert!(text.contains("VELMORA, March 4 -"));
}

#[test]
fn a_paragraph_over_several_lines_wraps_as_one() {
    let c = corpus(vec![harbour(0)]);
    let (mut s, mut t) = open_reader(&c, 120, 36, Theme::monochrome());
    let text = draw(&mut t, &mut s, &c);
    assert!(
        text.contains("after two winters of repairs, the harbour board"),
        "{text}"
    );
    // With a control character and indentation in the joined lines: made
    // visible, and the break with its indentation is one space.
    let a = page(
        0,
        &[
            ("Tide tables changed", Some(Title)),
            ("Tide\u{1b}[2J in", Some(Body)),
            ("    early, he said.", Some(Body)),
        ],
    );
    let c = corpus(vec![a]);
    let (mut s, mut t) = open_reader(&c, 120, 20, Theme::monochrome());
    let text = draw(&mut t, &mut s, &c);
    assert!(
        text.contains("Tide\u{241b}[2J in early, he said."),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn the_raw_view_styles_and_tags_each_line_by_class() {
    let c = corpus(vec![harbour(0)]);
    let colour = Theme::colour();
    let (mut s, mut t) = open_reader(&c, 100, 36, colour);
    update(&mut s, &c, Action::ToggleRaw);
    let text = draw(&mut t, &mut s, &c);
    let buf = t.backend().buffer().clone();
    for (line, class) in [
        (BANNER, Furniture),
        (CAPTION, Caption),
        ("By Ada Quillfeather", Byline),
        ("What was rebuilt", Subhead),
        ("New oak decking", List),
        ("Ferry fares to rise in spring", Teaser),
    ] {
        let (x, y) = find(&t, line).unwrap_or_else(|| panic!("{line} in the raw view"));
        assert_eq!(
            buf[(x, y)].fg,
            colour.class(class).fg.unwrap_or(Color::Reset),
            "{line}"
        );
        let row = text.lines().nth(y as usize).unwrap();
        assert!(
            row.contains(&format!("{:<10}{line}", class.as_str())),
            "{row}"
        );
    }
    assert_ne!(colour.class(Furniture).fg, colour.class(Body).fg);
    insta::assert_snapshot!("raw_view", text);

    // NO_COLOR: the same tags, and no colour anywhere.
    let (mut s, mut t) = open_reader(&c, 100, 36, Theme::monochrome());
    update(&mut s, &c, Action::ToggleRaw);
    let mono = draw(&mut t, &mut s, &c);
    assert!(mono.contains(&format!("furniture {BANNER}")));
    assert!(mono.contains(&format!("caption   {CAPTION}")));
    for cell in t.backend().buffer().content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    // z has nothing to open there, and says so.
    update(&mut s, &c, Action::ToggleHidden);
    assert!(
        s.message
            .as_ref()
            .is_some_and(|m| m.text.contains("raw view"))
    );
}

#[test]
fn page_warnings_are_marked_in_the_list_and_the_status_bar() {
    let mut doubtful = page(
        0,
        &[
            ("Menu", Some(Furniture)),
            ("Gulls nest early on the breakwater this year.", Some(Body)),
        ],
    );
    doubtful.page_warnings =
        Box::new([PageWarning::NoTitle, PageWarning::SmallBody { percent: 12 }]);
    let c = corpus(vec![doubtful, harbour(1)]);
    let mut s = AppState::new(&c, 120, 30);
    s.theme = Theme::monochrome();
    let mut t = Terminal::new(TestBackend::new(120, 30)).unwrap();
    let text = draw(&mut t, &mut s, &c);
    assert!(text.contains("! no title, body 12% of page"), "{text}");
    // No title: the list shows the first body words, in italics.
    let (x, y) = find(&t, "“Gulls nest early").unwrap();
    assert!(
        t.backend().buffer()[(x + 1, y)]
            .modifier
            .contains(Modifier::ITALIC)
    );
    let status = |text: &str| text.lines().last().unwrap_or("").to_string();
    assert!(
        !status(&text).contains("no title"),
        "list focused: no note yet"
    );
    update(&mut s, &c, Action::Activate);
    let text = draw(&mut t, &mut s, &c);
    assert!(
        status(&text).contains("! no title found on the page; the body holds only 12%"),
        "{}",
        status(&text)
    );
    // An article without warnings has no mark.
    assert_eq!(text.matches("! no title").count(), 2);
}

#[test]
fn the_expand_keys_can_be_rebound_and_help_lists_them() {
    let cfg = Config::parse(
        Path::new("config.toml"),
        "[keys.reader]\ntoggle-hidden = \"x\"\ntoggle-all-hidden = \"X\"\n",
    )
    .unwrap();
    let settings = Settings::from_config_with(&cfg, true).unwrap();
    let key = |c: char| {
        let mods = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        KeyEvent::new(KeyCode::Char(c), mods)
    };
    let km = &settings.keymap;
    assert_eq!(
        km.action_for(&key('x'), Ctx::Reader),
        Some(Action::ToggleHidden)
    );
    assert_eq!(
        km.action_for(&key('X'), Ctx::Reader),
        Some(Action::ToggleAllHidden)
    );
    assert_eq!(km.action_for(&key('z'), Ctx::Reader), None);
    // The marker names the key in force; help lists both.
    let c = corpus(vec![harbour(0)]);
    let mut s = AppState::with_settings(&c, 100, 36, settings);
    update(&mut s, &c, Action::Activate);
    let mut t = Terminal::new(TestBackend::new(100, 36)).unwrap();
    let text = draw(&mut t, &mut s, &c);
    assert!(text.contains("· x shows"), "{text}");
    update(&mut s, &c, Action::ToggleHelp);
    let mut t = Terminal::new(TestBackend::new(100, 80)).unwrap();
    let help = draw(&mut t, &mut s, &c);
    assert!(help.contains("⋯ N lines hidden"), "{help}");
    assert!(help.contains("hidden lines in every article"), "{help}");
}

#[test]
fn no_panic_at_any_size_with_runs_open() {
    let mut bare = page(1, &[("Only furniture here", Some(Furniture))]);
    bare.title = None;
    let c = corpus(vec![harbour(0), bare, Article::default()]);
    for (w, h) in [
        (1, 1),
        (2, 3),
        (5, 2),
        (12, 6),
        (20, 5),
        (39, 14),
        (59, 14),
        (80, 24),
    ] {
        let mut s = AppState::new(&c, w, h);
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        for a in [
            Action::Activate,
            Action::ToggleHidden,
            Action::ToggleAllHidden,
            Action::Down,
            Action::ToggleHidden,
            Action::ToggleRaw,
            Action::Bottom,
            Action::ToggleRaw,
            Action::Click { col: 1, row: 1 },
            Action::Focus(Pane::List),
            Action::Down,
            Action::Focus(Pane::Reader),
            Action::ToggleHidden,
            Action::Bottom,
            Action::ToggleAllHidden,
        ] {
            update(&mut s, &c, a);
            draw(&mut t, &mut s, &c);
        }
    }
}
