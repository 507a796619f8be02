"""People: PERSON entities merged into one entry per real person.

- The entry is named by the fullest form in the article ("Mark Carney");
  "Fred Smith" and "Frederick Smith" are one person, as are "Freddie" and
  "Frederick" Smith, unless their given names say two sexes.
- A word that describes the person and is no given name is not part of the
  name ("Winger Nitoglia", "Spaniard Guillermo Garcia-Lopez"); "De Marigny" is
  "Roland de Marigny".
- Honorifics and roles found beside any mention (``doc.spans["person_titles"]``)
  go to ``titles``, written out ("PM" -> "Prime Minister", "Mr." -> "Mr"), each once.
- A mention whose honorific or role says a sex ("Mrs", "Sir", "Queen";
  ``models/titles.tsv``) never joins a person whose given name says the other
  one ("Michael Howard"; ``models/given_name_sex.tsv``): "Mrs Howard" is his
  wife, a person of her own.
- A surname alone ("Carney", "Mr Carney", "CARNEY") joins the one person with
  that surname it can be. When several can ("Bill Clinton", "Hillary Clinton"),
  a name that starts with a given name wins over one that does not ("Tony
  Blair" over "Vote Blair", a slogan the model took for a name); else
  it joins the one whose role it carries ("President Clinton"), else the only
  one named since the start of the sentence before it, else the only one named
  before it at all (or, when none was named yet, as in a headline, the first
  one the article introduces after it). Otherwise it is ambiguous: it is not given
  to either, and such mentions make an entry named by the surname alone,
  since a wrong person is worse than a vague one.
- A sentence that starts with "He" or "She" right after a sentence that names
  exactly one person (of that sex, when it is known) adds that pronoun as a
  mention of the person.
- A pronoun the model took for a name ("Michael Morell - He was ...") is no
  person, unless a role stands before it ("Mr He", a Chinese surname).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from .. import lexicon
from ..records import Person, Role
from .confidence import score
from ..nlp.components.person_titles import TITLES_KEY
from ..nlp.components.provenance import AFTER, BEFORE, mark, name_side, source
from ..lexicon.geo import demonym_country
from .evidence import person_evidence
from .mentions import mention, staff_nouns
from .resolve import opening_pronouns
from .roles import descriptions, find_roles, plural_title

PERSONAL_PRONOUNS = {"i", "me", "you", "he", "him", "his", "she", "her", "hers", "it", "we", "us", "they", "them"}
HYPHENS = {"-", "‐", "‑"}
GENERATIONAL = {"jr", "jr.", "jnr", "sr", "sr.", "snr", "ii", "iii", "iv"}  # a son's "Jr": part of the name
LOCAL_SENTENCES = 1  # a bare surname may be read as the person named this many sentences before


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return lexicon.first_names()


@lru_cache(maxsize=1)
def leading_words() -> frozenset[str]:
    """Words that describe a person and are no given name ("Sprinter", "Winger"):
    ``models/person_leading_words.txt``, ``team_role_words.txt``, ``staff_nouns.txt``
    and the one-word roles of ``titles.tsv``."""
    words = set(staff_nouns())
    for name in ("person_leading_words.txt", "team_role_words.txt"):
        words.update(lexicon.words(name))
    return frozenset(words)


def _name_span(ent: Span) -> Span:
    """The name as written: a hyphenated surname whole ("Ortega-Ruiz" where the
    model found "Ruiz"), without a word that describes the person (a role, an
    occupation, a nationality: "Winger Nitoglia", "Spaniard Guillermo Garcia-Lopez")."""
    doc = ent.doc
    start = ent.start
    while start >= 2 and doc[start - 1].text in HYPHENS and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha and doc[start - 2].text[:1].isupper() \
            and not doc[start - 2].ent_type_:
        start -= 2
    if start != ent.start:
        ent = mark(Span(doc, start, ent.end, label=ent.label), source(ent))
    if len(ent) > 1 and ent[-1].text in lexicon.name_particles():  # "Luiz Inacio Lula da" | "Silva"
        grow = ent.end < len(doc) and doc[ent.end].text[:1].isupper() and doc[ent.end].is_alpha \
            and not doc[ent.end].ent_type_
        ent = mark(Span(doc, ent.start, ent.end + 1 if grow else ent.end - 1, label=ent.label), source(ent))
    party = _party_prefix(ent)
    if party and party < len(ent) and ent[party].text in _given_names():  # "Lib Dem Norman Baker"
        ent = mark(Span(doc, ent.start + party, ent.end, label=ent.label), source(ent))
    first = ent[0]
    if len(ent) < 2 or first.text in _given_names() or not ent[1].text[:1].isupper():
        return ent
    if first.lower_ in leading_words() or demonym_country(first.text) is not None or plural_title(first):
        return mark(Span(ent.doc, ent.start + 1, ent.end, label=ent.label), source(ent))
    return ent


def _party_prefix(span: Span) -> int:
    """How many of the first words of ``span`` name a political affiliation
    ("Lib Dem" in "Lib Dem Norman Baker"; ``models/party_words.txt``), else 0."""
    words = tuple(t.text for t in span[:3])
    for party in lexicon.party_words():
        if words[:len(party)] == party:
            return len(party)
    return 0


def _party_only(ent: Span, surnames: set[str]) -> bool:
    """The "name" is a party ("Lib Dem", "Liberal Democrat"): no person. One word that
    is also some person's surname in the article ("Green") stays a name."""
    return _party_prefix(ent) == len(ent) and (len(ent) > 1 or ent.text not in surnames)


