"""Helpers shared by the entity extractors."""
from __future__ import annotations

from spacy.tokens import Span

from ..article import Mention


def mention(span: Span) -> Mention:
    return Mention(text=span.text, start=span.start_char, end=span.end_char)
