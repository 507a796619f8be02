"""Places: gazetteer kind, ISO country and coordinates; facilities; demonyms."""
from __future__ import annotations

import pytest


def _places(record):
    return {p["name"]: p for p in record["places"]}


@pytest.mark.parametrize("text, name, kind, country", [
    ("Talks resumed in Kyiv on Monday.", "Kyiv", "city", "UA"),
    ("Talks resumed in Kiev on Monday.", "Kyiv", "city", "UA"),
    ("The envoy flew to Nairobi on Friday.", "Nairobi", "city", "KE"),
    ("Exports from Brazil rose sharply.", "Brazil", "country", "BR"),
    ("Cocoa prices in Ivory Coast rose again.", "Ivory Coast", "country", "CI"),
    ("Cocoa prices in Côte d'Ivoire rose again.", "Ivory Coast", "country", "CI"),
    ("The storm moved across Asia overnight.", "Asia", "continent", None),
    ("Voters in Ontario went to the polls.", "Ontario", "region", "CA"),
    ("The match was played at Hove on Friday.", "Hove", "city", "GB"),  # a smaller town, in context
    ("Strike news\nTHE HAGUE 2026-01-05\nDockers walked out on Monday .\n", "The Hague", "city", "NL"),
    ("Shares fell on Wall Street on Tuesday.", "Wall Street", "other", "US"),
    ("The bank's board met in Frankfurt on Monday.", "Frankfurt", "city", "DE"),  # as written, not "Frankfurt am Main"
    ("Pilgrims poured into Mecca for the Hajj.", "Makkah", "city", "SA"),
    ("The fair opened in Seville on Friday.", "Seville", "city", "ES"),
    ("Lobbyists flew to Washington DC on Monday.", "Washington", "city", "US"),  # the capital, not the state
    ("Lobbyists flew to Washington, D.C., on Monday.", "Washington", "city", "US"),
])
def test_gazetteer_kind_country_and_coordinates(extract_text, text, name, kind, country):
    places = _places(extract_text(text))
    assert name in places, places
    place = places[name]
    assert (place["kind"], place["country"]) == (kind, country)
    if kind in ("city", "country"):
        assert place["lat"] is not None and place["lon"] is not None


@pytest.mark.parametrize("text, name, gazetteer_name, country", [
    ("Traders in New York shrugged off the news.", "New York", "New York City", "US"),  # lengthened by "City"
    ("The fund's office in Frankfurt closed early.", "Frankfurt", "Frankfurt am Main", "DE"),  # by lower-case words
    ("Farmers in Sao Paulo blocked the roads.", "Sao Paulo", "São Paulo", "BR"),  # without the accent
    ("Dockers in Vlore went on strike.", "Vlore", "Vlorë", "AL"),
    ("Commuters in Zurich faced delays.", "Zurich", "Zürich", "CH"),
])
def test_a_place_is_named_as_the_article_spells_it(extract_text, text, name, gazetteer_name, country):
    places = _places(extract_text(text))
    assert name in places and gazetteer_name not in places, places
    assert places[name]["country"] == country and places[name]["lat"] is not None


@pytest.mark.parametrize("text, name, written", [
    ("Talks resumed in Kiev on Monday.", "Kyiv", "Kiev"),  # another name, not another spelling
    ("Exports to the US rose.", "United States", "US"),
    ("Traders in New York City and New York said so.", "New York City", "New York"),  # it writes the gazetteer's
])
def test_another_name_of_a_place_takes_the_gazetteer_name(extract_text, text, name, written):
    places = _places(extract_text(text))
    assert name in places and written not in places, places


@pytest.mark.parametrize("text, name, country", [
    ("The minister landed at Heathrow Airport in London on Tuesday.", "Heathrow Airport", "GB"),
    ("She arrived in Madrid and was met at the Japanese Embassy.", "Japanese Embassy", "ES"),
    ("Crowds gathered outside Buckingham Palace in London.", "Buckingham Palace", "GB"),
    ("Reporters waited at the Australian High Commission in Port Moresby.", "Australian High Commission", "PG"),
])
def test_facilities_take_the_country_of_their_city(extract_text, text, name, country):
    places = _places(extract_text(text))
    assert name in places, places
    assert places[name]["kind"] == "facility"
    assert places[name]["country"] == country


