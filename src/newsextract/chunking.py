"""Long texts: processed in chunks cut at paragraph breaks (else line breaks,
spaces, or a hard cut), one chunk at a time, then joined back into one Doc
whose text is the original, so offsets stay exact into the full text and the
extractors see the whole article at once (people merged across chunks).

Texts longer than ``LONG_TEXT_CHARS`` take this path even below spaCy's
``max_length``: the parser's memory grows with the text, and sentences and
entities never cross a block, so cutting between paragraphs loses nothing.
"""
from __future__ import annotations

from spacy.tokens import Doc

CHUNK_CHARS = 20_000
LONG_TEXT_CHARS = 100_000


def is_long(nlp, text: str) -> bool:
    return len(text) > min(LONG_TEXT_CHARS, nlp.max_length)


def split_points(text: str, limit: int = CHUNK_CHARS) -> list[int]:
    """Cut positions so that no piece is longer than ``limit``; prefer paragraph
    breaks, then line breaks, then spaces, then a hard cut."""
    cuts, start, n = [], 0, len(text)
    while n - start > limit:
        window_end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", " "):
            found = text.rfind(sep, start + limit // 2, window_end)
            if found != -1:
                cut = found + len(sep)
                break
        if cut == -1:
            cut = window_end
        cuts.append(cut)
        start = cut
    return cuts


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    bounds = [0, *split_points(text, limit), len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def process_long(nlp, text: str, limit: int = CHUNK_CHARS) -> Doc:
    """One Doc for ``text``; chunks go through the pipeline one at a time (a
    batch of large chunks would hold the parser's memory for all of them)."""
    from .components.blocks import BLOCKS_KEY, block_spans

    chunks = split_text(text, min(limit, nlp.max_length))
    docs = list(nlp.pipe(chunks, batch_size=1))
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
    # each chunk saw its first line as the article's first: redo the blocks
    # (title, category line, headings) over the whole text
    if BLOCKS_KEY in doc.spans:
        doc.spans[BLOCKS_KEY] = block_spans(doc)
    return doc
