"""The one reader of newsextract's data files in ``models/``.

Every word list, table, JSON file and pattern file is read here, once per
process, and each list has one file and one name:

- ``words(name)``: a word list (one entry a line; blank lines and ``#``
  comment lines are skipped);
- ``table(name)``: a tab-separated table whose first data line is its header;
- ``data_lines(name, columns)``: the data lines of a large table, unparsed
  (the gazetteer: start-up speed), after checking its header;
- ``sorted_file(name, columns)``: a large sorted table searched on disk, nothing held in memory;
- ``mapped(name, columns)``: a large sorted table searched in place;
- ``json(name)``: a JSON object (keys starting with ``_`` are comments);
- ``jsonl(name)``: JSON Lines;
- ``patterns(name)``: spaCy patterns, one JSON object a line (``lexicon/pattern_file.py``).

and the lists more than one module reads, by their meaning: ``first_names``,
``name_particles``, ``party_words``, ``speech_verb_forms``, ``company_cues``, ``titles``,
``title_roles``, ... (and the one-module lists ``quoted_title_words``, ``spokesperson_words``,
``title_small_words``, ``institution_words``, ``body_name_suffixes``).
The results are shared: never change what they return.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from typing import Any, Iterator

from .resources import model_file


def _text(name: str) -> str:
    return model_file(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def lines(name: str) -> tuple[str, ...]:
    """The entries of a word list in file order, stripped, without blank and ``#`` comment lines."""
    out = []
    for line in _text(name).splitlines():
        word = line.strip()
        if word and not line.startswith("#"):
            out.append(word)
    return tuple(out)


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A word list as a set (see ``lines``)."""
    return frozenset(lines(name))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a tab-separated table with a header line; ``#`` comment lines are skipped."""
    with model_file(name).open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return tuple(rows)


def data_lines(name: str, columns: tuple[str, ...]) -> Iterator[str]:
    """The data lines of a large table, without their line ends and unparsed, after
    checking that its header is ``columns`` (a generated file: no comments)."""
    with model_file(name).open(encoding="utf-8", newline="") as fh:
        header = tuple(fh.readline().rstrip("\n").split("\t"))
        if header != columns:
            raise ValueError(f"models/{name}: unexpected columns {header}; rebuild it with "
                             "python tools/gazetteer_build.py")
        for line in fh:
            yield line.rstrip("\n")


def mapped(name: str, columns: tuple[str, ...]) -> "bytes | mmap.mmap":
    """A large sorted table to search in place, header line included (memory-mapped where
    the system allows, else read), after checking that its header is ``columns``."""
    import mmap

    with model_file(name).open("rb") as fh:
        header = tuple(fh.readline().decode("utf-8").rstrip("\n").split("\t"))
        if header != columns:
            raise ValueError(f"models/{name}: unexpected columns {header}; rebuild it with "
                             "python tools/gazetteer_build.py")
        try:
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            fh.seek(0)
            return fh.read()


@lru_cache(maxsize=None)
def sorted_file(name: str, columns: tuple[str, ...]):
    """A large table sorted by its first field, searched on disk by bisection
    (``lexicon.sorted_table``: nothing read at start-up, nothing held in memory), after
    checking that its header is ``columns``."""
    from .sorted_table import SortedFile

    found = SortedFile(model_file(name))
    header = tuple(found.header.decode("utf-8").split("\t"))
    if header != columns:
        raise ValueError(f"models/{name}: unexpected columns {header}; rebuild it with "
                         "python tools/gazetteer_build.py")
    return found


@lru_cache(maxsize=None)
def json(name: str) -> dict[str, Any]:
    """A JSON object, with its ``_comment``/``_about`` keys."""
    import orjson

    return orjson.loads(model_file(name).read_bytes())


def jsonl(name: str) -> list[dict[str, Any]]:
    """JSON Lines: one object a line, blank lines skipped (a new list each call)."""
    import orjson

    return [orjson.loads(line) for line in model_file(name).read_bytes().splitlines() if line.strip()]


def patterns(name: str) -> list[dict[str, Any]]:
    """spaCy patterns, one JSON object a line, checked (a new list each call)."""
    from .pattern_file import read_patterns

    return read_patterns(model_file(name))


# --- the lists several modules share ---------------------------------------------

