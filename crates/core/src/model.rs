//! The parsed corpus: plain data shared by every pane and every CLI command.
//!
//! The raw text of each article is kept whole; everything else points into it
//! by byte [`Span`], so cleaning never edits text and nothing is lost. The
//! model knows nothing of the terminal.

use chrono::NaiveDate;
use std::path::PathBuf;

mod date_value;
pub use date_value::{DateValue, NotADateLabel, Precision, TimeRef};

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
    /// The present, the past or the future with no date ("now",
    /// "recently"): never a value, never on the timeline.
    Reference(TimeRef),
}

impl TimeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeKind::Absolute => "absolute",
            TimeKind::Relative => "relative",
            TimeKind::Anaphoric => "anaphoric",
            TimeKind::Reference(_) => "reference",
        }
    }
    /// The present, past or future a reference speaks of.
    pub fn reference(self) -> Option<TimeRef> {
        match self {
            TimeKind::Reference(r) => Some(r),
            _ => None,
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

/// The role of a person the corpus names only in bylines.
pub const AUTHOR_ROLE: &str = "author";
/// The role of a person the corpus names only in photo credits.
pub const PHOTO_CREDIT_ROLE: &str = "photo credit";

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
    /// Index into `Article::sentences` for a mention in the body, into
    /// `Article::outside` for one in the headline, a byline or a caption.
    pub sentence: u32,
    /// Which part of the article the mention is in.
    pub place: MentionPlace,
}

/// The part of an article a mention is in. People are named in more of an
/// article than its prose: the headline, the byline that says who wrote
/// it, a caption or a photo credit. Only body mentions have a body
/// sentence (and so share events with dates).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MentionPlace {
    /// A body sentence (paragraphs, subheads, in-article lists, the wire
    /// place line).
    #[default]
    Body,
    /// The article's headline.
    Headline,
    /// A byline or author line: who wrote the story, not who is in it.
    Byline,
    /// A photo caption or credit.
    Caption,
}

impl MentionPlace {
    /// The stable name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionPlace::Body => "body",
            MentionPlace::Headline => "headline",
            MentionPlace::Byline => "byline",
            MentionPlace::Caption => "caption",
        }
    }
    /// The place of a line of class `class` (None for lines whose names
    /// are not the article's: furniture, other stories' teasers).
    pub fn of_class(class: BlockClass) -> Option<Self> {
        match class {
            c if c.is_body() => Some(MentionPlace::Body),
            BlockClass::Title => Some(MentionPlace::Headline),
            BlockClass::Byline => Some(MentionPlace::Byline),
            BlockClass::Caption => Some(MentionPlace::Caption),
            _ => None,
        }
    }
}

/// What a non-empty line of a scraped page is. Every such line of an
/// article gets exactly one class; the body a reader reads is the lines of
/// the classes for which [`BlockClass::is_body`] holds, in page order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockClass {
    /// The article's headline.
    Title,
    /// A paragraph (or a line of one) of the article.
    Body,
    /// A heading inside the article ("What the mayor said").
    Subhead,
    /// An item of a list inside the article (key points, tour dates).
    List,
    /// The wire place line that opens a story ("OSLO, June 3 (Reuters) -").
    Dateline,
    /// Who wrote it: "By Jane Doe", an author's bio, a posted-at line.
    Byline,
    /// A photo or video caption, a credit.
    Caption,
    /// Another story's headline (related, trending, most popular).
    Teaser,
    /// Page furniture: menus, banners, prompts, footers, share buttons.
    Furniture,
}

impl BlockClass {
    /// The stable name used in JSON (`blocks[].class`).
    pub fn as_str(self) -> &'static str {
        match self {
            BlockClass::Title => "title",
            BlockClass::Body => "body",
            BlockClass::Subhead => "subhead",
            BlockClass::List => "list",
            BlockClass::Dateline => "dateline",
            BlockClass::Byline => "byline",
            BlockClass::Caption => "caption",
            BlockClass::Teaser => "teaser",
            BlockClass::Furniture => "furniture",
        }
    }
    /// Whether lines of this class are part of the article as read.
    pub fn is_body(self) -> bool {
        matches!(
            self,
            BlockClass::Body | BlockClass::Subhead | BlockClass::List | BlockClass::Dateline
        )
    }
}

