"""Confidence: how sure we are that a person, place or organization is right.

A logistic model over the entry's evidence (``facts.evidence``): each kind
of evidence has a weight per kind of entry, learned on annotated news (bbc_gold
dev and CoNLL-2003 dev, by ``tools/fit_confidence.py``) and shipped as data in
``models/confidence.json``, where it can be read. Its score = 1 / (1 + e^-(bias
+ sum of the weights of the entry's evidence)). The file also holds the default
threshold per kind of entry, chosen for precision: entries below it are left
out of the output unless the caller asks for them (``min_confidence=0``).

The logistic score alone is not calibrated where the annotated entries are few
(its middle range): each kind may carry a ``calibration``, knots ``[score,
share right]`` of an isotonic (monotone) fit of the share of entries right
against the logistic score on annotated BBC news, smoothed and joined by straight
lines; the confidence is that line read at the entry's logistic score. The
mapping only ever rises, so more evidence for an entry never lowers it.
"""
from __future__ import annotations

import math
from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .. import lexicon

if TYPE_CHECKING:  # pragma: no cover
    from ..records import Article

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
    return round(calibrate(m.get("calibration"), 1.0 / (1.0 + math.exp(-z))), 3)


def calibrate(knots: list[list[float]] | None, raw: float) -> float:
    """The calibrated confidence of a logistic score: the line through ``knots`` (``[score,
    share right]``, scores rising, from 0 to 1) read at ``raw``; ``raw`` itself without knots."""
    if not knots:
        return raw
    i = bisect_right([k[0] for k in knots], raw)
    if i == 0:
        return knots[0][1]
    if i == len(knots):
        return knots[-1][1]
    (x0, y0), (x1, y1) = knots[i - 1], knots[i]
    return y0 + (y1 - y0) * (raw - x0) / (x1 - x0) if x1 > x0 else y1


def threshold(kind: str) -> float:
    """The default threshold for ``kind``: entries below it are left out."""
    return float(model()["kinds"][kind]["threshold"])


def keep_confident(article: "Article", min_confidence: float | None = None) -> "Article":
    """Leave out the people, places and organizations of ``article`` whose confidence is
    below ``min_confidence`` (None: each kind's default threshold, chosen for
    precision; 0: keep everything). Returns the article itself."""
    for kind in ("people", "places", "organizations"):
        least = threshold(kind) if min_confidence is None else min_confidence
        entries = getattr(article, kind)
        if least > 0 and entries:
            setattr(article, kind, [e for e in entries if e.confidence is None or e.confidence >= least])
    return article
