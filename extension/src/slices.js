/**
 * Long work in the page, in slices: the walk (extract.js) and the drawing (overlay) are
 * generators that yield every few hundred steps; these run them to the end, at once or
 * giving the main thread back whenever a slice has run for `budgetMs`.
 *
 * Example:
 *   const extracted = await runSliced(extractJob(doc), 20, yieldToPage);
 */

/** Lets the page run: `scheduler.yield()` where there is one, a macrotask otherwise. */
export function yieldToPage() {
  const s = /** @type {any} */ (globalThis).scheduler;
  if (s && typeof s.yield === "function") return s.yield();
  return new Promise((ok) => setTimeout(ok, 0));
}

/**
 * @template T
 * @param {Generator<unknown, T>} job
 * @returns {T}
 */
export function runToEnd(job) {
  for (let step = job.next(); ; step = job.next()) if (step.done) return step.value;
}

/**
 * @template T
 * @param {Generator<unknown, T>} job
 * @param {number} budgetMs  how long a slice may run
 * @param {() => Promise<unknown>} pause  how to give the thread back
 * @returns {Promise<T>}
 */
export async function runSliced(job, budgetMs, pause) {
  let sliceStart = performance.now();
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart > budgetMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}
