"""``newsextract_entity_rules``: the project's entity rules on top of the statistical NER.

Runs after ``ner``. It keeps entities inside one block (line), trims
whitespace, possessive endings and a leading "the", drops entities in metadata
lines, turns demonyms ("the French") into NORP, then applies the shipped patterns
(``models/entity_patterns.jsonl``) and the user's ``--patterns`` file with
spaCy's SpanRuler, which win over the model. With a ``--patterns`` file the
ruler has ``pattern_seconds`` (default 10 s) an article: past that the article
is an error record saying so (``patterns.read_patterns`` already refuses
patterns whose matching time is unbounded; this catches what it cannot see).

A pattern whose ``id`` starts with ``institution`` ("X Embassy") is a building
(FAC) where it is a place and an ORG where it acts as the subject of a verb
("the Canadian Embassy said").
"""
from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ... import lexicon
from ...lexicon.geo import Gazetteer
from ...lexicon.pattern_file import read_patterns
from ..timebudget import time_budget
from .blocks import BLOCKS_KEY
from .carried import Carried
from .entity_spans import EVERYDAY, everyday as _everyday, everyday_words
from .provenance import RULE, forget, mark, pattern_id, source

RULES_KEY = "newsextract_rules"
POSSESSIVE = {"'s", "’s", "'", "’"}
DETERMINERS = {"the", "The", "THE"}
NOT_NORP = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
SPLIT_LABELS = {"PERSON", "GPE", "LOC", "FAC"}
EVERYDAY_LABELS = {"PERSON", "GPE", "LOC"}
BRACKETS = {"(", ")"}
ROLE_LABELS = {"PERSON", "GPE", "LOC", "NORP"}  # the model's guesses a company post corrects
BRACKET_LABELS = SPLIT_LABELS | {"ORG", "NORP"}  # "Scott Draper ( Australia", "Sri Lanka - Arjuna Ranatunga"
PLACE_ADJECTIVE_ENDINGS = ("-based", "-born", "-bound", "-registered", "-led", "-backed", "-owned", "-made")


def _is_score(token) -> bool:
    """A number, score or ordinal beside a name ("Johnson 84", "Kent 108-3",
    "288 Jose Coceres") is not part of it."""
    text = token.text
    if text[-2:] in ("st", "nd", "rd", "th") and text[:-2].isdigit():
        return True  # "Pires 46th"
    return any(c.isdigit() for c in text) and all(c.isdigit() or c in ".,-/" for c in text)


