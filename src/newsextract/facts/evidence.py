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
mention of which has "the" before it: "surveys from the Halifax and Nationwide"). People also: ``name-words`` (no given name we know, but
every word capitalized and neither everyday nor a place: "Kumar Dharmasena"),
``against:lineup`` (in a sports report, in brackets after a player's name, as line-ups
give clubs: "Luca Ferri (Stade Marcellin)"), ``against:leading-article`` ("La Boheme", "Le Monde"), ``against:work`` also when the
name starts with a word the article writes before a kind of product ("Windows Messenger"
beside "Windows programs"), ``against:credit`` (a photo
credit: "REUTERS / Leonhard Foeger", "Photo: Ana Lind"). Organizations:
``company-suffix``, ``acronym``, ``org-noun`` ("the firm X").
"""
from __future__ import annotations

import calendar
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
    Election", "Slim PlayStation"); given names and place names are not everyday words."""
    from ..nlp.components.entity_spans import everyday_of

    common = everyday_of(vocab)
    first = name.split()[0].lower() if name.split() else ""
    return bool(common) and first.isalpha() and first in common and first.title() not in _given_names()


def _name_words(parts: list[str], vocab) -> bool:
    """Every word of the name is capitalized and none is an everyday verb, adjective,
    adverb or a place:
    names as foreign given names and surnames look ("Kumar Dharmasena")."""
    from ..nlp.components.entity_spans import everyday_of

    common = everyday_of(vocab) or frozenset()
    particles = lexicon.name_particles()
    words = [p for p in parts if p not in particles]
    return len(words) >= 2 and all(p[:1].isupper() and p.lower() not in common and lookup(p) is None
                                   and not (len(p) > 1 and p.isupper() and p.isalpha())  # "MSN Messenger"
                                   for p in words)


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


def _common(spans: Iterable[Span], elsewhere: int = 0) -> tuple[set[str], int]:
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
        if _quoted(span):
            out.add("against:quoted")
        if _beside_work(span, w):
            out.add("against:work")
        if _work_verb(span, w) or _made_thing(span, w):
            out.add("against:work-verb")
        if _match_context(span, w):
            out.add("against:side")
            sides += 1
    if n + elsewhere >= 2 and 2 * sides >= n + elsewhere:
        out.add("against:sides")  # most of its mentions are a side's ("France coach", "France, who lost to")
    return out, n


def _quoted(span: Span) -> bool:
    doc = span.doc
    return span.start > 0 and span.end < len(doc) and doc[span.start - 1].text in QUOTES \
        and doc[span.end].text in QUOTES and len(span) <= 8


def _beside_work(span: Span, w) -> bool:
    """"the film X", "the band X", "X software", "X Awards", "X, the show"."""
    doc = span.doc
    work = w["work_nouns"]
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in DETERMINERS and i > span.start - 3:
        i -= 1
    if i >= 0 and i < span.start and doc[i].is_lower and doc[i].lower_ in work:
        return True
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
        if nxt.text in POSSESSIVE and span.end + 1 < len(doc):
            nxt = doc[span.end + 1]
        if nxt.is_lower and nxt.pos_ in ("NOUN", "PROPN") and (nxt.lower_ in work or nxt.lower_ in w["product_words"]) \
                and not _country(span.text):
            return True  # "the Shrek film"; a country or city says where from: "UK film fans"
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


def _work_verb(span: Span, w) -> bool:
    """"starred in X", "won the X", "X, starring ..."."""
    doc = span.doc
    before = [t for t in doc[max(0, span.start - 3):span.start] if not t.is_sent_start or t.i == span.start - 1]
    if before and any(t.lower_ in w["work_verbs"] for t in before) \
            and before[-1].lower_ in ("in", "the", "an", "a", "of") \
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


def _reporting(token, w) -> bool:
    return token.pos_ in ("VERB", "AUX") and lemma_of(token).lower() in lexicon.reporting_verbs()


def person_evidence(spans: list[Span], name: str, titles: list[str]) -> list[str]:
    w = words()
    out, n = _common(spans)
    out.update(_count(n))
    parts = name.split()
    first = parts[0] if parts else ""
    if first in _given_names() or first.title() in _given_names() \
            or len(parts) >= 3 and parts[1] in _given_names():  # "Ard Jan Vetham"
        out.add("given-name")
    elif len(parts) >= 2 and len(first.rstrip(".")) == 1:
        out.add("initial")
    if len(parts) >= 2:
        out.add("full-name")
    if spans and _common_word(name, spans[0].doc.vocab):
        out.add("against:common-word")
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
    sport = bool(spans) and sport_article(spans[0].doc)
    for span in spans:
        if len(span) == 1 and span[0].pos_ == "PRON":
            out.add("pronoun")
            continue
        if _credit(span):
            out.add("against:credit")
        if sport and "given-name" not in out and sides.lineup_club(span) and not sides.minutes_after(span):
            out.add("against:lineup")  # "Luca Ferri (Stade Marcellin)": his club; not "(Joel Stransky, 48 mins)"
        root = span.root
        if root.dep_ in SUBJECTS:
            out.add("speaker" if _reporting(root.head, w) else "agent")
        doc = span.doc
        e = span.end
        if e + 2 < len(doc) and doc[e].text == "," and doc[e + 1].like_num and doc[e + 1].text.isdigit() \
                and doc[e + 2].text in (",", "and") and 10 <= int(doc[e + 1].text) <= 110:
            out.add("age")
    entry = lookup(name)
    if entry is not None:
        out.add("against:place")
    # "Will Smith" named again ("Smith's comedy"); "Sofia Coppola", whose given name is also a
    # place, only with what only a person has (a role, a pronoun, words said): not "Preston Harriers"
    person = bool(titles) or bool(out & {"speaker", "pronoun", "age"})
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
    if span.start == 0 or doc[span.start - 1].lower_ != "the" or span.text.lower().startswith("the "):
        return False
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
