"""The CoNLL-2003 evaluation script: IOB1 spans and offsets (on made-up tokens)."""
from __future__ import annotations


import pytest

from support import load_script, need_eval


@pytest.fixture(scope="module")
def eval_conll():
    return load_script("benchmarks/eval_conll.py")


def test_iob1_spans_are_counted_sentence_by_sentence(eval_conll):
    tokens = ["Anna", "Berg", "met", "Oslo", "Lund", ".", "Kari", "Dahl"]
    tags = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "O", "I-PER", "I-PER"]
    # "Kari Dahl" starts a new sentence; "Oslo" and "Lund" are two places (B- splits them)
    assert eval_conll.gold_spans(tags, [6, 2]) == {(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (6, 8, "PER")}
    # a flat reading would join the last PER of one sentence to the first of the next
    assert eval_conll.gold_spans(["I-PER", "I-PER"], [1, 1]) == {(0, 1, "PER"), (1, 2, "PER")}


def test_mentions_map_back_to_tokens(eval_conll):
    text, starts, ends = eval_conll.build_text(["Anna", "Berg", "'s", "car", "Oslo"], [4, 1])
    assert text == "Anna Berg 's car\nOslo\n"
    record = {"people": [{"mentions": [{"text": "Anna Berg", "start": 0, "end": 9},
                                       {"text": "He", "start": 0, "end": 2}]}],
              "places": [{"mentions": [{"text": "Oslo", "start": 17, "end": 21}]}]}
    assert eval_conll.predicted_spans(record, starts, ends) == {(0, 2, "PER"), (4, 5, "LOC")}


def test_script_reads_the_shared_data(eval_conll):
    path = need_eval("conll2003", "eng.testa.jsonl")
    first = path.read_text(encoding="utf-8").splitlines()[0]
    import json

    doc = json.loads(first)
    assert sum(doc["sentence_lengths"]) == len(doc["tokens"]) == len(doc["tags"])


def test_entries_are_judged_by_their_mentions(eval_conll):
    text, starts, ends = eval_conll.build_text(["Anna", "Berg", "met", "Oslo", ".", "Berg", "left"], [5, 2])
    gold = {(0, 2, "PER"), (3, 4, "LOC")}
    record = {"people": [{"name": "Anna Berg", "evidence": ["given-name"], "confidence": 0.9,
                          "mentions": [{"text": "Anna Berg", "start": 0, "end": 9}]}],
              "places": [{"name": "Berg", "evidence": [], "confidence": 0.2,
                          "mentions": [{"text": "Berg", "start": starts[5], "end": ends[5]}]}]}
    rows = eval_conll.judge(record, gold, starts, ends)
    assert [(r["kind"], r["name"], r["right"]) for r in rows] == [("people", "Anna Berg", True),
                                                                 ("places", "Berg", False)]
