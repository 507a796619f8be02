"""Dates II: the families of issue 20, each with invented sentences, in both tenses and
with and without a publication date."""
from __future__ import annotations

import pytest

PUB = "2025-10-01"  # a Wednesday, in the fourth quarter and in autumn


def dates(record: dict) -> list[tuple[str, str, str | None]]:
    return [(d["text"], d["type"], d["value"]) for d in record["dates"]]


# a day and its clock time are one TIME, the zone kept as an offset where one is written
DATE_TIMES = [
    ("The quake struck on November 11, 2011 20:09 IST off the coast.", None,
     ("November 11, 2011 20:09 IST", "TIME", "2011-11-11T20:09+05:30")),
    ("The ferry sank at 9 a.m. GMT on 3 March 2011.", None,
     ("9 a.m. GMT on 3 March 2011", "TIME", "2011-03-03T09:00+00:00")),
    ("The talks will resume on Friday at 3pm in Geneva.", PUB, ("Friday at 3pm", "TIME", "2025-10-03T15:00")),
    ("The talks resumed on Monday at 3pm in Geneva.", PUB, ("Monday at 3pm", "TIME", "2025-09-29T15:00")),
    ("The vote will be held at noon on Friday.", PUB, ("noon on Friday", "TIME", "2025-10-03T12:00")),
    ("The rally began at 7 a.m. on Tuesday.", PUB, ("7 a.m. on Tuesday", "TIME", "2025-09-30T07:00")),
    ("Polls close at 10 p.m. EDT, the agency said.", PUB, ("10 p.m. EDT", "TIME", "2025-10-01T22:00-04:00")),
    ("Polls close at 10 p.m. ET, the agency said.", PUB, ("10 p.m. ET", "TIME", "2025-10-01T22:00")),
    # no anchor: the day is unknown, so is the time, but it is still one expression
    ("The talks will resume on Friday at 3pm in Geneva.", None, ("Friday at 3pm", "TIME", None)),
]


@pytest.mark.parametrize("text, published, expected", DATE_TIMES)
def test_a_day_and_its_time_are_one_time(extract_text, text, published, expected):
    found = dates(extract_text(text, published=published))
    assert expected in found, found
    assert len(found) == 1, found


# a quarter, season or month under a future verb is the next one to come
TENSE = [
    ("Shopify will launch the tool in the third quarter.", "the third quarter", "2026-Q3"),
    ("Shopify launched the tool in the third quarter.", "the third quarter", "2025-Q3"),
    ("Shopify will launch the tool in the fourth quarter.", "the fourth quarter", "2025-Q4"),
    # results are reported after the quarter ends: that is the quarter just gone
    ("Shopify will report third-quarter results next week.", "third-quarter", "2025-Q3"),
    ("The firm expects a loss for the third quarter.", "the third quarter", "2025-Q3"),
    ("The council will open the pool in the spring.", "the spring", "2026-SP"),
    ("The council opened the pool in the spring.", "the spring", "2025-SP"),
    ("The council will open the pool in June.", "June", "2026-06"),
    ("The council opened the pool in June.", "June", "2025-06"),
    ("The builders will finish the bridge by March.", "March", "2026-03"),
]


@pytest.mark.parametrize("text, expression, value", TENSE)
def test_tense_decides_the_year_of_a_period(extract_text, text, expression, value):
    found = {t: v for t, _, v in dates(extract_text(text, published=PUB))}
    assert found.get(expression) == value, found


@pytest.mark.parametrize("text", [t for t, _, _ in TENSE])
def test_without_an_anchor_a_period_stays_unresolved(extract_text, text):
    assert all(v is None for _, _, v in dates(extract_text(text))), dates(extract_text(text))


