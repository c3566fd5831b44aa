// "Hold under attack" (issue 11): pages that try to switch Lede off, hide or fake its
// overlay, or stall it, for the end-to-end test (run.mjs serves them under /hostile/…
// and calls `hostileChecks`). Every page is generated here, at test time, in our own
// words (invented people and places). docs/extension.md has the table of what held.
//
//   /hostile/clobber   <form id="Lede"> with inputs named content/extract, two anchors id="Lede"
//   /hostile/element   the page defines <lede-overlay> (with a shadow root) and makes one itself
//   /hostile/css       !important page rules on every div and on ::highlight(lede-*)
//   /hostile/script    (the test plays the page's script: shadow root, style, synthetic clicks)
//   /hostile/editor    a contenteditable draft, a textarea and an input inside the article
//   /hostile/stall     one paragraph of 2 MB of short quotations (the engine's whole input),
//                      beside /hostile/benign
//   /hostile/deep      2,000 nested elements with <p> and <time> at every level
//   /hostile/classes   a 1 MB class attribute and 1,000 class tokens over 300 paragraphs
//   /hostile/surrogate a paragraph with a lone surrogate beside a name
import { inflateSync } from "node:zlib";
import { exposeRoot } from "./root.mjs";

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const STORY = [
  "The harbour board in Quillmouth voted on Tuesday to keep the night ferry running until March.",
  "“We will not leave the island without a crossing after dark,” said Rhona Talbridge, who chairs the board.",
  "The operator's director, Emrys Calloway, said the company would publish new fares on Thursday.",
  "Talbridge said the board would meet again in April to review the timetable and the crews' hours.",
  "Calloway added that the second boat, laid up since 2019, would return to service in the summer.",
];

