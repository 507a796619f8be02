"""Renderers: records to JSON Lines, one JSON array, or Rich tables.

Each renderer consumes the one stream of records and writes whole lines, so
an interrupted run never leaves half a JSON line behind.
"""
from __future__ import annotations

from enum import Enum
from typing import IO, Any, Iterable, Iterator

import orjson


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


def dumps_line(record: dict[str, Any]) -> bytes:
    return orjson.dumps(record) + b"\n"


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[bytes]) -> Iterator[dict[str, Any]]:
    for record in records:
        out.write(dumps_line(record))
        out.flush()
        yield record


def write_json(records: Iterable[dict[str, Any]], out: IO[bytes]) -> Iterator[dict[str, Any]]:
    """A JSON array written as it goes: ``[`` first, one record per write, ``]`` last.

    The array is closed however the run ends (Ctrl-C, SIGTERM, a failure), so
    what was written is always one valid JSON document."""
    out.write(b"[")
    first = True
    try:
        for record in records:
            out.write((b"\n" if first else b",\n") + orjson.dumps(record, option=orjson.OPT_INDENT_2))
            out.flush()
            first = False
            yield record
    finally:
        try:
            out.write(b"\n]\n" if not first else b"]\n")
            out.flush()
        except (OSError, ValueError):  # a closed pipe or file: nothing more can be said
            pass


def write_tables(records: Iterable[dict[str, Any]], console) -> Iterator[dict[str, Any]]:
    for record in records:
        console.print(*article_renderables(record))
        yield record


def _excerpt(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def role_text(roles: list[dict[str, Any]]) -> str:
    """"chief executive, Nissan; spokesman": each role with its organization."""
    return "; ".join(f"{r['title']}, {r['organization']}" if r.get("organization") else r["title"] for r in roles)


def article_renderables(record: dict[str, Any]) -> list[Any]:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    if "error" in record:
        return [Text(f"✗ {record['source']}: {record['error']['type']}: {record['error']['message']}",
                     style="bold red"), Text("")]
    head = Text()
    head.append(record.get("title") or record["id"], style="bold")
    meta = [f"id {record['id']}", f"source {record['source']}"]
    if record.get("category"):
        meta.append(f"category {record['category']}")
    meta.append(f"published {record.get('published') or '—'}")
    head.append("\n" + " · ".join(meta), style="dim")
    parts: list[Any] = [Panel(head, expand=True)]

    people = Table(title="People", title_justify="left", expand=True)
    people.add_column("Name", style="bold")
    people.add_column("Titles")
    people.add_column("Roles")
    people.add_column("Mentions", justify="right")
    people.add_column("Forms")
    for p in record["people"]:
        forms = sorted({m["text"] for m in p["mentions"]})
        people.add_row(p["name"], ", ".join(p["titles"]), role_text(p.get("roles") or []),
                       str(len(p["mentions"])), ", ".join(forms))
    parts.append(people)

    places = Table(title="Places", title_justify="left", expand=True)
    places.add_column("Name", style="bold")
    places.add_column("Kind")
    places.add_column("Country")
    places.add_column("Lat, lon")
    places.add_column("Mentions", justify="right")
    for p in record["places"]:
        latlon = f"{p['lat']:.2f}, {p['lon']:.2f}" if p.get("lat") is not None and p.get("lon") is not None else ""
        places.add_row(p["name"], p["kind"], p.get("country") or "", latlon, str(len(p["mentions"])))
    parts.append(places)

    if record["organizations"]:
        orgs = Table(title="Organizations", title_justify="left", expand=True)
        orgs.add_column("Name", style="bold")
        orgs.add_column("Mentions", justify="right")
        for o in record["organizations"]:
            orgs.add_row(o["name"], str(len(o["mentions"])))
        parts.append(orgs)

    dates = Table(title="Dates", title_justify="left", expand=True)
    dates.add_column("Text", style="bold")
    dates.add_column("Type")
    dates.add_column("Value")
    for d in record["dates"]:
        dates.add_row(d["text"], d["type"], d["value"] or "—")
    parts.append(dates)

    commitments = Table(title="Commitments", title_justify="left", expand=True)
    commitments.add_column("Actor", style="bold", ratio=2)
    commitments.add_column("Modality", no_wrap=True)
    commitments.add_column("Action", ratio=3)
    commitments.add_column("When", no_wrap=True)  # a range value is never cut
    commitments.add_column("Text", ratio=4)
    for c in record["commitments"]:
        action = ("not " if c["negated"] else "") + c["action"] + (f" {c['object']}" if c.get("object") else "")
        commitments.add_row(c["actor"] or "—", c["modality"], _excerpt(action, 50),
                            c.get("when") or "—", _excerpt(c["text"]))
    parts.append(commitments)

    if record.get("quotes"):
        quotes = Table(title="Quotes", title_justify="left", expand=True)
        quotes.add_column("Speaker", style="bold", ratio=2)
        quotes.add_column("Cue", no_wrap=True)
        quotes.add_column("Quote", ratio=6)  # wrapped at spaces, the whole quotation
        for q in record["quotes"]:
            quotes.add_row(q.get("speaker") or "—", q.get("cue") or "—", " ".join(q["text"].split()))
        parts.append(quotes)

    summary = (f"{record['words']} words · {len(record['people'])} people · {len(record['places'])} places · "
               f"{len(record['organizations'])} organizations · {len(record['dates'])} dates · "
               f"{len(record['commitments'])} commitments · {len(record.get('quotes') or [])} quotes")
    parts.append(Text(summary, style="dim"))
    for w in record.get("warnings", []):
        parts.append(Text(f"warning: {w}", style="yellow"))
    parts.append(Text(""))
    return parts