def place_kind_nouns() -> dict[str, str]:
    """Lower-case nouns that, after a name, make it a place's, by kind ("area" or "site"):
    "Helmand province", "Stansted airport" (``place_kind_nouns.tsv``)."""
    return {row["noun"]: row["kind"] for row in table("place_kind_nouns.tsv")}


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names: the US ones (``first_names.txt``) and those of other countries
    (``first_names_world.txt``: "Giacomo", "Vladimir", "Kofi")."""
    return words("first_names.txt") | words("first_names_world.txt")


def mononym_role_nouns() -> frozenset[str]:
    """Nouns of what a person does after which one capitalized word is a person's name
    ("rapper Skepta", "striker Drogba"; ``mononym_role_nouns.txt``)."""
    return words("mononym_role_nouns.txt")


def post_nominals() -> frozenset[str]:
    """Letters written after a name that are no part of it ("MP", "QC", "OBE"; ``post_nominals.txt``)."""
    return words("post_nominals.txt")


@lru_cache(maxsize=1)
def person_role_words() -> frozenset[str]:
    """Lower-case words for what a person is or does, which a capital at the start of a
    sentence or a line may glue to a name ("Author David Mitchell", "Chief Charles
    Williams"): the one-word forms of ``titles.tsv`` (titles, roles, honorifics and
    modifiers), ``person_nouns.txt``, ``person_leading_words.txt``, ``team_role_words.txt``
    and ``staff_nouns.txt``."""
    found = {row["form"].lower().rstrip(".") for row in titles() if " " not in row["form"]}
    for name in ("person_nouns.txt", "person_leading_words.txt", "team_role_words.txt", "staff_nouns.txt"):
        found.update(w.lower() for w in words(name))
    return frozenset(w for w in found if w.isalpha())


def party_words() -> tuple[tuple[str, ...], ...]:
    """Political affiliations as written before a name, each as its words, longest first
    ("Lib Dem", "Labour"): ``party_words.txt``."""
    return _party_words()


@lru_cache(maxsize=1)
def _party_words() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(w.split()) for w in lines("party_words.txt")), key=lambda p: -len(p)))


def name_particles() -> frozenset[str]:
    """Lower-case words inside people's names ("van der", "bin", "de la"): ``name_particles.txt``."""
    return words("name_particles.txt")


@lru_cache(maxsize=1)
def speech_verb_forms() -> frozenset[str]:
    """The written forms of speech verbs that mark a name beside them as a speaker's
    ("said", "told", "saying"): ``speech_verbs.tsv``."""
    return frozenset(f for row in table("speech_verbs.tsv") for f in row["forms"].split())


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """The lemmas of the verbs that report a statement or a question ("say", "tell", "ask"):
    the ``reporting`` column of ``speech_verbs.tsv``."""
    return frozenset(row["lemma"] for row in table("speech_verbs.tsv") if row["reporting"] == "1")


@lru_cache(maxsize=1)
def quoting_verbs() -> frozenset[str]:
    """The speech verbs whose subject speaks a quotation beside them ("'We will,' she said"):
    the ``quoting`` column of ``speech_verbs.tsv``."""
    return frozenset(row["lemma"] for row in table("speech_verbs.tsv") if row["quoting"] == "1")


@lru_cache(maxsize=1)
def company_cues() -> dict[str, str]:
    """Word after a name -> how it makes the name a company's: "suffix", "cue" or "role"
    (``company_cues.txt``)."""
    return {row["word"]: row["kind"] for row in table("company_cues.txt")}


def titles() -> tuple[dict[str, str], ...]:
    """The roles and honorifics of ``titles.tsv`` (form, kind, canonical, strong, sex)."""
    return table("titles.tsv")


@lru_cache(maxsize=1)
def title_sexes() -> dict[str, str]:
    """Role or honorific as reported in ``titles`` ("Mrs", "Queen") -> "F" or "M": ``titles.tsv``."""
    out = {}
    for row in titles():
        if row.get("sex"):
            out[row["canonical"] or row["form"]] = row["sex"]
    return out


@lru_cache(maxsize=1)
def given_name_sexes() -> dict[str, str]:
    """Given name ("Michael") -> "M" or "F", for names that nearly always belong to one sex:
    ``given_name_sex.tsv``."""
    return {row["name"]: row["sex"] for row in table("given_name_sex.tsv")}


@lru_cache(maxsize=1)
def title_roles() -> frozenset[str]:
    """The one-word roles of ``titles.tsv``, lower case ("minister", "coach")."""
    return frozenset(row["form"].lower() for row in titles() if row["kind"] == "title" and " " not in row["form"])


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """The one-word roles and titles of ``titles.tsv`` a person holds, lower case
    ("minister", "producer", "captain"): neither honorifics nor modifiers."""
    return frozenset(row["form"].lower() for row in titles()
                     if row["kind"] in ("title", "role") and " " not in row["form"])


