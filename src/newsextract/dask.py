"""``newsextract.dask``, the library path the README documents for the Dask engine:
``extract_bag`` and ``read_articles`` (they live in ``newsextract.engines.dask``)."""
from __future__ import annotations

from .engines.dask import extract_bag, read_articles

__all__ = ["extract_bag", "read_articles"]
