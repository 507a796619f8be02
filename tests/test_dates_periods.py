"""Dates IV: the period a report is about, read from the day it ends ("the quarter ended July
31", "the three months to March 31") or from its months ("January to March"), and what "a
year earlier" / "the same period last year" compare with. Invented sentences, in both tenses,
with and without a publication date."""
from __future__ import annotations

import pytest

PUB = "2026-03-10"  # a Tuesday in the first quarter


def dates(record: dict) -> dict[str, str | None]:
    return {d["text"]: d["value"] for d in record["dates"]}


# the day a period ended is over, however far the month lies from the publication date
ENDED = [
    ("Revenue for the quarter ended June 30 rose 5%.", "June 30", "2025-06-30"),
    ("In the year ended June 30, the miner earned $5m.", "June 30", "2025-06-30"),
    ("The retailer will report results for the six months ended August 31 next week.", "August 31", "2025-08-31"),
    # "ending" says nothing of the side: the nearest one
    ("The brewer expects to earn $5m in the year ending June 30.", "June 30", "2026-06-30"),
]


@pytest.mark.parametrize("text, expression, value", ENDED)
def test_the_day_a_period_ended_is_past(extract_text, text, expression, value):
    assert dates(extract_text(text, published=PUB)).get(expression) == value


# a bare "the quarter" is the calendar quarter holding most of the months it ended with; a
# numbered (fiscal) quarter keeps its number, in the year of the day it ended
QUARTER_ENDED = [
    ("Jayark earned $1m in the quarter ended July 31.", "the quarter", "2025-Q2"),
    ("The chain lost $2m in the quarter ended Jan. 31.", "the quarter", "2025-Q4"),
    ("Sales rose 4% in the quarter ended Dec. 31, 2025.", "the quarter", "2025-Q4"),
    ("The grocer earned $3m for the fiscal third quarter ended Feb. 28.", "the fiscal third quarter", "2026-Q3"),
    ("It earned $4m for the fiscal-first quarter ended Sept. 30, 2025.", "the fiscal-first quarter", "2025-Q1"),
    ("It will post a loss for the fiscal second quarter ending Nov. 30, 2025.", "the fiscal second quarter",
     "2025-Q2"),
]


@pytest.mark.parametrize("text, expression, value", QUARTER_ENDED)
def test_a_quarter_is_the_one_its_last_day_ends(extract_text, text, expression, value):
    assert dates(extract_text(text, published=PUB)).get(expression) == value


# "a year earlier", "the same period last year" beside a period: that period a year before
COMPARED = [
    ("Sales in the three months to March 31 rose 4% from the same period last year.", PUB,
     "the same period last year", "2025-Q1"),
    ("Sales in the three months to December rose 4% compared with a year earlier.", PUB,
     "a year earlier", "2024-Q4"),
    ("Profit in the six months to June 30, 2025 fell from the same period last year.", PUB,
     "the same period last year", "2024-H1"),
    ("Sales from January to March rose 4% on the same period a year ago.", PUB,
     "the same period a year ago", "2025-Q1"),
    ("Sales in the October-December period will rise from the same period a year earlier.", "2025-11-20",
     "the same period a year earlier", "2024-Q4"),
    ("Jayark earned $1m in the quarter ended July 31, 2025, up from $2m a year earlier.", None,
     "a year earlier", "2024-Q2"),
    # no calendar quarter or half: only the year is known
    ("Sales in the four months to April 30, 2025 rose from the same period last year.", None,
     "the same period last year", "2024"),
    ("Profit in the six months to September 30, 2025 fell from the same period last year.", None,
     "the same period last year", "2024"),
]


@pytest.mark.parametrize("text, published, expression, value", COMPARED)
def test_a_comparison_is_the_period_reported_a_year_before(extract_text, text, published, expression, value):
    assert dates(extract_text(text, published=published)).get(expression) == value


@pytest.mark.parametrize("text, expression", [
    ("Revenue for the quarter ended June 30 rose 5%.", "June 30"),
    ("Sales in the three months to March 31 rose 4% from the same period last year.", "the same period last year"),
    ("Sales from January to March rose 4% on the same period a year ago.", "the same period a year ago"),
])
def test_without_an_anchor_a_year_less_period_stays_unresolved(extract_text, text, expression):
    assert dates(extract_text(text)).get(expression, "missing") is None


@pytest.mark.parametrize("text", [
    "Sales dropped by nearly a quarter from a year earlier.",
    "The firm will cut its workforce by a quarter.",
    "Profits rose by more than a quarter to $5m.",
    "The bank voted for a quarter point rise in rates.",
    "Rates will rise a quarter percentage point.",
])
def test_a_quarter_after_by_is_a_share(extract_text, text):
    for published in (PUB, None):
        assert not any(d["text"].endswith("quarter") for d in extract_text(text, published=published)["dates"])


