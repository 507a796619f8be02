"""The hand-annotated dev set: well-formed, and the extractor keeps its quality on it."""
from __future__ import annotations

import json

import pytest

from support import ROOT, load_script, need_eval

DEV = ROOT / "tests" / "data" / "commitments_dev.jsonl"


def _eval_module():
    return load_script("benchmarks/eval_commitments.py")


@pytest.mark.parametrize("annotations, source, at_least", [
    ("commitments_dev.jsonl", ("tempeval3", "train.jsonl"), 15),
    ("commitments_heldout.jsonl", ("bbc_news", "bbc_fulltext.jsonl"), 10),
])
def test_annotations_point_into_their_articles(annotations, source, at_least):
    source = need_eval(*source)
    gold = [json.loads(line) for line in (DEV.parent / annotations).read_text(encoding="utf-8").splitlines()]
    texts = {json.loads(line)["id"]: json.loads(line)["text"] for line in source.read_text(encoding="utf-8").splitlines()}
    assert len(gold) >= at_least
    for article in gold:
        assert "text" not in article  # annotations only: the texts stay in ../shared/eval
        text = texts[article["id"]]
        for c in article["commitments"]:
            assert 0 <= c["start"] < c["end"] <= len(text)
            assert c["actor"] and c["action"] and isinstance(c["negated"], bool)


@pytest.mark.parametrize("predicted, gold, same", [
    ("Cilcorp", {"actor": "Cilcorp Inc."}, True),
    ("The United States", {"actor": "United States"}, True),
    ("Canada", {"actor": "United States"}, False),
    ("Washington", {"actor": "United States", "aliases": ["Washington"]}, True),
    (None, {"actor": "Canada"}, False),
])
def test_actor_matching_in_the_evaluation(predicted, gold, same):
    assert _eval_module().same_actor(predicted, gold) is same


def test_dev_set_f1_actor_strict(nlp):
    need_eval("tempeval3", "train.jsonl")
    from newsextract.api import extract_many

    ev = _eval_module()
    gold, texts = ev.load_dev()
    items = [{"id": g["id"], "text": texts[g["id"]]["text"]} for g in gold]
    records = {a.id: a.to_dict() for a in extract_many(items, nlp=nlp)}
    tp = fp = fn = 0
    for g in gold:
        a, b, c, _, _ = ev.score(g["commitments"], records[g["id"]]["commitments"])
        tp, fp, fn = tp + a, fp + b, fn + c
    assert ev.prf(tp, fp, fn)[2] >= 0.80
