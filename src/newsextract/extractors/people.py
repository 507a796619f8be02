"""People: PERSON entities merged into one entry per real person.

- The entry is named by the fullest form in the article ("Mark Carney").
- Surname-only mentions ("Carney", "CARNEY") join the person with that surname
  mentioned most recently before them (or the first one after them); two
  people who share a surname ("Bill Clinton", "Hillary Clinton") stay apart.
- Roles found beside any mention (``doc.spans["person_titles"]``) go to
  ``titles``, written out ("PM" -> "Prime Minister"), each once.
- A sentence that starts with "He" or "She" right after a sentence that names
  exactly one person adds that pronoun as a mention of the person.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..article import Person
from ..components.person_titles import TITLES_KEY
from .mentions import mention

PRONOUNS = {"he", "she"}
POSSESSIVE = {"'s", "’s"}


@dataclass
class _Cluster:
    words: tuple[str, ...]
    spans: list[Span] = field(default_factory=list)

    @property
    def surname(self) -> str:
        return self.words[-1]

    def same_person(self, words: tuple[str, ...]) -> bool:
        if words == self.words:
            return True
        if len(words) < 2 or len(self.words) < 2:
            return False
        return words[-1] == self.surname and words[0] == self.words[0]


def _words(span: Span) -> tuple[str, ...]:
    return tuple(t.text.casefold() for t in span if not t.is_punct or t.text.endswith("."))


def _display(span: Span) -> str:
    text = " ".join(span.text.split())
    return text.title() if text.isupper() and len(text) > 3 else text


def extract_people(doc: Doc) -> list[Person]:
    ents = [e for e in doc.ents if e.label_ == "PERSON"]
    clusters: list[_Cluster] = []
    # full names first, so that a surname can join a full name mentioned later
    for ent in ents:
        words = _words(ent)
        if len(words) < 2:
            continue
        for cluster in clusters:
            if cluster.same_person(words):
                if len(words) > len(cluster.words):
                    cluster.words = words
                break
        else:
            clusters.append(_Cluster(words))
    for ent in ents:
        words = _words(ent)
        if not words:
            continue
        target = _place_mention(ent, words, clusters)
        if target is None:
            target = _Cluster(words)
            clusters.append(target)
        target.spans.append(ent)
    clusters = [c for c in clusters if c.spans]
    _add_pronouns(doc, clusters)
    titles = _titles_by_mention(doc)
    people = []
    for cluster in sorted(clusters, key=lambda c: min(s.start for s in c.spans)):
        spans = sorted(cluster.spans, key=lambda s: s.start)
        named = [s for s in spans if s[0].lower_ not in PRONOUNS]
        best = max(named, key=lambda s: (len(_words(s)), not s.text.isupper(), -s.start))
        person = Person(name=_display(best))
        seen: set[str] = set()
        for span in spans:
            person.mentions.append(mention(span))
            for role in titles.get((span.start, span.end), []):
                if role.casefold() not in seen:
                    seen.add(role.casefold())
                    person.titles.append(role)
        people.append(person)
    return people


def _place_mention(ent: Span, words: tuple[str, ...], clusters: list[_Cluster]) -> _Cluster | None:
    if len(words) >= 2:
        return next((c for c in clusters if c.same_person(words)), None)
    candidates = [c for c in clusters if c.words == words or len(c.words) > 1 and c.surname == words[0]]
    if not candidates:
        # a first name alone joins the only person with that first name
        firsts = [c for c in clusters if len(c.words) > 1 and c.words[0] == words[0]]
        return firsts[0] if len(firsts) == 1 else None
    if len(candidates) == 1:
        return candidates[0]
    before = [(max(s.start for s in c.spans if s.start < ent.start), c) for c in candidates
              if any(s.start < ent.start for s in c.spans)]
    if before:
        return max(before, key=lambda pair: pair[0])[1]
    return min(candidates, key=lambda c: min((s.start for s in c.spans), default=len(ent.doc)))


def _add_pronouns(doc: Doc, clusters: list[_Cluster]) -> None:
    """"He"/"She" opening the sentence after one that names exactly one person."""
    if not clusters or not doc.has_annotation("SENT_START"):
        return
    owner = {}
    for cluster in clusters:
        for span in cluster.spans:
            owner[span.start] = cluster
    sents = list(doc.sents)
    for prev, sent in zip(sents, sents[1:]):
        first = sent[0]
        if first.lower_ not in PRONOUNS or first.text[0].islower():
            continue
        named = {id(owner[i]): owner[i] for i in range(prev.start, prev.end) if i in owner}
        if len(named) == 1:
            cluster = next(iter(named.values()))
            cluster.spans.append(doc[first.i:first.i + 1])


def _titles_by_mention(doc: Doc) -> dict[tuple[int, int], list[str]]:
    """Roles keyed by the (start, end) token span of the name they stand beside."""
    out: dict[tuple[int, int], list[str]] = {}
    titles = list(doc.spans.get(TITLES_KEY, []))
    if not titles:
        return out
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    for role in titles:
        for ent in people:
            if role.kb_id_ == "before" and role.end == ent.start:
                out.setdefault((ent.start, ent.end), []).append(role.label_)
            elif role.kb_id_ == "after" and ent.end < role.start <= ent.end + 4 \
                    and doc[ent.end].text == ",":
                out.setdefault((ent.start, ent.end), []).append(role.label_)
    return out
