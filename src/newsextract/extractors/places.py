"""Places: GPE, LOC and FAC entities with kind, country and coordinates.

Names are looked up in the offline gazetteer (``newsextract.geo``): "Kiev"
and "Kyiv" are one place, named as the gazetteer names it, with its kind,
ISO 3166-1 alpha-2 country and coordinates. A facility (airport, embassy,
palace) takes the country of the place it is said to be in ("... Airport in
Paris"), else of the nearest place named before it in the same paragraph
(for an embassy, never the country it represents); its own coordinates are
not known, so they stay null. An embassy named as someone's employer ("the
deputy ambassador at the Canadian Embassy") is an organization, not a place.

A place name glued into a compound adjective ("Boston-based", "London-listed",
"Texas-born", "pro-Moscow", "ex-England") describes something else, as a
demonym does: it is not a place mention. Place names that are hyphenated
themselves ("Stratford-upon-Avon") stay places.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..article import Place
from ..confidence import score
from ..components.blocks import BLOCKS_KEY
from ..geo import demonym_country, lookup
from .evidence import place_evidence
from .mentions import is_institution_as_body, mention

PLACE_LABELS = {"GPE": "other", "LOC": "other", "FAC": "facility"}
LOCATING = {"in", "near", "outside", "at", "of"}
HYPHENS = {"-", "‐", "‑"}
ADJECTIVE_PREFIXES = {"pro", "anti", "ex"}  # "pro-Moscow", "anti-Israel", "ex-England"


def extract_places(doc: Doc) -> list[Place]:
    places: list[Place] = []
    by_name: dict[str, Place] = {}
    spans: dict[int, list[Span]] = {}
    found: dict[int, bool] = {}
    ents = [e for e in doc.ents if e.label_ in PLACE_LABELS]
    for ent in ents:
        if ent.label_ != "FAC" and in_compound_adjective(ent) or is_institution_as_body(ent):
            continue
        text = " ".join(ent.text.split())
        entry = lookup(text) if ent.label_ != "FAC" else None
        name = entry.name if entry is not None else (text.title() if text.isupper() and len(text) > 3 else text)
        place = by_name.get(name)
        if place is None:
            if entry is not None:
                place = Place(name=name, kind=entry.kind, country=entry.country, lat=entry.lat, lon=entry.lon)
            else:
                place = Place(name=name, kind=PLACE_LABELS[ent.label_],
                              country=_facility_country(doc, ent, ents) if ent.label_ == "FAC" else None)
            by_name[name] = place
            places.append(place)
            found[id(place)] = entry is not None
        elif place.kind == "facility" and place.country is None:
            place.country = _facility_country(doc, ent, ents)
        place.mentions.append(mention(ent))
        spans.setdefault(id(place), []).append(ent)
    for place in places:
        place.evidence = place_evidence(spans[id(place)], place.kind, found[id(place)])
        place.confidence = score("places", place.evidence)
    return places


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


def _facility_country(doc: Doc, ent: Span, ents: list[Span]) -> str | None:
    represented = demonym_country(ent[0].text)  # "the Canadian Embassy" is not in Canada
    # "... Airport in Paris": the place right after
    for other in ents:
        if other.start > ent.end and other.start - ent.end <= 2 and other.label_ != "FAC" \
                and any(t.lower_ in LOCATING for t in doc[ent.end:other.start]):
            entry = lookup(other.text)
            if entry is not None and entry.country and entry.country != represented:
                return entry.country
    # else the nearest place before it in the same paragraph
    block = next((b for b in doc.spans.get(BLOCKS_KEY, []) if b.start <= ent.start < b.end), None)
    lo = block.start if block is not None else 0
    for other in sorted((e for e in ents if lo <= e.start and e.end <= ent.start and e.label_ != "FAC"),
                        key=lambda e: -e.start):
        entry = lookup(other.text)
        if entry is not None and entry.country and entry.kind in ("city", "region", "country") \
                and entry.country != represented:
            return entry.country
    return None
