//! The parsed corpus: plain data shared by every pane and every CLI command.
//!
//! The raw text of each article is kept whole; everything else points into it
//! by byte [`Span`], so cleaning never edits text and nothing is lost. The
//! model knows nothing of the terminal.

use chrono::{Datelike, NaiveDate};
use std::path::PathBuf;

pub type ArticleId = u32;
pub type ActorId = u32;

/// A byte range into an article's raw text. `u32` keeps the per-span cost low
/// on 100k-article corpora; ingestion refuses files over 4 GiB anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers. Spans are built on char boundaries by the
    /// parser; `get` keeps a bad span from panicking the UI all the same.
    pub fn text(self, raw: &str) -> &str {
        raw.get(self.range()).unwrap_or("")
    }
}

/// How precise a calendar value is. Ordering in the timeline uses the start
/// date; precision decides the heading an event sits under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A calendar value: the first day of the period plus its precision. A week is
/// stored as its ISO Monday, a month as its 1st, a year as January 1st.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateValue {
    pub start: NaiveDate,
    pub precision: Precision,
    /// The year was not in the text nor implied by an anchor: it is the
    /// corpus's dominant year, and the UI marks it as assumed.
    pub assumed_year: bool,
}

impl DateValue {
    pub fn day(d: NaiveDate) -> Self {
        DateValue {
            start: d,
            precision: Precision::Day,
            assumed_year: false,
        }
    }
    pub fn week_of(d: NaiveDate) -> Self {
        let monday = d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64);
        DateValue {
            start: monday,
            precision: Precision::Week,
            assumed_year: false,
        }
    }
    pub fn month(year: i32, month: u32) -> Option<Self> {
        Some(DateValue {
            start: NaiveDate::from_ymd_opt(year, month, 1)?,
            precision: Precision::Month,
            assumed_year: false,
        })
    }
    pub fn year(year: i32) -> Option<Self> {
        Some(DateValue {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            precision: Precision::Year,
            assumed_year: false,
        })
    }
    /// The last day the value covers (inclusive).
    pub fn end(&self) -> NaiveDate {
        let s = self.start;
        match self.precision {
            Precision::Day => s,
            Precision::Week => s + chrono::Duration::days(6),
            Precision::Month => {
                let (y, m) = if s.month() == 12 {
                    (s.year() + 1, 1)
                } else {
                    (s.year(), s.month() + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1).map_or(s, |d| d.pred_opt().unwrap_or(s))
            }
            Precision::Year => NaiveDate::from_ymd_opt(s.year(), 12, 31).unwrap_or(s),
        }
    }
    /// The stable textual form used in JSON: `YYYY-MM-DD`, `YYYY-Www`,
    /// `YYYY-MM` or `YYYY`.
    pub fn label(&self) -> String {
        let s = self.start;
        match self.precision {
            Precision::Day => s.format("%Y-%m-%d").to_string(),
            Precision::Week => {
                let w = s.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Precision::Month => s.format("%Y-%m").to_string(),
            Precision::Year => format!("{:04}", s.year()),
        }
    }
}

/// Where a publication date came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// Written on the page: a `date YYYY-MM-DD` line, a masthead, a dateline.
    Explicit,
    /// Worked out from the body; the string says how.
    Inferred(String),
    Unknown,
}

impl Basis {
    pub fn as_str(&self) -> &str {
        match self {
            Basis::Explicit => "explicit",
            Basis::Inferred(_) => "inferred",
            Basis::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub value: Option<DateValue>,
    pub basis: Basis,
    /// Where on the page an explicit date was read, so it is not also counted
    /// as a body event.
    pub span: Option<Span>,
}

impl Default for Published {
    fn default() -> Self {
        Published {
            value: None,
            basis: Basis::Unknown,
            span: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeKind {
    /// Written out ("April 17, 2025", "28 February", "2014").
    Absolute,
    /// Resolved against the publication date ("Thursday", "last month").
    Relative,
    /// Resolved against another date in the text ("the upcoming week").
    Anaphoric,
}

impl TimeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeKind::Absolute => "absolute",
            TimeKind::Relative => "relative",
            TimeKind::Anaphoric => "anaphoric",
        }
    }
}

/// One temporal expression found in an article body.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    pub span: Span,
    /// None when the expression could not be resolved (no anchor).
    pub value: Option<DateValue>,
    pub kind: TimeKind,
    /// The date the value was resolved against, when it needed one.
    pub anchor: Option<NaiveDate>,
    /// Index into `Article::sentences`.
    pub sentence: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorKind {
    Person,
    Organisation,
    Place,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Place => "place",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "person" | "people" | "per" => Some(ActorKind::Person),
            "organisation" | "organization" | "org" => Some(ActorKind::Organisation),
            "place" | "location" | "loc" => Some(ActorKind::Place),
            _ => None,
        }
    }
}

