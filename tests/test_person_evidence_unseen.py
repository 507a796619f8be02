"""Evidence that tells real people from works, bodies and sites on news the rules were not
tuned on (issue 14): what is said of a name around it, and names the model missed.
Invented articles; ``keep_all`` where a test reads the evidence of an entry."""
from __future__ import annotations

import pytest
from support import entry_named as _entry, entry_names as _names

from newsextract.facts.confidence import score


def _evidence(extract_text, text, name):
    return _entry(extract_text(text, keep_all=True), "people", name)["evidence"]


@pytest.mark.parametrize("text, name, signal", [
    # the surname alone, later: a person named again as news names people
    ("Talks were led by Marek Dolinski. Dolinski said the deal was close.", "Marek Dolinski", "surname-alone"),
    # a noun of a person right before the name, or in apposition to it, or "who" after it
    ("Shares rose after travel agent Naresh Kothari bought a stake.", "Naresh Kothari", "described"),
    ("The court heard how Hillcrest murderer Dean Rolfe had planned the attack.", "Dean Rolfe", "described"),
    ("The film is about Angela Brisco, who was wrongly convicted in 1999.", "Angela Brisco", "described"),
    ("Tickets went fast. The actors Kate Morrow and Imelda Stanway will open the season.", "Imelda Stanway",
     "described"),
    ("The match was billed as Ronaldo's friends against Zidano's friends.", "Zidano", "described"),
    # a body or a place that owns the mention
    ("The seat was held by Labour's Lorna Fitzpatrick until 2001.", "Lorna Fitzpatrick", "of-body"),
    # a country in brackets after the name, as results lists give it
    ("Women's 400m: 1. Irina Volkava (Russia) 49.9 2. Marie Dolan (Ireland) 50.3", "Irina Volkava",
     "country-after"),
    # the doer of a verb of writing or directing
    ("The comedy, directed by Sofia Marchetti, has won several awards.", "Sofia Marchetti", "author"),
])
def test_what_says_a_name_is_a_person(extract_text, text, name, signal):
    assert signal in _evidence(extract_text, text, name)


@pytest.mark.parametrize("text, name, signal", [
    # a building or a site: its noun after the name, a word of a site first, a saint's possessive
    ("The stars will gather at the Beverly Hartley hotel in Los Angeles.", "Beverly Hartley", "against:site"),
    ("A concert on the River Thalbrook drew thousands of fans.", "River Thalbrook", "against:site"),
    ("Pupils at St Fintan's High School were told to stay at home.", "St Fintan", "against:site"),
    # a kind of organization in apposition to the name or joined to it
    ("Shares in Rotweiss Kettwig, Germany's only listed football club, fell by 23%.", "Rotweiss Kettwig",
     "against:org-noun"),
    ("Start-up companies Gizmotron and Tapwave Zenith are also offering hybrid devices.", "Tapwave Zenith",
     "against:org-noun"),
    # a relative "which", as for things
    ("Sun Interhold, which employs 8,000 staff, owns breweries in eight cities.", "Sun Interhold", "against:which"),
    # a list that a kind of product or work includes
    ("Inbev brands include Bass, Stella Marlow and Hoegaarden.", "Stella Marlow", "against:work"),
    # a group: its members, a member it owns
    ("He played with members of King Crimsby and later with Led Zepton's Jimmy Paige.", "Led Zepton",
     "against:org-noun"),
    # where something happens
    ("She joined Diaghilev in Monte Carlo when she was 14.", "Monte Carlo", "against:in"),
    # a kind of work before the name, even an adjective of one
    ("It topped the charts at the same time as single Hey Yaya! The song was a hit.", "Hey Yaya", "against:work"),
    # acting in a work
    ("Ms Lane was nominated for her performance in Vera Blake last year.", "Vera Blake", "against:work-verb"),
])
def test_what_says_a_name_is_no_person(extract_text, text, name, signal):
    record = extract_text(text, keep_all=True)
    if name in _names(record, "people"):  # a work or a site the model did not call a person is fine too
        assert signal in _entry(record, "people", name)["evidence"]
        assert name not in _names(extract_text(text), "people")


