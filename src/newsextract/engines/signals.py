"""Stopping cleanly: SIGTERM and Ctrl-C, from the first millisecond to the last.

Two phases:

- From start-up (``install_early``, called before the command imports anything
  heavy) until the run begins, and again after it: nothing has been written
  and there is nothing to undo, so a signal ends the process at once, quietly:
  one line on stderr, exit 130 (Ctrl-C) or 143 (SIGTERM). Raising an
  exception there instead could surface in the middle of an import, where
  Python may wrap it (``RuntimeError: Error calling __set_name__``) or a
  library swallow it.
- During the run (``terminate_on_sigterm``) SIGTERM raises ``Terminated`` and
  Ctrl-C ``KeyboardInterrupt``, so the run can remove its temporary output and
  stop its workers. Python runs signal handlers in the main thread between
  bytecodes, and also in the middle of a large buffered write, so a handler
  that raised at once could leave half a JSON line behind: while a line is
  being written the signal is only noted; the line is completed and flushed,
  then the exception is raised. The signal is also remembered (``received``),
  so that an exception swallowed on its way (in a ``__del__``, a library's
  ``except BaseException``) still ends the run (``check``) and an exception
  Python wrapped in another is still reported as the signal it was.

Only the standard library's ``_signal``, ``os``, ``sys`` and ``contextlib`` are imported here:
until ``install_early`` has run, a Ctrl-C is Python's own (a traceback, exit status -2), so
this module imports as little as it can. ``_signal`` is the C module under ``signal``, the
same functions with plain integers; ``signal`` itself builds enums (``enum``: the larger
part of this module's import time).
"""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager

try:
    import _signal as signal
except ImportError:  # pragma: no cover -- an interpreter without CPython's C module
    import signal

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import IO, Iterator


class Terminated(BaseException):
    """SIGTERM arrived. A ``BaseException`` like ``KeyboardInterrupt``, so that
    the per-article ``except Exception`` guards never swallow it."""


_EXCEPTIONS = {signal.SIGINT: KeyboardInterrupt, signal.SIGTERM: Terminated}
EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}
_MESSAGES = {signal.SIGINT: b"Interrupted.\n", signal.SIGTERM: b"Terminated.\n"}
_writing = False
_pending: type[BaseException] | None = None
_received: int | None = None


def _exit_now(signum, frame) -> None:
    """Outside the run: nothing to clean up, so end at once and quietly."""
    try:
        os.write(2, _MESSAGES[signum])
    except OSError:
        pass
    os._exit(EXIT_CODES[signum])


def _in_worker_process() -> bool:
    """A multiprocessing child (a ``--jobs`` or Dask worker re-importing the command's module)."""
    # the command's own process imports this module before anything imports multiprocessing;
    # a spawned or forkserver child imports it while multiprocessing prepares the child
    return "multiprocessing.spawn" in sys.modules or "multiprocessing.forkserver" in sys.modules


def _is_the_command() -> bool:
    """The ``newsextract`` console script or ``python -m newsextract``, not a program
    (or a test run) that imports the package: its signals are its own."""
    argv0 = sys.argv[0] if sys.argv else ""
    name = os.path.basename(argv0)
    return name.startswith("newsextract") or (
        name == "__main__.py" and os.path.basename(os.path.dirname(argv0)) == "newsextract")


def install_early() -> None:
    """Quiet exits for Ctrl-C and SIGTERM; call before any heavy import. In a worker
    process Ctrl-C is ignored instead: the parent stops the workers."""
    try:
        if _in_worker_process():
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            return
        if not _is_the_command():
            return
        for signum in _EXCEPTIONS:
            if signal.getsignal(signum) != signal.SIG_IGN:  # keep nohup's choice
                signal.signal(signum, _exit_now)
        sys.unraisablehook = _quiet_unraisable
    except ValueError:  # not the main thread
        pass


_default_unraisable = sys.unraisablehook


def _quiet_unraisable(unraisable) -> None:
    """A Ctrl-C or SIGTERM that lands inside code that cannot pass exceptions on (a
    C extension's callback, a finalizer) is reported by Python as "Exception ignored
    in ..." with a traceback; the signal is already recorded (``received()``) and the
    run stops on it at the next ``check()``, so say nothing. Other errors as usual."""
    if isinstance(unraisable.exc_value, tuple(_EXCEPTIONS.values())) or (
            unraisable.exc_type is not None and issubclass(unraisable.exc_type, tuple(_EXCEPTIONS.values()))):
        return
    _default_unraisable(unraisable)


def _handle(signum, frame) -> None:
    global _pending, _received
    _received = _received or signum
    exc = _EXCEPTIONS[signum]
    if _writing:
        _pending = _pending or exc
        return
    raise exc()


def received() -> int | None:
    """The signal that asked the run to stop, if any."""
    return _received


def check() -> None:
    """Raise again for a signal whose exception was swallowed on its way."""
    if _received is not None and not _writing:
        raise _EXCEPTIONS[_received]()


def exit_code_for(exc: BaseException) -> int | None:
    """130 or 143 when ``exc`` is, wraps or was caused by the run's signal; else None."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, KeyboardInterrupt):
            return 130
        if isinstance(exc, Terminated):
            return 143
        exc = exc.__cause__ or exc.__context__
    return EXIT_CODES[_received] if _received is not None else None


@contextmanager
def terminate_on_sigterm() -> Iterator[None]:
    """Within the block SIGTERM raises ``Terminated`` and Ctrl-C ``KeyboardInterrupt``,
    never in the middle of a ``WholeLines`` write; the old handlers come back after."""
    global _pending, _received
    previous = {}
    try:
        for signum in _EXCEPTIONS:
            previous[signum] = signal.signal(signum, _handle)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    _pending = None
    _received = None
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextmanager
def sigint_blocked() -> Iterator[None]:
    """Ctrl-C held back (not lost) in this thread and in every thread and process
    started meanwhile: worker processes started here never see the terminal's
    Ctrl-C (the parent stops them), and a Ctrl-C that came meanwhile is acted on
    when the block ends."""
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    except (AttributeError, OSError, ValueError):
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


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
