#!/usr/bin/env bash
# Sizes of what a reader downloads: the wasm module raw and gzipped, and the extension
# folder. Exits 1 when the gzipped wasm exceeds the ceiling (1 MB: engine and its data,
# the name tagger's table included, see docs/ner.md), 2 when it is not
# built. CI calls it after `make wasm`; scripts/bench.sh records its numbers.
#
#   scripts/size.sh          # human-readable lines
#   scripts/size.sh --json   # one JSON object (for scripts/bench.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
LIMIT_GZ=1000000  # bytes (1 MB)
wasm=extension/pkg/lede_bg.wasm
if [ ! -f "$wasm" ]; then
  echo "size: $wasm is missing; build it with scripts/build-wasm.sh (make wasm)" >&2
  exit 2
fi
raw=$(stat -c %s "$wasm")
gz=$(gzip -9c "$wasm" | wc -c)
js=$(stat -c %s extension/pkg/lede.js 2>/dev/null || echo 0)
ext_bytes=$(find extension -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}')
ext_files=$(find extension -type f | wc -l)
if [ "${1:-}" = "--json" ]; then
  printf '{"wasm_raw": %d, "wasm_gzip": %d, "glue_js": %d, "extension_bytes": %d, "extension_files": %d, "limit_gzip": %d}\n' \
    "$raw" "$gz" "$js" "$ext_bytes" "$ext_files" "$LIMIT_GZ"
else
  echo "wasm module:      $raw bytes raw, $gz bytes gzipped (ceiling $LIMIT_GZ gzipped) — $wasm"
  echo "wasm-bindgen glue: $js bytes — extension/pkg/lede.js"
  echo "extension folder: $ext_bytes bytes in $ext_files files — extension/"
fi
if [ "$gz" -gt "$LIMIT_GZ" ]; then
  echo "size: the gzipped wasm ($gz bytes) exceeds the ceiling of $LIMIT_GZ bytes" >&2
  exit 1
fi
