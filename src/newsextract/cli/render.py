"""Renderers: records to JSON Lines, one JSON array, CSV, HTML or Rich tables.

Each renderer consumes the one stream of records and writes whole lines, so
an interrupted run never leaves half a JSON line behind.

The table view is a list of sections (``SECTIONS``): each is a function from a
record to one renderable, and an empty one collapses to a single line. Short
facts go in compact columns sized to their content (``fit_widths`` never makes
a column narrower than its longest word); long clauses (a commitment's text, a
quotation) get a wrapped line of their own under their row (``ClauseTable``).
Every string from an article passes through ``safe`` first, so escape and
control sequences in a hostile text never reach the terminal.
"""
from __future__ import annotations

import re
from enum import Enum
from typing import IO, Any, Callable, Iterable, Iterator, Sequence

import orjson

from .render_text import role_text


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    html = "html"


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


# --- terminal safety -------------------------------------------------------------------------

# ESC-introduced sequences (CSI, OSC, DCS/SOS/PM/APC strings, two-byte escapes) and their
# 8-bit C1 forms; then any remaining C0/C1 control and the bidirectional overrides that can
# make a line read differently from what it holds.
_ESCAPE_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"                       # CSI ... final
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC / DCS / SOS / PM / APC ... ST
    r"|\x1b[ -/]*[0-~]?"                              # other escapes
    r"|\x9b[0-?]*[ -/]*[@-~]?"                        # 8-bit CSI
    r"|[\x90\x98\x9d-\x9f][^\x07\x1b\x9c]*(?:\x07|\x9c)?"  # 8-bit string controls
)
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(value: Any) -> str:
    """``value`` as one line that is safe to print: escape sequences and control
    characters removed, runs of whitespace (newlines, tabs) made one space."""
    if value is None:
        return ""
    text = str(value)
    if _CONTROLS.search(text):
        text = _ESCAPE_SEQUENCES.sub("", text)
        text = _CONTROLS.sub(lambda m: " " if m.group() in "\t\n\r\x0b\x0c" else "", text)
    return " ".join(text.split())


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 person``, ``2 people``, ``1 date``, ``0 dates``."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


# --- column fitting --------------------------------------------------------------------------

class Column:
    """One table column: its header, how its cells are aligned and styled, and whether
    its cells may wrap (between words only)."""

    def __init__(self, header: str, *, justify: str = "left", style: str | None = None,
                 wrap: bool = True):
        self.header, self.justify, self.style, self.wrap = header, justify, style, wrap


LONGEST_WORD = 30  # a longer "word" (a URL) may be folded rather than widen its column without end


def _word_width(text: str) -> int:
    from rich.cells import cell_len

    return min(LONGEST_WORD, max((cell_len(w) for w in text.split()), default=0))


def fit_widths(columns: Sequence[Column], rows: Sequence[Sequence[str]], available: int) -> list[int]:
    """Content widths for ``columns``: each as wide as its widest cell, and when the
    total exceeds ``available`` the widest wrapping columns give way first, never
    below their longest word (so nothing is cut mid-word)."""
    from rich.cells import cell_len

    widths, floors = [], []
    for i, column in enumerate(columns):
        cells = [column.header] + [row[i] for row in rows]
        natural = max(cell_len(c) for c in cells)
        widths.append(natural)
        floors.append(max(_word_width(c) for c in cells) if column.wrap else natural)
    excess = sum(widths) - available
    while excess > 0:
        slack = [(w, i) for i, (w, f) in enumerate(zip(widths, floors)) if w > f]
        if not slack:
            break
        _, widest = max(slack)
        widths[widest] -= 1
        excess -= 1
    return widths


def _overhead(n: int) -> int:
    """Characters a SIMPLE_HEAD table without edges adds to its content: one space
    either side of each inner cell edge and a divider between columns."""
    return 3 * (n - 1)


