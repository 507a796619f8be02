"""Evidence and confidence on people, places and organizations (invented articles)."""
from __future__ import annotations

import json

import pytest

from newsextract.facts.confidence import model, score, threshold
from support import entry_named as _entry



@pytest.mark.parametrize("text, kind, name, signal", [
    ("Finance Minister Greta Holm said the budget was fair.", "people", "Greta Holm", "title:Finance Minister"),
    ("Greta Holm said the budget was fair.", "people", "Greta Holm", "speaker"),
    ("Greta Holm said the budget was fair.", "people", "Greta Holm", "given-name"),
    ("Greta Holm, 47, runs a bakery in Leeds.", "people", "Greta Holm", "age"),
    ("Greta Holm lost her seat. She said the result was fair.", "people", "Greta Holm", "pronoun"),
    ("Greta Holm opened the new bridge in Tromso.", "people", "Greta Holm", "agent"),
    ("The minister flew to Jakarta on Monday.", "places", "Jakarta", "preposition:to"),
    ("The minister flew to Jakarta on Monday.", "places", "Jakarta", "gazetteer:city"),
    ("Talks in Peru ended on Monday.", "places", "Peru", "gazetteer:country"),
    ("Shares in Harlow Mining Corp fell by 4% on Monday.", "organizations", "Harlow Mining Corp", "company-suffix"),
])
def test_each_entry_lists_what_made_it(extract_text, text, kind, name, signal):
    entry = _entry(extract_text(text, keep_all=True), kind, name)
    assert signal in entry["evidence"]
    assert 0.0 <= entry["confidence"] <= 1.0


@pytest.mark.parametrize("text, kind, name, signal", [
    # another film, another band, another award: works and events stand beside the name
    ("Critics loved the film Marlow Grange, which opened in cinemas on Friday.", "people", "Marlow Grange",
     "against:work"),
    ("Fans queued for hours to see the band Velvet Harbour play in Leeds.", "people", "Velvet Harbour",
     "against:work"),
    ("She starred in Dorian Vale before she moved to Paris.", "people", "Dorian Vale", "against:work-verb"),
    # another club: a town that plays is a side
    ("Bristol beat Exeter 3-1 on Saturday and the manager was delighted.", "places", "Bristol", "against:side"),
    ("The winger signed for Bristol on Tuesday.", "places", "Bristol", "against:side"),
])
def test_evidence_against_works_and_sides(extract_text, text, kind, name, signal):
    entry = next((e for e in extract_text(text, keep_all=True)[kind] if e["name"] == name), None)
    if entry is None:
        return  # not taken for a person or a place at all: better still
    assert signal in entry["evidence"]


@pytest.mark.parametrize("text, kind, name", [
    ("Critics loved the film Marlow Grange, which opened in cinemas on Friday.", "people", "Marlow Grange"),
    ("Bristol beat Exeter 3-1 on Saturday and the manager was delighted.", "places", "Exeter"),
])
def test_works_and_sides_are_left_out_by_default(extract_text, text, kind, name):
    assert name not in [e["name"] for e in extract_text(text)[kind]]


@pytest.mark.parametrize("text, plain, name", [
    ("She starred in Dorian Vale before she moved to Paris.",
     "She met Dorian Vale before she moved to Paris.", "Dorian Vale"),
    ("Fans queued to see the band Velvet Harbour in Leeds.",
     "Fans queued to see Velvet Harbour in Leeds.", "Velvet Harbour"),
])
def test_evidence_against_lowers_confidence(extract_text, text, plain, name):
    against = next((e for e in extract_text(text, keep_all=True)["people"] if e["name"] == name), None)
    if against is None:
        return  # not a person at all
    assert against["confidence"] < _entry(extract_text(plain, keep_all=True), "people", name)["confidence"]


