"""Which place an ambiguous or shortened name means: the short names GeoNames lists for a
town ("Newcastle" for Newcastle upon Tyne, "Acapulco" for Acapulco de Juárez) are candidates
the article's other places choose between, and an accent-less alias that is an English word
yields to the place written exactly so ("Sale", England, not Salé)."""
from __future__ import annotations


import pytest

from support import load_script


def _places(record):
    return {p["name"]: p for p in record["places"]}


@pytest.mark.parametrize("text, name, country", [
    # the article's other places choose among the towns of one name
    ("Flooding closed roads in Newcastle and Gateshead on Monday. Sunderland and Durham were also hit.",
     "Newcastle", "GB"),
    ("Bushfires threatened homes near Newcastle, north of Sydney, as New South Wales braced for heat.",
     "Newcastle", "AU"),
    ("Hundreds of tourists were stranded in Acapulco after the hurricane struck Mexico's Pacific coast.",
     "Acapulco", "MX"),
    ("Floods cut power to thousands of homes in Rostov and Volgograd in southern Russia.",
     "Rostov", "RU"),
])
def test_a_short_name_finds_the_town_the_article_means(extract_text, text, name, country):
    places = _places(extract_text(text, min_confidence=0))
    assert name in places, places
    assert places[name]["country"] == country, places[name]
    assert places[name]["lat"] is not None


def test_an_accentless_english_word_is_not_the_accented_town(extract_text):
    record = extract_text("Traffic was heavy in Sale and Altrincham after the crash near Manchester.",
                          min_confidence=0)
    places = _places(record)
    assert "Salé" not in places, places
    if "Sale" in places:
        assert places["Sale"]["country"] == "GB", places["Sale"]


@pytest.fixture(scope="module")
def build_tool():
    return load_script("tools/gazetteer_build.py")


@pytest.mark.parametrize("name, others, short", [
    ("Newcastle upon Tyne", ["Newcastle", "Newcastle-upon-Tyne"], ["Newcastle"]),
    ("Port Harbour-on-Sea", ["Port Harbour"], ["Port Harbour"]),
    ("Villamar de Juárez", ["Villamar"], ["Villamar"]),
    ("Gold Coast", ["Gold"], []),  # a capitalized word goes on the name: no short name
    ("Kingsbridge upon Avon", ["Kingsbridge-upon-Avon"], []),  # GeoNames lists no short name
])
def test_short_names_are_the_ones_geonames_lists(build_tool, name, others, short):
    assert build_tool._short_names({"name": name, "alternatenames": others}) == short


def test_a_folded_english_word_yields_to_the_place_named_so(build_tool):
    rows = [{"alias": "Vale", "name": "Valé", "kind": "city", "match": 1, "population": 900000, "capital": 0,
             "folded": True},
            {"alias": "Vale", "name": "Vale", "kind": "city", "match": 0, "population": 60000, "capital": 0},
            {"alias": "Rimo", "name": "Rimó", "kind": "city", "match": 1, "population": 900000, "capital": 0,
             "folded": True}]
    build_tool._demote_folded_words(rows, {"vale"})
    best = {r["alias"]: r["name"] for r in build_tool.best_rows(rows)}
    assert best == {"Vale": "Vale", "Rimo": "Rimó"}
    assert rows[0]["match"] == 0 and rows[2]["match"] == 1
