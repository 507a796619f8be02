"""Quotes: the quoted stretches of an article, each with its speaker and cue.

All texts are invented."""
from __future__ import annotations

import pytest

from newsextract.facts.quotemarks import find_stretches

INTRO = "Harbour talks resume\n\n"


def quotes_of(record: dict) -> list[tuple[str, str | None]]:
    return [(q["text"], q["speaker"]) for q in record["quotes"]]


@pytest.mark.parametrize("body, speaker, cue", [
    # "said Smith" / "Smith said", after the quotation
    ('"We will reopen the harbour before the winter," said Tom Baker.', "Tom Baker", "say"),
    ('"We will reopen the harbour before the winter," Tom Baker said.', "Tom Baker", "say"),
    # a surname resolved to the full name given before
    ('Tom Baker chaired the meeting. "We will reopen the harbour before the winter," Baker told reporters.',
     "Tom Baker", "tell"),
    # "Smith said:" before the quotation, curly marks
    ("Mayor Anna Lee said: \u201cWe will reopen the harbour before the winter.\u201d", "Anna Lee", "say"),
    # "he/she said": the person named before, of that sex
    ('Anna Lee met Tom Baker on Monday. Lee spoke first. "We will reopen the harbour soon," she said.',
     "Anna Lee", "say"),
    ('Anna Lee met Tom Baker on Monday. Baker spoke first. "We will reopen the harbour soon," he added.',
     "Tom Baker", "add"),
    # a spokesman for an organization, a statement: the organization
    ('"The harbour will stay closed until the spring," a spokesman for the European Commission said.',
     "European Commission", "say"),
    ('In a statement, the European Commission said: "The harbour will stay closed until the spring."',
     "European Commission", "say"),
    # a fragment inside a reported sentence
    ('Tom Baker said the new rules were "a disaster for the whole fishing fleet" and should go.',
     "Tom Baker", "say"),
    # a quotation whose sentence before introduced the speaker
    ('Tom Baker said the deal was good for the town. "It is the best deal we have ever signed."',
     "Tom Baker", "say"),
])
def test_speaker_constructions(extract_text, body, speaker, cue):
    record = extract_text(INTRO + body)
    assert len(record["quotes"]) == 1, record["quotes"]
    quote = record["quotes"][0]
    assert (quote["speaker"], quote["cue"]) == (speaker, cue)
    text = INTRO + body
    assert text[quote["start"]:quote["end"]] == quote["text"]
    assert not quote["text"].startswith(('"', "\u201c")) and not quote["text"].endswith(('"', "\u201d"))


def test_a_quotation_running_over_paragraphs_keeps_its_speaker(extract_text):
    text = (INTRO + 'Harbour master Mary Jones said: "The storm damaged every pier we have.\n\n'
            '"We need six months and a great deal of money to repair them.\n\n'
            '"Nobody will fish from here before the summer."\n\nThe council meets on Friday.')
    record = extract_text(text)
    assert [q["speaker"] for q in record["quotes"]] == ["Mary Jones"] * 3
    assert [q["text"] for q in record["quotes"]][1] == "We need six months and a great deal of money to repair them."


def test_a_new_opening_mark_after_a_full_stop_continues_the_speaker(extract_text):
    record = extract_text(INTRO + 'Tom Baker said: "We played well today. "Next week we will do even better."')
    assert quotes_of(record) == [("We played well today.", "Tom Baker"),
                                 ("Next week we will do even better.", "Tom Baker")]


def test_the_previous_quotation_gives_the_speaker_of_the_next_sentence(extract_text):
    record = extract_text(INTRO + '"We played well in the second half," Tom Baker said. '
                                  '"The crowd carried us through to the end."')
    assert [q["speaker"] for q in record["quotes"]] == ["Tom Baker", "Tom Baker"]


