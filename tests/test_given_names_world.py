"""Given names of other countries than the US (``models/first_names_world.txt``, from Faker's
person providers): a person whose given name the US baby-name counts do not hold is still
known by it (issue 14: people recall on unseen news). Invented articles."""
from __future__ import annotations

import pytest
from support import entry_named as _entry, entry_names as _names

from newsextract import lexicon


@pytest.mark.parametrize("name", ["Giacomo", "Vladislav", "Alastair", "Kofi", "Francois", "François", "Radoslaw"])
def test_given_names_of_other_countries_are_known(name):
    assert name in lexicon.first_names()


@pytest.mark.parametrize("word", [
    "Media", "Delta", "Gang",  # English words, nouns too ("Media Player", "Delta Airlines")
    "Sofia", "Jordan", "Chad",  # places ("Sofia" stays a given name only with more evidence)
    "Will", "May", "April",  # stop words, months
    "Stade", "Real",  # words that start other names
])
def test_words_and_places_are_no_given_names(word):
    assert word not in lexicon.first_names()


@pytest.mark.parametrize("text, name", [
    ("Shares in Brenta Holdings fell 4%. Giacomo Ferrantelli, who runs the fund, was unmoved.",
     "Giacomo Ferrantelli"),
    ("The talks stalled again. Vladislav Tsaregorodtsev arrived late and left early.",
     "Vladislav Tsaregorodtsev"),
    ("Ticket sales doubled this year, according to Abiodun Adeyemi-Cole of the promoters.",
     "Abiodun Adeyemi-Cole"),
])
def test_a_person_with_such_a_given_name_is_listed_by_default(extract_text, text, name):
    record = extract_text(text)
    assert name in _names(record, "people")
    assert "given-name" in _entry(extract_text(text, keep_all=True), "people", name)["evidence"]


def test_a_product_named_with_an_english_word_is_no_person(extract_text):
    record = extract_text("A patch fixes a hole in Media Hub and Vista Browser, the firm said.", keep_all=True)
    for entry in record["people"]:
        assert "given-name" not in entry["evidence"], entry
