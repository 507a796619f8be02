"""Sides in sports reports, products and works beside names: the evidence that keeps them out of
people and places (invented articles; default settings unless a test is about what ``--all`` shows)."""
from __future__ import annotations

import pytest
from support import entry_named as _entry, entry_names as _names

# enough words of a match to make each text a sports report
SPORT = (" The coach said the squad had played well in the rugby match, and the captain agreed. "
         "The fans cheered the players at the stadium.")




@pytest.mark.parametrize("text, side", [
    # the other side of a result, after "defeat to", "win over", "lost to"
    ("Moreau was injured in the 24-18 defeat to Portugal last Saturday.", "Portugal"),
    ("Lemaire scored twice in the win over Romania on Sunday.", "Romania"),
    ("The hosts, who lost to Georgia last week, must now win both games.", "Georgia"),
    # joined by "and" to a side
    ("Moreau, capped in last year's Tests against Argentina and Chile, returns to the side.", "Chile"),
    ("Moreau was left out of the Tests against Argentina, Chile and Uruguay.", "Uruguay"),
    # a club in brackets after a player's name, as a line-up writes it
    ("The team: Luca Ferri (Treviso), Marco Belli (Padova), Paolo Conti (Rovigo).", "Padova"),
    # the club a player moves to
    ("Moreau has been linked with a move to Bordeaux this summer.", "Bordeaux"),
    ("Lemaire completed his switch to Nantes on Friday.", "Nantes"),
])
def test_a_side_in_a_sports_report_is_not_a_place(extract_text, text, side):
    record = extract_text(text + SPORT)
    assert side not in _names(record, "places")
    found = [e for e in extract_text(text + SPORT, keep_all=True)["places"] if e["name"] == side]
    assert not found or "against:side" in found[0]["evidence"]


@pytest.mark.parametrize("text, place", [
    ("Moreau rejected a move to Marbury Park on Friday.", "Marbury Park"),
    ("The squad flew to Portugal on Monday for the final.", "Portugal"),
    ("The match against the hosts was played in Padova in heavy rain.", "Padova"),
])
def test_where_a_match_is_played_stays_a_place(extract_text, text, place):
    assert place in _names(extract_text(text + SPORT), "places")


def test_a_club_in_a_line_up_is_not_a_person(extract_text):
    text = ("The team: Luca Ferri (Stade Marcellin), Marco Belli (Stade Marcellin, capt), "
            "Paolo Conti (Rovigo)." + SPORT)
    assert "Stade Marcellin" not in _names(extract_text(text), "people")
    assert {"Luca Ferri", "Marco Belli", "Paolo Conti"} <= set(_names(extract_text(text), "people"))


@pytest.mark.parametrize("text, name", [
    ("A patch fixes a hole in Orbix Messenger, which attackers could use. Most Orbix programs are affected.",
     "Orbix Messenger"),
    ("Fans queued for Zentro Racer at launch, and Zentro games sold well all year.", "Zentro Racer"),
])
def test_a_name_that_starts_with_a_product_word_of_the_article_is_not_a_person(extract_text, text, name):
    assert name not in _names(extract_text(text), "people")


@pytest.mark.parametrize("text, name", [
    ("Directed by Antoine Marchetti, the film was poorly received by critics.", "Antoine Marchetti"),
    ("Written by Clara Voss, the book sold a million copies.", "Clara Voss"),
])
def test_the_agent_of_a_work_stays_a_person(extract_text, text, name):
    assert name in _names(extract_text(text), "people")


@pytest.mark.parametrize("text, name", [
    ("Keanu Reeves' supernatural thriller Constantine dropped to third place.", "Constantine"),
    ("The biopic Verona took $5m in its first weekend.", "Verona"),
])
def test_a_work_named_after_a_place_is_not_a_place(extract_text, text, name):
    assert name not in _names(extract_text(text), "places")


