#!/usr/bin/env python3
"""Lede's accuracy harness: runs ``lede batch`` once per evaluation set and scores it.

Stage: evaluation (outside the crate). Input: the third-party sets in ``shared/eval``
(see ``sets.py``) and the release binary ``target/release/lede``. Output: one table of
scores on stdout; optionally ``docs/accuracy.md`` (``--write-docs``), a gate against
``tests/eval/floors.json`` (``--gate``) and the same scores for peer libraries
(``--peers``: the Node scripts in ``bench/peers/``).

Examples::

    python3 tests/eval/run.py                     # all sets, Lede only
    python3 tests/eval/run.py --set time --verbose
    python3 tests/eval/run.py --gate              # CI: exit 1 when a score drops
    python3 tests/eval/run.py --raise-floors      # floors up to this run's scores, never down
    python3 tests/eval/run.py --set flags --list-flags

Exit codes: 0 fine, 1 gate failed, 2 evaluation data or binary missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scorer  # noqa: E402
import sets  # noqa: E402
from scorer import Counts, PredQuote, QuoteCounts, TimeCounts, Timex  # noqa: E402

REPO = sets.REPO
FLOORS = REPO / "tests/eval/floors.json"
DOCS = REPO / "docs/accuracy.md"
TOLERANCE = 0.005  # half a point: scores below floor - TOLERANCE fail the gate
SET_ORDER = ["people", "time", "quotes", "pages", "page_gold", "flags", "planted"]
TIME_CORPORA = ["timebank", "aquaint", "meantime"]


# --------------------------------------------------------------------------- predictors


class Predictor:
    """A program that reads `lede batch` JSON Lines on stdin and prints the JSON contract."""

    def __init__(self, name: str, label: str, cmd: list[str], sets_: list[str]):
        self.name, self.label, self.cmd, self.sets = name, label, cmd, sets_

    def run(self, docs: list[sets.Doc], timeout: float = 900) -> tuple[dict[str, dict], float, str]:
        """Runs the program once on all `docs`; returns results by id, seconds and stderr."""
        payload = "".join(json.dumps(d.input, ensure_ascii=False) + "\n" for d in docs)
        t0 = time.perf_counter()
        env = dict(os.environ, TZ="UTC")
        proc = subprocess.run(
            self.cmd,
            input=payload.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            cwd=REPO,
            env=env,
        )
        secs = time.perf_counter() - t0
        out: dict[str, dict] = {}
        for line in proc.stdout.decode("utf-8", errors="replace").splitlines():
            line = line.strip()
            if not line:
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(r, dict) and r.get("id") is not None and "error" not in r:
                out[str(r["id"])] = r
        err = proc.stderr.decode("utf-8", errors="replace")
        if proc.returncode != 0:
            err = f"exit status {proc.returncode}\n" + err
        return out, secs, err


def lede_predictor(binary: Path) -> Predictor:
    return Predictor("lede", "Lede", [str(binary), "batch"], SET_ORDER)


def peer_predictors() -> list[Predictor]:
    node = shutil.which("node")
    if not node or not (REPO / "node_modules").is_dir():
        return []
    peers = REPO / "bench/peers"
    return [
        Predictor("compromise", "compromise", [node, str(peers / "compromise.mjs")], ["people"]),
        Predictor(
            "compromise-dates",
            "compromise + dates",
            [node, str(peers / "compromise_dates.mjs")],
            ["time"],
        ),
        Predictor("chrono", "chrono-node", [node, str(peers / "chrono.mjs")], ["time"]),
    ]


# --------------------------------------------------------------------------- reading predictions


def _pair(x: Any) -> tuple[int, int] | None:
    try:
        return (int(x[0]), int(x[1]))
    except (TypeError, ValueError, IndexError, KeyError):
        return None


NAMED_KINDS = {"name", "alias"}


def person_mentions(r: dict) -> list[tuple[int, int]]:
    """Predicted PERSON mentions: the mentions of every person, except those the system
    marks as pronouns or descriptions ("he", "the minister"), which are not named-entity
    mentions in CoNLL's sense."""
    spans = []
    for p in r.get("people") or []:
        kinds = p.get("mention_kinds") or []
        for k, m in enumerate(p.get("mentions") or []):
            kind = kinds[k] if k < len(kinds) else "name"
            s = _pair(m)
            if s and kind in NAMED_KINDS:
                spans.append(s)
    return spans


def pred_times(r: dict) -> list[Timex]:
    out = []
    for t in r.get("times") or []:
        s = _pair(t.get("span"))
        if s:
            out.append(Timex(s, t.get("type"), t.get("value")))
    return out


