"""People: titles beside names, merged mentions, possessives, shared surnames."""
from __future__ import annotations

import pytest


def _people(record):
    return {p["name"]: p for p in record["people"]}


@pytest.mark.parametrize("text, name, titles", [
    ("Prime Minister Giorgia Meloni will travel to Brussels on Tuesday.", "Giorgia Meloni", ["Prime Minister"]),
    ("PM Albanese arrived in Jakarta on Friday.", "Albanese", ["Prime Minister"]),
    ("President Cyril Ramaphosa met investors in Johannesburg.", "Cyril Ramaphosa", ["President"]),
    ("The visitors were welcomed by Tomas Lindqvist, the deputy ambassador at the Swedish Embassy.",
     "Tomas Lindqvist", ["deputy ambassador"]),
    ("Foreign Minister Penny Wong said the talks were useful.", "Penny Wong", ["Foreign Minister"]),
    ("Ms Ardern thanked the volunteers in Wellington.", "Ardern", ["Ms"]),
    ("Mr. Okonjo left the bank in 2019.", "Okonjo", ["Mr"]),
    ("Dr. Amara Diallo led the vaccine trial.", "Amara Diallo", ["Dr"]),
    ("Sir Keir Starmer met union leaders. Mr Starmer said talks went well.", "Keir Starmer", ["Sir", "Mr"]),
    ("Prof Lena Marsh chairs the inquiry. Prof Marsh will report in May.", "Lena Marsh", ["Professor"]),
    ("Gen Aziz Rahimov inspected the troops. Gen Rahimov then flew home.", "Aziz Rahimov", ["General"]),
    ("Baroness Ingrid Hale spoke in the debate. Baroness Hale opposed the bill.", "Ingrid Hale", ["Baroness"]),
    ("U.S. Assistant Secretary of State Jane Holloway arrived on Monday.", "Jane Holloway",
     ["Assistant Secretary of State"]),
])
def test_title_goes_to_titles_never_into_name(extract_text, text, name, titles):
    # how the name is read, whatever its confidence (one sentence says little: tests/test_evidence.py)
    people = _people(extract_text(text, keep_all=True))
    assert list(people) == [name]
    assert people[name]["titles"] == titles


@pytest.mark.parametrize("text, name, count", [
    ("Chancellor Olaf Scholz arrived in Rome. Scholz met the mayor. Scholz’s aides stayed behind.",
     "Olaf Scholz", 3),
    ("Anthony Albanese spoke first. Later Albanese's deputy answered questions from Albanese's critics.",
     "Anthony Albanese", 3),
])
def test_surname_and_possessive_mentions_join_the_full_name(extract_text, text, name, count):
    record = extract_text(text)
    people = _people(record)
    assert list(people) == [name]
    mentions = people[name]["mentions"]
    assert len(mentions) == count
    for m in mentions:
        assert not m["text"].endswith(("'s", "’s"))
        assert text[m["start"]:m["end"]] == m["text"]


def test_people_sharing_a_surname_stay_apart(extract_text):
    text = ("Bill Clinton and Hillary Clinton arrived in Denver. Hillary Clinton spoke first. "
            "Clinton said the campaign was going well.")
    people = _people(extract_text(text))
    assert set(people) == {"Bill Clinton", "Hillary Clinton"}
    # the bare surname goes to the person named just before it
    assert [m["text"] for m in people["Hillary Clinton"]["mentions"]][-1] == "Clinton"
    assert len(people["Bill Clinton"]["mentions"]) == 1


@pytest.mark.parametrize("text, husband, wife", [
    ("Michael Howard arrived in Folkestone with his wife. Mrs Howard said the campaign had been long. "
     "Mr Howard thanked voters.", "Michael Howard", "Howard"),
    ("Tony Blair and his wife Cherie Blair arrived in Sedgefield. Mrs Blair waved to the crowd. "
     "Mr Blair spoke about schools.", "Tony Blair", "Cherie Blair"),
    ("Lord Kessler opened the gallery. Richard Kessler gave a speech. Lady Kessler cut the ribbon.",
     "Richard Kessler", "Kessler"),
])
def test_an_honorific_of_the_other_sex_is_another_person(extract_text, text, husband, wife):
    people = _people(extract_text(text))
    assert set(people) == {husband, wife}
    hers = people[wife]["titles"]
    assert any(t in hers for t in ("Mrs", "Lady")), hers
    assert not {"Mrs", "Lady"} & set(people[husband]["titles"])
    assert all(m["text"] != husband for m in people[wife]["mentions"])


