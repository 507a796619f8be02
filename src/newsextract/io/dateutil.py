"""Small date helpers shared by inputs and the CLI (no heavy imports)."""
from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def iso_published(value: str) -> str | None:
    """An ISO 8601 date (``2026-01-05``) or date-time (``2026-01-05T14:30``, with an
    optional zone), normalized; None for anything else, however readable: the
    command line takes no guess at day-first or month-first forms."""
    value = value.strip()
    if not _ISO.fullmatch(value):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:  # 2025-13-01, 2026-02-30
        return None
    return parsed.date().isoformat() if len(value) == 10 else parsed.isoformat()


# two unrelated "now"s: a value that parses to different dates against them is relative
_BASES = (datetime(2001, 2, 3, 4, 5, 6), datetime(2011, 8, 13, 14, 15, 16))
RELATIVE = "a relative date ('yesterday', '3 days ago') has nothing to be relative to; give a calendar date"
UNREADABLE = "not a date (use YYYY-MM-DD)"


def normalize_published(value: str) -> str | None:
    """An ISO date (or date-time) string for ``value``, or None if unreadable or relative."""
    return read_published(value)[0]


def read_published(value: str) -> tuple[str | None, str | None]:
    """``(ISO date or date-time, None)``, or ``(None, why not)``.

    A relative value ("yesterday", "last week", "in 3 days") is refused, never
    resolved against the wall clock: the same input must give the same record
    on any day."""
    value = value.strip()
    if not value:
        return None, UNREADABLE
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        if len(value) <= 10:
            return parsed.date().isoformat(), None
        return parsed.isoformat(), None
    try:
        return date.fromisoformat(value).isoformat(), None
    except ValueError:
        pass
    import dateparser

    found = [dateparser.parse(value, languages=["en"],
                              settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                                        "STRICT_PARSING": True, "RELATIVE_BASE": base})
             for base in _BASES]
    if found[0] is None or found[1] is None:
        return None, UNREADABLE
    if found[0] != found[1]:
        return None, RELATIVE
    return found[0].date().isoformat(), None


def anchor_date(published: str | None) -> date | None:
    """The calendar date of a normalized ``published`` value."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published).date()
    except ValueError:
        try:
            return date.fromisoformat(published[:10])
        except ValueError:
            return None
