#!/usr/bin/env bash
# Runs dateline's whole test suite on a fresh machine: installs what the
# tests need (tmux for the real-terminal tests, script(1) from bsdutils for
# the progress line, man(1) from man-db for the man page), then `cargo test`.
# No test skips itself: a missing tool fails the run. Outside CI,
# DATELINE_SKIP_TMUX=1 skips the tmux tests only, saying so. The
# `test-hooks` feature lets the terminal tests hold or fail a run on cue.
set -euo pipefail
cd "$(dirname "$0")"
missing=()
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v script >/dev/null 2>&1 || missing+=(bsdutils)
command -v man >/dev/null 2>&1 || missing+=(man-db)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test.sh: missing ${missing[*]} and cannot install here: the tests that need them will fail" >&2
  fi
fi
cargo test --profile tests --locked --workspace --features dateline/test-hooks "$@"
