// Node benchmark: Lede's wasm module against compromise (+ compromise-dates) and chrono-node
// on the same articles of about 300, 1,000, 10,000 and 100,000 words.
//
// Stage: benchmarks (reports only; never fails because the machine is slow).
// Input: extension/pkg/lede.js + lede_bg.wasm (scripts/build-wasm.sh), the articles in
// shared/eval/news (concatenated and cut after N words, as benches/analyze.rs does; our own
// generated text when the data is absent). Output: a table on stdout and JSON on
// `--out FILE` (default target/bench/node.json): per engine and size, median ms and words/s.
// Each engine runs in its own child process so that one's JIT state and heap do not
// affect another's. Both wall-clock and process CPU time are recorded: on a shared, loaded
// machine the wall clock also counts the time the process waited for a core.
//
// Example: `node bench/node_bench.mjs` or `node bench/node_bench.mjs --engine lede --sizes 1000`

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const SIZES = [300, 1000, 10000, 100000];
const ENGINES = ['lede', 'compromise', 'compromise-dates', 'chrono'];
// A size is skipped when the previous size predicts a single run longer than this.
const MAX_RUN_MS = 20000;
// When the warm-up run takes longer than this, one timed run is enough (the engine is
// orders of magnitude away from Lede; more runs would only make the benchmark slow).
const SLOW_RUN_MS = 2000;
// Repeat each measurement until this much time is spent (at least 3 runs, at most 15),
// unless the engine is slow (see SLOW_RUN_MS).
const TARGET_MS = 2000;
// Minimum duration of one sample (repetitions of a fast call are averaged within it); well
// above the kernel's CPU-time accounting granularity (a scheduler tick, 4–10 ms).
const SAMPLE_MS = 200;

function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}

function sharedNews() {
  if (process.env.LEDE_SHARED) {
    const d = path.join(process.env.LEDE_SHARED, 'eval/news');
    return fs.existsSync(d) ? d : null;
  }
  for (let dir = REPO; ; dir = path.dirname(dir)) {
    const d = path.join(dir, 'shared/eval/news');
    if (fs.existsSync(d)) return d;
    if (path.dirname(dir) === dir) return null;
  }
}

/** Article texts and a publication date (PolNeAR first, as in benches/analyze.rs). */
function articles() {
  const dir = sharedNews();
  const texts = [];
  let date = null;
  if (dir) {
    for (const name of ['polnear_articles_2015_2016_dev.jsonl', 'bbc_2004_2005_dev.jsonl']) {
      const file = path.join(dir, name);
      if (!fs.existsSync(file)) continue;
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const r = JSON.parse(line);
        if (r.text) texts.push(r.text);
        if (!date && r.date) date = r.date;
      }
    }
  }
  if (texts.length) return { texts, date: date || '2016-01-01', source: 'shared/eval/news' };
  // Our own words when the data is absent (same patterns as the Rust bench).
  const names = [['Ana Ortiz', 'Ortiz', 'mayor'], ['Piotr Zieliński', 'Zieliński', 'finance minister'],
    ['Grace Okafor', 'Okafor', 'union leader'], ['Tomasz Wren', 'Wren', 'harbour master']];
  const days = ['Monday', 'last Tuesday', 'on 3 March', 'two weeks ago', 'in 2019'];
  for (let i = 0; i < 400; i++) {
    const [full, last, role] = names[i % 4];
    const other = names[(i + 1) % 4][0];
    texts.push(`The ${role} ${full} said ${days[i % 5]} that the bridge over the river would reopen within three years.\n\n` +
      `“We have waited long enough,” ${last} told reporters, adding that ${other} had agreed to the plan.\n\n` +
      `According to ${other}, the work began in the spring and will cost 40 million, about twice the first estimate.`);
  }
  return { texts, date: '2016-01-01', source: 'generated text (shared/eval absent)' };
}

/** The first n words of the concatenated articles, cut at the blank after the n-th word. */
function firstWords(texts, n) {
  let out = '';
  let count = 0;
  for (let k = 0; k < texts.length * (1 + Math.floor(n / 1000)); k++) {
    const a = texts[k % texts.length];
    if (out) out += '\n\n';
    let inWord = false;
    for (let i = 0; i < a.length; i++) {
      if (/\s/.test(a[i])) {
        if (inWord && ++count === n) return out + a.slice(0, i);
        inWord = false;
      } else inWord = true;
    }
    if (inWord) count++;
    out += a;
    if (count >= n) return out;
  }
  return out;
}

async function loadEngine(name, published) {
  if (name === 'lede') {
    const pkg = arg('--pkg', path.join(REPO, 'extension/pkg'));
    const { initSync, analyze_text } = await import(path.join(pkg, 'lede.js'));
    const t0 = performance.now();
    initSync({ module: fs.readFileSync(path.join(pkg, 'lede_bg.wasm')) });
    const instantiateMs = performance.now() - t0;
    return { run: (text) => analyze_text({ text, published }), instantiateMs };
  }
  if (name === 'compromise') {
    const nlp = (await import('compromise')).default;
    return { run: (text) => nlp(text).people().json({ offset: true }) };
  }
  if (name === 'compromise-dates') {
    const nlp = (await import('compromise')).default;
    const dates = (await import('compromise-dates')).default;
    nlp.plugin(dates);
    return {
      run: (text) => {
        const doc = nlp(text);
        const people = doc.people().json({ offset: true });
        let found = [];
        try {
          found = doc.dates({ today: published }).json({ offset: true });
        } catch (e) {
          // compromise-dates throws on some inputs; the timing of what it did still counts
        }
        return [people, found];
      },
    };
  }
  if (name === 'chrono') {
    const chrono = await import('chrono-node');
    const ref = new Date(`${published}T12:00:00Z`);
    return { run: (text) => chrono.parse(text, ref) };
  }
  throw new Error(`unknown engine ${name}`);
}