class EntityRules(Carried):
    """Data (``initialize``, kept by ``to_disk``): the shipped patterns and the
    ``user_patterns`` file's, company cues, given names, organization nouns, name
    particles and the gazetteer. The everyday words come from the pipeline's own
    lemmatizer tables, read again when the data arrive."""

    uses_geo = True

    def __init__(self, nlp: Language, name: str, *, user_patterns: str | None,
                 pattern_seconds: float = 10.0) -> None:
        self.nlp, self.name = nlp, name
        self.user_patterns = user_patterns
        self.budget = pattern_seconds if user_patterns else 0.0

    def gather(self, *, patterns: list[dict] | None = None) -> dict:
        """The data from the lexicon; ``patterns`` replaces the shipped patterns
        (the ``user_patterns`` file's are added to either)."""
        patterns = lexicon.patterns("entity_patterns.jsonl") if patterns is None else list(patterns)
        if self.user_patterns:
            patterns += read_patterns(self.user_patterns)
        return {"patterns": patterns, "company_cues": lexicon.company_cues(), "first_names": lexicon.first_names(),
                "organization_nouns": lexicon.words("organization_nouns.txt"),
                "name_particles": lexicon.name_particles()}

    def build(self, data: dict) -> None:
        nlp = self.nlp
        self.company_cues = dict(data["company_cues"])
        self.first_names = frozenset(data["first_names"])
        self.org_nouns = frozenset(data["organization_nouns"])
        self.particles = frozenset(data["name_particles"])
        words = everyday_words(nlp, self.first_names, self.geo)
        self.common, self.non_nouns = words if words is not None else (None, None)
        EVERYDAY[id(nlp.vocab)] = (nlp.vocab, self.non_nouns)
        self.ruler = SpanRuler(nlp, f"{self.name}_ruler", annotate_ents=False, overwrite=True,
                               spans_key=RULES_KEY, phrase_matcher_attr="ORTH", validate=True)
        try:
            # phrase patterns ("European Union") are only tokenized: no component runs on them
            with nlp.select_pipes(disable=nlp.pipe_names):
                self.ruler.add_patterns(data["patterns"])
        except ValueError as exc:  # spaCy's own pattern validation
            source = self.user_patterns or "models/entity_patterns.jsonl"
            raise ValueError(f"{source}: invalid pattern: {exc}") from exc

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        forget(doc)  # the model's entities, cleaned, are where the entity components start
        ents = [self._company(e) for e in clean_entities(doc, self.particles, self.geo)]
        surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
        ents = [e for e in (_the_team(e, surnames) for e in ents) if e is not None]
        if self.common:
            ents = [e for e in (self._not_everyday(e) for e in ents) if e is not None]
        ents = [self._demonym_first(e) for e in ents]
        with time_budget(self.budget, f"--patterns: matching took more than {self.budget:g} s on this article "
                                      "(a regex that backtracks?); simplify the patterns"):
            self.ruler(doc)
        found = [(_as_rule(span), pattern_id(span) or RULE) for span in doc.spans.get(RULES_KEY, [])
                 if not (pattern_id(span) == "initials" and _not_initials(span, self.geo))]
        del doc.spans[RULES_KEY]
        chosen = []
        if found:
            ruled = set()
            for span, _ in found:
                ruled.update(range(span.start, span.end))
            chosen = filter_spans([span for span, _ in found])
            ents = chosen + [e for e in ents if not ruled.intersection(range(e.start, e.end))]
        doc.set_ents(sorted(ents, key=lambda s: s.start))
        found_by = {id(span): rule for span, rule in found}
        for span in chosen:  # the patterns' entities win over the model (and its readings above)
            mark(span, found_by[id(span)])
        return doc


    def _company(self, ent: Span) -> Span:
        """A "person" before "Inc", "Co" or "shares" is a company ("Jones stock"), and
        so is one without a given name before a company role ("Cofinec CEO") or
        after a kind of organization ("mineral water firm Multico")."""
        if ent.label_ not in ROLE_LABELS:
            return ent
        if ent.label_ == "PERSON" and len(ent) > 1 and self.company_cues.get(ent[-1].text) == "suffix":
            return mark(Span(ent.doc, ent.start, ent.end, label="ORG"), RULE)
        doc = ent.doc
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.is_lower and before.text in self.org_nouns \
                and ent[0].text not in self.first_names and not self.geo.is_country(ent.text):
            return mark(Span(doc, ent.start, ent.end, label="ORG"), RULE)  # "press distributor Hachette"
        after = doc[ent.end] if ent.end < len(doc) else None
        kind = self.company_cues.get(after.text) if after is not None else None
        if kind is None and ent.end + 1 < len(doc):
            kind = self.company_cues.get(f"{after.text} {doc[ent.end + 1].text}")
        if kind is None or kind == "cue" and after.pos_ != "NOUN" or kind != "role" and ent.label_ != "PERSON":
            return ent  # "Carney shares his plans": a verb, not the market
        if kind == "role" and (ent[0].text in self.first_names or source(ent) or self.geo.is_country(ent.text)):
            return ent  # "Cofinec CEO", "Petofi general manager"; but a given name makes a person
        return mark(Span(doc, ent.start, ent.end + (kind == "suffix"), label="ORG"), RULE)

    def _demonym_first(self, ent: Span) -> Span:
        """"Australian Rodney Eyles", "Mexican Ariel Cruz": a nationality before a
        given name and a surname is no part of the person's name."""
        if ent.label_ in ("PERSON", "ORG") and 3 <= len(ent) <= 4 and ent[1].text in self.first_names \
                and self.geo.demonym_country(ent[0].text) is not None and all(t.is_title for t in ent[1:]):
            return Span(ent.doc, ent.start + 1, ent.end, label="PERSON")
        return ent

    def _not_everyday(self, ent: Span) -> Span | None:
        """A sentence-opening everyday word is not a person or a place on its own
        ("Attendance : 15,150", "Automakers said") nor part of a person's name
        ("Broker Khurshid Alam")."""
        if ent.label_ not in EVERYDAY_LABELS or not ent[0].is_sent_start \
                or not _everyday(ent[0].lower_, self.common):
            return ent
        if len(ent) == 1:
            return None
        if ent.label_ != "PERSON":
            return ent
        if len(ent) >= 3:
            return Span(ent.doc, ent.start + 1, ent.end, label=ent.label)
        return ent


def _the_team(ent: Span, surnames: set[str]) -> Span | None:
    """A "person" right after "the" is a team, a ship or a thing: "the Brewers rallied",
    "the Boston Red Sox 7-0" are teams; "the Dole campaign" (a name as a modifier)
    and "the Clintons" (the family of a person named in full) stay people; otherwise
    the name is dropped."""
    if ent.label_ != "PERSON" or ent.start == 0 or ent.doc[ent.start - 1].lower_ != "the" \
            or len(ent) == 1 and ent.text[:-1] in surnames:
        return ent
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.pos_ == "NOUN" and after.is_lower:
        return ent
    if ent[-1].lower_.endswith("s") or after is not None and (after.like_num or _is_score(after)):
        return mark(Span(doc, ent.start, ent.end, label="ORG"), RULE)
    return None


def _not_initials(span: Span, geo: Gazetteer) -> bool:
    """"N. Korea", "S. African Afrikaners": abbreviated places and peoples, not a person's initials
    (a surname that is also a town, "K. Evans", stays a person)."""
    return geo.lookup(span.text) is not None or any(
        geo.demonym_country(t.text) is not None or _is_large_place(t.text, geo)
        for t in span if t.is_alpha and len(t) > 1)


