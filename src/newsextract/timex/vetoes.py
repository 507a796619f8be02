"""Readings of a rule match that the parse and the context contradict.

The grammar matches text; each veto here looks at the tokens of one match (and
its neighbours) and says no to a reading a careful editor would not count as a
date: "May" as a modal verb, "Windows 2000", "about 2000 people", a 28-year-old,
"Black Friday", a title such as ABC's "This Week", a score of 21:14. The word
lists come from the ``context`` and ``named_day_words`` entries of
``models/date_words.json``.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .grammar import Rule
from .lexicon import words

_VERB_TAGS = {"MD", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
_NOT_DATES = {"PERSON", "ORG", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "PRODUCT", "WORK_OF_ART"}
_AMOUNTS = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")
_NAMED_RULES = ("month", "weekday", "year", "season", "decade", "set_weekdays")


@dataclass(frozen=True)
class Match:
    """A candidate with what the vetoes look at around it."""

    span: Span
    rule: Rule
    before: Token | None
    after: Token | None
    text: str  # the document's text (``Doc.text`` is rebuilt on every access)

    @property
    def prev(self) -> str:
        return self.before.lower_ if self.before is not None else ""

    @property
    def next(self) -> str:
        return self.after.lower_ if self.after is not None else ""

    @property
    def following(self) -> str:
        """The characters right after the match."""
        return self.text[self.span.end_char:self.span.end_char + 4].lower()


class Vetoes:
    def __init__(self, w: dict | None = None) -> None:
        """``w``: the word classes (``timex.lexicon.words()`` unless given)."""
        w = words() if w is None else w
        context = {k: frozenset(v) for k, v in w["context"].items() if not k.startswith("_")}
        self.context = context
        self.calendar_words = frozenset(w["months"]) | frozenset(w["weekdays"])
        self.ambiguous_months = frozenset(w["ambiguous_months"])
        self.named_day_words = frozenset(w["named_day_words"])
        self.vague_numbers = frozenset(w["vague_numbers"])
        self.day_words = frozenset(k for k in w["day_words"] if " " not in k) | {"tonight"}
        self.checks = (self.lower_case_names, self.named_things, self.compounds, self.bare_months,
                       self.years, self.seasons, self.titles, self.ages_and_fractions, self.adjectives,
                       self.bare_plurals, self.amounts, self.scores_and_halves, self.parts_of_day_as_modifiers,
                       self.periods_ending, self.years_of_something, self.that_as_a_conjunction,
                       self.halves_of_something, self.days_spoken_of, self.vague_offsets,
                       self.future_one_day, self.named_day_words_mid_sentence)

    def plausible(self, span: Span, rule: Rule, text: str) -> bool:
        """Does no veto apply to ``span`` found by ``rule`` in the document's ``text``?"""
        doc = span.doc
        match = Match(span, rule, doc[span.start - 1] if span.start > 0 else None,
                      doc[span.end] if span.end < len(doc) else None, text)
        return not any(check(match) for check in self.checks)

    def _calendar(self, token: Token) -> bool:
        return token.lower_.rstrip(".") in self.calendar_words

    def lower_case_names(self, m: Match) -> bool:
        """"may", "march", "sun": names of months and days are capitalized."""
        return not m.span.text.isupper() and any(self._calendar(t) and t.text.islower() for t in m.span)

    def named_things(self, m: Match) -> bool:
        """"Sunday Times", "Black Friday", "Happy Mondays", "Windows 2000"."""
        span, rule, before = m.span, m.rule, m.before
        if rule.id in _NAMED_RULES and any(t.ent_type_ in _NOT_DATES for t in span) \
                and not any(t.ent_type_ in ("DATE", "TIME") for t in span):
            return True
        if before is None or not before.text.istitle():
            return False
        if rule.id in ("weekday", "weekday_part"):
            return m.prev in self.named_day_words
        if rule.id == "set_weekdays":
            return before.pos_ not in ("ADP", "DET", "CCONJ", "ADV", "PRON")
        if rule.id == "year" and len(span) == 1:
            return before.tag_ in ("NNP", "NNPS") and not self._calendar(before)
        return False

    def compounds(self, m: Match) -> bool:
        """"the quarter-final": the match is the first part of a hyphenated word."""
        return m.following[:1] == "-" and m.following[1:2].isalpha()

    def bare_months(self, m: Match) -> bool:
        """"May I ask", "we march": a lone ambiguous month needs a preposition before it."""
        if m.rule.id != "month" or len(m.span) != 1:
            return False
        token = m.span[0]
        return token.tag_ in _VERB_TAGS or (token.lower_.rstrip(".") in self.ambiguous_months
                                            and m.prev not in self.context["before_bare_month"])

    def years(self, m: Match) -> bool:
        """"$2026", "room 2010", "2020%", "about 2000 people", "nineteen twenty-dollar bills",
        "in May two thousand people"."""
        last = m.span[-1]
        if m.rule.id == "spoken_year" or (last.is_alpha and last.like_num and m.rule.kind in ("date", "season")):
            # a number in words that counts what follows ("in May two thousand people")
            if m.following[:1] == "-" or (m.after is not None and m.after.tag_ in ("NNS", "NNPS")):
                return True
            if m.rule.id != "spoken_year" and m.after is not None and m.after.pos_ == "NOUN":
                return True  # "the May first round"
            if m.rule.id == "spoken_year":
                return False
        if m.rule.id != "year":
            return False
        if m.prev in self.context["before_number_not_year"] or m.next in self.context["after_number_not_year"]:
            return True
        if len(m.span) == 1 and self._level(m):
            return True  # "the index closed at 2082", "fell to 1950 points"
        return len(m.span) == 1 and m.after is not None and m.after.tag_ == "NNS" \
            and m.prev in self.context["count_modifiers"]

    def _level(self, m: Match) -> bool:
        """A bare number after a verb of movement and "at"/"to" is a level, not a year
        (the word forms are listed: lemmas are not set yet when dates run)."""
        if m.before is None or m.prev not in self.context["before_level"]:
            return False
        i = m.before.i - 1
        return i >= 0 and m.span.doc[i].lower_ in self.context["level_verbs"]

    def seasons(self, m: Match) -> bool:
        """"the fall of the regime", "the Arab Spring", "Spring Street"."""
        span = m.span
        if m.rule.id != "season" or any(t.like_num for t in span):
            return False
        season = span[-1]
        bare = len(span) == 1 or (len(span) == 2 and span[0].lower_ == "the")
        if bare and (season.lower_ == "fall" or m.next == "of"):
            return True
        if season.text[0].isupper() and not title_case(span):
            return not season.is_sent_start or (m.after is not None and m.after.text[:1].isupper())
        return False

    def halves_of_something(self, m: Match) -> bool:
        """"the last half of the match", "the first quarter of the game": a part of what follows, not
        a half-year or quarter ("a loss for the third quarter of $226 million" is one)."""
        if m.rule.id not in ("quarter_relative", "relative", "quarter") or m.next != "of" \
                or m.span[-1].lower_ not in ("half", "quarter"):
            return False
        doc = m.span.doc
        then = doc[m.span.end + 1] if m.span.end + 1 < len(doc) else None
        return then is None or not (then.like_num or then.is_currency)

    def titles(self, m: Match) -> bool:
        """ABC's "This Week": a capitalized unit outside a Title Case headline."""
        return m.rule.id in ("relative", "quarter_relative") and m.span[-1].text[0].isupper() \
            and not title_case(m.span)

    def ages_and_fractions(self, m: Match) -> bool:
        """"52 years old", "a 28-year-old", "three-quarters of", "the 1988 quarter", "a second term"."""
        span = m.span
        if span[-1].lower_ in ("second", "seconds") and span[0].lower_ in ("a", "an", "one", "the"):
            return True
        if m.rule.kind != "duration":
            return False
        if m.next == "old" or m.following in ("-old", " old"):
            return True
        if span[-1].lower_.startswith("quarter") and self._a_share_of_people(m):
            return True
        if len(span) >= 2 and span[-2].shape_ == "dddd" and not span[-1].lower_.endswith("s"):
            return True  # a year, not a count of quarters
        return span.text.lower() in ("one day", "some day") and span[0].is_sent_start  # "One day he will"

    def _a_share_of_people(self, m: Match) -> bool:
        """"three-quarters of", "almost a quarter (21%)", "three-quarters said": a share, not three
        months; "the last two quarters saw growth" is a span of time."""
        if m.next in self.context["after_fraction"]:
            return True
        if m.prev in self.context["before_fraction"] and m.span[0].lower_ not in ("the", "this", "that"):
            return True  # "sales dropped by nearly a quarter"
        first = m.span[0].lower_
        return first not in ("the", "this", "that", "those", "these") and m.after is not None \
            and m.after.tag_ in _VERB_TAGS and m.after.tag_ != "MD" and m.span.root.dep_ in ("nsubj", "nsubjpass")

    def adjectives(self, m: Match) -> bool:
        """"a quarterly dividend" is no set of times."""
        return m.rule.id == "set_adverb" and (m.span[0].tag_ == "JJ" or m.span[0].dep_ == "amod")

    def bare_plurals(self, m: Match) -> bool:
        """"years" is a duration in "for years", "years ago", not in "years of war"."""
        return "bare_plural" in m.rule.filters and m.prev not in self.context["before_bare_plural"] \
            and m.next not in self.context["after_bare_plural"]

    def amounts(self, m: Match) -> bool:
        """"a year" is a set after an amount ("$5 billion a year"), not otherwise."""
        if "after_quantity" not in m.rule.filters:
            return False
        doc = m.span.doc
        window = doc[max(0, m.span.start - 3):m.span.start]
        return not any(t.like_num or t.lower_ in self.context["quantity_words"] or t.is_currency
                       or t.text == "%" or t.ent_type_ in _AMOUNTS for t in window)

    def scores_and_halves(self, m: Match) -> bool:
        """"won 21:14" is a score; "the first half" of a match is no half-year."""
        span = m.span
        if m.rule.id == "time_24h":
            return not any(t.is_alpha for t in span) and m.prev not in self.context["before_time"]
        if m.rule.id == "quarter" and span[-1].lower_ == "half":
            low = span.text.lower()
            return "year" not in low and "fiscal" not in low and not any(t.shape_ == "dddd" for t in span)
        return False


    def parts_of_day_as_modifiers(self, m: Match) -> bool:
        """"the morning papers", "the evening news": a part of the day naming a thing, no time."""
        return m.rule.kind == "part_of_the_day" and m.after is not None \
            and (m.after.pos_ in ("NOUN", "PROPN") or m.span[-1].dep_ in ("compound", "amod"))


    def periods_ending(self, m: Match) -> bool:
        """"the year" is a twelve-month span only before the day it ends: "the year ended March 31",
        "the year to 31 March" (not "the year to come")."""
        if "period_end" not in m.rule.filters:
            return False
        if m.next not in self.context["period_end"]:
            return True
        if m.next != "to":
            return False
        doc = m.span.doc
        then = doc[m.span.end + 1] if m.span.end + 1 < len(doc) else None
        return then is None or not (then.like_num or self._calendar(then))

    def days_spoken_of(self, m: Match) -> bool:
        """"later in the day", "earlier in the day" are the day spoken of; no other "the day" is counted."""
        if "later_in" not in m.rule.filters:
            return False
        doc = m.span.doc
        before = doc[m.span.start - 2] if m.span.start >= 2 else None
        return m.prev != "in" or before is None or before.lower_ not in self.context["later_in"]

    def years_of_something(self, m: Match) -> bool:
        """"for the year" is the year spoken of, "player of the year", "the year the wall fell" no date."""
        if m.rule.kind != "the_year":
            return False
        root = m.span.root
        if any(c.dep_ in ("relcl", "acl") for c in root.children):
            return True
        if m.prev == "of":
            doc = m.span.doc
            owner = doc[m.span.start - 2] if m.span.start >= 2 else None
            return owner is None or owner.lower_ not in self.context["before_of_the_year"]
        return False


    def that_as_a_conjunction(self, m: Match) -> bool:
        """"confirming that Tuesday's match will go ahead": "that" joins a clause, it points at no day."""
        first = m.span[0]
        return m.rule.kind in ("anaphoric", "anaphoric_weekday", "anaphoric_period", "anaphoric_season") and first.lower_ == "that" \
            and first.dep_ != "det"


    def future_one_day(self, m: Match) -> bool:
        """"will one day be": some time to come only right after a modal or "to"; elsewhere "one day"
        is a day's length ("the trial will last one day")."""
        return "after_modal" in m.rule.filters and m.prev not in self.context["after_modal"]

    def named_day_words_mid_sentence(self, m: Match) -> bool:
        """"Radio 4's Today programme", "USA Today", "the Tonight Show", "told Today that": a day word
        capitalised inside a sentence (not after a quote, a colon or a dash) names a programme, a
        paper or a song, not a day; a Title Case headline capitalises every word."""
        first = m.span[0]
        if first.lower_ not in self.day_words or not first.text[:1].isupper() or first.text.isupper():
            return False
        if m.before is None or first.is_sent_start or m.before.is_punct or "\n" in m.before.whitespace_ \
                or m.before.is_space:
            return False
        return not title_case(m.span)

    def vague_offsets(self, m: Match) -> bool:
        """"a few days later", "several years earlier": TimeML marks the span of time ("a few days",
        DURATION PXD) and leaves the offset word out, since no day can be counted from it;
        "a few years ago" counts back from now (PAST_REF)."""
        if m.rule.kind != "ago" or m.span[-1].lower_ not in self.context["after_vague_duration"]:
            return False
        found = m.rule.full.fullmatch(" ".join(m.span.text.lower().split()))
        return found is not None and (found.groupdict().get("n") or "") in self.vague_numbers


def title_case(span: Span) -> bool:
    """Is the sentence of ``span`` a Title Case or ALL CAPS headline ("Talks To Resume Next Week")?"""
    long_words = [t for t in span.sent if t.is_alpha and len(t) > 3]
    return bool(long_words) and sum(t.text[0].isupper() for t in long_words) >= 0.8 * len(long_words)
