"""Offline gazetteer: a place name's kind, ISO 3166-1 country and coordinates.

The data are ``models/gazetteer.tsv`` and ``models/demonyms.tsv``, made by
``python -m newsextract.gazetteer_build``. They are read once per process.
"""
from __future__ import annotations

import csv
import os
import threading
from dataclasses import dataclass
from functools import lru_cache

from .resources import model_file

DETERMINERS = ("the ", "The ", "THE ")
MAX_CANDIDATES = 60  # a name's largest places; the file lists them largest first
COLUMNS = ("alias", "match", "name", "kind", "country", "lat", "lon", "population", "capital",
           "geonames_id", "admin1")
CANDIDATE_COLUMNS = ("alias", "name", "kind", "country", "admin1", "lat", "lon", "population",
                     "geonames_id", "common")


@dataclass(frozen=True, slots=True)
class GeoEntry:
    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    match: int  # 1: may be found in text on its own; 2: only as a proper noun; 0: never
    geonames_id: int | None = None
    admin1: str = ""  # GeoNames first-level division, "US.TX"; "" where unknown
    capital: bool = False
    common: bool = False  # the name is also an English word


@lru_cache(maxsize=1)
def _rows() -> dict[str, str]:
    """Each alias mapped to the rest of its row, unparsed: the file holds one row
    per alias, already the place the name most likely means (the build ranks
    them), so start-up only splits each line once."""
    with model_file("gazetteer.tsv").open(encoding="utf-8", newline="") as fh:
        header = tuple(fh.readline().rstrip("\n").split("\t"))
        if header != COLUMNS:
            raise ValueError(f"models/gazetteer.tsv: unexpected columns {header}; rebuild it with "
                             "python -m newsextract.gazetteer_build")
        rows: dict[str, str] = {}
        for line in fh:
            alias, rest = line.rstrip("\n").split("\t", 1)
            rows.setdefault(alias, rest)
        return rows


