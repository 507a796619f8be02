"""Offline gazetteer: a place name's kind, ISO 3166-1 country and coordinates.

The data are ``models/gazetteer.tsv`` and ``models/demonyms.tsv``, made by
``python tools/gazetteer_build.py``. They are read once per process, by ``lexicon``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import lexicon

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
    rows: dict[str, str] = {}
    for line in lexicon.data_lines("gazetteer.tsv", COLUMNS):
        alias, rest = line.split("\t", 1)
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
    return {row["demonym"]: row["country"] for row in lexicon.table("demonyms.tsv")}


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


@lru_cache(maxsize=1)
def _towns():
    """``models/gazetteer_towns.tsv``, sorted by alias and searched on disk (``lexicon.sorted_file``):
    nothing of its ~170,000 rows is read at start-up or kept in memory."""
    return lexicon.sorted_file("gazetteer_towns.tsv", CANDIDATE_COLUMNS)


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


def is_country(text: str) -> bool:
    """The name of a country as written ("France", "the UK")."""
    entry = lookup(text)
    return entry is not None and entry.kind == "country"


def is_country_or_continent(text: str) -> bool:
    """The name of a country or a continent ("France", "Europe")."""
    entry = lookup(text)
    return entry is not None and entry.kind in ("country", "continent")


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO code -> the country's name: the most populous gazetteer country listed under
    its own name (NL: "Netherlands", never its island "Aruba")."""
    best: dict[str, GeoEntry] = {}
    for alias in _rows():
        entry = _entry(alias)
        if entry is None or entry.kind != "country" or not entry.country or entry.name != alias:
            continue
        known = best.get(entry.country)
        if known is None or entry.population > known.population:
            best[entry.country] = entry
    return {iso: entry.name for iso, entry in best.items()}


def country_name(iso: str) -> str | None:
    """The name of the country with ISO 3166-1 code ``iso`` ("GB": "United Kingdom")."""
    return _country_names().get(iso)


def country_code(name: str) -> str | None:
    """The ISO code of a country named as written ("France", "Britain", "the US"); None
    for any other place and for a part of a country ("Scotland")."""
    entry = lookup(name)
    if entry is None or entry.kind != "country" or not entry.country:
        return None
    return entry.country if country_name(entry.country) == entry.name else None


def capital_country(name: str) -> str | None:
    """The ISO code of the country whose capital is named ("Paris": "FR"), else None."""
    entry = lookup(name)
    return entry.country if entry is not None and entry.capital and entry.country else None
