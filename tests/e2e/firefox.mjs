// A Firefox smoke test of the same extension/ directory, driven over WebDriver BiDi.
//
//   node tests/e2e/firefox.mjs        (needs extension/pkg and `firefox-esr` ≥ 140 on PATH,
//                                       or FIREFOX=/path/to/firefox)
//
// Why not playwright-core: its Firefox needs Playwright's own patched build (not
// downloadable here), and its BiDi mode (`channel: "moz-firefox"`) sends
// `network.addDataCollector`, which Firefox ESR 140 does not know. So this script
// speaks BiDi itself (the `ws` client bundled in playwright-core): it installs the
// unpacked extension as a temporary add-on (`webExtension.install`), pins the
// add-on's moz-extension:// UUID with the `extensions.webextensions.uuids` pref, opens
// a served page, asks the worker to analyse it from the extension's popup page (as the
// reader's click would), then reads the highlights in the page.
//
// Checks: the add-on installs; the background script answers; the page gets
// highlights and one overlay host; a paragraph added later is analysed (the
// MutationObserver path); a pushState navigation is analysed (the URL check, as
// Firefox 140 has no Navigation API); an article in a shadow root is painted (Firefox
// needs the shadow root's own ::highlight sheet); the hostile page's markup stays text;
// no text node changed. Ends with "N passed, M failed".
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { wildPage } from "./wild.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
// Not an exported path of playwright-core: required by file path (the package is a dev dependency).
const { ws: WebSocket } = require(join(ROOT, "node_modules", "playwright-core", "lib", "utilsBundle.js"));

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const UUID = "6c656465-0000-4000-8000-00000000f1f0";
const ADDON_ID = "lede@lede.invalid";

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? "ok  " : "FAIL"} ${name}${!ok && detail ? `: ${detail}` : ""}`);
}

/** A minimal WebDriver BiDi client: `send(method, params)` → result. */
function bidi(url) {
  return new Promise((ok, fail) => {
    const sock = new WebSocket(url);
    let next = 1;
    const waiting = new Map();
    sock.on("message", (data) => {
      const msg = JSON.parse(String(data));
      if (msg.id && waiting.has(msg.id)) {
        const { resolve: res, reject } = waiting.get(msg.id);
        waiting.delete(msg.id);
        if (msg.type === "error") reject(new Error(`${msg.error}: ${msg.message}`));
        else res(msg.result);
      }
    });
    sock.on("error", fail);
    sock.on("open", () =>
      ok({
        send: (method, params = {}) =>
          new Promise((res, reject) => {
            const id = next++;
            waiting.set(id, { resolve: res, reject });
            sock.send(JSON.stringify({ id, method, params }));
          }),
        close: () => sock.close(),
      }),
    );
  });
}

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), "lede-ff-"));
  const extDir = join(tmp, "extension");
  cpSync(join(ROOT, "extension"), extDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extDir, "manifest.json"), "utf8"));
  manifest.host_permissions = ["http://127.0.0.1/*"];
  writeFileSync(join(extDir, "manifest.json"), JSON.stringify(manifest, null, 2));
  const profile = join(tmp, "profile");
  mkdirSync(profile);
  writeFileSync(
    join(profile, "user.js"),
    [
      `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [ADDON_ID]: UUID }))});`,
      `user_pref("browser.shell.checkDefaultBrowser", false);`,
      `user_pref("datareporting.policy.dataSubmissionEnabled", false);`,
      `user_pref("app.update.enabled", false);`,
    ].join("\n") + "\n",
  );

  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const page = url.pathname === "/fixture" ? { body: readFileSync(join(ROOT, "tests", "e2e", "fixture.html")) } : wildPage(url.pathname, req.headers.host);
    res.writeHead(page ? 200 : 404, { "Content-Type": "text/html; charset=utf-8", ...((page && page.headers) || {}) });
    res.end(page ? page.body : "not found");
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${server.address().port}`;

  const ff = spawn(FIREFOX, ["--headless", "--remote-debugging-port=0", "--profile", profile, "--no-remote"], { stdio: ["ignore", "pipe", "pipe"] });
  const wsUrl = await new Promise((ok, fail) => {
    let log = "";
    const timer = setTimeout(() => fail(new Error(`Firefox did not start: ${log.slice(-500)}`)), 60_000);
    const onData = (d) => {
      log += d;
      const m = log.match(/WebDriver BiDi listening on (ws:\/\/[\d.:]+)/);
      if (m) {
        clearTimeout(timer);
        ok(m[1] + "/session");
      }
    };
    ff.stderr.on("data", onData);
    ff.stdout.on("data", onData);
    ff.on("exit", (c) => fail(new Error(`Firefox exited (${c}): ${log.slice(-500)}`)));
  });
  const b = await bidi(wsUrl);
  try {
    const session = await b.send("session.new", { capabilities: {} });
    console.log(`firefox: ${session.capabilities.browserName} ${session.capabilities.browserVersion}`);
    const installed = await b.send("webExtension.install", { extensionData: { type: "path", path: extDir } }).catch((e) => ({ error: e.message }));
    check("the extension installs as a temporary add-on", installed.extension === ADDON_ID, JSON.stringify(installed));

    // Lede's shadow root is closed: BiDi serialises closed roots with includeShadowTree
    // "all", so the test (never a page) can put the host and its root in the page's world
    // as globalThis.__ledeHost / __ledeRoot / __ledeHosts before an expression that names them.
    const exposeRoot = async (context) => {
      const r = await b.send("script.evaluate", {
        expression: `[...document.documentElement.children].filter((e) => e.localName === "div")`,
        target: { context },
        awaitPromise: false,
        resultOwnership: "none",
        serializationOptions: { maxDomDepth: 0, includeShadowTree: "all" },
      });
      const nodes = (r.result && r.result.value) || [];
      const hosts = nodes.filter((n) => n.value && n.value.shadowRoot && n.value.shadowRoot.value && n.value.shadowRoot.value.mode === "closed");
      await b.send("script.callFunction", {
        functionDeclaration: "(...pairs) => { globalThis.__ledeHosts = []; globalThis.__ledeHost = null; globalThis.__ledeRoot = null; for (let i = 0; i < pairs.length; i += 2) { globalThis.__ledeHosts.push(pairs[i]); globalThis.__ledeHost = pairs[i]; globalThis.__ledeRoot = pairs[i + 1]; } }",
        arguments: hosts.flatMap((n) => [{ sharedId: n.sharedId }, { sharedId: n.value.shadowRoot.sharedId }]),
        target: { context },
        awaitPromise: false,
        resultOwnership: "none",
      });
    };
    const evalIn = async (context, expression) => {
      if (expression.includes("__lede")) await exposeRoot(context);
      const r = await b.send("script.evaluate", { expression, target: { context }, awaitPromise: true, resultOwnership: "none" });
      if (r.type === "exception") throw new Error(r.exceptionDetails.text);
      return r.result.value;
    };
    const openTab = async (url) => {
      const { context } = await b.send("browsingContext.create", { type: "tab" });
      await b.send("browsingContext.navigate", { context, url, wait: "complete" });
      return context;
    };

    const page = await openTab(`${base}/wild/live`);
    const before = await evalIn(page, `JSON.stringify([...document.querySelectorAll("*")].length + "|" + document.body.textContent)`);
    const popup = await openTab(`moz-extension://${UUID}/src/popup.html?tab=-1`);
    // What the popup's "Analyse this page" sends, for the tab holding the served page.
    const stats = JSON.parse(
      await evalIn(
        popup,
        `(async () => {
          const tab = (await chrome.tabs.query({})).find((t) => (t.url || "").includes("/wild/live"));
          if (!tab) return JSON.stringify({ error: "no tab" });
          return JSON.stringify(await chrome.runtime.sendMessage({ kind: "run", tabId: tab.id }));
        })()`,
      ),
    );
    check("the background script analyses the page", !!stats && !stats.error && stats.selected > 0, JSON.stringify(stats).slice(0, 300));
    const drawn = JSON.parse(
      await evalIn(page, `JSON.stringify({ hosts: (globalThis.__ledeHosts || []).length, highlights: typeof CSS.highlights === "object" ? Object.fromEntries([...CSS.highlights].map(([k, h]) => [k, [...h].map((r) => r.toString())])) : null })`),
    );
    const people = [...(drawn.highlights?.["lede-person"] || []), ...(drawn.highlights?.["lede-person-mentioned"] || [])];
    check("highlights drawn with CSS.highlights, one overlay host", drawn.hosts === 1 && people.includes("Ilse Marrow"), JSON.stringify(drawn));
    check("no text node changed", (await evalIn(page, `JSON.stringify([...document.querySelectorAll("*")].length - (globalThis.__ledeHosts || []).length + "|" + document.body.textContent)`)) === before);
    await evalIn(
      page,
      `(() => { const p = document.createElement("p"); p.textContent = "“The boats will stay in the harbour until we hear back,” said Oswin Haverleigh, a ferry captain."; document.getElementById("live").append(p); return true; })()`,
    );
    const live = await evalIn(
      page,
      `new Promise((ok) => { const t0 = Date.now(); const tick = () => { const h = CSS.highlights.get("lede-person"); if (h && [...h].some((r) => r.toString() === "Oswin Haverleigh")) ok(true); else if (Date.now() - t0 > 15000) ok(false); else setTimeout(tick, 200); }; tick(); })`,
    );
    check("a paragraph added later is analysed (MutationObserver)", live === true);

    // Single-page navigation: Firefox 140 has no Navigation API, so the URL check runs.
    await b.send("browsingContext.navigate", { context: page, url: `${base}/wild/spa`, wait: "complete" });
    const again = JSON.parse(
      await evalIn(
        popup,
        `(async () => {
          const tab = (await chrome.tabs.query({})).find((t) => (t.url || "").includes("/wild/spa"));
          return JSON.stringify(tab ? await chrome.runtime.sendMessage({ kind: "run", tabId: tab.id }) : { error: "no tab" });
        })()`,
      ),
    );
    check("a second page is analysed", !!again && !again.error, JSON.stringify(again).slice(0, 300));
    await evalIn(page, `(document.getElementById("next").click(), true)`);
    const swapped = await evalIn(
      page,
      `new Promise((ok) => { const t0 = Date.now(); const tick = () => { const h = CSS.highlights.get("lede-person"); const t = h ? [...h].map((r) => r.toString()) : []; if (t.includes("Perpetua Ashgrove") && !t.includes("Ilse Marrow")) ok(true); else if (Date.now() - t0 > 15000) ok(false); else setTimeout(tick, 200); }; tick(); })`,
    );
    check("after history.pushState the new story is analysed (URL check)", swapped === true);

    // The article in a shadow root: Firefox applies only the shadow tree's own ::highlight
    // rules to its text, so without the adopted sheet the highlight there is invisible.
    // Painted = the pixels under a name in the shadow tree change when highlights are removed.
    await b.send("browsingContext.navigate", { context: page, url: `${base}/wild/shadow`, wait: "complete" });
    const shadowRun = JSON.parse(
      await evalIn(
        popup,
        `(async () => {
          const tab = (await chrome.tabs.query({})).find((t) => (t.url || "").includes("/wild/shadow"));
          return JSON.stringify(tab ? await chrome.runtime.sendMessage({ kind: "run", tabId: tab.id }) : { error: "no tab" });
        })()`,
      ),
    );
    check("the shadow-root article is analysed", !!shadowRun && !shadowRun.error && !shadowRun.no_article, JSON.stringify(shadowRun).slice(0, 300));
    const box = JSON.parse(
      await evalIn(
        page,
        `(() => {
          const root = document.querySelector("news-story").shadowRoot;
          const all = [...(CSS.highlights.get("lede-person") || []), ...(CSS.highlights.get("lede-person-mentioned") || [])];
          const r = all.find((x) => x.startContainer.getRootNode() === root);
          if (!r) return JSON.stringify(null);
          r.startContainer.parentElement.scrollIntoView({ block: "center" });
          const b = r.getClientRects()[0];
          return JSON.stringify({ x: b.left, y: b.top, width: b.width, height: b.height, text: r.toString(), sheets: root.adoptedStyleSheets.length });
        })()`,
      ),
    );
    let paintedInShadow = false;
    if (box) {
      const clip = { type: "box", x: box.x, y: box.y, width: Math.max(1, box.width), height: Math.max(1, box.height) };
      const shown = (await b.send("browsingContext.captureScreenshot", { context: page, clip })).data;
      await evalIn(page, `(window.__saved = [...CSS.highlights], CSS.highlights.clear(), true)`);
      const hidden = (await b.send("browsingContext.captureScreenshot", { context: page, clip })).data;
      await evalIn(page, `(window.__saved.forEach(([k, h]) => CSS.highlights.set(k, h)), true)`);
      paintedInShadow = shown !== hidden;
    }
    check("a name inside the shadow tree is painted (the adopted ::highlight sheet, after the page's own)", !!box && box.sheets === 2 && paintedInShadow, JSON.stringify({ box, paintedInShadow }));

    // The hostile page: markup in quotes and names stays text.
    await b.send("browsingContext.navigate", { context: page, url: `${base}/wild/attack`, wait: "complete" });
    const hostile = JSON.parse(
      await evalIn(
        popup,
        `(async () => {
          const tab = (await chrome.tabs.query({})).find((t) => (t.url || "").includes("/wild/attack"));
          return JSON.stringify(tab ? await chrome.runtime.sendMessage({ kind: "run", tabId: tab.id }) : { error: "no tab" });
        })()`,
      ),
    );
    check("the hostile page is analysed", !!hostile && !hostile.error, JSON.stringify(hostile).slice(0, 300));
    const card = JSON.parse(
      await evalIn(
        page,
        `(async () => {
          const root = globalThis.__ledeRoot;
          root.querySelector('.chip button[data-role=panel]').click();
          const b = [...root.querySelectorAll(".panel button")].find((x) => x.textContent.includes("Quell"));
          if (b) b.click();
          await new Promise((r) => setTimeout(r, 100));
          const c = root.querySelector(".card");
          return JSON.stringify({ text: c ? c.textContent : null, imgs: root.querySelectorAll("img").length, pwned: window.__pwned === undefined ? null : window.__pwned });
        })()`,
      ),
    );
    check("its person card shows the markup as text, and nothing executed", !!card.text && card.text.includes("<img src=x onerror=window.__pwned=1>") && card.imgs === 0 && card.pwned === null, JSON.stringify(card).slice(0, 300));
  } catch (e) {
    check("the Firefox run completes", false, e.message);
  } finally {
    await b.send("browser.close").catch(() => {});
    b.close();
    ff.kill();
    server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`firefox: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
