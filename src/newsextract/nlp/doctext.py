"""A Doc's text, built once per Doc.

spaCy's ``Doc.text`` joins every token's text on each access (about a
millisecond for a news article); the components and extractors read it several
times per article. ``doc_text`` keeps it in ``doc.user_data`` and checks it
against the Doc's length in characters, so a copy carried into another Doc
(``Span.as_doc``, ``Doc.from_docs``) is never taken for that Doc's text.
"""
from __future__ import annotations

KEY = "newsextract.text"


def _length(doc) -> int:
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def doc_text(doc) -> str:
    cached = doc.user_data.get(KEY)
    if isinstance(cached, str) and len(cached) == _length(doc):
        return cached
    text = doc.text
    doc.user_data[KEY] = text
    return text


def forget_text(doc) -> None:
    doc.user_data.pop(KEY, None)