/// One non-empty line of the page (trimmed) and its class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Block {
    pub span: Span,
    pub class: BlockClass,
}

/// Something the parser doubts about an article's page, for the user to
/// check (shown in the list and in `articles --json` `warnings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageWarning {
    /// No line qualified as the headline.
    NoTitle,
    /// The body holds a small share of the page's prose: the article may
    /// have been cut, or the page may hold several stories.
    SmallBody {
        /// Percent of the page's prose words that are in the body.
        percent: u8,
    },
}

impl PageWarning {
    pub fn message(self) -> String {
        match self {
            PageWarning::NoTitle => "no title found on the page".to_string(),
            PageWarning::SmallBody { percent } => {
                format!("the body holds only {percent}% of the page's prose")
            }
        }
    }
}

/// One article file, parsed. Its lists are boxed slices: they never grow
/// once parsed, and a large corpus holds every article at once.
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
    /// Body paragraphs, in order; each a span of `raw` from the start of
    /// its first line to the end of its last (a paragraph may run over
    /// several lines where the text flows; read a newline in it as a space).
    pub body: Box<[Span]>,
    /// Every non-empty line of the page (trimmed), in order, with its class.
    pub blocks: Box<[Block]>,
    /// Headlines of other stories on the page, deduplicated, as spans of one
    /// of their copies.
    pub teasers: Box<[Span]>,
    /// Sentences of the body, in order, each inside one body paragraph.
    pub sentences: Box<[Span]>,
    /// Sentences of the article's lines outside its body where actors are
    /// still named (the headline, its bylines and captions), in order;
    /// their mentions index these. No date is searched for here.
    pub outside: Box<[Span]>,
    pub mentions: Box<[Mention]>,
    pub times: Box<[TimeExpr]>,
    pub warnings: Box<[crate::warning::Warning]>,
    /// What the parser doubts about the page (no title, a small body).
    pub page_warnings: Box<[PageWarning]>,
}

impl Article {
    /// Non-empty lines that are not part of the body nor the title: page
    /// furniture, bylines, captions, teasers.
    pub fn boilerplate(&self) -> impl Iterator<Item = Span> + '_ {
        self.blocks
            .iter()
            .filter(|b| !b.class.is_body() && b.class != BlockClass::Title)
            .map(|b| b.span)
    }
    /// The class of the line that starts at or contains byte `pos`.
    pub fn block_at(&self, pos: u32) -> Option<Block> {
        let i = self.blocks.partition_point(|b| b.span.end <= pos);
        self.blocks.get(i).copied().filter(|b| b.span.start <= pos)
    }
    pub fn text(&self, span: Span) -> &str {
        span.text(&self.raw)
    }
    /// The text of sentence `i` (an event's or a mention's), or "" when the
    /// index is out of range.
    pub fn sentence_text(&self, i: u32) -> &str {
        self.sentences
            .get(i as usize)
            .map_or("", |s| s.text(&self.raw))
    }
    /// The text of the sentence a mention is in, body or not.
    pub fn mention_sentence(&self, m: &Mention) -> &str {
        let list = match m.place {
            MentionPlace::Body => &self.sentences,
            _ => &self.outside,
        };
        list.get(m.sentence as usize)
            .map_or("", |s| s.text(&self.raw))
    }
    pub fn title_text(&self) -> &str {
        self.title.map_or("", |s| s.text(&self.raw))
    }
    /// File name for display: the last path component.
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || crate::text::path_text(&self.path).into_owned(),
            |n| crate::text::os_text(n).into_owned(),
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
    /// The distinct actors of that sentence, in id order: a run of
    /// `Corpus::event_actors`, read with [`Corpus::actors_of`] (one list
    /// for every event instead of a list each).
    pub actors: IdRange,
}

/// A run of ids in one of the corpus's shared lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IdRange {
    pub start: u32,
    pub len: u32,
}

impl IdRange {
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.start as usize + self.len as usize
    }
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
    /// The actors of every event, each event's a run of it (its `actors`).
    pub event_actors: Vec<ActorId>,
    /// Article ids ordered by publication date (unknown dates last), then id.
    pub articles_by_date: Vec<ArticleId>,
    /// For each actor id, its mentions in reading order (articles by date,
    /// then position in the article), read through
    /// `Corpus::mentions_by_actor` (in `index`): built on first use, so
    /// the commands that never follow an actor (`timeline`, `export`)
    /// never hold it. Set here only to give a corpus a ready index.
    pub mention_index: std::sync::OnceLock<Vec<Vec<MentionRef>>>,
    /// Load warnings that belong to no article (missing path, binary file...).
    pub warnings: Vec<crate::warning::Warning>,
}

