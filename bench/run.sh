#!/usr/bin/env bash
# Benchmarks dateline on synthetic corpora of 1,000, 10,000 and 100,000
# articles (or the sizes given as arguments) and prints one figure per line,
# so runs can be compared. Throughput is also given as a ratio to a plain
# read of the same files done in the same run, because this machine is
# shared and noisy: compare ratios, not raw MB/s, across runs.
#
#   bench/run.sh                 # 1000 10000 100000
#   bench/run.sh 1000 10000      # smaller sizes only
#   BENCH_ROUNDS=9 bench/run.sh  # throughput as the median of 9 rounds (5)
#
# Corpora are generated once into target/bench-corpus/ by
# ../shared/bench/gen_corpus.py (set DATELINE_GEN to use another copy).
set -euo pipefail
cd "$(dirname "$0")/.."
GEN=${DATELINE_GEN:-../shared/bench/gen_corpus.py}
OUT=${BENCH_DIR:-target/bench-corpus}
SIZES=("$@")
ROUNDS=${BENCH_ROUNDS:-5}
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000 100000)
[ -f "$GEN" ] || { echo "bench/run.sh: corpus generator not found at $GEN" >&2; exit 1; }
cargo build --release --quiet --bin dateline --example stage_times
BIN=target/release/dateline
STAGES=target/release/examples/stage_times
num() { python3 -c "import json,sys; d=json.load(sys.stdin); print(d$1)"; }

for n in "${SIZES[@]}"; do
  dir="$OUT/$n"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    python3 "$GEN" "$dir" "$n" >/dev/null
    touch "$dir/.complete"
  fi
  bytes=$(find "$dir" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
  # The floor (a plain read of the same files, warm cache, as the pipeline
  # sees them), `stats` and `timeline --json` (a command as a user runs it,
  # start to end: load, parse, and every row streamed as JSON) are run in
  # turn, $ROUNDS rounds; each figure is the median of its rounds, because
  # this host is shared and one run swings by more than most changes.
  find "$dir" -type f -name '*.txt' -print0 | xargs -0 cat >/dev/null
  stats_file=$(mktemp)
  read -r floor_s pipe_s tl_s tl_rss < <(python3 - "$BIN" "$dir" "$ROUNDS" "$stats_file" <<'PY'
import json, os, statistics, subprocess, sys, time
bin, folder, rounds, stats_out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
read = f"find '{folder}' -type f -name '*.txt' -print0 | xargs -0 -P2 cat >/dev/null"
floor, pipe, tl, tl_rss = [], [], [], 0
for _ in range(rounds):
    t = time.time(); subprocess.run(read, shell=True, check=True); floor.append(time.time() - t)
    out = subprocess.run([bin, "stats", folder, "--json"], capture_output=True, check=True).stdout
    pipe.append(json.loads(out)["pipeline_s"])
    t = time.time()
    child = subprocess.Popen([bin, "timeline", folder, "--json"], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    tl.append(time.time() - t)
    if status != 0:
        sys.exit("timeline --json failed")
    # This run's own peak (ru_maxrss of one child, in KiB on Linux).
    tl_rss = max(tl_rss, usage.ru_maxrss * 1024)
open(stats_out, "wb").write(out)
m = statistics.median
print(max(m(floor), 1e-9), m(pipe), max(m(tl), 1e-9), tl_rss)
PY
)
  [ -n "${tl_rss:-}" ] || { echo "bench/run.sh: a timed run failed" >&2; exit 1; }
  stats=$(cat "$stats_file"); rm -f "$stats_file"
  echo "articles=$n corpus_bytes $bytes"
  echo "articles=$n pipeline_mb_per_s $(python3 -c "print(round($bytes/1e6/$pipe_s, 1))")"
  echo "articles=$n plain_read_mb_per_s $(python3 -c "print(round($bytes/1e6/$floor_s, 1))")"
  echo "articles=$n pipeline_time_over_plain_read $(python3 -c "print(round($pipe_s/$floor_s, 2))")"
  echo "articles=$n peak_rss_over_corpus_bytes $(echo "$stats" | num "['peak_rss_per_corpus_byte']" | python3 -c "import sys; print(round(float(sys.stdin.read()), 2))")"
  echo "articles=$n events $(echo "$stats" | num "['events']") actors $(echo "$stats" | num "['actors']")"
  echo "articles=$n timeline_json_mb_per_s $(python3 -c "print(round($bytes/1e6/$tl_s, 1))")"
  echo "articles=$n timeline_json_time_over_plain_read $(python3 -c "print(round($tl_s/$floor_s, 2))")"
  echo "articles=$n timeline_json_peak_rss_over_corpus_bytes $(python3 -c "print(round($tl_rss/$bytes, 2))")"
  # Time to first frame: the real binary in a real (tmux) terminal.
  if command -v tmux >/dev/null 2>&1; then
    ff=$(mktemp); rm -f "$ff"
    lr=$(mktemp); rm -f "$lr"
    # Its own state folder: no remembered place changes the first frame, and
    # the bench leaves none in yours.
    state=$(mktemp -d)
    tmux -L dateline-bench -f /dev/null new-session -d -x 120 -y 40 \
      "XDG_STATE_HOME=$state DATELINE_FIRST_FRAME_REPORT=$ff DATELINE_LOAD_REPORT=$lr $BIN $dir"
    for _ in $(seq 100); do [ -s "$ff" ] && break; sleep 0.1; done
    echo "articles=$n first_frame_ms $(cat "$ff" 2>/dev/null || echo none)"
    # The panes with articles in them (an early part of a large corpus), and
    # the full corpus in them.
    for _ in $(seq 300); do grep -q full_ms "$lr" 2>/dev/null && break; sleep 0.1; done
    for what in list_ms full_ms; do
      echo "articles=$n $what $(awk -v w=$what '$1 == w {print $2}' "$lr" 2>/dev/null || echo none)"
    done
    tmux -L dateline-bench kill-server 2>/dev/null || true
    rm -f "$ff" "$lr"
    sleep 1; rm -rf "$state"   # after the killed TUI has saved into it
  fi
  "$BIN" tui-bench "$dir" --rounds 100 | sed "s/^/articles=$n /"
  # Where the time and memory go (one thread per stage; then the corpus steps).
  "$STAGES" "$dir" | sed "s/^/articles=$n /"
done
