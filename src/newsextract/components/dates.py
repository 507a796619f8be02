"""``newsextract_dates``: temporal expressions as ``doc.spans["dates"]``.

Each span's label is its TIMEX3 type (DATE, TIME, DURATION, SET). Values are
computed later by ``extractors.dates`` because they need the article's anchor.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

DATES_KEY = "dates"
_PREPOSITIONS = {"on", "in", "at", "by", "since", "until", "from", "during", "for", "of"}


class DatesComponent:
    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            start = ent.start
            while start < ent.end and doc[start].lower_ in _PREPOSITIONS:
                start += 1
            if start < ent.end:
                spans.append(Span(doc, start, ent.end, label=ent.label_))
        doc.spans[DATES_KEY] = spans
        return doc


@Language.factory("newsextract_dates", assigns=["doc.spans"], default_config={})
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent()
