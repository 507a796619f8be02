"""Confidence: how sure we are that a person, place or organization is right.

A logistic model over the entry's evidence (``extractors.evidence``): each kind
of evidence has a weight per kind of entry, learned on annotated news (bbc_gold
dev and CoNLL-2003 dev, by ``tools/fit_confidence.py``) and shipped as data in
``models/confidence.json``, where it can be read. confidence = 1 / (1 + e^-(bias
+ sum of the weights of the entry's evidence)). The file also holds the default
threshold per kind of entry, chosen for precision: entries below it are left
out of the output unless the caller asks for them (``min_confidence=0``).
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from .. import lexicon

KINDS = ("people", "places", "organizations")


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    data = lexicon.json("confidence.json")
    for kind in KINDS:
        if kind not in data.get("kinds", {}):
            raise ValueError(f"models/confidence.json: no weights for {kind!r}")
    return data


def score(kind: str, evidence: list[str]) -> float:
    """The calibrated confidence (0-1, three decimals) of an entry of ``kind`` with ``evidence``."""
    from .evidence import features

    m = model()["kinds"][kind]
    weights = m["weights"]
    z = m["bias"] + sum(weights.get(f, 0.0) for f in features(evidence))
    return round(1.0 / (1.0 + math.exp(-z)), 3)


def threshold(kind: str) -> float:
    """The default threshold for ``kind``: entries below it are left out."""
    return float(model()["kinds"][kind]["threshold"])