@pytest.mark.parametrize("text, kind, name", [
    # the object of a verb of making or selling
    ("Brauhaus, which makes Clara Lindt, said profits rose 12%.", "people", "Clara Lindt"),
    ("The group sells Marco Vale in forty countries.", "people", "Marco Vale"),
    # a kind of work and a comma before the name
    ("The band launched into their last single, Carrowmore, which reached number eight.", "places", "Carrowmore"),
    # the end of a title that a kind of work opens, after its colon
    ("Sales were lifted by the game Iron Harbour: Daniel Reyes, which sold a million copies.", "people",
     "Daniel Reyes"),
])
def test_products_and_works_by_their_context_are_not_people_or_places(extract_text, text, kind, name):
    assert name not in _names(extract_text(text), kind)
    found = [e for e in extract_text(text, keep_all=True)[kind] if e["name"] == name]
    assert not found or {"against:work", "against:work-verb"} & set(found[0]["evidence"])


@pytest.mark.parametrize("text, name", [
    ("The board made Tomas Hardwick chairman in May.", "Tomas Hardwick"),
    ("Analysts said Helena Marsh, who makes films, was pleased.", "Helena Marsh"),
    ("In a sports report, the club sold Marco Belli to Leeds for £2m, and the coach said the striker"
     " and the squad would miss him. The fans agreed.", "Marco Belli"),
])
def test_people_near_verbs_of_making_stay_people(extract_text, text, name):
    assert name in _names(extract_text(text), "people")


@pytest.mark.parametrize("text", [
    # words of a sports report only: transfers, the ball, the whistle, a penalty
    "Moreau handed in a transfer request. He said the ball had crossed the line before the whistle "
    "and the referee should have given a penalty. Lemaire's side lost to Georgia last week.",
])
def test_an_article_about_a_transfer_or_a_penalty_is_a_sports_report(extract_text, text):
    record = extract_text(text, keep_all=True)
    # "lost to Georgia" in a sports report: the national side, an organization (test_national_sides.py)
    found = [e for e in record["organizations"] if e["name"] == "Georgia"]
    assert found and "context:sport" in found[0]["evidence"] and "side" in found[0]["evidence"]
    assert "Georgia" not in _names(record, "places")


@pytest.mark.parametrize("text, place", [
    ("Wilson trained with Lanark Harriers on Wednesday.", "Lanark"),
    ("Shares in Kendal Mint Holdings rose after the results.", "Kendal"),
])
def test_a_place_that_starts_a_longer_name_in_every_mention_is_not_a_place(extract_text, text, place):
    assert place not in _names(extract_text(text), "places")


@pytest.mark.parametrize("text, place", [
    ("US President Mark Holt met the London Mayor on Monday.", "United States"),
    ("Lyon Mayor Anne Roux opened the new line in Lyon on Monday.", "Lyon"),
])
def test_a_place_before_a_title_or_a_building_word_stays_a_place(extract_text, text, place):
    assert place in _names(extract_text(text, keep_all=True), "places")


@pytest.mark.parametrize("text, name", [
    ("Recent surveys from the Halifax and Nationwide showed prices rising.", "Halifax"),
    ("Savers moved their money to the Leeds, a building society.", "Leeds"),
])
def test_a_town_always_written_with_the_is_a_body(extract_text, text, name):
    found = [e for e in extract_text(text, keep_all=True)["places"] if e["name"] == name]
    assert found and "against:determiner" in found[0]["evidence"]


@pytest.mark.parametrize("text", [
    "Staff at the Halifax office moved to Leeds.",
    "He wrote about the Leeds of the 1920s and its mills.",
])
def test_a_town_after_the_that_heads_no_phrase_is_not_a_body(extract_text, text):
    name = "Halifax" if "Halifax" in text else "Leeds"
    found = [e for e in extract_text(text, keep_all=True)["places"] if e["name"] == name]
    assert found and "against:determiner" not in found[0]["evidence"]