def pred_quotes(r: dict) -> list[PredQuote]:
    people = r.get("people") or []
    out = []
    for q in r.get("quotes") or []:
        s = _pair(q.get("span"))
        if not s:
            continue
        idx = q.get("speaker")
        name = people[idx].get("name") if isinstance(idx, int) and 0 <= idx < len(people) else None
        out.append(PredQuote(s, bool(q.get("direct")), _pair(q.get("speaker_span")), name, q.get("speaker_text")))
    return out


# --------------------------------------------------------------------------- scoring per set


def cut(text: str, s: tuple[int, int], width: int = 70) -> str:
    t = text[s[0] : s[1]].replace("\n", " ")
    return t if len(t) <= width else t[: width - 1] + "…"


def score_people(docs, results, verbose, log) -> dict[str, float]:
    exact, overlap = Counts(), Counts()
    for d in docs:
        pred = person_mentions(results.get(d.id) or {})
        c = scorer.score_people(d.gold, pred)
        exact.add(c["exact"])
        overlap.add(c["overlap"])
        if verbose:
            text = d.input["text"]
            hit_g = {i for i, _ in c["exact"].pairs}
            hit_p = {j for _, j in c["exact"].pairs}
            missed = [cut(text, g) for i, g in enumerate(d.gold) if i not in hit_g]
            extra = [cut(text, p) for j, p in enumerate(pred) if j not in hit_p]
            if missed or extra:
                log(f"  {d.id}: missed {missed} extra {extra}")
    m = {}
    for name, c in (("exact", exact), ("overlap", overlap)):
        m[f"people.{name}.p"], m[f"people.{name}.r"], m[f"people.{name}.f1"] = c.prf()
    m["people.n_gold"] = exact.n_gold
    return m


def score_time(docs, results, verbose, log) -> dict[str, float]:
    per = {k: TimeCounts() for k in TIME_CORPORA + ["tbaq"]}
    for d in docs:
        pred = pred_times(results.get(d.id) or {})
        until = d.meta.get("scored_until")
        if until is not None:
            pred = [p for p in pred if p.span[0] < until]
        c = scorer.score_times(d.gold, pred)
        corpus = d.meta["corpus"]
        per[corpus].add(c)
        if corpus in ("timebank", "aquaint"):
            per["tbaq"].add(c)
        if verbose:
            text = d.input["text"]
            hit_g = {i: j for i, j in c.relaxed.pairs}
            hit_p = {j for _, j in c.relaxed.pairs}
            missed = [f"{cut(text, g.span)}={g.value}" for i, g in enumerate(d.gold) if i not in hit_g]
            extra = [f"{cut(text, p.span)}={p.value}" for j, p in enumerate(pred) if j not in hit_p]
            wrong = [
                f"{cut(text, d.gold[i].span)}: {pred[j].value} for {d.gold[i].value}"
                for i, j in hit_g.items()
                if scorer.norm_value(d.gold[i].value) != scorer.norm_value(pred[j].value)
            ]
            if missed or extra or wrong:
                log(f"  {d.id}: missed {missed} extra {extra} wrong value {wrong}")
    m: dict[str, float] = {}
    for k, c in per.items():
        for kind in ("strict", "relaxed", "value"):
            cc: Counts = getattr(c, kind)
            m[f"time.{k}.{kind}.p"], m[f"time.{k}.{kind}.r"], m[f"time.{k}.{kind}.f1"] = cc.prf()
        m[f"time.{k}.type.acc"] = c.type_accuracy
        m[f"time.{k}.n_gold"] = c.strict.n_gold
    return m


def score_quotes(docs, results, verbose, log) -> dict[str, float]:
    total = QuoteCounts()
    for d in docs:
        pred = pred_quotes(results.get(d.id) or {})
        c, missed, extra = scorer.score_quotes(d.gold, pred)
        total.add(c)
        if verbose and (missed or extra):
            text = d.input["text"]
            log(f"  {d.id}:")
            for g in missed:
                log(f"    missed [{g.marks}] {cut(text, g.fragments[0])}  ({g.speaker})")
            for p in extra:
                log(f"    extra [{'direct' if p.direct else 'indirect'}] {cut(text, p.span)}")
    m: dict[str, float] = {}
    for marks in ("full", "partial", "none", "all"):
        m[f"quotes.{marks}.recall"] = total.recall(marks)
        m[f"quotes.{marks}.speaker_acc"] = total.speaker_accuracy(marks)
        m[f"quotes.{marks}.n_gold"] = total.gold[marks]
    m["quotes.direct.precision"] = total.direct.precision if total.direct.n_pred else 0.0
    m["quotes.direct.n_pred"] = total.direct.n_pred
    m["quotes.indirect.precision"] = total.indirect.precision if total.indirect.n_pred else 0.0
    m["quotes.indirect.n_pred"] = total.indirect.n_pred
    return m


