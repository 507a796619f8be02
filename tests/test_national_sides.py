"""National teams and clubs named after places are organizations where they act as a side
(annotation.md, Places); the same country in any other sense stays a place."""
from __future__ import annotations

import pytest

from support import entry_names

RUGBY = ("The coach named his squad for the Six Nations match on Saturday. The winger and the flanker "
         "are fit again, the referee said the scrum was legal, and the fans expect tries. ")
FOOTBALL = ("The manager praised the striker and the midfielder after the league match. The goalkeeper "
            "kept a clean sheet and the fans sang as the defender scored a late goal. ")
CRICKET = ("The batsman and the bowler starred as the wicket fell late in the innings. The captain said "
           "the squad was tired after the match and the fans went home happy. ")
TENNIS = ("The second seed reached the tennis semi-final on Friday. The champion served well, the "
          "tournament crowd cheered every point of the match and her coach was pleased. ")


def _places(record):
    return set(entry_names(record, "places"))


def _orgs(record):
    return set(entry_names(record, "organizations"))


@pytest.mark.parametrize("text, side", [
    # a team sport: the country's possessive owns a player
    (RUGBY + "Scotland's Ewan Marsh said he had touched the ball down.", "Scotland"),
    # the other side of a result
    (RUGBY + "It was his side's third loss to Italy in a row.", "Italy"),
    (FOOTBALL + "Their 2-1 win over Portugal sent them top of the group.", "Portugal"),
    # a verb of matches
    (CRICKET + "Kenya beat Namibia by five wickets on Sunday.", "Namibia"),
    # a list of opponents after "against", however long
    (RUGBY + "Marsh played in the tests against Fiji, Samoa and Tonga last autumn.", "Tonga"),
    # the side's player, team or games
    (FOOTBALL + "Chile striker Pablo Reyes missed the game.", "Chile"),
    (RUGBY + "He missed Argentina's autumn internationals with a knee injury.", "Argentina"),
])
def test_a_country_acting_as_a_side_is_an_organization_not_a_place(extract_text, text, side):
    record = extract_text(text, keep_all=True)
    assert side in _orgs(record), record["organizations"]
    assert side not in _places(record)


@pytest.mark.parametrize("text, place", [
    # where a player goes or comes from is a place, in a sports report too
    (FOOTBALL + "The midfielder wants a return to Scotland next season.", "Scotland"),
    (RUGBY + "The flanker was born in Italy and moved to Wales as a boy.", "Italy"),
    (FOOTBALL + "The striker completed a move to Spain on Friday.", "Spain"),
    # in tennis the possessive and the brackets say where a player is from
    (TENNIS + "Chile's Marta Rivas beat Ana Lind 6-3 6-4.", "Chile"),
    (TENNIS + "Second round: Ana Lind ( Sweden ) beat Marta Rivas ( Chile ) 6-3 6-4.", "Sweden"),
    # "loss to" outside a sports report
    ("The factory closed last year. Its loss to Ireland cost the town 400 jobs, the council said. "
     "Ministers will meet on Monday.", "Ireland"),
])
def test_a_country_in_any_other_sense_stays_a_place(extract_text, text, place):
    record = extract_text(text, keep_all=True)
    assert place in _places(record), record["places"]
    assert place not in _orgs(record)


def test_a_country_named_as_a_side_and_as_a_place_is_both(extract_text):
    text = FOOTBALL + "Norway captain Erik Dahl, who beat Iceland on Saturday, will move back to Norway in June."
    record = extract_text(text, keep_all=True)
    assert "Norway" in _orgs(record)
    place = next(p for p in record["places"] if p["name"] == "Norway")
    assert [m["text"] for m in place["mentions"]] == ["Norway"]  # the place mention only
    assert place["mentions"][0]["start"] == text.rindex("Norway")
    assert "against:side" in place["evidence"]  # the article also has it as a side


@pytest.mark.parametrize("text, club, town", [
    (RUGBY + "Hale trained with Carlow Otters on Wednesday. Carlow director of rugby Tom Brent was pleased.",
     "Carlow Otters", "Carlow"),
    (FOOTBALL + "Reyes signed for Athlone Eagles in May. Athlone chairman Mark Hynes said the fee was fair.",
     "Athlone Eagles", "Athlone"),
])
def test_a_town_that_starts_a_clubs_name_is_the_club(extract_text, text, club, town):
    record = extract_text(text, keep_all=True)
    assert club in _orgs(record), record["organizations"]
    assert town not in _places(record)


@pytest.mark.parametrize("text", [
    RUGBY + "Marsh said the Sale player had been offside.",
    "Sale of the company was agreed on Monday. Sale Sharks fans were not told.",
])
def test_an_accentless_english_word_is_not_an_accented_place(extract_text, text):
    # "Sale" is an English word and a town in England, not the Moroccan city Salé
    record = extract_text(text, keep_all=True)
    assert "Salé" not in _places(record), record["places"]


def test_the_accented_name_as_written_is_still_the_place(extract_text):
    record = extract_text("Officials flew to Salé on Monday to inspect the port. Rabat is nearby.")
    place = next((p for p in record["places"] if p["name"] == "Salé"), None)
    assert place is not None and place["country"] == "MA", record["places"]
