#!/usr/bin/env bash
# Builds the wasm module into extension/pkg (wasm-bindgen --target web), then shrinks
# it with wasm-opt from the npm package binaryen. wasm-pack is not used: it downloads
# binaries, which this project's machines cannot do.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --lib --target wasm32-unknown-unknown
rm -rf extension/pkg
wasm-bindgen --target web --no-typescript --out-dir extension/pkg --out-name lede \
  target/wasm32-unknown-unknown/release/lede.wasm
if [ -x node_modules/.bin/wasm-opt ]; then
  node_modules/.bin/wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types \
    extension/pkg/lede_bg.wasm -o extension/pkg/lede_bg.wasm.opt
  mv extension/pkg/lede_bg.wasm.opt extension/pkg/lede_bg.wasm
else
  echo "build-wasm: wasm-opt not installed (npm install); the module is larger than it needs to be" >&2
fi
raw=$(stat -c %s extension/pkg/lede_bg.wasm)
gz=$(gzip -9c extension/pkg/lede_bg.wasm | wc -c)
echo "build-wasm: extension/pkg/lede_bg.wasm ${raw} bytes raw, ${gz} bytes gzipped"
