"""Which of the places that share a name an article means, from the article itself.

Every place name the gazetteer knows has candidates (``geo.candidates``: "Paris" is
France's capital, then Paris, Texas, Paris, Ontario, ...), the name's usual meaning
first. A candidate is chosen by, in this order:

1. explicit qualification: "Paris, Texas", "Springfield, Ill.", "Washington, Tyne and
   Wear", "Springfield in Illinois" keep only the candidates inside the qualifier (a
   country, a state by its GeoNames first-level code, a smaller area or city by distance);
2. a score over the rest: the share of the article's other place mentions in the
   candidate's country and in its first-level region (state, province), the distance to
   the nearest other place named, and population. The name's usual meaning gets a head
   start, and a different candidate must have support from the article: a place nearby or
   in the same region, or, for a state or a town as large as the usual meaning, the
   article's country; a town with no usual meaning needs at least its country named. A
   small town never wins on population alone. The article's demonyms ("the Spanish
   government") count for their country too, at a lower weight than a place named.

Anchors (names with one candidate, qualified names, countries without a namesake region)
set the article's focus; the other names are then resolved against it, twice, so that
"Pineville" and "Alexandria" in one Louisiana story pull each other there. Weights are
in ``models/geo_weights.json``.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..lexicon.geo import GeoEntry, candidates, lookup

REGION_KINDS = ("region", "country")


@lru_cache(maxsize=1)
def weights() -> dict:
    return lexicon.json("geo_weights.json")


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, tuple[str, str]]:
    """"Ill." -> ("Illinois", "US"): state and province abbreviations (``models/region_abbreviations.tsv``)."""
    return {row["abbreviation"]: (row["region"], row["country"]) for row in lexicon.table("region_abbreviations.tsv")}


def distance_km(a: GeoEntry, b: GeoEntry) -> float:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def qualifier_places(text: str) -> tuple[GeoEntry, ...]:
    """The places a qualifier as written may be: "Texas", "Ill." (Illinois), "Tyne and Wear"."""
    abbr = abbreviations().get(text)
    if abbr is not None:
        name, country = abbr
        return tuple(c for c in candidates(name) if c.kind == "region" and c.country == country)
    if len(text) == 2 and text.isupper():
        return ()  # a two-letter code that is no state's ("UK" is a name, handled below)
    return tuple(c for c in candidates(text) if c.lat is not None or c.kind == "country")


def place_options(text: str) -> tuple[GeoEntry, ...]:
    """The candidates of a place name; a state's abbreviation named on its own ("Calif.", "N.H.",
    "Calif" as CoNLL's tokens write it) is the state."""
    found = candidates(text)
    if found:
        return _without_named_for_city(found)
    for form in (text, text + "."):
        if len(form) > 2 and form in abbreviations():
            return qualifier_places(form)
    return ()


def _without_named_for_city(options: tuple[GeoEntry, ...]) -> tuple[GeoEntry, ...]:
    """The candidates less a province named after its city ("Valencia", "Alicante", "Alessandria":
    a region with no population of its own, and a city of the same name in the same country
    close by): written alone, the name is the city's. The name's usual meaning always stays."""
    radius = weights()["qualifier_radius_km"]["region"]
    cities = [c for c in options if c.kind == "city"]
    return tuple(c for rank, c in enumerate(options)
                 if rank == 0 or not (c.kind == "region" and not c.population and any(
                     city.country == c.country and distance_km(city, c) <= radius for city in cities)))


def within(place: GeoEntry, area: GeoEntry) -> bool:
    """Whether ``place`` lies in ``area`` (a country, a state or province, a smaller area or a city)."""
    w = weights()
    if place is area or place.geonames_id is not None and place.geonames_id == area.geonames_id:
        return False  # "Georgia, Georgia" qualifies nothing
    if area.kind == "country":
        return place.country == area.country
    if area.kind == "region" and area.admin1:
        return place.admin1 == area.admin1 and place.kind != "region"
    if place.country != area.country:
        return False
    radius = w["qualifier_radius_km"]["region" if area.kind == "region" else "city"]
    return distance_km(place, area) <= radius


# "Paris, Texas", "Springfield in Ohio", "Neasden, north west London", "Sellafield, in the UK"
# ("the" only after "in": "London, the US and Japan" is a list)
DIRECTION = r"(?:(?:north|south|east|west|central|northern|southern|eastern|western)(?:[\s-](?:east|west))?\s+)?"
QUALIFIER = re.compile(r"(?:\s?,\s+in\s+(?:the\s+)?|\s+in\s+(?:the\s+)?|\s?,\s+)" + DIRECTION
                       + r"((?:[A-Z][\w.'’-]*)(?:\s+(?:and\s+|&\s+|upon\s+)?[A-Z][\w.'’-]*){0,3})")


