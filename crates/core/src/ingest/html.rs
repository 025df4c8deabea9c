//! HTML pages to article text. The main content is found by `dom_smoothie`
//! (a port of Mozilla's Readability, the extractor behind Firefox's reader
//! view); this file sniffs what is HTML, decodes it by its declared charset,
//! reads the page's own metadata (headline, publication date, site, URL) and
//! lays the result out as the article's text: the title, a blank line, then
//! one paragraph, subhead or list item per line pair. Every span of the
//! [`Page`] points into that text.
//!
//! When the extractor fails or keeps too little, the page's visible text
//! (scripts and styles dropped, one block per line) is the article's text
//! instead and dateline's own cleaner picks the body from it.

use super::Loaded;
use crate::model::Span;
use crate::warning::{Warning, WarningKind};
use chrono::NaiveDate;
use dom_query::Document;
use std::path::{Path, PathBuf};

/// Below this many characters of body the extraction is taken to have
/// missed the article (a page of links, a consent wall, a failed parse).
const MIN_BODY_CHARS: usize = 200;

/// Deeper nesting than this is not a real page (they stay well under a
/// hundred) but a degenerate or hostile one.
const MAX_DEPTH: usize = 400;

/// How far into a file its kind and charset are looked for, as browsers do.
const SNIFF_BYTES: usize = 1024;

/// What the page says about itself, as spans of the laid-out text and
/// values read from its metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub title: Option<Span>,
    /// Paragraphs, subheads and list items of the main content, in order.
    /// Empty when `fallback` is set.
    pub body: Vec<Span>,
    /// The extractor found too little: the text is the page's visible text
    /// and dateline's cleaner is to choose the body.
    pub fallback: bool,
    /// From `article:published_time`, JSON-LD `datePublished`,
    /// `itemprop=datePublished` or a `<time datetime>`.
    pub published: Option<NaiveDate>,
    /// When the page was fetched (a WARC record's date): a fallback
    /// publication date.
    pub crawl_date: Option<NaiveDate>,
    /// The site's name (`og:site_name` and the like, else the URL's host).
    pub source: Option<String>,
    /// Where the page came from: the crawl's target URI, else the page's
    /// canonical or `og:url` link.
    pub url: Option<String>,
}

/// Where a page came from besides its file: a crawl's record.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fetched<'a> {
    pub url: Option<&'a str>,
    /// When it was fetched.
    pub date: Option<NaiveDate>,
    /// The charset the server declared.
    pub charset: Option<&'a str>,
}

/// A page's bytes to an article ready for parsing, named `path`.
pub fn load(path: PathBuf, bytes: &[u8], fetched: Option<Fetched>) -> Result<Loaded, Warning> {
    let fetched = fetched.unwrap_or_default();
    let (html, decode_warning) = decode(bytes, fetched.charset);
    let (text, mut page, warning) = read_page(&html, fetched.url);
    drop(html);
    page.crawl_date = fetched.date;
    if text.trim().is_empty() {
        return Err(Warning::new(path, WarningKind::HtmlNoText));
    }
    let warnings = decode_warning
        .map(WarningKind::Decoded)
        .into_iter()
        .chain(warning)
        .map(|k| Warning::new(&path, k))
        .collect();
    Ok(Loaded {
        path,
        text,
        warnings,
        page: Some(Box::new(page)),
    })
}

/// Whether `bytes` are an HTML page: a doctype or `<html>` at the start, or
/// markup at the start and an `<html>`, `<head>` or `<body>` tag in the first
/// kilobyte; with an `.html`, `.htm` or `.xhtml` name, markup at the start is
/// enough. A text file that quotes a tag further in is not HTML.
pub fn is_html(path: &Path, bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    // Most files are plain text: told from their first byte, before a
    // lowered copy of the head is made.
    if head.get(start) != Some(&b'<') {
        return false;
    }
    let head = head[start..].to_ascii_lowercase();
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    let named_html = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "html" | "htm" | "xhtml"));
    named_html
        || head.starts_with(b"<!doctype html")
        || has(b"<html")
        || has(b"<head")
        || has(b"<body")
}

/// Decodes a page: a byte-order mark, else valid UTF-8 (whatever the page
/// declares: a mislabelled UTF-8 page is far commoner than Latin-1 that
/// happens to be valid UTF-8), else the charset `declared` by the server or
/// by the page's `<meta>`, else Windows-1252. The warning says when the
/// bytes did not fit what was declared.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> (String, Option<String>) {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, bad) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let w = bad.then(|| format!("invalid {} sequences replaced", enc.name()));
        return (text.into_owned(), w);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), None);
    }
    let label = declared
        .map(str::to_string)
        .or_else(|| meta_charset(&bytes[..bytes.len().min(SNIFF_BYTES)]));
    let enc = label
        .as_deref()
        .and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes()));
    match (enc, label) {
        (Some(enc), _) if enc != encoding_rs::UTF_8 => {
            let (text, _, bad) = enc.decode(bytes);
            let w = bad.then(|| format!("invalid {} sequences replaced", enc.name()));
            (text.into_owned(), w)
        }
        (Some(_), _) => {
            // As for a text file: bytes that are not UTF-8 are most likely
            // the Windows code page, whatever the page says.
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            let w = "declared UTF-8 but not valid UTF-8, decoded as Windows-1252";
            (text.into_owned(), Some(w.into()))
        }
        (None, label) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            let why = match label {
                Some(l) => format!("unknown charset “{}”", l.escape_debug()),
                None => "no charset declared and not valid UTF-8".into(),
            };
            (
                text.into_owned(),
                Some(format!("{why}, decoded as Windows-1252")),
            )
        }
    }
}

