"""The library API: ``extract`` one text, ``extract_many`` a stream of inputs, on the
engine asked for (this process, ``--jobs`` worker processes).

Imports run one way: cli → api → engines → core (processing) → facts and
components → lexicon → records (see ARCHITECTURE.md). A failure in one article
becomes that article's error record; it never stops the others.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping

from .article import Article
from .core import BATCH_SIZE, batches, process_batch
from .dateutil import normalize_published
from .inputs import ArticleInput, as_input


def extract(text: str, *, published: str | None = None, title: str | None = None,
            id: str | None = None, url: str | None = None, nlp=None,
            min_confidence: float | None = None, keep_all: bool = False) -> Article:
    """Extract people, places, organizations, dates and commitments from one article."""
    item = ArticleInput(source="<text>", id=id or "text", text=text, title=title, url=url,
                        published=normalize_published(published) if published else None)
    return next(extract_many([item], nlp=nlp, min_confidence=min_confidence, keep_all=keep_all))


def extract_many(inputs: Iterable[ArticleInput | str | Mapping[str, Any]], *, nlp=None,
                 model: str | None = None, patterns: str | None = None, jobs: int = 1,
                 batch_size: int = BATCH_SIZE, include_text: bool = False,
                 min_confidence: float | None = None, keep_all: bool = False) -> Iterator[Article]:
    """Stream ``Article`` records in input order.

    ``inputs`` are ``ArticleInput`` objects, plain strings, or mappings with a
    ``text`` field (as in JSON Lines). ``jobs`` > 1 uses worker processes,
    each loading the pipeline once; ``jobs`` 0 means one per core.
    People, places and organizations whose confidence is below
    ``min_confidence`` are left out (None: the shipped default per kind,
    chosen for precision); ``keep_all`` keeps every one.
    """
    least = 0.0 if keep_all else min_confidence
    items = (as_input(x, i) for i, x in enumerate(inputs, 1))
    if jobs != 1:
        from .parallel import extract_parallel

        for article in extract_parallel(items, jobs=jobs, model=model, patterns=patterns,
                                        batch_size=batch_size, include_text=include_text):
            yield article.keep_confident(least)
        return
    if nlp is None:
        from .pipeline import shared

        nlp = shared(model, patterns=patterns)
    for batch in batches(items, size=batch_size):
        for article in process_batch(nlp, batch, include_text=include_text):
            yield article.keep_confident(least)
