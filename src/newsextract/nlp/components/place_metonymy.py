"""``newsextract_place_metonymy``: place names standing for something else.

- In results and standings ("Atlanta 6 Chicago 5", "Durham 114 and 81-3",
  "Wigan 4 3 1 0") a town named before a score stands for its club, an
  organization, and so does every other mention of that town in the article
  ("Cleveland's lead"); in such an article a town on either side of "v",
  "beat" or "against" is a team too. So is a town before a player's role
  ("Surrey captain Chris Lewis", "Sunderland forward"; ``models/team_role_words.txt``),
  and two towns on either side of "beat" or "v" make the article a sports one. In a sports
  report a town acting as a side (``nlp.components.sides``: "Kent dismissed Surrey", "title rivals
  Essex, Derbyshire and Surrey", "beat Karlsruhe 3-1") is its club too, unless the article
  names or quotes a player by that name ("MaliVai Washington", "said Washington"), and so
  is a town that starts the name of a club the article names ("Newcastle" beside "Newcastle
  Falcons"). A country's mention that stands as its national side in a sports report
  ("England's Josh Lewsey" in a team sport, "the loss to Ireland", "Ireland beat Wales") is
  an organization, that mention only: "a return to Scotland", "born in Italy" and a
  country in brackets after a tennis player ("Sabatini ( Argentina )") stay places.
- Two names in a fixture result ("Deportivo Coruna 1 Real Madrid 2") or either side of
  both scores ("Halifax 27-27 Preston") are teams, whatever the model called them.
- A place followed by a word from ``models/place_name_words.txt`` names an
  event, a market or a news desk ("U.S. Open", "U.S. Treasuries"): the place
  alone is not a place mention there.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ... import lexicon
from ..lemmas import lemma as lemma_of
from .blocks import BLOCKS_KEY
from .carried import Carried
from .entity_spans import replace_ents
from .provenance import CONSISTENCY, MODEL, TABLE, mark, source, stays
from .sides import after_outcome, in_team_list, match_context, sport_article

SCORE = re.compile(r"^\d{1,3}(?:-\d{1,3})?$")
UNITS = {"km", "kms", "miles", "mile", "kilometres", "kilometers", "metres", "meters", "feet", "ft", "yards", "percent",
         "%", "people", "dead", "killed", "injured"}  # "the town of Moengo 56 miles (90 km) east": no score
DATELINE = re.compile(r"^\d{4}(?:-\d{2}-\d{2})?$")
PLACE_LABELS = {"GPE", "LOC"}
TEAM_LABELS = {"GPE", "LOC", "PERSON", "ORG", "NORP", "FAC"}
LOCATING = {"at", "in", "near", "from", "to", "of"}
MATCH_WORDS = {"v", "vs", "vs.", "versus", "beat", "beats", "defeated", "against", "drew", "lost", "thrashed",
               "routed", "edged", "outclassed", "overcame", "trounced", "whipped", "blanked", "downed"}
SIDE_LISTS = ("match_words", "locating_prepositions", "side_verbs", "result_words", "team_nouns", "sport_words",
              "outcome_nouns", "building_words")
STRONG_MATCH = MATCH_WORDS - {"against", "lost", "drew"}  # words that name a game on their own


class PlaceMetonymy(Carried):
    """Data (``initialize``, kept by ``to_disk``): the words after a place that name
    something else, players' roles, given names, the words of matches and of sports
    reports (``models/evidence_words.json``), the reporting verbs and the gazetteer."""

    uses_geo = True

    def __init__(self, *, table_row_max_tokens: int = 24) -> None:
        self.table_row_max = table_row_max_tokens

    def gather(self) -> dict:
        side_words = lexicon.json("evidence_words.json")
        return {"place_name_words": lexicon.lines("place_name_words.txt"),
                "team_role_words": lexicon.words("team_role_words.txt"), "first_names": lexicon.first_names(),
                "side_words": {k: side_words[k] for k in SIDE_LISTS},
                "reporting_verbs": lexicon.reporting_verbs(), "club_name_words": lexicon.club_name_words()}

    def build(self, data: dict) -> None:
        words = data["place_name_words"]
        self.follow = {tuple(w.split()) for w in words} | {tuple(w.upper().split()) for w in words}
        self.longest = max(len(w) for w in self.follow)
        self.roles = frozenset(data["team_role_words"])
        self.first_names = frozenset(data["first_names"])
        self.side_words = {k: frozenset(v) for k, v in data["side_words"].items()}
        self.reporting = frozenset(data["reporting_verbs"])
        self.club_words = dict(data["club_name_words"])

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        _is_country = self.geo.is_country_or_continent
        ents = list(doc.ents)
        teams: set[str] = set()
        out: list[Span] = []
        changed = False
        matched: list[Span] = []
        fixtures = _fixtures(doc, ents, _is_country) | _schedule(doc, ents, _is_country)
        rows = _table_rows(doc, _is_country, self.table_row_max)
        if rows:  # "Crewe 0 Watford 2", "Leyton Orient 4 1 1 2 5 4 4": the names are clubs
            teams.update(doc[s:e].text.casefold() for s, e in rows)
            replace_ents(doc, [Span(doc, s, e, label="ORG") for s, e in rows], source=TABLE,
                         keep=lambda old, new: stays(old, TABLE) or old.label_ == "ORG" and not _has_score(old))
            ents = list(doc.ents)
        for ent in ents:
            if id(ent) in fixtures:
                teams.add(ent.text.casefold())
            if self._club_person(doc, ent):
                teams.add(ent.text.casefold())  # "Deportivo chairman Augusto Lendoiro"
            if ent.label_ in PLACE_LABELS and not _is_country(ent.text):
                after = doc[ent.end].text if ent.end < len(doc) else ""
                unit = doc[ent.end + 1].lower_ if ent.end + 1 < len(doc) else ""
                if SCORE.match(after) and unit not in UNITS or self._role_after(doc, ent):
                    teams.add(ent.text.casefold())
                elif _in_match(doc, ent):
                    matched.append(ent)
            if id(ent) in fixtures:
                ent = mark(Span(doc, ent.start, ent.end, label="ORG"), source(ent))
                changed = True
            elif ent.label_ in PLACE_LABELS and self._names_other(doc, ent):
                changed = True
                continue
            out.append(ent)
        if not teams and len({e.text.casefold() for e in matched if _in_match(doc, e, STRONG_MATCH)}) >= 2:
            teams.update(e.text.casefold() for e in matched)
        teams.update(self._sides(doc, out, _is_country))
        for k in self._country_sides(doc, out, _is_country):
            out[k] = mark(Span(doc, out[k].start, out[k].end, label="ORG"), source(out[k]))
            changed = True
        if teams:  # a sports article: "Leicestershire beat Somerset", "Arsenal v Leeds"
            teams.update(ent.text.casefold() for ent in matched)
            for k, ent in enumerate(out):
                if (ent.label_ in PLACE_LABELS or self._guessed_person(ent)) and ent.text.casefold() in teams \
                        and not _located(doc, ent):
                    out[k] = mark(Span(doc, ent.start, ent.end, label="ORG"), source(ent))
                    changed = True
        if sport_article(doc, self.side_words["sport_words"]):
            named = self._club_names(doc, out, _is_country)
            changed = changed or named is not out
            out = named
        if changed:
            doc.set_ents(out)
        return doc

    def _club_names(self, doc: Doc, ents: list[Span], _is_country) -> list[Span]:
        """In a sports report, a town's name and the club word or the capitalized plural right
        after it are one club's name: "Manchester City", "Notts County", "the Minnesota Twins",
        "the Kansas City Royals" (``models/club_name_words.tsv``; not "Niagara Falls")."""
        out: list[Span] = []
        changed = False
        for k, ent in enumerate(ents):
            if out and out[-1].end > ent.start:
                continue  # taken into the club's name before it
            end = self._club_end(doc, ent) if ent.label_ in PLACE_LABELS | {"ORG"} \
                and not _is_country(ent.text) else ent.end
            if end == ent.end:
                out.append(ent)
                continue
            if any(e.start < end and e.end > end for e in ents[k + 1:k + 3]):
                out.append(ent)  # the next name goes on past it
                continue
            out.append(mark(Span(doc, ent.start, end, label="ORG"), source(ent)))
            changed = True
        return out if changed else ents

    def _club_end(self, doc: Doc, ent: Span) -> int:
        """Where a club's name that starts with ``ent`` ends (``ent.end`` when it does not go on)."""
        end = ent.end
        for j in range(ent.end, min(len(doc), ent.end + 2)):
            t = doc[j]
            if not (t.is_title and t.is_alpha) or t.is_sent_start or t.ent_type_ not in ("", "ORG", "PERSON", "NORP", "GPE"):
                break
            kind = self.club_words.get(t.text)
            if kind == "club" or kind is None and len(t) > 3 and t.text.endswith("s") and not t.text.endswith("ss"):
                end = j + 1
            elif kind == "land":
                return ent.end
        return end

    def _sides(self, doc: Doc, ents: list[Span], _is_country) -> set[str]:
        """In a sports report, the towns and the model's given-name-less "people" that act as a
        side ("Kent dismissed Surrey", "Rotor would play Lada", "title rivals Essex, Derbyshire
        and Surrey", "Karlsruhe 's coach"): their clubs. A "person" needs a town's name or a
        list of sides: players of individual sports beat and edge each other too ("edging Fraser
        into second"). A name is a player's, not a club's, when the article names them in full
        ("Andre Agassi ... Agassi beat Sampras") or quotes them ("said Washington", also of a
        name that is a town's)."""
        w = self.side_words
        if not sport_article(doc, w["sport_words"]):
            return set()
        clubs = self._club_towns(doc, ents, _is_country)
        named = {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 and e.text.casefold() not in clubs
                 for t in e}
        players = {e.text.casefold() for e in ents if e.text in named or self._reports(e)
                   and (e.label_ == "PERSON" or e.root.head.i < e.start)}
        found = set()
        for ent in ents:
            if ent.text.casefold() in players or _located(doc, ent):
                continue
            if (ent.label_ in PLACE_LABELS and not _is_country(ent.text) or ent.label_ == "PERSON") \
                    and ent.text.casefold() in clubs:
                found.add(ent.text.casefold())  # "Newcastle director of rugby Rob Andrew" beside "Newcastle Falcons"
            elif ent.label_ in PLACE_LABELS and not _is_country(ent.text) and match_context(ent, w, self.roles) \
                    or self._guessed_person(ent) and len(ent) == 1 and (in_team_list(ent, w["team_nouns"])
                                                                        or self._town(ent.text)
                                                                        and match_context(ent, w, self.roles)):
                found.add(ent.text.casefold())
        return found

    def _country_sides(self, doc: Doc, ents: list[Span], _is_country) -> list[int]:
        """In a sports report, the mentions of a country that stand as its national side
        (``nlp.components.sides.match_context``: "England's Josh Lewsey" in a team sport,
        "the Six Nations loss to Ireland", "Ireland beat Wales", "the internationals
        against Canada, South Africa and Australia", "England prop"): each such mention,
        not the country's others ("a return to Scotland", "born in Italy", "Gabriela
        Sabatini ( Argentina )" stay places)."""
        w = self.side_words
        if not sport_article(doc, w["sport_words"]):
            return []
        return [k for k, ent in enumerate(ents) if ent.label_ in PLACE_LABELS and _is_country(ent.text)
                and (not _located(doc, ent) or after_outcome(ent, w["outcome_nouns"]))
                and match_context(ent, w, self.roles, country=_is_country)]

    def _club_towns(self, doc: Doc, ents: list[Span], _is_country) -> set[str]:
        """Towns that start the name of a club the article names: "Newcastle" beside
        "Newcastle Falcons", "Sale" beside "Sale Sharks" (a club word or a capitalized
        plural after the town, as ``_club_end`` reads them)."""
        out = set()
        for ent in ents:
            if ent.label_ in PLACE_LABELS and not _is_country(ent.text) and self._club_end(doc, ent) > ent.end:
                out.add(ent.text.casefold())  # "Carlow Otters", not yet one name
                continue
            if len(ent) < 2 or not (ent.label_ == "ORG" or self._guessed_person(ent) and self._town(ent[:-1].text)):
                continue  # "Athlone Eagles" as the model's "person"
            last = ent[-1].text
            kind = self.club_words.get(last)
            if kind == "club" or kind is None and ent[-1].is_title and len(last) > 3 and last.endswith("s") \
                    and not last.endswith("ss"):
                out.add(ent[:-1].text.casefold())
                if ent.label_ == "PERSON":
                    out.add(ent.text.casefold())
        return out

    def _reports(self, ent: Span) -> bool:
        """The name is the subject of a reporting verb ("said Washington", "Washington told")."""
        root = ent.root
        return root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX") \
            and lemma_of(root.head).lower() in self.reporting

    def _town(self, text: str) -> bool:
        """A town, county or region of the gazetteer (not a country or a continent)."""
        entry = self.geo.lookup(text)
        return entry is not None and entry.kind not in ("country", "continent")

    def _guessed_person(self, ent: Span) -> bool:
        """A "person" only the model (or its echo in the article) saw, without a given name."""
        return ent.label_ == "PERSON" and source(ent) in (MODEL, CONSISTENCY) and ent[0].text not in self.first_names

    def _club_person(self, doc: Doc, ent: Span) -> bool:
        """ "Deportivo chairman Augusto Lendoiro", "Norwich striker Keith O'Neill": a
        "person" before a player's or club's role and a name is the club."""
        return self._guessed_person(ent) and self._role_after(doc, ent)

    def _role_after(self, doc: Doc, ent: Span) -> bool:
        """A player's or official's role and a name follow: "Sunderland forward Niall
        Quinn", "Deportivo ' keeper Jacques Songo'o" (a club's plural possessive; not
        after a name ending in "s": "Jones ' coach")."""
        end = ent.end
        if end < len(doc) and doc[end].text in ("'", "’") and not ent.text.endswith("s"):
            end += 1
        return end + 1 < len(doc) and doc[end].text in self.roles and doc[end + 1].text[:1].isupper()

    def _names_other(self, doc: Doc, ent: Span) -> bool:
        for size in range(1, min(self.longest, len(ent) - 1) + 1):
            if tuple(t.text for t in ent[len(ent) - size:]) in self.follow:
                return True  # "Hong Kong Open" as one span
        for size in range(1, self.longest + 1):
            if ent.end + size <= len(doc) and tuple(t.text for t in doc[ent.end:ent.end + size]) in self.follow:
                return True
        return False


