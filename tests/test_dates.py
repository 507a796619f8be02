"""Dates through the real pipeline: what is found, its extent, its TIMEX3 type and value."""
from __future__ import annotations

import pytest

from support import assert_offsets

WED = "2026-01-07"  # a Wednesday
FRI = "2013-03-22"  # a Friday

# (sentence, publication date, expression as it must appear, type, value)
EXPRESSIONS = [
    # absolute dates, at the granularity written
    ("The summit opened on January 5, 2026 in Geneva.", None, "January 5, 2026", "DATE", "2026-01-05"),
    ("The summit opened on 5 January 2026 in Geneva.", None, "5 January 2026", "DATE", "2026-01-05"),
    ("Lagos voted on Monday, January 5, 2026.", None, "Monday, January 5, 2026", "DATE", "2026-01-05"),
    ("The deal was signed on Jan. 5, 2026.", None, "Jan. 5, 2026", "DATE", "2026-01-05"),
    ("The raid on the ship took place in May 2010.", None, "May 2010", "DATE", "2010-05"),
    ("The constitution was adopted in 1953.", None, "1953", "DATE", "1953"),
    ("Results for fiscal 1989 were weak.", None, "fiscal 1989", "DATE", "1989"),
    ("The file is dated 2026-01-05 in the archive.", None, "2026-01-05", "DATE", "2026-01-05"),
    ("The form was filed on 3/15/2024 in Ohio.", None, "3/15/2024", "DATE", "2024-03-15"),
    ("The vote was held on the 5th of January 2026.", None, "the 5th of January 2026", "DATE", "2026-01-05"),
    ("Growth slowed in early 2011, the bank said.", None, "early 2011", "DATE", "2011"),
    ("Prices rose in mid-2019 across Kenya.", None, "mid-2019", "DATE", "2019"),
    # month and day without a year: the year of the anchor, nearest first
    ("The towers will close on April 7, the agency said.", FRI, "April 7", "DATE", "2013-04-07"),
    ("On Feb. 28, the bank released a report.", "2013-03-21", "Feb. 28", "DATE", "2013-02-28"),
    ("The book is due to be published in May.", FRI, "May", "DATE", "2013-05"),
    ("The firm agreed to sell its stake in October.", FRI, "October", "DATE", "2012-10"),
    ("Police arrested both men in early August.", FRI, "early August", "DATE", "2012-08"),
    ("He went missing late last July.", FRI, "late last July", "DATE", "2012-07"),
    ("Mr Sarkozy lost his bid last May.", "2013-03-21", "last May", "DATE", "2012-05"),
    ("In January this year, troops arrived in Mali.", "1998-02-19", "January this year", "DATE", "1998-01"),
    ("The plant closed in June last year.", "1998-02-19", "June last year", "DATE", "1997-06"),
    # ranges written as one phrase
    ("The minister will travel to Oslo from January 5 to 6, 2026.", None, "January 5 to 6, 2026", "DATE",
     "2026-01-05/2026-01-06"),
    ("The plan covers 2019-2021, officials said.", None, "2019-2021", "DATE", "2019/2021"),
    ("The expedition of 1957-58 crossed Antarctica.", None, "1957-58", "DATE", "1957/1958"),
    ("The fair runs 12-14 March 2026 in Leipzig.", None, "12-14 March 2026", "DATE", "2026-03-12/2026-03-14"),
    ("The strike lasted from March to May 2026.", None, "March to May 2026", "DATE", "2026-03/2026-05"),
    ("The festival runs from December 30 to January 2.", WED, "December 30 to January 2", "DATE",
     "2025-12-30/2026-01-02"),
    # weekdays: a past sentence means the last one, a future one the next one
    ("The minister said on Monday that talks had stalled.", WED, "Monday", "DATE", "2026-01-05"),
    ("The minister will fly to Nairobi on Monday.", WED, "Monday", "DATE", "2026-01-12"),
    ("Talks begin Friday in Doha.", WED, "Friday", "DATE", "2026-01-09"),
    ("The vote is on Friday in Lusaka.", WED, "Friday", "DATE", "2026-01-09"),
    ("The CDC said Friday that deaths rose.", FRI, "Friday", "DATE", "2013-03-22"),
    ("George Lowe died in Ripley on Wednesday.", FRI, "Wednesday", "DATE", "2013-03-20"),
    ("She resigned last Tuesday.", WED, "last Tuesday", "DATE", "2026-01-06"),
    ("She resigned last Wednesday.", WED, "last Wednesday", "DATE", "2025-12-31"),
    ("The council meets next Thursday.", WED, "next Thursday", "DATE", "2026-01-08"),
    ("The envoy left Kabul on Friday afternoon.", FRI, "Friday afternoon", "TIME", "2013-03-22TAF"),
    ("The match was postponed until 15:00 GMT Saturday.", FRI, "15:00 GMT Saturday", "TIME",
     "2013-03-23T15:00+00:00"),
    # day words and parts of the day
    ("The company said yesterday that profit fell.", WED, "yesterday", "DATE", "2026-01-06"),
    ("The results are published today.", WED, "today", "DATE", "2026-01-07"),
    ("The court rules tomorrow.", WED, "tomorrow", "DATE", "2026-01-08"),
    ("Rebels shelled the city last night.", WED, "last night", "TIME", "2026-01-06TNI"),
    ("The mayor spoke this morning.", WED, "this morning", "TIME", "2026-01-07TMO"),
    ("The talks resume tonight.", WED, "tonight", "TIME", "2026-01-07TNI"),
    ("The shop opens at 2:30 pm.", WED, "2:30 pm", "TIME", "2026-01-07T14:30"),
    ("The polls close at 8 p.m. local time.", WED, "8 p.m. local time", "TIME", "2026-01-07T20:00"),
    ("The ceasefire begins at noon.", WED, "noon", "TIME", "2026-01-07T12:00"),
    ("Trading was halted at midnight Friday.", FRI, "midnight Friday", "TIME", "2013-03-22T24:00"),
    # weeks, months, quarters, years relative to the anchor
    ("Exports fell last week.", WED, "last week", "DATE", "2026-W01"),
    ("Google launched the app this week.", FRI, "this week", "DATE", "2013-W12"),
    ("Ministers meet again next week.", WED, "next week", "DATE", "2026-W03"),
    ("Smog worsened this month.", "2013-03-21", "this month", "DATE", "2013-03"),
    ("Last month, the plant shut down.", "2013-03-21", "Last month", "DATE", "2013-02"),
    ("The law takes effect next month.", WED, "next month", "DATE", "2026-02"),
    ("The Senate passed the bill last year.", "2013-03-21", "last year", "DATE", "2012"),
    ("Inflation is expected to ease this year.", WED, "this year", "DATE", "2026"),
    ("Premiums could rise sharply next year.", FRI, "next year", "DATE", "2014"),
    ("The mine should reopen early next year.", WED, "early next year", "DATE", "2027"),
    ("Sales fell earlier this month.", WED, "earlier this month", "DATE", "2026-01"),
    ("Demand will peak at the end of the year.", WED, "the end of the year", "DATE", "2026"),
    ("Profit rose in the third quarter.", "1989-10-26", "the third quarter", "DATE", "1989-Q3"),
    ("Third-quarter profit rose 5%.", "1989-10-26", "Third-quarter", "DATE", "1989-Q3"),
    ("Profit fell in the first quarter of 2026.", None, "the first quarter of 2026", "DATE", "2026-Q1"),
    ("Net income doubled in the latest quarter.", "1989-10-26", "the latest quarter", "DATE", "1989-Q3"),
    ("Sales rose from the year-ago quarter.", "1989-11-02", "the year-ago quarter", "DATE", "1988-Q3"),
    ("Shipments resumed in Q3 2025.", None, "Q3 2025", "DATE", "2025-Q3"),
    ("The dam will be finished this summer.", WED, "this summer", "DATE", "2026-SU"),
    ("He faked his death last summer.", FRI, "last summer", "DATE", "2012-SU"),
    ("Prices climbed in the spring of 2024.", None, "the spring of 2024", "DATE", "2024-SP"),
    ("Tourism boomed in the 1990s.", None, "the 1990s", "DATE", "199"),
    ("Music of the '80s is back.", WED, "the '80s", "DATE", "198"),
    ("It was the bloodiest war of the 20th century.", None, "the 20th century", "DATE", "19"),
    ("Some firms merged two years ago.", "2013-03-22", "two years ago", "DATE", "2011"),
    ("The order came four years ago.", "2013-03-21", "four years ago", "DATE", "2009"),
    ("Profit was $3 million a year earlier.", "1989-11-02", "a year earlier", "DATE", "1988"),
    ("The plant opened three months ago.", WED, "three months ago", "DATE", "2025-10"),
    ("The firm was founded several years ago.", WED, "several years ago", "DATE", "PAST_REF"),
    # vague references
    ("He has admitted it now.", FRI, "now", "DATE", "PRESENT_REF"),
    ("The console is currently selling for $250.", FRI, "currently", "DATE", "PRESENT_REF"),
    ("In the past, he has given two conditions.", FRI, "the past", "DATE", "PAST_REF"),
    ("The outcome will shape policy in the coming months.", WED, "the coming months", "DATE", "FUTURE_REF"),
    ("Rates may fall in the near future.", WED, "the near future", "DATE", "FUTURE_REF"),
    # durations
    ("He was sentenced to 90 days in jail.", None, "90 days", "DURATION", "P90D"),
    ("The flu season was the worst in a decade.", None, "a decade", "DURATION", "P10Y"),
    ("He held the post for almost seven years.", None, "almost seven years", "DURATION", "P7Y"),
    ("Prices rose over the past two years.", None, "the past two years", "DURATION", "P2Y"),
    ("Prices will be set over the next few months.", None, "the next few months", "DURATION", "PXM"),
    ("A four-week closure of the towers begins soon.", None, "four-week", "DURATION", "P4W"),
    ("He was sworn in for a mere 24 hours.", None, "a mere 24 hours", "DURATION", "PT24H"),
    ("An hour before the vote, senators met.", None, "An hour", "DURATION", "PT1H"),
    ("Several days into the search, police found a boat.", None, "Several days", "DURATION", "PXD"),
    ("The oil firms had blocked it for years.", None, "years", "DURATION", "PXY"),
    ("Earnings rose in the first nine months.", None, "the first nine months", "DURATION", "P9M"),
    ("He was ill for two and a half years.", None, "two and a half years", "DURATION", "P2Y6M"),
    ("The trial lasted two weeks.", None, "two weeks", "DURATION", "P2W"),
    ("She has lived in Accra for 18 months.", None, "18 months", "DURATION", "P18M"),
    ("The strike lasted twenty-four hours.", None, "twenty-four hours", "DURATION", "PT24H"),
    ("Police were questioned in recent weeks.", None, "recent weeks", "DURATION", "PXW"),
    # sets
    ("The committee meets every week.", None, "every week", "SET", "P1W"),
    ("She checked for smog every morning.", None, "every morning", "SET", "XXXX-XX-XXTMO"),
    ("The market is held each Thursday.", None, "each Thursday", "SET", "XXXX-WXX-4"),
    ("The fund pays out billions of dollars annually.", None, "annually", "SET", "P1Y"),
    ("The airline flies twice a week to Bombay.", None, "twice a week", "SET", "P1W"),
    ("The reform saves $500 million a year.", None, "a year", "SET", "P1Y"),
    ("The club meets on Tuesdays.", None, "Tuesdays", "SET", "XXXX-WXX-2"),
    ("Officials report every three months.", None, "every three months", "SET", "P3M"),
    ("The market opens every Friday night.", None, "every Friday night", "SET", "XXXX-WXX-5TNI"),
]


