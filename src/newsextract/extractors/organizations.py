"""Organizations: ORG entities, mentions merged by name ("NATO" in a headline
and "Nato" in the body are one organization, named as the body writes it)."""
from __future__ import annotations

from spacy.tokens import Doc

from ..article import Organization
from .mentions import mention


def extract_organizations(doc: Doc) -> list[Organization]:
    orgs: list[Organization] = []
    by_key: dict[str, Organization] = {}
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        text = " ".join(ent.text.split())
        key = text.casefold()
        org = by_key.get(key)
        if org is None:
            org = by_key[key] = Organization(name=text)
            orgs.append(org)
        elif org.name.isupper() and not text.isupper():
            org.name = text
        org.mentions.append(mention(ent))
    return orgs
