//! What the commands print. [`rows`] defines each kind of row once, as a
//! typed struct borrowing from the corpus; [`json`], [`table`] and
//! [`export`] (CSV, Markdown, iCalendar) render them into any writer as they
//! come, so output never holds more than a row (Markdown's date headings
//! aside). Knows nothing of the terminal or the command line.

pub mod export;
pub mod json;
pub mod rows;
pub mod table;
pub mod tsv;

#[cfg(test)]
mod tests;
