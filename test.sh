#!/usr/bin/env bash
# Runs dateline's whole test suite on a fresh machine: installs what the
# tests need (tmux, for the real-terminal test), then `cargo test`.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v tmux >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null && apt-get install -y -qq tmux >/dev/null
  else
    echo "test.sh: tmux is missing and cannot be installed here; install it to run the terminal test" >&2
  fi
fi
cargo test --release --locked "$@"
