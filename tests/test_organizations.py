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
    (SPORT + "Wales beat Tonga 3-1 in Italy on Saturday.", "Italy"),
])
def test_where_a_match_is_played_stays_a_place(extract_text, text, place):
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
    # a time zone or a statistic alone
    ("Shares rose 0.2 percent by 1350 GMT in an easier market.", "GMT"),
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


@pytest.mark.parametrize("text, name, not_name", [
    # the kind of body the model ran into the name is not part of it
    ("Tensions rose in the north, Kestrel news agency said on Friday.", "Kestrel", "Kestrel news agency"),
    ("The strike failed, a spokesman for Air Norland 's pro-Socialist CFDT union said on Friday.", "CFDT",
     "pro-Socialist CFDT union"),
])
def test_lower_case_words_run_into_a_name_are_left_out(extract_text, text, name, not_name):
    orgs = _orgs(extract_text(text, keep_all=True))
    assert name in orgs and not_name not in orgs, orgs


@pytest.mark.parametrize("text", [
    "Israel will host talks from September 2 to 4, the defence ministry said.",
    "The army said on Monday, the defence ministry said.",
])
def test_a_kind_of_body_without_a_name_is_no_organization(extract_text, text):
    orgs = _orgs(extract_text(text, keep_all=True))
    assert not any(name[:1].islower() for name in orgs), orgs


@pytest.mark.parametrize("line, clubs", [
    # several results on one line
    ("Ashby 2 Kirkton 0 Dunmore 1 Lenbridge 1", ["Ashby", "Kirkton", "Dunmore", "Lenbridge"]),
    # a small word inside a club's name
    ("Queen of Westmoor 2 Kirkton 1", ["Queen of Westmoor", "Kirkton"]),
])
def test_every_name_of_a_results_line_is_a_club(extract_text, line, clubs):
    record = extract_text(f"Scottish league results on Saturday:\n\n{line}\n")
    orgs = _orgs(record)
    assert all(club in orgs for club in clubs), orgs


def test_months_and_numbers_in_a_table_are_not_clubs(extract_text):
    record = extract_text("Money supply figures (billions):\n\nJuly 96 June 96 July 95\n")
    assert not _orgs(record)


@pytest.mark.parametrize("text, club, place", [
    (SPORT + "Later the Carlow Otters beat the visitors 3-1.", "Carlow Otters", "Carlow"),
    (SPORT + "Bristol City beat Exeter 2-0 at home.", "Bristol City", "Bristol"),
])
def test_a_town_and_its_clubs_nickname_are_one_club(extract_text, text, club, place):
    record = extract_text(text, keep_all=True)
    assert club in _orgs(record), record["organizations"]
    assert place not in _names(record, "places")


def test_the_visitors_of_a_schedule_are_clubs_and_the_hosts_places(extract_text):
    text = ("Baseball schedule for Saturday, after the league games:\n\nDENVER AT BOSTON\nOMAHA AT TULSA\n"
            "HOUSTON AT ATLANTA\n")
    record = extract_text(text, keep_all=True)
    assert {"DENVER", "OMAHA", "HOUSTON"} <= set(_orgs(record)), record["organizations"]
    assert {"Boston", "Tulsa", "Atlanta"} <= _names(record, "places")


@pytest.mark.parametrize("text, name, acronym", [
    ("Fighters of the Kurdistan Democratic Party ( KDP ) held the town. A U.N. official said the KDP , "
     "backed by tanks , had advanced. The KDP charges that its rivals were armed.",
     "Kurdistan Democratic Party", "KDP"),
    ("Police said drugs were seized, the Central Narcotics Bureau ( CNB ) said. The haul weighed 2.2 kg , "
     "the CNB said.", "Central Narcotics Bureau", "CNB"),
])
def test_an_acronym_the_article_defines_is_that_organization_everywhere(extract_text, text, name, acronym):
    orgs = _orgs(extract_text(text))
    assert name in orgs, orgs
    assert orgs[name].count(acronym) == text.count(f" {acronym} "), orgs
