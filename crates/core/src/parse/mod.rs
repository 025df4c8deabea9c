//! The parse pipeline: one pure stage per file, run per article in parallel,
//! then the corpus-level steps (the folder's year, actor merging, indices).
//!
//! Order per article: blocks -> meta -> segment -> dates -> actors.

pub mod actors;
pub mod blocks;
mod corpus;
pub mod dates;
pub mod knowledge;
pub mod meta;
pub mod name_date;
mod page;
mod parts;
pub mod segment;
mod user_file;
pub(crate) mod value_id;

pub use corpus::{build_corpus, read_and_build_corpus};

use crate::ingest::Loaded;
use crate::model::{Article, ArticleId, Span};
use knowledge::Knowledge;
use std::sync::atomic::{AtomicBool, AtomicUsize};

/// What parsing one article yields: the article, and what the corpus-level
/// steps still need from it.
pub struct Parsed {
    pub article: Article,
    /// Its actors before merging with other articles.
    pub actors: actors::ArticleActors,
    /// Its date candidates when the page has no explicit date, so the
    /// folder-year step re-resolves them without searching again.
    pub unanchored_dates: Option<Vec<dates::Candidate>>,
}

/// Starts compiling every stage's patterns and loading its lexicons, in
/// two halves on two pool threads, and returns at once. Without it the
/// first article on each thread waits while one thread compiles them all
/// in turn; started before the folders are walked, the work overlaps the
/// walk too. Nothing it does changes what any stage finds.
pub fn warm_up(knowledge: &std::sync::Arc<Knowledge>) {
    const SAMPLE: &str = "Warm Up\n\nOn Monday, March 2, 2026, Jane Doe said it will rain.\n";
    let k = std::sync::Arc::clone(knowledge);
    rayon::spawn(move || {
        blocks::classify(&k.page, SAMPLE);
    });
    let k = std::sync::Arc::clone(knowledge);
    rayon::spawn(move || {
        let cleaned = blocks::Cleaned {
            body: vec![Span::new(0, SAMPLE.len())],
            ..Default::default()
        };
        let explicit = meta::explicit_published(k.time_words.full_dates(), SAMPLE, &cleaned);
        meta::source(&k.publishers, &k.actors, SAMPLE, &cleaned);
        let sentences = segment::sentences(&k.abbreviations, SAMPLE, &cleaned.body);
        dates::find_all(&k.time_words, SAMPLE, &sentences, &explicit);
        actors::extract(&k.actors, SAMPLE, &sentences);
    });
}

/// Gives back what the calling thread kept from one article for the next
/// (the regexes' lazy automata, the stages' buffers): after the last
/// article it is only memory, held through the corpus steps, where the
/// load's peak is. The next parse on the thread makes it again.
pub fn release_thread_scratch() {
    blocks::release_thread_scratch();
    dates::release_thread_scratch();
    actors::release_thread_scratch();
}