def score_pages(docs, results, verbose, log) -> dict[str, float]:
    found = right = wrong = missing = unjudged = agree_source = 0
    ps, rs, fs = [], [], []
    for d in docs:
        r = results.get(d.id) or {}
        pub = scorer.date_part(((r.get("published") or {}).get("value")))
        gold = d.gold["date"]
        found += pub is not None
        if gold is None:
            unjudged += pub is not None
            agree_source += pub is not None and pub == d.gold.get("source_date")
        elif pub is None:
            missing += 1
        elif pub == gold:
            right += 1
        else:
            wrong += 1
        c = scorer.bag_overlap(d.gold["text"], r.get("text") or "")
        ps.append(c.precision)
        rs.append(c.recall)
        fs.append(c.f1)
        if verbose:
            log(f"  {d.id}: date {pub} (expected {gold}, source html {d.gold.get('source_date')}); body P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f}")
    with_gold = sum(1 for d in docs if d.gold["date"])
    return {
        "pages.date.accuracy": scorer.ratio(right, with_gold),
        "pages.date.found": found,
        "pages.date.right": right,
        "pages.date.wrong": wrong,
        "pages.date.missing": missing,
        "pages.date.unjudged": unjudged,
        "pages.date.unjudged_agree_source": agree_source,
        "pages.date.n_gold": with_gold,
        "pages.n": len(docs),
        "pages.body.p": scorer.average(ps),
        "pages.body.r": scorer.average(rs),
        "pages.body.f1": scorer.average(fs),
    }