def _is_large_place(text: str, geo: Gazetteer) -> bool:
    entry = geo.lookup(text)
    return entry is not None and entry.kind in ("country", "continent", "region")


def _as_rule(span: Span) -> Span:
    """A ruler span as an entity (its source is its pattern's id, else ``RULE``); an
    institution acting as a subject is an ORG."""
    label = span.label_
    if pattern_id(span).startswith("institution") and span.root.dep_ in SUBJECT_DEPS:
        label = "ORG"
    start = span.start
    while start < span.end - 1 and span.doc[start].text in DETERMINERS:
        start += 1
    return Span(span.doc, start, span.end, label=label)


def clean_entities(doc: Doc, particles: frozenset[str], geo: Gazetteer) -> list[Span]:
    """Entities cut at block and line boundaries, trimmed of spaces, possessives
    and a leading "the"; demonyms labelled as anything else become NORP."""
    meta = [s for s in doc.spans.get(BLOCKS_KEY, []) if s.label_ == "meta"]
    out: list[Span] = []
    for ent in doc.ents:
        if any(m.start <= ent.start < m.end for m in meta):
            continue
        for piece in _split_at_newlines(doc, ent, particles):
            piece = _trim(doc, piece)
            if piece is None:
                continue
            if piece.label_ in NOT_NORP and (geo.demonym_country(piece.text) is not None or len(piece) > 1
                                             and all(geo.demonym_country(t.text) is not None for t in piece)):
                piece = Span(doc, piece.start, piece.end, label="NORP")
            out.append(piece)
    return filter_spans(out)


def _split_at_newlines(doc: Doc, ent: Span, particles: frozenset[str]) -> list[Span]:
    """Pieces of an entity between line breaks and brackets; names are also cut at commas,
    colons and scores ("Grace Road, Leicestershire", "Norwich 1 Wolverhampton"),
    a person's name at lower-case words that are not name particles ("Yorkshire
    at Headingley")."""
    pieces, start = [], ent.start
    names = ent.label_ in SPLIT_LABELS
    for token in ent:
        if token.is_space and "\n" in token.text or names and (token.text in (",", ":", ";")
                                                              or _is_score(token) and not _road_number(token, ent)) \
                or ent.label_ in BRACKET_LABELS and (token.text in BRACKETS or _spaced_dash(token)) \
                or ent.label_ == "PERSON" and token.is_lower and token.is_alpha and token.text not in particles:
            if token.i > start:
                pieces.append(Span(doc, start, token.i, label=ent.label))
            start = token.i + 1
    if start < ent.end:
        pieces.append(Span(doc, start, ent.end, label=ent.label))
    return pieces


def _road_number(token, ent: Span) -> bool:
    """The number that ends a facility's name ("Highway 200", "Route 66", "Terminal 5"): part of it."""
    return ent.label_ == "FAC" and token.i == ent.end - 1 and token.text.isdigit() and token.i > ent.start \
        and token.doc[token.i - 1].text[:1].isupper()


def _spaced_dash(token) -> bool:
    """" - " between words, as in "Sri Lanka - Arjuna Ranatunga"; not "Hewlett-Packard"."""
    return token.text in ("-", "--", "–", "—") and bool(token.whitespace_) and token.i > 0 \
        and bool(token.doc[token.i - 1].whitespace_)


def _trim(doc: Doc, span: Span) -> Span | None:
    start, end = span.start, span.end
    names = span.label_ in NOT_NORP or span.label_ == "NORP"
    while start < end and (doc[start].is_space or names and doc[start].text in DETERMINERS
                           or doc[start].is_punct and doc[start].text not in "(\"'"
                           or names and start + 1 < end and _is_score(doc[start])):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in POSSESSIVE
                           or doc[end - 1].is_punct and doc[end - 1].text not in ".)"
                           or names and end - 1 > start and _is_score(doc[end - 1])
                           and not _road_number(doc[end - 1], span)
                           or span.label_ in ("GPE", "LOC") and end - 1 > start and doc[end - 1].is_lower):
        end -= 1  # "Kent 108-3", "Guangdong province"
    if end <= start:
        return None
    if span.label_ in ("GPE", "LOC") and (doc[end - 1].lower_.endswith(PLACE_ADJECTIVE_ENDINGS)
                                          or doc[start].lower_.startswith(("ex-", "pro-", "anti-"))):
        return None  # "New York-based", "Dublin-born", "ex-England": not a place mention
    return Span(doc, start, end, label=span.label)


@Language.factory("newsextract_entity_rules", assigns=["doc.ents", "span._.nx_source"],
                  requires=["doc.ents", "doc.spans", "token.pos"],
                  default_config={"user_patterns": None, "pattern_seconds": 10.0})
def make_entity_rules(nlp: Language, name: str, user_patterns: str | None,
                      pattern_seconds: float) -> EntityRules:
    """``user_patterns``: a ``--patterns`` file, read at ``initialize``; ``pattern_seconds``:
    the time its matching may take an article."""
    return EntityRules(nlp, name, user_patterns=user_patterns, pattern_seconds=pattern_seconds)
