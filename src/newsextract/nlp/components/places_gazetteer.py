"""``newsextract_places_gazetteer``: countries, capitals, large cities, states and
continents from the offline gazetteer (``models/gazetteer.tsv``) become places.

A gazetteer name wins over what the statistical model said about exactly that
text ("Kyiv" as a PERSON) and over fragments that cross it; it yields to a
longer name that contains it ("Bank of England", "Paris Saint-Germain"),
except in headline-case lines, where capitals say nothing and the model's
longer spans ("Ukraine Ceasefire Talks") are not trusted. In ALL-CAPS lines
names are matched case-insensitively ("JAPAN" is Japan). A name that is also a
common word ("Nice", "Reading") counts only where the tagger calls it a proper
noun, outside headline lines and not first in a sentence. Lower-case words of
direction the model took into a place's name ("north west London", "northern
Iraq") are left out of it: the place is London, Iraq. A name written without the
accents of the place's own that is an English word (the pipeline's lemmatizer
tables) and another place's name as written ("Sale" for Salé: a sale, and a town
and rugby club in England) finds no place in text on its own. The ALL-CAPS place
that opens a dateline ("BONN 1996-08-30", "KHASAVYURT, Russia") is a place, and
so is a smaller town the gazetteer knows right after "in", "at" or "near" (unless the article
writes that name elsewhere as a body's or a person's: "said Kerava ... head of sales at Kerava"), and
any name after "the town of", "the state of" or before a
lower-case noun of a kind of place ("Helmand province", "Stansted airport":
``models/place_kind_nouns.tsv``). The seat an MP sits for ("MP for Henley-on-Thames",
"the MP for Sittingbourne and Sheppey") is a place too, over any reading of it as a person.
The context words of these rules are data: ``models/place_rule_words.json``.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from ... import lexicon
from ...lexicon.geo import candidates, default as default_gazetteer
from ..name_index import NameIndex
from .blocks import BLOCKS_KEY
from .carried import Carried
from .entity_spans import HEADLINE_KEY, in_lines, replace_ents
from .provenance import GAZETTEER, SEAT, guessed, stays, token_source

class RuleWords(NamedTuple):
    """The context words of the rules (``lexicon.place_rule_words``)."""

    locatives: frozenset[str]
    place_kinds: frozenset[str]
    seat_holders: frozenset[str]
    name_joiners: frozenset[str]
    compass: frozenset[str]
    directions: frozenset[str]  # the compass words too
    used_as_place: frozenset[str]
    settlements: frozenset[str]
    dateline_agencies: frozenset[str]

    @classmethod
    def of(cls, data: dict) -> "RuleWords":
        found = {k: frozenset(data[k]) for k in cls._fields}
        found["directions"] = found["compass"] | found["directions"]
        return cls(**found)


NAMES_CONTAINING_PLACES = {"ORG", "FAC", "PERSON", "EVENT", "WORK_OF_ART", "LAW", "NORP", "GPE", "LOC"}
LABEL_OF_KIND = {"country": "GPE", "city": "GPE", "region": "GPE", "continent": "LOC", "other": "LOC"}


class PlacesGazetteer(Carried):
    """Data (``initialize``, kept by ``to_disk``): the gazetteer and the speech-verb forms."""

    uses_geo = True

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp

    def gather(self) -> dict:
        gazetteer = default_gazetteer()
        words = _lemma_words(self.nlp)
        folded = [a for level in (1, 2) for a in gazetteer.match_aliases(level) if _folded_word(a, gazetteer, words)]
        return {"speech_verb_forms": lexicon.speech_verb_forms(), "place_kind_nouns": lexicon.place_kind_nouns(),
                "party_words": [" ".join(p) for p in lexicon.party_words()], "folded_words": folded,
                "rule_words": lexicon.place_rule_words()}

    def build(self, data: dict) -> None:
        self.speech = frozenset(data["speech_verb_forms"])
        self.kind_nouns = dict(data.get("place_kind_nouns", {}))
        self.parties = frozenset(data.get("party_words", ()))
        self.words = RuleWords.of(data.get("rule_words") or lexicon.place_rule_words())
        folded = frozenset(data.get("folded_words", ()))  # "Sale": not Salé (``_folded_word``)
        aliases = tuple(a for a in self.geo.match_aliases(1) if a not in folded)
        self.exact = NameIndex()
        self.exact.add("PLACE", aliases)
        self.exact.add("COMMON", (a for a in self.geo.match_aliases(2) if a not in folded))
        self.upper = NameIndex()
        self.upper.add("PLACE", (a.upper() for a in aliases if len(a) > 3))

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        lookup = self.geo.lookup
        w = self.words
        headlines = list(doc.spans.get(HEADLINE_KEY, []))
        found = []
        for key, s, e in self.exact(doc):
            if key == "COMMON" and (in_lines(s, headlines) or doc[s].is_sent_start
                                       or any(t.pos_ != "PROPN" for t in doc[s:e])):
                continue  # "Nice weather", "Reading the report"
            found.append((s, e))
        if any(t.is_upper for t in doc if t.is_alpha and len(t) > 3):
            found.extend((s, e) for _, s, e in self.upper(doc))
        datelines = _datelines(doc, lookup, w.dateline_agencies)
        found.extend(datelines)
        found.extend(_after_locatives(doc, headlines, lookup, w.locatives))
        described = _named_by_kind(doc, headlines, w.place_kinds)
        found.extend(described)
        before_kind = _named_before_kind(doc, headlines, self.kind_nouns, self.geo.demonym_country, w.directions)
        found.extend(before_kind)
        spans = []
        for s, e in found:
            entry = lookup(doc[s:e].text)
            if entry is None:
                if (s, e) in datelines or (s, e) in described:
                    spans.append(Span(doc, s, e, label="GPE"))
                elif (s, e) in before_kind:
                    spans.append(Span(doc, s, e, label=before_kind[(s, e)]))
                continue
            spans.append(Span(doc, s, e, label=LABEL_OF_KIND.get(entry.kind, "GPE")))

        def keep(old: Span, new: Span) -> bool:
            if stays(old, GAZETTEER):
                return True  # rules, facilities, titled and named people stay
            if in_lines(new.start, headlines):
                return False
            contains = old.start <= new.start and new.end <= old.end and len(old) > len(new)
            if contains and old.label_ in ("GPE", "LOC", "NORP") and new.end == old.end \
                    and _direction_words(doc[old.start:new.start], self.geo.demonym_country, w.directions):
                return False  # "north west London", "northern Iraq", "Moslem North Caucasus": the place
            return contains and old.label_ in NAMES_CONTAINING_PLACES

        replace_ents(doc, spans, keep=keep, source=GAZETTEER)
        replace_ents(doc, _places_by_usage(doc, self.speech, w, self.parties), source=GAZETTEER)
        seats = [Span(doc, s, e, label="GPE") for s, e in _seats(doc, headlines, w.seat_holders, w.name_joiners)]
        replace_ents(doc, seats, keep=lambda old, new: stays(old, SEAT), source=SEAT)
        return doc


def _lemma_words(nlp: Language | None) -> frozenset[str]:
    """Every lower-case English word of the pipeline's lemmatizer tables (WordNet lemmas,
    nouns too); empty when it has none."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, AttributeError, ValueError):
        return frozenset()
    return frozenset(w for key in table.keys() for w in table[key])


