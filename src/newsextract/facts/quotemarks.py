"""Quoted stretches of an article's text, found by its quotation marks alone.

Straight (``"``) and curly (``“ ”``) double quotes, and single quotes (``'``,
``‘ ’``) outside double-quoted text (the British headline convention, "Blair
'to go' claims"). A mark opens when it follows a space or the start of a line
and precedes a word; it closes when it follows a word and precedes a space or
punctuation. News writing leaves marks open in two ways, both read here:

- a paragraph whose quotation does not close runs on into the next paragraph,
  which opens with a quotation mark again (``continues``);
- a new opening mark while a quotation is open ends it (``He said: "We won.
  "Next week we play again."``): two stretches of one speaker.

An apostrophe is never a quotation mark: "Smith's", "don't", "the players'
union", "'90s", "rock 'n' roll".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE = {'"': "both", "“": "open", "”": "close", "„": "open"}
SINGLE = {"'": "both", "‘": "open", "’": "close"}
OPENERS_BEFORE = set("([{/-–—") | {"", " ", "\t"}
CLOSERS_AFTER = set(".,;:!?)]}-–—…") | {"", " ", "\t"}
# an apostrophe that starts a word: '90s, '05, 'em, 'n', 'cause, 'til, 'tis
ELISION = re.compile(r"(?:\d\d(?:s|\b)|(?:em|n|cause|cos|til|tis|twas|ere)\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Stretch:
    """The words between two quotation marks: ``text[start:end]``, marks excluded."""
    start: int
    end: int
    mark: str           # '"' for double quotes, "'" for single ones
    open_at: int        # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when it was left open
    line: int           # index of the paragraph (non-blank line) it stands in
    continues: bool = False  # it opens a paragraph after one whose quotation ran on


def find_stretches(text: str) -> list[Stretch]:
    """Every quoted stretch of ``text``, in order; nested single quotes inside a
    double-quoted stretch are part of it."""
    out: list[Stretch] = []
    pos = 0
    line_no = 0
    ran_on = False
    for line in text.splitlines(keepends=True):
        start = pos
        pos += len(line)
        body = line.rstrip("\r\n")
        if not body.strip():
            continue
        doubles = _scan(text, start, start + len(body), DOUBLE, '"')
        lead = len(body) - len(body.lstrip())
        opens_with_mark = body.lstrip()[:1] in DOUBLE
        stretches = list(doubles)
        if ran_on and doubles and opens_with_mark and doubles[0].open_at == start + lead:
            first = doubles[0]
            stretches[0] = Stretch(first.start, first.end, first.mark, first.open_at, first.close_at,
                                   line_no, continues=True)
        stretches = [s if s.line == line_no else _with_line(s, line_no) for s in stretches]
        ran_on = bool(doubles) and doubles[-1].close_at is None
        singles = _singles(text, start, start + len(body), doubles)
        out.extend(sorted(stretches + [_with_line(s, line_no) for s in singles], key=lambda s: s.start))
        line_no += 1
    return out


def _with_line(s: Stretch, line: int) -> Stretch:
    return Stretch(s.start, s.end, s.mark, s.open_at, s.close_at, line, s.continues)


def _role(text: str, i: int, lo: int, hi: int, marks: dict[str, str]) -> str:
    """"open", "close" or "either" for the mark at ``text[i]``."""
    kind = marks[text[i]]
    if kind != "both":
        return kind
    before = text[i - 1] if i > lo else ""
    after = text[i + 1] if i + 1 < hi else ""
    opens = (before in OPENERS_BEFORE or before.isspace() or before in DOUBLE) and after != "" and not after.isspace()
    closes = before != "" and not before.isspace() and (after in CLOSERS_AFTER or after.isspace()
                                                          or after in DOUBLE or after in SINGLE)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _scan(text: str, lo: int, hi: int, marks: dict[str, str], mark: str) -> list[Stretch]:
    out: list[Stretch] = []
    open_at: int | None = None
    for i in range(lo, hi):
        if text[i] not in marks:
            continue
        role = _role(text, i, lo, hi, marks)
        if role == "open" or (role == "either" and open_at is None):
            if open_at is not None:  # a new quotation opens: the open one ends here
                _emit(out, text, open_at, i, None, mark)
            open_at = i
        elif open_at is not None:
            _emit(out, text, open_at, i, i, mark)
            open_at = None
    if open_at is not None:
        _emit(out, text, open_at, hi, None, mark)
    return out


def _emit(out: list[Stretch], text: str, open_at: int, end: int, close_at: int | None, mark: str) -> None:
    start = open_at + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Stretch(start, end, mark, open_at, close_at, 0))


def _singles(text: str, lo: int, hi: int, doubles: list[Stretch]) -> list[Stretch]:
    """Single-quoted stretches outside double-quoted ones, apostrophes left alone."""
    inside = [(d.open_at, (d.close_at if d.close_at is not None else d.end) + 1) for d in doubles]
    opens, closes = [], []
    for i in range(lo, hi):
        ch = text[i]
        if ch not in SINGLE or any(a <= i < b for a, b in inside):
            continue
        before = text[i - 1] if i > lo else ""
        after = text[i + 1] if i + 1 < hi else ""
        if before.isalnum() and after.isalnum():
            continue  # "don't", "Smith's", "O'Neill"
        role = _role(text, i, lo, hi, SINGLE)
        if role in ("open", "either") and ch != "’" and not ELISION.match(text, i + 1, hi) and after.isalnum() \
                or ch == "‘":
            opens.append(i)
        elif role in ("close", "either") and before != "":
            possessive = before in "sS" and after == " " and i + 2 < hi and text[i + 2].isalnum()
            closes.append((i, possessive))
    out: list[Stretch] = []
    last_end = lo - 1
    for o in opens:
        if o <= last_end:
            continue
        later = [c for c in closes if c[0] > o + 1]
        next_open = min((x for x in opens if x > o), default=hi)
        plain = [c for c, possessive in later if not possessive and c < next_open]
        close = plain[0] if plain else next((c for c, _ in later if c < next_open), None)
        if close is None:
            continue
        _emit(out, text, o, close, close, "'")
        last_end = close
    return out
