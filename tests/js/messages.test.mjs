// The message guard (messages.js), the settings merge (settings.js), the analysis queue
// (queue.js) and the overlay's label functions (overlay/common.js, overlay/panel.js).
// Run: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { Kind, PAGE_ONLY, isMessage } from "../../extension/src/messages.js";
import { DEFAULT_SETTINGS, mergeSettings } from "../../extension/src/settings.js";
import { TabQueue } from "../../extension/src/queue.js";
import { bylineWords, flagKey, linkSentences, timeWords } from "../../extension/src/overlay/common.js";

const page = { url: "https://example.org/a", blocks: [], meta: [] };

test("isMessage accepts every shape the parts send", () => {
  for (const m of [
    { kind: Kind.ANALYZE, page },
    { kind: Kind.ANALYZE, page: { ...page, url: null } },
    { kind: Kind.RENDERED, stats: { url: "x" } },
    { kind: Kind.STYLES },
    { kind: Kind.RUN, tabId: 3 },
    { kind: Kind.RUN },
    { kind: Kind.SET_AUTO },
    { kind: Kind.STATUS, tabId: 0 },
    { kind: Kind.TOGGLE_ALL },
    { kind: Kind.PANEL },
    { kind: Kind.NEXT },
    { kind: Kind.NEXT, dir: -1 },
    { kind: Kind.FRAME_ARTICLE },
    { kind: Kind.ENGINE, key: "3:0", page },
    { kind: Kind.ENGINE_STATUS },
    { kind: Kind.TIMINGS },
  ]) assert.ok(isMessage(m), JSON.stringify(m));
});

test("isMessage refuses what a handler could not read", () => {
  for (const m of [
    null,
    undefined,
    "analyze",
    [],
    {},
    { kind: "analyse", page },
    { kind: "__proto__" },
    { kind: "toString" },
    { kind: Kind.ANALYZE },
    { kind: Kind.ANALYZE, page: { url: 3, blocks: [], meta: [] } },
    { kind: Kind.ANALYZE, page: { url: null, blocks: "x", meta: [] } },
    { kind: Kind.RENDERED },
    { kind: Kind.RUN, tabId: "3" },
    { kind: Kind.RUN, tabId: -1 },
    { kind: Kind.STATUS },
    { kind: Kind.STATUS, tabId: 1.5 },
    { kind: Kind.NEXT, dir: 2 },
    { kind: Kind.ENGINE, page },
    { kind: Kind.ENGINE, key: 3, page },
  ]) assert.equal(isMessage(m), false, JSON.stringify(m));
});

test("run, status, set-auto and timings are the extension pages' only", () => {
  assert.deepEqual([...PAGE_ONLY].sort(), [Kind.RUN, Kind.SET_AUTO, Kind.STATUS, Kind.TIMINGS].sort());
});

test("mergeSettings: nothing stored gives the defaults, palette included", () => {
  const s = mergeSettings(undefined);
  assert.deepEqual(s, { ...DEFAULT_SETTINGS, show: { ...DEFAULT_SETTINGS.show }, autoOrigins: [], neverOrigins: [] });
  assert.equal(mergeSettings({ palette: "contrast" }).palette, "contrast");
});

test("mergeSettings: a partial or wrong value keeps the rest", () => {
  const s = mergeSettings({ show: { quotes: false, people: "no", extra: true }, autoOrigins: ["https://a.example", 7], palette: "neon", minFlagConfidence: 3, junk: 1 });
  assert.deepEqual(s.show, { people: true, quotes: false, times: true, flags: true });
  assert.deepEqual(s.autoOrigins, ["https://a.example"]);
  assert.deepEqual(s.neverOrigins, []);
  assert.equal(s.palette, "standard");
  assert.equal(s.minFlagConfidence, 1);
  assert.equal("junk" in s, false);
  assert.equal(mergeSettings({ minFlagConfidence: "0.4" }).minFlagConfidence, 0.4);
  assert.equal(mergeSettings({ minFlagConfidence: "x" }).minFlagConfidence, 0);
});

test("TabQueue: a newer request of the same frame replaces the waiting one; frames take turns", async () => {
  const ran = [];
  const q = new TabQueue(async (job) => {
    ran.push(job);
    return { ok: true, job };
  });
  const a1 = q.submit("1:0", "a1");
  const a2 = q.submit("1:0", "a2");
  const b1 = q.submit("2:0", "b1");
  assert.deepEqual(await a1, { ok: false, error: "a newer request from this page replaced this one", replaced: true });
  assert.deepEqual(await a2, { ok: true, job: "a2" });
  assert.deepEqual(await b1, { ok: true, job: "b1" });
  assert.deepEqual(ran, ["a2", "b1"]);
});

test("TabQueue: a failing job rejects its own request only", async () => {
  const q = new TabQueue(async (job) => {
    if (job === "bad") throw new Error("boom");
    return job;
  });
  const bad = q.submit("1:0", "bad");
  const good = q.submit("2:0", "good");
  await assert.rejects(bad, /boom/);
  assert.equal(await good, "good");
});

test("timeWords shows the label and basis, never TIMEX codes", () => {
  const w = timeWords({ type: "DURATION", value: "P70Y", mod: "APPROX", label: "about 70 years", basis: "stated" });
  assert.deepEqual(w, { label: "about 70 years", basis: "stated" });
  const none = timeWords({ type: "DATE", value: "XXXX-WXX-2", label: null, basis: null });
  assert.ok(!/XXXX|P\d|PRESENT_REF/.test(JSON.stringify(none)), JSON.stringify(none));
});

test("bylineWords: strings, objects, lists, nothing", () => {
  assert.equal(bylineWords("Ana Ortiz"), "by Ana Ortiz");
  assert.equal(bylineWords("By Ana Ortiz"), "By Ana Ortiz");
  assert.equal(bylineWords([{ name: "Ana Ortiz" }, "Tomas Ellery", { name: "Ines Roy" }]), "by Ana Ortiz, Tomas Ellery and Ines Roy");
  assert.equal(bylineWords(null), "");
  assert.equal(bylineWords(undefined), "");
  assert.equal(bylineWords([]), "");
});

test("linkSentences: one sentence per assumed link, whatever the shape", () => {
  assert.deepEqual(linkSentences(["A is B.", { sentence: "C is D." }, { text: " E is F. " }, {}, 3, ""]), ["A is B.", "C is D.", "E is F."]);
  assert.deepEqual(linkSentences(undefined), []);
});

test("flagKey: the same flag on a re-analysis gets the same key; another flag another", () => {
  const text = "On Monday the vote. On Tuesday the vote.";
  const f = { kind: "date-conflict", evidence: [[0, 9], [20, 30]] };
  assert.equal(flagKey(f, text), flagKey({ ...f, confidence: 0.2 }, text));
  assert.notEqual(flagKey(f, text), flagKey({ ...f, evidence: [[0, 9]] }, text));
});

