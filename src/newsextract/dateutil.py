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


def normalize_published(value: str) -> str | None:
    """An ISO date (or date-time) string for ``value``, or None if unreadable."""
    value = value.strip()
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        if len(value) <= 10:
            return parsed.date().isoformat()
        return parsed.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    import dateparser

    found = dateparser.parse(value, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first",
                                                                 "RETURN_AS_TIMEZONE_AWARE": False,
                                                                 "STRICT_PARSING": True})
    return found.date().isoformat() if found is not None else None


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
