"""Helpers shared by the entity components: headline-case lines and entity replacement."""
from __future__ import annotations

from spacy.tokens import Doc, Span

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