def _page_scorer():
    """``score_pages.py`` from the evaluation data (the page gold's own scorer, so our
    numbers are the ones its README defines)."""
    import importlib.util

    path = sets.shared_dir() / "eval/score_pages.py"
    spec = importlib.util.spec_from_file_location("score_pages", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score_page_gold(docs, results, verbose, log) -> dict[str, float]:
    """People, quotes and speakers, publication date and time values on real news pages,
    scored by text against a careful reader's gold (``page_gold/README.md``)."""
    sp = _page_scorer()
    rows = []
    for d in docs:
        pred = results.get(d.id) or {}
        row = sp.score_page(d.gold, pred, False)
        rows.append(row)
        if verbose:
            log(f"  {d.id}: people {row['people']['right']}/{row['people']['pred']} right, "
                f"{row['people']['found']}/{row['people']['gold']} found; quotes {row['quotes']['found']}/{row['quotes']['gold']}, "
                f"speakers right {row['quotes']['speaker_right']}; date {row['published']['pred']} (gold {row['published']['gold']}); "
                f"times {row['times']['found']}/{row['times']['gold']}, values right {row['times']['value_right']}, false {len(row['times']['false'])}")
            for k in ("wrong", "missed"):
                for x in row["people"].get(k) or []:
                    log(f"      people {k}: {x}")
            for b in row["quotes"].get("bad") or []:
                log(f"      quote: {b}")
            for b in row["times"].get("bad") or []:
                log(f"      time: {b}")
            for b in row["times"].get("false") or []:
                log(f"      false time: {b}")

    def total(section: str, field: str) -> int:
        return sum(int(r[section][field]) for r in rows)

    p = scorer.ratio(total("people", "right"), total("people", "pred"))
    r = scorer.ratio(total("people", "found"), total("people", "gold"))
    n_pred_times = sum(len((results.get(d.id) or {}).get("times") or []) for d in docs)
    n_false = sum(len(r_["times"]["false"]) for r_ in rows)
    with_date = [r_ for r_ in rows if r_["published"]["gold"]]
    return {
        "page_gold.people.p": p,
        "page_gold.people.r": r,
        "page_gold.people.f1": scorer.f1(p, r),
        "page_gold.quotes.recall": scorer.ratio(total("quotes", "found"), total("quotes", "gold")),
        "page_gold.quotes.speaker_acc": scorer.ratio(total("quotes", "speaker_right"), total("quotes", "found")),
        "page_gold.date.accuracy": scorer.ratio(sum(bool(r_["published"]["right"]) for r_ in rows), len(rows)),
        "page_gold.date.shown_right": scorer.ratio(sum(bool(r_["published"]["right"]) for r_ in with_date), len(with_date)),
        "page_gold.times.recall": scorer.ratio(total("times", "found"), total("times", "gold")),
        "page_gold.times.value_acc": scorer.ratio(total("times", "value_right"), total("times", "found")),
        "page_gold.times.not_false": 1.0 - scorer.ratio(n_false, max(n_pred_times, 1)) if n_pred_times else 1.0,
        "page_gold.times.n_false": n_false,
        "page_gold.n": len(rows),
    }


def score_flags(docs, results, verbose, log, list_flags=False) -> dict[str, float]:
    m: dict[str, float] = {}
    kinds: Counter = Counter()
    for corpus in sets.NEWS_FILES:
        ds = [d for d in docs if d.meta["corpus"] == corpus]
        n_flags = flagged = 0
        for d in ds:
            flags = (results.get(d.id) or {}).get("flags") or []
            n_flags += len(flags)
            flagged += bool(flags)
            for f in flags:
                kinds[f.get("kind")] += 1
                if list_flags or verbose:
                    text = d.input["text"]
                    log(f"{d.id}  [{f.get('kind')}] confidence {f.get('confidence')}: {f.get('message')}")
                    for ev in f.get("evidence") or []:
                        s = _pair(ev)
                        if s:
                            log(f"    » {cut(text, s, 200)}")
        m[f"flags.{corpus}.per_article"] = scorer.ratio(n_flags, len(ds))
        m[f"flags.{corpus}.flagged_share"] = scorer.ratio(flagged, len(ds))
        m[f"flags.{corpus}.n_flags"] = n_flags
        m[f"flags.{corpus}.n"] = len(ds)
        # Gated (higher is better): the share of real articles with no flag, so a check
        # that starts firing on ordinary news fails CI.
        m[f"flags.{corpus}.unflagged_share"] = 1.0 - scorer.ratio(flagged, len(ds))
    for k, v in kinds.items():
        m[f"flags.kind.{k}"] = v
    return m


def _finds(pred_ev: list[tuple[int, int]], gold_ev: list[tuple[int, int]]) -> bool:
    """The planted README's match: the predicted flag overlaps every gold evidence span."""
    return all(any(scorer.overlaps(s, t) for s in pred_ev) for t in gold_ev)


PLANTED_KINDS = [
    "duration", "age", "number", "weekday_date", "date_order", "tense_vs_date", "role_conflict",
    "name_variant", "quote_speaker", "office_holder", "elapsed_time", "place_conflict", "event_day",
]


def score_planted(docs, results, verbose, log, list_flags=False) -> dict[str, float]:
    """The planted set's own rules (``planted/README.md``): a gold flag is found when one
    predicted flag overlaps every one of its evidence spans, whatever the kind; a predicted
    flag that finds none is a false alarm, counted apart when it is on a clean article or
    overlaps a near-miss. People mentions (exact spans) and quote speakers are scored too."""
    found_by_kind: Counter = Counter()
    gold_by_kind: Counter = Counter()
    n_pred = n_true = false_clean = false_near = 0
    men_gold = men_pred = men_right = 0
    q_gold = q_found = q_right = 0
    for d in docs:
        r = results.get(d.id) or {}
        text = d.input["text"]
        preds = []
        for f in r.get("flags") or []:
            ev = [s for s in (_pair(x) for x in f.get("evidence") or []) if s]
            preds.append((f, ev))
        gold = d.gold["flags"]
        matched_pred = set()
        for g in gold:
            gold_by_kind[g["kind"]] += 1
            gev = [tuple(x) for x in g["evidence"]]
            # every predicted flag that finds this gold flag is a true one
            hits = {i for i, (_, ev) in enumerate(preds) if _finds(ev, gev)}
            if hits:
                found_by_kind[g["kind"]] += 1
                matched_pred |= hits
            elif verbose:
                log(f"  {d.id} missed [{g['kind']}]: {g['note']}")
                for t in gev:
                    log(f"      « {cut(text, t, 120)}")
        near = [tuple(x) for nm in d.gold["near_misses"] for x in nm["evidence"]]
        for i, (f, ev) in enumerate(preds):
            n_pred += 1
            if i in matched_pred:
                n_true += 1
                tag = "found"
            else:
                if not gold:
                    false_clean += 1
                if any(scorer.overlaps(s, t) for s in ev for t in near):
                    false_near += 1
                tag = "FALSE"
            if list_flags or (verbose and tag == "FALSE"):
                log(f"  {d.id} {tag} [{f.get('kind')}] confidence {f.get('confidence')}: {f.get('message')}")
                for s in ev:
                    log(f"      » {cut(text, s, 120)}")
        # people: every gold mention span, exact
        gm = {tuple(m) for p in d.gold["people"] for m in p["mentions"]}
        pm = set(person_mentions(r))
        men_gold += len(gm)
        men_pred += len(pm)
        men_right += len(gm & pm)
        # quotes: a gold quote is found when a predicted quote overlaps it; its speaker is
        # right when the predicted speaker's name shares a word with the gold name
        pq = pred_quotes(r)
        for gq in d.gold["quotes"]:
            q_gold += 1
            gs = tuple(gq["span"])
            hit = next((q for q in pq if scorer.overlaps(q.span, gs)), None)
            if hit is None:
                continue
            q_found += 1
            gw = set(re.findall(r"\w+", (gq.get("speaker") or "").lower()))
            pw = set(re.findall(r"\w+", (hit.speaker_name or hit.speaker_text or "").lower()))
            if gw & pw:
                q_right += 1
    n_gold = sum(gold_by_kind.values())
    found = sum(found_by_kind.values())
    rec = scorer.ratio(found, n_gold)
    prec = scorer.ratio(n_true, n_pred) if n_pred else 1.0
    m: dict[str, float] = {
        "planted.flags.recall": rec,
        "planted.flags.precision": prec,
        "planted.flags.f1": scorer.f1(prec, rec),
        "planted.flags.found": found,
        "planted.flags.n_gold": n_gold,
        "planted.flags.n_pred": n_pred,
        "planted.flags.n_false": n_pred - n_true,
        "planted.flags.false_clean": false_clean,
        "planted.flags.false_near_miss": false_near,
        "planted.people.mentions.p": scorer.ratio(men_right, men_pred),
        "planted.people.mentions.r": scorer.ratio(men_right, men_gold),
        "planted.quotes.recall": scorer.ratio(q_found, q_gold),
        "planted.quotes.speaker_acc": scorer.ratio(q_right, q_found),
    }
    m["planted.people.mentions.f1"] = scorer.f1(m["planted.people.mentions.p"], m["planted.people.mentions.r"])
    for k in PLANTED_KINDS:
        m[f"planted.kind.{k}.recall"] = scorer.ratio(found_by_kind[k], gold_by_kind[k])
        m[f"planted.kind.{k}.found"] = found_by_kind[k]
    return m


SCORERS = {
    "people": score_people,
    "time": score_time,
    "quotes": score_quotes,
    "pages": score_pages,
    "page_gold": score_page_gold,
    "flags": score_flags,
    "planted": score_planted,
}


# --------------------------------------------------------------------------- the table

# (section, row label, metric keys, how to show them)
def table_rows(metrics_keys: set[str]) -> list[tuple[str, str, list[str]]]:
    rows: list[tuple[str, str, list[str]]] = []
    for kind in ("exact", "overlap"):
        rows.append(("people", f"CoNLL-03 dev PERSON, {kind} — P / R / F1", [f"people.{kind}.{x}" for x in "p r f1".split()]))
    names = {"timebank": "TimeBank", "aquaint": "AQUAINT", "meantime": "MEANTIME", "tbaq": "TBAQ (TB+AQ)"}
    for k in TIME_CORPORA + ["tbaq"]:
        for kind in ("strict", "relaxed"):
            rows.append(("time", f"{names[k]}, {kind} — P / R / F1", [f"time.{k}.{kind}.{x}" for x in "p r f1".split()]))
        rows.append(("time", f"{names[k]}, value F1 / type accuracy", [f"time.{k}.value.f1", f"time.{k}.type.acc"]))
    for marks in ("full", "partial", "none", "all"):
        rows.append(("quotes", f"PolNeAR dev, marks={marks}: recall / speaker accuracy", [f"quotes.{marks}.recall", f"quotes.{marks}.speaker_acc"]))
    rows.append(("quotes", "precision of direct / indirect quotes", ["quotes.direct.precision", "quotes.indirect.precision"]))
    rows.append(("pages", "publication date: accuracy", ["pages.date.accuracy"]))
    rows.append(("pages", "publication date: found / right / wrong / missing / unjudged", ["pages.date.found", "pages.date.right", "pages.date.wrong", "pages.date.missing", "pages.date.unjudged"]))
    rows.append(("pages", "unjudged dates equal to the date in the page source (index)", ["pages.date.unjudged_agree_source"]))
    rows.append(("pages", "article body words — P / R / F1", ["pages.body.p", "pages.body.r", "pages.body.f1"]))
    rows.append(("page_gold", "reader's gold, 27 news pages: people P / R / F1", ["page_gold.people.p", "page_gold.people.r", "page_gold.people.f1"]))
    rows.append(("page_gold", "quotes found / speaker accuracy", ["page_gold.quotes.recall", "page_gold.quotes.speaker_acc"]))
    rows.append(("page_gold", "publication date right: all pages / pages that show one", ["page_gold.date.accuracy", "page_gold.date.shown_right"]))
    rows.append(("page_gold", "times found / value accuracy / not false / false times", ["page_gold.times.recall", "page_gold.times.value_acc", "page_gold.times.not_false", "page_gold.times.n_false"]))
    for corpus, label in (("polnear", "PolNeAR articles (dated)"), ("bbc", "BBC 2004–05 (no date)")):
        rows.append(("flags", f"{label}: flags per article / share flagged", [f"flags.{corpus}.per_article", f"flags.{corpus}.flagged_share"]))
    rows.append(("planted", "planted dev, 55 flags: recall / precision / F1", ["planted.flags.recall", "planted.flags.precision", "planted.flags.f1"]))
    rows.append(("planted", "planted dev: found / flags raised / false alarms / on clean articles / on near-misses", ["planted.flags.found", "planted.flags.n_pred", "planted.flags.n_false", "planted.flags.false_clean", "planted.flags.false_near_miss"]))
    for k in PLANTED_KINDS:
        rows.append(("planted", f"planted dev, {k}: recall / found", [f"planted.kind.{k}.recall", f"planted.kind.{k}.found"]))
    rows.append(("planted", "planted dev people mentions (exact) — P / R / F1", ["planted.people.mentions.p", "planted.people.mentions.r", "planted.people.mentions.f1"]))
    rows.append(("planted", "planted dev quotes found / speaker accuracy", ["planted.quotes.recall", "planted.quotes.speaker_acc"]))
    return [r for r in rows if any(k in metrics_keys for k in r[2])]


COUNT_KEYS = re.compile(r"\.(n|n_gold|n_pred|n_flags|n_false|found|right|wrong|missing|unjudged|unjudged_agree_source|false_clean|false_near_miss)$|^flags\.kind\.")
RATE_KEYS = re.compile(r"^flags\.(?!.*\.unflagged_share$)")


def fmt(key: str, v: float | None) -> str:
    if v is None:
        return "–"
    if COUNT_KEYS.search(key):
        return str(int(v))
    if RATE_KEYS.search(key):
        return f"{v:.2f}"
    return f"{100 * v:.1f}"


def render_table(results: dict[str, dict[str, float]], labels: dict[str, str], markdown: bool) -> str:
    keys = set().union(*[set(m) for m in results.values()]) if results else set()
    rows = table_rows(keys)
    cols = list(results)
    head = ["set", "metric"] + [labels[c] for c in cols]
    body = []
    for section, label, ks in rows:
        cells = []
        for c in cols:
            m = results[c]
            if any(k in m for k in ks):
                cells.append(" / ".join(fmt(k, m.get(k)) for k in ks))
            else:
                cells.append("–")
        body.append([section, label] + cells)
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---", "---"] + ["---:"] * len(cols)) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in body]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in [head] + body) for i in range(len(head))]
    line = lambda r: "  ".join(x.ljust(widths[i]) if i < 2 else x.rjust(widths[i]) for i, x in enumerate(r))  # noqa: E731
    return "\n".join([line(head), "  ".join("-" * w for w in widths)] + [line(r) for r in body])


# --------------------------------------------------------------------------- docs

EXPLAIN = """\
How to read it (scores in percent; Lede's offsets are code points, as in the data):

- **people**: CoNLL-2003 English dev (216 Reuters documents, 1996). Every name or alias
  mention of every person Lede reports is a predicted PERSON mention (pronoun and
  description mentions are left out: CoNLL marks names only). *Exact*: the span must be
  identical; *overlap*: sharing one character is enough. Matching is one-to-one.
- **time**: TempEval-3 style on TimeBank 1.2 and AQUAINT (TBAQ-cleaned) and MEANTIME
  English (Wikinews), each document's `dct` passed as the publication date. *Strict*:
  identical span; *relaxed*: overlapping span (one-to-one). *Value F1*: a relaxed match
  counts only if the normalised TIMEX3 `value` is identical (e.g. `1998-01-08`, `P3Y`,
  `PRESENT_REF`). *Type accuracy*: share of relaxed matches with the right TIMEX3 type.
- **quotes**: PolNeAR dev (84 US political articles, 2015–16). *Recall*: share of gold
  attributions of that class (`full`: wholly in quotation marks; `partial`; `none`:
  indirect speech) overlapped by one of our quotes (one-to-one, per quote fragment).
  *Speaker accuracy*, over the found ones: our speaker span overlaps the gold one, or our
  person's name equals the gold speaker or contains its last word. *Precision*: share of
  our direct (resp. indirect) quotes that overlap a gold attribution of any class, each
  kind matched one-to-one on its own (so a quoted phrase inside an indirect attribution
  counts for the direct quotes). PolNeAR leaves some quoted material unannotated (titles,
  scare quotes are rightly not attributions), so this precision is a lower bound.
- **pages**: Mozilla Readability's saved English news pages (tiers 1–2 of
  `news_index.json`). *Date accuracy*: Lede's publication date (date part) equals
  `publishedTime` of `expected-metadata.json`, over the pages that state one; *unjudged*:
  dates found on pages without a reference date (and how many of those equal the date
  `news_index.json` read in the page source, `date_from_source_html`, which is no gold). *Body words*: multiset overlap of the
  words of the returned article text with the words of `expected.html`, averaged over pages.
- **flags**: inconsistency flags per article on real news with no known contradiction
  (PolNeAR articles with their dates; BBC 2004–05 without). Lower is better here: every
  flag should be one a careful reader agrees with (`run.py --set flags --list-flags`).
- Peers run on the same inputs through `bench/peers/*.mjs` and the same scorer, for what
  they can do: compromise (`people()`), compromise-dates (`dates()`, `times()`,
  `durations()`), chrono-node (`parse()` with the publication date as reference).
"""


def git_commit() -> str:
    try:
        h = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO, capture_output=True, text=True).stdout.strip()
        return h + (" (with uncommitted changes)" if dirty else "")
    except OSError:
        return "unknown"


