"""Dates: the ``dates`` spans with their TIMEX3 values, resolved against the anchor.

The anchor is the publication date; "the following year", "that day" are resolved
against the date the text spoke of last instead, and "a year later", "three days
earlier" against the date spoken of in the same sentence or the one before (the
event), when there is one, else against the quarter or half a report is about. Without an anchor, a relative expression is
resolved against the last fully specified date earlier in the text ("On
January 5, 2026 ... the next day"), and before any such date its value is
null: nothing is ever resolved against today's clock.

A day and its clock time are one TIME: "Friday at 3pm", "November 11, 2011 20:09
IST" (the zone kept as an offset), "3pm on Friday"; a clock time with no day of its own falls
on the day the sentence or the one before spoke of. "The quarter ended July 31", "the three
months to March 31", "between October and December" name the quarter a report is about. When the
article says when its fiscal year ends ("its fiscal year ends June 30"), "the fiscal third
quarter" and "the current fiscal year" are counted from that (``timex.fiscal``).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from ..records import DateExpr
from ..nlp.doctext import doc_text
from ..nlp.components.dates import DATES_KEY
from ..nlp.components.provenance import date_rule
from ..timex import interpret, normalize
from ..timex.calendar import at_granularity
from ..timex.fiscal import fiscal_value, fiscal_year_end
from ..timex.lexicon import words
from .tense import firm_tense, reported_period_tense, tense

_FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T|/|$)")
_CALENDAR_DATE = re.compile(r"^\d{4}(?:-\d{2}){0,2}(?:T|/|$)")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PERIOD = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12]|W\d{2}))?(?:T|$)")
_REPORTING = re.compile(r"^\d{4}-[QH]\d$")
_CLOCK_KINDS = ("time",)
_MONTH_KINDS = ("date", "range_md", "range_month")  # a month (and day) without a year  # rules that read a clock time ("3pm", "20:09", "noon")
# "a year later", "three days earlier" count from the event; "year-earlier results" from now
_EVENT_OFFSET_RULES = ("ago",)
# "year-earlier results", "the year-ago period": the period a report is about, a year before
_REPORT_RULES = ("ago_adjective", "period_year_ago", "period_latest")
# "the nine months", "the first six months": the months of a report's year so far
_SPAN_RULES = ("duration_the",)
_MONTHS_OF_A_YEAR = re.compile(r"^P(?:[2-9]|1[01])M$")
# beside "the nine months", "year-earlier net" and "the 1988 period" are those months a year before
_TO_DATE_RULES = ("ago_adjective", "period_year_ago")
# "that quarter", "the previous quarter": from the quarter or half the text spoke of last
_PERIOD_RULES = ("anaphoric_period",)
# "for the year": the year of the event of this sentence or the two before, else the anchor's
_EVENT_YEAR_RULES = ("the_year",)
# "the following winter", "that summer": from the date or the season the text spoke of last
_SEASON_RULES = ("anaphoric_season",)
_SEASON_VALUE = re.compile(r"^\d{4}-(?:SP|SU|FA|WI)$")


def extract_dates(doc: Doc, *, anchor: date | None = None) -> list[DateExpr]:
    out: list[DateExpr] = []
    kinds: list[str | None] = []  # the rule kind of each entry of ``out``
    fallback: date | None = None
    reference: str | None = None  # the last calendar date spoken of, for "the following day"
    seasonal: str | None = None  # the last calendar date or season spoken of, for "the following winter"
    event: str | None = None  # the last period spoken of (a day, week, month, quarter, year), for "a year later"
    event_sent = -2  # the sentence it was spoken of in
    period: str | None = None  # the quarter or half a report leads with (per year): what it is about
    last_period: str | None = None  # the last quarter or half spoken of, for "that quarter"
    year_to_date: str | None = None  # the year of the last "the nine months" spoken of
    to_date_sent = -2
    text = doc_text(doc)
    sentences = _sentence_starts(doc)
    last_span: Span | None = None  # the span of ``out[-1]``
    day_spoken: date | None = None  # the last day spoken of, for a clock time without its own day
    day_sent = -2
    fiscal_end = fiscal_year_end(text)  # the month the article's fiscal year ends in, if it says
    for span in doc.spans.get(DATES_KEY, []):
        base = anchor or fallback
        kind = _kind(span)
        joined = bool(out) and span.label_ == "TIME" and kind in _CLOCK_KINDS \
            and kinds[-1] == "day" and _joins_a_time(text[out[-1].end:span.start_char])
        if joined:
            day = _FULL_DATE.match(out[-1].value or "")
            base = date(int(day[1]), int(day[2]), int(day[3])) if day else None
        sent = bisect_right(sentences, span.start) - 1
        if not joined and day_spoken is not None and sent - day_sent <= 1 and span.label_ == "TIME" \
                and kind in _CLOCK_KINDS and not _has_day(span) and _same_side(day_spoken, anchor, tense(span)):
            base = day_spoken  # "The polls open on Thursday. They close at 10 p.m.": that Thursday
        near = None
        to_date = year_to_date if sent - to_date_sent <= 1 and to_date_sent >= event_sent else None
        if date_rule(span) in _EVENT_OFFSET_RULES:
            # the event of this sentence or the one before; else a report's period (a quarter), which
            # stays what "a year earlier" compares with
            near = to_date or (event if sent - event_sent <= 1 else period)
        elif date_rule(span) in _TO_DATE_RULES and to_date:
            near = to_date
        elif date_rule(span) in _REPORT_RULES:
            # "Sales between October and December fell from the same period a year earlier": the
            # quarter of this sentence; else the one the report is about
            near = event if sent == event_sent and event and _REPORTING.match(event) else period
        elif date_rule(span) in _PERIOD_RULES:
            near = last_period
        elif date_rule(span) in _EVENT_YEAR_RULES and sent - event_sent <= 2:
            near = event
        when = reported_period_tense(span) if kind == "quarter" else tense(span)
        if when and kind in _MONTH_KINDS and firm_tense(span, when):
            when = "firm_" + when  # the verb itself says which side of the anchor the month is on
        timex = normalize(span.text, base, when, date_rule(span), span.label_,
                          seasonal if date_rule(span) in _SEASON_RULES else reference, near)
        fiscal = fiscal_value(span.text, date_rule(span), base, when, fiscal_end) if fiscal_end else None
        if fiscal:  # "the fiscal third quarter" of a fiscal year ending in June
            timex = replace(timex, value=fiscal)
        entry = DateExpr(text=span.text, start=span.start_char, end=span.end_char,
                         type=timex.type, value=timex.value)
        ended = (_ended_period(out[-1], last_span, span, text, timex.value) if out else None) \
            or _months_of_a_period(timex.value)
        if ended:  # "the quarter ended July 31": the quarter that day ends; "the three months to March 31"
            reported, corrected = ended
            if corrected:
                if period == out[-1].value:
                    period = None
                out[-1] = replace(out[-1], value=corrected)
        if joined:  # "Friday at 3pm": one TIME, the clock time on that day
            out[-1] = _merged(out[-1], entry, text, timex.value)
            kinds[-1] = "datetime"
        elif out and kinds[-1] == "clock" and (_day_kind(span, timex.value) or _day_part(span, kind, timex.value)) \
                and _joins_a_day(text[out[-1].end:span.start_char]):  # "3pm on Friday"
            clock = last_span
            day = _FULL_DATE.match(timex.value or "")
            on_day = normalize(clock.text, date(int(day[1]), int(day[2]), int(day[3])), None,
                               date_rule(clock), clock.label_).value if day else None
            out[-1] = _merged(out[-1], entry, text, on_day)
            kinds[-1] = "datetime"
        else:
            out.append(entry)
            last_span = span
            kinds.append("day" if _day_kind(span, timex.value) else
                         "clock" if kind in _CLOCK_KINDS and not _has_day(span) else kind)
        if timex.value and _CALENDAR_DATE.match(timex.value):
            reference = timex.value
        day_of = _FULL_DATE.match(out[-1].value or "")
        if day_of and "/" not in out[-1].value:
            day_spoken, day_sent = date(int(day_of[1]), int(day_of[2]), int(day_of[3])), sent
        if timex.value and (_CALENDAR_DATE.match(timex.value) or _SEASON_VALUE.match(timex.value)):
            seasonal = timex.value
        if date_rule(span) in _SPAN_RULES and timex.value and _MONTHS_OF_A_YEAR.match(timex.value) and base:
            # "for the nine months": the months of the report's year so far; "a year earlier" and
            # "year-earlier net" beside it are the same months a year before, known to the year only
            year_to_date, to_date_sent = (period[:4] if period else f"{base.year:04d}"), sent
        if near and date_rule(span) in _EVENT_OFFSET_RULES and _tells_on(span) and timex.value \
                and _PERIOD.match(timex.value):
            # "Two days later he was charged. A week later he was freed.": a story told forward moves
            # its event on; the next offset counts from the day it reached
            event, event_sent = timex.value, sent
        elif near or date_rule(span) in _REPORT_RULES:
            # an offset from the event ("a year earlier") is no new event: the next offset
            # counts from the same one, which the text is still speaking of; nor is the period
            # a report compares with ("the year-ago quarter") what it is about
            event_sent = sent
        elif timex.value and _PERIOD.match(timex.value):
            event, event_sent = timex.value, sent
            year_to_date = None  # a date spoken of after "the nine months" is the event now
            if _REPORTING.match(timex.value):
                last_period = timex.value
                if period is None or period[:4] != timex.value[:4]:
                    # "third-quarter net rose ... After a flat second quarter ... expects a weak fourth
                    # quarter": a report is about the period it leads with; the others it speaks of
                    # are comparisons and outlooks
                    period = timex.value
        if ended:  # the report is about that quarter, not the day it ends on
            event, event_sent, last_period = reported, sent, reported
            if period is None or period[:4] != reported[:4]:
                period = reported
        if anchor is None and timex.value:
            # only a day the text writes in full: "a year earlier" counted from one is no new anchor
            full = _FULL_DATE.match(timex.value)
            if full and normalize(span.text, None, None, date_rule(span), span.label_).value:
                fallback = date(int(full[1]), int(full[2]), int(full[3]))
    return out


def _tells_on(span: Span) -> bool:
    """Does the offset ``span`` move a story forward ("a week later"), rather than compare with an
    earlier time ("a year earlier", which a report repeats for each figure)?"""
    return span[-1].lower_ == "later"


def _kind(span: Span) -> str | None:
    found = interpret(span.text, date_rule(span))
    return found[0].kind if found else None


def _day_kind(span: Span, value: str | None) -> bool:
    """Does ``span`` name one day ("Friday", "November 11, 2011"), or would with an anchor?"""
    if span.label_ != "DATE":
        return False
    if value is not None:
        return bool(_DAY.match(value))
    return _kind(span) in ("date", "weekday", "dayword") and any(t.like_num or t.is_title for t in span)


def _same_side(day: date, anchor: date | None, when: str | None) -> bool:
    """May a clock time of tense ``when`` fall on ``day``? Not a past one on a day after the anchor,
    nor a future one on a day before it ("The summit opens on Friday. He arrived at 3pm.")."""
    if anchor is None or when is None:
        return True
    return not ((when == "past" and day > anchor) or (when == "future" and day < anchor))


def _day_part(span: Span, kind: str | None, value: str | None) -> bool:
    """Is ``span`` a part of one day ("Sunday night", "yesterday morning"), a clock time's day?"""
    return span.label_ == "TIME" and kind in ("weekday", "dayword", "pod_day") and bool(_FULL_DATE.match(value or ""))


