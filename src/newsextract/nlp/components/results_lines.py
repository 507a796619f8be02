"""People in sports results, scorer lists, line-ups and scorecards.

Results pages set names in fixed slots, whatever the words look like:

- a scorer before the minute in brackets: "Romania - Cosmin Contra ( 31st )";
  a substitute before the minute inside brackets: "( Helmut Kranz 68th )";
- a bowler before his figures (overs-maidens-runs-wickets): "Dale Kerr 10-0-42-2";
- the batsman's dismissal: "c Hollins b Marsh 13" (catcher and bowler);
- a line-up of shirt numbers: "1 - Ruud Visser , 4 - Tomas Brink ; 5 - ..."
  (two or more numbered names in the line);
- a team sheet of initials and surnames: "J Robinson (capt); M Cueto, J Noon, O Barkley"
  (an initial without a full stop, "J-P" too, then one surname, between list marks;
  at least ``INITIAL_LIST`` of them in the line, as prose never has).

The slots are spaCy Matcher patterns in ``models/results_patterns.jsonl``
(``"name"`` says whether the name comes before or after the match); this
module walks from a slot over the name itself: capitalized words, initials
("M."), name particles ("van der") and hyphenated pieces ("Inzamam-ul-Haq").
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_right

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ...lexicon.geo import Gazetteer
from .blocks import BLOCKS_KEY
from .entity_spans import capital_word
from .provenance import RESULTS, stays

# a name listed in a results line starts after one of these (or at the line start)
BOUNDARY = {"(", ",", ";", ":", "-", "&", "and"}
SHIRT = re.compile(r"^\d{1,2}-?$")
INITIAL = re.compile(r"^[A-Z]\.$")
BARE_INITIAL = re.compile(r"^[A-Z]$")
INITIAL_LIST = 3  # names of a team sheet's form in one line, at least
SHEET_BEFORE = {",", ";", ":", "."}
SHEET_AFTER = {",", ";", ".", "(", ")"}
NOT_OVERRIDDEN = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}
# months and weekdays, written out or abbreviated with a full stop ("Jan." but "Jan" is a name)
CALENDAR_WORDS = {w.lower() for w in (*calendar.month_name, *calendar.day_name) if w} \
    | {w.lower() + "." for w in (*calendar.month_abbr, *calendar.day_abbr) if w}


class ResultsLines:
    """``patterns``: the rows of ``results_patterns.jsonl``; the word lists and the
    gazetteer as ``newsextract_person_names`` carries them."""

    def __init__(self, vocab, patterns: list[dict], *, not_surnames: frozenset[str], particles: frozenset[str],
                 geo: Gazetteer, name_max_words: int = 5) -> None:
        self.matcher = Matcher(vocab, validate=True)
        self.where: dict[int, tuple[str, str]] = {}
        self.particles = particles
        self.geo = geo
        self.name_max = name_max_words
        for n, row in enumerate(patterns):
            key = f"{row['id']}_{n}"
            self.matcher.add(key, [row["pattern"]])
            self.where[vocab.strings[key]] = (row["id"], row["name"])
        self.not_surnames = not_surnames

    def __call__(self, doc: Doc, skip: set[int]) -> list[Span]:
        """PERSON spans for the names in results slots (none in the lines of ``skip``)."""
        matches = self.matcher(doc)
        if not matches:
            return []
        lines = [b.start for b in doc.spans.get(BLOCKS_KEY, [])]
        out: list[Span] = []
        shirts: dict[int, list[tuple[int, int]]] = {}
        sheets: dict[int, list[tuple[int, int]]] = {}
        for key, start, end in matches:
            kind, side = self.where[key]
            if start in skip:
                continue
            if kind == "initial":
                name = self._sheet_name(doc, start)
                if name is not None:
                    sheets.setdefault(bisect_right(lines, start) - 1, []).append(name)
                continue
            name = self._before(doc, start) if side == "before" else self._after(doc, end)
            if name is None or not self._fits(doc, kind, name, start, end):
                continue
            if kind == "shirt":
                line = bisect_right(lines, start) - 1
                shirts.setdefault(line, []).append(name)
                continue
            out.append(Span(doc, name[0], name[1], label="PERSON"))
        for names in shirts.values():
            if len(names) >= 2:
                out.extend(Span(doc, s, e, label="PERSON") for s, e in names)
        for names in sheets.values():
            if len(names) >= INITIAL_LIST:
                out.extend(Span(doc, s, e, label="PERSON") for s, e in names)
        return [s for s in out if not self.geo.is_country_or_continent(s.text)]

    def _fits(self, doc: Doc, kind: str, name: tuple[int, int], start: int, end: int) -> bool:
        s, e = name
        after = doc[e] if e < len(doc) else None
        if kind in ("scorer", "substitute", "bowling"):
            if not _listed(doc, s):
                return False
            if kind == "substitute" and not _in_brackets(doc, s):
                return False
            if kind == "bowling" and any(t.whitespace_ for t in doc[start:end - 1]):
                return False
            return True
        if kind == "bowled":  # "b Marsh 13": the runs follow
            return after is not None and (after.like_num or after.is_space)
        if kind == "caught":  # "c Hollins b Marsh"
            return after is not None and after.text == "b"
        if kind == "shirt":  # "4 - Tomas Brink ,"
            return (start == 0 or not doc[start - 1].like_num) and (
                after is None or after.is_space or after.text in (",", ";", "(", ")", ".")
                or after.text[:1].isdigit())
        return False

    def _sheet_name(self, doc: Doc, start: int) -> tuple[int, int] | None:
        """The name a bare initial at ``start`` opens on a team sheet: "M Cueto", "J-P Grandclaude",
        after a list mark (or at a line's start) and before one ("M Cueto," "J Robinson (capt)")."""
        if start > 0 and not (doc[start - 1].is_space or doc[start - 1].text in SHEET_BEFORE):
            return None
        i = start + 1
        if i + 1 < len(doc) and doc[i].text in ("-", "‐") and not doc[start].whitespace_ and not doc[i].whitespace_ \
                and BARE_INITIAL.match(doc[i + 1].text):
            i += 2  # "J-P Grandclaude"
        if i >= len(doc) or not doc[i - 1].whitespace_ or not self._word(doc[i]) or INITIAL.match(doc[i].text):
            return None
        end = i + 1
        while end + 1 < len(doc) and joined(doc, end):  # "J Worsley-Smith"
            end += 1
        if end < len(doc) and doc[end].text in ("-", "‐") and end + 1 < len(doc) and self._word(doc[end + 1]) \
                and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
            end += 2
        after = doc[end] if end < len(doc) else None
        if after is not None and not (after.is_space or after.text in SHEET_AFTER):
            return None
        return start, end

    def _word(self, token) -> bool:
        return (capital_word(token) or INITIAL.match(token.text) is not None) and not token.is_stop \
            and token.text not in self.not_surnames and token.lower_ not in CALENDAR_WORDS

    def _before(self, doc: Doc, end: int) -> tuple[int, int] | None:
        start = end
        while start > 0 and end - start < self.name_max:
            token = doc[start - 1]
            if self._word(token) or joined(doc, start - 1):
                start -= 1
            elif token.text in self.particles and start < end:
                start -= 1
            else:
                break
        while start < end and (doc[start].text == "-" or doc[start].is_lower and doc[start].text not in self.particles):
            start += 1
        return (start, end) if start < end and self._word(doc[end - 1]) else None

    def _after(self, doc: Doc, start: int) -> tuple[int, int] | None:
        end = start
        while end < len(doc) and end - start < self.name_max:
            token = doc[end]
            if self._word(token) or end > start and joined(doc, end):
                end += 1
            elif token.text in self.particles and end + 1 < len(doc) and (
                    self._word(doc[end + 1]) or doc[end + 1].text in self.particles):
                end += 1
            else:
                break
        while end > start and not self._word(doc[end - 1]):
            end -= 1
        return (start, end) if end > start else None


def joined(doc: Doc, i: int) -> bool:
    """A hyphen or lower-case piece inside a hyphenated name ("Anne-Gaelle", "Inzamam-ul-Haq")."""
    token = doc[i]
    if token.text == "-":
        return i > 0 and not doc[i - 1].whitespace_ and not token.whitespace_ and i + 1 < len(doc) \
            and doc[i + 1].is_alpha and doc[i - 1].is_alpha
    return token.is_alpha and token.is_lower and i > 0 and doc[i - 1].text == "-" \
        and not doc[i - 1].whitespace_ and not token.whitespace_ and i + 1 < len(doc) and doc[i + 1].text == "-"


def _listed(doc: Doc, start: int) -> bool:
    """The name opens a line or follows a list separator ("Romania - ", ", ", "( ")."""
    if start == 0:
        return True
    prev = doc[start - 1]
    return prev.is_space or prev.text in BOUNDARY or SHIRT.match(prev.text) is not None


def _in_brackets(doc: Doc, start: int) -> bool:
    """An unclosed "(" before ``start`` in the same line."""
    i = start - 1
    while i >= 0 and start - i < 8:
        token = doc[i]
        if token.is_space or token.text == ")":
            return False
        if token.text == "(":
            return True
        i -= 1
    return False


def stays_against_slot(old: Span, new: Span) -> bool:
    """A results slot names a person against the model (even a "date" or a "number"
    such as "Becerril 46th", "2 - Jan Bosma"), not against a rule or a real date."""
    if old.label_ in NOT_OVERRIDDEN:
        return any(t.lower_ in CALENDAR_WORDS for t in old)
    return stays(old, RESULTS)
