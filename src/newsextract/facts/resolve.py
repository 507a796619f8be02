"""The article's entity index and antecedent resolver, shared by quotes and commitments.

``EntityIndex`` is built once per article from the merged ``people``, ``places``
and ``organizations``; a subject is mapped to them by the character offsets of
its mentions. A capital or "the government" stands for its country, a pronoun
for the salient entity of the sentence before, a title alone ("the Prime
Minister") for the person who carries it, "I"/"we" for the speaker, "the
company" for the organization named before. Country facts come from the
gazetteer (``geo``).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, TypeVar

from spacy.tokens import Doc, Span, Token

from ..lexicon import geo
from .. import lexicon
from ..records import Organization, Person, Place
from ..nlp.components.person_titles import TITLES_KEY
from ..nlp.doctext import doc_text
from ..nlp.lemmas import lemma as lemma_of

PERSON, COUNTRY, ORG, PLACE, GROUP = "person", "country", "org", "place", "group"
PRONOUN_SEX = {"he": "M", "she": "F"}  # the pronouns that stand for one person of a known sex
SUBJECTS = ("nsubj", "nsubjpass")
Candidate = TypeVar("Candidate")
LOOKBACK_SENTENCES = 2
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    kind: str


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    return lexicon.json("commitment_actors.json")


@lru_cache(maxsize=1)
def _country_aliases() -> dict[str, str]:
    """Lowercase alias -> ISO code, for the names the gazetteer does not give a country
    ("England", "Holland"): ``country_aliases`` of ``commitment_actors.json``."""
    out = {}
    for alias, name in _lexicon()["country_aliases"].items():
        iso = geo.country_code(name)
        if iso:
            out[alias] = iso
    return out


def country_iso(name: str) -> str | None:
    """The ISO code of a country named as written ("France", "Britain", "the US")."""
    return geo.country_code(name) or _country_aliases().get(name.lower().removeprefix("the ")) \
        or _country_aliases().get(name.lower())


def capital_iso(name: str) -> str | None:
    return geo.capital_country(name)


def _country(iso: str) -> "Entity":
    return Entity(geo.country_name(iso) or iso, COUNTRY)


class EntityIndex:
    """The article's entities by character offset, and the ways to reach them."""

    def __init__(self, doc: Doc, people: list[Person], places: list[Place],
                 organizations: list[Organization]) -> None:
        lex = _lexicon()
        self.doc = doc
        self.person_pronouns = set(lex["person_pronouns"])
        self.group_pronouns = set(lex["group_pronouns"])
        self.speaker_pronouns = set(lex["speaker_pronouns"])
        self.government_nouns = set(lex["government_nouns"])
        self.organization_nouns = set(lex["organization_actor_nouns"])
        self.anaphoric_org_nouns = set(lex["anaphoric_org_nouns"])
        self.person_nouns = set(lex["person_actor_nouns"])
        self.membership_nouns = set(lex["membership_nouns"])
        self.demonyms: dict[str, str] = lex["demonym_country_names"]
        self.people = people
        self.sexes = {p.name: person_sex(p) for p in people}
        self.organizations = organizations
        self.countries_by_iso: dict[str, Entity] = {}
        self.mentions: list[tuple[int, int, Entity]] = []
        country_mentions: dict[str, int] = {}
        for place in places:
            iso = place.country if place.kind == "country" else None
            iso = iso or country_iso(place.name)
            if iso and (place.kind in ("country", "other") or country_iso(place.name)):
                self.countries_by_iso.setdefault(iso, _country(iso))
                country_mentions[iso] = country_mentions.get(iso, 0) + len(place.mentions)
        for place in places:
            entity = self._place_entity(place)
            for m in place.mentions:
                self.mentions.append((m.start, m.end, entity))
        for org in organizations:
            for m in org.mentions:
                self.mentions.append((m.start, m.end, Entity(org.name, ORG)))
        full = _full_names(people)
        for person in people:
            for m in person.mentions:
                self.mentions.append((m.start, m.end, Entity(full[person.name], PERSON)))
        self.mentions.sort(key=lambda x: (x[0], x[1]))
        # the article's quotations, (start, end) by character, once the quotes extractor gave
        # them (``use_quotes``); until then quotation marks are counted on the line
        self.quoted: list[tuple[int, int]] | None = None
        self.main_country = _dominant(country_mentions, self.countries_by_iso)
        self.titles = self._titles(people)

    def _place_entity(self, place: Place) -> Entity:
        iso = country_iso(place.name)
        if iso:
            return self.countries_by_iso.get(iso) or _country(iso)
        iso = capital_iso(place.name)
        if iso:
            return self.countries_by_iso.get(iso) or _country(iso)
        return Entity(place.name, PLACE)

    def _titles(self, people: list[Person]) -> list[tuple[str, int, Entity]]:
        """(lowercase title, where, person): from ``Person.titles`` and from the roles
        ``person_titles`` found right before a mention ("Deputy Prime Minister Mark
        Carney" gives "deputy prime minister", never "prime minister")."""
        doc = self.doc
        full = _full_names(people)
        out = []
        mention_at: dict[int, tuple[int, Entity]] = {}
        for person in people:
            entity = Entity(full[person.name], PERSON)
            first = min((m.start for m in person.mentions), default=0)
            for title in person.titles:
                out.append((title.lower(), first, entity))
            for m in person.mentions:
                mention_at[m.start] = (m.start, entity)
        for span in doc.spans.get(TITLES_KEY, []):
            title = span.text.lower()
            if title.split()[-1] not in self.person_nouns:
                continue  # "Mr", "Dr": an honorific names no role
            after = span.end
            while after < len(doc) and doc[after].is_space:
                after += 1
            if after < len(doc) and doc[after].idx in mention_at:
                where, entity = mention_at[doc[after].idx]
                out.append((title, where, entity))
        return out

    def use_quotes(self, spans: list[tuple[int, int]]) -> None:
        """Take the quotations the quotes extractor found (a paragraph that runs on
        without closing its mark included) as where quoted speech is."""
        self.quoted = sorted(spans)

    def in_quote(self, token: Token) -> bool:
        if self.quoted is None:
            return _in_quote(token)
        return any(start <= token.idx < end for start, end in self.quoted)

    # -- lookups ---------------------------------------------------------------
    def at(self, start: int, end: int, kinds: tuple[str, ...] = (PERSON, ORG, COUNTRY, PLACE)) -> Entity | None:
        """The entity with a mention overlapping [start, end), people first."""
        hits = [e for s, t, e in self.mentions if s < end and start < t and e.kind in kinds]
        for kind in kinds:
            for e in hits:
                if e.kind == kind:
                    return e
        return None

    def resolve(self, head: Token, subject: Span, speaker: Span | None = None) -> str | None:
        if speaker is not None and head.lower_ in self.person_pronouns | self.group_pronouns \
                and not self.in_quote(head):
            # reported speech ("Smith said he would"); inside a quotation "he" is someone else
            # "Tony Lama said it would ...", "Merkel said she would ...": the speaker
            speaker_head = speaker.root
            if speaker_head.lower_ not in self.speaker_pronouns:
                entity = self.resolve_entity(speaker_head, speaker)
                # "it" is an organization or a country, never a person or "ministers"
                fits = entity is not None and (head.lower_ != "it" or entity.kind in (ORG, COUNTRY))
                if fits:
                    return entity.name
                if entity is None and speaker_head.pos_ == "PROPN" and speaker_head.tag_ != "NNPS":
                    return name_of(speaker_head)
        if speaker is not None and lemma_of(head).lower() in self.anaphoric_org_nouns and head.tag_ == "NN" \
                and self._is_person(speaker.root):
            # "Sinn Fein chairman Mitchell McLaughlin says the party will ...": his party
            body = self.speaker_body(speaker)
            if body is not None:
                return body.name
            if any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in head.children):
                # "Sandra Gidley, Lib Dem spokeswoman, said her party would ...": the body of
                # the speaker's role, never the organization the article named last
                person = self.resolve_entity(speaker.root, speaker)
                roles = next((p.roles for p in self.people if person is not None and p.name == person.name), [])
                body_name = next((r.organization for r in roles if getattr(r, "organization", None)), None)
                return body_name
        entity = self.resolve_entity(head, subject, 0)
        if entity is not None:
            return entity.name
        if head.pos_ == "PROPN":
            return name_of(head)
        return None

    def resolve_entity(self, head: Token, subject: Span, depth: int = 0) -> Entity | None:
        word = head.lower_
        if word in self.person_pronouns:
            return self._antecedent(head, (PERSON,), depth)
        if word in self.group_pronouns:
            return self._nearest_subject(head, depth)
        if word in self.speaker_pronouns:
            return self._speaker(head, depth)
        direct = self.at(head.idx, head.idx + len(head.text))
        appos = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if appos and (direct is None or direct.kind == PLACE):
            # "Kalamazoo, Mich.-based First of America said": the named body, not its town
            named = self.resolve_entity(appos[0], self.doc[appos[0].left_edge.i:appos[0].right_edge.i + 1], depth)
            return named or Entity(_np_text(self.doc[appos[0].left_edge.i:appos[0].right_edge.i + 1]), ORG)
        if direct is not None:
            return direct
        if word in self.membership_nouns:
            # "members of the joint venture including Contrack": the body they belong to
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for tok in prep.subtree:
                        body = self.at(tok.idx, tok.idx + len(tok.text), (ORG, COUNTRY, PLACE))
                        if body is not None and body.kind == PLACE:  # a name the article also gives a body
                            body = next((Entity(o.name, ORG) for o in self.organizations if o.name == body.name), None)
                        if body is not None:
                            return body
        if head.pos_ == "NOUN" and (lemma_of(head).lower() in self.organization_nouns
                                    or lemma_of(head).lower() in self.anaphoric_org_nouns):
            # a body named in its own phrase before the person who owns it:
            # "Coach Clive Woodward's Lions squad" is the Lions
            body = self._in_core(head, (ORG,))
            if body is not None:
                return body
        if head.pos_ in ("PROPN", "NOUN"):
            # "Courtaulds Chairman and Chief Executive Sir Christopher Hogg": the named person,
            # never one inside a modifier ("officials at Kent house")
            core = _core(head)
            person = self.at(self.doc[core[0]].idx, self.doc[core[1]].idx + len(self.doc[core[1]].text), (PERSON,))
            if person is not None:
                return person
        lemma = lemma_of(head).lower()
        phrase = _np_text(subject).lower()
        if head.tag_ in ("NN", "NNP", "JJ") and any(c.lower_ == "the" for c in head.children) and \
                head.text[:1].isupper() and geo.demonym_country(head.text) and not geo.is_country(head.text):
            # "the Slovakian", "the Frenchman": the person named before
            return self._antecedent(head, (PERSON,), depth)
        if lemma in self.government_nouns or word in self.government_nouns or (
                lemma in ("official",) and self._country_in(subject)):
            return self._country_in(subject) or (self.main_country if lemma != "official" else None)
        if lemma in self.person_nouns or word in self.person_nouns or phrase in self.person_nouns:
            return self._titled(phrase, head)
        if lemma in self.anaphoric_org_nouns and head.tag_ == "NN" and all(
                c.ent_type_ == "NORP" or c.lower_ in self.demonyms for c in head.children if c.dep_ == "amod"):
            # "the company", "the Oklahoma City concern", "the South African group": the
            # organization named before (never "the new company": another one)
            return self._in_core(head, (ORG,)) or self._previous_org(head)
        if lemma in self.organization_nouns or word in self.organization_nouns:
            return self._in_core(head, (ORG,))
        if head.pos_ == "PROPN":
            # "Kalamazoo, Mich.-based First of America": the organization in the name part
            return self._org_named(subject) or self._surname(head) or self._in_core(head, (ORG,))
        return None

    def _org_named(self, subject: Span) -> Entity | None:
        """"First of America" for "First of America Bank Corp." named earlier."""
        words = _np_text(subject).split()
        if not words:
            return None
        found = {o.name for o in self.organizations if o.name.split()[:len(words)] == words}
        return Entity(found.pop(), ORG) if len(found) == 1 else None

    def _country_in(self, subject: Span) -> Entity | None:
        country = self._in_core(subject.root, (COUNTRY,))
        if country is not None:
            return country
        for tok in subject:
            name = self.demonyms.get(tok.lower_)
            if name:
                iso = country_iso(name)
                return self.countries_by_iso.get(iso) if iso in self.countries_by_iso else Entity(name, COUNTRY)
        return None

    def _titled(self, phrase: str, head: Token) -> Entity | None:
        words = [w for w in phrase.split() if w not in _DETERMINERS]
        title = " ".join(words)
        matches = [(where, e) for t, where, e in self.titles if t == title]
        if not matches:
            return None
        before = [m for m in matches if m[0] < head.idx]
        people = {e for _, e in (before or matches)}
        if len(people) == 1:
            return people.pop()
        return max(before, key=lambda m: m[0])[1] if before else None

    def _surname(self, head: Token) -> Entity | None:
        full = _full_names(self.people)
        found = {full[p.name] for p in self.people if p.name.split()[-1] == head.text}
        return Entity(found.pop(), PERSON) if len(found) == 1 else None

    def _in_core(self, head: Token, kinds: tuple[str, ...]) -> Entity | None:
        """An entity named in the subject's name part ("the club", not "... listed on Ofex")."""
        lo, hi = _core(head)
        doc = self.doc
        return self.at(doc[lo].idx, doc[hi].idx + len(doc[hi].text), kinds)

    def _previous_org(self, head: Token) -> Entity | None:
        """The organization the text is about so far: the most mentioned one before
        ``head``; a tie goes to the one last named as a subject, then the latest."""
        doc = self.doc
        hits = [(s, t, e) for s, t, e in self.mentions if t <= head.idx and e.kind == ORG]
        if not hits:
            return None
        counts: dict[Entity, int] = {}
        latest: dict[Entity, tuple[int, int]] = {}
        for s, t, e in hits:
            counts[e] = counts.get(e, 0) + 1
            span = doc.char_span(s, t, alignment_mode="expand")
            subject = int(span is not None and span.root.dep_ in ("nsubj", "nsubjpass"))
            latest[e] = (max(latest.get(e, (0, 0))[0], subject), s)
        return max(counts, key=lambda e: (counts[e], latest[e]))

    def _antecedent(self, head: Token, kinds: tuple[str, ...], depth: int) -> Entity | None:
        """The salient entity before ``head``: the current sentence's earlier part, then
        the sentences before; a subject first, else the first one mentioned."""
        if depth > 3:
            return None
        doc = self.doc
        sent = head.sent
        # inside a quotation "he" is never its speaker, who would say "I"
        quoted = self.in_quote(head)
        windows = [(sent.start, head.i)]
        prev = _before(doc, sent.start)
        for _ in range(LOOKBACK_SENTENCES):
            if prev < 0:
                break
            s = doc[prev].sent
            windows.append((s.start, s.end))
            prev = _before(doc, s.start)
        for lo, hi in windows:
            candidates: list[tuple[bool, int, Entity]] = []
            for tok in doc[lo:hi]:
                if tok.is_space:
                    continue
                is_subject = tok.dep_ in ("nsubj", "nsubjpass")
                if quoted and is_subject and not self.in_quote(tok) and lemma_of(tok.head) in lexicon.quoting_verbs():
                    continue
                if tok.lower_ in self.person_pronouns and PERSON in kinds and is_subject:
                    entity = self._antecedent(tok, kinds, depth + 1)
                elif tok.lower_ in self.group_pronouns and is_subject and PERSON not in kinds:
                    entity = self._antecedent(tok, kinds, depth + 1)
                else:
                    entity = self.at(tok.idx, tok.idx + len(tok.text), kinds)
                    if entity is None and tok.dep_ in ("nsubj", "nsubjpass") and (
                            lemma_of(tok).lower() in self.government_nouns and COUNTRY in kinds):
                        entity = self.main_country
                if entity is not None and entity.kind == PERSON and not self._sex_fits(head, entity):
                    continue  # "Sarah Jones met Tom Baker. He will resign": never Sarah Jones
                if entity is not None and entity.kind in kinds:
                    candidates.append((is_subject, tok.i, entity))
            if candidates:
                subjects = [c for c in candidates if c[0]]
                if lo == sent.start and hi == head.i:
                    # same sentence ("Carney said he would"): the nearest subject
                    return (subjects or candidates)[-1][2]
                return (subjects or candidates)[0][2]
        return None

    def _sex_fits(self, head: Token, entity: Entity) -> bool:
        """"he"/"she" never stands for a person known to be of the other sex (``person_sex``)."""
        sex = PRONOUN_SEX.get(head.lower_)
        if sex is None:
            return True
        own = self.sexes.get(entity.name)
        return own is None or own == sex

    def _nearest_subject(self, head: Token, depth: int) -> Entity | None:
        """"it"/"they": the last subject before, in this sentence or the one before,
        when it is an organization, a country or a group of officials."""
        if depth > 3:
            return None
        doc = self.doc
        lo = head.sent.start
        prev = _before(doc, lo)
        if prev >= 0:
            lo = doc[prev].sent.start
        for tok in reversed(doc[lo:head.i]):
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ in ("relcl",) or _existential(tok):
                continue
            if tok.lower_ in self.group_pronouns:
                return self._nearest_subject(tok, depth + 1)
            subject = doc[tok.left_edge.i:tok.i + 1]
            entity = self.resolve_entity(tok, subject, depth + 1)
            if entity is not None and entity.kind in (ORG, COUNTRY):
                return entity
            if entity is None and head.lower_ == "they" and tok.tag_ in ("NNS", "NNPS") and \
                    lemma_of(tok).lower() in self.person_nouns:  # "officials"; never "the firms": several bodies
                return Entity(name_of(tok), GROUP)
            return None
        return None

    def entities_in(self, span: Span, *, skip_compounds: bool = False) -> list[Entity]:
        out = []
        for s, t, e in self.mentions:
            if not (s < span.end_char and span.start_char < t):
                continue
            if skip_compounds:
                mention = self.doc.char_span(s, t, alignment_mode="expand")
                if mention is not None and mention.root.dep_ == "compound":
                    continue
            out.append(e)
        return out

    def _speaker(self, head: Token, depth: int) -> Entity | None:
        """"We will fight on," she said: the subject of the reporting verb, in this
        sentence or, for a quotation that follows its introduction, the one before.
        "We" said by a named body's chairman is that body."""
        doc = self.doc
        sent = head.sent
        sentences = [sent]
        prev = _before(doc, sent.start)
        if prev >= 0:
            sentences.append(doc[prev].sent)
        for s in sentences:
            for tok in s:
                if tok.dep_ == "nsubj" and lemma_of(tok.head) in lexicon.quoting_verbs() \
                        and tok.lower_ not in self.speaker_pronouns | self.person_pronouns:
                    subject = doc[tok.left_edge.i:tok.i + 1]
                    if head.lower_ == "we":
                        body = self.at(subject.start_char, subject.end_char, (ORG, COUNTRY))
                        if body is not None:
                            return body
                    return self.resolve_entity(tok, subject, depth + 1)
        return None

    def _is_person(self, token: Token) -> bool:
        found = self.at(token.idx, token.idx + len(token.text), (PERSON,))
        return found is not None or lemma_of(token).lower() in self.person_nouns

    def speaker_body(self, speaker: Span) -> Entity | None:
        """The organization or country a speaker's phrase names ("Sinn Fein chairman ...")."""
        return self.at(speaker.start_char, speaker.end_char, (ORG, COUNTRY))


