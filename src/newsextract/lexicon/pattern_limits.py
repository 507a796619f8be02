"""Limits that keep a token pattern's matching time bounded, checked when a pattern file is read.

spaCy's Matcher follows every way a pattern can match, and Python's ``re``
backtracks: both can take time exponential in the pattern on a short text
(30 ``{"OP": "*"}`` tokens filled 6 GB in 40 s on a 10-word sentence; the
regex ``(a+)+$`` took minutes on one 30-letter word). So a token pattern may have

- at most ``MAX_UNBOUNDED`` tokens with an unbounded quantifier (``*``, ``+``,
  ``{n,}``), each with a condition besides ``OP`` (an unbounded "any token"
  matches every stretch of the article: bound it, e.g. ``{"OP": "{0,5}"}``);
- at most ``MAX_OPTIONAL`` optional token slots (``?`` is one, ``{n,m}`` is m-n);
- regexes (``{"REGEX": ...}``) that compile and that repeat no part repeated a
  varying number of times (``(a+)+``, ``(\\w+\\s?)*``, ``(\\d{1,3})+``): the nested
  repeats that backtrack exponentially.

What these rules cannot see (an alternation of overlapping branches,
``(a|aa)+``) is stopped at run time by a time budget (``nlp.components.entity_rules``).
"""
from __future__ import annotations

import re
from typing import Any

MAX_UNBOUNDED = 2
MAX_OPTIONAL = 10
_RANGE = re.compile(r"\{(\d*),(\d*)\}|\{(\d+)\}")


def token_pattern_problem(pattern: list[dict[str, Any]]) -> str | None:
    """Why a token pattern could take unbounded time, or None."""
    unbounded = optional = 0
    for token in pattern:
        low, high = _quantifier(token.get("OP"))
        if high is None:
            unbounded += 1
            if not set(token) - {"OP"}:
                return (f"{{\"OP\": \"{token['OP']}\"}} on a token with no condition matches every stretch "
                        "of the text; bound it, e.g. {\"OP\": \"{0,5}\"}")
        else:
            optional += high - low
    if unbounded > MAX_UNBOUNDED:
        return (f"{unbounded} tokens with '*', '+' or '{{n,}}'; at most {MAX_UNBOUNDED} in one pattern "
                "(matching time grows exponentially with them)")
    if optional > MAX_OPTIONAL:
        return (f"{optional} optional tokens ('?', '{{n,m}}'); at most {MAX_OPTIONAL} in one pattern "
                "(matching time grows exponentially with them)")
    for regex in _regexes(pattern):
        problem = regex_problem(regex)
        if problem:
            return problem
    return None


def regex_problem(regex: Any) -> str | None:
    """Why a pattern's regex cannot be used: it does not compile, or it nests repeats."""
    if not isinstance(regex, str):
        return f"REGEX must be a string, not {type(regex).__name__}"
    try:
        import re._parser as parser  # the parser ``re`` itself compiles with (3.11+)

        parsed = parser.parse(regex)
    except re.error as exc:
        return f"regex {regex!r} does not compile: {exc}"
    except (ImportError, RecursionError, OverflowError) as exc:
        return f"regex {regex!r} cannot be checked: {type(exc).__name__}"
    if _nested_repeat(parsed, parser, inside=False):
        return (f"regex {regex!r} repeats a part that is itself repeated (as in '(a+)+'), which can take "
                "exponential time; write it without the nesting (e.g. 'a+')")
    return None


def _quantifier(op: Any) -> tuple[int, int | None]:
    """(least, most) repetitions of a token with operator ``op``; most is None when unbounded."""
    if op in (None, "!"):
        return (1, 1) if op is None else (0, 0)
    if op == "?":
        return 0, 1
    if op == "*":
        return 0, None
    if op == "+":
        return 1, None
    found = _RANGE.fullmatch(str(op))
    if found is None:
        return 1, 1  # spaCy's own validation reports it
    if found.group(3) is not None:
        n = int(found.group(3))
        return n, n
    low = int(found.group(1) or 0)
    return (low, int(found.group(2))) if found.group(2) else (low, None)


def _regexes(value: Any):
    """Every ``REGEX`` value in a token pattern, however deep ("_" extensions, "NOT_IN" ...)."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "REGEX":
                yield inner
            else:
                yield from _regexes(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _regexes(inner)


def _nested_repeat(items, parser, *, inside: bool) -> bool:
    """A repeat of a varying count ("+", "*", "{1,3}") inside a repeat of more than one:
    the ways to split the text between them multiply. A fixed count ("(,\\d{3})*"), a
    possessive repeat ("a++") and an atomic group ("(?>a+)") do not backtrack so."""
    for op, arg in items:
        if op in (parser.MAX_REPEAT, parser.MIN_REPEAT):
            low, high, body = arg
            if inside and low < high:
                return True
            if _nested_repeat(body, parser, inside=inside or high > 1):
                return True
        elif op is parser.SUBPATTERN:
            if _nested_repeat(arg[-1], parser, inside=inside):
                return True
        elif op is parser.BRANCH:
            if any(_nested_repeat(branch, parser, inside=inside) for branch in arg[1]):
                return True
        elif op in (parser.ASSERT, parser.ASSERT_NOT):
            if _nested_repeat(arg[1], parser, inside=inside):
                return True
    return False
