"""CSV: one row per fact, for spreadsheets and ``sqlite-utils insert --csv``.

Every record gives an ``article`` row (its title and publication date, or an
``error`` row), then one row per person, place, organization, date,
commitment and quote. Columns that do not apply to a kind are empty. An
entry's ``start``/``end`` are those of its first mention and ``mentions`` is
how many there are. Text is written as extracted (the csv module quotes
commas, quotation marks and newlines), with one exception, the OWASP rule
against formula injection: a text cell that would begin with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return (after any blanks), which a
spreadsheet would run as a formula, begins with a single quote ``'`` instead
(``cell``). The same holds after a comma or a semicolon inside a cell: a
spreadsheet set to split on semicolons (the usual setting where the comma is
the decimal mark) ignores the double quotes around ``a;=1+1`` and opens
``=1+1`` as a cell of its own, so it is written ``a;'=1+1``. ``text_of`` undoes
exactly that. Numbers (offsets, coordinates, counts) are never changed.
"""
from __future__ import annotations

import csv
import io
import re
from typing import IO, Any, Iterable, Iterator

COLUMNS = ["article", "source", "kind", "name", "text", "type", "role", "country", "lat", "lon",
           "value", "actor", "modality", "negated", "start", "end", "mentions"]


# What starts a formula in Excel, LibreOffice and Google Sheets (OWASP "CSV Injection"),
# with the line feed and the full-width forms that some locales read the same way.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


# where a spreadsheet may start a cell inside a CSV field: the field's start, and after a comma
# or a semicolon (the separators it guesses, quotes or not); a single quote there already is
# doubled, so that ``text_of`` gives back exactly the text
_STARTS = "".join(re.escape(c) for c in FORMULA_STARTS)
_GUARD = re.compile(rf"(^|[,;])(?=\s*'*[{_STARTS}])")
_GUARDED = re.compile(rf"(^|[,;])'(?=\s*'*[{_STARTS}])")


def cell(value: Any) -> Any:
    """A value as a CSV cell that a spreadsheet shows as text: a string that starts
    a formula, at its start or right after a comma or a semicolon (blanks aside), gets
    a ``'`` there (``text_of`` gives the text back); other values are unchanged."""
    if isinstance(value, str) and value:
        return _GUARD.sub(r"\1'", value)
    return value


def text_of(value: str) -> str:
    """The text of a cell that ``cell`` wrote: the ``'`` it added taken out again."""
    return _GUARDED.sub(r"\1", value)


def _first(entry: dict[str, Any]) -> dict[str, Any]:
    mentions = entry.get("mentions") or [{}]
    return min(mentions, key=lambda m: m.get("start", 0))


def _bool(value: Any) -> str:
    return "" if value is None else ("true" if value else "false")


def _roles(person: dict[str, Any]) -> str:
    from .render_text import role_text

    roles = person.get("roles") or []
    return role_text(roles) if roles else "; ".join(person.get("titles", []))


def fact_rows(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The CSV rows (as dicts keyed by ``COLUMNS``) of one record."""
    base = {"article": record["id"], "source": record["source"]}
    if "error" in record:
        yield {**base, "kind": "error", "name": record["error"]["type"], "text": record["error"]["message"]}
        return
    yield {**base, "kind": "article", "name": record.get("title"), "type": record.get("category"),
           "value": record.get("published"), "mentions": None}
    for p in record.get("people", []):
        first = _first(p)
        yield {**base, "kind": "person", "name": p["name"], "text": first.get("text"), "role": _roles(p),
               "start": first.get("start"), "end": first.get("end"), "mentions": len(p["mentions"])}
    for p in record.get("places", []):
        first = _first(p)
        yield {**base, "kind": "place", "name": p["name"], "text": first.get("text"), "type": p.get("kind"),
               "country": p.get("country"), "lat": p.get("lat"), "lon": p.get("lon"),
               "start": first.get("start"), "end": first.get("end"), "mentions": len(p["mentions"])}
    for o in record.get("organizations", []):
        first = _first(o)
        yield {**base, "kind": "organization", "name": o["name"], "text": first.get("text"),
               "start": first.get("start"), "end": first.get("end"), "mentions": len(o["mentions"])}
    for d in record.get("dates", []):
        yield {**base, "kind": "date", "name": d["text"], "text": d["text"], "type": d["type"],
               "value": d["value"], "start": d["start"], "end": d["end"]}
    for c in record.get("commitments", []):
        yield {**base, "kind": "commitment", "name": c["action"], "text": c["text"], "value": c.get("when"),
               "actor": c.get("actor"), "modality": c["modality"], "negated": _bool(c.get("negated")),
               "start": c["start"], "end": c["end"]}
    for q in record.get("quotes", []) or []:
        yield {**base, "kind": "quote", "name": q.get("cue"), "text": q["text"], "actor": q.get("speaker"),
               "start": q["start"], "end": q["end"]}


def _line(rows: Iterable[dict[str, Any]] | None, *, header: bool = False) -> bytes:
    buffer = io.StringIO()
    out = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n", extrasaction="ignore")
    if header:
        out.writeheader()
    for row in rows or []:
        out.writerow({key: cell(value) for key, value in row.items()})
    return buffer.getvalue().encode("utf-8")


def write_csv(records: Iterable[dict[str, Any]], out: IO[bytes]) -> Iterator[dict[str, Any]]:
    """The header, then each record's rows in one write (a record is never split)."""
    out.write(_line(None, header=True))
    out.flush()
    for record in records:
        out.write(_line(fact_rows(record)))
        out.flush()
        yield record