def test_a_party_the_article_puts_somewhere_is_no_place(extract_text):
    text = ("Labour's Corran to stand down\n\nHe has been a huge figure in Labour since 1970, Mr Blair said. "
            "Veteran Labour MP Jack Corran will go.")
    assert "Labour" not in _names(extract_text(text, keep_all=True), "places")


@pytest.mark.parametrize("text", [
    "The Brisbane-based airline said fares would rise.",
    "It was the Toledo-born painter's last work.",
])
def test_the_before_a_compound_adjective_is_not_the_towns(extract_text, text):
    name = "Brisbane" if "Brisbane" in text else "Toledo"
    found = [e for e in extract_text(text, keep_all=True)["places"] if e["name"] == name]
    assert found and "against:determiner" not in found[0]["evidence"]
    assert found[0]["confidence"] >= 0.5


@pytest.mark.parametrize("text, name", [
    ("The deal won backing from companies such as Lahti, Intel and Siemens.", "Lahti"),  # a list a kind of body opens
    ("It was a fine result, said Anna Berg, an economist with Dresden Kleinwort.", "Dresden"),
    ("It was the next step, said Tom Aalto, head of market research at Espoo.", "Espoo"),  # someone works there
])
def test_a_place_named_as_a_body_or_an_employer_carries_org_noun(extract_text, text, name):
    record = extract_text(text, keep_all=True)
    found = [e for e in record["places"] if e["name"] == name]
    assert not found or "against:org-noun" in found[0]["evidence"] and found[0]["confidence"] < 0.5
    assert name not in _names(extract_text(text), "places")


@pytest.mark.parametrize("text, name", [
    ("The ambassador met officials in Espoo on Monday.", "Espoo"),
    ("She studied at a school in Dresden before the war.", "Dresden"),
    ("Protesters gathered at Tiananmen Square on Sunday.", "Tiananmen Square"),  # people at a place, not its staff
])
def test_a_place_where_people_are_carries_no_org_noun(extract_text, text, name):
    found = [e for e in extract_text(text, keep_all=True)["places"] if e["name"] == name]
    assert found and "against:org-noun" not in found[0]["evidence"]
    assert name in _names(extract_text(text), "places")


@pytest.mark.parametrize("text, name", [
    ("Lord Denton's report into the collapse was published on Friday.", "Denton"),
    ("Mr Preston said the plan would cost too much.", "Preston"),
])
def test_a_place_name_after_an_honorific_is_a_persons(extract_text, text, name):
    assert name not in _names(extract_text(text), "places")


@pytest.mark.parametrize("text, name, owned", [
    ("Speaking on BBC One's Highland with Frost, he said migrants were welcome.", "Highland", True),
    ("He conducted at Milan's La Scala and in Vienna.", "Milan", False),  # a place owns it: where it is
    ("Voters in Ohio backed the plan, the party's Dayton office said.", "Ohio", False),
])
def test_a_name_an_organization_owns_is_its_programme_or_product(extract_text, text, name, owned):
    found = [e for e in extract_text(text, keep_all=True)["places"] if e["name"] == name]
    assert found and ("against:org-owned" in found[0]["evidence"]) is owned
    assert (name in _names(extract_text(text), "places")) is not owned


@pytest.mark.parametrize("text, towns", [
    ("Halifax 27-27 Preston\nPreston centre Tom Hale scored one try as the sides drew.", ("Halifax", "Preston")),
])
def test_towns_either_side_of_a_score_are_clubs(extract_text, text, towns):
    record = extract_text(text, keep_all=True)
    for town in towns:
        assert town not in _names(record, "places")
        assert town in {o["name"] for o in record["organizations"]}


def test_a_range_between_two_towns_is_no_score(extract_text):
    record = extract_text("Fares between York and Leeds rose 5-10 percent.")
    assert {"York", "Leeds"} <= set(_names(record, "places"))
