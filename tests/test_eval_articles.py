"""The bbc_gold evaluation script: judging entries and the reliability table (made-up records)."""
from __future__ import annotations


import pytest

from support import ROOT, load_script, need_eval


@pytest.fixture(scope="module")
def eval_articles():
    return load_script("benchmarks/eval_articles.py")


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


HELDOUT_FILES = ("entities_heldout.jsonl", "entities_heldout2.jsonl", "entities_heldout3.jsonl", "entities_heldout4.jsonl",
                 "entities_heldout5.jsonl")
FIT_FILES = ("people_fit.jsonl", "entities_fit.jsonl", "entities_fit2.jsonl")


def _heldout(name):
    import json

    path = ROOT / "tests" / "data" / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name", HELDOUT_FILES)
def test_heldout_halves_cover_every_section_and_none_is_a_dev_article(name):
    import json

    articles = _heldout(name)
    dev = json.loads((need_eval("bbc_gold") / "dev.json").read_text(encoding="utf-8"))["articles"]
    assert not {a["id"] for a in articles} & set(dev)
    assert len({a["id"] for a in articles}) == len(articles)
    for split in ("tune", "locked"):
        sections = {a["id"].split("/")[0] for a in articles if a["split"] == split}
        assert sections == {"business", "entertainment", "politics", "sport", "tech"}


def test_the_heldout_and_fit_sets_share_no_article():
    ids = [a["id"] for name in HELDOUT_FILES + FIT_FILES for a in _heldout(name)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", ["entities_fit.jsonl", "entities_fit2.jsonl"])
def test_the_entities_fit_set_covers_every_section_and_no_dev_article(name):
    import json

    articles = _heldout(name)
    dev = json.loads((need_eval("bbc_gold") / "dev.json").read_text(encoding="utf-8"))["articles"]
    assert {a["split"] for a in articles} == {"fit"}
    assert not {a["id"] for a in articles} & set(dev)
    assert {a["id"].split("/")[0] for a in articles} == {"business", "entertainment", "politics", "sport", "tech"}


def test_the_people_fitted_on_are_in_no_dev_or_heldout_article():
    import json

    fit = {a["id"] for a in _heldout("people_fit.jsonl")}
    dev = json.loads((need_eval("bbc_gold") / "dev.json").read_text(encoding="utf-8"))["articles"]
    assert len(fit) >= 90
    assert not fit & set(dev)
    assert not fit & {a["id"] for name in HELDOUT_FILES for a in _heldout(name)}


@pytest.mark.parametrize("name", HELDOUT_FILES + ("entities_fit.jsonl", "entities_fit2.jsonl"))
def test_every_heldout_name_is_written_in_its_article(name):
    import json

    wanted = {a["id"]: a for a in _heldout(name)}
    texts = {}
    with (need_eval("bbc_news") / "bbc_fulltext.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in wanted:
                texts[row["id"]] = row["text"]
    assert set(texts) == set(wanted)
    for aid, a in wanted.items():
        for entry in a["people"] + a["places"]:
            assert any(form in texts[aid] for form in entry["accept"]), (aid, entry["name"])
        for place in a["places"]:
            assert place["country"] is None or (len(place["country"]) == 2 and place["country"].isupper()), (aid, place["name"])


@pytest.mark.parametrize("locked", ["heldout-locked", "heldout2-locked", "heldout3-locked", "heldout4-locked", "heldout5-locked", "pooled-locked"])
def test_the_locked_half_prints_figures_only(eval_articles, capsys, locked):
    need_eval("bbc_gold")
    assert eval_articles.main(["--set", locked, "--errors"]) == 2
    assert "figures only" in capsys.readouterr().err
