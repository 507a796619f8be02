"""Places: GPE, LOC and FAC entities with kind, country and coordinates.

Names are looked up in the offline gazetteer (``lexicon.geo``): "Kiev"
and "Kyiv" are one place, named as the gazetteer names it, with its kind,
ISO 3166-1 alpha-2 country and coordinates; but as the article spells it when
the gazetteer's name is the same name with accents or full stops ("Vlore",
"St Thomas") or lengthened ("New York" for New York City). A facility (airport, embassy,
palace) takes the country of the place it is said to be in ("... Airport in
Paris"), else of the nearest place named before it in the same paragraph
(for an embassy, never the country it represents); its own coordinates are
not known, so they stay null. An embassy named as someone's employer ("the
deputy ambassador at the Canadian Embassy") is an organization, not a place.

A place name glued into a compound adjective ("London-listed", "pro-Moscow",
"ex-England") describes something else, as a demonym does: it is not a place
mention. One that says where something is ("Boston-based", "Texas-born",
"Paris-headquartered") is: the firm is in Boston (evidence ``located:based``).
Place names that are hyphenated themselves ("Stratford-upon-Avon") stay places.
A word of direction alone without "the" ("Central and Eastern European sales")
is no place, whatever region of some country the gazetteer gives it.
"""
from __future__ import annotations

import calendar
import unicodedata
from collections import Counter

from spacy.tokens import Doc, Span

from ..records import Place
from .confidence import score
from ..nlp.components.blocks import BLOCKS_KEY
from ..nlp.doctext import doc_text
from ..lexicon.geo import demonym_country, lookup
from .geo_context import Named, focus_country, place_options, qualifier_places, qualifiers_after, resolve, weights
from .evidence import located_compound, place_evidence, words
from .mentions import is_institution_as_body, mention

PLACE_LABELS = {"GPE": "other", "LOC": "other", "FAC": "facility"}
# a word of direction alone names no place: "Central and Eastern European sales"
DIRECTION_NAMES = {"North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western"}
LOCATING = {"in", "near", "outside", "at", "of"}
HYPHENS = {"-", "‐", "‑"}
ADJECTIVE_PREFIXES = {"pro", "anti", "ex"}  # "pro-Moscow", "anti-Israel", "ex-England"


def extract_places(doc: Doc) -> list[Place]:
    ents = [e for e in doc.ents if e.label_ in PLACE_LABELS]
    kept = [e for e in ents if not (e.label_ != "FAC" and in_compound_adjective(e) and not located_compound(e)
                                    or is_institution_as_body(e) or _bare_direction(e))]
    named = _named_places(doc, kept)
    resolved = resolve(named, _demonym_countries(doc))
    places: list[Place] = []
    by_key: dict[tuple, Place] = {}
    spans: dict[int, list[Span]] = {}
    found: dict[int, bool] = {}
    parts: set[int] = set()  # places named as a compass part of a known place ("Brent South")
    for ent in kept:
        text = " ".join(ent.text.split())
        entry = resolved.get(text) if ent.label_ != "FAC" else None
        name = entry.name if entry is not None else (text.title() if text.isupper() and len(text) > 3 else text)
        key = (name, entry.country if entry is not None else None)
        place = by_key.get(key)
        if place is None:
            if entry is not None:
                place = Place(name=name, kind=entry.kind, country=entry.country, lat=entry.lat, lon=entry.lon,
                              geonames_id=entry.geonames_id)
            elif ent.label_ == "FAC":
                where = _facility_place(doc, ent, ents, resolved, named)
                place = Place(name=name, kind="facility", country=where.country if where else None,
                              lat=where.lat if where else None, lon=where.lon if where else None)
            else:
                part = _part_of(text, resolved)
                place = Place(name=name, kind=PLACE_LABELS[ent.label_],
                              country=part.country if part else _qualified_country(named.get(text)),
                              lat=part.lat if part else None, lon=part.lon if part else None)
                if part is not None:
                    parts.add(id(place))
            by_key[key] = place
            places.append(place)
            found[id(place)] = entry is not None
        place.mentions.append(mention(ent))
        spans.setdefault(id(place), []).append(ent)
    _share_facility_places(places)
    for place in places:
        if found[id(place)]:
            place.name = written_name(place.name, [" ".join(e.text.split()) for e in spans[id(place)]])
    for place in places:
        qualified = any(_placed_by_qualifier(named.get(" ".join(e.text.split()))) for e in spans[id(place)])
        place.evidence = place_evidence(spans[id(place)], place.kind, found[id(place)], qualified,
                                        id(place) in parts)
    _share_building_words(doc, places)
    for place in places:
        place.confidence = score("places", place.evidence)
    return places


