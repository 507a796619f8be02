"""Temporal expressions (TIMEX3): one grammar for finding them and for their values.

- ``lexicon``: the word classes of ``models/date_words.json`` (months, units, numbers, ...).
- ``grammar``: the rules of ``models/date_patterns.jsonl`` compiled once, for search and full match.
- ``calendar``: date arithmetic and TIMEX3 value formatting (weeks, quarters, seasons).
- ``resolve``: a matched rule plus an anchor date (and the sentence's tense) to a TIMEX3 value.
- ``absolute``: dateparser for absolute dates that no rule decides.
"""
from __future__ import annotations

from .normalize import Timex, interpret, normalize

__all__ = ["Timex", "interpret", "normalize"]
