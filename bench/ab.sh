#!/usr/bin/env bash
# Compares the CPU that two or more dateline binaries spend on one folder:
# runs `dateline stats FOLDER` with each in turn, N rounds, and prints each
# one's median user+system seconds and its ratio to the first binary's.
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
import resource, statistics, subprocess, sys

rounds, folder, binaries = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
spent = {b: [] for b in binaries}
for _ in range(rounds):
    for b in binaries:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([b, "stats", folder], stdout=subprocess.DEVNULL, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        spent[b].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
base = statistics.median(spent[binaries[0]])
for b in binaries:
    m = statistics.median(spent[b])
    print(f"cpu_s {m:.3f}  ratio {m / base:.3f}  {b}")
PY