@pytest.mark.parametrize("text, name, not_signal", [
    # "play" the verb is no play; a person's team, film or party is not the person
    ("Andy Roddick will play Cyril Saulet in the final of the San Jose event.", "Cyril Saulet", "against:work"),
    ("Blues boss Jose Moreira said Rafael Benitos's team could struggle this season.", "Rafael Benitos",
     "against:work"),
    # a hyphenated maker is a person's job, no company
    ("The documentary-maker Max Carling said he had been paid.", "Max Carling", "against:org-noun"),
    # a title before a word that is also an everyday word: a person's name
    ("The bill will be put before President Bush next week.", "Bush", "against:common-word"),
    ("The bill will be put before President Bush next week.", "Bush", "against:place"),
])
def test_what_does_not_speak_against_a_person(extract_text, text, name, not_signal):
    assert not_signal not in _evidence(extract_text, text, name)


@pytest.mark.parametrize("text, name", [
    # a comma, then what a person does with at most three words before it
    ("Sales rose by just 0.3%. Parul Jainta, deputy chief economist at Nomura, said consumers were wary.",
     "Parul Jainta"),
    ("Last year, Kumar Patwal, senior analyst at Lloyds, said so.", "Kumar Patwal"),
    # a month's name as a surname after a given name
    ("The Shadow Secretary of State for the Family, Harriet May, said the plans were late.", "Harriet May"),
    ("Guitarist Brian May said the band would tour again.", "Brian May"),
    # a given name that is also a place, as the doer of "directed by"
    ("The comedy directed by Sofia Marchetti has already won several awards.", "Sofia Marchetti"),
    ("He said the film, directed by Southan Morrell, would put his fame into context.", "Southan Morrell"),
])
def test_names_the_model_missed_are_people(extract_text, text, name):
    assert name in _names(extract_text(text), "people")


@pytest.mark.parametrize("text, name", [
    ("Prices rose in May 2004, said Tim Lowry.", "Tim Lowry May"),  # a month before a number is a date
    ("The report came out on Thursday May 5, said Tim Lowry.", "Thursday May"),
    ("Sales fell. Acme Global, a maker of cars, said so.", "Acme Global"),  # a company, by what it is
])
def test_no_person_from_a_date_or_a_company(extract_text, text, name):
    assert name not in _names(extract_text(text), "people")


def test_a_compass_word_is_no_given_name(extract_text):
    text = "He has not played since the 3-0 win against West Bromley on 27 November."
    record = extract_text(text, keep_all=True)
    if "West Bromley" in _names(record, "people"):
        assert "given-name" not in _entry(record, "people", "West Bromley")["evidence"]


def test_a_name_named_again_by_surname_is_trusted_more():
    base = ["model:PERSON", "full-name"]
    assert score("people", base + ["surname-alone"]) > score("people", base)
    assert score("people", base + ["given-name", "described"]) > score("people", base + ["given-name"])
    for against in ("against:site", "against:org-noun", "against:which"):
        assert score("people", base + ["given-name", against]) < score("people", base + ["given-name"])


@pytest.mark.parametrize("text, name", [
    # a peer named by "Lord" and one word the model reads as nothing, or as a place
    ("Lord Ashworth of Keswick, in his ruling, said the detention was unlawful.", "Ashworth"),
    ("But fertility expert Lord Pemberton said he thought the rules were sensible.", "Pemberton"),
    ("Lord Harlow's inquiry into the death of the scientist sparked a debate about the press.", "Harlow"),
    ("The report was welcomed by Lord Dunmore, who chaired the committee for six years.", "Dunmore"),
])
def test_a_lord_before_a_name_makes_a_person(extract_text, text, name):
    record = extract_text(text)
    assert name in _names(record, "people")
    assert "Lord" in _entry(record, "people", name)["titles"]
    assert name not in _names(extract_text(text, keep_all=True), "places")


@pytest.mark.parametrize("text, absent", [
    ("Thousands queued to see The Lord of the Rings at the cinema in Leeds.", "Rings"),
    ("England batted first at Lord's on Thursday.", "Lord"),
    ("The House of Lords voted against the bill on Monday.", "Lords"),
    ("LAST YEAR The Lord Of the Rings: The Return Of the King was named best drama.", "Of"),
    ("The police urged Lord Justices Harwood and Pym to overturn the ruling.", "Justices"),
])
def test_lord_in_a_title_or_a_ground_names_nobody(extract_text, text, absent):
    assert not any(absent in n for n in _names(extract_text(text, keep_all=True), "people"))