CALENDAR_WORDS = {w for w in (*calendar.month_name, *calendar.day_name) if w}  # "in August" places nothing
COMPASS_PARTS = {"North", "South", "East", "West", "Central", "North East", "North West", "South East",
                 "South West", "Northeast", "Northwest", "Southeast", "Southwest"}


def written_name(name: str, forms: list[str]) -> str:
    """The name a place the gazetteer knows is given: the article's own spelling when the
    gazetteer's name is the same name with other accents or full stops ("Vlore" for "Vlorë",
    "St Thomas" for "St. Thomas", "Sao Paulo") or lengthened by "City" or lower-case words
    ("New York" for "New York City", "Frankfurt" for "Frankfurt am Main"), as annotators and
    readers write it; else the gazetteer's ("Kiev" is named "Kyiv", "US" "United States").
    When the article writes the gazetteer's name itself, that name; of several spellings, the
    first written."""
    if name in forms:
        return name
    folded = _fold(name)
    for form in forms:
        if _fold(form) == folded and form[:1].isupper() and not form.isupper():
            return form  # "THE HAGUE" is "The Hague"
        rest = name[len(form) + 1:].split() if name.startswith(form + " ") else []
        if rest and (rest == ["City"] or rest[0].islower()) and not form.isupper():
            return form
    return name