@pytest.mark.parametrize("text, kind, name", [
    ("Finance Minister Greta Holm said the budget was fair.", "people", "Greta Holm"),
    ("The minister flew to Jakarta on Monday.", "places", "Jakarta"),
    ("Protesters gathered in Lima on Monday, police in Peru said.", "places", "Peru"),
])
def test_people_and_places_with_good_evidence_stay(extract_text, text, kind, name):
    record = extract_text(text)
    entry = _entry(record, kind, name)
    assert entry["confidence"] >= threshold(kind)


def test_thresholds_change_what_is_kept(extract_text):
    text = "Critics loved the film Marlow Grange. Greta Holm said it was the best of the year in Oslo."
    kept_all = extract_text(text, keep_all=True)
    default = extract_text(text)
    strict = extract_text(text, min_confidence=0.999)
    n = {k: (len(kept_all[k]), len(default[k]), len(strict[k])) for k in ("people", "places")}
    for a, d, s in n.values():
        assert a >= d >= s
    assert sum(a for a, _, _ in n.values()) > sum(s for _, _, s in n.values())


def test_more_evidence_never_lowers_confidence_of_a_person():
    weights = model()["kinds"]["people"]["weights"]
    base = ["model:PERSON", "full-name"]
    for signal in ("given-name", "speaker", "title:Mayor", "pronoun"):
        if weights.get(signal.split(":")[0], 0) > 0:
            assert score("people", base + [signal]) > score("people", base)


def test_the_model_is_inspectable_data():
    from newsextract.lexicon.resources import model_file

    data = json.loads(model_file("confidence.json").read_text(encoding="utf-8"))
    for kind in ("people", "places", "organizations"):
        assert set(data["kinds"][kind]) >= {"bias", "threshold", "weights"}
        assert 0.0 <= data["kinds"][kind]["threshold"] < 1.0


def test_cli_all_and_min_confidence(tmp_path):
    from typer.testing import CliRunner

    from newsextract.cli.app import app
    from support import jsonl_records

    article = tmp_path / "a.txt"
    article.write_text("Critics loved the film Marlow Grange. Greta Holm said so in Oslo.\n", encoding="utf-8")
    runner = CliRunner()
    everything = runner.invoke(app, ["parse", str(article), "-f", "jsonl", "--all"])
    default = runner.invoke(app, ["parse", str(article), "-f", "jsonl"])
    assert everything.exit_code == default.exit_code == 0
    (a,), (d,) = jsonl_records(everything.stdout), jsonl_records(default.stdout)
    assert all("confidence" in e and "evidence" in e for k in ("people", "places") for e in a[k])
    assert len(a["people"]) + len(a["places"]) >= len(d["people"]) + len(d["places"])
    both = runner.invoke(app, ["parse", str(article), "--all", "--min-confidence", "0.5"])
    assert both.exit_code == 2


@pytest.mark.parametrize("text, name", [
    # a given name that is also an everyday word, the person named again by surname
    ("The new comedy ended Will Haverton's reign at the box office. Haverton's new heist caper fell to second.",
     "Will Haverton"),
    # a given name that is also a place, with a role
    ("Director Sofia Brannagh won the jury prize for her second film.", "Sofia Brannagh"),
    ("Chad Ellory scored twice. Ellory said he now has nine goals this season.", "Chad Ellory"),
])
def test_a_given_name_that_is_also_a_word_counts_with_more_evidence(extract_text, text, name):
    entry = _entry(extract_text(text, keep_all=True), "people", name)
    assert "given-name" in entry["evidence"] and "against:common-word" not in entry["evidence"]
    assert name in {p["name"] for p in extract_text(text)["people"]}  # kept by default


@pytest.mark.parametrize("text, name", [
    ("The new comedy ended Will Haverton's reign at the box office.", "Will Haverton"),
    # a given name that is also a place needs what only a person has, not a second mention
    ("Chad Ellory scored twice. Ellory now has nine goals this season.", "Chad Ellory"),
])
def test_a_given_name_that_is_also_a_word_alone_is_no_evidence(extract_text, text, name):
    entry = _entry(extract_text(text, keep_all=True), "people", name)
    assert "given-name" not in entry["evidence"]
