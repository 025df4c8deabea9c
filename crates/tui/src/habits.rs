//! A news reader's habits: the next / previous article not read yet,
//! following no one again, copying the selected sentence with its date and
//! source, and handing the article's file to the user's pager or editor.
//! The last two are [`Request`]s the session carries out.

use super::action::Pane;
use super::app::{AppState, HitMode, Request};
use super::wrap::EntityKind;
use dateline_core::model::{Article, Corpus, Span};
use dateline_core::text::sanitize_line;

/// The most text `y` copies (a sentence is far shorter; a page-long
/// "sentence" is cut).
const COPY_MAX_CHARS: usize = 2_000;

impl AppState {
    /// Selects the next (or previous) article in list order that has not
    /// been read, wrapping round once.
    pub(super) fn step_unread(&mut self, c: &Corpus, forward: bool) {
        let order = self.list_order(c);
        let n = order.len();
        let here = self.current.and_then(|id| self.list_pos(c, id));
        let unread = order.iter().filter(|id| !self.read.contains(id)).count();
        let found = (1..=n).find_map(|step| {
            let pos = match (here, forward) {
                (None, true) => step - 1,
                (None, false) => n - step,
                (Some(h), true) => (h + step) % n,
                (Some(h), false) => (h + n - step % n) % n,
            };
            let id = order[pos];
            (!self.read.contains(&id)).then_some(id)
        });
        let Some(id) = found else {
            self.say("no unread articles");
            return;
        };
        self.push_jump(c);
        self.select_article(c, id);
        self.sync_timeline_to_article(c);
        // Reading it (the reader focused) marks it read; in the list it
        // stays unread until opened.
        let left = unread - usize::from(self.focus == Pane::Reader);
        self.say(format!("unread: {left} left"));
    }

    /// Follows no one: the filter to the actor goes with it, and `n` steps
    /// through the search again if there is one.
    pub(super) fn unfollow(&mut self, c: &Corpus) -> bool {
        let Some(f) = self.follow.take() else {
            return false;
        };
        self.filter = None;
        if self.search.is_some() {
            self.hit_mode = HitMode::Search;
        }
        let name = c
            .actors
            .get(f.actor as usize)
            .map_or_else(String::new, |a| sanitize_line(&a.name).into_owned());
        self.say(format!("stopped following {name}"));
        true
    }

    /// Asks for the selected sentence on the clipboard: the timeline's
    /// event, or in the list and reader the sentence at the reader's
    /// cursor (its first on screen without one), with date and source.
    pub(super) fn copy_selected(&mut self, c: &Corpus) {
        let text = match self.focus {
            Pane::Timeline => self
                .event_at(c, self.timeline.cursor)
                .and_then(|e| c.events.get(e))
                .and_then(|e| {
                    let a = c.articles.get(e.article as usize)?;
                    Some(quote(a, e.sentence, &e.date.to_string()))
                }),
            Pane::List | Pane::Reader => self.reader_sentence(c).map(|(a, span)| {
                let date = a.published.value.as_ref().map_or_else(
                    || dateline_core::output::table::NO_DATE.to_string(),
                    |d| d.to_string(),
                );
                quote(a, span, &date)
            }),
        };
        match text {
            Some(t) => {
                let shown = dateline_core::text::sanitize_line(&t);
                let shown: String = shown.chars().take(60).collect();
                self.say(format!("copied: {shown}…"));
                self.requests.push(Request::Copy(t));
            }
            None => self.say("nothing to copy here"),
        }
    }

    /// The sentence at the reader's entity cursor, else the first one that
    /// starts on screen, else the headline.
    fn reader_sentence<'c>(&self, c: &'c Corpus) -> Option<(&'c Article, Span)> {
        let a = c.articles.get(self.current? as usize)?;
        let at = self
            .reader
            .entity
            .and_then(|i| self.reader.doc.entities.get(i))
            .map(|e| match e.kind {
                EntityKind::Time(_) | EntityKind::Mention(_) => e.span.start,
            });
        let sentence = match at {
            Some(b) => a.sentences.iter().find(|s| s.start <= b && b < s.end),
            None => {
                let top = self.reader_top_byte();
                a.sentences.iter().find(|s| s.start >= top)
            }
        };
        sentence.or(a.title.as_ref()).map(|&s| (a, s))
    }

    /// Asks for the current article's file in the pager (or editor).
    pub(super) fn open_file(&mut self, c: &Corpus, editor: bool) {
        match self.current.and_then(|id| c.articles.get(id as usize)) {
            Some(a) => self.requests.push(Request::Open {
                path: a.path.clone(),
                editor,
            }),
            None => self.say("no article to open"),
        }
    }
}

/// `“sentence” — source, date`: the sentence on one line, every control
/// character left out (the clipboard gets the app's own text, never a
/// file's escapes), the source the site or else the file name.
pub fn quote(a: &Article, sentence: Span, date: &str) -> String {
    let words: Vec<&str> = a.text(sentence).split_whitespace().collect();
    let text: String = words.join(" ").chars().take(COPY_MAX_CHARS).collect();
    let source = a.source.clone().unwrap_or_else(|| a.file_name());
    let out = format!("“{text}” — {source}, {date}");
    out.chars().filter(|ch| !is_unsafe(*ch)).collect()
}

/// Characters a clipboard never gets from a file: controls (C0, C1) and
/// the bidi overrides and isolates that reorder what is shown.
fn is_unsafe(ch: char) -> bool {
    ch.is_control() || matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The OSC 52 sequence that asks the terminal to put `text` on the
/// clipboard.
pub fn osc52(text: &str) -> String {
    let clean: String = text.chars().filter(|ch| !is_unsafe(*ch)).collect();
    format!("\x1b]52;c;{}\x07", base64(clean.as_bytes()))
}

/// Standard base64 with padding (RFC 4648), all OSC 52 needs.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_examples() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
    }

    #[test]
    fn the_sequence_carries_no_escape_from_the_text() {
        let seq = osc52("a\u{1b}]0;x\u{7}b\u{9b}c\u{202e}d");
        assert_eq!(seq, format!("\x1b]52;c;{}\x07", base64(b"a]0;xbcd")));
    }

    #[test]
    fn a_quote_is_one_line_with_source_and_date() {
        let raw = "Tovelo Times\nThe mayor of Brask\nopened the \u{1b}[2Jbridge.\n";
        let a = Article {
            raw: raw.to_string(),
            source: Some("Tovelo Times".into()),
            ..Article::default()
        };
        let s = Span::new(13, raw.len() - 1);
        assert_eq!(
            quote(&a, s, "2025-04-25"),
            "“The mayor of Brask opened the [2Jbridge.” — Tovelo Times, 2025-04-25"
        );
    }
}
