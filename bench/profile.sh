#!/usr/bin/env bash
# Where the pipeline's instructions go: `dateline stats` under callgrind on a
# synthetic corpus, and each part's share of all instructions, counted
# inclusively (a stage with what it calls). Instruction counts repeat from
# run to run on a loaded machine, where wall-clock figures do not, so this
# is how a change's cost is compared: run it before and after.
#
#   bench/profile.sh              # 2000 articles
#   bench/profile.sh 10000        # the size bench/run.sh times
#
# Needs valgrind. Builds the `profiling` profile without whole-program
# optimisation, so functions keep their names (counts are a little higher
# than the release build's).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
GEN=${DATELINE_GEN:-../shared/bench/gen_corpus.py}
OUT=${BENCH_DIR:-target/bench-corpus}
command -v valgrind >/dev/null || { echo "bench/profile.sh: valgrind not found" >&2; exit 1; }
dir="$OUT/$N"
if [ ! -f "$dir/.complete" ]; then
  [ -f "$GEN" ] || { echo "bench/profile.sh: corpus generator not found at $GEN" >&2; exit 1; }
  rm -rf "$dir"
  python3 "$GEN" "$dir" "$N" >/dev/null
  touch "$dir/.complete"
fi
CARGO_PROFILE_PROFILING_LTO=false CARGO_PROFILE_PROFILING_CODEGEN_UNITS=16 \
  cargo build --profile profiling --quiet --bin dateline
out=$(mktemp)
trap 'rm -f "$out"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$out" \
  target/profiling/dateline stats "$dir" >/dev/null 2>&1
callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null | python3 -c '
import re, sys
# Each part by the function that holds it. A function shows on several rows
# (once per file its code was inlined from); its largest count is the whole.
parts = [
    ("all", "PROGRAM TOTALS"),
    ("parse_article", "dateline_core::parse::parse_article"),
    ("blocks::classify", "dateline_core::parse::blocks::classify"),
    ("  lines::split", "dateline_core::parse::blocks::lines::split"),
    ("  stopwords::count_words", "dateline_core::parse::blocks::stopwords::count_words"),
    ("meta::explicit_published", "dateline_core::parse::meta::explicit_published"),
    ("segment::sentences", "dateline_core::parse::segment::sentences"),
    ("dates::find_in_sentence", "dateline_core::parse::dates::find::find_in_sentence"),
    ("actors::extract_with", "dateline_core::parse::actors::extract_with"),
    ("  names::scan_with", "dateline_core::parse::actors::names::scan_with"),
    ("  actors::group", "dateline_core::parse::actors::group"),
    ("actors::merge", "dateline_core::parse::actors::merge::merge"),
    ("index::build", "dateline_core::index::build"),
    ("lazy statics (patterns, lexicons)", "<std::sys::sync::once::futex::Once>::call"),
    ("lazy regex search (all patterns)", "regex_automata::hybrid::search::find_fwd"),
    ("malloc", "malloc.c:malloc"),
    ("free", "malloc.c:_int_free"),
]
rows = []
for l in sys.stdin.read().splitlines():
    m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+\*?\s*(.*)", l)
    if m:
        rows.append((int(m.group(1).replace(",", "")), m.group(2)))
total = None
for name, key in parts:
    counts = [n for n, f in rows if key in f and (f.endswith(key) or (key + " [") in f)]
    if not counts:
        print(f"{name:36} (inlined into its caller in this build, or never called)")
        continue
    n = max(counts)
    total = total or n
    print(f"{name:36} {n/1e6:10.1f} M  {100*n/total:5.1f}%")
'
