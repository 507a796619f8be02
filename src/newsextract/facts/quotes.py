"""Quotes: who said what.

The quoted stretches come from ``quotemarks.find_stretches``; a stretch is a
quote when it has at least four words and is no title of a work ("the film
"The Lord of the Rings"", a stretch in title case) and no British headline
infinitive ("US 'to raise TV fines'", a reported plan, not anyone's words).

The speaker is read, in this order, from:

1. the reporting clause right after the quotation (""...," said Smith",
   ""...," he added", ""...," Smith told the BBC");
2. the reporting clause before it in the same sentence ("Smith said: "..."",
   "Smith said the fines are "a cost of doing business"");
3. the quotation it continues: the one before it with only space between (a
   new opening mark after a full stop, or a paragraph that opens with a mark
   after one that did not close) or the one after it, when only that one is
   attributed;
4. the sentence before it, when that sentence has a reporting verb (""Smith
   said the deal was good. "It is ...""), or a quotation of its own
   (""It is good," he said. "We will ...""): that speaker.

The reporting verb's subject is resolved to the canonical name of a people or
organizations entry: a mention of the entry ("Smith", "Mr Smith", a "He" the
people extractor gave the entry), "he"/"she" to the last person named before
outside quotation marks whose sex fits, "a spokesman for X", "X spokesman"
and "X said in a statement" to X, a title ("the chairman") to the one person
who carries it, "the club" / "the company" through ``resolve.EntityIndex``. When
none of these names someone, the speaker is ``None``: a wrong speaker is worse
than none. ``cue`` is the reporting verb's lemma; the reporting verbs are
the ``reporting`` verbs of ``models/speech_verbs.tsv``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .resolve import ORG, PERSON, PRONOUN_SEX, SUBJECTS, EntityIndex, SpeakerAntecedents, person_sex
from ..records import Organization, Person, Place, Quote
from ..nlp.doctext import doc_text
from ..lexicon.geo import demonym_country
from ..nlp.lemmas import lemma as lemma_of
from .quotemarks import Stretch, find_stretches
from .. import lexicon
from .mentions import staff_nouns

MIN_WORDS = 4
SENTENCE_END = {".", "!", "?"}
GROUP_PRONOUNS = {"it", "they"}
RELATIVE = {"who", "which", "that"}
AGE = re.compile(r"\d+-year-old")
PERSON_LOOKBACK = 2  # paragraphs before the quote's own searched for "he"/"she"
CLAUSE_TOKENS = 12  # how far a reporting clause reaches from the quotation's marks


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    return lexicon.reporting_verbs()


@lru_cache(maxsize=1)
def _descriptors() -> frozenset[str]:
    """Nouns that describe a person without naming them ("the striker", "the actress")."""
    words = set(lexicon.words("person_leading_words.txt")) | set(lexicon.words("team_role_words.txt"))
    return frozenset(words)


def extract_quotes(doc: Doc, *, people: list[Person], organizations: list[Organization],
                   places: list[Place] | None = None, index: EntityIndex | None = None) -> list[Quote]:
    text = doc_text(doc)
    if '"' not in text and "'" not in text and "“" not in text and "‘" not in text:
        return []
    stretches = find_stretches(text)
    if not stretches:
        return []
    if index is None:
        index = EntityIndex(doc, people, places or [], organizations)
    finder = _Speakers(doc, text, stretches, people, organizations, index)
    return finder.quotes()


class _Speakers:
    def __init__(self, doc: Doc, text: str, stretches: list[Stretch], people: list[Person],
                 organizations: list[Organization], index: EntityIndex) -> None:
        self.doc = doc
        self.text = text
        self.stretches = stretches
        self.index = index
        self.verbs = reporting_verbs()
        # character ranges inside quotation marks (any length), marks included
        self.quoted = [(s.open_at, (s.close_at + 1) if s.close_at is not None else s.end) for s in stretches]
        self.quoted_starts = [a for a, _ in self.quoted]
        self.sexes = {p.name: person_sex(p) for p in people}
        mentions = []
        for p in people:
            for m in p.mentions:
                if not self._in_quotes(m.start):
                    mentions.append((m.start, m.end, p.name))
        mentions.sort()
        self.person_mentions = mentions
        self.person_at: dict[int, str] = {}  # last token of each person mention -> name
        for start, end, name in mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                self.person_at[span.root.i] = name
        self.org_at: dict[int, str] = {}
        for org in organizations:
            for m in org.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and not self._in_quotes(m.start):
                    self.org_at[span.root.i] = org.name
        self.title_line = self._title_line()
        self.groups: dict[str, str] = {}
        self.org_names = {o.name for o in organizations}
        self.org_mentions = {o.name: len(o.mentions) for o in organizations}
        self.org_names_folded = {o.name.casefold(): o.name for o in organizations}
        self.roles = {p.name: list(getattr(p, "roles", []) or []) for p in people}
        self.antecedents = SpeakerAntecedents(doc, text, person_at=self.person_at, org_at=self.org_at,
                                              sexes=self.sexes, in_quotes=self._in_quotes, is_cue=self._is_cue,
                                              spokes=lexicon.spokesperson_words(), lookback=PERSON_LOOKBACK)

    def _title_line(self) -> int:
        from ..nlp.components.blocks import BLOCKS_KEY

        for span in self.doc.spans.get(BLOCKS_KEY, []):
            if span.label_ == "title":
                return _line_index(self.text, span.start_char)
        return -1

    # -- which stretches are quotes ----------------------------------------------
    def _is_quote(self, s: Stretch) -> bool:
        words = [w for w in self.text[s.start:s.end].split() if any(c.isalnum() for c in w)]
        if len(words) < MIN_WORDS:
            return False
        if s.mark == "'" and words[0].lower() == "to" and s.line == self.title_line:
            return False  # "US 'to raise TV fines'": a headline's reported plan
        return not self._work_title(s, words)

    def _work_title(self, s: Stretch, words: list[str]) -> bool:
        inner = self.text[s.start:s.end].rstrip()
        if inner[-1:] in ".,!?;:":
            return False
        before = self.text[max(0, s.open_at - 40):s.open_at].split()
        work_nouns = lexicon.quoted_title_words()
        if before and before[-1].lower().strip(",") in work_nouns or \
                len(before) > 1 and before[-2].lower() in work_nouns and before[-1][:1].isupper():
            return True
        small = lexicon.title_small_words()
        capital = [w for w in words if w.lower() not in small]
        return bool(capital) and all(w[:1].isupper() or w[:1].isdigit() for w in capital) \
            and words[0][:1].isupper()

    def _in_quotes(self, char: int) -> bool:
        i = bisect_left(self.quoted_starts, char + 1) - 1
        return i >= 0 and self.quoted[i][0] <= char < self.quoted[i][1]

    # -- speakers ------------------------------------------------------------------
    def quotes(self) -> list[Quote]:
        n = len(self.stretches)
        own = [self._attribution(s) for s in self.stretches]  # (speaker, cue, attributed)
        found = list(own)
        for i in range(n):
            if found[i][2]:
                continue
            if i and self._joined(i - 1, i) and found[i - 1][2]:
                found[i] = found[i - 1]  # a quotation that continues the one before
                continue
            j = i
            while j + 1 < n and self._joined(j, j + 1) and not own[j + 1][2]:
                j += 1
            if j + 1 < n and self._joined(j, j + 1):
                found[i] = own[j + 1]  # ""We won. "It was hard," he said."
                continue
            found[i] = self._introduced(i, found)
        out = []
        for s, (speaker, cue, _) in zip(self.stretches, found):
            if self._is_quote(s):
                out.append(Quote(text=self.text[s.start:s.end], start=s.start, end=s.end,
                                 speaker=speaker, cue=cue, group=self._group(speaker)))
        return out

    def _joined(self, i: int, j: int) -> bool:
        """Whether stretch ``j`` continues stretch ``i``: only space between them (one
        left open or closed, the next opening after it), or a paragraph run on."""
        a, b = self.stretches[i], self.stretches[j]
        if a.mark != '"' or b.mark != '"':
            return False
        if b.continues and b.line == a.line + 1:
            return True
        if a.line != b.line:
            return False
        between = self.text[(a.close_at + 1) if a.close_at is not None else a.end:b.open_at]
        ended = self.text[a.start:a.end].rstrip()[-1:] in SENTENCE_END
        return not between.strip() and (a.close_at is None or ended)

    def _attribution(self, s: Stretch) -> tuple[str | None, str | None, bool]:
        after = self._clause_after(s)
        if after is not None:
            return after
        governing = self._governing(s)
        if governing is not None:
            return governing
        before = self._clause_before(s)
        if before is not None:
            return before
        return None, None, False

    def _tokens_between(self, lo: int, hi: int) -> list[Token]:
        span = self.doc.char_span(lo, hi, alignment_mode="contract") if hi > lo else None
        return list(span) if span is not None else []

    def _is_cue(self, tok: Token) -> bool:
        return tok.pos_ in ("VERB", "AUX") and not self._in_quotes(tok.idx) and lemma_of(tok) in self.verbs

    def _clause_after(self, s: Stretch):
        """""...," said Smith" / ""...," he added": a reporting verb right after the marks."""
        inner = self.text[s.start:s.end].rstrip()
        if s.close_at is None or inner[-1:] == ".":
            return None
        lo = s.close_at + 1
        hi = self._next_quote(lo)
        tokens = []
        for tok in self._tokens_between(lo, hi):
            if "\n" in tok.text or tok.text in SENTENCE_END or tok.text == ";":
                break
            tokens.append(tok)
            if len(tokens) >= CLAUSE_TOKENS:
                break
        for tok in tokens:
            if self._is_cue(tok):
                return self._speaker_of(tok)
        return None

    def _governing(self, s: Stretch):
        """The reporting verb the quotation hangs on in the parse ("Smith said: "..."",
        "suggested people were "rather bored of the thing""), the nearest one up."""
        span = self.doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        tok = span.root
        for _ in range(12):
            if tok.head.i == tok.i:
                return None
            tok = tok.head
            if not (s.start <= tok.idx < s.end) and self._is_cue(tok):
                return self._speaker_of(tok)
        return None

    def _clause_before(self, s: Stretch):
        """"Smith said: "..."", "said current fines are "..."": the nearest reporting verb
        before the marks in the same sentence, other quotations skipped."""
        hi = s.open_at
        lo = self._paragraph_start(hi)
        tokens = self._tokens_between(lo, hi)
        for tok in reversed(tokens):
            if self._in_quotes(tok.idx):
                continue
            if tok.text in SENTENCE_END:
                break
            if self._is_cue(tok):
                return self._speaker_of(tok)
        return None

    def _introduced(self, i: int, found) -> tuple[str | None, str | None, bool]:
        """The sentence right before an unattributed quotation (in its paragraph, or
        ending the paragraph before): its reporting verb's subject, or the speaker of
        its own quotation ("Smith said the deal was good. "It is ..."")."""
        s = self.stretches[i]
        lo = self._paragraph_start(s.open_at)
        if not self.text[lo:s.open_at].strip():  # the quotation opens its paragraph
            end = lo
            while end > 0 and self.text[end - 1].isspace():
                end -= 1
            lo = self._paragraph_start(end) if end else 0
        tokens = self._tokens_between(lo, s.open_at)
        if not tokens:
            return None, None, False
        # the sentence before: back from its final stop to the stop before it
        k = len(tokens) - 1
        while k >= 0 and (tokens[k].is_space or tokens[k].text in ('"', "“", "”")):
            k -= 1
        if k < 0 or tokens[k].text not in SENTENCE_END and not self._in_quotes(tokens[k].idx):
            return None, None, False  # a fragment inside a sentence with no reporting verb
        first = k - 1
        while first >= 0 and not (tokens[first].text in SENTENCE_END and not self._in_quotes(tokens[first].idx)):
            first -= 1
        sentence = tokens[first + 1:k + 1]
        for j in range(i - 1, -1, -1):  # the sentence before ends with an attributed quotation
            prev = self.stretches[j]
            if prev.end <= (sentence[0].idx if sentence else s.open_at) - 1:
                break
            if found[j][2]:
                return found[j]
        for tok in reversed(sentence):
            if self._is_cue(tok):
                got = self._speaker_of(tok)
                if got[0] is not None:
                    return got
        return None, None, False

    def _next_quote(self, lo: int) -> int:
        i = bisect_left(self.quoted_starts, lo)
        return self.quoted_starts[i] if i < len(self.quoted_starts) else len(self.text)

    def _previous_quote_end(self, hi: int) -> int:
        i = bisect_left(self.quoted_starts, hi) - 1
        return self.quoted[i][1] if i >= 0 else 0

    def _paragraph_start(self, char: int) -> int:
        return self.text.rfind("\n", 0, char) + 1

    # -- the reporting verb's subject --------------------------------------------------
    def _speaker_of(self, verb: Token) -> tuple[str | None, str | None, bool]:
        cue = lemma_of(verb)
        subject = _subject(verb, outside=lambda t: not self._in_quotes(t.idx))
        if subject is not None and subject.lower_ in RELATIVE and verb.dep_ == "relcl":
            subject = verb.head  # "a UKIP spokesman, who said: ..."
        if subject is None:
            return None, cue, True
        speaker = self._resolve(subject)
        if speaker is not None and speaker not in self.groups:
            for tok in _phrase(subject):  # "Arsenal director Danny Fiszman", "UKIP chairman Petrina Holdsworth"
                body = self.index.at(tok.idx, tok.idx + len(tok.text), (ORG,))
                if body is not None and body.name != speaker and self.org_mentions.get(body.name, 0) > 1:
                    # a body the article names on its own too, not only inside a title
                    # ("Trade and Industry Secretary Patricia Hewitt")
                    self.groups[speaker] = body.name
                    break
        return speaker, cue, True

    def _group(self, speaker: str | None) -> str | None:
        """Whom a speaker's "we" stands for: an organization itself, else the one named
        beside the speaker where quoted, else the one of the speaker's roles."""
        if speaker is None:
            return None
        if speaker in self.org_names:
            return speaker
        if speaker in self.groups:
            return self.groups[speaker]
        for role in self.roles.get(speaker, []):
            name = self.org_names_folded.get((role.organization or "").casefold())
            if name is not None and self.org_mentions.get(name, 0) > 1:
                return name
        return None

    def _resolve(self, head: Token) -> str | None:
        index = self.index
        doc = self.doc
        word = head.lower_
        if word in PRONOUN_SEX:
            covering = index.at(head.idx, head.idx + len(head.text), (PERSON,))
            if covering is not None:
                return covering.name
            return self.antecedents.antecedent(head.idx, PRONOUN_SEX[word])
        if word in GROUP_PRONOUNS:
            entity = index.resolve_entity(head, doc[head.i:head.i + 1])
            return entity.name if entity is not None and entity.kind == ORG else None
        if head.pos_ == "PRON":
            return None
        phrase = _phrase(head)
        noun = lemma_of(head).lower()
        people = {}
        for tok in phrase:
            person = index.at(tok.idx, tok.idx + len(tok.text), (PERSON,))
            if person is not None:
                people.setdefault(person.name, tok)
        if len(people) > 1:  # "The Shadow Secretary, Theresa May,": the one in apposition or the head
            named = [n for n, t in people.items() if t.i == head.i or t.dep_ == "appos" or t.head.dep_ == "appos"]
            people = {n: people[n] for n in named[:1]}
        if people:  # "HVB analyst Peter-Thilo Halser", "a spokesman, John Smith,"
            return next(iter(people))
        spokes = lexicon.spokesperson_words()
        if noun in spokes or word in spokes:
            # "a spokesman for X", "X spokesman", "the club's spokesman": X
            for tok in head.subtree:
                if tok.dep_ in ("relcl", "acl"):
                    break
                body = index.at(tok.idx, tok.idx + len(tok.text), (ORG,))
                if body is not None:
                    return body.name
            return None
        named = index.at(head.idx, head.idx + len(head.text), (ORG,))
        if named is not None:
            return named.name
        definite = any(c.lower_ == "the" for c in head.children)
        if definite and (noun in index.organization_nouns or noun in index.anaphoric_org_nouns):
            return self.antecedents.antecedent(head.idx, None, kind=ORG)  # "the organisation said in a statement"
        subject = doc[head.left_edge.i:head.i + 1]
        entity = index.resolve_entity(head, subject)
        demonym = demonym_country(head.text) is not None
        person_noun = noun in index.person_nouns or noun in _descriptors() or demonym
        if entity is not None and (entity.kind == PERSON or entity.kind == ORG and not person_noun):
            return entity.name
        # "the 55-year-old", "the Frenchman", "the Man Utd boss", "the Factory Records founder": the
        # person the text is about; never "the judge" (someone new) or "the Shadow Secretary, Theresa May"
        described = noun in _descriptors() or demonym or AGE.search(subject.text.replace(" ", "")) or (
            noun in index.person_nouns and any(c.dep_ in ("compound", "poss") and index.at(
                c.idx, c.idx + len(c.text), (ORG,)) is not None for c in head.children))
        named = any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children)
        if definite and described and not named and (head.tag_ == "NN" and head.text.islower() or demonym):
            return self.antecedents.antecedent(head.idx, None)
        return None


