"""Helpers shared by the entity components: headline-case lines, the everyday words, entity replacement."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...lexicon.geo import Gazetteer
from .blocks import BLOCKS_KEY
from .provenance import mark

HEADLINE_KEY = "headline_case"
HEADING_KINDS = {"title", "heading"}


def is_headline_case(span: Span, heading: bool, common: frozenset[str] | None = None,
                     share: float = 0.25) -> bool:
    """A line whose capitals say nothing about names: ALL CAPS, or a heading in
    Title Case whose capitalized words are largely everyday words ("Canada's
    Evolving Role in the Conflict"), unlike a list of names ("4. Marco Lietti
    (Italy) MG-Technogym"). ``common`` holds lower-case everyday verbs,
    adjectives and adverbs (nouns would let surnames such as "Roberts" in), ``share``
    the part of the content words that must be everyday ones."""
    words = [t for t in span if t.is_alpha]
    if len(words) >= 2 and sum(t.is_upper for t in words if len(t) > 1) >= max(2, 0.8 * len(words)):
        return True  # ALL CAPS: headlines, standings, schedules
    if len(words) < 3:
        return False
    if not heading:
        return False
    if sum(t.like_num for t in span) >= 2:
        return False  # a results or table line, not a headline
    content = [t for t in words[1:] if not t.is_stop and len(t) > 3]
    if len(content) < 3 or not all(t.text[0].isupper() for t in content):
        return False
    if common is None:
        return True
    n_everyday = sum(everyday(t.lower_, common) for t in content)
    return n_everyday >= 1 and n_everyday >= share * len(content)


def everyday(word: str, common: frozenset[str]) -> bool:
    """``word`` (lower case) or its stem ("talks", "evolving") is an everyday word."""
    return word in common or word.endswith("s") and word[:-1] in common \
        or word.endswith("ing") and (word[:-3] in common or word[:-3] + "e" in common) \
        or word.endswith("ed") and (word[:-2] in common or word[:-1] in common)


def mark_headline_lines(doc: Doc, common: frozenset[str] | None = None, share: float = 0.25) -> list[Span]:
    """Store (and return) the headline-case blocks as ``doc.spans["headline_case"]``."""
    lines = [b for b in doc.spans.get(BLOCKS_KEY, [])
             if is_headline_case(b, b.label_ in HEADING_KINDS, common, share)]
    doc.spans[HEADLINE_KEY] = lines
    return lines


def capital_word(token) -> bool:
    """A word written with a capital, as names are ("Henman", "O'Brien"), not ALL CAPS."""
    text = token.text
    return len(text) > 1 and text[0].isupper() and not text.isupper() \
        and all(c.isalpha() or c in "-'’." for c in text)


def in_lines(token_i: int, lines) -> bool:
    """Whether token ``token_i`` is inside one of ``lines`` (blocks: sorted, disjoint);
    a binary search, so long documents with many headings stay linear."""
    from bisect import bisect_right

    i = bisect_right(lines, token_i, key=lambda line: line.start) - 1
    return i >= 0 and token_i < lines[i].end


def replace_ents(doc: Doc, winners: list[Span], keep=None, *, source: str | list[str]) -> None:
    """Make ``winners`` entities, proposed by ``source`` (one source name, or one per
    winner: ``provenance.mark``); an existing entity overlapping one is dropped,
    unless ``keep(entity, winner)`` says the old one stays (then the winner goes)."""
    if not winners:
        return
    taken: dict[int, Span] = {}
    for w in winners:
        for i in range(w.start, w.end):
            taken[i] = w
    ents, lost = [], set()
    for ent in doc.ents:
        hit = {id(taken[i]): taken[i] for i in range(ent.start, ent.end) if i in taken}
        if not hit:
            ents.append(ent)
        elif keep is not None and all(keep(ent, w) for w in hit.values()):
            ents.append(ent)
            lost.update(hit)
    winners_left = [w for w in winners if id(w) not in lost]
    # winners may overlap each other: the longest wins
    from spacy.util import filter_spans

    chosen = filter_spans(winners_left)
    used = set()
    for w in chosen:
        used.update(range(w.start, w.end))
    ents = [e for e in ents if not used.intersection(range(e.start, e.end))]
    doc.set_ents(sorted(ents + chosen, key=lambda s: s.start))
    sources = {id(w): source for w in winners} if isinstance(source, str) else \
        {id(w): found for w, found in zip(winners, source, strict=True)}
    for w in chosen:
        mark(w, sources[id(w)])


# the everyday verbs, adjectives and adverbs of each pipeline, by its vocab (``everyday_of``)
EVERYDAY: dict[int, tuple[object, frozenset[str] | None]] = {}


def everyday_of(vocab) -> frozenset[str] | None:
    """The everyday verbs, adjectives and adverbs (``everyday_words``; the nouns hold
    many surnames) of the pipeline that made a Doc with ``vocab``."""
    found = EVERYDAY.get(id(vocab))
    return found[1] if found is not None and found[0] is vocab else None


def everyday_words(nlp: Language, first_names: frozenset[str],
                   gazetteer: Gazetteer) -> tuple[frozenset[str], frozenset[str]] | None:
    """Lower-case English words from the pipeline's own lemmatizer tables (WordNet
    lemmas), less given names and place names: (all of them, the verbs, adjectives
    and adverbs only, since the noun list also holds many surnames); None when the
    pipeline has no such tables."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, AttributeError, ValueError):
        return None
    made_of = (nlp.vocab, gazetteer, table)
    memo = tuple(id(x) for x in made_of)
    known = _WORDS.get(memo)
    if known is not None and all(a is b for a, b in zip(known[0], made_of)) and known[1] == first_names:
        return known[2]  # the entity rules and the headlines component of one pipeline: made once
    noun = nlp.vocab.strings.add("noun")
    names = {n.lower() for n in first_names}
    names.update(a.lower() for a in gazetteer.match_aliases(1))
    every: set[str] = set()
    non_nouns: set[str] = set()
    for key in table.keys():
        every.update(table[key])
        if key != noun:
            non_nouns.update(table[key])
    found = frozenset(every - names), frozenset(non_nouns - names)
    _WORDS[memo] = (made_of, first_names, found)
    return found


_WORDS: dict[tuple[int, int, int], tuple[tuple, frozenset[str], tuple[frozenset[str], frozenset[str]]]] = {}
