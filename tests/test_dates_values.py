"""Dates III: values that follow TimeML's conventions, each family with invented sentences, in
both tenses, with and without a publication date."""
from __future__ import annotations

import pytest

JAN = "2026-01-07"  # a Wednesday early in the year: the months just gone are last year's
OCT = "2025-10-27"  # a Monday late in the year: the months just ahead are this year's


def dates(record: dict) -> list[tuple[str, str, str | None]]:
    return [(d["text"], d["type"], d["value"]) for d in record["dates"]]


def values(record: dict) -> dict[str, str | None]:
    return {t: v for t, _, v in dates(record)}


# a month (and day) the verb itself places: past or future wins however near the month is
FIRM_TENSE = [
    ("Halvorsen Foods reported a loss for the year ended March 31.", JAN, "March 31", "2025-03-31"),
    ("Halvorsen Foods will report its results for the year ending March 31.", JAN, "March 31", "2026-03-31"),
    ("The quarry reopened in February after the floods.", JAN, "February", "2025-02"),
    ("The quarry will reopen in February after the floods.", JAN, "February", "2026-02"),
    ("The co-operative changed to a calendar year in December.", OCT, "December", "2024-12"),
    ("The co-operative will change to a calendar year in December.", OCT, "December", "2025-12"),
    ("The ferry service ended on Nov. 30, the council said.", OCT, "Nov. 30", "2024-11-30"),
    ("The ferry service will end on Nov. 30, the council said.", OCT, "Nov. 30", "2025-11-30"),
    ("Prices have fallen since December, the survey found.", OCT, "December", "2024-12"),
]


@pytest.mark.parametrize("text, published, expression, value", FIRM_TENSE)
def test_the_verbs_own_tense_places_a_near_month(extract_text, text, published, expression, value):
    found = values(extract_text(text, published=published))
    assert found.get(expression) == value, found


@pytest.mark.parametrize("text, expression", [(t, e) for t, _, e, _ in FIRM_TENSE])
def test_a_near_month_without_an_anchor_stays_unresolved(extract_text, text, expression):
    found = values(extract_text(text))
    assert expression in found and found[expression] is None, found


# a limit or a date hanging on a noun or an adjective keeps the nearest month
@pytest.mark.parametrize("text, published, expression, value", [
    ("The board declared a dividend, payable Dec. 7.", OCT, "Dec. 7", "2025-12-07"),
    ("The offer was extended to Nov. 16 by the bidder.", OCT, "Nov. 16", "2025-11-16"),
    ("The fund bought 40,000 shares through Sept. 29.", OCT, "Sept. 29", "2025-09-29"),
    ("Marlow Bank has set Nov. 10 as the deadline for bids.", OCT, "Nov. 10", "2025-11-10"),
])
def test_a_limit_or_a_deadline_keeps_the_nearest_month(extract_text, text, published, expression, value):
    found = values(extract_text(text, published=published))
    assert found.get(expression) == value, found


# "year-end" is the last day of the year: the one to come, or in the past tense the one gone
@pytest.mark.parametrize("text, published, expression, value", [
    ("The takeover should be completed by year-end.", OCT, "year-end", "2025-12-31"),
    ("Ostrander Rail will cut 300 jobs by the year's end.", OCT, "the year's end", "2025-12-31"),
    ("The index has gained 4% since year-end.", OCT, "year-end", "2024-12-31"),
    ("Debt was cut by year-end, the bank said.", JAN, "year-end", "2025-12-31"),
    ("Debt will be cut by year-end, the bank said.", JAN, "year-end", "2026-12-31"),
])
def test_year_end_is_the_last_day_of_the_year(extract_text, text, published, expression, value):
    assert (expression, "DATE", value) in dates(extract_text(text, published=published))
    assert values(extract_text(text)).get(expression, "absent") is None


# "a few days later": no day can be counted from a vague number; TimeML marks the span of time
@pytest.mark.parametrize("text, expression, value", [
    ("The strike began on Monday. A few days later, the talks collapsed.", "A few days", "PXD"),
    ("The mill closed in 2001. Several years later it reopened as a museum.", "Several years", "PXY"),
    ("Tomasz Wierzba resigned in March. A few weeks earlier he had warned the board.", "A few weeks", "PXW"),
    ("The strike will begin on Monday. A few days later, the talks will resume.", "A few days", "PXD"),
])
def test_a_vague_offset_is_a_span_of_time(extract_text, text, expression, value):
    for published in (JAN, None):
        found = dates(extract_text(text, published=published))
        assert (expression, "DURATION", value) in found, found


@pytest.mark.parametrize("text, published, expected", [
    ("The mill closed a few years ago.", JAN, ("a few years ago", "DATE", "PAST_REF")),
    ("The mill closed in 2001. Three years later it reopened.", JAN, ("Three years later", "DATE", "2004")),
])
def test_a_counted_offset_and_ago_keep_their_dates(extract_text, text, published, expected):
    assert expected in dates(extract_text(text, published=published))


