"""Evidence: the short names of the signals that made a person, place or organization.

Each entry lists what the article says for it and, prefixed ``against:``, what
says it may be something else. The names are read by people (``evidence`` in
the record) and by the confidence model (``newsextract.facts.confidence``), which
weighs them; a name such as ``title:Prime Minister`` counts as its kind
(``title``).

For every kind of entry:
- ``model:LABEL`` the statistical model found a mention; ``rule:ID`` a rule of
  ours did (``nlp.components.provenance.source``: the component or pattern that proposed it);
- ``mentions:2+`` / ``mentions:4+`` how often the article names it;
- ``against:quoted`` a mention is all that stands inside quotation marks, as a
  title is ("'Slow Tide'");
- ``against:work`` a kind of work, product, event or body stands beside a
  mention ("the film X", "the band X", "X software", "X Awards");
- ``against:work-verb`` a verb of works and prizes governs it ("starred in X",
  "won the X");
- ``against:side`` the words around its mentions are those of a match ("beat
  X", "X drew with", "signed for X", "X manager", "defeat to X", "Mignoni (X)" in a
  line-up; for a country, also the article naming it elsewhere as its national side, an
  organization); ``against:sides`` at least half of its mentions are.

People: ``given-name`` (a given name we know first; or one that is also an everyday word
or a place, "Will Smith", "Sofia Coppola", when the article names the person again or gives a
role), ``initial``, ``full-name``, ``title:...``, ``honorific``, ``speaker``
(subject of a reporting verb), ``agent`` (subject of another verb),
``pronoun`` ("He" resolved to them), ``age`` ("X, 32,"), ``against:place``
(the name is a place in the gazetteer). Places: ``gazetteer:KIND``,
``preposition:in`` (after a locating preposition), ``located:based`` (the first part of
"Edinburgh-based", "Texas-born", "Paris-headquartered"), ``place-noun`` ("the state
of X", "X province"), ``qualifier`` ("Sellafield, in Cumbria": the article says
where it lies), ``building-word`` ("Olympic Stadium", "Olympic Village"; also "La Fenice" beside
"La Fenice Theatre"), ``compass-part`` ("Brent South", "Leeds North West"),
``against:no-capital`` (no capital letter: "8.6bn euros"), ``against:in-name`` (the
end of another name: "MM Warburg", "the Police Federation of England and Wales"; or, in
every mention, its start: "Newcastle Falcons"), ``against:determiner`` (a town every
mention of which has "the" before it: "surveys from the Halifax and Nationwide"; not "the
Boston-based firm"), ``against:org-noun`` (a kind of organization in apposition to it or before
the list it is in, "companies such as Nokia, X and Y", or someone works at it: "an economist
with X", "head of development at X"), ``against:honorific`` ("Lord X's inquiry": a person's
name), ``against:org-owned`` (an organization's possessive before it: "the BBC's X",
"Microsoft's X"), ``dateline`` (in capitals, it opens a line before a date or an agency: "LONDON
1996-08-30", "NAIROBI (Reuters) -"). People also: ``name-words`` (no given name we know, but
every word capitalized and neither everyday nor a place: "Kumar Dharmasena"),
``against:lineup`` (in a sports report, in brackets after a player's name, as line-ups
give clubs: "Luca Ferri (Stade Marcellin)"), ``against:leading-article`` ("La Boheme", "Le Monde"), ``against:work`` also when the
name starts with a word the article writes before a kind of product ("Windows Messenger"
beside "Windows programs"), ``against:credit`` (a photo
credit: "REUTERS / Leonhard Foeger", "Photo: Ana Lind"). People also, from what is said
around a name: ``surname-alone`` (the surname is a mention of its own: "Putin said"),
``listed`` (one of a list with another person named in full with a given name: "X, Will Yardley
and Y"), ``role-before`` (a role or an office right before a mention, as news introduces people
named by one word too: "President Kagame", "rapper Skepta", "Chelsea striker Drogba"; not a firm's
line of business, "market leader X", nor where the name ends in a body's word), ``post-nominal``
(letters after a mention that only a person's name takes: "X QC", "X MP", "X OBE"), ``described`` (a noun of a person right before it, in apposition to it or owned by it, or a
relative "who" after it: "billionaire X", "X, a lawyer,", "X's wife", "X, who ..."; the
nouns are ``person_words``), ``of-body`` (a body or a place owns it: "Labour's X"),
``country-after`` ("X (Norway)" in results), ``author`` ("directed by X", "written by X"),
``against:org-noun`` (a kind of organization in apposition to it or before the list it ends:
"X, Germany's biggest club", "start-up companies Y and X"), ``against:site`` ("the X hotel",
"River X", "St X's"), ``against:which`` ("X, which employs ..."), ``against:work`` also in a
list that a kind of work or product includes ("Inbev brands include Bass, X and Y") and
``against:work-verb`` also after a noun of acting ("her performance in X", "a part in X"). The evidence
against that one mention carries around it (quoted, work, work-verb, side) is left out of a person
when fewer than half of the named mentions carry it and the person has what only a person has
(a pronoun, an age, an honorific, the surname alone, a work made)
("Cantona Day" beside "Eric Cantona ... Cantona received a ban"). Organizations:
``company-suffix``, ``acronym``, ``org-noun`` ("the firm X").
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache
from typing import Iterable

from spacy.tokens import Span

from .. import lexicon
from ..nlp.components import sides
from ..nlp.components.provenance import source
from ..lexicon.geo import is_country_or_continent, lookup
from ..nlp.lemmas import lemma as lemma_of

QUOTES = {'"', "“", "”", "'", "‘", "’", "«", "»"}
DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "new", "hit", "latest"}
SUBJECTS = {"nsubj", "nsubjpass"}
POSSESSIVE = {"'s", "’s"}


def words() -> dict[str, frozenset[str]]:
    """The word lists of ``models/evidence_words.json``."""
    return _words()


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in lexicon.json("evidence_words.json").items() if not k.startswith("_")}


def _team_roles() -> frozenset[str]:
    return lexicon.words("team_role_words.txt")


def sport_article(doc) -> bool:
    """Whether the article is a sports report (``nlp.components.sides.sport_article``)."""
    return sides.sport_article(doc, words()["sport_words"])


def _match_context(span: Span, w) -> bool:
    """The mention sits among the words of a match (``nlp.components.sides.match_context``)."""
    return sides.match_context(span, w, _team_roles(), country=is_country_or_continent)


def _given_names() -> frozenset[str]:
    return lexicon.first_names()


@lru_cache(maxsize=1)
def _other_given_names() -> frozenset[str]:
    """Given names that are also an everyday word or a place ("Will", "Sofia", "Chad"), so
    left out of ``first_names.txt``: those of ``given_name_sex.tsv`` less that list and
    the names of months and days."""
    calendar_words = {w.lower() for w in (*calendar.month_name, *calendar.day_name) if w}
    return frozenset(row["name"] for row in lexicon.table("given_name_sex.tsv")
                     if row["name"] not in _given_names() and row["name"].lower() not in calendar_words)


def _given_name_too(word: str) -> bool:
    """``word`` is a given name that is also an everyday word or a place."""
    return word in _other_given_names() or word.isupper() and word.title() in _other_given_names()


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """Honorifics as ``titles`` writes them ("Mr", "Mrs", "Dr", "Sir"): ``titles.tsv`` kind honorific."""
    return frozenset((row["canonical"] or row["form"]) for row in lexicon.titles() if row["kind"] == "honorific")


@lru_cache(maxsize=1)
def _org_words() -> tuple[frozenset[str], frozenset[str]]:
    """(company suffixes, lower-case kinds of organization) from ``company_cues.txt``
    and ``organization_nouns.txt``."""
    suffixes = frozenset(w for w, kind in lexicon.company_cues().items() if kind == "suffix")
    return suffixes, lexicon.words("organization_nouns.txt")


def provenance(span: Span) -> str:
    """Where the entity came from: ``model:LABEL`` or ``rule:ID``."""
    found = source(span)
    return f"rule:{found}" if found else f"model:{span.label_}"


def feature(name: str) -> str:
    """The kind of a piece of evidence, as the confidence model weighs it:
    ``title:Prime Minister`` -> ``title``, ``preposition:in`` -> ``preposition``;
    ``model:``, ``rule:``, ``gazetteer:`` and ``against:`` names are kinds of their own."""
    head, sep, _ = name.partition(":")
    if sep and head in ("title", "preposition", "located"):
        return head
    return name


FOUND_PROVENANCE = {"model:GPE", "model:LOC", "rule:gazetteer"}
# who found a person's mentions says little once what the article says of them is weighed
UNWEIGHED = {"model:PERSON", "rule:name", "rule:title", "rule:consistency"}


def features(evidence: Iterable[str]) -> frozenset[str]:
    """The kinds of evidence the confidence model weighs for an entry. A place found
    in the gazetteer is weighed by its kind there, whoever found its mentions."""
    out = {feature(e) for e in evidence} - UNWEIGHED
    if any(f.startswith("gazetteer:") for f in out):
        out -= FOUND_PROVENANCE
    return frozenset(out)


def _count(n: int) -> list[str]:
    return ["mentions:4+"] if n >= 4 else ["mentions:2+"] if n >= 2 else []


def _common_word(name: str, vocab) -> bool:
    """The name starts with an everyday English verb, adjective or adverb ("General
    Election", "Slim PlayStation"); given names, place names and initials ("K Marlowe": the
    lemmatizer knows "k") are not everyday words."""
    from ..nlp.components.entity_spans import everyday_of

    common = everyday_of(vocab)
    first = name.split()[0].lower() if name.split() else ""
    return bool(common) and first.isalpha() and len(first) > 1 and first in common \
        and first.title() not in _given_names()


def _name_words(parts: list[str], vocab) -> bool:
    """Every word of the name is capitalized and none is an everyday verb, adjective,
    adverb or a place:
    names as foreign given names and surnames look ("Kumar Dharmasena")."""
    from ..nlp.components.entity_spans import everyday_of

    common = everyday_of(vocab) or frozenset()
    particles = lexicon.name_particles()
    words = [p for p in parts if p not in particles]
    if words and _gerund(words[0], common):
        return False  # "Finding Nemo", "Making Waves": a title that opens with a verb
    return len(words) >= 2 and all(p[:1].isupper() and p.lower() not in common and lookup(p) is None
                                   and not (len(p) > 1 and p.isupper() and p.isalpha())  # "MSN Messenger"
                                   for p in words)


def _gerund(word: str, common) -> bool:
    """``word`` is the -ing form of an everyday verb ("Finding", "Making", "Running")."""
    low = word.lower()
    if not low.endswith("ing") or len(low) < 6:
        return False
    stem = low[:-3]
    return any(s in common for s in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""))


PRODUCT_KEY = "newsextract_product_words"


def product_modifiers(doc) -> frozenset[str]:
    """Capitalized words the article writes before a kind of work or product ("Windows
    programs", "Xbox games", "the Shrek film"): a name that starts with one is a product's."""
    found = doc.user_data.get(PRODUCT_KEY)
    if found is None:
        w = words()
        kinds = w["work_nouns"] | w["product_words"]
        found = frozenset(t.text for t, nxt in zip(doc, doc[1:]) if t.is_alpha and t.text[:1].isupper()
                          and not t.is_sent_start and nxt.is_lower and nxt.lower_ in kinds and nxt.pos_ == "NOUN")
        doc.user_data[PRODUCT_KEY] = found
    return found


def _common(spans: Iterable[Span], elsewhere: int = 0, person: bool = False) -> tuple[set[str], int]:
    """Evidence every kind of entry shares, and the number of named mentions. ``elsewhere``:
    mentions of the name that the article has as a side's, outside the entry (a country's
    national side, an organization)."""
    w = words()
    out: set[str] = {"against:side"} if elsewhere else set()
    n = 0
    sides = elsewhere
    spans = list(spans)
    if spans and sport_article(spans[0].doc):
        out.add("context:sport")
    for span in spans:
        if len(span) == 1 and span[0].pos_ == "PRON":
            continue
        n += 1
        out.add(provenance(span))
        found = _mention_against(span, w, person)
        out |= found
        sides += "against:side" in found
    if n + elsewhere >= 2 and 2 * sides >= n + elsewhere:
        out.add("against:sides")  # most of its mentions are a side's ("France coach", "France, who lost to")
    return out, n


def _quoted(span: Span) -> bool:
    doc = span.doc
    return span.start > 0 and span.end < len(doc) and doc[span.start - 1].text in QUOTES \
        and doc[span.end].text in QUOTES and len(span) <= 8


def _beside_work(span: Span, w, person: bool = False) -> bool:
    """"the film X", "the band X", "X software", "X Awards", "X, the show"."""
    doc = span.doc
    work = w["work_nouns"]
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in DETERMINERS and i > span.start - 3:
        i -= 1
    if i >= 0 and i < span.start and doc[i].is_lower and doc[i].lower_ in work \
            and not (person and doc[i].pos_ == "VERB"):
        return True  # "the film X"; not "will play X in the final"
    root = span.root
    kind = doc[span.start - 2] if span.start >= 2 else None
    if kind is not None and doc[span.start - 1].text == "," and kind.is_lower and kind.lower_ in work \
            and (root.dep_ == "appos" and root.head.i == kind.i or kind.head.i == root.i and kind.dep_ in ("nmod", "appos")):
        return True  # "their last single, Killamangiro": in apposition to it; not "After the game, Vickery said"
    if _subtitle_of_work(span, work):
        return True
    if span[-1].text in w["event_words"] and len(span) > 1:
        return True
    if span.end < len(doc):
        nxt = doc[span.end]
        owner = nxt.text in POSSESSIVE
        if owner and not person and span.end + 1 < len(doc):
            nxt = doc[span.end + 1]
        titled = person and nxt.i + 1 < len(doc) and doc[nxt.i + 1].is_title and not doc[nxt.i + 1].is_sent_start
        if not (owner and person) and nxt.is_lower and nxt.pos_ in ("NOUN", "PROPN") and (nxt.lower_ in work or nxt.lower_ in w["product_words"]) \
                and not _country(span.text) and not titled:
            return True  # "the Shrek film"; a country or city says where from: "UK film fans"; a person's
            # film names its title after it: "new Bruce Willis movie Hostage"
        if nxt.text in w["event_words"] and nxt.text[:1].isupper():
            return True
        if _ends_name_of_body(doc, span.end, w):
            return True
        if nxt.text == "," and span.end + 2 < len(doc) and doc[span.end + 1].lower_ in ("the", "a") \
                and doc[span.end + 2].lower_ in work and not (span.start > 0 and doc[span.start - 1].lower_ == "by"):
            return True  # "X, the show"; not "Directed by X, the film was ..."
    return False


SUBTITLE_REACH = 6  # tokens back over a title and its colon to the kind of work


def _subtitle_of_work(span: Span, work) -> bool:
    """The mention ends a title that a kind of work opens, after its colon: "the game Grand
    Theft Auto: San Andreas", "the film Star Quest: Marlow Rising"."""
    doc = span.doc
    if span.start < 3 or doc[span.start - 1].text != ":":
        return False
    i, title = span.start - 2, 0
    while i >= 0 and span.start - i <= SUBTITLE_REACH and (doc[i].is_alpha and doc[i].text[:1].isupper()
                                                            or doc[i].like_num):
        title += 1
        i -= 1
    return title > 0 and i >= 0 and doc[i].is_lower and doc[i].lower_ in work  # not "The team: Luca Ferri"


NAME_RUN = 3  # capitalized words after a mention that may still be one name with it


def _ends_name_of_body(doc, i: int, w) -> bool:
    """The capitalized words from ``doc[i]`` on end in a word of an event or a body: the
    mention is the start of its name ("UK Internet Forum", "Dubai Tennis Championships")."""
    for j in range(i, min(len(doc), i + NAME_RUN)):
        t = doc[j]
        if not (t.is_alpha and t.text[:1].isupper()) or t.is_sent_start:
            return False
        if j > i and (t.text in w["event_words"] or t.text in w["company_words"]):
            return True
    return False


def _country(text: str) -> bool:
    """A country or city of the gazetteer: before a kind of work it says where the work is
    from ("UK film fans", "Tokyo shares"), it is not its name."""
    entry = lookup(text)
    return entry is not None and entry.kind in ("country", "city")


def _work_verb(span: Span, w, person: bool = False) -> bool:
    """"starred in X", "won the X", "X, starring ..."."""
    doc = span.doc
    before = [t for t in doc[max(0, span.start - 3):span.start] if not t.is_sent_start or t.i == span.start - 1]
    verbs = w["work_verbs"] | w["acting_nouns"] if person else w["work_verbs"]
    if before and any(t.lower_ in verbs for t in before) \
            and before[-1].lower_ in ("in", "the", "an", "a", "of") \
            and not (person and span.end < len(doc) and doc[span.end].text in POSSESSIVE) \
            and not (before[-1].lower_ == "in" and len(before) >= 2
                     and before[-2].lower_ in ("won", "win", "wins", "played", "recorded")):
        return True  # "starred in X", "won the X"; not "won in Lyon", "played in Perth"
    return span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ == "starring"


def _made_thing(span: Span, w) -> bool:
    """The mention is the object of a verb of making or selling ("which makes X", "it sells X",
    "launched X"), with no second object or complement ("made Smith captain"); not in a sports
    report, where clubs sell players."""
    root = span.root
    head = root.head
    return root.dep_ == "dobj" and head.pos_ == "VERB" and lemma_of(head).lower() in w["making_verbs"] \
        and not sport_article(span.doc) \
        and not any(c.dep_ in ("oprd", "xcomp", "ccomp", "dative") for c in head.children)


CREDIT_MARKS = {"/", "|", "©"}
CREDIT_WORDS = {"photo", "photograph", "photographs", "picture", "pictures", "image", "images", "credit"}


def _credit(span: Span) -> bool:
    """The mention is a photo credit: beside "/" or "|" ("REUTERS / Leonhard Foeger",
    "Ana Lind / AFP"), or after "Photo:" or "©"."""
    doc = span.doc
    if any(t.text in CREDIT_MARKS for t in span):
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.text in CREDIT_MARKS or after is not None and after.text in CREDIT_MARKS:
        return True
    return before is not None and before.text == ":" and span.start > 1 and doc[span.start - 2].lower_ in CREDIT_WORDS


def _listed_work(span: Span, w) -> bool:
    """The mention stands in a list that a kind of work or product "includes": "Inbev brands
    include Bass, X and Y", "Films on ITV1 include X" (not "the cast includes X")."""
    head = span.root
    for _ in range(8):  # up the list: "Bass, X and Y" hang from each other
        if head.dep_ != "conj" or head.head.i == head.i:
            break
        head = head.head
    verb = head.head
    if head.dep_ != "dobj" or verb.pos_ != "VERB" or lemma_of(verb).lower() not in w["list_verbs"]:
        return False
    kinds = w["work_nouns"] | w["product_words"]
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and lemma_of(c).lower() in kinds for c in verb.children)


