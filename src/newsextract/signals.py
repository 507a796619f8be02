"""Stopping cleanly: SIGTERM as an exception, and output written in whole lines.

A signal that arrives while a line is being written is held back until the
line is complete (``pthread_sigmask``), so Ctrl-C, SIGTERM or a full pipe never
leaves half a JSON line in the output, whether it is a pipe or an ``-o`` file.
"""
from __future__ import annotations

import signal
from contextlib import contextmanager
from typing import IO, Iterator

_HELD = {signal.SIGINT, signal.SIGTERM}


class Terminated(BaseException):
    """SIGTERM arrived. A ``BaseException`` like ``KeyboardInterrupt``, so that
    the per-article ``except Exception`` guards never swallow it."""


@contextmanager
def terminate_on_sigterm() -> Iterator[None]:
    """Within the block, SIGTERM raises ``Terminated``; the old handler is restored after."""
    def on_term(signum, frame):
        raise Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, on_term)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class WholeLines:
    """A binary sink whose every ``write`` is completed and flushed before a
    pending SIGINT or SIGTERM is handled."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw

    def write(self, data: bytes) -> int:
        with _signals_held():
            self.raw.write(data)
            self.raw.flush()
        return len(data)

    def flush(self) -> None:
        with _signals_held():
            self.raw.flush()


@contextmanager
def _signals_held() -> Iterator[None]:
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    except (AttributeError, ValueError, OSError):  # no POSIX signal masks here
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
