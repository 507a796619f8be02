"""The rules of ``models/date_patterns.jsonl``, compiled once.

Each rule is ``{"id", "label", "kind", "needs", "pattern", "filters"?}``: ``label`` is the
TIMEX3 type, ``kind`` names the resolver that computes the value, and
``pattern`` is a regular expression over the text in which ``{NAME}`` stands
for a word class of ``lexicon`` and a space for any run of spaces or tabs (never
a line break: an expression stays inside one line). Matching ignores case: the
patterns and the text are both lower-cased, which is more than twice as fast as
``re.IGNORECASE``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from .. import lexicon
from .lexicon import SPACE, placeholders

_PLACEHOLDER = re.compile(r"\{([A-Z]+)\}")
_BEFORE = r"(?<![\w$£€¥/'’.-])"
_AFTER = r"(?![\w])"


@dataclass(frozen=True)
class Rule:
    id: str
    label: str
    kind: str
    filters: tuple[str, ...]
    needs: frozenset[str]
    search: re.Pattern
    body: str

    @property
    def full(self) -> re.Pattern:
        """The rule alone (no context), compiled on first use: only normalization needs it."""
        return _compiled(self.body)


@lru_cache(maxsize=None)
def _compiled(body: str) -> re.Pattern:
    return re.compile(body)


def expand(pattern: str, source: str = "pattern", names: dict[str, str] | None = None) -> str:
    """``pattern`` with its word classes written out (``names``: ``placeholders()`` unless given)."""
    names = placeholders() if names is None else names
    if re.search(r"\[[^\]]* [^\]]*\]", pattern):
        raise ValueError(f"{source}: a space inside [...] would become a run of spaces; write \\x20")

    def sub(m: re.Match) -> str:
        if m.group(1) not in names:
            raise ValueError(f"{source}: unknown word class {{{m.group(1)}}}")
        return names[m.group(1)]

    # word classes may hold spaces too ("a couple of"); SPACE itself has none. " ?" is an
    # optional run of spaces ("3pm", "3 pm"), not a lazy "at least one"
    body = _PLACEHOLDER.sub(sub, pattern).replace(" ?", "\0")
    return body.replace(" ", SPACE).replace("\0", SPACE[:-1] + "*")


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    return compile_rules(lexicon.jsonl("date_patterns.jsonl"), placeholders())


def compile_rules(patterns: list[dict], names: dict[str, str], name: str = "date_patterns.jsonl") -> tuple[Rule, ...]:
    """The rules of ``patterns`` (the objects of ``date_patterns.jsonl``) over the word classes
    ``names``, compiled once per process for the same patterns and classes (the dates
    component's and the package's ``rules()`` are then the same objects)."""
    import orjson

    key = (orjson.dumps(patterns, option=orjson.OPT_SORT_KEYS), orjson.dumps(names, option=orjson.OPT_SORT_KEYS))
    found = _COMPILED.get(key)
    if found is None:
        found = _COMPILED[key] = _compile_rules(patterns, names, name)
    return found


_COMPILED: dict[tuple[bytes, bytes], tuple[Rule, ...]] = {}


def _compile_rules(patterns: list[dict], names: dict[str, str], name: str) -> tuple[Rule, ...]:
    out = []
    for n, obj in enumerate(patterns, 1):
        where = f"{name}:{n}"
        try:
            body = expand(obj["pattern"], where, names)
            if re.search(r"\\[A-Z]", body):
                raise ValueError("upper-case escapes (\\D, \\W, ...) cannot be lower-cased")
            body = body.lower().replace("(?p<", "(?P<")
            out.append(Rule(id=obj["id"], label=obj["label"], kind=obj["kind"],
                            filters=tuple(obj.get("filters", ())), needs=frozenset(obj.get("needs", ())),
                            search=re.compile(_BEFORE + "(?:" + body + ")" + _AFTER),
                            body=body))
        except (KeyError, re.error, TypeError) as exc:
            raise ValueError(f"{where}: invalid date pattern {obj.get('id')!r}: {exc}") from exc
    return tuple(out)


@lru_cache(maxsize=64)
def rule(rule_id: str) -> Rule:
    for r in rules():
        if r.id == rule_id:
            return r
    raise KeyError(rule_id)


# Every expression holds a digit or a trigger word, and each rule says which kinds of
# trigger it needs ("needs"): a rule only runs on the stretches of text around those.
_LEFT, _RIGHT = 60, 100
_CLASSES = {"month": ("months",), "weekday": ("weekdays",), "season": ("seasons",),
            "pod": ("parts_of_day",), "unit": ("units", "calendar_units"), "dayword": ("day_words",),
            "ref": ("references",), "setadv": ("set_adverbs",), "decadeword": ("decade_words",)}
_EXTRA = {"noon": "clock", "midnight": "clock", "midday": "clock", "tonight": "pod", "now": "ref",
          "currently": "ref", "nowadays": "ref", "season": "sportseason", "period": "period",
          "seventeen": "spokenyear", "eighteen": "spokenyear", "nineteen": "spokenyear",
          "thousand": "spokenyear"}


@lru_cache(maxsize=1)
def _triggers() -> tuple[re.Pattern, dict[str, frozenset[str]]]:
    from .lexicon import words

    return triggers_of(words())


def triggers_of(w: dict) -> tuple[re.Pattern, dict[str, frozenset[str]]]:
    """The trigger words of the word classes ``w`` (``timex.lexicon.words()`` or a copy)."""
    classes: dict[str, set[str]] = {}
    for name, keys in _CLASSES.items():
        for key in keys:
            for entry in w[key]:
                classes.setdefault(entry.split()[-1], set()).add(name)
    for word, name in _EXTRA.items():
        classes.setdefault(word, set()).add(name)
    alternatives = "|".join(re.escape(v) for v in sorted(classes, key=len, reverse=True))
    pattern = re.compile(r"\d|(?<![a-z])(" + alternatives + r")s?(?![a-z])")
    return pattern, {k: frozenset(v) for k, v in classes.items()}


def windows(text: str, triggers: tuple[re.Pattern, dict[str, frozenset[str]]] | None = None
            ) -> Iterator[tuple[int, int, frozenset[str]]]:
    """Stretches of (lower-cased) ``text`` around trigger words, merged, ending between
    words, each with the kinds of trigger in it (``triggers``: ``triggers_of``, the package's unless given)."""
    pattern, classes = _triggers() if triggers is None else triggers
    digit = frozenset(("digit",))
    start = end = -1
    kinds: set[str] = set()
    n = len(text)
    for m in pattern.finditer(text):
        found = digit if m.end() - m.start() == 1 and text[m.start()].isdigit() else classes[m.group(1)]
        s, e = max(0, m.start() - _LEFT), min(n, m.end() + _RIGHT)
        if s <= end and e <= end:  # inside the current stretch: nothing to extend
            kinds.update(found)
            continue
        while e < n and text[e].isalnum():
            e += 1
        if s <= end:
            end = max(end, e)
            kinds.update(found)
            continue
        if end > 0:
            yield start, end, frozenset(kinds)
        start, end, kinds = s, e, set(found)
    if end > 0:
        yield start, end, frozenset(kinds)


def lower(text: str) -> str:
    """``text`` in lower case, with every character at its place."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def candidates(text: str, all_rules: tuple[Rule, ...] | None = None,
               triggers: tuple[re.Pattern, dict[str, frozenset[str]]] | None = None) -> Iterator[tuple[int, int, int]]:
    """Every rule match in ``text`` as ``(start, end, rule index)`` (the package's rules
    and triggers, unless given)."""
    all_rules = rules() if all_rules is None else all_rules
    text = lower(text)
    for start, end, kinds in windows(text, triggers):
        for i, r in enumerate(all_rules):
            if r.needs and r.needs.isdisjoint(kinds):
                continue
            for m in r.search.finditer(text, start, end):
                if m.end() > m.start():
                    yield m.start(), m.end(), i


def full_match(text: str, rule_id: str | None = None) -> tuple[Rule, dict[str, str]] | None:
    """The rule (``rule_id``, else the first in order) matching all of ``text``, with its groups."""
    text = lower(" ".join(text.split()))
    pool = (rule(rule_id),) if rule_id else rules()
    for r in pool:
        m = r.full.fullmatch(text)
        if m:
            return r, {k: v for k, v in m.groupdict().items() if v is not None}
    return None
