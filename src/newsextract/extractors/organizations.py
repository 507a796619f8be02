"""Organizations: ORG entities, mentions merged by name."""
from __future__ import annotations

from spacy.tokens import Doc

from ..article import Organization
from .mentions import mention


def extract_organizations(doc: Doc) -> list[Organization]:
    orgs: list[Organization] = []
    by_name: dict[str, Organization] = {}
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        org = by_name.get(ent.text)
        if org is None:
            org = by_name[ent.text] = Organization(name=ent.text)
            orgs.append(org)
        org.mentions.append(mention(ent))
    return orgs