def _has_day(span: Span) -> bool:
    found = interpret(span.text, date_rule(span))
    return bool(found) and bool({"wd", "wdb"} & set(found[1]))


def _merged(first: DateExpr, second: DateExpr, text: str, value: str | None) -> DateExpr:
    return DateExpr(text=text[first.start:second.end], start=first.start, end=second.end,
                    type="TIME", value=value)


def _sentence_starts(doc: Doc) -> list[int]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return [s.start for s in doc.sents]
    return [0]


def _joins_a_time(between: str) -> bool:
    """Is ``between`` what stands between a day and its time (", at", " from")?"""
    return between.strip(" ,") in words()["words_joining_a_time"] + [""] and "\n" not in between


def _joins_a_day(between: str) -> bool:
    """Is ``between`` what stands between a clock time and its day (" on ", ", ")?"""
    return between.strip(" ,") in words()["words_joining_a_day"] and "\n" not in between


_MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER_RULES = ("quarter", "quarter_relative")
# how far before its last day the middle of a quarter (half) lies: "the quarter ended July 31" is
# May to July, mostly the second calendar quarter
_BACK_TO_MIDDLE = {"Q": 45, "H": 91}


def _ended_period(prev: DateExpr, prev_span: Span | None, span: Span, text: str,
                  value: str | None) -> tuple[str, str | None] | None:
    """For a day that ends the period just before it ("the quarter ended July 31", "the fiscal first
    quarter ended Sept. 30", "the three months to March 31", "the six months ended June 30"): the
    calendar quarter (half) the report is about, and the quarter's corrected value (a bare "the
    quarter" is the calendar quarter holding most of its months; a numbered fiscal quarter keeps its
    number, in the year of the day it ends); None for anything else."""
    if prev_span is None or value is None:
        return None
    between = " ".join(text[prev.end:span.start_char].split()).lower()
    if between not in words()["words_ending_a_period"]:
        return None
    day = _FULL_DATE.match(value)
    month = _MONTH_VALUE.match(value)
    if day and _DAY.match(value):
        end = date(int(day[1]), int(day[2]), int(day[3]))
    elif month:
        y, m = int(month[1]), int(month[2])
        end = date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)
    else:
        return None
    if prev.type == "DURATION":  # "the six months to September 30" is no half of the calendar
        unit = {"P3M": "Q", "P1Q": "Q", "P6M": "H", "P2Q": "H"}.get(prev.value or "")
        closes = (end + timedelta(days=4)).month != end.month or month
        if unit is None or not closes or end.month % (3 if unit == "Q" else 6):
            return None
        return at_granularity(end - timedelta(days=_BACK_TO_MIDDLE[unit]), unit), None
    rule = date_rule(prev_span)
    found = interpret(prev_span.text, rule) if rule in _QUARTER_RULES else None
    groups = found[1] if found else {}
    if "u0" in groups:  # "the quarter ended July 31": mostly May to July, the second quarter
        reported = at_granularity(end - timedelta(days=_BACK_TO_MIDDLE["Q"]), "Q")
        return reported, reported
    if "ord" in groups and "u" in groups and not {"y", "y0", "yrel", "yrel0"} & set(groups):
        unit = "H" if groups["u"].lower() == "half" else "Q"
        n = words()["ordinals"].get(groups["ord"].lower())
        if n is None or not 1 <= n <= (2 if unit == "H" else 4):
            return None
        numbered = f"{end.year:04d}-{unit}{n}"  # "the fiscal first quarter ended Sept. 30"
        return numbered, numbered
    return None


_MONTH_RANGE = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")


def _months_of_a_period(value: str | None) -> tuple[str, None] | None:
    """"January to March", "the October-December period": the calendar quarter (half) those months
    are, which "the same period a year earlier" compares with; None for other months."""
    found = _MONTH_RANGE.match(value or "")
    if not found:
        return None
    y1, m1, y2, m2 = (int(g) for g in found.groups())
    if y1 != y2:
        return None
    if m2 - m1 == 2 and m1 % 3 == 1:
        return f"{y1:04d}-Q{m2 // 3}", None
    if m2 - m1 == 5 and m1 % 6 == 1:
        return f"{y1:04d}-H{m2 // 6}", None
    return None
