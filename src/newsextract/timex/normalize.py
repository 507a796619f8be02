"""From the text of a temporal expression to its TIMEX3 type and value."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .absolute import parse_absolute
from .grammar import full_match
from .resolve import RESOLVERS, resolve_anaphoric, resolve_event_offset, resolve_part_of_the_day

# "later"/"earlier" count from the event spoken of, when there is one; "ago"/"hence" from now
EVENT_DIRECTIONS = ("later", "earlier")


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
    this sentence or the one before, for "a year later". Relative expressions
    with no anchor get value None; nothing is ever resolved against today's clock.
    """
    found = interpret(text, rule_id)
    if found is None:
        return Timex(default_type, parse_absolute(" ".join(text.split())))
    rule, groups = found
    try:
        if rule.kind == "anaphoric":
            value = resolve_anaphoric(groups, reference)
        elif rule.kind == "part_of_the_day":
            value = resolve_part_of_the_day(groups, anchor, reference)
        elif rule.kind == "ago" and event and groups.get("dir", "").lower() in EVENT_DIRECTIONS:
            value = resolve_event_offset(groups, event)
        else:
            value = RESOLVERS[rule.kind](groups, anchor, tense)
    except (KeyError, ValueError, OverflowError):
        value = None
    return Timex(rule.label, value)
