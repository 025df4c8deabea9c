//! WARC archives (ISO 28500, what web crawls are kept in), plain or gzip'd,
//! read one record at a time with the `warc` crate so memory does not grow
//! with the archive. Every HTML response with status 200 becomes an article
//! named `archive.warc.gz#N` (its position among the archive's records),
//! with the record's target URI as its URL and `WARC-Date` as its crawl
//! date. Requests, metadata, other media and other statuses are counted and
//! reported in one warning per archive; a broken record is a warning and
//! the records after it still load, unless the archive cannot be read past
//! it (a truncated file).

use super::Loaded;
use super::html::{self, Fetched};
use crate::warning::{Warning, WarningKind};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use warc::{RawRecordHeader, WarcHeader, WarcReader};

/// After this many malformed records in a row an archive is given up on:
/// it is not a WARC file, or its remaining records are past saving.
const MAX_BAD_IN_A_ROW: usize = 20;

/// Whether `path` names a WARC archive: `.warc` or `.warc.gz`.
pub fn is_archive(path: &Path) -> bool {
    let bytes = path.as_os_str().as_encoded_bytes();
    // A path that ends in a letter or digit ends in its file name, which is
    // all after its last separator: read so, without taking the path
    // apart into components (asked of every file of a load, on one thread).
    let name = match bytes.last() {
        Some(b) if b.is_ascii_alphanumeric() => {
            let cut = bytes
                .iter()
                .rposition(|&c| std::path::is_separator(char::from(c)));
            &bytes[cut.map_or(0, |i| i + 1)..]
        }
        _ => match path.file_name() {
            Some(n) => n.as_encoded_bytes(),
            None => return false,
        },
    };
    let ends_with = |suffix: &[u8]| {
        name.len() >= suffix.len() && name[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    std::str::from_utf8(name).is_ok() && (ends_with(b".warc") || ends_with(b".warc.gz"))
}

type RawRecords = Box<dyn Iterator<Item = Result<(RawRecordHeader, Vec<u8>), warc::Error>> + Send>;

/// The records of one archive as articles (`Ok`) or warnings (`Err`), in
/// the archive's order; the last item sums up what was skipped.
pub struct Records {
    path: PathBuf,
    inner: Option<RawRecords>,
    /// Records read so far (the next record's number is `n + 1`).
    n: usize,
    bad_in_a_row: usize,
    skipped: BTreeMap<&'static str, usize>,
    /// A warning still to give after the archive has ended.
    pending: Option<Warning>,
}

/// Opens `path` as a WARC archive, gzip'd or not (told by its first bytes,
/// not its name). `Err` is the warning when it cannot be opened.
pub fn records(path: &Path) -> Result<Records, Warning> {
    let io_err =
        |e: std::io::Error| Warning::new(path, WarningKind::Unreadable(super::describe_io(&e)));
    let mut magic = [0u8; 2];
    let gzipped = File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .map(|()| magic == [0x1f, 0x8b])
        .unwrap_or(false);
    let inner: RawRecords = if gzipped {
        Box::new(
            WarcReader::from_path_gzip(path)
                .map_err(io_err)?
                .iter_raw_records(),
        )
    } else {
        let file = File::open(path).map_err(io_err)?;
        Box::new(WarcReader::new(BufReader::with_capacity(1 << 20, file)).iter_raw_records())
    };
    Ok(Records {
        path: path.to_path_buf(),
        inner: Some(inner),
        n: 0,
        bad_in_a_row: 0,
        skipped: BTreeMap::new(),
        pending: None,
    })
}

impl Iterator for Records {
    type Item = Result<Loaded, Warning>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let Some(inner) = self.inner.as_mut() else {
                return self.pending.take().map(Err);
            };
            let Some(item) = inner.next() else {
                self.inner = None;
                return self.summary().map(Err);
            };
            self.n += 1;
            let n = self.n;
            let archive = |what: String| Warning::new(&self.path, WarningKind::Archive(what));
            let (header, body) = match item {
                Ok(r) => r,
                Err(e @ (warc::Error::ReadData(_) | warc::Error::UnexpectedEOB)) => {
                    // The stream itself ends or breaks here: nothing after
                    // it can be found.
                    let why = match e {
                        warc::Error::UnexpectedEOB => "cut short (truncated archive)".to_string(),
                        e => format!("unreadable ({})", describe(&e)),
                    };
                    self.inner = None;
                    self.pending = self.summary();
                    return Some(Err(archive(format!(
                        "record {n} {why}; the archive ends there"
                    ))));
                }
                Err(e) => {
                    self.bad_in_a_row += 1;
                    if self.bad_in_a_row >= MAX_BAD_IN_A_ROW {
                        self.inner = None;
                        return Some(Err(archive(format!(
                            "{MAX_BAD_IN_A_ROW} malformed records in a row ({}); the rest of the archive is skipped",
                            describe(&e)
                        ))));
                    }
                    return Some(Err(archive(format!(
                        "record {n} is malformed ({}), skipped",
                        describe(&e)
                    ))));
                }
            };
            self.bad_in_a_row = 0;
            match self.article(&header, &body) {
                Ok(l) => return Some(l),
                Err(kind) => *self.skipped.entry(kind).or_default() += 1,
            }
        }
    }
}

