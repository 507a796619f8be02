"""Word classes for temporal expressions, loaded once from ``models/date_words.json``."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .. import lexicon

SPACE = r"[\x20\t\u00a0]+"
DASH = r"[\x20\t\u00a0]*[-\u2013\u2014][\x20\t\u00a0]*"
_UNITS_1_9 = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# a year as it is spoken in a broadcast transcript: "nineteen ninety-four", "nineteen oh five",
# "two thousand and one"
SPOKEN_YEAR = ("(?:(?:seventeen|eighteen|nineteen) (?:(?:" + _TENS + ")(?:-| )(?:" + _UNITS_1_9 + ")|" + _TENS
               + "|" + _TEENS + "|(?:oh|o) (?:" + _UNITS_1_9 + "))|two thousand(?: and (?:" + _UNITS_1_9 + "|"
               + _TEENS + "))?)(?![\\w-])")
_ORDINAL_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
# a day of the month in words: "fifth", "twenty-first", "thirty-first"
SPOKEN_DAY = ("(?:(?:twenty)(?:-| )(?:" + _ORDINAL_UNITS + ")|thirty(?:-| )first|twentieth|thirtieth|tenth|eleventh|"
              "twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
              + _ORDINAL_UNITS + ")(?![\\w-])")


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    return {k: v for k, v in lexicon.json("date_words.json").items() if not k.startswith("_")}


def _alternation(entries, *, optional_period: bool = False) -> str:
    """Longest first; with ``optional_period``, abbreviations ("sept", "jan") may end in a period."""
    abbreviations = {e for e in entries if any(o != e and o.startswith(e) for o in entries)}
    parts = []
    for entry in sorted(entries, key=len, reverse=True):
        text = re.escape(entry).replace(r"\ ", " ")
        if optional_period and entry in abbreviations:
            text += r"\.?"
        parts.append(text)
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=1)
def placeholders() -> dict[str, str]:
    """``{NAME}`` → regex text, for the patterns of ``date_patterns.jsonl``."""
    return placeholders_of(words())


def placeholders_of(w: dict[str, Any]) -> dict[str, str]:
    """``placeholders`` for the word classes ``w`` (``words()``, or a saved pipeline's copy)."""
    weekdays = [k for k in w["weekdays"] if k not in w["abbreviated_weekdays_need_period"]]
    weekday_abbr = [re.escape(k) + r"\." for k in w["abbreviated_weekdays_need_period"]]
    weekday = "(?:" + "|".join(sorted(weekdays, key=len, reverse=True) + weekday_abbr) + ")"
    number = (r"(?:\d+(?:\.\d+)?|(?:" + _TENS + ")(?:-| )(?:" + _UNITS_1_9 + ")|"
              + _alternation(w["numbers"])[3:-1] + ")")
    rel = _alternation(w["past_words"] + w["future_words"] + w["present_words"])
    return {
        "MONTH": _alternation(w["months"], optional_period=True),
        "WEEKDAY": weekday,
        "SEASON": _alternation(w["seasons"]),
        "POD": _alternation(w["parts_of_day"]),
        "UNIT": _alternation(w["units"]),
        "UNITS": _alternation([u for u in w["units"] if u.endswith("s")]),
        "CUNIT": _alternation(w["calendar_units"]),
        "NUM": number,
        "VAGUE": _alternation(w["vague_numbers"]),
        "ORD": _alternation(w["ordinals"]),
        "MOD": _alternation(w["modifiers"]),
        "PART": _alternation(w["parts"]),
        "REL": rel,
        "REF": _alternation(w["references"]),
        "DAYWORD": _alternation(w["day_words"]),
        "SETADV": _alternation(w["set_adverbs"]),
        "DECADEWORD": _alternation(w["decade_words"]),
        "TZ": _alternation(w["time_zones"]),
        "YEAR": r"(?:1[6-9]\d\d|20\d\d)",
        "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
        "SPOKENYEAR": SPOKEN_YEAR,
        "SPOKENDAY": SPOKEN_DAY,
        "DASH": DASH,
    }


def key(text: str) -> str:
    """A word as looked up in the lexicon: lower case, no final period, single spaces."""
    return " ".join(text.lower().rstrip(".").split())


def month(text: str) -> int:
    return words()["months"][key(text)]


def weekday(text: str) -> int:
    return words()["weekdays"][key(text)]


def number(text: str) -> float | None:
    """``"two"`` → 2, ``"twenty-four"`` → 24, ``"18"`` → 18; vague words → None."""
    k = key(text).replace("-", " ")
    table = words()["numbers"]
    if k in table:
        return table[k]
    try:
        return float(k) if "." in k else int(k)
    except ValueError:
        pass
    total = 0
    for part in k.split():
        if part not in table:
            return None
        total += table[part]
    return total or None


def spoken_year(text: str) -> int | None:
    """"nineteen ninety-four" -> 1994, "nineteen oh five" -> 1905, "two thousand and one" -> 2001."""
    k = key(text).replace("-", " ")
    if k.startswith("two thousand"):
        rest = k[len("two thousand"):].removeprefix(" and").strip()
        n = number(rest) if rest else 0
        return 2000 + int(n) if n is not None and n < 100 else None
    century, _, rest = k.partition(" ")
    c, yy = number(century), number(rest.removeprefix("oh ").removeprefix("o "))
    return int(c) * 100 + int(yy) if c and yy is not None and yy < 100 else None


def day_number(text: str) -> int:
    """"5", "5th", "fifth", "twenty-first" -> the day of the month."""
    k = key(text)
    if k[:1].isdigit():
        return int(k.rstrip("stndrh"))
    k = k.replace(" ", "-")
    ordinals = words()["ordinals"]
    if k in ordinals:
        return ordinals[k]
    tens, _, unit = k.partition("-")
    return {"twenty": 20, "thirty": 30}[tens] + ordinals[unit]


def unit(text: str) -> str:
    k = key(text)
    units = words()["units"]
    return units.get(k) or words()["calendar_units"].get(k) or units[k.rstrip("s")]
