"""Read entity rules in spaCy's pattern format from JSON Lines files."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import PatternFileError


def read_patterns(path: str | Path) -> list[dict[str, Any]]:
    """Every pattern of a JSONL file; a malformed line raises ``PatternFileError``
    that names the file and line. Only JSON is read, never code."""
    import orjson

    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PatternFileError(f"{path}: cannot read pattern file ({exc.strerror or exc})") from exc
    patterns: list[dict[str, Any]] = []
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise PatternFileError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from exc
        problem = _check(obj)
        if problem:
            raise PatternFileError(f"{path}:{lineno}: {problem}")
        patterns.append(obj)
    return patterns


def _check(obj: Any) -> str | None:
    if not isinstance(obj, dict):
        return "a pattern must be a JSON object"
    label = obj.get("label")
    if not isinstance(label, str) or not label:
        return "a pattern needs a non-empty string 'label'"
    pattern = obj.get("pattern")
    if isinstance(pattern, str):
        return None if pattern else "'pattern' is empty"
    if isinstance(pattern, list) and pattern and all(isinstance(t, dict) for t in pattern):
        from spacy.schemas import validate_token_pattern

        from .pattern_limits import token_pattern_problem

        problems = validate_token_pattern(pattern)
        if problems:
            return f"invalid token pattern: {'; '.join(problems)}"
        problem = token_pattern_problem(pattern)
        return f"token pattern: {problem}" if problem else None
    return "'pattern' must be a string or a list of token objects"
