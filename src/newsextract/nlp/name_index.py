"""Find a fixed list of names in a ``Doc`` by their text, without tokenizing the names.

spaCy's ``PhraseMatcher`` needs every name tokenized into ``Doc`` objects
first, which creates a lexeme for each new word: for the gazetteer's ~6,000
place names that alone cost about half a second at start-up. ``NameIndex``
keeps the names as strings, bucketed by their first run of word characters
("St" for "St. Louis", "Guinea" for "Guinea-Bissau"), and checks, at each token
whose own first word-run opens a bucket, which names the text there starts
with. A match must end on a token boundary, so it covers whole tokens exactly
as a ``PhraseMatcher`` on ``ORTH`` would. Tokens are screened by their ``ORTH``
hashes (``Doc.to_array``), so only the few that may open a name become
``Token`` objects.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.attrs import ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc

from .doctext import doc_text

_HEAD = re.compile(r"\w+")


def _head(text: str) -> str | None:
    found = _HEAD.match(text)
    return found.group() if found else None


def _first_tokens(name: str) -> set[str]:
    """What the tokenizer may make of a name's first word: its first word-run
    ("Guinea" of "Guinea-Bissau"), with a stop ("St."), or the whole word
    ("U.S.", "Washington" of "Washington, D.C.")."""
    word = name.split()[0]
    head = _head(name) or word
    return {head, head + ".", word, word.rstrip(",;:"), word.split("-")[0]}


class NameIndex:
    """Names (labelled) looked up by the text at each token."""

    def __init__(self) -> None:
        self._buckets: dict[str, list[tuple[str, str]]] = {}
        self._keys: frozenset[int] = frozenset()

    def add(self, label: str, names: Iterable[str]) -> None:
        buckets = self._buckets
        keys: set[str] = set()
        for name in names:
            head = _head(name)
            if head is not None and name == name.strip():
                buckets.setdefault(head, []).append((name, label))
                keys.update(_first_tokens(name))
        self._keys = self._keys.union(hash_string(k) for k in keys)

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """``(label, start, end)`` for every name found, nested and overlapping ones included."""
        buckets, keys = self._buckets, self._keys
        text = doc_text(doc)
        ends: dict[int, int] | None = None
        out = []
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            if orth not in keys:
                continue
            token = doc[i]
            bucket = buckets.get(token.text if token.is_alpha else _head(token.text) or "")
            if bucket is None:
                continue
            start = token.idx
            for name, label in bucket:
                if not text.startswith(name, start):
                    continue
                if ends is None:
                    ends = {t.idx + len(t): t.i + 1 for t in doc}
                end = ends.get(start + len(name))
                if end is not None:
                    out.append((label, token.i, end))
        return out
