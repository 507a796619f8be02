"""A progress bar on standard error: articles done, words/s and time left.

Shown only when standard error is a terminal, standard output is not (data on
the screen is its own progress, and a bar redrawn between table rows would
garble them), and there may be more than one article. Never in piped or CI
output. The number of articles is counted in a background thread (one
cheap pass over file names and JSON Lines lines), so the bar never delays the
first record; until it is known, the bar has no ETA.
"""
from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from ..io.inputs import JSONL_SUFFIXES, walk

if TYPE_CHECKING:  # pragma: no cover
    from ..records import Article


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def wanted(inputs: list[str], *, stdout_is_terminal: bool) -> bool:
    """Whether to show the bar for these inputs in this process's terminal setup."""
    if stdout_is_terminal or not _isatty(sys.stderr):
        return False
    return may_hold_many(inputs)


def may_hold_many(inputs: list[str]) -> bool:
    """More than one input, or one that can hold many articles (folder, JSONL, stdin)."""
    if len(inputs) > 1:
        return True
    return any(p == "-" or Path(p).is_dir() or Path(p).suffix.lower() in JSONL_SUFFIXES for p in inputs)


def count_articles(inputs: Iterable[str]) -> int | None:
    """How many records ``inputs`` will give; None when unknowable (standard input)."""
    total = 0
    for given in inputs:
        if given == "-":
            return None
        path = Path(given)
        for file in (walk(path) if path.is_dir() else [path]):
            total += _count_lines(file) if file.suffix.lower() in JSONL_SUFFIXES else 1
    return total


def _count_lines(path: Path) -> int:
    """Non-blank lines, read in bounded pieces; a special file (FIFO, device) is never read."""
    import os
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return 1  # it will be one error record
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return 1
        try:
            lines, blank = 0, True
            while piece := f.readline(1 << 16):
                blank = blank and not piece.strip()
                if piece.endswith(b"\n"):
                    lines += not blank
                    blank = True
            lines += not blank
        except OSError:
            return 1
        return lines or 1  # an empty file still gives a record


def track(articles: Iterable[Article], inputs: list[str]) -> Iterator[Article]:
    """Yield ``articles`` unchanged while a bar on stderr follows them."""
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn,
                               TextColumn, TimeElapsedColumn, TimeRemainingColumn)
    from rich.text import Text

    class WordsPerSecond(ProgressColumn):
        def render(self, task) -> Text:
            elapsed = task.elapsed or 0.0
            rate = task.fields.get("words", 0) / elapsed if elapsed > 0 else 0.0
            return Text(f"{rate:,.0f} words/s", style="progress.data.speed")

    progress = Progress(TextColumn("articles"), BarColumn(), MofNCompleteColumn(), WordsPerSecond(),
                        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                        console=Console(stderr=True), redirect_stdout=False, redirect_stderr=True,
                        transient=False)
    task = progress.add_task("articles", total=None, words=0)

    def count() -> None:
        try:
            total = count_articles(inputs)
        except Exception:  # a count is a nicety: never let it disturb the run
            return
        if total is not None:
            progress.update(task, total=total, visible=total > 1)

    threading.Thread(target=count, name="newsextract-count", daemon=True).start()
    words = 0
    with progress:
        for article in articles:
            words += article.words
            progress.update(task, advance=1, words=words)
            yield article