def person_sex(person: Person) -> str | None:
    """"M" or "F" where the article tells: a "he"/"she" among the person's mentions, a
    title ("Mrs", "Queen"), else a given name that nearly always belongs to one sex."""
    for m in person.mentions:
        if m.text.lower() in PRONOUN_SEX:
            return PRONOUN_SEX[m.text.lower()]
    for title in person.titles:
        if title in lexicon.title_sexes():
            return lexicon.title_sexes()[title]
    first = person.name.split()[0]
    return lexicon.given_name_sexes().get(first) if len(person.name.split()) > 1 else None


def _full_names(people: list[Person]) -> dict[str, str]:
    """Each person's name as the people list gives it: merging already named each
    person by the fullest form, and a surname it left apart ("Mrs Howard" beside
    "Michael Howard", a "Clinton" that could be either of two) is someone else."""
    return {person.name: person.name for person in people}


def _dominant(counts: dict[str, int], entities: dict[str, Entity]) -> Entity | None:
    """The country an article is about: the most mentioned one, clearly ahead of the next."""
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return None
    return entities.get(ranked[0][0])


def _existential(token: Token) -> bool:
    """A subject inside what "there are fears ..." says ("there are fears demand may not be
    met"): no one the next "it" stands for."""
    clause = token.head
    return clause.dep_ in ("ccomp", "acl") and any(c.dep_ == "expl" for c in clause.head.children)