NOTES_START, NOTES_END = "<!-- notes -->", "<!-- /notes -->"


def write_docs(results, labels, timings) -> None:
    old = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
    notes = "\nHand-written notes go here; `make eval` keeps this section.\n"
    if NOTES_START in old and NOTES_END in old:
        notes = old.split(NOTES_START, 1)[1].split(NOTES_END, 1)[0]
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    timing_lines = "\n".join(f"- {labels[p]}: " + ", ".join(f"{s} {t:.1f} s" for s, t in ts.items()) for p, ts in timings.items())
    text = f"""# Accuracy

Generated by `make eval` (`python3 tests/eval/run.py --write-docs`) on {when},
commit {git_commit()}. Do not edit above the notes section: it is regenerated.
CI fails when a score falls more than 0.5 points below `tests/eval/floors.json`.

{render_table(results, labels, markdown=True)}

{EXPLAIN}
Wall time of one batch run per set (including process start):

{timing_lines}

{NOTES_START}{notes}{NOTES_END}
"""
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(text, encoding="utf-8")
    print(f"wrote {DOCS.relative_to(REPO)}")


# --------------------------------------------------------------------------- gate


def gated(key: str) -> bool:
    """Floors cover scores where higher is better: not counts, not flag rates."""
    return not COUNT_KEYS.search(key) and not RATE_KEYS.search(key)


