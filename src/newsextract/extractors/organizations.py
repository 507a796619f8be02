"""Organizations: ORG entities, mentions merged by name ("NATO" in a headline
and "Nato" in the body are one organization, named as the body writes it).
An embassy named as someone's employer ("a spokesman for the Japanese Embassy")
is an organization too."""
from __future__ import annotations

from spacy.tokens import Doc

from ..article import Organization
from .mentions import is_institution_as_body, mention


def extract_organizations(doc: Doc) -> list[Organization]:
    orgs: list[Organization] = []
    by_key: dict[str, Organization] = {}
    for ent in doc.ents:
        if ent.label_ != "ORG" and not is_institution_as_body(ent):
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
