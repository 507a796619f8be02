"""Plain-text article structure: category line, title, headings and paragraphs.

Every non-blank line is one block; entities and sentences never cross a block.
A block is a ``heading`` when it is short and has no final punctuation, the
first heading of the article is its ``title``, and an optional first line
``Categories: X`` is ``meta`` and gives the category. A line before the title that
is only a date ("Published: Monday, January 5, 2026") is ``meta`` too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

_CATEGORY = re.compile(r"^\s*categor(?:y|ies)\s*:\s*(?P<value>.+?)\s*$", re.IGNORECASE)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_FINAL_PUNCT = tuple('.!?;:,"”’»)…')
HEADING_MAX_WORDS = 20
HEADING_MAX_CHARS = 160


@dataclass(frozen=True, slots=True)
class Block:
    start: int
    end: int
    kind: str  # "meta", "title", "heading" or "paragraph"


@dataclass(frozen=True, slots=True)
class Structure:
    category: str | None
    title: str | None
    blocks: tuple[Block, ...]


def is_heading_line(line: str) -> bool:
    stripped = _MD_HEADING.sub("", line).strip()
    if not stripped:
        return False
    if _MD_HEADING.match(line):
        return True
    if len(stripped) > HEADING_MAX_CHARS or len(stripped.split()) > HEADING_MAX_WORDS:
        return False
    return not stripped.endswith(_FINAL_PUNCT)


def _is_date_line(line: str, date_line: Callable[[str], bool] | None) -> bool:
    if len(line) > 80 or not any(c.isdigit() for c in line):
        return False
    if date_line is None:
        from .dateline import is_date_line as date_line

    return date_line(line)


def parse(text: str, date_line: Callable[[str], bool] | None = None) -> Structure:
    """The blocks, title and category line of ``text``; ``date_line`` tells a line that
    is only a date (``dateline.is_date_line`` unless given)."""
    category: str | None = None
    title: str | None = None
    blocks: list[Block] = []
    pos = 0
    first_content = True
    for line in text.splitlines(keepends=True):
        start = pos
        pos += len(line)
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if not stripped:
            continue
        lead = len(body) - len(body.lstrip())
        b_start, b_end = start + lead, start + len(body.rstrip())
        if not blocks:
            match = _CATEGORY.match(body)
            if match:
                category = match.group("value")
                blocks.append(Block(b_start, b_end, "meta"))
                continue
        if first_content and title is None and _is_date_line(stripped, date_line):
            blocks.append(Block(b_start, b_end, "meta"))  # "Published: 5 January 2026" is not the title
            continue
        if is_heading_line(body):
            if first_content and title is None:
                title = _MD_HEADING.sub("", stripped).strip()
                kind = "title"
            else:
                kind = "heading"
        else:
            kind = "paragraph"
        first_content = False
        blocks.append(Block(b_start, b_end, kind))
    return Structure(category=category, title=title, blocks=tuple(blocks))
