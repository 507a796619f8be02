"""Which namesake an article means: qualification, the article's country and region,
nearby places, population; facilities placed by the article, not by the last place named.
All texts are invented."""
from __future__ import annotations

import math

import pytest


def _places(record):
    return {(p["name"], p["country"]): p for p in record["places"]}


def _place(record, name):
    found = [p for p in record["places"] if p["name"] == name]
    assert found, [p["name"] for p in record["places"]]
    return found[0]


def _km(a, b):
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


@pytest.mark.parametrize("text, name, country, near", [
    # explicit qualification: a state, an abbreviation, a postal code, "in", a county
    ("A tornado hit Paris, Texas, late on Sunday, flattening a school.", "Paris", "US", (33.66, -95.56)),
    ("A new mayor was sworn in at Paris, Tenn., on Monday.", "Paris", "US", (36.30, -88.33)),
    ("The rail depot in Springfield, Ill., will close next year.", "Springfield", "US", (39.80, -89.64)),
    ("Flooding closed roads around Springfield, OR on Friday.", "Springfield", "US", (44.05, -123.02)),
    ("Voters in Springfield in Ohio backed the new levy.", "Springfield", "US", (39.92, -83.81)),
    ("The council in Richmond, Virginia, raised property taxes.", "Richmond", "US", (37.55, -77.46)),
    ("A factory in Washington, Tyne and Wear, is to shed 300 jobs.", "Washington", "GB", (54.90, -1.52)),
    ("Police in Gainesville, Florida, arrested two men.", "Gainesville", "US", (29.65, -82.32)),
    ("Residents of Columbus, Georgia, lost power overnight.", "Columbus", "US", (32.46, -84.99)),
])
def test_a_qualified_name_is_the_place_in_its_qualifier(extract_text, text, name, country, near):
    place = _place(extract_text(text), name)
    assert place["country"] == country
    assert _km((place["lat"], place["lon"]), near) < 50, place
    assert isinstance(place["geonames_id"], int)


@pytest.mark.parametrize("text, name, near", [
    # the article's own region: other places of the same state pull the namesake there
    ("Illinois lawmakers met in Springfield on Tuesday. Later they drove to Chicago and Peoria, "
     "where Illinois farmers protested.", "Springfield", (39.80, -89.64)),
    ("Massachusetts officials said Springfield would get new buses. Boston and Worcester will too.",
     "Springfield", (42.10, -72.59)),
    # the places named nearby: Alexandria beside Washington and Arlington is Virginia's
    ("Commuters from Alexandria and Arlington crowded into Washington on Monday, the Virginia "
     "transport office said.", "Alexandria", (38.80, -77.05)),
    # a small town with no usual meaning, in the state the article is about
    ("Louisiana storm: Heavy rain flooded Cottonport and Pineville, and Alexandria was without "
     "power, Louisiana officials said.", "Pineville", (31.32, -92.43)),
])
def test_the_article_region_and_nearby_places_choose_the_namesake(extract_text, text, name, near):
    place = _place(extract_text(text), name)
    assert place["country"] == "US"
    assert _km((place["lat"], place["lon"]), near) < 60, place


@pytest.mark.parametrize("text, kind, country", [
    # another state: the US state in a US story, the country in a Caucasus story
    ("Voters in Georgia, Florida and Alabama went to the polls; Atlanta reported long queues.", "region", "US"),
    ("Georgia and Armenia signed a gas deal; Tbilisi will host the next round of talks with Russia.",
     "country", "GE"),
])
def test_georgia_the_state_or_the_country(extract_text, text, kind, country):
    place = _place(extract_text(text), "Georgia")
    assert (place["kind"], place["country"]) == (kind, country)
    assert place["lat"] is not None


@pytest.mark.parametrize("text, name, country", [
    # a small namesake never wins on population alone or on a passing mention of its country
    ("The fashion house opened a store in Paris. Sales in the United States fell.", "Paris", "FR"),
    ("The band played Manchester on Friday before a tour of the United States.", "Manchester", "GB"),
    ("Athens hosted the conference; delegates flew in from Chicago and Tel Aviv.", "Athens", "GR"),
])
def test_a_usual_meaning_stands_without_support(extract_text, text, name, country):
    assert _place(extract_text(text), name)["country"] == country


