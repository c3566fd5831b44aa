#!/usr/bin/env python3
"""Writes docs/performance.md and docs/performance.svg from the benchmark outputs.

Stage: benchmarks (reporting). Input (each optional; a missing one is reported as such):
``target/criterion/analyze/<words>/new/estimates.json`` (``cargo bench --bench analyze``),
``target/bench/node.json`` (``bench/node_bench.mjs``), ``target/bench/size.json``
(``scripts/size.sh --json``), ``bench/browser_timings.json`` (written by the extension's
e2e run). Output: the Markdown page and an SVG plot (drawn here, no plotting library) of
analysis time against article length. Python 3.11 standard library only.

Example: ``python3 bench/report.py`` (``scripts/bench.sh`` runs it last).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import platform
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CRITERION = REPO / "target/criterion/analyze"
CRITERION_CPU = REPO / "target/criterion/analyze_cpu"
NODE = REPO / "target/bench/node.json"
ONE_PROCESS = REPO / "target/bench/one_process.json"
SIZE = REPO / "target/bench/size.json"
BROWSER = REPO / "bench/browser_timings.json"
DOC = REPO / "docs/performance.md"
SVG = REPO / "docs/performance.svg"
TARGET_MS_PER_1K = 5.0

LABELS = {
    "native": "Lede (native, criterion)",
    "lede": "Lede (wasm in Node)",
    "compromise": "compromise (people)",
    "compromise-dates": "compromise + dates (people, dates)",
    "chrono": "chrono-node (dates)",
}
COLOURS = {
    "native": "#1b5e20",
    "lede": "#43a047",
    "compromise": "#1e88e5",
    "compromise-dates": "#8e24aa",
    "chrono": "#fb8c00",
}


def sh(*cmd: str) -> str:
    try:
        return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine() -> dict[str, str]:
    model = ""
    for line in sh("lscpu").splitlines():
        if line.startswith("Model name:"):
            model = line.split(":", 1)[1].strip()
    load = ""
    try:
        load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        pass
    commit = sh("git", "rev-parse", "--short", "HEAD")
    if sh("git", "status", "--porcelain", "--untracked-files=no"):
        commit += " (with uncommitted changes)"
    return {
        "cpu": model or platform.processor() or "unknown",
        "cores": str(os.cpu_count() or "?"),
        "load": load,
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit or "unknown",
        "rustc": sh("rustc", "--version"),
        "node": sh("node", "--version"),
    }


def native_results(base: Path = CRITERION) -> list[dict]:
    """[{words, mean_ms, low_ms, high_ms}] from criterion's estimates, sorted by length
    (values in ns in both groups: wall clock for `analyze`, thread CPU for `analyze_cpu`)."""
    out = []
    if not base.is_dir():
        return out
    for d in base.iterdir():
        est = d / "new/estimates.json"
        if not d.name.isdigit() or not est.is_file():
            continue
        e = json.loads(est.read_text())
        mean = e["mean"]
        out.append(
            {
                "words": int(d.name),
                "mean_ms": mean["point_estimate"] / 1e6,
                "low_ms": mean["confidence_interval"]["lower_bound"] / 1e6,
                "high_ms": mean["confidence_interval"]["upper_bound"] / 1e6,
            }
        )
    return sorted(out, key=lambda r: r["words"])


def load_json(p: Path):
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None


# --------------------------------------------------------------------------- SVG


def svg_plot(series: dict[str, list[tuple[float, float]]]) -> str:
    """Log-log plot of milliseconds against words, one polyline per series, with the
    5 ms per 1,000 words target as a dashed line."""
    W, H = 760, 460
    L, R, T, B = 70, 250, 30, 55
    pts = [p for s in series.values() for p in s if p[1] > 0]
    if not pts:
        return ""
    xmin, xmax = 10 ** math.floor(math.log10(min(p[0] for p in pts))), 10 ** math.ceil(math.log10(max(p[0] for p in pts)))
    ymin = 10 ** math.floor(math.log10(min(min(p[1] for p in pts), TARGET_MS_PER_1K * xmin / 1000)))
    ymax = 10 ** math.ceil(math.log10(max(max(p[1] for p in pts), TARGET_MS_PER_1K * xmax / 1000)))

    def X(x: float) -> float:
        return L + (math.log10(x) - math.log10(xmin)) / (math.log10(xmax) - math.log10(xmin)) * (W - L - R)

    def Y(y: float) -> float:
        return H - B - (math.log10(y) - math.log10(ymin)) / (math.log10(ymax) - math.log10(ymin)) * (H - T - B)

    def num(v: float) -> str:
        return f"{v:,.0f}" if v >= 1 else f"{v:g}"

    o = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">',
        f'<rect width="{W}" height="{H}" fill="white"/>',
        f'<text x="{L}" y="18" font-size="14" font-weight="bold">CPU time per analysis against article length (log–log)</text>',
    ]
    e = math.log10(xmin)
    while e <= math.log10(xmax) + 1e-9:
        x = X(10**e)
        o.append(f'<line x1="{x:.1f}" y1="{T}" x2="{x:.1f}" y2="{H - B}" stroke="#ddd"/>')
        o.append(f'<text x="{x:.1f}" y="{H - B + 16}" text-anchor="middle">{num(10 ** e)}</text>')
        e += 1
    e = math.log10(ymin)
    while e <= math.log10(ymax) + 1e-9:
        y = Y(10**e)
        o.append(f'<line x1="{L}" y1="{y:.1f}" x2="{W - R}" y2="{y:.1f}" stroke="#ddd"/>')
        o.append(f'<text x="{L - 6}" y="{y + 4:.1f}" text-anchor="end">{num(10 ** e)}</text>')
        e += 1
    o.append(f'<rect x="{L}" y="{T}" width="{W - L - R}" height="{H - T - B}" fill="none" stroke="#555"/>')
    o.append(f'<text x="{(L + W - R) / 2}" y="{H - 15}" text-anchor="middle">words per article</text>')
    o.append(f'<text transform="translate(16 {(T + H - B) / 2}) rotate(-90)" text-anchor="middle">CPU milliseconds per analysis</text>')
    # Target: 5 ms per 1,000 words.
    o.append(
        f'<line x1="{X(xmin):.1f}" y1="{Y(TARGET_MS_PER_1K * xmin / 1000):.1f}" x2="{X(xmax):.1f}" '
        f'y2="{Y(TARGET_MS_PER_1K * xmax / 1000):.1f}" stroke="#c62828" stroke-dasharray="6 4"/>'
    )
    legend = [("target: 5 ms / 1,000 words", "#c62828", True)]
    for name, s in series.items():
        s = sorted(p for p in s if p[1] > 0)
        if not s:
            continue
        c = COLOURS.get(name, "#000")
        o.append(f'<polyline fill="none" stroke="{c}" stroke-width="2" points="{" ".join(f"{X(x):.1f},{Y(y):.1f}" for x, y in s)}"/>')
        for x, y in s:
            o.append(f'<circle cx="{X(x):.1f}" cy="{Y(y):.1f}" r="3.5" fill="{c}"><title>{LABELS.get(name, name)}: {x:,} words, {y:.2f} ms</title></circle>')
        legend.append((LABELS.get(name, name), c, False))
    for i, (label, c, dashed) in enumerate(legend):
        y = T + 10 + 20 * i
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        o.append(f'<line x1="{W - R + 12}" y1="{y}" x2="{W - R + 36}" y2="{y}" stroke="{c}" stroke-width="2"{dash}/>')
        o.append(f'<text x="{W - R + 42}" y="{y + 4}">{label}</text>')
    o.append("</svg>")
    return "\n".join(o) + "\n"


# --------------------------------------------------------------------------- Markdown


def fmt_ms(v: float) -> str:
    return f"{v:.3f}" if v < 1 else f"{v:,.1f}" if v >= 100 else f"{v:.2f}"


def fmt_ratio(r: float | None) -> str:
    if not r:
        return "–"
    return f"{r:,.0f}×" if r >= 10 else f"{r:.2g}×"


STAGES = ["text", "people", "quotes", "time", "checks", "timeline"]


def one_process_section(r: dict | None) -> list[str]:
    """The "Instant" targets from bench/one_process.mjs: warm against chrono-node in one
    process, and a fresh process's first analysis against a warm one, stage by stage."""
    lines = ["", "## Node, one process: warm against chrono-node; the first analysis (`bench/one_process.mjs`)", ""]
    if not r:
        return lines + ["Not recorded: target/bench/one_process.json is absent (node, node_modules or the wasm build missing)."]
    w, c = r["warm"], r["cold"]
    lines += [
        f"Warm, {w['articles']} BBC articles ({w['words']:,} words) in one process: Lede's whole analysis "
        f"{fmt_ms(w['lede_ms'])} ms, chrono-node's `parse` alone {fmt_ms(w['chrono_ms'])} ms: "
        f"ratio chrono/Lede {w['ratio']:.2f} (the target is at least 1).",
        "",
        f"A fresh process, one {c['words']}-word article (median of {len(c['runs'])} processes): instantiate "
        f"{fmt_ms(c['instantiate_ms'])} ms, first analysis {fmt_ms(c['first_ms'])} ms, warm {fmt_ms(c['warm_ms'])} ms: "
        f"first/warm {c['first_over_warm']:.1f}× (the target is at most 10×).",
    ]
    stages = c.get("stages") or {}
    if stages:
        lines += ["", "| stage | first analysis ms | warm ms |", "|---|---:|---:|"]
        for k in STAGES:
            if k in stages:
                lines.append(f"| {k} | {fmt_ms(stages[k]['first_ms'])} | {fmt_ms(stages[k]['warm_ms'])} |")
        lines += [
            "",
            "Stage times are the engine's own (`stage_ms`, read off `performance.now()` in the module,",
            "as in the extension's worker). Where the first",
            "analysis goes: natively (callgrind, the seed article) 51% of a first analysis's",
            "instructions are `Regex::new` for the checks' patterns, all built once per process behind",
            "`LazyLock`s, and 8% load the WordNet event groups. In wasm the checks' first run is",
            "most of the first analysis, and far dearer than natively (about 17 ms for all checks'",
            "first use natively on an idle machine). Why pattern building costs so much more in",
            "wasm is not established: it is not V8's baseline tier alone (`node --no-liftoff`, every",
            "function optimised before it runs, made the first analysis slower, not faster), and",
            "building the regex crates at opt-level 3 inside the size-optimised module changed",
            "nothing measurable. The way out is to build fewer patterns at run time (issue 16).",
        ]
    return lines