@dataclass
class _Cluster:
    words: tuple[str, ...]
    sex: str | None = None
    spans: list[Span] = field(default_factory=list)
    pronoun_starts: set[int] = field(default_factory=set)  # spans that are "He"/"She" after the name
    full_starts: list[int] = field(default_factory=list)  # where the full name is written
    ambiguous: bool = False
    roles: set[str] = field(default_factory=set)  # of its named mentions, case-folded
    order: int = 0  # its place among the clusters, oldest first

    @property
    def surname(self) -> str:
        return self.words[-1]

    def same_person(self, words: tuple[str, ...]) -> bool:
        if words == self.words:
            return True
        if len(words) < 2 or len(self.words) < 2:
            return False
        short, long = sorted((words, self.words), key=len)
        if long[-len(short):] == short and (short[0] in lexicon.name_particles()
                                            or short[0].title() not in _given_names()):
            return True  # "De Marigny" is "Roland de Marigny", "Farina Elia" "Silvia Farina Elia"
        if words[-1] == self.surname and same_given_name(words[0], self.words[0]):
            return True
        # a double surname written with a hyphen or a space: "Robert Kilroy-Silk", "Kilroy Silk"
        mine, theirs = _unhyphened(self.words), _unhyphened(words)
        if (mine, theirs) == (self.words, words):
            return False
        short, long = sorted((theirs, mine), key=len)
        return short == long or long[-len(short):] == short and short[0].title() not in _given_names()

    def fits(self, sex: str | None) -> bool:
        return sex is None or self.sex is None or sex == self.sex

    def named_between(self, lo: int, hi: int) -> bool:
        """A mention starts in [lo, hi) (the spans are in text order while names are placed)."""
        i = bisect_left(self.spans, lo, key=lambda s: s.start)
        return i < len(self.spans) and self.spans[i].start < hi


class _Clusters:
    """The clusters in the order they were made, indexed by surname and by first word,
    so that placing a name looks only at the clusters it can join (every one that
    ``same_person`` accepts shares its last word), not at all of them."""

    def __init__(self) -> None:
        self.all: list[_Cluster] = []
        self._surname: dict[str, list[_Cluster]] = {}
        self._first: dict[str, list[_Cluster]] = {}

    def __iter__(self):
        return iter(self.all)

    def append(self, cluster: _Cluster) -> None:
        cluster.order = len(self.all)
        self.all.append(cluster)
        self._index(cluster)

    def rename(self, cluster: _Cluster, words: tuple[str, ...]) -> None:
        for index, key in self._keys(cluster):
            index[key].remove(cluster)
        cluster.words = words
        self._index(cluster)

    def surnamed(self, word: str) -> list[_Cluster]:
        """The clusters whose last word is ``word``, oldest first."""
        return self._surname.get(word, [])

    def first_named(self, word: str) -> list[_Cluster]:
        """The clusters of two words or more that start with ``word``, oldest first."""
        return self._first.get(word, [])

    def _keys(self, cluster: _Cluster) -> list[tuple[dict, str]]:
        words = cluster.words
        keys = [(self._surname, words[-1])]
        if len(words) > 2:  # "Robert Kilroy Silk" is also "Mr Kilroy-Silk"
            keys.append((self._surname, _double_surname(words)))
            if words[-1] in GENERATIONAL:  # "Charles Evans Jr" is also "Mr Evans"
                keys.append((self._surname, words[-2]))
        if len(words) > 1:
            keys.append((self._first, words[0]))
        return keys

    def _index(self, cluster: _Cluster) -> None:
        for index, key in self._keys(cluster):
            bucket = index.setdefault(key, [])
            bucket.insert(bisect_left(bucket, cluster.order, key=lambda c: c.order), cluster)


