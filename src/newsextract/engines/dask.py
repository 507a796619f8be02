"""The same extraction on a Dask cluster (``pip install 'newsextract[dask]'``).

Library:

- ``read_articles(urlpath)``: a folder, file, glob or list of files (local or
  any fsspec URL the workers can reach) as a ``dask.bag`` of inputs, read the
  way the command reads them (same ids, same error inputs);
- ``extract_bag(bag)``: a bag of inputs (strings, ``{"text": ...}`` mappings
  or ``ArticleInput``) to a bag of schema records (dicts).

Command line: ``extract_on_cluster`` is the engine behind ``--scheduler``.
Inputs are read lazily on the client, cut into batches, and at most ``AHEAD``
batches per worker thread are in flight; records come back in input order.
Each worker process loads the pipeline once and keeps it. Dask retries the
tasks of a lost worker; a batch whose task keeps killing workers is redone one
article at a time, so only the article at fault gets an error record (the loop
is ``engines.stream``'s, shared with ``--jobs``).

This module is ``newsextract.engines.dask`` (``newsextract.dask``, the documented
library path, re-exports ``extract_bag`` and ``read_articles``); ``import dask``
below is the real Dask (imports are absolute).
"""
from __future__ import annotations

import threading
from collections import deque
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Iterator, Mapping

import dask
import dask.bag as db

from ..records import Article
from .stream import Crashed, Task, stream, worker_count
from ..errors import NewsextractError
from ..io.inputs import JSONL_SUFFIXES, SUPPORTED_SUFFIXES, ArticleInput, as_input, read_bytes, walk_entries

AHEAD = 2  # batches in flight per worker thread
BATCH = 16  # articles per task
FILES_PER_PARTITION = 64
LOCAL = "local"
# the local cluster's workers skip Dask's sampling profiler (a stack sample of every
# thread each 10 ms) and GIL monitor: diagnostics nobody reads in a batch run
LEAN_WORKERS = {"distributed.worker.profile.enabled": False,
                "distributed.admin.system-monitor.gil.enabled": False}


class ClusterError(NewsextractError):
    """The Dask scheduler cannot be started or reached."""


# --- on the workers ---------------------------------------------------------------------------------

_LOCK = threading.Lock()


def _pipeline(model: str | None, patterns: str | None):
    """The worker process's pipeline, loaded on first use and kept (one per process)."""
    from ..nlp.pipeline import shared

    with _LOCK:
        return shared(model, patterns=patterns)


def run_batch(batch: list[ArticleInput], model: str | None = None, patterns: str | None = None,
              include_text: bool = False) -> list[Article]:
    """One task: a batch of inputs to their records (one bad article never spoils the batch).
    A pipeline that cannot be loaded (a bad --model) is returned, not raised, so that the
    client reports it as one ``Error:`` line and the worker logs no failed task."""
    from ..process import process_batch
    from ..errors import NewsextractError

    try:
        nlp = _pipeline(model, patterns)
    except NewsextractError as exc:
        return exc  # type: ignore[return-value]
    with _LOCK:  # a spaCy pipeline is not meant to be shared by threads
        return process_batch(nlp, batch, include_text=include_text)


def _extract_partition(items: Iterable[Any], index: int, model: str | None, patterns: str | None,
                       include_text: bool) -> list[dict[str, Any]]:
    from ..process import batches, process_batch

    nlp = _pipeline(model, patterns)
    inputs = (as_input(x, n) for n, x in enumerate(_with_ids(items, index), 1))
    with _LOCK:
        return [a.to_dict() for batch in batches(inputs) for a in process_batch(nlp, batch, include_text=include_text)]


def _with_ids(items: Iterable[Any], index: int) -> Iterator[Any]:
    """Inputs without an id get ``PARTITION:N`` (1-based), unique across the bag."""
    for n, x in enumerate(items, 1):
        if isinstance(x, str):
            x = {"text": x}
        if isinstance(x, Mapping) and not x.get("id"):
            x = {**x, "id": f"{index + 1}:{n}", "source": x.get("source") or f"<item {index + 1}:{n}>"}
        yield x


def _read_files(urls: list[str], roots: list[str], storage_options: dict, published: str | None,
                problems: list[str | None] | None = None) -> list[ArticleInput]:
    import fsspec

    out: list[ArticleInput] = []
    for url, given, problem in zip(urls, roots, problems or [None] * len(urls)):
        name = PurePosixPath(url.rstrip("/")).name
        suffix, stem = PurePosixPath(name).suffix.lower(), PurePosixPath(name).stem or name
        if problem is not None:  # as the command line reports it (inputs.walk_entries)
            out.append(ArticleInput(source=given, id=stem, error=_input_error("unreadable", f"{given}: {problem}")))
            continue
        try:
            with fsspec.open(url, "rb", **storage_options) as f:
                data = f.read()
        except FileNotFoundError:
            out.append(ArticleInput(source=given, id=stem, error=_input_error("not_found", f"{given}: no such file")))
            continue
        except OSError as exc:
            out.append(ArticleInput(source=given, id=stem,
                                    error=_input_error("unreadable", f"{given}: {exc.strerror or exc}")))
            continue
        for item in read_bytes(data, suffix=suffix, source=given, stem=stem):
            if item.published is None and published is not None and item.error is None:
                item.fallback_published = published  # after the input's own date, as locally
            out.append(item)
    return out