/// A person, organisation or place, merged across all articles.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub id: ActorId,
    pub name: String,
    pub kind: ActorKind,
    pub role: Option<String>,
    /// Every surface form seen, canonical name included.
    pub aliases: Vec<String>,
    pub mention_count: u32,
}

/// How a mention refers to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// The name or part of it ("Maren Halvorsen", "Halvorsen", "Okafor's").
    Name,
    /// A role or description that was resolved to a named actor
    /// ("the Secretary", "the Russian president").
    Role,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The name span (possessive `'s` excluded).
    pub span: Span,
    pub actor: ActorId,
    pub kind: MentionKind,
    /// Index into `Article::sentences`.
    pub sentence: u32,
}

/// One article file, parsed.
#[derive(Debug, Clone, Default)]
pub struct Article {
    pub id: ArticleId,
    pub path: PathBuf,
    /// The decoded file text, whole and unedited.
    pub raw: String,
    pub title: Option<Span>,
    pub source: Option<String>,
    /// Where the page came from (a crawl's target URI, an HTML page's
    /// canonical link), when known.
    pub url: Option<String>,
    pub published: Published,
    /// Body paragraphs, in order; each a span of `raw` (trimmed line text).
    pub body: Vec<Span>,
    /// Non-empty lines that are page furniture (header, ads, widgets, teasers).
    pub boilerplate: Vec<Span>,
    /// Headlines of other stories on the page, deduplicated, as spans of one
    /// of their copies.
    pub teasers: Vec<Span>,
    /// Sentences of the body, in order, each inside one body paragraph.
    pub sentences: Vec<Span>,
    pub mentions: Vec<Mention>,
    pub times: Vec<TimeExpr>,
    pub warnings: Vec<String>,
}

impl Article {
    pub fn text(&self, span: Span) -> &str {
        span.text(&self.raw)
    }
    pub fn title_text(&self) -> &str {
        self.title.map_or("", |s| s.text(&self.raw))
    }
    /// File name for display: the last path component.
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
    /// The index of the body paragraph that contains `span`, if any.
    pub fn paragraph_of(&self, span: Span) -> Option<usize> {
        let i = self.body.partition_point(|p| p.end <= span.start);
        (i < self.body.len() && self.body[i].contains(span)).then_some(i)
    }
}

/// One dated statement on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub date: DateValue,
    pub article: ArticleId,
    /// Index into the article's `times`; None for the publication marker.
    pub time: Option<u32>,
    /// The sentence the date is in (for a publication marker, the title).
    pub sentence: Span,
    pub actors: Vec<ActorId>,
}

impl Event {
    pub fn is_publication(&self) -> bool {
        self.time.is_none()
    }
}

/// Where an actor is mentioned: article and index into its `mentions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionRef {
    pub article: ArticleId,
    pub mention: u32,
}

/// The whole parsed corpus plus indices built once after parsing.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub actors: Vec<Actor>,
    /// All events ordered by date (start), stable within a date.
    pub events: Vec<Event>,
    /// Article ids ordered by publication date (unknown dates last), then id.
    pub articles_by_date: Vec<ArticleId>,
    /// For each actor id, its mentions in reading order (articles by date,
    /// then position in the article).
    pub mentions_by_actor: Vec<Vec<MentionRef>>,
    /// Load warnings that belong to no article (missing path, binary file...).
    pub warnings: Vec<String>,
}

impl Corpus {
    pub fn article(&self, id: ArticleId) -> &Article {
        &self.articles[id as usize]
    }
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id as usize]
    }
}
