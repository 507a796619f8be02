"""Organizations: ORG entities, one entry per body, named by its fullest form.

- Mentions are merged by name: "NATO" in a headline and "Nato" in the body
  are one organization, named as the body writes it.
- An acronym joins the one organization of the article whose capitalized words
  it spells ("IMF", "International Monetary Fund"; "M&S", "Marks & Spencer"),
  and a short name the one that adds only "Party" or a company suffix to it
  ("Labour", "Labour Party"; "Cairn", "Cairn plc"; ``models/company_cues.txt``).
- The lower-case words the model runs into a name are not part of it ("Interfax news
  agency" is "Interfax"; "the national news agency" names no one).
- Competitions and prizes ("the Fed Cup", "the PGA Tour"), a class of people alone
  ("Women 's 100 metres") and a table's column headings ("W L PCT GB") are not
  organizations, whatever the model says.
- An embassy named as someone's employer ("a spokesman for the Japanese
  Embassy") is an organization too.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from ..records import Organization
from .. import lexicon
from ..lexicon.geo import demonym_country
from .confidence import score
from .evidence import organization_evidence
from .mentions import is_institution_as_body, mention

ACRONYM_LENGTH = (2, 6)


@lru_cache(maxsize=1)
def _suffixes() -> frozenset[str]:
    words = set(lexicon.body_name_suffixes())  # "Party", and the company suffixes
    words.update(word for word, kind in lexicon.company_cues().items() if kind == "suffix")
    return frozenset(words)


def extract_organizations(doc: Doc) -> list[Organization]:
    orgs: list[Organization] = []
    by_key: dict[str, Organization] = {}
    spans: dict[int, Span] = {}
    for ent in doc.ents:
        if ent.label_ != "ORG" and not is_institution_as_body(ent) or not_a_body(ent):
            continue
        ent = _named_part(ent)
        if ent is None:
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


def _named_part(ent: Span) -> Span | None:
    """The name without the lower-case words the model ran into it ("Interfax news agency"
    -> "Interfax", "the CFDT union" -> "CFDT"); None when no name is left ("the national
    news agency", "the Dutch transport ministry")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while end > start and doc[end - 1].is_lower and doc[end - 1].is_alpha:
        end -= 1
    particles = lexicon.name_particles()  # "al-Gama'a al-Islamiya", "de Beers" keep theirs
    while start < end and (doc[start].is_lower and doc[start].text not in particles or doc[start].is_punct):
        glued = doc[start].text == "-" and start > ent.start and not doc[start - 1].whitespace_
        start += 2 if glued else 1  # "the", "pro-Socialist"; not "eBay", "iDefence"
    start = min(start, end)
    if start == end or end - start == 1 and demonym_country(doc[start].text):  # "the Dutch transport ministry"
        return None
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


HEADING_WORD = 3  # letters of a column heading's words ("W D L PCT GB")


def not_a_body(ent: Span) -> bool:
    """A name the model took for an organization that names something else: a competition
    or a prize ("the Fed Cup", "the PGA Tour"; ``models/not_body_names.tsv``), a class of
    people or a unit alone ("Women 's 100 metres", "1800 GMT"), or the column headings of a
    table ("W L PCT GB")."""
    kinds = lexicon.not_body_names()
    if kinds.get(ent[-1].text) == "event" or len(ent) == 1 and kinds.get(ent[0].text) in ("group", "unit"):
        return True
    return len(ent) >= 3 and all(t.is_upper and t.is_alpha and len(t) <= HEADING_WORD for t in ent)


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