/// Why a corpus holds no article ([`Corpus::why_empty`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhyEmpty {
    /// No file was found: an empty folder, or only hidden files.
    NothingToRead,
    /// Files were found and each failed: each is a load warning.
    EveryFileFailed,
}

impl Corpus {
    /// Why there is no article, or None when there is one. Every file that
    /// was found and failed is a warning, so with none there was nothing to
    /// read: the likelier slip, an empty or mistyped folder, said as such by
    /// every front end.
    pub fn why_empty(&self) -> Option<WhyEmpty> {
        if !self.articles.is_empty() {
            None
        } else if self.warnings.is_empty() {
            Some(WhyEmpty::NothingToRead)
        } else {
            Some(WhyEmpty::EveryFileFailed)
        }
    }

    pub fn article(&self, id: ArticleId) -> &Article {
        &self.articles[id as usize]
    }
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id as usize]
    }
    /// The actors of event `e`, each once, in id order.
    pub fn actors_of(&self, e: &Event) -> &[ActorId] {
        self.event_actors.get(e.actors.range()).unwrap_or(&[])
    }
}

#[cfg(test)]
mod period_tests {
    use super::*;

    #[test]
    fn quarters_halves_and_seasons_label_span_and_parse_back() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let q = DateValue::quarter(2024, 3).unwrap();
        assert_eq!(
            (q.label(), q.start, q.end()),
            ("2024-Q3".into(), d(2024, 7, 1), d(2024, 9, 30))
        );
        let h = DateValue::half(2018, 1).unwrap();
        assert_eq!((h.label(), h.end()), ("2018-H1".into(), d(2018, 6, 30)));
        let su = DateValue::season(2024, 1).unwrap();
        assert_eq!(
            (su.label(), su.start, su.end()),
            ("2024-SU".into(), d(2024, 6, 1), d(2024, 8, 31))
        );
        let wi = DateValue::season(2023, 3).unwrap();
        assert_eq!((wi.label(), wi.end()), ("2023-WI".into(), d(2024, 2, 29)));
        assert_eq!(DateValue::quarter(2024, 0), None);
        assert_eq!(DateValue::quarter(2024, 5), None);
        assert_eq!(DateValue::half(2024, 3), None);
        assert_eq!(DateValue::season(2024, 4), None);
        for v in [
            q,
            h,
            su,
            wi,
            DateValue::day(d(2024, 2, 29)),
            DateValue::week_of(d(2024, 1, 3)),
        ] {
            assert_eq!(DateValue::from_label(&v.label()), Some(v), "{}", v.label());
        }
        for bad in [
            "2024-Q5",
            "2024-XX",
            "24-Q1",
            "2024-13",
            "PRESENT_REF",
            "2024-W99",
        ] {
            assert_eq!(DateValue::from_label(bad), None, "{bad}");
        }
    }
}

impl Actor {
    /// Who wrote or photographed stories rather than who is in them: a
    /// person whose role is author or photo credit.
    pub fn is_credit(&self) -> bool {
        self.kind == ActorKind::Person
            && matches!(self.role.as_deref(), Some(AUTHOR_ROLE | PHOTO_CREDIT_ROLE))
    }
}

#[cfg(test)]
mod credit_tests {
    use super::*;

    #[test]
    fn only_people_with_an_author_or_photo_credit_role_are_credits() {
        let actor = |kind, role: Option<&str>| Actor {
            id: 0,
            name: "Ilse Marrow".into(),
            kind,
            role: role.map(str::to_string),
            aliases: Vec::new(),
            mention_count: 1,
        };
        assert!(actor(ActorKind::Person, Some(AUTHOR_ROLE)).is_credit());
        assert!(actor(ActorKind::Person, Some(PHOTO_CREDIT_ROLE)).is_credit());
        assert!(!actor(ActorKind::Person, Some("Mayor")).is_credit());
        assert!(!actor(ActorKind::Person, None).is_credit());
        assert!(!actor(ActorKind::Organisation, Some(AUTHOR_ROLE)).is_credit());
    }
}
