"""benchmarks/eval_geo.py: acc@161km on the project's own annotated set (can fail)."""
from __future__ import annotations


import pytest

from support import load_script, need_eval


@pytest.fixture(scope="module")
def eval_geo():
    return load_script("benchmarks/eval_geo.py")


def test_scoring_counts_distance_ids_and_missing_coordinates(eval_geo):
    rows = [
        {"source": "s", "article": "a", "mention": "Lakeport", "country": "US", "lat": 39.04, "lon": -122.91,
         "geonames_id": None},
        {"source": "s", "article": "a", "mention": "Erdfeld", "country": "DE", "lat": 50.0, "lon": 8.0,
         "geonames_id": 42},
        {"source": "s", "article": "a", "mention": "Nowhere", "country": "FR", "lat": 45.0, "lon": 1.0,
         "geonames_id": None},
        {"source": "s", "article": "a", "mention": "Unseen", "country": "FR", "lat": 45.0, "lon": 1.0,
         "geonames_id": None},
    ]
    record = {"places": [
        {"name": "Lakeport", "lat": 39.5, "lon": -122.5, "mentions": [{"text": "Lakeport"}]},  # ~62 km off
        {"name": "Erdfeld", "lat": 10.0, "lon": 10.0, "geonames_id": 42, "mentions": [{"text": "Erdfeld"}]},
        {"name": "Nowhere", "lat": None, "lon": None, "mentions": [{"text": "Nowhere"}]},
    ]}
    result = eval_geo.score_set(rows, {("s", "a"): record})
    assert result["recognized"] == 3
    assert result["acc161"] == pytest.approx(2 / 3)
    assert result["coords"] == pytest.approx(2 / 3)


def test_gold_set_names_enough_articles(eval_geo):
    rows = eval_geo.read_set()
    assert len({(r["source"], r["article"]) for r in rows}) >= 20
    assert all(-90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180 for r in rows)


def test_own_set_acc161_holds(eval_geo):
    need_eval("bbc_news", "bbc_fulltext.jsonl")
    need_eval("conll2003", "eng.testa.jsonl")
    rows = eval_geo.read_set()
    texts = eval_geo.article_texts(rows)
    keys = sorted(texts)
    records = eval_geo.extract([{"id": f"{s}:{a}", "text": texts[(s, a)]} for s, a in keys])
    result = eval_geo.score_set(rows, dict(zip(keys, records)))
    assert result["recognized"] >= 0.85 * result["gold"]
    assert result["acc161"] >= 0.90, result
