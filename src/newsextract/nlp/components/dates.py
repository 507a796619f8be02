"""``newsextract_dates``: temporal expressions as ``doc.spans["dates"]``.

Each span's label is its TIMEX3 type (DATE, TIME, DURATION, SET) and its
``span._.nx_date_rule`` (``provenance.date_rule``) the rule that found it. The rules (``models/date_patterns.jsonl``, over
the word classes of ``models/date_words.json``) are matched over the text, the
parse vetoes readings it contradicts (``timex.vetoes``: "May" as a modal verb,
"2000" as an amount), and the longest match wins. Extents follow TimeML:
determiners and modifiers in, prepositions out ("on Monday" gives "Monday").
Values are computed later by ``facts.dates`` because they need the
article's anchor.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..doctext import doc_text
from ...timex import grammar
from ...timex.vetoes import Vetoes
from .carried import Carried
from .provenance import set_date_rule

DATES_KEY = "dates"


class DatesComponent(Carried):
    """Data (``initialize``, kept by ``to_disk``): the rules of ``date_patterns.jsonl``
    and the word classes of ``date_words.json``."""

    def gather(self, *, patterns: list[dict] | None = None) -> dict:
        from ... import lexicon
        from ...timex.lexicon import words

        return {"patterns": lexicon.jsonl("date_patterns.jsonl") if patterns is None else patterns,
                "date_words": words()}

    def build(self, data: dict) -> None:
        from ...timex.lexicon import placeholders_of

        words = data["date_words"]
        self.rules = grammar.compile_rules(data["patterns"], placeholders_of(words))  # compiled once
        self.triggers = grammar.triggers_of(words)
        self.vetoes = Vetoes(words)

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        found = []
        text = doc_text(doc)
        for start, end, index in grammar.candidates(text, self.rules, self.triggers):
            rule = self.rules[index]
            span = _span(doc, start, end)
            if span is not None and self.vetoes.plausible(span, rule, text):
                found.append((start, -(end - start), index, span))
        found.sort(key=lambda c: c[:3])
        spans, taken = [], -1
        for start, _, index, span in found:
            if span.start_char >= taken and span.start >= (spans[-1].end if spans else 0):
                rule = self.rules[index]
                spans.append(set_date_rule(Span(doc, span.start, span.end, label=rule.label), rule.id))
                taken = span.end_char
        doc.spans[DATES_KEY] = spans
        return doc


def _span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens of a match; None when the match cuts a token ("years.perhaps")."""
    return doc.char_span(start, end, alignment_mode="strict")


@Language.factory("newsextract_dates", assigns=["doc.spans", "span._.nx_date_rule"], requires=["token.pos"],
                  default_config={})
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent()
