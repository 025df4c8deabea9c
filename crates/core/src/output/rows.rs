//! The rows every command prints, defined once. Each is a plain struct that
//! borrows from the corpus, so a command builds one row, renders it and
//! drops it: output costs one row of memory, not a copy of the corpus.
//! JSON comes from `Serialize` (fields in alphabetical order, the order of
//! the JSON shapes in DESIGN.md); tables, CSV, Markdown and iCalendar read
//! the same fields.

use crate::model::{
    ActorId, ActorKind, Article, Basis, Block, Corpus, DateValue, Event, TimeExpr, TimeRef,
};
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::path::Path;

/// `articles`: one article.
#[derive(Serialize)]
pub struct ArticleRow<'a> {
    #[serde(serialize_with = "blocks")]
    pub blocks: &'a [Block],
    /// Paragraphs, each on one line.
    pub body: Vec<Cow<'a, str>>,
    #[serde(serialize_with = "path")]
    pub file: &'a Path,
    pub id: u32,
    pub published: PublishedRow<'a>,
    pub source: Option<&'a str>,
    pub teasers: Vec<&'a str>,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub warnings: Vec<Cow<'a, str>>,
    /// For the table: how many events (resolved dates) and actor mentions the article has.
    #[serde(skip)]
    pub dates: usize,
    #[serde(skip)]
    pub mentions: usize,
}

/// An article's publication date and where it came from.
#[derive(Serialize)]
pub struct PublishedRow<'a> {
    pub assumed_year: bool,
    pub basis: &'a str,
    #[serde(serialize_with = "date")]
    pub date: Option<DateValue>,
    pub precision: Option<&'static str>,
    /// How an inferred date was worked out.
    pub reason: Option<&'a str>,
}

/// `timeline` and `export`: one temporal expression.
#[derive(Serialize)]
pub struct EventRow<'a> {
    pub actors: Vec<&'a str>,
    pub assumed_year: bool,
    pub date: EventDate,
    pub end: u32,
    #[serde(serialize_with = "path")]
    pub file: &'a Path,
    pub kind: &'static str,
    /// `unknown` when unresolved.
    pub precision: &'static str,
    pub sentence: &'a str,
    pub start: u32,
    pub text: &'a str,
    pub url: Option<&'a str>,
    /// The article's title (Markdown, iCalendar, CSV and piped tables show it).
    #[serde(skip)]
    pub title: &'a str,
    /// The article's site (CSV shows it).
    #[serde(skip)]
    pub source: Option<&'a str>,
}

/// `actors`: one actor.
#[derive(Serialize)]
pub struct ActorRow<'a> {
    pub aliases: &'a [String],
    #[serde(serialize_with = "paths")]
    pub files: Vec<&'a Path>,
    pub kind: &'static str,
    pub mentions: u32,
    pub name: &'a str,
    pub role: Option<&'a str>,
}

/// `mentions`: one mention of an actor.
#[derive(Serialize)]
pub struct MentionRow<'a> {
    pub end: u32,
    /// The article's title (piped tables show it).
    #[serde(skip)]
    pub title: &'a str,
    #[serde(serialize_with = "path")]
    pub file: &'a Path,
    pub sentence: &'a str,
    pub start: u32,
    pub surface: &'a str,
}

/// `stats`: what a corpus holds and what loading it cost.
#[derive(Serialize)]
pub struct StatsRow {
    pub actors: usize,
    pub articles: usize,
    pub bytes: u64,
    pub events: usize,
    pub mentions: usize,
    pub peak_rss_bytes: Option<u64>,
    pub peak_rss_per_corpus_byte: Option<f64>,
    pub pipeline_mb_per_s: f64,
    pub pipeline_s: f64,
    pub read_floor_mb_per_s: f64,
    pub read_floor_s: f64,
    pub warnings: usize,
}

/// A path as JSON shows it: bytes that are not UTF-8 as `\xNN`, so two
/// names that differ only there stay two (see [`crate::text::path_text`]).
fn path<S: Serializer>(p: &&Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::text::path_text(p))
}

fn paths<S: Serializer>(ps: &[&Path], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(ps.iter().map(|p| crate::text::path_text(p)))
}

/// The date label (see `DateValue`'s `Display`), or null.
fn date<S: Serializer>(d: &Option<DateValue>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

/// What an event row says of its date: the date itself; for a reference to
/// the present, past or future ("now"), which has no date, TimeML's value
/// (`PRESENT_REF`); or nothing. JSON prints the label (null for nothing),
/// text forms print [`EventDate`]'s `Display` (`(unresolved)` for nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventDate {
    Date(DateValue),
    Reference(TimeRef),
    Unresolved,
}

