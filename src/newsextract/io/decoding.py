"""Bytes to text: UTF-8 (BOM dropped) first, otherwise a detected encoding.

Bytes that are not UTF-8 are read as cp1252 (the Windows Western code page, a
superset of Latin-1's printable characters and by far the commonest legacy
encoding of English text) when that decoding reads as plausible Latin-script
text; otherwise charset-normalizer's best guess is used. charset-normalizer on
its own often names a neighbouring code page (cp1250, cp775) for short Western
text, which turns "São Paulo" into "Săo Paulo".
"""
from __future__ import annotations

import unicodedata

from ..errors import InputError

_BOM = b"\xef\xbb\xbf"
# control bytes that never appear in text (TAB, LF, FF, CR and ESC excepted)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
# most non-ASCII letters of Western text sit inside mostly-ASCII words
_MAX_NON_ASCII_LETTERS = 0.3
# symbols that legitimately touch a word ("Acme®", "Windows™")
_WORD_SYMBOLS = "©®™°"


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        # UTF-16/32 text has NULs too, but only with a BOM we would honour
        return not sample.startswith((b"\xff\xfe", b"\xfe\xff"))
    controls = sum(sample.count(bytes([c])) for c in _CONTROL)
    return controls / len(sample) > 0.05


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ``InputError('binary', ...)`` for non-text."""
    if data.startswith(_BOM):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise InputError("binary", "binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and plausible_latin(western):
        return western, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("encoding", "could not detect the text encoding")
    return str(best), best.encoding


def plausible_latin(text: str) -> bool:
    """True when ``text`` reads as Latin-script prose: few non-ASCII letters, no
    control characters, no accented capital right after a lower-case letter and
    no symbol glued to a letter ("£ódŸ" is Polish cp1250 misread, "Ïðèâåò"
    Russian cp1251)."""
    letters = non_ascii = 0
    for i, ch in enumerate(text):
        if ch.isalpha():
            letters += 1
        if ord(ch) < 128:
            continue
        category = unicodedata.category(ch)
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if category == "Cc":
            return False
        if category[0] == "S" and ch not in _WORD_SYMBOLS and (before.isalpha() or after.isalpha()):
            return False
        if category[0] == "L":
            non_ascii += 1
            if category == "Lu" and before.isalpha() and before.islower():
                return False
    return letters > 0 and non_ascii / letters <= _MAX_NON_ASCII_LETTERS