def scorer_self_test() -> str | None:
    """Runs test_scorer.py: a gate computed by a broken scorer would mean nothing.
    Returns None when it passes, else the failure report."""
    import io
    import unittest

    import test_scorer

    out = io.StringIO()
    suite = unittest.defaultTestLoader.loadTestsFromModule(test_scorer)
    result = unittest.TextTestRunner(stream=out, verbosity=1).run(suite)
    if result.wasSuccessful():
        print(f"scorer self-test: {result.testsRun} tests passed")
        return None
    return out.getvalue()


def gate(metrics: dict[str, float], chosen: list[str], errors: int) -> int:
    if not FLOORS.exists():
        print(f"gate: {FLOORS.relative_to(REPO)} is missing; run with --update-floors first")
        return 1
    floors: dict[str, float] = json.loads(FLOORS.read_text(encoding="utf-8"))
    failed = []
    for key, floor in sorted(floors.items()):
        if key.split(".", 1)[0] not in chosen:
            continue
        cur = metrics.get(key)
        if cur is None:
            failed.append(f"{key}: not measured (floor {floor:.4f})")
        elif cur < floor - TOLERANCE:
            failed.append(f"{key}: {cur:.4f} < floor {floor:.4f}")
    if errors:
        failed.append(f"{errors} document(s) got no result from lede batch")
    broken = scorer_self_test()
    if broken:
        failed.append("the scorer's own tests (tests/eval/test_scorer.py) fail:\n" + broken)
    if failed:
        print("\ngate FAILED:")
        for f in failed:
            print("  " + f)
        return 1
    print(f"\ngate passed ({sum(1 for k in floors if k.split('.', 1)[0] in chosen)} floors, tolerance {TOLERANCE})")
    return 0


