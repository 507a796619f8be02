"""Helpers shared by the entity extractors."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from ..records import Mention
from ..nlp.components.provenance import source
from ..nlp.lemmas import lemma as lemma_of
from .. import lexicon

BODY_PREPOSITIONS = {"at", "for", "of", "from", "with"}


word_list = lexicon.words  # a word list of models/ (read by newsextract.lexicon)


def mention(span: Span) -> Mention:
    return Mention(text=span.text, start=span.start_char, end=span.end_char)


@lru_cache(maxsize=1)
def staff_nouns() -> frozenset[str]:
    """Lower-case nouns for people who work for a body: ``models/staff_nouns.txt``
    and the roles of ``models/titles.tsv``."""
    return lexicon.words("staff_nouns.txt") | lexicon.title_roles()


def is_institution_as_body(ent: Span) -> bool:
    """An embassy or consulate named as someone's employer ("the deputy ambassador
    at the Canadian Embassy", "a spokesman for the Japanese Embassy"): a body, an
    organization; where people arrive or gather ("met at the Japanese Embassy")
    it is a building, a place."""
    if ent.label_ != "FAC" or not (source(ent).startswith("institution")
                                   or ent[-1].lower_ in lexicon.institution_words()):
        return False
    root = ent.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in BODY_PREPOSITIONS or prep.head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = prep.head
    return lemma_of(noun).lower() in staff_nouns() or noun.lower_ in staff_nouns()