@pytest.mark.parametrize("text, name", [
    ("Andrea Rossetti scored the winner for Parma. Mr Rossetti said the team deserved it.", "Andrea Rossetti"),
    ("Jean Lapointe led the talks in Quebec. Mr Lapointe said a deal was close.", "Jean Lapointe"),
])
def test_a_given_name_of_either_sex_abroad_keeps_no_one_apart(extract_text, text, name):
    people = _people(extract_text(text))
    assert list(people) == [name]
    assert len(people[name]["mentions"]) == 2


def test_a_family_sharing_a_surname_is_told_apart_by_honorifics(extract_text):
    text = ("Peter Novak and his sister Anna Novak run the family bakery in Brno. Ms Novak keeps the books. "
            "Mr Novak bakes the bread before dawn.")
    people = _people(extract_text(text))
    assert set(people) == {"Peter Novak", "Anna Novak"}
    assert [m["text"] for m in people["Anna Novak"]["mentions"]] == ["Anna Novak", "Novak"]
    assert people["Anna Novak"]["titles"] == ["sister", "Ms"]  # "his sister Anna Novak"
    assert people["Peter Novak"]["titles"] == ["Mr"]


def test_an_ambiguous_surname_joins_neither_person(extract_text):
    text = ("Mark Waugh made 50 and his twin Steve Waugh made 12. Later, with the score on 200, "
            "Waugh was caught at slip.")
    people = _people(extract_text(text, keep_all=True))  # the vague surname entry has a low confidence
    assert [m["text"] for m in people["Mark Waugh"]["mentions"]] == ["Mark Waugh"]
    assert [m["text"] for m in people["Steve Waugh"]["mentions"]] == ["Steve Waugh"]
    # the mention is kept, as someone named only by the surname
    assert [m["text"] for m in people["Waugh"]["mentions"]] == ["Waugh"]


def test_a_name_without_a_given_name_is_no_rival_for_a_surname(extract_text):
    # the model reads "Vote Harrow" as a person; "Mr Harrow" is still Dennis Harrow
    text = "Dennis Harrow smiled as campaigners chanted Vote Harrow, Get Brown. Mr Harrow said the slogan was fun."
    people = _people(extract_text(text))
    assert [m["text"] for m in people["Dennis Harrow"]["mentions"]] == ["Dennis Harrow", "Harrow"]
    assert "Harrow" not in people


def test_a_role_tells_people_sharing_a_surname_apart(extract_text):
    text = ("President Bill Clinton and Hillary Clinton flew to Denver. "
            "President Clinton praised the volunteers at the rally.")
    people = _people(extract_text(text))
    assert set(people) == {"Bill Clinton", "Hillary Clinton"}
    assert len(people["Bill Clinton"]["mentions"]) == 2


def test_a_surname_joins_the_only_person_introduced_so_far(extract_text):
    text = ("Michael Howard opened the conference in Bournemouth. Delegates cheered loudly. "
            "Mr Howard promised lower taxes. Later, the Australian leader John Howard sent a message. "
            "Mr Howard said he admired the campaign.")
    people = _people(extract_text(text))
    assert set(people) == {"Michael Howard", "John Howard"}
    assert [m["start"] for m in people["Michael Howard"]["mentions"]][1] == text.index("Mr Howard") + 3
    assert [m["text"] for m in people["John Howard"]["mentions"]] == ["John Howard", "Howard"]


@pytest.mark.parametrize("text, name, count", [
    ("Frederick Lowe wrote the report. Critics of Freddie Lowe say it is too long.", "Frederick Lowe", 2),
    ("Daniel Okoro scored twice. Dan Okoro now has nine goals this season.", "Daniel Okoro", 2),
])
def test_a_short_or_pet_given_name_is_the_same_person(extract_text, text, name, count):
    people = _people(extract_text(text))
    assert list(people) == [name]
    assert len(people[name]["mentions"]) == count


@pytest.mark.parametrize("text, name, surname", [
    ("Prof Al Aynsley-Green, the children's commissioner, spoke first. Prof Aynsley-Green said schools "
     "must change.", "Al Aynsley-Green", "Aynsley-Green"),
    ("Mrs Olivia Hart-Wilde opened the show. Mrs Hart-Wilde thanked the cast.", "Olivia Hart-Wilde",
     "Hart-Wilde"),
])
def test_a_hyphenated_surname_is_one_name(extract_text, text, name, surname):
    people = _people(extract_text(text))
    assert list(people) == [name]
    assert [m["text"] for m in people[name]["mentions"]] == [name, surname]