@pytest.mark.parametrize("text, name, country, near", [
    # the article's demonyms count for their country: the Spanish city, not the larger Venezuelan one
    ("The Spanish government sent aid. Mayor Ana Ruiz of Valencia said the city would rebuild two bridges.",
     "Valencia", "ES", (39.47, -0.38)),
    ("Mayor Carlos Vidal of Valencia thanked Venezuelan volunteers after the floods.", "Valencia", "VE",
     (10.16, -68.00)),
    # a demonym in passing does not hand a large city's name to a small namesake
    ("The Canadian trade minister arrived in Paris for two days of talks.", "Paris", "FR", (48.86, 2.35)),
    ("American fans packed the stadium as Manchester celebrated the title.", "Manchester", "GB",
     (53.48, -2.24)),
])
def test_the_article_demonyms_support_their_country(extract_text, text, name, country, near):
    place = _place(extract_text(text), name)
    assert place["country"] == country
    assert _km((place["lat"], place["lon"]), near) < 60, place


@pytest.mark.parametrize("text, name", [
    # a province named after its city (no population of its own): the name alone is the city's
    ("Spain: Mayor Ana Ruiz of Valencia said the city would open three new schools.", "Valencia"),
    ("Floods hit Madrid and Seville; in Valencia, the port was closed for a day.", "Valencia"),
])
def test_a_name_shared_by_a_city_and_its_province_is_the_city(extract_text, text, name):
    place = _place(extract_text(text), name)
    assert (place["kind"], place["country"]) == ("city", "ES")
    assert isinstance(place["geonames_id"], int)


def test_a_state_is_a_region_with_its_country_and_coordinates(extract_text):
    place = _place(extract_text("Wildfires spread across Montana and into Idaho this week."), "Montana")
    assert (place["kind"], place["country"]) == ("region", "US")
    assert _km((place["lat"], place["lon"]), (47.0, -109.6)) < 200
    assert isinstance(place["geonames_id"], int)


@pytest.mark.parametrize("text, name, country", [
    # another stadium: the place it belongs to, not the visitors' country named just before
    ("Galatasaray of Turkey travel to London's Emirates Stadium for the second leg.", "Emirates Stadium", "GB"),
    ("Fans from Portugal filled Cardiff's Millennium Stadium on Saturday.", "Millennium Stadium", "GB"),
])
def test_a_stadium_takes_the_place_that_owns_it(extract_text, text, name, country):
    place = _place(extract_text(text), name)
    assert place["kind"] == "facility"
    assert place["country"] == country


def test_a_stadium_after_a_foreign_place_does_not_take_its_country(extract_text):
    text = ("The striker flew back from Istanbul on Monday.\n\n"
            "He trained alone at the Emirates Stadium on Tuesday.")
    place = _place(extract_text(text), "Emirates Stadium")
    assert place["country"] != "TR"


def test_an_unknown_place_qualified_by_a_region_takes_its_country(extract_text):
    place = _place(extract_text("The waste is stored at Drennanfield, in Cumbria, for now.", keep_all=True),
                   "Drennanfield")
    assert place["country"] == "GB"
    assert place["lat"] is None  # its own position is not known


@pytest.mark.parametrize("name, kind, country", [
    ("North Rhine-Westphalia", "region", "DE"),
    ("Bavaria", "region", "DE"),
    ("Tyne and Wear", "region", "GB"),
    ("Cumbria", "region", "GB"),
])
def test_regions_have_coordinates(name, kind, country):
    from newsextract.lexicon.geo import lookup

    entry = lookup(name)
    assert entry is not None and (entry.kind, entry.country) == (kind, country)
    assert entry.lat is not None and entry.lon is not None


def test_candidates_are_searched_in_the_sorted_file():
    from newsextract.lexicon.geo import candidates

    paris = candidates("Paris")
    assert paris[0].country == "FR" and paris[0].capital
    assert {"US", "CA"} <= {c.country for c in paris}
    assert candidates("Zzyzxq") == ()
    assert [c.name for c in candidates("THE HAGUE")][:1] == ["The Hague"]


def test_sorted_file_finds_every_key_on_disk(tmp_path):
    from newsextract.lexicon.sorted_table import SortedFile

    keys = sorted({f"Town{n:05d}" for n in range(0, 6000, 7)} | {"A", "Zulu"})
    lines = ["alias\tvalue"]
    for k in keys:
        lines.extend(f"{k}\t{k.lower()}-{j}" + ("x" * 700 if j == 2 else "") for j in range(1 + len(k) % 3))
    path = tmp_path / "sorted.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = SortedFile(path)
    for k in keys:
        want = [line.split("\t", 1)[1].encode() for line in lines[1:] if line.split("\t", 1)[0] == k]
        assert found.lines(k.encode(), 10) == want, k
    assert found.lines(b"Town00001", 10) == []  # between two keys
    assert found.lines(b"0", 10) == [] and found.lines(b"Zz", 10) == []
    assert found.lines(b"A", 1) == [b"a-0"]
