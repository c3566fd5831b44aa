"""Unit tests of the scorer on synthetic data written for these tests (no third-party text).

Run: ``python3 -m unittest discover -s tests/eval`` (or ``python3 tests/eval/test_scorer.py``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import scorer  # noqa: E402
from scorer import GoldQuote, PredQuote, Timex  # noqa: E402


TEXT = "Ana Ortiz met Piotr Zieliński in Łódź on Monday; “We agreed,” Zieliński said. Ortiz nodded."


def spans_of(text: str, *needles: str) -> list[tuple[int, int]]:
    """Code-point spans of each needle's first occurrence (Python str indices are code points)."""
    out = []
    for n in needles:
        i = text.index(n)
        out.append((i, i + len(n)))
    return out


class GoldAgainstItself(unittest.TestCase):
    def test_people_perfect(self):
        gold = spans_of(TEXT, "Ana Ortiz", "Piotr Zieliński", "Zieliński said", "Ortiz nodded")
        gold = [(s, s + len(TEXT[s:e].split()[0])) if i >= 2 else (s, e) for i, (s, e) in enumerate(gold)]
        c = scorer.score_people(gold, list(gold))
        for kind in ("exact", "overlap"):
            self.assertEqual(c[kind].prf(), (1.0, 1.0, 1.0), kind)

    def test_time_perfect(self):
        gold = [Timex(spans_of(TEXT, "Monday")[0], "DATE", "2025-05-12"), Timex((0, 3), "DURATION", "P3Y")]
        c = scorer.score_times(gold, list(gold))
        self.assertEqual(c.strict.f1, 1.0)
        self.assertEqual(c.relaxed.f1, 1.0)
        self.assertEqual(c.value.f1, 1.0)
        self.assertEqual(c.type_accuracy, 1.0)

    def test_quotes_perfect(self):
        q = spans_of(TEXT, "We agreed,")[0]
        sp = spans_of(TEXT, "Zieliński said")[0]
        gold = [GoldQuote([q], "full", "Zieliński", (sp[0], sp[0] + 9))]
        pred = [PredQuote(q, True, (sp[0], sp[0] + 9), "Piotr Zieliński", "Zieliński")]
        c, missed, extra = scorer.score_quotes(gold, pred)
        self.assertEqual((c.recall("full"), c.speaker_accuracy("full"), c.direct.precision), (1.0, 1.0, 1.0))
        self.assertEqual((missed, extra), ([], []))

    def test_body_perfect(self):
        self.assertEqual(scorer.bag_overlap(TEXT, TEXT).prf(), (1.0, 1.0, 1.0))


class EmptyPredictions(unittest.TestCase):
    def test_people_empty(self):
        gold = spans_of(TEXT, "Ana Ortiz", "Piotr Zieliński")
        c = scorer.score_people(gold, [])
        for kind in ("exact", "overlap"):
            self.assertEqual(c[kind].recall, 0.0)
            self.assertEqual(c[kind].precision, 0.0)
            self.assertEqual(c[kind].f1, 0.0)

    def test_time_empty(self):
        c = scorer.score_times([Timex((0, 3), "DATE", "2025")], [])
        self.assertEqual((c.strict.recall, c.relaxed.recall, c.value.recall), (0.0, 0.0, 0.0))
        self.assertEqual(c.type_accuracy, 0.0)

    def test_quotes_empty(self):
        gold = [GoldQuote([(10, 20)], "none", "she", None)]
        c, missed, extra = scorer.score_quotes(gold, [])
        self.assertEqual(c.recall("none"), 0.0)
        self.assertEqual(len(missed), 1)

    def test_body_empty(self):
        self.assertEqual(scorer.bag_overlap(TEXT, "").recall, 0.0)

    def test_nothing_expected_nothing_found(self):
        self.assertEqual(scorer.score_people([], [])["exact"].prf(), (1.0, 1.0, 1.0))


