"""Dates: the ``dates`` spans with their TIMEX3 values, resolved against the anchor.

The anchor is the publication date. Without one, a relative expression is
resolved against the last fully specified date earlier in the text ("On
January 5, 2026 ... the next day"), and before any such date its value is
null: nothing is ever resolved against today's clock.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from ..article import DateExpr
from ..components.dates import DATES_KEY
from ..timex import normalize
from ..timex.tense import tense

_FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T|/|$)")


def extract_dates(doc: Doc, *, anchor: date | None = None) -> list[DateExpr]:
    out = []
    fallback: date | None = None
    for span in doc.spans.get(DATES_KEY, []):
        timex = normalize(span.text, anchor or fallback, tense(span), span.id_ or None, span.label_)
        out.append(DateExpr(text=span.text, start=span.start_char, end=span.end_char,
                            type=timex.type, value=timex.value))
        if anchor is None and timex.value:
            full = _FULL_DATE.match(timex.value)
            if full:
                fallback = date(int(full[1]), int(full[2]), int(full[3]))
    return out