def _folded_word(alias: str, gazetteer, words: frozenset[str]) -> bool:
    """``alias`` is the accent-less spelling of a place named with accents ("Sale" for Salé),
    an English word, and the name of another place as written (Sale, England): text that
    writes it means the word or the other place as often as that one."""
    if alias.lower() not in words or not alias.isascii():
        return False
    entry = gazetteer.entry(alias)
    if entry is None or entry.name.isascii() \
            or unicodedata.normalize("NFKD", entry.name).encode("ascii", "ignore").decode("ascii") != alias:
        return False
    return any(other.name == alias for other in candidates(alias))


DATE_TOKEN = re.compile(r"^\d{4}(?:-\d{2}-\d{2})?$")  # the tokenizer may split 1996-08-30


NAME_REACH_AFTER_KIND = 4  # capitalized words after "the town of" that may be the name
SEAT_REACH = 8


def _capitalised_run(doc: Doc, start: int, reach: int, joins: Callable[[Doc, int], bool]) -> int:
    """The end of the run of capitalized words that are not stop words from ``start``, at most
    ``reach`` tokens long; a token for which ``joins(doc, i)`` holds, after the first word and
    before the last token of the text, is part of the run ("Urus-Martan", "Sittingbourne and Sheppey")."""
    end = start
    while end < len(doc) and end - start < reach:
        word = doc[end]
        if word.is_alpha and word.text[:1].isupper() and not word.is_stop:
            end += 1
        elif end > start and end + 1 < len(doc) and joins(doc, end):
            end += 1
        else:
            break
    return end


