#!/usr/bin/env python3
"""Writes a synthetic crawl for the HTML benchmark: a gzip'd WARC archive of
N news pages (one gzip member per record, as crawlers write them), each a
made-up article inside the furniture real pages carry (head metadata,
inline scripts and styles, navigation, related-story lists, footer), plus a
request record for every tenth page.

  bench/gen_warc.py OUT.warc.gz N [SEED]

Prints the uncompressed size of the HTML payloads in bytes (what the
benchmark's MB/s of HTML is measured against). All text is generated from
the word lists below: no real article is copied.
"""
import gzip
import random
import sys
import uuid

FIRST = "Ilsa Tamsin Corvin Maelis Doran Petra Anwen Lucan Sorcha Edric Yara Bastian Ottilie Ronan Keturah".split()
LAST = "Brennagh Oakridge Vellacott Marrow Quillfeather Ashdown Penhallow Strand Tregarth Holloway Fenwick Darrow".split()
PLACES = "Lowmoor Eastwick Harrowgate Selby Carrick Thornbury Wexmouth Dunholme Ravensby Kilbride".split()
ORGS = ["the Lowmoor Council", "the Harbour Trust", "the Regional Rail Board", "Eastwick Hospital",
        "the Coastal Survey Office", "the Teachers' Union", "Carrick Water"]
VERBS = "said announced confirmed warned argued suggested promised denied reported explained".split()
NOUNS = ("budget plan bridge school hearing vote contract survey report inquiry festival project "
         "road station harbour market clinic library ferry").split()
WORDS = ("the new and of to in for on with after before during while their its local residents "
         "officials engineers members workers several many two three last next week month year "
         "morning evening statement meeting plans costs funding delays repairs approval review").split()
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def person(r):
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def sentence(r):
    kind = r.randrange(4)
    if kind == 0:
        s = f"{person(r)} {r.choice(VERBS)} on {r.choice(WEEKDAYS)} that the {r.choice(NOUNS)} in {r.choice(PLACES)} would go ahead"
    elif kind == 1:
        s = f"{r.choice(ORGS).capitalize()} {r.choice(VERBS)} the {r.choice(NOUNS)} on {r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(2019, 2026)}"
    elif kind == 2:
        s = f"According to {person(r)}, the {r.choice(NOUNS)} had been delayed since last {r.choice(MONTHS)}"
    else:
        s = " ".join(r.choice(WORDS) for _ in range(r.randint(8, 18))).capitalize()
    tail = " ".join(r.choice(WORDS) for _ in range(r.randint(3, 10)))
    return f"{s}, {tail}."


def script(r, kb):
    parts = []
    while sum(map(len, parts)) < kb * 1024:
        parts.append(f"window.__cfg_{r.randrange(10**6)} = {{id: {r.randrange(10**9)}, slot: \"ad-{r.randrange(99)}\", "
                     f"sizes: [[300, 250], [728, 90]], targeting: {{section: \"{r.choice(NOUNS)}\"}}}};\n")
    return "".join(parts)


def page(r, i, site, date):
    title = f"{r.choice(PLACES)} {r.choice(NOUNS)} {r.choice(VERBS)} after {r.choice(NOUNS)} {r.choice(WORDS)}"
    paras = [" ".join(sentence(r) for _ in range(r.randint(2, 5))) for _ in range(r.randint(6, 16))]
    nav = "".join(f'<li class="nav-item"><a class="nav-link" href="/{w}/">{w.capitalize()}</a></li>'
                  for w in r.sample(NOUNS, 12))
    related = "".join(f'<li><a href="/story/{r.randrange(10**6)}"><img src="/i/{r.randrange(10**6)}.jpg" alt="">'
                      f'<span>{r.choice(PLACES)} {r.choice(NOUNS)} {r.choice(WORDS)}</span></a></li>'
                      for _ in range(10))
    body = []
    for j, p in enumerate(paras):
        body.append(f"<p>{p}</p>")
        if j == 3:
            body.append(f"<h2>{r.choice(NOUNS).capitalize()} in {r.choice(PLACES)}</h2>")
        if j == 5:
            body.append('<div class="ad-slot"><div id="ad-mid" data-slot="mid"></div></div>')
    published = f'{date}T{r.randint(5, 22):02d}:{r.randint(0, 59):02d}:00Z'
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="https://{site.lower().replace(' ', '')}.example/story/{i}">
<link rel="stylesheet" href="/static/main.{r.randrange(10**8):x}.css">
<style>.nav-item{{display:inline-block;margin:0 4px}}.ad-slot{{min-height:250px}}</style>
<script>{script(r, r.randint(4, 16))}</script>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}","datePublished":"{published}"}}</script>
</head><body>
<header class="site-header"><div class="masthead"><a href="/">{site}</a></div>
<nav><ul class="nav">{nav}</ul></nav>
<div class="banner">Subscribe for full access to every story</div></header>
<main><article class="story">
<h1 class="headline">{title}</h1>
<div class="byline">By {person(r)} &middot; <time datetime="{published}">{date}</time></div>
<div class="story-body">
{chr(10).join(body)}
</div></article>
<aside class="related"><h3>More stories</h3><ul>{related}</ul></aside></main>
<footer><ul>{nav}</ul><p>&copy; {site}. All rights reserved.</p></footer>
<script>{script(r, r.randint(2, 8))}</script>
</body></html>
"""


def record(kind, uri, date, block, content_type):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
            f"WARC-Date: {date}T12:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    r = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 19)
    sites = ["Lowmoor Courier", "Eastwick Gazette", "Harrowgate Post", "Carrick Herald"]
    html_bytes = 0
    with open(out, "wb") as f:
        for i in range(n):
            date = f"{r.randint(2019, 2026)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
            site = r.choice(sites)
            uri = f"https://{site.lower().replace(' ', '')}.example/story/{i}"
            if i % 10 == 0:
                req = f"GET /story/{i} HTTP/1.1\r\nHost: example\r\n\r\n".encode()
                f.write(gzip.compress(record("request", uri, date, req, "application/http; msgtype=request"), 6))
            html = page(r, i, site, date).encode()
            html_bytes += len(html)
            http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    + f"Content-Length: {len(html)}\r\n\r\n".encode() + html)
            f.write(gzip.compress(record("response", uri, date, http, "application/http; msgtype=response"), 6))
    print(html_bytes)


if __name__ == "__main__":
    main()
