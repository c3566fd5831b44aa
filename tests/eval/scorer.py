"""Scoring functions for Lede's accuracy harness (standard library only).

Stage: evaluation. Input: gold annotations and predictions for one data set, both as
code-point spans ``(start, end)`` (end-exclusive) into the same text. Output: counts
(``Counts``) that add up across documents and turn into precision, recall and F1.

Matching is always one-to-one: one predicted span can be credited for at most one gold
span and the other way round, so a long prediction covering two gold mentions earns one
true positive and one miss, never two hits.

Example::

    >>> c = match_overlap([(0, 5), (6, 10)], [(0, 10)])
    >>> (c.tp, c.n_gold, c.n_pred)
    (1, 2, 1)
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

Span = tuple[int, int]


# --------------------------------------------------------------------------- counts


@dataclass
class Counts:
    """True positives against the number of gold and predicted items; adds up over documents."""

    tp: int = 0
    n_gold: int = 0
    n_pred: int = 0
    # Index pairs (gold, pred) of the matching, for per-document reports.
    pairs: list[tuple[int, int]] = field(default_factory=list, repr=False)

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.n_gold += other.n_gold
        self.n_pred += other.n_pred

    @property
    def precision(self) -> float:
        # No predictions means no wrong predictions: precision 1 only when nothing was
        # expected either, else 0 (so an empty system never looks precise).
        if self.n_pred == 0:
            return 1.0 if self.n_gold == 0 else 0.0
        return self.tp / self.n_pred

    @property
    def recall(self) -> float:
        if self.n_gold == 0:
            return 1.0 if self.n_pred == 0 else 0.0
        return self.tp / self.n_gold

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def prf(self) -> tuple[float, float, float]:
        return self.precision, self.recall, self.f1


def f1(p: float, r: float) -> float:
    """The harmonic mean of precision and recall, 0 when both are 0."""
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def ratio(num: int, den: int) -> float:
    """num/den, 0 when there is nothing to divide (an empty denominator earns no credit)."""
    return num / den if den else 0.0


# --------------------------------------------------------------------------- matching


def overlaps(a: Span, b: Span) -> bool:
    """True when the half-open spans share at least one code point."""
    return a[0] < b[1] and b[0] < a[1]


def max_matching(n_left: int, adj: Sequence[Sequence[int]]) -> list[int]:
    """Maximum bipartite matching (Kuhn's augmenting paths, iterative).

    ``adj[i]`` lists the right nodes left node ``i`` may pair with, in order of
    preference. Returns ``match_right``: for each right node the left node paired with
    it, or -1. Iterative so that long documents cannot exhaust Python's recursion limit.
    """
    n_right = 1 + max((j for row in adj for j in row), default=-1)
    match_right = [-1] * n_right
    for root in range(n_left):
        if not adj[root]:
            continue
        # Depth-first search for an augmenting path from `root`.
        seen: set[int] = set()
        parent_of: dict[int, tuple[int, int]] = {}  # right node -> (left node, prev right)
        stack: list[tuple[int, int]] = [(root, 0)]  # (left node, next adj index)
        via: list[int] = [-1]  # right node through which each stack left node was reached
        found = -1
        while stack and found < 0:
            left, k = stack[-1]
            if k == 0:
                # Look-ahead: take a free partner before walking into taken ones, which
                # keeps chains of overlapping spans linear instead of quadratic.
                free = next((r for r in adj[left] if match_right[r] < 0 and r not in seen), -1)
                if free >= 0:
                    seen.add(free)
                    parent_of[free] = (left, via[-1])
                    found = free
                    break
            if k >= len(adj[left]):
                stack.pop()
                via.pop()
                continue
            stack[-1] = (left, k + 1)
            right = adj[left][k]
            if right in seen:
                continue
            seen.add(right)
            parent_of[right] = (left, via[-1])
            if match_right[right] < 0:
                found = right
            else:
                stack.append((match_right[right], 0))
                via.append(right)
        # Flip the path.
        right = found
        while right >= 0:
            left, prev = parent_of[right]
            match_right[right] = left
            right = prev
    return match_right


def _candidates(gold: Sequence[Span], pred: Sequence[Span], ok: Callable[[int, int], bool]) -> list[list[int]]:
    """For each gold span, the overlapping predictions accepted by ``ok``.

    Exact matches come first so that, among equally large matchings, exact pairs win.
    Sweeps the predictions sorted by start so long documents stay near-linear.
    """
    gold = [(int(g[0]), int(g[1])) for g in gold]
    pred = [(int(p[0]), int(p[1])) for p in pred]
    order = sorted(range(len(pred)), key=lambda j: pred[j])
    starts = [pred[j][0] for j in order]
    max_len = max((p[1] - p[0] for p in pred), default=0)
    adj: list[list[int]] = []
    for i, g in enumerate(gold):
        lo = bisect.bisect_left(starts, g[0] - max_len)
        hi = bisect.bisect_left(starts, g[1])
        row = [order[k] for k in range(lo, hi) if overlaps(g, pred[order[k]]) and ok(i, order[k])]
        row.sort(key=lambda j: (pred[j] != g, abs(pred[j][0] - g[0]) + abs(pred[j][1] - g[1])))
        adj.append(row)
    return adj


def match_overlap(
    gold: Sequence[Span], pred: Sequence[Span], ok: Callable[[int, int], bool] | None = None
) -> Counts:
    """One-to-one matching of overlapping spans (relaxed match), optionally constrained by
    ``ok(gold_index, pred_index)`` (e.g. "and the values agree")."""
    accept = ok or (lambda i, j: True)
    adj = _candidates(gold, pred, accept)
    match_right = max_matching(len(gold), adj)
    pairs = sorted((g, p) for p, g in enumerate(match_right) if g >= 0)
    return Counts(tp=len(pairs), n_gold=len(gold), n_pred=len(pred), pairs=pairs)


def match_exact(gold: Sequence[Span], pred: Sequence[Span]) -> Counts:
    """One-to-one matching of identical spans (strict match); duplicates count once each."""
    free: dict[tuple[int, int], list[int]] = {}
    for j, p in enumerate(pred):
        free.setdefault((p[0], p[1]), []).append(j)
    pairs = []
    for i, g in enumerate(gold):
        js = free.get((g[0], g[1]))
        if js:
            pairs.append((i, js.pop(0)))
    return Counts(tp=len(pairs), n_gold=len(gold), n_pred=len(pred), pairs=pairs)


# --------------------------------------------------------------------------- people


def score_people(gold: Sequence[Span], pred: Sequence[Span]) -> dict[str, Counts]:
    """PERSON mentions: strict (exact span) and relaxed (overlap) matching."""
    return {"exact": match_exact(gold, pred), "overlap": match_overlap(gold, pred)}


# --------------------------------------------------------------------------- time


@dataclass
class Timex:
    span: Span
    type: str | None
    value: str | None


def norm_value(v: str | None) -> str | None:
    """TIMEX3 values compare case-insensitively, without surrounding blanks."""
    if v is None:
        return None
    v = v.strip().upper()
    return v or None


@dataclass
class TimeCounts:
    strict: Counts = field(default_factory=Counts)
    relaxed: Counts = field(default_factory=Counts)
    value: Counts = field(default_factory=Counts)
    type_right: int = 0  # among relaxed matches

    def add(self, o: "TimeCounts") -> None:
        self.strict.add(o.strict)
        self.relaxed.add(o.relaxed)
        self.value.add(o.value)
        self.type_right += o.type_right

    @property
    def type_accuracy(self) -> float:
        return ratio(self.type_right, self.relaxed.tp)


def score_times(gold: Sequence[Timex], pred: Sequence[Timex]) -> TimeCounts:
    """TempEval-3 style: strict and relaxed extraction, value F1 (a relaxed match whose
    normalised value also agrees) and type accuracy over relaxed matches."""
    gs = [g.span for g in gold]
    ps = [p.span for p in pred]
    relaxed = match_overlap(gs, ps)
    type_right = sum(
        1
        for i, j in relaxed.pairs
        if gold[i].type and pred[j].type and gold[i].type.upper() == pred[j].type.upper()
    )

    def same_value(i: int, j: int) -> bool:
        a, b = norm_value(gold[i].value), norm_value(pred[j].value)
        return a is not None and a == b

    return TimeCounts(
        strict=match_exact(gs, ps),
        relaxed=relaxed,
        value=match_overlap(gs, ps, same_value),
        type_right=type_right,
    )


# --------------------------------------------------------------------------- quotes


@dataclass
class GoldQuote:
    fragments: list[Span]
    marks: str  # full | partial | none
    speaker: str | None
    speaker_span: Span | None


@dataclass
class PredQuote:
    span: Span
    direct: bool
    speaker_span: Span | None
    speaker_name: str | None  # the name of people[speaker], when a person
    speaker_text: str | None


WORD = re.compile(r"\w+", re.UNICODE)


def _last_word(s: str | None) -> str | None:
    if not s:
        return None
    s = re.sub(r"[’']s\b", "", s)
    words = WORD.findall(s)
    return words[-1].lower() if words else None


def speaker_right(g: GoldQuote, p: PredQuote) -> bool:
    """The predicted speaker span overlaps the gold one, or the predicted person's name
    equals the gold speaker text or contains its last word ("Ms. Ana Ortiz" → "Ortiz")."""
    if g.speaker_span and p.speaker_span and overlaps(g.speaker_span, p.speaker_span):
        return True
    if p.speaker_name and g.speaker:
        if p.speaker_name.strip().lower() == g.speaker.strip().lower():
            return True
        last = _last_word(g.speaker)
        if last and last in [w.lower() for w in WORD.findall(p.speaker_name)]:
            return True
    return False


@dataclass
class QuoteCounts:
    """Per marks class (full/partial/none/all): gold count, found, speaker right among found;
    and precision counts for our direct and indirect quotes against all gold quotes."""

    gold: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    speaker_right: Counter = field(default_factory=Counter)
    direct: Counts = field(default_factory=Counts)
    indirect: Counts = field(default_factory=Counts)

    def add(self, o: "QuoteCounts") -> None:
        self.gold.update(o.gold)
        self.found.update(o.found)
        self.speaker_right.update(o.speaker_right)
        self.direct.add(o.direct)
        self.indirect.add(o.indirect)

    def recall(self, marks: str) -> float:
        return ratio(self.found[marks], self.gold[marks])

    def speaker_accuracy(self, marks: str) -> float:
        return ratio(self.speaker_right[marks], self.found[marks])


def score_quotes(gold: Sequence[GoldQuote], pred: Sequence[PredQuote]) -> tuple[QuoteCounts, list, list]:
    """Matches predicted quotes to gold quote fragments one-to-one by overlap.

    A gold quote interrupted by its attribution ("“We won,” she said, “fairly.”") has
    two fragments; a prediction per fragment is credited, so a system that splits
    the quote at the cue is not punished. Returns the counts, the unmatched gold
    quotes and the unmatched predictions (for ``--verbose``).
    """
    frag_spans: list[Span] = []
    frag_owner: list[int] = []
    for qi, g in enumerate(gold):
        for f in g.fragments:
            frag_spans.append(f)
            frag_owner.append(qi)
    m = match_overlap(frag_spans, [p.span for p in pred])
    matched_preds: dict[int, list[int]] = {}
    pred_hit = set()
    for fi, pj in m.pairs:
        matched_preds.setdefault(frag_owner[fi], []).append(pj)
        pred_hit.add(pj)
    c = QuoteCounts()
    missed = []
    for qi, g in enumerate(gold):
        for key in (g.marks, "all"):
            c.gold[key] += 1
        pjs = matched_preds.get(qi)
        if not pjs:
            missed.append(g)
            continue
        right = any(speaker_right(g, pred[pj]) for pj in pjs)
        for key in (g.marks, "all"):
            c.found[key] += 1
            c.speaker_right[key] += int(right)
    # Precision per kind, each kind matched on its own: a direct quote inside an indirect
    # attribution that our indirect quote already matched is still a right direct quote.
    extra = []
    for want, target in ((True, c.direct), (False, c.indirect)):
        idx = [j for j, p in enumerate(pred) if p.direct == want]
        mk = match_overlap(frag_spans, [pred[j].span for j in idx])
        target.add(mk)
        target.n_gold = 0  # precision only: recall is counted per gold quote above
        hit = {idx[pj] for _, pj in mk.pairs}
        extra += [pred[j] for j in idx if j not in hit]
    return c, missed, extra


# --------------------------------------------------------------------------- pages


def words(text: str) -> Counter:
    """Lower-cased word multiset (Unicode letters and digits)."""
    return Counter(w.lower() for w in WORD.findall(text))


def bag_overlap(gold_text: str, pred_text: str) -> Counts:
    """Word-multiset overlap: tp = size of the multiset intersection."""
    g, p = words(gold_text), words(pred_text)
    return Counts(tp=sum((g & p).values()), n_gold=sum(g.values()), n_pred=sum(p.values()))


DATE_HEAD = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def date_part(s: str | None) -> str | None:
    """``YYYY-MM-DD`` from the head of an ISO date or timestamp, else None."""
    if not s:
        return None
    m = DATE_HEAD.match(s)
    return "-".join(m.groups()) if m else None


def average(xs: Iterable[float]) -> float:
    xs = list(xs)
    return sum(xs) / len(xs) if xs else 0.0