def update_floors(metrics: dict[str, float], chosen: list[str], raise_only: bool = False) -> None:
    """Writes this run's scores as floors; with `raise_only`, a floor never goes down
    (each becomes the higher of the old floor and this run's score)."""
    old = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    floors = dict(old) if raise_only else {k: v for k, v in old.items() if k.split(".", 1)[0] not in chosen}
    for k, v in metrics.items():
        if gated(k):
            floors[k] = max(round(v, 4), old.get(k, 0.0)) if raise_only else round(v, 4)
    FLOORS.write_text(json.dumps(dict(sorted(floors.items())), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {FLOORS.relative_to(REPO)} ({len(floors)} floors)")


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", choices=SET_ORDER, help="run only this set (repeatable)")
    ap.add_argument("--verbose", action="store_true", help="per document: what was missed, what was extra")
    ap.add_argument("--list-flags", action="store_true", help="print every flag with its evidence text")
    ap.add_argument("--write-docs", action="store_true", help="rewrite docs/accuracy.md (with peers when Node is available)")
    ap.add_argument("--gate", action="store_true", help="fail when a score is below tests/eval/floors.json")
    ap.add_argument("--update-floors", action="store_true", help="rewrite floors from this run")
    ap.add_argument("--raise-floors", action="store_true", help="raise floors to this run's scores, never lower one")
    ap.add_argument("--peers", action="store_true", help="also score the peer libraries (bench/peers)")
    ap.add_argument("--no-peers", action="store_true", help="with --write-docs: leave the peers out")
    ap.add_argument("--bin", default=os.environ.get("LEDE_BIN", str(REPO / "target/release/lede")))
    args = ap.parse_args(argv)

    shared = sets.shared_dir()
    if shared is None:
        print("evaluation data is missing: expected ../shared/eval beside the repository (or set LEDE_SHARED); nothing was scored")
        return 2
    binary = Path(args.bin)
    if not binary.is_file():
        print(f"{binary} is missing: build it with `cargo build --release --bin lede` (or `make eval`)")
        return 2
    chosen = [s for s in SET_ORDER if not args.set or s in args.set]
    if args.set and args.write_docs and set(chosen) != set(SET_ORDER):
        print("--write-docs needs every set; drop --set")
        return 2

    predictors = [lede_predictor(binary)]
    want_peers = args.peers or (args.write_docs and not args.no_peers and not args.gate)
    if want_peers:
        peers = peer_predictors()
        if not peers:
            print("peers skipped: node or node_modules is missing (run `npm install`)")
        predictors += peers

    def log(s: str) -> None:
        print(s)

    results: dict[str, dict[str, float]] = {p.name: {} for p in predictors}
    timings: dict[str, dict[str, float]] = {p.name: {} for p in predictors}
    errors = 0
    for set_name in chosen:
        docs = sets.READERS[set_name](shared)
        n_words = sum(len(str(d.input.get("text") or d.input.get("html") or "").split()) for d in docs)
        for p in predictors:
            if set_name not in p.sets:
                continue
            out, secs, err = p.run(docs)
            timings[p.name][set_name] = secs
            missing = [d.id for d in docs if d.id not in out]
            rate = f", {n_words / secs:,.0f} words/s" if set_name != "pages" and secs > 0 else ""
            print(f"[{p.label}] {set_name}: {len(docs)} documents in {secs:.1f} s{rate}", file=sys.stderr)
            if missing:
                print(f"[{p.label}] {set_name}: no result for {len(missing)} document(s), e.g. {missing[:3]}", file=sys.stderr)
                if p.name == "lede":
                    errors += len(missing)
            if err.strip() and (missing or p.name != "lede"):
                print("  " + err.strip()[-1500:].replace("\n", "\n  "), file=sys.stderr)
            verbose = args.verbose and p.name == "lede"
            if verbose:
                print(f"\n== {set_name} ({p.label}) per document")
            scorer_fn = SCORERS[set_name]
            if set_name in ("flags", "planted"):
                m = scorer_fn(docs, out, verbose, log, list_flags=args.list_flags and p.name == "lede")
            else:
                m = scorer_fn(docs, out, verbose, log)
            results[p.name].update(m)

    labels = {p.name: p.label for p in predictors}
    print()
    print(render_table(results, labels, markdown=False))
    kinds = {k: v for k, v in results["lede"].items() if k.startswith("flags.kind.")}
    if kinds:
        print("flags by kind: " + ", ".join(f"{k[len('flags.kind.'):]} {int(v)}" for k, v in sorted(kinds.items())))

    if args.write_docs:
        write_docs(results, labels, timings)
    if args.update_floors or args.raise_floors:
        update_floors(results["lede"], chosen, raise_only=args.raise_floors)
    if args.gate:
        return gate(results["lede"], chosen, errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
