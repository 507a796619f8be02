"""A name the article writes as a body's elsewhere is no place where it stands after "in" or
"at": "shares in Vantor" where a rule made "chemicals group Vantor" an organization, "head
of sales at Kerava" where "Kerava" is a company (and a Finnish town). The rules are tested on
their own, with the entities the model and the rules proposed set by hand (the model's guess
for an unknown name changes from one text to the next)."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from newsextract import lexicon
from newsextract.lexicon.geo import lookup
from newsextract.nlp.components.places_gazetteer import RuleWords, _after_locatives, _places_by_usage
from newsextract.nlp.components.provenance import RULE, mark


def _doc(nlp, words, ents):
    """A doc of ``words`` (spaces between) whose entities are ``ents``: (start, end, label,
    source), source None for the model's own."""
    doc = nlp.make_doc(" ".join(words))
    assert [t.text for t in doc] == words
    spans = []
    for start, end, label, source in ents:
        span = Span(doc, start, end, label=label)
        if source:
            mark(span, source)
        spans.append(span)
    doc.ents = spans
    return doc


WORDS = lexicon.place_rule_words()


@pytest.mark.parametrize("ruled_body, placed", [(True, False), (False, True)])
def test_a_guessed_person_put_somewhere_is_a_place_unless_a_rule_made_it_a_body(nlp, ruled_body, placed):
    words = ["Chemicals", "group", "Vantor", "bid", "for", "Kemco", ".", "Shares", "in", "Vantor", "rose", "."]
    first = (2, 3, "ORG", RULE) if ruled_body else (2, 3, "PERSON", None)
    doc = _doc(nlp, words, [first, (5, 6, "ORG", None), (9, 10, "PERSON", None)])
    found = _places_by_usage(doc, lexicon.speech_verb_forms(), RuleWords.of(WORDS))
    assert bool([s for s in found if s.text == "Vantor"]) == placed


@pytest.mark.parametrize("company_elsewhere, placed", [(True, False), (False, True)])
def test_a_town_after_at_is_no_place_where_the_article_names_it_as_a_body(nlp, company_elsewhere, placed):
    assert lookup("Kerava") is not None  # a town of the gazetteer
    words = ["Sales", "rose", ",", "said", "Kerava", ".", "Mika", "Virtanen", "is", "head", "of", "sales",
             "at", "Kerava", "."]
    ents = [(6, 8, "PERSON", None)] + ([(4, 5, "ORG", None)] if company_elsewhere else [])
    doc = _doc(nlp, words, ents)
    found = _after_locatives(doc, [], lookup, WORDS["locatives"])
    assert ((13, 14) in found) == placed
