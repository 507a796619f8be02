"""Sides: whether an article is a sports report and whether a name stands as a side in it.

Read by the entity evidence (``facts.evidence``: ``against:side`` for people and
places, ``side`` for organizations) and by ``newsextract_place_metonymy``, which makes a
town's club or a model-guessed "person" acting as a side an organization. The words are
those of ``models/evidence_words.json`` (kinds of context, never names) and
``models/team_role_words.txt``, given by the caller (a component carries its own).
"""
from __future__ import annotations

from spacy.attrs import LOWER, SHAPE
from spacy.tokens import Span

from ..lemmas import lemma as lemma_of

SPORT_ARTICLE = 4  # distinct sport words that make an article a sports report
SPORT_KEY = "newsextract_sport_article"
TEAM_KEY = "newsextract_team_sport"
# a player's place in a side says a team sport; these roles individual sports have too
GENERIC_ROLES = frozenset({"coach", "captain", "skipper", "vice-captain", "guard", "centre", "center", "forward",
                           "opener", "catcher"})
TEAM_SIGNS = frozenset({"squad", "line-up", "lineup", "team-mate", "team-mates", "teammate", "teammates"})
OWNERS = frozenset({"his", "her", "their", "our", "my", "its"})  # "his side", "their side's"
POSSESSIVES = ("'s", "’s", "'", "’")
GAMES = frozenset({"internationals", "game", "games", "fixtures", "tests"})  # "England's autumn internationals"
POSSESSED_REACH = 3  # tokens after a side's possessive to its player, coach or games
SCORE_SHAPES = ("d-d", "dd-d", "d-dd", "dd-dd", "ddd-d", "ddd-dd")  # "2-1", "17-16", "114-3"
LIST_REACH = 16  # tokens back to the word that opens a list of names
TRANSFERS = frozenset({"move", "switch", "transfer"})  # "a move to Spain": where a player goes, not a side


def sport_article(doc, sport_words: frozenset[str]) -> bool:
    """Whether the article is a sports report: it uses several of ``sport_words`` ("beat",
    "striker", "semi-final", "rugby"), or gives scores."""
    found = doc.user_data.get(SPORT_KEY)
    if found is None:
        strings = doc.vocab.strings
        lowers = doc.count_by(LOWER)
        seen = sum(1 for w in sport_words if strings[w] in lowers) if len(lowers) else 0
        shapes = doc.count_by(SHAPE)
        scores = sum(shapes.get(strings[s], 0) for s in SCORE_SHAPES if s in strings)
        found = doc.user_data[SPORT_KEY] = seen + min(scores, 2) >= SPORT_ARTICLE
    return found


def team_sport(doc, sport_words: frozenset[str], team_roles: frozenset[str]) -> bool:
    """Whether the article reports a team sport: a sports report (``sport_article``) that
    names a player's place in a side ("prop", "winger", "batsman"; not "coach" or "captain",
    which tennis and golf have too), a squad, a line-up, a team-mate, or "his side"."""
    found = doc.user_data.get(TEAM_KEY)
    if found is None:
        found = False
        if sport_article(doc, sport_words):
            roles = team_roles - GENERIC_ROLES
            for t in doc:
                low = t.lower_
                if t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_ \
                        and not doc[t.i + 1].whitespace_:
                    low = f"{low}-{doc[t.i + 2].lower_}"  # "fly-half", "full-back" as the tokenizer splits them
                if low in roles and t.pos_ in ("NOUN", "PROPN") or low in TEAM_SIGNS \
                        or low in ("side", "sides") and t.i > 0 and doc[t.i - 1].lower_ in OWNERS:
                    found = True
                    break
        doc.user_data[TEAM_KEY] = found
    return found


def possessive_side(span: Span, w: dict[str, frozenset[str]], team_roles: frozenset[str]) -> bool:
    """In a report on a team sport, a name whose possessive owns a player, a coach, a result
    or games: "England's Josh Lewsey", "Sale's Charlie Hodgson", "Wales' coach", "England's
    autumn internationals", "Ireland's 19-13 win". Not in tennis or golf, where "Spain's
    Rafael Nadal" gives where a player is from."""
    doc = span.doc
    e = span.end
    if e + 1 >= len(doc) or doc[e].text not in POSSESSIVES or not team_sport(doc, w["sport_words"], team_roles):
        return False
    for t in doc[e + 1:e + 1 + POSSESSED_REACH]:
        if t.ent_type_ == "PERSON" and t.ent_iob_ == "B":
            return True
        low = t.lower_
        if t.is_lower and (low in team_roles or low in w["team_nouns"] or low in w["outcome_nouns"] or low in GAMES):
            return True
        if not (t.is_lower or t.like_num or "-" in t.text and t.text.replace("-", "").isdigit()):
            return False  # "Scotland's First Minister"
    return False