@pytest.mark.parametrize("text, body", [
    ("He was met by Ana Ruiz, the deputy ambassador at the Mexican Embassy.", "Mexican Embassy"),
    ("Kenji Ito, a spokesman for the Japanese Embassy, said the visit would go ahead.", "Japanese Embassy"),
    ("A diplomat at the French Embassy in Rome confirmed the visit.", "French Embassy"),
])
def test_embassy_named_as_an_employer_is_an_organization(extract_text, text, body):
    record = extract_text(text)
    assert body in {o["name"] for o in record["organizations"]}
    assert body not in _places(record)


def test_embassy_speaking_is_an_organization(extract_text):
    record = extract_text("The Japanese Embassy said the visit would go ahead.")
    assert "Japanese Embassy" in {o["name"] for o in record["organizations"]}
    assert "Japanese Embassy" not in _places(record)


@pytest.mark.parametrize("text", [
    "The French sent observers to the border.",
    "Canadians voted on Monday.",
    "Italian officials said the deal was close.",
])
def test_demonyms_are_not_places_or_organizations(extract_text, text):
    record = extract_text(text)
    assert record["places"] == []
    assert record["organizations"] == []


def test_capital_metonymy_is_still_a_place(extract_text):
    places = _places(extract_text("Canberra said the agreement would be signed next week."))
    assert places["Canberra"]["kind"] == "city" and places["Canberra"]["country"] == "AU"


def test_seed_places_are_right(seed_records):
    expected = [{"Canada", "Ukraine", "Paris", "France", "Ottawa", "Europe"},
                {"Canada", "Ukraine", "Paris", "Ottawa", "Kyiv", "Charles de Gaulle Airport"}]
    for record, names in zip(seed_records, expected):
        places = _places(record)
        assert set(places) == names
        assert places["Paris"]["country"] == "FR"
    second = _places(seed_records[1])
    assert second["Charles de Gaulle Airport"]["kind"] == "facility"
    assert second["Charles de Gaulle Airport"]["country"] == "FR"
    assert second["Kyiv"]["country"] == "UA"
    # "Nadia Burger, the deputy ambassador at the Canadian Embassy": her employer, a body
    assert {o["name"] for o in seed_records[1]["organizations"]} == {"G7", "Canadian Embassy"}
    assert {o["name"] for o in seed_records[0]["organizations"]} == set()


@pytest.mark.parametrize("name, kind, country", [
    ("Kiev", "city", "UA"),
    ("Washington", "city", "US"),       # the capital before the state
    ("New York", "city", "US"),
    ("England", "country", "GB"),
    ("Sao Paulo", "city", "BR"),        # accents dropped in copy
    ("Ontario", "region", "CA"),
    ("Europe", "continent", None),
    ("Black Sea", "other", None),
])
def test_gazetteer_lookup(name, kind, country):
    from newsextract.lexicon.geo import lookup

    entry = lookup(name)
    assert entry is not None
    assert (entry.kind, entry.country) == (kind, country)


@pytest.mark.parametrize("word, country", [
    ("Canadian", "CA"), ("the French", "FR"), ("Britons", "GB"), ("Kurds", ""), ("Paris", None),
])
def test_demonyms(word, country):
    from newsextract.lexicon.geo import demonym_country

    assert demonym_country(word) == country


def test_dateline_place(extract_text):
    text = "Talks collapse\nTBILISI 2026-01-05\nNegotiators left the capital on Monday .\n"
    places = _places(extract_text(text))
    assert places["Tbilisi"]["country"] == "GE"


def test_towns_before_scores_are_teams(extract_text):
    text = ("Baseball results on Friday :\nAtlanta 6 Cincinnati 5\nPittsburgh 3 Denver 2\n"
            "Atlanta have now won four in a row .\n")
    record = extract_text(text)
    assert not {"Atlanta", "Cincinnati", "Pittsburgh", "Denver"} & set(_places(record))
    orgs = {o["name"]: o for o in record["organizations"]}
    assert len(orgs["Atlanta"]["mentions"]) == 2


def test_country_before_a_score_stays_a_place(extract_text):
    places = _places(extract_text("Result :\nBrazil 2 Chile 0\n"))
    assert {"Brazil", "Chile"} <= set(places)


@pytest.mark.parametrize("text, name", [
    ("Sampras won the U.S. Open on Sunday.", "United States"),
    ("Yields on U.S. Treasuries fell.", "United States"),
])
def test_place_naming_an_event_or_market_is_not_a_place(extract_text, text, name):
    assert name not in _places(extract_text(text))