# a dateline without a year takes it from the full dates the article writes
DATELINES = [
    ("WASHINGTON, Nov 11 (Reuters) - The Senate passed the bill. It was drafted on March 3, 2011.",
     "2011-11-11"),
    ("Nov 11 - The Senate passed the bill. It was first proposed on 3 March 2011.", "2011-11-11"),
    ("LAGOS, Jan 3 (Reuters) - The assembly met again. It last met on December 28, 2011.", "2012-01-03"),
    ("OSLO, Nov 11 (Reuters) - The vote is due on Dec 5, 2011.", "2011-11-11"),
]


@pytest.mark.parametrize("text, published", DATELINES)
def test_a_year_less_dateline_takes_the_articles_year(extract_text, text, published):
    record = extract_text(text)
    assert record["published"] == published
    day = dates(record)[0]
    assert day[2] == published, dates(record)


def test_a_year_less_dateline_alone_gives_no_anchor(extract_text):
    record = extract_text("ROME, Nov 11 (Reuters) - The senate voted on Thursday.")
    assert record["published"] is None
    assert [v for _, _, v in dates(record)] == [None, None]


def test_a_dateline_keeps_its_day_under_a_publication_date(extract_text):
    record = extract_text("ROME, Nov 11 (Reuters) - The senate voted on Thursday.", published="2011-11-12")
    assert dates(record) == [("Nov 11", "DATE", "2011-11-11"), ("Thursday", "DATE", "2011-11-10")]


# "a year later" counts from the event the sentence or the one before speaks of
OFFSETS = [
    ("The mill was founded on 3 March 2001. A year later it moved to Leeds.", PUB, "A year later", "2002-03-03"),
    ("The mill was founded on 3 March 2001. A year later it moved to Leeds.", None, "A year later", "2002-03-03"),
    ("The mill was founded in 2001 and two years later it moved to Leeds.", PUB, "two years later", "2003"),
    ("In the third quarter of 2024 sales rose to $5m, from $4m a year earlier.", PUB, "a year earlier", "2023-Q3"),
    ("The mill closed in June 2010. Three months later the workers sued.", PUB, "Three months later", "2010-09"),
    # "a year ago" beside a reporting period is that period a year before ...
    ("Sales rose in the third quarter to $5m, from $4m a year ago.", PUB, "a year ago", "2024-Q3"),
    # ... but beside any other date it counts from now
    ("The mill closed on 3 March 2011. A year ago it reopened.", PUB, "A year ago", "2024"),
    # a report's quarter stays what "a year earlier" compares with, sentences later
    ("Acme reported its results for the second quarter. Revenue rose. Costs fell. Staff numbers grew. "
     "Net income was $3m, against $2m a year earlier.", PUB, "a year earlier", "2024-Q2"),
    # no event near: from the publication date, as before
    ("Sales rose. The mill will reopen a year later than planned, he said.", PUB, "a year later", "2026"),
    # an offset finer than the event is unknown rather than guessed
    ("The mill was founded in 2001. Three days later it burned down.", PUB, "Three days later", None),
]


@pytest.mark.parametrize("text, published, expression, value", OFFSETS)
def test_offsets_count_from_the_event(extract_text, text, published, expression, value):
    found = {t: v for t, _, v in dates(extract_text(text, published=published))}
    assert expression in found, found
    assert found[expression] == value, found


def test_the_following_week_counts_from_the_event(extract_text):
    found = dates(extract_text("The plant closed on 3 March 2001. The following week the workers protested.",
                               published=PUB))
    assert ("The following week", "DATE", "2001-W10") in found


# expressions that were missed
MISSED = [
    ("They won the title last season.", PUB, ("last season", "DATE", "PAST_REF")),
    ("He will retire at the end of this season.", PUB, ("this season", "DATE", "PRESENT_REF")),
    ("The club hopes to sign him next season.", None, ("next season", "DATE", "FUTURE_REF")),
    ("Trading was heavy in the morning, dealers said.", PUB, ("the morning", "TIME", "2025-10-01TMO")),
    ("She arrived on Monday and left in the afternoon.", PUB, ("the afternoon", "TIME", "2025-09-29TAF")),
    ("The rally began at 7 a. m. in the square.", PUB, ("7 a. m.", "TIME", "2025-10-01T07:00")),
    ("The shop opens at 9am.", PUB, ("9am", "TIME", "2025-10-01T09:00")),
    ("The deal will close in four days.", PUB, ("four days", "DURATION", "P4D")),
    ("The strike ended in four days.", None, ("four days", "DURATION", "P4D")),
]


