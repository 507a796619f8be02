"""TIMEX3 values for matched rules: one resolver per rule ``kind``.

A resolver gets the rule's named groups, the anchor date (or None) and the tense
of the sentence (``"past"``, ``"future"`` or None) and returns the value, or
None when it cannot be known (a relative expression without an anchor).
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

from . import calendar as cal
from . import lexicon as lex
from .durations import duration_value

Groups = dict[str, str]
Resolver = Callable[[Groups, "date | None", "str | None"], "str | None"]

_TIME_UNITS = {"S", "MIN", "H"}


def offset(rel: str | None) -> int:
    """-1 for last/past/previous, +1 for next/coming, 0 for this/current."""
    if rel is None:
        return 0
    k = lex.key(rel)
    w = lex.words()
    if k in w["past_words"]:
        return -1
    if k in w["future_words"]:
        return 1
    return 0


def _year(text: str, base: int | None = None) -> int:
    if text[:1].isalpha():  # "nineteen ninety-four"
        spoken = lex.spoken_year(text)
        if spoken is None:
            raise ValueError(text)
        return spoken
    y = int(text.lstrip("'’"))
    if len(text.lstrip("'’")) == 2:
        century = (base // 100 * 100) if base else 1900
        y += century
        if base and y < base:
            y += 100
    return y


def _day(text: str) -> int:
    return lex.day_number(text)


def _month_year(m: int, rel: str | None, anchor: date | None, tense: str | None) -> int | None:
    if anchor is None:
        return None
    off = offset(rel)
    if off < 0:  # "last June": the latest June before this month
        return anchor.year if m < anchor.month else anchor.year - 1
    if off > 0:
        return anchor.year if m > anchor.month else anchor.year + 1
    if rel is not None:  # "this June": this year's, unless it is gone and the sentence looks ahead
        # ("will return this January", said in December); a past tense is no such clue, often the
        # main clause's ("with the election due this September, the figures could not have come ...")
        if (tense or "").removeprefix("firm_") == "future" and m < anchor.month:
            return anchor.year + 1
        return anchor.year
    return cal.year_for(m, None, anchor, tense)


def _weekday_year(m: int, d: int, wd: int, anchor: date) -> int | None:
    """The year near the anchor in which month/day falls on weekday ``wd``."""
    for y in (anchor.year, anchor.year - 1, anchor.year + 1):
        if cal.valid_day(y, m, d) and date(y, m, d).isoweekday() == wd:
            return y
    return None


def resolve_date(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    m = lex.month(g["m"])
    d = _day(g["d"]) if "d" in g else None
    if "y" in g:
        y = _year(g["y"])
    elif anchor is None:
        return None
    elif d is not None and "wd" in g:
        y = _weekday_year(m, d, lex.weekday(g["wd"]), anchor) or cal.year_for(m, d, anchor, tense)
    elif d is not None:
        y = cal.year_for(m, d, anchor, tense)
    elif "yrel" in g:  # "June last year"
        y = anchor.year + offset(g["yrel"])
    else:
        y = _month_year(m, g.get("rel"), anchor, tense)
    if d is None:
        return f"{y:04d}-{m:02d}"
    return date(y, m, d).isoformat() if cal.valid_day(y, m, d) else None


def resolve_range_md(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    m1 = lex.month(g.get("m1") or g["m2"])
    m2 = lex.month(g.get("m2") or g["m1"])
    d1, d2 = _day(g["d1"]), _day(g["d2"])
    if "y" in g:
        y1 = y2 = _year(g["y"])
        if (m2, d2) < (m1, d1):
            y1 -= 1
    elif anchor is None:
        return None
    else:
        y1 = y2 = cal.year_for(m1, d1, anchor, tense)
        if (m2, d2) < (m1, d1):
            y2 += 1
    if not (cal.valid_day(y1, m1, d1) and cal.valid_day(y2, m2, d2)):
        return None
    start, end = date(y1, m1, d1), date(y2, m2, d2)
    return f"{start.isoformat()}/{end.isoformat()}" if end > start else None


def resolve_range_month(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    m1, m2 = lex.month(g["m1"]), lex.month(g["m2"])
    if "y" in g:
        y2 = _year(g["y"])
        y1 = _year(g["y1"]) if "y1" in g else (y2 if m1 <= m2 else y2 - 1)
    elif "y1" in g:
        y1 = _year(g["y1"])
        y2 = y1 if m2 >= m1 else y1 + 1
    elif anchor is None:
        return None
    else:
        y1 = cal.year_for(m1, None, anchor, tense)
        y2 = y1 if m2 >= m1 else y1 + 1
    if (y2, m2) <= (y1, m1):
        return None
    return f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}"


def resolve_range_year(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    y1 = _year(g["y1"])
    y2 = _year(g["y2"], base=y1)
    return f"{y1:04d}/{y2:04d}" if y1 < y2 <= y1 + 100 else None


def resolve_iso(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    y, m, d = int(g["y"]), int(g["m"]), int(g["d"])
    if not cal.valid_day(y, m, d):
        return None
    value = date(y, m, d).isoformat()
    if "h" in g:
        value += f"T{g['h']}:{g['min']}"
    return value


def resolve_numeric(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    m, d = int(g["m"]), int(g["d"])
    y = _year(g["y"], base=(anchor.year - 80) if anchor else 1950) if len(g["y"]) == 2 else int(g["y"])
    return date(y, m, d).isoformat() if cal.valid_day(y, m, d) else None


def resolve_decade(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    """"the 1960s" -> 196; "the '80s", "the eighties" -> the latest such decade begun by the anchor
    ("the nineteen-sixties" names its century)."""
    if "dw" in g:
        g = {**g, "dec": str(lex.words()["decade_words"][lex.key(g["dw"])])}
        if "cw" in g:
            g["c"] = str(lex.number(g["cw"]))
    if "c" in g:
        return f"{g['c']}{g['dec']}"
    if anchor is None:
        return None
    century = anchor.year // 100
    if int(f"{century}{g['dec']}0") > anchor.year:
        century -= 1
    return f"{century:02d}{g['dec']}"


def resolve_century(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    n = lex.words()["ordinals"].get(lex.key(g["ord"]))
    if n is None:
        n = int(g["ord"].rstrip("stndrh"))
    return f"{n - 1:02d}" if n > 0 else None


def resolve_year(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    return f"{int(g['y']):04d}"


def resolve_quarter(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    if "q" in g:
        unit, n = g["q"][0].upper(), int(g["q"][1])
    else:
        unit = "H" if lex.key(g["u"]) == "half" else "Q"
        n = lex.words()["ordinals"][lex.key(g["ord"])]
    limit = 2 if unit == "H" else 4
    if n == -1:  # "the last half of 1989", "the final quarter of the year"
        n = limit
    if not 1 <= n <= limit:
        return None
    if "y" in g or "y0" in g:
        y = int(g.get("y") or g["y0"])
    elif anchor is None:
        return None
    elif "yrel" in g or "yrel0" in g:
        y = anchor.year + offset((g.get("yrel") or g["yrel0"]).split()[-1])
    else:
        current = cal.quarter(anchor) if unit == "Q" else (1 if anchor.month <= 6 else 2)
        # quarters are reported after they end: only a later quarter in a past sentence is last year's,
        # and only an earlier quarter in a future sentence is next year's ("will launch in the third
        # quarter", said in October)
        if tense == "past" and n > current:
            y = anchor.year - 1
        elif tense == "future" and n < current:
            y = anchor.year + 1
        else:
            y = anchor.year
    return f"{y:04d}-{unit}{n}"


def resolve_quarter_relative(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    if anchor is None:
        return None
    if "u0" in g:  # "the quarter": the one being reported, the last complete one
        return cal.at_granularity(cal.shift(anchor, "Q", 0 if tense == "future" else -1), "Q")
    unit = "H" if lex.key(g["u"]) == "half" else "Q"
    rel = lex.key(g["rel"])
    if rel in ("same",):
        return None
    if rel in ("year-ago", "year-earlier", "year-before"):
        return cal.at_granularity(cal.shift(cal.shift(anchor, unit, -1), "Y", -1), unit)
    return cal.at_granularity(cal.shift(anchor, unit, offset(rel)), unit)


def resolve_period_ago(g: Groups, anchor: date | None, period: str | None) -> str | None:
    """"the year-earlier period", "the 1988 quarter", "last year's quarter": the period a report is
    about (``period``, the last quarter or half the text spoke of), a year before or in the year
    written. "The year-ago third quarter" names its quarter. Without a reported period: the last
    complete quarter (half) a year before; "the 1988 period" is 1988."""
    word = lex.key(g.get("u") or g["u2"])
    if "latest" in g:  # "the latest period": the one being reported
        return period
    y = int(g["y"]) if "y" in g else None
    if "ord" in g:
        unit = "H" if word == "half" else "Q"
        base = int(period[:4]) if period else (anchor.year if anchor else None)
        year = y if y is not None else (base - 1 if base is not None else None)
        return None if year is None else f"{year:04d}-{unit}{lex.words()['ordinals'][lex.key(g['ord'])]}"
    if period and (word == "period" or (word == "half") == (period[5] == "H")):
        year = y if y is not None else int(period[:4]) - 1
        return f"{year:04d}-{period[5:]}"
    if y is not None:
        return f"{y:04d}"
    if anchor is None:
        return None
    if word == "period":
        return f"{anchor.year - 1:04d}"
    unit = "H" if word == "half" else "Q"
    return cal.at_granularity(cal.shift(cal.shift(anchor, unit, -1), "Y", -1), unit)


def resolve_year_end(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    """"year-end", "the year's end": the last day of the year, the one to come unless the sentence
    is in the past ("since year-end", "debt fell by year-end" said in March is last December's)."""
    if anchor is None:
        return None
    year = anchor.year - 1 if tense == "past" and (anchor.month, anchor.day) != (12, 31) else anchor.year
    return f"{year:04d}-12-31"


def resolve_spoken_year(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    """"nineteen ninety-six" -> 1996, "the year two thousand and one" -> 2001 (broadcast transcripts)."""
    spoken = g["k"] + (" and " + g["ky"] if "ky" in g else "") if "k" in g else g["c"] + " " + g["yy"]
    found = lex.spoken_year(spoken)
    return f"{found:04d}" if found else None


def resolve_season(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    code = lex.words()["seasons"][lex.key(g["s"])]
    if "y" in g:
        return f"{_year(g['y']):04d}-{code}"
    if anchor is None:
        return None
    now_year, now_code = cal.season_of(anchor)
    now = (now_year, cal.SEASONS.index(now_code))
    idx = cal.SEASONS.index(code)
    rel = g.get("rel")
    off = offset(rel) if rel and lex.key(rel) != "the" else 0
    if off < 0:
        y = now_year if idx < now[1] else now_year - 1
    elif off > 0:
        y = now_year if idx > now[1] else now_year + 1
    elif tense == "past":
        y = now_year if idx <= now[1] else now_year - 1
    elif tense == "future":
        y = now_year if idx >= now[1] else now_year + 1
    else:
        y = anchor.year
    return f"{y:04d}-{code}"


def _day_of(text: str, anchor: date, tense: str | None) -> date:
    """A weekday name or a day word ("Friday", "yesterday") as a date near the anchor."""
    k = lex.key(text)
    days = lex.words()["day_words"]
    if k in days:
        return anchor + timedelta(days=days[k])
    if " " in k:  # "Nov. 9"
        found = resolve_date({"m": k.split()[0], "d": k.split()[-1]}, anchor, tense)
        return date.fromisoformat(found) if found else anchor
    return cal.weekday_near(anchor, lex.weekday(k), "future" if tense == "future" else "past")


def resolve_weekday(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    if anchor is None:
        return None
    rel = g.get("rel")
    off = offset(rel)
    if "wd" not in g:  # "the weekend"
        day = cal.weekday_near(anchor, 6, "future" if tense == "future" else "past")
        return cal.weekend(day)
    wd = lex.weekday(g["wd"])
    if off < 0:
        day = cal.weekday_near(anchor, wd, "before")
    elif off > 0:
        day = cal.weekday_near(anchor, wd, "after")
    else:
        day = cal.weekday_near(anchor, wd, "future" if tense == "future" else "past")
    value = day.isoformat()
    if "pod" in g:
        value += "T" + lex.words()["parts_of_day"][lex.key(g["pod"])]
    return value


def resolve_dayword(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    if anchor is None:
        return None
    if "tonight" in g:
        return anchor.isoformat() + "TNI"
    if "dw" in g:
        day = anchor + timedelta(days=lex.words()["day_words"][lex.key(g["dw"])])
    else:
        rel = lex.key(g["rel"])
        shift = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
        day = anchor + timedelta(days=shift)
    value = day.isoformat()
    if "pod" in g:
        value += "T" + lex.words()["parts_of_day"][lex.key(g["pod"])]
    return value


def resolve_pod_day(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    """"mid-afternoon yesterday", "early morning Tuesday": the part of that day."""
    return resolve_weekday(g, anchor, tense) if "wd" in g else resolve_dayword(g, anchor, tense)


def resolve_time(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    if "noon" in g:
        h, mi = (24, 0) if lex.key(g["noon"]) == "midnight" else (12, 0)
    else:
        h, mi = int(g["h"]), int(g.get("min") or 0)
        ap = "".join(g.get("ap", "").lower().replace(".", "").split())  # "p.m.", "pm", "p. m."
        if ap == "pm" and h < 12:
            h += 12
        elif ap == "am" and h == 12:
            h = 0
    day_text = g.get("wd") or g.get("wdb")
    if anchor is None:
        return None
    day = _day_of(day_text, anchor, tense) if day_text else anchor
    return f"{day.isoformat()}T{h:02d}:{mi:02d}" + zone_offset(g.get("tz"))


def zone_offset(zone: str | None) -> str:
    """The UTC offset of a written time zone ("IST" -> "+05:30"), or "" when it has no fixed one."""
    if not zone:
        return ""
    return lex.words()["time_zones"].get(lex.key(zone)) or ""


def resolve_ago(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    direction = lex.key(g["dir"])
    sign = 1 if direction in ("later", "hence", "time") else -1  # "in five years' time"
    n = lex.number(g["n"]) if "n" in g else 1  # "year-earlier profit"
    if n is None:
        return "FUTURE_REF" if sign > 0 else "PAST_REF"
    if anchor is None or n != int(n):
        return None
    unit = lex.unit(g["u"])
    if unit in _TIME_UNITS:
        return anchor.isoformat()
    return cal.at_granularity(cal.shift(anchor, unit, sign * int(n)), unit)


def resolve_relative(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    if anchor is None:
        return None
    unit = lex.unit(g["u"])
    if unit == "WE":
        return resolve_weekday({"rel": g["rel"]} if "rel" in g else {}, anchor, tense) \
            if offset(g.get("rel")) == 0 else cal.weekend(cal.shift(anchor, "W", offset(g["rel"])))
    return cal.at_granularity(cal.shift(anchor, unit, offset(g.get("rel"))), unit)


def resolve_reference(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    if "ref" in g:
        return lex.words()["references"][lex.key(g["ref"])]
    return "FUTURE_REF"


def resolve_duration(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    if "n" in g:
        n = lex.number(g["n"]) if "n1" not in g else None
    else:  # "the past decade" is one decade; "years", "recent weeks" an unknown number
        n = None if lex.key(g["u"]).endswith("s") else 1
    if n is not None and ("half" in g or "u_half" in g):
        n += 0.5
    return duration_value(n, lex.unit(g["u"]))


def resolve_set(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    w = lex.words()
    if "adv" in g:
        return w["set_adverbs"][lex.key(g["adv"])]
    if "wds" in g:
        value = f"XXXX-WXX-{lex.weekday(g['wds'])}"
        return value + ("T" + w["parts_of_day"][lex.key(g["pod"]).rstrip("s")] if "pod" in g else "")
    k = lex.key(g["u"])
    pod = "T" + w["parts_of_day"][lex.key(g["pod"])] if "pod" in g else ""
    if k in w["weekdays"]:
        return f"XXXX-WXX-{w['weekdays'][k]}{pod}"
    if k in w["months"]:
        return f"XXXX-{w['months'][k]:02d}"
    if k in w["seasons"]:
        return f"XXXX-{w['seasons'][k]}"
    if k in w["parts_of_day"]:
        return f"XXXX-XX-XXT{w['parts_of_day'][k]}"
    n = lex.number(g["n"]) if "n" in g else 1
    return duration_value(n, lex.unit(k))


def resolve_season_reference(g: Groups, anchor: date | None, tense: str | None) -> str | None:
    """"last season", "next season": a sports or business season, known only by its direction."""
    return lex.words()["season_references"].get(lex.key(g["rel"]))


_NEEDS = {"D": 3, "W": 3, "M": 2, "Y": 1, "DE": 1}


def resolve_anaphoric(g: Groups, reference: str | None) -> str | None:
    """"The following year", "that day": relative to the date the text spoke of last
    (``reference``, a TIMEX3 value), not to the publication date; None without one fine enough."""
    if not reference:
        return None
    parts = reference[:10].split("-")
    if not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        return None
    unit = lex.unit(g["u"])
    if len(parts) < _NEEDS[unit]:
        return None
    base = date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    off = lex.words()["anaphoric_words"][lex.key(g.get("rel") or g["that"])]
    return cal.at_granularity(cal.shift(base, unit, off), unit)


def _base_day(reference: str | None, anchor: date | None) -> date | None:
    """The day "the previous Friday", "that Friday" count from: the day the text spoke of last; the
    anchor when the text spoke of none or of a period holding the anchor ("this month"); else
    None (the text is speaking of another time than the anchor's, "in March 2011")."""
    day = _day_value(reference)
    if day is not None:
        return day
    if reference is None or anchor is None:
        return anchor
    found = _grain(reference)
    if found is None:
        return anchor
    grain, start = found
    return anchor if cal.at_granularity(anchor, grain) == cal.at_granularity(start, grain) else None


def resolve_anaphoric_weekday(g: Groups, anchor: date | None, tense: str | None, reference: str | None) -> str | None:
    """"the previous Friday", "the following Monday", "that Friday": counted from the day the text
    spoke of last (``reference``), else from the anchor; "that Friday" is the one in that day's week."""
    base = _base_day(reference, anchor)
    if base is None:
        return None
    wd = lex.weekday(g["wd"])
    off = lex.words()["anaphoric_words"][lex.key(g.get("rel") or g["that"])]
    if off < 0:
        return cal.weekday_near(base, wd, "before").isoformat()
    if off > 0:
        return cal.weekday_near(base, wd, "after").isoformat()
    if base is anchor and _day_value(reference) is None:  # no day spoken of: as a bare weekday
        return resolve_weekday({"wd": g["wd"]}, anchor, tense)
    return (base + timedelta(days=wd - base.isoweekday())).isoformat()


def resolve_anaphoric_period(g: Groups, anchor: date | None, tense: str | None, period: str | None) -> str | None:
    """"that quarter", "the previous quarter", "the following half": counted from the quarter or half
    the text spoke of last (``period``); without one, "the previous quarter" counts from the anchor
    and "that quarter" is unknown."""
    unit = "H" if lex.key(g["u"]) == "half" else "Q"
    off = lex.words()["anaphoric_words"][lex.key(g.get("rel") or g["that"])]
    found = _grain(period) if period else None
    if found is None or found[0] not in ("Q", "H"):
        if off == 0 or anchor is None:
            return None
        return resolve_quarter_relative({"u": g["u"], "rel": "previous" if off < 0 else "following"}, anchor, tense)
    return cal.at_granularity(cal.shift(found[1], unit, off), unit)


def _season_base(reference: str | None) -> tuple[int, int] | None:
    """(year, season index) of a season value ("2022-SU") or of the first day of a calendar value."""
    if not reference or not reference[:4].isdigit():
        return None
    if reference[5:] in cal.SEASONS:
        return int(reference[:4]), cal.SEASONS.index(reference[5:])
    found = _grain(reference)
    if found is None:
        return None
    year, code = cal.season_of(found[1])
    return year, cal.SEASONS.index(code)


def resolve_anaphoric_season(g: Groups, anchor: date | None, tense: str | None, reference: str | None) -> str | None:
    """"the following winter", "that summer", "the previous spring": counted from the date or season
    the text spoke of last (``reference``); without one, "the following winter" counts from the
    anchor and "that summer" is unknown."""
    code = lex.words()["seasons"][lex.key(g["s"])]
    idx = cal.SEASONS.index(code)
    off = lex.words()["anaphoric_words"][lex.key(g.get("rel") or g["that"])]
    if reference and len(reference) == 4 and reference.isdigit():
        return f"{int(reference) + off:04d}-{code}"  # "in 2024 ... the following spring": 2025's
    base = _season_base(reference)
    if base is None:
        if off == 0 or anchor is None:
            return None
        return resolve_season({"s": g["s"], "rel": "next" if off > 0 else "last"}, anchor, tense)
    year, now = base
    if off > 0:
        year = year if idx > now else year + 1
    elif off < 0:
        year = year if idx < now else year - 1
    return f"{year:04d}-{code}"


def _day_value(value: str | None) -> date | None:
    """The day of a TIMEX3 value that names one ("2011-11-11", "2011-11-11T20:09"), else None."""
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:10].replace("-", "").isdigit():
        return date(int(value[:4]), int(value[5:7]), int(value[8:10]))
    return None


def resolve_the_day(g: Groups, anchor: date | None, reference: str | None) -> str | None:
    """"later in the day": the day the text spoke of last, else the anchor's day."""
    day = _day_value(reference) or anchor
    return day.isoformat() if day else None


def resolve_part_of_the_day(g: Groups, anchor: date | None, reference: str | None) -> str | None:
    """"the morning": of the day the text spoke of last, else of the anchor's day."""
    day = _day_value(reference) or anchor
    if day is None:
        return None
    return day.isoformat() + "T" + lex.words()["parts_of_day"][lex.key(g["pod"])]


# how fine a TIMEX3 value is, finest first
_GRAINS = ("D", "W", "M", "Q", "H", "Y")


def _grain(value: str) -> tuple[str, date] | None:
    """(granularity, first day) of a calendar value: "1989-Q3" -> ("Q", 1989-07-01)."""
    v = value[:10]
    if not v[:4].isdigit():
        return None
    y = int(v[:4])
    rest = v[5:]
    try:
        if not rest:
            return "Y", date(y, 1, 1)
        if rest[0] == "Q" and rest[1:].isdigit():
            return "Q", date(y, 3 * int(rest[1:]) - 2, 1)
        if rest[0] == "H" and rest[1:].isdigit():
            return "H", date(y, 6 * int(rest[1:]) - 5, 1)
        if rest[0] == "W" and rest[1:3].isdigit():
            return "W", date.fromisocalendar(y, int(rest[1:3]), 1)
        if len(rest) == 2 and rest.isdigit():
            return "M", date(y, int(rest), 1)
        if len(rest) == 5 and rest[2] == "-":
            return "D", date(y, int(rest[:2]), int(rest[3:5]))
    except ValueError:
        return None
    return None


def resolve_event_offset(g: Groups, reference: str) -> str | None:
    """"a year later", "three days earlier" counted from the event the text spoke of last
    (``reference``), at that event's granularity: a year before "the third quarter" of 1989 is
    1988-Q3. None when the offset is finer than the event ("2001 ... three days later")."""
    found = _grain(reference)
    n = lex.number(g["n"]) if "n" in g else 1
    if found is None or n is None or n != int(n):
        return None
    grain, start = found
    unit = lex.unit(g["u"])
    if unit not in _GRAINS or _GRAINS.index(unit) < _GRAINS.index(grain):
        return None
    sign = 1 if lex.key(g["dir"]) in ("later", "hence") else -1
    if grain == "W" and unit in ("M", "Q", "H"):
        # weeks do not fall into months: "the following week ... a month later" is a month
        grain = unit
    return cal.at_granularity(cal.shift(start, unit, sign * int(n)), grain)


RESOLVERS: dict[str, Resolver] = {
    "date": resolve_date, "range_md": resolve_range_md, "range_month": resolve_range_month,
    "range_year": resolve_range_year, "iso": resolve_iso, "numeric": resolve_numeric,
    "decade": resolve_decade, "century": resolve_century, "year": resolve_year,
    "quarter": resolve_quarter, "quarter_relative": resolve_quarter_relative, "season": resolve_season,
    "weekday": resolve_weekday, "dayword": resolve_dayword, "pod_day": resolve_pod_day, "time": resolve_time,
    "ago": resolve_ago,
    "relative": resolve_relative, "reference": resolve_reference, "duration": resolve_duration,
    "set": resolve_set, "year_end": resolve_year_end, "season_reference": resolve_season_reference,
    "spoken_year": resolve_spoken_year,
}
