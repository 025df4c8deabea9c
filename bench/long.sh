#!/usr/bin/env bash
# The single-article benchmark: one article of 1, 4 and 16 MB (or the sizes
# given) in each shape of bench/long_article.py (one paragraph without a
# sentence end, ordinary prose, short lines), through `dateline stats`.
# Prints, per run, the time and the peak memory per MB of article, beside a
# plain read of the same file in the same run: every stage must be linear in
# an article's size, so both figures per MB stay flat from 1 to 16 MB.
#
#   bench/long.sh                 # 1 4 16
#   bench/long.sh 1 4             # smaller sizes only
#   STAGES=1 bench/long.sh 1 4    # also each stage's speed (examples/stage_times)
#
# Each run is capped (LONG_TIMEOUT seconds, 120 by default, and 4 GB of
# address space), so a quadratic stage shows as "over" instead of taking the
# machine's memory.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1 4 16)
OUT=${BENCH_DIR:-target/bench-long}
mkdir -p "$OUT"
cargo build --release --quiet --bin dateline --example stage_times
BIN=target/release/dateline
STAGES_BIN=target/release/examples/stage_times

# Runs a command with the caps; prints "seconds peak_rss_bytes status".
measure() {
  python3 - "$@" <<'EOF'
import os, resource, subprocess, sys, time
timeout = float(os.environ.get("LONG_TIMEOUT", "120"))
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
t = time.monotonic()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     preexec_fn=cap)
status = "ok"
while True:
    pid, st, ru = os.wait4(p.pid, os.WNOHANG)
    if pid:
        break
    if time.monotonic() - t > timeout:
        p.kill()
        pid, st, ru = os.wait4(p.pid, 0)
        status = "over"
        break
    time.sleep(0.005)
if status == "ok" and st != 0:
    status = "failed"
print(f"{time.monotonic() - t:.3f} {ru.ru_maxrss * 1024} {status}")
EOF
}

for shape in paragraph prose lines; do
  for mb in "${SIZES[@]}"; do
    f="$OUT/$shape-$mb.txt"
    [ -f "$f" ] || python3 bench/long_article.py "$f" "$mb" "$shape"
    bytes=$(stat -c %s "$f")
    cat "$f" >/dev/null   # warm cache, as the pipeline sees it
    read -r floor_s floor_rss _ < <(measure cat "$f")
    read -r run_s run_rss status < <(measure "$BIN" stats "$f")
    python3 - "$shape" "$mb" "$bytes" "$floor_s" "$floor_rss" "$run_s" "$run_rss" "$status" <<'EOF'
import sys
shape, mb, size, floor_s, floor_rss, run_s, run_rss, status = sys.argv[1:]
size, floor_s, run_s = int(size), float(floor_s), float(run_s)
m = size / 1e6
tag = f"shape={shape} mb={mb}"
if status != "ok":
    print(f"{tag} {status} after {run_s:.1f} s, peak {int(run_rss) / 1e6:.0f} MB")
else:
    print(f"{tag} s_per_mb {run_s / m:.3f} peak_rss_mb_per_mb {int(run_rss) / 1e6 / m:.1f}"
          f" plain_read_s_per_mb {floor_s / m:.4f}"
          f" time_over_plain_read {run_s / max(floor_s, 1e-6):.0f}")
EOF
    if [ -n "${STAGES:-}" ]; then
      timeout "${LONG_TIMEOUT:-120}" "$STAGES_BIN" "$f" 2>/dev/null |
        grep -E '^stage_|index_s|merge_actors_s|peak_heap' | tr '\n' ' ' |
        sed "s/^/shape=$shape mb=$mb /; s/ $/\n/" || echo "shape=$shape mb=$mb stages over"
    fi
  done
done
