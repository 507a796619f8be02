"""Where a person's name begins and ends: the words that the model or a rule glued to it.

annotation.md: a title is never part of a name. The person name finder
(``person_names``) trims every PERSON entity with ``NameBounds.trim``:

- a leading word for what a person is or does ("Author David Mitchell", "Chief
  Charles Williams", "Treasurer Costello"; ``lexicon.person_role_words``), when
  what follows is still a name: a given name, or any name when the word is no
  given name itself ("Dean Martin" stays whole);
- a leading word that is no given name, before a given name: an English noun or
  adjective (``lemmas.common_word``) before a given name and a surname ("Comptroller
  Alan Hevesi"), never a word the lemmatizer's tables do not know ("Ard Jan Vetham");
  before a given name alone, an everyday verb, adjective or adverb
  (``entity_spans.everyday_of``: the nouns hold surnames, "Salim Malik") written with a
  capital only because it opens a sentence, a quote or a line ("Like Kevin ...");
- never a one-letter initial ("K Marlowe"), though the lemmatizer knows "k" as a word;
- trailing letters after the name ("Paul Boateng MP", "QC", "OBE";
  ``models/post_nominals.txt``); a given name, a surname and such letters that the
  model took for an organization or a place are a person ("Derek Holt OBE");
- a trailing "I" that is the next clause's pronoun ("for Nicolas Anelka I will
  speak", "Like Kevin I'd like"), not a regnal number ("Henry I of England").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..lemmas import common_word
from .entity_spans import capital_word, everyday, everyday_of
from .person_titles import TITLES_KEY
from .provenance import BEFORE, NAME, guessed, mark, set_name_side, source

OPENERS = {'"', "“", "‘", "'", ":", "(", "-", "–", "—", "*"}
GUESSES = {"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"}
PRONOUN_FOLLOWERS = {"'d", "’d", "'m", "’m", "'ll", "’ll", "'ve", "’ve", "am"}


class NameBounds:
    def __init__(self, *, first_names: frozenset[str], role_words: frozenset[str],
                 post_nominals: frozenset[str], titles: dict[str, str]) -> None:
        self.first_names = first_names
        self.role_words = role_words
        self.post_nominals = post_nominals
        self.titles = titles  # one-word titles and honorifics, lower case -> as reported ("dame" -> "Dame")

    def trim(self, doc: Doc) -> None:
        """Trim the PERSON entities of ``doc`` in place; each keeps the source it had. A
        title or honorific trimmed off the front ("Dame" in "Dame Judi Dench") is added to
        ``doc.spans["person_titles"]``, so that it goes to the person's titles."""
        changed, ents, titles = False, [], []
        for ent in doc.ents:
            if self.lettered(ent):  # "Derek Holt OBE", which the model took for a body
                ent = mark(Span(doc, ent.start, ent.end, label="PERSON"), NAME)
            if ent.label_ == "PERSON" and len(ent) > 1:
                start, end = self.bounds(doc, ent.start, ent.end)
                if (start, end) != (ent.start, ent.end):
                    titles.extend(set_name_side(Span(doc, i, i + 1, label=self.titles[doc[i].lower_]), BEFORE)
                                  for i in range(ent.start, start) if doc[i].lower_ in self.titles)
                    ent = mark(Span(doc, start, end, label=ent.label), source(ent))
                    changed = True
            ents.append(ent)
        if changed:
            doc.set_ents(ents)
        if titles:
            known = list(doc.spans.get(TITLES_KEY, []))
            ends = {t.end for t in known}
            doc.spans[TITLES_KEY] = sorted(known + [t for t in titles if t.end not in ends], key=lambda t: t.start)

    def lettered(self, ent: Span) -> bool:
        """The model's organization or place is a given name, a surname and letters that
        are written only after a person's name ("Derek Holt OBE", "Sarah Nunn QC")."""
        return ent.label_ in GUESSES and len(ent) >= 3 and guessed(ent) and ent[-1].text in self.post_nominals \
            and ent[0].text in self.first_names and all(capital_word(t) for t in ent[1:-1])

    def bounds(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """The (start, end) of the name inside the PERSON span ``doc[start:end]``."""
        while end - start > 1 and (doc[end - 1].text in self.post_nominals
                                   or self.pronoun_i(doc, end - 1, start)):
            end -= 1
        for _ in range(2):
            if end - start > 1 and self.leading_word(doc, start, end):
                start += 1
        return start, end

    def pronoun_i(self, doc: Doc, i: int, start: int) -> bool:
        """``doc[i]`` is "I" after the name ``doc[start:i]``, and the subject of what
        follows: after two words of a name, or before "'d", "am" ("Henry I", "Pedro I
        became" stay a king's name)."""
        if doc[i].text != "I" or i == start:
            return False
        if i + 1 < len(doc) and doc[i + 1].lower_ in PRONOUN_FOLLOWERS:
            return True
        return i - start >= 2  # "Elizabeth I was born", "Pedro I became": a regnal number

    def leading_word(self, doc: Doc, start: int, end: int) -> bool:
        """``doc[start]`` describes the person or only opens the sentence; the rest is the name."""
        first, second = doc[start], doc[start + 1]
        if initial(first):
            return False  # "K Marlowe": an initial is the name's own
        if not (capital_word(second) or initial(second) and end - start >= 3):  # "Author K Marlowe"
            return False
        given = first.text in self.first_names
        names_follow = second.text in self.first_names
        if first.lower_ in self.role_words:
            return not given or names_follow and end - start >= 3
        if given or not names_follow:
            return False
        if end - start >= 3 and common_word(first):  # a noun or an adjective before "Given Surname"
            return True
        common = everyday_of(doc.vocab)  # verbs, adjectives, adverbs: the nouns hold surnames
        return common is not None and everyday(first.lower_, common) and opens(doc, start)


def initial(token) -> bool:
    """A one-letter initial of a given name: "K" or "K." ("A" and "I" are words too)."""
    text = token.text.rstrip(".")
    return len(text) == 1 and text.isupper() and text.isalpha() and text not in ("A", "I") \
        and len(token.text) <= 2


def opens(doc: Doc, i: int) -> bool:
    """``doc[i]`` starts a sentence, a quote or a line: a capital there says nothing."""
    if i == 0 or doc[i].is_sent_start:
        return True
    before = doc[i - 1]
    return before.text in OPENERS or before.is_space or "\n" in before.whitespace_
