"""Entity rules: headline-case lines, organizations, possessives, user patterns."""
from __future__ import annotations

import json

import pytest

from support import assert_offsets


def _names(record, key):
    return {e["name"] for e in record[key]}


def test_headline_case_fragments_are_not_entities(extract_text):
    text = ("PM Sunak in Berlin to Discuss Britain's Growing Role in Future Gaza Ceasefire\n\n"
            "Rishi Sunak arrived in Berlin on Monday for talks with German officials about Gaza.\n")
    record = extract_text(text)
    everything = _names(record, "people") | _names(record, "places") | _names(record, "organizations")
    assert not any("Discuss" in n or "Growing Role" in n or "Ceasefire" in n for n in everything), everything
    assert {"Berlin", "Gaza"} <= _names(record, "places")
    assert _names(record, "people") == {"Rishi Sunak"}
    assert_offsets(record, text)


def test_all_caps_headline_uses_the_gazetteer(extract_text):
    text = "SOCCER - BRAZIL BEAT ARGENTINA IN FRIENDLY .\n\nBrazil beat Argentina 2-0 in a friendly on Sunday .\n"
    places = _names(extract_text(text), "places")
    assert {"Brazil", "Argentina"} <= places


@pytest.mark.parametrize("text, org", [
    ("The G20 summit opened in Delhi.", "G20"),
    ("Finland joined NATO last year.", "NATO"),
    ("The IMF approved the loan.", "IMF"),
])
def test_known_organizations(extract_text, text, org):
    assert org in _names(extract_text(text), "organizations")


def test_user_patterns_file_adds_rules(nlp, tmp_path):
    from newsextract import extract
    from newsextract.nlp.pipeline import load

    rules = tmp_path / "rules.jsonl"
    rules.write_text(json.dumps({"label": "ORG", "pattern": "Blue Harbour Collective"}) + "\n")
    custom = load(patterns=rules)
    text = "Blue Harbour Collective said it would appeal."
    record = extract(text, nlp=custom).to_dict()
    assert "Blue Harbour Collective" in _names(record, "organizations")


@pytest.mark.parametrize("text, org, person", [
    ("Analysts said Kloof Gold Mining Co would pay a dividend.", "Kloof Gold Mining Co", None),
    ("Trading in Harlan Brothers shares was halted.", "Harlan Brothers", None),
    ("Mark Carney shares his plans with reporters.", None, "Mark Carney"),
    # industry words nobody has as a surname end a company's name
    ("Traders bought Dhaka Lamps , Sylhet Cement and Kowloon Cables on Monday .", "Sylhet Cement", None),
    ("Damon Hill won the race ahead of Mika Hakkinen .", None, "Damon Hill"),
])
def test_company_cues(extract_text, text, org, person):
    record = extract_text(text)
    if org:
        assert org in _names(record, "organizations")
        assert org not in _names(record, "people")
    if person:
        assert person in _names(record, "people")


@pytest.mark.parametrize("text, person, place", [
    # a name and its country in brackets are two entities, whatever the model joined
    ("Tomas Berdych ( Czech Republic ) beat Lleyton Hewitt ( Australia ) 6-4 6-2\n", "Lleyton Hewitt", "Australia"),
    ("Goran Prpic ( Croatia ) beat Anne-Sophie Mertens ( Belgium ) 6-0 6-3\n", "Anne-Sophie Mertens", "Belgium"),
    # a spaced dash separates a team from its captain
    ("Squads : New Zealand - Lee Germon ( captain ) , Nathan Astle , Chris Cairns .\n", "Lee Germon", "New Zealand"),
])
def test_names_split_at_brackets_and_spaced_dashes(extract_text, text, person, place):
    record = extract_text(text)
    assert person in _names(record, "people")
    assert place in _names(record, "places")
    assert not any(place in n for n in _names(record, "people"))


@pytest.mark.parametrize("text, org", [
    ("Halvex said profits rose. Halvex CEO Maria Lund told reporters the outlook was good. "
     "Shares in Halvex rose 4 percent.", "Halvex"),
    ("Ostrava said Zbrojovka general manager Pavel Novak resigned. Zbrojovka will name a successor.",
     "Zbrojovka"),
])
def test_a_company_post_makes_the_name_a_company(extract_text, text, org):
    record = extract_text(text)
    assert org in _names(record, "organizations")
    assert org not in _names(record, "people")


@pytest.mark.parametrize("text, team", [
    ("Garza pitched seven innings as the Tacoma Rainiers beat the Fresno Grizzlies 5-2 .", "Tacoma Rainiers"),
    ("Ortiz homered in the 10th as the Mudcats rallied for a 4-3 win .", "Mudcats"),
])
def test_a_name_after_the_is_a_team_not_a_person(extract_text, text, team):
    record = extract_text(text)
    assert team not in _names(record, "people")


def test_the_family_of_a_named_person_stays_a_person(extract_text):
    record = extract_text("Critics of Bill Clinton said the report would damage the Clintons .")
    assert "Bill Clinton" in _names(record, "people")
    assert not any("Clinton" in n for n in _names(record, "organizations"))


@pytest.mark.parametrize("text, org", [
    ("The deal was signed by mineral water firm Vodavita , the paper said .", "Vodavita"),
    ("He was loaned to Portuguese club Belenenses for a year .", "Belenenses"),
    ("The claim was first reported by the weekly Der Abendblatt on Sunday .", "Der Abendblatt"),
])
def test_a_kind_of_organization_before_a_name_makes_it_one(extract_text, text, org):
    record = extract_text(text)
    assert org not in _names(record, "people")
    assert org in _names(record, "organizations")


@pytest.mark.parametrize("text, person", [
    # a job, not a kind of organization: the name stays a person
    ('" Prices will fall , " said broker Tariq Mahmood .', "Tariq Mahmood"),
    ("The award went to film producer Lorna Beattie .", "Lorna Beattie"),
])
def test_a_persons_job_before_a_name_keeps_the_person(extract_text, text, person):
    assert person in _names(extract_text(text), "people")
