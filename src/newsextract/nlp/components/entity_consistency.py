"""``newsextract_entity_consistency``: one article, one reading of each name.

- In headline-case lines (ALL CAPS, or Title Case headings) capitals say
  nothing, so an entity the statistical model found there is kept only when
  the article's body names it too ("Discuss Canada's", "Evolving Role" go).
- A person named in the body is a person everywhere in the article: their full
  name, their surname alone ("Carney") and the ALL-CAPS form in a headline
  are labelled PERSON wherever the model missed or mislabelled them, unless a
  rule (a facility, a country) said otherwise.
- Other names the body labels consistently are labelled the same in
  headline lines ("JAPAN" when the body has "Japan" as a place).
- An acronym the article defines in brackets after an organization's name ("the
  Kurdistan Democratic Party ( KDP )") is that organization at every mention.
- A name the model alone called an organization, a product or a work
  ("Justin Gatlin", "Imanol Harinordoquy") is a person when the body names
  its last word alone as a person ("Gatlin, who won") and that word is no
  place: by a known given name before it, or, without one, when the surname
  alone is a person at least twice.
- In a line that mostly lists people ("Mike Sullivan, Willie Wood, Loren
  Roberts"), the other names of two words or more are people too.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from ... import lexicon
from ...lexicon.geo import Gazetteer
from .blocks import BLOCKS_KEY
from .carried import Carried
from .entity_spans import HEADLINE_KEY, capital_word, replace_ents
from .provenance import CONSISTENCY, GAZETTEER, KNOWN_PERSON, RULE, guessed, mark, source, stays

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
PROTECTED = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
GUESSES = {"PERSON", "GPE", "LOC", "NORP"}  # the model's labels a rule's organization overrides
NOT_PERSON_GUESSES = {"ORG", "PRODUCT", "WORK_OF_ART"}  # the model's labels a surname's person may override
SURNAME_ALONE_TIMES = 2  # times the body names a surname alone as a person, for a name with no known given name


def _known_place(text: str, geo: Gazetteer) -> bool:
    entry = geo.lookup(text)
    return entry is not None and entry.match > 0


def _never_a_place(doc: Doc, word: str, place_words: frozenset[str]) -> bool:
    """No mention of ``word`` (a country that is also someone's surname) reads as
    the country: none after "in", "to", "of"... (``place_words``) unless a possessive follows
    ("in Jordan's film"), none in a longer name ("Jordan Valley")."""
    for token in doc:
        if token.lower_ != word:
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and after.text in ("'s", "’s"):
            continue
        if token.i > 0 and doc[token.i - 1].lower_ in place_words:
            return False
        if after is not None and after.ent_iob_ == "I" and after.ent_type_ in ("GPE", "LOC", "FAC", "ORG"):
            return False
    return True


def _key(tokens) -> tuple[str, ...]:
    return tuple(t.lower_ for t in tokens)


ACRONYM_LETTERS = (2, 6)


def defined_acronyms(doc: Doc) -> set[tuple[str, ...]]:
    """The acronyms the article defines in brackets after an organization's name, as keys:
    "the Federal Open Market Committee ( FOMC )", "the London International Financial
    Futures and Options Exchange ( LIFFE )" (the letters of the name's capitalized words)."""
    out: set[tuple[str, ...]] = set()
    if "(" not in doc.vocab.strings:
        return out
    opening = doc.vocab.strings["("]
    for i in numpy.flatnonzero(doc.to_array(ORTH) == opening):  # without a Python loop over every token
        t = doc[int(i)]
        if t.i < 1 or t.i + 2 >= len(doc) or doc[t.i + 2].text != ")":
            continue
        acronym = doc[t.i + 1].text
        if not (acronym.isalpha() and acronym.isupper() and ACRONYM_LETTERS[0] <= len(acronym) <= ACRONYM_LETTERS[1]):
            continue
        before = doc[t.i - 1]
        if before.ent_type_ != "ORG":
            continue
        start = before.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        initials = "".join(w.text[0] for w in doc[start:t.i] if w.is_alpha and w.text[:1].isupper())
        if _spells(acronym, initials):
            out.add((acronym.lower(),))
    return out


def _spells(acronym: str, initials: str) -> bool:
    """The acronym is the name's initials, those of its last words ("August National Association
    of Purchasing Management" for NAPM), or all but one of them in order ("LIFFE")."""
    if acronym == initials or len(acronym) >= 2 and initials.endswith(acronym):
        return True
    if len(acronym) < len(initials) - 1 or acronym[0] != initials[:1] or acronym[-1] != initials[-1:]:
        return False
    letters = iter(initials)
    return all(c in letters for c in acronym)


class EntityConsistency(Carried):
    """Data (``initialize``, kept by ``to_disk``): name stopwords, given names, the words that
    make a country's name read as the place (``lexicon.place_reading_words``) and the gazetteer."""

    uses_geo = True

    def __init__(self, *, max_name_words: int = 5, list_share: float = 0.6) -> None:
        self.max_name = max_name_words
        self.list_share = list_share

    def gather(self) -> dict:
        return {"name_stopwords": lexicon.words("name_stopwords.txt"), "first_names": lexicon.first_names(),
                "place_words": lexicon.place_reading_words()}

    def build(self, data: dict) -> None:
        self.not_names = frozenset(data["name_stopwords"])
        self.first_names = frozenset(data["first_names"])
        self.place_words = frozenset(data["place_words"])

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        _is_country = self.geo.is_country
        headline_tokens = set()
        for line in doc.spans.get(HEADLINE_KEY, []):
            headline_tokens.update(range(line.start, line.end))
        body = [e for e in doc.ents if e.label_ in NAME_LABELS and e.start not in headline_tokens]
        labels: dict[tuple[str, ...], Counter] = defaultdict(Counter)
        for ent in body:
            labels[_key(ent)][ent.label_] += 1
        names: dict[tuple[str, ...], str] = {k: c.most_common(1)[0][0] for k, c in labels.items()}
        # people named in full: their names, and their surnames alone, are people
        person_words: set[str] = set()
        persons: dict[tuple[str, ...], str] = {}
        country_surnames: set[str] = set()
        for ent in body:
            votes = labels[_key(ent)]
            if ent.label_ == "PERSON" and len(ent) > 1 and votes["PERSON"] >= max(votes.values()):
                # (a name the article mostly gives another label, "the New York Yankees", is none)
                person_words.update(t.lower_ for t in ent)
                persons[_key(ent)] = "PERSON"
                for word in (ent[-1], ent[0]):
                    # the surname; or the family name written first ("Wang Donghai"):
                    # a first word that is no known given name, and that the body
                    # also names alone as a person at least once
                    if word.i == ent.start and (len(ent) > 3 or word.text in self.first_names
                                                or not labels.get((word.lower_,), Counter())["PERSON"]):
                        continue
                    if not word.is_alpha or word.is_stop:
                        continue
                    if not _is_country(word.text):
                        persons[(word.lower_,)] = "PERSON"
                    elif _never_a_place(doc, word.lower_, self.place_words):  # "Neil Jordan" ... "Jordan said"
                        persons[(word.lower_,)] = "PERSON"
                        country_surnames.add(word.lower_)
        others = [e for e in doc.ents if e.label_ in NOT_PERSON_GUESSES and e.start not in headline_tokens]
        for key in self._people_the_model_missed(others, labels):
            persons[key] = names[key] = "PERSON"
            person_words.update(key)
        names.update(persons)

        # names a rule made organizations ("Cofinec CEO", "the Brewers rallied") are
        # organizations wherever the model alone called them people
        ruled_orgs = {_key(e) for e in body if e.label_ == "ORG" and source(e) == RULE}
        # an acronym the article defines ("the Kurdistan Democratic Party ( KDP )") is that
        # organization wherever it stands, whether the model saw it or called it a person
        for key in defined_acronyms(doc):
            ruled_orgs.add(key)
            if key not in persons:
                names[key] = "ORG"

        # 1. headline lines: the model's own guesses need the body's support;
        #    a lone "person" that the gazetteer knows as a place is that place
        kept = []
        for ent in doc.ents:
            if guessed(ent) and ent.label_ in NOT_PERSON_GUESSES and persons.get(_key(ent)) == "PERSON" \
                    and ent.start not in headline_tokens:
                ent = mark(Span(doc, ent.start, ent.end, label="PERSON"), CONSISTENCY)
            elif guessed(ent) and ent.label_ in GUESSES and _key(ent) in ruled_orgs and _key(ent) not in persons:
                ent = mark(Span(doc, ent.start, ent.end, label="ORG"), CONSISTENCY)
            elif guessed(ent) and ent.label_ in NAME_LABELS:
                if ent.start in headline_tokens:
                    label = names.get(_key(ent))
                    if label is None:
                        continue
                    if label != ent.label_:
                        ent = mark(Span(doc, ent.start, ent.end, label=label), CONSISTENCY)
                elif ent.label_ == "PERSON" and len(ent) == 1 and ent[0].lower_ not in person_words \
                        and _known_place(ent.text, self.geo):
                    ent = mark(Span(doc, ent.start, ent.end, label="GPE"), CONSISTENCY)
            kept.append(ent)
        doc.set_ents(kept)

        # 2. names the body knows, found again where the model missed them
        ent_of = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                ent_of[i] = ent
        sizes: dict[str, list[int]] = defaultdict(list)  # first word -> name lengths, longest first
        for key in names:
            if len(key) <= self.max_name:
                sizes[key[0]].append(len(key))
        for lengths in sizes.values():
            lengths.sort(reverse=True)
        lowers = [t.lower_ for t in doc]
        texts = [t.text for t in doc]
        winners, i, n = [], 0, len(doc)
        while i < n:
            lengths = sizes.get(lowers[i])
            if lengths is None or not texts[i][:1].isupper() or doc[i].is_stop and doc[i].is_sent_start:
                i += 1
                continue
            hit = None
            for size in lengths:
                if i + size > n:
                    continue
                key = tuple(lowers[i:i + size])
                label = names.get(key)
                if label is not None and all(w[:1].isupper() or not w[:1].isalpha() for w in texts[i:i + size]):
                    hit = (size, label, key in persons)
                    break
            if hit is None:
                i += 1
                continue
            size, label, person = hit
            span = Span(doc, i, i + size, label=label)
            if self._may_relabel(span, ent_of, person=person, country_surnames=country_surnames,
                                 is_country=_is_country):
                winners.append(span)
            i += size
        replace_ents(doc, winners, source=CONSISTENCY)
        replace_ents(doc, self._lists_of_people(doc, headline_tokens), source=CONSISTENCY)
        return doc

    def _people_the_model_missed(self, others: list[Span], labels) -> list[tuple[str, ...]]:
        """Names of two or three capitalized words the model alone called an organization,
        product or work whose last word the body names alone as a person, mostly."""
        out = []
        for ent in others:
            if not guessed(ent) or ent.label_ not in NOT_PERSON_GUESSES or not 2 <= len(ent) <= 4:
                continue
            words = [t for t in ent if t.text != "-"]
            if not 2 <= len(words) <= 3 or any(not capital_word(t) or t.is_stop or t.text in self.not_names
                                               for t in words):
                continue
            if ent[-2].text == "-" or any(t.text == "-" and (t.whitespace_ or t.nbor(-1).whitespace_)
                                          for t in ent):
                continue  # only a given name is hyphenated here: "Blair-Brown" is two people
            surname = ent[-1]
            votes = labels.get((surname.lower_,), Counter())
            if not votes["PERSON"] or votes["PERSON"] < max(votes.values()) \
                    or self.geo.lookup(surname.text) is not None:
                continue
            first = ent[0]
            given = first.text in self.first_names
            if not given and (votes["PERSON"] < SURNAME_ALONE_TIMES or self.geo.lookup(first.text) is not None
                              or self.geo.demonym_country(first.text) is not None):
                continue
            out.append(_key(ent))
        return out

    def _lists_of_people(self, doc: Doc, headline_tokens: set[int]) -> list[Span]:
        """In a line that lists people ("Mike Sullivan, Willie Wood, Loren
        Roberts"), the other names of two or more words are people too."""
        out: list[Span] = []
        people = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
        if len(people) < 2:
            return out
        ent_of = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                ent_of[i] = ent
        for line in doc.spans.get(BLOCKS_KEY, []):
            if line.start in headline_tokens:
                continue
            runs = self._name_runs(line)
            if len(runs) < 3 or sum(t.is_lower and t.is_alpha and t.lower_ != "and" for t in line) > len(runs):
                continue  # a list, not a sentence that names a few people and teams
            named = [r for r in runs if any(ent_of.get(i) is not None and ent_of[i].label_ == "PERSON"
                                            for i in range(*r))]
            if len(named) < 2 or len(named) < self.list_share * len(runs):
                continue
            for start, end in runs:
                olds = {id(ent_of[i]): ent_of[i] for i in range(start, end) if i in ent_of}
                if all(not stays(o, CONSISTENCY) and o.label_ in ("ORG", "GPE", "LOC", "NORP", "FAC")
                       and start <= o.start and o.end <= end for o in olds.values()):
                    out.append(Span(doc, start, end, label="PERSON"))
        return out

    def _name_runs(self, line: Span) -> list[tuple[int, int]]:
        runs, i = [], line.start
        while i < line.end:
            j = i
            while j < line.end and j - i < 4 and capital_word(line.doc[j]) \
                    and line.doc[j].text not in self.not_names and not line.doc[j].is_stop:
                j += 1
            if j - i >= 2 and (j >= line.end or not capital_word(line.doc[j])):
                runs.append((i, j))
            i = max(j, i + 1)
        return runs

    @staticmethod
    def _may_relabel(span: Span, ent_of, *, person: bool, country_surnames: set[str], is_country) -> bool:
        """Unlabelled text takes the body's label; only a known person's name
        overrides the model (never a rule), and a place from the gazetteer yields
        only to a person's surname that is not a country."""
        olds = {id(ent_of[i]): ent_of[i] for i in range(span.start, span.end) if i in ent_of}
        if not olds:
            return True
        if not person:
            return False
        for old in olds.values():
            if old.label_ in PROTECTED or old.label_ == "PERSON":
                return False
            if stays(old, KNOWN_PERSON):
                return False  # rules and titled people stay
            if source(old) == GAZETTEER and (len(span) > 1 or is_country(old.text)
                                            and old.text.lower() not in country_surnames):
                return False
            if not (span.start <= old.start and old.end <= span.end):
                return False  # a longer or crossing name stays
        return True


@Language.factory("newsextract_entity_consistency", assigns=["doc.ents", "span._.nx_source"],
                  requires=["doc.ents", "doc.spans", "span._.nx_source"],
                  default_config={"max_name_words": 5, "list_share": 0.6})
def make_entity_consistency(nlp: Language, name: str, max_name_words: int, list_share: float) -> EntityConsistency:
    """``max_name_words``: the longest name the body's reading is carried to; ``list_share``:
    the part of a line's names that must be people for the line to be a list of people."""
    return EntityConsistency(max_name_words=max_name_words, list_share=list_share)
