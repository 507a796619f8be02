"""Texts longer than the pipeline's ``max_length``: processed in chunks cut at
line breaks (or spaces), joined back into one Doc whose text is the original,
so offsets stay exact into the full text."""
from __future__ import annotations

from spacy.tokens import Doc

CHUNK_CHARS = 100_000


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
    chunks = split_text(text, min(limit, nlp.max_length))
    docs = list(nlp.pipe(chunks))
    return Doc.from_docs(docs, ensure_whitespace=False)