# a share of people is no span of time
@pytest.mark.parametrize("text", [
    "Almost a quarter (21%) of voters said they were undecided.",
    "Three-quarters said they would vote for the mayor.",
    "Three quarters agreed with the plan, the poll found.",
    "Nearly three quarters of respondents backed the scheme.",
    "A quarter [24%] of tenants had complained.",
])
def test_a_share_of_people_is_no_date(extract_text, text):
    for published in (JAN, None):
        assert dates(extract_text(text, published=published)) == []


@pytest.mark.parametrize("text, expected", [
    ("The last two quarters saw strong growth.", ("The last two quarters", "DURATION", "P2Q")),
    ("The firm has lost money for three quarters.", ("three quarters", "DURATION", "P3Q")),
    ("Sales will rise for three quarters in a row.", ("three quarters", "DURATION", "P3Q")),
])
def test_quarters_of_time_are_still_durations(extract_text, text, expected):
    assert expected in dates(extract_text(text, published=JAN))


# beside "the nine months" a comparison "a year earlier" is those months a year before: known to the
# year only (not the quarter a report also spoke of)
@pytest.mark.parametrize("text, expression, value", [
    ("Brantwood earned $5m in the third quarter. For the nine months, net was $15m, compared with "
     "year-earlier net of $12m.", "year-earlier", "2024"),
    ("Brantwood earned $5m in the third quarter. In the first nine months, profit rose to $15m from "
     "$12m a year earlier.", "a year earlier", "2024"),
    ("Brantwood earned $5m in the third quarter. In the first six months, it lost $2m. The 2024 period "
     "had a gain.", "The 2024 period", "2024"),
    # the quarter alone: that quarter a year before
    ("Brantwood earned $5m in the third quarter, up from $4m a year earlier.", "a year earlier", "2024-Q3"),
])
def test_a_year_earlier_beside_the_nine_months_is_that_year(extract_text, text, expression, value):
    assert values(extract_text(text, published=OCT)).get(expression) == value
    undated = values(extract_text(text)).get(expression, "absent")
    assert undated == ("2024" if "2024" in expression else None)


# a report is about the quarter it leads with; an earlier or later one it mentions is a comparison
# or an outlook, while "that quarter" is the one spoken of last
@pytest.mark.parametrize("text, expression, value", [
    ("Corran Mills posted a gain in third-quarter profit. After a flat second quarter, sales rose. "
     "Charges taken in the year-earlier period helped.", "the year-earlier period", "2024-Q3"),
    ("Corran Mills posted a gain in third-quarter profit. It expects a weak fourth quarter. "
     "Profit was $4m in the year-ago quarter.", "the year-ago quarter", "2024-Q3"),
    ("Corran Mills posted a gain in third-quarter profit. It lost $2m in the second quarter. "
     "Results for that quarter included a charge.", "that quarter", "2025-Q2"),
])
def test_a_report_is_about_the_quarter_it_leads_with(extract_text, text, expression, value):
    assert values(extract_text(text, published=OCT)).get(expression) == value
    assert values(extract_text(text)).get(expression, "absent") is None


# "effective Feb. 1": a change announced is still to come, whatever the tense of the announcement
@pytest.mark.parametrize("text, published, expression, value", [
    ("Dunmore Trust created an office of the chairman, effective Feb. 1.", OCT, "Feb. 1", "2026-02-01"),
    ("Dunmore Trust will create an office of the chairman, effective Feb. 1.", OCT, "Feb. 1", "2026-02-01"),
    ("Dunmore Trust named a new chairman, effective June 1.", OCT, "June 1", "2026-06-01"),
    # near the publication date the nearest one stays: a change that just took effect
    ("The new tariff, effective Oct. 1, raised prices.", OCT, "Oct. 1", "2025-10-01"),
])
def test_effective_dates_are_still_to_come(extract_text, text, published, expression, value):
    assert values(extract_text(text, published=published)).get(expression) == value
    assert values(extract_text(text)).get(expression, "absent") is None


# "will one day be": some time to come; elsewhere "one day" is a day's length
@pytest.mark.parametrize("text, expected", [
    ("Solar power will one day be the largest source of energy.", ("one day", "DATE", "FUTURE_REF")),
    ("Ines Moraga hopes to one day run the family firm.", ("one day", "DATE", "FUTURE_REF")),
    ("The old pier could one day reopen, the council said.", ("one day", "DATE", "FUTURE_REF")),
    ("It could take one day to repair the line.", ("one day", "DURATION", "P1D")),
    ("The strikers were given one day to leave.", ("one day", "DURATION", "P1D")),
])
def test_one_day_after_a_modal_is_some_time_to_come(extract_text, text, expected):
    for published in (JAN, None):
        assert expected in dates(extract_text(text, published=published))
