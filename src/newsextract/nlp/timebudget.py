"""A time limit on one step, for work that could otherwise run for hours (a user's regex).

``with time_budget(5.0, "message"):`` raises ``BudgetExceeded("message")`` once the
block has run 5 seconds of wall-clock time. It uses the interval timer
(``SIGALRM``), so it works in a process's main thread (the command line, a
``--jobs`` worker) and is a no-op elsewhere (a Dask worker's threads). Python's
``re`` and spaCy's Matcher both let the signal through while they match a
regex. A timer set before the block is put back, less the time the block took.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator


class BudgetExceeded(Exception):
    """A step ran past its time budget."""


@contextmanager
def time_budget(seconds: float, message: str) -> Iterator[None]:
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise BudgetExceeded(message)

    previous = signal.signal(signal.SIGALRM, expired)
    started = time.monotonic()
    outer, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer > 0:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 1e-3), interval)
