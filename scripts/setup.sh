#!/usr/bin/env bash
# Installs what the build and the tests need, and only what is missing, so running it
# twice is cheap: the wasm32 target, the wasm-bindgen CLI at the exact version pinned
# in Cargo.toml, the npm dev packages (package-lock.json, web-ext among them), and
# Debian's Chromium and Firefox ESR (the Firefox smoke test in CI).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "setup: $*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# One source of truth for the version: the `wasm-bindgen = "=X.Y.Z"` pin in Cargo.toml.
want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev packages"
  npm ci --no-audit --no-fund
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian's chromium and chromium-driver"
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y chromium chromium-driver || { apt-get update && apt-get install -y chromium chromium-driver; }
  else
    sudo apt-get install -y chromium chromium-driver
  fi
fi
if [ ! -x /usr/bin/firefox-esr ]; then
  say "installing Debian's firefox-esr"
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y firefox-esr || { apt-get update && apt-get install -y firefox-esr; }
  else
    sudo apt-get install -y firefox-esr
  fi
fi
say "ready"