@pytest.mark.parametrize("text, published, expression, type_, value", EXPRESSIONS)
def test_expression_type_and_value(extract_text, text, published, expression, type_, value):
    record = extract_text(text, published=published)
    found = {d["text"]: (d["type"], d["value"]) for d in record["dates"]}
    assert expression in found, f"{expression!r} not found in {found}"
    assert found[expression] == (type_, value)
    assert_offsets(record, text)


# extents: prepositions out, determiners and modifiers in; not-timexes not found
EXTENTS = [
    ("The talks ended on Monday.", ["Monday"]),
    ("Shares fell in the coming months.", ["the coming months"]),
    ("The plan was drafted during the 1990s.", ["the 1990s"]),
    ("The reactor will restart by early next year.", ["early next year"]),
    ("Costs rose since the third quarter.", ["the third quarter"]),
    ("The firm recently cut jobs.", []),
    ("May I ask a question? We will march on.", []),
    ("Over 2000 people marched in Lyon.", []),
    ("Mr. Reupke, 52 years old, will retire.", []),
    ("The 28-year-old striker scored.", []),
    ("Peace Talks To Resume In Geneva Next Week", ["Next Week"]),
    ("Happy Mondays played in Salford.", []),
    ("Windows 2000 crashed and about 2000 people complained.", []),
    ("He scored twice in the first half of the quarter-final.", []),
    ("Black Friday sales rose and the score was 21:14.", []),
    ("One day he will return to Spring Street.", []),
    ("The World Court Friday rejected the claim.", ["Friday"]),
    ("Profit fell from year-earlier levels in the first half of 2025.", ["year-earlier", "the first half of 2025"]),
    ("ABC's \"This Week\" interviewed the envoy.", []),
    ("The company cut its quarterly dividend.", []),
    ("Iraq imports about three-quarters of its food.", []),
    ("The fall of the regime surprised nobody.", []),
    ("He won a second term in office.", []),
    ("Prices rose over the last two weeks, but fell on Friday's close.",
     ["the last two weeks", "Friday"]),
    ("The closure is a two-week affair and the one-year term ends.", ["two-week", "one-year"]),
    ("He will speak Friday at 2:30 p.m. in Rome.", ["Friday at 2:30 p.m."]),
    ("Senators met eight years from now, he joked.", ["eight years", "now"]),
    # a bare number after a verb of movement and "at"/"to" is a level; after "in", a year
    ("The Hang Seng index closed at 2082 on Friday.", ["Friday"]),
    ("The Dax fell to 1950 points, then rises to 2010.", []),
    ("The mine closed in 1985 and the fund rose to 2000 by 2003.", ["1985", "2003"]),
    ("The deadline was extended to 2012.", ["2012"]),
]


