"""Find and read inputs: files, folders, standard input and JSON Lines.

Everything here is lazy: ``iter_inputs`` yields one ``ArticleInput`` at a time,
in input order, and a bad input becomes an ``ArticleInput`` with ``error`` set
instead of an exception, so that nothing is ever dropped.

Reading is bounded: only regular files (and ``-``) are read, a FIFO, device or
socket is an ``unreadable`` record; a file or standard input over ``max_bytes``
is a ``too_large`` record and is never read whole. JSON Lines are streamed as
lines of bytes (split on ``\n`` only, never on U+2028 or U+0085 inside a
string), each line decoded on its own, so memory stays flat for any number of
lines and one bad line or byte costs that line only.
"""
from __future__ import annotations

import io
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Collection, Iterable, Iterator, Mapping

from .decoding import decode, looks_binary
from ..errors import InputError

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
MAX_BYTES = 50_000_000  # the largest file, standard input or JSON Lines line read (--max-bytes)
_HEAD = 8192  # bytes looked at to tell JSON Lines, HTML, text and binary data apart
_CHUNK = 1 << 20


@dataclass(slots=True)
class ArticleInput:
    """One article as read, before any language processing."""

    source: str
    id: str
    text: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    encoding: str | None = None
    html: str | None = None
    # --published: used only when the input (JSONL field, page metadata, dateline) gives no date
    fallback_published: str | None = None
    error: InputError | None = None
    warnings: list[str] = field(default_factory=list)


def iter_inputs(paths: Iterable[str], *, published: str | None = None,
                stdin: BinaryIO | None = None, exclude: Collection[str] = (),
                max_bytes: int = MAX_BYTES) -> Iterator[ArticleInput]:
    """Yield every article of ``paths`` in order; ``-`` is standard input.

    ``exclude``: real paths never read from a folder (the run's own ``-o`` file).
    ``max_bytes``: the largest file, standard input or JSON Lines line read."""
    for given in paths:
        if given == "-":
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            if stream is None:
                items = [_error("-", "stdin", "unreadable", "-: standard input is closed")]
            else:
                items = read_stream(stream, max_bytes=max_bytes)
            yield from _with_default_published(items, published)
            continue
        path = Path(given)
        if path.is_dir():
            for file, problem in walk_entries(path, exclude=exclude):
                shown = printable(str(file))
                if problem is not None:
                    items = [_error(shown, printable(file.stem or file.name) or shown, "unreadable",
                                    f"{shown}: {problem}")]
                else:
                    items = read_path(file, given=shown, max_bytes=max_bytes)
                yield from _with_default_published(items, published)
        else:
            yield from _with_default_published(read_path(path, given=printable(given), max_bytes=max_bytes),
                                               published)


def printable(name: str) -> str:
    """A file name as valid Unicode: bytes that are not UTF-8 (which Python keeps as
    lone surrogates) are written ``\\xNN``, so every record is valid UTF-8 JSON."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def _with_default_published(items: Iterable[ArticleInput], published: str | None) -> Iterator[ArticleInput]:
    """``--published`` for the inputs that carry no date of their own: it comes after
    a JSONL field, a page's metadata and a dateline at the top of the text."""
    for item in items:
        if item.published is None and published is not None and item.error is None:
            item.fallback_published = published
        yield item


def walk(root: Path) -> Iterator[Path]:
    """Every path below ``root`` that gets a record (see ``walk_entries``)."""
    for path, _ in walk_entries(root):
        yield path


def walk_entries(root: Path, *, exclude: Collection[str] = ()) -> Iterator[tuple[Path, str | None]]:
    """Supported files below ``root``, recursively, sorted, hidden names skipped,
    as ``(path, None)``; a folder that cannot be listed, or a special file
    (FIFO, socket, device) with a supported name, is ``(path, problem)``.

    Symbolic links are followed, but every folder and every file is visited
    once (by its real path), so a link loop cannot hang the walk and a file
    linked twice is read once.
    """
    seen: set[str] = set(exclude)

    def first_visit(path: Path) -> bool:
        try:
            real = os.path.realpath(path)
        except (OSError, ValueError):
            return True
        if real in seen:
            return False
        seen.add(real)
        return True

    def visit(folder: Path) -> Iterator[tuple[Path, str | None]]:
        if not first_visit(folder):
            return
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield folder, f"cannot list folder ({exc.strerror or exc})"
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(path)
                continue
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            try:
                regular = entry.is_file()
            except OSError:
                regular = False
            if not regular and os.path.exists(path):
                yield path, "not a regular file"
            elif first_visit(path):
                # a dangling link, or a file gone since listing: read_path reports it
                yield path, None

    yield from visit(root)


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _not_regular(given: str, mode: int) -> str:
    return f"{given}: {_kind(mode)}, not a regular file (to read a stream, pipe it to -)"


