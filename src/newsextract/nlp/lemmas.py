"""Lemmas on demand.

The English pipeline's rule lemmatizer costs about 8% of the statistical
model's time, yet newsextract reads the lemma of only a few tokens: the verbs
beside a commitment trigger, the head noun of a speaker. ``defer`` switches the
lemmatizer off in a loaded pipeline and keeps its ``lemmatize`` function;
``lemma(token)`` then asks it for just the tokens we read, so each lemma is the
one the full pipeline would have given.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from spacy.tokens import Token

# id(vocab) -> (vocab, lemmatize): the vocab is kept so that its id is never reused
_DEFERRED: dict[int, tuple[Any, Callable[[Token], list[str]]]] = {}


CALLBACK = "newsextract.defer_lemmas.v1"  # spaCy callback (entry point ``spacy_callbacks``)


def defer(nlp) -> bool:
    """Stop running ``nlp``'s lemmatizer over every token; ``lemma`` asks it per token.
    Whether it did. It also names ``CALLBACK`` as the pipeline's ``after_pipeline_creation``
    (unless it has one), so that a copy saved with ``nlp.to_disk`` defers it again
    when ``spacy.load`` reads it."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatize = getattr(nlp.get_pipe("lemmatizer"), "lemmatize", None)
    if not callable(lemmatize):
        return False
    nlp.disable_pipe("lemmatizer")
    _DEFERRED[id(nlp.vocab)] = (nlp.vocab, lemmatize)
    settings = nlp.config["nlp"]
    if settings.get("after_pipeline_creation") is None:
        settings["after_pipeline_creation"] = {"@callbacks": CALLBACK}
    return True


def make_deferral() -> Callable[[Any], Any]:
    """The ``CALLBACK``: for a saved pipeline whose lemmatizer ``defer`` disabled."""
    def after_pipeline_creation(nlp):
        if "lemmatizer" in nlp.disabled:
            lemmatize = getattr(nlp.get_pipe("lemmatizer"), "lemmatize", None)
            if callable(lemmatize):
                _DEFERRED[id(nlp.vocab)] = (nlp.vocab, lemmatize)
        return nlp
    return after_pipeline_creation


def lemma(token: Token) -> str:
    """The token's lemma: as set in the Doc, else from the deferred lemmatizer,
    else its lower-case form."""
    found = token.lemma_
    if found:
        return found
    deferred = _DEFERRED.get(id(token.vocab))
    if deferred is None or deferred[0] is not token.vocab:
        return token.lower_
    forms = deferred[1](token)
    return forms[0] if forms else token.lower_


_COMMON: dict[int, frozenset[str]] = {}


def common_word(token: Token) -> bool | None:
    """Whether the token's lower-case form is an everyday English noun or adjective
    (the rule lemmatizer's word index: "charity", "fund", "new"; not "Brentford");
    None when the pipeline has no such index."""
    deferred = _DEFERRED.get(id(token.vocab))
    if deferred is None or deferred[0] is not token.vocab:
        return None
    words = _COMMON.get(id(token.vocab))
    if words is None:
        owner = getattr(deferred[1], "__self__", None)
        try:
            index = owner.lookups.get_table("lemma_index")
            words = frozenset(w for pos in ("noun", "adj") for w in index.get(pos, ()))
        except Exception:  # another lemmatizer: no index to ask
            words = frozenset()
        _COMMON[id(token.vocab)] = words
    if not words:
        return None
    low = token.lower_
    return low in words or low.endswith("s") and low[:-1] in words or lemma(token).lower() in words
