"""Names kept whole and the evidence kinds for places (invented articles, default settings
unless a test is about what ``--all`` shows)."""
from __future__ import annotations

import pytest
from support import entry_named as _entry, entry_names as _names




@pytest.mark.parametrize("text, name", [
    # particles inside a name
    ("Commission President Marta van der Brugge said on Monday that talks would resume.", "Marta van der Brugge"),
    ("Alvaro de Lima, the fund's managing director, said the loan would help.", "Alvaro de Lima"),
    # a given name the model left out
    ("Dutch farmer Sjoerd Jan Vetham said the floods had ruined his crop.", "Sjoerd Jan Vetham"),
    # a title never inside the name
    ("Treasurer Alan Brightwell said the budget would be tight.", "Alan Brightwell"),
    # a particle the model left at the end of a name
    ("Mr Alves said that President Joao Pedro Lima da Costa had decided to step in.", "Joao Pedro Lima da Costa"),
    # a party before the name
    ("But Lib Dem Norman Hale accused ministers of hiding the costs.", "Norman Hale"),
    ("Republican Lisa Dorn said the plan was wrong.", "Lisa Dorn"),
])
def test_names_are_kept_whole(extract_text, text, name):
    people = _names(extract_text(text), "people")
    assert name in people
    assert all(p == name or p not in name for p in people), people  # no fragment of it besides


@pytest.mark.parametrize("text, party", [
    ("The Lib Dem said the plan was wrong. Lib Dem Norman Hale agreed.", "Lib Dem"),
    ("A Liberal Democrat said the cuts were unfair, and Sarah Vane agreed.", "Liberal Democrat"),
])
def test_a_party_is_not_a_person(extract_text, text, party):
    assert party not in _names(extract_text(text, keep_all=True), "people")


def test_a_surname_that_is_also_a_party_word_stays_a_name(extract_text):
    record = extract_text("Philip Green bought the chain in May. Green said he was happy with the price.")
    person = _entry(record, "people", "Philip Green")
    assert len(person["mentions"]) == 2


def test_a_double_surname_alone_is_the_same_person(extract_text):
    record = extract_text("Karla Montes Rivera won the final in Lyon.\n\nMontes Rivera said she was tired.")
    assert _names(record, "people") == ["Karla Montes Rivera"]
    assert len(record["people"][0]["mentions"]) == 2


@pytest.mark.parametrize("text, name", [
    ("REUTERS / Anna Lindqvist\n\nProtesters gathered in Vienna on Sunday to march on parliament.", "Anna Lindqvist"),
    ("Protesters gathered in Vienna on Sunday.\n\nPhoto: Anna Lindqvist", "Anna Lindqvist"),
])
def test_a_photo_credit_is_not_a_person_of_the_story(extract_text, text, name):
    assert name not in _names(extract_text(text), "people")
    assert "against:credit" in _entry(extract_text(text, keep_all=True), "people", name)["evidence"]


@pytest.mark.parametrize("text, name, signal", [
    ("The waste is stored at Dounreay, in Sutherland, in the form of glass bricks.", "Dounreay", "qualifier"),
    ("The match will be played at the Harbourside Stadium in June.", "Harbourside Stadium", "building-word"),
    ("Conductor Paolo Rossi, director of Naples's famous La Corvina Theatre, has died. His time at "
     "La Corvina coincided with its reopening.", "La Corvina", "building-word"),
])
def test_places_the_article_places_are_kept(extract_text, text, name, signal):
    assert signal in _entry(extract_text(text, keep_all=True), "places", name)["evidence"]
    assert name in _names(extract_text(text), "places")


@pytest.mark.parametrize("text, name", [
    # a country or a city before a kind of work says where it is from
    ("Young UK film fans voted for the cartoon in record numbers.", "United Kingdom"),
    ("The news sent Tokyo shares to an eight-month high.", "Tokyo"),
    # where a match is played is a place, in a sports report too
    ("The captain and the squad were fit for the match in Perth. The striker scored two goals and "
     "the coach praised the fans after the victory.", "Perth"),
    ("The relay team won in Oslo on Sunday.", "Oslo"),
    ("Perth will host the final in June. The striker, the coach and the squad were fit, and the fans "
     "saw two goals in the league.", "Perth"),
    # an adverb is no player's role
    ("The election is a choice between taking Britain forward and going back.", "United Kingdom"),
])
def test_words_of_works_and_matches_do_not_drop_a_real_place(extract_text, text, name):
    assert name in _names(extract_text(text), "places")


@pytest.mark.parametrize("text, name, signal", [
    # a list of sides opened by a word of teams
    ("The northern side will be drawn from the Six Nations teams Italy, Ireland and Wales.", "Wales",
     "against:side"),
    ("Tri-Nations rivals Australia and Argentina will meet in June.", "Argentina", "against:side"),
    # (a town as the subject or the object of a verb of matches is its club, an organization:
    # tests/test_organizations.py)
    # the end of a body's name
    ("The Police Federation of England and Wales said the plans were unworkable.", "Wales", "against:in-name"),
])
def test_places_that_are_sides_or_part_of_a_name_are_left_out(extract_text, text, name, signal):
    assert signal in _entry(extract_text(text, keep_all=True), "places", name)["evidence"]
    assert name not in _names(extract_text(text), "places")


def test_a_title_case_headline_is_not_the_name_of_a_body(extract_text):
    text = ("Minister in Berlin to Discuss Future Gaza Ceasefire\n\n"
            "The minister arrived in Berlin on Monday for talks about Gaza.\n")
    entry = _entry(extract_text(text, keep_all=True), "places", "Gaza")
    assert "against:in-name" not in entry["evidence"]
    assert "Gaza" in _names(extract_text(text), "places")