/// Parses one article on its own: everything that needs no other article.
pub fn parse_article(knowledge: &Knowledge, id: ArticleId, loaded: Loaded) -> Parsed {
    let Loaded {
        path,
        text,
        warnings,
        page,
    } = loaded;
    let (cleaned, explicit, source, url) = match page {
        Some(page) => page::from_page(knowledge, &text, *page),
        None => {
            let cleaned = blocks::classify(&knowledge.page, &text);
            let explicit =
                meta::explicit_published(knowledge.time_words.full_dates(), &text, &cleaned);
            let source = meta::source(&knowledge.publishers, &knowledge.actors, &text, &cleaned);
            (cleaned, explicit, source, None)
        }
    };
    let sentences = segment::sentences(&knowledge.abbreviations, &text, &cleaned.body);
    let candidates = dates::find_all(&knowledge.time_words, &text, &sentences, &explicit);
    let explicit = name_date::unless_stated(
        knowledge.time_words.full_dates(),
        explicit,
        &path,
        &text,
        &cleaned,
        &candidates,
    );
    let (published, times) = dates::resolve_all(&text, &candidates, &explicit, None);
    // Actors are named outside the body too (the headline, bylines,
    // captions): those sentences follow the body's in what the actor stage
    // reads, and merging tells the two apart again.
    let mut outside = segment::sentences(&knowledge.abbreviations, &text, &outside_lines(&cleaned));
    let nouns = cleaned.nouns_capitalised;
    // The outside sentences go after the body's in the body's own list for
    // the actor stage, and come off again: no third list of both.
    let mut sentences = sentences;
    let body = sentences.len();
    sentences.extend_from_slice(&outside);
    let local_actors = actors::extract_beyond_body(
        &knowledge.actors,
        &text,
        &sentences,
        body,
        nouns,
        cleaned.title,
    );
    sentences.truncate(body);
    // The article is kept for the whole session: no spare capacity.
    sentences.shrink_to_fit();
    outside.shrink_to_fit();
    let mut cleaned = cleaned;
    cleaned.body.shrink_to_fit();
    cleaned.blocks.shrink_to_fit();
    cleaned.teasers.shrink_to_fit();
    let article = Article {
        id,
        path,
        title: cleaned.title,
        source,
        url,
        published,
        body: cleaned.body.into(),
        blocks: cleaned.blocks.into(),
        teasers: cleaned.teasers.into(),
        sentences: sentences.into(),
        outside: outside.into(),
        mentions: Box::default(),
        times: times.into(),
        warnings: warnings.into(),
        page_warnings: cleaned.warnings.into(),
        raw: text,
    };
    Parsed {
        article,
        actors: local_actors,
        // Held until the corpus-level steps: no spare capacity either.
        unanchored_dates: explicit.value.is_none().then(|| {
            let mut candidates = candidates;
            candidates.shrink_to_fit();
            candidates
        }),
    }
}

/// The lines outside the body where the article still names its actors:
/// the headline, and the bylines and captions that sit with the article
/// (from its headline, or its first body line, to just after its last
/// body line). Furniture and other stories' teasers are never read, nor a
/// byline or caption of another story's card further down the page.
fn outside_lines(cleaned: &blocks::Cleaned) -> Vec<Span> {
    use crate::model::BlockClass;
    let blocks = &cleaned.blocks;
    let Some(last_body) = blocks.iter().rposition(|b| b.class.is_body()) else {
        return Vec::new();
    };
    let first = blocks
        .iter()
        .position(|b| b.class == BlockClass::Title || b.class.is_body())
        .unwrap_or(0);
    // Credits right after the article's last line are still its own.
    let mut end = last_body;
    while blocks
        .get(end + 1)
        .is_some_and(|b| matches!(b.class, BlockClass::Byline | BlockClass::Caption))
        && end < last_body + TRAILING_CREDITS
    {
        end += 1;
    }
    let mut out: Vec<Span> = cleaned.title.into_iter().collect();
    out.extend(
        blocks[first..=end]
            .iter()
            .filter(|b| matches!(b.class, BlockClass::Byline | BlockClass::Caption))
            .map(|b| b.span),
    );
    out.sort_unstable();
    out.dedup();
    out
}

/// Byline and caption lines read after the article's last body line.
const TRAILING_CREDITS: usize = 2;

/// How far a load has got, shared with whoever shows it (the TUI's loading
/// screen, a CLI progress line). Counters only grow.
#[derive(Debug, Default)]
pub struct Progress {
    /// Files found to read (set once the folders are walked).
    pub files: AtomicUsize,
    /// Files read and decoded so far.
    pub read: AtomicUsize,
    /// Articles parsed so far.
    pub parsed: AtomicUsize,
    /// Set when the corpus-level steps (merging actors, indices) have begun.
    pub indexing: AtomicBool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Corpus;
    use crate::model::{BlockClass, MentionPlace};