class OneToOne(unittest.TestCase):
    def test_one_prediction_never_counts_for_two_gold_spans(self):
        gold = [(0, 3), (4, 9)]  # "Ana", "Ortiz" as if annotated separately
        pred = [(0, 9)]
        c = scorer.match_overlap(gold, pred)
        self.assertEqual((c.tp, c.precision, c.recall), (1, 1.0, 0.5))

    def test_two_predictions_inside_one_gold_span(self):
        c = scorer.match_overlap([(0, 9)], [(0, 3), (4, 9)])
        self.assertEqual((c.tp, c.precision, c.recall), (1, 0.5, 1.0))

    def test_matching_is_maximum_not_greedy(self):
        # Greedy would give pred 0 to gold 0 and leave gold 1 unmatched; the best matching
        # pairs gold 0 with pred 1 and gold 1 with pred 0.
        gold = [(0, 10), (8, 12)]
        pred = [(5, 9), (0, 4)]
        c = scorer.match_overlap(gold, pred)
        self.assertEqual(c.tp, 2)

    def test_exact_duplicates_count_once_each(self):
        c = scorer.match_exact([(0, 3)], [(0, 3), (0, 3)])
        self.assertEqual((c.tp, c.n_pred), (1, 2))

    def test_touching_spans_do_not_overlap(self):
        self.assertFalse(scorer.overlaps((0, 3), (3, 5)))
        self.assertEqual(scorer.match_overlap([(0, 3)], [(3, 5)]).tp, 0)

    def test_value_needs_a_matching_value(self):
        gold = [Timex((0, 6), "DATE", "2025-05-12"), Timex((10, 14), "DATE", "2025")]
        pred = [Timex((0, 6), "DATE", "2025-05-13"), Timex((10, 14), "date", " 2025 ")]
        c = scorer.score_times(gold, pred)
        self.assertEqual(c.relaxed.tp, 2)
        self.assertEqual(c.value.tp, 1)
        self.assertEqual(c.type_accuracy, 1.0)

    def test_long_document_does_not_recurse(self):
        gold = [(i, i + 2) for i in range(0, 20000, 2)]
        pred = [(i + 1, i + 3) for i in range(0, 20000, 2)]
        c = scorer.match_overlap(gold, pred)
        self.assertEqual(c.tp, len(gold))


class CodePoints(unittest.TestCase):
    """The data and Lede's CLI count code points; Python str indices are code points too, so
    a name after non-ASCII and astral characters keeps its offsets."""

    TEXT = "Über 🎉 Zoë Kowalczyk spoke; 𝒳 then Zoë left."

    def test_offsets_after_non_ascii(self):
        (s, e), = spans_of(self.TEXT, "Zoë Kowalczyk")
        self.assertEqual(self.TEXT[s:e], "Zoë Kowalczyk")
        self.assertEqual(s, 7)  # 'Ü', '🎉' are one code point each (UTF-16 would say 8)
        utf16_start = len(self.TEXT[:s].encode("utf-16-le")) // 2
        self.assertNotEqual(utf16_start, s)
        c = scorer.score_people([(s, e)], [(s, e)])
        self.assertEqual(c["exact"].tp, 1)
        # A prediction in UTF-16 units is off by one and fails the exact match.
        c = scorer.score_people([(s, e)], [(utf16_start, utf16_start + e - s)])
        self.assertEqual(c["exact"].tp, 0)

    def test_astral_span(self):
        i = self.TEXT.index("𝒳")
        self.assertEqual(self.TEXT[i : i + 1], "𝒳")
        self.assertEqual(scorer.match_exact([(i, i + 1)], [(i, i + 1)]).tp, 1)


class Speakers(unittest.TestCase):
    def test_last_word_of_gold_speaker_in_predicted_name(self):
        g = GoldQuote([(0, 5)], "full", "Senator Ana Ortiz's", None)
        self.assertTrue(scorer.speaker_right(g, PredQuote((0, 5), True, None, "Ana Ortiz", None)))
        self.assertFalse(scorer.speaker_right(g, PredQuote((0, 5), True, None, "Piotr Nowak", None)))

    def test_speaker_span_overlap(self):
        g = GoldQuote([(0, 5)], "full", "she", (10, 13))
        self.assertTrue(scorer.speaker_right(g, PredQuote((0, 5), True, (10, 13), "Ana Ortiz", "she")))

    def test_split_quote_fragments_both_credited(self):
        gold = [GoldQuote([(0, 10), (25, 40)], "full", "Ortiz", None)]
        pred = [PredQuote((0, 10), True, None, None, None), PredQuote((25, 40), True, None, None, None)]
        c, _, extra = scorer.score_quotes(gold, pred)
        self.assertEqual((c.found["full"], c.direct.tp, c.direct.n_pred, extra), (1, 2, 2, []))


    def test_direct_quote_inside_an_indirect_attribution_is_right(self):
        # Gold: one attribution "that the plan was, in her words, “a quiet success”" (partial).
        gold = [GoldQuote([(10, 60)], "partial", "Ortiz", None)]
        pred = [PredQuote((10, 60), False, None, None, None), PredQuote((40, 58), True, None, None, None)]
        c, _, extra = scorer.score_quotes(gold, pred)
        self.assertEqual((c.found["partial"], c.direct.precision, c.indirect.precision, extra), (1, 1.0, 1.0, []))
        # Two direct quotes on one gold fragment: one of them is extra.
        pred = [PredQuote((12, 20), True, None, None, None), PredQuote((40, 58), True, None, None, None)]
        c, _, extra = scorer.score_quotes(gold, pred)
        self.assertEqual((c.direct.tp, c.direct.n_pred, len(extra)), (1, 2, 1))


