//! A seeded, reproducible soak: 100,000 random actions through `update` and
//! a full render at random terminal sizes (1×1 to 300×100), over the seeds
//! and over hostile files parsed by the real pipeline. After every step the
//! invariants that keep the panes in step must hold. A failure prints the
//! seed and step, so it can be replayed.

use dateline::ingest::Loaded;
use dateline::model::Corpus;
use dateline::tui::action::{Action, Pane};
use dateline::tui::app::AppState;
use dateline::tui::update::update;
use ratatui::{Terminal, backend::TestBackend};

/// xorshift64*: tiny, deterministic, good enough to pick actions.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn hostile_corpus() -> Corpus {
    let nasty = [
        "Evil \x1b]0;title\x07 headline with escapes\n\nThe minister said on Monday \x1b[2J that \x1b]52;c;aGk=\x07 talks with Anna Varga \u{9b}31m resume on April 27.\n\nVarga told the BBC \u{202e}reversed\u{202c} on Friday \x07\x08\r that she \u{200b} agreed.\n",
        "\u{feff}\t\tTabbed title of a story here\n\nPresident Tomasz Quill met Ilse Varga in Paris on 3 May 2025.\n\n\x1bP+q\x1b\\ Quill said last week \u{2066}isolate\u{2069} was fine.\n",
        "x",
        "日本語の見出しがここにあります\n\n東京で会合が開かれた、と当局者は述べた。 Officials said on Tuesday it went well.\n",
    ];
    let mut files: Vec<Loaded> = nasty
        .iter()
        .enumerate()
        .map(|(i, t)| Loaded::plain(format!("hostile/{i}.txt"), t.to_string()))
        .collect();
    files.extend(dateline::ingest::bundled());
    dateline::parse::build_corpus(
        &dateline::knowledge::Knowledge::shared_builtin(),
        files,
        Vec::new(),
        None,
    )
}

fn random_action(r: &mut Rng, w: u16, h: u16) -> Action {
    use Action::*;
    const CHARS: [char; 14] = [
        '2', '0', '5', '-', '4', 'a', 'p', 'r', ' ', '\x1b', '\u{9b}', '(', '*', 'é',
    ];
    match r.below(41) {
        0 => FocusNext,
        1 => FocusPrev,
        2 => Focus(Pane::List),
        3 => Focus(Pane::Reader),
        4 => Focus(Pane::Timeline),
        5..=7 => Down,
        8 | 9 => Up,
        10 => HalfDown,
        11 => HalfUp,
        12 => PageDown,
        13 => PageUp,
        14 => Top,
        15 => Bottom,
        16 | 17 => Activate,
        18 => PrevEntity,
        19 => NextEntity,
        20 => PrevDay,
        21 => NextDay,
        22 => PrevMonth,
        23 => NextMonth,
        24 => PromptDate,
        25 => PromptSearch,
        26 => OpenPicker,
        27 => NextHit,
        28 => PrevHit,
        29 => ToggleFilter,
        30 => ToggleRaw,
        31 => ToggleSort,
        32 => Back,
        33 => Forward,
        34 => ToggleHelp,
        35 => Escape,
        36 => Input(CHARS[r.below(CHARS.len() as u64) as usize]),
        37 => Submit,
        38 => Click {
            col: r.below(w as u64 + 2) as u16,
            row: r.below(h as u64 + 2) as u16,
        },
        39 => ToggleZoom,
        _ => Wheel {
            col: r.below(w as u64 + 2) as u16,
            row: r.below(h as u64 + 2) as u16,
            down: r.below(2) == 0,
        },
    }
}

fn check_invariants(s: &AppState, c: &Corpus, where_: &str) {
    match s.current {
        Some(id) => {
            assert!(
                (id as usize) < c.articles.len(),
                "{where_}: selection {id} out of range"
            );
            if s.filter.is_none() {
                assert!(
                    s.list_pos(c, id).is_some(),
                    "{where_}: selection not in the list"
                );
            }
            assert_eq!(
                s.reader.doc.key.map(|k| k.0),
                Some(id),
                "{where_}: reader shows another article than the list"
            );
        }
        None => assert!(
            c.articles.is_empty() || s.filter.is_some(),
            "{where_}: nothing selected in a non-empty list"
        ),
    }
    if let Some(f) = &s.follow {
        let list = c
            .mentions_by_actor()
            .get(f.actor as usize)
            .unwrap_or_else(|| panic!("{where_}: followed actor out of range"));
        assert!(
            f.pos.is_none_or(|p| p < list.len()),
            "{where_}: follow position {:?} of {}",
            f.pos,
            list.len()
        );
    }
    let n = s.event_count(c);
    assert!(
        n == 0 || s.timeline.cursor < n,
        "{where_}: timeline cursor {} of {n}",
        s.timeline.cursor
    );
}

fn soak(c: &Corpus, seed: u64, steps: usize) {
    let mut r = Rng(seed);
    let (mut w, mut h) = (80u16, 24u16);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut s = AppState::new(c, w, h);
    for step in 0..steps {
        let where_ = format!("seed {seed:#x} step {step} at {w}x{h}");
        let action = if r.below(150) == 0 {
            w = 1 + r.below(300) as u16;
            h = 1 + r.below(100) as u16;
            term = Terminal::new(TestBackend::new(w, h)).unwrap();
            Action::Resize {
                width: w,
                height: h,
            }
        } else if r.below(400) == 0 {
            Action::Quit
        } else {
            random_action(&mut r, w, h)
        };
        update(&mut s, c, action);
        s.quit = false;
        term.draw(|f| dateline::tui::draw(f, &s, c))
            .unwrap_or_else(|e| panic!("{where_}: draw failed: {e}"));
        check_invariants(&s, c, &where_);
        if step % 50 == 0 {
            for cell in term.backend().buffer().content() {
                let bad = cell.symbol().chars().any(|ch| {
                    let u = ch as u32;
                    u < 0x20
                        || (0x7f..=0x9f).contains(&u)
                        || (0x202a..=0x202e).contains(&u)
                        || (0x2066..=0x2069).contains(&u)
                });
                assert!(
                    !bad,
                    "{where_}: control character {:?} reached the screen",
                    cell.symbol()
                );
            }
        }
    }
}

#[test]
fn fifty_thousand_random_actions_over_the_seeds() {
    soak(&dateline::open(&[]), 0x5eed_0001, 50_000);
}

#[test]
fn fifty_thousand_random_actions_over_hostile_files() {
    soak(&hostile_corpus(), 0x5eed_0002, 50_000);
}
