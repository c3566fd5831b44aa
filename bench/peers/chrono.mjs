// Peer predictor: chrono-node's `parse(text, refDate)` as time expressions, with the start
// date as the value (as precise as chrono is certain of: day, month or year; TIME when it
// knows the hour), the publication date as the reference.
//
// Input: JSON Lines {"id","text","published"} on stdin. Output: Lede's contract per line
// (times only), offsets in code points. Example: `node bench/peers/chrono.mjs < docs.jsonl`.

import * as chrono from 'chrono-node';
import { codePointMap, emptyResult, hm, serve, trimSpan, ymd } from './common.mjs';

function value(c) {
  const d = c.date();
  if (c.isCertain('hour')) return ['TIME', `${ymd(d)}T${hm(d)}`];
  if (c.isCertain('day') || c.isCertain('weekday')) return ['DATE', ymd(d)];
  if (c.isCertain('month')) return ['DATE', ymd(d).slice(0, 7)];
  if (c.isCertain('year')) return ['DATE', String(d.getUTCFullYear())];
  return ['DATE', ymd(d)];
}

await serve((rec) => {
  const text = rec.text || '';
  const map = codePointMap(text);
  const ref = rec.published ? new Date(`${rec.published.slice(0, 10)}T12:00:00Z`) : new Date('2000-01-01T12:00:00Z');
  const res = emptyResult(rec.id);
  for (const r of chrono.parse(text, ref)) {
    const [s, e] = trimSpan(text, r.index, r.index + r.text.length);
    if (e <= s) continue;
    const [type, val] = value(r.start);
    res.times.push({ span: [map[s], map[e]], type, value: val, label: null, basis: null });
  }
  return res;
});
