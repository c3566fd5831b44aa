/**
 * Analyses off the main thread of the extension, in a small pool of engine workers
 * (engine-worker.js), so that one slow page never holds up another tab.
 *
 * Rules, per frame ("tabId:frameId"):
 *   - a newer request replaces the older one: waiting, it is answered `{replaced: true}`
 *     at once; already running, its worker is terminated (the only way to stop a wasm
 *     call) and replaced by a fresh one;
 *   - an analysis that runs past the time budget is stopped the same way and answered
 *     with a readable error;
 *   - with every worker busy, waiting frames take turns (TabQueue order).
 *
 * Where it runs: the Firefox background page has `Worker`; a Chromium service worker
 * has not, so there the pool lives in an offscreen document (offscreen.js) and the
 * service worker talks to it with runtime messages.
 *
 * Example:
 *   const pool = new EnginePool(workerUrl, { size: 2, budgetMs: 30_000 });
 *   const res = await pool.analyze("12:0", page);
 */

import { REPLACED, replaceWaiting } from "./queue.js";

/**
 * The time budget of one analysis. The engine's own inputs are capped (2 MB of text,
 * analysed in about 5 s on a laptop); past this, something is wrong with the page and
 * the worker is stopped rather than left running.
 */
const BUDGET_MS = 30_000;
/** Workers at most: one slow page and one other tab at the same time, on two cores. */
const POOL_SIZE = 2;

/** @typedef {import("./messages.js").AnalyzeResponse} AnalyzeResponse */
/** @typedef {{key: string, page: import("./messages.js").Page, resolve: (r: AnalyzeResponse) => void}} Job */
/** @typedef {{worker: Worker, job: Job|null, id: number, timer: any}} Slot */

export class EnginePool {
  /**
   * @param {string} workerUrl  engine-worker.js
   * @param {{size?: number, budgetMs?: number}} [opts]
   */
  constructor(workerUrl, opts = {}) {
    this.workerUrl = workerUrl;
    this.size = opts.size || POOL_SIZE;
    this.budgetMs = opts.budgetMs || BUDGET_MS;
    /** @type {Slot[]} */
    this.slots = [];
    /** Waiting jobs by key, in turn order. @type {Map<string, Job>} */
    this.waiting = new Map();
    this.nextId = 1;
    /** Workers stopped (replaced or over budget), for the tests. */
    this.stopped = 0;
    // One worker ready from the start (its wasm compiles while the first page is read).
    this.slots.push(this.newSlot());
  }

  /** @returns {Slot} */
  newSlot() {
    const slot = /** @type {Slot} */ ({ worker: /** @type {any} */ (null), job: null, id: 0, timer: 0 });
    this.attach(slot);
    return slot;
  }

  /**
   * Gives the slot a fresh worker.
   * @param {Slot} slot
   */
  attach(slot) {
    const worker = new Worker(this.workerUrl, { type: "module" });
    worker.onmessage = (ev) => {
      const { id, res } = ev.data || {};
      if (slot.worker === worker && slot.job && id === slot.id) this.finish(slot, res);
    };
    worker.onerror = () => {
      if (slot.worker === worker && slot.job) this.restart(slot, { ok: false, error: "the engine worker failed on this page and was restarted" });
    };
    slot.worker = worker;
  }

  /**
   * @param {string} key  the frame asking
   * @param {import("./messages.js").Page} page
   * @returns {Promise<AnalyzeResponse>}
   */
  analyze(key, page) {
    replaceWaiting(this.waiting, key);
    const running = this.slots.find((s) => s.job && s.job.key === key);
    if (running) this.restart(running, { ...REPLACED });
    return new Promise((resolve) => {
      this.waiting.set(key, { key, page, resolve });
      this.pump();
    });
  }

  /** Starts waiting jobs on free workers (spawning up to `size`). */
  pump() {
    for (;;) {
      const next = this.waiting.values().next();
      if (next.done) return;
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.size) this.slots.push((slot = this.newSlot()));
      if (!slot) return;
      const job = next.value;
      this.waiting.delete(job.key);
      slot.job = job;
      slot.id = this.nextId++;
      const s = /** @type {Slot} */ (slot);
      s.timer = setTimeout(() => this.restart(s, { ok: false, error: `the analysis took longer than ${Math.round(this.budgetMs / 1000)} s and was stopped` }), this.budgetMs);
      slot.worker.postMessage({ id: slot.id, page: job.page });
    }
  }

  /**
   * @param {Slot} slot
   * @param {AnalyzeResponse} res
   */
  finish(slot, res) {
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    if (job) job.resolve(res);
    this.pump();
  }

  /**
   * Stops the slot's worker (a wasm call cannot be interrupted otherwise), answers its
   * job with `res`, and puts a fresh worker in its place.
   * @param {Slot} slot
   * @param {AnalyzeResponse} res
   */
  restart(slot, res) {
    slot.worker.terminate();
    this.stopped++;
    this.attach(slot);
    this.finish(slot, res);
  }

  /** How busy the pool is (for the tests and the popup). */
  status() {
    return { workers: this.slots.length, running: this.slots.filter((s) => s.job).map((s) => s.job && s.job.key), waiting: [...this.waiting.keys()], stopped: this.stopped };
  }
}