@pytest.mark.parametrize("text, published, expected", MISSED)
def test_missed_expressions_are_found(extract_text, text, published, expected):
    assert expected in dates(extract_text(text, published=published))


@pytest.mark.parametrize("text", ["He read the morning papers on the train.", "She watched the evening news."])
def test_a_part_of_the_day_naming_a_thing_is_no_time(extract_text, text):
    assert dates(extract_text(text, published=PUB)) == []


def test_every_rule_example_is_found_by_its_rule(nlp):
    """Each rule of models/date_patterns.jsonl that gives examples finds a date in each."""
    from newsextract.nlp.components.provenance import date_rule
    from newsextract.timex import grammar

    checked = 0
    for rule in grammar.rules():
        for example in _examples(rule.id):
            doc = nlp(example)
            assert any(date_rule(s) == rule.id for s in doc.spans["dates"]), (rule.id, example)
            checked += 1
    assert checked >= 4


def _examples(rule_id: str) -> list[str]:
    import srsly

    from newsextract.lexicon.resources import model_file

    for obj in srsly.read_jsonl(model_file("date_patterns.jsonl")):
        if obj["id"] == rule_id:
            return obj.get("examples", [])
    return []


# a report's comparison period: the quarter or half the report is about, a year before
REPORT = "Greyfield Foods made a profit of $12m in the third quarter"
YEAR_BACK = [
    (f"{REPORT}, against $9m in the year-earlier period.", "the year-earlier period", "2024-Q3"),
    (f"{REPORT}, against $9m in the year-ago period.", "the year-ago period", "2024-Q3"),
    (f"{REPORT}. In the 2024 quarter it made $9m.", "the 2024 quarter", "2024-Q3"),
    (f"{REPORT}. Sales in last year's quarter were $40m.", "last year's quarter", "2024-Q3"),
    (f"{REPORT}, up from $9m in the corresponding period last year.", "the corresponding period last year",
     "2024-Q3"),
    (f"{REPORT}, compared with year-earlier profit of $9m.", "year-earlier", "2024-Q3"),
    (f"{REPORT}. In the year-ago third quarter it lost $2m.", "the year-ago third quarter", "2024-Q3"),
    # a half being reported on: the same half a year before
    ("Greyfield Foods lost $3m in the first half, against a profit in the year-earlier half.",
     "the year-earlier half", "2024-H1"),
]


@pytest.mark.parametrize("text, expression, value", YEAR_BACK)
def test_a_reports_comparison_period_is_its_period_a_year_before(extract_text, text, expression, value):
    found = {t: v for t, _, v in dates(extract_text(text, published=PUB))}
    assert found.get(expression) == value, found


@pytest.mark.parametrize("text, expression, value", [
    # no quarter spoken of: the year before, the last complete quarter a year before
    ("Greyfield Foods will beat its year-earlier profit.", "year-earlier", "2024"),
    ("Greyfield Foods beat the year-ago period.", "the year-ago period", "2024"),
    ("Greyfield Foods beat the year-ago quarter.", "the year-ago quarter", "2024-Q3"),
    ("Greyfield Foods made $9m in the 2023 period.", "the 2023 period", "2023"),
])
def test_a_comparison_period_without_a_report_period(extract_text, text, expression, value):
    record = extract_text(text, published=PUB)
    found = {t: v for t, _, v in dates(record)}
    assert found.get(expression) == value, found
    undated = {t: v for t, _, v in dates(extract_text(text))}
    assert undated.get(expression, "absent") == ("2023" if "2023" in expression else None), undated