def main() -> None:
    m = machine()
    native = native_results()
    node = load_json(NODE) or {}
    size = load_json(SIZE)
    browser = load_json(BROWSER)
    lines = [
        "# Performance",
        "",
        f"Generated by `make bench` (`scripts/bench.sh`) on {m['date']}, commit {m['commit']}.",
        f"Machine: {m['cpu']}, {m['cores']} cores, load average {m['load']} at the end of the run "
        f"(the machine is shared; timings under load are pessimistic); {m['rustc']}; Node {m['node']}.",
        "Benchmarks report; they never fail a build because a machine is slow.",
        "",
        "Articles: real news texts from `shared/eval/news` (PolNeAR, then BBC), concatenated and cut",
        "after exactly N words; the same texts for every engine. When that data is absent, the",
        "benchmarks fall back to text generated from our own sentence patterns.",
        "",
        "## Native (criterion, `cargo bench --bench analyze`)",
        "",
    ]
    native_cpu = {r["words"]: r for r in native_results(CRITERION_CPU)}
    if native:
        lines += [
            "Mean of 10 samples; *wall* is elapsed time, *CPU* the benchmark thread's CPU time",
            "(`/proc/thread-self/schedstat`), which waiting for a core on a loaded machine does not inflate.",
            "",
            "| words | wall ms (95% CI) | wall ms per 1,000 words | CPU ms | CPU ms per 1,000 words | words/s (CPU) |",
            "|---:|---:|---:|---:|---:|---:|",
        ]
        for r in native:
            per_k = r["mean_ms"] / r["words"] * 1000
            c = native_cpu.get(r["words"])
            cpu_cells = (
                f"{fmt_ms(c['mean_ms'])} | {c['mean_ms'] / r['words'] * 1000:.3f} | {r['words'] / c['mean_ms'] * 1000:,.0f}"
                if c
                else "– | – | –"
            )
            lines.append(
                f"| {r['words']:,} | {fmt_ms(r['mean_ms'])} ({fmt_ms(r['low_ms'])}–{fmt_ms(r['high_ms'])}) | {per_k:.3f} | {cpu_cells} |"
            )
        basis = list(native_cpu.values()) or native
        kind = "CPU time" if native_cpu else "wall time"
        worst = max(r["mean_ms"] / r["words"] * 1000 for r in basis)
        worst_wall = max(r["mean_ms"] / r["words"] * 1000 for r in native)
        big = sorted((r for r in basis if r["words"] >= 1000), key=lambda r: r["words"])
        lines.append("")
        lines.append(
            f"Target ≤ {TARGET_MS_PER_1K:g} ms per 1,000 words: {'met' if worst <= TARGET_MS_PER_1K else 'NOT met'} in {kind} "
            f"(worst {worst:.3f} ms per 1,000 words; wall clock on this loaded machine: worst {worst_wall:.3f})."
        )
        if len(big) >= 2:
            a, b = big[0], big[-1]
            slope = math.log(b["mean_ms"] / a["mean_ms"]) / math.log(b["words"] / a["words"])
            lines.append(
                f"Scaling from {a['words']:,} to {b['words']:,} words ({kind}): time grows as words^{slope:.2f} "
                f"(1.00 is linear; ms per 1,000 words {a['mean_ms'] / a['words'] * 1000:.3f} → {b['mean_ms'] / b['words'] * 1000:.3f})."
            )
    else:
        lines.append("Not measured in this run (criterion output missing).")
    lines += ["", "## Node: Lede's wasm against the peers (`bench/node_bench.mjs`)", ""]
    engines = node.get("engines") or {}
    if engines:
        lines += [
            f"Node {node.get('node', '?')}; each engine in its own process; after a warm-up run, the median of at least 3 samples, "
            "each averaging as many runs as fill 200 ms (1 run when the warm-up took over 2 s; a size is skipped when one",
            "run would take over 20 s).",
            "Lede does everything (people, quotes, times, checks); compromise only `people()`;",
            "compromise + dates `people()` and `dates()`; chrono-node only dates. The last column is",
            "the peer's CPU time divided by Lede's (wasm) on the same text: above 1× the peer is slower.",
            "A second of work on a 1,000-word text precedes the measurements (V8 tiers wasm and JS up",
            "in the background). CPU time is the process's (`process.cpuUsage`, GC threads included).",
            "",
            "| engine | words | wall ms | CPU ms | words/s (CPU) | CPU time vs Lede |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for name, e in engines.items():
            if e.get("error"):
                lines.append(f"| {LABELS.get(name, name)} | – | – | – | not run: {e['error'][:80]} |")
                continue
            for r in e.get("results") or []:
                if r.get("skipped"):
                    lines.append(f"| {LABELS.get(name, name)} | {r['words']:,} | skipped | – | – | {r['skipped']} |")
                    continue
                ratio = r.get("ratio_to_lede")
                lines.append(
                    f"| {LABELS.get(name, name)} | {r['words']:,} | {fmt_ms(r['median_ms'])} | "
                    f"{fmt_ms(r['cpu_ms']) if r.get('cpu_ms') else '–'} | "
                    f"{format(r['cpu_words_per_s'], ',.0f') if r.get('cpu_words_per_s') else '–'} | {fmt_ratio(ratio)} |"
                )
        if (engines.get("lede") or {}).get("instantiate_ms") is not None:
            lines += ["", f"Wasm instantiation in Node (`initSync` on the module bytes): {engines['lede']['instantiate_ms']:.1f} ms."]
    else:
        lines.append("Not measured in this run (`target/bench/node.json` missing).")

    series: dict[str, list[tuple[float, float]]] = {}
    # The plot shows CPU time (what the analysis costs, whatever else the machine runs).
    if native_cpu:
        series["native"] = [(r["words"], r["mean_ms"]) for r in native_cpu.values()]
    elif native:
        series["native"] = [(r["words"], r["mean_ms"]) for r in native]
    for name, e in engines.items():
        pts = [(r["words"], r.get("cpu_ms") or r["median_ms"]) for r in e.get("results") or [] if r.get("median_ms")]
        if pts:
            series[name] = pts
    plot = svg_plot(series)
    if plot:
        SVG.parent.mkdir(parents=True, exist_ok=True)
        SVG.write_text(plot, encoding="utf-8")
        lines += ["", "![CPU time per analysis against article length, log–log](performance.svg)"]

    lines += one_process_section(load_json(ONE_PROCESS))

    lines += ["", "## Size", ""]
    if size:
        over = size["wasm_gzip"] > size["limit_gzip"]
        lines += [
            "| what | bytes |",
            "|---|---:|",
            f"| wasm module, raw (`extension/pkg/lede_bg.wasm`) | {size['wasm_raw']:,} |",
            f"| wasm module, gzip -9 | {size['wasm_gzip']:,} |",
            f"| wasm-bindgen glue (`lede.js`) | {size['glue_js']:,} |",
            f"| extension folder (`extension/`, {size['extension_files']} files) | {size['extension_bytes']:,} |",
            "",
            f"Ceiling (CI, `scripts/size.sh`): {size['limit_gzip']:,} bytes gzipped — {'EXCEEDED' if over else 'within'}.",
        ]
    else:
        lines.append("Not measured in this run (the wasm module was not built).")

    lines += [
        "",
        "Linear time on hostile input (n against 4n bytes, checked in CI): see `docs/linear-time.md`.",
    ]
    lines += [
        "",
        "## In the browser",
        "",
        "Measured by the extension's end-to-end run (`tests/e2e`), which writes",
        "`bench/browser_timings.json` with the keys `instantiate_ms`, `seed_analyze_ms`,",
        "`pages` ({name: analyze_ms}) and `first_highlight_ms`; `make bench` copies them here.",
        "The browser stops an idle extension worker after about 30 s; the next article then",
        "pays for instantiating the wasm and for the first analysis in it, which builds the",
        "engine's regular expressions (most of that time is the browser compiling and running",
        "the regex crate's builder for the first time). The `cold` rows stop the worker",
        "through the DevTools protocol and analyse the seed from the popup.",
        "",
    ]
    if browser:
        lines += ["| what | ms |", "|---|---:|"]
        for key, label in (
            ("instantiate_ms", "wasm instantiation"),
            ("seed_analyze_ms", "analysis of the seed article"),
            ("first_highlight_ms", "time to first highlight"),
        ):
            if browser.get(key) is not None:
                lines.append(f"| {label} | {browser[key]:.1f} |")
        for name, v in sorted((browser.get("pages") or {}).items()):
            if v is not None:
                lines.append(f"| analysis of page `{name}` | {v:.1f} |")
        cold = browser.get("cold") or {}
        for key, label in (
            ("instantiate_ms", "cold worker: wasm instantiation"),
            ("warm_up_ms", "cold worker: warm-up analysis (builds the patterns; runs while the tab is read)"),
            ("analyze_ms", "cold worker: analysis of the seed article"),
            ("popup_to_result_ms", "cold worker: from opening the popup to its result"),
        ):
            if cold.get(key) is not None:
                lines.append(f"| {label} | {cold[key]:.1f} |")
        extra = {k: v for k, v in browser.items() if k not in ("instantiate_ms", "seed_analyze_ms", "first_highlight_ms", "pages", "cold")}
        if extra:
            lines += ["", "Also recorded: " + ", ".join(f"`{k}` = {v}" for k, v in sorted(extra.items()))]
    else:
        lines.append("Not yet recorded: `bench/browser_timings.json` is absent (run `make e2e`, then `make bench`).")
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {DOC.relative_to(REPO)}" + (f" and {SVG.relative_to(REPO)}" if plot else ""))


if __name__ == "__main__":
    main()