def _tight_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen written without spaces before a capitalized word: "Urus-Martan"."""
    return doc[i].text == "-" and not doc[i - 1].whitespace_ and doc[i + 1].is_alpha \
        and doc[i + 1].text[:1].isupper()


def _named_by_kind(doc: Doc, headlines, place_kinds: frozenset[str]) -> list[tuple[int, int]]:
    """The name in "the town of Staoueli", "the state of Michoacan", "the city of Urus-Martan":
    a place, whether or not the gazetteer knows it."""
    out = []
    for token in doc:
        i = token.i
        if token.text not in place_kinds or i + 2 >= len(doc) or doc[i + 1].text != "of":
            continue
        start = i + 2
        end = _capitalised_run(doc, start, NAME_REACH_AFTER_KIND, _tight_hyphen)
        if end > start and not in_lines(start, headlines) and not token_source(doc[start]):
            out.append((start, end))
    return out


def _seats(doc: Doc, headlines, holders: frozenset[str], joiners: frozenset[str]) -> list[tuple[int, int]]:
    """The seat after "MP for", "MEP for", "the Member for": "MP for Henley-on-Thames", "the
    MP for Sittingbourne and Sheppey", "Labour MP for West Ham" name a place (a constituency,
    a region), whatever the model made of the name."""
    def joined(word) -> bool:
        return word.lower_ in joiners or word.text == "-"

    def joins(doc: Doc, i: int) -> bool:  # "Sittingbourne and Sheppey", "Henley - on - Thames"
        nxt = doc[i + 1]
        return joined(doc[i]) and (nxt.text[:1].isupper() or joined(nxt))

    out = []
    for token in doc:
        i = token.i
        if token.text not in holders or i + 2 >= len(doc) or doc[i + 1].lower_ != "for":
            continue
        start = i + 2
        end = _capitalised_run(doc, start, SEAT_REACH, joins)
        while end > start and joined(doc[end - 1]):
            end -= 1
        if end > start and not in_lines(start, headlines):
            out.append((start, end))
    return out


NOT_PLACE_NAME = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LAW",
                  "LANGUAGE"}
KIND_LABEL = {"area": "LOC", "site": "FAC"}
NAME_REACH = 4  # capitalized words before the noun that may be the name


def _named_before_kind(doc: Doc, headlines, kind_nouns: dict[str, str], demonym,
                       directions: frozenset[str]) -> dict[tuple[int, int], str]:
    """The name before a lower-case noun of a kind of place: "the Pamir mountains", "Helmand
    province", "Stansted airport", "the Westfalen stadium": a place (an area) or a facility (a
    site), whether or not the gazetteer knows it; the noun is not part of the name. Not a
    demonym ("the Kurdish region"), a word of direction alone ("the Central region"), a date, or
    a part of a longer name; not in headline-case lines."""
    out: dict[tuple[int, int], str] = {}
    for token in doc:
        kind = kind_nouns.get(token.text)
        end = token.i
        if kind is None or end == 0 or end + 1 < len(doc) and doc[end + 1].pos_ in ("NOUN", "PROPN") \
                and doc[end + 1].is_lower:
            continue  # "Heathrow airport staff": the noun modifies another
        start = end
        while start > 0 and end - start < NAME_REACH:
            word = doc[start - 1]
            if word.is_alpha and word.text[:1].isupper() and not word.is_stop:
                start -= 1
            elif word.text == "-" and start < end and not word.whitespace_ and start >= 2 \
                    and not doc[start - 2].whitespace_ and doc[start - 2].text[:1].isupper():
                start -= 1  # "Nagorno-Karabakh"
            else:
                break
        if start == end or doc[start].text == "-" or in_lines(start, headlines) or token_source(doc[start]):
            continue
        while start < end - 1 and demonym(doc[start].text) is not None:
            start += 1  # "the mainly Moslem North Caucasus region"
        name = doc[start:end]
        if start > 0 and doc[start - 1].text in ("'s", "’s", "'") \
                or any(t.ent_type_ in NOT_PLACE_NAME for t in name) \
                or any(t.ent_type_ and (t.ent_iob_ == "B" and t.i < start or t.i == start and t.ent_iob_ == "I")
                       for t in name[:1]) \
                or end < len(doc) and doc[end - 1].ent_type_ and doc[end].ent_iob_ == "I" \
                or demonym(name.text) is not None or all(t.lower_ in directions for t in name):
            continue
        out[(start, end)] = KIND_LABEL[kind]
    return out


def _direction_words(tokens, demonym, directions: frozenset[str]) -> bool:
    """Lower-case words of direction ("north west", "northern", "south-east") or demonyms
    ("Moslem"): written before a place's name they say which part of it or who lives there,
    they are no part of the name."""
    return len(tokens) > 0 and tokens[0].text != "-" \
        and all(t.is_lower and t.lower_ in directions or demonym(t.text) is not None for t in tokens)


GUESSED = {"PERSON", "GPE", "LOC", "ORG", "NORP"}


def _places_by_usage(doc: Doc, speech: frozenset[str], w: RuleWords,
                     parties: frozenset[str] = frozenset()) -> list[Span]:
    """A one-word "person" the model guessed, that the article puts somewhere
    ("in Tavildara", "east of Tavildara", "Longyear is a town") and never has
    speak, is a place in every mention; a party never is ("a huge figure in Labour"), nor a
    name a rule made a body's elsewhere ("chemicals group Vantor ... shares in Vantor")."""
    guesses: dict[str, list[Span]] = {}
    in_names = set()
    for ent in doc.ents:
        if ent.label_ in GUESSED and len(ent) == 1 and guessed(ent):
            guesses.setdefault(ent.text, []).append(ent)
        elif ent.label_ == "PERSON" and len(ent) > 1:
            in_names.update(t.text for t in ent)
        elif ent.label_ == "ORG" and not guessed(ent):
            in_names.add(ent.text)  # a rule made it a body: "chemicals group Vantor"
    out = []
    for text, ents in guesses.items():
        if text in in_names or text in parties or not any(e.label_ == "PERSON" for e in ents) \
                or not any(_placed(doc, e, w) for e in ents) or any(_speaks(doc, e, speech) for e in ents):
            continue
        out.extend(Span(doc, e.start, e.end, label="GPE") for e in ents if e.label_ == "PERSON")
    return out


