"""Person names from context: a job before a name, a surname that is also a country."""
from __future__ import annotations

import pytest


def _people(record):
    return {p["name"]: p for p in record["people"]}


@pytest.mark.parametrize("text, person", [
    ('" We have no comment , " Foreign Ministry spokesman Tomasz Wrona said . Wrona declined to elaborate .',
     "Tomasz Wrona"),
    ("The deal was praised by analyst Heikki Lahtinen of a Helsinki bank .", "Heikki Lahtinen"),
])
def test_a_name_after_what_a_person_does_is_a_person(extract_text, text, person):
    record = extract_text(text)
    assert person in _people(record)
    assert person not in {o["name"] for o in record["organizations"]}


@pytest.mark.parametrize("text, person, country", [
    # a country that is a person's surname: the person wherever the article never puts anyone there
    ("Director Neil Jordan says the film is his best . Jordan said the shoot took a year . "
     "The cast praised Jordan 's patience .", "Neil Jordan", "Jordan"),
    ("Police named the man as Trevor Holland , 42 . Holland was taken to hospital in Leeds .",
     "Trevor Holland", "Holland"),
])
def test_a_surname_that_is_a_country_follows_the_person(extract_text, text, person, country):
    record = extract_text(text)
    assert country not in {p["name"] for p in record["places"]}
    mentions = [m["text"] for m in _people(record)[person]["mentions"]]
    assert mentions.count(country) >= 1


def test_a_country_the_article_visits_stays_a_place(extract_text):
    text = "Michael Jordan flew to Jordan on Monday . Jordan has hosted the talks before ."
    assert "Jordan" in {p["name"] for p in extract_text(text)["places"]}