    fn corpus(text: &str) -> Corpus {
        build_corpus(
            &crate::parse::knowledge::Knowledge::shared_builtin(),
            vec![Loaded::plain("a.txt", text)],
            Vec::new(),
            None,
        )
    }

    #[test]
    fn a_parse_after_the_thread_scratch_is_given_back_finds_the_same() {
        let text = "Quay plan\n\nHarbour Light Newsletter: sign up\n\nMira Colt said on 5 March 2026 the quay would open by June.\n";
        let before = corpus(text);
        release_thread_scratch();
        let after = corpus(text);
        let events = |c: &Corpus| {
            c.events
                .iter()
                .map(|e| (e.sentence, e.time, e.date))
                .collect::<Vec<_>>()
        };
        assert!(!events(&before).is_empty());
        assert_eq!(events(&before), events(&after));
        assert_eq!(before.articles[0].blocks, after.articles[0].blocks);
        assert!(!before.articles[0].mentions.is_empty());
        assert_eq!(before.articles[0].mentions, after.articles[0].mentions);
    }

    #[test]
    fn a_page_without_a_metadata_date_is_dated_by_its_stamp_under_the_headline() {
        let paragraphs: String = (1..=6)
            .map(|i| {
                format!(
                    "<p>The ferry to Brask ran late again on crossing {i}, and the \
                     harbour master Ilse Varn said the new engines would come in \
                     spring, once the yard at Tollmere had finished its work.</p>"
                )
            })
            .collect();
        let page = |head: &str, stamp: &str| {
            format!(
                "<!DOCTYPE html><html><head><title>Ferry delays | Brask Herald</title>{head}</head>\
                 <body><nav><a href=\"/\">Home</a></nav><article><h1>Ferry delays go on</h1>\
                 <p>Brask Herald</p><p>{stamp}</p>{paragraphs}</article></body></html>"
            )
        };
        let published = |html: String| {
            let loaded =
                crate::ingest::html::load("ferry.html".into(), html.as_bytes(), None).unwrap();
            let c = build_corpus(
                &crate::parse::knowledge::Knowledge::shared_builtin(),
                vec![loaded],
                Vec::new(),
                None,
            );
            c.articles[0].published.value.map(|v| v.start)
        };
        let day = chrono::NaiveDate::from_ymd_opt;
        assert_eq!(
            published(page("", "Published 11:34 PM EST Nov 19, 2024")),
            day(2024, 11, 19)
        );
        // The metadata's date wins; a software's zero date is none.
        let meta = |d: &str| format!(r#"<meta property="article:published_time" content="{d}">"#);
        assert_eq!(
            published(page(
                &meta("2024-11-18"),
                "Published 11:34 PM EST Nov 19, 2024"
            )),
            day(2024, 11, 18)
        );
        assert_eq!(
            published(page(
                &meta("0001-01-01T00:00:00Z"),
                "Published Nov 19, 2024"
            )),
            day(2024, 11, 19)
        );
        // A date in a sentence is not a stamp.
        assert_eq!(
            published(page(
                "",
                "The crossing of Nov 19, 2024 was the worst this year, the crew said."
            )),
            None
        );
    }

    #[test]
    fn on_a_german_page_capitalised_nouns_are_no_people() {
        let text = "Neue Fähre für den Hafen\n\n\
            Die Verwaltung der Hafenbehörde hat am Montag die Planung für die neue Fähre vorgestellt, und der Rat will sie noch in diesem Jahr prüfen.\n\n\
            Laut Bericht sind Technische Standards und die Sichere Anbindung der Daten für den Betrieb wichtig, sagte die Sprecherin.\n\n\
            Anna Quellmark sagte, dass die Fähre im Mai fahren soll.\n";
        let c = corpus(text);
        let people: Vec<&str> = c
            .actors
            .iter()
            .filter(|a| a.kind == crate::model::ActorKind::Person)
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(people, ["Anna Quellmark"]);
    }

    #[test]
    fn bylines_and_the_headline_name_people_outside_the_body_sentences() {
        let text = "Velmar harbour crane falls on Tomas Quill's quay\n\
            Ilse Marrow\n\
            VELMAR 2025-03-04\n\
            The crane at the east quay fell on 3 March 2025, the port said.\n\
            Harbour master Tomas Quill said nobody was hurt on 4 March.\n\
            Workers clear the quay. Photo: Ode Lind\n";
        let c = corpus(text);
        let a = &c.articles[0];
        let line = |s: &str| {
            a.blocks
                .iter()
                .find(|b| b.span.text(&a.raw) == s)
                .map(|b| b.class)
        };
        assert_eq!(line("Ilse Marrow"), Some(BlockClass::Byline));
        // The body's sentences are the body's alone; dates are found there.
        assert_eq!(
            *a.sentences,
            *segment::sentences(&Knowledge::shared_builtin().abbreviations, &a.raw, &a.body)
        );
        assert!(a.times.len() >= 2);
        let person = |name: &str| {
            c.actors
                .iter()
                .find(|x| x.name == name)
                .unwrap_or_else(|| panic!("{name} not found: {:?}", c.actors))
        };
        let places = |name: &str| -> Vec<MentionPlace> {
            let id = person(name).id;
            a.mentions
                .iter()
                .filter(|m| m.actor == id)
                .map(|m| m.place)
                .collect()
        };
        assert_eq!(places("Ilse Marrow"), [MentionPlace::Byline]);
        assert_eq!(person("Ilse Marrow").role.as_deref(), Some("author"));
        assert_eq!(
            places("Tomas Quill"),
            [MentionPlace::Headline, MentionPlace::Body]
        );
        assert_ne!(person("Tomas Quill").role.as_deref(), Some("author"));
        for m in &a.mentions {
            let list = match m.place {
                MentionPlace::Body => &a.sentences,
                _ => &a.outside,
            };
            assert!(list[m.sentence as usize].contains(m.span));
        }
        // An event's actors come from its body sentence only.
        for e in c.events.iter().filter(|e| !e.is_publication()) {
            assert!(!c.actors_of(e).contains(&person("Ilse Marrow").id));
        }
    }

    #[test]
    fn a_lone_headline_word_is_an_actor_only_when_the_body_names_it() {
        let text = "Harbour strike ends as Quill signs deal
            OSTROVA 2025-06-03
            The port strike in Ostrova ended on Tuesday after the union signed the deal.
            Union leader Tomas Quill said the crews would return to the quay.
";
        let c = corpus(text);
        assert!(
            !c.actors.iter().any(|a| a.name == "Harbour"),
            "{:?}",
            c.actors
        );
        let quill = c
            .actors
            .iter()
            .find(|a| a.name == "Tomas Quill")
            .expect("Tomas Quill");
        let a = &c.articles[0];
        assert!(a.mentions.iter().any(|m| m.actor == quill.id
            && m.place == MentionPlace::Headline
            && a.text(m.span) == "Quill"));
    }

    #[test]
    fn a_photo_credit_is_read_but_furniture_and_teasers_are_not() {
        let cleaned = blocks::Cleaned {
            title: Some(Span::new(0, 5)),
            blocks: [
                BlockClass::Title,
                BlockClass::Byline,
                BlockClass::Body,
                BlockClass::Caption,
                BlockClass::Body,
                BlockClass::Caption,
                BlockClass::Furniture,
                BlockClass::Teaser,
                BlockClass::Byline,
            ]
            .iter()
            .enumerate()
            .map(|(i, &class)| crate::model::Block {
                span: Span::new(i * 10, i * 10 + 5),
                class,
            })
            .collect(),
            ..Default::default()
        };
        // The headline, the byline, the caption inside the article, and the
        // credit right after its last line; not the teaser card's byline.
        assert_eq!(
            outside_lines(&cleaned),
            [
                Span::new(0, 5),
                Span::new(10, 15),
                Span::new(30, 35),
                Span::new(50, 55)
            ]
        );
    }
}