def test_he_after_an_unnamed_spokesman_is_not_the_person_named_before(extract_text):
    record = extract_text(INTRO + "Tom Baker criticised the plan on Monday. Later the spokesman said the plan "
                                  'was fine. "We will look at the harbour plan again next week," he said.')
    assert quotes_of(record) == [("We will look at the harbour plan again next week,", None)]


def test_a_quote_nobody_is_said_to_have_said_has_no_speaker(extract_text):
    record = extract_text(INTRO + 'Protesters carried a banner reading "no more cuts to our harbour" '
                                  'through the town centre.')
    assert quotes_of(record) == [("no more cuts to our harbour", None)]


@pytest.mark.parametrize("body", [
    'She starred in the film "The Return Of The Harbour Master" last year.',
    'The band played "Songs From The Harbour Wall" on Friday.',
    'The mayor called it a "smart move" and the council agreed.',
    "Tom Baker's team don't like the '90s music the players' union plays at the club's ground.",
])
def test_titles_scare_quotes_and_apostrophes_are_not_quotes(extract_text, body):
    assert extract_text(INTRO + body)["quotes"] == []


@pytest.mark.parametrize("title, quoted", [
    ("Blair 'to go' claims", []),                                  # three words: no quote
    ("Harbour 'to close for a year'", []),                          # a headline's reported plan
    ("Mayor 'was never told about the storm'", ["was never told about the storm"]),
    ("Smith's harbour plan 'will cost millions of pounds'", ["will cost millions of pounds"]),
])
def test_single_quoted_british_headlines(extract_text, title, quoted):
    record = extract_text(title + "\n\nThe town council met on Monday to discuss the harbour.")
    assert [q["text"] for q in record["quotes"]] == quoted


@pytest.mark.parametrize("text, stretches", [
    ('He said: "We won. "We will win again."', ["We won.", "We will win again."]),
    ("It's the players' union's 'final offer', they said.", ["final offer"]),
    ("In the '90s rock 'n' roll was dead.", []),
    ('"Open\n\n"Still open."', ["Open", "Still open."]),
])
def test_marks_scanner(text, stretches):
    assert [text[s.start:s.end] for s in find_stretches(text)] == stretches


def test_paragraph_run_on_is_marked_as_continuing():
    text = '"We will come back.\n\n"And we will win."\n\nThe end "here"'
    found = find_stretches(text)
    assert [s.continues for s in found] == [False, True, False]


def test_records_with_quotes_validate(extract_text, validator):
    record = extract_text(INTRO + '"We will reopen the harbour before the winter," said Tom Baker.')
    assert record["quotes"]
    validator.validate(record)


@pytest.mark.parametrize("body, actors", [
    # a quoted "I" is the speaker
    ('"I will resign at the end of the season," said Tom Baker.', ["Tom Baker"]),
    # a quoted "we" is the organization the speaker speaks for, when the article names it as a body
    ('Northwind Airlines cut 200 jobs last year. Northwind Airlines chairman Tom Baker said: '
     '"We will open a new route to Lisbon next year."', ["Northwind Airlines"]),
    # ... else the speaker
    ('Tom Baker said: "We will open a new harbour next year."', ["Tom Baker"]),
    # a quoted "I" nobody is said to have said commits nobody identifiable
    ('The plan was criticised. "I will resign at the end of the season."', []),
])
def test_commitments_inside_quotations_take_the_speaker(extract_text, body, actors):
    record = extract_text(INTRO + body)
    assert [c["actor"] for c in record["commitments"]] == actors


@pytest.mark.parametrize("body, clauses", [
    # a speaker's claim about another's future is no commitment of that other
    ('"The Conservatives will raise taxes after the election," said Tom Baker.', []),
    # ... but the speaker's own body ("our ...") still commits
    ('"Our board will meet the harbour users next week," said Tom Baker.',
     ["Our board will meet the harbour users next week"]),
])
def test_quoted_claims_about_others(extract_text, body, clauses):
    record = extract_text(INTRO + body)
    assert [c["text"] for c in record["commitments"]] == clauses
