"""newsextract: people, places, dates and commitments from English news articles.

The heavy parts (spaCy, dateparser) are imported only when first used, so that
``import newsextract`` and ``newsextract --help`` stay fast.
"""
from __future__ import annotations

TYPE_CHECKING = False  # not from typing: the command installs its signal handlers after this import

__version__ = "0.1.0"
SCHEMA_VERSION = 1

__all__ = ["Article", "ArticleInput", "extract", "extract_many", "load", "__version__", "SCHEMA_VERSION"]

if TYPE_CHECKING:  # pragma: no cover
    from .records import Article
    from .api import extract, extract_many
    from .io.inputs import ArticleInput
    from .nlp.pipeline import load

_LAZY = {
    "Article": ("records", "Article"),
    "ArticleInput": ("io.inputs", "ArticleInput"),
    "extract": ("api", "extract"),
    "extract_many": ("api", "extract_many"),
    "load": ("nlp.pipeline", "load"),
}


def __dir__() -> list[str]:
    """The lazy attributes too, so that ``dir(newsextract)`` and completion show them."""
    return sorted(set(__all__) | set(_LAZY))


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(f".{module}", __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'newsextract' has no attribute {name!r}")
