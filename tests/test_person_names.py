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


def _relabel(nlp, text, ents):
    """``text`` parsed, its entities replaced by the model guesses ``ents`` ((phrase, label),
    each phrase labelled wherever it stands), then the consistency component run on it."""
    from spacy.tokens import Span

    doc = nlp(text)
    words = [t.text for t in doc]
    spans, taken = [], set()
    for phrase, label in ents:
        size = len(phrase.split())
        for i in range(len(words) - size + 1):
            if words[i:i + size] == phrase.split() and not taken & set(range(i, i + size)):
                spans.append(Span(doc, i, i + size, label=label))
                taken.update(range(i, i + size))
    doc.set_ents(spans)
    doc = nlp.get_pipe("newsextract_entity_consistency")(doc)
    return {e.text: e.label_ for e in doc.ents}


@pytest.mark.parametrize("text, ents, name", [
    # a known given name, and the surname alone a person once
    ("The bronze went to Dwayne Marsell of Canada . Marsell said he was pleased with his run .",
     [("Dwayne Marsell", "PRODUCT"), ("Marsell", "PERSON"), ("Canada", "GPE")], "Dwayne Marsell"),
    ("Critics loved Susan Ockley in the role . Ockley is now in talks for a sequel .",
     [("Susan Ockley", "WORK_OF_ART"), ("Ockley", "PERSON")], "Susan Ockley"),
    # a hyphenated given name
    ("Coach Jean-Luc Barrade was sacked on Monday . Barrade had been in charge for a year .",
     [("Jean - Luc Barrade", "ORG"), ("Barrade", "PERSON")], "Jean-Luc Barrade"),
    # no known given name: the surname alone is a person twice
    ("Lock Eneko Arrieta has been dropped from the squad . Arrieta hurt his knee . Arrieta will miss "
     "the match .", [("Eneko Arrieta", "ORG"), ("Arrieta", "PERSON")], "Eneko Arrieta"),
])
def test_a_name_the_model_took_for_a_thing_is_a_person_by_its_surname(nlp, text, ents, name):
    assert _relabel(nlp, text, ents)[name] == "PERSON"


@pytest.mark.parametrize("text, ents, name, label", [
    # no known given name and the surname alone a person only once
    ("Lock Eneko Arrieta has been dropped from the squad . Arrieta hurt his knee .",
     [("Eneko Arrieta", "ORG"), ("Arrieta", "PERSON")], "Eneko Arrieta", "ORG"),
    # a club: its last word alone is mostly the club
    ("Aston Villa beat Leeds on Saturday . Villa were the better side . Villa scored twice and Villa "
     "held on .", [("Aston Villa", "ORG"), ("Leeds", "ORG"), ("Villa", "ORG")], "Aston Villa", "ORG"),
    # the last word is a place
    ("Troy Denver shares fell . Denver is where the firm began .",
     [("Troy Denver", "ORG"), ("Denver", "PERSON")], "Troy Denver", "ORG"),
    # two surnames joined by a hyphen are two people, not one
    ("Talk of a Harris-Brown feud grew . Brown said there was none .",
     [("Harris - Brown", "ORG"), ("Brown", "PERSON")], "Harris-Brown", "ORG"),
    # nobody of that surname in the article
    ("Billy Marsh opened in London on Monday and the show sold out .",
     [("Billy Marsh", "WORK_OF_ART"), ("London", "GPE")], "Billy Marsh", "WORK_OF_ART"),
])
def test_a_thing_without_a_person_of_its_surname_stays_a_thing(nlp, text, ents, name, label):
    assert _relabel(nlp, text, ents)[name] == label


@pytest.mark.parametrize("text, person", [
    # a one-letter initial before a surname is the name's, at a sentence's start too
    ("K Marlowe said the findings were clear.", "K Marlowe"),
    ("Lecturer K Marlowe wrote the report.", "K Marlowe"),
    ("The bill was drafted by J Smith and R Patel.", "J Smith"),
    ("The bill was drafted by J Smith and R Patel.", "R Patel"),
])
def test_an_initial_stays_with_the_surname(nlp, text, person):
    people = [e.text for e in nlp(text).ents if e.label_ == "PERSON"]
    assert person in people, people
    assert person.split()[-1] not in people, people
