"""Organizations: one entry per body, acronyms and short names merged into the full name."""
from __future__ import annotations

import pytest


def _orgs(record):
    return {o["name"]: [m["text"] for m in o["mentions"]] for o in record["organizations"]}


@pytest.mark.parametrize("text, name, forms", [
    ("The World Health Organization sent experts. The WHO said the outbreak was contained.",
     "World Health Organization", ["World Health Organization", "WHO"]),
    ("The ECB raised rates. The European Central Bank said inflation was too high.",
     "European Central Bank", ["ECB", "European Central Bank"]),
    ("Shares in Marks & Spencer rose. M&S said sales were strong.", "Marks & Spencer", ["Marks & Spencer", "M&S"]),
    ("The Green Party won two seats. The Greens said they would hold their nerve.", "Green Party", None),
    ("Delegates of the Labour Party gathered in Leeds. Labour said it would contest every seat.",
     "Labour Party", ["Labour Party", "Labour"]),
])
def test_acronym_and_short_name_join_the_full_name(extract_text, text, name, forms):
    orgs = _orgs(extract_text(text))
    assert name in orgs, orgs
    if forms is not None:
        assert orgs[name] == forms
        assert len(orgs) == 1


def test_an_acronym_that_fits_two_bodies_joins_neither(extract_text):
    text = ("The Football Association and the Financial Authority met. The FA said nothing.")
    orgs = _orgs(extract_text(text))
    assert "FA" in orgs
    assert all("FA" not in forms for name, forms in orgs.items() if name != "FA")


def _names(record, kind):
    return {e["name"] for e in record[kind]}


SPORT = ("The coach praised the squad and the fans after the league match. The striker scored two goals "
         "and the captain said the season was not over. ")


@pytest.mark.parametrize("text, club", [
    # the subject or the object of a verb of matches, in a sports report
    (SPORT + "Norwich beat Exeter 3-1 on Saturday.", "Norwich"),
    (SPORT + "Last month Swindon defeated Plymouth in the cup.", "Plymouth"),
    ("The striker and the coach saw the goals in the league. Last season Coventry defeated them in the cup "
     "and the fans were delighted.", "Coventry"),
    # one of a list of sides that a word of teams opens
    (SPORT + "Title rivals Yorkshire, Durham and Somerset all closed in on victory.", "Durham"),
    # a player's role after the town
    (SPORT + "Bristol striker Tom Hale was left out.", "Bristol"),
])
def test_a_town_acting_as_a_side_is_an_organization_not_a_place(extract_text, text, club):
    record = extract_text(text)
    assert club in _names(record, "organizations"), record["organizations"]
    assert club not in _names(extract_text(text, keep_all=True), "places")


@pytest.mark.parametrize("text, place", [
    # where the match is played stays a place
    (SPORT + "Norwich beat Exeter 3-1 in Leeds on Saturday.", "Leeds"),
    # a country is written as the national side and searched for as the country
    (SPORT + "Wales beat Italy 3-1 on Saturday.", "Italy"),
])
def test_where_a_match_is_played_and_countries_stay_places(extract_text, text, place):
    record = extract_text(text, keep_all=True)
    assert place in _names(record, "places")
    assert place not in _names(record, "organizations")


@pytest.mark.parametrize("text, player", [
    # a player of an individual sport whose name is a town's, named in full and quoted
    ("The seed and the champion met in the tennis semi-final. Marcus Preston beat Tom Hale 6-3 6-4 "
     "and the fans cheered. \"I served well,\" said Preston. The coach watched the match and the "
     "tournament goes on.", "Preston"),
])
def test_a_player_named_like_a_town_is_not_a_club(extract_text, text, player):
    record = extract_text(text, keep_all=True)
    assert player not in _names(record, "organizations"), record["organizations"]


@pytest.mark.parametrize("text, name", [
    # a competition, a tour or a prize is not a body
    ("The club, who put Rovers out of last year 's NCAF Cup, were fined.", "NCAF Cup"),
    ("He took four wickets in the third match of the Vantage World Series one-day cricket tournament.",
     "Vantage World Series"),
    ("Hollis has three career Pacific Tour victories but none since 2019.", "Pacific Tour"),
    # the column headings of a standings table
    ("Standings (tabulate under won, lost, percentage):\nW L PCT GB\nRiverton 64 43 .596 -\n", "W L PCT GB"),
])
def test_events_and_headings_are_not_organizations(extract_text, text, name):
    assert name not in _orgs(extract_text(text, keep_all=True))


@pytest.mark.parametrize("text, name", [
    ("The Arab League said on Sunday that its envoys would travel to the region.", "Arab League"),
    ("The Football Association said the Cup final would be played in May.", "Football Association"),
])
def test_bodies_that_run_leagues_and_cups_stay_organizations(extract_text, text, name):
    assert name in _orgs(extract_text(text))
