"""The anchor for relative dates when the input gives no publication date:
a dateline at the top of the text ("WASHINGTON, March 3 (Reuters) -")."""
from __future__ import annotations

import re

_ISO = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def find_anchor(text: str) -> str | None:
    """An ISO date from a dateline in the first lines of ``text``, or None."""
    head = text[:300]
    match = _ISO.search(head)
    if match:
        from .dateutil import normalize_published

        return normalize_published(match.group(1))
    return None
