"""Offline gazetteer: a place name's kind, ISO 3166-1 country and coordinates.

The data are ``models/gazetteer.tsv`` and ``models/demonyms.tsv``, made by
``python -m newsextract.gazetteer_build``. They are read once per process.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from .resources import model_file

KIND_ORDER = {"country": 0, "continent": 1, "region": 2, "city": 3, "other": 4}
BIG_CITY = 1_000_000
CAPITAL_CITY = 100_000
DETERMINERS = ("the ", "The ", "THE ")


@dataclass(frozen=True, slots=True)
class GeoEntry:
    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    match: int  # 1: may be found in text on its own; 2: only as a proper noun; 0: never


MATCH_ORDER = {1: 0, 2: 1, 0: 2}


def _rank(entry: GeoEntry, capital: bool) -> tuple:
    """Which of several places with one name is meant: the one that may be found
    in text, then countries, continents, capitals and cities of a million
    (Washington the capital before the state), regions, other cities by size."""
    kind = KIND_ORDER.get(entry.kind, 5)
    if entry.kind == "city" and (capital and entry.population >= CAPITAL_CITY or entry.population >= BIG_CITY):
        kind = KIND_ORDER["region"] - 0.5
    return (MATCH_ORDER.get(entry.match, 3), kind, -entry.population)


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, GeoEntry]:
    """Every alias mapped to its best entry (countries first, then regions, then cities by size)."""
    best: dict[str, tuple[tuple, GeoEntry]] = {}
    made: dict[tuple[str, ...], GeoEntry] = {}  # one entry object per place, shared by its aliases
    with model_file("gazetteer.tsv").open(encoding="utf-8", newline="") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        a, n, k, c, la, lo, p, m, cap = (col[x] for x in ("alias", "name", "kind", "country", "lat", "lon",
                                                             "population", "match", "capital"))
        for line in fh:
            row = line.rstrip("\n").split("\t")
            place = (row[n], row[k], row[c], row[la], row[lo], row[p], row[m])
            entry = made.get(place)
            if entry is None:
                entry = made[place] = GeoEntry(
                    name=row[n], kind=row[k], country=row[c] or None,
                    lat=float(row[la]) if row[la] else None, lon=float(row[lo]) if row[lo] else None,
                    population=int(row[p] or 0), match=int(row[m] or 0))
            rank = _rank(entry, row[cap] == "1")
            old = best.get(row[a])
            if old is None or rank < old[0]:
                best[row[a]] = (rank, entry)
    return {alias: entry for alias, (_, entry) in best.items()}


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym ("Canadian", "Canadians") -> ISO country code."""
    with model_file("demonyms.tsv").open(encoding="utf-8", newline="") as fh:
        return {row["demonym"]: row["country"] for row in csv.DictReader(fh, delimiter="\t")}


def match_aliases(level: int = 1) -> list[str]:
    """Aliases that may be found in text on their own (level 1), or only where
    the tagger calls them proper nouns (level 2: they are also common words)."""
    return [alias for alias, entry in gazetteer().items() if entry.match == level]


def strip_determiner(name: str) -> str:
    for det in DETERMINERS:
        if name.startswith(det):
            return name[len(det):]
    return name


@lru_cache(maxsize=8192)
def lookup(name: str) -> GeoEntry | None:
    """The gazetteer entry for a place name as written ("Kiev", "the UK", "PARIS"), or None."""
    table = gazetteer()
    name = " ".join(name.split())
    for form in (name, strip_determiner(name)):
        entry = table.get(form)
        if entry is None and form.isupper() and len(form) > 3:
            entry = table.get(form.title())  # "THE HAGUE", "NEW YORK"
        if entry is not None:
            return entry
    return None


@lru_cache(maxsize=4096)
def demonym_country(word: str) -> str | None:
    """ISO code for a demonym ("French", "the French", "Canadians"), "" for a
    people or faith without one country ("Kurds", "Catholics"), else None."""
    return demonyms().get(strip_determiner(" ".join(word.split())))
