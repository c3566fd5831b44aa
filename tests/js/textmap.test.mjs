// The offset mapping (extract.js walk + textmap.js TextMap): every character of the text
// the engine reads maps back to the DOM text it came from, including soft hyphens,
// surrogate pairs, lone surrogates, <br>, collapsed whitespace and text inside shadow roots.
// Run: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";

const { extract, TextMap, segment, wellFormed } = await import("../../extension/src/extract.js");

/** A detached document, as the demo page's DOMParser gives (extract.js needs no globals). */
function docWith(html) {
  return new JSDOM(`<!doctype html><html><body>${html}</body></html>`).window.document;
}

/** The map of every block joined with "\n", as the engine joins the blocks it picks. */
function mapAll(ex) {
  const parts = [];
  let text = "";
  ex.page.blocks.forEach((b, i) => {
    if (text) text += "\n";
    parts.push({ start: text.length, length: b.text.length, source: ex.sources[i] });
    text += b.text;
  });
  return { map: new TextMap(ex.doc, text, parts), text };
}

/** Every non-space run of the text maps to a Range whose text is that run. */
function assertWordsMap(html) {
  const ex = extract(docWith(html), { url: null });
  const { map, text } = mapAll(ex);
  let words = 0;
  for (const m of text.matchAll(/[^\s]+/g)) {
    words++;
    const got = map.ranges(m.index, m.index + m[0].length).map((r) => r.toString()).join("");
    assert.equal(wellFormed(got), m[0], `«${m[0]}» maps to «${got}»`);
  }
  return { ex, text, words, map };
}

test("plain paragraphs, collapsed whitespace and <br>", () => {
  const { text, words } = assertWordsMap("<article><p>The  vote\n passed 7–2<br>on Tuesday.</p><p>Fares stay.</p></article>");
  assert.equal(text, "The vote passed 7–2 on Tuesday.\nFares stay.");
  assert.equal(words, 8);
});

test("soft hyphens stay in the text and map back", () => {
  const { text } = assertWordsMap("<p>The harbour\u00admaster Rhona Tal\u00adbridge spoke.</p>");
  assert.ok(text.includes("harbour\u00admaster"));
});

test("surrogate pairs map as two units of one character", () => {
  const { text, map } = assertWordsMap("<p>Ferry \u{1F6A2} sails at dawn, said Emrys \u{1D4D2}alloway.</p>");
  const at = text.indexOf("\u{1F6A2}");
  assert.equal(map.ranges(at, at + 2)[0].toString(), "\u{1F6A2}");
});

test("a lone surrogate becomes U+FFFD, the same length, and the block still maps", () => {
  const doc = docWith("<p id=p></p>");
  doc.getElementById("p").textContent = "Pilot Wendeline \uD83D Strachan said so.";
  const ex = extract(doc, { url: null });
  const block = ex.page.blocks[0].text;
  assert.equal(block, "Pilot Wendeline \uFFFD Strachan said so.");
  const { map, text } = mapAll(ex);
  const at = text.indexOf("Strachan");
  assert.equal(map.ranges(at, at + 8)[0].toString(), "Strachan");
  assert.equal(wellFormed("a\uDC00b\uD800"), "a\uFFFDb\uFFFD");
  assert.equal(wellFormed("ok \u{1F6A2}"), "ok \u{1F6A2}");
});

test("text in an open shadow root is read in composed order and maps back", () => {
  const doc = docWith("<news-story><p slot=lead>Light text of the lead.</p></news-story>");
  const host = doc.querySelector("news-story");
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML = "<article><h1>Shadow headline</h1><slot name=lead></slot><p>Shadow body text here.</p></article>";
  const got = extract(doc, { url: null });
  const texts = got.page.blocks.map((b) => b.text);
  assert.deepEqual(texts, ["Shadow headline", "Light text of the lead.", "Shadow body text here."]);
  const { map, text: joined } = mapAll(got);
  const at = joined.indexOf("body");
  const [r] = map.ranges(at, at + 4);
  assert.equal(r.toString(), "body");
  assert.equal(r.startContainer.getRootNode(), root);
  assert.equal(got.sawShadow, true);
});

test("editors are not read: contenteditable, textarea, input, design mode", () => {
  const ex = extract(docWith('<p>Kept.</p><div contenteditable><p>Draft.</p></div><div contenteditable="false"><p>Also kept.</p></div><textarea>Typed.</textarea><input value="Typed too.">'), { url: null });
  assert.deepEqual(ex.page.blocks.map((b) => b.text), ["Kept.", "Also kept."]);
  const doc = docWith("<p>Anything.</p>");
  doc.designMode = "on";
  assert.deepEqual(extract(doc, { url: null }).page.blocks, []);
});

test("class lists are capped: 16 tokens of at most 64 characters", () => {
  const doc = docWith("<p>x</p>");
  const el = doc.querySelector("p");
  const tokens = Array.from({ length: 40 }, (_, i) => `c${i}`);
  el.setAttribute("class", `${"y".repeat(1000)} ${tokens.join(" ")}`);
  const seg = segment(el);
  const parts = seg.split(".");
  assert.equal(parts.length, 17);
  assert.equal(parts[1], "y".repeat(64));
  assert.equal(parts[16], "c14");
  // Code points, not UTF-16 units: an astral character is never cut in half.
  el.setAttribute("class", "\u{1F6A2}".repeat(100));
  assert.equal([...segment(el).split(".")[1]].length, 64);
});

test("a report whose block text differs is left out, not drawn wrong", () => {
  const ex = extract(docWith("<p>One block.</p><p>Two block.</p>"), { url: null });
  const map = TextMap.forReport(ex, { text: "One block.\nTwo blocks", blocks: [[0, 0], [1, 11]] });
  assert.equal(map.mismatches, 1);
  assert.equal(map.ranges(0, 3)[0].toString(), "One");
  assert.deepEqual(map.ranges(11, 14), []);
});
