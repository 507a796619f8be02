"""``--jobs N``: worker processes, each loading the pipeline once; output order kept.

Streaming: inputs are cut into small batches and at most ``AHEAD`` batches per
worker are in flight, so the input is read lazily and memory stays flat however
many articles there are. Records come back in input order.

Failures: an article that raises gets its own error record (``process_batch``);
a worker that cannot load the pipeline stops the run with the load error (one
``NewsextractError``, which the CLI reports as one line, exit 2); a worker
process that dies (a crash, the OOM killer) breaks the pool: the pool is
restarted and the unfinished articles are run again one at a time, so that
only the article that kills a worker gets an error record.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Iterable, Iterator

from .article import Article
from .core import batches as core_batches
from .errors import ModelNotFoundError, NewsextractError
from .inputs import ArticleInput

AHEAD = 2  # batches in flight per worker: one running, one queued
WORKER_BATCH = 16  # articles per task (and at most core.BATCH_CHARS characters): small for smooth progress

_NLP = None
_SETTINGS: tuple[str | None, str | None, bool] = (None, None, False)


def _init(model: str | None, patterns: str | None, include_text: bool) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    global _SETTINGS
    _SETTINGS = (model, patterns, include_text)


def _work(batch: list[ArticleInput]) -> tuple[str, object]:
    """Run in a worker: ``("ok", articles)`` or ``("load_error", exception)``."""
    global _NLP
    model, patterns, include_text = _SETTINGS
    if _NLP is None:
        try:
            from .pipeline import shared_for_run

            _NLP = shared_for_run(model, patterns=patterns)
        except NewsextractError as exc:
            return "load_error", exc
        except Exception as exc:  # e.g. a broken pipeline folder: report it, never hang
            return "load_error", ModelNotFoundError(
                f"a worker process cannot load the pipeline: {type(exc).__name__}: {exc}")
    from .core import process_batch

    return "ok", process_batch(_NLP, batch, include_text=include_text)


def worker_count(jobs: int) -> int:
    """``jobs`` workers; 0 (or less) means one per core available to this process."""
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass
class _Task:
    batch: list[ArticleInput]
    future: Future
    done: list[Article] | None = None  # set when recovered after a worker died


class _Pool:
    """A process pool that can be restarted after a worker dies."""

    def __init__(self, n: int, initargs: tuple) -> None:
        self.n, self.initargs = n, initargs
        self.ctx = mp.get_context("forkserver" if os.name == "posix" else "spawn")
        self.executor = self._start()
        self.results = 0  # batches that came back: 0 after a break means workers cannot start

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.n, mp_context=self.ctx, initializer=_init, initargs=self.initargs)

    def submit(self, batch: list[ArticleInput]) -> Future:
        return self.executor.submit(_work, batch)

    def restart(self) -> None:
        self.stop()
        self.executor = self._start()

    def stop(self) -> None:
        """Stop now: cancel queued work and end the workers (no waiting on a long batch)."""
        executor = self.executor
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)

    def result(self, future: Future) -> list[Article]:
        try:
            status, payload = future.result()
        except BrokenProcessPool:
            if self.results == 0:
                raise NewsextractError("worker processes died before processing anything; "
                                       "run without --jobs to see why") from None
            raise
        self.results += 1
        if status == "load_error":
            raise payload  # type: ignore[misc]
        return payload  # type: ignore[return-value]


def extract_parallel(items: Iterable[ArticleInput], *, jobs: int, model: str | None,
                     patterns: str | None, batch_size: int, include_text: bool) -> Iterator[Article]:
    n = worker_count(jobs)
    size = max(1, min(batch_size, WORKER_BATCH))
    batches = core_batches(items, size=size)
    pool = _Pool(n, (model, patterns, include_text))
    pending: deque[_Task] = deque()
    try:
        while True:
            while len(pending) < n * AHEAD:
                batch = next(batches, None)
                if batch is None:
                    break
                pending.append(_Task(batch, pool.submit(batch)))
            if not pending:
                return
            head = pending[0]
            if head.done is None:
                try:
                    head.done = pool.result(head.future)
                except BrokenProcessPool:
                    _recover(pool, pending)
                    continue
            pending.popleft()
            yield from head.done
    finally:
        pool.stop()


def _recover(pool: _Pool, pending: deque[_Task]) -> None:
    """A worker died: restart the pool and redo each unfinished article alone."""
    for task in pending:
        if task.done is None and task.future.done() \
                and not task.future.cancelled() and task.future.exception() is None:
            task.done = pool.result(task.future)
    pool.restart()
    for task in pending:
        if task.done is None:
            task.done = [_isolated(pool, item) for item in task.batch]


def _isolated(pool: _Pool, item: ArticleInput) -> Article:
    try:
        (article,) = pool.result(pool.submit([item]))
        return article
    except BrokenProcessPool:
        pool.restart()
        return Article.failed(id=item.id, source=item.source, type="processing",
                              message=f"{item.source}: the worker process died while processing this article",
                              warnings=item.warnings)
