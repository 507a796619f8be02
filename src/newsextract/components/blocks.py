"""``newsextract_blocks``: text structure into the Doc, before the statistical model.

Sets a sentence start at every block (line) so that the parser never joins a
heading to the paragraph after it, and records the blocks as ``doc.spans["blocks"]``
labelled ``meta``, ``title``, ``heading`` or ``paragraph``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import structure
from ..doctext import doc_text

BLOCKS_KEY = "blocks"


class BlocksComponent:
    def __call__(self, doc: Doc) -> Doc:
        spans = block_spans(doc)
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


def block_spans(doc: Doc) -> list[Span]:
    """The text's blocks as spans labelled with their kind."""
    spans = []
    for block in structure.parse(doc_text(doc)).blocks:
        span = doc.char_span(block.start, block.end, label=block.kind, alignment_mode="expand")
        if span is not None and len(span) > 0:
            spans.append(span)
    return spans


@Language.factory("newsextract_blocks", assigns=["token.is_sent_start", "doc.spans"], default_config={})
def make_blocks(nlp: Language, name: str) -> BlocksComponent:
    return BlocksComponent()