def _input_error(type: str, message: str):
    from ..errors import InputError

    return InputError(type, message)


# --- library: bags ----------------------------------------------------------------------------------

def extract_bag(bag: db.Bag, *, model: str | None = None, patterns: str | None = None,
                include_text: bool = False) -> db.Bag:
    """Map a bag of inputs to a bag of records (schema dicts), partition by partition.

    Inputs are ``ArticleInput`` objects (as from ``read_articles``), strings, or
    mappings with a ``text`` (or ``html``) field and optional ``id``, ``title``,
    ``published``, ``url``. ``model`` and ``patterns`` must be readable by the workers.
    """
    parts = [dask.delayed(_extract_partition, pure=True)(part, i, model, patterns, include_text)
             for i, part in enumerate(bag.to_delayed())]
    return db.from_delayed(parts)


def read_articles(urlpath: str | list[str], *, published: str | None = None,
                  files_per_partition: int = FILES_PER_PARTITION,
                  storage_options: dict | None = None) -> db.Bag:
    """A bag of ``ArticleInput`` from a folder (recursively, sorted, hidden names skipped),
    files, globs, or fsspec URLs (``s3://bucket/feeds/*.jsonl``) the workers can reach.

    Each JSON Lines file is one partition (split big feeds into several files);
    text and HTML files are grouped ``files_per_partition`` to a partition.
    """
    import fsspec
    from fsspec.core import url_to_fs

    storage_options = storage_options or {}
    files: list[tuple[str, str, str | None]] = []  # (url, source as shown in records, problem)
    for given in ([urlpath] if isinstance(urlpath, str) else list(urlpath)):
        fs, path = url_to_fs(given, **storage_options)
        if fs.isdir(path) and "file" in _protocols(fs):  # a local folder: walked as the command walks it
            root = Path(path)
            for found, problem in walk_entries(root):
                rel = PurePosixPath(found.relative_to(root).as_posix())
                url = fs.unstrip_protocol(str(found))
                files.append((url, url if "://" in given else str(PurePosixPath(given) / rel), problem))
        elif fs.isdir(path):  # a remote folder: the same order, hidden names skipped
            for found in sorted(fs.find(path), key=lambda p: PurePosixPath(p).parts):  # as the CLI walks
                rel = PurePosixPath(found).relative_to(PurePosixPath(path.rstrip("/")))
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if PurePosixPath(found).suffix.lower() in SUPPORTED_SUFFIXES:
                    url = fs.unstrip_protocol(found)
                    files.append((url, url if "://" in given else str(PurePosixPath(given) / rel), None))
        elif fsspec.core.has_magic(path):
            for found in sorted(fs.glob(path)):
                url = fs.unstrip_protocol(found)
                files.append((url, url if "://" in given else found, None))
        else:
            files.append((fs.unstrip_protocol(path), given, None))
    groups: list[list[tuple[str, str, str | None]]] = []
    current: list[tuple[str, str, str | None]] = []
    for entry in files:
        if PurePosixPath(entry[0]).suffix.lower() in JSONL_SUFFIXES:  # a feed: a partition of its own
            groups += [current, [entry]] if current else [[entry]]
            current = []
            continue
        current.append(entry)
        if len(current) >= files_per_partition:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    parts = [dask.delayed(_read_files, pure=True)([u for u, _, _ in g], [s for _, s, _ in g], storage_options,
                                                  published, [p for _, _, p in g])
             for g in groups]
    return db.from_delayed(parts) if parts else db.from_sequence([])


# --- command line: --scheduler ------------------------------------------------------------------------

def _protocols(fs) -> tuple[str, ...]:
    protocol = fs.protocol
    return (protocol,) if isinstance(protocol, str) else tuple(protocol)


def parse_scheduler(address: str) -> tuple[str, int | None]:
    """``("local", N)`` for ``local``/``local:N`` (N None: one per core), else ``(address, None)``."""
    if address == LOCAL or address.startswith(LOCAL + ":"):
        count = address[len(LOCAL) + 1:]
        if count == "":
            return LOCAL, None
        if not count.isdigit():
            raise ValueError(f"--scheduler: {address!r}: use local, local:N (N workers) or tcp://host:port")
        return LOCAL, int(count) or None
    if "://" not in address and ":" not in address:
        raise ValueError(f"--scheduler: {address!r}: use local, local:N (N workers) or tcp://host:port")
    return address, None