@pytest.mark.parametrize("text, expected", EXTENTS)
def test_extents(extract_text, text, expected):
    record = extract_text(text, published=WED)
    assert [d["text"] for d in record["dates"]] == expected
    assert_offsets(record, text)


def test_a_range_is_one_entry(extract_text):
    record = extract_text("Leaders will meet in Rome from March 3 to 5, 2026, officials said.")
    assert [(d["text"], d["value"]) for d in record["dates"]] == [("March 3 to 5, 2026", "2026-03-03/2026-03-05")]


def test_without_anchor_relative_dates_are_null_until_a_full_date(extract_text):
    text = ("The minister spoke on Monday. The summit opened on Tuesday, March 3, 2026. "
            "Delegates left the next week and returned on Friday.")
    dates = {d["text"]: d["value"] for d in extract_text(text)["dates"]}
    assert dates["Monday"] is None  # nothing to resolve it against
    assert dates["Tuesday, March 3, 2026"] == "2026-03-03"
    assert dates["Friday"] == "2026-02-27"  # past tense: the Friday before March 3


@pytest.mark.parametrize("text, expression, value", [
    ("The summit opened on March 3, 2026. The following day, ministers left.", "The following day", "2026-03-04"),
    ("The dam was finished in 1995 and flooded the following year.", "the following year", "1996"),
    ("Rebels took Goma in May 2012; that month, aid stopped.", "that month", "2012-05"),
    ("Ministers met on March 3, 2026, but the previous week had been calm.", "the previous week", "2026-W09"),
    ("The following year, he left the party.", "The following year", None),  # nothing to follow
])
def test_anaphoric_dates_follow_the_last_date_spoken_of(extract_text, text, expression, value):
    dates = {d["text"]: d["value"] for d in extract_text(text, published=WED)["dates"]}
    assert dates[expression] == value


