use super::*;

/// A made-up news page: navigation, a headline, the article with a subhead
/// and a list, a related-stories box and a footer.
pub(crate) fn news_page(head_extra: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour bridge reopens after repairs | The Lowmoor Courier</title>
<meta property="og:title" content="Harbour bridge reopens after two years of repairs">
<meta property="og:site_name" content="The Lowmoor Courier">
<link rel="canonical" href="https://courier.example/news/harbour-bridge">
{head_extra}
<script>var tracking = "Do not show this script text";</script>
<style>.menu {{ color: red }}</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><div class="banner">Subscribe today and save on your first year</div></header>
<main><article>
<h1>Harbour bridge reopens after two years of repairs</h1>
<p class="byline">By Tamsin Oakridge</p>
<p>The old harbour bridge in Lowmoor reopened to traffic on Tuesday morning, two years after engineers closed it over cracks found in its steel frame during a routine inspection.</p>
<p>Mayor Ilsa Brennagh cut a ribbon at the eastern end while a brass band played, and the first cars crossed shortly after nine o'clock to applause from a crowd of several hundred residents.</p>
<h2>What changed on the bridge</h2>
<p>The repair crews replaced most of the deck plates, strengthened the two central piers and added a wider path for people on foot and on bicycles along the seaward side.</p>
<ul><li>New deck plates along the whole span</li><li>A cycle path on the seaward side</li></ul>
<p>Brennagh said the council would publish the final cost of the work next month, once the last invoices from the contractors have been checked by the town's auditors.</p>
</article>
<aside><h3>Related stories</h3><ul><li><a href="/a">Ferry timetable changes for winter</a></li><li><a href="/b">New car park opens near station</a></li></ul></aside>
</main>
<footer><p>Copyright The Lowmoor Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"#
    )
}

fn body_of(text: &str, page: &Page) -> Vec<String> {
    page.body.iter().map(|s| s.text(text).to_string()).collect()
}

#[test]
fn html_is_told_by_its_bytes_and_by_name_plus_markup() {
    let p = Path::new("page");
    assert!(is_html(p, b"<!DOCTYPE html><p>x</p>"));
    assert!(is_html(p, b"\xEF\xBB\xBF  \n<html><body>x</body></html>"));
    assert!(is_html(p, b"<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"));
    assert!(is_html(Path::new("saved.HTM"), b"<div>a fragment</div>"));
    // Text that mentions a tag is not a page; neither is markup-looking
    // text in a .txt file without a page's tags.
    assert!(!is_html(p, b"Courier staff wrote <html> in the memo."));
    assert!(!is_html(Path::new("a.txt"), b"<b>bold</b> plain notes"));
    assert!(!is_html(Path::new("a.html"), b"plain text named .html"));
}

#[test]
fn charset_follows_bom_then_utf8_then_the_declaration() {
    assert_eq!(
        decode("caf\u{e9}".as_bytes(), Some("iso-8859-1")).0,
        "caf\u{e9}"
    );
    let (t, w) = decode(b"<meta charset=\"windows-1251\">\xcf\xf0\xe8", None);
    assert!(t.ends_with("\u{41f}\u{440}\u{438}"), "{t}");
    assert!(w.is_none());
    let (t, w) = decode(b"caf\xe9", Some("x-no-such-charset"));
    assert_eq!(t, "caf\u{e9}");
    assert!(w.unwrap().contains("unknown charset"));
    let (t, w) = decode(b"caf\xe9", Some("utf-8"));
    assert_eq!(t, "caf\u{e9}");
    assert!(w.unwrap().contains("declared UTF-8"));
}

