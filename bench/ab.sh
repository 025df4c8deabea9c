#!/usr/bin/env bash
# Compares the CPU and the time that two or more dateline binaries spend on
# one folder: runs `dateline stats FOLDER --json` with each in turn, N rounds,
# and prints each one's median user+system seconds, wall seconds and the
# pipeline's MB/s, with the ratios to the first binary's.
# Alternating in the same minutes is what makes the ratio hold on a shared,
# noisy machine, where a single timing does not.
#
#   bench/ab.sh 15 ~/scrapes /tmp/dateline-before target/release/dateline
#
# Use it on real text as well as on bench/run.sh's synthetic corpus: the
# synthetic articles repeat most of their sentences, so caches stay warm
# there that a real corpus keeps building.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: bench/ab.sh ROUNDS FOLDER BINARY... (ratios are to the first binary)" >&2
  exit 2
fi
python3 - "$@" <<'PY'
import json, resource, statistics, subprocess, sys, time

rounds, folder, binaries = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
cpu = {b: [] for b in binaries}
wall = {b: [] for b in binaries}
rate = {b: [] for b in binaries}
for _ in range(rounds):
    for b in binaries:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.monotonic()
        out = subprocess.run([b, "stats", folder, "--json"], capture_output=True, check=True).stdout
        wall[b].append(time.monotonic() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[b].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        rate[b].append(json.loads(out)["pipeline_mb_per_s"])
m = statistics.median
for b in binaries:
    c, w = m(cpu[b]), m(wall[b])
    print(
        f"cpu_s {c:.3f}  ratio {c / m(cpu[binaries[0]]):.3f}  "
        f"wall_s {w:.3f}  ratio {w / m(wall[binaries[0]]):.3f}  "
        f"pipeline_mb_per_s {m(rate[b]):.1f}  {b}"
    )
PY