def _placed(doc: Doc, ent: Span, w: RuleWords) -> bool:
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end].text if ent.end < len(doc) else ""
    if after in ("'s", "’s"):
        return False  # "in Jordan's film"
    if before in w.used_as_place or before == "of" and ent.start > 1 and doc[ent.start - 2].lower_ in w.compass:
        return True
    # "Longyear is a town", "Longyear is a Norwegian settlement"
    rest = [t.lower_ for t in doc[ent.end:ent.end + 4]]
    return len(rest) >= 3 and rest[0] in ("is", "was") and rest[1] in ("a", "an", "the") \
        and (rest[2] in w.settlements or len(rest) > 3 and rest[3] in w.settlements)


def _speaks(doc: Doc, ent: Span, speech: frozenset[str]) -> bool:
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    return before in speech or after in speech


def _after_locatives(doc: Doc, headlines, lookup, locatives: frozenset[str]) -> list[tuple[int, int]]:
    """A smaller town the gazetteer knows, right after "in", "at", "near" ("at Hove"); not a name
    the article writes elsewhere as a body's or a person's ("head of sales at Kerava" where
    "said Kerava" is an organization)."""
    bodies = _body_names(doc)
    out = []
    for token in doc:
        if token.lower_ not in locatives or token.i + 1 >= len(doc):
            continue
        nxt = doc[token.i + 1]
        if nxt.ent_type_ in ("PERSON", "ORG", "DATE", "TIME") or token_source(nxt):
            continue  # the model's own reading of a name stands; rules stand
        start = token.i + 1
        end = start
        while end < len(doc) and end - start < 3 and doc[end].text[:1].isupper() and doc[end].is_alpha:
            end += 1
        if end > start and not in_lines(start, headlines) and lookup(doc[start:end].text) is not None \
                and (end >= len(doc) or not doc[end].text[:1].isupper()) and doc[start:end].text not in bodies:
            out.append((start, end))
    return out


def _body_names(doc: Doc) -> frozenset[str]:
    """The names the article writes as an organization's or a person's somewhere (the model's or a
    rule's reading): "chemicals group Vantor", "said Kerava"."""
    return frozenset(e.text for e in doc.ents if e.label_ in ("ORG", "PERSON"))


def _datelines(doc: Doc, lookup, agencies: frozenset[str]) -> set[tuple[int, int]]:
    """The place of a dateline: "BONN 1996-08-30", "KHASAVYURT, Russia", "LONDON (Reuters)"."""
    out = set()
    for line in doc.spans.get(BLOCKS_KEY, []):
        end = line.start
        while end < line.end and end - line.start < 3 and doc[end].is_upper and len(doc[end]) > 1 \
                and not doc[end].is_stop and any(c.isalpha() for c in doc[end].text):
            end += 1
        if end == line.start or end >= line.end:
            continue
        nxt = doc[end].text
        if DATE_TOKEN.match(nxt) or nxt == "," and end + 1 < line.end and lookup(doc[end + 1].text) is not None \
                or nxt == "(" and end + 1 < line.end and doc[end + 1].text in agencies:
            out.add((line.start, end))
    return out


@Language.factory("newsextract_places_gazetteer", assigns=["doc.ents", "span._.nx_source"],
                  requires=["doc.ents", "doc.spans", "token.pos", "span._.nx_source"],
                  default_config={})
def make_places_gazetteer(nlp: Language, name: str) -> PlacesGazetteer:
    return PlacesGazetteer(nlp)