#[test]
fn article_is_title_then_paragraphs_with_subheads_and_list_items() {
    let html =
        news_page(r#"<meta property="article:published_time" content="2026-03-10T08:15:00Z">"#);
    let (text, page, warning) = read_page(&html, None);
    assert!(warning.is_none(), "{warning:?}");
    assert!(!page.fallback);
    assert_eq!(
        page.title.map(|s| s.text(&text)),
        Some("Harbour bridge reopens after two years of repairs")
    );
    let body = body_of(&text, &page);
    assert!(body.iter().any(|p| p.starts_with("The old harbour bridge")));
    assert!(
        body.iter().any(|p| p == "What changed on the bridge"),
        "{body:?}"
    );
    assert!(
        body.iter().any(|p| p == "A cycle path on the seaward side"),
        "{body:?}"
    );
    assert!(
        body.last()
            .unwrap()
            .starts_with("Brennagh said the council")
    );
    for junk in [
        "Do not show",
        "Subscribe today",
        "Ferry timetable",
        "Copyright",
        "color",
    ] {
        assert!(!text.contains(junk), "{junk} kept in {text}");
    }
    // Spans are in order, inside the text and on its lines.
    assert!(page.body.windows(2).all(|w| w[0].end < w[1].start));
    assert_eq!(page.published, NaiveDate::from_ymd_opt(2026, 3, 10));
    assert_eq!(page.source.as_deref(), Some("The Lowmoor Courier"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://courier.example/news/harbour-bridge")
    );
}

#[test]
fn publication_date_from_json_ld_or_a_time_element() {
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour bridge reopens","datePublished":"2026-02-27T10:00:00+01:00"}</script>"#;
    let (_, page, _) = read_page(&news_page(ld), None);
    assert_eq!(page.published, NaiveDate::from_ymd_opt(2026, 2, 27));
    let html = news_page("").replace(
        "<p class=\"byline\">",
        "<time datetime=\"2026-01-05\">5 January</time><p class=\"byline\">",
    );
    let (_, page, _) = read_page(&html, None);
    assert_eq!(page.published, NaiveDate::from_ymd_opt(2026, 1, 5));
    let (_, page, _) = read_page(&news_page(""), None);
    assert_eq!(page.published, None);
}

#[test]
fn a_software_zero_date_in_the_metadata_is_no_date() {
    for zero in [
        "0001-01-01T00:00:00Z",
        "1970-01-01T00:00:00+00:00",
        "1900-01-01",
    ] {
        let ld = format!(
            r#"<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour bridge reopens","datePublished":"{zero}"}}</script>"#
        );
        let (_, page, _) = read_page(&news_page(&ld), None);
        assert_eq!(page.published, None, "{zero}");
        let meta = format!(r#"<meta property="article:published_time" content="{zero}">"#);
        let (_, page, _) = read_page(&news_page(&meta), None);
        assert_eq!(page.published, None, "{zero}");
    }
    // A real date before the web is still a date (an archive's page).
    let old = r#"<meta property="article:published_time" content="1912-04-16">"#;
    let (_, page, _) = read_page(&news_page(old), None);
    assert_eq!(page.published, NaiveDate::from_ymd_opt(1912, 4, 16));
}

#[test]
fn without_og_title_the_h1_the_title_starts_with_is_the_headline() {
    // A short headline, which Readability does not cut from the site's name.
    let html = news_page("")
        .replace(r#"<meta property="og:title" content="Harbour bridge reopens after two years of repairs">"#, "")
        .replace("<title>Harbour bridge reopens after repairs |", "<title>Harbour bridge reopens |")
        .replace("<h1>Harbour bridge reopens after two years of repairs</h1>", "<h1>Harbour bridge reopens</h1>");
    let (text, page, _) = read_page(&html, None);
    assert_eq!(
        page.title.map(|s| s.text(&text)),
        Some("Harbour bridge reopens")
    );
}

#[test]
fn a_given_url_wins_and_names_the_source_when_the_page_does_not() {
    let html = "<html><head><title>Notice</title></head><body><article><p>".to_string()
        + &"The reading room at the county library will close early on Friday for a staff meeting. "
            .repeat(4) + "</p></article></body></html>";
    let (_, page, _) = read_page(&html, Some("https://www.library.example/notices/7"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://www.library.example/notices/7")
    );
    assert_eq!(page.source.as_deref(), Some("library.example"));
}

#[test]
fn too_little_text_falls_back_to_the_visible_text_with_a_warning() {
    let html = r#"<html><head><title>Menu</title><script>var x = "hidden script";</script></head>
<body><div><a href="/a">Weather</a></div><div>Lowmoor harbour reopened.</div></body></html>"#;
    let (text, page, warning) = read_page(html, None);
    assert!(page.fallback);
    assert!(page.body.is_empty());
    assert!(warning.unwrap().to_string().contains("visible text"));
    assert!(text.contains("Lowmoor harbour reopened."), "{text}");
    assert!(text.contains("Weather"));
    assert!(!text.contains("hidden script"));
}

#[test]
fn load_keeps_the_page_and_names_a_bad_charset() {
    let html = news_page("").replace("Mayor", "Mayor\u{e9}");
    let bytes = encoding_rs::WINDOWS_1252.encode(&html).0.into_owned();
    let l = load(PathBuf::from("p.html"), &bytes, None).unwrap();
    assert!(l.text.contains("Mayor\u{e9} Ilsa"), "{}", l.text);
    assert!(
        l.warnings[0].to_string().starts_with("p.html: "),
        "{:?}",
        l.warnings
    );
    assert!(l.page.is_some());
    assert!(
        load(
            PathBuf::from("e.html"),
            b"<html><body> </body></html>",
            None
        )
        .is_err()
    );
}

#[test]
fn hostile_markup_does_not_panic() {
    for html in [
        "<html>",
        "<html><body><p>unclosed <b><i>tags<table><tr><td>cell",
        "<!DOCTYPE html><html><head><meta charset=\"\"></head><body>\u{0}\u{1b}[2J</body></html>",
        "<html><body><article><p>x</p></article><article></article></body></html>",
    ] {
        let (text, page, _) = read_page(html, None);
        assert!(page.body.iter().all(|s| text.get(s.range()).is_some()));
    }
}

#[test]
fn deeply_nested_markup_is_read_as_stripped_text_at_once() {
    let n = 50_000;
    let html = format!(
        "<html><body>{}<p>The pier reopened &amp; the ferry sailed.</p><SCRIPT>var hidden = 1 < 2;</Script>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let t = std::time::Instant::now();
    let (text, page, warning) = read_page(&html, None);
    assert!(t.elapsed().as_secs() < 5);
    assert!(page.fallback);
    assert!(warning.unwrap().to_string().contains("nested"));
    assert_eq!(text, "The pier reopened & the ferry sailed.");
    // Real pages' depth is counted, not their length.
    assert!(nesting_depth(&news_page("")) < 20);
    assert_eq!(nesting_depth("<div>a<br>b<img src=x/><hr/></div>"), 1);
    // Unclosed paragraphs and cells, and markup-like text in scripts, are
    // no depth.
    let cells = "<table><tr><td>a<td>b<tr><td>c</table><p>one<p>two".repeat(500);
    assert_eq!(nesting_depth(&cells), 1);
    let script = format!(
        "<div><script>{}</script></div>",
        "if (a<b && c<d) {} ".repeat(500)
    );
    assert_eq!(nesting_depth(&script), 1);
}