@pytest.mark.parametrize("text, team", [
    ("Swansea captain Owen Price was injured in training .\nSwansea play again on Saturday .\n", "Swansea"),
    ("Leeds striker Tony Yeboah was injured in training .\nLeeds play again on Saturday .\n", "Leeds"),
    ("Coventry beat Swindon on penalties on Monday .\nSwindon had led at half-time .\n", "Swindon"),
])
def test_town_naming_a_team_is_an_organization(extract_text, text, team):
    record = extract_text(text)
    assert team not in _places(record)
    orgs = {o["name"]: o for o in record["organizations"]}
    assert len(orgs[team]["mentions"]) == 2


@pytest.mark.parametrize("text, place", [
    ("The firm's Osaka office manager Kenji Sato said sales rose .\nOsaka remains its biggest market .\n", "Osaka"),
    ("Protesters marched against Lyon city hall .\nLyon police made no arrests .\n", "Lyon"),
    ("Sports news\nTURIN 2026-03-02\nTurin beat Genoa 2-1 on Sunday .\n", "Turin"),
])
def test_places_outside_sports_or_in_datelines_stay_places(extract_text, text, place):
    places = _places(extract_text(text))
    assert place in places


@pytest.mark.parametrize("text, place", [
    ("Rebels overran the town of Qala Baran on Tuesday , residents said .", "Qala Baran"),
    ("Troops were sent to the mountain village of Tazmalt after the attack .", "Tazmalt"),
    ("Floods hit the northern state of Tamaulipas overnight .", "Tamaulipas"),
    ("The ferry reached the island of Vis-Bisevo at dawn .", "Vis-Bisevo"),
])
def test_name_after_town_of_is_a_place(extract_text, text, place):
    places = _places(extract_text(text))
    assert place in places
    assert place not in {p["name"] for p in extract_text(text)["people"]}


def test_distance_after_a_town_is_no_score(extract_text):
    text = ("Charges dropped against Surinam rebel .\n"
            "The rebels held the mining town of Moengo 56 miles ( 90 km ) east of the capital .\n")
    places = _places(extract_text(text))
    assert {"Moengo", "Suriname"} & set(places)
    assert not {o["name"] for o in extract_text(text)["organizations"]} & {"Moengo", "Surinam", "Suriname"}


@pytest.mark.parametrize("text, not_places, places", [
    ("The insurer hired a London-listed miner.", {"London"}, set()),
    ("The singer boarded a Kyiv-bound train in Warsaw.", {"Kyiv"}, {"Warsaw"}),
    ("A Hong Kong-listed bank opened an office in Lagos.", {"Hong Kong"}, {"Lagos"}),
    ("Pro-Moscow rebels and anti-Israel protesters marched in Cairo.", {"Russia", "Moscow", "Israel"}, {"Cairo"}),
    ("The Chicago-area firm moved to Denver last year.", {"Chicago"}, {"Denver"}),
])
def test_place_in_a_compound_adjective_is_not_a_place(extract_text, text, not_places, places):
    found = set(_places(extract_text(text)))
    assert not found & not_places, found
    assert places <= found


@pytest.mark.parametrize("text, place", [
    ("Rebels shelled Vakhsabad on Monday . The army said it held the hills east of Vakhsabad . "
     "Vakhsabad has been cut off since June .", "Vakhsabad"),
    ("Ny-Tromsby is a town of 900 people . Life in Ny-Tromsby is hard in winter .", "Ny-Tromsby"),
])
def test_a_name_the_article_puts_somewhere_is_a_place(extract_text, text, place):
    record = extract_text(text)
    assert place not in {p["name"] for p in record["people"]}


def test_a_person_who_speaks_is_no_place(extract_text):
    text = "Tavlin said the talks in Geneva went well . Later in Tavlin 's view the deal was close ."
    assert "Tavlin" not in _places(extract_text(text))


@pytest.mark.parametrize("text, place, country", [
    ("The Boston-based insurer hired two hundred staff last year.", "Boston", "US"),
    ("Glasgow-based developer Kiltworks said its new game sold well.", "Glasgow", "GB"),
    ("The Texas-born singer released a new album on Friday.", "Texas", "US"),
    ("A Hong Kong-headquartered bank opened an office in Lagos.", "Hong Kong", "HK"),
])
def test_a_place_saying_where_something_is_based_is_a_place(extract_text, text, place, country):
    found = _places(extract_text(text))
    assert place in found and found[place]["country"] == country, found
    assert any(e.startswith("located:") for e in found[place]["evidence"])