impl Records {
    /// The record as an article (or the warning that stands for it), or
    /// which kind of record was skipped.
    fn article(
        &self,
        header: &RawRecordHeader,
        body: &[u8],
    ) -> Result<Result<Loaded, Warning>, &'static str> {
        let get = |h: WarcHeader| {
            header
                .headers
                .get(&h)
                .map(|v| String::from_utf8_lossy(v).trim().to_string())
        };
        match get(WarcHeader::WarcType).as_deref() {
            Some("response") => {}
            Some("request") => return Err("requests"),
            Some("metadata") => return Err("metadata"),
            Some("warcinfo") => return Err("warcinfo"),
            Some("resource") => return Err("resources"),
            _ => return Err("other records"),
        }
        let Some(http) = HttpResponse::parse(body) else {
            return Err("non-HTTP responses");
        };
        if http.status != 200 {
            return Err("non-200 responses");
        }
        if http
            .header("content-encoding")
            .is_some_and(|e| !e.eq_ignore_ascii_case("identity"))
        {
            return Err("compressed HTTP bodies");
        }
        let content_type = http.header("content-type").unwrap_or_default();
        let mime = content_type.split(';').next().unwrap_or("").trim();
        let payload = if http
            .header("transfer-encoding")
            .is_some_and(|t| t.eq_ignore_ascii_case("chunked"))
        {
            std::borrow::Cow::Owned(dechunk(http.payload))
        } else {
            std::borrow::Cow::Borrowed(http.payload)
        };
        let named = PathBuf::from(record_name(&self.path, self.n));
        let html_type = mime.eq_ignore_ascii_case("text/html")
            || mime.eq_ignore_ascii_case("application/xhtml+xml");
        if !(html_type || mime.is_empty() && html::is_html(&named, &payload)) {
            return Err("non-HTML responses");
        }
        if payload.len() as u64 > super::MAX_FILE_BYTES {
            let limit = super::MAX_FILE_BYTES;
            return Ok(Err(Warning::new(
                named,
                WarningKind::TooLarge { size: None, limit },
            )));
        }
        let url = get(WarcHeader::TargetURI)
            .map(|u| u.trim_start_matches('<').trim_end_matches('>').to_string());
        let date = get(WarcHeader::Date).and_then(|d| {
            d.get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        });
        let charset = content_type
            .split(';')
            .filter_map(|p| p.trim().split_once('='))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
            .map(|(_, v)| v.trim().trim_matches('"').to_string());
        let fetched = Fetched {
            url: url.as_deref(),
            date,
            charset: charset.as_deref(),
        };
        let mut loaded = html::load(named, &payload, Some(fetched));
        if let Ok(l) = &mut loaded
            && let Some(t) = get(WarcHeader::Truncated)
        {
            l.warnings
                .push(Warning::new(&l.path, WarningKind::Truncated(t.to_string())));
        }
        Ok(loaded)
    }

    /// One line saying which records were skipped, if any were.
    fn summary(&self) -> Option<Warning> {
        let total: usize = self.skipped.values().sum();
        (total > 0).then(|| {
            let kinds: Vec<String> = self
                .skipped
                .iter()
                .map(|(k, n)| format!("{n} {k}"))
                .collect();
            let what = format!(
                "{total} of {} records skipped, not HTML pages: {}",
                self.n,
                kinds.join(", ")
            );
            Warning::new(&self.path, WarningKind::Archive(what))
        })
    }
}

