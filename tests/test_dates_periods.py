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