impl EventDate {
    /// The date of expression `t`, or what it refers to instead.
    pub fn of(t: &TimeExpr) -> Self {
        match (t.value, t.kind.reference()) {
            (Some(d), _) => EventDate::Date(d),
            (None, Some(r)) => EventDate::Reference(r),
            (None, None) => EventDate::Unresolved,
        }
    }

    /// The calendar value, when there is one.
    pub fn value(self) -> Option<DateValue> {
        match self {
            EventDate::Date(d) => Some(d),
            _ => None,
        }
    }
}

impl From<Option<DateValue>> for EventDate {
    fn from(d: Option<DateValue>) -> Self {
        d.map_or(EventDate::Unresolved, EventDate::Date)
    }
}

impl std::fmt::Display for EventDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EventDate::Date(d) => d.fmt(f),
            EventDate::Reference(r) => f.write_str(r.label()),
            EventDate::Unresolved => f.write_str(UNRESOLVED),
        }
    }
}

impl Serialize for EventDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            EventDate::Unresolved => s.serialize_none(),
            shown => s.collect_str(shown),
        }
    }
}

fn blocks<S: Serializer>(b: &&[Block], s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct BlockRow {
        class: &'static str,
        end: u32,
        start: u32,
    }
    s.collect_seq(b.iter().map(|b| BlockRow {
        class: b.class.as_str(),
        end: b.span.end,
        start: b.span.start,
    }))
}

impl<'a> ArticleRow<'a> {
    pub fn new(a: &'a Article) -> Self {
        let p = &a.published;
        ArticleRow {
            blocks: &a.blocks,
            body: a.body.iter().map(|s| one_line(a.text(*s))).collect(),
            file: &a.path,
            id: a.id,
            published: PublishedRow {
                assumed_year: p.value.is_some_and(|v| v.assumed_year),
                basis: p.basis.as_str(),
                date: p.value,
                precision: p.value.map(|v| v.precision.as_str()),
                reason: match &p.basis {
                    Basis::Inferred(r) => Some(r.as_str()),
                    _ => None,
                },
            },
            source: a.source.as_deref(),
            teasers: a.teasers.iter().map(|s| a.text(*s)).collect(),
            title: a.title.map(|s| a.text(s)),
            url: a.url.as_deref(),
            warnings: a
                .warnings
                .iter()
                .map(|w| Cow::Owned(w.to_string()))
                .chain(a.page_warnings.iter().map(|w| Cow::Owned(w.message())))
                .collect(),
            dates: a.times.iter().filter(|t| t.value.is_some()).count(),
            mentions: a.mentions.len(),
        }
    }
}

/// Every article in file order, or (`by_date`) in the order of
/// publication, undated last.
pub fn articles(c: &Corpus, by_date: bool) -> impl Iterator<Item = ArticleRow<'_>> {
    let ids: Box<dyn Iterator<Item = &Article>> = if by_date {
        Box::new(c.articles_by_date.iter().map(|&id| c.article(id)))
    } else {
        Box::new(c.articles.iter())
    };
    ids.map(ArticleRow::new)
}

/// A paragraph that runs over several lines of the page, as one line: each
/// line break (with the spaces around it) reads as one space.
fn one_line(p: &str) -> Cow<'_, str> {
    if !p.contains(['\n', '\r']) {
        return p.into();
    }
    crate::text::raw_lines(p)
        .map(|(_, l)| l.trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .into()
}

/// What the timeline's text forms say of a date expression they could not place.
pub const UNRESOLVED: &str = "(unresolved)";

impl<'a> EventRow<'a> {
    pub fn new(c: &'a Corpus, a: &'a Article, t: &'a TimeExpr, actors: &[ActorId]) -> Self {
        EventRow {
            actors: actors.iter().map(|&id| c.actor(id).name.as_str()).collect(),
            assumed_year: t.value.is_some_and(|v| v.assumed_year),
            date: EventDate::of(t),
            end: t.span.end,
            file: &a.path,
            kind: t.kind.as_str(),
            precision: t.value.map_or("unknown", |v| v.precision.as_str()),
            sentence: a.sentence_text(t.sentence),
            start: t.span.start,
            text: a.text(t.span),
            url: a.url.as_deref(),
            title: a.title_text(),
            source: a.source.as_deref(),
        }
    }

    /// The first day the row's date covers and the day after its last, for
    /// calendars (None when unresolved).
    pub fn period(&self) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        let d = self.date.value()?;
        Some((d.start, d.end().succ_opt()?))
    }
}

/// Which events a timeline shows: a date range (either end open), an actor,
/// and whether references are listed.
#[derive(Debug, Clone, Copy, Default)]
pub struct EventFilter {
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    pub actor: Option<ActorId>,
    /// Also the references ("now", "recently"): expressions that name no
    /// date and are not waiting for one either, so a timeline of dated
    /// events (the TUI's, or a calendar export) has no place for them.
    pub references: bool,
}