@pytest.mark.parametrize("text, names", [
    ("The party was founded by Gerald Ashby Lowe last year. Mr Ashby-Lowe said it would grow.",
     ["Gerald Ashby Lowe"]),
    ("Mrs Helen Carr-Bentley opened the show. Critics said Helen Carr Bentley had been brave.",
     ["Helen Carr-Bentley"]),
    ("Gerald Okonjo-Lowe leads the party. Mr Okonjo Lowe said it would grow.", ["Gerald Okonjo-Lowe"]),
    # a given name that stands before the second surname keeps two people apart
    ("Daniel Moss-Lee spoke first. Then Sarah Lee spoke.", ["Daniel Moss-Lee", "Sarah Lee"]),
])
def test_a_double_surname_with_a_hyphen_or_a_space_is_one_person(extract_text, text, names):
    """Either spelling may name the entry; what counts is one entry, with both mentions."""
    people = _people(extract_text(text, keep_all=True))
    assert sorted(n.replace("-", " ") for n in people) == sorted(n.replace("-", " ") for n in names)
    if len(names) == 1:
        assert [len(p["mentions"]) for p in people.values()] == [2]


@pytest.mark.parametrize("text, name", [
    ("Winger Dario Fenucci scored twice. Fenucci now has nine tries.", "Dario Fenucci"),
    ("Sprinter Okafor won the final. Ben Okafor said he felt strong.", "Ben Okafor"),
    ("Spaniard Jaime Ortega-Ruiz beat the top seed. Ortega-Ruiz meets Tim Henman next.", "Jaime Ortega-Ruiz"),
])
def test_a_word_describing_the_person_is_not_part_of_the_name(extract_text, text, name):
    people = _people(extract_text(text))
    assert name in people, people
    surname = name.split()[-1]
    assert [m["text"] for m in people[name]["mentions"]].count(surname) >= 1
    assert not [p for p in people if p != name and surname in p]


@pytest.mark.parametrize("text, people", [
    ("Rafael Nadal beat Tomas Berdych in Madrid. R. Nadal now meets Andy Murray.",
     {"Rafael Nadal": 2, "Tomas Berdych": 1, "Andy Murray": 1}),
    ("John Carver and Jane Carver ran the farm. J. Carver kept the accounts.",
     {"John Carver": 1, "Jane Carver": 1, "J. Carver": 1}),
])
def test_an_initial_joins_the_one_person_it_fits(extract_text, text, people):
    found = {p["name"]: len(p["mentions"]) for p in extract_text(text)["people"]}
    assert found == people


def test_a_name_from_its_particle_on_is_the_same_person(extract_text):
    text = "Full-back Roland de Marigny kicked three penalties. De Marigny later missed a conversion."
    people = _people(extract_text(text))
    assert [m["text"] for m in people["Roland de Marigny"]["mentions"]] == ["Roland de Marigny", "De Marigny"]


def test_a_headline_surname_joins_the_person_named_next(extract_text):
    text = "Clinton wins in Ohio\n\nHillary Clinton won the primary on Tuesday. Bill Clinton was not there.\n"
    people = _people(extract_text(text))
    assert set(people) == {"Bill Clinton", "Hillary Clinton"}
    assert [m["text"] for m in people["Hillary Clinton"]["mentions"]] == ["Clinton", "Hillary Clinton"]


def test_a_pronoun_of_the_other_sex_is_not_a_mention(extract_text):
    text = "Mr Castellano spoke about the harbour. She listened from the back of the hall."
    people = _people(extract_text(text))
    assert [m["text"] for m in people["Castellano"]["mentions"]] == ["Castellano"]


def test_pronoun_after_a_single_person_is_a_mention(extract_text):
    text = "Mayor Sadiq Khan visited Leeds on Monday. He praised the new tram line."
    people = _people(extract_text(text))
    assert [m["text"] for m in people["Sadiq Khan"]["mentions"]] == ["Sadiq Khan", "He"]


@pytest.mark.parametrize("text, not_people", [
    ("Lviv was quiet on Sunday after the talks.", {"Lviv"}),
    ("The minister landed at John F. Kennedy Airport in New York.", {"John F. Kennedy"}),
    ("The French sent observers and the Germans sent engineers.", {"French", "Germans"}),
    ("The Prime Minister will speak on Friday.", {"Prime Minister"}),
])
def test_not_people(extract_text, text, not_people):
    names = set(_people(extract_text(text)))
    assert not names & not_people


def test_seed_people_are_right(seed_records):
    for record in seed_records:
        people = _people(record)
        assert "Mark Carney" in people
        assert people["Mark Carney"]["titles"] == ["Prime Minister"]
        others = set(people) - {"Mark Carney", "Nadia Burger"}
        assert not others, others
    burger = [r for r in seed_records if "Nadia Burger" in _people(r)]
    assert burger and _people(burger[0])["Nadia Burger"]["titles"] == ["deputy ambassador"]


