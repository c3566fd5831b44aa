// Test-only access to Lede's overlay, whose shadow root is CLOSED (no page script, and so
// no page.evaluate, can reach it). Through the DevTools protocol, which sees closed roots,
// `exposeRoot(page)` puts the newest Lede host and its shadow root into the page's main
// world as `globalThis.__ledeHost` / `__ledeRoot` (and every host as `__ledeHosts`), for
// the assertions that follow. A Lede host: a <div> child of <html> with a closed shadow
// root (the page under test makes none of its own). Nothing here ships in the extension.
//
// `instrument(page)` makes every `page.evaluate` / `page.waitForFunction` whose function
// mentions `__lede` expose the root first (waitForFunction then polls from Node).

const sessions = new WeakMap();

async function cdpFor(page) {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

/** Finds Lede's hosts in the main frame and exposes them; resolves with how many there are. */
export async function exposeRoot(page) {
  const cdp = await cdpFor(page);
  const { root } = await cdp.send("DOM.getDocument", { depth: 2, pierce: true });
  const html = (root.children || []).find((n) => n.nodeName === "HTML");
  const hosts = ((html && html.children) || []).filter((n) => n.nodeName === "DIV" && (n.shadowRoots || []).some((r) => r.shadowRootType === "closed"));
  const objs = [];
  for (const h of hosts) {
    const shadow = h.shadowRoots.find((r) => r.shadowRootType === "closed");
    const [{ object: host }, { object: sr }] = await Promise.all([
      cdp.send("DOM.resolveNode", { backendNodeId: h.backendNodeId }),
      cdp.send("DOM.resolveNode", { backendNodeId: shadow.backendNodeId }),
    ]);
    objs.push([host.objectId, sr.objectId]);
  }
  const { object: glob } = await cdp.send("Runtime.evaluate", { expression: "globalThis.__ledeHosts = []; globalThis.__ledeHost = null; globalThis.__ledeRoot = null; globalThis", returnByValue: false });
  for (const [host, sr] of objs) {
    await cdp.send("Runtime.callFunctionOn", {
      objectId: host,
      functionDeclaration: "function (root) { globalThis.__ledeHosts.push(this); globalThis.__ledeHost = this; globalThis.__ledeRoot = root; }",
      arguments: [{ objectId: sr }],
    });
  }
  if (glob && glob.objectId) await cdp.send("Runtime.releaseObject", { objectId: glob.objectId }).catch(() => {});
  return objs.length;
}

const wantsRoot = (fn) => typeof fn === "function" && /__lede/.test(fn.toString());

/** Wraps `page.evaluate` and `page.waitForFunction` so that functions naming `__lede…` see the current root. */
export function instrument(page) {
  if (page.__ledeInstrumented) return page;
  page.__ledeInstrumented = true;
  const evaluate = page.evaluate.bind(page);
  const evaluateHandle = page.evaluateHandle.bind(page);
  const waitForFunction = page.waitForFunction.bind(page);
  page.evaluate = async (fn, arg) => {
    if (wantsRoot(fn)) await exposeRoot(page).catch(() => 0);
    return evaluate(fn, arg);
  };
  page.waitForFunction = async (fn, arg, opts = {}) => {
    if (!wantsRoot(fn)) return waitForFunction(fn, arg, opts);
    const end = Date.now() + (opts.timeout ?? 30_000);
    for (;;) {
      await exposeRoot(page).catch(() => 0);
      const h = await evaluateHandle(fn, arg).catch(() => null);
      if (h && (await h.evaluate((v) => !!v).catch(() => false))) return h;
      if (Date.now() > end) throw new Error("waitForFunction: timeout (with the Lede root exposed)");
      await new Promise((ok) => setTimeout(ok, 50));
    }
  };
  return page;
}