def test_a_quarter_of_time_is_still_one(extract_text):
    found = extract_text("The loan will be repaid within a quarter.", published=PUB)["dates"]
    assert [(d["text"], d["value"]) for d in found] == [("a quarter", "P1Q")]


# "the following winter", "that summer", "the previous spring" count from the date or season the
# text spoke of last, not from the publication date
SEASONS_SPOKEN_OF = [
    ("In the summer of 2022 the lake dried up. The following winter it froze.", PUB,
     "The following winter", "2022-WI"),
    ("In the summer of 2022 the lake dried up. The following winter it froze.", None,
     "The following winter", "2022-WI"),
    ("The dam burst in March 2019. That summer the town was rebuilt.", PUB, "That summer", "2019-SU"),
    ("The club was promoted in 2024. The following spring it was relegated.", PUB,
     "The following spring", "2025-SP"),
    ("In the winter of 2010 the river froze. The previous summer had been dry.", None,
     "The previous summer", "2010-SU"),
    # none spoken of: from the publication date, in the direction the word says
    ("The club will open a new stadium the following summer.", PUB, "the following summer", "2026-SU"),
    ("The club will open a new stadium the following summer.", None, "the following summer", None),
    ("That summer the town was rebuilt.", PUB, "That summer", None),
]


@pytest.mark.parametrize("text, published, expression, value", SEASONS_SPOKEN_OF)
def test_a_season_counted_from_the_time_spoken_of(extract_text, text, published, expression, value):
    found = dates(extract_text(text, published=published))
    assert expression in found and found[expression] == value, found


def test_that_joining_a_clause_before_a_season_is_no_anaphor(extract_text):
    assert dates(extract_text("He said that summer would be hot.", published=PUB)) == {"summer": "2026-SU"}


# a clock time without a day of its own falls on the day the sentence or the one before spoke of,
# unless its tense points to the other side of the publication date
CLOCKS = [
    ("The quake struck on Sunday. Rescuers reached the town at 9am.", PUB, "9am", "2026-03-08T09:00"),
    ("The quake struck on 3 March 2026. Rescuers reached the town at 9am.", None, "9am", "2026-03-03T09:00"),
    ("The election is on Thursday, March 12. Polls will close at 10 p.m.", PUB, "10 p.m.", "2026-03-12T22:00"),
    ("The quake struck on Sunday. Rescuers will reach the town at 9am.", PUB, "9am", "2026-03-10T09:00"),
    ("The summit will open on Friday. The minister arrived at 3pm.", PUB, "3pm", "2026-03-10T15:00"),
    ("The minister arrived at 3pm.", None, "3pm", None),
    # a clock time and the part of a day after it are one TIME
    ("The storm hit at about 11pm on Sunday night.", PUB, "about 11pm on Sunday night", "2026-03-08T23:00"),
    ("The storm will hit at about 11pm on Sunday night.", PUB, "about 11pm on Sunday night", "2026-03-15T23:00"),
]


@pytest.mark.parametrize("text, published, expression, value", CLOCKS)
def test_a_clock_time_falls_on_the_day_spoken_of(extract_text, text, published, expression, value):
    found = dates(extract_text(text, published=published))
    assert expression in found and found[expression] == value, found


# "between October and December", "the July-to-September quarter": one range, and the quarter it
# covers is what "the same period a year earlier" in that sentence compares with
RANGES = [
    ("Prices were 16% higher in the July-to-September quarter.", "2005-01-20", "July-to-September",
     "2004-07/2004-09"),
    ("Sales between October and December fell from the same period a year earlier.", "2005-01-20",
     "October and December", "2004-10/2004-12"),
    ("Prices rose in the July-to-September quarter. Sales between October and December fell from the same "
     "period a year earlier.", "2005-01-20", "the same period a year earlier", "2003-Q4"),
    ("Sales between October and December 2004 fell from the same period a year earlier.", None,
     "the same period a year earlier", "2003-Q4"),
    ("He will serve between March and June.", "2005-01-20", "March and June", "2005-03/2005-06"),
    ("Sales between October and December fell from the same period a year earlier.", None,
     "October and December", None),
]


@pytest.mark.parametrize("text, published, expression, value", RANGES)
def test_months_between_two_months_are_one_range(extract_text, text, published, expression, value):
    found = dates(extract_text(text, published=published))
    assert expression in found and found[expression] == value, found


@pytest.mark.parametrize("text", ["In October and December the shop closed.", "Sales rose in May and June.",
                                  "Prices rose between November 2003 and August last year."])
def test_two_months_that_are_no_range_stay_two(extract_text, text):
    assert len(extract_text(text, published=PUB)["dates"]) == 2


@pytest.mark.parametrize("published", [PUB, None])
def test_it_has_been_weeks_is_a_duration(extract_text, published):
    found = dates(extract_text("It has been weeks since the attack.", published=published))
    assert found == {"weeks": "PXW"}
