"""Bytes to text: UTF-8 (BOM dropped) first, otherwise a detected encoding."""
from __future__ import annotations

from .errors import InputError

_BOM = b"\xef\xbb\xbf"
# control bytes that never appear in text (TAB, LF, FF, CR and ESC excepted)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


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
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("encoding", "could not detect the text encoding")
    encoding = best.encoding
    # cp1252 is a superset of latin-1 for printable text; prefer naming it when
    # the bytes are valid in both and the detector picked a rarer code page
    return str(best), encoding
