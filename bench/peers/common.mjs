// Shared plumbing of the peer predictors (bench/peers/*.mjs).
//
// Stage: evaluation and benchmarks. Input: `lede batch` JSON Lines on stdin
// ({"id","text","published"}). Output: one JSON object per line in Lede's contract
// (src/report/mod.rs) with what the peer can fill in; offsets converted from the
// UTF-16 indices JavaScript uses to the code points the contract and the data use.
//
// Example: `echo '{"id":"a","text":"Ana Ortiz spoke."}' | node bench/peers/compromise.mjs`

import { createInterface } from 'node:readline';

/** Maps UTF-16 indices of `text` to code-point indices. */
export function codePointMap(text) {
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point: the low half maps to the same index.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        map[i + 1] = cp;
        i++;
      }
    }
    cp++;
  }
  map[text.length] = cp;
  return map;
}

const TRAILING = /[\s\p{P}\p{S}]+$/u;
const LEADING = /^[\s\p{P}\p{S}]+/u;

/** The [start, end) UTF-16 span with surrounding blanks, punctuation and symbols trimmed
 *  (compromise's offsets include the punctuation glued to a term, and in text tokenised
 *  with spaces, like CoNLL's, the next bracket too: "Ana Ortiz ("). */
export function trimSpan(text, start, end) {
  const s = text.slice(start, end);
  const lead = (s.match(LEADING) || [''])[0].length;
  const trail = (s.slice(lead).match(TRAILING) || [''])[0].length;
  return [start + lead, end - trail];
}

/** An empty result in the contract. */
export function emptyResult(id) {
  return { id, published: null, people: [], quotes: [], times: [], flags: [] };
}

/** Groups mention spans (code points) by their text into contract `people`. */
export function peopleFrom(text, spans) {
  const byName = new Map();
  for (const [s, e, name] of spans) {
    const key = name.replace(/\s+/g, ' ').trim();
    if (!key) continue;
    if (!byName.has(key)) byName.set(key, { name: key, roles: [], mentions: [], role_spans: [], mention_kinds: [], honorifics: [] });
    const p = byName.get(key);
    p.mentions.push([s, e]);
    p.mention_kinds.push('name');
  }
  return [...byName.values()];
}

/** Reads JSON Lines from stdin, calls `analyze(record)` for each and prints its result. */
export async function serve(analyze) {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const out = [];
  for await (const line of rl) {
    if (!line.trim()) continue;
    let rec;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      continue;
    }
    let res;
    try {
      res = analyze(rec);
    } catch (e) {
      res = { id: rec.id, error: String(e && e.message ? e.message : e) };
    }
    out.push(JSON.stringify(res));
    if (out.length >= 64) {
      process.stdout.write(out.join('\n') + '\n');
      out.length = 0;
    }
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** YYYY-MM-DD of a Date in UTC (the peers run with TZ=UTC). */
export function ymd(d) {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function hm(d) {
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
