// Peer predictor: compromise with the compromise-dates plugin: `people()` as PERSON mentions,
// `dates()` (with the publication date as `today`), `durations()` and `times()` as time
// expressions with TIMEX3-like values where the plugin gives them.
//
// Input: JSON Lines {"id","text","published"} on stdin. Output: Lede's contract per line
// (people, times), offsets in code points. Example: `node bench/peers/compromise_dates.mjs < docs.jsonl`.

import nlp from 'compromise';
import datesPlugin from 'compromise-dates';
import { people } from './compromise.mjs';
import { codePointMap, emptyResult, hm, serve, trimSpan, ymd } from './common.mjs';

nlp.plugin(datesPlugin);

function isoWeek(d) {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const y = t.getUTCFullYear();
  const week = Math.ceil(((t - Date.UTC(y, 0, 1)) / 86400000 + 1) / 7);
  return `${y}-W${String(week).padStart(2, '0')}`;
}

/** TIMEX3-like type and value of one `dates()` match. */
function dateValue(info) {
  if (!info) return ['DATE', null];
  if (info.repeat) return ['SET', null];
  if (!info.start) return ['DATE', null];
  const d = new Date(info.start);
  if (Number.isNaN(d.getTime())) return ['DATE', null];
  switch (info.unit) {
    case 'time':
    case 'hour':
    case 'minute':
      return ['TIME', `${ymd(d)}T${hm(d)}`];
    case 'week':
      return ['DATE', isoWeek(d)];
    case 'month':
      return ['DATE', ymd(d).slice(0, 7)];
    case 'quarter':
      return ['DATE', `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`];
    case 'year':
      return ['DATE', String(d.getUTCFullYear())];
    case 'decade':
      return ['DATE', String(d.getUTCFullYear()).slice(0, 3)];
    case 'century':
      return ['DATE', String(d.getUTCFullYear()).slice(0, 2)];
    default:
      return ['DATE', ymd(d)];
  }
}

const DURATION_UNITS = [
  ['year', 'Y', false],
  ['month', 'M', false],
  ['week', 'W', false],
  ['day', 'D', false],
  ['hour', 'H', true],
  ['minute', 'M', true],
  ['second', 'S', true],
];

/** `P3Y`, `PT5H`… from a `durations()` object like {year: 3}. */
function durationValue(obj) {
  if (!obj) return null;
  let date = '';
  let time = '';
  for (const [unit, letter, isTime] of DURATION_UNITS) {
    const n = obj[unit] ?? obj[unit + 's'];
    if (typeof n !== 'number' || !n) continue;
    if (isTime) time += `${n}${letter}`;
    else date += `${n}${letter}`;
  }
  if (!date && !time) return null;
  return 'P' + date + (time ? 'T' + time : '');
}

function overlapsAny(span, list) {
  return list.some((t) => span[0] < t.span[1] && t.span[0] < span[1]);
}

/** The JSON (with offsets) of `select(view)` on the document; when the plugin throws on some
 *  input (it does, e.g. "t.isValid is not a function"), sentence by sentence, skipping the
 *  sentences it fails on, so one bad sentence does not lose the whole document. */
function matches(doc, select) {
  const json = (v) => select(v).json({ offset: true, terms: false });
  try {
    return json(doc);
  } catch (e) {
    const out = [];
    doc.sentences().forEach((s) => {
      try {
        out.push(...json(s));
      } catch (e2) {
        // this sentence stays without time expressions from the peer
      }
    });
    return out;
  }
}

export function times(doc, text, map, published) {
  const out = [];
  const opts = published ? { today: published.slice(0, 10) } : {};
  const push = (m, type, value) => {
    if (!m.offset) return;
    const [s, e] = trimSpan(text, m.offset.start, m.offset.start + m.offset.length);
    if (e <= s) return;
    const span = [map[s], map[e]];
    if (overlapsAny(span, out)) return;
    out.push({ span, type, value, label: null, basis: null });
  };
  for (const m of matches(doc, (v) => v.dates(opts))) {
    const [type, value] = dateValue(m.dates);
    push(m, type, value);
  }
  for (const m of matches(doc, (v) => v.durations(opts))) push(m, 'DURATION', durationValue(m.duration));
  for (const m of matches(doc, (v) => v.times(opts))) push(m, 'TIME', null);
  out.sort((a, b) => a.span[0] - b.span[0]);
  return out;
}

await serve((rec) => {
  const text = rec.text || '';
  const map = codePointMap(text);
  const doc = nlp(text);
  const res = emptyResult(rec.id);
  res.people = people(doc, text, map);
  res.times = times(doc, text, map, rec.published);
  return res;
});
