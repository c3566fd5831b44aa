// One-process benchmark for the "Instant" targets: Lede's wasm beside chrono-node in the
// same Node process, on the same real articles, warm; and Lede's first analysis in a fresh
// process against a warm one.
//
// Stage: benchmarks (reports only; never fails because the machine is slow).
// Input: extension/pkg/lede.js + lede_bg.wasm (scripts/build-wasm.sh) and the first 100 BBC
// articles of shared/eval/news (read at run time). Output: a table on stdout and JSON on
// `--out FILE` (default target/bench/one_process.json):
//   warm:  {articles, words, lede_ms, chrono_ms, ratio}   ratio = chrono_ms / lede_ms
//          (above 1: Lede's whole analysis is faster than chrono-node's date parsing alone);
//   cold:  {runs: [{instantiate_ms, first_ms, warm_ms, stages}], first_over_warm, stages} (median
//          of runs; stages: {text, people, quotes, time, checks, timeline} → {first_ms, warm_ms},
//          from the engine's own `stage_ms`).
// Both engines get the same warm-up (three passes over every article) before the timed
// passes, and the timed figure is the median of seven passes, engines taking turns so that
// a burst of load from other processes slows both alike.
//
// Example: `node bench/one_process.mjs` (child mode `--cold` is used internally).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
// LEDE_PKG: another build of the module to measure (an A/B of build settings).
const PKG = process.env.LEDE_PKG ? path.resolve(process.env.LEDE_PKG) : path.join(REPO, 'extension/pkg');
const N_ARTICLES = 100;
const PASSES = 7;
const COLD_RUNS = 5;

function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}

function sharedNews() {
  const roots = process.env.LEDE_SHARED ? [process.env.LEDE_SHARED] : [];
  for (let dir = REPO; path.dirname(dir) !== dir; dir = path.dirname(dir)) roots.push(path.join(dir, 'shared'));
  return roots.map((r) => path.join(r, 'eval/news/bbc_2004_2005_dev.jsonl')).find((f) => fs.existsSync(f)) || null;
}

function articles() {
  const file = sharedNews();
  if (!file) throw new Error('shared/eval/news/bbc_2004_2005_dev.jsonl not found (set LEDE_SHARED)');
  const out = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    out.push(JSON.parse(line).text);
    if (out.length === N_ARTICLES) break;
  }
  return out;
}

async function lede() {
  const t0 = performance.now();
  const { initSync, analyze_text } = await import(path.join(PKG, 'lede.js'));
  initSync({ module: fs.readFileSync(path.join(PKG, 'lede_bg.wasm')) });
  return { analyze: (text) => analyze_text({ text, published: '2005-01-01' }), instantiateMs: performance.now() - t0 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function pass(fn, texts) {
  const t0 = performance.now();
  for (const t of texts) fn(t);
  return performance.now() - t0;
}

/** Child mode: a fresh process, the first analysis of one article, then warm runs of it. */
async function coldChild() {
  const text = articles().find((t) => t.split(/\s+/).length >= 250) || articles()[0];
  const engine = await lede();
  const f0 = performance.now();
  const firstStages = engine.analyze(text).stage_ms;
  const first = performance.now() - f0;
  for (let i = 0; i < 50; i++) engine.analyze(text);
  const warm = [];
  const warmStages = [];
  for (let i = 0; i < 21; i++) {
    const w0 = performance.now();
    warmStages.push(engine.analyze(text).stage_ms);
    warm.push(performance.now() - w0);
  }
  // Per stage (the engine's own clock, `stage_ms`): the first run's time and the median warm one.
  const stages = {};
  for (const k of Object.keys(firstStages || {})) stages[k] = { first_ms: firstStages[k], warm_ms: median(warmStages.map((st) => st[k])) };
  process.stdout.write(JSON.stringify({ words: text.split(/\s+/).length, instantiate_ms: engine.instantiateMs, first_ms: first, warm_ms: median(warm), stages }));
}

async function main() {
  const texts = articles();
  const words = texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);
  const engine = await lede();
  const chrono = await import('chrono-node');
  const ref = new Date('2005-01-01T12:00:00Z');
  const runChrono = (t) => chrono.parse(t, ref);
  for (let i = 0; i < 3; i++) {
    pass(engine.analyze, texts);
    pass(runChrono, texts);
  }
  const l = [];
  const c = [];
  for (let i = 0; i < PASSES; i++) {
    l.push(pass(engine.analyze, texts));
    c.push(pass(runChrono, texts));
  }
  const warm = { articles: texts.length, words, lede_ms: median(l), chrono_ms: median(c) };
  warm.ratio = warm.chrono_ms / warm.lede_ms;

  const runs = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--cold'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cold child failed: ${r.stderr}`);
    runs.push(JSON.parse(r.stdout));
  }
  const cold = {
    runs,
    words: runs[0].words,
    instantiate_ms: median(runs.map((r) => r.instantiate_ms)),
    first_ms: median(runs.map((r) => r.first_ms)),
    warm_ms: median(runs.map((r) => r.warm_ms)),
  };
  cold.first_over_warm = median(runs.map((r) => r.first_ms / r.warm_ms));
  cold.stages = {};
  for (const k of Object.keys(runs[0].stages)) {
    cold.stages[k] = { first_ms: median(runs.map((r) => r.stages[k].first_ms)), warm_ms: median(runs.map((r) => r.stages[k].warm_ms)) };
  }

  const report = { node: process.version, warm, cold };
  const out = arg('--out', path.join(REPO, 'target/bench/one_process.json'));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(report, null, 1));
  console.log(`warm, one process, ${texts.length} BBC articles (${words} words): Lede full analysis ${warm.lede_ms.toFixed(1)} ms, chrono-node parse ${warm.chrono_ms.toFixed(1)} ms, ratio chrono/Lede ${warm.ratio.toFixed(2)}`);
  console.log(`cold, fresh process (${cold.words}-word article, median of ${COLD_RUNS}): instantiate ${cold.instantiate_ms.toFixed(1)} ms, first analysis ${cold.first_ms.toFixed(1)} ms, warm ${cold.warm_ms.toFixed(2)} ms, first/warm ${cold.first_over_warm.toFixed(1)}x`);
  console.log(`  per stage, first / warm ms: ${Object.entries(cold.stages).map(([k, v]) => `${k} ${v.first_ms.toFixed(1)} / ${v.warm_ms.toFixed(1)}`).join(', ')}`);
}

if (process.argv.includes('--cold')) await coldChild();
else await main();