def _before(doc: Doc, i: int) -> int:
    """The last token before position ``i`` that is not whitespace, or -1."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i


def _in_quote(token: Token) -> bool:
    """Whether ``token`` stands inside quotation marks opened earlier on its line."""
    text = doc_text(token.doc)
    line = text[text.rfind("\n", 0, token.idx) + 1:token.idx]
    return line.count('"') % 2 == 1 or line.count("“") > line.count("”")


def _core(head: Token) -> tuple[int, int]:
    """First and last token of a noun phrase's name part: the head with its compounds,
    appositions and conjuncts, without prepositional phrases or clauses."""
    keep = {head.i}
    for child in head.children:
        if child.dep_ in ("compound", "appos", "conj", "flat", "amod", "poss", "nmod"):
            keep.update(t.i for t in child.subtree)
    return min(keep), max(keep)


def name_of(head: Token) -> str:
    """A short name for an unresolved subject: its head with compounds, adjectives and
    conjuncts ("director and screenwriter", "new company"), no clauses or prepositions."""
    lo, hi = _core(head)
    return _np_text(head.doc[lo:hi + 1])


def _np_text(span: Span) -> str:
    tokens = [t for t in span if not t.is_space]
    while tokens and (tokens[0].lower_ in _DETERMINERS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i:tokens[-1].i + 1].text


# -- antecedents before the entity index exists, and outside quotations ------------------

def opening_pronouns(doc: Doc, owner: dict[int, Candidate],
                     fits: Callable[[Candidate, str], bool]) -> list[tuple[Token, Candidate]]:
    """"He"/"She" opening a sentence right after one that names exactly one person: (the
    pronoun, that person), where ``fits(person, sex)``. ``owner`` maps the first token
    of each mention to its person (the people extractor's clusters, before the
    people, and so this index, exist)."""
    if not owner or not doc.has_annotation("SENT_START"):
        return []
    out = []
    sents = [s for s in doc.sents if not all(t.is_space for t in s)]
    for prev, sent in zip(sents, sents[1:]):
        first = sent[0]
        if first.lower_ not in PRONOUN_SEX or first.text[0].islower():
            continue
        named = {id(owner[i]): owner[i] for i in range(prev.start, prev.end) if i in owner}
        if len(named) == 1:
            person = next(iter(named.values()))
            if fits(person, PRONOUN_SEX[first.lower_]):
                out.append((first, person))
    return out


class SpeakerAntecedents:
    """Whom a reporting verb's "he"/"she" (or "the Frenchman", "the organisation") stands
    for, among the mentions outside quotation marks (the quotes extractor's speakers):
    in the nearest sentence before it, back to ``lookback`` paragraphs before its own,
    that names a person of that sex (or an organization), the one who is its subject,
    else the first one named; a "he" that is the subject there stands for its own
    antecedent, and "the spokesman said" there is nobody named.

    ``person_at`` / ``org_at``: the last token of each mention outside quotation marks
    -> its name; ``sexes``: a person's sex, where known; ``in_quotes(char)``;
    ``is_cue(token)``: a reporting verb outside quotation marks; ``spokes``: the words
    for someone who speaks for a body ("spokesman", "official")."""

    def __init__(self, doc: Doc, text: str, *, person_at: dict[int, str], org_at: dict[int, str],
                 sexes: dict[str, str | None], in_quotes: Callable[[int], bool],
                 is_cue: Callable[[Token], bool], spokes: frozenset[str] | set[str], lookback: int) -> None:
        self.doc, self.text = doc, text
        self.person_at, self.org_at, self.sexes = person_at, org_at, sexes
        self.in_quotes, self.is_cue, self.spokes, self.lookback = in_quotes, is_cue, spokes, lookback
        self._cands: list | None = None
        self._candidate_starts: list[int] = []
        self._pronouns: dict[int, str | None] = {}

    def _paragraph_start(self, char: int) -> int:
        return self.text.rfind("\n", 0, char) + 1

    def antecedent(self, char: int, sex: str | None, depth: int = 0, kind: str = PERSON) -> str | None:
        """The person (``kind`` PERSON, of sex ``sex`` if given) or organization (ORG) that
        what stands at ``char`` refers to, or None."""
        if depth > 3:
            return None
        lo = self._paragraph_start(char)
        for _ in range(self.lookback):
            end = lo
            while end > 0 and self.text[end - 1].isspace():
                end -= 1
            if end == 0:
                break
            lo = self._paragraph_start(end)
        cands = self._candidates()
        keys = self._candidate_starts
        found: list[tuple[bool, str]] = []
        sentence = None
        for k in range(bisect_left(keys, char) - 1, bisect_left(keys, lo) - 1, -1):
            idx, i, sent, subject, what, value = cands[k]
            if sentence is not None and sent != sentence:
                break
            if what == "spokesman" and kind == PERSON:  # "the spokesman said": nobody named
                found.append((True, None))
                sentence = sent
                continue
            if what != kind and not (what == "pronoun" and kind == PERSON):
                continue
            name = value
            if what == "pronoun":
                if sex is not None and PRONOUN_SEX[value] != sex:
                    continue
                if i not in self._pronouns:
                    self._pronouns[i] = None  # a cycle guard while it is worked out
                    self._pronouns[i] = self.antecedent(idx, PRONOUN_SEX[value], depth + 1)
                name = self._pronouns[i]
            if name is None:
                continue
            own = self.sexes.get(name)
            if sex is not None and own is not None and own != sex:
                continue
            sentence = sent
            found.append((subject, name))
        if not found:
            return None
        found.reverse()  # text order
        subjects = [name for is_subject, name in found if is_subject]
        return subjects[0] if subjects else found[0][1]  # None for a spokesman

    def _candidates(self) -> list[tuple[int, int, int, bool, str, str]]:
        """Outside quotation marks, in text order: (char, token, sentence start, is a
        subject, PERSON / ORG / "pronoun", name or pronoun) for each mention of a
        person or an organization and each "he"/"she" subject no mention covers."""
        if self._cands is not None:
            return self._cands
        doc = self.doc
        out = []
        for kind, where in ((PERSON, self.person_at), (ORG, self.org_at)):
            for i, name in where.items():
                tok = doc[i]
                subject = tok.dep_ in SUBJECTS or tok.dep_ in ("compound", "appos", "flat") and tok.head.dep_ in SUBJECTS
                out.append((tok.idx, i, tok.sent.start, subject, kind, name))
        for tok in doc:
            if tok.dep_ not in SUBJECTS or tok.i in self.person_at or self.in_quotes(tok.idx):
                continue
            if tok.lower_ in PRONOUN_SEX:
                out.append((tok.idx, tok.i, tok.sent.start, True, "pronoun", tok.lower_))
            elif tok.lower_ in self.spokes and tok.lower_ != "statement" and self.is_cue(tok.head) and not any(
                    c.dep_ in ("compound", "appos") and c.i in self.person_at for c in tok.children):
                out.append((tok.idx, tok.i, tok.sent.start, True, "spokesman", tok.lower_))
        out.sort()
        self._cands = out
        self._candidate_starts = [c[0] for c in out]
        return out
