# One command per task. The README documents `make demo` and `make test`; CI runs `.ci/run`.
.PHONY: demo test setup wasm extension check unit e2e eval eval-gate bench size train-ner

# Install what is missing (idempotent): wasm target, pinned wasm-bindgen CLI, npm packages, Chromium.
setup:
	./scripts/setup.sh

# Build the wasm into extension/pkg (wasm-bindgen --target web, then wasm-opt), then the
# content script bundle and the generated highlight sheet into extension/build (esbuild).
wasm: setup
	./scripts/build-wasm.sh

# Build the extension folders (dist/chromium, dist/firefox) and serve www/ on 127.0.0.1.
demo: wasm
	./scripts/demo.sh

# The extension's JavaScript is type-checked strict (tsconfig.json); it imports the
# wasm glue's types and the generated highlight sheet, so the wasm build comes first.
check: wasm
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
	npx --no-install tsc -p tsconfig.json

unit:
	cargo test
	node --test tests/js/

e2e: wasm
	node tests/e2e/run.mjs

# The README's test command: everything a change must pass.
test: setup check unit wasm e2e

# Accuracy on ../shared/eval (prints the table, rewrites docs/accuracy.md).
eval:
	cargo build --release --bin lede
	python3 tests/eval/run.py --write-docs

# CI's accuracy gate: fails when any score drops more than 0.5 points below tests/eval/floors.json.
eval-gate:
	cargo build --release --bin lede
	python3 tests/eval/run.py --gate

bench:
	./scripts/bench.sh

size: wasm
	./scripts/size.sh

# Train the name tagger (src/ner) from CoNLL-2003 train in ../shared (read, never copied);
# with the lower-case words of the SCOWL American English list (Debian wamerican) as the
# common-word set; writes data/ner.bin and prints the tagger's own CoNLL dev figures (docs/ner.md).
train-ner:
	cargo build --release --bin train_ner
	test -f /usr/share/dict/american-english || apt-get install -y wamerican
	./target/release/train_ner --train ../shared/eval/ner/conll2003_train.jsonl --dev ../shared/eval/ner/conll2003_dev.jsonl --out data/ner.bin --bits 17 --epochs 8 --prune 2 --words /usr/share/dict/american-english
