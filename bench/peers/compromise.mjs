// Peer predictor: compromise's `people()` as PERSON mentions, in Lede's JSON contract.
//
// Input: JSON Lines {"id","text"} on stdin. Output: {"id", people: [{name, mentions}]…} per line,
// offsets in code points. Example: `node bench/peers/compromise.mjs < docs.jsonl`.

import nlp from 'compromise';
import { codePointMap, emptyResult, peopleFrom, serve, trimSpan } from './common.mjs';

export function people(doc, text, map) {
  const spans = [];
  for (const m of doc.people().json({ offset: true, terms: false })) {
    if (!m.offset) continue;
    const [s, e] = trimSpan(text, m.offset.start, m.offset.start + m.offset.length);
    if (e > s) spans.push([map[s], map[e], text.slice(s, e)]);
  }
  return peopleFrom(text, spans);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await serve((rec) => {
    const text = rec.text || '';
    const res = emptyResult(rec.id);
    res.people = people(nlp(text), text, codePointMap(text));
    return res;
  });
}