@lru_cache(maxsize=1)
def organization_posts() -> frozenset[str]:
    """Posts that exist only inside an organization ("chief executive", "spokesman"):
    ``organization_posts.txt``, lower case."""
    return words("organization_posts.txt")


@lru_cache(maxsize=1)
def office_bodies() -> dict[str, str]:
    """Office of state (lower case) -> the department it heads, for titles with no
    portfolio word ("chancellor" -> "Treasury"): ``office_bodies.tsv``."""
    return {row["title"]: row["body"] for row in table("office_bodies.tsv")}


@lru_cache(maxsize=1)
def body_kinds() -> frozenset[str]:
    """Nouns for a kind of body a title may name it by ("the club's chairman", "head
    of that tribunal"): ``organization_nouns.txt`` and ``body_kinds.txt``."""
    return words("organization_nouns.txt") | words("body_kinds.txt")


@lru_cache(maxsize=1)
def not_body_names() -> dict[str, str]:
    """Capitalized word -> "event" (the last word of a competition's or a prize's name: "Cup",
    "Tour"), "group" (a class of people standing alone: "Women") or "unit" (a time zone or
    a statistic standing alone: "GMT"): ``not_body_names.tsv``."""
    return {row["word"]: row["kind"] for row in table("not_body_names.tsv")}


@lru_cache(maxsize=1)
def club_name_words() -> dict[str, str]:
    """Capitalized word -> "club" (after a town, a club's name: "City", "United") or "land" (a
    plural that names a kind of land, not a team: "Falls", "Hills"): ``club_name_words.tsv``."""
    return {row["word"]: row["kind"] for row in table("club_name_words.tsv")}


@lru_cache(maxsize=1)
def kinship_words() -> frozenset[str]:
    """Family words ("widow", "brother"): titles, but of no body (``kinship_words.txt``)."""
    return words("kinship_words.txt")


@lru_cache(maxsize=1)
def team_titles() -> frozenset[str]:
    """A player's or coach's post in a team ("captain", "coach"): ``team_titles.txt``."""
    return words("team_titles.txt")


@lru_cache(maxsize=1)
def place_rule_words() -> dict[str, frozenset[str]]:
    """The context words of the places gazetteer's rules, by kind ("locatives", "place_kinds",
    "seat_holders", "name_joiners", "compass", "directions", "used_as_place", "settlements",
    "dateline_agencies"): ``place_rule_words.json``, whose ``_about`` says what each kind does."""
    return {k: frozenset(v) for k, v in json("place_rule_words.json").items() if not k.startswith("_")}


def place_reading_words() -> tuple[str, ...]:
    """Lower-case words before a country's name that make it read as the country ("in
    Jordan", "visited Jordan"), not as a surname: ``place_reading_words.txt``."""
    return lines("place_reading_words.txt")


def date_line_labels() -> tuple[str, ...]:
    """Lower-case words that may open a line that is only a date ("Published:", "Updated
    on"): ``date_line_labels.txt``."""
    return lines("date_line_labels.txt")


def quoted_title_words() -> frozenset[str]:
    """Lower-case words right before a quoted title that make it a work's ("the film",
    "a song called"): ``quoted_title_words.txt``."""
    return words("quoted_title_words.txt")


def spokesperson_words() -> frozenset[str]:
    """Lower-case words for whoever speaks for a body ("spokesman", "official", "statement"):
    ``spokesperson_words.txt``."""
    return words("spokesperson_words.txt")


def title_small_words() -> frozenset[str]:
    """The lower-case small words of a title in title case ("of", "the", "de"):
    ``title_small_words.txt``."""
    return words("title_small_words.txt")


def institution_words() -> frozenset[str]:
    """Lower-case last words of an institution's name that is a building or a body
    ("embassy", "consulate"): ``institution_words.txt``."""
    return words("institution_words.txt")


def body_name_suffixes() -> frozenset[str]:
    """Words a body adds to its short name ("Party"), as written: ``body_name_suffixes.txt``
    (company suffixes are in ``company_cues``)."""
    return words("body_name_suffixes.txt")


@lru_cache(maxsize=1)
def role_words() -> dict[str, frozenset[str]]:
    """The word classes of the roles extractor, by kind ("before_body", "time_words",
    "naming_verbs", "hiring_verbs", "relative_verbs", "competition_titles", "portfolio_heads",
    "no_portfolio", "department_words", "team_bodies"): ``role_words.json``, whose comments
    say what each does."""
    return {k: frozenset(v) for k, v in json("role_words.json").items() if not k.startswith("_")}