@lru_cache(maxsize=16384)
def _entry(alias: str) -> GeoEntry | None:
    rest = _rows().get(alias)
    if rest is None:
        return None
    match, name, kind, country, lat, lon, population, capital, geonames_id, admin1 = rest.split("\t")
    return GeoEntry(name=name, kind=kind, country=country or None, lat=float(lat) if lat else None,
                    lon=float(lon) if lon else None, population=int(population or 0), match=int(match or 0),
                    geonames_id=int(geonames_id) if geonames_id else None, admin1=admin1,
                    capital=capital == "1")


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym ("Canadian", "Canadians") -> ISO country code."""
    with model_file("demonyms.tsv").open(encoding="utf-8", newline="") as fh:
        return {row["demonym"]: row["country"] for row in csv.DictReader(fh, delimiter="\t")}


@lru_cache(maxsize=4)
def match_aliases(level: int = 1) -> tuple[str, ...]:
    """Aliases that may be found in text on their own (level 1), or only where
    the tagger calls them proper nouns (level 2: they are also common words)."""
    prefix = f"{level}\t"
    return tuple(alias for alias, rest in _rows().items() if rest.startswith(prefix))


def strip_determiner(name: str) -> str:
    for det in DETERMINERS:
        if name.startswith(det):
            return name[len(det):]
    return name


@lru_cache(maxsize=8192)
def lookup(name: str) -> GeoEntry | None:
    """The gazetteer entry for a place name as written ("Kiev", "the UK", "PARIS"), or None."""
    name = " ".join(name.split())
    for form in (name, strip_determiner(name)):
        entry = _entry(form)
        if entry is None and form.isupper() and len(form) > 3:
            entry = _entry(form.title())  # "THE HAGUE", "NEW YORK"
        if entry is not None:
            return entry
    return None


class SortedFile:
    """A text file of lines sorted by their first field, searched on disk by bisection over byte
    offsets (``lines``): nothing is read at start-up and nothing is kept in memory, so a large
    candidates file costs neither (the operating system's file cache keeps the pages it reads)."""

    CHUNK = 4096

    def __init__(self, path) -> None:
        self._fh = open(path, "rb")  # noqa: SIM115 - open for the life of the process
        self._lock = threading.Lock()
        self.size = os.fstat(self._fh.fileno()).st_size
        self.header = self._read(0, self.CHUNK).split(b"\n", 1)[0]
        self.first = len(self.header) + 1

    def _read(self, pos: int, n: int) -> bytes:
        if hasattr(os, "pread"):
            return os.pread(self._fh.fileno(), n, pos)
        with self._lock:
            self._fh.seek(pos)
            return self._fh.read(n)

    def _line(self, start: int) -> bytes:
        """The line that starts at ``start``, without its newline."""
        out = b""
        while True:
            chunk = self._read(start + len(out), 512)
            cut = chunk.find(b"\n")
            if cut >= 0 or not chunk:
                return out + (chunk[:cut] if cut >= 0 else chunk)
            out += chunk

    def _next_start(self, pos: int) -> int:
        """The first line start at or after ``pos``."""
        while pos < self.size:
            chunk = self._read(pos - 1, 512)
            cut = chunk.find(b"\n")
            if cut >= 0:
                return pos + cut
            pos += len(chunk)
        return self.size

    def lines(self, key: bytes, limit: int) -> list[bytes]:
        """Up to ``limit`` lines whose first field is ``key``, each without the key and its tab."""
        lo, hi = self.first, self.size  # lines before lo sort below key; lines from hi on do not
        while hi - lo > self.CHUNK:
            start = self._next_start((lo + hi) // 2)
            if start >= hi:
                break
            line = self._line(start)
            if line.split(b"\t", 1)[0] < key:
                lo = start + len(line) + 1
            else:
                hi = start
        head, out, pos = key + b"\t", [], lo
        while pos < self.size and len(out) < limit:
            block = self._read(pos, self.CHUNK * 4)
            if not block:
                break
            rows = block.split(b"\n")
            complete = rows[:-1] if pos + len(block) < self.size else rows
            if not complete:  # one line longer than a block
                complete = [self._line(pos)]
            for row in complete:
                pos += len(row) + 1
                if row.startswith(head):
                    out.append(row[len(head):])
                    if len(out) >= limit:
                        return out
                elif row.split(b"\t", 1)[0] > key or out:
                    return out
        return out


@lru_cache(maxsize=1)
def _towns() -> SortedFile:
    """``models/gazetteer_towns.tsv``, sorted by alias and searched on disk."""
    found = SortedFile(model_file("gazetteer_towns.tsv"))
    header = found.header.decode("utf-8").split("\t")
    if tuple(header) != CANDIDATE_COLUMNS:
        raise ValueError(f"models/gazetteer_towns.tsv: unexpected columns {header}; rebuild it with "
                         "python -m newsextract.gazetteer_build")
    return found


def _town_lines(alias: str) -> list[bytes]:
    return _towns().lines(alias.encode("utf-8"), MAX_CANDIDATES)


@lru_cache(maxsize=256)  # small: a name's candidates can be many, and memory must stay flat
def _candidates(alias: str) -> tuple[GeoEntry, ...]:
    rows = _town_lines(alias)
    if not rows:
        entry = _entry(alias)
        return (entry,) if entry is not None else ()
    out = []
    for row in rows:
        name, kind, country, admin1, lat, lon, population, geonames_id, common = row.decode("utf-8").split("\t")
        out.append(GeoEntry(name=name, kind=kind, country=country or None, lat=float(lat), lon=float(lon),
                            population=int(population or 0), match=0, admin1=admin1,
                            geonames_id=int(geonames_id) if geonames_id else None, common=common == "1"))
    default = _entry(alias)
    if default is not None and out and out[0].geonames_id == default.geonames_id:
        out[0] = default  # the default row knows whether it may be found in text and is a capital
    return tuple(out)


def candidates(name: str) -> tuple[GeoEntry, ...]:
    """Every place a name as written may mean ("Paris": France's capital, then Paris, Texas, ...),
    the one it means without context first; () when the gazetteer knows none."""
    name = " ".join(name.split())
    for form in (name, strip_determiner(name)):
        found = _candidates(form)
        if not found and form.isupper() and len(form) > 3:
            found = _candidates(form.title())
        if found:
            return found
    return ()


@lru_cache(maxsize=4096)
def demonym_country(word: str) -> str | None:
    """ISO code for a demonym ("French", "the French", "Canadians"), "" for a
    people or faith without one country ("Kurds", "Catholics"), else None."""
    return demonyms().get(strip_determiner(" ".join(word.split())))
