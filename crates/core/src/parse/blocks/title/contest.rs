//! The contest between the lines that may be the headline: the best score
//! wins, the nearest line among equal ones, if it is above zero. A score is
//! a line's start plus its share of the article's topic, then the steps for
//! its place and shape. Searching the article's words for a line's words
//! is most of the title finder's work, so a score is known between its
//! least and its most until then, and a line's words are looked up one at
//! a time, only while the line could still beat the leader: a page with
//! one headline-like line or a clear winner searches nothing.

use super::super::stopwords::StopWords;
use super::super::topic::{Overlap, Stems, Topic};
use super::WINDOW;

/// What a headline made wholly of the article's content words gains.
pub const TOPIC_WEIGHT: f32 = 10.0;

/// A line that passed every test for a headline, with what its score is
/// made of.
pub struct Contender {
    pub line: usize,
    /// Its score from its length.
    pub base: f32,
    /// What the topic's share counts for: half for a standfirst sentence,
    /// nothing for a name.
    pub weight: f32,
    pub steps: Steps,
    /// Its share of the topic when a test already read it.
    pub overlap: Option<Overlap>,
}

/// What a headline's score gains or loses for its place and shape.
pub struct Steps {
    /// In a list of headlines or a series of cards.
    pub listed: bool,
    /// In an author's box, or the name under a headline.
    pub demoted: bool,
    pub title_case: bool,
    /// Blank lines above and below.
    pub set_apart: bool,
    pub copied: bool,
    pub head_bonus: Option<f32>,
    pub prefixed: bool,
    pub sentence_end: bool,
    pub name: bool,
    /// Lines from the region (or from the page's top without one).
    pub distance: usize,
}

impl Steps {
    /// The score from its start: each step adds or takes a constant, so a
    /// larger start never ends lower.
    pub fn finish(&self, mut score: f32) -> f32 {
        if self.listed {
            score -= 5.0;
        }
        if self.demoted {
            score -= 8.0;
        }
        if self.title_case {
            score += 1.5;
        }
        if self.set_apart {
            score += 3.0;
        }
        if self.copied {
            score += 2.0;
        }
        if let Some(bonus) = self.head_bonus {
            score += bonus;
        }
        if self.prefixed {
            score -= 2.0;
        }
        if self.sentence_end {
            score -= 4.0;
        }
        if self.name {
            score -= 3.0;
        }
        score
            - (0.2 * self.distance.min(WINDOW) as f32
                + 0.05 * self.distance.saturating_sub(WINDOW) as f32)
    }
}

impl Contender {
    /// The score with the line's share of the topic.
    fn score(&self, on_topic: Overlap) -> f32 {
        let mut score = self.base;
        if !self.steps.name
            && (on_topic.shared >= 2 || (on_topic.total > 0 && on_topic.shared == on_topic.total))
        {
            score += TOPIC_WEIGHT * on_topic.share() * self.weight;
        }
        self.steps.finish(score)
    }
}

/// What is known of a contender's share of the topic.
enum Known {
    /// Nothing: it may have none of the topic or all of it.
    Nothing,
    /// Its content words, the first `checked` of them looked up, `found`
    /// of those in the topic.
    Partly {
        stems: Stems,
        checked: usize,
        found: u32,
    },
    All(Overlap),
}

/// The least and the most a contender's score can be, given what is known.
fn range(c: &Contender, known: &Known) -> (f32, f32) {
    // The score grows with the shared words, the total fixed.
    let with = |shared: u32, total: u32| c.score(Overlap { shared, total });
    match known {
        _ if c.steps.name => {
            let s = c.score(Overlap::default());
            (s, s)
        }
        Known::Nothing => (with(0, 1), with(1, 1)),
        Known::Partly {
            stems,
            checked,
            found,
        } => {
            let total = stems.len() as u32;
            let unknown = (stems.len() - checked) as u32;
            (with(*found, total), with(found + unknown, total))
        }
        Known::All(o) => {
            let s = c.score(*o);
            (s, s)
        }
    }
}

/// Learns one more thing of a contender's share: its words, or whether
/// the next of them is in the topic.
fn learn<'a>(stop: &StopWords, known: &mut Known, text: &str, topic: &dyn Fn() -> &'a Topic) {
    match known {
        Known::Nothing => {
            *known = Known::Partly {
                stems: Stems::of(stop, text),
                checked: 0,
                found: 0,
            };
        }
        Known::Partly {
            stems,
            checked,
            found,
        } => {
            if *checked < stems.len() {
                *found += u32::from(topic().has(stems.get(*checked)));
                *checked += 1;
            }
            if *checked == stems.len() {
                *known = Known::All(Overlap {
                    shared: *found,
                    total: stems.len() as u32,
                });
            }
        }
        Known::All(_) => {}
    }
}

/// The winning line, if its score is above zero. `text` is a line's
/// content; `contenders` come nearest first.
pub fn decide<'t, 'a>(
    stop: &StopWords,
    contenders: &[Contender],
    text: &dyn Fn(usize) -> &'t str,
    topic: &dyn Fn() -> &'a Topic,
) -> Option<usize> {
    let mut known: Vec<Known> = contenders
        .iter()
        .map(|c| c.overlap.map_or(Known::Nothing, Known::All))
        .collect();
    let mut ranges: Vec<(f32, f32)> = contenders
        .iter()
        .zip(&known)
        .map(|(c, k)| range(c, k))
        .collect();
    // `k` ranks above `j`: a larger score, or the nearer line.
    let above = |k: usize, kv: f32, j: usize, jv: f32| kv > jv || (kv == jv && k < j);
    let winner = loop {
        let leader = (0..ranges.len()).reduce(|a, k| {
            if above(k, ranges[k].0, a, ranges[a].0) {
                k
            } else {
                a
            }
        })?;
        let floor = ranges[leader].0;
        // The line that could rank highest above the leader. A line whose
        // score is known ranks at most level with the leader's least, and
        // below it when level.
        let rival = (0..ranges.len())
            .filter(|&k| k != leader && above(k, ranges[k].1, leader, floor))
            .reduce(|a, k| {
                if above(k, ranges[k].1, a, ranges[a].1) {
                    k
                } else {
                    a
                }
            });
        let Some(r) = rival else {
            break leader;
        };
        learn(stop, &mut known[r], text(contenders[r].line), topic);
        ranges[r] = range(&contenders[r], &known[r]);
    };
    // The winner's score, as far as it decides whether it is above zero.
    while ranges[winner].0 <= 0.0 && ranges[winner].1 > 0.0 {
        learn(
            stop,
            &mut known[winner],
            text(contenders[winner].line),
            topic,
        );
        ranges[winner] = range(&contenders[winner], &known[winner]);
    }
    (ranges[winner].0 > 0.0).then_some(contenders[winner].line)
}