def test_seed_mentions_are_every_occurrence(seed_records):
    """Every "Carney" in a seed is a mention of Mark Carney, and every "Paris",
    "Canada", "Ukraine" one of that place: nothing missed, nothing left over."""
    from pathlib import Path

    for record in seed_records:
        text = Path(record["source"]).read_text(encoding="utf-8")
        carney = [m for m in _people(record)["Mark Carney"]["mentions"] if m["text"] not in ("He", "She")]
        assert len(carney) == text.count("Carney")
        places = {p["name"]: p for p in record["places"]}
        for name in ("Paris", "Canada", "Ukraine", "Ottawa"):
            assert len(places[name]["mentions"]) == text.count(name), name


@pytest.mark.parametrize("text, name", [
    ("Local reporters spoke to Doug Flach after the match.", "Doug Flach"),
    ("2. Marta Kowalczyk ( Poland ) 51.98\n3. Ines Moreau ( France ) 52.10\n", "Ines Moreau"),
    ("Okonkwo , 61 , told reporters the plan had failed.", "Okonkwo"),
    ("The court heard from J. Whitfield on Tuesday.", "J. Whitfield"),
    ("Henry VIII married six times.", "Henry VIII"),
])
def test_names_found_by_given_name_and_context(extract_text, text, name):
    assert name in _people(extract_text(text, keep_all=True))  # found, whatever its confidence


@pytest.mark.parametrize("text, not_person", [
    ("Cocoa prices in Ivory Coast rose again.", "Ivory Coast"),
    ("The match was played at Grace Road on Friday.", "Grace Road"),
    ("Attendance : 15,150\n", "Attendance"),
    ("Broker Khurshid Alam said the market would recover.", "Broker Khurshid Alam"),
    ("N. Korea urges S. Korea to return the crew.", "N. Korea"),
    ("An Italian Roman Catholic charity paid for the school.", "Roman Catholic"),
    ("The West Indian all-rounder took four wickets.", "West Indian"),
])
def test_not_names(extract_text, text, not_person):
    assert not_person not in _people(extract_text(text))


def test_a_line_listing_people_makes_its_other_names_people(extract_text):
    text = "Leaders : Mike Sullivan , Willie Wood , Loren Roberts , Brian Claar , Russ Cochran\n"
    people = _people(extract_text(text))
    assert {"Mike Sullivan", "Willie Wood", "Loren Roberts", "Brian Claar", "Russ Cochran"} <= set(people)


@pytest.mark.parametrize("text, name, titles", [
    ("On arrival in Vienna, German Interior Minister Klara Hofmann met the police chiefs.",
     "Klara Hofmann", ["Interior Minister"]),
    ("Dutch Finance Minister Pieter Vos said the budget was balanced.", "Pieter Vos", ["Finance Minister"]),
    ("The agency quoted airport General Director Dragan Petrovic as saying flights would resume.",
     "Dragan Petrovic", ["General Director"]),  # the title in full, not "Director"
])
def test_a_role_after_a_nationality_is_no_name(extract_text, text, name, titles):
    people = _people(extract_text(text))
    assert list(people) == [name]
    assert people[name]["titles"] == titles


@pytest.mark.parametrize("text, name, family, count", [
    ("Police in Shanghai detained dissident Zhou Minghai on Tuesday. Zhou had signed a petition. "
     "Relatives said Zhou would appeal, and Zhou 's lawyer was not allowed to see him.",
     "Zhou Minghai", "Zhou", 4),
    ("The court in Hanoi sentenced blogger Nguyen Thanh Binh to five years. Nguyen was arrested in May. "
     "Friends of Nguyen said the trial lasted one day.", "Nguyen Thanh Binh", "Nguyen", 3),
])
def test_family_name_written_first_is_the_same_person(extract_text, text, name, family, count):
    people = _people(extract_text(text))
    assert name in people
    assert family not in people
    assert [m["text"] for m in people[name]["mentions"] if m["text"] not in ("him", "He")] \
        == [name] + [family] * (count - 1)
    assert all(o["name"] != family for o in extract_text(text)["organizations"])


def test_merging_works_without_sentences(nlp):
    """A user's --model without a parser gives no sentences: merging still works."""
    from spacy.tokens import Span

    from newsextract.facts.people import extract_people

    doc = nlp.make_doc("Bill Clinton and Hillary Clinton arrived. Clinton spoke. Mrs Clinton smiled.")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 5, "PERSON"), Span(doc, 7, 8, "PERSON"),
                Span(doc, 11, 12, "PERSON")]
    people = {p.name: [m.text for m in p.mentions] for p in extract_people(doc)}
    assert people == {"Bill Clinton": ["Bill Clinton"], "Hillary Clinton": ["Hillary Clinton"],
                      "Clinton": ["Clinton", "Clinton"]}