def _author(span: Span, w) -> bool:
    """The mention is the doer of a passive verb of writing or directing: "directed by X",
    "a play written by X" (a company "bought by X" says nothing)."""
    root = span.root
    by = root.head
    return root.dep_ == "pobj" and by.lower_ == "by" and by.dep_ == "agent" \
        and lemma_of(by.head).lower() in w["author_verbs"]


def _members_of(span: Span, w) -> bool:
    """"members of X", "a founder of X": X is a group."""
    root = span.root
    of = root.head
    return root.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ in w["member_nouns"]


def _owns_person(span: Span) -> bool:
    """The mention owns a person named in full right after it: "Led Zeppelin's Jimmy Page",
    "Coldplay's Chris Martin" (a band's, a club's member)."""
    doc = span.doc
    e = span.end
    if e + 2 >= len(doc) or doc[e].text not in POSSESSIVE:
        return False
    nxt = doc[e + 1]
    return nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B" and doc[e + 2].ent_iob_ == "I" \
        and nxt.text in _given_names()


LOCATIVE = {"in", "at"}


def _listed_with_people(span: Span) -> bool:
    """The mention is one of a list ("X, Y and Z") in which another name is a person's named in
    full with a given name we know: "Robbie Winters, Will Yardley and Bob Gelling"."""
    doc = span.doc
    beside = [span.start - 2] if span.start >= 2 and doc[span.start - 1].text in LIST_MARKS else []
    if span.end + 1 < len(doc) and doc[span.end].text in LIST_MARKS:
        beside.append(span.end + 1)  # "X, Y and Z" as written, whatever the parse made of "Will"
    others = [o.i for t in span for o in t.conjuncts] + beside
    for i in others:
        if span.start <= i < span.end or doc[i].ent_type_ != "PERSON":
            continue
        start = i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end - start >= 2 and doc[start].text in _given_names():
            return True
    return False


