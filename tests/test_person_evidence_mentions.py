"""Evidence for and against a person counted per mention, and what a list says (issue 14:
people recall on unseen news). Invented articles; ``keep_all`` where a test reads evidence."""
from __future__ import annotations

import pytest
from support import entry_named as _entry, entry_names as _names


def _evidence(extract_text, text, name):
    return _entry(extract_text(text, keep_all=True), "people", name)["evidence"]


# one mention beside a work, an event or a match, many others plainly a person's
OUTWEIGHED = [
    ("Fans wearing Yannick Morvan masks will be turned away. Supporters had declared Saturday "
     "'Morvan Day'. Morvan received a ban in 1995. Morvan later became an actor. Morvan said he was sorry.",
     "Yannick Morvan", "against:work"),
    ("Critics loved the new Marco Feltrinelli film. Feltrinelli told reporters he would rest. Feltrinelli, 54, "
     "said his next film would be shot in Sicily.",
     "Marco Feltrinelli", "against:work"),
]


@pytest.mark.parametrize("text, name, against", OUTWEIGHED)
def test_evidence_against_of_one_mention_does_not_sink_a_person(extract_text, text, name, against):
    assert against not in _evidence(extract_text, text, name)
    assert name in _names(extract_text(text), "people")


@pytest.mark.parametrize("text, name, against", [
    # every mention is the work's: the evidence against stays
    ("Tickets for Hey Marigold sold out. The band played Hey Marigold twice. Hey Marigold topped the charts.",
     "Hey Marigold", "against:work"),
    # words said are no person's only: a firm speaks too
    ("The board backed a takeover by France's Bernard Ravoux. Shares in the Bernard Ravoux brand fell. "
     "Bernard Ravoux said the offer was fair. Bernard Ravoux said it would not raise it.",
     "Bernard Ravoux", "against:work"),
])
def test_evidence_against_stays_without_a_persons_own_evidence(extract_text, text, name, against):
    record = extract_text(text, keep_all=True)
    found = [e for e in record["people"] if e["name"] == name]
    assert not found or against in found[0]["evidence"]


@pytest.mark.parametrize("text, name", [
    ("They have also played with Robbie Winters, Will Yardley and Bob Gelling.", "Will Yardley"),
    ("Guests included Sandra Okafor, Pim Verhoeven and Lena Marsh.", "Pim Verhoeven"),
])
def test_one_of_a_list_of_people_is_listed(extract_text, text, name):
    assert "listed" in _evidence(extract_text, text, name)


def test_a_given_name_that_is_a_word_counts_in_a_list_of_people(extract_text):
    text = "They have also played with Robbie Winters, Will Yardley and Bob Gelling."
    assert "given-name" in _evidence(extract_text, text, "Will Yardley")


@pytest.mark.parametrize("text, name", [
    ("Artists such as Matisse and Stravinsky were regular guests.", "Stravinsky"),
    ("Singers such as Adele Varga and Maria Kossoff came to the opening.", "Maria Kossoff"),
])
def test_such_as_after_a_noun_of_people_describes_a_person(extract_text, text, name):
    assert "described" in _evidence(extract_text, text, name)


@pytest.mark.parametrize("text, name", [
    ("She was the first British dancer to take a major part in Les Orientales.", "Les Orientales"),
    ("He had a small part in Jolene Harper before his breakthrough.", "Jolene Harper"),
])
def test_a_part_in_a_work_is_no_person(extract_text, text, name):
    record = extract_text(text, keep_all=True)
    found = [e for e in record["people"] if e["name"] == name]
    assert not found or "against:work-verb" in found[0]["evidence"]
    assert name not in _names(extract_text(text), "people")