class Pages(unittest.TestCase):
    def test_date_part(self):
        self.assertEqual(scorer.date_part("2016-12-22T10:43:37-08:00"), "2016-12-22")
        self.assertEqual(scorer.date_part("2017-11-03 03:01:00.000000"), "2017-11-03")
        self.assertIsNone(scorer.date_part(None))
        self.assertIsNone(scorer.date_part("yesterday"))

    def test_word_multiset(self):
        c = scorer.bag_overlap("the cat and the dog", "the cat the the")
        self.assertEqual((c.tp, c.n_gold, c.n_pred), (3, 5, 4))


class PartlyAnnotated(unittest.TestCase):
    """MEANTIME-style documents: title, date line, then only five sentences annotated."""

    TEXT = (
        "Harbour bridge reopens\nMay 12, 2025\n"
        "Mayor Ana Ortiz opened the U.S. Route 9 bridge on Monday. It had been shut for three years. "
        "Dr. Wren said it cost 40 million. Traffic returned at noon. Shops reopened. "
        "Next week the ferry stops. A museum opens in June."
    )

    def test_sentence_ends_skip_initials_and_abbreviations(self):
        import sets

        ends = sets.sentence_ends(self.TEXT)
        pieces = [self.TEXT[a:b].strip() for a, b in zip([0] + ends, ends)]
        self.assertEqual(pieces[2], "Mayor Ana Ortiz opened the U.S. Route 9 bridge on Monday.")
        self.assertEqual(pieces[4], "Dr. Wren said it cost 40 million.")
        self.assertEqual(len(pieces), 9)

    def test_scored_region_ends_after_fifth_sentence(self):
        import sets

        until = sets.annotated_until(self.TEXT, [(0, 7)], 2 + 5)
        self.assertTrue(self.TEXT[:until].endswith("Shops reopened."))
        # A later annotation extends the region to the end of its sentence.
        i = self.TEXT.index("ferry")
        until = sets.annotated_until(self.TEXT, [(i, i + 5)], 2 + 5)
        self.assertTrue(self.TEXT[:until].endswith("the ferry stops."))


class HarnessWithoutData(unittest.TestCase):
    def test_missing_data_exits_2(self):
        with tempfile.TemporaryDirectory() as empty:
            env = {"LEDE_SHARED": empty, "PATH": "/usr/bin:/bin"}
            p = subprocess.run([sys.executable, str(HERE / "run.py"), "--gate"], env=env, capture_output=True, text=True)
            self.assertEqual(p.returncode, 2)
            self.assertIn("evaluation data is missing", p.stdout)

    def test_fake_predictor_scores_gold_perfectly(self):
        """An end-to-end run of the harness on a data folder written here, with a fake `lede`
        that answers each line with its gold annotation: every score must be 1.0."""
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            (root / "eval/ner").mkdir(parents=True)
            text = "Ana Ortiz visited Łódź on Monday, and Ortiz stayed."
            persons = [[0, 9, "Ana Ortiz"], [38, 43, "Ortiz"]]
            (root / "eval/ner/conll2003_dev.jsonl").write_text(
                json.dumps({"id": "d1", "text": text, "persons": persons, "date": "2025-05-12"}) + "\n", encoding="utf-8"
            )
            fake = root / "fake_lede.py"
            fake.write_text(
                "import json,sys\n"
                "for line in sys.stdin:\n"
                "    r=json.loads(line)\n"
                "    print(json.dumps({'id':r['id'],'people':[{'name':'Ana Ortiz','roles':[],'mentions':[[0,9],[38,43]],"
                "'mention_kinds':['name','alias']}],'quotes':[],'times':[],'flags':[],'published':None}))\n",
                encoding="utf-8",
            )
            wrapper = root / "lede"
            wrapper.write_text(f"#!/bin/sh\nexec {sys.executable} {fake}\n", encoding="utf-8")
            wrapper.chmod(0o755)
            env = {"LEDE_SHARED": str(root), "PATH": "/usr/bin:/bin"}
            p = subprocess.run(
                [sys.executable, str(HERE / "run.py"), "--set", "people", "--bin", str(wrapper)],
                env=env,
                capture_output=True,
                text=True,
            )
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertIn("100.0 / 100.0 / 100.0", p.stdout)


if __name__ == "__main__":
    unittest.main()
