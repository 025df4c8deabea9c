use super::*;
use crate::ingest::html::tests::news_page;
use std::io::Write;

/// One WARC record, written by hand as the standard lays it out.
fn record(kind: &str, uri: &str, block: &[u8], extra: &str) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{}>\r\n\
         WARC-Date: 2026-03-12T06:30:00Z\r\nWARC-Target-URI: {uri}\r\n{extra}\
         Content-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn response(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r =
        format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nServer: test\r\n\r\n")
            .into_bytes();
    r.extend_from_slice(body);
    r
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = libflate::gzip::Encoder::new(Vec::new()).unwrap();
    e.write_all(bytes).unwrap();
    e.finish().into_result().unwrap()
}

/// A crawl: a request, two pages (one with its date in its metadata, one
/// without), a 404, an image, a metadata record, and a page in a charset
/// the server names wrongly.
fn crawl() -> Vec<Vec<u8>> {
    let dated = news_page(r#"<meta property="article:published_time" content="2026-03-10">"#);
    let undated = news_page("").replace("harbour bridge", "ferry pier");
    let latin = encoding_rs::WINDOWS_1252
        .encode(&news_page("").replace("Mayor", "Maire\u{e9}"))
        .0
        .into_owned();
    vec![
        record(
            "request",
            "https://courier.example/a",
            b"GET /a HTTP/1.1\r\n\r\n",
            "",
        ),
        record(
            "response",
            "https://courier.example/a",
            &response("200 OK", "text/html; charset=utf-8", dated.as_bytes()),
            "",
        ),
        record(
            "response",
            "https://courier.example/gone",
            &response(
                "404 Not Found",
                "text/html",
                b"<html><body>gone</body></html>",
            ),
            "",
        ),
        record(
            "response",
            "https://courier.example/logo.png",
            &response("200 OK", "image/png", b"\x89PNG\r\n"),
            "",
        ),
        record(
            "metadata",
            "https://courier.example/a",
            b"via: test\r\n",
            "",
        ),
        record(
            "response",
            "<https://courier.example/b>",
            &response("200 OK", "text/html", undated.as_bytes()),
            "",
        ),
        record(
            "response",
            "https://courier.example/c",
            &response("200 OK", "text/html; charset=x-no-such", &latin),
            "",
        ),
    ]
}

fn read_all(path: &Path) -> (Vec<Loaded>, Vec<String>) {
    let (mut ok, mut warnings) = (Vec::new(), Vec::new());
    for r in records(path).unwrap() {
        match r {
            Ok(l) => ok.push(l),
            Err(w) => warnings.push(w.to_string()),
        }
    }
    (ok, warnings)
}

#[test]
fn html_responses_become_articles_and_the_rest_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc");
    fs_write(&path, &crawl().concat());
    let (ok, warnings) = read_all(&path);
    assert_eq!(ok.len(), 3, "{warnings:?}");
    let page = |i: usize| ok[i].page.as_deref().unwrap();
    assert_eq!(page(0).url.as_deref(), Some("https://courier.example/a"));
    assert_eq!(page(1).url.as_deref(), Some("https://courier.example/b"));
    assert_eq!(page(0).crawl_date, NaiveDate::from_ymd_opt(2026, 3, 12));
    assert!(ok[0].path.to_string_lossy().ends_with("crawl.warc#2"));
    assert!(ok[1].text.contains("ferry pier"));
    // The broken charset: decoded all the same, with a warning.
    assert!(ok[2].text.contains("Maire\u{e9} Ilsa"));
    assert!(
        ok[2]
            .warnings
            .iter()
            .any(|w| w.to_string().contains("unknown charset"))
    );
    assert_eq!(
        warnings,
        [format!(
            "{}: 4 of 7 records skipped, not HTML pages: 1 metadata, 1 non-200 responses, 1 non-HTML responses, 1 requests",
            path.display()
        )]
    );
}

#[test]
fn a_records_page_source_is_found_again_by_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc.gz");
    fs_write(&path, &gzip(&crawl().concat()));
    let (ok, _) = read_all(&path);
    let source = crate::ingest::page_source(&ok[1].path).unwrap();
    assert!(source.starts_with("<!DOCTYPE html>") && source.contains("ferry pier"));
    // The server's wrong charset name: decoded as Windows-1252 all the same.
    assert!(
        crate::ingest::page_source(&ok[2].path)
            .unwrap()
            .contains("Maire\u{e9}")
    );
    assert!(crate::ingest::page_source(Path::new(&record_name(&path, 99))).is_none());
    let text = dir.path().join("note.txt");
    fs_write(&text, b"A plain note.");
    assert!(crate::ingest::page_source(&text).is_none());
}

#[test]
fn gzipped_archive_reads_the_same_as_plain() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("a.warc");
    let gz = dir.path().join("b.warc.gz");
    fs_write(&plain, &crawl().concat());
    // Each record its own gzip member, as crawlers write them.
    let members: Vec<u8> = crawl().iter().flat_map(|r| gzip(r)).collect();
    fs_write(&gz, &members);
    let (a, wa) = read_all(&plain);
    let (b, wb) = read_all(&gz);
    assert_eq!(a.len(), 3);
    assert_eq!(
        a.iter().map(|l| &l.text).collect::<Vec<_>>(),
        b.iter().map(|l| &l.text).collect::<Vec<_>>()
    );
    assert_eq!(wa.len(), wb.len());
}

