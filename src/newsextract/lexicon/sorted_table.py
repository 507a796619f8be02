"""A large text table sorted by its first field, searched on disk."""
from __future__ import annotations

import os
import threading


class SortedFile:
    """A text file of lines sorted by their first field, searched on disk by bisection over byte
    offsets (``lines``): nothing is read at start-up and nothing is kept in memory, so a large
    candidates file costs neither (the operating system's file cache keeps the pages it reads)."""

    CHUNK = 4096

    def __init__(self, path) -> None:
        self._fh = open(path, "rb")  # noqa: SIM115 - open for the life of the process
        self._lock = threading.Lock()
        self.size = os.fstat(self._fh.fileno()).st_size
        self.header = self._read(0, self.CHUNK).split(b"\n", 1)[0]
        self.first = len(self.header) + 1

    def _read(self, pos: int, n: int) -> bytes:
        if hasattr(os, "pread"):
            return os.pread(self._fh.fileno(), n, pos)
        with self._lock:
            self._fh.seek(pos)
            return self._fh.read(n)

    def _line(self, start: int) -> bytes:
        """The line that starts at ``start``, without its newline."""
        out = b""
        while True:
            chunk = self._read(start + len(out), 512)
            cut = chunk.find(b"\n")
            if cut >= 0 or not chunk:
                return out + (chunk[:cut] if cut >= 0 else chunk)
            out += chunk

    def _next_start(self, pos: int) -> int:
        """The first line start at or after ``pos``."""
        while pos < self.size:
            chunk = self._read(pos - 1, 512)
            cut = chunk.find(b"\n")
            if cut >= 0:
                return pos + cut
            pos += len(chunk)
        return self.size

    def lines(self, key: bytes, limit: int) -> list[bytes]:
        """Up to ``limit`` lines whose first field is ``key``, each without the key and its tab."""
        lo, hi = self.first, self.size  # lines before lo sort below key; lines from hi on do not
        while hi - lo > self.CHUNK:
            start = self._next_start((lo + hi) // 2)
            if start >= hi:
                break
            line = self._line(start)
            if line.split(b"\t", 1)[0] < key:
                lo = start + len(line) + 1
            else:
                hi = start
        head, out, pos = key + b"\t", [], lo
        while pos < self.size and len(out) < limit:
            block = self._read(pos, self.CHUNK * 4)
            if not block:
                break
            rows = block.split(b"\n")
            complete = rows[:-1] if pos + len(block) < self.size else rows
            if not complete:  # one line longer than a block
                complete = [self._line(pos)]
            for row in complete:
                pos += len(row) + 1
                if row.startswith(head):
                    out.append(row[len(head):])
                    if len(out) >= limit:
                        return out
                elif row.split(b"\t", 1)[0] > key or out:
                    return out
        return out
