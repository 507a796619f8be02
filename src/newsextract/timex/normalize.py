"""From the text of a temporal expression to its TIMEX3 type and value."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .absolute import parse_absolute
from .grammar import full_match
from .resolve import (RESOLVERS, resolve_anaphoric, resolve_anaphoric_period, resolve_anaphoric_season,
                      resolve_anaphoric_weekday,
                      resolve_event_offset, resolve_part_of_the_day, resolve_period_ago, resolve_the_day)

# "later"/"earlier" count from the event spoken of, when there is one; "ago"/"hence" from now,
# except that "a year ago" beside a reporting period ("sales in the third quarter rose from a
# year ago") is that period a year before
EVENT_DIRECTIONS = ("later", "earlier")
_REPORTING_PERIOD = re.compile(r"^\d{4}-[QH]\d$")


@dataclass(frozen=True, slots=True)
class Timex:
    type: str
    value: str | None


@lru_cache(maxsize=8192)
def interpret(text: str, rule_id: str | None = None):
    """``(rule, groups)`` of the rule matching all of ``text`` (the one named, if given), or None."""
    return full_match(text, rule_id) or (full_match(text) if rule_id else None)


@lru_cache(maxsize=16384)
def normalize(text: str, anchor: date | None = None, tense: str | None = None,
              rule_id: str | None = None, default_type: str = "DATE", reference: str | None = None,
              event: str | None = None) -> Timex:
    """The TIMEX3 type and value of ``text`` resolved against ``anchor``.

    ``tense`` (``"past"``, ``"future"`` or None) is the tense of the governing
    verb: it decides which Monday a bare "Monday" is. ``reference`` is the value of
    the date the text spoke of last, for "the following year"; ``event`` the same when it is in
    this sentence or the one before, for "a year later" and "for the year". Relative expressions
    with no anchor get value None; nothing is ever resolved against today's clock.
    """
    found = interpret(text, rule_id)
    if found is None:
        return Timex(default_type, parse_absolute(" ".join(text.split())))
    rule, groups = found
    try:
        if rule.kind == "anaphoric":
            value = resolve_anaphoric(groups, reference)
        elif rule.kind == "anaphoric_weekday":
            value = resolve_anaphoric_weekday(groups, anchor, tense, reference)
        elif rule.kind == "anaphoric_season":
            value = resolve_anaphoric_season(groups, anchor, tense, reference)
        elif rule.kind == "anaphoric_period":
            value = resolve_anaphoric_period(groups, anchor, tense, event)
        elif rule.kind == "the_day":
            value = resolve_the_day(groups, anchor, reference)
        elif rule.kind == "part_of_the_day":
            value = resolve_part_of_the_day(groups, anchor, reference)
        elif rule.kind == "period_ago":
            value = resolve_period_ago(groups, anchor, event if event and _REPORTING_PERIOD.match(event) else None)
        elif rule.kind == "the_year":
            value = _the_year(anchor, event)
        elif rule.kind == "ago" and event and _from_event(groups, event):
            value = resolve_event_offset(groups, event)
        else:
            value = RESOLVERS[rule.kind](groups, anchor, tense)
    except (KeyError, ValueError, OverflowError):
        value = None
    return Timex(rule.label, value)


def _the_year(anchor: date | None, event: str | None) -> str | None:
    """"for the year": the anchor's year, unless the text is telling of an earlier year ("Wilson won in
    1974 ... later in the year"); a later year spoken of is a plan or a target ("by 1992 it intended to
    ..."), not the year a report is about. Without an anchor, which of the two is not known."""
    if anchor is None:
        return None
    year = int(event[:4]) if event and event[:4].isdigit() else None
    return f"{year if year is not None and year < anchor.year else anchor.year:04d}"


def _from_event(groups: dict[str, str], event: str) -> bool:
    direction = groups.get("dir", "").lower()
    if direction in EVENT_DIRECTIONS:
        return True
    return direction == "ago" and bool(_REPORTING_PERIOD.match(event)) and groups.get("u", "").lower() == "year"