def _special(path: Path) -> str | None:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else _not_regular(printable(str(path)), mode)


def read_path(path: Path, *, given: str, max_bytes: int = MAX_BYTES) -> Iterator[ArticleInput]:
    """Read one regular file: JSON Lines gives one input per line, anything else one.

    The file is opened without blocking and checked before anything is read: a
    FIFO (which would block for ever), a device (``/dev/zero`` never ends) or a
    socket is an ``unreadable`` record."""
    suffix = path.suffix.lower()
    stem = printable(path.stem or path.name) or given
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        yield _error(given, stem, "not_found", f"{given}: no such file")
        return
    except IsADirectoryError:
        yield _error(given, stem, "unreadable", f"{given}: is a directory")
        return
    except PermissionError:
        yield _error(given, stem, "unreadable", f"{given}: permission denied")
        return
    except OSError as exc:  # a socket cannot be opened (ENXIO): say what it is
        yield _error(given, stem, "unreadable", _special(path) or f"{given}: {exc.strerror or exc}")
        return
    try:
        mode = os.fstat(fd).st_mode
        size = os.fstat(fd).st_size
        if stat.S_ISDIR(mode):
            os.close(fd)
            yield _error(given, stem, "unreadable", f"{given}: is a directory")
            return
        if not stat.S_ISREG(mode):
            os.close(fd)
            yield _error(given, stem, "unreadable", _not_regular(given, mode))
            return
        os.set_blocking(fd, True)
        f = os.fdopen(fd, "rb")
    except OSError as exc:
        os.close(fd)
        yield _error(given, stem, "unreadable", f"{given}: {exc.strerror or exc}")
        return
    with f:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl_stream(f, source=given, stem=stem, max_bytes=max_bytes)
            return
        if size > max_bytes:
            yield _too_large(given, stem, max_bytes)
            return
        try:
            data = _read_bounded(f, b"", max_bytes)
        except OSError as exc:
            yield _error(given, stem, "unreadable", f"{given}: {exc.strerror or exc}")
            return
        if data is None:
            yield _too_large(given, stem, max_bytes)
        elif suffix in HTML_SUFFIXES:
            yield _html_input(data, source=given, id=stem)
        else:
            yield _text_input(data, source=given, id=stem)


def _read_bounded(stream: BinaryIO, head: bytes, max_bytes: int) -> bytes | None:
    """``head`` and the rest of ``stream``, or None as soon as that is over ``max_bytes``."""
    parts, total = [head], len(head)
    while total <= max_bytes:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return None if total > max_bytes else b"".join(parts)


def _too_large(source: str, stem: str, max_bytes: int, what: str = "input") -> ArticleInput:
    return _error(source, stem, "too_large",
                  f"{source}: {what} larger than {max_bytes:,} bytes (raise the limit with --max-bytes)")


def read_bytes(data: bytes, *, suffix: str, source: str, stem: str,
               max_bytes: int = MAX_BYTES) -> Iterator[ArticleInput]:
    """The articles in one file's bytes, read as its suffix says (also for remote files)."""
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_stream(io.BytesIO(data), source=source, stem=stem, max_bytes=max_bytes)
    elif len(data) > max_bytes:
        yield _too_large(source, stem, max_bytes)
    elif suffix in HTML_SUFFIXES:
        yield _html_input(data, source=source, id=stem)
    else:
        yield _text_input(data, source=source, id=stem)


def read_stream(stream: BinaryIO, *, source: str = "-", stem: str = "stdin",
                max_bytes: int = MAX_BYTES) -> Iterator[ArticleInput]:
    """Standard input: JSON Lines (streamed) when the first non-blank character is ``{``,
    else one HTML page or text, of at most ``max_bytes``."""
    try:
        head = _read_head(stream)
    except OSError as exc:
        yield _error(source, stem, "unreadable", f"{source}: {exc.strerror or exc}")
        return
    if _starts_like_jsonl(head):
        yield from read_jsonl_stream(stream, source=source, stem=stem, max_bytes=max_bytes, head=head)
        return
    try:
        data = _read_bounded(stream, head, max_bytes)
    except OSError as exc:
        yield _error(source, stem, "unreadable", f"{source}: {exc.strerror or exc}")
        return
    if data is None:
        yield _too_large(source, stem, max_bytes)
    elif looks_like_html(data):
        yield _html_input(data, source=source, id=stem)
    else:
        yield _text_input(data, source=source, id=stem)


