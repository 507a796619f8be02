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


# a spoken year or day inside a longer date: one expression, the same with or without a publication date
@pytest.mark.parametrize("text, expression, value", [
    ("The floods came in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "1994-WI"),
    ("The mine will reopen in the spring of nineteen ninety-nine.", "the spring of nineteen ninety-nine", "1999-SP"),
    ("The mill closed in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
    ("The vote was held on March fifth, nineteen eighty-one.", "March fifth, nineteen eighty-one", "1981-03-05"),
    ("It opened on the twenty-first of June, nineteen oh five.", "the twenty-first of June, nineteen oh five",
     "1905-06-21"),
    ("The treaty will be signed on May thirty-first, two thousand and one.",
     "May thirty-first, two thousand and one", "2001-05-31"),
])
def test_spoken_years_and_days_inside_a_date(extract_text, text, expression, value):
    for published in (PUB, None):
        found = dates(extract_text(text, published=published))
        assert (expression, "DATE", value) in found, found
        assert len(found) == 1, found


@pytest.mark.parametrize("text, expression, value", [
    # a spoken day without a year takes one by the tense, like "March 5"
    ("The council will vote on March fifth.", "March fifth", "2026-03-05"),
    ("The council voted on March fifth.", "March fifth", "2025-03-05"),
    ("The parade will be on the fourth of July.", "the fourth of July", "2026-07-04"),
])
def test_a_spoken_day_takes_its_year_from_the_tense(extract_text, text, expression, value):
    assert (expression, "DATE", value) in dates(extract_text(text, published=PUB))
    assert (expression, "DATE", None) in dates(extract_text(text))


@pytest.mark.parametrize("text", [
    "In May two thousand people marched.",          # a count, not the year 2000
    "In June nineteen twenty-year-olds were hired.",
    "The May first round was close.",               # an ordinal of the round
])
def test_spoken_numbers_after_a_month_that_are_no_dates(extract_text, text):
    assert not any(any(w in t.lower() for w in ("thousand", "nineteen", "first"))
                   for t, _, _ in dates(extract_text(text, published=PUB))), dates(extract_text(text, published=PUB))


# "the year ended March 31" is a twelve-month span; "for the year" is the year spoken of
@pytest.mark.parametrize("text, expression", [
    ("For the year ended March 31, Greyfield earned $5m.", "the year"),
    ("Greyfield will earn more in the fiscal year ending June 30, 2026.", "the fiscal year"),
    ("Sales grew 4% in the year to 31 March.", "the year"),
])
def test_the_year_ending_on_a_day_is_a_duration(extract_text, text, expression):
    for published in (PUB, None):
        found = dates(extract_text(text, published=published))
        assert (expression, "DURATION", "P1Y") in found, found


@pytest.mark.parametrize("text, expression, value", [
    ("For the year, Greyfield earned $5m.", "the year", "2025"),
    ("Greyfield will earn more for the full year, its chief said.", "the full year", "2025"),
    ("Output was delayed earlier in the year by rain.", "the year", "2025"),
    # telling of an earlier year, "the year" is that one
    ("Harold Whitby won the seat in 1974. It was close. He won again later in the year.", "the year", "1974"),
    # a later year is a plan, not the year spoken of
    ("By 2030 it plans to double sales. It forecast higher earnings for the full year.", "the full year", "2025"),
])
def test_for_the_year_is_the_year_spoken_of(extract_text, text, expression, value):
    found = dates(extract_text(text, published=PUB))
    assert (expression, "DATE", value) in found, found
    undated = {t: v for t, _, v in dates(extract_text(text))}
    assert undated.get(expression, "absent") is None, undated


@pytest.mark.parametrize("text", [
    "He was named player of the year.",
    "It was the year the wall fell.",
    "The year's best film is a western.",
    "Sales rose 3% in the year before.",
])
def test_the_year_that_names_no_year(extract_text, text):
    assert not any(t.lower().endswith("year") for t, _, _ in dates(extract_text(text, published=PUB)))


# a part of the day with "early", "mid", "late", and before its day
@pytest.mark.parametrize("text, published, expected", [
    ("The shares fell in mid-afternoon yesterday.", PUB, ("mid-afternoon yesterday", "TIME", "2025-09-30TAF")),
    ("The ship will sail early morning Friday.", PUB, ("early morning Friday", "TIME", "2025-10-03TMO")),
    ("The ship sailed early morning Friday.", PUB, ("early morning Friday", "TIME", "2025-09-26TMO")),
    ("By mid afternoon the police had arrived.", PUB, ("mid afternoon", "TIME", "2025-10-01TAF")),
    ("The fire started in the late evening.", PUB, ("the late evening", "TIME", "2025-10-01TEV")),
    ("The shares fell in mid-afternoon yesterday.", None, ("mid-afternoon yesterday", "TIME", None)),
    ("The shares fell a week or so ago.", PUB, ("a week or so ago", "DATE", "2025-W39")),
])
def test_parts_of_the_day_and_rough_offsets(extract_text, text, published, expected):
    assert expected in dates(extract_text(text, published=published))


def test_early_morning_naming_a_thing_is_no_time(extract_text):
    assert dates(extract_text("The early morning raids were condemned.", published=PUB)) == []


# "the previous Friday", "that Friday", "the following Monday" count from the day the text spoke of
ANAPHORIC_DAYS = [
    ("The index closed at 2,082 on Friday, down from the previous Friday.", PUB,
     "the previous Friday", "2025-09-19"),
    ("The plant closed on March 3, 2011. The previous Friday the workers had walked out.", PUB,
     "The previous Friday", "2011-02-25"),
    ("The plant closed on March 3, 2011. That Friday the workers walked out.", PUB, "That Friday", "2011-03-04"),
    ("The plant closed on March 3, 2011. The following Monday the workers walked out.", None,
     "The following Monday", "2011-03-07"),
    ("The plant will close on Friday. The following Monday the workers will walk out.", PUB,
     "The following Monday", "2025-10-06"),
    # no day spoken of: from the publication date
    ("The index fell 4% from the previous Friday.", PUB, "the previous Friday", "2025-09-26"),
    # a month of another year spoken of: which Monday is not known
    ("The plant closed in March 2011. The following Monday the workers walked out.", PUB,
     "The following Monday", None),
    ("The plant closed. The following Monday the workers walked out.", None, "The following Monday", None),
]


@pytest.mark.parametrize("text, published, expression, value", ANAPHORIC_DAYS)
def test_weekdays_counted_from_the_day_spoken_of(extract_text, text, published, expression, value):
    found = {t: v for t, _, v in dates(extract_text(text, published=published))}
    assert expression in found, found
    assert found[expression] == value, found


@pytest.mark.parametrize("text, published, expression, value", [
    ("Acme lost $3m in the second quarter. Results for that quarter included a charge.", PUB,
     "that quarter", "2025-Q2"),
    ("Acme earned $5m in the third quarter, up from $4m in the previous quarter.", PUB,
     "the previous quarter", "2025-Q2"),
    ("Acme will earn $5m in the third quarter of 2027, after $4m in the previous quarter.", PUB,
     "the previous quarter", "2027-Q2"),
    ("Acme earned $5m in the third quarter of 2024, up from $4m in the previous quarter.", None,
     "the previous quarter", "2024-Q2"),
    # no quarter spoken of: the one before the publication date's, or unknown
    ("Acme earned $5m, up from $4m in the previous quarter.", PUB, "the previous quarter", "2025-Q3"),
    ("Results for that quarter included a charge.", PUB, "that quarter", None),
])
def test_quarters_counted_from_the_quarter_spoken_of(extract_text, text, published, expression, value):
    found = {t: v for t, _, v in dates(extract_text(text, published=published))}
    assert expression in found, found
    assert found[expression] == value, found


@pytest.mark.parametrize("text, expression", [
    ("He confirmed that Tuesday's charity match will go ahead.", "Tuesday"),
    ("He said that day trading was banned.", None),
])
def test_that_joining_a_clause_points_at_no_day(extract_text, text, expression):
    found = [t for t, _, _ in dates(extract_text(text, published=PUB))]
    assert found == ([expression] if expression else []), found


@pytest.mark.parametrize("text, published, expression, value", [
    ("Sales grew through the last half of the '80s.", PUB, "the last half of the '80s", "198"),
    ("Sales rose in the last quarter of the year.", PUB, "the last quarter of the year", "2025-Q4"),
    # said in March, a past last quarter of the year is last year's
    ("Sales rose in the last quarter of the year.", "2025-03-04", "the last quarter of the year", "2024-Q4"),
    ("Sales will rise in the last quarter of the year.", "2025-03-04", "the last quarter of the year", "2025-Q4"),
    ("Sales rose in the last quarter of the year.", None, "the last quarter of the year", None),
    ("The vote is this coming Sunday, March eighth.", PUB, "this coming Sunday, March eighth", "2026-03-08"),
    ("They lived in the camps for 2 1/2 years.", None, "2 1/2 years", "P2Y6M"),
    ("The base will stay for at least 20 more years.", PUB, "at least 20 more years", "P20Y"),
    ("The lease was extended for an additional year.", PUB, "an additional year", "P1Y"),
])
def test_parts_of_periods_and_counted_spans(extract_text, text, published, expression, value):
    found = {t: v for t, _, v in dates(extract_text(text, published=published))}
    assert expression in found, found
    assert found[expression] == value, found


@pytest.mark.parametrize("text", ["The side scored twice in the last half of the match.",
                                  "He spent the first quarter of the game on the bench."])
def test_a_half_of_a_game_is_no_half_year(extract_text, text):
    assert dates(extract_text(text, published=PUB)) == []


@pytest.mark.parametrize("text, published, expression, value", [
    ("The minister arrived in Leeds later in the day.", PUB, "the day", "2025-10-01"),
    ("On March 3, 2011 the plant closed. Earlier in the day the workers had marched.", PUB, "the day", "2011-03-03"),
    ("On March 3, 2011 the plant closed. Earlier in the day the workers had marched.", None, "the day", "2011-03-03"),
    ("The minister arrived in Leeds later in the day.", None, "the day", None),
])
def test_later_in_the_day_is_the_day_spoken_of(extract_text, text, published, expression, value):
    found = {t: v for t, _, v in dates(extract_text(text, published=published))}
    assert expression in found, found
    assert found[expression] == value, found


@pytest.mark.parametrize("text", ["She remembers the day he left.", "In the day of the internet, news is fast."])
def test_other_days_are_not_counted(extract_text, text):
    assert not any(t.lower() == "the day" for t, _, _ in dates(extract_text(text, published=PUB)))


# a day word capitalised inside a sentence names a programme, a paper or a show, not a day
NAMED_DAY_WORDS = [
    "The minister told the BBC's Today programme that the plan had failed.",
    "The minister will tell the Today programme that the plan has failed.",
    "The interview was first reported by USA Today.",
    "She will appear on the Tonight Show next to the mayor.",
    "Mr Jones told Today: \"We were misled.\"",
]


@pytest.mark.parametrize("published", [PUB, None])
@pytest.mark.parametrize("text", NAMED_DAY_WORDS)
def test_a_capitalised_day_word_inside_a_sentence_names_something(extract_text, text, published):
    found = dates(extract_text(text, published=published))
    assert not any(t.lower() in ("today", "tonight") for t, _, _ in found), found


@pytest.mark.parametrize("text, value", [
    ("Today, the minister resigned.", "2025-10-01"),
    ("Today the minister will resign.", "2025-10-01"),
    ("He said: \"Today is the day we act.\"", "2025-10-01"),
    ("The minister resigned today.", "2025-10-01"),
])
def test_the_day_words_of_a_sentence_are_still_days(extract_text, text, value):
    assert [v for t, _, v in dates(extract_text(text, published=PUB)) if t.lower() == "today"] == [value]


# a decade in words is a decade: the latest one begun by the publication date, unless its century is said
DECADE_WORDS = [
    ("Unemployment is the lowest since the seventies.", PUB, ("the seventies", "DATE", "197")),
    ("By the early seventies the town had emptied.", PUB, ("the early seventies", "DATE", "197")),
    ("The band will tour as it did in the nineteen-sixties.", PUB, ("the nineteen-sixties", "DATE", "196")),
    ("The band toured as it did in the nineteen-sixties.", None, ("the nineteen-sixties", "DATE", "196")),
    ("Sales fell through the nineties.", None, ("the nineties", "DATE", None)),
]


@pytest.mark.parametrize("text, published, expected", DECADE_WORDS)
def test_a_decade_in_words_is_a_decade(extract_text, text, published, expected):
    assert expected in dates(extract_text(text, published=published))


@pytest.mark.parametrize("text", ["He married in his late thirties.", "Both of them are in their seventies."])
def test_an_age_in_decades_is_no_date(extract_text, text):
    assert dates(extract_text(text, published=PUB)) == []


# a story told forward: each "later" counts from the time the one before reached
CHAINED = [
    ("He was arrested on 3 May 2019. Two days later he was charged. A week later he was freed.", PUB,
     [("Two days later", "2019-05-05"), ("A week later", "2019-05-12")]),
    ("He was arrested on 3 May 2019. Two days later he was charged. A week later he was freed.", None,
     [("Two days later", "2019-05-05"), ("A week later", "2019-05-12")]),
    ("He will be tried on 3 May 2027. Two days later he will be sentenced. A week later he will appeal.", PUB,
     [("Two days later", "2027-05-05"), ("A week later", "2027-05-12")]),
    # weeks do not fall into months: a month after a week is a month
    ("The talks began on June 3, 2024. The following week the army withdrew. A month later the truce collapsed.",
     PUB, [("The following week", "2024-W24"), ("A month later", "2024-07")]),
    ("The talks will begin on June 3, 2026. The following week the army will withdraw. A month later it will "
     "return.", None, [("The following week", "2026-W24"), ("A month later", "2026-07")]),
    # a comparison is no step of a story: every "a year earlier" of a report is the same quarter
    ("Sales in the third quarter of 2024 rose to $5m from $4m a year earlier. Profit was $2m, against $1m a "
     "year earlier.", PUB, [("a year earlier", "2023-Q3"), ("a year earlier", "2023-Q3")]),
]


@pytest.mark.parametrize("text, published, expected", CHAINED)
def test_later_offsets_follow_the_story(extract_text, text, published, expected):
    found = [(t, v) for t, _, v in dates(extract_text(text, published=published))]
    assert [f for f in found if f[0] in {e[0] for e in expected}] == expected, found


# an article that says when its fiscal year ends counts its fiscal quarters and years from that
FISCAL = [
    # published 2025-10-01; the fiscal year ends June 30: Q1 is July to September
    ("Acme's fiscal year ends June 30. Sales in the fiscal first quarter rose 5%.", "the fiscal first quarter",
     "2025-Q1"),
    ("Acme's fiscal year ends June 30. Sales will rise in the fiscal third quarter, it said.",
     "the fiscal third quarter", "2026-Q3"),
    ("Acme's fiscal year ends June 30. Sales rose in the fiscal third quarter.", "the fiscal third quarter",
     "2025-Q3"),
    ("Acme's fiscal year ends June 30. It expects to grow in the current fiscal year.", "the current fiscal year",
     "2025-07/2026-06"),
    # the statement may come later, and may give the start: a year starting in April ends in March
    ("The economy will slow in the next fiscal year, the ministry said. The fiscal year starts on April 1.",
     "the next fiscal year", "2026-04/2027-03"),
    ("Sales rose in the fiscal first half, the firm, whose financial year ends in March, said.",
     "the fiscal first half", "2025-H1"),
    ("The firm, whose financial year ends in March, said fiscal third-quarter sales will rise.",
     "fiscal third-quarter", "2025-Q3"),
]


@pytest.mark.parametrize("text, expression, value", FISCAL)
def test_a_fiscal_year_the_article_states_counts_its_quarters(extract_text, text, expression, value):
    found = {t: v for t, _, v in dates(extract_text(text, published=PUB))}
    assert found.get(expression) == value, found


@pytest.mark.parametrize("text, expression", [(t, e) for t, e, _ in FISCAL])
def test_without_an_anchor_a_fiscal_period_stays_unresolved(extract_text, text, expression):
    found = {t: v for t, _, v in dates(extract_text(text))}
    assert expression in found and found[expression] is None, found


@pytest.mark.parametrize("text, expression, value", [
    # nothing said of the fiscal year, or a fiscal year that is the calendar year: calendar quarters
    ("Sales will rise in the fiscal third quarter, it said.", "the fiscal third quarter", "2026-Q3"),
    ("Its fiscal year ends Dec. 31. Sales will rise in the fiscal third quarter.", "the fiscal third quarter",
     "2026-Q3"),
    ("Its fiscal year ends Dec. 31. It expects to grow in the current fiscal year.", "the current fiscal year",
     "2025"),
    # a quarter not called fiscal stays a calendar quarter, and a year written stays that year
    ("Acme's fiscal year ends June 30. Sales rose in the third quarter of 2024.", "the third quarter of 2024",
     "2024-Q3"),
    ("Acme's fiscal year ends June 30. Sales rose in fiscal 2024.", "fiscal 2024", "2024"),
])
def test_a_calendar_fiscal_year_keeps_calendar_values(extract_text, text, expression, value):
    found = {t: v for t, _, v in dates(extract_text(text, published=PUB))}
    assert found.get(expression) == value, found


# "this January" is this year's, unless the tense puts it on the other side of the publication date
@pytest.mark.parametrize("text, published, value", [
    ("The festival will return this January.", "2025-12-20", "2026-01"),
    ("The festival returned this January.", "2025-12-20", "2025-01"),
    ("With the election due this September, the figures could not have come at a worse time.", "2025-02-05",
     "2025-09"),
    ("The plant will close this December.", "2025-01-03", "2025-12"),
    ("The plant will close this June.", "2025-05-03", "2025-06"),
    ("The plant closed this March.", "2025-05-03", "2025-03"),
    ("The plant will close this June.", None, None),
])
def test_this_month_takes_the_side_of_its_tense(extract_text, text, published, value):
    found = [v for t, _, v in dates(extract_text(text, published=published)) if t.lower().startswith("this ")]
    assert found == [value]


# a plan in the present tense ("is due", "is expected", "is scheduled") is for a time to come
@pytest.mark.parametrize("text, published, value", [
    ("The vote is due in March.", PUB, "2026-03"),
    ("The vote was due in March.", PUB, "2025-03"),
    ("The report is expected in mid-March, officials said.", PUB, "2026-03"),
    ("The report was expected in March, officials said.", PUB, "2025-03"),
    ("The launch is scheduled for March.", PUB, "2026-03"),
    ("The launch is scheduled for March.", None, None),
])
def test_a_plan_in_the_present_tense_is_to_come(extract_text, text, published, value):
    assert [v for t, _, v in dates(extract_text(text, published=published)) if "March" in t] == [value]


# near the turn of a month or a year, "last"/"next" name the nearest one on that side
@pytest.mark.parametrize("text, published, value", [
    ("Prices rose last February.", "2025-03-01", "2025-02"),  # the February just ended
    ("Prices rose last February.", "2025-02-28", "2024-02"),  # not the one still running
    ("Prices will fall next February.", "2025-03-01", "2026-02"),
    ("The law will take effect next January.", "2024-12-31", "2025-01"),
    ("The plant closed last December.", "2025-01-01", "2024-12"),
    ("He left last Friday.", "2025-10-03", "2025-09-26"),  # said on a Friday: the one before
    ("He will leave next Friday.", "2025-10-03", "2025-10-10"),
    ("Prices rose last February.", None, None),
])
def test_last_and_next_near_the_turn_of_a_month(extract_text, text, published, value):
    found = [v for t, _, v in dates(extract_text(text, published=published)) if t.lower().startswith(("last", "next"))]
    assert found == [value]


# "in five years' time" is a point to come, counted from the publication date
@pytest.mark.parametrize("text, published, expected", [
    ("The plant will close in five years' time.", PUB, ("five years' time", "DATE", "2030")),
    ("A ruling is due in two weeks\u2019 time.", PUB, ("two weeks\u2019 time", "DATE", "2025-W42")),
    ("The road will reopen in a few days' time.", PUB, ("a few days' time", "DATE", "FUTURE_REF")),
    ("The plant will close in five years' time.", None, ("five years' time", "DATE", None)),
])
def test_a_span_of_time_hence_is_a_date(extract_text, text, published, expected):
    assert dates(extract_text(text, published=published)) == [expected]