def _fold(text: str) -> str:
    """``text`` without accents and full stops: "St. Thomas" and "St Thomas", "Vlorë" and "Vlore" are one."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c) and c != ".")


def _part_of(text: str, resolved: dict):
    """The place a part named by a compass word lies in ("Brent South", "Leeds North West": the
    constituencies' town): its country and coordinates, for a name the gazetteer does not know."""
    words = text.split()
    for k in (1, 2):
        if len(words) > k and " ".join(words[-k:]) in COMPASS_PARTS:
            base = " ".join(words[:-k])
            entry = resolved.get(base) or lookup(base)
            if entry is not None and entry.kind in ("city", "region") and entry.lat is not None:
                return entry
    return None


def _placed_by_qualifier(item: Named | None) -> bool:
    """A qualifier after the name is a place ("Sellafield, in Cumbria"), not any capitalized
    word ("... in the Zurich Premiership", "... in August")."""
    return item is not None and any(q not in CALENDAR_WORDS and qualifier_places(q) for q in item.qualifiers)


def _qualified_country(item: Named | None) -> str | None:
    """The country of a place the gazetteer does not know, when the article qualifies it
    ("Sellafield, in Cumbria", "Neasden, north west London"): its coordinates stay unknown."""
    for q in item.qualifiers if item is not None else ():
        for area in qualifier_places(q):
            if area.kind in ("region", "country") and area.country:
                return area.country
            if area.kind == "city" and area.country and lookup(q) is not None and q not in CALENDAR_WORDS:
                return area.country  # a city the main gazetteer knows ("north west London"), not "in August"
    return None


def _share_building_words(doc: Doc, places: list[Place]) -> None:
    """"La Fenice" is short for "La Fenice Theatre": a facility whose name starts the name of a
    building the article names (as a place or a body) takes its ``building-word`` evidence."""
    buildings = words()["building_words"]
    built = [" ".join(e.text.split()) for e in doc.ents if len(e) > 1 and e[-1].text in buildings]
    for place in places:
        if place.kind == "facility" and "building-word" not in place.evidence \
                and any(b.startswith(place.name + " ") and len(b.split()) == len(place.name.split()) + 1 for b in built):
            place.evidence = sorted(place.evidence + ["building-word"])


def _share_facility_places(places: list[Place]) -> None:
    """"La Fenice" is where "La Fenice Theatre" is: a facility without a place takes that of the
    facility whose name starts with its name."""
    located = [p for p in places if p.kind == "facility" and p.country]
    for place in places:
        if place.kind != "facility" or place.country:
            continue
        for other in located:
            if other.name.startswith(place.name + " ") or place.name.startswith(other.name + " "):
                place.country, place.lat, place.lon = other.country, other.lat, other.lon
                break


def _named_places(doc: Doc, ents: list[Span]) -> dict[str, Named]:
    """Each place name of the article (facilities aside) with its candidates, how often it is
    named and the qualifiers written after it ("Paris, Texas")."""
    text = doc_text(doc)
    named: dict[str, Named] = {}
    for ent in ents:
        if ent.label_ == "FAC":
            continue
        name = " ".join(ent.text.split())
        item = named.get(name)
        if item is None:
            item = named[name] = Named(text=name, options=place_options(name))
        item.count += 1
        quals = [q for q in qualifiers_after(text, ent.end_char) if q != name]
        if quals:
            item.qualifiers = item.qualifiers + tuple(quals)
    return named


def _demonym_countries(doc: Doc) -> Counter:
    """The countries of the article's demonyms ("the Spanish government": ES), counted."""
    found: Counter = Counter()
    for ent in doc.ents:
        if ent.label_ == "NORP":
            country = demonym_country(" ".join(ent.text.split()))
            if country:
                found[country] += 1
    return found


def _bare_direction(ent: Span) -> bool:
    """A word of direction alone, with no "the" before it: "Central and Eastern European
    sales" ("the South", "the West" may name a region or a country)."""
    return ent.text in DIRECTION_NAMES and not (ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the")


def in_compound_adjective(ent: Span) -> bool:
    """Whether ``ent`` is the name part of a compound adjective: "Boston-based",
    "Hong Kong-listed", "pro-Moscow" (no spaces around the hyphen), but not of a
    longer hyphenated name ("Stratford-upon-Avon")."""
    doc = ent.doc
    end, start = ent.end, ent.start
    if end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in HYPHENS \
            and not doc[end].whitespace_ and doc[end + 1].is_lower and doc[end + 1].is_alpha:
        return not (end + 2 < len(doc) and not doc[end + 1].whitespace_ and doc[end + 2].text in HYPHENS)
    return start >= 2 and doc[start - 1].text in HYPHENS and not doc[start - 1].whitespace_ \
        and not doc[start - 2].whitespace_ and doc[start - 2].lower_ in ADJECTIVE_PREFIXES


def _facility_place(doc: Doc, ent: Span, ents: list[Span], resolved: dict, named: dict):
    """Where a facility is: the place its own name starts with ("Vienna State Opera"), the place it
    is said to be in ("... Airport in Paris"), else the country most of the article's places are in
    or, by country only, the city named before it in its paragraph, else the country most of the
    article's places are in (a country named just before it may be the visitors', not the
    stadium's): an entry with the country and, for a named place, its coordinates; None when
    the article does not say."""
    represented = demonym_country(ent[0].text)  # "the Canadian Embassy" is not in Canada
    # "Sydney's Olympic Stadium", "Venice's famous La Fenice Theatre" (any mention of the name)
    for same in doc.ents:
        if same.text == ent.text or same.text.startswith(ent.text + " "):
            entry = _possessor(doc, same.start, ents, resolved)
            if entry is not None and entry.country and entry.country != represented:
                return entry
    for other in ents:
        if other.start > ent.end and other.start - ent.end <= 2 and other.label_ != "FAC" \
                and any(t.lower_ in LOCATING for t in doc[ent.end:other.start]):
            entry = resolved.get(" ".join(other.text.split()))
            if entry is not None and entry.country and entry.country != represented:
                return entry
    for k in range(len(ent) - 1, 0, -1):  # "Vienna State Opera"; not "Buckingham Palace"
        text = ent[:k].text
        entry = resolved.get(text) or lookup(text)
        if entry is not None and entry.kind == "city" and entry.country != represented \
                and (text in named or entry.capital or entry.population >= weights()["major_population"]):
            return entry
    # a city named before it in the same paragraph ("... in Athens. ... at the Olympic Village"):
    # its country only; a country named there is often the visitors' ("Galatasaray of Turkey")
    block = next((b for b in doc.spans.get(BLOCKS_KEY, []) if b.start <= ent.start < b.end), None)
    lo = block.start if block is not None else 0
    for other in sorted((e for e in ents if lo <= e.start and e.end <= ent.start and e.label_ != "FAC"),
                        key=lambda e: -e.start):
        entry = resolved.get(" ".join(other.text.split()))
        if entry is not None and entry.kind == "city" and entry.country and entry.country != represented:
            return _CountryOnly(entry.country)
    country = focus_country(named, weights()["focus_share"], weights()["focus_mentions"])
    if country and country != represented:
        return _CountryOnly(country)
    return None


def _possessor(doc: Doc, start: int, ents: list[Span], resolved: dict):
    """The place whose possessive stands before token ``start``, up to two lower-case words
    between ("Venice's famous ..."), resolved; else None."""
    i = start - 1
    while i >= 0 and start - i <= 3 and doc[i].is_lower and doc[i].is_alpha:
        i -= 1
    if i < 1 or doc[i].text not in ("'s", "’s"):
        return None
    for other in ents:
        if other.end == i and other.label_ != "FAC":
            return resolved.get(" ".join(other.text.split()))
    return None


class _CountryOnly:
    """A facility's country without coordinates."""
    __slots__ = ("country",)
    lat = lon = None

    def __init__(self, country: str) -> None:
        self.country = country
