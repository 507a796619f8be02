"""The TIMEX3 normalizer and the dateline anchor on their own (no pipeline)."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.io.dateline import find_anchor
from newsextract.timex import normalize

# (expression, anchor, tense, type, value): calendar edges the pipeline tests do not reach
CALENDAR = [
    ("last week", date(2026, 1, 1), None, "DATE", "2025-W52"),        # ISO weeks cross years
    ("this week", date(2024, 12, 30), None, "DATE", "2025-W01"),
    ("next month", date(2025, 12, 15), None, "DATE", "2026-01"),
    ("last month", date(2026, 1, 31), None, "DATE", "2025-12"),
    ("yesterday", date(2024, 3, 1), None, "DATE", "2024-02-29"),      # leap day
    ("the last quarter", date(2026, 2, 10), None, "DATE", "2025-Q4"),
    ("next quarter", date(2026, 11, 10), None, "DATE", "2027-Q1"),
    ("this winter", date(2026, 1, 15), None, "DATE", "2026-WI"),
    ("last winter", date(2026, 7, 1), None, "DATE", "2025-WI"),
    ("the fourth quarter", date(2026, 2, 1), "past", "DATE", "2025-Q4"),
    ("December", date(2026, 1, 7), None, "DATE", "2025-12"),          # nearest
    ("December", date(2026, 6, 7), "future", "DATE", "2026-12"),
    ("December", date(2026, 6, 7), "past", "DATE", "2025-12"),
    ("Monday", date(2026, 1, 5), "past", "DATE", "2026-01-05"),       # the anchor's own weekday
    ("Monday", date(2026, 1, 5), "future", "DATE", "2026-01-05"),
    ("Sunday", date(2026, 1, 5), "future", "DATE", "2026-01-11"),
    ("Sunday, January 4", date(2026, 3, 1), None, "DATE", "2026-01-04"),
    ("Saturday, January 4", date(2026, 3, 1), None, "DATE", "2025-01-04"),  # the year in which it is a Saturday
    ("February 29", date(2025, 3, 1), None, "DATE", None),            # no such day that year
    ("the '20s", date(2026, 1, 1), None, "DATE", "202"),
    ("the '90s", date(2026, 1, 1), None, "DATE", "199"),
    ("12 p.m.", date(2026, 1, 7), None, "TIME", "2026-01-07T12:00"),
    ("12 a.m.", date(2026, 1, 7), None, "TIME", "2026-01-07T00:00"),
    ("2026-01-05T14:30", None, None, "TIME", "2026-01-05T14:30"),
    ("half an hour", None, None, "DURATION", "PT30M"),
    ("a week and a half", None, None, "DURATION", "P1WT84H"),
    ("an hour and a half", None, None, "DURATION", "PT1H30M"),
    ("five decades", None, None, "DURATION", "P50Y"),
    ("two centuries", None, None, "DURATION", "P200Y"),
    ("a fortnight", None, None, "DURATION", "P2W"),
    ("90 minutes", None, None, "DURATION", "PT90M"),
    ("30 seconds", None, None, "DURATION", "PT30S"),
    ("every other week", None, None, "SET", "P1W"),
    ("weekly", None, None, "SET", "P1W"),
    ("each July", None, None, "SET", "XXXX-07"),
]


@pytest.mark.parametrize("text, anchor, tense, type_, value", CALENDAR)
def test_calendar(text, anchor, tense, type_, value):
    timex = normalize(text, anchor, tense)
    assert (timex.type, timex.value) == (type_, value)


RELATIVE = ["yesterday", "Monday", "last week", "next month", "two years ago", "this year", "Q3",
            "the third quarter", "this summer", "January 5", "tonight", "2:30 pm", "the weekend"]


@pytest.mark.parametrize("text", RELATIVE)
def test_relative_without_anchor_is_null_never_today(text):
    assert normalize(text, None).value is None


@pytest.mark.parametrize("text, value", [
    ("5 January 2026", "2026-01-05"), ("the 1990s", "199"), ("three years", "P3Y"), ("now", "PRESENT_REF"),
    ("every week", "P1W"), ("2019-2021", "2019/2021"), ("the 20th century", "19"),
])
def test_absolute_expressions_need_no_anchor(text, value):
    assert normalize(text, None).value == value


def test_dateparser_reads_what_no_rule_decides():
    # no rule covers this shape; dateparser (English only) reads it at day granularity
    assert normalize("14th day of February, 2026").value == "2026-02-14"
    assert normalize("the week the talks failed").value is None


DATELINES = [
    ("WASHINGTON, March 3, 2026 (Reuters) - The president said on Monday ...", "2026-03-03"),
    ("PARIS, 5 January 2026 — Ministers met on Monday.", "2026-01-05"),
    ("NEW YORK, Jan. 5, 2026 /PRNewswire/ -- Acme Corp said ...", "2026-01-05"),
    ("Title of the story\n\n5 January 2026\n\nThe mayor said on Monday ...", "2026-01-05"),
    ("Headline\nPublished: Monday, January 5, 2026 10:32 GMT\nBody.", "2026-01-05"),
    ("Headline\n2026-01-05\nBody.", "2026-01-05"),
    ("WASHINGTON, March 3 (Reuters) - No year: no anchor.", None),
    ("The summit on January 5, 2026 was long.", None),  # a date in a sentence is no dateline
    ("Headline\n\nThe mayor spoke.\n\nLater: 5 January 2026", None),
]


@pytest.mark.parametrize("text, expected", DATELINES)
def test_dateline(text, expected):
    assert find_anchor(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 -/:.,'") + ["January", "Monday", "years", "ago", " ",
                                                             "the", "last", "every", "Q", "s", "to"])).map("".join),
       st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
       st.sampled_from([None, "past", "future"]))
def test_normalize_never_raises(text, anchor, tense):
    timex = normalize(text, anchor, tense)
    assert timex.type in ("DATE", "TIME", "DURATION", "SET")