function page(title, body, head = "") {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta property="article:published_time" content="2024-02-27T09:00:00Z">${head}</head><body>${body}</body></html>`;
}

const paras = (list = STORY) => list.map((p) => `<p>${esc(p)}</p>`).join("\n");
const article = (inner, attrs = "") => `<article${attrs}><h1>Night ferry stays</h1>\n${inner}\n</article>`;

function deepPage() {
  const depth = 2000;
  let open = "";
  let close = "";
  for (let i = 0; i < depth; i++) {
    open += `<div class="level"><p>Level ${i} of the archive.</p><time datetime="2024-02-${String((i % 27) + 1).padStart(2, "0")}">${(i % 27) + 1} February</time>`;
    close += "</div>";
  }
  return page("Deep archive", article(paras()) + open + close);
}

function classesPage() {
  const huge = "x".repeat(1_000_000);
  const many = Array.from({ length: 1000 }, (_, i) => `t${i}`).join(" ");
  const body = Array.from({ length: 300 }, (_, i) => `<p>${esc(STORY[i % STORY.length])}</p>`).join("");
  return page("Classes", `<div class="${huge} ${many}">${article(body, ` class="${many} ${huge}"`)}</div>`);
}

/** The page's own script of /hostile/element: it takes Lede's old element name first. */
const ELEMENT_SCRIPT = `
customElements.define("lede-overlay", class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: "open" }).textContent = "verified: 0 flags"; }
});
const own = document.createElement("lede-overlay");
own.id = "pages-own";
document.documentElement.append(own);`;

const CSS_ATTACK = `
div { opacity: 0 !important; visibility: hidden !important; display: none !important; }
html > div { transform: scale(0) !important; clip-path: inset(50%) !important; }
lede-overlay, [style] { opacity: 0 !important; }
::highlight(lede-quote), ::highlight(lede-hc-quote) {
  background-color: rgb(255, 0, 0) !important; text-decoration: wavy underline rgb(255, 0, 0) !important;
}
::highlight(lede-person), ::highlight(lede-person-mentioned) { background-color: rgb(255, 0, 0) !important; text-decoration: none !important; }`;

export function hostilePage(pathname) {
  switch (pathname) {
    case "/hostile/clobber":
      return {
        body: page(
          "Clobber",
          `<form id="Lede"><input name="content"><input name="extract"><input name="Overlay"></form><a id="Lede" href="#a">a</a><a id="Lede" href="#b">b</a>${article(paras())}`,
        ),
      };
    case "/hostile/element":
      return { body: page("Element", article(paras()), `<script>${ELEMENT_SCRIPT}</script>`) };
    case "/hostile/css":
      return { body: page("CSS", article(paras()), `<style>${CSS_ATTACK}</style>`) };
    case "/hostile/script":
    case "/hostile/benign":
      return { body: page("Benign", article(paras())) };
    case "/hostile/editor":
      return {
        body: page(
          "Editor",
          article(
            paras(STORY) +
              // Well below the names, so that a card opened beside one does not cover it.
              `<div id="draft" contenteditable="true" style="margin-top: 150vh"><p>Draft note: Zebulon Quark said the pier will reopen on Friday.</p></div>` +
              `<textarea id="ta">Yolanda Brisk said the fares would double in 2031.</textarea><input id="in" value="Xavier Plume said no.">`,
          ),
        ),
      };
    case "/hostile/stall": {
      // 2 MB in one paragraph: the most the engine reads, slow however linear it is.
      const quotes = '"x" '.repeat(500_000);
      return { body: page("Stall", article(paras(STORY) + `<p>${esc(quotes)}</p>`)) };
    }
    case "/hostile/deep":
      return { body: deepPage() };
    case "/hostile/classes":
      return { body: classesPage() };
    case "/hostile/surrogate":
      return {
        body: page(
          "Surrogate",
          article(paras() + `<p id="lone"></p>`),
          // A lone surrogate cannot be written in HTML (the parser makes it U+FFFD): a script puts it in.
          `<script>addEventListener("DOMContentLoaded", () => { document.getElementById("lone").textContent = "Harbour pilot Wendeline Strachan said \\uD83D on Monday that the tide was late."; });</script>`,
        ),
      };
    default:
      return null;
  }
}

// ── a tiny PNG reader (8-bit RGB/RGBA, as Chromium's screenshots are) ─────────

function readPng(buf) {
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat = [];
  while (at < buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString("ascii", at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = data[9] === 6 ? 4 : 3;
    } else if (type === "IDAT") idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? px[y * stride + x - channels] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const pr = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      px[y * stride + x] = (v + [0, a, b, (a + b) >> 1, pr][f]) & 255;
    }
  }
  return { width, height, channels, px };
}

/** Pixels of a region that are strongly red (the page's attack colour). */
async function redPixels(pg, rect) {
  const png = readPng(await pg.screenshot({ clip: rect }));
  let red = 0;
  for (let i = 0; i < png.px.length; i += png.channels) if (png.px[i] > 200 && png.px[i + 1] < 90 && png.px[i + 2] < 90) red++;
  return red;
}

// ── the checks ──────────────────────────────────────────────────────────────

/** Viewport rect of the first range of highlight `name` whose text is `text`. */
const rangeRect = ([name, text]) => {
  for (const r of CSS.highlights.get(name) || []) {
    if (r.toString().replace(/\s+/g, " ").trim() !== text) continue;
    r.startContainer.parentElement.scrollIntoView({ block: "center" });
    const b = r.getClientRects()[0];
    return b ? { x: b.left + b.width / 2, y: b.top + b.height / 2, rect: { x: b.left, y: b.top, width: b.width, height: b.height } } : null;
  }
  return null;
};

const cardOpen = () => !!(globalThis.__ledeRoot && globalThis.__ledeRoot.querySelector(".card"));
const highlighted = (name) => [...(CSS.highlights.get(name) || [])].map((r) => r.toString());

/**
 * @param {{openPage: (path: string) => Promise<any>, runLede: (page: any) => Promise<any>,
 *          check: Function, note: Function, sw: any, timings: object}} t
 */
export async function hostileChecks({ openPage, runLede, check, note, sw, timings }) {
  timings.hostile = {};

  console.log("hostile: DOM clobbering (<form id=Lede>, two anchors id=Lede)");
  {
    const pg = await openPage("/hostile/clobber");
    const t0 = Date.now();
    const s = await runLede(pg);
    check(`clobber: Lede runs and draws (${Date.now() - t0} ms)`, !!s && !s.error && (s.counts?.people || 0) > 0, JSON.stringify(s && (s.error || s.counts)));
    const again = await runLede(pg);
    check("clobber: a second run (the copy already there) works too", !!again && !again.error && !!again.counts, JSON.stringify(again && again.error));
    await pg.close();
  }

  console.log("hostile: the page defines <lede-overlay> and makes one of its own");
  {
    const pg = await openPage("/hostile/element");
    const s = await runLede(pg);
    check("element: Lede draws its chip anyway", !!s && !s.error && (await pg.evaluate(() => !!globalThis.__ledeRoot?.querySelector(".chip"))), JSON.stringify(s && s.error));
    const again = await runLede(pg);
    const own = await pg.evaluate(() => !!document.getElementById("pages-own") && document.getElementById("pages-own").shadowRoot.textContent);
    check("element: the page's own <lede-overlay> is never removed", !!again && !again.error && own === "verified: 0 flags", String(own));
    check("element: one Lede host after two runs", (await pg.evaluate(() => globalThis.__ledeHosts.length)) === 1);
    await pg.close();
  }

  console.log("hostile: page CSS with !important on divs and ::highlight(lede-*)");
  {
    const pg = await openPage("/hostile/css");
    const s = await runLede(pg);
    const st = await pg.evaluate(() => {
      const h = globalThis.__ledeHost;
      const cs = h && getComputedStyle(h);
      const chip = globalThis.__ledeRoot && globalThis.__ledeRoot.querySelector(".chip");
      const r = chip && chip.getBoundingClientRect();
      return cs && { opacity: cs.opacity, visibility: cs.visibility, display: cs.display, transform: cs.transform, clip: cs.clipPath, chip: r ? [r.width, r.height] : null };
    });
    check(
      "css: the host stays visible (inline !important beats page !important)",
      !!st && st.opacity === "1" && st.visibility === "visible" && st.display === "block" && st.transform === "none" && st.clip === "none" && st.chip && st.chip[0] > 20 && st.chip[1] > 5,
      JSON.stringify(st),
    );
    const quote = s && s.report && s.report.quotes[0];
    const at = quote && (await pg.evaluate(rangeRect, ["lede-quote", s.report.text.slice(quote.span[0], quote.span[1]).replace(/\s+/g, " ").trim()]));
    const red = at ? await redPixels(pg, at.rect) : -1;
    check(`css: page rules cannot restyle a quote (red pixels in the quote: ${red})`, red === 0);
    const name = s && s.report && s.report.people[0] && s.report.people[0].name;
    const pat = name && (await pg.evaluate(rangeRect, [s.report.quotes.some((q) => q.speaker === 0) ? "lede-person" : "lede-person-mentioned", name]));
    const redName = pat ? await redPixels(pg, pat.rect) : -1;
    check(`css: nor a name (red pixels: ${redName})`, redName === 0);
    await pg.close();
  }

  console.log("hostile: the page's script against the host, and synthetic clicks");
  {
    const pg = await openPage("/hostile/script");
    const s = await runLede(pg);
    check("script: analysed", !!s && !s.error, JSON.stringify(s && s.error));
    // What a page script can do with the host it finds (the test plays the page here).
    const reach = await pg.evaluate(async () => {
      const host = document.documentElement.lastElementChild;
      let attach = "none";
      try {
        host.attachShadow({ mode: "open" });
        attach = "attached";
      } catch (e) {
        attach = e.name;
      }
      host.setAttribute("style", "display: none !important; opacity: 0 !important");
      await new Promise((r) => setTimeout(r, 50));
      const cs = getComputedStyle(host);
      return { tag: host.localName, shadow: host.shadowRoot, text: host.textContent, attach, display: cs.display, opacity: cs.opacity, global: typeof globalThis.Lede };
    });
    check("script: the host is a plain div whose shadow root the page cannot open", reach.tag === "div" && reach.shadow === null && reach.text === "" && reach.attach === "NotSupportedError", JSON.stringify(reach));
    check("script: a page rewriting the host's style gets it put back", reach.display === "block" && reach.opacity === "1", JSON.stringify(reach));
    check("script: no Lede global in the page", reach.global === "undefined");
    const name = s && s.report && s.report.people[0] && s.report.people[0].name;
    const at = name && ((await pg.evaluate(rangeRect, ["lede-person", name])) || (await pg.evaluate(rangeRect, ["lede-person-mentioned", name])));
    if (at) {
      await pg.evaluate(({ x, y }) => {
        const target = document.elementFromPoint(x, y);
        target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, button: 0 }));
        target.click();
      }, at);
      await pg.waitForTimeout(100);
      check("script: synthetic clicks on a highlight open nothing", !(await pg.evaluate(cardOpen)));
      await pg.mouse.click(at.x, at.y);
      const opened = await pg.waitForFunction(cardOpen, null, { timeout: 3000 }).then(() => true, () => false);
      check("script: the reader's click on the same highlight opens its card", opened);
    } else check("script: a highlighted name to click", false, JSON.stringify(name));
    // A content script (what a compromised page world could reach) asks about another tab.
    const other = await openPage("/hostile/benign?secret=token");
    const answers = await sw.evaluate(async ([u, v]) => {
      const tabs = await chrome.tabs.query({});
      const from = tabs.find((t) => t.url === u);
      const to = tabs.find((t) => t.url === v);
      const [r] = await chrome.scripting.executeScript({
        target: { tabId: from.id },
        func: async (id) => ({
          status: await chrome.runtime.sendMessage({ kind: "status", tabId: id }),
          run: await chrome.runtime.sendMessage({ kind: "run", tabId: id }),
          auto: await chrome.runtime.sendMessage({ kind: "set-auto" }),
        }),
        args: [to.id],
      });
      return r.result;
    }, [pg.url(), other.url()]);
    const refused = (a) => !!a && a.ok === false && /extension's own pages/.test(a.error || "") && !JSON.stringify(a).includes("secret");
    check("messages: status, run and set-auto from a content script are refused", refused(answers.status) && refused(answers.run) && refused(answers.auto), JSON.stringify(answers).slice(0, 300));
    await other.close();
    await pg.close();
  }

  console.log("hostile: editors inside the article");
  {
    const pg = await openPage("/hostile/editor");
    const s = await runLede(pg);
    const text = (s && s.report && s.report.text) || "";
    check("editor: drafts in contenteditable, textarea and input are not analysed", !!s && !s.error && text.includes("Talbridge") && !/Zebulon|Yolanda|Xavier/.test(text), text.slice(0, 200));
    // The same keystrokes with Lede and in a tab where Lede never ran: identical results.
    const typeInto = async (p) => {
      await p.click("#draft p");
      await p.keyboard.press("End");
      await p.keyboard.type(" Typed here.");
      await p.keyboard.press("Control+z");
      await p.keyboard.type(" Again.");
      return p.evaluate(() => {
        const sel = getSelection();
        return { html: document.getElementById("draft").innerHTML, focus: document.activeElement && document.activeElement.id, offset: sel.focusOffset, node: sel.focusNode && sel.focusNode.textContent };
      });
    };
    // A card is open when the reader clicks into the editor: it closes, the focus stays there.
    const name = s && s.report && s.report.people[0] && s.report.people[0].name;
    const at = name && ((await pg.evaluate(rangeRect, ["lede-person", name])) || (await pg.evaluate(rangeRect, ["lede-person-mentioned", name])));
    if (at) await pg.mouse.click(at.x, at.y);
    const hadCard = await pg.waitForFunction(cardOpen, null, { timeout: 3000 }).then(() => true, () => false);
    const withLede = await typeInto(pg);
    const plain = await openPage("/hostile/editor");
    const without = await typeInto(plain);
    check("editor: text, focus, selection and undo identical with and without Lede", hadCard && JSON.stringify(withLede) === JSON.stringify(without), `${hadCard} ${JSON.stringify(withLede)} vs ${JSON.stringify(without)}`);
    check("editor: clicking into it closed the card", !(await pg.evaluate(cardOpen)));
    await plain.close();
    await pg.close();
  }

  console.log("hostile: deep DOM, huge class attributes, a lone surrogate");
  {
    const pg = await openPage("/hostile/deep");
    await pg.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([e.startTime, e.duration]))).observe({ type: "longtask" });
    });
    const s = await runLede(pg);
    const long = await pg.evaluate(() => window.__long);
    const ours = s && s.started_at !== undefined ? long.filter(([t]) => t >= s.started_at - 1 && t < s.drawn_at).map(([, d]) => Math.round(d)) : null;
    check(`deep: 2,000 levels analysed, no long task of Lede's over 200 ms (${JSON.stringify(ours)})`, !!s && !s.error && !!ours && ours.every((d) => d < 200), JSON.stringify(s && s.error));
    timings.hostile.deep_extract_ms = s && Math.round(s.extract_ms);
    await pg.close();
  }
  {
    const pg = await openPage("/hostile/classes");
    const s = await runLede(pg);
    check("classes: 300 paragraphs under a 1 MB class attribute are analysed", !!s && !s.error && (s.selected || 0) > 0, JSON.stringify(s && (s.error || s.no_article)));
    await pg.addScriptTag({ type: "module", content: 'import { extract } from "/extension/src/extract.js"; globalThis.__extract = extract;' });
    await pg.waitForFunction(() => !!globalThis.__extract);
    const longest = await pg.evaluate(() => Math.max(...globalThis.__extract(document).page.blocks.map((b) => b.path.length)));
    check(`classes: 16 tokens of at most 64 characters per segment (longest path ${longest} characters)`, longest < 4 * 16 * 66);
    await pg.close();
  }
  {
    const pg = await openPage("/hostile/surrogate");
    const s = await runLede(pg);
    const names = await pg.evaluate(() => [...(CSS.highlights.get("lede-person-mentioned") || []), ...(CSS.highlights.get("lede-person") || [])].filter((r) => r.startContainer.parentElement.id === "lone").map((r) => r.toString()));
    check("surrogate: the block with a lone surrogate keeps its highlights", !!s && !s.error && s.mismatches === 0 && names.some((n) => n.includes("Strachan")), JSON.stringify({ names, mismatches: s && s.mismatches }));
    await pg.close();
  }

  console.log("hostile: a stalling page beside a benign tab");
  {
    const stall = await openPage("/hostile/stall");
    const benign = await openPage("/hostile/benign");
    const t0 = Date.now();
    const slow = runLede(stall);
    // Wait until the stalling page's analysis is running in an engine worker.
    const stallKey = await sw.evaluate(async (u) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
      for (let i = 0; i < 400; i++) {
        const st = await self.lede.engineStatus();
        if (tab && st.running.includes(`${tab.id}:0`)) return `${tab.id}:0`;
        await new Promise((r) => setTimeout(r, 25));
      }
      return null;
    }, stall.url());
    check("stall: the stalling page's analysis is running", !!stallKey);
    // Wall clock, from the benign tab's request to its drawing: the worker may be stuck
    // in the stalling page's analysis, and then nothing of the benign tab's run even starts.
    const tb = Date.now();
    let stallDone = 0;
    slow.then(() => (stallDone = Date.now()));
    const b = await runLede(benign);
    const benignDone = Date.now();
    const answered = benignDone - tb;
    const s = await slow;
    check("stall: the benign tab was drawn before the stalling page's analysis ended", stallDone === 0 || benignDone < stallDone, `${benignDone} vs ${stallDone}`);
    timings.hostile.stall = { stall_total_ms: Date.now() - t0, stall_analyze_ms: s && Math.round(s.analyze_ms), benign_ms: answered, benign_queue_ms: b && Math.round(b.answered_ms) };
    note(`stall: the stalling page: ${s && (s.error || `${Math.round(s.analyze_ms)} ms in the engine`)}; the benign tab was done ${answered} ms after it asked`);
    check(`stall: a benign tab is answered in under 1 s while the stalling page is analysed (${answered} ms)`, !!b && !b.error && answered < 1000, JSON.stringify(b && b.error));
    // Analysed, or stopped at the time budget with a readable error (the chip says which).
    check("stall: the stalling page is answered too (analysed, or stopped at the time budget)", !!s && (!s.error || /longer than \d+ s/.test(s.error)), JSON.stringify(s && s.error));
    await stall.close();
    await benign.close();
  }

  console.log("hostile: a wasm trap in the worker");
  {
    const r = await sw.evaluate(async () => {
      // The engine class the workers run (engine.js), in the service worker for the test.
      const e = new self.lede.Engine(chrome.runtime.getURL("pkg/lede_bg.wasm"));
      await e.load();
      // Hold 64 MiB inside the instance, as a trapped call's leaked heap would.
      await e.call(({ raw }) => raw.__wbindgen_malloc(64 << 20, 8));
      const before = await e.memoryBytes();
      let error = null;
      try {
        // A real trap: an allocation no layout can hold aborts (wasm `unreachable`).
        await e.call(({ raw }) => raw.__wbindgen_malloc(0xfffffff0, 1));
      } catch (err) {
        error = err.message;
      }
      const after = await e.memoryBytes();
      // An article by the engine's own verdict (article markup and 40+ words), since a page
      // that is not one gets an empty analysis.
      const para = "Harbour pilot Wendeline Strachan said on Monday that the tide was late, and that the ferry from the island would wait at the outer mooring until the water rose again. The crossing resumed in the evening with forty passengers aboard and the mail.";
      const page = { url: null, meta: [{ kind: "meta", name: "og:type", content: "article" }], blocks: [{ text: para, tag: "p", path: "html body article p", link_chars: 0 }] };
      const report = await e.call(({ analyze_page }) => analyze_page(page));
      return { before, after, error, traps: e.traps, ok: !!report, people: report ? report.people.length : -1 };
    });
    check("trap: the failed call gets a readable error", typeof r.error === "string" && /engine failed/.test(r.error) && r.traps >= 1, JSON.stringify(r));
    check(`trap: a fresh instance, its memory released (${r.before >> 20} MiB → ${r.after >> 20} MiB)`, r.after < r.before && r.after < 32 << 20, JSON.stringify(r));
    check("trap: the next analysis works", r.ok && r.people > 0, JSON.stringify(r));
  }
}

export { exposeRoot };
