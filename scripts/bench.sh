#!/usr/bin/env bash
# Runs every benchmark and writes docs/performance.md (+ docs/performance.svg):
#   1. native: criterion, `cargo bench --bench analyze` (lede::analyze, 300–100,000 words);
#   2. the wasm module (scripts/build-wasm.sh) and its sizes (scripts/size.sh --json);
#   3. Node: bench/node_bench.mjs, Lede's wasm against compromise(+dates) and chrono-node;
#   4. Node, one process: bench/one_process.mjs (warm against chrono-node; the first analysis by stage);
#   5. bench/report.py: the page, with bench/browser_timings.json from the e2e run if present.
# Benchmarks report; a step that cannot run is reported as missing, never as a failure of
# the machine being slow. Set LEDE_BENCH_NO_WASM_BUILD=1 to reuse extension/pkg as it is.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench

echo "== native: cargo bench --bench analyze"
rm -rf target/criterion/analyze   # stale sizes from earlier runs would be reported as current
cargo bench --bench analyze -- --noplot 2>&1 | tee target/bench/criterion.txt \
  || echo "bench: criterion run failed; native timings missing" >&2

echo "== wasm module"
if [ "${LEDE_BENCH_NO_WASM_BUILD:-0}" != "1" ] && [ -x scripts/build-wasm.sh ]; then
  ./scripts/build-wasm.sh || echo "bench: wasm build failed; wasm timings and sizes use what extension/pkg holds" >&2
fi
rm -f target/bench/size.json
if [ -f extension/pkg/lede_bg.wasm ]; then
  ./scripts/size.sh
  ./scripts/size.sh --json > target/bench/size.json || true
fi

echo "== Node: bench/node_bench.mjs"
rm -f target/bench/node.json
if command -v node >/dev/null && [ -d node_modules ]; then
  node bench/node_bench.mjs --out target/bench/node.json || echo "bench: Node benchmark failed" >&2
else
  echo "bench: node or node_modules missing (npm install); Node benchmark skipped" >&2
fi

echo "== Node, one process: bench/one_process.mjs"
rm -f target/bench/one_process.json
if command -v node >/dev/null && [ -d node_modules ] && [ -f extension/pkg/lede_bg.wasm ]; then
  node bench/one_process.mjs --out target/bench/one_process.json || echo "bench: one-process benchmark failed" >&2
else
  echo "bench: node, node_modules or extension/pkg missing; one-process benchmark skipped" >&2
fi

echo "== report"
python3 bench/report.py
