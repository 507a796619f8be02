"""Places: GPE, LOC and FAC entities with kind, country and coordinates."""
from __future__ import annotations

from spacy.tokens import Doc

from ..article import Place
from .mentions import mention

PLACE_LABELS = {"GPE": "other", "LOC": "other", "FAC": "facility"}


def extract_places(doc: Doc) -> list[Place]:
    places: list[Place] = []
    by_name: dict[str, Place] = {}
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        place = by_name.get(ent.text)
        if place is None:
            place = by_name[ent.text] = Place(name=ent.text, kind=PLACE_LABELS[ent.label_])
            places.append(place)
        place.mentions.append(mention(ent))
    return places
