"""The bbc_gold evaluation script: judging entries and the reliability table (made-up records)."""
from __future__ import annotations

import importlib.util

import pytest

from support import ROOT, need_eval


@pytest.fixture(scope="module")
def eval_articles():
    spec = importlib.util.spec_from_file_location("eval_articles", ROOT / "benchmarks" / "eval_articles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scorer(eval_articles):
    return eval_articles.load_scorer(need_eval("bbc_gold"))


GOLD = {"a1": {"people": [{"name": "Ilse Marten", "accept": ["Ilse Marten"]}], "people_optional": ["Tomas"],
               "places": [{"name": "Lyon", "accept": ["Lyon"], "country": "FR"}], "places_optional": []}}


def test_entries_are_judged_against_the_gold(eval_articles, scorer):
    records = [{"id": "a1",
                "people": [{"name": "Ilse Marten", "confidence": 0.9, "evidence": ["given-name"]},
                           {"name": "Ilse Marten's", "confidence": 0.8, "evidence": []},
                           {"name": "Tomas", "confidence": 0.3, "evidence": []},
                           {"name": "Star Quest", "confidence": 0.2, "evidence": ["against:work"]}],
                "places": [{"name": "the Lyon", "confidence": 0.95, "evidence": ["gazetteer:city"]}]}]
    rows = eval_articles.judge(scorer, GOLD, records)
    assert [(r["name"], r["right"]) for r in rows] == [
        ("Ilse Marten", True), ("Ilse Marten's", None), ("Tomas", None), ("Star Quest", False), ("the Lyon", True)]


def test_reliability_table_counts_each_bin(eval_articles):
    rows = [{"kind": "people", "right": right, "confidence": c}
            for c, right in ((0.97, True), (0.96, True), (0.55, False), (0.52, True), (0.1, False))]
    table = eval_articles.reliability(rows, "people")
    assert "| 0.95-1.00 | 2 | 1.00 | 2 | 1.00 |" in table
    assert "| 0.50-0.60 | 2 | 0.50 | 4 | 0.75 |" in table
    assert "| 0.00-0.50 | 1 | 0.00 | 5 | 0.60 |" in table