@pytest.mark.parametrize("text, expression, value", [
    ("Earnings will be lower in the last half of 2026.", "the last half of 2026", "2026-H2"),
    ("Earnings were lower in the last half of 2024.", "the last half of 2024", "2024-H2"),
    ("Sales rose in the final quarter of last year.", "the final quarter of last year", "2024-Q4"),
    ("Sales will rise in the final quarter of next year.", "the final quarter of next year", "2026-Q4"),
])
def test_the_last_quarter_or_half_of_a_year_is_its_final_one(extract_text, text, expression, value):
    found = {t: v for t, _, v in dates(extract_text(text, published=PUB))}
    assert found.get(expression) == value, found
    undated = {t: v for t, _, v in dates(extract_text(text))}
    assert undated.get(expression) == (value if "20" in expression else None), undated


# three months from the publication date, the tense says which side of it a month is on;
# nearer, the nearest one ("payable Dec. 7" in October is this December, whatever the verb)
MONTHS = [
    ("The fiscal year ended Jan. 31, the company said.", "2025-10-31", "Jan. 31", "2025-01-31"),
    ("The fiscal year will end Jan. 31, the company said.", "2025-10-31", "Jan. 31", "2026-01-31"),
    ("The board hired a new chief in January.", "2025-10-27", "January", "2025-01"),
    ("The board will hire a new chief in January.", "2025-10-27", "January", "2026-01"),
    ("The crew will fly the mission in December.", "2025-03-04", "December", "2025-12"),
    ("The crew flew the mission in December.", "2025-03-04", "December", "2024-12"),
    ("The board declared a dividend payable Dec. 7.", "2025-10-27", "Dec. 7", "2025-12-07"),
    ("The fund had fallen 2% through Sept. 29.", "2025-10-30", "Sept. 29", "2025-09-29"),
]


@pytest.mark.parametrize("text, published, expression, value", MONTHS)
def test_the_tense_decides_a_month_three_months_away(extract_text, text, published, expression, value):
    found = {t: v for t, _, v in dates(extract_text(text, published=published))}
    assert found.get(expression) == value, found
    assert {t: v for t, _, v in dates(extract_text(text))}.get(expression, "absent") is None


@pytest.mark.parametrize("text, expression, value", [
    ("In nineteen ninety-one the bank failed.", "nineteen ninety-one", "1991"),
    ("The law was passed in nineteen seventy-nine.", "nineteen seventy-nine", "1979"),
    ("The plant will close by the year two thousand.", "the year two thousand", "2000"),
    ("The plant will close in the year two thousand and one.", "the year two thousand and one", "2001"),
])
def test_spoken_years_are_read(extract_text, text, expression, value):
    # a year is absolute: the same with and without a publication date
    for published in (PUB, None):
        found = {t: v for t, _, v in dates(extract_text(text, published=published))}
        assert found.get(expression) == value, found


@pytest.mark.parametrize("text", [
    "The bank printed nineteen twenty-dollar bills.",
    "Nineteen ninety-nine-cent stores closed.",
    "They sold two thousand tickets.",
])
def test_spoken_numbers_that_are_no_years(extract_text, text):
    assert not any(t[0].isalpha() and "nineteen" in t.lower() or "thousand" in t
                   for t, _, _ in dates(extract_text(text, published=PUB))), dates(extract_text(text))


def test_the_latest_period_is_the_period_reported_on(extract_text):
    text = "Greyfield Foods made a profit of $12m in the second quarter. Sales in the latest period rose 4%."
    found = {t: v for t, _, v in dates(extract_text(text, published=PUB))}
    assert found.get("the latest period") == "2025-Q2", found
    alone = {t: v for t, _, v in dates(extract_text("Sales in the latest period rose 4%.", published=PUB))}
    assert alone.get("the latest period", "absent") is None, alone  # found, but which period is not known
