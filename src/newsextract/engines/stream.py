"""The streaming loop every engine shares: ``--jobs`` worker processes
(``engines.processes``) and a Dask cluster (``engines.dask``).

- Bounded: inputs are read lazily and cut into batches (``process.batches``); at
  most ``limit`` batches are in flight, so memory stays flat however long the input.
- In order: records come back in input order, batch after batch.
- Crash isolation: when the executor loses a batch (a worker process died, a
  task kept killing Dask workers) the batches it lost are redone one article at
  a time, so only the article at fault gets an error record (``failed_record``).

An engine is a ``Backend``: ``submit`` a batch, get its ``result`` (raising
``Crashed`` when the executor lost it), say which in-flight tasks a crash cost
(``lost``), and what to do after an article alone crashed it (``after_crash``).
"""
from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Protocol

from ..records import Article, failed_record
from ..process import batches
from ..io.inputs import ArticleInput


class Crashed(Exception):
    """The executor lost a task (not an error of the articles: those are records)."""


@dataclass
class Task:
    batch: list[ArticleInput]
    handle: Any
    done: list[Article] | None = None  # set once its records are known


class Backend(Protocol):
    crash_message: str  # the error message of an article that crashes the executor alone

    def submit(self, batch: list[ArticleInput]) -> Any: ...

    def result(self, handle: Any) -> list[Article]: ...

    def lost(self, pending: deque[Task]) -> list[Task]: ...

    def after_crash(self) -> None: ...


def stream(items: Iterable[ArticleInput], backend: Backend, *, size: int, limit: int) -> Iterator[Article]:
    """Records for ``items`` in input order, batches of ``size`` run by ``backend``,
    at most ``limit`` of them in flight."""
    todo = batches(items, size=size)
    pending: deque[Task] = deque()
    while True:
        while len(pending) < limit and (batch := next(todo, None)) is not None:
            pending.append(Task(batch, backend.submit(batch)))
        if not pending:
            return
        head = pending[0]
        if head.done is None:
            try:
                head.done = backend.result(head.handle)
            except Crashed:
                for task in backend.lost(pending):
                    task.done = [_alone(backend, item) for item in task.batch]
        pending.popleft()
        yield from head.done


def _alone(backend: Backend, item: ArticleInput) -> Article:
    try:
        (article,) = backend.result(backend.submit([item]))
        return article
    except Crashed:
        backend.after_crash()
        return failed_record(item, "processing", f"{item.source}: {backend.crash_message}")


def worker_count(jobs: int) -> int:
    """``jobs`` workers; 0 (or less) means one per core available to this process."""
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)
