"""People: PERSON entities merged into one entry per real person."""
from __future__ import annotations

from spacy.tokens import Doc

from ..article import Person
from .mentions import mention


def extract_people(doc: Doc) -> list[Person]:
    people: list[Person] = []
    by_name: dict[str, Person] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        key = ent.text
        person = by_name.get(key)
        if person is None:
            person = by_name[key] = Person(name=key)
            people.append(person)
        person.mentions.append(mention(ent))
    return people
