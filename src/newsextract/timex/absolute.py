"""Absolute dates that no rule decides, read with dateparser (English only).

The parser is built on the first date that needs it (about 0.15 s: most
articles never do, since the rules in ``models/date_patterns.jsonl`` read
ordinary dates themselves) and kept for the rest of the process.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
             "REQUIRE_PARTS": ["year"], "STRICT_PARSING": False}
_HAS_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


@lru_cache(maxsize=1)
def parser():
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=_SETTINGS)


@lru_cache(maxsize=4096)
def parse_absolute(text: str) -> str | None:
    """A TIMEX3 value for an absolute date written with its year ("the 5th of January 2026"),
    at the granularity written; None for anything relative or unreadable."""
    if not _HAS_YEAR.search(text):
        return None
    try:
        data = parser().get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd strings
        return None
    found: datetime | None = data.date_obj if data else None
    if found is None:
        return None
    day: date = found.date()
    if data.period == "year":
        return f"{day.year:04d}"
    if data.period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if data.period == "day":
        return day.isoformat()
    return None
