"""The anchor for relative dates when the input gives no publication date: a
dateline at the top of the text.

Two shapes are read, in the first few lines only:

- an agency dateline: ``WASHINGTON, March 3, 2026 (Reuters) -``, ``PARIS, 5 January 2026 —``,
  ``NEW YORK, Jan. 5, 2026 /PRNewswire/ --``;
- a line that is only a date: ``5 January 2026``, ``Published: Monday, January 5, 2026 10:32 GMT``.

A dateline without a year (``WASHINGTON, Nov 11 (Reuters) -``, ``Nov 11 -``) takes its
year from the full dates the article itself writes ("... signed on October 30, 2011"):
a dateline is the day of writing, so it falls after most of what the article reports.
With no full date in the text it gives no anchor: the year is unknown, and a wrong
date is worse than none.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable

HEAD_LINES = 6
HEAD_CHARS = 800
# a year-less dateline is at most this long before the latest full date the article writes
_DATELINE_BEFORE_LATEST = timedelta(days=60)
_PLACE = "[A-Z][A-Z\\x20.'’-]+(?:, [A-Za-z\\x20.'’-]+)?,? "
_CREDIT = "(?: \\([^)\\n]{1,40}\\)| /[^/\\n]{1,40}/)? ?[-–—:]"


def _date(names: dict[str, str] | None) -> str:
    from ..timex.grammar import expand

    return expand("(?:{WEEKDAY},? )?(?:{MONTH} {DAY}(?:,? {YEAR})?|{DAY} {MONTH}(?:,? {YEAR})?"
                  "|{YEAR}-[01]\\d-[0-3]\\d)", names=names)


def date_line_pattern(names: dict[str, str] | None = None, labels: Iterable[str] | None = None) -> re.Pattern:
    """A line that is only a date (``is_date_line``), over the word classes ``names``
    (``timex.lexicon.placeholders()`` unless given), perhaps opened by one of ``labels``
    ("Published:"; ``lexicon.date_line_labels()`` unless given)."""
    from ..timex.grammar import expand

    if labels is None:
        from ..lexicon import date_line_labels

        labels = date_line_labels()
    opener = "|".join(re.escape(w) for w in sorted(labels, key=lambda w: (-len(w), w)))
    return re.compile(expand("(?:(?:first )?(?:" + opener + ")(?: on)?:? )?(?P<date>"
                             + _date(names) + ")(?:,? (?:at )?[0-2]?\\d[:.][0-5]\\d(?: ?[ap]\\.?m\\.?)?"
                             "(?: [A-Z][A-Z][A-Z]?[A-Z]?)?)?\\.?", names=names), re.IGNORECASE)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    from ..timex.grammar import expand

    date_ = _date(None)
    dateline = re.compile(expand(_PLACE + "(?P<date>" + date_ + ")" + _CREDIT), re.IGNORECASE)
    only_date = date_line_pattern()
    yearless = re.compile(expand("(?:" + _PLACE + ")?(?P<date>{MONTH} {DAY}|{DAY} {MONTH})" + _CREDIT),
                          re.IGNORECASE)
    return dateline, only_date, yearless


@lru_cache(maxsize=1)
def _written_dates() -> re.Pattern:
    from ..timex.grammar import expand

    return re.compile(expand("(?<![\\w])(?:{MONTH} {DAY},? {YEAR}|{DAY} {MONTH},? {YEAR}|{YEAR}-[01]\\d-[0-3]\\d)"
                             "(?![\\w])"), re.IGNORECASE)


def is_date_line(line: str) -> bool:
    """Is ``line`` only a date ("5 January 2026", "Published: Monday, January 5, 2026 10:32 GMT")?"""
    return _patterns()[1].fullmatch(line.strip()) is not None


def find_anchor(text: str) -> str | None:
    """An ISO date from a dateline in the first lines of ``text``, or None."""
    dateline, only_date, yearless = _patterns()
    lines = [line.strip() for line in text[:HEAD_CHARS].splitlines() if line.strip()][:HEAD_LINES]
    for line in lines:
        found = dateline.match(line) if line[:1].isupper() and line.split(",")[0].isupper() else None
        found = found or only_date.fullmatch(line)
        if found:
            value = _full_date(found.group("date"))
            if value:
                return value
        found = yearless.match(line) if line[:1].isupper() else None
        if found:
            return _with_inferred_year(found.group("date"), text)
    return None


def _with_inferred_year(month_day: str, text: str) -> str | None:
    """``month_day`` ("Nov 11") in the first year that puts it no more than two months before
    the latest full date ``text`` writes ("Jan 3 - ... on December 28, 2011" is 2012-01-03;
    "Nov 11 - ... on March 3, 2011" is 2011-11-11); None when the text writes none."""
    written = [d for d in (_full_date(m.group(0)) for m in _written_dates().finditer(text)) if d]
    if not written:
        return None
    latest = date.fromisoformat(max(written))
    for year in (latest.year - 1, latest.year, latest.year + 1):
        value = _full_date(f"{month_day} {year}")
        if value and date.fromisoformat(value) >= latest - _DATELINE_BEFORE_LATEST:
            return value
    return None


def _full_date(text: str) -> str | None:
    from ..timex import normalize

    value = normalize(text).value  # no anchor: only a date with its year resolves
    return value if value and re.fullmatch(r"\d{4}-\d\d-\d\d", value) else None