def _read_head(stream: BinaryIO) -> bytes:
    """Up to ``_HEAD`` bytes, fewer only at the end of the stream."""
    parts, total = [], 0
    while total < _HEAD:
        chunk = stream.read(_HEAD - total)
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


def _starts_like_jsonl(head: bytes) -> bool:
    return head.lstrip().removeprefix(_BOM).lstrip()[:1] == b"{"


_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_HTML_MARKS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<main")


def looks_like_html(data: bytes) -> bool:
    """A page starts with ``<`` (after a BOM and blanks) and has an HTML tag early on."""
    head = data[:4096].lstrip().removeprefix(_BOM).lstrip()
    return head[:1] == b"<" and any(mark in head.lower() for mark in _HTML_MARKS)


def _decoded_input(data: bytes, *, source: str, id: str, field: str) -> ArticleInput:
    """``data`` decoded into the input's ``field`` ("text" or "html"), or its error record."""
    try:
        text, encoding = decode(data)
    except InputError as exc:
        return ArticleInput(source=source, id=id, error=InputError(exc.type, f"{source}: {exc.message}"))
    return ArticleInput(source=source, id=id, encoding=encoding, **{field: text})


def _text_input(data: bytes, *, source: str, id: str) -> ArticleInput:
    return _decoded_input(data, source=source, id=id, field="text")


def _html_input(data: bytes, *, source: str, id: str) -> ArticleInput:
    return _decoded_input(data, source=source, id=id, field="html")


class _Prefixed(io.RawIOBase):
    """``head`` (bytes already read) followed by the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._read = getattr(stream, "read1", stream.read)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """``(number, line)`` for every line, split on ``\n`` only; ``line`` is None for a
    line over ``max_bytes``, which is skipped without ever being held whole."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not (len(line) == max_bytes + 1 and line.endswith(b"\n")):
            while line and not line.endswith(b"\n"):
                line = stream.readline(_CHUNK)
            yield number, None
            continue
        yield number, line


def read_jsonl(data: bytes, *, source: str, stem: str, max_bytes: int = MAX_BYTES) -> Iterator[ArticleInput]:
    """The articles of JSON Lines bytes (see ``read_jsonl_stream``)."""
    yield from read_jsonl_stream(io.BytesIO(data), source=source, stem=stem, max_bytes=max_bytes)


def read_jsonl_stream(stream: BinaryIO, *, source: str, stem: str, max_bytes: int = MAX_BYTES,
                      head: bytes | None = None) -> Iterator[ArticleInput]:
    """One input per non-blank line, read as it comes; a bad line is one error input,
    the rest go on. ``head``: bytes of ``stream`` already read.

    Each line is decoded on its own: UTF-8 (a BOM on the first line dropped), else
    the legacy-encoding fallback of ``decoding.decode`` with a warning on that
    record; a line with a NUL byte, or that no encoding reads, is that line's
    error. A file that is binary from its start (not JSON) is one ``binary`` record.
    """
    try:
        if head is None:
            head = _read_head(stream)
    except OSError as exc:
        yield _error(source, stem, "unreadable", f"{source}: {exc.strerror or exc}")
        return
    if not _starts_like_jsonl(head) and looks_binary(head):
        yield _error(source, stem, "binary", f"{source}: binary file, not text")
        return
    reader = io.BufferedReader(_Prefixed(head, stream), buffer_size=_CHUNK)
    utf16 = head.startswith(_UTF16_BOMS)
    lines = _utf16_lines(reader, max_bytes) if utf16 else _lines(reader, max_bytes)
    records = lineno = 0
    try:
        for lineno, line in lines:
            where = f"{source}:{lineno}"
            fallback_id = f"{stem}:{lineno}"
            if line is None:
                records += 1
                yield _too_large(where, fallback_id, max_bytes, what="line")
                continue
            if not line.strip():
                continue
            records += 1
            if utf16:
                text, encoding = line, "utf-16"
            else:
                try:
                    text, encoding = _decode_line(line, first=lineno == 1)
                except InputError as exc:
                    yield _error(where, fallback_id, exc.type, f"{where}: {exc.message}")
                    continue
            yield _jsonl_record(text, encoding, where=where, fallback_id=fallback_id)
    except (OSError, UnicodeDecodeError) as exc:
        records += 1
        yield _error(f"{source}:{lineno + 1}", f"{stem}:{lineno + 1}", "unreadable",
                     f"{source}: reading stopped: {getattr(exc, 'strerror', None) or exc}")
    if records == 0:
        yield ArticleInput(source=source, id=stem, text="", encoding="utf-8",
                           warnings=[f"{source}: empty JSON Lines file: no articles"])


