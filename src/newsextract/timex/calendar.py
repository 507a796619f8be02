"""Calendar arithmetic and TIMEX3 value formatting."""
from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

# TIMEX3 season codes in calendar order; winter belongs to the year it starts in
SEASONS = ("SP", "SU", "FA", "WI")
_SEASON_OF_MONTH = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA",
                    12: "WI", 1: "WI", 2: "WI"}


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.year * 12 + (d.month - 1) + n, 12)
    return date(y, m + 1, min(d.day, _cal.monthrange(y, m + 1)[1]))


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (D, W, WE, FN, M, Q, H, Y, DE, CE)."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit in ("W", "WE"):
        return d + timedelta(weeks=n)
    if unit == "FN":
        return d + timedelta(weeks=2 * n)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}[unit]
    return add_months(d, months * n)


def quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


def week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def weekend(d: date) -> str:
    """The weekend of ``d``'s ISO week."""
    return week(d) + "-WE"


def season_of(d: date) -> tuple[int, str]:
    """(year, season code) of ``d``; January and February are in the previous year's winter."""
    code = _SEASON_OF_MONTH[d.month]
    return (d.year - 1 if d.month <= 2 else d.year), code


def at_granularity(d: date, unit: str) -> str:
    """The TIMEX3 value of the ``unit``-long period containing ``d``."""
    if unit == "D":
        return d.isoformat()
    if unit in ("W", "FN"):
        return week(d)
    if unit == "WE":
        return weekend(d)
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{quarter(d)}"
    if unit == "H":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "DE":
        return f"{d.year:04d}"[:3]
    if unit == "CE":
        return f"{d.year:04d}"[:2]
    raise ValueError(unit)


def weekday_near(anchor: date, weekday: int, direction: str) -> date:
    """The ``weekday`` (1 = Monday) nearest ``anchor``: ``past`` on or before it, ``future``
    on or after it, ``before``/``after`` strictly before or after it."""
    diff = weekday - anchor.isoweekday()
    if direction == "past":
        return anchor + timedelta(days=diff - 7 if diff > 0 else diff)
    if direction == "future":
        return anchor + timedelta(days=diff + 7 if diff < 0 else diff)
    if direction == "before":
        return anchor + timedelta(days=diff - 7 if diff >= 0 else diff)
    if direction == "after":
        return anchor + timedelta(days=diff + 7 if diff <= 0 else diff)
    raise ValueError(direction)


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _cal.monthrange(year, month)[1]


# a day written with a firm tense changes year only when it is this far on the other side of the
# anchor: nearer, a misread attachment ("hinted at a giveaway on 16 March") or a publication date a
# day off is likelier than a date a year away
_FIRM_DAYS = 14


def _wholly_beyond(year: int, month: int, day: int | None, anchor: date, tense: str | None) -> bool:
    """Is the month (the day) in ``year`` wholly on the other side of the anchor than ``tense`` says?"""
    if day is None:
        first = date(year, month, 1)
        last = date(year, month, _cal.monthrange(year, month)[1])
        return first > anchor if tense == "past" else last < anchor
    if not valid_day(year, month, day):
        return False
    gap = (date(year, month, day) - anchor).days
    return gap > _FIRM_DAYS if tense == "past" else -gap > _FIRM_DAYS


def year_for(month: int, day: int | None, anchor: date, tense: str | None) -> int:
    """The year of a month (and day) written without one: the nearest such date when it
    is within three months of the anchor (at three months, unless the tense points the
    other way); further away, the tense decides: in a future
    sentence the first one not before the anchor, otherwise (news reports the past) the
    latest one not after it. A firm tense (``"firm_past"``, ``"firm_future"``: the verb's own
    adjunct, "changed ... in December", "the year ended March 31") decides at any distance."""
    firm = tense is not None and tense.startswith("firm_")
    tense = tense[5:] if firm else tense
    delta = month - anchor.month
    nearest = anchor.year - 1 if delta > 6 else anchor.year + 1 if delta < -6 else anchor.year
    distance = abs((nearest - anchor.year) * 12 + delta)
    here = (month, day or 0)
    now = (anchor.month, anchor.day if day else 0)
    if distance < 3 and not (firm and _wholly_beyond(nearest, month, day, anchor, tense)):
        return nearest
    if distance <= 3:
        # three months off, the tense may say it is on the other side of the anchor ("the year
        # ended Jan. 31" said in October is the January gone); nearer, the tense is too weak a
        # clue ("payable Dec. 7" under "declared", "through Sept. 29")
        if tense == "past" and (nearest, *here) > (anchor.year, *now):
            return nearest - 1
        if tense == "future" and (nearest, *here) < (anchor.year, *now):
            return nearest + 1
        return nearest
    if tense == "future":
        return anchor.year if here >= now else anchor.year + 1
    return anchor.year if here <= now else anchor.year - 1
