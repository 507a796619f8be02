"""Where a span came from, and which of two overlapping entities wins.

Three registered Span extensions, read and written only through this module:

- ``span._.nx_source``: which of our components proposed an entity of ``doc.ents``
  (``RULE``, ``GAZETTEER``, ``TITLE``, ``NAME``, ``RESULTS``, ``TABLE``, ``SEAT``,
  ``CONSISTENCY``, or the ``id`` of the entity pattern that matched);
  ``""`` (``MODEL``) for the statistical model's own entities.
- ``span._.nx_name_side``: for a role of ``doc.spans["person_titles"]``, where
  the name it stands beside is: ``"before"`` the name ("Prime Minister Mark
  Carney") or ``"after"`` it ("Nadia Burger, the deputy ambassador").
- ``span._.nx_date_rule``: for a span of ``doc.spans["dates"]``, the id of the
  date rule that found it (``models/date_patterns.jsonl``).

spaCy keys a Span extension's value by the span's character offsets only, so
a re-labelled span would inherit the old reading's value. These extensions are
instead keyed by the span's tokens *and* its label, in ``doc.user_data``: a
span made again with the same tokens and label has the same source, one with
another label has its own. A component marks an entity when it commits it
(``entity_spans.replace_ents`` does it for the winners), so a proposal that
loses never changes the source of the entity it lost to.

``stays(old, proposer)`` is the one winning policy: whether an entity stands
where another component proposes an overlapping one.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# the sources (an entity pattern's own id is a source too)
MODEL = ""
RULE, GAZETTEER, TITLE, CONSISTENCY = "rule", "gazetteer", "title", "consistency"
NAME, RESULTS, TABLE = "name", "results", "table"
SEAT = "seat"  # the place an MP sits for ("MP for Henley-on-Thames")
# a proposer that is no source: consistency's reading of a person the body names in full
KNOWN_PERSON = "consistency:person"

BEFORE, AFTER = "before", "after"

_PREFIX = "newsextract"


def _key(extension: str, span: Span) -> tuple[str, str, int, int, str]:
    return (_PREFIX, extension, span.start, span.end, span.label_)


def _getter(extension: str, default):
    def get(span: Span):
        return span.doc.user_data.get(_key(extension, span), default)
    return get


def _setter(extension: str):
    def set_(span: Span, value) -> None:
        key = _key(extension, span)
        if value:
            span.doc.user_data[key] = value
        else:
            span.doc.user_data.pop(key, None)
    return set_


# the extensions' names carry the ``nx_`` prefix, so that they never take the place of a
# library user's own ``span._.source`` (``force=True`` only re-registers ours on a reload)
SOURCE, NAME_SIDE, DATE_RULE = "nx_source", "nx_name_side", "nx_date_rule"

for _name, _default in ((SOURCE, MODEL), (NAME_SIDE, None), (DATE_RULE, None)):
    Span.set_extension(_name, getter=_getter(_name, _default), setter=_setter(_name), force=True)

_get_source, _set_source = _getter(SOURCE, MODEL), _setter(SOURCE)
_get_side, _set_side = _getter(NAME_SIDE, None), _setter(NAME_SIDE)
_get_rule, _set_rule = _getter(DATE_RULE, None), _setter(DATE_RULE)


def source(span: Span) -> str:
    """Who proposed the entity ``span``: a source name, or ``MODEL`` ("")."""
    return _get_source(span)


def mark(span: Span, found_by: str) -> Span:
    """Record that ``found_by`` proposed ``span`` (``MODEL`` clears it); returns the span."""
    _set_source(span, found_by)
    return span


def guessed(span: Span) -> bool:
    """Only the statistical model says so: no rule of ours proposed the entity."""
    return not _get_source(span)


def token_source(token: Token) -> str:
    """The source of the entity ``token`` is part of (``MODEL`` outside entities)."""
    if token.ent_iob_ not in ("B", "I"):
        return MODEL
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return _get_source(Span(doc, start, end, label=token.ent_type))


def forget(doc: Doc) -> None:
    """Drop every entity's source (the entity rules start from the model's entities)."""
    prefix = (_PREFIX, SOURCE)
    for key in [k for k in doc.user_data if isinstance(k, tuple) and k[:2] == prefix]:
        del doc.user_data[key]


def pattern_id(span: Span) -> str:
    """The ``id`` of the pattern a spaCy ``SpanRuler`` matched for ``span`` ("" without one):
    spaCy's own field for it, read here only, as the source of the entity it becomes."""
    return span.id_


def name_side(span: Span) -> str | None:
    """``BEFORE`` or ``AFTER``: where the name is, for a role of ``doc.spans["person_titles"]``."""
    return _get_side(span)


def set_name_side(span: Span, side: str) -> Span:
    _set_side(span, side)
    return span


def date_rule(span: Span) -> str | None:
    """The id of the date rule that found a span of ``doc.spans["dates"]``."""
    return _get_rule(span)


def set_date_rule(span: Span, rule: str) -> Span:
    _set_rule(span, rule)
    return span


# --- the winning policy -----------------------------------------------------------

# proposals that name a person by what stands beside the name (a role, a results
# slot), that read a results table, or that name the seat an MP sits for ("MP for West
# Ham"): they override a person's name another rule found
_OVER_PEOPLE = frozenset({TITLE, RESULTS, TABLE, SEAT})


def stays(old: Span, proposer: str) -> bool:
    """Whether the entity ``old`` stands where component ``proposer`` (a source name,
    or ``KNOWN_PERSON``) proposes an entity that overlaps it. The one policy every
    entity component asks (each may keep more of the model's entities for its own
    reasons: a longer name that contains a place, a real date):

    - the statistical model's guess never stands against a rule of ours;
    - an entity a rule of ours proposed stands, except that
      - a PERSON yields to a role beside a name, a results slot, a results table or
        the seat an MP sits for (``TITLE``, ``RESULTS``, ``TABLE``, ``SEAT``), which say
        more about the name;
      - a gazetteer place yields to the name of a person the article names in
        full (``KNOWN_PERSON``: "Neil Jordan" ... "Jordan said").
    """
    found = _get_source(old)
    if not found:
        return False
    if proposer in _OVER_PEOPLE and old.label_ == "PERSON":
        return False
    if proposer == KNOWN_PERSON and found == GAZETTEER:
        return False
    return True
