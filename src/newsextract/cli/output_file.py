"""``-o FILE`` that can never harm an input or another run's output.

- The records go to a hidden temporary file in FILE's folder
  (``.FILE.XXXXXXXX.tmp``). When the run ends (also with failed inputs, exit
  1) it is flushed, synced and renamed over FILE in one step, so FILE is never
  half written; a run that stops early (a usage error, a write error such as a
  full disk, Ctrl-C, SIGTERM) removes the temporary file and leaves the old
  FILE exactly as it was.
- One run at a time writes FILE: the run holds ``fcntl.flock`` on
  ``.FILE.lock`` beside it, and a second run stops at once with one ``Error:``
  line (exit 2) instead of waiting (a pipeline stays predictable; nothing is
  queued behind a run that may take hours).
- FILE may not be one of the inputs (refused before anything is read or
  written, exit 2), and inside an input folder it is never read as an input
  (``exclude``).
- A target that is not a regular file (``/dev/null``, ``/dev/full``, a FIFO,
  a terminal) is written directly: there is nothing to replace atomically.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import IO

from ..errors import NewsextractError


class OutputError(NewsextractError):
    """``-o`` cannot be used as given (reported as one ``Error:`` line, exit 2)."""


def _real(path: str | os.PathLike) -> str:
    return os.path.realpath(os.path.abspath(path))


def _same(a: str, b: str) -> bool:
    if _real(a) == _real(b):
        return True
    try:
        return os.path.samefile(a, b)  # hard links
    except OSError:
        return False


def check_not_an_input(output: Path, inputs: list[str]) -> None:
    """Refuse an ``-o`` that names one of the input files."""
    for given in inputs:
        if given == "-" or os.path.isdir(given):
            continue
        if _same(str(output), given):
            raise OutputError(f"-o {output} is also an input; write the records to another file")


def exclude(output: Path | None) -> frozenset[str]:
    """Real paths the input walk must skip: the output file (whether it exists yet or not)."""
    return frozenset() if output is None else frozenset({_real(output)})


class OutputFile:
    """``open()`` before the run, then ``commit()`` when it ends well or ``discard()``."""

    def __init__(self, output: Path) -> None:
        self.given = output
        self.target = Path(_real(output))  # a symlink's target is updated, the link kept
        self.file: IO | None = None
        self._tmp: str | None = None
        self._lock_fd: int | None = None
        self._lock_path: str | None = None
        self.atomic = False  # True once writing to a temporary file that replaces FILE

    def _direct(self) -> bool:
        try:
            mode = os.stat(self.target).st_mode
        except OSError:
            return False
        return not stat.S_ISREG(mode)

    def open(self, binary: bool) -> IO:
        kwargs = {} if binary else {"encoding": "utf-8", "newline": ""}
        mode = "wb" if binary else "w"
        if self.target.is_dir():
            raise OutputError(f"cannot write {self.given}: it is a folder")
        try:
            if self._direct():
                self.file = open(self.target, mode, **kwargs)
                return self.file
            self._lock()
            self.atomic = True
            fd, self._tmp = tempfile.mkstemp(dir=self.target.parent, prefix=f".{self.target.name}.",
                                             suffix=".tmp")
            self.file = os.fdopen(fd, mode, **kwargs)
        except OSError as exc:
            self.discard()
            raise OutputError(f"cannot write {self.given}: {exc.strerror or exc}") from None
        return self.file

    def _lock(self) -> None:
        import fcntl

        self._lock_path = str(self.target.parent / f".{self.target.name}.lock")
        while True:
            fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o666)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                self._lock_path = None
                raise OutputError(f"{self.given} is being written by another newsextract run "
                                  "(stop it, or write to another file)") from None
            # the run before may have removed the lock file after we opened it: lock the file
            # that is there now, or two runs could each hold a lock on a different file
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self._lock_path))
            except FileNotFoundError:
                same = False
            if same:
                self._lock_fd = fd
                return
            os.close(fd)

    def commit(self) -> None:
        """Make the records FILE's content, in one step (raises OSError if that fails)."""
        file, self.file = self.file, None
        try:
            if file is not None:
                file.flush()
                if self._tmp is not None:
                    os.fsync(file.fileno())
                file.close()
            if self._tmp is not None:
                os.chmod(self._tmp, _mode_for(self.target))
                os.replace(self._tmp, self.target)
                self._tmp = None
        finally:
            self.discard()

    def discard(self) -> None:
        """Forget the records: the temporary file goes, FILE stays as it was. Never raises."""
        file, self.file = self.file, None
        if file is not None:
            try:
                file.close()
            except (OSError, ValueError):  # e.g. a full disk: the buffered rest cannot be written
                pass
        if self._tmp is not None:
            try:
                os.unlink(self._tmp)
            except OSError:
                pass
            self._tmp = None
        if self._lock_fd is not None:
            try:
                if self._lock_path is not None:
                    os.unlink(self._lock_path)  # while still holding it (see _lock)
            except OSError:
                pass
            os.close(self._lock_fd)
            self._lock_fd = None


def _mode_for(target: Path) -> int:
    """The old file's permissions, or what a new file gets under the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
