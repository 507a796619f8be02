"""Dates: the ``dates`` spans with their TIMEX3 values, resolved against the anchor.

The anchor is the publication date; "the following year", "that day" are resolved
against the date the text spoke of last instead. Without an anchor, a relative expression is
resolved against the last fully specified date earlier in the text ("On
January 5, 2026 ... the next day"), and before any such date its value is
null: nothing is ever resolved against today's clock.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from ..article import DateExpr
from ..doctext import doc_text
from ..components.dates import DATES_KEY
from ..timex import normalize
from ..timex.lexicon import words
from ..timex.tense import tense

_FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T|/|$)")
_CALENDAR_DATE = re.compile(r"^\d{4}(?:-\d{2}){0,2}(?:T|/|$)")


def extract_dates(doc: Doc, *, anchor: date | None = None) -> list[DateExpr]:
    out: list[DateExpr] = []
    fallback: date | None = None
    reference: str | None = None  # the last calendar date spoken of, for "the following day"
    text = doc_text(doc)
    for span in doc.spans.get(DATES_KEY, []):
        base = anchor or fallback
        if span.label_ == "TIME" and out and _joins_a_time(text[out[-1].end:span.start_char]):
            day = _FULL_DATE.match(out[-1].value or "")
            if day:  # "Friday at 2:30 pm": the time of that day
                base = date(int(day[1]), int(day[2]), int(day[3]))
        timex = normalize(span.text, base, tense(span), span.id_ or None, span.label_, reference)
        out.append(DateExpr(text=span.text, start=span.start_char, end=span.end_char,
                            type=timex.type, value=timex.value))
        if timex.value and _CALENDAR_DATE.match(timex.value):
            reference = timex.value
        if anchor is None and timex.value:
            full = _FULL_DATE.match(timex.value)
            if full:
                fallback = date(int(full[1]), int(full[2]), int(full[3]))
    return out


def _joins_a_time(between: str) -> bool:
    """Is ``between`` what stands between a day and its time (", at", " from")?"""
    return between.strip(" ,") in words()["words_joining_a_time"] and "\n" not in between
