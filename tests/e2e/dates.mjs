// "Dates on the real web", end to end: on every dev news page that has a reader's gold
// (shared/eval/page_gold/<name>.json, read at test time), the extension and the CLI
// (`lede analyze --html --url …`) must read the same publication date from the same
// source, and the status chip must say it in words (never a TIMEX code). run.mjs serves the
// saved pages under /pages/<name> and calls `datesChecks`; `E2E_ONLY=dates` runs only this.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The report's publication date as the parity compares it. */
function dateOf(published) {
  return published ? `${published.value} (${published.source})` : "none";
}

export async function datesChecks({ openPage, runLede, check, note, shared, base, cliAnalyze }) {
  if (!shared) return;
  const goldDir = join(shared, "eval", "page_gold");
  const names = readdirSync(goldDir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .filter((n) => existsSync(join(shared, "eval", "pages", n, "source.html")));
  check("dates: the dev pages with a reader's gold are found", names.length >= 20, `${names.length} pages`);
  let agree = 0;
  for (const name of names) {
    const pg = await openPage(`/pages/${name}`);
    const s = await runLede(pg);
    if (!s || s.error) {
      check(`dates: ${name}: the extension analyses the page`, false, JSON.stringify(s && s.error));
      await pg.close();
      continue;
    }
    const html = readFileSync(join(shared, "eval", "pages", name, "source.html"), "utf8");
    const cli = cliAnalyze(html, `${base}/pages/${name}`);
    if (cli.error) {
      check(`dates: ${name}: the CLI reads the same page`, false, cli.error);
      await pg.close();
      continue;
    }
    const ext = dateOf(s.report.published);
    const same = ext === dateOf(cli.published);
    check(`dates: ${name}: the extension and the CLI read the same publication date and source`, same, `extension ${ext}, CLI ${dateOf(cli.published)}`);
    if (same) agree += 1;
    const chip = await pg.evaluate(() => globalThis.__ledeRoot?.querySelector(".chip")?.textContent ?? "");
    const named = s.report.published ? chip.includes(`published ${s.report.published.value}`) : chip.length > 0;
    check(`dates: ${name}: the chip names the date without a TIMEX code`, named && !/XXXX|PRESENT_REF|PAST_REF|FUTURE_REF|\bP\d+[YMWD]\b/.test(chip), chip.slice(0, 160));
    await pg.close();
  }
  note(`dates: extension and CLI agree on the publication date and its source on ${agree} of ${names.length} dev pages`);
}
