"""The anchor for relative dates when the input gives no publication date: a
dateline at the top of the text.

Two shapes are read, in the first few lines only:

- an agency dateline: ``WASHINGTON, March 3, 2026 (Reuters) -``, ``PARIS, 5 January 2026 —``,
  ``NEW YORK, Jan. 5, 2026 /PRNewswire/ --``;
- a line that is only a date: ``5 January 2026``, ``Published: Monday, January 5, 2026 10:32 GMT``.

A dateline without a year (``WASHINGTON, March 3 (Reuters) -``) gives no anchor:
the year is unknown, and a wrong date is worse than none.
"""
from __future__ import annotations

import re
from functools import lru_cache

HEAD_LINES = 6
HEAD_CHARS = 800


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    from .timex.grammar import expand

    date = expand("(?:{WEEKDAY},? )?(?:{MONTH} {DAY}(?:,? {YEAR})?|{DAY} {MONTH}(?:,? {YEAR})?"
                  "|{YEAR}-[01]\\d-[0-3]\\d)")
    dateline = re.compile(expand("[A-Z][A-Z\\x20.'’-]+(?:, [A-Za-z\\x20.'’-]+)?,? (?P<date>" + date
                                 + ")(?: \\([^)\\n]{1,40}\\)| /[^/\\n]{1,40}/)? ?[-–—:]"), re.IGNORECASE)
    only_date = re.compile(expand("(?:(?:first )?(?:published|updated|posted|date|dated)(?: on)?:? )?(?P<date>"
                                  + date + ")(?:,? (?:at )?[0-2]?\\d[:.][0-5]\\d(?: ?[ap]\\.?m\\.?)?"
                                  "(?: [A-Z][A-Z][A-Z]?[A-Z]?)?)?\\.?"), re.IGNORECASE)
    return dateline, only_date


def is_date_line(line: str) -> bool:
    """Is ``line`` only a date ("5 January 2026", "Published: Monday, January 5, 2026 10:32 GMT")?"""
    return _patterns()[1].fullmatch(line.strip()) is not None


def find_anchor(text: str) -> str | None:
    """An ISO date from a dateline in the first lines of ``text``, or None."""
    dateline, only_date = _patterns()
    lines = [line.strip() for line in text[:HEAD_CHARS].splitlines() if line.strip()][:HEAD_LINES]
    for line in lines:
        found = dateline.match(line) if line[:1].isupper() and line.split(",")[0].isupper() else None
        found = found or only_date.fullmatch(line)
        if found:
            value = _full_date(found.group("date"))
            if value:
                return value
    return None


def _full_date(text: str) -> str | None:
    from .timex import normalize

    value = normalize(text).value  # no anchor: only a date with its year resolves
    return value if value and re.fullmatch(r"\d{4}-\d\d-\d\d", value) else None