def match_context(span: Span, w: dict[str, frozenset[str]], team_roles: frozenset[str], depth: int = 0,
                  country=None) -> bool:
    """The mention sits among the words of a match: within two words either side ("beat
    X", "X drew with", "signed for X", "X manager", a score "2-1"); after "defeat to" or
    "win over"; its possessive owns a player or a result in a team sport
    (``possessive_side``); in brackets after a player's name, as a line-up gives his club
    (never a country: "Gabriela Sabatini ( Argentina ) beat ..." says where she is from); or joined
    by "and" to a side ("against the United States and Canada"). ``w``: the lists of
    ``models/evidence_words.json``; ``team_roles``: ``models/team_role_words.txt``;
    ``country``: whether a name is a country's (the caller's gazetteer)."""
    doc = span.doc
    match = w["match_words"]
    if country is not None and lineup_club(span) and country(span.text):
        return False  # "Pete Sampras ( U.S. ) beat Jiri Novak": where the player is from
    if span.end < len(doc) and doc[span.end].lower_ in team_roles and doc[span.end].pos_ in ("NOUN", "PROPN"):
        return True  # "England prop", "Leeds striker"; not "taking Britain forward"
    if span.end < len(doc) and doc[span.end].lower_ in w["team_nouns"] and doc[span.end].pos_ == "NOUN" \
            and sport_article(doc, w["sport_words"]):
        return True  # "the Scotland team", "an England side"
    if span.start >= 2 and doc[span.start - 1].lower_ == "for" and doc[span.start - 2].lower_ == "signed":
        return True  # "signed for X"
    if in_team_list(span, w["team_nouns"]):
        return True
    sport = sport_article(doc, w["sport_words"])
    if sport and after_outcome(span, w["outcome_nouns"]) and span[-1].text not in w.get("building_words", ()) \
            and not (country is not None and doc[span.start - 2].lower_ in TRANSFERS and country(span.text)):
        return True  # "defeat to Wales", "the win over Scotland", "a move to Porto"; not "a move to Goodison Park"
    if sport and lineup_club(span):
        return True  # "Pierre Mignoni (Clermont)"
    if sport and possessive_side(span, w, team_roles):
        return True  # "England's Josh Lewsey"
    if span.start > 0 and doc[span.start - 1].lower_ in w["locating_prepositions"]:
        return False  # "the match in Melbourne": where it is played
    if _conjunct_of_side(span, w, team_roles, depth, country):
        return True  # "against the United States and Canada"
    # "UK film fans": the other words of a match ("fans", "victory") mean one only in a sports report
    root = span.root
    if sport and root.dep_ in ("nsubj", "dobj") and root.head.pos_ == "VERB" \
            and lemma_of(root.head).lower() in w["side_verbs"]:
        return True  # "Ipswich defeated them", "they face Wales"
    lo, hi = max(0, span.start - 2), min(len(doc), span.end + 2)
    for t in list(doc[lo:span.start]) + list(doc[span.end:hi]):
        if t.is_lower and t.lower_ in match and (sport or t.lower_ in w["result_words"]):
            return True
        if t.like_num and "-" in t.text and t.text.replace("-", "").isdigit():
            return True  # a score, "2-1"
    return False


SIDE_PREPOSITIONS = {"to", "over", "against", "by"}


def after_outcome(span: Span, outcome_nouns: frozenset[str]) -> bool:
    """"defeat to X", "the win over X", "lost to X": the other side of a result, not where it was."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].lower_ in SIDE_PREPOSITIONS \
        and doc[span.start - 2].lower_ in outcome_nouns


def lineup_club(span: Span) -> bool:
    """In a sports report, a name in brackets right after a player's name is his club or
    country, as line-ups write it: "Pierre Mignoni (Clermont)", "Bruno (Sale/ENG)"."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "(":
        return False
    return doc[span.start - 2].ent_type_ == "PERSON"  # not "Chelsea 2 (Hughes 45)": a scorer


def minutes_after(span: Span) -> bool:
    """A number follows the name, as for a substitute in a line-up ("(Andreas Ogris 77th)",
    "(Joel Stransky, 48 mins)")."""
    doc = span.doc
    nxt = [t for t in doc[span.end:span.end + 2] if t.text != ","]
    return bool(nxt) and (nxt[0].like_num or nxt[0].text[:1].isdigit())


def _conjunct_of_side(span: Span, w, team_roles, depth: int, country=None) -> bool:
    """The mention is joined by "and" to a name that is a side: the first of the list
    ("against Canada, South Africa and Australia": Australia's head is Africa, whose is Canada)."""
    root = span.root
    if depth or root.dep_ != "conj":
        return False
    head = root.head
    while head.dep_ == "conj" and head.head.i != head.i and not span.start <= head.head.i < span.end:
        head = head.head
    if head.ent_type_ not in ("GPE", "LOC", "ORG", "NORP", "PERSON") or span.start <= head.i < span.end:
        return False
    doc = span.doc
    start = head.i
    while start > 0 and doc[start].ent_iob_ == "I":  # the entity that holds the head, found by its tokens
        start -= 1
    end = head.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return match_context(doc[start:end], w, team_roles, depth + 1, country)


def in_team_list(span: Span, team_nouns: frozenset[str]) -> bool:
    """The mention is one of a list of names that a word of teams opens ("Six Nations teams
    France, Ireland, England and Wales", "rivals Australia and New Zealand")."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and span.start - i <= LIST_REACH:
        t = doc[i]
        if t.text in (",", "and", "&") or t.text[:1].isupper() and t.is_alpha and not t.is_sent_start:
            i -= 1
            continue
        return t.is_lower and t.lower_ in team_nouns and doc[i + 1].text[:1].isupper()
    return False