def connect(address: str):
    """A ``(client, cluster)`` for ``address``; ``cluster`` is None for an existing scheduler."""
    import logging

    from distributed import Client, LocalCluster

    where, n = parse_scheduler(address)
    if where == LOCAL:
        import warnings

        from .signals import sigint_blocked

        client = cluster = None
        try:
            # the worker processes (and the event-loop thread that restarts them) start with Ctrl-C
            # blocked: a Ctrl-C to the terminal's process group reaches only this process, which
            # stops them quietly; a Ctrl-C meanwhile is acted on when the block ends
            with sigint_blocked(), dask.config.set(LEAN_WORKERS), warnings.catch_warnings():
                # the scheduler's HTTP server moves off a busy port 8787 by itself: no news for the user
                warnings.filterwarnings("ignore", message="Port .* is already in use", category=UserWarning)
                cluster = LocalCluster(n_workers=worker_count(n or 0), threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
                client = Client(cluster)
                client.register_plugin(_quiet_worker_logs(), name="newsextract-quiet-worker-logs")
            return client, cluster
        except BaseException as exc:
            if cluster is not None:
                _close(client, cluster)
            if isinstance(exc, Exception):
                raise ClusterError(f"cannot start a local Dask cluster: {type(exc).__name__}: {exc}") from None
            raise
    try:
        return Client(where, timeout="10s"), None
    except Exception as exc:  # OSError, TimeoutError, ValueError for a bad address
        raise ClusterError(f"cannot reach the Dask scheduler at {where}: {type(exc).__name__}: {exc}") from None


def _quiet_worker_logs():
    """A worker plugin that keeps ``distributed``'s log lines in the local cluster's worker
    processes to critical ones. ``LocalCluster(silence_logs=...)`` sets only the nanny's own
    logger in a worker process, so a worker whose heartbeat finds the scheduler already gone
    after Ctrl-C wrote "Failed to communicate with scheduler during heartbeat" and a traceback
    to the terminal; the run itself reports what the user needs (an article that kills workers
    is an error record). Made here, not at import: ``distributed`` is imported only for a cluster
    (cloudpickle sends the class to the workers by value)."""
    import logging

    from distributed.diagnostics.plugin import WorkerPlugin

    class QuietWorkerLogs(WorkerPlugin):
        def setup(self, worker) -> None:
            for name in ("distributed", "distributed.worker", "distributed.core", "distributed.comm"):
                logging.getLogger(name).setLevel(logging.CRITICAL)

    return QuietWorkerLogs()


def extract_on_cluster(items: Iterable[ArticleInput], *, scheduler: str, model: str | None = None,
                       patterns: str | None = None, include_text: bool = False,
                       batch_size: int = BATCH) -> Iterator[Article]:
    """Stream records in input order, computed on the Dask cluster at ``scheduler``."""
    with _quiet_after_a_signal():
        yield from _on_cluster(items, scheduler=scheduler, args=(model, patterns, include_text),
                               batch_size=batch_size)


def _on_cluster(items: Iterable[ArticleInput], *, scheduler: str, args: tuple, batch_size: int) -> Iterator[Article]:
    client, cluster = connect(scheduler)
    try:
        threads = max(1, sum(client.nthreads().values()))
        yield from _stream(client, items, limit=AHEAD * threads, size=max(1, batch_size),
                           args=args)
    except BaseException:  # stopping early (Ctrl-C, SIGTERM, an error): the run reports it once;
        import logging    # the scheduler's complaints about the tasks it drops are noise

        logging.disable(logging.ERROR)
        raise
    finally:
        _close(client, cluster)


class _Cluster:
    """The ``Backend`` of ``engines.stream`` on a Dask client."""

    crash_message = "the article kept killing Dask workers"

    def __init__(self, client, args: tuple) -> None:
        self.client, self.args = client, args

    def submit(self, batch: list[ArticleInput]):
        return self.client.submit(run_batch, batch, *self.args, pure=False)

    def result(self, future) -> list[Article]:
        from distributed import KilledWorker

        try:
            return _raised(future.result())
        except KilledWorker:
            raise Crashed from None
        finally:
            future.release()

    def lost(self, pending: deque[Task]) -> list[Task]:
        return [pending[0]]  # Dask retried the others' tasks elsewhere: only this batch is lost

    def after_crash(self) -> None:
        pass


def _raised(result):
    """``run_batch``'s records, or its pipeline error raised here."""
    if isinstance(result, BaseException):
        raise result
    return result


def _stream(client, items: Iterable[ArticleInput], *, limit: int, size: int, args: tuple) -> Iterator[Article]:
    yield from stream(items, _Cluster(client, args), size=size, limit=limit)


class _NotAfterASignal:
    """A logging filter: nothing once the run has been told to stop. A Ctrl-C that lands
    while ``distributed`` waits on its event loop makes it queue a cancel that can fail on
    the loop's thread (a ``NameError`` in ``distributed.utils.sync``, logged by tornado
    with a traceback) before the main thread has unwound; the run reports the stop itself."""

    @staticmethod
    def filter(record) -> bool:
        from .signals import received

        return received() is None


_LOOP_LOGGERS = ("tornado.application", "tornado.general", "asyncio")


@contextmanager
def _quiet_after_a_signal() -> Iterator[None]:
    import logging

    loggers = [logging.getLogger(name) for name in _LOOP_LOGGERS]
    for logger in loggers:
        logger.addFilter(_NotAfterASignal)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeFilter(_NotAfterASignal)


def _close(client, cluster) -> None:
    for part in (client, cluster):
        try:
            if part is not None:
                part.close()
        except Exception:  # shutting down: nothing useful to report
            pass
