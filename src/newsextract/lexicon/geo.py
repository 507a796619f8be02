"""Offline gazetteer: a place name's kind, ISO 3166-1 country and coordinates.

The data are ``models/gazetteer.tsv`` and ``models/demonyms.tsv``, made by
``python tools/gazetteer_build.py``. They are read once per process, by ``lexicon``,
into the package's ``Gazetteer`` (``default()``); the module's functions ask it.
The spaCy components hold a ``Gazetteer`` of their own (the package's, or the copy
a saved pipeline carries).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable

from .. import lexicon

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


class Gazetteer:
    """The place names and demonyms the entity components and the facts read: the
    package's own (``default()``, read lazily from ``models/`` by ``lexicon``) or a
    saved pipeline's copy (``Gazetteer.from_disk``), so that a pipeline written with
    ``nlp.to_disk`` needs no ``models/`` folder.

    ``rows`` maps each alias to the rest of its ``gazetteer.tsv`` row, unparsed: the
    file holds one row per alias, already the place the name most likely means (the
    build ranks them), so start-up only splits each line once."""

    FILE, DEMONYMS, DIGEST = "gazetteer.tsv", "demonyms.tsv", "digest.txt"

    def __init__(self, rows: Callable[[], dict[str, str]] | dict[str, str],
                 demonyms: Callable[[], dict[str, str]] | dict[str, str]) -> None:
        self._load_rows = rows if callable(rows) else (lambda: rows)
        self._load_demonyms = demonyms if callable(demonyms) else (lambda: demonyms)
        self.entry = lru_cache(maxsize=16384)(self._entry)
        self.lookup = lru_cache(maxsize=8192)(self._lookup)
        self.demonym_country = lru_cache(maxsize=4096)(self._demonym_country)
        self.match_aliases = lru_cache(maxsize=4)(self._match_aliases)

    @cached_property
    def rows(self) -> dict[str, str]:
        return self._load_rows()

    @cached_property
    def demonyms(self) -> dict[str, str]:
        """Demonym ("Canadian", "Canadians") -> ISO country code."""
        return self._load_demonyms()

    def _entry(self, alias: str) -> GeoEntry | None:
        rest = self.rows.get(alias)
        if rest is None:
            return None
        match, name, kind, country, lat, lon, population, capital, geonames_id, admin1 = rest.split("\t")
        return GeoEntry(name=name, kind=kind, country=country or None, lat=float(lat) if lat else None,
                        lon=float(lon) if lon else None, population=int(population or 0), match=int(match or 0),
                        geonames_id=int(geonames_id) if geonames_id else None, admin1=admin1,
                        capital=capital == "1")

    def _match_aliases(self, level: int = 1) -> tuple[str, ...]:
        prefix = f"{level}\t"
        return tuple(alias for alias, rest in self.rows.items() if rest.startswith(prefix))

    def _lookup(self, name: str) -> GeoEntry | None:
        name = " ".join(name.split())
        for form in (name, strip_determiner(name)):
            entry = self.entry(form)
            if entry is None and form.isupper() and len(form) > 3:
                entry = self.entry(form.title())  # "THE HAGUE", "NEW YORK"
            if entry is not None:
                return entry
        return None

    def _demonym_country(self, word: str) -> str | None:
        return self.demonyms.get(strip_determiner(" ".join(word.split())))

    def is_country(self, text: str) -> bool:
        """The name of a country as written ("France", "the UK")."""
        entry = self.lookup(text)
        return entry is not None and entry.kind == "country"

    def is_country_or_continent(self, text: str) -> bool:
        """The name of a country or a continent ("France", "Europe")."""
        entry = self.lookup(text)
        return entry is not None and entry.kind in ("country", "continent")

    def _tables(self) -> tuple[bytes, bytes]:
        """The two tables as ``to_disk`` writes them (the gazetteer in its own format)."""
        rows = "\t".join(COLUMNS) + "\n" + "".join(f"{alias}\t{rest}\n" for alias, rest in self.rows.items())
        demonyms = "demonym\tcountry\n" + "".join(f"{d}\t{c}\n" for d, c in self.demonyms.items())
        return rows.encode("utf-8"), demonyms.encode("utf-8")

    @cached_property
    def digest(self) -> str:
        """A name for the tables' content (the SHA-1 of ``to_bytes``)."""
        import hashlib

        return hashlib.sha1(self.to_bytes()).hexdigest()

    def saved_in(self, path: Path) -> bool:
        """``path`` already holds these tables, as ``to_disk`` wrote them."""
        try:
            return (path / self.DIGEST).read_text(encoding="utf-8") == self.digest
        except OSError:
            return False

    def to_disk(self, path: Path) -> None:
        """Write the two tables into the folder ``path`` (and, last, their digest)."""
        path.mkdir(parents=True, exist_ok=True)
        rows, demonyms = self._tables()
        (path / self.FILE).write_bytes(rows)
        (path / self.DEMONYMS).write_bytes(demonyms)
        (path / self.DIGEST).write_text(self.digest, encoding="utf-8")

    def to_bytes(self) -> bytes:
        rows, demonyms = self._tables()
        return rows + b"\0" + demonyms

    @classmethod
    def from_disk(cls, path: Path) -> "Gazetteer":
        """The tables ``to_disk`` wrote; read once per folder (and content) in a process,
        however many components of a saved pipeline refer to it."""
        files = (path / cls.FILE, path / cls.DEMONYMS)
        stats = tuple((f.stat().st_mtime_ns, f.stat().st_size) for f in files)
        key = (str(path.resolve()), stats)
        found = _FROM_FOLDER.get(key)
        if found is None:
            found = _FROM_FOLDER[key] = cls.from_bytes(files[0].read_bytes() + b"\0" + files[1].read_bytes())
        return found

    @classmethod
    def from_bytes(cls, data: bytes) -> "Gazetteer":
        """The tables ``to_bytes`` gave; one ``Gazetteer`` per content in a process
        (every component of a saved pipeline carries the same copy)."""
        import hashlib

        key = hashlib.sha1(data).hexdigest()
        found = _FROM_DISK.get(key)
        if found is None:
            rows_text, demonyms_text = data.decode("utf-8").split("\0")
            lines = rows_text.split("\n")[:-1]
            header = tuple(lines[0].split("\t"))
            if header != COLUMNS:
                raise ValueError(f"a saved gazetteer: unexpected columns {header}")
            rows: dict[str, str] = {}
            for line in lines[1:]:
                alias, rest = line.split("\t", 1)
                rows.setdefault(alias, rest)
            demonyms = dict(line.split("\t", 1) for line in demonyms_text.split("\n")[1:-1])
            found = _FROM_DISK[key] = cls(rows, demonyms)
        return found


