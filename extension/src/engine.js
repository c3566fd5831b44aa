/**
 * The wasm engine as the service worker holds it: one instance at a time, replaced
 * by a fresh one when it traps.
 *
 * Why: a Rust panic in wasm32 cannot unwind; the call throws a `WebAssembly.RuntimeError`
 * and the instance's heap is left as the panic found it (allocations never freed: 200
 * trapping calls grew the memory from 1 MiB to 510 MiB). So after a trap the instance
 * is dropped (`__lede_reset`, added to the glue by scripts/build-wasm.sh), the compiled
 * module is instantiated again (no refetch, no recompile), and the failed request is
 * answered with a readable error. The old instance's memory goes with it.
 *
 * Example:
 *   const engine = new Engine(chrome.runtime.getURL("pkg/lede_bg.wasm"));
 *   const report = await engine.call((e) => e.analyze_article_page(page));   // throws EngineTrap on a trap
 */
import init, { __lede_reset, analyze_article_page, analyze_page, initSync } from "../pkg/lede.js";

/** Thrown for a request the engine trapped on; the engine is already fresh again. */
export class EngineTrap extends Error {}

export class Engine {
  /** @param {string} wasmUrl */
  constructor(wasmUrl) {
    this.wasmUrl = wasmUrl;
    /** @type {Promise<WebAssembly.Module> | null} */
    this.module = null;
    /** @type {Promise<any> | null} the raw exports of the live instance */
    this.exports = null;
    /** @type {number|null} */
    this.instantiateMs = null;
    /** Traps survived since the worker started (for the tests and the popup). */
    this.traps = 0;
  }

  /** Compiles once, instantiates once per life of an instance. Resolves with the raw exports. */
  load() {
    if (!this.exports) {
      const t = performance.now();
      this.module ||= fetch(this.wasmUrl).then(async (res) => {
        try {
          return await WebAssembly.compileStreaming(res.clone());
        } catch {
          return WebAssembly.compile(await res.arrayBuffer()); // served without the wasm MIME type
        }
      });
      this.module.catch(() => (this.module = null));
      this.exports = this.module.then((module) => init({ module_or_path: module })).then((exports) => {
        this.instantiateMs = performance.now() - t;
        return exports;
      });
      this.exports.catch(() => (this.exports = null)); // let the next request try again
    }
    return this.exports;
  }

  /**
   * Runs `fn` against the engine. A trap replaces the instance and throws EngineTrap.
   * @template T
   * @param {(api: {analyze_page: typeof analyze_page, analyze_article_page: typeof analyze_article_page, raw: any}) => T} fn
   * @returns {Promise<T>}
   */
  async call(fn) {
    const raw = await this.load();
    try {
      return fn({ analyze_page, analyze_article_page, raw });
    } catch (e) {
      if (!(e instanceof WebAssembly.RuntimeError)) throw e;
      this.traps++;
      const module = await /** @type {Promise<WebAssembly.Module>} */ (this.module);
      __lede_reset();
      this.exports = Promise.resolve(initSync({ module }));
      throw new EngineTrap(`the engine failed on this page and was restarted (${e.message})`);
    }
  }

  /** Bytes of linear memory the live instance holds (the tests check a trap releases it). */
  async memoryBytes() {
    const raw = await this.load();
    return raw.memory.buffer.byteLength;
  }
}
