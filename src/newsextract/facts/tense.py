"""The tense of the clause a temporal expression sits in, from the dependency parse.

News reports the past: "said Monday" is the Monday just gone, "will meet Monday"
the one to come. Returns ``"past"``, ``"future"`` or None when the parse does not say.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from ..nlp.lemmas import lemma as lemma_of

_PAST_TAGS = {"VBD"}
_CLIMB = {"pobj", "prep", "agent", "npadvmod", "nmod", "compound", "appos", "amod", "nummod", "pcomp",
          "tmod", "obl", "conj", "cc", "det", "quantmod", "punct", "advmod", "dobj", "attr"}


def governing_verb(span: Span) -> Token | None:
    verb = _climb(span)
    if verb is not None and verb.dep_ == "ccomp" and verb.head.i < span.start:
        # "said on Monday he will go": a phrase before the clause's subject belongs to the verb
        # before it, whatever the parser attached it to
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.i >= span.end for c in verb.children):
            return verb.head
    return verb


def _climb(span: Span) -> Token | None:
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token is not span.root:
            return token
        if token.head is token:
            return token if token.pos_ in ("VERB", "AUX") else None
        if token.dep_ not in _CLIMB and token is not span.root:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def tense(span: Span) -> str | None:
    if span.start > 0 and span.doc[span.start - 1].lower_ in _words()["dates_ahead"]:
        return "future"  # "a new chairman, effective Feb. 1": a change announced is still to come
    marker = span.root.head if span.root.dep_ == "pobj" else None
    if marker is not None and marker.lower_ in ("until", "till", "through"):
        return "future"
    if marker is not None and marker.lower_ == "since":
        return "past"
    if _planned(span):
        return "future"
    verb = governing_verb(span)
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    w = _words()
    words = {a.lower_ for a in auxes}
    if words & w["future_auxiliaries"]:
        return "future"
    if verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children):
        return "future"
    if verb.tag_ in _PAST_TAGS or any(a.tag_ in _PAST_TAGS for a in auxes) or words & w["have_forms"]:
        return "past"
    if verb.tag_ == "VBN" and not auxes and any(c.dep_ == "nsubj" for c in verb.children):
        return "past"  # "the plant reopened in February", its past tagged as a participle
    if verb.tag_ == "VBN" and not auxes and verb.lower_ in w["period_end_verbs"]:
        return "past"  # "the quarter ended June 30": the period is over
    if verb.tag_ == "VB" and "to" in words:
        # "plans to meet Monday" looks ahead; "had been due to expire Friday" does not
        return None if _past_above(verb) else "future"
    if verb.tag_ == "VBG" and words & w["progressive_auxiliaries"]:
        return "future"
    if verb.tag_ in ("VBZ", "VBP") and lemma_of(verb) != "say" \
            and not (verb.tag_ == "VBP" and verb.lower_ in w["same_form_past_verbs"]):
        return "future"  # "talks begin Monday"
    return None


def _planned(span: Span) -> bool:
    """"The vote is due in March", "the report is expected in June", "the launch is scheduled for
    May": a plan in the present tense is for a time to come."""
    token = span.root
    plans = _words()["planned_words"]
    for _ in range(3):
        if token.head is token:
            return False
        token = token.head
        if token.lower_ in plans:
            if token.dep_ == "acomp":  # "is due"
                return token.head.tag_ in ("VBZ", "VBP")
            auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
            return token.tag_ == "VBN" and bool(auxes) and all(a.tag_ in ("VBZ", "VBP") for a in auxes)
        if token.pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
            return False
    return False


def firm_tense(span: Span, found: str | None) -> str | None:
    """The tense when the verb itself says when: the date is the verb's own adjunct ("changed to a
    calendar year in December", "will open in June", "the year ended March 31"), with a past or a
    future form. None when the date hangs on a noun or an adjective ("payable Dec. 7" under
    "declared", "a June agreement"), where the tense says little about the date. ``found``: the
    span's ``tense()``."""
    if found is None:
        return None
    root = span.root
    if root.dep_ == "pobj":
        if root.head.lower_ == "since":
            return "past"
        if root.head.lower_ not in _words()["firm_prepositions"] or root.head.dep_ != "prep":
            return None  # "extended to Nov. 16", "bought shares through Sept. 29"
        verb = root.head.head
    elif root.dep_ in ("npadvmod", "tmod", "obl"):
        verb = root.head
    else:
        return None
    gov = governing_verb(span)
    if gov is None or verb.i != gov.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if found == "past" and (auxes & _words()["have_forms"] or verb.tag_ not in ("VBD", "VBN")):
        return None  # "has set Nov. 10 as the deadline" tells of now, not of the day
    if found == "future" and not auxes & _words()["future_auxiliaries"]:
        return None  # "the club meets on 12 January", "expect markets to calm in January": a plan, not a promise
    return found


def _past_above(verb: Token) -> bool:
    token = verb
    for _ in range(4):
        if token.head is token:
            return False
        token = token.head
        auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if token.tag_ in _PAST_TAGS or auxes & _words()["have_forms"] or any(
                c.tag_ in _PAST_TAGS for c in token.children if c.dep_ in ("aux", "auxpass")):
            return True
        if token.pos_ == "VERB" and token.tag_ != "VB":
            return False
    return False


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    """The tense words of ``models/date_words.json``; "cut", "hurt": verbs whose past is their
    present, which the tagger often calls present."""
    from ..timex.lexicon import words

    w = words()
    return {key: frozenset(w[key]) for key in ("future_auxiliaries", "have_forms", "progressive_auxiliaries",
                                                "same_form_past_verbs", "firm_prepositions", "dates_ahead",
                                                "period_end_verbs", "planned_words")}


# prepositions that make a period the time an action happens ("in", "by the third quarter")
_WHEN_PREPOSITIONS = frozenset(("in", "by", "during", "until", "till", "before", "through", "from"))


def reported_period_tense(span: Span) -> str | None:
    """The tense for a period that news reports on after it ends (a quarter, a half): future
    only when the period is when the future action happens ("will launch in the third
    quarter"), not what is reported on ("expects to report third-quarter results", "a loss
    for the third quarter"), which is the period just ended."""
    found = tense(span)
    if found != "future":
        return found
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in _WHEN_PREPOSITIONS and head.head.pos_ in ("VERB", "AUX"):
        return found
    return None
