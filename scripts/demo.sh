#!/usr/bin/env bash
# Serves the repository on 127.0.0.1 so www/ (the paste-an-article page) works, and
# says how to load the extension. The wasm is built by `make wasm` before this runs.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-8080}"
cat <<MSG

  Lede demo
  ---------
  Web page:   http://127.0.0.1:${port}/www/
  Extension:  open chrome://extensions, switch on "Developer mode",
              "Load unpacked" and choose: $(pwd)/extension
  (Firefox: about:debugging → This Firefox → Load Temporary Add-on → extension/manifest.json)

  Press Ctrl+C to stop the server.

MSG
exec python3 -m http.server "$port" --bind 127.0.0.1
