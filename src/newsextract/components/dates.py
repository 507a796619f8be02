"""``newsextract_dates``: temporal expressions as ``doc.spans["dates"]``.

Each span's label is its TIMEX3 type (DATE, TIME, DURATION, SET) and its
``id_`` the rule that found it. The rules (``models/date_patterns.jsonl``, over
the word classes of ``models/date_words.json``) are matched over the text; the
parse then vetoes readings it contradicts ("May" as a modal verb, "2000" as an
amount of money). Extents follow TimeML: determiners and modifiers in,
prepositions out ("on Monday" gives "Monday"). Values are computed later by
``extractors.dates`` because they need the article's anchor.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..timex import grammar
from ..timex import lexicon as lex
from ..timex.absolute import warm_up

DATES_KEY = "dates"
_VERB_TAGS = {"MD", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
_NOT_DATES = {"PERSON", "ORG", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "PRODUCT", "WORK_OF_ART"}
_BEFORE_BARE_MONTH = {"in", "since", "until", "till", "by", "from", "through", "of", "during", "before",
                      "after", "between", "and", "to", "-", "–", "early", "late", "mid", "last", "next",
                      "this", "that", "each", "every", "or", "on", "for"}
_BEFORE_BARE_PLURAL = {"for", "in", "within", "over", "take", "takes", "took", "taking", "taken", "last",
                       "lasted", "lasting", "spend", "spent", "spending", "wait", "waited", "after"}
_AFTER_BARE_PLURAL = {"ago", "later", "earlier", "before", "after", "long", "away", "afterwards"}
_QUANTITY_WORDS = {"once", "twice", "times", "thrice"}
_BEFORE_TIME = {"at", "from", "until", "till", "by", "before", "after", "around", "about", "to", "between", "and"}
_COUNT_MODIFIERS = {"about", "around", "some", "nearly", "almost", "roughly", "approximately", "than", "over",
                    "under", "least", "most", "just", "only", "up"}


class DatesComponent:
    def __init__(self) -> None:
        self.rules = grammar.rules()  # compiled once
        w = lex.words()
        self.calendar_words = set(w["months"]) | set(w["weekdays"])
        self.ambiguous_months = set(w["ambiguous_months"])
        self.named_day_words = set(w["named_day_words"])
        warm_up()

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for start, end, index in grammar.candidates(doc.text):
            rule = self.rules[index]
            span = _span(doc, start, end)
            if span is not None and self._plausible(doc, span, rule):
                found.append((start, -(end - start), index, span))
        found.sort(key=lambda c: c[:3])
        spans, taken = [], -1
        for start, _, index, span in found:
            if span.start_char >= taken and span.start >= (spans[-1].end if spans else 0):
                rule = self.rules[index]
                spans.append(Span(doc, span.start, span.end, label=rule.label, span_id=rule.id))
                taken = span.end_char
        doc.spans[DATES_KEY] = spans
        return doc

    def _plausible(self, doc: Doc, span: Span, rule: grammar.Rule) -> bool:
        words = [t for t in span if t.lower_.rstrip(".") in self.calendar_words]
        for t in words:
            if t.text.islower() and not span.text.isupper():
                return False  # "may", "march", "sun": names of months and days are capitalized
        before = doc[span.start - 1] if span.start > 0 else None
        prev = before.lower_ if before is not None else ""
        after = doc[span.end] if span.end < len(doc) else None
        nxt = after.lower_ if after is not None else ""
        if rule.id in ("month", "weekday", "year", "season", "decade", "set_weekdays"):
            if any(t.ent_type_ in _NOT_DATES for t in span) and not any(t.ent_type_ in ("DATE", "TIME")
                                                                         for t in span):
                return False
        rest = doc.text[span.end_char:span.end_char + 2]
        if rest[:1] == "-" and rest[1:].isalpha():
            return False  # part of a compound: "the quarter-final"
        if rule.id in ("weekday", "weekday_part") and before is not None and before.text.istitle() \
                and prev in self.named_day_words:
            return False  # a named day: "Black Friday", "Super Tuesday"
        if rule.id == "time_24h" and not any(t.lower_.rstrip(".") in self.calendar_words or t.is_alpha
                                             for t in span) and prev not in _BEFORE_TIME:
            return False  # "won 21:14": a score, not a time
        if rule.id == "quarter" and span[-1].lower_ == "half" and "year" not in span.text.lower() \
                and not any(t.shape_ == "dddd" for t in span):
            return False  # "the first half" of a match; a year's half needs its year
        if span.text.lower() in ("one day", "some day") and span[0].is_sent_start:
            return False  # "One day he will return"
        if rule.id == "set_weekdays" and before is not None and before.text[:1].isupper() \
                and before.pos_ not in ("ADP", "DET", "CCONJ", "ADV", "PRON"):
            return False  # the band Happy Mondays
        if rule.id == "month" and len(span) == 1:
            t = span[0]
            if t.tag_ in _VERB_TAGS:
                return False
            if t.lower_.rstrip(".") in self.ambiguous_months and prev not in _BEFORE_BARE_MONTH:
                return False
        if rule.id == "year":
            if len(span) == 1 and after is not None and after.tag_ == "NNS" and prev in _COUNT_MODIFIERS:
                return False  # "about 2000 people"
            if len(span) == 1 and before is not None and before.tag_ in ("NNP", "NNPS") \
                    and prev.rstrip(".") not in self.calendar_words:
                return False  # a name: "Windows 2000"
            if prev in ("$", "£", "€", "no", "no.", "#", "number", "route", "flight", "room"):
                return False
            if span.end < len(doc) and doc[span.end].lower_ in ("%", "percent", "per"):
                return False
        if rule.id == "season" and not any(t.like_num for t in span):
            season = span[-1]
            bare = len(span) == 1 or (len(span) == 2 and span[0].lower_ == "the")
            if bare and (season.lower_ == "fall" or nxt == "of"):
                return False  # "the fall of the regime"
            if season.text[0].isupper() and not season.is_sent_start and not _title_case(span):
                return False  # "the Arab Spring"
            if season.text[0].isupper() and nxt[:1] and after.text[0].isupper() and not _title_case(span):
                return False  # "Spring Street"
        if rule.id in ("relative", "quarter_relative") and span[-1].text[0].isupper() \
                and not _title_case(span):
            return False  # a title: ABC's "This Week"
        following = doc.text[span.end_char:span.end_char + 4].lower()
        if rule.kind == "duration" and (nxt == "old" or following in ("-old", " old")
                                        or (span[-1].lower_.startswith("quarter") and nxt == "of")):
            return False  # an age, "three-quarters of"
        if rule.kind == "duration" and len(span) >= 2 and span[-2].like_num and len(span[-2].text) == 4 \
                and span[-2].text.isdigit() and not span[-1].lower_.endswith("s"):
            return False  # "the 1988 quarter" is a year, not 1988 quarters
        if rule.id == "set_adverb" and (span[0].tag_ == "JJ" or span[0].dep_ == "amod"):
            return False  # "a quarterly dividend"
        if "bare_plural" in rule.filters:
            if prev not in _BEFORE_BARE_PLURAL and nxt not in _AFTER_BARE_PLURAL:
                return False
        if "after_quantity" in rule.filters:
            window = doc[max(0, span.start - 3):span.start]
            if not any(t.like_num or t.lower_ in _QUANTITY_WORDS or t.is_currency or t.text == "%"
                       or t.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") for t in window):
                return False
        if span[-1].lower_ in ("second", "seconds") and span[0].lower_ in ("a", "an", "one", "the"):
            return False  # "a second term"
        return True


def _title_case(span: Span) -> bool:
    """Is the sentence of ``span`` a Title Case or ALL CAPS headline ("Talks To Resume Next Week")?"""
    words = [t for t in span.sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def _span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens of a match; None when the match cuts a token ("years.perhaps")."""
    return doc.char_span(start, end, alignment_mode="strict")


@Language.factory("newsextract_dates", assigns=["doc.spans"], default_config={})
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent()
