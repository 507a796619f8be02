"""People in sports results: scorers, substitutes, line-ups, cricket scorecards."""
from __future__ import annotations

import pytest

from support import assert_offsets


def _names(record, key="people"):
    return {e["name"] for e in record[key]}


@pytest.mark.parametrize("text, expected", [
    # scorers before the minute in brackets, after "Country -"
    ("Scorers : Norway - Tore Kvalheim ( 12th ) , Arne Fossbakk ( 80th ) Latvia - Valdis Pukse ( 44th )\n",
     {"Tore Kvalheim", "Arne Fossbakk", "Valdis Pukse"}),
    # a substitute and his minute inside brackets, single surnames included
    ("Chile - 1 - Marco Fuentes , 4 - Ivan Toro ( Leiva 58th ) , 5 - Pablo Reyes ( 9 - Urrutia 77th )\n",
     {"Marco Fuentes", "Ivan Toro", "Leiva", "Pablo Reyes", "Urrutia"}),
    # a line-up with name particles and hyphenated names
    ("Netherlands - 1 - Henk ter Horst , 2 - Jan-Willem Bosma , 3 - Kees van der Berg ; 4 - Piet Dijkman\n",
     {"Henk ter Horst", "Jan-Willem Bosma", "Kees van der Berg", "Piet Dijkman"}),
])
def test_soccer_scorers_and_line_ups_are_people(extract_text, text, expected):
    record = extract_text(text)
    assert expected <= _names(record), record["people"]
    assert not {"Norway", "Latvia", "Chile", "Netherlands"} & _names(record)
    assert_offsets(record, text)


@pytest.mark.parametrize("text, expected", [
    ("Bowling : Dale Kerr 10-0-42-2 , Sunil Prabhu 9.3-1-51-3 , Okafor 6-0-30-0\n",
     {"Dale Kerr", "Sunil Prabhu", "Okafor"}),
    ("T. Hollins c Brathwaite b Mahmood 13\nR. Quayle c Pinnock b Ul-Hassan 40\n",
     {"Brathwaite", "Mahmood", "Pinnock"}),
])
def test_cricket_scorecards_name_bowlers_and_fielders(extract_text, text, expected):
    assert expected <= _names(extract_text(text))


@pytest.mark.parametrize("text, absent", [
    # one numbered name is no line-up; a country before a minute is no scorer
    ("Chapter 3 - Harbour Lights , a new novel , sold well .\n", "Harbour Lights"),
    ("Scorers : Peru ( 12th ) , Chile ( 80th )\n", "Peru"),
    # the minute slot needs a name that opens a list item
    ("The tournament favourite Lomax ( 4th ) withdrew .\n", "The tournament favourite Lomax"),
])
def test_results_slots_need_their_context(extract_text, text, absent):
    assert absent not in _names(extract_text(text))


@pytest.mark.parametrize("text, person", [
    ("Tomas Berdych ( Czech Republic ) beat Jurgen Melzer ( Austria ) 6-4 6-2\n", "Tomas Berdych"),
    # a results line whose capitals make it look like a heading
    ("Radek Stepanek ( Czech Republic ) beat Lukas Dlouhy ( Czech\n", "Radek Stepanek"),
    ("Svetla Dimova ( Bulgaria ) beat Ilona Vass ( Hungary ) 6-3 6-1\n", "Ilona Vass"),
])
def test_a_name_before_a_country_in_brackets_is_a_person(extract_text, text, person):
    assert person in _names(extract_text(text))


@pytest.mark.parametrize("text, person", [
    ("In the final the top seed plays second-seeded Canadian Jonathon Power . Power won in 1998 .",
     "Jonathon Power"),
    ("Veteran Kenyan Moses Tanui won the race in Boston .", "Moses Tanui"),
])
def test_a_nationality_is_no_part_of_a_name(extract_text, text, person):
    names = _names(extract_text(text))
    assert person in names
    assert not any(n.startswith(("Canadian", "Kenyan")) for n in names)


@pytest.mark.parametrize("text, clubs", [
    # whole-line fixtures and standings rows (played = won + drawn + lost)
    ("Division two results\nHalford 2 Dunmere 1\nKilbride 0 Selbury 3\n", {"Halford", "Dunmere", "Selbury"}),
    ("Standings\nDunmere 4 3 1 0 9 2 10\nHalford Athletic 4 2 1 1 6 5 7\n", {"Dunmere", "Halford Athletic"}),
    # a club before a player's or official's role
    ("Halford striker Ian Mossop scored twice . Halford lead the table .", {"Halford"}),
    ("The shot beat despairing Ostrava ' keeper Marek Zima . Ostrava were unable to reply .", {"Ostrava"}),
])
def test_results_tables_and_roles_name_clubs_not_people(extract_text, text, clubs):
    record = extract_text(text)
    assert not clubs & _names(record), record["people"]
    assert not clubs & _names(record, "places")


def test_golf_scores_are_no_standings(extract_text):
    record = extract_text("Leading scores\nDarren Clarke 66 67 68 201\nSergio Garcia 67 68 68 203\n")
    assert {"Darren Clarke", "Sergio Garcia"} <= _names(record)


@pytest.mark.parametrize("text, person", [
    ("Squad : Upul Chandana , Kumar Dharmasena , Chaminda Vaas , Nuwan Zoysa .\n", "Chaminda Vaas"),
    ("The goal came from a shot by Arjen de Zeeuw late in the game .\n", "Arjen de Zeeuw"),
])
def test_a_surname_takes_the_given_name_before_it(extract_text, text, person):
    assert person in _names(extract_text(text))


@pytest.mark.parametrize("text, person", [
    # initials before a surname, also a Mc/O' surname or one that is also a town's name
    ("Surrey 301 ( A. Brown 88 ; D. McGregor 4-60 )\n", "D. McGregor"),
    ("Kent 250 ( T. Ward 61 , J. Preston 4-52 )\n", "J. Preston"),
])
def test_initials_make_a_person(extract_text, text, person):
    assert person in _names(extract_text(text))


def test_abbreviated_places_are_no_initials(extract_text):
    record = extract_text("Talks between N. Korea and S. Korea resumed on Monday .")
    assert not any("Korea" in n for n in _names(record))
