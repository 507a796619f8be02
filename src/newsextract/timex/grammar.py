"""The rules of ``models/date_patterns.jsonl``, compiled once.

Each rule is ``{"id", "label", "kind", "pattern", "filters"?}``: ``label`` is the
TIMEX3 type, ``kind`` names the resolver that computes the value, and
``pattern`` is a regular expression over the text in which ``{NAME}`` stands
for a word class of ``lexicon`` and a space for any run of spaces or tabs (never
a line break: an expression stays inside one line). Matching ignores case.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from ..resources import model_file
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
    search: re.Pattern
    full: re.Pattern


def expand(pattern: str, source: str = "pattern") -> str:
    names = placeholders()

    def sub(m: re.Match) -> str:
        if m.group(1) not in names:
            raise ValueError(f"{source}: unknown word class {{{m.group(1)}}}")
        return names[m.group(1)]

    # word classes may hold spaces too ("a couple of"); SPACE itself has none
    return _PLACEHOLDER.sub(sub, pattern).replace(" ", SPACE)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    import srsly

    path = model_file("date_patterns.jsonl")
    out = []
    for n, obj in enumerate(srsly.read_jsonl(path), 1):
        where = f"{path.name}:{n}"
        try:
            body = expand(obj["pattern"], where)
            out.append(Rule(id=obj["id"], label=obj["label"], kind=obj["kind"],
                            filters=tuple(obj.get("filters", ())),
                            search=re.compile(_BEFORE + "(?:" + body + ")" + _AFTER, re.IGNORECASE),
                            full=re.compile(body, re.IGNORECASE)))
        except (KeyError, re.error, TypeError) as exc:
            raise ValueError(f"{where}: invalid date pattern {obj.get('id')!r}: {exc}") from exc
    return tuple(out)


@lru_cache(maxsize=64)
def rule(rule_id: str) -> Rule:
    for r in rules():
        if r.id == rule_id:
            return r
    raise KeyError(rule_id)


def candidates(text: str) -> Iterator[tuple[int, int, int]]:
    """Every rule match in ``text`` as ``(start, end, rule index)``."""
    for i, r in enumerate(rules()):
        for m in r.search.finditer(text):
            if m.end() > m.start():
                yield m.start(), m.end(), i


def full_match(text: str, rule_id: str | None = None) -> tuple[Rule, dict[str, str]] | None:
    """The rule (``rule_id``, else the first in order) matching all of ``text``, with its groups."""
    text = " ".join(text.split())
    pool = (rule(rule_id),) if rule_id else rules()
    for r in pool:
        m = r.full.fullmatch(text)
        if m:
            return r, {k: v for k, v in m.groupdict().items() if v is not None}
    return None
