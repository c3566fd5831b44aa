/**
 * The service worker's analysis queue: one engine, many tabs.
 *
 * Why: the engine runs one analysis at a time, synchronously, in the worker. Served in
 * arrival order, one huge page (or a page that keeps re-rendering) would hold up every
 * other tab. So each frame ("tabId:frameId") has at most one waiting request, a newer
 * request from the same frame replaces the older one (which is answered at once with
 * `{ok: false, replaced: true}`), and waiting frames take turns: a frame that asks
 * again goes to the back. Between two analyses the worker gives its event loop back,
 * so messages from other tabs are read (and queued) in between.
 *
 * Example:
 *   const q = new TabQueue((page) => engine.analyze(page));
 *   const res = await q.submit("12:0", page);   // the report, or {ok:false, replaced:true}
 */

/** The answer of a request a newer one from the same frame replaced. */
export const REPLACED = Object.freeze({ ok: /** @type {false} */ (false), error: "a newer request from this page replaced this one", replaced: /** @type {true} */ (true) });

/**
 * Drops the request waiting under `key`, if any, answering it {@link REPLACED}.
 * @param {Map<string, {resolve: (r: any) => void}>} waiting
 * @param {string} key
 */
export function replaceWaiting(waiting, key) {
  const older = waiting.get(key);
  if (!older) return;
  waiting.delete(key);
  older.resolve({ ...REPLACED });
}

/**
 * @template T, R
 */
export class TabQueue {
  /** @param {(job: T) => R | Promise<R>} run */
  constructor(run) {
    this.run = run;
    /** Waiting requests by key, in turn order (a Map keeps insertion order). @type {Map<string, {job: T, resolve: (r: R | {ok: false, error: string, replaced: true}) => void, reject: (e: unknown) => void}>} */
    this.waiting = new Map();
    this.busy = false;
  }

  /**
   * Queues `job` for `key`, replacing a request of the same key that has not started.
   * @param {string} key
   * @param {T} job
   * @returns {Promise<R | {ok: false, error: string, replaced: true}>}
   */
  submit(key, job) {
    replaceWaiting(this.waiting, key);
    return new Promise((resolve, reject) => {
      this.waiting.set(key, { job, resolve, reject });
      if (!this.busy) this.pump();
    });
  }

  /** How many requests wait (not counting the one running). */
  get size() {
    return this.waiting.size;
  }

  async pump() {
    this.busy = true;
    try {
      for (;;) {
        // Let the event loop read what arrived meanwhile (it may replace or add requests).
        await new Promise((ok) => setTimeout(ok, 0));
        const next = this.waiting.entries().next();
        if (next.done) break;
        const [key, entry] = next.value;
        this.waiting.delete(key);
        try {
          entry.resolve(await this.run(entry.job));
        } catch (e) {
          entry.reject(e);
        }
      }
    } finally {
      this.busy = false;
    }
  }
}