def qualifiers_after(text: str, end: int) -> list[str]:
    """Qualifier texts right after a mention ending at ``end``: "Texas" in "Paris, Texas, ...",
    "Ill." in "Springfield, Ill.", "Tyne and Wear" in "Washington, Tyne and Wear", "Ohio" in
    "Springfield in Ohio", "London" in "Neasden, north west London", "UK" in "Sellafield, in
    the UK": the longest run of capitalized words first, then shorter ones."""
    found = QUALIFIER.match(text, end)
    if found is None:
        return []
    words = found.group(1).split()
    out = []
    for k in range(len(words), 0, -1):
        form = " ".join(words[:k]).rstrip(",;:")
        if form.endswith(".") and form not in abbreviations():
            form = form[:-1]  # the full stop that ends the sentence
        if form and form[-1:] not in ("'", "’"):
            out.append(form)
    return out


@dataclass
class Named:
    """One place name as the article writes it: its candidates, mentions and qualifiers."""
    text: str
    options: tuple[GeoEntry, ...]
    count: int = 0
    qualifiers: tuple[str, ...] = ()
    chosen: GeoEntry | None = None
    fixed: bool = False


def resolve(named: dict[str, Named], demonyms: Counter | None = None) -> dict[str, GeoEntry | None]:
    """The place each name means in this article (None: none of the gazetteer's, or no
    candidate has the support it needs); ``demonyms``: the article's demonyms, counted
    by their country's ISO code ("Spanish" -> "ES")."""
    w = weights()
    for item in named.values():
        item.chosen, item.fixed = None, False
        options = item.options
        if not options:
            item.fixed = True
            continue
        areas = [a for q in item.qualifiers for a in qualifier_places(q)]
        if areas:
            inside = [c for c in options if any(within(c, a) for a in areas)]
            if inside:
                item.chosen, item.fixed = inside[0], True  # the usual meaning, else the largest
                continue
        default = options[0]
        if len(options) == 1 and (default.match or _known_default(default)):
            item.chosen, item.fixed = default, True
            continue
        if default.match and default.kind in ("country", "continent") and \
                not any(c.kind == "region" for c in options[1:]):
            item.chosen, item.fixed = default, True  # "Chad", "Jordan": no town takes a country's name
            continue
        item.chosen = default if default.match or _known_default(default) else None
    for _ in range(w["rounds"]):
        for item in named.values():
            if not item.fixed:
                item.chosen = _best(item, named, w, demonyms or Counter())
    return {text: item.chosen for text, item in named.items()}


def _known_default(entry: GeoEntry) -> bool:
    """Whether the name's usual meaning is one of the gazetteer's main places (it has its own row)."""
    found = lookup(entry.name)
    return found is not None and found.geonames_id == entry.geonames_id


def _best(item: Named, named: dict[str, Named], w: dict, demonyms: Counter) -> GeoEntry | None:
    countries: Counter = Counter()
    regions: Counter = Counter()
    points: list[GeoEntry] = []
    total = 0.0
    for country, n in demonyms.items():
        countries[country] += n * w["demonym_weight"]
        total += n * w["demonym_weight"]
    for other in named.values():
        place = other.chosen
        if other is item or place is None:
            continue
        weight = other.count * (1.0 if other.fixed else w["provisional_weight"])
        total += weight
        if place.country:
            countries[place.country] += weight
        if place.admin1:
            regions[place.admin1] += weight
        if place.kind == "city" or place.kind == "region":
            points.append(place)
    default = item.options[0]
    has_default = default.match or _known_default(default)
    best, best_score = None, -math.inf
    for rank, cand in enumerate(item.options):
        fc = countries[cand.country] / total if total and cand.country else 0.0
        fa = regions[cand.admin1] / total if total and cand.admin1 else 0.0
        near = 0.0
        for p in points:
            d = distance_km(cand, p)
            for limit, value in w["near"]:
                if d <= limit:
                    near = max(near, value)
                    break
        population = cand.population or (w["region_population"] if cand.kind == "region" else 0)
        score = (w["country"] * fc + w["region"] * fa + w["nearby"] * near
                 + w["population"] * math.log10(max(population, 1)))
        if rank == 0 and has_default:
            score += w["default"]
        elif not _supported(cand, default if has_default else None, fc, fa, near, w):
            continue
        if score > best_score:
            best, best_score = cand, score
    return best


def _supported(cand: GeoEntry, default: GeoEntry | None, fc: float, fa: float, near: float, w: dict) -> bool:
    """Whether the article supports a candidate other than the name's usual meaning: a place
    nearby or in the same state; or, for a state or a town as large as the usual meaning (or a
    name with none), the article's country. A town whose name is also a word needs the former."""
    if fa > 0 or near >= w["near_support"]:
        return True
    if cand.common:
        return False
    if default is None:  # a town only the large candidates file knows: its country is named
        return fc > 0
    if fc < w["country_share"]:
        return False
    return cand.kind == "region" or cand.population * w["comparable_size"] >= default.population


def focus_country(named: dict[str, Named], share: float, least: int = 3) -> str | None:
    """The country most of the article's place mentions are in, if it holds ``share`` of them
    and at least ``least`` (one place named once says nothing about the rest)."""
    countries: Counter = Counter()
    total = 0
    for item in named.values():
        if item.chosen is not None and item.chosen.country:
            countries[item.chosen.country] += item.count
            total += item.count
    if not total:
        return None
    country, n = countries.most_common(1)[0]
    return country if n / total >= share and n >= least else None
