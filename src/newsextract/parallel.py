"""``--jobs N``: worker processes, each loading the pipeline once; output order kept."""
from __future__ import annotations

import multiprocessing as mp
import os
from itertools import islice
from typing import Iterable, Iterator

from .article import Article
from .inputs import ArticleInput

_NLP = None
_INCLUDE_TEXT = False


def _init(model: str | None, patterns: str | None, include_text: bool) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    global _NLP, _INCLUDE_TEXT
    from .pipeline import load

    _NLP = load(model, patterns=patterns)
    _INCLUDE_TEXT = include_text


def _work(batch: list[ArticleInput]) -> list[Article]:
    from .core import process_batch

    return process_batch(_NLP, batch, include_text=_INCLUDE_TEXT)


def _batches(items: Iterable[ArticleInput], size: int) -> Iterator[list[ArticleInput]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def worker_count(jobs: int) -> int:
    return max(1, os.cpu_count() or 1) if jobs <= 0 else jobs


def extract_parallel(items: Iterable[ArticleInput], *, jobs: int, model: str | None,
                     patterns: str | None, batch_size: int, include_text: bool) -> Iterator[Article]:
    n = worker_count(jobs)
    size = max(1, min(batch_size, 8))
    ctx = mp.get_context("spawn" if os.name != "posix" else "forkserver")
    with ctx.Pool(n, initializer=_init, initargs=(model, patterns, include_text)) as pool:
        for articles in pool.imap(_work, _batches(items, size)):
            yield from articles