/// The label of a `charset=` in the page's first bytes (`<meta charset>` or
/// `<meta http-equiv content="...; charset=...">`).
fn meta_charset(head: &[u8]) -> Option<String> {
    let lower = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &lower[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b)))
        .unwrap_or(rest.len());
    (end > 0).then(|| String::from_utf8_lossy(&rest[..end]).into_owned())
}

/// Extracts the article from a decoded page. `url` is where it was fetched
/// from, when known. Returns the article's text, the page's spans into it,
/// and a warning when the body is the fallback.
pub fn read_page(html: &str, url: Option<&str>) -> (String, Page, Option<WarningKind>) {
    if nesting_depth(html) > MAX_DEPTH {
        // The HTML parser and the extractor take time (and stack) in
        // proportion to the depth for each element: such a page is read
        // as tag-stripped text instead.
        let page = Page {
            url: url.map(str::to_string),
            fallback: true,
            ..Page::default()
        };
        return (
            strip_tags(html),
            page,
            Some(WarningKind::HtmlTooDeep(MAX_DEPTH)),
        );
    }
    let doc = Document::from(html);
    let meta = PageMeta::read(&doc);
    let extracted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let cfg = dom_smoothie::Config {
            text_mode: dom_smoothie::TextMode::Formatted,
            ..Default::default()
        };
        dom_smoothie::Readability::with_document(doc, None, Some(cfg)).and_then(|mut r| r.parse())
    }));
    let mut page = Page {
        url: url.map(str::to_string).or(meta.url),
        published: meta.published,
        ..Page::default()
    };
    let (title, paragraphs, why) = match extracted {
        Ok(Ok(a)) => {
            page.published = page
                .published
                .or_else(|| a.published_time.as_deref().and_then(parse_date));
            page.source = a.site_name.filter(|s| !s.trim().is_empty());
            let title = meta.title.unwrap_or_else(|| headline(&meta.h1, a.title));
            let paragraphs: Vec<String> = a
                .text_content
                .lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .collect();
            let chars: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
            if chars >= MIN_BODY_CHARS {
                (title, paragraphs, None)
            } else {
                (title, Vec::new(), Some("too little text".to_string()))
            }
        }
        Ok(Err(e)) => (
            meta.title.unwrap_or_default(),
            Vec::new(),
            Some(e.to_string()),
        ),
        Err(_) => (
            meta.title.unwrap_or_default(),
            Vec::new(),
            Some("the extractor failed".into()),
        ),
    };
    if page.source.is_none() {
        page.source = page.url.as_deref().and_then(host);
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut text = String::new();
    if !title.is_empty() {
        text.push_str(&title);
        page.title = Some(Span::new(0, text.len()));
    }
    let warning = match why {
        None => {
            for p in paragraphs.iter().skip_while(|p| **p == title) {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                let start = text.len();
                text.push_str(p);
                page.body.push(Span::new(start, text.len()));
            }
            None
        }
        Some(why) => {
            page.fallback = true;
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&visible_text(html));
            Some(WarningKind::HtmlFallback(why.to_string()))
        }
    };
    (text, page, warning)
}

/// The page's `<h1>` that the extractor's title starts with (the title with
/// the site's name cut off), else the extractor's title.
fn headline(h1: &[String], title: String) -> String {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = norm(&title);
    h1.iter()
        .map(|h| norm(h))
        .find(|h| !h.is_empty() && t.starts_with(h.as_str()))
        .unwrap_or(title)
}

/// Metadata read from the page before the extractor rearranges it.
struct PageMeta {
    title: Option<String>,
    /// The text of each `<h1>` (a few at most).
    h1: Vec<String>,
    published: Option<NaiveDate>,
    url: Option<String>,
}

