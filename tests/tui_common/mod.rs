//! A hand-made corpus for the TUI tests: three articles with dates, mentions,
//! teasers and enough text to scroll, built straight from the model structs.

#![allow(dead_code)]

use chrono::NaiveDate;
use dateline::model::*;
use dateline::tui::action::{Action, Pane};

pub fn day(y: i32, m: u32, d: u32) -> DateValue {
    DateValue::day(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

pub struct Spec<'a> {
    pub title: &'a str,
    pub paras: Vec<String>,
    pub published: Option<(DateValue, Basis)>,
    pub dates: Vec<(&'a str, DateValue)>,
    pub mentions: Vec<(&'a str, ActorId)>,
    pub teasers: Vec<&'a str>,
    pub source: Option<&'a str>,
}

/// Builds an article whose raw text is the title, the paragraphs and the
/// teasers, one per line; every occurrence of each date/mention surface in
/// the body becomes a time expression / mention.
pub fn article(id: ArticleId, spec: Spec) -> Article {
    let mut raw = String::from("Menu Home World\n");
    let t0 = raw.len();
    raw.push_str(spec.title);
    let title = Span::new(t0, raw.len());
    raw.push_str("\n\n");
    let mut body = Vec::new();
    for p in &spec.paras {
        let s = raw.len();
        raw.push_str(p);
        body.push(Span::new(s, raw.len()));
        raw.push_str("\n\n");
    }
    raw.push_str("Related\n");
    let mut teasers = Vec::new();
    for t in &spec.teasers {
        let s = raw.len();
        raw.push_str(t);
        teasers.push(Span::new(s, raw.len()));
        raw.push('\n');
    }
    let sentences = body.clone();
    let find_all = |needle: &str| -> Vec<(Span, u32)> {
        let mut out = Vec::new();
        for (i, p) in body.iter().enumerate() {
            let text = p.text(&raw);
            for (off, _) in text.match_indices(needle) {
                let s = p.start as usize + off;
                out.push((Span::new(s, s + needle.len()), i as u32));
            }
        }
        out
    };
    let mut times: Vec<TimeExpr> = spec
        .dates
        .iter()
        .flat_map(|(surface, v)| {
            find_all(surface)
                .into_iter()
                .map(|(span, sentence)| TimeExpr {
                    span,
                    value: Some(*v),
                    kind: TimeKind::Absolute,
                    anchor: None,
                    sentence,
                })
        })
        .collect();
    times.sort_by_key(|t| t.span);
    let mut mentions: Vec<Mention> = spec
        .mentions
        .iter()
        .flat_map(|(surface, actor)| {
            find_all(surface)
                .into_iter()
                .map(|(span, sentence)| Mention {
                    span,
                    actor: *actor,
                    kind: MentionKind::Name,
                    sentence,
                    place: MentionPlace::Body,
                })
        })
        .collect();
    mentions.sort_by_key(|m| m.span);
    let (value, basis) = spec
        .published
        .map_or((None, Basis::Unknown), |(v, b)| (Some(v), b));
    Article {
        id,
        path: format!("seeds/{id:03}_fixture.txt").into(),
        raw,
        title: Some(title),
        source: spec.source.map(str::to_string),
        url: None,
        published: Published {
            value,
            basis,
            span: None,
        },
        body: body.into(),
        blocks: Box::new([Block {
            span: Span::new(0, 14),
            class: BlockClass::Furniture,
        }]),
        teasers: teasers.into(),
        sentences: sentences.into(),
        outside: Box::default(),
        mentions: mentions.into(),
        times: times.into(),
        warnings: Box::default(),
        page_warnings: Box::default(),
    }
}

pub const PUTIN: ActorId = 0;
pub const RUBIO: ActorId = 1;
pub const KREMLIN: ActorId = 2;

fn actor(id: ActorId, name: &str, kind: ActorKind, aliases: &[&str]) -> Actor {
    Actor {
        id,
        name: name.into(),
        kind,
        role: None,
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        mention_count: 0,
    }
}

/// Three articles: two dated April 2025 (one explicit, one inferred), one
/// undated with a year-precision date; Putin is in all three, Rubio in one.
pub fn corpus() -> Corpus {
    let filler: Vec<String> = (1..=30)
        .map(|i| format!("Filler paragraph number {i} keeps the reader long enough to scroll through a few pages of text."))
        .collect();
    let mut p1 = vec![
        "Vladimir Putin on April 28 announced a truce for May 8, the Kremlin said.".to_string(),
        "The Kremlin said the truce would begin on May 8 and end on May 10.".to_string(),
    ];
    p1.extend(filler);
    p1.push("Late in the text Putin is mentioned once more.".into());
    let a0 = article(
        0,
        Spec {
            title: "Rubio spoke with Lavrov, urged for war to end",
            paras: vec![
                "U.S. Secretary of State Marco Rubio spoke with Sergey Lavrov on April 27.".into(),
                "Special Envoy Witkoff met Putin in Moscow on April 25.".into(),
                "Trump said Putin should stop shooting, Rubio added.".into(),
            ],
            published: Some((day(2025, 4, 28), Basis::Explicit)),
            dates: vec![
                ("April 27", day(2025, 4, 27)),
                ("April 25", day(2025, 4, 25)),
            ],
            mentions: vec![
                ("Marco Rubio", RUBIO),
                ("Putin", PUTIN),
                ("Rubio added", RUBIO),
            ],
            teasers: vec![
                "Ukraine war latest: talks stall",
                "Zelensky meets Trump in Rome",
            ],
            source: Some("Kyiv Independent"),
        },
    );
    let a1 = article(
        1,
        Spec {
            title: "Putin announces a truce",
            paras: p1,
            published: Some((
                day(2025, 4, 29),
                Basis::Inferred("latest date in body".into()),
            )),
            dates: vec![
                ("April 28", day(2025, 4, 28)),
                ("May 8", day(2025, 5, 8)),
                ("May 10", day(2025, 5, 10)),
            ],
            mentions: vec![("Putin", PUTIN), ("Kremlin", KREMLIN)],
            teasers: vec![],
            source: None,
        },
    );
    let a2 = article(
        2,
        Spec {
            title: "Background: Crimea",
            paras: vec!["In 2014 Putin annexed Crimea.".into()],
            published: None,
            dates: vec![("2014", DateValue::year(2014).unwrap())],
            mentions: vec![("Putin", PUTIN)],
            teasers: vec![],
            source: None,
        },
    );
    // Putin's mention in "Vladimir Putin" sits inside a1's first paragraph.
    let actors = vec![
        actor(
            PUTIN,
            "Vladimir Putin",
            ActorKind::Person,
            &["Vladimir Putin", "Putin"],
        ),
        actor(
            RUBIO,
            "Marco Rubio",
            ActorKind::Person,
            &["Marco Rubio", "Rubio", "the Secretary"],
        ),
        actor(KREMLIN, "Kremlin", ActorKind::Organisation, &["Kremlin"]),
    ];
    dateline::index::build(vec![a0, a1, a2], actors, Vec::new())
}

/// Every kind of action, some more than once, for walks through `update`.
pub fn all_actions() -> Vec<Action> {
    use Action::*;
    vec![
        FocusNext,
        FocusPrev,
        Focus(Pane::List),
        Focus(Pane::Reader),
        Focus(Pane::Timeline),
        Down,
        Up,
        Down,
        Down,
        HalfDown,
        HalfUp,
        PageDown,
        PageUp,
        Top,
        Bottom,
        Activate,
        PrevEntity,
        NextEntity,
        NextEntity,
        PrevDay,
        NextDay,
        PrevMonth,
        NextMonth,
        PromptDate,
        Input('2'),
        Input('0'),
        Submit,
        PromptSearch,
        Input('a'),
        Submit,
        OpenPicker,
        Input('p'),
        Submit,
        NextHit,
        NextHit,
        PrevHit,
        ToggleFilter,
        SearchResults,
        Down,
        Submit,
        NextUnread,
        PrevUnread,
        Copy,
        OpenPager,
        OpenEditor,
        ToggleRaw,
        ToggleHidden,
        ToggleAllHidden,
        ToggleHidden,
        ToggleSort,
        Back,
        Forward,
        ToggleHelp,
        Escape,
        InputBackspace,
        InputClear,
        Click { col: 3, row: 3 },
        Click { col: 50, row: 8 },
        Wheel {
            col: 50,
            row: 5,
            down: true,
        },
        ToggleZoom,
        Down,
        Resize {
            width: 1,
            height: 1,
        },
        ToggleZoom,
        Quit,
    ]
}

/// What a TestBackend terminal shows, one line per row.
pub fn screen(t: &ratatui::Terminal<ratatui::backend::TestBackend>) -> String {
    let b = t.backend().buffer();
    let mut out = String::new();
    for y in 0..b.area.height {
        for x in 0..b.area.width {
            out.push_str(b[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}
