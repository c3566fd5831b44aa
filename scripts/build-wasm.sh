#!/usr/bin/env bash
# Builds the wasm module into extension/pkg (wasm-bindgen --target web), then shrinks
# it with wasm-opt from the npm package binaryen. wasm-pack is not used: it downloads
# binaries, which this project's machines cannot do.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile wasm --lib --target wasm32-unknown-unknown
rm -rf extension/pkg
wasm-bindgen --target web --out-dir extension/pkg --out-name lede \
  target/wasm32-unknown-unknown/wasm/lede.wasm
# A worker that survives a trap (extension/src/engine.js): the glue keeps one instance in
# module-level variables and has no way to drop it, so add one. Checked: a glue whose
# shape changed fails the build here rather than at the first trap in a reader's browser.
glue=extension/pkg/lede.js
for v in "let wasmModule, wasmInstance, wasm;" "let __wbg_init_promise;" "let cachedDataViewMemory0 = null;" "let cachedUint8ArrayMemory0 = null;"; do
  grep -qF "$v" "$glue" || { echo "build-wasm: the wasm-bindgen glue has no '$v'; update the reset below" >&2; exit 1; }
done
cat >>"$glue" <<'JS'

/** Added by scripts/build-wasm.sh: forgets the instance (and its memory), so the next init makes a fresh one. */
export function __lede_reset() {
    wasm = undefined;
    wasmInstance = undefined;
    __wbg_init_promise = undefined;
    cachedDataViewMemory0 = null;
    cachedUint8ArrayMemory0 = null;
    WASM_VECTOR_LEN = 0;
}
JS
printf '%s\n' '/** Added by scripts/build-wasm.sh: forgets the instance, so the next init makes a fresh one. */' \
  'export function __lede_reset(): void;' >>extension/pkg/lede.d.ts
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
# The content script bundle and the generated highlight sheet (extension/build, www/build).
node scripts/build-extension.mjs