_FROM_DISK: dict[str, Gazetteer] = {}
_FROM_FOLDER: dict[tuple[str, tuple], Gazetteer] = {}


def _package_rows() -> dict[str, str]:
    rows: dict[str, str] = {}
    for line in lexicon.data_lines("gazetteer.tsv", COLUMNS):
        alias, rest = line.split("\t", 1)
        rows.setdefault(alias, rest)
    return rows


def _package_demonyms() -> dict[str, str]:
    return {row["demonym"]: row["country"] for row in lexicon.table("demonyms.tsv")}


@lru_cache(maxsize=1)
def default() -> Gazetteer:
    """The package's gazetteer (``models/``), read on first use."""
    return Gazetteer(_package_rows, _package_demonyms)


def demonyms() -> dict[str, str]:
    """Demonym ("Canadian", "Canadians") -> ISO country code."""
    return default().demonyms


def match_aliases(level: int = 1) -> tuple[str, ...]:
    """Aliases that may be found in text on their own (level 1), or only where
    the tagger calls them proper nouns (level 2: they are also common words)."""
    return default().match_aliases(level)


def strip_determiner(name: str) -> str:
    for det in DETERMINERS:
        if name.startswith(det):
            return name[len(det):]
    return name


def lookup(name: str) -> GeoEntry | None:
    """The gazetteer entry for a place name as written ("Kiev", "the UK", "PARIS"), or None."""
    return default().lookup(name)


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
        entry = default().entry(alias)
        return (entry,) if entry is not None else ()
    out = []
    for row in rows:
        name, kind, country, admin1, lat, lon, population, geonames_id, common = row.decode("utf-8").split("\t")
        out.append(GeoEntry(name=name, kind=kind, country=country or None, lat=float(lat), lon=float(lon),
                            population=int(population or 0), match=0, admin1=admin1,
                            geonames_id=int(geonames_id) if geonames_id else None, common=common == "1"))
    known = default().entry(alias)
    if known is not None and out and out[0].geonames_id == known.geonames_id:
        out[0] = known  # the default row knows whether it may be found in text and is a capital
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


def demonym_country(word: str) -> str | None:
    """ISO code for a demonym ("French", "the French", "Canadians"), "" for a
    people or faith without one country ("Kurds", "Catholics"), else None."""
    return default().demonym_country(word)


def is_country(text: str) -> bool:
    """The name of a country as written ("France", "the UK")."""
    return default().is_country(text)


def is_country_or_continent(text: str) -> bool:
    """The name of a country or a continent ("France", "Europe")."""
    return default().is_country_or_continent(text)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO code -> the country's name: the most populous gazetteer country listed under
    its own name (NL: "Netherlands", never its island "Aruba")."""
    best: dict[str, GeoEntry] = {}
    gazetteer = default()
    for alias, rest in gazetteer.rows.items():
        if "\tcountry\t" not in rest:
            continue  # not a country's row (a few hundred of the ~40,000 are): never parsed
        entry = gazetteer._entry(alias)
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
