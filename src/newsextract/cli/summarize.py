"""The roll-up over many articles: each person, place and organization with the
number of articles it appears in, its mentions, its roles (people), its country
(places) and the commitments it made, most-covered first.

``roll_up`` consumes records (dicts of the schema) from ``newsextract parse`` or
from the library; the renderers write JSON Lines rows
``{"kind", "name", "articles", "mentions", "roles"?, "country"?, "commitments"?}``,
CSV rows with the same columns, or Rich tables.
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any, Iterable

import orjson

KINDS = [("person", "people"), ("place", "places"), ("organization", "organizations")]
CSV_COLUMNS = ["kind", "name", "articles", "mentions", "roles", "country", "commitments"]


@dataclass
class _Entry:
    kind: str
    name: str
    country: str | None = None
    articles: int = 0
    mentions: int = 0
    commitments: int = 0
    roles: Counter = field(default_factory=Counter)
    first: int = 0  # the order first seen, the last tie-breaker

    def row(self) -> dict[str, Any]:
        row: dict[str, Any] = {"kind": self.kind, "name": self.name, "articles": self.articles,
                               "mentions": self.mentions}
        if self.kind == "person" and self.roles:
            # one entry per role whatever its capitals ("Prime Minister", "prime minister"),
            # written as most articles write it, the most frequent first
            by_key: dict[str, Counter] = {}
            for role, n in self.roles.items():
                by_key.setdefault(role.casefold(), Counter())[role] += n
            ranked = sorted(by_key.values(), key=lambda forms: (-sum(forms.values()), forms.most_common(1)[0][0]))
            row["roles"] = [forms.most_common(1)[0][0] for forms in ranked]
        if self.kind == "place" and self.country:
            row["country"] = self.country
        if self.commitments:
            row["commitments"] = self.commitments
        return row


@dataclass
class RollUp:
    rows: list[dict[str, Any]]
    articles: int
    failed: int

    def of_kind(self, kind: str) -> list[dict[str, Any]]:
        return [r for r in self.rows if r["kind"] == kind]


def person_roles(person: dict[str, Any]) -> list[str]:
    """A person's roles in one article (``chief executive, Nissan``); honorifics ("Mr")
    are titles, not roles."""
    if "roles" not in person:  # a record from before roles: its titles
        return list(person.get("titles", []))
    return [f"{r['title']}, {r['organization']}" if r.get("organization") else r["title"]
            for r in person["roles"]]


def roll_up(records: Iterable[dict[str, Any]]) -> RollUp:
    """Count every entry once per article it appears in; sort by articles, then mentions."""
    entries: dict[tuple, _Entry] = {}
    articles = failed = 0
    for record in records:
        articles += 1
        if "error" in record:
            failed += 1
            continue
        actors = Counter(c.get("actor") for c in record.get("commitments", []) if c.get("actor"))
        in_article: set[tuple] = set()
        for kind, key in KINDS:
            for item in record.get(key, []):
                country = item.get("country") if kind == "place" else None
                ident = (kind, item["name"], country)
                entry = entries.get(ident)
                if entry is None:
                    entry = entries[ident] = _Entry(kind, item["name"], country, first=len(entries))
                entry.mentions += len(item.get("mentions", []))
                if ident in in_article:  # the same name twice in one article: one article, both mentions
                    continue
                in_article.add(ident)
                entry.articles += 1
                entry.commitments += actors.get(item["name"], 0)
                if kind == "person":
                    entry.roles.update(set(person_roles(item)))
    ordered = sorted(entries.values(), key=lambda e: (-e.articles, -e.mentions, e.first))
    return RollUp([e.row() for e in ordered], articles, failed)


# --- output --------------------------------------------------------------------------------

def write_jsonl(rollup: RollUp, out: IO[bytes], *, top: int = 0) -> None:
    for row in _top(rollup, top):
        out.write(orjson.dumps(row) + b"\n")


def write_csv(rollup: RollUp, out: IO[bytes], *, top: int = 0) -> None:
    """The rows as CSV; a name or role that would start a formula in a spreadsheet
    starts with ``'`` (``render_csv.cell``, the OWASP rule)."""
    from .render_csv import cell

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in _top(rollup, top):
        writer.writerow({key: cell(value) for key, value in {**row, "roles": "; ".join(row.get("roles", []))}.items()})
    out.write(buffer.getvalue().encode("utf-8"))


def _top(rollup: RollUp, top: int) -> list[dict[str, Any]]:
    """The rows, at most ``top`` of each kind (0: all), still in one order."""
    if not top:
        return rollup.rows
    seen: Counter = Counter()
    kept = []
    for row in rollup.rows:
        seen[row["kind"]] += 1
        if seen[row["kind"]] <= top:
            kept.append(row)
    return kept