/// The HTTP payload of record `n` (counted from 1) of `archive` and the
/// charset its server declared, read again from the start of the archive.
pub fn record_payload(archive: &Path, n: usize) -> Option<(Vec<u8>, Option<String>)> {
    let mut records = records(archive).ok()?;
    let inner = records.inner.as_mut()?;
    let (_, block) = inner.nth(n.checked_sub(1)?)?.ok()?;
    let http = HttpResponse::parse(&block)?;
    let charset = http.header("content-type").and_then(|t| {
        t.split(';')
            .filter_map(|p| p.trim().split_once('='))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
            .map(|(_, v)| v.trim().trim_matches('"').to_string())
    });
    let chunked = http
        .header("transfer-encoding")
        .is_some_and(|t| t.eq_ignore_ascii_case("chunked"));
    let payload = if chunked {
        dechunk(http.payload)
    } else {
        http.payload.to_vec()
    };
    Some((payload, charset))
}

/// `archive.warc.gz#7`: the name a record's article goes by.
pub fn record_name(archive: &Path, n: usize) -> OsString {
    let mut s = archive.as_os_str().to_owned();
    s.push(format!("#{n}"));
    s
}

fn describe(e: &warc::Error) -> String {
    match e {
        warc::Error::ReadData(io) => io.to_string(),
        e => e.to_string().trim_end_matches('.').to_lowercase(),
    }
}

/// An HTTP response as a crawler saved it: status, headers, payload.
struct HttpResponse<'a> {
    status: u16,
    headers: Vec<(String, String)>,
    payload: &'a [u8],
}

impl<'a> HttpResponse<'a> {
    fn parse(block: &'a [u8]) -> Option<Self> {
        let (head_end, sep) = find(block, b"\r\n\r\n")
            .map(|i| (i, 4))
            .or_else(|| find(block, b"\n\n").map(|i| (i, 2)))?;
        let head = String::from_utf8_lossy(&block[..head_end]);
        let mut lines = head.lines();
        let status_line = lines.next()?;
        if !status_line.starts_with("HTTP/") {
            return None;
        }
        let status = status_line.split_whitespace().nth(1)?.parse().ok()?;
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Some(HttpResponse {
            status,
            headers,
            payload: &block[head_end + sep..],
        })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A chunked HTTP body joined up; what cannot be read as chunks is kept
/// as it is.
fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rest.len());
    loop {
        let Some(eol) = find(rest, b"\r\n") else {
            out.extend_from_slice(rest);
            return out;
        };
        let size_text = String::from_utf8_lossy(&rest[..eol]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            out.extend_from_slice(rest);
            return out;
        };
        if size == 0 {
            return out;
        }
        let data = &rest[eol + 2..];
        let take = size.min(data.len());
        out.extend_from_slice(&data[..take]);
        rest = data[take..].strip_prefix(b"\r\n").unwrap_or(&data[take..]);
        if take < size {
            return out;
        }
    }
}

#[cfg(test)]
mod tests;
