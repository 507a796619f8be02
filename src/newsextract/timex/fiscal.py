"""Fiscal years that are not calendar years.

An article that says when its fiscal year ends or begins ("its fiscal year ends June 30", "the
financial year starting in April", "by the end of the financial year in March") fixes which
months its fiscal quarters, halves and years are. Then "the fiscal third quarter" said in March
is the one that ended on March 31 (January to March, numbered 3: ``YYYY-Q3`` in the year of its
last day, as for "the fiscal first quarter ended Sept. 30"), and "the current fiscal year" the
twelve months around the anchor, as a span of months ("2025-07/2026-06"), since whether it is
called by the year it starts or ends in differs between countries. The statements are read with
the word lists ``fiscal_year_names``, ``fiscal_year_ends`` and ``fiscal_year_starts`` of
``models/date_words.json``; a fiscal year ending in December is the calendar year.
"""
from __future__ import annotations

import calendar as _cal
import re
from datetime import date
from functools import lru_cache

from . import lexicon as lex
from .grammar import lower
from .normalize import interpret
from .resolve import offset

_YEAR_GROUPS = frozenset(("y", "y0", "yrel", "yrel0"))
# a fiscal year is said to start on this day of a month or later: it ends in that month, a year on
# ("the fiscal year starting on 21 March"); earlier, in the month before ("starts on April 1")
_LATE_START = 15


@lru_cache(maxsize=1)
def _statements() -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, ...]]:
    """The patterns saying when a fiscal year ends, and those saying when it begins."""
    w = lex.words()
    name = "(?:" + "|".join(re.escape(n) for n in w["fiscal_year_names"]) + ")"
    day = r"(?:(?:the )?(?P<d1>\d{1,2})(?:st|nd|rd|th)? (?:of )?)?"
    month = "(?P<m>" + lex.placeholders()["MONTH"] + r")(?: (?P<d2>\d{1,2})\b)?"

    def words_of(key: str) -> str:
        return "(?:" + "|".join(re.escape(v) for v in sorted(w[key], key=len, reverse=True)) + ")"

    def said(key: str) -> re.Pattern:
        return re.compile(name + r",? (?:(?:which|that) )?" + words_of(key) + r" (?:on |in )?" + day + month)

    end_of = re.compile(r"(?:end|close) of (?:the |its |our |their |this |the current )?" + name
                        + r" (?:in |on )" + day + month)
    return (said("fiscal_year_ends"), end_of), (said("fiscal_year_starts"),)


def fiscal_year_end(text: str) -> int | None:
    """The month (1-11) in which the fiscal year of ``text`` ends, when the text says so and says
    it one way only; None for a calendar fiscal year or when nothing (or two things) is said."""
    ends, starts = _statements()
    low = " ".join(lower(text).split())
    found = set()
    for patterns, default_day in ((ends, 31), (starts, 1)):
        for pattern in patterns:
            for m in pattern.finditer(low):
                d = int(m["d1"] or m["d2"] or default_day)
                month = lex.month(m["m"])
                found.add(month if d >= _LATE_START else (month - 2) % 12 + 1)
    if len(found) != 1:
        return None
    end = found.pop()
    return None if end == 12 else end


def _months_back(d: date, n: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 - n, 12)
    return date(y, m + 1, 1)


def fiscal_value(text: str, rule_id: str | None, anchor: date | None, tense: str | None,
                 end_month: int | None) -> str | None:
    """The value of a fiscal quarter, half or year written without its year ("the fiscal third
    quarter", "fiscal second-half", "the current fiscal year", "next financial year") in an
    article whose fiscal year ends in ``end_month``; None for anything else (the calendar reading
    stands)."""
    if end_month is None or anchor is None or not any(n in text.lower() for n in lex.words()["fiscal_year_names"]
                                                       + ["fiscal"]):
        return None
    found = interpret(text, rule_id)
    if found is None:
        return None
    rule, g = found
    try:
        if rule.kind == "quarter" and "ord" in g and "u" in g and not _YEAR_GROUPS & set(g):
            return _fiscal_period(g, anchor, tense, end_month)
        if rule.kind == "relative" and "rel" in g and lex.unit(g["u"]) == "Y" and " " in lex.key(g["u"]):
            return _fiscal_year(g, anchor, end_month)
    except (KeyError, ValueError, OverflowError):  # an anchor at the edge of the calendar
        return None
    return None


def _fiscal_period(g: dict, anchor: date, tense: str | None, end_month: int) -> str | None:
    unit = "H" if lex.key(g["u"]) == "half" else "Q"
    n = lex.words()["ordinals"].get(lex.key(g["ord"]))
    limit = 2 if unit == "H" else 4
    if n == -1:
        n = limit
    if n is None or not 1 <= n <= limit:
        return None
    months = 6 if unit == "H" else 3
    last = (end_month + months * n - 1) % 12 + 1
    periods = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        end = date(y, last, _cal.monthrange(y, last)[1])
        periods.append((_months_back(end, months - 1), end))
    if tense == "future":
        # the first one not over yet, as for a calendar quarter
        start, end = next(p for p in periods if p[1] >= anchor)
    else:
        # reported after it ends: the latest one begun by the anchor
        start, end = [p for p in periods if p[0] <= anchor][-1]
    return f"{end.year:04d}-{unit}{n}"


def _fiscal_year(g: dict, anchor: date, end_month: int) -> str | None:
    year = anchor.year if anchor.month <= end_month else anchor.year + 1  # the year it ends in
    year += offset(g["rel"])
    first = end_month % 12 + 1
    if not 1 < year <= 9999:
        return None
    return f"{year - 1:04d}-{first:02d}/{year:04d}-{end_month:02d}"