class ClauseTable:
    """A compact table whose rows may each carry a long clause, printed wrapped on a
    line of its own under the row (indented), at whatever width the console has."""

    def __init__(self, title: str, columns: Sequence[Column], rows: Sequence[Sequence[str]],
                 clauses: Sequence[str | None] | None = None, *, clause_style: str | None = None,
                 count: bool = True):
        self.title, self.columns, self.rows = title, list(columns), [list(r) for r in rows]
        self.count = count
        self.clauses = list(clauses) if clauses is not None else [None] * len(self.rows)
        self.clause_style = clause_style

    def _table(self, widths: list[int], *, header: bool, title: str | None):
        from rich import box
        from rich.table import Table

        table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                      show_edge=False, pad_edge=False, show_header=header, expand=False,
                      header_style="bold dim", collapse_padding=False)
        for column, width in zip(self.columns, widths):
            table.add_column(column.header, width=width, justify=column.justify, style=column.style,
                             no_wrap=not column.wrap, overflow="fold")
        return table

    def __rich_console__(self, console, options):
        from rich.padding import Padding
        from rich.text import Text

        available = options.max_width - _overhead(len(self.columns))
        widths = fit_widths(self.columns, self.rows, available)
        title = f"{self.title} ({len(self.rows)})" if self.count else self.title
        if not any(self.clauses):
            table = self._table(widths, header=True, title=title)
            for row in self.rows:
                table.add_row(*(Text(c) for c in row))
            yield table
            return
        head = self._table(widths, header=True, title=title)
        yield head
        for row, clause in zip(self.rows, self.clauses):
            line = self._table(widths, header=False, title=None)
            line.add_row(*(Text(c) for c in row))
            yield line
            if clause:
                yield Padding(Text(clause, style=self.clause_style), (0, 0, 0, 4))


def _empty(title: str):
    from rich.text import Text

    return Text.assemble((title, "bold"), (" — none", "dim"))


# --- sections --------------------------------------------------------------------------------