def _utf16_lines(reader: io.BufferedReader, max_bytes: int) -> Iterator[tuple[int, str | None]]:
    """A UTF-16 file (with its BOM) as text lines, split on ``\n`` only."""
    text = io.TextIOWrapper(reader, encoding="utf-16", newline="\n")
    limit = max_bytes // 2
    number = 0
    while True:
        line = text.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith("\n"):
            while line and not line.endswith("\n"):
                line = text.readline(_CHUNK)
            yield number, None
            continue
        yield number, line


def _decode_line(line: bytes, *, first: bool) -> tuple[str, str]:
    if first and line.startswith(_BOM):
        line = line[len(_BOM):]
    if b"\x00" in line:
        raise InputError("binary", "a NUL byte in the line: binary data, not text")
    try:
        return line.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return decode(line)  # cp1252 when plausible, else charset-normalizer; or an InputError


def _jsonl_record(line: str, encoding: str, *, where: str, fallback_id: str) -> ArticleInput:
    import orjson

    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        return _error(where, fallback_id, "bad_json", f"{where}: not valid JSON ({exc.msg})")
    if not isinstance(obj, dict):
        return _error(where, fallback_id, "bad_record", f"{where}: a line must be a JSON object")
    raw_id = obj.get("id")
    art_id = str(raw_id) if raw_id not in (None, "") and isinstance(raw_id, (str, int)) else fallback_id
    has_text = isinstance(obj.get("text"), str)
    has_html = isinstance(obj.get("html"), str)
    if not has_text and not has_html:
        if "text" in obj:
            kind = type(obj["text"]).__name__
            return _error(where, art_id, "bad_record", f"{where}: 'text' must be a string, not {kind}")
        return _error(where, art_id, "bad_record", f"{where}: no 'text' field")
    item = ArticleInput(source=where, id=art_id, encoding=encoding)
    if encoding not in ("utf-8", "utf-16"):
        item.warnings.append(f"{where}: the line is not UTF-8; read as {encoding}")
    if has_text:
        item.text = obj["text"]
    else:
        item.html = obj["html"]
    for key in ("title", "published", "url"):
        value = obj.get(key)
        if isinstance(value, str):
            if value.strip():
                setattr(item, key, value.strip())
        elif value is not None:
            item.warnings.append(f"{where}: ignored {key!r}: a {_json_kind(value)}, not a string")
    if item.published is not None:
        from .dateutil import read_published

        normalized, problem = read_published(item.published)
        if problem is not None:
            item.warnings.append(f"{where}: ignored 'published' value {item.published!r}: {problem}")
        item.published = normalized
    return item


def _json_kind(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "JSON object"
    return type(value).__name__


def _error(source: str, id: str, type: str, message: str) -> ArticleInput:
    return ArticleInput(source=source, id=id, error=InputError(type, message))


def as_input(x: ArticleInput | str | Mapping[str, Any], n: int) -> ArticleInput:
    """What the library accepts as an input (a string, a mapping with ``text`` or ``html``,
    an ``ArticleInput``), as the ``n``-th ``ArticleInput`` of a stream."""
    if isinstance(x, ArticleInput):
        return x
    if isinstance(x, str):
        return ArticleInput(source=f"<text {n}>", id=str(n), text=x)
    if isinstance(x, Mapping):
        text, html = x.get("text"), x.get("html")
        item = ArticleInput(source=str(x.get("source") or f"<item {n}>"), id=str(x.get("id") or n))
        if isinstance(text, str):
            item.text = text
        elif isinstance(html, str):
            item.html = html
        else:
            item.error = InputError("bad_record", f"{item.source}: no 'text' string")
        for key in ("title", "url"):
            if isinstance(x.get(key), str):
                setattr(item, key, x[key])
        if isinstance(x.get("published"), str):
            from .dateutil import normalize_published

            item.published = normalize_published(x["published"])
        return item
    raise TypeError(f"cannot extract from {type(x).__name__}; give a str, a mapping or an ArticleInput")