/// The timeline: resolved expressions in date order, then (with no date
/// filter) the unresolved ones with a null date, in file order. Lazy: each
/// row is made when it is asked for.
pub fn events(c: &Corpus, f: EventFilter) -> impl Iterator<Item = EventRow<'_>> {
    event_sources(c, f).map(move |s| s.row(c))
}

/// What an event row is made from, found in order before the row is made:
/// a writer can then make the rows themselves on every core.
pub struct EventSource<'a> {
    article: &'a Article,
    time: &'a TimeExpr,
    actors: Cow<'a, [ActorId]>,
}

impl<'a> EventSource<'a> {
    /// The row of corpus `c`'s event.
    pub fn row(&self, c: &'a Corpus) -> EventRow<'a> {
        EventRow::new(c, self.article, self.time, &self.actors)
    }
}

/// The sources of [`events`]' rows, in the same order.
pub fn event_sources(c: &Corpus, f: EventFilter) -> impl Iterator<Item = EventSource<'_>> {
    let dated = crate::query::events_in(c, f.from, f.to, f.actor).filter_map(|e: &Event| {
        let article = c.article(e.article);
        let time = article.times.get(e.time? as usize)?;
        Some(EventSource {
            article,
            time,
            actors: Cow::Borrowed(c.actors_of(e)),
        })
    });
    let undated_from: &[Article] = if f.from.is_none() && f.to.is_none() {
        &c.articles
    } else {
        &[]
    };
    let undated = undated_from.iter().flat_map(move |a| {
        a.times
            .iter()
            .filter(move |t| t.value.is_none() && (f.references || t.kind.reference().is_none()))
            .filter_map(move |t| {
                let ids = actors_in_sentence(a, t.sentence);
                f.actor
                    .is_none_or(|x| ids.contains(&x))
                    .then_some(EventSource {
                        article: a,
                        time: t,
                        actors: Cow::Owned(ids),
                    })
            })
    });
    dated.chain(undated)
}

/// The actors mentioned in sentence `sentence` of `a`, each once, by id.
fn actors_in_sentence(a: &Article, sentence: u32) -> Vec<ActorId> {
    let mut ids: Vec<ActorId> = a
        .mentions
        .iter()
        .filter(|m| m.sentence == sentence && m.place == crate::model::MentionPlace::Body)
        .map(|m| m.actor)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Actors (of `kind`, when given), most mentioned first, then by name.
pub fn actors(c: &Corpus, kind: Option<ActorKind>) -> impl Iterator<Item = ActorRow<'_>> {
    let mut list: Vec<_> = c
        .actors
        .iter()
        .filter(|a| kind.is_none_or(|k| a.kind == k))
        .collect();
    list.sort_by(|a, b| {
        b.mention_count
            .cmp(&a.mention_count)
            .then(a.name.cmp(&b.name))
    });
    list.into_iter().map(move |a| {
        let mut files: Vec<&Path> = c.mentions_by_actor()[a.id as usize]
            .iter()
            .map(|m| c.article(m.article).path.as_path())
            .collect();
        files.dedup();
        ActorRow {
            aliases: &a.aliases,
            files,
            kind: a.kind.as_str(),
            mentions: a.mention_count,
            name: &a.name,
            role: a.role.as_deref(),
        }
    })
}

/// Every mention of `actor`, in reading order.
pub fn mentions(c: &Corpus, actor: ActorId) -> impl Iterator<Item = MentionRow<'_>> {
    c.mentions_by_actor()[actor as usize].iter().map(move |r| {
        let a = c.article(r.article);
        let m = &a.mentions[r.mention as usize];
        MentionRow {
            end: m.span.end,
            file: &a.path,
            sentence: a.mention_sentence(m),
            start: m.span.start,
            surface: a.text(m.span),
            title: a.title_text(),
        }
    })
}

impl StatsRow {
    pub fn new(s: &crate::stats::Stats) -> Self {
        let c = &s.corpus;
        let mb = s.bytes as f64 / 1e6;
        let per_s = |secs: f64| if secs > 0.0 { mb / secs } else { 0.0 };
        StatsRow {
            actors: c.actors.len(),
            articles: s.files,
            bytes: s.bytes,
            events: c.events.len(),
            mentions: c.articles.iter().map(|a| a.mentions.len()).sum(),
            peak_rss_bytes: s.peak_rss_bytes,
            // No ratio to an empty corpus: it would be the whole process's memory.
            peak_rss_per_corpus_byte: s
                .peak_rss_bytes
                .filter(|_| s.bytes > 0)
                .map(|r| r as f64 / s.bytes as f64),
            pipeline_mb_per_s: per_s(s.pipeline_s),
            pipeline_s: s.pipeline_s,
            read_floor_mb_per_s: per_s(s.read_floor_s),
            read_floor_s: s.read_floor_s,
            warnings: c.warnings.len(),
        }
    }
}
