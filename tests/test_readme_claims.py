"""What the README says about dates, titles and facilities is what the tool does."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, published, expected", [
    # a quarter in a future sentence is the next one of that name; in a past one, the last
    ("The carmaker will launch the van in the third quarter.", "2026-11-10", "2027-Q3"),
    ("The carmaker will launch the van in the third quarter.", "2026-05-10", "2026-Q3"),
    ("The carmaker launched the van in the third quarter.", "2026-05-10", "2025-Q3"),
    ("The carmaker launched the van in the third quarter.", "2026-11-10", "2026-Q3"),
])
def test_quarter_follows_the_tense(extract_text, text, published, expected):
    rec = extract_text(text, published=published)
    assert [d["value"] for d in rec["dates"] if "quarter" in d["text"]] == [expected]


def test_year_earlier_period_is_found(extract_text):
    rec = extract_text("Sales at Harlow Foods rose 4% on the year-earlier period.", published="2026-03-02")
    found = [d for d in rec["dates"] if "year-earlier" in d["text"]]
    assert found and found[0]["value"] == "2025"


@pytest.mark.parametrize("first_line", ["Published: Monday, January 5, 2026", "5 January 2026",
                                        "Updated: January 5, 2026 10:32 GMT"])
def test_a_date_line_is_the_anchor_not_the_title(extract_text, first_line):
    rec = extract_text(f"{first_line}\n\nFerry line to open in Kiel\n\nMayor Lena Fischer said on Monday "
                       "the line opens.")
    assert rec["published"] == "2026-01-05"
    assert rec["title"] == "Ferry line to open in Kiel"


@pytest.mark.parametrize("text, name, country", [
    ("Fans gathered at the Etihad Stadium in Manchester on Saturday.", "Etihad Stadium", "GB"),
    ("The derby at the Stadio Olimpico in Rome ended 2-2.", "Stadio Olimpico", "IT"),
    ("Mexico drew 1-1 with Peru at the Estadio Azteca in Mexico City.", "Estadio Azteca", "MX"),
])
def test_stadium_is_a_facility_place(extract_text, text, name, country):
    # "Stadio", "Estadio" start a stadium's name; "Stade" is left to the model: "Stade
    # Toulousain" and "Stade Francais" are rugby clubs
    rec = extract_text(text)
    assert [(p["name"], p["kind"], p["country"]) for p in rec["places"] if p["name"] == name] == [
        (name, "facility", country)]
    assert not any(name in o["name"] for o in rec["organizations"])