LIST_MARKS = {",", "and", "&"}


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Lower-case one-word roles and offices, as written right before a name ("President",
    "rapper", "striker"): the titles and roles of ``titles.tsv`` (no honorific, no modifier),
    ``team_role_words.txt`` and the nouns of a person (``_person_words``)."""
    found = {row["form"].lower() for row in lexicon.titles()
             if row["kind"] in ("title", "role") and " " not in row["form"]}
    return frozenset(w for w in found | _team_roles() | _person_words() if w.isalpha())


def _role_before(span: Span) -> bool:
    """A role or an office stands right before the mention, as news introduces people ("President
    Kagame", "rapper Skepta", "Chelsea striker Drogba"); not a word of another name ("the Daily
    Star", an organization's name the model found, before the mention), nor a firm's role ("market
    leader X", "chip designer X": ``firm_role_nouns``)."""
    doc = span.doc
    if span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.lower_ not in _role_words() or before.ent_type_ not in ("", "PERSON"):
        return False
    kind = doc[before.i - 1] if before.i > 0 else None
    firm = kind is not None and kind.lower_ in words()["firm_role_nouns"] and (kind.is_lower or before.is_lower)
    return not firm  # "market leader X", "Market leader X"; not "Industry Secretary X", an office


def _located(span: Span) -> bool:
    """The mention is where something happens: after "in" or "at" hanging from a verb
    ("joined him in Monte Carlo"), not "a role in X", "confidence in X", "in Smith's view"."""
    doc = span.doc
    root = span.root
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in LOCATIVE and prep.head.pos_ in ("VERB", "AUX", "PROPN") \
        and not (span.end < len(doc) and doc[span.end].text in POSSESSIVE)


def _country_after(span: Span) -> bool:
    """A country in brackets follows the mention, as results lists give a competitor's:
    "Hendrik Lunde (Norway)", "Petra Holm ( Sweden )"."""
    doc = span.doc
    e = span.end
    for j in range(e + 2, min(e + 5, len(doc))):
        if doc[e].text == "(" and doc[j].text == ")":
            entry = lookup(doc[e + 1:j].text)
            return entry is not None and entry.kind == "country"
    return False


def _which(span: Span) -> bool:
    """A relative "which" follows the mention: "X, which employs 8,000 staff"."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ == "which" \
        and doc[span.end + 1].head.dep_ == "relcl" and doc[span.end + 1].head.head.i in range(span.start, span.end)


def _reporting(token, w) -> bool:
    return token.pos_ in ("VERB", "AUX") and lemma_of(token).lower() in lexicon.reporting_verbs()


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    """Nouns that describe a person (lemmas): ``person_words`` of ``evidence_words.json``,
    the kinship words, ``person_nouns.txt`` and ``staff_nouns.txt``."""
    return frozenset(words()["person_words"] | lexicon.words("kinship_words.txt")
                     | lexicon.words("person_nouns.txt") | lexicon.words("staff_nouns.txt"))


RELATED = ("appos", "conj")
HYPHEN_MARKS = {"-", "‐", "‑"}
WHO = {"who", "whom"}


def _described(span: Span) -> str | None:
    """What the words right around a mention say it is: ``"person"`` for a noun of a person
    right before it or in apposition to it ("billionaire X", "murderer X", "X, a lawyer,"),
    or a relative "who" after it ("X, who was ..."); ``"body"`` for a kind of organization
    in apposition to it or joined to it ("German club and former champion X", "X, the
    country's biggest bank"); None when they say neither."""
    doc = span.doc
    root = span.root
    people, bodies = _person_words(), _org_words()[1]
    related = [c for c in root.children if c.dep_ in RELATED and c.i not in range(span.start, span.end)]
    if root.dep_ in RELATED and not span.start <= root.head.i < span.end:
        related.append(root.head)
    first = span
    head = root
    for _ in range(8):  # the first name of a list it ends: "start-up companies Gizmondo and X"
        if head.dep_ != "conj" or head.head.i >= head.i:
            break
        head = head.head
    if head is not root:
        first = doc[head.left_edge.i:head.i + 1]
        if head.dep_ == "appos":
            related.append(head.head)  # "the actors Kate Winslet and X"
    such = head.head
    if head.dep_ == "pobj" and such.lower_ == "as" and such.i > 0 and doc[such.i - 1].lower_ == "such" \
            and such.head.pos_ == "NOUN" and (lemma_of(such.head).lower() in people or such.head.lower_ == "people"):
        return "person"  # "artists such as X and Y", "people such as X"
    if head.dep_ == "pobj" and such.lower_ == "as" and such.i > 0 and doc[such.i - 1].lower_ == "such" \
            and such.head.pos_ == "NOUN" and lemma_of(such.head).lower() in bodies | {"company"}:
        return "body"  # "companies such as X, Y and Z"
    prev = doc[first.start - 1] if first.start > 0 else None
    if prev is not None and prev.is_lower and prev.pos_ == "NOUN" and prev.head.i in range(first.start, first.end) \
            and not (prev.i > 0 and doc[prev.i - 1].text in HYPHEN_MARKS):
        word = lemma_of(prev).lower()
        if word in people or prev.lower_ in people:
            return "person"  # "travel agent Naresh Goyal", "Soham murderer Ian Huntley", "actors X and Y"
        if word in bodies or prev.lower_ in bodies:
            return "body"  # "start-up companies Gizmondo and X"; not "documentary-maker X"
    for t in related:
        if not t.is_lower or t.pos_ != "NOUN":
            continue
        lo, hi = sorted((t.i, span.start))
        if any(x.text == ":" for x in doc[lo:hi]):
            continue  # "The team: Luca Ferri, ...": a line-up, not what the name is
        word = lemma_of(t).lower()
        if word in bodies:
            return "body"
        if word in people or t.lower_ in people:
            return "person"
    if span.end + 1 < len(doc) and doc[span.end].text in POSSESSIVE and doc[span.end + 1].pos_ == "NOUN" \
            and lemma_of(doc[span.end + 1]).lower() in people:
        return "person"  # "Zidane's friends", "Blair's wife"
    if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ in WHO \
            and doc[span.end + 1].head.dep_ == "relcl":
        return "person"
    return None


def _owner_label(span: Span) -> str:
    """The entity label of the name whose possessive stands right before the mention
    ("Labour's X", "the BBC's X"); "" when there is none."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text not in POSSESSIVE | {"'", "’"}:
        return ""
    owner = doc[span.start - 2]
    return owner.ent_type_ if owner.ent_iob_ in ("B", "I") else ""


def _of_body(span: Span) -> bool:
    """A body or a place the person belongs to owns the mention: "Labour's Lorna Smith",
    "Gloucester's Andy Hazell" (not a person's: "Miyazaki's Spirited Away")."""
    return _owner_label(span) in ("ORG", "GPE", "NORP")


SAINTS = {"St", "St.", "Saint", "Ste"}


def _at_site(span: Span, w) -> bool:
    """The name is a building's or a site's: a noun of one follows it ("the Beverly Hilton
    hotel", "St Katherine's dock"), or it starts with a word of a site ("River Thames")."""
    doc = span.doc
    if span[0].lower_ in w["site_first_words"] and len(span) > 1:
        return True
    i = span.end
    if i < len(doc) and doc[i].text in POSSESSIVE | {"'", "’"}:
        if span[0].text in SAINTS and len(span) > 1:
            return True  # "St Fintian's High School", "St Mary's": a church's, a school's, a day's
        i += 1
    return i < len(doc) and doc[i].is_lower and doc[i].pos_ == "NOUN" and doc[i].lower_ in w["site_nouns"]


# evidence against that one mention carries: it sinks the person only when at least half of
# the named mentions carry it, or the others say nothing only a person has
# (what the thing is, "X, which", "the X hotel", a kind of body, is said of the whole name and stays)
PER_MENTION = frozenset({"against:quoted", "against:work", "against:work-verb", "against:side"})
# what only a person has: with it, a few mentions' evidence against is outweighed by the others
PERSON_ONLY = frozenset({"pronoun", "age", "honorific", "surname-alone", "author"})  # not words said: firms speak


def _mention_against(span: Span, w, person: bool = True) -> set[str]:
    """The evidence against that this one mention carries (quoted, beside a work, after a verb of
    works, in a match's context); ``_common`` gathers it over all mentions."""
    out = set()
    if _quoted(span):
        out.add("against:quoted")
    if _beside_work(span, w, person):
        out.add("against:work")
    if _work_verb(span, w, person) or _made_thing(span, w):
        out.add("against:work-verb")
    if _match_context(span, w):
        out.add("against:side")
    return out


def _outweighed(out: set[str], flagged: dict[str, int], n: int, titles: list[str]) -> set[str]:
    """The per-mention evidence against that fewer than half of the ``n`` named mentions carry,
    when the entry has what only a person has: "Cantona Day" and "fans wearing Cantona masks"
    beside "Eric Cantona ... Cantona received a ban"."""
    if not out & PERSON_ONLY or n < 2:
        return set()
    return {f for f in out & PER_MENTION if 2 * flagged.get(f, 0) < n}


def person_evidence(spans: list[Span], name: str, titles: list[str]) -> list[str]:
    w = words()
    out, n = _common(spans, person=True)  # a person's team or film is not the person: "Benitez's team"
    flagged: dict[str, int] = {}  # named mentions that carry each kind of evidence against
    out.update(_count(n))
    parts = name.split()
    first = parts[0] if parts else ""
    if first in COMPASS:
        pass  # "West Brom", "North Ayrshire": a part of a place, whatever the baby names say
    elif first in _given_names() or first.title() in _given_names() \
            or len(parts) >= 3 and parts[1] in _given_names():  # "Ard Jan Vetham"
        out.add("given-name")
    elif len(parts) >= 2 and len(first.rstrip(".")) == 1:
        out.add("initial")
    if len(parts) >= 2:
        out.add("full-name")
    if spans and _common_word(name, spans[0].doc.vocab) and not titles:
        out.add("against:common-word")  # "Party People"; not "President Bush", "Chancellor Brown"
    if len(parts) >= 2 and parts[-1] in words()["company_words"]:
        out.add("against:body-word")
    if len(parts) >= 2 and "given-name" not in out and spans and first in product_modifiers(spans[0].doc):
        out.add("against:work")  # "Windows Messenger" where the article says "Windows programs"
    if first in words()["leading_articles"] and "given-name" not in out:
        out.add("against:leading-article")
    elif len(parts) >= 2 and "given-name" not in out and spans and _name_words(parts, spans[0].doc.vocab):
        out.add("name-words")
    honorifics = _honorifics()
    for title in titles:
        out.add(f"title:{title}")
        if title in honorifics:
            out.add("honorific")
    out.discard("against:sides")  # players stand among the words of a match as much as their sides do
    if "context:sport" not in out:
        out.discard("against:side")  # "Nadal beat Tomas Berdych" outside a sports report: no side's match
    sport = bool(spans) and sport_article(spans[0].doc)
    for span in spans:
        if len(span) == 1 and span[0].pos_ == "PRON":
            out.add("pronoun")
            continue
        before = set(out)
        mine = _mention_against(span, w)
        if _credit(span):
            out.add("against:credit")
        if sport and "given-name" not in out and sides.lineup_club(span) and not sides.minutes_after(span):
            out.add("against:lineup")  # "Luca Ferri (Stade Marcellin)": his club; not "(Joel Stransky, 48 mins)"
        root = span.root
        if root.dep_ in SUBJECTS:
            out.add("speaker" if _reporting(root.head, w) else "agent")
        if len(parts) >= 2 and len(span.text.split()) == 1 and span.text.casefold() == parts[-1].casefold() \
                and lookup(parts[-1]) is None and (lookup(first) is None or _given_name_too(first)
                                                   or first in _given_names()):
            out.add("surname-alone")  # "Vladimir Putin" ... "Putin said"; not "Atletico Madrid" ... "Madrid"
        described = _described(span)
        if described == "person":
            out.add("described")
        elif described == "body":
            out.add("against:org-noun")
        if _of_body(span):
            out.add("of-body")
        if _at_site(span, w):
            out.add("against:site")
        if _listed_work(span, w):
            out.add("against:work")
        if _which(span):
            out.add("against:which")
        if _country_after(span):
            out.add("country-after")
        if _members_of(span, w) or _owns_person(span):
            out.add("against:org-noun")  # "members of X", "X's Jimmy Page": a band's, a club's
        if _located(span):
            out.add("against:in")
        if _author(span, w):
            out.add("author")
        doc = span.doc
        e = span.end
        if e + 2 < len(doc) and doc[e].text == "," and doc[e + 1].like_num and doc[e + 1].text.isdigit() \
                and doc[e + 2].text in (",", "and") and 10 <= int(doc[e + 1].text) <= 110:
            out.add("age")
        if _listed_with_people(span):
            out.add("listed")
        if _role_before(span):
            out.add("role-before")
        if span.end < len(doc) and doc[span.end].text in lexicon.post_nominals():
            out.add("post-nominal")
        for f in mine | (out - before):
            if f in PER_MENTION:
                flagged[f] = flagged.get(f, 0) + 1
    for f in _outweighed(out, flagged, n, titles):
        out.discard(f)
    if "against:body-word" in out:
        out.discard("role-before")  # "King Arthur International": the role word opens a body's name
    entry = lookup(name)
    office = any(t.split()[-1].lower() not in _team_roles() for t in titles)
    if entry is not None and not office:
        out.add("against:place")  # not "President Bush": an office names a person; a side has a captain
    # "Will Smith" named again ("Smith's comedy"); "Sofia Coppola", whose given name is also a
    # place, only with what only a person has (a role, a pronoun, words said): not "Preston Harriers"
    person = bool(titles) or bool(out & {"speaker", "pronoun", "age", "described", "of-body", "author", "listed"})
    if "given-name" not in out and len(parts) >= 2 and _given_name_too(first) \
            and (person or n >= 2 and lookup(first) is None) \
            and not any(e.startswith("against:") and e != "against:common-word" for e in out):
        out.discard("against:common-word")
        out.add("given-name")
    return sorted(out)


PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _inside_name(span: Span) -> bool:
    """The mention ends another name: a capitalized word of no entity stands right before it
    ("MM Warburg", "Real Madrid" within a sentence), or it is joined by "and" to a body's name
    ("the Police Federation of England and Wales")."""
    doc = span.doc
    if span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.is_alpha and before.text[:1].isupper() and not before.is_sent_start and not before.ent_type_ \
            and before.text not in COMPASS and not before.is_stop and not _in_headline(before):
        return True  # (in a Title Case headline every word is capitalized)
    if before.lower_ in ("and", "&") and span.start >= 2:
        prev = doc[span.start - 2]
        return prev.ent_type_ == "ORG" and prev.ent_iob_ in ("B", "I") and (span.start - 1 >= len(doc)
                                                                          or doc[span.start - 1].ent_iob_ == "O")
    return False


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Every word of a role or honorific of ``titles.tsv``, as written capitalized ("President",
    "Secretary", "Mayor"): after a place's name they start a person's title, not a name."""
    return frozenset(word[:1].upper() + word[1:] for row in lexicon.titles() for word in row["form"].split())


def _starts_name(span: Span, w) -> bool:
    """The mention starts a longer name: a capitalized word of no entity, no title, place or
    building word follows it within a sentence ("Newcastle Falcons", "Toyota Motor"); not "US
    President", "London Bridge", "Leeds North"."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    after = doc[span.end]
    return after.is_alpha and after.text[:1].isupper() and not after.is_upper and not after.is_sent_start \
        and not after.ent_type_ and not after.is_stop and not _in_headline(after) \
        and after.text not in _title_words() and after.text not in COMPASS and after.text not in w["building_words"] \
        and after.lower_ not in w["place_nouns"] and after.lower_ not in lexicon.place_kind_nouns()


def _the_before(span: Span) -> bool:
    """"the" stands before the mention, which heads its phrase: "the Halifax and Nationwide"
    (a town's name is written without it; not "the London office")."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ != "the" or span.text.lower().startswith("the ") \
            or span.end < len(doc) and doc[span.end].text in HYPHENS and not doc[span.end - 1].whitespace_:
        return False  # "the Boston-based firm": "the" is the firm's
    return span.end >= len(doc) or doc[span.end].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") \
        and doc[span.end].lower_ != "of"  # "the Paris of the 1920s" is Paris


def _in_headline(token) -> bool:
    from ..nlp.components.entity_spans import HEADLINE_KEY

    return any(line.start <= token.i < line.end for line in token.doc.spans.get(HEADLINE_KEY, []))


COMPASS = {"North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
           "Greater", "Inner", "Outer", "Upper", "Lower"}


LOCATED = {"based", "born", "headquartered"}
HYPHENS = {"-", "‐", "‑"}


def located_compound(span: Span) -> str | None:
    """The second word of a compound adjective that says where something is, when ``span``
    is its first part: "based" in "Boston-based", "born" in "Texas-born"; else None."""
    doc = span.doc
    end = span.end
    if end + 1 < len(doc) and doc[end].text in HYPHENS and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].lower_ in LOCATED:
        return doc[end + 1].lower_
    return None


def place_evidence(spans: list[Span], kind: str | None, gazetteer: bool, qualified: bool = False,
                   part: bool = False) -> list[str]:
    w = words()
    out, n = _common(spans, _sides_elsewhere(spans) if kind == "country" else 0)
    out.update(_count(n))
    if gazetteer and kind:
        out.add(f"gazetteer:{kind}")
    if qualified and not gazetteer:
        out.add("qualifier")  # a place the gazetteer does not know, placed by the article
    if part and not gazetteer:
        out.add("compass-part")  # "Brent South": a part of a place the gazetteer knows
    name = spans[0].text if spans else ""
    if len(name.split()) >= 2 and name.split()[-1] in words()["company_words"]:
        out.add("against:body-word")
    if len(name.split()) >= 2 and name.split()[-1] in w["building_words"]:
        out.add("building-word")
    if not any(c.isupper() for c in name):
        out.add("against:no-capital")
    if kind == "city" and spans and all(_the_before(sp) for sp in spans):
        out.add("against:determiner")  # "surveys from the Halifax and Nationwide": a body's name
    if any(_inside_name(sp) for sp in spans) or spans and all(_starts_name(sp, w) for sp in spans):
        out.add("against:in-name")
    for span in spans:
        if _described(span) == "body" or _employer(span):
            out.add("against:org-noun")  # "companies such as X", "X, the country's biggest bank", "an analyst at X"
        if _after_honorific(span):
            out.add("against:honorific")  # "Lord X's inquiry": a person's name
        if _owned_by_body(span):
            out.add("against:org-owned")  # "the BBC's X", "Microsoft's X": a body's programme or product
        if _dateline(span):
            out.add("dateline")  # "LONDON 1996-08-30", "PARIS (Reuters) -": where the report was filed
        found = located_compound(span)
        if found:
            out.add(f"located:{found}")  # "Edinburgh-based", "Texas-born"
        root = span.root
        if root.dep_ == "pobj" and root.head.lower_ in w["locating_prepositions"] and not _match_context(span, w):
            out.add(f"preposition:{root.head.lower_}")  # not "defeat to Wales"
        doc = span.doc
        after = lexicon.place_kind_nouns().get(doc[span.end].text) if span.end < len(doc) else None
        if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in w["place_nouns"] \
                or span.end < len(doc) and doc[span.end].lower_ in w["place_nouns"] or after == "area":
            out.add("place-noun")
        elif after == "site":
            out.add("building-word")  # "Stansted airport", "the Westfalen stadium"
    return sorted(out)


def _owned_by_body(span: Span) -> bool:
    """An organization's possessive stands right before the mention: "the BBC's X", "BBC One's X",
    "Microsoft's X" (a programme, a product); a place's ("Milan's La Scala") says where it is."""
    return _owner_label(span) == "ORG"


DATELINE_DATE = re.compile(r"^\d{4}(?:-\d{2}-\d{2})?$")


def _dateline(span: Span) -> bool:
    """The mention, in capitals, opens a line and a date or a bracketed agency follows it, as a
    dateline gives where the report was filed: "LONDON 1996-08-30", "NAIROBI (Reuters) -"."""
    doc = span.doc
    if not span.text.isupper() or span.end >= len(doc):
        return False
    if span.start > 0 and "\n" not in doc[span.start - 1].whitespace_ and "\n" not in doc[span.start - 1].text:
        return False
    nxt = doc[span.end]
    return bool(DATELINE_DATE.match(nxt.text)) or nxt.text == "(" and span.end + 1 < len(doc) \
        and doc[span.end + 1].text[:1].isupper()


EMPLOYING = {"at", "with"}  # "an economist with X", "head of development at X"; not "the minister for X"


def _employer(span: Span) -> bool:
    """A person works at the mention: a noun of a person or of staff owns "at" or "with" before
    it ("an economist with X", "head of market development at X"): a body, the person's employer."""
    from .mentions import staff_nouns

    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in EMPLOYING or prep.head.pos_ != "NOUN" or not prep.head.is_lower:
        return False
    noun = prep.head
    if lemma_of(noun).lower() in staff_nouns() or noun.lower_ in staff_nouns():
        return True  # "head of market development at X", "an official at X"
    return prep.lower_ == "with" and lemma_of(noun).lower() in _person_words()  # "an economist with X"; not "protesters at X"


def _after_honorific(span: Span) -> bool:
    """An honorific stands right before the mention: "Lord X", "Mr X" name a person
    (``titles.tsv`` kind honorific)."""
    doc = span.doc
    return span.start > 0 and doc[span.start - 1].text.rstrip(".") in _honorifics()


def _sides_elsewhere(spans: list[Span]) -> int:
    """How often the article names a country as its national side, an organization
    (``nlp.components.place_metonymy``: "Scotland manager", "the loss to Ireland"), beside
    these mentions of it as a place: they say that its other mentions may be the side too."""
    if not spans or not sport_article(spans[0].doc):
        return 0
    text = " ".join(spans[0].text.split())
    w = words()
    return sum(1 for e in spans[0].doc.ents if e.label_ == "ORG" and " ".join(e.text.split()) == text
               and _match_context(e, w))


def organization_evidence(spans: list[Span], name: str) -> list[str]:
    suffixes, kinds = _org_words()
    out, n = _common(spans)
    out -= {"against:side", "against:sides"}  # a side is an organization
    if any(_match_context(s, words()) for s in spans):
        out.add("side")
    out.discard("against:work")
    out.update(_count(n))
    parts = name.split()
    if parts and (parts[-1] in suffixes or parts[-1] in words()["company_words"]):
        out.add("company-suffix")
    letters = "".join(c for c in name if c.isalpha())
    if name.isupper() and 2 <= len(letters) <= 6:
        out.add("acronym")
    for span in spans:
        doc = span.doc
        if span.start > 0 and doc[span.start - 1].lower_ in kinds:
            out.add("org-noun")
    return sorted(out)
