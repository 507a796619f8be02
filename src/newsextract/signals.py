"""Stopping cleanly: SIGTERM and Ctrl-C as exceptions, and output in whole lines.

Python runs signal handlers in the main thread between bytecodes, and also in
the middle of a large buffered write (``PyErr_CheckSignals`` between partial
writes), whichever thread the kernel delivered the signal to. So a handler
that raised at once could leave half a JSON line behind. Here the handlers
only note the signal while a line is being written; the line is completed and
flushed, then the exception is raised.
"""
from __future__ import annotations

import signal
from contextlib import contextmanager
from typing import IO, Iterator


class Terminated(BaseException):
    """SIGTERM arrived. A ``BaseException`` like ``KeyboardInterrupt``, so that
    the per-article ``except Exception`` guards never swallow it."""


_EXCEPTIONS = {signal.SIGINT: KeyboardInterrupt, signal.SIGTERM: Terminated}
_writing = False
_pending: type[BaseException] | None = None


def _handle(signum, frame) -> None:
    global _pending
    exc = _EXCEPTIONS[signum]
    if _writing:
        _pending = _pending or exc
        return
    raise exc()


@contextmanager
def terminate_on_sigterm() -> Iterator[None]:
    """Within the block SIGTERM raises ``Terminated`` and Ctrl-C ``KeyboardInterrupt``,
    never in the middle of a ``WholeLines`` write; the old handlers come back after."""
    global _pending
    previous = {}
    try:
        for signum in _EXCEPTIONS:
            previous[signum] = signal.signal(signum, _handle)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    _pending = None
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


class WholeLines:
    """A binary sink whose every ``write`` is completed and flushed before a
    signal that arrived meanwhile is acted on."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw

    def write(self, data: bytes) -> int:
        with _whole():
            self.raw.write(data)
            self.raw.flush()
        return len(data)

    def flush(self) -> None:
        with _whole():
            self.raw.flush()


@contextmanager
def _whole() -> Iterator[None]:
    global _writing, _pending
    _writing = True
    try:
        yield
    finally:
        _writing = False
        if _pending is not None:
            exc, _pending = _pending, None
            raise exc()