def _table_rows(doc: Doc, _is_country, row_max: int) -> list[tuple[int, int]]:
    """Club names in whole-line results and standings: "Crewe 0 Watford 2" (name,
    score, name, score, as often as the line goes on) and "Leyton Orient 4 1 1 2 5 4 4" (played = won + drawn +
    lost), in lines of at most ``row_max`` tokens. Country names stay places (national
    teams are written as the country)."""
    out: list[tuple[int, int]] = []
    for line in doc.spans.get(BLOCKS_KEY, []):
        if len(line) > row_max or not line[0].text[:1].isupper():
            continue
        parts: list[tuple[int, int] | int] = []  # name spans and numbers, in order
        i = line.start
        while i < line.end:
            token = doc[i]
            if token.is_space:
                i += 1
            elif token.text.isdigit() and len(token.text) <= 3:
                parts.append(int(token.text))
                i += 1
            elif token.is_title and token.is_alpha and token.ent_type_ not in DATE_LABELS:  # not "July 96 June 96"
                j = i
                while j < line.end and j - i < 4 and (doc[j].is_title and doc[j].is_alpha or _joins_name(doc, j, i)):
                    j += 1
                parts.append((i, j))
                i = j
            else:
                break
        if i < line.end:
            continue  # anything else in the line: not a table row
        names = [p for p in parts if isinstance(p, tuple)]
        numbers = [p for p in parts if isinstance(p, int)]
        fixture = len(parts) >= 4 and len(parts) % 2 == 0 \
            and all(isinstance(p, tuple) == (k % 2 == 0) for k, p in enumerate(parts))
        standing = len(names) == 1 and isinstance(parts[0], tuple) and len(numbers) >= 4 \
            and numbers[0] > 0 and numbers[0] == sum(numbers[1:4])
        if fixture or standing:
            out.extend(n for n in names if not _is_country(doc[n[0]:n[1]].text))
    return out


