#!/usr/bin/env bash
# Linear-time check over `analyze` (src/bin/linear_time.rs): hostile inputs of about
# 25,000 and 100,000 bytes, best of 5 each, in a release build; fails when any family's
# time grows more than 6x for the 4x input (faster than about n^1.3). Prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --bin linear_time
./target/release/linear_time "${1:-25000}"
