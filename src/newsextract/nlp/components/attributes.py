"""``newsextract_attributes``: the model's own attribute rules, applied with arrays.

The English pipeline's ``attribute_ruler`` maps each fine-grained tag to its
coarse part of speech and morphology, then applies about 120 exceptions
("the" is a definite article, an "aux" dependant is an AUX, "gonna" is "go
to"). spaCy runs all of them as ``Matcher`` patterns and sets every match in
Python: about a tenth of the whole model's time on news text.

This component reads the same patterns from the loaded ``attribute_ruler`` and
gives the same result faster: the leading run of tag-only patterns becomes two
lookup arrays set with ``Doc.from_array``; the exceptions are found with
boolean arrays over the token attributes (a pattern whose first word is not in
the text is skipped at once) and set in the ruler's own order, so a later rule
wins exactly as it does in spaCy. ``pipeline.load`` puts it in place of the
ruler only when every pattern is of a kind handled here (``supported``);
otherwise the ruler runs as shipped. It carries no data of its own: in a saved
pipeline it reads the ruler's patterns again once they are loaded (``from_disk``).
"""
from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs  # what spaCy's AttributeRuler itself uses

STRING_ATTRS = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "NORM": NORM, "DEP": DEP}
FLAG_ATTRS = {"IS_SPACE": IS_SPACE}
COLUMNS = list(STRING_ATTRS.values()) + list(FLAG_ATTRS.values())
COLUMN = {name: i for i, name in enumerate([*STRING_ATTRS, *FLAG_ATTRS])}
PREDICATES = {"IN", "NOT_IN", "REGEX"}


def supported(patterns: list[dict[str, Any]]) -> bool:
    """Whether every token spec uses only attributes and predicates handled here."""
    for entry in patterns:
        for pattern in entry["patterns"]:
            if not isinstance(pattern, list) or not pattern:
                return False
            for spec in pattern:
                for key, value in spec.items():
                    if key in FLAG_ATTRS:
                        if not isinstance(value, bool):
                            return False
                    elif key not in STRING_ATTRS:
                        return False
                    elif isinstance(value, dict):
                        if not value or set(value) - PREDICATES or ("REGEX" in value and len(value) > 1):
                            return False
                    elif not isinstance(value, str):
                        return False
    return True


class _Spec:
    """One token's conditions, checked over the arrays of a whole Doc."""

    def __init__(self, spec: dict[str, Any], strings) -> None:
        def code(text: str) -> int:
            return 0 if text == "" else strings.add(text)

        self.tests: list[tuple[int, str, Any]] = []
        self.first_words: set[int] | None = None  # LOWER/ORTH values that this token must have
        for key, value in spec.items():
            col = COLUMN[key]
            if key in FLAG_ATTRS:
                self.tests.append((col, "eq", int(value)))
            elif isinstance(value, str):
                self.tests.append((col, "eq", code(value)))
                if key in ("LOWER", "ORTH"):
                    self.first_words = {code(value)}
            elif "REGEX" in value:
                self.tests.append((col, "regex", re.compile(value["REGEX"])))
            else:
                if "IN" in value:
                    values = _sorted_codes(code(v) for v in value["IN"])
                    self.tests.append((col, "in", values))
                    if key in ("LOWER", "ORTH"):
                        self.first_words = {int(v) for v in values}
                if "NOT_IN" in value:
                    values = _sorted_codes(code(v) for v in value["NOT_IN"])
                    self.tests.append((col, "not_in", values))

    def mask(self, table: numpy.ndarray, strings) -> numpy.ndarray:
        ok = numpy.ones(len(table), dtype=bool)
        for col, op, value in self.tests:
            column = table[:, col]
            if op == "eq":
                ok &= column == value
            elif op == "in":
                ok &= _member(column, value)
            elif op == "not_in":
                ok &= ~_member(column, value)
            else:
                hits = {k for k in set(column.tolist()) if k and value.search(strings[k])}
                ok &= _member(column, _sorted_codes(hits))
        return ok


def _sorted_codes(codes) -> numpy.ndarray:
    """Distinct string codes, sorted, as the array ``_member`` looks values up in."""
    return numpy.array(sorted(set(codes)), dtype="uint64")


def _member(column: numpy.ndarray, values: numpy.ndarray) -> numpy.ndarray:
    """``numpy.isin(column, values)`` for sorted distinct ``values``, by binary search:
    ``isin`` calls ``numpy.unique``, whose first call imports ``numpy.ma`` (~20 ms of
    start-up that bare spaCy never pays)."""
    if not len(values):
        return numpy.zeros(len(column), dtype=bool)
    at = numpy.searchsorted(values, column)
    at[at == len(values)] = 0  # past the largest value: compared with the first, never equal
    return values[at] == column


