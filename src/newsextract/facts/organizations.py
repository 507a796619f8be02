"""Organizations: ORG entities, one entry per body, named by its fullest form.

- Mentions are merged by name: "NATO" in a headline and "Nato" in the body
  are one organization, named as the body writes it.
- An acronym joins the one organization of the article whose capitalized words
  it spells ("IMF", "International Monetary Fund"; "M&S", "Marks & Spencer"),
  and a short name the one that adds only "Party" or a company suffix to it
  ("Labour", "Labour Party"; "Cairn", "Cairn plc"; ``models/company_cues.txt``).
- An embassy named as someone's employer ("a spokesman for the Japanese
  Embassy") is an organization too.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from ..records import Organization
from .. import lexicon
from .confidence import score
from .evidence import organization_evidence
from .mentions import is_institution_as_body, mention

ACRONYM_LENGTH = (2, 6)
NAME_SUFFIXES = {"Party"}  # and the company suffixes of company_cues.txt


@lru_cache(maxsize=1)
def _suffixes() -> frozenset[str]:
    words = set(NAME_SUFFIXES)
    words.update(word for word, kind in lexicon.company_cues().items() if kind == "suffix")
    return frozenset(words)


def extract_organizations(doc: Doc) -> list[Organization]:
    orgs: list[Organization] = []
    by_key: dict[str, Organization] = {}
    spans: dict[int, Span] = {}
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
        spans[ent.start_char] = ent
    orgs = _merge_short_forms(orgs)
    for org in orgs:
        org.evidence = organization_evidence([spans[m.start] for m in org.mentions], org.name)
        org.confidence = score("organizations", org.evidence)
    return orgs


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())


def _acronym(name: str) -> str | None:
    letters = "".join(c for c in name if c.isalpha())
    if name.isupper() and " " not in name and ACRONYM_LENGTH[0] <= len(letters) <= ACRONYM_LENGTH[1] \
            and all(c.isalpha() or c in "&." for c in name):
        return letters
    return None


def _merge_short_forms(orgs: list[Organization]) -> list[Organization]:
    """Acronyms and short names into the one full name they stand for."""
    if len(orgs) < 2:
        return orgs
    suffixes = _suffixes()
    into: dict[int, Organization] = {}
    for short in orgs:
        acronym = _acronym(short.name)
        if acronym is not None:
            full = [o for o in orgs if o is not short and len(o.name.split()) > 1 and _initials(o.name) == acronym]
        else:
            full = [o for o in orgs if o is not short and o.name.startswith(short.name + " ")
                    and o.name[len(short.name) + 1:] in suffixes]
        if len(full) == 1:
            into[id(short)] = full[0]
    if not into:
        return orgs
    out = []
    for org in orgs:
        target = into.get(id(org))
        while target is not None and id(target) in into:
            target = into[id(target)]
        if target is None:
            out.append(org)
        else:
            target.mentions.extend(org.mentions)
    for org in out:
        org.mentions.sort(key=lambda m: m.start)
    return sorted(out, key=lambda o: o.mentions[0].start)