#[test]
fn a_truncated_archive_keeps_the_records_before_the_cut() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.warc.gz");
    let mut bytes = crawl().concat();
    bytes.truncate(bytes.len() - 500);
    fs_write(&path, &gzip(&bytes));
    let (ok, warnings) = read_all(&path);
    assert_eq!(ok.len(), 2);
    assert!(warnings[0].contains("record 7") && warnings[0].contains("archive ends"));
    assert!(
        warnings[1].contains("4 of 7 records skipped"),
        "{warnings:?}"
    );
    assert_eq!(warnings.len(), 2);
    let path = dir.path().join("cut.warc");
    fs_write(&path, &bytes);
    assert_eq!(read_all(&path).0.len(), 2);
}

#[test]
fn chunked_bodies_are_joined_and_truncated_pages_noted() {
    let page = news_page("");
    let (a, b) = page.split_at(page.len() / 2);
    let chunked = format!(
        "{:x}\r\n{a}\r\n{:x}; ext=1\r\n{b}\r\n0\r\n\r\n",
        a.len(),
        b.len()
    );
    let mut block =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
            .to_vec();
    block.extend_from_slice(chunked.as_bytes());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.warc");
    fs_write(
        &path,
        &record(
            "response",
            "https://courier.example/d",
            &block,
            "WARC-Truncated: length\r\n",
        ),
    );
    let (ok, _) = read_all(&path);
    assert_eq!(ok.len(), 1);
    assert!(ok[0].text.contains("Brennagh said the council"));
    assert!(
        ok[0]
            .warnings
            .iter()
            .any(|w| w.to_string().contains("cut this page short"))
    );
}

#[test]
fn what_is_not_a_warc_file_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.warc");
    fs_write(&path, &b"just some notes\r\n\r\n".repeat(30));
    let (ok, warnings) = read_all(&path);
    assert!(ok.is_empty());
    assert!(!warnings.is_empty());
    assert!(records(&dir.path().join("missing.warc")).is_err());
}

#[test]
fn archives_load_into_a_corpus_in_order_with_their_warnings() {
    let dir = tempfile::tempdir().unwrap();
    fs_write(
        &dir.path().join("a.txt"),
        b"A note\n\nThe pier opened on 3 March 2026.",
    );
    fs_write(&dir.path().join("b.warc.gz"), &gzip(&crawl().concat()));
    fs_write(
        &dir.path().join("c.txt"),
        b"Another note\n\nThe ferry sailed on 4 March 2026.",
    );
    let progress = crate::parse::Progress::default();
    let c = crate::load::Loader::new(&[dir.path().to_path_buf()])
        .progress(&progress)
        .load();
    let names: Vec<String> = c.articles.iter().map(|a| a.file_name()).collect();
    assert_eq!(
        names,
        [
            "a.txt",
            "b.warc.gz#2",
            "b.warc.gz#6",
            "b.warc.gz#7",
            "c.txt"
        ]
    );
    let a = &c.articles[1];
    assert_eq!(a.url.as_deref(), Some("https://courier.example/a"));
    assert_eq!(a.published.basis, crate::model::Basis::Explicit);
    assert_eq!(a.published.value.unwrap().label(), "2026-03-10");
    // No date on the page: the crawl date, inferred.
    let b = &c.articles[2];
    assert_eq!(b.published.value.unwrap().label(), "2026-03-12");
    assert_eq!(
        b.published.basis,
        crate::model::Basis::Inferred("crawl date".into())
    );
    assert!(
        c.warnings
            .iter()
            .any(|w| w.to_string().contains("4 of 7 records skipped"))
    );
    use std::sync::atomic::Ordering::Relaxed;
    assert_eq!(progress.parsed.load(Relaxed), 5);
    assert_eq!(progress.read.load(Relaxed), progress.files.load(Relaxed));
}

fn fs_write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn an_archive_is_told_by_its_file_name_as_the_name_split_off_tells_it() {
    // What the file name alone, taken apart by the standard library, says.
    let by_file_name = |p: &Path| {
        p.file_name()
            .and_then(|n| n.to_str())
            .map(str::to_ascii_lowercase)
            .is_some_and(|n| n.ends_with(".warc") || n.ends_with(".warc.gz"))
    };
    let mut paths: Vec<PathBuf> = [
        "crawl.warc",
        "news/crawl.WARC",
        "news/crawl.Warc.Gz",
        "/news/crawl.warc.gz",
        "news/crawl.warc/",
        "news/crawl.warc/.",
        "news/crawl.warc.gz.txt",
        "news/warc",
        "news/.warc",
        "news.warc/notes.txt",
        "news/..",
        "/",
        "",
        "x.warc.g",
        "crawl.warc9",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        paths.push(PathBuf::from(std::ffi::OsStr::from_bytes(
            b"news/\xff.warc",
        )));
        paths.push(PathBuf::from(std::ffi::OsStr::from_bytes(
            b"\xff/crawl.warc",
        )));
    }
    for p in &paths {
        assert_eq!(is_archive(p), by_file_name(p), "{}", p.display());
    }
    assert!(is_archive(Path::new("news/crawl.Warc.Gz")));
}
