#!/usr/bin/env bash
# Runs the cargo-fuzz target over `analyze` for a bounded time (default 60 s), starting
# from the committed corpus in fuzz/corpus/analyze. cargo-fuzz needs nightly flags;
# RUSTC_BOOTSTRAP lets the machine's stable toolchain accept them.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs="${1:-60}"
if ! command -v cargo-fuzz >/dev/null; then
  echo "fuzz: installing cargo-fuzz"
  cargo install cargo-fuzz --version 0.13.2
fi
# corpus/crashes holds every input that ever crashed the engine (replayed on every run);
# new finds go to corpus/analyze. The dictionary mixes multibyte characters with the
# suffixes and marks the rules cut at.
RUSTC_BOOTSTRAP=1 cargo fuzz run analyze "$PWD/corpus/analyze" "$PWD/corpus/crashes" -- \
  -dict="$PWD/multibyte.dict" -max_total_time="$secs" -max_len=4096 -timeout=10 -print_final_stats=1