def _double_surname(words: tuple[str, ...]) -> str:
    """The last two words as one hyphenated surname: "kilroy-silk" for ("robert", "kilroy", "silk")."""
    return "-".join(words[-2:])


def _unhyphened(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words with a hyphenated surname split: ("robert", "kilroy", "silk") for
    ("robert", "kilroy-silk"); a hyphenated given name ("jean-paul") stays whole."""
    if len(words) < 1 or "-" not in words[-1].strip("-"):
        return words
    return words[:-1] + tuple(w for w in words[-1].split("-") if w)


def same_given_name(a: str, b: str) -> bool:
    """Two spellings of one given name (lower case): the same, a short form of the
    other ("Dan", "Daniel"), or a pet form of it ("Freddie", "Frederick"; "Johnny", "John")."""
    if a == b:
        return True
    short, long = sorted((a.rstrip("."), b.rstrip(".")), key=len)
    if len(short) >= 3 and long.startswith(short):
        return True
    for ending in ("ie", "y"):
        if short.endswith(ending) and len(short) - len(ending) >= 3:
            stem = short[:-len(ending)]
            if len(stem) >= 4 and stem[-1] == stem[-2]:
                stem = stem[:-1]  # "Freddie" -> "Fred"
            if long.startswith(stem) and long != stem + ending:
                return True
    return False


def _words(span: Span) -> tuple[str, ...]:
    """The words of a name, lower case; a hyphenated surname ("Aynsley-Green") is one word."""
    words = []
    for t in span:
        if t.is_punct and not t.text.endswith(".") and t.text not in HYPHENS:
            continue
        if words and (t.text in HYPHENS or words[-1].endswith(tuple(HYPHENS))) and not t.nbor(-1).whitespace_:
            words[-1] += t.text.casefold()
        else:
            words.append(t.text.casefold())
    return tuple(w for w in words if w not in HYPHENS)


def _display(span: Span) -> str:
    text = " ".join(span.text.split())
    return text.title() if text.isupper() and len(text) > 3 else text


def _sex(span: Span, words: tuple[str, ...], roles: list[str]) -> str | None:
    """The sex a mention states: by its honorific or role, else by its given name."""
    said = {lexicon.title_sexes()[r] for r in roles if r in lexicon.title_sexes()}
    if len(said) == 1:
        return said.pop()
    if said or len(words) < 2:
        return None
    first = span[0].text
    return lexicon.given_name_sexes().get(first if not first.isupper() else first.title())


def extract_people(doc: Doc) -> list[Person]:
    ents = [_name_span(e) for e in doc.ents if e.label_ == "PERSON"]
    surnames = {e[-1].text for e in ents if len(e) > 1}
    ents = [e for e in ents if not _party_only(e, surnames)]
    titles = _titles_by_mention(doc, ents)
    ents = [e for e in ents if not _pronoun(e) or (e.start, e.end) in titles]
    found = find_roles(doc, ents)
    sexes = {}
    for ent in ents:
        sexes[ent.start] = _sex(ent, _words(ent), titles.get((ent.start, ent.end), []))
    clusters = _Clusters()
    # full names first, so that a surname can join a full name mentioned later;
    # names with an initial ("J. Whitfield") after the others, to join the one they fit
    for ent in sorted(ents, key=lambda e: _initial(_words(e)) is not None):
        words = _words(ent)
        if len(words) < 2:
            continue
        sex = sexes[ent.start]
        cluster = _full_name_cluster(words, sex, clusters)
        if cluster is None:
            cluster = _Cluster(words, sex)
            clusters.append(cluster)
        elif len(words) > len(cluster.words):
            clusters.rename(cluster, words)
        cluster.sex = cluster.sex or sex
        cluster.full_starts.append(ent.start)
    ambiguous: dict[tuple, _Cluster] = {}
    for ent in ents:
        words = _words(ent)
        if not words:
            continue
        sex = sexes[ent.start]
        roles = titles.get((ent.start, ent.end), [])
        target = _place_mention(ent, words, sex, roles, clusters, titles)
        if target is None and len(words) == 1 and any(c.fits(sex) for c in clusters.surnamed(words[0])):
            target = ambiguous.get((words, sex))
            if target is None:
                target = ambiguous[words, sex] = _Cluster(words, ambiguous=True)
        elif target is None:
            target = _Cluster(words, sex)
            clusters.append(target)
        target.sex = target.sex or (sex if not target.ambiguous else None)
        target.spans.append(ent)
        target.roles.update(r.casefold() for r in roles)
    clusters = [c for c in clusters if c.spans] + list(ambiguous.values())
    _add_pronouns(doc, clusters)
    people = []
    for cluster in sorted(clusters, key=lambda c: min(s.start for s in c.spans)):
        spans = sorted(cluster.spans, key=lambda s: s.start)
        named = [s for s in spans if s.start not in cluster.pronoun_starts]
        best = max(named, key=lambda s: (len(_words(s)), not s.text.isupper(), -s.start))
        person = Person(name=_display(best))
        written: list[str] = []
        for span in spans:
            person.mentions.append(mention(span))
            for role in found.get((span.start, span.end), []):
                body = role.body
                person.roles.append(Role(title=role.title, organization=body.text if body is not None else None,
                                         where=(body.start_char, body.end_char) if body is not None else None,
                                         country=role.country, loose=role.loose))
                written.append(role.title)
            written.extend(titles.get((span.start, span.end), []))
        person.titles = _full_titles(written)
        person.evidence = person_evidence(spans, person.name, person.titles)
        person.confidence = score("people", person.evidence)
        people.append(person)
    _add_described_roles(doc, people)
    return people


def _add_described_roles(doc: Doc, people: list[Person]) -> None:
    """"The former Libertines singer traded blows": the body goes to the one person
    whose role has that title word and no body yet."""
    given = [(p, [r.title.split()[-1].casefold() for r in p.roles]) for p in people]  # before any is added
    for found in descriptions(doc):
        word = found.title.split()[-1].casefold()
        body = found.body
        role = Role(title=found.title, organization=body.text, where=(body.start_char, body.end_char),
                    loose=found.loose)
        fits = [p for p, words in given if word in words] if not found.indefinite else []
        if len(fits) == 1:
            if not any(r.where is not None or r.country for r in fits[0].roles
                       if r.title.split()[-1].casefold() == word):
                fits[0].roles.append(role)
            continue
        if fits or found.about is None:
            continue
        # no one has that title yet: the subject of the sentence before
        # ("Smith was assistant to Ferguson. The former Rangers boss ...")
        about = [p for p in people if any(m.start <= found.about < m.end for m in p.mentions)]
        if found.indefinite:  # "a Labour backbencher has said. Derek Wyatt said": named there first
            about = [p for p in about if min(m.start for m in p.mentions) >= body.end_char]
        if len(about) == 1:
            about[0].roles.append(role)
            if found.title not in about[0].titles:
                about[0].titles.append(found.title)


def _full_titles(written: list[str]) -> list[str]:
    """Each title once, in the order written; a title written out more fully elsewhere
    ("Secretary", "Trade Secretary") only in its full form."""
    out: list[str] = []
    seen: set[str] = set()
    for title in written:
        key = title.casefold()
        if key in seen:
            continue
        seen.add(key)
        padded = f" {key} "
        if any(padded in f" {other.casefold()} " and other.casefold() != key for other in written):
            continue
        out.append(title)
    return out


def _pronoun(ent: Span) -> bool:
    """"He", "SHE": a personal pronoun the model labelled as a name."""
    return all(t.lower_ in PERSONAL_PRONOUNS or t.is_punct for t in ent)


def _initial(words: tuple[str, ...]) -> str | None:
    """The letter of a leading initial ("j." in "J. Whitfield", "s" in "S Williams")."""
    first = words[0].rstrip(".")
    return first if len(words) > 1 and len(first) == 1 and first.isalpha() else None


def _full_name_cluster(words: tuple[str, ...], sex: str | None, clusters: _Clusters) -> _Cluster | None:
    """The person a name of two words or more names: the same name, a spelling of
    it ("Dan"/"Daniel"), or for an initial the one person it fits ("S Williams" is
    "Serena Williams" unless a "Stefan Williams" is named too)."""
    same_surname = clusters.surnamed(words[-1])
    if len(words) > 1:  # "Kilroy Silk" may be the "Robert Kilroy-Silk" named before
        same_surname = same_surname + [c for c in clusters.surnamed(_double_surname(words)) if c not in same_surname]
    same = next((c for c in same_surname if c.same_person(words) and c.fits(sex)), None)
    letter = _initial(words)
    if letter is None:
        return same
    fitting = [c for c in same_surname if len(c.words) > 1 and _initial(c.words) is None and c.fits(sex)
               and c.surname == words[-1] and c.words[0].startswith(letter)]
    if len(fitting) == 1:
        return fitting[0]
    return same if same is not None and _initial(same.words) is not None else None


def _place_mention(ent: Span, words: tuple[str, ...], sex: str | None, roles: list[str],
                   clusters: _Clusters, titles) -> _Cluster | None:
    if len(words) >= 2:
        return _full_name_cluster(words, sex, clusters)
    candidates = [c for c in clusters.surnamed(words[0]) if c.fits(sex)]  # "Carney" or "Mark Carney"
    if not candidates:
        # a first name alone joins the only person with that first name
        firsts = [c for c in clusters.first_named(words[0]) if c.fits(sex)]
        return firsts[0] if len(firsts) == 1 else None
    if len(candidates) == 1:
        return candidates[0]
    # a name that starts with a given name is a person; "Vote Blair" or "Mogul Wilson"
    # (a word the model took into a name) is not a rival to "Tony Blair"
    credible = [c for c in candidates if len(c.words) < 2 or _initial(c.words) is not None
                or c.words[0].title() in _given_names()]
    if credible and len(credible) < len(candidates):
        candidates = credible
        if len(candidates) == 1:
            return candidates[0]
    # "President Clinton": the one who carries that role
    own = {r.casefold() for r in roles if r not in lexicon.title_sexes()}
    if own:
        carriers = [c for c in candidates if own & c.roles]
        if len(carriers) == 1:
            return carriers[0]
    # the only one named since the start of the sentence before
    doc = ent.doc
    if doc.has_annotation("SENT_START"):  # a pipeline without a parser has no sentences
        lo = ent.sent.start
        for _ in range(LOCAL_SENTENCES):
            lo = _sentence_before(doc, lo)
        near = [c for c in candidates if c.named_between(lo, ent.start)]
        if len(near) == 1:
            return near[0]
        if near:
            return None
    # the only one introduced so far: "Mr Howard" before the article names another Howard
    named = [c for c in candidates if c.spans and c.spans[0].start < ent.start]
    if named:
        return named[0] if len(named) == 1 else None
    # named nowhere before (a headline): the one the article introduces first after it
    after = sorted((i, k) for k, c in enumerate(candidates) for i in c.full_starts if ent.end <= i)
    return candidates[after[0][1]] if after else None


def _sentence_before(doc: Doc, start: int) -> int:
    """Where the sentence before the one starting at ``start`` starts (blank lines skipped)."""
    i = start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i].sent.start if i >= 0 else start


def _add_pronouns(doc: Doc, clusters: list[_Cluster]) -> None:
    """"He"/"She" opening the sentence after one that names exactly one person
    (``resolve.opening_pronouns``) joins that person's mentions."""
    owner = {span.start: cluster for cluster in clusters for span in cluster.spans}
    for pronoun, cluster in opening_pronouns(doc, owner, lambda c, sex: not c.ambiguous and c.fits(sex)):
        cluster.spans.append(doc[pronoun.i:pronoun.i + 1])
        cluster.pronoun_starts.add(pronoun.i)


def _titles_by_mention(doc: Doc, people: list[Span]) -> dict[tuple[int, int], list[str]]:
    """Roles keyed by the (start, end) token span of the name they stand beside."""
    out: dict[tuple[int, int], list[str]] = {}
    titles = list(doc.spans.get(TITLES_KEY, []))
    if not titles:
        return out
    by_start: dict[int, list[Span]] = {}
    by_end: dict[int, list[Span]] = {}
    for ent in people:
        by_start.setdefault(ent.start, []).append(ent)
        by_end.setdefault(ent.end, []).append(ent)
    for role in titles:
        if name_side(role) == BEFORE:
            beside = by_start.get(role.end, [])
        elif name_side(role) == AFTER:  # "Jane Holloway, the deputy ambassador": a comma, then at most 3 words
            beside = [ent for end in range(role.start - 4, role.start) for ent in by_end.get(end, [])
                      if doc[ent.end].text == ","]
        else:
            continue
        for ent in beside:
            out.setdefault((ent.start, ent.end), []).append(role.label_)
    return out
