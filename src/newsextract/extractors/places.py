"""Places: GPE, LOC and FAC entities with kind, country and coordinates.

Names are looked up in the offline gazetteer (``newsextract.geo``): "Kiev"
and "Kyiv" are one place, named as the gazetteer names it, with its kind,
ISO 3166-1 alpha-2 country and coordinates. A facility (airport, embassy,
palace) takes the country of the place it is said to be in ("... Airport in
Paris"), else of the nearest place named before it in the same paragraph
(for an embassy, never the country it represents); its own coordinates are
not known, so they stay null.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..article import Place
from ..components.blocks import BLOCKS_KEY
from ..geo import demonym_country, lookup
from .mentions import mention

PLACE_LABELS = {"GPE": "other", "LOC": "other", "FAC": "facility"}
LOCATING = {"in", "near", "outside", "at", "of"}


def extract_places(doc: Doc) -> list[Place]:
    places: list[Place] = []
    by_name: dict[str, Place] = {}
    ents = [e for e in doc.ents if e.label_ in PLACE_LABELS]
    for ent in ents:
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
        elif place.kind == "facility" and place.country is None:
            place.country = _facility_country(doc, ent, ents)
        place.mentions.append(mention(ent))
    return places


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
