"""Roles: each person's title and the body or country it belongs to.

A role is a title phrase beside a mention of the person (``models/titles.tsv``:
the ``title`` and ``role`` rows are the head words and multi-word forms, the
``modifier`` rows the words that belong to a title before its head):

- before the name: "Nissan chief executive Carlos Ghosn", "shadow education
  secretary Tim Collins", "Sandvine's chief technology officer Marc Morin";
- in an apposition: "Anne Weyman, chief executive of the FPA", "The Turkish
  economics minister, Ali Babacan";
- as a copula: "Ruth Park is the chief executive of Vantor".

Its organization is where the phrase says: an organization, place or
nationality in front of the title ("Nissan", "England", "the Belgian sports
minister" -> Belgium), an owner ("Sandvine's"), or "of", "at", "with", "from",
"for" after it ("an analyst with research firm The Yankee Group"); "said
Anthony Pratt from JD Power" gives the person's role that body. A person's
name ("Kenteris's lawyer") is never an organization. ``resolve`` then names
the organization as its ``organizations`` (or ``places``) entry does.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..records import Organization, Person, Place, Role
from .confidence import threshold
from ..nlp.components.person_titles import TITLES_KEY
from ..lexicon.geo import demonym_country, lookup
from ..nlp.lemmas import common_word, lemma
from ..lexicon import (body_kinds, kinship_words, office_bodies, organization_posts, reporting_verbs,
                       role_words, team_titles, titles, words)
from .quotemarks import find_stretches

ORG_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}
LOOSE_LABELS = {"PERSON", "WORK_OF_ART", "PRODUCT"}  # a name before a title may still be a body's
TITLE_LABELS = {"EVENT"}  # "US Open champion": the event is part of the title
BODY_PREPOSITIONS = {"of", "at", "with", "from", "for"}
PERSON_PREPOSITIONS = {"of", "at", "with", "from"}  # "Eric Schnaible of the PCO"
KIND_DETERMINERS = {"the", "that", "this"}  # "the club's coach", "the head of that tribunal"
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"}
POSSESSIVE = {"'s", "’s", "'", "’"}
DASHES = {",", "-", "–", "—"}
COPULAS = {"be", "become", "remain"}
WINDOW = 8  # tokens an apposition's title may take
CONNECTORS = {"of", "and", "&", "for", "de", "du", "la", "le"}  # inside a body's name


def _words(kind: str) -> frozenset[str]:
    """A word class of ``models/role_words.json`` ("before_body": "former", "acting", ...)."""
    return role_words()[kind]


@dataclass(frozen=True, slots=True)
class Lexicon:
    heads: frozenset[str]  # one-word titles, lower case
    forms: dict[str, tuple[tuple[str, ...], ...]]  # first word -> multi-word forms (lower-case words)
    modifiers: frozenset[str]
    honorifics: frozenset[str]
    canonical: dict[str, str]  # abbreviation ("pm") -> written out ("Prime Minister")


@lru_cache(maxsize=1)
def body_nouns() -> frozenset[str]:
    """Nouns for a body a person leads ("Woodward's Lions squad"): ``models/organization_nouns.txt``."""
    return words("organization_nouns.txt") | role_words()["team_bodies"]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    heads, modifiers, honorifics, canonical = set(), set(), set(), {}
    forms: dict[str, set[tuple[str, ...]]] = {}
    for row in titles():
        form, kind = row["form"].lower(), row["kind"]
        if kind == "modifier":
            modifiers.add(form)
        elif kind == "honorific":
            honorifics.add(form)
        elif kind in ("title", "role"):
            parts = tuple(form.replace("-", " - ").split())
            if " " not in form:
                heads.add(form)  # "co-founder" may be one token
            if len(parts) > 1:
                forms.setdefault(parts[0], set()).add(parts)  # "caretaker - boss" as spaCy splits it
            if row.get("canonical"):
                canonical[form] = row["canonical"]
    return Lexicon(frozenset(heads), {k: tuple(sorted(v, key=len, reverse=True)) for k, v in forms.items()},
                   frozenset(modifiers), frozenset(honorifics), canonical)


def is_post(title: str) -> bool:
    """A post that exists only inside an organization ("chief executive", "club
    chairman"): ``models/organization_posts.txt``."""
    words = title.casefold().split()
    return any(" ".join(words[k:]) in organization_posts() for k in range(len(words)))


def is_kinship(title: str) -> bool:
    """A family word ("widow", "brothers"): a title, but a relation to a person, of no body."""
    words = title.casefold().split()
    return bool(words) and (words[-1] in kinship_words() or words[-1].rstrip("s") in kinship_words())


def plural_title(token: Token) -> bool:
    """A title in the plural ("Sprinters", "midfielders"): it names no one by itself."""
    return token.tag_ in ("NNS", "NNPS") and token.lower_ not in lexicon().heads \
        and (lemma(token).lower() in lexicon().heads or token.lower_[:-1] in lexicon().heads)


@dataclass(slots=True)
class Found:
    """A role found beside one mention; ``body`` is the words naming its organization."""
    title: str
    body: Span | None = None
    country: str | None = None  # ISO code, for a nationality ("Belgian")
    plural: bool = False  # "Sprinters Kostas Kenteris and Katerina Thanou": both
    about: int | None = None  # a description's: where the sentence before names its subject
    loose: bool = False  # the body's words were read as a person's or a work's name ("Joy Division")
    indefinite: bool = False  # a description with "a": "a Labour backbencher has said"


def find_roles(doc: Doc, mentions: list[Span]) -> dict[tuple[int, int], list[Found]]:
    """Roles keyed by the (start, end) token span of the mention they belong to."""
    finder = _Finder(doc)
    out: dict[tuple[int, int], list[Found]] = {}
    shared: dict[int, Found] = {}  # where a name may continue a list under one plural title
    for ent in sorted(mentions, key=lambda e: e.start):
        found = finder.roles_of(ent)
        if not found and ent.start in shared:
            found = [shared[ent.start]]
        plural = [f for f in found if f.plural]
        if plural and ent.end + 1 < len(doc) and doc[ent.end].lower_ in ("and", ","):
            shared[ent.end + 1] = plural[0]
        if found:
            out[(ent.start, ent.end)] = found
    return out


def descriptions(doc: Doc) -> list[Found]:
    """Roles written without a name, with their body: "The former Libertines singer
    traded blows ..." (the person is named elsewhere in the article)."""
    finder = _Finder(doc)
    out = []
    for token in doc:
        if token.lower_ not in ("the", "a", "an") or token.i + 2 >= len(doc):
            continue
        k = token.i + 1
        if doc[k].lower_ in _words("before_body"):
            k += 1
        end = k
        while end < len(doc) and end - k < 5 and not doc[end].is_punct and not finder._is_head(doc[end]):
            end += 1
        if end >= len(doc) or end == k or not finder._is_head(doc[end]) or doc[end].tag_ in ("NNS", "NNPS"):
            continue
        after = doc[end + 1] if end + 1 < len(doc) else None
        if after is not None and (after.ent_type_ == "PERSON" or after.is_title or after.text in POSSESSIVE
                                  or after.text == ","):
            continue  # a name follows or the phrase goes on: not a description by itself
        role = finder._role((end, end + 1))
        if role is None or role.body is None or not token.i < role.body.start < end:
            continue  # the body is inside the phrase: "the former Libertines singer"
        if token.lower_ == "the":
            role.about = finder._subject_person_before(token, doc[end])
        else:  # "..., a Labour backbencher has said. Derek Wyatt said ...": named next
            role.about = finder._subject_person_after(doc[end])
            role.indefinite = True
            if role.about is None:
                continue
        out.append(role)
    return out


class _Finder:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lex = lexicon()
        self.ent_of: dict[int, Span] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_of[i] = ent
        self.written: dict[int, tuple[int, str]] = {}  # "PM" -> "Prime Minister", from person_titles
        for span in doc.spans.get(TITLES_KEY, []):
            if span.label_ != span.text:
                self.written[span.start] = (span.end, span.label_)
        self.parsed = doc.has_annotation("DEP")
        self._sents: list[Span] | None = None  # read when a sentence before is asked for
        self._quoted: list[tuple[int, int]] = []
        self._kinds: dict[str, list[Span]] | None = None  # kind noun -> bodies introduced with it
        # the article's own usage: a word written in lower case somewhere is a common
        # noun ("Fund manager"); one capitalized inside a sentence is a name ("Veltrane")
        self.lower_words: set[str] = set()
        self.name_words: set[str] = set()
        for token in doc:
            if token.is_lower:
                self.lower_words.add(token.text)
            elif token.is_title and not _sentence_start(token):
                self.name_words.add(token.lower_)

    # -- where a title stands beside a mention

    def roles_of(self, ent: Span) -> list[Found]:
        found = []
        before = self._before(ent)
        if before is not None:
            found.append(before)
        for core, hint in self._appositions(ent):
            role = self._role(core)
            if role is not None and all(role.title.casefold() != f.title.casefold() for f in found):
                if role.body is None and role.country is None and hint is not None:
                    self._set_body(role, hint)
                found.append(role)
        body = self._own_body(ent)
        if body is None and ent.end + 1 < len(self.doc) and self.doc[ent.end].text in POSSESSIVE:
            owned = self._proper_at(ent.end + 1)  # "Coach Clive Woodward's Lions squad"
            if owned is not None and (owned[0].is_title or owned[0].is_upper) and owned.end < len(self.doc):
                named = self.ent_of.get(owned.start)
                if named is not None and named.label_ == "ORG" or self.doc[owned.end].lower_ in body_nouns():
                    body = owned
        if body is not None:
            for role in found:
                if role.body is None and role.country is None:
                    role.body = body
                    break
        for role in found:
            if role.body is None and role.country is None and is_post(role.title):
                role.body = self._subject_before(ent)  # "The Kestrel Trust said ... Spokesman Tom Hale said"
            if is_kinship(role.title):
                role.body, role.country = None, None  # "his daughter Natalie at the show": of no body
        return found

    def _subject_before(self, ent: Span) -> Span | None:
        """The organization the sentence before (outside quotations) is about: its
        subject, when it is the only organization that sentence names."""
        sent = self._sentence_before(ent.start)
        if sent is None:
            return None
        bodies = {}
        subject = None
        for token in sent:
            body = self._organization_at(token.i)
            if body is not None:
                bodies[body.text] = body
                if token.dep_ in ("nsubj", "nsubjpass") and token.head == sent.root:
                    subject = body
        return subject if subject is not None and len(bodies) == 1 else None

    def _subject_person_before(self, first: Token, head: Token) -> int | None:
        """"Smith was assistant to Ferguson. The former Rangers boss has been out of the
        game ...": a description opening its sentence as its subject is about the
        subject of the sentence before (outside quotations), when that is a name:
        the character offset of that name, for the people extractor to look up."""
        if not self.parsed or not _sentence_start(first) or head.dep_ not in ("nsubj", "nsubjpass"):
            return None
        sent = self._sentence_before(first.i)
        if sent is None:
            return None
        for token in sent:
            if token.dep_ in ("nsubj", "nsubjpass") and token.head == sent.root and token.pos_ == "PROPN":
                return token.idx
        return None

    def _subject_person_after(self, head: Token) -> int | None:
        """"The Tories have been smarter, a Labour backbencher has said. Derek Wyatt said
        ...": a description with "a" that is the subject of a reporting verb ending its
        sentence is about the name that opens the next sentence as its subject."""
        if not self.parsed or head.dep_ != "nsubj" or lemma(head.head) not in reporting_verbs():
            return None
        sent = head.sent
        if any(t.i > head.head.i and not t.is_punct and not t.is_space for t in sent):
            return None  # the verb ends the sentence: "..., a Labour MP has said."
        nxt = sent.end
        while nxt < len(self.doc) and (self.doc[nxt].is_space or self.doc[nxt].is_punct):
            nxt += 1
        if nxt >= len(self.doc) or self.doc[nxt].pos_ != "PROPN":
            return None
        ent = self.ent_of.get(nxt)
        if ent is None or ent.label_ != "PERSON" or ent.start != nxt or ent.root.dep_ not in ("nsubj", "nsubjpass"):
            return None
        return self.doc[nxt].idx

    def _organization_at(self, i: int) -> Span | None:
        """The organization named at ``i``: one the model found, or an acronym it left
        unlabelled ("the IAAF said")."""
        ent = self.ent_of.get(i)
        if ent is not None:
            return ent if ent.label_ == "ORG" else None
        token = self.doc[i]
        if token.is_upper and token.is_alpha and len(token) >= 2 and token.pos_ == "PROPN" \
                and token.lower_ not in self.lex.heads and token.lower_ not in self.lex.canonical \
                and lookup(token.text) is None:  # not "MP", "PM" or "UK"
            return self.doc[i:i + 1]
        return None

    def _sentence_before(self, i: int) -> Span | None:
        """The sentence before the one at token ``i``, passing over quoted sentences."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._quoted = [(s.start, s.end) for s in find_stretches(self.doc.text) if s.mark == '"']
        sents = self._sents
        n = next((k for k, sent in enumerate(sents) if sent.start <= i < sent.end), None)
        if n is None:
            return None
        for sent in reversed(sents[max(0, n - 4):n]):
            words = [t for t in sent if not t.is_space and not t.is_punct]
            if not words:
                continue
            char = words[0].idx
            if any(start <= char < end for start, end in self._quoted):
                continue
            return sent
        return None

    def _before(self, ent: Span) -> Found | None:
        doc = self.doc
        end = ent.start
        while end > 0 and doc[end - 1].lower_.rstrip(".") in self.lex.honorifics | {"mr", "mrs", "ms", "dr"}:
            end -= 1
        if end == 0:
            return None
        if end == ent.start and len(ent) >= 3 and self._is_head(ent[0]) and not ent[1].is_lower:
            end = ent.start + 1  # the model took the title into the name: "Sprinters Kostas Kenteris"
        core = self._core_ending_at(end)
        if core is None:
            return None
        return self._role(core)

    def _core_ending_at(self, end: int) -> tuple[int, int] | None:
        """The title's head (a word or a multi-word form) that ends right before ``end``."""
        doc = self.doc
        for start in range(max(0, end - 5), end):
            if self._form_at(start) == end:
                return start, end
        last = doc[end - 1]
        if self._is_head(last):
            return end - 1, end
        # "spokeswoman for women Sandra Gidley", "minister for sport Kate Hoey"
        k = end - 1
        while k > 0 and end - k <= 3 and doc[k].is_lower and doc[k].pos_ == "NOUN":
            k -= 1
        if k < end - 1 and k > 0 and doc[k].lower_ in ("for", "of") and self._is_head(doc[k - 1]):
            return k - 1, end
        return None

    def _appositions(self, ent: Span) -> list[tuple[tuple[int, int], Span | None]]:
        """The heads of titles in apposition ("NAME, [the] TITLE ...", "[the] TITLE, NAME"),
        after "as", in a relative clause or a copula; each with the body the sentence
        gives the role when the title phrase does not ("ORG has appointed NAME as ...")."""
        doc = self.doc
        cores = []
        i = ent.end
        if i < len(doc) - 1 and doc[i].text in DASHES:
            core = self._head_after(i + 1)  # "NAME, chief executive of ..."
            if core is None and doc[i].text == "," and doc[i + 1].lower_ == "who" and i + 2 < len(doc) \
                    and lemma(doc[i + 2]) in _words("relative_verbs"):
                k = i + 3  # "NAME, who sits on the executive of ..."
                if k < len(doc) and doc[k].lower_ in ("on", "as", "in"):
                    k += 1
                core = self._head_after(k)
            if core is not None:
                cores.append((core, None))
        if i < len(doc) - 1 and doc[i].lower_ == "as":
            core = self._head_after(i + 1)  # "succeed NAME as manager", "appointed NAME as coach"
            if core is not None:
                cores.append((core, self._hirer(ent)))
        k = ent.start - 1
        if k >= 3 and doc[k].lower_ == "born" and doc[k - 1].text == "-":
            k -= 3  # "its director, Tunisian-born Abdellatif Kechiche"
        if k >= 1 and doc[k].text == ",":
            core = self._head_before_comma(ent, k)
            if core is not None:
                cores.append((core, None))
        if self.parsed:
            root = ent.root
            head = root.head
            linking = COPULAS | _words("naming_verbs")
            if root.dep_ in ("nsubj", "nsubjpass") and lemma(head) in linking:
                verbs = [head] + [c for c in head.children  # "NAME is to become the UK's high commissioner"
                                  if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and lemma(c) in linking]
                for verb in verbs:
                    for child in verb.children:
                        if child.dep_ in ("attr", "oprd", "xcomp", "acomp") and child.i > root.i and self._is_head(child):
                            cores.append((self._core_at(child.i), None))
        return cores

    def _hirer(self, ent: Span) -> Span | None:
        """The organization that appointed the person: "The FA has appointed NAME as ..."."""
        root = ent.root
        hiring = _words("naming_verbs") | _words("hiring_verbs")
        if not self.parsed or root.dep_ != "dobj" or lemma(root.head) not in hiring:
            return None
        for child in root.head.children:
            if child.dep_ == "nsubj":
                body = self.ent_of.get(child.i)
                if body is not None and body.label_ == "ORG":
                    return body
        return None

    def _head_after(self, i: int) -> tuple[int, int] | None:
        """"NAME, now the deputy leader of ...": the title noun phrase that starts at ``i``."""
        doc = self.doc
        if i < len(doc) and doc[i].lower_ in _words("time_words"):
            i += 1
        if i < len(doc) and doc[i].lower_ in DETERMINERS:
            i += 1
        head = None
        k = i
        while k < len(doc) and k - i < WINDOW:
            token = doc[k]
            form_end = self._form_at(k)
            if form_end is not None:
                return k, form_end
            if token.text in POSSESSIVE or token.pos_ in ("ADJ", "NOUN", "PROPN", "NUM") or token.text == "-" \
                    or token.lower_ in self.lex.modifiers \
                    or token.pos_ == "CCONJ" and k + 1 < len(doc) and doc[k + 1].pos_ == "ADJ":
                if self._is_head(token):
                    head = k
                elif head is not None and token.pos_ in ("NOUN", "PROPN") and k == head + 1:
                    head = None  # "the club chairman Fred" is read from its last noun only
                k += 1
                continue
            break
        if head is None:
            return None
        last = k - 1
        while last > head and doc[last].pos_ in ("NOUN", "PROPN") and not self._is_head(doc[last]):
            last -= 1
        return (head, head + 1) if last == head else None

    def _head_before_comma(self, ent: Span, comma: int) -> tuple[int, int] | None:
        """"The Turkish economics minister, Ali Babacan": the noun before the comma,
        or, when the parser makes the name an apposition of a title, that title."""
        doc = self.doc
        j = comma - 1
        if self._is_head(doc[j]) and not doc[j].ent_type_ in ("PERSON",) \
                and (doc[j].is_lower or j > 0 and not doc[j - 1].is_punct):  # not a list "King, Richards;"
            return self._core_at(j)
        if self.parsed and ent.root.dep_ == "appos":
            head = ent.root.head
            if head.i < comma and self._is_head(head) and not head.ent_type_:
                return self._core_at(head.i)
        return None

    def _own_body(self, ent: Span) -> Span | None:
        """"Eric Schnaible of the PCO", "Anthony Pratt from JD Power"."""
        doc = self.doc
        i = ent.end
        if i < len(doc) and doc[i].lower_ in PERSON_PREPOSITIONS:
            body = self._body_at(i + 1, generic=False)
            if body is None:
                return None
            ent = self.ent_of.get(body.start)
            if ent is not None and ent.label_ in ("ORG", "FAC") or ent is None and doc[i + 1].lower_ == "the":
                return body
        return None

    # -- the title phrase around its head

    def _is_head(self, token: Token) -> bool:
        if token.is_punct or token.like_num or not token.is_alpha and "-" not in token.text:
            return False
        low = token.lower_
        if low in self.lex.heads and token.pos_ in ("NOUN", "PROPN", "ADJ", "VERB"):
            return True
        return plural_title(token)

    def _form_at(self, start: int) -> int | None:
        """Where a multi-word title form starting at ``start`` ends ("director of rugby")."""
        doc = self.doc
        forms = self.lex.forms.get(doc[start].lower_)
        if not forms:
            return None
        for words in forms:
            end = start + len(words)
            if end <= len(doc) and all(doc[start + n].lower_ == w for n, w in enumerate(words)):
                return end
        return None

    def _core_at(self, i: int) -> tuple[int, int]:
        """The head at ``i`` with a multi-word form that starts there or ends there."""
        end = self._form_at(i)
        if end is not None:
            return i, end
        for start in range(max(0, i - 3), i):
            if self._form_at(start) == i + 1:
                return start, i + 1
        return i, i + 1

    def _role(self, core: tuple[int, int]) -> Found | None:
        doc = self.doc
        start, end = core
        # right of the head: "editor in chief", "chief secretary to the treasury"
        form_end = self._form_at(start)
        if form_end is not None and form_end > end:
            end = form_end
        if end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and self._is_head(doc[end - 1]):
            k = end + 1  # "head of policy at ...", "program director for medical research at ..."
            while k < len(doc) and k - end <= 3 and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ"):
                k += 1
            if k > end + 1 and doc[k - 1].pos_ == "NOUN" and (k == len(doc) or doc[k].lower_ in BODY_PREPOSITIONS
                                                              or doc[k].is_punct):
                end = k
        start = self._title_start(start, end)
        title = self._title_text(start, end)
        if not title:
            return None
        role = Found(title=title, plural=doc[end - 1].tag_ in ("NNS", "NNPS") and self._plural_head(doc[end - 1]))
        if is_kinship(title):
            return role  # "his brother Anil": a relation to a person, of no body
        self._left_body(role, start)
        if role.body is None and role.country is None:
            inside = self._body_inside(start, end)  # "Chief Secretary to the Treasury"
            if inside is not None:
                role.body = inside
        if role.body is None and role.country is None:
            k = end
            for _ in range(2):  # "program director for medical research at the Doris Duke Foundation"
                if k < len(doc) and doc[k].lower_ in BODY_PREPOSITIONS:
                    body = self._body_at(k + 1, generic=True)
                    if body is None and k + 2 < len(doc) and doc[k + 1].lower_ in KIND_DETERMINERS:
                        body = self._body_of_kind(doc[k + 2], start)  # "the head of that tribunal"
                    if body is not None:
                        self._set_body(role, body)
                        break
                    k = self._skip_phrase(k + 1)
                else:
                    break
        if role.body is None and role.country is None:
            for k in range(start, end - 1):  # "club chairman Peter Vale": the club the article named
                if self.doc[k].lower_ in body_kinds():
                    body = self._body_of_kind(self.doc[k], start)
                    if body is not None:
                        self._set_body(role, body)
                        break
        return role

    def _body_of_kind(self, noun: Token, before: int) -> Span | None:
        """"The head of that tribunal", "the club's chairman": the one organization the
        article introduces, before ``before``, with that noun ("the Greek Athletics
        Federation tribunal", "football club Harrowgate Rovers", "Kestrel, the airline")."""
        kind = noun.lower_
        if kind not in body_kinds() or not (noun.is_lower or noun.is_title and _sentence_start(noun)) \
                or noun.i + 1 < len(self.doc) \
                and not self.doc[noun.i + 1].is_lower and self.doc[noun.i + 1].is_alpha:
            return None  # not "the club Harrowgate Rovers", whose name follows
        if self._kinds is None:
            self._kinds = self._introductions()
        found = [ent for ent in self._kinds.get(kind, []) if ent.end <= before]
        names = {_strip_the(ent.text).casefold() for ent in found}
        return found[-1] if len(names) == 1 else None

    def _introductions(self) -> dict[str, list[Span]]:
        """Each kind noun -> the organizations the article names with it."""
        doc = self.doc
        kinds = body_kinds()
        out: dict[str, list[Span]] = {}
        for ent in doc.ents:
            if ent.label_ != "ORG":
                continue
            said = set()
            if ent.end < len(doc) and doc[ent.end].is_lower and doc[ent.end].lower_ in kinds:
                said.add(doc[ent.end].lower_)  # "the Greek Athletics Federation tribunal"
            k = ent.start - 1
            if k >= 0 and doc[k].lower_ == "the" and doc[ent.start].lower_ != "the":
                k -= 1
            if k >= 0 and doc[k].is_lower and doc[k].lower_ in kinds:
                said.add(doc[k].lower_)  # "housing charity the Marlow Trust", "football club Rovers"
            if ent.end + 2 < len(doc) and doc[ent.end].text == ",":
                k = ent.end + 1  # "Kestrel, the airline, said"
                while k < len(doc) and k - ent.end <= 5 and (doc[k].is_lower and doc[k].is_alpha):
                    if doc[k].lower_ in kinds and (k + 1 == len(doc) or doc[k + 1].is_punct):
                        said.add(doc[k].lower_)
                    k += 1
            for kind in said:
                out.setdefault(kind, []).append(ent)
        return out

    def _body_inside(self, start: int, end: int) -> Span | None:
        """An organization the title's own words name after its head ("Chief Secretary to
        the Treasury", "President of the Royal Society"): the body it belongs to."""
        for i in range(start + 1, end):
            ent = self.ent_of.get(i)
            if ent is not None and ent.label_ == "ORG" and ent.start == i and ent.end <= end \
                    and self.doc[i - 1].lower_ in ("the", "of", "to", "for"):
                return ent
        return None

    def _title_start(self, start: int, end: int) -> int:
        """Extend a title leftwards over the words that belong to it: lower-case nouns
        ("shadow education secretary"), modifiers ("deputy", "former"), hyphenated
        words, and capitalized words before a capitalized title ("Trade Secretary")."""
        doc = self.doc
        k = start
        competition = _words("competition_titles")
        if doc[end - 1].lower_ in competition or lemma(doc[end - 1]).lower() in competition:
            # "US Open champion", "former Wimbledon champion": the competition is part of the title
            while k > 0 and doc[k - 1].ent_type_ != "PERSON" and doc[k - 1].lower_ not in DETERMINERS \
                    and not doc[k - 1].is_punct and doc[k - 1].text not in POSSESSIVE and not doc[k - 1].like_num \
                    and (doc[k - 1].is_title or doc[k - 1].is_upper or doc[k - 1].lower_ in self.lex.modifiers
                         or doc[k - 1].is_lower and doc[k - 1].pos_ in ("NOUN", "ADJ")):
                k -= 1
            return k
        while k > 0:
            token = doc[k - 1]
            right = doc[k]
            low = token.lower_
            ent = self.ent_of.get(token.i)
            if ent is not None and ent.label_ == "NORP" and demonym_country(ent.text) == "" and ent.end == k:
                k = ent.start  # "European Commissioner": no one country
                continue
            if low in self.lex.modifiers and (ent is None or len(ent) == 1):
                k -= 1  # "Education Secretary", where the model took "Education" for a body
                continue
            if ent is not None and ent.label_ not in TITLE_LABELS:
                break
            if token.text == "-" and k >= 2 and not token.whitespace_ and not doc[k - 2].whitespace_:
                k -= 1  # "right-hand", "caretaker-boss"
                continue
            if token.is_punct or token.like_num or not token.is_alpha or low in DETERMINERS:
                if token.i in self.ent_of:  # an event: "US Open champion"
                    k -= 1
                    continue
                break
            if low in self.lex.modifiers:
                k -= 1
                continue
            if token.is_lower:
                if token.pos_ == "NOUN" and (right.is_lower or right.text == "-") or right.text == "-":
                    k -= 1
                    continue
                break
            # capitalized: part of a capitalized title ("Trade Secretary"), or the
            # first word of a sentence ("Fund manager Florian Hamm")
            if token.is_title and right.is_title and token.lower_ in self.lex.heads | self.lex.modifiers:
                k -= 1
                continue
            if token.is_title and _sentence_start(token) and not self._a_name(token) \
                    and not self._team_name(token, doc[end - 1].lower_) and token.pos_ in ("NOUN", "ADJ", "PROPN"):
                k -= 1  # "Fund manager Florian Hamm", "Charity boss Gordon Lishman"
                continue
            break
        return k

    def _title_text(self, start: int, end: int) -> str:
        doc = self.doc
        parts = []
        i = start
        while i < end:
            written = self.written.get(i)
            if written is not None and written[0] <= end:
                parts.append(written[1] + doc[written[0] - 1].whitespace_)
                i = written[0]
                continue
            token = doc[i]
            canonical = self.lex.canonical.get(token.lower_) if i == end - 1 else None
            if canonical and token.text != canonical:
                text = canonical
            elif i == end - 1 and self._plural_head(token):
                text = lemma(token) if lemma(token).lower() in self.lex.heads else token.text[:-1]
            else:
                text = token.text
            parts.append(text + (token.whitespace_ if i < end - 1 else ""))
            i += 1
        text = "".join(parts).strip()
        words = text.split()
        first = doc[start]
        if len(words) > 1 and _sentence_start(first) and all(w.islower() for w in words[1:]) \
                and words[0][:1].isupper() and not words[0].isupper() \
                and (first.pos_ != "PROPN" or first.lower_ in self.lower_words
                     or first.lower_ in self.lex.modifiers or first.lower_ in self.lex.heads):  # "Hollywood star" stays
            text = words[0].lower() + text[len(words[0]):]
        return text

    def _a_name(self, token: Token) -> bool:
        """A capitalized word that opens a sentence is a name ("Veltrane chief executive",
        "Brentford boss") when the article never writes it in lower case and either
        capitalizes it inside a sentence or it is no everyday English word ("Fund manager")."""
        if token.text in self.lower_words or token.lower_ in self.lower_words:
            return False
        return token.lower_ in self.name_words or common_word(token) is False

    def _team_name(self, token: Token, head: str) -> bool:
        """"Wallabies captain George Gregan": a plural opening a sentence before a team
        post (``models/team_titles.txt``), which the article never writes in lower case,
        names the team; "Sports minister" and "Sales manager" are no team posts."""
        return head in team_titles() and _sentence_start(token) and token.is_title \
            and token.tag_ in ("NNS", "NNPS") and token.lower_.endswith("s") \
            and token.lower_ not in self.lower_words and token.lower_ not in self.lex.modifiers

    @staticmethod
    def _plural_head(token: Token) -> bool:
        return plural_title(token)

    # -- the body a title belongs to

    def _left_body(self, role: Found, start: int) -> None:
        """"Nissan chief executive", "Labour's election chief", "Belgian sports minister"."""
        doc = self.doc
        k = start - 1
        while k > 0 and doc[k].is_lower and doc[k].pos_ == "ADJ" and doc[k - 1].text in POSSESSIVE:
            k -= 1  # "Borussia Dortmund's largest investor"
        if k < 0:
            return
        if doc[k].text in POSSESSIVE and k > 1 and doc[k - 2].lower_ in KIND_DETERMINERS:
            body = self._body_of_kind(doc[k - 1], start)  # "the carmaker's chief executive"
            if body is not None:
                self._set_body(role, body)
                return
        if doc[k].text in POSSESSIVE and k > 0:
            owner = self._name_ending_at(k)
            if owner is not None and self.ent_of.get(owner.start, owner).label_ != "PERSON" \
                    and owner[0].lower_ not in DETERMINERS:
                self._set_body(role, owner)
            return
        ent = self.ent_of.get(k)
        if ent is not None:
            if ent.label_ in LOOSE_LABELS and ent.end == start and all(t.is_title or t.is_upper for t in ent[1:]) \
                    and all(t.is_alpha for t in ent):
                first = ent.start + (ent[0].lower_ == "the")  # "the Everton boss", "late Joy Division singer"
                while first > 0 and first + 3 > ent.start and ent[0].lower_ != "the" \
                        and self._extends_name(doc[first - 1], party=False):
                    first -= 1  # "Balfour Beatty managers", where the model found "Beatty"
                if first < ent.end and ent[0].lower_ not in _words("before_body"):
                    self._set_body(role, doc[first:ent.end])
                    role.loose = True  # a body only if no one in the article is called so
                return
            if ent.label_ in ORG_LABELS and ent.end == start:
                first = ent.start
                while first > 0 and self._extends_name(doc[first - 1], party=ent.label_ in ("NORP", "ORG")):
                    first -= 1  # "Liberal Democrat", "GM Europe", where the model found "Democrat", "Europe"
                self._set_body(role, doc[first:ent.end] if first < ent.start else ent)
                self._before_body(role, first)
            return
        token = doc[k]
        if token.is_title and token.is_alpha and token.lower_ not in self.lex.heads \
                and token.lower_ not in self.lex.modifiers \
                and (not _sentence_start(token) or self._a_name(token)
                     or self._team_name(token, role.title.split()[-1].lower())):
            first = k
            while first > 0 and doc[first - 1].is_title and doc[first - 1].is_alpha \
                    and first - 1 not in self.ent_of and not _sentence_start(doc[first - 1]):
                first -= 1
            self._set_body(role, doc[first:k + 1])  # "Former Playschool presenter"
            self._before_body(role, first)

    def _extends_name(self, token: Token, *, party: bool) -> bool:
        """A capitalized word before a name the model found is part of it ("GM Europe");
        at the start of a sentence only when it is a name itself ("New Southampton
        manager" is about Southampton), or before a party ("Liberal Democrat")."""
        ent = self.ent_of.get(token.i)
        if ent is not None and ent.label_ != "CARDINAL" or not token.is_alpha or not (token.is_title or token.is_upper):
            return False  # but "Three Degrees"
        if token.lower_ in self.lex.modifiers or token.lower_ in self.lex.heads \
                or token.lower_ in _words("before_body") \
                or token.lower_ in DETERMINERS or token.pos_ not in ("PROPN", "ADJ", "NOUN"):
            return False
        return not _sentence_start(token) or party or self._a_name(token)

    def _before_body(self, role: Found, first: int) -> None:
        """"Former Northern Ireland minister": "former" belongs to the title."""
        if first > 0 and self.doc[first - 1].lower_ in _words("before_body"):
            word = self.doc[first - 1].lower_
            role.title = f"{word} {role.title}"

    def _name_ending_at(self, k: int) -> Span | None:
        """The name before a possessive "'s" at ``k``."""
        doc = self.doc
        ent = self.ent_of.get(k - 1)
        if ent is not None and ent.end == k:
            return ent
        first = k
        while first > 0 and k - first < 5 and doc[first - 1].is_title and doc[first - 1].is_alpha:
            first -= 1
        return doc[first:k] if first < k and not _sentence_start(doc[first]) else None

    def _body_at(self, i: int, *, generic: bool) -> Span | None:
        """The body named at ``i``: "the FPA", "Venice's famous La Fenice Theatre",
        "research firm The Yankee Group" (a generic noun before its name)."""
        doc = self.doc
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        body = self._proper_at(i)
        if body is not None and i + len(body) < len(doc) and doc[i + len(body)].text in POSSESSIVE:
            k = i + len(body) + 1  # "Venice's famous La Fenice Theatre": the theatre
            while k < len(doc) and doc[k].is_lower and doc[k].pos_ == "ADJ":
                k += 1
            return self._proper_at(k)
        if body is not None:
            k = body.end  # "at Aids charity the Terrence Higgins Trust": the charity's name
            while k < len(doc) and k - body.end < 2 and doc[k].is_lower and doc[k].pos_ == "NOUN":
                k += 1
            if k > body.end and k < len(doc):
                named = self._proper_at(k + 1 if doc[k].lower_ == "the" else k)
                if named is not None:
                    return named
            return body
        if not generic:
            return None
        k = i
        while k < len(doc) and k - i < 3 and doc[k].is_lower and doc[k].pos_ == "NOUN":
            k += 1
        if k > i:
            if k < len(doc) and doc[k].lower_ == "the":
                k += 1
            return self._proper_at(k)
        return None

    def _proper_at(self, i: int) -> Span | None:
        doc = self.doc
        if i >= len(doc):
            return None
        ent = self.ent_of.get(i)
        if ent is not None:
            if ent.label_ not in ORG_LABELS or ent.start != i and doc[ent.start].lower_ != "the":
                return None
            end = ent.end
            while end < len(doc) and end in self.ent_of and self.ent_of[end].label_ in ORG_LABELS \
                    and not doc[end - 1].whitespace_ == "" and self.ent_of[end].start == end:
                end = self.ent_of[end].end  # "MM Warburg", read as two names
            return doc[i:end]
        token = doc[i]
        if not (token.is_title or token.is_upper) or not token.is_alpha or token.pos_ != "PROPN":
            return None
        end = i + 1
        while end < len(doc) and end - i < 6:
            nxt = doc[end]
            if nxt.i in self.ent_of and self.ent_of[nxt.i].label_ not in ORG_LABELS:
                break
            if (nxt.is_title or nxt.is_upper) and nxt.is_alpha:
                end += 1
            elif nxt.lower_ in CONNECTORS and end + 1 < len(doc) and doc[end + 1].is_title:
                end += 2
            else:
                break
        return doc[i:end]

    def _skip_phrase(self, k: int) -> int:
        """Past a prepositional phrase without a name ("for medical research")."""
        doc = self.doc
        start = k
        while k < len(doc) and k - start < WINDOW and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ", "DET"):
            k += 1
        return k

    def _set_body(self, role: Found, body: Span) -> None:
        ent = self.ent_of.get(body.start)
        text = body.text
        if ent is not None and ent.label_ == "NORP" or demonym_country(text):
            code = demonym_country(text)
            if code:
                role.country = code
                return
        role.body = body


def _sentence_start(token: Token) -> bool:
    doc = token.doc
    i = token.i
    while i > 0 and (doc[i - 1].is_quote or doc[i - 1].text in ("(", "[")):
        i -= 1
    return i == 0 or doc[i].is_sent_start or doc[i - 1].is_space or doc[i - 1].text in (".", ":", "!", "?")


# -- naming the organization as the article's entries do

def resolve(people: list[Person], organizations: list[Organization], places: list[Place]) -> None:
    """Give each role's organization the name of the entry its words belong to."""
    spans = []
    for entry in organizations:
        spans.extend((m.start, m.end, entry.name) for m in entry.mentions)
    for entry in places:
        spans.extend((m.start, m.end, entry.name) for m in entry.mentions)
    org_names = {o.name.casefold(): o.name for o in organizations}
    countries = {}
    for place in places:
        if place.kind == "country" and place.country:
            countries.setdefault(place.country, place.name)
    named = [(m.start, m.end) for p in people if p.confidence is None or p.confidence >= threshold("people")
             for m in p.mentions]
    for person in people:
        roles = []
        for role in person.roles:
            name = role.organization
            if role.loose and role.where is not None and any(s < role.where[1] and role.where[0] < e
                                                             for s, e in named):
                name = None  # "Blair aide Alastair Campbell": a person's name is no organization
                role = Role(title=role.title)
            if role.country:
                name = countries.get(role.country) or _country_name(role.country)
            elif role.where is not None:
                start, end = role.where
                inside = [n for s, e, n in spans if s <= start and end <= e]
                if inside:
                    name = inside[0]
                else:
                    text = _strip_the(name or "")
                    name = org_names.get(text.casefold()) or org_names.get(f"{text} party".casefold()) or text
            if not name and not role.country:
                name = _department(role.title, organizations) or _only_organization(role.title, organizations)
            roles.append(Role(title=role.title, organization=name or None))
        person.roles = _unique(roles)


ONLY_ORGANIZATION_MENTIONS = 3  # an article about one organization names it again and again


def _department(title: str, organizations: list[Organization]) -> str | None:
    """The department an office of state heads, when the article names it: "Trade
    Secretary" -> "Department of Trade and Industry", "Home Secretary" -> "Home
    Office", "Chancellor" -> "Treasury" (``models/office_bodies.tsv``). A shadow
    minister heads no department."""
    words = [w.strip(",") for w in title.casefold().replace("-", " ").split()]
    if not words or "shadow" in words:
        return None
    names = {o.name.casefold(): o.name for o in organizations}
    body = office_bodies().get(" ".join(w for w in words if w not in _words("before_body")))
    if body is not None:
        return names.get(body.casefold())
    heads = _words("portfolio_heads")
    if words[-1] not in heads and not (set(words) & heads and {"of", "for"} & set(words)):
        return None
    portfolio = {w for w in words if w not in heads and w not in _words("no_portfolio")}
    if not portfolio:
        return None
    fits = {name for key, name in names.items()
            if portfolio <= set(key.split()) and _words("department_words") & set(key.split())}
    return fits.pop() if len(fits) == 1 else None


def _only_organization(title: str, organizations: list[Organization]) -> str | None:
    """"Chairman Peter Vale" in an article about one organization, which it names at
    least three times and no other: its chairman."""
    if not is_post(title) or len(organizations) != 1 or len(organizations[0].mentions) < ONLY_ORGANIZATION_MENTIONS:
        return None
    return organizations[0].name


def _strip_the(text: str) -> str:
    text = " ".join(text.split())
    return text[4:] if text[:4].lower() == "the " else text


@lru_cache(maxsize=256)
def _country_name(code: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return None
    for name in (getattr(country, "common_name", None), country.name):
        entry = lookup(name) if name else None
        if entry is not None and entry.kind == "country":
            return entry.name
    return getattr(country, "common_name", None) or country.name


def _unique(roles: list[Role]) -> list[Role]:
    """Each (title, organization) once; a title without a body goes when the
    same title is also given with one."""
    with_body = {r.title.casefold() for r in roles if r.organization}
    out, seen = [], set()
    for role in roles:
        key = (role.title.casefold(), (role.organization or "").casefold())
        if key in seen or role.organization is None and role.title.casefold() in with_body:
            continue
        seen.add(key)
        out.append(role)
    return out
