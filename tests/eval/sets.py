"""Readers of the evaluation sets in ``shared/eval`` (third-party data, read at run time).

Stage: evaluation input. Input: the JSON Lines files described in
``shared/eval/README.md``. Output: a list of ``Doc`` per set, each with the line
to send to ``lede batch`` (``input``) and the gold annotation in the scorer's types.
Nothing from these files is copied into the project.

Example::

    root = shared_dir()            # None when the data is absent
    docs = read_people(root)       # CoNLL-2003 dev, PERSON mentions
    docs[0].input                  # {"id": ..., "text": ..., "published": ...}
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator

from scorer import GoldQuote, Timex, date_part

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Doc:
    id: str
    input: dict[str, Any]  # one line of `lede batch` input
    gold: Any
    meta: dict[str, Any]


def shared_dir() -> Path | None:
    """The evaluation data: ``$LEDE_SHARED`` (the folder holding ``eval/``), else the first
    ``shared/`` beside the repository or one of its parents (worktrees live one level down)."""
    env = os.environ.get("LEDE_SHARED")
    if env:
        p = Path(env)
        return p if (p / "eval").is_dir() else None
    for parent in REPO.parents:
        p = parent / "shared"
        if (p / "eval").is_dir():
            return p
    return None


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _span(x: Any) -> tuple[int, int] | None:
    if not x:
        return None
    return (int(x[0]), int(x[1]))


# --------------------------------------------------------------------------- people


def read_people(shared: Path) -> list[Doc]:
    """CoNLL-2003 English dev: gold = PERSON mention spans."""
    docs = []
    for r in _lines(shared / "eval/ner/conll2003_dev.jsonl"):
        gold = [(int(s), int(e)) for s, e, *_ in r.get("persons") or []]
        inp = {"id": r["id"], "text": r["text"]}
        if r.get("date"):
            inp["published"] = r["date"]
        docs.append(Doc(r["id"], inp, gold, {}))
    return docs


# --------------------------------------------------------------------------- time

TIME_FILES = {
    "timebank": "timebank_1.2_tbaq.jsonl",
    "aquaint": "aquaint_tbaq.jsonl",
    "meantime": "meantime_en_wikinews.jsonl",
}


# A sentence ends at . ! ? (and closing quotes) before a blank and a capital or an opening
# quote, unless the stop belongs to an initial or a common abbreviation ("U.S.", "Mr.").
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"“‘`'(]*[A-Z0-9])")
ABBREV = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Capt|Inc|Corp|Ltd|Co|No|vs|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec))\.$")


def sentence_ends(text: str) -> list[int]:
    """Ends (code points) of the sentences of `text`, lines counting as sentences."""
    ends = []
    for line in re.finditer(r"[^\n]+", text):
        body = line.group()
        for m in SENTENCE_END.finditer(body):
            if not ABBREV.search(body[: m.start() + 1]):
                ends.append(line.start() + m.end())
        ends.append(line.end())
    return ends


def annotated_until(text: str, annotations: list[tuple[int, int]], sentences: int) -> int:
    """Where the annotators of a partly annotated document stopped: the end of the sentence
    holding the last annotation of any kind, or the end of the first `sentences` sentences,
    whichever is later (so a sentence without annotations at the end still counts)."""
    ends = sentence_ends(text)
    by_count = ends[sentences - 1] if len(ends) >= sentences else len(text)
    last = max((e for _, e in annotations), default=0)
    by_gold = next((e for e in ends if e >= last), len(text))
    return max(by_count, by_gold)


def read_time(shared: Path) -> list[Doc]:
    """TimeBank, AQUAINT (TBAQ-cleaned) and MEANTIME: gold = TIMEX3 spans, types, values;
    ``dct`` is sent as the publication date. ``meta["corpus"]`` names the file.

    MEANTIME's annotators covered the title, the date line and the first five sentences
    only, so ``meta["scored_until"]`` marks where predictions stop being scored there
    (for every predictor alike); elsewhere the whole text is annotated."""
    docs = []
    for corpus, name in TIME_FILES.items():
        for r in _lines(shared / "eval/time" / name):
            gold = [Timex((int(t[0]), int(t[1])), t[2], t[3]) for t in r.get("timex") or []]
            did = f"{corpus}/{r['id']}"
            inp = {"id": did, "text": r["text"]}
            if r.get("dct"):
                inp["published"] = r["dct"]
            meta: dict[str, Any] = {"corpus": corpus}
            if corpus == "meantime":
                spans = [g.span for g in gold]
                spans += [(int(m[0]), int(m[1])) for m in r.get("entity_mentions") or []]
                spans += [(int(m[0]), int(m[1])) for m in r.get("persons") or []]
                meta["scored_until"] = annotated_until(r["text"], spans, 2 + 5)
            docs.append(Doc(did, inp, gold, meta))
    return docs


# --------------------------------------------------------------------------- quotes


def read_quotes(shared: Path) -> list[Doc]:
    """PolNeAR dev: gold = attributions with their quote-marks class and speaker."""
    docs = []
    for r in _lines(shared / "eval/quotes/polnear_dev.jsonl"):
        gold = []
        for q in r.get("quotes") or []:
            frags = [(int(s), int(e)) for s, e in (q.get("quote_fragments") or [q["quote"]])]
            gold.append(GoldQuote(frags, q.get("quote_marks") or "none", q.get("speaker"), _span(q.get("speaker_span"))))
        inp = {"id": r["id"], "text": r["text"]}
        if r.get("date"):
            inp["published"] = r["date"]
        docs.append(Doc(r["id"], inp, gold, {}))
    return docs


# --------------------------------------------------------------------------- pages


class _TextOf(HTMLParser):
    """Visible text of an HTML fragment (script/style dropped), blocks separated by newlines."""

    SKIP = {"script", "style", "noscript", "template"}
    BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "br", "tr", "figcaption", "section", "article"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)


def html_text(html: str) -> str:
    p = _TextOf()
    p.feed(html)
    p.close()
    return "".join(p.out)


def read_pages(shared: Path) -> list[Doc]:
    """Readability's English news pages (tiers 1 and 2 of ``pages/news_index.json``):
    gold = ``{"date": publishedTime's date or None, "text": expected.html's text}``."""
    base = shared / "eval/pages"
    index = json.loads((base / "news_index.json").read_text(encoding="utf-8"))
    docs = []
    for e in index:
        if int(e.get("tier") or 9) > 2:
            continue  # tier 3: pages in other languages
        d = base / e["id"]
        html = (d / "source.html").read_text(encoding="utf-8", errors="replace")
        meta = json.loads((d / "expected-metadata.json").read_text(encoding="utf-8"))
        expected = html_text((d / "expected.html").read_text(encoding="utf-8", errors="replace"))
        # `date_from_source_html` (news_index.json) is a date the index's author read in the
        # page source where the metadata has none: not gold, reported beside the score.
        src = e.get("date_from_source_html")
        src_date = date_part(src) or (f"{src[:4]}-{src[4:6]}-{src[6:8]}" if src and src[:8].isdigit() else None)
        gold = {"date": date_part(meta.get("publishedTime")), "text": expected, "source_date": src_date}
        docs.append(Doc(e["id"], {"id": e["id"], "html": html, "url": None}, gold, {"source": e.get("source")}))
    return docs


# --------------------------------------------------------------------------- page gold


def read_page_gold(shared: Path) -> list[Doc]:
    """The reader's gold for English news pages (``page_gold/*.json``, one per page of
    ``pages/``): input = the page's HTML through article finding, gold = the JSON as
    ``score_pages.py`` reads it."""
    docs = []
    for gf in sorted((shared / "eval/page_gold").glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        page = gold["page"]
        html = (shared / "eval/pages" / page / "source.html").read_text(encoding="utf-8", errors="replace")
        docs.append(Doc(page, {"id": page, "html": html, "url": None}, gold, {}))
    return docs


# --------------------------------------------------------------------------- news (flags)

NEWS_FILES = {
    "polnear": "polnear_articles_2015_2016_dev.jsonl",
    "bbc": "bbc_2004_2005_dev.jsonl",
}


def read_news(shared: Path) -> list[Doc]:
    """Real articles without annotations, for flags per article. PolNeAR articles carry
    their date (sent as published); BBC ones have none."""
    docs = []
    for corpus, name in NEWS_FILES.items():
        for r in _lines(shared / "eval/news" / name):
            did = f"{corpus}/{r['id']}"
            inp = {"id": did, "text": r["text"]}
            if r.get("date"):
                inp["published"] = r["date"]
            docs.append(Doc(did, inp, None, {"corpus": corpus}))
    return docs


# --------------------------------------------------------------------------- planted (flags)


def read_planted(shared: Path) -> list[Doc]:
    """Articles written for the project with planted contradictions
    (``planted/dev.jsonl``, kinds defined in its README): input = text and publication
    date, gold = the record's flags, near-misses, people and quotes as they are."""
    docs = []
    for r in _lines(shared / "eval/planted/dev.jsonl"):
        inp = {"id": r["id"], "text": r["text"]}
        if r.get("published"):
            inp["published"] = r["published"]
        gold = {k: r.get(k) or [] for k in ("flags", "near_misses", "people", "quotes")}
        docs.append(Doc(r["id"], inp, gold, {}))
    return docs


READERS = {
    "people": read_people,
    "time": read_time,
    "quotes": read_quotes,
    "pages": read_pages,
    "page_gold": read_page_gold,
    "flags": read_news,
    "planted": read_planted,
}
