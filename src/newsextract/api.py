"""The library API: ``extract`` one text, ``extract_many`` a stream of inputs, on the
engine asked for (this process, ``--jobs`` worker processes).

Imports run one way: cli → api → engines → core (processing) → facts and
components → lexicon → records (see ARCHITECTURE.md). A failure in one article
becomes that article's error record; it never stops the others.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Iterable, Iterator, Mapping

from .records import Article
from .process import BATCH_SIZE, batches, process_batch
from .facts.confidence import keep_confident
from .io.inputs import ArticleInput, as_input

Published = str | date | datetime | None
BYTES = (bytes, bytearray, memoryview)


def extract(text: str | bytes, *, published: Published = None, title: str | None = None,
            id: str | None = None, url: str | None = None, nlp=None,
            min_confidence: float | None = None, keep_all: bool = False) -> Article:
    """Extract people, places, organizations, dates and commitments from one article.

    ``text`` is a ``str``, or ``bytes`` decoded as the command line decodes a file
    (UTF-8, with or without a BOM, else the legacy encoding it reads as; a page
    when it looks like HTML; binary data gives an error record). ``published``
    is an ISO date string, a ``datetime.date`` or a ``datetime.datetime``; a
    value that is no date, or a relative one ("yesterday"), raises ``ValueError``.
    """
    if isinstance(text, BYTES):
        item = _from_bytes(bytes(text), source="<bytes>", id=id or "text")
    elif isinstance(text, str):
        item = ArticleInput(source="<text>", id=id or "text", text=text)
    else:
        raise TypeError(f"extract() takes the article as str or bytes, not {type(text).__name__}")
    item.title, item.url = title or item.title, url or item.url
    item.published = published_value(published) or item.published
    return next(extract_many([item], nlp=nlp, min_confidence=min_confidence, keep_all=keep_all))


def extract_many(inputs: Iterable[ArticleInput | str | bytes | Mapping[str, Any]], *, nlp=None,
                 model: str | None = None, patterns: str | None = None, jobs: int = 1,
                 batch_size: int = BATCH_SIZE, include_text: bool = False,
                 min_confidence: float | None = None, keep_all: bool = False,
                 published: Published = None) -> Iterator[Article]:
    """Stream ``Article`` records in input order.

    ``inputs`` are ``ArticleInput`` objects, plain strings, bytes (decoded as
    ``extract`` does), or mappings with a ``text`` field (as in JSON Lines).
    ``published`` (as for ``extract``) is the date of the inputs that carry none
    of their own, as ``--published`` is on the command line. ``jobs`` > 1 uses
    worker processes, each loading the pipeline once; ``jobs`` 0 means one per core.
    People, places and organizations whose confidence is below
    ``min_confidence`` are left out (None: the shipped default per kind,
    chosen for precision); ``keep_all`` keeps every one.
    """
    least = 0.0 if keep_all else min_confidence
    default = published_value(published)  # a bad value raises here, before any work
    items = _with_default(((_from_bytes(bytes(x), source=f"<bytes {i}>", id=str(i)) if isinstance(x, BYTES)
                            else as_input(x, i)) for i, x in enumerate(inputs, 1)), default)
    if jobs != 1:
        from .engines.processes import extract_parallel

        for article in extract_parallel(items, jobs=jobs, model=model, patterns=patterns,
                                        batch_size=batch_size, include_text=include_text):
            yield keep_confident(article, least)
        return
    if nlp is None:
        from .nlp.pipeline import shared

        nlp = shared(model, patterns=patterns)
    for batch in batches(items, size=batch_size):
        for article in process_batch(nlp, batch, include_text=include_text):
            yield keep_confident(article, least)


def published_value(value: Published) -> str | None:
    """``published`` as the records write it (ISO 8601), or None; ``ValueError`` for a
    string that is no date or only a relative one, ``TypeError`` for anything else."""
    if value is None:
        return None
    if isinstance(value, datetime):  # before date: a datetime is a date too
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"published must be a str, datetime.date or datetime.datetime, not {type(value).__name__}")
    from .io.dateutil import read_published

    normalized, why = read_published(value)
    if normalized is None:
        raise ValueError(f"published={value!r}: {why}")
    return normalized


def _with_default(items: Iterable[ArticleInput], published: str | None) -> Iterator[ArticleInput]:
    for item in items:
        if published is not None and item.published is None and item.error is None:
            item.fallback_published = published
        yield item


def _from_bytes(data: bytes, *, source: str, id: str) -> ArticleInput:
    """One article's bytes as the command line reads a file or standard input."""
    from .io.inputs import _html_input, _text_input, looks_like_html

    return (_html_input if looks_like_html(data) else _text_input)(data, source=source, id=id)
