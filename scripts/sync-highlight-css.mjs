// Copies the ::highlight rules of extension/src/content.css (comments dropped) into the
// HIGHLIGHT_CSS constant of extension/src/shadows.js, which styles highlights inside the
// page's shadow roots (a content script cannot read its own CSS file without a network
// API). Run after every change to content.css:
//
//   node scripts/sync-highlight-css.mjs
//
// The end-to-end test (tests/e2e/wild.mjs, "shadows.js carries exactly content.css's
// ::highlight rules") fails while the two differ.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SRC = join(resolve(dirname(fileURLToPath(import.meta.url)), ".."), "extension", "src");
const css = readFileSync(join(SRC, "content.css"), "utf8")
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .split("\n")
  .filter((l) => l.trim())
  .join("\n");
if (css.includes("`") || css.includes("${")) throw new Error("content.css holds a backtick or ${: cannot be put in a template literal");
const file = join(SRC, "shadows.js");
const js = readFileSync(file, "utf8");
const re = /(const HIGHLIGHT_CSS = `)[^`]*(`;)/;
if (!re.test(js)) throw new Error("shadows.js has no HIGHLIGHT_CSS template literal");
const next = js.replace(re, (_, a, b) => `${a}\n${css}\n${b}`);
if (next !== js) {
  writeFileSync(file, next);
  console.log("sync-highlight-css: shadows.js updated from content.css");
} else console.log("sync-highlight-css: already in step");
