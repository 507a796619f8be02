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
CONTEXT_CHARS = 1_000


def is_long(nlp, text: str) -> bool:
    return len(text) > min(LONG_TEXT_CHARS, nlp.max_length)


def split_points(text: str, limit: int | None = None) -> list[int]:
    """Cut positions so that no piece is longer than ``limit`` (default
    ``CHUNK_CHARS``); prefer paragraph breaks, then line breaks, then spaces,
    then a hard cut."""
    limit = limit or CHUNK_CHARS
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


def split_text(text: str, limit: int | None = None) -> list[str]:
    bounds = [0, *split_points(text, limit), len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def process_long(nlp, text: str, limit: int | None = None) -> Doc:
    """One Doc for ``text``, as if processed whole.

    The statistical components see each chunk with ``CONTEXT_CHARS`` of the
    text on either side (so a name at the start of a chunk is read in
    context) and one chunk at a time (a batch of large chunks would hold the
    parser's memory for all of them). The newsextract components after them
    then run once over the joined Doc, so document-level rules (one person
    across the article, blocks, title) see the whole article.
    """
    from .components.blocks import BLOCKS_KEY, block_spans
    from .doctext import forget_text

    names = nlp.pipe_names
    statistical = [i for i, name in enumerate(names) if not name.startswith("newsextract_")]
    tail = names[statistical[-1] + 1:] if statistical else []
    bounds = [0, *split_points(text, min(limit or CHUNK_CHARS, nlp.max_length)), len(text)]
    pieces = []
    with nlp.select_pipes(disable=tail):
        for start, end in zip(bounds, bounds[1:]):
            if end > start:
                pieces.append(_in_context(nlp, text, start, end))
    for piece in pieces:
        forget_text(piece)  # each piece's own text is not the whole one (and spaCy warns on merging it)
    doc = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])
    # the blocks (category line, title, headings) of the whole text
    if "newsextract_blocks" in names:
        doc.spans[BLOCKS_KEY] = block_spans(doc, nlp.get_pipe("newsextract_blocks").is_date_line)
    for name in tail:
        doc = nlp.get_pipe(name)(doc)
    return doc


def _in_context(nlp, text: str, start: int, end: int) -> Doc:
    """``text[start:end]`` processed with some of the text around it."""
    before = max(0, start - CONTEXT_CHARS)
    after = min(len(text), end + CONTEXT_CHARS)
    if before < start:
        line = text.find("\n", before, start)
        before = line + 1 if line != -1 else before
    doc = nlp(text[before:after])
    span = doc.char_span(start - before, end - before)
    if span is None:  # the cut falls inside a token (a hard cut): no context
        return nlp(text[start:end])
    piece = span.as_doc()
    piece.tensor = piece.tensor[:0]  # not needed downstream; keeps memory flat
    return piece
