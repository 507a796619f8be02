"""``--jobs N``: worker processes, each loading the pipeline once; output order kept.

Streaming: inputs are cut into small batches and at most ``AHEAD`` batches per
worker are in flight, so the input is read lazily and memory stays flat however
many articles there are. Records come back in input order.

The loop is ``engines.stream``'s, shared with the Dask engine. Failures: an
article that raises gets its own error record (``process_batch``);
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
from typing import Iterable, Iterator

from ..records import Article
from .stream import Crashed, Task, stream, worker_count
from ..errors import ModelNotFoundError, NewsextractError
from ..io.inputs import ArticleInput

AHEAD = 2  # batches in flight per worker: one running, one queued
WORKER_BATCH = 16  # articles per task (and at most process.BATCH_CHARS characters): small for smooth progress

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
            from ..nlp.pipeline import shared_for_run

            _NLP = shared_for_run(model, patterns=patterns)
        except NewsextractError as exc:
            return "load_error", exc
        except Exception as exc:  # e.g. a broken pipeline folder: report it, never hang
            return "load_error", ModelNotFoundError(
                f"a worker process cannot load the pipeline: {type(exc).__name__}: {exc}")
    from ..process import process_batch

    return "ok", process_batch(_NLP, batch, include_text=include_text)


class _Pool:
    """A process pool that can be restarted after a worker dies: the ``Backend``
    of ``engines.stream``."""

    crash_message = "the worker process died while processing this article"

    def __init__(self, n: int, initargs: tuple) -> None:
        self.n, self.initargs = n, initargs
        self.ctx = mp.get_context("forkserver" if os.name == "posix" else "spawn")
        self.executor = self._start()
        self.results = 0  # batches that came back: 0 after a break means workers cannot start

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.n, mp_context=self.ctx, initializer=_init, initargs=self.initargs)

    def submit(self, batch: list[ArticleInput]) -> Future:
        try:
            return self.executor.submit(_work, batch)
        except BrokenProcessPool as exc:
            # a worker died and the pool noticed before this batch was handed in: the batch is
            # lost like the ones in flight (``result`` raises ``Crashed``), not the run
            lost: Future = Future()
            lost.set_exception(exc)
            return lost

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
            raise Crashed from None
        self.results += 1
        if status == "load_error":
            raise payload  # type: ignore[misc]
        return payload  # type: ignore[return-value]


    def lost(self, pending: deque[Task]) -> list[Task]:
        """A worker died, and with it the pool: keep what finished, restart, and
        give back the tasks that did not (each is redone one article at a time)."""
        for task in pending:
            if task.done is None and task.handle.done() \
                    and not task.handle.cancelled() and task.handle.exception() is None:
                task.done = self.result(task.handle)
        self.restart()
        return [task for task in pending if task.done is None]

    def after_crash(self) -> None:
        self.restart()


def extract_parallel(items: Iterable[ArticleInput], *, jobs: int, model: str | None,
                     patterns: str | None, batch_size: int, include_text: bool) -> Iterator[Article]:
    n = worker_count(jobs)
    pool = _Pool(n, (model, patterns, include_text))
    try:
        yield from stream(items, pool, size=max(1, min(batch_size, WORKER_BATCH)), limit=n * AHEAD)
    finally:
        pool.stop()