DATE_LABELS = {"DATE", "TIME"}
NAME_JOINS = {"of", "'s", "’s", "&"}  # "Queen of the South", "Queen 's Park", "Brighton & Hove Albion"


def _has_score(ent: Span) -> bool:
    """The model ran two names of a results line into one across the score ("Luton 1 Rotherham")."""
    return any(t.text.isdigit() for t in ent)


def _joins_name(doc: Doc, j: int, start: int) -> bool:
    """A small word inside a club's name, between two capitalized words."""
    return j > start and doc[j].text in NAME_JOINS and j + 1 < len(doc) and doc[j + 1].is_title


def _fixtures(doc: Doc, ents: list[Span], _is_country) -> set[int]:
    """Names in a fixture result "Crystal Palace 1 Norwich 1", "Deportivo Coruna 1
    Real Madrid 2": a name, a score, a name, a score, nothing else between; or a result
    headline, a name, both scores, a name: "Halifax 27-27 Leeds"."""
    out: set[int] = set()
    for a, b in zip(ents, ents[1:]):
        if a.label_ not in TEAM_LABELS or b.label_ not in TEAM_LABELS or _is_country(a.text) or _is_country(b.text):
            continue
        if b.start == a.end + 1 and SCORE.match(doc[a.end].text) and b.end < len(doc) \
                and SCORE.match(doc[b.end].text):
            out.update((id(a), id(b)))
        elif b.start == a.end + 1 and "-" in doc[a.end].text and SCORE.match(doc[a.end].text):
            out.update((id(a), id(b)))  # "Halifax 27-27 Leeds"
    return out