class FastAttributes:
    def __init__(self, nlp: Language, ruler_name: str = "attribute_ruler") -> None:
        self.nlp, self.ruler_name = nlp, ruler_name
        self._build()

    def to_disk(self, path, *, exclude=()) -> None:
        """Nothing to write: the rules are the ruler's, saved with it."""

    def to_bytes(self, *, exclude=()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude=()) -> "FastAttributes":
        self._build()
        return self

    def from_disk(self, path, *, exclude=()) -> "FastAttributes":
        """The ruler's rules again, now that the saved pipeline has loaded them (it comes first)."""
        self._build()
        return self

    def _build(self) -> None:
        nlp = self.nlp
        ruler = nlp.get_pipe(self.ruler_name)
        entries = ruler.patterns
        strings = nlp.vocab.strings
        self._attrs = ruler.attrs  # normalized attributes per entry, in the ruler's order
        self._indices = ruler.indices
        # leading tag-only entries: a lookup from tag to POS and to morphology
        self._pos: dict[int, int] = {}
        self._morph: dict[int, int] = {}
        first = 0
        for entry in entries:
            pattern = entry["patterns"]
            if len(pattern) != 1 or len(pattern[0]) != 1 or set(pattern[0][0]) != {"TAG"} \
                    or not isinstance(pattern[0][0]["TAG"], str) or entry["index"] != 0 \
                    or set(entry["attrs"]) - {"POS", "MORPH"}:
                break
            tag = strings.add(pattern[0][0]["TAG"])
            if "POS" in entry["attrs"]:
                self._pos[tag] = POS_IDS[entry["attrs"]["POS"]]
            if "MORPH" in entry["attrs"]:
                self._morph[tag] = nlp.vocab.morphology.add(entry["attrs"]["MORPH"])
            first += 1
        # as sorted arrays: tag -> (POS, MORPH) values and whether each is set
        self._tags = None
        if self._pos or self._morph:
            tags = sorted(set(self._pos) | set(self._morph))
            self._tags = numpy.array(tags, dtype="uint64")
            self._values = numpy.array([[self._pos.get(t, 0), self._morph.get(t, 0)] for t in tags], dtype="uint64")
            self._set = numpy.array([[t in self._pos, t in self._morph] for t in tags], dtype=bool)
        # the exceptions: (attribute-set id, token specs) per pattern
        self._rules: list[tuple[int, list[_Spec]]] = []
        for attr_id in range(first, len(entries)):
            for pattern in entries[attr_id]["patterns"]:
                self._rules.append((attr_id, [_Spec(spec, strings) for spec in pattern]))
        self._strings = strings

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array(COLUMNS)
        tag_col = COLUMN["TAG"]
        if self._tags is not None:
            current = doc.to_array([POS, MORPH])
            tags = table[:, tag_col]
            at = numpy.minimum(numpy.searchsorted(self._tags, tags), len(self._tags) - 1)
            known = (self._tags[at] == tags)[:, None]
            doc.from_array([POS, MORPH], numpy.where(known & self._set[at], self._values[at], current))
        words = set(table[:, COLUMN["LOWER"]].tolist()) | set(table[:, COLUMN["ORTH"]].tolist())
        n = len(doc)
        matches: list[tuple[int, int, int]] = []
        for attr_id, specs in self._rules:
            first_words = specs[0].first_words
            if first_words is not None and first_words.isdisjoint(words) or len(specs) > n:
                continue
            width = n - len(specs) + 1
            ok = specs[0].mask(table, self._strings)[:width]
            for k, spec in enumerate(specs[1:], 1):
                if not ok.any():
                    break
                ok &= spec.mask(table, self._strings)[k:k + width]
            matches.extend((attr_id, int(start), int(start) + len(specs)) for start in numpy.flatnonzero(ok))
        matches.sort()
        for attr_id, start, end in matches:
            set_token_attrs(doc[start:end][self._indices[attr_id]], self._attrs[attr_id])
        return doc


@Language.factory("newsextract_attributes", assigns=["token.pos", "token.morph", "token.lemma"],
                  default_config={"ruler": "attribute_ruler"})
def make_attributes(nlp: Language, name: str, ruler: str) -> FastAttributes:
    return FastAttributes(nlp, ruler)