def _by_mentions(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Most-mentioned first; ties keep the order of first mention."""
    def first(entry):
        return min((m["start"] for m in entry.get("mentions", [])), default=0)

    return sorted(entries, key=lambda e: (-len(e.get("mentions", [])), first(e)))


def person_roles(person: dict[str, Any]) -> str:
    """The person's roles as one line (``chief executive, Nissan; spokesman``), else the titles."""
    roles = person.get("roles") or []
    return safe(role_text(roles)) if roles else ", ".join(safe(t) for t in person.get("titles", []))


def people_section(record: dict[str, Any]):
    people = _by_mentions(record.get("people", []))
    if not people:
        return _empty("People")
    rows = []
    for p in people:
        name = safe(p["name"])
        forms = sorted({safe(m["text"]) for m in p["mentions"]} - {name})
        rows.append([name, person_roles(p), str(len(p["mentions"])), ", ".join(forms)])
    return ClauseTable("People", [Column("Name", style="bold"), Column("Roles"),
                                  Column("Mentions", justify="right", wrap=False), Column("Also as")], rows)


def places_section(record: dict[str, Any]):
    places = _by_mentions(record.get("places", []))
    if not places:
        return _empty("Places")
    rows = []
    for p in places:
        latlon = (f"{p['lat']:.2f}, {p['lon']:.2f}"
                  if p.get("lat") is not None and p.get("lon") is not None else "")
        rows.append([safe(p["name"]), safe(p["kind"]), safe(p.get("country")), latlon, str(len(p["mentions"]))])
    return ClauseTable("Places", [Column("Name", style="bold"), Column("Kind", wrap=False),
                                  Column("Country", wrap=False), Column("Lat, lon", wrap=False),
                                  Column("Mentions", justify="right", wrap=False)], rows)


def organizations_section(record: dict[str, Any]):
    orgs = _by_mentions(record.get("organizations", []))
    if not orgs:
        return _empty("Organizations")
    rows = []
    for o in orgs:
        name = safe(o["name"])
        forms = sorted({safe(m["text"]) for m in o["mentions"]} - {name})
        rows.append([name, str(len(o["mentions"])), ", ".join(forms)])
    return ClauseTable("Organizations", [Column("Name", style="bold"),
                                         Column("Mentions", justify="right", wrap=False),
                                         Column("Also as")], rows)


def dates_section(record: dict[str, Any]):
    dates = record.get("dates", [])
    if not dates:
        return _empty("Dates")
    rows = [[safe(d["text"]), safe(d["type"]), safe(d["value"]) or "—"] for d in dates]
    return ClauseTable("Dates", [Column("Text", style="bold"), Column("Type", wrap=False),
                                 Column("Value", wrap=False)], rows)


def commitments_section(record: dict[str, Any]):
    commitments = record.get("commitments", [])
    if not commitments:
        return _empty("Commitments")
    rows, clauses = [], []
    for c in commitments:
        modality = safe(c["modality"]) + (" not" if c.get("negated") else "")
        rows.append([safe(c["actor"]) or "—", modality, safe(c["action"]), safe(c.get("when")) or "—"])
        clauses.append(safe(c["text"]))
    return ClauseTable("Commitments", [Column("Actor", style="bold"), Column("Modality", wrap=False),
                                       Column("Action"), Column("When", wrap=False)],
                       rows, clauses, clause_style="italic")


def quotes_section(record: dict[str, Any]):
    quotes = record.get("quotes")
    if quotes is None:  # a record from before quotes were extracted
        return None
    if not quotes:
        return _empty("Quotes")
    rows = [[safe(q.get("speaker")) or "—", safe(q.get("cue")) or "—"] for q in quotes]
    clauses = ["“" + safe(q["text"]) + "”" for q in quotes]
    return ClauseTable("Quotes", [Column("Speaker", style="bold"), Column("Cue", wrap=False)],
                       rows, clauses, clause_style="italic")


# The table view, in order. A section returns one renderable, or None to show nothing.
SECTIONS: list[Callable[[dict[str, Any]], Any]] = [
    people_section, places_section, organizations_section, dates_section,
    commitments_section, quotes_section,
]


def header(record: dict[str, Any]):
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    title = Text(safe(record.get("title")) or safe(record["id"]), style="bold")
    meta = [f"published {safe(record.get('published')) or '—'}"]
    if record.get("category"):
        meta.append(f"category {safe(record['category'])}")
    source, id_ = safe(record["source"]), safe(record["id"])
    meta.append(f"source {source}" + ("" if id_ and id_ in source else f" (id {id_})"))
    return Panel(Group(title, Items(meta, style="dim")), expand=True)


def summary(record: dict[str, Any]):
    from rich.text import Text

    counts = [plural(record.get("words", 0), "word"),
              plural(len(record.get("people", [])), "person", "people"),
              plural(len(record.get("places", [])), "place"),
              plural(len(record.get("organizations", [])), "organization"),
              plural(len(record.get("dates", [])), "date"),
              plural(len(record.get("commitments", [])), "commitment")]
    if record.get("quotes") is not None:
        counts.append(plural(len(record["quotes"]), "quote"))
    return Items(counts, style="dim")


class Items:
    """Short items joined by `` · ``, wrapped between items only ("1 quote" stays whole)."""

    def __init__(self, items: Sequence[str], *, style: str | None = None):
        self.items, self.style = list(items), style

    def __rich_console__(self, console, options):
        from rich.cells import cell_len
        from rich.text import Text

        lines, line = [], ""
        for item in self.items:
            joined = f"{line} · {item}" if line else item
            if line and cell_len(joined) > options.max_width:
                lines.append(line)
                line = item
            else:
                line = joined
        lines.append(line)
        yield Text("\n".join(lines), style=self.style)


def article_renderables(record: dict[str, Any]) -> list[Any]:
    from rich.text import Text

    if "error" in record:
        parts = [Text(f"✗ {safe(record['source'])}: {safe(record['error']['type'])}: "
                      f"{safe(record['error']['message'])}", style="bold red")]
    else:
        parts = [header(record)]
        for section in SECTIONS:
            part = section(record)
            if part is not None:
                if isinstance(part, ClauseTable):  # a blank line before a table, none between one-liners
                    parts.append(Text(""))
                parts.append(part)
        parts.append(Text(""))
        parts.append(summary(record))
    for w in record.get("warnings", []):
        parts.append(Text(f"warning: {safe(w)}", style="yellow"))
    parts.append(Text(""))
    return parts


def write_tables_of(parts: list[Any], console) -> None:
    """Print renderables; not on a terminal, without the blanks Rich pads lines with."""
    if console.is_terminal:
        for part in parts:
            console.print(part)
        return
    with console.capture() as capture:
        for part in parts:
            console.print(part)
    console.file.write("".join(line.rstrip() + "\n" for line in capture.get().splitlines()))
    console.file.flush()


def write_tables(records: Iterable[dict[str, Any]], console) -> Iterator[dict[str, Any]]:
    """Tables on ``console``. Not on a terminal, each line is written without the
    padding Rich adds at its end."""
    for record in records:
        write_tables_of(article_renderables(record), console)
        yield record


def writer(fmt: Format) -> Callable[[Iterable[dict[str, Any]], IO[bytes]], Iterator[dict[str, Any]]]:
    """The byte-stream renderer for ``fmt`` (every format but the table)."""
    if fmt is Format.jsonl:
        return write_jsonl
    if fmt is Format.json:
        return write_json
    if fmt is Format.csv:
        from .render_csv import write_csv

        return write_csv
    if fmt is Format.html:
        from .render_html import write_html

        return write_html
    raise ValueError(f"no byte renderer for {fmt.value}")