/** Runs one engine over the sizes in this process and returns its measurements. */
async function child(name, sizes) {
  const { texts, date } = articles();
  const engine = await loadEngine(name, date);
  const results = [];
  let lastMsPerWord = 0;
  // Process warm-up: V8 first runs wasm (and hot JS) on a baseline tier and optimises it
  // in the background; a second of work on a 1,000-word text gets every engine to its
  // steady state before the first measured size (slow engines do one run).
  const warm = firstWords(texts, 1000);
  for (const t0 = performance.now(); performance.now() - t0 < 1000; ) engine.run(warm);
  for (const n of sizes) {
    const text = firstWords(texts, n);
    const words = text.split(/\s+/).filter(Boolean).length;
    // 1.5: some engines grow faster than linearly with the text's length.
    if (lastMsPerWord * words * 1.5 > MAX_RUN_MS) {
      results.push({ words, skipped: `one run would take about ${Math.round((lastMsPerWord * words) / 1000)} s` });
      continue;
    }
    // Warm-up (JIT, lazily built tables): two runs; the second one's time sizes the samples.
    const f0 = performance.now();
    engine.run(text);
    const first = performance.now() - f0;
    const w0 = performance.now();
    if (first < SLOW_RUN_MS) engine.run(text);
    const once = first < SLOW_RUN_MS ? performance.now() - w0 : first;
    const slow = once > SLOW_RUN_MS;
    // Each sample repeats the analysis until it lasts SAMPLE_MS, so that on a shared
    // machine a preemption of a few ms does not dominate a sub-millisecond call.
    const reps = slow ? 1 : Math.max(1, Math.ceil(SAMPLE_MS / Math.max(once, 0.01)));
    const times = [];
    const cpus = [];
    const start = performance.now();
    while (times.length < 3 || (performance.now() - start < TARGET_MS && times.length < 15)) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let k = 0; k < reps; k++) engine.run(text);
      times.push((performance.now() - t0) / reps);
      const c = process.cpuUsage(c0);
      cpus.push((c.user + c.system) / 1000 / reps);
      if (slow) break;
    }
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const median = med(times);
    const cpu = med(cpus);
    lastMsPerWord = median / words;
    results.push({
      words, samples: times.length, reps_per_sample: reps,
      median_ms: median, min_ms: Math.min(...times), cpu_ms: cpu,
      words_per_s: (words / median) * 1000, cpu_words_per_s: (words / cpu) * 1000,
    });
  }
  return { engine: name, instantiate_ms: engine.instantiateMs ?? null, results };
}

async function main() {
  const sizes = (arg('--sizes', '') || SIZES.join(',')).split(',').map(Number);
  const only = arg('--engine', null);
  if (only && process.argv.includes('--child')) {
    process.stdout.write(JSON.stringify(await child(only, sizes)) + '\n');
    return;
  }
  const engines = only ? [only] : ENGINES;
  const { source, date } = articles();
  console.error(`node bench: articles from ${source}, published ${date}, sizes ${sizes.join(', ')}`);
  const report = { node: process.version, source, date, engines: {} };
  for (const name of engines) {
    if (name === 'lede' && !fs.existsSync(path.join(arg('--pkg', path.join(REPO, 'extension/pkg')), 'lede_bg.wasm'))) {
      console.error('node bench: extension/pkg/lede_bg.wasm is missing (scripts/build-wasm.sh); Lede skipped');
      report.engines[name] = { error: 'wasm module not built' };
      continue;
    }
    const args = [fileURLToPath(import.meta.url), '--child', '--engine', name, '--sizes', sizes.join(',')];
    if (arg('--pkg', null)) args.push('--pkg', arg('--pkg', null));
    const p = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, maxBuffer: 1 << 26 });
    if (p.status !== 0) {
      console.error(`node bench: ${name} failed: ${(p.stderr || '').slice(-800)}`);
      report.engines[name] = { error: (p.stderr || `exit ${p.status}`).slice(-400) };
      continue;
    }
    report.engines[name] = JSON.parse(p.stdout.trim().split('\n').pop());
  }
  // Table: words/s per engine and size, and the ratio of Lede's time to each peer's.
  const lede = report.engines.lede?.results || [];
  const rows = [['engine', 'words', 'wall ms', 'CPU ms', 'words/s (CPU)', 'CPU time vs Lede']];
  for (const [name, r] of Object.entries(report.engines)) {
    for (const x of r.results || []) {
      const l = lede.find((y) => y.words === x.words && y.median_ms);
      if (x.skipped) {
        rows.push([name, String(x.words), 'skipped', '', x.skipped, '']);
        continue;
      }
      x.ratio_to_lede = l ? x.cpu_ms / l.cpu_ms : null;
      rows.push([name, String(x.words), x.median_ms.toFixed(2), x.cpu_ms.toFixed(2), Math.round(x.cpu_words_per_s).toLocaleString('en'),
        x.ratio_to_lede ? `${x.ratio_to_lede >= 10 ? Math.round(x.ratio_to_lede) : x.ratio_to_lede.toPrecision(2)}×` : '']);
    }
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  '));
  if (report.engines.lede?.instantiate_ms != null) {
    console.log(`Lede wasm instantiation (initSync, Node ${process.version}): ${report.engines.lede.instantiate_ms.toFixed(1)} ms`);
  }
  const out = arg('--out', path.join(REPO, 'target/bench/node.json'));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(report, null, 1) + '\n');
  console.error(`node bench: wrote ${path.relative(REPO, out)}`);
}

await main();