def test_durations_and_sets_need_no_anchor(extract_text):
    dates = {d["text"]: d["value"] for d in extract_text("Talks lasted three years and resume every week.")["dates"]}
    assert dates == {"three years": "P3Y", "every week": "P1W"}


def test_dateline_is_the_anchor(extract_text):
    text = "NAIROBI, February 10, 2026 (Reuters) - Kenya's president said on Monday he will visit Kampala next week."
    record = extract_text(text)
    assert record["published"] == "2026-02-10"
    dates = {d["text"]: d["value"] for d in record["dates"]}
    assert dates["Monday"] == "2026-02-09"
    assert dates["next week"] == "2026-W08"


def test_the_publication_date_wins_over_the_text(extract_text):
    record = extract_text("The vote was held yesterday in Quito.", published="2024-06-03")
    assert [d["value"] for d in record["dates"]] == ["2024-06-02"]


def test_seed_dates(seed_records):
    by_id = {r["id"]: {d["text"]: (d["type"], d["value"]) for d in r["dates"]} for r in seed_records}
    values = {v for dates in by_id.values() for v in dates.values()}
    assert ("DATE", "2026-01-05/2026-01-06") in values
    assert ("DATE", "2026-01-05") in values
    assert ("DATE", "FUTURE_REF") in values
    for dates in by_id.values():
        assert "future" not in {text.lower() for text in dates}  # "a future ceasefire" is no date


def test_published_from_jsonl_and_from_the_command_line(nlp, tmp_path):
    import json

    from typer.testing import CliRunner

    from newsextract.cli.app import app

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": "Lima voted yesterday.", "published": "2025-11-03"}) + "\n"
                    + json.dumps({"id": "b", "text": "Lima voted yesterday."}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["parse", str(feed), "--published", "2024-02-01", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    values = {r["id"]: [d["value"] for d in r["dates"]] for r in map(json.loads, result.stdout.splitlines())}
    assert values == {"a": ["2025-11-02"], "b": ["2024-01-31"]}  # the record's own date wins
