"""Find and read inputs: files, folders, standard input and JSON Lines.

Everything here is lazy: ``iter_inputs`` yields one ``ArticleInput`` at a time,
in input order, and a bad input becomes an ``ArticleInput`` with ``error`` set
instead of an exception, so that nothing is ever dropped.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Collection, Iterable, Iterator

from .decoding import decode
from .errors import InputError

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES


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
                stdin: BinaryIO | None = None, exclude: Collection[str] = ()) -> Iterator[ArticleInput]:
    """Yield every article of ``paths`` in order; ``-`` is standard input.

    ``exclude``: real paths never read from a folder (the run's own ``-o`` file)."""
    for given in paths:
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _with_default_published(read_stream(stream), published)
            continue
        path = Path(given)
        if path.is_dir():
            for file, problem in walk_entries(path, exclude=exclude):
                if problem is not None:
                    items = [_error(str(file), file.stem or file.name or given, "unreadable", f"{file}: {problem}")]
                else:
                    items = read_path(file, given=str(file))
                yield from _with_default_published(items, published)
        else:
            yield from _with_default_published(read_path(path, given=given), published)


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


def read_path(path: Path, *, given: str) -> Iterator[ArticleInput]:
    """Read one file: JSON Lines gives one input per line, anything else one."""
    suffix = path.suffix.lower()
    stem = path.stem or path.name or given
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        yield _error(given, stem, "not_found", f"{given}: no such file")
        return
    except IsADirectoryError:
        yield _error(given, stem, "unreadable", f"{given}: is a directory")
        return
    except PermissionError:
        yield _error(given, stem, "unreadable", f"{given}: permission denied")
        return
    except OSError as exc:
        yield _error(given, stem, "unreadable", f"{given}: {exc.strerror or exc}")
        return
    yield from read_bytes(data, suffix=suffix, source=given, stem=stem)


def read_bytes(data: bytes, *, suffix: str, source: str, stem: str) -> Iterator[ArticleInput]:
    """The articles in one file's bytes, read as its suffix says (also for remote files)."""
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(data, source=source, stem=stem)
    elif suffix in HTML_SUFFIXES:
        yield _html_input(data, source=source, id=stem)
    else:
        yield _text_input(data, source=source, id=stem)


def read_stream(stream: BinaryIO, *, source: str = "-", stem: str = "stdin") -> Iterator[ArticleInput]:
    """Standard input: JSON Lines when the first non-blank character is ``{``."""
    try:
        data = stream.read()
    except OSError as exc:
        yield _error(source, stem, "unreadable", f"{source}: {exc}")
        return
    if looks_like_html(data):
        yield _html_input(data, source=source, id=stem)
    elif data.lstrip().removeprefix(_BOM).lstrip()[:1] == b"{":
        yield from read_jsonl(data, source=source, stem=stem)
    else:
        yield _text_input(data, source=source, id=stem)


_BOM = b"\xef\xbb\xbf"
_HTML_MARKS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<main")


def looks_like_html(data: bytes) -> bool:
    """A page starts with ``<`` (after a BOM and blanks) and has an HTML tag early on."""
    head = data[:4096].lstrip().removeprefix(_BOM).lstrip()
    return head[:1] == b"<" and any(mark in head.lower() for mark in _HTML_MARKS)


def _text_input(data: bytes, *, source: str, id: str) -> ArticleInput:
    try:
        text, encoding = decode(data)
    except InputError as exc:
        return ArticleInput(source=source, id=id, error=InputError(exc.type, f"{source}: {exc.message}"))
    return ArticleInput(source=source, id=id, text=text, encoding=encoding)


def _html_input(data: bytes, *, source: str, id: str) -> ArticleInput:
    try:
        text, encoding = decode(data)
    except InputError as exc:
        return ArticleInput(source=source, id=id, error=InputError(exc.type, f"{source}: {exc.message}"))
    return ArticleInput(source=source, id=id, html=text, encoding=encoding)


def read_jsonl(data: bytes, *, source: str, stem: str) -> Iterator[ArticleInput]:
    """One input per non-blank line; a bad line is one error input, the rest go on."""
    import orjson

    try:
        text, encoding = decode(data)
    except InputError as exc:
        yield _error(source, stem, exc.type, f"{source}: {exc.message}")
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        fallback_id = f"{stem}:{lineno}"
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield _error(where, fallback_id, "bad_json", f"{where}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield _error(where, fallback_id, "bad_record", f"{where}: a line must be a JSON object")
            continue
        raw_id = obj.get("id")
        art_id = str(raw_id) if raw_id not in (None, "") and isinstance(raw_id, (str, int)) else fallback_id
        has_text = isinstance(obj.get("text"), str)
        has_html = isinstance(obj.get("html"), str)
        if not has_text and not has_html:
            if "text" in obj:
                kind = type(obj["text"]).__name__
                yield _error(where, art_id, "bad_record", f"{where}: 'text' must be a string, not {kind}")
            else:
                yield _error(where, art_id, "bad_record", f"{where}: no 'text' field")
            continue
        item = ArticleInput(source=where, id=art_id, encoding=encoding)
        if has_text:
            item.text = obj["text"]
        else:
            item.html = obj["html"]
        for key in ("title", "published", "url"):
            value = obj.get(key)
            if isinstance(value, str) and value.strip():
                setattr(item, key, value.strip())
        if item.published is not None:
            from .dateutil import normalize_published

            normalized = normalize_published(item.published)
            if normalized is None:
                item.warnings.append(f"{where}: ignored unreadable 'published' value {item.published!r}")
            item.published = normalized
        yield item


def _error(source: str, id: str, type: str, message: str) -> ArticleInput:
    return ArticleInput(source=source, id=id, error=InputError(type, message))
