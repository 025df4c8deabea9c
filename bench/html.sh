#!/usr/bin/env bash
# Benchmarks dateline on a synthetic crawl: a gzip'd WARC archive of 10,000
# made-up news pages (or the count given), built once by bench/gen_warc.py
# into target/bench-html/. Prints throughput in MB of HTML (the records'
# uncompressed payloads) per second beside a plain read of the same archive
# (gzip -dc to /dev/null) done in the same run, the ratio of the two (this
# machine is shared and noisy: compare ratios across runs), and peak memory
# as a multiple of the HTML's size.
#
#   bench/html.sh            # 10000 pages
#   bench/html.sh 1000
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
OUT=${BENCH_DIR:-target/bench-html}
mkdir -p "$OUT"
warc="$OUT/crawl-$N.warc.gz"
if [ ! -f "$OUT/crawl-$N.html_bytes" ]; then
  python3 bench/gen_warc.py "$warc" "$N" > "$OUT/crawl-$N.html_bytes.tmp"
  mv "$OUT/crawl-$N.html_bytes.tmp" "$OUT/crawl-$N.html_bytes"
fi
cargo build --release --quiet --bin dateline
BIN=target/release/dateline
html=$(cat "$OUT/crawl-$N.html_bytes")
now() { date +%s.%N; }
gzip -dc "$warc" >/dev/null # warm the cache
t0=$(now); gzip -dc "$warc" >/dev/null; t1=$(now)
stats=$(XDG_CONFIG_HOME=$(mktemp -d) "$BIN" stats "$warc" --json 2>/dev/null)
get() { echo "$stats" | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
pipe_s=$(get pipeline_s)
rss=$(get peak_rss_bytes)
py() { python3 -c "print($1)"; }
echo "pages=$N html_bytes $html archive_bytes $(stat -c %s "$warc")"
echo "pages=$N articles $(get articles) warnings $(get warnings)"
echo "pages=$N pipeline_html_mb_per_s $(py "round($html/1e6/$pipe_s, 1)")"
echo "pages=$N plain_read_html_mb_per_s $(py "round($html/1e6/max($t1-$t0, 1e-9), 1)")   (gzip -dc)"
echo "pages=$N pipeline_time_over_plain_read $(py "round($pipe_s/max($t1-$t0, 1e-9), 2)")"
echo "pages=$N peak_rss_over_html_bytes $(py "round($rss/$html, 2)")   ($(py "round($rss/1e6)") MB)"
echo "pages=$N load_average $(cut -d' ' -f1-3 /proc/loadavg)"