@pytest.mark.parametrize("text, place", [
    ("Shelling was heard in the nearby Varzob mountains on Friday.", "Varzob"),
    ("Troops moved into Khorvat province after the attack.", "Khorvat"),
    ("Talks on the disputed Ostravel region resumed in Geneva.", "Ostravel"),
    ("The plane landed at Luton airport on Tuesday evening.", "Luton"),
    ("The club has missed rent payments on its Weserland stadium.", "Weserland"),
    ("He was held at Wormwood prison for two years.", "Wormwood"),
])
def test_a_name_before_a_kind_of_place_is_a_place(extract_text, text, place):
    found = _places(extract_text(text))
    assert place in found, found
    assert {"place-noun", "building-word"} & set(found[place]["evidence"])
    record = extract_text(text)
    assert place not in {p["name"] for p in record["people"] + record["organizations"]}


@pytest.mark.parametrize("text, not_place", [
    ("Rebels took control of the Kurdish region last year.", "Kurdish"),
    ("Rebels took control of the Albanian region last year.", "Albanian"),
    ("Heathrow airport staff went on strike on Monday.", "Heathrow airport staff"),
    ("Sales rose 12% although Central and Eastern European markets were flat.", "Central"),
])
def test_a_demonym_or_direction_before_a_kind_of_place_is_no_place(extract_text, text, not_place):
    assert not_place not in _places(extract_text(text))


@pytest.mark.parametrize("text, place, country, not_place", [
    ("He will visit a temple in Pinner, north west London, on Sunday.", "London", "GB", "north west London"),
    ("Fighting flared again in northern Iraq overnight.", "Iraq", "IQ", "northern Iraq"),
    ("Storms battered south-east England on Friday.", "England", "GB", "south-east England"),
])
def test_words_of_direction_are_not_part_of_a_place(extract_text, text, place, country, not_place):
    found = _places(extract_text(text))
    assert place in found and found[place]["country"] == country, found
    assert not_place not in found


def test_a_town_qualified_by_a_part_of_a_city_takes_its_country(extract_text):
    found = _places(extract_text("He will visit a temple in Wexholm, north west London, on Sunday.", keep_all=True))
    assert found["Wexholm"]["country"] == "GB"
    assert "qualifier" in found["Wexholm"]["evidence"]


@pytest.mark.parametrize("text, place", [
    ("Jane Harlow, MP for Wexham and Tolley, said the budget was unfair.", "Wexham and Tolley"),
    ("The Conservative MP for Thornbury-on-Wye said he would vote against it.", "Thornbury-on-Wye"),
    ("But Dan Pike, Labour MP for West Farley, said the issue would soon disappear.", "West Farley"),
])
def test_the_seat_an_mp_sits_for_is_a_place(extract_text, text, place):
    record = extract_text(text)
    assert place in _places(record), record["places"]
    assert place not in {p["name"] for p in record["people"]}


@pytest.mark.parametrize("text, name", [
    ("He made his comeback in the Varlow Premiership in August.", "Varlow Premiership"),
    ("Sales of the Zentra Pro in August beat forecasts.", "Zentra Pro"),
])
def test_a_month_or_a_competition_after_a_name_does_not_place_it(extract_text, text, name):
    found = _places(extract_text(text, keep_all=True))
    assert name not in found or ("qualifier" not in found[name]["evidence"] and not found[name]["country"])


@pytest.mark.parametrize("text, name, dateline", [
    ("Port strike\nMARSEILLE 2026-03-02\nDockers walked out on Monday .\n", "Marseille", True),
    ("NAIROBI (Reuters) - The central bank held rates on Tuesday.", "Nairobi", True),
    ("The central bank in Nairobi held rates on Tuesday.", "Nairobi", False),  # not in capitals, not a line's start
    ("Port strike\nDockers in MARSEILLE walked out in 2026.\n", "Marseille", False),  # in capitals, inside the line
])
def test_a_dateline_says_where_the_report_was_filed(extract_text, text, name, dateline):
    places = _places(extract_text(text, keep_all=True))
    assert name in places, places
    assert ("dateline" in places[name]["evidence"]) is dateline