SCHEDULE_JOINS = {",", ";"}
SCHEDULE_PAIRS = 2  # "X at Y" pairs in a row that make a line a schedule


def _schedule(doc: Doc, ents: list[Span], _is_country) -> set[int]:
    """Names in a schedule of games, "KANSAS CITY AT DETROIT" and "CHICAGO AT TORONTO" on the
    next line, or "Leeds at Chelsea, Hull at Derby": at least two "X at Y" pairs in a row,
    nothing but commas and line breaks between them. The first of a pair is the visiting team;
    the second says where the game is played, a place."""
    out: set[int] = set()
    run: list[Span] = []
    k = 0
    while k + 1 < len(ents):
        a, b = ents[k], ents[k + 1]
        pair = a.label_ in TEAM_LABELS and b.label_ in TEAM_LABELS and b.start == a.end + 1 \
            and doc[a.end].lower_ == "at" and not _is_country(a.text) and not _is_country(b.text)
        if pair and (not run or all(t.is_space or t.text in SCHEDULE_JOINS for t in doc[run[-1].end:a.start])):
            run += [a, b]
            k += 2
            continue
        if len(run) >= 2 * SCHEDULE_PAIRS:
            out.update(id(e) for e in run[::2])
        run = [a, b] if pair else []
        k += 2 if pair else 1
    if len(run) >= 2 * SCHEDULE_PAIRS:
        out.update(id(e) for e in run[::2])
    return out


def _located(doc: Doc, ent: Span) -> bool:
    """ "at Headingley", "in Salzburg", "ATLANTA AT CHICAGO": a place, where games are played;
    "MILAN 1996-08-30", "ARLINGTON , Texas Aug 31": a dateline, where the story was filed."""
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.ent_type_ == "DATE" and (DATELINE.match(after.text) or after.is_title):
        return True
    return before in LOCATING or after is not None and after.lower_ == "at"


def _in_match(doc: Doc, ent: Span, words: set[str] = MATCH_WORDS) -> bool:
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    return before in words or after in words


@Language.factory("newsextract_place_metonymy", assigns=["doc.ents", "span._.nx_source"],
                  requires=["doc.ents", "doc.spans", "span._.nx_source"],
                  default_config={"table_row_max_tokens": 24})
def make_place_metonymy(nlp: Language, name: str, table_row_max_tokens: int) -> PlaceMetonymy:
    """``table_row_max_tokens``: the longest line read as a results or standings row."""
    return PlaceMetonymy(table_row_max_tokens=table_row_max_tokens)