impl PageMeta {
    fn read(doc: &Document) -> PageMeta {
        let first_attr = |selector: &str, attr: &str| {
            doc.select(selector)
                .nodes()
                .iter()
                .find_map(|n| n.attr(attr))
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        // The headline the page gives for sharing is the article's own,
        // where `<title>` carries the site's name and the JSON-LD headline
        // is often a search-engine variant.
        let title = first_attr(r#"meta[property="og:title"]"#, "content")
            .or_else(|| first_attr(r#"meta[name="og:title"]"#, "content"));
        let published = [
            (r#"meta[property="article:published_time"]"#, "content"),
            (r#"meta[itemprop="datePublished"]"#, "content"),
            (r#"[itemprop="datePublished"]"#, "datetime"),
            ("time[pubdate]", "datetime"),
            ("article time[datetime]", "datetime"),
            ("time[datetime]", "datetime"),
        ]
        .iter()
        .find_map(|(sel, attr)| first_attr(sel, attr).as_deref().and_then(parse_date));
        let url = first_attr(r#"link[rel="canonical"]"#, "href")
            .or_else(|| first_attr(r#"meta[property="og:url"]"#, "content"))
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
        let h1 = doc
            .select("h1")
            .nodes()
            .iter()
            .take(8)
            .map(|n| n.text().to_string())
            .collect();
        PageMeta {
            title,
            h1,
            published,
            url,
        }
    }
}

/// The day of a metadata date: ISO 8601 (`2025-04-17`, with or without a
/// time), else a written date (`April 17, 2025`). A software's "no date"
/// value is no date: see [`is_placeholder`].
fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    s.get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .or_else(|| crate::date_text::find_full_date(s).map(|(d, _)| d))
        .filter(|d| !is_placeholder(*d))
}

/// Whether `day` is what a site's software writes when an article has no
/// date: the zero value of a date type (Go's and .NET's `0001-01-01`, which
/// static site generators such as Hugo print for an undated page, and any
/// other year no news date has; Unix time 0; the zero dates of SQL Server
/// and of spreadsheets). Taken as the publication date it would date the
/// page, and anchor every relative date in it, centuries away; the page's
/// own text usually says the real one.
fn is_placeholder(day: NaiveDate) -> bool {
    use chrono::Datelike;
    const ZERO_DAYS: [(i32, u32, u32); 4] =
        [(1970, 1, 1), (1900, 1, 1), (1899, 12, 30), (1899, 12, 31)];
    !crate::date_text::PLAUSIBLE_YEARS.contains(&day.year())
        || ZERO_DAYS
            .iter()
            .any(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d) == Some(day))
}

/// The host of an `http(s)` URL, without a leading `www.`.
fn host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Elements that never have an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen",
];

/// The name of the tag that starts at `rest` (after its `<` or `</`),
/// lowercased, and where the name ends.
fn tag_name(rest: &[u8]) -> (String, usize) {
    let end = rest
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    (
        String::from_utf8_lossy(&rest[..end]).to_ascii_lowercase(),
        end,
    )
}

/// Elements whose end tag may be left out (the next sibling closes them),
/// so their tags say nothing of depth.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
    "colgroup", "rp", "rt",
];

/// The deepest nesting of elements in `html`, counted from its tags alone
/// in one pass (start tags in, end tags out; void, self-closed and
/// optionally closed elements neither; scripts and styles skipped).
fn nesting_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        let Some(&next) = b.get(i) else { break };
        let closing = next == b'/';
        let (name, _) = tag_name(&b[(i + usize::from(closing)).min(b.len())..]);
        if name.is_empty() || VOID.contains(&name.as_str()) || OPTIONAL_END.contains(&name.as_str())
        {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        let close = b[i..].iter().position(|&c| c == b'>').map(|p| i + p);
        if close.is_some_and(|p| b[p - 1] == b'/') {
            continue;
        }
        if name == "script" || name == "style" {
            // Their text is not markup (`a<b` in a script).
            let Some(end) = close else { break };
            i = end_tag(b, end, &name);
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
    }
    deepest
}

/// Where the end tag `</name` (any case) first starts at or after `from`,
/// else the end of `b`.
fn end_tag(b: &[u8], from: usize, name: &str) -> usize {
    let mut i = from;
    while let Some(off) = b[i..].windows(2).position(|w| w == b"</") {
        let at = i + off;
        let tail = &b[at + 2..];
        if tail.len() >= name.len() && tail[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return at;
        }
        i = at + 2;
    }
    b.len()
}

/// `html` without its tags, scripts and styles: a line break where a tag
/// was, the five common entities decoded.
fn strip_tags(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    while i < b.len() {
        let Some(off) = b[i..].iter().position(|&c| c == b'<') else {
            out.push_str(&html[i..]);
            break;
        };
        out.push_str(&html[i..i + off]);
        i += off + 1;
        let (name, _) = tag_name(&b[i.min(b.len())..]);
        let Some(close) = b[i..].iter().position(|&c| c == b'>') else {
            break;
        };
        i += close + 1;
        if name == "script" || name == "style" {
            i = end_tag(b, i, &name);
        }
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text a reader would see: scripts, styles and the head dropped, one
/// block per line.
pub fn visible_text(html: &str) -> String {
    let doc = Document::from(html);
    doc.select("script, style, noscript, template, svg, head")
        .remove();
    let text = doc
        .body()
        .map_or_else(|| doc.formatted_text(), |b| b.formatted_text());
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
pub(crate) mod tests;