def _phrase(head: Token) -> list[Token]:
    """A subject's words without its relative clauses ("Stephen Schechter, a banker who
    has held talks with Dortmund")."""
    out = []
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in ("relcl", "acl"):
            skip.update(t.i for t in child.subtree)
        elif child.dep_ == "appos":
            for grand in child.children:
                if grand.dep_ in ("relcl", "acl"):
                    skip.update(t.i for t in grand.subtree)
    for tok in head.subtree:
        if tok.i not in skip and not tok.is_punct:
            out.append(tok)
    return out


def _subject(verb: Token, *, outside) -> Token | None:
    """The subject of a reporting verb, through "and said", "is quoted as saying",
    "speaking ..., said"; ``outside`` tells the tokens outside quotation marks."""
    doc = verb.doc
    for tok in doc[verb.i + 1:min(len(doc), verb.i + 8)]:  # "said Ken Kutaragi, ..., said last year"
        if tok.dep_ in SUBJECTS and outside(tok) and (tok.head.i == verb.i or tok.head.i > tok.i and lemma_of(
                tok.head) in reporting_verbs()) and not any(
                c.dep_ in SUBJECTS and outside(c) for c in verb.children):
            if all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PUNCT", "NUM") for t in doc[verb.i + 1:tok.i]):
                return tok
        if tok.pos_ in ("VERB", "AUX") and tok.i != verb.i or tok.is_punct and tok.text != ",":
            break
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in SUBJECTS and outside(child):
                return child
        if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep") and verb.head.i != verb.i:
            verb = verb.head
            continue
        break
    for child in verb.children:  # "said Smith" parsed with Smith as the object
        if child.dep_ in ("dobj", "attr") and child.i > verb.i and child.pos_ == "PROPN":
            return child
    return None


def _line_index(text: str, char: int) -> int:
    """Index of the non-blank line at ``char``, as ``find_stretches`` counts them."""
    return sum(1 for line in text[:char].splitlines() if line.strip())