def renderables(rollup: RollUp, *, top: int = 20) -> list[Any]:
    from rich.text import Text

    from .render import ClauseTable, Column, Items, plural, safe

    parts: list[Any] = []
    titles = {"person": "People", "place": "Places", "organization": "Organizations"}
    for kind, _ in KINDS:
        rows = rollup.of_kind(kind)
        shown = rows[:top] if top else rows
        if not rows:
            parts.append(Text.assemble((titles[kind], "bold"), (" — none", "dim")))
            continue
        columns = [Column("Name", style="bold"), Column("Articles", justify="right", wrap=False),
                   Column("Mentions", justify="right", wrap=False)]
        if kind == "person":
            columns.append(Column("Roles"))
        if kind == "place":
            columns.append(Column("Country", wrap=False))
        columns.append(Column("Commitments", justify="right", wrap=False))
        cells = []
        for r in shown:
            row = [safe(r["name"]), f"{r['articles']:,}", f"{r['mentions']:,}"]
            if kind == "person":
                row.append("; ".join(safe(x) for x in r.get("roles", [])[:3]))
            if kind == "place":
                row.append(safe(r.get("country")))
            row.append(f"{r['commitments']:,}" if r.get("commitments") else "")
            cells.append(row)
        title = titles[kind] if len(shown) == len(rows) else f"{titles[kind]}, top {len(shown)} of {len(rows):,}"
        parts += [ClauseTable(title, columns, cells, count=False), Text("")]
    counts = [plural(rollup.articles, "article")]
    if rollup.failed:
        counts.append(f"{rollup.failed:,} failed")
    counts += [plural(len(rollup.of_kind("person")), "person", "people"),
               plural(len(rollup.of_kind("place")), "place"),
               plural(len(rollup.of_kind("organization")), "organization")]
    parts.append(Items(counts, style="dim"))
    return parts


# --- input: records, or articles to extract ------------------------------------------------

RECORD_START = b'{"schema":'  # how every record newsextract writes begins (orjson keeps key order)


class Replay:
    """A binary stream whose first line was already read (to look at it), read again."""

    def __init__(self, head: bytes, rest: IO[bytes]):
        self.head, self.rest = head, rest

    def read(self, n: int = -1) -> bytes:
        head, self.head = self.head, b""
        if n is None or n < 0:
            return head + self.rest.read()
        if len(head) >= n:
            self.head = head[n:]
            return head[:n]
        return head + self.rest.read(n - len(head))

    def readline(self, limit: int = -1) -> bytes:
        if self.head:
            head, self.head = self.head, b""
            return head
        return self.rest.readline(limit)

    def __iter__(self):
        while True:
            line = self.readline()
            if not line:
                return
            yield line


def first_line(stream: IO[bytes]) -> bytes:
    """The first non-blank line of ``stream`` (blank lines before it included)."""
    head = b""
    while True:
        line = stream.readline()
        head += line
        if not line or line.strip():
            return head


def is_records(head: bytes) -> bool:
    return head.lstrip().removeprefix(b"\xef\xbb\xbf").startswith(RECORD_START)


def read_records(lines: Iterable[bytes], source: str, problems: list[str]) -> Iterable[dict[str, Any]]:
    """Records from JSON Lines; a line that is not a record is noted in ``problems``."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError:
            record = None
        if not isinstance(record, dict) or "id" not in record or not ("error" in record or "people" in record):
            problems.append(f"{source}:{n}: not a newsextract record")
            yield {"schema": 1, "id": f"{source}:{n}", "source": f"{source}:{n}",
                   "error": {"type": "bad_record", "message": f"{source}:{n}: not a newsextract record"}}
            continue
        yield record


def split_inputs(inputs: list[str], stdin: IO[bytes] | None) -> tuple[list[str], list[str], IO[bytes] | None]:
    """``(record sources, article inputs, stdin)``: a ``.jsonl`` file or standard input
    whose first line is a newsextract record holds records; anything else is articles
    to extract. Standard input comes back with its first line still to be read."""
    from pathlib import Path

    from ..io.inputs import JSONL_SUFFIXES

    sources, articles = [], []
    for given in inputs:
        if given == "-" and stdin is not None:
            head = first_line(stdin)
            stdin = Replay(head, stdin)
            (sources if is_records(head) else articles).append(given)
        elif Path(given).suffix.lower() in JSONL_SUFFIXES and Path(given).is_file() and _holds_records(given):
            sources.append(given)
        else:
            articles.append(given)
    return sources, articles, stdin


def _holds_records(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            return is_records(first_line(f))
    except OSError:
        return False


def read_sources(sources: list[str], stdin: IO[bytes] | None, problems: list[str]) -> Iterable[dict[str, Any]]:
    """The records of each source in turn (``-`` is standard input)."""
    for given in sources:
        if given == "-":
            yield from read_records(stdin, "-", problems)
        else:
            try:
                with open(given, "rb") as f:
                    yield from read_records(f, given, problems)
            except OSError as exc:  # gone or unreadable since it was looked at: the others still count
                problems.append(f"cannot read {given}: {exc.strerror or exc}")
