"""``newsextract_blocks``: text structure into the Doc, before the statistical model.

Sets a sentence start at every block (line) so that the parser never joins a
heading to the paragraph after it, and records the blocks as ``doc.spans["blocks"]``
labelled ``meta``, ``title``, ``heading`` or ``paragraph``. The parsed structure
itself (``structure.parse``: the blocks, the title and the category line) is kept
for ``process.build_article`` (``structure_of``), which would otherwise parse it again.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...io import structure
from ..doctext import doc_text
from .carried import Carried

BLOCKS_KEY = "blocks"
# in doc.user_data, as plain values (a Doc's user_data must stay serializable):
# (the text parsed, its category, its title, its blocks as (start, end, kind))
STRUCTURE_KEY = "newsextract.structure"


class BlocksComponent(Carried):
    """Data (``initialize``, kept by ``to_disk``): the date word classes
    (``models/date_words.json``) and the words that may open a date line
    (``lexicon.date_line_labels``), which tell a line that is only a date."""

    def gather(self) -> dict:
        from ... import lexicon
        from ...timex.lexicon import words

        return {"date_words": words(), "date_line_labels": lexicon.date_line_labels()}

    def build(self, data: dict) -> None:
        from ...io.dateline import date_line_pattern
        from ...timex.lexicon import placeholders_of

        only_date = date_line_pattern(placeholders_of(data["date_words"]), data["date_line_labels"])
        self.is_date_line = lambda line: only_date.fullmatch(line.strip()) is not None

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        spans = block_spans(doc, self.is_date_line)
        for span in spans:
            doc[span.start].is_sent_start = True
            for token in span[1:]:
                if token.i > 0 and "\n" in doc[token.i - 1].text:
                    token.is_sent_start = True
        # the token right after a block (usually a newline) starts a new sentence too
        for span in spans:
            if span.end < len(doc):
                doc[span.end].is_sent_start = True
        doc.spans[BLOCKS_KEY] = spans
        return doc


def block_spans(doc: Doc, is_date_line=None) -> list[Span]:
    """The text's blocks as spans labelled with their kind (the structure is kept:
    ``structure_of``); ``is_date_line`` as for ``structure.parse``."""
    text = doc_text(doc)
    parsed = structure.parse(text, is_date_line)
    doc.user_data[STRUCTURE_KEY] = (text, parsed.category, parsed.title,
                                    [(b.start, b.end, b.kind) for b in parsed.blocks])
    spans = []
    for block in parsed.blocks:
        span = doc.char_span(block.start, block.end, label=block.kind, alignment_mode="expand")
        if span is not None and len(span) > 0:
            spans.append(span)
    return spans


def structure_of(doc: Doc, text: str) -> structure.Structure | None:
    """The structure ``block_spans`` parsed, if it parsed exactly ``text``; else None."""
    found = doc.user_data.get(STRUCTURE_KEY)
    if found is None or found[0] != text:
        return None
    _, category, title, blocks = found
    return structure.Structure(category=category, title=title,
                               blocks=tuple(structure.Block(*b) for b in blocks))


@Language.factory("newsextract_blocks", assigns=["token.is_sent_start", "doc.spans"], default_config={})
def make_blocks(nlp: Language, name: str) -> BlocksComponent:
    return BlocksComponent()
